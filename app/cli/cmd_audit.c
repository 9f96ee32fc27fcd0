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

int cmd_audit(cli_ctx *cx, int argc, char **argv)
{
	if (argc > 2)
		return cli_usage(cx, "audit [REF]");
	return store_audit_list(cx->st, argc == 2 ? argv[1] : NULL, print_line, NULL, &cx->err);
}
