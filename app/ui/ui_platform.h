/* ui_platform.h - the SDL side of a ui context's platform callbacks
 * (ui_platform in ui.h): text measured with the fonts of ui_font.h, and
 * SDL's clipboard. The kiosk and its tests install it; the layer itself
 * calls no SDL. */
#ifndef TELLUS_UI_PLATFORM_H
#define TELLUS_UI_PLATFORM_H

#include "ui.h"
#include "ui_font.h"

/* Callbacks measuring with fonts (kept by the caller) and using SDL's
 * clipboard, which needs SDL's video started. */
ui_platform ui_platform_sdl(ui_fonts *fonts);

#endif
