/* ui_widgets.c - buttons, choice tiles, check boxes, list items, labels,
 * the step indicator and dialogs. Every control registers itself in the
 * frame's control list (for focus order and for tests), reacts to a tap
 * or click released over it, and to Enter or Space while it has focus. */
#include <string.h>
#include "ui_private.h"

/* Registers a control and works out whether it was activated. */
bool ui_control_add(ui_ctx *ctx, ui_id id, ui_rect r, int role, const char *label)
{
	if (!ctx->frame.enabled)
		return false;
	if (ctx->out.n_ctrls < UI_MAX_CTRLS) {
		ui_control *c = &ctx->out.ctrls[ctx->out.n_ctrls++];
		c->id = id;
		c->role = role;
		c->rect = r;
		c->clip = ctx->frame.clip;
		c->label = ui_strdup(ctx, label, -1);
		c->focusable = role != UI_ROLE_KEY;
		c->layer = ctx->frame.layer;
	} else {
		ctx->out.overflow = true;
	}
	bool over = ui_rect_contains(r, ctx->in.mouse_x, ctx->in.mouse_y) &&
		ui_rect_contains(ctx->frame.clip, ctx->in.mouse_x, ctx->in.mouse_y);
	if (over)
		ctx->state.hot = id;
	if (over && ctx->in.mouse_pressed) {
		ctx->state.active = id;
		if (role != UI_ROLE_KEY)
			ctx->state.focus = id;
	}
	bool hit = over && ctx->in.mouse_released && ctx->state.active == id;
	if (ctx->state.focus == id && role != UI_ROLE_FIELD &&
	    (ui_key(ctx, UI_KEY_ENTER) || ui_key(ctx, UI_KEY_SPACE)))
		hit = true;
	if (hit)
		ctx->out.redraw = true;
	return hit;
}

void ui_focus_ring(ui_ctx *ctx, ui_id id, ui_rect r)
{
	if (ctx->state.focus != id || !ctx->frame.enabled || !ctx->state.focus_visible)
		return;
	int t = ui_mm(ctx, 1.0f) > 3 ? ui_mm(ctx, 1.0f) : 3;
	ui_draw_rect(ctx, ui_rect_inset(r, -t), ctx->frame.theme.focus, ctx->frame.radius + t, t);
	ui_draw_rect(ctx, ui_rect_inset(r, -t - 1), ctx->frame.theme.text, ctx->frame.radius + t, 1);
}

typedef struct {
	ui_ctx *ctx;
	int x, y, w, font, line_h;
	bool bold, center, rtl; /* rtl: the paragraph's base direction */
	ui_color color;
	int max_lines;       /* lines that fit; 0 for no limit */
} label_draw;

static void draw_line(void *arg, int line, const char *s, int len)
{
	label_draw *d = arg;
	if (d->max_lines && line >= d->max_lines)
		return;
	int x = d->x;
	if (d->center)
		x += (d->w - ui_text_width(d->ctx, d->font, d->bold, s, len)) / 2;
	else if (d->rtl) /* a right-to-left paragraph starts at the right edge */
		x += d->w - ui_text_width(d->ctx, d->font, d->bold, s, len);
	ui_draw_text_dir(d->ctx, x, d->y + line * d->line_h, d->font, d->bold, s, len,
			 d->color, d->rtl);
}

/* Text wrapped inside r, centred or from the left, vertically centred;
 * steps down to a smaller font when it would not fit. At the smallest,
 * the lines that still do not fit are left out and the frame says so
 * (out.cut): the screen gave its widget too little room, which the
 * layout tests catch. */
void ui_text_in(ui_ctx *ctx, ui_rect r, int font, bool bold, const char *s,
		ui_color c, bool center)
{
	for (; font > UI_FONT_SMALL; font--) {
		int lines = ui_wrap(ctx, font, bold, s, r.w, NULL, NULL);
		if (lines * ui_line_height(ctx, font) <= r.h)
			break;
	}
	label_draw d = { ctx, r.x, 0, r.w, font, ui_line_height(ctx, font), bold, center,
			 ui_bidi_is_rtl(s, (int)strlen(s)), c, 0 };
	int lines = ui_wrap(ctx, font, bold, s, r.w, NULL, NULL);
	d.max_lines = r.h / d.line_h > 0 ? r.h / d.line_h : 1;
	if (lines > d.max_lines || d.line_h > r.h) {
		if (!ctx->out.cut++)
			ctx->out.cut_text = ui_strdup(ctx, s, -1);
		lines = d.max_lines;
	}
	d.y = r.y + (r.h - lines * d.line_h) / 2;
	if (d.y < r.y)
		d.y = r.y;
	ui_rect saved = ctx->frame.text_box;
	ctx->frame.text_box = r;
	ui_wrap(ctx, font, bold, s, r.w, draw_line, &d);
	ctx->frame.text_box = saved;
}

bool ui_button_at(ui_ctx *ctx, ui_rect r, const char *label, int style)
{
	ui_id id = ui_make_id(ctx, label);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_BUTTON, label);
	const ui_theme *t = &ctx->frame.theme;
	ui_color fill = t->primary, ink = t->on_primary;
	bool pressed = ctx->state.active == id && ctx->in.mouse_down;
	if (style == UI_STYLE_SECONDARY || style == UI_STYLE_QUIET) {
		fill = pressed ? t->selected : t->panel;
		ink = t->primary;
	} else if (style == UI_STYLE_DANGER) {
		fill = t->danger;
	}
	if (style != UI_STYLE_QUIET || pressed)
		ui_draw_rect(ctx, r, fill, ctx->frame.radius, 0);
	if (style == UI_STYLE_SECONDARY)
		ui_draw_rect(ctx, r, t->primary, ctx->frame.radius, ui_mm(ctx, 0.5f) + 1);
	ui_text_in(ctx, ui_rect_inset(r, ctx->frame.gap / 2), UI_FONT_BODY, true, label, ink, true);
	ui_focus_ring(ctx, id, r);
	return hit;
}

bool ui_button(ui_ctx *ctx, const char *label, int style)
{
	return ui_button_at(ctx, ui_next(ctx), label, style);
}

int ui_button_height(ui_ctx *ctx, int w, const char *label)
{
	int lines = ui_wrap(ctx, UI_FONT_BODY, true, label, w - ctx->frame.gap, NULL, NULL);
	int h = lines * ui_line_height(ctx, UI_FONT_BODY) + ctx->frame.gap;
	return h > ctx->frame.target_h ? h : ctx->frame.target_h;
}

/* The width of a cell in a row of cols in the body, leaving room for the
 * scroll bar whether or not it is drawn (the row is measured before the
 * frame knows). */
static int cell_w(const ui_ctx *ctx, int cols)
{
	cols = cols > 0 ? cols : 1;
	return (ctx->frame.body.w - ctx->frame.gap * cols) / cols;
}

void ui_button_row(ui_ctx *ctx, int cols, const char *const *labels, int n)
{
	int h = ctx->frame.target_h;
	for (int i = 0; i < n; i++) {
		/* a check box's label sits beside its box (ui_check) */
		int beside = ctx->frame.target_h * 2 / 3 + ctx->frame.gap;
		int hi = ui_button_height(ctx, cell_w(ctx, cols) - beside, labels[i]);
		h = hi > h ? hi : h;
	}
	ui_row(ctx, cols, h);
}

/* The detail line(s) keep their full text at the small size; the label
 * has the rest (ui_tile_row makes the row tall enough for both). */
bool ui_tile(ui_ctx *ctx, const char *label, const char *detail, bool selected)
{
	ui_rect r = ui_next(ctx);
	ui_id id = ui_make_id(ctx, label);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_TILE, label);
	const ui_theme *t = &ctx->frame.theme;
	ui_draw_rect(ctx, r, selected ? t->selected : t->panel, ctx->frame.radius, 0);
	ui_draw_rect(ctx, r, selected ? t->primary : t->border, ctx->frame.radius,
		     selected ? ui_mm(ctx, 1.0f) : ui_mm(ctx, 0.4f) + 1);
	ui_rect in = ui_rect_inset(r, ctx->frame.gap);
	if (detail && *detail) {
		int lines = ui_wrap(ctx, UI_FONT_SMALL, false, detail, in.w, NULL, NULL);
		int dh = lines * ui_line_height(ctx, UI_FONT_SMALL);
		if (dh > in.h - ui_line_height(ctx, UI_FONT_SMALL))
			dh = in.h - ui_line_height(ctx, UI_FONT_SMALL);
		ui_text_in(ctx, (ui_rect){ in.x, in.y, in.w, in.h - dh }, UI_FONT_LARGE, true, label,
			   t->text, false);
		ui_text_in(ctx, (ui_rect){ in.x, in.y + in.h - dh, in.w, dh }, UI_FONT_SMALL,
			   false, detail, t->muted, false);
	} else {
		ui_text_in(ctx, in, UI_FONT_LARGE, true, label, t->text, false);
	}
	ui_focus_ring(ctx, id, r);
	return hit;
}

int ui_tile_height(ui_ctx *ctx, int cols, const char *label, const char *detail)
{
	int gap = ctx->frame.gap, w = cell_w(ctx, cols) - 2 * gap;
	int h = 2 * gap + ui_wrap(ctx, UI_FONT_LARGE, true, label, w, NULL, NULL) *
		ui_line_height(ctx, UI_FONT_LARGE);
	if (detail && *detail)
		h += ui_wrap(ctx, UI_FONT_SMALL, false, detail, w, NULL, NULL) *
			ui_line_height(ctx, UI_FONT_SMALL);
	return h > ctx->frame.tile_h ? h : ctx->frame.tile_h;
}

void ui_tile_row(ui_ctx *ctx, int cols, const char *const *labels,
		 const char *const *details, int n)
{
	int h = ctx->frame.tile_h;
	for (int i = 0; i < n; i++) {
		int hi = ui_tile_height(ctx, cols, labels[i], details ? details[i] : NULL);
		h = hi > h ? hi : h;
	}
	ui_row(ctx, cols, h);
}

bool ui_check(ui_ctx *ctx, const char *label, bool *value)
{
	ui_rect r = ui_next(ctx);
	ui_id id = ui_make_id(ctx, label);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_CHECK, label);
	if (hit)
		*value = !*value;
	const ui_theme *t = &ctx->frame.theme;
	int box = ctx->frame.target_h * 2 / 3; /* a row made taller for its words keeps it */
	ui_rect b = { r.x, r.y + (r.h - box) / 2, box, box };
	ui_draw_rect(ctx, b, t->panel, ctx->frame.radius / 2, 0);
	ui_draw_rect(ctx, b, t->text, ctx->frame.radius / 2, ui_mm(ctx, 0.5f) + 1);
	if (*value)
		ui_draw_rect(ctx, ui_rect_inset(b, box / 4), t->primary, ctx->frame.radius / 3, 0);
	ui_text_in(ctx, (ui_rect){ r.x + box + ctx->frame.gap, r.y, r.w - box - ctx->frame.gap, r.h },
		UI_FONT_BODY, false, label, t->text, false);
	ui_focus_ring(ctx, id, r);
	return hit;
}

static int badge_width(ui_ctx *ctx, const char *badge)
{
	if (!badge || !*badge)
		return 0;
	return ui_text_width(ctx, UI_FONT_SMALL, true, badge, -1) + ctx->frame.gap;
}

/* The detail's height inside an item of inner width w. */
static int detail_height(ui_ctx *ctx, const char *detail, int w)
{
	if (!detail || !*detail)
		return 0;
	return ui_wrap(ctx, UI_FONT_SMALL, false, detail, w, NULL, NULL) *
		ui_line_height(ctx, UI_FONT_SMALL);
}

void ui_item_row(ui_ctx *ctx, const char *title, const char *detail, const char *badge)
{
	int w = cell_w(ctx, 1) - ctx->frame.gap;
	int tw = w - badge_width(ctx, badge) - ctx->frame.gap / 2;
	int h = ctx->frame.gap + ui_wrap(ctx, UI_FONT_BODY, true, title, tw, NULL, NULL) *
		ui_line_height(ctx, UI_FONT_BODY) + detail_height(ctx, detail, w);
	ui_row(ctx, 1, h > ctx->frame.target_h ? h : ctx->frame.target_h);
}

static bool list_item(ui_ctx *ctx, const char *title, const char *detail, const char *badge,
		      bool alert)
{
	ui_rect r = ui_next(ctx);
	ui_id id = ui_make_id(ctx, title);
	bool hit = ui_control_add(ctx, id, r, UI_ROLE_ITEM, title);
	const ui_theme *t = &ctx->frame.theme;
	ui_draw_rect(ctx, r, t->panel, ctx->frame.radius, 0);
	if (alert) /* a thick red edge and a red bar down the left */
		ui_draw_rect(ctx, (ui_rect){ r.x, r.y, ctx->frame.gap / 3, r.h }, t->danger, 0, 0);
	ui_draw_rect(ctx, r, alert ? t->danger : t->border, ctx->frame.radius,
		     alert ? ui_mm(ctx, 0.8f) + 1 : 1);
	/* A full gap at the sides, so that text never sits on the border (nor
	 * on an alert's red bar); half a gap above and below. */
	ui_rect in = ui_rect_inset(r, ctx->frame.gap / 2);
	in.x += ctx->frame.gap / 2;
	in.w -= ctx->frame.gap;
	int badge_w = badge_width(ctx, badge);
	if (badge_w) {
		ui_rect b = { in.x + in.w - badge_w, in.y, badge_w, ui_line_height(ctx, UI_FONT_SMALL) };
		ui_draw_rect(ctx, b, t->danger, ctx->frame.radius / 2, 0);
		ctx->frame.text_box = b;
		ui_draw_text(ctx, b.x + ctx->frame.gap / 2, b.y, UI_FONT_SMALL, true, badge, -1,
			     t->on_primary);
		ctx->frame.text_box = (ui_rect){ 0, 0, 0, 0 };
	}
	int dh = detail_height(ctx, detail, in.w), min_title = ui_line_height(ctx, UI_FONT_SMALL);
	if (dh > in.h - min_title)
		dh = in.h - min_title;
	ui_text_in(ctx, (ui_rect){ in.x, in.y, in.w - badge_w - ctx->frame.gap / 2, in.h - dh },
		UI_FONT_BODY, true, title, t->text, false);
	if (dh > 0)
		ui_text_in(ctx, (ui_rect){ in.x, in.y + in.h - dh, in.w, dh }, UI_FONT_SMALL,
			false, detail, alert ? t->danger : t->muted, false);
	ui_focus_ring(ctx, id, r);
	return hit;
}

bool ui_list_item(ui_ctx *ctx, const char *title, const char *detail, const char *badge)
{
	return list_item(ctx, title, detail, badge, false);
}

bool ui_alert_item(ui_ctx *ctx, const char *title, const char *detail, const char *badge)
{
	return list_item(ctx, title, detail, badge, true);
}

void ui_label(ui_ctx *ctx, int font, bool bold, const char *text, ui_color c)
{
	ui_row(ctx, 1, 1);
	ui_rect r = ui_next(ctx);
	int lines = ui_wrap(ctx, font, bold, text, r.w, NULL, NULL);
	label_draw d = { ctx, r.x, r.y, r.w, font, ui_line_height(ctx, font), bold, false,
			 ui_bidi_is_rtl(text, (int)strlen(text)), c, 0 };
	ctx->frame.row_h = r.h = lines * d.line_h;
	ctx->frame.text_box = r;
	ui_wrap(ctx, font, bold, text, r.w, draw_line, &d);
	ctx->frame.text_box = (ui_rect){ 0, 0, 0, 0 };
}

void ui_notice(ui_ctx *ctx, const char *text, int kind)
{
	const ui_theme *t = &ctx->frame.theme;
	ui_color ink = kind == UI_NOTICE_PROBLEM ? t->danger : kind == UI_NOTICE_INFO ? t->primary
		: t->success;
	int bar = ui_mm(ctx, 1.5f) > 4 ? ui_mm(ctx, 1.5f) : 4, g = ctx->frame.gap;
	ui_row(ctx, 1, 1);
	ui_rect r = ui_next(ctx);
	int w = r.w - bar - 2 * g;
	int lines = ui_wrap(ctx, UI_FONT_BODY, true, text, w, NULL, NULL);
	r.h = lines * ui_line_height(ctx, UI_FONT_BODY) + 2 * g;
	ctx->frame.row_h = r.h;
	ui_draw_rect(ctx, r, t->panel, 0, 0);
	ui_draw_rect(ctx, (ui_rect){ r.x, r.y, bar, r.h }, ink, 0, 0);
	ui_draw_rect(ctx, r, ink, 0, ui_mm(ctx, 0.5f) + 1);
	ui_text_in(ctx, (ui_rect){ r.x + bar + g, r.y + g, w, r.h - 2 * g }, UI_FONT_BODY, true,
		   text, ink, false);
}

void ui_steps(ui_ctx *ctx, int n, int current, const char *caption)
{
	int lh = ui_line_height(ctx, UI_FONT_SMALL);
	ui_row(ctx, 1, lh + ctx->frame.gap);
	ui_rect r = ui_next(ctx);
	int dot = ctx->frame.gap, x = r.x;
	for (int i = 1; i <= n; i++) {
		ui_color c = i <= current ? ctx->frame.theme.primary : ctx->frame.theme.border;
		int w = i == current ? dot * 3 : dot;
		ui_draw_rect(ctx, (ui_rect){ x, r.y + (ctx->frame.gap - dot) / 2, w, dot }, c, dot / 2, 0);
		x += w + dot / 2;
	}
	if (caption)
		ui_text_in(ctx, (ui_rect){ r.x, r.y + ctx->frame.gap, r.w, lh }, UI_FONT_SMALL, false,
			   caption, ctx->frame.theme.muted, false);
}

/* A dialog takes the height its content had in the last frame (frames
 * are built again until they settle, so the first one measures it); when
 * that is more than the window holds, its body scrolls, with its own
 * scroll position kept apart from the screen's. */
void ui_dialog_begin(ui_ctx *ctx, const char *title, int want_h)
{
	ctx->frame.enabled = true;
	ctx->frame.layer = 1;
	ui_draw_rect(ctx, (ui_rect){ 0, 0, ctx->set.w, ctx->set.h }, ctx->frame.theme.shade, 0, 0);
	int w = ctx->set.w - 2 * ctx->frame.pad, max_w = ui_mm(ctx, 150.0f);
	if (max_w < ctx->set.w / 2)
		max_w = ctx->set.w / 2;
	if (w > max_w)
		w = max_w;
	ui_id id = ui_make_id(ctx, title);
	if (id != ctx->state.dlg_id)
		ctx->state.dlg_scroll_y = ctx->state.dlg_content_h = 0;
	if (id == ctx->state.dlg_id && ctx->state.dlg_fit > 0)
		want_h = ctx->state.dlg_fit;
	ctx->state.dlg_id = id;
	int h = want_h < ctx->set.h - 2 * ctx->frame.pad ? want_h : ctx->set.h - 2 * ctx->frame.pad;
	ui_rect p = { (ctx->set.w - w) / 2, (ctx->set.h - h) / 2, w, h };
	ctx->frame.dlg = p;
	ui_draw_rect(ctx, p, ctx->frame.theme.panel, ctx->frame.radius, 0);
	ui_draw_rect(ctx, p, ctx->frame.theme.border, ctx->frame.radius, 2);
	ctx->frame.screen_scroll_y = ctx->state.scroll_y;
	ctx->frame.screen_content_h = ctx->state.content_h;
	ctx->state.scroll_y = ctx->state.dlg_scroll_y;
	ctx->state.content_h = ctx->state.dlg_content_h;
	ui_body_begin(ctx, ui_rect_inset(p, ctx->frame.pad));
	ui_label(ctx, UI_FONT_TITLE, true, title, ctx->frame.theme.text);
}

void ui_dialog_end(ui_ctx *ctx)
{
	ui_body_end(ctx);
	int used = ctx->state.content_h + 2 * ctx->frame.pad;
	if (used != ctx->state.dlg_fit) {
		ctx->state.dlg_fit = used;
		ctx->out.redraw = true;
	}
	ctx->state.dlg_scroll_y = ctx->state.scroll_y;
	ctx->state.dlg_content_h = ctx->state.content_h;
	ctx->state.scroll_y = ctx->frame.screen_scroll_y;
	ctx->state.content_h = ctx->frame.screen_content_h;
	ctx->frame.layer = 0;
}
