#!/usr/bin/env python3
"""md_tables.py FILE - checks that every GitHub-flavoured Markdown table in
FILE has a header row, a separator row and the same number of cells in
every row; prints how many tables it found, exits 1 on the first fault."""
import re
import sys


def cells(line):
    # Split on pipes that are not escaped with a backslash.
    parts = re.split(r'(?<!\\)\|', line.strip())
    if parts[0] != '' or parts[-1] != '':
        raise ValueError('row does not start and end with |: ' + line)
    return parts[1:-1]


def main(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    tables, i = 0, 0
    while i < len(lines):
        if not lines[i].startswith('|'):
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].startswith('|'):
            block.append(lines[i])
            i += 1
        head = cells(block[0])
        if len(block) < 2:
            raise ValueError('table without a separator: ' + block[0])
        sep = cells(block[1])
        if not all(re.fullmatch(r'\s*:?-{3,}:?\s*', c) for c in sep):
            raise ValueError('bad separator row: ' + block[1])
        for row in block[1:]:
            if len(cells(row)) != len(head):
                raise ValueError('%d cells for %d headings: %s' % (len(cells(row)), len(head), row))
        tables += 1
    if tables == 0:
        raise ValueError('no table found')
    print('%d tables' % tables)


if __name__ == '__main__':
    try:
        main(sys.argv[1])
    except (ValueError, OSError) as e:
        print(e)
        sys.exit(1)
