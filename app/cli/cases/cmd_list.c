/* cmd_list.c - `tellus list`: open cases with their due dates, in due
 * order; --overdue, --due-within N, --officer NAME, --all. */
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	cli_ctx *cx;
	int count;
	int soon;
} list_state;

static int print_case(const tl_case *c, void *arg)
{
	list_state *ls = arg;
	const tl_stage *s = case_current_stage(c);
	char r[TL_DATE_LEN], due[TL_DATE_LEN] = "";
	tl_stage_status stat = { .state = CASE_DONE };
	int rc;

	date_format(c->received, r);
	if (s && s->responded == TL_NO_DATE) {
		if ((rc = case_stage_status(ls->cx->st, c, s, store_today(ls->cx->st), ls->soon, &stat,
					    &ls->cx->err)))
			return rc;
		date_format(s->due, due);
	}
	if (c->unsafe && c->safety_handled != TL_NO_DATE) {
		date_format(c->safety_handled, due);
		printf("%-16s SAFETY     received %s  said they do not feel safe; handled %s\n",
		       c->ref, r, due);
		ls->count++;
		return TL_OK;
	}
	if (c->unsafe) {
		printf("%-16s FLAGGED    received %s  said they do not feel safe: act now\n", c->ref, r);
		ls->count++;
		return TL_OK;
	}
	printf("%-16s %-10s received %s  stage %d  due %-10s  %s\n", c->ref,
	       words_word(&WS_KIND, c->kind), r, s ? s->number : 0, due,
	       stat.state == CASE_OVERDUE ? "OVERDUE" : stat.state == CASE_DUE_SOON ? "due soon" :
	       stat.state == CASE_IN_TIME ? "in time" : "closed");
	ls->count++;
	return TL_OK;
}

typedef struct {
	const char *within, *officer;
	bool overdue, all;
} opts;

static const cli_opt OPTS[] = {
	{ "--overdue", NULL, "only the cases past their due date", CLI_FLAG(opts, overdue) },
	{ "--due-within", "N", "only the cases due within N working days", CLI_VALUE(opts, within) },
	{ "--officer", "NAME", "only the cases NAME logged", CLI_VALUE(opts, officer) },
	{ "--all", NULL, "closed cases too", CLI_FLAG(opts, all) },
	{ NULL },
};

static int cmd_list(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_case_filter f = { .due_within = -1 };
	list_state ls = { .cx = cx, .soon = 5 };
	int rc;
	long n;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (o.within) {
		if ((rc = cli_int(cx, o.within, "--due-within", 0, 1000, &n)))
			return rc;
		f.due_within = ls.soon = (int)n;
	}
	/* Safety concerns come first, whatever else is asked for. */
	tl_case_filter flagged = { .flagged_only = true, .officer = o.officer, .due_within = -1 };
	if (!o.all && (rc = case_list(cx->st, &flagged, print_case, &ls, &cx->err)))
		return rc;
	f.overdue_only = o.overdue;
	f.officer = o.officer;
	f.include_closed = o.all;
	return case_list(cx->st, &f, print_case, &ls, &cx->err);
}

const cli_cmd CLI_LIST = {
	.name = "list", .fn = cmd_list,
	.usage = { "[--overdue | --due-within N] [--officer NAME] [--all]" },
	.summary = "open cases by due date",
	.about = "Safety concerns not yet handled come first (FLAGGED), then the open cases in\n"
		 "the order they are due; \"due soon\" is within 5 working days, or N.",
	.opts = OPTS,
};
