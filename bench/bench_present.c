/* bench_present.c - a shim loaded into a program (LD_PRELOAD) that notes
 * when the program first presents a frame: its first SDL_RenderPresent
 * goes through, then the shim writes the monotonic clock's seconds to the
 * descriptor $BENCH_PRESENT_FD and ends the process. bench_frame starts
 * the clock before it starts the process, so the figure runs from process
 * start (loading, opening the database, building the first screen) to a
 * frame on screen, for the kiosk and the bare SDL program alike. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <SDL.h>

void SDL_RenderPresent(SDL_Renderer *r)
{
	void (*real)(SDL_Renderer *);
	*(void **)&real = dlsym(RTLD_NEXT, "SDL_RenderPresent");
	if (real)
		real(r);
	const char *fd = getenv("BENCH_PRESENT_FD");
	if (!fd)
		return;
	struct timespec ts;
	char line[64];
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int n = snprintf(line, sizeof line, "%.6f\n", (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
	if (write(atoi(fd), line, (size_t)n) < 0)
		_exit(1);
	_exit(0);
}
