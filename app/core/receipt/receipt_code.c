/* receipt_code.c - tracking codes: drawn at random, read back as typed,
 * and stored only as a hash. The code in clear exists only on the receipt
 * the person takes away; nothing here logs or stores it. */
#include <ctype.h>
#include <string.h>
#include <sodium.h>
#include "tellus/receipt.h"

/* Digits and the letters that look like no digit and no other letter:
 * none of I, L, O (1, 0), S (5), B (8), Z (2), and no U (Crockford's
 * reason: no word by chance). A person who types a look-alike is read
 * right (code_symbol). 29 symbols, so ten of them hold 48.6 random bits. */
static const char CODE_ALPHABET[] = "0123456789ACDEFGHJKMNPQRTVWXY";
#define CODE_BASE ((uint32_t)(sizeof CODE_ALPHABET - 1))

/* Why Argon2id (crypto_pwhash_str) and not a keyed BLAKE2b: a key would
 * have to live in the same database file as the hashes (the kiosk has
 * nowhere else), so it would protect nothing a per-hash salt does not.
 * The code already holds 48.6 random bits, so the hash need not be slow
 * for a person: 2 passes over 4 MiB take about 3 ms, which makes trying
 * all 29^10 (about 2^48.6) codes of one stolen hash cost thousands of
 * CPU-years, while a receipt stays instant on a kiosk. The string records its own
 * parameters, so they can be raised later without breaking old codes,
 * and crypto_pwhash_str_verify compares in constant time. */
#define CODE_OPSLIMIT 2ULL
#define CODE_MEMLIMIT (4u << 20)

int receipt_code_new(char out[RECEIPT_CODE_MAX], tl_err *err)
{
	if (sodium_init() < 0)
		return err_set(err, TL_ENOMEM, "secret code: the random number source did not start");
	/* Each symbol uniform over the alphabet (randombytes_uniform has no
	 * modulo bias). */
	for (int i = 0, o = 0; i < RECEIPT_CODE_SYMBOLS; i++) {
		if (i == 5)
			out[o++] = '-';
		out[o++] = CODE_ALPHABET[randombytes_uniform(CODE_BASE)];
	}
	out[RECEIPT_CODE_MAX - 1] = '\0';
	return TL_OK;
}

static char code_symbol(char typed)
{
	static const char LOOKS[] = "OILSBZ", LIKE[] = "011582";
	char ch = (char)toupper((unsigned char)typed);
	const char *alike = ch ? strchr(LOOKS, ch) : NULL;
	if (alike)
		return LIKE[alike - LOOKS];
	return ch && strchr(CODE_ALPHABET, ch) ? ch : 0;
}

int receipt_code_normalise(const char *typed, char out[RECEIPT_CODE_MAX], tl_err *err)
{
	char sym[RECEIPT_CODE_SYMBOLS];
	int n = 0;

	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == '-' || *p == ' ' || *p == '\t')
			continue;
		char ch = code_symbol(*p);
		if (!ch || n == RECEIPT_CODE_SYMBOLS)
			return err_set(err, TL_EINVAL, "secret code: %d letters and digits, "
				       "like 7KQ2M-X9D4P", RECEIPT_CODE_SYMBOLS);
		sym[n++] = ch;
	}
	if (n != RECEIPT_CODE_SYMBOLS)
		return err_set(err, TL_EINVAL, "secret code: %d letters and digits, "
			       "like 7KQ2M-X9D4P", RECEIPT_CODE_SYMBOLS);
	memcpy(out, sym, 5);
	out[5] = '-';
	memcpy(out + 6, sym + 5, 5);
	out[11] = '\0';
	sodium_memzero(sym, sizeof sym);
	return TL_OK;
}

int receipt_code_hash(const char *code, char out[RECEIPT_HASH_MAX], tl_err *err)
{
	char canon[RECEIPT_CODE_MAX];
	int rc;

	_Static_assert(crypto_pwhash_STRBYTES <= RECEIPT_HASH_MAX, "hash buffer too small");
	if ((rc = receipt_code_normalise(code, canon, err)))
		return rc;
	if (sodium_init() < 0)
		return err_set(err, TL_ENOMEM, "tracking code: libsodium did not start");
	if (crypto_pwhash_str(out, canon, strlen(canon), CODE_OPSLIMIT, CODE_MEMLIMIT) != 0)
		rc = err_set(err, TL_ENOMEM, "tracking code: not enough memory to hash it");
	sodium_memzero(canon, sizeof canon);
	return rc;
}

/* Codes issued before S, B and Z left the alphabet (before schema 8) were
 * hashed with those letters as typed. A person holding such a receipt
 * must still be read right: this is the code in that older form (only O,
 * I and L read as digits), or false when it is the same as canon. */
static bool legacy_form(const char *typed, const char *canon, char out[RECEIPT_CODE_MAX])
{
	static const char OLD_ALPHABET[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	int n = 0;

	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == '-' || *p == ' ' || *p == '\t')
			continue;
		char ch = (char)toupper((unsigned char)*p);
		ch = ch == 'O' ? '0' : ch == 'I' || ch == 'L' ? '1' : ch;
		if (!ch || !strchr(OLD_ALPHABET, ch) || n == RECEIPT_CODE_MAX - 1)
			return false;
		if (n == 5)
			out[n++] = '-';
		out[n++] = ch;
	}
	out[n] = '\0';
	return n == RECEIPT_CODE_MAX - 1 && strcmp(out, canon) != 0;
}

bool receipt_code_matches(const char *hash, const char *code)
{
	char canon[RECEIPT_CODE_MAX] = "00000-00000";
	char spare[RECEIPT_HASH_MAX];
	bool shaped = receipt_code_normalise(code, canon, NULL) == TL_OK;
	bool ok;

	if (sodium_init() < 0)
		return false;
	if (hash && *hash) {
		char legacy[RECEIPT_CODE_MAX];
		ok = crypto_pwhash_str_verify(hash, canon, strlen(canon)) == 0;
		if (!ok && shaped && legacy_form(code, canon, legacy))
			ok = crypto_pwhash_str_verify(hash, legacy, strlen(legacy)) == 0;
		sodium_memzero(legacy, sizeof legacy);
	} else {
		/* No hash to check against: spend the same effort anyway, so that
		 * the time taken does not tell an unknown reference from a known
		 * one with a wrong code. */
		ok = false;
		if (crypto_pwhash_str(spare, canon, strlen(canon), CODE_OPSLIMIT, CODE_MEMLIMIT) == 0)
			sodium_memzero(spare, sizeof spare);
	}
	sodium_memzero(canon, sizeof canon);
	return ok && shaped;
}
