/* cmd_sync.c - `tellus sync`: bundles by file (SPEC 11). On a device, out
 * writes the bundle of every move the register has not acknowledged, and
 * in REPLY takes the register's reply. At the register, in FILE... applies
 * bundles, each all or nothing, and writes each device's reply into
 * --reply DIR. status says where this file stands. With no word, one sync
 * over the network with the register's tellus serve (cmd_sync_net.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cmd_sync_net.h"
#include "tellus/sync.h"

typedef struct {
	const char *reply, *reg, *cacert;
} opts;

static const cli_opt OPTS[] = {
	{ "--reply", "DIR", "in, at the register: write each device's reply here", CLI_VALUE(opts, reply) },
	{ "--register", "URL", "on a device: sync with tellus serve there (else register_url)",
	  CLI_VALUE(opts, reg) },
	{ "--cacert", "FILE", "with --register: the CA of its certificate (else register_cacert)",
	  CLI_VALUE(opts, cacert) },
	{ NULL },
};

static int out(cli_ctx *cx, const char *dir)
{
	tl_sync_blob b;
	tl_sync_out o;
	char path[1200];
	int rc = sync_out(cx->st, &b, &o, &cx->err);

	if (rc)
		return rc;
	rc = cli_file_write(cx, dir, b.name, b.data, b.len, true, path, sizeof path);
	sync_blob_free(&b);
	if (rc)
		return rc;
	if (o.last < o.first)
		printf("%s: no moves waiting (the reply to it brings the register's status back)\n", path);
	else
		printf("%s: moves %lld to %lld, %ld cases\n", path, o.first, o.last, o.cases);
	return TL_OK;
}

static int bundle_in(cli_ctx *cx, const char *file, const unsigned char *b, size_t n,
		     const char *reply_dir)
{
	tl_sync_blob reply;
	tl_sync_in r;
	char path[1200] = "";
	int rc = sync_in(cx->st, b, n, reply_dir ? &reply : NULL, &r, &cx->err);

	if (rc)
		return rc;
	if (reply_dir) {
		rc = cli_file_write(cx, reply_dir, reply.name, reply.data, reply.len, true, path,
				    sizeof path);
		sync_blob_free(&reply);
	}
	if (r.last < r.first)
		printf("%s: %s carries no moves (the register has its moves up to %lld); nothing "
		       "changed", file, r.code, r.mark);
	else if (r.already)
		printf("%s: already applied: %s's moves %lld to %lld are at or below its mark here "
		       "(%lld); nothing changed", file, r.code, r.first, r.last, r.mark);
	else
		printf("%s: %s moves %lld to %lld: %ld applied, %ld kept in tellus conflicts, %ld "
		       "applied before", file, r.code, r.first, r.last, r.applied, r.conflicts,
		       r.skipped);
	printf("%s%s\n", path[0] ? "; reply " : "", path);
	return rc;
}

static int reply_in(cli_ctx *cx, const char *file, const unsigned char *b, size_t n)
{
	tl_sync_reply r;
	int rc = sync_take_reply(cx->st, b, n, &r, &cx->err);
	if (rc)
		return rc;
	if (r.already)
		printf("%s: already taken (this reply or a newer one); nothing changed\n", file);
	else
		printf("%s: the register has this device's moves up to %lld; %ld cases brought up to "
		       "date, %ld cases' words removed, %ld moves in its conflicts\n", file, r.mark,
		       r.cases, r.forgotten, r.refused);
	if (!r.already && r.lists)
		printf("%s: the service areas and teams are now the register's (tellus services "
		       "list, tellus teams list)\n", file);
	if (!r.already && r.told)
		printf("%s: the register has %ld \"I don't feel safe\" record%s: staff have been "
		       "told\n", file, r.told, r.told == 1 ? "" : "s");
	if (!r.already && r.forgotten && !r.wal_truncated)
		fprintf(stderr, "tellus sync: the write-ahead log is still in use: close the kiosk "
			"and take the reply in again to clear it\n");
	return TL_OK;
}

static int one_file(cli_ctx *cx, const char *file, const char *reply_dir)
{
	unsigned char *b = NULL;
	size_t n = 0;
	tl_sync_peek p;
	tl_sync_status s;
	int rc = cli_file_read(cx, file, SYNC_MAX_FILE, &b, &n);

	if (rc == TL_OK && (rc = sync_peek(b, n, &p, &cx->err)) == TL_OK &&
	    (rc = sync_status(cx->st, &s, &cx->err)) == TL_OK) {
		/* A reply on a device; anything else the register's sync_in
		 * checks, and refuses a reply there saying where it goes. */
		if (p.kind == 2 && s.device && reply_dir)
			rc = err_set(&cx->err, TL_EINVAL, "--reply: a device writes no replies");
		else
			rc = p.kind == 2 && s.device ? reply_in(cx, file, b, n)
				: bundle_in(cx, file, b, n, reply_dir);
	}
	if (rc && strncmp(cx->err.msg, file, strlen(file)))
		err_prefix(&cx->err, "%s", file);
	free(b);
	return rc;
}

/* Each file on its own (all or nothing per bundle): a refusal is said
 * and the rest still go in; the exit status says whether any failed. */
static int in(cli_ctx *cx, const cli_words *w, const char *reply_dir)
{
	int failed = TL_OK;
	tl_err last = { "" };

	for (int i = 1; i < w->n; i++) {
		int rc = one_file(cx, w->v[i], reply_dir);
		if (rc == TL_OK)
			continue;
		if (failed)
			fprintf(stderr, "tellus sync: %s\n", last.msg);
		failed = rc;
		last = cx->err;
	}
	cx->err = last;
	return failed;
}

static int status(cli_ctx *cx)
{
	tl_sync_status s;
	int rc = sync_status(cx->st, &s, &cx->err);
	if (rc)
		return rc;
	if (s.device) {
		printf("device %s (%s: %s), enrolment %d\n", s.self.code,
		       words_word(&WS_DEVICE_ROLE, s.self.role), s.self.name, s.self.epoch);
		printf("waiting %lld moves of %ld cases (made %lld, the register has up to %lld)\n",
		       s.waiting, s.waiting_cases, s.made, s.acked);
		printf("last bundle %s\nlast reply %s\n", s.last_out[0] ? s.last_out : "never",
		       s.last_reply[0] ? s.last_reply : "never");
		if (s.refused)
			printf("the register keeps %ld of this device's moves in its conflicts\n", s.refused);
	} else if (s.register_keys) {
		printf("register: %ld devices enrolled, %ld conflicts to settle\n", s.devices, s.conflicts);
	} else {
		printf("a register with no devices yet (tellus device add)\n");
	}
	return TL_OK;
}

static int cmd_sync(cli_ctx *cx, int argc, char **argv)
{
	opts o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	if (w.n == 0 && !o.reply)
		return cli_sync_register(cx, o.reg, o.cacert);
	if (o.reg || o.cacert)
		return cli_usage(cx);
	if (w.n == 2 && strcmp(w.v[0], "out") == 0 && !o.reply)
		return out(cx, w.v[1]);
	if (w.n >= 2 && strcmp(w.v[0], "in") == 0)
		return in(cx, &w, o.reply);
	if (w.n == 1 && strcmp(w.v[0], "status") == 0 && !o.reply)
		return status(cx);
	return cli_usage(cx);
}

const cli_cmd CLI_SYNC = {
	.name = "sync", .fn = cmd_sync,
	.usage = { "[--register URL] [--cacert FILE]", "out DIR", "in FILE... [--reply DIR]", "status" },
	.summary = "carry records between devices and the register",
	.about = "On a device: out writes one bundle (sealed to the register, signed by the\n"
		 "device) with every move the register has not acknowledged; in REPLY takes\n"
		 "the register's reply (a kiosk then forgets the words the register has).\n"
		 "At the register: in FILE... applies each bundle all or nothing, in any order,\n"
		 "any number of times; refused moves wait in tellus conflicts.\n"
		 "Without a word, on a device: one sync with the register's tellus serve, the\n"
		 "bundle posted and the reply taken (--register URL, else register_url).",
	.opts = OPTS, .min_words = 0, .max_words = CLI_MAX_WORDS,
};
