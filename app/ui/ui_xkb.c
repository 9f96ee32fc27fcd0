/* ui_xkb.c - keyboard layouts from xkb-data through libxkbcommon: a keymap
 * compiled from rules names (as X and Wayland do), then for each key of
 * the writing rows its keysym at each level, turned into UTF-8. Dead keys
 * are kept as keysyms and combined with xkb_compose, from the compose
 * table of the C.UTF-8 locale (en_US.UTF-8/Compose in libX11's data). */
#include <fribidi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xkbcommon/xkbcommon.h>
#include <xkbcommon/xkbcommon-compose.h>
#include "ui_xkb.h"

struct ui_xkb {
	struct xkb_context *ctx;
	struct xkb_compose_table *compose;
	struct xkb_compose_state *state;
};

/* The writing rows of an ISO keyboard (pc105), by XKB key name: digits,
 * QWERTY's row, the home row with the key beside Enter (BKSL), and the
 * bottom row with the key beside left Shift (LSGT). */
static const char *const ROWS[UI_XKB_ROWS][UI_XKB_COLS] = {
	{ "AE01", "AE02", "AE03", "AE04", "AE05", "AE06", "AE07", "AE08", "AE09", "AE10",
	  "AE11", "AE12" },
	{ "AD01", "AD02", "AD03", "AD04", "AD05", "AD06", "AD07", "AD08", "AD09", "AD10",
	  "AD11", "AD12" },
	{ "AC01", "AC02", "AC03", "AC04", "AC05", "AC06", "AC07", "AC08", "AC09", "AC10",
	  "AC11", "BKSL" },
	{ "LSGT", "AB01", "AB02", "AB03", "AB04", "AB05", "AB06", "AB07", "AB08", "AB09",
	  "AB10" },
};

int ui_xkb_new(ui_xkb **out, tl_err *err)
{
	ui_xkb *x = calloc(1, sizeof *x);
	*out = NULL;
	if (!x)
		return err_set(err, TL_ENOMEM, "keyboard: out of memory");
	/* Names come from our table, never from XKB_DEFAULT_LAYOUT & co. */
	x->ctx = xkb_context_new(XKB_CONTEXT_NO_ENVIRONMENT_NAMES);
	if (!x->ctx) {
		free(x);
		return err_set(err, TL_EIO, "keyboard: libxkbcommon cannot start");
	}
	xkb_context_set_log_level(x->ctx, XKB_LOG_LEVEL_CRITICAL);
	x->compose = xkb_compose_table_new_from_locale(x->ctx, "C.UTF-8",
						       XKB_COMPOSE_COMPILE_NO_FLAGS);
	if (x->compose)
		x->state = xkb_compose_state_new(x->compose, XKB_COMPOSE_STATE_NO_FLAGS);
	if (!x->state) {
		ui_xkb_free(x);
		return err_set(err, TL_EIO, "keyboard: no compose table for dead keys "
			       "(is libx11-data installed?)");
	}
	*out = x;
	return TL_OK;
}

void ui_xkb_free(ui_xkb *x)
{
	if (!x)
		return;
	xkb_compose_state_unref(x->state);
	xkb_compose_table_unref(x->compose);
	xkb_context_unref(x->ctx);
	free(x);
}

bool ui_xkb_compose(ui_xkb *x, uint32_t dead, uint32_t next, char out[UI_XKB_TEXT])
{
	out[0] = '\0';
	xkb_compose_state_reset(x->state);
	xkb_compose_state_feed(x->state, dead);
	xkb_compose_state_feed(x->state, next);
	bool done = xkb_compose_state_get_status(x->state) == XKB_COMPOSE_COMPOSED &&
		xkb_compose_state_get_utf8(x->state, out, UI_XKB_TEXT) > 0;
	xkb_compose_state_reset(x->state);
	if (!done)
		out[0] = '\0';
	return done;
}

/* Direction marks, embeddings and isolates are invisible and turn the
 * order of what follows them around: typed into a case they would make
 * staff read words in another order than they were written (SPEC 9), so
 * the keyboard does not offer them. */
static bool is_bidi_control(uint32_t c)
{
	return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2066 && c <= 0x2069);
}

/* The first character of UTF-8 text (0 for none or a broken sequence). */
static uint32_t first_char(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = u[0] < 0x80 ? 0 : u[0] >= 0xF0 ? 3 : u[0] >= 0xE0 ? 2 : u[0] >= 0xC0 ? 1 : -1;
	uint32_t c = n <= 0 ? u[0] : u[0] & (0x3Fu >> n);
	for (int i = 1; i <= n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3Fu);
	}
	return n < 0 ? 0 : c;
}

/* What a key's cap shows: a mark that sits on a letter is shown on a
 * dotted circle (as printed keyboards do), the joiners by name, a dead key
 * by its spacing form (XKB composes a dead key with itself into it). */
static void show_of(ui_xkb *x, ui_xkb_key *k, int level)
{
	char show[UI_XKB_TEXT];
	uint32_t c = xkb_keysym_to_utf32(k->sym[level]);
	if (k->dead[level]) {
		if (!ui_xkb_compose(x, k->sym[level], k->sym[level], show) &&
		    !ui_xkb_compose(x, k->sym[level], XKB_KEY_space, show))
			xkb_keysym_get_name(k->sym[level], show, sizeof show);
	} else if (c == 0x200C || c == 0x200D) {
		snprintf(show, sizeof show, "%s", c == 0x200C ? "ZWNJ" : "ZWJ");
	} else {
		snprintf(show, sizeof show, "%s", k->text[level]);
	}
	c = first_char(show);
	if (c && fribidi_get_bidi_type(c) == FRIBIDI_TYPE_NSM)
		snprintf(k->show[level], UI_XKB_SHOW, "\u25CC%s", show);
	else
		snprintf(k->show[level], UI_XKB_SHOW, "%s", show);
}

static void read_level(ui_xkb *x, struct xkb_keymap *km, xkb_keycode_t kc, ui_xkb_key *k,
		       int level)
{
	const xkb_keysym_t *syms;
	if (xkb_keymap_key_get_syms_by_level(km, kc, 0, (xkb_level_index_t)level, &syms) != 1)
		return; /* none, or several at once: not a key a child types */
	uint32_t c = xkb_keysym_to_utf32(syms[0]);
	if (is_bidi_control(c))
		return;
	k->sym[level] = syms[0];
	/* Dead keys fill one block of keysyms, dead_grave to 0xfe93. */
	k->dead[level] = syms[0] >= XKB_KEY_dead_grave && syms[0] <= 0xfe93;
	if (!k->dead[level] && (!c || c < 0x20 || c == 0x7F ||
	    xkb_keysym_to_utf8(syms[0], k->text[level], UI_XKB_TEXT) <= 0)) {
		k->sym[level] = 0; /* types no character: Shift, AltGr, NoSymbol */
		k->text[level][0] = '\0';
		return;
	}
	show_of(x, k, level);
}

static int compile(ui_xkb *x, const char *id, struct xkb_keymap **km, tl_err *err)
{
	char layout[32], variant[32] = "";
	const char *open = strchr(id, '(');
	size_t len = open ? (size_t)(open - id) : strlen(id);
	if (len == 0 || len >= sizeof layout || (open && (strlen(open) < 3 ||
	    id[strlen(id) - 1] != ')' || strlen(open) - 2 >= sizeof variant)))
		return err_set(err, TL_EINVAL, "keyboard: '%.40s' is not LAYOUT or "
			       "LAYOUT(VARIANT)", id);
	snprintf(layout, sizeof layout, "%.*s", (int)len, id);
	if (open)
		snprintf(variant, sizeof variant, "%.*s", (int)(strlen(open) - 2), open + 1);
	struct xkb_rule_names names = { .rules = "evdev", .model = "pc105", .layout = layout,
					 .variant = variant, .options = "" };
	*km = xkb_keymap_new_from_names(x->ctx, &names, XKB_KEYMAP_COMPILE_NO_FLAGS);
	if (!*km)
		return err_set(err, TL_ENOTFOUND, "keyboard: xkb-data has no layout '%.40s'", id);
	return TL_OK;
}

int ui_xkb_load(ui_xkb *x, const char *id, ui_xkb_layout *out, tl_err *err)
{
	struct xkb_keymap *km = NULL;
	int rc;
	memset(out, 0, sizeof *out);
	if ((rc = compile(x, id, &km, err)))
		return rc;
	snprintf(out->id, sizeof out->id, "%s", id);
	snprintf(out->title, sizeof out->title, "%s", xkb_keymap_layout_get_name(km, 0));
	out->levels = 2;
	for (int r = 0; r < UI_XKB_ROWS; r++) {
		for (int c = 0; c < UI_XKB_COLS && ROWS[r][c]; c++) {
			xkb_keycode_t kc = xkb_keymap_key_by_name(km, ROWS[r][c]);
			ui_xkb_key *k = &out->keys[r][out->n_keys[r]];
			if (kc == XKB_KEYCODE_INVALID)
				continue;
			memset(k, 0, sizeof *k);
			snprintf(k->name, sizeof k->name, "%s", ROWS[r][c]);
			int n = (int)xkb_keymap_num_levels_for_key(km, kc, 0);
			for (int l = 0; l < n && l < UI_XKB_LEVELS; l++)
				read_level(x, km, kc, k, l);
			if (!k->sym[0] && !k->sym[1])
				continue; /* nothing to type without AltGr: not shown */
			for (int l = 0; l < UI_XKB_LEVELS; l++) {
				if (k->sym[l] && l >= out->levels)
					out->levels = UI_XKB_LEVELS;
				out->has_dead |= k->dead[l];
			}
			out->n_keys[r]++;
		}
	}
	xkb_keymap_unref(km);
	return TL_OK;
}

int ui_xkb_load_list(ui_xkb *x, const char *ids, ui_xkb_layout *out, int cap, int *n,
		     tl_err *err)
{
	char id[64];
	*n = 0;
	for (const char *p = ids; *p && *n < cap;) {
		size_t len = strcspn(p, " ");
		if (len) {
			snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), p);
			int rc = ui_xkb_load(x, id, &out[*n], err);
			if (rc)
				return rc;
			(*n)++;
		}
		p += len;
		p += strspn(p, " ");
	}
	return TL_OK;
}
