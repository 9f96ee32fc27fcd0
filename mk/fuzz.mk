# fuzz.mk - libFuzzer targets (tests/fuzz/fuzz_*.c) and their replay runners.
# `make fuzz` builds each target with clang (fuzzer, ASan, UBSan) into
# build/libfuzzer and runs it FUZZ_SECONDS; `make test` builds the same
# targets with $(CC) as plain replay binaries and replays the saved inputs.

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FZ := build/libfuzzer
FZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FZ_CFLAGS := -std=c11 $(WARN) -g -O1 -fno-omit-frame-pointer $(FZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FZ)/fuzz_%)
REPLAY_BINS := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
EXTRA_BINS += $(REPLAY_BINS)

.PHONY: fuzz fuzz-build fuzz-merge

$(BUILD)/fuzz/replay_%: $(BUILD)/obj/tests/fuzz/fuzz_%.o $(BUILD)/obj/tests/fuzz/replay_main.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(FZ)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(CORE_PRIVATE) $(FZ_CFLAGS) $(CORE_CFLAGS) -MMD -MP -c $< -o $@
# The report's definitions are embedded through a generated header (report.mk).
$(FZ)/obj/app/core/report/report_defs.o: $(BUILD)/gen/report_defs.gen.h
$(FZ)/obj/app/core/report/report_defs.o: CPPFLAGS += -I$(BUILD)/gen
$(FZ)/libtellus.a: $(CORE_SRC:%.c=$(FZ)/obj/%.o)
	rm -f $@ && ar rcs $@ $^
$(FZ)/fuzz_%: $(FZ)/obj/tests/fuzz/fuzz_%.o $(FZ)/libtellus.a
	$(FUZZ_CC) -fsanitize=fuzzer $(FZ_SAN) -o $@ $^ $(CORE_LIBS)

fuzz-build: $(FUZZ_BINS)

# Runs every target (or FUZZ_TARGETS=...) for FUZZ_SECONDS each; a crash is
# copied to tests/fuzz/regress/<target>/ so that `make test` replays it.
fuzz: $(FUZZ_BINS)
	bash tests/fuzz/run_fuzz.sh $(FZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Folds what the fuzzers found into the saved corpus (new coverage only).
fuzz-merge: $(FUZZ_BINS)
	bash tests/fuzz/run_fuzz.sh --merge $(FZ) 0 $(FUZZ_TARGETS)

-include $(shell find $(FZ)/obj -name '*.d' 2>/dev/null)
.SECONDARY: $(FUZZ_TARGETS:%=$(FZ)/obj/tests/fuzz/fuzz_%.o) \
	$(FUZZ_TARGETS:%=$(BUILD)/obj/tests/fuzz/fuzz_%.o) $(BUILD)/obj/tests/fuzz/replay_main.o
