#!/usr/bin/env bash
# t_sync_conflicts.sh - the register decides: a stage answered on an
# officer's device and at the register keeps the register's answer; the
# device's is kept in `tellus conflicts` with the device, the move and the
# reason, nothing lost, and can be settled with a note. The rest of the
# bundle still applies, and the device takes the register's answer back.
. "$(dirname "$0")/../cli/lib.sh"
REG=$T_DIR/register.db OFF=$T_DIR/officer.db USB=$T_DIR/usb
mkdir -p "$USB"
t() { "$TELLUS" --db "$1" "${@:2}"; }

export TELLUS_TODAY=2026-02-02
t "$REG" config set device_code R1 >/dev/null
t "$REG" device add P4 --name "B Officer" --role officer --out "$T_DIR" >/dev/null 2>&1
t "$OFF" device join "$T_DIR/P4.pair" >/dev/null
printf '2468\n2468\n' | t "$OFF" staff add "B Officer" --role officer >/dev/null
printf '2468\n2468\n' | t "$REG" staff add "J Manager" --role manager >/dev/null
REF=$(t "$OFF" --as "B Officer" log --kind complaint --complainant child --service Fostering \
	--on-behalf --officer "B Officer" --received 2026-02-02 --summary "Contact with my brother stopped")
t "$OFF" sync out "$USB" >/dev/null
t "$REG" sync in "$USB"/P4-e1-1-1.bundle --reply "$USB" >/dev/null
t "$OFF" sync in "$USB"/P4-e1-reply-1.reply >/dev/null

export TELLUS_TODAY=2026-02-10
t "$REG" --as "J Manager" respond "$REF" --outcome not_upheld --date 2026-02-09 >/dev/null
t "$OFF" --as "B Officer" respond "$REF" --outcome fully_upheld --date 2026-02-10 >/dev/null
t "$OFF" --as "B Officer" action "$REF" apology >/dev/null
R2=$(t "$OFF" --as "B Officer" log --kind complaint --complainant parent --service Adoption --on-behalf \
	--officer "B Officer" --received 2026-02-10)
t "$OFF" sync out "$USB" >/dev/null
run --db "$REG" sync in "$USB"/P4-e1-2-4.bundle --reply "$USB"
grep -q "P4 moves 2 to 4: 2 applied, 1 kept in tellus conflicts" "$T_OUT" &&
	t_ok "the refused move is kept, the rest applies" || t_fail "the refused move is kept, the rest applies" "$(cat "$T_OUT" "$T_ERR")"
run --db "$REG" show "$REF"
grep -q "response    2026-02-09 not_upheld" "$T_OUT" && t_ok "the register keeps its own answer" ||
	t_fail "the register keeps its own answer" "$(cat "$T_OUT")"
grep -q "actions       apology" "$T_OUT" && t_ok "the device's other move on the case applies" ||
	t_fail "the device's other move on the case applies" "$(cat "$T_OUT")"
t "$REG" show "$R2" >/dev/null && t_ok "the device's new case is in" || t_fail "the device's new case is in"
run --db "$REG" conflicts
same "conflicts lists one" "$(wc -l <"$T_OUT")" "1"
grep -qE "^1	P4 move 2	2026-02-10	respond $REF	$REF: stage 1 has already ended \(responded\)" "$T_OUT" &&
	t_ok "it names the device, the move and the reason" || t_fail "it names the device, the move and the reason" "$(cat "$T_OUT")"
run --db "$REG" conflicts show 1
grep -q '"word":"fully_upheld"' "$T_OUT" && grep -q "^made        2026-02-10 by B Officer" "$T_OUT" &&
	t_ok "nothing of the device's answer is lost" || t_fail "nothing of the device's answer is lost" "$(cat "$T_OUT")"
run --db "$REG" sync status
grep -q "1 conflicts to settle" "$T_OUT" && t_ok "sync status counts it" || t_fail "sync status counts it" "$(cat "$T_OUT")"
run --db "$REG" check
[ $T_RC -eq 0 ] && t_ok "check agrees at the register" || t_fail "check agrees at the register" "$(cat "$T_OUT")"

h=$(db_hash)
refuses "settling again the same way changes nothing" "has already ended" \
	--db "$REG" conflicts settle 1 --apply --note "try the device's answer"
same "and a refused settle changes nothing" "$(db_hash)" "$h"
refuses "a settle needs a note" "--note: is required" --db "$REG" conflicts settle 1
succeeds "settled with a note" --db "$REG" --as "J Manager" conflicts settle 1 --note "officer agreed: not upheld stands"
prints "no conflicts are left" "no conflicts to settle" --db "$REG" conflicts
run --db "$REG" conflicts --all
grep -q "settled 20" "$T_OUT" && t_ok "a settled one is kept" || t_fail "a settled one is kept" "$(cat "$T_OUT")"
run --db "$REG" audit "$REF"
grep -q "J Manager *conflict_settled.*officer agreed" "$T_OUT" && t_ok "settling is audited" ||
	t_fail "settling is audited" "$(cat "$T_OUT")"

run --db "$OFF" sync in "$USB"/P4-e1-reply-4.reply
grep -q "1 moves in its conflicts" "$T_OUT" && t_ok "the reply tells the device" || t_fail "the reply tells the device" "$(cat "$T_OUT")"
run --db "$OFF" show "$REF"
grep -q "response    2026-02-09 not_upheld" "$T_OUT" && t_ok "the device takes the register's answer" ||
	t_fail "the device takes the register's answer" "$(cat "$T_OUT")"
run --db "$OFF" check
[ $T_RC -eq 0 ] && t_ok "check agrees on the device" || t_fail "check agrees on the device" "$(cat "$T_OUT")"
