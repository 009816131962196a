#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# flywheel import / convert against the built binary. TAP output.
# Usage: test-cli-worksheet.sh FLYWHEEL FIXTURES_DIR
set -u
FLYWHEEL=$1
FIXTURES=$2
. "$(dirname "$0")/tap.sh"

echo "1..38"

# Import the workshop's real 2023 sheet: the summary names the counts.
out=$("$FLYWHEEL" import "$FIXTURES/real-2023.csv" -o "$TMP/real.flywheel"); rc=$?
check "import real-2023.csv exits 0" test "$rc" = 0
check "import prints the summary" test "$out" = "1 case and 1 idea imported"

# A sheet with rows it cannot take names them.
out=$("$FLYWHEEL" import "$FIXTURES/skipped-rows.csv" -o "$TMP/skipped.flywheel")
check "import names the skipped rows" grep -q "2 rows skipped:" <<<"$out"

# export → import → export is byte-identical.
"$FLYWHEEL" import "$FIXTURES/utf8-lf.csv" -o "$TMP/a.flywheel" >/dev/null &&
  "$FLYWHEEL" convert "$TMP/a.flywheel" -o "$TMP/e1.csv" &&
  "$FLYWHEEL" import "$TMP/e1.csv" -o "$TMP/b.flywheel" >/dev/null &&
  "$FLYWHEEL" convert "$TMP/b.flywheel" -o "$TMP/e2.csv"
check "convert/import chain runs" test $? = 0
check "export → import → export is byte-identical" cmp -s "$TMP/e1.csv" "$TMP/e2.csv"
check "the CSV starts with a UTF-8 byte-order mark" \
  test "$(head -c 3 "$TMP/e1.csv" | od -An -tx1 | tr -d ' ')" = efbbbf

# XLSX: unzip it and read the sheets back.
"$FLYWHEEL" convert "$TMP/a.flywheel" -o "$TMP/out.xlsx"
check "convert -o out.xlsx exits 0" test $? = 0
python3 "$FIXTURES/xlsx2csv.py" "$TMP/out.xlsx" 1 > "$TMP/sheet1.csv" 2>"$TMP/py.err"
check "the XLSX opens with zipfile" test $? = 0
tail -c +4 "$TMP/e1.csv" > "$TMP/e1-nobom.csv"
check "the XLSX's first sheet has the CSV's cells" cmp -s "$TMP/sheet1.csv" "$TMP/e1-nobom.csv"
python3 - "$TMP/out.xlsx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
s1 = z.read('xl/worksheets/sheet1.xml').decode()
s2 = z.read('xl/worksheets/sheet2.xml').decode()
styles = z.read('xl/styles.xml').decode()
assert 'state="frozen"' in s1 and 'ySplit="8"' in s1, 'frozen header'
assert '<mergeCell ref="C7:I7"/>' in s1, 'merged section'
assert 'customWidth="1"' in s1, 'column widths'
assert 'wrapText="1"' in styles and 'FFE2EFDA' in styles, 'wrapped text and header fill'
assert '<f>IF(AND(G2&lt;&gt;"",I2&lt;&gt;"",N2&lt;&gt;"")' in s2, 'PoC formula'
PY
check "the XLSX has frozen header, merges, widths, fill and a live PoC formula" test $? = 0
"$FLYWHEEL" convert "$FIXTURES/layout-2022.csv" -o "$TMP/l22.xlsx" 2>/dev/null &&
python3 - "$TMP/l22.xlsx" "$FIXTURES/xlsx2csv.py" <<'PY'
import sys, importlib.util
spec = importlib.util.spec_from_file_location('x', sys.argv[2])
x = importlib.util.module_from_spec(spec)
spec.loader.exec_module(x)
rows = x.sheet_rows(sys.argv[1], 2)
assert rows[0][1].startswith('PoC優先度'), rows[0]
assert len(rows) == 5, len(rows)            # the header and four ideas
assert rows[1][1] == '8', rows[1]           # 高 + 高 + 中
assert rows[2][1] == '4', rows[2]           # M + L + L
assert rows[4][1] == '', rows[4]            # unrated: empty, as the template shows
assert rows[1][11] == '〇' and rows[4][11] == '△', rows[1]
assert rows[1][12] == '閲覧履歴→ML→レコメンドする旅程', rows[1]
PY
rc=$?
check "the 2022 sheet has one row per idea and PoC priorities" test "$rc" = 0

# The sample → XLSX → (the sheet read back as a spreadsheet would save it as CSV)
# → import: every idea's id, title, story, whys and evidence are back.
SAMPLE="$FIXTURES/../../data/samples/sample-en.flywheel"
"$FLYWHEEL" convert "$SAMPLE" -o "$TMP/sample.xlsx" &&
  python3 "$FIXTURES/xlsx2csv.py" "$TMP/sample.xlsx" 1 > "$TMP/sample-sheet.csv" &&
  "$FLYWHEEL" import "$TMP/sample-sheet.csv" -o "$TMP/sample-back.flywheel" >/dev/null &&
  python3 - "$SAMPLE" "$TMP/sample-back.flywheel" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = {i['id']: i for i in json.load(open(sys.argv[2]))['ideas']}
assert len(got) == len(want['ideas']), (len(got), len(want['ideas']))
for idea in want['ideas']:
    back = got[idea['id']]
    for key in ('title', 'story', 'stages', 'task'):
        assert back.get(key) == idea.get(key), (idea['title'], key)
    assert back == idea, idea['title']
PY
check "sample → XLSX → CSV → import keeps every idea" test $? = 0

# The ideas of $SAMPLE, each equal field by field, in the workbook $1.
same_ideas () {
  python3 - "$SAMPLE" "$1" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = {i['id']: i for i in json.load(open(sys.argv[2]))['ideas']}
assert len(got) == len(want['ideas']), (len(got), len(want['ideas']))
for idea in want['ideas']:
    assert got[idea['id']] == idea, idea['title']
PY
}

# The XLSX itself imports (told from its bytes), and converts as the workbook did.
out=$("$FLYWHEEL" import "$TMP/sample.xlsx" -o "$TMP/from-xlsx.flywheel"); rc=$?
check "import sample.xlsx exits 0 with the counts" \
  test "$rc" = 0 -a "$out" = "3 cases and 5 ideas imported"
check "sample → XLSX → import keeps every idea" same_ideas "$TMP/from-xlsx.flywheel"
"$FLYWHEEL" convert "$SAMPLE" -o "$TMP/sample-direct.csv" &&
  "$FLYWHEEL" convert "$TMP/sample.xlsx" -o "$TMP/sample-via-xlsx.csv"
check "convert sample.xlsx -o CSV writes what the workbook writes" \
  cmp -s "$TMP/sample-direct.csv" "$TMP/sample-via-xlsx.csv"

# A why edited in the spreadsheet (Flywheel: why ③ of the first idea, a shared
# string), the zip written again by Python with its own XML prefixes.
edit_why () {  # edit_why IN.xlsx OUT.xlsx
  python3 - "$SAMPLE" "$1" "$2" <<'PY'
import json, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
old = json.load(open(sys.argv[1]))['ideas'][0]['stages'][2]['why']
src = zipfile.ZipFile(sys.argv[2])
root = ET.fromstring(src.read('xl/sharedStrings.xml'))
hits = 0
for si in root.iter(M + 'si'):
    ts = [t for t in si.iter(M + 't')]
    if ''.join(t.text or '' for t in ts) == old:
        ts[0].text, hits = 'Edited in the sheet: more data every day', hits + 1
        for t in ts[1:]:
            t.text = ''
assert hits == 1, hits
with zipfile.ZipFile(sys.argv[3], 'w', zipfile.ZIP_DEFLATED) as out:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == 'xl/sharedStrings.xml':
            data = ET.tostring(root, xml_declaration=True, encoding='UTF-8')
        out.writestr(item, data, zipfile.ZIP_DEFLATED)
PY
}
edited_why () {  # the first idea's why ③ in the workbook $1
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ideas"][0]["stages"][2]["why"])' "$1"
}
edit_why "$TMP/sample.xlsx" "$TMP/edited.xlsx" &&
  "$FLYWHEEL" import "$TMP/edited.xlsx" -o "$TMP/edited.flywheel" >/dev/null
check "a why edited in the XLSX comes back edited" \
  test "$(edited_why "$TMP/edited.flywheel")" = "Edited in the sheet: more data every day"

# Re-saved by LibreOffice (its own shared strings, styles and XML), when it is here.
if command -v soffice >/dev/null 2>&1; then
  mkdir -p "$TMP/lo"
  timeout 180 soffice -env:UserInstallation=file://"$TMP/lo-profile" --headless \
    --convert-to xlsx --outdir "$TMP/lo" "$TMP/sample.xlsx" >/dev/null 2>&1
  out=$("$FLYWHEEL" import "$TMP/lo/sample.xlsx" -o "$TMP/lo.flywheel"); rc=$?
  check "import of the XLSX LibreOffice saved exits 0" \
    test "$rc" = 0 -a "$out" = "3 cases and 5 ideas imported"
  check "… and keeps every idea" same_ideas "$TMP/lo.flywheel"
  edit_why "$TMP/lo/sample.xlsx" "$TMP/lo-edited.xlsx" &&
    "$FLYWHEEL" import "$TMP/lo-edited.xlsx" -o "$TMP/lo-edited.flywheel" >/dev/null
  check "a why edited in LibreOffice's XLSX comes back edited" \
    test "$(edited_why "$TMP/lo-edited.flywheel")" = "Edited in the sheet: more data every day"
else
  for what in "LibreOffice's XLSX imports" "… and keeps every idea" "… an edited why"; do
    n=$((n + 1)); echo "ok $n - # SKIP $what: no soffice"
  done
fi

# Files that are not workbooks, or broken ones: refused, named, nothing written.
python3 - "$TMP/letter.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', '<w:document xmlns:w="urn:w"/>')
PY
"$FLYWHEEL" import "$TMP/letter.docx" -o "$TMP/letter.flywheel" 2>"$TMP/err"; rc=$?
check "a .docx is refused as a Word document" \
  test "$rc" = 1 -a ! -e "$TMP/letter.flywheel" -a \
  "$(cat "$TMP/err")" = "flywheel: $TMP/letter.docx: this is a Word document, not an Excel workbook"
printf '\320\317\021\340\241\261\032\341' > "$TMP/locked.xlsx"
head -c 4000 /dev/zero >> "$TMP/locked.xlsx"
"$FLYWHEEL" import "$TMP/locked.xlsx" -o "$TMP/locked.flywheel" 2>"$TMP/err"; rc=$?
check "a password-protected workbook is refused, saying so" \
  test "$rc" = 1 -a ! -e "$TMP/locked.flywheel" &&
  grep -q "locked.xlsx: this workbook is password-protected" "$TMP/err"
head -c 5000 "$TMP/sample.xlsx" > "$TMP/cut.xlsx"
"$FLYWHEEL" import "$TMP/cut.xlsx" -o "$TMP/cut.flywheel" 2>"$TMP/err"; rc=$?
check "a truncated XLSX is refused as damaged" \
  test "$rc" = 1 -a ! -e "$TMP/cut.flywheel" -a \
  "$(cat "$TMP/err")" = "flywheel: $TMP/cut.xlsx: not an XLSX workbook, or a damaged one"

# Bad output extension: usage error, nothing written.
"$FLYWHEEL" convert "$TMP/a.flywheel" -o "$TMP/out.ods" 2>"$TMP/err"; rc=$?
check "convert -o out.ods exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/out.ods"

# Garbage and a 100 MB file: refused, nothing written.
"$FLYWHEEL" import "$FIXTURES/binary.bin" -o "$TMP/bin.flywheel" 2>"$TMP/err"; rc=$?
check "binary data is refused with exit 1" test "$rc" = 1 -a ! -e "$TMP/bin.flywheel"
check "the refusal says why" grep -q "binary data" "$TMP/err"
truncate -s 100M "$TMP/huge.csv"
"$FLYWHEEL" import "$TMP/huge.csv" -o "$TMP/huge.flywheel" 2>"$TMP/err"; rc=$?
check "a 100 MB sheet is refused with nothing written" \
  test "$rc" = 1 -a ! -e "$TMP/huge.flywheel"
check "the size refusal is in MiB, naming the sheet" \
  grep -q "huge.csv: larger than 32.0.MiB" "$TMP/err"
"$FLYWHEEL" import "$FIXTURES/utf8-lf.csv" 2>/dev/null; rc=$?
check "import without -o is a usage error" test "$rc" = 2

# The output's name says what it is; the errors name the user's files in our words.
"$FLYWHEEL" import "$FIXTURES/utf8-lf.csv" -o "$TMP/out.txt" 2>"$TMP/err"; rc=$?
check "import -o out.txt exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/out.txt"
check "import -o out.txt says which extension" \
  grep -q "out.txt: flywheel import writes only .flywheel files" "$TMP/err"
"$FLYWHEEL" import "$TMP/missing.csv" -o "$TMP/m.flywheel" 2>"$TMP/err"; rc=$?
check "a missing sheet exits 1 with nothing written" test "$rc" = 1 -a ! -e "$TMP/m.flywheel"
check "a missing sheet: our words, not GIO's" \
  test "$(cat "$TMP/err")" = "flywheel: $TMP/missing.csv: no such file"
"$FLYWHEEL" convert "$TMP/a.flywheel" -o "$TMP/no/out.csv" 2>"$TMP/err"; rc=$?
check "convert into a missing folder exits 1" test "$rc" = 1
check "convert into a missing folder names the output as given" \
  test "$(cat "$TMP/err")" = "flywheel: $TMP/no/out.csv: the folder does not exist"
"$FLYWHEEL" convert "$TMP/a.flywheel" -o "$TMP/x.md" --lang fr 2>"$TMP/err"; rc=$?
check "convert --lang fr exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/x.md"
check "convert --lang fr lists en and ja" grep -q "unknown language “fr”: use en or ja" "$TMP/err"

# A CP932 sheet saved with lone CRs (old Mac Excel) reads like the UTF-8 one.
iconv -f UTF-8 -t CP932 "$FIXTURES/utf8-lf.csv" | tr '\n' '\r' > "$TMP/cp932-cr.csv"
out=$("$FLYWHEEL" import "$TMP/cp932-cr.csv" -o "$TMP/cp932.flywheel"); rc=$?
check "a CP932 sheet with CR line ends imports" test "$rc" = 0
check "with the same counts as the UTF-8 sheet" test "$out" = "4 cases and 3 ideas imported"

echo "# $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
