/* test_kiosk_equalities.c - equalities monitoring on the kiosk (issue 14
 * point 13), driven by synthetic SDL events under the offscreen driver:
 * offered on a complaint's receipt (never a compliment's), any question
 * skipped, the answers saved in their own table with an audit line that
 * never says which, nothing saved when nothing is chosen, and Back keeps
 * the receipt. */
#include "kiosk_test.h"

/* A child's complaint sent by touch: its receipt on screen. */
static kt *sent_complaint(void)
{
	kt *t = kt_new(true);
	kt_touch_complaint(t, "Nobody told me my social worker changed.");
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	return t;
}

static void answers_are_kept_apart_and_the_kiosk_starts_again(void **state)
{
	(void)state;
	kt *t = sent_complaint();
	char ref[REF_MAX];
	snprintf(ref, sizeof ref, "%s", t->k->ref);
	kt_tap(t, "Answer a few questions about you");
	assert_int_equal(t->k->screen, KS_EQUALITIES);
	kt_tap(t, "11 to 15");
	kt_tap(t, "Non-binary");
	kt_tap(t, "Mixed or multiple ethnic groups");
	/* Disability skipped. */
	kt_tap(t, "Send answers");
	assert_int_equal(t->k->screen, KS_START);
	assert_int_equal(t->k->code[0], '\0');
	assert_int_equal(kt_count(t, "SELECT count(*) FROM equalities e JOIN cases c ON c.id ="
				  " e.case_id WHERE e.age_band = '11_15' AND e.gender = 'non_binary'"
				  " AND e.ethnicity = 'mixed' AND e.disability = ''"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'equalities'"
				  " AND detail = 'equalities monitoring answers recorded'"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE detail LIKE '%11_15%'"
				  " OR detail LIKE '%non_binary%' OR detail LIKE '%mixed%'"), 0);
	kt_free(t);
}

static void nothing_chosen_saves_nothing_and_back_keeps_the_receipt(void **state)
{
	(void)state;
	kt *t = sent_complaint();
	char code[RECEIPT_CODE_MAX];
	snprintf(code, sizeof code, "%s", t->k->code);
	kt_tap(t, "Answer a few questions about you");
	kt_tap(t, "Send answers");
	assert_int_equal(t->k->screen, KS_EQUALITIES);
	assert_true(kt_says(t, "Choose an answer, or go back and press Finish."));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM equalities"), 0);
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_true(kt_shows(t, code));
	kt_tap(t, "Finish");
	assert_int_equal(t->k->screen, KS_START);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM equalities"), 0);
	kt_free(t);
}

static void a_compliment_is_not_asked(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Something went well");
	kt_tap(t, "I'm a child or young person");
	kt_tap(t, "Living in care");
	kt_tap(t, "what");
	kt_type(t, "My carer listens");
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_WISH);
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_CONTACT);
	kt_tap(t, "Skip");
	assert_int_equal(t->k->screen, KS_CHECK);
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_null(kt_find(t, "Answer a few questions about you"));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answers_are_kept_apart_and_the_kiosk_starts_again),
		cmocka_unit_test(nothing_chosen_saves_nothing_and_back_keeps_the_receipt),
		cmocka_unit_test(a_compliment_is_not_asked),
	};
	return cmocka_run_group_tests_name("kiosk_equalities", tests, NULL, NULL);
}
