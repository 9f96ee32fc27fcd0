/* cmd_audit.c - `tellus audit [REF]`: the audit trail, of one case or of
 * everything, in the order it was written. */
#include <stdio.h>
#include "cli.h"

static int print_line(const tl_audit_line *l, void *arg)
{
	(void)arg;
	printf("%s  %-14s %-12s %-16s %s\n", l->at, l->who, l->action, l->ref, l->detail);
	return 0;
}

static int cmd_audit(cli_ctx *cx, int argc, char **argv)
{
	cli_words w;
	int rc = cli_parse(cx, argc, argv, NULL, &w);
	return rc ? rc : store_audit_list(cx->st, w.n ? w.v[0] : NULL, print_line, NULL, &cx->err);
}

const cli_cmd CLI_AUDIT = {
	.name = "audit", .fn = cmd_audit,
	.usage = { "[REF]" },
	.summary = "the audit trail",
	.about = "Who did what and when, of one case or of everything, in the order it was\n"
		 "written.",
	.min_words = 0, .max_words = 1,
};
