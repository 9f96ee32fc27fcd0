/* csv.c - the RFC 4180 reader and writer of csv.h.
 * The reader is strict on purpose: a file a person made in a spreadsheet
 * is either read exactly (quotes, commas and line breaks inside quoted
 * fields kept byte for byte) or refused with the file, line and column at
 * fault, never guessed at. Not here: what the columns mean (csvio_*.c). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/csv.h"
#include "tellus/text.h"

struct tl_csv_reader {
	char name[256];
	char *data;
	size_t len, pos;
	int flags;
	long line;            /* physical line at pos */
	long rec_line;        /* where the current record starts */
	char *buf;            /* the record's fields, each NUL-terminated */
	size_t buf_len, buf_cap;
	size_t *offs, *lens;  /* per field: start in buf, length */
	size_t n, cap;
	char **header;        /* names of the header's columns */
	size_t width;         /* fields per record, once the header is read */
	bool have_header;
};

/* The characters a spreadsheet starts a formula with (SPEC section 7),
 * with CR, which OWASP's advice on CSV injection adds, and the guard. */
static const char GUARDED[] = "=+-@\t\r'";

bool csv_needs_guard(const char *s)
{
	if (s[0] && s[0] != '\'' && strchr(GUARDED, s[0]))
		return true;
	return s[0] == '\'' && s[1] && strchr(GUARDED, s[1]);
}

const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && s[1] && strchr(GUARDED, s[1]) ? s + 1 : s;
}

static void set_name(tl_csv_reader *r, const char *path)
{
	const char *slash = strrchr(path, '/');
	snprintf(r->name, sizeof r->name, "%s", slash ? slash + 1 : path);
}

static int reader_new(const char *name, int flags, tl_csv_reader **out, tl_err *err)
{
	tl_csv_reader *r = calloc(1, sizeof *r);
	if (!r)
		return err_set(err, TL_ENOMEM, "%s: out of memory", name);
	set_name(r, name);
	r->flags = flags;
	r->line = 1;
	*out = r;
	return TL_OK;
}

/* A byte order mark is how Excel says UTF-8; it is not part of the data. */
static void skip_bom(tl_csv_reader *r)
{
	if (r->len >= 3 && memcmp(r->data, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

int csv_open_mem(const char *name, const char *data, size_t len, int flags,
		 tl_csv_reader **out, tl_err *err)
{
	tl_csv_reader *r = NULL;
	int rc = reader_new(name, flags, &r, err);
	if (rc)
		return rc;
	r->data = malloc(len + 1);
	if (!r->data) {
		csv_close(r);
		return err_set(err, TL_ENOMEM, "%s: out of memory", name);
	}
	memcpy(r->data, data, len);
	r->data[len] = '\0';
	r->len = len;
	skip_bom(r);
	*out = r;
	return TL_OK;
}

static int read_all(FILE *f, const char *name, char **data, size_t *len, tl_err *err)
{
	size_t cap = 1 << 16, n = 0;
	char *d = malloc(cap);

	while (d) {
		n += fread(d + n, 1, cap - n - 1, f);
		if (n < cap - 1)
			break;
		if (cap > CSV_MAX_FILE) {
			free(d);
			return err_set(err, TL_EINVAL, "%s: too big for a CSV file (over 1 GiB)", name);
		}
		char *bigger = realloc(d, cap * 2);
		if (!bigger)
			free(d);
		d = bigger;
		cap *= 2;
	}
	if (!d)
		return err_set(err, TL_ENOMEM, "%s: out of memory", name);
	if (ferror(f)) {
		int e = errno;
		free(d);
		return err_set(err, TL_EIO, "%s: cannot read the file: %s", name, strerror(e));
	}
	d[n] = '\0';
	*data = d;
	*len = n;
	return TL_OK;
}

int csv_open_file(const char *path, int flags, tl_csv_reader **out, tl_err *err)
{
	tl_csv_reader *r = NULL;
	FILE *f = NULL;
	int rc = reader_new(path, flags, &r, err);

	if (rc)
		return rc;
	f = fopen(path, "rb");
	if (!f) {
		rc = err_set(err, TL_EIO, "%s: cannot open: %s", r->name, strerror(errno));
		goto cleanup;
	}
	if ((rc = read_all(f, r->name, &r->data, &r->len, err)))
		goto cleanup;
	skip_bom(r);
	*out = r;
	r = NULL;
cleanup:
	if (f)
		fclose(f);
	csv_close(r);
	return rc;
}

void csv_close(tl_csv_reader *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->width && r->header; i++)
		free(r->header[i]);
	free(r->header);
	free(r->data);
	free(r->buf);
	free(r->offs);
	free(r->lens);
	free(r);
}

size_t csv_nfields(const tl_csv_reader *r) { return r->n; }
long csv_line(const tl_csv_reader *r) { return r->rec_line; }
const char *csv_name(const tl_csv_reader *r) { return r->name; }
size_t csv_offset(const tl_csv_reader *r) { return r->pos; }
size_t csv_size(const tl_csv_reader *r) { return r->len; }

const char *csv_field(const tl_csv_reader *r, size_t i, size_t *len)
{
	if (i >= r->n) {
		if (len)
			*len = 0;
		return "";
	}
	if (len)
		*len = r->lens[i];
	return r->buf + r->offs[i];
}

const char *csv_header(const tl_csv_reader *r, size_t i)
{
	return r->have_header && i < r->width ? r->header[i] : NULL;
}

void csv_printable(const char *s, char *out, size_t cap)
{
	size_t o = 0, i = 0, n = strlen(s);
	const size_t keep = 40;

	for (; i < n && o + 5 < cap && i < keep; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F) {
			o += (size_t)snprintf(out + o, cap - o, "\\x%02X", c);
			continue;
		}
		out[o++] = (char)c;
	}
	/* Cut on a character boundary, then say that something was cut. */
	while (i < n && o > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
		i--;
		o--;
	}
	if (i < n && o + 4 < cap)
		memcpy(out + o, "...", 3), o += 3;
	if (cap)
		out[o < cap ? o : cap - 1] = '\0';
}

/* "file:line: column NAME: what" for column col (0-based) */
static int fail_at(const tl_csv_reader *r, tl_err *err, long line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int fail_at(const tl_csv_reader *r, tl_err *err, long line, size_t col, const char *fmt, ...)
{
	char what[400], name[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	const char *h = csv_header(r, col);
	if (h && *h) {
		csv_printable(h, name, sizeof name);
		return err_set(err, TL_EINVAL, "%s:%ld: column %s: %s", r->name, line, name, what);
	}
	return err_set(err, TL_EINVAL, "%s:%ld: column %zu: %s", r->name, line, col + 1, what);
}

static int grow_buf(tl_csv_reader *r, size_t more, tl_err *err)
{
	if (r->buf_len + more <= r->buf_cap)
		return TL_OK;
	size_t cap = r->buf_cap ? r->buf_cap : 4096;
	while (cap < r->buf_len + more)
		cap *= 2;
	char *b = realloc(r->buf, cap);
	if (!b)
		return err_set(err, TL_ENOMEM, "%s: out of memory", r->name);
	r->buf = b;
	r->buf_cap = cap;
	return TL_OK;
}

static int grow_fields(tl_csv_reader *r, tl_err *err)
{
	if (r->n < r->cap)
		return TL_OK;
	size_t cap = r->cap ? r->cap * 2 : 32;
	size_t *o = realloc(r->offs, cap * sizeof *o);
	if (o)
		r->offs = o;
	size_t *l = o ? realloc(r->lens, cap * sizeof *l) : NULL;
	if (!l)
		return err_set(err, TL_ENOMEM, "%s: out of memory", r->name);
	r->lens = l;
	r->cap = cap;
	return TL_OK;
}

/* Line breaks in n bytes at p: LF, and CR not followed by LF (an old
 * Mac's line end). p[n] may be read: the data ends in a NUL. */
static long line_breaks(const char *p, size_t n)
{
	long lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += p[i] == '\n' || (p[i] == '\r' && p[i + 1] != '\n');
	return lines;
}

/* Appends n bytes of data to the field being built, counting lines. */
static int append(tl_csv_reader *r, const char *p, size_t n, tl_err *err)
{
	int rc = grow_buf(r, n + 1, err);
	if (rc)
		return rc;
	memcpy(r->buf + r->buf_len, p, n);
	r->buf_len += n;
	if (memchr(p, '\n', n) || memchr(p, '\r', n))
		r->line += line_breaks(p, n);
	return TL_OK;
}

/* Checks the field just built (NUL bytes, UTF-8), closes it, and
 * removes the formula guard when asked. */
static int end_field(tl_csv_reader *r, long line, tl_err *err)
{
	size_t off = r->offs[r->n], len = r->buf_len - off, bad;
	const char *f = r->buf + off;
	int rc;

	const char *nul = memchr(f, '\0', len);
	if (nul)
		return fail_at(r, err, line, r->n, "a NUL byte (byte %zu of the field), which text"
			       " never holds", (size_t)(nul - f) + 1);
	if (!text_utf8_valid(f, len, &bad))
		return fail_at(r, err, line, r->n, "invalid UTF-8 (byte 0x%02X, %zu bytes into the field);"
			       " save the file as UTF-8", (unsigned char)f[bad], bad);
	if ((rc = grow_buf(r, 1, err)))
		return rc;
	r->buf[r->buf_len++] = '\0';
	if ((r->flags & CSV_UNGUARD) && csv_unguard(f) != f)
		r->offs[r->n]++, len--;
	r->lens[r->n++] = len;
	return TL_OK;
}

/* A quoted field, from the opening quote to just after the closing one. */
static int read_quoted(tl_csv_reader *r, long line, tl_err *err)
{
	int rc;
	r->pos++;
	for (;;) {
		const char *q = memchr(r->data + r->pos, '"', r->len - r->pos);
		if (!q)
			return fail_at(r, err, line, r->n, "a quoted field with no closing quote");
		if ((rc = append(r, r->data + r->pos, (size_t)(q - r->data) - r->pos, err)))
			return rc;
		r->pos = (size_t)(q - r->data) + 1;
		if (r->pos < r->len && r->data[r->pos] == '"') {
			if ((rc = append(r, "\"", 1, err)))
				return rc;
			r->pos++;
			continue;
		}
		return TL_OK;
	}
}

/* An unquoted field: up to a comma, a line end or the end of the file. */
static int read_plain(tl_csv_reader *r, long line, tl_err *err)
{
	size_t start = r->pos;
	const char *d = r->data;

	while (r->pos < r->len && d[r->pos] != ',' && d[r->pos] != '\n' && d[r->pos] != '\r') {
		if (d[r->pos] == '"')
			return fail_at(r, err, line, r->n, "a quote inside a field that does not "
				       "start with one (quote the whole field and double the quote)");
		r->pos++;
	}
	return append(r, d + start, r->pos - start, err);
}

/* After a field: 1 when the record goes on, 0 when it has ended. */
static int after_field(tl_csv_reader *r, long line, bool *more, tl_err *err)
{
	const char *d = r->data;

	*more = false;
	if (r->pos >= r->len)
		return TL_OK;
	if (d[r->pos] == ',') {
		r->pos++;
		*more = true;
		return TL_OK;
	}
	if (d[r->pos] == '\n') {
		r->pos++;
		r->line++;
		return TL_OK;
	}
	/* CRLF, or a CR alone: the line end of files from an old Mac. */
	if (d[r->pos] == '\r') {
		r->pos += r->pos + 1 < r->len && d[r->pos + 1] == '\n' ? 2 : 1;
		r->line++;
		return TL_OK;
	}
	return fail_at(r, err, line, r->n - 1, "text after the closing quote");
}

static int read_record(tl_csv_reader *r, tl_err *err)
{
	bool more = true;
	int rc;

	r->n = 0;
	r->buf_len = 0;
	r->rec_line = r->line;
	while (more) {
		long line = r->line;
		if ((rc = grow_fields(r, err)))
			return rc;
		r->offs[r->n] = r->buf_len;
		if (r->pos < r->len && r->data[r->pos] == '"')
			rc = read_quoted(r, line, err);
		else
			rc = read_plain(r, line, err);
		if (rc || (rc = end_field(r, line, err)) || (rc = after_field(r, line, &more, err)))
			return rc;
	}
	return TL_OK;
}

/* With a header, empty lines carry no record (a spreadsheet leaves them
 * at the end of a file). */
static void skip_empty_lines(tl_csv_reader *r)
{
	const char *d = r->data;
	for (;;) {
		if (r->pos < r->len && d[r->pos] == '\n')
			r->pos++;
		else if (r->pos + 1 < r->len && d[r->pos] == '\r' && d[r->pos + 1] == '\n')
			r->pos += 2;
		else if (r->pos < r->len && d[r->pos] == '\r')
			r->pos++;
		else
			return;
		r->line++;
	}
}

static int keep_header(tl_csv_reader *r, tl_err *err)
{
	r->header = calloc(r->n, sizeof *r->header);
	if (!r->header)
		return err_set(err, TL_ENOMEM, "%s: out of memory", r->name);
	r->width = r->n;
	for (size_t i = 0; i < r->n; i++)
		if (!(r->header[i] = strdup(csv_field(r, i, NULL))))
			return err_set(err, TL_ENOMEM, "%s: out of memory", r->name);
	r->have_header = true;
	return TL_OK;
}

static int check_width(tl_csv_reader *r, tl_err *err)
{
	if (r->n > r->width)
		return fail_at(r, err, r->rec_line, r->width, "%zu fields where the header has %zu"
			       " (an unquoted comma?)", r->n, r->width);
	if (r->n < r->width)
		return fail_at(r, err, r->rec_line, r->n, "missing: %zu fields where the header"
			       " has %zu", r->n, r->width);
	return TL_OK;
}

/* Does the data start like UTF-16 text: a byte order mark, or (without
 * one) a NUL beside nearly every other byte, on one side? */
static bool looks_utf16(const unsigned char *d, size_t n)
{
	size_t even = 0, odd = 0;
	if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return true;
	for (size_t i = 0; i < n; i++)
		if (!d[i])
			*(i % 2 ? &odd : &even) += 1;
	return n >= 8 && (odd * 10 >= n * 4 || even * 10 >= n * 4) && (!odd || !even);
}

/* What a file that is not UTF-8 text is, said before reading it: UTF-16
 * (what "Unicode Text" and some exports write), a workbook, or binary
 * data such as an image. Text never holds NUL bytes; one or two in a
 * file that is otherwise text are reported where they are (end_field). */
static int sniff(const tl_csv_reader *r, tl_err *err)
{
	const unsigned char *d = (const unsigned char *)r->data;
	size_t n = r->len < 512 ? r->len : 512, nuls = 0, controls = 0;

	if (looks_utf16(d, n))
		return fail_at(r, err, 1, 0, "UTF-16 text, not UTF-8: save it as CSV UTF-8 (in Excel:"
			       " Save As, CSV UTF-8)");
	if (n >= 4 && memcmp(d, "PK\3\4", 4) == 0)
		return fail_at(r, err, 1, 0, "not a CSV file: a zip archive such as an Excel workbook"
			       " (.xlsx); save it as CSV UTF-8");
	if (n >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return fail_at(r, err, 1, 0, "not a CSV file: an old Excel workbook (.xls); save it"
			       " as CSV UTF-8");
	for (size_t i = 0; i < n; i++) {
		nuls += !d[i];
		controls += d[i] && d[i] < 0x20 && !strchr("\t\n\r\f", d[i]);
	}
	if (nuls > 2 || (nuls && controls))
		return fail_at(r, err, 1, 0, "not a CSV file: it holds binary data");
	return TL_OK;
}

/* A record of empty fields only: what a spreadsheet leaves below the
 * data (",,,,,") once a row has been cleared. */
static bool all_empty(const tl_csv_reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->lens[i])
			return false;
	return true;
}

int csv_next(tl_csv_reader *r, bool *got, tl_err *err)
{
	int rc;

	*got = false;
	if (r->rec_line == 0 && (rc = sniff(r, err)))
		return rc;
	for (;;) {
		if (r->flags & CSV_HEADER)
			skip_empty_lines(r);
		if (r->pos >= r->len) {
			r->n = 0;
			return TL_OK;
		}
		if ((rc = read_record(r, err)))
			return rc;
		if (!(r->flags & CSV_HEADER))
			break;
		if (!r->have_header) {
			if ((rc = keep_header(r, err)))
				return rc;
			break;
		}
		if (!all_empty(r))
			break;
	}
	if (r->have_header && (rc = check_width(r, err)))
		return rc;
	*got = true;
	return TL_OK;
}

/* A cell starting with U+FEFF is quoted too: at the start of a file it
 * would otherwise be read as a byte order mark and dropped. */
bool csv_needs_quotes(const char *s)
{
	return s[strcspn(s, CSV_QUOTED)] != '\0' || strncmp(s, "\xEF\xBB\xBF", 3) == 0;
}

static void write_cell(FILE *f, const char *s, bool guard)
{
	bool quote = csv_needs_quotes(s);
	if (quote)
		fputc('"', f);
	if (guard && csv_needs_guard(s))
		fputc('\'', f);
	if (!quote) {
		fputs(s, f);
		return;
	}
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		fputc('"', f);
	}
	fputs(s, f);
	fputc('"', f);
}

int csv_write_record(FILE *f, const char *const *fields, size_t n, bool guard, tl_err *err)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		write_cell(f, fields[i] ? fields[i] : "", guard);
	}
	fputs("\r\n", f);
	if (ferror(f))
		return err_set(err, TL_EIO, "cannot write: %s", strerror(errno));
	return TL_OK;
}
