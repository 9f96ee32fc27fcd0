/* cmd_costs.c - `tellus costs [--year Y]` lists the costs of the procedure
 * with their numbers, and `tellus costs void ID --why TEXT` takes one out
 * of the report (it stays listed, marked void, and audited). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tellus/case.h"
#include "tellus/money.h"

typedef struct {
	const char *year, *why;
} opts;

static const cli_opt OPTS[] = {
	{ "--year", "YEAR", "only the financial year that starts on 1 April YEAR",
	  CLI_VALUE(opts, year) },
	{ "--why", "TEXT", "void: why the cost is taken out (required)", CLI_VALUE(opts, why) },
	{ NULL },
};

static int print_cost(const tl_cost *c, void *arg)
{
	char d[TL_DATE_LEN], v[TL_DATE_LEN], money[MONEY_LEN];
	(void)arg;
	date_format(c->date, d);
	money_format(c->pence, money);
	printf("%-5lld %s  %-22s %12s  %-14s", c->id, d, words_word(&WS_COST, c->category), money,
	       c->ref);
	if (c->voided != TL_NO_DATE) {
		date_format(c->voided, v);
		char why[1024];
		printf("  VOID %s: %s", v, CLI_ESC(why, c->void_reason));
	}
	printf("\n");
	return TL_OK;
}

static int cmd_costs(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	long y = -1, id;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (w.n == 2 && strcmp(w.v[0], "void") == 0) {
		if (!o.why)
			return err_set(&cx->err, TL_EINVAL, "--why: is required (why the cost is voided)");
		if ((rc = cli_int(cx, w.v[1], "ID", 1, 999999999, &id)))
			return rc;
		return cost_void(cx->st, id, o.why, &cx->err);
	}
	if (w.n != 0)
		return cli_usage(cx);
	if (o.year && (rc = cli_int(cx, o.year, "--year", CAL_FIRST_YEAR, CAL_LAST_YEAR, &y)))
		return rc;
	return cost_list(cx->st, (int)y, print_cost, NULL, &cx->err);
}

const cli_cmd CLI_COSTS = {
	.name = "costs", .fn = cmd_costs,
	.usage = { "[--year YEAR]", "void ID --why TEXT" },
	.summary = "list costs, or void one",
	.about = "Each cost with its number, date, category, amount in pounds and case; a\n"
		 "voided one says when and why. A voided cost counts in no report and is never\n"
		 "deleted.",
	.opts = OPTS, .min_words = 0, .max_words = 2,
};
