/* report_svg.c - the inline SVG bar chart beside a report table: one group
 * of horizontal bars per row, one bar per compared column (last year and
 * this year, or three years of costs), the latest in the darkest colour.
 * Pure SVG, no script or font files, so the page stays self-contained. */
#include <stdlib.h>
#include <string.h>
#include "report_private.h"

#define SVG_W 220
#define LABEL_H 13
#define BAR_H 10
#define GAP 7
#define LEGEND_H 22
#define BAR_X 4
#define BAR_MAX 160

static const char *const COLOURS[] = { "#c5ced8", "#8fa1b3", "#1f4e79" };

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

/* One key a series, placed after the previous one's text (about 5.5
 * pixels a character at this size), so long headings never overlap. */
static void legend(const tl_report_table *t, FILE *f)
{
	int x = BAR_X;
	for (size_t i = 0; i < t->n_chart; i++) {
		size_t c = t->chart[i];
		const char *name = t->columns ? t->columns[c] : t->header[c];
		fprintf(f, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>"
			"<text x=\"%d\" y=\"13\">", x, colour(i, t->n_chart), x + 14);
		report_html_escape(f, name);
		fputs("</text>\n", f);
		x += 14 + (int)(strlen(name) * 11 / 2) + 10;
	}
}

static void row_bars(const tl_report_table *t, size_t r, double max, int y, FILE *f)
{
	const char *label = t->labels && t->labels[r] ? t->labels[r] : t->cells[r * t->n_cols];
	size_t n = strlen(label);

	fprintf(f, "<text x=\"%d\" y=\"%d\">", BAR_X, y + 10);
	if (n > 40) {
		char cut[48];
		snprintf(cut, sizeof cut, "%.37s...", label);
		report_html_escape(f, cut);
	} else {
		report_html_escape(f, label);
	}
	fputs("</text>\n", f);
	y += LABEL_H;
	for (size_t i = 0; i < t->n_chart; i++, y += BAR_H + 1) {
		double v = cell_number(t, r, t->chart[i]);
		int w = max > 0 ? (int)(v / max * BAR_MAX + 0.5) : 0;
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
			"<text x=\"%d\" y=\"%d\" class=\"v\">", BAR_X, y, w ? w : 1, BAR_H,
			colour(i, t->n_chart), BAR_X + (w ? w : 1) + 3, y + 9);
		report_html_escape(f, t->cells[r * t->n_cols + t->chart[i]]);
		fputs("</text>\n", f);
	}
}

void report_svg_chart(const tl_report_table *t, FILE *f)
{
	double max = 0;
	int row_h = LABEL_H + (int)t->n_chart * (BAR_H + 1) + GAP;
	int h = LEGEND_H + (int)t->n_rows * row_h;

	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t i = 0; i < t->n_chart; i++)
			if (cell_number(t, r, t->chart[i]) > max)
				max = cell_number(t, r, t->chart[i]);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", SVG_W, h, SVG_W, h);
	report_html_escape(f, t->title);
	fputs(": bar chart\" font-family=\"DejaVu Sans,Arial,sans-serif\" font-size=\"9\" "
	      "fill=\"#1b1b1b\"><style>.v{font-size:8px}</style>\n", f);
	legend(t, f);
	for (size_t r = 0; r < t->n_rows; r++)
		row_bars(t, r, max, LEGEND_H + (int)r * row_h, f);
	fputs("</svg>\n", f);
}
