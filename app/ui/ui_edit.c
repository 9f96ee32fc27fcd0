/* ui_edit.c - the keys of a focused text field: typing and IME commits,
 * Backspace and Delete over whole UTF-8 characters, cursor moves, and the
 * selection they extend with Shift, replaced by whatever is typed next;
 * copy, cut and paste through the platform's clipboard callbacks. The
 * selection is kept in the context, since only the focused field can have
 * one. */
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "ui_private.h"

bool ui_selection(const ui_ctx *ctx, int cursor, int *lo, int *hi)
{
	int a = ctx->state.sel_anchor;
	if (a < 0 || a == cursor)
		return false;
	*lo = a < cursor ? a : cursor;
	*hi = a < cursor ? cursor : a;
	return true;
}

static void clipboard_set(ui_ctx *ctx, const char *s)
{
	const ui_platform *p = &ctx->set.platform;
	if (p->clipboard_set)
		p->clipboard_set(p->clipboard_arg, s);
}

void ui_clipboard_wipe(ui_ctx *ctx)
{
	if (ctx->state.clipboard_used)
		clipboard_set(ctx, "");
	ctx->state.clipboard_used = false;
}

/* Puts s in buf at the cursor, a whole character at a time; stops before
 * one that would not fit. One-line fields turn line breaks into spaces. */
static void insert(char *buf, size_t cap, int *cursor, const char *s, bool multiline)
{
	int n = (int)strlen(buf);
	for (const char *p = s; *p; p++) {
		char ch = *p;
		if ((ch == '\n' || ch == '\r' || ch == '\t') && !multiline)
			ch = ' ';
		if (ch == '\r')
			continue;
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

static bool delete_selection(ui_ctx *ctx, char *buf, int *cursor)
{
	int lo, hi;
	if (!ui_selection(ctx, *cursor, &lo, &hi)) {
		ctx->state.sel_anchor = -1;
		return false;
	}
	memmove(buf + lo, buf + hi, strlen(buf + hi) + 1);
	*cursor = lo;
	ctx->state.sel_anchor = -1;
	return true;
}

/* What the clipboard holds, less what a field cannot keep: bytes that are
 * not valid UTF-8 and control characters other than tab and line breaks.
 * The caller frees the result. */
static char *clean_paste(const char *s)
{
	int n = (int)strlen(s), out = 0;
	char *c = malloc((size_t)n + 1);
	if (!c)
		return NULL;
	for (int at = 0; at < n;) {
		int next = ui_utf8_next(s, n, at);
		unsigned char b = (unsigned char)s[at];
		bool keep = text_utf8_valid(s + at, (size_t)(next - at), NULL) &&
			(b >= 0x20 || b == '\n' || b == '\t' || b == '\r') && b != 0x7F;
		if (!keep)
			next = at + 1; /* skip one byte: the rest may still be good */
		else
			memcpy(c + out, s + at, (size_t)(next - at)), out += next - at;
		at = next;
	}
	c[out] = '\0';
	return c;
}

static void copy(ui_ctx *ctx, const char *buf, int cursor)
{
	int lo, hi;
	if (!ui_selection(ctx, cursor, &lo, &hi))
		return;
	char *s = malloc((size_t)(hi - lo) + 1);
	if (!s)
		return;
	memcpy(s, buf + lo, (size_t)(hi - lo));
	s[hi - lo] = '\0';
	clipboard_set(ctx, s);
	ctx->state.clipboard_used = true;
	free(s);
}

static bool paste(ui_ctx *ctx, char *buf, size_t cap, int *cursor, bool multiline)
{
	const ui_platform *p = &ctx->set.platform;
	char *got = p->clipboard_get ? p->clipboard_get(p->clipboard_arg) : NULL;
	char *s = got ? clean_paste(got) : NULL;
	bool changed = false;
	if (s && s[0]) {
		delete_selection(ctx, buf, cursor);
		insert(buf, cap, cursor, s, multiline);
		changed = true;
	}
	free(s);
	free(got);
	return changed;
}

/* A move: with Shift it extends the selection from where the cursor was;
 * without, it drops the selection. */
void ui_edit_move(ui_ctx *ctx, int *cursor, int to)
{
	if (ctx->in.shift && ctx->state.sel_anchor < 0)
		ctx->state.sel_anchor = *cursor;
	else if (!ctx->in.shift)
		ctx->state.sel_anchor = -1;
	*cursor = to;
}

static void moves(ui_ctx *ctx, const char *buf, int *cursor)
{
	int n = (int)strlen(buf), lo, hi;
	bool sel = ui_selection(ctx, *cursor, &lo, &hi);
	/* Left or Right on a selection without Shift lands at its edge. */
	if (ui_key(ctx, UI_KEY_LEFT))
		ui_edit_move(ctx, cursor, sel && !ctx->in.shift ? lo : ui_utf8_prev(buf, *cursor));
	if (ui_key(ctx, UI_KEY_RIGHT))
		ui_edit_move(ctx, cursor, sel && !ctx->in.shift ? hi : ui_utf8_next(buf, n, *cursor));
	if (ui_key(ctx, UI_KEY_HOME))
		ui_edit_move(ctx, cursor, 0);
	if (ui_key(ctx, UI_KEY_END))
		ui_edit_move(ctx, cursor, n);
	if (ui_key(ctx, UI_KEY_SELECT_ALL)) {
		ctx->state.sel_anchor = 0;
		*cursor = n;
	}
}

bool ui_edit_keys(ui_ctx *ctx, char *buf, size_t cap, int *cursor, bool multiline)
{
	bool changed = false;
	if (ui_key(ctx, UI_KEY_COPY) || ui_key(ctx, UI_KEY_CUT))
		copy(ctx, buf, *cursor);
	if (ui_key(ctx, UI_KEY_CUT))
		changed |= delete_selection(ctx, buf, cursor);
	if (ui_key(ctx, UI_KEY_PASTE))
		changed |= paste(ctx, buf, cap, cursor, multiline);
	if (ctx->in.text_in[0]) {
		delete_selection(ctx, buf, cursor);
		insert(buf, cap, cursor, ctx->in.text_in, multiline);
		changed = true;
	}
	if (ui_key(ctx, UI_KEY_BACKSPACE | UI_KEY_DELETE) && delete_selection(ctx, buf, cursor)) {
		changed = true;
	} else if (ui_key(ctx, UI_KEY_BACKSPACE) && *cursor > 0) {
		int from = ui_utf8_prev(buf, *cursor);
		memmove(buf + from, buf + *cursor, strlen(buf + *cursor) + 1);
		*cursor = from;
		changed = true;
	} else if (ui_key(ctx, UI_KEY_DELETE) && buf[*cursor]) {
		int to = ui_utf8_next(buf, (int)strlen(buf), *cursor);
		memmove(buf + *cursor, buf + to, strlen(buf + to) + 1);
		changed = true;
	}
	moves(ctx, buf, cursor);
	if (ui_key(ctx, UI_KEY_ENTER)) {
		if (multiline) {
			delete_selection(ctx, buf, cursor);
			insert(buf, cap, cursor, "\n", true);
			changed = true;
		} else {
			ctx->in.keys |= UI_KEY_TAB; /* Enter in a one-line field moves on */
		}
	}
	return changed;
}
