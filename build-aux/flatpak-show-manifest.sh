#!/bin/sh
# Let flatpak-builder parse a manifest. It only warns about unknown
# properties, so any warning fails the test. Skipped (exit status 77) when
# flatpak-builder is not installed.
#
# Usage: flatpak-show-manifest.sh MANIFEST

manifest=$1
if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "SKIP: flatpak-builder is not installed" >&2
  exit 77
fi

err=$(mktemp)
trap 'rm -f "$err"' EXIT
if ! flatpak-builder --show-manifest "$manifest" >/dev/null 2>"$err"; then
  cat "$err" >&2
  echo "FAIL: flatpak-builder cannot parse $manifest" >&2
  exit 1
fi
if [ -s "$err" ]; then
  cat "$err" >&2
  echo "FAIL: flatpak-builder warns about $manifest" >&2
  exit 1
fi
echo "OK: $manifest"
