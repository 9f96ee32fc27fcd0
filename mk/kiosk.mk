# kiosk.mk - targets of tellus-kiosk beyond the build.
# `make kiosk-shots` writes every screen at a phone's size (360x640 at
# 160 and at 400 dpi), a tablet's, a laptop's and a reception screen's to
# $(BUILD)/kiosk-shots/NAME-WxH[-dDPI].png (offscreen, software renderer),
# and every public screen in every language at 360x640 and 1920x1080 to
# $(BUILD)/kiosk-shots/LANG/NAME-WxH.png (SPEC 13);
# `make test-full` lays out every screen at every density from 96 to 480
# at every size from 320x568 up (the layout test's full sweep; `make test`
# runs a slice of it), and reads every public screen aloud in every
# language; `make kiosk-timing` prints start-to-first-frame and
# frame time at 1920x1080 (figures for people; the benchmark proper is
# `make bench`).

KIOSK_SHOTS := 360x640@160 360x640@400 768x1024@96 1280x800@96 1920x1080@96

.PHONY: kiosk-shots kiosk-timing test-full
# The catalogues too (locale.mk's rule; this file is read before it, so
# the list is made here): without them every language's shot is English.
kiosk-shots: $(BUILD)/tellus-kiosk $(patsubst assets/locale/%/tellus.po,$(BUILD)/locale/%/LC_MESSAGES/tellus.mo,$(wildcard assets/locale/*/tellus.po))
	@mkdir -p $(BUILD)/kiosk-shots
	@for shot in $(KIOSK_SHOTS); do \
		size=$${shot%@*}; dpi=$${shot#*@}; \
		suffix=$$( [ "$$dpi" = 96 ] || echo "-d$$dpi" ); \
		for s in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-screens); do \
			SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot \
				$(BUILD)/kiosk-shots/$$s-$$size$$suffix.png --screen $$s --size $$size \
				--dpi $$dpi || exit 1; \
		done; \
	done
	@for l in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-languages | \
			tail -n +2 | cut -f1); do \
		mkdir -p $(BUILD)/kiosk-shots/$$l; \
		for size in 360x640 1920x1080; do \
			for s in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-public-screens); do \
				SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot \
					$(BUILD)/kiosk-shots/$$l/$$s-$$size.png --screen $$s --size $$size \
					--lang $$l || exit 1; \
			done; \
		done; \
	done
	@echo "kiosk-shots: $(BUILD)/kiosk-shots/ (each language's public screens in LANG/)"

# Also every public screen read aloud in every language (`make test` reads
# each once, the voices taking turns): a WAV of over a second each.
export SAY_OVER_A_SECOND = import sys, wave; w = wave.open(sys.argv[1]); \
	sys.exit(0 if w.getnframes() > w.getframerate() else "too short: " + sys.argv[1])
test-full: $(BUILD)/tests/test_kiosk_layout $(BUILD)/tellus-kiosk
	TELLUS_LAYOUT_SWEEP=full $(BUILD)/tests/test_kiosk_layout
	@mkdir -p $(BUILD)/say
	@for l in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-languages | \
			tail -n +2 | cut -f1); do \
		for s in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-public-screens); do \
			[ $$s = hidden ] && continue; \
			SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --say $$s --lang $$l \
				--wav $(BUILD)/say/$$s-$$l.wav || exit 1; \
			python3 -c "$$SAY_OVER_A_SECOND" $(BUILD)/say/$$s-$$l.wav || exit 1; \
		done; \
	done
	@echo "test-full: every public screen read aloud in every language ($(BUILD)/say/)"

kiosk-timing: $(BUILD)/tellus-kiosk
	@for s in start check receipt keyboard manager; do \
		echo "screen $$s:"; \
		SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot /dev/null --screen $$s \
			--size 1920x1080 --timing 2>&1 | sed 's/^/  /'; \
	done
