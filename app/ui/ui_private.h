/* ui_private.h - what the files of app/ui share and screens do not use:
 * registering a control, drawing its focus ring, and the text field's
 * editing keys. */
#ifndef TELLUS_UI_PRIVATE_H
#define TELLUS_UI_PRIVATE_H

#include "ui.h"

/* Adds a control to the frame's list; true when it was activated. */
bool ui_control_add(ui_ctx *ctx, ui_id id, ui_rect r, int role, const char *label);
void ui_focus_ring(ui_ctx *ctx, ui_id id, ui_rect r);

/* ui_edit.c: the keys of a focused field; true when the text changed. */
bool ui_edit_keys(ui_ctx *ctx, char *buf, size_t cap, int *cursor, bool multiline);
/* Moves the cursor, extending the selection with Shift, else dropping it. */
void ui_edit_move(ui_ctx *ctx, int *cursor, int to);

/* ui_bidi.c: a run of one embedding level (odd = right to left) as bytes
 * of the line it came from. */
typedef struct { int off, len, level; } ui_bidi_run;
/* True when the first strong character of s is right-to-left. */
bool ui_bidi_is_rtl(const char *s, int len);
/* True when s has any right-to-left letter. */
bool ui_bidi_has_rtl(const char *s, int len);
/* The base direction to draw s with in this frame (ui_core.c). */
bool ui_bidi_base(const ui_ctx *ctx, const char *s, int len);
/* Cuts one displayed line into runs in visual (left to right) order with
 * the paragraph's base direction; fills at most max runs, returns how
 * many (0 for empty text). */
int ui_bidi_line(const char *s, int len, bool rtl, ui_bidi_run *runs, int max);

#endif
