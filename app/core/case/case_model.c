/* case_model.c - the tl_case struct: its memory, and the checks a whole
 * case must pass before it is stored (used by logging and by import, so
 * a file and a screen are held to the same rules). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"

void case_init(tl_case *c)
{
	memset(c, 0, sizeof *c);
	c->received = c->matter = c->safety_handled = c->retained = TL_NO_DATE;
	c->channel = TL_CHANNEL_STAFF;
	c->procedure = TL_PROC_STATUTORY;
	c->complainant = -1;
}

static void stage_clear(tl_stage *s)
{
	free(s->extension_reason);
	free(s->extension_by);
	free(s->pauses);
}

void case_clear(tl_case *c)
{
	char **texts[] = { &c->officer, &c->service_area, &c->team, &c->summary,
			   &c->desired, &c->contact, &c->late_reason, &c->assessed_why,
			   &c->tracking_hash, &c->safety_note, &c->rules_text, &c->complainant_name,
			   &c->child_name };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(*texts[i]);
	for (size_t i = 0; i < c->n_actions; i++)
		free(c->action_notes[i]);
	for (size_t i = 0; i < c->n_stages; i++)
		stage_clear(&c->stages[i]);
	case_init(c);
}

int case_set_text(char **field, const char *s, tl_err *err)
{
	char *copy = NULL;
	if (s && !(copy = strdup(s)))
		return err_set(err, TL_ENOMEM, "case: out of memory");
	free(*field);
	*field = copy;
	return TL_OK;
}

bool case_has_stages(const tl_case *c)
{
	return c->kind == TL_KIND_COMPLAINT && !c->unsafe;
}

tl_stage *case_stage_of(tl_case *c, int number)
{
	for (size_t i = 0; i < c->n_stages; i++)
		if (c->stages[i].number == number)
			return &c->stages[i];
	return NULL;
}

const tl_stage *case_stage_get(const tl_case *c, int number)
{
	return case_stage_of((tl_case *)c, number);
}

const tl_stage *case_current_stage(const tl_case *c)
{
	return c->n_stages ? &c->stages[c->n_stages - 1] : NULL;
}

tl_stage *case_stage_add(tl_case *c, int number)
{
	if (c->n_stages >= PROC_MAX_STAGES)
		return NULL;
	tl_stage *s = &c->stages[c->n_stages++];
	memset(s, 0, sizeof *s);
	s->number = number;
	s->opened = s->started = s->due = s->max_due = s->panel = s->responded = TL_NO_DATE;
	s->paused_since = s->acknowledged = s->extended_on = TL_NO_DATE;
	s->outcome = -1;
	return s;
}

int case_pause_add(tl_stage *s, const tl_pause *p, tl_err *err)
{
	tl_pause *more = realloc(s->pauses, (s->n_pauses + 1) * sizeof *more);
	if (!more)
		return err_set(err, TL_ENOMEM, "case: out of memory");
	s->pauses = more;
	s->pauses[s->n_pauses++] = *p;
	return TL_OK;
}

#define FIELD(name) do { if (field) *field = (name); } while (0)

static int check_texts(const tl_case *c, const char **field, tl_err *err)
{
	const struct { const char *name; const char *value; size_t max; int flags; } t[] = {
		{ "officer", c->officer, 200, TEXT_ONE_LINE },
		{ "service_area", c->service_area, 200, TEXT_ONE_LINE | TEXT_REQUIRED },
		{ "team", c->team, 200, TEXT_ONE_LINE },
		{ "summary", c->summary, CASE_TEXT_MAX, 0 },
		{ "desired", c->desired, CASE_TEXT_MAX, 0 },
		{ "contact", c->contact, 1000, 0 },
		{ "late_reason", c->late_reason, 2000, 0 },
		{ "assessed_why", c->assessed_why, 500, TEXT_ONE_LINE },
		{ "safety_note", c->safety_note, 2000, 0 },
		{ "complainant_name", c->complainant_name, 200, TEXT_ONE_LINE },
		{ "child_name", c->child_name, 200, TEXT_ONE_LINE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int rc = text_check(t[i].name, t[i].value, t[i].max, t[i].flags, err);
		if (rc) {
			FIELD(t[i].name);
			return rc;
		}
	}
	return TL_OK;
}

/* What a case carries from where it was first kept (an import, a device):
 * the notes of its actions, the hash of its tracking code, and when staff
 * acted on a safety concern. */
static int check_kept(const tl_case *c, tl_date today, const char **field, tl_err *err)
{
	int rc;
	for (size_t i = 0; i < c->n_actions; i++)
		if ((rc = text_check("actions", c->action_notes[i], 2000, 0, err))) {
			FIELD("actions");
			return rc;
		}
	for (const char *h = c->tracking_hash; h && *h; h++)
		if (*h < 0x21 || *h > 0x7E || h - c->tracking_hash >= 127) {
			FIELD("tracking_hash");
			return err_set(err, TL_EINVAL, "tracking_hash: not a stored hash (printable "
				       "ASCII, at most 127 characters)");
		}
	if (c->safety_handled == TL_NO_DATE)
		return TL_OK;
	FIELD("safety_handled");
	if (!c->unsafe)
		return err_set(err, TL_EINVAL, "safety_handled: only a safety concern (unsafe) is "
			       "handled");
	if (c->safety_handled < c->received || c->safety_handled > today)
		return err_set(err, TL_EINVAL, "safety_handled: must be from the day it was "
			       "received to today");
	return TL_OK;
}

static int check_enums(const tl_case *c, const char **field, tl_err *err)
{
	const struct { const char *name; const tl_wordset *set; int v; } e[] = {
		{ "kind", &WS_KIND, c->kind }, { "channel", &WS_CHANNEL, c->channel },
		{ "procedure", &WS_PROCEDURE, c->procedure },
		{ "complainant", &WS_COMPLAINANT, c->complainant },
	};
	for (size_t i = 0; i < sizeof e / sizeof e[0]; i++) {
		if (e[i].v < 0 || (size_t)e[i].v >= e[i].set->n) {
			char list[256];
			words_list(e[i].set, list, sizeof list);
			FIELD(e[i].name);
			return err_set(err, TL_EINVAL, "%s: is required (one of %s)", e[i].name, list);
		}
	}
	for (size_t i = 0; i < c->n_actions; i++)
		if (c->actions[i] < 0 || (size_t)c->actions[i] >= WS_ACTION.n) {
			FIELD("actions");
			return err_set(err, TL_EINVAL, "actions: unknown action");
		}
	return TL_OK;
}

static int check_date(const char *name, tl_date d, tl_date today, const char **field,
		      tl_err *err)
{
	char s[TL_DATE_LEN], t[TL_DATE_LEN];
	if (d == TL_NO_DATE || (cal_in_range(d) && d <= today))
		return TL_OK;
	date_format(d, s);
	date_format(today, t);
	if (!cal_in_range(d)) {
		FIELD(name);
		return err_set(err, TL_EINVAL, "%s: '%s' is outside %d to %d", name, s,
			       CAL_FIRST_YEAR, CAL_LAST_YEAR);
	}
	if (d > today) {
		FIELD(name);
		return err_set(err, TL_EINVAL, "%s: '%s' is in the future (today is %s)", name, s, t);
	}
	return TL_OK;
}

/* A complaint should be made within a year of the matter; a later one
 * may be accepted, with the reason recorded (Getting the Best from
 * Complaints, 2006). */
static int check_late(const tl_case *c, const char **field, tl_err *err)
{
	int y, m, d;
	if (c->matter == TL_NO_DATE)
		return TL_OK;
	if (c->matter > c->received || !cal_in_range(c->matter)) {
		FIELD("matter_date");
		return err_set(err, TL_EINVAL, "matter_date: must be on or before the day the "
			       "complaint was received, from %d", CAL_FIRST_YEAR);
	}
	date_to_ymd(c->matter, &y, &m, &d);
	tl_date year_on = date_valid_ymd(y + 1, m, d) ? date_from_ymd(y + 1, m, d)
						       : date_from_ymd(y + 1, 3, 1);
	/* Retention removes the reason's words with the rest; it was given. */
	if (c->received <= year_on || (c->late_reason && *c->late_reason) ||
	    c->retained != TL_NO_DATE)
		return TL_OK;
	FIELD("late_reason");
	return err_set(err, TL_EINVAL, "late_reason: the matter is more than a year before "
		       "the complaint: record why it is accepted");
}

/* The day a stage was acknowledged and the day its extension was agreed:
 * real days, not in the future, and an acknowledgement no later than the
 * response. */
static int check_stage_dates(tl_store *st, const tl_stage *s, const char **field, tl_err *err)
{
	static const char *ack[] = { "", "stage1_acknowledged", "stage2_acknowledged",
				     "stage3_acknowledged" };
	static const char *on[] = { "", "stage1_extended_on", "stage2_extended_on",
				    "stage3_extended_on" };
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	int rc;

	if ((rc = check_date(ack[s->number], s->acknowledged, store_today(st), field, err)) ||
	    (rc = check_date(on[s->number], s->extended_on, store_today(st), field, err)))
		return rc;
	if (s->acknowledged == TL_NO_DATE || s->responded == TL_NO_DATE ||
	    s->acknowledged <= s->responded)
		return TL_OK;
	FIELD(ack[s->number]);
	date_format(s->acknowledged, a);
	date_format(s->responded, b);
	return err_set(err, TL_ESTATE, "%s: '%s' is after the stage %d response (%s)",
		       ack[s->number], a, s->number, b);
}

int case_validate(tl_store *st, const tl_case *c, const char **field, tl_err *err)
{
	/* Deadlines are part of the rules (stage 2 may start once stage 1 is
	 * past its limit), so check a copy with them computed. The copy
	 * shares the strings; computing touches only dates. */
	tl_case tmp = *c;
	int rc;

	if (case_has_stages(&tmp) && tmp.n_stages == 0)
		case_stage_add(&tmp, 1);
	if ((rc = check_enums(&tmp, field, err)) || (rc = case_compute(st, &tmp, field, err)))
		return rc;
	return case_check(st, &tmp, field, err);
}

int case_check(tl_store *st, const tl_case *c, const char **field, tl_err *err)
{
	int rc;

	if ((rc = check_enums(c, field, err)) || (rc = check_texts(c, field, err)))
		return rc;
	if (c->received == TL_NO_DATE) {
		FIELD("received");
		return err_set(err, TL_EINVAL, "received: a date is needed (YYYY-MM-DD)");
	}
	if ((rc = check_date("received", c->received, store_today(st), field, err)))
		return rc;
	if ((rc = check_late(c, field, err)) || (rc = case_check_causes(st, c, field, err)) ||
	    (rc = check_kept(c, store_today(st), field, err)))
		return rc;
	if (!case_has_stages(c) && c->n_stages) {
		FIELD("stage1_response");
		return err_set(err, TL_EINVAL, "stage1_response: a %s has no complaint stages",
			       c->unsafe ? "safety concern" : "compliment");
	}
	/* Constant names: *field outlives this call. */
	static const char *const RESPONSE[] = { "stage_response", "stage1_response",
						"stage2_response", "stage3_response" };
	static const char *const REQUESTED[] = { "stage_requested", "stage1_requested",
						 "stage2_requested", "stage3_requested" };
	for (size_t i = 0; i < c->n_stages; i++) {
		const tl_stage *s = &c->stages[i];
		int k = s->number >= 1 && s->number <= 3 ? s->number : 0;
		if ((rc = check_date(RESPONSE[k], s->responded, store_today(st), field, err)))
			return rc;
		if ((rc = check_date(REQUESTED[k], s->started, store_today(st), field, err)))
			return rc;
		if ((rc = check_date("stage3_panel", s->panel, store_today(st), field, err)))
			return rc;
		if ((rc = check_stage_dates(st, s, field, err)))
			return rc;
	}
	return case_check_stages(st, c, field, err);
}
