/* lang.h - the languages of the public screens and the tracking page
 * (SPEC 13): the table of languages (own name, direction, plural forms,
 * eSpeak NG voice, XKB keyboards), the `languages` setting, and words in a
 * language through GNU gettext, from one catalogue domain ("tellus")
 * compiled from assets/locale/LANG/tellus.po.
 *
 * Marking words in the front ends (scripts/i18n_check.py checks them):
 *   _("Send")                 words on screen, in the current language
 *   NG_("%d day", "%d days", n)  with the language's plural forms
 *   P_("month", "May")        with a context, where English is ambiguous
 *   N_("Fostering")           marked for the catalogue, translated later
 *                             with _() (tables of words); NP_(ctx, s)
 *                             the same with a context, for P_()
 *   lang_text(code, "...")    in a given language (the tracking page)
 *   NT_("Other")              not words: data (a stored value, an id) */
#ifndef TELLUS_LANG_H
#define TELLUS_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/date.h"
#include "tellus/err.h"
#include "tellus/store.h"

#define LANG_DOMAIN "tellus"
#define LANG_CODE_MAX 8
#define LANG_MAX 16      /* languages a `languages` setting can name */
#define LANG_DATE_MAX 96 /* bytes of a date in words, with its NUL */

typedef struct {
	const char *code;         /* ISO 639-1, the catalogue's folder: "pl" */
	const char *name;         /* its own name in its own script: "Polski" */
	const char *english;      /* for staff and logs: "Polish" */
	bool rtl;                 /* laid out from the right */
	const char *plural_forms; /* its catalogue's Plural-Forms header, exactly */
	const char *voice;        /* eSpeak NG voice; NULL: none */
	/* XKB layouts for the on-screen keyboard, "layout" or
	 * "layout(variant)" separated by spaces; the first is the language's
	 * own, a Latin one follows for references and emails. */
	const char *keyboards;
} tl_lang;

/* Every language, English (the source) first. */
extern const tl_lang LANG_ALL[];
extern const int LANG_N;

/* The language with that code, or NULL. */
const tl_lang *lang_find(const char *code);

/* The `languages` setting: "all", or codes separated by spaces or commas
 * in the order the start screen shows them. Fills out (cap entries) and
 * *n; an unknown or repeated code is refused, naming it. */
int lang_list_parse(const char *setting, const tl_lang **out, int cap, int *n, tl_err *err);
/* The setting as stored (not set: every language). */
int lang_list_load(tl_store *st, const tl_lang **out, int cap, int *n, tl_err *err);

/* Catalogues (lang_gettext.c). gettext keeps one language per process
 * and glibc ignores LANGUAGE in the C locale, so lang_open moves
 * LC_MESSAGES to C.UTF-8 (shipped by Debian's libc-bin; no locale needs
 * generating) and every lookup switches LANGUAGE under a lock.
 * dir NULL: $TELLUS_LOCALEDIR, else the build tree beside the program
 * (BUILD/locale), else the installed PREFIX/share/locale. Call it once,
 * before any other call below; the current language is then English. */
int lang_open(const char *dir, tl_err *err);
/* The folder the catalogues are read from ("" before lang_open). */
const char *lang_dir(void);
/* Switches _(), NG_() and P_() to code: the kiosk's visit. */
int lang_use(const char *code, tl_err *err);
const tl_lang *lang_current(void);

/* Lookups. The result lives as long as the process; the msgid itself
 * when the catalogue has no translation. Safe from any thread. */
const char *lang_gettext(const char *msgid);
const char *lang_ngettext(const char *one, const char *many, unsigned long n);
const char *lang_pgettext(const char *ctx, const char *msgid);
const char *lang_text(const char *code, const char *msgid);
const char *lang_ntext(const char *code, const char *one, const char *many, unsigned long n);
const char *lang_ptext(const char *code, const char *ctx, const char *msgid);

#define _(s) lang_gettext(s)
#define NG_(s, p, n) lang_ngettext(s, p, n)
#define P_(c, s) lang_pgettext(c, s)
#define N_(s) (s)
#define NP_(c, s) (s)
#define NT_(s) (s)

/* What a catalogue is: English is the source; a catalogue is a draft
 * until a qualified translator signs its header's Reviewed-By field. */
typedef enum { LANG_CAT_SOURCE, LANG_CAT_REVIEWED, LANG_CAT_DRAFT, LANG_CAT_MISSING } tl_lang_cat;
tl_lang_cat lang_catalogue(const char *code);
/* A field of code's catalogue header ("Reviewed-By", "Plural-Forms"),
 * trimmed; "" when the field or the catalogue is missing. */
void lang_header(const char *code, const char *field, char *out, size_t cap);

/* Words in the current language (lang_words.c). */
/* "Thursday 29 January 2026", "czwartek, 29 stycznia 2026"; "" for
 * TL_NO_DATE. */
void lang_date_words(tl_date d, char *out, size_t cap);
/* The same in code's language (the tracking page's, per request). */
void lang_date_words_in(const char *code, tl_date d, char *out, size_t cap);
/* "10 working days", with the language's plural forms. */
void lang_workdays(int n, char *out, size_t cap);
/* s between U+2066 (left-to-right isolate) and U+2069: a phone number, an
 * email address or a reference put into a sentence that may be written
 * right to left keeps its own order there. Returns out. */
const char *lang_isolate(const char *s, char *out, size_t cap);

#endif
