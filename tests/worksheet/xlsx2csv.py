#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the first sheet of an .xlsx as CSV (UTF-8, CRLF), standard library only.

Used once by hand to make real-2023.csv from the workshop's own worksheet, and by
test-cli-worksheet.sh to read back the sheets that `flywheel convert -o X.xlsx` writes:
  python3 xlsx2csv.py BOOK.xlsx [SHEET_NUMBER] > OUT.csv
"""
import csv
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'


def col_index(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def shared_strings(z):
    if 'xl/sharedStrings.xml' not in z.namelist():
        return []
    out = []
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si'):
        # Plain <t>, or rich-text runs <r><t>; phonetic runs <rPh> are not text.
        parts = [t.text or '' for t in si.findall(M + 't')]
        parts += [t.text or '' for r in si.findall(M + 'r') for t in r.findall(M + 't')]
        out.append(''.join(parts))
    return out


def sheet_rows(path, number=1):
    z = zipfile.ZipFile(path)
    shared = shared_strings(z)
    sheet = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % number))
    rows = {}
    for row in sheet.iter(M + 'row'):
        cells = {}
        for c in row.findall(M + 'c'):
            t, v = c.get('t'), c.find(M + 'v')
            if t == 's' and v is not None:
                val = shared[int(v.text)]
            elif t == 'inlineStr':
                val = ''.join(x.text or '' for x in c.iter(M + 't'))
            elif v is not None:
                val = v.text or ''
                if t is None and re.fullmatch(r'-?\d+\.0', val):
                    val = val[:-2]
            else:
                val = ''
            cells[col_index(c.get('r'))] = val
        rows[int(row.get('r'))] = cells
    n_rows = max(rows) if rows else 0
    n_cols = max((max(c) + 1 for c in rows.values() if c), default=0)
    return [[rows.get(r, {}).get(i, '') for i in range(n_cols)] for r in range(1, n_rows + 1)]


if __name__ == '__main__':
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = csv.writer(sys.stdout, lineterminator='\r\n')
    for r in sheet_rows(sys.argv[1], number):
        out.writerow(r)
