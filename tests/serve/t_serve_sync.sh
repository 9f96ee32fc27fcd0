#!/usr/bin/env bash
# t_serve_sync.sh - devices syncing with `tellus serve` over the network,
# real processes on loopback: a kiosk and an officer's device send their
# bundles with `tellus sync --register` and take the replies, over HTTP
# and over TLS with a CA made here; a certificate from another CA, a
# register that is away and a bundle the register refuses each say so in
# one line and change nothing on the device.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
KIOSK=$T_DIR/kiosk.db OFF=$T_DIR/officer.db
t() { "$TELLUS" --db "$1" "${@:2}"; }
waiting() { t "$1" sync status | sed -n 's/^waiting \([0-9]*\) moves.*/\1/p'; }

run config set device_code R1
succeeds "the register enrols a kiosk" device add K2 --name "Reception kiosk" --role kiosk --out "$T_DIR"
succeeds "and an officer's device" device add P3 --name "A Officer" --role officer --out "$T_DIR"
t "$KIOSK" device join "$T_DIR/K2.pair" >/dev/null && t "$OFF" device join "$T_DIR/P3.pair" >/dev/null \
	&& t_ok "both join" || t_fail "both join"
# Who acts (--as) is a member of staff in the file; the kiosk acts as the
# OS user, as it does with no staff.
printf '2468\n2468\n' | t "$OFF" staff add "A Officer" --role officer >/dev/null

UNSAFE=$(t "$KIOSK" log --kind complaint --complainant child --service "Children in Care" \
	--channel kiosk --unsafe --summary "I am scared at home tonight")
K1=$(t "$KIOSK" log --kind complaint --complainant child --service Fostering --channel kiosk \
	--summary "Nobody rang me back")
O1=$(t "$OFF" --as "A Officer" log --kind complaint --complainant child --service Fostering --on-behalf \
	--officer "A Officer" --channel mobile --summary "Moved school twice")
[ -n "$UNSAFE" ] && [ -n "$K1" ] && [ -n "$O1" ] && t_ok "records made on the devices" \
	|| t_fail "records made on the devices"

# The register away: one line, the records still waiting.
serve_start plain --listen 127.0.0.1:0
U=$SERVE_URL
serve_stop
before=$(waiting "$KIOSK")
refuses "a register that is away: one line, and what waits stays" \
	"register 'http://127.0.0.1:[0-9]+/sync' does not answer .*stays on this device" \
	--db "$KIOSK" sync --register "$U"
same "the kiosk's records still wait" "$(waiting "$KIOSK")" "$before"
refuses "a register URL that is not http(s)" "is not an http:// or https:// address" \
	--db "$KIOSK" sync --register "ftp://127.0.0.1/"
refuses "without a register, the way to give one" "--register: give the register's address" \
	--db "$KIOSK" sync
refuses "the register itself does not sync with a register" "has not joined a register" \
	sync --register "$U"

# Over HTTP: both devices, each bundle in and its reply back.
serve_start plain --listen 127.0.0.1:0
U=$SERVE_URL
run --db "$KIOSK" sync --register "$U"
if [ $T_RC -eq 0 ] && grep -q "sent moves 1 to .*the register has this device's moves up to" "$T_OUT"; then
	t_ok "the kiosk syncs over HTTP"
else t_fail "the kiosk syncs over HTTP" "$(cat "$T_OUT" "$T_ERR")"; fi
grep -q "1 safety records it has" "$T_OUT" && t_ok "the reply says the register has the safety record" \
	|| t_fail "the reply says the register has the safety record" "$(cat "$T_OUT")"
same "the kiosk marks the record told by the register" \
	"$(sqlite3 "$KIOSK" "SELECT how FROM safety_told")" "register"
same "nothing waits on the kiosk any more" "$(waiting "$KIOSK")" "0"
run list
grep -q "$UNSAFE" "$T_OUT" && grep -q "$K1" "$T_OUT" && t_ok "the register lists the kiosk's records" \
	|| t_fail "the register lists the kiosk's records" "$(cat "$T_OUT")"
if sqlite3 "$KIOSK" "SELECT summary FROM cases" | grep -q "scared"; then
	t_fail "the kiosk forgot the words the register has"
else t_ok "the kiosk forgot the words the register has"; fi
t "$OFF" config set register_url "$U" >/dev/null
succeeds "the officer's device syncs with its register_url setting" --db "$OFF" sync
run show "$O1"
grep -q "Moved school twice" "$T_OUT" && t_ok "the register has the officer's case" \
	|| t_fail "the register has the officer's case" "$(head -5 "$T_OUT")"
run --db "$KIOSK" sync --register "$U/sync"
grep -q "nothing waited to go" "$T_OUT" && t_ok "again with nothing waiting (the URL may end in /sync)" \
	|| t_fail "again with nothing waiting" "$(cat "$T_OUT" "$T_ERR")"
run check
[ $T_RC -eq 0 ] && t_ok "tellus check agrees at the register" || t_fail "tellus check agrees" "$(cat "$T_OUT" "$T_ERR")"
grep -qE ' POST /sync 200 ' "$SERVE_LOG" && t_ok "one log line a sync" || t_fail "one log line a sync" "$(cat "$SERVE_LOG")"
if grep -qE "scared|Moved school|$UNSAFE|$O1" "$SERVE_LOG"; then t_fail "the log holds no words or references"
else t_ok "the log holds no words or references"; fi

# A bundle the register does not take (a revoked device): one line, 409.
succeeds "the register revokes the officer's device" device revoke P3
t "$OFF" --as "A Officer" log --kind complaint --complainant parent --service Fostering \
	--officer "A Officer" --channel mobile --summary "After the revoke" >/dev/null
refuses "a revoked device is told in one line, in the register's words" \
	"/sync': bundle: P3 was revoked on .*kept for review in tellus conflicts" --db "$OFF" sync
run conflicts
grep -q "P3" "$T_OUT" && t_ok "its moves wait in the register's conflicts" || t_fail "its moves wait in the register's conflicts" "$(cat "$T_OUT")"
serve_stop

# Over TLS, with a CA made here; a certificate from another CA is refused.
ca() { openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
	-subj "/CN=$1" -keyout "$T_DIR/$1.key" -out "$T_DIR/$1.pem" >/dev/null 2>&1; }
ca TestCA && ca OtherCA
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" \
	-keyout "$T_DIR/srv.key" -out "$T_DIR/srv.csr" >/dev/null 2>&1
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >"$T_DIR/srv.ext"
openssl x509 -req -in "$T_DIR/srv.csr" -CA "$T_DIR/TestCA.pem" -CAkey "$T_DIR/TestCA.key" \
	-CAcreateserial -days 2 -extfile "$T_DIR/srv.ext" -out "$T_DIR/srv.pem" >/dev/null 2>&1
[ -s "$T_DIR/srv.pem" ] && t_ok "a test CA signs the register's certificate" || t_fail "a test CA signs the register's certificate"
serve_start tls --listen 127.0.0.1:0 --tls-cert "$T_DIR/srv.pem" --tls-key "$T_DIR/srv.key"
K3=$(t "$KIOSK" log --kind compliment --complainant parent --service Adoption --channel kiosk \
	--summary "The social worker listened")
before=$(waiting "$KIOSK")
refuses "a certificate from another CA is refused, in one line" \
	"register '$SERVE_URL/sync': its certificate is not trusted by --cacert .*OtherCA.pem.*nothing was sent" \
	--db "$KIOSK" sync --register "$SERVE_URL" --cacert "$T_DIR/OtherCA.pem"
same "and the records still wait" "$(waiting "$KIOSK")" "$before"
refuses "without --cacert, the machine's CAs do not know it" "not trusted by this machine: give the CA with --cacert" \
	--db "$KIOSK" sync --register "$SERVE_URL"
refuses "plain HTTP to the TLS port is refused" "does not answer|no secure connection|answered" \
	--db "$KIOSK" sync --register "${SERVE_URL/https:/http:}"
run --db "$KIOSK" sync --register "$SERVE_URL" --cacert "$T_DIR/TestCA.pem"
[ $T_RC -eq 0 ] && t_ok "over TLS with the test CA, the kiosk syncs" || t_fail "over TLS with the test CA, the kiosk syncs" "$(cat "$T_ERR")"
run show "$K3"
[ $T_RC -eq 0 ] && t_ok "the register has the record sent over TLS" || t_fail "the register has the record sent over TLS"
t "$KIOSK" config set register_url "$SERVE_URL" >/dev/null && t "$KIOSK" config set register_cacert "$T_DIR/TestCA.pem" >/dev/null
succeeds "the settings register_url and register_cacert serve the same" --db "$KIOSK" sync
serve_stop
