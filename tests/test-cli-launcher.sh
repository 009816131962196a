#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The launcher: which program a first argument goes to, and a mistyped verb. TAP.
# Usage: test-cli-launcher.sh FLYWHEEL
set -u
FLYWHEEL=$1
. "$(dirname "$0")/tap.sh"

echo "1..15"

# A copy of the launcher runs the programs beside it: two that only say their name.
mkdir "$TMP/bin" "$TMP/work"
cp "$FLYWHEEL" "$TMP/bin/flywheel"
for program in flywheel-cli flywheel-gui; do
  printf '#!/bin/sh\necho %s\n' "$program" > "$TMP/bin/$program"
  chmod +x "$TMP/bin/$program"
done
touch "$TMP/work/notes"
goes_to () {  # goes_to PROGRAM ARGUMENT
  test "$(cd "$TMP/work" && "$TMP/bin/flywheel" "$2")" = "$1"
}
check "a verb goes to the command line" goes_to flywheel-cli export
check "--version goes to the command line" goes_to flywheel-cli --version
check "collect goes to the command line" goes_to flywheel-cli collect
check "a word that is no file goes to the command line" goes_to flywheel-cli frobnicate
check "a word that is an existing file opens the window" goes_to flywheel-gui notes
check "a name with a dot opens the window (its error is the window's)" \
  goes_to flywheel-gui missing.flywheel
check "a path opens the window" goes_to flywheel-gui ./frobnicate
check "an option opens the window (D-Bus activation)" goes_to flywheel-gui --gapplication-service
check "no argument opens the window" test "$("$TMP/bin/flywheel")" = flywheel-gui

# The real programs: a mistyped verb is named, with the nearest command, exit 2.
timeout 20 "$FLYWHEEL" exprot sample.flywheel -o x.png > "$TMP/out" 2> "$TMP/err"; rc=$?
check "a mistyped verb exits 2 (no window: timeout would give 124)" test "$rc" = 2
check "a mistyped verb suggests the nearest command" \
  test "$(head -n 1 "$TMP/err")" = "flywheel: “exprot” is not a command. Did you mean “export”?"
check "the commands are listed" grep -q "flywheel validate FILE" "$TMP/err"
timeout 20 "$FLYWHEEL" frobnicate > "$TMP/out" 2> "$TMP/err"; rc=$?
check "a word near no command exits 2" test "$rc" = 2
check "a word near no command is named, nothing suggested" \
  test "$(head -n 1 "$TMP/err")" = "flywheel: “frobnicate” is neither a command nor a file."
check "nothing on stdout, no GTK message" test ! -s "$TMP/out" -a -z "$(grep -i gtk "$TMP/err")"

exit $failed
