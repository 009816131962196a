#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flywheel report: the output's name, --lang, errors that write nothing. TAP.
# Usage: test-cli-report.sh FLYWHEEL SAMPLES_DIR
set -u
FLYWHEEL=$1
SAMPLES=$2
. "$(dirname "$0")/tap.sh"

echo "1..9"

"$FLYWHEEL" report "$SAMPLES/sample-en.flywheel" -o "$TMP/R.PDF"; rc=$?
check "report -o R.PDF exits 0" test "$rc" = 0
check "and writes a PDF" test "$(head -c 5 "$TMP/R.PDF")" = "%PDF-"

"$FLYWHEEL" report "$SAMPLES/sample-en.flywheel" -o "$TMP/r.txt" 2> "$TMP/err"; rc=$?
check "report -o r.txt exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/r.txt"
check "report -o r.txt says it writes PDF" \
  test "$(cat "$TMP/err")" = "flywheel: $TMP/r.txt: flywheel report writes only .pdf files"

"$FLYWHEEL" report "$SAMPLES/sample-en.flywheel" --lang fr -o "$TMP/fr.pdf" 2> "$TMP/err"; rc=$?
check "--lang fr exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/fr.pdf"
check "--lang fr lists en and ja" \
  test "$(cat "$TMP/err")" = "flywheel: unknown language “fr”: use en or ja"

# The error names the output as given, never the temporary file beside it.
"$FLYWHEEL" report "$SAMPLES/sample-en.flywheel" -o "$TMP/no/r.pdf" 2> "$TMP/err"; rc=$?
check "a missing folder exits 1" test "$rc" = 1
check "a missing folder is named in our words" \
  test "$(cat "$TMP/err")" = "flywheel: $TMP/no/r.pdf: the folder does not exist"

check "no temporary files left" test "$(ls -A "$TMP" | grep -c '^\.')" = 0

exit $failed
