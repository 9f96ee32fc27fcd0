/* report_names.c - names in a published compliment shown as initials
 * unless its author agreed to names being published too (consent_names).
 * The SQL function publish_names(words, known, allowed) that the appendix
 * (reports/tables/compliments_published.sql) calls. The rule, written so
 * that a manager can predict it, and erring towards initials:
 *
 *  1. A word that is a name the register knows (known: staff, officers,
 *     names recorded on the case) is an initial, in any case ("leah" too),
 *     unless it is written in lower case and is also an ordinary word
 *     (not-names.txt, whose "~" words count in lower case only: "we will"
 *     stays when a Will is on the staff; "Will" never does).
 *  2. Any other word that begins with a capital letter is an initial,
 *     unless it is a word that is not a name: reports/not-names.txt (the
 *     words compliments start sentences with, roles, services, days) or
 *     allowed (the authority's name, the service areas and teams, the
 *     report_not_names setting).
 *  3. Letters of a script without capitals (Arabic, Bengali, Gujarati,
 *     Gurmukhi, Chinese...) leave no way to tell a name: such words cannot
 *     be checked, and the function returns NULL (the appendix prints a
 *     notice instead of the compliment).
 *
 * What it cannot see: a name in lower case that the register does not
 * know, a misspelt known name in lower case, a name that is also on the
 * not-names list and written in lower case. An initial is "L." for
 * "Leah"; "Leah's" is "L.'s". */
#include <stdlib.h>
#include <string.h>
#include "report_private.h"

#define WORD_MAX 64

typedef struct {
	char **words;  /* lower case (ASCII folded), sorted */
	size_t n;
} word_set;

/* reports/not-names.txt: words that are not names, and ("~word") words
 * that are not names in lower case only. */
typedef struct {
	word_set words, lower_only;
} not_names;

/* One UTF-8 character at s: its code point, *len its bytes. The store
 * holds valid UTF-8 (text_check); a stray byte reads as itself. */
static unsigned cp_at(const unsigned char *s, size_t *len)
{
	unsigned c = s[0];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			n = 1;
	if (n == 1) {
		*len = 1;
		return c;
	}
	c &= 0xFF >> (n + 1);
	for (size_t i = 1; i < n; i++)
		c = c << 6 | (s[i] & 0x3F);
	*len = n;
	return c;
}

/* Letters of the scripts that have capitals: Latin, Greek, Cyrillic. */
static bool cased_letter(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

/* Letters of scripts with no capitals, where rule 2 cannot work. */
static bool caseless_letter(unsigned c)
{
	static const unsigned RANGES[][2] = {
		{ 0x0590, 0x08FF }, { 0x0900, 0x0DFF }, { 0x0E00, 0x0FFF }, { 0x1000, 0x109F },
		{ 0x10D0, 0x10FF }, { 0x1100, 0x137F }, { 0x1780, 0x17FF }, { 0x3040, 0x30FF },
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xAC00, 0xD7AF }, { 0xFB1D, 0xFDFF },
		{ 0xFE70, 0xFEFF },
	};
	for (size_t i = 0; i < sizeof RANGES / sizeof RANGES[0]; i++)
		if (c >= RANGES[i][0] && c <= RANGES[i][1])
			return true;
	return false;
}

/* Upper case in Latin-1, Latin Extended-A and -B (mostly even code
 * points, odd between U+0139 and U+0148, and U+0179 to U+017D), Latin
 * Extended Additional, Greek and Cyrillic. */
static bool upper(unsigned c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c % 2 == 1;
	if (c == 0x178)
		return true;
	if ((c >= 0x100 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x460 && c <= 0x52F))
		return c % 2 == 0;
	return (c >= 0x391 && c <= 0x3AB) || (c >= 0x400 && c <= 0x42F);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void fold(const char *s, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	out[len] = '\0';
}

static bool set_has(const word_set *ws, const char *folded)
{
	return ws->n && bsearch(&folded, ws->words, ws->n, sizeof *ws->words, cmp_str);
}

static void set_free(word_set *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->words[i]);
	free(ws->words);
	ws->words = NULL;
	ws->n = 0;
}

static int add_word(word_set *ws, size_t *cap, const char *w, size_t len)
{
	if (ws->n == *cap) {
		char **more = realloc(ws->words, (*cap = *cap ? *cap * 2 : 64) * sizeof *more);
		if (!more)
			return TL_ENOMEM;
		ws->words = more;
	}
	if (!(ws->words[ws->n] = malloc(len + 1)))
		return TL_ENOMEM;
	fold(w, len, ws->words[ws->n++]);
	return TL_OK;
}

static void set_sort(word_set *ws)
{
	if (ws->n)
		qsort(ws->words, ws->n, sizeof *ws->words, cmp_str);
}

/* The words of text (runs of letters) of min_len letters or more, folded,
 * into ws, sorted. */
static int set_load(word_set *ws, const char *text, size_t min_len)
{
	const char *s = text ? text : "";
	size_t cap = 0;

	while (*s) {
		size_t len = 0, n;
		while (s[len] && cased_letter(cp_at((const unsigned char *)s + len, &n)))
			len += n;
		if (len >= min_len && len < WORD_MAX && add_word(ws, &cap, s, len))
			return TL_ENOMEM;
		if (!len)
			cp_at((const unsigned char *)s, &len);
		s += len;
	}
	set_sort(ws);
	return TL_OK;
}

/* not-names.txt: a word a line, "#" comments, "~" for lower case only. */
static int list_load(not_names *nn, const char *text)
{
	size_t caps[2] = { 0, 0 };
	while (*text) {
		size_t len = strcspn(text, "\n");
		const char *w = text + strspn(text, " \t");
		size_t wl = strcspn(w, " \t\r\n#");
		bool lower = *w == '~';
		if (lower)
			w++, wl = strcspn(w, " \t\r\n#");
		if (*w != '#' && wl && wl < WORD_MAX &&
		    add_word(lower ? &nn->lower_only : &nn->words, &caps[lower], w, wl))
			return TL_ENOMEM;
		text += len + (text[len] == '\n');
	}
	set_sort(&nn->words);
	set_sort(&nn->lower_only);
	return TL_OK;
}

/* Rules 1 and 2 for one word of len bytes at w. */
static bool shorten(const char *w, size_t len, const word_set *known, const not_names *nn,
		    const word_set *allowed)
{
	char folded[WORD_MAX];
	size_t n;
	bool capital = upper(cp_at((const unsigned char *)w, &n));
	if (len >= WORD_MAX)
		return capital;
	fold(w, len, folded);
	bool listed = set_has(&nn->words, folded) || set_has(allowed, folded);
	if (set_has(known, folded))
		return capital || !(listed || set_has(&nn->lower_only, folded));
	return capital && !listed;
}

/* publish_names(words, known, allowed): the words with names as initials,
 * or NULL when a word cannot be checked (rule 3). known and allowed are
 * lists of names and of words, any separators. */
static void f_publish_names(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	word_set known = { 0 }, allowed = { 0 };
	const not_names *nn = sqlite3_user_data(cx);
	char *out = NULL;
	size_t used = 0;
	(void)argc;

	if (!s)
		return;
	/* An initial is never longer than its word but for the full stop a
	 * word of one letter gains: twice the words' length is always room. */
	if (!(out = malloc(2 * strlen(s) + 1)) ||
	    set_load(&known, (const char *)sqlite3_value_text(argv[1]), 2) ||
	    set_load(&allowed, (const char *)sqlite3_value_text(argv[2]), 1)) {
		sqlite3_result_error_nomem(cx);
		goto cleanup;
	}
	while (*s) {
		size_t len = 0, n;
		if (caseless_letter(cp_at((const unsigned char *)s, &n)))
			goto cleanup;  /* rule 3: NULL */
		while (s[len] && cased_letter(cp_at((const unsigned char *)s + len, &n)))
			len += n;
		if (!len) {
			cp_at((const unsigned char *)s, &len);
		} else if (shorten(s, len, &known, nn, &allowed)) {
			cp_at((const unsigned char *)s, &n);
			memcpy(out + used, s, n);
			used += n;
			if (s[len] != '.')  /* "to Will." is "to W." */
				out[used++] = '.';
			s += len;
			continue;
		}
		memcpy(out + used, s, len);
		used += len;
		s += len;
	}
	sqlite3_result_text(cx, out, (int)used, free);
	out = NULL;
cleanup:
	free(out);
	set_free(&known);
	set_free(&allowed);
}

static void free_list(void *p)
{
	not_names *nn = p;
	set_free(&nn->words);
	set_free(&nn->lower_only);
	free(nn);
}

int report_names_register(tl_store *st, tl_err *err)
{
	not_names *nn = calloc(1, sizeof *nn);
	if (!nn || list_load(nn, REPORT_NOT_NAMES)) {
		if (nn)
			free_list(nn);
		return err_set(err, TL_ENOMEM, "report: out of memory");
	}
	/* SQLite owns the list from here, and frees it with free_list when the
	 * function is registered again or the connection closes (or now, when
	 * registering fails). */
	if (sqlite3_create_function_v2(store_db(st), "publish_names", 3,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC, nn,
				       f_publish_names, NULL, NULL, free_list))
		return store_fail(st, err, "registering the report's SQL functions");
	return TL_OK;
}
