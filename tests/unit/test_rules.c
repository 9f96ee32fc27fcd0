/* test_rules.c - a case keeps the rules it was logged under (SPEC 3): the
 * text of its profile is stored with it (profile_rules), so a changed
 * profile, built-in or loaded, applies to cases logged afterwards only;
 * a file from before acknowledgements keeps, for its cases, the built-in
 * texts they were logged under (the corporate profile before the LGSCO
 * Code), and shares the unchanged ones with new cases. */
#include "fixture.h"
#include "schema_undo.h"
#include "tellus/case.h"
#include "store/schema.sql.h"

static void log_case(fixture *f, int procedure, const char *received, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.procedure = procedure;
	c.complainant = TL_WHO_PARENT;
	c.received = D(received);
	case_set_text(&c.service_area, "Fostering", NULL);
	if (case_log(f->st, &c, &f->err))
		fail_msg("case_log: %s", f->err.msg);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
}

static tl_case get(fixture *f, const char *ref)
{
	tl_case c;
	assert_int_equal(case_get(f->st, ref, &c, &f->err), TL_OK);
	return c;
}

static void assert_date(tl_date got, const char *want)
{
	char s[TL_DATE_LEN];
	date_format(got, s);
	assert_string_equal(s, want);
}

static void exec_ok(fixture *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(store_db(f->st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

/* The migration that keeps each case's rules: its number less one is the
 * version a file had before it. */
static int version_before_kept_rules(void)
{
	for (size_t i = 0; i < SCHEMA_N_MIGRATIONS; i++)
		if (strstr(SCHEMA_MIGRATIONS[i], "CREATE TABLE profile_rules"))
			return (int)i;
	fail_msg("no migration makes profile_rules");
	return -1;
}

static void a_file_from_before_keeps_the_corporate_rules_it_was_given(void **state)
{
	fixture *f = *state;
	char old[REF_MAX], stat_old[REF_MAX], now[REF_MAX], stat_now[REF_MAX];
	char pragma[64];

	/* Monday 1 June 2026: 10 working days on is 15 June. */
	log_case(f, TL_PROC_CORPORATE, "2026-06-01", old);
	log_case(f, TL_PROC_STATUTORY, "2026-06-01", stat_old);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version_before_kept_rules());
	exec_ok(f, MIG15_UNDO MIG14_UNDO MIG13_UNDO MIG12_UNDO MIG11_UNDO);
	exec_ok(f, pragma);
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &f->err), TL_OK);
	store_set_today(f->st, D("2026-06-30"));

	/* A move recomputes the case: under the rules it was logged with, the
	 * clock runs from receipt whatever the acknowledgement. */
	assert_int_equal(case_acknowledge(f->st, old, 0, D("2026-06-03"), &f->err), TL_OK);
	tl_case c = get(f, old);
	assert_date(c.stages[0].due, "2026-06-15");
	assert_date(c.stages[0].max_due, "2026-06-29");
	long long old_rules = c.rules;
	case_clear(&c);

	/* A corporate case logged now follows the Code: 10 working days from
	 * its acknowledgement on 3 June, 17 June. */
	log_case(f, TL_PROC_CORPORATE, "2026-06-01", now);
	assert_int_equal(case_acknowledge(f->st, now, 0, D("2026-06-03"), &f->err), TL_OK);
	c = get(f, now);
	assert_date(c.stages[0].due, "2026-06-17");
	assert_true(c.rules != old_rules);
	case_clear(&c);

	/* The statutory profile did not change: old and new cases share it. */
	log_case(f, TL_PROC_STATUTORY, "2026-06-01", stat_now);
	tl_case a = get(f, stat_old), b = get(f, stat_now);
	assert_true(a.rules > 0);
	assert_int_equal(a.rules, b.rules);
	case_clear(&a);
	case_clear(&b);
	tl_checkup check;
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_int_equal(check.foreign_keys, 0);
	assert_int_equal(check.tally_groups, 0);
}

static void a_loaded_profile_changed_later_leaves_earlier_cases_alone(void **state)
{
	fixture *f = *state;
	char before[REF_MAX], after[REF_MAX];
	assert_int_equal(store_profile_put(f->st, "name county\nstage 1 standard 10 maximum 20\n",
					   &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "profile_statutory", "county", &f->err), TL_OK);
	log_case(f, TL_PROC_STATUTORY, "2026-06-01", before);
	assert_int_equal(store_profile_put(f->st, "name county\nstage 1 standard 3 maximum 6\n",
					   &f->err), TL_OK);
	log_case(f, TL_PROC_STATUTORY, "2026-06-01", after);
	/* A move that recomputes the earlier case. */
	assert_int_equal(case_pause(f->st, before, D("2026-06-02"), 0, &f->err), TL_OK);
	assert_int_equal(case_resume(f->st, before, D("2026-06-02"), &f->err), TL_OK);
	tl_case a = get(f, before), b = get(f, after);
	assert_date(a.stages[0].due, "2026-06-15");
	assert_date(b.stages[0].due, "2026-06-04");
	case_clear(&a);
	case_clear(&b);
}

/* A rolled-back level may have kept a text under an id that is then given
 * to another: the store's cache of kept rules forgets it (store.h rule 6). */
static void a_rolled_back_case_leaves_no_kept_rules_behind(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX], corp[REF_MAX];
	assert_int_equal(store_profile_put(f->st, "name county\nstage 1 standard 3 maximum 6\n",
					   &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "profile_statutory", "county", &f->err), TL_OK);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	log_case(f, TL_PROC_STATUTORY, "2026-06-01", ref);
	store_rollback(f->st);
	/* The corporate text now takes the id the county one had. */
	log_case(f, TL_PROC_CORPORATE, "2026-06-01", corp);
	assert_int_equal(case_acknowledge(f->st, corp, 0, D("2026-06-03"), &f->err), TL_OK);
	tl_case c = get(f, corp);
	assert_date(c.stages[0].due, "2026-06-17");
	case_clear(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_file_from_before_keeps_the_corporate_rules_it_was_given,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(a_loaded_profile_changed_later_leaves_earlier_cases_alone,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(a_rolled_back_case_leaves_no_kept_rules_behind,
						fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
