#!/usr/bin/env bash
# serve.sh BUILD - the tracking page under load: wrk with 50 clients for a
# few seconds, five runs, against `tellus serve` answering a right
# reference and code (the Argon2id check, the case read, the page built)
# and against the same libmicrohttpd set-up answering the same page from
# memory (bench_serve_static), the two loaded in turn. Prints bench rows
# (bench/lib.sh): the time a request costs under that load (one over the
# requests a second) and the p99 latency. Loopback only; each run stops
# by itself.
set -u
BUILD=$(cd "${1:-build}" && pwd)
. "$(dirname "$0")/lib.sh"
TELLUS=$BUILD/tellus STATIC=$BUILD/bench/bench_serve_static
RUNS=${BENCH_SERVE_RUNS:-5} SECONDS_EACH=${BENCH_SERVE_SECONDS:-5} CLIENTS=50
T=$(mktemp -d)
trap 'kill $PIDS 2>/dev/null; rm -rf "$T"' EXIT
PIDS=""
command -v wrk >/dev/null || { bench_na "tracking page, $CLIENTS clients" "us/request" - "wrk is not installed"; exit 0; }

export TELLUS_DB=$T/bench.db TELLUS_TODAY=2026-01-15
"$TELLUS" config set authority_name "Anyshire County Council" >/dev/null
REF=$("$TELLUS" log --kind complaint --complainant child --service Fostering --received 2026-01-12)
"$TELLUS" receipt "$REF" --out "$T/r.txt" >/dev/null
CODE=$(sed -n 's/^[A-Za-z ]*code: \([0-9A-Z-]*\)$/\1/p' "$T/r.txt")

start() { # log command...: sets URL once the server says where it listens
	"${@:2}" >"$1" 2>&1 &
	PIDS="$PIDS $!"
	URL=""
	for _ in $(seq 100); do
		URL=$(sed -n 's|.*listening on \(http://[^/]*\).*|\1|p' "$1" | head -1)
		[ -n "$URL" ] && return 0
		sleep 0.1
	done
	return 1
}

# wrk's requests a second and 99th percentile latency (ms) of one run.
load() { # url
		wrk -t2 -c$CLIENTS -d"${SECONDS_EACH}s" --latency "$1" 2>/dev/null | awk '
			/Requests\/sec/ { rps = $2 }
			/^ +99%/ { v = $2; ms = v + 0; if (v ~ /us$/) ms /= 1000; else if (v ~ /[^m]s$/) ms *= 1000; p99 = ms }
			/Non-2xx/ { bad = $NF }
			END { printf "%s %s %d\n", rps, p99, bad }'
}

start "$T/serve.log" "$TELLUS" serve --listen 127.0.0.1:0 || { echo "bench serve: tellus serve did not start" >&2; exit 1; }
PAGE="$URL/track?ref=$REF&code=${CODE/-/}"
curl -s -o "$T/page.html" "$PAGE"
start "$T/static.log" "$STATIC" "$T/page.html" || { echo "bench serve: the static server did not start" >&2; exit 1; }
: >"$T/page.txt"; : >"$T/static.txt"
for _ in $(seq "$RUNS"); do
	load "$PAGE" >>"$T/page.txt"
	load "$URL/page.html" >>"$T/static.txt"
done

bad=$(awk '{ s += $3 } END { print s + 0 }' "$T/page.txt")
note="$CLIENTS clients, $RUNS runs of ${SECONDS_EACH}s a side, alternated; non-2xx $bad"
per() { awk '$1 > 0 { print 1e6 / $1 }' "$1" | bench_stats; }
bench_row "tracking page (right code), $CLIENTS clients" "$(per "$T/page.txt")" "us/request" \
	"the same server, a static file" "$(per "$T/static.txt")" "$note; 1 / requests a second"
bench_row "tracking page (right code), $CLIENTS clients, p99" "$(cut -d' ' -f2 "$T/page.txt" | bench_stats)" \
	ms "the same server, a static file, p99" "$(cut -d' ' -f2 "$T/static.txt" | bench_stats)" "$note; wrk --latency"
