# bench.mk - `make bench`: builds the optimised programs under bench/ and
# runs bench/run.sh, which prints each figure beside what it is compared
# with and writes bench/results.csv. Benchmarks report; they never fail.
BENCH_OUT := build/bench
BENCH_PROGS := workdays frame $(if $(wildcard app/core/case/case*.c),submit) \
	$(if $(wildcard app/core/report/report.c),report) list \
	$(if $(wildcard app/core/sync/sync_in.c),sync_gen)
BENCH_CC = $(CC) $(CPPFLAGS) $(CORE_PRIVATE) -std=c11 $(WARN) -O2 -g -Ibench $(CORE_CFLAGS)

.PHONY: bench bench-bins
bench:
	@$(MAKE) --no-print-directory SAN=0 BUILD=build all bench-bins
	@bash bench/run.sh build || echo "bench: the run stopped early (see above)"

bench-bins: $(BENCH_PROGS:%=$(BENCH_OUT)/bench_%)

$(BENCH_OUT)/bench_frame: bench/bench_frame.c bench/bench_util.c bench/bench.h
	@mkdir -p $(@D)
	$(BENCH_CC) $(UI_CFLAGS) -o $@ bench/bench_frame.c bench/bench_util.c $(UI_LIBS)
$(BENCH_OUT)/bench_report: bench/bench_report.c bench/bench_gen.c bench/bench_gen.h \
		bench/bench_util.c bench/bench.h $(CORE_LIB)
	@mkdir -p $(@D)
	$(BENCH_CC) -o $@ bench/bench_report.c bench/bench_gen.c bench/bench_util.c $(CORE_LIB) $(CORE_LIBS)
$(BENCH_OUT)/bench_list: bench/bench_list.c bench/bench_gen.c bench/bench_gen.h \
		bench/bench_util.c bench/bench.h $(CORE_LIB)
	@mkdir -p $(@D)
	$(BENCH_CC) -o $@ bench/bench_list.c bench/bench_gen.c bench/bench_util.c $(CORE_LIB) $(CORE_LIBS)
$(BENCH_OUT)/bench_%: bench/bench_%.c bench/bench_util.c bench/bench.h $(CORE_LIB)
	@mkdir -p $(@D)
	$(BENCH_CC) -o $@ $< bench/bench_util.c $(CORE_LIB) $(CORE_LIBS)
