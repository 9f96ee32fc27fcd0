/* case_alert.c - the council's own alert for an "I don't feel safe"
 * record: the alert_command setting (a program and its words, split at
 * spaces, no shell between: nothing in it is interpreted) run with the
 * record's reference as its one added argument, never a person's words.
 * It runs outside any transaction (rule 4 of store.h: nobody holds the
 * write lock while a program runs), for at most CASE_ALERT_SECONDS; that
 * it went out, or why not, is audited, and an exit status of 0 counts as
 * staff told (case_staff_told). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include "tellus/case.h"

#define CASE_ALERT_SECONDS 10
#define CASE_ALERT_WORDS 16

extern char **environ;

/* Splits cmd (modified) at spaces and tabs into argv, then the ref;
 * false (and why) when it has no words or too many. */
static bool split(char *cmd, const char *ref, char **argv, char *why, size_t cap)
{
	int n = 0;
	for (char *save = NULL, *w = strtok_r(cmd, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (n == CASE_ALERT_WORDS - 2) {
			snprintf(why, cap, "has more than %d words", CASE_ALERT_WORDS - 2);
			return false;
		}
		argv[n++] = w;
	}
	argv[n++] = (char *)ref;
	argv[n] = NULL;
	return n > 1;
}

/* Waits for pid up to the limit, then stops it; why says what went wrong
 * (left empty when it exited with 0). */
static void wait_for(pid_t pid, char *why, size_t cap)
{
	struct timespec step = { 0, 20 * 1000 * 1000 };
	int status = 0;
	pid_t got = 0;

	for (int i = 0; i < CASE_ALERT_SECONDS * 50 && got == 0; i++) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == 0)
			nanosleep(&step, NULL);
		else if (got < 0 && errno == EINTR)
			got = 0;
	}
	if (got == 0) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		snprintf(why, cap, "did not finish within %d s", CASE_ALERT_SECONDS);
	} else if (got < 0) {
		snprintf(why, cap, "could not be waited for: %s", strerror(errno));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		snprintf(why, cap, "exited with %d", WEXITSTATUS(status));
	} else if (!WIFEXITED(status)) {
		snprintf(why, cap, "was stopped by signal %d", WTERMSIG(status));
	}
}

/* Runs argv with stdin and stdout on /dev/null (a program's chatter must
 * not mix with what tellus prints); why says what went wrong. */
static void run(char **argv, char *why, size_t cap)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc;

	if ((rc = posix_spawn_file_actions_init(&fa))) {
		snprintf(why, cap, "could not start: %s", strerror(rc));
		return;
	}
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc)
		snprintf(why, cap, "could not start %.200s: %s", argv[0], strerror(rc));
	else
		wait_for(pid, why, cap);
}

int case_alert(tl_store *st, const char *ref, bool *sent, tl_err *err)
{
	char cmd[1024], why[300] = "", detail[400];
	char *argv[CASE_ALERT_WORDS];
	tl_case c;
	int rc;

	*sent = false;
	if (store_setting_get(st, "alert_command", cmd, sizeof cmd, NULL) != TL_OK ||
	    !cmd[strspn(cmd, " \t")])
		return TL_OK;
	if ((rc = case_get(st, ref, &c, err)))
		return rc;
	if (!c.unsafe)
		rc = err_set(err, TL_ESTATE, "%s: is not a safety concern", c.ref);
	else if (split(cmd, c.ref, argv, why, sizeof why))
		run(argv, why, sizeof why);
	if (rc == TL_OK && !why[0]) {
		rc = case_staff_told_mark(st, c.ref, "alert", err);
		*sent = rc == TL_OK;
	} else if (rc == TL_OK) {
		snprintf(detail, sizeof detail, "alert_command %s", why);
		rc = store_audit(st, "alert_failed", c.ref, detail, err);
		if (rc == TL_OK)
			err_set(err, TL_OK, "alert_command: %s", why);
	}
	case_clear(&c);
	return rc;
}
