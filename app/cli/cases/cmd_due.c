/* cmd_due.c - `tellus due`: the digest a complaints team starts the day
 * with (SPEC 14): per officer, the safety concerns to act on, what is
 * overdue, what is due within N working days, the acknowledgements due,
 * and the stages whose clock is stopped, each with its working days left
 * or late. Text for a terminal (escaped, SPEC 9) or an HTML page. It
 * reads what is open only (case_list), gathers it, then sorts by officer. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

enum { SEC_FLAGGED, SEC_OVERDUE, SEC_SOON, SEC_ACK, SEC_WAITING, SEC_N };

typedef struct {
	char *officer, *service;
	char ref[REF_MAX];
	int section, stage, days, complainant;
	tl_date date;
} due_row;

typedef struct {
	cli_ctx *cx;
	int within;
	due_row *rows;
	size_t n, cap;
} due_state;

static int add_row(due_state *ds, const tl_case *c, int section, int stage, tl_date d, int days)
{
	if (ds->n == ds->cap) {
		size_t cap = ds->cap ? 2 * ds->cap : 64;
		due_row *more = realloc(ds->rows, cap * sizeof *more);
		if (!more)
			return err_set(&ds->cx->err, TL_ENOMEM, "due: out of memory");
		ds->rows = more;
		ds->cap = cap;
	}
	due_row *r = &ds->rows[ds->n];
	memset(r, 0, sizeof *r);
	snprintf(r->ref, sizeof r->ref, "%s", c->ref);
	r->officer = strdup(c->officer ? c->officer : "");
	r->service = strdup(c->service_area ? c->service_area : "");
	r->section = section;
	r->stage = stage;
	r->date = d;
	r->days = days;
	r->complainant = c->complainant;
	ds->n++;
	if (!r->officer || !r->service)
		return err_set(&ds->cx->err, TL_ENOMEM, "due: out of memory");
	return TL_OK;
}

/* Sorts one open case into the digest's sections (none when in time). */
static int visit(const tl_case *c, void *arg)
{
	due_state *ds = arg;
	const tl_stage *s = case_current_stage(c);
	tl_stage_status st;
	int rc;

	if (c->unsafe)
		return add_row(ds, c, SEC_FLAGGED, 0, c->received, 0);
	if (!s || (rc = case_stage_status(ds->cx->st, c, s, store_today(ds->cx->st), ds->within, &st,
					  &ds->cx->err)))
		return s ? rc : TL_OK;
	if (st.ack_wanted && st.ack_days_left <= ds->within &&
	    (rc = add_row(ds, c, SEC_ACK, s->number, st.ack_due, st.ack_days_left)))
		return rc;
	if (s->paused_since != TL_NO_DATE)
		return add_row(ds, c, SEC_WAITING, s->number, s->paused_since, 0);
	if (st.state == CASE_OVERDUE || st.state == CASE_DUE_SOON)
		return add_row(ds, c, st.state == CASE_OVERDUE ? SEC_OVERDUE : SEC_SOON, s->number,
			       st.due, st.days_left);
	return TL_OK;
}

/* By officer (no officer last), then section, date and reference. */
static int by_officer(const void *pa, const void *pb)
{
	const due_row *a = pa, *b = pb;
	int c = (!*a->officer) - (!*b->officer);
	if (!c)
		c = strcmp(a->officer, b->officer);
	if (!c)
		c = a->section - b->section;
	if (!c)
		c = (a->date > b->date) - (a->date < b->date);
	return c ? c : strcmp(a->ref, b->ref);
}

static const char *section_title(int section, int within, char *out, size_t cap)
{
	static const char *const T[SEC_N] = { "Safety concerns: act now", "Overdue",
		"Due within %d %s", "To acknowledge", "Clock stopped: waiting" };
	snprintf(out, cap, T[section], within, cli_days(within));
	return out;
}

/* "3 working days late", "2 working days left", "due today", a date's role. */
static void days_words(const due_row *r, char *out, size_t cap)
{
	if (r->section == SEC_FLAGGED || r->section == SEC_WAITING)
		snprintf(out, cap, "%s", r->section == SEC_FLAGGED ? "act now" : "waiting");
	else if (r->days == 0)
		snprintf(out, cap, "due today");
	else
		snprintf(out, cap, "%d %s %s", abs(r->days), cli_days(r->days),
			 r->days < 0 ? "late" : "left");
}

static const char *date_role(int section)
{
	return section == SEC_FLAGGED ? "received" : section == SEC_ACK ? "by"
	     : section == SEC_WAITING ? "since" : "due";
}

static void print_text(const due_state *ds)
{
	char today[TL_DATE_LEN], d[TL_DATE_LEN], t[64], words[48], e1[400], e2[400];
	const char *officer = NULL;
	int section = -1;

	date_format(store_today(ds->cx->st), today);
	printf("What is due on %s (within %d %s)\n", today, ds->within, cli_days(ds->within));
	if (ds->n == 0)
		printf("\nNothing is overdue or due, and no clock is stopped.\n");
	for (size_t i = 0; i < ds->n; i++) {
		const due_row *r = &ds->rows[i];
		if (!officer || strcmp(officer, r->officer)) {
			printf("\n%s\n", *r->officer ? CLI_ESC(e1, r->officer) : "No officer named");
			officer = r->officer;
			section = -1;
		}
		if (r->section != section)
			printf("  %s\n", section_title(section = r->section, ds->within, t, sizeof t));
		date_format(r->date, d);
		days_words(r, words, sizeof words);
		printf("    %-16s %-7s %-8s %s  %-22s %s (%s)\n", CLI_ESC(e1, r->ref),
		       r->stage ? (snprintf(t, sizeof t, "stage %d", r->stage), t) : "", date_role(r->section),
		       d, words, CLI_ESC(e2, r->service), words_word(&WS_COMPLAINANT, r->complainant));
	}
}

static void html_cell(const char *s)
{
	fputs("<td><bdi>", stdout);
	text_fputs_html(s, stdout);
	fputs("</bdi></td>", stdout);
}

static void print_html(const due_state *ds)
{
	char today[TL_DATE_LEN], d[TL_DATE_LEN], t[64], words[48];
	const char *officer = NULL;
	int section = -1;

	date_format(store_today(ds->cx->st), today);
	printf("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	       "<title>What is due on %s</title>\n<style>body{font-family:sans-serif;margin:2em}"
	       "table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #999;"
	       "padding:.2em .5em;text-align:left}</style></head>\n<body>\n"
	       "<h1>What is due on %s</h1>\n<p>Within %d %s, by officer.</p>\n", today, today,
	       ds->within, cli_days(ds->within));
	if (ds->n == 0)
		printf("<p>Nothing is overdue or due, and no clock is stopped.</p>\n");
	for (size_t i = 0; i < ds->n; i++) {
		const due_row *r = &ds->rows[i];
		if (!officer || strcmp(officer, r->officer) || r->section != section) {
			if (officer)
				printf("</tbody></table>\n");
			if (!officer || strcmp(officer, r->officer)) {
				fputs("<h2><bdi>", stdout);
				text_fputs_html(*r->officer ? r->officer : "No officer named", stdout);
				fputs("</bdi></h2>\n", stdout);
			}
			printf("<h3>%s</h3>\n<table><thead><tr><th>Reference</th><th>Stage</th>"
			       "<th>Date</th><th>Working days</th><th>Service</th><th>Complainant</th>"
			       "</tr></thead><tbody>\n",
			       section_title(r->section, ds->within, t, sizeof t));
			officer = r->officer;
			section = r->section;
		}
		date_format(r->date, d);
		days_words(r, words, sizeof words);
		printf("<tr>");
		html_cell(r->ref);
		printf("<td>%s</td><td>%s %s</td><td>%s</td>", r->stage ? (snprintf(t, sizeof t,
		       "%d", r->stage), t) : "", date_role(r->section), d, words);
		html_cell(r->service);
		printf("<td>%s</td></tr>\n", words_label(&WS_COMPLAINANT, r->complainant));
	}
	printf("%s</body></html>\n", ds->n ? "</tbody></table>\n" : "");
}

typedef struct {
	const char *officer, *days, *format;
} opts;

static const cli_opt OPTS[] = {
	{ "--officer", "NAME", "only the cases NAME logged", CLI_VALUE(opts, officer) },
	{ "--days", "N", "due within N working days (default 5)", CLI_VALUE(opts, days) },
	{ "--format", "F", "text (default) or html", CLI_VALUE(opts, format) },
	{ NULL },
};

static int cmd_due(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	due_state ds = { .cx = cx, .within = 5 };
	long n = 5;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) || (o.officer && (rc = cli_officer(cx, o.officer))) ||
	    (o.days && (rc = cli_int(cx, o.days, "--days", 0, 250, &n))))
		return rc;
	if (o.format && strcmp(o.format, "text") && strcmp(o.format, "html"))
		return err_set(&cx->err, TL_EINVAL, "--format: '%.40s' is not one of text, html", o.format);
	ds.within = (int)n;
	tl_case_filter f = { .due_within = -1, .officer = o.officer, .with_flagged = true };
	if ((rc = case_list(cx->st, &f, visit, &ds, &cx->err)) == TL_OK) {
		qsort(ds.rows, ds.n, sizeof *ds.rows, by_officer);
		if (o.format && strcmp(o.format, "html") == 0)
			print_html(&ds);
		else
			print_text(&ds);
	}
	for (size_t i = 0; i < ds.n; i++) {
		free(ds.rows[i].officer);
		free(ds.rows[i].service);
	}
	free(ds.rows);
	return rc;
}

const cli_cmd CLI_DUE = {
	.name = "due", .fn = cmd_due,
	.usage = { "[--officer NAME] [--days N] [--format text|html]" },
	.summary = "what is due, overdue and waiting, per officer",
	.about = "The day's digest: for each officer, the safety concerns to act on, the cases\n"
		 "overdue, those due within N working days (5), the acknowledgements due and the\n"
		 "stages whose clock is stopped, with working days left or late. --format html\n"
		 "writes a page to standard output (tellus due --format html >due.html).",
	.opts = OPTS,
};
