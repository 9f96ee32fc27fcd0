/* cmd_export.c - `tellus export FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h.
 * The file is created readable by its owner only. */
#include "cli.h"
#include "tellus/csvio.h"

static const cli_opt OPTS[] = {
	{ "--costs", "FILE", "the costs", CLI_VALUE(cli_csv_opts, costs) },
	{ "--ombudsman", "FILE", "the Ombudsman decisions", CLI_VALUE(cli_csv_opts, ombudsman) },
	{ "--context", "FILE", "the context figures", CLI_VALUE(cli_csv_opts, context) },
	{ NULL },
};

static int cmd_export(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_export_cases, csvio_export_costs, csvio_export_ombudsman,
		csvio_export_context,
	};
	const char *path = NULL;
	tl_csvio_result res;
	int kind = 0, rc;

	if ((rc = cli_csv_args(cx, argc, argv, &path, &kind)) ||
	    (rc = fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld rows written\n", res.rows);
	return TL_OK;
}

const cli_cmd CLI_EXPORT = {
	.name = "export", .fn = cmd_export,
	.usage = { "FILE.csv", "--costs|--ombudsman|--context FILE" },
	.summary = "write cases or figures as CSV",
	.about = "One file at a time, readable by its owner only, in a fixed order; a cell a\n"
		 "spreadsheet would run as a formula is written behind a '.",
	.opts = OPTS, .min_words = 0, .max_words = 1,
};
