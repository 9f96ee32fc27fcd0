#!/usr/bin/env bash
# t_crash.sh - the crash harness against the real `tellus`: CRASH_TRIALS
# trials (default 300, of which at least 200 must kill a writer mid-write)
# of two racing submissions, and
# every tenth trial a large import when `tellus import` exists, each killed
# with SIGKILL (imports take turns: one left to finish, one killed inside
# its transaction, one at a random moment, so that how busy the machine is
# decides no outcome); then integrity_check, every acknowledged case, and
# tellus check's totals after each import. Every tenth trial, too, `tellus
# sync in` of a device's bundle into a copy of its register, killed
# likewise: the bundle wholly in or wholly out, and applying it again gives
# the same register. `make crash` runs it long. CRASH_SEED repeats a run.
set -u
: "${TELLUS:?TELLUS must name the built tellus binary}" "${TELLUS_BUILD:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
trials=${CRASH_TRIALS:-300}
args=(--tellus "$TELLUS" --dir "$dir" --trials "$trials" --min-kills $((trials * 2 / 3))
	--race-create "${CRASH_RACE_CREATE:-0}")
if "$TELLUS" --help 2>/dev/null | grep -qE '^ +import '; then
	args+=(--import-every 10 --import-rows "${CRASH_IMPORT_ROWS:-500}")
fi
[ -n "${CRASH_SEED:-}" ] && args+=(--seed "$CRASH_SEED")
# A register, and a kiosk's bundle: cases it imported and logged, moves
# on them, receipts' code hashes.
if "$TELLUS" --help 2>/dev/null | grep -qE '^ +sync '; then
	reg=$dir/sync-template.db kiosk=$dir/sync-kiosk.db
	export TELLUS_TODAY=2026-01-15
	"$TELLUS" --db "$reg" device add K9 --name "Crash kiosk" --role kiosk --out "$dir" >/dev/null 2>&1 &&
		"$TELLUS" --db "$kiosk" device join "$dir/K9.pair" >/dev/null
	{
		echo "ref,kind,received,procedure,channel,complainant,on_behalf,service_area,team,causes,summary"
		for i in $(seq 1 "${CRASH_SYNC_ROWS:-200}"); do
			echo "LEGACY-$i,complaint,2025-11-0$((i % 9 + 1)),statutory,letter,parent,no,Fostering,,delays,\"Row $i, \"\"quoted\"\"\""
		done
	} >"$dir/sync-rows.csv"
	"$TELLUS" --db "$kiosk" import "$dir/sync-rows.csv" >/dev/null
	for i in 1 2 3 4 5; do
		ref=$("$TELLUS" --db "$kiosk" log --kind complaint --complainant child --service Fostering --summary "Logged $i")
		"$TELLUS" --db "$kiosk" receipt "$ref" --out "$dir/r.txt" >/dev/null
		"$TELLUS" --db "$kiosk" respond "LEGACY-$i" --outcome not_upheld --date 2026-01-14 >/dev/null
	done
	"$TELLUS" --db "$kiosk" sync out "$dir" >/dev/null
	bundle=$(ls "$dir"/K9-e1-*.bundle 2>/dev/null)
	unset TELLUS_TODAY
	[ -n "$bundle" ] && args+=(--sync-every 10 --sync-register "$reg" --sync-bundle "$bundle" --sync-code K9)
fi
"$TELLUS_BUILD/crash/crash_harness" "${args[@]}"
status=$?

# The harness must be able to fail: a writer that prints a reference
# without storing anything has to be caught as a loss.
printf '#!/bin/sh\necho K2-26-0417-7\n' >"$dir/liar"
chmod +x "$dir/liar"
if "$TELLUS_BUILD/crash/crash_harness" --tellus "$dir/liar" --dir "$dir" --trials 40 --min-kills 0 \
	>"$dir/liar.out" 2>&1; then
	echo "not ok - the harness catches a writer that acknowledges what it never stored"
	sed 's/^/#   /' "$dir/liar.out"
	status=1
elif grep -q '^not ok .*byte-for-byte intact (.* [1-9][0-9]* lost' "$dir/liar.out"; then
	echo "ok - the harness catches a writer that acknowledges what it never stored"
else
	echo "not ok - the harness failed the liar for another reason"
	sed 's/^/#   /' "$dir/liar.out"
fi

# And an import that is not all or nothing has to be caught: this one
# stores its first ten rows in a transaction of their own, then the rest
# (the first part keeps the harness's pipe open, so the harness counts
# after it has ended).
if [[ " ${args[*]} " == *" --import-every "* ]]; then
	cat >"$dir/split.py" <<'PY'
import sys
rows = open(sys.argv[1], "rb").read().split(b"\r\n")
head, rest = rows[0], [r for r in rows[1:] if r]
for name, part in ((".head", rest[:10]), (".rest", rest[10:])):
    open(sys.argv[1] + name, "wb").write(b"\r\n".join([head] + part) + b"\r\n")
PY
	printf '#!/bin/sh\n[ "$1" = import ] || exec "%s" "$@"\npython3 "%s" "$2"\n"%s" import "$2.head" && exec "%s" import "$2.rest"\n' \
		"$TELLUS" "$dir/split.py" "$TELLUS" "$TELLUS" >"$dir/halves"
	chmod +x "$dir/halves"
	if "$TELLUS_BUILD/crash/crash_harness" --tellus "$dir/halves" --dir "$dir" --trials 6 \
		--import-every 1 --import-rows 100 --min-kills 0 >"$dir/halves.out" 2>&1; then
		echo "not ok - the harness catches an import that is not all or nothing"
		sed 's/^/#   /' "$dir/halves.out"
		status=1
	elif grep -q '^not ok .*wholly absent (.* [1-9][0-9]* partial' "$dir/halves.out"; then
		echo "ok - the harness catches an import that is not all or nothing"
	else
		echo "not ok - the harness failed the two-part import for another reason"
		sed 's/^/#   /' "$dir/halves.out"
		status=1
	fi
fi
exit $status
