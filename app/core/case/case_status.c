/* case_status.c - where a case stands on a given day, and the lists of
 * cases (open, due soon, overdue, flagged, all) the manager and officers
 * work from. A list is one query over small covering indexes of what is
 * open (migration 11), so its time follows the open cases, not the
 * register (SPEC 10); it reads no person's words. */
#include <stdio.h>
#include <stdlib.h>
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

/* The lists' queries. Each reads what a list shows of a case (the columns
 * of CASE_COLS, NULL for the rest: no person's words) and its current
 * stage's, through indexes of what it lists; ?1 and ?2 narrow by officer
 * and service. */
#define LIST_CASE_COLS                                                               \
	"c.id, c.ref, c.kind, c.received, c.procedure, c.profile, c.channel,"       \
	" c.complainant, c.on_behalf, c.officer, c.service_area, c.team, NULL, NULL," \
	" NULL, NULL, 0, 0, c.unsafe, NULL, c.safety_handled, NULL, c.safety_ref,"  \
	" c.rules, NULL, 0, NULL, NULL, NULL, NULL, NULL"
#define LIST_NARROW " AND (?1 IS NULL OR c.officer = ?1)" \
	" AND (?2 IS NULL OR c.service_area = ?2 COLLATE NOCASE)"
#define LIST_NO_STAGE \
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL," \
	" NULL"
/* Safety concerns not yet handled (index cases_flagged), newest first. */
#define LIST_FLAGGED                                                                 \
	"SELECT " LIST_CASE_COLS ", " LIST_NO_STAGE " FROM cases c"                 \
	" WHERE c.unsafe AND c.safety_handled IS NULL" LIST_NARROW                   \
	" ORDER BY c.received DESC, c.ref"
/* Open stages by due date (the covering index stages_open_due) that are
 * their case's open stage (the covering index cases_open, rule 8 of
 * tally.sql.h): two small indexes, however large the register. In the
 * index's order: cases due the same day are put in reference order by
 * list_run (SQLite would copy every listed column of every row through
 * its sorter for that). */
#define LIST_OPEN                                                                    \
	"SELECT " LIST_CASE_COLS ", s.stage, s.started, s.due, s.max_due, s.extended,"  \
	" NULL, NULL, s.request_late, s.panel, s.responded, NULL, s.paused_days,"    \
	" s.paused_since, s.acknowledged, s.extended_on, NULL"                        \
	" FROM stages s JOIN cases c INDEXED BY cases_open ON c.id = s.case_id"      \
	" AND c.open_stage = s.stage WHERE s.responded IS NULL AND c.open_stage > 0" \
	" AND c.procedure <> 'not_eligible'" LIST_NARROW " ORDER BY s.due"
/* Every case by date with its latest stage: the cases in the order they
 * lie in the file, sorted by SQLite as they go (a million random reads in
 * date order cost ten times as much), never gathered here. */
#define LIST_ALL                                                                     \
	"SELECT " LIST_CASE_COLS ", " CASE_STAGE_COLS                                \
	" FROM cases c NOT INDEXED LEFT JOIN stages s ON s.case_id = c.id AND s.stage =" \
	" (SELECT max(stage) FROM stages m WHERE m.case_id = c.id) WHERE 1" LIST_NARROW \
	" ORDER BY c.received, c.ref"

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

/* The case of the row q is on: its own columns, then its current stage's
 * when it has one. */
static int read_listed(sqlite3_stmt *q, tl_case *c, tl_err *err)
{
	int rc = case_read_row(q, 0, c, err);
	if (rc == TL_OK && sqlite3_column_type(q, CASE_NCOLS) != SQLITE_NULL)
		rc = case_read_stage(q, CASE_NCOLS, c, err);
	return rc;
}

/* The list's statement (kept by the store), narrowed. */
static int list_prepare(tl_store *st, const tl_case_filter *f, bool flagged, sqlite3_stmt **q,
			tl_err *err)
{
	int rc;
	if (f->include_closed)
		rc = store_stmt(st, LIST_ALL, q, err);
	else if (flagged)
		rc = store_stmt(st, LIST_FLAGGED, q, err);
	else
		rc = store_stmt(st, LIST_OPEN, q, err);
	if (rc == TL_OK && f->officer)
		sqlite3_bind_text(*q, 1, f->officer, -1, SQLITE_STATIC);
	if (rc == TL_OK && f->service)
		sqlite3_bind_text(*q, 2, f->service, -1, SQLITE_STATIC);
	return rc;
}

/* The open list's cases due on one day, held until the day changes. */
typedef struct {
	tl_case *c;
	size_t n, cap;
	bool by_due;   /* the open list: held and sorted; the others pass through */
} due_day;

static int by_ref(const void *a, const void *b)
{
	return strcmp(((const tl_case *)a)->ref, ((const tl_case *)b)->ref);
}

/* The day's cases in reference order to fn; each is cleared. */
static int day_flush(due_day *d, case_visit_fn fn, void *arg)
{
	int rc = TL_OK;
	if (d->n > 1)
		qsort(d->c, d->n, sizeof *d->c, by_ref);
	for (size_t i = 0; i < d->n; i++) {
		if (rc == TL_OK)
			rc = fn(&d->c[i], arg);
		case_clear(&d->c[i]);
	}
	d->n = 0;
	return rc;
}

/* Takes c (its fields now d's): to fn at once, or held with the others
 * due the same day, the day before handed on first. */
static int day_take(due_day *d, tl_case *c, case_visit_fn fn, void *arg, tl_err *err)
{
	int rc = TL_OK;
	if (!d->by_due) {
		rc = fn(c, arg);
		case_clear(c);
		return rc;
	}
	if (d->n && case_current_stage(&d->c[0])->due != case_current_stage(c)->due &&
	    (rc = day_flush(d, fn, arg)))
		return case_clear(c), rc;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		tl_case *more = realloc(d->c, cap * sizeof *more);
		if (!more)
			return case_clear(c), err_set(err, TL_ENOMEM, "listing cases: out of memory");
		d->c = more;
		d->cap = cap;
	}
	d->c[d->n++] = *c;
	return TL_OK;
}

/* One list: its query, each row's case to fn. */
static int list_run(tl_store *st, const tl_case_filter *f, bool flagged, case_visit_fn fn,
		    void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	due_day day = { .by_due = !f->include_closed && !flagged };
	int rc, step = SQLITE_DONE;

	if ((rc = list_prepare(st, f, flagged, &q, err)))
		return rc;
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		tl_case c;
		case_init(&c);
		if ((rc = read_listed(q, &c, err)) == TL_OK && wanted(st, f, &c, err, &rc) &&
		    rc == TL_OK)
			rc = day_take(&day, &c, fn, arg, err);
		else
			case_clear(&c);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "listing cases");
	store_stmt_done(st, q);
	if (rc == TL_OK)
		rc = day_flush(&day, fn, arg);
	for (size_t i = 0; i < day.n; i++)
		case_clear(&day.c[i]);
	free(day.c);
	return rc;
}

int case_list(tl_store *st, const tl_case_filter *f, case_visit_fn fn, void *arg, tl_err *err)
{
	int rc = TL_OK;
	if (!f->include_closed && (f->flagged_only || f->with_flagged))
		rc = list_run(st, f, true, fn, arg, err);
	if (rc == TL_OK && (f->include_closed || !f->flagged_only))
		rc = list_run(st, f, false, fn, arg, err);
	return rc;
}
