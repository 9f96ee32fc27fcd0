/* case_rules.c - the statutory procedure's rules for a case's stages.
 * Deadlines come from the case's own profile (the rules it was logged
 * under) and calendar (SPEC 3), from the stage's start or, where the
 * profile says so, its acknowledgement; the order rules refuse what the
 * regulations do not allow: a response before the stage began, stage 2
 * while stage 1 is running within its limit, stage 3 before stage 2 has
 * ended, anything after a withdrawal, an extension agreed after the
 * deadline it extends. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

#define FIELD(name) do { if (field) *field = (name); } while (0)

/* The rules a new case arrives with (an imported one): a profile's text,
 * of the profile the case names (or naming it when it names none). */
static int given_rules(tl_case *c, tl_profile *out, tl_err *err)
{
	tl_err why;
	if (proc_parse(c->rules_text, out, &why))
		return err_set(err, TL_EINVAL, "rules: %s", why.msg);
	if (!c->profile[0])
		snprintf(c->profile, sizeof c->profile, "%s", out->name);
	if (strcmp(c->profile, out->name))
		return err_set(err, TL_EINVAL, "rules: the text of profile '%.40s', not of '%.40s'",
			       out->name, c->profile);
	return TL_OK;
}

int case_profile(tl_store *st, tl_case *c, tl_profile *out, tl_err *err)
{
	int rc;

	if (c->rules)
		return store_profile_kept(st, c->rules, out, err);
	if (c->rules_text && *c->rules_text)
		return given_rules(c, out, err);
	if (!c->profile[0]) {
		const char *key = c->procedure == TL_PROC_CORPORATE ? "profile_corporate"
								     : "profile_statutory";
		if ((rc = store_setting_get(st, key, c->profile, sizeof c->profile, err)))
			return rc;
	}
	return store_profile(st, c->profile, out, err);
}

int case_calendar(tl_store *st, const tl_profile *p, const tl_calendar **out, tl_err *err)
{
	return store_calendar(st, p->closures, out, err);
}

int case_ack_due(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
		 tl_date *out, tl_err *err)
{
	*out = TL_NO_DATE;
	if (!ps || !ps->acknowledge || s->started == TL_NO_DATE)
		return TL_OK;
	return cal_add_workdays(cal, s->started, ps->acknowledge, out, err);
}

/* The LGSCO Code (and the Welsh regulations) run a stage's clock from its
 * acknowledgement: until there is one, from the last day to give it, so
 * that the due date shown is never later than the one the rules allow. A
 * restart (new concerns) after the acknowledgement runs from the restart. */
int case_clock_start(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
		     tl_date *out, tl_err *err)
{
	int rc;
	*out = s->started;
	if (!ps || !ps->from_ack)
		return TL_OK;
	tl_date from = s->acknowledged;
	if (from == TL_NO_DATE && (rc = case_ack_due(cal, ps, s, &from, err)))
		return rc;
	if (from > *out)
		*out = from;
	return TL_OK;
}

static int stage_deadlines(const tl_calendar *cal, const tl_profile_stage *ps, tl_stage *s, tl_err *err)
{
	tl_date from;
	int rc;
	if (s->number == 3 && s->panel != TL_NO_DATE && ps->after_panel) {
		/* After the panel: its report within 5 working days and the
		 * authority's response within 15 of that (20 in all). */
		if ((rc = cal_add_workdays(cal, s->panel, ps->after_panel, &s->due, err)))
			return rc;
		s->max_due = s->due;
		return TL_OK;
	}
	if ((rc = case_clock_start(cal, ps, s, &from, err)))
		return rc;
	int days = (s->extended ? ps->maximum : ps->standard) + s->paused_days;
	if ((rc = cal_add_workdays(cal, from, days, &s->due, err)))
		return rc;
	return cal_add_workdays(cal, from, ps->maximum + s->paused_days, &s->max_due, err);
}

/* SPEC 14: an extension is agreed on a day within the limit it extends,
 * so a stage already overdue can never become "in time" again. The limit
 * is the standard deadline as it stood that day: moved by the pauses
 * before it, and by a pause still running then. */
static int check_extension(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
			   const char **field, tl_err *err)
{
	static const char *on[] = { "", "stage1_extended_on", "stage2_extended_on",
				    "stage3_extended_on" };
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	tl_date from, limit;
	int rc, stopped = 0;

	if (!s->extended || s->extended_on == TL_NO_DATE)
		return TL_OK;
	date_format(s->extended_on, a);
	/* Against the day the stage opened, not its last restart: an
	 * extension agreed before new concerns restarted the stage stays. */
	if (s->extended_on < s->opened) {
		FIELD(on[s->number]);
		date_format(s->opened, b);
		return err_set(err, TL_ESTATE, "%s: '%s' is before stage %d began (%s)", on[s->number],
			       a, s->number, b);
	}
	if (s->paused_since != TL_NO_DATE && s->extended_on > s->paused_since &&
	    (rc = cal_workdays_between(cal, s->paused_since, s->extended_on, &stopped, err)))
		return rc;
	if ((rc = case_clock_start(cal, ps, s, &from, err)) ||
	    (rc = cal_add_workdays(cal, from, ps->standard + s->paused_days + stopped, &limit, err)))
		return rc;
	if (s->extended_on <= limit)
		return TL_OK;
	FIELD(on[s->number]);
	date_format(limit, b);
	return err_set(err, TL_ESTATE, "%s: '%s' is after stage %d's deadline (%s): an extension is "
		       "agreed before the deadline it extends", on[s->number], a, s->number, b);
}

int case_compute(tl_store *st, tl_case *c, const char **field, tl_err *err)
{
	static const char *req[] = { "", "received", "stage2_requested", "stage3_requested" };
	static const char *ext[] = { "", "stage1_extended", "stage2_extended", "stage3_extended" };
	tl_profile p;
	const tl_calendar *cal;
	int rc;

	if (c->kind != TL_KIND_COMPLAINT)
		return TL_OK;
	if ((rc = case_profile(st, c, &p, err)) || (rc = case_calendar(st, &p, &cal, err)))
		return rc;
	for (size_t i = 0; i < c->n_stages; i++) {
		tl_stage *s = &c->stages[i];
		const tl_profile_stage *ps = proc_stage_get(&p, s->number);
		FIELD(req[s->number]);
		if (!ps)
			return err_set(err, TL_ESTATE, "stage%d: the %s procedure has no stage %d",
				       s->number, p.name, s->number);
		if (s->number == 1 && s->started == TL_NO_DATE)
			s->started = c->received;
		if (s->started == TL_NO_DATE)
			return err_set(err, TL_EINVAL, "stage%d_requested: a date is needed", s->number);
		if ((rc = stage_deadlines(cal, ps, s, err)))
			return rc;
		s->request_late = false;
		const tl_stage *prev = i ? &c->stages[i - 1] : NULL;
		if (prev && prev->responded != TL_NO_DATE) {
			tl_date window;
			if ((rc = cal_add_workdays(cal, prev->responded, p.request_window, &window, err)))
				return rc;
			s->request_late = s->started > window;
		}
		if (s->extended && ps->maximum == ps->standard) {
			FIELD(ext[s->number]);
			return err_set(err, TL_ESTATE, "stage%d_extended: stage %d of %s has no "
				       "extension", s->number, s->number, p.name);
		}
		if ((rc = check_extension(cal, ps, s, field, err)))
			return rc;
	}
	return TL_OK;
}

/* Has a stage ended with a response (not a withdrawal)? */
static bool answered(const tl_stage *s)
{
	return s->responded != TL_NO_DATE && s->outcome != TL_OUTCOME_WITHDRAWN;
}

static int check_one(const tl_stage *s, const tl_stage *prev, const char **field,
		     tl_err *err)
{
	static const char *resp[] = { "", "stage1_response", "stage2_response", "stage3_response" };
	static const char *outc[] = { "", "stage1_outcome", "stage2_outcome", "stage3_outcome" };
	static const char *req[] = { "", "received", "stage2_requested", "stage3_requested" };
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	int n = s->number;

	if (prev && prev->outcome == TL_OUTCOME_WITHDRAWN) {
		FIELD(req[n]);
		return err_set(err, TL_ESTATE, "%s: the complaint was withdrawn at stage %d",
			       req[n], prev->number);
	}
	if (prev && !answered(prev) && s->started <= prev->max_due) {
		date_format(prev->max_due, a);
		FIELD(req[n]);
		return err_set(err, TL_ESTATE, "%s: stage %d has had no response and is within "
			       "its limit (%s); stage %d can be asked for after that",
			       req[n], prev->number, a, n);
	}
	if (prev && answered(prev) && s->started < prev->responded) {
		date_format(prev->responded, a);
		FIELD(req[n]);
		return err_set(err, TL_ESTATE, "%s: is before the stage %d response (%s)",
			       req[n], prev->number, a);
	}
	if ((s->responded == TL_NO_DATE) != (s->outcome < 0)) {
		FIELD(s->outcome < 0 ? outc[n] : resp[n]);
		return err_set(err, TL_EINVAL, s->outcome < 0 ? "%s: a response needs an outcome"
			       : "%s: an outcome needs a response date",
			       s->outcome < 0 ? outc[n] : resp[n]);
	}
	if (s->responded != TL_NO_DATE && s->responded < s->started) {
		date_format(s->responded, a);
		date_format(s->started, b);
		FIELD(resp[n]);
		return err_set(err, TL_ESTATE, "%s: '%s' is before the stage began (%s)",
			       resp[n], a, b);
	}
	return TL_OK;
}

static int check_panel(const tl_stage *s, const char **field, tl_err *err)
{
	if (s->panel == TL_NO_DATE) {
		if (answered(s)) {
			FIELD("stage3_panel");
			return err_set(err, TL_ESTATE, "stage3_response: the review panel must be "
				       "held before the response (stage3_panel)");
		}
		return TL_OK;
	}
	if (s->panel < s->started || (s->responded != TL_NO_DATE && s->panel > s->responded)) {
		FIELD("stage3_panel");
		return err_set(err, TL_ESTATE, "stage3_panel: the panel must be held after the "
			       "request and before the response");
	}
	return TL_OK;
}

int case_check_stages(tl_store *st, const tl_case *c, const char **field, tl_err *err)
{
	int rc;
	(void)st;

	if (case_has_stages(c) && (c->n_stages == 0 || c->stages[0].number != 1)) {
		FIELD("received");
		return err_set(err, TL_EINVAL, "received: a complaint starts at stage 1");
	}
	for (size_t i = 0; i < c->n_stages; i++) {
		const tl_stage *s = &c->stages[i];
		if (s->number != (int)i + 1) {
			FIELD("stage2_requested");
			return err_set(err, TL_EINVAL, "stage2_requested: stages must follow each "
				       "other: 1, 2, 3");
		}
		if ((rc = check_one(s, i ? &c->stages[i - 1] : NULL, field, err)))
			return rc;
		if (s->number == 3 && (rc = check_panel(s, field, err)))
			return rc;
	}
	return TL_OK;
}

int case_check_causes(tl_store *st, const tl_case *c, const char **field, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = TL_OK;

	if (c->n_causes == 0)
		return TL_OK;
	if ((rc = store_stmt(st, "SELECT 1 FROM causes WHERE code = ?", &s, err)))
		return rc;
	for (size_t i = 0; i < c->n_causes && rc == TL_OK; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(c->causes[i], c->causes[j]) == 0) {
				FIELD("causes");
				rc = err_set(err, TL_EINVAL, "causes: '%.40s' is given twice", c->causes[i]);
			}
		if (rc || store_list_known(st, STORE_MEMO_CAUSES, c->causes[i]))
			continue;
		sqlite3_bind_text(s, 1, c->causes[i], -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_ROW) {
			FIELD("causes");
			rc = err_set(err, TL_EINVAL, "causes: '%.40s' is not a known cause (see "
				     "tellus causes)", c->causes[i]);
		} else {
			store_list_know(st, STORE_MEMO_CAUSES, c->causes[i]);
		}
		sqlite3_reset(s);
	}
	store_stmt_done(st, s);
	return rc;
}
