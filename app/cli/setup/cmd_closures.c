/* cmd_closures.c - `tellus closures add|list|remove`: the authority's own
 * closure days, which count as non-working only in the procedure profiles
 * that opt in. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int list_closures(cli_ctx *cx)
{
	tl_day_off *days;
	size_t n;
	char d[TL_DATE_LEN];
	int rc;

	if ((rc = store_closure_list(cx->st, &days, &n, &cx->err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		date_format(days[i].date, d);
		printf("%s %s\n", d, days[i].name);
	}
	free(days);
	return TL_OK;
}

static int cmd_closures(cli_ctx *cx, int argc, char **argv)
{
	cli_words w;
	tl_date day;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)))
		return rc;
	if (w.n == 3 && strcmp(w.v[0], "add") == 0) {
		if ((rc = date_parse(w.v[1], &day, "DATE", &cx->err)))
			return rc;
		return store_closure_add(cx->st, day, w.v[2], &cx->err);
	}
	if (w.n == 2 && strcmp(w.v[0], "remove") == 0) {
		if ((rc = date_parse(w.v[1], &day, "DATE", &cx->err)))
			return rc;
		return store_closure_remove(cx->st, day, &cx->err);
	}
	if (w.n == 1 && strcmp(w.v[0], "list") == 0)
		return list_closures(cx);
	return cli_usage(cx);
}

const cli_cmd CLI_CLOSURES = {
	.name = "closures", .fn = cmd_closures,
	.usage = { "add DATE NAME", "list", "remove DATE" },
	.summary = "the authority's closure days",
	.about = "They count as non-working only in the profiles that opt in (closures yes),\n"
		 "and only for stages that start after the change.",
	.min_words = 1, .max_words = 3,
};
