# axe.sh - accessibility checks of a page with axe-core in headless
# Chromium, for any test that makes HTML (the tracking page, the report).
# axe-core is the local copy scripts/install-deps puts in TELLUS_NODE_DIR;
# nothing is fetched. Source this file, then:
#   axe_check PAGE.html OUT.json [WIDTHxHEIGHT]  -> 0 when no violation
#   axe_shot PAGE.html OUT.png WIDTHxHEIGHT      -> a screenshot
# The page is loaded from a file beside a copy with the axe script added
# before </body>: the page's own CSP header (no script) is not in play.
AXE_JS=${TELLUS_NODE_DIR:-/usr/local/lib/tellus-node}/node_modules/axe-core/axe.min.js

axe_chromium() { # user-data-dir args...: Chromium as the tests run it
	local profile=$1; shift
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --disable-quic \
		--user-data-dir="$profile" "$@"
}

axe_shot() { # page out.png WxH
	local profile rc
	profile=$(mktemp -d)
	rm -f "$2"
	axe_chromium "$profile" --hide-scrollbars --screenshot="$2" --window-size="${3/x/,}" \
		"file://$(realpath "$1")" >/dev/null 2>&1
	rc=$?
	rm -rf "$profile"
	[ $rc -eq 0 ] && [ -s "$2" ]
}

axe_check() { # page out.json [WxH]: WCAG 2.2 A and AA rules and best practice
	local page=$1 out=$2 size=${3:-1280x800} dir profile
	[ -f "$AXE_JS" ] || { echo "axe-core is not installed at $AXE_JS (run scripts/install-deps)" >"$out"; return 2; }
	dir=$(mktemp -d) profile=$(mktemp -d)
	cp "$AXE_JS" "$dir/axe.min.js"
	python3 - "$page" "$dir/page.html" <<'PY'
import sys
html = open(sys.argv[1], encoding="utf-8").read()
run = """<script src="axe.min.js"></script><script>
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a",
  "wcag21aa", "wcag22aa", "best-practice"]}, resultTypes: ["violations"]})
 .then(function (r) { var p = document.createElement("pre"); p.id = "axe-result";
   p.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id,
     impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); })}; }));
   document.body.appendChild(p); })
 .catch(function (e) { var p = document.createElement("pre"); p.id = "axe-result";
   p.textContent = "error: " + e; document.body.appendChild(p); });
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", run + "</body>", 1))
PY
	axe_chromium "$profile" --window-size="${size/x/,}" --virtual-time-budget=20000 \
		--dump-dom "file://$dir/page.html" 2>/dev/null |
		python3 -c 'import sys, re, html
m = re.search(r"<pre id=\"axe-result\">(.*?)</pre>", sys.stdin.read(), re.S)
print(html.unescape(m.group(1)) if m else "error: axe did not run")' >"$out"
	rm -rf "$dir" "$profile"
	[ "$(cat "$out")" = "[]" ]
}

page_width() { # page width: how wide the page lays out in a frame that wide
	# (a frame, since a headless window is never narrower than 500 px)
	local profile dir
	profile=$(mktemp -d) dir=$(mktemp -d)
	python3 - "$1" "$2" "$dir/frame.html" <<'PY'
import sys, html
page = open(sys.argv[1], encoding="utf-8").read()
w = sys.argv[2]
open(sys.argv[3], "w", encoding="utf-8").write(
    '<!doctype html><html><body style="margin:0"><iframe id="f" style="border:0" width="%s" '
    'height="640" srcdoc="%s"></iframe><script>document.getElementById("f").onload = function () {'
    'var p = document.createElement("pre"); p.id = "width";'
    'p.textContent = this.contentDocument.documentElement.scrollWidth;'
    'document.body.appendChild(p); };</script></body></html>' % (w, html.escape(page, quote=True)))
PY
	axe_chromium "$profile" --window-size=800,700 --virtual-time-budget=5000 --dump-dom \
		"file://$dir/frame.html" 2>/dev/null | sed -n 's|.*<pre id="width">\([0-9]*\)</pre>.*|\1|p'
	rm -rf "$profile" "$dir"
}
