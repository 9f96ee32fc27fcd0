/* csvio_common.c - what every import and export shares: the header read
 * against a table of columns, typed cells whose errors name file, line
 * and column, the all-or-nothing ending of an import, and export files
 * written beside their target and renamed into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "csvio_private.h"

/* The columns a message lists: SPEC 7's 24 for cases, and how many more. */
#define LISTED 24

static void column_list(const tl_csvio_col *cols, size_t n, char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	if (n > LISTED) {
		column_list(cols, LISTED, out, cap);
		used = strlen(out);
		snprintf(out + used, cap - used, " and %zu more (see README)", n - LISTED);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(out + used, cap - used, "%s%s", i ? ", " : "", cols[i].name);
		if (w < 0 || (size_t)w >= cap - used)
			break;
		used += (size_t)w;
	}
}

/* A header name as a person may have typed it: spaces around it, and
 * capitals ("Received", "REF") that a spreadsheet's header row often has. */
static int find_col(const tl_csvio_col *cols, size_t n, const char *name)
{
	size_t len;
	while (*name == ' ' || *name == '\t')
		name++;
	for (len = strlen(name); len && (name[len - 1] == ' ' || name[len - 1] == '\t'); len--)
		;
	for (size_t i = 0; i < n; i++)
		if (strlen(cols[i].name) == len && strncasecmp(cols[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

/* A header that is one field holding known names split by ';' or a tab:
 * a file saved where the list separator is not a comma. */
static const char *other_separator(const tl_csvio_in *in)
{
	static const char *const NAMES[] = { "semicolons (;)", "tabs" };
	const char *seps = ";\t", *h = csv_field(in->r, 0, NULL);
	if (csv_nfields(in->r) != 1)
		return NULL;
	for (int k = 0; k < 2; k++) {
		char first[64];
		size_t len = strcspn(h, (char[]){ seps[k], '\0' });
		if (!h[len] || len >= sizeof first)
			continue;
		memcpy(first, h, len);
		first[len] = '\0';
		if (find_col(in->cols, in->ncols, first) >= 0)
			return NAMES[k];
	}
	return NULL;
}

static int header_fail(const tl_csvio_in *in, size_t field, bool by_number, const char *why,
		       tl_err *err)
{
	char name[80], list[500], col[120];
	csv_printable(csv_field(in->r, field, NULL), name, sizeof name);
	column_list(in->cols, in->ncols, list, sizeof list);
	if (by_number)
		snprintf(col, sizeof col, "%zu: '%s'", field + 1, name);
	else
		snprintf(col, sizeof col, "%s:", name);
	return err_set(err, TL_EINVAL, "%s:%ld: column %s %s %s file (%s)", csv_name(in->r),
		       csv_line(in->r), col, why, in->what, list);
}

/* Every field of the header must name a column, once; a header that
 * names none is not a header at all (a file without one, or not a file
 * of this kind). */
static int map_header(tl_csvio_in *in, tl_err *err)
{
	size_t n = csv_nfields(in->r), known = 0;

	for (size_t i = 0; i < in->ncols; i++)
		in->idx[i] = -1;
	for (size_t f = 0; f < n; f++)
		known += find_col(in->cols, in->ncols, csv_field(in->r, f, NULL)) >= 0;
	const char *sep = known ? NULL : other_separator(in);
	if (sep)
		return err_set(err, TL_EINVAL, "%s:%ld: column 1: the columns are separated by %s, "
			       "not commas: save the file as CSV UTF-8 (comma delimited), or set the "
			       "list separator to a comma", csv_name(in->r), csv_line(in->r), sep);
	if (known == 0)
		return header_fail(in, 0, true, "is not a column name: the first line must be the"
				   " header of a", err);
	for (size_t f = 0; f < n; f++) {
		int c = find_col(in->cols, in->ncols, csv_field(in->r, f, NULL));
		if (c < 0)
			return header_fail(in, f, false, "not a column of a", err);
		if (in->idx[c] >= 0)
			return header_fail(in, f, false, "named twice in the header of a", err);
		in->idx[c] = (int)f;
	}
	for (size_t i = 0; i < in->ncols; i++)
		if (in->cols[i].required && in->idx[i] < 0)
			return err_set(err, TL_EINVAL, "%s:%ld: column %s: missing from the header",
				       csv_name(in->r), csv_line(in->r), in->cols[i].name);
	return TL_OK;
}

static void in_close(tl_csvio_in *in)
{
	csv_close(in->r);
	in->r = NULL;
}

static int in_open(tl_csvio_in *in, tl_store *st, const char *path, const char *what,
		   const tl_csvio_col *cols, size_t ncols, tl_err *err)
{
	bool got = false;
	int rc;

	memset(in, 0, sizeof *in);
	in->st = st;
	in->what = what;
	in->cols = cols;
	in->ncols = ncols;
	if ((rc = csv_open_file(path, CSV_HEADER | CSV_UNGUARD, &in->r, err)))
		return rc;
	if ((rc = csv_next(in->r, &got, err)) == TL_OK && !got)
		rc = err_set(err, TL_EINVAL, "%s:1: column 1: the file is empty: the first line must be"
			     " the header", csv_name(in->r));
	if (rc == TL_OK)
		rc = map_header(in, err);
	if (rc)
		in_close(in);
	return rc;
}

const char *csvio_cell(const tl_csvio_in *in, int col)
{
	return in->idx[col] >= 0 ? csv_field(in->r, (size_t)in->idx[col], NULL) : "";
}

static int vbad(const tl_csvio_in *in, long line, int col, tl_err *err, const char *fmt,
		va_list ap)
{
	char what[400];
	vsnprintf(what, sizeof what, fmt, ap);
	return err_set(err, TL_EINVAL, "%s:%ld: column %s: %s", csv_name(in->r), line,
		       in->cols[col].name, what);
}

int csvio_bad(const tl_csvio_in *in, int col, tl_err *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vbad(in, csv_line(in->r), col, err, fmt, ap);
	va_end(ap);
	return rc;
}

int csvio_bad_at(const tl_csvio_in *in, long line, int col, tl_err *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vbad(in, line, col, err, fmt, ap);
	va_end(ap);
	return rc;
}

/* Core messages start with the field at fault ("decided: is before
 * received"); where that field is a column, it is the column named. */
int csvio_wrap(const tl_csvio_in *in, int col, int code, tl_err *err)
{
	char msg[sizeof err->msg];
	const char *rest = msg;

	memcpy(msg, err->msg, sizeof msg);
	for (size_t i = 0; i < in->ncols; i++) {
		size_t n = strlen(in->cols[i].name);
		if (strncmp(msg, in->cols[i].name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ') {
			col = (int)i;
			rest = msg + n + 2;
			break;
		}
	}
	err_set(err, code, "%s:%ld: column %s: %s", csv_name(in->r), csv_line(in->r),
		in->cols[col].name, rest);
	return code;
}

/* Ends the import's level: the audit entry and a commit when every row
 * went in (rc TL_OK), a rollback of the whole file otherwise. */
static int finish(tl_csvio_in *in, int rc, const tl_csvio_result *res, tl_err *err)
{
	char detail[400], action[64];

	if (rc)
		return store_end(in->st, rc, err);
	snprintf(action, sizeof action, "import %s", in->what);
	snprintf(detail, sizeof detail, "%s: %ld rows, %ld added, %ld already present",
		 csv_name(in->r), res->rows, res->added, res->present);
	return store_end(in->st, store_audit(in->st, action, NULL, detail, err), err);
}

/* The value of an integer pragma (read with a prepared statement). */
static int pragma_get(tl_store *st, const char *sql, int dflt)
{
	sqlite3_stmt *q = NULL;
	int v = dflt;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* The connection's settings an import changes for its length only. */
typedef struct {
	int cache_size, temp_store;
} tuning;

/* An import is one transaction with a savepoint per case, so every page
 * it writes stays dirty until the end and each savepoint journals the
 * pages it touches. With SQLite's defaults (a 2 MiB cache, journals in
 * temporary files) a 100,000-row import spilled to the WAL and wrote a
 * temporary file some 2.5 million times, and ran 2.5 times slower. A
 * bigger cache, which fills only as far as the file needs, and journals
 * in memory, for the import's length only. */
static void tune(tl_store *st, const tuning *want, tuning *old)
{
	static const char *const temp_store[] = { "PRAGMA temp_store=DEFAULT",
		"PRAGMA temp_store=FILE", "PRAGMA temp_store=MEMORY" };
	char sql[48];

	if (old) {
		old->cache_size = pragma_get(st, "PRAGMA cache_size", -2000);
		old->temp_store = pragma_get(st, "PRAGMA temp_store", 0);
	}
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", want->cache_size);
	sqlite3_exec(store_db(st), sql, NULL, NULL, NULL);
	int ts = want->temp_store;
	if (ts >= 0 && ts <= 2)
		sqlite3_exec(store_db(st), temp_store[ts], NULL, NULL, NULL);
}

int csvio_import(tl_store *st, const char *path, const char *what, const tl_csvio_col *cols,
		 size_t ncols, csvio_row_fn fn, csvio_done_fn done, void *arg,
		 tl_csvio_result *res, tl_err *err)
{
	tl_csvio_in in;
	bool got = true;
	const tuning fast = { -65536, 2 }; /* 64 MiB at most; in memory */
	tuning old;
	int rc;

	memset(res, 0, sizeof *res);
	if ((rc = in_open(&in, st, path, what, cols, ncols, err)))
		return rc;
	tune(st, &fast, &old);
	bool solo = store_bulk_solo(st);
	if ((rc = csvio_seen_new(&in.seen, err)) || (rc = store_begin(st, err)))
		goto cleanup;
	/* One count of the report's totals at the end, not one per row, and
	 * no savepoint per row: the file is all or nothing. A file adds new
	 * cases only (a case already stored is compared, never changed), and
	 * costs, enquiries and figures touch no case. */
	if ((rc = store_bulk(st, err)) || (rc = store_bulk_new_cases(st, err))) {
		store_end(st, rc, err);
		goto cleanup;
	}
	char label[300];
	tl_progress p;
	snprintf(label, sizeof label, "importing %s", csv_name(in.r));
	progress_begin(&p, store_progress(st), label, "rows", -1);
	while ((rc = csv_next(in.r, &got, err)) == TL_OK && got) {
		if ((rc = fn(&in, arg, res, err)))
			break;
		/* The rows to come, from the bytes still to read. */
		size_t at = csv_offset(in.r);
		progress_set(&p, res->rows, at ? (long)((double)res->rows * (double)csv_size(in.r) /
							(double)at) : -1, at < csv_size(in.r));
	}
	progress_end(&p);
	if (rc == TL_OK && done)
		rc = done(&in, arg, err);
	rc = finish(&in, rc, res, err);
cleanup:
	if (solo)
		store_bulk_solo_end(st);
	tune(st, &old, NULL);
	csvio_seen_free(in.seen);
	in_close(&in);
	return rc;
}

int csvio_in_seen(tl_csvio_in *in, const char *key, long *count, long *first, tl_err *err)
{
	return csvio_seen_add(in->seen, key, csv_line(in->r), count, first, err);
}

void csvio_count(tl_csvio_result *res, bool added)
{
	res->rows++;
	if (added)
		res->added++;
	else
		res->present++;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The new file is created beside the target, readable by its owner only
 * (SPEC section 9), and only replaces the target once complete. */
int csvio_out_open(tl_csvio_out *out, const char *path, const char *const *cols, size_t n,
		   tl_err *err)
{
	int fd, rc;

	memset(out, 0, sizeof *out);
	out->path = path;
	out->name = base_name(path);
	if (snprintf(out->tmp, sizeof out->tmp, "%s.tmp%ld", path, (long)getpid()) >=
	    (int)sizeof out->tmp)
		return err_set(err, TL_EINVAL, "%s: the path is too long", out->name);
	fd = open(out->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(err, TL_EIO, "%s: cannot create: %s", out->name, strerror(errno));
	out->f = fdopen(fd, "wb");
	if (!out->f) {
		close(fd);
		unlink(out->tmp);
		return err_set(err, TL_EIO, "%s: cannot write: %s", out->name, strerror(errno));
	}
	if ((rc = csvio_out_row(out, cols, n, err)))
		csvio_out_close(out, false, NULL);
	return rc;
}

int csvio_out_row(tl_csvio_out *out, const char *const *cells, size_t n, tl_err *err)
{
	if (out->sink)
		return out->sink(out->sink_arg, cells, n, err);
	int rc = csv_write_record(out->f, cells, n, true, err);
	if (rc)
		err_prefix(err, "%s", out->name);
	return rc;
}

int csvio_out_close(tl_csvio_out *out, bool ok, tl_err *err)
{
	int rc = TL_OK;

	if (!out->f)
		return TL_OK;
	if (fflush(out->f) || fsync(fileno(out->f)))
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", out->name, strerror(errno));
	if (fclose(out->f) && rc == TL_OK)
		rc = err_set(err, TL_EIO, "%s: cannot write: %s", out->name, strerror(errno));
	out->f = NULL;
	if (ok && rc == TL_OK && rename(out->tmp, out->path))
		rc = err_set(err, TL_EIO, "%s: cannot replace: %s", out->name, strerror(errno));
	if (!ok || rc)
		unlink(out->tmp);
	return rc;
}

static int out_audit(tl_store *st, const tl_csvio_out *out, const char *action,
		     const tl_csvio_result *res, tl_err *err)
{
	char detail[400];
	int rc;

	snprintf(detail, sizeof detail, "%s: %ld rows", out->name, res->rows);
	if ((rc = store_begin(st, err)))
		return rc;
	return store_end(st, store_audit(st, action, NULL, detail, err), err);
}

/* The rows are read in one read transaction: one snapshot of the store,
 * which in WAL mode never holds up a kiosk saving a case meanwhile (a
 * write lock for the length of a big export would). The audit entry
 * follows once the file is in place; if it cannot be written, neither is
 * the file kept. */
int csvio_export(tl_store *st, const char *path, const char *const *cols, size_t n,
		 csvio_rows_fn fn, const char *action, tl_csvio_result *res, tl_err *err)
{
	tl_csvio_out out;
	bool own;
	int rc;

	memset(res, 0, sizeof *res);
	if ((rc = store_read_begin(st, &own, "starting an export", err)))
		return rc;
	if ((rc = csvio_out_open(&out, path, cols, n, err)) == TL_OK) {
		rc = fn(st, &out, res, err);
		int closed = csvio_out_close(&out, rc == TL_OK, rc ? NULL : err);
		rc = rc ? rc : closed;
	}
	store_read_end(st, own);
	if (rc == TL_OK && (rc = out_audit(st, &out, action, res, err)))
		unlink(path);
	return rc;
}

int csvio_export_sink(tl_store *st, const char *const *cols, size_t n, csvio_rows_fn fn,
		      csvio_row_sink sink, void *arg, tl_csvio_result *res, tl_err *err)
{
	tl_csvio_out out = { .sink = sink, .sink_arg = arg, .name = "export" };
	bool own;
	int rc;

	memset(res, 0, sizeof *res);
	if ((rc = store_read_begin(st, &own, "starting an export", err)))
		return rc;
	if ((rc = csvio_out_row(&out, cols, n, err)) == TL_OK)
		rc = fn(st, &out, res, err);
	store_read_end(st, own);
	return rc;
}
