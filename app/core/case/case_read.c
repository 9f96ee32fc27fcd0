/* case_read.c - reading a case back whole by its reference (as typed by
 * a person: look-alikes and lower case accepted, a wrong check character
 * named), and comparing two cases field by field for idempotent import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

tl_date case_col_date(sqlite3_stmt *s, int i)
{
	tl_date d;
	const char *t = (const char *)sqlite3_column_text(s, i);
	return t && date_parse(t, &d, "", NULL) == TL_OK ? d : TL_NO_DATE;
}

/* Column i into out, cut to cap bytes with its NUL as snprintf would (a
 * list reads these for each of thousands of cases: no format to parse). */
static void col_copy(sqlite3_stmt *s, int i, char *out, size_t cap)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, t ? t : "", n);
	out[n] = '\0';
}

static int col_text(sqlite3_stmt *s, int i, char **out, tl_err *err)
{
	return case_set_text(out, (const char *)sqlite3_column_text(s, i), err);
}

int case_read_row(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	int rc = TL_OK;
	c->id = sqlite3_column_int64(q, col);
	col_copy(q, col + 1, c->ref, sizeof c->ref);
	c->kind = words_find(&WS_KIND, (const char *)sqlite3_column_text(q, col + 2));
	c->received = case_col_date(q, col + 3);
	c->procedure = words_find(&WS_PROCEDURE, (const char *)sqlite3_column_text(q, col + 4));
	col_copy(q, col + 5, c->profile, sizeof c->profile);
	c->channel = words_find(&WS_CHANNEL, (const char *)sqlite3_column_text(q, col + 6));
	c->complainant = words_find(&WS_COMPLAINANT, (const char *)sqlite3_column_text(q, col + 7));
	c->on_behalf = sqlite3_column_int(q, col + 8);
	char **texts[] = { &c->officer, &c->service_area, &c->team, &c->summary,
			   &c->desired, &c->contact, &c->late_reason };
	for (int i = 0; i < 7 && rc == TL_OK; i++)
		rc = col_text(q, col + 9 + i, texts[i], err);
	c->consent_to_publish = sqlite3_column_int(q, col + 16);
	c->advocacy = sqlite3_column_int(q, col + 17);
	c->unsafe = sqlite3_column_int(q, col + 18);
	c->matter = case_col_date(q, col + 19);
	c->safety_handled = case_col_date(q, col + 20);
	if (rc == TL_OK)
		rc = col_text(q, col + 21, &c->safety_note, err);
	col_copy(q, col + 22, c->safety_ref, sizeof c->safety_ref);
	c->rules = sqlite3_column_int64(q, col + 23);
	if (rc == TL_OK)
		rc = col_text(q, col + 24, &c->assessed_why, err);
	c->consent_names = sqlite3_column_int(q, col + 25);
	if (rc == TL_OK && ((rc = col_text(q, col + 26, &c->complainant_name, err)) ||
			    (rc = col_text(q, col + 27, &c->child_name, err))))
		return rc;
	c->retained = case_col_date(q, col + 28);
	if (rc == TL_OK && sqlite3_column_type(q, col + 29) != SQLITE_NULL &&
	    sqlite3_column_bytes(q, col + 29))
		rc = col_text(q, col + 29, &c->tracking_hash, err);
	if (rc == TL_OK && sqlite3_column_type(q, col + 30) != SQLITE_NULL)
		rc = col_text(q, col + 30, &c->rules_text, err);
	return rc;
}

int case_read_stage(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	tl_stage *s = case_stage_add(c, sqlite3_column_int(q, col));
	int rc;
	if (!s)
		return err_set(err, TL_EDB, "%s: too many stages", c->ref);
	s->started = case_col_date(q, col + 1);
	s->due = case_col_date(q, col + 2);
	s->max_due = case_col_date(q, col + 3);
	s->extended = sqlite3_column_int(q, col + 4);
	if ((rc = col_text(q, col + 5, &s->extension_reason, err)) ||
	    (rc = col_text(q, col + 6, &s->extension_by, err)))
		return rc;
	s->request_late = sqlite3_column_int(q, col + 7);
	s->panel = case_col_date(q, col + 8);
	s->responded = case_col_date(q, col + 9);
	const char *o = (const char *)sqlite3_column_text(q, col + 10);
	s->outcome = o ? words_find(&WS_OUTCOME, o) : -1;
	s->paused_days = sqlite3_column_int(q, col + 11);
	s->paused_since = case_col_date(q, col + 12);
	s->acknowledged = case_col_date(q, col + 13);
	s->extended_on = case_col_date(q, col + 14);
	s->opened = case_col_date(q, col + 15);
	if (s->opened == TL_NO_DATE)
		s->opened = s->started;
	return TL_OK;
}

int case_pause_row_read(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	tl_stage *s = case_stage_of(c, sqlite3_column_int(q, col));
	tl_pause p = {
		.paused = case_col_date(q, col + 1), .resumed = case_col_date(q, col + 2),
		.reason = words_find(&WS_PAUSE, (const char *)sqlite3_column_text(q, col + 3)),
		.days = sqlite3_column_type(q, col + 4) == SQLITE_NULL ? -1 : sqlite3_column_int(q, col + 4),
	};
	return s ? case_pause_add(s, &p, err) : TL_OK;
}

static int read_stages(tl_store *st, tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if ((rc = store_stmt(st, "SELECT " CASE_STAGE_COLS " FROM stages s WHERE s.case_id = ?"
			     " ORDER BY s.stage", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW)
		rc = case_read_stage(q, 0, c, err);
	store_stmt_done(st, q);
	if (rc || (rc = store_stmt(st, "SELECT " CASE_PAUSE_COLS " FROM stages s JOIN stage_pauses p"
				   " ON p.stage_id = s.id WHERE s.case_id = ?" CASE_PAUSE_ORDER, &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW)
		rc = case_pause_row_read(q, 0, c, err);
	store_stmt_done(st, q);
	return rc;
}

void case_actions_sort(tl_case *c)
{
	/* Insertion sort keeps each note beside its action. */
	for (size_t i = 1; i < c->n_actions; i++)
		for (size_t j = i; j > 0 && c->actions[j - 1] > c->actions[j]; j--) {
			int a = c->actions[j];
			char *n = c->action_notes[j];
			c->actions[j] = c->actions[j - 1];
			c->action_notes[j] = c->action_notes[j - 1];
			c->actions[j - 1] = a;
			c->action_notes[j - 1] = n;
		}
}

int case_action_row_read(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	int a = words_find(&WS_ACTION, (const char *)sqlite3_column_text(q, col));
	const char *note = (const char *)sqlite3_column_text(q, col + 1);

	if (a < 0 || c->n_actions >= CASE_MAX_ACTIONS)
		return TL_OK;
	c->actions[c->n_actions] = a;
	c->action_notes[c->n_actions] = NULL;
	if (note && *note && case_set_text(&c->action_notes[c->n_actions], note, err))
		return TL_ENOMEM;
	c->n_actions++;
	return TL_OK;
}

static int read_lists(tl_store *st, tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = store_stmt(st, "SELECT cc.cause FROM case_causes cc JOIN causes k"
		" ON k.code = cc.cause WHERE cc.case_id = ? ORDER BY k.ord, k.code", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	while (sqlite3_step(q) == SQLITE_ROW && c->n_causes < CASE_MAX_CAUSES)
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", sqlite3_column_text(q, 0));
	store_stmt_done(st, q);
	if ((rc = store_stmt(st, "SELECT action, note FROM actions WHERE case_id = ?", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW)
		rc = case_action_row_read(q, 0, c, err);
	store_stmt_done(st, q);
	/* In the order of WS_ACTION, so exports are stable. */
	case_actions_sort(c);
	return rc;
}

/* Exact reference only; TL_ENOTFOUND when absent. */
static int get_exact(tl_store *st, const char *ref, tl_case *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = store_stmt(st, "SELECT " CASE_COLS " FROM cases c WHERE c.ref = ?", &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		rc = case_read_row(q, 0, out, err);
	else if (rc == SQLITE_DONE)
		rc = TL_ENOTFOUND;
	else
		rc = store_fail(st, err, "reading a case");
	store_stmt_done(st, q);
	if (rc == TL_OK && ((rc = read_stages(st, out, err)) || (rc = read_lists(st, out, err))))
		return rc;
	if (rc == TL_OK && out->unsafe)
		rc = case_linked_complaint(st, out, err);
	return rc;
}

/* Whether a case is stored under exactly ref; out is not read. */
static int stored_exact(tl_store *st, const char *ref, tl_case *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	(void)out;
	if ((rc = store_stmt(st, "SELECT 1 FROM cases WHERE ref = ?", &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	rc = rc == SQLITE_ROW ? TL_OK : rc == SQLITE_DONE ? TL_ENOTFOUND
		: store_fail(st, err, "reading a case");
	store_stmt_done(st, q);
	return rc;
}

/* ref as typed, else as its canonical form (typed otherwise than stored),
 * by probe; TL_ENOTFOUND (err untouched) when neither is stored, and an
 * error when ref is a Tellus reference with a wrong check character. */
static int look_up(tl_store *st, const char *ref,
		   int (*probe)(tl_store *, const char *, tl_case *, tl_err *), tl_case *out,
		   tl_err *err)
{
	char canon[REF_MAX];
	tl_err why;
	int rc = probe(st, ref ? ref : "", out, err);

	if (rc != TL_ENOTFOUND)
		return rc;
	if (ref_normalise(ref, canon, &why) == TL_OK)
		return strcmp(canon, ref) ? probe(st, canon, out, err) : TL_ENOTFOUND;
	if (strstr(why.msg, "check character"))
		return err_set(err, TL_EINVAL, "%s", why.msg);
	return TL_ENOTFOUND;
}

int case_get(tl_store *st, const char *ref, tl_case *out, tl_err *err)
{
	case_init(out);
	int rc = look_up(st, ref, get_exact, out, err);
	if (rc == TL_ENOTFOUND)
		rc = err_set(err, TL_ENOTFOUND, "ref: no case has the reference '%.40s'",
			     ref ? ref : "");
	if (rc)
		case_clear(out);
	return rc;
}

int case_stored(tl_store *st, const char *ref, bool *found, tl_err *err)
{
	int rc = look_up(st, ref, stored_exact, NULL, err);
	*found = rc == TL_OK;
	return rc == TL_ENOTFOUND ? TL_OK : rc;
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_pauses(const tl_stage *a, const tl_stage *b)
{
	if (a->n_pauses != b->n_pauses)
		return false;
	for (size_t i = 0; i < a->n_pauses; i++) {
		const tl_pause *p = &a->pauses[i], *q = &b->pauses[i];
		if (p->paused != q->paused || p->resumed != q->resumed || p->reason != q->reason ||
		    p->days != q->days)
			return false;
	}
	return true;
}

static bool same_stage(const tl_stage *a, const tl_stage *b)
{
	return a->number == b->number && a->opened == b->opened && a->started == b->started &&
	       a->extended == b->extended && a->panel == b->panel &&
	       a->responded == b->responded && a->outcome == b->outcome &&
	       a->acknowledged == b->acknowledged && a->extended_on == b->extended_on &&
	       same_text(a->extension_reason, b->extension_reason) &&
	       same_text(a->extension_by, b->extension_by) && same_pauses(a, b);
}

bool case_same(const tl_case *a, const tl_case *b, const char **field)
{
#define DIFF(name) do { if (field) *field = (name); return false; } while (0)
	if (a->kind != b->kind) DIFF("kind");
	if (a->received != b->received) DIFF("received");
	if (a->procedure != b->procedure) DIFF("procedure");
	if (a->channel != b->channel) DIFF("channel");
	if (a->complainant != b->complainant) DIFF("complainant");
	if (a->on_behalf != b->on_behalf) DIFF("on_behalf");
	if (!same_text(a->service_area, b->service_area)) DIFF("service_area");
	if (!same_text(a->team, b->team)) DIFF("team");
	if (!same_text(a->summary, b->summary)) DIFF("summary");
	if (a->consent_to_publish != b->consent_to_publish) DIFF("consent_to_publish");
	if (a->consent_names != b->consent_names) DIFF("consent_names");
	if (!same_text(a->officer, b->officer)) DIFF("officer");
	if (!same_text(a->desired, b->desired)) DIFF("desired");
	if (!same_text(a->contact, b->contact)) DIFF("contact");
	if (a->advocacy != b->advocacy) DIFF("advocacy");
	if (a->unsafe != b->unsafe) DIFF("unsafe");
	if (a->safety_handled != b->safety_handled) DIFF("safety_handled");
	if (a->matter != b->matter) DIFF("matter_date");
	if (!same_text(a->late_reason, b->late_reason)) DIFF("late_reason");
	if (!same_text(a->complainant_name, b->complainant_name)) DIFF("complainant_name");
	if (!same_text(a->child_name, b->child_name)) DIFF("child_name");
	if (a->retained != b->retained) DIFF("retained");
	if (!same_text(a->assessed_why, b->assessed_why)) DIFF("assessed_why");
	/* The rules a case was logged under decide its deadlines; b may not
	 * say (an older export), and then takes the register's. */
	if (b->rules_text && *b->rules_text && !same_text(a->rules_text, b->rules_text))
		DIFF("rules");
	if (!same_text(a->safety_note, b->safety_note)) DIFF("safety_note");
	if (strcmp(a->safety_ref, b->safety_ref)) DIFF("safety_ref");
	/* Derived from the complaint's safety_ref, which may arrive after the
	 * record: b, written before the complaint was opened, may not know it. */
	if (b->linked_complaint[0] && strcmp(a->linked_complaint, b->linked_complaint))
		DIFF("linked_complaint");
	if (a->n_causes != b->n_causes) DIFF("causes");
	for (size_t i = 0; i < a->n_causes; i++) {
		bool found = false;
		for (size_t j = 0; j < b->n_causes; j++)
			found = found || strcmp(a->causes[i], b->causes[j]) == 0;
		if (!found) DIFF("causes");
	}
	if (a->n_actions != b->n_actions) DIFF("actions");
	for (size_t i = 0; i < a->n_actions; i++) {
		bool found = false;
		for (size_t j = 0; j < b->n_actions; j++)
			found = found || (a->actions[i] == b->actions[j] &&
					  same_text(a->action_notes[i], b->action_notes[j]));
		if (!found) DIFF("actions");
	}
	if (a->n_stages != b->n_stages) DIFF("stages");
	for (size_t i = 0; i < a->n_stages; i++)
		if (!same_stage(&a->stages[i], &b->stages[i])) DIFF("stages");
	return true;
#undef DIFF
}
