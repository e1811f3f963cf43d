#!/bin/sh
# Builds ModelCost and runs every test; the last line says "N passed, N failed".
# Exits non-zero when any test fails.
set -u
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh || exit 1

# The formatting tests need English and Chinese locales; a fresh system has only C.
for loc in en_US zh_CN; do
  if ! locale -a 2>/dev/null | grep -qi "^$loc.utf-\?8$"; then
    if [ "$(id -u)" -eq 0 ]; then
      localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
    else
      sudo localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
    fi
  fi
done

if [ ! -f _build/build.ninja ]; then
  meson setup _build || exit 1
fi
ninja -C _build || { echo "0 passed, 1 failed"; exit 1; }

xvfb-run -a -s "-screen 0 1600x1000x24" \
  meson test -C _build --print-errorlogs --num-processes 2 --timeout-multiplier 3
status=$?

# Sanitizers, bounded fuzzing and valgrind, each in a build of its own.
./build-aux/reliability.sh || status=1

python3 build-aux/count-tests.py _build/meson-logs/testlog.json _build-asan/reliability/*.json
counted=$?

if [ $status -ne 0 ] || [ $counted -ne 0 ]; then
  exit 1
fi
