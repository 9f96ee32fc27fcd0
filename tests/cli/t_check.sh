#!/usr/bin/env bash
# t_check.sh - `tellus check` through the real binary: a sound database
# passes; running totals changed behind Tellus's back are found, and
# rebuilt to give the same report as before; a program writing stages
# without Tellus's SQL functions is refused and changes nothing.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-01-20

for who in parent child foster_carer; do
	run log --kind complaint --received 2025-11-03 --complainant "$who" --service Fostering --cause delays
	"$TELLUS" respond "$(cat "$T_OUT")" --date 2025-11-20 --outcome partly_upheld >/dev/null
done
run log --kind compliment --received 2026-01-05 --complainant child --service Adoption
succeeds "a sound database passes" check
grep -q "^report totals: ok (3 statutory complaint stages; 0 rows of totals and 0 stage flags differ)" "$T_OUT" &&
	t_ok "check counts the statutory stages" || t_fail "check counts the statutory stages" "$(cat "$T_OUT")"
# The compliment has no stages: not counted.
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/before" >/dev/null
same "the report counts three at stage 1" "$(sed -n 2p "$T_DIR/before/t2_stages.csv")" $'1,0,3\r'

h=$(db_hash)
if sqlite3 "$TELLUS_DB" "UPDATE stages SET outcome = 'not_upheld'" 2>"$T_DIR/sq.err"; then
	t_fail "the sqlite3 shell cannot change stages behind the totals"
else
	grep -qE "no such function: (workdays|tally_deferred)" "$T_DIR/sq.err" &&
		t_ok "the sqlite3 shell cannot change stages behind the totals" ||
		t_fail "the sqlite3 shell cannot change stages behind the totals" "$(cat "$T_DIR/sq.err")"
fi
same "and it changed nothing" "$(db_hash)" "$h"

sqlite3 "$TELLUS_DB" "UPDATE tally_stages SET n = n + 2 WHERE stage = 1"
refuses "changed totals are found" "running totals: do not match the cases: run tellus check --rebuild-tallies" check
grep -q "^report totals: PROBLEM" "$T_OUT" && t_ok "and named on stdout" || t_fail "and named on stdout" "$(cat "$T_OUT")"
succeeds "rebuilding the totals" check --rebuild-tallies
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/after" >/dev/null
same "the rebuilt totals give the same report" "$(cd "$T_DIR" && diff -r before after && echo same)" "same"
run audit
grep -q "tally_rebuild" "$T_OUT" && t_ok "the rebuild is audited" || t_fail "the rebuild is audited" "$(tail -3 "$T_OUT")"
refuses "an unknown option is refused" "unknown option '--fix'" check --fix

# The open stage the lists read (migration 11): counted by check; the
# sqlite3 shell cannot change it behind Tellus's back (the case's totals'
# triggers need Tellus's functions); test_list makes it wrong and mends it.
O=$("$TELLUS" log --kind complaint --received 2026-01-12 --complainant parent --service Fostering)
run list
same "the open case is listed" "$(grep -c "^$O " "$T_OUT")" 1
succeeds "check passes with the open case" check
grep -q "^open cases: ok (1 open; 0 cases' open stage differs)" "$T_OUT" &&
	t_ok "check counts the open cases" || t_fail "check counts the open cases" "$(cat "$T_OUT")"
h=$(db_hash)
sqlite3 "$TELLUS_DB" "UPDATE cases SET open_stage = 0 WHERE ref = '$O'" 2>/dev/null &&
	t_fail "the sqlite3 shell cannot change a case's open stage" ||
	t_ok "the sqlite3 shell cannot change a case's open stage"
same "and it changed nothing" "$(db_hash)" "$h"
"$TELLUS" respond "$O" --date 2026-01-19 --outcome fully_upheld >/dev/null
run list
same "an answered case leaves the list" "$(grep -c "^$O " "$T_OUT")" 0
succeeds "check passes after it" check
grep -q "^open cases: ok (0 open; 0 cases' open stage differs)" "$T_OUT" &&
	t_ok "check counts no open case" || t_fail "check counts no open case" "$(cat "$T_OUT")"
grep -q "^cause keys: ok (0 cases' key differs from their causes)" "$T_OUT" &&
	t_ok "check compares each case's cause key with its causes" ||
	t_fail "check compares each case's cause key with its causes" "$(cat "$T_OUT")"
