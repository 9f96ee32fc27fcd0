/* crash_writer.c - starts real `tellus` writers and kills them.
 * A writer's stdout is a pipe: a reference that reached the pipe is what
 * the kiosk would have shown, so it is acknowledged whatever happens
 * after. Kill moments are uniform over a little more than an
 * uninterrupted run, so most land mid-write and some just after. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "tellus/ref.h"
#include "tellus/store.h"
#include "crash.h"

unsigned long long crash_rand(crash_run *r)
{
	r->rng ^= r->rng >> 12;
	r->rng ^= r->rng << 25;
	r->rng ^= r->rng >> 27;
	return r->rng * 2685821657736338717ULL;
}

double crash_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
	double left = t - crash_now();
	if (left > 0) {
		struct timespec ts = { (time_t)left, (long)((left - (double)(time_t)left) * 1e9) };
		nanosleep(&ts, NULL);
	}
}

int crash_spawn(crash_run *r, crash_writer *w, char *const argv[], int k)
{
	int fd[2];

	snprintf(w->err, sizeof w->err, "writer%d.err", k);
	if (pipe(fd))
		return -1;
	w->pid = fork();
	if (w->pid == 0) {
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", r->o.dir, w->err);
		int e = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(fd[1], 1);
		if (e >= 0)
			dup2(e, 2);
		close(fd[0]);
		setenv("TELLUS_DB", r->db, 1);
		setenv("TELLUS_TODAY", "2026-01-15", 1);
		execv(r->o.tellus, argv);
		_exit(127);
	}
	close(fd[1]);
	w->out = fd[0];
	return w->pid < 0 ? -1 : 0;
}

void crash_run_writers(crash_run *r, crash_writer *w, int n, double t0)
{
	for (int done = 0; done < n; done++) {
		int next = -1;
		for (int i = 0; i < n; i++)
			if (w[i].kill_at >= 0 && (next < 0 || w[i].kill_at < w[next].kill_at))
				next = i;
		if (next < 0)
			break;
		sleep_until(t0 + w[next].kill_at);
		kill(w[next].pid, SIGKILL);
		w[next].kill_at = -1;
	}
	for (int i = 0; i < n; i++) {
		ssize_t got, len = 0;
		while ((got = read(w[i].out, w[i].said + len, sizeof w[i].said - 1 - (size_t)len)) > 0)
			len += got;
		w[i].said[len] = '\0';
		w[i].said[strcspn(w[i].said, "\n")] = '\0';
		close(w[i].out);
		waitpid(w[i].pid, &w[i].status, 0);
		if (WIFSIGNALED(w[i].status) && WTERMSIG(w[i].status) == SIGKILL)
			r->kills++;
	}
}

bool crash_writer_failed(crash_run *r, const crash_writer *w)
{
	if (WIFSIGNALED(w->status) && WTERMSIG(w->status) == SIGKILL)
		return false;
	if (WIFEXITED(w->status) && WEXITSTATUS(w->status) == 0 && w->said[0])
		return false;
	char path[1200], line[300] = "";
	snprintf(path, sizeof path, "%s/%s", r->o.dir, w->err);
	FILE *f = fopen(path, "r");
	if (f) {
		if (!fgets(line, sizeof line, f))
			line[0] = '\0';
		fclose(f);
	}
	printf("# writer ended with status 0x%x: %s", w->status, line[0] ? line : "(nothing on stderr)\n");
	r->writer_errors++;
	return true;
}

/* Words for a case: ASCII, quotes, commas, line breaks, UTF-8 of 2 to 4
 * bytes, things that look like SQL or formulas. */
static void random_words(crash_run *r, char *out, size_t cap)
{
	static const char *const bits[] = {
		"my ", "social worker ", "did not ", "come. ", "\"quoted\" ", "it's ", "a, b; c ",
		"\n", "\r\n", "\t", "caf\xc3\xa9 ", "\xc5\xb5yr ", "\xf0\x9f\x98\x80 ", "\xe2\x80\x94 ",
		"'); DROP TABLE cases;-- ", "=SUM(A1) ", "100% ", "%s%n ", "\\ ",
	};
	size_t want = 1 + crash_rand(r) % (cap / 2), n = 0;
	n = (size_t)snprintf(out, cap, "Case %llu: ", crash_rand(r) % 100000);
	while (n < want) {
		const char *b = bits[crash_rand(r) % (sizeof bits / sizeof bits[0])];
		size_t k = strlen(b);
		if (n + k + 1 >= cap)
			break;
		memcpy(out + n, b, k);
		n += k;
	}
	out[n] = '\0';
}

static int log_writer(crash_run *r, crash_writer *w, int k, char *summary, char *desired)
{
	/* Who acts is the OS user: --as names only a member of staff (SPEC 9). */
	char *argv[] = { (char *)r->o.tellus, "log", "--kind", "complaint",
		"--complainant", "child", "--service", "Children in care", "--channel", "kiosk",
		"--procedure", "to_be_assessed", "--summary", summary, "--desired", desired, NULL };
	return crash_spawn(r, w, argv, k);
}

/* Keeps kill moments falling mid-write as the machine speeds up or slows
 * down: a trial with no kill shortens the window, one where every writer
 * died lengthens it. */
static void adapt(crash_run *r, int killed, int writers)
{
	if (killed == 0)
		r->submit_time *= 0.9;
	else if (killed == writers)
		r->submit_time *= 1.05;
}

/* Has a writer finished creating the file (every migration in)? A kill
 * between two migrations leaves a file that is still being created. */
static bool db_created(const crash_run *r)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	bool yes = sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
		   sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
		   sqlite3_step(s) == SQLITE_ROW &&
		   sqlite3_column_int(s, 0) >= store_schema_version();
	sqlite3_finalize(s);
	sqlite3_close(db);
	return yes;
}

/* Two writers, except on a file not yet created unless race_create: two
 * programs creating the same new file at once is tested on its own. */
int crash_submit_trial(crash_run *r, int t)
{
	static const size_t cap = 4096;
	crash_writer w[2];
	int N = r->o.race_create || db_created(r) ? 2 : 1;
	char *words = malloc(2 * 2 * cap);
	int rc = 0;

	if (!words)
		return -1;
	(void)t;
	memset(w, 0, sizeof w);
	double t0 = crash_now();
	for (int i = 0; i < N && rc == 0; i++) {
		random_words(r, words + (2 * i) * cap, cap);
		random_words(r, words + (2 * i + 1) * cap, 200);
		w[i].kill_at = (double)(crash_rand(r) % 1000) / 1000.0 * 1.8 * r->submit_time;
		rc = log_writer(r, &w[i], i, words + 2 * i * cap, words + (2 * i + 1) * cap);
	}
	if (rc == 0) {
		int kills = r->kills;
		crash_run_writers(r, w, N, t0);
		r->submits += N;
		adapt(r, r->kills - kills, N);
	}
	for (int i = 0; rc == 0 && i < N; i++)
		if (!crash_writer_failed(r, &w[i]) && w[i].said[0])
			rc = crash_acknowledge(r, w[i].said, words + 2 * i * cap, words + (2 * i + 1) * cap);
	free(words);
	return rc;
}

void crash_fresh_db(crash_run *r, int epoch)
{
	char side[1100];
	crash_free(r);
	snprintf(r->db, sizeof r->db, "%s/crash-%d.db", r->o.dir, epoch);
	remove(r->db);
	snprintf(side, sizeof side, "%s-wal", r->db);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", r->db);
	remove(side);
}

int crash_calibrate(crash_run *r)
{
	double t[3];
	crash_fresh_db(r, 999);
	for (int i = 0; i < 3; i++) {
		crash_writer w = { .kill_at = -1 };
		char s[64], d[64];
		snprintf(s, sizeof s, "calibration %d", i);
		snprintf(d, sizeof d, "nothing");
		double t0 = crash_now();
		if (log_writer(r, &w, 0, s, d))
			return -1;
		crash_run_writers(r, &w, 1, t0);
		t[i] = crash_now() - t0;
		if (crash_writer_failed(r, &w))
			return -1;
	}
	r->submit_time = t[0] < t[1] ? (t[1] < t[2] ? t[1] : (t[0] < t[2] ? t[2] : t[0]))
				     : (t[0] < t[2] ? t[0] : (t[1] < t[2] ? t[2] : t[1]));
	printf("# crash: one submission takes %.1f ms uninterrupted\n", r->submit_time * 1000);
	if (r->o.import_every > 0 && crash_import_calibrate(r))
		return -1;
	return r->o.sync_every > 0 ? crash_sync_calibrate(r) : 0;
}
