#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "flywheel validate" on every bad workbook: exit status 1, a message on stderr that
# names the file, nothing written, never a crash. On the sample workbooks: exit 0.
#
# Usage: test-cli-validate.sh FLYWHEEL BAD_DIR SAMPLES_DIR   (TAP output)

flywheel=$1
bad_dir=$2
samples_dir=$3

# meson passes the program relative to the build folder; the checks run elsewhere.
case $flywheel in
  /*) ;;
  *) flywheel=$(pwd)/$flywheel ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/fw-cli-validate-XXXXXX") || exit 99
logs=$(mktemp -d "${TMPDIR:-/tmp}/fw-cli-validate-logs-XXXXXX") || exit 99
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work" "$logs"' EXIT

n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n $1"; }
not_ok ()
{
  n=$((n + 1)); failed=1
  echo "not ok $n $1"
  sed 's/^/# stderr: /' "$logs/err"
}

# Runs validate on $1 from inside the (empty) work folder; expects exit status $2.
check ()
{
  file=$1
  expected=$2
  ( cd "$work" && exec "$flywheel" validate "$file" ) >"$logs/out" 2>"$logs/err"
  status=$?
  leftovers=$(ls -A "$work")

  if [ $status -gt 128 ]; then
    not_ok "$file: crashed (exit status $status)"
  elif [ $status -ne "$expected" ]; then
    not_ok "$file: exit status $status, expected $expected"
  elif [ -n "$leftovers" ]; then
    not_ok "$file: validate wrote files: $leftovers"
  elif [ "$expected" -ne 0 ] && ! grep -qF -- "$file" "$logs/err"; then
    not_ok "$file: the message does not name the file"
  elif [ "$expected" -ne 0 ] && [ -s "$logs/out" ]; then
    not_ok "$file: wrote to standard output on failure"
  elif [ "$expected" -eq 0 ] && ! grep -qF -- "$file" "$logs/out"; then
    not_ok "$file: the summary does not name the file"
  else
    ok "$file: exit status $status"
    sed 's/^/# /' "$logs/err" "$logs/out"
  fi
}

for file in "$bad_dir"/*.json; do
  check "$file" 1
done

# Generated ones, too big to keep in the repository.
gen=$(mktemp -d "${TMPDIR:-/tmp}/fw-cli-validate-gen-XXXXXX") || exit 99
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work" "$logs" "$gen"' EXIT
head -c 100000 /dev/zero | tr '\0' '[' >"$gen/deep.flywheel"
check "$gen/deep.flywheel" 1
# Sparse: refused from its size before anything is read.
truncate -s $((64 * 1024 * 1024 + 1)) "$gen/big.flywheel"
check "$gen/big.flywheel" 1
check "$gen/does-not-exist.flywheel" 1
mkdir "$gen/folder.flywheel"
check "$gen/folder.flywheel" 1

for sample in "$samples_dir/sample-en.flywheel" "$samples_dir/sample-ja.flywheel"; do
  if [ -f "$sample" ]; then
    check "$sample" 0
  else
    n=$((n + 1)); echo "ok $n # SKIP $sample not written yet"
  fi
done

echo "1..$n"
exit $failed
