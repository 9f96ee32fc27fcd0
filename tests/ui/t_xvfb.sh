#!/usr/bin/env bash
# t_xvfb.sh - tellus-kiosk in a real X window under Xvfb: a mouse click
# and key presses from xdotool submit a complaint, sqlite3 finds it in the
# database, and the kiosk's own F12 hook saves a screenshot of the receipt.
. "$TELLUS_ROOT/tests/cli/lib.sh"
K=${TELLUS_KIOSK:?}
unset SDL_VIDEODRIVER
for tool in Xvfb xdotool sqlite3; do
	command -v $tool >/dev/null || { t_fail "$tool is installed (scripts/install-deps)"; exit 1; }
done

# A free display number, and the server's own pid to stop it.
for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$T_DIR/xvfb.log" 2>&1 &
XPID=$!
KPID=""
cleanup() { [ -n "${KEEP:-}" ] && cp "$T_DIR/kiosk.log" /tmp/kiosk-xvfb.log; [ -n "$KPID" ] && kill "$KPID" 2>/dev/null; kill "$XPID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T_DIR"; }
trap cleanup EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done

SDL_VIDEODRIVER=offscreen "$K" --list-controls --screen start --size 1280x800 >"$T_DIR/controls" 2>"$T_DIR/controls.err"
read -r x y w h _ < <(grep ' Something is wrong$' "$T_DIR/controls")

# Xvfb has no GPU: SDL's software renderer, without GL under it (mesa's
# dlopened drivers would leave leak reports under the sanitizers).
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
TELLUS_SCREENSHOT="$T_DIR/receipt.png" "$K" --db "$TELLUS_DB" --size 1280x800 >"$T_DIR/kiosk.log" 2>&1 &
KPID=$!
WID=$(timeout 20 xdotool search --sync --onlyvisible --name "^Tell us$" | head -1)
if [ -n "$WID" ]; then t_ok "the kiosk opens a window"; else t_fail "the kiosk opens a window" "$(cat "$T_DIR/kiosk.log")"; exit 1; fi
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 0.5

key() { xdotool key --delay 80 "$@"; sleep 0.25; }
xdotool mousemove --window "$WID" $((x + w / 2)) $((y + h / 2)) click 1
sleep 0.4
key Tab Return                 # the first tile: a child or young person
key Tab Return                 # the first service
key Tab
xdotool type --delay 20 "Nobody came to my review"
sleep 0.3
key Tab Return                 # Next
key Tab
xdotool type --delay 20 "A new date"
sleep 0.3
key Tab Return                 # Next
key Tab Tab Tab Return         # past the contact and name fields to Skip
key Tab Tab Tab Tab Tab Tab Return  # past the five Change links to Send
key F12
for _ in $(seq 50); do [ -s "$T_DIR/receipt.png" ] && break; sleep 0.1; done

same "the complaint is in the database" \
	"$(sqlite3 "$TELLUS_DB" "SELECT kind, channel, complainant, summary, desired FROM cases")" \
	"complaint|kiosk|child|Nobody came to my review|A new date"
ref=$(sqlite3 "$TELLUS_DB" "SELECT ref FROM cases")
same "its stage 1 is due in 10 working days" "$(sqlite3 "$TELLUS_DB" "SELECT due FROM stages")" "2026-01-29"
if [ "$(od -An -tx1 -N8 "$T_DIR/receipt.png" 2>/dev/null | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
	t_ok "F12 saves a PNG screenshot of the receipt"
	mkdir -p "$TELLUS_BUILD/test-artifacts/kiosk" && cp "$T_DIR/receipt.png" "$TELLUS_BUILD/test-artifacts/kiosk/xvfb-receipt.png"
else
	t_fail "F12 saves a PNG screenshot of the receipt" "$(cat "$T_DIR/kiosk.log")"
fi
qr=$(zbarimg -q --raw "$T_DIR/receipt.png" 2>/dev/null)
case "$ref:$qr" in
:*) t_fail "the receipt's QR in the window names the case" "no case" ;;
*"$ref"*) t_ok "the receipt's QR in the window names the case ($ref)" ;;
*) t_fail "the receipt's QR in the window names the case" "ref: $ref" "qr: $qr" ;;
esac
key Escape
kill -TERM "$KPID" # SDL turns it into a quit event
for _ in $(seq 50); do kill -0 "$KPID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$KPID" 2>/dev/null; then t_fail "the kiosk stops on SIGTERM"; else
	wait "$KPID"; rc=$?; KPID=""
	same "the kiosk stops on SIGTERM, cleanly" "$rc" 0
fi
