#!/bin/sh
# Run a validation tool, or skip the test (exit status 77) when the tool is
# not installed.
#
# Usage: data-run-tool.sh TOOL [ARGUMENT...]

tool=$1
shift
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "SKIP: $tool is not installed" >&2
  exit 77
fi
exec "$tool" "$@"
