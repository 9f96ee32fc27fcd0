# lib.sh - helpers for end-to-end tests of the real `tellus` binary.
# Each check prints one TAP line ("ok N - name" / "not ok N - name").
# Every script gets a fresh temporary folder and database.
set -u
: "${TELLUS:?TELLUS must name the built tellus binary}"
T_DIR=$(mktemp -d)
trap 'rm -rf "$T_DIR"' EXIT
export TELLUS_DB="$T_DIR/tellus.db"
export TELLUS_TODAY=${TELLUS_TODAY:-2026-01-15}
T_N=0
T_OUT="$T_DIR/out" T_ERR="$T_DIR/err"

t_ok() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
t_fail() { T_N=$((T_N + 1)); echo "not ok $T_N - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# run CMD...: runs tellus with the arguments; output in $T_OUT, $T_ERR, rc in $T_RC.
run() { "$TELLUS" "$@" >"$T_OUT" 2>"$T_ERR"; T_RC=$?; }

# succeeds NAME ARGS...: tellus exits 0.
succeeds() { local n=$1; shift; run "$@"
	if [ $T_RC -eq 0 ]; then t_ok "$n"; else t_fail "$n" "exit $T_RC: $(head -c 300 "$T_ERR")"; fi; }
# prints NAME EXPECTED ARGS...: tellus exits 0 and prints exactly EXPECTED.
prints() { local n=$1 want=$2; shift 2; run "$@"
	if [ $T_RC -eq 0 ] && [ "$(cat "$T_OUT")" = "$want" ]; then t_ok "$n"
	else t_fail "$n" "exit $T_RC" "want: $want" "got:  $(head -c 300 "$T_OUT")" "err:  $(head -c 300 "$T_ERR")"; fi; }
# refuses NAME PATTERN ARGS...: tellus exits non-zero, says one line matching PATTERN.
refuses() { local n=$1 pat=$2; shift 2; run "$@"
	if [ $T_RC -ne 0 ] && [ "$(wc -l <"$T_ERR")" -eq 1 ] && grep -qE -- "$pat" "$T_ERR"; then t_ok "$n"
	else t_fail "$n" "exit $T_RC" "want one line matching: $pat" "got: $(head -c 300 "$T_ERR")"; fi; }
# has NAME PATTERN ARGS...: tellus ARGS succeeds and prints a line matching PATTERN.
has() { local n=$1 pat=$2; shift 2; run "$@"
	if [ $T_RC -eq 0 ] && grep -qE -- "$pat" "$T_OUT"; then t_ok "$n"
	else t_fail "$n" "exit $T_RC" "want a line matching: $pat" "got: $(cat "$T_OUT" "$T_ERR")"; fi; }
# lacks NAME PATTERN ARGS...: tellus ARGS succeeds and prints no line matching PATTERN.
lacks() { local n=$1 pat=$2; shift 2; run "$@"
	if [ $T_RC -eq 0 ] && ! grep -qE -- "$pat" "$T_OUT"; then t_ok "$n"
	else t_fail "$n" "exit $T_RC" "want no line matching: $pat" "got: $(cat "$T_OUT" "$T_ERR")"; fi; }
# same NAME A B: two strings are equal.
same() { if [ "$2" = "$3" ]; then t_ok "$1"; else t_fail "$1" "want: $3" "got:  $2"; fi; }
# db_hash: a digest of every table's content, to show nothing changed.
db_hash() { sqlite3 "$TELLUS_DB" .dump | sha256sum | cut -c1-16; }
