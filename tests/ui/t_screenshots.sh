#!/usr/bin/env bash
# t_screenshots.sh - every screen of tellus-kiosk at the four sizes, as
# PNG files under $TELLUS_BUILD/test-artifacts/kiosk/ for people to look
# at: each must be a PNG of the asked size, and screens must differ; and
# every public screen once in another language (--lang, the languages
# taking turns, at 360x640 and 1920x1080 in turn), unlike its English shot.
# Every public screen in every language is `make kiosk-shots`' work; the
# layout test lays them all out.
. "$TELLUS_ROOT/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
OUT=${TELLUS_BUILD:?}/test-artifacts/kiosk
mkdir -p "$OUT"
# Shots of screens that no longer exist would be counted below.
for size in 360x640 768x1024 1280x800 1920x1080; do rm -f "$OUT"/*-$size.png; done

# png_size FILE: "W H" from the IHDR chunk, or nothing when not a PNG.
png_size() {
	[ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = "89504e470d0a1a0a" ] || return
	od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

for size in 360x640 768x1024 1280x800 1920x1080; do
	bad=""
	for s in $("$TELLUS_KIOSK" --list-screens); do
		f="$OUT/$s-$size.png"
		rm -f "$f"
		if ! "$TELLUS_KIOSK" --screenshot "$f" --screen "$s" --size "$size" 2>"$T_ERR"; then
			bad="$bad $s($(head -c 200 "$T_ERR"))"
		elif [ "$(png_size "$f")" != "${size/x/ }" ]; then
			bad="$bad $s(size $(png_size "$f"))"
		fi
	done
	if [ -z "$bad" ]; then t_ok "every screen at $size is a PNG of that size"; else t_fail "every screen at $size is a PNG of that size" "$bad"; fi
done
same "screens at one size all differ" "$(sha256sum "$OUT"/*-1280x800.png | awk '{print $1}' | sort -u | wc -l)" "$(ls "$OUT"/*-1280x800.png | wc -l)"
"$TELLUS_KIOSK" --screenshot "$OUT/start-1280x800-contrast.png" --screen start --size 1280x800 --high-contrast --large-text
if [ "$(png_size "$OUT/start-1280x800-contrast.png")" = "1280 800" ] && ! cmp -s "$OUT/start-1280x800-contrast.png" "$OUT/start-1280x800.png"; then
	t_ok "high contrast and large text change the picture"; else t_fail "high contrast and large text change the picture"; fi
if command -v zbarimg >/dev/null; then
	same "the receipt's QR on screen can be scanned" \
		"$(zbarimg -q --raw "$OUT/receipt-1280x800.png" 2>/dev/null)" \
		"https://example.org/tellus?ref=K2-26-0417-X&code=7KQ2M-X9D4P"
else
	t_fail "zbarimg is installed (scripts/install-deps)"
fi

langs=($("$TELLUS_KIOSK" --list-languages | tail -n +2 | cut -f1 | grep -vx en))
mkdir -p "$OUT/lang"
rm -f "$OUT"/lang/*.png
n=0 bad=""
for s in $("$TELLUS_KIOSK" --list-public-screens); do
	l=${langs[n % ${#langs[@]}]}
	size=$([ $((n % 2)) -eq 0 ] && echo 360x640 || echo 1920x1080)
	n=$((n + 1))
	f="$OUT/lang/$s-$l-$size.png"
	if ! "$TELLUS_KIOSK" --screenshot "$f" --screen "$s" --size "$size" --lang "$l" 2>"$T_ERR"; then
		bad="$bad $s/$l($(head -c 200 "$T_ERR"))"
	elif [ "$(png_size "$f")" != "${size/x/ }" ]; then
		bad="$bad $s/$l(size $(png_size "$f"))"
	elif [ "$s" != hidden ] && cmp -s "$f" "$OUT/$s-$size.png"; then # Hide shows no words
		bad="$bad $s/$l(the same as in English)"
	fi
done
if [ -z "$bad" ] && [ $n -ge 20 ]; then t_ok "every public screen ($n) in another language, each of ${#langs[@]} in turn"
else t_fail "every public screen in another language" "$bad"; fi
