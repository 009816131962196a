#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flywheel triage against the built binary. TAP output.
# Usage: test-cli-triage.sh FLYWHEEL FIXTURES_DIR
set -u
FLYWHEEL=$1
FIXTURES=$2
. "$(dirname "$0")/tap.sh"

echo "1..32"

# --format tsv: number, task id, triggers, title; one line per story.
"$FLYWHEEL" triage "$FIXTURES/backlog.md" --format tsv > "$TMP/out.tsv"; rc=$?
check "triage --format tsv exits 0" test "$rc" = 0
{
  printf '1\tranking\tsearch results,ordered by,relevance\t'
  printf 'Search results ordered by relevance in real time\n'
  printf '2\tregression\t需要,予測\t来週の需要を予測\n'
  printf '3\tnone\t\tReset my password\n'
} > "$TMP/expected.tsv"
check "the TSV lists each story with its suggestion" cmp -s "$TMP/out.tsv" "$TMP/expected.tsv"

# The accuracy set read as a TSV file: the story column is found by its header.
"$FLYWHEEL" triage "$FIXTURES/stories.tsv" --format tsv > "$TMP/set.tsv"
check "all 48 stories of the set are read" test "$(wc -l < "$TMP/set.tsv")" = 48
right=$(grep -v '^#' "$FIXTURES/stories.tsv" | cut -f1 | paste - "$TMP/set.tsv" |
        awk -F '\t' '$1 == $3' | wc -l)
check "the command line agrees with the rules test (43 of 48 right)" test "$right" -ge 43

# The text format names the task and the hinted conditions.
out=$("$FLYWHEEL" triage "$FIXTURES/backlog.md")
check "text format names the task" \
  grep -q "Suggested: Ranking (triggered by: search results, ordered by, relevance)" <<EOT
$out
EOT
check "text format names a hinted condition" \
  grep -q "Win condition: Immediate response (hinted by: real time)" <<EOT
$out
EOT

# -o: a workbook that validates, with the task suggested but not chosen.
out=$("$FLYWHEEL" triage "$FIXTURES/backlog.md" -o "$TMP/b.flywheel"); rc=$?
check "triage -o exits 0" test "$rc" = 0
check "triage -o prints a summary" test "$out" = "3 stories written as ideas to $TMP/b.flywheel"
"$FLYWHEEL" validate "$TMP/b.flywheel" > /dev/null
check "the workbook validates" test $? = 0
check "the suggestion is kept, the task is not chosen" test \
  "$(jq -r '.ideas[0] | [.task, .triage.suggested_task, (.triage.triggers | join(",")),
                         .conditions["immediate-response"].ticked] | join(" ")' "$TMP/b.flywheel")" \
  = "undecided ranking search results,ordered by,relevance true"
check "the notes say why" test \
  "$(jq -r '.ideas[0].notes' "$TMP/b.flywheel")" \
  = "Suggested task: Ranking (triggered by: search results, ordered by, relevance)"

# --lang ja writes the notes in Japanese.
"$FLYWHEEL" triage "$FIXTURES/backlog.md" --lang ja -o "$TMP/ja.flywheel" > /dev/null
check "--lang ja notes" test "$(jq -r '.ideas[1].notes' "$TMP/ja.flywheel")" \
  = "提案されたMLのタスク: 回帰 (手がかりの語: 需要、予測)"

# Errors: non-zero, nothing written.
head -c 4096 /dev/urandom > "$TMP/binary.txt"
"$FLYWHEEL" triage "$TMP/binary.txt" -o "$TMP/bin.flywheel" 2> "$TMP/err"; rc=$?
check "a binary file is refused" test "$rc" = 1
check "nothing is written for a binary file" test ! -e "$TMP/bin.flywheel"
truncate -s 17M "$TMP/huge.txt"
"$FLYWHEEL" triage "$TMP/huge.txt" -o "$TMP/huge.flywheel" 2> "$TMP/err"; rc=$?
check "a file over 16 MiB is refused" test "$rc" = 1 -a ! -e "$TMP/huge.flywheel"
check "the size refusal says MiB" grep -q "huge.txt: larger than 16.0.MiB" "$TMP/err"
"$FLYWHEEL" triage "$TMP/missing.txt" 2> "$TMP/err"
check "a missing file exits non-zero" test $? != 0
check "a missing file is named in our words, not GIO's" \
  test "$(cat "$TMP/err")" = "flywheel: $TMP/missing.txt: no such file"
"$FLYWHEEL" triage "$FIXTURES/backlog.md" --format xml 2> /dev/null
check "an unknown format exits non-zero" test $? != 0

# A CP932 backlog (Japanese Windows' Notepad, Excel) is read, not refused.
printf '需要を予測したい\r\n商品をおすすめしてほしい\r\n' | iconv -f UTF-8 -t CP932 > "$TMP/cp932.txt"
"$FLYWHEEL" triage "$TMP/cp932.txt" --format tsv > "$TMP/cp932.tsv"; rc=$?
check "a CP932 backlog exits 0" test "$rc" = 0
{
  printf '1\tregression\t需要,予測\t需要を予測したい\n'
  printf '2\trecommendation\tおすすめ\t商品をおすすめしてほしい\n'
} > "$TMP/cp932-expected.tsv"
check "a CP932 backlog gives its two stories" cmp -s "$TMP/cp932.tsv" "$TMP/cp932-expected.tsv"

# Lone CRs end lines too: two stories, not one.
printf 'As a planner, I want to forecast demand\rAs a shopper, I want products recommended\r' \
  > "$TMP/cr.txt"
"$FLYWHEEL" triage "$TMP/cr.txt" --format tsv > "$TMP/cr.tsv"
check "a CR-only backlog is two stories" test "$(cut -f2 "$TMP/cr.tsv" | tr '\n' ' ')" = \
  "regression recommendation "

# A workbook (or any JSON) is not a backlog.
printf '{ "format": "flywheel-workbook", "version": 1, "ideas": [] }\n' > "$TMP/plan.flywheel"
"$FLYWHEEL" triage "$TMP/plan.flywheel" > "$TMP/out" 2> "$TMP/err"; rc=$?
check "triage plan.flywheel exits 1" test "$rc" = 1
check "triage plan.flywheel says it takes a backlog, not a workbook" \
  grep -q "plan.flywheel: this is a Flywheel workbook, not a backlog" "$TMP/err"
check "triage plan.flywheel lists no story" test ! -s "$TMP/out"
printf '[{"story": "As a user, I want A"}]\n' > "$TMP/data.json"
"$FLYWHEEL" triage "$TMP/data.json" 2> "$TMP/err"; rc=$?
check "JSON data is refused too" test "$rc" = 1
check "JSON data: says why" grep -q "data.json: this is JSON data, not a backlog" "$TMP/err"

# -o writes a workbook, so it must be named .flywheel; nothing is written otherwise.
"$FLYWHEEL" triage "$FIXTURES/backlog.md" -o "$TMP/out.txt" 2> "$TMP/err"; rc=$?
check "triage -o out.txt exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/out.txt"
check "triage -o out.txt says which extension" \
  grep -q "out.txt: flywheel triage writes only .flywheel files" "$TMP/err"
"$FLYWHEEL" triage "$FIXTURES/backlog.md" -o "$TMP/nodir/b.flywheel" 2> "$TMP/err"; rc=$?
check "triage -o into a missing folder exits 1 naming the output" \
  test "$rc" = 1 -a "$(cat "$TMP/err")" = "flywheel: $TMP/nodir/b.flywheel: the folder does not exist"

# Only the languages Flywheel speaks.
"$FLYWHEEL" triage "$FIXTURES/backlog.md" --lang fr -o "$TMP/fr.flywheel" 2> "$TMP/err"; rc=$?
check "--lang fr exits 2 with nothing written" test "$rc" = 2 -a ! -e "$TMP/fr.flywheel"
check "--lang fr lists en and ja" grep -q "unknown language “fr”: use en or ja" "$TMP/err"

exit $failed
