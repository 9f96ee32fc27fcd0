/* cmd_respond.c - `tellus respond`: a stage ends with the authority's
 * response and its outcome. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *outcome, *stage, *date;
} opts;

static const cli_opt OPTS[] = {
	{ "--outcome", "O", "how the stage ended", CLI_VALUE(opts, outcome), .words = &WS_OUTCOME },
	{ "--stage", "N", "the stage (default: the current one)", CLI_VALUE(opts, stage) },
	{ "--date", "DATE", "the day of the response (default: today)", CLI_VALUE(opts, date) },
	{ NULL },
};

static int cmd_respond(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int n, outcome, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (rc = cli_stage(cx, o.stage, &n)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)) ||
	    (rc = cli_word(cx, &WS_OUTCOME, o.outcome, "--outcome", &outcome)))
		return rc;
	return case_respond(cx->st, w.v[0], n, d, outcome, &cx->err);
}

const cli_cmd CLI_RESPOND = {
	.name = "respond", .fn = cmd_respond,
	.usage = { "REF --outcome O [--stage N] [--date DATE]" },
	.summary = "the response that ends a stage",
	.about = "The clock must be running (tellus resume); the response may not come before\n"
		 "the stage began, nor after today.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
