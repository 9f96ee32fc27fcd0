/* serve.c - `tellus serve` as a whole: reads the address and the TLS
 * files, finds the tracking page's path in receipt_url, starts the
 * workers and the HTTP side, then waits for SIGTERM or SIGINT and stops
 * in order (no new request, those under way answered, stores closed). */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "serve_private.h"

#define WORKERS 2       /* Argon2id checks at once: the cores of a small server */
#define QUEUE_MAX 64    /* jobs waiting before requests are turned away (503) */
/* Bundles waiting for the one sync worker (SQLite writes one at a time
 * anyway); past that a device is told to come back (503). */
#define SYNC_QUEUE_MAX 32
#define PEM_MAX (1 << 20)

/* The path of a URL ("https://x.org/track?a=b" -> "/track"); "/track"
 * when no URL is set. */
static int track_path(const char *url, char out[256], tl_err *err)
{
	const char *p = url && *url ? strstr(url, "://") : NULL;
	size_t n;

	if (!url || !*url) {
		snprintf(out, 256, "/track");
		return TL_OK;
	}
	p = p ? strchr(p + 3, '/') : NULL;
	n = p ? strcspn(p, "?#") : 0;
	if (n == 0)
		snprintf(out, 256, "/");
	else if (n < 256)
		snprintf(out, 256, "%.*s", (int)n, p);
	else
		return err_set(err, TL_EINVAL, "receipt_url: its path is too long");
	if (strcmp(out, "/sync") == 0)
		return err_set(err, TL_EINVAL, "receipt_url: its path /sync is where devices sync: "
			       "choose another, like /track");
	return TL_OK;
}

/* "HOST:PORT" or "[IPv6]:PORT" as a socket address. */
static int parse_listen(const char *s, struct addrinfo **out, tl_err *err)
{
	char host[256];
	const char *colon = s ? strrchr(s, ':') : NULL;
	const char *h = s;
	size_t hn;

	if (!colon || !colon[1])
		return err_set(err, TL_EINVAL, "--listen: '%.40s' is not HOST:PORT", s ? s : "");
	hn = (size_t)(colon - s);
	if (hn >= 2 && s[0] == '[' && s[hn - 1] == ']') {
		h = s + 1;
		hn -= 2;
	}
	if (hn == 0 || hn >= sizeof host)
		return err_set(err, TL_EINVAL, "--listen: '%.40s' is not HOST:PORT", s);
	memcpy(host, h, hn);
	host[hn] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535)
		return err_set(err, TL_EINVAL, "--listen: '%.40s' has no port from 0 to 65535", s);
	struct addrinfo hints = { .ai_flags = AI_NUMERICSERV, .ai_socktype = SOCK_STREAM };
	int rc = getaddrinfo(host, colon + 1, &hints, out);
	if (rc)
		return err_set(err, TL_EINVAL, "--listen: '%.40s': %s", host, gai_strerror(rc));
	return TL_OK;
}

/* A PEM file, whole, as a string. *out is malloc'd; the caller frees it. */
static int read_pem(const char *opt, const char *path, char **out, tl_err *err)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0;
	char *buf = NULL;
	int rc = TL_OK;

	*out = NULL;
	if (!f)
		return err_set(err, TL_EIO, "%s: %s: %s", opt, path, strerror(errno));
	if (!(buf = malloc(PEM_MAX + 1))) {
		fclose(f);
		return err_set(err, TL_ENOMEM, "%s: no memory to read it", opt);
	}
	n = fread(buf, 1, PEM_MAX + 1, f);
	if (ferror(f))
		rc = err_set(err, TL_EIO, "%s: %s: cannot read it", opt, path);
	else if (n > PEM_MAX || !strstr((buf[n] = '\0', buf), "-----BEGIN "))
		rc = err_set(err, TL_EINVAL, "%s: %s is not a PEM file", opt, path);
	fclose(f);
	if (rc) {
		explicit_bzero(buf, PEM_MAX + 1);
		free(buf);
		return rc;
	}
	*out = buf;
	return TL_OK;
}

static int read_tls(const serve_opts *o, char **cert, char **key, tl_err *err)
{
	int rc;

	*cert = *key = NULL;
	if (!o->tls_cert != !o->tls_key)
		return err_set(err, TL_EINVAL, "%s: needs %s too", o->tls_cert ? "--tls-cert" :
			       "--tls-key", o->tls_cert ? "--tls-key" : "--tls-cert");
	if (!o->tls_cert)
		return TL_OK;
	if ((rc = read_pem("--tls-cert", o->tls_cert, cert, err)) ||
	    (rc = read_pem("--tls-key", o->tls_key, key, err))) {
		free(*cert);
		*cert = NULL;
	}
	return rc;
}

/* Waits for SIGTERM or SIGINT, which every thread blocks (they inherit
 * the mask set before they start), so the signal finds this thread. */
static void wait_for_stop(const sigset_t *set, FILE *log)
{
	int sig = 0;
	while (sigwait(set, &sig) != 0)
		;
	fprintf(log, "tellus serve: %s: stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	fflush(log);
}

/* "listening on http://127.0.0.1:8080/track": the first line of the log,
 * which tests read to learn a port chosen by the system (port 0). */
static void say_listening(FILE *log, const struct addrinfo *ai, int port, bool tls,
			  const char *path)
{
	char host[128] = "?";
	getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST);
	fprintf(log, "tellus serve: listening on %s://%s%s%s:%d%s\n", tls ? "https" : "http",
		ai->ai_family == AF_INET6 ? "[" : "", host, ai->ai_family == AF_INET6 ? "]" : "",
		port, path);
	fflush(log);
}

int serve_run(const serve_opts *o, tl_err *err)
{
	serve_ctx sx = { .o = o };
	tl_receipt_settings set;
	struct addrinfo *ai = NULL;
	serve_http *http = NULL;
	char *cert = NULL, *key = NULL;
	sigset_t stop, old;
	int rc, port = 0;

	if ((rc = parse_listen(o->listen, &ai, err)) || (rc = read_tls(o, &cert, &key, err)))
		goto cleanup;
	/* The tracking page's words (SPEC 13); without the catalogues it is
	 * in English. */
	if (lang_open(NULL, err))
		fprintf(stderr, "tellus serve: %s\n", err->msg);
	if ((rc = receipt_settings_load(o->st, &set, err)) ||
	    (rc = track_path(set.url, sx.track_path, err)))
		goto cleanup;
	sx.tls = cert != NULL;
	if (!(sx.limit = limit_new())) {
		rc = err_set(err, TL_ENOMEM, "no memory for the web service");
		goto cleanup;
	}
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	signal(SIGPIPE, SIG_IGN);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	if ((rc = pool_start(&sx.pool, store_path(o->st), WORKERS, QUEUE_MAX, err)) ||
	    (rc = pool_start(&sx.sync_pool, store_path(o->st), 1, SYNC_QUEUE_MAX, err)) ||
	    (rc = http_start(&sx, ai->ai_addr, cert, key, &http, &port, err))) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		goto cleanup;
	}
	say_listening(o->log, ai, port, sx.tls, sx.track_path);
	wait_for_stop(&stop, o->log);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
cleanup:
	http_stop(http);
	pool_stop(sx.pool);
	pool_stop(sx.sync_pool);
	limit_free(sx.limit);
	if (cert)
		explicit_bzero(cert, strlen(cert));
	if (key)
		explicit_bzero(key, strlen(key));
	free(cert);
	free(key);
	if (ai)
		freeaddrinfo(ai);
	return rc;
}
