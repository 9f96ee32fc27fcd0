/* serve_http.c - the HTTP side of `tellus serve` (GNU libmicrohttpd): two
 * paths and nothing else, the same safety headers on every answer, bodies
 * limited, one log line a request (the path's name, never its query: no
 * codes, no personal words). A thread per connection, so a slowed answer
 * holds only its own connection; the register's work runs on the pool. */
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include "tellus/dynlib.h"
#include "serve_private.h"

#define CONNECTIONS_MAX 512
#define PER_CLIENT_MAX 64        /* above the bench's 50 clients from one address */
#define IDLE_SECONDS 30

/* A page's style is inline (style-src 'unsafe-inline'); nothing else may
 * load, nothing may frame the page, forms post only to it. */
static const char CSP[] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
			  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/* libmicrohttpd, opened when the service starts (dynlib.h): its soname,
 * and the functions used here, typed by its header. */
#ifndef SERVE_MHD_SONAME
#define SERVE_MHD_SONAME "libmicrohttpd.so.12"
#endif
static struct {
	__typeof__(&MHD_get_connection_info) get_connection_info;
	__typeof__(&MHD_lookup_connection_value) lookup_connection_value;
	__typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
	__typeof__(&MHD_add_response_header) add_response_header;
	__typeof__(&MHD_queue_response) queue_response;
	__typeof__(&MHD_destroy_response) destroy_response;
	__typeof__(&MHD_create_post_processor) create_post_processor;
	__typeof__(&MHD_post_process) post_process;
	__typeof__(&MHD_destroy_post_processor) destroy_post_processor;
	__typeof__(&MHD_is_feature_supported) is_feature_supported;
	__typeof__(&MHD_start_daemon) start_daemon;
	__typeof__(&MHD_get_daemon_info) get_daemon_info;
	__typeof__(&MHD_stop_daemon) stop_daemon;
} mhd;
#define MHD_FN(f) { "MHD_" #f, (void **)&mhd.f }
static const dynlib_fn MHD_FNS[] = {
	MHD_FN(get_connection_info),
	MHD_FN(lookup_connection_value),
	MHD_FN(create_response_from_buffer),
	MHD_FN(add_response_header),
	MHD_FN(queue_response),
	MHD_FN(destroy_response),
	MHD_FN(create_post_processor),
	MHD_FN(post_process),
	MHD_FN(destroy_post_processor),
	MHD_FN(is_feature_supported),
	MHD_FN(start_daemon),
	MHD_FN(get_daemon_info),
	MHD_FN(stop_daemon),
};

struct serve_http {
	struct MHD_Daemon *d;
};

typedef enum { ROUTE_NONE, ROUTE_TRACK, ROUTE_SYNC } route;

/* One request, from its first header to the log line. */
typedef struct {
	route r;
	char method[8];
	char client[SERVE_ADDR_MAX];
	const tl_lang *lang; /* the pages' language: lang= or Accept-Language */
	double t0;
	unsigned status;
	size_t bytes;
	char *body;
	size_t len;
	size_t max;
	bool too_big, answered;
} req;

double serve_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* The client's numeric address; an IPv4 address seen through IPv6 is
 * written as IPv4. Behind the reverse proxy named by --proxy, the last
 * address of its X-Forwarded-For. */
static void client_of(serve_ctx *sx, struct MHD_Connection *c, char out[SERVE_ADDR_MAX])
{
	const union MHD_ConnectionInfo *ci =
		mhd.get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	socklen_t n = sa && sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
						       : sizeof(struct sockaddr_in);
	snprintf(out, SERVE_ADDR_MAX, "unknown");
	if (sa && getnameinfo(sa, n, out, SERVE_ADDR_MAX, NULL, 0, NI_NUMERICHOST) == 0 &&
	    strncmp(out, "::ffff:", 7) == 0 && strchr(out + 7, '.'))
		memmove(out, out + 7, strlen(out + 7) + 1);
	if (!sx->o->proxy || strcmp(out, sx->o->proxy) != 0)
		return;
	const char *fwd = mhd.lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	const char *last = fwd ? strrchr(fwd, ',') : NULL;
	last = last ? last + 1 : fwd;
	while (last && *last == ' ')
		last++;
	if (last && *last && strlen(last) < SERVE_ADDR_MAX &&
	    strspn(last, "0123456789abcdefABCDEF.:") == strlen(last))
		snprintf(out, SERVE_ADDR_MAX, "%s", last);
}

/* Queues status with body (taken: freed by libmicrohttpd) and every
 * safety header; extra, when given, is one more header ("Allow", "POST"). */
static enum MHD_Result answer(serve_ctx *sx, struct MHD_Connection *c, req *q, unsigned status,
			      char *body, size_t len, const char *type, const char *extra,
			      const char *extra_value)
{
	struct MHD_Response *r =
		mhd.create_response_from_buffer(len, body, body ? MHD_RESPMEM_MUST_FREE
							       : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	mhd.add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	mhd.add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	mhd.add_response_header(r, "Content-Security-Policy", CSP);
	mhd.add_response_header(r, "X-Frame-Options", "DENY");
	mhd.add_response_header(r, "Referrer-Policy", "no-referrer");
	mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (sx->tls)
		mhd.add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
	if (extra)
		mhd.add_response_header(r, extra, extra_value);
	enum MHD_Result ok = mhd.queue_response(c, status, r);
	mhd.destroy_response(r);
	q->status = status;
	q->bytes = len;
	q->answered = true;
	return ok;
}

static enum MHD_Result answer_page(serve_ctx *sx, struct MHD_Connection *c, req *q,
				   unsigned status, char *body, size_t len, const char *extra,
				   const char *extra_value)
{
	if (!body && page_error(status = status >= 500 ? status : 500, q->lang, &body, &len))
		return MHD_NO;
	return answer(sx, c, q, status, body, len, "text/html; charset=utf-8", extra, extra_value);
}

static enum MHD_Result answer_error(serve_ctx *sx, struct MHD_Connection *c, req *q,
				    unsigned status, const char *extra, const char *extra_value)
{
	char *body = NULL;
	size_t len = 0;
	if (page_error((int)status, q->lang, &body, &len))
		return MHD_NO;
	return answer_page(sx, c, q, status, body, len, extra, extra_value);
}

/* The reference and code typed into the form (application/x-www-form-
 * urlencoded), read with libmicrohttpd's own parser. */
typedef struct {
	char ref[SERVE_TYPED_MAX], code[SERVE_TYPED_MAX], lang[LANG_CODE_MAX];
} typed;

static enum MHD_Result form_field(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *filename, const char *type, const char *enc,
				  const char *data, uint64_t off, size_t size)
{
	typed *t = cls;
	char *to = strcmp(key, "ref") == 0 ? t->ref : strcmp(key, "code") == 0 ? t->code
		 : strcmp(key, "lang") == 0 ? t->lang : NULL;
	size_t cap = to == t->lang ? sizeof t->lang : SERVE_TYPED_MAX;
	(void)kind, (void)filename, (void)type, (void)enc;
	if (to && off < cap - 1) {
		size_t n = size < cap - 1 - off ? size : cap - 1 - off;
		memcpy(to + off, data, n);
		to[off + n] = '\0';
	}
	return MHD_YES;
}

static void read_typed(struct MHD_Connection *c, req *q, typed *t)
{
	memset(t, 0, sizeof *t);
	if (strcmp(q->method, "POST") == 0) {
		struct MHD_PostProcessor *pp = mhd.create_post_processor(c, 1024, form_field, t);
		if (pp) {
			mhd.post_process(pp, q->body ? q->body : "", q->len);
			mhd.destroy_post_processor(pp);
		}
		if (t->lang[0])
			q->lang = serve_lang_pick(t->lang, NULL);
		return;
	}
	const char *ref = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "ref");
	const char *code = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "code");
	snprintf(t->ref, sizeof t->ref, "%s", ref ? ref : "");
	snprintf(t->code, sizeof t->code, "%s", code ? code : "");
}

/* The tracking page: the limiter first (a refusal costs nothing), then
 * the check on the pool, then the answer held back when slowed, right or
 * wrong alike, so that the time tells nothing. */
static enum MHD_Result track(serve_ctx *sx, struct MHD_Connection *c, req *q)
{
	serve_track_job j = { .client = q->client, .self = sx->track_path, .limit = sx->limit,
			      .by_link = strcmp(q->method, "GET") == 0 };
	limit_verdict v = { 0 };
	char retry[16], *body = NULL;
	size_t len = 0;
	typed t;

	read_typed(c, q, &t);
	j.lang = q->lang;
	j.ref = t.ref;
	j.code = t.code;
	track_canon(t.ref, j.canon);
	if (t.ref[0] || t.code[0])
		limit_ask(sx->limit, q->client, j.canon, serve_now(), &v);
	if (v.refused) {
		page_ctx p = { .self = sx->track_path, .lang = q->lang };
		snprintf(retry, sizeof retry, "%d", v.retry_after);
		explicit_bzero(&t, sizeof t);
		if (page_refused(&p, (v.retry_after + 59) / 60, &body, &len))
			return MHD_NO;
		return answer_page(sx, c, q, 429, body, len, "Retry-After", retry);
	}
	int busy = pool_run(sx->pool, track_job, &j);
	explicit_bzero(&t, sizeof t);
	if (busy)
		return answer_error(sx, c, q, 503, "Retry-After", "10");
	if (v.delay_ms > 0)
		nanosleep(&(struct timespec){ v.delay_ms / 1000, (v.delay_ms % 1000) * 1000000L },
			  NULL);
	return answer_page(sx, c, q, (unsigned)j.status, j.body, j.len, NULL, NULL);
}

/* A one-line refusal for a device to show (text, never HTML). */
static enum MHD_Result answer_line(serve_ctx *sx, struct MHD_Connection *c, req *q,
				   unsigned status, const char *line)
{
	size_t n = strlen(line);
	char *body = malloc(n + 2);
	if (!body)
		return MHD_NO;
	memcpy(body, line, n);
	body[n] = '\n';
	body[n + 1] = '\0';
	return answer(sx, c, q, status, body, n + 1, "text/plain; charset=utf-8", NULL, NULL);
}

/* POST /sync: the bundle, as sent (application/octet-stream), goes to
 * the core on the sync worker; the reply comes back as bytes. */
static enum MHD_Result sync_bundle(serve_ctx *sx, struct MHD_Connection *c, req *q)
{
	const char *type = mhd.lookup_connection_value(c, MHD_HEADER_KIND,
						       MHD_HTTP_HEADER_CONTENT_TYPE);
	serve_sync_job j = { .bundle = (const unsigned char *)q->body, .len = q->len };

	if (!type || strncasecmp(type, SERVE_SYNC_TYPE, strlen(SERVE_SYNC_TYPE)) ||
	    (type[strlen(SERVE_SYNC_TYPE)] && type[strlen(SERVE_SYNC_TYPE)] != ';'))
		return answer_line(sx, c, q, 415, "Content-Type: a bundle is sent as "
				   SERVE_SYNC_TYPE);
	if (q->len == 0)
		return answer_line(sx, c, q, 400, "bundle: the request carried none "
				   "(tellus sync --register sends one)");
	if (pool_run(sx->sync_pool, sync_job, &j))
		return answer_line(sx, c, q, 503, "register: busy with other devices; try again "
				   "in a minute");
	if (j.status != 200)
		return answer_line(sx, c, q, (unsigned)j.status, j.msg);
	return answer(sx, c, q, 200, (char *)j.reply, j.reply_len, SERVE_SYNC_TYPE, NULL, NULL);
}

/* The first call for a request: where it goes, whether its method and
 * declared size are allowed. */
static enum MHD_Result begin(serve_ctx *sx, struct MHD_Connection *c, const char *url,
			     const char *method, req *q)
{
	bool get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
	snprintf(q->method, sizeof q->method, "%s", get || post ? method : "OTHER");
	q->lang = serve_lang_pick(mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang"),
				  mhd.lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language"));
	q->r = strcmp(url, sx->track_path) == 0 ? ROUTE_TRACK
	     : strcmp(url, "/sync") == 0 ? ROUTE_SYNC : ROUTE_NONE;
	if (q->r == ROUTE_NONE)
		return answer_error(sx, c, q, 404, NULL, NULL);
	if (q->r == ROUTE_TRACK && !get && !post)
		return answer_error(sx, c, q, 405, "Allow", "GET, POST");
	if (q->r == ROUTE_SYNC && !post)
		return answer_error(sx, c, q, 405, "Allow", "POST");
	q->max = q->r == ROUTE_SYNC ? SERVE_SYNC_MAX : SERVE_FORM_MAX;
	const char *cl = mhd.lookup_connection_value(c, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && strtoull(cl, NULL, 10) > q->max)
		return answer_error(sx, c, q, 413, NULL, NULL);
	return MHD_YES;
}

/* Takes a piece of the body, up to the route's limit. */
static void take(req *q, const char *data, size_t n)
{
	if (q->too_big || q->len + n > q->max) {
		q->too_big = true;
		return;
	}
	char *b = realloc(q->body, q->len + n + 1);
	if (!b) {
		q->too_big = true;
		return;
	}
	memcpy(b + q->len, data, n);
	q->len += n;
	b[q->len] = '\0';
	q->body = b;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version, const char *upload,
			      size_t *upload_size, void **con_cls)
{
	serve_ctx *sx = cls;
	req *q = *con_cls;
	(void)version;

	if (!q) {
		if (!(q = calloc(1, sizeof *q)))
			return MHD_NO;
		*con_cls = q;
		q->t0 = serve_now();
		client_of(sx, c, q->client);
		return begin(sx, c, url, method, q);
	}
	if (*upload_size) {
		if (!q->answered)
			take(q, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (q->answered)
		return MHD_YES;
	if (q->too_big)
		return answer_error(sx, c, q, 413, NULL, NULL);
	return q->r == ROUTE_TRACK ? track(sx, c, q) : sync_bundle(sx, c, q);
}

/* One line a request: when, who, the method, which path (by name: never a
 * query, never a path that is not ours), the status, size and time. */
static void done(void *cls, struct MHD_Connection *c, void **con_cls,
		 enum MHD_RequestTerminationCode why)
{
	serve_ctx *sx = cls;
	req *q = *con_cls;
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	(void)c;

	if (!q)
		return;
	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(sx->o->log, "%s %s %s %s %u %zu %.0fms%s\n", at, q->client, q->method,
		q->r == ROUTE_TRACK ? sx->track_path : q->r == ROUTE_SYNC ? "/sync" : "-",
		q->status, q->bytes, (serve_now() - q->t0) * 1000,
		why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cut short)");
	fflush(sx->o->log);
	free(q->body);
	free(q);
	*con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("tellus serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

int http_start(serve_ctx *sx, const struct sockaddr *addr, const char *cert, const char *key,
	       serve_http **out, int *port, tl_err *err)
{
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_ERROR_LOG;
	serve_http *h = NULL;
	int rc;

	*out = NULL;
	if ((rc = dynlib_load(SERVE_MHD_SONAME, MHD_FNS, sizeof MHD_FNS / sizeof MHD_FNS[0], err)))
		return rc;
	if (!(h = calloc(1, sizeof *h)))
		return err_set(err, TL_ENOMEM, "no memory for the web service");
	if (addr->sa_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (cert) {
		if (mhd.is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			free(h);
			return err_set(err, TL_EINVAL, "--tls-cert: this libmicrohttpd has no TLS");
		}
		flags |= MHD_USE_TLS;
	}
	struct MHD_OptionItem tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)key },
		{ MHD_OPTION_END, 0, NULL },
	};
	h->d = mhd.start_daemon(flags, 0, NULL, NULL, handle, sx,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, addr,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTIONS_MAX,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, sx->o->proxy ? 0u : (unsigned)PER_CLIENT_MAX,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
		MHD_OPTION_NOTIFY_COMPLETED, done, sx,
		MHD_OPTION_ARRAY, cert ? tls : tls + 2,
		MHD_OPTION_END);
	if (!h->d) {
		free(h);
		return err_set(err, TL_EIO, "--listen: cannot listen there (in use, or not an "
			       "address of this machine)");
	}
	const union MHD_DaemonInfo *di = mhd.get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	*port = di ? di->port : 0;
	*out = h;
	return TL_OK;
}

void http_stop(serve_http *h)
{
	if (!h)
		return;
	mhd.stop_daemon(h->d);
	free(h);
}
