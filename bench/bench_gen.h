/* bench_gen.h - generates a large Tellus database for the report benchmark. */
#ifndef TELLUS_BENCH_GEN_H
#define TELLUS_BENCH_GEN_H

#include "tellus/err.h"
#include "bench.h"

/* Writes n_cases cases received over `years` financial years from
 * first_year into a new file at path (replacing it). */
int bench_generate(const char *path, long n_cases, int first_year, int years, tl_err *err);

#endif
