#!/usr/bin/env bash
# t_calendar.sh - `tellus holidays` against the published gov.uk list of
# England and Wales bank holidays, and closure days: add/list/remove, their
# refusals and audit entries, and that only --closures counts them.
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=${TELLUS_ROOT:-$(cd "$HERE/../.." && pwd)}
. "$HERE/lib.sh"

# feeds NAME INPUT EXPECTED ARGS...: tellus with INPUT on stdin prints EXPECTED
# (whatever its exit status; batch runs check that separately).
feeds() { local n=$1 in=$2 want=$3; shift 3
	"$TELLUS" "$@" <<<"$in" >"$T_OUT" 2>"$T_ERR"; T_RC=$?
	if [ "$(cat "$T_OUT")" = "$want" ]; then t_ok "$n"
	else t_fail "$n" "exit $T_RC" "want: $want" "got:  $(head -c 300 "$T_OUT")" "err:  $(head -c 300 "$T_ERR")"; fi; }

# The published list: ../shared/data beside the repository where present,
# else the copy kept with the tests (so a fresh clone still checks it).
PUBLISHED="$ROOT/../shared/data/bank-holidays-england-and-wales.json"
[ -f "$PUBLISHED" ] || PUBLISHED="$HERE/data/bank-holidays-england-and-wales.json"

# published YEAR: that year's published dates, one a line, sorted.
published() { python3 -c 'import json, sys
for x in json.load(open(sys.argv[1])):
    if x["date"].startswith(sys.argv[2] + "-"): print(x["date"])' "$PUBLISHED" "$1" | sort; }

years=$(python3 -c 'import json, sys
print(*sorted({x["date"][:4] for x in json.load(open(sys.argv[1]))}))' "$PUBLISHED")
if [ "$(echo $years | wc -w)" -ge 10 ]; then t_ok "published list has at least 10 years"
else t_fail "published list has at least 10 years" "got: $years"; fi
for y in $years; do
	run holidays "$y"
	cat "$T_OUT" >>"$T_DIR/all-holidays"
	got=$(cut -c1-10 "$T_OUT" | sort)
	want=$(published "$y")
	if [ $T_RC -eq 0 ] && [ "$got" = "$want" ]; then t_ok "holidays_${y}_are_exactly_the_published_list"
	else t_fail "holidays_${y}_are_exactly_the_published_list" "exit $T_RC" \
		"missing: $(comm -13 <(echo "$got") <(echo "$want") | tr '\n' ' ')" \
		"extra:   $(comm -23 <(echo "$got") <(echo "$want") | tr '\n' ' ')"; fi
done
# The names too, as published (for example "(VE day)" in 2020); a day
# moved off a weekend as gov.uk shows it, "Boxing Day (substitute day)"
# (its list keeps "Substitute day" in a note the copy here leaves out): a
# Christmas, Boxing or New Year's Day on another date than its own.
bad=$(python3 -c 'import json, sys
pub = {x["date"]: x["title"] for x in json.load(open(sys.argv[1]))}
own = {"Christmas Day": "12-25", "Boxing Day": "12-26", "New Year’s Day": "01-01"}
for line in sys.stdin:
    d, name = line.rstrip("\n").split(" ", 1)
    title = pub.get(d)
    if title in own and d[5:] != own[title]: title += " (substitute day)"
    if title != name: print(d, name, "/", title)' "$PUBLISHED" <"$T_DIR/all-holidays")
[ -z "$bad" ] && t_ok "holiday_names_are_as_published" || t_fail "holiday_names_are_as_published" "$bad"
run holidays 2026
grep -qx '2026-12-28 Boxing Day (substitute day)' "$T_OUT" && grep -qx '2026-12-25 Christmas Day' "$T_OUT" &&
	t_ok "holidays_2026_name_the_substitute_boxing_day" || t_fail "holidays_2026_name_the_substitute_boxing_day" "$(cat "$T_OUT")"
subs=$(grep -c 'substitute day' "$T_DIR/all-holidays")
[ "$subs" -ge 10 ] && t_ok "every_substitute_day_of_the_published_years_is_named_so ($subs)" ||
	t_fail "every_substitute_day_of_the_published_years_is_named_so" "only $subs"
run holidays 2022
if grep -qx '2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II' "$T_OUT"
then t_ok "holidays_lines_are_date_space_name"
else t_fail "holidays_lines_are_date_space_name" "got: $(head -3 "$T_OUT")"; fi
refuses "holidays_before_1995_is_refused" "from 1995 to 2099" holidays 1994
refuses "holidays_after_2099_is_refused" "from 1995 to 2099" holidays 2100
refuses "holidays_of_a_word_is_refused" "whole number" holidays next

# Closures.
prints "no_closures_at_first" "" closures list
succeeds "closure_add_2025_12_29" closures add 2025-12-29 "Office closed"
succeeds "closure_add_2025_12_30" closures add 2025-12-30 "Office closed"
succeeds "closure_add_2025_12_31" closures add 2025-12-31 "Office closed"
succeeds "closure_add_on_a_saturday" closures add 2026-01-03 "Stocktake"
succeeds "closure_add_on_a_bank_holiday" closures add 2026-01-01 "Office closed"
before=$(db_hash)
refuses "closure_add_twice_is_refused" "2025-12-29: already a closure day" \
	closures add 2025-12-29 "Again"
refuses "closure_add_impossible_date_is_refused" "DATE: '2025-02-30' is not a real date" \
	closures add 2025-02-30 "Nope"
refuses "closure_add_bad_shape_is_refused" "not a date of the form YYYY-MM-DD" \
	closures add 29/12/2025 "Nope"
refuses "closure_add_outside_calendar_is_refused" "from 1995 to 2099" \
	closures add 1990-01-02 "Nope"
refuses "closure_add_without_name_is_refused" "usage" closures add 2025-12-22
refuses "closure_add_empty_name_is_refused" "closure name: must be one line" closures add 2025-12-22 ""
refuses "closure_remove_of_a_working_day_is_refused" "2025-12-22: not a closure day" \
	closures remove 2025-12-22
same "refused_closure_changes_leave_the_database_alone" "$(db_hash)" "$before"
prints "closures_list_in_date_order" "2025-12-29 Office closed
2025-12-30 Office closed
2025-12-31 Office closed
2026-01-01 Office closed
2026-01-03 Stocktake" closures list
n=$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM audit WHERE action = 'closure_add'")
same "each_closure_add_is_audited_once" "$n" 5
run holidays 2025
same "holidays_2025_list_the_closures" "$(grep 'Office closed' "$T_OUT")" "2025-12-29 Office closed
2025-12-30 Office closed
2025-12-31 Office closed"
run holidays 2026
if grep -qx '2026-01-03 Stocktake' "$T_OUT" && [ "$(grep -c '^2026-01-01 ' "$T_OUT")" -eq 1 ] \
	&& grep -qx '2026-01-01 New Year’s Day' "$T_OUT"
then t_ok "closure_on_a_bank_holiday_is_listed_once_and_weekend_closure_listed"
else t_fail "closure_on_a_bank_holiday_is_listed_once_and_weekend_closure_listed" "$(head -3 "$T_OUT")"; fi

# The statutory calendar ignores closures; --closures counts them.
prints "workdays_add_ignores_closures" "2025-12-29" workdays add 2025-12-24 1
prints "workdays_add_with_closures_skips_them" "2026-01-02" workdays add 2025-12-24 1 --closures
prints "workdays_add_10_ignoring_closures" "2026-01-07" workdays add 2025-12-19 10
prints "workdays_add_10_with_closures" "2026-01-12" workdays add 2025-12-19 10 --closures
prints "workdays_between_ignores_closures" "4" workdays between 2025-12-24 2026-01-02
prints "workdays_between_with_closures" "1" workdays between 2025-12-24 2026-01-02 --closures
prints "workdays_add_back_over_closures" "2025-12-24" workdays add 2026-01-02 -1 --closures
feeds "workdays_batch_with_closures" "add 2025-12-24 1
between 2025-12-24 2026-01-02" "2026-01-02
1" workdays batch --closures

succeeds "closure_remove" closures remove 2025-12-30
prints "closure_removed_is_gone_from_the_list" "2025-12-29 Office closed
2025-12-31 Office closed
2026-01-01 Office closed
2026-01-03 Stocktake" closures list
prints "removed_closure_counts_as_a_working_day_again" "2025-12-30" \
	workdays add 2025-12-24 1 --closures
n=$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM audit WHERE action = 'closure_remove' AND detail LIKE '2025-12-30%'")
same "closure_remove_is_audited" "$n" 1

# Queries that must be refused with a reason.
refuses "workdays_add_bad_date" "DATE: '2023-02-29' is not a real date" workdays add 2023-02-29 1
refuses "workdays_add_bad_n" "N: '1x' must be a whole number" workdays add 2023-02-28 1x
refuses "workdays_add_before_calendar" "outside the calendar" workdays add 1994-12-30 1
refuses "workdays_between_after_calendar" "outside the calendar" workdays between 2099-01-01 2100-01-01
refuses "workdays_unknown_query" "usage" workdays sideways 2025-01-01 2
bad_batch="add 2025-01-02 1
add 2025-13-01 1
between 2025-01-01 2025-01-31"
feeds "workdays_batch_error_names_the_line" "$bad_batch" "2025-01-03
error line 2: DATE: '2025-13-01' is not a real date
22" workdays batch
if [ $T_RC -ne 0 ] && grep -q '1 of 3 lines failed' "$T_ERR"; then t_ok "workdays_batch_with_a_bad_line_fails_at_the_end"
else t_fail "workdays_batch_with_a_bad_line_fails_at_the_end" "exit $T_RC" "$(cat "$T_ERR")"; fi
feeds "workdays_batch_short_line_is_refused" "add 2025-01-02" \
	"error line 1: query: three words are needed: add DATE N or between A B" workdays batch
feeds "workdays_batch_unknown_query_is_refused" "sub 2025-01-02 3" \
	"error line 1: query: 'sub' is not add DATE N or between A B" workdays batch
