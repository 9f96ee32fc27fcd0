/* report_markdown.c - the author's commentary (--notes) rendered from the
 * small Markdown subset reports/README.md lists: paragraphs, "- " or "* "
 * and "1. " lists, "### " and "#### " headings, **strong**, *emphasis* or
 * _emphasis_, and backslash escapes. Everything else is text: HTML in the
 * notes is shown, never run, and Markdown output is escaped the same way
 * as the report's own values, so both formats say the same thing. */
#include <ctype.h>
#include <string.h>
#include "report_private.h"

typedef enum { B_NONE, B_PARA, B_UL, B_OL } block;

typedef struct {
	FILE *f;
	bool md;
	block open;
	int item;  /* number of the next ordered item in Markdown */
} md_ctx;

static void put_text(md_ctx *m, const char *s, size_t n)
{
	char buf[2] = { 0 };
	for (size_t i = 0; i < n; i++) {
		buf[0] = s[i];
		if (m->md)
			report_md_escape(m->f, buf);
		else
			report_html_escape(m->f, buf);
	}
}

static bool word_char(const char *start, const char *end, const char *p)
{
	return p >= start && p < end && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80);
}

/* The closing marker of a span opened at p (marker of len 1 or 2), or
 * NULL. "_" opens and closes only at a word's edge, so snake_case and
 * file_names stay as they are; a marker next to a space opens nothing. */
static const char *span_end(const char *start, const char *end, const char *p, const char *mk,
			    size_t len)
{
	if (p + len >= end || isspace((unsigned char)p[len]))
		return NULL;
	if (mk[0] == '_' && word_char(start, end, p - 1))
		return NULL;
	for (const char *q = p + len + 1; q + len <= end; q++) {
		if (*q == '\\') {
			q++;
			continue;
		}
		if (strncmp(q, mk, len) || isspace((unsigned char)q[-1]))
			continue;
		if (len == 1 && ((q + 1 < end && q[1] == mk[0]) || q[-1] == mk[0]))
			continue;  /* part of a "**" */
		if (mk[0] == '_' && word_char(start, end, q + 1))
			continue;
		return q;
	}
	return NULL;
}

/* One line's text with its emphasis. */
static void inline_text(md_ctx *m, const char *s, const char *end)
{
	const char *start = s, *run = s;
	while (s < end) {
		if (*s == '\\' && s + 1 < end && ispunct((unsigned char)s[1])) {
			put_text(m, run, (size_t)(s - run));
			put_text(m, s + 1, 1);
			s += 2, run = s;
			continue;
		}
		size_t len = (*s == '*' && s + 1 < end && s[1] == '*') ? 2 :
			     (*s == '*' || *s == '_') ? 1 : 0;
		const char *close = len ? span_end(start, end, s, s, len) : NULL;
		if (!close) {
			s += len ? len : 1;
			continue;
		}
		put_text(m, run, (size_t)(s - run));
		const char *tag = len == 2 ? "strong" : "em";
		if (m->md)
			fputs(len == 2 ? "**" : "*", m->f);
		else
			fprintf(m->f, "<%s>", tag);
		inline_text(m, s + len, close);
		if (m->md)
			fputs(len == 2 ? "**" : "*", m->f);
		else
			fprintf(m->f, "</%s>", tag);
		s = close + len, run = s;
	}
	put_text(m, run, (size_t)(s - run));
}

static void close_block(md_ctx *m)
{
	static const char *const HTML_END[] = { "", "</p>\n", "</ul>\n", "</ol>\n" };
	if (m->open == B_NONE)
		return;
	fputs(m->md ? (m->open == B_PARA ? "\n\n" : "\n") : HTML_END[m->open], m->f);
	m->open = B_NONE;
}

/* "1. ", "12. ": the length of an ordered item's marker, or 0. */
static size_t ordered_marker(const char *s, size_t len)
{
	size_t d = 0;
	while (d < len && d < 4 && isdigit((unsigned char)s[d]))
		d++;
	return d && d + 1 < len && s[d] == '.' && s[d + 1] == ' ' ? d + 2 : 0;
}

static void list_item(md_ctx *m, block kind, const char *s, const char *end)
{
	if (m->open != kind) {
		close_block(m);
		if (!m->md)
			fputs(kind == B_UL ? "<ul>\n" : "<ol>\n", m->f);
		m->open = kind;
		m->item = 1;
	}
	if (m->md && kind == B_OL)
		fprintf(m->f, "%d. ", m->item++);
	else
		fputs(m->md ? "- " : "<li>", m->f);
	inline_text(m, s, end);
	fputs(m->md ? "\n" : "</li>\n", m->f);
}

static void one_line(md_ctx *m, const char *s, size_t len)
{
	size_t lead = 0, ord;
	while (lead < len && lead < 3 && s[lead] == ' ')
		lead++;
	s += lead, len -= lead;
	if (len == 0) {
		close_block(m);
	} else if ((len > 4 && !strncmp(s, "### ", 4)) || (len > 5 && !strncmp(s, "#### ", 5))) {
		int level = s[3] == '#' ? 4 : 3;
		close_block(m);
		if (m->md)
			fprintf(m->f, "%.*s ", level, "####");
		else
			fprintf(m->f, "<h%d>", level);
		inline_text(m, s + level + 1, s + len);
		if (m->md)
			fputs("\n\n", m->f);
		else
			fprintf(m->f, "</h%d>\n", level);
	} else if (len > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
		list_item(m, B_UL, s + 2, s + len);
	} else if ((ord = ordered_marker(s, len))) {
		list_item(m, B_OL, s + ord, s + len);
	} else {
		/* A paragraph's lines are joined with a space in both formats:
		 * no line of the Markdown written can then start a block. */
		if (m->open == B_PARA) {
			fputc(' ', m->f);
		} else {
			close_block(m);
			if (!m->md)
				fputs("<p>", m->f);
			m->open = B_PARA;
		}
		inline_text(m, s, s + len);
	}
}

void report_markdown(FILE *f, const char *text, bool md)
{
	md_ctx m = { f, md, B_NONE, 1 };
	while (*text) {
		size_t len = strcspn(text, "\n");
		size_t n = len && text[len - 1] == '\r' ? len - 1 : len;
		one_line(&m, text, n);
		text += len + (text[len] == '\n');
	}
	close_block(&m);
}
