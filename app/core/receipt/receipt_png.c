/* receipt_png.c - a receipt as a PNG image (libpng): the QR code, black
 * on white with its quiet zone, and the reference (and tracking code)
 * printed under it in the built-in bitmap font, so that a person with no
 * phone to scan it can still read them out. */
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/receipt.h"
#include "receipt_private.h"

_Static_assert(RECEIPT_PNG_MODULE_PX >= 6, "phone cameras need at least 6 pixels a module");

#define MOD RECEIPT_PNG_MODULE_PX
#define MARGIN (RECEIPT_QR_QUIET * MOD)
#define REF_SCALE 3  /* the reference: 15 x 21 pixel letters */
#define CODE_SCALE 2 /* the tracking code, a little smaller */
#define GAP (2 * MOD)

typedef struct {
	unsigned char *px; /* 8-bit grey, 0 black, 255 white */
	int w, h;
} canvas;

static void dark_box(canvas *c, int x, int y, int w, int h)
{
	for (int j = y; j < y + h; j++)
		memset(c->px + (size_t)j * (size_t)c->w + (size_t)x, 0, (size_t)w);
}

static int text_width(const char *s, int scale)
{
	int n = (int)strlen(s);
	return n ? (n * (FONT_W + 1) - 1) * scale : 0;
}

/* Draws s centred on the canvas with its top at y. */
static void draw_text(canvas *c, int y, int scale, const char *s)
{
	unsigned char rows[FONT_H];
	int x = (c->w - text_width(s, scale)) / 2;

	for (; *s; s++, x += (FONT_W + 1) * scale) {
		if (!receipt_font_glyph(*s, rows))
			memset(rows, 0x1F, sizeof rows); /* a block: never silently blank */
		for (int r = 0; r < FONT_H; r++)
			for (int b = 0; b < FONT_W; b++)
				if (rows[r] & (0x10 >> b))
					dark_box(c, x + b * scale, y + r * scale, scale, scale);
	}
}

static int draw(const tl_receipt *r, const tl_qr *q, canvas *c, tl_err *err)
{
	char code_line[RECEIPT_CODE_MAX + 16];
	int qr_px = q->size ? (q->size + 2 * RECEIPT_QR_QUIET) * MOD : MARGIN;
	int text_w = text_width(r->ref, REF_SCALE);

	snprintf(code_line, sizeof code_line, "SECRET CODE %s", r->code);
	if (q->size && text_width(code_line, CODE_SCALE) > text_w)
		text_w = text_width(code_line, CODE_SCALE);
	c->w = text_w + 2 * MARGIN > qr_px ? text_w + 2 * MARGIN : qr_px;
	c->h = qr_px + FONT_H * REF_SCALE + MARGIN;
	if (q->size)
		c->h += GAP + FONT_H * CODE_SCALE;
	c->px = malloc((size_t)c->w * (size_t)c->h);
	if (!c->px)
		return err_set(err, TL_ENOMEM, "PNG: no memory for a %d x %d image", c->w, c->h);
	memset(c->px, 255, (size_t)c->w * (size_t)c->h);
	int left = (c->w - qr_px) / 2 + MARGIN;
	for (int y = 0; y < q->size; y++)
		for (int x = 0; x < q->size; x++)
			if (receipt_qr_is_dark(q, x, y))
				dark_box(c, left + x * MOD, MARGIN + y * MOD, MOD, MOD);
	draw_text(c, qr_px, REF_SCALE, r->ref);
	if (q->size)
		draw_text(c, qr_px + FONT_H * REF_SCALE + GAP, CODE_SCALE, code_line);
	memset(code_line, 0, sizeof code_line);
	return TL_OK;
}

/* libpng reports errors by longjmp; nothing here changes after setjmp
 * but what libpng owns, so no local needs to be volatile. */
static int emit(const canvas *c, FILE *f, tl_err *err)
{
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;

	if (!info) {
		png_destroy_write_struct(&png, NULL);
		return err_set(err, TL_ENOMEM, "PNG: out of memory");
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return err_set(err, TL_EIO, "PNG: cannot write");
	}
	png_init_io(png, f);
	png_set_IHDR(png, info, (png_uint_32)c->w, (png_uint_32)c->h, 8, PNG_COLOR_TYPE_GRAY,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (int y = 0; y < c->h; y++)
		png_write_row(png, c->px + (size_t)y * (size_t)c->w);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return TL_OK;
}

int receipt_write_png(const tl_receipt *r, FILE *f, tl_err *err)
{
	tl_qr q = { 0 };
	canvas c = { 0 };
	int rc = TL_OK;

	if (receipt_has_qr(r) && (rc = receipt_qr_of(r, &q, err)))
		return rc;
	if ((rc = draw(r, &q, &c, err)) == TL_OK)
		rc = emit(&c, f, err);
	free(c.px);
	receipt_qr_free(&q);
	return rc;
}
