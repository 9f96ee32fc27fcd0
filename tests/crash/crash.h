/* crash.h - the crash harness's shared state: options, what the writers
 * acknowledged, and the counts the report prints. crash_writer.c starts
 * and kills `tellus`; crash_check.c reads the file back. The run owns the
 * acknowledgements (crash_free releases them). */
#ifndef TELLUS_CRASH_H
#define TELLUS_CRASH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *tellus, *dir;
	int trials, min_kills, import_every, import_rows, fresh_every;
	int race_create;  /* two writers may create a new file together */
	unsigned long long seed;
	/* sync in: a register that enrolled the device (copied for each
	 * trial), the device's bundle and code; every sync_every-th trial. */
	const char *sync_register, *sync_bundle, *sync_code;
	int sync_every;
} crash_opts;

/* What a register holds of the bundle (crash_sync.c). */
typedef struct {
	long long mark, cases;
	unsigned long long digest;
	bool integrity;
} crash_sync_state;

/* A case a writer acknowledged, with the words it was given. */
typedef struct {
	char ref[40];
	char *summary, *desired;
} crash_ack;

typedef struct {
	crash_opts o;
	unsigned long long rng;
	char db[1024];
	double submit_time, import_time;  /* one uninterrupted run, seconds */
	crash_ack *acks;                  /* of the current database */
	size_t n_acks, cap_acks;
	int trials, submits, imports, kills, acked, lost, damaged, integrity_bad;
	int writer_errors, imports_whole, imports_absent, imports_partial;
	int imports_cut;    /* killed inside their transaction, by the lock watch */
	int totals_bad;     /* imports after which tellus check disagreed */
	double sync_time;                 /* one uninterrupted sync in, seconds */
	crash_sync_state sync_whole_state; /* after one uninterrupted sync in */
	int syncs, syncs_whole, syncs_absent, syncs_partial, syncs_again_differ;
} crash_run;

/* A writer: one `tellus` process with its stdout on a pipe. */
typedef struct {
	int pid;
	int out;          /* read end of its stdout */
	double kill_at;   /* seconds after the start; < 0: never */
	int status;       /* from waitpid */
	char said[128];   /* its first line on stdout */
	char err[64];     /* file (in the run's folder) with its stderr */
} crash_writer;

unsigned long long crash_rand(crash_run *r);
double crash_now(void);
/* Starts argv with the run's database; the writer's number k names its
 * stderr file. */
int crash_spawn(crash_run *r, crash_writer *w, char *const argv[], int k);
/* Kills each of n writers at its moment, waits for all, reads what they
 * printed; counts the kills that landed before the writer had finished. */
void crash_run_writers(crash_run *r, crash_writer *w, int n, double t0);
/* True (and counted, and told) when a writer ended other than by the
 * kill or by success. */
bool crash_writer_failed(crash_run *r, const crash_writer *w);
int crash_import_calibrate(crash_run *r);
/* Times uninterrupted writers, to pick kill moments that fall mid-write. */
int crash_calibrate(crash_run *r);
/* Starts database number `epoch` (a new file: the first writers create it). */
void crash_fresh_db(crash_run *r, int epoch);
int crash_submit_trial(crash_run *r, int t);
int crash_import_trial(crash_run *r, int t);
/* Remembers an acknowledged case (copies the texts). */
int crash_acknowledge(crash_run *r, const char *ref, const char *summary, const char *desired);
/* integrity_check and every acknowledged case of the current database. */
int crash_check(crash_run *r);
/* The words of row N of an import (a CSV cell with a quote, a comma, a
 * line break and characters beyond ASCII). */
#define CRASH_IMPORT_SUMMARY "Imported row %d: \"quoted\", comma;\nsecond line \xc3\xa9 \xf0\x9f\x98\x80"
/* How many of the import with that device code are in the file (*found);
 * returns how many of those have other words than they were given. */
int crash_count_import(crash_run *r, const char *device, int *found);
void crash_free(crash_run *r);
/* sync in: timed whole once (the state every trial is held to), then
 * killed mid-way and applied again (crash_sync.c). */
int crash_sync_calibrate(crash_run *r);
int crash_sync_trial(crash_run *r);

#endif
