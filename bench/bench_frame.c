/* bench_frame.c - start to first frame, and frame time, at 1920x1080.
 * The baseline is a copy of this program (--bare) that opens a bare SDL
 * window with the software renderer, draws a few tiles and presents one
 * frame, then times more frames. With a kiosk binary and a screen name as
 * arguments it also runs `tellus-kiosk --screenshot ... --timing` and
 * reads the kiosk's own figures. Start is measured from main() in both
 * (the kiosk's sample screens open no database); every figure is the
 * median of BENCH_RUNS processes. All offscreen. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <SDL.h>
#include "bench.h"

#define N_FRAMES 60

static void draw(SDL_Renderer *r, int frame, bool present)
{
	SDL_SetRenderDrawColor(r, 250, 248, 240, 255);
	SDL_RenderClear(r);
	SDL_SetRenderDrawColor(r, 30, 90, 160, 255);
	for (int i = 0; i < 6; i++) {
		SDL_Rect tile = { 120 + (i % 3) * 580, 200 + (i / 3) * 400 + frame % 2, 520, 340 };
		SDL_RenderFillRect(r, &tile);
	}
	if (present)
		SDL_RenderPresent(r);
	else
		SDL_RenderFlush(r);  /* SDL batches: draw now, as the kiosk's timing does */
}

/* Median milliseconds of N_FRAMES frames. */
static double frames(SDL_Renderer *r, bool present)
{
	double t[N_FRAMES];
	for (int i = 0; i < N_FRAMES; i++) {
		double f0 = bench_now();
		draw(r, i + 1, present);
		t[i] = bench_now() - f0;
	}
	return bench_median(t, N_FRAMES) * 1000;
}

/* The child: a bare window. Prints the figures as the kiosk words them,
 * frames both drawn only (as the kiosk times them) and presented. */
static int bare(double t0)
{
	SDL_Window *w = NULL;
	SDL_Renderer *r = NULL;
	int rc = 1;

	/* As tellus-kiosk --screenshot does: the software renderer straight
	 * into the window's framebuffer, a hidden window. */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0)
		goto cleanup;
	w = SDL_CreateWindow("bench", 0, 0, 1920, 1080, SDL_WINDOW_HIDDEN);
	r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : NULL;
	if (!r)
		goto cleanup;
	draw(r, 0, true);
	fprintf(stderr, "start to first frame: %.3f ms\n", (bench_now() - t0) * 1000);
	fprintf(stderr, "presented: %.4f ms\n", frames(r, true));
	fprintf(stderr, "frame: %.4f ms\n", frames(r, false));
	rc = 0;
cleanup:
	if (rc)
		fprintf(stderr, "bench_frame: %s\n", SDL_GetError());
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(w);
	SDL_Quit();
	return rc;
}

/* Runs argv, reads "start to first frame: X ms" and "frame...: Y ms" from
 * its stderr. */
static int measure(char *const argv[], double *first, double *frame, double *presented)
{
	int fd[2];
	char line[256];

	if (pipe(fd))
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	FILE *in = fdopen(fd[0], "r");
	*first = *frame = *presented = -1;
	while (in && fgets(line, sizeof line, in)) {
		const char *colon = strrchr(line, ':');
		if (!strncmp(line, "start to first frame:", 21))
			*first = atof(line + 21);
		else if (!strncmp(line, "presented:", 10))
			*presented = atof(line + 10);
		else if (!strncmp(line, "frame", 5) && colon)
			*frame = atof(colon + 1);
	}
	if (in)
		fclose(in);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 && *first >= 0 && *frame >= 0 ? 0 : -1;
}

static int medians(char *const argv[], double *first, double *frame, double *presented)
{
	double a[BENCH_RUNS], b[BENCH_RUNS], c[BENCH_RUNS];
	for (int k = 0; k < BENCH_RUNS; k++)
		if (measure(argv, &a[k], &b[k], &c[k]))
			return -1;
	*first = bench_median(a, BENCH_RUNS);
	*frame = bench_median(b, BENCH_RUNS);
	*presented = bench_median(c, BENCH_RUNS);
	return 0;
}

int main(int argc, char **argv)
{
	double t0 = bench_now(), bf = -1, bt = -1, bp = -1, kf = -1, kt = -1, unused;
	char shot[1024], note[256] = "n/a (tellus-kiosk is not on main yet)", note2[400];

	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	if (argc > 1 && strcmp(argv[1], "--bare") == 0)
		return bare(t0);
	char *self[] = { "/proc/self/exe", "--bare", NULL };
	medians(self, &bf, &bt, &bp);
	if (argc > 2) {
		snprintf(shot, sizeof shot, "%s/kiosk.png", getenv("BENCH_TMP") ? getenv("BENCH_TMP") : ".");
		char *kiosk[] = { argv[1], "--screenshot", shot, "--screen", argv[2], "--size",
				  "1920x1080", "--timing", NULL };
		if (medians(kiosk, &kf, &kt, &unused) == 0)
			snprintf(note, sizeof note, "screen '%s'; the kiosk's own --timing figures "
				 "(frames drawn and flushed, not presented); median of %d processes",
				 argv[2], BENCH_RUNS);
		else
			snprintf(note, sizeof note, "n/a (tellus-kiosk --screenshot --timing failed)");
	}
	bench_row("kiosk start to first frame, 1920x1080", kf, "ms",
		  "bare SDL window presenting one frame", bf, "ms", note);
	snprintf(note2, sizeof note2, "%s; a bare frame drawn and presented takes %.2f ms", note, bp);
	bench_row("kiosk frame, 1920x1080, software renderer", kt, "ms",
		  "bare SDL window, drawn and flushed, not presented", bt, "ms", note2);
	return 0;
}
