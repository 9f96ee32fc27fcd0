/* cmd_respond.c - `tellus respond` and `tellus withdraw`: a stage ends
 * with a response and its outcome, or with the complaint withdrawn. */
#include "cli.h"
#include "tellus/case.h"

/* REF plus options; the stage defaults to the current one (0). */
static int ref_and_stage(cli_ctx *cx, const char *stage, const char *date, int *n, tl_date *d)
{
	long v = 0;
	int rc;
	if (stage && (rc = cli_int(cx, stage, "--stage", 1, PROC_MAX_STAGES, &v)))
		return rc;
	*n = (int)v;
	return cli_date(cx, date, "--date", d);
}

int cmd_respond(cli_ctx *cx, int argc, char **argv)
{
	const char *stage = NULL, *date = NULL, *outcome = NULL, *pos[1];
	const cli_opt opts[] = { { "--stage", &stage }, { "--date", &date },
				 { "--outcome", &outcome }, { NULL } };
	int n_pos, n, o, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, "respond REF --outcome OUTCOME [--stage N] [--date DATE]");
	if ((rc = ref_and_stage(cx, stage, date, &n, &d)) ||
	    (rc = cli_word(cx, &WS_OUTCOME, outcome, "--outcome", &o)))
		return rc;
	return case_respond(cx->st, pos[0], n, d, o, &cx->err);
}

int cmd_withdraw(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, "withdraw REF [--date DATE]", &ref, &d);
	return rc ? rc : case_withdraw(cx->st, ref, d, &cx->err);
}

int cmd_extend(cli_ctx *cx, int argc, char **argv)
{
	const char *stage = NULL, *reason = NULL, *by = NULL, *pos[1];
	const cli_opt opts[] = { { "--stage", &stage }, { "--reason", &reason },
				 { "--agreed-by", &by }, { NULL } };
	int n_pos, n, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, "extend REF --reason TEXT --agreed-by NAME [--stage N]");
	if ((rc = ref_and_stage(cx, stage, NULL, &n, &d)))
		return rc;
	return case_extend(cx->st, pos[0], n, reason, by ? by : store_actor(cx->st), &cx->err);
}
