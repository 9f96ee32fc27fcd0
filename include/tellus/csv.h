/* csv.h - RFC 4180 files: a strict reader and a writer.
 * The reader takes the whole file into memory, hands out one record at a
 * time and names file, line and column in every error; lines may end in
 * CRLF, LF or CR alone. The writer quotes what needs quoting and ends
 * records with CRLF. Both can guard cells
 * against spreadsheet formula injection (SPEC section 7). */
#ifndef TELLUS_CSV_H
#define TELLUS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tellus/err.h"

/* Reader flags. */
enum {
	/* The first record is a header: it fixes how many fields every record
	 * has, and its names are used for the columns in messages. Empty
	 * lines are skipped, and so are records of empty fields only (",,,"
	 * a spreadsheet leaves where rows were cleared). */
	CSV_HEADER = 1,
	/* Removes the guard quote that csv_guard_formula adds on export. */
	CSV_UNGUARD = 2,
};

/* Refuse files bigger than this: a CSV of cases is never near it. */
#define CSV_MAX_FILE ((size_t)1 << 30)

typedef struct tl_csv_reader tl_csv_reader;

/* Reads the file at path; messages name its base name. The caller frees
 * the reader with csv_close(). */
int csv_open_file(const char *path, int flags, tl_csv_reader **out, tl_err *err);
/* The same over len bytes of data (copied); name is used in messages. */
int csv_open_mem(const char *name, const char *data, size_t len, int flags,
		 tl_csv_reader **out, tl_err *err);
void csv_close(tl_csv_reader *r);

/* Reads the next record. *got is false at the end of the file. With
 * CSV_HEADER, the first call reads the header. */
int csv_next(tl_csv_reader *r, bool *got, tl_err *err);
size_t csv_nfields(const tl_csv_reader *r);
/* Field i of the current record, NUL-terminated (a field never holds a
 * NUL byte: the reader refuses them); owned by the reader and valid until
 * the next csv_next. *len may be NULL. */
const char *csv_field(const tl_csv_reader *r, size_t i, size_t *len);
/* The physical line (from 1) where the current record starts. */
long csv_line(const tl_csv_reader *r);
/* How far the reader has read (bytes), of how many: for progress. */
size_t csv_offset(const tl_csv_reader *r);
size_t csv_size(const tl_csv_reader *r);
/* The file name used in messages. */
const char *csv_name(const tl_csv_reader *r);
/* The header's name for column i, or NULL when there is none (no
 * CSV_HEADER, or i beyond the header). */
const char *csv_header(const tl_csv_reader *r, size_t i);

/* Copies s for a message: control bytes as \xNN, cut after 40 bytes
 * (on a character boundary) with "...". */
void csv_printable(const char *s, char *out, size_t cap);

/* Formula guard: a cell a spreadsheet would read as a formula (starting
 * with =, +, -, @, TAB or CR), or one that starts with ' followed by one
 * of those or another ', gets one more leading '. Unguarding removes one
 * leading ' only when one of those or ' follows it, so unguard(guard(s))
 * is s for every string, and an ordinary "'Tis" is left alone. */
bool csv_needs_guard(const char *s);
const char *csv_unguard(const char *s);

/* The bytes that make a cell quoted: the comma, and the other separators
 * a spreadsheet may be set to split on (semicolon, as in many European
 * locales, and tab), the quote and line breaks (SPEC section 7). Quoted,
 * a cell stays one cell, and its formula guard stays in front of it. */
#define CSV_QUOTED ",;\t\"\r\n"
/* Does s need quotes: one of CSV_QUOTED, or a leading U+FEFF (which at
 * the start of a file would be read as a byte order mark)? */
bool csv_needs_quotes(const char *s);

/* Writes one record: fields quoted when csv_needs_quotes says so; CRLF at
 * the end. With guard, each cell is guarded as above. */
int csv_write_record(FILE *f, const char *const *fields, size_t n, bool guard, tl_err *err);

#endif
