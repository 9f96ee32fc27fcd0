#!/usr/bin/env bash
# t_clock.sh - the clock's rules through the real binary (issue 14 points
# 1, 3 and 6): a case assessed as not eligible and an "I don't feel safe"
# record run no clock, say why, and `list --all` and `list --overdue`
# agree about them, with the report unchanged; an extension is agreed on a
# date within the deadline it extends, never after, and shows who agreed
# it and why; and the words: one working day, a withdrawal said once, no
# "stage 0" for a compliment, a late response marked late.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-06-01
"$TELLUS" config set device_code K2 >/dev/null

log() { "$TELLUS" log --kind complaint --complainant parent --service Fostering "$@"; }

# --- 1. Not eligible and safety records run no clock ---------------------
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/before" >/dev/null
NE=$(log --received 2026-01-05)
succeeds "a case is assessed as not eligible, with why" \
	assess "$NE" --procedure not_eligible --why "court proceedings under way"
has "show gives the reason" "^why +court proceedings under way$" show "$NE"
has "show says no clock runs" "^clock +none: not eligible" show "$NE"
lacks "show says nothing overdue or late of it" "OVERDUE|late|taken|may go to the next stage" show "$NE"
has "list --all shows it with no clock" "^$NE .* no clock " list --all
lacks "list --all never calls it overdue" "^$NE .*OVERDUE" list --all
lacks "list --overdue leaves it out, as list --all does" "$NE" list --overdue
lacks "list leaves it out" "$NE" list
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/after" >/dev/null
same "the report counts it nowhere" "$(diff -r "$T_DIR/before" "$T_DIR/after" && echo same)" same
refuses "a not-eligible case cannot be extended" "not eligible, so its clock does not run" \
	extend "$NE" --reason complex --agreed-by "J Smith" --date 2026-01-06
refuses "nor acknowledged" "not eligible, so its clock does not run" acknowledge "$NE" --date 2026-01-06
SAFE=$(log --unsafe --procedure not_eligible --received 2026-05-01)
lacks "a safety record shows no stage, no due date" "^stage|due|OVERDUE" show "$SAFE"
has "a safety record is flagged in list" "^$SAFE +FLAGGED" list
lacks "and never overdue" "$SAFE.*OVERDUE" list --all
lacks "nor in list --overdue as overdue" "$SAFE.*OVERDUE" list --overdue

# --- 3. Extensions: dated, within the deadline, who and why ---------------
E=$(log --received 2026-05-04) # due 2026-05-18 (10 working days, 25 May is Spring bank holiday)
refuses "an extension today, after the deadline, is refused" \
	"stage1_extended_on: '2026-06-01' is after stage 1's deadline \(2026-05-18\)" \
	extend "$E" --reason "complex" --agreed-by "J Smith"
refuses "an extension the day after the deadline is refused" "after stage 1's deadline" \
	extend "$E" --reason "complex" --agreed-by "J Smith" --date 2026-05-19
refuses "an extension before the stage began is refused" "before stage 1 began" \
	extend "$E" --reason "complex" --agreed-by "J Smith" --date 2026-05-01
has "the overdue stage stays overdue" "status +OVERDUE" show "$E"
h=$(db_hash)
succeeds "an extension on the deadline day is agreed" \
	extend "$E" --reason "three services involved" --agreed-by "J Smith" --date 2026-05-18
has "show gives the day, who agreed it and why" \
	"^  extension   agreed 2026-05-18 by J Smith: three services involved$" show "$E"
has "the stage is then due at its maximum, across the bank holiday" \
	"due +2026-06-02 extended \(limit 2026-06-02\)" show "$E"
same "the day is stored with the stage" \
	"$(sqlite3 "$TELLUS_DB" "SELECT extended_on FROM stages s JOIN cases c ON c.id = s.case_id WHERE c.ref = '$E'")" 2026-05-18
run audit "$E"
grep -q "extend .*date=2026-05-18 agreed_by=J Smith" "$T_OUT" && t_ok "the audit says when and who" ||
	t_fail "the audit says when and who" "$(cat "$T_OUT")"
[ "$(db_hash)" != "$h" ] && t_ok "the extension was written" || t_fail "the extension was written"
# New concerns restart an extended stage: the extension agreed before
# stays, and the stage is due at its maximum from the restart.
X=$(log --received 2026-05-04)
succeeds "an extension agreed on the deadline" extend "$X" --reason "complex" --agreed-by "J Smith" --date 2026-05-18
succeeds "then new concerns restart the stage" pause "$X" --reason new_concerns --date 2026-05-20
has "the extension is kept" "^  extension   agreed 2026-05-18 by J Smith: complex$" show "$X"
has "and the stage is due 20 working days from the restart" "due +2026-06-18 extended \(limit 2026-06-18\)" show "$X"
succeeds "and the stage can be answered" respond "$X" --outcome not_upheld --date 2026-06-01

# --- 6. Wording ---------------------------------------------------------------
ONE=$(log --received 2026-05-29)
has "one working day taken, in the singular" "status +in time, 1 working day taken, 9 working days left" show "$ONE"
refuses "an extension in the future is refused" "stage1_extended_on: '2026-06-02' is in the future" \
	extend "$ONE" --reason "complex" --agreed-by "J Smith" --date 2026-06-02
W=$(log --received 2026-05-20)
succeeds "a withdrawal" withdraw "$W" --date 2026-05-21
has "a withdrawal is said once" "^  withdrawn   2026-05-21, after 1 working day$" show "$W"
lacks "never 'withdrawn DATE withdrawn'" "withdrawn 2026-05-21 withdrawn" show "$W"
K=$("$TELLUS" log --kind compliment --complainant parent --service Fostering --received 2026-05-20)
lacks "a compliment is never shown as stage 0" "stage 0" list --all
has "a compliment has no stage in list --all" "^$K +compliment .* stage - " list --all
# Received on Friday 1 May: due after 10 working days, with the bank
# holidays of 4 May and 25 May not counted, on 18 May.
L=$(log --received 2026-05-01)
succeeds "a response after the deadline" respond "$L" --outcome not_upheld --date 2026-05-29
has "show marks a late response late, with its due date" \
	"^  response    2026-05-29 not_upheld, 18 working days, LATE \(due 2026-05-18\)$" show "$L"
OK=$(log --received 2026-05-01)
succeeds "a response on the deadline" respond "$OK" --outcome not_upheld --date 2026-05-18
lacks "a response on the deadline is not late" "LATE" show "$OK"
