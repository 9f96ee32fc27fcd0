/* store_check.c - is the file sound? SQLite's integrity and foreign-key
 * checks, and the report's running totals (tally.sql.h) and counted flags
 * (migration 6) counted again from scratch and compared group by group,
 * with its progress shown on long files (progress.h), each case's
 * open stage (migration 11) against its stages, and its causes_key
 * (migration 3) against its causes: the totals read the key, so a wrong
 * one moves them and the count from scratch alike. Rebuilding them is
 * store_tally.c's. */
#include <stdio.h>
#include "store_private.h"
#include "tally.sql.h"

#define KEPT_STAGES "SELECT stage, s_fy, r_fy, outcome, cause, band, n, days" \
	" FROM tally_stages WHERE n <> 0"
#define KEPT_PEOPLE "SELECT fy, area, complainant, on_behalf, n FROM tally_people WHERE n <> 0"

/* Groups in one set and not the other, both ways round. */
#define DIFFER(a, b) "(SELECT count(*) FROM (" a " EXCEPT " b "))" \
	" + (SELECT count(*) FROM (" b " EXCEPT " a "))"

/* The first column of the first row of sql into text (cap bytes) or n. */
static int one_value(tl_store *st, const char *sql, char *text, size_t cap, long *n,
		     tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL))
		return store_fail(st, err, "checking the file");
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		if (text)
			snprintf(text, cap, "%s", (const char *)sqlite3_column_text(s, 0));
		if (n)
			*n = (long)sqlite3_column_int64(s, 0);
		break;
	case SQLITE_DONE:
		if (n)
			*n = 0;
		break;
	default:
		rc = store_fail(st, err, "checking the file");
	}
	sqlite3_finalize(s);
	return rc;
}

/* Shown again every so many steps of SQLite's machine: the integrity and
 * foreign-key checks cannot say how far they are, only how long so far. */
static int tick(void *arg)
{
	progress_tick(arg);
	return 0;
}

static int check_all(tl_store *st, tl_progress *p, tl_checkup *out, tl_err *err)
{
	int rc;
	sqlite3_progress_handler(st->db, 100000, tick, p);
	if ((rc = one_value(st, "PRAGMA integrity_check(1)", out->integrity,
			    sizeof out->integrity, NULL, err)))
		return rc;
	progress_phase(p, "checking the foreign keys", "steps", -1);
	if ((rc = one_value(st, "SELECT count(*) FROM pragma_foreign_key_check", NULL, 0,
			    &out->foreign_keys, err)))
		return rc;
	/* The count from scratch runs twice (EXCEPT both ways), working out
	 * each stage's days once a time. */
	sqlite3_progress_handler(st->db, 0, NULL, NULL);
	progress_phase(p, "checking the report's totals", "stages",
		       2 * store_count(st, "SELECT count(*) FROM stages WHERE counted"));
	st->counting = p;
	rc = one_value(st, "SELECT " DIFFER(TALLY_COUNT_STAGES, KEPT_STAGES) " + "
		       DIFFER(TALLY_COUNT_PEOPLE, KEPT_PEOPLE), NULL, 0, &out->tally_groups, err);
	st->counting = NULL;
	if (rc || (rc = one_value(st, "SELECT count(*) FROM stages s JOIN cases c ON c.id = s.case_id"
				  " WHERE s.counted IS NOT (c.kind = 'complaint' AND"
				  " c.procedure = 'statutory')", NULL, 0, &out->counted_wrong, err)) ||
	    (rc = one_value(st, "SELECT count(*) FROM cases WHERE " OPEN_STAGE_WRONG, NULL, 0,
			    &out->open_wrong, err)) ||
	    (rc = one_value(st, "SELECT count(*) FROM cases WHERE open_stage > 0", NULL, 0,
			    &out->open, err)) ||
	    (rc = one_value(st, "SELECT count(*) FROM cases WHERE causes_key IS NOT "
			    TALLY_CAUSES_KEY("cases.id"), NULL, 0, &out->causes_wrong, err)))
		return rc;
	return one_value(st, "SELECT count(*) FROM tally_rows", NULL, 0, &out->stages, err);
}

int store_check(tl_store *st, tl_checkup *out, tl_err *err)
{
	tl_progress p;
	bool own;
	int rc;

	*out = (tl_checkup){ .integrity = "" };
	/* A read snapshot, not a write lock: under WAL every figure is of the
	 * same moment while the kiosk goes on writing. */
	if ((rc = store_read_begin(st, &own, "checking the file", err)))
		return rc;
	progress_begin(&p, &st->sink, "checking the file's integrity", "steps", -1);
	rc = check_all(st, &p, out, err);
	sqlite3_progress_handler(st->db, 0, NULL, NULL);
	st->counting = NULL;
	progress_end(&p);
	store_read_end(st, own);
	return rc;
}
