# bench.mk - `make bench`: builds the optimised programs under bench/ and
# runs bench/run.sh, which prints each figure beside what it is compared
# with and writes bench/results.csv. Benchmarks report; they never fail.
# The registers of 1,000,000 cases it generates stay in build/bench.
BENCH_OUT := build/bench
BENCH_PROGS := workdays frame submit report list sync_gen
BENCH_CC = $(CC) $(CPPFLAGS) $(CORE_PRIVATE) -std=c11 $(WARN) -O2 -g -Ibench $(CORE_CFLAGS)

.PHONY: bench bench-bins
bench:
	@$(MAKE) --no-print-directory SAN=0 BUILD=build all bench-bins
	@bash bench/run.sh build || echo "bench: the run stopped early (see above)"

bench-bins: $(BENCH_PROGS:%=$(BENCH_OUT)/bench_%) $(BENCH_OUT)/bench_present.so

# Preloaded into the kiosk and bench_frame --bare: their first present.
$(BENCH_OUT)/bench_present.so: bench/bench_present.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O2 -shared -fPIC $(UI_CFLAGS) -o $@ $< -ldl

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
