/* cmd_ombudsman.c - `tellus ombudsman`: one decision of the Local
 * Government and Social Care Ombudsman for the annual report (a file of
 * them goes through tellus import --ombudsman). */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *received, *decided, *decision, *ref;
} opts;

static const cli_opt OPTS[] = {
	{ "--received", "DATE", "the day the Ombudsman received it", CLI_VALUE(opts, received) },
	{ "--decided", "DATE", "the day of the decision (default: today)", CLI_VALUE(opts, decided) },
	{ "--decision", "X", "what was decided", CLI_VALUE(opts, decision), .words = &WS_OMBUDSMAN },
	{ "--ref", "REF", "the case it is about, if one", CLI_VALUE(opts, ref) },
	{ NULL },
};

static int cmd_ombudsman(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int k, rc;
	tl_date r, d;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_OMBUDSMAN, o.decision, "--decision", &k)) ||
	    (rc = date_parse(o.received, &r, "--received", &cx->err)) ||
	    (rc = cli_date(cx, o.decided, "--decided", &d)) ||
	    (rc = ombudsman_add(cx->st, o.ref, r, d, k, 1, &added, &cx->err)))
		return rc;
	if (!added)
		printf("already recorded: nothing changed\n");
	return TL_OK;
}

const cli_cmd CLI_OMBUDSMAN = {
	.name = "ombudsman", .fn = cmd_ombudsman,
	.usage = { "--received DATE --decided DATE --decision X [--ref REF]" },
	.summary = "an Ombudsman decision",
	.opts = OPTS,
};
