/* cmd_withdraw.c - `tellus withdraw`: the complainant withdraws the
 * complaint; the current stage ends there. */
#include "cli.h"
#include "tellus/case.h"

static const cli_opt OPTS[] = {
	{ "--date", "DATE", "the day it was withdrawn (default: today)", CLI_VALUE(cli_dated, date) },
	{ NULL },
};

static int cmd_withdraw(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, &ref, &d);
	return rc ? rc : case_withdraw(cx->st, ref, d, &cx->err);
}

const cli_cmd CLI_WITHDRAW = {
	.name = "withdraw", .fn = cmd_withdraw,
	.usage = { "REF [--date DATE]" },
	.summary = "the complaint is withdrawn",
	.about = "Causes, actions and the procedure can still be corrected afterwards.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
