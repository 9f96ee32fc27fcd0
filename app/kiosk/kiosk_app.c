/* kiosk_app.c - the app around the screens: SDL events into the ui
 * context, frames built until they settle, the idle warning and wipe, the
 * hidden ways into staff mode (a long press in the top-left corner, or
 * Ctrl+Alt+S), and the shared header, footer and dialogs. */
#include <stdlib.h>
#include <string.h>
#include "kiosk.h"

static uint64_t shown_hash(const ui_ctx *u)
{
	uint64_t h = 1469598103934665603ull;
	for (int i = 0; i < u->n_cmds; i++) {
		const ui_cmd *c = &u->cmds[i];
		int v[9] = { c->type, c->rect.x, c->rect.y, c->rect.w, c->rect.h,
			     c->color.r << 16 | c->color.g << 8 | c->color.b, c->color.a,
			     c->border, c->len };
		for (int j = 0; j < 9; j++)
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
		k->idle_seconds = atoi(v) >= 30 ? atoi(v) : 90;
	if (!st || store_setting_get(st, "authority_name", k->authority, sizeof k->authority, NULL))
		k->authority[0] = '\0';
	if (!st || store_setting_get(st, "contact_phone", k->phone, sizeof k->phone, NULL))
		k->phone[0] = '\0';
	case_init(&k->cur);
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
	memset(k, 0, sizeof *k);
	free(k);
}

void kiosk_go(kiosk *k, int screen)
{
	k->screen = screen;
	k->rows_for = -1;
	k->hint[0] = '\0';
	ui_reset(k->ui);
	k->ui->redraw = true;
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
	k->told_staff = false;
	k->signed_in = false;
	memset(&k->staff, 0, sizeof k->staff);
	k->n_rows = 0;
	k->have_cur = false;
	case_clear(&k->cur);
	k->overlay = KO_NONE;
	k->last_input = k->clock ? k->clock(k->clock_arg) : 0;
	kiosk_go(k, KS_START);
}

/* Ctrl+A, C, X, V edit a text field; so do the Copy, Cut, Paste keys. */
static unsigned map_chord(SDL_Keycode sym, SDL_Keymod mod)
{
	bool ctrl = (mod & KMOD_CTRL) != 0;
	if ((ctrl && sym == SDLK_a))
		return UI_KEY_SELECT_ALL;
	if ((ctrl && sym == SDLK_c) || sym == SDLK_COPY)
		return UI_KEY_COPY;
	if ((ctrl && sym == SDLK_x) || sym == SDLK_CUT)
		return UI_KEY_CUT;
	if ((ctrl && sym == SDLK_v) || sym == SDLK_PASTE)
		return UI_KEY_PASTE;
	return 0;
}

static unsigned map_key(SDL_Keycode sym, SDL_Keymod mod)
{
	unsigned chord = map_chord(sym, mod);
	if (chord)
		return chord;
	switch (sym) {
	case SDLK_TAB: return UI_KEY_TAB;
	case SDLK_RETURN: case SDLK_KP_ENTER: return UI_KEY_ENTER;
	case SDLK_ESCAPE: case SDLK_AC_BACK: return UI_KEY_ESCAPE;
	case SDLK_LEFT: return UI_KEY_LEFT;
	case SDLK_RIGHT: return UI_KEY_RIGHT;
	case SDLK_UP: return UI_KEY_UP;
	case SDLK_DOWN: return UI_KEY_DOWN;
	case SDLK_BACKSPACE: return UI_KEY_BACKSPACE;
	case SDLK_DELETE: return UI_KEY_DELETE;
	case SDLK_HOME: return UI_KEY_HOME;
	case SDLK_END: return UI_KEY_END;
	case SDLK_SPACE: return UI_KEY_SPACE;
	case SDLK_PAGEUP: return UI_KEY_PAGEUP;
	case SDLK_PAGEDOWN: return UI_KEY_PAGEDOWN;
	default: return 0;
	}
}

static void press_at(kiosk *k, int x, int y, bool down)
{
	int corner = ui_mm(k->ui, 15.0f);
	ui_input_mouse(k->ui, x, y, down);
	if (down && x < corner && y < corner)
		k->corner_down = k->clock(k->clock_arg) | 1;
	else
		k->corner_down = 0;
}

static void key_down(kiosk *k, const SDL_KeyboardEvent *e)
{
	SDL_Keymod mod = e->keysym.mod;
	k->ui->shift = (mod & KMOD_SHIFT) != 0;
	if ((mod & KMOD_CTRL) && (mod & KMOD_ALT) && e->keysym.sym == SDLK_s) {
		kiosk_go(k, KS_STAFF);
		return;
	}
	unsigned key = map_key(e->keysym.sym, mod);
	/* Space types a space in a text field; elsewhere it presses. */
	if (key == UI_KEY_SPACE && k->ui->field_focus_prev == k->ui->focus && k->ui->focus)
		key = 0;
	ui_input_key(k->ui, key, true);
	if (!key)
		k->ui->physical_keys = true;
}

void kiosk_event(kiosk *k, const SDL_Event *e)
{
	ui_ctx *u = k->ui;
	bool input = true;
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP:
		if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
			return;
		press_at(k, e->button.x, e->button.y, e->type == SDL_MOUSEBUTTONDOWN);
		break;
	case SDL_MOUSEMOTION:
		if (e->motion.which == SDL_TOUCH_MOUSEID)
			return;
		u->mouse_x = e->motion.x;
		u->mouse_y = e->motion.y;
		input = false;
		break;
	case SDL_FINGERMOTION:
		u->mouse_x = (int)(e->tfinger.x * (float)u->w);
		u->mouse_y = (int)(e->tfinger.y * (float)u->h);
		input = u->mouse_down;
		break;
	case SDL_FINGERDOWN: case SDL_FINGERUP:
		press_at(k, (int)(e->tfinger.x * (float)u->w), (int)(e->tfinger.y * (float)u->h),
			 e->type == SDL_FINGERDOWN);
		break;
	case SDL_MOUSEWHEEL:
		ui_input_wheel(u, e->wheel.y);
		break;
	case SDL_KEYDOWN:
		key_down(k, &e->key);
		break;
	case SDL_TEXTINPUT:
		ui_input_text(u, e->text.text);
		u->physical_keys = true;
		break;
	case SDL_TEXTEDITING:
		ui_input_editing(u, e->edit.text);
		break;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			u->w = e->window.data1;
			u->h = e->window.data2;
		}
		input = false;
		u->redraw = true;
		break;
	case SDL_QUIT:
		k->quit = true;
		return;
	default:
		return;
	}
	/* Any touch or key is a sign of life; the warning itself stays until
	 * its button is pressed, so that the touch cannot land on the screen
	 * beneath it. */
	if (input)
		k->last_input = k->clock(k->clock_arg);
	u->redraw = true;
}

static void build(kiosk *k)
{
	ui_ctx *u = k->ui;
	ui_begin(u);
	ui_set_enabled(u, k->overlay == KO_NONE);
	if (k->screen < KS_STAFF)
		kiosk_screen_public(k);
	else
		kiosk_screen_staff(k);
	ui_set_enabled(u, true);
	kiosk_overlays(k);
	if (k->overlay == KO_NONE)
		ui_osk(u, &k->osk_shift, &k->osk_page);
	ui_end(u);
}

bool kiosk_frame(kiosk *k)
{
	static const int MAX_PASSES = 6;
	k->ui->redraw = true;
	for (int i = 0; i < MAX_PASSES && k->ui->redraw; i++)
		build(k);
	uint64_t h = shown_hash(k->ui);
	bool changed = h != k->shown;
	k->shown = h;
	return changed;
}

/* The screen has nothing private on it: nothing to warn about. */
static bool at_rest(const kiosk *k)
{
	return k->screen == KS_START && !k->signed_in && k->d.kind < 0 && !k->d.summary[0] &&
		!k->d.advocacy;
}

int kiosk_tick(kiosk *k)
{
	uint64_t now = k->clock(k->clock_arg);
	if (k->corner_down && k->ui->mouse_down && now - k->corner_down >= KIOSK_CORNER_MS) {
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
		kiosk_wipe(k);
		return 60000;
	}
	if (idle >= warn) {
		if (k->overlay != KO_IDLE) {
			k->overlay = KO_IDLE;
			k->beep = true;
			k->ui->redraw = true;
		}
		return 1000 - (int)(idle % 1000);
	}
	return (int)(warn - idle) + 1;
}
