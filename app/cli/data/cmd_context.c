/* cmd_context.c - `tellus context`: one figure of the year's context for
 * the annual report (referrals, children in care...); a file of them goes
 * through tellus import --context. A figure is never changed silently:
 * --replace changes one, audited with the old and new value. */
#include <stdlib.h>
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *year, *measure, *value;
	bool replace;
} opts;

static const cli_opt OPTS[] = {
	{ "--year", "YEAR", "the financial year that starts on 1 April YEAR", CLI_VALUE(opts, year) },
	{ "--measure", "NAME", "what is counted", CLI_VALUE(opts, measure) },
	{ "--value", "NUMBER", "the figure", CLI_VALUE(opts, value) },
	{ "--replace", NULL, "change a figure already recorded (audited)", CLI_FLAG(opts, replace) },
	{ NULL },
};

static int cmd_context(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;
	long y;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.year || !o.measure || !o.value)
		return cli_usage(cx);
	char *end;
	double v = strtod(o.value, &end);
	if (end == o.value || *end)
		return err_set(&cx->err, TL_EINVAL, "--value: '%.40s' is not a number", o.value);
	if ((rc = cli_int(cx, o.year, "--year", CAL_FIRST_YEAR, CAL_LAST_YEAR, &y)))
		return rc;
	if (o.replace)
		return context_replace(cx->st, (int)y, o.measure, v, &cx->err);
	if ((rc = context_put(cx->st, (int)y, o.measure, v, &added, &cx->err)))
		return rc;
	if (!added)
		printf("already recorded: nothing changed\n");
	return TL_OK;
}

const cli_cmd CLI_CONTEXT = {
	.name = "context", .fn = cmd_context,
	.usage = { "--year YEAR --measure NAME --value NUMBER [--replace]" },
	.summary = "a figure of the year's context",
	.opts = OPTS,
};
