#!/usr/bin/env bash
# t_say.sh - reading aloud from the command line: --list-languages names
# each language with its catalogue's state and its voice; --say writes a
# screen's words as a WAV of over a second in each language's voice, with
# different sound for different languages, and every public screen in
# one voice or another; without --wav the same sound
# goes through SDL audio (the disk driver stands in for speakers).
. "$TELLUS_ROOT/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
K=${TELLUS_KIOSK:?}

kio() { "$K" "$@" >"$T_OUT" 2>"$T_ERR"; T_RC=$?; }

kio --list-languages
same "--list-languages lists 11 languages" "$(tail -n +2 "$T_OUT" | wc -l)" "11"
if grep -qP '^pl\tPolski\tltr\tdraft \(not reviewed\)\tvoice pl\tpl$' "$T_OUT" &&
   grep -qP '^ar\tالعربية\trtl\tdraft' "$T_OUT" && grep -qP '^en\tEnglish\tltr\tsource\t' "$T_OUT"
then t_ok "--list-languages gives own names, direction, drafts and voices"
else t_fail "--list-languages gives own names, direction, drafts and voices" "$(cat "$T_OUT" "$T_ERR")"; fi

# WAV data length in seconds, as a whole number of milliseconds.
wav_ms() { python3 -c '
import sys, wave
w = wave.open(sys.argv[1]); print(w.getnframes() * 1000 // w.getframerate())' "$1"; }

# The start screen in every voice: over a second each, and each language's
# reading its own sound.
voiced=$(awk -F'\t' 'NR > 1 && $5 ~ /^voice / { print $1 }' "$T_OUT")
short="" sums=""
for l in $voiced; do
	kio --say start --lang "$l" --wav "$T_DIR/start-$l.wav"
	ms=$([ $T_RC -eq 0 ] && wav_ms "$T_DIR/start-$l.wav" || echo 0)
	[ "$ms" -gt 1000 ] || short="$short $l:$ms:$(head -c 200 "$T_ERR")"
	sums="$sums$(sha256sum <"$T_DIR/start-$l.wav" | cut -c1-16) $l"$'\n'
done
if [ -z "$short" ] && [ "$(echo "$voiced" | wc -w)" -ge 11 ]; then t_ok "--say start: over a second in each of $(echo $voiced | wc -w) voices"
else t_fail "--say start: over a second in each voice" "voiced: $voiced" "short: $short"; fi
alike=$(echo -n "$sums" | sort | awk '{ if ($1 == h) print p " " $2; h = $1; p = $2 }')
same "each language's reading sounds different" "$alike" ""

# Every public screen once, the languages taking turns (every screen in
# every language is for `make kiosk-shots`, pictures only).
voices=($voiced)
n=0 short=""
for s in $("$K" --list-public-screens); do
	[ "$s" = hidden ] && continue # Hide leaves a screen with no words on purpose
	l=${voices[n % ${#voices[@]}]}; n=$((n + 1))
	kio --say "$s" --lang "$l" --wav "$T_DIR/say-$s.wav"
	ms=$([ $T_RC -eq 0 ] && wav_ms "$T_DIR/say-$s.wav" || echo 0)
	[ "$ms" -gt 1000 ] || short="$short $s($l):$ms:$(head -c 200 "$T_ERR")"
done
if [ -z "$short" ] && [ $n -ge 20 ]; then t_ok "--say: every public screen ($n) over a second, in turn in each voice"
else t_fail "--say: every public screen over a second" "short: $short"; fi

# The same reading through SDL audio, into a file instead of speakers.
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$T_DIR/played.raw" SDL_DISKAUDIODELAY=0 \
	"$K" --say help --lang cy >"$T_OUT" 2>"$T_ERR"; T_RC=$?
kio --say help --lang cy --wav "$T_DIR/help-cy.wav"
if [ $T_RC -eq 0 ] && python3 -c '
import sys, wave
w = wave.open(sys.argv[1]); data = w.readframes(w.getnframes())
played = open(sys.argv[2], "rb").read()
sys.exit(0 if len(data) > 20000 and data in played else 1)' "$T_DIR/help-cy.wav" "$T_DIR/played.raw"
then t_ok "without --wav the reading goes through SDL audio, sample for sample"
else t_fail "without --wav the reading goes through SDL audio, sample for sample" "$(head -c 300 "$T_ERR")"; fi

kio --say start --lang xx --wav "$T_DIR/x.wav"
if [ $T_RC -ne 0 ] && [ "$(wc -l <"$T_ERR")" -eq 1 ] && grep -q -- "--lang: 'xx' is not one of" "$T_ERR"
then t_ok "an unknown language is refused in one line"
else t_fail "an unknown language is refused in one line" "$(cat "$T_ERR")"; fi
kio --say nowhere --wav "$T_DIR/x.wav"
if [ $T_RC -ne 0 ] && grep -q -- "--say: no screen named 'nowhere'" "$T_ERR"; then t_ok "an unknown screen is refused"
else t_fail "an unknown screen is refused" "$(cat "$T_ERR")"; fi
kio --wav "$T_DIR/x.wav"
if [ $T_RC -eq 2 ] && grep -q -- "--wav needs --say" "$T_ERR"; then t_ok "--wav alone is refused"
else t_fail "--wav alone is refused" "$(cat "$T_ERR")"; fi
