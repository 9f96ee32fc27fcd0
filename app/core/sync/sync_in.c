/* sync_in.c - at the register: a device's bundle checked whole, then every
 * move after the device's mark replayed through the lifecycle in one
 * transaction (sync.h rules 1 to 3). The envelope is checked before
 * anything is read from it: for this register, from a device it enrolled,
 * signed by that device's key, bound to one install, no moves missing. A
 * move the register refuses is kept in sync_conflicts; a failure of the
 * file itself (disk, database) undoes the whole bundle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sync_private.h"

/* The device as the register enrolled it. */
typedef struct {
	sync_peer p;
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
	bool bound;                /* an install id is bound */
	char revoked[32];
	tl_date last_day;
} device_row;

static int device_get(tl_store *st, const sync_header *h, device_row *d, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "SELECT name, role, sign_pk, box_pk, install_id,"
			    " coalesce(revoked, ''), mark, last_day, key_id FROM sync_devices"
			    " WHERE code = ? AND epoch = ?", &q, err);
	memset(d, 0, sizeof *d);
	if (rc)
		return rc;
	sqlite3_bind_text(q, 1, h->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, h->epoch);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		snprintf(d->p.code, sizeof d->p.code, "%s", h->code);
		d->p.epoch = (int)h->epoch;
		snprintf(d->p.name, sizeof d->p.name, "%s", sqlite3_column_text(q, 0));
		d->p.role = words_find(&WS_DEVICE_ROLE, (const char *)sqlite3_column_text(q, 1));
		d->bound = sync_col_blob(q, 4, d->p.install_id, SYNC_ID_LEN);
		snprintf(d->revoked, sizeof d->revoked, "%s", sqlite3_column_text(q, 5));
		d->p.mark = sqlite3_column_int64(q, 6);
		d->last_day = TL_NO_DATE;
		if (sqlite3_column_type(q, 7) != SQLITE_NULL)
			date_parse((const char *)sqlite3_column_text(q, 7), &d->last_day, "last_day", NULL);
		d->p.key_id = (uint32_t)sqlite3_column_int64(q, 8);
		rc = sync_col_blob(q, 2, d->sign_pk, sizeof d->sign_pk) &&
		     sync_col_blob(q, 3, d->p.box_pk, sizeof d->p.box_pk) ? TL_OK
			: err_set(err, TL_EDB, "sync_devices: %s's keys are damaged", h->code);
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "from an unknown device '%s' (see tellus device list)",
			     h->code);
	} else {
		rc = store_fail(st, err, "reading devices");
	}
	store_stmt_done(st, q);
	if (rc == TL_ENOTFOUND && h->epoch > 1)
		err_set(err, TL_ENOTFOUND, "from %s's enrolment %u, which this register did not make "
			"(see tellus device list)", h->code, h->epoch);
	return rc;
}

/* The envelope: register, device, signature, install, keys to open it. */
static int check(tl_store *st, const unsigned char *b, size_t n, sync_header *h, device_row *d,
		 sync_keys *k, tl_err *err)
{
	int rc;
	char who[32];

	if ((rc = sync_env_header(b, n, SYNC_KIND_BUNDLE, h, err)) ||
	    (rc = sync_keys_get(st, 0, k, err)))
		return rc;
	if (memcmp(k->register_id, h->register_id, SYNC_ID_LEN))
		return err_set(err, TL_EINVAL, "meant for another register: %s did not join this one",
			       h->code);
	if ((rc = device_get(st, h, d, err)))
		return rc;
	snprintf(who, sizeof who, "device %s", h->code);
	if ((rc = sync_env_verify(b, h, d->sign_pk, who, err)))
		return rc;
	if (d->bound && memcmp(d->p.install_id, h->install_id, SYNC_ID_LEN))
		return err_set(err, TL_EINVAL, "%s's pair file has been used by a second install: enrol "
			       "it again (tellus device add %s) and join with the new file", h->code,
			       h->code);
	memcpy(d->p.install_id, h->install_id, SYNC_ID_LEN);
	if (h->key_id != k->key_id && (rc = sync_keys_get(st, h->key_id, k, err)))
		return err_set(err, TL_EINVAL, "sealed to key %u, which this register does not have",
			       h->key_id);
	return TL_OK;
}

/* One line of the payload: its seq (checked in order) and its hash. */
typedef struct {
	const char *line;
	size_t n;
	long long seq;
	unsigned char hash[crypto_hash_sha256_BYTES];
} move_line;

/* A move line's number: read from its opening ({"seq":N, as devices
 * write it) without parsing the whole line twice; any other shape is
 * parsed. 0 when it has none. */
static long long line_seq(const char *line, size_t n, json_error_t *jerr)
{
	static const char open[] = "{\"seq\":";
	size_t k = sizeof open - 1;
	if (n > k + 1 && memcmp(line, open, k) == 0 && line[k] >= '1' && line[k] <= '9') {
		long long v = 0;
		for (; k < n && line[k] >= '0' && line[k] <= '9' && v < (1LL << 53); k++)
			v = v * 10 + (line[k] - '0');
		if (k < n && line[k] == ',')
			return v;
	}
	json_t *j = json_loadb(line, n, 0, jerr), *seq = json_object_get(j, "seq");
	long long v = json_is_integer(seq) ? json_integer_value(seq) : 0;
	json_decref(j);
	return v;
}

/* Splits the payload into lines and checks the first says what follows
 * and the moves run first..last without a gap. *lines is malloc'd. */
static int split(const char *text, size_t len, const sync_header *h, move_line **lines,
		 size_t *count, tl_err *err)
{
	size_t pos = 0, want = (size_t)(h->last + 1 - h->first), n;
	const char *line;
	json_error_t jerr;

	*lines = NULL;
	*count = 0;
	if (!sync_next_line(text, len, &pos, &line, &n) ||
	    n < 30 || strncmp(line, "{\"format\":1,\"kind\":\"bundle\",", 28))
		return err_set(err, TL_EINVAL, "damaged: its contents do not start as a bundle's");
	if (!(*lines = calloc(want ? want : 1, sizeof **lines)))
		return err_set(err, TL_ENOMEM, "bundle: out of memory");
	while (sync_next_line(text, len, &pos, &line, &n)) {
		long long s = line_seq(line, n, &jerr);
		if (*count >= want || s != (long long)h->first + (long long)*count)
			return err_set(err, TL_EINVAL, "damaged: its moves are not %llu to %llu in order",
				       (unsigned long long)h->first, (unsigned long long)h->last);
		move_line *ml = &(*lines)[(*count)++];
		ml->line = line;
		ml->n = n;
		ml->seq = s;
		crypto_hash_sha256(ml->hash, (const unsigned char *)line, n);
	}
	if (*count != want)
		return err_set(err, TL_EINVAL, "damaged: %zu of its %zu moves", *count, want);
	return TL_OK;
}

int sync_apply_move(tl_store *st, const char *code, const sync_move *m, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = sync_replay(st, m, err);
	if (rc || (strcmp(m->move, "log") && strcmp(m->move, "put")))
		return rc;
	if ((rc = store_stmt(st, "INSERT OR IGNORE INTO sync_origin(case_id, code)"
			     " SELECT id, ? FROM cases WHERE ref = ?", &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, m->owned ? m->owned->ref : m->ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "noting a case's device");
	store_stmt_done(st, q);
	return rc;
}

/* A failure of the file, not a refusal by the rules: the bundle stops. */
static bool is_failure(int rc)
{
	return rc == TL_EDB || rc == TL_EIO || rc == TL_ENOMEM;
}

/* The hash kept for a move applied before: 1 same, 0 none kept, -1 other. */
static int same_as_applied(tl_store *st, const sync_header *h, const move_line *ml, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int same = 0;
	if (store_stmt(st, "SELECT hash FROM sync_applied WHERE code = ? AND epoch = ? AND seq = ?",
		       &q, err))
		return 0;
	sqlite3_bind_text(q, 1, h->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, h->epoch);
	sqlite3_bind_int64(q, 3, ml->seq);
	if (sqlite3_step(q) == SQLITE_ROW)
		same = sqlite3_column_bytes(q, 0) == (int)sizeof ml->hash &&
		       !memcmp(sqlite3_column_blob(q, 0), ml->hash, sizeof ml->hash) ? 1 : -1;
	store_stmt_done(st, q);
	return same;
}

static int keep_hash(tl_store *st, const sync_header *h, const move_line *ml, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "INSERT INTO sync_applied(code, epoch, seq, hash) VALUES(?, ?, ?, ?)",
			    &q, err);
	if (rc)
		return rc;
	sqlite3_bind_text(q, 1, h->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, h->epoch);
	sqlite3_bind_int64(q, 3, ml->seq);
	sqlite3_bind_blob(q, 4, ml->hash, sizeof ml->hash, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "keeping a move's hash");
	store_stmt_done(st, q);
	return rc;
}

/* Why the register will not replay m as it came, or NULL: a day the
 * register has not reached, or before the device's last move (its clock
 * went wrong, and dates set statutory deadlines). */
static const char *clock_wrong(const sync_move *m, tl_date today, tl_date last, char *why,
			       size_t cap)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	date_format(m->day, a);
	if (m->day > today) {
		date_format(today, b);
		snprintf(why, cap, "made on %s, after today at the register (%s): the device's clock "
			 "is ahead", a, b);
		return why;
	}
	if (last != TL_NO_DATE && m->day < last) {
		date_format(last, b);
		snprintf(why, cap, "made on %s, before the device's move of %s: its clock went back",
			 a, b);
		return why;
	}
	return NULL;
}

/* One move after the mark: replayed, or kept in conflicts. */
static int one_move(tl_store *st, const sync_header *h, device_row *d, const move_line *ml,
		    tl_date today, tl_sync_in *out, tl_err *err)
{
	sync_move m;
	tl_err why;
	char clock[300];
	const char *reason = NULL;
	int rc = sync_move_decode(ml->line, ml->n, &m, &why);

	if (rc == TL_OK && !(reason = clock_wrong(&m, today, d->last_day, clock, sizeof clock))) {
		rc = sync_apply_move(st, h->code, &m, &why);
		if (is_failure(rc)) {
			char what[200];
			sync_move_describe(&m, what, sizeof what);
			err_set(err, rc, "move %lld (%s): %s", ml->seq, what, why.msg);
			sync_move_clear(&m);
			return rc;
		}
		if (rc == TL_OK && (d->last_day == TL_NO_DATE || m.day > d->last_day))
			d->last_day = m.day;
	}
	if (rc || reason) {
		rc = sync_conflict_add(st, h->code, (int)h->epoch, ml->seq, m.move ? &m : NULL,
				       ml->line, ml->n, reason ? reason : why.msg, err);
		out->conflicts++;
	} else {
		out->applied++;
	}
	sync_move_clear(&m);
	return rc ? rc : keep_hash(st, h, ml, err);
}

static int note_device(tl_store *st, const sync_header *h, const device_row *d, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32], last[TL_DATE_LEN] = "";
	int rc = store_stmt(st, "UPDATE sync_devices SET mark = ?, last_day = nullif(?, ''),"
			    " last_in = ?, install_id = ? WHERE code = ? AND epoch = ?", &q, err);
	if (rc)
		return rc;
	sync_now(now);
	date_format(d->last_day, last);
	sqlite3_bind_int64(q, 1, d->p.mark);
	sqlite3_bind_text(q, 2, last, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_blob(q, 4, d->p.install_id, SYNC_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, h->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 6, h->epoch);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "noting the device's mark");
	store_stmt_done(st, q);
	return rc;
}

/* Every move of the bundle in one transaction (rule 1). */
static int apply(tl_store *st, const sync_header *h, device_row *d, const move_line *lines,
		 size_t count, tl_sync_in *out, tl_err *err)
{
	tl_date today = store_today(st);
	char detail[200], what[64];
	store_bulk_saved old;
	tl_progress p;
	store_bulk_begin(st, &old);
	/* The totals, open stages and search index once, at the commit, not
	 * at each move: every move still has its own level (rule 9). */
	int rc = store_begin(st, err);
	if (rc == TL_OK)
		rc = store_defer(st, err);

	snprintf(what, sizeof what, "applying %s's moves", h->code);
	progress_begin(&p, store_progress(st), what, "moves", (long)count);
	for (size_t i = 0; rc == TL_OK && i < count; i++) {
		const move_line *ml = &lines[i];
		progress_set(&p, (long)i, -1, false);
		if (ml->seq > d->p.mark) {
			if ((rc = one_move(st, h, d, ml, today, out, err)) == TL_OK)
				d->p.mark = ml->seq;
			continue;
		}
		out->skipped++;
		if (same_as_applied(st, h, ml, err) < 0) {
			rc = sync_conflict_add(st, h->code, (int)h->epoch, ml->seq, NULL, ml->line, ml->n,
					       "this move number was applied before with other content "
					       "(was the device restored from a backup?)", err);
			out->conflicts++;
		}
	}
	snprintf(detail, sizeof detail, "%s epoch %u: moves %llu to %llu, %ld applied, %ld in "
		 "conflicts, %ld had been applied", h->code, h->epoch, (unsigned long long)h->first,
		 (unsigned long long)h->last, out->applied, out->conflicts, out->skipped);
	progress_end(&p);
	if (rc == TL_OK && (rc = note_device(st, h, d, err)) == TL_OK)
		rc = store_audit(st, "sync_in", NULL, detail, err);
	rc = store_end(st, rc, err);
	store_bulk_end(st, &old);
	return rc;
}

/* Is any move of the bundle other than the one applied under its number? */
static bool changed_since(tl_store *st, const sync_header *h, const move_line *lines, size_t count,
			  tl_err *err)
{
	for (size_t i = 0; i < count; i++)
		if (same_as_applied(st, h, &lines[i], err) < 0)
			return true;
	return false;
}

/* A revoked device's bundle: every move kept for review, none applied
 * (rule 3); the bundle is still refused, saying so. */
static int keep_revoked(tl_store *st, const sync_header *h, const device_row *d,
			const move_line *lines, size_t count, tl_sync_in *out, tl_err *err)
{
	char reason[160], detail[160];
	int rc = store_begin(st, err);

	snprintf(reason, sizeof reason, "%s was revoked on %.10s: kept for review, not applied",
		 h->code, d->revoked);
	for (size_t i = 0; rc == TL_OK && i < count; i++) {
		sync_move m;
		tl_err why;
		bool read = sync_move_decode(lines[i].line, lines[i].n, &m, &why) == TL_OK;
		rc = sync_conflict_add(st, h->code, (int)h->epoch, lines[i].seq, read ? &m : NULL,
				       lines[i].line, lines[i].n, reason, err);
		if (read)
			sync_move_clear(&m);
	}
	snprintf(detail, sizeof detail, "%s epoch %u (revoked): moves %llu to %llu kept for review",
		 h->code, h->epoch, (unsigned long long)h->first, (unsigned long long)h->last);
	if (rc == TL_OK)
		rc = store_audit(st, "sync_in_revoked", NULL, detail, err);
	if ((rc = store_end(st, rc, err)))
		return rc;
	out->revoked = true;
	out->conflicts = (long)count;
	return err_set(err, TL_ESTATE, "%s was revoked on %.10s: its %zu moves are kept for review "
		       "in tellus conflicts, none applied", h->code, d->revoked, count);
}

int sync_in(tl_store *st, const unsigned char *b, size_t n, tl_sync_blob *reply,
	    tl_sync_in *out, tl_err *err)
{
	sync_header h;
	device_row d;
	sync_keys k;
	move_line *lines = NULL;
	size_t count = 0, plen = 0;
	char *text = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (reply)
		memset(reply, 0, sizeof *reply);
	if ((rc = check(st, b, n, &h, &d, &k, err)) ||
	    (rc = sync_env_open(b, &h, k.box_pk, k.box_sk, &text, &plen, err)) ||
	    (rc = split(text, plen, &h, &lines, &count, err)))
		goto cleanup;
	snprintf(out->code, sizeof out->code, "%s", h.code);
	out->epoch = (int)h.epoch;
	out->first = (long long)h.first;
	out->last = (long long)h.last;
	if (d.revoked[0]) {
		rc = keep_revoked(st, &h, &d, lines, count, out, err);
		goto cleanup;
	}
	if ((long long)h.first > d.p.mark + 1) {
		rc = err_set(err, TL_ESTATE, "starts at move %llu, but the register has %s's moves up "
			     "to %lld only: take in the bundle with moves %lld to %llu first, or write "
			     "a new one on the device", (unsigned long long)h.first, h.code, d.p.mark,
			     d.p.mark + 1, (unsigned long long)h.first - 1);
		goto cleanup;
	}
	/* Every move applied before with the same content: nothing to write
	 * at all, so the same bundle twice leaves the file as it was. */
	out->already = (long long)h.last <= d.p.mark && !changed_since(st, &h, lines, count, err);
	if (out->already)
		out->skipped = (long)count;
	else if ((rc = apply(st, &h, &d, lines, count, out, err)))
		goto cleanup;
	out->mark = d.p.mark;
	if (reply)
		rc = sync_reply_make(st, &d.p, reply, err);
cleanup:
	if (text)
		sodium_memzero(text, plen);
	free(text);
	free(lines);
	sync_keys_wipe(&k);
	return rc;
}
