#!/usr/bin/env python3
"""a11y_check.py REPORT.html AXE.min.js WORKDIR - runs axe-core (a local
copy: no network) over the report page in headless Chromium, and measures
every text of every chart as Chromium lays it out, so that no legend or
label is cut by the chart's edge. The page is copied into WORKDIR with the
two scripts added at its end (the report itself never holds a script).
Prints what it found; exits 1 on any violation or cut text."""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

RUNNER = r"""<script>
(async function () {
  const out = { violations: [], cut: [], charts: 0, rules: 0 };
  try {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    out.rules = r.passes.length + r.violations.length + r.incomplete.length +
                r.inapplicable.length;
    out.violations = r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
  } catch (e) { out.error = String(e); }
  for (const svg of document.querySelectorAll('svg')) {
    out.charts++;
    const box = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < -0.5 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5)
        out.cut.push(t.textContent + ' in ' + svg.getAttribute('aria-label') +
                     ' (' + Math.round(b.x + b.width) + ' of ' + box.width + ')');
    }
  }
  const pre = document.createElement('pre');
  pre.id = 'a11y-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def main(page, axe, work):
    os.makedirs(work, exist_ok=True)
    shutil.copy(axe, os.path.join(work, 'axe.min.js'))
    text = open(page, encoding='utf-8').read()
    end = text.rindex('</body>')
    text = text[:end] + '<script src="axe.min.js"></script>' + RUNNER + text[end:]
    test_page = os.path.join(work, 'report-axe.html')
    open(test_page, 'w', encoding='utf-8').write(text)
    profile = tempfile.mkdtemp(dir=work)
    try:
        run = subprocess.run(
            ['chromium', '--headless', '--no-sandbox', '--disable-gpu',
             '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--no-first-run', '--disable-quic',
             '--user-data-dir=' + profile, '--virtual-time-budget=10000',
             '--dump-dom', 'file://' + os.path.abspath(test_page)],
            capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    m = re.search(r'<pre id="a11y-result">(.*?)</pre>', run.stdout, re.S)
    if not m:
        print('axe did not finish (exit %d): %s' % (run.returncode, run.stderr[-300:]))
        return 1
    out = json.loads(html.unescape(m.group(1)))
    if out.get('error') or not out['rules']:
        print('axe failed: %s' % out.get('error', 'no rule ran'))
        return 1
    for v in out['violations']:
        print('axe: %s (%s): %s at %s' % (v['id'], v['impact'], v['help'], '; '.join(v['nodes'])))
    for c in out['cut']:
        print('cut: %s' % c)
    if out['violations'] or out['cut'] or not out['charts']:
        return 1
    print('%d axe rules, no violation; %d charts, no text cut' % (out['rules'], out['charts']))
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:4]))
