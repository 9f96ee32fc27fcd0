/* fuzz_csv.c - the RFC 4180 reader and writer (csv.h) on any bytes. The
 * first byte picks the reader's flags. Any input is either read or
 * refused in one line that names file, line and column; every field read
 * is UTF-8 without NUL; and what was read, written back (with or without
 * the formula guard) and read again, gives the same fields. */
#include "fuzz.h"
#include "tellus/csv.h"
#include "tellus/text.h"

/* Writes the current record of r, then reads it back with flags and
 * checks every field is the same. */
static void check_rewrite(const csv_reader *r, bool guard)
{
	size_t n = csv_nfields(r), len = 0;
	const char **fields = calloc(n ? n : 1, sizeof *fields);
	char *out = NULL;
	csv_reader *back = NULL;
	tl_err err = { { 0 } };
	bool got = false;
	FILE *f = open_memstream(&out, &len);

	if (!fields || !f)
		abort();
	for (size_t i = 0; i < n; i++)
		fields[i] = csv_field(r, i, NULL);
	FUZZ_CHECK(csv_write_record(f, fields, n, guard, &err) == TL_OK);
	fclose(f);
	FUZZ_CHECK(csv_open_mem("w.csv", out, len, guard ? CSV_UNGUARD : 0, &back, &err) == TL_OK);
	FUZZ_CHECK(csv_next(back, &got, &err) == TL_OK && got);
	FUZZ_CHECK(csv_nfields(back) == n);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(strcmp(csv_field(back, i, NULL), fields[i]) == 0);
	csv_close(back);
	free(out);
	free(fields);
}

static void check_record(const csv_reader *r)
{
	for (size_t i = 0; i < csv_nfields(r); i++) {
		size_t len;
		const char *s = csv_field(r, i, &len);
		FUZZ_CHECK(strlen(s) == len);
		FUZZ_CHECK(text_utf8_valid(s, len, NULL));
	}
	check_rewrite(r, true);
	check_rewrite(r, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	csv_reader *r = NULL;
	tl_err err = { { 0 } };
	bool got = true;
	int flags, rc = TL_OK;

	if (size == 0)
		return 0;
	flags = data[0] & (CSV_HEADER | CSV_UNGUARD);
	FUZZ_CHECK(csv_open_mem("f.csv", (const char *)data + 1, size - 1, flags, &r, &err) == TL_OK);
	while (rc == TL_OK && got && (rc = csv_next(r, &got, &err)) == TL_OK && got)
		check_record(r);
	if (rc != TL_OK) {
		FUZZ_CHECK(strncmp(err.msg, "f.csv:", 6) == 0);
		FUZZ_CHECK(strstr(err.msg, ": column ") != NULL);
		FUZZ_CHECK(strchr(err.msg, '\n') == NULL);
	}
	csv_close(r);
	return 0;
}
