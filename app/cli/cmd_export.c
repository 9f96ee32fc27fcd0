/* cmd_export.c - `tellus export FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h.
 * The file is created readable by its owner only. */
#include "cli.h"
#include "tellus/csvio.h"

int cmd_export(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_export_cases, csvio_export_costs, csvio_export_ombudsman,
		csvio_export_context,
	};
	const char *path = NULL;
	tl_csvio_result res;
	int kind = 0, rc;

	if ((rc = cli_csv_args(cx, argc, argv, "export", &path, &kind)) ||
	    (rc = fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld rows written\n", res.rows);
	return TL_OK;
}
