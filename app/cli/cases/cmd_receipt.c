/* cmd_receipt.c - `tellus receipt REF --out FILE [--reference-only]`:
 * writes the receipt of a case as .png, .svg or .txt. Each receipt gets a
 * new tracking code, shown only in the file: stdout stays empty, so that
 * no code ends up in a terminal log. */
#include "cli.h"
#include "tellus/receipt.h"

typedef struct {
	const char *out;
	bool ref_only;
} opts;

static const cli_opt OPTS[] = {
	{ "--out", "FILE", "the receipt file: .png, .svg or .txt", CLI_VALUE(opts, out) },
	{ "--reference-only", NULL, "for a shared printer: no code and no QR; an earlier code "
	  "keeps working", CLI_FLAG(opts, ref_only) },
	{ NULL },
};

static int cmd_receipt(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	tl_receipt r;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.out)
		return cli_usage(cx);
	if (!receipt_format_known(o.out))
		return err_set(&cx->err, TL_EINVAL, "%s: a receipt is written as .png, .svg or .txt",
			       o.out);
	/* The new code is stored only if the file that shows it was written:
	 * otherwise the person would hold no working code at all. */
	if ((rc = store_begin(cx->st, &cx->err)))
		return rc;
	if ((rc = receipt_issue(cx->st, w.v[0], o.ref_only, &r, &cx->err)) == TL_OK &&
	    (rc = receipt_write_file(&r, o.out, &cx->err)) == TL_OK)
		rc = store_commit(cx->st, &cx->err);
	if (rc)
		store_rollback(cx->st);
	receipt_wipe(&r);
	return rc;
}

const cli_cmd CLI_RECEIPT = {
	.name = "receipt", .fn = cmd_receipt,
	.usage = { "REF --out FILE.png|FILE.svg|FILE.txt [--reference-only]" },
	.summary = "a case's receipt, with a secret code",
	.about = "A new secret code each time, written only into the receipt file (never\n"
		 "printed); an earlier receipt's code stops working.",
	.opts = OPTS, .min_words = 1, .max_words = 1,
};
