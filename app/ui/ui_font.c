/* ui_font.c - fonts by glyph run: each character goes to the first font
 * that has it (staying in the current run's font where it can, so that
 * spaces and marks do not split a word), and each run is shaped with its
 * script and direction. Fonts are opened lazily per pixel size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL_ttf.h>
#include "ui_font.h"
#include "ui.h"

typedef struct {
	const char *file;
	const char *script; /* ISO 15924, for HarfBuzz; NULL: let it guess */
	bool rtl;
} face_def;

/* 0 and 1 are the regular and bold faces; the rest are fallbacks in order. */
static const face_def FACES[] = {
	{ "NotoSans-Regular.ttf", NULL, false },
	{ "NotoSans-Bold.ttf", NULL, false },
	{ "NotoSansArabic-Regular.ttf", "Arab", true },
	{ "NotoSansHebrew-Regular.ttf", "Hebr", true },
	{ "NotoSansGujarati-Regular.ttf", "Gujr", false },
	{ "NotoSansGurmukhi-Regular.ttf", "Guru", false },
	{ "NotoSansDevanagari-Regular.ttf", "Deva", false },
	{ "NotoSansBengali-Regular.ttf", "Beng", false },
	{ "NotoSansTamil-Regular.ttf", "Taml", false },
	{ "NotoSansSinhala-Regular.ttf", "Sinh", false },
	{ "NotoSansThai-Regular.ttf", "Thai", false },
	{ "NotoSansEthiopic-Regular.ttf", "Ethi", false },
	{ "NotoSansArmenian-Regular.ttf", "Armn", false },
	{ "NotoSansGeorgian-Regular.ttf", "Geor", false },
	{ "DejaVuSans.ttf", NULL, false },
	{ "DejaVuSans-Bold.ttf", NULL, false },
};
#define N_FACES ((int)(sizeof FACES / sizeof FACES[0]))
#define N_SIZED 96
#define N_MEASURE 4096
#define MAX_RUNS 64

typedef struct {
	int face, px;
	TTF_Font *font;
} sized_font;

typedef struct {
	uint64_t key;
	int width;
} measure_entry;

struct ui_fonts {
	char path[N_FACES][512];
	char emoji_path[512];
	TTF_Font *emoji;        /* opened at the first picture */
	TTF_Font *probe[N_FACES];
	sized_font sized[N_SIZED];
	int n_sized, next_evict;
	measure_entry cache[N_MEASURE];
};

typedef struct {
	int face, start, len;
} glyph_run;

static bool find_file(const char *name, char out[512])
{
	const char *env = getenv("TELLUS_FONTS");
	const char *dirs[] = { env, TELLUS_DATADIR "/assets/fonts", "assets/fonts",
			       "/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu" };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		snprintf(out, 512, "%s/%s", dirs[i], name);
		if (access(out, R_OK) == 0)
			return true;
	}
	out[0] = '\0';
	return false;
}

int ui_fonts_open(ui_fonts **out, tl_err *err)
{
	*out = NULL;
	if (TTF_Init() != 0)
		return err_set(err, TL_EIO, "fonts: cannot start SDL_ttf: %s", TTF_GetError());
	ui_fonts *f = calloc(1, sizeof *f);
	if (!f)
		return err_set(err, TL_ENOMEM, "fonts: out of memory");
	int found = 0;
	for (int i = 0; i < N_FACES; i++)
		found += find_file(FACES[i].file, f->path[i]);
	find_file("NotoColorEmoji.ttf", f->emoji_path);
	/* Without Noto, DejaVu becomes the main face. */
	if (!f->path[0][0])
		memcpy(f->path[0], f->path[N_FACES - 2], 512);
	if (!f->path[1][0])
		memcpy(f->path[1], f->path[N_FACES - 1][0] ? f->path[N_FACES - 1] : f->path[0], 512);
	if (!found || !f->path[0][0]) {
		free(f);
		TTF_Quit();
		return err_set(err, TL_EIO, "fonts: no font found (install fonts-noto-core "
			       "fonts-dejavu-core, or set TELLUS_FONTS)");
	}
	*out = f;
	return TL_OK;
}

void ui_fonts_close(ui_fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < N_FACES; i++)
		if (f->probe[i])
			TTF_CloseFont(f->probe[i]);
	for (int i = 0; i < f->n_sized; i++)
		TTF_CloseFont(f->sized[i].font);
	if (f->emoji)
		TTF_CloseFont(f->emoji);
	free(f);
	TTF_Quit();
}

static TTF_Font *open_face(ui_fonts *f, int face, int px)
{
	TTF_Font *font = TTF_OpenFont(f->path[face], px);
	if (font && FACES[face].script) {
		TTF_SetFontScriptName(font, FACES[face].script);
		TTF_SetFontDirection(font, FACES[face].rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
	}
	return font;
}

static TTF_Font *sized(ui_fonts *f, int face, int px)
{
	for (int i = 0; i < f->n_sized; i++)
		if (f->sized[i].face == face && f->sized[i].px == px)
			return f->sized[i].font;
	TTF_Font *font = open_face(f, face, px);
	if (!font)
		return NULL;
	int slot;
	if (f->n_sized < N_SIZED) {
		slot = f->n_sized++;
	} else {
		slot = f->next_evict++ % N_SIZED;
		TTF_CloseFont(f->sized[slot].font);
	}
	f->sized[slot] = (sized_font){ face, px, font };
	return font;
}

static bool provides(ui_fonts *f, int face, uint32_t cp)
{
	if (!f->path[face][0])
		return false;
	if (!f->probe[face])
		f->probe[face] = TTF_OpenFont(f->path[face], 12);
	return f->probe[face] && TTF_GlyphIsProvided32(f->probe[face], cp);
}

static int face_for(ui_fonts *f, uint32_t cp, int cur, int main_face)
{
	if (cur >= 0 && (cp == ' ' || provides(f, cur, cp)))
		return cur;
	if (provides(f, main_face, cp))
		return main_face;
	for (int i = 2; i < N_FACES; i++)
		if (provides(f, i, cp))
			return i;
	return main_face;
}

/* Spaces at the start of s go with the font of what follows them: a
 * right-to-left run such as " من " is then shaped as one run, its first
 * space on its right, instead of a space in the Latin face on its left
 * and the other inside the Arabic run ("1من  6" for "1 من 6"). */
static int first_face(ui_fonts *f, const char *s, int len, int main_face)
{
	for (int pos = 0; pos < len;) {
		int adv;
		uint32_t cp = ui_utf8_decode(s + pos, len - pos, &adv);
		if (cp != ' ')
			return face_for(f, cp, -1, main_face);
		pos += adv;
	}
	return main_face;
}

static int split_runs(ui_fonts *f, bool bold, const char *s, int len, glyph_run *runs)
{
	int n = 0, main_face = bold ? 1 : 0, cur = first_face(f, s, len, main_face);
	for (int pos = 0; pos < len;) {
		int adv;
		uint32_t cp = ui_utf8_decode(s + pos, len - pos, &adv);
		int face = face_for(f, cp, cur, main_face);
		if (face != cur || n == 0) {
			if (n == MAX_RUNS) {
				runs[n - 1].len = len - runs[n - 1].start;
				return n;
			}
			runs[n++] = (glyph_run){ face, pos, 0 };
			cur = face;
		}
		runs[n - 1].len += adv;
		pos += adv;
	}
	return n;
}

/* TTF wants NUL-terminated text: a copy of each run. */
static char *run_text(const char *s, const glyph_run *r, char *small, size_t cap)
{
	char *t = (size_t)r->len < cap ? small : malloc((size_t)r->len + 1);
	if (!t)
		return NULL;
	memcpy(t, s + r->start, (size_t)r->len);
	t[r->len] = '\0';
	return t;
}

static uint64_t measure_key(int px, bool bold, const char *s, int len)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)(px * 2 + bold);
	for (int i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return (h ^ (uint64_t)len) | 1;
}

int ui_fonts_measure(void *fonts, int px, bool bold, const char *s, int len)
{
	ui_fonts *f = fonts;
	if (len <= 0)
		return 0;
	uint64_t key = measure_key(px, bold, s, len);
	measure_entry *e = &f->cache[key % N_MEASURE];
	if (e->key == key)
		return e->width;
	glyph_run runs[MAX_RUNS];
	char small[256];
	int n = split_runs(f, bold, s, len, runs), total = 0;
	for (int i = 0; i < n; i++) {
		TTF_Font *font = sized(f, runs[i].face, px);
		char *t = run_text(s, &runs[i], small, sizeof small);
		int w = 0, h = 0;
		if (font && t && TTF_SizeUTF8(font, t, &w, &h) == 0)
			total += w;
		if (t != small)
			free(t);
	}
	e->key = key;
	e->width = total;
	return total;
}

static void blit_run(ui_fonts *f, SDL_Surface *dst, const glyph_run *r, const char *s,
		     int px, int base_ascent, int *x, SDL_Color c)
{
	char small[256];
	TTF_Font *font = sized(f, r->face, px);
	char *t = run_text(s, r, small, sizeof small);
	SDL_Surface *srf = font && t ? TTF_RenderUTF8_Blended(font, t, c) : NULL;
	if (srf) {
		SDL_Rect at = { *x, base_ascent - TTF_FontAscent(font), srf->w, srf->h };
		SDL_SetSurfaceBlendMode(srf, SDL_BLENDMODE_NONE);
		SDL_BlitSurface(srf, NULL, dst, &at);
		*x += srf->w;
		SDL_FreeSurface(srf);
	}
	if (t != small)
		free(t);
}

SDL_Surface *ui_fonts_render(ui_fonts *f, int px, bool bold, const char *s, int len,
			     SDL_Color c)
{
	TTF_Font *base = sized(f, bold ? 1 : 0, px);
	int w = ui_fonts_measure(f, px, bold, s, len);
	if (!base || w <= 0)
		return NULL;
	int h = TTF_FontHeight(base);
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!dst)
		return NULL;
	SDL_FillRect(dst, NULL, 0);
	glyph_run runs[MAX_RUNS];
	int n = split_runs(f, bold, s, len, runs), x = 0;
	for (int i = 0; i < n; i++)
		blit_run(f, dst, &runs[i], s, px, TTF_FontAscent(base), &x, c);
	return dst;
}

SDL_Surface *ui_fonts_pic(ui_fonts *f, uint32_t cp)
{
	if (!f->emoji && f->emoji_path[0])
		f->emoji = TTF_OpenFont(f->emoji_path, 109);
	if (!f->emoji || !TTF_GlyphIsProvided32(f->emoji, cp))
		return NULL;
	char utf8[5] = { 0 };
	if (cp < 0x10000) {
		utf8[0] = (char)(0xE0 | cp >> 12);
		utf8[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		utf8[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		utf8[0] = (char)(0xF0 | cp >> 18);
		utf8[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		utf8[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		utf8[3] = (char)(0x80 | (cp & 0x3F));
	}
	return TTF_RenderUTF8_Blended(f->emoji, utf8, (SDL_Color){ 0, 0, 0, 255 });
}
