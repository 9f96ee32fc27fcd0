/* fuzz_csv.c - the RFC 4180 reader over any bytes, and the writer against
 * it. The first input byte picks the reader's flags; the rest is the file.
 * Properties: no crash; every field is NUL-terminated with no NUL inside;
 * with a header every record has its width; a refusal names the file; and
 * every record read, written back (plain, and with the formula guard then
 * read with CSV_UNGUARD), reads again as the same fields. */
#include <stdbool.h>
#include "fuzz.h"
#include "tellus/csv.h"

#define MAX_FIELDS 64

/* Writes fields with csv_write_record and reads them back. */
static void round_trip(const char *const *f, size_t n, bool guard)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	tl_csv_reader *r = NULL;
	tl_err err;
	bool got = false;

	FUZZ_CHECK(m != NULL);
	FUZZ_CHECK(csv_write_record(m, f, n, guard, &err) == 0);
	fclose(m);
	FUZZ_CHECK(csv_open_mem("again.csv", buf, len, guard ? CSV_UNGUARD : 0, &r, &err) == 0);
	FUZZ_CHECK(csv_next(r, &got, &err) == 0 && got);
	FUZZ_CHECK(csv_nfields(r) == n);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(strcmp(csv_field(r, i, NULL), f[i]) == 0);
	FUZZ_CHECK(csv_next(r, &got, &err) == 0 && !got);
	csv_close(r);
	free(buf);
}

/* Checks the current record and sends it round; copies are needed because
 * the reader owns its fields only until the next record. */
static void check_record(tl_csv_reader *r, size_t width, bool header_read)
{
	size_t n = csv_nfields(r);
	char *copy[MAX_FIELDS];

	FUZZ_CHECK(n >= 1);
	FUZZ_CHECK(!header_read || n == width);
	if (n > MAX_FIELDS)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t len = 0;
		const char *s = csv_field(r, i, &len);
		FUZZ_CHECK(s && strlen(s) == len);
		copy[i] = strdup(s);
	}
	/* One empty field is an empty line, which a reader may skip; a BOM at
	 * the start of a file is not data. Both are fine as they are. */
	bool plain = !(n == 1 && copy[0][0] == '\0') && strncmp(copy[0], "\xEF\xBB\xBF", 3) != 0;
	if (plain) {
		round_trip((const char *const *)copy, n, false);
		round_trip((const char *const *)copy, n, true);
	}
	for (size_t i = 0; i < n; i++)
		free(copy[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_csv_reader *r = NULL;
	tl_err err = { { 0 } };
	bool got = true;
	size_t width = 0;
	int rc;

	if (size == 0)
		return 0;
	int flags = data[0] & (CSV_HEADER | CSV_UNGUARD);
	if (csv_open_mem("fuzz.csv", (const char *)data + 1, size - 1, flags, &r, &err)) {
		FUZZ_CHECK(strstr(err.msg, "fuzz.csv") != NULL);
		return 0;
	}
	for (long k = 0; (rc = csv_next(r, &got, &err)) == 0 && got; k++) {
		if (k == 0)
			width = csv_nfields(r);
		check_record(r, width, (flags & CSV_HEADER) && k > 0);
	}
	if (rc)
		FUZZ_CHECK(strstr(err.msg, "fuzz.csv") != NULL);
	csv_close(r);
	return 0;
}
