/* cmd_audit.c - `tellus audit [REF]`: the audit trail, of one case or of
 * everything, in the order it was written. Who, the reference and the
 * detail may hold what a person typed (--as, a reason): shown escaped
 * (SPEC 9), so that none can reverse or hide the rest of a line. */
#include <stdio.h>
#include "cli.h"

static int print_line(const tl_audit_line *l, void *arg)
{
	char who[600], ref[200];
	(void)arg;
	printf("%s  %-14s %-12s %-16s ", l->at, CLI_ESC(who, l->who), l->action, CLI_ESC(ref, l->ref));
	text_fputs_terminal(l->detail, 0, stdout);
	putchar('\n');
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
