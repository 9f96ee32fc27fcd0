/* ui_xkb.h - on-screen keyboard layouts read from the system's XKB data
 * (SPEC 13: taken from xkb-data through libxkbcommon, not hand-made
 * tables). For each key of the four rows a keyboard has for writing, what
 * it types at each shift level, and which keys are dead (they combine
 * with the next key through XKB's compose tables: ´ then e makes é).
 * Plain tables: the on-screen keyboard (ui_osk.c) draws them, tests read
 * them. No SDL here. */
#ifndef TELLUS_UI_XKB_H
#define TELLUS_UI_XKB_H

#include <stdbool.h>
#include <stdint.h>
#include "tellus/err.h"

#define UI_XKB_ROWS 4    /* digits, then the three rows of letters */
#define UI_XKB_COLS 13
#define UI_XKB_LEVELS 4  /* plain, Shift, AltGr, Shift+AltGr */
#define UI_XKB_TEXT 16   /* UTF-8 of one key at one level, with its NUL */
#define UI_XKB_SHOW (UI_XKB_TEXT + 4) /* and a dotted circle to show a mark on */

typedef struct {
	char name[8];                           /* XKB's name for the key: "AC01" */
	uint32_t sym[UI_XKB_LEVELS];            /* its keysym; 0: none */
	char text[UI_XKB_LEVELS][UI_XKB_TEXT];  /* what it types; "" none, or dead */
	char show[UI_XKB_LEVELS][UI_XKB_SHOW];  /* what its cap shows */
	bool dead[UI_XKB_LEVELS];
} ui_xkb_key;

typedef struct ui_xkb_layout {
	char id[32];                 /* as asked: "in(guj)" */
	char title[64];              /* XKB's own name: "Gujarati" */
	ui_xkb_key keys[UI_XKB_ROWS][UI_XKB_COLS];
	int n_keys[UI_XKB_ROWS];
	int levels;                  /* 2, or 4 where the layout has AltGr */
	bool has_dead;
} ui_xkb_layout;

/* libxkbcommon's context and compose table. Free with ui_xkb_free. */
typedef struct ui_xkb ui_xkb;
int ui_xkb_new(ui_xkb **out, tl_err *err);
void ui_xkb_free(ui_xkb *x);

/* Reads the layout id, "layout" or "layout(variant)" as in xkb-data's
 * rules ("pl", "in(guj)", "gb(extd)"). */
int ui_xkb_load(ui_xkb *x, const char *id, ui_xkb_layout *out, tl_err *err);
/* The layouts of a language's list ("in(guj) gb"): at most cap, in order. */
int ui_xkb_load_list(ui_xkb *x, const char *ids, ui_xkb_layout *out, int cap, int *n,
		     tl_err *err);
/* What a dead key followed by a key makes: true and its UTF-8 in out, or
 * false when the two do not combine (the kiosk then types both). */
bool ui_xkb_compose(ui_xkb *x, uint32_t dead, uint32_t next, char out[UI_XKB_TEXT]);

#endif
