/* cmd_import.c - `tellus import FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h.
 * Each file is all or nothing; the one-line summary says how many rows
 * went in and how many were there already. */
#include "cli.h"
#include "tellus/csvio.h"

static const cli_opt OPTS[] = {
	{ "--costs", "FILE", "costs: date,category,amount,ref (pounds)", CLI_VALUE(cli_csv_opts, costs) },
	{ "--ombudsman", "FILE", "Ombudsman decisions: ref,received,decided,decision",
	  CLI_VALUE(cli_csv_opts, ombudsman) },
	{ "--context", "FILE", "context figures: year,measure,value", CLI_VALUE(cli_csv_opts, context) },
	{ NULL },
};

static int cmd_import(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_import_cases, csvio_import_costs, csvio_import_ombudsman,
		csvio_import_context,
	};
	const char *path = NULL;
	cli_csv_opts o;
	tl_csvio_result res;
	int kind = 0, rc;

	if ((rc = cli_csv_args(cx, argc, argv, &o, &path, &kind)) ||
	    (rc = fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld added, %ld already present\n", res.added, res.present);
	return TL_OK;
}

const cli_cmd CLI_IMPORT = {
	.name = "import", .fn = cmd_import,
	.usage = { "FILE.csv", "--costs|--ombudsman|--context FILE" },
	.summary = "read cases or figures from CSV",
	.about = "One file at a time: UTF-8 CSV with a header row, columns matched by name.\n"
		 "A file is all or nothing: the first bad value stops it, naming the line and\n"
		 "column. Importing a file again adds nothing.",
	.opts = OPTS, .min_words = 0, .max_words = 1,
};
