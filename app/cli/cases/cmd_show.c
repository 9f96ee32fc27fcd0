/* cmd_show.c - `tellus show REF`: one case with every stage's dates,
 * deadlines and where it stands today. */
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
	default: return "OVERDUE";
	}
}

static int show_stage(cli_ctx *cx, const tl_case *c, const tl_stage *s)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	tl_stage_status stat;
	int rc = case_stage_status(cx->st, c, s, store_today(cx->st), 5, &stat, &cx->err);
	if (rc)
		return rc;
	date_format(s->started, a);
	printf("stage %d       %s %s%s\n", s->number, s->number == 1 ? "received" : "requested", a,
	       s->request_late ? " (late request)" : "");
	date_format(s->due, a);
	date_format(s->max_due, b);
	printf("  due         %s%s (limit %s)\n", a, s->extended ? " extended" : "", b);
	if (s->extended)
		printf("  extension   %s (agreed by %s)\n", s->extension_reason ? s->extension_reason : "",
		       s->extension_by ? s->extension_by : "");
	if (s->panel != TL_NO_DATE) {
		date_format(s->panel, a);
		printf("  panel       %s\n", a);
	}
	if (s->paused_days || s->paused_since != TL_NO_DATE) {
		date_format(s->paused_since, a);
		printf("  clock       %d working days stopped%s%s\n", s->paused_days,
		       s->paused_since != TL_NO_DATE ? ", stopped since " : "", a);
	}
	if (s->responded != TL_NO_DATE) {
		date_format(s->responded, a);
		printf("  %-11s %s %s, %d working days\n", s->outcome == TL_OUTCOME_WITHDRAWN ?
		       "withdrawn" : "response", a, words_word(&WS_OUTCOME, s->outcome), stat.days_taken);
		if (stat.next_by != TL_NO_DATE) {
			date_format(stat.next_by, a);
			printf("  next stage  may be asked for by %s\n", a);
		}
	} else {
		printf("  status      %s, %d working days taken, %d %s%s\n", state_word(stat.state),
		       stat.days_taken, abs(stat.days_left),
		       stat.days_left < 0 ? "working days late" : "working days left",
		       stat.may_escalate ? "; past the limit: may go to the next stage" : "");
	}
	return TL_OK;
}

/* An "I don't feel safe" record: whether it was handled and how, and the
 * complaint opened from it; a complaint opened from one names it. */
static void show_safety(const tl_case *c)
{
	char d[TL_DATE_LEN];
	if (c->unsafe) {
		printf("FLAG          the person said they do not feel safe\n");
		date_format(c->safety_handled, d);
		if (c->safety_handled != TL_NO_DATE)
			printf("handled       %s: %s\n", d, c->safety_note ? c->safety_note : "");
		else
			printf("handled       not yet: act now\n");
		if (c->linked_complaint[0])
			printf("complaint     %s was opened from this record\n", c->linked_complaint);
	}
	if (c->safety_ref[0])
		printf("opened from   %s, an \"I don't feel safe\" record\n", c->safety_ref);
}

static int cmd_show(cli_ctx *cx, int argc, char **argv)
{
	tl_case c;
	cli_words w;
	char d[TL_DATE_LEN];
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)) ||
	    (rc = case_get(cx->st, w.v[0], &c, &cx->err)))
		return rc;
	date_format(c.received, d);
	printf("ref           %s\nkind          %s\nreceived      %s\nprocedure     %s (%s)\n",
	       c.ref, words_word(&WS_KIND, c.kind), d, words_word(&WS_PROCEDURE, c.procedure), c.profile);
	printf("channel       %s\ncomplainant   %s%s%s\n", words_word(&WS_CHANNEL, c.channel),
	       words_word(&WS_COMPLAINANT, c.complainant), c.on_behalf ? ", logged on their behalf by " : "",
	       c.on_behalf && c.officer ? c.officer : "");
	printf("service       %s%s%s\n", c.service_area ? c.service_area : "",
	       c.team && *c.team ? " / " : "", c.team ? c.team : "");
	printf("causes        ");
	for (size_t i = 0; i < c.n_causes; i++)
		printf("%s%s", i ? "; " : "", c.causes[i]);
	printf("\nactions       ");
	for (size_t i = 0; i < c.n_actions; i++)
		printf("%s%s", i ? "; " : "", words_word(&WS_ACTION, c.actions[i]));
	printf("\n");
	show_safety(&c);
	if (c.advocacy)
		printf("advocacy      asked for someone to help them\n");
	if (c.kind == TL_KIND_COMPLIMENT)
		printf("consent       to publish: %s; the names in it too: %s\n",
		       c.consent_to_publish ? "yes" : "no", c.consent_names ? "yes" : "no");
	for (size_t i = 0; i < c.n_stages && rc == TL_OK; i++)
		rc = show_stage(cx, &c, &c.stages[i]);
	if (rc == TL_OK && c.summary && *c.summary)
		printf("summary\n%s\n", c.summary);
	case_clear(&c);
	return rc;
}

const cli_cmd CLI_SHOW = {
	.name = "show", .fn = cmd_show,
	.usage = { "REF" },
	.summary = "one case, every stage and deadline",
	.about = "Where each stage stands today: in time, due soon or overdue, working days\n"
		 "taken and left, and when the next stage may be asked for.",
	.min_words = 1, .max_words = 1,
};
