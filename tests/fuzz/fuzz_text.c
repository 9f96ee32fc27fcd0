/* fuzz_text.c - the UTF-8 checks on a person's words, against a decoder
 * written here from the Unicode definition (code point ranges, not byte
 * tables). text_utf8_valid must agree with it on every input and point at
 * the same first bad byte; text_check must accept only what its contract
 * allows; text_prev_char_len must step back over whole characters. */
#include "fuzz.h"
#include "tellus/text.h"

/* Decodes one character at p; returns its length, or 0 when ill-formed. */
static size_t decode(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned long cp, min;

	if (p[0] < 0x80) return 1;
	else if ((p[0] & 0xE0) == 0xC0) { len = 2; cp = p[0] & 0x1F; min = 0x80; }
	else if ((p[0] & 0xF0) == 0xE0) { len = 3; cp = p[0] & 0x0F; min = 0x800; }
	else if ((p[0] & 0xF8) == 0xF0) { len = 4; cp = p[0] & 0x07; min = 0x10000; }
	else return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

static bool reference_valid(const unsigned char *p, size_t n, size_t *bad_at)
{
	for (size_t i = 0; i < n;) {
		size_t len = decode(p + i, n - i);
		if (!len) {
			*bad_at = i;
			return false;
		}
		i += len;
	}
	return true;
}

static void check_text(const char *s, size_t max, int flags)
{
	tl_err err = { { 0 } };
	size_t n = strlen(s), bad;
	if (text_check("summary", s, max, flags, &err) != 0) {
		FUZZ_CHECK(strncmp(err.msg, "summary: ", 9) == 0);
		return;
	}
	FUZZ_CHECK(n <= max && reference_valid((const unsigned char *)s, n, &bad));
	bool blank = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
		FUZZ_CHECK(c != 0x7F);
		FUZZ_CHECK(!(flags & TEXT_ONE_LINE) || (c != '\t' && c != '\n' && c != '\r'));
		blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	}
	FUZZ_CHECK(!(flags & TEXT_REQUIRED) || !blank);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t bad = 0, want_bad = 0;
	if (size == 0)
		return 0;
	int flags = data[0] & 3;
	size_t max = data[0] >> 2;  /* 0..63 bytes, or no limit below */
	data++, size--;

	bool want = reference_valid(data, size, &want_bad);
	bool got = text_utf8_valid((const char *)data, size, &bad);
	FUZZ_CHECK(got == want);
	FUZZ_CHECK(got || bad == want_bad);

	char *s = fuzz_cstr(data, size);
	check_text(s, max == 63 ? (size_t)-1 : max, flags);
	if (got) {
		/* Every character boundary: stepping back lands on the one before. */
		size_t prev = 0;
		for (size_t i = 0; i < size; i += decode(data + i, size - i)) {
			if (i)
				FUZZ_CHECK(text_prev_char_len(s, i) == i - prev);
			prev = i;
		}
		FUZZ_CHECK(size == 0 || text_prev_char_len(s, size) == size - prev);
	}
	free(s);
	return 0;
}
