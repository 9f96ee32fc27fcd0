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

static int col_text(sqlite3_stmt *s, int i, char **out, tl_err *err)
{
	return case_set_text(out, (const char *)sqlite3_column_text(s, i), err);
}

int case_read_row(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	int rc = TL_OK;
	c->id = sqlite3_column_int64(q, col);
	snprintf(c->ref, sizeof c->ref, "%s", sqlite3_column_text(q, col + 1));
	c->kind = words_find(&WS_KIND, (const char *)sqlite3_column_text(q, col + 2));
	c->received = case_col_date(q, col + 3);
	c->procedure = words_find(&WS_PROCEDURE, (const char *)sqlite3_column_text(q, col + 4));
	snprintf(c->profile, sizeof c->profile, "%s", sqlite3_column_text(q, col + 5));
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
	snprintf(c->safety_ref, sizeof c->safety_ref, "%s", sqlite3_column_text(q, col + 22));
	c->rules = sqlite3_column_int64(q, col + 23);
	if (rc == TL_OK)
		rc = col_text(q, col + 24, &c->assessed_why, err);
	c->consent_names = sqlite3_column_int(q, col + 25);
	if (rc == TL_OK && ((rc = col_text(q, col + 26, &c->complainant_name, err)) ||
			    (rc = col_text(q, col + 27, &c->child_name, err))))
		return rc;
	c->retained = case_col_date(q, col + 28);
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
	return TL_OK;
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
	return rc;
}

static int by_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
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
	if ((rc = store_stmt(st, "SELECT action FROM actions WHERE case_id = ?", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	while (sqlite3_step(q) == SQLITE_ROW && c->n_actions < CASE_MAX_ACTIONS) {
		int a = words_find(&WS_ACTION, (const char *)sqlite3_column_text(q, 0));
		if (a >= 0)
			c->actions[c->n_actions++] = a;
	}
	store_stmt_done(st, q);
	/* In the order of WS_ACTION, so exports are stable. */
	qsort(c->actions, c->n_actions, sizeof c->actions[0], by_int);
	return TL_OK;
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

int case_get(tl_store *st, const char *ref, tl_case *out, tl_err *err)
{
	char canon[REF_MAX];
	tl_err why;
	int rc;

	case_init(out);
	rc = get_exact(st, ref ? ref : "", out, err);
	if (rc != TL_ENOTFOUND)
		goto done;
	if (ref_normalise(ref, canon, &why) == TL_OK) {
		rc = get_exact(st, canon, out, err);
		if (rc != TL_ENOTFOUND)
			goto done;
	} else if (strstr(why.msg, "check character")) {
		rc = err_set(err, TL_EINVAL, "%s", why.msg);
		goto done;
	}
	rc = err_set(err, TL_ENOTFOUND, "ref: no case has the reference '%.40s'",
		     ref ? ref : "");
done:
	if (rc)
		case_clear(out);
	return rc;
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_stage(const tl_stage *a, const tl_stage *b)
{
	return a->number == b->number && a->started == b->started && a->extended == b->extended &&
	       a->panel == b->panel && a->responded == b->responded && a->outcome == b->outcome;
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
			found = found || a->actions[i] == b->actions[j];
		if (!found) DIFF("actions");
	}
	if (a->n_stages != b->n_stages) DIFF("stages");
	for (size_t i = 0; i < a->n_stages; i++)
		if (!same_stage(&a->stages[i], &b->stages[i])) DIFF("stages");
	return true;
#undef DIFF
}
