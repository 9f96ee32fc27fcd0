#!/usr/bin/env bash
# t_report_import.sh - SPEC section 7's CSV in, section 5's tables out:
# cases imported with `tellus import` (the edges: stage 1 answered on
# working day 10, 11 and 21 across Christmas, stage 2 on day 25 across
# Easter, a withdrawal, a corporate complaint) give exactly these rows.
. "$(dirname "$0")/../cli/lib.sh"
export TELLUS_TODAY=2026-06-30
DATA=$(dirname "$0")/data
OUT=$T_DIR/rep
csv() { tr -d '\r' <"$OUT/$1"; }

succeeds "the cases import" import "$DATA/import.csv"
succeeds "the report is written" report --year 2025 --format csv --out "$OUT"
same "stages by year started" "$(csv t2_stages.csv)" "$(printf '%s\n' \
	stage,previous,current 1,1,4 2,0,1 3,0,0)"
same "stage 1 days 10, 11 and 21 fall in three bands" "$(csv t4_stage1_timeliness.csv)" \
	"$(printf '%s\n' band,previous,current,previous_percent,current_percent \
	within_10,1,1,100,33 11_to_20,0,1,0,33 over_20,0,1,0,33)"
same "stage 2 day 25 is within 25" "$(csv t4_stage2_timeliness.csv)" \
	"$(printf '%s\n' band,previous,current,previous_percent,current_percent \
	within_25,0,1,,100 26_to_65,0,0,,0 over_65,0,0,,0)"
same "outcomes count the withdrawal" "$(csv t7_stage1_outcomes.csv)" \
	"$(printf '%s\n' outcome,previous,current,previous_percent,current_percent \
	fully_upheld,0,0,0,0 partly_upheld,0,1,0,25 not_upheld,1,2,100,50 withdrawn,0,1,0,25)"
same "causes: two count as Multiple" "$(csv t5_causes.csv)" "$(printf '%s\n' \
	cause,previous,current 'Delays in providing services,0,1' 'Keeping informed,0,1' \
	'Multiple,0,1' 'Our fairness to you,0,1' 'Quality of our work,1,0')"
same "actions of the upheld statutory complaint only" "$(csv t9_actions.csv)" \
	"$(printf '%s\n' action,count apology,1)"
same "compliments count" "$(csv compliments.csv)" "$(printf '%s\n' \
	service_area,previous,current Fostering,0,1)"
same "importing the file again changes no figure" "$(run import "$DATA/import.csv"; \
	"$TELLUS" report --year 2025 --format csv --out "$OUT/again" && \
	diff -r "$OUT/again" "$OUT" -x again && echo same)" "same"
