/* cmd_import.c - `tellus import FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h.
 * Each file is all or nothing; the one-line summary says how many rows
 * went in and how many were there already. */
#include "cli.h"
#include "tellus/csvio.h"

int cli_csv_args(cli_ctx *cx, int argc, char **argv, const char *verb, const char **path,
		 int *kind)
{
	const char *files[4] = { NULL }, *pos[1];
	const cli_opt opts[] = { { "--costs", &files[CLI_CSV_COSTS] },
				 { "--ombudsman", &files[CLI_CSV_OMBUDSMAN] },
				 { "--context", &files[CLI_CSV_CONTEXT] }, { NULL } };
	int n_pos, given = 0, rc;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos)
		files[CLI_CSV_CASES] = pos[0];
	for (int k = 0; k < 4; k++)
		if (files[k])
			given++, *kind = k, *path = files[k];
	if (given == 1)
		return TL_OK;
	return err_set(&cx->err, TL_EINVAL, "usage: tellus %s FILE.csv | %s --costs FILE |"
		       " --ombudsman FILE | --context FILE (one file at a time)", verb, verb);
}

int cmd_import(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_import_cases, csvio_import_costs, csvio_import_ombudsman,
		csvio_import_context,
	};
	const char *path = NULL;
	tl_csvio_result res;
	int kind = 0, rc;

	if ((rc = cli_csv_args(cx, argc, argv, "import", &path, &kind)) ||
	    (rc = fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld added, %ld already present\n", res.added, res.present);
	return TL_OK;
}
