/* case_figures.c - the figures kept beside cases for the annual report:
 * costs (in pence) and context figures (Ombudsman enquiries are
 * case_ombudsman.c's). Each add is idempotent: a row already there (same
 * key) is left alone, so importing a file twice changes nothing. A context
 * figure is changed only on purpose (context_replace), audited. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"

int case_figure_ref(tl_store *st, const char *ref, tl_err *err)
{
	tl_case c;
	if (!ref || !*ref)
		return TL_OK;
	int rc = case_get(st, ref, &c, err);
	case_clear(&c);
	return rc;
}

int case_figure_finish(tl_store *st, sqlite3_stmt *q, const char *action, const char *ref,
		       const sync_move *m, const char *detail, bool *added, tl_err *err)
{
	int rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, action);
	sqlite3_finalize(q);
	*added = rc == TL_OK && sqlite3_changes(store_db(st)) > 0;
	if (rc == TL_OK && *added && (rc = store_audit(st, action, ref, detail, err)) == TL_OK && m)
		rc = sync_record(st, m, err);
	return store_end(st, rc, err);
}

int cost_add(tl_store *st, tl_date when, int category, long long pence, const char *ref,
	     int seq, bool *added, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN], detail[160];
	int rc;

	if (category < 0 || (size_t)category >= WS_COST.n)
		return err_set(err, TL_EINVAL, "category: unknown cost category");
	if (pence < 0 || pence > 100000000000LL)
		return err_set(err, TL_EINVAL, "amount: must be from 0 to 1,000,000,000 pounds");
	if (!cal_in_range(when) || when > store_today(st))
		return err_set(err, TL_EINVAL, "date: must be a past date from %d", CAL_FIRST_YEAR);
	if ((rc = case_figure_ref(st, ref, err)) || (rc = store_begin(st, err)))
		return rc;
	date_format(when, day);
	if (sqlite3_prepare_v2(store_db(st), "INSERT OR IGNORE INTO costs(date, category, pence,"
			       " ref, seq) VALUES(?, ?, ?, ?, ?)", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving a cost"), err);
	sqlite3_bind_text(q, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, words_word(&WS_COST, category), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, pence);
	sqlite3_bind_text(q, 4, ref ? ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, seq);
	snprintf(detail, sizeof detail, "%s %s %lld pence", day, words_word(&WS_COST, category), pence);
	sync_move m = { .move = "cost", .ref = ref, .when = when, .word = words_word(&WS_COST, category),
			.has_amount = true, .amount = pence, .n = seq };
	return case_figure_finish(st, q, "cost", ref, &m, detail, added, err);
}

/* The value stored for (year, measure): 1 and *out when there is one. */
static int context_get(tl_store *st, int year, const char *measure, double *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(store_db(st), "SELECT value FROM context WHERE year = ? AND measure = ?",
			       -1, &q, NULL))
		return -store_fail(st, err, "reading context figures");
	sqlite3_bind_int(q, 1, year);
	sqlite3_bind_text(q, 2, measure, -1, SQLITE_STATIC);
	int found = sqlite3_step(q) == SQLITE_ROW;
	if (found)
		*out = sqlite3_column_double(q, 0);
	sqlite3_finalize(q);
	return found;
}

int context_put(tl_store *st, int year, const char *measure, double value, bool *added, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	double old = 0;
	char detail[400];
	int rc;

	*added = false;
	if (year < CAL_FIRST_YEAR || year > CAL_LAST_YEAR)
		return err_set(err, TL_EINVAL, "year: '%d' is outside %d to %d", year, CAL_FIRST_YEAR,
			       CAL_LAST_YEAR);
	if ((rc = text_check("measure", measure, 200, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	if (!isfinite(value) || value < 0)
		return err_set(err, TL_EINVAL, "value: must be a number, 0 or more");
	int found = context_get(st, year, measure, &old, err);
	if (found < 0)
		return -found;
	if (found)
		return old == value ? TL_OK : err_set(err, TL_EEXIST, "value: '%.40s' for %d is "
						      "already %g; it is not changed silently "
						      "(--replace)", measure, year, old);
	if ((rc = store_begin(st, err)))
		return rc;
	/* ord keeps the order figures arrived in: the report lists them so. */
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO context(year, measure, value, ord)"
			       " VALUES(?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM context))",
			       -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving a context figure"), err);
	sqlite3_bind_int(q, 1, year);
	sqlite3_bind_text(q, 2, measure, -1, SQLITE_STATIC);
	sqlite3_bind_double(q, 3, value);
	snprintf(detail, sizeof detail, "%d %s=%g", year, measure, value);
	sync_move m = { .move = "context", .year = year, .text = measure, .has_number = true,
			.number = value };
	return case_figure_finish(st, q, "context", NULL, &m, detail, added, err);
}

int context_replace(tl_store *st, int year, const char *measure, double value, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	double old = 0;
	char detail[400];
	bool added;
	int rc, found;

	if ((found = context_get(st, year, measure, &old, err)) < 0)
		return -found;
	if (!found)
		return context_put(st, year, measure, value, &added, err);
	if (!isfinite(value) || value < 0)
		return err_set(err, TL_EINVAL, "value: must be a number, 0 or more");
	if (old == value)
		return err_set(err, TL_ESTATE, "value: '%.40s' for %d is already %g", measure, year,
			       value);
	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "UPDATE context SET value = ? WHERE year = ?"
			       " AND measure = ?", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving a context figure"), err);
	sqlite3_bind_double(q, 1, value);
	sqlite3_bind_int(q, 2, year);
	sqlite3_bind_text(q, 3, measure, -1, SQLITE_STATIC);
	snprintf(detail, sizeof detail, "%d %s: %g -> %g (replaced)", year, measure, old, value);
	return case_figure_finish(st, q, "context", NULL, NULL, detail, &added, err);
}
