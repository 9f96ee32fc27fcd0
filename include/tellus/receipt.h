/* receipt.h - what a person takes away after logging a case: the receipt
 * (reference, dates, how to get in touch), a random tracking code that is
 * stored only as a hash, and a QR code. The core builds the receipt and
 * the QR module matrix; the CLI writes it as PNG, SVG or text and the
 * kiosk draws the same matrix with SDL. */
#ifndef TELLUS_RECEIPT_H
#define TELLUS_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/date.h"
#include "tellus/err.h"
#include "tellus/ref.h"
#include "tellus/store.h"

/* Tracking codes (the "secret code" people are shown): 10 symbols drawn
 * from 29 digits and letters that look like nothing else (48.6 random
 * bits), shown as two groups of five ("7KQ2M-X9D4P") to be read aloud. */
#define RECEIPT_CODE_SYMBOLS 10
#define RECEIPT_CODE_MAX 12   /* grouped form and its NUL */
#define RECEIPT_HASH_MAX 128  /* the stored hash string and its NUL */
#define RECEIPT_FIELD_MAX 1001 /* a setting's value and its NUL */

/* A new random code, grouped form. */
int receipt_code_new(char out[RECEIPT_CODE_MAX], tl_err *err);
/* Reads what a person typed: case, spaces and hyphens do not matter, and
 * the look-alikes o, i, l, s, b and z are read as 0, 1, 1, 5, 8 and 2.
 * Writes the grouped form. */
int receipt_code_normalise(const char *typed, char out[RECEIPT_CODE_MAX], tl_err *err);
/* The hash to store for a code (typed form accepted). */
int receipt_code_hash(const char *code, char out[RECEIPT_HASH_MAX], tl_err *err);
/* Stores hash (as receipt_code_hash makes it) as the case's tracking code
 * hash, audited; the register takes a device's hash through it (sync.h). */
int receipt_hash_put(tl_store *st, const char *ref, const char *hash, tl_err *err);
/* Does code (typed form accepted) match hash? Constant time in the code;
 * a NULL or empty hash costs as much as a real one and never matches. */
bool receipt_code_matches(const char *hash, const char *code);

/* The settings a receipt shows; "" where not set. */
typedef struct {
	char authority[RECEIPT_FIELD_MAX];
	char phone[RECEIPT_FIELD_MAX];
	char email[RECEIPT_FIELD_MAX];
	char url[RECEIPT_FIELD_MAX]; /* receipt_url: the QR links there when set */
} tl_receipt_settings;

int receipt_settings_load(tl_store *st, tl_receipt_settings *out, tl_err *err);

/* One receipt. code is "" on a reference-only receipt (shared printers):
 * no code, no QR. Holds no heap memory; receipt_wipe() clears the code. */
typedef struct {
	tl_receipt_settings set;
	int kind;                    /* TL_KIND_* */
	char ref[REF_MAX];
	char service[RECEIPT_FIELD_MAX];
	tl_date received;
	tl_date due;                 /* stage 1 response due, as stored; TL_NO_DATE if none */
	tl_date max_due;             /* stage 1 maximum, as stored; TL_NO_DATE if none */
	char code[RECEIPT_CODE_MAX];
	/* The language the child used at the kiosk ("pl"): the QR's link asks
	 * the tracking page for it (lang=). "" or "en": the page's own choice. */
	char lang[8];
} tl_receipt;

/* Builds a receipt from a case as stored (dates are never recomputed);
 * code NULL or "" makes the reference-only variant. */
void receipt_from_case(const tl_case *c, const tl_receipt_settings *set, const char *code,
		       tl_receipt *out);
/* Zeroes the receipt, and so the code in clear. */
void receipt_wipe(tl_receipt *r);
bool receipt_has_qr(const tl_receipt *r);

/* Issues the receipt of the case with reference ref (typed form
 * accepted). Unless reference_only, a new tracking code replaces any
 * earlier one (which then stops working); its hash is stored and the
 * issue or reissue is in the audit trail, without the code. One
 * transaction; the caller may hold an outer one to undo it when the
 * receipt cannot be written. */
int receipt_issue(tl_store *st, const char *ref, bool reference_only, tl_receipt *out,
		  tl_err *err);

/* Checks a reference and tracking code, as typed, and reads the case.
 * A reference with a wrong check character is TL_EINVAL (a typo, named
 * as such); an unknown reference, a case with no code and a wrong code
 * are all TL_EAUTH with the same message and the same cost. On success
 * the caller releases out with case_clear(). */
int receipt_track(tl_store *st, const char *ref, const char *code, tl_case *out,
		  tl_err *err);
#define RECEIPT_NO_MATCH "reference and code do not match"
/* Writes a line about a tracking check to the audit trail, in its own
 * transaction: action ("track_failed", "track_refused") and detail say
 * what happened and where; ref is the reference in canonical form, or ""
 * when what was typed is not one. Never give it the code. */
int receipt_track_audit(tl_store *st, const char *ref, const char *action, const char *detail,
			tl_err *err);

/* "Thursday 29 January 2026": dates as a child reads them. */
void receipt_date_words(tl_date d, char out[40]);

/* The receipt as lines of plain UTF-8 text separated by '\n', the first
 * the authority's name. *out is malloc'd; the caller frees it. */
int receipt_text(const tl_receipt *r, char **out, tl_err *err);
/* What the QR encodes: the receipt_url link with ref and code, else a
 * short text receipt. *out is malloc'd; the caller frees it. */
int receipt_payload(const tl_receipt *r, char **out, tl_err *err);

/* A QR code's modules: size x size, row by row, 1 for dark. The quiet
 * zone is not included: drawers add four modules of white around. */
typedef struct {
	int size;
	unsigned char *dark; /* malloc'd; receipt_qr_free releases it */
} tl_qr;
#define RECEIPT_QR_QUIET 4

/* Encodes bytes in 8-bit mode (UTF-8 text of any script) at error
 * correction level M, raised to Q or H when that fits the same size. */
int receipt_qr_encode(const char *data, size_t len, tl_qr *out, tl_err *err);
/* The receipt's QR (receipt_payload encoded). */
int receipt_qr_of(const tl_receipt *r, tl_qr *out, tl_err *err);
bool receipt_qr_is_dark(const tl_qr *q, int x, int y);
void receipt_qr_free(tl_qr *q);

/* Writers. Each file is created with mode 0600 (it may hold the code). */
#define RECEIPT_PNG_MODULE_PX 8 /* pixels a module: at least 6 */
int receipt_write_png(const tl_receipt *r, FILE *f, tl_err *err);
int receipt_write_svg(const tl_receipt *r, FILE *f, tl_err *err);
int receipt_write_txt(const tl_receipt *r, FILE *f, tl_err *err);
/* Picks the writer by the extension of path (.png, .svg, .txt). */
int receipt_write_file(const tl_receipt *r, const char *path, tl_err *err);
/* Is path's extension one of the above? */
bool receipt_format_known(const char *path);

#endif
