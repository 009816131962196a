# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the command-line tests: a scratch folder removed on exit, and TAP
# lines counted (ok STATUS DESCRIPTION; check DESCRIPTION COMMAND…).
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
check () {  # check DESCRIPTION COMMAND…
  what=$1; shift
  if "$@"; then ok 0 "$what"; else ok 1 "$what"; fi
}
