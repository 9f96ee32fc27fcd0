/* cmd_equalities.c - `tellus equalities REF --age-band B --gender G
 * --ethnicity E --disability D`: equalities monitoring answers a person
 * chose to give, recorded by staff. Stored apart from the case and never
 * shown with it; the report counts them in aggregate only. */
#include "cli.h"
#include "tellus/equalities.h"

typedef struct {
	const char *age_band, *gender, *ethnicity, *disability;
} opts;

static const cli_opt OPTS[] = {
	{ "--age-band", "B", "their age band", CLI_VALUE(opts, age_band), .words = &WS_AGE_BAND },
	{ "--gender", "G", "their gender", CLI_VALUE(opts, gender), .words = &WS_GENDER },
	{ "--ethnicity", "E", "their ethnic group", CLI_VALUE(opts, ethnicity),
	  .words = &WS_ETHNICITY },
	{ "--disability", "D", "whether they are disabled", CLI_VALUE(opts, disability),
	  .words = &WS_DISABILITY },
	{ NULL },
};

/* An optional answer: -1 when the option was not given. */
static int answer(cli_ctx *cx, const tl_wordset *set, const char *s, const char *what, int *out)
{
	*out = -1;
	return s ? cli_word(cx, set, s, what, out) : TL_OK;
}

static int cmd_equalities(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_equalities e;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = answer(cx, &WS_AGE_BAND, o.age_band, "--age-band", &e.age_band)) ||
	    (rc = answer(cx, &WS_GENDER, o.gender, "--gender", &e.gender)) ||
	    (rc = answer(cx, &WS_ETHNICITY, o.ethnicity, "--ethnicity", &e.ethnicity)) ||
	    (rc = answer(cx, &WS_DISABILITY, o.disability, "--disability", &e.disability)))
		return rc;
	return equalities_put(cx->st, w.v[0], &e, &cx->err);
}

const cli_cmd CLI_EQUALITIES = {
	.name = "equalities", .fn = cmd_equalities,
	.usage = { "REF [--age-band B] [--gender G] [--ethnicity E] [--disability D]" },
	.summary = "record equalities monitoring answers",
	.about = "Optional answers the person chose to give; recording again replaces them.\n"
		 "They are kept apart from the case (show never reads them) and counted in the\n"
		 "report's equalities.csv only in aggregate, counts under 5 shown as <5.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
