/* test_ui.c - the immediate-mode layer on its own: word wrap, UTF-8
 * stepping, the text field's editing, focus order with Tab and arrows,
 * activation by click, Enter and Space, and the command list it leaves. */
#include "kiosk_test.h"

static ui_ctx *ctx_new(kt *t)
{
	ui_ctx *u = ui_new();
	assert_non_null(u);
	u->w = 800;
	u->h = 600;
	u->measure = ui_fonts_measure;
	u->measure_arg = t->fonts;
	return u;
}

typedef struct {
	char lines[8][64];
	int n;
} wrapped;

static void keep(void *arg, int line, const char *s, int len)
{
	wrapped *w = arg;
	if (line < 8)
		snprintf(w->lines[line], sizeof w->lines[line], "%.*s", len, s);
	w->n = line + 1;
}

static void wrap_breaks_between_words_and_at_newlines(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = ctx_new(t);
	ui_begin(u);
	wrapped w = { 0 };
	int width = ui_text_width(u, UI_FONT_BODY, false, "one two", -1);
	assert_int_equal(ui_wrap(u, UI_FONT_BODY, false, "one two three\nfour", width, keep, &w), 3);
	assert_string_equal(w.lines[0], "one two");
	assert_string_equal(w.lines[1], "three");
	assert_string_equal(w.lines[2], "four");
	/* A word wider than the line is broken between whole characters. */
	memset(&w, 0, sizeof w);
	width = ui_text_width(u, UI_FONT_BODY, false, "\xC3\xA9\xC3\xA9", -1);
	ui_wrap(u, UI_FONT_BODY, false, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", width, keep, &w);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.lines[0], "\xC3\xA9\xC3\xA9");
	assert_string_equal(w.lines[2], "\xC3\xA9");
	ui_end(u);
	ui_free(u);
	kt_free(t);
}

static void utf8_steps_over_whole_characters(void **state)
{
	(void)state;
	const char s[] = "a\xC3\xA9\xE0\xAA\x86\xF0\x9F\x98\x80";
	int n = (int)strlen(s), adv;
	assert_int_equal(ui_utf8_next(s, n, 0), 1);
	assert_int_equal(ui_utf8_next(s, n, 1), 3);
	assert_int_equal(ui_utf8_next(s, n, 3), 6);
	assert_int_equal(ui_utf8_next(s, n, 6), 10);
	assert_int_equal(ui_utf8_prev(s, 10), 6);
	assert_int_equal(ui_utf8_prev(s, 6), 3);
	assert_int_equal(ui_utf8_decode(s + 3, n - 3, &adv), 0x0A86);
	assert_int_equal(adv, 3);
	assert_int_equal(ui_utf8_decode(s + 6, n - 6, &adv), 0x1F600);
}

static void field_frame(ui_ctx *u, char *buf, size_t cap, int *cur)
{
	ui_begin(u);
	ui_body_begin(u, (ui_rect){ 10, 10, 780, 580 });
	ui_textfield(u, "name", buf, cap, cur, 1, "Your name");
	ui_body_end(u);
	ui_end(u);
}

static void field_edits_at_the_cursor_and_keeps_within_its_size(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = ctx_new(t);
	char buf[8] = "";
	int cur = 0;
	field_frame(u, buf, sizeof buf, &cur);
	u->focus = u->ctrls[0].id;
	field_frame(u, buf, sizeof buf, &cur);
	ui_input_text(u, "ab\xC3\xA9");
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "ab\xC3\xA9");
	ui_input_key(u, UI_KEY_LEFT, true);
	field_frame(u, buf, sizeof buf, &cur);
	assert_int_equal(cur, 2);
	ui_input_text(u, "X");
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "abX\xC3\xA9");
	ui_input_key(u, UI_KEY_DELETE, true);
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "abX");
	/* Only whole characters go in: 4 bytes of 7 left room for one more é. */
	ui_input_text(u, "\xC3\xA9\xC3\xA9\xC3\xA9");
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "abX\xC3\xA9\xC3\xA9");
	ui_input_key(u, UI_KEY_HOME, true);
	field_frame(u, buf, sizeof buf, &cur);
	ui_input_key(u, UI_KEY_BACKSPACE, true);
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "abX\xC3\xA9\xC3\xA9");
	ui_input_key(u, UI_KEY_END, true);
	field_frame(u, buf, sizeof buf, &cur);
	ui_input_key(u, UI_KEY_BACKSPACE, true);
	field_frame(u, buf, sizeof buf, &cur);
	assert_string_equal(buf, "abX\xC3\xA9");
	ui_free(u);
	kt_free(t);
}

static int clicks[3];

static void buttons_frame(ui_ctx *u)
{
	static const char *const L[] = { "One", "Two", "Three" };
	ui_begin(u);
	ui_body_begin(u, (ui_rect){ 10, 10, 780, 580 });
	ui_row(u, 3, 0);
	for (int i = 0; i < 3; i++)
		clicks[i] += ui_button(u, L[i], UI_STYLE_PRIMARY);
	ui_body_end(u);
	ui_end(u);
}

static void tab_arrows_enter_and_clicks_reach_the_right_control(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = ctx_new(t);
	memset(clicks, 0, sizeof clicks);
	buttons_frame(u);
	assert_int_equal(u->n_ctrls, 3);
	ui_input_key(u, UI_KEY_TAB, true);
	buttons_frame(u);
	assert_true(u->focus == u->ctrls[0].id);
	ui_input_key(u, UI_KEY_RIGHT, true);
	buttons_frame(u);
	ui_input_key(u, UI_KEY_ENTER, true);
	buttons_frame(u);
	assert_int_equal(clicks[1], 1);
	u->shift = true;
	ui_input_key(u, UI_KEY_TAB, true);
	buttons_frame(u);
	u->shift = false;
	ui_input_key(u, UI_KEY_SPACE, true);
	buttons_frame(u);
	assert_int_equal(clicks[0], 1);
	ui_rect r = u->ctrls[2].rect;
	ui_input_mouse(u, r.x + 5, r.y + 5, true);
	ui_input_mouse(u, r.x + 5, r.y + 5, false);
	buttons_frame(u);
	assert_int_equal(clicks[2], 1);
	/* Pressed on one, released on another: nothing. */
	ui_input_mouse(u, r.x + 5, r.y + 5, true);
	buttons_frame(u);
	ui_input_mouse(u, u->ctrls[0].rect.x + 5, r.y + 5, false);
	buttons_frame(u);
	assert_int_equal(clicks[0] + clicks[1] + clicks[2], 3);
	ui_free(u);
	kt_free(t);
}

static void a_frame_is_drawn_again_only_when_it_changed(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_KEYDOWN;
	kiosk_frame(t->k);
	assert_false(kiosk_frame(t->k));
	e.key.keysym.sym = SDLK_F1; /* a key that does nothing */
	kiosk_event(t->k, &e);
	assert_false(kiosk_frame(t->k));
	e.key.keysym.sym = SDLK_TAB; /* the focus ring appears */
	kiosk_event(t->k, &e);
	assert_true(kiosk_frame(t->k));
	assert_false(kiosk_frame(t->k));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrap_breaks_between_words_and_at_newlines),
		cmocka_unit_test(utf8_steps_over_whole_characters),
		cmocka_unit_test(field_edits_at_the_cursor_and_keeps_within_its_size),
		cmocka_unit_test(tab_arrows_enter_and_clicks_reach_the_right_control),
		cmocka_unit_test(a_frame_is_drawn_again_only_when_it_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
