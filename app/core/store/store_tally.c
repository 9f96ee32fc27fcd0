/* store_tally.c - keeping the report's running totals (tally.sql.h) true
 * beyond what the triggers see: counting them again from the stages and
 * cases (tellus check --rebuild-tallies), and doing so by itself when the
 * statutory calendar of this build differs from the one that counted them
 * (a new release with a new bank holiday changes working days taken). */
#include <stdio.h>
#include <string.h>
#include "store_private.h"
#include "tally.sql.h"

/* What a stage's counted flag should be (migration 6), written only where
 * it is not: a million untouched rows stay out of the journal. */
#define COUNTED_OF_CASE "(SELECT kind = 'complaint' AND procedure = 'statutory'" \
	" FROM cases WHERE id = stages.case_id)"
#define COUNTED_SQL "UPDATE stages SET counted = " COUNTED_OF_CASE \
	" WHERE counted IS NOT " COUNTED_OF_CASE

/* Everything counted again, inside the level its caller opened. */
static int recount(tl_store *st, tl_err *err)
{
	tl_progress p;
	int rc = TL_OK;

	store_progress_begin(st, &p, "counting the report's totals again", "stages",
			     store_count(st, "SELECT count(*) FROM stages"));
	if (sqlite3_exec(st->db, COUNTED_SQL ";"
			 "DELETE FROM tally_stages; DELETE FROM tally_people;"
			 "INSERT INTO tally_stages " TALLY_COUNT_STAGES ";"
			 "INSERT INTO tally_people " TALLY_COUNT_PEOPLE ";", NULL, NULL, NULL))
		rc = store_fail(st, err, "counting the report's totals again");
	store_progress_end(st, &p);
	return rc;
}

/* The stages to count: the noted ones, and a bulk write's new ones where
 * they are read by their ids (rule 11), whose ids follow the last one
 * stored before it. */
static long stages_to_count(tl_store *st)
{
	long n = store_count(st, "SELECT count(*) FROM tally_touched");
	sqlite3_stmt *q = NULL;

	if (st->bulk_new.by_ids &&
	    sqlite3_prepare_v2(st->db, "SELECT count(*) FROM stages WHERE id > ?", -1, &q,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, st->bulk_new.max_stage);
		if (sqlite3_step(q) == SQLITE_ROW)
			n += (long)sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	return n;
}

int store_tally_flush(tl_store *st, tl_err *err)
{
	tl_progress p;
	int rc = TL_OK;

	store_progress_begin(st, &p, "counting the report's totals", "stages",
			     stages_to_count(st));
	if (sqlite3_exec(st->db, TALLY_SETTLE_BEFORE, NULL, NULL, NULL))
		rc = store_fail(st, err, "counting the report's totals");
	else if ((rc = store_tally_add_touched(st, st->bulk_new.by_ids ? st->bulk_new.max_case : -1,
					       err)) == TL_OK &&
		 sqlite3_exec(st->db, TALLY_SETTLE_AFTER, NULL, NULL, NULL))
		rc = store_fail(st, err, "counting the report's totals");
	store_progress_end(st, &p);
	if (rc == TL_OK)
		st->tally_deferred = false;
	return rc;
}

int store_tally_rebuild(tl_store *st, tl_err *err)
{
	int rc;

	if ((rc = store_begin(st, err)))
		return rc;
	/* Each case's causes_key first (the totals read it), then the count,
	 * then each case's open stage (rule 8), each where it is wrong only. */
	if (sqlite3_exec(st->db, "UPDATE cases SET causes_key = " TALLY_CAUSES_KEY("cases.id")
			 " WHERE causes_key IS NOT " TALLY_CAUSES_KEY("cases.id"), NULL, NULL, NULL))
		rc = store_fail(st, err, "setting the cases' causes keys again");
	if (rc == TL_OK && (rc = recount(st, err)) == TL_OK &&
	    sqlite3_exec(st->db, "UPDATE cases SET open_stage = " OPEN_STAGE_OF("cases.id")
			 " WHERE " OPEN_STAGE_WRONG, NULL, NULL, NULL))
		rc = store_fail(st, err, "setting the cases' open stages again");
	if (rc == TL_OK)
		rc = store_audit(st, "tally_rebuild", NULL, "the report's running totals "
				 "counted again from the cases", err);
	return store_end(st, rc, err);
}

/* The statutory calendar as a short text: FNV-1a over which days of its
 * range are working days. */
static int fingerprint(tl_store *st, char out[40], tl_err *err)
{
	const tl_calendar *cal;
	unsigned long long h = 14695981039346656037ULL;
	int rc;

	if ((rc = store_calendar(st, false, &cal, err)))
		return rc;
	tl_date first = date_from_ymd(CAL_FIRST_YEAR, 1, 1);
	tl_date last = date_from_ymd(CAL_LAST_YEAR, 12, 31);
	for (tl_date d = first; d <= last; d++)
		h = (h ^ (cal_is_workday(cal, d) ? 1u : 2u)) * 1099511628211ULL;
	snprintf(out, 40, "%d-%d:%016llx", CAL_FIRST_YEAR, CAL_LAST_YEAR, h);
	return TL_OK;
}

static int stored_fingerprint(tl_store *st, char out[40], tl_err *err)
{
	sqlite3_stmt *s = NULL;

	out[0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM store_meta WHERE key = 'tally_calendar'",
			       -1, &s, NULL))
		return store_fail(st, err, "reading the report's totals");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, 40, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK :
		store_fail(st, err, "reading the report's totals");
}

int store_tally_sync(tl_store *st, tl_err *err)
{
	char want[40], have[40];
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = fingerprint(st, want, err)) || (rc = stored_fingerprint(st, have, err)) ||
	    strcmp(want, have) == 0)
		return rc;
	/* Under the write lock, read again: another program may have just
	 * done it. */
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = stored_fingerprint(st, have, err)) || strcmp(want, have) == 0)
		goto cleanup;
	if ((rc = recount(st, err)))
		goto cleanup;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO store_meta(key, value)"
			       " VALUES('tally_calendar', ?)", -1, &s, NULL)) {
		rc = store_fail(st, err, "keeping the report's totals");
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, want, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, err, "keeping the report's totals");
	/* A first count (a new or upgraded file) is no event; a new calendar is. */
	if (rc == TL_OK && have[0])
		rc = store_audit(st, "tally_rebuild", NULL, "the statutory calendar changed: "
				 "the report's running totals counted again", err);
cleanup:
	sqlite3_finalize(s);
	return store_end(st, rc, err);
}
