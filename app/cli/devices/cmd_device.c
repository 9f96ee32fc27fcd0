/* cmd_device.c - `tellus device`: enrolment (SPEC 11). At the register,
 * add writes DIR/CODE.pair (secret: the device's keys), list and revoke;
 * on a device, join takes the pair file and then deletes it, since it is
 * good for one join. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>
#include "cli.h"
#include "tellus/sync.h"

typedef struct {
	const char *name, *role, *out;
} opts;

static const cli_opt OPTS[] = {
	{ "--name", "TEXT", "add: what staff call it (an officer's device: the officer's name)",
	  CLI_VALUE(opts, name) },
	{ "--role", "ROLE", "add: what the device is", CLI_VALUE(opts, role), .words = &WS_DEVICE_ROLE },
	{ "--out", "DIR", "add: the folder to write CODE.pair into", CLI_VALUE(opts, out) },
	{ NULL },
};

static int add(cli_ctx *cx, const char *code, const opts *o)
{
	tl_sync_blob pair;
	tl_device d;
	char path[1200];
	int rc;

	if (!o->out)
		return err_set(&cx->err, TL_EINVAL, "--out: is required (the folder for CODE.pair)");
	if (access(o->out, W_OK) != 0)
		return err_set(&cx->err, TL_EIO, "--out: %s: not a folder this user can write", o->out);
	if ((rc = sync_device_add(cx->st, code, o->name, o->role, &pair, &d, &cx->err)))
		return rc;
	rc = cli_file_write(cx, o->out, pair.name, pair.data, pair.len, false, path, sizeof path);
	sync_blob_free(&pair);
	if (rc) {
		/* Enrolled, but no file: a new add makes a new epoch and file. */
		size_t n = strlen(cx->err.msg);
		snprintf(cx->err.msg + n, sizeof cx->err.msg - n, " (%s is enrolled without a pair "
			 "file: run device add %s again)", code, code);
		return rc;
	}
	printf("%s\n", path);
	fprintf(stderr, "tellus device: %s enrolled (%s, epoch %d); carry %s to the device by hand, "
		"keep it secret, and run tellus device join there\n", d.code,
		words_word(&WS_DEVICE_ROLE, d.role), d.epoch, path);
	return TL_OK;
}

static int join(cli_ctx *cx, const char *path)
{
	unsigned char *b = NULL;
	size_t n = 0;
	tl_device d;
	int rc;

	if ((rc = cli_file_read(cx, path, 65536, &b, &n)))
		return rc;
	rc = sync_join(cx->st, b, n, &d, &cx->err);
	sodium_memzero(b, n);
	free(b);
	if (rc) {
		err_prefix(&cx->err, "%s", path);
		return rc;
	}
	printf("joined the register as %s (%s: %s)\n", d.code, words_word(&WS_DEVICE_ROLE, d.role),
	       d.name);
	/* Good for one join: the secret keys now live in this file only. */
	if (unlink(path) != 0)
		fprintf(stderr, "tellus device: %s: could not be deleted: delete it yourself\n", path);
	return TL_OK;
}

static int print_device(const tl_device *d, void *arg)
{
	(void)arg;
	printf("%s\t%s\t%s\tepoch %d\tmark %lld\tlast bundle %s\tconflicts %ld%s%s\n", d->code,
	       words_word(&WS_DEVICE_ROLE, d->role), d->name, d->epoch, d->mark,
	       d->last_in[0] ? d->last_in : "never", d->conflicts, d->revoked[0] ? "\trevoked " : "",
	       d->revoked);
	return 0;
}

static int cmd_device(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	bool any = o.name || o.role || o.out;
	if (w.n == 2 && strcmp(w.v[0], "add") == 0)
		return add(cx, w.v[1], &o);
	if (w.n == 2 && strcmp(w.v[0], "join") == 0 && !any)
		return join(cx, w.v[1]);
	if (w.n == 1 && strcmp(w.v[0], "list") == 0 && !any)
		return sync_device_list(cx->st, print_device, NULL, &cx->err);
	if (w.n == 2 && strcmp(w.v[0], "revoke") == 0 && !any) {
		if ((rc = sync_device_revoke(cx->st, w.v[1], &cx->err)))
			return rc;
		printf("%s revoked: its bundles are kept for review (tellus conflicts), not applied\n",
		       w.v[1]);
		return TL_OK;
	}
	return cli_usage(cx);
}

const cli_cmd CLI_DEVICE = {
	.name = "device", .fn = cmd_device,
	.usage = { "add CODE --name TEXT --role kiosk|officer|desk --out DIR", "join FILE.pair",
		   "list", "revoke CODE" },
	.summary = "enrol the devices of this register",
	.about = "At the register: add enrols a device (a new enrolment each time, with new\n"
		 "keys) and writes DIR/CODE.pair, which holds its secret keys: carry it by\n"
		 "hand. On the device, in a new file: join takes it and deletes it. A kiosk's\n"
		 "reply brings no words back; an officer's device gets that officer's open\n"
		 "cases; a desk every open case. revoke stops applying a lost device's bundles.",
	.opts = OPTS, .min_words = 1, .max_words = 2,
};
