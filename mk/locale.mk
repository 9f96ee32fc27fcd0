# locale.mk - the catalogues of the public words (SPEC 13): one gettext
# domain, tellus, for the kiosk and the tracking page.
# assets/locale/LANG/tellus.po is compiled with `msgfmt --check` into
# $(BUILD)/locale/LANG/LC_MESSAGES/tellus.mo, where the programs of a
# build tree find it (lang_open); `make install` puts it under
# PREFIX/share/locale. `make pot` extracts the marked words into
# assets/locale/tellus.pot, `make po-update` merges that into every .po,
# and `make i18n-check` (run by `make test`, tests/lang/t_i18n.sh) fails
# on an unmarked public string or an incomplete catalogue. The same check
# is part of building tellus-kiosk: it runs (into a stamp) whenever a file
# it reads has changed, and the kiosk is not built when it fails.

LOCALEDIR = $(DESTDIR)$(PREFIX)/share/locale
CPPFLAGS += -DTELLUS_LOCALEDIR='"$(PREFIX)/share/locale"'
PO_LANGS := $(patsubst assets/locale/%/tellus.po,%,$(wildcard assets/locale/*/tellus.po))
MO_FILES := $(patsubst %,$(BUILD)/locale/%/LC_MESSAGES/tellus.mo,$(PO_LANGS))

.PHONY: pot po-update i18n-check install-locale uninstall-locale
all: $(MO_FILES)

$(BUILD)/locale/%/LC_MESSAGES/tellus.mo: assets/locale/%/tellus.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Order-only: the stamp is no part of the link line.
I18N_STAMP := $(BUILD)/i18n-checked
I18N_READS := scripts/i18n.py assets/locale/tellus.pot $(wildcard assets/locale/*/tellus.po \
	app/kiosk/*.c app/ui/*.c app/serve/*.c app/serve/*/*.c app/core/lang/*.c \
	app/core/people/equalities.c)
$(BUILD)/tellus-kiosk: | $(I18N_STAMP)
$(I18N_STAMP): $(I18N_READS)
	python3 scripts/i18n.py check
	@mkdir -p $(@D) && touch $@

pot:
	python3 scripts/i18n.py pot
po-update:
	python3 scripts/i18n.py update
i18n-check:
	python3 scripts/i18n.py check

install: install-locale
install-locale: $(MO_FILES)
	@for l in $(PO_LANGS); do \
		install -d $(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 0644 $(BUILD)/locale/$$l/LC_MESSAGES/tellus.mo \
			$(LOCALEDIR)/$$l/LC_MESSAGES/tellus.mo || exit 1; \
	done
uninstall: uninstall-locale
uninstall-locale:
	rm -f $(patsubst %,$(LOCALEDIR)/%/LC_MESSAGES/tellus.mo,$(PO_LANGS))
