/* csvio_private.h - private: what the csvio_*.c files share. Reading a
 * header against a table of columns, reading typed cells with messages
 * that name file, line and column, counting rows seen before in a file,
 * and writing an export file safely. */
#ifndef TELLUS_CSVIO_PRIVATE_H
#define TELLUS_CSVIO_PRIVATE_H

#include <stdbool.h>
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/csv.h"
#include "tellus/csvio.h"
#include "tellus/date.h"
#include "tellus/ref.h"
#include "tellus/words.h"
#include "store/store_db.h"

#define CSVIO_MAX_COLS 96

/* How a cell of the cases file becomes a field of tl_case and back
 * (csvio_columns.c). */
enum {
	CSVIO_PLAIN,    /* a file of figures: its own code reads it */
	CSVIO_REF,      /* the reference (Tellus or legacy) */
	CSVIO_TEXT,     /* char *: a person's words or a name, kept byte for byte */
	CSVIO_NAME,     /* char[]: the profile's name */
	CSVIO_FLAG,     /* bool: yes or no */
	CSVIO_DATE,     /* tl_date: YYYY-MM-DD */
	CSVIO_OPENS,    /* tl_date of a stage: when given, the stage exists */
	CSVIO_WORD,     /* int: a word of a tl_wordset */
	CSVIO_CAUSES,   /* ;-separated cause codes */
	CSVIO_ACTIONS,  /* ;-separated action words */
	CSVIO_NOTE,     /* the note of one action (word) */
	CSVIO_PAUSES,   /* a stage's pauses: ;-separated "REASON PAUSED [RESUMED DAYS]" */
	CSVIO_LINK,     /* char[REF_MAX]: another case's reference, stored with this one */
	/* char[REF_MAX]: another case's reference that the store derives (a
	 * safety record's linked complaint is the complaint whose safety_ref
	 * names it): written, and on import checked once every row is in. */
	CSVIO_LINKED,
};

/* A column of a file. Files of figures use name and required; the cases
 * file's table (CSVIO_CASE_COLS) also says which field of a case or of
 * one of its stages the column holds, and how. */
typedef struct {
	const char *name;
	bool required;
	int kind;                /* CSVIO_* */
	int stage;               /* 1-3: a field of that stage (tl_stage); 0: of the case */
	size_t off;              /* the field's offset in tl_case or tl_stage */
	const tl_wordset *words; /* CSVIO_WORD */
	int dflt;                /* CSVIO_WORD: an empty cell's value, or CSVIO_REQUIRED */
	const char *word;        /* CSVIO_NOTE: the action */
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
/* The same for an earlier line. */
int csvio_bad_at(const tl_csvio_in *in, long line, int col, tl_err *err, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Turns a message from the core into "file:line: column NAME: msg". */
int csvio_wrap(const tl_csvio_in *in, int col, int code, tl_err *err);

/* Typed cells. An empty optional cell gives TL_NO_DATE, dflt, false;
 * with dflt CSVIO_REQUIRED an empty cell is an error. */
#define CSVIO_REQUIRED (-2)

/* The cases file (csvio_columns.c): SPEC 7's 24 columns in its order,
 * then every other field of a case. A field is one line of the table. */
extern const tl_csvio_col CSVIO_CASE_COLS[];
extern const size_t CSVIO_CASE_NCOLS;
/* One exported row: cells point into the case, at constants, or into buf
 * (at off[i], fixed up by csvio_row_cells). */
typedef struct {
	const char *cells[CSVIO_MAX_COLS];
	size_t off[CSVIO_MAX_COLS];
	char *buf;
	size_t len, cap;
} csvio_row;
/* The cell of column i for c (into row); false when out of memory. */
bool csvio_case_cell(const tl_case *c, size_t i, csvio_row *row);
/* Every cell of c; NULL when out of memory. */
const char *const *csvio_row_cells(const tl_case *c, csvio_row *row);
void csvio_row_free(csvio_row *row);
/* Reads the cell of column i into c; the cause codes allowed are
 * known[0..n). A stage's column needs the stage to exist (csvio_cases.c
 * makes them first). */
typedef struct {
	char **codes;
	size_t n;
} csvio_causes;
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
 * one transaction calls fn for each row (fn counts into res), done (when
 * not NULL) once after the last, and writes the audit entry; on any error
 * the transaction is rolled back. */
typedef int (*csvio_row_fn)(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err);
typedef int (*csvio_done_fn)(tl_csvio_in *in, void *arg, tl_err *err);
int csvio_import(tl_store *st, const char *path, const char *what, const tl_csvio_col *cols,
		 size_t ncols, csvio_row_fn fn, csvio_done_fn done, void *arg,
		 tl_csvio_result *res, tl_err *err);
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
