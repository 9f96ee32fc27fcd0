#!/usr/bin/env python3
"""xlsx_check.py report BOOK.xlsx CSVDIR AUTHORITY YEAR
   xlsx_check.py cases BOOK.xlsx CASES.csv

Opens a workbook Tellus wrote with openpyxl and compares it with the CSV
files of the same data, cell by cell: report mode, every CSV table of the
report is a sheet of the same name (plus a contents sheet), numbers stored
as numbers and shown as the CSV writes them (percentages as percentages,
pounds as currency), the authority and the year in each sheet's header;
cases mode, one sheet of text equal to the CSV export once its formula
guard is taken off. In both, no cell is a formula, in openpyxl's reading
and in the sheets' XML. Prints what it checked; exits 1 on the first
difference."""
import csv
import re
import sys
import zipfile

import openpyxl

NUMBER = re.compile(r'-?[0-9]+(\.[0-9]+)?')


def fail(msg):
    print(msg)
    sys.exit(1)


def no_formulas(path, wb):
    """No <f> element in any sheet's XML, and no cell openpyxl reads as one."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith('xl/worksheets/') and name.endswith('.xml'):
                xml = z.read(name).decode('utf-8')
                if re.search(r'<f[ >/]', xml):
                    fail('%s holds a formula element' % name)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == 'f':
                    fail('%s!%s is a formula: %r' % (ws.title, c.coordinate, c.value))


def read_csv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.reader(f))


def shown(cell):
    """A numeric cell as its number format shows it (decimals, %, £)."""
    fmt = cell.number_format
    v = cell.value * 100 if '%' in fmt else cell.value
    if fmt == 'General' and float(v) != int(v):
        return repr(v)
    m = re.search(r'\.(0+)', fmt)
    return '%.*f' % (len(m.group(1)) if m else 0, v)


def compare_sheet(ws, rows, name):
    cells = 0
    if ws.max_row != len(rows):
        fail('%s: %d rows in the sheet, %d in the csv' % (name, ws.max_row, len(rows)))
    for r, want_row in enumerate(rows, start=1):
        for c, want in enumerate(want_row, start=1):
            cell = ws.cell(row=r, column=c)
            cells += 1
            if want == '':
                if cell.value is not None:
                    fail('%s!%s: %r for an empty csv cell' % (name, cell.coordinate, cell.value))
                continue
            numeric = r > 1 and c > 1 and NUMBER.fullmatch(want)
            if numeric:
                if cell.data_type != 'n' or isinstance(cell.value, str):
                    fail('%s!%s: %r is stored as text, not a number' % (name, cell.coordinate, want))
                got = shown(cell)
            else:
                if cell.data_type != 's':
                    fail('%s!%s: %r is not text (%s)' % (name, cell.coordinate, want, cell.data_type))
                got = cell.value
            if got != want:
                fail('%s!%s: sheet %r (%s), csv %r' % (name, cell.coordinate, got,
                                                      cell.number_format, want))
    return cells


def check_report(path, csvdir, authority, year):
    import os
    wb = openpyxl.load_workbook(path)
    no_formulas(path, wb)
    tables = sorted(f[:-4] for f in os.listdir(csvdir) if f.endswith('.csv'))
    if wb.sheetnames != ['Contents'] + tables:
        fail('sheets %s, csv files %s' % (wb.sheetnames, tables))
    contents = [wb['Contents'].cell(row=r, column=1).value for r in range(5, 5 + len(tables))]
    if contents != tables:
        fail('the contents sheet lists %s' % contents)
    cells = percent = money = 0
    for t in tables:
        ws = wb[t]
        rows = read_csv(os.path.join(csvdir, t + '.csv'))
        cells += compare_sheet(ws, rows, t)
        head = ws.oddHeader
        if authority.replace('&', '&&') not in (head.left.text or '') or \
                year not in (head.right.text or ''):
            fail('%s: header %r / %r' % (t, head.left.text, head.right.text))
        if ws.freeze_panes != 'A2':
            fail('%s: the header row is not frozen' % t)
        for c, name in enumerate(rows[0], start=1):
            width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
            longest = max(len(row[c - 1]) for row in rows)
            if width < min(longest, 60):
                fail('%s: column %s is %.1f wide for text of %d' % (t, name, width, longest))
            for r in range(2, len(rows) + 1):
                cell = ws.cell(row=r, column=c)
                key = rows[r - 1][0]
                if cell.value is None or cell.data_type != 'n':
                    continue
                pct = 'percent' in name.split('_') or (name == 'value' and key.endswith('_percent'))
                if pct != ('%' in cell.number_format):
                    fail('%s!%s: percentage %s, format %s' % (t, cell.coordinate, pct,
                                                             cell.number_format))
                percent += pct
                if t == 't8_costs':
                    if '£' not in cell.number_format:
                        fail('%s!%s: pounds without a currency format' % (t, cell.coordinate))
                    money += 1
    if not percent or not money:
        fail('no percentage (%d) or money (%d) cell was checked' % (percent, money))
    print('%d sheets, %d cells equal to the csv, %d percentages, %d in pounds, no formula'
          % (len(tables), cells, percent, money))


def unguard(s):
    return s[1:] if len(s) > 1 and s[0] == "'" and s[1] in '=+-@\t' else s


def check_cases(path, csvpath):
    wb = openpyxl.load_workbook(path)
    no_formulas(path, wb)
    if wb.sheetnames != ['cases']:
        fail('sheets %s' % wb.sheetnames)
    rows = [[unguard(c) for c in row] for row in read_csv(csvpath)]
    ws = wb['cases']
    cells = 0
    if ws.max_row != len(rows):
        fail('%d rows in the sheet, %d in the csv' % (ws.max_row, len(rows)))
    for r, want_row in enumerate(rows, start=1):
        for c, want in enumerate(want_row, start=1):
            cell = ws.cell(row=r, column=c)
            got = '' if cell.value is None else cell.value
            if got != want or (want and cell.data_type != 's'):
                fail('cases!%s: sheet %r (%s), csv %r' % (cell.coordinate, got, cell.data_type, want))
            cells += 1
    risky = sum(1 for row in rows[1:] for c in row if c[:1] in ('=', '+', '-', '@'))
    if not risky:
        fail('no cell starting with = + - @ was checked')
    print('%d cases, %d cells equal to the csv, %d starting with = + - or @ kept as text'
          % (len(rows) - 1, cells, risky))


if __name__ == '__main__':
    if sys.argv[1] == 'report':
        check_report(*sys.argv[2:6])
    else:
        check_cases(*sys.argv[2:4])
