# crash.mk - the crash harness (tests/crash/): `make test` runs its short
# form through tests/crash/t_crash.sh; `make crash` runs the long form
# (CRASH_TRIALS trials) against the optimised build.
CRASH_SRC := $(wildcard tests/crash/crash_*.c)
CRASH_HARNESS := $(BUILD)/crash/crash_harness
CRASH_TRIALS ?= 3000
EXTRA_BINS += $(CRASH_HARNESS)

.PHONY: crash
$(CRASH_HARNESS): $(call obj,$(CRASH_SRC)) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

crash:
	@$(MAKE) --no-print-directory SAN=0 BUILD=build all
	CRASH_TRIALS=$(CRASH_TRIALS) TELLUS=build/tellus TELLUS_BUILD=build bash tests/crash/t_crash.sh
