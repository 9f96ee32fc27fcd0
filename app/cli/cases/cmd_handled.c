/* cmd_handled.c - `tellus handled`: a safety concern ("I don't feel
 * safe") was acted on, with staff's own note of what was done; it then
 * leaves the top of `tellus list`. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *note, *date;
} opts;

static const cli_opt OPTS[] = {
	{ "--note", "TEXT", "what was done", CLI_VALUE(opts, note) },
	{ "--date", "DATE", "the day it was done (default: today)", CLI_VALUE(opts, date) },
	{ NULL },
};

static int cmd_handled(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_date d;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (rc = cli_date(cx, o.date, "--date", &d)))
		return rc;
	return case_safety_handled(cx->st, w.v[0], d, o.note, &cx->err);
}

const cli_cmd CLI_HANDLED = {
	.name = "handled", .fn = cmd_handled,
	.usage = { "REF --note TEXT [--date DATE]" },
	.summary = "a safety concern acted on",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
