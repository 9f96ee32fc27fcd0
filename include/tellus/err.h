/* err.h - status codes and the one-line message a person reads.
 * Every core function that can fail returns a tl_status and, when given a
 * tl_err, fills it with one line that says what went wrong and where.
 * The caller owns the tl_err; it holds no heap memory.
 *
 * How a message is written (the core, the CLI and the kiosk alike):
 *
 *  1. Where first, then ": ". The message opens with what it is about:
 *     the field, option or setting the value was for (received:, --date:,
 *     device_code:, PIN:), a file and the place in it (cases.csv:14:
 *     column stage1_outcome:), a case by its reference (K2-26-0417-X:),
 *     or, when nothing a person gave is at fault, the part of Tellus that
 *     failed (fonts:, calendar:). Tellus puts the field first on purpose:
 *     a person scanning for the field finds it at once, and csvio turns a
 *     field that is a column into "column NAME" (csvio_wrap). A message
 *     that a caller prefixes with the where (err_prefix) starts with what
 *     is wrong. Two forms stand alone: "usage: tellus show REF", and
 *     "unknown option '--colour'" for input that names nothing Tellus knows.
 *  2. The value at fault, quoted: what a person typed or a file held goes
 *     in single quotes, cut short ('%.40s') so that a long or hostile value
 *     cannot push the reason off the line. The where is not quoted (a
 *     file's path is given whole), nor is what Tellus says itself: limits,
 *     the words allowed, today's date, a case's own dates.
 *  3. One line, lower case, no full stop: no newline or tab; the first
 *     word is lower case unless it is a name (a reference, a file, an
 *     option, PIN, SDL); no full stop at the end, since front ends put
 *     "tellus COMMAND: " in front and callers join messages with ": ".
 *  4. Then what is wrong, and the way out when there is one:
 *     "is not one of a, b, c", "(see tellus causes)", ": run tellus check
 *     --rebuild-tallies".
 *
 *     --received: '2026-02-30' is not a real date
 *     cases.csv:14: column stage1_outcome: 'partly' is not one of fully_upheld, ...
 *     K2-26-0417-X: the clock of stage 1 is already stopped
 */
#ifndef TELLUS_ERR_H
#define TELLUS_ERR_H

typedef enum {
	TL_OK = 0,
	TL_EINVAL,    /* bad input from a person or a file */
	TL_ENOTFOUND, /* no such case, setting, staff member... */
	TL_ESTATE,    /* a move the procedure does not allow */
	TL_EEXIST,    /* already there, and different */
	TL_EDB,       /* the database refused or failed */
	TL_EIO,       /* a file could not be read or written */
	TL_ENOMEM,
	TL_EAUTH      /* wrong PIN, locked account */
} tl_status;

typedef struct {
	char msg[512];
} tl_err;

/* Sets err->msg (when err is not NULL) and returns code, so that callers can
 * write `return err_set(err, TL_EINVAL, "...")`. */
int err_set(tl_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Puts "prefix: " in front of an existing message (for file and line). */
void err_prefix(tl_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
