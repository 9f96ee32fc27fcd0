/* cmd_find.c - `tellus find TEXT`: cases whose names, reference or words
 * hold every word of TEXT (people_find), best first, one a line: a
 * child's earlier cases and a repeat complainant show up together. */
#include "cli.h"
#include "tellus/people.h"

static int print_found(const tl_found *f, void *arg)
{
	char d[TL_DATE_LEN], names[512], e1[1024], e2[1024];
	(void)arg;
	date_format(f->received, d);
	cli_names(f->complainant_name, f->child_name, names, sizeof names);
	printf("%-14s %s  %-10s %-6s  %-20s %s\n", f->ref, d, words_word(&WS_KIND, f->kind),
	       f->open ? "open" : "closed", CLI_ESC(e1, f->service_area), CLI_ESC(e2, names));
	return TL_OK;
}

static int cmd_find(cli_ctx *cx, int argc, char **argv)
{
	cli_words w;
	char text[512] = "";
	size_t used = 0;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)))
		return rc;
	for (int i = 0; i < w.n && used < sizeof text; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? " " : "", w.v[i]);
	return people_find(cx->st, text, print_found, NULL, &cx->err);
}

const cli_cmd CLI_FIND = {
	.name = "find", .fn = cmd_find,
	.usage = { "TEXT..." },
	.summary = "find cases by name, reference or words",
	.about = "Every word must start a word of the case's names, reference or words (case\n"
		 "and accents ignored: nowak finds Nowak, lukasz finds Łukasz). Best first: names\n"
		 "count most. One case a line: reference, received, kind, open or closed,\n"
		 "service, names.",
	.min_words = 1, .max_words = CLI_MAX_WORDS,
};
