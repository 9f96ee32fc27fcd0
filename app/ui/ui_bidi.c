/* ui_bidi.c - the Unicode Bidirectional Algorithm (GNU FriBidi) for one
 * displayed line: the line, already wrapped in logical order, is cut into
 * runs of one embedding level and the runs are put in visual order, so a
 * mixed Arabic/English line reads right. Shaping of each run (and its
 * direction) stays with ui_font.c. Not for cursor placement. */
#include <fribidi.h>
#include "ui_private.h"

#define BIDI_MAX_CHARS 1024

bool ui_bidi_is_rtl(const char *s, int len)
{
	for (int at = 0; at < len;) {
		int adv;
		uint32_t cp = ui_utf8_decode(s + at, len - at, &adv);
		FriBidiCharType t = fribidi_get_bidi_type(cp);
		if (FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t);
		at += adv;
	}
	return false;
}

bool ui_bidi_has_rtl(const char *s, int len)
{
	for (int at = 0; at < len;) {
		int adv;
		FriBidiCharType t = fribidi_get_bidi_type(ui_utf8_decode(s + at, len - at, &adv));
		if (FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_RTL(t))
			return true;
		at += adv;
	}
	return false;
}

/* Reverses runs lo..hi-1 in place. */
static void reverse_runs(ui_bidi_run *r, int lo, int hi)
{
	for (hi--; lo < hi; lo++, hi--) {
		ui_bidi_run t = r[lo];
		r[lo] = r[hi];
		r[hi] = t;
	}
}

/* Runs of one level from per-character levels; returns how many. */
static int level_runs(const char *s, int len, const FriBidiLevel *lv, const int *off,
		      int n, ui_bidi_run *runs, int max)
{
	int count = 0;
	for (int i = 0; i < n && count < max;) {
		int j = i + 1;
		while (j < n && lv[j] == lv[i])
			j++;
		int end = j < n ? off[j] : len;
		runs[count++] = (ui_bidi_run){ off[i], end - off[i], lv[i] };
		i = j;
	}
	(void)s;
	return count;
}

/* Rule L2: from the highest level down to the lowest odd one, reverse
 * every sequence of runs at that level or higher. */
static void visual_order(ui_bidi_run *runs, int n)
{
	int hi = 0, lo_odd = 255;
	for (int i = 0; i < n; i++) {
		hi = runs[i].level > hi ? runs[i].level : hi;
		if ((runs[i].level & 1) && runs[i].level < lo_odd)
			lo_odd = runs[i].level;
	}
	for (int lvl = hi; lvl >= lo_odd && lvl > 0; lvl--)
		for (int i = 0; i < n;) {
			if (runs[i].level < lvl) {
				i++;
				continue;
			}
			int j = i;
			while (j < n && runs[j].level >= lvl)
				j++;
			reverse_runs(runs, i, j);
			i = j;
		}
}

int ui_bidi_line(const char *s, int len, bool rtl, ui_bidi_run *runs, int max)
{
	FriBidiChar cps[BIDI_MAX_CHARS];
	FriBidiCharType types[BIDI_MAX_CHARS];
	FriBidiBracketType brackets[BIDI_MAX_CHARS];
	FriBidiLevel levels[BIDI_MAX_CHARS];
	int off[BIDI_MAX_CHARS], n = 0;
	if (max < 1 || len <= 0)
		return 0;
	for (int at = 0; at < len && n < BIDI_MAX_CHARS; n++) {
		int adv;
		off[n] = at;
		cps[n] = ui_utf8_decode(s + at, len - at, &adv);
		at += adv;
		if (n == BIDI_MAX_CHARS - 1 && at < len)
			goto whole; /* too long to reorder: one run, logical order */
	}
	fribidi_get_bidi_types(cps, n, types);
	fribidi_get_bracket_types(cps, n, types, brackets);
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (!fribidi_get_par_embedding_levels_ex(types, brackets, n, &base, levels))
		goto whole;
	int count = level_runs(s, len, levels, off, n, runs, max);
	if (count == max && runs[count - 1].off + runs[count - 1].len < len)
		goto whole;
	visual_order(runs, count);
	return count;
whole:
	runs[0] = (ui_bidi_run){ 0, len, rtl ? 1 : 0 };
	return 1;
}
