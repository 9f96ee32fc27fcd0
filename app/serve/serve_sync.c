/* serve_sync.c - POST /sync at the register: a device's bundle in, its
 * reply out, through the core's one entry point (sync_in), run on a
 * worker of its own so that a flood of tracking requests cannot hold a
 * device up. A refusal is one line for the device to show: the bundle
 * changed nothing. */
#include <stdio.h>
#include "tellus/sync.h"
#include "serve_private.h"

/* The HTTP status that says who is at fault: the bundle (400), a device
 * the register does not know or has revoked (403), the register (500). */
static int status_of(int rc)
{
	switch (rc) {
	case TL_EINVAL:
		return 400;
	case TL_ENOTFOUND:
	case TL_EAUTH:
		return 403;
	case TL_EEXIST:
	case TL_ESTATE:
		return 409;
	case TL_ENOMEM:
		return 503;
	default:
		return 500;
	}
}

void sync_job(tl_store *st, void *arg)
{
	serve_sync_job *j = arg;
	tl_sync_blob reply = { 0 };
	tl_sync_in in;
	tl_err err = { { 0 } };
	int rc = sync_in(st, j->bundle, j->len, &reply, &in, &err);

	j->reply = NULL;
	j->reply_len = 0;
	if (rc) {
		j->status = status_of(rc);
		err_prefix(&err, "bundle");
		snprintf(j->msg, sizeof j->msg, "%s", err.msg);
		return;
	}
	j->status = 200;
	j->reply = reply.data; /* handed over: the HTTP side frees it */
	j->reply_len = reply.len;
	snprintf(j->code, sizeof j->code, "%s", in.code);
}
