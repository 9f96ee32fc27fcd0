/* err.c - filling the one-line messages of tl_err. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tellus/err.h"
#include "tellus/text.h"

/* A message is one line on a terminal whatever a person typed: line
 * breaks, escape sequences, bidi controls and invisible characters from
 * the input are written visibly (\r, \x1B, <U+202E>: text.h), cut short
 * with "..." if they no longer fit. */
static void one_line(char *s, size_t cap)
{
	char safe[sizeof ((tl_err *)0)->msg];
	text_escape_terminal(s, 0, safe, sizeof safe < cap ? sizeof safe : cap);
	memcpy(s, safe, strlen(safe) + 1);
}

int err_set(tl_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	one_line(err->msg, sizeof err->msg);
	return code;
}

void err_prefix(tl_err *err, const char *fmt, ...)
{
	char head[256], old[sizeof err->msg];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	size_t n = strlen(head);
	if (n > sizeof err->msg - 3)
		n = sizeof err->msg - 3;
	memcpy(err->msg, head, n);
	memcpy(err->msg + n, ": ", 2);
	size_t rest = strlen(old);
	if (rest > sizeof err->msg - n - 3)
		rest = sizeof err->msg - n - 3;
	memcpy(err->msg + n + 2, old, rest);
	err->msg[n + 2 + rest] = '\0';
	one_line(err->msg, sizeof err->msg);
}
