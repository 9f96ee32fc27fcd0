/* serve_track.c - the tracking page's work, on a worker with its own
 * store: check the reference and code through the core (receipt_track,
 * the same check as `tellus track` and the kiosk), and choose the page.
 * Every kind of mismatch (a typo in the reference, an unknown reference,
 * a wrong code) gets one neutral page, at one cost, and a line in the
 * audit trail that never holds the code. */
#include <stdio.h>
#include <string.h>
#include "serve_private.h"

#define SOON_DAYS 5

void track_canon(const char *typed, char out[REF_MAX])
{
	char split[1][REF_MAX];

	if (typed && ref_normalise(typed, out, NULL) == TL_OK)
		return;
	if (ref_unhyphenated(typed, split, 1) == 1)
		memcpy(out, split[0], REF_MAX);
	else
		out[0] = '\0';
}

static void fail_page(serve_track_job *j, int status)
{
	j->status = status;
	if (page_error(status, j->lang, &j->body, &j->len))
		j->body = NULL;
}

/* The case page: its current stage and where that stands today. */
static int found(tl_store *st, const page_ctx *p, const tl_case *c, serve_track_job *j,
		 tl_err *err)
{
	tl_stage_status stat = { .next_by = TL_NO_DATE };
	page_case_in in = { .c = c, .s = case_current_stage(c), .stat = &stat };
	int rc;

	if (c->kind == TL_KIND_COMPLAINT && in.s &&
	    (rc = case_stage_status(st, c, in.s, store_today(st), SOON_DAYS, &stat, err)))
		return rc;
	return page_case(p, &in, &j->body, &j->len);
}

/* A try that did not match: the same cost as a real check whatever went
 * wrong, counted, and a line in the audit trail (without the code); one
 * more when it starts a refusal. */
static void wrong(tl_store *st, serve_track_job *j, int rc)
{
	char detail[160];
	tl_err err;

	if (rc == TL_EINVAL)
		(void)receipt_code_matches(NULL, j->code);
	j->wrong = true;
	snprintf(detail, sizeof detail, "tracking page: reference and code did not match "
		 "(from %s)", j->client);
	if (receipt_track_audit(st, j->canon, "track_failed", detail, &err))
		fprintf(stderr, "tellus serve: audit: %s\n", err.msg);
	if (!limit_wrong(j->limit, j->client, j->canon, serve_now()))
		return;
	snprintf(detail, sizeof detail, "tracking page: too many wrong tries from %s or for "
		 "this reference; refused for a while", j->client);
	if (receipt_track_audit(st, j->canon, "track_refused", detail, &err))
		fprintf(stderr, "tellus serve: audit: %s\n", err.msg);
}

void track_job(tl_store *st, void *arg)
{
	serve_track_job *j = arg;
	tl_receipt_settings set;
	page_ctx p = { .set = &set, .self = j->self, .lang = j->lang };
	tl_date today;
	tl_case c;
	tl_err err;
	int rc;

	j->status = 200;
	if ((rc = date_today(&today, &err)) || (rc = receipt_settings_load(st, &set, &err))) {
		fprintf(stderr, "tellus serve: %s\n", err.msg);
		return fail_page(j, 500);
	}
	store_set_today(st, today);
	track_canon(j->ref, j->canon);
	if ((!j->ref || !j->ref[0]) && (!j->code || !j->code[0])) {
		rc = page_form(&p, "", false, &j->body, &j->len);
	} else if ((rc = receipt_track(st, j->ref, j->code, &c, &err)) == TL_OK) {
		if (j->by_link) {
			p.ref = j->ref;
			p.code = j->code;
		}
		rc = found(st, &p, &c, j, &err);
		case_clear(&c);
	} else if (rc == TL_EAUTH || rc == TL_EINVAL) {
		wrong(st, j, rc);
		rc = page_form(&p, j->ref, true, &j->body, &j->len);
	}
	if (rc) {
		fprintf(stderr, "tellus serve: %s\n", rc == TL_ENOMEM ? "out of memory" : err.msg);
		fail_page(j, rc == TL_EDB ? 503 : 500);
	}
}
