/* cmd_edit.c - `tellus edit REF FIELD VALUE --why TEXT`: corrects one
 * field of a case (case_edit), audited with the old and new value and the
 * reason; a corrected received date moves the deadlines. */
#include <string.h>
#include "cli.h"
#include "tellus/case.h"
#include "tellus/staff.h"

typedef struct {
	const char *why;
} opts;

static const cli_opt OPTS[] = {
	{ "--why", "TEXT", "why it is corrected (required; kept in the audit trail)",
	  CLI_VALUE(opts, why) },
	{ NULL },
};

static int cmd_edit(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (!o.why)
		return err_set(&cx->err, TL_EINVAL, "--why: is required (why the %s is corrected)",
			       w.v[1]);
	/* As log checks --officer; here, not in the core, so that a move
	 * replayed at the register is not held to a device's staff list. */
	if (!strcmp(w.v[1], "officer") && *w.v[2] &&
	    (rc = staff_check_officer(cx->st, w.v[2], &cx->err))) {
		err_prefix(&cx->err, "officer");
		return rc;
	}
	return case_edit(cx->st, w.v[0], w.v[1], w.v[2], o.why, &cx->err);
}

const cli_cmd CLI_EDIT = {
	.name = "edit", .fn = cmd_edit,
	.usage = { "REF FIELD VALUE --why TEXT" },
	.summary = "correct a field of a case",
	.about = "FIELD is one of service_area, team, complainant, channel, received,\n"
		 "on_behalf, officer, consent_to_publish, advocacy, matter_date,\n"
		 "complainant_name, child_name, contact, summary, desired, late_reason.\n"
		 "VALUE is written as in a file: a word of its list, yes or no, YYYY-MM-DD,\n"
		 "a configured service area or team; \"\" clears an optional field. The audit\n"
		 "trail keeps the old and new value and why (for a person's own words, the\n"
		 "field: the words are kept with the case until retention removes them).",
	.opts = OPTS, .min_words = 3, .max_words = 3,
};
