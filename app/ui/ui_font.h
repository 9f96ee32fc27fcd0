/* ui_font.h - text in any script with SDL2_ttf: Noto Sans first, then a
 * font per script (Arabic, Gujarati, Gurmukhi, Devanagari, ...) and DejaVu
 * as the last resort, chosen per glyph run and shaped by HarfBuzz with the
 * run's script and direction. Works without a window, so layout can be
 * measured in tests. */
#ifndef TELLUS_UI_FONT_H
#define TELLUS_UI_FONT_H

#include <stdbool.h>
#include <SDL.h>
#include "tellus/err.h"

typedef struct ui_fonts ui_fonts;

/* Finds the fonts ($TELLUS_FONTS, the installed assets/fonts, Debian's
 * Noto and DejaVu folders) and starts SDL_ttf. Close with ui_fonts_close. */
int ui_fonts_open(ui_fonts **out, tl_err *err);
void ui_fonts_close(ui_fonts *f);
/* Width in pixels of s (len bytes) at px; a ui_measure_fn (arg is the
 * ui_fonts). Results are cached. */
int ui_fonts_measure(void *fonts, int px, bool bold, const char *s, int len);
/* Renders s into a new ARGB surface; the caller frees it. NULL on error. */
SDL_Surface *ui_fonts_render(ui_fonts *f, int px, bool bold, const char *s, int len,
			     SDL_Color c);
/* A colour emoji from Noto Color Emoji at the font's one bitmap strike
 * (136x128 pixels: SDL_ttf picks it whatever size is asked for), for the
 * caller to scale; the caller frees it. NULL when the font or the glyph
 * is missing. */
SDL_Surface *ui_fonts_pic(ui_fonts *f, uint32_t cp);

#endif
