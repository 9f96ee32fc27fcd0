#!/usr/bin/env bash
# t_report_a11y.sh - the report's HTML for people who cannot see colour or
# the page: axe-core (the copy scripts/install-deps puts in
# /usr/local/lib/tellus-node, never the network) run in headless Chromium
# finds no violation, no chart text is cut at its edge as laid out, every
# SVG fill has 3:1 against its background and every bar is labelled with
# its year (svg_check.py), with and without the author's notes.
. "$(dirname "$0")/../cli/lib.sh"
export TELLUS_TODAY=2026-06-30
. "$(dirname "$0")/fixture.sh"
# Three years of costs, stage 3 and stage 2 answers, so that every chart has bars.
ref=$(complaint 2025-04-07 "Fostering" parent 2025-04-11 not_upheld delays)
t request "$ref" --stage 2 --date 2025-04-22 >/dev/null
t respond "$ref" --stage 2 --outcome not_upheld --date 2025-05-30
t request "$ref" --stage 3 --date 2025-06-02 >/dev/null
t panel "$ref" --date 2025-07-01
t respond "$ref" --stage 3 --outcome not_upheld --date 2025-07-10
t cost --category stage3_panel --amount 1790 --date 2025-07-01 >/dev/null

AXE=${TELLUS_NODE_DIR:-/usr/local/lib/tellus-node}/node_modules/axe-core/axe.min.js
OUT=$T_DIR/rep
printf '## 9. Key learning points\n\n- Conference reports *late*\n- Contacting workers\n\n### What we will do\n\n1. Review\n2. Train\n' >"$T_DIR/notes.md"
succeeds "report writes html" report --year 2025 --format html --out "$OUT"
succeeds "report writes html with notes" report --year 2025 --format html --out "$OUT/n" --notes "$T_DIR/notes.md"

if python3 "$(dirname "$0")/svg_check.py" "$OUT/report.html" >"$T_DIR/svg.out" 2>&1; then
	t_ok "every chart fill has 3:1 and every bar its year ($(cat "$T_DIR/svg.out"))"
else t_fail "every chart fill has 3:1 and every bar its year" "$(tail -3 "$T_DIR/svg.out")"; fi

if [ ! -f "$AXE" ]; then
	t_fail "axe-core is installed (scripts/install-deps)" "$AXE"
elif ! command -v chromium >/dev/null; then
	t_fail "chromium is installed (scripts/install-deps)"
else
	for page in "$OUT/report.html" "$OUT/n/report.html"; do
		name=${page#"$OUT"/}
		if python3 "$(dirname "$0")/a11y_check.py" "$page" "$AXE" "$T_DIR/axe" >"$T_DIR/axe.out" 2>&1; then
			t_ok "axe-core finds no violation in $name ($(tail -1 "$T_DIR/axe.out"))"
		else t_fail "axe-core finds no violation in $name" "$(head -5 "$T_DIR/axe.out")"; fi
	done
fi
