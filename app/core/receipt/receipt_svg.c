/* receipt_svg.c - a receipt as SVG: the QR code as one crisp path of
 * whole modules, and the receipt's words as real SVG text (XML-escaped,
 * any script), wrapped to the page's width. */
#include <stdlib.h>
#include <string.h>
#include "tellus/receipt.h"
#include "tellus/text.h"

#define MOD 8             /* user units a module */
#define MIN_W 480
#define SIDE (RECEIPT_QR_QUIET * MOD)
#define LINE_H 22
#define WRAP 44           /* characters a line, at font-size 16 */

/* Writes len bytes of s as XML character data: markup escaped, control
 * characters dropped (XML 1.0 forbids them), each byte of broken UTF-8
 * replaced by U+FFFD. The bytes of a multi-byte character are never
 * ASCII, so escaping byte by byte is safe. */
static void put_xml(FILE *f, const char *s, size_t len)
{
	while (len) {
		size_t good = len;
		if (text_utf8_valid(s, len, &good))
			good = len;
		for (size_t i = 0; i < good; i++) {
			unsigned char ch = (unsigned char)s[i];
			switch (ch) {
			case '&': fputs("&amp;", f); break;
			case '<': fputs("&lt;", f); break;
			case '>': fputs("&gt;", f); break;
			case '"': fputs("&quot;", f); break;
			case '\'': fputs("&apos;", f); break;
			default:
				if (ch >= 0x20 && ch != 0x7F)
					fputc(ch, f);
			}
		}
		if (good < len) {
			fputs("\xEF\xBF\xBD", f);
			good++;
		}
		s += good;
		len -= good;
	}
}

/* How many bytes of s (up to end) make the next wrapped line: at most
 * WRAP characters, broken at the last space when there is one. *skip is
 * how many bytes to pass over after it (the space). */
static size_t wrap_at(const char *s, const char *end, size_t *skip)
{
	size_t chars = 0, last_space = 0;
	const char *p = s;

	*skip = 0;
	for (; p < end; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		if (chars == WRAP)
			break;
		if (*p == ' ')
			last_space = (size_t)(p - s);
		chars++;
	}
	if (p >= end || !last_space)
		return (size_t)(p - s);
	*skip = 1;
	return last_space;
}

/* Each wrapped line of text, calling put for each (or counting them). */
static int text_lines(FILE *f, const char *text, int y0)
{
	int n = 0;
	for (const char *line = text; *line;) {
		const char *eol = strchr(line, '\n');
		if (!eol)
			eol = line + strlen(line);
		for (const char *p = line; p < eol || p == line;) {
			size_t skip, len = wrap_at(p, eol, &skip);
			if (f) {
				fprintf(f, "<text x=\"%d\" y=\"%d\"%s>", SIDE, y0 + n * LINE_H,
					n == 0 ? " font-weight=\"bold\" font-size=\"20\"" : "");
				put_xml(f, p, len);
				fputs("</text>\n", f);
			}
			n++;
			p += len + skip;
			if (p >= eol)
				break;
		}
		line = *eol ? eol + 1 : eol;
	}
	return n;
}

/* The dark modules as one path: each run of dark modules in a row is one
 * rectangle, so the file stays small and the edges stay on whole units. */
static void qr_path(FILE *f, const tl_qr *q, int left)
{
	fputs("<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"", f);
	for (int y = 0; y < q->size; y++)
		for (int x = 0; x < q->size; x++) {
			if (!receipt_qr_is_dark(q, x, y) || receipt_qr_is_dark(q, x - 1, y))
				continue;
			int run = 1;
			while (receipt_qr_is_dark(q, x + run, y))
				run++;
			fprintf(f, "M%d %dh%dv%dh-%dz", left + x * MOD, SIDE + y * MOD, run * MOD,
				MOD, run * MOD);
		}
	fputs("\"/>\n", f);
}

int receipt_write_svg(const tl_receipt *r, FILE *f, tl_err *err)
{
	tl_qr q = { 0 };
	char *text = NULL;
	int rc;

	if ((receipt_has_qr(r) && (rc = receipt_qr_of(r, &q, err))) ||
	    (rc = receipt_text(r, &text, err)))
		goto cleanup;
	int qr_px = q.size ? (q.size + 2 * RECEIPT_QR_QUIET) * MOD : SIDE;
	int w = qr_px > MIN_W ? qr_px : MIN_W;
	int top = qr_px + LINE_H;
	int h = top + text_lines(NULL, text, top) * LINE_H + SIDE;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\">\n<title>Receipt ", w, h, w, h);
	put_xml(f, r->ref, strlen(r->ref));
	fprintf(f, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", w, h);
	if (q.size)
		qr_path(f, &q, (w - qr_px) / 2 + SIDE);
	fputs("<g font-family=\"sans-serif\" font-size=\"16\" fill=\"#000\">\n", f);
	text_lines(f, text, top);
	fputs("</g>\n</svg>\n", f);
	rc = ferror(f) ? err_set(err, TL_EIO, "SVG: cannot write") : TL_OK;
cleanup:
	free(text);
	receipt_qr_free(&q);
	return rc;
}
