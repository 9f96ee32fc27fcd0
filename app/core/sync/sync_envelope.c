/* sync_envelope.c - the envelope of sync.h's format: the 96-byte clear
 * header, the payload sealed to the recipient (crypto_box_seal) and the
 * sender's Ed25519 signature over both. Reading checks the cheap things
 * first (magic, version, kind, length) so that a truncated or foreign
 * file is named as such before any key is looked up. */
#include <stdlib.h>
#include <string.h>
#include "sync_private.h"

static const unsigned char MAGIC[8] = { 0x89, 'T', 'E', 'L', 'L', 'U', 'S', '\n' };

static void put16(unsigned char *p, uint32_t v) { p[0] = v >> 8; p[1] = v & 0xff; }
static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (24 - 8 * i));
}
static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (56 - 8 * i));
}
static uint32_t get16(const unsigned char *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

static const char *kind_name(int kind)
{
	return kind == SYNC_KIND_REPLY ? "reply" : "bundle";
}

static void header_write(const sync_header *h, unsigned char *b)
{
	memset(b, 0, SYNC_HEADER_LEN);
	memcpy(b, MAGIC, 8);
	put16(b + 8, SYNC_FORMAT);
	b[10] = (unsigned char)h->kind;
	memcpy(b + 12, h->register_id, SYNC_ID_LEN);
	put32(b + 28, h->key_id);
	memcpy(b + 32, h->code, strnlen(h->code, 4));
	put32(b + 36, h->epoch);
	memcpy(b + 40, h->install_id, SYNC_ID_LEN);
	put64(b + 56, h->first);
	put64(b + 64, h->last);
	put64(b + 72, h->serial);
	put32(b + 80, sync_day_number(h->day));
	put32(b + 84, h->payload_len);
}

/* The device code field: 1 to 4 symbols of the reference alphabet, then
 * NULs only. */
static bool code_read(const unsigned char *p, char out[SYNC_CODE_MAX])
{
	size_t n = 0;
	while (n < 4 && p[n])
		n++;
	for (size_t i = n; i < 4; i++)
		if (p[i])
			return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return n > 0 && ref_device_valid(out);
}

int sync_env_header(const unsigned char *b, size_t n, int kind, sync_header *h, tl_err *err)
{
	static const unsigned char zero[8];
	memset(h, 0, sizeof *h);
	if (n < sizeof MAGIC || memcmp(b, MAGIC, sizeof MAGIC))
		return err_set(err, TL_EINVAL, "not a Tellus bundle or reply");
	if (n < SYNC_HEADER_LEN)
		return err_set(err, TL_EINVAL, "truncated: %zu bytes, shorter than the header (%d)",
			       n, SYNC_HEADER_LEN);
	h->version = (int)get16(b + 8);
	if (h->version > SYNC_FORMAT)
		return err_set(err, TL_EINVAL, "format version %d is newer than this Tellus reads "
			       "(%d): update Tellus here", h->version, SYNC_FORMAT);
	if (h->version < 1)
		return err_set(err, TL_EINVAL, "damaged: format version 0");
	h->kind = b[10];
	if (h->kind != SYNC_KIND_BUNDLE && h->kind != SYNC_KIND_REPLY)
		return err_set(err, TL_EINVAL, "damaged: kind %d is neither bundle nor reply", h->kind);
	if (kind && h->kind != kind)
		return err_set(err, TL_EINVAL, "is a %s, not a %s: %s", kind_name(h->kind),
			       kind_name(kind), h->kind == SYNC_KIND_REPLY ?
			       "take it in on its device (tellus sync in REPLY there)" :
			       "take it in at the register");
	if (b[11] || memcmp(b + 88, zero, 8))
		return err_set(err, TL_EINVAL, "damaged: reserved bytes are not zero");
	memcpy(h->register_id, b + 12, SYNC_ID_LEN);
	h->key_id = get32(b + 28);
	if (!code_read(b + 32, h->code))
		return err_set(err, TL_EINVAL, "damaged: the device code is not one");
	h->epoch = get32(b + 36);
	memcpy(h->install_id, b + 40, SYNC_ID_LEN);
	h->first = get64(b + 56);
	h->last = get64(b + 64);
	h->serial = get64(b + 72);
	h->day = sync_day_from_number(get32(b + 80));
	h->payload_len = get32(b + 84);
	size_t want = (size_t)SYNC_HEADER_LEN + h->payload_len + SYNC_SIG_LEN;
	if (h->payload_len < crypto_box_SEALBYTES || h->payload_len > SYNC_MAX_FILE)
		return err_set(err, TL_EINVAL, "damaged: a payload of %u bytes", h->payload_len);
	if (n < want)
		return err_set(err, TL_EINVAL, "truncated: %zu of its %zu bytes", n, want);
	if (n > want)
		return err_set(err, TL_EINVAL, "damaged: %zu bytes after its end", n - want);
	if (h->day == TL_NO_DATE || h->epoch < 1 || h->last + 1 < h->first)
		return err_set(err, TL_EINVAL, "damaged: the header's day, epoch or moves are wrong");
	return TL_OK;
}

int sync_env_make(const sync_header *h, const char *payload, size_t plen,
		  const unsigned char *box_pk, const unsigned char *sign_sk, tl_sync_blob *out,
		  tl_err *err)
{
	size_t sealed = plen + crypto_box_SEALBYTES;
	size_t total = SYNC_HEADER_LEN + sealed + SYNC_SIG_LEN;
	sync_header copy = *h;

	memset(out, 0, sizeof *out);
	if (total > SYNC_MAX_FILE)
		return err_set(err, TL_EINVAL, "%s: %zu bytes, more than the %u a file may hold",
			       kind_name(h->kind), total, SYNC_MAX_FILE);
	if (!(out->data = malloc(total)))
		return err_set(err, TL_ENOMEM, "%s: out of memory", kind_name(h->kind));
	copy.payload_len = (uint32_t)sealed;
	header_write(&copy, out->data);
	if (crypto_box_seal(out->data + SYNC_HEADER_LEN, (const unsigned char *)payload, plen, box_pk)) {
		sync_blob_free(out);
		return err_set(err, TL_EIO, "%s: could not be sealed", kind_name(h->kind));
	}
	crypto_sign_detached(out->data + SYNC_HEADER_LEN + sealed, NULL, out->data,
			     SYNC_HEADER_LEN + sealed, sign_sk);
	out->len = total;
	return TL_OK;
}

int sync_env_verify(const unsigned char *b, const sync_header *h, const unsigned char *sign_pk,
		    const char *who, tl_err *err)
{
	size_t signed_len = (size_t)SYNC_HEADER_LEN + h->payload_len;
	if (crypto_sign_verify_detached(b + signed_len, b, signed_len, sign_pk))
		return err_set(err, TL_EINVAL, "altered or damaged: its signature does not match %s's "
			       "key", who);
	return TL_OK;
}

int sync_env_open(const unsigned char *b, const sync_header *h, const unsigned char *box_pk,
		  const unsigned char *box_sk, char **payload, size_t *plen, tl_err *err)
{
	size_t n = h->payload_len - crypto_box_SEALBYTES;
	char *p = malloc(n + 1);

	*payload = NULL;
	if (!p)
		return err_set(err, TL_ENOMEM, "%s: out of memory", kind_name(h->kind));
	if (crypto_box_seal_open((unsigned char *)p, b + SYNC_HEADER_LEN, h->payload_len, box_pk,
				 box_sk)) {
		free(p);
		return err_set(err, TL_EINVAL, "cannot be opened with this file's key (key %u)",
			       h->key_id);
	}
	p[n] = '\0';
	*payload = p;
	*plen = n;
	return TL_OK;
}

void sync_blob_free(tl_sync_blob *b)
{
	if (!b)
		return;
	if (b->data)
		sodium_memzero(b->data, b->len);
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

int sync_peek(const unsigned char *b, size_t n, tl_sync_peek *out, tl_err *err)
{
	sync_header h;
	int rc = sync_env_header(b, n, 0, &h, err);
	memset(out, 0, sizeof *out);
	if (rc)
		return rc;
	out->kind = h.kind;
	snprintf(out->code, sizeof out->code, "%s", h.code);
	out->epoch = (int)h.epoch;
	out->first = (long long)h.first;
	out->last = (long long)h.last;
	return TL_OK;
}
