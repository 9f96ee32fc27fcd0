/* cli_heap.c - the heap of a short-lived `tellus` process in huge pages.
 * Opening a register and listing its open cases touches a few megabytes
 * of fresh memory (SQLite's schema and page cache, the calendar), one
 * 4 KiB page at a time; where page faults are dear (a virtual machine
 * whose page tables trap: about 11 us a page on the 2-core machine, so
 * 600 faults are 7 ms) that is much of the time of a command. Asked for
 * transparent huge pages, the kernel fills 2 MiB with one fault where it
 * can, and falls back to small pages where it cannot. The price is memory:
 * it is given 2 MiB at a time, and what is freed stays with the process
 * (up to the pad below) until it ends. Right for a command; `tellus serve`,
 * which runs for days, does not ask (main.c). Measured by `make bench`
 * (the `tellus list` row). Under ASan, malloc does not use the break, and
 * this does nothing. */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "cli.h"

#define HUGE_PAGE (2u << 20)

void cli_heap_huge(void)
{
	/* The heap grows from one page below a 2 MiB boundary: malloc writes
	 * its first header in that page, and what lies above the boundary is
	 * untouched until asked for huge pages (a 2 MiB stretch touched before
	 * stays in small pages). Moving the break costs address space only. */
	uintptr_t at = (uintptr_t)sbrk(0), page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t lo = (at + page + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (at == (uintptr_t)-1 || sbrk((intptr_t)(lo - page - at)) == (void *)-1)
		return;
	/* One heap that grows in steps of 64 MiB of address space (memory is
	 * given only where touched, 2 MiB at a time), holding the large arrays
	 * too (mapped apart, each would fault page by page): an import's page
	 * cache of 20 MiB stays in huge pages. */
	mallopt(M_MMAP_THRESHOLD, 16 << 20);
	mallopt(M_TOP_PAD, 64 << 20);
	/* Grows the heap by the pad, writing only in the page below the
	 * boundary (volatile: a malloc freed unused is otherwise left out by
	 * the compiler). */
	void *volatile grow = malloc(1);
	free(grow);
	uintptr_t hi = (uintptr_t)sbrk(0);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
}
