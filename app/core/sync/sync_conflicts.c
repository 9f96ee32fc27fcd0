/* sync_conflicts.c - what the register did not apply, kept for a person:
 * moves its rules refused (a stage it had already answered), moves of a
 * revoked device, a move number sent again with other content. Nothing is
 * dropped: each keeps the move as the device wrote it, and settling one
 * (with a note, audited) either replays it now through the lifecycle or
 * closes it as it stands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "sync_private.h"

int sync_conflict_add(tl_store *st, const char *code, int epoch, long long seq,
		      const sync_move *m, const char *line, size_t n, const char *reason, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32], day[TL_DATE_LEN] = "";
	int rc = store_stmt(st, "INSERT OR IGNORE INTO sync_conflicts(code, epoch, seq, ref, move,"
			    " day, actor, body, reason, received) VALUES(?,?,?,?,?,?,?,?,?,?)", &q, err);
	if (rc)
		return rc;
	sync_now(now);
	if (m && m->day != TL_NO_DATE)
		date_format(m->day, day);
	sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, epoch);
	sqlite3_bind_int64(q, 3, seq);
	sqlite3_bind_text(q, 4, m && m->ref ? m->ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, m && m->move ? m->move : "?", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, m && m->actor ? m->actor : "?", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 8, line, (int)n, SQLITE_STATIC);
	sqlite3_bind_text(q, 9, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 10, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "keeping a conflict");
	store_stmt_done(st, q);
	return rc;
}

void sync_conflict_clear(tl_conflict *c)
{
	free(c->body);
	memset(c, 0, sizeof *c);
}

#define SQL_CONFLICT "SELECT id, code, epoch, seq, ref, move, day, actor, reason," \
	" received, coalesce(settled, ''), coalesce(settled_by, ''), coalesce(note, ''), body" \
	" FROM sync_conflicts"

static int row(sqlite3_stmt *q, tl_conflict *c, tl_err *err)
{
	struct { char *out; size_t cap; int col; } texts[] = {
		{ c->code, sizeof c->code, 1 }, { c->ref, sizeof c->ref, 4 },
		{ c->move, sizeof c->move, 5 }, { c->day, sizeof c->day, 6 },
		{ c->actor, sizeof c->actor, 7 }, { c->reason, sizeof c->reason, 8 },
		{ c->received, sizeof c->received, 9 }, { c->settled, sizeof c->settled, 10 },
		{ c->settled_by, sizeof c->settled_by, 11 }, { c->note, sizeof c->note, 12 },
	};
	memset(c, 0, sizeof *c);
	c->id = (long)sqlite3_column_int64(q, 0);
	c->epoch = sqlite3_column_int(q, 2);
	c->seq = sqlite3_column_int64(q, 3);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		snprintf(texts[i].out, texts[i].cap, "%s", sqlite3_column_text(q, texts[i].col));
	if (!(c->body = strdup((const char *)sqlite3_column_text(q, 13))))
		return err_set(err, TL_ENOMEM, "conflicts: out of memory");
	return TL_OK;
}

int sync_conflict_list(tl_store *st, bool all, sync_conflict_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(store_db(st), SQL_CONFLICT " WHERE ?1 OR settled IS NULL ORDER BY id",
			       -1, &q, NULL))
		return store_fail(st, err, "reading conflicts");
	sqlite3_bind_int(q, 1, all);
	for (int step; rc == TL_OK && (step = sqlite3_step(q)) != SQLITE_DONE;) {
		tl_conflict c;
		if (step != SQLITE_ROW) {
			rc = store_fail(st, err, "reading conflicts");
			break;
		}
		if ((rc = row(q, &c, err)) == TL_OK)
			rc = fn(&c, arg);
		sync_conflict_clear(&c);
	}
	sqlite3_finalize(q);
	return rc;
}

int sync_conflict_get(tl_store *st, long id, tl_conflict *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(store_db(st), SQL_CONFLICT " WHERE id = ?", -1, &q, NULL))
		return store_fail(st, err, "reading conflicts");
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		rc = row(q, out, err);
	else if (rc == SQLITE_DONE)
		rc = err_set(err, TL_ENOTFOUND, "ID: no conflict has the number '%ld' (see tellus "
			     "conflicts)", id);
	else
		rc = store_fail(st, err, "reading conflicts");
	sqlite3_finalize(q);
	return rc;
}

/* Replays the conflict's move now, as its maker on its day. */
static int apply_again(tl_store *st, const tl_conflict *c, tl_err *err)
{
	sync_move m;
	int rc = sync_move_decode(c->body, strlen(c->body), &m, err);
	if (rc)
		return rc;
	rc = sync_apply_move(st, c->code, &m, err);
	sync_move_clear(&m);
	return rc;
}

int sync_conflict_settle(tl_store *st, long id, bool apply, const char *note, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	tl_conflict c;
	char now[32], detail[700];
	int rc;

	if ((rc = text_check("--note", note, 500, TEXT_REQUIRED | TEXT_ONE_LINE, err)) ||
	    (rc = sync_conflict_get(st, id, &c, err)))
		return rc;
	if (c.settled[0]) {
		rc = err_set(err, TL_ESTATE, "conflict %ld: already settled on %s by %s", id, c.settled,
			     c.settled_by);
		goto done;
	}
	if ((rc = store_begin(st, err)))
		goto done;
	if (apply && (rc = apply_again(st, &c, err)))
		goto cleanup;
	sync_now(now);
	if ((rc = store_stmt(st, "UPDATE sync_conflicts SET settled = ?, settled_by = ?, note = ?"
			     " WHERE id = ?", &q, err)))
		goto cleanup;
	sqlite3_bind_text(q, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "settling a conflict");
	store_stmt_done(st, q);
	snprintf(detail, sizeof detail, "conflict %ld (%s move %lld, %s) %s: %s", id, c.code, c.seq,
		 c.move, apply ? "applied now" : "settled as it stands", note);
	if (rc == TL_OK)
		rc = store_audit(st, "conflict_settled", c.ref[0] ? c.ref : NULL, detail, err);
cleanup:
	rc = store_end(st, rc, err);
done:
	sync_conflict_clear(&c);
	return rc;
}
