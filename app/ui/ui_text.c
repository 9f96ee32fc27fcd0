/* ui_text.c - the text field: its lines (word wrap), the view that
 * follows the cursor, Up and Down between lines, a press or drag that
 * places the cursor or selects, the selection's highlight, and IME
 * composition shown at the cursor. Keys that edit are in ui_edit.c. */
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

static int line_of(const line_set *ls, int pos)
{
	int line = 0;
	for (int i = 0; i < ls->n; i++)
		if (ls->start[i] <= pos)
			line = i;
	return line;
}

/* The character boundary of a line nearest to x pixels from its start
 * (measured in logical order: a right-to-left run is approximate). */
static int pos_in_line(ui_ctx *ctx, const char *buf, const line_set *ls, int line, int x)
{
	const char *s = buf + ls->start[line];
	int len = ls->len[line], best = 0, best_d = x < 0 ? -x : x;
	for (int at = ui_utf8_next(s, len, 0); at <= len && at > 0;) {
		int d = ui_text_width(ctx, UI_FONT_BODY, false, s, at) - x;
		if (d < 0)
			d = -d;
		if (d < best_d)
			best = at, best_d = d;
		if (at == len)
			break;
		at = ui_utf8_next(s, len, at);
	}
	return ls->start[line] + best;
}

/* Up and Down move a line in a field of several; on its first or last
 * line they are left alone, to move focus as they do elsewhere (with
 * Shift they go to the start or the end instead). */
static void line_keys(ui_ctx *ctx, const char *buf, const line_set *ls, int *cursor)
{
	int dir = ui_key(ctx, UI_KEY_UP) ? -1 : ui_key(ctx, UI_KEY_DOWN) ? 1 : 0;
	if (!dir || ls->n == 0)
		return;
	int line = line_of(ls, *cursor), to = line + dir;
	if (to < 0 || to >= ls->n) {
		if (!ctx->in.shift)
			return;
		ui_edit_move(ctx, cursor, dir < 0 ? 0 : (int)strlen(buf));
	} else {
		int x = ui_text_width(ctx, UI_FONT_BODY, false, buf + ls->start[line],
				      *cursor - ls->start[line]);
		ui_edit_move(ctx, cursor, pos_in_line(ctx, buf, ls, to, x));
	}
	ctx->in.keys &= ~(unsigned)(UI_KEY_UP | UI_KEY_DOWN);
}

/* A press in a field that has focus puts the cursor there; moving while
 * pressed selects (and does not scroll the screen). */
static void mouse_keys(ui_ctx *ctx, ui_id id, ui_rect r, ui_rect in, const line_set *ls,
		       int first, const char *buf, int *cursor)
{
	int lh = ui_line_height(ctx, UI_FONT_BODY);
	ui_rect sr = ui_on_screen(ctx, r), sin = ui_on_screen(ctx, in);
	bool over = ui_rect_contains(sr, ctx->in.mouse_x, ctx->in.mouse_y) &&
		ui_rect_contains(ui_on_screen(ctx, ctx->frame.clip), ctx->in.mouse_x,
				 ctx->in.mouse_y);
	if (!ctx->in.mouse_down)
		ctx->state.sel_drag = false;
	bool dragging = ctx->state.sel_drag && ctx->state.active == id;
	if (ls->n == 0 || !(ctx->in.mouse_pressed ? over : dragging))
		return;
	int dy = ctx->in.mouse_y - in.y, line = first + (dy < 0 ? -1 : dy / lh);
	line = line < 0 ? 0 : line >= ls->n ? ls->n - 1 : line;
	/* The field's words are moved with it, not mirrored (ui_textfield). */
	int pos = pos_in_line(ctx, buf, ls, line, ctx->in.mouse_x - sin.x);
	if (ctx->in.mouse_pressed) {
		ctx->state.sel_anchor = pos;
		ctx->state.sel_drag = true;
		ctx->state.drag_armed = false;
	}
	*cursor = pos;
	ctx->out.redraw = true;
}

static void draw_selection(ui_ctx *ctx, ui_rect in, const line_set *ls, int first, int shown,
			   const char *buf, int cursor)
{
	int lo, hi, lh = ui_line_height(ctx, UI_FONT_BODY);
	if (!ui_selection(ctx, cursor, &lo, &hi))
		return;
	for (int i = first; i < ls->n && i < first + shown; i++) {
		int a = ls->start[i], b = a + ls->len[i];
		if (hi <= a || lo > b || (lo == b && i + 1 < ls->n))
			continue;
		int from = lo > a ? lo : a, to = hi < b ? hi : b;
		int x0 = ui_text_width(ctx, UI_FONT_BODY, false, buf + a, from - a);
		int x1 = ui_text_width(ctx, UI_FONT_BODY, false, buf + a, to - a);
		if (x1 == x0) /* an empty line inside the selection still shows */
			x1 = x0 + ui_mm(ctx, 1.0f);
		ui_draw_rect(ctx, (ui_rect){ in.x + x0, in.y + (i - first) * lh, x1 - x0, lh },
			     ctx->frame.theme.selection, 0, 0);
	}
}

static void draw_cursor(ui_ctx *ctx, ui_rect in, const line_set *ls, int first,
			const char *buf, int cursor, int lh)
{
	int line = line_of(ls, cursor);
	int x = in.x + ui_text_width(ctx, UI_FONT_BODY, false, buf + ls->start[line],
				     cursor - ls->start[line]);
	int y = in.y + (line - first) * lh;
	if (ctx->in.editing[0]) {
		int ew = ui_text_width(ctx, UI_FONT_BODY, false, ctx->in.editing, -1);
		ui_draw_rect(ctx, (ui_rect){ x, y, ew, lh }, ctx->frame.theme.selected, 0, 0);
		ui_draw_text(ctx, x, y, UI_FONT_BODY, false, ctx->in.editing, -1, ctx->frame.theme.text);
		ui_draw_rect(ctx, (ui_rect){ x, y + lh - 2, ew, 2 }, ctx->frame.theme.text, 0, 0);
		x += ew;
	}
	ui_draw_rect(ctx, (ui_rect){ x, y + lh / 8, ui_mm(ctx, 0.5f) + 1, lh * 3 / 4 },
		     ctx->frame.theme.primary, 0, 0);
}

/* The field's lines, wrapped to width, in the frame's arena; NULL when
 * the arena is full. */
static line_set *field_lines(ui_ctx *ctx, const char *buf, int width)
{
	ctx->out.arena_used = (ctx->out.arena_used + 15) & ~(size_t)15; /* aligned for the struct */
	line_set *ls = (line_set *)(ctx->out.arena + ctx->out.arena_used);
	if (ctx->out.arena_used + sizeof *ls > UI_ARENA) {
		ctx->out.overflow = true;
		return NULL;
	}
	ctx->out.arena_used += sizeof *ls;
	ls->base = buf;
	ls->n = 0;
	ui_wrap(ctx, UI_FONT_BODY, false, buf, width, collect, ls);
	return ls;
}

/* The first line shown: the cursor's line stays in view. */
static int first_line(const line_set *ls, int cursor, int shown)
{
	int cur_line = line_of(ls, cursor);
	return cur_line >= shown ? cur_line - shown + 1 : 0;
}

bool ui_textfield(ui_ctx *ctx, const char *name, char *buf, size_t cap, int *cursor,
		  int lines, const char *placeholder)
{
	int lh = ui_line_height(ctx, UI_FONT_BODY);
	int h = lines * lh + ctx->frame.gap * 2;
	ui_row(ctx, 1, h > ctx->frame.target_h ? h : ctx->frame.target_h);
	ui_rect r = ui_next(ctx);
	ui_id id = ui_make_id(ctx, name);
	bool was_focused = ctx->state.focus == id;
	ui_control_add(ctx, id, r, UI_ROLE_FIELD, name);
	int n = (int)strlen(buf);
	if (*cursor < 0 || *cursor > n || (!was_focused && ctx->state.focus == id))
		*cursor = n;
	bool changed = false, focused = ctx->state.focus == id && ctx->frame.enabled;
	bool editing = focused && was_focused;
	if (focused && (ctx->state.sel_field != id || ctx->state.sel_anchor > n || !was_focused)) {
		ctx->state.sel_field = id;
		ctx->state.sel_anchor = -1;
	}
	ctx->frame.field_focused |= focused;
	if (editing)
		changed = ui_edit_keys(ctx, buf, cap, cursor, lines > 1);
	const ui_theme *t = &ctx->frame.theme;
	bool error = ctx->frame.field_error;
	ctx->frame.field_error = false;
	ui_draw_rect(ctx, r, t->panel, ctx->frame.radius / 2, 0);
	ui_draw_rect(ctx, r, error ? t->danger : focused ? t->primary : t->text, ctx->frame.radius / 2,
		     focused || error ? ui_mm(ctx, 0.8f) + 1 : ui_mm(ctx, 0.3f) + 1);
	ui_rect in = ui_rect_inset(r, ctx->frame.gap);
	in.h = r.h - 2 * ctx->frame.gap;
	line_set *ls = field_lines(ctx, buf, in.w - ui_mm(ctx, 1.0f));
	if (!ls)
		return changed;
	int shown = in.h / lh > 0 ? in.h / lh : 1;
	if (editing && lines > 1)
		line_keys(ctx, buf, ls, cursor);
	if (editing)
		mouse_keys(ctx, id, r, in, ls, first_line(ls, *cursor, shown), buf, cursor);
	int first = first_line(ls, *cursor, shown);
	/* Inside the field the words keep their order and the cursor its
	 * place beside them: the field moves as a block when mirrored. */
	int mode = ctx->frame.mirror;
	if (mode == UI_MIRROR_REFLECT)
		ui_mirror(ctx, UI_MIRROR_SHIFT, r);
	if (!buf[0] && placeholder && !focused)
		ui_text_in(ctx, (ui_rect){ in.x, in.y, in.w, lines > 1 ? lh * 2 : in.h }, UI_FONT_BODY,
			   false, placeholder, t->muted, false);
	if (focused)
		draw_selection(ctx, in, ls, first, shown, buf, *cursor);
	ctx->frame.text_box = r; /* the composition may run past the inset */
	for (int i = first; i < ls->n && i < first + shown; i++)
		ui_draw_text(ctx, in.x, in.y + (i - first) * lh, UI_FONT_BODY, false,
			     buf + ls->start[i], ls->len[i], t->text);
	if (focused)
		draw_cursor(ctx, in, ls, first, buf, *cursor, lh);
	ctx->frame.text_box = (ui_rect){ 0, 0, 0, 0 };
	ctx->frame.mirror = mode;
	ui_focus_ring(ctx, id, r);
	return changed;
}

void ui_field_label(ui_ctx *ctx, const char *label, const char *hint, const char *error)
{
	const ui_theme *t = &ctx->frame.theme;
	if (label && *label)
		ui_label(ctx, UI_FONT_BODY, true, label, t->text);
	if (hint && *hint)
		ui_label(ctx, UI_FONT_BODY, false, hint, t->muted);
	if (error && *error) {
		ui_label(ctx, UI_FONT_BODY, true, error, t->danger);
		ctx->frame.field_error = true;
	}
}
