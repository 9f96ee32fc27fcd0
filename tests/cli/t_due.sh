#!/usr/bin/env bash
# t_due.sh - what's due (issue 14 point 11), through the real binary:
# `tellus due` gives each officer their safety concerns, what is overdue,
# what is due within N working days, the acknowledgements due and the
# stopped clocks, with working days left or late, as text or HTML; `list`
# shows days left, service, complainant and officer, and filters by
# service and officer. Today is Monday 2 March 2026.
. "$(dirname "$0")/lib.sh"
export TELLUS_TODAY=2026-03-02
"$TELLUS" config set device_code K2 >/dev/null
for who in "Ann Lee" "Bo Chen"; do printf '2468\n2468\n' | "$TELLUS" staff add "$who" --role officer >/dev/null; done

by() { local who=$1 svc=$2; shift 2
	"$TELLUS" log --kind complaint --complainant child --service "$svc" --on-behalf --officer "$who" "$@"; }

A1=$(by "Ann Lee" Fostering --received 2026-02-02)   # due 16 Feb: 10 working days late
A2=$(by "Ann Lee" Adoption --received 2026-02-20)    # due 6 March: 4 working days left
A3=$(by "Ann Lee" Fostering --received 2026-02-25)   # clock stopped since 26 Feb
"$TELLUS" pause "$A3" --reason advocate --date 2026-02-26 >/dev/null
S1=$(by "Ann Lee" Fostering --unsafe --procedure not_eligible --received 2026-03-01)
B1=$(by "Bo Chen" Fostering --received 2026-02-27)   # due 13 March: 9 left
N1=$("$TELLUS" log --kind complaint --complainant parent --service Fostering --procedure corporate \
	--received 2026-02-26)                             # acknowledge by 5 March: 3 left
DONE=$(by "Bo Chen" Fostering --received 2026-02-02)
"$TELLUS" respond "$DONE" --outcome not_upheld --date 2026-02-10 >/dev/null

run due
cat >"$T_DIR/want" <<EOF
What is due on 2026-03-02 (within 5 working days)

Ann Lee
  Safety concerns: act now
    $S1             received 2026-03-01  act now                Fostering (child)
  Overdue
    $A1     stage 1 due      2026-02-16  10 working days late   Fostering (child)
  Due within 5 working days
    $A2     stage 1 due      2026-03-06  4 working days left    Adoption (child)
  Clock stopped: waiting
    $A3     stage 1 since    2026-02-26  waiting                Fostering (child)

No officer named
  To acknowledge
    $N1     stage 1 by       2026-03-05  3 working days left    Fostering (parent)
EOF
if [ $T_RC -eq 0 ] && diff "$T_DIR/want" "$T_OUT" >"$T_DIR/diff"; then t_ok "due gives each officer's sections with days left or late"
else t_fail "due gives each officer's sections with days left or late" "$(cat "$T_DIR/diff" "$T_ERR")"; fi
lacks "a case in time beyond N days, or closed, is left out" "$B1|$DONE" due
has "--days 10 takes in what is due within 10" "^    $B1 +stage 1 due +2026-03-13  9 working days left" due --days 10
has "--days 10 names the officer" "^Bo Chen$" due --days 10
run due --officer "Ann Lee"
! grep -q "No officer named\|$N1" "$T_OUT" && grep -q "$A1" "$T_OUT" && t_ok "--officer gives one officer's digest" ||
	t_fail "--officer gives one officer's digest" "$(cat "$T_OUT")"
refuses "--format is text or html" "--format: 'pdf' is not one of text, html" due --format pdf
run due --format html
python3 - "$T_OUT" "$A1" <<'PY' && t_ok "--format html is a well-formed page with a table per section" || t_fail "--format html is a well-formed page with a table per section" "$(head -c 600 "$T_OUT")"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s): super().__init__(); s.stack=[]; s.tables=0; s.h2=[]; s.text=""; s.ok=True
    def handle_starttag(s, t, a):
        if t not in ("meta",): s.stack.append(t)
        if t == "table": s.tables += 1
    def handle_endtag(s, t):
        if not s.stack or s.stack.pop() != t: s.ok = False
    def handle_data(s, d):
        s.text += d
        if s.stack[-2:] == ["h2", "bdi"]: s.h2.append(d)
p = P(); p.feed(open(sys.argv[1]).read())
assert p.ok and not p.stack, "tags do not nest"
assert p.tables == 5 and p.h2 == ["Ann Lee", "No officer named"], (p.tables, p.h2)
assert sys.argv[2] in p.text and "10 working days late" in p.text
PY

# --- list: the new columns and filters ----------------------------------------------
has "list shows days late, service, complainant and officer" \
	"^$A1 +complaint +received 2026-02-02  stage 1  due 2026-02-16  OVERDUE +10 working days late .*service: Fostering; complainant: child; officer: Ann Lee$" list
has "list shows days left" "^$A2 .* due soon +4 working days left " list
has "list shows a stopped clock" "^$A3 .* clock stopped " list
has "list shows an acknowledgement due" "^$N1 .*acknowledge by 2026-03-05 .*officer: -$" list
run list --service adoption
[ "$(grep -c . "$T_OUT")" -eq 1 ] && grep -q "^$A2 " "$T_OUT" && t_ok "--service filters, whatever the case of its letters" ||
	t_fail "--service filters, whatever the case of its letters" "$(cat "$T_OUT")"
run list --officer "Bo Chen"
[ "$(grep -c . "$T_OUT")" -eq 1 ] && grep -q "^$B1 " "$T_OUT" && t_ok "--officer filters" ||
	t_fail "--officer filters" "$(cat "$T_OUT")"
run list --officer "Ann Lee" --service Fostering
same "both filters together" "$(cut -d' ' -f1 "$T_OUT" | tr '\n' ' ')" "$S1 $A1 $A3 "
has "--all keeps a closed case, and its officer" "^$DONE .* closed .*officer: Bo Chen$" list --all
