/* bench_frame.c - start to first frame, and frame time, at 1920x1080.
 * Run with no argument it measures itself as the baseline: it starts a
 * copy of itself (--bare) that opens a bare SDL window with the software
 * renderer, presents one frame and reports the monotonic time of that
 * present, then presents more frames and reports their median time.
 * SDL_VIDEODRIVER=offscreen is set so no display is needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <SDL.h>
#include "bench.h"

#define N_FRAMES 60

static void draw(SDL_Renderer *r, int frame)
{
	SDL_SetRenderDrawColor(r, 250, 248, 240, 255);
	SDL_RenderClear(r);
	SDL_SetRenderDrawColor(r, 30, 90, 160, 255);
	for (int i = 0; i < 6; i++) {
		SDL_Rect tile = { 120 + (i % 3) * 580, 200 + (i / 3) * 400 + frame % 2, 520, 340 };
		SDL_RenderFillRect(r, &tile);
	}
	SDL_RenderPresent(r);
}

/* The child: a bare window. Prints "first T" and "frame S". */
static int bare(void)
{
	SDL_Window *w = NULL;
	SDL_Renderer *r = NULL;
	double t[N_FRAMES];
	int rc = 1;

	if (SDL_Init(SDL_INIT_VIDEO) != 0)
		goto cleanup;
	w = SDL_CreateWindow("bench", 0, 0, 1920, 1080, 0);
	r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : NULL;
	if (!r)
		goto cleanup;
	draw(r, 0);
	printf("first %.9f\n", bench_now());
	for (int i = 0; i < N_FRAMES; i++) {
		double t0 = bench_now();
		draw(r, i + 1);
		t[i] = bench_now() - t0;
	}
	printf("frame %.9f\n", bench_median(t, N_FRAMES));
	rc = 0;
cleanup:
	if (rc)
		fprintf(stderr, "bench_frame: %s\n", SDL_GetError());
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(w);
	SDL_Quit();
	return rc;
}

/* Starts self --bare; *first gets seconds from fork to the first present. */
static int launch(const char *self, double *first, double *frame)
{
	int fd[2];
	char line[128];

	if (pipe(fd))
		return -1;
	double t0 = bench_now();
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		execl(self, self, "--bare", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	FILE *in = fdopen(fd[0], "r");
	*first = *frame = -1;
	while (in && fgets(line, sizeof line, in)) {
		double v;
		if (sscanf(line, "first %lf", &v) == 1)
			*first = v - t0;
		else if (sscanf(line, "frame %lf", &v) == 1)
			*frame = v;
	}
	if (in)
		fclose(in);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 && *first >= 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	double first[BENCH_RUNS], frame[BENCH_RUNS];

	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	if (argc > 1 && strcmp(argv[1], "--bare") == 0)
		return bare();
	for (int k = 0; k < BENCH_RUNS; k++)
		if (launch("/proc/self/exe", &first[k], &frame[k])) {
			printf("bare\tn/a\tn/a\n");
			return 0;
		}
	printf("bare\t%.6f\t%.6f\n", bench_median(first, BENCH_RUNS) * 1000,
	       bench_median(frame, BENCH_RUNS) * 1000);
	return 0;
}
