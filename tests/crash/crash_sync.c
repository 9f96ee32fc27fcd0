/* crash_sync.c - `tellus sync in` killed mid-way (sync.h rule 1). Each
 * trial copies a register that has enrolled the device and applies the
 * same bundle to the copy, killed at a random moment; afterwards the
 * bundle must be wholly in (the device's mark at its last move, every
 * case there, the file equal to an uninterrupted run's) or wholly out
 * (mark 0, none of its cases), and applying it again must give exactly
 * the register an uninterrupted run gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "crash.h"


static const char *const DIGEST_SQL[] = {
	"SELECT ref, kind, received, procedure, channel, complainant, summary, desired, contact,"
	" tracking_hash, safety_handled FROM cases ORDER BY ref",
	"SELECT c.ref, s.stage, s.started, s.due, s.max_due, s.extended, s.responded, s.outcome,"
	" s.paused_days FROM stages s JOIN cases c ON c.id = s.case_id ORDER BY c.ref, s.stage",
	"SELECT * FROM tally_stages ORDER BY 1, 2, 3, 4, 5, 6",
	"SELECT * FROM tally_people ORDER BY 1, 2, 3, 4",
	"SELECT code, epoch, seq, hex(hash) FROM sync_applied ORDER BY 1, 2, 3",
	"SELECT code, seq, move, reason FROM sync_conflicts ORDER BY 1, 2",
	"SELECT code, epoch, mark FROM sync_devices ORDER BY 1, 2",
};

static void fnv(unsigned long long *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 1099511628211ULL;
}

static long long one(sqlite3 *db, const char *sql, const char *code)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

/* What the register holds of the bundle: the device's mark, the cases
 * (the register had none before), a digest of every row it can change. */
static int read_state(crash_run *r, const char *path, crash_sync_state *out)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;

	memset(out, 0, sizeof *out);
	out->digest = 14695981039346656037ULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	out->integrity = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK &&
			 sqlite3_step(s) == SQLITE_ROW &&
			 strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	sqlite3_finalize(s);
	out->mark = one(db, "SELECT mark FROM sync_devices WHERE code = ?", r->o.sync_code);
	out->cases = one(db, "SELECT count(*) FROM cases", NULL);
	for (size_t q = 0; q < sizeof DIGEST_SQL / sizeof DIGEST_SQL[0]; q++) {
		if (sqlite3_prepare_v2(db, DIGEST_SQL[q], -1, &s, NULL) != SQLITE_OK)
			continue;
		while (sqlite3_step(s) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				const void *b = sqlite3_column_blob(s, c);
				int n = sqlite3_column_bytes(s, c);
				fnv(&out->digest, b ? b : "", (size_t)n);
				fnv(&out->digest, "|", 1);
			}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return 0;
}

/* A fresh copy of the register, without any WAL of an earlier trial. */
static int fresh_copy(crash_run *r, char *path, size_t cap)
{
	char cmd[3000];
	snprintf(path, cap, "%s/sync-register.db", r->o.dir);
	snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm' && cp '%s' '%s'", path, path, path,
		 r->o.sync_register, path);
	return system(cmd) == 0 ? 0 : -1;
}

/* One `sync in`, killed at kill_at (< 0: never); true when it finished. */
static bool one_sync(crash_run *r, const char *path, double kill_at, double *took)
{
	char *argv[] = { (char *)r->o.tellus, "--db", (char *)path, "sync", "in",
			 (char *)r->o.sync_bundle, NULL };
	crash_writer w = { .kill_at = kill_at };
	double t0 = crash_now();
	if (crash_spawn(r, &w, argv, 9))
		return false;
	crash_run_writers(r, &w, 1, t0);
	*took = crash_now() - t0;
	return !crash_writer_failed(r, &w) && w.said[0];
}

int crash_sync_calibrate(crash_run *r)
{
	char path[1200];
	double took = 0;
	if (fresh_copy(r, path, sizeof path) || !one_sync(r, path, -1, &took) ||
	    read_state(r, path, &r->sync_whole_state) || r->sync_whole_state.cases <= 0 ||
	    r->sync_whole_state.mark <= 0)
		return -1;
	r->sync_time = took;
	printf("# crash: one sync in of %lld moves (%lld cases) takes %.1f ms uninterrupted\n",
	       r->sync_whole_state.mark, r->sync_whole_state.cases, took * 1000);
	return 0;
}

int crash_sync_trial(crash_run *r)
{
	char path[1200];
	crash_sync_state s;
	double took = 0, at = (double)(crash_rand(r) % 1000) / 1000.0 * 1.3 * r->sync_time;
	const crash_sync_state *whole = &r->sync_whole_state;

	r->syncs++;
	if (fresh_copy(r, path, sizeof path))
		return -1;
	bool finished = one_sync(r, path, at, &took);
	if (read_state(r, path, &s))
		return -1;
	if (!s.integrity)
		r->integrity_bad++;
	if (s.mark == whole->mark && s.cases == whole->cases && s.digest == whole->digest)
		r->syncs_whole++;
	else if (!finished && s.mark == 0 && s.cases == 0)
		r->syncs_absent++;
	else {
		r->syncs_partial++;
		printf("# sync in %s: mark %lld, %lld cases (whole: %lld, %lld)\n", finished ?
		       "finished" : "killed", s.mark, s.cases, whole->mark, whole->cases);
	}
	/* Again, to the end: the same register as one uninterrupted run. */
	if (!one_sync(r, path, -1, &took) || read_state(r, path, &s) || s.digest != whole->digest) {
		r->syncs_again_differ++;
		printf("# sync in again after a kill gave another register\n");
	}
	return 0;
}
