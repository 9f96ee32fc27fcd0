/* ref.c - references with a check character.
 * The check symbol makes sum(i * v_i) over every symbol, check included,
 * a multiple of 31 (v_i a symbol's place in the 31-symbol alphabet, i its
 * position from 1). 31 is prime and every weight and difference is below
 * it, so one wrong symbol or one swap of two different neighbours always
 * breaks the sum. References stay under 30 symbols. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "tellus/ref.h"

const char REF_ALPHABET[] = "0123456789ABCDEFGHJKMNPQRSTVWXY";
#define BASE 31

/* A symbol's place in REF_ALPHABET, or -1. By the alphabet's order:
 * digits, then letters without I, L, O, U, Z (a reference is checked
 * dozens of times a row in an import, and strchr was a tenth of it). */
static int value_of(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch < 'A' || ch > 'Y')
		return -1;
	static const signed char LETTER[] = {
		10, 11, 12, 13, 14, 15, 16, 17, -1, 18, 19, -1, 20, /* A-M */
		21, -1, 22, 23, 24, 25, 26, -1, 27, 28, 29, 30,     /* N-Y */
	};
	return LETTER[ch - 'A'];
}

bool ref_device_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 1 || n > REF_DEVICE_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (value_of(code[i]) < 0)
			return false;
	return true;
}

/* Sum of i * v_i over the symbols of s; *count gets how many. */
static int weighted(const char *s, int *count)
{
	int sum = 0, i = 0;
	for (; *s; s++) {
		if (*s == '-')
			continue;
		int v = value_of(*s);
		if (v < 0)
			return -1;
		sum = (sum + ++i * v) % BASE;
	}
	*count = i;
	return sum;
}

char ref_check_char(const char *s)
{
	int n, sum = weighted(s, &n);
	if (sum < 0 || n + 1 >= BASE)
		return 0;
	/* Find c with sum + (n + 1) * c = 0 (mod 31). */
	for (int c = 0; c < BASE; c++)
		if ((sum + (n + 1) * c) % BASE == 0)
			return REF_ALPHABET[c];
	return 0;
}

int ref_make(const char *device, int year, long seq, char out[REF_MAX], tl_err *err)
{
	char body[REF_MAX];

	if (!ref_device_valid(device))
		return err_set(err, TL_EINVAL, "device_code: '%.8s' must be 1 to 4 of %s",
			       device ? device : "", REF_ALPHABET);
	if (seq < 0 || seq > 99999999L)
		return err_set(err, TL_EINVAL, "ref: sequence %ld is out of range", seq);
	int n = snprintf(body, sizeof body, "%s-%02d-%04ld", device, year % 100, seq);
	if (n < 0 || n + 3 > REF_MAX)
		return err_set(err, TL_EINVAL, "ref: too long");
	memcpy(out, body, (size_t)n);
	out[n] = '-';
	out[n + 1] = ref_check_char(body);
	out[n + 2] = '\0';
	return TL_OK;
}

/* Splits s at hyphens into exactly four parts of the right kinds. */
bool ref_is_tellus_shape(const char *s)
{
	size_t len[4] = { 0 }, part = 0;
	for (; *s; s++) {
		if (*s == '-') {
			if (++part > 3)
				return false;
		} else if (value_of(*s) < 0 || (part == 1 || part == 2 ? !isdigit((unsigned char)*s) : 0)) {
			return false;
		} else {
			len[part]++;
		}
	}
	return part == 3 && len[0] >= 1 && len[0] <= REF_DEVICE_MAX && len[1] == 2 &&
	       len[2] >= 4 && len[2] <= 8 && len[3] == 1;
}

int ref_normalise(const char *typed, char out[REF_MAX], tl_err *err)
{
	char buf[REF_MAX];
	size_t n = 0;

	if (!typed)
		typed = "";
	while (isspace((unsigned char)*typed))
		typed++;
	for (const char *p = typed; *p; p++) {
		char ch = (char)toupper((unsigned char)*p);
		if (ch == 'O') ch = '0';
		if (ch == 'I' || ch == 'L') ch = '1';
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
			ch = '-';
		if (ch == '-' && n && buf[n - 1] == '-')
			continue;
		if (n + 1 >= sizeof buf)
			return err_set(err, TL_EINVAL, "ref: '%.20s...' is too long", typed);
		buf[n++] = ch;
	}
	while (n && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (!ref_is_tellus_shape(buf))
		return err_set(err, TL_EINVAL, "ref: '%.40s' is not a reference: it looks like K2-26-0417-X",
			       typed);
	char body[REF_MAX];
	memcpy(body, buf, n - 2);
	body[n - 2] = '\0';
	if (ref_check_char(body) != buf[n - 1])
		return err_set(err, TL_EINVAL, "ref: '%s' has a wrong check character: "
			       "please check it was copied correctly", buf);
	memcpy(out, buf, n + 1);
	return TL_OK;
}

/* Anything outside printable ASCII could make a reference that looks like
 * another: a Cyrillic K, a zero-width space or joiner, a left-to-right
 * mark, a bidi isolate or override that reverses what follows. */
#define LEGACY_RULE "a reference from another system is ASCII letters, digits and signs"

int ref_legacy_check(const char *s, tl_err *err)
{
	size_t n = strlen(s);

	if (n == 0)
		return err_set(err, TL_EINVAL, "ref: a reference is needed");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ')
			return err_set(err, TL_EINVAL, "ref: '%.40s' holds a space: a reference from "
				       "another system has none", s);
		if ((c < 0x21 || c > 0x7E) && i == 0)
			return err_set(err, TL_EINVAL, "ref: the first byte, 0x%02X, is not printable "
				       "ASCII: " LEGACY_RULE, c);
		if (c < 0x21 || c > 0x7E)
			return err_set(err, TL_EINVAL, "ref: after '%.*s', byte 0x%02X is not printable "
				       "ASCII: " LEGACY_RULE, (int)(i < 40 ? i : 40), s, c);
	}
	if (n > REF_LEGACY_MAX)
		return err_set(err, TL_EINVAL, "ref: '%.20s...' is %zu characters: a reference from "
			       "another system is at most %d", s, n, REF_LEGACY_MAX);
	return TL_OK;
}

int ref_unhyphenated(const char *typed, char out[][REF_MAX], int max)
{
	char sym[REF_MAX], try[REF_MAX];
	int m = 0, n = 0;

	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == '-')
			return 0;
		if (isspace((unsigned char)*p))
			continue;
		if (m + 1 >= (int)sizeof sym)
			return 0;
		sym[m++] = *p;
	}
	/* DEVICE (1 to 4) + YY (2) + SEQ (4 to 8) + check (1). */
	for (int dev = 1; dev <= REF_DEVICE_MAX && n < max; dev++) {
		int seq = m - 1 - 2 - dev;
		if (seq < 4 || seq > 8)
			continue;
		snprintf(try, sizeof try, "%.*s-%.2s-%.*s-%c", dev, sym, sym + dev, seq,
			 sym + dev + 2, sym[m - 1]);
		if (ref_normalise(try, out[n], NULL) == TL_OK)
			n++;
	}
	return n;
}
