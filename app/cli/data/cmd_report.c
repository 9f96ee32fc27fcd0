/* cmd_report.c - `tellus report --year Y --format csv|html|md --out DIR`:
 * the statutory annual report for financial year Y (1 April Y to 31 March
 * Y+1), computed by the core and written into DIR. */
#include "tellus/report.h"
#include "cli.h"

typedef struct {
	const char *year, *format, *out;
} opts;

static const cli_opt OPTS[] = {
	{ "--year", "YYYY", "the financial year that starts on 1 April YYYY", CLI_VALUE(opts, year) },
	{ "--format", "F", "csv, html or md (default: csv)", CLI_VALUE(opts, format) },
	{ "--out", "DIR", "the folder the report is written into", CLI_VALUE(opts, out) },
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
		return err_set(&cx->err, TL_EINVAL, "--format: '%.40s' is not csv, html or md",
			       o.format);
	if ((rc = report_run(cx->st, (int)year, &r, &cx->err)) == TL_OK)
		rc = report_write(r, (tl_report_format)fmt, o.out, &cx->err);
	report_free(r);
	return rc;
}

const cli_cmd CLI_REPORT = {
	.name = "report", .fn = cmd_report,
	.usage = { "--year YYYY --format csv|html|md --out DIR" },
	.summary = "the statutory annual report",
	.about = "The tables of SPEC section 5 for the year beside the year before, counted\n"
		 "from statutory complaints only.",
	.opts = OPTS,
};
