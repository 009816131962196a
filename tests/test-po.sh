#!/bin/sh
# Translation checks, as TAP: po/ja.po is valid and complete, every file with
# translatable strings is in POTFILES.in, and ja.po covers every msgid in the sources and
# no other.
# Usage: test-po.sh SOURCE_ROOT
set -u
root=$1
cd "$root" || exit 1
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n $1"; shift; for l in "$@"; do echo "# $l"; done; }

echo "1..4"

# 1. Valid, and nothing untranslated or fuzzy.
stats=$(msgfmt --check --statistics -o /dev/null po/ja.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*|*error*|*warning*) notok "po/ja.po is valid and complete" "$stats" ;;
  *) ok "po/ja.po is valid and complete ($stats)" ;;
esac

# 2. Every source with translatable strings is listed.
missing=""
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext) ?\(|translatable="yes"' \
             src data --include='*.c' --include='*.ui' --include='*.in' 2>/dev/null | sort); do
  grep -qxF "$f" po/POTFILES.in || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with translatable strings"
else notok "POTFILES.in lists every file with translatable strings" "missing:$missing"; fi

# 3. ja.po translates every msgid the sources have now.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=TRANSLATORS --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=g_strdup_printf:1:c-format --flag=g_string_append_printf:2:c-format \
  -f "$tmp/files" -o "$tmp/flywheel.pot" 2>"$tmp/err"
if [ ! -s "$tmp/flywheel.pot" ]; then
  notok "ja.po covers every msgid" "xgettext failed: $(cat "$tmp/err")"
elif out=$(msgcmp po/ja.po "$tmp/flywheel.pot" 2>&1); then
  ok "ja.po covers every msgid"
else
  notok "ja.po covers every msgid" "$(echo "$out" | head -n 20)"
fi

# 4. And nothing more: an entry whose msgid the sources no longer have is dead
# (an old wording lingering where a translator would read it as current).
if [ ! -s "$tmp/flywheel.pot" ]; then
  notok "ja.po has no entry the sources lack" "xgettext failed"
elif out=$(msgcmp --use-untranslated "$tmp/flywheel.pot" po/ja.po 2>&1); then
  ok "ja.po has no entry the sources lack"
else
  notok "ja.po has no entry the sources lack" "$(echo "$out" | head -n 20)"
fi
exit $fail
