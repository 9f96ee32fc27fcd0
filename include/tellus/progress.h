/* progress.h - progress on long work (SPEC 10): an import of a big
 * register, `tellus check`, the count of the report's totals after a
 * calendar change. Work that passes two seconds is shown as it goes, with
 * counts and the time left: by default as one line on stderr when stderr
 * is a terminal (nothing at all when it is piped or redirected), or
 * through a sink a front end hands in (the kiosk draws "getting ready").
 * The core keeps the sink in its store (store_set_progress); the work
 * reports where it is, cheaply, as often as it likes. */
#ifndef TELLUS_PROGRESS_H
#define TELLUS_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

/* Work shorter than this shows nothing; $TELLUS_PROGRESS_AFTER (seconds)
 * changes it, as tests do. */
#define PROGRESS_AFTER 2.0
/* At most this often is it shown again, in seconds. */
#define PROGRESS_EVERY 0.1

/* Where the work stands. */
typedef struct {
	const char *what;     /* "importing cases.csv" */
	const char *unit;     /* "rows", "stages" */
	long done, total;     /* total < 0 while not known */
	bool about;           /* total is an estimate ("about 36,000") */
	double elapsed, left; /* seconds; left < 0 while not known */
	bool finished;        /* the last call: the work is over */
} tl_progress_state;

/* Shows s. Called from PROGRESS_AFTER on, at most every PROGRESS_EVERY,
 * and once more with finished set when the work ends (if it was shown). */
typedef void (*progress_fn)(const tl_progress_state *s, void *arg);
typedef struct {
	progress_fn fn;       /* NULL: a line on stderr when it is a terminal */
	void *arg;
} tl_progress_sink;

/* One piece of work in progress; lives on its worker's stack. */
typedef struct {
	tl_progress_sink sink;
	tl_progress_state s;
	double t0, t_phase;     /* monotonic seconds: start, and of the current phase */
	double after, last;     /* the threshold; when last shown */
	bool shown, quiet;      /* quiet: nowhere to show it */
} tl_progress;

/* sink NULL or with fn NULL: the terminal line (quiet when stderr is not
 * a terminal). total < 0 when not known yet. */
void progress_begin(tl_progress *p, const tl_progress_sink *sink, const char *what,
		    const char *unit, long total);
/* How far: done of total (total < 0 keeps the one given before); about
 * marks total as an estimate. */
void progress_set(tl_progress *p, long done, long total, bool about);
/* The work goes on to another phase, with its own counts (its time left
 * is worked out from its own rate; the two seconds run from the start). */
void progress_phase(tl_progress *p, const char *what, const char *unit, long total);
/* Shown again with the same counts (for work that cannot count: the time
 * so far goes on). */
void progress_tick(tl_progress *p);
/* A shown line is cleared, so that the work's own output (a line per
 * case) is printed whole; the next progress_set draws it again. */
void progress_hide(tl_progress *p);
/* The work is over: a shown line is cleared. */
void progress_end(tl_progress *p);

/* The terminal line for s, without the line's start or end (for the
 * terminal sink and for tests): "importing cases.csv [#####.....] 12,000 of
 * about 36,000 rows, 8 s left". */
void progress_format(const tl_progress_state *s, char *out, size_t cap);

#endif
