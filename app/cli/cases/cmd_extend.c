/* cmd_extend.c - `tellus extend`: a stage's time is extended up to its
 * maximum, agreed on a day (default today) by a named person, for a
 * reason; refused once the deadline it extends has passed. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *reason, *by, *stage, *date;
} opts;

static const cli_opt OPTS[] = {
	{ "--reason", "TEXT", "why more time is needed", CLI_VALUE(opts, reason) },
	{ "--agreed-by", "NAME", "who agreed to it (default: who is acting, --as)",
	  CLI_VALUE(opts, by) },
	{ "--date", "DATE", "the day it was agreed (default: today)", CLI_VALUE(opts, date) },
	{ "--stage", "N", "the stage (default: the current one)", CLI_VALUE(opts, stage) },
	{ NULL },
};

static int cmd_extend(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_date d;
	int n, rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (rc = cli_stage(cx, o.stage, &n)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)))
		return rc;
	return case_extend_on(cx->st, w.v[0], n, d, o.reason, o.by ? o.by : store_actor(cx->st),
			      &cx->err);
}

const cli_cmd CLI_EXTEND = {
	.name = "extend", .fn = cmd_extend,
	.usage = { "REF --reason TEXT --agreed-by NAME [--date DATE] [--stage N]" },
	.summary = "more time for a stage",
	.about = "The stage is then due at its maximum (stage 1: 20 working days instead of\n"
		 "10 in the statutory profile); once per stage. An extension is agreed on or\n"
		 "before the deadline it extends: a stage already overdue stays overdue.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
