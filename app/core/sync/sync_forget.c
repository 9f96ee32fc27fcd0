/* sync_forget.c - a kiosk forgets (SPEC 9 and 11): once a reply says the
 * register has a case, the kiosk keeps no person's words, contact or
 * names of it. Every case with no move still waiting loses them (the move
 * log below the mark is gone by then, and with it the words it carried);
 * reference, stage, dates and code hash stay, so "Check my complaint"
 * still answers here. */
#include <stdlib.h>
#include <string.h>
#include "case/case_take.h"
#include "sync_private.h"

int sync_forget(tl_store *st, long *n, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char (*refs)[REF_MAX] = NULL;
	size_t count = 0, cap = 0;
	int rc = TL_OK;

	*n = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT ref FROM cases c WHERE (summary <> '' OR"
			       " desired <> '' OR contact <> '' OR late_reason <> '' OR"
			       " safety_note <> '' OR complainant_name <> '' OR child_name <> '' OR EXISTS"
			       " (SELECT 1 FROM case_revisions r WHERE r.case_id = c.id) OR EXISTS"
			       " (SELECT 1 FROM letters l WHERE l.case_id = c.id) OR EXISTS"
			       " (SELECT 1 FROM equalities e WHERE e.case_id = c.id))"
			       " AND NOT EXISTS"
			       " (SELECT 1 FROM sync_moves m WHERE m.ref = c.ref)", -1, &q, NULL))
		return store_fail(st, err, "finding what to forget");
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		if (count == cap) {
			void *more = realloc(refs, (cap = cap ? 2 * cap : 64) * sizeof *refs);
			if (!more) {
				rc = err_set(err, TL_ENOMEM, "forgetting: out of memory");
				break;
			}
			refs = more;
		}
		snprintf(refs[count++], REF_MAX, "%s", sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	for (size_t i = 0; rc == TL_OK && i < count; i++) {
		bool done;
		rc = case_forget_words(st, refs[i], "the register has the case; this kiosk keeps no "
				       "words", &done, err);
		*n += done;
	}
	free(refs);
	return rc;
}

int sync_wal_truncate(tl_store *st, bool *done)
{
	sqlite3_stmt *q = NULL;
	*done = false;
	if (sqlite3_prepare_v2(store_db(st), "PRAGMA wal_checkpoint(TRUNCATE)", -1, &q, NULL))
		return TL_EDB;
	/* busy = 0: every frame went into the file and the WAL is empty. */
	if (sqlite3_step(q) == SQLITE_ROW)
		*done = sqlite3_column_int(q, 0) == 0;
	sqlite3_finalize(q);
	return TL_OK;
}
