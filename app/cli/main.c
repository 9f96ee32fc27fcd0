/* main.c - `tellus`: the list of commands, the global options, the
 * database, and dispatch to the command's cmd_<name>.c. Each command's
 * usage, help and options live in its own table, beside its code. Every
 * failure ends in one line on stderr and a non-zero exit. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "tellus/staff.h"
#include "tellus/text.h"

/* In the order `tellus --help` lists them. */
static const cli_cmd *const COMMANDS[] = {
	&CLI_CONFIG, &CLI_WORKDAYS, &CLI_HOLIDAYS, &CLI_CLOSURES, &CLI_PROFILE, &CLI_STAFF,
	&CLI_SERVICES, &CLI_TEAMS, &CLI_LOG, &CLI_COMPLAINT_FROM, &CLI_SHOW, &CLI_LIST, &CLI_DUE,
	&CLI_FIND, &CLI_EDIT, &CLI_ASSESS, &CLI_CAUSES, &CLI_ACKNOWLEDGE, &CLI_EXTEND, &CLI_RESPOND,
	&CLI_REQUEST, &CLI_PANEL, &CLI_WITHDRAW, &CLI_PAUSE, &CLI_RESUME, &CLI_HANDLED,
	&CLI_ACTION, &CLI_COST, &CLI_COSTS, &CLI_OMBUDSMAN, &CLI_CONTEXT, &CLI_EQUALITIES, &CLI_IMPORT, &CLI_EXPORT,
	&CLI_AUDIT, &CLI_LETTER, &CLI_RECEIPT, &CLI_TRACK, &CLI_REPORT, &CLI_RETENTION, &CLI_SUBJECT_ACCESS, &CLI_CHECK,
	&CLI_DEVICE, &CLI_SYNC, &CLI_CONFLICTS, &CLI_SERVE, NULL,
};

static const cli_cmd *find(const char *name)
{
	for (const cli_cmd *const *c = COMMANDS; *c; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

/* Who acts (SPEC 9): the OS user, as the system knows them (getpwuid, not
 * $USER, which anyone can set), or --as NAME (else $TELLUS_USER) when NAME
 * is a member of staff; any other name is refused rather than written
 * into the audit trail. */
static int set_actor(cli_ctx *cx, const char *as)
{
	const char *from = "--as";
	char who[128];
	tl_staff m;
	int rc;

	if (!as || !*as) {
		as = getenv("TELLUS_USER");
		from = "TELLUS_USER";
	}
	if (as && *as) {
		if ((rc = staff_find(cx->st, as, &m, &cx->err)) == TL_ENOTFOUND)
			return err_set(&cx->err, TL_EINVAL, "%s: '%.40s' is not a member of staff (see "
				       "tellus staff list)", from, as);
		if (rc == TL_OK)
			store_set_actor(cx->st, m.name);
		return rc;
	}
	const struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(who, sizeof who, "cli:%s", pw->pw_name);
	else
		snprintf(who, sizeof who, "cli:uid %u", (unsigned)getuid());
	store_set_actor(cx->st, who);
	return TL_OK;
}

/* Opens the database and runs the command; fills cx->err on failure. */
static int run(cli_ctx *cx, const cli_globals *g, int argc, char **argv)
{
	char path[1024];
	int rc;

	if (g->today && setenv("TELLUS_TODAY", g->today, 1))
		return err_set(&cx->err, TL_EINVAL, "--today: cannot set today's date");
	if (g->db)
		snprintf(path, sizeof path, "%s", g->db);
	else if ((rc = store_default_path(path, sizeof path, &cx->err)))
		return rc;
	if ((rc = store_open(path, &cx->st, &cx->err)))
		return rc;
	if ((rc = set_actor(cx, g->as)))
		return rc;
	rc = cx->cmd->fn(cx, argc, argv);
	if (fflush(stdout) != 0 && rc == TL_OK)
		rc = err_set(&cx->err, TL_EIO, "standard output: cannot write");
	return rc;
}

/* "tellus: MSG" on stderr, MSG shown safely (it may quote a word given). */
static int say(const char *msg)
{
	fputs("tellus: ", stderr);
	text_fputs_terminal(msg, 0, stderr);
	fputc('\n', stderr);
	return 2;
}

int main(int argc, char **argv)
{
	cli_ctx cx = { 0 };
	cli_globals g = { 0 };
	bool help;
	int i = 1, rc;

	/* Not for `tellus serve`, which runs for days: see cli_heap.c. */
	bool serving = false;
	for (int k = 1; k < argc; k++)
		serving = serving || strcmp(argv[k], "serve") == 0;
	if (!serving) {
		cli_heap_huge();
		store_mem_cache();
	}
	/* Into a file or a pipe, in 64 KiB writes (a list of thousands of
	 * lines was a write a 4 KiB page). */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cli_help_all(stdout, COMMANDS);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf("tellus %s\n", TELLUS_VERSION);
			return 0;
		} else if ((rc = cli_global(&g, argc, argv, &i, &cx.err)) < 0) {
			return say(cx.err.msg);
		} else if (rc == 0) {
			err_set(&cx.err, TL_EINVAL, "unknown option '%.40s' (try tellus --help)", argv[i]);
			return say(cx.err.msg);
		}
	}
	if (i >= argc) {
		cli_help_all(stderr, COMMANDS);
		return 2;
	}
	if (!(cx.cmd = find(argv[i]))) {
		err_set(&cx.err, TL_EINVAL, "unknown command '%.40s' (try tellus --help)", argv[i]);
		return say(cx.err.msg);
	}
	argc -= i;
	argv += i;
	if ((rc = cli_globals_after(cx.cmd, &g, &argc, argv, &help, &cx.err)) == TL_OK && help) {
		/* `tellus COMMAND --help`: without opening any database. */
		cli_help_cmd(stdout, cx.cmd);
		return 0;
	}
	if (rc == TL_OK)
		rc = run(&cx, &g, argc, argv);
	if (rc != TL_OK) {
		/* A message may quote what a person or a file gave: shown safely. */
		fprintf(stderr, "tellus %s: ", cx.cmd->name);
		text_fputs_terminal(cx.err.msg, 0, stderr);
		fputc('\n', stderr);
	}
	store_close(cx.st);
	return rc == TL_OK ? 0 : 1;
}
