/* main.c - `tellus`: global options, the database, and dispatch to one
 * cmd_<name> per subcommand. Every failure ends in one line on stderr and
 * a non-zero exit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

typedef struct {
	const char *name;
	cli_cmd_fn fn;
	const char *help;
} cli_entry;

static const cli_entry COMMANDS[] = {
	{ "config", cmd_config, "config get KEY | config set KEY VALUE | config list" },
	{ "workdays", cmd_workdays, "workdays add DATE N | between A B | batch  [--closures]" },
	{ "holidays", cmd_holidays, "holidays YEAR     non-working days of a year" },
	{ "closures", cmd_closures, "closures add DATE NAME | list | remove DATE" },
	{ "profile", cmd_profile, "profile list | show NAME | load FILE" },
	{ "staff", cmd_staff, "staff add NAME --role officer|manager|admin | staff list" },
	{ "log", cmd_log, "log --kind K --complainant WHO --service AREA [--received DATE]\n"
	  "      [--channel C] [--procedure P] [--team T] [--on-behalf --officer NAME]\n"
	  "      [--summary TEXT | --summary-file FILE] [--desired TEXT] [--contact TEXT]\n"
	  "      [--cause CODE]... [--consent] [--advocacy] [--unsafe]\n"
	  "      [--matter-date DATE --late-reason TEXT]\n"
	  "      log --from REF ...   a complaint opened from an \"I don't feel safe\" record" },
	{ "show", cmd_show, "show REF          one case, every stage and deadline" },
	{ "list", cmd_list, "list [--overdue | --due-within N] [--officer NAME] [--all]" },
	{ "assess", cmd_assess, "assess REF --procedure P [--why TEXT]" },
	{ "causes", cmd_causes, "causes | causes REF CAUSE...  the causes of a complaint" },
	{ "extend", cmd_extend, "extend REF --reason TEXT --agreed-by NAME [--stage N]" },
	{ "respond", cmd_respond, "respond REF --outcome O [--stage N] [--date DATE]" },
	{ "request", cmd_request, "request REF --stage 2|3 [--date DATE]" },
	{ "panel", cmd_panel, "panel REF [--date DATE]   stage 3 review panel held" },
	{ "withdraw", cmd_withdraw, "withdraw REF [--date DATE]" },
	{ "pause", cmd_pause, "pause REF --reason R [--date DATE]   stop the clock" },
	{ "resume", cmd_resume, "resume REF [--date DATE]            restart the clock" },
	{ "handled", cmd_handled, "handled REF --note TEXT [--date DATE]   a safety concern acted on" },
	{ "action", cmd_action, "action REF ACTION [--note TEXT]" },
	{ "cost", cmd_cost, "cost --category C --amount POUNDS [--date DATE] [--ref REF]" },
	{ "ombudsman", cmd_ombudsman, "ombudsman --received D --decided D --decision X [--ref REF]" },
	{ "context", cmd_context, "context --year Y --measure NAME --value N" },
	{ "import", cmd_import, "import FILE.csv | --costs|--ombudsman|--context FILE" },
	{ "export", cmd_export, "export FILE.csv | --costs|--ombudsman|--context FILE" },
	{ "audit", cmd_audit, "audit [REF]       the audit trail" },
	{ "receipt", cmd_receipt, "receipt REF --out FILE.png|.svg|.txt [--reference-only]\n"
	  "      a new tracking code each time, written only into the receipt file (never\n"
	  "      printed); an earlier receipt's code stops working. --reference-only: for\n"
	  "      a shared printer, no code and no QR; an earlier code keeps working" },
	{ "track", cmd_track, "track REF CODE    check a tracking code: kind, stage, due dates" },
	{ "report", cmd_report, "report --year YYYY --format csv|html|md --out DIR" },
	{ "check", cmd_check, "check [--rebuild-tallies]  the database's integrity and the "
	  "report's running totals" },
	{ NULL, NULL, NULL },
};

static void help(FILE *out)
{
	fprintf(out, "usage: tellus [--db FILE] [--as NAME] [--today DATE] COMMAND [ARGS]\n"
		"Tellus: complaints and compliments for children's social care.\n\n");
	for (const cli_entry *c = COMMANDS; c->name; c++)
		fprintf(out, "  %s\n", c->help);
	fprintf(out, "\nThe database is --db FILE, else $TELLUS_DB, else "
		"$XDG_DATA_HOME/tellus/tellus.db.\n");
}

static const cli_entry *find(const char *name)
{
	for (const cli_entry *c = COMMANDS; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Who acts: --as, else $TELLUS_USER, else cli:$USER. */
static void set_actor(tl_store *st, const char *as)
{
	char who[128];
	const char *user = getenv("USER");
	if (!as || !*as)
		as = getenv("TELLUS_USER");
	if (as && *as)
		snprintf(who, sizeof who, "%s", as);
	else
		snprintf(who, sizeof who, "cli:%s", user && *user ? user : "unknown");
	store_set_actor(st, who);
}

int main(int argc, char **argv)
{
	cli_ctx cx = { 0 };
	const char *as = NULL, *today = NULL;
	char path[1024];
	int i = 1, rc;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf("tellus %s\n", TELLUS_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cx.db_path = argv[++i];
		} else if (!strcmp(argv[i], "--as") && i + 1 < argc) {
			as = argv[++i];
		} else if (!strcmp(argv[i], "--today") && i + 1 < argc) {
			today = argv[++i];
		} else {
			fprintf(stderr, "tellus: unknown option '%s' (try tellus --help)\n", argv[i]);
			return 2;
		}
	}
	if (i >= argc) {
		help(stderr);
		return 2;
	}
	const cli_entry *cmd = find(argv[i]);
	if (!cmd) {
		fprintf(stderr, "tellus: unknown command '%s' (try tellus --help)\n", argv[i]);
		return 2;
	}
	/* `tellus COMMAND --help`: its usage, without opening any database. */
	for (int k = i + 1; k < argc; k++)
		if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) {
			printf("usage: tellus [--db FILE] %s\n", cmd->help);
			return 0;
		}
	if (today && setenv("TELLUS_TODAY", today, 1)) {
		fprintf(stderr, "tellus: cannot set today's date\n");
		return 1;
	}
	if (cx.db_path) {
		snprintf(path, sizeof path, "%s", cx.db_path);
	} else if ((rc = store_default_path(path, sizeof path, &cx.err))) {
		fprintf(stderr, "tellus: %s\n", cx.err.msg);
		return 1;
	}
	if ((rc = store_open(path, &cx.st, &cx.err)) == TL_OK) {
		set_actor(cx.st, as);
		rc = cmd->fn(&cx, argc - i, argv + i);
	}
	if (fflush(stdout) != 0 && rc == TL_OK)
		rc = err_set(&cx.err, TL_EIO, "cannot write the output");
	if (rc != TL_OK)
		fprintf(stderr, "tellus %s: %s\n", cmd->name, cx.err.msg);
	store_close(cx.st);
	return rc == TL_OK ? 0 : 1;
}
