/* kiosk_say.c - reading a screen aloud (SPEC 13): what the screen says is
 * the words drawn in its body, or in the dialog over it, line by line in
 * the order they were laid out (question, explanation, choices); the
 * header and footer (Listen, Need help now?, Hide, Back, Next) and what a
 * person typed are left out. The speaker reads the whole screen; moving
 * focus with the keyboard reads the control it lands on. Spoken in the
 * visit's language with its eSpeak NG voice (main.c plays it). */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* Marks after which a reader pauses already, in the scripts of LANG_ALL:
 * Latin, the Urdu full stop, Arabic question mark and comma, the danda. */
static const char *const STOPS[] = { ".", "?", "!", ":", ";", ",", "\u06D4", "\u061F",
				     "\u060C", "\u0964" };

static bool ends_sentence(const char *out, size_t n)
{
	while (n && out[n - 1] == ' ')
		n--;
	for (size_t i = 0; n && i < sizeof STOPS / sizeof STOPS[0]; i++) {
		size_t len = strlen(STOPS[i]);
		if (n >= len && memcmp(out + n - len, STOPS[i], len) == 0)
			return true;
	}
	return n == 0;
}

/* Controls are listed where they are on screen; lines are compared where
 * they were laid out. */
static ui_rect laid_out(const ui_ctx *u, ui_rect r)
{
	if (u->set.rtl)
		r.x = u->set.w - r.x - r.w;
	return r;
}

/* A person's own words, in a text field, are theirs to read: they are
 * never said aloud in a public place. */
static bool in_field(const ui_ctx *u, int x, int y)
{
	for (int i = 0; i < u->out.n_ctrls; i++)
		if (u->out.ctrls[i].role == UI_ROLE_FIELD &&
		    ui_rect_contains(laid_out(u, u->out.ctrls[i].rect), x, y))
			return true;
	return false;
}

/* Where the words to read start: after the dialog's panel when a dialog
 * is over the screen (the screen behind it was drawn first), else at 0. */
static int first_cmd(const kiosk *k)
{
	const ui_ctx *u = k->ui;
	ui_rect d = u->frame.dlg;
	if (k->overlay == KO_NONE)
		return 0;
	for (int i = u->out.n_cmds - 1; i >= 0; i--) {
		ui_rect r = laid_out(u, u->out.cmds[i].rect);
		if (u->out.cmds[i].type == UI_CMD_RECT && r.x == d.x && r.y == d.y && r.w == d.w &&
		    r.h == d.h)
			return i + 1;
	}
	return u->out.n_cmds;
}

size_t kiosk_say_text(const kiosk *k, char *out, size_t cap)
{
	const ui_ctx *u = k->ui;
	ui_rect area = k->overlay != KO_NONE ? u->frame.dlg : k->body;
	const ui_rect *prev = NULL;
	size_t n = 0;
	out[0] = '\0';
	for (int i = first_cmd(k); i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		const ui_rect *r = &c->line_at;
		int cx = r->x + r->w / 2, cy = r->y + r->h / 2;
		if (c->type != UI_CMD_TEXT || !c->line || c->line_len <= 0 ||
		    !ui_rect_contains(area, cx, cy) || in_field(u, cx, cy))
			continue;
		/* A line further down than the next, or one beside or above the
		 * last (a tile beside a tile) starts a new item: a pause. The
		 * next line of a paragraph goes on. */
		const char *sep = "";
		bool below = prev && r->y > prev->y + prev->h * 3 / 2;
		bool beside = prev && (r->y < prev->y || (r->y == prev->y && r->x > prev->x));
		if (below || beside)
			sep = ends_sentence(out, n) ? " " : ". ";
		else if (prev)
			sep = " ";
		int wrote = snprintf(out + n, cap - n, "%s%.*s", sep, c->line_len, c->line);
		if (wrote < 0 || (size_t)wrote >= cap - n)
			break;
		n += (size_t)wrote;
		prev = r;
	}
	return n;
}

/* The words of the control with focus: its label, or for a text field
 * (whose label is its name) the screen's question. */
static size_t focus_text(const kiosk *k, char *out, size_t cap)
{
	const ui_ctx *u = k->ui;
	for (int i = 0; i < u->out.n_ctrls; i++) {
		const ui_control *c = &u->out.ctrls[i];
		if (c->id != u->state.focus)
			continue;
		if (c->role == UI_ROLE_FIELD)
			return kiosk_say_text(k, out, cap);
		snprintf(out, cap, "%s", c->label);
		return strlen(out);
	}
	out[0] = '\0';
	return 0;
}

bool kiosk_reading(kiosk *k, char *out, size_t cap)
{
	const ui_state *s = &k->ui->state;
	out[0] = '\0';
	if (k->speak) {
		k->speak = false;
		k->read_focus = s->focus;
		return kiosk_say_text(k, out, cap) > 0;
	}
	if (k->screen >= KS_STAFF || !s->focus_visible || !s->focus || s->focus == k->read_focus)
		return false;
	k->read_focus = s->focus;
	return focus_text(k, out, cap) > 0;
}

int kiosk_say(kiosk *k, speech *sp, speech_pcm *out, tl_err *err)
{
	char text[8192];
	const tl_lang *l = k->lang ? k->lang : lang_current();
	if (!l->voice)
		return err_set(err, TL_ENOTFOUND, "speech: no voice for %s", l->english);
	if (kiosk_say_text(k, text, sizeof text) == 0)
		return err_set(err, TL_ENOTFOUND, "speech: the screen '%s' has no words to read",
			       kiosk_screen_name(k->screen));
	return speech_say(sp, l->voice, text, out, err);
}
