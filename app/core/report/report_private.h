/* report_private.h - private: the report's embedded sources (reports/
 * turned into C at build time) and the renderers' shared helpers, for
 * the report*.c files only. */
#ifndef TELLUS_REPORT_PRIVATE_H
#define TELLUS_REPORT_PRIVATE_H

#include <stdio.h>
#include "tellus/report.h"
#include "store/store_db.h"

typedef struct {
	const char *name; /* "t2_stages" (the file name without .sql) */
	const char *text; /* the whole file: header comment and query */
} tl_report_src;

extern const tl_report_src *const REPORT_DEFS;
extern const size_t REPORT_N_DEFS;
extern const char *const REPORT_TEMPLATE;

/* Opens path for writing, created or truncated, mode 0600. */
int report_open_file(const char *path, FILE **out, tl_err *err);
/* Closes f and reports a failed write of path. */
int report_close_file(FILE *f, const char *path, tl_err *err);

int report_write_csv(const tl_report *r, const char *dir, tl_err *err);
/* Renders reports/report.tmpl as HTML (md false) or Markdown to f. */
int report_render(const tl_report *r, bool md, FILE *f, tl_err *err);
/* An inline SVG bar chart of table t's chart columns. */
void report_svg_chart(const tl_report_table *t, FILE *f);
void report_html_escape(FILE *f, const char *s);

#endif
