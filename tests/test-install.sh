#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# "meson install --destdir" puts every file where a desktop, a file manager and a software
# centre look for it; the installed desktop file and metainfo validate.
set -u
builddir=$1
prefix=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

if meson install -C "$builddir" --no-rebuild --quiet --destdir "$tmp" >"$tmp.log" 2>&1; then
  ok "meson install --destdir"
else
  fail "meson install --destdir"; sed 's/^/# /' "$tmp.log"
fi
rm -f "$tmp.log"
root=$tmp$prefix
id=io.github.flywheelpm.Flywheel
for f in \
  bin/flywheel \
  libexec/flywheel/flywheel-cli \
  libexec/flywheel/flywheel-gui \
  share/applications/$id.desktop \
  share/dbus-1/services/$id.service \
  share/metainfo/$id.metainfo.xml \
  share/mime/packages/$id.xml \
  share/icons/hicolor/scalable/apps/$id.svg \
  share/icons/hicolor/symbolic/apps/$id-symbolic.svg \
  share/glib-2.0/schemas/$id.gschema.xml \
  share/flywheel/samples/sample-en.flywheel \
  share/flywheel/samples/sample-ja.flywheel \
  share/locale/ja/LC_MESSAGES/flywheel.mo
do
  if [ -s "$root/$f" ]; then ok "installed $f"; else fail "installed $f"; fi
done
if [ -x "$root/bin/flywheel" ]; then ok "bin/flywheel is executable"; else fail "bin/flywheel is executable"; fi
# The installed launcher looks for its programs in the prefix, not beside itself: run from
# the destdir it either finds an installed Flywheel or says which program it could not start.
out=$("$root/bin/flywheel" --version 2>&1); status=$?
case "$status:$out" in
  0:Flywheel*|"127:flywheel: cannot start $prefix/libexec/flywheel/flywheel-cli: "*)
    ok "installed launcher runs $prefix/libexec/flywheel/flywheel-cli" ;;
  *) fail "installed launcher runs $prefix/libexec/flywheel/flywheel-cli"
     printf '%s\n' "$status: $out" | sed 's/^/# /' ;;
esac
if grep -q "^Exec=$prefix/bin/flywheel --gapplication-service\$" \
     "$root/share/dbus-1/services/$id.service" 2>/dev/null; then
  ok "D-Bus service runs the installed binary"
else
  fail "D-Bus service runs the installed binary"
fi
if out=$(desktop-file-validate "$root/share/applications/$id.desktop" 2>&1) && [ -z "$out" ]; then
  ok "installed desktop file validates"
else
  fail "installed desktop file validates"; printf '%s\n' "$out" | sed 's/^/# /'
fi
if out=$(appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml" 2>&1); then
  ok "installed metainfo validates"
else
  fail "installed metainfo validates"; printf '%s\n' "$out" | sed 's/^/# /'
fi
echo "1..$n"
exit $failed
