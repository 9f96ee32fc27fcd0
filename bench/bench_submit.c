/* bench_submit.c - the time of one durable kiosk submission.
 * case_log, as the kiosk calls it (one transaction, WAL, synchronous=FULL,
 * so each submission is on disk when it returns), against one bare
 * fsync'd SQLite insert (a one-table file with the same pragmas) in the
 * same run and the same folder ($BENCH_TMP, on the disk, not tmpfs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_db.h"
#include "tellus/case.h"
#include "bench.h"

#define N_SUBMIT 100

static const char SUMMARY[] =
	"My social worker keeps changing and nobody told me who my new one is. "
	"I missed contact with my brother twice because the taxi did not come "
	"and no one rang my carer to say. I want to see my brother every week.";

/* N_SUBMIT autocommit inserts into a bare table; returns seconds each. */
static double bare_pass(sqlite3 *db, sqlite3_stmt *ins)
{
	double t0 = bench_now();
	for (int i = 0; i < N_SUBMIT; i++) {
		sqlite3_bind_text(ins, 1, SUMMARY, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "bench_submit: %s\n", sqlite3_errmsg(db));
			return -1;
		}
		sqlite3_reset(ins);
	}
	return (bench_now() - t0) / N_SUBMIT;
}

/* A one-table file with the kiosk's pragmas and its insert, prepared. */
static int bare_open(const char *path, sqlite3 **db, sqlite3_stmt **ins)
{
	remove(path);
	return sqlite3_open(path, db) != SQLITE_OK ||
	       sqlite3_exec(*db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			    "CREATE TABLE t(id INTEGER PRIMARY KEY, summary TEXT NOT NULL)",
			    NULL, NULL, NULL) != SQLITE_OK ||
	       sqlite3_prepare_v2(*db, "INSERT INTO t(summary) VALUES(?)", -1, ins, NULL) != SQLITE_OK;
}

static int one_case(tl_store *st, tl_err *err)
{
	tl_case c;
	int rc;

	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = store_today(st);
	c.channel = TL_CHANNEL_KIOSK;
	c.procedure = TL_PROC_TO_BE_ASSESSED;
	c.complainant = TL_WHO_CHILD;
	if ((rc = case_set_text(&c.service_area, "Children in care", err)) == TL_OK &&
	    (rc = case_set_text(&c.summary, SUMMARY, err)) == TL_OK &&
	    (rc = case_set_text(&c.desired, "To see my brother every week.", err)) == TL_OK)
		rc = case_log(st, &c, err);
	case_clear(&c);
	return rc;
}

/* N_SUBMIT submissions through case_log; returns seconds each, or -1. */
static double case_pass(tl_store *st, tl_err *err)
{
	double t0 = bench_now();
	for (int i = 0; i < N_SUBMIT; i++)
		if (one_case(st, err))
			return -1;
	return (bench_now() - t0) / N_SUBMIT;
}

int main(void)
{
	const char *dir = getenv("BENCH_TMP");
	char bare[1024], full[1024], note[256];
	tl_err err = { { 0 } };

	if (!dir)
		dir = ".";
	snprintf(bare, sizeof bare, "%s/bare.db", dir);
	snprintf(full, sizeof full, "%s/submit.db", dir);
	/* The two sides in turn, so that both meet the same disk. */
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL;
	tl_store *st = NULL;
	double x[BENCH_RUNS], y[BENCH_RUNS];
	bench_stat b = BENCH_NA, c = BENCH_NA;
	int k = 0;
	remove(full);
	if (bare_open(bare, &db, &ins) == 0 && store_open(full, &st, &err) == TL_OK) {
		store_set_actor(st, "kiosk");
		for (k = 0; k < BENCH_RUNS; k++)
			if ((x[k] = case_pass(st, &err)) < 0 || (y[k] = bare_pass(db, ins)) < 0)
				break;
	}
	if (k == BENCH_RUNS) {
		c = bench_stats(x, BENCH_RUNS, 1e3);
		b = bench_stats(y, BENCH_RUNS, 1e3);
		snprintf(note, sizeof note, "each run the mean of %d submissions; %d runs a side, "
			 "alternated", N_SUBMIT, BENCH_RUNS);
	} else {
		snprintf(note, sizeof note, "n/a (%.200s)", err.msg[0] ? err.msg : sqlite3_errmsg(db));
	}
	sqlite3_finalize(ins);
	sqlite3_close(db);
	store_close(st);
	bench_row("durable kiosk submission (case_log)", c, "ms",
		  "bare fsync'd SQLite insert (WAL, synchronous=FULL)", b, note);
	return 0;
}
