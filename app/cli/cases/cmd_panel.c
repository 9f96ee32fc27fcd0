/* cmd_panel.c - `tellus panel`: stage 3's review panel was held; the
 * response is then due a set number of working days after it. */
#include "cli.h"
#include "tellus/case.h"

static const cli_opt OPTS[] = {
	{ "--date", "DATE", "the day the panel met (default: today)", CLI_VALUE(cli_dated, date) },
	{ NULL },
};

static int cmd_panel(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, &ref, &d);
	return rc ? rc : case_panel(cx->st, ref, d, &cx->err);
}

const cli_cmd CLI_PANEL = {
	.name = "panel", .fn = cmd_panel,
	.usage = { "REF [--date DATE]" },
	.summary = "stage 3 review panel held",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
