/* sync_reply_make.c - at the register: the reply to a device's bundle. It
 * acknowledges the device's mark (the device may forget what is below
 * it), names its moves still in conflicts, and carries status back by
 * role: a kiosk gets the stage and dates of the cases it logged and their
 * code hashes, nothing personal; an officer's device gets the cases it
 * logged and that officer's open cases in full; a desk every open case.
 * Making one writes nothing, so a lost reply can be made again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "sync_private.h"

/* Which cases go back: a kiosk's, and a device's that gets them in full
 * (?1 the device code, ?2 the officer's name, '' for a desk: everyone):
 * those it logged, and the open ones, with those answered in the last 60
 * days (?3 is that day), so that the device sees its copies close. */
static const char *const SQL_CASES[] = {
	"SELECT c.ref FROM sync_origin o JOIN cases c ON c.id = o.case_id WHERE o.code = ?1"
	" ORDER BY c.id",
	"SELECT ref FROM cases c WHERE c.id IN (SELECT case_id FROM sync_origin WHERE code = ?1)"
	" OR ((?2 = '' OR c.officer = ?2) AND (EXISTS (SELECT 1 FROM stages s WHERE s.case_id = c.id"
	" AND (s.responded IS NULL OR s.responded >= ?3)) OR (c.unsafe AND (c.safety_handled IS NULL"
	" OR c.safety_handled >= ?3)))) ORDER BY c.id",
};

static int extras(tl_store *st, const tl_case *c, bool personal, json_t *j, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "SELECT tracking_hash FROM cases WHERE id = ?", &q, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		json_object_set_new(j, "tracking_hash",
				    json_string((const char *)sqlite3_column_text(q, 0)));
	store_stmt_done(st, q);
	if (!personal)
		return TL_OK;
	json_t *pauses = json_array();
	if ((rc = store_stmt(st, "SELECT s.stage, p.paused, p.resumed, p.reason, p.days FROM"
			     " stage_pauses p JOIN stages s ON s.id = p.stage_id WHERE s.case_id = ?"
			     " ORDER BY p.id", &q, err))) {
		json_decref(pauses);
		return rc;
	}
	sqlite3_bind_int64(q, 1, c->id);
	while (sqlite3_step(q) == SQLITE_ROW) {
		json_t *p = json_pack("{s:i, s:s, s:s?, s:s, s:i}", "stage", sqlite3_column_int(q, 0),
				      "paused", sqlite3_column_text(q, 1), "resumed",
				      sqlite3_column_text(q, 2), "reason", sqlite3_column_text(q, 3),
				      "days", sqlite3_column_int(q, 4));
		json_array_append_new(pauses, p);
	}
	store_stmt_done(st, q);
	json_object_set_new(j, "pauses", pauses);
	return TL_OK;
}

/* One line per case the device is to have back. */
static int cases(tl_store *st, const sync_peer *p, FILE *f, long *n, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	bool personal = p->role != SYNC_ROLE_KIOSK;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(store_db(st), SQL_CASES[personal], -1, &q, NULL))
		return store_fail(st, err, "reading cases");
	sqlite3_bind_text(q, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, p->role == SYNC_ROLE_DESK ? "" : p->name, -1, SQLITE_STATIC);
	char since[TL_DATE_LEN];
	date_format(store_today(st) - 60, since);
	if (personal)
		sqlite3_bind_text(q, 3, since, -1, SQLITE_STATIC);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		tl_case c;
		if ((rc = case_get(st, (const char *)sqlite3_column_text(q, 0), &c, err)))
			break;
		json_t *j = sync_case_json(&c, personal);
		if (!j || (rc = extras(st, &c, personal, j, err)) == TL_OK) {
			char *line = j ? json_dumps(j, JSON_COMPACT) : NULL;
			if (line) {
				fprintf(f, "%s\n", line);
				(*n)++;
				free(line);
			} else {
				rc = err_set(err, TL_EINVAL, "%s: cannot be written into a reply", c.ref);
			}
		}
		json_decref(j);
		case_clear(&c);
	}
	sqlite3_finalize(q);
	return rc;
}

/* The first line: the mark, the moves in conflicts, how many cases, the
 * register's lists. */
static int head(tl_store *st, const sync_peer *p, long n, char **out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN];
	json_t *conflicts = json_array();
	int rc = store_stmt(st, "SELECT seq FROM sync_conflicts WHERE code = ? AND epoch = ?"
			    " AND settled IS NULL ORDER BY seq", &q, err);
	if (rc) {
		json_decref(conflicts);
		return rc;
	}
	sqlite3_bind_text(q, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, p->epoch);
	while (sqlite3_step(q) == SQLITE_ROW)
		json_array_append_new(conflicts, json_integer(sqlite3_column_int64(q, 0)));
	store_stmt_done(st, q);
	date_format(store_today(st), day);
	json_t *j = json_pack("{s:i, s:s, s:I, s:o, s:i, s:s}", "format", SYNC_FORMAT, "kind",
			      "reply", "mark", (json_int_t)p->mark, "conflicts", conflicts, "cases",
			      (int)n, "day", day);
	*out = NULL;
	if (j && (rc = sync_lists_put(st, j, err)) == TL_OK)
		*out = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return *out ? TL_OK : rc ? rc : err_set(err, TL_ENOMEM, "reply: out of memory");
}

static int seal(tl_store *st, const sync_peer *p, const char *first, const char *rest, size_t len,
		tl_sync_blob *out, tl_err *err)
{
	struct timeval tv;
	sync_keys k;
	size_t fn = strlen(first);
	char *all = malloc(fn + 1 + len + 1);
	int rc = all ? sync_keys_get(st, 0, &k, err) : err_set(err, TL_ENOMEM, "reply: out of memory");

	if (rc) {
		free(all);
		return rc;
	}
	gettimeofday(&tv, NULL);
	sync_header h = { .kind = SYNC_KIND_REPLY, .key_id = k.key_id, .epoch = (uint32_t)p->epoch,
			  .last = (uint64_t)p->mark, .day = store_today(st),
			  .serial = (uint64_t)tv.tv_sec * 1000000u + (uint64_t)tv.tv_usec };
	memcpy(h.register_id, k.register_id, SYNC_ID_LEN);
	memcpy(h.install_id, p->install_id, SYNC_ID_LEN);
	snprintf(h.code, sizeof h.code, "%s", p->code);
	memcpy(all, first, fn);
	all[fn] = '\n';
	memcpy(all + fn + 1, rest ? rest : "", len);
	rc = sync_env_make(&h, all, fn + 1 + len, p->box_pk, k.sign_sk, out, err);
	sodium_memzero(all, fn + 1 + len);
	free(all);
	sync_keys_wipe(&k);
	if (rc == TL_OK)
		snprintf(out->name, sizeof out->name, "%s-e%d-reply-%lld.reply", p->code, p->epoch,
			 p->mark);
	return rc;
}

int sync_reply_make(tl_store *st, const sync_peer *p, tl_sync_blob *out, tl_err *err)
{
	char *text = NULL, *first = NULL;
	size_t len = 0;
	long n = 0;
	bool own = false;
	FILE *f = open_memstream(&text, &len);
	int rc = f ? store_read_begin(st, &own, "reading cases", err)
		   : err_set(err, TL_ENOMEM, "reply: out of memory");

	if (rc == TL_OK && (rc = cases(st, p, f, &n, err)) == TL_OK)
		rc = head(st, p, n, &first, err);
	store_read_end(st, own);
	if (f && fclose(f) && rc == TL_OK)
		rc = err_set(err, TL_ENOMEM, "reply: out of memory");
	if (rc == TL_OK)
		rc = seal(st, p, first, text, len, out, err);
	if (text)
		sodium_memzero(text, len);
	free(text);
	free(first);
	return rc;
}
