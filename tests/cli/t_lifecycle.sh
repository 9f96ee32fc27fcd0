#!/usr/bin/env bash
# t_lifecycle.sh - the case lifecycle through the real `tellus` binary:
# logging, showing, listing, every move, and refusals that change nothing.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-01-20

succeeds "config set device_code" config set device_code K2
prints "config get device_code" "K2" config get device_code
refuses "unknown setting is refused" "unknown setting 'colour'" config set colour blue
refuses "bad device code is refused" "device_code: 'K0O' must be" config set device_code K0O
same "database is created owner-only" "$(stat -c %a "$TELLUS_DB")" "600"

run log --kind complaint --received 2025-12-19 --complainant parent --service Fostering \
	--summary $'Nobody rang back.\n"Ever", they said, 😞 — ચિંતા' --cause delays --cause keeping_informed
REF=$(cat "$T_OUT")
same "log prints only the reference" "$(wc -l <"$T_OUT") ${REF:0:6}" "1 K2-25-"
run show "$REF"
grep -q "due         2026-01-07 (limit 2026-01-21)" "$T_OUT" && t_ok "show gives stage 1 deadlines across Christmas" \
	|| t_fail "show gives stage 1 deadlines across Christmas" "$(cat "$T_OUT")"
same "summary kept byte for byte" "$(sqlite3 "$TELLUS_DB" "SELECT summary FROM cases WHERE ref='$REF'")" \
	$'Nobody rang back.\n"Ever", they said, 😞 — ચિંતા'

h=$(db_hash)
refuses "response before receipt is refused" "before the stage began" respond "$REF" --date 2025-12-18 --outcome not_upheld
refuses "unknown outcome is refused" "'maybe' is not one of fully_upheld" respond "$REF" --outcome maybe
refuses "future response is refused" "in the future" respond "$REF" --date 2026-02-01 --outcome not_upheld
refuses "stage 2 before stage 1 ended is refused" "within its limit" request "$REF" --stage 2 --date 2026-01-20
WRONG=${REF%?}$([ "${REF: -1}" = 0 ] && echo 1 || echo 0)
refuses "mistyped reference is refused" "wrong check character" show "$WRONG"
run show "$(echo "$REF" | tr 'A-Z0' 'a-zo')"
same "lower case and o for 0 are accepted" "$(head -1 "$T_OUT")" "ref           $REF"
refuses "unknown reference is refused" "ref: no case has the reference 'NOPE-1'" show NOPE-1
refuses "log without complainant is refused" "--complainant: is required" log --kind complaint --service Other
refuses "log with a future date is refused" "in the future" log --kind complaint --complainant child --service Other --received 2027-01-01
refuses "log with an impossible date is refused" "--received: '2026-02-30' is not a real date" log --kind complaint --complainant child --service Other --received 2026-02-30
printf 'bad \xff text' >"$T_DIR/bad.txt"
refuses "invalid UTF-8 is refused" "not valid UTF-8" log --kind complaint --complainant child --service Other --summary-file "$T_DIR/bad.txt"
printf 'nul \0 here' >"$T_DIR/nul.txt"
refuses "NUL byte is refused" "NUL byte" log --kind complaint --complainant child --service Other --summary-file "$T_DIR/nul.txt"
head -c 1048576 /dev/zero | tr '\0' 'a' >"$T_DIR/big.txt"
refuses "1 MB of text is refused" "summary: too long" log --kind complaint --complainant child --service Other --summary-file "$T_DIR/big.txt"
same "refusals change nothing" "$(db_hash)" "$h"

succeeds "overdue case is listed" list --overdue
grep -q "$REF.*OVERDUE" "$T_OUT" && t_ok "list --overdue shows the case" || t_fail "list --overdue shows the case" "$(cat "$T_OUT")"
refuses "an extension after the deadline is refused" "after stage 1's deadline \(2026-01-07\)" \
	extend "$REF" --reason "complex: three services" --agreed-by "J Smith"
succeeds "extension agreed" extend "$REF" --reason "complex: three services" --agreed-by "J Smith" --date 2026-01-07
succeeds "response recorded" respond "$REF" --date 2026-01-20 --outcome partly_upheld
run show "$REF"
grep -q "response    2026-01-20 partly_upheld, 19 working days" "$T_OUT" && t_ok "show counts working days taken" \
	|| t_fail "show counts working days taken" "$(cat "$T_OUT")"
export TELLUS_TODAY=2026-03-20
prints "late stage 2 request is flagged" "stage 2 requested late: after the window for asking; recorded as late" \
	request "$REF" --stage 2 --date 2026-03-10
succeeds "action recorded" action "$REF" apology
refuses "action twice is refused" "already has the action apology" action "$REF" apology
run audit "$REF"
same "every move is in the audit trail" "$(awk '{print $3}' "$T_OUT" | tr '\n' ' ')" "log extend respond request action "
same "no person's words in the audit trail" "$(grep -c 'Nobody' "$T_OUT")" "0"

R2=$("$TELLUS" log --kind complaint --complainant child --service "Children in care" --on-behalf --officer "A Officer" --channel mobile)
run list --officer "A Officer"
grep -q "$R2" "$T_OUT" && ! grep -q "$REF" "$T_OUT" && t_ok "officer sees the cases they logged" || t_fail "officer sees the cases they logged" "$(cat "$T_OUT")"
refuses "on-behalf without officer is refused" "officer" log --kind complaint --complainant child --service Other --on-behalf
succeeds "withdrawn" withdraw "$R2" --date 2026-03-20
refuses "withdrawn case cannot escalate" "withdrawn" request "$R2" --stage 2 --date 2026-03-20

echo "not a database, just text" >"$T_DIR/notdb.db"
run --db "$T_DIR/notdb.db" list
[ $T_RC -ne 0 ] && grep -q "not a Tellus database" "$T_ERR" && [ "$(cat "$T_DIR/notdb.db")" = "not a database, just text" ] \
	&& t_ok "a file that is not a database is refused and left alone" || t_fail "a file that is not a database is refused and left alone" "$(cat "$T_ERR")"
sqlite3 "$T_DIR/other.db" "CREATE TABLE x(a); INSERT INTO x VALUES(1);"
refuses "another program's SQLite file is refused" "not a Tellus database" --db "$T_DIR/other.db" list
XDG_DATA_HOME="$T_DIR/xdg" TELLUS_DB= "$TELLUS" config get device_code >/dev/null 2>&1
[ -f "$T_DIR/xdg/tellus/tellus.db" ] && t_ok "default database under XDG_DATA_HOME" || t_fail "default database under XDG_DATA_HOME"
run --version
grep -q "^tellus [0-9]" "$T_OUT" && t_ok "--version" || t_fail "--version"
refuses "a complaint over a year late needs a reason" "late_reason: the matter is more than a year" \
	log --kind complaint --complainant parent --service Other --received 2026-03-20 --matter-date 2025-03-01
succeeds "a late complaint is accepted with its reason" log --kind complaint --complainant parent \
	--service Other --received 2026-03-20 --matter-date 2025-03-01 --late-reason "in hospital until February"
R3=$("$TELLUS" log --kind complaint --complainant child --service Other --unsafe --procedure not_eligible)
run list
same "a safety concern is listed first, flagged" "$(head -1 "$T_OUT" | awk '{print $1, $2}')" "$R3 FLAGGED"
same "a safety concern has no complaint stages" "$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM stages s JOIN cases c ON c.id = s.case_id WHERE c.ref = '$R3'")" "0"
refuses "handling a safety concern needs a note" "note: is required" handled "$R3"
refuses "only safety concerns are handled" "is not a safety concern" handled "$REF" --note "rang back"
succeeds "a safety concern is handled" handled "$R3" --note "Duty social worker visited the same day"
run list
same "a handled safety concern leaves the list" "$(grep -c FLAGGED "$T_OUT")" "0"
refuses "a safety concern is handled once" "already handled" handled "$R3" --note "again"
refuses "unknown command" "unknown command 'frobnicate'" frobnicate

run log --help
[ $T_RC -eq 0 ] && grep -q -- "--matter-date DATE --late-reason TEXT" "$T_OUT" &&
	t_ok "log --help lists every option" || t_fail "log --help lists every option" "exit $T_RC" "$(cat "$T_OUT")"
run --db "$T_DIR/none.db" respond -h
[ $T_RC -eq 0 ] && grep -q "^usage: tellus \[--db FILE\] respond REF --outcome O" "$T_OUT" && [ ! -e "$T_DIR/none.db" ] &&
	t_ok "a command's -h opens no database" || t_fail "a command's -h opens no database" "exit $T_RC" "$(cat "$T_OUT")"
