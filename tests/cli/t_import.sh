#!/usr/bin/env bash
# t_import.sh - `tellus import` and `tellus export` (SPEC section 7):
# round trips to identical bytes, a second import that changes nothing,
# the formula guard, and every kind of bad file refused in one line that
# names file, line and column, leaving the database byte-identical.
. "$(dirname "$0")/lib.sh"
DATA=$(cd "$(dirname "$0")/data" && pwd)
HEADER="ref,kind,received,procedure,channel,complainant,on_behalf,service_area,team,causes,summary,stage1_response,stage1_extended,stage1_outcome,stage2_requested,stage2_response,stage2_extended,stage2_outcome,stage3_requested,stage3_panel,stage3_response,stage3_outcome,actions,consent_to_publish"
B="$T_DIR/bad"
mkdir -p "$B"

# The tables without the audit trail (which every import extends).
data_hash() { sqlite3 "$TELLUS_DB" .dump | grep -v '^INSERT INTO audit' | sha256sum | cut -c1-16; }
# same_files NAME A B: two files hold the same bytes.
same_files() { if cmp -s "$2" "$3"; then t_ok "$1"; else t_fail "$1" "$(diff "$2" "$3" | head -5)"; fi; }

# --- cases: import, again, export, into a new database, export again ---
prints "cases file is imported, naming the service areas and teams it adds" "12 added, 0 already present; 3 new service areas: Early help, Assessment, Special guardianship; 5 new teams: North, South, East, Duty, West" import "$DATA/cases.csv"
before=$(data_hash)
prints "a second import adds nothing" "0 added, 12 already present" import "$DATA/cases.csv"
same "a second import changes no table but the audit" "$(data_hash)" "$before"
prints "cases are exported" "12 rows written" export "$T_DIR/a.csv"
same "the export is readable by its owner only" "$(stat -c %a "$T_DIR/a.csv")" 600
same "the header starts with SPEC 7's columns in order" "$(head -1 "$T_DIR/a.csv" | cut -d, -f1-24)" "$HEADER"
prints "the export imports into a new database" "12 added, 0 already present; 3 new service areas: Early help, Assessment, Special guardianship; 5 new teams: North, South, East, Duty, West" \
	--db "$T_DIR/b.db" import "$T_DIR/a.csv"
succeeds "the new database exports" --db "$T_DIR/b.db" export "$T_DIR/b.csv"
same_files "export, import, export gives identical bytes" "$T_DIR/a.csv" "$T_DIR/b.csv"
same "rows are in order of receipt" "$(grep -o '^K2-2[45]-00[0-9][0-9]-.' "$T_DIR/a.csv" | head -3 | tr '\n' ' ')" \
	"K2-24-0041-P K2-25-0001-4 K2-25-0002-A "
grep -q "^K2-25-0006-3,.*,\"'=HYPERLINK(\"\"http" "$T_DIR/a.csv" && t_ok "a formula is exported behind a quote" \
	|| t_fail "a formula is exported behind a quote"
same "the quote is taken off on import" \
	"$(sqlite3 "$TELLUS_DB" "SELECT summary FROM cases WHERE ref='K2-25-0009-N'")" $'=1+1 is what I typed with\ta tab'
same "an ordinary leading quote is kept" \
	"$(sqlite3 "$TELLUS_DB" "SELECT substr(summary, 1, 4) FROM cases WHERE ref='K2-25-0008-F'")" "'Tis"
same "line breaks inside a summary are kept byte for byte" \
	"$(sqlite3 "$TELLUS_DB" "SELECT hex(summary) FROM cases WHERE ref='K2-25-0007-9'" | grep -c '0D0A616E64')" 1
same "imported stages run their clocks (none paused)" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM stages WHERE paused_since IS NOT NULL")" 0
same "an imported open case is listed by its deadline" "$("$TELLUS" list | grep -c 'K2-25-0004-P')" 1
same "each import and export leaves one audit entry" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM audit WHERE action IN ('import cases', 'export cases')")" 3
same "the audit never holds a person's words" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM audit WHERE detail LIKE '%social worker%' OR detail LIKE '%review%'")" 0

# --- columns in any order, optional ones left out ---
prints "columns may come in any order, spaced, after a byte order mark" "2 added, 0 already present" \
	--db "$T_DIR/c.db" import "$DATA/cases_reordered.csv"
succeeds "the reordered file exports" --db "$T_DIR/c.db" export "$T_DIR/c.csv"
same "procedure defaults to statutory" "$(sed -n 2p "$T_DIR/c.csv" | cut -d, -f1-25)" \
	'K2-25-0030-6,complaint,2025-10-01,statutory,phone,parent,no,Fostering,,,"Order, any",,no,,,,,,,,,,,no'

# --- files as spreadsheets and other systems save them (issue 17) ---
printf '%s\r\n' ' REF , Kind,RECEIVED ,Channel,complainant,Service_Area,Summary' \
	'OLD/SP/1,complaint,2025-10-01,phone,parent,Fostering,Capitals and spaces' ',,,,,,' ',,,,,,' \
	>"$T_DIR/spread.csv"
prints "headers match in any case, spaces trimmed; rows of empty cells are skipped" \
	"1 added, 0 already present" --db "$T_DIR/s.db" import "$T_DIR/spread.csv"
printf '%s\r' 'ref,kind,received,channel,complainant,service_area,summary' \
	$'OLD/MAC/1,complaint,2025-10-01,phone,parent,Fostering,"Two lines,\rfrom an old Mac"' \
	'OLD/MAC/2,compliment,2025-10-02,kiosk,child,Fostering,Thanks' >"$T_DIR/mac.csv"
prints "lines ended by CR alone are read" "2 added, 0 already present" --db "$T_DIR/s.db" import "$T_DIR/mac.csv"
same "a CR inside quotes is kept" \
	"$(sqlite3 "$T_DIR/s.db" "SELECT hex(summary) FROM cases WHERE ref = 'OLD/MAC/1'" | grep -c '2C0D66')" 1

# --- cases made by the lifecycle commands, with what a file does not carry ---
L="$T_DIR/l.db"
r1=$("$TELLUS" --db "$L" log --kind complaint --complainant child --service "Children in care" \
	--received 2025-09-01 --channel mobile --on-behalf --officer "Sam Officer" \
	--summary 'Said, on a visit: "nobody listens"' --desired "A new worker" --contact "via Sam" --cause delays)
"$TELLUS" --db "$L" extend "$r1" --reason complex --agreed-by Manager --date 2025-09-02 >/dev/null
"$TELLUS" --db "$L" pause "$r1" --reason advocate --date 2025-09-03 >/dev/null
"$TELLUS" --db "$L" resume "$r1" --date 2025-09-10 >/dev/null
"$TELLUS" --db "$L" respond "$r1" --outcome partly_upheld --date 2025-09-25 >/dev/null
"$TELLUS" --db "$L" request "$r1" --stage 2 --date 2025-10-01 >/dev/null
"$TELLUS" --db "$L" action "$r1" apology >/dev/null
"$TELLUS" --db "$L" log --kind compliment --complainant parent --service Fostering --received 2025-10-02 \
	--summary "=thanks" --consent >/dev/null
succeeds "logged cases are exported" --db "$L" export "$T_DIR/l.csv"
same "an extended, paused, escalated case exports its stages" "$(grep -c "^$r1,complaint,2025-09-01,statutory,mobile,child,yes,.*,2025-09-25,yes,partly_upheld,2025-10-01,,no,,,,,,apology,no" "$T_DIR/l.csv")" 1
prints "their export imports back as already present" "0 added, 2 already present" --db "$L" import "$T_DIR/l.csv"
succeeds "their export imports into a new database" --db "$T_DIR/m.db" import "$T_DIR/l.csv"
succeeds "which exports again" --db "$T_DIR/m.db" export "$T_DIR/m.csv"
same_files "logged cases: export, import, export gives identical bytes" "$T_DIR/l.csv" "$T_DIR/m.csv"

# --- costs, Ombudsman, context ---
for kind in costs ombudsman context; do
	succeeds "$kind file is imported" import --$kind "$DATA/$kind.csv"
	before=$(data_hash)
	run import --$kind "$DATA/$kind.csv"
	same "a second $kind import adds nothing" "$(cut -d' ' -f1 "$T_OUT")" 0
	same "a second $kind import changes no table but the audit" "$(data_hash)" "$before"
	succeeds "$kind are exported" export --$kind "$T_DIR/a-$kind.csv"
	same "the $kind export is readable by its owner only" "$(stat -c %a "$T_DIR/a-$kind.csv")" 600
	succeeds "$kind import into the new database" --db "$T_DIR/b.db" import --$kind "$T_DIR/a-$kind.csv"
	succeeds "$kind export from the new database" --db "$T_DIR/b.db" export --$kind "$T_DIR/b-$kind.csv"
	same_files "$kind: export, import, export gives identical bytes" "$T_DIR/a-$kind.csv" "$T_DIR/b-$kind.csv"
done
same "two equal costs in one file are both kept" "$(grep -c '^2025-04-01,investigating_officer,1200.00,K2-25-0001-4' "$T_DIR/a-costs.csv")" 2
same "amounts in pounds become pence, across 31 March and 1 April" \
	"$(sqlite3 "$TELLUS_DB" "SELECT group_concat(pence) FROM (SELECT pence FROM costs ORDER BY date, pence)")" \
	"45000,120000,120000,187550,25000,30025,99"
same "context keeps the file's row order" "$(cut -d, -f2 "$T_DIR/a-context.csv" | sed -n 2,3p | tr '\n' '|')" \
	"Referrals to Children's Social Care|Children in care|"

# --- many rows: duplicates told apart by seq, however many ---
awk 'BEGIN { print "date,category,amount,ref"; for (i = 0; i < 3000; i++) printf "2025-%02d-%02d,other,%d.%02d,\n", 1 + i % 12, 1 + i % 28, i % 7, i % 3 }' >"$T_DIR/many.csv"
prints "3000 costs, many of them alike, are all added" "3000 added, 0 already present" --db "$T_DIR/n.db" import --costs "$T_DIR/many.csv"
prints "and all found again" "0 added, 3000 already present" --db "$T_DIR/n.db" import --costs "$T_DIR/many.csv"

# --- bad files: refused in one line, nothing stored ---
# Each bad file starts with two good rows of its own (references from an
# older system, unique to the file), so a file that left anything behind
# changes the database whichever test runs first.
good1() { echo "OLD/$1/1,complaint,2025-11-03,statutory,phone,parent,no,Fostering,,delays,\"New, and fine\",,no,,,,,,,,,,,no"; }
good2() { printf '%s\n' "OLD/$1/2,compliment,2025-11-04,statutory,kiosk,child,no,Fostering,,,\"Thanks," 'again",,,,,,,,,,,,,yes'; }
# badfile NAME LINE...: a file of the header and two new good rows (lines 2 to
# 4: the second has a line break), then LINE... from line 5
badfile() { local n=$1; shift; { echo "$HEADER"; good1 "$n"; good2 "$n"; printf '%s\n' "$@"; } >"$B/$n.csv"; }
# refused NAME PATTERN ARGS...: exit 1, one line matching, database byte-identical.
refused() { local n=$1 pat=$2 h; shift 2; h=$(db_hash)
	refuses "$n" "$pat" "$@"
	same "$n: exit status 1" "$T_RC" 1
	same "$n: the database is unchanged" "$(db_hash)" "$h"; }

row() { echo "K2-25-0022-5,complaint,$1,statutory,phone,parent,no,Fostering,,$2,Text,$3,no,$4,,,,,,,,,,no"; }
badfile bad-date "$(row 2025-02-30 delays '' '')"
refused "a bad date" "^tellus import: bad-date\.csv:5: column received: '2025-02-30' is not a date" import "$B/bad-date.csv"
badfile bad-enum "$(row 2025-11-05 delays 2025-11-10 partly)"
refused "an unknown enumeration value" "bad-enum\.csv:5: column stage1_outcome: 'partly' is not one of fully_upheld, partly_upheld, not_upheld, withdrawn$" import "$B/bad-enum.csv"
badfile bad-cause "$(row 2025-11-05 'delays;waiting' '' '')"
refused "an unknown cause code" "bad-cause\.csv:5: column causes: 'waiting' is not a cause code" import "$B/bad-cause.csv"
badfile bad-utf8 "$(row 2025-11-05 delays '' '' | sed 's/Text/caf'$'\xE9''/')"
refused "invalid UTF-8" "bad-utf8\.csv:5: column summary: invalid UTF-8" import "$B/bad-utf8.csv"
badfile dup-ref "$(good1 dup-ref)"
refused "a duplicate reference" "dup-ref\.csv:5: column ref: 'OLD/dup-ref/1' is also on line 2" import "$B/dup-ref.csv"
badfile ragged "K2-25-0022-5,complaint,2025-11-05,statutory,phone,parent,no"
refused "a ragged row" "ragged\.csv:5: column service_area: missing: 7 fields where the header has 24" import "$B/ragged.csv"
badfile unterminated 'K2-25-0022-5,complaint,2025-11-05,statutory,phone,parent,no,Fostering,,delays,"Open quote,,no,,,,,,,,,,,no'
refused "an unterminated quote" "unterminated\.csv:5: column summary: a quoted field with no closing quote" import "$B/unterminated.csv"
badfile stray-quote 'K2-25-0022-5,complaint,2025-11-05,statutory,phone,parent,no,Fostering,,delays,a 6" ruler,,no,,,,,,,,,,,no'
refused "a stray quote" "stray-quote\.csv:5: column summary: a quote inside a field" import "$B/stray-quote.csv"
badfile bad-check "$(row 2025-11-05 delays '' '' | sed 's/K2-25-0022-5/K2-25-0022-6/')"
refused "a reference with a wrong check character" "bad-check\.csv:5: column ref: 'K2-25-0022-6' has a wrong check character" import "$B/bad-check.csv"
badfile long-summary "$(row 2025-11-05 delays '' '' | sed "s/,Text,/,$(head -c 70000 /dev/zero | tr '\0' x),/")"
refused "a summary too long" "long-summary\.csv:5: column summary: too long \(70000 bytes" import "$B/long-summary.csv"
badfile control "$(row 2025-11-05 delays '' '' | sed 's/,Text,/,a'$'\x01''b,/')"
refused "a control character in a summary" "control\.csv:5: column summary: control character 0x01" import "$B/control.csv"
badfile future "$(row 2026-11-05 delays '' '')"
refused "a case received in the future" "future\.csv:5: column received: '2026-11-05' is in the future" import "$B/future.csv"
mkdir -p "$B/folder.csv"
refused "a folder" "folder\.csv: cannot read the file: Is a directory" import "$B/folder.csv"
badfile bad-flag "K2-25-0022-5,complaint,2025-11-05,statutory,phone,parent,Y,Fostering,,,Text,,no,,,,,,,,,,,no"
refused "a flag that is not yes or no" "bad-flag\.csv:5: column on_behalf: 'Y' is not yes or no" import "$B/bad-flag.csv"
badfile bad-rule "$(row 2025-11-05 delays 2025-11-01 not_upheld)"
refused "a response before receipt" "bad-rule\.csv:5: column stage1_response: '2025-11-01' is before the stage began" import "$B/bad-rule.csv"
# The row as a CSV reader sees it: a complaint's rules span lines.
python3 - "$T_DIR/a.csv" "$B/changed.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
row = [r for r in rows if r[0] == "K2-25-0001-4"][0]
row = [c.replace("keeps changing", "changed") for c in row]
csv.writer(open(sys.argv[2], "w", newline="")).writerows([rows[0], row])
PY
refused "a stored case with different words" "changed\.csv:2: column ref: 'K2-25-0001-4' is already stored and differs in summary" import "$B/changed.csv"
{ echo "${HEADER},notes"; echo "$(good1 x),x"; } >"$B/unknown-column.csv"
refused "an unknown column" "unknown-column\.csv:1: column notes: not a column of a cases file \(ref, kind," import "$B/unknown-column.csv"
{ echo "${HEADER/received,/}"; good1 y | sed 's/2025-11-03,//'; } >"$B/no-received.csv"
refused "a missing required column" "no-received\.csv:1: column received: missing from the header" import "$B/no-received.csv"
{ good1 z; good2 z; } >"$B/no-header.csv"
refused "a missing header" "no-header\.csv:1: column 1: 'OLD/z/1' is not a column name" import "$B/no-header.csv"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0' >"$B/picture.csv"
refused "a file that is not a CSV at all" "picture\.csv:1: column 1: not a CSV file" import "$B/picture.csv"
printf 'Dear team,\nplease find our complaints attached.\n' >"$B/letter.csv"
refused "a letter saved as .csv" "letter\.csv:1: column 1: 'Dear team' is not a column name" import "$B/letter.csv"
: >"$B/empty.csv"
refused "an empty file" "empty\.csv:1: column 1: the file is empty" import "$B/empty.csv"
refused "a file that is not there" "missing\.csv: cannot open" import "$B/missing.csv"

# figures KIND NAME WHAT PATTERN LINE...: a --KIND file of LINE... is refused.
figures() { local kind=$1 n=$2 what=$3 pat=$4; shift 4
	printf '%s\n' "$@" >"$B/$n.csv"
	refused "$what" "$n\.csv:$pat" import --"$kind" "$B/$n.csv"; }
CH='date,category,amount,ref' OH='ref,received,decided,decision' XH='year,measure,value'

figures costs cost-category "a cost with an unknown category" \
	"3: column category: 'lunch' is not one of independent_person," "$CH" '2025-06-01,mediation,10.01,' '2025-06-02,lunch,5.00,'
figures costs cost-amount "a cost with three decimals" \
	"3: column amount: '12\.345' is not an amount in pounds" "$CH" '2025-06-01,mediation,10.02,' '2025-06-02,other,12.345,'
figures costs cost-ref "a cost for a case not stored" \
	"3: column ref: " "$CH" '2025-06-01,mediation,10.03,' '2025-06-02,other,1.00,K2-25-0031-C'
figures costs cost-column "a costs file with an unknown column" \
	"1: column vat: not a column of a costs file" 'date,category,amount,ref,vat' '2025-06-01,mediation,10.00,,0'
figures ombudsman omb-order "an Ombudsman decision before its enquiry" \
	"3: column decided: is before received" "$OH" ',2025-06-01,2025-06-11,premature' ',2025-06-01,2025-05-10,premature'
figures ombudsman omb-decision "an unknown Ombudsman decision" \
	"3: column decision: 'upheld' is not one of premature," "$OH" ',2025-06-01,2025-06-12,premature' ',2025-06-01,2025-06-10,upheld'
figures context ctx-year "a context figure with a bad year" \
	"3: column year: '2023/25' is not a financial year" "$XH" '2023,Referrals A,10' '2023/25,Referrals,10'
figures context ctx-dup "a context figure given twice" \
	"3: column measure: 'Referrals' for 2023 is also on line 2" "$XH" '2023,Referrals,10' '2023,Referrals,11'
figures context ctx-value "a context figure that is not a number" \
	"3: column value: '-4' is not a number" "$XH" '2023,Referrals B,10' '2023,Assessments,-4'
figures context ctx-changed "a context figure that differs from the stored one" \
	"3: column value: 'Children in care' for 2025 is already 642" "$XH" '2023,Referrals C,10' '2025,Children in care,700'

figures costs cost-date "a cost with an impossible date" \
	"3: column date: '2025-04-31' is not a date" "$CH" '2025-06-01,mediation,10.04,' '2025-04-31,other,1.00,'
figures ombudsman omb-missing "an Ombudsman file without decisions" \
	"1: column decision: missing from the header" 'ref,received,decided' ',2025-06-01,2025-06-11'
figures context ctx-utf8 "a context measure in Latin-1" \
	"3: column measure: invalid UTF-8" "$XH" '2023,Referrals D,10' $'2023,R\xE9f\xE9rals,10'

# The reader's refusals, for each kind of figures file.
for kind in costs ombudsman context; do
	case $kind in
	costs) h=$CH r1='2025-06-01,mediation,10.05,' r2='2025-06-01,mediation,10.06' ;;
	ombudsman) h=$OH r1=',2025-06-01,2025-06-13,premature' r2=',2025-06-01,2025-06-14' ;;
	context) h=$XH r1='2023,Referrals E,10' r2='2023,Referrals F' ;;
	esac
	figures $kind $kind-ragged "$kind: a ragged row" "3: column [a-z]+: missing: [23] fields where the header has [34]" "$h" "$r1" "$r2"
	figures $kind $kind-quote "$kind: an unterminated quote" "3: column [a-z]+: a quoted field with no closing quote" \
		"$h" "$r1" "\"$r2"
	figures $kind $kind-noheader "$kind: a missing header" "1: column 1: '[^']*' is not a column name" "$r1" "$r1"
	cp "$B/picture.csv" "$B/$kind-picture.csv"
	refused "$kind: a picture" "$kind-picture\.csv:1: column 1: not a CSV file" import --$kind "$B/$kind-picture.csv"
done

refuses "import takes one file at a time" "usage: tellus import" import "$DATA/cases.csv" --costs "$DATA/costs.csv"

# A register nobody else has open is imported into through a rollback
# journal (its pages written once, store_db.h) and is WAL again after; one
# held open by another program stays WAL all along. A program that opens
# the register during the import waits for it, then runs.
python3 "$(dirname "$0")/../../scripts/csvio-gen.py" 3000 "$T_DIR/gen.csv"
alone="$T_DIR/alone.db" held="$T_DIR/held.db"
succeeds "a register alone takes a file" --db "$alone" import "$T_DIR/gen.csv"
same "and is WAL after it" "$(sqlite3 "$alone" 'PRAGMA journal_mode')" wal
same "with no journal left beside it" "$(ls "$alone"-journal 2>/dev/null)" ""
"$TELLUS" --db "$held" check >/dev/null
{ echo "SELECT count(*) FROM cases;"; sleep 3; } | sqlite3 "$held" >/dev/null &
holder=$!
sleep 0.5
succeeds "a register held open takes it" --db "$held" import "$T_DIR/gen.csv"
same "it never left WAL" "$(ls "$held"-journal 2>/dev/null)$(sqlite3 "$held" 'PRAGMA journal_mode')" wal
wait $holder
rm -f "$alone"*
"$TELLUS" --db "$alone" check >/dev/null
"$TELLUS" --db "$alone" import "$T_DIR/gen.csv" >"$T_DIR/bg.out" 2>&1 &
importer=$!
sleep 0.2
run --db "$alone" check
wait $importer
same "a program opening it meanwhile waits for the import, then runs" \
	"$T_RC $(grep -c 'report totals: ok' "$T_OUT") $(grep -o '^3000 added' "$T_DIR/bg.out")" "0 1 3000 added"
echo "1..$T_N"
