/* bench_frame.c - kiosk start to first frame, and frame time, at
 * 1920x1080, offscreen. First frame: from before the process starts to
 * its first SDL_RenderPresent (bench_present.c, preloaded, notes the time
 * and ends the process), the kiosk opening a real register against a
 * copy of this program (--bare) that opens a bare SDL window with the
 * software renderer and presents a few tiles. Frame time: the kiosk's own
 * --timing figure for a sample screen against the bare program's frames
 * drawn and flushed. Each side BENCH_RUNS processes, alternated.
 * usage: bench_frame [SHIM.so KIOSK REGISTER.db SCREEN] */
#include <fcntl.h>
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

extern char **environ;

/* Runs argv with the shim preloaded; milliseconds from just before the
 * fork to the first present, or -1. */
static double first_present(char *const argv[], const char *shim)
{
	int fd[2];
	char line[64] = "", num[16];

	if (pipe(fd))
		return -1;
	double t0 = bench_now();
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		snprintf(num, sizeof num, "%d", fd[1]);
		setenv("BENCH_PRESENT_FD", num, 1);
		setenv("LD_PRELOAD", shim, 1);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	ssize_t n = read(fd[0], line, sizeof line - 1);
	close(fd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	if (n <= 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -1;
	line[n] = '\0';
	return (atof(line) - t0) * 1e3;
}

/* Runs argv, reads "frame...: Y ms" from its stderr (the kiosk's --timing
 * words, and the bare program's); -1 if it failed. */
static double frame_ms(char *const argv[])
{
	int fd[2];
	char line[256];
	double frame = -1;

	if (pipe(fd))
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		unsetenv("LD_PRELOAD");
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	FILE *in = fdopen(fd[0], "r");
	while (in && fgets(line, sizeof line, in)) {
		const char *colon = strrchr(line, ':');
		if (!strncmp(line, "frame", 5) && colon)
			frame = atof(colon + 1);
	}
	if (in)
		fclose(in);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? frame : -1;
}

/* RUNS processes a side, alternated; false if any failed. */
static bool both(double (*fn)(char *const *, const char *), char *const *ours, char *const *bare,
		 const char *shim, bench_stat *a, bench_stat *b)
{
	double x[BENCH_RUNS], y[BENCH_RUNS];
	for (int k = 0; k < BENCH_RUNS; k++)
		if ((x[k] = fn(ours, shim)) < 0 || (y[k] = fn(bare, shim)) < 0)
			return false;
	*a = bench_stats(x, BENCH_RUNS, 1);
	*b = bench_stats(y, BENCH_RUNS, 1);
	return true;
}

static double present_ms_of(char *const *argv, const char *shim) { return first_present(argv, shim); }
static double frame_ms_of(char *const *argv, const char *shim) { (void)shim; return frame_ms(argv); }

int main(int argc, char **argv)
{
	double t0 = bench_now();
	bench_stat kf = BENCH_NA, bf = BENCH_NA, kt = BENCH_NA, bt = BENCH_NA;
	char shot[1024], note[300] = "n/a (usage: bench_frame SHIM.so KIOSK REGISTER.db SCREEN)";
	char note2[300];

	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	if (argc > 1 && strcmp(argv[1], "--bare") == 0)
		return bare(t0);
	char *self[] = { "/proc/self/exe", "--bare", NULL };
	snprintf(note2, sizeof note2, "%s", note);
	if (argc > 4) {
		char *kiosk[] = { argv[2], "--db", argv[3], "--size", "1920x1080", NULL };
		if (both(present_ms_of, kiosk, self, argv[1], &kf, &bf))
			snprintf(note, sizeof note, "from before the process starts to its first "
				 "SDL_RenderPresent, register %.120s; %d processes a side, alternated",
				 argv[3], BENCH_RUNS);
		else
			snprintf(note, sizeof note, "n/a (the kiosk or the bare program did not present)");
		snprintf(shot, sizeof shot, "%s/kiosk.png", getenv("BENCH_TMP") ? getenv("BENCH_TMP") : ".");
		char *timing[] = { argv[2], "--screenshot", shot, "--screen", argv[4], "--size",
				   "1920x1080", "--timing", NULL };
		if (both(frame_ms_of, timing, self, NULL, &kt, &bt))
			snprintf(note2, sizeof note2, "screen '%s': the kiosk's own --timing figure, frames "
				 "drawn and flushed, not presented; %d processes a side", argv[4], BENCH_RUNS);
		else
			snprintf(note2, sizeof note2, "n/a (tellus-kiosk --screenshot --timing failed)");
	}
	bench_row("kiosk start to first frame, 1920x1080", kf, "ms",
		  "bare SDL program presenting one frame", bf, note);
	bench_row("kiosk frame, 1920x1080, software renderer", kt, "ms",
		  "bare SDL window, drawn and flushed, not presented", bt, note2);
	return 0;
}
