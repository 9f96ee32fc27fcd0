/* ui_osk.c - the on-screen keyboard for a kiosk with no keyboard: letters
 * with shift, a page of numbers and punctuation, space, backspace and
 * done. Keys feed the focused text field on the next frame, as typing
 * would, and never take the focus away from it. */
#include <string.h>
#include "ui_private.h"

static const char *const PAGES[2][3] = {
	{ "qwertyuiop", "asdfghjkl'", "zxcvbnm,.?" },
	{ "1234567890", "-/:;()&@\"!", "+=#%*_£$'?" },
};

static int key_h(const ui_ctx *ctx);

/* The keyboard is drawn only where ten keys of 9 mm fit across and its
 * four rows take at most half the window and leave the owner what it
 * keeps (state.keep_h): smaller than that is a phone or a small tablet,
 * which has its own keyboard (SPEC 8), and a keyboard any smaller would
 * be one mistyped word after another. */
static bool fits(const ui_ctx *ctx)
{
	int w = ctx->set.w < ctx->set.h * 2 ? ctx->set.w : ctx->set.h * 2, h = 4 * key_h(ctx) + 5;
	return w >= 10 * ui_mm(ctx, UI_MIN_TARGET_MM) + 11 && h <= ctx->set.h / 2 &&
		h <= ctx->set.h - ctx->state.keep_h;
}

bool ui_osk_wanted(const ui_ctx *ctx)
{
	return ctx->state.field_focus_prev != 0 && ctx->state.field_focus_prev == ctx->state.focus &&
		!ctx->state.physical_keys && fits(ctx);
}

static int key_h(const ui_ctx *ctx)
{
	int h = ctx->frame.target_h, min = ui_mm(ctx, UI_MIN_TARGET_MM);
	int cap = ctx->set.h / 11;
	if (h > cap)
		h = cap;
	return h < min ? min : h;
}

/* Narrow screens give up the gaps before the keys drop under 9 mm. */
static int key_gap(const ui_ctx *ctx)
{
	int g = ctx->frame.gap / 3 > 2 ? ctx->frame.gap / 3 : 2;
	int w = ctx->set.w < ctx->set.h * 2 ? ctx->set.w : ctx->set.h * 2;
	int spare = (w - 10 * ui_mm(ctx, UI_MIN_TARGET_MM)) / 11;
	if (g > spare)
		g = spare;
	return g < 1 ? 1 : g;
}

int ui_osk_height(const ui_ctx *ctx)
{
	if (!ui_osk_wanted(ctx))
		return 0;
	return 4 * key_h(ctx) + 5 * key_gap(ctx);
}

/* Every key is a light card on the dark ground (3:1 at least, both
 * themes); the keys that do something other than type say so in the
 * primary colour, in bold. */
static bool key(ui_ctx *ctx, ui_rect r, const char *label, bool special)
{
	ui_id id = ui_make_id(ctx, label);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_KEY, label);
	bool down = ctx->state.active == id && ctx->in.mouse_down;
	const ui_theme *t = &ctx->frame.theme;
	ui_draw_rect(ctx, r, down ? t->selected : t->panel, ctx->frame.radius / 2, 0);
	ui_text_in(ctx, ui_rect_inset(r, 2), UI_FONT_BODY, special, label,
		   special ? t->primary : t->text, true);
	return hit;
}

void ui_osk(ui_ctx *ctx, bool *shift, int *page)
{
	int h = ui_osk_height(ctx);
	if (!h)
		return;
	int g = key_gap(ctx), kh = key_h(ctx);
	int w = ctx->set.w, max_w = ctx->set.h * 2;
	if (w > max_w)
		w = max_w;
	int x0 = (ctx->set.w - w) / 2, y = ctx->set.h - h + g, kw = (w - 11 * g) / 10;
	ui_draw_rect(ctx, (ui_rect){ 0, ctx->set.h - h, ctx->set.w, h }, ctx->frame.theme.keys, 0, 0);
	ui_set_seed(ctx, 0x6b657973u); /* key labels must not collide with the screen's */
	ctx->frame.layer = 1;
	for (int row = 0; row < 3; row++, y += kh + g) {
		const char *keys = PAGES[*page][row];
		for (int i = 0, pos = 0; keys[pos]; i++) {
			int adv = 1;
			ui_utf8_decode(keys + pos, (int)strlen(keys + pos), &adv);
			char label[8] = { 0 };
			memcpy(label, keys + pos, (size_t)adv);
			if (*shift && adv == 1 && label[0] >= 'a' && label[0] <= 'z')
				label[0] = (char)(label[0] - 'a' + 'A');
			ui_rect r = { x0 + g + i * (kw + g), y, kw, kh };
			if (key(ctx, r, label, false)) {
				ui_input_text_pending(ctx, label);
				*shift = false;
			}
			pos += adv;
		}
	}
	int side = kw * 2 + g;
	ui_rect r = { x0 + g, y, side, kh };
	if (key(ctx, r, *page ? "abc" : "123", true))
		*page = !*page;
	r.x += side + g;
	if (key(ctx, r, "\xE2\x87\xA7 Shift", true))
		*shift = !*shift;
	r.x += side + g;
	int back_w = kw + kw / 2;
	r.w = w - 2 * (side + g) - back_w - g - side - 2 * g;
	if (key(ctx, r, "space", false))
		ui_input_text_pending(ctx, " ");
	r.x += r.w + g;
	r.w = back_w;
	if (key(ctx, r, "\xE2\x8C\xAB", true))
		ctx->in.pending_keys |= UI_KEY_BACKSPACE;
	r.x += back_w + g;
	r.w = x0 + w - g - r.x;
	if (key(ctx, r, "Done", true)) {
		ctx->state.focus = 0;
		ctx->out.redraw = true;
	}
	ctx->frame.layer = 0;
	ui_set_seed(ctx, 0);
}
