#!/usr/bin/env bash
# t_safety.sh - an "I don't feel safe" record through the real `tellus`
# (issue 14 point 2): no stages and no clock, so the procedure's moves are
# refused, saying what to do instead; handled with a note that `show`
# keeps and after which `list --all` no longer says "act now"; and a
# complaint opened from it (`complaint-from`, or `log --from`), linked both ways, running the
# procedure as any complaint does.
. "$TELLUS_ROOT/tests/cli/lib.sh"
"$TELLUS" config set device_code K2 >/dev/null

R=$("$TELLUS" log --kind complaint --complainant child --service "Children in care" --unsafe \
	--procedure not_eligible --advocacy)
[ -n "$R" ] && t_ok "a safety concern is logged ($R)" || t_fail "a safety concern is logged"
refuses "a safety concern has no response: what to do instead" \
	"is a safety concern .*no stages and no clock; mark it handled \(tellus handled" \
	respond "$R" --outcome not_upheld
refuses "nor an extension" "is a safety concern" extend "$R" --reason complex --agreed-by "J Smith"
refuses "nor a withdrawal" "open a linked complaint \(tellus complaint-from $R\)" withdraw "$R"
refuses "nor a stage 2" "is a safety concern" request "$R" --stage 2
run show "$R"
grep -q "^handled       not yet: act now$" "$T_OUT" && t_ok "show says it waits to be handled" ||
	t_fail "show says it waits to be handled" "$(cat "$T_OUT")"
run list --all
grep "^$R " "$T_OUT" | grep -q "act now" && t_ok "list --all says act now while it waits" ||
	t_fail "list --all says act now while it waits" "$(cat "$T_OUT")"

succeeds "it is handled with a note" handled "$R" --note "Duty social worker met them the same day"
run show "$R"
grep -q "^handled       2026-01-15: Duty social worker met them the same day$" "$T_OUT" &&
	t_ok "show keeps the handled note" || t_fail "show keeps the handled note" "$(cat "$T_OUT")"
run list --all
line=$(grep "^$R " "$T_OUT")
case "$line" in
*"act now"*) t_fail "list --all no longer says act now once handled" "$line" ;;
*"handled 2026-01-15"*) t_ok "list --all no longer says act now once handled" ;;
*) t_fail "list --all no longer says act now once handled" "$line" ;;
esac

# The child also complains: a complaint opened from the record.
C=$("$TELLUS" complaint-from "$R" --summary "Nobody came when I asked for help" 2>"$T_ERR")
[ -n "$C" ] && t_ok "complaint-from opens a complaint ($C)" || t_fail "complaint-from opens a complaint" "$(cat "$T_ERR")"
same "it is a complaint from the child about the same service, with a stage 1" \
	"$(sqlite3 "$TELLUS_DB" "SELECT c.kind, c.complainant, c.service_area, c.unsafe, c.safety_ref, count(s.id) FROM cases c JOIN stages s ON s.case_id = c.id WHERE c.ref = '$C'")" \
	"complaint|child|Children in care|0|$R|1"
run show "$R"
grep -q "^complaint     $C was opened from this record$" "$T_OUT" && t_ok "show names the complaint on the record" ||
	t_fail "show names the complaint on the record" "$(cat "$T_OUT")"
run show "$C"
grep -q "^opened from   $R, an \"I don't feel safe\" record$" "$T_OUT" && t_ok "show names the record on the complaint" ||
	t_fail "show names the record on the complaint" "$(cat "$T_OUT")"
refuses "one complaint a record" "already has a linked complaint, $C" complaint-from "$R"
refuses "nor by log --from, which is the same" "already has a linked complaint, $C" log --from "$R" --summary x
refuses "only a safety record opens one" "is not a safety concern" log --from "$C"
refuses "a complaint opened from one is not itself unsafe" "which is not --unsafe" log --from "$R" --unsafe
succeeds "the complaint runs the procedure" respond "$C" --outcome not_upheld
run audit "$R"
grep -q "complaint_from" "$T_OUT" && t_ok "the record's audit trail names the complaint" ||
	t_fail "the record's audit trail names the complaint" "$(cat "$T_OUT")"
succeeds "the running totals stay true" check
