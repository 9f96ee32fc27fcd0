#!/usr/bin/env bash
# t_identity.sh - who acts, and what a terminal is shown (SPEC 9; issue 14
# point 5, issue 17 point 3), through the real binary: the audit names the
# OS user (from the system, not $USER) unless --as names a member of
# staff, and any other name is refused; an officer named on a case is a
# member of staff with the officer role once staff exist; and a person's
# words reach show, list, due, audit and the error messages escaped (a CR,
# a U+202E, a C1 control, an escape sequence shown, never obeyed), while an
# export keeps their bytes.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-06-01
"$TELLUS" config set device_code K2 >/dev/null
ME=$(id -un)
add_staff() { printf '2468\n2468\n' | "$TELLUS" staff add "$1" --role "$2" >/dev/null; }
last_who() { sqlite3 "$TELLUS_DB" "SELECT who FROM audit ORDER BY id DESC LIMIT 1"; }
# no_byte NAME FILE BYTES: FILE holds none of BYTES (a printf string).
no_byte() { if grep -qF "$(printf "$3")" "$2"; then t_fail "$1" "$(od -c "$2" | head -5)"; else t_ok "$1"; fi; }

# --- Who acts -----------------------------------------------------------------
R=$("$TELLUS" log --kind complaint --complainant parent --service Fostering --received 2026-05-20)
succeeds "a move with no --as" action "$R" apology
same "the audit names the OS user" "$(last_who)" "cli:$ME"
env -u USER -u LOGNAME "$TELLUS" causes "$R" delays >/dev/null 2>&1
same "with \$USER unset it is still the OS user, never cli:unknown" "$(last_who)" "cli:$ME"
USER=someone-else "$TELLUS" action "$R" training >/dev/null 2>&1
same "\$USER cannot change who the audit names" "$(last_who)" "cli:$ME"
h=$(db_hash)
refuses "--as a name that is no member of staff is refused" \
	"^tellus action: --as: 'Mickey Mouse' is not a member of staff \(see tellus staff list\)$" \
	action "$R" records_amended --as "Mickey Mouse"
TELLUS_USER="Mickey Mouse" run action "$R" records_amended
[ $T_RC -ne 0 ] && grep -q "TELLUS_USER: 'Mickey Mouse' is not a member of staff" "$T_ERR" &&
	t_ok "TELLUS_USER naming no member of staff is refused" ||
	t_fail "TELLUS_USER naming no member of staff is refused" "$(cat "$T_ERR")"
same "refused names write nothing, not even to the audit" "$(db_hash)" "$h"
add_staff "Sam Manager" manager
add_staff "Ann Lee" officer
succeeds "--as a member of staff" action "$R" records_amended --as "Sam Manager"
same "the audit names them" "$(last_who)" "Sam Manager"

# --- Officers ------------------------------------------------------------------
refuses "an officer who is no member of staff is refused" \
	"^tellus log: --officer: 'A Stranger' is not a member of staff with the officer role" \
	log --kind complaint --complainant child --service Fostering --on-behalf --officer "A Stranger"
refuses "a manager is not an officer" "'Sam Manager' is not a member of staff with the officer role" \
	log --kind complaint --complainant child --service Fostering --on-behalf --officer "Sam Manager"
succeeds "an officer on the staff list logs on a child's behalf" \
	log --kind complaint --complainant child --service Fostering --on-behalf --officer "Ann Lee"
refuses "list --officer is checked too" "--officer: 'Nobody' is not a member of staff" list --officer Nobody
refuses "and due --officer" "--officer: 'Nobody' is not a member of staff" due --officer Nobody
succeeds "list --officer of an officer" list --officer "Ann Lee"

# --- What a terminal is shown ------------------------------------------------------
RLO=$'\u202e' NEL=$'\xc2\x85'
# Service areas are a configured list (issue 14 point 8): one configured
# with a U+202E in its name, as a person might type it.
"$TELLUS" services add "Foster${RLO}ing" >/dev/null
C=$("$TELLUS" log --kind complaint --complainant child --service "Foster${RLO}ing" --received 2026-05-20 \
	--summary $'My carer hits me\u2026\rThank you, all sorted now.'"${NEL}end")
run show "$C"
grep -qF 'My carer hits me…\rThank you, all sorted now.<U+0085>end' "$T_OUT" &&
	t_ok "show writes the CR and the C1 control visibly" || t_fail "show writes the CR and the C1 control visibly" "$(cat "$T_OUT")"
no_byte "show sends no raw CR to the terminal" "$T_OUT" '\r'
no_byte "nor a raw C1 control" "$T_OUT" '\302\205'
grep -qF 'service       Foster<U+202E>ing' "$T_OUT" && t_ok "show writes a U+202E in a service as <U+202E>" ||
	t_fail "show writes a U+202E in a service as <U+202E>" "$(grep service "$T_OUT")"
run list
grep -qF "service: Foster<U+202E>ing" "$T_OUT" && t_ok "list writes it visibly" || t_fail "list writes it visibly" "$(cat "$T_OUT")"
no_byte "list sends no raw U+202E" "$T_OUT" '\342\200\256'
add_staff "Mickey${RLO}esuoM" manager
succeeds "--as a member whose name holds a U+202E" action "$C" apology --as "Mickey${RLO}esuoM"
run audit "$C"
grep -qE "Mickey<U\+202E>esuoM +action +$C " "$T_OUT" &&
	t_ok "the audit line shows the U+202E and the reference after it in order" ||
	t_fail "the audit line shows the U+202E and the reference after it in order" "$(cat "$T_OUT")"
no_byte "audit sends no raw U+202E" "$T_OUT" '\342\200\256'
run due
no_byte "due sends no raw U+202E" "$T_OUT" '\342\200\256'
run show $'K2\e[2J-26'
[ $T_RC -ne 0 ] && grep -qF "ref: no case has the reference 'K2\\x1B[2J-26'" "$T_ERR" &&
	t_ok "an error message writes an escape sequence visibly" ||
	t_fail "an error message writes an escape sequence visibly" "$(od -c "$T_ERR" | head)"
no_byte "and sends no raw escape" "$T_ERR" '\033'
run bogus$'\u202e'cmd
grep -qF "unknown command 'bogus<U+202E>cmd'" "$T_ERR" && t_ok "an unknown command is named visibly" ||
	t_fail "an unknown command is named visibly" "$(cat "$T_ERR")"
succeeds "the export" export "$T_DIR/out.csv"
grep -qF "$(printf 'hits me\xe2\x80\xa6\rThank you')" "$T_DIR/out.csv" && grep -qF "Foster${RLO}ing" "$T_DIR/out.csv" &&
	t_ok "an export keeps the bytes (a file is data, not a terminal)" ||
	t_fail "an export keeps the bytes (a file is data, not a terminal)" "$(grep -c . "$T_DIR/out.csv")"
