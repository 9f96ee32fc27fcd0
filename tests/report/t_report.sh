#!/usr/bin/env bash
# t_report.sh - `tellus report` end to end: cases logged and moved with the
# real binary, the report written as CSV, HTML and Markdown; files are
# owner-only; the HTML renders in headless Chromium (a screenshot goes to
# $TELLUS_BUILD/test-artifacts/report.png) and the Markdown parses as tables;
# the author's notes land under their sections, a wrong heading is refused
# with the list of headings, which is the README's.
. "$(dirname "$0")/../cli/lib.sh"
export TELLUS_TODAY=2026-06-30
ART=${TELLUS_BUILD:-$T_DIR}/test-artifacts
mkdir -p "$ART"

. "$(dirname "$0")/fixture.sh"

OUT=$T_DIR/rep
succeeds "report writes csv" report --year 2025 --format csv --out "$OUT/csv"
same "every csv file of SPEC section 5 is there" "$(cd "$OUT/csv" && ls | tr '\n' ' ')" \
	"complainants.csv compliments.csv equalities.csv ombudsman.csv summary.csv t1_context.csv t2_stages.csv t3_service_areas.csv t4_stage1_timeliness.csv t4_stage2_timeliness.csv t4_stage3_timeliness.csv t5_causes.csv t6_causes_upheld.csv t7_stage1_outcomes.csv t8_costs.csv t9_actions.csv "
same "stage volumes of this year and the last" "$(tr -d '\r' <"$OUT/csv/t2_stages.csv")" \
	"$(printf 'stage,previous,current\n1,9,12\n2,0,1\n3,0,0')"
same "complaint rate against referrals has one decimal" \
	"$(tr -d '\r' <"$OUT/csv/summary.csv" | grep '^complaint_rate_percent,')" "complaint_rate_percent,0.3"
same "report files are readable by their owner only" \
	"$(stat -c %a "$OUT/csv"/*.csv | sort -u)" "600"
succeeds "report writes html" report --year 2025 --format html --out "$OUT"
succeeds "report writes markdown" report --year 2025 --format md --out "$OUT"
same "html and markdown are owner-only" "$(stat -c %a "$OUT/report.html" "$OUT/report.md" | sort -u)" "600"
refuses "a missing year is refused" "usage: tellus report" report --format csv --out "$OUT"
refuses "an unknown format is refused" "not csv, html, md or xlsx" report --year 2025 --format pdf --out "$OUT"
refuses "a year out of range is refused" "--year" report --year 1800 --format csv --out "$OUT"

H=$OUT/report.html
cp "$H" "$OUT/report.md" "$ART/"
if grep -qiE '<script|<link|src=|@import|url\(' "$H"; then t_fail "html is self-contained" "$(grep -oiE '<script|<link|src=|@import|url\(' "$H" | head -3)"
else t_ok "html is self-contained"; fi
if grep -q 'Thank you &lt;b&gt;L.&lt;/b&gt; &amp; all' "$H" && ! grep -q 'private words' "$H"; then
	t_ok "html shows consented compliments escaped, names as initials"
else t_fail "html shows consented compliments escaped, names as initials"; fi
if grep -q 'Leah listened to me' "$H"; then t_ok "a name is shown where its author agreed to names"
else t_fail "a name is shown where its author agreed to names"; fi
same "html has a chart beside each comparison table" "$(grep -c '<svg' "$H")" "11"
same "every table has a caption and header scopes" \
	"$(grep -c '<caption' "$H") $(grep -c '<th scope="col"' "$H")" "$(grep -c '<table' "$H") $(grep -c '<thead>' "$H")"
if grep -q '£3,910.00' "$H" && grep -q '| Independent persons | £0.00 | £2,870.00 | £3,910.00 |' "$OUT/report.md"; then
	t_ok "money is shown in pounds in html and markdown"; else t_fail "money is shown in pounds in html and markdown"; fi
same "each section has a marked place for commentary" "$(grep -c 'class="notes-todo"' "$H")" \
	"$(grep -c '^- `## ' "$(dirname "$0")/../../reports/README.md")"

# Headless Chromium: the page loads without errors and a screenshot shows it.
if command -v chromium >/dev/null; then
	PROFILE=$(mktemp -d)
	rm -f "$ART/report.png"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$PROFILE" --enable-logging=stderr --v=0 \
		--screenshot="$ART/report.png" --window-size=1240,3000 "file://$H" \
		>"$T_DIR/chromium.out" 2>"$T_DIR/chromium.err"
	rc=$?
	if [ $rc -eq 0 ] && [ -s "$ART/report.png" ] && [ "$(head -c 8 "$ART/report.png" | od -An -tx1 | tr -d ' ')" = "89504e470d0a1a0a" ]; then
		t_ok "chromium renders the html to $ART/report.png"
	else
		t_fail "chromium renders the html" "exit $rc" "$(tail -3 "$T_DIR/chromium.err")"
	fi
	if grep -E 'CONSOLE|Uncaught|Page load failed|ERR_FILE|ERR_' "$T_DIR/chromium.err" >/dev/null; then
		t_fail "the page loads with no console or load errors" "$(grep -E 'CONSOLE|Uncaught|Page load|ERR_' "$T_DIR/chromium.err" | head -3)"
	else t_ok "the page loads with no console or load errors"; fi
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$PROFILE" --print-to-pdf="$ART/report.pdf" --no-pdf-header-footer \
		"file://$H" >/dev/null 2>&1
	pages=$(grep -ao '/Count [0-9]*' "$ART/report.pdf" 2>/dev/null | head -1 | cut -d' ' -f2)
	if [ "${pages:-0}" -ge 2 ] && [ "$pages" -le 12 ] && grep -aq 'MediaBox \[0 0 594\.9[0-9]* 841\.9' "$ART/report.pdf"; then
		t_ok "the page prints on A4 ($pages pages)"
	else t_fail "the page prints on A4" "pages: ${pages:-none}"; fi
	rm -rf "$PROFILE"
else
	t_fail "chromium is installed (scripts/install-deps)"
fi

# The Markdown: every table has a header, a separator and equal columns.
if python3 "$(dirname "$0")/md_tables.py" "$OUT/report.md" >"$T_DIR/md.out" 2>&1; then
	t_ok "markdown parses as tables ($(cat "$T_DIR/md.out"))"
else
	t_fail "markdown parses as tables" "$(head -3 "$T_DIR/md.out")"
fi
grep -q '^| Stage 1 | 9 | 12 |$' "$OUT/report.md" && t_ok "markdown carries the same figures" \
	|| t_fail "markdown carries the same figures"

# --notes: a part for every heading the README lists, in reverse order;
# each lands under its own section, in HTML and Markdown.
heads=$(sed -n 's/^- `## \(.*\)`$/\1/p' "$(dirname "$0")/../../reports/README.md")
NOTES=$T_DIR/notes.md
: >"$NOTES"
n=$(printf '%s\n' "$heads" | wc -l)
i=$n
printf '%s\n' "$heads" | tac | while IFS= read -r h; do
	printf '## %s\n\nNote-%02d of the author, *with* **emphasis** and <b>tags</b>.\n\n' "$h" "$i" >>"$NOTES"
	i=$((i - 1))
done
succeeds "report takes the author's notes (html)" report --year 2025 --format html --out "$OUT/n" --notes "$NOTES"
succeeds "report takes the author's notes (md)" report --year 2025 --format md --out "$OUT/n" --notes "$NOTES"
placed() { # FILE HEADING-MARK: "NN<tab>heading" for each note, from the last heading before it
	awk -v mark="$2" 'index($0, mark) == 1 { h = substr($0, length(mark) + 1); sub(/<\/h2>$/, "", h) }
		match($0, /Note-[0-9][0-9]/) { print substr($0, RSTART + 5, 2) "\t" h }' "$1"
}
want=$(printf '%s\n' "$heads" | awk '{ printf "%02d\t%s\n", NR, $0 }')
for f in "report.html:<h2>" "report.md:## "; do
	got=$(placed "$OUT/n/${f%%:*}" "${f#*:}" | sed 's/ 2025\/26$//')
	same "every note is under its section in ${f%%:*}" "$got" "$want"
done
if grep -q 'Note-03 of the author, <em>with</em> <strong>emphasis</strong> and &lt;b&gt;tags&lt;/b&gt;' "$OUT/n/report.html" &&
	! grep -q 'class="notes-todo"' "$OUT/n/report.html"; then t_ok "notes are rendered and escaped, no place left marked"
else t_fail "notes are rendered and escaped, no place left marked"; fi
printf '## 3. Complaints resolved\n\nFine.\n\n## 11. Lessons\n\nNo.\n' >"$T_DIR/bad.md"
refuses "a notes heading that names no section is refused with the list" \
	"bad.md:5: '## 11. Lessons' is not a section of the report; the sections are: 1\. " \
	report --year 2025 --format html --out "$OUT/bad" --notes "$T_DIR/bad.md"
same "the list refused with is the README's" "$(sed 's/.*the sections are: //; s/; /\n/g' "$T_ERR")" "$heads"
[ ! -e "$OUT/bad/report.html" ] && t_ok "nothing is written when the notes are refused" ||
	t_fail "nothing is written when the notes are refused"
refuses "notes go into html and md only" "--notes: commentary goes into html and md only" \
	report --year 2025 --format csv --out "$OUT/bad" --notes "$NOTES"

# consent_names: a field of the case, shown, and only with --consent.
kref=$("$TELLUS" log --kind compliment --received 2025-05-03 --complainant parent --service Fostering \
	--summary "Thanks Jo" --consent --consent-names)
run show "$kref"
same "show says what a compliment's author agreed to" "$(grep '^consent' "$T_OUT")" \
	"consent       to publish: yes; the names in it too: yes"
refuses "--consent-names goes with --consent" "--consent-names: goes with --consent" \
	log --kind compliment --complainant parent --service Fostering --summary "Hi" --consent-names
