/* ui_core.c - the frame of the immediate-mode layer: input, ids, the
 * command and control lists, sizes from the dpi, themes, and keyboard
 * focus order (Tab, arrows) worked out at the end of each frame from the
 * order in which the controls were laid out. */
#include <stdlib.h>
#include <string.h>
#include "ui_private.h"

ui_ctx *ui_new(void)
{
	ui_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	ctx->set.w = 1280;
	ctx->set.h = 800;
	ctx->set.dpi = 96.0f;
	ctx->frame.enabled = true;
	ctx->state.sel_anchor = -1;
	return ctx;
}

void ui_free(ui_ctx *ctx)
{
	free(ctx);
}

float ui_dpi(const ui_ctx *ctx)
{
	const ui_settings *s = &ctx->set;
	float shorter = (float)(s->w < s->h ? s->w : s->h), longer = (float)(s->w < s->h ? s->h : s->w);
	float dpi = s->dpi > 0 ? s->dpi : 96.0f;
	if (dpi > shorter * 25.4f / UI_PHONE_SHORT_MM)
		dpi = shorter * 25.4f / UI_PHONE_SHORT_MM;
	if (dpi > longer * 25.4f / UI_PHONE_LONG_MM)
		dpi = longer * 25.4f / UI_PHONE_LONG_MM;
	return dpi;
}

int ui_mm(const ui_ctx *ctx, float mm)
{
	return (int)(mm * ui_dpi(ctx) / 25.4f + 0.5f);
}

void ui_input_mouse(ui_ctx *ctx, int x, int y, bool down)
{
	ctx->in.mouse_x = x;
	ctx->in.mouse_y = y;
	if (down && !ctx->in.mouse_down)
		ctx->in.mouse_pressed = true;
	if (!down && ctx->in.mouse_down)
		ctx->in.mouse_released = true;
	ctx->in.mouse_down = down;
	if (down)
		ctx->state.focus_visible = false;
}

void ui_input_key(ui_ctx *ctx, unsigned key, bool physical)
{
	ctx->in.keys |= key;
	if (physical) {
		ctx->state.physical_keys = true;
		ctx->state.focus_visible = true;
	}
}

static void append(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(dst), m = strlen(s);
	if (n + m < cap)
		memcpy(dst + n, s, m + 1);
}

void ui_input_text(ui_ctx *ctx, const char *utf8)
{
	append(ctx->in.text_in, sizeof ctx->in.text_in, utf8);
}

void ui_input_text_pending(ui_ctx *ctx, const char *utf8)
{
	append(ctx->in.pending_text, sizeof ctx->in.pending_text, utf8);
	ctx->out.redraw = true;
}

void ui_input_editing(ui_ctx *ctx, const char *utf8)
{
	strncpy(ctx->in.editing, utf8, sizeof ctx->in.editing - 1);
	ctx->in.editing[sizeof ctx->in.editing - 1] = '\0';
}

void ui_input_wheel(ui_ctx *ctx, int dy)
{
	ctx->in.wheel += dy;
}

bool ui_key(const ui_ctx *ctx, unsigned key)
{
	return (ctx->in.keys & key) != 0;
}

static const ui_theme THEME_CALM = {
	.bg = { 244, 242, 236, 255 }, .panel = { 255, 255, 255, 255 },
	.text = { 28, 32, 36, 255 }, .muted = { 88, 94, 100, 255 },
	.primary = { 22, 86, 120, 255 }, .on_primary = { 255, 255, 255, 255 },
	.border = { 118, 124, 128, 255 }, .focus = { 255, 221, 0, 255 },
	.selected = { 220, 236, 244, 255 }, .danger = { 170, 40, 40, 255 },
	.shade = { 0, 0, 0, 140 }, .selection = { 178, 214, 238, 255 },
	.success = { 0, 100, 50, 255 }, .keys = { 48, 52, 56, 255 },
};
static const ui_theme THEME_CONTRAST = {
	.bg = { 0, 0, 0, 255 }, .panel = { 0, 0, 0, 255 },
	.text = { 255, 255, 255, 255 }, .muted = { 230, 230, 230, 255 },
	.primary = { 255, 255, 0, 255 }, .on_primary = { 0, 0, 0, 255 },
	.border = { 255, 255, 255, 255 }, .focus = { 0, 200, 255, 255 },
	.selected = { 40, 40, 120, 255 }, .danger = { 255, 120, 120, 255 },
	.shade = { 0, 0, 0, 200 }, .selection = { 0, 84, 170, 255 },
	.success = { 120, 255, 120, 255 }, .keys = { 100, 100, 100, 255 },
};

/* Type grows with the window's shorter side as well as with the density:
 * a 1920x1080 kiosk seen from a metre away needs more than 4.6 mm. But a
 * line across the shorter side holds at least 20 of it, so that a phone
 * held at reading distance shows sentences, not words (at the smallest
 * phone that is still 2.5 mm). */
static void size_frame(ui_ctx *ctx)
{
	int shorter = ctx->set.w < ctx->set.h ? ctx->set.w : ctx->set.h;
	float body = (float)ui_mm(ctx, 4.6f);
	if (shorter / 36.0f > body)
		body = shorter / 36.0f;
	if (body > shorter / 20.0f)
		body = shorter / 20.0f;
	if (ctx->set.large_text)
		body *= 1.35f;
	static const float SCALE[UI_FONT_N] = { 0.8f, 1.0f, 1.2f, 1.6f, 2.6f };
	for (int i = 0; i < UI_FONT_N; i++)
		ctx->frame.font_px[i] = (int)(body * SCALE[i] + 0.5f);
	int min_target = ui_mm(ctx, UI_TARGET_MM), min_tile = ui_mm(ctx, UI_TILE_MM);
	ctx->frame.target_h = (int)(body * 2.4f) > min_target ? (int)(body * 2.4f) : min_target;
	ctx->frame.tile_h = (int)(body * 4.2f) > min_tile ? (int)(body * 4.2f) : min_tile;
	ctx->frame.pad = ctx->set.w / 40 > ui_mm(ctx, 3.0f) ? ctx->set.w / 40 : ui_mm(ctx, 3.0f);
	ctx->frame.gap = (int)(body * 0.6f) > ui_mm(ctx, 2.5f) ? (int)(body * 0.6f) : ui_mm(ctx, 2.5f);
	ctx->frame.radius = (int)(body * 0.4f);
}

void ui_begin(ui_ctx *ctx)
{
	ctx->out.n_cmds = 0;
	ctx->out.n_ctrls = 0;
	ctx->out.arena_used = 0;
	ctx->out.overflow = false;
	ctx->out.redraw = false;
	ctx->out.cut = 0;
	ctx->out.cut_text = NULL;
	ctx->out.broken = 0;
	ctx->out.broken_text = NULL;
	ctx->frame.text_box = (ui_rect){ 0, 0, 0, 0 };
	ctx->frame.mirror = UI_MIRROR_REFLECT;
	ctx->frame.field_error = false;
	ctx->frame.layer = 0;
	ctx->frame.enabled = true;
	ctx->frame.field_focused = false;
	ctx->frame.id_seed = 0;
	ctx->frame.theme = ctx->set.high_contrast ? THEME_CONTRAST : THEME_CALM;
	size_frame(ctx);
	ctx->frame.clip = (ui_rect){ 0, 0, ctx->set.w, ctx->set.h };
	ctx->frame.body = ctx->frame.clip;
	ctx->frame.row_cols = 1;
	ctx->frame.row_i = 0;
	ctx->frame.row_h = ctx->frame.target_h;
	ctx->frame.row_y = 0;
	ui_draw_rect(ctx, ctx->frame.clip, ctx->frame.theme.bg, 0, 0);
}

static int focus_index(const ui_ctx *ctx, ui_id id)
{
	for (int i = 0; i < ctx->out.n_ctrls; i++)
		if (ctx->out.ctrls[i].focusable && ctx->out.ctrls[i].id == id)
			return i;
	return -1;
}

/* Moves focus to the next (dir 1) or previous (-1) focusable control in
 * layout order, wrapping round. Controls of the top layer only, so Tab
 * never leaves an open dialog. */
static void move_focus(ui_ctx *ctx, int dir)
{
	int top = 0, n = ctx->out.n_ctrls, at = focus_index(ctx, ctx->state.focus);
	for (int i = 0; i < n; i++)
		if (ctx->out.ctrls[i].focusable && ctx->out.ctrls[i].layer > top)
			top = ctx->out.ctrls[i].layer;
	if (at < 0)
		at = dir > 0 ? -1 : n;
	for (int k = 0; k < n; k++) {
		at = (at + dir + n) % n;
		if (ctx->out.ctrls[at].focusable && ctx->out.ctrls[at].layer == top) {
			ctx->state.focus = ctx->out.ctrls[at].id;
			ctx->state.focus_visible = true;
			ctx->out.redraw = true;
			return;
		}
	}
}

/* Keeps the focused control in view inside the scrolling body (or the
 * dialog's); one taller than the view shows its top. */
static void scroll_to_focus(ui_ctx *ctx)
{
	int i = focus_index(ctx, ctx->state.focus);
	if (i < 0)
		return;
	int *scroll = ctx->out.ctrls[i].layer ? &ctx->state.dlg_scroll_y : &ctx->state.scroll_y;
	ui_rect r = ctx->out.ctrls[i].rect, c = ctx->out.ctrls[i].clip;
	int want = *scroll, gap = ctx->frame.gap;
	if (r.h + 2 * gap > c.h) /* taller than the view: its top, and stay */
		want += r.y - c.y - gap;
	else if (r.y < c.y)
		want -= c.y - r.y + gap;
	else if (r.y + r.h > c.y + c.h)
		want += (r.y + r.h) - (c.y + c.h) + gap;
	/* As far as the body scrolls (ui_body_begin would hold it there). */
	int most = (ctx->out.ctrls[i].layer ? ctx->state.dlg_content_h : ctx->state.content_h) - c.h;
	if (want > most)
		want = most;
	if (want < 0)
		want = 0;
	if (want != *scroll) {
		*scroll = want;
		ctx->out.redraw = true;
	}
}

void ui_end(ui_ctx *ctx)
{
	bool in_field = ctx->frame.field_focused;
	if (ui_key(ctx, UI_KEY_TAB))
		move_focus(ctx, ctx->in.shift ? -1 : 1);
	else if (ui_key(ctx, UI_KEY_DOWN) || (!in_field && ui_key(ctx, UI_KEY_RIGHT)))
		move_focus(ctx, 1);
	else if (ui_key(ctx, UI_KEY_UP) || (!in_field && ui_key(ctx, UI_KEY_LEFT)))
		move_focus(ctx, -1);
	if (ctx->state.focus && focus_index(ctx, ctx->state.focus) < 0 && !ctx->out.redraw)
		ctx->state.focus = 0;
	/* A field being typed in stays in view, above the on-screen keyboard. */
	unsigned moves = UI_KEY_TAB | UI_KEY_UP | UI_KEY_DOWN | UI_KEY_LEFT | UI_KEY_RIGHT;
	if (in_field || (ctx->in.keys & moves))
		scroll_to_focus(ctx);
	if (ctx->in.mouse_released)
		ctx->state.active = 0;
	ctx->state.field_focus_prev = ctx->frame.field_focused ? ctx->state.focus : 0;
	ctx->in.mouse_pressed = ctx->in.mouse_released = false;
	ctx->in.keys = ctx->in.pending_keys;
	ctx->in.pending_keys = 0;
	memcpy(ctx->in.text_in, ctx->in.pending_text, sizeof ctx->in.text_in);
	ctx->in.pending_text[0] = '\0';
	if (ctx->in.keys || ctx->in.text_in[0])
		ctx->out.redraw = true;
	ctx->in.editing[0] = ctx->in.editing[0] && ctx->frame.field_focused ? ctx->in.editing[0] : '\0';
	ctx->in.wheel = 0;
}

void ui_reset(ui_ctx *ctx)
{
	ctx->state.focus = ctx->state.active = ctx->state.hot = 0;
	ctx->state.scroll_y = 0;
	ctx->state.field_focus_prev = 0;
	ctx->in.editing[0] = '\0';
	ctx->state.sel_field = 0;
	ctx->state.sel_anchor = -1;
	ctx->state.sel_drag = false;
}

/* FNV-1a over the label, mixed with the seed. */
ui_id ui_make_id(const ui_ctx *ctx, const char *label)
{
	uint32_t h = 2166136261u ^ ctx->frame.id_seed;
	for (const unsigned char *p = (const unsigned char *)label; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1;
}

void ui_set_seed(ui_ctx *ctx, ui_id seed)
{
	ctx->frame.id_seed = seed;
}

static ui_cmd *push(ui_ctx *ctx, int type)
{
	if (ctx->out.n_cmds >= UI_MAX_CMDS) {
		ctx->out.overflow = true;
		return NULL;
	}
	ui_cmd *c = &ctx->out.cmds[ctx->out.n_cmds++];
	memset(c, 0, sizeof *c);
	c->type = type;
	return c;
}

const char *ui_strdup(ui_ctx *ctx, const char *s, int len)
{
	if (len < 0)
		len = (int)strlen(s);
	if (ctx->out.arena_used + (size_t)len + 1 > UI_ARENA) {
		ctx->out.overflow = true;
		return "";
	}
	char *p = ctx->out.arena + ctx->out.arena_used;
	memcpy(p, s, (size_t)len);
	p[len] = '\0';
	ctx->out.arena_used += (size_t)len + 1;
	return p;
}

void ui_mirror(ui_ctx *ctx, int mode, ui_rect block)
{
	ctx->frame.mirror = mode;
	ctx->frame.mirror_dx = ctx->set.w - 2 * block.x - block.w;
}

bool ui_reflecting(const ui_ctx *ctx)
{
	return ctx->set.rtl && ctx->frame.mirror == UI_MIRROR_REFLECT;
}

ui_rect ui_on_screen(const ui_ctx *ctx, ui_rect r)
{
	if (!ctx->set.rtl || ctx->frame.mirror == UI_MIRROR_NONE)
		return r;
	if (ctx->frame.mirror == UI_MIRROR_SHIFT)
		r.x += ctx->frame.mirror_dx;
	else
		r.x = ctx->set.w - r.x - r.w;
	return r;
}

void ui_draw_rect(ui_ctx *ctx, ui_rect r, ui_color c, int radius, int border)
{
	ui_cmd *cmd = push(ctx, UI_CMD_RECT);
	if (!cmd)
		return;
	cmd->rect = ui_on_screen(ctx, r);
	cmd->color = c;
	cmd->radius = radius;
	cmd->border = border;
}

/* One TEXT command per run of one direction, placed left to right in
 * visual order so a mixed line reads right; x is the line's left edge.
 * Mirrored, the line as a whole moves (ui_on_screen of its extent). */
void ui_draw_text_dir(ui_ctx *ctx, int x, int y, int font, bool bold, const char *s,
		      int len, ui_color c, bool rtl)
{
	ui_bidi_run runs[64];
	int widths[64], total = 0;
	if (len < 0)
		len = (int)strlen(s);
	int n = ui_bidi_line(s, len, rtl, runs, 64), lh = ui_line_height(ctx, font);
	for (int i = 0; i < n; i++)
		total += widths[i] = ui_text_width(ctx, font, bold, s + runs[i].off, runs[i].len);
	ui_rect at = { x, y, total, lh };
	x = ui_on_screen(ctx, at).x;
	ui_rect box = ui_on_screen(ctx, ctx->frame.text_box.w > 0 ? ctx->frame.text_box :
				   ctx->frame.clip);
	for (int i = 0; i < n; i++) {
		const char *run = s + runs[i].off;
		int w = widths[i];
		ui_cmd *cmd = push(ctx, UI_CMD_TEXT);
		if (!cmd)
			return;
		cmd->rect = (ui_rect){ x, y, w, lh };
		cmd->box = box;
		if (i == 0) {
			cmd->line = ui_strdup(ctx, s, len);
			cmd->line_len = len;
			cmd->line_at = at;
		}
		cmd->color = c;
		cmd->font_px = ctx->frame.font_px[font];
		cmd->bold = bold;
		cmd->text = ui_strdup(ctx, run, runs[i].len);
		cmd->len = runs[i].len;
		x += w;
	}
}

void ui_draw_text(ui_ctx *ctx, int x, int y, int font, bool bold, const char *s,
		  int len, ui_color c)
{
	if (len < 0)
		len = (int)strlen(s);
	ui_draw_text_dir(ctx, x, y, font, bold, s, len, c, ui_bidi_base(ctx, s, len));
}

/* A paragraph's base direction: its first strong character's; in a
 * right-to-left frame, right to left wherever it has a right-to-left
 * letter (a sentence that starts with "Childline" is still Urdu), so that
 * only words wholly in Latin letters and digits (a reference, a phone
 * number) keep their own order. */
bool ui_bidi_base(const ui_ctx *ctx, const char *s, int len)
{
	return ui_reflecting(ctx) ? ui_bidi_has_rtl(s, len) : ui_bidi_is_rtl(s, len);
}

void ui_draw_qr(ui_ctx *ctx, ui_rect r, const uint8_t *modules, int size)
{
	const char *copy = ui_strdup(ctx, (const char *)modules, size * size);
	ui_cmd *cmd = push(ctx, UI_CMD_QR);
	if (!cmd)
		return;
	cmd->rect = ui_on_screen(ctx, r);
	cmd->text = copy;
	cmd->len = size * size;
	cmd->qr_size = size;
	cmd->color = (ui_color){ 0, 0, 0, 255 };
}

void ui_draw_pic(ui_ctx *ctx, ui_rect r, uint32_t pic)
{
	ui_cmd *cmd = push(ctx, UI_CMD_PIC);
	if (!cmd)
		return;
	cmd->rect = ui_on_screen(ctx, r);
	cmd->pic = pic;
	cmd->color = (ui_color){ 255, 255, 255, 255 };
}

/* The clip stays in layout coordinates in the frame (controls compare
 * with it there); its command is the screen's. */
void ui_set_clip(ui_ctx *ctx, ui_rect r)
{
	ui_cmd *cmd = push(ctx, UI_CMD_CLIP);
	ctx->frame.clip = r;
	if (cmd)
		cmd->rect = ui_on_screen(ctx, r);
}

int ui_text_width(ui_ctx *ctx, int font, bool bold, const char *s, int len)
{
	if (len < 0)
		len = (int)strlen(s);
	const ui_platform *p = &ctx->set.platform;
	if (!p->measure)
		return len * ctx->frame.font_px[font] / 2;
	return p->measure(p->measure_arg, ctx->frame.font_px[font], bold, s, len);
}

int ui_line_height(const ui_ctx *ctx, int font)
{
	return ctx->frame.font_px[font] * 4 / 3 + 1;
}

void ui_set_enabled(ui_ctx *ctx, bool on)
{
	ctx->frame.enabled = on;
}
