#!/usr/bin/env bash
# serve.sh BUILD - the tracking page under load: wrk with 50 clients for a
# few seconds, five runs, against `tellus serve` answering a right
# reference and code (the Argon2id check, the case read, the page built)
# and against the same libmicrohttpd set-up answering the same page from
# memory (bench_serve_static). Prints bench rows (figure, median, unit,
# compared with, its median, unit, note): requests a second and p99
# latency. Loopback only; each run stops by itself.
set -u
BUILD=$(cd "${1:-build}" && pwd)
TELLUS=$BUILD/tellus STATIC=$BUILD/bench/bench_serve_static
RUNS=${BENCH_SERVE_RUNS:-5} SECONDS_EACH=${BENCH_SERVE_SECONDS:-5} CLIENTS=50
T=$(mktemp -d)
trap 'kill $PIDS 2>/dev/null; rm -rf "$T"' EXIT
PIDS=""
command -v wrk >/dev/null || { printf 'tracking page, %d clients\tn/a\trequests/s\t-\tn/a\t\tn/a (wrk is not installed)\n' $CLIENTS; exit 0; }

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

# wrk's requests a second and 99th percentile latency (ms), one line a run.
load() { # url
	for _ in $(seq "$RUNS"); do
		wrk -t2 -c$CLIENTS -d"${SECONDS_EACH}s" --latency "$1" 2>/dev/null | awk '
			/Requests\/sec/ { rps = $2 }
			/^ +99%/ { v = $2; ms = v + 0; if (v ~ /us$/) ms /= 1000; else if (v ~ /[^m]s$/) ms *= 1000; p99 = ms }
			/Non-2xx/ { bad = $NF }
			END { printf "%s %s %d\n", rps, p99, bad }'
	done
}
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "n/a" }'; }
span() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

start "$T/serve.log" "$TELLUS" serve --listen 127.0.0.1:0 || { echo "bench serve: tellus serve did not start" >&2; exit 1; }
curl -s -o "$T/page.html" "$URL/track?ref=$REF&code=${CODE/-/}"
load "$URL/track?ref=$REF&code=${CODE/-/}" >"$T/page.txt"
start "$T/static.log" "$STATIC" "$T/page.html" || { echo "bench serve: the static server did not start" >&2; exit 1; }
load "$URL/page.html" >"$T/static.txt"

bad=$(awk '{ s += $3 } END { print s + 0 }' "$T/page.txt")
note="$CLIENTS clients, $RUNS runs of ${SECONDS_EACH}s, median (min-max page: rps $(cut -d' ' -f1 "$T/page.txt" | span), p99 $(cut -d' ' -f2 "$T/page.txt" | span) ms; static: rps $(cut -d' ' -f1 "$T/static.txt" | span)); non-2xx $bad"
printf 'tracking page (right code), %d clients\t%s\trequests/s\tthe same server, a static file\t%s\trequests/s\t%s\n' \
	$CLIENTS "$(cut -d' ' -f1 "$T/page.txt" | median)" "$(cut -d' ' -f1 "$T/static.txt" | median)" "$note"
printf 'tracking page (right code), %d clients, p99\t%s\tms\tthe same server, a static file, p99\t%s\tms\t%s\n' \
	$CLIENTS "$(cut -d' ' -f2 "$T/page.txt" | median)" "$(cut -d' ' -f2 "$T/static.txt" | median)" "wrk --latency"
