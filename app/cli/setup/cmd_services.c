/* cmd_services.c - `tellus services`: the configured list of service
 * areas (lists.h), and the verbs it shares with `tellus teams`
 * (cmd_teams.c). list shows each name with how many cases have it; add,
 * rename and merge change the list, and rename and merge move every case
 * that has the name. */
#include <string.h>
#include "cli.h"
#include "tellus/lists.h"

typedef struct {
	const char *plain, *detail;
} opts;

static const cli_opt SERVICE_OPTS[] = {
	{ "--plain", "TEXT", "add: the kiosk's plain words for it (default: its name)",
	  CLI_VALUE(opts, plain) },
	{ "--detail", "TEXT", "add: the kiosk's line under the plain words", CLI_VALUE(opts, detail) },
	{ NULL },
};

static int print_item(const tl_list_item *it, void *arg)
{
	char name[1024];
	(void)arg;
	printf("%-32s %5ld case%s\n", CLI_ESC(name, it->name), it->cases, it->cases == 1 ? "" : "s");
	return TL_OK;
}

int cli_list_verbs(cli_ctx *cx, int kind, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	long moved = 0;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	const char *verb = w.v[0];
	if (w.n == 1 && !strcmp(verb, "list"))
		return lists_each(cx->st, kind, print_item, NULL, &cx->err);
	if (w.n == 2 && !strcmp(verb, "add"))
		return lists_add(cx->st, kind, w.v[1], o.plain, o.detail, &cx->err);
	if (w.n == 3 && !strcmp(verb, "rename"))
		rc = lists_rename(cx->st, kind, w.v[1], w.v[2], &moved, &cx->err);
	else if (w.n == 3 && !strcmp(verb, "merge"))
		rc = lists_merge(cx->st, kind, w.v[1], w.v[2], &moved, &cx->err);
	else
		return cli_usage(cx);
	if (rc == TL_OK)
		printf("%ld case%s moved\n", moved, moved == 1 ? "" : "s");
	return rc;
}

static int cmd_services(cli_ctx *cx, int argc, char **argv)
{
	return cli_list_verbs(cx, TL_LIST_SERVICES, argc, argv);
}

const cli_cmd CLI_SERVICES = {
	.name = "services", .fn = cmd_services,
	.usage = { "list", "add NAME [--plain TEXT] [--detail TEXT]", "rename NAME NEW",
		   "merge NAME INTO" },
	.summary = "the configured service areas",
	.about = "log and edit take only a name on this list (spaces trimmed, case ignored).\n"
		 "rename and merge move every case that has the name (each audited), so the\n"
		 "annual report counts them under the new one; merge takes NAME off the list.",
	.opts = SERVICE_OPTS, .min_words = 1, .max_words = 3,
};
