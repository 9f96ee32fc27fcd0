/* case_costs.c - costs listed by financial year and voided: a cost
 * entered by mistake is taken out of the report with the reason, and
 * stays in the register and its audit trail (nothing is deleted). */
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"

int cost_list(tl_store *st, int year, cost_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK, step;

	if (sqlite3_prepare_v2(store_db(st), "SELECT id, date, category, pence, ref, voided,"
			       " void_reason FROM costs WHERE ?1 < 0 OR date BETWEEN"
			       " printf('%04d-04-01', ?1) AND printf('%04d-03-31', ?1 + 1)"
			       " ORDER BY date, id", -1, &q, NULL))
		return store_fail(st, err, "reading costs");
	sqlite3_bind_int(q, 1, year);
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		tl_cost c = {
			.id = sqlite3_column_int64(q, 0), .date = case_col_date(q, 1),
			.category = words_find(&WS_COST, (const char *)sqlite3_column_text(q, 2)),
			.pence = sqlite3_column_int64(q, 3),
			.ref = (const char *)sqlite3_column_text(q, 4), .voided = case_col_date(q, 5),
			.void_reason = (const char *)sqlite3_column_text(q, 6),
		};
		rc = fn(&c, arg);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading costs");
	sqlite3_finalize(q);
	return rc;
}

int cost_void(tl_store *st, long long id, const char *why, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char today[TL_DATE_LEN], detail[700];
	bool changed;
	int rc;

	if ((rc = text_check("why", why, 500, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "SELECT date, category, pence, ref, voided FROM costs"
			       " WHERE id = ?", -1, &q, NULL)) {
		rc = store_fail(st, err, "reading costs");
		goto cleanup;
	}
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW)
		rc = err_set(err, TL_ENOTFOUND, "ID: no cost has the number %lld (see tellus costs)", id);
	else if (sqlite3_column_type(q, 4) != SQLITE_NULL)
		rc = err_set(err, TL_ESTATE, "ID: cost %lld was already voided on %s", id,
			     sqlite3_column_text(q, 4));
	else
		snprintf(detail, sizeof detail, "cost %lld voided (%s %s %lld pence%s%s) why: %s", id,
			 sqlite3_column_text(q, 0), sqlite3_column_text(q, 1),
			 (long long)sqlite3_column_int64(q, 2), *sqlite3_column_text(q, 3) ? " " : "",
			 sqlite3_column_text(q, 3), why);
	sqlite3_finalize(q);
	q = NULL;
	if (rc)
		goto cleanup;
	date_format(store_today(st), today);
	if (sqlite3_prepare_v2(store_db(st), "UPDATE costs SET voided = ?, void_reason = ?"
			       " WHERE id = ?", -1, &q, NULL)) {
		rc = store_fail(st, err, "voiding a cost");
		goto cleanup;
	}
	sqlite3_bind_text(q, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, why, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, id);
	/* finish ends the level begun here. */
	return case_figure_finish(st, q, "cost_void", NULL, NULL, detail, &changed, err);
cleanup:
	return store_end(st, rc, err);
}
