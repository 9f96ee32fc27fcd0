/* cmd_list.c - `tellus list`: the safety concerns not yet handled, then
 * the open cases in due order, each with its stage, due date, working
 * days left or late, any acknowledgement due, service, complainant and
 * officer; --overdue, --due-within N, --officer NAME, --service AREA,
 * --all. One query over what is open (case_list); --all reads every case
 * as it prints. */
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	cli_ctx *cx;
	int soon;
} list_state;

static const char *status_word(const tl_case *c, const tl_stage *s, const tl_stage_status *st)
{
	if (!s)
		return c->kind == TL_KIND_COMPLIMENT ? "-" : "closed";
	switch (st->state) {
	case CASE_OVERDUE: return "OVERDUE";
	case CASE_DUE_SOON: return "due soon";
	case CASE_IN_TIME: return "in time";
	case CASE_NO_CLOCK: return "no clock";
	default: return "closed";
	}
}

/* "acknowledge by D" (or "acknowledge: N working days late") while wanted. */
static void ack_words(const tl_stage_status *st, char *out, size_t cap)
{
	char d[TL_DATE_LEN];
	if (!st->ack_wanted) {
		snprintf(out, cap, "%s", "-");
		return;
	}
	date_format(st->ack_due, d);
	if (st->ack_days_left < 0)
		snprintf(out, cap, "acknowledgement LATE (by %s)", d);
	else
		snprintf(out, cap, "acknowledge by %s", d);
}

/* One line of the list, put together by hand: parsing printf's format
 * for each of thousands of open cases was a third of `tellus list`. Each
 * piece is padded with spaces to its width, as printf's %-Ns. */
typedef struct {
	char b[2048];
	size_t n;
} line;

static void put(line *l, const char *s, size_t width)
{
	size_t n = strlen(s), room = sizeof l->b - 1 - l->n;
	if (n > room)
		n = room;
	memcpy(l->b + l->n, s, n);
	l->n += n;
	for (; n < width && l->n < sizeof l->b - 1; n++)
		l->b[l->n++] = ' ';
}

static int print_case(const tl_case *c, void *arg)
{
	list_state *ls = arg;
	const tl_stage *s = case_current_stage(c);
	char r[TL_DATE_LEN], due[TL_DATE_LEN] = "-", stage[8] = "-", left[48] = "-", ack[64] = "-";
	char ref[200], svc[400], off[400];
	tl_stage_status st = { .state = CASE_DONE };
	int rc;

	date_format(c->received, r);
	CLI_ESC(ref, c->ref);
	CLI_ESC(svc, c->service_area);
	CLI_ESC(off, c->officer && *c->officer ? c->officer : "-");
	if (c->unsafe && c->safety_handled != TL_NO_DATE) {
		date_format(c->safety_handled, due);
		printf("%-16s SAFETY     received %s  said they do not feel safe; handled %s  "
		       "service: %s\n", ref, r, due, svc);
		return TL_OK;
	}
	if (c->unsafe) {
		printf("%-16s FLAGGED    received %s  said they do not feel safe: act now  service: %s\n",
		       ref, r, svc);
		return TL_OK;
	}
	if (s) {
		stage[0] = (char)('0' + s->number); /* 1 to 3 */
		stage[1] = '\0';
		if ((rc = case_stage_status(ls->cx->st, c, s, store_today(ls->cx->st), ls->soon, &st,
					    &ls->cx->err)))
			return rc;
		if (s->responded == TL_NO_DATE && st.state != CASE_NO_CLOCK) {
			date_format(st.due, due);
			cli_left(&st, s, left, sizeof left);
			ack_words(&st, ack, sizeof ack);
		}
		if (s->responded != TL_NO_DATE)
			s = NULL; /* closed */
	}
	line l = { .n = 0 };
	const struct { const char *s; size_t width; } parts[] = {
		{ ref, 16 }, { " ", 0 }, { words_word(&WS_KIND, c->kind), 10 }, { " received ", 0 },
		{ r, 0 }, { "  stage ", 0 }, { stage, 2 }, { " due ", 0 }, { due, 10 }, { "  ", 0 },
		{ status_word(c, s, &st), 8 }, { "  ", 0 }, { left, 20 }, { "  ", 0 }, { ack, 0 },
		{ "  service: ", 0 }, { svc, 0 }, { "; complainant: ", 0 },
		{ words_word(&WS_COMPLAINANT, c->complainant), 0 }, { "; officer: ", 0 }, { off, 0 },
		{ "\n", 0 },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		put(&l, parts[i].s, parts[i].width);
	fwrite(l.b, 1, l.n, stdout);
	return TL_OK;
}

typedef struct {
	const char *within, *officer, *service;
	bool overdue, all;
} opts;

static const cli_opt OPTS[] = {
	{ "--overdue", NULL, "only the cases past their due date", CLI_FLAG(opts, overdue) },
	{ "--due-within", "N", "only the cases due within N working days", CLI_VALUE(opts, within) },
	{ "--officer", "NAME", "only the cases NAME logged", CLI_VALUE(opts, officer) },
	{ "--service", "AREA", "only the cases about AREA (any case)", CLI_VALUE(opts, service) },
	{ "--all", NULL, "every case, closed ones too, by date received", CLI_FLAG(opts, all) },
	{ NULL },
};

static int cmd_list(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	list_state ls = { .cx = cx, .soon = 5 };
	int rc;
	long n;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (o.officer && (rc = cli_officer(cx, o.officer))))
		return rc;
	/* Safety concerns come first, whatever else is asked for. */
	tl_case_filter f = { .due_within = -1, .overdue_only = o.overdue, .officer = o.officer,
			     .service = o.service, .include_closed = o.all, .with_flagged = !o.all };
	if (o.within) {
		if ((rc = cli_int(cx, o.within, "--due-within", 0, 1000, &n)))
			return rc;
		f.due_within = ls.soon = (int)n;
	}
	return case_list(cx->st, &f, print_case, &ls, &cx->err);
}

const cli_cmd CLI_LIST = {
	.name = "list", .fn = cmd_list,
	.usage = { "[--overdue | --due-within N] [--officer NAME] [--service AREA] [--all]" },
	.summary = "open cases by due date",
	.about = "Safety concerns not yet handled come first (FLAGGED), then the open cases in\n"
		 "the order they are due: stage, due date, status (\"due soon\" is within 5\n"
		 "working days, or N), working days left or late, any acknowledgement due,\n"
		 "service, complainant and officer. A case assessed as not eligible runs no\n"
		 "clock: --all shows it as \"no clock\", and it is never overdue.",
	.opts = OPTS,
};
