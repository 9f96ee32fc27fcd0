/* main.c - `tellus-kiosk`: options, the window, and the loop that waits
 * for events (never spins), builds a frame after each and draws only when
 * the frame changed. --screenshot renders one named screen with sample
 * content into a PNG and exits; F12 saves the screen while running.
 * --say reads a screen aloud (or into a WAV file) in a --lang's voice. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kiosk_platform.h"
#include "../ui/ui_render.h"

typedef struct {
	const char *db, *shot, *screen;
	const char *lang, *wav;
	bool say, list_langs;
	int w, h;
	float dpi;
	bool fullscreen, timing, large, contrast, controls;
} options;

typedef struct {
	SDL_Window *win;
	SDL_Renderer *ren;
	ui_fonts *fonts;
	ui_renderer *ur;
	tl_store *st;
	kiosk *k;
	SDL_AudioDeviceID audio; /* opened on the first idle warning */
	SDL_AudioDeviceID voice; /* opened the first time a screen is read aloud */
	speech *sp;              /* eSpeak NG, started at the first reading */
	float tone[11025];
} app;

#ifdef __SANITIZE_ADDRESS__
/* libdbus keeps its connection until dbus_shutdown(), which SDL 2.26 never
 * calls (SDL opens it for screensaver and input methods): not ours. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libdbus-1.so\n";
}
#endif

static uint64_t wall_ms(void *arg)
{
	struct timespec ts;
	(void)arg;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void usage(FILE *out)
{
	fprintf(out, "usage: tellus-kiosk [--db FILE] [--fullscreen] [--size WxH] [--dpi N]\n"
		"                    [--large-text] [--high-contrast] [--lang L]\n"
		"       tellus-kiosk --screenshot FILE.png --screen NAME [--size WxH] [--lang L] [--timing]\n"
		"       tellus-kiosk --list-controls --screen NAME [--size WxH] [--lang L]\n"
		"       tellus-kiosk --say NAME [--lang L] [--wav FILE.wav]\n"
		"       tellus-kiosk --list-screens | --list-public-screens | --list-languages\n"
		"       tellus-kiosk --help | --version\n"
		"The touch app of Tellus. The database is --db FILE, else $TELLUS_DB, else\n"
		"$XDG_DATA_HOME/tellus/tellus.db. Staff mode: hold the top-left corner for 3 s,\n"
		"or press Ctrl+Alt+S. F12 saves a screenshot ($TELLUS_SCREENSHOT).\n"
		"--lang L starts each visit in language L (en, cy, pl...: --list-languages);\n"
		"--say NAME reads screen NAME aloud in its voice, or writes it to --wav FILE.\n"
		"--screen getting-ready draws what a long first opening shows.\n");
}

/* 0: go on; 1: done, exit 0; 2: bad usage. */
static int parse(int argc, char **argv, options *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 1;
		} else if (!strcmp(a, "--version")) {
			printf("tellus-kiosk %s\n", TELLUS_VERSION);
			return 1;
		} else if (!strcmp(a, "--list-screens")) {
			for (const char *const *n = KIOSK_SAMPLE_NAMES; *n; n++)
				printf("%s\n", *n);
			return 1;
		} else if (!strcmp(a, "--list-public-screens")) {
			for (const char *const *n = KIOSK_SAMPLE_NAMES; *n; n++)
				if (kiosk_sample_public(*n))
					printf("%s\n", *n);
			return 1;
		} else if (!strcmp(a, "--list-languages")) {
			o->list_langs = true;
		} else if (v && !strcmp(a, "--say")) {
			o->say = true;
			o->screen = argv[++i];
		} else if (v && !strcmp(a, "--lang")) {
			o->lang = argv[++i];
		} else if (v && !strcmp(a, "--wav")) {
			o->wav = argv[++i];
		} else if (!strcmp(a, "--fullscreen")) {
			o->fullscreen = true;
		} else if (!strcmp(a, "--timing")) {
			o->timing = true;
		} else if (!strcmp(a, "--list-controls")) {
			o->controls = true;
		} else if (!strcmp(a, "--large-text")) {
			o->large = true;
		} else if (!strcmp(a, "--high-contrast")) {
			o->contrast = true;
		} else if (v && !strcmp(a, "--db")) {
			o->db = argv[++i];
		} else if (v && !strcmp(a, "--screenshot")) {
			o->shot = argv[++i];
		} else if (v && !strcmp(a, "--screen")) {
			o->screen = argv[++i];
		} else if (v && !strcmp(a, "--dpi")) {
			o->dpi = (float)atof(argv[++i]);
		} else if (v && !strcmp(a, "--size")) {
			if (sscanf(argv[++i], "%dx%d", &o->w, &o->h) != 2 || o->w < 200 ||
			    o->h < 200 || o->w > 8192 || o->h > 8192) {
				fprintf(stderr, "tellus-kiosk: --size: '%.40s' is not WxH from 200x200 "
					"to 8192x8192, like 1280x800\n", argv[i]);
				return 2;
			}
		} else {
			fprintf(stderr, "tellus-kiosk: unknown option '%.40s' (try --help)\n", a);
			return 2;
		}
	}
	if ((o->shot || o->controls) && !o->screen) {
		fprintf(stderr, "tellus-kiosk: --screenshot and --list-controls need --screen NAME "
			"(see --list-screens)\n");
		return 2;
	}
	if (o->wav && !o->say) {
		fprintf(stderr, "tellus-kiosk: --wav needs --say NAME (see --list-screens)\n");
		return 2;
	}
	if (o->controls && !o->shot)
		o->shot = "";
	return 0;
}

/* The "getting ready" picture of s into the renderer (not presented). */
static void draw_ready(app *a, const tl_progress_state *s)
{
	ui_ctx *u = ui_new();
	char line[200];

	if (!u)
		return;
	u->set.platform = ui_platform_sdl(a->fonts);
	SDL_GetRendererOutputSize(a->ren, &u->set.w, &u->set.h);
	u->set.dpi = 96.0f;
	ui_begin(u);
	const ui_theme *t = &u->frame.theme;
	int x = u->set.w / 8, w = u->set.w - 2 * x, y = u->set.h / 3;
	int bar = s->total > 0 ? (int)((double)w * (double)s->done / (double)s->total) : 0;
	ui_draw_text(u, x, y, UI_FONT_TITLE, true, _("Getting ready"), -1, t->text);
	y += ui_line_height(u, UI_FONT_TITLE) * 2;
	ui_draw_rect(u, (ui_rect){ x, y, w, ui_mm(u, 6) }, t->border, 0, 2);
	ui_draw_rect(u, (ui_rect){ x, y, bar, ui_mm(u, 6) }, t->primary, 0, 0);
	/* TRANSLATORS: how far a long first opening has got: %1$s what it
	 * does and %4$s what it counts come from the register, in English;
	 * %2$ld of %3$ld ("12000 of 36000 stages"). */
	snprintf(line, sizeof line, _("%1$s: %2$ld of %3$ld %4$s"), s->what, s->done, s->total,
		 s->unit);
	ui_draw_text(u, x, y + ui_mm(u, 9), UI_FONT_BODY, false, line, -1, t->muted);
	ui_end(u);
	SDL_SetRenderDrawColor(a->ren, t->bg.r, t->bg.g, t->bg.b, 255);
	SDL_RenderClear(a->ren);
	ui_render(a->ur, u);
	ui_free(u);
}

/* While opening the file takes long (the report's totals counted again
 * after an update brought a new calendar: seconds on a big register), the
 * window says so, with how far it has got, instead of staying blank. */
static void getting_ready(const tl_progress_state *s, void *arg)
{
	app *a = arg;
	if (!a->ren || s->finished)
		return;
	draw_ready(a, s);
	SDL_RenderPresent(a->ren);
	SDL_PumpEvents();
}

static int open_store(const options *o, app *a, tl_err *err)
{
	tl_progress_sink ready = { getting_ready, a };
	char path[1024];
	int rc;
	if (o->shot || o->say)
		return TL_OK; /* sample screens need no database */
	if (o->db)
		snprintf(path, sizeof path, "%s", o->db);
	else if ((rc = store_default_path(path, sizeof path, err)))
		return rc;
	if ((rc = store_open_progress(path, &ready, &a->st, err)))
		return rc;
	store_set_progress(a->st, NULL);
	store_set_actor(a->st, "kiosk");
	return TL_OK;
}

static int open_window(const options *o, app *a, tl_err *err)
{
	Uint32 flags = SDL_WINDOW_RESIZABLE | (o->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	/* No GPU (no /dev/dri): the accelerated renderer would be Mesa's
	 * llvmpipe, drawing in software all the same after 300 ms of loading
	 * and compiling, which kept the first frame past SPEC 10's 200 ms.
	 * SDL's own software renderer then, unless SDL_RENDER_DRIVER names
	 * another; named, "software" gets the same fast start. */
	const char *driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
	bool soft = o->shot || (driver ? strcmp(driver, "software") == 0 :
				access("/dev/dri", F_OK) != 0);
	if (soft) {
		if (o->shot)
			flags = SDL_WINDOW_HIDDEN;
		/* The software renderer draws into the window's own framebuffer;
		 * emulating that with OpenGL would load EGL for nothing. */
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	}
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0)
		return err_set(err, TL_EIO, "SDL: cannot start: %s", SDL_GetError());
	a->win = SDL_CreateWindow("Tell us", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				  o->w, o->h, flags);
	if (!a->win)
		return err_set(err, TL_EIO, "window: cannot open: %s", SDL_GetError());
	if (!soft)
		a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED);
	if (!a->ren)
		a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
	if (!a->ren)
		return err_set(err, TL_EIO, "window: cannot draw: %s", SDL_GetError());
	return ui_renderer_new(a->ren, a->fonts, &a->ur, err);
}

static void set_size(const options *o, app *a)
{
	ui_ctx *u = a->k->ui;
	float ddpi = 0;
	SDL_GetRendererOutputSize(a->ren, &u->set.w, &u->set.h);
	u->set.dpi = o->dpi > 0 ? o->dpi :
		SDL_GetDisplayDPI(0, &ddpi, NULL, NULL) == 0 && ddpi > 50 ? ddpi : 96.0f;
	u->set.large_text = a->k->default_large = o->large;
	u->set.high_contrast = a->k->default_contrast = o->contrast;
}

static void draw(app *a)
{
	ui_color bg = a->k->ui->frame.theme.bg;
	SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(a->ren);
	ui_render(a->ur, a->k->ui);
}

static int screenshot(const options *o, app *a, double t0, tl_err *err)
{
	/* Shown before there is a kiosk (open_store): drawn from a sample. */
	if (!o->controls && !strcmp(o->screen, "getting-ready")) {
		tl_progress_state s = { .what = "counting the report's totals again",
					.unit = "stages", .done = 12000, .total = 36000 };
		draw_ready(a, &s);
		return ui_render_png(a->ren, a->k->ui->set.w, a->k->ui->set.h, o->shot, err);
	}
	if (kiosk_sample(a->k, o->screen) < 0)
		return err_set(err, TL_EINVAL, "--screen: no screen named '%.40s' (see "
			       "--list-screens)", o->screen);
	kiosk_frame(a->k);
	if (o->controls) { /* where each control is, for tests that click */
		const ui_ctx *u = a->k->ui;
		for (int i = 0; i < u->out.n_ctrls; i++)
			printf("%d %d %d %d %s\n", u->out.ctrls[i].rect.x, u->out.ctrls[i].rect.y,
			       u->out.ctrls[i].rect.w, u->out.ctrls[i].rect.h, u->out.ctrls[i].label);
		return TL_OK;
	}
	draw(a);
	double first = now_ms() - t0;
	int rc = ui_render_png(a->ren, a->k->ui->set.w, a->k->ui->set.h, o->shot, err);
	if (rc == TL_OK && o->timing) {
		enum { N = 50 };
		double t1 = now_ms();
		for (int i = 0; i < N; i++) {
			a->k->ui->out.redraw = true;
			kiosk_frame(a->k);
			draw(a);
			SDL_RenderFlush(a->ren); /* SDL batches: make it draw now */
		}
		fprintf(stderr, "start to first frame: %.1f ms\nframe (build + draw, %dx%d, %s): "
			"%.2f ms, average of %d\n", first, a->k->ui->set.w, a->k->ui->set.h,
			SDL_GetCurrentVideoDriver(), (now_ms() - t1) / N, N);
	}
	return rc;
}

/* --say: the sample screen's words in the visit's voice, into a WAV file
 * or through the speakers (waiting until they are read). */
static int say(const options *o, app *a, tl_err *err)
{
	speech_pcm p = { 0 };
	ui_ctx *u = a->k->ui;
	int rc;
	if (kiosk_sample(a->k, o->screen) < 0)
		return err_set(err, TL_EINVAL, "--say: no screen named '%.40s' (see "
			       "--list-screens)", o->screen);
	u->set.w = o->w;
	u->set.h = o->h;
	u->set.dpi = o->dpi > 0 ? o->dpi : 96.0f;
	kiosk_frame(a->k);
	if ((rc = speech_open(&a->sp, err)) == TL_OK && (rc = kiosk_say(a->k, a->sp, &p, err)) == TL_OK) {
		if (o->wav)
			rc = speech_write_wav(&p, o->wav, err);
		else if ((rc = kiosk_audio_play(&a->voice, &p, err)) == TL_OK) {
			while (kiosk_audio_playing(a->voice))
				SDL_Delay(50);
			SDL_Delay(250); /* the device's own buffer, still playing */
		}
	}
	speech_pcm_free(&p);
	return rc;
}

static void save_shot(app *a)
{
	tl_err err;
	const char *path = getenv("TELLUS_SCREENSHOT");
	if (ui_render_png(a->ren, a->k->ui->set.w, a->k->ui->set.h,
			  path && *path ? path : "tellus-kiosk-screenshot.png", &err))
		fprintf(stderr, "tellus-kiosk: %s\n", err.msg);
}

/* The idle warning's sound: two soft tones. No audio device, no sound. */
static void beep(app *a)
{
	enum { RATE = 22050, N = RATE / 2 };
	if (!a->audio) {
		SDL_AudioSpec want = { .freq = RATE, .format = AUDIO_F32SYS, .channels = 1,
				       .samples = 1024 };
		if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 ||
		    !(a->audio = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0)))
			return;
		for (int i = 0; i < N; i++) {
			float f = i < N / 2 ? 660.0f : 520.0f;
			float env = sinf(3.14159f * (float)(i % (N / 2)) / (float)(N / 2));
			a->tone[i] = 0.2f * env * sinf(2.0f * 3.14159f * f * (float)i / (float)RATE);
		}
		SDL_PauseAudioDevice(a->audio, 0);
	}
	SDL_QueueAudio(a->audio, a->tone, sizeof a->tone);
}

/* Each turn: the timers first (an idle wipe changes the screen), then a
 * frame, drawn at once when it changed, then a wait for the next event or
 * timer. So nothing the timers changed waits for a touch to be shown. */
/* Reads aloud what the kiosk asks for after a frame (kiosk_reading), in
 * the visit's voice; no voice or no sound device, no reading. */
static void read_aloud(app *a)
{
	char text[8192];
	speech_pcm p = { 0 };
	tl_err err;
	const tl_lang *l = a->k->lang;
	if (!kiosk_reading(a->k, text, sizeof text) || !l || !l->voice)
		return;
	if (!a->sp && speech_open(&a->sp, &err)) {
		fprintf(stderr, "tellus-kiosk: %s\n", err.msg);
		return;
	}
	if (speech_say(a->sp, l->voice, text, &p, &err) ||
	    kiosk_audio_play(&a->voice, &p, &err))
		fprintf(stderr, "tellus-kiosk: %s\n", err.msg);
	speech_pcm_free(&p);
}

static void run(const options *o, app *a, double t0)
{
	bool typing = true, first = true, dirty = true;
	kiosk *k = a->k;
	while (!k->quit) {
		SDL_Event e;
		int wait = kiosk_tick(k);
		if (kiosk_frame(k))
			dirty = true;
		if (dirty) {
			draw(a);
			SDL_RenderPresent(a->ren);
			if (first && o->timing)
				fprintf(stderr, "start to first frame: %.1f ms\n", now_ms() - t0);
			first = dirty = false;
		}
		read_aloud(a);
		/* Where there is no on-screen keyboard of the system (a kiosk, a
		 * desktop) text input stays on, so that no typed key is lost
		 * while a field is taking focus. */
		bool want = k->ui->state.field_focus_prev != 0 || !SDL_HasScreenKeyboardSupport();
		if (want != typing) {
			if (want)
				SDL_StartTextInput();
			else
				SDL_StopTextInput();
			typing = want;
		}
		if (k->beep) {
			k->beep = false;
			beep(a);
			continue;
		}
		if (!SDL_WaitEventTimeout(&e, wait))
			continue;
		do {
			if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_F12) {
				save_shot(a);
				continue;
			}
			kiosk_event(k, &e);
			if (kiosk_frame(k))
				dirty = true;
		} while (SDL_PollEvent(&e));
	}
}

int main(int argc, char **argv)
{
	options o = { .w = 1280, .h = 800 };
	app a = { 0 };
	tl_err err = { { 0 } };
	double t0 = now_ms();
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc == 1 ? 0 : 2;
	/* Without catalogues the kiosk still runs, in English. */
	if (lang_open(NULL, &err))
		fprintf(stderr, "tellus-kiosk: %s\n", err.msg);
	if (o.list_langs) {
		kiosk_list_languages(stdout);
		goto cleanup;
	}
	/* --lang's words from the start, "Getting ready" too (a code that is
	 * not a language is refused by kiosk_lang_start); then the window (none
	 * for --say) before the store, so that a long first opening shows
	 * getting_ready. */
	if ((o.lang && lang_find(o.lang) && (rc = lang_use(o.lang, &err))) ||
	    (rc = ui_fonts_open(&a.fonts, &err)) || (!o.say && (rc = open_window(&o, &a, &err))) ||
	    (rc = open_store(&o, &a, &err)) || (rc = kiosk_new(a.st, wall_ms, NULL, &a.k, &err)) ||
	    (o.lang && (rc = kiosk_lang_start(a.k, o.lang, &err))))
		goto cleanup;
	a.k->ui->set.platform = ui_platform_sdl(a.fonts);
	if (o.say) {
		rc = say(&o, &a, &err);
		goto cleanup;
	}
	set_size(&o, &a);
	if (o.shot)
		rc = screenshot(&o, &a, t0, &err);
	else {
		/* Without its register the kiosk still takes records: they wait. */
		if (kiosk_autosync_start(a.k, &err))
			fprintf(stderr, "tellus-kiosk: %s: records wait on this device\n", err.msg);
		run(&o, &a, t0);
	}
cleanup:
	if (rc)
		fprintf(stderr, "tellus-kiosk: %s\n", err.msg);
	if (a.k)
		kiosk_autosync_stop(a.k);
	kiosk_free(a.k);
	if (a.audio)
		SDL_CloseAudioDevice(a.audio);
	if (a.voice)
		SDL_CloseAudioDevice(a.voice);
	speech_close(a.sp);
	ui_renderer_free(a.ur);
	if (a.ren)
		SDL_DestroyRenderer(a.ren);
	if (a.win)
		SDL_DestroyWindow(a.win);
	ui_fonts_close(a.fonts);
	store_close(a.st);
	SDL_Quit();
	return rc ? 1 : 0;
}
