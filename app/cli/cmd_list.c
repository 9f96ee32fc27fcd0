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

int cmd_list(cli_ctx *cx, int argc, char **argv)
{
	const char *within = NULL, *officer = NULL, *pos[1];
	bool overdue = false, all = false;
	const cli_opt opts[] = {
		{ "--overdue", NULL, &overdue }, { "--due-within", &within },
		{ "--officer", &officer }, { "--all", NULL, &all }, { NULL },
	};
	tl_case_filter f = { .due_within = -1 };
	list_state ls = { .cx = cx, .soon = 5 };
	int n_pos, rc;
	long n;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 0, &n_pos)))
		return rc;
	if (within) {
		if ((rc = cli_int(cx, within, "--due-within", 0, 1000, &n)))
			return rc;
		f.due_within = ls.soon = (int)n;
	}
	/* Safety concerns come first, whatever else is asked for. */
	tl_case_filter flagged = { .flagged_only = true, .officer = officer, .due_within = -1 };
	if (!all && (rc = case_list(cx->st, &flagged, print_case, &ls, &cx->err)))
		return rc;
	f.overdue_only = overdue;
	f.officer = officer;
	f.include_closed = all;
	return case_list(cx->st, &f, print_case, &ls, &cx->err);
}
