#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flywheel diff, show and merge against the built binary: exit 0/1/2, the lines they
# print, OUT written in place without a backup, nothing written on an error, --lang.
# The versions are the sample workbook with one field changed by jq. TAP output.
# Usage: test-cli-merge.sh FLYWHEEL SAMPLES_DIR
set -u
FLYWHEEL=$1
SAMPLES=$2
. "$(dirname "$0")/tap.sh"

echo "1..56"

cp "$SAMPLES/sample-en.flywheel" "$TMP/base.flywheel"
cd "$TMP" || exit 99
# The loader names a file by its full path (the physical one, as getcwd() gives it).
here=$(pwd -P)

# The first idea is "Stays picked for your travel style", urgency medium, in the sample.
idea='Stays picked for your travel style'
jq '.ideas[0].title = "Stays for your style"' base.flywheel > ours.flywheel
jq '.ideas[0].priority.urgency = "high"' base.flywheel > theirs.flywheel
jq '.ideas[0].priority.urgency = "low"' base.flywheel > low.flywheel
cp ours.flywheel ours.orig

# diff: one line per change, 1 when they differ, 0 and nothing when they do not.
"$FLYWHEEL" diff base.flywheel theirs.flywheel > diff.out 2> diff.err; rc=$?
check "diff exits 1 when the versions differ" test "$rc" = 1
check "diff names the idea, the field and both values" \
  test "$(cat diff.out)" = "Idea “$idea”: Urgency: Medium → High"
check "diff writes nothing on stderr" test ! -s diff.err
"$FLYWHEEL" diff base.flywheel ours.flywheel > diff.out; rc=$?
check "a new title: the idea is named by it" \
  test "$(cat diff.out)" = "Idea “Stays for your style”: Title: “$idea” → “Stays for your style”"
"$FLYWHEEL" diff base.flywheel base.flywheel > same.out 2> same.err; rc=$?
check "diff exits 0 for the same workbook" test "$rc" = 0
check "and prints nothing" test ! -s same.out -a ! -s same.err
# Flywheel's own layout against jq's: the bytes differ, the content does not.
jq . base.flywheel > reformatted.flywheel
"$FLYWHEEL" diff base.flywheel reformatted.flywheel > /dev/null; rc=$?
check "diff compares content, not bytes" test "$rc" = 0
jq '.modified = "2027-01-01T00:00:00Z"' base.flywheel > touched.flywheel
"$FLYWHEEL" diff base.flywheel touched.flywheel > /dev/null; rc=$?
check "a later modified time alone is no difference" test "$rc" = 0

# show: the text git diff compares.
"$FLYWHEEL" show theirs.flywheel > show.out 2> show.err; rc=$?
check "show exits 0" test "$rc" = 0
check "show heads the text with the workbook's title" \
  test "$(head -n 1 show.out)" = "Workbook “Tabiji — ML winning patterns (workshop homework)”"
check "show heads each idea with its title and id" \
  grep -qxF "Idea “$idea” (d1f3a5c7-2b4e-4d6f-8a1c-5e7f9b1d3a11)" show.out
check "show writes one line per field" grep -qxF "  Urgency: High" show.out
check "show has no conflicts section for a workbook without any" \
  sh -c '! grep -q "Unresolved conflicts" show.out'

# merge, clean: both sides' changes, exit 0, nothing said.
"$FLYWHEEL" merge base.flywheel ours.flywheel theirs.flywheel -o merged.flywheel \
  > merge.out 2> merge.err; rc=$?
check "a clean merge exits 0" test "$rc" = 0
check "a clean merge says nothing" test ! -s merge.out -a ! -s merge.err
check "the merge has our title" test "$(jq -r '.ideas[0].title' merged.flywheel)" = \
  "Stays for your style"
check "the merge has their urgency" \
  test "$(jq -r '.ideas[0].priority.urgency' merged.flywheel)" = high
check "a clean merge keeps no conflicts" test "$(jq 'has("conflicts")' merged.flywheel)" = false
"$FLYWHEEL" diff base.flywheel merged.flywheel > merged.diff
check "diff from the base lists the two changes" test "$(wc -l < merged.diff)" = 2
check "diff lists their change in our terms" \
  grep -qxF "Idea “Stays for your style”: Urgency: Medium → High" merged.diff
check "OURS is left as it was with another OUT" cmp -s ours.flywheel ours.orig

# In place, as git's driver does it (-o %A): no backup is left beside it.
cp ours.orig inplace.flywheel
"$FLYWHEEL" merge base.flywheel inplace.flywheel theirs.flywheel -o inplace.flywheel; rc=$?
check "merging into OURS exits 0" test "$rc" = 0
check "OURS is replaced by the merge" cmp -s inplace.flywheel merged.flywheel
check "no backup is left beside OUT" test ! -e inplace.flywheel~

# merge, conflicting: ours says low, theirs high; exit 1, the conflict in the file.
"$FLYWHEEL" merge base.flywheel low.flywheel theirs.flywheel -o conflict.flywheel \
  > conflict.out 2> conflict.err; rc=$?
check "a conflicting merge exits 1" test "$rc" = 1
check "it says how many conflicts are kept and where" test "$(cat conflict.err)" = \
  "flywheel: conflict.flywheel: 1 conflict is kept inside the workbook; open it in Flywheel to choose which version to keep"
"$FLYWHEEL" validate conflict.flywheel > /dev/null; rc=$?
check "the merged workbook with a conflict validates" test "$rc" = 0
check "the workbook holds ours" test "$(jq -r '.ideas[0].priority.urgency' conflict.flywheel)" = low
check "the conflict records the item, the field and the three values" \
  test "$(jq -c '.conflicts' conflict.flywheel)" = \
  '[{"item":"idea","id":"d1f3a5c7-2b4e-4d6f-8a1c-5e7f9b1d3a11","field":"urgency","base":"medium","ours":"low","theirs":"high","ours_from":"Mika Sato, 2026-11-29 00:00 UTC","theirs_from":"Mika Sato, 2026-11-29 00:00 UTC"}]'
"$FLYWHEEL" show conflict.flywheel > conflict.txt
check "show lists the unresolved conflict" \
  test "$(tail -n 2 conflict.txt)" = "Unresolved conflicts
  Idea “$idea”: Urgency: ours Low, theirs High"

# The report's cover says a conflict is left (pdftotext comes with the test set-up).
"$FLYWHEEL" report conflict.flywheel -o conflict.pdf > /dev/null 2>&1
check "the report's cover says how many conflicts are left" \
  sh -c 'pdftotext -l 1 conflict.pdf - | grep -qx "1 unresolved conflict"'

# Merging a version that still keeps the conflict: nothing new, the old one stays.
"$FLYWHEEL" merge base.flywheel conflict.flywheel base.flywheel -o again.flywheel \
  2> again.err; rc=$?
check "a merge with only earlier conflicts exits 0" test "$rc" = 0
check "and says they are still unresolved" test "$(cat again.err)" = \
  "flywheel: again.flywheel: merged; 1 earlier conflict is still unresolved inside the workbook"
check "the earlier conflict is kept" test "$(jq '.conflicts | length' again.flywheel)" = 1

# No common version: an empty BASE (git's %O when both sides added the file).
: > empty.flywheel
"$FLYWHEEL" merge empty.flywheel ours.flywheel theirs.flywheel -o twoway.flywheel \
  2> twoway.err; rc=$?
check "an empty BASE: every difference is a conflict (exit 1)" test "$rc" = 1
check "the two-way merge counts both" test "$(cat twoway.err)" = \
  "flywheel: twoway.flywheel: 2 conflicts are kept inside the workbook; open it in Flywheel to choose which versions to keep"
check "a two-way conflict has no base" \
  test "$(jq -c '[.conflicts[] | has("base")]' twoway.flywheel)" = '[false,false]'
"$FLYWHEEL" merge /dev/null theirs.flywheel theirs.flywheel -o same.flywheel; rc=$?
check "/dev/null as BASE and the same version twice: exit 0" test "$rc" = 0

# Errors: exit 2, the file named, OUT untouched.
cp ours.orig out.flywheel
head -c 300 base.flywheel > corrupt.flywheel
"$FLYWHEEL" merge base.flywheel out.flywheel corrupt.flywheel -o out.flywheel \
  > err.out 2> err.err; rc=$?
check "a corrupt THEIRS exits 2" test "$rc" = 2
check "the message names the corrupt file" \
  grep -q "^flywheel: $here/corrupt.flywheel: line [0-9]*, column [0-9]*: not valid JSON" err.err
check "OUT is untouched on an error" cmp -s out.flywheel ours.orig
check "nothing is printed on stdout on an error" test ! -s err.out
"$FLYWHEEL" merge corrupt.flywheel out.flywheel theirs.flywheel -o out.flywheel 2> /dev/null
rc=$?
check "a corrupt BASE exits 2 and leaves OUT" test "$rc" = 2 -a "$(cmp -s out.flywheel ours.orig; echo $?)" = 0

echo '{"format": "flywheel-slides", "version": 1}' > slides.json
"$FLYWHEEL" diff base.flywheel slides.json > /dev/null 2> type.err; rc=$?
check "diff of a file that is no workbook exits 2" test "$rc" = 2
check "the message names it and says what it is not" test "$(cat type.err)" = \
  "flywheel: $here/slides.json: format: not “flywheel-workbook”, so this is not a Flywheel workbook"
"$FLYWHEEL" show missing.flywheel > /dev/null 2> missing.err; rc=$?
check "show of a missing file exits 2 and names it" \
  test "$rc" = 2 -a "$(cat missing.err)" = "flywheel: $here/missing.flywheel: no such file"

# Copies of two workbooks (two ids): the core's refusal, nothing written.
jq '.id = "11111111-1111-4111-8111-111111111111"' ours.orig > mine.flywheel
jq '.id = "22222222-2222-4222-8222-222222222222" | .title = "Checkout"' base.flywheel \
  > other.flywheel
cp mine.flywheel mine.orig
"$FLYWHEEL" merge base.flywheel mine.flywheel other.flywheel -o mine.flywheel 2> other.err
rc=$?
check "copies of two workbooks exit 2" test "$rc" = 2
check "the refusal names both workbooks and files" test "$(cat other.err)" = \
  "flywheel: The copies are of two different workbooks, “Tabiji — ML winning patterns (workshop homework)” and “Checkout” (mine.flywheel and other.flywheel); nothing was written to mine.flywheel"
check "OUT is untouched when refused" cmp -s mine.flywheel mine.orig

# Usage errors: exit 2.
"$FLYWHEEL" merge --lnag ja base.flywheel ours.flywheel theirs.flywheel -o never.flywheel \
  2> option.err; rc=$?
check "a mistyped option exits 2, names it, writes nothing" \
  test "$rc" = 2 -a "$(cat option.err)" = "flywheel: Unknown option --lnag" -a ! -e never.flywheel
"$FLYWHEEL" merge base.flywheel ours.flywheel theirs.flywheel 2> noout.err; rc=$?
check "merge without -o exits 2" test "$rc" = 2 -a "$(cat noout.err)" = "flywheel: merge needs -o OUT"
"$FLYWHEEL" diff base.flywheel 2> count.err; rc=$?
check "diff of one file exits 2" \
  test "$rc" = 2 -a "$(cat count.err)" = "flywheel: diff takes exactly two workbooks, A and B"
"$FLYWHEEL" merg base.flywheel ours.flywheel theirs.flywheel -o never.flywheel \
  > /dev/null 2> verb.err; rc=$?
check "“merg” suggests merge" test "$rc" = 2 -a \
  "$(head -n 1 verb.err)" = "flywheel: “merg” is not a command. Did you mean “merge”?"
"$FLYWHEEL" merge --help > help.txt; rc=$?
check "merge --help shows the usage" test "$rc" = 0 -a \
  "$(sed -n 2p help.txt)" = "  flywheel merge [OPTION…] BASE OURS THEIRS -o OUT [--lang en|ja]"

# --lang: the labels and values in the language asked for, whatever the session's.
out=$("$FLYWHEEL" diff --lang ja base.flywheel theirs.flywheel)
check "diff --lang ja gives the levels in Japanese" \
  sh -c 'case "$1" in *": 中 → 高") exit 0;; *) exit 1;; esac' - "$out"
out=$(LANGUAGE=ja "$FLYWHEEL" diff --lang en base.flywheel theirs.flywheel)
check "diff --lang en in a Japanese session" test "$out" = "Idea “$idea”: Urgency: Medium → High"

[ "$failed" = 0 ]
