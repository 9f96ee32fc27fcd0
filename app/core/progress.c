/* progress.c - the progress of long work (progress.h): when to show it
 * (after PROGRESS_AFTER seconds, at most every PROGRESS_EVERY), the time
 * left from the rate so far, and the default sink, one line on stderr
 * redrawn in place when stderr is a terminal. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "tellus/progress.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 12345678 as "12,345,678". */
static void grouped(long n, char *out, size_t cap)
{
	char digits[32];
	size_t len = (size_t)snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n), o = 0;
	for (size_t i = 0; i < len && o + 2 < cap; i++) {
		if (i && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void progress_format(const tl_progress_state *s, char *out, size_t cap)
{
	char done[32], total[32], bar[24], left[32] = "";
	int filled = s->total > 0 ? (int)(20.0 * (double)s->done / (double)s->total) : 0;

	grouped(s->done, done, sizeof done);
	grouped(s->total, total, sizeof total);
	for (int i = 0; i < 20; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[20] = '\0';
	if (s->left >= 0)
		snprintf(left, sizeof left, ", %.0f s left", s->left + 0.5);
	if (s->total >= 0)
		snprintf(out, cap, "%s [%s] %s of %s%s %s%s", s->what, bar, done,
			 s->about ? "about " : "", total, s->unit, left);
	else if (s->done > 0)
		snprintf(out, cap, "%s: %s %s, %.0f s so far", s->what, done, s->unit, s->elapsed);
	else
		snprintf(out, cap, "%s, %.0f s so far", s->what, s->elapsed);
}

/* The default sink: the line redrawn in place, cleared at the end. */
static void terminal(const tl_progress_state *s, void *arg)
{
	char line[300];
	(void)arg;
	if (s->finished) {
		fputs("\r\033[K", stderr);
		return;
	}
	progress_format(s, line, sizeof line);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

void progress_begin(tl_progress *p, const tl_progress_sink *sink, const char *what,
		    const char *unit, long total)
{
	const char *after = getenv("TELLUS_PROGRESS_AFTER");

	memset(p, 0, sizeof *p);
	if (sink && sink->fn)
		p->sink = *sink;
	else
		p->sink.fn = terminal;
	p->quiet = p->sink.fn == terminal && !isatty(STDERR_FILENO);
	p->s = (tl_progress_state){ .what = what, .unit = unit, .total = total, .left = -1 };
	p->t0 = p->t_phase = now();
	p->after = after && *after ? atof(after) : PROGRESS_AFTER;
}

void progress_phase(tl_progress *p, const char *what, const char *unit, long total)
{
	p->s.what = what;
	p->s.unit = unit;
	p->s.done = 0;
	p->s.total = total;
	p->s.about = false;
	p->t_phase = now();
	p->last = 0;
}

void progress_tick(tl_progress *p)
{
	progress_set(p, p->s.done, -1, false);
}

void progress_set(tl_progress *p, long done, long total, bool about)
{
	if (p->quiet)
		return;
	if (total >= 0) {
		p->s.total = total;
		p->s.about = about;
	}
	/* A count that goes by a proxy (workdays() calls) may overshoot. */
	p->s.done = p->s.total >= 0 && done > p->s.total ? p->s.total : done;
	double t = now();
	if (t - p->t0 < p->after || (p->shown && t - p->last < PROGRESS_EVERY))
		return;
	p->s.elapsed = t - p->t0;
	/* From the rate so far, once there is a rate to go by. */
	p->s.left = p->s.total > 0 && done > 0 && (t - p->t_phase > 0.5 || done * 20 > p->s.total) ?
		(t - p->t_phase) * (double)(p->s.total - done) / (double)done : -1;
	if (p->s.left < 0 && p->s.total > 0 && done >= p->s.total)
		p->s.left = 0;
	p->sink.fn(&p->s, p->sink.arg);
	p->shown = true;
	p->last = t;
}

void progress_end(tl_progress *p)
{
	if (!p->shown || p->quiet)
		return;
	p->s.finished = true;
	p->s.elapsed = now() - p->t0;
	p->s.left = 0;
	p->sink.fn(&p->s, p->sink.arg);
	p->shown = false;
}

void progress_hide(tl_progress *p)
{
	if (!p->shown || p->quiet)
		return;
	p->s.finished = true;
	p->sink.fn(&p->s, p->sink.arg);
	p->s.finished = false;
	p->shown = false;
}
