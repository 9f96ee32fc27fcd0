/* test_procedure.c - procedure profiles as text (SPEC section 3): the four
 * built-in profiles carry the statutory timescales, the Scottish and Welsh
 * models fit as data, and a faulty profile is refused naming its line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/procedure.h"

static tl_profile builtin(const char *name)
{
	tl_profile p;
	tl_err err;
	for (size_t i = 0; PROC_BUILTIN[i]; i++) {
		if (proc_parse(PROC_BUILTIN[i], &p, &err))
			fail_msg("built-in profile %zu: %s", i, err.msg);
		if (strcmp(p.name, name) == 0)
			return p;
	}
	fail_msg("no built-in profile %s", name);
	return p;
}

static void expect_stage(const tl_profile *p, int number, int standard, int maximum,
			 int after_panel)
{
	const tl_profile_stage *s = proc_stage_get(p, number);
	if (!s)
		fail_msg("%s has no stage %d", p->name, number);
	assert_int_equal(s->number, number);
	assert_int_equal(s->standard, standard);
	assert_int_equal(s->maximum, maximum);
	assert_int_equal(s->after_panel, after_panel);
	assert_true(s->name[0] != '\0');
}

static void the_four_builtin_profiles_parse(void **state)
{
	(void)state;
	static const char *const names[] = { "england_children", "corporate", "scotland", "wales" };
	size_t n = 0;
	while (PROC_BUILTIN[n])
		n++;
	assert_int_equal(n, 4);
	for (size_t i = 0; i < 4; i++) {
		tl_profile p = builtin(names[i]);
		assert_true(p.title[0] != '\0');
		assert_int_equal(p.request_window, 20);
		assert_null(proc_stage_get(&p, p.n_stages + 1));
		assert_null(proc_stage_get(&p, 0));
	}
	assert_string_equal(builtin(PROC_DEFAULT).name, "england_children");
}

static void england_children_is_10_20_then_25_65_then_30_and_20_after_panel(void **state)
{
	(void)state;
	tl_profile p = builtin("england_children");
	assert_int_equal(p.n_stages, 3);
	assert_false(p.closures);  /* regulation 2 knows no closure days */
	expect_stage(&p, 1, 10, 20, 0);
	expect_stage(&p, 2, 25, 65, 0);
	expect_stage(&p, 3, 30, 30, 5 + 15);
}

static void scottish_stage1_is_5_up_to_10_and_stage2_20(void **state)
{
	(void)state;
	tl_profile p = builtin("scotland");
	assert_int_equal(p.n_stages, 2);
	expect_stage(&p, 1, 5, 10, 0);
	expect_stage(&p, 2, 20, 20, 0);
}

static void welsh_stage1_is_10_plus_5_and_stage2_25(void **state)
{
	(void)state;
	tl_profile p = builtin("wales");
	assert_int_equal(p.n_stages, 2);
	assert_false(p.closures);
	expect_stage(&p, 1, 10, 10 + 5, 0);
	expect_stage(&p, 2, 25, 25, 0);
}

static void corporate_counts_closures(void **state)
{
	(void)state;
	tl_profile p = builtin("corporate");
	assert_true(p.closures);
	expect_stage(&p, 1, 10, 20, 0);
}

static void a_new_procedure_fits_as_text(void **state)
{
	(void)state;
	static const char text[] =
		"# a made-up procedure\r\n"
		"\r\n"
		"name test_model_2\r\n"
		"  title   A test model\r\n"
		"closures yes\n"
		"request_window 15\n"
		"\n"
		"stage 1 standard 3 maximum 7 name Quick look\n"
		"stage 2\tstandard 40 maximum 60 name Full   look\n"
		"stage 3 maximum 9 standard 9 after_panel 2 name Panel\n";
	tl_profile p;
	tl_err err;
	assert_int_equal(proc_parse(text, &p, &err), TL_OK);
	assert_string_equal(p.name, "test_model_2");
	assert_string_equal(p.title, "A test model");
	assert_true(p.closures);
	assert_int_equal(p.request_window, 15);
	expect_stage(&p, 1, 3, 7, 0);
	expect_stage(&p, 2, 40, 60, 0);
	expect_stage(&p, 3, 9, 9, 2);
	assert_string_equal(proc_stage_get(&p, 1)->name, "Quick look");
	assert_string_equal(proc_stage_get(&p, 2)->name, "Full   look");
}

static void a_profile_without_request_window_gets_20(void **state)
{
	(void)state;
	tl_profile p;
	tl_err err;
	assert_int_equal(proc_parse("name x\nstage 1 standard 1 maximum 1\n", &p, &err), TL_OK);
	assert_int_equal(p.request_window, 20);
	assert_false(p.closures);
}

/* text is refused with a message containing want, and out is untouched. */
static void refused(const char *text, const char *want)
{
	tl_profile p;
	tl_err err = { { 0 } };
	memset(&p, 0x5a, sizeof p);
	assert_int_equal(proc_parse(text, &p, &err), TL_EINVAL);
	if (!strstr(err.msg, want))
		fail_msg("profile '%s': message '%s' lacks '%s'", text ? text : "(null)", err.msg, want);
	assert_null(strchr(err.msg, '\n'));
	assert_int_equal(((unsigned char *)&p)[0], 0x5a);
}

static void bad_profiles_are_refused_naming_the_line(void **state)
{
	(void)state;
	static const char *const bad[][2] = {
		{ "name x\nstage 1 standard 10 maximum 5\n", "profile line 2: stage 1 needs standard >= 1 and maximum >= standard" },
		{ "name x\nstage 1 standard 0 maximum 5\n", "profile line 2: stage 1 needs standard >= 1" },
		{ "name x\nstage 1 standard 10\n", "profile line 2: stage 1 needs" },
		{ "name x\n\n# c\nstage 2 standard 10 maximum 20\n", "profile line 4: stages must come in order" },
		{ "name x\nstage 1 standard 1 maximum 1\nstage 1 standard 1 maximum 1\n", "profile line 3: stages must come in order" },
		{ "name x\nstage 4 standard 1 maximum 1\n", "profile line 2: stage needs a number from 1 to 3" },
		{ "name x\nstage one standard 1 maximum 1\n", "profile line 2: stage needs a number" },
		{ "name x\nstage\n", "profile line 2: stage needs a number" },
		{ "name x\nstage 1 standard ten maximum 20\n", "profile line 2: 'standard' wants" },
		{ "name x\nstage 1 standard 10 maximum\n", "profile line 2: 'maximum' wants" },
		{ "name x\nstage 1 standard 10 maximum 20 days 3\n", "profile line 2: 'days' wants" },
		{ "name x\nstage 1 standard 10 maximum 251\n", "profile line 2: 'maximum' wants" },
		{ "name x\nstage 1 standard -1 maximum 20\n", "profile line 2: 'standard' wants" },
		{ "name X\nstage 1 standard 1 maximum 1\n", "profile line 1: a name is lower-case" },
		{ "name\nstage 1 standard 1 maximum 1\n", "profile line 1: a name is lower-case" },
		{ "name a b\n", "profile line 1: a name is lower-case" },
		{ "name x\nclosures maybe\n", "profile line 2: closures is yes or no" },
		{ "name x\n\n\nrequest_window 0\n", "profile line 4: request_window is a number" },
		{ "name x\nrequest_window 20 days\n", "profile line 2: request_window is a number" },
		{ "name x\n\r\n  standard 10\n", "profile line 3: unknown setting 'standard'" },
		{ "name x\n", "a name and at least one stage are needed" },
		{ "stage 1 standard 1 maximum 1\n", "a name and at least one stage are needed" },
		{ "", "a name and at least one stage are needed" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		refused(bad[i][0], bad[i][1]);
	refused(NULL, "a name and at least one stage are needed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_four_builtin_profiles_parse),
		cmocka_unit_test(england_children_is_10_20_then_25_65_then_30_and_20_after_panel),
		cmocka_unit_test(scottish_stage1_is_5_up_to_10_and_stage2_20),
		cmocka_unit_test(welsh_stage1_is_10_plus_5_and_stage2_25),
		cmocka_unit_test(corporate_counts_closures),
		cmocka_unit_test(a_new_procedure_fits_as_text),
		cmocka_unit_test(a_profile_without_request_window_gets_20),
		cmocka_unit_test(bad_profiles_are_refused_naming_the_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
