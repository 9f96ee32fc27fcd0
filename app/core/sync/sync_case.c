/* sync_case.c - a whole case as one JSON object, for log moves (the case
 * as the device logged it) and replies (the case as the register has it).
 * Enumerations travel as their words and dates as YYYY-MM-DD, never as
 * numbers, so that a device and a register of different builds agree on
 * what a value means. Reading is strict about what it needs and ignores
 * fields it does not know (sync.h: newer optional fields). */
#include <stdlib.h>
#include <string.h>
#include "sync_private.h"

/* Empty text, false and 0 are left out: they read back the same (absent
 * is empty), and a bundle of a thousand cases is parsed that much faster. */
static bool put_str(json_t *j, const char *key, const char *s)
{
	return !s || !*s || json_object_set_new(j, key, json_string(s)) == 0;
}

static bool put_flag(json_t *j, const char *key, bool on)
{
	return !on || json_object_set_new(j, key, json_true()) == 0;
}

static bool put_date(json_t *j, const char *key, tl_date d)
{
	char day[TL_DATE_LEN];
	if (d == TL_NO_DATE)
		return true;
	date_format(d, day);
	return put_str(j, key, day);
}

static json_t *stage_json(const tl_stage *s)
{
	json_t *j = json_object();
	bool ok = j && json_object_set_new(j, "number", json_integer(s->number)) == 0 &&
		  put_date(j, "started", s->started) && put_date(j, "acknowledged", s->acknowledged) &&
		  put_date(j, "due", s->due) && put_date(j, "extended_on", s->extended_on) &&
		  put_date(j, "max_due", s->max_due) &&
		  put_flag(j, "extended", s->extended) &&
		  put_str(j, "extension_reason", s->extension_reason) &&
		  put_str(j, "extension_by", s->extension_by) &&
		  put_flag(j, "request_late", s->request_late) &&
		  put_date(j, "panel", s->panel) && put_date(j, "responded", s->responded) &&
		  (s->outcome < 0 || put_str(j, "outcome", words_word(&WS_OUTCOME, s->outcome))) &&
		  (!s->paused_days || json_object_set_new(j, "paused_days", json_integer(s->paused_days)) == 0) &&
		  put_date(j, "paused_since", s->paused_since);
	if (!ok)
		json_decref(j);
	return ok ? j : NULL;
}

static bool put_lists(json_t *j, const tl_case *c)
{
	json_t *causes = json_array(), *actions = json_array(), *stages = json_array();
	bool ok = causes && actions && stages;
	for (size_t i = 0; ok && i < c->n_causes; i++)
		ok = json_array_append_new(causes, json_string(c->causes[i])) == 0;
	for (size_t i = 0; ok && i < c->n_actions; i++)
		ok = json_array_append_new(actions, json_string(words_word(&WS_ACTION, c->actions[i]))) == 0;
	for (size_t i = 0; ok && i < c->n_stages; i++)
		ok = json_array_append_new(stages, stage_json(&c->stages[i])) == 0;
	ok = ok && json_object_set_new(j, "causes", causes) == 0;
	ok = ok && json_object_set_new(j, "actions", actions) == 0;
	ok = ok && json_object_set_new(j, "stages", stages) == 0;
	return ok;
}

json_t *sync_case_json(const tl_case *c, bool personal)
{
	json_t *j = json_object();
	bool ok = j && put_str(j, "ref", c->ref) && put_str(j, "kind", words_word(&WS_KIND, c->kind)) &&
		  put_date(j, "received", c->received) &&
		  put_str(j, "procedure", words_word(&WS_PROCEDURE, c->procedure)) &&
		  put_str(j, "assessed_why", c->assessed_why) &&
		  put_str(j, "profile", c->profile) &&
		  put_str(j, "channel", words_word(&WS_CHANNEL, c->channel)) &&
		  put_str(j, "complainant", words_word(&WS_COMPLAINANT, c->complainant)) &&
		  put_flag(j, "on_behalf", c->on_behalf) &&
		  put_str(j, "officer", c->officer) && put_str(j, "service_area", c->service_area) &&
		  put_str(j, "team", c->team) &&
		  put_flag(j, "consent_to_publish", c->consent_to_publish) &&
		  put_flag(j, "consent_names", c->consent_names) &&
		  put_flag(j, "advocacy", c->advocacy) &&
		  put_flag(j, "unsafe", c->unsafe) &&
		  put_date(j, "safety_handled", c->safety_handled) &&
		  put_str(j, "safety_ref", c->safety_ref) &&
		  put_str(j, "linked_complaint", c->linked_complaint) &&
		  put_date(j, "matter", c->matter) && put_date(j, "retained", c->retained) &&
		  put_lists(j, c);
	/* What a kiosk must not keep once the register has it (SPEC 9, 11);
	 * staff's note of a safety record may name the child too. */
	if (ok && personal)
		ok = put_str(j, "summary", c->summary) && put_str(j, "desired", c->desired) &&
		     put_str(j, "contact", c->contact) && put_str(j, "late_reason", c->late_reason) &&
		     put_str(j, "safety_note", c->safety_note) &&
		     put_str(j, "complainant_name", c->complainant_name) &&
		     put_str(j, "child_name", c->child_name);
	if (!ok)
		json_decref(j);
	return ok ? j : NULL;
}

/* Readers: each fills its field from key, or refuses naming it. */
static int get_str(json_t *j, const char *key, bool required, const char **out, tl_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = NULL;
	if (!v && !required)
		return TL_OK;
	if (!json_is_string(v))
		return err_set(err, TL_EINVAL, "case.%s: %s", key, v ? "is not text" : "is missing");
	*out = json_string_value(v);
	return TL_OK;
}

static int get_text(json_t *j, const char *key, char **field, tl_err *err)
{
	const char *s;
	int rc = get_str(j, key, false, &s, err);
	return rc ? rc : case_set_text(field, s, err);
}

static int get_date(json_t *j, const char *key, bool required, tl_date *out, tl_err *err)
{
	const char *s;
	char what[48];
	int rc = get_str(j, key, required, &s, err);
	*out = TL_NO_DATE;
	if (rc || !s)
		return rc;
	snprintf(what, sizeof what, "case.%s", key);
	return date_parse(s, out, what, err);
}

static int get_word(json_t *j, const char *key, const tl_wordset *set, bool required, int *out,
		    tl_err *err)
{
	const char *s;
	int rc = get_str(j, key, required, &s, err);
	*out = -1;
	if (rc || !s || (!required && !*s))
		return rc;
	if ((*out = words_find(set, s)) < 0)
		return err_set(err, TL_EINVAL, "case.%s: '%.40s' is not a word this register knows", key, s);
	return TL_OK;
}

static int get_bool(json_t *j, const char *key, bool *out, tl_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = false;
	if (!v)
		return TL_OK;
	if (!json_is_boolean(v))
		return err_set(err, TL_EINVAL, "case.%s: is not true or false", key);
	*out = json_is_true(v);
	return TL_OK;
}

static int get_int(json_t *j, const char *key, long lo, long hi, int *out, tl_err *err)
{
	json_t *v = json_object_get(j, key);
	*out = 0;
	if (!v)
		return TL_OK;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return err_set(err, TL_EINVAL, "case.%s: is not a number from %ld to %ld", key, lo, hi);
	*out = (int)json_integer_value(v);
	return TL_OK;
}

static int read_stage(json_t *j, tl_case *c, tl_err *err)
{
	int number, rc;
	tl_stage *s;

	if (!json_is_object(j))
		return err_set(err, TL_EINVAL, "case.stages: holds something that is not a stage");
	if ((rc = get_int(j, "number", 1, PROC_MAX_STAGES, &number, err)))
		return rc;
	if (case_stage_of(c, number) || !(s = case_stage_add(c, number)))
		return err_set(err, TL_EINVAL, "case.stages: stage %d twice", number);
	if ((rc = get_date(j, "started", true, &s->started, err)) ||
	    (rc = get_date(j, "acknowledged", false, &s->acknowledged, err)) ||
	    (rc = get_date(j, "due", false, &s->due, err)) ||
	    (rc = get_date(j, "extended_on", false, &s->extended_on, err)) ||
	    (rc = get_date(j, "max_due", false, &s->max_due, err)) ||
	    (rc = get_bool(j, "extended", &s->extended, err)) ||
	    (rc = get_text(j, "extension_reason", &s->extension_reason, err)) ||
	    (rc = get_text(j, "extension_by", &s->extension_by, err)) ||
	    (rc = get_bool(j, "request_late", &s->request_late, err)) ||
	    (rc = get_date(j, "panel", false, &s->panel, err)) ||
	    (rc = get_date(j, "responded", false, &s->responded, err)) ||
	    (rc = get_word(j, "outcome", &WS_OUTCOME, false, &s->outcome, err)) ||
	    (rc = get_int(j, "paused_days", 0, 100000, &s->paused_days, err)))
		return rc;
	return get_date(j, "paused_since", false, &s->paused_since, err);
}

static int read_lists(json_t *j, tl_case *c, tl_err *err)
{
	json_t *causes = json_object_get(j, "causes"), *actions = json_object_get(j, "actions");
	json_t *stages = json_object_get(j, "stages"), *v;
	size_t i;
	int rc = TL_OK;

	if ((causes && !json_is_array(causes)) || (actions && !json_is_array(actions)) ||
	    (stages && !json_is_array(stages)))
		return err_set(err, TL_EINVAL, "case: causes, actions and stages are lists");
	if (json_array_size(causes) > CASE_MAX_CAUSES || json_array_size(actions) > CASE_MAX_ACTIONS)
		return err_set(err, TL_EINVAL, "case: too many causes or actions");
	json_array_foreach(causes, i, v) {
		if (!json_is_string(v) || strlen(json_string_value(v)) >= CASE_CAUSE_MAX)
			return err_set(err, TL_EINVAL, "case.causes: holds something that is not a cause");
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", json_string_value(v));
	}
	json_array_foreach(actions, i, v) {
		int a = json_is_string(v) ? words_find(&WS_ACTION, json_string_value(v)) : -1;
		if (a < 0)
			return err_set(err, TL_EINVAL, "case.actions: holds an action this register does "
				       "not know");
		c->actions[c->n_actions++] = a;
	}
	json_array_foreach(stages, i, v)
		if ((rc = read_stage(v, c, err)))
			return rc;
	return TL_OK;
}

/* References: a case's own, the safety record a complaint was opened
 * from, and (read only: each file finds it from the complaints it holds)
 * the complaint opened from a safety record, which is checked and left. */
static int get_refs(json_t *j, tl_case *c, tl_err *err)
{
	const char *ref, *safety_ref, *linked, *profile;
	int rc;

	if ((rc = get_str(j, "ref", true, &ref, err)) ||
	    (rc = get_str(j, "safety_ref", false, &safety_ref, err)) ||
	    (rc = get_str(j, "linked_complaint", false, &linked, err)) ||
	    (rc = get_str(j, "profile", false, &profile, err)))
		return rc;
	if (strlen(ref) >= REF_MAX || (safety_ref && strlen(safety_ref) >= REF_MAX) ||
	    (linked && strlen(linked) >= REF_MAX) || (profile && strlen(profile) >= PROC_NAME_MAX))
		return err_set(err, TL_EINVAL, "case: a reference or its profile is too long");
	snprintf(c->ref, sizeof c->ref, "%s", ref);
	snprintf(c->safety_ref, sizeof c->safety_ref, "%s", safety_ref ? safety_ref : "");
	snprintf(c->profile, sizeof c->profile, "%s", profile ? profile : "");
	return TL_OK;
}

int sync_case_read(json_t *j, tl_case *c, tl_err *err)
{
	int rc;

	case_init(c);
	if (!json_is_object(j))
		return err_set(err, TL_EINVAL, "case: is not an object");
	if ((rc = get_refs(j, c, err)))
		return rc;
	if ((rc = get_word(j, "kind", &WS_KIND, true, &c->kind, err)) ||
	    (rc = get_date(j, "received", true, &c->received, err)) ||
	    (rc = get_word(j, "procedure", &WS_PROCEDURE, true, &c->procedure, err)) ||
	    (rc = get_text(j, "assessed_why", &c->assessed_why, err)) ||
	    (rc = get_word(j, "channel", &WS_CHANNEL, true, &c->channel, err)) ||
	    (rc = get_word(j, "complainant", &WS_COMPLAINANT, false, &c->complainant, err)) ||
	    (rc = get_bool(j, "on_behalf", &c->on_behalf, err)) ||
	    (rc = get_text(j, "officer", &c->officer, err)) ||
	    (rc = get_text(j, "service_area", &c->service_area, err)) ||
	    (rc = get_text(j, "team", &c->team, err)) ||
	    (rc = get_text(j, "summary", &c->summary, err)) ||
	    (rc = get_text(j, "desired", &c->desired, err)) ||
	    (rc = get_text(j, "contact", &c->contact, err)) ||
	    (rc = get_text(j, "late_reason", &c->late_reason, err)) ||
	    (rc = get_bool(j, "consent_to_publish", &c->consent_to_publish, err)) ||
	    (rc = get_bool(j, "consent_names", &c->consent_names, err)) ||
	    (rc = get_bool(j, "advocacy", &c->advocacy, err)) ||
	    (rc = get_bool(j, "unsafe", &c->unsafe, err)) ||
	    (rc = get_date(j, "safety_handled", false, &c->safety_handled, err)) ||
	    (rc = get_text(j, "safety_note", &c->safety_note, err)) ||
	    (rc = get_date(j, "matter", false, &c->matter, err)) ||
	    (rc = get_text(j, "complainant_name", &c->complainant_name, err)) ||
	    (rc = get_text(j, "child_name", &c->child_name, err)) ||
	    (rc = get_date(j, "retained", false, &c->retained, err)) ||
	    (rc = read_lists(j, c, err)))
		case_clear(c);
	return rc;
}
