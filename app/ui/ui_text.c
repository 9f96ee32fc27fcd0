/* ui_text.c - the text field: UTF-8 editing at a cursor (typing, the
 * on-screen keys, backspace and delete over whole characters, arrows,
 * Home, End), IME composition shown at the cursor, word wrap over several
 * lines, and a view that follows the cursor when the text is longer. */
#include <string.h>
#include "ui_private.h"

#define FIELD_MAX_LINES 2048

typedef struct {
	const char *base;
	int start[FIELD_MAX_LINES], len[FIELD_MAX_LINES];
	int n;
} line_set;

static void collect(void *arg, int line, const char *s, int len)
{
	line_set *ls = arg;
	if (line < FIELD_MAX_LINES) {
		ls->start[line] = (int)(s - ls->base);
		ls->len[line] = len;
		ls->n = line + 1;
	}
}

static void insert(char *buf, size_t cap, int *cursor, const char *s, bool multiline)
{
	int n = (int)strlen(buf);
	for (const char *p = s; *p; p++) {
		char ch = *p;
		if ((ch == '\n' || ch == '\r' || ch == '\t') && !multiline)
			ch = ' ';
		if (ch == '\r')
			continue;
		/* Only whole characters go in: stop before one that would not fit. */
		int adv = 1;
		ui_utf8_decode(p, (int)strlen(p), &adv);
		if ((size_t)(n + adv) >= cap)
			return;
		memmove(buf + *cursor + adv, buf + *cursor, (size_t)(n - *cursor + 1));
		memcpy(buf + *cursor, p, (size_t)adv);
		if (adv == 1)
			buf[*cursor] = ch;
		*cursor += adv;
		n += adv;
		p += adv - 1;
	}
}

static bool edit(ui_ctx *ctx, char *buf, size_t cap, int *cursor, bool multiline)
{
	int n = (int)strlen(buf);
	bool changed = false;
	if (ctx->text_in[0]) {
		insert(buf, cap, cursor, ctx->text_in, multiline);
		changed = true;
	}
	if (ui_key(ctx, UI_KEY_BACKSPACE) && *cursor > 0) {
		int from = ui_utf8_prev(buf, *cursor);
		memmove(buf + from, buf + *cursor, (size_t)(n - *cursor + 1));
		*cursor = from;
		changed = true;
	}
	n = (int)strlen(buf);
	if (ui_key(ctx, UI_KEY_DELETE) && *cursor < n) {
		int to = ui_utf8_next(buf, n, *cursor);
		memmove(buf + *cursor, buf + to, (size_t)(n - to + 1));
		changed = true;
	}
	n = (int)strlen(buf);
	if (ui_key(ctx, UI_KEY_LEFT))
		*cursor = ui_utf8_prev(buf, *cursor);
	if (ui_key(ctx, UI_KEY_RIGHT))
		*cursor = ui_utf8_next(buf, n, *cursor);
	if (ui_key(ctx, UI_KEY_HOME))
		*cursor = 0;
	if (ui_key(ctx, UI_KEY_END))
		*cursor = n;
	if (ui_key(ctx, UI_KEY_ENTER)) {
		if (multiline)
			insert(buf, cap, cursor, "\n", true), changed = true;
		else
			ctx->keys |= UI_KEY_TAB; /* Enter in a one-line field moves on */
	}
	return changed;
}

static void draw_cursor(ui_ctx *ctx, ui_rect in, const line_set *ls, int first,
			const char *buf, int cursor, int lh)
{
	int line = 0;
	for (int i = 0; i < ls->n; i++)
		if (ls->start[i] <= cursor)
			line = i;
	int x = in.x + ui_text_width(ctx, UI_FONT_BODY, false, buf + ls->start[line],
				     cursor - ls->start[line]);
	int y = in.y + (line - first) * lh;
	if (ctx->editing[0]) {
		int ew = ui_text_width(ctx, UI_FONT_BODY, false, ctx->editing, -1);
		ui_draw_rect(ctx, (ui_rect){ x, y, ew, lh }, ctx->theme.selected, 0, 0);
		ui_draw_text(ctx, x, y, UI_FONT_BODY, false, ctx->editing, -1, ctx->theme.text);
		ui_draw_rect(ctx, (ui_rect){ x, y + lh - 2, ew, 2 }, ctx->theme.text, 0, 0);
		x += ew;
	}
	ui_draw_rect(ctx, (ui_rect){ x, y + lh / 8, ui_mm(ctx, 0.5f) + 1, lh * 3 / 4 },
		     ctx->theme.primary, 0, 0);
}

bool ui_textfield(ui_ctx *ctx, const char *name, char *buf, size_t cap, int *cursor,
		  int lines, const char *placeholder)
{
	int lh = ui_line_height(ctx, UI_FONT_BODY);
	int h = lines * lh + ctx->gap * 2;
	ui_row(ctx, 1, h > ctx->target_h ? h : ctx->target_h);
	ui_rect r = ui_next(ctx);
	ui_id id = ui_make_id(ctx, name);
	bool was_focused = ctx->focus == id;
	ui_control_add(ctx, id, r, UI_ROLE_FIELD, name);
	int n = (int)strlen(buf);
	if (*cursor < 0 || *cursor > n || (!was_focused && ctx->focus == id))
		*cursor = n;
	bool changed = false, focused = ctx->focus == id && ctx->enabled;
	if (focused && was_focused) {
		ctx->field_focused = true;
		changed = edit(ctx, buf, cap, cursor, lines > 1);
	} else if (focused) {
		ctx->field_focused = true;
	}
	const ui_theme *t = &ctx->theme;
	ui_draw_rect(ctx, r, t->panel, ctx->radius / 2, 0);
	ui_draw_rect(ctx, r, focused ? t->primary : t->text, ctx->radius / 2,
		     focused ? ui_mm(ctx, 0.8f) + 1 : ui_mm(ctx, 0.3f) + 1);
	ui_rect in = ui_rect_inset(r, ctx->gap);
	in.h = r.h - 2 * ctx->gap;
	ctx->arena_used = (ctx->arena_used + 15) & ~(size_t)15; /* aligned for the struct */
	line_set *ls = (line_set *)(ctx->arena + ctx->arena_used);
	if (ctx->arena_used + sizeof *ls > UI_ARENA) {
		ctx->overflow = true;
		return changed;
	}
	ctx->arena_used += sizeof *ls;
	ls->base = buf;
	ls->n = 0;
	ui_wrap(ctx, UI_FONT_BODY, false, buf, in.w - ui_mm(ctx, 1.0f), collect, ls);
	int shown = in.h / lh > 0 ? in.h / lh : 1, cur_line = 0;
	for (int i = 0; i < ls->n; i++)
		if (ls->start[i] <= *cursor)
			cur_line = i;
	int first = cur_line >= shown ? cur_line - shown + 1 : 0;
	if (!buf[0] && placeholder && !focused)
		ui_text_in(ctx, (ui_rect){ in.x, in.y, in.w, lines > 1 ? lh * 2 : in.h }, UI_FONT_BODY,
			   false, placeholder, t->muted, false);
	for (int i = first; i < ls->n && i < first + shown; i++)
		ui_draw_text(ctx, in.x, in.y + (i - first) * lh, UI_FONT_BODY, false,
			     buf + ls->start[i], ls->len[i], t->text);
	if (focused)
		draw_cursor(ctx, in, ls, first, buf, *cursor, lh);
	ui_focus_ring(ctx, id, r);
	return changed;
}
