/* test_kiosk_lang.c - the kiosk's languages (SPEC 13): the start screen's
 * offer follows the `languages` setting, a visit's language is wiped with
 * it, and reading aloud takes the screen's question and choices without
 * its header and footer, or what the person typed; a child who chooses
 * Polish or Gujarati on the start screen types in its letters on the
 * on-screen keyboard (XKB's pl and in(guj)), and the stored case has them;
 * Arabic's layout is the mirror of English's; a young child taps a face and
 * "I'd like to talk to someone", in Urdu, types nothing and gets a receipt;
 * Listen reads a screen once and the keyboard's focus reads each control. */
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

/* Types text on the on-screen keyboard by touch, as a child would: each
 * character's key found on the current layout, with Shift and AltGr
 * touched first where its level needs them. */
static void osk_type(kt *t, const char *text)
{
	const ui_osk_state *s = &t->k->osk;
	assert_true(s->n > 0);
	for (int at = 0, n = (int)strlen(text); at < n;) {
		int adv;
		ui_utf8_decode(text + at, n - at, &adv);
		char ch[8] = { 0 };
		memcpy(ch, text + at, (size_t)adv);
		at += adv;
		if (!strcmp(ch, " ")) {
			kt_tap(t, s->space_label);
			continue;
		}
		const ui_xkb_layout *l = &s->layouts[s->cur];
		const ui_xkb_key *k = NULL;
		int level = 0;
		for (int r = 0; r < UI_XKB_ROWS && !k; r++)
			for (int c = 0; c < l->n_keys[r] && !k; c++)
				for (int v = 0; v < l->levels && !k; v++)
					if (!l->keys[r][c].dead[v] && !strcmp(l->keys[r][c].text[v], ch))
						k = &l->keys[r][c], level = v;
		if (!k)
			fail_msg("no key of %s types %s", l->id, ch);
		if (level & 2)
			kt_tap(t, "AltGr");
		if (level & 1)
			kt_tap(t, s->shift_label);
		kt_tap(t, k->show[level]);
	}
}

/* The public flow by touch in the visit's language, as far as the
 * receipt, with words typed on the on-screen keyboard; then, when layout
 * is given, its key touched (the key that switches layouts) and more
 * typed on that layout. */
static void touch_complaint_in(kt *t, const char *own_name, const char *words,
			       const char *layout, const char *more)
{
	kt_tap(t, own_name);
	kt_tap(t, _("Something is wrong"));
	kt_tap(t, _("I'm a child or young person"));
	kt_tap(t, _("Living in care"));
	assert_int_equal(t->k->screen, KS_WHAT);
	kt_tap(t, "what");
	assert_true(ui_osk_wanted(t->k->ui));
	osk_type(t, words);
	if (layout) {
		kt_tap(t, layout);
		osk_type(t, more);
	}
	kt_tap(t, _("Done"));
	kt_tap(t, _("Next"));
	assert_int_equal(t->k->screen, KS_WISH);
	kt_tap(t, _("Next"));
	kt_tap(t, _("Skip"));
	assert_int_equal(t->k->screen, KS_CHECK);
	kt_tap(t, _("Send"));
	assert_int_equal(t->k->screen, KS_RECEIPT);
}

static void polish_and_gujarati_typed_on_the_screen_keyboard_are_stored(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	touch_complaint_in(t, "Polski", "Zażółć gęślą jaźń", NULL, NULL);
	assert_string_equal(lang_current()->code, "pl");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE summary = "
				  "'Zażółć gęślą jaźń'"), 1);
	/* The receipt's date in Polish words. */
	assert_true(kt_says(t, "czwartek, 29 stycznia 2026"));
	kt_tap(t, _("Finish"));
	assert_string_equal(lang_current()->code, "en"); /* wiped with the visit */

	/* Gujarati's keyboard comes first for Gujarati; its key "English"
	 * switches to English's, in the same words. */
	touch_complaint_in(t, "ગુજરાતી", "કમલ ઘર", "English", " ok");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE summary = "
				  "'કમલ ઘર ok'"), 1);
	assert_string_equal(t->k->osk.layouts[0].id, "in(guj)");
	assert_string_equal(t->k->osk.layouts[1].id, "gb");
	kt_free(t);
}

/* The frame of a sample screen in a language at 1280x800: its controls
 * below the header, and the right edge of its step caption's line. */
typedef struct { ui_rect r[UI_MAX_CTRLS]; int n, step_x0, step_x1; } laid_out;

static void lay_out_in(kt *t, const char *lang, const char *screen, laid_out *o)
{
	tl_err err;
	char cap[64];
	assert_int_equal(kiosk_lang_start(t->k, lang, &err), TL_OK);
	assert_true(kiosk_sample(t->k, screen) >= 0);
	kt_size(t, 1280, 800);
	const ui_ctx *u = t->k->ui;
	o->n = 0;
	for (int i = 0; i < u->out.n_ctrls; i++)
		if (u->out.ctrls[i].rect.y >= t->k->body.y && u->out.ctrls[i].layer == 0)
			o->r[o->n++] = u->out.ctrls[i].rect;
	/* The caption is one run in English, several in Arabic (its digits
	 * are runs of their own): the line's extent is what is compared. */
	snprintf(cap, sizeof cap, "%s", _("Step %d of %d")); /* its first word */
	cap[strcspn(cap, " %")] = '\0';
	int cap_y = -1;
	o->step_x0 = INT32_MAX, o->step_x1 = -1;
	for (int i = 0; i < u->out.n_cmds && cap_y < 0; i++)
		if (u->out.cmds[i].type == UI_CMD_TEXT && strstr(u->out.cmds[i].text, cap))
			cap_y = u->out.cmds[i].rect.y;
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_TEXT && c->rect.y == cap_y) {
			o->step_x0 = c->rect.x < o->step_x0 ? c->rect.x : o->step_x0;
			o->step_x1 = c->rect.x + c->rect.w > o->step_x1 ? c->rect.x + c->rect.w : o->step_x1;
		}
	}
	assert_true(cap_y >= 0);
}

/* Right to left mirrors the whole layout, not only the words: every
 * control below the header (the choices, Back) sits where English's
 * mirror image puts it, Back on the right, and the steps are counted from
 * the right. */
static void right_to_left_is_the_mirror_of_left_to_right(void **state)
{
	(void)state;
	tl_err err;
	static laid_out en, ar;
	kt *t = kt_new(false);
	for (const char *const *s = (const char *const[]){ "who", "what", NULL }; *s; s++) {
		lay_out_in(t, "en", *s, &en);
		lay_out_in(t, "ar", *s, &ar);
		assert_int_equal(en.n, ar.n);
		assert_true(en.n >= 2);
		for (int i = 0; i < en.n; i++) {
			/* The edge a control is anchored to is mirrored; a button as
			 * wide as its word keeps its own width. Heights follow the
			 * script's lines, so only the rows are compared. */
			assert_int_equal(ar.r[i].x + ar.r[i].w, 1280 - en.r[i].x);
			if (i > 0)
				assert_true((ar.r[i].y == ar.r[i - 1].y) == (en.r[i].y == en.r[i - 1].y));
		}
		assert_int_equal(ar.step_x1, 1280 - en.step_x0);
		assert_true(ar.step_x0 > 640 && en.step_x1 < 640);
	}
	/* Back: English's on the left, Arabic's on the right. */
	lay_out_in(t, "ar", "who", &ar);
	const ui_control *back = kt_need(t, _("Back"));
	assert_true(back->rect.x > 640);
	lay_out_in(t, "en", "who", &en);
	assert_true(kt_need(t, "Back")->rect.x + kt_need(t, "Back")->rect.w < 640);
	kiosk_lang_start(t->k, "en", &err);
	kt_free(t);
}

static void a_face_and_talk_need_no_typing_in_any_language(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "اردو");
	assert_true(t->k->lang->rtl);
	kt_tap(t, _("Sad"));
	assert_int_equal(t->k->screen, KS_TALK);
	assert_true(kt_says(t, _("Would you like to talk to someone?")));
	kt_tap(t, _("Yes, I'd like to talk to someone"));
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE kind = 'complaint' AND "
				  "advocacy = 1 AND summary LIKE 'Asked at the kiosk: I''d like to "
				  "talk to someone%sad%'"), 1);
	assert_true(kt_says(t, _("Thank you. Someone will get in touch to talk with you.")));
	assert_true(kt_shows(t, t->k->code));
	assert_false(t->k->ui->state.physical_keys);
	kt_free(t);
}

/* Listen reads the screen; with the keyboard, each control is read as the
 * focus lands on it, once, in the visit's language. */
static void listen_reads_the_screen_and_focus_reads_each_control(void **state)
{
	(void)state;
	char text[8192];
	kt *t = kt_new(true);
	kt_tap(t, "Polski");
	kt_tap(t, _("Something is wrong"));
	assert_int_equal(t->k->screen, KS_WHO);
	assert_false(kiosk_reading(t->k, text, sizeof text)); /* nothing asked yet */
	kt_tap(t, _("Listen"));
	assert_true(kiosk_reading(t->k, text, sizeof text));
	assert_non_null(strstr(text, "Kim jesteś?"));
	assert_non_null(strstr(text, "Jestem rodzicem"));
	assert_false(kiosk_reading(t->k, text, sizeof text)); /* once */
	bool heard = false;
	for (int i = 0; i < 12 && !heard; i++) {
		kt_key(t, SDLK_TAB, 0);
		heard = kiosk_reading(t->k, text, sizeof text) && !strcmp(text, "Jestem rodzicem");
	}
	assert_true(heard);
	assert_false(kiosk_reading(t->k, text, sizeof text)); /* the same focus: silent */
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offer_follows_the_setting_in_its_order),
		cmocka_unit_test(a_wipe_puts_the_starting_language_back),
		cmocka_unit_test(reading_aloud_takes_the_question_and_choices),
		cmocka_unit_test(polish_and_gujarati_typed_on_the_screen_keyboard_are_stored),
		cmocka_unit_test(right_to_left_is_the_mirror_of_left_to_right),
		cmocka_unit_test(a_face_and_talk_need_no_typing_in_any_language),
		cmocka_unit_test(listen_reads_the_screen_and_focus_reads_each_control),
	};
	return cmocka_run_group_tests_name("kiosk_lang", tests, NULL, NULL);
}
