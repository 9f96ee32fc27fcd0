/* report_private.h - private: the report's embedded sources (reports/
 * turned into C at build time) and the renderers' shared helpers, for
 * the report*.c files only. */
#ifndef TELLUS_REPORT_PRIVATE_H
#define TELLUS_REPORT_PRIVATE_H

#include <stdio.h>
#include <xlsxwriter.h>
#include "tellus/report.h"
#include "store/store_db.h"
#include "tellus/dynlib.h"

/* libxlsxwriter, opened by report_book_open when a spreadsheet is first
 * written (dynlib.h): it brings libcrypto, whose loading cost every start
 * of tellus about 3 ms. The report's files call it through XL, typed by
 * its header. */
typedef struct {
	__typeof__(&format_set_align) format_set_align;
	__typeof__(&format_set_bold) format_set_bold;
	__typeof__(&format_set_num_format) format_set_num_format;
	__typeof__(&format_set_text_wrap) format_set_text_wrap;
	__typeof__(&lxw_strerror) lxw_strerror;
	__typeof__(&workbook_add_format) workbook_add_format;
	__typeof__(&workbook_add_worksheet) workbook_add_worksheet;
	__typeof__(&workbook_close) workbook_close;
	__typeof__(&workbook_new_opt) workbook_new_opt;
	__typeof__(&workbook_set_properties) workbook_set_properties;
	__typeof__(&worksheet_autofilter) worksheet_autofilter;
	__typeof__(&worksheet_fit_to_pages) worksheet_fit_to_pages;
	__typeof__(&worksheet_freeze_panes) worksheet_freeze_panes;
	__typeof__(&worksheet_repeat_rows) worksheet_repeat_rows;
	__typeof__(&worksheet_set_column) worksheet_set_column;
	__typeof__(&worksheet_set_footer) worksheet_set_footer;
	__typeof__(&worksheet_set_header) worksheet_set_header;
	__typeof__(&worksheet_set_paper) worksheet_set_paper;
	__typeof__(&worksheet_write_number) worksheet_write_number;
	__typeof__(&worksheet_write_string) worksheet_write_string;
	__typeof__(&worksheet_write_url_opt) worksheet_write_url_opt;
} report_xlsx_lib;
extern report_xlsx_lib XL;

typedef struct {
	const char *name; /* "t2_stages" (the file name without .sql) */
	const char *text; /* the whole file: header comment and query */
} tl_report_src;

extern const tl_report_src *const REPORT_DEFS;
extern const size_t REPORT_N_DEFS;
extern const char *const REPORT_TEMPLATE;
extern const char *const REPORT_NOT_NAMES; /* reports/not-names.txt */

/* Opens path for writing, created or truncated, mode 0600. */
int report_open_file(const char *path, FILE **out, tl_err *err);
/* Closes f and reports a failed write of path. */
int report_close_file(FILE *f, const char *path, tl_err *err);

int report_write_csv(const tl_report *r, const char *dir, tl_err *err);
/* Renders reports/report.tmpl as HTML (md false) or Markdown to f. */
int report_render(const tl_report *r, bool md, FILE *f, tl_err *err);
/* reports/report.tmpl without its opening {{-- comment --}}. */
const char *report_template_text(void);
/* An inline SVG bar chart of table t's chart columns. */
void report_svg_chart(const tl_report_table *t, FILE *f);
void report_html_escape(FILE *f, const char *s);
/* A value in Markdown: characters that would start markup are escaped. */
void report_md_escape(FILE *f, const char *s);
/* The whole of s is a plain decimal number ("12", "-0.3", "4040.00"). */
bool report_is_number(const char *s);

/* The sections of the template that take the author's notes (a {{notes}}
 * line under their "## " heading), in order, as a notes file names them. */
#define REPORT_MAX_SECTIONS 24
#define REPORT_KEY_MAX 96
size_t report_template_sections(char keys[][REPORT_KEY_MAX], size_t cap);
void report_notes_free(struct tl_report_notes *nt);
/* Whether the notes file gave section (its index) any text. */
bool report_notes_given(const tl_report *r, size_t section);
/* The notes of section, or without a notes file a marked place for them. */
void report_notes_put(const tl_report *r, size_t section, bool md, FILE *f);
/* The Markdown subset of the notes, as HTML (md false) or Markdown. */
void report_markdown(FILE *f, const char *text, bool md);

/* Registers publish_names(words, known, allowed) (report_names.c). */
int report_names_register(tl_store *st, tl_err *err);

/* The workbook: a contents sheet and a sheet per CSV table. */
int report_write_xlsx(const tl_report *r, const char *path, tl_err *err);

/* A workbook being written (report_book.c): into tmp, beside path, mode
 * 0600, renamed over path by report_book_close once complete. */
#define REPORT_BOOK_MAX_WIDTH 60 /* characters; longer text wraps */
typedef struct {
	lxw_workbook *wb;
	lxw_format *bold, *wrap;
	const char *path;
	const char *name;   /* base name, for messages */
	char tmp[4200];
} tl_report_book;
/* stream: rows are written in order and not held in memory (big files). */
int report_book_open(tl_report_book *b, const char *path, bool stream, tl_err *err);
/* ok: save it and put it in place; otherwise it is removed. */
int report_book_close(tl_report_book *b, bool ok, tl_err *err);
/* One line for a libxlsxwriter error met while doing something. */
int report_book_fail(const tl_report_book *b, lxw_error e, const char *doing, tl_err *err);
/* A text cell (nothing for ""): worksheet_write_string, never a formula;
 * text wider than a column wraps when fmt is NULL. */
int report_book_text(tl_report_book *b, lxw_worksheet *ws, size_t row, size_t col,
		     const char *s, lxw_format *fmt, tl_err *err);
/* Column widths: the widest text of each column, then applied, up to
 * REPORT_BOOK_MAX_WIDTH (report_book_text wraps longer text). */
void report_book_note_width(size_t *widths, size_t col, const char *shown);
void report_book_fit(lxw_worksheet *ws, const size_t *widths, size_t n);
/* The printed page: left, centre (left out where too long) and right of
 * the header, page numbers in the footer, A4, one page wide. */
void report_book_header(lxw_worksheet *ws, const char *left, const char *centre,
			const char *right);

#endif
