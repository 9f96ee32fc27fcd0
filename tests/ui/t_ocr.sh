#!/usr/bin/env bash
# t_ocr.sh - what a person reads on a phone, read back by OCR (tesseract):
# the start screen at 360x640 at densities 96, 160, 200, 400 and 480 shows
# "Need help now?", "Hide" and both choices' titles whole, each inside its
# own control (the picture is cut to the control, its border trimmed, and
# read), and within the window without scrolling. And the "getting ready"
# picture a long first opening shows reads its count, its bar filled.
. "$TELLUS_ROOT/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
K=${TELLUS_KIOSK:?}
command -v tesseract >/dev/null || { t_fail "tesseract is installed (scripts/install-deps)"; exit 1; }
# ImageMagick's own convert (Debian names it convert-im6.q16, version 7 magick).
IM=$(command -v convert-im6.q16 || command -v magick || command -v convert)
[ -n "$IM" ] || { t_fail "ImageMagick is installed (scripts/install-deps)"; exit 1; }

# read_control PNG CONTROLS LABEL: the words OCR finds inside that control.
read_control() {
	local x y w h m
	read -r x y w h _ < <(grep -F " $3" "$2" | head -1)
	[ -n "${h:-}" ] || return 1
	[ $((y + h)) -le 640 ] || { echo "(below the fold at y=$y)"; return 0; }
	m=$(( (w < h ? w : h) / 10 )); [ $m -lt 3 ] && m=3
	"$IM" "$1" -crop $((w - 2 * m))x$((h - 2 * m))+$((x + m))+$((y + m)) +repage \
		-resize 300% -colorspace Gray "$T_DIR/crop.png"
	tesseract "$T_DIR/crop.png" - --psm 6 2>/dev/null | tr '\n' ' ' | sed 's/  */ /g; s/ *$//'
}

for dpi in 96 160 200 400 480; do
	png="$T_DIR/start-$dpi.png" ctl="$T_DIR/start-$dpi.txt"
	"$K" --screenshot "$png" --screen start --size 360x640 --dpi $dpi 2>"$T_ERR" &&
		"$K" --list-controls --screen start --size 360x640 --dpi $dpi >"$ctl" 2>>"$T_ERR"
	for label in "Need help now?" "Hide" "Something is wrong" "Something went well"; do
		got=$(read_control "$png" "$ctl" "$label")
		case " $got " in
		*" $label "*) t_ok "at dpi $dpi OCR reads '$label' whole in its control" ;;
		*) t_fail "at dpi $dpi OCR reads '$label' whole in its control" "read: '$got'" \
			"$(head -c 200 "$T_ERR")" ;;
		esac
	done
done

# A long first opening (the totals counted again) shows "getting ready"
# with how far it has got, not a blank window.
png="$T_DIR/ready.png"
"$K" --screenshot "$png" --screen getting-ready --size 1280x800 2>"$T_ERR"
got=$("$IM" "$png" -resize 200% -colorspace Gray png:- | tesseract - - --psm 6 2>/dev/null | tr '\n' ' ')
case "$got" in
*"Getting ready"*"12000 of 36000 stages"*) t_ok "getting ready says so, with the count" ;;
*) t_fail "getting ready says so, with the count" "read: '$got'" "$(head -c 200 "$T_ERR")" ;;
esac
# The bar is a third full: the theme's primary colour (ui_core.c, 22 86
# 120) fills a third of the outline's width (three quarters of 1280).
got=$("$IM" "$png" -fill black -opaque "rgb(22,86,120)" -fill white +opaque black -trim \
	-format '%w' info: 2>/dev/null)
same "the bar is filled a third of its width" "$got" "$((1280 * 3 / 4 / 3))"
