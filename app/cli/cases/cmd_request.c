/* cmd_request.c - `tellus request`: the next stage is asked for; a late
 * request is allowed, recorded as late, and said so. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *stage, *date;
} opts;

static const cli_opt OPTS[] = {
	{ "--stage", "N", "the stage asked for: 2 or 3", CLI_VALUE(opts, stage) },
	{ "--date", "DATE", "the day it was asked for (default: today)", CLI_VALUE(opts, date) },
	{ NULL },
};

static int cmd_request(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;
	long n;
	tl_date d;
	bool late = false;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.stage)
		return cli_usage(cx);
	if ((rc = cli_int(cx, o.stage, "--stage", 2, PROC_MAX_STAGES, &n)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)) ||
	    (rc = case_request(cx->st, w.v[0], (int)n, d, &late, &cx->err)))
		return rc;
	if (late)
		printf("stage %ld requested late: after the window for asking; recorded as late\n", n);
	return TL_OK;
}

const cli_cmd CLI_REQUEST = {
	.name = "request", .fn = cmd_request,
	.usage = { "REF --stage 2|3 [--date DATE]" },
	.summary = "the next stage is asked for",
	.about = "Once the stage before has had its response, or is past its limit; a request\n"
		 "after the window for asking is recorded as late.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
