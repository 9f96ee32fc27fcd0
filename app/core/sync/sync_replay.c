/* sync_replay.c - the table of moves a register can replay, and the
 * replay itself. Each row calls the same public core function a local
 * change calls (case_respond, case_log, cost_add...), with the move's
 * day as today and its maker as actor: the register writes nothing of a
 * device's move directly. A move that goes through case_apply is recorded
 * by name (its action) with its tl_move_arg; a new one needs one row
 * here, and tests/cli/t_sync_moves.sh fails until it has it. */
#include <string.h>
#include "tellus/equalities.h"
#include "tellus/letter.h"
#include "tellus/receipt.h"
#include "sync_private.h"

/* The value of word in set, or a refusal naming the set. */
static int word_of(const tl_wordset *set, const sync_move *m, int *out, tl_err *err)
{
	*out = m->word ? words_find(set, m->word) : -1;
	if (*out < 0)
		return err_set(err, TL_EINVAL, "%s: '%.40s' is not a %s this register knows", m->move,
			       m->word ? m->word : "", set->what);
	return TL_OK;
}

/* A complaint opened from a safety record (case_log_from on the device)
 * carries that record's reference: it is opened from it here too, so the
 * register checks the record and links both, as the device did. */
static int r_log(tl_store *st, const sync_move *m, tl_err *err)
{
	if (!m->owned)
		return err_set(err, TL_EINVAL, "log: the move carries no case");
	if (m->owned->safety_ref[0])
		return case_log_from(st, m->owned->safety_ref, m->owned, err);
	return case_log(st, m->owned, err);
}

static int r_put(tl_store *st, const sync_move *m, tl_err *err)
{
	bool added;
	if (!m->owned)
		return err_set(err, TL_EINVAL, "put: the move carries no case");
	return case_put(st, m->owned, &added, err);
}

static int r_respond(tl_store *st, const sync_move *m, tl_err *err)
{
	int outcome, rc = word_of(&WS_OUTCOME, m, &outcome, err);
	return rc ? rc : case_respond(st, m->ref, m->stage, m->when, outcome, err);
}

static int r_respond_undo(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_respond_undo(st, m->ref, m->stage, err);
}

static int r_withdraw(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_withdraw(st, m->ref, m->when, err);
}

/* The day the extension was agreed; a move recorded before moves carried
 * it has none, and was agreed on the day it was made. */
static int r_extend(tl_store *st, const sync_move *m, tl_err *err)
{
	tl_date when = m->when != TL_NO_DATE ? m->when : m->day;
	return case_extend_on(st, m->ref, m->stage, when, m->text, m->text2, err);
}

static int r_acknowledge(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_acknowledge(st, m->ref, m->stage, m->when, err);
}

static int r_request(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_request(st, m->ref, m->stage, m->when, NULL, err);
}

static int r_panel(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_panel(st, m->ref, m->when, err);
}

static int r_assess(tl_store *st, const sync_move *m, tl_err *err)
{
	int proc, rc = word_of(&WS_PROCEDURE, m, &proc, err);
	return rc ? rc : case_assess(st, m->ref, proc, m->text, err);
}

static int r_pause(tl_store *st, const sync_move *m, tl_err *err)
{
	int reason, rc = word_of(&WS_PAUSE, m, &reason, err);
	return rc ? rc : case_pause(st, m->ref, m->when, reason, err);
}

static int r_resume(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_resume(st, m->ref, m->when, err);
}

static int r_causes(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_set_causes(st, m->ref, m->list, m->n_list, err);
}

static int r_action(tl_store *st, const sync_move *m, tl_err *err)
{
	int action, rc = word_of(&WS_ACTION, m, &action, err);
	return rc ? rc : case_add_action(st, m->ref, action, m->text, err);
}

static int r_handled(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_safety_handled(st, m->ref, m->when, m->text, err);
}

static int r_tracking(tl_store *st, const sync_move *m, tl_err *err)
{
	return receipt_hash_put(st, m->ref, m->text, err);
}

static int r_cost(tl_store *st, const sync_move *m, tl_err *err)
{
	bool added;
	int cat, rc = word_of(&WS_COST, m, &cat, err);
	return rc ? rc : cost_add(st, m->when, cat, m->amount, m->ref, m->n, &added, err);
}

static int r_ombudsman(tl_store *st, const sync_move *m, tl_err *err)
{
	bool added;
	int decision = -1, rc = m->word ? word_of(&WS_OMBUDSMAN, m, &decision, err) : TL_OK;
	return rc ? rc : ombudsman_add(st, m->ref, m->when, m->when2, decision, m->n, &added, err);
}

static int r_context(tl_store *st, const sync_move *m, tl_err *err)
{
	bool added;
	return context_put(st, m->year, m->text, m->number, &added, err);
}

/* A correction (case_edit): word is the field, text the value as
 * corrected, text2 the reason; a person's words travel as the words they
 * correct did. */
static int r_edit(tl_store *st, const sync_move *m, tl_err *err)
{
	return case_edit(st, m->ref, m->word, m->text, m->text2, err);
}

/* Equalities answers: list is the four words (equalities_put). */
static int r_equalities(tl_store *st, const sync_move *m, tl_err *err)
{
	tl_equalities e;
	int rc;
	if (m->n_list != 4)
		return err_set(err, TL_EINVAL, "equalities %s: the move has %zu answers, not 4",
			       m->ref ? m->ref : "", m->n_list);
	rc = equalities_from_words(m->list, &e, err);
	return rc ? rc : equalities_put(st, m->ref, &e, err);
}

/* A copy of a letter sent from a device: word its kind, text its words. */
static int r_letter(tl_store *st, const sync_move *m, tl_err *err)
{
	return letter_keep(st, m->ref, m->word, m->text, err);
}

/* Never sent (sync_record_arg): a device's retention run clears its own
 * copy only. A bundle that says otherwise is refused, into conflicts. */
static int r_retention(tl_store *st, const sync_move *m, tl_err *err)
{
	(void)st;
	return err_set(err, TL_EINVAL, "%s: retention is the register's own decision, not a "
		       "device's", m->ref ? m->ref : "");
}

/* name, replay, and for a case_apply move the set its value is a word of. */
static const sync_move_def MOVES[] = {
	{ "log", r_log, NULL },
	{ "put", r_put, NULL },
	{ "respond", r_respond, &WS_OUTCOME },
	{ "respond_undo", r_respond_undo, NULL },
	{ "withdraw", r_withdraw, NULL },
	{ "extend", r_extend, NULL },
	{ "acknowledge", r_acknowledge, NULL },
	{ "request", r_request, NULL },
	{ "panel", r_panel, NULL },
	{ "assess", r_assess, &WS_PROCEDURE },
	{ "pause", r_pause, &WS_PAUSE },
	{ "resume", r_resume, NULL },
	{ "causes", r_causes, NULL },
	{ "action", r_action, &WS_ACTION },
	{ "safety_handled", r_handled, NULL },
	{ "tracking", r_tracking, NULL },
	{ "cost", r_cost, NULL },
	{ "ombudsman", r_ombudsman, NULL },
	{ "context", r_context, NULL },
	{ "edit", r_edit, NULL },
	{ "retention", r_retention, NULL },
	{ "equalities", r_equalities, NULL },
	{ "letter", r_letter, NULL },
};

const sync_move_def *sync_move_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof MOVES / sizeof MOVES[0]; i++)
		if (strcmp(MOVES[i].name, name) == 0)
			return &MOVES[i];
	return NULL;
}

int sync_replay(tl_store *st, const sync_move *m, tl_err *err)
{
	const sync_move_def *def = sync_move_find(m->move);
	char actor[128];
	tl_date today = store_today(st);
	int rc;

	if (!def)
		return err_set(err, TL_EINVAL, "move '%.31s' is not one this register knows (is the "
			       "device's Tellus newer?)", m->move);
	snprintf(actor, sizeof actor, "%s", store_actor(st));
	store_set_today(st, m->day);
	store_set_actor(st, m->actor);
	store_set_replaying(st, true);
	rc = def->replay(st, m, err);
	store_set_replaying(st, false);
	store_set_actor(st, actor);
	store_set_today(st, today);
	return rc;
}
