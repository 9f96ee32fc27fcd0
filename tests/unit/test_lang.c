/* test_lang.c - the languages (SPEC 13): the table, the `languages`
 * setting, and words looked up in the catalogues the build compiled
 * (BUILD/locale), per language, with plural forms, contexts, right-to-left
 * flags, headers that say draft or reviewed, and many languages in one
 * process, from many threads. */
#include <pthread.h>
#include "fixture.h"
#include "tellus/lang.h"
#include "tellus/receipt.h"

static int open_catalogues(void **state)
{
	tl_err err;
	(void)state;
	if (lang_open(NULL, &err)) {
		fprintf(stderr, "lang_open: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static void use(const char *code)
{
	tl_err err;
	if (lang_use(code, &err))
		fail_msg("lang_use %s: %s", code, err.msg);
}

static void every_language_has_its_own_name_and_direction(void **state)
{
	static const char *const want[] = { "en", "cy", "pl", "ro", "pa", "ur", "pt", "es",
					    "ar", "bn", "gu" };
	(void)state;
	assert_int_equal(LANG_N, 11);
	for (int i = 0; i < LANG_N; i++) {
		const tl_lang *l = &LANG_ALL[i];
		assert_string_equal(l->code, want[i]);
		assert_ptr_equal(lang_find(l->code), l);
		assert_true(l->name[0] && l->plural_forms[0] && l->keyboards[0]);
		assert_int_equal(l->rtl, strcmp(l->code, "ur") == 0 || strcmp(l->code, "ar") == 0);
	}
	assert_string_equal(lang_find("pa")->name, "ਪੰਜਾਬੀ");
	assert_string_equal(lang_find("gu")->name, "ગુજરાતી");
	assert_string_equal(lang_find("ar")->name, "العربية");
	assert_string_equal(lang_find("cy")->name, "Cymraeg");
	assert_null(lang_find("fr"));
	assert_null(lang_find(NULL));
}

static void languages_setting_keeps_its_order_and_refuses_strangers(void **state)
{
	fixture *f = *state;
	const tl_lang *l[LANG_MAX];
	int n = -1;

	assert_int_equal(lang_list_load(f->st, l, LANG_MAX, &n, &f->err), TL_OK);
	assert_int_equal(n, LANG_N); /* a new database offers them all */
	assert_int_equal(store_setting_set(f->st, "languages", "cy en,pl", &f->err), TL_OK);
	assert_int_equal(lang_list_load(f->st, l, LANG_MAX, &n, &f->err), TL_OK);
	assert_int_equal(n, 3);
	assert_string_equal(l[0]->code, "cy");
	assert_string_equal(l[1]->code, "en");
	assert_string_equal(l[2]->code, "pl");

	assert_refused(store_setting_set(f->st, "languages", "en fr", &f->err), TL_EINVAL, f,
		       "languages: 'fr' is not one of en, cy, pl");
	assert_refused(store_setting_set(f->st, "languages", "pl en pl", &f->err), TL_EINVAL, f,
		       "'pl' is named twice");
	assert_refused(store_setting_set(f->st, "languages", " ", &f->err), TL_EINVAL, f,
		       "at least one");
	assert_refused(store_setting_set(f->st, "languages", "all pl", &f->err), TL_EINVAL, f,
		       "'all' stands alone");
	assert_int_equal(lang_list_load(f->st, l, LANG_MAX, &n, &f->err), TL_OK);
	assert_int_equal(n, 3); /* refusals changed nothing */
	assert_int_equal(lang_list_parse("all", l, LANG_MAX, &n, &f->err), TL_OK);
	assert_int_equal(n, LANG_N);
}

static void dates_in_each_language(void **state)
{
	static const char *const want[][2] = {
		{ "en", "Thursday 29 January 2026" },
		{ "cy", "Dydd Iau 29 Ionawr 2026" },
		{ "pl", "czwartek, 29 stycznia 2026" },
		{ "ro", "joi, 29 ianuarie 2026" },
		{ "pa", "ਵੀਰਵਾਰ, 29 ਜਨਵਰੀ 2026" },
		{ "ur", "جمعرات، 29 جنوری 2026" },
		{ "pt", "quinta-feira, 29 de janeiro de 2026" },
		{ "es", "jueves, 29 de enero de 2026" },
		{ "ar", "الخميس، 29 يناير 2026" },
		{ "bn", "বৃহস্পতিবার, 29 জানুয়ারি 2026" },
		{ "gu", "ગુરુવાર, 29 જાન્યુઆરી 2026" },
	};
	char got[LANG_DATE_MAX], receipt[40];
	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		use(want[i][0]);
		lang_date_words(D("2026-01-29"), got, sizeof got);
		assert_string_equal(got, want[i][1]);
	}
	use("en");
	receipt_date_words(D("2026-01-29"), receipt);
	lang_date_words(D("2026-01-29"), got, sizeof got);
	assert_string_equal(got, receipt); /* English is the receipt's own */
	lang_date_words(TL_NO_DATE, got, sizeof got);
	assert_string_equal(got, "");
}

/* Welsh "Mawrth" is both Tuesday and March: the context tells them apart. */
static void contexts_keep_one_english_word_apart(void **state)
{
	char got[LANG_DATE_MAX];
	(void)state;
	use("cy");
	lang_date_words(D("2026-03-03"), got, sizeof got);
	assert_string_equal(got, "Dydd Mawrth 3 Mawrth 2026");
	use("pl");
	lang_date_words(D("2026-05-01"), got, sizeof got);
	assert_string_equal(got, "piątek, 1 maja 2026"); /* genitive in a date */
	assert_string_equal(lang_pgettext("weekday", "Friday"), "piątek");
	assert_string_equal(lang_pgettext("no such context", "Friday"), "Friday");
	use("en");
}

static void days(const char *code, int n, const char *want)
{
	char got[64];
	use(code);
	lang_workdays(n, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("%s, %d: got '%s', want '%s'", code, n, got, want);
}

static void plural_forms_follow_each_language(void **state)
{
	(void)state;
	days("en", 1, "1 working day");
	days("en", 0, "0 working days");
	days("en", 10, "10 working days");
	days("pl", 1, "1 dzień roboczy");
	days("pl", 2, "2 dni robocze");
	days("pl", 5, "5 dni roboczych");
	days("pl", 12, "12 dni roboczych");
	days("pl", 22, "22 dni robocze");
	days("pl", 25, "25 dni roboczych");
	days("cy", 2, "2 ddiwrnod gwaith");
	days("cy", 10, "10 diwrnod gwaith");
	days("ro", 1, "1 zi lucrătoare");
	days("ro", 19, "19 zile lucrătoare");
	days("ro", 20, "20 de zile lucrătoare");
	days("ro", 101, "101 zile lucrătoare");
	days("ar", 2, "2 يومي عمل");
	days("ar", 3, "3 أيام عمل");
	days("ar", 10, "10 أيام عمل");
	days("ar", 11, "11 يوم عمل");
	days("ar", 103, "103 أيام عمل");
	days("gu", 0, "0 કામકાજનો દિવસ");
	days("gu", 1, "1 કામકાજનો દિવસ");
	days("gu", 2, "2 કામકાજના દિવસ");
	days("pt", 1, "1 dia útil");
	days("pt", 20, "20 dias úteis");
	days("es", 10, "10 días hábiles");
	use("en");
}

/* The table and the catalogues must agree, or ngettext would pick forms
 * by a rule the translator did not write. */
static void catalogue_headers_match_the_table_and_say_draft(void **state)
{
	char v[256];
	(void)state;
	assert_int_equal(lang_catalogue("en"), LANG_CAT_SOURCE);
	for (int i = 1; i < LANG_N; i++) {
		const tl_lang *l = &LANG_ALL[i];
		lang_header(l->code, "Language", v, sizeof v);
		assert_string_equal(v, l->code);
		lang_header(l->code, "Plural-Forms", v, sizeof v);
		if (strcmp(v, l->plural_forms) != 0)
			fail_msg("%s: catalogue says '%s', table '%s'", l->code, v, l->plural_forms);
		/* No qualified translator has signed any of them yet. */
		assert_int_equal(lang_catalogue(l->code), LANG_CAT_DRAFT);
	}
	lang_header("pl", "No-Such-Field", v, sizeof v);
	assert_string_equal(v, "");
}

static void switching_back_and_forth_in_one_process(void **state)
{
	(void)state;
	use("pl");
	assert_string_equal(lang_current()->code, "pl");
	assert_string_equal(P_("weekday", "Monday"), "poniedziałek");
	assert_string_equal(lang_ptext("cy", "weekday", "Monday"), "Dydd Llun");
	/* A lookup in another language leaves the visit's as it was. */
	assert_string_equal(P_("weekday", "Monday"), "poniedziałek");
	use("en");
	assert_string_equal(P_("weekday", "Monday"), "Monday");
	use("gu");
	assert_string_equal(P_("weekday", "Monday"), "સોમવાર");
	assert_string_equal(lang_text("zz", "Words"), "Words");
	assert_int_equal(lang_use("zz", NULL), TL_EINVAL);
	assert_string_equal(lang_current()->code, "gu");
	use("en");
}

typedef struct {
	const char *code, *want;
	int wrong;
} worker;

static void *look_up_many_times(void *arg)
{
	worker *w = arg;
	for (int i = 0; i < 2000; i++)
		if (strcmp(lang_ptext(w->code, "weekday", "Sunday"), w->want) != 0)
			w->wrong++;
	return NULL;
}

/* The tracking page answers requests in several languages at once. */
static void lookups_from_many_threads_each_get_their_language(void **state)
{
	worker w[] = { { "pl", "niedziela", 0 }, { "cy", "Dydd Sul", 0 },
		       { "ar", "الأحد", 0 }, { "en", "Sunday", 0 } };
	pthread_t t[4];
	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, look_up_many_times, &w[i]), 0);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].wrong, 0);
	}
}

static void write_catalogue(const char *dir, const char *reviewed)
{
	char path[700], cmd[1600];
	snprintf(path, sizeof path, "%s/pl/LC_MESSAGES", dir);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "%s/pl.po", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n"
		"\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Reviewed-By: %s\\n\"\n\n"
		"msgctxt \"weekday\"\nmsgid \"Monday\"\nmsgstr \"Poniedziałek (sprawdzone)\"\n",
		reviewed);
	fclose(f);
	snprintf(cmd, sizeof cmd, "msgfmt --check-format -o '%s/pl/LC_MESSAGES/tellus.mo' '%s'", dir, path);
	assert_int_equal(system(cmd), 0);
}

/* A signed header makes a catalogue reviewed; no catalogue reads as
 * missing, and its words as English. */
static void reviewed_and_missing_catalogues(void **state)
{
	fixture *f = *state;
	char saved[1024], reviewed[600], empty[600];
	snprintf(saved, sizeof saved, "%s", lang_dir());
	snprintf(reviewed, sizeof reviewed, "%s/reviewed", f->dir);
	snprintf(empty, sizeof empty, "%s/empty", f->dir);
	write_catalogue(reviewed, "A. Tłumacz, Example Translations, 2026-06-01");

	assert_int_equal(lang_open(reviewed, &f->err), TL_OK);
	assert_int_equal(lang_catalogue("pl"), LANG_CAT_REVIEWED);
	assert_string_equal(lang_ptext("pl", "weekday", "Monday"), "Poniedziałek (sprawdzone)");
	assert_int_equal(lang_open(empty, &f->err), TL_OK);
	assert_int_equal(lang_catalogue("pl"), LANG_CAT_MISSING);
	assert_string_equal(lang_ptext("pl", "weekday", "Monday"), "Monday");
	assert_int_equal(lang_open(saved, &f->err), TL_OK);
	assert_int_equal(lang_catalogue("pl"), LANG_CAT_DRAFT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
		cmocka_unit_test(every_language_has_its_own_name_and_direction),
		T(languages_setting_keeps_its_order_and_refuses_strangers),
		cmocka_unit_test(dates_in_each_language),
		cmocka_unit_test(contexts_keep_one_english_word_apart),
		cmocka_unit_test(plural_forms_follow_each_language),
		cmocka_unit_test(catalogue_headers_match_the_table_and_say_draft),
		cmocka_unit_test(switching_back_and_forth_in_one_process),
		cmocka_unit_test(lookups_from_many_threads_each_get_their_language),
		T(reviewed_and_missing_catalogues),
	};
	return cmocka_run_group_tests_name("lang", tests, open_catalogues, NULL);
}
