#!/usr/bin/env bash
# t_letters.sh - letters from templates (SPEC 14, issue 14 point 9): each
# letter (acknowledgement, extension, response, the right to stage 2 and
# stage 3, the right to the Ombudsman) for each built-in procedure, the
# adult and the plain-words child version, compared with the expected
# files under tests/cli/data/letters/PROFILE/ (text for every one, HTML for
# England's). The cases run across Christmas 2025 so that the dates in the
# letters count working days over the bank holidays (checked by hand: 19
# December 2025 + 10 working days is 7 January 2026). A council's own
# template replaces one without a rebuild; HTML escapes names; a template's
# mistakes name the file and line.
#   TELLUS_BLESS=1 bash tests/cli/t_letters.sh   writes the expected files
#   afresh from this build: read the diff before committing them.
. "$(dirname "$0")/lib.sh"
EXP=${TELLUS_ROOT:?}/tests/cli/data/letters
export TELLUS_TODAY=2026-03-20
T=$TELLUS
$T config set device_code K2 >/dev/null
$T config set authority_name "Anyshire County Council" >/dev/null
$T config set contact_address "County Hall, Glenfield, Anyshire AN3 8RA" >/dev/null
$T config set contact_phone "0116 232 3232" >/dev/null
$T config set contact_email "complaints@anyshire.gov.uk" >/dev/null
# Templates from this source tree, whatever is installed on the machine.
$T config set letters_dir "$TELLUS_ROOT/assets/letters" >/dev/null

# A complaint through every stage of a profile. Its dates: received,
# extended, responses and requests (one per stage after the first).
walk() { local profile=$1 proc=$2; shift 2
	$T config set profile_statutory "$profile" >/dev/null
	local r
	r=$($T log --kind complaint --procedure "$proc" --complainant parent --service Fostering \
		--received 2025-12-19 --complainant-name "Anna Nowak" --child-name "Zofia Nowak")
	$T extend "$r" --reason "three services are involved" --agreed-by "J Smith" --date 2025-12-22 >/dev/null
	$T respond "$r" --date 2026-01-20 --outcome partly_upheld >/dev/null
	$T request "$r" --stage 2 --date 2026-01-26 >/dev/null
	$T respond "$r" --stage 2 --date 2026-02-20 --outcome not_upheld >/dev/null
	if [ "$profile" = england_children ]; then
		$T request "$r" --stage 3 --date 2026-02-25 >/dev/null
		$T panel "$r" --date 2026-03-10 >/dev/null
		$T respond "$r" --stage 3 --date 2026-03-16 --outcome not_upheld >/dev/null
	fi
	echo "$r"
}

declare -A KINDS=(
	[england_children]="acknowledgement extension response stage2 stage3 ombudsman"
	[corporate]="acknowledgement extension response stage2 ombudsman"
	[scotland]="acknowledgement extension response stage2 ombudsman"
	[wales]="acknowledgement extension response stage2 ombudsman")
for profile in england_children corporate scotland wales; do
	proc=statutory
	[ $profile = corporate ] && proc=corporate
	[ $profile = corporate ] && $T config set profile_statutory england_children >/dev/null
	REF=$(walk $profile $proc)
	mkdir -p "$T_DIR/$profile"
	for kind in ${KINDS[$profile]}; do
		stage=
		case $kind in acknowledgement|extension|response) stage="--stage 1" ;; esac
		for v in "" .child; do
			child=
			[ -n "$v" ] && child=--child
			exts=txt
			[ $profile = england_children ] && exts="txt html"
			for ext in $exts; do
				out="$T_DIR/$profile/$kind$v.$ext"
				run letter "$REF" $kind $stage $child --out "$out"
				# The reference differs from run to run of the year's sequence: none here.
				if [ "${TELLUS_BLESS:-}" = 1 ]; then mkdir -p "$EXP/$profile"; cp "$out" "$EXP/$profile/"; fi
				if [ $T_RC -eq 0 ] && cmp -s "$out" "$EXP/$profile/$kind$v.$ext"; then
					t_ok "$profile: $kind$v.$ext is as expected"
				else
					t_fail "$profile: $kind$v.$ext is as expected" "exit $T_RC $(cat "$T_ERR")" \
						"$(diff "$EXP/$profile/$kind$v.$ext" "$out" 2>&1 | head -8)"
				fi
			done
		done
	done
	LAST_REF=$REF
done

E=$T_DIR/england_children
grep -q "aim to respond by 7 January 2026, which is 10 working days from 19 December 2025" "$E/acknowledgement.txt" &&
	grep -q "no later than 21 January 2026" "$E/acknowledgement.txt" &&
	t_ok "stage 1 dates over Christmas: 10 and 20 working days" || t_fail "stage 1 dates over Christmas: 10 and 20 working days" "$(cat "$E/acknowledgement.txt")"
grep -q "Please ask by 17 February 2026, which is 20 working days after our response" "$E/stage2.txt" &&
	t_ok "the stage 2 window: 20 working days after the response" || t_fail "the stage 2 window: 20 working days after the response"
grep -q "@page{size:A4" "$E/response.html" && grep -q "<p>Anyshire County Council<br>" "$E/response.html" &&
	grep -q "Telephone: 0116 232 3232" "$E/response.html" && grep -q "<h1>Our response to your complaint</h1>" "$E/response.html" &&
	t_ok "HTML prints on A4 with the council's name and contact" || t_fail "HTML prints on A4 with the council's name and contact"
same "a letter is written for its owner only" "$(stat -c %a "$E/response.html")" "600"
same "a copy of each letter is kept with its case" \
	"$(sqlite3 "$TELLUS_DB" "SELECT count(*) FROM letters l JOIN cases c ON c.id = l.case_id WHERE c.profile = 'england_children'")" "24"
run audit "$LAST_REF"
grep -qE "letter +$LAST_REF +ombudsman.child$" "$T_OUT" && t_ok "each letter is audited" || t_fail "each letter is audited" "$(tail -2 "$T_OUT")"

# Refused where the case is not where the letter says.
$T config set profile_statutory england_children >/dev/null
N=$($T log --kind complaint --complainant child --service Other --received 2026-03-16 --complainant-name "Ann <b>O'Neil</b> & Co")
h=$(db_hash)
refuses "no extension letter for a stage not extended" "stage 1 is not extended: no extension letter" letter "$N" extension --out "$T_DIR/x.txt"
refuses "no response letter before the response" "stage 1 has no response: no response letter" letter "$N" response --out "$T_DIR/x.txt"
refuses "no right to stage 2 while stage 1 is in time" "stage 1 has had no response and is within its limit: no stage2 letter yet" letter "$N" stage2 --out "$T_DIR/x.txt"
refuses "no Ombudsman letter before the last stage" "stage 2 of england_children comes first" letter "$N" ombudsman --out "$T_DIR/x.txt"
refuses "no stage 3 in Wales" "the wales procedure has no stage 3" letter "$REF" stage3 --out "$T_DIR/x.txt"
refuses "an unknown kind is refused" "KIND: 'thanks' is not one of acknowledgement, extension, response, stage2, stage3, ombudsman" letter "$N" thanks --out "$T_DIR/x.txt"
refuses "an output that is neither .html nor .txt is refused" "--out: '$T_DIR/x.pdf' must end in .html or .txt" letter "$N" acknowledgement --out "$T_DIR/x.pdf"
refuses "an unwritable output is refused" "cannot write" letter "$N" acknowledgement --out "$T_DIR/no/such/x.txt"
same "refused letters change nothing and leave no file" "$(db_hash) $(ls "$T_DIR"/x.* 2>/dev/null | wc -l)" "$h 0"

run letter "$N" acknowledgement --out "$T_DIR/n.html"
grep -q "Dear Ann &lt;b&gt;O&#39;Neil&lt;/b&gt; &amp; Co," "$T_DIR/n.html" && ! grep -q "<b>" "$T_DIR/n.html" &&
	t_ok "HTML escapes a name: no markup gets in" || t_fail "HTML escapes a name: no markup gets in" "$(grep Dear "$T_DIR/n.html")"

# An acknowledgement letter can record the acknowledgement too: under the
# LGSCO Code the clock runs from it (22 December 2025 + 10 working days,
# over Christmas and New Year: 8 January 2026).
A=$($T log --kind complaint --procedure corporate --complainant parent --service Fostering --received 2025-12-19)
refuses "--acknowledge only with an acknowledgement letter" "--acknowledge: only with an acknowledgement letter" \
	letter "$A" extension --acknowledge --out "$T_DIR/x.txt"
run --today 2025-12-22 letter "$A" acknowledgement --acknowledge --out "$T_DIR/ack.txt"
grep -q "aim to respond by 8 January 2026, which is 10 working days from 22 December 2025, the day we acknowledged it." "$T_DIR/ack.txt" &&
	t_ok "the letter records the acknowledgement and counts from it" ||
	t_fail "the letter records the acknowledgement and counts from it" "exit $T_RC $(cat "$T_ERR")" "$(grep 'aim to' "$T_DIR/ack.txt")"
run audit "$A"
grep -qE "acknowledge" "$T_OUT" && grep -qE "letter +$A +acknowledgement" "$T_OUT" &&
	t_ok "the acknowledgement and the letter are both audited" || t_fail "the acknowledgement and the letter are both audited" "$(cat "$T_OUT")"

# A council's own template, read at run time: no rebuild.
C=$T_DIR/council
mkdir -p "$C/common" "$C/wales"
printf 'Subject: We have your complaint\n\nDear {{dear}}, thank you. Reference {{ref}}.\n' >"$C/common/acknowledgement.txt"
printf 'Subject: Ein hymateb\n\n{{if upheld}}Upheld.{{else}}Not upheld ({{outcome}}).{{end}}\n' >"$C/wales/response.txt"
succeeds "letters_dir names the council's folder" config set letters_dir "$C"
run letter "$N" acknowledgement --out "$T_DIR/c.txt"
same "the council's template is used at once" "$(tail -1 "$T_DIR/c.txt")" "Dear Ann <b>O'Neil</b> & Co, thank you. Reference $N."
run letter "$REF" response --stage 2 --out "$T_DIR/w.txt"
same "a profile's own template in the council's folder" "$(tail -1 "$T_DIR/w.txt")" "Not upheld (not upheld)."
run letter "$REF" stage2 --out "$T_DIR/w2.txt"
cmp -s "$T_DIR/w2.txt" "$EXP/wales/stage2.txt" && t_ok "a template the council did not replace comes from the installed set" ||
	t_fail "a template the council did not replace comes from the installed set" "$(diff "$EXP/wales/stage2.txt" "$T_DIR/w2.txt" | head -5)"
printf 'Subject: x\n\nDear {{nmae}},\n' >"$C/common/extension.txt"
$T extend "$N" --reason "more time" --agreed-by "J Smith" >/dev/null
refuses "a template naming no field is refused with its file and line" "extension.txt:3: '\{\{nmae\}\}' names no field" \
	letter "$N" extension --out "$T_DIR/x.txt"
printf 'Subject: x\n{{if dear}}\nDear\n' >"$C/common/extension.txt"
refuses "an if without its end is refused" "extension.txt: an \{\{if\}\} has no \{\{end\}\}" letter "$N" extension --out "$T_DIR/x.txt"
