/* report_book.c - what the two workbooks (the report, the cases export)
 * share around libxlsxwriter: a file made beside the target, readable by
 * its owner only and renamed over it only once complete; the formats;
 * columns as wide as their text; the printed header; and the library's
 * errors turned into one line. Text goes in through report_book_text
 * alone, worksheet_write_string, which never makes a formula. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "report_private.h"

#ifndef REPORT_XLSX_SONAME
#define REPORT_XLSX_SONAME "libxlsxwriter.so.4"
#endif
report_xlsx_lib XL;
static bool xl_loaded;
#define XL_FN(f) { #f, (void **)&XL.f }
static const dynlib_fn XL_FNS[] = {
	XL_FN(format_set_align),
	XL_FN(format_set_bold),
	XL_FN(format_set_num_format),
	XL_FN(format_set_text_wrap),
	XL_FN(lxw_strerror),
	XL_FN(workbook_add_format),
	XL_FN(workbook_add_worksheet),
	XL_FN(workbook_close),
	XL_FN(workbook_new_opt),
	XL_FN(workbook_set_properties),
	XL_FN(worksheet_autofilter),
	XL_FN(worksheet_fit_to_pages),
	XL_FN(worksheet_freeze_panes),
	XL_FN(worksheet_repeat_rows),
	XL_FN(worksheet_set_column),
	XL_FN(worksheet_set_footer),
	XL_FN(worksheet_set_header),
	XL_FN(worksheet_set_paper),
	XL_FN(worksheet_write_number),
	XL_FN(worksheet_write_string),
	XL_FN(worksheet_write_url_opt),
};

int report_book_open(tl_report_book *b, const char *path, bool stream, tl_err *err)
{
	const char *slash = strrchr(path, '/');
	int rc;
	memset(b, 0, sizeof *b);
	if (!xl_loaded &&
	    (rc = dynlib_load(REPORT_XLSX_SONAME, XL_FNS, sizeof XL_FNS / sizeof XL_FNS[0], err)))
		return rc;
	xl_loaded = true;
	b->path = path;
	b->name = slash ? slash + 1 : path;
	if (snprintf(b->tmp, sizeof b->tmp, "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof b->tmp)
		return err_set(err, TL_EINVAL, "%s: the path is too long", b->name);
	/* libxlsxwriter opens the file with fopen(), which would leave it as
	 * the umask allows: made here first, mode 0600, it keeps that mode. */
	int fd = open(b->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(err, TL_EIO, "%s: cannot create: %s", b->name, strerror(errno));
	close(fd);
	/* A big export streams its rows to a temporary file (libxlsxwriter's
	 * constant memory mode, which writes rows in order and keeps text
	 * inline) rather than holding the whole register in memory. */
	lxw_workbook_options opt = { .constant_memory = stream, .use_zip64 = stream };
	if (!(b->wb = XL.workbook_new_opt(b->tmp, &opt))) {
		unlink(b->tmp);
		return err_set(err, TL_ENOMEM, "%s: cannot start the workbook", b->name);
	}
	b->bold = XL.workbook_add_format(b->wb);
	XL.format_set_bold(b->bold);
	b->wrap = XL.workbook_add_format(b->wb);
	XL.format_set_text_wrap(b->wrap);
	XL.format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	return TL_OK;
}

int report_book_close(tl_report_book *b, bool ok, tl_err *err)
{
	int rc = TL_OK;
	if (!b->wb)
		return TL_OK;
	lxw_error e = XL.workbook_close(b->wb);
	b->wb = NULL;
	if (ok && e)
		rc = report_book_fail(b, e, "saving", err);
	else if (ok && rename(b->tmp, b->path))
		rc = err_set(err, TL_EIO, "%s: cannot replace: %s", b->name, strerror(errno));
	if (!ok || rc)
		unlink(b->tmp);
	return rc;
}

int report_book_fail(const tl_report_book *b, lxw_error e, const char *doing, tl_err *err)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		/* Excel's limit of a cell (libxlsxwriter's LXW_STR_MAX, not public). */
		return err_set(err, TL_EINVAL, "%s: %s: a text of over %d characters is more than "
			       "a spreadsheet cell holds; the CSV export keeps it whole", b->name,
			       doing, 32767);
	if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		return err_set(err, TL_EINVAL, "%s: %s: more than %d rows is more than a "
			       "spreadsheet holds; the CSV export has no limit", b->name, doing,
			       LXW_ROW_MAX - 1);
	return err_set(err, e == LXW_ERROR_MEMORY_MALLOC_FAILED ? TL_ENOMEM : TL_EIO,
		       "%s: %s: %s", b->name, doing, XL.lxw_strerror(e));
}

/* Characters of UTF-8 text, the unit of a column's width. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int report_book_text(tl_report_book *b, lxw_worksheet *ws, size_t row, size_t col,
		     const char *s, lxw_format *fmt, tl_err *err)
{
	lxw_error e = LXW_NO_ERROR;
	/* Text wider than a column may be wraps: set on the cell, as a column's
	 * format reaches no cell already written (a streamed sheet). */
	if (!fmt && chars(s) > REPORT_BOOK_MAX_WIDTH)
		fmt = b->wrap;
	if (s[0])
		e = XL.worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, fmt);
	return e ? report_book_fail(b, e, "writing a cell", err) : TL_OK;
}

void report_book_note_width(size_t *widths, size_t col, const char *shown)
{
	size_t n = chars(shown);
	if (n > widths[col])
		widths[col] = n;
}

void report_book_fit(lxw_worksheet *ws, const size_t *widths, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		size_t w = widths[c] > REPORT_BOOK_MAX_WIDTH ? REPORT_BOOK_MAX_WIDTH :
			   widths[c] < 6 ? 6 : widths[c];
		XL.worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w + 2, NULL);
	}
}

/* An Excel header or footer: '&' starts a code there, so text doubles it. */
static size_t header_put(char *out, size_t used, size_t cap, const char *code, const char *s)
{
	used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s", code);
	for (; *s && used + 2 < cap; s++) {
		if (*s == '&')
			out[used++] = '&';
		out[used++] = *s;
	}
	if (used < cap)
		out[used] = '\0';
	return used;
}

void report_book_header(lxw_worksheet *ws, const char *left, const char *centre,
			const char *right)
{
	char h[4 * LXW_HEADER_FOOTER_MAX];
	/* The centre (a table's title) only where the limit of 255 allows. */
	size_t room = chars(left) + chars(right) + 6;
	bool mid = centre && room + chars(centre) + 2 <= LXW_HEADER_FOOTER_MAX;
	size_t used = header_put(h, 0, sizeof h, "&L", room <= LXW_HEADER_FOOTER_MAX ? left : "");
	if (mid)
		used = header_put(h, used, sizeof h, "&C", centre);
	header_put(h, used, sizeof h, "&R", right);
	XL.worksheet_set_header(ws, h);
	XL.worksheet_set_footer(ws, "&RPage &P of &N");
	XL.worksheet_set_paper(ws, 9); /* A4 */
	XL.worksheet_fit_to_pages(ws, 1, 0);
	XL.worksheet_repeat_rows(ws, 0, 0);
}
