/* report.h - the statutory annual report (SPEC section 5).
 * The tables are data: each is one SQL file under reports/tables/ with a
 * header comment (file, title, header row, chart), embedded at build time.
 * report_run() computes every table of a financial year into memory;
 * report_notes_load() adds the author's commentary; report_write() renders
 * them as CSV files, one HTML page, Markdown or one workbook (xlsx).
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
	bool *money;          /* n_cols: pounds ("-- money:"), or NULL for none */
	char **percent;       /* n_cols: NULL, or the rows ("-- percent:") where the
			       * column holds a percentage: a pattern (fnmatch)
			       * of column 0, "*" for every row; NULL for none */
} tl_report_table;

/* What a cell holds, so that a spreadsheet stores numbers as numbers and
 * a page shows money with its sign. A cell is a number only when it is
 * one in full ("12", "-0.3", "4040.00"); column 0 is always text (the
 * row's name, even "1" for stage 1). */
typedef enum {
	REPORT_CELL_EMPTY, REPORT_CELL_TEXT, REPORT_CELL_NUMBER, REPORT_CELL_PERCENT,
	REPORT_CELL_MONEY
} tl_report_cell;

typedef struct {
	int year;                              /* 2025 for 2025/26 */
	char label[REPORT_LABEL_LEN];          /* "2025/26" */
	char prev_label[REPORT_LABEL_LEN];     /* "2024/25" */
	char from[TL_DATE_LEN], to[TL_DATE_LEN]; /* "2025-04-01", "2026-03-31" */
	char *authority;                       /* the authority_name setting */
	size_t n_tables;
	tl_report_table *tables;                  /* in definition (file name) order */
	struct tl_report_notes *notes;         /* report_notes_load(), or NULL */
} tl_report;

typedef enum { REPORT_CSV, REPORT_HTML, REPORT_MD, REPORT_XLSX } tl_report_format;

/* Computes every table for financial year `year` (1995..2098). The caller
 * frees *out with report_free(). Reads only; the store is not changed. */
int report_run(tl_store *st, int year, tl_report **out, tl_err *err);
void report_free(tl_report *r);
/* The table of that name, or NULL. */
const tl_report_table *report_table_find(const tl_report *r, const char *name);
/* The cell of a table in the row whose column 0 is `row` and the column
 * whose CSV header is `col`, or NULL. */
const char *report_cell(const tl_report_table *t, const char *row, const char *col);

/* What cell (row, col) of t holds. */
tl_report_cell report_cell_kind(const tl_report_table *t, size_t row, size_t col);
/* Pounds as a page shows them: "4040.00" -> "£4,040.00"; text that is
 * not a number is copied as it is. */
void report_money_text(const char *pounds, char *out, size_t cap);

/* "csv", "html", "md", "xlsx" -> format; -1 for anything else. */
int report_format_parse(const char *word);
/* Reads the author's commentary (Markdown, one "## " heading per section
 * of the report) from path into r, for HTML and Markdown. A heading that
 * names no section is refused with the list of those that do. */
int report_notes_load(tl_report *r, const char *path, tl_err *err);
/* The sections that take commentary, in page order: fn gets each heading
 * as a notes file writes it ("3. Complaints resolved"). */
void report_note_sections(void (*fn)(const char *heading, void *arg), void *arg);
/* Writes the report into folder dir (created mode 0700 when missing):
 * one file per table for CSV, report.html, report.md or report.xlsx
 * otherwise. Every file is created mode 0600: reports can hold people's
 * words. */
int report_write(const tl_report *r, tl_report_format fmt, const char *dir, tl_err *err);

/* `tellus export --format xlsx`: the register's cases as one worksheet,
 * the same columns and rows as the CSV export (csvio.h), every cell text
 * and never a formula. The file is replaced only once complete, mode
 * 0600, and audited like the CSV export. *rows: the cases written. */
int report_export_cases_xlsx(tl_store *st, const char *path, long *rows, tl_err *err);

/* Registers the SQL functions the definitions use on the store's
 * connection: pct(n, d), ratio1(n, d), pct1(n, d), pounds(pence),
 * word_label(set, word), word_list(set) and publish_names(words, known,
 * allowed); workdays(a, b) and add_workdays(d, n) are the store's, on the
 * statutory calendar (no closures). */
int report_sql_functions(tl_store *st, tl_err *err);

#endif
