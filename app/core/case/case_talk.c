/* case_talk.c - "I'd like to talk to someone" (SPEC 13): the route with no
 * typing, for a child who cannot yet write what happened. It is logged
 * through case_log like any complaint (numbered, given stage 1's dates,
 * listed for staff, and given a receipt by the caller), with words of
 * Tellus's own, in English for the staff, since the child typed none: the
 * wish that someone gets in touch to talk, and a request for an advocate.
 * Its audit line says so, whatever staff later change in the words. */
#include <stdio.h>
#include "tellus/case.h"
#include "case_private.h"

int case_log_talk(tl_store *st, tl_case *c, tl_err *err)
{
	char detail[160];
	int rc;
	c->kind = TL_KIND_COMPLAINT;
	c->procedure = TL_PROC_TO_BE_ASSESSED; /* staff decide which procedure */
	c->advocacy = true;
	if (c->complainant < 0)
		c->complainant = TL_WHO_CHILD;
	if (c->received == TL_NO_DATE)
		c->received = store_today(st);
	if ((rc = case_set_text(&c->summary, CASE_TALK_SUMMARY, err)) ||
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
