/* test_kiosk_layout.c - every screen laid out at many sizes and densities
 * (and with large text), checked on the command list alone: no text is
 * cut (the UI layer says when a widget was too small for its words, or
 * broke a word across two lines, and each text command names the box of
 * its widget, which it must stay inside); no control overlaps another or leaves the window; touch
 * targets are at least 9 mm and choice tiles at least 12 mm at the layout
 * density. `make test` runs a slice (every screen at a few sizes and
 * densities, and every public screen in every language at a phone's
 * size and a reception screen's); TELLUS_LAYOUT_SWEEP=full (`make
 * test-full`) runs every density from 96 to 480 at every size from
 * 320x568 up, and every language at every size of the slice. */
#include <math.h>
#include "kiosk_test.h"

typedef struct { int w, h; float dpi; } layout_size;

/* The slice: phones at their own density and at the README's 400, the
 * smallest phone, a tablet, a laptop and a reception screen. */
static const layout_size SLICE[] = {
	{ 360, 640, 160 }, { 360, 640, 400 }, { 320, 568, 96 }, { 320, 568, 480 },
	{ 768, 1024, 96 }, { 1280, 800, 96 }, { 1920, 1080, 96 }, { 1920, 1080, 480 },
};
static const int SWEEP_SIZES[][2] = {
	{ 320, 568 }, { 360, 640 }, { 375, 667 }, { 412, 915 }, { 568, 320 }, { 640, 360 },
	{ 600, 960 }, { 768, 1024 }, { 1024, 768 }, { 800, 1280 }, { 1280, 800 },
	{ 1366, 768 }, { 1920, 1080 }, { 2560, 1440 },
};

/* Every fault is counted and the first ones printed, so that one run of
 * the sweep shows what to mend; the test fails at its end. */
static int faults;
#define fault(...) do { \
	if (faults++ < 60) { print_message(__VA_ARGS__); print_message("\n"); } \
} while (0)

static bool inside(ui_rect in, ui_rect r)
{
	return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

static ui_rect clip_to(ui_rect r, ui_rect c)
{
	int x0 = r.x > c.x ? r.x : c.x, y0 = r.y > c.y ? r.y : c.y;
	int x1 = r.x + r.w < c.x + c.w ? r.x + r.w : c.x + c.w;
	int y1 = r.y + r.h < c.y + c.h ? r.y + r.h : c.y + c.h;
	return (ui_rect){ x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0 };
}

static void check_controls(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	ui_rect win = { 0, 0, u->set.w, u->set.h };
	int min = ui_mm(u, UI_MIN_TARGET_MM), tile = ui_mm(u, UI_MIN_TILE_MM);
	for (int i = 0; i < u->out.n_ctrls; i++) {
		const ui_control *a = &u->out.ctrls[i];
		if (!inside(win, a->clip) || a->rect.x < 0 || a->rect.x + a->rect.w > u->set.w)
			fault("%s: '%s' leaves the window", what, a->label);
		if (a->clip.h == u->set.h && (a->rect.y < 0 || a->rect.y + a->rect.h > u->set.h))
			fault("%s: '%s' leaves the window, which does not scroll there", what,
				 a->label);
		if (a->rect.h < min || a->rect.w < min)
			fault("%s: '%s' is %dx%d px, under 9 mm (%d px)", what, a->label,
				 a->rect.w, a->rect.h, min);
		if (a->role == UI_ROLE_TILE && a->rect.h < tile)
			fault("%s: tile '%s' is %d px tall, under 12 mm", what, a->label, a->rect.h);
		ui_rect va = clip_to(a->rect, a->clip);
		for (int j = i + 1; j < u->out.n_ctrls && va.h > 0; j++) {
			const ui_control *b = &u->out.ctrls[j];
			ui_rect vb = clip_to(b->rect, b->clip);
			if (a->layer == b->layer && vb.h > 0 && ui_rect_overlaps(va, vb))
				fault("%s: '%s' overlaps '%s'", what, a->label, b->label);
		}
	}
}

/* Where a dialog's shade starts: text drawn before it lies under the
 * dialog, and the dialog's controls say nothing about it. */
static int top_layer_start(const ui_ctx *u)
{
	int at = 0;
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_RECT && c->color.a < 255 && c->rect.w == u->set.w &&
		    c->rect.h == u->set.h)
			at = i;
	}
	return at;
}

/* Every text stays inside its widget's box, the box inside its clip
 * sideways, and a text over a control inside that control. */
static void check_texts(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	ui_rect clip = { 0, 0, u->set.w, u->set.h };
	int top = top_layer_start(u);
	if (u->out.cut)
		fault("%s: '%.60s' did not fit its widget (%d cut)", what, u->out.cut_text,
			 u->out.cut);
	if (u->out.broken)
		fault("%s: '%.60s' breaks a word across two lines (%d such texts)", what,
		      u->out.broken_text, u->out.broken);
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_CLIP)
			clip = c->rect;
		if (c->type != UI_CMD_TEXT)
			continue;
		if (!inside(c->box, c->rect))
			fault("%s: text '%.40s' (%d,%d %dx%d) runs out of its box (%d,%d %dx%d)",
				 what, c->text, c->rect.x, c->rect.y, c->rect.w, c->rect.h,
				 c->box.x, c->box.y, c->box.w, c->box.h);
		if (c->box.x < clip.x || c->box.x + c->box.w > clip.x + clip.w)
			fault("%s: text '%.40s' is cut at the side", what, c->text);
		if (clip.h == u->set.h && (c->rect.y < 0 || c->rect.y + c->rect.h > u->set.h))
			fault("%s: text '%.40s' is below the window, which does not scroll there",
				 what, c->text);
		ui_rect vis = clip_to(c->rect, clip);
		if (vis.w == 0 || vis.h == 0 || i < top)
			continue; /* scrolled out of view, or under a dialog */
		for (int j = 0; j < u->out.n_ctrls; j++) {
			const ui_control *k = &u->out.ctrls[j];
			ui_rect kv = clip_to(k->rect, k->clip);
			if (k->role == UI_ROLE_FIELD || kv.h == 0 || kv.w == 0 ||
			    !ui_rect_overlaps(kv, vis))
				continue;
			if (!inside(k->rect, c->rect))
				fault("%s: text '%.40s' runs into '%s'", what, c->text, k->label);
		}
	}
}

/* Tiles side by side share one type size for their titles (the row is as
 * tall as the tallest needs, so none shrinks). */
static void check_tile_rows(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	for (int i = 0; i < u->out.n_ctrls; i++) {
		const ui_control *a = &u->out.ctrls[i];
		if (a->role != UI_ROLE_TILE)
			continue;
		int px = 0;
		ui_rect clip = { 0, 0, u->set.w, u->set.h };
		for (int j = 0; j < u->out.n_cmds; j++) {
			const ui_cmd *c = &u->out.cmds[j];
			if (c->type == UI_CMD_CLIP)
				clip = c->rect;
			if (c->type != UI_CMD_TEXT || !c->bold || !inside(a->rect, c->box) ||
			    memcmp(&clip, &a->clip, sizeof clip))
				continue; /* words of another widget drawn over the tile's place */
			if (px && c->font_px != px)
				fault("%s: tile '%s' mixes type sizes", what, a->label);
			px = c->font_px;
		}
		for (int j = 0; j < u->out.n_ctrls && px; j++) {
			const ui_control *b = &u->out.ctrls[j];
			if (b->role != UI_ROLE_TILE || b->rect.y != a->rect.y || j == i)
				continue;
			clip = (ui_rect){ 0, 0, u->set.w, u->set.h };
			for (int k = 0; k < u->out.n_cmds; k++) {
				const ui_cmd *c = &u->out.cmds[k];
				if (c->type == UI_CMD_CLIP)
					clip = c->rect;
				if (c->type == UI_CMD_TEXT && c->bold && inside(b->rect, c->box) &&
				    !memcmp(&clip, &b->clip, sizeof clip) && c->font_px != px)
					fault("%s: tiles '%s' and '%s' in one row differ in type size",
					      what, a->label, b->label);
			}
		}
	}
}

/* The scroll bar is a thin bar in the border colour at the body's right;
 * it lies over no control. */
static void check_scroll_bar(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	ui_color bc = u->frame.theme.border;
	ui_rect clip = { 0, 0, u->set.w, u->set.h };
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_CLIP)
			clip = c->rect;
		ui_rect vis = clip_to(c->rect, clip);
		if (c->type != UI_CMD_RECT || c->border || c->rect.w > u->frame.gap ||
		    c->rect.h < 2 * u->frame.gap || c->color.r != bc.r || c->color.g != bc.g ||
		    c->color.b != bc.b || vis.h == 0)
			continue;
		for (int j = 0; j < u->out.n_ctrls; j++) {
			const ui_control *k = &u->out.ctrls[j];
			ui_rect kv = clip_to(k->rect, k->clip);
			if (kv.h > 0 && k->layer == 0 && ui_rect_overlaps(kv, vis))
				fault("%s: the scroll bar lies over '%s'", what, k->label);
		}
	}
}

static void check_screen(kt *t, const char *name, layout_size s, bool large)
{
	char what[128];
	assert_true(kiosk_sample(t->k, name) >= 0);
	t->k->ui->set.large_text = large;
	t->k->ui->set.w = s.w;
	t->k->ui->set.h = s.h;
	t->k->ui->set.dpi = s.dpi;
	kiosk_frame(t->k);
	snprintf(what, sizeof what, "%s (%s) at %dx%d dpi %.0f%s", name, lang_current()->code,
		 s.w, s.h, s.dpi, large ? " (large text)" : "");
	if (t->k->ui->out.overflow)
		fault("%s: the frame ran out of room", what);
	if (t->k->ui->out.redraw)
		fault("%s: the frame did not settle", what);
	if (t->k->ui->out.n_ctrls == 0)
		fault("%s: nothing to touch", what);
	check_controls(t, what);
	check_texts(t, what);
	check_tile_rows(t, what);
	check_scroll_bar(t, what);
	/* A screen with no Back or Next keeps no empty band for them. */
	if (!t->k->footer_shown && t->k->body.y + t->k->body.h < s.h - 2 * t->k->ui->frame.gap)
		fault("%s: an empty band is left at the bottom", what);
}

static void every_screen(kt *t, const layout_size *sizes, size_t n, bool large)
{
	for (size_t s = 0; s < n; s++)
		for (const char *const *name = KIOSK_SAMPLE_NAMES; *name; name++)
			check_screen(t, *name, sizes[s], large);
}

static bool full_sweep(void)
{
	const char *v = getenv("TELLUS_LAYOUT_SWEEP");
	return v && strcmp(v, "full") == 0;
}

static void sweep(bool large)
{
	kt *t = kt_new(false);
	faults = 0;
	if (!full_sweep()) {
		every_screen(t, SLICE, sizeof SLICE / sizeof SLICE[0], large);
	} else {
		for (size_t i = 0; i < sizeof SWEEP_SIZES / sizeof SWEEP_SIZES[0]; i++)
			for (int dpi = 96; dpi <= 480; dpi += 8) {
				layout_size s = { SWEEP_SIZES[i][0], SWEEP_SIZES[i][1], (float)dpi };
				every_screen(t, &s, 1, large);
			}
	}
	kt_free(t);
	if (faults)
		fail_msg("%d faults in the layout (the first printed above)", faults);
}

static void no_text_is_cut_on_any_screen_size_or_density(void **state)
{
	(void)state;
	sweep(false);
}

static void no_text_is_cut_with_large_text(void **state)
{
	(void)state;
	sweep(true);
}

/* The public screens in each language (SPEC 13): longer words, other
 * scripts and right-to-left layouts must fit as English does. The
 * language is the kiosk's starting one, so each sample's wipe keeps it. */
static void every_public_screen_in_every_language(void **state)
{
	(void)state;
	static const layout_size TWO[] = { { 360, 640, 160 }, { 1920, 1080, 96 } };
	const layout_size *sizes = full_sweep() ? SLICE : TWO;
	size_t n = full_sweep() ? sizeof SLICE / sizeof SLICE[0] : 2;
	tl_err err;
	kt *t = kt_new(false);
	faults = 0;
	for (int l = 0; l < LANG_N; l++) {
		assert_int_equal(kiosk_lang_start(t->k, LANG_ALL[l].code, &err), TL_OK);
		for (size_t s = 0; s < n; s++)
			for (const char *const *name = KIOSK_SAMPLE_NAMES; *name; name++) {
				if (!kiosk_sample_public(*name))
					continue;
				check_screen(t, *name, sizes[s], false);
				assert_string_equal(lang_current()->code, LANG_ALL[l].code);
				/* In that language's words, not English's. */
				if (!strcmp(*name, "start"))
					assert_true(kt_shows(t, _("Something is wrong")) &&
						    (l == 0) == !strcmp(_("Something is wrong"),
									"Something is wrong"));
			}
	}
	kiosk_lang_start(t->k, "en", &err);
	kt_free(t);
	if (faults)
		fail_msg("%d faults in the layout (the first printed above)", faults);
}

/* Safeguarding: on the start screen "I don't feel safe" is whole in view
 * without scrolling, on a phone and on a reception screen, in every
 * language: a child in danger must not have to find it below the fold.
 * The control's rect, as laid out at scroll 0, lies inside the window and
 * inside the body's clip (what is visible of the scrolling body). */
static void i_dont_feel_safe_is_above_the_fold_in_every_language(void **state)
{
	(void)state;
	static const layout_size SIZES[] = { { 1280, 800, 96 }, { 360, 640, 160 } };
	tl_err err;
	kt *t = kt_new(false);
	faults = 0;
	for (int l = 0; l < LANG_N; l++) {
		assert_int_equal(kiosk_lang_start(t->k, LANG_ALL[l].code, &err), TL_OK);
		for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
			assert_true(kiosk_sample(t->k, "start") >= 0);
			t->k->ui->state.scroll_y = 0;
			t->k->ui->set.w = SIZES[s].w;
			t->k->ui->set.h = SIZES[s].h;
			t->k->ui->set.dpi = SIZES[s].dpi;
			kiosk_frame(t->k);
			const ui_control *c = kt_need(t, _("I don't feel safe"));
			ui_rect win = { 0, 0, SIZES[s].w, SIZES[s].h };
			if (!inside(win, c->rect) || !inside(c->clip, c->rect))
				fault("start (%s) at %dx%d: \"I don't feel safe\" at %d,%d %dx%d is not "
				      "whole in view (visible %d,%d %dx%d)", LANG_ALL[l].code, SIZES[s].w,
				      SIZES[s].h, c->rect.x, c->rect.y, c->rect.w, c->rect.h, c->clip.x,
				      c->clip.y, c->clip.w, c->clip.h);
		}
	}
	kiosk_lang_start(t->k, "en", &err);
	kt_free(t);
	if (faults)
		fail_msg("%d screens hide \"I don't feel safe\" below the fold", faults);
}

/* The layout density: a stated density too high for the window's pixels
 * is laid out as the smallest phone; a believable one is kept. */
static void the_layout_density_keeps_a_believable_screen_as_it_is(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	ui_ctx *u = t->k->ui;
	u->set.w = 360, u->set.h = 640, u->set.dpi = 160;
	assert_true(ui_dpi(u) == 160.0f);
	u->set.dpi = 400;
	assert_true(ui_dpi(u) < 190.0f && ui_dpi(u) > 180.0f);
	assert_true((float)u->set.w * 25.4f / ui_dpi(u) >= UI_PHONE_SHORT_MM - 0.01f);
	u->set.w = 1920, u->set.h = 1080, u->set.dpi = 480;
	assert_true(ui_dpi(u) == 480.0f);
	kt_free(t);
}

static void keyboard_reaches_every_control_and_shows_a_focus_ring(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	kiosk_sample(t->k, "start");
	kt_size(t, 1280, 800);
	int n = t->k->ui->out.n_ctrls;
	ui_id seen[UI_MAX_CTRLS];
	for (int i = 0; i < n; i++) {
		kt_key(t, SDLK_TAB, 0);
		seen[i] = t->k->ui->state.focus;
		for (int j = 0; j < i; j++)
			assert_true(seen[j] != seen[i]);
	}
	kt_key(t, SDLK_TAB, 0);
	assert_true(t->k->ui->state.focus == seen[0]); /* wraps round */
	bool ring = false;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		ui_color f = t->k->ui->frame.theme.focus;
		ring |= c->type == UI_CMD_RECT && c->border > 0 && c->color.r == f.r &&
			c->color.g == f.g && c->color.b == f.b;
	}
	assert_true(ring);
	kt_free(t);
}

static void high_contrast_changes_the_colours(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	kiosk_sample(t->k, "start");
	kt_size(t, 1280, 800);
	ui_color calm = t->k->ui->out.cmds[0].color;
	t->k->ui->set.high_contrast = true;
	kiosk_frame(t->k);
	ui_color dark = t->k->ui->out.cmds[0].color;
	assert_true(calm.r != dark.r);
	assert_int_equal(dark.r, 0);
	kt_free(t);
}

/* WCAG 2.x relative luminance and contrast ratio. */
static double channel(int v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double contrast(ui_color a, ui_color b)
{
	double la = 0.2126 * channel(a.r) + 0.7152 * channel(a.g) + 0.0722 * channel(a.b);
	double lb = 0.2126 * channel(b.r) + 0.7152 * channel(b.g) + 0.0722 * channel(b.b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

#define AT_LEAST(a, b, min, what) do { \
	if (contrast((a), (b)) < (min)) \
		fail_msg("%s: %s is %.2f:1, under %.1f:1", theme, what, contrast((a), (b)), (double)(min)); \
} while (0)

/* Text 4.5:1 on every ground it is drawn on; boundaries 3:1 (WCAG 1.4.3,
 * 1.4.11). And on screens as drawn, every outline against the ground. */
static void every_boundary_is_3_to_1_and_text_4_5_to_1(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	for (int hc = 0; hc < 2; hc++) {
		const char *theme = hc ? "high contrast" : "calm";
		ui_ctx *u = t->k->ui;
		u->set.high_contrast = hc;
		ui_begin(u);
		ui_end(u);
		const ui_theme th = u->frame.theme;
		AT_LEAST(th.border, th.bg, 3.0, "border on the ground");
		AT_LEAST(th.border, th.panel, 3.0, "border on a card");
		AT_LEAST(th.panel, th.keys, 3.0, "a key on the keyboard");
		AT_LEAST(th.primary, th.selected, 3.0, "a chosen tile's edge");
		const struct { ui_color ink, ground; const char *what; } text[] = {
			{ th.text, th.bg, "text" }, { th.text, th.panel, "text on a card" },
			{ th.muted, th.bg, "muted text" }, { th.muted, th.panel, "muted text on a card" },
			{ th.on_primary, th.primary, "a button's words" },
			{ th.on_primary, th.danger, "a red button's words" },
			{ th.primary, th.panel, "a quiet button's words" },
			{ th.danger, th.panel, "a problem" }, { th.success, th.panel, "a success" },
			{ th.danger, th.bg, "a problem on the ground" },
			{ th.text, th.selected, "a chosen tile's words" },
		};
		for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
			AT_LEAST(text[i].ink, text[i].ground, 4.5, text[i].what);
		static const char *const SCREENS[] = { "start", "who", "manager", "case", "keyboard" };
		for (size_t s = 0; s < sizeof SCREENS / sizeof SCREENS[0]; s++) {
			kiosk_sample(t->k, SCREENS[s]);
			t->k->ui->set.high_contrast = hc;
			kt_size(t, 1280, 800);
			for (int i = 0; i < u->out.n_cmds; i++) {
				const ui_cmd *c = &u->out.cmds[i];
				bool ring = c->color.r == th.focus.r && c->color.g == th.focus.g &&
					c->color.b == th.focus.b;
				if (c->type == UI_CMD_RECT && c->border > 0 && !ring)
					AT_LEAST(c->color, th.bg, 3.0, SCREENS[s]);
			}
		}
	}
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_text_is_cut_on_any_screen_size_or_density),
		cmocka_unit_test(no_text_is_cut_with_large_text),
		cmocka_unit_test(every_public_screen_in_every_language),
		cmocka_unit_test(i_dont_feel_safe_is_above_the_fold_in_every_language),
		cmocka_unit_test(the_layout_density_keeps_a_believable_screen_as_it_is),
		cmocka_unit_test(keyboard_reaches_every_control_and_shows_a_focus_ring),
		cmocka_unit_test(high_contrast_changes_the_colours),
		cmocka_unit_test(every_boundary_is_3_to_1_and_text_4_5_to_1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
