# kiosk.mk - targets of tellus-kiosk beyond the build.
# `make kiosk-shots` writes every screen at the four sizes to
# $(BUILD)/kiosk-shots/ (offscreen, software renderer);
# `make kiosk-timing` prints start-to-first-frame and frame time at
# 1920x1080 (figures for people; the benchmark proper is `make bench`).

KIOSK_SIZES := 360x640 768x1024 1280x800 1920x1080

.PHONY: kiosk-shots kiosk-timing
kiosk-shots: $(BUILD)/tellus-kiosk
	@mkdir -p $(BUILD)/kiosk-shots
	@for size in $(KIOSK_SIZES); do \
		for s in $$(SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --list-screens); do \
			SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot \
				$(BUILD)/kiosk-shots/$$s-$$size.png --screen $$s --size $$size || exit 1; \
		done; \
	done
	@echo "kiosk-shots: $(BUILD)/kiosk-shots/"

kiosk-timing: $(BUILD)/tellus-kiosk
	@for s in start check receipt keyboard manager; do \
		echo "screen $$s:"; \
		SDL_VIDEODRIVER=offscreen $(BUILD)/tellus-kiosk --screenshot /dev/null --screen $$s \
			--size 1920x1080 --timing 2>&1 | sed 's/^/  /'; \
	done
