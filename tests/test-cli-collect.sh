#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flywheel collect against the built binary: the summary, new ideas, -o and in place,
# idempotent and order-independent, a refused copy writes nothing. TAP output.
# Usage: test-cli-collect.sh FLYWHEEL FIXTURES_DIR
set -u
FLYWHEEL=$1
FIXTURES=$2
. "$(dirname "$0")/tap.sh"
# The file without its "modified" line: the time of writing is all that may differ.
timeless () {
  grep -v '"modified"' "$1"
}

echo "1..26"

cp "$FIXTURES/team.flywheel" "$FIXTURES/aiko.flywheel" "$FIXTURES/ben.flywheel" \
   "$FIXTURES/other.flywheel" "$TMP/"
cd "$TMP" || exit 99

# -o: the summary, new ideas added with a note, TEAM itself untouched.
"$FLYWHEEL" collect team.flywheel aiko.flywheel ben.flywheel -o out.flywheel > out.txt; rc=$?
check "collect -o exits 0" test "$rc" = 0
check "the new idea is added with a note" \
  test "$(head -n 1 out.txt)" = "New idea from Ben added: “Voice search”"
check "the summary says what came in from each member" \
  test "$(tail -n 1 out.txt)" = "Aiko: 3 ideas assessed; Ben: 2 ideas assessed, 1 new idea"
check "TEAM is left as it was with -o" cmp -s team.flywheel "$FIXTURES/team.flywheel"
"$FLYWHEEL" validate out.flywheel > /dev/null
check "the collected workbook validates" test $? = 0
check "the members the team did not know are added" \
  test "$(jq -c '[.members[].name]' out.flywheel)" = '["Pat","Aiko","Ben"]'
check "each idea has each member's assessment" \
  test "$(jq -c '[.ideas[] | [.assessments[].member]]' out.flywheel)" = \
       '[["m-aiko","m-ben"],["m-aiko","m-ben"],["m-aiko"],["m-ben"]]'
check "the judgement comes with the assessment" \
  test "$(jq -r '.ideas[0].assessments[0].conditions["full-accuracy"].note' out.flywheel)" = finance
check "the idea Ben deleted in his copy stays" \
  test "$(jq -r '.ideas[2].title' out.flywheel)" = "Price hints"
check "the workbook keeps its id" \
  test "$(jq -r '.id' out.flywheel)" = "$(jq -r '.id' team.flywheel)"

# Collecting the same copies again changes nothing, byte for byte.
"$FLYWHEEL" collect out.flywheel aiko.flywheel ben.flywheel -o again.flywheel > again.txt; rc=$?
check "collecting again exits 0" test "$rc" = 0
check "collecting again gives the same bytes" cmp -s out.flywheel again.flywheel
check "collecting again offers no new idea" \
  test "$(cat again.txt)" = \
       "Aiko: 3 ideas assessed, all collected before; Ben: 3 ideas assessed, all collected before"

# The other order gives the same workbook.
"$FLYWHEEL" collect team.flywheel ben.flywheel aiko.flywheel -o swapped.flywheel > /dev/null
timeless out.flywheel > a.txt
timeless swapped.flywheel > b.txt
check "the copies' order does not matter" cmp -s a.txt b.txt

# In place, atomically with a backup.
cp team.flywheel inplace.flywheel
"$FLYWHEEL" collect inplace.flywheel aiko.flywheel > /dev/null; rc=$?
check "collect in place exits 0" test "$rc" = 0
check "TEAM is written in place" test "$(jq '.ideas[0].assessments | length' inplace.flywheel)" = 1
check "the previous TEAM is kept as a backup" cmp -s inplace.flywheel~ team.flywheel

# A copy of another workbook: named, exit 1, nothing written.
cp team.flywheel refused.flywheel
"$FLYWHEEL" collect refused.flywheel aiko.flywheel other.flywheel > refused.out 2> refused.err
rc=$?
check "a copy of another workbook exits 1" test "$rc" = 1
check "the message names the copy and both workbooks" \
  test "$(cat refused.err)" = "flywheel: other.flywheel: a copy of another workbook, “Checkout”, not of “Search”; nothing was collected"
check "nothing is written for a refused copy" cmp -s refused.flywheel team.flywheel
check "no backup is made for a refused copy" test ! -e refused.flywheel~

# Usage errors.
"$FLYWHEEL" collect team.flywheel > /dev/null 2> usage.err; rc=$?
check "collect without a MEMBER copy exits 2" test "$rc" = 2
"$FLYWHEEL" collect team.flywheel missing.flywheel -o never.flywheel > /dev/null 2>&1; rc=$?
check "a missing copy exits 1 and writes nothing" test "$rc" = 1 -a ! -e never.flywheel
"$FLYWHEEL" collect --help > help.txt; rc=$?
check "collect --help exits 0 and shows the usage" \
  grep -q "flywheel collect \[OPTION…\] TEAM.flywheel MEMBER.flywheel…" help.txt

# Japanese: the summary and the refusal.
out=$(LANGUAGE=ja "$FLYWHEEL" collect team.flywheel aiko.flywheel ben.flywheel -o ja.flywheel)
check "the summary in Japanese" test "$(printf '%s\n' "$out" | tail -n 1)" = \
  "Aiko: 3 件のアイデアを評価 / Ben: 2 件のアイデアを評価、新しいアイデア 1 件"
LANGUAGE=ja "$FLYWHEEL" collect refused.flywheel other.flywheel > /dev/null 2> ja.err
check "the refusal in Japanese names both workbooks" test "$(cat ja.err)" = \
  "flywheel: other.flywheel: 「Search」ではなく別のワークブック「Checkout」のコピーです。何も集めていません"

[ "$failed" = 0 ]
