/* cmd_report.c - `tellus report --year Y --format csv|html|md|xlsx --out
 * DIR [--notes FILE]`: the statutory annual report for financial year Y
 * (1 April Y to 31 March Y+1), computed by the core, with the author's
 * commentary when given, and written into DIR. */
#include "tellus/report.h"
#include "cli.h"

typedef struct {
	const char *year, *format, *out, *notes;
} opts;

static const cli_opt OPTS[] = {
	{ "--year", "YYYY", "the financial year that starts on 1 April YYYY", CLI_VALUE(opts, year) },
	{ "--format", "F", "csv, html, md or xlsx (default: csv)", CLI_VALUE(opts, format) },
	{ "--out", "DIR", "the folder the report is written into", CLI_VALUE(opts, out) },
	{ "--notes", "FILE", "the author's commentary (Markdown, a '## ' heading a section)",
	  CLI_VALUE(opts, notes) },
	{ NULL },
};

static int cmd_report(cli_ctx *cx, int argc, char **argv)
{
	opts o = { .format = "csv" };
	cli_words w;
	long year;
	tl_report *r = NULL;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.year || !o.out)
		return cli_usage(cx);
	if ((rc = cli_int(cx, o.year, "--year", 1997, 2098, &year)))
		return rc;
	int fmt = report_format_parse(o.format);
	if (fmt < 0)
		return err_set(&cx->err, TL_EINVAL, "--format: '%.40s' is not csv, html, md or xlsx",
			       o.format);
	if (o.notes && fmt != REPORT_HTML && fmt != REPORT_MD)
		return err_set(&cx->err, TL_EINVAL, "--notes: commentary goes into html and md only");
	if ((rc = report_run(cx->st, (int)year, &r, &cx->err)) == TL_OK && o.notes)
		rc = report_notes_load(r, o.notes, &cx->err);
	if (rc == TL_OK)
		rc = report_write(r, (tl_report_format)fmt, o.out, &cx->err);
	report_free(r);
	return rc;
}

const cli_cmd CLI_REPORT = {
	.name = "report", .fn = cmd_report,
	.usage = { "--year YYYY --format csv|html|md|xlsx --out DIR [--notes FILE]" },
	.summary = "the statutory annual report",
	.about = "The tables of SPEC section 5 for the year beside the year before, counted\n"
		 "from statutory complaints only. --notes puts the author's commentary under\n"
		 "each section of the HTML and Markdown (reports/README.md lists the headings).",
	.opts = OPTS,
};
