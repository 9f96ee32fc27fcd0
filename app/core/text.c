/* text.c - UTF-8 validation and the checks on a person's words.
 * The validator follows the well-formed byte sequences of Unicode 15,
 * table 3-7, so what passes here any font engine and browser will accept. */
#include <string.h>
#include "tellus/text.h"

/* Length of the well-formed sequence at p (at most n bytes), or 0. */
static size_t seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (c == 0xE0) lo = 0xA0;       /* overlong */
	else if (c == 0xED) hi = 0x9F;  /* surrogates */
	else if (c == 0xF0) lo = 0x90;  /* overlong */
	else if (c == 0xF4) hi = 0x8F;  /* past U+10FFFF */
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

bool text_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t len = seq_len(p + i, n - i);
		if (len == 0) {
			if (bad_at)
				*bad_at = i;
			return false;
		}
		i += len;
	}
	return true;
}

int text_check(const char *field, const char *s, size_t max, int flags, tl_err *err)
{
	size_t n, bad;

	if (!s)
		s = "";
	n = strlen(s);
	if (n > max)
		return err_set(err, TL_EINVAL, "%s: too long (%zu bytes; at most %zu)", field, n, max);
	if (!text_utf8_valid(s, n, &bad))
		return err_set(err, TL_EINVAL, "%s: not valid UTF-8 text (at byte %zu)", field, bad + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool brk = c == '\n' || c == '\r' || c == '\t';
		if ((c < 0x20 && !brk) || c == 0x7F)
			return err_set(err, TL_EINVAL, "%s: control character 0x%02X at byte %zu",
				       field, c, i + 1);
		if (brk && (flags & TEXT_ONE_LINE))
			return err_set(err, TL_EINVAL, "%s: must be one line (line break or tab at "
				       "byte %zu)", field, i + 1);
	}
	if ((flags & TEXT_REQUIRED) && strspn(s, " \t\r\n") == n)
		return err_set(err, TL_EINVAL, "%s: is required and is empty", field);
	return TL_OK;
}

size_t text_prev_char_len(const char *s, size_t at)
{
	size_t i = at;
	if (at == 0)
		return 0;
	/* Step back over continuation bytes, at most three of them. */
	do
		i--;
	while (i > 0 && at - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return at - i;
}
