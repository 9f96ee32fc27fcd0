#!/usr/bin/env bash
# t_readme_devices.sh - the README's "Devices" commands, exactly as
# written there, take a fresh install to a register with one kiosk and one
# officer's device, in under ten commands; so the README cannot rot. Each
# line's prompt (register$, kiosk$, officer$) says whose file it runs on;
# cases are logged on the devices before the first bundle is written.
. "$(dirname "$0")/../cli/lib.sh"
ROOT=${TELLUS_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
USB=$T_DIR/usb
mkdir -p "$USB"
export TELLUS_TODAY=2026-01-15
lines=$(awk '/^## Devices/ { on = 1 } on && /^```console/ { block = 1; next }
	block && /^```/ { exit } block' "$ROOT/README.md")
n=$(grep -c . <<<"$lines")
[ "$n" -gt 0 ] && [ "$n" -lt 10 ] && t_ok "the README's Devices block has under ten commands ($n)" ||
	t_fail "the README's Devices block has under ten commands ($n)"
logged=
while read -r prompt cmd; do
	who=${prompt%\$}
	case $who in register|kiosk|officer) ;; *) t_fail "a line of the block has no known prompt" "$prompt"; continue ;; esac
	if [ -z "$logged" ] && [[ $cmd == *"sync out"* ]]; then
		"$TELLUS" --db "$T_DIR/kiosk.db" log --kind complaint --complainant child --service Fostering \
			--summary "The README kiosk's sentence" >/dev/null
		printf '2468\n2468\n' | "$TELLUS" --db "$T_DIR/officer.db" staff add "Sam Patel" --role officer >/dev/null
		"$TELLUS" --db "$T_DIR/officer.db" --as "Sam Patel" log --kind complaint --complainant child \
			--service Fostering --on-behalf --officer "Sam Patel" --summary "The officer's sentence" >/dev/null
		logged=yes
	fi
	cmd=${cmd//\/media\/usb/$USB}
	tellus() { "$TELLUS" --db "$T_DIR/$who.db" "$@"; }
	if eval "$cmd" >"$T_OUT" 2>"$T_ERR"; then t_ok "$prompt ${cmd#tellus }"
	else t_fail "$prompt ${cmd#tellus }" "$(cat "$T_ERR")"; fi
done <<<"$lines"
same "the register has both devices' cases" "$(sqlite3 "$T_DIR/register.db" "SELECT count(*) FROM cases")" "2"
run --db "$T_DIR/register.db" device list
same "and knows both devices" "$(cut -f1,2 "$T_OUT" | tr '\t\n' ' ')" "K2 kiosk P3 officer "
same "the kiosk keeps no words" "$(grep -c -a "README kiosk's sentence" "$T_DIR/kiosk.db")" "0"
run --db "$T_DIR/officer.db" show "$(sqlite3 "$T_DIR/officer.db" "SELECT ref FROM cases")"
grep -q "The officer's sentence" "$T_OUT" && t_ok "the officer keeps theirs" || t_fail "the officer keeps theirs" "$(cat "$T_OUT")"
