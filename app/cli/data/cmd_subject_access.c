/* cmd_subject_access.c - `tellus subject-access NAME --out DIR`: what the
 * register holds about a person (their cases as complainant or child,
 * stages, corrections, letters, equalities answers, audit lines), as an
 * HTML page and CSV files in a folder only its owner can read. */
#include "cli.h"
#include "tellus/people.h"

typedef struct {
	const char *out;
} opts;

static const cli_opt OPTS[] = {
	{ "--out", "DIR", "the folder to write into (made if missing)", CLI_VALUE(opts, out) },
	{ NULL },
};

static int cmd_subject_access(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	long n;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.out)
		return err_set(&cx->err, TL_EINVAL, "--out: is required (a folder)");
	if ((rc = people_subject_access(cx->st, w.v[0], o.out, &n, &cx->err)))
		return rc;
	printf("%ld case%s written to %s\n", n, n == 1 ? "" : "s", o.out);
	return TL_OK;
}

const cli_cmd CLI_SUBJECT_ACCESS = {
	.name = "subject-access", .fn = cmd_subject_access,
	.usage = { "NAME --out DIR" },
	.summary = "gather what is held about a person",
	.about = "Every case where NAME is the complainant's or the child's name (whole; case and\n"
		 "accents ignored), with its stages, corrections, letters, equalities answers\n"
		 "and audit lines: DIR/index.html and a CSV file for each.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
