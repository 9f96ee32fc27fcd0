#!/usr/bin/env bash
# t_bad_input.sh - the bad-input catalogue: every kind of bad input, fed
# through the command line, must end in ONE line on stderr that says what
# and where, a non-zero exit, nothing on stdout, and an unchanged database.
# The table is below (name | pattern the message must match | arguments);
# arguments are bash words, so $'\xff' and the fixture files in $F work. A
# leading @word runs the command in a hostile setting (see run_row).
. "$(dirname "$0")/lib.sh"
F=$T_DIR/files
mkdir -p "$F"
MNT=$T_DIR/mnt
trap 'mountpoint -q "$MNT" 2>/dev/null && umount "$MNT"; rm -rf "$T_DIR"' EXIT

# A database with something in it, so that "unchanged" means something.
"$TELLUS" config set authority_name "Tellus Borough Council" >/dev/null
"$TELLUS" config set device_code K2 >/dev/null
"$TELLUS" closures add 2026-12-29 "Office closed" >/dev/null
LOG=(log --kind complaint --complainant child --service Fostering)
REF=$("$TELLUS" "${LOG[@]}" --received 2026-01-10 --summary "The first one")
# A case whose clock stopped from 12 to 16 January and runs again.
PREF=$("$TELLUS" "${LOG[@]}" --received 2026-01-09 --summary "Paused once")
"$TELLUS" pause "$PREF" --reason advocate --date 2026-01-12 >/dev/null
"$TELLUS" resume "$PREF" --date 2026-01-16 >/dev/null
# The same reference with another check character: a typing slip.
last=${REF: -1}; other=$([ "$last" = Y ] && echo X || echo Y)
SLIP=${REF%?}$other

# Fixture files.
printf 'name nul\000x\nstage 1 standard 10 maximum 20\n' >"$F/nul.profile"
printf 'name bad\nstage 1 standard 10 maximum 5\n' >"$F/backwards.profile"
printf 'my words\000hidden' >"$F/nul.txt"
head -c 1048576 /dev/zero | tr '\0' 'a' >"$F/1mb.txt"
head -c 60000 /dev/zero | tr '\0' 'w' >"$F/60k.txt"
head -c 1048576 /dev/zero | tr '\0' 'a' >"$F/1mb.profile"
printf 'SQLite format 3\000 but not really' >"$F/fake.db"
head -c 8192 /dev/urandom >"$F/random.db"
sqlite3 "$F/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'
# 1 MB cannot pass as one argument (Linux allows 128 KB); files carry it.
BIG=$(head -c 100000 /dev/zero | tr '\0' 'x')

# name | the message must match (extended regex) | arguments
# Rows starting with # wait for a fix in the core:
# each one fails today.
TABLE=$(cat <<'ROWS'
summary not valid UTF-8         | summary: not valid UTF-8 text \(at byte 3\)  | "${LOG[@]}" --summary $'ok\xff\xfe'
summary with overlong UTF-8     | summary: not valid UTF-8                     | "${LOG[@]}" --summary $'\xc0\xaf'
summary with a UTF-16 surrogate | summary: not valid UTF-8                     | "${LOG[@]}" --summary $'\xed\xa0\x80'
summary with an escape sequence | summary: control character 0x1B at byte 4   | "${LOG[@]}" --summary $'esc\x1b[31m'
summary file with a NUL byte    | nul.txt: holds a NUL byte \(at byte 9\)      | "${LOG[@]}" --summary-file "$F/nul.txt"
summary file of 1 MB            | summary: too long                            | "${LOG[@]}" --summary-file "$F/1mb.txt"
summary of 100 KB               | summary: too long \(100000 bytes             | "${LOG[@]}" --summary "$BIG"
service area empty              | --service: is required                       | log --kind complaint --complainant child --service ''
service area of two lines       | --service: must be one line                   | log --kind complaint --complainant child --service $'North\nSouth'
complainant empty               | --complainant: '' is not one of              | log --kind complaint --complainant '' --service Fostering
on behalf with no officer       | officer: .*names the officer                 | "${LOG[@]}" --on-behalf
received 30 February            | --received: '2026-02-30' is not a real date  | "${LOG[@]}" --received 2026-02-30
received in the future          | received: '2027-01-01' is in the future      | "${LOG[@]}" --received 2027-01-01
received before 1900            | --received: '1899-12-31' is not a real date  | "${LOG[@]}" --received 1899-12-31
unknown kind                    | --kind: 'grumble' is not one of              | log --kind grumble --complainant child --service Fostering
unknown complainant             | --complainant: 'martian' is not one of       | log --kind complaint --complainant martian --service Fostering
unknown channel                 | --channel: 'pigeon' is not one of            | "${LOG[@]}" --channel pigeon
unknown cause                   | causes: 'nonsense' is not a known cause      | "${LOG[@]}" --cause nonsense
response before receipt         | stage1_response: '2026-01-05' is before      | respond "$REF" --outcome not_upheld --date 2026-01-05
response in the future          | stage1_response: '2026-03-01' is in the future | respond "$REF" --outcome not_upheld --date 2026-03-01
response on 30 February         | --date: '2026-02-30' is not a real date      | respond "$REF" --outcome not_upheld --date 2026-02-30
unknown outcome                 | --outcome: 'maybe' is not one of             | respond "$REF" --outcome maybe
withdrawn before receipt        | '2025-01-01' is before the stage began       | withdraw "$REF" --date 2025-01-01
stage 2 asked for too early     | stage2_requested: stage 1 has had no response | request "$REF" --stage 2
extension with no reason        | reason: is required and is empty             | extend "$REF" --reason '' --agreed-by "Sam Manager"
unknown pause reason            | --reason: 'nap' is not one of                | pause "$REF" --reason nap
pause inside one counted        | cannot stop before 2026-01-16, when it last  | pause "$PREF" --reason advocate --date 2026-01-13
unknown action                  | 'teleport' is not one of                     | action "$REF" teleport
unknown cost category           | --category: 'gold' is not one of             | cost --category gold --amount 10
negative cost                   | --amount: '-5' is not an amount              | cost --category other --amount -5
mistyped reference (show)       | ref: '$SLIP' has a wrong check character     | show "$SLIP"
mistyped reference (respond)    | ref: '$SLIP' has a wrong check character     | respond "$SLIP" --outcome not_upheld
mistyped reference (track)      | ref: '$SLIP' has a wrong check character     | track "$SLIP" AAAAA-BBBBB
wrong tracking code             | reference and code do not match              | track "$REF" AAAAA-BBBBB
receipt in an unknown format    | r\.pdf: a receipt is written as              | receipt "$REF" --out "$F/r.pdf"
receipt into a missing folder   | nowhere/r\.png: cannot write                 | receipt "$REF" --out "$F/nowhere/r.png"
reference of the wrong shape    | ref: no case has the reference 'K2-26'       | show K2-26
CSV with no header row          | nohdr.csv:1: column 1: .*not a column name   | import "$F/nohdr.csv"
CSV with a ragged row           | ragged.csv:2: column consent_to_publish: missing | import "$F/ragged.csv"
CSV with an unterminated quote  | unterm.csv:2: column summary: .*no closing quote | import "$F/unterm.csv"
CSV with an unknown column      | unkcol.csv:1: column colour: not a column    | import "$F/unkcol.csv"
CSV with an unknown value       | badenum.csv:2: column complainant: 'martian' | import "$F/badenum.csv"
CSV response before receipt     | before.csv:2: column stage1_response: .*before | import "$F/before.csv"
CSV bad date after a good row   | late_bad.csv:3: column received              | import "$F/late_bad.csv"
CSV date in the future          | future.csv:2: column received: .*future      | import "$F/future.csv"
CSV duplicate of a stored case  | dup.csv:2: column ref: 'LEGACY-1' is already stored | import "$F/dup.csv"
CSV the same reference twice    | dup2.csv:3: column ref: 'LEGACY-2' is also on line 2 | import "$F/dup2.csv"
CSV mistyped reference          | slip.csv:2: column ref: .*wrong check character | import "$F/slip.csv"
CSV invalid UTF-8               | badutf.csv:2: column summary: invalid UTF-8  | import "$F/badutf.csv"
CSV with a NUL byte             | nul.csv:3: column summary: a NUL byte        | import "$F/nul.csv"
CSV with 1 MB in a cell         | 1mb.csv:2: column summary: too long          | import "$F/1mb.csv"
CSV file that is empty          | empty.csv:1: .*empty                         | import "$F/empty.csv"
random bytes as CSV             | random.csv:[0-9]+: .*(not a CSV|UTF-8|NUL)             | import "$F/random.csv"
an image as CSV                 | image.csv:1: .*not a CSV file                | import "$F/image.csv"
CSV file that is missing        | missing.csv: cannot open                     | import "$F/missing.csv"
CSV saved as UTF-16             | utf16.csv:1: column 1: UTF-16 text, not UTF-8: save it as CSV UTF-8 | import "$F/utf16.csv"
CSV with a NUL on its 2nd line  | nul2.csv:2: column summary: a NUL byte \(byte 3 of the field\) | import "$F/nul2.csv"
CSV separated by semicolons     | semi.csv:1: column 1: the columns are separated by semicolons \(;\), not commas | import "$F/semi.csv"
CSV separated by tabs           | tabs.csv:1: column 1: the columns are separated by tabs, not commas | import "$F/tabs.csv"
an Excel workbook as CSV        | book.csv:1: column 1: not a CSV file: a zip archive such as an Excel workbook | import "$F/book.csv"
reference with a zero-width space | zwsp.csv:2: column ref: after 'OLD-7', byte 0xE2 is not printable ASCII | import "$F/zwsp.csv"
reference with a zero-width joiner | zwj.csv:2: column ref: after 'OLD-7', byte 0xE2 is not printable ASCII | import "$F/zwj.csv"
reference with a left-to-right mark | lrm.csv:2: column ref: after 'K2-25', byte 0xE2 is not printable ASCII | import "$F/lrm.csv"
reference with a Cyrillic K     | cyrillic.csv:2: column ref: the first byte, 0xD0, is not printable ASCII | import "$F/cyrillic.csv"
reference with a bidi isolate   | isolate.csv:2: column ref: after 'K2-25-', byte 0xE2 is not printable ASCII | import "$F/isolate.csv"
reference reversed by U+202E    | override.csv:2: column ref: the first byte, 0xE2, is not printable ASCII | import "$F/override.csv"
reference of 33 characters      | long-ref.csv:2: column ref: 'ABCDEFGHIJKLMNOPQRST...' is 33 characters: a reference from another system is at most 32 | import "$F/long-ref.csv"
reference with a space          | space-ref.csv:2: column ref: 'OLD 7' holds a space | import "$F/space-ref.csv"
complaint from an unknown record | link1.csv:2: column safety_ref: 'OLD-99' is neither stored nor on an earlier line | import "$F/link1.csv"
record naming a complaint not from it | link2.csv:2: column linked_complaint: 'OLD-8' is not a complaint opened from OLD-7: no complaint's safety_ref names it | import "$F/link2.csv"
linked complaint of a complaint | link3.csv:2: column linked_complaint: only a safety concern \(unsafe\) has a linked complaint | import "$F/link3.csv"
costs CSV, unknown category     | costs.csv:2: column category: 'gold'         | import --costs "$F/costs.csv"
export into a missing folder    | x.csv: cannot create                         | export "$F/nowhere/x.csv"
staff PIN too short             | PIN: must be 4 to 12 digits                  | @pin 12 staff add Bo --role officer
staff PIN not digits            | PIN: must be 4 to 12 digits                  | @pin 12a4 staff add Bo --role officer
staff role unknown              | role: 'boss' is not one of                   | @pin 1234 staff add Bo --role boss
staff name with an escape       | staff name: no control characters            | @pin 1234 staff add $'Bo\x1b[2J' --role officer
staff name already there        | Sam Manager: already there                   | @pin 1357 staff add "Sam Manager" --role officer
report for a year out of range  | --year: '1800' must be                       | report --year 1800 --format csv --out "$F/report"
report in an unknown format     | --format: 'pdf' is not                       | report --year 2025 --format pdf --out "$F/report"
report into a file, not a folder | fake.db: not a folder                       | report --year 2025 --format csv --out "$F/fake.db"
receipt with no reference       | usage: tellus receipt                        | receipt
import of two files at once     | one file at a time                           | import --costs "$F/costs.csv" --context "$F/costs.csv"
impossible date (30 February)   | DATE: '2026-02-30' is not a real date        | workdays add 2026-02-30 5
impossible month                | B: '2026-13-01' is not a real date           | workdays between 2026-01-01 2026-13-01
not a date at all               | 'yesterday' is not a date of the form        | workdays add yesterday 5
date outside the calendar       | outside the calendar                         | workdays add 1990-01-01 5
number of days not a number     | N                                            | workdays add 2026-01-15 ten
year outside the calendar       | YEAR: '3000' must be                         | holidays 3000
closure on an impossible date   | DATE: '2026-02-29' is not a real date        | closures add 2026-02-29 Closed
closure with an empty name      | name                                         | closures add 2026-12-30 ''
closure name of 100 KB          | closure name: must be one line               | closures add 2026-12-30 "$BIG"
unknown setting                 | unknown setting 'colour'                     | config set colour blue
setting out of range            | idle_seconds: '5' must be                    | config set idle_seconds 5
setting not a number            | idle_seconds: 'abc' must be                  | config set idle_seconds abc
bad device code                 | device_code: 'K0O' must be                   | config set device_code K0O
unknown command                 | unknown command 'grumble'                    | grumble
unknown option                  | unknown option '--colour'                    | --colour red config get authority_name
profile with a NUL byte         | nul.profile                                  | profile load "$F/nul.profile"
profile with maximum < standard | backwards.profile: profile line 2            | profile load "$F/backwards.profile"
profile of 1 MB of text         | 1mb.profile                                  | profile load "$F/1mb.profile"
profile file that is missing    | missing.profile                              | profile load "$F/missing.profile"
a file that is not a database   | fake.db: not a Tellus database               | @notdb fake.db config get authority_name
random bytes as a database      | random.db: not a Tellus database             | @notdb random.db config list
read-only disk                  | t\.db: .*(read-only|unable to open)          | @readonly config set authority_name "New name"
full disk                       | disk full                                    | @full profile load "$F/big.profile"
two writers at once             | busy                                         | @busy config set authority_name "New name"
two writers at once, a case     | busy                                         | @busy "${LOG[@]}" --summary "Waiting"
read-only disk, a case          | t\.db: .*(read-only|unable to open)          | @readonly "${LOG[@]}" --summary "Nowhere to go"
full disk, a case               | disk full                                    | @full "${LOG[@]}" --summary-file "$F/60k.txt"
date with a newline in it     | ^tellus workdays: .*not a date              | workdays add $'2026\n01-01' 5
service area only spaces      | --service: .*required                        | log --kind complaint --complainant child --service '   '
CSV empty service area        | empty_service.csv:2: column service_area    | import "$F/empty_service.csv"
someone else's SQLite file    | other.db: an SQLite file but not a Tellus   | @notdb other.db config set authority_name X
ROWS
)

# CSV files for `tellus import`: one good file already in, then the bad.
H=ref,kind,received,procedure,channel,complainant,on_behalf,service_area,team,causes,summary
H=$H,stage1_response,stage1_extended,stage1_outcome,stage2_requested,stage2_response
H=$H,stage2_extended,stage2_outcome,stage3_requested,stage3_panel,stage3_response
H=$H,stage3_outcome,actions,consent_to_publish
# row REF [RECEIVED] [COMPLAINANT] [SERVICE] [SUMMARY] [STAGE1_RESPONSE] [OUTCOME]
row() { echo "$1,complaint,${2:-2025-06-02},statutory,letter,${3:-parent},no,${4-Fostering},,,${5:-hi},${6:-},,${7:-},,,,,,,,,,no"; }
csv() { local f=$F/$1; shift; printf '%s\r\n' "$@" >"$f"; }
csv good.csv "$H" "$(row LEGACY-1)"
"$TELLUS" import "$F/good.csv" >/dev/null
if "$TELLUS" --help | grep -qE '^ +staff '; then
	printf '2468\n2468\n' | "$TELLUS" staff add "Sam Manager" --role manager >/dev/null
fi
csv nohdr.csv "$(row LEGACY-2)"
csv ragged.csv "$H" "$(row LEGACY-2 | sed 's/,no$//')"
csv unterm.csv "$H" "$(row LEGACY-2 2025-06-02 parent Fostering '"hi')"
csv unkcol.csv "$H,colour" "$(row LEGACY-2),red"
csv badenum.csv "$H" "$(row LEGACY-2 2025-06-02 martian)"
csv before.csv "$H" "$(row LEGACY-2 2025-06-02 parent Fostering hi 2025-05-01 not_upheld)"
csv late_bad.csv "$H" "$(row LEGACY-2)" "$(row LEGACY-3 2025-02-30)"
csv future.csv "$H" "$(row LEGACY-2 2027-06-02)"
csv dup.csv "$H" "$(row LEGACY-1 2025-06-02 parent Adoption)"
csv dup2.csv "$H" "$(row LEGACY-2)" "$(row LEGACY-2 2025-06-02 parent Adoption)"
csv slip.csv "$H" "$(row "$SLIP")"
csv badutf.csv "$H" "$(row LEGACY-2 2025-06-02 parent Fostering $'caf\xe9')"
# The NUL past the first 512 bytes, where a binary file would show one.
csv nul.csv "$H" "$(row LEGACY-2 2025-06-02 parent Fostering "$(head -c 600 /dev/zero | tr '\0' 'x')")" \
	"$(row LEGACY-3 2025-06-02 parent Fostering NULHERE)"
sed -i 's/NULHERE/a\x00b/' "$F/nul.csv"
{ printf '%s\r\n' "$H"; row LEGACY-2 2025-06-02 parent Fostering "$(head -c 1048576 /dev/zero | tr '\0' 'a')"; } >"$F/1mb.csv"
: >"$F/empty.csv"
python3 -c "import random, sys; random.seed(1795); sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(3000)))" >"$F/random.csv"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' >"$F/image.csv"
csv costs.csv "date,category,amount,ref" "2025-06-01,gold,10,"
csv empty_service.csv "$H" "$(row LEGACY-2 2025-06-02 parent '')"
# Import messages (issue 17): a file as a spreadsheet or a council's other
# systems may save it, and references that would pass for another.
{ printf '%s\r\n' "$H" "$(row LEGACY-2)"; } | iconv -f UTF-8 -t UTF-16 >"$F/utf16.csv"
csv nul2.csv "$H" "$(row LEGACY-2 2025-06-02 parent Fostering 'hiNULHERE')"
sed -i 's/NULHERE/\x00/' "$F/nul2.csv"
csv semi.csv "$(echo "$H" | tr , ';')" "$(row LEGACY-2 | tr , ';')"
csv tabs.csv "$(echo "$H" | tr , '\t')" "$(row LEGACY-2 | tr , '\t')"
printf 'PK\003\004\024\000\006\000\010\000\000\000!\000' >"$F/book.csv"
csv zwsp.csv "$H" "$(row $'OLD-7\u200b')"
csv zwj.csv "$H" "$(row $'OLD-7\u200d1')"
csv lrm.csv "$H" "$(row $'K2-25\u200e-0001-4')"
csv cyrillic.csv "$H" "$(row $'\u041a2-25-0001-4')"
csv isolate.csv "$H" "$(row $'K2-25-\u20660001\u2069-4')"
csv override.csv "$H" "$(row $'\u202e4-1000-52-2K')"
csv long-ref.csv "$H" "$(row ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456)"
csv space-ref.csv "$H" "$(row 'OLD 7')"
# Issue 12's links between a safety record and a complaint opened from it.
HL=ref,kind,received,procedure,channel,complainant,service_area,unsafe,safety_ref,linked_complaint
csv link1.csv "$HL" "OLD-8,complaint,2025-06-02,statutory,letter,child,Fostering,no,OLD-99,"
csv link2.csv "$HL" "OLD-7,complaint,2025-06-01,to_be_assessed,kiosk,child,Fostering,yes,,OLD-8" \
	"OLD-8,complaint,2025-06-02,statutory,letter,child,Fostering,no,,"
csv link3.csv "$HL" "OLD-8,complaint,2025-06-02,statutory,letter,child,Fostering,no,,OLD-7"

# A profile big enough that writing it needs more room than a full disk has.
{ echo "name big"; echo "title $(head -c 60000 /dev/zero | tr '\0' 't')"
  echo "stage 1 standard 10 maximum 20"; } >"$F/big.profile"

# mount_tmpfs SIZE: a fresh tmpfs at $MNT (false when mounting is not allowed).
mount_tmpfs() {
	mountpoint -q "$MNT" 2>/dev/null && umount "$MNT"
	mkdir -p "$MNT" && mount -t tmpfs -o "size=$1" tmpfs "$MNT" 2>/dev/null
}

# run_row WORDS...: runs tellus (or a hostile setting, @word first) with
# the database at $db; sets T_RC, $T_OUT, $T_ERR and $db.
run_row() {
	db=$TELLUS_DB
	case $1 in
	@notdb) db=$F/$2; shift 2; TELLUS_DB=$db run "$@"; return ;;
	@readonly)
		shift
		mount_tmpfs 4m || { T_RC=skip; return; }
		cp "$TELLUS_DB" "$MNT/t.db"; db=$MNT/t.db
		mount -o remount,ro "$MNT"
		TELLUS_DB=$db run "$@"
		mount -o remount,rw "$MNT" ;;
	@full)
		shift
		mount_tmpfs 1m || { T_RC=skip; return; }
		sqlite3 "$TELLUS_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		cp "$TELLUS_DB" "$MNT/t.db"; db=$MNT/t.db
		# Leave room for the -shm file, not for the write.
		dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
		rm -f "$MNT/filler"; dd if=/dev/zero of="$MNT/filler" bs=4k count=$(( $(stat -f -c %a "$MNT") - 12 )) 2>/dev/null
		TELLUS_DB=$db run "$@" ;;
	@pin) # @pin PIN ARGS: the PIN on standard input, twice (two lines)
		local pin=$2; shift 2
		run "$@" <<<"$pin"$'\n'"$pin" ;;
	@busy)
		shift
		# Another program holds the write lock longer than the busy timeout.
		{ echo "BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES('lock_holder', 'x');"
		  sleep 9; echo "ROLLBACK;"; } | sqlite3 "$TELLUS_DB" &
		local holder=$! i
		# Start only once the lock is really held, however slow the machine.
		for i in $(seq 30); do
			sqlite3 "$TELLUS_DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null || break
			sleep 0.1
		done
		run "$@"
		wait $holder ;;
	*) run "$@" ;;
	esac
}

# The state of a database: its content, or its bytes for a file that is
# not one (and whether anything was created beside it).
state() { if [ "$1" = "$TELLUS_DB" ] || [ "${1#$MNT}" != "$1" ]; then
		sqlite3 "$1" .dump | grep -v lock_holder | sha256sum
	else sha256sum <"$1"; ls "$1"-* 2>/dev/null; fi; }

# Columns split at the first and the last '|', so a pattern may hold '|'.
while IFS= read -r line; do
	name=${line%%|*} args=${line##*|} pat=${line#*|}; pat=${pat%|*}
	name=$(echo "$name" | sed 's/ *$//') pat=$(echo "$pat" | sed 's/^ *//; s/ *$//')
	pat=${pat//'$SLIP'/$SLIP}  # the one variable a pattern may name
	case $name in ''|'#'*) continue ;; esac
	eval "words=($args)"
	case ${words[0]} in @notdb) target=$F/${words[1]} ;; *) target=$TELLUS_DB ;; esac
	before=$(state "$target")
	run_row "${words[@]}"
	if [ "$T_RC" = skip ]; then T_N=$((T_N + 1)); echo "ok $T_N - $name # SKIP cannot mount a tmpfs here"; continue; fi
	# A copy on a tmpfs is compared with the original as it was.
	after=$(state "$db")
	unchanged=$([ "$before" = "$after" ] && [ "$(state "$target")" = "$before" ] && echo yes)
	lines=$(wc -l <"$T_ERR")
	if [ "$T_RC" -ne 0 ] && [ "$lines" -eq 1 ] && grep -qE -- "$pat" "$T_ERR" && [ ! -s "$T_OUT" ] && [ -n "$unchanged" ]; then
		t_ok "$name"
		if [ -n "${BAD_INPUT_VERBOSE:-}" ]; then echo "#   $(cat "$T_ERR")"; fi
	else
		t_fail "$name" "exit $T_RC, $lines line(s) on stderr, stdout $(wc -c <"$T_OUT") bytes, database ${unchanged:-CHANGED}" \
			"want one line matching: $pat" "got: $(head -c 300 "$T_ERR")"
	fi
done <<<"$TABLE"
