/* ui_render.h - the small SDL renderer of a frame's command list, and the
 * screenshot writer. The renderer owns its texture cache, not the
 * SDL_Renderer or the fonts. */
#ifndef TELLUS_UI_RENDER_H
#define TELLUS_UI_RENDER_H

#include <SDL.h>
#include "ui.h"
#include "ui_font.h"

typedef struct ui_renderer ui_renderer;

int ui_renderer_new(SDL_Renderer *r, ui_fonts *fonts, ui_renderer **out, tl_err *err);
void ui_renderer_free(ui_renderer *ur);
/* Draws every command of the frame (does not clear or present). */
void ui_render(ui_renderer *ur, const ui_ctx *ctx);
/* Writes what r has drawn (w x h) to path as PNG. */
int ui_render_png(SDL_Renderer *r, int w, int h, const char *path, tl_err *err);

#endif
