/* cmd_export.c - `tellus export FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h;
 * `--format xlsx FILE.xlsx` writes the cases as a workbook instead
 * (report.h). The file is created readable by its owner only. */
#include <string.h>
#include "cli.h"
#include "tellus/csvio.h"
#include "tellus/report.h"

static const cli_opt OPTS[] = {
	{ "--costs", "FILE", "the costs", CLI_VALUE(cli_csv_opts, costs) },
	{ "--ombudsman", "FILE", "the Ombudsman decisions", CLI_VALUE(cli_csv_opts, ombudsman) },
	{ "--context", "FILE", "the context figures", CLI_VALUE(cli_csv_opts, context) },
	{ "--format", "F", "csv, or xlsx for the cases as a workbook (default: csv)",
	  CLI_VALUE(cli_csv_opts, format) },
	{ NULL },
};

static int cmd_export(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_export_cases, csvio_export_costs, csvio_export_ombudsman,
		csvio_export_context,
	};
	const char *path = NULL;
	cli_csv_opts o;
	tl_csvio_result res = { 0 };
	int kind = 0, rc;

	if ((rc = cli_csv_args(cx, argc, argv, &o, &path, &kind)))
		return rc;
	bool xlsx = o.format && strcmp(o.format, "csv") != 0;
	if (xlsx && strcmp(o.format, "xlsx") != 0)
		return err_set(&cx->err, TL_EINVAL, "--format: '%.40s' is not csv or xlsx", o.format);
	if (xlsx && kind != CLI_CSV_CASES)
		return err_set(&cx->err, TL_EINVAL, "--format: xlsx is for the cases; costs, "
			       "Ombudsman decisions and context figures are exported as csv");
	if ((rc = xlsx ? report_export_cases_xlsx(cx->st, path, &res.rows, &cx->err)
		       : fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld rows written\n", res.rows);
	return TL_OK;
}

const cli_cmd CLI_EXPORT = {
	.name = "export", .fn = cmd_export,
	.usage = { "FILE.csv", "--format xlsx FILE.xlsx", "--costs|--ombudsman|--context FILE" },
	.summary = "write cases or figures as CSV, or the cases as a workbook",
	.about = "One file at a time, readable by its owner only, in a fixed order; a cell a\n"
		 "spreadsheet would run as a formula is written behind a ' in CSV, and as text\n"
		 "in a workbook, where no cell is ever a formula.",
	.opts = OPTS, .min_words = 0, .max_words = 1,
};
