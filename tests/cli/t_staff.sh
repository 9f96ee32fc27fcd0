#!/usr/bin/env bash
# t_staff.sh - `tellus staff add` and `tellus staff list` through the real
# binary: the PIN comes from stdin when it is not a terminal, twice on two
# lines that must match, is never stored as given, and bad input is refused
# with one line.
. "$(dirname "$0")/lib.sh"

run_pin() { local pin=$1; shift; printf '%s\n%s\n' "$pin" "$pin" | "$TELLUS" "$@" >"$T_OUT" 2>"$T_ERR"; T_RC=$?; }

run_pin 482913 staff add "Ann Lee" --role officer
same "staff add reads the PIN from stdin" "$T_RC" 0
run_pin 1357 staff add "Mo Khan" --role manager
prints "staff list names everyone with their role, by name" "$(printf 'Ann Lee\tofficer\nMo Khan\tmanager')" staff list
same "the PIN is stored as an Argon2id hash" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM staff WHERE pin_hash LIKE '\$argon2id\$%' AND pin_hash NOT LIKE '%482913%'")" 2
same "adding staff is in the audit trail" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM audit WHERE action = 'staff_add'")" 2
same "the PIN is not on the command line or in the output" "$(grep -c 482913 "$T_OUT" "$T_ERR" | awk -F: '{s+=$2} END {print s}')" 0

before=$(db_hash)
run_pin 12 staff add Bo --role officer
if [ $T_RC -ne 0 ] && grep -q "PIN: must be 4 to 12 digits" "$T_ERR"; then t_ok "a short PIN is refused"; else t_fail "a short PIN is refused" "$(cat "$T_ERR")"; fi
run_pin 1234 staff add Bo --role boss
if [ $T_RC -ne 0 ] && grep -q "role: 'boss' is not one of officer, manager, admin" "$T_ERR"; then t_ok "an unknown role is refused"; else t_fail "an unknown role is refused" "$(cat "$T_ERR")"; fi
run_pin 9999 staff add "Ann Lee" --role admin
if [ $T_RC -ne 0 ] && grep -q "already there" "$T_ERR" && [ "$(wc -l <"$T_ERR")" -eq 1 ]; then t_ok "a name already there is refused in one line"; else t_fail "a name already there is refused in one line" "$(cat "$T_ERR")"; fi
printf '' | "$TELLUS" staff add Cy --role officer >"$T_OUT" 2>"$T_ERR"; T_RC=$?
if [ $T_RC -ne 0 ] && grep -q "PIN: none on standard input" "$T_ERR"; then t_ok "no PIN at all is refused"; else t_fail "no PIN at all is refused" "$(cat "$T_ERR")"; fi
printf '482913\n' | "$TELLUS" staff add Cy --role officer >"$T_OUT" 2>"$T_ERR"; T_RC=$?
if [ $T_RC -ne 0 ] && grep -q "PIN: give it twice, on two lines" "$T_ERR"; then t_ok "a PIN given once on a pipe is refused"; else t_fail "a PIN given once on a pipe is refused" "$(cat "$T_ERR")"; fi
printf '482913\n482914\n' | "$TELLUS" staff add Cy --role officer >"$T_OUT" 2>"$T_ERR"; T_RC=$?
if [ $T_RC -ne 0 ] && grep -q "PIN: the two PINs differ" "$T_ERR" && [ "$(wc -l <"$T_ERR")" -eq 1 ]; then t_ok "two different PINs on a pipe are refused"; else t_fail "two different PINs on a pipe are refused" "$(cat "$T_ERR")"; fi
refuses "staff with no subcommand shows the usage" "usage: tellus staff add NAME" staff
same "refusals change nothing" "$(db_hash)" "$before"
