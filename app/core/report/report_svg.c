/* report_svg.c - the inline SVG bar chart beside a report table: one group
 * of horizontal bars per row, one bar per compared column (last year and
 * this year, or three years of costs), the latest in the darkest colour.
 * Pure SVG, no script or font files, so the page stays self-contained.
 * WCAG 2.2: every bar has at least 3:1 contrast against the white ground
 * (1.4.11), and each bar is labelled with its year or column on its left,
 * so colour is never the only way to tell them apart (1.4.1); the legend
 * wraps to the chart's width and is never cut. */
#include <stdlib.h>
#include <string.h>
#include "report_private.h"

#define LABEL_H 13
#define BAR_H 10
#define GAP 7
#define LEGEND_LINE 14
#define BAR_X 4
#define BAR_MAX 150
#define SVG_MAX_W 330
/* Widths are estimated, never measured (no font is read): generous for
 * DejaVu Sans, whose widest common letters take 0.64 em, so that text
 * always fits in the room given to it. */
#define CHAR_W9 6  /* a character at 9 px, labels and legend */
#define CHAR_W8 5  /* at 8 px: the bars' own labels and values */

/* Oldest to newest; against white: 4.68:1, 3.70:1, 8.66:1. The two
 * latest are blue and orange, told apart with any colour vision. */
static const char *const COLOURS[] = { "#647687", "#c96d00", "#1f4e79" };

static double cell_number(const tl_report_table *t, size_t row, size_t col)
{
	double v = strtod(t->cells[row * t->n_cols + col], NULL);
	return v > 0 ? v : 0;
}

/* Series i of n: the last is always the darkest (this year). */
static const char *colour(size_t i, size_t n)
{
	return COLOURS[3 - n + i];
}

static const char *series_name(const tl_report_table *t, size_t i)
{
	size_t c = t->chart[i];
	return t->columns ? t->columns[c] : t->header[c];
}

/* Characters of UTF-8 text (continuation bytes do not count). */
static int text_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A bar's value as the table beside it shows it (pounds with £). */
static const char *value_text(const tl_report_table *t, size_t row, size_t col, char *buf,
			      size_t cap)
{
	if (report_cell_kind(t, row, col) != REPORT_CELL_MONEY)
		return t->cells[row * t->n_cols + col];
	report_money_text(t->cells[row * t->n_cols + col], buf, cap);
	return buf;
}

typedef struct {
	int width, gutter, height, legend_h, row_h, label_max;
	double max;
} chart_box;

/* The legend's lines when laid out in width: one key a series, wrapping
 * before a key that would not fit. Draws them when f is given. */
static int legend(const tl_report_table *t, int width, FILE *f)
{
	int x = BAR_X, lines = 1;
	for (size_t i = 0; i < t->n_chart; i++) {
		const char *name = series_name(t, i);
		int w = 14 + text_chars(name) * CHAR_W9 + 10;
		if (x > BAR_X && x + w > width) {
			x = BAR_X;
			lines++;
		}
		if (f) {
			int y = 4 + (lines - 1) * LEGEND_LINE;
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
				"<text x=\"%d\" y=\"%d\">", x, y, colour(i, t->n_chart), x + 14, y + 9);
			report_html_escape(f, name);
			fputs("</text>\n", f);
		}
		x += w;
	}
	return lines;
}

static chart_box measure(const tl_report_table *t)
{
	chart_box b = { 0 };
	int values = 0, labels = 0;
	for (size_t i = 0; i < t->n_chart; i++)
		if (text_chars(series_name(t, i)) > b.gutter)
			b.gutter = text_chars(series_name(t, i));
	for (size_t r = 0; r < t->n_rows; r++) {
		const char *label = t->labels && t->labels[r] ? t->labels[r] : t->cells[r * t->n_cols];
		if (text_chars(label) > labels)
			labels = text_chars(label);
		for (size_t i = 0; i < t->n_chart; i++) {
			size_t c = t->chart[i];
			char buf[64];
			if (text_chars(value_text(t, r, c, buf, sizeof buf)) > values)
				values = text_chars(value_text(t, r, c, buf, sizeof buf));
			if (cell_number(t, r, c) > b.max)
				b.max = cell_number(t, r, c);
		}
	}
	b.gutter = b.gutter * CHAR_W8 + 6;
	b.width = BAR_X + b.gutter + BAR_MAX + 3 + values * CHAR_W8 + 4;
	if (BAR_X + labels * CHAR_W9 + 4 > b.width)
		b.width = BAR_X + labels * CHAR_W9 + 4;
	if (b.width > SVG_MAX_W)
		b.width = SVG_MAX_W;
	b.label_max = (b.width - BAR_X - 4) / CHAR_W9;
	b.legend_h = legend(t, b.width, NULL) * LEGEND_LINE + 8;
	b.row_h = LABEL_H + (int)t->n_chart * (BAR_H + 1) + GAP;
	b.height = b.legend_h + (int)t->n_rows * b.row_h;
	return b;
}

/* A row's name, cut with an ellipsis where the chart is too narrow (the
 * table beside it has it whole). */
static void row_label(const char *label, int max, FILE *f)
{
	if (text_chars(label) <= max) {
		report_html_escape(f, label);
		return;
	}
	char cut[SVG_MAX_W];
	size_t used = 0;
	int chars = 0;
	for (const char *s = label; *s && used + 4 < sizeof cut; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80 && ++chars > max - 1)
			break;
		cut[used++] = *s;
	}
	cut[used] = '\0';
	report_html_escape(f, cut);
	fputs("…", f);
}

static void row_bars(const tl_report_table *t, size_t r, const chart_box *b, int y, FILE *f)
{
	const char *label = t->labels && t->labels[r] ? t->labels[r] : t->cells[r * t->n_cols];
	int x0 = BAR_X + b->gutter;
	char buf[64];

	fprintf(f, "<text x=\"%d\" y=\"%d\">", BAR_X, y + 10);
	row_label(label, b->label_max, f);
	fputs("</text>\n", f);
	y += LABEL_H;
	for (size_t i = 0; i < t->n_chart; i++, y += BAR_H + 1) {
		double v = cell_number(t, r, t->chart[i]);
		int w = b->max > 0 ? (int)(v / b->max * BAR_MAX + 0.5) : 0;
		fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"v\">", BAR_X, y + 8);
		report_html_escape(f, series_name(t, i));
		fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
			"<text x=\"%d\" y=\"%d\" class=\"v\">", x0, y, w ? w : 1, BAR_H,
			colour(i, t->n_chart), x0 + (w ? w : 1) + 3, y + 8);
		report_html_escape(f, value_text(t, r, t->chart[i], buf, sizeof buf));
		fputs("</text>\n", f);
	}
}

void report_svg_chart(const tl_report_table *t, FILE *f)
{
	chart_box b = measure(t);

	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", b.width, b.height, b.width,
		b.height);
	report_html_escape(f, t->title);
	fputs(": bar chart\" font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"9\" "
	      "fill=\"#1b1b1b\"><style>.v{font-size:8px}</style>\n", f);
	legend(t, b.width, f);
	for (size_t r = 0; r < t->n_rows; r++)
		row_bars(t, r, &b, b.legend_h + (int)r * b.row_h, f);
	fputs("</svg>\n", f);
}
