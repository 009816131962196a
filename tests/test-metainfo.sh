#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appstreamcli validate --pedantic on the built metainfo: it must pass, and report nothing
# but infos, except that our application ID has capitals (GNOME's reverse-DNS convention,
# io.github.flywheelpm.Flywheel), which --pedantic always mentions.
set -u
metainfo=$1
echo "1..2"
out=$(appstreamcli validate --no-net --pedantic "$metainfo" 2>&1)
status=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ $status -eq 0 ]; then echo "ok 1 - appstreamcli validate passes"
else echo "not ok 1 - appstreamcli validate failed ($status)"; fi
bad=$(printf '%s\n' "$out" | grep -E '^[EWP]:' | grep -v 'cid-contains-uppercase-letter')
if [ -z "$bad" ]; then echo "ok 2 - only infos besides the capitals in the ID"
else echo "not ok 2 - errors, warnings or pedantic notes:"; printf '%s\n' "$bad" | sed 's/^/# /'; fi
