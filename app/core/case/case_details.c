/* case_details.c - what is recorded about a case besides its stages:
 * its causes (and the list of causes to choose from) and the actions
 * taken after it. "I don't feel safe" records are case_safety.c's. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"

static int mv_causes(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	(void)st;
	if (a->n > CASE_MAX_CAUSES)
		return err_set(err, TL_EINVAL, "causes: at most %d", CASE_MAX_CAUSES);
	c->n_causes = 0;
	size_t used = (size_t)snprintf(detail, cap, "causes=");
	for (size_t i = 0; i < a->n; i++) {
		if (strlen(a->list[i]) >= CASE_CAUSE_MAX)
			return err_set(err, TL_EINVAL, "causes: '%.40s...' is not a known cause", a->list[i]);
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", a->list[i]);
		if (used < cap)
			used += (size_t)snprintf(detail + used, cap - used, "%s%s", i ? ";" : "", a->list[i]);
	}
	return TL_OK;
}

int case_set_causes(tl_store *st, const char *ref, const char *const *causes, size_t n, tl_err *err)
{
	tl_move_arg a = { .list = causes, .n = n };
	return case_apply(st, ref, "causes", mv_causes, &a, err);
}

int case_causes(tl_store *st, case_cause_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(store_db(st), "SELECT code, label FROM causes WHERE active"
			       " ORDER BY ord, code", -1, &q, NULL))
		return store_fail(st, err, "reading causes");
	for (int step; rc == TL_OK && (step = sqlite3_step(q)) != SQLITE_DONE;)
		rc = step != SQLITE_ROW ? store_fail(st, err, "reading causes")
			: fn((const char *)sqlite3_column_text(q, 0),
			     (const char *)sqlite3_column_text(q, 1), arg);
	sqlite3_finalize(q);
	return rc;
}

static int mv_action(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if (c->kind != TL_KIND_COMPLAINT)
		return err_set(err, TL_ESTATE, "%s: a compliment has no actions: they follow complaints",
			       c->ref);
	for (size_t i = 0; i < c->n_actions; i++)
		if (c->actions[i] == a->value)
			return err_set(err, TL_EEXIST, "%s: already has the action %s", c->ref,
				       words_word(&WS_ACTION, a->value));
	if ((rc = text_check("note", a->text, 2000, 0, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO actions(case_id, action, note)"
			       " VALUES(?, ?, ?)", -1, &q, NULL))
		return store_fail(st, err, "saving an action");
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_text(q, 2, words_word(&WS_ACTION, a->value), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, a->text ? a->text : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving an action");
	sqlite3_finalize(q);
	snprintf(detail, cap, "action=%s", words_word(&WS_ACTION, a->value));
	return rc;
}

int case_add_action(tl_store *st, const char *ref, int action, const char *note, tl_err *err)
{
	tl_move_arg a = { .value = action, .text = note };
	if (action < 0 || (size_t)action >= WS_ACTION.n)
		return err_set(err, TL_EINVAL, "action: unknown");
	return case_apply(st, ref, "action", mv_action, &a, err);
}
