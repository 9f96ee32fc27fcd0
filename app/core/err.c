/* err.c - filling the one-line messages of tl_err. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tellus/err.h"

/* A message is one line on a terminal whatever a person typed: line
 * breaks and escape sequences from the input become '?'. */
static void one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			*s = '?';
}

int err_set(tl_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	one_line(err->msg);
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
	one_line(err->msg);
}
