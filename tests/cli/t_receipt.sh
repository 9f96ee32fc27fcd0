#!/usr/bin/env bash
# t_receipt.sh - `tellus receipt` and `tellus track` end to end: the PNG
# and SVG scan (zbarimg, rsvg-convert) to the link with the reference and
# a code that `track` accepts; a reissue kills the old code; the code is
# never printed, logged or stored in clear; typos in references are named.
. "$(dirname "$0")/lib.sh"

scan() { zbarimg --raw -q -Sbinary "$1" 2>/dev/null; }
code_of_link() { sed -n 's/.*[?&]code=\([0-9A-Z]*\).*/\1/p'; }

run log --kind complaint --complainant child --service "Children in care" --received 2026-01-15
REF=$(cat "$T_OUT")
succeeds "config set receipt_url" config set receipt_url https://example.org/track

# Done when: the PNG reads as the link with the reference and a code track accepts.
succeeds "receipt writes a PNG" receipt "$REF" --out "$T_DIR/r.png"
same "receipt prints nothing" "$(cat "$T_OUT")" ""
LINK=$(scan "$T_DIR/r.png")
case "$LINK" in
"https://example.org/track?ref=$REF&code="??????????) t_ok "PNG scans to the link with ref and code";;
*) t_fail "PNG scans to the link with ref and code" "got: $LINK";;
esac
CODE1=$(printf '%s' "$LINK" | code_of_link)
same "PNG is readable by its owner only" "$(stat -c %a "$T_DIR/r.png")" "600"
run track "$REF" "$CODE1"
if [ $T_RC -eq 0 ] && [ "$(head -1 "$T_OUT")" = "complaint $REF received 2026-01-15" ] &&
	grep -qx "stage 1 received 2026-01-15" "$T_OUT" &&
	grep -qx "due 2026-01-29 (limit 2026-02-12)" "$T_OUT" && grep -qx "open" "$T_OUT"; then
	t_ok "track accepts the code and prints kind, stage and due dates"
else
	t_fail "track accepts the code and prints kind, stage and due dates" "$(cat "$T_OUT" "$T_ERR")"
fi
typed_ref=$(printf '%s' "$REF" | tr 'A-Z01' 'a-zol')
typed_code="$(printf '%s' "${CODE1:0:5}" | tr 'A-Z' 'a-z') ${CODE1:5}"
succeeds "track accepts lower case, look-alikes and spaces" track "$typed_ref" "$typed_code"

# A reissue (here as SVG) gives a new code and the old one stops working.
succeeds "receipt reissued as SVG" receipt "$REF" --out "$T_DIR/r.svg"
if rsvg-convert -o "$T_DIR/svg.png" "$T_DIR/r.svg" 2>/dev/null; then t_ok "SVG renders"
else t_fail "SVG renders"; fi
LINK2=$(scan "$T_DIR/svg.png")
CODE2=$(printf '%s' "$LINK2" | code_of_link)
case "$LINK2" in
"https://example.org/track?ref=$REF&code=$CODE2") [ ${#CODE2} -eq 10 ] && t_ok "SVG scans to the link" || t_fail "SVG scans to the link" "$LINK2";;
*) t_fail "SVG scans to the link" "got: $LINK2";;
esac
[ "$CODE1" != "$CODE2" ] && t_ok "a reissue gives a new code" || t_fail "a reissue gives a new code"
refuses "the old code stops working" '^tellus track: reference and code do not match$' track "$REF" "$CODE1"
succeeds "the new code works" track "$REF" "$CODE2"
run audit "$REF"
if grep -q "receipt_issued" "$T_OUT" && grep -q "receipt_reissued" "$T_OUT"; then t_ok "issue and reissue are in the audit trail"
else t_fail "issue and reissue are in the audit trail" "$(cat "$T_OUT")"; fi

# The code is nowhere in clear: not in the database, its WAL, the audit trail.
leaks=0
for c in "$CODE1" "$CODE2" "${CODE1:0:5}-${CODE1:5}" "${CODE2:0:5}-${CODE2:5}"; do
	grep -qa -- "$c" "$TELLUS_DB" "$TELLUS_DB-wal" 2>/dev/null && leaks=$((leaks + 1))
	sqlite3 "$TELLUS_DB" .dump | grep -q -- "$c" && leaks=$((leaks + 1))
	grep -q -- "$c" "$T_OUT" && leaks=$((leaks + 1))
done
same "no code in clear in the database or the audit trail" "$leaks" "0"
same "the database holds a hash" "$(sqlite3 "$TELLUS_DB" "SELECT substr(tracking_hash, 1, 10) FROM cases WHERE ref = '$REF'")" '$argon2id$'

# Unknown reference, wrong code: the same one line.
run log --kind complaint --complainant parent --service "Fostering" --received 2026-01-15
OTHER=$(cat "$T_OUT")
refuses "a case with no receipt yet: same answer" '^tellus track: reference and code do not match$' track "$OTHER" "$CODE2"
# An unknown reference with a right check character: try each one.
UNKNOWN=""
for ch in 0 1 2 3 4 5 6 7 8 9 A B C D E F G H J K M N P Q R S T V W X Y; do
	run track "${REF%%-*}-26-9999-$ch" "$CODE2"
	grep -q "check character" "$T_ERR" || { UNKNOWN="${REF%%-*}-26-9999-$ch"; break; }
done
refuses "an unknown reference: same answer" '^tellus track: reference and code do not match$' track "$UNKNOWN" "$CODE2"
refuses "a malformed code: same answer" '^tellus track: reference and code do not match$' track "$REF" "hello"
refuses "track needs a reference and a code" 'usage: tellus track REF CODE' track "$REF"

# Typos in the reference are named as typos: every swap of neighbours,
# and at every position a few wrong characters.
caught=0 missed=""
for ((i = 0; i + 1 < ${#REF}; i++)); do
	[ "${REF:i:1}" = "${REF:i+1:1}" ] && continue
	t="${REF:0:i}${REF:i+1:1}${REF:i:1}${REF:i+2}"
	run track "$t" "$CODE2"
	if [ $T_RC -ne 0 ] && grep -qE "check character|is not a reference" "$T_ERR"; then caught=$((caught + 1)); else missed+=" $t"; fi
done
for ((i = 0; i < ${#REF}; i++)); do
	[ "${REF:i:1}" = "-" ] && continue
	for ch in 3 K X; do
		[ "${REF:i:1}" = "$ch" ] && continue
		t="${REF:0:i}$ch${REF:i+1}"
		run track "$t" "$CODE2"
		if [ $T_RC -ne 0 ] && grep -qE "check character|is not a reference" "$T_ERR"; then caught=$((caught + 1)); else missed+=" $t"; fi
	done
done
same "every mistyped reference tried is named as a typo ($caught)" "${missed:-none}" "none"

# Reference-only receipts: no code, no QR; the code in use keeps working.
succeeds "reference-only receipt" receipt "$REF" --out "$T_DIR/ro.png" --reference-only
zbarimg -q "$T_DIR/ro.png" >/dev/null 2>&1; rc=$?
same "reference-only PNG has no QR code" "$rc" "4"
succeeds "reference-only text receipt" receipt "$REF" --out "$T_DIR/ro.txt" --reference-only
if grep -q "Reference: $REF" "$T_DIR/ro.txt" && ! grep -q "Secret code" "$T_DIR/ro.txt"; then
	t_ok "reference-only text shows the reference and no code"
else t_fail "reference-only text shows the reference and no code" "$(cat "$T_DIR/ro.txt")"; fi
succeeds "the code still works after a reference-only receipt" track "$REF" "$CODE2"

# A receipt that cannot be written changes nothing: the old code still works.
before=$(db_hash)
refuses "unknown format refused" 'a receipt is written as .png, .svg or .txt' receipt "$REF" --out "$T_DIR/r.pdf"
refuses "unwritable file refused" 'no/such/dir/r.png' receipt "$REF" --out "$T_DIR/no/such/dir/r.png"
same "a failed receipt changes nothing" "$(db_hash)" "$before"
succeeds "the code still works after a failed receipt" track "$REF" "$CODE2"
refuses "receipt of an unknown case" 'no case' receipt "$UNKNOWN" --out "$T_DIR/u.png"
refuses "receipt needs --out" 'usage: tellus receipt' receipt "$REF"
run receipt --help
if [ $T_RC -eq 0 ] && grep -q "written only into the receipt" "$T_OUT"; then t_ok "receipt --help says where the code goes"
else t_fail "receipt --help says where the code goes" "$(cat "$T_OUT")"; fi
run --help
grep -q "^  receipt REF" "$T_OUT" && grep -q "^  track REF CODE" "$T_OUT" && t_ok "tellus --help lists receipt and track" || t_fail "tellus --help lists receipt and track"

# Without receipt_url, in other scripts: the QR is the text receipt.
export TELLUS_DB="$T_DIR/scripts.db"
succeeds "authority name in Gujarati" config set authority_name "લેસ્ટર સિટી કાઉન્સિલ"
succeeds "phone in Arabic digits" config set contact_phone "٠١١٦ ٣٠٥ ٠٠٠٠"
succeeds "email in Polish" config set contact_email "skargi@łódź.example.pl"
succeeds "a service area in Polish and Arabic is configured" services add "Opieka zastępcza — مجلس"
run log --kind compliment --complainant child --service "Opieka zastępcza — مجلس" --received 2026-01-15
CREF=$(cat "$T_OUT")
for fmt in png svg; do
	succeeds "text receipt as $fmt" receipt "$CREF" --out "$T_DIR/c.$fmt"
	img="$T_DIR/c.$fmt"
	[ $fmt = svg ] && { rsvg-convert -o "$T_DIR/c_svg.png" "$img"; img="$T_DIR/c_svg.png"; }
	scan "$img" >"$T_DIR/c.scan"
	code=$(sed -n 's/^Secret code: //p' "$T_DIR/c.scan")
	if [ "$(head -1 "$T_DIR/c.scan")" = "લેસ્ટર સિટી કાઉન્સિલ" ] &&
		grep -qx "Compliment $CREF" "$T_DIR/c.scan" &&
		grep -qx "Phone: ٠١١٦ ٣٠٥ ٠٠٠٠" "$T_DIR/c.scan" &&
		grep -qx "Email: skargi@łódź.example.pl" "$T_DIR/c.scan"; then
		t_ok "$fmt scans to the text receipt in Gujarati, Arabic and Polish"
	else t_fail "$fmt scans to the text receipt in Gujarati, Arabic and Polish" "$(cat "$T_DIR/c.scan")"; fi
	prints "the code in the $fmt text receipt works" "compliment $CREF received 2026-01-15" track "$CREF" "$code"
done
succeeds "text receipt as txt" receipt "$CREF" --out "$T_DIR/c.txt"
if grep -q "Thank you for telling us what went well" "$T_DIR/c.txt" && ! grep -q "reply by" "$T_DIR/c.txt" &&
	grep -q "Opieka zastępcza — مجلس" "$T_DIR/c.txt"; then t_ok "compliment receipt thanks and gives no deadline"
else t_fail "compliment receipt thanks and gives no deadline" "$(cat "$T_DIR/c.txt")"; fi

# Many receipts never share a code.
: >"$T_DIR/codes"
for i in $(seq 1 12); do
	run log --kind complaint --complainant child --service "Leaving care" --received 2026-01-15
	r=$(cat "$T_OUT")
	for k in 1 2; do
		run receipt "$r" --out "$T_DIR/m.txt"
		sed -n 's/^Secret code: //p' "$T_DIR/m.txt" >>"$T_DIR/codes"
	done
done
same "24 receipts, 24 different codes" "$(sort -u "$T_DIR/codes" | grep -c .)" "24"
