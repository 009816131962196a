#!/bin/sh
# flywheel export: formats, errors that write nothing, --lang. TAP.
# Usage: test-cli-export.sh FLYWHEEL SAMPLES_DIR
set -u
fw=$1
samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n $1"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

echo "1..33"

"$fw" export "$samples/sample-en.flywheel" --format png -o "$tmp/a.png" 2>"$tmp/err"
check "png export succeeds" '[ $? -eq 0 ] && [ "$(head -c 4 "$tmp/a.png" | tail -c 3)" = PNG ]'
# The window's default too (the schema's export-width and export-height).
check "default size is 1600x1200" \
  '[ "$(od -An -tx1 -j16 -N8 "$tmp/a.png" | tr -d " \n")" = 00000640000004b0 ]'

"$fw" export "$samples/sample-en.flywheel" --idea 3 --scale 2 --width 400 --height 300 \
  --theme dark -o "$tmp/b.png"
check "--scale 2 doubles the pixels" \
  '[ "$(od -An -tx1 -j16 -N8 "$tmp/b.png" | tr -d " \n")" = 0000032000000258 ]'

"$fw" export "$samples/sample-ja.flywheel" --case 1 --format svg -o "$tmp/c.svg"
check "svg export of a case" 'grep -q "<svg" "$tmp/c.svg"'

"$fw" export "$samples/sample-en.flywheel" --idea 2 -o "$tmp/d.pdf"
check "format from the extension" '[ "$(head -c 5 "$tmp/d.pdf")" = "%PDF-" ]'

# English text is drawn in DejaVu Sans: the PDF embeds a subset of it, not the 17 MB
# Noto Sans CJK; Japanese text keeps Noto Sans CJK.
check "English PDF embeds DejaVu Sans" 'grep -aq "FontName /[A-Z]*+DejaVuSans" "$tmp/d.pdf"'
check "English PDF does not embed Noto Sans CJK" '! grep -aq "NotoSansCJK" "$tmp/d.pdf"'

# The command line reads fonts through its own small fontconfig set-up (fw_fonts_pin);
# with the system's configuration (FONTCONFIG_FILE turns the pinning off) every pixel
# must come out the same, in both languages.
"$fw" export "$samples/sample-en.flywheel" --idea 4 --width 640 --height 480 -o "$tmp/pin-en.png"
FONTCONFIG_FILE=/etc/fonts/fonts.conf \
  "$fw" export "$samples/sample-en.flywheel" --idea 4 --width 640 --height 480 -o "$tmp/sys-en.png"
check "pinned fonts draw what the system's configuration draws (en)" \
  '[ -s "$tmp/pin-en.png" ] && cmp -s "$tmp/pin-en.png" "$tmp/sys-en.png"'
"$fw" export "$samples/sample-ja.flywheel" --idea 4 --lang ja --width 640 --height 480 -o "$tmp/pin-ja.png"
FONTCONFIG_FILE=/etc/fonts/fonts.conf \
  "$fw" export "$samples/sample-ja.flywheel" --idea 4 --lang ja --width 640 --height 480 -o "$tmp/sys-ja.png"
check "pinned fonts draw what the system's configuration draws (ja)" \
  '[ -s "$tmp/pin-ja.png" ] && cmp -s "$tmp/pin-ja.png" "$tmp/sys-ja.png"'

echo keep > "$tmp/keep.png"
"$fw" export "$samples/sample-en.flywheel" --idea 99 --format png -o "$tmp/keep.png" 2>"$tmp/err"
check "no such idea: non-zero" '[ $? -ne 0 ] && grep -q "no idea 99" "$tmp/err"'
check "no such idea: the old file is kept" '[ "$(cat "$tmp/keep.png")" = keep ]'

"$fw" export "$samples/sample-en.flywheel" --format bmp -o "$tmp/e.bmp" 2>"$tmp/err"
check "bad format: non-zero, nothing written" '[ $? -ne 0 ] && [ ! -e "$tmp/e.bmp" ]'

"$fw" export "$samples/sample-en.flywheel" --format png -o "$tmp/no/such/dir/f.png" 2>"$tmp/err"
check "unwritable path: non-zero with a message" '[ $? -ne 0 ] && [ -s "$tmp/err" ]'

"$fw" export "$samples/sample-en.flywheel" --theme sepia -o "$tmp/g.png" 2>/dev/null
check "bad theme: non-zero, nothing written" '[ $? -ne 0 ] && [ ! -e "$tmp/g.png" ]'

# --idea and --case count from 1: 0 once drew idea 1.
"$fw" export "$samples/sample-en.flywheel" --idea 0 -o "$tmp/zero.png" 2>"$tmp/err"
check "--idea 0: exit 2, nothing written" '[ $? -eq 2 ] && [ ! -e "$tmp/zero.png" ]'
check "--idea 0: says ideas count from 1" \
  'grep -qx "flywheel: --idea 0: ideas and cases are counted from 1" "$tmp/err"'
"$fw" export "$samples/sample-en.flywheel" --case -1 -o "$tmp/neg.png" 2>"$tmp/err"
check "--case -1: exit 2, nothing written" '[ $? -eq 2 ] && [ ! -e "$tmp/neg.png" ]'
"$fw" export "$samples/sample-en.flywheel" --case 4 -o "$tmp/c4.png" 2>"$tmp/err"
check "--case 4 of 3: exit 1, names the count, nothing written" \
  '[ $? -eq 1 ] && grep -q "has no case 4 (it has 3)" "$tmp/err" && [ ! -e "$tmp/c4.png" ]'
"$fw" export "$samples/sample-en.flywheel" --idea 5 -o "$tmp/i5.png"
check "--idea 5 of 5 is the last idea" '[ $? -eq 0 ] && [ -s "$tmp/i5.png" ]'
"$fw" export "$samples/sample-en.flywheel" --idea 1 -o "$tmp/i1.png"
check "no --idea is --idea 1" 'cmp -s "$tmp/a.png" "$tmp/i1.png"'

# Only the languages Flywheel speaks.
"$fw" export "$samples/sample-en.flywheel" --lang fr -o "$tmp/fr.png" 2>"$tmp/err"
check "--lang fr: exit 2, nothing written" '[ $? -eq 2 ] && [ ! -e "$tmp/fr.png" ]'
check "--lang fr: lists en and ja" \
  'grep -qx "flywheel: unknown language “fr”: use en or ja" "$tmp/err"'

# The extension says what the file is.
"$fw" export "$samples/sample-en.flywheel" --format png -o "$tmp/x.pdf" 2>"$tmp/err"
check "--format png -o x.pdf: exit 2, nothing written" '[ $? -eq 2 ] && [ ! -e "$tmp/x.pdf" ]'
check "--format png -o x.pdf: says which extension" \
  'grep -q "x.pdf: flywheel export --format png writes only .png files" "$tmp/err"'
"$fw" export "$samples/sample-en.flywheel" -o "$tmp/x.txt" 2>"$tmp/err"
check "-o x.txt: exit 2, lists the extensions" \
  '[ $? -eq 2 ] && [ ! -e "$tmp/x.txt" ] && grep -q "writes only .png, .pdf or .svg files" "$tmp/err"'
"$fw" export "$samples/sample-en.flywheel" --format svg -o "$tmp/UPPER.SVG"
check "the extension is matched whatever its case" 'grep -q "<svg" "$tmp/UPPER.SVG"'

# Errors name the user's path, never a temporary file beside it, nor GIO's words.
"$fw" export "$samples/sample-en.flywheel" -o "$tmp/no/such/dir/f.png" 2>"$tmp/err"
check "missing folder: exit 1, names the output as given" \
  '[ $? -eq 1 ] && grep -qx "flywheel: $tmp/no/such/dir/f.png: the folder does not exist" "$tmp/err"'
mkdir "$tmp/folder.png"
"$fw" export "$samples/sample-en.flywheel" -o "$tmp/folder.png" 2>"$tmp/err"
check "output is a folder: exit 1, says so" '[ $? -eq 1 ] && grep -q "folder.png: is a folder" "$tmp/err"'
rmdir "$tmp/folder.png"
(cd "$tmp" && "$fw" export missing.flywheel -o m.png) 2>"$tmp/err"
check "missing workbook: exit 1, nothing written" '[ $? -eq 1 ] && [ ! -e "$tmp/m.png" ]'
check "missing workbook: our words, not GIO's" \
  'grep -q "missing.flywheel: no such file" "$tmp/err" && ! grep -q "Error when" "$tmp/err"'

check "no temporary files left" '[ "$(ls -A "$tmp" | grep -c "^\.")" -eq 0 ]'

if command -v pdftotext >/dev/null 2>&1; then
  "$fw" export "$samples/sample-en.flywheel" --lang ja -o "$tmp/ja.pdf"
  check "--lang ja labels in Japanese" 'pdftotext "$tmp/ja.pdf" - | grep -q "成長"'
  LANGUAGE=ja "$fw" export "$samples/sample-en.flywheel" --lang en -o "$tmp/en.pdf"
  check "--lang en labels in English" 'pdftotext "$tmp/en.pdf" - | grep -q "Growth"'
else
  ok "# SKIP pdftotext not installed"
  ok "# SKIP pdftotext not installed"
fi
exit $fail
