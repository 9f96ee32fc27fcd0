/* test_kiosk_flow.c - the whole kiosk driven by synthetic SDL events under
 * the offscreen driver: a complaint by touch, a compliment by keyboard
 * only, an officer logging on a child's behalf, a manager recording a
 * stage 1 response; the idle warning and wipe with an injected clock; the
 * PIN lock-out; and that kiosk mode never shows a stored case. */
#include <ctype.h>
#include "kiosk_test.h"

static void complaint_by_touch_is_stored_and_receipt_shown(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_touch_complaint(t, "Nobody told me my social worker changed. \xC3\xA9\xC3\xA9");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases"), 0);
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE kind = 'complaint' AND "
				  "complainant = 'child' AND channel = 'kiosk' AND on_behalf = 0 AND "
				  "service_area = 'Children in care' AND summary = 'Nobody told me my "
				  "social worker changed. \xC3\xA9\xC3\xA9' AND desired = 'A meeting with "
				  "my social worker' AND procedure = 'to_be_assessed'"), 1);
	assert_true(t->k->ref[0]);
	assert_true(kt_shows(t, t->k->ref));
	assert_true(kt_shows(t, "We will reply by Thursday 29 January 2026."));
	bool qr = false;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++)
		qr |= t->k->ui->out.cmds[i].type == UI_CMD_QR && t->k->ui->out.cmds[i].qr_size >= 21;
	assert_true(qr);
	char ref[REF_MAX], code[RECEIPT_CODE_MAX];
	snprintf(ref, sizeof ref, "%s", t->k->ref);
	snprintf(code, sizeof code, "%s", t->k->code);
	assert_true(kt_shows(t, code));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE tracking_hash IS NOT NULL"), 1);
	kt_tap(t, "Finish");
	assert_int_equal(t->k->screen, KS_START);
	assert_false(kt_shows(t, "Nobody told me"));
	assert_int_equal(t->k->code[0], '\0');
	/* Check my complaint: the stage and its date, nothing else. */
	kt_tap(t, "Check my complaint");
	kt_tap(t, "reference");
	kt_type(t, ref);
	kt_tap(t, "code");
	kt_type(t, "WRONG-CODE1");
	kt_tap(t, "Check");
	/* A mismatch is a sentence with a next step, not the core's words. */
	assert_true(kt_shows(t, "We could not find a complaint with that reference and"));
	assert_true(kt_shows(t, "ask at the desk."));
	assert_false(kt_shows(t, RECEIPT_NO_MATCH));
	kt_tap(t, "code");
	for (int i = 0; i < 12; i++)
		kt_key(t, SDLK_BACKSPACE, 0);
	kt_type(t, code);
	kt_tap(t, "Check");
	assert_true(kt_shows(t, "We are looking into your complaint. We will reply by Thursday "
			     "29 January 2026."));
	assert_false(kt_shows(t, "We could not find"));
	assert_false(kt_shows(t, "Nobody told me"));
	kt_free(t);
}

static void compliment_by_keyboard_only_is_stored(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tab_enter(t, "Something went well", SDLK_RETURN);
	assert_int_equal(t->k->screen, KS_WHO);
	kt_tab_enter(t, "I'm a foster carer", SDLK_RETURN);
	kt_tab_enter(t, "Fostering", SDLK_RETURN);
	assert_int_equal(t->k->screen, KS_WHAT);
	kt_tab_enter(t, "what", 0);
	kt_type(t, "Kind words, ");
	kt_type(t, "\xE0\xAA\x86\xE0\xAA\xAD\xE0\xAA\xBE\xE0\xAA\xB0 x"); /* Gujarati */
	kt_key(t, SDLK_BACKSPACE, 0);
	kt_key(t, SDLK_BACKSPACE, 0);
	kt_key(t, SDLK_BACKSPACE, 0); /* one whole Gujarati letter, not a byte */
	assert_string_equal(t->k->d.summary, "Kind words, \xE0\xAA\x86\xE0\xAA\xAD\xE0\xAA\xBE");
	kt_tab_enter(t, "Next", SDLK_RETURN);
	assert_int_equal(t->k->screen, KS_WISH);
	kt_tab_enter(t, "Yes, you can share what I said", SDLK_SPACE);
	assert_true(t->k->d.consent);
	kt_tab_enter(t, "Next", SDLK_RETURN);
	kt_tab_enter(t, "contact", 0);
	kt_type(t, "07700 900123");
	kt_tab_enter(t, "Next", SDLK_RETURN);
	assert_int_equal(t->k->screen, KS_CHECK);
	kt_key(t, SDLK_ESCAPE, 0); /* Escape is Back */
	assert_int_equal(t->k->screen, KS_CONTACT);
	kt_tab_enter(t, "Next", SDLK_RETURN);
	kt_tab_enter(t, "Send", SDLK_RETURN);
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE kind = 'compliment' AND "
				  "complainant = 'foster_carer' AND consent_to_publish = 1 AND "
				  "contact = '07700 900123' AND service_area = 'Fostering'"), 1);
	assert_true(kt_shows(t, t->k->ref));
	assert_true(t->k->ui->state.physical_keys);
	/* A compliment's receipt: no complaint in it, and with no receipt_url
	 * no promise that scanning shows anything. */
	assert_true(kt_says(t, "Thank you for your kind words."));
	assert_true(kt_says(t, t->k->code));
	assert_false(kt_says(t, "complaint"));
	assert_false(kt_says(t, "scanning"));
	kt_free(t);
}

/* GOV.UK's patterns on the public flow: a field's error at the top and at
 * the field, gone once they type; each answer changed from the check
 * screen, which the step then returns to. */
static void errors_go_as_they_type_and_answers_change_from_the_check_screen(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	assert_int_equal(store_setting_set(t->st, "receipt_url", "https://example.org/track", &err),
			 TL_OK);
	kt_to_what(t);
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_WHAT);
	assert_true(kt_says(t, "Write a few words about what happened."));
	ui_color red = t->k->ui->frame.theme.danger;
	bool red_field = false;
	const ui_control *f = kt_need(t, "what");
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		red_field |= c->type == UI_CMD_RECT && c->border > 0 && c->rect.y == f->rect.y &&
			c->color.r == red.r && c->color.g == red.g && c->color.b == red.b;
	}
	assert_true(red_field);
	kt_type(t, "N");
	assert_false(kt_says(t, "Write a few words"));
	kt_type(t, "obody came");
	kt_tap(t, "Next");
	kt_tap(t, "Next");
	kt_tap(t, "Skip");
	assert_int_equal(t->k->screen, KS_CHECK);
	assert_true(kt_says(t, "Who is telling us"));
	assert_false(kt_says(t, "You are I'm"));
	kt_tap(t, "Change what happened");
	assert_int_equal(t->k->screen, KS_WHAT);
	kt_tap(t, "what");
	kt_type(t, " to my review");
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_CHECK); /* straight back */
	assert_true(kt_says(t, "Nobody came to my review"));
	kt_tap(t, "Change who");
	kt_tap(t, "I'm a parent");
	assert_int_equal(t->k->screen, KS_CHECK);
	assert_true(kt_says(t, "A parent"));
	kt_tap(t, "Send");
	/* A complaint's receipt: the code on its own line; scanning offered
	 * because receipt_url is set. */
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_true(kt_shows(t, t->k->code));
	assert_true(kt_says(t, "by scanning the QR code"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE complainant = 'parent' AND "
				  "summary = 'Nobody came to my review'"), 1);
	kt_free(t);
}

static void on_screen_keyboard_types_when_no_keyboard_was_used(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Something is wrong");
	kt_tap(t, "I'm a parent");
	kt_tap(t, "Something else");
	kt_tap(t, "what");
	assert_true(ui_osk_wanted(t->k->ui));
	kt_tap(t, "\xE2\x87\xA7 Shift");
	kt_tap(t, "H");
	kt_tap(t, "i");
	kt_tap(t, "space");
	kt_tap(t, "1"); /* the gb layout's digits are a row of their own */
	kt_tap(t, "\xE2\x8C\xAB");
	kt_tap(t, "x");
	assert_string_equal(t->k->d.summary, "Hi x");
	kt_tap(t, "Done");
	assert_false(ui_osk_wanted(t->k->ui));
	/* Next touched with the keyboard up: the screen does not move under
	 * the finger as the field loses focus, so the touch lands on Next. */
	kt_tap(t, "what");
	assert_true(ui_osk_wanted(t->k->ui));
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_WISH);
	kt_free(t);
}

/* Does any text drawn contain s (lower case), whatever its case? */
static bool shows_any_case(kt *t, const char *s)
{
	char low[512];
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		if (c->type != UI_CMD_TEXT)
			continue;
		size_t n = 0;
		for (; c->text[n] && n < sizeof low - 1; n++)
			low[n] = (char)tolower((unsigned char)c->text[n]);
		low[n] = '\0';
		if (strstr(low, s))
			return true;
	}
	return false;
}

static void hide_leaves_a_neutral_screen_and_the_display_defaults(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Bigger text");
	kt_tap(t, "High contrast");
	assert_true(t->k->ui->set.large_text && t->k->ui->set.high_contrast);
	kt_touch_complaint(t, "Private words");
	kt_tap(t, "Back");
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_WISH);
	kt_tap(t, "Hide");
	assert_int_equal(t->k->screen, KS_HIDDEN);
	assert_int_equal(t->k->d.summary[0], '\0');
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases"), 0);
	/* A council's welcome: nothing about complaints, nothing of the words. */
	assert_true(kt_shows(t, "Welcome to"));
	assert_false(shows_any_case(t, "complain"));
	assert_false(shows_any_case(t, "tell us"));
	assert_false(shows_any_case(t, "safe"));
	assert_false(kt_shows(t, "Private words"));
	assert_false(t->k->ui->set.large_text);
	assert_false(t->k->ui->set.high_contrast);
	kt_tap(t, "Touch the screen to start");
	assert_int_equal(t->k->screen, KS_START);
	assert_true(kt_shows(t, "Tell us what you think"));
	kt_free(t);
}

static void ctrl_keys_copy_cut_paste_and_hide_wipes_the_clipboard(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_to_what(t);
	kt_type(t, "My words \xD9\x85\xD8\xB1");
	kt_key(t, SDLK_LEFT, KMOD_LSHIFT);
	kt_key(t, SDLK_LEFT, KMOD_LSHIFT);
	kt_key(t, SDLK_c, KMOD_LCTRL);
	char *clip = SDL_GetClipboardText();
	assert_string_equal(clip, "\xD9\x85\xD8\xB1");
	SDL_free(clip);
	kt_key(t, SDLK_a, KMOD_LCTRL);
	kt_key(t, SDLK_x, KMOD_LCTRL);
	assert_string_equal(t->k->d.summary, "");
	kt_key(t, SDLK_v, KMOD_LCTRL);
	kt_key(t, SDLK_v, KMOD_LCTRL);
	assert_string_equal(t->k->d.summary, "My words \xD9\x85\xD8\xB1My words \xD9\x85\xD8\xB1");
	kt_tap(t, "Hide");
	assert_int_equal(t->k->screen, KS_HIDDEN);
	clip = SDL_GetClipboardText();
	assert_string_equal(clip, "");
	SDL_free(clip);
	kt_free(t);
}

static void officer_logs_on_behalf_of_a_child(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	assert_int_equal(staff_add(t->st, "Olu Officer", TL_ROLE_OFFICER, "2468", &err), TL_OK);
	kt_sign_in(t, "Olu Officer", "2468");
	assert_int_equal(t->k->screen, KS_OFFICER);
	assert_null(kt_find(t, "Back")); /* a home screen: Sign out, never a silent Back */
	assert_non_null(kt_find(t, "Sign out"));
	kt_tap(t, "Log for a child");
	assert_int_equal(t->k->screen, KS_START);
	assert_true(kt_shows(t, "Logging on behalf of a child, by Olu Officer"));
	/* Back from the public start needs the PIN again: the child may hold it. */
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_PIN);
	assert_false(t->k->signed_in);
	kt_tap(t, "2"), kt_tap(t, "4"), kt_tap(t, "6"), kt_tap(t, "8"), kt_tap(t, "OK");
	assert_int_equal(t->k->screen, KS_OFFICER);
	kt_tap(t, "Log for a child");
	kt_tap(t, "Something is wrong");
	/* The choices are about the child, not "I'm ...". */
	assert_true(kt_shows(t, "Who is it from?"));
	assert_non_null(kt_find(t, "Their parent"));
	assert_null(kt_find(t, "I'm a parent"));
	kt_tap(t, "Back");
	kt_touch_complaint(t, "Told to my officer");
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE on_behalf = 1 AND "
				  "officer = 'Olu Officer' AND channel = 'staff'"), 1);
	/* Logging the case and issuing its receipt are both the officer's acts. */
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE ref = (SELECT ref FROM cases) "
				  "AND who = 'Olu Officer'"), 2);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE ref = (SELECT ref FROM cases) "
				  "AND who <> 'Olu Officer'"), 0);
	char ref[REF_MAX];
	snprintf(ref, sizeof ref, "%s", t->k->ref);
	kt_tap(t, "Finish");
	assert_int_equal(t->k->screen, KS_OFFICER);
	kt_tap(t, "My cases");
	assert_int_equal(t->k->screen, KS_CASES);
	assert_true(kt_shows(t, ref));
	assert_true(kt_shows(t, "due 2026-01-29"));
	/* The card opens the case, read only for an officer. */
	char title[200];
	snprintf(title, sizeof title, "%s  Children in care", ref);
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	assert_true(kt_shows(t, "Told to my officer"));
	assert_true(kt_shows(t, "A meeting with my social worker"));
	assert_true(kt_shows(t, "A manager moves this case through its stages."));
	assert_null(kt_find(t, "Record the response"));
	assert_null(kt_find(t, "Set the causes"));
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_CASES);
	kt_tap(t, "Sign out");
	assert_int_equal(t->k->screen, KS_START);
	assert_false(t->k->signed_in);
	kt_free(t);
}

static void manager_records_a_stage1_response(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	kt_tap(t, "I'd like someone to help me");
	kt_touch_complaint(t, "Please look at this");
	kt_tap(t, "Back");
	kt_tap(t, "contact");
	kt_type(t, "07700 900123");
	kt_tap(t, "Next");
	kt_tap(t, "Send");
	char ref[REF_MAX], title[200];
	snprintf(ref, sizeof ref, "%s", t->k->ref);
	kt_tap(t, "Finish");
	setenv("TELLUS_TODAY", "2026-01-20", 1);
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	assert_int_equal(t->k->screen, KS_MANAGER);
	snprintf(title, sizeof title, "%s  Children in care", ref);
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	assert_true(kt_shows(t, "Please look at this"));
	assert_true(kt_shows(t, "A meeting with my social worker")); /* what they would like */
	assert_true(kt_says(t, "They asked for someone to help them"));
	assert_true(kt_says(t, "How to reach them 07700 900123"));
	kt_tap(t, "Record the response");
	assert_int_equal(t->k->screen, KS_RESPOND);
	/* One tap chooses; nothing is stored before the date and a yes. */
	kt_tap(t, words_label(&WS_OUTCOME, TL_OUTCOME_PARTLY_UPHELD));
	assert_int_equal(t->k->screen, KS_RESPOND);
	assert_string_equal(t->k->when, "2026-01-20"); /* today unless changed */
	kt_tap(t, "when");
	kt_key(t, SDLK_BACKSPACE, 0);
	kt_key(t, SDLK_BACKSPACE, 0);
	kt_type(t, "16");
	kt_tap(t, "Continue");
	assert_int_equal(t->k->overlay, KO_CONFIRM);
	assert_true(kt_says(t, "Stage 1: Partly upheld, on Friday 16 January 2026."));
	kt_tap(t, "Go back");
	assert_int_equal(t->k->overlay, KO_NONE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE responded IS NOT NULL"), 0);
	kt_tap(t, "Continue");
	kt_tap(t, "Yes, record it");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE stage = 1 AND "
				  "outcome = 'partly_upheld' AND responded = '2026-01-16'"), 1);
	assert_true(kt_shows(t, "Answered 2026-01-16"));
	/* Said in the success colour, not in red; and it can be undone. */
	ui_color ok = t->k->ui->frame.theme.success;
	bool green = false;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		if (c->type == UI_CMD_TEXT && strstr(c->text, "The response is recorded."))
			green = c->color.r == ok.r && c->color.g == ok.g && c->color.b == ok.b;
	}
	assert_true(green);
	kt_tap(t, "Undo the response");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE responded IS NULL AND "
				  "outcome IS NULL"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'respond_undo' "
				  "AND who = 'Mo Manager'"), 1);
	assert_non_null(kt_find(t, "Record the response"));
	/* Once the screen is left, there is nothing to undo. */
	kt_tap(t, "Record the response");
	kt_tap(t, words_label(&WS_OUTCOME, TL_OUTCOME_NOT_UPHELD));
	kt_tap(t, "Continue");
	kt_tap(t, "Yes, record it");
	assert_non_null(kt_find(t, "Undo the response"));
	kt_tap(t, "Set the causes");
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_null(kt_find(t, "Undo the response"));
	kt_free(t);
}

static void a_response_needs_an_outcome_and_a_real_date(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	kt_touch_complaint(t, "Please look at this");
	kt_tap(t, "Send");
	char title[200];
	snprintf(title, sizeof title, "%s  Children in care", t->k->ref);
	kt_tap(t, "Finish");
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	kt_tap(t, title);
	kt_tap(t, "Record the response");
	kt_tap(t, "Continue");
	assert_true(kt_shows(t, "Choose the outcome."));
	assert_int_equal(t->k->overlay, KO_NONE);
	kt_tap(t, words_label(&WS_OUTCOME, TL_OUTCOME_FULLY_UPHELD));
	kt_tap(t, "when");
	for (int i = 0; i < 10; i++)
		kt_key(t, SDLK_BACKSPACE, 0);
	kt_type(t, "15/01/2026");
	kt_tap(t, "Continue");
	assert_int_equal(t->k->overlay, KO_NONE);
	assert_true(kt_shows(t, "Enter the date as year, month and day"));
	/* The core's own refusal, said on the screen: no response before receipt. */
	kt_tap(t, "when");
	for (int i = 0; i < 10; i++)
		kt_key(t, SDLK_BACKSPACE, 0);
	kt_type(t, "2026-01-02");
	kt_tap(t, "Continue");
	kt_tap(t, "Yes, record it");
	assert_int_equal(t->k->screen, KS_RESPOND);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE responded IS NOT NULL"), 0);
	assert_true(t->k->hint[0] && !t->k->hint_ok);
	kt_free(t);
}

static void idle_warns_after_60s_and_wipes_after_idle_seconds(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Something is wrong");
	kt_tap(t, "I'm a child or young person");
	t->now += 59000;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->overlay, KO_NONE);
	t->now += 2000;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->overlay, KO_IDLE);
	assert_true(kt_shows(t, "Are you still there?"));
	kt_tap(t, "I need more time");
	assert_int_equal(t->k->overlay, KO_NONE);
	assert_int_equal(t->k->screen, KS_SERVICE);
	t->now += 91000;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->screen, KS_START);
	assert_int_equal(t->k->d.kind, -1);
	assert_int_equal(t->k->d.who, -1);
	kt_free(t);
}

/* The last full-window opaque rectangle drawn: what lies under it shows. */
static int last_cover(kt *t)
{
	int at = -1;
	const ui_ctx *u = t->k->ui;
	for (int i = 1; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_RECT && c->border == 0 && c->color.a == 255 && c->rect.x == 0 &&
		    c->rect.y == 0 && c->rect.w == u->set.w && c->rect.h == u->set.h)
			at = i;
	}
	return at;
}

static int text_at(kt *t, const char *s)
{
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		if (c->type == UI_CMD_TEXT && strstr(c->text, s))
			return i;
	}
	return -1;
}

/* The receipt's secret code at the idle warning: hidden under the
 * warning, gone at the wipe, which asks for a frame at once (the window
 * draws it before it waits again), with the display back at its defaults. */
static void the_idle_wipe_shows_at_once_and_hides_a_receipt(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Bigger text");
	kt_touch_complaint(t, "Words nobody else should read");
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	char code[RECEIPT_CODE_MAX];
	snprintf(code, sizeof code, "%s", t->k->code);
	t->now += 61000;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->overlay, KO_IDLE);
	int cover = last_cover(t), at = text_at(t, code);
	assert_true(at >= 0 && cover > at); /* drawn, then covered */
	assert_true(text_at(t, "Are you still there?") > cover);
	t->now += 30000;
	int wait = kiosk_tick(t->k);
	assert_true(t->k->ui->out.redraw); /* the wipe asks for a frame now */
	assert_true(wait > 0);
	assert_true(kiosk_frame(t->k));
	assert_int_equal(t->k->screen, KS_START);
	assert_int_equal(text_at(t, code), -1);
	assert_int_equal(t->k->code[0], '\0');
	assert_false(t->k->ui->set.large_text);
	kt_free(t);
}

static void clear_now_wipes_without_waiting(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_to_what(t);
	kt_type(t, "Half a sentence");
	t->now += 61000;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->overlay, KO_IDLE);
	kt_tap(t, "Clear now");
	assert_int_equal(t->k->overlay, KO_NONE);
	assert_int_equal(t->k->screen, KS_START);
	assert_int_equal(t->k->d.summary[0], '\0');
	assert_int_equal(text_at(t, "Half a sentence"), -1);
	kt_free(t);
}

static void five_wrong_pins_lock_the_account_for_five_minutes(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	assert_int_equal(staff_add(t->st, "Lee", TL_ROLE_MANAGER, "1111", &err), TL_OK);
	for (int i = 0; i < 5; i++) {
		kt_sign_in(t, "Lee", "9999");
		assert_int_equal(t->k->screen, KS_PIN);
		assert_false(t->k->signed_in);
	}
	assert_true(kt_shows(t, "locked"));
	kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "OK");
	assert_false(t->k->signed_in);
	t->now += 301000;
	kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "1"), kt_tap(t, "OK");
	assert_true(t->k->signed_in);
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'staff_sign_in'"), 7);
	kt_free(t);
}

static void kiosk_mode_never_shows_a_stored_case(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = date_from_ymd(2026, 1, 10);
	c.channel = TL_CHANNEL_PHONE;
	c.procedure = TL_PROC_STATUTORY;
	c.complainant = TL_WHO_PARENT;
	assert_int_equal(case_set_text(&c.service_area, "Adoption", &err), TL_OK);
	assert_int_equal(case_set_text(&c.summary, "SECRET-STORED-WORDS", &err), TL_OK);
	assert_int_equal(case_log(t->st, &c, &err), TL_OK);
	char ref[REF_MAX];
	snprintf(ref, sizeof ref, "%s", c.ref);
	case_clear(&c);
	const char *path[] = { "Something is wrong", "I'm a parent", "Adoption", NULL };
	for (int i = 0; ; i++) {
		assert_false(kt_shows(t, "SECRET-STORED-WORDS"));
		assert_false(kt_shows(t, ref));
		if (!path[i])
			break;
		kt_tap(t, path[i]);
	}
	kt_tap(t, "Need help now?");
	assert_false(kt_shows(t, ref));
	kt_free(t);
}

static void long_press_in_the_corner_opens_the_staff_sign_in(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_FINGERDOWN;
	e.tfinger.x = 5.0f / 1280.0f;
	e.tfinger.y = 5.0f / 800.0f;
	SDL_PushEvent(&e);
	kt_pump(t);
	t->now += 2000;
	kiosk_tick(t->k);
	assert_int_equal(t->k->screen, KS_START);
	t->now += 1100;
	kiosk_tick(t->k);
	kiosk_frame(t->k);
	assert_int_equal(t->k->screen, KS_STAFF);
	e.type = SDL_FINGERUP;
	SDL_PushEvent(&e);
	kt_pump(t);
	assert_int_equal(t->k->screen, KS_STAFF);
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_START);
	kt_free(t);
}

static void manager_agrees_an_extension_and_records_the_next_stage(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	kt_touch_complaint(t, "Still waiting");
	kt_tap(t, "Send");
	char title[200];
	snprintf(title, sizeof title, "%s  Children in care", t->k->ref);
	kt_tap(t, "Finish");
	assert_int_equal(staff_add(t->st, "Mo", TL_ROLE_ADMIN, "5555", &err), TL_OK);
	kt_sign_in(t, "Mo", "5555");
	kt_tap(t, title);
	kt_tap(t, "Agree an extension");
	assert_int_equal(t->k->screen, KS_EXTEND);
	kt_tap(t, "reason");
	kt_type(t, "The complaint is complex");
	kt_tap(t, "Agree");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE extended = 1 AND "
				  "extension_by = 'Mo' AND max_due = '2026-02-12'"), 1);
	assert_true(kt_shows(t, "(extended)"));
	assert_true(kt_shows(t, "The extension is agreed."));
	kt_tap(t, "Record the response");
	kt_tap(t, words_label(&WS_OUTCOME, TL_OUTCOME_NOT_UPHELD));
	kt_tap(t, "Continue");
	kt_tap(t, "Yes, record it");
	/* An action, named as one, and confirmed before it is stored. */
	assert_null(kt_find(t, "Stage 2 was asked for"));
	kt_tap(t, "Record a stage 2 request");
	assert_int_equal(t->k->overlay, KO_CONFIRM);
	assert_true(kt_shows(t, "Stage 2 was asked for on Thursday 15 January 2026."));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE stage = 2"), 0);
	kt_tap(t, "Yes, record it");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE stage = 2 AND "
				  "started = '2026-01-15'"), 1);
	assert_true(kt_shows(t, "Stage 2: started 2026-01-15"));
	assert_true(kt_shows(t, "The request is recorded."));
	kt_free(t);
}

static void finger(kt *t, Uint32 type, int x, int y)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = type;
	e.tfinger.x = (float)x / (float)t->k->ui->set.w;
	e.tfinger.y = (float)y / (float)t->k->ui->set.h;
	SDL_PushEvent(&e);
	kt_pump(t);
}

static void a_phone_scrolls_by_dragging_without_choosing(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_size(t, 360, 640);
	kt_tap(t, "Something is wrong");
	const ui_control *c = kt_need(t, "Someone else");
	assert_true(c->rect.y + c->rect.h > c->clip.y + c->clip.h); /* below the fold */
	ui_rect body = c->clip;
	int x = body.x + body.w / 3, y = body.y + body.h - 20;
	finger(t, SDL_FINGERDOWN, x, y);
	for (int i = 1; i <= 20; i++)
		finger(t, SDL_FINGERMOTION, x, y - i * 30);
	finger(t, SDL_FINGERUP, x, y - 600);
	assert_int_equal(t->k->screen, KS_WHO);
	assert_int_equal(t->k->d.who, -1);
	c = kt_need(t, "Someone else");
	assert_true(c->rect.y >= c->clip.y && c->rect.y + c->rect.h <= c->clip.y + c->clip.h);
	kt_tap(t, "Someone else");
	assert_int_equal(t->k->d.who, TL_WHO_OTHER);
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(complaint_by_touch_is_stored_and_receipt_shown),
		cmocka_unit_test(compliment_by_keyboard_only_is_stored),
		cmocka_unit_test(on_screen_keyboard_types_when_no_keyboard_was_used),
		cmocka_unit_test(hide_leaves_a_neutral_screen_and_the_display_defaults),
		cmocka_unit_test(errors_go_as_they_type_and_answers_change_from_the_check_screen),
		cmocka_unit_test(ctrl_keys_copy_cut_paste_and_hide_wipes_the_clipboard),
		cmocka_unit_test(officer_logs_on_behalf_of_a_child),
		cmocka_unit_test(manager_records_a_stage1_response),
		cmocka_unit_test(a_response_needs_an_outcome_and_a_real_date),
		cmocka_unit_test(idle_warns_after_60s_and_wipes_after_idle_seconds),
		cmocka_unit_test(the_idle_wipe_shows_at_once_and_hides_a_receipt),
		cmocka_unit_test(clear_now_wipes_without_waiting),
		cmocka_unit_test(five_wrong_pins_lock_the_account_for_five_minutes),
		cmocka_unit_test(kiosk_mode_never_shows_a_stored_case),
		cmocka_unit_test(long_press_in_the_corner_opens_the_staff_sign_in),
		cmocka_unit_test(manager_agrees_an_extension_and_records_the_next_stage),
		cmocka_unit_test(a_phone_scrolls_by_dragging_without_choosing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
