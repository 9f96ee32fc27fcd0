#!/usr/bin/env bash
# t_lists.sh - service areas and teams as configured lists (SPEC 14, issue
# 14 point 8): the kiosk's services to start with; log and edit take only
# a configured name, matched with spaces trimmed and case ignored, and
# store the configured spelling; an import adds the names it has not seen
# and says so; merge and rename move every case, and Table 3 of the annual
# report follows.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-03-20
"$TELLUS" config set device_code K2 >/dev/null

run services list
same "a new register lists the kiosk's service areas" "$(awk '{$NF=""; $(NF-1)=""; print}' "$T_OUT" | sed 's/ *$//')" \
	"$(printf '%s\n' "Children in need" "Child protection" "Children in care" "Leaving care" \
		"Disabled children" "Adoption" "Fostering" "Other")"
run teams list
same "and no teams" "$(cat "$T_OUT")" ""
refuses "log refuses a service area not configured, listing the configured ones" \
	"^tellus log: --service: 'Fostring' is not a configured service area \(one of Children in need, Child protection, Children in care, Leaving care, Disabled children, Adoption, Fostering, Other; see tellus services\)$" \
	log --kind complaint --complainant parent --service Fostring
refuses "log refuses a team not configured" "^tellus log: --team: 'North' is not a configured team \(one of none yet; see tellus teams\)$" \
	log --kind complaint --complainant parent --service Fostering --team North
succeeds "a team is added" teams add North
refuses "a name already on the list, in other letters, is refused" "name: 'north ' is already on the list as 'North'" teams add "north "
A=$("$TELLUS" log --kind complaint --complainant parent --service "  children IN care " --team "NORTH" --received 2025-05-01)
same "log stores the configured spelling of a name typed loosely" \
	"$(sqlite3 "$TELLUS_DB" "SELECT service_area || '|' || team FROM cases WHERE ref = '$A'")" "Children in care|North"
succeeds "a service area is added with the kiosk's words" services add "Early help" --plain "Help early on" --detail "Before things get worse"
same "with its kiosk words" "$(sqlite3 "$TELLUS_DB" "SELECT plain || '|' || detail FROM services WHERE name = 'Early help'")" \
	"Help early on|Before things get worse"
refuses "edit refuses a service area not configured" "service_area: 'Nowhere' is not a configured service area" \
	edit "$A" service_area Nowhere --why x

# An import adds what it has not seen, and names it, typos included.
cat >"$T_DIR/reg.csv" <<'CSV'
ref,kind,received,procedure,channel,complainant,on_behalf,service_area,team,causes,summary,stage1_response,stage1_extended,stage1_outcome,stage2_requested,stage2_response,stage2_extended,stage2_outcome,stage3_requested,stage3_panel,stage3_response,stage3_outcome,actions,consent_to_publish
L-1,complaint,2025-04-10,statutory,letter,parent,no,Fostering,,,,,,,,,,,,,,,,no
L-2,complaint,2025-05-10,statutory,letter,parent,no,Fostring,,,,,,,,,,,,,,,,no
L-3,complaint,2025-06-10,statutory,letter,child,no,Fostring,South,,,,,,,,,,,,,,,no
L-4,complaint,2025-07-10,statutory,letter,child,no,fostering ,,,,,,,,,,,,,,,,no
L-5,complaint,2024-07-10,statutory,letter,child,no,Fostring,,,,,,,,,,,,,,,,no
L-6,complaint,2025-08-10,statutory,letter,carer,no,Youth justice,,,,,,,,,,,,,,,,no
CSV
prints "import names the service areas and teams it adds" \
	"6 added, 0 already present; 2 new service areas: Fostring, Youth justice; 1 new team: South" import "$T_DIR/reg.csv"
prints "a second import adds nothing, and no names" "0 added, 6 already present" import "$T_DIR/reg.csv"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r1" >/dev/null
same "before the merge, Table 3 counts the typo apart" "$(cat "$T_DIR/r1/t3_service_areas.csv")" \
	"$(printf 'service_area,previous,current\r\nFostring,1,2\r\nChildren in care,0,1\r\nFostering,0,1\r\nYouth justice,0,1\r\nfostering ,0,1\r')"

prints "merge moves every case of the typo and of the loose spelling" "4 cases moved" services merge fostring Fostering
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r2" >/dev/null
same "after the merge, Table 3 counts them under one name" "$(cat "$T_DIR/r2/t3_service_areas.csv")" \
	"$(printf 'service_area,previous,current\r\nFostering,1,4\r\nChildren in care,0,1\r\nYouth justice,0,1\r')"
run services list
grep -q "^Fostring" "$T_OUT" && t_fail "the merged name leaves the list" || t_ok "the merged name leaves the list"
grep -qE "^Fostering +5 cases$" "$T_OUT" && t_ok "the list counts the cases of each name" || t_fail "the list counts the cases of each name" "$(cat "$T_OUT")"
run audit L-2
grep -q "edit .*L-2 .*service_area 'Fostring' -> 'Fostering' why: service area 'Fostring' merged into 'Fostering'" "$T_OUT" &&
	t_ok "each case moved is audited" || t_fail "each case moved is audited" "$(cat "$T_OUT")"
run check
grep -q "report totals: ok" "$T_OUT" && t_ok "tellus check agrees after a merge" || t_fail "tellus check agrees after a merge" "$(cat "$T_OUT")"

prints "rename moves every case" "1 case moved" services rename "Youth justice" "Youth offending"
"$TELLUS" report --year 2025 --format csv --out "$T_DIR/r3" >/dev/null
grep -q "^Youth offending,0,1" "$T_DIR/r3/t3_service_areas.csv" && t_ok "Table 3 has the new name" ||
	t_fail "Table 3 has the new name" "$(cat "$T_DIR/r3/t3_service_areas.csv")"
prints "a respelling is a rename" "1 case moved" teams rename south South-West
prints "teams merge" "1 case moved" teams merge South-West North
same "the case of the merged team has the other" "$(sqlite3 "$TELLUS_DB" "SELECT team FROM cases WHERE ref = 'L-3'")" "North"

h=$(db_hash)
refuses "merge into a name not configured is refused" "into: 'Nowhere' is not a configured service area" services merge Adoption Nowhere
refuses "merge of a name into itself is refused" "into: 'ADOPTION' is the name being merged" services merge Adoption ADOPTION
refuses "rename onto another name is refused" "to: 'Adoption' is already on the list as 'Adoption' \(tellus services merge joins two names\)" \
	services rename Fostering Adoption
refuses "an empty name is refused" "name: is required" services add " "
refuses "a name of two lines is refused" "name: must be one line" services add $'North\nSouth'
refuses "an unknown verb shows the usage" "^tellus services: usage: tellus services list \| services add NAME" services drop Adoption
same "refusals change nothing" "$(db_hash)" "$h"
