# report.mk - the annual report: embeds reports/tables/*.sql,
# reports/report.tmpl and reports/not-names.txt into the core (a generated
# header in the build folder), and builds the 1,000,000-case timing program.
REPORT_DEFS := $(sort $(wildcard reports/tables/*.sql))
REPORT_GEN := $(BUILD)/gen/report_defs.gen.h

$(REPORT_GEN): scripts/report-embed.sh reports/report.tmpl reports/not-names.txt $(REPORT_DEFS)
	@mkdir -p $(@D)
	sh scripts/report-embed.sh $@ reports/report.tmpl reports/not-names.txt $(REPORT_DEFS)

$(BUILD)/obj/app/core/report/report_defs.o: $(REPORT_GEN)
$(BUILD)/obj/app/core/report/report_defs.o: CPPFLAGS += -I$(BUILD)/gen

EXTRA_BINS += $(BUILD)/report-gen
$(BUILD)/report-gen: $(BUILD)/obj/tests/report/gen.o $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

# `make report-bench`: every table of 2024/25 over 1,000,000 cases spread
# over REPORT_BENCH_YEARS financial years (the database is made once).
REPORT_BENCH_YEARS ?= 10
.PHONY: report-bench
report-bench: $(BUILD)/report-gen
	$(BUILD)/report-gen --cases 1000000 --years $(REPORT_BENCH_YEARS) \
		--db $(BUILD)/report-bench-$(REPORT_BENCH_YEARS).db --year 2024
