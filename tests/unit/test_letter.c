/* test_letter.c - the template language of letters (letter_template.c):
 * fields, ifs with else and nesting, lines of a block tag alone dropped,
 * comments, and every mistake named by file and line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "letter/letter_private.h"

static letter_fields FS;

static void set(const char *name, const char *value)
{
	letter_value *f = &FS.f[FS.n++];
	f->name = name;
	snprintf(f->value, sizeof f->value, "%s", value);
}

static int setup(void **state)
{
	(void)state;
	FS.n = 0;
	set("dear", "Anna <Nowak>");
	set("extended", "yes");
	set("responded", "");
	set("due", "7 January 2026");
	return 0;
}

/* The template filled; *rc gets the status. The caller frees. */
static char *fill(const char *src, int *rc, tl_err *err)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	*rc = letter_template_fill(src, "t.txt", &FS, f, err);
	fclose(f);
	return out;
}

static void expect(const char *src, const char *want)
{
	tl_err err = { "" };
	int rc;
	char *got = fill(src, &rc, &err);
	if (rc != TL_OK)
		fail_msg("refused: %s", err.msg);
	assert_string_equal(got, want);
	free(got);
}

static void refused(const char *src, const char *why)
{
	tl_err err = { "" };
	int rc;
	free(fill(src, &rc, &err));
	assert_int_equal(rc, TL_EINVAL);
	if (!strstr(err.msg, why))
		fail_msg("'%s' does not say '%s'", err.msg, why);
}

static void fields_are_filled_as_plain_text(void **state)
{
	(void)state;
	expect("Dear {{dear}},\nby {{ due }}.\n", "Dear Anna <Nowak>,\nby 7 January 2026.\n");
	expect("no newline at the end {{due}}", "no newline at the end 7 January 2026");
}

static void if_keeps_text_only_when_the_field_is_not_empty(void **state)
{
	(void)state;
	expect("a{{if extended}} extended{{end}}{{if responded}} answered{{end}}.\n", "a extended.\n");
	expect("{{if !responded}}open{{else}}answered{{end}}\n", "open\n");
	expect("{{if responded}}answered{{else}}open{{end}}\n", "open\n");
}

static void a_line_of_one_block_tag_is_dropped_whole(void **state)
{
	(void)state;
	expect("{{# a comment }}\nA\n  {{if extended}}\nB\n{{else}}\nC\n{{end}}\nD\n", "A\nB\nD\n");
}

static void ifs_nest_and_a_hidden_branch_hides_its_inner_ones(void **state)
{
	(void)state;
	expect("{{if responded}}\n{{if extended}}\nX\n{{else}}\nY\n{{end}}\n{{else}}\nZ\n{{end}}\n",
	       "Z\n");
	expect("{{if extended}}\n{{if !responded}}\nX\n{{else}}\nY\n{{end}}\n{{end}}\n", "X\n");
}

static void mistakes_name_the_file_and_line(void **state)
{
	(void)state;
	refused("ok\nDear {{nmae}}\n", "t.txt:2: '{{nmae}}' names no field");
	refused("{{if nmae}}x{{end}}\n", "t.txt:1: '{{nmae}}' names no field");
	refused("a\nb {{due\n", "t.txt:2: '{{' without '}}' on the same line");
	refused("{{end}}\n", "t.txt:1: {{end}} without an {{if}}");
	refused("{{if due}}a{{else}}b{{else}}c{{end}}\n", "t.txt:1: a second {{else}} in one {{if}}");
	refused("{{if due}}\nopen\n", "t.txt: an {{if}} has no {{end}}");
	refused("{{Due}}\n", "names no field");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(fields_are_filled_as_plain_text, setup),
		cmocka_unit_test_setup(if_keeps_text_only_when_the_field_is_not_empty, setup),
		cmocka_unit_test_setup(a_line_of_one_block_tag_is_dropped_whole, setup),
		cmocka_unit_test_setup(ifs_nest_and_a_hidden_branch_hides_its_inner_ones, setup),
		cmocka_unit_test_setup(mistakes_name_the_file_and_line, setup),
	};
	return cmocka_run_group_tests_name("letter", tests, NULL, NULL);
}
