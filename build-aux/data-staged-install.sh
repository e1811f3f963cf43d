#!/bin/bash
# Build ModelCost with the prefix a Flatpak uses (/app), install it into a
# staging directory and check that the files the desktop and the Flatpak
# export need are where they are looked for, and that they work together:
# the desktop file names an installed binary, icon and MIME type, the
# metainfo launches that desktop file, the schema compiles with the
# documented defaults, *.modelcost files map to the project MIME type and
# every installed example opens.
#
# Usage: data-staged-install.sh SOURCE_DIR [MESON]

set -u

srcdir=$(cd "$1" && pwd)
meson=${2:-meson}
app_id=io.github.modelcost.ModelCost

work=$(mktemp -d "${TMPDIR:-/tmp}/modelcost-staged.XXXXXX")
trap 'rm -rf "$work"' EXIT
builddir=$work/build
app=$work/dest/app
share=$app/share
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run LOG COMMAND...: run a build step, show its log if it fails.
run () {
  local log=$work/$1
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "FAIL: $*" >&2
    exit 1
  fi
}

need () {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool is not installed" >&2
      exit 77
    fi
  done
}

need ninja desktop-file-validate appstreamcli glib-compile-schemas gsettings \
  update-mime-database msgunfmt

run setup.log "$meson" setup --prefix=/app -Dbuildtype=plain "$builddir" "$srcdir"
run build.log ninja -C "$builddir" -j2
run install.log "$meson" install -C "$builddir" --no-rebuild --destdir "$work/dest"

# Everything in its place.
expected=(
  "bin/modelcost"
  "share/applications/$app_id.desktop"
  "share/metainfo/$app_id.metainfo.xml"
  "share/icons/hicolor/scalable/apps/$app_id.svg"
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "share/glib-2.0/schemas/$app_id.gschema.xml"
  "share/mime/packages/$app_id.xml"
  "share/modelcost/examples/reference.modelcost"
)
while read -r lang; do
  case $lang in ''|'#'*) continue ;; esac
  expected+=("share/locale/$lang/LC_MESSAGES/modelcost.mo")
done <"$srcdir/po/LINGUAS"
for f in "${expected[@]}"; do
  [ -f "$app/$f" ] || fail "/app/$f is not installed"
done
[ -x "$app/bin/modelcost" ] || fail "/app/bin/modelcost is not executable"

# Flatpak exports only files named after the application id.
for dir in applications metainfo icons mime/packages; do
  [ -d "$share/$dir" ] || continue
  while IFS= read -r f; do
    name=$(basename "$f")
    case $name in
      "$app_id".* | "$app_id"-*) ;;
      *) fail "${f#"$work"/dest} is not named after $app_id: Flatpak will not export it" ;;
    esac
  done < <(find "$share/$dir" -type f)
done

# Desktop file.
desktop=$share/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $app_id.desktop"
  key () { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
  exec_cmd=$(key Exec | cut -d' ' -f1)
  [ -x "$app/bin/$exec_cmd" ] || fail "Exec=$exec_cmd is not an installed binary"
  icon=$(key Icon)
  [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] \
    || fail "Icon=$icon has no installed scalable icon"
  [ -f "$share/icons/hicolor/symbolic/apps/$icon-symbolic.svg" ] \
    || fail "Icon=$icon has no installed symbolic icon"
  mime_types=$(key MimeType)
  [ "$mime_types" = "application/x-modelcost;" ] \
    || fail "MimeType is '$mime_types', expected application/x-modelcost;"
fi

# AppStream metadata.
metainfo=$share/metainfo/$app_id.metainfo.xml
if [ -f "$metainfo" ]; then
  appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1 \
    || { cat "$work/appstream.log" >&2; fail "appstreamcli rejects the metainfo"; }
  grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "metainfo does not launch $app_id.desktop"
  grep -q '<binary>modelcost</binary>' "$metainfo" \
    || fail "metainfo does not provide the modelcost binary"
fi

# Settings schema: compiles strictly and has the documented defaults.
schemas=$work/schemas
mkdir -p "$schemas"
if glib-compile-schemas --strict --targetdir "$schemas" "$share/glib-2.0/schemas"; then
  setting () {
    GSETTINGS_BACKEND=memory gsettings --schemadir "$schemas" get "$app_id" "$1" 2>&1
  }
  [ "$(setting window-width)" = 1100 ] || fail "window-width default is $(setting window-width), expected 1100"
  [ "$(setting window-height)" = 760 ] || fail "window-height default is $(setting window-height), expected 760"
  [ "$(setting window-maximized)" = false ] || fail "window-maximized default is $(setting window-maximized), expected false"
else
  fail "the installed schemas do not compile"
fi

# MIME database: *.modelcost is a project, a kind of JSON.
mimedir=$work/mime
mkdir -p "$mimedir/packages"
cp "$share"/mime/packages/*.xml "$mimedir/packages/" 2>/dev/null
if update-mime-database "$mimedir" >"$work/mime.log" 2>&1; then
  grep -q ':application/x-modelcost:\*\.modelcost$' "$mimedir/globs2" \
    || fail "*.modelcost does not map to application/x-modelcost"
  grep -qx 'application/x-modelcost application/json' "$mimedir/subclasses" \
    || fail "application/x-modelcost is not a subclass of application/json"
else
  cat "$work/mime.log" >&2
  fail "update-mime-database rejects the MIME definition"
fi

# Example projects: all of them installed, and every installed one opens.
for f in "$srcdir"/data/examples/*.modelcost; do
  cmp -s "$f" "$share/modelcost/examples/$(basename "$f")" \
    || fail "example $(basename "$f") is not installed"
done
for f in "$share"/modelcost/examples/*; do
  [ -f "$f" ] || continue
  "$app/bin/modelcost" --summary --json "$f" >/dev/null 2>"$work/example.log" \
    || { cat "$work/example.log" >&2; fail "installed example $(basename "$f") does not open"; }
done

# Message catalogues.
for f in "$share"/locale/*/LC_MESSAGES/modelcost.mo; do
  [ -f "$f" ] || continue
  msgunfmt "$f" >/dev/null || fail "${f#"$work"/dest} is not a valid catalogue"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures problem(s) in the staged /app install" >&2
  exit 1
fi
echo "OK: staged /app install has everything in place"
