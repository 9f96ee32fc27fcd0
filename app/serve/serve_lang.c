/* serve_lang.c - the tracking page's language (SPEC 13): the one the
 * link asks for (the receipt's QR carries the kiosk visit's language as
 * lang=, and the page's own language links do), else the one the
 * browser says it wants most (Accept-Language, RFC 9110 12.5.4) that
 * Tellus has, else English. */
#include <stdlib.h>
#include <string.h>
#include "serve_private.h"

/* The language of one Accept-Language range ("pl-PL", "ar;q=0.8"), by its
 * primary subtag, or NULL; its weight into *q. */
static const tl_lang *range_lang(const char *r, size_t n, double *q)
{
	char tag[LANG_CODE_MAX];
	size_t t = 0;

	while (n && (*r == ' ' || *r == '\t'))
		r++, n--;
	while (t < n && t < sizeof tag - 1 && r[t] != '-' && r[t] != ';' && r[t] != ' ')
		t++;
	if (t == 0 || t >= sizeof tag - 1)
		return NULL;
	for (size_t i = 0; i < t; i++)
		tag[i] = (char)(r[i] >= 'A' && r[i] <= 'Z' ? r[i] + 32 : r[i]);
	tag[t] = '\0';
	*q = 1.0;
	const char *w = memchr(r, ';', n);
	if (w && (w = strstr(w, "q=")) && w < r + n)
		*q = strtod(w + 2, NULL);
	return lang_find(tag);
}

const tl_lang *serve_lang_pick(const char *asked, const char *accept)
{
	const tl_lang *best = NULL;
	double best_q = 0;

	if (asked && *asked && lang_find(asked))
		return lang_find(asked);
	for (const char *r = accept; r && *r;) {
		size_t n = strcspn(r, ",");
		double q = 0;
		const tl_lang *l = range_lang(r, n, &q);
		if (l && q > best_q) {
			best = l;
			best_q = q;
		}
		r += n + (r[n] == ',');
	}
	return best ? best : &LANG_ALL[0];
}
