/* sync_reply_take.c - on a device: the register's reply taken in (sync.h
 * rules 4 and 5). Checked like a bundle (for this device, from its
 * register, signed by the register's key), then in one transaction: the
 * mark recorded, the moves up to it dropped, each case's status taken
 * (except a case with a move still waiting: the device's newer state
 * stands until the register has that move too), and on a kiosk every
 * case the register has loses the person's words. The WAL is truncated
 * after the commit, so the words are gone from it as well. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "case/case_take.h"
#include "sync_private.h"

typedef struct {
	long long mark;
	long cases, refused;
	json_t *json;            /* the whole line (owned): the lists ride on it */
} reply_head;

static int check(const sync_self *me, const unsigned char *b, size_t n, sync_header *h, tl_err *err)
{
	int rc = sync_env_header(b, n, SYNC_KIND_REPLY, h, err);
	if (rc)
		return rc;
	if (memcmp(h->register_id, me->register_id, SYNC_ID_LEN))
		return err_set(err, TL_EINVAL, "from another register than the one this device joined");
	if (strcmp(h->code, me->code) || (int)h->epoch != me->epoch ||
	    memcmp(h->install_id, me->install_id, SYNC_ID_LEN))
		return err_set(err, TL_EINVAL, "meant for device %s (enrolment %u), not this one (%s, "
			       "enrolment %d)", h->code, h->epoch, me->code, me->epoch);
	return sync_env_verify(b, h, me->register_sign_pk, "the register", err);
}

static int read_head(const char *line, size_t n, reply_head *rh, tl_err *err)
{
	json_error_t jerr;
	json_t *j = json_loadb(line, n, 0, &jerr), *conflicts;
	json_int_t mark = -1, cases = -1;
	int format = 0;
	const char *kind = "";

	int bad = !j || json_unpack(j, "{s:i, s:s, s:I, s:o, s:I}", "format", &format, "kind", &kind,
				    "mark", &mark, "conflicts", &conflicts, "cases", &cases) ||
		  format != 1 || strcmp(kind, "reply") || mark < 0 || cases < 0 ||
		  !json_is_array(conflicts);
	if (!bad) {
		rh->mark = mark;
		rh->cases = (long)cases;
		rh->refused = (long)json_array_size(conflicts);
		rh->json = json_incref(j);
	}
	json_decref(j);
	return bad ? err_set(err, TL_EINVAL, "damaged: its contents do not start as a reply's") : TL_OK;
}

/* The mark must lie between what this device was told before and what it
 * has made (rule 5). */
static int check_mark(tl_store *st, const sync_self *me, long long mark, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	long long made = 0;
	int rc = store_stmt(st, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name ="
			    " 'sync_moves'), 0)", &q, err);
	if (rc)
		return rc;
	if (sqlite3_step(q) == SQLITE_ROW)
		made = sqlite3_column_int64(q, 0);
	store_stmt_done(st, q);
	if (mark > made)
		return err_set(err, TL_EINVAL, "acknowledges move %lld, but this device has made %lld: "
			       "not a reply to its bundles", mark, made);
	if (mark < me->acked)
		return err_set(err, TL_ESTATE, "acknowledges moves up to %lld, but the register had "
			       "acknowledged up to %lld before (restored from a backup?): this device "
			       "keeps its moves; tell the complaints team", mark, me->acked);
	return TL_OK;
}

static int read_pauses(json_t *j, tl_taken *x, tl_err *err)
{
	json_t *a = json_object_get(j, "pauses"), *p;
	size_t i;
	if (!a)
		return TL_OK;
	if (!json_is_array(a) || !(x->pauses = calloc(json_array_size(a) + 1, sizeof *x->pauses)))
		return err_set(err, TL_EINVAL, "reply: a case's pauses are not a list");
	json_array_foreach(a, i, p) {
		tl_taken_pause *tp = &x->pauses[x->n_pauses++];
		const char *paused = NULL, *resumed = NULL, *reason = NULL;
		if (json_unpack(p, "{s:i, s:s, s?s, s:s, s:i}", "stage", &tp->stage, "paused", &paused,
				"resumed", &resumed, "reason", &reason, "days", &tp->days) ||
		    date_parse(paused, &tp->paused, "reply pause", err) ||
		    (resumed && date_parse(resumed, &tp->resumed, "reply pause", err)) ||
		    (tp->reason = words_find(&WS_PAUSE, reason)) < 0)
			return err_set(err, TL_EINVAL, "reply: a case's pause is damaged");
		if (!resumed)
			tp->resumed = TL_NO_DATE;
	}
	return TL_OK;
}

/* Is a move of ref still waiting to reach the register? */
static bool waiting(tl_store *st, const char *ref)
{
	sqlite3_stmt *q = NULL;
	bool yes = false;
	if (store_stmt(st, "SELECT 1 FROM sync_moves WHERE ref = ? LIMIT 1", &q, NULL))
		return true;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	yes = sqlite3_step(q) == SQLITE_ROW;
	store_stmt_done(st, q);
	return yes;
}

/* Records through the core (case_staff_told_mark) that the register has
 * the safety record ref, counting it in out->told the first time only
 * (handled at the register counts too: the record was not marked here). */
static int staff_told(tl_store *st, const char *ref, tl_sync_reply *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	bool before = false;
	int rc = store_stmt(st, "SELECT 1 FROM safety_told t JOIN cases c ON c.id = t.case_id"
			    " WHERE c.ref = ?", &q, err);
	if (rc)
		return rc;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	before = sqlite3_step(q) == SQLITE_ROW;
	store_stmt_done(st, q);
	if ((rc = case_staff_told_mark(st, ref, "register", err)) == TL_OK && !before)
		out->told++;
	return rc;
}

/* personal: the register sends this device's role a person's words too. */
static int take_case(tl_store *st, const char *line, size_t n, bool personal, tl_sync_reply *out,
		     tl_err *err)
{
	json_error_t jerr;
	json_t *j = json_loadb(line, n, JSON_REJECT_DUPLICATES, &jerr);
	tl_taken x = { 0 };
	tl_case c;
	int rc = sync_case_read(j, &c, err);

	if (rc) {
		json_decref(j);
		return rc;
	}
	x.personal = personal;
	x.tracking_hash = json_string_value(json_object_get(j, "tracking_hash"));
	rc = read_pauses(j, &x, err);
	if (rc == TL_OK && !waiting(st, c.ref) && (rc = case_take(st, &c, &x, err)) == TL_OK)
		out->cases++;
	/* The register has this "I don't feel safe" record, so the device may
	 * say that staff have been told of it (SPEC 8). */
	if (rc == TL_OK && c.unsafe)
		rc = staff_told(st, c.ref, out, err);
	free(x.pauses);
	case_clear(&c);
	json_decref(j);
	return rc;
}

static int note_reply(tl_store *st, const sync_header *h, const reply_head *rh, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32];
	int rc = store_stmt(st, "UPDATE sync_self SET acked = ?, reply_serial = ?, replies = replies + 1,"
			    " last_reply = ?, refused = ?", &q, err);
	if (rc)
		return rc;
	sync_now(now);
	sqlite3_bind_int64(q, 1, rh->mark);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)h->serial);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, rh->refused);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "noting the reply");
	store_stmt_done(st, q);
	if (rc || (rc = store_stmt(st, "DELETE FROM sync_moves WHERE seq <= ?", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, rh->mark);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "dropping acknowledged moves");
	store_stmt_done(st, q);
	return rc;
}

/* Everything of the reply in one transaction. */
static int take(tl_store *st, const sync_self *me, const sync_header *h, const reply_head *rh,
		const char *text, size_t len, size_t pos, tl_sync_reply *out, tl_err *err)
{
	const char *line;
	size_t n;
	char detail[200];
	int rc = store_begin(st, err);

	if (rc == TL_OK)
		rc = note_reply(st, h, rh, err);
	if (rc == TL_OK)
		rc = sync_lists_take(st, rh->json, &out->lists, err);
	while (rc == TL_OK && sync_next_line(text, len, &pos, &line, &n))
		rc = take_case(st, line, n, me->role != SYNC_ROLE_KIOSK, out, err);
	if (rc == TL_OK && me->role == SYNC_ROLE_KIOSK)
		rc = sync_forget(st, &out->forgotten, err);
	snprintf(detail, sizeof detail, "the register has moves up to %lld; %ld cases brought up to "
		 "date, %ld cases' words removed, %ld moves in its conflicts", rh->mark, out->cases,
		 out->forgotten, rh->refused);
	if (rc == TL_OK)
		rc = store_audit(st, "sync_reply", NULL, detail, err);
	return store_end(st, rc, err);
}

int sync_take_reply(tl_store *st, const unsigned char *b, size_t n, tl_sync_reply *out,
		    tl_err *err)
{
	sync_self me;
	sync_header h;
	reply_head rh = { 0 };
	char *text = NULL;
	size_t plen = 0, pos = 0, ln;
	const char *line;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = sync_self_get(st, &me, err)))
		return rc;
	if ((rc = check(&me, b, n, &h, err)) ||
	    (rc = sync_env_open(b, &h, me.box_pk, me.box_sk, &text, &plen, err)))
		goto cleanup;
	if (!sync_next_line(text, plen, &pos, &line, &ln) || (rc = read_head(line, ln, &rh, err))) {
		rc = rc ? rc : err_set(err, TL_EINVAL, "damaged: an empty reply");
		goto cleanup;
	}
	out->mark = rh.mark;
	out->refused = rh.refused;
	if ((long long)h.serial <= me.reply_serial) {
		out->already = true; /* this reply or a newer one was taken: nothing to do */
		goto cleanup;
	}
	if ((rc = check_mark(st, &me, rh.mark, err)) ||
	    (rc = take(st, &me, &h, &rh, text, plen, pos, out, err)))
		goto cleanup;
	if (me.role == SYNC_ROLE_KIOSK)
		sync_wal_truncate(st, &out->wal_truncated);
cleanup:
	json_decref(rh.json);
	if (text)
		sodium_memzero(text, plen);
	free(text);
	sync_self_wipe(&me);
	return rc;
}
