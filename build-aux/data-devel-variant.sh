#!/bin/bash
# Configure the development variant (-Ddevelopment=true) and check that every
# data file carries the .Devel application id, so that it installs side by
# side with the stable application. Only the data files are built.
#
# Usage: data-devel-variant.sh SOURCE_DIR [MESON]

set -u

srcdir=$(cd "$1" && pwd)
meson=${2:-meson}
app_id=io.github.modelcost.ModelCost.Devel
schema_path=/io/github/modelcost/ModelCost/Devel/

for tool in ninja desktop-file-validate appstreamcli gsettings; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed" >&2
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/modelcost-devel.XXXXXX")
trap 'rm -rf "$work"' EXIT
builddir=$work/build
data=$builddir/data
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

if ! "$meson" setup --prefix=/app -Ddevelopment=true "$builddir" "$srcdir" >"$work/setup.log" 2>&1; then
  tail -n 40 "$work/setup.log" >&2
  exit 1
fi

# Install destinations, read from the build description without building.
"$meson" introspect --installed "$builddir" >"$work/installed.json"
for dest in \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/mime/packages/$app_id.xml; do
  grep -qF "\"/app/$dest\"" "$work/installed.json" || fail "/app/$dest is not installed"
done

if ! ninja -C "$builddir" "data/$app_id.desktop" "data/$app_id.metainfo.xml" \
     "data/$app_id.xml" data/gschemas.compiled >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log" >&2
  exit 1
fi

desktop-file-validate "$data/$app_id.desktop" || fail "desktop-file-validate rejects $app_id.desktop"
grep -qx "Icon=$app_id" "$data/$app_id.desktop" || fail "desktop file Icon is not $app_id"

appstreamcli validate --no-net "$data/$app_id.metainfo.xml" >"$work/appstream.log" 2>&1 \
  || { cat "$work/appstream.log" >&2; fail "appstreamcli rejects $app_id.metainfo.xml"; }
grep -q "<id>$app_id</id>" "$data/$app_id.metainfo.xml" || fail "metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$data/$app_id.metainfo.xml" \
  || fail "metainfo does not launch $app_id.desktop"

grep -q "<schema id=\"$app_id\" path=\"$schema_path\">" "$data/$app_id.gschema.xml" \
  || fail "schema id is not $app_id at $schema_path"
width=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$data" get "$app_id" window-width 2>&1)
[ "$width" = 1100 ] || fail "compiled $app_id schema: window-width is '$width', expected 1100"

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) in the development variant" >&2
  exit 1
fi
echo "OK: development variant data files use $app_id"
