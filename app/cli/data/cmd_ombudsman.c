/* cmd_ombudsman.c - `tellus ombudsman`: an Ombudsman (LGSCO) enquiry,
 * recorded when it arrives and decided later, or a decision whole; and
 * the list of them (a file goes through tellus import --ombudsman). */
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *received, *decided, *decision, *ref, *year;
} opts;

static const cli_opt OPTS[] = {
	{ "--received", "DATE", "the day the Ombudsman received it", CLI_VALUE(opts, received) },
	{ "--decided", "DATE", "the day of the decision (default: today)", CLI_VALUE(opts, decided) },
	{ "--decision", "X", "what was decided", CLI_VALUE(opts, decision), .words = &WS_OMBUDSMAN },
	{ "--ref", "REF", "the case it is about, if one", CLI_VALUE(opts, ref) },
	{ "--year", "YEAR", "list: received or decided in the financial year from 1 April YEAR",
	  CLI_VALUE(opts, year) },
	{ NULL },
};

static int print_enquiry(const tl_enquiry *e, void *arg)
{
	char r[TL_DATE_LEN], d[TL_DATE_LEN] = "open";
	(void)arg;
	date_format(e->received, r);
	if (e->decided != TL_NO_DATE)
		date_format(e->decided, d);
	printf("%-5lld received %s  decided %-10s  %-30s %s\n", e->id, r, d,
	       e->decision >= 0 ? words_word(&WS_OMBUDSMAN, e->decision) : "", e->ref);
	return TL_OK;
}

static int decide(cli_ctx *cx, const opts *o, const char *id_word)
{
	long id;
	int k, rc;
	tl_date d;
	if ((rc = cli_int(cx, id_word, "ID", 1, 999999999, &id)) ||
	    (rc = cli_word(cx, &WS_OMBUDSMAN, o->decision, "--decision", &k)) ||
	    (rc = cli_date(cx, o->decided, "--decided", &d)))
		return rc;
	return ombudsman_decide(cx->st, id, d, k, &cx->err);
}

static int cmd_ombudsman(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int k, rc;
	long y = -1;
	long long id;
	tl_date r, d;
	bool added;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (w.n == 1 && !strcmp(w.v[0], "list")) {
		if (o.year && (rc = cli_int(cx, o.year, "--year", CAL_FIRST_YEAR, CAL_LAST_YEAR, &y)))
			return rc;
		return ombudsman_list(cx->st, (int)y, print_enquiry, NULL, &cx->err);
	}
	if (w.n == 2 && !strcmp(w.v[0], "decide"))
		return decide(cx, &o, w.v[1]);
	if (w.n != 0 || !o.received)
		return cli_usage(cx);
	if ((rc = date_parse(o.received, &r, "--received", &cx->err)))
		return rc;
	if (!o.decision && !o.decided) {
		if ((rc = ombudsman_enquiry(cx->st, o.ref, r, &id, &cx->err)) == TL_OK)
			printf("enquiry %lld recorded: tellus ombudsman decide %lld --decision X when "
			       "it is decided\n", id, id);
		return rc;
	}
	if ((rc = cli_word(cx, &WS_OMBUDSMAN, o.decision, "--decision", &k)) ||
	    (rc = cli_date(cx, o.decided, "--decided", &d)) ||
	    (rc = ombudsman_add(cx->st, o.ref, r, d, k, 1, &added, &cx->err)))
		return rc;
	if (!added)
		printf("already recorded: nothing changed\n");
	return TL_OK;
}

const cli_cmd CLI_OMBUDSMAN = {
	.name = "ombudsman", .fn = cmd_ombudsman,
	.usage = { "--received DATE [--ref REF]",
		   "--received DATE --decision X [--decided DATE] [--ref REF]",
		   "decide ID --decision X [--decided DATE]", "list [--year YEAR]" },
	.summary = "Ombudsman enquiries and decisions",
	.about = "An enquiry is recorded when it arrives (no decision yet) and decided later\n"
		 "with its number; a decision for an open enquiry with the same --ref and\n"
		 "--received completes it. The report counts enquiries received and decisions\n"
		 "made in the year.",
	.opts = OPTS, .min_words = 0, .max_words = 2,
};
