/* sync_pair.c - the pair file: what `device add` hands a device to join
 * with. Text, one "key value" a line after a first line that says what it
 * is and that it is secret (it holds the device's secret keys: whoever
 * has it can send records as the device). Keys are in hex. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sync_private.h"

#define PAIR_MAX 8192

static void put_hex(FILE *f, const char *key, const unsigned char *b, size_t n)
{
	char hex[2 * crypto_sign_SECRETKEYBYTES + 1];
	sodium_bin2hex(hex, sizeof hex, b, n);
	fprintf(f, "%s %s\n", key, hex);
	sodium_memzero(hex, sizeof hex);
}

int sync_pair_write(const sync_self *d, const sync_pair_seq *seqs, size_t n_seqs,
		    tl_sync_blob *out, tl_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	memset(out, 0, sizeof *out);
	if (!f)
		return err_set(err, TL_ENOMEM, "pair file: out of memory");
	fprintf(f, "# TELLUS PAIR FILE for device %s. SECRET: whoever has this file can send "
		"records as that device. Keep it secret, carry it by hand, use it once (tellus "
		"device join, which then deletes it).\n", d->code);
	fprintf(f, "format 1\ncode %s\nname %s\nrole %s\nepoch %d\n", d->code, d->name,
		words_word(&WS_DEVICE_ROLE, d->role), d->epoch);
	put_hex(f, "register_id", d->register_id, SYNC_ID_LEN);
	fprintf(f, "key_id %u\n", d->key_id);
	put_hex(f, "register_box_pk", d->register_box_pk, sizeof d->register_box_pk);
	put_hex(f, "register_sign_pk", d->register_sign_pk, sizeof d->register_sign_pk);
	put_hex(f, "sign_sk", d->sign_sk, sizeof d->sign_sk);
	put_hex(f, "box_pk", d->box_pk, sizeof d->box_pk);
	put_hex(f, "box_sk", d->box_sk, sizeof d->box_sk);
	for (size_t i = 0; i < n_seqs; i++)
		fprintf(f, "ref_seq %d %ld\n", seqs[i].year, seqs[i].next);
	if (fclose(f) || !buf) {
		free(buf);
		return err_set(err, TL_ENOMEM, "pair file: out of memory");
	}
	out->data = (unsigned char *)buf;
	out->len = len;
	snprintf(out->name, sizeof out->name, "%s.pair", d->code);
	return TL_OK;
}

static int hex_field(const char *v, unsigned char *out, size_t n, const char *key, tl_err *err)
{
	size_t got = 0;
	if (sodium_hex2bin(out, n, v, strlen(v), NULL, &got, NULL) || got != n)
		return err_set(err, TL_EINVAL, "pair file: %s is not %zu bytes of hex", key, n);
	return TL_OK;
}

/* One "key value" line into d. */
static int pair_line(char *line, sync_self *d, sync_pair_seq *seqs, size_t *n_seqs, tl_err *err)
{
	char *v = strchr(line, ' ');
	if (!v)
		return err_set(err, TL_EINVAL, "pair file: a line has no value");
	*v++ = '\0';
	if (!strcmp(line, "format"))
		return strcmp(v, "1") ? err_set(err, TL_EINVAL, "pair file: format '%.8s' is newer "
						"than this Tellus reads (1)", v) : TL_OK;
	if (!strcmp(line, "code"))
		return ref_device_valid(v) ? (snprintf(d->code, sizeof d->code, "%s", v), TL_OK)
			: err_set(err, TL_EINVAL, "pair file: code '%.8s' is not a device code", v);
	if (!strcmp(line, "name"))
		return snprintf(d->name, sizeof d->name, "%s", v), TL_OK;
	if (!strcmp(line, "role"))
		return (d->role = words_find(&WS_DEVICE_ROLE, v)) >= 0 ? TL_OK
			: err_set(err, TL_EINVAL, "pair file: role '%.20s' is not one", v);
	if (!strcmp(line, "epoch") || !strcmp(line, "key_id")) {
		long n = strtol(v, NULL, 10);
		if (n < 1 || n > 1000000)
			return err_set(err, TL_EINVAL, "pair file: %s '%.20s' is not a number", line, v);
		if (line[0] == 'e')
			d->epoch = (int)n;
		else
			d->key_id = (uint32_t)n;
		return TL_OK;
	}
	if (!strcmp(line, "ref_seq")) {
		if (*n_seqs >= SYNC_PAIR_SEQS ||
		    sscanf(v, "%d %ld", &seqs[*n_seqs].year, &seqs[*n_seqs].next) != 2)
			return err_set(err, TL_EINVAL, "pair file: a ref_seq line is wrong");
		(*n_seqs)++;
		return TL_OK;
	}
	struct { const char *key; unsigned char *b; size_t n; } hex[] = {
		{ "register_id", d->register_id, SYNC_ID_LEN },
		{ "register_box_pk", d->register_box_pk, sizeof d->register_box_pk },
		{ "register_sign_pk", d->register_sign_pk, sizeof d->register_sign_pk },
		{ "sign_sk", d->sign_sk, sizeof d->sign_sk },
		{ "box_pk", d->box_pk, sizeof d->box_pk },
		{ "box_sk", d->box_sk, sizeof d->box_sk },
	};
	for (size_t i = 0; i < sizeof hex / sizeof hex[0]; i++)
		if (!strcmp(line, hex[i].key))
			return hex_field(v, hex[i].b, hex[i].n, line, err);
	return TL_OK; /* a later version's optional line */
}

int sync_pair_read(const unsigned char *b, size_t n, sync_self *d, sync_pair_seq *seqs,
		   size_t *n_seqs, tl_err *err)
{
	char *text;
	int rc = TL_OK;

	memset(d, 0, sizeof *d);
	d->role = -1;
	*n_seqs = 0;
	if (n < 20 || n > PAIR_MAX || memcmp(b, "# TELLUS PAIR FILE", 18))
		return err_set(err, TL_EINVAL, "not a Tellus pair file (made by tellus device add)");
	if (memchr(b, '\0', n) || !(text = malloc(n + 1)))
		return err_set(err, TL_EINVAL, "pair file: damaged");
	memcpy(text, b, n);
	text[n] = '\0';
	char *save = NULL;
	strtok_r(text, "\n", &save); /* the first line says what it is */
	for (char *line; rc == TL_OK && (line = strtok_r(NULL, "\n", &save));)
		rc = pair_line(line, d, seqs, n_seqs, err);
	sodium_memzero(text, n);
	free(text);
	if (rc == TL_OK && (!d->code[0] || !d->name[0] || d->role < 0 || !d->epoch || !d->key_id))
		rc = err_set(err, TL_EINVAL, "pair file: incomplete (no code, name, role, epoch or key)");
	if (rc == TL_OK) {
		/* The box key pair must be a pair: a damaged one would seal
		 * replies nobody can open. */
		unsigned char pk[crypto_box_PUBLICKEYBYTES];
		crypto_scalarmult_base(pk, d->box_sk);
		if (memcmp(pk, d->box_pk, sizeof pk))
			rc = err_set(err, TL_EINVAL, "pair file: its keys do not match: damaged");
	}
	if (rc)
		sync_self_wipe(d);
	return rc;
}
