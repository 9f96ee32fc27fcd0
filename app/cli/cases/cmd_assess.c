/* cmd_assess.c - `tellus assess`: which procedure a case follows, decided
 * after a look at it (not_eligible, say, for court proceedings). */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *procedure, *why;
} opts;

static const cli_opt OPTS[] = {
	{ "--procedure", "P", "the procedure it follows", CLI_VALUE(opts, procedure),
	  .words = &WS_PROCEDURE },
	{ "--why", "TEXT", "the reason, one line", CLI_VALUE(opts, why) },
	{ NULL },
};

static int cmd_assess(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int p, rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_PROCEDURE, o.procedure, "--procedure", &p)))
		return rc;
	return case_assess(cx->st, w.v[0], p, o.why, &cx->err);
}

const cli_cmd CLI_ASSESS = {
	.name = "assess", .fn = cmd_assess,
	.usage = { "REF --procedure P [--why TEXT]" },
	.summary = "which procedure a case follows",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
