/* report_html.c - renders reports/report.tmpl as one self-contained HTML
 * page (inline CSS and SVG, no script, printable on A4) or as Markdown.
 * The template is a small line markup: "# " headings, "- " list items,
 * paragraphs, and {{...}} directives that insert the report's figures and
 * the author's notes; reports/README.md describes it. One template keeps
 * both formats equal. */
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "report_private.h"

typedef struct {
	const tl_report *r;
	bool md;
	FILE *f;
	bool in_list, in_para;
	size_t section; /* {{notes}} lines passed so far */
	tl_err *err;
	int rc;
} render_ctx;

static const char CSS[] =
	"@page{size:A4;margin:16mm 14mm}"
	"body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:10.5pt;"
	"color:#1b1b1b;margin:0 auto;max-width:182mm;padding:8mm 0;line-height:1.4}"
	"h1{font-size:17pt;color:#1f4e79;border-bottom:2px solid #1f4e79;padding-bottom:4px}"
	"h2{font-size:13.5pt;color:#1f4e79;margin-top:18px;break-after:avoid}"
	"h3{font-size:11.5pt;margin-bottom:4px;break-after:avoid}"
	".tbl{display:flex;gap:4mm;align-items:flex-start;flex-wrap:wrap;margin-bottom:14px;"
	"break-inside:avoid}"
	"table{border-collapse:collapse;font-size:9.5pt}"
	"th,td{border:1px solid #9aa5b1;padding:2px 6px;text-align:left}"
	"th{background:#e8eef4}td.n,th.n{text-align:right}"
	"tbody th{background:none;font-weight:normal}"
	".cap{font-weight:bold;margin:10px 0 4px;break-after:avoid}"
	".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
	"white-space:nowrap}"
	"svg{flex:none;background:#fff}.pb{break-before:page}"
	"ul.words li{margin-bottom:6px}"
	".notes-todo{border:2px dashed #595959;padding:2px 10px;color:#333;margin:10px 0}"
	"code{font-family:'DejaVu Sans Mono',monospace;font-size:9pt}"
	"@media print{body{padding:0;max-width:none}a{color:inherit}}";

void report_md_escape(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', f);
		else if (strchr("\\`*_[]<>|#", *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

void report_html_escape(FILE *f, const char *s)
{
	text_fputs_html(s, f);
}

/* A value from the data: always escaped for the format. */
static void put_value(render_ctx *cx, const char *s)
{
	if (cx->md)
		report_md_escape(cx->f, s);
	else
		report_html_escape(cx->f, s);
}

static void long_date(const char *iso, char *out, size_t cap)
{
	static const char *const MONTHS[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	int y = 0, m = 1, d = 1;
	sscanf(iso, "%d-%d-%d", &y, &m, &d);
	snprintf(out, cap, "%d %s %d", d, MONTHS[(m - 1) % 12], y);
}

/* The text of an inline directive ("year", "v summary stage1_received value"). */
static const char *inline_value(render_ctx *cx, const char *d, char *buf, size_t cap)
{
	char t[64], row[64], col[64];
	const tl_report *r = cx->r;

	if (!strcmp(d, "authority"))
		return r->authority;
	if (!strcmp(d, "year"))
		return r->label;
	if (!strcmp(d, "prev_year"))
		return r->prev_label;
	if (!strcmp(d, "from") || !strcmp(d, "to")) {
		long_date(d[0] == 'f' ? r->from : r->to, buf, cap);
		return buf;
	}
	/* v: a cell as it is; p: a percentage, with its sign. */
	if ((d[0] == 'v' || d[0] == 'p') && sscanf(d + 1, " %63s %63s %63s", t, row, col) == 3) {
		const char *v = report_cell(report_table_find(r, t), row, col);
		if (v && d[0] == 'p' && v[0])
			snprintf(buf, cap, "%s%%", v);
		if (v)
			return !v[0] ? "n/a" : d[0] == 'p' ? buf : v;
	}
	cx->rc = err_set(cx->err, TL_EINVAL, "report template: unknown value '{{%.60s}}'", d);
	return "";
}

/* Writes template text with its inline {{...}} directives expanded. */
static void expand(render_ctx *cx, const char *s, size_t len)
{
	const char *end = s + len;
	char d[256], buf[64];

	while (s < end) {
		const char *open = strstr(s, "{{");
		const char *close = open && open < end ? strstr(open, "}}") : NULL;
		size_t text = close && close < end ? (size_t)(open - s) : (size_t)(end - s);
		for (size_t i = 0; i < text; i++) {
			char one[2] = { s[i], '\0' };
			if (cx->md)
				fputc(s[i], cx->f);
			else
				report_html_escape(cx->f, one);
		}
		if (!close || close >= end)
			break;
		snprintf(d, sizeof d, "%.*s", (int)(close - open - 2), open + 2);
		put_value(cx, inline_value(cx, d, buf, sizeof buf));
		s = close + 2;
	}
}

static void end_blocks(render_ctx *cx)
{
	if (cx->in_list && !cx->md)
		fputs("</ul>\n", cx->f);
	if (cx->in_para)
		fputs(cx->md ? "\n" : "</p>\n", cx->f);
	if ((cx->in_list || cx->in_para) && cx->md)
		fputc('\n', cx->f);
	cx->in_list = cx->in_para = false;
}

/* A cell as a page shows it: the row's label in column 0, pounds with
 * their sign. buf holds what is made. */
static const char *cell_text(const tl_report_table *t, size_t row, size_t col, char *buf,
			     size_t cap)
{
	if (col == 0 && t->labels && t->labels[row])
		return t->labels[row];
	if (report_cell_kind(t, row, col) == REPORT_CELL_MONEY) {
		report_money_text(t->cells[row * t->n_cols + col], buf, cap);
		return buf;
	}
	return t->cells[row * t->n_cols + col];
}

static void table_md(render_ctx *cx, const tl_report_table *t)
{
	FILE *f = cx->f;
	char buf[64];
	fputs("**", f);
	report_md_escape(f, t->title);
	fputs("**\n\n|", f);
	for (size_t c = 0; c < t->n_cols; c++)
		fputc(' ', f), report_md_escape(f, t->columns ? t->columns[c] : t->header[c]),
			fputs(" |", f);
	fputs("\n|", f);
	for (size_t c = 0; c < t->n_cols; c++)
		fputs(c ? " ---: |" : " --- |", f);
	fputc('\n', f);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputc('|', f);
		for (size_t c = 0; c < t->n_cols; c++)
			fputc(' ', f), report_md_escape(f, cell_text(t, r, c, buf, sizeof buf)),
				fputs(" |", f);
		fputc('\n', f);
	}
	if (!t->n_rows) {
		fputs("| none |", f);
		for (size_t c = 1; c < t->n_cols; c++)
			fputs("  |", f);
		fputc('\n', f);
	}
	fputc('\n', f);
}

/* A table with its caption and header scopes (WCAG 1.3.1), and its chart
 * beside it. The caption is read out with the table; the title a reader
 * sees sits above both (a caption would stretch a narrow table to its
 * width), hidden from screen readers so that it is read once. */
static void table_html(render_ctx *cx, const tl_report_table *t)
{
	FILE *f = cx->f;
	char buf[64];
	fprintf(f, "<p class=\"cap\" aria-hidden=\"true\">");
	report_html_escape(f, t->title);
	fprintf(f, "</p>\n<div class=\"tbl\" id=\"%s\"><table>\n<caption class=\"sr\">", t->name);
	report_html_escape(f, t->title);
	fputs("</caption>\n<thead><tr>", f);
	for (size_t c = 0; c < t->n_cols; c++) {
		fputs(c ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">", f);
		report_html_escape(f, t->columns ? t->columns[c] : t->header[c]);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputs("<tr>", f);
		for (size_t c = 0; c < t->n_cols; c++) {
			fputs(c ? "<td class=\"n\">" : "<th scope=\"row\">", f);
			report_html_escape(f, cell_text(t, r, c, buf, sizeof buf));
			fputs(c ? "</td>" : "</th>", f);
		}
		fputs("</tr>\n", f);
	}
	if (!t->n_rows)
		fprintf(f, "<tr><td colspan=\"%zu\">None in this period.</td></tr>\n", t->n_cols);
	fputs("</tbody></table>\n", f);
	if (t->n_chart && t->n_rows)
		report_svg_chart(t, f);
	fputs("</div>\n", f);
}

/* The words of each row, with column 1 (who it was about) in bold. */
static void list_rows(render_ctx *cx, const tl_report_table *t)
{
	FILE *f = cx->f;
	if (!t->n_rows) {
		fputs(cx->md ? "None this year.\n\n" : "<p>None this year.</p>\n", f);
		return;
	}
	fputs(cx->md ? "" : "<ul class=\"words\">\n", f);
	for (size_t r = 0; r < t->n_rows; r++) {
		const char *who = t->n_cols > 1 ? t->cells[r * t->n_cols + 1] : "";
		fputs(cx->md ? "- " : "<li>", f);
		put_value(cx, t->cells[r * t->n_cols]);
		if (who[0]) {
			fputs(cx->md ? " – **" : " – <strong>", f);
			put_value(cx, who);
			fputs(cx->md ? "**" : "</strong>", f);
		}
		fputs(cx->md ? "\n" : "</li>\n", f);
	}
	fputs(cx->md ? "\n" : "</ul>\n", f);
}

/* A line that is only "{{table X}}", "{{list X}}" or "{{pagebreak}}". */
static bool block_directive(render_ctx *cx, const char *line, size_t len)
{
	char what[16], name[64];
	char buf[128];

	if (len < 4 || len >= sizeof buf || strncmp(line, "{{", 2) || strncmp(line + len - 2, "}}", 2))
		return false;
	snprintf(buf, sizeof buf, "%.*s", (int)(len - 4), line + 2);
	if (!strcmp(buf, "pagebreak")) {
		end_blocks(cx);
		if (!cx->md)
			fputs("<div class=\"pb\"></div>\n", cx->f);
		return true;
	}
	if (!strcmp(buf, "notes")) {
		end_blocks(cx);
		report_notes_put(cx->r, cx->section++, cx->md, cx->f);
		return true;
	}
	if (sscanf(buf, "%15s %63s", what, name) != 2 ||
	    (strcmp(what, "table") && strcmp(what, "list")))
		return false;
	end_blocks(cx);
	const tl_report_table *t = report_table_find(cx->r, name);
	if (!t)
		cx->rc = err_set(cx->err, TL_EINVAL, "report template: no table '%s'", name);
	else if (what[0] == 'l')
		list_rows(cx, t);
	else if (cx->md)
		table_md(cx, t);
	else
		table_html(cx, t);
	return true;
}

static void heading(render_ctx *cx, int level, const char *s, size_t len)
{
	end_blocks(cx);
	if (cx->md)
		fprintf(cx->f, "%.*s ", level, "###");
	else
		fprintf(cx->f, "<h%d>", level);
	expand(cx, s, len);
	if (cx->md)
		fputs("\n\n", cx->f);
	else
		fprintf(cx->f, "</h%d>\n", level);
}

static void line(render_ctx *cx, const char *s, size_t len)
{
	int level = 0;
	while (level < 3 && (size_t)level < len && s[level] == '#')
		level++;
	if (len == 0) {
		end_blocks(cx);
	} else if (level && (size_t)level < len && s[level] == ' ') {
		heading(cx, level, s + level + 1, len - (size_t)level - 1);
	} else if (block_directive(cx, s, len)) {
		return;
	} else if (len > 1 && s[0] == '-' && s[1] == ' ') {
		if (cx->in_para || !cx->in_list)
			end_blocks(cx);
		if (!cx->in_list && !cx->md)
			fputs("<ul>\n", cx->f);
		cx->in_list = true;
		fputs(cx->md ? "- " : "<li>", cx->f);
		expand(cx, s + 2, len - 2);
		fputs(cx->md ? "\n" : "</li>\n", cx->f);
	} else {
		if (cx->in_list)
			end_blocks(cx);
		fputs(cx->in_para ? (cx->md ? "\n" : " ") : (cx->md ? "" : "<p>"), cx->f);
		cx->in_para = true;
		expand(cx, s, len);
	}
}

static void page_start(render_ctx *cx)
{
	if (cx->md)
		return;
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width\">\n<title>", cx->f);
	report_html_escape(cx->f, cx->r->authority);
	fprintf(cx->f, ": complaints and compliments annual report %s</title>\n<style>%s</style>\n"
		"</head><body><main>\n", cx->r->label, CSS);
}

const char *report_template_text(void)
{
	const char *s = REPORT_TEMPLATE, *end;
	/* {{-- ... --}} at the top is the template's own comment. */
	if (!strncmp(s, "{{--", 4) && (end = strstr(s, "--}}")))
		s = end + 4 + (end[4] == '\n');
	return s;
}

/* A "## " section that holds nothing but the author's notes (and page
 * breaks) is left out when a notes file gives it none: the template has
 * places for commentary that only the author can fill. Returns where the
 * next section starts, or s itself when the section stays. */
static const char *skip_empty_section(render_ctx *cx, const char *s)
{
	const char *p = s + strcspn(s, "\n");
	size_t notes = 0, breaks = 0;
	if (!cx->r->notes)
		return s;
	while (*p && strncmp(p + 1, "## ", 3)) {
		p++;
		size_t len = strcspn(p, "\n");
		if (len == 9 && !strncmp(p, "{{notes}}", 9))
			notes++;
		else if (len == 13 && !strncmp(p, "{{pagebreak}}", 13))
			breaks++;
		else if (len)
			return s;
		p += len;
	}
	for (size_t i = 0; i < notes; i++)
		if (report_notes_given(cx->r, cx->section + i))
			return s;
	cx->section += notes;
	/* The page break is the next section's: it stays. */
	if (breaks)
		block_directive(cx, "{{pagebreak}}", 13);
	return *p ? p + 1 : p;
}

int report_render(const tl_report *r, bool md, FILE *f, tl_err *err)
{
	render_ctx cx = { r, md, f, false, false, 0, err, TL_OK };
	const char *s = report_template_text();

	page_start(&cx);
	while (*s && cx.rc == TL_OK) {
		if (!strncmp(s, "## ", 3)) {
			const char *next = skip_empty_section(&cx, s);
			if (next != s) {
				s = next;
				continue;
			}
		}
		size_t len = strcspn(s, "\n");
		line(&cx, s, len);
		s += len + (s[len] == '\n');
	}
	end_blocks(&cx);
	if (!md)
		fputs("</main></body></html>\n", f);
	return cx.rc;
}
