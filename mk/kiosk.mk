# kiosk.mk - targets of tellus-kiosk beyond the build.
# `make kiosk-shots` writes every screen at a phone's size (360x640 at
# 160 and at 400 dpi), a tablet's, a laptop's and a reception screen's to
# $(BUILD)/kiosk-shots/NAME-WxH[-dDPI].png (offscreen, software renderer);
# `make test-full` lays out every screen at every density from 96 to 480
# at every size from 320x568 up (the layout test's full sweep; `make test`
# runs a slice of it); `make kiosk-timing` prints start-to-first-frame and
# frame time at 1920x1080 (figures for people; the benchmark proper is
# `make bench`).

KIOSK_SHOTS := 360x640@160 360x640@400 768x1024@96 1280x800@96 1920x1080@96

.PHONY: kiosk-shots kiosk-timing test-full
kiosk-shots: $(BUILD)/tellus-kiosk
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
	@echo "kiosk-shots: $(BUILD)/kiosk-shots/"

test-full: $(BUILD)/tests/test_kiosk_layout
	TELLUS_LAYOUT_SWEEP=full $(BUILD)/tests/test_kiosk_layout

kiosk-timing: $(BUILD)/tellus-kiosk
	@for s in start check receipt keyboard manager; do \
		echo "screen $$s:"; \
		SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot /dev/null --screen $$s \
			--size 1920x1080 --timing 2>&1 | sed 's/^/  /'; \
	done
