/* report_xlsx.c - the report as one workbook for finance and performance
 * teams (tellus report --format xlsx): a contents sheet, then a sheet per
 * table that has a CSV file, named like it and holding the same cells,
 * first row the CSV header: numbers stored as numbers, percentages as
 * percentages (the CSV's 43 is 0.43 shown 43%), pounds as currency, text
 * as text, an empty cell empty. Every sheet's printed header names the
 * authority and the year. */
#include <stdlib.h>
#include <string.h>
#include "report_private.h"

#define MAX_DECIMALS 3

typedef struct {
	tl_report_book *b;
	const tl_report *r;
	lxw_format *number[MAX_DECIMALS + 1], *percent[MAX_DECIMALS + 1], *money;
	char right[64];  /* the header's right part: "Annual report 2025/26" */
} book_ctx;

static int decimals(const char *s)
{
	const char *dot = strchr(s, '.');
	int d = dot ? (int)strlen(dot + 1) : 0;
	return d > MAX_DECIMALS ? MAX_DECIMALS : d;
}

/* The format of a number with d decimals, made once per workbook. A whole
 * number keeps Excel's General format (NULL). */
static lxw_format *number_format(book_ctx *bx, tl_report_cell kind, int d)
{
	static const char *const ZEROS[] = { "0", "0.0", "0.00", "0.000" };
	char code[32];
	lxw_format **slot = kind == REPORT_CELL_MONEY ? &bx->money :
			    kind == REPORT_CELL_PERCENT ? &bx->percent[d] : &bx->number[d];
	if (kind == REPORT_CELL_NUMBER && d == 0)
		return NULL;
	if (!*slot && (*slot = XL.workbook_add_format(bx->b->wb))) {
		if (kind == REPORT_CELL_MONEY)
			snprintf(code, sizeof code, "\"£\"#,##0.00");
		else
			snprintf(code, sizeof code, "%s%s", ZEROS[d], kind == REPORT_CELL_PERCENT ? "%" : "");
		XL.format_set_num_format(*slot, code);
	}
	return *slot;
}

static int put_cell(book_ctx *bx, lxw_worksheet *ws, const tl_report_table *t, size_t row,
		    size_t col, size_t *widths, tl_err *err)
{
	const char *v = t->cells[row * t->n_cols + col];
	tl_report_cell kind = report_cell_kind(t, row, col);
	char shown[64];

	if (kind == REPORT_CELL_EMPTY)
		return TL_OK;
	if (kind == REPORT_CELL_TEXT) {
		report_book_note_width(widths, col, v);
		return report_book_text(bx->b, ws, row + 1, col, v, NULL, err);
	}
	double x = strtod(v, NULL) / (kind == REPORT_CELL_PERCENT ? 100 : 1);
	if (kind == REPORT_CELL_MONEY)
		report_money_text(v, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s%s", v, kind == REPORT_CELL_PERCENT ? "%" : "");
	report_book_note_width(widths, col, shown);
	lxw_error e = XL.worksheet_write_number(ws, (lxw_row_t)(row + 1), (lxw_col_t)col, x,
					     number_format(bx, kind, decimals(v)));
	return e ? report_book_fail(bx->b, e, t->name, err) : TL_OK;
}

static int table_sheet(book_ctx *bx, const tl_report_table *t, tl_err *err)
{
	lxw_worksheet *ws = XL.workbook_add_worksheet(bx->b->wb, t->name);
	size_t *widths = calloc(t->n_cols, sizeof *widths);
	int rc = TL_OK;

	if (!ws || !widths) {
		free(widths);
		return err_set(err, TL_EINVAL, "%s: cannot add the sheet %s", bx->b->name, t->name);
	}
	for (size_t c = 0; c < t->n_cols && rc == TL_OK; c++) {
		report_book_note_width(widths, c, t->header[c]);
		rc = report_book_text(bx->b, ws, 0, c, t->header[c], bx->b->bold, err);
	}
	for (size_t r = 0; r < t->n_rows && rc == TL_OK; r++)
		for (size_t c = 0; c < t->n_cols && rc == TL_OK; c++)
			rc = put_cell(bx, ws, t, r, c, widths, err);
	XL.worksheet_freeze_panes(ws, 1, 0);
	report_book_fit(ws, widths, t->n_cols);
	report_book_header(ws, bx->r->authority, t->title, bx->right);
	free(widths);
	return rc;
}

/* The first sheet: what the workbook is, and a link to each table. */
static int contents_sheet(book_ctx *bx, tl_err *err)
{
	lxw_worksheet *ws = XL.workbook_add_worksheet(bx->b->wb, "Contents");
	const tl_report *r = bx->r;
	size_t widths[2] = { 5, 5 }, row = 4;
	char line[700];
	int rc;

	if (!ws)
		return err_set(err, TL_EINVAL, "%s: cannot add the contents sheet", bx->b->name);
	snprintf(line, sizeof line, "%s%sChildren's social care statutory complaints and "
		 "compliments annual report %s", r->authority, r->authority[0] ? ": " : "", r->label);
	if ((rc = report_book_text(bx->b, ws, 0, 0, line, bx->b->bold, err)))
		return rc;
	snprintf(line, sizeof line, "From %s to %s, beside %s. One sheet per table, the same "
		 "figures as the report's CSV files.", r->from, r->to, r->prev_label);
	if ((rc = report_book_text(bx->b, ws, 1, 0, line, NULL, err)) ||
	    (rc = report_book_text(bx->b, ws, 3, 0, "Sheet", bx->b->bold, err)) ||
	    (rc = report_book_text(bx->b, ws, 3, 1, "Table", bx->b->bold, err)))
		return rc;
	for (size_t i = 0; i < r->n_tables && rc == TL_OK; i++, row++) {
		const tl_report_table *t = &r->tables[i];
		if (!t->file) {
			row--;
			continue;
		}
		snprintf(line, sizeof line, "internal:%s!A1", t->name);
		lxw_error e = XL.worksheet_write_url_opt(ws, (lxw_row_t)row, 0, line, NULL, t->name, NULL);
		if (e)
			return report_book_fail(bx->b, e, "the contents", err);
		report_book_note_width(widths, 0, t->name);
		report_book_note_width(widths, 1, t->title);
		rc = report_book_text(bx->b, ws, row, 1, t->title, NULL, err);
	}
	report_book_fit(ws, widths, 2);
	report_book_header(ws, r->authority, "Contents", bx->right);
	return rc;
}

int report_write_xlsx(const tl_report *r, const char *path, tl_err *err)
{
	tl_report_book b;
	book_ctx bx = { &b, r, { NULL }, { NULL }, NULL, "" };
	int rc;

	if ((rc = report_book_open(&b, path, false, err)))
		return rc;
	snprintf(bx.right, sizeof bx.right, "Complaints annual report %s", r->label);
	char title[600];
	snprintf(title, sizeof title, "%s: complaints and compliments annual report %s",
		 r->authority, r->label);
	lxw_doc_properties props = { .title = title };
	XL.workbook_set_properties(b.wb, &props);
	rc = contents_sheet(&bx, err);
	for (size_t i = 0; i < r->n_tables && rc == TL_OK; i++)
		if (r->tables[i].file)
			rc = table_sheet(&bx, &r->tables[i], err);
	int closed = report_book_close(&b, rc == TL_OK, rc ? NULL : err);
	return rc ? rc : closed;
}
