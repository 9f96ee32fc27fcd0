#!/usr/bin/env bash
# t_serve_lang.sh - the tracking page in the family's language (SPEC 13):
# chosen by the link's lang= (the kiosk's QR carries the visit's), else by
# the browser's Accept-Language, else English; Polish and Arabic pages in
# their own words and dates, Arabic right to left; links to every other
# language (no script), the form keeping its language through a POST;
# still self-contained, under 30 KB, and clean under axe-core.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/serve_lib.sh"
. "$(dirname "$0")/../lib/axe.sh"
serve_page_setup
run log --kind complaint --complainant child --service Fostering --received 2026-01-12 \
	--summary "Nobody rang back"
REF=$(cat "$T_OUT")
run receipt "$REF" --out "$T_DIR/r.txt"
CODE1=$(sed -n 's/^[A-Za-z ]*code: \([0-9A-Z-]*\)$/\1/p' "$T_DIR/r.txt")
serve_start lang --listen 127.0.0.1:0
U=$SERVE_URL/track
Q="ref=$REF&code=${CODE1/-/}"

says() { # NAME PAGE TEXT...: the page holds every TEXT
	local name=$1 page=$2 miss=""; shift 2
	for w in "$@"; do grep -qF -- "$w" "$T_DIR/$page.html" || miss+=" [$w]"; done
	if [ -z "$miss" ]; then t_ok "$name"; else t_fail "$name" "missing:$miss" "$(head -c 300 "$T_DIR/$page.html")"; fi
}
lacks() { # NAME PAGE TEXT...: the page holds none of them
	local name=$1 page=$2 hit=""; shift 2
	for w in "$@"; do grep -qF -- "$w" "$T_DIR/$page.html" && hit+=" [$w]"; done
	if [ -z "$hit" ]; then t_ok "$name"; else t_fail "$name" "found:$hit"; fi
}

fetch pl "$U?$Q&lang=pl"
status pl 200
says "lang=pl: the page is in Polish, its date in Polish words" pl '<html lang="pl">' \
	"Twoja skarga" "Numer sprawy <bdi>$REF</bdi>" "Na jakim etapie jest teraz" "poniedziałek, 26 stycznia 2026" \
	"Co możesz zrobić"
lacks "lang=pl: no English sentence is left" pl "Your complaint" "Where it is now" \
	"What you can do" "Monday"

fetch ar -H "Accept-Language: ar-SA,ar;q=0.9,en;q=0.5" "$U?$Q"
status ar 200
says "Accept-Language ar: the page is in Arabic, right to left" ar '<html lang="ar" dir="rtl">' \
	"شكواك" "الرقم المرجعي <bdi>$REF</bdi>" "ما يمكنك فعله"
lacks "Accept-Language ar: no English sentence is left" ar "Your complaint" "What you can do"

fetch acc -H "Accept-Language: fr-FR, de;q=0.9, pl;q=0.8, cy;q=0.7" "$U?$Q"
says "Accept-Language: the most wanted language Tellus has (pl over cy; fr and de it has not)" \
	acc '<html lang="pl">'
fetch asked -H "Accept-Language: pl" "$U?$Q&lang=cy"
says "lang= in the link wins over Accept-Language" asked '<html lang="cy">' "Dy gwyn"
fetch unknown -H "Accept-Language: xx, fr" "$U?$Q&lang=zz"
says "an unknown language: English" unknown '<html lang="en">' "Your complaint"

# Every other language is a link by its own name, back to this case.
n=0
for l in en cy ro pa ur pt es ar bn gu; do
	grep -qF "hreflang=\"$l\" href=\"/track?lang=$l&amp;ref=$REF&amp;code=${CODE1/-/}\"" \
		"$T_DIR/pl.html" && n=$((n + 1))
done
same "the Polish page links the other 10 languages, to this case again" "$n" 10
says "its own language is named, not linked" pl '<li lang="pl" dir="ltr"><span>Polski</span>' \
	'<li lang="ar" dir="rtl"><a hreflang="ar"'

# The form keeps its language: a hidden field, read back from the POST.
fetch formar "$U?lang=ar"
says "the form in Arabic keeps its language for the POST" formar \
	'<input type="hidden" name="lang" value="ar">' '<html lang="ar" dir="rtl">'
fetch postar -X POST --data-urlencode "ref=$REF" --data-urlencode "code=$CODE1" \
	--data-urlencode "lang=ar" "$U"
status postar 200
says "the case page after the Arabic form is in Arabic" postar '<html lang="ar" dir="rtl">' "شكواك"
lacks "and its language links do not carry the typed code" postar "code=${CODE1/-/}"
fetch err404 -H "Accept-Language: pl" "$SERVE_URL/nothing"
same "an error page in the browser's language: 404" "$CODE" 404
says "an error page in the browser's language" err404 '<html lang="pl">' "Nie ma tu żadnej strony."

for p in pl ar; do
	size=$(wc -c <"$T_DIR/$p.html")
	[ "$size" -lt 30720 ] && t_ok "the $p page is under 30 KB ($size bytes)" || t_fail "the $p page is under 30 KB" "$size bytes"
	if grep -qiE '<script|<link|<img|<iframe|src=|@import|url\(' "$T_DIR/$p.html"; then
		t_fail "the $p page is self-contained"
	else t_ok "the $p page is self-contained (no script, no external file)"; fi
	cp "$T_DIR/$p.html" "$ART/lang-$p.html"
	if axe_check "$T_DIR/$p.html" "$ART/axe-lang-$p.json" 360x740; then t_ok "axe-core: no violation on the $p page"
	else t_fail "axe-core: no violation on the $p page" "$(head -c 600 "$ART/axe-lang-$p.json")"; fi
	axe_shot "$T_DIR/$p.html" "$ART/lang-$p-360x740.png" 360x740 && t_ok "screenshot $ART/lang-$p-360x740.png" \
		|| t_fail "screenshot of the $p page"
done
serve_stop
