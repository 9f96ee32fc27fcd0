/* lang_table.c - the languages Tellus speaks (SPEC 13: English, Welsh,
 * and the languages most spoken in English homes after English), and the
 * `languages` setting that picks which the start screen offers. The words
 * themselves live in assets/locale/CODE/tellus.po, not here. */
#include <stdio.h>
#include <string.h>
#include "tellus/lang.h"

/* Plural forms are CLDR's rules written for gettext (as Weblate and
 * msginit write them); each catalogue's header must say the same (a unit
 * test compares them). Keyboards are the nearest layouts xkb-data has:
 * it has none for Welsh, so Welsh takes Microsoft's UK Extended (gb(extd):
 * AltGr+6 is a dead circumflex for ŵ and ŷ, AltGr+vowel an acute).
 * Portuguese is Portugal's; Urdu is Pakistan's phonetic layout. */
const tl_lang LANG_ALL[] = {
	{ "en", "English", "English", false, "nplurals=2; plural=(n != 1);",
	  "en", "gb" },
	{ "cy", "Cymraeg", "Welsh", false,
	  "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;",
	  "cy", "gb(extd)" },
	{ "pl", "Polski", "Polish", false,
	  "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	  "pl", "pl" },
	{ "ro", "Română", "Romanian", false,
	  "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
	  "ro", "ro(std)" },
	{ "pa", "ਪੰਜਾਬੀ", "Panjabi (Gurmukhi)", false, "nplurals=2; plural=(n > 1);",
	  "pa", "in(guru) gb" },
	{ "ur", "اردو", "Urdu", true, "nplurals=2; plural=(n != 1);",
	  "ur", "pk gb" },
	{ "pt", "Português", "Portuguese", false, "nplurals=2; plural=(n != 1);",
	  "pt", "pt" },
	{ "es", "Español", "Spanish", false, "nplurals=2; plural=(n != 1);",
	  "es", "es" },
	{ "ar", "العربية", "Arabic", true,
	  "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
	  "ar", "ara gb" },
	{ "bn", "বাংলা", "Bengali", false, "nplurals=2; plural=(n > 1);",
	  "bn", "bd gb" },
	{ "gu", "ગુજરાતી", "Gujarati", false, "nplurals=2; plural=(n > 1);",
	  "gu", "in(guj) gb" },
};
const int LANG_N = (int)(sizeof LANG_ALL / sizeof LANG_ALL[0]);

const tl_lang *lang_find(const char *code)
{
	for (int i = 0; code && i < LANG_N; i++)
		if (strcmp(LANG_ALL[i].code, code) == 0)
			return &LANG_ALL[i];
	return NULL;
}

static bool listed(const tl_lang *const *list, int n, const tl_lang *l)
{
	for (int i = 0; i < n; i++)
		if (list[i] == l)
			return true;
	return false;
}

int lang_list_parse(const char *setting, const tl_lang **out, int cap, int *n, tl_err *err)
{
	char word[LANG_CODE_MAX + 1];
	const char *p = setting ? setting : "";
	*n = 0;
	p += strspn(p, " ,");
	if (strcmp(p, "all") == 0 || strncmp(p, "all ", 4) == 0) {
		if (p[3] && p[3 + strspn(p + 3, " ,")])
			return err_set(err, TL_EINVAL, "languages: 'all' stands alone");
		for (int i = 0; i < LANG_N && i < cap; i++)
			out[(*n)++] = &LANG_ALL[i];
		return TL_OK;
	}
	while (*p) {
		size_t len = strcspn(p, " ,");
		snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), p);
		const tl_lang *l = len < sizeof word ? lang_find(word) : NULL;
		if (!l) {
			char codes[LANG_MAX * 4] = "";
			for (int i = 0; i < LANG_N; i++)
				snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s%s",
					 i ? ", " : "", LANG_ALL[i].code);
			return err_set(err, TL_EINVAL, "languages: '%.*s' is not one of %s (or all)",
				       len > 20 ? 20 : (int)len, p, codes);
		}
		if (listed(out, *n, l))
			return err_set(err, TL_EINVAL, "languages: '%s' is named twice", l->code);
		if (*n == cap)
			return err_set(err, TL_EINVAL, "languages: at most %d", cap);
		out[(*n)++] = l;
		p += len;
		p += strspn(p, " ,");
	}
	if (*n == 0)
		return err_set(err, TL_EINVAL, "languages: name at least one language, or all");
	return TL_OK;
}

int lang_list_load(tl_store *st, const tl_lang **out, int cap, int *n, tl_err *err)
{
	char v[256];
	int rc = store_setting_get(st, "languages", v, sizeof v, err);
	if (rc == TL_ENOTFOUND)
		snprintf(v, sizeof v, "all");
	else if (rc)
		return rc;
	return lang_list_parse(v, out, cap, n, err);
}
