/* case_pauses.c - a stage's pauses as an import or a device carries them
 * (stage_pauses rows): checked to follow each other as the pause and
 * resume moves (case_clock.c) would have recorded them, then turned into
 * the stage's clock (started, paused_days, paused_since) exactly as those
 * moves set it, so that a case stored whole reads back as it was. */
#include <stdio.h>
#include "tellus/case.h"
#include "case_private.h"

static const char *const PAUSES_FIELD[] = { "", "stage1_pauses", "stage2_pauses",
					    "stage3_pauses" };

/* One pause after the clock's last restart (from), within the stage. */
static int check_one(const tl_stage *s, const tl_pause *p, bool last, tl_date from,
		     tl_date today, tl_err *err)
{
	const char *f = PAUSES_FIELD[s->number];
	char a[TL_DATE_LEN], b[TL_DATE_LEN];
	bool restart = p->reason == words_find(&WS_PAUSE, "new_concerns");

	date_format(p->paused, a);
	date_format(from, b);
	if (p->reason < 0 || (size_t)p->reason >= WS_PAUSE.n)
		return err_set(err, TL_EINVAL, "%s: unknown pause reason", f);
	if (p->paused == TL_NO_DATE || p->paused < from)
		return err_set(err, TL_EINVAL, "%s: the clock cannot stop on %s, before %s, when it "
			       "last (re)started: pauses are listed in the order they happened", f,
			       a, b);
	if (restart && (p->resumed != p->paused || p->days != 0))
		return err_set(err, TL_EINVAL, "%s: new_concerns restarts the stage on the day it "
			       "is raised: %s %s %s 0", f, words_word(&WS_PAUSE, p->reason), a, a);
	if (p->resumed == TL_NO_DATE) {
		if (!last || s->responded != TL_NO_DATE)
			return err_set(err, TL_EINVAL, "%s: only the last pause of an open stage can "
				       "still be running", f);
		return p->paused > today ? err_set(err, TL_EINVAL, "%s: '%s' is in the future", f, a)
					 : TL_OK;
	}
	date_format(p->resumed, b);
	if (p->resumed < p->paused || p->days < 0 || p->days > p->resumed - p->paused)
		return err_set(err, TL_EINVAL, "%s: a pause from %s to %s cannot stop the clock "
			       "for %d working days", f, a, b, p->days);
	if (p->resumed > today || (s->responded != TL_NO_DATE && p->resumed > s->responded))
		return err_set(err, TL_EINVAL, "%s: the clock restarts on %s, after the stage %s",
			       f, b, p->resumed > today ? "today" : "ended");
	return TL_OK;
}

/* The clock of one stage from its pauses, as mv_pause and mv_resume set
 * it: a new_concerns pause restarts the stage (started) with no days
 * stopped; a finished pause adds its days; a running one stops it. */
static int settle_stage(tl_stage *s, tl_date today, tl_err *err)
{
	tl_date from = s->opened;
	int rc;

	s->started = s->opened;
	s->paused_days = 0;
	s->paused_since = TL_NO_DATE;
	for (size_t i = 0; i < s->n_pauses; i++) {
		const tl_pause *p = &s->pauses[i];
		if ((rc = check_one(s, p, i + 1 == s->n_pauses, from, today, err)))
			return rc;
		if (p->reason == words_find(&WS_PAUSE, "new_concerns")) {
			s->started = p->paused;
			s->paused_days = 0;
		} else if (p->resumed != TL_NO_DATE) {
			s->paused_days += p->days;
		} else {
			s->paused_since = p->paused;
		}
		from = p->resumed != TL_NO_DATE ? p->resumed : p->paused;
	}
	return TL_OK;
}

int case_clock_settle(tl_store *st, tl_case *c, const char **field, tl_err *err)
{
	int rc;

	for (size_t i = 0; i < c->n_stages; i++) {
		tl_stage *s = &c->stages[i];
		if (s->opened == TL_NO_DATE)
			s->opened = s->number == 1 ? c->received : s->started;
		if (s->number < 1 || s->number > 3 || (rc = settle_stage(s, store_today(st), err)) == TL_OK)
			continue;
		if (field)
			*field = PAUSES_FIELD[s->number];
		return rc;
	}
	return TL_OK;
}
