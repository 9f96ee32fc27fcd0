#!/usr/bin/env bash
# t_profiles.sh - procedure profiles through the real binary: the built-in
# Scottish and Welsh models and a newly loaded one give the right stage 1
# deadlines with no code change; closure days count only where a profile
# opts in; a case keeps the rules and deadlines it started under.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-01-20

# due NAME REF DUE LIMIT: `tellus show REF` gives stage 1 that due date and limit.
due() { run show "$2"
	if [ $T_RC -eq 0 ] && grep -qE "due +$3 \(limit $4\)" "$T_OUT"; then t_ok "$1"
	else t_fail "$1" "exit $T_RC" "want due $3 (limit $4)" "$(grep -E 'due|procedure' "$T_OUT") $(cat "$T_ERR")"; fi; }
# logs: a complaint received on the Friday before Christmas 2025; REF is set.
logs() { run log --kind complaint --received 2025-12-19 --complainant parent --service Fostering
	REF=$(cat "$T_OUT"); [ $T_RC -eq 0 ] || t_fail "log under $1" "$(cat "$T_ERR")"; }

prints "four_builtin_profiles_are_listed" "england_children
corporate
scotland
wales" profile list
succeeds "device_code_set" config set device_code K2

succeeds "statutory_profile_set_to_scotland" config set profile_statutory scotland
logs scotland; SCOT=$REF
due "scottish_stage1_is_5_days_up_to_10" "$SCOT" 2025-12-30 2026-01-07
run show "$SCOT"
grep -q "statutory (scotland)" "$T_OUT" && t_ok "case_shows_its_profile" || t_fail "case_shows_its_profile" "$(cat "$T_OUT")"

for d in 2025-12-29 2025-12-30 2025-12-31; do "$TELLUS" closures add "$d" "Office closed" >/dev/null; done
due "a_later_closure_does_not_move_a_given_deadline" "$SCOT" 2025-12-30 2026-01-07
logs scotland
due "scottish_profile_counts_closures_in_new_cases" "$REF" 2026-01-05 2026-01-12

succeeds "statutory_profile_set_to_wales" config set profile_statutory wales
logs wales
# Wales runs stage 1 from the acknowledgement (due by 2025-12-23): until
# it is given, from that day (t_acknowledge.sh has the rest).
due "welsh_stage1_is_10_days_plus_5_closures_not_counted" "$REF" 2026-01-09 2026-01-16
due "a_changed_profile_does_not_change_an_existing_case" "$SCOT" 2025-12-30 2026-01-07

succeeds "statutory_profile_set_to_england" config set profile_statutory england_children
logs england
due "english_stage1_is_10_up_to_20_closures_not_counted" "$REF" 2026-01-07 2026-01-21

# A new procedure is data: load it, choose it, and cases follow it.
cat >"$T_DIR/model.txt" <<'PROFILE'
# three and six working days, closures counted
name quick_model
title A quick model
closures yes
stage 1 standard 3 maximum 6 name Quick look
PROFILE
succeeds "a_new_profile_loads" profile load "$T_DIR/model.txt"
prints "the_new_profile_shows_as_loaded" "name quick_model
title A quick model
closures yes
request_window 20
stage 1 standard 3 maximum 6 name Quick look" profile show quick_model
succeeds "statutory_profile_set_to_the_new_one" config set profile_statutory quick_model
logs quick_model
due "the_new_profile_gives_its_deadlines" "$REF" 2025-12-24 2026-01-06

printf 'name broken\nstage 1 standard 10 maximum 5\n' >"$T_DIR/bad.txt"
h=$(db_hash)
refuses "a_bad_profile_is_refused_naming_file_and_line" "bad.txt: profile line 2: stage 1 needs standard >= 1 and maximum >= standard" \
	profile load "$T_DIR/bad.txt"
refuses "an_unknown_profile_cannot_be_chosen" "profile: 'nowhere' is not a procedure profile" \
	config set profile_statutory nowhere
same "refusals_change_nothing" "$(db_hash)" "$h"
