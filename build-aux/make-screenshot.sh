#!/bin/sh
# Takes the screenshots of the main window on the reference project, in
# English and in Chinese, for the metainfo and the README:
#
#   data/screenshots/window.png              (en_US)
#   data/screenshots/window-zh_CN.png        (zh_CN)
#   data/screenshots/comparison.png          (en_US, the Comparison page)
#   data/screenshots/uncertainty.png         (en_US, the Uncertainty page)
#   data/screenshots/uncertainty-zh_CN.png   (zh_CN, the Uncertainty page)
#   data/screenshots/actuals.png             (en_US, the Actuals page)
#   data/screenshots/actuals-zh_CN.png       (zh_CN, the Actuals page)
#
# The Actuals page shows the test plan of tests/model/bills with its FOCUS
# bill imported (the reference project has no actual spending).
#
# Usage: build-aux/make-screenshot.sh [BUILDDIR]   (default: _build)
#
# Needs xvfb-run, xwininfo (x11-utils), xdotool, ImageMagick and the
# en_US.UTF-8 and zh_CN.UTF-8 locales (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8).
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/_build}" && pwd)
outdir=$srcdir/data/screenshots
project=$srcdir/data/examples/reference.modelcost
width=1280
# The frame around the window that GTK keeps for resizing without a compositor.
frame=4
# Where the sidebar's entries are, in the window, frame included.
sidebar_x=90
comparison_y=181
uncertainty_y=257
actuals_y=333

ninja -C "$builddir" src/modelcost po/zh_CN/LC_MESSAGES/modelcost.mo >/dev/null 2>&1 ||
  ninja -C "$builddir" >/dev/null
mkdir -p "$outdir"

# shoot LOCALE OUTPUT HEIGHT [X Y]: the window of $project, HEIGHT pixels tall, after a
# click at X, Y when given (and the time for a page's simulation to run).
shoot () {
  locale=$1
  output=$2
  height=$3
  click=${4:+$4 $5}
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT

  if [ "$(LC_ALL=$locale locale charmap 2>/dev/null)" != UTF-8 ]; then
    echo "The $locale locale is not installed; run: localedef -i ${locale%%.*} -f UTF-8 $locale" >&2
    exit 1
  fi

  # The window opens at the size the settings remember.
  mkdir -p "$home/config/glib-2.0/settings"
  cat > "$home/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/modelcost/ModelCost]
window-width=$((width + 2 * frame))
window-height=$((height + 2 * frame))
KEYFILE

  env LANG="$locale" LC_ALL="$locale" LANGUAGE="${locale%%.*}" \
      HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
      GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data" \
      MODELCOST_LOCALEDIR="$builddir/po" GTK_A11Y=none \
    xvfb-run -a -s "-screen 0 $((width + 200))x$((height + 200))x24" sh -c '
      "$0" "$1" 2>/dev/null &
      app=$!
      window=""
      for i in $(seq 50); do
        sleep 0.2
        window=$(xwininfo -root -tree | awk "/\"modelcost\"/ && !/ 1x1\+/ { print \$1; exit }")
        [ -n "$window" ] && break
      done
      if [ -n "$3" ]; then
        sleep 1
        xdotool mousemove --window "$window" $3 click 1
        sleep 2
      fi
      # Let the charts and fonts settle.
      sleep 2
      import -window "$window" "$2"
      kill $app' "$builddir/src/modelcost" "$project" "$home/raw.png" "$click"

  convert "$home/raw.png" -shave "${frame}x${frame}" +repage -strip "$output"
  rm -rf "$home"
  trap - EXIT
  echo "Wrote $output"
}

shoot en_US.UTF-8 "$outdir/window.png" 800
shoot zh_CN.UTF-8 "$outdir/window-zh_CN.png" 800
shoot en_US.UTF-8 "$outdir/comparison.png" 800 $sidebar_x $comparison_y
# Tall enough for the percentiles and the histogram under them.
shoot en_US.UTF-8 "$outdir/uncertainty.png" 1000 $sidebar_x $uncertainty_y
shoot zh_CN.UTF-8 "$outdir/uncertainty-zh_CN.png" 1000 $sidebar_x $uncertainty_y

# The plan of the bill tests, with their FOCUS bill imported.
actuals_dir=$(mktemp -d)
cp "$srcdir/tests/model/bills/plan.modelcost" "$actuals_dir/plan.modelcost"
"$builddir/src/modelcost" --import-actuals "$srcdir/tests/model/bills/focus.csv" "$actuals_dir/plan.modelcost" >/dev/null
project=$actuals_dir/plan.modelcost
shoot en_US.UTF-8 "$outdir/actuals.png" 1000 $sidebar_x $actuals_y
shoot zh_CN.UTF-8 "$outdir/actuals-zh_CN.png" 1000 $sidebar_x $actuals_y
rm -rf "$actuals_dir"
