/* case_figures.c - the figures kept beside cases for the annual report:
 * costs (in pence), Ombudsman decisions and context figures. Each add is
 * idempotent: a row already there (same key) is left alone, so importing
 * a file twice changes nothing. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "store/store_db.h"
#include "sync/sync_record.h"

/* An optional case reference must name a stored case (case_get's
 * refusal names the field, ref). */
static int known_ref(tl_store *st, const char *ref, tl_err *err)
{
	tl_case c;
	if (!ref || !*ref)
		return TL_OK;
	int rc = case_get(st, ref, &c, err);
	case_clear(&c);
	return rc;
}

/* Steps q (an INSERT OR IGNORE), audits when a row went in and records
 * the move m for the register (sync.h), and ends the caller's level. */
static int finish(tl_store *st, sqlite3_stmt *q, const sync_move *m, const char *detail,
		  bool *added, tl_err *err)
{
	int rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, m->move);
	sqlite3_finalize(q);
	*added = rc == TL_OK && sqlite3_changes(store_db(st)) > 0;
	if (rc == TL_OK && *added && (rc = store_audit(st, m->move, m->ref, detail, err)) == TL_OK)
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
	if ((rc = known_ref(st, ref, err)) || (rc = store_begin(st, err)))
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
	return finish(st, q, &m, detail, added, err);
}

int ombudsman_add(tl_store *st, const char *ref, tl_date received, tl_date decided,
		  int decision, int seq, bool *added, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char r[TL_DATE_LEN], d[TL_DATE_LEN], detail[160];
	int rc;

	if (decision < 0 || (size_t)decision >= WS_OMBUDSMAN.n)
		return err_set(err, TL_EINVAL, "decision: unknown Ombudsman decision");
	if (!cal_in_range(received) || !cal_in_range(decided) || decided > store_today(st))
		return err_set(err, TL_EINVAL, "decided: must be a past date from %d", CAL_FIRST_YEAR);
	if (decided < received)
		return err_set(err, TL_EINVAL, "decided: is before received");
	if ((rc = known_ref(st, ref, err)) || (rc = store_begin(st, err)))
		return rc;
	date_format(received, r);
	date_format(decided, d);
	if (sqlite3_prepare_v2(store_db(st), "INSERT OR IGNORE INTO ombudsman(ref, received,"
			       " decided, decision, seq) VALUES(?, ?, ?, ?, ?)", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving an Ombudsman decision"), err);
	sqlite3_bind_text(q, 1, ref ? ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, words_word(&WS_OMBUDSMAN, decision), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, seq);
	snprintf(detail, sizeof detail, "received=%s decided=%s %s", r, d,
		 words_word(&WS_OMBUDSMAN, decision));
	sync_move m = { .move = "ombudsman", .ref = ref, .when = received, .when2 = decided,
			.word = words_word(&WS_OMBUDSMAN, decision), .n = seq };
	return finish(st, q, &m, detail, added, err);
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
						      "already %g; it is not changed silently", measure,
						      year, old);
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
	return finish(st, q, &m, detail, added, err);
}
