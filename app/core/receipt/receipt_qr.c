/* receipt_qr.c - the QR code of a receipt as a plain module matrix, made
 * with libqrencode. Every drawer (PNG, SVG, the kiosk's SDL screen) reads
 * this one matrix, so they all show the same code. */
#include <stdlib.h>
#include <string.h>
#include <qrencode.h>
#include <sodium.h>
#include "tellus/receipt.h"

/* 8-bit mode keeps UTF-8 bytes as they are, so text in any script comes
 * out of a phone's reader unchanged. Level M is the floor; where the same
 * symbol size holds a stronger level, a smudged or creased receipt still
 * scans, so the strongest that fits at no cost in size is used. */
int receipt_qr_encode(const char *data, size_t len, tl_qr *out, tl_err *err)
{
	static const QRecLevel stronger[] = { QR_ECLEVEL_H, QR_ECLEVEL_Q };
	QRcode *qr = NULL;

	memset(out, 0, sizeof *out);
	if (len == 0 || len > 2331)
		return err_set(err, TL_EINVAL, "QR code: holds 1 to 2331 bytes, not %zu", len);
	qr = QRcode_encodeData((int)len, (const unsigned char *)data, 0, QR_ECLEVEL_M);
	if (!qr)
		return err_set(err, TL_EINVAL, "QR code: the receipt is too long for one (%zu bytes)",
			       len);
	for (size_t i = 0; i < sizeof stronger / sizeof stronger[0]; i++) {
		QRcode *better = QRcode_encodeData((int)len, (const unsigned char *)data,
						   qr->version, stronger[i]);
		if (better && better->version == qr->version) {
			QRcode_free(qr);
			qr = better;
			break;
		}
		QRcode_free(better);
	}
	out->size = qr->width;
	out->dark = malloc((size_t)qr->width * (size_t)qr->width);
	if (!out->dark) {
		QRcode_free(qr);
		return err_set(err, TL_ENOMEM, "QR code: out of memory");
	}
	/* libqrencode's lowest bit of each byte is the module's colour. */
	for (int i = 0; i < qr->width * qr->width; i++)
		out->dark[i] = qr->data[i] & 1;
	QRcode_free(qr);
	return TL_OK;
}

int receipt_qr_of(const tl_receipt *r, tl_qr *out, tl_err *err)
{
	char *payload = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = receipt_payload(r, &payload, err)))
		return rc;
	size_t len = strlen(payload);
	rc = receipt_qr_encode(payload, len, out, err);
	sodium_memzero(payload, len); /* it holds the tracking code */
	free(payload);
	return rc;
}

bool receipt_qr_is_dark(const tl_qr *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return false;
	return q->dark[(size_t)y * (size_t)q->size + (size_t)x] != 0;
}

void receipt_qr_free(tl_qr *q)
{
	free(q->dark);
	q->dark = NULL;
	q->size = 0;
}
