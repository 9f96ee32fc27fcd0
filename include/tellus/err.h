/* err.h - status codes and the one-line message a person reads.
 * Every core function that can fail returns a tl_status and, when given a
 * tl_err, fills it with one line that says what went wrong and where.
 * The caller owns the tl_err; it holds no heap memory. */
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
