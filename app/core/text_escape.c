/* text_escape.c - a person's words made safe to show on a terminal
 * (SPEC 9): controls, bidi overrides and isolates, and invisible format
 * characters written visibly (text.h says which and why). One function
 * decides each character's form; the buffer and stream writers share it.
 * And the same words as HTML text, markup escaped, or as a URL's query
 * value, percent-encoded. */
#include <stdio.h>
#include <string.h>
#include "tellus/text.h"

/* Characters that move, hide or disguise text on a terminal: bidi
 * controls, zero-width and other invisible format characters (Unicode
 * category Cf, less ZWNJ/ZWJ), line and paragraph separators, and the
 * invisible fillers that make look-alike names. */
static int hidden(unsigned long cp)
{
	static const unsigned long R[][2] = {
		{ 0x00AD, 0x00AD }, { 0x061C, 0x061C }, { 0x115F, 0x1160 }, { 0x180E, 0x180E },
		{ 0x200B, 0x200B }, { 0x200E, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 },
		{ 0x2066, 0x206F }, { 0x3164, 0x3164 }, { 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 },
		{ 0xFFF9, 0xFFFB }, { 0xFFFE, 0xFFFF }, { 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
	};
	if (cp >= 0x80 && cp <= 0x9F) /* C1 controls */
		return 1;
	for (size_t i = 0; i < sizeof R / sizeof R[0]; i++)
		if (cp >= R[i][0] && cp <= R[i][1])
			return 1;
	return 0;
}

/* The UTF-8 sequence at p (n bytes left): its length and code point, or
 * 0 when it is not well formed. */
static size_t decode(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t bad;
	size_t len = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	if (len > n || !text_utf8_valid((const char *)p, len, &bad))
		return 0;
	static const unsigned char lead[] = { 0, 0x7F, 0x1F, 0x0F, 0x07 };
	*cp = p[0] & lead[len];
	for (size_t i = 1; i < len; i++)
		*cp = (*cp << 6) | (p[i] & 0x3F);
	return len;
}

/* The form of the character at p: written into out (up to 16 bytes with
 * its NUL); returns how many bytes of p it stands for. */
static size_t one(const unsigned char *p, size_t n, int flags, char out[16])
{
	unsigned long cp;
	size_t len = decode(p, n, &cp);
	bool lines = flags & TEXT_ESC_LINES;

	if (len == 0) {
		snprintf(out, 16, "\\x%02X", p[0]);
		return 1;
	}
	if (cp == '\r' && lines && n > 1 && p[1] == '\n') { /* CRLF hides nothing */
		snprintf(out, 16, "\n");
		return 2;
	}
	if (cp == '\n' || cp == '\t' || cp == '\r')
		snprintf(out, 16, "%s", (lines && cp != '\r') ? (cp == '\n' ? "\n" : "\t")
			 : cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r");
	else if (cp < 0x20 || cp == 0x7F)
		snprintf(out, 16, "\\x%02lX", cp);
	else if (hidden(cp))
		snprintf(out, 16, "<U+%04X>", (unsigned)(cp & 0x1FFFFF));
	else {
		memcpy(out, p, len);
		out[len] = '\0';
	}
	return len;
}

/* The length of s escaped, without its NUL. */
static size_t escaped_len(const unsigned char *p, size_t n, int flags)
{
	char piece[16];
	size_t total = 0;
	while (n > 0) {
		size_t took = one(p, n, flags, piece);
		total += strlen(piece);
		p += took;
		n -= took;
	}
	return total;
}

char *text_escape_terminal(const char *s, int flags, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), used = 0;
	char piece[16];

	if (cap == 0)
		return out;
	/* Printable ASCII, most of what a list shows, is itself: copied
	 * whole when it fits, without a character-by-character pass. */
	size_t plain = 0;
	while (plain < n && p[plain] >= 0x20 && p[plain] < 0x7F)
		plain++;
	if (plain == n && n < cap) {
		memcpy(out, p, n + 1);
		return out;
	}
	/* Cut short, it keeps room for "..." so the cut is seen. */
	size_t room = escaped_len(p, n, flags) < cap ? cap - 1 : cap > 4 ? cap - 4 : 0;
	out[0] = '\0';
	while (n > 0) {
		size_t took = one(p, n, flags, piece), w = strlen(piece);
		if (used + w > room) {
			snprintf(out + used, cap - used, "...");
			break;
		}
		memcpy(out + used, piece, w + 1);
		used += w;
		p += took;
		n -= took;
	}
	return out;
}

int text_fputs_terminal(const char *s, int flags, FILE *f)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	char piece[16];

	while (n > 0) {
		size_t took = one(p, n, flags, piece);
		if (fputs(piece, f) == EOF)
			return EOF;
		p += took;
		n -= took;
	}
	return 0;
}

int text_fputs_html(const char *s, FILE *f)
{
	int rc = 0;
	for (; s && *s && rc != EOF; s++) {
		switch (*s) {
		case '&': rc = fputs("&amp;", f); break;
		case '<': rc = fputs("&lt;", f); break;
		case '>': rc = fputs("&gt;", f); break;
		case '"': rc = fputs("&quot;", f); break;
		case '\'': rc = fputs("&#39;", f); break;
		default: rc = fputc(*s, f);
		}
	}
	return rc == EOF ? EOF : 0;
}

int text_fputs_query(const char *s, FILE *f)
{
	int rc = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p && rc != EOF; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			rc = fputc(*p, f);
		else
			rc = fprintf(f, "%%%02X", *p) < 0 ? EOF : 0;
	}
	return rc == EOF ? EOF : 0;
}
