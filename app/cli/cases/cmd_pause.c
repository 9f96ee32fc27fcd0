/* cmd_pause.c - `tellus pause`: the stage's clock stops with a typed
 * reason (tellus resume restarts it); new_concerns instead starts the
 * stage again from that day. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *reason, *date;
} opts;

static const cli_opt OPTS[] = {
	{ "--reason", "R", "why the clock stops", CLI_VALUE(opts, reason), .words = &WS_PAUSE },
	{ "--date", "DATE", "the day it stops (default: today)", CLI_VALUE(opts, date) },
	{ NULL },
};

static int cmd_pause(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int r, rc;
	tl_date d;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_PAUSE, o.reason, "--reason", &r)) ||
	    (rc = cli_date(cx, o.date, "--date", &d)))
		return rc;
	return case_pause(cx->st, w.v[0], d, r, &cx->err);
}

const cli_cmd CLI_PAUSE = {
	.name = "pause", .fn = cmd_pause,
	.usage = { "REF --reason R [--date DATE]" },
	.summary = "stop the clock",
	.about = "advocate: waiting for an advocate; complainant: waiting for the complainant;\n"
		 "new_concerns: the stage starts again from that day. Pauses are recorded in\n"
		 "the order they happen.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
