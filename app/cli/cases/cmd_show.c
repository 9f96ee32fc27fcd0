/* cmd_show.c - `tellus show REF`: one case with every stage's dates,
 * deadlines and where it stands today. A case that runs no clock (not
 * eligible) says so and why, never "overdue"; a response after the due
 * date says it was late. Everything a person typed is shown escaped
 * (CLI_ESC, SPEC 9). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tellus/case.h"

static const char *state_word(tl_stage_state s)
{
	switch (s) {
	case CASE_DONE: return "done";
	case CASE_IN_TIME: return "in time";
	case CASE_DUE_SOON: return "due soon";
	case CASE_NO_CLOCK: return "no clock";
	default: return "OVERDUE";
	}
}

/* The acknowledgement: when, or by when, and whether it was late. */
static void show_ack(const tl_stage *s, const tl_stage_status *stat)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	date_format(s->acknowledged, a);
	date_format(stat->ack_due, b);
	if (s->acknowledged != TL_NO_DATE && stat->ack_due != TL_NO_DATE)
		printf("  acknowledged %s%s (due by %s)\n", a, stat->ack_late ? ", late" : "", b);
	else if (s->acknowledged != TL_NO_DATE)
		printf("  acknowledged %s\n", a);
	else if (stat->ack_wanted)
		printf("  acknowledge by %s: %d %s %s\n", b, abs(stat->ack_days_left),
		       cli_days(stat->ack_days_left), stat->ack_days_left < 0 ? "late" : "left");
}

static void show_end(const tl_stage *s, const tl_stage_status *stat)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	date_format(s->responded, a);
	date_format(s->due, b);
	if (s->outcome == TL_OUTCOME_WITHDRAWN)
		printf("  withdrawn   %s, after %d %s\n", a, stat->days_taken, cli_days(stat->days_taken));
	else
		printf("  response    %s %s, %d %s%s%s%s\n", a, words_word(&WS_OUTCOME, s->outcome),
		       stat->days_taken, cli_days(stat->days_taken), stat->late ? ", LATE (due " : "",
		       stat->late ? b : "", stat->late ? ")" : "");
	if (stat->next_by != TL_NO_DATE) {
		date_format(stat->next_by, a);
		printf("  next stage  may be asked for by %s\n", a);
	}
}

static int show_stage(cli_ctx *cx, const tl_case *c, const tl_stage *s)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN], e1[600], e2[300], left[64];
	tl_stage_status stat;
	int rc = case_stage_status(cx->st, c, s, store_today(cx->st), 5, &stat, &cx->err);
	if (rc)
		return rc;
	date_format(s->started, a);
	printf("stage %d       %s %s%s\n", s->number, s->number == 1 ? "received" : "requested", a,
	       s->request_late ? " (late request)" : "");
	show_ack(s, &stat);
	date_format(s->due, a);
	date_format(s->max_due, b);
	if (case_runs_clock(c))
		printf("  due         %s%s (limit %s)\n", a, s->extended ? " extended" : "", b);
	if (stat.clock_from != s->started && case_runs_clock(c)) {
		date_format(stat.clock_from, a);
		printf("  clock from  %s%s\n", a, s->acknowledged == TL_NO_DATE ?
		       " (the last day to acknowledge, until it is)" : " (the acknowledgement)");
	}
	if (s->extended) {
		date_format(s->extended_on, a);
		printf("  extension   agreed%s%s by %s: %s\n", s->extended_on != TL_NO_DATE ? " " : "",
		       a, CLI_ESC(e2, s->extension_by), CLI_ESC(e1, s->extension_reason));
	}
	if (s->panel != TL_NO_DATE) {
		date_format(s->panel, a);
		printf("  panel       %s\n", a);
	}
	if (s->paused_days || s->paused_since != TL_NO_DATE) {
		date_format(s->paused_since, a);
		printf("  clock       %d %s stopped%s%s\n", s->paused_days, cli_days(s->paused_days),
		       s->paused_since != TL_NO_DATE ? ", stopped since " : "", a);
	}
	if (s->responded != TL_NO_DATE)
		show_end(s, &stat);
	else if (stat.state == CASE_NO_CLOCK)
		printf("  status      no clock: assessed as not eligible\n");
	else
		printf("  status      %s, %d %s taken, %s%s\n", state_word(stat.state), stat.days_taken,
		       cli_days(stat.days_taken), cli_left(&stat, s, left, sizeof left),
		       stat.may_escalate ? "; past the limit: may go to the next stage" : "");
	return TL_OK;
}

/* An "I don't feel safe" record: whether it was handled and how, and the
 * complaint opened from it; a complaint opened from one names it. */
static void show_safety(const tl_case *c)
{
	char d[TL_DATE_LEN], r[200];
	if (c->unsafe) {
		printf("FLAG          the person said they do not feel safe\n");
		date_format(c->safety_handled, d);
		if (c->safety_handled != TL_NO_DATE) {
			printf("handled       %s: ", d);
			text_fputs_terminal(c->safety_note, 0, stdout);
			putchar('\n');
		} else
			printf("handled       not yet: act now\n");
		if (c->linked_complaint[0])
			printf("complaint     %s was opened from this record\n",
			       CLI_ESC(r, c->linked_complaint));
	}
	if (c->safety_ref[0])
		printf("opened from   %s, an \"I don't feel safe\" record\n", CLI_ESC(r, c->safety_ref));
}

static void show_case(const tl_case *c)
{
	char d[TL_DATE_LEN], e1[1024], e2[1024];
	date_format(c->received, d);
	printf("ref           %s\nkind          %s\nreceived      %s\nprocedure     %s (%s)\n",
	       CLI_ESC(e1, c->ref), words_word(&WS_KIND, c->kind), d,
	       words_word(&WS_PROCEDURE, c->procedure), c->profile);
	if (c->assessed_why && *c->assessed_why)
		printf("why           %s\n", CLI_ESC(e1, c->assessed_why));
	if (c->kind == TL_KIND_COMPLAINT && !case_runs_clock(c) && !c->unsafe)
		printf("clock         none: not eligible for the procedure\n");
	printf("channel       %s\ncomplainant   %s%s%s\n", words_word(&WS_CHANNEL, c->channel),
	       words_word(&WS_COMPLAINANT, c->complainant),
	       c->on_behalf ? ", logged on their behalf by " : "",
	       c->on_behalf ? CLI_ESC(e1, c->officer) : "");
	printf("service       %s%s%s\n", CLI_ESC(e1, c->service_area), c->team && *c->team ? " / " : "",
	       CLI_ESC(e2, c->team));
	char names[512];
	cli_names(c->complainant_name, c->child_name, names, sizeof names);
	if (*names)
		printf("names         %s\n", CLI_ESC(e1, names));
	if (c->retained != TL_NO_DATE) {
		date_format(c->retained, d);
		printf("retention     names, contact and words removed %s\n", d);
	}
	printf("causes        ");
	for (size_t i = 0; i < c->n_causes; i++)
		printf("%s%s", i ? "; " : "", CLI_ESC(e1, c->causes[i]));
	printf("\nactions       ");
	for (size_t i = 0; i < c->n_actions; i++)
		printf("%s%s", i ? "; " : "", words_word(&WS_ACTION, c->actions[i]));
	printf("\n");
	show_safety(c);
	if (c->advocacy)
		printf("advocacy      asked for someone to help them\n");
	if (c->kind == TL_KIND_COMPLIMENT)
		printf("consent       to publish: %s; the names in it too: %s\n",
		       c->consent_to_publish ? "yes" : "no", c->consent_names ? "yes" : "no");
}

static int cmd_show(cli_ctx *cx, int argc, char **argv)
{
	tl_case c;
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)) ||
	    (rc = case_get(cx->st, w.v[0], &c, &cx->err)))
		return rc;
	show_case(&c);
	for (size_t i = 0; i < c.n_stages && rc == TL_OK; i++)
		rc = show_stage(cx, &c, &c.stages[i]);
	if (rc == TL_OK && c.summary && *c.summary) {
		printf("summary\n");
		text_fputs_terminal(c.summary, TEXT_ESC_LINES, stdout);
		printf("\n");
	}
	case_clear(&c);
	return rc;
}

const cli_cmd CLI_SHOW = {
	.name = "show", .fn = cmd_show,
	.usage = { "REF" },
	.summary = "one case, every stage and deadline",
	.about = "Where each stage stands today: in time, due soon or overdue, working days\n"
		 "taken and left, the acknowledgement and when the next stage may be asked for.\n"
		 "A case assessed as not eligible runs no clock, and says why.",
	.min_words = 1, .max_words = 1,
};
