#!/bin/sh
# Installs the Debian/Ubuntu packages ModelCost needs to build, run and test,
# and only those that are missing. Uses sudo when not run as root.
set -eu

PACKAGES="
  gcc pkg-config meson ninja-build gettext libglib2.0-bin shared-mime-info
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxlsxwriter-dev libcsv-dev
  libcairo2-dev libpango1.0-dev
  xvfb xauth desktop-file-utils appstream appstream-util libxml2-utils
  poppler-utils fonts-noto-cjk imagemagick locales unzip python3
  flatpak-builder librsvg2-bin clang libclang-rt-14-dev valgrind dbus xdotool
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  else
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  # A package this release does not have (libclang-rt-14-dev before Debian 12
  # and Ubuntu 23.04) is skipped: only the fuzzing needs it.
  available=""
  for p in $missing; do
    if apt-cache show "$p" >/dev/null 2>&1; then
      available="$available $p"
    else
      echo "Not available here, skipped: $p"
    fi
  done
  echo "Installing:$available"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $available
fi
