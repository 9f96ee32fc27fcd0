/* text.h - checks on the words people type.
 * A person's words are kept byte for byte; these checks only refuse what
 * cannot be kept safely: invalid UTF-8, control characters, and text too
 * long to be a complaint. */
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

/* Bytes of the UTF-8 character before offset at in s (1 to 4), for
 * backspace over whole characters; 0 at the start. */
size_t text_prev_char_len(const char *s, size_t at);

/* Writes s to f with &, <, >, " and ' as HTML entities (for a page that
 * shows a person's words: they never become markup). */
void text_html_escape(FILE *f, const char *s);

#endif
