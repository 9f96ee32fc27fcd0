#!/usr/bin/env bash
# t_equalities.sh - equalities monitoring (SPEC 14, issue 14 point 13):
# optional answers recorded by staff, stored apart from the case (show and
# the audit trail never give them), reported only in aggregate in
# equalities.csv by stage 1 received, with a count from 1 to 4 shown as
# "<5": suppression is tested at 4 and at 5.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-03-20
T=$TELLUS
$T config set device_code K2 >/dev/null
log() { $T log --kind complaint --complainant parent --service Fostering --received "$1"; }

# This year: 5 answering female, 4 male; 4 aged 35_44; 1 not statutory.
n=0
for g in female female female female female male male male male; do
	n=$((n + 1))
	r=$(log 2026-01-0$((n % 9 + 1)))
	args=(--gender $g)
	[ $n -le 4 ] && args+=(--age-band 35_44)
	succeeds "answers recorded ($n)" equalities "$r" "${args[@]}"
done
# Last year: 5 disabled, 4 not.
for d in yes yes yes yes yes no no no no; do
	r=$(log 2025-01-06)
	$T equalities "$r" --disability $d >/dev/null
done
C=$($T log --kind complaint --procedure corporate --complainant parent --service Fostering --received 2026-01-05)
$T equalities "$C" --gender male --ethnicity white >/dev/null

$T report --year 2025 --format csv --out "$T_DIR/r" >/dev/null
same "equalities.csv: counts by stage 1 received, 1 to 4 shown as <5, 5 shown" \
	"$(tr -d '\r' <"$T_DIR/r/equalities.csv")" \
	"$(printf '%s\n' question,answer,previous,current age_band,35_44,0,'<5' gender,female,0,5 gender,male,0,'<5' \
		disability,yes,5,0 disability,no,'<5',0)"
grep -q "white" "$T_DIR/r/equalities.csv" && t_fail "a case outside the statutory procedure is not counted" ||
	t_ok "a case outside the statutory procedure is not counted"

R=$(log 2026-02-02)
succeeds "answers for one more case" equalities "$R" --gender non_binary --ethnicity mixed --disability no --age-band 18_24
run show "$R"
grep -qiE "non_binary|mixed|18_24|equalit" "$T_OUT" && t_fail "show never gives the answers" "$(cat "$T_OUT")" ||
	t_ok "show never gives the answers"
run audit "$R"
grep -q "equalities monitoring answers recorded" "$T_OUT" && ! grep -qE "non_binary|mixed|18_24" "$T_OUT" &&
	t_ok "the audit says answers were recorded, never which" || t_fail "the audit says answers were recorded, never which" "$(cat "$T_OUT")"
succeeds "answering again replaces the answers" equalities "$R" --gender female
same "one row per case, the last answers" "$(sqlite3 "$TELLUS_DB" "SELECT count(*), gender, ethnicity FROM equalities e JOIN cases c ON c.id = e.case_id WHERE c.ref = '$R'")" \
	"1|female|"

h=$(db_hash)
refuses "an answer not of its list is refused, listing the list" "--gender: 'yes' is not one of female, male, non_binary, other, prefer_not_to_say" \
	equalities "$R" --gender yes
refuses "no answer at all is refused" "answers: none given" equalities "$R"
refuses "an unknown case is refused" "no case has the reference 'NOPE-1'" equalities NOPE-1 --gender male
same "refusals change nothing" "$(db_hash)" "$h"
