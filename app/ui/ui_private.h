/* ui_private.h - what the files of app/ui share and screens do not use:
 * registering a control and drawing its focus ring. */
#ifndef TELLUS_UI_PRIVATE_H
#define TELLUS_UI_PRIVATE_H

#include "ui.h"

/* Adds a control to the frame's list; true when it was activated. */
bool ui_control_add(ui_ctx *ctx, ui_id id, ui_rect r, int role, const char *label);
void ui_focus_ring(ui_ctx *ctx, ui_id id, ui_rect r);
/* Wrapped text inside r, stepping down a font size when it does not fit. */
void ui_text_in(ui_ctx *ctx, ui_rect r, int font, bool bold, const char *s,
		ui_color c, bool center);

#endif
