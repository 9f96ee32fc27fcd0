#!/usr/bin/env bash
# t_serve.sh - `tellus serve` end to end with real processes on loopback:
# the tracking page for a right code, the same neutral page for every
# mismatch, wrong tries slowed then refused (429), only two paths, the
# safety headers on every answer, bodies limited, a receipt's QR leading
# to the page, the page in headless Chromium checked with axe-core, TLS
# with a self-signed certificate, and a clean stop on SIGTERM.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
. "$(dirname "$0")/../lib/axe.sh"
serve_page_setup
run config set contact_email "complaints@anyshire.example"
run log --kind complaint --complainant child --service Fostering --received 2026-01-12 \
	--summary "Nobody rang back"
REF=$(cat "$T_OUT")
run log --kind complaint --complainant parent --service Adoption --received 2026-01-13
REF2=$(cat "$T_OUT")
run receipt "$REF" --out "$T_DIR/r.txt"
CODE1=$(sed -n 's/^[A-Za-z ]*code: \([0-9A-Z-]*\)$/\1/p' "$T_DIR/r.txt")
run receipt "$REF2" --out "$T_DIR/r2.txt"
CODE2=$(sed -n 's/^[A-Za-z ]*code: \([0-9A-Z-]*\)$/\1/p' "$T_DIR/r2.txt")
# A reference with the right shape and check character that names no case here.
"$TELLUS" --db "$T_DIR/other.db" config set device_code Q9 >/dev/null
"$TELLUS" --db "$T_DIR/other.db" log --kind complaint --complainant child --service X \
	--received 2026-01-12 >/dev/null
UNKNOWN=$("$TELLUS" --db "$T_DIR/other.db" log --kind complaint --complainant child \
	--service X --received 2026-01-12)
TYPO="${REF%?}$( [ "${REF: -1}" = 7 ] && echo 8 || echo 7)"
WRONG_CODE=33333-44444

serve_start plain --listen 127.0.0.1:0 --proxy 127.0.0.1
U=$SERVE_URL

# The page a right reference and code reach (the QR's link): 200, the
# reference and the reply-by date in words, self-contained and small.
fetch right "$U/track?ref=$REF&code=${CODE1/-/}"
status right 200
grep -q "Reference <bdi>$REF</bdi>" "$T_DIR/right.html" && grep -q "Monday 26 January 2026" "$T_DIR/right.html" \
	&& t_ok "the page shows the reference and the reply-by date" \
	|| t_fail "the page shows the reference and the reply-by date" "$(head -c 400 "$T_DIR/right.html")"
grep -q "Anyshire County Council" "$T_DIR/right.html" && grep -q 'href="tel:01234567890"' "$T_DIR/right.html" \
	&& grep -q "Ombudsman" "$T_DIR/right.html" && grep -q "advocate" "$T_DIR/right.html" \
	&& t_ok "the page says what they can do next and how to reach the council" \
	|| t_fail "the page says what they can do next and how to reach the council"
size=$(wc -c <"$T_DIR/right.html")
[ "$size" -lt 30720 ] && t_ok "the page is under 30 KB ($size bytes)" || t_fail "the page is under 30 KB" "$size bytes"
if grep -qiE '<script|<link|<img|<iframe|src=|@import|url\(' "$T_DIR/right.html"; then
	t_fail "the page is self-contained" "$(grep -oiE '<script|<link|<img|<iframe|src=|@import|url\(' "$T_DIR/right.html" | head -3)"
else t_ok "the page is self-contained (no script, no external file)"; fi
grep -q '<html lang="en">' "$T_DIR/right.html" && grep -q 'name="viewport"' "$T_DIR/right.html" \
	&& t_ok "the page has a language and a mobile viewport" || t_fail "the page has a language and a mobile viewport"

# The form: without a query, and typed references and codes forgiven.
fetch form "$U/track"
status form 200
grep -q '<form method="post" action="/track">' "$T_DIR/form.html" && grep -q '<label for="ref">' "$T_DIR/form.html" \
	&& grep -q '<label for="code">' "$T_DIR/form.html" \
	&& t_ok "without a query: a form to type reference and code" || t_fail "without a query: a form"
typed_ref=$(printf '%s' "$REF" | tr 'A-Z01' 'a-zol' | tr -d '-')
typed_code=$(printf '%s' "$CODE1" | tr 'A-Z' 'a-z' | tr -d '-')
fetch typed -d "ref=$typed_ref&code=$typed_code" "$U/track"
status typed 200
grep -q "Reference <bdi>$REF</bdi>" "$T_DIR/typed.html" \
	&& t_ok "typed in lower case, with o and l and no hyphens: found" \
	|| t_fail "typed in lower case, with o and l and no hyphens: found" "$typed_ref $typed_code"

# Every mismatch: one neutral page (the same but for the reference echoed).
neutral() { sed 's/ value="[^"]*"//' "$T_DIR/$1.html"; }
fetch wrongcode "$U/track?ref=$REF&code=$WRONG_CODE"
status wrongcode 200
fetch typo "$U/track?ref=$TYPO&code=$WRONG_CODE"
status typo 200
fetch unknown "$U/track?ref=$UNKNOWN&code=$WRONG_CODE"
status unknown 200
fetch garbage --get --data-urlencode "ref=<b>hello</b>" --data-urlencode "code=x" "$U/track"
status garbage 200
grep -q "We could not find a complaint with that reference and secret code" "$T_DIR/wrongcode.html" \
	&& ! grep -q "Reference <bdi>$REF</bdi>" "$T_DIR/wrongcode.html" \
	&& t_ok "a wrong code gets the neutral page" || t_fail "a wrong code gets the neutral page"
same "a typo'd reference gets the same page" "$(neutral typo | sha256sum)" "$(neutral wrongcode | sha256sum)"
same "an unknown reference gets the same page" "$(neutral unknown | sha256sum)" "$(neutral wrongcode | sha256sum)"
same "anything else typed gets the same page" "$(neutral garbage | sha256sum)" "$(neutral wrongcode | sha256sum)"
grep -q 'value="&lt;b&gt;hello&lt;/b&gt;"' "$T_DIR/garbage.html" && t_ok "what was typed comes back escaped" \
	|| t_fail "what was typed comes back escaped" "$(grep -o 'value="[^"]*"' "$T_DIR/garbage.html" | head -2)"

# Only two paths; other methods and big bodies refused.
fetch nopath "$U/track/more"
status nopath 404
fetch root "$U/"
status root 404
fetch method -X DELETE "$U/track"
status method 405
grep -qi '^Allow: GET, POST' "$T_DIR/method.h" && t_ok "405 says which methods are allowed" || t_fail "405 says which methods are allowed"
fetch syncget "$U/sync"
status syncget 405
head -c 5000 /dev/zero | tr '\0' 'a' >"$T_DIR/big"
fetch big --data-binary @"$T_DIR/big" "$U/track"
status big 413
fetch bigchunked -H 'Transfer-Encoding: chunked' --data-binary @"$T_DIR/big" "$U/track"
status bigchunked 413
fetch syncform --data-binary "bundle" "$U/sync"
status syncform 415
fetch sync -H "Content-Type: application/octet-stream" --data-binary "bundle" "$U/sync"
status sync 400
[ "$(wc -l <"$T_DIR/sync.html")" = 1 ] && grep -q "^bundle: not a Tellus bundle" "$T_DIR/sync.html" \
	&& t_ok "a bundle that is not one is refused in one line" \
	|| t_fail "a bundle that is not one is refused in one line" "$(head -c 300 "$T_DIR/sync.html")"

# 50 wrong tries from one address: slowed, then refused with 429 from some
# point on, and then even a right code from there is refused.
first429=0 after_ok=1
for i in $(seq 50); do
	c=$(curl -s --interface 127.0.0.2 -o /dev/null -D "$T_DIR/try.h" -w '%{http_code}' \
		"$U/track?ref=$REF&code=$WRONG_CODE")
	if [ "$c" = 429 ] && [ $first429 -eq 0 ]; then first429=$i; cp "$T_DIR/try.h" "$T_DIR/refused.h"; fi
	[ $first429 -gt 0 ] && [ "$c" != 429 ] && after_ok=0
done
if [ $first429 -gt 3 ] && [ $after_ok -eq 1 ]; then t_ok "50 wrong tries: 429 from try $first429 on"
else t_fail "50 wrong tries: 429 from some point on" "first 429 at $first429, all after: $after_ok"; fi
headers_ok refused
grep -qi '^Retry-After: [0-9]' "$T_DIR/refused.h" && t_ok "429 says when to try again" || t_fail "429 says when to try again"
fetch refusedright --interface 127.0.0.2 "$U/track?ref=$REF2&code=$CODE2"
same "a refused address is refused even with a right code" "$CODE" "429"
curl -s --interface 127.0.0.2 -o "$T_DIR/wait.html" "$U/track?ref=$REF&code=$WRONG_CODE"
fetch stillright "$U/track?ref=$REF2&code=$CODE2"
same "other addresses still get their page" "$CODE" "200"

# Behind the proxy (--proxy 127.0.0.1) the client is the one it forwards for.
fetch proxied -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.7' "$U/track?ref=$REF&code=$WRONG_CODE"
status proxied 200
grep -q ' 203.0.113.7 GET /track 200 ' "$SERVE_LOG" && t_ok "behind the proxy, the log names the forwarded client" \
	|| t_fail "behind the proxy, the log names the forwarded client" "$(tail -2 "$SERVE_LOG")"

# Audited without the code; logged without codes, references or queries.
run audit
if grep -q "track_failed.*did not match (from 127.0.0.1)" "$T_OUT" && grep -q "track_refused" "$T_OUT" &&
	grep -q "track_failed.*did not match (from 203.0.113.7)" "$T_OUT" &&
	! grep -q "$WRONG_CODE" "$T_OUT" && ! grep -q "${CODE1}" "$T_OUT"; then
	t_ok "wrong tries and the refusal are audited, without the code"
else t_fail "wrong tries and the refusal are audited, without the code" "$(grep track "$T_OUT" | head -3)"; fi
if grep -qE "$REF|$REF2|${CODE1/-/}|$CODE1|$WRONG_CODE|\?|code=|hello" "$SERVE_LOG"; then
	t_fail "the log holds no code, reference or query" "$(grep -E "$REF|\?|code=" "$SERVE_LOG" | head -2)"
else t_ok "the log holds no code, reference or query"; fi
n_req=$(grep -cE '^[0-9T:-]+Z [0-9.]+ (GET|POST|OTHER) (/track|/sync|-) [0-9]{3} ' "$SERVE_LOG")
[ "$n_req" -ge 60 ] && t_ok "one log line a request ($n_req)" || t_fail "one log line a request" "$n_req"

# The receipt tells the truth: without receipt_url no scanning to check;
# with it, the QR leads to this page.
if grep -qiE 'scan|online|http' "$T_DIR/r.txt"; then t_fail "without receipt_url the receipt offers no online check" "$(cat "$T_DIR/r.txt")"
else t_ok "without receipt_url the receipt offers no online check"; fi
run config set receipt_url "$U/track"
run receipt "$REF2" --out "$T_DIR/r2.png"
LINK=$(zbarimg --raw -q -Sbinary "$T_DIR/r2.png" 2>/dev/null)
CODE2=${LINK##*code=}   # a receipt issued again: the old code no longer works
fetch qr "$LINK"
if [ "$CODE" = 200 ] && grep -q "Reference <bdi>$REF2</bdi>" "$T_DIR/qr.html"; then t_ok "the receipt's QR leads to this page"
else t_fail "the receipt's QR leads to this page" "$LINK -> $CODE"; fi

# The pages in headless Chromium: screenshots kept, axe-core finds nothing.
for p in right form wrongcode wait; do
	[ -f "$T_DIR/$p.html" ] || continue
	if axe_check "$T_DIR/$p.html" "$ART/axe-$p.json" 360x740; then t_ok "axe-core: no violation on the $p page"
	else t_fail "axe-core: no violation on the $p page" "$(head -c 600 "$ART/axe-$p.json")"; fi
done
for s in 360x740 1280x800; do
	for p in right form; do
		axe_shot "$T_DIR/$p.html" "$ART/$p-$s.png" "$s" && t_ok "screenshot $ART/$p-$s.png" \
			|| t_fail "screenshot of the $p page at $s"
	done
done
w=$(page_width "$T_DIR/right.html" 320)
[ "${w:-999}" -le 320 ] && t_ok "readable at 320 px: nothing wider than the screen ($w px)" || t_fail "readable at 320 px: nothing wider than the screen" "$w px"
serve_stop

# TLS with a self-signed certificate, on the path of receipt_url.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
	-subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
	-keyout "$T_DIR/key.pem" -out "$T_DIR/cert.pem" >/dev/null 2>&1
run config set receipt_url "https://127.0.0.1/complaints/check?x=1"
refuses "--tls-cert alone is refused" "--tls-cert: needs --tls-key" serve --listen 127.0.0.1:0 --tls-cert "$T_DIR/cert.pem"
refuses "a file that is not PEM is refused" "--tls-key: .* is not a PEM file" serve --listen 127.0.0.1:0 \
	--tls-cert "$T_DIR/cert.pem" --tls-key "$T_DIR/r.txt"
refuses "a bad address is refused" "--listen: 'nowhere' is not HOST:PORT" serve --listen nowhere
serve_start tls --listen 127.0.0.1:0 --tls-cert "$T_DIR/cert.pem" --tls-key "$T_DIR/key.pem"
case "$SERVE_URL" in https://*) t_ok "the TLS service says https";; *) t_fail "the TLS service says https" "$SERVE_URL";; esac
fetch tls --cacert "$T_DIR/cert.pem" "$SERVE_URL/complaints/check?ref=$REF2&code=${CODE2}"
status tls 200
grep -q "Reference <bdi>$REF2</bdi>" "$T_DIR/tls.html" && t_ok "over TLS, on the path of receipt_url: the page" \
	|| t_fail "over TLS, on the path of receipt_url: the page"
grep -qi '^Strict-Transport-Security: max-age=' "$T_DIR/tls.h" && t_ok "over TLS: Strict-Transport-Security" \
	|| t_fail "over TLS: Strict-Transport-Security"
fetch tlsold --cacert "$T_DIR/cert.pem" "$SERVE_URL/track"
same "over TLS, /track is not the path any more" "$CODE" "404"
plain=${SERVE_URL/https:/http:}
curl -s -m 10 -o /dev/null "$plain/complaints/check"; rc=$?
[ $rc -ne 0 ] && t_ok "plain HTTP to the TLS port fails (curl exit $rc)" || t_fail "plain HTTP to the TLS port fails"
curl -s -m 10 -o /dev/null "$SERVE_URL/complaints/check"; rc=$?
[ $rc -ne 0 ] && t_ok "an unknown certificate is not trusted (curl exit $rc)" || t_fail "an unknown certificate is not trusted"
serve_stop
