/* test_xkb.c - keyboard layouts read from xkb-data (app/ui/ui_xkb.c):
 * Polish has ą and ł under AltGr, Gujarati has ગ, Welsh's layout makes ŵ
 * with its dead circumflex, Romanian has ș and ț, no layout offers an
 * invisible direction mark, and every language's keyboards load. */
#include "../unit/fixture.h"
#include "tellus/lang.h"
#include "../../app/ui/ui_xkb.h"

static int open_xkb(void **state)
{
	tl_err err;
	ui_xkb *x;
	if (ui_xkb_new(&x, &err)) {
		fprintf(stderr, "ui_xkb_new: %s\n", err.msg);
		return -1;
	}
	*state = x;
	return 0;
}

static int close_xkb(void **state)
{
	ui_xkb_free(*state);
	return 0;
}

static ui_xkb_layout *load(ui_xkb *x, const char *id)
{
	static ui_xkb_layout l;
	tl_err err;
	if (ui_xkb_load(x, id, &l, &err))
		fail_msg("%s: %s", id, err.msg);
	return &l;
}

/* The key that types text at level, or NULL. */
static const ui_xkb_key *find(const ui_xkb_layout *l, const char *text, int *level)
{
	for (int r = 0; r < UI_XKB_ROWS; r++)
		for (int c = 0; c < l->n_keys[r]; c++)
			for (int v = 0; v < UI_XKB_LEVELS; v++)
				if (strcmp(l->keys[r][c].text[v], text) == 0) {
					if (level)
						*level = v;
					return &l->keys[r][c];
				}
	return NULL;
}

static void polish_has_its_letters_under_altgr(void **state)
{
	static const char *const letters[] = { "ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż",
					       "Ą", "Ł", "Ż" };
	int level;
	const ui_xkb_layout *l = load(*state, "pl");
	assert_string_equal(l->title, "Polish");
	assert_int_equal(l->levels, 4);
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
		if (!find(l, letters[i], &level) || level < 2)
			fail_msg("pl: no AltGr key types %s", letters[i]);
	const ui_xkb_key *a = find(l, "ą", &level);
	assert_string_equal(a->name, "AC01"); /* AltGr+A, as printed on Polish keys */
	assert_string_equal(a->text[0], "a");
	assert_int_equal(l->n_keys[0], 12);
	assert_int_equal(l->n_keys[1], 12);
}

static void gujarati_has_its_letters(void **state)
{
	const ui_xkb_layout *l = load(*state, "in(guj)");
	assert_string_equal(l->title, "Gujarati");
	assert_non_null(find(l, "ગ", NULL));
	assert_non_null(find(l, "ક", NULL));
	assert_non_null(find(l, "અ", NULL));
	/* A vowel sign sits on a dotted circle on its key. */
	int level;
	const ui_xkb_key *k = find(l, "ો", &level);
	assert_non_null(k);
	assert_string_equal(k->show[level], "ો"); /* Mc: HarfBuzz draws its circle */
	k = find(l, "ં", &level);
	assert_non_null(k);
	assert_string_equal(k->show[level], "◌ં");
}

static void welsh_circumflex_is_a_dead_key(void **state)
{
	ui_xkb *x = *state;
	char out[UI_XKB_TEXT];
	const ui_xkb_layout *l = load(x, "gb(extd)");
	assert_true(l->has_dead);
	const ui_xkb_key *six = NULL;
	for (int c = 0; c < l->n_keys[0]; c++)
		if (strcmp(l->keys[0][c].name, "AE06") == 0)
			six = &l->keys[0][c];
	assert_non_null(six);
	assert_true(six->dead[2]); /* AltGr+6 */
	assert_string_equal(six->text[2], "");
	assert_string_equal(six->show[2], "^");
	assert_true(ui_xkb_compose(x, six->sym[2], find(l, "w", NULL)->sym[0], out));
	assert_string_equal(out, "ŵ");
	assert_true(ui_xkb_compose(x, six->sym[2], find(l, "y", NULL)->sym[0], out));
	assert_string_equal(out, "ŷ");
	assert_false(ui_xkb_compose(x, six->sym[2], find(l, "q", NULL)->sym[0], out));
	assert_string_equal(out, "");
}

static void romanian_spanish_and_portuguese(void **state)
{
	ui_xkb *x = *state;
	const ui_xkb_layout *l = load(x, "ro(std)");
	assert_non_null(find(l, "ș", NULL)); /* comma below, not cedilla */
	assert_non_null(find(l, "ț", NULL));
	assert_non_null(find(l, "ă", NULL));
	assert_non_null(find(l, "â", NULL));
	assert_non_null(find(l, "î", NULL));
	l = load(x, "es");
	assert_non_null(find(l, "ñ", NULL));
	assert_true(l->has_dead); /* ´ then a makes á */
	l = load(x, "pt");
	assert_non_null(find(l, "ç", NULL));
	assert_true(l->has_dead);
}

static void no_layout_offers_an_invisible_direction_mark(void **state)
{
	static const char *const marks[] = { "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
					     "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
					     "\u2069", "\u061C" };
	static const char *const ids[] = { "ara", "pk", "in(urd-phonetic)" };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const ui_xkb_layout *l = load(*state, ids[i]);
		for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
			if (find(l, marks[m], NULL))
				fail_msg("%s offers U+%04X", ids[i], (unsigned)m);
	}
	assert_non_null(find(load(*state, "pk"), "ش", NULL));
	assert_non_null(find(load(*state, "ara"), "ض", NULL));
}

static void every_language_has_keyboards_that_load(void **state)
{
	ui_xkb_layout l[4];
	tl_err err;
	int n;
	for (int i = 0; i < LANG_N; i++) {
		if (ui_xkb_load_list(*state, LANG_ALL[i].keyboards, l, 4, &n, &err))
			fail_msg("%s: %s", LANG_ALL[i].code, err.msg);
		assert_true(n >= 1);
		assert_true(l[0].n_keys[1] >= 10 && l[0].n_keys[2] >= 10);
		/* Every script but Latin comes with a Latin layout for
		 * references and emails. */
		assert_non_null(find(&l[n - 1], "a", NULL));
	}
	assert_non_null(find(load(*state, "in(guru)"), "ਗ", NULL));
	assert_non_null(find(load(*state, "bd"), "ক", NULL));
}

static void strangers_are_refused(void **state)
{
	ui_xkb_layout l;
	tl_err err;
	assert_int_equal(ui_xkb_load(*state, "zz(nowhere)", &l, &err), TL_ENOTFOUND);
	assert_non_null(strstr(err.msg, "no layout 'zz(nowhere)'"));
	assert_int_equal(ui_xkb_load(*state, "in(guj", &l, &err), TL_EINVAL);
	assert_int_equal(ui_xkb_load(*state, "", &l, &err), TL_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(polish_has_its_letters_under_altgr),
		cmocka_unit_test(gujarati_has_its_letters),
		cmocka_unit_test(welsh_circumflex_is_a_dead_key),
		cmocka_unit_test(romanian_spanish_and_portuguese),
		cmocka_unit_test(no_layout_offers_an_invisible_direction_mark),
		cmocka_unit_test(every_language_has_keyboards_that_load),
		cmocka_unit_test(strangers_are_refused),
	};
	return cmocka_run_group_tests_name("xkb", tests, open_xkb, close_xkb);
}
