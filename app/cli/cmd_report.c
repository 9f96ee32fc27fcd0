/* cmd_report.c - `tellus report --year Y --format csv|html|md --out DIR`:
 * the statutory annual report for financial year Y (1 April Y to 31 March
 * Y+1), computed by the core and written into DIR. */
#include <string.h>
#include "tellus/report.h"
#include "cli.h"

int cmd_report(cli_ctx *cx, int argc, char **argv)
{
	static const char usage[] = "report --year YYYY --format csv|html|md --out DIR";
	const char *out = NULL, *fmt_word = "csv";
	long year = 0;
	tl_report *r = NULL;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char **dst = !strcmp(argv[i], "--out") ? &out :
				   !strcmp(argv[i], "--format") ? &fmt_word : NULL;
		if (!strcmp(argv[i], "--year")) {
			const char *v = cli_value(cx, argc, argv, &i);
			if (!v || (rc = cli_int(cx, v, "--year", 1997, 2098, &year)))
				return v ? rc : TL_EINVAL;
		} else if (dst) {
			if (!(*dst = cli_value(cx, argc, argv, &i)))
				return TL_EINVAL;
		} else {
			return cli_usage(cx, usage);
		}
	}
	int fmt = report_format_parse(fmt_word);
	if (!year || !out)
		return cli_usage(cx, usage);
	if (fmt < 0)
		return err_set(&cx->err, TL_EINVAL, "--format: '%.20s' is not csv, html or md",
			       fmt_word);
	if ((rc = report_run(cx->st, (int)year, &r, &cx->err)) == TL_OK)
		rc = report_write(r, (tl_report_format)fmt, out, &cx->err);
	report_free(r);
	return rc;
}
