/* report_notes.c - the author's commentary (tellus report --notes FILE): a
 * Markdown file with one "## " heading per section of the report, matched
 * to the sections of reports/report.tmpl that hold a {{notes}} line and
 * placed there in HTML and Markdown (report_markdown.c renders it). A
 * heading that names no section, or one twice, is refused with the list
 * of the headings that do. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "report_private.h"

#define NOTES_MAX_BYTES (1024 * 1024)

struct tl_report_notes {
	char *body[REPORT_MAX_SECTIONS]; /* the notes of each section, or NULL */
};

/* The heading of a template line "## 2. Complaints ... {{year}}" as a
 * notes file writes it: directives left out, spaces single, trimmed. */
static void heading_key(const char *s, size_t len, char *out, size_t cap)
{
	size_t used = 0;
	for (size_t i = 0; i < len && used + 1 < cap; i++) {
		if (!strncmp(s + i, "{{", 2) && strstr(s + i, "}}")) {
			i = (size_t)(strstr(s + i, "}}") - s) + 1;
			continue;
		}
		if (s[i] == ' ' && (used == 0 || out[used - 1] == ' '))
			continue;
		out[used++] = s[i];
	}
	while (used && out[used - 1] == ' ')
		used--;
	out[used] = '\0';
}

size_t report_template_sections(char keys[][REPORT_KEY_MAX], size_t cap)
{
	const char *s = report_template_text();
	char cur[REPORT_KEY_MAX] = "";
	size_t n = 0;

	while (*s) {
		size_t len = strcspn(s, "\n");
		if (len > 3 && !strncmp(s, "## ", 3))
			heading_key(s + 3, len - 3, cur, sizeof cur);
		else if (len == 9 && !strncmp(s, "{{notes}}", 9) && n < cap)
			snprintf(keys[n++], REPORT_KEY_MAX, "%s", cur);
		s += len + (s[len] == '\n');
	}
	return n;
}

void report_note_sections(void (*fn)(const char *heading, void *arg), void *arg)
{
	char keys[REPORT_MAX_SECTIONS][REPORT_KEY_MAX];
	size_t n = report_template_sections(keys, REPORT_MAX_SECTIONS);
	for (size_t i = 0; i < n; i++)
		fn(keys[i], arg);
}

/* For matching: lower case, single spaces, no final full stop, and no
 * year at the end ("3. Complaints resolved 2025/26" names section 3). */
static void normalise(const char *s, char *out, size_t cap)
{
	size_t used = 0;
	for (; *s && used + 1 < cap; s++) {
		char c = (char)tolower((unsigned char)*s);
		if (isspace((unsigned char)c) && (used == 0 || out[used - 1] == ' '))
			continue;
		out[used++] = isspace((unsigned char)c) ? ' ' : c;
	}
	while (used && (out[used - 1] == ' ' || out[used - 1] == '.'))
		used--;
	out[used] = '\0';
	char *last = strrchr(out, ' ');
	if (last && strlen(last + 1) >= 7 && strspn(last + 1, "0123456789") == 4 &&
	    strchr("/-", last[5]) && strspn(last + 6, "0123456789") == strlen(last + 6))
		*last = '\0';
}

static int find_section(char keys[][REPORT_KEY_MAX], size_t n, const char *heading)
{
	char a[REPORT_KEY_MAX], b[REPORT_KEY_MAX];
	normalise(heading, a, sizeof a);
	for (size_t i = 0; i < n; i++) {
		normalise(keys[i], b, sizeof b);
		if (!strcmp(a, b))
			return (int)i;
	}
	return -1;
}

static int read_all(const char *path, char **out, tl_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0;

	if (!f)
		return err_set(err, TL_EIO, "%s: %s", path, strerror(errno));
	if (!(buf = malloc(NOTES_MAX_BYTES + 1))) {
		fclose(f);
		return err_set(err, TL_ENOMEM, "%s: out of memory", path);
	}
	n = fread(buf, 1, NOTES_MAX_BYTES + 1, f);
	bool bad = ferror(f);
	fclose(f);
	if (bad || n > NOTES_MAX_BYTES) {
		free(buf);
		return bad ? err_set(err, TL_EIO, "%s: cannot be read", path)
			   : err_set(err, TL_EINVAL, "%s: notes of over %d bytes", path, NOTES_MAX_BYTES);
	}
	buf[n] = '\0';
	size_t at;
	if (strlen(buf) != n || !text_utf8_valid(buf, n, &at)) {
		long line = 1;
		at = strlen(buf) != n ? strlen(buf) : at;
		for (size_t i = 0; i < at; i++)
			line += buf[i] == '\n';
		free(buf);
		return err_set(err, TL_EINVAL, "%s:%ld: not UTF-8 text", path, line);
	}
	*out = buf;
	return TL_OK;
}

static void list_sections(char keys[][REPORT_KEY_MAX], size_t n, char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? "; " : "", keys[i]);
}

/* Appends line (len bytes and a newline) to *body. */
static int append(char **body, const char *line, size_t len)
{
	size_t have = *body ? strlen(*body) : 0;
	char *more = realloc(*body, have + len + 2);
	if (!more)
		return TL_ENOMEM;
	memcpy(more + have, line, len);
	more[have + len] = '\n';
	more[have + len + 1] = '\0';
	*body = more;
	return TL_OK;
}

static int parse(struct tl_report_notes *nt, const char *path, const char *text, tl_err *err)
{
	char keys[REPORT_MAX_SECTIONS][REPORT_KEY_MAX], list[400], heading[REPORT_KEY_MAX];
	size_t n = report_template_sections(keys, REPORT_MAX_SECTIONS);
	long line = 0, first[REPORT_MAX_SECTIONS] = { 0 };
	int cur = -1;

	for (const char *s = text; *s; ) {
		size_t len = strcspn(s, "\n"), n_ = len && s[len - 1] == '\r' ? len - 1 : len;
		const char *next = s + len + (s[len] == '\n');
		line++;
		if (n_ >= 3 && !strncmp(s, "## ", 3)) {
			snprintf(heading, sizeof heading, "%.*s", (int)(n_ - 3), s + 3);
			if ((cur = find_section(keys, n, heading)) < 0) {
				list_sections(keys, n, list, sizeof list);
				return err_set(err, TL_EINVAL, "%s:%ld: '## %.40s' is not a section of "
					       "the report; the sections are: %s", path, line, heading, list);
			}
			if (first[cur])
				return err_set(err, TL_EINVAL, "%s:%ld: '## %.40s' is given twice (first "
					       "on line %ld)", path, line, heading, first[cur]);
			first[cur] = line;
			if (append(&nt->body[cur], "", 0))
				return err_set(err, TL_ENOMEM, "%s: out of memory", path);
		} else if (n_ >= 2 && !strncmp(s, "# ", 2)) {
			return err_set(err, TL_EINVAL, "%s:%ld: a '# ' heading; the notes use '## ' "
				       "for the report's sections and '### ' within them", path, line);
		} else if (cur < 0 && s[strspn(s, " \t\r")] != '\n' && s[strspn(s, " \t\r")]) {
			return err_set(err, TL_EINVAL, "%s:%ld: text before the first '## ' heading; "
				       "each part of the notes goes under its section's heading", path,
				       line);
		} else if (cur >= 0 && append(&nt->body[cur], s, n_)) {
			return err_set(err, TL_ENOMEM, "%s: out of memory", path);
		}
		s = next;
	}
	return TL_OK;
}

int report_notes_load(tl_report *r, const char *path, tl_err *err)
{
	struct tl_report_notes *nt = calloc(1, sizeof *nt);
	char *text = NULL;
	int rc;

	if (!nt)
		return err_set(err, TL_ENOMEM, "%s: out of memory", path);
	if ((rc = read_all(path, &text, err)) || (rc = parse(nt, path, text, err))) {
		report_notes_free(nt);
	} else {
		report_notes_free(r->notes);
		r->notes = nt;
	}
	free(text);
	return rc;
}

void report_notes_free(struct tl_report_notes *nt)
{
	for (size_t i = 0; nt && i < REPORT_MAX_SECTIONS; i++)
		free(nt->body[i]);
	free(nt);
}

bool report_notes_given(const tl_report *r, size_t section)
{
	return r->notes && section < REPORT_MAX_SECTIONS && r->notes->body[section] &&
	       r->notes->body[section][strspn(r->notes->body[section], " \t\n")];
}

/* The notes of a section; without a notes file, a marked place for them
 * that names the heading to write them under. */
void report_notes_put(const tl_report *r, size_t section, bool md, FILE *f)
{
	char keys[REPORT_MAX_SECTIONS][REPORT_KEY_MAX];
	size_t n = report_template_sections(keys, REPORT_MAX_SECTIONS);

	if (report_notes_given(r, section)) {
		fputs(md ? "" : "<div class=\"notes\">\n", f);
		report_markdown(f, r->notes->body[section], md);
		fputs(md ? "" : "</div>\n", f);
	} else if (!r->notes && section < n) {
		if (md) {
			fputs("> **Commentary:** to be written (`tellus report --notes FILE`, under "
			      "the heading `## ", f);
			fputs(keys[section], f);
			fputs("`).\n\n", f);
		} else {
			fputs("<div class=\"notes-todo\"><p><strong>Commentary:</strong> to be written "
			      "(<code>tellus report --notes FILE</code>, under the heading <code>## ", f);
			report_html_escape(f, keys[section]);
			fputs("</code>).</p></div>\n", f);
		}
	}
}
