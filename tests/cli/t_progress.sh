#!/usr/bin/env bash
# t_progress.sh - progress on long work (SPEC 10, progress.h): an import,
# retention, sync in,
# `tellus check` and the count of the report's totals after a calendar
# change show a line with counts and time left on stderr when it is a
# terminal (here a pseudo-terminal, script -qc), and nothing at all when
# stderr is piped. TELLUS_PROGRESS_AFTER=0 shows it from the start, so
# that no test waits two seconds or depends on the machine's speed.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export TELLUS_PROGRESS_AFTER=0
python3 "$ROOT/scripts/csvio-gen.py" --full 3000 "$T_DIR/big.csv"

# tty NAME ARGS...: tellus ARGS under a pseudo-terminal; what it showed
# (stdout and stderr together, as a terminal does) in $T_DIR/NAME.tty.
tty() { local name=$1 cmd; shift; cmd=$(printf '%q ' "$TELLUS" "$@")
	script -qec "$cmd" /dev/null </dev/null >"$T_DIR/$name.tty" 2>&1; }
shows() { if grep -qE -- "$3" "$T_DIR/$2.tty"; then t_ok "$1"; else t_fail "$1" "$(tr '\r' '\n' <"$T_DIR/$2.tty" | head -3)"; fi; }

tty import import "$T_DIR/big.csv"
shows "an import shows its rows on a terminal" import $'\rimporting big\\.csv \\[[#.]{20}\\] [0-9,]+ of (about )?[0-9,]+ rows'
shows "and the time left" import 'rows, [0-9]+ s left'
shows "and the count of the report's totals at the end" import "counting the report's totals \\[[#.]{20}\\] [0-9,]+ of [0-9,]+ stages"
shows "and its line is cleared before the summary" import $'\033\\[K3000 added, 0 already present'
"$TELLUS" --db "$T_DIR/piped.db" import "$T_DIR/big.csv" >"$T_DIR/piped.out" 2>"$T_DIR/piped.err"
same "piped, an import says only its summary" "$(cut -d\; -f1 "$T_DIR/piped.out")|$(wc -c <"$T_DIR/piped.err")" "3000 added, 0 already present|0"

tty check check
shows "check shows each step on a terminal" check "checking the file's integrity"
shows "and counts the stages it checks the totals of" check "checking the report's totals \\[[#.]{20}\\] [0-9,]+ of [0-9,]+ stages"
shows "and ends with its findings" check "report totals: ok"
run check
same "piped, check shows no progress" "$(wc -c <"$T_ERR")" 0

# A new statutory calendar (as a new release brings) counts the totals
# again when the file is opened, whatever the command.
sqlite3 "$TELLUS_DB" "UPDATE store_meta SET value = 'another calendar' WHERE key = 'tally_calendar'"
tty recount config list
shows "the count after a calendar change shows its stages" recount "counting the report's totals again \\[[#.]{20}\\] [0-9,]+ of [0-9,]+ stages"
succeeds "and the totals are right afterwards" check
grep -q "report totals: ok" "$T_OUT" && t_ok "as check says" || t_fail "as check says" "$(cat "$T_OUT")"
sqlite3 "$TELLUS_DB" "UPDATE store_meta SET value = 'another calendar' WHERE key = 'tally_calendar'"
run config list
same "piped, the count after a calendar change shows nothing" "$(wc -c <"$T_ERR")" 0

# Retention removes the words of every case closed long enough ago,
# counting them, then vacuums the file (SPEC 10: retention shows progress).
tty retention retention run
shows "retention shows the cases it removes words from" retention "removing words by retention \\[[#.]{20}\\] [0-9,]+ of [0-9,]+ cases"
shows "and the vacuum after" retention "vacuuming the file"
shows "and ends with its summary" retention "[0-9,]+ cases closed on or before"
# (the file is the import's, already removed: a new one piped says nothing)
"$TELLUS" --db "$T_DIR/piped.db" retention run >"$T_DIR/piped.out" 2>"$T_DIR/piped.err"
same "piped, retention shows no progress" "$(wc -c <"$T_DIR/piped.err")" 0

# sync in at the register shows the moves of a bundle as it applies them.
REG=$T_DIR/reg.db DEV=$T_DIR/dev.db
"$TELLUS" --db "$REG" device add K2 --name Kiosk --role kiosk --out "$T_DIR" >/dev/null 2>&1 &&
	"$TELLUS" --db "$DEV" device join "$T_DIR/K2.pair" >/dev/null
for i in 1 2 3; do "$TELLUS" --db "$DEV" log --kind complaint --complainant child --service Fostering \
	--channel kiosk --summary "Case $i" >/dev/null; done
mkdir -p "$T_DIR/usb" && "$TELLUS" --db "$DEV" sync out "$T_DIR/usb" >/dev/null
B=$(ls "$T_DIR"/usb/K2-e1-*.bundle)
cp "$REG" "$T_DIR/reg2.db"
tty syncin --db "$REG" sync in "$B"
shows "sync in shows the moves it applies" syncin "applying K2's moves \\[[#.]{20}\\] [0-9,]+ of 3 moves"
shows "and ends with its summary" syncin "K2 moves 1 to 3: 3 applied"
"$TELLUS" --db "$T_DIR/reg2.db" sync in "$B" >"$T_DIR/piped.out" 2>"$T_DIR/piped.err"
same "piped, sync in shows no progress" "$(wc -c <"$T_DIR/piped.err")|$(grep -c '3 applied' "$T_DIR/piped.out")" "0|1"

# The kiosk draws "getting ready" through the same progress while it
# counts at its first opening, then runs as ever.
if [ -n "${TELLUS_KIOSK:-}" ] && [ -x "$TELLUS_KIOSK" ]; then
	sqlite3 "$TELLUS_DB" "UPDATE store_meta SET value = 'another calendar' WHERE key = 'tally_calendar'"
	# How a kiosk leaves when stopped is not what is tested here (leaks
	# are its own tests' business): that it counted, drew and kept going.
	ASAN_OPTIONS=detect_leaks=0 SDL_VIDEODRIVER=offscreen timeout -k 5 -s TERM 6 \
		"$TELLUS_KIOSK" --db "$TELLUS_DB" >"$T_OUT" 2>"$T_ERR"
	rc=$?
	same "the kiosk counts while getting ready, then runs until stopped" \
		"$([ $rc -eq 124 ] || [ $rc -eq 137 ] && echo stopped)|$(grep -c . "$T_ERR")|$(sqlite3 "$TELLUS_DB" "SELECT value <> 'another calendar' FROM store_meta WHERE key = 'tally_calendar'")" \
		"stopped|0|1"
fi
echo "1..$T_N"
