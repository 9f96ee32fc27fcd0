/* case_status.c - where a case stands on a given day, and the lists of
 * open cases (due soon, overdue) the manager and officers work from. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

int case_stage_status(tl_store *st, const tl_case *c, const tl_stage *s, tl_date today,
		      int soon_days, tl_stage_status *out, tl_err *err)
{
	tl_profile p;
	const tl_calendar *cal;
	tl_case tmp = *c; /* case_profile may fill in the profile name */
	int rc, stopped = 0;

	memset(out, 0, sizeof *out);
	out->next_by = TL_NO_DATE;
	if ((rc = case_profile(st, &tmp, &p, err)) || (rc = case_calendar(st, &p, &cal, err)))
		return rc;
	if (s->responded != TL_NO_DATE) {
		out->state = CASE_DONE;
		if ((rc = cal_workdays_between(cal, s->started, s->responded, &out->days_taken, err)))
			return rc;
		out->days_taken -= s->paused_days;
		if (s->outcome != TL_OUTCOME_WITHDRAWN && proc_stage_get(&p, s->number + 1))
			rc = cal_add_workdays(cal, s->responded, p.request_window, &out->next_by, err);
		return rc;
	}
	tl_date due = s->due;
	/* A stopped clock keeps moving the due date while it stays stopped. */
	if (s->paused_since != TL_NO_DATE && today > s->paused_since &&
	    ((rc = cal_workdays_between(cal, s->paused_since, today, &stopped, err)) ||
	     (rc = cal_add_workdays(cal, due, stopped, &due, err))))
		return rc;
	if ((rc = cal_workdays_between(cal, today, due, &out->days_left, err)) ||
	    (rc = cal_workdays_between(cal, s->started, today, &out->days_taken, err)))
		return rc;
	out->days_taken -= s->paused_days + stopped;
	out->state = today > due ? CASE_OVERDUE
		   : out->days_left <= soon_days ? CASE_DUE_SOON : CASE_IN_TIME;
	out->may_escalate = today > s->max_due && s->paused_since == TL_NO_DATE;
	return TL_OK;
}

static bool wanted(tl_store *st, const tl_case_filter *f, const tl_case *c, tl_err *err, int *rc)
{
	const tl_stage *s = case_current_stage(c);
	tl_stage_status stat;

	*rc = TL_OK;
	if (f->include_closed || f->flagged_only)
		return true;
	if (!s || s->responded != TL_NO_DATE)
		return false;
	if (!f->overdue_only && f->due_within < 0)
		return true;
	if ((*rc = case_stage_status(st, c, s, store_today(st), f->due_within < 0 ? 0 : f->due_within,
				     &stat, err)))
		return false;
	return stat.state == CASE_OVERDUE || (!f->overdue_only && stat.state == CASE_DUE_SOON);
}

int case_list(tl_store *st, const tl_case_filter *f, case_visit_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	/* Open cases by due date; with include_closed, every case by date. */
	if (sqlite3_prepare_v2(store_db(st),
		"SELECT c.ref FROM cases c LEFT JOIN stages s ON s.case_id = c.id"
		" AND s.stage = (SELECT max(stage) FROM stages WHERE case_id = c.id)"
		" WHERE (?1 IS NULL OR c.officer = ?1)"
		" AND (NOT ?3 OR (c.unsafe AND c.safety_handled IS NULL))"
		" AND (?2 OR ?3 OR (s.responded IS NULL AND s.id IS NOT NULL"
		"   AND c.procedure <> 'not_eligible'))"
		" ORDER BY CASE WHEN ?3 THEN -julianday(c.received) WHEN ?2 THEN c.received"
		" ELSE s.due END, c.ref", -1, &q, NULL))
		return store_fail(st, err, "listing cases");
	if (f->officer)
		sqlite3_bind_text(q, 1, f->officer, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, f->include_closed);
	sqlite3_bind_int(q, 3, f->flagged_only);
	while (rc == TL_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		tl_case c;
		rc = case_get(st, (const char *)sqlite3_column_text(q, 0), &c, err);
		if (rc)
			break;
		if (wanted(st, f, &c, err, &rc) && rc == TL_OK)
			rc = fn(&c, arg);
		case_clear(&c);
	}
	if (rc == SQLITE_DONE)
		rc = TL_OK;
	sqlite3_finalize(q);
	return rc;
}
