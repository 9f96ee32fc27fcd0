/* test_talk.c - "I'd like to talk to someone" (SPEC 13), the route with
 * no typing: a complaint asking for contact and an advocate, through
 * case_log like any other, with its own audit line, stage 1's dates, a
 * receipt whose code finds it, a place in the staff's list, and the
 * running totals still true; a refusal stores nothing. */
#include "fixture.h"
#include "tellus/case.h"
#include "tellus/receipt.h"

static int setup(void **state)
{
	if (fixture_setup(state))
		return -1;
	fixture *f = *state;
	return store_setting_set(f->st, "device_code", "K2", &f->err) ? -1 : 0;
}

static void log_talk(fixture *f, tl_case *c)
{
	case_init(c);
	c->channel = TL_CHANNEL_KIOSK;
	if (case_log_talk(f->st, c, NULL, &f->err))
		fail_msg("case_log_talk: %s", f->err.msg);
}

static int count_open(const tl_case *c, void *arg)
{
	(void)c;
	++*(int *)arg;
	return 0;
}

static void a_child_asks_to_talk_and_an_advocate_is_asked_for(void **state)
{
	fixture *f = *state;
	tl_case c, got;
	log_talk(f, &c);
	assert_string_equal(c.ref, "K2-26-0001-7");
	assert_int_equal(case_get(f->st, c.ref, &got, &f->err), TL_OK);
	assert_int_equal(got.kind, TL_KIND_COMPLAINT);
	assert_int_equal(got.complainant, TL_WHO_CHILD);
	assert_int_equal(got.channel, TL_CHANNEL_KIOSK);
	assert_int_equal(got.procedure, TL_PROC_TO_BE_ASSESSED);
	assert_true(got.advocacy);
	assert_string_equal(got.summary, CASE_TALK_SUMMARY);
	assert_string_equal(got.desired, CASE_TALK_DESIRED);
	assert_string_equal(got.service_area, "Other");
	assert_string_equal(got.contact ? got.contact : "", ""); /* nothing typed */
	/* Stage 1's clock runs as for any complaint: 10 working days. */
	const tl_stage *s = case_stage_get(&got, 1);
	assert_non_null(s);
	assert_int_equal(s->started, D("2026-06-30"));
	assert_int_equal(s->due, D("2026-07-14"));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE "
				       "action = 'talk_request' AND ref = 'K2-26-0001-7' AND "
				       "detail LIKE 'wants someone to get in touch%'"), 1);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action = 'log'"), 1);
	int open = 0;
	tl_case_filter all = { .due_within = -1 };
	assert_int_equal(case_list(f->st, &all, count_open, &open, &f->err), TL_OK);
	assert_int_equal(open, 1); /* staff see it with the other complaints */
	tl_checkup chk;
	assert_int_equal(store_check(f->st, &chk, &f->err), TL_OK);
	assert_string_equal(chk.integrity, "ok");
	assert_int_equal(chk.tally_groups, 0);
	case_clear(&c);
	case_clear(&got);
}

/* As at the kiosk: the case and its receipt in one transaction; the code
 * on the receipt then finds the case. */
static void it_gets_a_receipt_like_any_complaint(void **state)
{
	fixture *f = *state;
	tl_case c, tracked;
	tl_receipt r;
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	case_init(&c);
	c.channel = TL_CHANNEL_KIOSK;
	c.complainant = TL_WHO_RELATIVE;
	assert_int_equal(case_set_text(&c.service_area, "Fostering", &f->err), TL_OK);
	assert_int_equal(case_log_talk(f->st, &c, "worried", &f->err), TL_OK);
	assert_int_equal(receipt_issue(f->st, c.ref, false, &r, &f->err), TL_OK);
	assert_int_equal(store_commit(f->st, &f->err), TL_OK);
	assert_int_equal(r.kind, TL_KIND_COMPLAINT);
	assert_int_equal(r.due, D("2026-07-14"));
	assert_int_equal(strlen(r.code), RECEIPT_CODE_MAX - 1);
	assert_int_equal(receipt_track(f->st, c.ref, r.code, &tracked, &f->err), TL_OK);
	assert_string_equal(tracked.service_area, "Fostering");
	assert_string_equal(tracked.summary, CASE_TALK_SUMMARY " (the face they chose: worried)");
	assert_int_equal(tracked.complainant, TL_WHO_RELATIVE);
	assert_true(tracked.advocacy);
	receipt_wipe(&r);
	case_clear(&c);
	case_clear(&tracked);
}

/* A refused talk request leaves no case and no audit line behind. */
static void a_refusal_stores_nothing(void **state)
{
	fixture *f = *state;
	tl_case c;
	case_init(&c);
	c.on_behalf = true; /* and no officer named */
	assert_refused(case_log_talk(f->st, &c, NULL, &f->err), TL_EINVAL, f, "officer:");
	assert_string_equal(c.ref, "");
	case_clear(&c);
	case_init(&c);
	c.received = D("2026-07-30"); /* after today */
	assert_int_equal(case_log_talk(f->st, &c, NULL, &f->err), TL_EINVAL);
	case_clear(&c);
	case_init(&c);
	assert_refused(case_log_talk(f->st, &c, "grumpy", &f->err), TL_EINVAL, f,
		       "feeling: 'grumpy' is not one of");
	case_clear(&c);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE "
				       "action IN ('log', 'talk_request')"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fixture_teardown)
		T(a_child_asks_to_talk_and_an_advocate_is_asked_for),
		T(it_gets_a_receipt_like_any_complaint),
		T(a_refusal_stores_nothing),
	};
	return cmocka_run_group_tests_name("talk", tests, NULL, NULL);
}
