/* report.h - the statutory annual report (SPEC section 5).
 * The tables are data: each is one SQL file under reports/tables/ with a
 * header comment (file, title, header row, chart), embedded at build time.
 * report_run() computes every table of a financial year into memory;
 * report_write() renders them as CSV files, one HTML page or Markdown.
 * Computing and rendering are separate so a screen can show the tables. */
#ifndef TELLUS_REPORT_H
#define TELLUS_REPORT_H

#include <stddef.h>
#include "tellus/store.h"

#define REPORT_LABEL_LEN 8 /* "2025/26" and its NUL */

/* One computed table. Every string is owned by the report. */
typedef struct {
	char *name;           /* "t2_stages": the definition's file name */
	char *file;           /* "t2_stages.csv", or NULL when not written as CSV */
	char *title;          /* "Table 2: ..." for HTML and Markdown */
	size_t n_cols;
	char **header;        /* CSV header, placeholders filled ("2025/26") */
	char **columns;       /* display headings for HTML and Markdown */
	size_t n_rows;
	char **cells;         /* n_rows * n_cols; NULL in the database is "" */
	char **labels;        /* n_rows display names of column 0, or NULL */
	size_t n_chart;
	size_t chart[4];      /* columns the bar chart compares (0: no chart) */
} tl_report_table;

typedef struct {
	int year;                              /* 2025 for 2025/26 */
	char label[REPORT_LABEL_LEN];          /* "2025/26" */
	char prev_label[REPORT_LABEL_LEN];     /* "2024/25" */
	char from[TL_DATE_LEN], to[TL_DATE_LEN]; /* "2025-04-01", "2026-03-31" */
	char *authority;                       /* the authority_name setting */
	size_t n_tables;
	tl_report_table *tables;                  /* in definition (file name) order */
} tl_report;

typedef enum { REPORT_CSV, REPORT_HTML, REPORT_MD } tl_report_format;

/* Computes every table for financial year `year` (1995..2098). The caller
 * frees *out with report_free(). Reads only; the store is not changed. */
int report_run(tl_store *st, int year, tl_report **out, tl_err *err);
void report_free(tl_report *r);
/* The table of that name, or NULL. */
const tl_report_table *report_table_find(const tl_report *r, const char *name);
/* The cell of a table in the row whose column 0 is `row` and the column
 * whose CSV header is `col`, or NULL. */
const char *report_cell(const tl_report_table *t, const char *row, const char *col);

/* "csv", "html", "md" -> format; -1 for anything else. */
int report_format_parse(const char *word);
/* Writes the report into folder dir (created mode 0700 when missing):
 * one file per table for CSV, report.html or report.md otherwise. Every
 * file is created mode 0600: reports can hold people's words. */
int report_write(const tl_report *r, tl_report_format fmt, const char *dir, tl_err *err);

/* Registers the SQL functions the definitions use on the store's
 * connection: workdays(a, b), add_workdays(d, n), pct(n, d), ratio1(n, d),
 * pct1(n, d), pounds(pence), word_label(set, word). The calendar is the
 * statutory one (no closures). */
int report_sql_functions(tl_store *st, tl_err *err);

#endif
