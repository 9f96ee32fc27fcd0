/* serve.h - `tellus serve`: the register as a small web service (SPEC 12),
 * the third front end beside the CLI and the kiosk. It answers two paths
 * only: the tracking page a receipt's QR code leads to, and POST /sync.
 * What the CLI sees of it; the rest is private to app/serve. */
#ifndef TELLUS_SERVE_H
#define TELLUS_SERVE_H

#include <stdio.h>
#include "tellus/err.h"
#include "tellus/store.h"

typedef struct {
	tl_store *st;            /* the register: its settings at start; each worker opens
				  * its own connection to the same file */
	const char *listen;      /* "HOST:PORT", "[::1]:PORT"; port 0 picks a free one */
	const char *tls_cert;    /* PEM files, both or neither */
	const char *tls_key;
	const char *proxy;       /* the reverse proxy's address: its X-Forwarded-For is believed */
	FILE *log;               /* one line a request, and "listening on ..." first */
} serve_opts;

/* Runs in the foreground until SIGTERM or SIGINT, then stops cleanly:
 * no new connection, the requests under way answered, every store closed.
 * Returns 0, or a tl_status with err filled when it could not start. */
int serve_run(const serve_opts *o, tl_err *err);

#endif
