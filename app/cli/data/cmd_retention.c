/* cmd_retention.c - `tellus retention run [--dry-run]`: removes the names,
 * contact and words of cases closed more than retention_years ago (its
 * figures stay: every annual report comes out the same). --dry-run lists
 * them and changes nothing. */
#include <string.h>
#include "cli.h"
#include "tellus/retention.h"

typedef struct {
	bool dry_run;
} opts;

static const cli_opt OPTS[] = {
	{ "--dry-run", NULL, "list the cases it would take and change nothing",
	  CLI_FLAG(opts, dry_run) },
	{ NULL },
};

static int print_case(const char *ref, tl_date closed, void *arg)
{
	char d[TL_DATE_LEN];
	long *n = arg;
	date_format(closed, d);
	printf("%-14s closed %s\n", ref, d);
	(*n)++;
	return TL_OK;
}

static int cmd_retention(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_date cutoff;
	char d[TL_DATE_LEN];
	long n = 0, listed = 0;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (strcmp(w.v[0], "run"))
		return cli_usage(cx);
	if (o.dry_run)
		rc = retention_due(cx->st, print_case, &n, &cutoff, &cx->err);
	else
		rc = retention_run(cx->st, print_case, &listed, &n, &cutoff, &cx->err);
	if (rc)
		return rc;
	date_format(cutoff, d);
	printf("%ld case%s closed on or before %s: names, contact and words %s\n", n,
	       n == 1 ? "" : "s", d, o.dry_run ? "would be removed (dry run: nothing changed)"
						: "removed");
	return TL_OK;
}

const cli_cmd CLI_RETENTION = {
	.name = "retention", .fn = cmd_retention,
	.usage = { "run [--dry-run]" },
	.summary = "remove a person's details past retention",
	.about = "Cases closed more than retention_years ago (tellus config set retention_years,\n"
		 "default 6) lose their names, contact, words and letters' copies; their\n"
		 "figures stay, so every annual report is the same. Each case is audited. The\n"
		 "file is then vacuumed so that no copy of the removed words remains.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
