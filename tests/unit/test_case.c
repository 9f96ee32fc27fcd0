/* test_case.c - the case lifecycle: every rule of the procedure, and every
 * refusal, which must change nothing (no row, no audit entry). */
#include "fixture.h"
#include "tellus/case.h"
#include "tellus/text.h"

static long long count(fixture *f, const char *sql)
{
	sqlite3_stmt *q = NULL;
	long long n = -1;
	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), sql, -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

/* A statutory complaint from a parent, received on `received`. */
static void log_complaint(fixture *f, const char *received, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	case_set_text(&c.service_area, "Fostering", NULL);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_PARENT;
	c.received = D(received);
	assert_int_equal(case_set_text(&c.service_area, "Fostering", NULL), TL_OK);
	assert_int_equal(case_set_text(&c.summary, "Nobody rang back. \"Ever\", 😞", NULL), TL_OK);
	int rc = case_log(f->st, &c, &f->err);
	if (rc)
		fail_msg("case_log: %s", f->err.msg);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
}

static tl_stage stage_of(fixture *f, const char *ref, int n)
{
	tl_case c;
	assert_int_equal(case_get(f->st, ref, &c, &f->err), TL_OK);
	const tl_stage *s = case_stage_get(&c, n);
	assert_non_null(s);
	tl_stage copy = *s;
	copy.extension_reason = copy.extension_by = NULL;
	case_clear(&c);
	return copy;
}

static void assert_date(tl_date got, const char *want)
{
	char s[TL_DATE_LEN];
	date_format(got, s);
	assert_string_equal(s, want);
}

/* Runs a refused move and checks nothing was written. */
#define REFUSED(f, call, code, needle) do { \
	long long audit_before = count(f, "SELECT count(*) FROM audit"); \
	assert_refused((call), (code), (f), (needle)); \
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), audit_before); \
} while (0)

static void stage1_deadlines_across_christmas_2025(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	log_complaint(f, "2025-12-19", ref);
	tl_stage s = stage_of(f, ref, 1);
	assert_date(s.due, "2026-01-07");
	assert_date(s.max_due, "2026-01-21");
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'log'"), 1);
}

static void references_number_up_and_carry_a_valid_check(void **state)
{
	fixture *f = *state;
	char a[REF_MAX], b[REF_MAX], canon[REF_MAX];
	assert_int_equal(store_setting_set(f->st, "device_code", "K2", &f->err), TL_OK);
	log_complaint(f, "2026-01-05", a);
	log_complaint(f, "2026-01-06", b);
	assert_string_equal(a, "K2-26-0001-7");
	assert_int_equal(strncmp(b, "K2-26-0002-", 11), 0);
	assert_int_equal(ref_normalise(b, canon, &f->err), TL_OK);
	tl_case c;
	assert_int_equal(case_get(f->st, "k2 26 ooo1 7", &c, &f->err), TL_OK);
	assert_string_equal(c.ref, a);
	case_clear(&c);
	REFUSED(f, case_get(f->st, "K2-26-0001-8", &c, &f->err), TL_EINVAL, "wrong check character");
}

static void compliment_has_no_stages(void **state)
{
	fixture *f = *state;
	tl_case c;
	case_init(&c);
	case_set_text(&c.service_area, "Fostering", NULL);
	c.kind = TL_KIND_COMPLIMENT;
	c.complainant = TL_WHO_CHILD;
	c.received = D("2026-02-02");
	c.consent_to_publish = true;
	assert_int_equal(case_log(f->st, &c, &f->err), TL_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM stages"), 0);
	REFUSED(f, case_respond(f->st, c.ref, 1, D("2026-02-03"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "compliment");
	REFUSED(f, case_extend(f->st, c.ref, 1, "complex", "Jo", &f->err), TL_ESTATE, "compliment");
	case_clear(&c);
}

static void bad_new_cases_are_refused_and_store_nothing(void **state)
{
	fixture *f = *state;
	struct { const char *summary; const char *received; int who; bool behalf; const char *cause;
		 const char *needle; } bad[] = {
		{ "ok", "2026-07-01", TL_WHO_CHILD, false, NULL, "in the future" },
		{ "bad \xC3\x28 utf8", "2026-01-01", TL_WHO_CHILD, false, NULL, "not valid UTF-8" },
		{ "ok", "2026-01-01", -1, false, NULL, "complainant" },
		{ "ok", "2026-01-01", TL_WHO_CHILD, true, NULL, "officer" },
		{ "ok", "2026-01-01", TL_WHO_CHILD, false, "no_such_cause", "not a known cause" },
		{ "bell \a here", "2026-01-01", TL_WHO_CHILD, false, NULL, "control character" },
		{ "ok", "1990-01-01", TL_WHO_CHILD, false, NULL, "outside" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tl_case c;
		case_init(&c);
		case_set_text(&c.service_area, "Fostering", NULL);
		c.kind = TL_KIND_COMPLAINT;
		c.complainant = bad[i].who;
		c.on_behalf = bad[i].behalf;
		c.received = D(bad[i].received);
		case_set_text(&c.summary, bad[i].summary, NULL);
		if (bad[i].cause) {
			snprintf(c.causes[0], CASE_CAUSE_MAX, "%s", bad[i].cause);
			c.n_causes = 1;
		}
		REFUSED(f, case_log(f->st, &c, &f->err), TL_EINVAL, bad[i].needle);
		case_clear(&c);
	}
	assert_int_equal(count(f, "SELECT count(*) FROM cases"), 0);
}

static void a_megabyte_of_text_is_refused(void **state)
{
	fixture *f = *state;
	tl_case c;
	char *big = malloc(1 << 20);
	memset(big, 'a', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	case_init(&c);
	case_set_text(&c.service_area, "Fostering", NULL);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_CHILD;
	c.received = D("2026-01-05");
	c.summary = big;
	REFUSED(f, case_log(f->st, &c, &f->err), TL_EINVAL, "summary: too long");
	case_clear(&c);
	assert_int_equal(count(f, "SELECT count(*) FROM cases"), 0);
}

static void response_before_receipt_is_refused(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	log_complaint(f, "2026-01-05", ref);
	REFUSED(f, case_respond(f->st, ref, 1, D("2026-01-02"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "before the stage began");
	REFUSED(f, case_respond(f->st, ref, 1, D("2026-07-02"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_EINVAL, "in the future");
	REFUSED(f, case_respond(f->st, ref, 1, D("2026-01-09"), 42, &f->err), TL_EINVAL,
		"outcome: unknown");
	REFUSED(f, case_respond(f->st, ref, 2, D("2026-01-09"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "no stage 2");
}

static void stage1_response_on_day_10_is_in_time_and_day_11_late(void **state)
{
	fixture *f = *state;
	char a[REF_MAX], b[REF_MAX];
	tl_stage_status st;
	tl_case c;
	log_complaint(f, "2026-01-05", a);
	log_complaint(f, "2026-01-05", b);
	assert_int_equal(case_respond(f->st, a, 1, D("2026-01-19"), TL_OUTCOME_NOT_UPHELD, &f->err), TL_OK);
	assert_int_equal(case_respond(f->st, b, 1, D("2026-01-20"), TL_OUTCOME_FULLY_UPHELD, &f->err), TL_OK);
	assert_int_equal(case_get(f->st, a, &c, &f->err), TL_OK);
	assert_int_equal(case_stage_status(f->st, &c, &c.stages[0], D("2026-06-30"), 5, &st, &f->err), TL_OK);
	assert_int_equal(st.days_taken, 10);
	assert_true(c.stages[0].responded <= c.stages[0].due);
	assert_date(st.next_by, "2026-02-16");
	case_clear(&c);
	assert_int_equal(case_get(f->st, b, &c, &f->err), TL_OK);
	assert_true(c.stages[0].responded > c.stages[0].due);
	case_clear(&c);
	REFUSED(f, case_respond(f->st, a, 1, D("2026-01-21"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "already ended");
}

static void extension_moves_stage1_to_day_20_once_with_a_reason(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	log_complaint(f, "2026-01-05", ref);
	REFUSED(f, case_extend_on(f->st, ref, 1, D("2026-01-12"), "", "Jo", &f->err), TL_EINVAL,
		"reason");
	/* Due 2026-01-19: an extension agreed after it (today, or the day
	 * after) would make an overdue stage "in time" again. */
	REFUSED(f, case_extend(f->st, ref, 1, "complex", "Jo", &f->err), TL_ESTATE,
		"stage1_extended_on: '2026-06-30' is after stage 1's deadline (2026-01-19)");
	REFUSED(f, case_extend_on(f->st, ref, 1, D("2026-01-20"), "complex", "Jo", &f->err),
		TL_ESTATE, "after stage 1's deadline");
	REFUSED(f, case_extend_on(f->st, ref, 1, D("2026-01-02"), "complex", "Jo", &f->err),
		TL_ESTATE, "before stage 1 began");
	assert_int_equal(case_extend_on(f->st, ref, 1, D("2026-01-19"), "complex: three services",
					"Jo", &f->err), TL_OK);
	tl_stage s1 = stage_of(f, ref, 1);
	assert_date(s1.due, "2026-02-02");
	assert_date(s1.extended_on, "2026-01-19");
	REFUSED(f, case_extend_on(f->st, ref, 1, D("2026-01-19"), "again", "Jo", &f->err), TL_ESTATE,
		"already extended");
}

static void stage2_waits_for_stage1_to_end_or_pass_its_limit(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX], other[REF_MAX];
	bool late = true;
	log_complaint(f, "2026-01-05", ref);
	REFUSED(f, case_request(f->st, ref, 2, D("2026-01-20"), &late, &f->err), TL_ESTATE,
		"within its limit");
	REFUSED(f, case_request(f->st, ref, 3, D("2026-01-20"), &late, &f->err), TL_ESTATE,
		"only stage 2");
	/* Past the 20-day maximum with no response: the complainant may go on. */
	assert_int_equal(case_request(f->st, ref, 2, D("2026-02-03"), &late, &f->err), TL_OK);
	assert_false(late);
	assert_date(stage_of(f, ref, 2).due, "2026-03-10");
	assert_date(stage_of(f, ref, 2).max_due, "2026-05-08");
	log_complaint(f, "2026-01-05", other);
	assert_int_equal(case_respond(f->st, other, 1, D("2026-01-16"), TL_OUTCOME_NOT_UPHELD, &f->err), TL_OK);
	REFUSED(f, case_request(f->st, other, 2, D("2026-01-15"), &late, &f->err), TL_ESTATE,
		"before the stage 1 response");
}

static void late_request_for_stage2_is_allowed_and_flagged(void **state)
{
	fixture *f = *state;
	char a[REF_MAX], b[REF_MAX];
	bool late;
	log_complaint(f, "2026-01-05", a);
	log_complaint(f, "2026-01-05", b);
	case_respond(f->st, a, 1, D("2026-01-16"), TL_OUTCOME_NOT_UPHELD, &f->err);
	case_respond(f->st, b, 1, D("2026-01-16"), TL_OUTCOME_NOT_UPHELD, &f->err);
	/* 20 working days after 2026-01-16 is 2026-02-13. */
	assert_int_equal(case_request(f->st, a, 2, D("2026-02-13"), &late, &f->err), TL_OK);
	assert_false(late);
	assert_int_equal(case_request(f->st, b, 2, D("2026-02-16"), &late, &f->err), TL_OK);
	assert_true(late);
}

static void stage3_panel_comes_before_its_response(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool late;
	log_complaint(f, "2026-01-05", ref);
	case_respond(f->st, ref, 1, D("2026-01-16"), TL_OUTCOME_NOT_UPHELD, &f->err);
	REFUSED(f, case_request(f->st, ref, 3, D("2026-01-20"), &late, &f->err), TL_ESTATE, "only stage 2");
	assert_int_equal(case_request(f->st, ref, 2, D("2026-01-20"), &late, &f->err), TL_OK);
	REFUSED(f, case_request(f->st, ref, 3, D("2026-02-20"), &late, &f->err), TL_ESTATE, "within its limit");
	assert_int_equal(case_extend_on(f->st, ref, 2, D("2026-02-20"), "complex", "Jo", &f->err), TL_OK);
	assert_int_equal(case_respond(f->st, ref, 2, D("2026-03-02"), TL_OUTCOME_NOT_UPHELD, &f->err), TL_OK);
	assert_int_equal(case_request(f->st, ref, 3, D("2026-03-09"), &late, &f->err), TL_OK);
	assert_date(stage_of(f, ref, 3).due, "2026-04-22");
	REFUSED(f, case_extend(f->st, ref, 3, "complex", "Jo", &f->err), TL_ESTATE, "no extension");
	REFUSED(f, case_respond(f->st, ref, 3, D("2026-04-01"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "panel must be held");
	assert_int_equal(case_panel(f->st, ref, D("2026-04-01"), &f->err), TL_OK);
	assert_date(stage_of(f, ref, 3).due, "2026-05-01");
	assert_int_equal(case_respond(f->st, ref, 3, D("2026-04-20"), TL_OUTCOME_PARTLY_UPHELD, &f->err), TL_OK);
	REFUSED(f, case_request(f->st, ref, 4, D("2026-04-21"), &late, &f->err), TL_ESTATE, "no stage after");
}

static void withdrawn_complaint_goes_no_further(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool late;
	log_complaint(f, "2026-01-05", ref);
	assert_int_equal(case_withdraw(f->st, ref, D("2026-01-08"), &f->err), TL_OK);
	assert_int_equal(stage_of(f, ref, 1).outcome, TL_OUTCOME_WITHDRAWN);
	REFUSED(f, case_request(f->st, ref, 2, D("2026-03-01"), &late, &f->err), TL_ESTATE, "withdrawn");
	REFUSED(f, case_withdraw(f->st, ref, D("2026-01-09"), &f->err), TL_ESTATE, "already ended");
}

static void paused_days_move_the_due_date(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX], other[REF_MAX];
	log_complaint(f, "2026-01-05", ref);
	assert_int_equal(case_pause(f->st, ref, D("2026-01-07"), 0, &f->err), TL_OK);
	REFUSED(f, case_pause(f->st, ref, D("2026-01-08"), 1, &f->err), TL_ESTATE, "already stopped");
	REFUSED(f, case_respond(f->st, ref, 1, D("2026-01-09"), TL_OUTCOME_NOT_UPHELD, &f->err),
		TL_ESTATE, "stopped");
	assert_int_equal(case_resume(f->st, ref, D("2026-01-14"), &f->err), TL_OK);
	tl_stage s = stage_of(f, ref, 1);
	assert_int_equal(s.paused_days, 5);
	assert_date(s.due, "2026-01-26");
	assert_int_equal(count(f, "SELECT count(*) FROM stage_pauses WHERE days = 5"), 1);
	/* The same days cannot stop the clock twice. */
	REFUSED(f, case_pause(f->st, ref, D("2026-01-07"), 0, &f->err), TL_ESTATE,
		"cannot stop before 2026-01-14, when it last restarted");
	REFUSED(f, case_pause(f->st, ref, D("2026-01-13"), 0, &f->err), TL_ESTATE,
		"recorded in the order they happen");
	assert_int_equal(stage_of(f, ref, 1).paused_days, 5);
	assert_int_equal(case_pause(f->st, ref, D("2026-01-14"), 0, &f->err), TL_OK);
	/* New concerns restart the stage from that day. */
	log_complaint(f, "2026-01-05", other);
	assert_int_equal(case_pause(f->st, other, D("2026-01-12"), 2, &f->err), TL_OK);
	assert_date(stage_of(f, other, 1).due, "2026-01-26");
	REFUSED(f, case_resume(f->st, other, D("2026-01-13"), &f->err), TL_ESTATE, "not stopped");
}

static void not_eligible_cases_leave_the_lists(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool late;
	log_complaint(f, "2026-01-05", ref);
	REFUSED(f, case_assess(f->st, ref, TL_PROC_STATUTORY, NULL, &f->err), TL_ESTATE, "already");
	assert_int_equal(case_assess(f->st, ref, TL_PROC_NOT_ELIGIBLE, "a court matter", &f->err), TL_OK);
	REFUSED(f, case_request(f->st, ref, 2, D("2026-03-01"), &late, &f->err), TL_ESTATE, "not eligible");
}

static int count_visit(const tl_case *c, void *arg)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

static void lists_show_overdue_and_due_soon(void **state)
{
	fixture *f = *state;
	char a[REF_MAX], b[REF_MAX], c[REF_MAX];
	int n;
	store_set_today(f->st, D("2026-01-20"));
	log_complaint(f, "2026-01-05", a);  /* due 01-19: overdue */
	log_complaint(f, "2026-01-13", b);  /* due 01-27: 5 days left */
	log_complaint(f, "2026-01-19", c);  /* due 02-02: 9 days left */
	tl_case_filter overdue = { .overdue_only = true, .due_within = -1 };
	tl_case_filter soon = { .due_within = 5 };
	tl_case_filter open = { .due_within = -1 };
	n = 0; assert_int_equal(case_list(f->st, &overdue, count_visit, &n, &f->err), TL_OK);
	assert_int_equal(n, 1);
	n = 0; assert_int_equal(case_list(f->st, &soon, count_visit, &n, &f->err), TL_OK);
	assert_int_equal(n, 2);
	n = 0; assert_int_equal(case_list(f->st, &open, count_visit, &n, &f->err), TL_OK);
	assert_int_equal(n, 3);
}

static void profiles_are_data_scotland_has_two_stages(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool late;
	assert_int_equal(store_setting_set(f->st, "profile_statutory", "scotland", &f->err), TL_OK);
	log_complaint(f, "2026-01-05", ref);
	assert_date(stage_of(f, ref, 1).due, "2026-01-12");
	assert_date(stage_of(f, ref, 1).max_due, "2026-01-19");
	case_respond(f->st, ref, 1, D("2026-01-09"), TL_OUTCOME_NOT_UPHELD, &f->err);
	assert_int_equal(case_request(f->st, ref, 2, D("2026-01-12"), &late, &f->err), TL_OK);
	case_respond(f->st, ref, 2, D("2026-02-02"), TL_OUTCOME_NOT_UPHELD, &f->err);
	REFUSED(f, case_request(f->st, ref, 3, D("2026-02-03"), &late, &f->err), TL_ESTATE, "no stage 3");
	REFUSED(f, store_setting_set(f->st, "profile_statutory", "atlantis", &f->err), TL_ENOTFOUND,
		"is not a procedure profile");
}

static void closures_count_only_where_the_profile_opts_in(void **state)
{
	fixture *f = *state;
	char a[REF_MAX];
	tl_case c;
	bool added;
	assert_int_equal(store_closure_add(f->st, D("2026-01-06"), "Office move", &f->err), TL_OK);
	log_complaint(f, "2026-01-05", a);
	assert_date(stage_of(f, a, 1).due, "2026-01-19");
	case_init(&c);
	case_set_text(&c.service_area, "Fostering", NULL);
	c.kind = TL_KIND_COMPLAINT;
	c.procedure = TL_PROC_CORPORATE;
	c.complainant = TL_WHO_OTHER;
	c.received = D("2026-01-05");
	snprintf(c.ref, sizeof c.ref, "CORP-1");
	assert_int_equal(case_put(f->st, &c, &added, &f->err), TL_OK);
	assert_true(added);
	/* Corporate (the LGSCO Code): acknowledged by 2026-01-13, the sixth
	 * day after receipt with the closure, and answered 10 working days
	 * after that while it is not acknowledged. */
	assert_date(c.stages[0].due, "2026-01-27");
	case_clear(&c);
}

static void case_put_is_idempotent_and_refuses_a_different_case(void **state)
{
	fixture *f = *state;
	tl_case c;
	bool added;
	long long audit;
	case_init(&c);
	case_set_text(&c.service_area, "Fostering", NULL);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_CHILD;
	c.received = D("2025-05-01");
	snprintf(c.ref, sizeof c.ref, "K2-25-0001-5");
	tl_stage *s = case_stage_add(&c, 1);
	s->responded = D("2025-05-09");
	s->outcome = TL_OUTCOME_PARTLY_UPHELD;
	REFUSED(f, case_put(f->st, &c, &added, &f->err), TL_EINVAL, "wrong check character");
	snprintf(c.ref, sizeof c.ref, "K2-25-0001-%c", ref_check_char("K2-25-0001"));
	assert_int_equal(case_put(f->st, &c, &added, &f->err), TL_OK);
	assert_true(added);
	audit = count(f, "SELECT count(*) FROM audit");
	assert_int_equal(case_put(f->st, &c, &added, &f->err), TL_OK);
	assert_false(added);
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), audit);
	c.stages[0].outcome = TL_OUTCOME_NOT_UPHELD;
	REFUSED(f, case_put(f->st, &c, &added, &f->err), TL_EEXIST, "differs in stages");
	c.stages[0].outcome = TL_OUTCOME_PARTLY_UPHELD;
	/* Issue 12's fields are the case's too; a linked complaint the store
	 * derives differs only when the arriving case names another. */
	case_set_text(&c.safety_note, "Visited", NULL);
	REFUSED(f, case_put(f->st, &c, &added, &f->err), TL_EEXIST, "differs in safety_note");
	case_set_text(&c.safety_note, NULL, NULL);
	snprintf(c.safety_ref, sizeof c.safety_ref, "OLD-1");
	REFUSED(f, case_put(f->st, &c, &added, &f->err), TL_EEXIST, "differs in safety_ref");
	c.safety_ref[0] = '\0';
	snprintf(c.linked_complaint, sizeof c.linked_complaint, "OLD-2");
	REFUSED(f, case_put(f->st, &c, &added, &f->err), TL_EEXIST, "differs in linked_complaint");
	c.linked_complaint[0] = '\0';
	assert_int_equal(case_put(f->st, &c, &added, &f->err), TL_OK);
	case_clear(&c);
	assert_int_equal(count(f, "SELECT count(*) FROM cases"), 1);
}

static void figures_are_idempotent_and_never_silently_changed(void **state)
{
	fixture *f = *state;
	bool added;
	assert_int_equal(cost_add(f->st, D("2026-03-31"), 0, 391000, NULL, 1, &added, &f->err), TL_OK);
	assert_true(added);
	assert_int_equal(cost_add(f->st, D("2026-03-31"), 0, 391000, NULL, 1, &added, &f->err), TL_OK);
	assert_false(added);
	REFUSED(f, cost_add(f->st, D("2026-03-31"), 0, 5, "NOPE-1", 1, &added, &f->err), TL_ENOTFOUND, "ref");
	assert_int_equal(ombudsman_add(f->st, NULL, D("2026-01-05"), D("2026-03-01"), 1, 1, &added, &f->err), TL_OK);
	REFUSED(f, ombudsman_add(f->st, NULL, D("2026-03-05"), D("2026-03-01"), 1, 1, &added, &f->err),
		TL_EINVAL, "before received");
	assert_int_equal(context_put(f->st, 2025, "Referrals to Children's Social Care", 8123, &added, &f->err), TL_OK);
	assert_int_equal(context_put(f->st, 2025, "Referrals to Children's Social Care", 8123, &added, &f->err), TL_OK);
	assert_false(added);
	REFUSED(f, context_put(f->st, 2025, "Referrals to Children's Social Care", 9000, &added, &f->err),
		TL_EEXIST, "not changed silently");
}

static void the_audit_trail_cannot_be_changed(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	log_complaint(f, "2026-01-05", ref);
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "UPDATE audit SET who = 'x'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "DELETE FROM cases", NULL, NULL, NULL), SQLITE_OK);
	/* No person's words in the audit trail. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE detail LIKE '%rang back%'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
		T(stage1_deadlines_across_christmas_2025),
		T(references_number_up_and_carry_a_valid_check),
		T(compliment_has_no_stages),
		T(bad_new_cases_are_refused_and_store_nothing),
		T(a_megabyte_of_text_is_refused),
		T(response_before_receipt_is_refused),
		T(stage1_response_on_day_10_is_in_time_and_day_11_late),
		T(extension_moves_stage1_to_day_20_once_with_a_reason),
		T(stage2_waits_for_stage1_to_end_or_pass_its_limit),
		T(late_request_for_stage2_is_allowed_and_flagged),
		T(stage3_panel_comes_before_its_response),
		T(withdrawn_complaint_goes_no_further),
		T(paused_days_move_the_due_date),
		T(not_eligible_cases_leave_the_lists),
		T(lists_show_overdue_and_due_soon),
		T(profiles_are_data_scotland_has_two_stages),
		T(closures_count_only_where_the_profile_opts_in),
		T(case_put_is_idempotent_and_refuses_a_different_case),
		T(figures_are_idempotent_and_never_silently_changed),
		T(the_audit_trail_cannot_be_changed),
	};
	return cmocka_run_group_tests_name("case", tests, NULL, NULL);
}
