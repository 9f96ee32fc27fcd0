/* net_post.c - one bundle posted to the register's /sync with libcurl,
 * the reply's bytes back. Only http and https, no redirects, the
 * certificate checked (against --cacert when given), and every failure
 * said in one line that tells a person what to do: the register away, a
 * certificate not trusted, a refusal in the register's own words. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/dynlib.h"
#include "net_private.h"

#define CONNECT_SECONDS 10L
#define TOTAL_SECONDS 120L

typedef struct {
	unsigned char *data;
	size_t len;
	bool too_big;
	const atomic_int *stop;
} sink;

/* libcurl, opened on the first transfer (dynlib.h): its soname, and the
 * functions used here, typed by its header. */
#ifndef NET_CURL_SONAME
#define NET_CURL_SONAME "libcurl.so.4"
#endif
static struct {
	__typeof__(&curl_global_init) global_init;
	__typeof__(&curl_easy_init) easy_init;
	__typeof__(&curl_easy_setopt) easy_setopt;
	__typeof__(&curl_easy_perform) easy_perform;
	__typeof__(&curl_easy_getinfo) easy_getinfo;
	__typeof__(&curl_easy_strerror) easy_strerror;
	__typeof__(&curl_easy_cleanup) easy_cleanup;
	__typeof__(&curl_slist_append) slist_append;
	__typeof__(&curl_slist_free_all) slist_free_all;
} cu;
#define CU_FN(f) { "curl_" #f, (void **)&cu.f }
static const dynlib_fn CU_FNS[] = { CU_FN(global_init), CU_FN(easy_init), CU_FN(easy_setopt),
	CU_FN(easy_perform), CU_FN(easy_getinfo), CU_FN(easy_strerror), CU_FN(easy_cleanup),
	CU_FN(slist_append), CU_FN(slist_free_all) };

static pthread_once_t once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;
static tl_err load_err;

static void global_init(void)
{
	if (dynlib_load(NET_CURL_SONAME, CU_FNS, sizeof CU_FNS / sizeof CU_FNS[0], &load_err) == TL_OK)
		global_rc = cu.global_init(CURL_GLOBAL_DEFAULT);
}

static size_t take(char *p, size_t size, size_t n, void *arg)
{
	sink *s = arg;
	size_t add = size * n;
	if (s->len + add > SYNC_MAX_FILE) {
		s->too_big = true;
		return 0;
	}
	unsigned char *d = realloc(s->data, s->len + add + 1);
	if (!d)
		return 0;
	memcpy(d + s->len, p, add);
	s->data = d;
	s->len += add;
	d[s->len] = '\0';
	return add;
}

static int progress(void *arg, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
	const sink *s = arg;
	(void)a, (void)b, (void)c, (void)d;
	return s->stop && *s->stop;
}

/* The register's refusal, one line of its own words (control characters
 * dropped, cut short). */
static void refusal(const sink *s, long status, const char *url, tl_err *err)
{
	char line[300];
	size_t n = 0;
	for (size_t i = 0; s->data && i < s->len && s->data[i] != '\n' && n < sizeof line - 1; i++)
		if (s->data[i] >= 0x20 && s->data[i] != 0x7f)
			line[n++] = (char)s->data[i];
	line[n] = '\0';
	if (n == 0 || status == 404 || status == 405)
		err_set(err, TL_EINVAL, "register '%.80s': answered %ld, not as a register does (is it "
			"the address of tellus serve?)", url, status);
	else
		err_set(err, status == 503 ? TL_EIO : TL_EINVAL, "register '%.80s': %s", url, line);
}

/* What went wrong before any answer, in words that say what to do. */
static int transport(CURLcode rc, const char *url, const char *cacert, const char *detail,
		     tl_err *err)
{
	switch (rc) {
	case CURLE_PEER_FAILED_VERIFICATION:
		return err_set(err, TL_EAUTH, "register '%.80s': its certificate is not trusted%s%.200s%s"
			       " (%s); nothing was sent", url, *cacert ? " by --cacert " : "",
			       cacert, *cacert ? "" : " by this machine: give the CA with --cacert",
			       detail);
	case CURLE_SSL_CACERT_BADFILE:
		return err_set(err, TL_EINVAL, "--cacert: %.200s cannot be read as a PEM certificate",
			       cacert);
	case CURLE_SSL_CONNECT_ERROR:
		return err_set(err, TL_EIO, "register '%.80s': no secure connection (%s): is it "
			       "served with --tls-cert?", url, detail);
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return err_set(err, TL_EINVAL, "register '%.80s' is not an http:// or https:// address",
			       url);
	case CURLE_ABORTED_BY_CALLBACK:
		return err_set(err, TL_EIO, "register '%.80s': stopped before it answered", url);
	default:
		return err_set(err, TL_EIO, "register '%.80s' does not answer (%s); what waits stays on "
			       "this device for the next sync", url, detail);
	}
}

static void set_options(CURL *c, const char *url, const char *cacert, const unsigned char *b,
			size_t n, struct curl_slist *h, sink *s, char *detail)
{
	cu.easy_setopt(c, CURLOPT_URL, url);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	cu.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_POST, 1L);
	cu.easy_setopt(c, CURLOPT_POSTFIELDS, (const char *)b);
	cu.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)n);
	cu.easy_setopt(c, CURLOPT_HTTPHEADER, h);
	cu.easy_setopt(c, CURLOPT_WRITEFUNCTION, take);
	cu.easy_setopt(c, CURLOPT_WRITEDATA, s);
	cu.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	cu.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
	cu.easy_setopt(c, CURLOPT_XFERINFODATA, s);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_SECONDS);
	cu.easy_setopt(c, CURLOPT_TIMEOUT, TOTAL_SECONDS);
	cu.easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
	cu.easy_setopt(c, CURLOPT_USERAGENT, "tellus/" TELLUS_VERSION);
	if (cacert[0])
		cu.easy_setopt(c, CURLOPT_CAINFO, cacert);
}

int net_post(const char *url, const char *cacert, const unsigned char *b, size_t n,
	     const atomic_int *stop, unsigned char **reply, size_t *reply_len, bool *reached,
	     tl_err *err)
{
	sink s = { .stop = stop };
	char detail[CURL_ERROR_SIZE] = "";
	struct curl_slist *h = NULL;
	long status = 0;
	char *type = NULL;
	int rc = TL_OK;
	CURL *c = NULL;

	*reply = NULL;
	*reply_len = 0;
	*reached = false;
	pthread_once(&once, global_init);
	if (load_err.msg[0]) {
		rc = err_set(err, TL_EIO, "register: %s", load_err.msg);
		goto cleanup;
	}
	if (global_rc != CURLE_OK || !(c = cu.easy_init()) ||
	    !(h = cu.slist_append(NULL, "Content-Type: " NET_SYNC_TYPE)) ||
	    !cu.slist_append(h, "Expect:")) {
		rc = err_set(err, TL_ENOMEM, "register: cannot start a transfer (libcurl)");
		goto cleanup;
	}
	set_options(c, url, cacert, b, n, h, &s, detail);
	CURLcode cr = cu.easy_perform(c);
	if (cr != CURLE_OK) {
		if (!detail[0])
			snprintf(detail, sizeof detail, "%s", cu.easy_strerror(cr));
		detail[strcspn(detail, "\r\n")] = '\0';
		rc = s.too_big ? err_set(err, TL_EINVAL, "register '%.80s': its reply is over %u MiB",
					 url, SYNC_MAX_FILE >> 20)
			       : transport(cr, url, cacert, detail, err);
		goto cleanup;
	}
	*reached = true;
	cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	cu.easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
	if (status != 200) {
		refusal(&s, status, url, err);
		rc = status == 503 ? TL_EIO : TL_EINVAL;
	} else if (!type || strncmp(type, NET_SYNC_TYPE, strlen(NET_SYNC_TYPE))) {
		rc = err_set(err, TL_EINVAL, "register '%.80s': answered with a page, not a reply (is it "
			     "the address of tellus serve?)", url);
	} else {
		*reply = s.data;
		*reply_len = s.len;
		s.data = NULL;
	}
cleanup:
	free(s.data);
	if (h)
		cu.slist_free_all(h);
	if (c)
		cu.easy_cleanup(c);
	return rc;
}
