/* cmd_clock.c - `tellus pause` and `tellus resume`: the stage's clock
 * stops with a typed reason and restarts; new_concerns restarts the
 * stage from that day. */
#include "cli.h"
#include "tellus/case.h"

int cmd_pause(cli_ctx *cx, int argc, char **argv)
{
	const char *date = NULL, *reason = NULL, *pos[1];
	const cli_opt opts[] = { { "--date", &date }, { "--reason", &reason }, { NULL } };
	int n_pos, r, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, "pause REF --reason advocate|complainant|new_concerns [--date DATE]");
	if ((rc = cli_word(cx, &WS_PAUSE, reason, "--reason", &r)) ||
	    (rc = cli_date(cx, date, "--date", &d)))
		return rc;
	return case_pause(cx->st, pos[0], d, r, &cx->err);
}

int cmd_handled(cli_ctx *cx, int argc, char **argv)
{
	const char *date = NULL, *note = NULL, *pos[1];
	const cli_opt opts[] = { { "--date", &date }, { "--note", &note }, { NULL } };
	int n_pos, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, "handled REF --note WHAT_WAS_DONE [--date DATE]");
	if ((rc = cli_date(cx, date, "--date", &d)))
		return rc;
	return case_safety_handled(cx->st, pos[0], d, note, &cx->err);
}

int cmd_resume(cli_ctx *cx, int argc, char **argv)
{
	const char *ref;
	tl_date d;
	int rc = cli_ref_date(cx, argc, argv, "resume REF [--date DATE]", &ref, &d);
	return rc ? rc : case_resume(cx->st, ref, d, &cx->err);
}
