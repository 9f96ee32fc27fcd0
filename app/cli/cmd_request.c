/* cmd_request.c - `tellus request` (the next stage is asked for; a late
 * request is allowed and flagged) and `tellus panel` (stage 3's review
 * panel was held). */
#include "cli.h"
#include "tellus/case.h"

int cmd_request(cli_ctx *cx, int argc, char **argv)
{
	const char *stage = NULL, *date = NULL, *pos[1];
	const cli_opt opts[] = { { "--stage", &stage }, { "--date", &date }, { NULL } };
	int n_pos, rc;
	long n;
	tl_date d;
	bool late = false;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1 || !stage)
		return cli_usage(cx, "request REF --stage 2|3 [--date DATE]");
	if ((rc = cli_int(cx, stage, "--stage", 2, PROC_MAX_STAGES, &n)) ||
	    (rc = cli_date(cx, date, "--date", &d)) ||
	    (rc = case_request(cx->st, pos[0], (int)n, d, &late, &cx->err)))
		return rc;
	if (late)
		printf("stage %ld requested late: after the window for asking; recorded as late\n", n);
	return TL_OK;
}

int cmd_panel(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, "panel REF [--date DATE]", &ref, &d);
	return rc ? rc : case_panel(cx->st, ref, d, &cx->err);
}
