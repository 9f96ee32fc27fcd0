# serve_lib.sh - running a real `tellus serve` in a test: on a port the
# system picks (--listen 127.0.0.1:0; the port is read from the first
# log line), stopped with SIGTERM. Loopback only. Source after lib.sh.

# serve_start NAME ARGS...: starts `tellus serve ARGS` in the background;
# sets SERVE_PID, SERVE_LOG, SERVE_PORT, SERVE_URL (the scheme, host and
# port). Fails the test when it does not say where it listens in 20 s.
serve_start() {
	local name=$1; shift
	SERVE_LOG="$T_DIR/serve-$name.log"
	"$TELLUS" serve "$@" >"$SERVE_LOG" 2>"$SERVE_LOG.err" &
	SERVE_PID=$!
	SERVE_URL=""
	for _ in $(seq 200); do
		SERVE_URL=$(sed -n 's|^tellus serve: listening on \(https*://[^/]*\)/.*|\1|p' "$SERVE_LOG" | head -1)
		[ -n "$SERVE_URL" ] && break
		kill -0 "$SERVE_PID" 2>/dev/null || break
		sleep 0.1
	done
	SERVE_PORT=${SERVE_URL##*:}
	if [ -n "$SERVE_URL" ]; then t_ok "serve ($name) listens on a free port ($SERVE_PORT)"
	else t_fail "serve ($name) listens on a free port" "$(cat "$SERVE_LOG" "$SERVE_LOG.err" | head -5)"; fi
}

# serve_stop: SIGTERM, then it must exit 0 by itself, saying it stops.
serve_stop() {
	local rc
	kill -TERM "$SERVE_PID" 2>/dev/null
	for _ in $(seq 200); do kill -0 "$SERVE_PID" 2>/dev/null || break; sleep 0.1; done
	wait "$SERVE_PID"; rc=$?
	if [ $rc -eq 0 ] && grep -q 'SIGTERM: stopping' "$SERVE_LOG"; then t_ok "serve stops cleanly on SIGTERM"
	else t_fail "serve stops cleanly on SIGTERM" "exit $rc" "$(tail -3 "$SERVE_LOG.err")"; fi
}

# fetch NAME CURL-ARGS...: one request; headers in $T_DIR/NAME.h, body in
# $T_DIR/NAME.html, the status in $CODE.
fetch() {
	local name=$1; shift
	CODE=$(curl -s -o "$T_DIR/$name.html" -D "$T_DIR/$name.h" -w '%{http_code}' "$@")
}

# headers_ok NAME: every answer carries the same safety headers.
headers_ok() {
	local h="$T_DIR/$1.h" missing=""
	grep -qi '^Cache-Control: no-store' "$h" || missing+=" cache-control"
	grep -qi "^Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'.*form-action 'self'; frame-ancestors 'none'" "$h" || missing+=" csp"
	grep -qi '^X-Frame-Options: DENY' "$h" || missing+=" x-frame-options"
	grep -qi '^Referrer-Policy: no-referrer' "$h" || missing+=" referrer-policy"
	grep -qi '^X-Content-Type-Options: nosniff' "$h" || missing+=" nosniff"
	if [ -z "$missing" ]; then t_ok "$1: the safety headers"
	else t_fail "$1: the safety headers" "missing:$missing"; fi
}

# status NAME WANT: the last fetch answered WANT, with the safety headers.
status() {
	same "$1: status $2" "$CODE" "$2"
	headers_ok "$1"
}

# serve_page_setup: what the tracking page tests share: ART, a folder for
# their pictures and pages, and the authority's name and phone, which the
# page shows.
serve_page_setup() {
	ART=${TELLUS_BUILD:-$T_DIR}/test-artefacts/serve
	mkdir -p "$ART"
	run config set authority_name "Anyshire County Council"
	run config set contact_phone "01234 567890"
}
