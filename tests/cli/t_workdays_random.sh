#!/usr/bin/env bash
# t_workdays_random.sh - `tellus workdays batch` and `tellus holidays`
# against workdays_ref.py, an independent calendar written from the rules:
# thousands of queries with a fixed seed (1995 to 2060; holidays to 2099),
# without and with closure days. A difference prints the first few
# disagreeing queries.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
REF="$HERE/workdays_ref.py"
SEED=20061738 # SI 2006/1738

# compare NAME OP WANT GOT: the answers to the OP queries (add, between, or
# "" for all) agree line by line with the python ones.
compare() {
	local bad
	bad=$(paste -d'|' "$T_DIR/q" "$3" "$4" | awk -F'|' -v op="$2" 'index($1, op) == 1 && $2 != $3' | head -5)
	if [ -z "$bad" ] && [ "$(wc -l <"$3")" -eq "$(wc -l <"$4")" ]; then t_ok "$1"
	else t_fail "$1" "query|python|tellus:" "$bad"; fi
}
# holidays_agree YEARS: `tellus holidays` of each year gives the days in want.h.
holidays_agree() {
	local y bad=""
	for y in $1; do
		grep "^$y-" "$T_DIR/want.h" >"$T_DIR/want"
		"$TELLUS" holidays "$y" | cut -c1-10 >"$T_DIR/got"
		cmp -s "$T_DIR/want" "$T_DIR/got" || bad="$bad $y: $(diff "$T_DIR/want" "$T_DIR/got" | tr '\n' ' ')"
	done
	echo "$bad"
}

python3 "$REF" queries "$SEED" 5000 >"$T_DIR/q"
n=$(wc -l <"$T_DIR/q")
if [ "$n" -ge 5000 ]; then t_ok "at_least_5000_queries ($n)"; else t_fail "at_least_5000_queries" "got $n"; fi
python3 "$REF" answer <"$T_DIR/q" >"$T_DIR/want.s"
"$TELLUS" workdays batch <"$T_DIR/q" >"$T_DIR/got.s"
for op in add between; do
	compare "workdays_${op}_agrees_with_the_independent_calendar ($(grep -c "^$op " "$T_DIR/q") queries)" \
		"$op " "$T_DIR/want.s" "$T_DIR/got.s"
done
python3 "$REF" holidays 1995 2099 >"$T_DIR/want.h"
bad=$(holidays_agree "$(seq 1995 2099)")
[ -z "$bad" ] && t_ok "holidays_1995_to_2099_agree" || t_fail "holidays_1995_to_2099_agree" "$bad"

# 30 random closure days; the statutory calendar must not notice them.
closures=$(python3 -c 'import random, datetime, sys
r = random.Random(int(sys.argv[1]))
lo, hi = datetime.date(1995, 1, 1).toordinal(), datetime.date(2060, 12, 31).toordinal()
print(",".join(sorted({str(datetime.date.fromordinal(r.randint(lo, hi))) for _ in range(30)})))' "$SEED")
ok=1
for d in ${closures//,/ }; do "$TELLUS" closures add "$d" "Closed" >/dev/null || ok=0; done
[ $ok -eq 1 ] && t_ok "30_random_closures_added" || t_fail "30_random_closures_added"
python3 "$REF" answer "$closures" <"$T_DIR/q" >"$T_DIR/want.c"
"$TELLUS" workdays batch --closures <"$T_DIR/q" >"$T_DIR/got.c"
compare "workdays_with_closures_agree ($n queries)" "" "$T_DIR/want.c" "$T_DIR/got.c"
"$TELLUS" workdays batch <"$T_DIR/q" >"$T_DIR/got.s"
compare "statutory_workdays_ignore_closures ($n queries)" "" "$T_DIR/want.s" "$T_DIR/got.s"
if cmp -s "$T_DIR/got.s" "$T_DIR/got.c"; then t_fail "closures_change_some_answers"
else t_ok "closures_change_some_answers"; fi
python3 "$REF" holidays 1995 2060 "$closures" >"$T_DIR/want.h"
bad=$(holidays_agree "$(echo "$closures" | tr ',' '\n' | cut -c1-4 | sort -u)")
[ -z "$bad" ] && t_ok "holidays_with_closures_agree" || t_fail "holidays_with_closures_agree" "$bad"
