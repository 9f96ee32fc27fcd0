/* serve_private.h - what the files of app/serve share: the worker pool
 * that runs the register's work off the request threads, the limiter of
 * wrong tries, the tracking page's answers and the HTML they are written
 * in. The HTTP side (libmicrohttpd) stays in serve_http.c. */
#ifndef TELLUS_SERVE_PRIVATE_H
#define TELLUS_SERVE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/case.h"
#include "tellus/lang.h"
#include "tellus/receipt.h"
#include "tellus/store.h"
#include "tellus/sync.h"
#include "serve.h"

/* Limits of a request. A typed form is tiny; a bundle is not. */
#define SERVE_FORM_MAX 2048          /* bytes of a POSTed tracking form */
#define SERVE_SYNC_MAX SYNC_MAX_FILE /* bytes of a POSTed bundle */
#define SERVE_TYPED_MAX 64           /* bytes kept of a typed reference or code */
#define SERVE_ADDR_MAX 64            /* a client's address, numeric */
#define SERVE_SYNC_TYPE "application/octet-stream" /* a bundle, and its reply */

typedef struct serve_pool serve_pool;
typedef struct serve_limit serve_limit;

/* ---- The service as a whole (serve.c) and its HTTP side (serve_http.c) ---- */
typedef struct {
	const serve_opts *o;
	char track_path[256];   /* the path of receipt_url, or /track */
	serve_pool *pool;       /* the tracking page's checks */
	serve_pool *sync_pool;  /* bundles, one at a time: never behind the page's queue */
	serve_limit *limit;
	bool tls;
} serve_ctx;
struct sockaddr;
typedef struct serve_http serve_http;
/* Starts libmicrohttpd on addr (port 0: a free one; *port gets it), with
 * TLS when cert and key (PEM text) are given. */
int http_start(serve_ctx *sx, const struct sockaddr *addr, const char *cert, const char *key,
	       serve_http **out, int *port, tl_err *err);
/* No new connection; waits for the requests under way. */
void http_stop(serve_http *h);
/* A monotonic clock in seconds. */
double serve_now(void);

/* ---- The worker pool (serve_pool.c) ----
 * A few threads, each with its own connection to the register, run the
 * work that is slow (the Argon2id check of a code) or touches the file.
 * The queue is bounded: when it is full a request is turned away at once
 * (503), so a flood of tracking requests waits in no request thread and
 * cannot stall /sync, which never goes through this queue. */
typedef void (*serve_job_fn)(tl_store *st, void *arg);
int pool_start(serve_pool **out, const char *db, int workers, int queue_max, tl_err *err);
/* Runs fn(store, arg) on a worker and waits for it: 0 when it ran, -1
 * when the queue was full (fn did not run). */
int pool_run(serve_pool *p, serve_job_fn fn, void *arg);
/* Lets the queued jobs finish, then joins the workers and closes their
 * stores. */
void pool_stop(serve_pool *p);

/* ---- Wrong tries (serve_limit.c) ----
 * Counted per client address and per reference, over a window: the first
 * few are free, then every answer for that client or reference is held
 * back a little longer (slowed), then refused with 429 for a while. */
serve_limit *limit_new(void);
void limit_free(serve_limit *l);
typedef struct {
	bool refused;      /* answer 429 without checking anything */
	int retry_after;   /* seconds, when refused */
	int delay_ms;      /* hold the answer this long, right or wrong */
} limit_verdict;
/* Before a check. ref is the reference in canonical form, or "". now is
 * a monotonic clock in seconds. */
void limit_ask(serve_limit *l, const char *client, const char *ref, double now, limit_verdict *v);
/* After a wrong try: true when it starts a refusal (audited once). */
bool limit_wrong(serve_limit *l, const char *client, const char *ref, double now);

/* ---- The tracking page's answers (serve_track.c), run on a worker ---- */
typedef struct {
	/* in */
	const char *ref, *code;  /* as typed; both NULL or "" for the empty form */
	const char *client;      /* for the audit trail and the limiter */
	const char *self;        /* the tracking page's path */
	const tl_lang *lang;     /* the page's language (serve_lang.c) */
	bool by_link;            /* ref and code came in the link (GET), as the QR's */
	serve_limit *limit;      /* counts a wrong try */
	/* out */
	int status;              /* HTTP status */
	char *body;              /* malloc'd HTML; the caller frees it */
	size_t len;
	bool wrong;              /* a try that did not match (count it) */
	char canon[REF_MAX];     /* the reference in canonical form, or "" */
} serve_track_job;
void track_job(tl_store *st, void *arg);
/* The canonical form of a typed reference, or "" when it is not one. */
void track_canon(const char *typed, char out[REF_MAX]);

/* ---- Bundles (serve_sync.c), run on the sync pool's worker ---- */
typedef struct {
	/* in */
	const unsigned char *bundle;
	size_t len;
	/* out */
	int status;              /* 200, or the HTTP status of a refusal */
	unsigned char *reply;    /* malloc'd reply (status 200); the caller frees it */
	size_t reply_len;
	char code[16];           /* the device's code, for the log line (200) */
	char msg[512];           /* one line, why the bundle was refused */
} serve_sync_job;
void sync_job(tl_store *st, void *arg);

/* ---- HTML (serve_page.c): every page, self-contained ---- */
typedef struct {
	const tl_receipt_settings *set; /* the council's name and contact */
	const char *self;               /* the tracking page's path, for the form */
	const tl_lang *lang;            /* the page's language; NULL: English */
	/* A case page reached by its link (the QR's): the language links
	 * carry ref and code again, so that the page comes back in another
	 * language. NULL otherwise: they lead to the form. */
	const char *ref, *code;
} page_ctx;
/* Where a case stands, as the page tells it. */
typedef struct {
	const tl_case *c;
	const tl_stage *s;            /* current stage, or NULL */
	const tl_stage_status *stat;  /* of s, when s */
} page_case_in;
/* Each writes a malloc'd page to *out (the caller frees it). */
int page_form(const page_ctx *p, const char *typed_ref, bool no_match, char **out, size_t *len);
int page_case(const page_ctx *p, const page_case_in *in, char **out, size_t *len);
int page_refused(const page_ctx *p, int minutes, char **out, size_t *len);
/* A short page for an HTTP error (404, 405, 413, 503...): no settings;
 * lang NULL is English. */
int page_error(int status, const tl_lang *lang, char **out, size_t *len);

/* ---- The page's language (serve_lang.c) ----
 * asked: the link's or the form's lang= (a code); accept: the browser's
 * Accept-Language header. Either may be NULL. The asked language when
 * Tellus has it, else the browser's most wanted one Tellus has, else
 * English. */
const tl_lang *serve_lang_pick(const char *asked, const char *accept);

/* ---- Words (serve_words.c): every sentence of the pages, in one table,
 * marked for the catalogues and looked up in the page's language. ---- */
typedef enum {
	SW_TITLE_CHECK, SW_TITLE_COMPLAINT, SW_TITLE_COMPLIMENT, SW_TITLE_MESSAGE,
	SW_TITLE_WAIT, SW_TITLE_ERROR,
	SW_FORM_INTRO, SW_FORM_REF, SW_FORM_REF_HINT, SW_FORM_CODE, SW_FORM_CODE_HINT,
	SW_FORM_BUTTON, SW_FORM_PRIVATE,
	SW_NO_MATCH, SW_NO_MATCH_HELP,
	SW_YOUR_REF, SW_WHERE, SW_DATES, SW_NEXT, SW_CONTACT,
	SW_STAGE_1, SW_STAGE_2, SW_STAGE_3, SW_STEP_OF, SW_NO_STAGE,
	SW_RECEIVED, SW_REPLY_BY, SW_REPLY_BY_LONGER, SW_ASK_NEXT_BY, SW_REPLIED_ON,
	SW_ASK_AGAIN_BY, SW_WITHDRAWN_ON,
	SW_PAUSED, SW_LATE, SW_LATE_ASK, SW_REPLIED, SW_WITHDRAWN, SW_CLOSED,
	SW_NOT_HAPPY_NEXT, SW_NOT_HAPPY_OMBUDSMAN,
	SW_NEXT_STAGE, SW_ADVOCACY, SW_OMBUDSMAN, SW_OMBUDSMAN_CONTACT,
	SW_SAFE_NOW,
	SW_COMPLIMENT, SW_MESSAGE,
	SW_PHONE, SW_EMAIL, SW_ASK_STAFF, SW_CHECK_ANOTHER,
	SW_WAIT, SW_WAIT_HELP,
	SW_ERR_404, SW_ERR_405, SW_ERR_413, SW_ERR_429, SW_ERR_500, SW_ERR_503, SW_ERR_OTHER,
	SW_LANGUAGES,
	SW__COUNT
} serve_word;
const char *sw(serve_word w, const tl_lang *l);
/* "Thursday 29 January 2026", "czwartek, 29 stycznia 2026". */
void sw_date(tl_date d, const tl_lang *l, char out[LANG_DATE_MAX]);

#endif
