#!/bin/sh
# Checks the translations against the sources, as a translator would find
# them after the next release:
#
#  - every source file with translatable strings is listed in
#    po/POTFILES.in, and every listed file gives at least one string;
#  - a fresh template, extracted from po/POTFILES.in with the options of
#    meson's i18n "glib" preset (po/meson.build), merges into each
#    po/LANG.po of po/LINGUAS without an untranslated or fuzzy message;
#  - msgfmt --check accepts the merged catalogue (format strings, header).
#
# Usage: build-aux/po-check.sh SRCDIR
#
# Exits 0 when all is well, 1 with the list of what is missing, 77 (skip)
# when the gettext tools are not installed.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 SRCDIR" >&2
  exit 2
fi

srcdir=$(cd "$1" && pwd)
podir=$srcdir/po
package=modelcost

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed" >&2
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/modelcost-po.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# The files of po/POTFILES.in, one a line, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$podir/POTFILES.in" | LC_ALL=C sort -u > "$work/listed"

# Source files that mark strings for translation: C files calling a gettext
# keyword, GtkBuilder and other XML files with translatable="yes", and the
# desktop entry and metainfo templates, which are translated whole.
(
  cd "$srcdir"
  find src ui data -type f \( -name '*.c' -o -name '*.h' \) \
       -exec grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext) ?\(' {} + || true
  find src ui data -type f \( -name '*.ui' -o -name '*.xml' -o -name '*.xml.in' \) \
       -exec grep -l 'translatable="yes"' {} + || true
  find data -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
       -o -name '*.gschema.xml.in' -o -name '*.mime.xml' \) -print
) | sed 's|^\./||' | LC_ALL=C sort -u > "$work/marked"

missing=$(LC_ALL=C comm -23 "$work/marked" "$work/listed")
if [ -n "$missing" ]; then
  echo "FAIL: files with translatable strings that po/POTFILES.in does not list:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  failures=$((failures + 1))
fi

gone=$(while read -r file; do [ -e "$srcdir/$file" ] || echo "$file"; done < "$work/listed")
if [ -n "$gone" ]; then
  echo "FAIL: po/POTFILES.in lists files that do not exist:" >&2
  echo "$gone" | sed 's/^/  /' >&2
  exit 1
fi

# The same command line as meson's "pot" target: the glib preset, then the
# arguments of po/meson.build. .ui, .desktop.in, .metainfo.xml.in,
# .gschema.xml.in and .mime.xml files go through xgettext's ITS rules.
if ! xgettext --package-name=$package -p "$work" -f "$work/listed" -D "$srcdir" -k_ \
       -o $package.pot \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format \
       --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
       --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
       --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
       --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
       --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
       --flag=g_snprintf:3:c-format \
       --add-comments=Translators; then
  echo "FAIL: xgettext could not extract the template" >&2
  exit 1
fi
pot=$work/$package.pot

# Each listed file must give strings; one that gives none is either stale
# or of a kind xgettext has no rule for (an ITS file that is not installed).
sed -n 's/^#: //p' "$pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | LC_ALL=C sort -u > "$work/extracted"
silent=$(LC_ALL=C comm -23 "$work/listed" "$work/extracted")
if [ -n "$silent" ]; then
  echo "FAIL: no strings were extracted from these files of po/POTFILES.in:" >&2
  echo "$silent" | sed 's/^/  /' >&2
  failures=$((failures + 1))
fi

# list_messages PO: "  FILE:LINE: “msgid”" for each message of PO (written
# with --no-wrap), the context in brackets.
list_messages () {
  awk '
    function text(line) { sub(/^[a-z_]+ "/, "", line); sub(/"$/, "", line); return line }
    /^#: / { if (where == "") where = $2; next }
    /^msgctxt / { ctxt = text($0); next }
    /^msgid / { id = text($0); in_id = 1; next }
    /^"/ && in_id { id = id text($0); next }
    /^msgid_plural / || /^msgstr/ {
      if (in_id && (id != "" || ctxt != ""))
        printf "  %s: %s\342\200\234%s\342\200\235\n", where, (ctxt != "" ? "[" ctxt "] " : ""), id
      in_id = 0; where = ""; ctxt = ""
      next
    }
    /^$/ { in_id = 0; where = ""; ctxt = "" }
  ' "$1"
}

for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  po=$podir/$lang.po
  merged=$work/$lang.po

  if [ ! -f "$po" ]; then
    echo "FAIL: po/LINGUAS names $lang, and po/$lang.po does not exist" >&2
    failures=$((failures + 1))
    continue
  fi

  if ! msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$merged" "$po" "$pot"; then
    echo "FAIL: msgmerge could not merge po/$lang.po" >&2
    failures=$((failures + 1))
    continue
  fi

  msgattrib --force-po --untranslated --no-obsolete --no-wrap -o "$work/untranslated.po" "$merged"
  msgattrib --force-po --only-fuzzy --no-obsolete --no-wrap -o "$work/fuzzy.po" "$merged"
  untranslated=$(list_messages "$work/untranslated.po")
  fuzzy=$(list_messages "$work/fuzzy.po")

  if [ -n "$untranslated" ]; then
    echo "FAIL: po/$lang.po leaves $(echo "$untranslated" | wc -l) message(s) untranslated:" >&2
    echo "$untranslated" >&2
    failures=$((failures + 1))
  fi
  if [ -n "$fuzzy" ]; then
    echo "FAIL: po/$lang.po has $(echo "$fuzzy" | wc -l) fuzzy message(s):" >&2
    echo "$fuzzy" >&2
    failures=$((failures + 1))
  fi

  if ! msgfmt --check --statistics -o /dev/null "$merged" 2> "$work/msgfmt.log"; then
    echo "FAIL: msgfmt --check rejects po/$lang.po:" >&2
    sed "s|$merged|po/$lang.po (merged)|" "$work/msgfmt.log" >&2
    failures=$((failures + 1))
  else
    echo "po/$lang.po: $(cat "$work/msgfmt.log")"
  fi

  if [ -n "$untranslated$fuzzy" ]; then
    echo "To update it: ninja -C BUILDDIR $package-pot &&" \
         "msgmerge --no-fuzzy-matching -U po/$lang.po po/$package.pot" >&2
  fi
done

[ "$failures" -eq 0 ] || exit 1
