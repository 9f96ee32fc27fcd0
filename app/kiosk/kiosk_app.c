/* kiosk_app.c - the app around the screens: frames built until they
 * settle, the idle warning and wipe, and the long press in the top-left
 * corner that leads into staff mode. Events come in through
 * kiosk_event.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kiosk.h"

static uint64_t shown_hash(const ui_ctx *u)
{
	uint64_t h = 1469598103934665603ull;
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		int v[10] = { c->type, c->rect.x, c->rect.y, c->rect.w, c->rect.h,
			      c->color.r << 16 | c->color.g << 8 | c->color.b, c->color.a,
			      c->border, c->len, (int)c->pic };
		for (int j = 0; j < 10; j++)
			h = (h ^ (uint64_t)(unsigned)v[j]) * 1099511628211ull;
		for (int j = 0; c->type != UI_CMD_RECT && j < c->len; j++)
			h = (h ^ (unsigned char)c->text[j]) * 1099511628211ull;
	}
	return h;
}

int kiosk_new(tl_store *st, kiosk_clock_fn clock, void *clock_arg, kiosk **out, tl_err *err)
{
	char v[64];
	kiosk *k = calloc(1, sizeof *k);
	if (!k || !(k->ui = ui_new())) {
		free(k);
		return err_set(err, TL_ENOMEM, "kiosk: out of memory");
	}
	k->st = st;
	k->clock = clock;
	k->clock_arg = clock_arg;
	k->idle_seconds = 90;
	if (st && store_setting_get(st, "idle_seconds", v, sizeof v, NULL) == TL_OK)
		k->idle_seconds = atoi(v) >= 10 ? atoi(v) : 90;
	if (!st || store_setting_get(st, "authority_name", k->authority, sizeof k->authority, NULL))
		k->authority[0] = '\0';
	if (!st || store_setting_get(st, "contact_phone", k->phone, sizeof k->phone, NULL))
		k->phone[0] = '\0';
	if (!st || store_setting_get(st, "contact_email", k->email, sizeof k->email, NULL))
		k->email[0] = '\0';
	k->footer_shown = true;
	if (kiosk_load_services(k, err)) {
		kiosk_free(k);
		return TL_EDB;
	}
	case_init(&k->cur);
	/* Without XKB's data the keyboard falls back to its built-in keys. */
	if (ui_xkb_new(&k->xkb, NULL))
		k->xkb = NULL;
	k->osk.xkb = k->xkb;
	k->ui->set.osk = &k->osk;
	kiosk_lang_load(k);
	kiosk_wipe(k);
	*out = k;
	return TL_OK;
}

void kiosk_free(kiosk *k)
{
	if (!k)
		return;
	case_clear(&k->cur);
	ui_free(k->ui);
	ui_xkb_free(k->xkb);
	memset(k, 0, sizeof *k);
	free(k);
}

/* Leaving a screen drops its message and what could be undone on it. */
void kiosk_go(kiosk *k, int screen)
{
	k->screen = screen;
	k->rows_for = -1;
	k->sync_for = -1;
	k->hint[0] = '\0';
	k->hint_ok = false;
	k->hint_field = NULL;
	k->undo_stage = 0;
	ui_reset(k->ui);
	k->ui->out.redraw = true;
}

void kiosk_hint(kiosk *k, const char *field, const char *msg)
{
	snprintf(k->hint, sizeof k->hint, "%s", msg);
	k->hint_ok = false;
	k->hint_field = field;
	k->ui->out.redraw = true;
}

void kiosk_done(kiosk *k, const char *msg)
{
	kiosk_hint(k, NULL, msg);
	k->hint_ok = true;
}

void kiosk_wipe(kiosk *k)
{
	ui_clipboard_wipe(k->ui); /* copied words must not outlive the screen */
	memset(&k->d, 0, sizeof k->d);
	k->d.kind = k->d.who = k->d.service = -1;
	memset(k->pin, 0, sizeof k->pin);
	memset(k->reason, 0, sizeof k->reason);
	memset(k->note, 0, sizeof k->note);
	k->n_causes = 0;
	k->action = -1;
	k->ref[0] = '\0';
	memset(k->code, 0, sizeof k->code);
	k->qr_size = 0;
	memset(k->track_ref, 0, sizeof k->track_ref);
	memset(k->track_code, 0, sizeof k->track_code);
	k->track_result[0] = '\0';
	k->track_failed = false;
	k->unsafe_ref[0] = '\0';
	k->flagged = k->told_staff = false;
	k->from_safety[0] = '\0';
	k->changing = false;
	k->outcome = -1;
	k->signed_in = false;
	memset(&k->staff, 0, sizeof k->staff);
	k->n_rows = 0;
	k->have_cur = false;
	case_clear(&k->cur);
	k->overlay = KO_NONE;
	/* The next person starts from the display the kiosk was set up with. */
	k->osk.shift = k->osk.altgr = false;
	k->osk.dead = 0;
	k->osk.page = 0;
	k->speak = false;
	k->read_focus = 0;
	k->feeling = -1;
	k->ui->set.large_text = k->default_large;
	k->ui->set.high_contrast = k->default_contrast;
	k->last_input = k->clock ? k->clock(k->clock_arg) : 0;
	kiosk_lang_reset(k);
	kiosk_go(k, KS_START);
}

/* Public screens speak the visit's language, right to left where it is
 * written so; staff screens are in English, laid out from the left. */
static void language(kiosk *k)
{
	bool staff = k->screen >= KS_STAFF;
	const tl_lang *l = staff || !k->lang ? lang_find("en") : k->lang;
	lang_use(l->code, NULL);
	k->ui->set.rtl = l->rtl;
	k->osk.shift_label = _("\xE2\x87\xA7 Shift");
	/* TRANSLATORS: the long key at the bottom of the keyboard. */
	k->osk.space_label = _("space");
	/* TRANSLATORS: the key that closes the on-screen keyboard. */
	k->osk.done_label = _("Done");
}

static void build(kiosk *k)
{
	ui_ctx *u = k->ui;
	language(k);
	ui_begin(u);
	ui_set_enabled(u, k->overlay == KO_NONE);
	if (k->screen == KS_HIDDEN)
		kiosk_screen_hidden(k);
	else if (k->screen < KS_STAFF)
		kiosk_screen_public(k);
	else
		kiosk_screen_staff(k);
	ui_set_enabled(u, true);
	kiosk_overlays(k);
	if (k->overlay == KO_NONE)
		ui_osk(u);
	ui_end(u);
}

bool kiosk_frame(kiosk *k)
{
	static const int MAX_PASSES = 6;
	k->ui->out.redraw = true;
	for (int i = 0; i < MAX_PASSES && k->ui->out.redraw; i++)
		build(k);
	uint64_t h = shown_hash(k->ui);
	bool changed = h != k->shown;
	k->shown = h;
	return changed;
}

/* The screen has nothing private on it: nothing to warn about. The
 * neutral screen is at rest only with the display back at its defaults. */
static bool at_rest(const kiosk *k)
{
	bool plain = k->ui->set.large_text == k->default_large &&
		k->ui->set.high_contrast == k->default_contrast;
	return (k->screen == KS_START || k->screen == KS_HIDDEN) && !k->signed_in &&
		k->d.kind < 0 && !k->d.summary[0] && !k->d.advocacy && plain;
}

int kiosk_tick(kiosk *k)
{
	uint64_t now = k->clock(k->clock_arg);
	kiosk_autosync_poll(k);
	if (k->corner_down && k->ui->in.mouse_down && now - k->corner_down >= KIOSK_CORNER_MS) {
		k->corner_down = 0;
		kiosk_go(k, KS_STAFF);
	}
	if (at_rest(k) || k->sample)
		return k->corner_down ? 250 : 60000;
	uint64_t idle = now - k->last_input, warn = (uint64_t)KIOSK_WARN_SECONDS * 1000;
	uint64_t wipe = (uint64_t)k->idle_seconds * 1000;
	if (warn + 10000 > wipe)
		warn = wipe / 2;
	if (idle >= wipe) {
		kiosk_wipe(k); /* asks for a frame: the caller draws it before waiting */
		return 60000;
	}
	if (idle >= warn) {
		if (k->overlay != KO_IDLE) {
			k->overlay = KO_IDLE;
			k->beep = true;
			k->ui->out.redraw = true;
		}
		return 1000 - (int)(idle % 1000);
	}
	return (int)(warn - idle) + 1;
}
