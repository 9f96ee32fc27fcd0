/* crash_import.c - large `tellus import` files killed mid-way.
 * Each import has its own device code, so its rows are found by the
 * reference prefix; after the kill either all of them are in the file,
 * with their words intact, or none is. An import that finished (printed
 * its summary) must be wholly there, and `tellus check` must agree with
 * the running totals the import deferred to its commit (tally rule 9).
 * Import trials take turns, so that no outcome rests on how busy the
 * machine is: one runs to its end (it must be whole), one is killed
 * while it holds the file's write lock (its transaction: it must be
 * absent), one at a random moment over its usual length. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <sqlite3.h>
#include "tellus/ref.h"
#include "tellus/store.h"
#include "crash.h"

static const char HEADER[] = "ref,kind,received,procedure,channel,complainant,on_behalf,"
	"service_area,team,causes,summary,stage1_response,stage1_extended,stage1_outcome,"
	"stage2_requested,stage2_response,stage2_extended,stage2_outcome,stage3_requested,"
	"stage3_panel,stage3_response,stage3_outcome,actions,consent_to_publish\r\n";

/* "X" and three symbols: unique for each import of the run. */
static void device_of(int n, char out[REF_DEVICE_MAX + 1])
{
	out[0] = 'X';
	for (int i = 3; i >= 1; i--, n /= 31)
		out[i] = REF_ALPHABET[n % 31];
	out[4] = '\0';
}

/* Writes the CSV; returns its path in out. */
static int write_import(crash_run *r, const char *device, char *out, size_t cap)
{
	snprintf(out, cap, "%s/import-%s.csv", r->o.dir, device);
	FILE *f = fopen(out, "w");
	if (!f)
		return -1;
	fputs(HEADER, f);
	for (int i = 1; i <= r->o.import_rows; i++) {
		char ref[REF_MAX], words[256];
		tl_err err;
		if (ref_make(device, 25, i, ref, &err)) {
			fclose(f);
			return -1;
		}
		snprintf(words, sizeof words, CRASH_IMPORT_SUMMARY, i);
		/* Quotes double inside a quoted cell (RFC 4180). */
		fprintf(f, "%s,complaint,2025-06-02,statutory,letter,parent,no,Fostering,,,\"", ref);
		for (const char *p = words; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputs("\",,,,,,,,,,,,,no\r\n", f);
	}
	return fclose(f);
}

/* Has the writer ended? Asked without reaping it (crash_run_writers
 * does that). */
static bool ended(const crash_writer *w)
{
	siginfo_t si = { 0 };
	return waitid(P_PID, (id_t)w->pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0 ||
	       si.si_pid == w->pid;
}

/* Kills w once another connection has found the file's write lock taken
 * on two looks in a row, half a millisecond apart: the writer is inside
 * a write transaction, which for an import lasts until every row is in
 * (opening the file takes the lock for a moment only). Whatever the
 * machine's speed, the kill lands inside it. Returns whether it killed. */
static bool kill_in_transaction(crash_run *r, crash_writer *w)
{
	const struct timespec pause = { 0, 500000 };
	sqlite3 *db = NULL;
	int seen = 0;

	while (seen < 2 && !ended(w)) {
		nanosleep(&pause, NULL);
		if (!db && sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
			sqlite3_close(db);
			db = NULL;
			continue;
		}
		int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		seen = (rc & 0xff) == SQLITE_BUSY ? seen + 1 : 0;
	}
	sqlite3_close(db);
	return seen >= 2 && kill(w->pid, SIGKILL) == 0;
}

/* tellus check's count of the running totals agrees with the kept ones
 * (the deferred totals of a bulk import, settled at its commit or
 * rolled back with it). */
static void check_totals(crash_run *r, const char *device)
{
	tl_store *st = NULL;
	tl_checkup c;
	tl_err err;

	if (store_open(r->db, &st, &err) || store_check(st, &c, &err))
		printf("# import %s: tellus check failed: %s\n", device, err.msg);
	else if (c.tally_groups || c.counted_wrong)
		printf("# import %s: the running totals differ from a count (%ld groups, %ld "
		       "stages)\n", device, c.tally_groups, c.counted_wrong);
	else {
		store_close(st);
		return;
	}
	store_close(st);
	r->totals_bad++;
}

enum { RUN_THROUGH = -1, IN_TRANSACTION = -2 };

/* One import, killed at kill_at seconds, or RUN_THROUGH, or
 * IN_TRANSACTION. *finished is set when it printed its summary. */
static int one_import(crash_run *r, int n, double kill_at, bool *finished, double *took)
{
	char device[REF_DEVICE_MAX + 1], path[1200];
	device_of(n, device);
	if (write_import(r, device, path, sizeof path))
		return -1;
	char *argv[] = { (char *)r->o.tellus, "import", path, NULL };
	double t0 = crash_now();
	crash_writer w = { .kill_at = kill_at < 0 ? -1 : kill_at };
	if (crash_spawn(r, &w, argv, 0))
		return -1;
	bool cut = kill_at == IN_TRANSACTION && kill_in_transaction(r, &w);
	crash_run_writers(r, &w, 1, t0);
	*took = crash_now() - t0;
	*finished = !crash_writer_failed(r, &w) && w.said[0];
	int found = 0, bad = crash_count_import(r, device, &found);
	if (bad)
		printf("# import %s: %d rows with other words than given\n", device, bad);
	if (found == r->o.import_rows && bad == 0)
		r->imports_whole++;
	else if (found == 0 && !*finished)
		r->imports_absent++;
	else {
		r->imports_partial++;
		printf("# import %s: %d of %d rows in the file (%s)\n", device, found,
		       r->o.import_rows, *finished ? "it finished" : "killed");
	}
	if (cut && !*finished)
		r->imports_cut++;
	if (kill_at == RUN_THROUGH && !*finished)
		printf("# import %s: did not finish when left alone\n", device);
	check_totals(r, device);
	remove(path);
	return 0;
}

int crash_import_calibrate(crash_run *r)
{
	bool finished = false;
	double took = 0;
	if (one_import(r, 0, RUN_THROUGH, &finished, &took) || !finished)
		return -1;
	r->imports_whole--;  /* the calibration is not a trial */
	r->import_time = took;
	printf("# crash: one import of %d rows takes %.1f ms uninterrupted\n", r->o.import_rows,
	       took * 1000);
	return 0;
}

int crash_import_trial(crash_run *r, int t)
{
	bool finished = false;
	double took = 0, at;
	int turn = r->imports++ % 3, rc;

	if (turn == 0)
		at = RUN_THROUGH;
	else if (turn == 1)
		at = IN_TRANSACTION;
	else
		at = (double)(crash_rand(r) % 1000) / 1000.0 * 1.3 * r->import_time;
	rc = one_import(r, t + 1, at, &finished, &took);
	/* As the machine's speed changes, the random moments follow it. */
	if (turn == 0 && finished)
		r->import_time = took;
	return rc;
}
