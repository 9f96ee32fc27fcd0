/* test_ui.c - the immediate-mode layer on its own: word wrap, UTF-8
 * stepping, the text field's editing and selection (keys, drag, the
 * clipboard, in Gujarati and Arabic as well as English), focus order with Tab and arrows,
 * activation by click, Enter and Space, and the command list it leaves. */
#include "kiosk_test.h"
#include "tellus/text.h"

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
	ui_ctx *u = kt_ui_new(t);
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
	ui_ctx *u = kt_ui_new(t);
	char buf[8] = "";
	int cur = 0;
	field_frame(u, buf, sizeof buf, &cur);
	u->state.focus = u->out.ctrls[0].id;
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

/* A field of lines in a frame; the first frame gives it focus. */
static void edit_frame(ui_ctx *u, char *buf, size_t cap, int *cur, int lines)
{
	ui_begin(u);
	ui_body_begin(u, (ui_rect){ 10, 10, 780, 580 });
	ui_textfield(u, "words", buf, cap, cur, lines, NULL);
	ui_body_end(u);
	ui_end(u);
}

static void press(ui_ctx *u, char *buf, size_t cap, int *cur, int lines, unsigned key, bool shift)
{
	u->in.shift = shift;
	ui_input_key(u, key, true);
	edit_frame(u, buf, cap, cur, lines);
	u->in.shift = false;
}

static ui_ctx *focused_field(kt *t, char *buf, size_t cap, int *cur, int lines)
{
	ui_ctx *u = kt_ui_new(t);
	edit_frame(u, buf, cap, cur, lines);
	u->state.focus = u->out.ctrls[0].id;
	edit_frame(u, buf, cap, cur, lines);
	edit_frame(u, buf, cap, cur, lines);
	return u;
}

/* The highlight drawn for the selection: its rectangle, or w = 0. */
static ui_rect highlight(const ui_ctx *u)
{
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		ui_color s = u->frame.theme.selection;
		if (c->type == UI_CMD_RECT && c->border == 0 && c->color.r == s.r &&
		    c->color.g == s.g && c->color.b == s.b)
			return c->rect;
	}
	return (ui_rect){ 0, 0, 0, 0 };
}

#define GU_KA "\xE0\xAA\x95" /* Gujarati letters, three bytes each */
#define GU_KHA "\xE0\xAA\x96"
#define GU_GA "\xE0\xAA\x97"
#define AR_WORD "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7" /* Arabic "marhaba" */

static void shift_arrows_select_whole_gujarati_letters_and_typing_replaces(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[64] = GU_KA GU_KHA GU_GA;
	int cur = -1, lo, hi; /* -1: at the end */
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 1);
	assert_int_equal(cur, 9);
	assert_int_equal(highlight(u).w, 0);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_LEFT, true);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_LEFT, true);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(lo, 3);
	assert_int_equal(hi, 9);
	/* The highlight covers exactly the two selected letters. */
	ui_rect h = highlight(u), f = u->out.ctrls[0].rect;
	int x0 = ui_text_width(u, UI_FONT_BODY, false, buf, 3);
	int x1 = ui_text_width(u, UI_FONT_BODY, false, buf, 9);
	assert_int_equal(h.w, x1 - x0);
	assert_true(h.x > f.x && h.x + h.w < f.x + f.w && h.y >= f.y && h.y + h.h <= f.y + f.h);
	ui_input_text(u, "x");
	edit_frame(u, buf, sizeof buf, &cur, 1);
	assert_string_equal(buf, GU_KA "x");
	assert_false(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(highlight(u).w, 0);
	/* Shift+Home from the end, then Right without Shift lands at its end. */
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_HOME, true);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(hi - lo, 4);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_RIGHT, false);
	assert_int_equal(cur, 4);
	assert_false(ui_selection(u, cur, &lo, &hi));
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_HOME, false);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_END, true);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 4);
	ui_free(u);
	kt_free(t);
}

static void ctrl_a_then_backspace_or_delete_removes_the_selection(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[64] = "keep " AR_WORD;
	int cur = -1, lo, hi; /* -1: at the end */
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 1);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_SELECT_ALL, false);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(lo, 0);
	assert_int_equal(hi, (int)strlen(buf));
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_BACKSPACE, false);
	assert_string_equal(buf, "");
	snprintf(buf, sizeof buf, "keep " AR_WORD);
	cur = 5;
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_RIGHT, true);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_RIGHT, true);
	assert_int_equal(cur, 9); /* two Arabic letters of two bytes */
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_DELETE, false);
	assert_string_equal(buf, "keep \xD8\xAD\xD8\xA8\xD8\xA7");
	assert_int_equal(cur, 5);
	/* Without a selection Delete takes one whole letter. */
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_DELETE, false);
	assert_string_equal(buf, "keep \xD8\xA8\xD8\xA7");
	ui_free(u);
	kt_free(t);
}

static void copy_cut_and_paste_go_through_the_clipboard(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[64] = "hi " AR_WORD;
	int cur = -1, lo, hi; /* -1: at the end */
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 1);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_LEFT, true);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_LEFT, true);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_COPY, false);
	char *clip = SDL_GetClipboardText();
	assert_string_equal(clip, "\xD8\xA8\xD8\xA7");
	SDL_free(clip);
	assert_string_equal(buf, "hi " AR_WORD); /* copy leaves the text */
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_SELECT_ALL, false);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_CUT, false);
	assert_string_equal(buf, "");
	clip = SDL_GetClipboardText();
	assert_string_equal(clip, "hi " AR_WORD);
	SDL_free(clip);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	assert_string_equal(buf, "hi " AR_WORD "hi " AR_WORD);
	/* Paste replaces a selection. */
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_HOME, true);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	assert_string_equal(buf, "hi " AR_WORD);
	assert_false(ui_selection(u, cur, &lo, &hi));
	/* A wipe empties what a field copied. */
	ui_clipboard_wipe(u);
	clip = SDL_GetClipboardText();
	assert_string_equal(clip, "");
	SDL_free(clip);
	ui_free(u);
	kt_free(t);
}

static void paste_keeps_valid_utf8_only_and_stays_within_the_size(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[12] = "";
	int cur = 0;
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 1);
	/* A stray byte, a cut-off letter, a control character, a line break. */
	assert_int_equal(SDL_SetClipboardText("a\xFF" "b\xE0\xAA" "c\x01\n" GU_KA "d"), 0);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	assert_string_equal(buf, "abc " GU_KA "d");
	/* 11 bytes of room: three left, enough for one letter of two. */
	assert_int_equal(SDL_SetClipboardText(GU_KHA GU_GA), 0);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	assert_string_equal(buf, "abc " GU_KA "d" GU_KHA);
	assert_int_equal(SDL_SetClipboardText("z"), 0);
	press(u, buf, sizeof buf, &cur, 1, UI_KEY_PASTE, false);
	assert_string_equal(buf, "abc " GU_KA "d" GU_KHA);
	assert_true(text_utf8_valid(buf, strlen(buf), NULL));
	ui_free(u);
	kt_free(t);
}

static void shift_up_and_down_select_between_lines(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[64] = "one\ntwo\nthree";
	int cur = -1, lo, hi; /* -1: at the end */
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 4);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_UP, true);
	assert_true(u->state.focus == u->out.ctrls[0].id); /* the key stayed in the field */
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(lo, 7); /* the end of "two", nearest under the end of "three" */
	assert_int_equal(hi, 13);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_UP, true);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_COPY, false);
	char *clip = SDL_GetClipboardText();
	assert_string_equal(clip, "\ntwo\nthree");
	SDL_free(clip);
	/* A highlight on each line with selected letters ("two", "three"). */
	int n = 0;
	for (int i = 0; i < u->out.n_cmds; i++)
		n += u->out.cmds[i].type == UI_CMD_RECT &&
			u->out.cmds[i].color.b == u->frame.theme.selection.b &&
			u->out.cmds[i].color.r == u->frame.theme.selection.r;
	assert_int_equal(n, 2);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_DOWN, true);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_DOWN, true);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_true(lo > 8 && hi == 13); /* inside "three" */
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_DOWN, true); /* on the last line: to its end */
	assert_int_equal(cur, 13);
	assert_false(ui_selection(u, cur, &lo, &hi));
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_HOME, false);
	press(u, buf, sizeof buf, &cur, 4, UI_KEY_DOWN, false);
	assert_int_equal(cur, 4); /* the start of "two" */
	assert_false(ui_selection(u, cur, &lo, &hi));
	ui_free(u);
	kt_free(t);
}

static void a_drag_in_the_field_selects_and_typing_replaces(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	char buf[64] = "ab " GU_KA GU_KHA " cd";
	int cur = -1, lo, hi; /* -1: at the end */
	ui_ctx *u = focused_field(t, buf, sizeof buf, &cur, 1);
	ui_rect f = u->out.ctrls[0].rect;
	int y = f.y + f.h / 2, x0 = f.x + u->frame.gap;
	int xa = x0 + ui_text_width(u, UI_FONT_BODY, false, buf, 3);
	int xb = x0 + ui_text_width(u, UI_FONT_BODY, false, buf, 9);
	ui_input_mouse(u, xa, y, true);
	edit_frame(u, buf, sizeof buf, &cur, 1);
	assert_int_equal(cur, 3);
	for (int x = xa; x <= xb; x += 4) {
		ui_input_mouse(u, x, y + (x - xa) / 8, true);
		edit_frame(u, buf, sizeof buf, &cur, 1);
	}
	ui_input_mouse(u, xb, y, true);
	edit_frame(u, buf, sizeof buf, &cur, 1);
	ui_input_mouse(u, xb, y, false);
	edit_frame(u, buf, sizeof buf, &cur, 1);
	assert_true(ui_selection(u, cur, &lo, &hi));
	assert_int_equal(lo, 3);
	assert_int_equal(hi, 9);
	assert_int_equal(u->state.scroll_y, 0);
	assert_true(highlight(u).w > 0);
	ui_input_text(u, "!");
	edit_frame(u, buf, sizeof buf, &cur, 1);
	assert_string_equal(buf, "ab ! cd");
	/* A tap without moving only places the cursor. */
	ui_input_mouse(u, x0, y, true);
	edit_frame(u, buf, sizeof buf, &cur, 1);
	ui_input_mouse(u, x0, y, false);
	edit_frame(u, buf, sizeof buf, &cur, 1);
	assert_int_equal(cur, 0);
	assert_false(ui_selection(u, cur, &lo, &hi));
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
	ui_ctx *u = kt_ui_new(t);
	memset(clicks, 0, sizeof clicks);
	buttons_frame(u);
	assert_int_equal(u->out.n_ctrls, 3);
	ui_input_key(u, UI_KEY_TAB, true);
	buttons_frame(u);
	assert_true(u->state.focus == u->out.ctrls[0].id);
	ui_input_key(u, UI_KEY_RIGHT, true);
	buttons_frame(u);
	ui_input_key(u, UI_KEY_ENTER, true);
	buttons_frame(u);
	assert_int_equal(clicks[1], 1);
	u->in.shift = true;
	ui_input_key(u, UI_KEY_TAB, true);
	buttons_frame(u);
	u->in.shift = false;
	ui_input_key(u, UI_KEY_SPACE, true);
	buttons_frame(u);
	assert_int_equal(clicks[0], 1);
	ui_rect r = u->out.ctrls[2].rect;
	ui_input_mouse(u, r.x + 5, r.y + 5, true);
	ui_input_mouse(u, r.x + 5, r.y + 5, false);
	buttons_frame(u);
	assert_int_equal(clicks[2], 1);
	/* Pressed on one, released on another: nothing. */
	ui_input_mouse(u, r.x + 5, r.y + 5, true);
	buttons_frame(u);
	ui_input_mouse(u, u->out.ctrls[0].rect.x + 5, r.y + 5, false);
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
		cmocka_unit_test(shift_arrows_select_whole_gujarati_letters_and_typing_replaces),
		cmocka_unit_test(ctrl_a_then_backspace_or_delete_removes_the_selection),
		cmocka_unit_test(copy_cut_and_paste_go_through_the_clipboard),
		cmocka_unit_test(paste_keeps_valid_utf8_only_and_stays_within_the_size),
		cmocka_unit_test(shift_up_and_down_select_between_lines),
		cmocka_unit_test(a_drag_in_the_field_selects_and_typing_replaces),
		cmocka_unit_test(tab_arrows_enter_and_clicks_reach_the_right_control),
		cmocka_unit_test(a_frame_is_drawn_again_only_when_it_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
