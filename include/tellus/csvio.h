/* csvio.h - import and export of SPEC section 7: cases, costs, Ombudsman
 * decisions and context figures, each in its own CSV file.
 * An import is all or nothing (one transaction; the first bad value stops
 * it with "file:line: column NAME: why") and idempotent (importing the
 * same file again adds nothing). An export writes every column in the
 * order of the SPEC, in a fixed row order, to a file only its owner can
 * read. Each import and export leaves one audit entry (file name and
 * counts, never a person's words). */
#ifndef TELLUS_CSVIO_H
#define TELLUS_CSVIO_H

#include "tellus/store.h"

typedef struct {
	long rows;    /* data rows read or written */
	long added;   /* rows that changed the store */
	long present; /* rows already there, left alone */
} tl_csvio_result;

/* Cases: one row a case with its stages, causes and actions. The file
 * is lossless (SPEC 7): SPEC 7's 24 columns in their order, then every
 * other field of a case (README, "Import and export", lists them), each
 * optional on import, absent meaning empty. The columns are one table,
 * CSVIO_CASE_COLS in app/core/csvio/csvio_columns.c: a new field of
 * tl_case is one line appended there (its column name, the field and its
 * kind: TEXT, FLAG, DATE, a stage's S_TEXT..., LINK for another case's
 * reference), and its column in case_private.h's CASE_COLS with its
 * reader (case_read.c) and writer (case_store.c); case_same compares it.
 * A field the store derives (linked_complaint) is written and, on
 * import, checked once every row is in. */
int csvio_import_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);
int csvio_export_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);

/* The cases export's rows for another format of the same file (the
 * workbook of report_export_cases_xlsx): sink gets the header, then a row
 * a case, the cells as the CSV holds them before its formula guard ('='
 * stays '='), all read in one snapshot. Nothing is written or audited:
 * the caller does both. sink returns non-zero to stop (that is returned). */
typedef int (*csvio_row_sink)(void *arg, const char *const *cells, size_t n, tl_err *err);
int csvio_export_cases_to(tl_store *st, csvio_row_sink sink, void *arg, tl_csvio_result *res,
			  tl_err *err);

/* Costs: date,category,amount,ref; amount in pounds with up to two
 * decimals (stored in pence). */
int csvio_import_costs(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);
int csvio_export_costs(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);

/* Ombudsman (LGSCO) decisions: ref,received,decided,decision. */
int csvio_import_ombudsman(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);
int csvio_export_ombudsman(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);

/* Context figures of the report's first table: year,measure,value; year
 * is the financial year's first calendar year (2025 or 2025/26). The
 * file's row order is kept for the report. */
int csvio_import_context(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);
int csvio_export_context(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err);

#endif
