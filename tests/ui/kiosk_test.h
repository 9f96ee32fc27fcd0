/* kiosk_test.h - shared by the tests of tellus-kiosk: a kiosk on a fresh
 * database in a temporary folder, an injected clock, fonts for measuring,
 * and synthetic SDL events (touch, keys, text) pushed through SDL's own
 * queue under the offscreen video driver, as a window would deliver them. */
#ifndef TELLUS_KIOSK_TEST_H
#define TELLUS_KIOSK_TEST_H

#include "../unit/fixture.h"
#include "../../app/kiosk/kiosk.h"
#include "../../app/kiosk/kiosk_platform.h"

typedef struct {
	char dir[64], path[128];
	tl_store *st;
	ui_fonts *fonts;
	kiosk *k;
	uint64_t now; /* the injected clock, in ms */
} kt;

static inline uint64_t kt_clock(void *arg)
{
	return ((kt *)arg)->now;
}

static inline void kt_size(kt *t, int w, int h)
{
	t->k->ui->set.w = w;
	t->k->ui->set.h = h;
	t->k->ui->set.dpi = 96.0f;
	kiosk_frame(t->k);
}

/* with_store: a real database; otherwise a kiosk for sample screens. */
static inline kt *kt_new(bool with_store)
{
	tl_err err;
	kt *t = calloc(1, sizeof *t);
	assert_non_null(t);
	t->now = 1700000000000ull;
	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	setenv("TELLUS_TODAY", "2026-01-15", 1);
	assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
	/* The catalogues the build compiled (BUILD/locale), as tellus-kiosk
	 * finds them: a test in another language sees its real words. */
	assert_int_equal(lang_open(NULL, &err), TL_OK);
	if (with_store) {
		snprintf(t->dir, sizeof t->dir, "/tmp/tellus-kiosk-XXXXXX");
		assert_non_null(mkdtemp(t->dir));
		snprintf(t->path, sizeof t->path, "%s/tellus.db", t->dir);
		assert_int_equal(store_open(t->path, &t->st, &err), TL_OK);
	}
	assert_int_equal(ui_fonts_open(&t->fonts, &err), TL_OK);
	assert_int_equal(kiosk_new(t->st, kt_clock, t, &t->k, &err), TL_OK);
	t->k->ui->set.platform = ui_platform_sdl(t->fonts);
	kt_size(t, 1280, 800);
	return t;
}

static inline void kt_free(kt *t)
{
	kiosk_free(t->k);
	ui_fonts_close(t->fonts);
	store_close(t->st);
	if (t->dir[0]) {
		char p[160];
		const char *ext[] = { "", "-wal", "-shm" };
		for (int i = 0; i < 3; i++) {
			snprintf(p, sizeof p, "%s%s", t->path, ext[i]);
			unlink(p);
		}
		rmdir(t->dir);
	}
	SDL_Quit();
	free(t);
}

/* Feeds whatever SDL has queued to the kiosk, a frame after each event. */
static inline void kt_pump(kt *t)
{
	SDL_Event e;
	while (SDL_PollEvent(&e)) {
		kiosk_event(t->k, &e);
		kiosk_frame(t->k);
	}
	kiosk_frame(t->k);
}

/* The last control with that label (a dialog's come after the screen's). */
static inline const ui_control *kt_find(kt *t, const char *label)
{
	const ui_control *found = NULL;
	for (int i = 0; i < t->k->ui->out.n_ctrls; i++)
		if (strcmp(t->k->ui->out.ctrls[i].label, label) == 0)
			found = &t->k->ui->out.ctrls[i];
	return found;
}

static inline const ui_control *kt_need(kt *t, const char *label)
{
	const ui_control *c = kt_find(t, label);
	if (!c) {
		for (int i = 0; i < t->k->ui->out.n_ctrls; i++)
			print_message("  control: %s\n", t->k->ui->out.ctrls[i].label);
		fail_msg("no control '%s' on screen %s (%s)", label, kiosk_screen_name(t->k->screen),
			 t->k->hint);
	}
	return c;
}

/* Scrolls the body until the control is in view, as a person would. */
static inline const ui_control *kt_in_view(kt *t, const char *label)
{
	const ui_control *c = kt_need(t, label);
	for (int i = 0; i < 20 && c->layer == 0; i++) {
		int mid = c->rect.y + c->rect.h / 2;
		if (mid >= c->clip.y && mid < c->clip.y + c->clip.h)
			break;
		t->k->ui->state.scroll_y += mid - (c->clip.y + c->clip.h / 2);
		t->k->ui->out.redraw = true;
		kiosk_frame(t->k);
		c = kt_need(t, label);
	}
	return c;
}

/* A finger down and up in the middle of the control. */
static inline void kt_tap(kt *t, const char *label)
{
	const ui_control *c = kt_in_view(t, label);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = 1;
	e.tfinger.x = (float)(c->rect.x + c->rect.w / 2) / (float)t->k->ui->set.w;
	e.tfinger.y = (float)(c->rect.y + c->rect.h / 2) / (float)t->k->ui->set.h;
	e.type = SDL_FINGERDOWN;
	SDL_PushEvent(&e);
	e.type = SDL_FINGERUP;
	SDL_PushEvent(&e);
	kt_pump(t);
}

static inline void kt_key(kt *t, SDL_Keycode sym, Uint16 mod)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_KEYDOWN;
	e.key.state = SDL_PRESSED;
	e.key.keysym.sym = sym;
	e.key.keysym.mod = mod;
	SDL_PushEvent(&e);
	kt_pump(t);
}

/* Typed text arrives as SDL_TEXTINPUT events of at most 31 bytes. */
static inline void kt_type(kt *t, const char *s)
{
	SDL_Event e;
	size_t n = strlen(s);
	for (size_t at = 0; at < n;) {
		size_t take = n - at > 24 ? 24 : n - at;
		while (take > 1 && ((unsigned char)s[at + take] & 0xC0) == 0x80)
			take--;
		memset(&e, 0, sizeof e);
		e.type = SDL_TEXTINPUT;
		memcpy(e.text.text, s + at, take);
		SDL_PushEvent(&e);
		kt_pump(t);
		at += take;
	}
}

/* Tab until the control has focus (keyboard only), then Enter. */
static inline void kt_tab_enter(kt *t, const char *label, SDL_Keycode press)
{
	for (int i = 0; i < 80; i++) {
		const ui_control *c = kt_need(t, label);
		if (t->k->ui->state.focus == c->id) {
			if (press)
				kt_key(t, press, 0);
			return;
		}
		kt_key(t, SDLK_TAB, 0);
	}
	fail_msg("Tab never reached '%s'", label);
}

/* The n bytes of text as a reader sees them, into out (cap > n): the
 * invisible direction isolates (U+2066..U+2069) that keep a phone number
 * or a name in its own order are left out. Returns the length. */
static inline size_t kt_visible(const char *text, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 2 < n && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x81 &&
		    (unsigned char)text[i + 2] >= 0xA6 && (unsigned char)text[i + 2] <= 0xA9) {
			i += 2;
			continue;
		}
		out[o++] = text[i];
	}
	out[o] = '\0';
	return o;
}

/* The frame's text as a reader sees it, into a static buffer: the runs
 * of one line (a phone number isolated in a sentence is a run of its own)
 * joined as they are, lines joined by sep. */
static inline const char *kt_text(kt *t, char sep)
{
	static char all[UI_ARENA];
	size_t n = 0;
	const ui_cmd *prev = NULL;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		if (c->type != UI_CMD_TEXT || n + (size_t)c->len + 2 > sizeof all)
			continue;
		bool same_line = prev && prev->rect.y == c->rect.y && prev->box.x == c->box.x &&
			prev->box.y == c->box.y;
		if (prev && !same_line)
			all[n++] = sep;
		n += kt_visible(c->text, (size_t)c->len, all + n);
		prev = c;
	}
	all[n] = '\0';
	return all;
}

/* Does a line of text drawn in this frame contain s? */
static inline bool kt_shows(kt *t, const char *s)
{
	return strstr(kt_text(t, '\n'), s) != NULL;
}

/* Does the frame's text, its lines joined by spaces, say s? For sentences
 * that wrap. */
static inline bool kt_says(kt *t, const char *s)
{
	return strstr(kt_text(t, ' '), s) != NULL;
}

/* The public flow by touch as far as "what happened", its field focused. */
static inline void kt_to_what(kt *t)
{
	kt_tap(t, "Something is wrong");
	assert_int_equal(t->k->screen, KS_WHO);
	kt_tap(t, t->k->signed_in ? "A child or young person" : "I'm a child or young person");
	assert_int_equal(t->k->screen, KS_SERVICE);
	kt_tap(t, "Living in care");
	assert_int_equal(t->k->screen, KS_WHAT);
	kt_tap(t, "what");
}

/* A child's complaint by touch, up to "check and send". */
static inline void kt_touch_complaint(kt *t, const char *words)
{
	kt_to_what(t);
	kt_type(t, words);
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_WISH);
	kt_tap(t, "wish");
	kt_type(t, "A meeting with my social worker");
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_CONTACT);
	kt_tap(t, "Skip");
	assert_int_equal(t->k->screen, KS_CHECK);
}

/* Ctrl+Alt+S, a name, the PIN on its pad, OK. */
static inline void kt_sign_in(kt *t, const char *name, const char *pin)
{
	kt_key(t, SDLK_s, KMOD_LCTRL | KMOD_LALT);
	assert_int_equal(t->k->screen, KS_STAFF);
	kt_tap(t, name);
	assert_int_equal(t->k->screen, KS_PIN);
	for (const char *p = pin; *p; p++)
		kt_tap(t, (char[]){ *p, 0 });
	kt_tap(t, "OK");
}

static inline long long kt_count(kt *t, const char *sql)
{
	return fixture_count(t->st, sql);
}

/* An 800x600 UI context on the test's fonts and SDL's clipboard; ui_free() it. */
static inline ui_ctx *kt_ui_new(kt *t)
{
	ui_ctx *u = ui_new();
	assert_non_null(u);
	u->set.w = 800;
	u->set.h = 600;
	u->set.platform = ui_platform_sdl(t->fonts);
	return u;
}

#endif
