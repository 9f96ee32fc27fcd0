/* dynlib.h - a shared library opened when first needed (dlopen) rather
 * than by the loader at every start: libcurl and libmicrohttpd bring
 * GnuTLS, OpenSSL, Kerberos, LDAP and thirty more libraries whose loading
 * cost every `tellus` command about 25 ms before main(), while only
 * `sync --register`, `serve` and the kiosk's own sync use them. The
 * caller keeps its calls typed through pointers declared with the
 * library's own header (__typeof__). */
#ifndef TELLUS_DYNLIB_H
#define TELLUS_DYNLIB_H

#include <stddef.h>
#include "tellus/err.h"

typedef struct {
	const char *name; /* the symbol */
	void **slot;      /* where its address goes: (void **)&table.fn */
} dynlib_fn;

/* Opens soname (once per process; dlopen counts) and fills every slot;
 * fails with one line naming the library or the missing symbol. */
int dynlib_load(const char *soname, const dynlib_fn *fns, size_t n, tl_err *err);

#endif
