# csvio.mk - `make bench-csvio`: how fast `tellus import` and `export` move
# a generated file of cases (scripts/csvio-gen.py; BENCH_ROWS, 100000 by
# default). A benchmark that prints figures, never a test.
BENCH_ROWS ?= 100000
.PHONY: bench-csvio
bench-csvio: $(TELLUS)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	python3 scripts/csvio-gen.py $(BENCH_ROWS) "$$d/cases.csv" && \
	export TELLUS_DB="$$d/t.db" TELLUS_TODAY=2026-01-15 && \
	rate() { awk -v n=$(BENCH_ROWS) -v a="$$1" -v b="$$2" 'BEGIN { printf "%.0f rows/s (%.1f s)", n / (b - a), b - a }'; } && \
	t0=$$(date +%s.%N) && $(TELLUS) import "$$d/cases.csv" >/dev/null && t1=$$(date +%s.%N) && \
	$(TELLUS) import "$$d/cases.csv" >/dev/null && t2=$$(date +%s.%N) && \
	$(TELLUS) export "$$d/out.csv" >/dev/null && t3=$$(date +%s.%N) && \
	echo "csvio: import of $(BENCH_ROWS) new cases: $$(rate $$t0 $$t1)" && \
	echo "csvio: the same file again, nothing added: $$(rate $$t1 $$t2)" && \
	echo "csvio: export: $$(rate $$t2 $$t3)"
