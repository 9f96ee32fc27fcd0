/* report_out.c - writes a computed report to files: one RFC 4180 CSV per
 * table, one HTML or Markdown page (report_html.c renders those), or one
 * workbook (report_xlsx.c).
 * Every file is created mode 0600, because a report can carry the words
 * of the people who wrote in. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tellus/csv.h"
#include "report_private.h"

int report_format_parse(const char *word)
{
	static const char *const WORDS[] = { "csv", "html", "md", "xlsx" };
	for (int i = 0; word && i < 4; i++)
		if (strcmp(word, WORDS[i]) == 0)
			return i;
	return -1;
}

int report_open_file(const char *path, FILE **out, tl_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	/* An older file keeps its mode on O_CREAT: narrow it too. */
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return err_set(err, TL_EIO, "%s: %s", path, strerror(e));
	}
	if (!(*out = fdopen(fd, "w"))) {
		close(fd);
		return err_set(err, TL_EIO, "%s: cannot write", path);
	}
	return TL_OK;
}

int report_close_file(FILE *f, const char *path, tl_err *err)
{
	bool bad = ferror(f) != 0;
	if (fclose(f) != 0 || bad)
		return err_set(err, TL_EIO, "%s: the file could not be written in full", path);
	return TL_OK;
}

/* RFC 4180, quoting what csv.h quotes (a separator of any locale, quote,
 * line break). A text cell that a spreadsheet would run as a formula gets
 * a leading ' (SPEC 7). */
static void csv_cell(FILE *f, const char *s)
{
	bool guard = strchr("=+-@\t", s[0]) && s[0] && !report_is_number(s);
	if (!guard && !csv_needs_quotes(s)) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_row(FILE *f, char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		csv_cell(f, cells[i]);
	}
	fputs("\r\n", f);
}

static int write_table_csv(const tl_report_table *t, const char *dir, tl_err *err)
{
	char path[4096];
	FILE *f;
	int rc;

	snprintf(path, sizeof path, "%s/%s", dir, t->file);
	if ((rc = report_open_file(path, &f, err)))
		return rc;
	csv_row(f, t->header, t->n_cols);
	for (size_t r = 0; r < t->n_rows; r++)
		csv_row(f, t->cells + r * t->n_cols, t->n_cols);
	return report_close_file(f, path, err);
}

int report_write_csv(const tl_report *r, const char *dir, tl_err *err)
{
	int rc = TL_OK;
	for (size_t i = 0; i < r->n_tables && rc == TL_OK; i++)
		if (r->tables[i].file)
			rc = write_table_csv(&r->tables[i], dir, err);
	return rc;
}

/* mkdir -p, each new folder mode 0700. */
static int make_dirs(const char *dir, tl_err *err)
{
	char path[4096];
	snprintf(path, sizeof path, "%s", dir);
	for (char *p = path + 1; ; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return err_set(err, TL_EIO, "%s: %s", path, strerror(errno));
		if (!(*p = c))
			break;
	}
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return err_set(err, TL_EIO, "%s: not a folder", dir);
	return TL_OK;
}

int report_write(const tl_report *r, tl_report_format fmt, const char *dir, tl_err *err)
{
	char path[4096];
	FILE *f;
	int rc;

	if ((rc = make_dirs(dir, err)))
		return rc;
	if (fmt == REPORT_CSV)
		return report_write_csv(r, dir, err);
	if (fmt == REPORT_XLSX) {
		snprintf(path, sizeof path, "%s/report.xlsx", dir);
		return report_write_xlsx(r, path, err);
	}
	snprintf(path, sizeof path, "%s/report.%s", dir, fmt == REPORT_HTML ? "html" : "md");
	if ((rc = report_open_file(path, &f, err)))
		return rc;
	rc = report_render(r, fmt == REPORT_MD, f, err);
	int rc2 = report_close_file(f, path, err);
	return rc ? rc : rc2;
}
