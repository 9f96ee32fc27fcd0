/* cmd_check.c - `tellus check`: is the database sound, and do the annual
 * report's running totals match the cases? `--rebuild-tallies` counts the
 * totals again from the cases first (audited). */
#include <string.h>
#include "cli.h"

typedef struct {
	bool rebuild;
} opts;

static const cli_opt OPTS[] = {
	{ "--rebuild-tallies", NULL, "count the totals again from the cases first (audited)",
	  CLI_FLAG(opts, rebuild) },
	{ NULL },
};

static int cmd_check(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_checkup c;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)) ||
	    (o.rebuild && (rc = store_tally_rebuild(cx->st, &cx->err))) ||
	    (rc = store_check(cx->st, &c, &cx->err)))
		return rc;
	printf("integrity: %s\n", c.integrity);
	printf("foreign keys: %s (%ld rows name a missing row)\n",
	       c.foreign_keys ? "PROBLEM" : "ok", c.foreign_keys);
	printf("report totals: %s (%ld statutory complaint stages; %ld rows of totals and "
	       "%ld stage flags differ)\n", c.tally_groups || c.counted_wrong ? "PROBLEM" : "ok",
	       c.stages, c.tally_groups, c.counted_wrong);
	printf("open cases: %s (%ld open; %ld cases' open stage differs)\n",
	       c.open_wrong ? "PROBLEM" : "ok", c.open, c.open_wrong);
	printf("cause keys: %s (%ld cases' key differs from their causes)\n",
	       c.causes_wrong ? "PROBLEM" : "ok", c.causes_wrong);
	if (strcmp(c.integrity, "ok") != 0 || c.foreign_keys)
		return err_set(&cx->err, TL_EDB, "database: damaged: keep a copy of it and "
			       "restore the last backup");
	if (c.tally_groups || c.counted_wrong || c.open_wrong || c.causes_wrong)
		return err_set(&cx->err, TL_EDB, "running totals: do not match the cases: run "
			       "tellus check --rebuild-tallies");
	return TL_OK;
}

const cli_cmd CLI_CHECK = {
	.name = "check", .fn = cmd_check,
	.usage = { "[--rebuild-tallies]" },
	.summary = "the database's integrity and totals",
	.about = "Checks the file's integrity and foreign keys, that the annual report's\n"
		 "running totals match the cases, and that what the lists read of each case's\n"
		 "open stage, and the key the report counts its causes under, do too.",
	.opts = OPTS,
};
