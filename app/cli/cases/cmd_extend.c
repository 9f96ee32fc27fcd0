/* cmd_extend.c - `tellus extend`: a stage's time is extended up to its
 * maximum, for a reason and with the agreement of a named person. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *reason, *by, *stage;
} opts;

static const cli_opt OPTS[] = {
	{ "--reason", "TEXT", "why more time is needed", CLI_VALUE(opts, reason) },
	{ "--agreed-by", "NAME", "who agreed to it (default: who is acting, --as)",
	  CLI_VALUE(opts, by) },
	{ "--stage", "N", "the stage (default: the current one)", CLI_VALUE(opts, stage) },
	{ NULL },
};

static int cmd_extend(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int n, rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (rc = cli_stage(cx, o.stage, &n)))
		return rc;
	return case_extend(cx->st, w.v[0], n, o.reason, o.by ? o.by : store_actor(cx->st),
			   &cx->err);
}

const cli_cmd CLI_EXTEND = {
	.name = "extend", .fn = cmd_extend,
	.usage = { "REF --reason TEXT --agreed-by NAME [--stage N]" },
	.summary = "more time for a stage",
	.about = "The stage is then due at its maximum (stage 1: 20 working days instead of\n"
		 "10 in the statutory profile); once per stage.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
