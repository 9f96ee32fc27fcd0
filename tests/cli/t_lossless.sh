#!/usr/bin/env bash
# t_lossless.sh - SPEC 7's lossless export (issue 10 point 1): a Tellus
# export imported into an empty database gives the same `tellus show` for
# every case, the same tables row for row, the same annual report byte for
# byte and the same export; on the fixture (data/lossless.csv, every field,
# every pause reason, restarts, both safety states), on a register made
# with the moves themselves (lossless_register.sh), and on a large
# generated register (scripts/csvio-gen.py --full). A register with only
# SPEC 7's first 24 columns still imports.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lossless_register.sh"
DATA=$(cd "$(dirname "$0")/data" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# refs DB: every reference, in the order stored.
refs() { sqlite3 "$1" "SELECT ref FROM cases ORDER BY id"; }
# shows DB: `tellus show` of every case.
shows() { local r; for r in $(refs "$1"); do "$TELLUS" --db "$1" show "$r"; echo "--"; done; }
# rows DB: every field of every case and what it holds, without ids, times
# or the audit trail; and the report's running totals.
rows() { sqlite3 "$1" "
	SELECT ref, kind, received, procedure, profile, channel, complainant, on_behalf, officer,
	  service_area, team, summary, desired, contact, consent_to_publish, advocacy, unsafe,
	  late_reason, matter_date, tracking_hash, causes_key, safety_handled, assessed_why,
	  safety_note, safety_ref, consent_names, complainant_name, child_name, retained,
	  (SELECT body FROM profile_rules r WHERE r.id = cases.rules) FROM cases ORDER BY ref;
	SELECT c.ref, s.stage, s.opened, s.started, s.due, s.max_due, s.extended, s.extension_reason,
	  s.extension_by, s.request_late, s.panel, s.responded, s.outcome, s.paused_days,
	  s.paused_since, s.counted, s.acknowledged, s.extended_on FROM stages s JOIN cases c ON c.id = s.case_id ORDER BY 1, 2;
	SELECT c.ref, s.stage, p.paused, p.resumed, p.reason, p.days FROM stage_pauses p
	  JOIN stages s ON s.id = p.stage_id JOIN cases c ON c.id = s.case_id ORDER BY 1, 2, 3, p.id;
	SELECT c.ref, a.action, a.note FROM actions a JOIN cases c ON c.id = a.case_id ORDER BY 1, 2;
	SELECT c.ref, k.cause FROM case_causes k JOIN cases c ON c.id = k.case_id ORDER BY 1, 2;
	SELECT * FROM tally_stages WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6;
	SELECT * FROM tally_people WHERE n <> 0 ORDER BY 1, 2, 3, 4;"; }
# reports DB OUT YEAR...: the report's CSV files of each year under OUT.
reports() { local db=$1 out=$2 y; shift 2
	for y in "$@"; do "$TELLUS" --db "$db" report --year "$y" --format csv --out "$out/$y" >/dev/null || echo "report $y failed"; done; }
same_dirs() { if diff -r "$2" "$3" >"$T_DIR/diff" 2>&1; then t_ok "$1"; else t_fail "$1" "$(head -5 "$T_DIR/diff")"; fi; }
same_files() { if cmp -s "$2" "$3"; then t_ok "$1"; else t_fail "$1" "$(diff "$2" "$3" | head -5)"; fi; }
checks_ok() { "$TELLUS" --db "$2" check >"$T_DIR/check" 2>&1 && grep -q "report totals: ok" "$T_DIR/check" &&
	t_ok "$1" || t_fail "$1" "$(cat "$T_DIR/check")"; }

# round_trip NAME A: export A, import into a new file B, compare them.
round_trip() { local name=$1 a=$2 b=$T_DIR/$1-b.db
	succeeds "$name: exported" --db "$a" export "$T_DIR/$name-a.csv"
	has "$name: every case imports into an empty file" "^$(refs "$a" | wc -l) added, 0 already present(;|$)" \
		--db "$b" import "$T_DIR/$name-a.csv"
	same "$name: the same tellus show for every case" "$(shows "$b")" "$(shows "$a")"
	same "$name: the same rows in every table" "$(rows "$b" | sha256sum)" "$(rows "$a" | sha256sum)"
	reports "$a" "$T_DIR/$name-ra" 2024 2025
	reports "$b" "$T_DIR/$name-rb" 2024 2025
	same_dirs "$name: the same annual report, byte for byte" "$T_DIR/$name-ra" "$T_DIR/$name-rb"
	succeeds "$name: the new file exports" --db "$b" export "$T_DIR/$name-b.csv"
	same_files "$name: export, import, export gives the same bytes" "$T_DIR/$name-a.csv" "$T_DIR/$name-b.csv"
	checks_ok "$name: tellus check agrees with the new file's totals" "$b"
	prints "$name: importing the export again adds nothing" "0 added, $(refs "$a" | wc -l) already present" \
		--db "$b" import "$T_DIR/$name-a.csv"
}

# --- a register made with the moves ---
L=$T_DIR/live.db
TELLUS_DB=$L build_register
round_trip live "$L"
same "live: the register uses every pause reason" \
	"$(sqlite3 "$L" "SELECT group_concat(reason) FROM (SELECT DISTINCT reason FROM stage_pauses ORDER BY 1)")" \
	"advocate,complainant,new_concerns"
same "live: a restarted stage opened before its clock started" \
	"$(sqlite3 "$L" "SELECT count(*) FROM stages WHERE opened < started")" 2
same "live: both safety states" "$(sqlite3 "$L" "SELECT group_concat(safety_handled IS NULL) FROM cases WHERE unsafe")" "0,1"
succeeds "live: the tracking code still works after the move" \
	--db "$T_DIR/live-b.db" track "$LR_TRACKED" "$LR_CODE"
same "live: and tells the stage" "$(sed -n 2p "$T_OUT")" "stage 2 requested 2025-04-14"

# --- the fixture: every field, as an export writes it ---
F=$T_DIR/fixture.db
has "fixture: imports" "^13 added, 0 already present(;|$)" --db "$F" import "$DATA/lossless.csv"
succeeds "fixture: exports" --db "$F" export "$T_DIR/fixture.csv"
same_files "fixture: its export is the fixture, byte for byte" "$DATA/lossless.csv" "$T_DIR/fixture.csv"
round_trip fixture "$F"
same "fixture: acknowledgements and extension dates round-trip" \
	"$(sqlite3 "$T_DIR/fixture-b.db" "SELECT group_concat(s.stage || ' ' || s.acknowledged || ' ' ||
	  coalesce(s.extended_on, '-'), ', ') FROM (SELECT * FROM stages ORDER BY stage) s
	  JOIN cases c ON c.id = s.case_id WHERE c.ref = 'K7-25-0001-V'")" \
	"1 2025-04-09 2025-04-25, 2 2025-05-29 2025-06-30, 3 2025-08-29 -"
# K7-25-0008-7 was logged under the corporate rules of before the LGSCO
# Code (its clock runs from receipt, not from the acknowledgement): the
# file carries them, so the imported case keeps its deadline.
has "fixture: a case keeps the rules it was logged under" "due  *2025-05-19" \
	--db "$T_DIR/fixture-b.db" show K7-25-0008-7
python3 - "$DATA/lossless.csv" "$T_DIR/rules-bad.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
rows[1][h.index("rules")] = rows[8][h.index("rules")]  # corporate's, on an england_children case
csv.writer(open(sys.argv[2], "w", newline="")).writerows(rows[:2])
PY
python3 - "$DATA/lossless.csv" "$T_DIR" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
for name, ref, col, value in (("ack", "K7-25-0001-V", "stage1_acknowledged", "2025-04-10"),
                              ("ext", "K7-25-0001-V", "stage2_extended_on", "2025-07-01"),
                              ("rules", "K7-25-0008-7", "rules", rows[1][h.index("rules")])):
    row = [r for r in rows if r[0] == ref][0][:]
    row[h.index(col)] = value
    csv.writer(open(f"{sys.argv[2]}/differs-{name}.csv", "w", newline="")).writerows([h, row])
PY
refuses "fixture: a stored case with another acknowledgement differs" \
	"differs in stage1_acknowledged" --db "$T_DIR/fixture-b.db" import "$T_DIR/differs-ack.csv"
refuses "fixture: a stored case with another extension date differs" \
	"differs in stage2_extended_on" --db "$T_DIR/fixture-b.db" import "$T_DIR/differs-ext.csv"
refuses "fixture: a stored case logged under other rules differs" \
	"differs in rules" --db "$T_DIR/fixture-b.db" import "$T_DIR/differs-rules.csv"
refuses "fixture: rules of another profile are refused, naming the column" \
	"rules-bad.csv:2: column rules: .*corporate" --db "$T_DIR/rules.db" import "$T_DIR/rules-bad.csv"
same "fixture: the same report as the live register" \
	"$(cd "$T_DIR/fixture-ra" && find . -type f | sort | xargs cat | sha256sum)" \
	"$(cd "$T_DIR/live-ra" && find . -type f | sort | xargs cat | sha256sum)"

# --- a register of SPEC 7's first 24 columns only ---
python3 - "$DATA/lossless.csv" "$T_DIR/legacy24.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    # Only cases the first 24 columns can hold: no safety concern.
    keep = [r for r in rows if r[rows[0].index("unsafe")] != "yes"]
    csv.writer(f, lineterminator="\r\n").writerows(r[:24] for r in keep)
PY
has "legacy: a 24-column register still imports" "^11 added, 0 already present(;|$)" \
	--db "$T_DIR/legacy.db" import "$T_DIR/legacy24.csv"
same "legacy: absent columns are empty" \
	"$(sqlite3 "$T_DIR/legacy.db" "SELECT count(*) FROM cases WHERE officer <> '' OR desired <> '' OR advocacy")" 0
prints "legacy: the 24 columns of a stored case compare equal" "0 added, 11 already present" \
	--db "$F" import "$T_DIR/legacy24.csv"

# --- a large generated register, every column in use ---
N=${LOSSLESS_ROWS:-10000}
python3 "$ROOT/scripts/csvio-gen.py" --full "$N" "$T_DIR/big.csv"
G=$T_DIR/big.db
has "large: $N generated cases import" "^$N added, 0 already present(;|$)" --db "$G" import "$T_DIR/big.csv"
checks_ok "large: tellus check agrees after the bulk import" "$G"
succeeds "large: exported" --db "$G" export "$T_DIR/big-a.csv"
has "large: into an empty file" "^$N added, 0 already present(;|$)" --db "$T_DIR/big-b.db" import "$T_DIR/big-a.csv"
reports "$G" "$T_DIR/big-ra" 2018 2019 2020 2021 2022 2023 2024
reports "$T_DIR/big-b.db" "$T_DIR/big-rb" 2018 2019 2020 2021 2022 2023 2024
same_dirs "large: every year's report is the same, byte for byte" "$T_DIR/big-ra" "$T_DIR/big-rb"
same "large: the same rows in every table" "$(rows "$T_DIR/big-b.db" | sha256sum)" "$(rows "$G" | sha256sum)"
succeeds "large: the new file exports" --db "$T_DIR/big-b.db" export "$T_DIR/big-b.csv"
same_files "large: export, import, export gives the same bytes" "$T_DIR/big-a.csv" "$T_DIR/big-b.csv"
checks_ok "large: tellus check agrees with the new file" "$T_DIR/big-b.db"
echo "1..$T_N"
