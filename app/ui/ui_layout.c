/* ui_layout.c - where controls go: a body area that scrolls, rows of
 * equal cells that reflow with the width, word wrap, and the UTF-8
 * stepping the text field and the wrap share. */
#include <string.h>
#include "ui.h"

/* A finger that moves more than 3 mm after touching the body scrolls it,
 * and then the touch is not a tap on whatever lay under it. */
static void drag(ui_ctx *ctx, ui_rect r)
{
	if (!ctx->frame.enabled)
		return;
	if (ctx->in.mouse_pressed &&
	    ui_rect_contains(ui_on_screen(ctx, r), ctx->in.mouse_x, ctx->in.mouse_y)) {
		ctx->state.drag_armed = true;
		ctx->state.dragging = false;
		ctx->state.drag_y = ctx->in.mouse_y;
		ctx->state.drag_scroll = ctx->state.scroll_y;
	}
	int moved = ctx->in.mouse_y - ctx->state.drag_y, slop = ui_mm(ctx, 3.0f);
	if (ctx->state.drag_armed && ctx->in.mouse_down && (moved > slop || -moved > slop))
		ctx->state.dragging = true;
	if (ctx->state.dragging) {
		ctx->state.scroll_y = ctx->state.drag_scroll - moved;
		ctx->state.active = 0;
		ctx->out.redraw = true;
	}
	if (!ctx->in.mouse_down)
		ctx->state.drag_armed = ctx->state.dragging = false;
}

void ui_body_begin(ui_ctx *ctx, ui_rect r)
{
	ctx->frame.body = r;
	drag(ctx, r);
	/* Under an open dialog the screen does not scroll: the dialog does. */
	if (ctx->in.wheel && ctx->frame.enabled) {
		ctx->state.scroll_y -= ctx->in.wheel * ctx->frame.target_h;
		ctx->out.redraw = true;
	}
	if (ui_key(ctx, UI_KEY_PAGEDOWN) && ctx->frame.enabled)
		ctx->state.scroll_y += r.h * 3 / 4;
	if (ui_key(ctx, UI_KEY_PAGEUP) && ctx->frame.enabled)
		ctx->state.scroll_y -= r.h * 3 / 4;
	int max = ctx->state.content_h - r.h;
	if (ctx->state.scroll_y > max)
		ctx->state.scroll_y = max;
	if (ctx->state.scroll_y < 0)
		ctx->state.scroll_y = 0;
	ui_set_clip(ctx, r);
	ctx->frame.row_y = r.y - ctx->state.scroll_y;
	ctx->frame.row_cols = 1;
	ctx->frame.row_i = 0;
	ctx->frame.row_h = 0;
}

/* The body's cells leave room for the scroll bar when the content was
 * taller than the body in the last frame; when that changes, the frame is
 * built again, so the bar never lies over a card's edge. */
void ui_body_end(ui_ctx *ctx)
{
	ui_rect b = ctx->frame.body;
	bool scrolled = ctx->state.content_h > b.h;
	ctx->state.content_h = ctx->frame.row_y + ctx->frame.row_h - (b.y - ctx->state.scroll_y);
	if (scrolled != (ctx->state.content_h > b.h))
		ctx->out.redraw = true;
	if (ctx->state.content_h > b.h) {
		/* A thin bar says there is more below or above. */
		int bar_h = b.h * b.h / ctx->state.content_h;
		int bar_y = b.y + (b.h - bar_h) * ctx->state.scroll_y /
			(ctx->state.content_h - b.h > 0 ? ctx->state.content_h - b.h : 1);
		int gap = ctx->frame.gap;
		ui_draw_rect(ctx, (ui_rect){ b.x + b.w - gap / 2, bar_y, gap / 3, bar_h },
			     ctx->frame.theme.border, gap / 6, 0);
	}
	ui_set_clip(ctx, (ui_rect){ 0, 0, ctx->set.w, ctx->set.h });
	ctx->frame.body = ctx->frame.clip;
}

void ui_row(ui_ctx *ctx, int cols, int height)
{
	if (ctx->frame.row_i > 0 || ctx->frame.row_h > 0)
		ctx->frame.row_y += ctx->frame.row_h + ctx->frame.gap;
	ctx->frame.row_cols = cols < 1 ? 1 : cols;
	ctx->frame.row_i = 0;
	ctx->frame.row_h = height > 0 ? height : ctx->frame.target_h;
	ctx->frame.tile_font = UI_FONT_LARGE;
}

ui_rect ui_next(ui_ctx *ctx)
{
	ui_frame *f = &ctx->frame;
	if (f->row_i >= f->row_cols) { /* the row goes on below: same height, same titles */
		int tile_font = f->tile_font;
		ui_row(ctx, f->row_cols, f->row_h);
		f->tile_font = tile_font;
	}
	int inner = f->body.w - (ctx->state.content_h > f->body.h ? f->gap : 0);
	int cw = (inner - f->gap * (f->row_cols - 1)) / f->row_cols;
	ui_rect r = { f->body.x + f->row_i * (cw + f->gap), f->row_y, cw, f->row_h };
	f->row_i++;
	return r;
}

void ui_space(ui_ctx *ctx, int px)
{
	ui_row(ctx, 1, 1);
	ctx->frame.row_h = px > 1 ? px - ctx->frame.gap : 1;
	ctx->frame.row_i = 1;
}

int ui_fit_cols(const ui_ctx *ctx, int n, int min_w)
{
	int cols = (ctx->frame.body.w + ctx->frame.gap) / (min_w + ctx->frame.gap);
	if (cols < 1)
		cols = 1;
	if (cols > n)
		cols = n > 0 ? n : 1;
	/* Even rows look calmer: 4 items in 3 columns become 2 and 2. */
	int rows = (n + cols - 1) / cols;
	while (cols > 1 && (n + cols - 2) / (cols - 1) == rows)
		cols--;
	return cols;
}

ui_rect ui_rect_inset(ui_rect r, int d)
{
	return (ui_rect){ r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
}

bool ui_rect_contains(ui_rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool ui_rect_overlaps(ui_rect a, ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

int ui_utf8_next(const char *s, int len, int pos)
{
	if (pos >= len)
		return len;
	pos++;
	while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

int ui_utf8_prev(const char *s, int pos)
{
	if (pos <= 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

uint32_t ui_utf8_decode(const char *s, int len, int *adv)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = ui_utf8_next(s, len, 0);
	*adv = n > 0 ? n : 1;
	if (n <= 0)
		return 0;
	if (p[0] < 0x80 || n == 1)
		return p[0];
	uint32_t cp = p[0] & (0x7F >> n);
	for (int i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	return cp;
}

/* The longest prefix of s (len bytes) that fits in width, at least one
 * character, ending on a character boundary. */
static int fit_chars(ui_ctx *ctx, int font, bool bold, const char *s, int len, int width)
{
	int end = ui_utf8_next(s, len, 0);
	while (end < len) {
		int nx = ui_utf8_next(s, len, end);
		if (ui_text_width(ctx, font, bold, s, nx) > width)
			break;
		end = nx;
	}
	return end;
}

/* Greedy wrap by words (the measure cache makes repeated frames cheap).
 * Newlines always break. *broke says whether a word had to be broken. */
static int wrap(ui_ctx *ctx, int font, bool bold, const char *s, int width,
		ui_line_fn fn, void *arg, bool *broke)
{
	int n = (int)strlen(s), lines = 0, start = 0;
	while (start <= n) {
		int pos = start, end = start;
		while (pos < n && s[pos] != '\n') {
			int w1 = pos;
			while (w1 < n && s[w1] == ' ')
				w1++;
			while (w1 < n && s[w1] != ' ' && s[w1] != '\n')
				w1++;
			/* The whole line is measured, not the sum of its words: runs
			 * in other fonts and shaping change widths across words. */
			int line_w = ui_text_width(ctx, font, bold, s + start, w1 - start);
			if (line_w > width && end > start)
				break;
			if (line_w > width) { /* one word wider than the line */
				*broke = true;
				end = start + fit_chars(ctx, font, bold, s + start, w1 - start, width);
				pos = end;
				break;
			}
			pos = end = w1;
		}
		if (fn)
			fn(arg, lines, s + start, end - start);
		lines++;
		start = end;
		while (start < n && s[start] == ' ')
			start++;
		if (start < n && s[start] == '\n')
			start++;
		else if (start >= n)
			break;
	}
	return lines;
}

int ui_wrap(ui_ctx *ctx, int font, bool bold, const char *s, int width,
	    ui_line_fn fn, void *arg)
{
	bool broke = false;
	return wrap(ctx, font, bold, s, width, fn, arg, &broke);
}

bool ui_wrap_breaks_word(ui_ctx *ctx, int font, bool bold, const char *s, int width)
{
	bool broke = false;
	wrap(ctx, font, bold, s, width, NULL, NULL, &broke);
	return broke;
}

void ui_note_broken(ui_ctx *ctx, int font, bool bold, const char *s, int width)
{
	if (ui_wrap_breaks_word(ctx, font, bold, s, width) && !ctx->out.broken++)
		ctx->out.broken_text = ui_strdup(ctx, s, -1);
}
