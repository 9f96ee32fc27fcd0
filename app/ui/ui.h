/* ui.h - the immediate-mode UI layer of tellus-kiosk, after microui.
 * A frame: feed input (ui_input_*), ui_begin(), call controls (each returns
 * what happened to it), ui_end(). The frame leaves plain data behind: a
 * list of draw commands (ui_cmd) for the SDL renderer (ui_render.h) and a
 * list of the controls laid out (ui_control) that tests inspect without a
 * window. Sizes come from millimetres through the dpi, so one code path
 * lays out a 360x640 phone and a 1920x1080 kiosk. */
#ifndef TELLUS_UI_H
#define TELLUS_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_MAX_CMDS 4096
#define UI_MAX_CTRLS 512
#define UI_ARENA 262144

/* Touch targets in whole millimetres (SPEC section 8): no control is
 * smaller than the minimum (tests check it). Controls are drawn at the
 * comfortable size, or larger with larger type; only the on-screen
 * keyboard goes down to the minimum, to fit on a small screen.
 *
 * Millimetres are at the layout density (ui_dpi): the window's stated
 * density, unless that would make the window smaller than the smallest
 * phone, UI_PHONE_SHORT_MM by UI_PHONE_LONG_MM (an iPhone SE, 320 x 568
 * points at 163 per inch). Then the window is laid out as that phone: a
 * density so high on so few pixels cannot be the screen's (those are a
 * phone's pixels given in device-independent units, as `--size 360x640
 * --dpi 400` gives them), and 9 mm targets on a 23 mm wide window would
 * leave no room for anything else. */
#define UI_PHONE_SHORT_MM 50.0f
#define UI_PHONE_LONG_MM 88.0f
#define UI_MIN_TARGET_MM 9
#define UI_MIN_TILE_MM 12
#define UI_TARGET_MM 11
#define UI_TILE_MM 15
_Static_assert(UI_TARGET_MM >= UI_MIN_TARGET_MM && UI_TILE_MM >= UI_MIN_TILE_MM,
	       "controls are drawn at least at the minimum target sizes");

typedef struct { int x, y, w, h; } ui_rect;
typedef struct { uint8_t r, g, b, a; } ui_color;
typedef uint32_t ui_id;

enum { UI_CMD_CLIP, UI_CMD_RECT, UI_CMD_TEXT, UI_CMD_QR, UI_CMD_PIC };
typedef struct {
	int type;
	ui_rect rect;        /* TEXT: where the run starts and its measured size */
	ui_rect box;         /* TEXT: the area of its widget it must stay inside */
	ui_color color;
	int radius;          /* RECT: rounded corners */
	int border;          /* RECT: 0 filled, else outline thickness */
	int font_px;         /* TEXT: pixel size */
	bool bold;
	const char *text;    /* TEXT: UTF-8 in the frame's arena; QR: one byte per module */
	int len;
	int qr_size;         /* QR: modules per side */
	uint32_t pic;        /* PIC: the picture's code point (a colour emoji) */
	/* TEXT, the first run of a line: the whole line in logical order and
	 * where it was laid out (before any mirroring), for reading aloud. */
	const char *line;
	int line_len;
	ui_rect line_at;
} ui_cmd;

/* Font classes: sizes follow the dpi, the window and the large-text switch. */
enum { UI_FONT_SMALL, UI_FONT_BODY, UI_FONT_LARGE, UI_FONT_TITLE, UI_FONT_HUGE, UI_FONT_N };

enum { UI_ROLE_BUTTON, UI_ROLE_TILE, UI_ROLE_FIELD, UI_ROLE_CHECK, UI_ROLE_ITEM, UI_ROLE_KEY };
typedef struct {
	ui_id id;
	int role;
	ui_rect rect;
	ui_rect clip;        /* the visible area it was laid out in */
	const char *label;   /* in the arena */
	bool focusable;
	int layer;           /* 0 the screen, 1 a dialog or the keyboard */
} ui_control;

/* Keys a frame can see, as bits. */
enum {
	UI_KEY_TAB = 1 << 0, UI_KEY_ENTER = 1 << 1, UI_KEY_ESCAPE = 1 << 2,
	UI_KEY_LEFT = 1 << 3, UI_KEY_RIGHT = 1 << 4, UI_KEY_UP = 1 << 5,
	UI_KEY_DOWN = 1 << 6, UI_KEY_BACKSPACE = 1 << 7, UI_KEY_DELETE = 1 << 8,
	UI_KEY_HOME = 1 << 9, UI_KEY_END = 1 << 10, UI_KEY_SPACE = 1 << 11,
	UI_KEY_PAGEUP = 1 << 12, UI_KEY_PAGEDOWN = 1 << 13,
	/* Editing chords (Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V) as the owner maps them. */
	UI_KEY_SELECT_ALL = 1 << 14, UI_KEY_COPY = 1 << 15, UI_KEY_CUT = 1 << 16,
	UI_KEY_PASTE = 1 << 17
};

/* Measures UTF-8 text at a pixel size: width in pixels. */
typedef int (*ui_measure_fn)(void *arg, int px, bool bold, const char *s, int len);

/* How the layer reaches the platform, after microui's text_width and
 * text_height: it calls no SDL itself (the kiosk's glue is ui_platform.h).
 * Any callback may be NULL: text is then measured as half its pixel size
 * a character, and copy and paste do nothing. */
typedef struct {
	ui_measure_fn measure;
	void *measure_arg;
	/* The clipboard's text as a copy the caller free()s; NULL: none. */
	char *(*clipboard_get)(void *arg);
	void (*clipboard_set)(void *arg, const char *utf8);
	void *clipboard_arg;
} ui_platform;

/* Colours. Every boundary a person needs to see (border against bg and
 * against panel, a key against the keyboard's ground) is at least 3:1
 * (WCAG 1.4.11), text at least 4.5:1; test_kiosk_layout.c measures both
 * themes, and every outline as drawn. */
typedef struct {
	ui_color bg, panel, text, muted, primary, on_primary, border, focus,
		selected, danger, shade, selection, success, keys;
} ui_theme;

/* The on-screen keyboard's state, the owner's (ui_osk.c): the layouts it
 * offers (ui_xkb.h: the language's own first, then a Latin one; none for
 * the built-in Latin keys), the names on the key that switches to each,
 * the one shown, Shift and AltGr (each for one key), a dead key waiting
 * for the next (composed with xkb), and the words of its keys. */
struct ui_xkb_layout;
struct ui_xkb;
typedef struct ui_osk_state {
	const struct ui_xkb_layout *layouts;
	const char *const *names;
	int n, cur;
	bool shift, altgr;
	uint32_t dead;            /* a dead key's keysym; 0: none */
	const char *dead_show;    /* its spacing form, typed when nothing combines */
	struct ui_xkb *xkb;
	int page;                 /* built-in keys: 0 letters, 1 numbers */
	const char *shift_label, *space_label, *done_label; /* NULL: English */
} ui_osk_state;

/* The parts of a context (ui_ctx below), by who writes them and when. */

/* set: written by the owner before ui_begin (again when the window is
 * resized); the layer only reads them, though a screen may offer the two
 * switches as check boxes. */
typedef struct {
	int w, h;
	float dpi;
	bool large_text, high_contrast;
	/* Right to left (Urdu, Arabic): the layer lays out as ever and places
	 * what it draws mirrored (see UI_MIRROR_REFLECT): rows fill from the
	 * right, text starts at the right, a check box stands right of its
	 * words, Back is on the right. */
	bool rtl;
	ui_osk_state *osk;   /* the on-screen keyboard's; NULL: none drawn */
	ui_platform platform;
} ui_settings;

/* in: this frame's input, written between frames by ui_input_* (and the
 * owner's event code) and read by the controls. ui_end clears what lasts
 * one frame (presses, keys, text, wheel) and moves pending_* in; the
 * mouse's position and button, and Shift, stay as they are. */
typedef struct {
	int mouse_x, mouse_y;
	bool mouse_down, mouse_pressed, mouse_released;
	unsigned keys;
	bool shift;
	char text_in[128];
	char editing[128];   /* IME composition, shown at the cursor */
	int wheel;
	/* Typed on the on-screen keyboard during a frame: the next one's. */
	char pending_text[128];
	unsigned pending_keys;
} ui_input;

/* state: kept between frames, written by the controls and ui_end as
 * input arrives; ui_reset forgets it for a new screen. */
typedef struct {
	ui_id hot, active, focus;
	bool physical_keys;  /* a real keyboard was used: no on-screen keyboard */
	bool focus_visible;  /* last move was by keyboard: draw the ring */
	int scroll_y;
	int content_h;       /* the body's height last frame: how far it scrolls */
	int drag_y, drag_scroll;  /* a finger dragging the body: where it began */
	bool drag_armed, dragging;
	ui_id field_focus_prev; /* the field that had focus last frame */
	/* The selection of the focused text field: from sel_anchor to its
	 * cursor (byte offsets on character boundaries); anchor < 0: none. */
	ui_id sel_field;
	int sel_anchor;
	bool sel_drag;       /* a press in the field is selecting as it moves */
	bool clipboard_used; /* text was copied from a field: wipe it with the screen */
	ui_id dlg_id;        /* the dialog whose content height is dlg_fit, */
	int dlg_fit;         /* measured last frame */
	int dlg_scroll_y, dlg_content_h; /* the open dialog's own scrolling */
	/* The height the owner keeps for its header, footer and the least of
	 * a body: the on-screen keyboard shows only in what is left. */
	int keep_h;
	bool osk_up;         /* the on-screen keyboard was drawn last frame */
} ui_state;

/* frame: this frame's style and layout, set up by ui_begin from set and
 * advanced by the layout calls and controls as they place themselves. */
typedef struct {
	ui_theme theme;
	int font_px[UI_FONT_N];
	int pad, gap, target_h, tile_h, radius;
	ui_rect clip, body;
	int row_cols, row_i, row_h, row_y; /* the row being filled in the body */
	int tile_font;       /* the tiles' titles in this row: one size for all */
	int layer;
	ui_rect dlg;         /* the open dialog's panel */
	bool enabled;
	bool field_focused;  /* a text field has focus this frame */
	ui_id id_seed;       /* mixed into ids (ui_set_seed) */
	ui_rect text_box;    /* the box of the text drawn now; w 0: the clip */
	int mirror;          /* UI_MIRROR_*: how what is drawn now is placed */
	int mirror_dx;       /* UI_MIRROR_SHIFT: by how much */
	bool field_error;    /* the next text field is drawn as in error */
	int screen_scroll_y, screen_content_h; /* kept while a dialog scrolls */
} ui_frame;

/* out: what the frame leaves behind, emptied by ui_begin and read after
 * ui_end by the renderer, the owner and tests. */
typedef struct {
	ui_cmd cmds[UI_MAX_CMDS];
	int n_cmds;
	ui_control ctrls[UI_MAX_CTRLS];
	int n_ctrls;
	_Alignas(16) char arena[UI_ARENA];
	size_t arena_used;
	bool overflow;       /* a list ran out of room: the frame is incomplete */
	bool redraw;         /* state changed during the frame: build another */
	/* Text that did not fit its widget even at the smallest type, so that
	 * lines were left out: a screen's layout is at fault (tests assert
	 * none). cut_text is the first such text, in the arena. */
	int cut;
	const char *cut_text;
	/* Text drawn with a word broken across two lines ("niepełnosprawn-
	 * ych"), even at the smallest type its widget may use: the layout
	 * tests assert none. broken_text is the first, in the arena. */
	int broken;
	const char *broken_text;
} ui_output;

typedef struct ui_ctx {
	ui_settings set;     /* the owner's, before ui_begin */
	ui_input in;         /* ui_input_*, between frames */
	ui_state state;      /* kept from frame to frame */
	ui_frame frame;      /* this frame's style and layout */
	ui_output out;       /* what the frame leaves: commands, controls */
} ui_ctx;

/* How a right-to-left frame places what it draws. Screens, widgets and
 * layout work in left-to-right coordinates; each primitive is placed on
 * screen as it is pushed, so that the command and control lists (what is
 * drawn, tested and touched) are the screen's:
 *  - REFLECT (the default): a rectangle x becomes w - x - width; a line of
 *    text is reflected as a whole, its runs kept in their visual order
 *    (so a line that starts at its box's left starts at the mirrored
 *    box's right, and reads right to left);
 *  - SHIFT: moved as a block with a rectangle, not reflected (inside a
 *    text field, where the cursor must stay where its text is);
 *  - NONE: as laid out (the on-screen keyboard keeps its keys' places). */
enum { UI_MIRROR_REFLECT, UI_MIRROR_SHIFT, UI_MIRROR_NONE };
/* Sets how what follows is placed; block is SHIFT's rectangle. */
void ui_mirror(ui_ctx *ctx, int mode, ui_rect block);
/* Where a layout rectangle is on screen under the current mode. */
ui_rect ui_on_screen(const ui_ctx *ctx, ui_rect r);
/* Is text drawn now reflected (a right-to-left frame, REFLECT)? */
bool ui_reflecting(const ui_ctx *ctx);

/* Allocates a context; free with ui_free. */
ui_ctx *ui_new(void);
void ui_free(ui_ctx *ctx);

/* The layout density (see UI_PHONE_SHORT_MM), and millimetres to pixels
 * at it. */
float ui_dpi(const ui_ctx *ctx);
int ui_mm(const ui_ctx *ctx, float mm);

/* Input, between frames. Text is UTF-8. */
void ui_input_mouse(ui_ctx *ctx, int x, int y, bool down);
void ui_input_key(ui_ctx *ctx, unsigned key, bool physical);
void ui_input_text(ui_ctx *ctx, const char *utf8);
/* Text for the next frame (the on-screen keyboard types with it). */
void ui_input_text_pending(ui_ctx *ctx, const char *utf8);
void ui_input_editing(ui_ctx *ctx, const char *utf8);
void ui_input_wheel(ui_ctx *ctx, int dy);
bool ui_key(const ui_ctx *ctx, unsigned key);

void ui_begin(ui_ctx *ctx);
void ui_end(ui_ctx *ctx);
/* Forgets focus and scrolling: a new screen. */
void ui_reset(ui_ctx *ctx);

/* Ids: from a label and the seed. Controls whose labels may repeat others
 * on the screen (a list's rows, the keyboard's keys) are laid out under a
 * seed of their own with ui_set_seed, then the seed is set back to 0, as
 * ui_begin leaves it. */
ui_id ui_make_id(const ui_ctx *ctx, const char *label);
void ui_set_seed(ui_ctx *ctx, ui_id seed);

/* Drawing primitives (also used by the controls). */
void ui_draw_rect(ui_ctx *ctx, ui_rect r, ui_color c, int radius, int border);
/* Text from its left edge x, one command per run in visual order (the
 * Unicode bidi algorithm); the base direction is that of the first strong
 * character, or given as rtl to ui_draw_text_dir (a paragraph's). */
void ui_draw_text(ui_ctx *ctx, int x, int y, int font, bool bold, const char *s,
		  int len, ui_color c);
void ui_draw_text_dir(ui_ctx *ctx, int x, int y, int font, bool bold, const char *s,
		      int len, ui_color c, bool rtl);
void ui_draw_qr(ui_ctx *ctx, ui_rect r, const uint8_t *modules, int size);
/* A picture (a colour emoji, by code point) fitted into r. */
void ui_draw_pic(ui_ctx *ctx, ui_rect r, uint32_t pic);
/* Text wrapped inside r (its box), centred or from the left, vertically
 * centred, stepping down a font size when it does not fit; what still
 * does not fit at the smallest is left out and counted in out.cut. */
void ui_text_in(ui_ctx *ctx, ui_rect r, int font, bool bold, const char *s,
		ui_color c, bool center);
void ui_set_clip(ui_ctx *ctx, ui_rect r);
const char *ui_strdup(ui_ctx *ctx, const char *s, int len);
int ui_text_width(ui_ctx *ctx, int font, bool bold, const char *s, int len);
int ui_line_height(const ui_ctx *ctx, int font);

/* Word wrap: calls fn for each line (start, length) of s in width px;
 * returns the number of lines. A word wider than the line is broken
 * between characters. */
typedef void (*ui_line_fn)(void *arg, int line, const char *s, int len);
int ui_wrap(ui_ctx *ctx, int font, bool bold, const char *s, int width,
	    ui_line_fn fn, void *arg);
/* Would s wrapped in width break a word between two lines? */
bool ui_wrap_breaks_word(ui_ctx *ctx, int font, bool bold, const char *s, int width);
/* Counts s in out.broken when, drawn so, it breaks a word. */
void ui_note_broken(ui_ctx *ctx, int font, bool bold, const char *s, int width);

/* Layout: a body area that scrolls; rows of equal cells. */
void ui_body_begin(ui_ctx *ctx, ui_rect r);
void ui_body_end(ui_ctx *ctx);
void ui_row(ui_ctx *ctx, int cols, int height);
ui_rect ui_next(ui_ctx *ctx);
void ui_space(ui_ctx *ctx, int px);
/* Columns that fit n cells of at least min_w px in the body's width. */
int ui_fit_cols(const ui_ctx *ctx, int n, int min_w);
ui_rect ui_rect_inset(ui_rect r, int d);
bool ui_rect_contains(ui_rect r, int x, int y);
bool ui_rect_overlaps(ui_rect a, ui_rect b);

/* Controls. Each returns true when it was activated this frame. */
enum { UI_STYLE_PRIMARY, UI_STYLE_SECONDARY, UI_STYLE_QUIET, UI_STYLE_DANGER };
bool ui_button_at(ui_ctx *ctx, ui_rect r, const char *label, int style);
bool ui_button(ui_ctx *ctx, const char *label, int style);
/* The height a button of width w needs for its label (at least target_h):
 * a label too long for one line makes the button taller, never cut. */
int ui_button_height(ui_ctx *ctx, int w, const char *label);
/* A row of n buttons (or check boxes) in cols columns, as tall as its
 * longest label needs. */
void ui_button_row(ui_ctx *ctx, int cols, const char *const *labels, int n);
bool ui_tile(ui_ctx *ctx, const char *label, const char *detail, bool selected);
/* A tile with a picture (a colour emoji) at its start, beside its words,
 * in a row started by ui_tile_row_pics(..., true). */
bool ui_tile_pic(ui_ctx *ctx, uint32_t pic, const char *label, const char *detail, bool selected);
void ui_tile_row_pics(ui_ctx *ctx, int cols, const char *const *labels,
		      const char *const *details, int n, bool pics);
/* A tile with a picture above its word (a face), in a row as tall as
 * ui_pic_tile_height says for the row's words. */
bool ui_pic_tile(ui_ctx *ctx, uint32_t pic, const char *label, bool selected);
int ui_pic_tile_height(ui_ctx *ctx, int cols, const char *const *labels, int n);
/* At most cols columns of pictures with words, fewer when a word would be
 * broken across two lines in a narrower one. */
int ui_pic_tile_cols(ui_ctx *ctx, int cols, const char *const *labels, int n);
/* The height a tile needs in a row of cols in the body (at least tile_h). */
int ui_tile_height(ui_ctx *ctx, int cols, const char *label, const char *detail);
/* Starts a row of n tiles in cols columns as tall as the tallest needs, so
 * that every title in the row keeps one size and nothing is cut: the
 * largest size at which no title breaks a word across two lines. details
 * may be NULL. */
void ui_tile_row(ui_ctx *ctx, int cols, const char *const *labels,
		 const char *const *details, int n);
bool ui_check(ui_ctx *ctx, const char *label, bool *value);
bool ui_list_item(ui_ctx *ctx, const char *title, const char *detail, const char *badge);
/* Starts a row for one list item, as tall as its words need. */
void ui_item_row(ui_ctx *ctx, const char *title, const char *detail, const char *badge);
/* A list item that must not be missed: edged in the danger colour. */
bool ui_alert_item(ui_ctx *ctx, const char *title, const char *detail, const char *badge);
void ui_label(ui_ctx *ctx, int font, bool bold, const char *text, ui_color c);
/* A message in a box with a bar down its side, for what a screen says
 * after a move or a refusal (the GOV.UK notification and error summary):
 * a success (the success colour), a problem (danger), or information
 * to act on (primary). */
enum { UI_NOTICE_SUCCESS, UI_NOTICE_PROBLEM, UI_NOTICE_INFO };
void ui_notice(ui_ctx *ctx, const char *text, int kind);
void ui_steps(ui_ctx *ctx, int n, int current, const char *caption);
/* A text field editing buf (cap bytes, UTF-8); lines > 1 wraps and keeps
 * newlines. *cursor is a byte offset. Shift with the arrows, Home and End
 * (Up and Down in several lines), Ctrl+A or a drag select; typing,
 * Backspace, Delete and paste replace the selection; copy, cut and paste
 * go through the platform's clipboard. Returns true when text changed. */
bool ui_textfield(ui_ctx *ctx, const char *name, char *buf, size_t cap, int *cursor,
		  int lines, const char *placeholder);
/* A field's visible label (bold, above it), an optional hint (muted) and,
 * when error is given, the error in red, after which the next
 * ui_textfield is drawn in its error state (GOV.UK's pattern). label may
 * be NULL where the page asks one question and its heading, just above,
 * is the field's label. */
void ui_field_label(ui_ctx *ctx, const char *label, const char *hint, const char *error);
/* A dialog over the screen: dims it, lays out a panel; the screen drawn
 * before it should have been drawn with ui_set_enabled(ctx, false). */
void ui_dialog_begin(ui_ctx *ctx, const char *title, int want_h);
void ui_dialog_end(ui_ctx *ctx);
void ui_set_enabled(ui_ctx *ctx, bool on);

/* The on-screen keyboard: shown while a text field has focus and no
 * physical keyboard is in use. Returns its height (0: hidden), so that
 * the screen can leave room; ui_osk draws it at the bottom. */
bool ui_osk_wanted(const ui_ctx *ctx);
int ui_osk_height(const ui_ctx *ctx);
void ui_osk(ui_ctx *ctx);

/* UTF-8 helpers. */
int ui_utf8_prev(const char *s, int pos);
int ui_utf8_next(const char *s, int len, int pos);
uint32_t ui_utf8_decode(const char *s, int len, int *adv);

/* The focused field's selection [*lo, *hi) for its cursor; false when
 * nothing is selected. */
bool ui_selection(const ui_ctx *ctx, int cursor, int *lo, int *hi);
/* Empties the clipboard if a field put text there (a wipe calls it). */
void ui_clipboard_wipe(ui_ctx *ctx);

#endif
