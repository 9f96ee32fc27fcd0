/* case_status.c - where a case stands on a given day, and the lists of
 * cases (open, due soon, overdue, flagged, all) the manager and officers
 * work from. A list is one query over the indexes of what is open
 * (migration 9: open stages by due date, safety concerns not yet
 * handled), so its time follows the open cases, not the register (SPEC
 * 10); it reads no person's words. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

bool case_runs_clock(const tl_case *c)
{
	return case_has_stages(c) && c->procedure != TL_PROC_NOT_ELIGIBLE;
}

/* The acknowledgement of s: its deadline, and whether it is still wanted
 * or was (or is) late. */
static int ack_status(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
		      tl_date today, tl_stage_status *out, tl_err *err)
{
	int rc = case_ack_due(cal, ps, s, &out->ack_due, err);
	if (rc || out->ack_due == TL_NO_DATE)
		return rc;
	tl_date by = s->acknowledged != TL_NO_DATE ? s->acknowledged
		   : s->responded != TL_NO_DATE ? s->responded : today;
	out->ack_late = by > out->ack_due;
	out->ack_wanted = s->acknowledged == TL_NO_DATE && s->responded == TL_NO_DATE;
	if (out->ack_wanted)
		rc = cal_workdays_between(cal, today, out->ack_due, &out->ack_days_left, err);
	return rc;
}

static int done_status(const tl_calendar *cal, const tl_profile *p, const tl_case *c,
		       const tl_stage *s, tl_stage_status *out, tl_err *err)
{
	int rc;
	out->state = CASE_DONE;
	if ((rc = cal_workdays_between(cal, s->started, s->responded, &out->days_taken, err)))
		return rc;
	out->days_taken -= s->paused_days;
	out->late = case_runs_clock(c) && s->outcome != TL_OUTCOME_WITHDRAWN &&
		    s->responded > s->due;
	if (s->outcome != TL_OUTCOME_WITHDRAWN && case_runs_clock(c) &&
	    proc_stage_get(p, s->number + 1))
		rc = cal_add_workdays(cal, s->responded, p->request_window, &out->next_by, err);
	return rc;
}

int case_stage_status(tl_store *st, const tl_case *c, const tl_stage *s, tl_date today,
		      int soon_days, tl_stage_status *out, tl_err *err)
{
	tl_profile p;
	const tl_calendar *cal;
	tl_case tmp = *c; /* case_profile may fill in the profile name */
	int rc, stopped = 0;

	memset(out, 0, sizeof *out);
	out->next_by = out->ack_due = TL_NO_DATE;
	out->due = s->due;
	if ((rc = case_profile(st, &tmp, &p, err)) || (rc = case_calendar(st, &p, &cal, err)))
		return rc;
	const tl_profile_stage *ps = proc_stage_get(&p, s->number);
	if ((rc = case_clock_start(cal, ps, s, &out->clock_from, err)))
		return rc;
	if (s->responded != TL_NO_DATE)
		return (rc = done_status(cal, &p, c, s, out, err)) ? rc
			: case_runs_clock(c) ? ack_status(cal, ps, s, today, out, err) : TL_OK;
	if (!case_runs_clock(c)) {
		out->state = CASE_NO_CLOCK;
		out->due = TL_NO_DATE;
		return TL_OK;
	}
	/* A stopped clock keeps moving the due date while it stays stopped. */
	if (s->paused_since != TL_NO_DATE && today > s->paused_since &&
	    ((rc = cal_workdays_between(cal, s->paused_since, today, &stopped, err)) ||
	     (rc = cal_add_workdays(cal, out->due, stopped, &out->due, err))))
		return rc;
	if ((rc = cal_workdays_between(cal, today, out->due, &out->days_left, err)) ||
	    (rc = cal_workdays_between(cal, s->started, today, &out->days_taken, err)))
		return rc;
	out->days_taken -= s->paused_days + stopped;
	out->state = today > out->due ? CASE_OVERDUE
		   : out->days_left <= soon_days ? CASE_DUE_SOON : CASE_IN_TIME;
	out->may_escalate = today > s->max_due && s->paused_since == TL_NO_DATE;
	return ack_status(cal, ps, s, today, out, err);
}

/* The lists' queries. Each reads the case's own columns (CASE_COLS, with
 * no person's words: a list shows none) and its current stage's, through
 * an index of what it lists; ?1 and ?2 narrow by officer and service. */
#define LIST_CASE_COLS                                                               \
	"c.id, c.ref, c.kind, c.received, c.procedure, c.profile, c.channel,"       \
	" c.complainant, c.on_behalf, c.officer, c.service_area, c.team, NULL,"     \
	" NULL, NULL, c.late_reason, c.consent_to_publish, c.advocacy,"            \
	" c.unsafe, c.matter_date, c.safety_handled, NULL, c.safety_ref, c.rules,"  \
	" c.assessed_why"
#define LIST_NARROW " AND (?1 IS NULL OR c.officer = ?1)" \
	" AND (?2 IS NULL OR c.service_area = ?2 COLLATE NOCASE)"
#define LIST_NO_STAGE \
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
/* Safety concerns not yet handled (index cases_flagged), newest first. */
#define LIST_FLAGGED                                                                 \
	"SELECT 0, -julianday(c.received), " LIST_CASE_COLS ", " LIST_NO_STAGE       \
	" FROM cases c WHERE c.unsafe AND c.safety_handled IS NULL" LIST_NARROW
/* Open stages (index stages_open_due) that are their case's latest. */
#define LIST_OPEN                                                                    \
	"SELECT 1, julianday(s.due), " LIST_CASE_COLS ", " CASE_STAGE_COLS           \
	" FROM stages s JOIN cases c ON c.id = s.case_id WHERE s.responded IS NULL"  \
	" AND NOT EXISTS (SELECT 1 FROM stages n WHERE n.case_id = s.case_id"        \
	" AND n.stage > s.stage) AND c.procedure <> 'not_eligible'" LIST_NARROW
/* Every case by date (index cases_by_received), with its latest stage. */
#define LIST_ALL                                                                     \
	"SELECT 2, 0, " LIST_CASE_COLS ", " CASE_STAGE_COLS                          \
	" FROM cases c LEFT JOIN stages s ON s.case_id = c.id AND s.stage ="         \
	" (SELECT max(stage) FROM stages m WHERE m.case_id = c.id) WHERE 1" LIST_NARROW
static bool wanted(tl_store *st, const tl_case_filter *f, const tl_case *c, tl_err *err, int *rc)
{
	const tl_stage *s = case_current_stage(c);
	tl_stage_status stat;

	*rc = TL_OK;
	if (f->include_closed || c->unsafe || (!f->overdue_only && f->due_within < 0))
		return true;
	if (!s || (*rc = case_stage_status(st, c, s, store_today(st),
					   f->due_within < 0 ? 0 : f->due_within, &stat, err)))
		return false;
	return stat.state == CASE_OVERDUE || (!f->overdue_only && stat.state == CASE_DUE_SOON);
}

/* The case of the row q is on: its own columns after the two sort keys,
 * then its current stage's when it has one. */
static int read_listed(sqlite3_stmt *q, tl_case *c, tl_err *err)
{
	int rc = case_read_row(q, 2, c, err);
	if (rc == TL_OK && sqlite3_column_type(q, 2 + CASE_NCOLS) != SQLITE_NULL)
		rc = case_read_stage(q, 2 + CASE_NCOLS, c, err);
	return rc;
}

/* The statement for sql (a literal, kept by the store), narrowed. */
static int list_stmt(tl_store *st, const char *sql, const tl_case_filter *f, sqlite3_stmt **q,
		     tl_err *err)
{
	int rc = store_stmt(st, sql, q, err);
	if (rc == TL_OK && f->officer)
		sqlite3_bind_text(*q, 1, f->officer, -1, SQLITE_STATIC);
	if (rc == TL_OK && f->service)
		sqlite3_bind_text(*q, 2, f->service, -1, SQLITE_STATIC);
	return rc;
}

static int list_prepare(tl_store *st, const tl_case_filter *f, sqlite3_stmt **q, tl_err *err)
{
	if (f->include_closed)
		return list_stmt(st, LIST_ALL " ORDER BY c.received, c.ref", f, q, err);
	if (f->flagged_only)
		return list_stmt(st, LIST_FLAGGED " ORDER BY 2, c.ref", f, q, err);
	if (f->with_flagged)
		return list_stmt(st, LIST_FLAGGED " UNION ALL " LIST_OPEN " ORDER BY 1, 2, 4", f, q,
				 err);
	return list_stmt(st, LIST_OPEN " ORDER BY s.due, c.ref", f, q, err);
}

int case_list(tl_store *st, const tl_case_filter *f, case_visit_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc, step = SQLITE_DONE;

	if ((rc = list_prepare(st, f, &q, err)))
		return rc;
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		tl_case c;
		case_init(&c);
		if ((rc = read_listed(q, &c, err)) == TL_OK && wanted(st, f, &c, err, &rc) &&
		    rc == TL_OK)
			rc = fn(&c, arg);
		case_clear(&c);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "listing cases");
	store_stmt_done(st, q);
	return rc;
}
