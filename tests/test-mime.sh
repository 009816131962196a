#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shared-mime-info definition, installed into a private data dir: a *.flywheel file is a
# workbook by its name, and a workbook without the extension is one by its contents.
set -u
mime_xml=$1
samples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..4"
mkdir -p "$tmp/share/mime/packages"
cp "$mime_xml" "$tmp/share/mime/packages/io.github.flywheelpm.Flywheel.xml"
if XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share:/usr/share" \
   update-mime-database "$tmp/share/mime" >"$tmp/log" 2>&1 && [ ! -s "$tmp/log" ]; then
  echo "ok 1 - update-mime-database accepts it with no warning"
else
  echo "not ok 1 - update-mime-database:"; sed 's/^/# /' "$tmp/log"
fi

type_of () {
  XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share:/usr/share" \
    gio info -a standard::content-type "$1" 2>&1 | sed -n 's/^ *standard::content-type: //p'
}
check () {
  n=$1 file=$2 want=$3 what=$4
  got=$(type_of "$file")
  if [ "$got" = "$want" ]; then echo "ok $n - $what: $got"
  else echo "not ok $n - $what: got '$got', want '$want'"; fi
}
cp "$samples/sample-en.flywheel" "$tmp/homework.flywheel"
check 2 "$tmp/homework.flywheel" application/x-flywheel-workbook "by the *.flywheel glob"
cp "$samples/sample-ja.flywheel" "$tmp/homework-renamed"
check 3 "$tmp/homework-renamed" application/x-flywheel-workbook "by the format tag, no extension"
printf '{"format": "something-else", "version": 1}\n' >"$tmp/other.json"
check 4 "$tmp/other.json" application/json "other JSON stays JSON"
