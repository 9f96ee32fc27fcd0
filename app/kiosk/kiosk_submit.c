/* kiosk_submit.c - where the kiosk meets the core: the draft becomes a
 * case through case_log (one transaction, durable before the receipt is
 * shown), staff lists come from case_list (the manager's in sections),
 * the causes to choose from from case_causes, and the receipt's QR matrix
 * comes from the receipts module. A screen never runs SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kiosk.h"

static int fill_case(kiosk *k, tl_case *c, tl_err *err)
{
	const kiosk_draft *d = &k->d;
	int rc;
	c->kind = d->kind;
	c->received = store_today(k->st);
	c->channel = k->signed_in ? TL_CHANNEL_STAFF : TL_CHANNEL_KIOSK;
	c->procedure = TL_PROC_TO_BE_ASSESSED;
	c->complainant = d->who >= 0 ? d->who : TL_WHO_OTHER;
	c->on_behalf = k->signed_in;
	c->consent_to_publish = d->kind == TL_KIND_COMPLIMENT && d->consent;
	/* The consent step does not ask about names yet: consent_names stays
	 * no, so the report shows a kiosk compliment's names as initials. It
	 * may offer "and our names" beside "share what I said" later. */
	c->advocacy = d->advocacy;
	if ((rc = case_set_text(&c->service_area, d->service >= 0 ?
				k->services[d->service].area : "Other", err)) ||
	    (rc = case_set_text(&c->summary, d->summary, err)) ||
	    (rc = case_set_text(&c->desired, d->kind == TL_KIND_COMPLAINT ? d->wish : "", err)) ||
	    (rc = case_set_text(&c->contact, d->contact, err)) ||
	    (rc = case_set_text(&c->complainant_name, d->name[0] ? d->name : NULL, err)) ||
	    (rc = case_set_text(&c->child_name, d->who != TL_WHO_CHILD && d->child_name[0] ?
				d->child_name : NULL, err)))
		return rc;
	if (k->signed_in)
		return case_set_text(&c->officer, k->staff.name, err);
	return TL_OK;
}

int kiosk_keep_qr(kiosk *k, const char *payload, tl_err *err)
{
	tl_qr q = { 0 };
	int rc = receipt_qr_encode(payload, strlen(payload), &q, err);
	k->qr_size = 0;
	if (rc == TL_OK && (size_t)q.size * (size_t)q.size <= sizeof k->qr) {
		memcpy(k->qr, q.dark, (size_t)q.size * (size_t)q.size);
		k->qr_size = q.size;
	}
	receipt_qr_free(&q);
	return rc;
}

/* The receipt of the case just logged: a new tracking code (stored only as
 * a hash) and the QR of its payload, kept in memory for the screen. */
static int issue_receipt(kiosk *k, const char *ref, tl_err *err)
{
	tl_receipt r;
	char *payload = NULL;
	int rc = receipt_issue(k->st, ref, false, &r, err);
	/* The tracking page opens in the language of the visit. */
	if (rc == TL_OK && k->lang)
		snprintf(r.lang, sizeof r.lang, "%s", k->lang->code);
	if (rc == TL_OK && (rc = receipt_payload(&r, &payload, err)) == TL_OK)
		rc = kiosk_keep_qr(k, payload, err);
	if (rc == TL_OK) {
		snprintf(k->code, sizeof k->code, "%s", r.code);
		k->qr_link = r.set.url[0] != '\0';
	}
	receipt_wipe(&r);
	free(payload);
	return rc;
}

/* Who acts and which day it is, read afresh for each write (the kiosk may
 * run past midnight). Sample screens never write. */
int kiosk_before_write(kiosk *k, tl_err *err)
{
	tl_date today;
	int rc;
	if (k->sample)
		return err_set(err, TL_ESTATE, "kiosk: sample screens store nothing");
	if ((rc = date_today(&today, err)))
		return rc;
	store_set_today(k->st, today);
	store_set_actor(k->st, k->signed_in ? k->staff.name : "kiosk");
	return TL_OK;
}

/* What the receipt screen shows of a case just logged. */
static void keep_receipt(kiosk *k, const tl_case *c)
{
	snprintf(k->ref, sizeof k->ref, "%s", c->ref);
	k->receipt_kind = c->kind;
	k->received = c->received;
	const tl_stage *s = case_stage_get(c, 1);
	k->due = s ? s->due : TL_NO_DATE;
	k->max_due = s ? s->max_due : TL_NO_DATE;
}

/* The case and its receipt are one transaction: a receipt on screen always
 * names a case and a code that are on disk. */
int kiosk_submit(kiosk *k, tl_err *err)
{
	tl_case c;
	int rc;

	if ((rc = kiosk_before_write(k, err)) || (rc = store_begin(k->st, err)))
		return rc;
	case_init(&c);
	if ((rc = fill_case(k, &c, err)) ||
	    (rc = k->from_safety[0] ? case_log_from(k->st, k->from_safety, &c, err)
				    : case_log(k->st, &c, err)) ||
	    (rc = issue_receipt(k, c.ref, err)) || (rc = store_commit(k->st, err))) {
		store_rollback(k->st);
		goto cleanup;
	}
	keep_receipt(k, &c);
	k->talked = false;
	/* The words leave memory as soon as they are stored. */
	memset(&k->d, 0, sizeof k->d);
	k->d.kind = k->d.who = k->d.service = -1;
	k->from_safety[0] = '\0';
cleanup:
	case_clear(&c);
	return rc;
}

/* "I'd like to talk to someone": no words typed, the face chosen (if
 * any), who they are if they said; a receipt like any complaint's, in the
 * same transaction. */
int kiosk_submit_talk(kiosk *k, tl_err *err)
{
	tl_case c;
	int rc;

	if ((rc = kiosk_before_write(k, err)) || (rc = store_begin(k->st, err)))
		return rc;
	case_init(&c);
	c.channel = k->signed_in ? TL_CHANNEL_STAFF : TL_CHANNEL_KIOSK;
	c.complainant = k->d.who;
	c.on_behalf = k->signed_in;
	if ((k->signed_in && (rc = case_set_text(&c.officer, k->staff.name, err))) ||
	    (rc = case_log_talk(k->st, &c, k->feeling >= 0 ? CASE_FEELINGS[k->feeling] : NULL,
				err)) ||
	    (rc = issue_receipt(k, c.ref, err)) || (rc = store_commit(k->st, err))) {
		store_rollback(k->st);
		goto cleanup;
	}
	keep_receipt(k, &c);
	k->talked = true;
	k->feeling = -1;
cleanup:
	case_clear(&c);
	return rc;
}

/* "I don't feel safe" is not a complaint: a record outside the complaints
 * procedure, flagged for staff at once, with no words of the person's.
 * Then the council's alert, outside the record's transaction; whether
 * staff know is asked of the core, never assumed. */
int kiosk_flag_unsafe(kiosk *k, tl_err *err)
{
	tl_case c;
	tl_err why;
	bool sent = false;
	int rc;

	if ((rc = kiosk_before_write(k, err)))
		return rc;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = store_today(k->st);
	c.channel = k->signed_in ? TL_CHANNEL_STAFF : TL_CHANNEL_KIOSK;
	c.procedure = TL_PROC_NOT_ELIGIBLE;
	c.complainant = k->d.who >= 0 ? k->d.who : TL_WHO_CHILD;
	c.unsafe = true;
	c.advocacy = k->d.advocacy;
	if ((rc = case_set_text(&c.service_area, "Other", err)) == TL_OK &&
	    (rc = case_set_text(&c.summary, "Said at the kiosk: I don't feel safe", err)) == TL_OK)
		rc = case_log(k->st, &c, err);
	if (rc == TL_OK) {
		snprintf(k->unsafe_ref, sizeof k->unsafe_ref, "%s", c.ref);
		k->flagged = true;
		kiosk_autosync_urgent(k);
		/* A failed alert is audited by the core; the screen says what to do. */
		case_alert(k->st, c.ref, &sent, &why);
		if (case_staff_told(k->st, c.ref, &k->told_staff, &why))
			k->told_staff = false;
	}
	case_clear(&c);
	return rc;
}

/* ROWS_FULL is how the visitors below (add_row, add_cause) say "the
 * kiosk's array is full, stop". case_list and case_causes stop at their
 * visitor's first non-zero return and hand that value back unchanged, the
 * same way they hand back an error; every tl_status is zero or positive,
 * so -1 can never be mistaken for a failure of the core's (or of
 * case_stage_status's, which add_row passes on). Two callers rely on it:
 *
 * - kiosk_load_rows goes on to the next section after a full one: the
 *   flagged section is full at a quarter of the rows, to leave the overdue
 *   and due-soon cases room below it;
 * - kiosk_load_rows and kiosk_load_causes then report success (full_is_ok):
 *   a list longer than the screen shows its first rows, it has not failed.
 */
#define ROWS_FULL (-1)

/* A listing that stopped at ROWS_FULL has shown what fitted: success. */
static int full_is_ok(int rc)
{
	return rc == ROWS_FULL ? TL_OK : rc;
}

typedef struct {
	kiosk *k;
	tl_date today;
	tl_err *err;
	int section;
} row_state;

/* The staff's lists: in English, as the staff screens are. */
static void row_words(kiosk_row *r, const tl_case *c, const tl_stage *s, const char *due,
		      const tl_stage_status *stat)
{
	char got[TL_DATE_LEN];
	date_format(c->received, got);
	snprintf(r->ref, sizeof r->ref, "%s", c->ref);
	snprintf(r->title, sizeof r->title, "%s  %s", c->ref, c->unsafe ? NT_("Safety concern") :
		 c->service_area ? c->service_area : "");
	if (c->unsafe && c->safety_handled != TL_NO_DATE)
		snprintf(r->detail, sizeof r->detail, NT_("Said they do not feel safe on %s: handled"),
			 got);
	else if (c->unsafe)
		snprintf(r->detail, sizeof r->detail, NT_("Said they do not feel safe on %s: act now"),
			 got);
	else if (s)
		snprintf(r->detail, sizeof r->detail, NT_("Stage %d, received %s, due %s"), s->number,
			 got, due[0] ? due : NT_("(answered)"));
	else
		snprintf(r->detail, sizeof r->detail, NT_("Compliment, received %s"), got);
	snprintf(r->badge, sizeof r->badge, "%s", c->unsafe ?
		 (c->safety_handled != TL_NO_DATE ? "" : NT_("Act now")) :
		 stat->state == CASE_OVERDUE ? NT_("Overdue") :
		 stat->state == CASE_DUE_SOON ? NT_("Due soon") : "");
}

/* A case already listed in an earlier section is not listed again.
 * Returns ROWS_FULL when the section (or the whole list) is full. */
static int add_row(const tl_case *c, void *arg)
{
	row_state *rs = arg;
	kiosk *k = rs->k;
	const tl_stage *s = case_current_stage(c);
	char due[TL_DATE_LEN] = "";
	tl_stage_status stat = { .state = CASE_DONE };
	int rc;

	for (int i = 0; i < k->n_rows; i++)
		if (strcmp(k->rows[i].ref, c->ref) == 0)
			return 0;
	if (k->n_rows >= KIOSK_ROWS || (rs->section == KR_FLAGGED && k->n_rows >= KIOSK_ROWS / 4))
		return ROWS_FULL;
	if (s && s->responded == TL_NO_DATE) {
		if ((rc = case_stage_status(k->st, c, s, rs->today, KIOSK_SOON_DAYS, &stat, rs->err)))
			return rc;
		date_format(s->due, due);
	}
	kiosk_row *r = &k->rows[k->n_rows++];
	memset(r, 0, sizeof *r);
	row_words(r, c, s, due, &stat);
	r->section = rs->section;
	return 0;
}

/* Safety concerns come first for every role, whoever logged them: an
 * officer on a visit may be the nearest person to act. */
int kiosk_load_rows(kiosk *k, bool mine, tl_err *err)
{
	tl_case_filter f[KR_N] = {
		[KR_FLAGGED] = { .flagged_only = true, .due_within = -1 },
		[KR_OVERDUE] = { .overdue_only = true, .due_within = -1 },
		[KR_SOON] = { .due_within = KIOSK_SOON_DAYS },
		[KR_LATER] = { .due_within = -1 },
		[KR_MINE] = { .due_within = -1, .officer = k->staff.name, .include_closed = true },
	};
	row_state rs = { k, TL_NO_DATE, err, KR_LATER };
	int rc = TL_OK;
	k->n_rows = 0;
	if ((rc = date_today(&rs.today, err)))
		return rc;
	store_set_today(k->st, rs.today);
	for (rs.section = 0; rs.section < KR_N; rs.section++) {
		if (rs.section != KR_FLAGGED && mine != (rs.section == KR_MINE))
			continue;
		rc = case_list(k->st, &f[rs.section], add_row, &rs, err);
		if (rc != TL_OK && rc != ROWS_FULL) /* a full section: on to the next */
			return rc;
	}
	return full_is_ok(rc);
}

static int add_cause(const char *code, const char *label, void *arg)
{
	kiosk *k = arg;
	if (k->n_causes >= KIOSK_CAUSES)
		return ROWS_FULL;
	kiosk_cause *c = &k->causes[k->n_causes++];
	snprintf(c->code, sizeof c->code, "%s", code);
	snprintf(c->label, sizeof c->label, "%s", label);
	c->on = false;
	for (size_t i = 0; i < k->cur.n_causes; i++)
		c->on |= strcmp(k->cur.causes[i], code) == 0;
	return 0;
}

int kiosk_load_causes(kiosk *k, tl_err *err)
{
	k->n_causes = 0;
	if (k->sample)
		return TL_OK;
	int rc = case_causes(k->st, add_cause, k, err);
	return full_is_ok(rc);
}

/* Where a stage stands, in a child's words (SPEC 8: the stage and its
 * dates, nothing else), in the visit's language. After a reply: the next
 * step there is, by the case's own procedure. */
void kiosk_track_words(kiosk *k, const tl_case *c)
{
	static const char *const LOOKING[] = {
		N_("We are looking into your complaint. We will reply by %s."),
		N_("We are looking into your complaint again, more closely. We will reply by %s."),
		N_("A review panel is looking at your complaint. We will reply by %s."),
	};
	const tl_stage *s = case_current_stage(c);
	tl_stage_status stat = { .next_by = TL_NO_DATE };
	char day[LANG_DATE_MAX], by[LANG_DATE_MAX], next[800];
	tl_err err;
	if (!s) {
		snprintf(k->track_result, sizeof k->track_result, "%s",
			 _("We have your kind words. Thank you."));
	} else if (s->outcome == TL_OUTCOME_WITHDRAWN) {
		lang_date_words(s->responded, day, sizeof day);
		snprintf(k->track_result, sizeof k->track_result,
			 _("Your complaint was withdrawn on %s."), day);
	} else if (s->responded != TL_NO_DATE) {
		lang_date_words(s->responded, day, sizeof day);
		case_stage_status(k->st, c, s, store_today(k->st), KIOSK_SOON_DAYS, &stat, &err);
		lang_date_words(stat.next_by, by, sizeof by);
		if (stat.next_by != TL_NO_DATE)
			snprintf(next, sizeof next, _("If you are not happy with our reply, you can "
						      "ask us to look at it again by %s."), by);
		else
			snprintf(next, sizeof next, "%s", _("If you are still not happy, you can ask "
				 "the Local Government and Social Care Ombudsman to look at it."));
		snprintf(k->track_result, sizeof k->track_result, _("We replied on %s. %s"), day,
			 next);
	} else {
		lang_date_words(s->extended ? s->max_due : s->due, day, sizeof day);
		snprintf(k->track_result, sizeof k->track_result,
			 _(LOOKING[s->number >= 1 && s->number <= 3 ? s->number - 1 : 0]), day);
	}
}

/* Shows where a case stands, and nothing else, to whoever has both its
 * reference and its tracking code. A mismatch says what to do next. */
void kiosk_track(kiosk *k)
{
	tl_case c;
	tl_err err;
	int rc = receipt_track(k->st, k->track_ref, k->track_code, &c, &err);
	k->track_result[0] = '\0';
	k->track_failed = rc != TL_OK;
	if (rc == TL_EINVAL && strstr(err.msg, "code"))
		kiosk_hint(k, "code", _("A secret code is 10 letters and numbers, like 7KQ2M-X9D4P. "
					"Check it against your receipt."));
	else if (rc == TL_EINVAL)
		kiosk_hint(k, "reference", _("That reference does not look right. Check it against "
					     "your receipt and try again."));
	else if (rc)
		kiosk_hint(k, NULL, _("We could not find a complaint with that reference and secret "
				      "code. Check both against your receipt and try again. If it "
				      "still does not work, ask at the desk."));
	if (rc)
		return;
	k->hint[0] = '\0';
	kiosk_track_words(k, &c);
	case_clear(&c);
}
