#!/usr/bin/env bash
# t_sync.sh - devices and the register end to end with the real binary: a
# register, a kiosk and an officer's device, cases, moves, flags and a
# cost made on each; bundles carried in any order and twice. The
# register's annual report must equal that of one file where every move
# was made directly, `tellus check` must agree everywhere, and the kiosk's
# file (database, WAL and shared memory) must hold no logged sentence once
# the reply is in, while "Check my complaint" still answers there.
. "$(dirname "$0")/../cli/lib.sh"
REG=$T_DIR/register.db KIOSK=$T_DIR/kiosk.db OFF=$T_DIR/officer.db DIRECT=$T_DIR/direct.db
USB=$T_DIR/usb
mkdir -p "$USB"
t() { "$TELLUS" --db "$1" "${@:2}"; }
# on DEVICE_DB DIRECT_REF DEVICE_REF ARGS...: the same move on the device
# (with its reference) and in the one file (with its own).
on() { local db=$1 dref=$2 ref=$3; shift 3
	t "$db" "$1" "$ref" "${@:2}" >/dev/null && t "$DIRECT" "$1" "$dref" "${@:2}" >/dev/null; }

export TELLUS_TODAY=2026-01-05
t "$REG" config set device_code R1 >/dev/null
t "$DIRECT" config set device_code D1 >/dev/null
run --db "$REG" device add K2 --name "Reception kiosk" --role kiosk --out "$T_DIR"
same "device add prints the pair file" "$(cat "$T_OUT")" "$T_DIR/K2.pair"
same "the pair file is owner-only" "$(stat -c %a "$T_DIR/K2.pair")" "600"
head -1 "$T_DIR/K2.pair" | grep -q "PAIR FILE.*SECRET" && t_ok "its first line says what it is and that it is secret" ||
	t_fail "its first line says what it is and that it is secret" "$(head -1 "$T_DIR/K2.pair")"
succeeds "an officer's device is added" --db "$REG" device add P3 --name "A Officer" --role officer --out "$T_DIR"
prints "the kiosk joins" "joined the register as K2 (kiosk: Reception kiosk)" --db "$KIOSK" device join "$T_DIR/K2.pair"
[ ! -e "$T_DIR/K2.pair" ] && t_ok "joining deletes the pair file" || t_fail "joining deletes the pair file"
succeeds "the officer's device joins" --db "$OFF" device join "$T_DIR/P3.pair"
# Who acts (--as) is a member of staff in each file.
staff() { printf '2468\n2468\n' | t "$1" staff add "$2" --role "$3" >/dev/null; }
for db in "$OFF" "$DIRECT"; do staff "$db" "A Officer" officer; done
for db in "$REG" "$DIRECT"; do staff "$db" "J Manager" manager; done
run --db "$REG" device list
grep -q "^K2	kiosk	Reception kiosk	epoch 1	mark 0	last bundle never" "$T_OUT" &&
	grep -q "^P3	officer	A Officer	epoch 1" "$T_OUT" && t_ok "device list names both" ||
	t_fail "device list names both" "$(cat "$T_OUT")"

# The kiosk: a complaint, a compliment and an "I don't feel safe" record,
# each with a receipt (its code hash travels).
SENT1="Nobody rang me back about my placement, ever"
K1=$(t "$KIOSK" log --kind complaint --complainant child --service Fostering --channel kiosk \
	--summary "$SENT1" --desired "A phone call" --contact "07700 900123")
D1=$(t "$DIRECT" log --kind complaint --complainant child --service Fostering --channel kiosk \
	--summary "$SENT1" --desired "A phone call" --contact "07700 900123")
K2C=$(t "$KIOSK" log --kind compliment --complainant parent --service Adoption --channel kiosk \
	--consent --consent-names --summary "The social worker listened to us")
t "$DIRECT" log --kind compliment --complainant parent --service Adoption --channel kiosk \
	--consent --consent-names --summary "The social worker listened to us" >/dev/null
K3=$(t "$KIOSK" log --kind complaint --complainant child --service "Children in Care" \
	--channel kiosk --unsafe --summary "I am scared at home tonight")
D3=$(t "$DIRECT" log --kind complaint --complainant child --service "Children in Care" \
	--channel kiosk --unsafe --summary "I am scared at home tonight")
# Equalities answers given at the kiosk belong in the register's report.
for db_ref in "$KIOSK $K1" "$DIRECT $D1"; do
	t ${db_ref% *} equalities "${db_ref#* }" --gender female --age-band 11_15 --disability no >/dev/null
done
t "$KIOSK" receipt "$K1" --out "$T_DIR/k1.txt" >/dev/null
CODE1=$(grep -oE '[0-9A-Z]{5}-[0-9A-Z]{5}' "$T_DIR/k1.txt" | head -1)
[ -n "$CODE1" ] && t_ok "the kiosk gives a receipt with a code" || t_fail "the kiosk gives a receipt with a code"

# The officer's device: cases logged on a child's behalf, moved on.
O1=$(t "$OFF" --as "A Officer" log --kind complaint --complainant child --service Fostering --on-behalf \
	--officer "A Officer" --channel mobile --received 2026-01-05 --cause delays --summary "Moved school twice")
DO1=$(t "$DIRECT" --as "A Officer" log --kind complaint --complainant child --service Fostering --on-behalf \
	--officer "A Officer" --channel mobile --received 2026-01-05 --cause delays --summary "Moved school twice")
O2=$(t "$OFF" --as "A Officer" log --kind complaint --complainant foster_carer --service Fostering \
	--on-behalf --officer "A Officer" --channel mobile --cause keeping_informed)
DO2=$(t "$DIRECT" --as "A Officer" log --kind complaint --complainant foster_carer --service Fostering \
	--on-behalf --officer "A Officer" --channel mobile --cause keeping_informed)
t "$OFF" sync out "$USB" >"$T_DIR/o1.out" && O_B1=$(ls "$USB"/P3-e1-*.bundle)

export TELLUS_TODAY=2026-01-08
on "$OFF" "$DO1" "$O1" extend --reason "three services involved" --agreed-by "J Manager" --as "A Officer"
on "$OFF" "$DO2" "$O2" pause --reason advocate --date 2026-01-07
export TELLUS_TODAY=2026-01-12
on "$OFF" "$DO2" "$O2" resume --date 2026-01-12
t "$OFF" cost --category independent_person --amount 120.50 --date 2026-01-12 --ref "$O1" >/dev/null &&
	t "$DIRECT" cost --category independent_person --amount 120.50 --date 2026-01-12 --ref "$DO1" >/dev/null
t "$KIOSK" sync out "$USB" >/dev/null && K_B1=$(ls "$USB"/K2-e1-*.bundle)

export TELLUS_TODAY=2026-01-20
on "$OFF" "$DO1" "$O1" respond --outcome partly_upheld --date 2026-01-19
on "$OFF" "$DO1" "$O1" action apology
mkdir -p "$USB/later"
t "$OFF" sync out "$USB/later" >/dev/null && O_B2=$(ls "$USB"/later/P3-e1-*.bundle)
same "the later bundle carries every move not yet acknowledged" "$(basename "$O_B2")" "P3-e1-1-8.bundle"

# At the register: the newer officer bundle first, then the older (a
# no-op), the kiosk's twice; then its own moves on the kiosk's cases.
export TELLUS_TODAY=2026-01-21
run --db "$REG" sync in "$O_B2" --reply "$USB"
grep -q "P3 moves 1 to 8: 8 applied, 0 kept in tellus conflicts" "$T_OUT" && t_ok "the newer bundle applies whole" ||
	t_fail "the newer bundle applies whole" "$(cat "$T_OUT" "$T_ERR")"
h=$(sqlite3 "$REG" "SELECT count(*), group_concat(ref) FROM cases")
run --db "$REG" sync in "$O_B1" "$K_B1" "$K_B1" --reply "$USB"
[ $T_RC -eq 0 ] && grep -q "P3-e1-1-2.bundle: already applied: P3's moves 1 to 2 are at or below its mark here (8); nothing changed" "$T_OUT" &&
	[ "$(grep -c 'already applied' "$T_OUT")" = 2 ] && t_ok "an older bundle, and one twice, change nothing and say why" ||
	t_fail "an older bundle, and one twice, change nothing and say why" "$(cat "$T_OUT" "$T_ERR")"
same "consent to publish names travels with the kiosk's compliment" \
	"$(sqlite3 "$REG" "SELECT consent_to_publish, consent_names FROM cases WHERE ref = '$K2C'")" "1|1"
same "the kiosk's three cases arrived once" "$(sqlite3 "$REG" "SELECT count(*) FROM cases WHERE ref LIKE 'K2-%'")" "3"
R1=$(t "$REG" --as "J Manager" log --kind complaint --complainant parent --service Adoption --received 2026-01-21 --cause delays)
DR1=$(t "$DIRECT" --as "J Manager" log --kind complaint --complainant parent --service Adoption --received 2026-01-21 --cause delays)
on "$REG" "$D1" "$K1" respond --outcome not_upheld --date 2026-01-21
on "$REG" "$D3" "$K3" handled --note "Duty worker visited" --date 2026-01-21
t "$REG" context --year 2025 --measure "Referrals to Children's Social Care" --value 4000 >/dev/null
t "$DIRECT" context --year 2025 --measure "Referrals to Children's Social Care" --value 4000 >/dev/null

t "$REG" report --year 2025 --format csv --out "$T_DIR/rep-register" >/dev/null
t "$DIRECT" report --year 2025 --format csv --out "$T_DIR/rep-direct" >/dev/null
same "the register's report equals that of one file with every move made directly" \
	"$(diff -r "$T_DIR/rep-register" "$T_DIR/rep-direct" && echo same)" "same"
same "the kiosk's equalities answers are at the register" \
	"$(sqlite3 "$REG" "SELECT c.ref, e.age_band, e.gender, e.ethnicity, e.disability FROM equalities e JOIN cases c ON c.id = e.case_id")" \
	"$K1|11_15|female||no"
grep -q "^total,0.00,0.00,120.50" "$T_DIR/rep-register/t8_costs.csv" && t_ok "the officer's cost is counted" ||
	t_fail "the officer's cost is counted" "$(cat "$T_DIR/rep-register/t8_costs.csv")"
for db in "$REG" "$KIOSK" "$OFF"; do
	run --db "$db" check
	[ $T_RC -eq 0 ] && t_ok "check agrees on $(basename "$db")" || t_fail "check agrees on $(basename "$db")" "$(cat "$T_OUT")"
done
run --db "$REG" show "$O1"
grep -q "extension   agreed 2026-01-08 by J Manager: three services involved" "$T_OUT" &&
	grep -q "response    2026-01-19 partly_upheld" "$T_OUT" && t_ok "a device's moves are at the register" ||
	t_fail "a device's moves are at the register" "$(cat "$T_OUT")"
run --db "$REG" audit "$O1"
grep -q "A Officer *extend" "$T_OUT" && t_ok "the audit names the device's maker" || t_fail "the audit names the device's maker" "$(cat "$T_OUT")"
run --db "$REG" track "$K1" "$CODE1"
grep -q "^responded 2026-01-21" "$T_OUT" && t_ok "the kiosk's code works at the register" ||
	t_fail "the kiosk's code works at the register" "$(cat "$T_OUT" "$T_ERR")"

# The replies: the officer gets their cases in full; the kiosk forgets.
run --db "$OFF" sync in "$USB/P3-e1-reply-8.reply"
grep -q "the register has this device's moves up to 8" "$T_OUT" && t_ok "the officer's device takes its reply" ||
	t_fail "the officer's device takes its reply" "$(cat "$T_OUT" "$T_ERR")"
same "the officer's moves are no longer waiting" "$(sqlite3 "$OFF" "SELECT count(*) FROM sync_moves")" "0"
run --db "$OFF" show "$O1"
grep -q "Moved school twice" "$T_OUT" && t_ok "the officer keeps their cases in full" || t_fail "the officer keeps their cases in full" "$(cat "$T_OUT")"

sqlite3 "$KIOSK" >/dev/null 2>&1 <<<"SELECT 1;" # a reader as the kiosk app would be
mkfifo "$T_DIR/hold"
sqlite3 "$KIOSK" <"$T_DIR/hold" >/dev/null 2>&1 & HOLDER=$!
exec 9>"$T_DIR/hold"
echo "SELECT count(*) FROM cases;" >&9
sleep 0.2
same "before the register has it, the kiosk does not hold staff told of its safety record" \
	"$(sqlite3 "$KIOSK" "SELECT count(*) FROM safety_told")" "0"
t "$KIOSK" sync out "$USB" >/dev/null
run --db "$REG" sync in "$USB"/K2-e1-1-*.bundle --reply "$USB"
run --db "$KIOSK" sync in "$(ls "$USB"/K2-e1-reply-*.reply | tail -1)"
grep -q "3 cases' words removed" "$T_OUT" && t_ok "the kiosk forgets the words of every case the register has" ||
	t_fail "the kiosk forgets the words of every case the register has" "$(cat "$T_OUT" "$T_ERR")"
grep -q "the register has 1 \"I don't feel safe\" record: staff have been told" "$T_OUT" &&
	same "the reply records that staff were told of the kiosk's safety record (case_staff_told_mark)" \
	"$(sqlite3 "$KIOSK" "SELECT c.ref, t.how FROM safety_told t JOIN cases c ON c.id = t.case_id")" "$K3|register" ||
	t_fail "the reply says staff were told of the kiosk's safety record" "$(cat "$T_OUT")"
n=0
for f in "$KIOSK" "$KIOSK-wal" "$KIOSK-shm"; do
	[ -e "$f" ] && n=$((n + $(grep -c -a -e "$SENT1" -e "scared at home" -e "07700 900123" -e "listened to us" "$f")))
done
same "no logged sentence is left in the kiosk's database, WAL or shared memory" "$n" "0"
same "nor the equalities answers given there" "$(sqlite3 "$KIOSK" "SELECT count(*) FROM equalities")" "0"
[ -e "$KIOSK-wal" ] && t_ok "(the WAL was there, kept open by a reader)" || t_fail "(the WAL was there, kept open by a reader)"
exec 9>&-
wait "$HOLDER" 2>/dev/null
run --db "$KIOSK" track "$K1" "$CODE1"
grep -q "^stage 1 received 2026-01-05" "$T_OUT" && grep -q "^responded 2026-01-21" "$T_OUT" &&
	t_ok "Check my complaint still answers on the kiosk, with the register's response" ||
	t_fail "Check my complaint still answers on the kiosk, with the register's response" "$(cat "$T_OUT" "$T_ERR")"
run --db "$KIOSK" audit "$K1"
grep -q "words_removed" "$T_OUT" && t_ok "the kiosk audits what it removed" || t_fail "the kiosk audits what it removed" "$(cat "$T_OUT")"
same "the kiosk keeps its three cases" "$(sqlite3 "$KIOSK" "SELECT count(*) FROM cases")" "3"
h=$(db_hash)
run --db "$KIOSK" sync in "$(ls "$USB"/K2-e1-reply-*.reply | tail -1)"
grep -q "already taken" "$T_OUT" && t_ok "a reply taken twice changes nothing" || t_fail "a reply taken twice changes nothing" "$(cat "$T_OUT")"

# A move the kiosk made after its bundle waits; the reply leaves it alone.
export TELLUS_TODAY=2026-01-22
run --db "$KIOSK" sync status
grep -q "^waiting 0 moves of 0 cases" "$T_OUT" && grep -q "^last reply 20" "$T_OUT" &&
	t_ok "sync status says nothing is waiting and when the last reply came" ||
	t_fail "sync status says nothing is waiting and when the last reply came" "$(cat "$T_OUT")"

# The officer's device: an "I don't feel safe" record handled there and a
# complaint opened from it travel with the note and the link; the
# register's report still equals the one file's.
export TELLUS_TODAY=2026-01-23
U=(--kind complaint --complainant child --service Fostering --on-behalf --officer "A Officer"
	--channel mobile --unsafe --summary "Scared of a carer")
O5=$(t "$OFF" --as "A Officer" log "${U[@]}") && DO5=$(t "$DIRECT" --as "A Officer" log "${U[@]}")
on "$OFF" "$DO5" "$O5" handled --note "Moved that night" --as "A Officer"
O6=$(t "$OFF" --as "A Officer" complaint-from "$O5" --cause delays) &&
	DO6=$(t "$DIRECT" --as "A Officer" complaint-from "$DO5" --cause delays)
t "$OFF" --as "A Officer" letter "$O6" acknowledgement --out "$T_DIR/ack-o6.txt" >/dev/null
mkdir -p "$USB/o3"
t "$OFF" sync out "$USB/o3" >/dev/null
run --db "$REG" sync in "$USB"/o3/P3-e1-*.bundle
grep -q "4 applied, 0 kept in tellus conflicts" "$T_OUT" && t_ok "the record, its handling and the complaint apply" ||
	t_fail "the record, its handling and the complaint apply" "$(cat "$T_OUT" "$T_ERR")"
run --db "$REG" show "$O5"
grep -q "^handled       2026-01-23: Moved that night$" "$T_OUT" &&
	grep -q "^complaint     $O6 was opened from this record$" "$T_OUT" &&
	t_ok "at the register the record keeps the officer's note and names the complaint" ||
	t_fail "at the register the record keeps the officer's note and names the complaint" "$(cat "$T_OUT")"
run --db "$REG" show "$O6"
grep -q "^opened from   $O5, an \"I don't feel safe\" record$" "$T_OUT" &&
	t_ok "and the complaint names the record" || t_fail "and the complaint names the record" "$(cat "$T_OUT")"
same "the copy of the letter the officer sent is kept with the case at the register" \
	"$(sqlite3 "$REG" "SELECT l.kind, l.who, l.body = CAST(readfile('$T_DIR/ack-o6.txt') AS TEXT) FROM letters l JOIN cases c ON c.id = l.case_id WHERE c.ref = '$O6'")" \
	"acknowledgement|A Officer|1"
rm -rf "$T_DIR/rep-register" "$T_DIR/rep-direct"
t "$REG" report --year 2025 --format csv --out "$T_DIR/rep-register" >/dev/null
t "$DIRECT" report --year 2025 --format csv --out "$T_DIR/rep-direct" >/dev/null
same "the reports are still equal" "$(diff -r "$T_DIR/rep-register" "$T_DIR/rep-direct" && echo same)" "same"
run --db "$REG" check
[ $T_RC -eq 0 ] && t_ok "check agrees at the register" || t_fail "check agrees at the register" "$(cat "$T_OUT")"
