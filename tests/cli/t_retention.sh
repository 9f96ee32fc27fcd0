#!/usr/bin/env bash
# t_retention.sh - retention and subject access (SPEC 14, issue 14 point
# 12). tellus retention run removes the names, contact, words, letters'
# copies and corrected words of cases closed more than retention_years ago:
# every annual report is byte for byte the same afterwards, and no removed
# word is left in the database, its WAL or its shared-memory file (a
# second connection holds the file open so that the WAL stays on disk).
# tellus subject-access gathers all that is held about a person with two
# cases, and nothing about a namesake.
. "$(dirname "$0")/lib.sh"
T=$TELLUS
on() { TELLUS_TODAY=$1; export TELLUS_TODAY; }
on 2017-06-01
$T config set device_code K2 >/dev/null
$T config set authority_name "Anyshire County Council" >/dev/null
$T config set letters_dir "$TELLUS_ROOT/assets/letters" >/dev/null
$T teams add North >/dev/null

# Old cases, each word in them unique so that a grep finds any copy left.
P=$($T log --kind complaint --complainant parent --service Fostering --team North --received 2017-05-02 \
	--complainant-name "Bartholomew Quimby" --child-name "Ottoline Quimby" --summary "Aardvarkword summary" \
	--desired "Bassoonword wish" --contact "Cormorantword 07700 900111" --cause delays)
# Staff's own words (an extension's reason) stay: the audit trail keeps them.
$T extend "$P" --reason "Dromedaryword reason" --agreed-by "J Smith" --date 2017-05-10 >/dev/null
$T edit "$P" summary "Emuword summary" --why "typed again" >/dev/null
on 2019-05-10
$T respond "$P" --date 2019-05-10 --outcome partly_upheld >/dev/null
$T action "$P" apology --note "Flamingoword note" >/dev/null
$T letter "$P" response --out "$T_DIR/p.txt" >/dev/null
on 2020-04-20
Q=$($T log --kind complaint --complainant child --service Adoption --received 2020-04-01 \
	--child-name "Gazellename Hart" --summary "Gazelleword")
K=$($T log --kind compliment --complainant carer --service Adoption --received 2020-04-20 --consent \
	--complainant-name "Heronname Lee" --summary "Heronword thanks")
# A late complaint: the reason it was accepted goes with the words.
L=$($T log --kind complaint --complainant parent --service Adoption --received 2020-04-01 \
	--matter-date 2018-01-10 --late-reason "Kestrelword reason" --summary "Lynxword late")
on 2020-04-30
$T respond "$Q" --date 2020-04-30 --outcome not_upheld >/dev/null
$T respond "$L" --date 2020-04-30 --outcome not_upheld >/dev/null
on 2020-05-02
R=$($T log --kind complaint --complainant parent --service Fostering --received 2020-04-06 \
	--complainant-name "Ibisname Roe" --summary "Ibisword kept")
$T respond "$R" --date 2020-05-02 --outcome fully_upheld >/dev/null
S=$($T log --kind complaint --complainant parent --service Fostering --received 2018-03-01 \
	--complainant-name "Jackalname Poe" --summary "Jackalword still open")
on 2026-05-01
# Recent figures too, so the last reports are not empty.
for d in 2025-04-07 2025-11-03 2026-02-02; do
	r=$($T log --kind complaint --complainant child --service Fostering --received $d)
	$T respond "$r" --date $d --outcome not_upheld >/dev/null
done

WORDS="Quimby Aardvarkword Bassoonword Cormorantword 900111 Emuword Flamingoword Gazellename Gazelleword Heronname Heronword Kestrelword Lynxword"
KEPT="Ibisword Jackalword"
years() { for y in 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025; do
	$T report --year $y --format csv --out "$1/$y" >/dev/null || echo "report $y failed"; done; }
years "$T_DIR/before"

# A second connection keeps the file open, so the WAL and SHM stay on disk.
mkfifo "$T_DIR/hold"
sqlite3 "$TELLUS_DB" <"$T_DIR/hold" >/dev/null 2>&1 &
HOLDER=$!
exec 3>"$T_DIR/hold"
echo "SELECT count(*) FROM cases;" >&3
$T config set retention_years 6 >/dev/null
found_before=$(cat "$TELLUS_DB" "$TELLUS_DB-wal" 2>/dev/null | grep -c -a -e Emuword -e Quimby)
[ "$found_before" -gt 0 ] && t_ok "the words are in the file before (the test can see them)" ||
	t_fail "the words are in the file before (the test can see them)"

h=$(db_hash)
run retention run --dry-run
same "a dry run lists the cases closed on or before the cut-off (2020-05-01)" "$(awk '$2 == "closed" {print $1, $3}' "$T_OUT")" \
	"$(printf '%s 2019-05-10\n%s 2020-04-20\n%s 2020-04-30\n%s 2020-04-30' "$P" "$K" "$Q" "$L")"
same "and says it changed nothing" "$(tail -1 "$T_OUT")" \
	"4 cases closed on or before 2020-05-01: names, contact and words would be removed (dry run: nothing changed)"
same "a dry run changes nothing" "$(db_hash)" "$h"
run retention run
same "retention removes them" "$(tail -1 "$T_OUT")" "4 cases closed on or before 2020-05-01: names, contact and words removed"
[ -e "$TELLUS_DB-wal" ] && [ -e "$TELLUS_DB-shm" ] && t_ok "the WAL and SHM files are still there to search" ||
	t_fail "the WAL and SHM files are still there to search"
for w in $WORDS; do
	n=$(for f in "$TELLUS_DB" "$TELLUS_DB-wal" "$TELLUS_DB-shm"; do grep -c -a -- "$w" "$f" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}')
	same "no '$w' left in the database, WAL or SHM" "$n" "0"
done
for w in $KEPT; do
	n=$(grep -c -a -- "$w" "$TELLUS_DB" || true)
	[ "$n" -gt 0 ] && t_ok "'$w' of a case within retention is kept" || t_fail "'$w' of a case within retention is kept"
done
exec 3>&-
wait $HOLDER 2>/dev/null

years "$T_DIR/after"
diff -r "$T_DIR/before" "$T_DIR/after" >"$T_DIR/diff" && t_ok "every annual report 2016/17 to 2025/26 is byte-identical" ||
	t_fail "every annual report 2016/17 to 2025/26 is byte-identical" "$(head -10 "$T_DIR/diff")"
run check
grep -q "report totals: ok" "$T_OUT" && t_ok "tellus check agrees" || t_fail "tellus check agrees" "$(cat "$T_OUT")"
run show "$P"
grep -q "^retention     names, contact and words removed 2026-05-01$" "$T_OUT" && ! grep -q "^names\|^summary" "$T_OUT" &&
	grep -q "^service       Fostering / North$" "$T_OUT" && grep -q "response    2019-05-10 partly_upheld" "$T_OUT" &&
	t_ok "show says what was removed and keeps the figures" || t_fail "show says what was removed and keeps the figures" "$(cat "$T_OUT")"
run audit "$P"
grep -qE "retention +$P +names, contact, words and letters removed \(closed 2019-05-10\)" "$T_OUT" &&
	t_ok "each case removed is audited" || t_fail "each case removed is audited" "$(tail -2 "$T_OUT")"
run find quimby
same "the removed names are no longer found" "$(cat "$T_OUT")" ""
run find ibisname
same "a name within retention still is" "$(awk '{print $1}' "$T_OUT")" "$R"
prints "a second run finds nothing more" "0 cases closed on or before 2020-05-01: names, contact and words removed" retention run
refuses "a retention of 0 years is refused" "retention_years: '0' must be a whole number of years from 1 to 100" config set retention_years 0

# Subject access: a person with two cases (complainant on one, the child
# on the other), and a namesake with a longer name who is left out.
on 2026-05-01
A1=$($T log --kind complaint --complainant parent --service Fostering --received 2026-03-02 \
	--complainant-name "Amelia Nowak" --child-name "Kuba Nowak" --summary "Nobody came to the review" --contact "07700 900222")
A2=$($T log --kind complaint --complainant child --service Adoption --received 2026-04-01 \
	--child-name "AMELIA NOWAK" --summary "I want to see my brother" --on-behalf --officer "A Officer")
A3=$($T log --kind complaint --complainant parent --service Adoption --received 2026-04-02 \
	--complainant-name "Amelia Nowak-Smith" --summary "Someone else")
$T edit "$A1" contact "07700 900333" --why "new phone" >/dev/null
$T letter "$A1" acknowledgement --out "$T_DIR/a1.txt" >/dev/null
$T extend "$A1" --reason "complex" --agreed-by "J Smith" --date 2026-03-06 >/dev/null
$T equalities "$A1" --gender female --age-band 35_44 >/dev/null
prints "subject access finds the person's two cases" "2 cases written to $T_DIR/sar" subject-access "amelia nowak" --out "$T_DIR/sar"
S_=$T_DIR/sar
same "the folder and files are the owner's only" "$(stat -c %a "$S_" "$S_/index.html" "$S_/cases.csv" | sort -u | tr '\n' ' ')" "600 700 "
same "cases.csv: both cases and the part the person has in each" \
	"$(tail -n +2 "$S_/cases.csv" | cut -d, -f1,2,5,6 | tr -d '\r')" "$(printf '%s,complainant,Amelia Nowak,Kuba Nowak\n%s,child,,AMELIA NOWAK' "$A1" "$A2")"
grep -q "$A3" "$S_"/* && t_fail "a namesake's case is left out" || t_ok "a namesake's case is left out"
want=$( ($T audit "$A1"; $T audit "$A2") | wc -l)
same "audit.csv has every audit line of both cases" "$(($(wc -l <"$S_/audit.csv") - 1))" "$want"
grep -q "07700 900222.*07700 900333.*new phone" "$S_/corrections.csv" && t_ok "corrections.csv has the old and new words" ||
	t_fail "corrections.csv has the old and new words" "$(cat "$S_/corrections.csv")"
grep -q "Dear Amelia Nowak" "$S_/letters.csv" && t_ok "letters.csv has the letter's copy" || t_fail "letters.csv has the letter's copy"
same "equalities.csv has their answers" "$(tail -1 "$S_/equalities.csv" | tr -d '\r')" "$A1,35_44,female,,"
same "stages.csv has each stage" "$(tail -n +2 "$S_/stages.csv" | cut -d, -f1,2,6 | tr -d '\r' | sort)" \
	"$(printf '%s,1,yes\n%s,1,no' "$A1" "$A2" | sort)"
grep -q "$A1" "$S_/index.html" && grep -q "$A2" "$S_/index.html" && grep -q "I want to see my brother" "$S_/index.html" &&
	t_ok "index.html holds the same" || t_fail "index.html holds the same"
run audit
grep -qE "subject_access +cases: $A1 $A2$" "$T_OUT" && ! grep -q "subject_access.*Amelia" "$T_OUT" &&
	t_ok "subject access is audited with the references, not the name" || t_fail "subject access is audited with the references, not the name" "$(tail -1 "$T_OUT")"
prints "a name held nowhere finds nothing" "0 cases written to $T_DIR/none" subject-access "Nobody Here" --out "$T_DIR/none"
refuses "a name is required" "NAME: is required" subject-access " " --out "$T_DIR/x"
refuses "an output folder is required" "--out: is required" subject-access "Amelia Nowak"
