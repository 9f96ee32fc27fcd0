# fixture.sh - the register the report's end-to-end tests share: cases
# logged and moved with the real binary over 2024/25 and 2025/26, costs,
# context figures, an Ombudsman decision, compliments with and without
# consent to names. Sourced after ../cli/lib.sh,
# with TELLUS_TODAY set; the figures t_report.sh pins come from it.
t() { "$TELLUS" "$@" || echo "fixture step failed: $*" >&2; }
# complaint RECEIVED AREA WHO RESPONDED OUTCOME [CAUSE...]: one stage 1 case.
complaint() {
	local rec=$1 area=$2 who=$3 resp=$4 out=$5; shift 5
	local causes=() c
	for c in "$@"; do causes+=(--cause "$c"); done
	local ref
	ref=$("$TELLUS" log --kind complaint --received "$rec" --complainant "$who" \
		--service "$area" --procedure statutory "${causes[@]}" --summary "what went wrong")
	[ -n "$resp" ] && t respond "$ref" --outcome "$out" --date "$resp"
	echo "$ref"
}

t config set authority_name "Shire & Vale Council" >/dev/null
# Service areas are a configured list (tellus services): this one is not a default.
t services add "First Response" >/dev/null
for i in 1 2 3 4 5 6; do complaint 2024-06-03 "First Response" parent 2024-06-14 not_upheld delays >/dev/null; done
for i in 1 2 3; do complaint 2024-09-02 "Fostering" foster_carer 2024-09-30 partly_upheld fairness >/dev/null; done
for i in 1 2 3 4 5 6 7 8; do complaint 2025-06-02 "First Response" parent 2025-06-13 not_upheld delays >/dev/null; done
for i in 1 2; do complaint 2025-07-01 "Disabled Children" child 2025-07-08 fully_upheld quality_of_work keeping_informed >/dev/null; done
ref=$(complaint 2025-12-15 "Fostering" child 2026-01-16 partly_upheld sensitivity_empathy)
t action "$ref" apology
t request "$ref" --stage 2 --date 2026-01-20 >/dev/null
complaint 2025-09-01 "Fostering" parent 2025-09-03 withdrawn fairness >/dev/null
"$TELLUS" log --kind complaint --received 2025-08-01 --complainant parent --service Fostering \
	--procedure corporate --summary "corporate matter" >/dev/null
for i in 1 2 3 4; do "$TELLUS" log --kind compliment --received 2025-05-01 --complainant parent \
	--service Fostering --summary "Thank you <b>Leah</b> & all" --consent >/dev/null; done
"$TELLUS" log --kind compliment --received 2024-05-01 --complainant child --service Fostering \
	--summary "private words" >/dev/null
"$TELLUS" log --kind compliment --received 2025-05-02 --complainant child --service Fostering \
	--summary "Leah listened to me" --consent --consent-names >/dev/null
t cost --category independent_person --amount 3910 --date 2025-06-01 >/dev/null
t cost --category independent_person --amount 2870 --date 2024-06-01 >/dev/null
t cost --category mediation --amount 930 --date 2026-03-31 >/dev/null
t cost --category mediation --amount 420 --date 2023-06-01 >/dev/null
t context --year 2024 --measure "Referrals to Children's Social Care" --value 4635 >/dev/null
t context --year 2025 --measure "Referrals to Children's Social Care" --value 3953 >/dev/null
t ombudsman --received 2025-05-01 --decided 2025-07-01 --decision not_upheld >/dev/null

