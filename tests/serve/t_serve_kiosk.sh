#!/usr/bin/env bash
# t_serve_kiosk.sh - a kiosk that syncs by itself (register_url set), in a
# real X window under Xvfb: a child touches "I don't feel safe" while the
# register is away, and the screen says truthfully that staff may not see
# it yet; the register comes up on its address, and without anyone
# carrying a bundle the record reaches the register's `tellus list` and
# the child's screen changes to "We have told the staff". The kiosk's own
# F12 screenshots are read by OCR (tesseract).
. "$TELLUS_ROOT/tests/cli/lib.sh"
. "$TELLUS_ROOT/tests/serve/serve_lib.sh"
K=${TELLUS_KIOSK:?}
KIOSK=$T_DIR/kiosk.db
unset SDL_VIDEODRIVER
for tool in Xvfb xdotool sqlite3 tesseract; do
	command -v $tool >/dev/null || { t_fail "$tool is installed (scripts/install-deps)"; exit 1; }
done
t() { "$TELLUS" --db "$1" "${@:2}"; }

# The register, and the kiosk joined to it with its address set: a port
# that answers nothing until the register starts there.
run config set device_code R1
t "$TELLUS_DB" device add K2 --name "Reception kiosk" --role kiosk --out "$T_DIR" >/dev/null
t "$KIOSK" device join "$T_DIR/K2.pair" >/dev/null && t_ok "the kiosk joins the register" \
	|| t_fail "the kiosk joins the register"
serve_start probe --listen 127.0.0.1:0
PORT=$SERVE_PORT
serve_stop
t "$KIOSK" config set register_url "http://127.0.0.1:$PORT" >/dev/null
t "$KIOSK" config set sync_seconds 5 >/dev/null
# The council's number as on the sample screens, whose controls' places
# the clicks below use (--list-controls).
t "$KIOSK" config set contact_phone "01632 960 000" >/dev/null

for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$T_DIR/xvfb.log" 2>&1 &
XPID=$!
KPID=""
cleanup() {
	[ -n "$KPID" ] && kill "$KPID" 2>/dev/null
	[ -n "${SERVE_PID:-}" ] && kill "$SERVE_PID" 2>/dev/null
	kill "$XPID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T_DIR"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done

SDL_VIDEODRIVER=offscreen "$K" --list-controls --screen start --size 1280x800 >"$T_DIR/start.ctl"
SDL_VIDEODRIVER=offscreen "$K" --list-controls --screen unsafe --size 1280x800 >"$T_DIR/unsafe.ctl"
click() { # CONTROLS LABEL
	local x y w h
	read -r x y w h _ < <(grep -F " $2" "$1" | head -1)
	xdotool mousemove --window "$WID" $((x + w / 2)) $((y + h / 2)) click 1
	sleep 0.4
}
# shot NAME: the kiosk's own screenshot (F12, into $T_DIR/shot.png), read
# by OCR into $T_DIR/NAME.txt: read twice, as a page (--psm 3) and as one
# block (--psm 6), because the page reading drops a one-line notice in its
# box when the header's buttons change (it missed "We have told the staff"
# once the header gained "Listen").
shot() {
	rm -f "$T_DIR/shot.png"
	xdotool key F12
	for _ in $(seq 50); do [ -s "$T_DIR/shot.png" ] && break; sleep 0.1; done
	sleep 0.2
	mv "$T_DIR/shot.png" "$T_DIR/$1.png"
	{ tesseract "$T_DIR/$1.png" - --psm 3; tesseract "$T_DIR/$1.png" - --psm 6; } 2>/dev/null |
		tr '\n' ' ' | sed 's/  */ /g' >"$T_DIR/$1.txt"
}

export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
TELLUS_SCREENSHOT="$T_DIR/shot.png" "$K" --db "$KIOSK" --size 1280x800 >"$T_DIR/kiosk.log" 2>&1 &
KPID=$!
WID=$(timeout 20 xdotool search --sync --onlyvisible --name "^Tell us$" | head -1)
if [ -n "$WID" ]; then t_ok "the kiosk opens a window"; else t_fail "the kiosk opens a window" "$(cat "$T_DIR/kiosk.log")"; exit 1; fi
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 0.5
click "$T_DIR/start.ctl" "I don't feel safe"
click "$T_DIR/unsafe.ctl" "Tell the staff"
for _ in $(seq 50); do [ -n "$(sqlite3 "$KIOSK" "SELECT ref FROM cases WHERE unsafe = 1")" ] && break; sleep 0.1; done
REF=$(sqlite3 "$KIOSK" "SELECT ref FROM cases WHERE unsafe = 1")
[ -n "$REF" ] && t_ok "the kiosk records \"I don't feel safe\" ($REF)" || t_fail "the kiosk records \"I don't feel safe\""

# The register is away: the screen does not say staff were told.
sleep 1
shot away
if grep -qi "may not see it" "$T_DIR/away.txt" && ! grep -qi "have told the staff" "$T_DIR/away.txt"; then
	t_ok "while the register is away, the child is not told that staff know"
else t_fail "while the register is away, the child is not told that staff know" "$(cat "$T_DIR/away.txt")"; fi
same "and the kiosk has not marked it told" "$(sqlite3 "$KIOSK" "SELECT count(*) FROM safety_told")" "0"
n=$(cat "$KIOSK" "$KIOSK-wal" 2>/dev/null | grep -c -a "Said at the kiosk")
[ "$n" -gt 0 ] && t_ok "the kiosk keeps the record's words until the register has them" \
	|| t_fail "the kiosk keeps the record's words until the register has them"

# The register comes up at its address: the record goes by itself.
serve_start register --listen "127.0.0.1:$PORT"
got=""
for _ in $(seq 600); do
	got=$("$TELLUS" list 2>/dev/null | grep -F "$REF")
	[ -n "$got" ] && break
	sleep 0.1
done
[ -n "$got" ] && t_ok "the record reaches the register's tellus list, with no bundle carried" \
	|| t_fail "the record reaches the register's tellus list" "$(cat "$SERVE_LOG")"
for _ in $(seq 100); do
	[ "$(sqlite3 "$KIOSK" "SELECT how FROM safety_told" 2>/dev/null)" = register ] && break
	sleep 0.1
done
same "the reply marks it told by the register" "$(sqlite3 "$KIOSK" "SELECT how FROM safety_told")" "register"
for i in $(seq 10); do
	shot told
	grep -qi "have told the staff" "$T_DIR/told.txt" && break
	sleep 0.5
done
if grep -qi "have told the staff" "$T_DIR/told.txt" && ! grep -qi "may not see it" "$T_DIR/told.txt"; then
	t_ok "the child's screen now says staff were told"
	mkdir -p "$TELLUS_BUILD/test-artefacts/serve" && cp "$T_DIR/away.png" "$T_DIR/told.png" "$TELLUS_BUILD/test-artefacts/serve/"
else t_fail "the child's screen now says staff were told" "$(cat "$T_DIR/told.txt")"; fi
grep -qE ' POST /sync 200 ' "$SERVE_LOG" && t_ok "the register logged the kiosk's sync" || t_fail "the register logged the kiosk's sync"
# The register has the words: the running kiosk forgot them, in its file
# and its write-ahead log alike.
n=$(cat "$KIOSK" "$KIOSK-wal" 2>/dev/null | grep -c -a "Said at the kiosk")
same "the running kiosk's file and WAL no longer hold the record's words" "$n" "0"

kill -TERM "$KPID"
for _ in $(seq 100); do kill -0 "$KPID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$KPID" 2>/dev/null; then t_fail "the kiosk stops on SIGTERM, its sync thread too"; else
	wait "$KPID"; rc=$?; KPID=""
	same "the kiosk stops on SIGTERM, its sync thread too" "$rc" 0
fi
serve_stop
SERVE_PID=""
