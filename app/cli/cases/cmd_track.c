/* cmd_track.c - `tellus track REF CODE`: for staff answering the phone.
 * With the right reference and tracking code it prints the case's kind,
 * its current stage and that stage's dates; anything else gets one line
 * that reveals nothing (not even whether the reference exists). */
#include "cli.h"
#include "tellus/receipt.h"

static void print_stage(const tl_stage *s)
{
	char a[TL_DATE_LEN], b[TL_DATE_LEN];

	date_format(s->started, a);
	printf("stage %d %s %s\n", s->number, s->number == 1 ? "received" : "requested", a);
	date_format(s->due, a);
	date_format(s->max_due, b);
	printf("due %s%s (limit %s)\n", a, s->extended ? " extended" : "", b);
	if (s->panel != TL_NO_DATE) {
		date_format(s->panel, a);
		printf("panel %s\n", a);
	}
	if (s->responded != TL_NO_DATE) {
		date_format(s->responded, a);
		printf("%s %s\n", s->outcome == TL_OUTCOME_WITHDRAWN ? "withdrawn" : "responded", a);
	} else {
		printf("open%s\n", s->paused_since != TL_NO_DATE ? ", clock stopped" : "");
	}
}

static int cmd_track(cli_ctx *cx, int argc, char **argv)
{
	char d[TL_DATE_LEN];
	cli_words w;
	tl_case c;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)) ||
	    (rc = receipt_track(cx->st, w.v[0], w.v[1], &c, &cx->err)))
		return rc;
	date_format(c.received, d);
	printf("%s %s received %s\n", words_word(&WS_KIND, c.kind), c.ref, d);
	const tl_stage *s = case_current_stage(&c);
	if (s)
		print_stage(s);
	case_clear(&c);
	return TL_OK;
}

const cli_cmd CLI_TRACK = {
	.name = "track", .fn = cmd_track,
	.usage = { "REF CODE" },
	.summary = "check a receipt's secret code",
	.about = "For staff on the phone: with the right reference and secret code, the\n"
		 "case's kind, its stage and due dates; anything else gets one answer that\n"
		 "reveals nothing.",
	.min_words = 2, .max_words = 2,
};
