/* cmd_receipt.c - `tellus receipt REF --out FILE [--reference-only]`:
 * writes the receipt of a case as .png, .svg or .txt. Each receipt gets a
 * new tracking code, shown only in the file: stdout stays empty, so that
 * no code ends up in a terminal log. */
#include "cli.h"
#include "tellus/receipt.h"

static const char RECEIPT_USAGE[] =
	"receipt REF --out FILE.png|FILE.svg|FILE.txt [--reference-only]";

int cmd_receipt(cli_ctx *cx, int argc, char **argv)
{
	const char *out = NULL, *pos[1];
	bool ref_only = false;
	const cli_opt opts[] = { { "--out", &out }, { "--reference-only", NULL, &ref_only },
				 { NULL } };
	tl_receipt r;
	int n_pos, rc;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1 || !out)
		return cli_usage(cx, RECEIPT_USAGE);
	if (!receipt_format_known(out))
		return err_set(&cx->err, TL_EINVAL, "%s: a receipt is written as .png, .svg or .txt",
			       out);
	/* The new code is stored only if the file that shows it was written:
	 * otherwise the person would hold no working code at all. */
	if ((rc = store_begin(cx->st, &cx->err)))
		return rc;
	if ((rc = receipt_issue(cx->st, pos[0], ref_only, &r, &cx->err)) == TL_OK &&
	    (rc = receipt_write_file(&r, out, &cx->err)) == TL_OK)
		rc = store_commit(cx->st, &cx->err);
	if (rc)
		store_rollback(cx->st);
	receipt_wipe(&r);
	return rc;
}
