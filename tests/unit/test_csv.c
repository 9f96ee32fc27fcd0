/* test_csv.c - the RFC 4180 reader and writer (csv.h): quoting, line
 * ends and line numbers, every refusal with its file, line and column,
 * and the formula guard's round trip over many strings in many scripts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/csv.h"
#include "tellus/text.h"

static tl_csv_reader *open_text(const char *text, int flags)
{
	tl_csv_reader *r = NULL;
	tl_err err = { { 0 } };
	assert_int_equal(csv_open_mem("t.csv", text, strlen(text), flags, &r, &err), TL_OK);
	return r;
}

static void expect_record(tl_csv_reader *r, long line, size_t n, ...)
{
	tl_err err = { { 0 } };
	bool got = false;
	va_list ap;

	assert_int_equal(csv_next(r, &got, &err), TL_OK);
	assert_true(got);
	assert_int_equal(csv_line(r), line);
	assert_int_equal(csv_nfields(r), n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(csv_field(r, i, NULL), va_arg(ap, const char *));
	va_end(ap);
}

static void expect_end(tl_csv_reader *r)
{
	tl_err err = { { 0 } };
	bool got = true;
	assert_int_equal(csv_next(r, &got, &err), TL_OK);
	assert_false(got);
}

/* Reads text to its end and expects a refusal whose message is want. */
static void expect_refusal(const char *text, size_t len, int flags, const char *want)
{
	tl_csv_reader *r = NULL;
	tl_err err = { { 0 } };
	bool got = true;
	int rc = TL_OK;

	assert_int_equal(csv_open_mem("t.csv", text, len, flags, &r, &err), TL_OK);
	while (rc == TL_OK && got)
		rc = csv_next(r, &got, &err);
	assert_int_equal(rc, TL_EINVAL);
	if (strncmp(err.msg, want, strlen(want)) != 0)
		fail_msg("want '%s...', got '%s'", want, err.msg);
	assert_null(strchr(err.msg, '\n'));
	csv_close(r);
}

static void plain_records_end_at_lf_or_crlf(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("a,b,c\r\n1,2,3\n4,,6", 0);
	expect_record(r, 1, 3, "a", "b", "c");
	expect_record(r, 2, 3, "1", "2", "3");
	expect_record(r, 3, 3, "4", "", "6");
	expect_end(r);
	csv_close(r);
}

static void quoted_fields_keep_commas_quotes_and_line_breaks_byte_for_byte(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("h1,h2\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n"
				  "\"one\r\ntwo\nthree\",\"\"\r\nx,y\r\n", CSV_HEADER);
	expect_record(r, 1, 2, "h1", "h2");
	expect_record(r, 2, 2, "a, b", "say \"hi\"");
	expect_record(r, 3, 2, "one\r\ntwo\nthree", "");
	expect_record(r, 6, 2, "x", "y");
	expect_end(r);
	csv_close(r);
}

static void header_names_columns_and_empty_lines_are_skipped(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("\xEF\xBB\xBFref,kind\n\nA,b\n\r\n\n", CSV_HEADER);
	expect_record(r, 1, 2, "ref", "kind");
	assert_string_equal(csv_header(r, 1), "kind");
	assert_null(csv_header(r, 2));
	expect_record(r, 3, 2, "A", "b");
	expect_end(r);
	csv_close(r);
}

/* Files from an old Mac end their lines in CR alone; a CR inside quotes
 * is kept and counts as a line break for the line numbers. */
static void carriage_return_alone_ends_a_line(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("a,b\r1,2\r\r\"x\ry\",3\r4,5", CSV_HEADER);
	expect_record(r, 1, 2, "a", "b");
	expect_record(r, 2, 2, "1", "2");
	expect_record(r, 4, 2, "x\ry", "3");
	expect_record(r, 6, 2, "4", "5");
	expect_end(r);
	csv_close(r);
}

/* A spreadsheet saved as CSV keeps rows it once had as ",,,,": they hold
 * nothing and are skipped, wherever they are, whatever their width. */
static void rows_of_empty_fields_only_are_skipped(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("a,b,c\r\n1,2,3\r\n,,\r\n\"\",,\r\n4,,\r\n,,,,\r\n,,\r\n",
				     CSV_HEADER);
	expect_record(r, 1, 3, "a", "b", "c");
	expect_record(r, 2, 3, "1", "2", "3");
	expect_record(r, 5, 3, "4", "", "");
	expect_end(r);
	csv_close(r);
}

static void empty_file_has_no_record(void **state)
{
	(void)state;
	tl_csv_reader *r = open_text("", CSV_HEADER);
	expect_end(r);
	csv_close(r);
}

/* A file the reader must refuse, and the start of the message it must
 * give: file, line (where the record or field starts) and column. */
typedef struct {
	const char *text;      /* NULL: 600 bytes with a NUL past the first 512 */
	size_t len;            /* 0: strlen(text) */
	const char *want;
} refusal;

static void refused(void **state)
{
	const refusal *f = *state;
	char *nul = NULL;

	if (!f->text) {
		nul = malloc(600);
		assert_non_null(nul);
		memset(nul, 'x', 600);
		memcpy(nul, "a,b\n1,", 6);
		nul[590] = '\0';
	}
	expect_refusal(nul ? nul : f->text, f->len ? f->len : strlen(f->text), CSV_HEADER, f->want);
	free(nul);
}

static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
static const refusal REFUSALS[] = {
	{ "a,b\n1,2\n3,\"open\nand on\n", 0, "t.csv:3: column b: a quoted field with no closing quote" },
	{ "a,b\n1,2\n3,4,5\n", 0, "t.csv:3: column 3: 3 fields where the header has 2" },
	{ "a,b,c\n1,2,3\n4\n", 0, "t.csv:3: column b: missing: 1 fields" },
	{ "a,b\n1,2 \"inch\"\n", 0, "t.csv:2: column b: a quote inside a field" },
	{ "a,b\n\"x\"y,2\n", 0, "t.csv:2: column a: text after the closing quote" },
	{ "\xFF\xFEr\0e\0f\0,\0k\0", 12, "t.csv:1: column 1: UTF-16 text, not UTF-8: save it as CSV UTF-8" },
	{ "r\0e\0f\0,\0k\0i\0n\0d\0\r\0\n\0", 20, "t.csv:1: column 1: UTF-16 text" },
	{ "PK\3\4\x14\0\6\0\x08\0\0\0!\0", 14, "t.csv:1: column 1: not a CSV file: a zip archive such as an Excel workbook" },
	{ "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, "t.csv:1: column 1: not a CSV file: an old Excel workbook" },
	{ "a,b\n1,2\n3,x\0y\n", 14, "t.csv:3: column b: a NUL byte (byte 2 of the field)" },
	{ "name,summary\nx,caf\xE9\n", 0, "t.csv:2: column summary: invalid UTF-8 (byte 0xE9" },
	{ "name,summary\nx,\"two\nlines\"\ny,\xC0\xAF\n", 0, "t.csv:4: column summary: invalid UTF-8" },
	{ "name,summary\nx,\xED\xA0\x80\n", 0, "t.csv:2: column summary: invalid UTF-8" },
	{ "name,summary\nx,\xF0\x9F\x98", 0, "t.csv:2: column summary: invalid UTF-8" },
	{ NULL, 598, "t.csv:2: column b: a NUL byte (byte 585 of the field)" },
	{ png, sizeof png - 1, "t.csv:1: column 1: not a CSV file" },
};
static const char *const REFUSAL_NAMES[] = {
	"unterminated_quote_is_refused_where_the_field_starts",
	"row_with_more_fields_than_the_header_is_refused",
	"row_with_fewer_fields_names_the_first_missing_column",
	"stray_quote_in_unquoted_field_is_refused",
	"text_after_closing_quote_is_refused",
	"utf16_with_a_byte_order_mark_says_utf16_and_how_to_save_as_utf8",
	"utf16_without_a_byte_order_mark_says_utf16",
	"an_xlsx_workbook_says_what_it_is",
	"an_xls_workbook_says_what_it_is",
	"a_nul_byte_early_in_a_text_file_is_reported_where_it_is",
	"latin1_byte_is_invalid_utf8",
	"overlong_form_is_invalid_utf8_on_the_record_s_line",
	"surrogate_is_invalid_utf8",
	"truncated_sequence_at_end_of_file_is_invalid_utf8",
	"nul_byte_is_refused",
	"binary_file_is_not_a_csv",
};

/* Writes fields to memory and returns the bytes (caller frees). */
static char *write_to_string(const char *const *fields, size_t n, bool guard)
{
	char *out = NULL;
	size_t len = 0;
	tl_err err = { { 0 } };
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	assert_int_equal(csv_write_record(f, fields, n, guard, &err), TL_OK);
	fclose(f);
	return out;
}

static void writer_quotes_only_what_needs_it_and_ends_with_crlf(void **state)
{
	(void)state;
	const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "'Tis", "=1+1" };
	char *out = write_to_string(fields, 8, false);
	assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,'Tis,=1+1\r\n");
	free(out);
	out = write_to_string(fields, 8, true);
	assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,'Tis,'=1+1\r\n");
	free(out);
}

/* LibreOffice and Excel may split on ';' or a tab as well as ','
 * (SPEC 7): a cell holding one is quoted, so that it stays one cell and
 * its guard stays in front of it (issue 17's repros). */
static void writer_quotes_every_separator_a_spreadsheet_may_split_on(void **state)
{
	(void)state;
	const char *fields[] = { "They never called;=2+2*10", "\t=3+3", "a\tb", "plain" };
	char *out = write_to_string(fields, 4, true);
	assert_string_equal(out, "\"They never called;=2+2*10\",\"'\t=3+3\",\"a\tb\",plain\r\n");
	free(out);
	assert_true(csv_needs_quotes("a;b"));
	assert_true(csv_needs_quotes("\t"));
	assert_false(csv_needs_quotes("a b"));
}

static void guard_adds_one_quote_before_formula_starts_only(void **state)
{
	(void)state;
	assert_true(csv_needs_guard("=SUM(A1)"));
	assert_true(csv_needs_guard("+44 116"));
	assert_true(csv_needs_guard("-1"));
	assert_true(csv_needs_guard("@me"));
	assert_true(csv_needs_guard("\tx"));
	assert_true(csv_needs_guard("\rx"));
	assert_true(csv_needs_guard("'\r"));
	assert_true(csv_needs_guard("'=x"));
	assert_true(csv_needs_guard("''"));
	assert_false(csv_needs_guard("'Tis the season"));
	assert_false(csv_needs_guard("'"));
	assert_false(csv_needs_guard(""));
	assert_false(csv_needs_guard("a=b"));
	assert_string_equal(csv_unguard("'Tis"), "'Tis");
	assert_string_equal(csv_unguard("'"), "'");
	assert_string_equal(csv_unguard("'=x"), "=x");
	assert_string_equal(csv_unguard("'''"), "''");
}

/* Pieces strings are built from: formula starters, quotes, separators,
 * line breaks, words in several scripts, and U+FEFF (which at the start
 * of a file would be read as a byte order mark). */
static const char *const PIECES[] = {
	"", "'", "''", "=", "+", "-", "@", "\t", "\"", ",", "\r\n", "\n", "\r",
	" ", "Tis", "=HYPERLINK(\"x\")", "😀", "👩🏽‍🦱", "ગુજરાતી", "مرحبا",
	"Zażółć gęślą jaźń", "£12.50", "a;b", "O'Brien", "\"\"", "\xEF\xBB\xBF",
};
#define N_PIECES (sizeof PIECES / sizeof PIECES[0])

/* export -> import -> export must give the same bytes, and import must
 * give back the original string. */
static void check_round_trip(const char *s)
{
	const char *one[] = { s, "end" };
	char *first = write_to_string(one, 2, true);
	tl_csv_reader *r = NULL;
	tl_err err = { { 0 } };
	bool got = false;

	assert_int_equal(csv_open_mem("t.csv", first, strlen(first), CSV_UNGUARD, &r, &err), TL_OK);
	assert_int_equal(csv_next(r, &got, &err), TL_OK);
	assert_true(got);
	assert_int_equal(csv_nfields(r), 2);
	if (strcmp(csv_field(r, 0, NULL), s) != 0)
		fail_msg("import changed [%s] into [%s]", s, csv_field(r, 0, NULL));
	const char *back[] = { csv_field(r, 0, NULL), csv_field(r, 1, NULL) };
	char *second = write_to_string(back, 2, true);
	assert_string_equal(first, second);
	free(first);
	free(second);
	csv_close(r);
}

static void export_import_export_is_exact_for_every_string(void **state)
{
	(void)state;
	char s[512];
	unsigned long long x = 0x9E3779B97F4A7C15ULL;

	/* Every pair of pieces, then many longer strings drawn at random
	 * (a fixed seed, so a failure can be repeated). */
	for (size_t i = 0; i < N_PIECES; i++)
		for (size_t j = 0; j < N_PIECES; j++) {
			snprintf(s, sizeof s, "%s%s", PIECES[i], PIECES[j]);
			check_round_trip(s);
		}
	for (int n = 0; n < 5000; n++) {
		size_t used = 0, parts;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		parts = 1 + x % 6;
		s[0] = '\0';
		for (size_t k = 0; k < parts; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			const char *p = PIECES[x % N_PIECES];
			size_t len = strlen(p);
			if (used + len >= sizeof s)
				break;
			memcpy(s + used, p, len + 1);
			used += len;
		}
		check_round_trip(s);
	}
}

static void printable_escapes_control_bytes_and_cuts_long_values(void **state)
{
	(void)state;
	char out[64];
	csv_printable("a\nb", out, sizeof out);
	assert_string_equal(out, "a\\x0Ab");
	csv_printable("ગુજરાતી ગુજરાતી ગુજરાતી", out, sizeof out);
	assert_true(text_utf8_valid(out, strlen(out), NULL));
	assert_non_null(strstr(out, "..."));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_records_end_at_lf_or_crlf),
		cmocka_unit_test(quoted_fields_keep_commas_quotes_and_line_breaks_byte_for_byte),
		cmocka_unit_test(header_names_columns_and_empty_lines_are_skipped),
		cmocka_unit_test(empty_file_has_no_record),
		cmocka_unit_test(carriage_return_alone_ends_a_line),
		cmocka_unit_test(rows_of_empty_fields_only_are_skipped),
		cmocka_unit_test(writer_quotes_every_separator_a_spreadsheet_may_split_on),
		cmocka_unit_test(writer_quotes_only_what_needs_it_and_ends_with_crlf),
		cmocka_unit_test(guard_adds_one_quote_before_formula_starts_only),
		cmocka_unit_test(export_import_export_is_exact_for_every_string),
		cmocka_unit_test(printable_escapes_control_bytes_and_cuts_long_values),
	};
	struct CMUnitTest refusals[sizeof REFUSALS / sizeof REFUSALS[0]];
	int failed;

	for (size_t i = 0; i < sizeof REFUSALS / sizeof REFUSALS[0]; i++)
		refusals[i] = (struct CMUnitTest){ REFUSAL_NAMES[i], refused, NULL, NULL,
						   (void *)&REFUSALS[i] };
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	return failed + cmocka_run_group_tests_name("refusals", refusals, NULL, NULL);
}
