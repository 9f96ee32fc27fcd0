/* net_post.c - one bundle posted to the register's /sync with libcurl,
 * the reply's bytes back. Only http and https, no redirects, the
 * certificate checked (against --cacert when given), and every failure
 * said in one line that tells a person what to do: the register away, a
 * certificate not trusted, a refusal in the register's own words. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "net_private.h"

#define CONNECT_SECONDS 10L
#define TOTAL_SECONDS 120L

typedef struct {
	unsigned char *data;
	size_t len;
	bool too_big;
	const atomic_int *stop;
} sink;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

static void global_init(void)
{
	global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
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
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_POST, 1L);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, (const char *)b);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)n);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_SECONDS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, TOTAL_SECONDS);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "tellus/" TELLUS_VERSION);
	if (cacert[0])
		curl_easy_setopt(c, CURLOPT_CAINFO, cacert);
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
	if (global_rc != CURLE_OK || !(c = curl_easy_init()) ||
	    !(h = curl_slist_append(NULL, "Content-Type: " NET_SYNC_TYPE)) ||
	    !curl_slist_append(h, "Expect:")) {
		rc = err_set(err, TL_ENOMEM, "register: cannot start a transfer (libcurl)");
		goto cleanup;
	}
	set_options(c, url, cacert, b, n, h, &s, detail);
	CURLcode cr = curl_easy_perform(c);
	if (cr != CURLE_OK) {
		if (!detail[0])
			snprintf(detail, sizeof detail, "%s", curl_easy_strerror(cr));
		detail[strcspn(detail, "\r\n")] = '\0';
		rc = s.too_big ? err_set(err, TL_EINVAL, "register '%.80s': its reply is over %u MiB",
					 url, SYNC_MAX_FILE >> 20)
			       : transport(cr, url, cacert, detail, err);
		goto cleanup;
	}
	*reached = true;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
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
	curl_slist_free_all(h);
	if (c)
		curl_easy_cleanup(c);
	return rc;
}
