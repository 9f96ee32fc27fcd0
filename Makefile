# Makefile - Tellus: the core library, `tellus`, `tellus-kiosk` and tests.
# `make test` installs what it needs, builds with ASan and UBSan into
# build/san and runs every test; `make run` builds and opens the kiosk.
# Sources are found by folder, so a new file needs no change here.

CC ?= cc
BUILD ?= build
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/tellus
SAN ?= 0

PKG_CORE := sqlite3 libsodium libqrencode libpng
# Opened when first needed (include/tellus/dynlib.h), so built against its
# header only: libxlsxwriter (the spreadsheets) brings libcrypto.
PKG_CORE_LAZY := xlsxwriter
PKG_UI := sdl2 SDL2_ttf fribidi
# The web service (app/serve, linked into tellus): never the core.
PKG_SERVE := libmicrohttpd
# A device's way to its register over HTTP(S) (app/net: tellus and the kiosk).
PKG_NET := libcurl
PKGCONFIG = $(shell pkg-config $(1) $(2) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
ifeq ($(SAN),1)
OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
else
OPT := -O2 -g
endif
CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE -DTELLUS_VERSION='"$(VERSION)"' \
	-DTELLUS_DATADIR='"$(PREFIX)/share/tellus"'
CFLAGS += -std=c11 $(WARN) $(OPT)
LDFLAGS += $(filter -fsanitize%,$(OPT))
VERSION := 0.1.0

CORE_CFLAGS := $(call PKGCONFIG,--cflags,$(PKG_CORE) $(PKG_CORE_LAZY))
CORE_LIBS := $(call PKGCONFIG,--libs,$(PKG_CORE)) -lm -ldl
UI_CFLAGS := $(call PKGCONFIG,--cflags,$(PKG_UI))
UI_LIBS := $(call PKGCONFIG,--libs,$(PKG_UI))
SERVE_CFLAGS := $(call PKGCONFIG,--cflags,$(PKG_SERVE))
SERVE_LIBS := $(call PKGCONFIG,--libs,$(PKG_SERVE)) -lpthread
# tellus and the kiosk open libmicrohttpd and libcurl when first needed
# (include/tellus/dynlib.h): linked, their thirty-odd libraries cost every
# start about 25 ms. They are built against the headers only, and link
# only the threads their code starts (dlopen is in CORE_LIBS).
LAZY_LIBS := -lpthread
NET_CFLAGS := $(call PKGCONFIG,--cflags,$(PKG_NET))
TEST_CFLAGS := $(call PKGCONFIG,--cflags,cmocka)
TEST_LIBS := $(call PKGCONFIG,--libs,cmocka)

CORE_SRC := $(wildcard app/core/*.c app/core/*/*.c)
CLI_SRC := $(wildcard app/cli/*.c app/cli/*/*.c)
SERVE_SRC := $(wildcard app/serve/*.c)
NET_SRC := $(wildcard app/net/*.c)
UI_SRC := $(wildcard app/ui/*.c)
KIOSK_SRC := $(filter-out app/kiosk/main.c,$(wildcard app/kiosk/*.c))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UITEST_SRC := $(wildcard tests/ui/test_*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
CORE_LIB := $(BUILD)/libtellus.a
UI_LIB := $(BUILD)/libtellus-ui.a
NET_LIB := $(BUILD)/libtellus-net.a
TELLUS := $(BUILD)/tellus
KIOSK := $(if $(wildcard app/kiosk/main.c),$(BUILD)/tellus-kiosk)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
UITEST_BINS := $(patsubst tests/ui/%.c,$(BUILD)/tests/%,$(UITEST_SRC))
EXTRA_BINS :=

.PHONY: all test check run install uninstall clean deps bench tests
all: $(TELLUS) $(KIOSK)
# After `all:`, so that `all` stays the default goal whatever an mk file
# defines first; each mk file adds its programs to EXTRA_BINS.
-include $(wildcard mk/*.mk)
all: $(EXTRA_BINS)

# The core and its tests see the core's private headers (-Iapp/core); the
# front ends (app/cli, app/kiosk, app/ui) see include/tellus/ only.
CORE_PRIVATE := -Iapp/core
$(BUILD)/obj/app/core/%.o: app/core/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_PRIVATE) $(CFLAGS) $(CORE_CFLAGS) -MMD -MP -c $< -o $@
$(BUILD)/obj/app/ui/%.o $(BUILD)/obj/app/kiosk/%.o: CFLAGS += $(UI_CFLAGS) $(CORE_CFLAGS)
# The commands in app/cli/<group>/ share app/cli/cli.h; `tellus serve`
# reaches the web service through app/serve/serve.h, and `tellus sync
# --register` and the kiosk the register through app/net/net.h.
$(BUILD)/obj/app/cli/%.o: CPPFLAGS += -Iapp/cli -Iapp/serve -Iapp/net
$(BUILD)/obj/app/kiosk/%.o: CPPFLAGS += -Iapp/net
$(BUILD)/obj/app/serve/%.o: CFLAGS += $(SERVE_CFLAGS)
$(BUILD)/obj/app/net/%.o: CFLAGS += $(NET_CFLAGS)
$(BUILD)/obj/tests/ui/%.o: CFLAGS += $(UI_CFLAGS) $(CORE_CFLAGS) $(TEST_CFLAGS)
$(BUILD)/obj/tests/unit/%.o: CFLAGS += $(CORE_CFLAGS) $(TEST_CFLAGS)
# Tests are white-box: they may read the core's private headers.
$(BUILD)/obj/tests/%.o: CPPFLAGS += $(CORE_PRIVATE)
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CORE_CFLAGS) -MMD -MP -c $< -o $@

$(CORE_LIB): $(call obj,$(CORE_SRC))
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^
$(UI_LIB): $(call obj,$(UI_SRC) $(KIOSK_SRC))
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^
$(NET_LIB): $(call obj,$(NET_SRC))
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

# tellus starts for every command a person or a script runs: with SQLite,
# libsodium, libpng, Jansson and zlib linked in, the loader need not find
# and bind them at each start (1 to 2 ms a run on the 2-core machine: the
# `tellus list` row of `make bench`). Debian's -dev packages ship these
# archives; libqrencode's has none, and it stays shared.
STATIC_LIBS := -Wl,-Bstatic -lsqlite3 -lsodium -lpng16 -ljansson -lz -Wl,-Bdynamic
$(TELLUS): $(call obj,$(CLI_SRC) $(SERVE_SRC)) $(NET_LIB) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LAZY_LIBS) $(STATIC_LIBS) $(filter-out \
		-lsqlite3 -lsodium -lpng16 -ljansson -lz,$(CORE_LIBS))
$(BUILD)/tellus-kiosk: $(call obj,app/kiosk/main.c) $(UI_LIB) $(NET_LIB) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(UI_LIBS) $(LAZY_LIBS) $(CORE_LIBS)

$(BUILD)/tests/test_%: $(BUILD)/obj/tests/unit/test_%.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) $(CORE_LIBS)
$(UITEST_BINS): $(BUILD)/tests/%: $(BUILD)/obj/tests/ui/%.o $(UI_LIB) $(NET_LIB) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) $(UI_LIBS) $(LAZY_LIBS) $(CORE_LIBS)

tests: all $(UNIT_BINS) $(UITEST_BINS)

# The one command: dependencies, a sanitizer build, every test.
test: deps
	$(MAKE) SAN=1 BUILD=build/san check

check: tests
	bash tests/run.sh $(BUILD)

deps:
	bash scripts/install-deps

run: deps
	$(MAKE) all
	@if [ -n "$(KIOSK)" ]; then $(KIOSK) $(ARGS); else $(TELLUS) --help; fi

install: all
	install -d $(BINDIR) $(DATADIR)
	install -m 0755 $(TELLUS) $(KIOSK) $(BINDIR)/
	cp -R assets reports $(DATADIR)/

uninstall:
	rm -f $(BINDIR)/tellus $(BINDIR)/tellus-kiosk
	rm -rf $(DATADIR)

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
