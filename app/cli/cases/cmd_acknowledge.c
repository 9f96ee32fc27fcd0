/* cmd_acknowledge.c - `tellus acknowledge REF`: the complaint (or a
 * request for the next stage) was acknowledged on a day. Under a profile
 * whose clock starts at the acknowledgement (the LGSCO Code for
 * corporate complaints, Wales), the stage's due date follows from it:
 * it is printed. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *date, *stage;
} opts;

static const cli_opt OPTS[] = {
	{ "--date", "DATE", "the day it was acknowledged (default: today)", CLI_VALUE(opts, date) },
	{ "--stage", "N", "the stage (default: the current one)", CLI_VALUE(opts, stage) },
	{ NULL },
};

static int cmd_acknowledge(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_date d;
	tl_case c;
	char a[TL_DATE_LEN], b[TL_DATE_LEN], ref[200];
	int n, rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (rc = cli_stage(cx, o.stage, &n)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)) ||
	    (rc = case_acknowledge(cx->st, w.v[0], n, d, &cx->err)) ||
	    (rc = case_get(cx->st, w.v[0], &c, &cx->err)))
		return rc;
	const tl_stage *s = n ? case_stage_get(&c, n) : case_current_stage(&c);
	if (s) {
		date_format(s->due, a);
		date_format(s->max_due, b);
		printf("%s: stage %d acknowledged; due %s (limit %s)\n", CLI_ESC(ref, c.ref), s->number,
		       a, b);
	}
	case_clear(&c);
	return TL_OK;
}

const cli_cmd CLI_ACKNOWLEDGE = {
	.name = "acknowledge", .fn = cmd_acknowledge,
	.usage = { "REF [--date DATE] [--stage N]" },
	.summary = "the complaint or request acknowledged",
	.about = "Records the day the complaint (stage 1) or the request for the next stage was\n"
		 "acknowledged. Where the case's profile runs the stage's clock from the\n"
		 "acknowledgement (corporate complaints under the LGSCO Complaint Handling Code;\n"
		 "Wales), the stage is then due that many working days after it.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
