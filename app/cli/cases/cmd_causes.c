/* cmd_causes.c - `tellus causes`: the list of causes a complaint can
 * have, or `tellus causes REF CAUSE...` to set a complaint's causes. */
#include "cli.h"
#include "tellus/case.h"

static int print_cause(const char *code, const char *label, void *arg)
{
	(void)arg;
	printf("%-26s %s\n", code, label);
	return TL_OK;
}

static int cmd_causes(cli_ctx *cx, int argc, char **argv)
{
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)))
		return rc;
	if (w.n == 0)
		return case_causes(cx->st, print_cause, NULL, &cx->err);
	if (w.n < 2)
		return cli_usage(cx);
	return case_set_causes(cx->st, w.v[0], w.v + 1, (size_t)w.n - 1, &cx->err);
}

const cli_cmd CLI_CAUSES = {
	.name = "causes", .fn = cmd_causes,
	.usage = { "", "REF CAUSE..." },
	.summary = "the causes of complaints",
	.about = "With no words, the list of causes (code and label); with REF, the\n"
		 "complaint's causes become CAUSE... (audited).",
	.min_words = 0, .max_words = CLI_MAX_WORDS,
};
