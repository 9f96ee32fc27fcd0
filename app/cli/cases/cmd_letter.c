/* cmd_letter.c - `tellus letter REF KIND --out FILE.html|FILE.txt`: a
 * letter to the person who complained, filled from the case and the
 * council's settings (letter.h); a copy is kept with the case. With
 * --acknowledge, an acknowledgement letter also records the
 * acknowledgement, in the same transaction as the letter's copy. */
#include <string.h>
#include "cli.h"
#include "tellus/case.h"
#include "tellus/letter.h"
#include "tellus/store.h"

typedef struct {
	const char *out, *stage;
	bool child, acknowledge;
} opts;

static const cli_opt OPTS[] = {
	{ "--out", "FILE", "where to write it: .html (prints on A4) or .txt", CLI_VALUE(opts, out) },
	{ "--stage", "N", "the stage it is about (default: the latest)", CLI_VALUE(opts, stage) },
	{ "--child", NULL, "the version in plain words for a child", CLI_FLAG(opts, child) },
	{ "--acknowledge", NULL, "record the acknowledgement today (acknowledgement letters)",
	  CLI_FLAG(opts, acknowledge) },
	{ NULL },
};

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n > t && strcmp(s + n - t, tail) == 0;
}

static int cmd_letter(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_letter l = { 0 };
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (rc = cli_word(cx, &WS_LETTER, w.v[1], "KIND", &l.kind)) ||
	    (rc = cli_stage(cx, o.stage, &l.stage)))
		return rc;
	if (!o.out)
		return err_set(&cx->err, TL_EINVAL, "--out: is required (FILE.html or FILE.txt)");
	l.html = ends_with(o.out, ".html") || ends_with(o.out, ".htm");
	if (!l.html && !ends_with(o.out, ".txt"))
		return err_set(&cx->err, TL_EINVAL, "--out: '%.40s' must end in .html or .txt", o.out);
	l.child = o.child;
	if (!o.acknowledge)
		return letter_write(cx->st, w.v[0], &l, o.out, &cx->err);
	if (l.kind != TL_LETTER_ACKNOWLEDGEMENT)
		return err_set(&cx->err, TL_EINVAL, "--acknowledge: only with an acknowledgement "
			       "letter; use tellus acknowledge REF");
	/* The acknowledgement first, so that the letter gives the due date it sets. */
	if ((rc = store_begin(cx->st, &cx->err)))
		return rc;
	rc = case_acknowledge(cx->st, w.v[0], l.stage, store_today(cx->st), &cx->err);
	if (rc == TL_OK)
		rc = letter_write(cx->st, w.v[0], &l, o.out, &cx->err);
	return store_end(cx->st, rc, &cx->err);
}

const cli_cmd CLI_LETTER = {
	.name = "letter", .fn = cmd_letter,
	.usage = { "REF KIND --out FILE.html|FILE.txt [--child] [--stage N] [--acknowledge]" },
	.summary = "write a letter from a template",
	.about = "Templates are read at run time (config letters_dir, else the installed ones):\n"
		 "assets/letters/README describes them and their small language. A copy of the\n"
		 "letter's text is kept with the case.",
	.opts = OPTS, .word = "KIND", .words = &WS_LETTER, .min_words = 2, .max_words = 2,
};
