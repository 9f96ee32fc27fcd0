#!/usr/bin/env bash
# t_kiosk_cli.sh - the options of tellus-kiosk: --help, --version,
# --list-screens, --list-controls, and one-line refusals.
. "$TELLUS_ROOT/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
K=${TELLUS_KIOSK:?}

kio() { "$K" "$@" >"$T_OUT" 2>"$T_ERR"; T_RC=$?; }
kio --version
same "--version names the program" "$(cat "$T_OUT")" "tellus-kiosk 0.1.0"
kio --help
if [ $T_RC -eq 0 ] && grep -q -- "--screenshot FILE.png --screen NAME" "$T_OUT"; then t_ok "--help shows the screenshot usage"; else t_fail "--help shows the screenshot usage"; fi
kio --list-screens
same "--list-screens names every screen" "$(tr '\n' ' ' <"$T_OUT")" "start who service what keyboard wish contact check receipt help idle unsafe track scripts staff pin officer cases manager case respond extend pause causes action select hidden unsafe-told unsafe-not-told what-error track-failed receipt-compliment behalf behalf-who safety handled confirm recorded shift talk receipt-talk equalities sync "
kio --list-controls --screen start --size 1280x800
if [ $T_RC -eq 0 ] && grep -qE '^[0-9]+ [0-9]+ [0-9]+ [0-9]+ Something is wrong$' "$T_OUT"; then t_ok "--list-controls gives each control's rectangle"; else t_fail "--list-controls gives each control's rectangle" "$(cat "$T_OUT" "$T_ERR")"; fi
kio --screenshot "$T_DIR/x.png" --screen nowhere
if [ $T_RC -ne 0 ] && [ "$(wc -l <"$T_ERR")" -eq 1 ] && grep -q "no screen named 'nowhere'" "$T_ERR"; then t_ok "an unknown screen is refused in one line"; else t_fail "an unknown screen is refused in one line" "$(cat "$T_ERR")"; fi
kio --size 10x10
if [ $T_RC -eq 2 ] && grep -q -- "--size: '10x10' is not WxH" "$T_ERR"; then t_ok "a bad size is refused"; else t_fail "a bad size is refused" "$(cat "$T_ERR")"; fi
kio --frobnicate
if [ $T_RC -eq 2 ] && grep -q "unknown option '--frobnicate'" "$T_ERR"; then t_ok "an unknown option is refused"; else t_fail "an unknown option is refused"; fi
kio --screenshot "$T_DIR/y.png"
if [ $T_RC -eq 2 ] && grep -q "need --screen NAME" "$T_ERR"; then t_ok "--screenshot without --screen is refused"; else t_fail "--screenshot without --screen is refused"; fi
