/* csvio_private.h - private: what the csvio_*.c files share. Reading a
 * header against a table of columns, reading typed cells with messages
 * that name file, line and column, counting rows seen before in a file,
 * and writing an export file safely. */
#ifndef TELLUS_CSVIO_PRIVATE_H
#define TELLUS_CSVIO_PRIVATE_H

#include <stdbool.h>
#include <stdio.h>
#include "tellus/csv.h"
#include "tellus/csvio.h"
#include "tellus/date.h"
#include "tellus/ref.h"
#include "tellus/words.h"
#include "store/store_db.h"

#define CSVIO_MAX_COLS 32

typedef struct {
	const char *name;
	bool required;
} tl_csvio_col;

/* An import in progress: the reader, and for each column of the table
 * the field that holds it (-1: not in the file). */
typedef struct {
	tl_store *st;
	tl_csv_reader *r;
	const char *what;       /* "cases", "costs"... for messages */
	const tl_csvio_col *cols;
	size_t ncols;
	int idx[CSVIO_MAX_COLS];
	struct tl_csvio_seen *seen; /* keys of the rows read so far */
} tl_csvio_in;

/* The cell of column col in the current row ("" when absent). */
const char *csvio_cell(const tl_csvio_in *in, int col);
/* "file:line: column NAME: ..." for the current row. */
int csvio_bad(const tl_csvio_in *in, int col, tl_err *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Turns a message from the core into "file:line: column NAME: msg". */
int csvio_wrap(const tl_csvio_in *in, int col, int code, tl_err *err);

/* Typed cells. An empty optional cell gives TL_NO_DATE, dflt, false;
 * with dflt CSVIO_REQUIRED an empty cell is an error. */
#define CSVIO_REQUIRED (-2)
int csvio_date(const tl_csvio_in *in, int col, bool optional, tl_date *out, tl_err *err);
int csvio_word(const tl_csvio_in *in, int col, const tl_wordset *set, int dflt, int *out,
	       tl_err *err);
int csvio_flag(const tl_csvio_in *in, int col, bool *out, tl_err *err);
/* A reference as typed; Tellus references are checked and normalised. */
int csvio_ref(const tl_csvio_in *in, int col, bool optional, char out[REF_MAX], tl_err *err);

/* Counts keys seen in one file: the line a key was first seen on and how
 * many times. */
typedef struct tl_csvio_seen tl_csvio_seen;
int csvio_seen_new(tl_csvio_seen **out, tl_err *err);
void csvio_seen_free(tl_csvio_seen *s);
/* Adds one sighting of key on line; *count is how many so far (1 the
 * first time), *first the line of the first. */
int csvio_seen_add(tl_csvio_seen *s, const char *key, long line, long *count, long *first,
		   tl_err *err);

/* A whole import: opens path, reads the header against cols, then in
 * one transaction calls fn for each row (fn counts into res) and writes
 * the audit entry; on any error the transaction is rolled back. */
typedef int (*csvio_row_fn)(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err);
int csvio_import(tl_store *st, const char *path, const char *what, const tl_csvio_col *cols,
		 size_t ncols, csvio_row_fn fn, void *arg, tl_csvio_result *res, tl_err *err);
/* Counts one more row of the current line with this key into in->seen:
 * *count 1 the first time; *first the line first seen on. */
int csvio_in_seen(tl_csvio_in *in, const char *key, long *count, long *first, tl_err *err);
/* Counts an added or present row. */
void csvio_count(tl_csvio_result *res, bool added);

/* An export: a new file (mode 0600) beside path, renamed over path by
 * csvio_out_close when everything was written, removed otherwise. */
typedef struct {
	FILE *f;
	char tmp[1100];
	const char *path;
	const char *name;       /* base name, for messages and the audit */
	csvio_row_sink sink;    /* rows go here instead when set (no file) */
	void *sink_arg;
} tl_csvio_out;
int csvio_out_open(tl_csvio_out *out, const char *path, const char *const *cols, size_t n,
		   tl_err *err);
int csvio_out_row(tl_csvio_out *out, const char *const *cells, size_t n, tl_err *err);
/* ok: keep the file (renamed into place); otherwise it is removed. */
int csvio_out_close(tl_csvio_out *out, bool ok, tl_err *err);
/* A whole export: header and the rows fn writes (counting res->rows), all
 * read in one snapshot (store_read_begin), then the audit entry in a
 * transaction of its own. */
typedef int (*csvio_rows_fn)(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err);
int csvio_export(tl_store *st, const char *path, const char *const *cols, size_t n,
		 csvio_rows_fn fn, const char *action, tl_csvio_result *res, tl_err *err);
/* The same rows to a sink (csvio_export_cases_to): no file, no audit. */
int csvio_export_sink(tl_store *st, const char *const *cols, size_t n, csvio_rows_fn fn,
		      csvio_row_sink sink, void *arg, tl_csvio_result *res, tl_err *err);

#endif
