# csvio.mk - `make bench-csvio`: how fast `tellus import` and `export` move
# a generated file of cases (scripts/csvio-gen.py; BENCH_ROWS, 20000 by
# default), beside sqlite3 on the same rows: the rows of `make bench` that
# bench/csvio.sh measures. A benchmark that prints figures, never a test.
BENCH_ROWS ?= 20000
.PHONY: bench-csvio
bench-csvio: $(TELLUS)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	BENCH_TMP="$$d" bash bench/csvio.sh $(TELLUS) $(BENCH_ROWS) | \
	awk -F'\t' '{ r = ($$2 > 0 && $$7 > 0) ? sprintf("%.2fx", $$2 / $$7) : "-"; \
		printf "%-44s %8s (%s-%s) s | %-44s %8s (%s-%s) s | %6s  %s\n", \
		$$1, $$2, $$3, $$4, $$6, $$7, $$8, $$9, r, $$10 }'
