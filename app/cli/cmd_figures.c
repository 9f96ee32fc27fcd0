/* cmd_figures.c - `tellus cost`, `tellus ombudsman`, `tellus context`:
 * one figure at a time for the annual report (files go through import). */
#include <stdlib.h>
#include "cli.h"
#include "tellus/case.h"
#include "tellus/money.h"

static void said(bool added)
{
	if (!added)
		printf("already recorded: nothing changed\n");
}

int cmd_cost(cli_ctx *cx, int argc, char **argv)
{
	const char *date = NULL, *cat = NULL, *amount = NULL, *ref = NULL, *pos[1];
	const cli_opt opts[] = { { "--date", &date }, { "--category", &cat },
				 { "--amount", &amount }, { "--ref", &ref }, { NULL } };
	int n_pos, c, rc;
	long long pence;
	tl_date d;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 0, &n_pos)))
		return rc;
	if ((rc = cli_word(cx, &WS_COST, cat, "--category", &c)) ||
	    (rc = money_parse(amount, &pence, "--amount", &cx->err)) ||
	    (rc = cli_date(cx, date, "--date", &d)) ||
	    (rc = cost_add(cx->st, d, c, pence, ref, 1, &added, &cx->err)))
		return rc;
	said(added);
	return TL_OK;
}

int cmd_ombudsman(cli_ctx *cx, int argc, char **argv)
{
	const char *rec = NULL, *dec = NULL, *decision = NULL, *ref = NULL, *pos[1];
	const cli_opt opts[] = { { "--received", &rec }, { "--decided", &dec },
				 { "--decision", &decision }, { "--ref", &ref }, { NULL } };
	int n_pos, k, rc;
	tl_date r, d;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 0, &n_pos)))
		return rc;
	if ((rc = cli_word(cx, &WS_OMBUDSMAN, decision, "--decision", &k)) ||
	    (rc = date_parse(rec, &r, "--received", &cx->err)) ||
	    (rc = cli_date(cx, dec, "--decided", &d)) ||
	    (rc = ombudsman_add(cx->st, ref, r, d, k, 1, &added, &cx->err)))
		return rc;
	said(added);
	return TL_OK;
}

int cmd_context(cli_ctx *cx, int argc, char **argv)
{
	const char *year = NULL, *measure = NULL, *value = NULL, *pos[1];
	const cli_opt opts[] = { { "--year", &year }, { "--measure", &measure },
				 { "--value", &value }, { NULL } };
	int n_pos, rc;
	long y;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 0, &n_pos)))
		return rc;
	if (!year || !measure || !value)
		return cli_usage(cx, "context --year YEAR --measure NAME --value NUMBER");
	char *end;
	double v = strtod(value, &end);
	if (end == value || *end)
		return err_set(&cx->err, TL_EINVAL, "--value: '%.30s' is not a number", value);
	if ((rc = cli_int(cx, year, "--year", CAL_FIRST_YEAR, CAL_LAST_YEAR, &y)) ||
	    (rc = context_put(cx->st, (int)y, measure, v, &added, &cx->err)))
		return rc;
	said(added);
	return TL_OK;
}
