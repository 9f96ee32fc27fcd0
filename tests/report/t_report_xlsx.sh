#!/usr/bin/env bash
# t_report_xlsx.sh - the workbooks end to end: `tellus report --format xlsx`
# and `tellus export --format xlsx`, opened with openpyxl (xlsx_check.py)
# and compared cell by cell with the CSV files of the same data: numbers
# numeric, percentages and pounds formatted, no cell ever a formula, even
# for a summary starting with '='. Files are owner-only.
. "$(dirname "$0")/../cli/lib.sh"
export TELLUS_TODAY=2026-06-30
. "$(dirname "$0")/fixture.sh"

# Words a spreadsheet would run, in a complaint and a compliment.
ref=$(complaint 2025-10-01 "Fostering" parent 2025-10-08 not_upheld delays)
"$TELLUS" log --kind complaint --received 2025-10-02 --complainant parent --service Fostering \
	--summary '=HYPERLINK("http://example.org/x","click me")' >/dev/null
"$TELLUS" log --kind compliment --received 2025-10-03 --complainant parent --service Fostering \
	--summary '@SUM(1+1)' --consent >/dev/null
"$TELLUS" log --kind complaint --received 2025-10-06 --complainant child --service Adoption \
	--summary "-2+3, with a comma, \"quotes\" and
a second line" >/dev/null
t cost --category investigating_officer --amount 1234567.89 --date 2025-11-03 >/dev/null

PY=
for p in /usr/bin/python3 python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { PY=$p; break; }
done
[ -n "$PY" ] && t_ok "python3-openpyxl is installed" ||
	t_fail "python3-openpyxl is installed (scripts/install-deps)"
CHECK=$(dirname "$0")/xlsx_check.py
OUT=$T_DIR/rep

succeeds "report writes xlsx" report --year 2025 --format xlsx --out "$OUT"
succeeds "report writes csv" report --year 2025 --format csv --out "$OUT/csv"
same "the workbook is readable by its owner only" "$(stat -c %a "$OUT/report.xlsx")" "600"
if "$PY" "$CHECK" report "$OUT/report.xlsx" "$OUT/csv" "Shire & Vale Council" 2025/26 >"$T_DIR/check.out" 2>&1; then
	t_ok "every sheet equals its csv, numbers numeric, no formula ($(cat "$T_DIR/check.out"))"
else t_fail "every sheet equals its csv" "$(tail -3 "$T_DIR/check.out")"; fi

succeeds "export writes the cases as xlsx" export --format xlsx "$T_DIR/cases.xlsx"
prints_rows=$(cat "$T_OUT")
succeeds "export writes the cases as csv" export "$T_DIR/cases.csv"
same "both exports write the same rows" "$prints_rows" "$(cat "$T_OUT")"
same "the cases' workbook is readable by its owner only" "$(stat -c %a "$T_DIR/cases.xlsx")" "600"
if "$PY" "$CHECK" cases "$T_DIR/cases.xlsx" "$T_DIR/cases.csv" >"$T_DIR/check.out" 2>&1; then
	t_ok "the cases' sheet equals the csv export, as text ($(cat "$T_DIR/check.out"))"
else t_fail "the cases' sheet equals the csv export" "$(tail -3 "$T_DIR/check.out")"; fi
same "the xlsx export is audited" "$("$TELLUS" audit | grep -c 'export cases  *cases.xlsx: ')" "1"

refuses "xlsx is for cases only" "--format: xlsx is for the cases" \
	export --format xlsx --costs "$T_DIR/costs.xlsx"
refuses "an unknown export format is refused" "--format: 'ods' is not csv or xlsx" \
	export --format ods "$T_DIR/cases.ods"
[ ! -e "$T_DIR/costs.xlsx" ] && [ -z "$(ls "$T_DIR" | grep '\.tmp')" ] &&
	t_ok "a refused export leaves no file" || t_fail "a refused export leaves no file"
refuses "a folder that cannot be written is named" "cannot create" \
	export --format xlsx "$T_DIR/no/such/cases.xlsx"
