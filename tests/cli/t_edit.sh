#!/usr/bin/env bash
# t_edit.sh - corrections (SPEC 14, issue 14 point 7) through the real
# binary: every field of a case corrected with tellus edit, audited with
# its old and new value and why; a corrected received date moves the
# deadlines and keeps the report's totals true; costs listed and voided;
# a context figure replaced; an Ombudsman enquiry recorded, then decided;
# refusals that change nothing.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-03-20
"$TELLUS" config set device_code K2 >/dev/null
"$TELLUS" teams add "North" >/dev/null
"$TELLUS" teams add "South" >/dev/null

REF=$("$TELLUS" log --kind complaint --complainant parent --service Fostering --team North \
	--received 2026-01-05 --summary "Nobody rang back" --contact "07700 900123" --cause delays)
C=$("$TELLUS" log --kind compliment --complainant carer --service Adoption --received 2026-01-06 \
	--summary "Thank you, Sam")

# check_ok NAME: tellus check finds the file sound.
check_ok() { run check
	if [ $T_RC -eq 0 ] && grep -q "report totals: ok" "$T_OUT"; then t_ok "$1"; else t_fail "$1" "$(cat "$T_OUT" "$T_ERR")"; fi; }
# audit_has NAME PATTERN: the case's audit trail has a line matching PATTERN.
audit_has() { run audit "$REF"
	if grep -qE -- "$2" "$T_OUT"; then t_ok "$1"; else t_fail "$1" "want: $2" "$(tail -3 "$T_OUT")"; fi; }

# Each field a manager corrects, old and new value in the audit.
while IFS='|' read -r field value old; do
	succeeds "edit $field" edit "$REF" "$field" "$value" --why "wrong on the form"
	audit_has "edit $field is audited with old and new value and why" \
		"edit +$REF +$field '$old' -> '$value' why: wrong on the form"
done <<'LIST'
service_area|Adoption|Fostering
team|South|North
complainant|foster_carer|parent
channel|letter|staff
consent_to_publish|yes|no
advocacy|yes|no
officer|A Officer|
on_behalf|yes|no
matter_date|2025-12-01|
LIST
run show "$REF"
grep -q "^service       Adoption / South$" "$T_OUT" && grep -q "^complainant   foster_carer, logged on their behalf by A Officer$" "$T_OUT" &&
	grep -q "^channel       letter$" "$T_OUT" && t_ok "show has the corrected fields" || t_fail "show has the corrected fields" "$(cat "$T_OUT")"
succeeds "a team is cleared with an empty value" edit "$REF" team "" --why "no team"
run show "$REF"
grep -q "^service       Adoption$" "$T_OUT" && t_ok "the cleared team is gone" || t_fail "the cleared team is gone" "$(cat "$T_OUT")"

# Once staff exist, the officer must be one of them with the officer role (as log checks).
for who in "A Officer" "B Officer"; do printf '2468\n2468\n' | "$TELLUS" staff add "$who" --role officer >/dev/null; done
h=$(db_hash)
refuses "edit officer names a member of staff" "officer: 'Mickey Mouse' is not a member of staff with the officer role" \
	edit "$REF" officer "Mickey Mouse" --why "x"
same "a refused officer changes nothing" "$(db_hash)" "$h"
succeeds "edit officer to a staff officer" edit "$REF" officer "B Officer" --why "reassigned"

# A person's words: the audit names the field, the words stay with the case.
succeeds "edit names" edit "$REF" complainant_name "Anna Nowak" --why "given by phone"
succeeds "edit the child's name" edit "$REF" child_name "Zofia Nowak" --why "given by phone"
succeeds "edit contact" edit "$REF" contact "07700 900456" --why "new number"
succeeds "edit summary" edit "$REF" summary "Nobody rang back for three weeks" --why "typed short"
audit_has "a person's words are audited by field" "edit +$REF +summary corrected .*why: typed short"
run audit "$REF"
same "no person's words in the audit trail" "$(grep -c -e 'Nowak' -e '0770' -e 'three weeks' "$T_OUT")" "0"
same "old and new words kept beside the case" \
	"$(sqlite3 "$TELLUS_DB" "SELECT field || ':' || old || '>' || new FROM case_revisions WHERE field = 'contact'")" \
	"contact:07700 900123>07700 900456"
run show "$REF"
grep -q "^names         Anna Nowak (complainant); Zofia Nowak (child)$" "$T_OUT" &&
	t_ok "show has both names" || t_fail "show has both names" "$(cat "$T_OUT")"
succeeds "consent to publish changed later on a compliment" edit "$C" consent_to_publish yes --why "rang to agree"
same "consent is stored" "$(sqlite3 "$TELLUS_DB" "SELECT consent_to_publish FROM cases WHERE ref = '$C'")" "1"
succeeds "consent to publish names too, later" edit "$C" consent_names yes --why "agreed to names"
refuses "consent to the words withdrawn while names are agreed is refused" \
	"consent_names: goes with consent_to_publish" edit "$C" consent_to_publish no --why "changed mind"
succeeds "names first, then the words" edit "$C" consent_names no --why "changed mind"
succeeds "and the words" edit "$C" consent_to_publish no --why "changed mind"
same "both are stored" "$(sqlite3 "$TELLUS_DB" "SELECT consent_to_publish, consent_names FROM cases WHERE ref = '$C'")" "0|0"

# A corrected received date moves stage 1 and its deadlines; totals stay true.
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r1" >/dev/null
succeeds "received date corrected across Christmas" edit "$REF" received 2025-12-19 --why "date stamp misread"
run show "$REF"
grep -q "^received      2025-12-19$" "$T_OUT" && grep -q "stage 1       received 2025-12-19" "$T_OUT" &&
	grep -q "due         2026-01-07 (limit 2026-01-21)" "$T_OUT" &&
	t_ok "deadlines follow the corrected date (10 and 20 working days over the bank holidays)" ||
	t_fail "deadlines follow the corrected date (10 and 20 working days over the bank holidays)" "$(cat "$T_OUT")"
audit_has "received is audited" "received '2026-01-05' -> '2025-12-19' why: date stamp misread"
check_ok "tellus check agrees after a corrected received date"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r2" >/dev/null
same "the report counts it still in 2025/26 (Table 2)" "$(cat "$T_DIR/r2/t2_stages.csv")" "$(cat "$T_DIR/r1/t2_stages.csv")"
refuses "received before the matter it is about is refused" "matter_date: must be on or before the day the complaint was received" \
	edit "$REF" received 2025-03-28 --why "it was last year's"
succeeds "matter date cleared" edit "$REF" matter_date "" --why "not known after all"
succeeds "received moved into the year before" edit "$REF" received 2025-03-28 --why "it was last year's"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r3" >/dev/null
grep -q "^1,1,0" "$T_DIR/r3/t2_stages.csv" && t_ok "the report moves it to 2024/25" || t_fail "the report moves it to 2024/25" "$(cat "$T_DIR/r3/t2_stages.csv")"
check_ok "tellus check agrees after a move across years"
succeeds "received back" edit "$REF" received 2026-01-05 --why "back again"

# Refusals: one line, nothing changed.
h=$(db_hash)
refuses "an unknown field is refused listing the fields" "^tellus edit: field: 'colour' is not one of service_area, team" edit "$REF" colour red --why x
refuses "a service area not configured is refused listing them" "service_area: 'Fostring' is not a configured service area \(one of Children in need" edit "$REF" service_area Fostring --why x
refuses "a word not of its set is refused" "complainant: 'aunt' is not one of child, parent" edit "$REF" complainant aunt --why x
refuses "a flag other than yes or no is refused" "consent_to_publish: 'maybe' is not one of yes, no" edit "$REF" consent_to_publish maybe --why x
refuses "a date in the future is refused" "received: '2026-04-01' is in the future" edit "$REF" received 2026-04-01 --why x
refuses "an impossible date is refused" "received: '2026-02-30' is not a real date" edit "$REF" received 2026-02-30 --why x
refuses "no reason is refused" "^tellus edit: --why: is required" edit "$REF" channel phone
refuses "the same value is refused" "channel is already 'letter'" edit "$REF" channel letter --why x
refuses "on behalf without an officer is refused" "officer: a case logged on a child's behalf" edit "$REF" officer "" --why x
refuses "procedure is corrected by assess" "field: procedure is corrected with tellus assess" edit "$REF" procedure corporate --why x
refuses "an unknown case is refused" "no case has the reference 'NOPE-1'" edit NOPE-1 channel phone --why x
same "refusals change nothing" "$(db_hash)" "$h"
"$TELLUS" respond "$REF" --date 2026-01-19 --outcome not_upheld >/dev/null
refuses "a received date after the response is refused" "stage1_response: '2026-01-19' is before the stage began \(2026-02-02\)" \
	edit "$REF" received 2026-02-02 --why x
check_ok "tellus check agrees after every correction"

# Costs: listed by year, voided with a reason, never deleted.
"$TELLUS" cost --category mediation --amount 100.00 --date 2025-06-01 >/dev/null
"$TELLUS" cost --category other --amount 5.50 --date 2025-07-01 --ref "$REF" >/dev/null
"$TELLUS" cost --category mediation --amount 20.00 --date 2024-06-01 >/dev/null
run costs --year 2025
same "costs --year lists that year's costs" "$(awk '{print $1, $2, $3, $4}' "$T_OUT")" \
	"$(printf '1 2025-06-01 mediation 100.00\n2 2025-07-01 other 5.50')"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/c1" >/dev/null
succeeds "a cost is voided" costs void 1 --why "entered twice"
run costs --year 2025
grep -q "^1 .*VOID 2026-03-20: entered twice" "$T_OUT" && t_ok "a voided cost is still listed, marked void" || t_fail "a voided cost is still listed, marked void" "$(cat "$T_OUT")"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/c2" >/dev/null
same "the voided cost leaves Table 8" "$(grep -E '^(mediation|total),' "$T_DIR/c2/t8_costs.csv")" \
	"$(printf 'mediation,0.00,20.00,0.00\r\ntotal,0.00,20.00,5.50\r')"
refuses "voiding twice is refused" "cost 1 was already voided on 2026-03-20" costs void 1 --why again
refuses "voiding needs a reason" "--why: is required" costs void 2
refuses "an unknown cost is refused" "no cost has the number 9" costs void 9 --why x
run audit
grep -q "cost_void .*cost 1 voided (2025-06-01 mediation 10000 pence) why: entered twice" "$T_OUT" &&
	t_ok "voiding is audited" || t_fail "voiding is audited" "$(tail -3 "$T_OUT")"
"$TELLUS" export --costs "$T_DIR/costs.csv" >/dev/null
same "an export of costs leaves the voided one out" "$(grep -c mediation "$T_DIR/costs.csv")" "1"

# Context figures: never changed silently, replaced on purpose.
"$TELLUS" context --year 2025 --measure "Referrals to Children's Social Care" --value 8123 >/dev/null
refuses "a changed figure is refused without --replace" "is already 8123; it is not changed silently \(--replace\)" \
	context --year 2025 --measure "Referrals to Children's Social Care" --value 8200
succeeds "a figure is replaced" context --year 2025 --measure "Referrals to Children's Social Care" --value 8200 --replace
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/x1" >/dev/null
grep -q "^Referrals to Children's Social Care,,8200," "$T_DIR/x1/t1_context.csv" && t_ok "the report has the replaced figure" ||
	t_fail "the report has the replaced figure" "$(cat "$T_DIR/x1/t1_context.csv")"
run audit
grep -q "context .*2025 Referrals to Children's Social Care: 8123 -> 8200 (replaced)" "$T_OUT" &&
	t_ok "a replaced figure is audited with both values" || t_fail "a replaced figure is audited with both values" "$(tail -2 "$T_OUT")"

# Ombudsman: an enquiry when it arrives, its decision later.
prints "an enquiry is recorded when it arrives" \
	"enquiry 1 recorded: tellus ombudsman decide 1 --decision X when it is decided" \
	ombudsman --received 2025-10-01 --ref "$REF"
"$TELLUS" ombudsman --received 2025-11-01 >/dev/null
run ombudsman list
same "open enquiries are listed" "$(awk '{print $1, $3, $5}' "$T_OUT")" "$(printf '1 2025-10-01 open\n2 2025-11-01 open')"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/o1" >/dev/null
same "an open enquiry is received, not decided, in the report" "$(cat "$T_DIR/o1/ombudsman.csv")" \
	"$(printf 'decision,count,received\r\nnot_decided,0,2\r\ntotal,0,2\r')"
succeeds "the enquiry is decided later" ombudsman decide 1 --decision not_upheld --decided 2026-02-11
refuses "deciding twice is refused" "enquiry 1 was already decided on 2026-02-11" ombudsman decide 1 --decision premature
refuses "a decision before the enquiry is refused" "decided: is before received" ombudsman decide 2 --decision premature --decided 2025-10-31
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/o2" >/dev/null
same "the report counts the decision" "$(cat "$T_DIR/o2/ombudsman.csv")" \
	"$(printf 'decision,count,received\r\nnot_upheld,1,1\r\nnot_decided,0,1\r\ntotal,1,2\r')"
# A file brings the decision of the other enquiry: it completes it.
printf 'ref,received,decided,decision\n,2025-11-01,2026-03-02,premature\n' >"$T_DIR/omb.csv"
prints "a file's decision completes the open enquiry" "1 added, 0 already present" import --ombudsman "$T_DIR/omb.csv"
run ombudsman list --year 2025
same "no second enquiry: the open one is decided" "$(awk '{print $1, $5, $6}' "$T_OUT")" \
	"$(printf '1 2026-02-11 not_upheld\n2 2026-03-02 premature')"
"$TELLUS" export --ombudsman "$T_DIR/omb-out.csv" >/dev/null
"$TELLUS" ombudsman --received 2026-03-01 >/dev/null
"$TELLUS" export --ombudsman "$T_DIR/omb-out2.csv" >/dev/null
same "an open enquiry is exported with no decision" "$(tail -1 "$T_DIR/omb-out2.csv")" "$(printf ',2026-03-01,,\r')"
"$TELLUS" export "$T_DIR/cases.csv" >/dev/null
"$TELLUS" --db "$T_DIR/new.db" import "$T_DIR/cases.csv" >/dev/null
"$TELLUS" --db "$T_DIR/new.db" import --ombudsman "$T_DIR/omb-out2.csv" >/dev/null
"$TELLUS" --db "$T_DIR/new.db" export --ombudsman "$T_DIR/omb-out3.csv" >/dev/null
same "export, import, export of enquiries is exact" "$(cat "$T_DIR/omb-out3.csv")" "$(cat "$T_DIR/omb-out2.csv")"
prints "importing the same file again adds nothing" "0 added, 3 already present" \
	--db "$T_DIR/new.db" import --ombudsman "$T_DIR/omb-out2.csv"
check_ok "tellus check agrees at the end"
