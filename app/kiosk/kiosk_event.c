/* kiosk_event.c - SDL events into the ui context: mouse, touch, keys
 * (with the editing chords), text and IME composition, and a resized
 * window; a press in the top-left corner starts the long press into staff
 * mode, as Ctrl+Alt+S goes there at once. The only kiosk file but main.c
 * that sees SDL. */
#include "kiosk_platform.h"

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
	int corner = ui_mm(k->ui, KIOSK_CORNER_MM);
	ui_input_mouse(k->ui, x, y, down);
	if (down && x < corner && y < corner)
		k->corner_down = k->clock(k->clock_arg) | 1;
	else
		k->corner_down = 0;
}

static void key_down(kiosk *k, const SDL_KeyboardEvent *e)
{
	SDL_Keymod mod = e->keysym.mod;
	k->ui->in.shift = (mod & KMOD_SHIFT) != 0;
	if ((mod & KMOD_CTRL) && (mod & KMOD_ALT) && e->keysym.sym == SDLK_s) {
		kiosk_go(k, KS_STAFF);
		return;
	}
	unsigned key = map_key(e->keysym.sym, mod);
	/* Space types a space in a text field; elsewhere it presses. */
	const ui_state *s = &k->ui->state;
	if (key == UI_KEY_SPACE && s->field_focus_prev == s->focus && s->focus)
		key = 0;
	ui_input_key(k->ui, key, true);
	if (!key)
		k->ui->state.physical_keys = true;
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
		u->in.mouse_x = e->motion.x;
		u->in.mouse_y = e->motion.y;
		input = false;
		break;
	case SDL_FINGERMOTION:
		u->in.mouse_x = (int)(e->tfinger.x * (float)u->set.w);
		u->in.mouse_y = (int)(e->tfinger.y * (float)u->set.h);
		input = u->in.mouse_down;
		break;
	case SDL_FINGERDOWN: case SDL_FINGERUP:
		press_at(k, (int)(e->tfinger.x * (float)u->set.w), (int)(e->tfinger.y * (float)u->set.h),
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
		u->state.physical_keys = true;
		break;
	case SDL_TEXTEDITING:
		ui_input_editing(u, e->edit.text);
		break;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			u->set.w = e->window.data1;
			u->set.h = e->window.data2;
		}
		input = false;
		u->out.redraw = true;
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
	u->out.redraw = true;
}
