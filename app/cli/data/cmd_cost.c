/* cmd_cost.c - `tellus cost`: one cost of the complaints procedure for the
 * annual report (a file of them goes through tellus import --costs). */
#include "cli.h"
#include "tellus/case.h"
#include "tellus/money.h"

typedef struct {
	const char *category, *amount, *date, *ref;
} opts;

static const cli_opt OPTS[] = {
	{ "--category", "C", "what it paid for", CLI_VALUE(opts, category), .words = &WS_COST },
	{ "--amount", "POUNDS", "how much, in pounds (like 450.00)", CLI_VALUE(opts, amount) },
	{ "--date", "DATE", "the day it was spent (default: today)", CLI_VALUE(opts, date) },
	{ "--ref", "REF", "the case it belongs to, if one", CLI_VALUE(opts, ref) },
	{ NULL },
};

static int cmd_cost(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int c, rc;
	long long pence;
	tl_date d;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_COST, o.category, "--category", &c)) ||
	    (rc = money_parse(o.amount, &pence, "--amount", &cx->err)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)) ||
	    (rc = cost_add(cx->st, d, c, pence, o.ref, 1, &added, &cx->err)))
		return rc;
	if (!added)
		printf("already recorded: nothing changed\n");
	return TL_OK;
}

const cli_cmd CLI_COST = {
	.name = "cost", .fn = cmd_cost,
	.usage = { "--category C --amount POUNDS [--date DATE] [--ref REF]" },
	.summary = "a cost of the procedure",
	.opts = OPTS,
};
