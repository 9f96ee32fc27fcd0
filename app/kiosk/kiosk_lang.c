/* kiosk_lang.c - the visit's language (SPEC 13): the start screen offers
 * the languages of the `languages` setting, in its order; a visit starts
 * in the kiosk's own (the first of them, or --lang) and a wipe puts that
 * back, so nobody finds the last visitor's language. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* `tellus config set` checks the setting, so only a database written by
 * something else can hold a bad one: the kiosk then offers every language
 * rather than refuse to start in front of a child. */
void kiosk_lang_load(kiosk *k)
{
	k->n_langs = 0;
	if (!k->st || lang_list_load(k->st, k->langs, LANG_MAX, &k->n_langs, NULL))
		lang_list_parse("all", k->langs, LANG_MAX, &k->n_langs, NULL);
	k->lang_start = k->lang = k->langs[0];
}

int kiosk_lang_start(kiosk *k, const char *code, tl_err *err)
{
	const tl_lang *l = lang_find(code);
	if (!l)
		return err_set(err, TL_EINVAL, "--lang: '%.20s' is not one of Tellus's languages "
			       "(see --list-languages)", code);
	k->lang_start = l;
	return kiosk_lang_set(k, l, err);
}

/* The name on the key that switches to a layout: the own name of the
 * language whose keyboard it is first (gb is English's, in(guj)
 * Gujarati's), else XKB's name for it. */
static const char *layout_name(const ui_xkb_layout *l)
{
	for (int i = 0; i < LANG_N; i++) {
		size_t n = strlen(l->id);
		if (strncmp(LANG_ALL[i].keyboards, l->id, n) == 0 &&
		    (LANG_ALL[i].keyboards[n] == ' ' || !LANG_ALL[i].keyboards[n]))
			return LANG_ALL[i].name;
	}
	return l->title;
}

/* The language's keyboards, loaded once for each language chosen (a
 * keymap takes XKB some milliseconds to compile). A layout xkb-data
 * lacks leaves the ones before it; none at all, the built-in keys. */
static void load_keyboards(kiosk *k, const tl_lang *l)
{
	int n = 0;
	if (!k->xkb || k->kbd_for == l)
		return;
	ui_xkb_load_list(k->xkb, l->keyboards, k->kbd, KIOSK_KEYBOARDS, &n, NULL);
	for (int i = 0; i < n; i++)
		k->kbd_names[i] = layout_name(&k->kbd[i]);
	k->osk.layouts = n > 0 ? k->kbd : NULL;
	k->osk.names = k->kbd_names;
	k->osk.n = n;
	k->osk.cur = 0;
	k->osk.dead = 0;
	k->kbd_for = l;
}

int kiosk_lang_set(kiosk *k, const tl_lang *l, tl_err *err)
{
	int rc = lang_use(l->code, err);
	if (rc == TL_OK) {
		k->lang = l;
		load_keyboards(k, l);
		k->ui->out.redraw = true;
	}
	return rc;
}

void kiosk_lang_reset(kiosk *k)
{
	if (k->lang_start)
		kiosk_lang_set(k, k->lang_start, NULL);
}

/* One line a language, tab-separated: code, own name, direction, the
 * catalogue (source, draft: not reviewed, reviewed by whom, missing),
 * the voice (eSpeak NG's, as installed here, or none) and keyboards. */
void kiosk_list_languages(FILE *out)
{
	/* For staff at a terminal, in English like the rest of the options. */
	static const char *const CAT[] = { NT_("source"), NT_("reviewed"),
					   NT_("draft (not reviewed)"), NT_("missing") };
	speech *sp = NULL;
	tl_err serr;
	bool can_speak = speech_open(&sp, &serr) == TL_OK;
	fprintf(out, "code\tname\tdirection\tcatalogue\tvoice\tkeyboards\n");
	for (int i = 0; i < LANG_N; i++) {
		const tl_lang *l = &LANG_ALL[i];
		char who[200] = "", cat[260];
		tl_lang_cat c = lang_catalogue(l->code);
		if (c == LANG_CAT_REVIEWED)
			lang_header(l->code, "Reviewed-By", who, sizeof who);
		snprintf(cat, sizeof cat, "%s%s%s", CAT[c], who[0] ? NT_(" by ") : "", who);
		bool voiced = can_speak && speech_has_voice(sp, l->voice);
		fprintf(out, "%s\t%s\t%s\t%s\t%s%s\t%s\n", l->code, l->name, l->rtl ? "rtl" : "ltr",
			cat, voiced ? "voice " : "no voice", voiced ? l->voice : "", l->keyboards);
	}
	speech_close(sp);
}
