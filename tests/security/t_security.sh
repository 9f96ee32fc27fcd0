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
