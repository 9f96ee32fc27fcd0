/* case_undo.c - taking back a response recorded by mistake, as the
 * kiosk's "Undo" does right after one: the stage is open again, with its
 * deadlines as they were. Only the latest stage's response can be taken
 * back (a later stage rests on it); the audit trail keeps both the
 * response and its undoing. */
#include <stdio.h>
#include "tellus/case.h"
#include "case_private.h"

static int mv_unrespond(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap,
			tl_err *err)
{
	int rc = case_refuse_safety(c, err);
	(void)st;
	if (rc)
		return rc;
	if (c->kind != TL_KIND_COMPLAINT)
		return err_set(err, TL_ESTATE, "%s: a compliment has no stages", c->ref);
	tl_stage *s = case_stage_of(c, a->stage);
	if (!s)
		return err_set(err, TL_ESTATE, "%s: has no stage %d", c->ref, a->stage);
	if (s != &c->stages[c->n_stages - 1])
		return err_set(err, TL_ESTATE, "%s: stage %d is followed by stage %d, so its "
			       "response stands", c->ref, s->number, c->stages[c->n_stages - 1].number);
	if (s->responded == TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: stage %d has no response to undo", c->ref,
			       s->number);
	case_detail(detail, cap, "response undone", s->number, s->responded,
		    words_word(&WS_OUTCOME, s->outcome));
	s->responded = TL_NO_DATE;
	s->outcome = -1;
	return TL_OK;
}

int case_respond_undo(tl_store *st, const char *ref, int stage, tl_err *err)
{
	tl_move_arg a = { .stage = stage };
	return case_apply(st, ref, "respond_undo", mv_unrespond, &a, err);
}
