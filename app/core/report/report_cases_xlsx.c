/* report_cases_xlsx.c - `tellus export --format xlsx FILE.xlsx` (SPEC 7):
 * the register's cases as one worksheet with the CSV export's columns and
 * rows (csvio_export_cases_to hands them over, so both stay in step), each
 * cell the CSV's text without its formula guard and stored as text: a
 * summary starting with '=' is that text, never a formula. */
#include <stdlib.h>
#include <string.h>
#include "tellus/csvio.h"
#include "report_private.h"

typedef struct {
	tl_report_book *b;
	lxw_worksheet *ws;
	size_t row, n_cols;
	size_t *widths;
} cases_sheet;

/* The header row comes first and fixes the columns. */
static int put_row(void *arg, const char *const *cells, size_t n, tl_err *err)
{
	cases_sheet *cs = arg;
	int rc = TL_OK;

	if (cs->row == 0 && !(cs->widths = calloc(n, sizeof *cs->widths)))
		return err_set(err, TL_ENOMEM, "%s: out of memory", cs->b->name);
	if (cs->row == 0)
		cs->n_cols = n;
	for (size_t c = 0; c < n && c < cs->n_cols && rc == TL_OK; c++) {
		report_book_note_width(cs->widths, c, cells[c]);
		rc = report_book_text(cs->b, cs->ws, cs->row, c, cells[c],
				      cs->row ? NULL : cs->b->bold, err);
	}
	cs->row++;
	return rc;
}

static int audit(tl_store *st, const char *name, long rows, tl_err *err)
{
	char detail[400];
	int rc;

	snprintf(detail, sizeof detail, "%s: %ld rows", name, rows);
	if ((rc = store_begin(st, err)))
		return rc;
	return store_end(st, store_audit(st, "export cases", NULL, detail, err), err);
}

int report_export_cases_xlsx(tl_store *st, const char *path, long *rows, tl_err *err)
{
	tl_report_book b;
	cases_sheet cs = { &b, NULL, 0, 0, NULL };
	tl_csvio_result res = { 0 };
	char authority[512] = "", right[64], day[TL_DATE_LEN];
	int rc;

	*rows = 0;
	rc = store_setting_get(st, "authority_name", authority, sizeof authority, err);
	if (rc && rc != TL_ENOTFOUND)
		return rc;
	if ((rc = report_book_open(&b, path, true, err)))
		return rc;
	if (!(cs.ws = XL.workbook_add_worksheet(b.wb, "cases")))
		rc = err_set(err, TL_ENOMEM, "%s: cannot add the sheet", b.name);
	else
		rc = csvio_export_cases_to(st, put_row, &cs, &res, err);
	if (rc == TL_OK) {
		date_format(store_today(st), day);
		snprintf(right, sizeof right, "Cases, exported %s", day);
		XL.worksheet_freeze_panes(cs.ws, 1, 0);
		XL.worksheet_autofilter(cs.ws, 0, 0, (lxw_row_t)(cs.row - 1), (lxw_col_t)(cs.n_cols - 1));
		report_book_fit(cs.ws, cs.widths, cs.n_cols);
		report_book_header(cs.ws, authority, NULL, right);
	}
	free(cs.widths);
	int closed = report_book_close(&b, rc == TL_OK, rc ? NULL : err);
	if ((rc = rc ? rc : closed) == TL_OK && (rc = audit(st, b.name, res.rows, err)))
		remove(path);
	*rows = rc ? 0 : res.rows;
	return rc;
}
