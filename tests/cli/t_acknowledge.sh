#!/usr/bin/env bash
# t_acknowledge.sh - acknowledgements and the clock's start (issue 14 point
# 14), through the real binary, for every built-in profile, each date
# counted by hand across Christmas 2025 (25 and 26 December and 1 January
# are bank holidays). Every complaint is received on Friday 19 December
# 2025; its working days after that are 22, 23, 24, 29, 30, 31 December,
# then 2, 5, 6, 7, 8, 9, 12... January. Today is 24 December: 30 December
# is 2 working days away.
#  - england_children: no acknowledgement deadline; stage 1 from receipt.
#  - corporate (LGSCO Complaint Handling Code): acknowledged within 5
#    (30 Dec); answered 10 after the acknowledgement, extended by no more
#    than 10; stage 2 the same with 20 and 20.
#  - wales: acknowledged within 2 (23 Dec); stage 1 from the acknowledgement.
#  - scotland: stage 1 from receipt, no acknowledgement; stage 2
#    acknowledged within 3 of the request.
# A case keeps the rules it was logged under when a profile changes.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2025-12-24
"$TELLUS" config set device_code K2 >/dev/null

log() { "$TELLUS" log --kind complaint --complainant parent --service Fostering --received 2025-12-19 "$@"; }
due() { has "$1" "^  due +$3 .*\(limit $4\)$" show "$2"; }

# --- england_children ----------------------------------------------------------
ENG=$(log)
due "england: stage 1 due 10 working days after receipt" "$ENG" 2026-01-07 2026-01-21
lacks "england: no acknowledgement is due" "acknowledge" show "$ENG"
lacks "england: list shows no acknowledgement due" "$ENG.*acknowledge" list
succeeds "england: an acknowledgement is recorded all the same" acknowledge "$ENG" --date 2025-12-22
has "england: show gives it" "^  acknowledged 2025-12-22$" show "$ENG"
due "england: and the clock still runs from receipt" "$ENG" 2026-01-07 2026-01-21

# --- corporate: the LGSCO Code ---------------------------------------------------
CORP=$(log --procedure corporate)
has "corporate: acknowledge by the 5th working day, 30 December" \
	"^  acknowledge by 2025-12-30: 2 working days left$" show "$CORP"
due "corporate: until acknowledged, due 10 working days after that day" "$CORP" 2026-01-14 2026-01-28
has "corporate: list shows the acknowledgement due" "^$CORP .*acknowledge by 2025-12-30" list
run due
grep -A2 "To acknowledge" "$T_OUT" | grep -qE "$CORP +stage 1 by +2025-12-30 +2 working days left" &&
	t_ok "corporate: due lists it to acknowledge" || t_fail "corporate: due lists it to acknowledge" "$(cat "$T_OUT")"
refuses "corporate: an acknowledgement before receipt is refused" "cannot be acknowledged before it began" \
	acknowledge "$CORP" --date 2025-12-18
refuses "corporate: an acknowledgement in the future is refused" "stage1_acknowledged: '2025-12-29' is in the future" \
	acknowledge "$CORP" --date 2025-12-29
prints "corporate: acknowledged on 23 December, the due date follows" \
	"$CORP: stage 1 acknowledged; due 2026-01-09 (limit 2026-01-23)" acknowledge "$CORP" --date 2025-12-23
has "corporate: show gives the acknowledgement, in time" "^  acknowledged 2025-12-23 \(due by 2025-12-30\)$" show "$CORP"
has "corporate: and the clock's start" "^  clock from  2025-12-23 \(the acknowledgement\)$" show "$CORP"
lacks "corporate: list no longer asks for it" "$CORP.*acknowledge" list
refuses "corporate: acknowledged once" "already acknowledged on 2025-12-23" acknowledge "$CORP" --date 2025-12-24
export TELLUS_TODAY=2026-01-09
succeeds "corporate: extended on its deadline" extend "$CORP" --reason complex --agreed-by "J Smith" --date 2026-01-09
due "corporate: by no more than 10 working days" "$CORP" 2026-01-23 2026-01-23
succeeds "corporate: stage 1 answered" respond "$CORP" --outcome not_upheld --date 2026-01-09
succeeds "corporate: stage 2 asked for on 9 January" request "$CORP" --stage 2 --date 2026-01-09
# Working days after 9 January: 12, 13, 14, 15, 16 (5th), ... 23 (10th) ...
has "corporate: stage 2 acknowledged by its 5th working day" "^  acknowledge by 2026-01-16: 5 working days left$" show "$CORP"
export TELLUS_TODAY=2026-01-12
succeeds "corporate: stage 2 acknowledged on 12 January" acknowledge "$CORP" --date 2026-01-12
# 20 working days after 12 January: 9 February; 40 (the limit): 9 March.
due "corporate: stage 2 due 20 working days after it, limit 40" "$CORP" 2026-02-09 2026-03-09

# --- wales -------------------------------------------------------------------------
export TELLUS_TODAY=2025-12-24
"$TELLUS" config set profile_statutory wales >/dev/null
WAL=$(log)
has "wales: acknowledge by the 2nd working day, 23 December" "^  acknowledge by 2025-12-23: 1 working day late$" show "$WAL"
due "wales: until acknowledged, 10 (to 15) working days after that day" "$WAL" 2026-01-09 2026-01-16
has "wales: an acknowledgement overdue is listed as late" "^$WAL .*acknowledgement LATE \(by 2025-12-23\)" list
succeeds "wales: acknowledged on 22 December" acknowledge "$WAL" --date 2025-12-22
due "wales: then 10 (to 15) working days after it" "$WAL" 2026-01-08 2026-01-15
LATE=$(log)
succeeds "wales: acknowledged late, on 24 December" acknowledge "$LATE" --date 2025-12-24
has "wales: show says the acknowledgement was late" "^  acknowledged 2025-12-24, late \(due by 2025-12-23\)$" show "$LATE"

# --- scotland --------------------------------------------------------------------------
"$TELLUS" config set profile_statutory scotland >/dev/null
SCO=$(log)
due "scotland: stage 1 from receipt, 5 up to 10" "$SCO" 2025-12-30 2026-01-07
lacks "scotland: no acknowledgement due at stage 1" "acknowledge" show "$SCO"
succeeds "scotland: stage 1 answered on 22 December" respond "$SCO" --outcome not_upheld --date 2025-12-22
succeeds "scotland: stage 2 asked for on 23 December" request "$SCO" --stage 2 --date 2025-12-23
has "scotland: stage 2 acknowledged by the 3rd working day, 30 December" \
	"^  acknowledge by 2025-12-30: 2 working days left$" show "$SCO"
due "scotland: stage 2 due 20 working days after the request" "$SCO" 2026-01-23 2026-01-23
succeeds "scotland: stage 2 acknowledged" acknowledge "$SCO" --date 2025-12-24
due "scotland: its clock still runs from the request" "$SCO" 2026-01-23 2026-01-23

# --- A case keeps the rules it was logged under --------------------------------------------
cat >"$T_DIR/v1.txt" <<'PROFILE'
name county
title County procedure
stage 1 standard 10 maximum 20 name Local resolution
PROFILE
sed 's/standard 10 maximum 20/acknowledge 1 from acknowledged standard 3 maximum 6/' "$T_DIR/v1.txt" >"$T_DIR/v2.txt"
succeeds "a council's own profile" profile load "$T_DIR/v1.txt"
"$TELLUS" config set profile_statutory county >/dev/null
OLD=$(log)
succeeds "the profile is changed after the case was logged" profile load "$T_DIR/v2.txt"
NEW=$(log)
succeeds "a move on the older case recomputes its deadlines" acknowledge "$OLD" --date 2025-12-22
due "the older case keeps the rules it was given" "$OLD" 2026-01-07 2026-01-21
due "a case logged afterwards follows the new ones" "$NEW" 2025-12-29 2026-01-02
same "each text of the profile is kept once" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM profile_rules WHERE name = 'county'")" 2
succeeds "tellus check agrees" check
