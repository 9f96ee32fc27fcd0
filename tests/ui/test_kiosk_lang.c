/* test_kiosk_lang.c - the kiosk's languages (SPEC 13): the start screen's
 * offer follows the `languages` setting, a visit's language is wiped with
 * it, and reading aloud takes the screen's question and choices without
 * its header and footer, or what the person typed. */
#include "kiosk_test.h"

static void offer_follows_the_setting_in_its_order(void **state)
{
	tl_err err;
	(void)state;
	kt *t = kt_new(true);
	assert_int_equal(t->k->n_langs, LANG_N); /* a new database: all */
	assert_int_equal(store_setting_set(t->st, "languages", "cy en gu", &err), TL_OK);
	kiosk_lang_load(t->k);
	assert_int_equal(t->k->n_langs, 3);
	assert_string_equal(t->k->langs[0]->code, "cy");
	assert_string_equal(t->k->langs[2]->code, "gu");
	assert_string_equal(t->k->lang_start->code, "cy"); /* visits start in the first */
	kt_free(t);
}

static void a_wipe_puts_the_starting_language_back(void **state)
{
	tl_err err;
	(void)state;
	kt *t = kt_new(true);
	assert_int_equal(kiosk_lang_set(t->k, lang_find("pl"), &err), TL_OK);
	assert_string_equal(lang_current()->code, "pl");
	kiosk_wipe(t->k);
	assert_string_equal(t->k->lang->code, "en");
	assert_string_equal(lang_current()->code, "en");
	/* --lang moves the start itself. */
	assert_int_equal(kiosk_lang_start(t->k, "ur", &err), TL_OK);
	kiosk_wipe(t->k);
	assert_string_equal(t->k->lang->code, "ur");
	assert_true(t->k->lang->rtl);
	assert_int_equal(kiosk_lang_start(t->k, "fr", &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "--lang: 'fr'"));
	kt_free(t);
}

static void reading_aloud_takes_the_question_and_choices(void **state)
{
	char text[8192];
	(void)state;
	kt *t = kt_new(false);
	assert_true(kiosk_sample(t->k, "who") >= 0);
	kiosk_frame(t->k);
	assert_true(kiosk_say_text(t->k, text, sizeof text) > 0);
	assert_non_null(strstr(text, "Who are you?"));
	assert_non_null(strstr(text, "I'm a parent"));
	assert_non_null(strstr(text, "Someone else"));
	assert_non_null(strstr(text, "I'm a parent. ")); /* a pause between choices */
	/* Not the header's or the footer's controls. */
	assert_null(strstr(text, "Hide"));
	assert_null(strstr(text, "Need help now?"));
	assert_null(strstr(text, "Back"));
	/* What a person typed is theirs: never read aloud. */
	assert_true(kiosk_sample(t->k, "what") >= 0);
	kiosk_frame(t->k);
	kiosk_say_text(t->k, text, sizeof text);
	assert_non_null(strstr(text, "What happened?"));
	assert_null(strstr(text, "social worker"));
	/* A dialog over the screen is what is read. */
	assert_true(kiosk_sample(t->k, "help") >= 0);
	kiosk_frame(t->k);
	kiosk_say_text(t->k, text, sizeof text);
	assert_non_null(strstr(text, "999"));
	assert_null(strstr(text, "What happened?"));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offer_follows_the_setting_in_its_order),
		cmocka_unit_test(a_wipe_puts_the_starting_language_back),
		cmocka_unit_test(reading_aloud_takes_the_question_and_choices),
	};
	return cmocka_run_group_tests_name("kiosk_lang", tests, NULL, NULL);
}
