/* sync_record.c - a device writes down each move it makes, in the
 * transaction of the move itself (so a move is recorded exactly when it
 * is made), as one JSON line numbered 1, 2, 3... for ever. Called from the
 * lifecycle's central paths (case_apply, case_log, case_put, receipt
 * codes, figures); a file that has not joined a register records nothing. */
#include <stdlib.h>
#include <string.h>
#include "case/case_private.h"
#include "sync_private.h"

/* 0 when the file is not a device; else the number the next move gets. */
static int next_seq(tl_store *st, long long *seq, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	*seq = 0;
	if ((rc = store_stmt(st, "SELECT (SELECT count(*) FROM sync_self), coalesce((SELECT seq"
			     " FROM sqlite_sequence WHERE name = 'sync_moves'), 0) + 1", &q, err)))
		return rc;
	if (sqlite3_step(q) != SQLITE_ROW)
		rc = store_fail(st, err, "numbering a move");
	else if (sqlite3_column_int(q, 0))
		*seq = sqlite3_column_int64(q, 1);
	store_stmt_done(st, q);
	return rc;
}

int sync_record(tl_store *st, const sync_move *m, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char *line = NULL;
	long long seq;
	int rc;

	if (store_replaying(st))
		return TL_OK;
	if ((rc = next_seq(st, &seq, err)) || seq == 0)
		return rc;
	if (!sync_move_find(m->move))
		return err_set(err, TL_EINVAL, "move %s: this device cannot send it to the register "
			       "(it has no row in app/core/sync/sync_replay.c)", m->move);
	if ((rc = sync_move_encode(m, seq, store_today(st), store_actor(st), &line, err)) ||
	    (rc = store_stmt(st, "INSERT INTO sync_moves(seq, ref, body) VALUES(?, ?, ?)", &q, err)))
		goto cleanup;
	sqlite3_bind_int64(q, 1, seq);
	sqlite3_bind_text(q, 2, m->ref ? m->ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, line, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "recording a move");
	store_stmt_done(st, q);
cleanup:
	free(line);
	return rc;
}

int sync_record_arg(tl_store *st, const char *action, const char *ref, const void *arg,
		    tl_err *err)
{
	const tl_move_arg *a = arg;
	const sync_move_def *def = sync_move_find(action);
	sync_move m = {
		.move = action, .action = action, .ref = ref, .stage = a->stage, .when = a->when,
		.when2 = TL_NO_DATE, .text = a->text, .text2 = a->text2,
	};

	/* Retention is each file's own decision (sync.h): a device clears its
	 * copy, and the register keeps the case until its own rules say. */
	if (!strcmp(action, "retention"))
		return TL_OK;
	if (!strcmp(action, "edit"))
		m.word = case_edit_field_name(a->value);
	if (def && def->words) {
		m.word = words_word(def->words, a->value);
		if (!*m.word)
			return err_set(err, TL_EINVAL, "move %s: %d is not a %s", action, a->value,
				       def->words->what);
	}
	if (a->n > SYNC_MOVE_LIST)
		return err_set(err, TL_EINVAL, "move %s: more than %d in its list", action, SYNC_MOVE_LIST);
	for (size_t i = 0; i < a->n; i++)
		m.list[m.n_list++] = a->list[i];
	return sync_record(st, &m, err);
}
