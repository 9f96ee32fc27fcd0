#!/usr/bin/env bash
# t_xvfb_idle.sh - the idle wipe as a person sees it, in a real X window
# under Xvfb: a child chooses and types (xdotool), walks away; past
# idle_seconds (set short here) the window itself, read back from the X
# server, is the very start screen a fresh kiosk shows (ImageMagick
# compare, 0 pixels differ), with nothing typed left anywhere.
. "$TELLUS_ROOT/tests/cli/lib.sh"
K=${TELLUS_KIOSK:?}
unset SDL_VIDEODRIVER
for tool in Xvfb xdotool import compare; do
	command -v $tool >/dev/null || { t_fail "$tool is installed (scripts/install-deps)"; exit 1; }
done
IDLE=10

for n in $(seq 141 190); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$T_DIR/xvfb.log" 2>&1 &
XPID=$!
KPID=""
stop_kiosk() { [ -n "$KPID" ] && kill "$KPID" 2>/dev/null; [ -n "$KPID" ] && wait "$KPID" 2>/dev/null; KPID=""; }
cleanup() { stop_kiosk; kill "$XPID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T_DIR"; }
trap cleanup EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done

"$TELLUS" config set idle_seconds $IDLE >/dev/null
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy

# start_kiosk: a kiosk window on the database; its id in WID.
start_kiosk() {
	"$K" --db "$TELLUS_DB" --size 1280x800 >"$T_DIR/kiosk.log" 2>&1 &
	KPID=$!
	WID=$(timeout 20 xdotool search --sync --onlyvisible --name "^Tell us$" | head -1)
	[ -n "$WID" ] && xdotool windowfocus --sync "$WID" 2>/dev/null
	sleep 1
}
shot() { import -silent -window "$WID" "$1" 2>>"$T_DIR/import.log"; }

start_kiosk
if [ -n "$WID" ]; then t_ok "the kiosk opens a window"; else t_fail "the kiosk opens a window" "$(cat "$T_DIR/kiosk.log")"; exit 1; fi
shot "$T_DIR/fresh.png"
stop_kiosk

start_kiosk
SDL_VIDEODRIVER=offscreen "$K" --list-controls --screen start --size 1280x800 >"$T_DIR/controls"
read -r x y w h _ < <(grep ' Something is wrong$' "$T_DIR/controls")
xdotool mousemove --window "$WID" $((x + w / 2)) $((y + h / 2)) click 1
sleep 0.4
xdotool key --delay 80 Tab Return; sleep 0.3  # who: the first tile
xdotool key --delay 80 Tab Return; sleep 0.3  # service: the first tile
xdotool key --delay 80 Tab; sleep 0.3
xdotool type --delay 20 "Private words nobody else may see"
sleep 0.5
shot "$T_DIR/typed.png"
# Walk away: the warning comes, then the wipe, with no touch in between.
sleep $((IDLE + 3))
shot "$T_DIR/after.png"
ae=$(compare -metric AE "$T_DIR/fresh.png" "$T_DIR/after.png" null: 2>&1)
same "past idle_seconds the window is a fresh start screen (pixels differing)" "$ae" "0"
ae=$(compare -metric AE "$T_DIR/fresh.png" "$T_DIR/typed.png" null: 2>&1)
if [ "${ae:-0}" != "0" ]; then t_ok "typing had changed the screen ($ae pixels)"; else t_fail "typing had changed the screen"; fi
same "nothing typed was stored" "$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM cases")" "0"
mkdir -p "$TELLUS_BUILD/test-artifacts/kiosk"
cp "$T_DIR/after.png" "$TELLUS_BUILD/test-artifacts/kiosk/xvfb-after-idle.png"
stop_kiosk
