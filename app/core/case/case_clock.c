/* case_clock.c - stopping and restarting a stage's clock (SPEC 3).
 * Paused working days move the due date and do not count as days taken;
 * "new concerns raised" restarts the stage from that day instead. Every
 * pause is a row of stage_pauses as well as an audit entry. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

static int pause_row(tl_store *st, const tl_case *c, const tl_stage *s, const char *sql,
		     tl_date d, int reason_or_days, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN];
	int rc;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL))
		return store_fail(st, err, "recording a pause");
	date_format(d, day);
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_int(q, 2, s->number);
	sqlite3_bind_text(q, 3, day, -1, SQLITE_TRANSIENT);
	if (strstr(sql, "INSERT"))
		sqlite3_bind_text(q, 4, words_word(&WS_PAUSE, reason_or_days), -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(q, 4, reason_or_days);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "recording a pause");
	sqlite3_finalize(q);
	return rc;
}

static const char SQL_PAUSE[] =
	"INSERT INTO stage_pauses(stage_id, paused, reason, resumed, days)"
	" SELECT id, ?3, ?4, CASE ?4 WHEN 'new_concerns' THEN ?3 END,"
	" CASE ?4 WHEN 'new_concerns' THEN 0 END"
	" FROM stages WHERE case_id = ?1 AND stage = ?2";
static const char SQL_RESUME[] =
	"UPDATE stage_pauses SET resumed = ?3, days = ?4 WHERE resumed IS NULL AND stage_id ="
	" (SELECT id FROM stages WHERE case_id = ?1 AND stage = ?2)";

/* The day the stage's clock last restarted after a pause (TL_NO_DATE for
 * none): pauses are recorded in order, so a new one can never go back
 * inside one already counted. */
static int last_restart(tl_store *st, const tl_case *c, const tl_stage *s, tl_date *out,
			tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	*out = TL_NO_DATE;
	if (sqlite3_prepare_v2(store_db(st), "SELECT max(resumed) FROM stage_pauses WHERE stage_id ="
			       " (SELECT id FROM stages WHERE case_id = ? AND stage = ?)", -1, &q, NULL))
		return store_fail(st, err, "reading pauses");
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_int(q, 2, s->number);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		rc = date_parse((const char *)sqlite3_column_text(q, 0), out, "stage_pauses", err);
	sqlite3_finalize(q);
	return rc;
}

static int mv_pause(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	tl_stage *s;
	tl_date restarted;
	int rc;

	if ((rc = case_open_stage(c, 0, &s, err)))
		return rc;
	if (s->paused_since != TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: the clock of stage %d is already stopped", c->ref,
			       s->number);
	if (a->when < s->started)
		return err_set(err, TL_ESTATE, "%s: the clock cannot stop before the stage began",
			       c->ref);
	if ((rc = last_restart(st, c, s, &restarted, err)))
		return rc;
	if (a->when < restarted) {
		char day[TL_DATE_LEN];
		date_format(restarted, day);
		return err_set(err, TL_ESTATE, "%s: the clock cannot stop before %s, when it last "
			       "restarted: pauses are recorded in the order they happen", c->ref, day);
	}
	if (a->value == words_find(&WS_PAUSE, "new_concerns")) {
		s->started = a->when;
		s->paused_days = 0;
	} else {
		s->paused_since = a->when;
	}
	case_detail(detail, cap, "clock stopped", s->number, a->when, words_word(&WS_PAUSE, a->value));
	return pause_row(st, c, s, SQL_PAUSE, a->when, a->value, err);
}

int case_pause(tl_store *st, const char *ref, tl_date when, int reason, tl_err *err)
{
	tl_move_arg a = { .when = when, .value = reason };
	if (reason < 0 || (size_t)reason >= WS_PAUSE.n)
		return err_set(err, TL_EINVAL, "reason: unknown pause reason");
	return case_apply(st, ref, "pause", mv_pause, &a, err);
}

static int mv_resume(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	tl_stage *s;
	tl_profile p;
	const tl_calendar *cal;
	int rc, days;

	if ((rc = case_open_stage(c, 0, &s, err)))
		return rc;
	if (s->paused_since == TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: the clock of stage %d is not stopped", c->ref, s->number);
	if (a->when < s->paused_since)
		return err_set(err, TL_ESTATE, "%s: the clock cannot restart before it stopped",
			       c->ref);
	if ((rc = case_profile(st, c, &p, err)) || (rc = case_calendar(st, &p, &cal, err)) ||
	    (rc = cal_workdays_between(cal, s->paused_since, a->when, &days, err)))
		return rc;
	s->paused_days += days;
	s->paused_since = TL_NO_DATE;
	char extra[48];
	snprintf(extra, sizeof extra, "paused_days=%d", days);
	case_detail(detail, cap, "clock restarted", s->number, a->when, extra);
	return pause_row(st, c, s, SQL_RESUME, a->when, days, err);
}

int case_resume(tl_store *st, const char *ref, tl_date when, tl_err *err)
{
	tl_move_arg a = { .when = when };
	return case_apply(st, ref, "resume", mv_resume, &a, err);
}
