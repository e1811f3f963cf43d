#!/bin/sh
# Renders the chart screenshots in data/screenshots from the bundled
# reference project, through the command line's export.
#
# Usage: build-aux/make-chart-screenshots.sh [BUILDDIR]   (default: _build)

set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/_build}" && pwd)
modelcost="$builddir/src/modelcost"
example="$srcdir/data/examples/reference.modelcost"
out="$srcdir/data/screenshots"

if [ ! -x "$modelcost" ]; then
  echo "$modelcost is missing: build the project first (meson setup, ninja)" >&2
  exit 1
fi

# English, with digit grouping; generate the locale if it is missing:
#   localedef -i en_US -f UTF-8 en_US.UTF-8
locale=C.UTF-8
if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  locale=en_US.UTF-8
else
  echo "en_US.UTF-8 is not installed: amounts will lack digit grouping" >&2
fi
export LC_ALL="$locale" LANG="$locale" LANGUAGE=
export MODELCOST_LOCALEDIR="$builddir/po"

mkdir -p "$out"
for chart in donut stacked; do
  "$modelcost" --export "$out/chart-$chart.png" --chart "$chart" \
    --width 1200 --height 750 --scale 1 "$example"
  echo "$out/chart-$chart.png"
done
