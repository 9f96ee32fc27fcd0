/* bench_list.c - `tellus list` over 1,000,000 cases with 5,000 open (SPEC
 * 10: its time follows the open cases, not the register). The register is
 * bench_generate's, with every open stage answered (through the store, so
 * the running totals stay true) but for 5,000 eligible ones; then whole
 * processes, as a person runs them, alternated: `tellus list` against
 * `sqlite3` reading the same open stages in due order (the floor: one
 * process, one query, no status), and `tellus list --all`, which reads
 * every case as it prints. Median, min and max of RUNS.
 * usage: bench_list TELLUS [SQLITE3]; BENCH_LIST_DB=FILE keeps the
 * register there for the next run. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "store/store_db.h"
#include "bench_gen.h"

#ifndef N_CASES
#define N_CASES 1000000L
#endif
#define OPEN 5000
#define RUNS 5
#define TODAY "2026-03-31"

extern char **environ;

/* Answers every open stage but OPEN of the eligible latest ones, and gives
 * each complaint the rules it would have been logged with (the text of
 * its profile, as case_log keeps it). */
static int trim_open(const char *path, tl_err *err)
{
	tl_store *st = NULL;
	char *msg = NULL, set[128];
	long long rules;
	int rc = store_open(path, &st, err);
	if (rc)
		return rc;
	if ((rc = store_begin(st, err)) == TL_OK &&
	    (rc = store_profile_keep(st, "england_children", &rules, err)) == TL_OK)
		rc = store_end(st, rc, err);
	snprintf(set, sizeof set, "UPDATE cases SET rules = %lld WHERE kind = 'complaint'", rules);
	if (rc == TL_OK && sqlite3_exec(store_db(st), set, NULL, NULL, &msg) != SQLITE_OK)
		rc = err_set(err, TL_EDB, "keeping the rules: %s", msg ? msg : "?");
	if (rc == TL_OK && sqlite3_exec(store_db(st),
		"BEGIN; CREATE TEMP TABLE keep AS SELECT s.id FROM stages s JOIN cases c"
		" ON c.id = s.case_id WHERE s.responded IS NULL AND c.procedure <> 'not_eligible'"
		" AND NOT EXISTS (SELECT 1 FROM stages n WHERE n.case_id = s.case_id"
		" AND n.stage > s.stage) ORDER BY s.id LIMIT 5000;"
		"UPDATE stages SET responded = max(started, due), outcome = 'not_upheld'"
		" WHERE responded IS NULL AND id NOT IN (SELECT id FROM keep); COMMIT;"
		"PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, &msg) != SQLITE_OK)
		rc = err_set(err, TL_EDB, "trimming the open cases: %s", msg ? msg : "?");
	sqlite3_free(msg);
	store_close(st);
	return rc;
}

/* Seconds one whole process takes, its output to /dev/null; < 0 if it failed. */
static double run(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	double t0 = bench_now();
	int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -1;
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("BENCH_TMP") ? getenv("BENCH_TMP") : "/tmp";
	const char *keep = getenv("BENCH_LIST_DB");
	char path[512], note[160];
	double ours[RUNS], floor[RUNS], all[RUNS];
	tl_err err;

	if (argc < 2)
		return fprintf(stderr, "usage: bench_list TELLUS [SQLITE3]\n"), 2;
	/* BENCH_LIST_DB: a register made by an earlier run, kept for the next. */
	snprintf(path, sizeof path, "%s", keep ? keep : "");
	if (!keep)
		snprintf(path, sizeof path, "%s/list.db", tmp);
	setenv("TELLUS_TODAY", TODAY, 1);
	if ((!keep || access(path, F_OK)) &&
	    (bench_generate(path, N_CASES, 2016, 10, &err) || trim_open(path, &err))) {
		bench_row("tellus list, 1,000,000 cases, 5,000 open", BENCH_NA, "ms", "sqlite3 CLI, "
			  "the same open stages by due", BENCH_NA, err.msg);
		return 1;
	}
	char *list[] = { argv[1], "--db", path, "list", NULL };
	char *every[] = { argv[1], "--db", path, "list", "--all", NULL };
	char *bare[] = { argc > 2 ? argv[2] : "", path, "SELECT s.case_id, s.due FROM stages s"
			 " WHERE s.responded IS NULL ORDER BY s.due", NULL };
	/* Alternated, one warm-up each. */
	run(list);
	if (argc > 2)
		run(bare);
	for (int i = 0; i < RUNS; i++) {
		ours[i] = run(list);
		floor[i] = argc > 2 ? run(bare) : -1;
	}
	for (int i = 0; i < RUNS; i++)
		all[i] = run(every);
	snprintf(note, sizeof note, "whole processes, alternated, %d runs a side", RUNS);
	bench_row("tellus list, 1,000,000 cases, 5,000 open", bench_stats(ours, RUNS, 1e3), "ms",
		  "sqlite3 CLI: the open stages by due, one query",
		  argc > 2 ? bench_stats(floor, RUNS, 1e3) : BENCH_NA, note);
	snprintf(note, sizeof note, "whole processes, every case printed, %d runs", RUNS);
	bench_row("tellus list --all, 1,000,000 cases", bench_stats(all, RUNS, 1e3), "ms", "-",
		  BENCH_NA, note);
	if (!keep)
		remove(path);
	return 0;
}
