/* cmd_resume.c - `tellus resume`: the stage's stopped clock runs again;
 * the working days it stood still are added to the stage's deadlines. */
#include "cli.h"
#include "tellus/case.h"

static const cli_opt OPTS[] = {
	{ "--date", "DATE", "the day the clock restarts (default: today)",
	  CLI_VALUE(cli_dated, date) },
	{ NULL },
};

static int cmd_resume(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, &ref, &d);
	return rc ? rc : case_resume(cx->st, ref, d, &cx->err);
}

const cli_cmd CLI_RESUME = {
	.name = "resume", .fn = cmd_resume,
	.usage = { "REF [--date DATE]" },
	.summary = "restart the clock",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
