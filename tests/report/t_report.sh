#!/usr/bin/env bash
# t_report.sh - `tellus report` end to end: cases logged and moved with the
# real binary, the report written as CSV, HTML and Markdown; files are
# owner-only; the HTML renders in headless Chromium (a screenshot goes to
# $TELLUS_BUILD/test-artifacts/report.png) and the Markdown parses as tables.
. "$(dirname "$0")/../cli/lib.sh"
export TELLUS_TODAY=2026-06-30
ART=${TELLUS_BUILD:-$T_DIR}/test-artifacts
mkdir -p "$ART"

. "$(dirname "$0")/fixture.sh"

OUT=$T_DIR/rep
succeeds "report writes csv" report --year 2025 --format csv --out "$OUT/csv"
same "every csv file of SPEC section 5 is there" "$(cd "$OUT/csv" && ls | tr '\n' ' ')" \
	"complainants.csv compliments.csv ombudsman.csv summary.csv t1_context.csv t2_stages.csv t3_service_areas.csv t4_stage1_timeliness.csv t4_stage2_timeliness.csv t5_causes.csv t6_causes_upheld.csv t7_stage1_outcomes.csv t8_costs.csv t9_actions.csv "
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
refuses "an unknown format is refused" "not csv, html or md" report --year 2025 --format pdf --out "$OUT"
refuses "a year out of range is refused" "--year" report --year 1800 --format csv --out "$OUT"

H=$OUT/report.html
cp "$H" "$OUT/report.md" "$ART/"
if grep -qiE '<script|<link|src=|@import|url\(' "$H"; then t_fail "html is self-contained" "$(grep -oiE '<script|<link|src=|@import|url\(' "$H" | head -3)"
else t_ok "html is self-contained"; fi
if grep -q 'Thank you &lt;b&gt;Leah&lt;/b&gt; &amp; all' "$H" && ! grep -q 'private words' "$H"; then
	t_ok "html shows consented compliments escaped"; else t_fail "html shows consented compliments escaped"; fi
same "html has a chart beside each comparison table" "$(grep -c '<svg' "$H")" "10"

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
