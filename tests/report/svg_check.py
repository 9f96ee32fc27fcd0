#!/usr/bin/env python3
"""svg_check.py REPORT.html - the charts of the report, read from its
inline SVG: every fill has at least 3:1 contrast against the chart's
background (WCAG 1.4.11), the background being the SVG's own CSS
background or else the page's (white); and every bar is labelled, just
before it, with the name of its series as the legend gives it, so that
the years are told apart by a word as well as a colour (WCAG 1.4.1).
Prints what it checked; exits 1 on the first fault."""
import re
import sys
from html.parser import HTMLParser


def luminance(hex6):
    rgb = [int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour(value):
    value = value.strip().lower()
    if re.fullmatch(r'#[0-9a-f]{6}', value):
        return value[1:]
    if re.fullmatch(r'#[0-9a-f]{3}', value):
        return ''.join(c * 2 for c in value[1:])
    named = {'white': 'ffffff', 'black': '000000'}
    if value in named:
        return named[value]
    raise ValueError('a fill this check cannot read: %r' % value)


class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css = ''
        self.in_style = False
        self.charts = []   # each: list of (tag, attrs, text)
        self.cur = None
        self.text_of = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'style':
            self.in_style = True
        if tag == 'svg':
            self.cur = [('svg', a, '')]
            self.charts.append(self.cur)
        elif self.cur is not None:
            self.cur.append((tag, a, ''))
            if tag == 'text':
                self.text_of = len(self.cur) - 1

    def handle_endtag(self, tag):
        if tag == 'style':
            self.in_style = False
        if tag == 'svg':
            self.cur = None
        if tag == 'text':
            self.text_of = None

    def handle_data(self, data):
        if self.in_style and self.cur is None:
            self.css += data
        if self.cur is not None and self.text_of is not None:
            t, a, s = self.cur[self.text_of]
            self.cur[self.text_of] = (t, a, s + data)


def main(path):
    p = Charts()
    p.feed(open(path, encoding='utf-8').read())
    m = re.search(r'(?:^|})\s*svg\{[^}]*background:([^;}]+)', p.css)
    page = re.search(r'body\{[^}]*background:([^;}]+)', p.css)
    ground = colour(m.group(1) if m else page.group(1) if page else '#ffffff')
    fills = bars = 0
    worst = 21.0
    for chart in p.charts:
        name = chart[0][1].get('aria-label', '?')
        legend = []
        for i, (tag, a, text) in enumerate(chart):
            if 'fill' in a and a['fill'] != 'none':
                ratio = contrast(colour(a['fill']), ground)
                fills += 1
                worst = min(worst, ratio)
                if ratio < 3:
                    sys.exit(print('%s: %s %s has %.2f:1 against #%s' %
                                   (name, tag, a['fill'], ratio, ground)) or 1)
            if tag != 'rect':
                continue
            after = chart[i + 1] if i + 1 < len(chart) else ('', {}, '')
            before = chart[i - 1]
            if after[0] == 'text' and after[1].get('class') != 'v' and \
                    (before[0] != 'text' or before[1].get('class') != 'v'):
                legend.append((a['fill'], after[2]))
                continue
            bars += 1
            if before[0] != 'text' or (a['fill'], before[2]) not in legend:
                sys.exit(print('%s: a bar in %s is labelled %r, not with its series (%s)' %
                               (name, a['fill'], before[2], legend)) or 1)
        if not legend:
            sys.exit(print('%s: no legend' % name) or 1)
    if not p.charts or not bars:
        sys.exit(print('no chart found') or 1)
    print('%d charts, %d fills (lowest %.2f:1 against #%s), %d bars each labelled with its series'
          % (len(p.charts), fills, worst, ground, bars))


if __name__ == '__main__':
    main(sys.argv[1])
