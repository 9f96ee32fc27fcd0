/* test_bidi.c - right-to-left and mixed lines in the command list: runs
 * in visual order (the Unicode bidi algorithm), English left alone, an
 * Arabic paragraph from the right edge of its box, wrapping that keeps
 * every character of a long mixed paragraph exactly once, and a space
 * that begins a right-to-left run drawn on its right. */
#include "kiosk_test.h"

#define AR_HELLO "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7" /* marhaba */

/* The text commands from index from on, as "text|" joined in list order. */
static int texts(const ui_ctx *u, int from, const ui_cmd **out, int max)
{
	int n = 0;
	for (int i = from; i < u->out.n_cmds && n < max; i++)
		if (u->out.cmds[i].type == UI_CMD_TEXT)
			out[n++] = &u->out.cmds[i];
	return n;
}

static bool is(const ui_cmd *c, const char *s)
{
	return c->len == (int)strlen(s) && memcmp(c->text, s, (size_t)c->len) == 0;
}

static void a_mixed_line_is_drawn_in_visual_order(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = kt_ui_new(t);
	ui_begin(u);
	int from = u->out.n_cmds;
	ui_draw_text(u, 10, 10, UI_FONT_BODY, false, AR_HELLO " hello 123", -1, u->frame.theme.text);
	const ui_cmd *c[8] = { 0 };
	int n = texts(u, from, c, 8);
	/* Arabic base: the Arabic word rightmost; the digits follow the
	 * English word (rule W7), so "hello 123" is one left-to-right run. */
	assert_int_equal(n, 2);
	assert_true(is(c[0], "hello 123"));
	assert_true(is(c[1], AR_HELLO " "));
	assert_int_equal(c[0]->rect.x, 10);
	assert_int_equal(c[1]->rect.x, c[0]->rect.x + c[0]->rect.w);
	/* After Arabic letters the digits are Arabic numbers: their own run,
	 * left of the Arabic words around them in reading order. */
	from = u->out.n_cmds;
	ui_draw_text(u, 0, 40, UI_FONT_BODY, false, AR_HELLO " 123 " AR_HELLO " hello", -1,
		     u->frame.theme.text);
	n = texts(u, from, c, 8);
	assert_int_equal(n, 4);
	assert_true(is(c[0], "hello"));
	assert_true(is(c[1], " " AR_HELLO " "));
	assert_true(is(c[2], "123"));
	assert_true(is(c[3], AR_HELLO " "));
	for (int i = 1; i < n; i++)
		assert_int_equal(c[i]->rect.x, c[i - 1]->rect.x + c[i - 1]->rect.w);
	ui_end(u);
	ui_free(u);
	kt_free(t);
}

static void an_english_line_is_one_run_as_before(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = kt_ui_new(t);
	ui_begin(u);
	int from = u->out.n_cmds;
	const char *s = "Hello, world: 123 (ok).";
	ui_draw_text(u, 7, 9, UI_FONT_BODY, false, s, -1, u->frame.theme.text);
	const ui_cmd *c[4] = { 0 };
	assert_int_equal(texts(u, from, c, 4), 1);
	assert_true(is(c[0], s));
	assert_int_equal(c[0]->rect.x, 7);
	assert_int_equal(c[0]->rect.w, ui_text_width(u, UI_FONT_BODY, false, s, -1));
	ui_end(u);
	ui_free(u);
	kt_free(t);
}

static void an_arabic_paragraph_starts_at_the_right_edge(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = kt_ui_new(t);
	ui_begin(u);
	ui_body_begin(u, (ui_rect){ 100, 0, 500, 600 });
	ui_row(u, 1, 10);
	ui_rect r = ui_next(u);
	int from = u->out.n_cmds;
	ui_label(u, UI_FONT_BODY, false, AR_HELLO " hello", u->frame.theme.text);
	const ui_cmd *c[8] = { 0 };
	int n = texts(u, from, c, 8), right = 0;
	assert_int_equal(n, 2);
	assert_true(is(c[0], "hello")); /* the English word on the left */
	for (int i = 0; i < n; i++)
		right = c[i]->rect.x + c[i]->rect.w > right ? c[i]->rect.x + c[i]->rect.w : right;
	assert_int_equal(right, r.x + r.w);
	assert_true(c[0]->rect.x > r.x);
	from = u->out.n_cmds;
	ui_label(u, UI_FONT_BODY, false, "hello " AR_HELLO, u->frame.theme.text);
	assert_true(texts(u, from, c, 8) >= 1);
	assert_int_equal(c[0]->rect.x, r.x); /* an English paragraph from the left */
	ui_body_end(u);
	ui_end(u);
	ui_free(u);
	kt_free(t);
}

typedef struct {
	char joined[4096];
	size_t used;
	int lines;
	ui_ctx *u;
} logical;

/* Draws one wrapped line, then puts its runs back in logical order (by
 * their place in the line) and appends them. */
static void draw_and_join(void *arg, int line, const char *s, int len)
{
	logical *lg = arg;
	int from = lg->u->out.n_cmds;
	ui_draw_text_dir(lg->u, 0, line * 10, UI_FONT_BODY, false, s, len, lg->u->frame.theme.text,
			 true);
	const ui_cmd *c[64] = { 0 };
	int n = texts(lg->u, from, c, 64), done = 0;
	lg->lines++;
	for (int at = 0; at < len; done++) {
		int found = -1;
		for (int i = 0; i < n; i++) /* the run that starts here: same bytes */
			if (c[i]->len > 0 && c[i]->len <= len - at &&
			    memcmp(c[i]->text, s + at, (size_t)c[i]->len) == 0)
				found = found < 0 || c[i]->len > c[found]->len ? i : found;
		assert_true(found >= 0);
		memcpy(lg->joined + lg->used, s + at, (size_t)c[found]->len);
		lg->used += (size_t)c[found]->len;
		at += c[found]->len;
	}
	assert_true(done <= n);
	int total = 0;
	for (int i = 0; i < n; i++)
		total += c[i]->len;
	assert_int_equal(total, len); /* nothing drawn twice or left out */
}

static void wrapping_a_mixed_paragraph_keeps_every_character_once(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = kt_ui_new(t);
	ui_begin(u);
	char para[2048] = "";
	for (int i = 0; i < 12; i++)
		strcat(para, AR_HELLO " hello 123, (" AR_HELLO ") world! ");
	logical lg = { .u = u };
	int width = ui_text_width(u, UI_FONT_BODY, false, "hello world 12", -1);
	int lines = ui_wrap(u, UI_FONT_BODY, false, para, width, draw_and_join, &lg);
	assert_true(lines > 5);
	assert_int_equal(lg.lines, lines);
	/* ui_wrap drops the spaces where it breaks; compare without them. */
	char a[2048] = "", b[4096] = "";
	size_t na = 0, nb = 0;
	for (const char *p = para; *p; p++)
		if (*p != ' ')
			a[na++] = *p;
	for (size_t i = 0; i < lg.used; i++)
		if (lg.joined[i] != ' ')
			b[nb++] = lg.joined[i];
	assert_string_equal(a, b);
	ui_end(u);
	ui_free(u);
	kt_free(t);
}

/* The columns of s drawn alone that have ink: the first and the last. */
static void ink(kt *t, const char *s, int *first, int *last, int *w)
{
	SDL_Surface *srf = ui_fonts_render(t->fonts, 40, false, s, (int)strlen(s),
					   (SDL_Color){ 0, 0, 0, 255 });
	assert_non_null(srf);
	*first = -1, *last = -1, *w = srf->w;
	for (int x = 0; x < srf->w; x++)
		for (int y = 0; y < srf->h; y++) {
			Uint32 px = ((Uint32 *)((Uint8 *)srf->pixels + y * srf->pitch))[x];
			if (px >> 24 > 128) {
				*first = *first < 0 ? x : *first;
				*last = x;
				break;
			}
		}
	SDL_FreeSurface(srf);
}

/* "1 من 6": the run " من " is shaped right to left as one, its first
 * space (in reading order) on its right; never both spaces on its left,
 * which read "1من  6". */
static void a_space_that_begins_an_arabic_run_is_on_its_right(void **state)
{
	(void)state;
	int first, last, w;
	kt *t = kt_new(false);
	ink(t, " " AR_HELLO, &first, &last, &w);
	assert_true(first >= 0);
	assert_true(w - 1 - last > first + 4); /* the blank is on the right */
	ink(t, AR_HELLO " ", &first, &last, &w);
	assert_true(first > w - 1 - last + 4); /* and a last space on the left */
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_mixed_line_is_drawn_in_visual_order),
		cmocka_unit_test(an_english_line_is_one_run_as_before),
		cmocka_unit_test(an_arabic_paragraph_starts_at_the_right_edge),
		cmocka_unit_test(wrapping_a_mixed_paragraph_keeps_every_character_once),
		cmocka_unit_test(a_space_that_begins_an_arabic_run_is_on_its_right),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
