/* cmd_complaint_from.c - `tellus complaint-from REF`: the child who said
 * they do not feel safe also complains. A complaint opened from that
 * record, linked both ways (show names each from the other); who raised
 * it and the service default to the record's. It is `tellus log --from
 * REF`, with log's options. */
#include "cmd_log.h"

static int cmd_complaint_from(cli_ctx *cx, int argc, char **argv)
{
	log_opts o = { 0 };
	cli_words w;
	int rc = cli_parse(cx, argc, argv, &o, &w);
	if (rc)
		return rc;
	o.from = w.v[0];
	return cli_log_run(cx, &o);
}

const cli_cmd CLI_COMPLAINT_FROM = {
	.name = "complaint-from", .fn = cmd_complaint_from,
	.usage = { "REF [--complainant WHO] [--service AREA] [--received DATE] [--channel C]\n"
		   "[--procedure P] [--team T] [--on-behalf --officer NAME]\n"
		   "[--summary TEXT | --summary-file FILE] [--desired TEXT] [--contact TEXT]\n"
		   "[--complainant-name NAME] [--child-name NAME]\n"
		   "[--cause CODE]... [--advocacy] [--matter-date DATE --late-reason TEXT]" },
	.summary = "open a complaint from an \"I don't feel safe\" record, linked",
	.about = "The same as tellus log --from REF. Prints the new complaint's reference.",
	.opts = CLI_LOG_OPTS + CLI_LOG_OWN, .min_words = 1, .max_words = 1,
};
