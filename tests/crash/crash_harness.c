/* crash_harness.c - kills real `tellus` writers with SIGKILL at random
 * moments and checks what survived. A writer's printed reference is its
 * acknowledgement (what the kiosk shows on the receipt): every acknowledged
 * case must be in the file byte for byte, the file must pass
 * PRAGMA integrity_check after every kill, and an import must be wholly in
 * or wholly out. Prints TAP lines and a summary; see usage() for options. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "crash.h"

static void usage(void)
{
	fprintf(stderr, "usage: crash_harness --tellus BIN --dir DIR [--trials N] [--min-kills N]\n"
		"    [--import-every K] [--import-rows N] [--seed S] [--fresh-every N]\n"
		"    [--race-create 0|1] [--sync-every K --sync-register DB --sync-bundle FILE\n"
		"    --sync-code CODE]\n");
}

static int parse(int argc, char **argv, crash_opts *o)
{
	*o = (crash_opts){ .trials = 250, .min_kills = 200, .import_rows = 400,
			   .fresh_every = 50, .seed = (unsigned long long)time(NULL) };
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--tellus")) o->tellus = v;
		else if (!strcmp(k, "--dir")) o->dir = v;
		else if (!strcmp(k, "--trials")) o->trials = atoi(v);
		else if (!strcmp(k, "--min-kills")) o->min_kills = atoi(v);
		else if (!strcmp(k, "--import-every")) o->import_every = atoi(v);
		else if (!strcmp(k, "--import-rows")) o->import_rows = atoi(v);
		else if (!strcmp(k, "--fresh-every")) o->fresh_every = atoi(v);
		else if (!strcmp(k, "--seed")) o->seed = strtoull(v, NULL, 10);
		else if (!strcmp(k, "--race-create")) o->race_create = atoi(v);
		else if (!strcmp(k, "--sync-every")) o->sync_every = atoi(v);
		else if (!strcmp(k, "--sync-register")) o->sync_register = v;
		else if (!strcmp(k, "--sync-bundle")) o->sync_bundle = v;
		else if (!strcmp(k, "--sync-code")) o->sync_code = v;
		else return -1;
	}
	if (o->sync_every > 0 && (!o->sync_register || !o->sync_bundle || !o->sync_code))
		return -1;
	return o->tellus && o->dir && o->trials > 0 && o->fresh_every > 0 ? 0 : -1;
}

/* One trial: two submissions racing (as the kiosk and the CLI would), or
 * an import, each killed at a random moment; then the checks. */
static int trial(crash_run *r, int t)
{
	int rc;
	if (r->o.sync_every > 0 && t % r->o.sync_every == r->o.sync_every / 2)
		return crash_sync_trial(r);
	if (r->o.import_every > 0 && t % r->o.import_every == r->o.import_every - 1)
		rc = crash_import_trial(r, t);
	else
		rc = crash_submit_trial(r, t);
	if (rc == 0)
		rc = crash_check(r);
	return rc;
}

static void report(const crash_run *r, int ok_run)
{
	int n = 0;
	printf("# crash: seed %llu, %d trials (%d submissions, %d imports), %d kills mid-write\n",
	       r->o.seed, r->trials, r->submits, r->imports, r->kills);
	printf("# crash: %d cases acknowledged, %d lost, %d damaged; imports %d complete, "
	       "%d absent, %d partial, %d cut; %d integrity failures; %d writer errors\n",
	       r->acked, r->lost, r->damaged, r->imports_whole, r->imports_absent,
	       r->imports_partial, r->imports_cut, r->integrity_bad, r->writer_errors);
	printf("%s %d - the harness ran %d trials to the end\n", ok_run ? "ok" : "not ok", ++n, r->trials);
	printf("%s %d - at least %d kills mid-write (%d)\n", r->kills >= r->o.min_kills ? "ok" : "not ok",
	       ++n, r->o.min_kills, r->kills);
	printf("%s %d - integrity_check ok after every kill\n", r->integrity_bad ? "not ok" : "ok", ++n);
	printf("%s %d - every acknowledged case present and byte-for-byte intact (%d acknowledged, "
	       "%d lost, %d damaged)\n", r->lost || r->damaged || !r->acked ? "not ok" : "ok", ++n,
	       r->acked, r->lost, r->damaged);
	printf("%s %d - no writer failed except by the kill (%d)\n", r->writer_errors ? "not ok" : "ok",
	       ++n, r->writer_errors);
	if (r->o.import_every > 0) {
		printf("%s %d - every import wholly present or wholly absent (%d whole, %d absent, "
		       "%d partial; %d killed inside their transaction)\n",
		       r->imports_partial || r->imports_whole == 0 || r->imports_cut == 0 ?
		       "not ok" : "ok", ++n, r->imports_whole, r->imports_absent,
		       r->imports_partial, r->imports_cut);
		printf("%s %d - tellus check agrees with the running totals after every import "
		       "(%d disagree)\n", r->totals_bad ? "not ok" : "ok", ++n, r->totals_bad);
	}
	if (r->o.sync_every > 0) {
		printf("%s %d - every sync in applied its bundle wholly or not at all (%d trials: %d whole, "
		       "%d absent, %d partial)\n", r->syncs_partial ? "not ok" : "ok", ++n, r->syncs,
		       r->syncs_whole, r->syncs_absent, r->syncs_partial);
		printf("%s %d - sync in again after every kill gives the register of one uninterrupted "
		       "run (%d differ)\n", r->syncs_again_differ ? "not ok" : "ok", ++n,
		       r->syncs_again_differ);
	}
}

int main(int argc, char **argv)
{
	crash_run r;

	memset(&r, 0, sizeof r);
	if (parse(argc, argv, &r.o)) {
		usage();
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	r.rng = r.o.seed * 2654435761ULL + 1;
	int ok_run = crash_calibrate(&r) == 0;
	for (int t = 0; ok_run && t < r.o.trials; t++) {
		if (t % r.o.fresh_every == 0)
			crash_fresh_db(&r, t / r.o.fresh_every);
		ok_run = trial(&r, t) == 0;
		r.trials++;
	}
	report(&r, ok_run);
	crash_free(&r);
	bool bad = !ok_run || r.lost || r.damaged || r.integrity_bad || r.writer_errors ||
		   r.imports_partial || r.kills < r.o.min_kills || r.totals_bad ||
		   (r.o.import_every > 0 && (r.imports_whole == 0 || r.imports_cut == 0)) ||
		   r.syncs_partial || r.syncs_again_differ;
	return bad ? 1 : 0;
}
