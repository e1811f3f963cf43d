#!/bin/sh
# Renders the first page of the reference case's PDF report as
# data/screenshots/report-page1.png, the picture of the report that the
# README and the store listing show.
#
# Usage: make-report-screenshot.sh [BUILDDIR]   (default: _build)
set -eu
cd "$(dirname "$0")/.."

builddir=${1:-_build}
modelcost="$builddir/src/modelcost"

if [ ! -x "$modelcost" ]; then
  echo "$modelcost is not built: run meson setup $builddir && ninja -C $builddir" >&2
  exit 1
fi
for tool in pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed (Debian: poppler-utils)" >&2
    exit 1
  fi
done

lang=C.UTF-8
if locale -a 2>/dev/null | grep -qi '^en_US.utf-\?8$'; then
  lang=en_US.UTF-8
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/modelcost-screenshot.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The report's date is the last commit's, so that the picture only changes
# when the report does.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH

LC_ALL=$lang LANGUAGE= MODELCOST_LOCALEDIR="$builddir/po" \
  "$modelcost" --export "$work/report.pdf" data/examples/reference.modelcost

mkdir -p data/screenshots
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work/report.pdf" "$work/page"
mv "$work/page.png" data/screenshots/report-page1.png
echo "data/screenshots/report-page1.png"
