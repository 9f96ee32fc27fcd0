/* test_receipt_files.c - the receipt files: PNG and SVG (rendered with
 * rsvg-convert) must scan with zbarimg to exactly the payload, for links
 * long and short and for text receipts in other scripts; the PNG's
 * geometry, the SVG's markup, the text file, and the files' mode. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <png.h>
#include "receipt_fixture.h"

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/tellus-receipt-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *path_of(const char *name)
{
	static char p[128];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

/* Runs cmd, collects its stdout (at most cap - 1 bytes, NUL added) and
 * returns its exit status. */
static int capture(const char *cmd, char *out, size_t cap, size_t *len)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	*len = fread(out, 1, cap - 1, p);
	out[*len] = '\0';
	int st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The bytes zbarimg reads from png, exactly (-Sbinary: no charset guess,
 * no newline added). */
static int scan(const char *png, char *out, size_t cap, size_t *len)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "zbarimg --raw -q -Sbinary '%s' 2>/dev/null", png);
	return capture(cmd, out, cap, len);
}

static void build(tl_receipt *r, int kind, const char *authority, const char *url)
{
	fixture_receipt(r, kind, "Children in care", authority, url, "7KQ2M-X9D4P");
}

/* Writes r as PNG and as SVG rendered to PNG; both must scan to exactly
 * its payload, and a plain zbarimg (as a person would run it) must print
 * the same text and a newline. */
static void assert_scans_to_payload(const tl_receipt *r)
{
	char *payload = NULL, got[4096], cmd[512];
	size_t len;

	assert_int_equal(receipt_payload(r, &payload, NULL), TL_OK);
	assert_int_equal(receipt_write_file(r, path_of("r.png"), NULL), TL_OK);
	assert_int_equal(scan(path_of("r.png"), got, sizeof got, &len), 0);
	assert_int_equal(len, strlen(payload));
	assert_memory_equal(got, payload, len);

	snprintf(cmd, sizeof cmd, "zbarimg --raw -q '%s' 2>/dev/null", path_of("r.png"));
	assert_int_equal(capture(cmd, got, sizeof got, &len), 0);
	assert_int_equal(len, strlen(payload) + 1);
	assert_memory_equal(got, payload, len - 1);

	assert_int_equal(receipt_write_file(r, path_of("r.svg"), NULL), TL_OK);
	snprintf(cmd, sizeof cmd, "rsvg-convert -o '%s/svg.png' '%s'", dir, path_of("r.svg"));
	assert_int_equal(system(cmd), 0);
	assert_int_equal(scan(path_of("svg.png"), got, sizeof got, &len), 0);
	assert_int_equal(len, strlen(payload));
	assert_memory_equal(got, payload, len);
	free(payload);
}

static void link_receipt_scans_to_exactly_the_link(void **state)
{
	tl_receipt r;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", "https://example.org/track");
	assert_scans_to_payload(&r);
}

static void long_link_receipt_scans_to_exactly_the_link(void **state)
{
	tl_receipt r;
	char url[RECEIPT_FIELD_MAX] = "https://complaints.example.org/children/track";
	(void)state;
	while (strlen(url) < 950)
		strcat(url, "/a-rather-long-path-segment_0123456789");
	strcat(url, "?lang=en");
	build(&r, TL_KIND_COMPLAINT, "Our council", url);
	assert_scans_to_payload(&r);
}

static void text_receipt_scans_to_exactly_the_text(void **state)
{
	tl_receipt r;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Leicestershire County Council", NULL);
	assert_scans_to_payload(&r);
	build(&r, TL_KIND_COMPLIMENT, "Leicestershire County Council", NULL);
	assert_scans_to_payload(&r);
}

/* Names and words in Gujarati, Polish and Arabic, in the authority's name
 * and in the contact details, come back byte for byte. */
static void text_receipt_in_other_scripts_scans_to_exactly_the_text(void **state)
{
	static const char *const names[] = {
		"લેસ્ટર સિટી કાઉન્સિલ — બાળકોની સંભાળ",
		"Urząd Miasta Łodzi — opieka nad dziećmi, żółć",
		"مجلس مدينة ليستر — رعاية الأطفال",
		"ગુજરાતી, polski i العربية razem",
	};
	tl_receipt r;
	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		build(&r, TL_KIND_COMPLAINT, names[i], NULL);
		snprintf(r.set.phone, sizeof r.set.phone, "%s", "٠١١٦ ٣٠٥ ٠٠٠٠");
		snprintf(r.set.email, sizeof r.set.email, "%s", "skargi@łódź.example.pl");
		assert_scans_to_payload(&r);
	}
}

/* Reads a PNG back as 8-bit grey. *px is malloc'd. */
static void read_png(const char *path, unsigned char **px, int *w, int *h)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	assert_true(png_image_begin_read_from_file(&img, path));
	img.format = PNG_FORMAT_GRAY;
	*px = malloc(PNG_IMAGE_SIZE(img));
	assert_true(png_image_finish_read(&img, NULL, *px, 0, NULL));
	*w = (int)img.width;
	*h = (int)img.height;
}

/* The PNG is the QR matrix itself, 8 pixels a module, black on white,
 * inside four white modules, with the reference in 21-pixel letters
 * under it. */
static void png_is_the_matrix_with_quiet_zone_and_reference_under_it(void **state)
{
	tl_receipt r;
	tl_qr q;
	unsigned char *px;
	int w, h, m = RECEIPT_PNG_MODULE_PX, quiet = RECEIPT_QR_QUIET;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", "https://example.org/track");
	assert_int_equal(receipt_write_file(&r, path_of("g.png"), NULL), TL_OK);
	assert_int_equal(receipt_qr_of(&r, &q, NULL), TL_OK);
	read_png(path_of("g.png"), &px, &w, &h);
	int qr_px = (q.size + 2 * quiet) * m, left = (w - qr_px) / 2;
	assert_true(m >= 6);
	assert_true(w >= qr_px);
	for (int y = 0; y < qr_px; y++)
		for (int x = 0; x < w; x++) {
			int mx = (x - left) / m - quiet, my = y / m - quiet;
			bool dark = x >= left && receipt_qr_is_dark(&q, mx, my);
			assert_int_equal(px[y * w + x], dark ? 0 : 255);
		}
	/* The reference: dark pixels only in a band 21 high and as wide as
	 * its 12 letters (6 columns each, less the last gap, times 3). */
	int x0 = w, x1 = -1, y0 = h, y1 = -1;
	for (int y = qr_px; y < qr_px + 21 + 4; y++)
		for (int x = 0; x < w; x++)
			if (px[y * w + x] == 0) {
				x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
				y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
			}
	assert_int_equal(y0, qr_px);
	assert_true(y1 - y0 + 1 <= 21);
	assert_int_equal(x1 - x0 + 1, ((int)strlen(r.ref) * 6 - 1) * 3);
	free(px);
	receipt_qr_free(&q);
}

static void reference_only_png_has_no_qr_but_the_reference(void **state)
{
	tl_receipt r;
	unsigned char *px;
	int w, h, dark = 0;
	char got[64];
	size_t len;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", "https://example.org/track");
	r.code[0] = '\0';
	assert_int_equal(receipt_write_file(&r, path_of("ro.png"), NULL), TL_OK);
	assert_int_not_equal(scan(path_of("ro.png"), got, sizeof got, &len), 0);
	assert_int_equal(len, 0);
	read_png(path_of("ro.png"), &px, &w, &h);
	for (int i = 0; i < w * h; i++)
		dark += px[i] == 0;
	assert_true(dark > 100);
	assert_true(h < 100);
	free(px);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = calloc(1, 1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* Markup in a name is escaped, control characters and broken UTF-8 are
 * dropped or replaced: the file stays well-formed XML. */
static void svg_is_one_crisp_path_and_escaped_text(void **state)
{
	tl_receipt r;
	char cmd[256];
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Smith & Jones <Council> \"A\" 'B'\x01\xff\xc3", NULL);
	assert_int_equal(receipt_write_file(&r, path_of("e.svg"), NULL), TL_OK);
	char *svg = slurp(path_of("e.svg"));
	assert_int_equal(count(svg, "<path"), 1);
	assert_non_null(strstr(svg, "shape-rendering=\"crispEdges\""));
	assert_non_null(strstr(svg, "Smith &amp; Jones &lt;Council&gt; &quot;A&quot; &apos;B&apos;"
			       "\xEF\xBF\xBD\xEF\xBF\xBD<"));
	assert_non_null(strstr(svg, ">Secret code: 7KQ2M-X9D4P<"));
	assert_null(strstr(svg, "\x01"));
	free(svg);
	snprintf(cmd, sizeof cmd, "python3 -c 'import sys,xml.dom.minidom as m; "
		 "m.parse(sys.argv[1])' '%s'", path_of("e.svg"));
	assert_int_equal(system(cmd), 0);
}

static void reference_only_svg_has_no_path_and_no_code(void **state)
{
	tl_receipt r;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", "https://example.org/track");
	r.code[0] = '\0';
	assert_int_equal(receipt_write_file(&r, path_of("ro.svg"), NULL), TL_OK);
	char *svg = slurp(path_of("ro.svg"));
	assert_int_equal(count(svg, "<path"), 0);
	assert_non_null(strstr(svg, r.ref));
	assert_null(strstr(svg, "Secret code"));
	free(svg);
}

static void txt_file_is_the_receipt_text(void **state)
{
	tl_receipt r;
	char *text = NULL;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", NULL);
	assert_int_equal(receipt_write_file(&r, path_of("r.TXT"), NULL), TL_OK);
	assert_int_equal(receipt_text(&r, &text, NULL), TL_OK);
	char *got = slurp(path_of("r.TXT"));
	assert_int_equal(strlen(got), strlen(text) + 1);
	assert_memory_equal(got, text, strlen(text));
	free(got);
	free(text);
}

static void files_are_created_for_their_owner_only(void **state)
{
	static const char *const names[] = { "m.png", "m.svg", "m.txt" };
	tl_receipt r;
	struct stat sb;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", NULL);
	for (size_t i = 0; i < 3; i++) {
		FILE *f = fopen(path_of(names[i]), "w");
		assert_non_null(f);
		fclose(f);
		assert_int_equal(chmod(path_of(names[i]), 0644), 0);
		assert_int_equal(receipt_write_file(&r, path_of(names[i]), NULL), TL_OK);
		assert_int_equal(stat(path_of(names[i]), &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0600);
		assert_true(sb.st_size > 100);
	}
}

static void unknown_format_or_unwritable_path_is_refused(void **state)
{
	tl_receipt r;
	tl_err err;
	struct stat sb;
	(void)state;
	build(&r, TL_KIND_COMPLAINT, "Our council", NULL);
	assert_int_equal(receipt_write_file(&r, path_of("r.pdf"), &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, ".png, .svg or .txt"));
	assert_int_not_equal(stat(path_of("r.pdf"), &sb), 0);
	assert_int_equal(receipt_write_file(&r, path_of("no/such/r.png"), &err), TL_EIO);
	assert_non_null(strstr(err.msg, "no/such/r.png"));
	assert_false(receipt_format_known("receipt"));
	assert_true(receipt_format_known("a.b/receipt.Svg"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(link_receipt_scans_to_exactly_the_link),
		cmocka_unit_test(long_link_receipt_scans_to_exactly_the_link),
		cmocka_unit_test(text_receipt_scans_to_exactly_the_text),
		cmocka_unit_test(text_receipt_in_other_scripts_scans_to_exactly_the_text),
		cmocka_unit_test(png_is_the_matrix_with_quiet_zone_and_reference_under_it),
		cmocka_unit_test(reference_only_png_has_no_qr_but_the_reference),
		cmocka_unit_test(svg_is_one_crisp_path_and_escaped_text),
		cmocka_unit_test(reference_only_svg_has_no_path_and_no_code),
		cmocka_unit_test(txt_file_is_the_receipt_text),
		cmocka_unit_test(files_are_created_for_their_owner_only),
		cmocka_unit_test(unknown_format_or_unwritable_path_is_refused),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
