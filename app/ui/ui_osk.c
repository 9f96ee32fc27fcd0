/* ui_osk.c - the on-screen keyboard for a kiosk with no keyboard: the
 * layouts of the visit's language, read from XKB (ui_xkb.h), four rows of
 * keys with Shift and AltGr (each for one key), dead keys that combine
 * with the next, a key that switches to the next layout, space, backspace
 * and done. Without layouts, a built-in Latin keyboard with a page of
 * numbers. Keys feed the focused text field on the next frame, as typing
 * would, and never take the focus away from it. Its keys keep their
 * places in a right-to-left frame: a keyboard is not mirrored. */
#include <stdio.h>
#include <string.h>
#include "tellus/lang.h"
#include "ui_private.h"
#include "ui_xkb.h"

/* The built-in keys, and the words of the keys when the owner gives none
 * (the kiosk gives them in the visit's language): not words to translate
 * here. AltGr is printed so on keyboards in every language. */
static const char *const PAGES[2][3] = {
	{ NT_("qwertyuiop"), NT_("asdfghjkl'"), NT_("zxcvbnm,.?") },
	{ "1234567890", "-/:;()&@\"!", "+=#%*_£$'?" },
};
#define KEY_SHIFT NT_("\xE2\x87\xA7 Shift")
#define KEY_SPACE NT_("space")
#define KEY_DONE NT_("Done")

static int key_h(const ui_ctx *ctx);

/* Keys across the widest row: the built-in keys have ten, XKB's rows up
 * to thirteen. */
static int cols_of(const ui_osk_state *s)
{
	int cols = 10;
	if (s && s->n > 0)
		for (int r = 0; r < UI_XKB_ROWS; r++)
			cols = s->layouts[s->cur].n_keys[r] > cols ? s->layouts[s->cur].n_keys[r] : cols;
	return cols;
}

static int rows_of(const ui_osk_state *s)
{
	return s && s->n > 0 ? UI_XKB_ROWS + 1 : 4;
}

static int osk_w(const ui_ctx *ctx)
{
	return ctx->set.w < ctx->set.h * 2 ? ctx->set.w : ctx->set.h * 2;
}

/* The keyboard is drawn only where its keys of 9 mm fit across and its
 * rows take at most half the window and leave the owner what it keeps
 * (state.keep_h): smaller than that is a phone or a small tablet, which
 * has its own keyboard (SPEC 8), and a keyboard any smaller would be one
 * mistyped word after another. */
static bool fits(const ui_ctx *ctx, const ui_osk_state *s)
{
	int cols = cols_of(s), h = rows_of(s) * key_h(ctx) + 5;
	return osk_w(ctx) >= cols * ui_mm(ctx, UI_MIN_TARGET_MM) + cols + 1 &&
		h <= ctx->set.h / 2 && h <= ctx->set.h - ctx->state.keep_h;
}

/* While a finger is down, and as it lifts, the keyboard stays as it was:
 * a press on Next takes the focus from the field, and were the keyboard
 * to go at once the screen would move under the finger before it lifts. */
bool ui_osk_wanted(const ui_ctx *ctx)
{
	bool typing = ctx->state.field_focus_prev != 0 &&
		ctx->state.field_focus_prev == ctx->state.focus;
	bool held = ctx->state.osk_up && (ctx->in.mouse_down || ctx->in.mouse_released);
	return (typing || held) && !ctx->state.physical_keys && ctx->set.osk &&
		fits(ctx, ctx->set.osk);
}

static int key_h(const ui_ctx *ctx)
{
	int h = ctx->frame.target_h, min = ui_mm(ctx, UI_MIN_TARGET_MM);
	int cap = ctx->set.h / 13;
	if (h > cap)
		h = cap;
	return h < min ? min : h;
}

/* Narrow screens give up the gaps before the keys drop under 9 mm. */
static int key_gap(const ui_ctx *ctx, int cols)
{
	int g = ctx->frame.gap / 3 > 2 ? ctx->frame.gap / 3 : 2;
	int spare = (osk_w(ctx) - cols * ui_mm(ctx, UI_MIN_TARGET_MM)) / (cols + 1);
	if (g > spare)
		g = spare;
	return g < 1 ? 1 : g;
}

int ui_osk_height(const ui_ctx *ctx)
{
	if (!ui_osk_wanted(ctx))
		return 0;
	int rows = rows_of(ctx->set.osk);
	return rows * key_h(ctx) + (rows + 1) * key_gap(ctx, cols_of(ctx->set.osk));
}

/* Every key is a light card on the dark ground (3:1 at least, both
 * themes); the keys that do something other than type say so in the
 * primary colour, in bold. Each key has an id of its own (seed), since
 * a layout may show one character on two keys. */
static bool key(ui_ctx *ctx, ui_id seed, ui_rect r, const char *label, bool special, bool on)
{
	ui_set_seed(ctx, seed);
	ui_id id = ui_make_id(ctx, label);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_KEY, label);
	bool down = on || (ctx->state.active == id && ctx->in.mouse_down);
	const ui_theme *t = &ctx->frame.theme;
	ui_draw_rect(ctx, r, down ? t->selected : t->panel, ctx->frame.radius / 2, 0);
	ui_text_in(ctx, ui_rect_inset(r, 2), UI_FONT_BODY, special, label,
		   special ? t->primary : t->text, true);
	return hit;
}

/* A key of an XKB layout at the level Shift and AltGr choose: a dead key
 * waits for the next, which it combines with (or, when XKB has nothing
 * for the two, both are typed as they are). */
static void type_key(ui_ctx *ctx, ui_osk_state *s, const ui_xkb_key *k, int level)
{
	char out[UI_XKB_TEXT];
	if (k->dead[level] && !s->dead) {
		s->dead = k->sym[level];
		s->dead_show = k->show[level];
	} else if (s->dead) {
		if (ui_xkb_compose(s->xkb, s->dead, k->sym[level], out)) {
			ui_input_text_pending(ctx, out);
		} else {
			ui_input_text_pending(ctx, s->dead_show);
			ui_input_text_pending(ctx, k->dead[level] ? k->show[level] : k->text[level]);
		}
		s->dead = 0;
	} else {
		ui_input_text_pending(ctx, k->text[level]);
	}
	s->shift = s->altgr = false;
}

static int xkb_rows(ui_ctx *ctx, ui_osk_state *s, int x0, int y, int w, int kw, int kh, int g)
{
	const ui_xkb_layout *l = &s->layouts[s->cur];
	int level = (s->altgr && l->levels > 2 ? 2 : 0) + (s->shift ? 1 : 0);
	for (int row = 0; row < UI_XKB_ROWS; row++, y += kh + g) {
		int n = l->n_keys[row], x = x0 + (w - n * kw - (n - 1) * g) / 2;
		for (int i = 0; i < n; i++, x += kw + g) {
			const ui_xkb_key *k = &l->keys[row][i];
			ui_rect r = { x, y, kw, kh };
			if (!k->sym[level]) { /* nothing at this level: a blank key */
				ui_draw_rect(ctx, r, ctx->frame.theme.panel, ctx->frame.radius / 2, 0);
				continue;
			}
			if (key(ctx, 0x6b657973u + (ui_id)(row * 32 + i), r, k->show[level], k->dead[level],
				k->dead[level] && s->dead == k->sym[level]))
				type_key(ctx, s, k, level);
		}
	}
	return y;
}

static int builtin_rows(ui_ctx *ctx, ui_osk_state *s, int x0, int y, int kw, int kh, int g)
{
	for (int row = 0; row < 3; row++, y += kh + g) {
		const char *keys = PAGES[s->page][row];
		for (int i = 0, pos = 0; keys[pos]; i++) {
			int adv = 1;
			ui_utf8_decode(keys + pos, (int)strlen(keys + pos), &adv);
			char label[8] = { 0 };
			memcpy(label, keys + pos, (size_t)adv);
			if (s->shift && adv == 1 && label[0] >= 'a' && label[0] <= 'z')
				label[0] = (char)(label[0] - 'a' + 'A');
			ui_rect r = { x0 + g + i * (kw + g), y, kw, kh };
			if (key(ctx, 0x6b657973u + (ui_id)(row * 32 + i), r, label, false, false)) {
				ui_input_text_pending(ctx, label);
				s->shift = false;
			}
			pos += adv;
		}
	}
	return y;
}

/* The bottom row: switch layout (or page), Shift, AltGr where the layout
 * has it, space, backspace, done. */
static void bottom_row(ui_ctx *ctx, ui_osk_state *s, int x0, int y, int w, int kw, int kh, int g)
{
	bool xkb = s->n > 0, altgr = xkb && s->layouts[s->cur].levels > 2;
	const char *next = !xkb ? (s->page ? NT_("abc") : "123") : s->n > 1 ? s->names[(s->cur + 1) % s->n]
		: NULL;
	int side = kw * 2 + g, back_w = kw + kw / 2, x = x0 + g;
	int keys_w = (next ? side + g : 0) + side + g + (altgr ? side + g : 0) + back_w + g + side;
	ui_rect r = { x, y, side, kh };
	ui_id seed = 0x626f7474u;
	if (next) {
		if (key(ctx, seed, r, next, true, false)) {
			if (xkb)
				s->cur = (s->cur + 1) % s->n;
			else
				s->page = !s->page;
			s->shift = s->altgr = false;
			s->dead = 0;
		}
		r.x += side + g;
	}
	if (key(ctx, seed + 1, r, s->shift_label ? s->shift_label : KEY_SHIFT, true,
		s->shift))
		s->shift = !s->shift;
	r.x += side + g;
	if (altgr) {
		if (key(ctx, seed + 2, r, NT_("AltGr"), true, s->altgr))
			s->altgr = !s->altgr;
		r.x += side + g;
	}
	r.w = w - keys_w - 2 * g;
	if (key(ctx, seed + 3, r, s->space_label ? s->space_label : KEY_SPACE, false, false)) {
		ui_input_text_pending(ctx, " ");
		s->dead = 0;
	}
	r.x += r.w + g;
	r.w = back_w;
	if (key(ctx, seed + 4, r, "\xE2\x8C\xAB", true, false))
		ctx->in.pending_keys |= UI_KEY_BACKSPACE;
	r.x += back_w + g;
	r.w = x0 + w - g - r.x;
	if (key(ctx, seed + 5, r, s->done_label ? s->done_label : KEY_DONE, true, false)) {
		ctx->state.focus = 0;
		ctx->out.redraw = true;
	}
}

void ui_osk(ui_ctx *ctx)
{
	ui_osk_state *s = ctx->set.osk;
	int h = ui_osk_height(ctx);
	ctx->state.osk_up = h > 0;
	if (!h)
		return;
	int cols = cols_of(s), g = key_gap(ctx, cols), kh = key_h(ctx), w = osk_w(ctx);
	int x0 = (ctx->set.w - w) / 2, y = ctx->set.h - h + g, kw = (w - (cols + 1) * g) / cols;
	int mode = ctx->frame.mirror;
	ui_mirror(ctx, UI_MIRROR_NONE, (ui_rect){ 0, 0, 0, 0 });
	ui_draw_rect(ctx, (ui_rect){ 0, ctx->set.h - h, ctx->set.w, h }, ctx->frame.theme.keys, 0, 0);
	ctx->frame.layer = 1;
	if (s->n > 0)
		y = xkb_rows(ctx, s, x0 + g, y, w - 2 * g, kw, kh, g);
	else
		y = builtin_rows(ctx, s, x0, y, kw, kh, g);
	bottom_row(ctx, s, x0, y, w, kw, kh, g);
	ctx->frame.layer = 0;
	ui_set_seed(ctx, 0);
	ctx->frame.mirror = mode;
}
