/* test_rng.h - a small deterministic generator for tests and the report
 * benchmark's data: the same seed gives the same cases every run. */
#ifndef TELLUS_TEST_RNG_H
#define TELLUS_TEST_RNG_H

typedef struct {
	unsigned long long s;
} rng;

/* A number from 0 to n - 1 (n > 0). */
static inline unsigned pick(rng *r, unsigned n)
{
	r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((r->s >> 33) % n);
}

#endif
