/* letter_fields.c - the fields a letter template can name, filled from
 * the case, the stage the letter is about, its procedure profile and the
 * council's settings; and the checks that the case is where the letter
 * says it is (an extension letter needs an extension). Dates are written
 * as people read them ("5 January 2026"). The list of fields is in
 * assets/letters/README. */
#include <ctype.h>
#include <stdarg.h>
#include <string.h>
#include "letter_private.h"

static void put(letter_fields *fs, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void put(letter_fields *fs, const char *name, const char *fmt, ...)
{
	va_list ap;
	if (fs->n == LETTER_MAX_FIELDS)
		return;
	letter_value *f = &fs->f[fs->n++];
	f->name = name;
	va_start(ap, fmt);
	vsnprintf(f->value, sizeof f->value, fmt, ap);
	va_end(ap);
}

const char *letter_field(const letter_fields *fs, const char *name)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->f[i].name, name) == 0)
			return fs->f[i].value;
	return NULL;
}

/* "5 January 2026", or "" for no date. */
static void put_date(letter_fields *fs, const char *name, tl_date d)
{
	static const char *const MONTHS[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	int y, m, day;
	if (d == TL_NO_DATE) {
		put(fs, name, "%s", "");
		return;
	}
	date_to_ymd(d, &y, &m, &day);
	put(fs, name, "%d %s %d", day, MONTHS[m - 1], y);
}

static void put_setting(tl_store *st, letter_fields *fs, const char *key)
{
	char v[LETTER_VALUE_MAX] = "";
	if (store_setting_get(st, key, v, sizeof v, NULL))
		v[0] = '\0';
	put(fs, key, "%s", v);
}

static const char *text(const char *s)
{
	return s ? s : "";
}

static void put_people(tl_store *st, const tl_case *c, letter_fields *fs)
{
	static const char *const SETTINGS[] = { "authority_name", "contact_phone", "contact_email",
						"contact_address" };
	for (size_t i = 0; i < sizeof SETTINGS / sizeof SETTINGS[0]; i++)
		put_setting(st, fs, SETTINGS[i]);
	put_date(fs, "today", store_today(st));
	put(fs, "ref", "%s", c->ref);
	put(fs, "complainant_name", "%s", text(c->complainant_name));
	put(fs, "child_name", "%s", text(c->child_name));
	/* How a letter greets the person: their name, else the usual forms. */
	put(fs, "dear", "%s", *text(c->complainant_name) ? c->complainant_name : "Sir or Madam");
	put(fs, "hello", "%s", *text(c->child_name) ? c->child_name
			       : *text(c->complainant_name) ? c->complainant_name : "there");
	put(fs, "service_area", "%s", text(c->service_area));
	put(fs, "team", "%s", text(c->team));
	put_date(fs, "received", c->received);
}

/* The due date by the standard timescale, as first given, though the
 * stage has since been extended (an acknowledgement gives this one),
 * counted from where the stage's clock runs (its start, or under the
 * LGSCO Code its acknowledgement). */
static int standard_due(tl_store *st, const tl_profile *p, const tl_stage *s,
			const tl_stage_status *stat, tl_date *out, tl_err *err)
{
	const tl_profile_stage *ps = proc_stage_get(p, s->number);
	const tl_calendar *cal;
	int rc;
	*out = s->due;
	if (!s->extended || !ps || ps->after_panel)
		return TL_OK;
	if ((rc = store_calendar(st, p->closures, &cal, err)))
		return rc;
	return cal_add_workdays(cal, stat->clock_from, ps->standard + s->paused_days, out, err);
}

static void put_stage(letter_fields *fs, const tl_profile *p, const tl_stage *s,
		      const tl_stage_status *stat, tl_date first_due)
{
	const tl_profile_stage *ps = proc_stage_get(p, s->number);
	const tl_profile_stage *next = proc_stage_get(p, s->number + 1);
	char outcome[64] = "";

	put(fs, "procedure_title", "%s", p->title);
	put(fs, "stage", "%d", s->number);
	put(fs, "first_stage", "%s", s->number == 1 ? "yes" : "");
	put(fs, "stage_name", "%s", ps ? ps->name : "");
	put(fs, "stage_days", "%d", ps ? ps->standard : 0);
	put(fs, "stage_max_days", "%d", ps ? ps->maximum : 0);
	put(fs, "can_extend", "%s", ps && ps->maximum > ps->standard ? "yes" : "");
	put(fs, "panel_stage", "%s", ps && ps->after_panel ? "yes" : "");
	put_date(fs, "stage_started", s->started);
	put_date(fs, "clock_from", stat->clock_from);
	put(fs, "from_ack", "%s", ps && ps->from_ack ? "yes" : "");
	put_date(fs, "acknowledged", s->acknowledged);
	put_date(fs, "due", s->due);
	put_date(fs, "standard_due", first_due);
	put_date(fs, "max_due", s->max_due);
	put(fs, "extended", "%s", s->extended ? "yes" : "");
	put(fs, "extension_reason", "%s", text(s->extension_reason));
	put(fs, "extension_by", "%s", text(s->extension_by));
	put_date(fs, "responded", s->responded);
	if (s->outcome >= 0)
		snprintf(outcome, sizeof outcome, "%s", words_label(&WS_OUTCOME, s->outcome));
	outcome[0] = (char)tolower((unsigned char)outcome[0]);
	put(fs, "outcome", "%s", outcome);
	put(fs, "upheld", "%s", s->outcome == TL_OUTCOME_FULLY_UPHELD ||
		s->outcome == TL_OUTCOME_PARTLY_UPHELD ? "yes" : "");
	put(fs, "may_escalate", "%s", stat->may_escalate ? "yes" : "");
	put(fs, "request_window", "%d", p->request_window);
	put(fs, "last_stage", "%s", next ? "" : "yes");
	if (next)
		put(fs, "next_stage", "%d", next->number);
	else
		put(fs, "next_stage", "%s", "");
	put(fs, "next_stage_name", "%s", next ? next->name : "");
	put(fs, "next_stage_days", "%d", next ? next->standard : 0);
	put(fs, "next_stage_max_days", "%d", next ? next->maximum : 0);
	put_date(fs, "next_by", stat->next_by);
}

/* Is the case where letter kind says it is, at stage s? */
static int check(const tl_case *c, const tl_profile *p, int kind, const tl_stage *s,
		 const tl_stage_status *stat, tl_err *err)
{
	bool answered = s->responded != TL_NO_DATE && s->outcome != TL_OUTCOME_WITHDRAWN;
	const char *word = words_word(&WS_LETTER, kind);

	if (kind == TL_LETTER_EXTENSION && !s->extended)
		return err_set(err, TL_ESTATE, "%s: stage %d is not extended: no %s letter", c->ref,
			       s->number, word);
	if (kind == TL_LETTER_RESPONSE && !answered)
		return err_set(err, TL_ESTATE, "%s: stage %d has no response: no %s letter", c->ref,
			       s->number, word);
	if ((kind == TL_LETTER_STAGE2 || kind == TL_LETTER_STAGE3) &&
	    !proc_stage_get(p, s->number + 1))
		return err_set(err, TL_ESTATE, "%s: the %s procedure has no stage %d", c->ref, p->name,
			       s->number + 1);
	if (kind == TL_LETTER_OMBUDSMAN && proc_stage_get(p, s->number + 1))
		return err_set(err, TL_ESTATE, "%s: stage %d of %s comes first: the Ombudsman "
			       "looks at a complaint after the last stage", c->ref, s->number + 1,
			       p->name);
	if (kind >= TL_LETTER_STAGE2 && !answered && !stat->may_escalate)
		return err_set(err, TL_ESTATE, "%s: stage %d has had no response and is within its "
			       "limit: no %s letter yet", c->ref, s->number, word);
	return TL_OK;
}

/* The stage a letter is about: the one asked for, or the one a rights
 * letter follows, or the latest. */
static int pick_stage(const tl_case *c, const tl_letter *l, const tl_stage **out, tl_err *err)
{
	int want = l->kind == TL_LETTER_STAGE2 ? 1 : l->kind == TL_LETTER_STAGE3 ? 2 : l->stage;
	if (!case_has_stages(c))
		return err_set(err, TL_ESTATE, "%s: a %s has no stages, so no letters", c->ref,
			       c->unsafe ? "safety record" : "compliment");
	*out = want ? case_stage_get(c, want) : case_current_stage(c);
	if (!*out)
		return err_set(err, TL_ESTATE, "%s: has no stage %d", c->ref, want);
	return TL_OK;
}

int letter_fields_fill(tl_store *st, tl_case *c, const tl_letter *l, letter_fields *out,
		       tl_err *err)
{
	const tl_stage *s;
	tl_stage_status stat;
	tl_profile p;
	tl_date first_due;
	int rc;

	out->n = 0;
	if ((rc = pick_stage(c, l, &s, err)) || (rc = store_profile(st, c->profile, &p, err)) ||
	    (rc = case_stage_status(st, c, s, store_today(st), 0, &stat, err)) ||
	    (rc = check(c, &p, l->kind, s, &stat, err)) ||
	    (rc = standard_due(st, &p, s, &stat, &first_due, err)))
		return rc;
	put_people(st, c, out);
	put_stage(out, &p, s, &stat, first_due);
	return TL_OK;
}
