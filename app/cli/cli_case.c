/* cli_case.c - the words show, list and due share about a case: working
 * days in the singular and plural, where an open stage stands, and the
 * check of an officer's name. */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "tellus/staff.h"

const char *cli_days(int n)
{
	return n == 1 || n == -1 ? "working day" : "working days";
}

char *cli_left(const tl_stage_status *st, const tl_stage *s, char *out, size_t cap)
{
	if (st->state == CASE_NO_CLOCK)
		snprintf(out, cap, "no clock");
	else if (s->paused_since != TL_NO_DATE)
		snprintf(out, cap, "clock stopped");
	else if (st->days_left == 0 && st->state != CASE_OVERDUE)
		snprintf(out, cap, "due today");
	else {
		/* By hand: `list` says this of each of thousands of open cases. */
		char num[16], *p = num + sizeof num;
		unsigned v = (unsigned)abs(st->days_left);
		*--p = '\0';
		do
			*--p = (char)('0' + v % 10);
		while (v /= 10);
		const char *parts[] = { p, " ", cli_days(st->days_left), " ",
					st->days_left < 0 ? "late" : "left" };
		size_t n = 0;
		for (size_t i = 0; i < 5 && cap; i++)
			for (const char *c = parts[i]; *c && n + 1 < cap; c++)
				out[n++] = *c;
		if (cap)
			out[n] = '\0';
	}
	return out;
}

int cli_officer(cli_ctx *cx, const char *name)
{
	int rc = staff_check_officer(cx->st, name, &cx->err);
	if (rc)
		err_prefix(&cx->err, "--officer");
	return rc;
}
