/* text.h - checks on the words people type, and showing them safely.
 * A person's words are kept byte for byte; these checks only refuse what
 * cannot be kept safely: invalid UTF-8, control characters, and text too
 * long to be a complaint. What a terminal is given of them is escaped
 * (text_escape_terminal), so that no one's words can hide other words. */
#ifndef TELLUS_TEXT_H
#define TELLUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tellus/err.h"

/* Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
 * On failure *bad_at (when given) is the byte offset of the first fault. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad_at);

enum {
	TEXT_REQUIRED = 1,  /* empty or only spaces is refused */
	TEXT_ONE_LINE = 2,  /* no line breaks or tabs */
};

/* Checks s (NUL-terminated; NULL reads as "") for field: valid UTF-8, no
 * control characters but tab, CR and LF, at most max bytes, and flags. */
int text_check(const char *field, const char *s, size_t max, int flags, tl_err *err);

/* Terminal output (SPEC 9). A person's words or a file's bytes shown on a
 * terminal could carry a carriage return that writes over what came
 * before ("My carer hits me\rThank you, all sorted now." shows only the
 * second sentence), an escape sequence, a C1 control, a bidi override or
 * isolate that reverses the rest of the line (a reference included), or
 * an invisible character that makes two words look alike. Each of these
 * is written visibly instead: \r \n \t for those three, \xNN for other
 * C0 controls, DEL and bytes that are not UTF-8, and <U+202E> for C1
 * controls, bidi controls (U+202A-202E, U+2066-2069, LRM, RLM, ALM),
 * zero-width and other invisible format characters (U+200B, U+2060-2064,
 * U+FEFF, U+2028/2029, tags...). ZWNJ and ZWJ (U+200C, U+200D) stay: they
 * shape Persian, Urdu and Indic words and emoji, and hide nothing.
 * Everything else, any script and emoji, passes unchanged. Files meant as
 * data (CSV, xlsx) keep the bytes and never go through this. */
enum {
	TEXT_ESC_LINES = 1, /* a block of lines: LF, CRLF and tab are kept */
};
/* Writes s (NULL reads as "") escaped into out, cap bytes with its NUL;
 * text that does not fit is cut at a whole character and ends "..."
 * (cap >= 4). Returns out, for use as a printf argument. */
char *text_escape_terminal(const char *s, int flags, char *out, size_t cap);
/* The same, written to f, for text of any length; 0, or EOF when f fails. */
int text_fputs_terminal(const char *s, int flags, FILE *f);

/* Writes s (NULL reads as "") as HTML text: & < > " ' escaped; 0, or EOF
 * when f fails. Put a person's words inside <bdi> as well, so that their
 * direction cannot reorder the page around them. */
int text_fputs_html(const char *s, FILE *f);

/* Writes s (NULL reads as "") as a URL's query value: every byte but
 * RFC 3986's unreserved characters percent-encoded (so also safe inside
 * an HTML attribute); 0, or EOF when f fails. */
int text_fputs_query(const char *s, FILE *f);

/* Bytes of the UTF-8 character before offset at in s (1 to 4), for
 * backspace over whole characters; 0 at the start. */
size_t text_prev_char_len(const char *s, size_t at);

#endif
