/* net_sync.c - one sync over the network: the bundle of every move the
 * register has not acknowledged (sync_out), posted to its /sync, and the
 * reply taken (sync_take_reply), exactly as `tellus sync out` and `in`
 * do by file. Nothing is dropped on the device before the reply is in,
 * so a sync cut anywhere is simply made again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net_private.h"

bool net_register_load(tl_store *st, net_register *out)
{
	char v[32];
	memset(out, 0, sizeof *out);
	out->every = 60;
	if (store_setting_get(st, "register_url", out->url, sizeof out->url, NULL) || !out->url[0])
		return false;
	if (store_setting_get(st, "register_cacert", out->cacert, sizeof out->cacert, NULL))
		out->cacert[0] = '\0';
	if (store_setting_get(st, "sync_seconds", v, sizeof v, NULL) == TL_OK && atoi(v) > 0)
		out->every = atoi(v);
	return true;
}

/* The register's base address with /sync after it ("https://r.example"
 * and "https://r.example/tellus/" alike; one that ends in /sync stays). */
static int sync_url(const char *base, char out[NET_URL_MAX + 8], tl_err *err)
{
	size_t n = strcspn(base, "?#");
	while (n > 0 && base[n - 1] == '/')
		n--;
	if (strncmp(base, "http://", 7) && strncmp(base, "https://", 8))
		return err_set(err, TL_EINVAL, "register '%.80s' is not an http:// or https:// "
			       "address", base);
	if (n >= 5 && strncmp(base + n - 5, "/sync", 5) == 0)
		n -= 5;
	snprintf(out, NET_URL_MAX + 8, "%.*s/sync", (int)n, base);
	return TL_OK;
}

int net_sync(tl_store *st, const net_register *r, const atomic_int *stop, net_result *res,
	     tl_err *err)
{
	char url[NET_URL_MAX + 8];
	tl_sync_blob bundle = { 0 };
	unsigned char *reply = NULL;
	size_t reply_len = 0;
	int rc;

	memset(res, 0, sizeof *res);
	if ((rc = sync_url(r->url, url, err)) || (rc = sync_out(st, &bundle, &res->out, err)))
		return rc;
	rc = net_post(url, r->cacert, bundle.data, bundle.len, stop, &reply, &reply_len,
		      &res->reached, err);
	sync_blob_free(&bundle);
	if (rc == TL_OK && (rc = sync_take_reply(st, reply, reply_len, &res->reply, err)))
		err_prefix(err, "register '%.80s': its reply", r->url);
	free(reply);
	return rc;
}
