/* case_talk.c - "I'd like to talk to someone" (SPEC 13): the route with no
 * typing, for a child who cannot yet write what happened. It is logged
 * through case_log like any complaint (numbered, given stage 1's dates,
 * listed for staff, and given a receipt by the caller), with words of
 * Tellus's own, in English for the staff, since the child typed none: the
 * wish that someone gets in touch to talk, and a request for an advocate.
 * Its audit line says so, whatever staff later change in the words. */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

/* The faces of "How do you feel?", in the order the kiosk shows them. */
const char *const CASE_FEELINGS[] = { "happy", "okay", "not sure", "worried", "sad", "angry",
				      NULL };

static bool feeling_known(const char *f)
{
	for (int i = 0; CASE_FEELINGS[i]; i++)
		if (strcmp(CASE_FEELINGS[i], f) == 0)
			return true;
	return false;
}

int case_log_talk(tl_store *st, tl_case *c, const char *feeling, tl_err *err)
{
	char detail[160], summary[160];
	int rc;
	if (feeling && !feeling_known(feeling))
		return err_set(err, TL_EINVAL, "feeling: '%.20s' is not one of happy, okay, "
			       "not sure, worried, sad, angry", feeling);
	snprintf(summary, sizeof summary, "%s%s%s%s", CASE_TALK_SUMMARY,
		 feeling ? " (the face they chose: " : "", feeling ? feeling : "", feeling ? ")" : "");
	c->kind = TL_KIND_COMPLAINT;
	c->procedure = TL_PROC_TO_BE_ASSESSED; /* staff decide which procedure */
	c->advocacy = true;
	if (c->complainant < 0)
		c->complainant = TL_WHO_CHILD;
	if (c->received == TL_NO_DATE)
		c->received = store_today(st);
	if ((rc = case_set_text(&c->summary, summary, err)) ||
	    (rc = case_set_text(&c->desired, CASE_TALK_DESIRED, err)) ||
	    (!c->service_area && (rc = case_set_text(&c->service_area, "Other", err))))
		return rc;
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = case_log(st, c, err)) == TL_OK) {
		snprintf(detail, sizeof detail, "wants someone to get in touch to talk; "
			 "advocacy asked for; complainant=%s",
			 words_word(&WS_COMPLAINANT, c->complainant));
		rc = store_audit(st, "talk_request", c->ref, detail, err);
	}
	if ((rc = store_end(st, rc, err)))
		c->ref[0] = '\0';
	return rc;
}
