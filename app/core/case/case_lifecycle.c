/* case_lifecycle.c - the moves of the procedure. Each move reads the case,
 * changes it in memory, recomputes its deadlines, checks the whole case
 * against the rules, and only then writes it, with an audit entry, in one
 * transaction: a refused move changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"
#include "sync/sync_record.h"


/* Did the move change the causes? Writing them again when it did not
 * would count the case's stages out of the report's totals and back in
 * (the causes_key triggers), for every response and pause. */
static bool causes_changed(const tl_case *c, const char (*before)[CASE_CAUSE_MAX], size_t n)
{
	if (c->n_causes != n)
		return true;
	for (size_t i = 0; i < n; i++)
		if (strcmp(c->causes[i], before[i]))
			return true;
	return false;
}

/* Writes back what a move may change: the procedure and why, causes,
 * stages. */
static int save_moved(tl_store *st, const tl_case *c, bool causes, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = store_stmt(st, "UPDATE cases SET procedure = ?, assessed_why = ? WHERE id = ?",
			     &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, words_word(&WS_PROCEDURE, c->procedure), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, c->assessed_why ? c->assessed_why : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, c->id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a case");
	store_stmt_done(st, q);
	if (rc || (causes && (rc = case_causes_save(st, c, err))))
		return rc;
	for (size_t i = 0; i < c->n_stages && rc == TL_OK; i++)
		rc = case_stage_save(st, c, &c->stages[i], err);
	return rc;
}

int case_apply(tl_store *st, const char *ref, const char *action, move_fn fn, tl_move_arg *a,
	       tl_err *err)
{
	tl_case c;
	char detail[600] = "", causes[CASE_MAX_CAUSES][CASE_CAUSE_MAX];
	size_t n_causes;
	int rc;

	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = case_get(st, ref, &c, err)))
		goto cleanup;
	n_causes = c.n_causes;
	memcpy(causes, c.causes, sizeof causes);
	if ((rc = fn(st, &c, a, detail, sizeof detail, err)) || (rc = case_compute(st, &c, NULL, err)) ||
	    (rc = case_check(st, &c, NULL, err)) ||
	    (rc = save_moved(st, &c, causes_changed(&c, causes, n_causes), err)))
		goto cleanup;
	/* On a device the move is written down for the register in the same
	 * transaction (sync.h): every move through here travels. */
	if ((rc = store_audit(st, action, c.ref, detail, err)) == TL_OK)
		rc = sync_record_arg(st, action, c.ref, a, err);
cleanup:
	case_clear(&c);
	return store_end(st, rc, err);
}

/* The open (latest, unanswered) stage of a complaint, or a refusal. */
int case_open_stage(tl_case *c, int want, tl_stage **out, tl_err *err)
{
	int rc = case_refuse_safety(c, err);
	if (rc)
		return rc;
	if (c->kind != TL_KIND_COMPLAINT)
		return err_set(err, TL_ESTATE, "%s: a compliment has no stages", c->ref);
	tl_stage *s = want ? case_stage_of(c, want) : (c->n_stages ? &c->stages[c->n_stages - 1] : NULL);
	if (!s)
		return err_set(err, TL_ESTATE, "%s: has no stage %d", c->ref, want);
	if (s->responded != TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: stage %d has already ended (%s)", c->ref,
			       s->number, s->outcome == TL_OUTCOME_WITHDRAWN ? "withdrawn" : "responded");
	if (s != &c->stages[c->n_stages - 1])
		return err_set(err, TL_ESTATE, "%s: stage %d is not the current stage",
			       c->ref, s->number);
	*out = s;
	return TL_OK;
}

void case_detail(char *detail, size_t cap, const char *what, int stage, tl_date d,
		       const char *extra)
{
	char day[TL_DATE_LEN];
	date_format(d, day);
	snprintf(detail, cap, "%s stage=%d date=%s%s%s", what, stage, day, extra ? " " : "",
		 extra ? extra : "");
}

static int mv_respond(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	tl_stage *s;
	int rc;
	(void)st;
	if ((rc = case_open_stage(c, a->stage, &s, err)))
		return rc;
	if (s->paused_since != TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: the clock of stage %d is stopped: restart it "
			       "(tellus resume) before recording the response", c->ref, s->number);
	s->responded = a->when;
	s->outcome = a->value;
	case_detail(detail, cap, "response", s->number, a->when, words_word(&WS_OUTCOME, a->value));
	return TL_OK;
}

int case_respond(tl_store *st, const char *ref, int stage, tl_date when, int outcome, tl_err *err)
{
	tl_move_arg a = { .stage = stage, .when = when, .value = outcome };
	if (outcome < 0 || (size_t)outcome >= WS_OUTCOME.n)
		return err_set(err, TL_EINVAL, "outcome: unknown");
	return case_apply(st, ref, "respond", mv_respond, &a, err);
}

int case_withdraw(tl_store *st, const char *ref, tl_date when, tl_err *err)
{
	tl_move_arg a = { .stage = 0, .when = when, .value = TL_OUTCOME_WITHDRAWN };
	return case_apply(st, ref, "withdraw", mv_respond, &a, err);
}

/* Not eligible: the case is out of the procedure, and runs no clock. */
static int refuse_no_clock(const tl_case *c, const char *what, tl_err *err)
{
	if (c->procedure != TL_PROC_NOT_ELIGIBLE)
		return TL_OK;
	return err_set(err, TL_ESTATE, "%s: was assessed as not eligible, so its clock does not "
		       "run: nothing to %s", c->ref, what);
}

static int mv_extend(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	tl_stage *s;
	char day[TL_DATE_LEN];
	int rc;
	(void)st;
	if ((rc = case_open_stage(c, a->stage, &s, err)) || (rc = refuse_no_clock(c, "extend", err)))
		return rc;
	if (s->extended)
		return err_set(err, TL_ESTATE, "%s: stage %d is already extended", c->ref, s->number);
	if ((rc = text_check("reason", a->text, 500, TEXT_REQUIRED | TEXT_ONE_LINE, err)) ||
	    (rc = text_check("agreed by", a->text2, 200, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	s->extended = true;
	s->extended_on = a->when;
	if ((rc = case_set_text(&s->extension_reason, a->text, err)) ||
	    (rc = case_set_text(&s->extension_by, a->text2, err)))
		return rc;
	date_format(a->when, day);
	snprintf(detail, cap, "extension stage=%d date=%s agreed_by=%s reason=%s", s->number, day,
		 a->text2, a->text);
	return TL_OK;
}

int case_extend_on(tl_store *st, const char *ref, int stage, tl_date when, const char *reason,
		   const char *agreed_by, tl_err *err)
{
	tl_move_arg a = { .stage = stage, .when = when, .text = reason, .text2 = agreed_by };
	return case_apply(st, ref, "extend", mv_extend, &a, err);
}

int case_extend(tl_store *st, const char *ref, int stage, const char *reason,
		const char *agreed_by, tl_err *err)
{
	return case_extend_on(st, ref, stage, store_today(st), reason, agreed_by, err);
}

static int mv_acknowledge(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap,
			  tl_err *err)
{
	tl_stage *s;
	char day[TL_DATE_LEN];
	int rc;
	(void)st;
	if ((rc = case_open_stage(c, a->stage, &s, err)) ||
	    (rc = refuse_no_clock(c, "acknowledge", err)))
		return rc;
	if (s->acknowledged != TL_NO_DATE) {
		date_format(s->acknowledged, day);
		return err_set(err, TL_ESTATE, "%s: stage %d was already acknowledged on %s", c->ref,
			       s->number, day);
	}
	if (a->when < s->started) {
		date_format(s->started, day);
		return err_set(err, TL_ESTATE, "%s: stage %d cannot be acknowledged before it began (%s)",
			       c->ref, s->number, day);
	}
	s->acknowledged = a->when;
	case_detail(detail, cap, "acknowledgement", s->number, a->when, NULL);
	return TL_OK;
}

int case_acknowledge(tl_store *st, const char *ref, int stage, tl_date when, tl_err *err)
{
	tl_move_arg a = { .stage = stage, .when = when };
	return case_apply(st, ref, "acknowledge", mv_acknowledge, &a, err);
}

static int mv_request(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	int rc = case_refuse_safety(c, err);
	(void)st;
	if (rc)
		return rc;
	if (c->kind != TL_KIND_COMPLAINT)
		return err_set(err, TL_ESTATE, "%s: a compliment has no stages", c->ref);
	if (c->procedure == TL_PROC_NOT_ELIGIBLE)
		return err_set(err, TL_ESTATE, "%s: was assessed as not eligible for the procedure",
			       c->ref);
	if (a->stage != (int)c->n_stages + 1)
		return err_set(err, TL_ESTATE, "%s: is at stage %zu; only stage %zu can be asked "
			       "for next", c->ref, c->n_stages, c->n_stages + 1);
	tl_stage *s = case_stage_add(c, a->stage);
	if (!s)
		return err_set(err, TL_ESTATE, "%s: has no stage after %zu", c->ref, c->n_stages);
	s->started = a->when;
	case_detail(detail, cap, "request", a->stage, a->when, NULL);
	return TL_OK;
}

int case_request(tl_store *st, const char *ref, int stage, tl_date when, bool *late, tl_err *err)
{
	tl_move_arg a = { .stage = stage, .when = when };
	tl_case c;
	int rc = case_apply(st, ref, "request", mv_request, &a, err);
	/* Read the late flag back from what was stored. */
	if (rc == TL_OK && late && (rc = case_get(st, ref, &c, err)) == TL_OK) {
		const tl_stage *s = case_stage_get(&c, stage);
		*late = s && s->request_late;
		case_clear(&c);
	}
	return rc;
}

static int mv_panel(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	tl_stage *s;
	int rc;
	(void)st;
	if ((rc = case_open_stage(c, 3, &s, err)))
		return rc;
	if (s->panel != TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: the review panel is already recorded", c->ref);
	s->panel = a->when;
	case_detail(detail, cap, "panel", 3, a->when, NULL);
	return TL_OK;
}

int case_panel(tl_store *st, const char *ref, tl_date when, tl_err *err)
{
	tl_move_arg a = { .when = when };
	return case_apply(st, ref, "panel", mv_panel, &a, err);
}

static int mv_assess(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	int rc;
	(void)st;
	if (c->procedure == a->value)
		return err_set(err, TL_ESTATE, "%s: is already %s", c->ref,
			       words_word(&WS_PROCEDURE, a->value));
	if ((rc = text_check("why", a->text, 500, TEXT_ONE_LINE, err)))
		return rc;
	snprintf(detail, cap, "procedure %s -> %s%s%s", words_word(&WS_PROCEDURE, c->procedure),
		 words_word(&WS_PROCEDURE, a->value), a->text ? ": " : "", a->text ? a->text : "");
	c->procedure = a->value;
	return case_set_text(&c->assessed_why, a->text, err);
}

int case_assess(tl_store *st, const char *ref, int procedure, const char *why, tl_err *err)
{
	tl_move_arg a = { .value = procedure, .text = why };
	if (procedure < 0 || (size_t)procedure >= WS_PROCEDURE.n)
		return err_set(err, TL_EINVAL, "procedure: unknown");
	return case_apply(st, ref, "assess", mv_assess, &a, err);
}
