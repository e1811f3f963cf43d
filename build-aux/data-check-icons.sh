#!/bin/bash
# Render the application icons and check what a user sees: the full-colour
# icon is a colourful rounded square at 16 and 128 pixels, the symbolic icon
# is a single-colour shape made of fills only, so that GTK can recolour it.
#
# Usage: data-check-icons.sh SCALABLE.svg SYMBOLIC.svg

set -u

icon=$1
symbolic=$2

for tool in rsvg-convert convert; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed" >&2
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/modelcost-icons.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# alpha PNG X Y: opacity (0..1) of one pixel.
alpha () {
  convert "$1" -alpha extract -format "%[fx:p{$2,$3}]" info:
}

# coverage PNG: mean opacity of the image.
coverage () {
  convert "$1" -alpha extract -format '%[fx:mean]' info:
}

# within VALUE LOW HIGH
within () {
  awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'
}

for size in 16 32 128; do
  png=$work/icon-$size.png
  if ! rsvg-convert -w "$size" -h "$size" "$icon" -o "$png"; then
    fail "$(basename "$icon") does not render at $size px"
    continue
  fi
  c=$((size / 2))
  [ "$(alpha "$png" 0 0)" = 0 ] || fail "icon at $size px: the corner is not transparent"
  [ "$(alpha "$png" "$c" "$c")" = 1 ] || fail "icon at $size px: the centre is not opaque"
  cov=$(coverage "$png")
  within "$cov" 0.6 0.95 || fail "icon at $size px covers $cov of its square, expected 0.6 to 0.95"
done
if [ -f "$work/icon-128.png" ]; then
  colours=$(convert "$work/icon-128.png" -alpha off -colors 32 -format '%k' info:)
  [ "$colours" -ge 8 ] || fail "icon at 128 px has only $colours colours"
fi

grep -q 'stroke' "$symbolic" && fail "$(basename "$symbolic") uses strokes; GTK recolours fills only"
fills=$(grep -o 'fill="[^"]*"' "$symbolic" | sort -u | wc -l)
[ "$fills" -eq 1 ] || fail "$(basename "$symbolic") uses $fills fill colours, expected one"
if rsvg-convert -w 16 -h 16 "$symbolic" -o "$work/symbolic.png"; then
  cov=$(coverage "$work/symbolic.png")
  within "$cov" 0.2 0.7 || fail "symbolic icon covers $cov of 16x16 px, expected 0.2 to 0.7"
else
  fail "$(basename "$symbolic") does not render"
fi

if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "OK: icons render as expected"
