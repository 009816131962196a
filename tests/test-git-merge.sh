#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# git itself with flywheel as the merge driver and the textconv of *.flywheel, as
# docs/version-control.md sets it up: two branches changing different fields of one
# idea merge cleanly; the same field changed differently is a conflict git reports,
# kept inside a workbook that still validates; both sides adding the file merge with
# no base; git diff reads as fields. TAP output.
# Usage: test-git-merge.sh FLYWHEEL SAMPLES_DIR
set -u
FLYWHEEL=$1
SAMPLES=$2
. "$(dirname "$0")/tap.sh"

if ! command -v git > /dev/null 2>&1; then
  echo "1..0 # SKIP git is not installed"
  exit 0
fi

echo "1..26"

# No user or system configuration: the repository's own alone.
HOME=$TMP/home
GIT_CONFIG_NOSYSTEM=1
GIT_EDITOR=true
export HOME GIT_CONFIG_NOSYSTEM GIT_EDITOR
mkdir "$HOME" || exit 99
repo=$TMP/repo
git init -q "$repo" || exit 99
cd "$repo" || exit 99
git config user.name "Test Runner"
git config user.email "tests@flywheel.invalid"
git config merge.flywheel.name "Flywheel workbook merge"
git config merge.flywheel.driver "\"$FLYWHEEL\" merge %O %A %B -o %A"
git config diff.flywheel.textconv "\"$FLYWHEEL\" show"
echo '*.flywheel merge=flywheel diff=flywheel' > .gitattributes
cp "$SAMPLES/sample-en.flywheel" plan.flywheel
git add .gitattributes plan.flywheel
git commit -q -m "The sample workbook"
git branch -M main

# Edits as a person would make them in two clones: one field each, by jq.
edit () {  # edit JQ-FILTER MESSAGE: on the branch checked out
  jq "$1" plan.flywheel > plan.new && mv plan.new plan.flywheel
  git commit -q -a -m "$2"
}
urgency () {
  jq -r '.ideas[0].priority.urgency' plan.flywheel
}

# The first idea, "Stays picked for your travel style", has urgency medium.
git checkout -q -b title main
edit '.ideas[0].title = "Stays for your style"' "A shorter title"
git checkout -q -b urgent main
edit '.ideas[0].priority.urgency = "high"' "More urgent"

# Different fields of one idea: a clean merge with both.
git checkout -q main
git merge -q title > /dev/null 2>&1
git merge --no-edit urgent > merge.log 2>&1; rc=$?
check "git merges different fields of one idea cleanly" test "$rc" = 0
check "the merge has the title from one branch" \
  test "$(jq -r '.ideas[0].title' plan.flywheel)" = "Stays for your style"
check "and the urgency from the other" test "$(urgency)" = high
check "the merge made a commit" test "$(git rev-list --count HEAD)" = 4
"$FLYWHEEL" validate plan.flywheel > /dev/null; rc=$?
check "the merged workbook validates" test "$rc" = 0
check "it keeps no conflicts" test "$(jq 'has("conflicts")' plan.flywheel)" = false
rm -f merge.log
check "the driver leaves nothing behind in the work tree" \
  test -z "$(git status --porcelain --ignored)"

# git diff reads the workbook through flywheel show: a field per line.
git diff HEAD^1 HEAD -- plan.flywheel > diff.txt
check "git diff shows the field as it was" grep -qxF -- "-  Urgency: Medium" diff.txt
check "git diff shows the field as it is" grep -qxF -- "+  Urgency: High" diff.txt
check "git diff names the idea it is in" \
  grep -qF "Idea “Stays for your style” (d1f3a5c7-2b4e-4d6f-8a1c-5e7f9b1d3a11)" diff.txt
check "git diff shows no JSON" sh -c '! grep -q "\"urgency\"" diff.txt'
check "git diff changes two lines, no more" \
  test "$(grep -c '^[-+] ' diff.txt)" = 2
rm -f diff.txt

# One field changed differently on each side: git reports a conflict, the file is
# a valid workbook holding ours and the conflict.
git checkout -q -b low main
edit '.ideas[0].priority.urgency = "low"' "Less urgent"
git checkout -q -b medium main
edit '.ideas[0].priority.urgency = "medium"' "Back to medium"
git checkout -q low
git merge --no-edit medium > ../conflict.log 2>&1; rc=$?
check "git reports the conflicting merge (exit non-zero)" test "$rc" != 0
check "git names the file in conflict" \
  grep -qF "CONFLICT (content): Merge conflict in plan.flywheel" ../conflict.log
check "the driver says the conflict is kept inside the workbook" \
  grep -qF "1 conflict is kept inside the workbook" ../conflict.log
check "git leaves the file unmerged" test -n "$(git ls-files -u plan.flywheel)"
check "no conflict markers are written into the file" \
  sh -c '! grep -q "^<<<<<<<" plan.flywheel'
"$FLYWHEEL" validate plan.flywheel > /dev/null; rc=$?
check "the file in the work tree validates" test "$rc" = 0
check "it holds ours" test "$(urgency)" = low
check "and the conflict with the base and both sides" \
  test "$(jq -c '.conflicts | map([.item, .id, .field, .base, .ours, .theirs])' plan.flywheel)" = \
  '[["idea","d1f3a5c7-2b4e-4d6f-8a1c-5e7f9b1d3a11","urgency","high","low","medium"]]'
# Committed as it is, the conflict is resolved later in Flywheel.
git add plan.flywheel
git commit -q --no-edit; rc=$?
check "the workbook with its conflict can be committed" test "$rc" = 0
check "nothing is left behind after the conflicting merge" \
  test -z "$(git status --porcelain --ignored)"

# Both sides add the same file: git gives an empty base, a two-way merge.
git checkout -q -b add-a main
cp "$SAMPLES/sample-en.flywheel" copy.flywheel
jq '.ideas[0].title = "Stays for your style"' copy.flywheel > copy.new && mv copy.new copy.flywheel
git add copy.flywheel
git commit -q -m "A copy, retitled"
git checkout -q -b add-b main
cp "$SAMPLES/sample-en.flywheel" copy.flywheel
git add copy.flywheel
git commit -q -m "A copy as it was"
git merge --no-edit add-a > ../add.log 2>&1; rc=$?
check "both adding the file: git reports a conflict" test "$rc" != 0
"$FLYWHEEL" validate copy.flywheel > /dev/null; rc=$?
check "the file both added validates" test "$rc" = 0
check "with no base, the difference is a conflict without a base value" \
  test "$(jq -c '.conflicts | map([.field, has("base"), .ours, .theirs])' copy.flywheel)" = \
  '[["title",false,"Stays picked for your travel style","Stays for your style"]]'
check "no backup of git's temporary file is left" \
  test -z "$(find . -name '.merge_file_*' -print)"

[ "$failed" = 0 ]
