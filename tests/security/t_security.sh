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
	code=$(sed -n 's/^Tracking code: *//p' "$T_DIR/keep.txt")
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
