#!/bin/sh
# Builds ModelCost and opens it on the bundled reference project.
set -eu
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build

export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export MODELCOST_LOCALEDIR="$PWD/_build/po"
exec ./_build/src/modelcost "$PWD/data/examples/reference.modelcost" "$@"
