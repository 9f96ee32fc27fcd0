/* fuzz.h - what the fuzz targets share: the libFuzzer entry point, a
 * NUL-terminated copy of the input, and a check that aborts (so that
 * libFuzzer and the replay runner both see a broken property as a crash).
 * Each fuzz_<target>.c defines LLVMFuzzerTestOneInput once. */
#ifndef TELLUS_FUZZ_H
#define TELLUS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'd copy of data with a NUL after it; the caller frees it.
 * Embedded NULs stay, so C-string parsers see only the first part. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define FUZZ_CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #cond); \
	abort(); } } while (0)

#endif
