#!/usr/bin/env bash
# Fails when lupdate would change the committed catalogue (a string was added, changed or removed
# without updating translations/) or when any entry is untranslated.
# Usage: check_translations.sh LUPDATE TS_FILE SOURCE_DIR...
set -euo pipefail
lupdate=$1; ts=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/check.ts"
"$lupdate" -silent -locations none -no-obsolete "$@" -ts "$work/check.ts"
if ! diff -u "$ts" "$work/check.ts"; then
    echo "FAIL: $ts is out of date; run: cmake --build <build dir> --target update_translations, then translate" >&2
    exit 1
fi
unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
empty=$(grep -c '<translation></translation>' "$ts" || true)
if [ "$unfinished" -ne 0 ] || [ "$empty" -ne 0 ]; then
    echo "FAIL: $ts has $unfinished unfinished and $empty empty translations" >&2
    grep -B3 'type="unfinished"' "$ts" | grep '<source>' | head -20 >&2
    exit 1
fi
total=$(grep -c '<source>' "$ts")
echo "ok: $total messages, all translated"
