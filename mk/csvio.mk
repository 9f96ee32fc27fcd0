# csvio.mk - `make bench-csvio`: how fast `tellus import` and `export` move
# a generated file of cases (scripts/csvio-gen.py; BENCH_ROWS, 100000 by
# default), beside sqlite3 on the same rows: the rows of `make bench` that
# bench/csvio.sh measures. A benchmark that prints figures, never a test.
BENCH_ROWS ?= 100000
.PHONY: bench-csvio
bench-csvio: $(TELLUS)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	BENCH_TMP="$$d" bash bench/csvio.sh $(TELLUS) $(BENCH_ROWS) | \
	awk -F'\t' '{ r = ($$2 > 0 && $$5 > 0) ? sprintf("%.2fx", $$2 / $$5) : "-"; \
		printf "%-50s %8s s | %-36s %8s s | %6s  %s\n", $$1, $$2, $$4, $$5, r, $$7 }'
