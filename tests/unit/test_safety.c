/* test_safety.c - "I don't feel safe" records: no stages and no clock
 * (the procedure's moves are refused, saying what to do instead), handled
 * with a note, a complaint opened from one and linked both ways, and
 * whether staff have been told: by the council's alert command (run with
 * the reference alone) or the register, never by the write itself. */
#include <sys/stat.h>
#include "fixture.h"
#include "tellus/case.h"

/* A safety record as the kiosk writes it, received on day. */
static void log_unsafe(fixture *f, const char *day, char *ref)
{
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = D(day);
	c.channel = TL_CHANNEL_KIOSK;
	c.procedure = TL_PROC_NOT_ELIGIBLE;
	c.complainant = TL_WHO_CHILD;
	c.unsafe = true;
	assert_int_equal(case_set_text(&c.service_area, "Children in care", &f->err), TL_OK);
	assert_int_equal(case_log(f->st, &c, &f->err), TL_OK);
	snprintf(ref, REF_MAX, "%s", c.ref);
	case_clear(&c);
}

static void a_safety_record_has_no_stages_and_refuses_the_moves_saying_what_to_do(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool late;
	log_unsafe(f, "2026-06-29", ref);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM stages"), 0);
	assert_refused(case_respond(f->st, ref, 1, D("2026-06-30"), TL_OUTCOME_FULLY_UPHELD, &f->err),
		       TL_ESTATE, f, "is a safety concern");
	assert_non_null(strstr(f->err.msg, "tellus handled"));
	assert_non_null(strstr(f->err.msg, "tellus complaint-from"));
	assert_refused(case_extend(f->st, ref, 0, "complex", "J Smith", &f->err), TL_ESTATE, f,
		       "no stages and no clock");
	assert_refused(case_withdraw(f->st, ref, D("2026-06-30"), &f->err), TL_ESTATE, f,
		       "is a safety concern");
	assert_refused(case_request(f->st, ref, 2, D("2026-06-30"), &late, &f->err), TL_ESTATE, f,
		       "is a safety concern");
	assert_refused(case_pause(f->st, ref, D("2026-06-30"), 0, &f->err), TL_ESTATE, f,
		       "is a safety concern");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM stages"), 0);
}

static int count_row(const tl_case *c, void *arg)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

static int flagged(fixture *f)
{
	tl_case_filter fl = { .flagged_only = true, .due_within = -1 };
	int n = 0;
	assert_int_equal(case_list(f->st, &fl, count_row, &n, &f->err), TL_OK);
	return n;
}

static void handled_keeps_the_note_and_leaves_the_flagged_list(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	tl_case c;
	log_unsafe(f, "2026-06-29", ref);
	assert_int_equal(flagged(f), 1);
	assert_refused(case_safety_handled(f->st, ref, D("2026-06-30"), "", &f->err), TL_EINVAL, f,
		       "note");
	assert_int_equal(case_safety_handled(f->st, ref, D("2026-06-30"), "Duty worker visited",
					     &f->err), TL_OK);
	assert_int_equal(case_get(f->st, ref, &c, &f->err), TL_OK);
	assert_true(c.safety_handled == D("2026-06-30"));
	assert_string_equal(c.safety_note, "Duty worker visited");
	case_clear(&c);
	assert_int_equal(flagged(f), 0);
	assert_refused(case_safety_handled(f->st, ref, D("2026-06-30"), "again", &f->err),
		       TL_ESTATE, f, "already handled (2026-06-30)");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action ="
				       " 'safety_handled' AND detail LIKE '%Duty worker visited'"), 1);
}

static void a_complaint_opened_from_a_safety_record_is_linked_both_ways(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	tl_case c, s;
	log_unsafe(f, "2026-06-29", ref);
	case_init(&c);
	c.received = D("2026-06-30");
	c.channel = TL_CHANNEL_STAFF;
	assert_int_equal(case_set_text(&c.summary, "Nobody came when I asked", &f->err), TL_OK);
	assert_int_equal(case_log_from(f->st, ref, &c, &f->err), TL_OK);
	assert_int_equal(c.kind, TL_KIND_COMPLAINT);
	assert_int_equal(c.complainant, TL_WHO_CHILD);
	assert_string_equal(c.safety_ref, ref);
	char made[REF_MAX];
	snprintf(made, sizeof made, "%s", c.ref);
	case_clear(&c);
	/* The complaint runs the procedure; the record still does not. */
	assert_int_equal(case_get(f->st, made, &c, &f->err), TL_OK);
	assert_string_equal(c.safety_ref, ref);
	assert_string_equal(c.service_area, "Children in care");
	assert_int_equal((int)c.n_stages, 1);
	assert_false(c.unsafe);
	case_clear(&c);
	assert_int_equal(case_get(f->st, ref, &s, &f->err), TL_OK);
	assert_string_equal(s.linked_complaint, made);
	case_clear(&s);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action ="
				       " 'complaint_from'"), 1);
	/* One complaint a record; and only from a safety record. */
	case_init(&c);
	c.received = D("2026-06-30");
	assert_refused(case_log_from(f->st, ref, &c, &f->err), TL_EEXIST, f, made);
	assert_refused(case_log_from(f->st, made, &c, &f->err), TL_ESTATE, f, "not a safety concern");
	case_clear(&c);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 2);
}

static void a_linked_complaint_cannot_be_received_before_the_record(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	tl_case c;
	log_unsafe(f, "2026-06-29", ref);
	case_init(&c);
	c.received = D("2026-06-26");
	assert_refused(case_log_from(f->st, ref, &c, &f->err), TL_EINVAL, f, "before it (2026-06-29)");
	case_clear(&c);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 1);
}

/* A program that writes its arguments, one a line, beside itself. */
static void write_alert(fixture *f, const char *name, int status, char *path, size_t cap)
{
	snprintf(path, cap, "%s/%s", f->dir, name);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fprintf(out, "#!/bin/sh\nprintf '%%s\\n' \"$@\" > \"$0.args\"\nexit %d\n", status);
	fclose(out);
	assert_int_equal(chmod(path, 0700), 0);
}

static void writing_the_record_is_not_telling_staff(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool told = true, sent = true;
	log_unsafe(f, "2026-06-29", ref);
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_false(told);
	/* No alert configured: nothing runs, nobody is told. */
	assert_int_equal(case_alert(f->st, ref, &sent, &f->err), TL_OK);
	assert_false(sent);
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_false(told);
	/* The register's acknowledgement tells staff (sync's reply). */
	assert_int_equal(case_staff_told_mark(f->st, ref, "register", &f->err), TL_OK);
	assert_int_equal(case_staff_told_mark(f->st, ref, "register", &f->err), TL_OK);
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_true(told);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action = 'staff_told'"), 1);
	assert_refused(case_staff_told_mark(f->st, ref, "pigeon", &f->err), TL_EINVAL, f, "how");
}

static void handling_a_record_means_staff_know(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	bool told = false;
	log_unsafe(f, "2026-06-29", ref);
	assert_int_equal(case_safety_handled(f->st, ref, D("2026-06-30"), "Seen at the desk", &f->err), TL_OK);
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_true(told);
}

static void the_alert_gets_the_reference_alone_and_its_success_tells_staff(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX], prog[400], cmd[500], args[500], line[64];
	bool sent = false, told = false;
	log_unsafe(f, "2026-06-29", ref);
	write_alert(f, "page-duty", 0, prog, sizeof prog);
	snprintf(cmd, sizeof cmd, "%s --team duty", prog);
	assert_int_equal(store_setting_set(f->st, "alert_command", cmd, &f->err), TL_OK);
	assert_int_equal(case_alert(f->st, ref, &sent, &f->err), TL_OK);
	assert_true(sent);
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_true(told);
	snprintf(args, sizeof args, "%s.args", prog);
	FILE *in = fopen(args, "r");
	assert_non_null(in);
	const char *want[] = { "--team\n", "duty\n", NULL };
	for (int i = 0; want[i]; i++) {
		assert_non_null(fgets(line, sizeof line, in));
		assert_string_equal(line, want[i]);
	}
	assert_non_null(fgets(line, sizeof line, in));
	line[strcspn(line, "\n")] = '\0';
	assert_string_equal(line, ref);
	assert_null(fgets(line, sizeof line, in));
	fclose(in);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM safety_told WHERE how = 'alert'"), 1);
}

static void a_failed_alert_is_audited_and_tells_nobody(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX], prog[400];
	bool sent = true, told = true;
	log_unsafe(f, "2026-06-29", ref);
	write_alert(f, "broken", 3, prog, sizeof prog);
	assert_int_equal(store_setting_set(f->st, "alert_command", prog, &f->err), TL_OK);
	assert_int_equal(case_alert(f->st, ref, &sent, &f->err), TL_OK);
	assert_false(sent);
	assert_non_null(strstr(f->err.msg, "exited with 3"));
	assert_int_equal(case_staff_told(f->st, ref, &told, &f->err), TL_OK);
	assert_false(told);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action ="
				       " 'alert_failed' AND detail LIKE '%exited with 3'"), 1);
	/* A program that is not there is said so, and nobody is told. */
	assert_int_equal(store_setting_set(f->st, "alert_command", "/nonexistent/page", &f->err), TL_OK);
	assert_int_equal(case_alert(f->st, ref, &sent, &f->err), TL_OK);
	assert_false(sent);
	assert_non_null(strstr(f->err.msg, "could not start"));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(a_safety_record_has_no_stages_and_refuses_the_moves_saying_what_to_do),
		T(handled_keeps_the_note_and_leaves_the_flagged_list),
		T(a_complaint_opened_from_a_safety_record_is_linked_both_ways),
		T(a_linked_complaint_cannot_be_received_before_the_record),
		T(writing_the_record_is_not_telling_staff),
		T(handling_a_record_means_staff_know),
		T(the_alert_gets_the_reference_alone_and_its_success_tells_staff),
		T(a_failed_alert_is_audited_and_tells_nobody),
	};
	return cmocka_run_group_tests_name("safety", tests, NULL, NULL);
}
