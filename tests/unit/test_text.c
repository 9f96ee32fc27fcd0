/* test_text.c - text_escape_terminal and text_fputs_terminal (SPEC 9):
 * the repros (a CR that writes over a disclosure, a U+202E that
 * reverses an audit line), C0 and C1 controls, bidi and invisible
 * characters shown visibly, every script and emoji passed unchanged, and
 * a cut that says so. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/text.h"

static const char *esc(const char *s, int flags)
{
	static char buf[512];
	return text_escape_terminal(s, flags, buf, sizeof buf);
}

static void a_carriage_return_cannot_write_over_a_disclosure(void **state)
{
	(void)state;
	assert_string_equal(esc("My carer hits me\xE2\x80\xA6\rThank you, all sorted now.", 0),
			    "My carer hits me\xE2\x80\xA6\\rThank you, all sorted now.");
	/* In a block of lines too: only CRLF is a line break there. */
	assert_string_equal(esc("hits me\rThank you", TEXT_ESC_LINES), "hits me\\rThank you");
	assert_string_equal(esc("one\r\ntwo\nthree\tfour", TEXT_ESC_LINES), "one\ntwo\nthree\tfour");
	assert_string_equal(esc("one\r\ntwo\tx", 0), "one\\r\\ntwo\\tx");
}

static void a_right_to_left_override_cannot_reverse_a_line(void **state)
{
	(void)state;
	assert_string_equal(esc("Mickey\xE2\x80\xAE" "K2-26-0001-7", 0), "Mickey<U+202E>K2-26-0001-7");
	/* Embeddings, isolates, LRM, RLM, ALM. */
	assert_string_equal(esc("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", 0),
			    "<U+202A><U+202B><U+202C><U+202D>");
	assert_string_equal(esc("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", 0),
			    "<U+2066><U+2067><U+2068><U+2069>");
	assert_string_equal(esc("a\xE2\x80\x8E" "b\xE2\x80\x8F" "c\xD8\x9C" "d", 0),
			    "a<U+200E>b<U+200F>c<U+061C>d");
}

static void controls_c0_c1_and_del_are_shown_as_codes(void **state)
{
	(void)state;
	assert_string_equal(esc("\x1B[2Jclear", 0), "\\x1B[2Jclear");
	assert_string_equal(esc("bell\x07" "del\x7F", 0), "bell\\x07del\\x7F");
	/* U+0085 (NEL) and U+009B (CSI) are C1 controls, two bytes in UTF-8. */
	assert_string_equal(esc("a\xC2\x85" "b\xC2\x9B" "c", 0), "a<U+0085>b<U+009B>c");
}

static void invisible_characters_that_disguise_a_reference_are_shown(void **state)
{
	(void)state;
	/* Zero-width space, word joiner, BOM, soft hyphen, a tag, U+2028. */
	assert_string_equal(esc("K2\xE2\x80\x8B-26", 0), "K2<U+200B>-26");
	assert_string_equal(esc("a\xE2\x81\xA0" "b\xEF\xBB\xBF" "c\xC2\xAD" "d", 0),
			    "a<U+2060>b<U+FEFF>c<U+00AD>d");
	assert_string_equal(esc("x\xF3\xA0\x80\x81y\xE2\x80\xA8z", 0), "x<U+E0001>y<U+2028>z");
}

static void every_script_and_emoji_pass_unchanged(void **state)
{
	(void)state;
	const char *words[] = {
		"Zażółć gęślą jaźń", "ચિંતા", "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85",
		"😞 — \"Ever\"", "👩\xE2\x80\x8D👧", "Ελληνικά", "Кирилл", "back\\slash",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		assert_string_equal(esc(words[i], 0), words[i]);
}

static void bytes_that_are_not_utf8_are_shown_as_codes(void **state)
{
	(void)state;
	assert_string_equal(esc("caf\xE9!", 0), "caf\\xE9!");
	/* A character cut in half at the end of a buffer. */
	assert_string_equal(esc("ab\xE2\x80", 0), "ab\\xE2\\x80");
	assert_string_equal(esc(NULL, 0), "");
}

static void a_value_cut_short_ends_in_dots_at_a_whole_character(void **state)
{
	(void)state;
	char small[10];
	assert_string_equal(text_escape_terminal("abcdefghi", 0, small, sizeof small), "abcdefghi");
	assert_string_equal(text_escape_terminal("abcdefghij", 0, small, sizeof small), "abcdef...");
	/* An escape is never cut in half. */
	assert_string_equal(text_escape_terminal("abcd\xE2\x80\xAEx", 0, small, sizeof small),
			    "abcd...");
	assert_string_equal(text_escape_terminal("ab😞😞", 0, small, sizeof small), "ab😞...");
}

static void the_stream_writer_writes_what_the_buffer_holds(void **state)
{
	(void)state;
	char buf[256] = "";
	FILE *f = fmemopen(buf, sizeof buf, "w");
	assert_non_null(f);
	assert_int_equal(text_fputs_terminal("one\rtwo\n\xE2\x80\xAE", TEXT_ESC_LINES, f), 0);
	fclose(f);
	assert_string_equal(buf, "one\\rtwo\n<U+202E>");
}

/* A query value keeps RFC 3986's unreserved characters and encodes every
 * other byte: nothing can end the value, the link or an HTML attribute. */
static void a_query_value_is_percent_encoded(void **state)
{
	(void)state;
	char buf[256] = "";
	FILE *f = fmemopen(buf, sizeof buf, "w");
	assert_non_null(f);
	assert_int_equal(text_fputs_query("K2-26.0_1~x &=\"<ł", f), 0);
	assert_int_equal(text_fputs_query(NULL, f), 0);
	fclose(f);
	assert_string_equal(buf, "K2-26.0_1~x%20%26%3D%22%3C%C5%82");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_carriage_return_cannot_write_over_a_disclosure),
		cmocka_unit_test(a_right_to_left_override_cannot_reverse_a_line),
		cmocka_unit_test(controls_c0_c1_and_del_are_shown_as_codes),
		cmocka_unit_test(invisible_characters_that_disguise_a_reference_are_shown),
		cmocka_unit_test(every_script_and_emoji_pass_unchanged),
		cmocka_unit_test(bytes_that_are_not_utf8_are_shown_as_codes),
		cmocka_unit_test(a_value_cut_short_ends_in_dots_at_a_whole_character),
		cmocka_unit_test(the_stream_writer_writes_what_the_buffer_holds),
		cmocka_unit_test(a_query_value_is_percent_encoded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
