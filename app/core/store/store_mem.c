/* store_mem.c - SQLite's memory from malloc, through a cache of freed
 * small blocks kept by size for the thread that freed them.
 *
 * Debian builds SQLite without its own allocator of small blocks
 * (SQLITE_OMIT_LOOKASIDE), so each cursor, record and value of every
 * statement is a malloc and a free: importing 20,000 cases makes two
 * million. glibc keeps 7 freed blocks a size per thread, and a statement
 * that ends frees more than that at once, so most frees and the mallocs
 * after them take glibc's slower path. No library does just this (a
 * replacement malloc such as jemalloc or tcmalloc changes every
 * allocation of the process, and measured slower here: its fresh memory
 * comes in small pages, see cli_heap.c). It is for short-lived processes
 * (store_mem_cache, called by `tellus` before it opens a register): what
 * a thread keeps is freed only when the process ends, at most MEM_KEEP
 * blocks of each size. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "store_private.h"

#define MEM_HEAD 16     /* the size, before the block; keeps 16-byte alignment */
#define MEM_GRAIN 16
#define MEM_CLASSES 64  /* blocks of up to 1 KiB are kept */
#define MEM_KEEP 1024   /* of each size, by each thread */

typedef struct mem_free_block {
	struct mem_free_block *next;
} mem_free_block;

static _Thread_local struct {
	mem_free_block *head[MEM_CLASSES];
	unsigned n[MEM_CLASSES];
} kept;

static size_t rounded(size_t n)
{
	return (n + MEM_GRAIN - 1) & ~(size_t)(MEM_GRAIN - 1);
}

static size_t *head_of(void *p)
{
	return (size_t *)(void *)((char *)p - MEM_HEAD);
}

static void *mem_malloc(int n)
{
	if (n <= 0)
		return NULL;
	size_t size = rounded((size_t)n), cls = size / MEM_GRAIN - 1;
	if (cls < MEM_CLASSES && kept.head[cls]) {
		mem_free_block *b = kept.head[cls];
		kept.head[cls] = b->next;
		kept.n[cls]--;
		return b;
	}
	char *p = malloc(MEM_HEAD + size);
	if (!p)
		return NULL;
	*(size_t *)(void *)p = size;
	return p + MEM_HEAD;
}

static void mem_free(void *p)
{
	if (!p)
		return;
	size_t cls = *head_of(p) / MEM_GRAIN - 1;
	if (cls < MEM_CLASSES && kept.n[cls] < MEM_KEEP) {
		mem_free_block *b = p;
		b->next = kept.head[cls];
		kept.head[cls] = b;
		kept.n[cls]++;
		return;
	}
	free(head_of(p));
}

static int mem_size(void *p)
{
	return p ? (int)*head_of(p) : 0;
}

static void *mem_realloc(void *p, int n)
{
	if (!p)
		return mem_malloc(n);
	size_t have = *head_of(p);
	if (n > 0 && rounded((size_t)n) == have)
		return p;
	/* Large blocks grow where they are when glibc can. */
	if (have / MEM_GRAIN > MEM_CLASSES && n > MEM_GRAIN * MEM_CLASSES) {
		size_t size = rounded((size_t)n);
		size_t *h = realloc(head_of(p), MEM_HEAD + size);
		if (!h)
			return NULL;
		*h = size;
		return (char *)h + MEM_HEAD;
	}
	void *q = mem_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, have < (size_t)n ? have : (size_t)n);
	mem_free(p);
	return q;
}

static int mem_roundup(int n)
{
	return (int)rounded((size_t)n);
}

static int mem_init(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void mem_shutdown(void *unused)
{
	(void)unused;
}

static const sqlite3_mem_methods METHODS = {
	mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup, mem_init, mem_shutdown, NULL,
};

const sqlite3_mem_methods *store_mem_methods(void)
{
	return &METHODS;
}

void store_mem_cache(void)
{
	/* Under AddressSanitizer, every block goes back to malloc, which then
	 * sees each use after a free (the tests run so). */
#if !defined(__SANITIZE_ADDRESS__)
	sqlite3_config(SQLITE_CONFIG_MALLOC, &METHODS);
#endif
}
