/* cmd_action.c - `tellus action REF ACTION`: what was done because of a
 * complaint (an apology, records amended...), for the annual report. */
#include "cli.h"
#include "tellus/case.h"

typedef struct {
	const char *note;
} opts;

static const cli_opt OPTS[] = {
	{ "--note", "TEXT", "more about what was done", CLI_VALUE(opts, note) },
	{ NULL },
};

static int cmd_action(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int a, rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_ACTION, w.v[1], "ACTION", &a)))
		return rc;
	return case_add_action(cx->st, w.v[0], a, o.note, &cx->err);
}

const cli_cmd CLI_ACTION = {
	.name = "action", .fn = cmd_action,
	.usage = { "REF ACTION [--note TEXT]" },
	.summary = "what was done because of it",
	.word = "ACTION", .words = &WS_ACTION,
	.opts = OPTS, .min_words = 2, .max_words = 2,
};
