/* case_forget.c - removing a person's words, contact and names from a
 * case while keeping the case (cases are never deleted: a trigger refuses
 * it): its reference, stages, dates, figures and code hash stay, so
 * "Check my complaint" and every report still work. The store zeroes what
 * is overwritten (secure_delete, store.c); whoever forgets also truncates
 * the WAL after committing (sync_forget.c). */
#include <stdio.h>
#include "tellus/case.h"
#include "case_private.h"
#include "case_take.h"

int case_forget_words(tl_store *st, const char *ref, const char *why, bool *done, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char detail[300];
	int rc = store_begin(st, err);

	*done = false;
	if (rc)
		return rc;
	if ((rc = store_stmt(st, "UPDATE cases SET summary = '', desired = '', contact = '',"
			     " late_reason = '', safety_note = '', complainant_name = '',"
			     " child_name = '' WHERE ref = ? AND (summary <> '' OR desired <> ''"
			     " OR contact <> '' OR late_reason <> '' OR safety_note <> ''"
			     " OR complainant_name <> '' OR child_name <> '')", &q, err)))
		goto cleanup;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "removing words");
	store_stmt_done(st, q);
	*done = rc == TL_OK && sqlite3_changes(store_db(st)) > 0;
	/* A correction's words before and after (case_edit) are the
	 * person's words too; so are the copies of letters to them, and the
	 * equalities answers (special category data) the register now has. */
	static const char *const more[] = {
		"DELETE FROM case_revisions WHERE case_id = (SELECT id FROM cases WHERE ref = ?)",
		"DELETE FROM letters WHERE case_id = (SELECT id FROM cases WHERE ref = ?)",
		"DELETE FROM equalities WHERE case_id = (SELECT id FROM cases WHERE ref = ?)",
	};
	for (size_t i = 0; rc == TL_OK && i < sizeof more / sizeof more[0]; i++) {
		if ((rc = store_stmt(st, more[i], &q, err)))
			break;
		sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "removing words");
		store_stmt_done(st, q);
		*done = *done || (rc == TL_OK && sqlite3_changes(store_db(st)) > 0);
	}
	snprintf(detail, sizeof detail, "the person's words, what they would like, contact, "
		 "names, letters and equalities answers removed: %s", why);
	if (*done)
		rc = store_audit(st, "words_removed", ref, detail, err);
cleanup:
	if ((rc = store_end(st, rc, err)))
		*done = false;
	return rc;
}
