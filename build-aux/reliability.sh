#!/bin/sh
# Reliability checks: fuzzing, sanitizers and valgrind.
#
#   1. fuzz: each libFuzzer target (tests/fuzz: the project loader, number
#      entry, the accelerator catalogue, the bill reader) runs for MODELCOST_FUZZ_SECONDS (60 by
#      default), built with clang and ASan + UBSan in _build-fuzz.
#   2. sanitizers: the whole test suite, built with ASan + UBSan in
#      _build-asan; leaks are checked except in the suites that need a display.
#   3. valgrind: memcheck on the model and report suites, built in _build-rel.
#
# Prints a summary, then "reliability: N passed, N failed, N skipped" as its
# last line. Each fuzz target counts as one test, each sanitizer and valgrind
# test case as one. Every result is also left as a meson JSON test log in
# _build-asan/reliability/, so that build-aux/count-tests.py can add them to
# the main run's. Exits non-zero if anything failed.
#
# Environment: MODELCOST_FUZZ_SECONDS (60), MODELCOST_RELIABILITY_SKIP, a
# list of steps to leave out (fuzz, asan, valgrind).
set -u
cd "$(dirname "$0")/.."
top=$(pwd)

seconds=${MODELCOST_FUZZ_SECONDS:-60}
skip=${MODELCOST_RELIABILITY_SKIP:-}
logs="$top/_build-asan/reliability"
summary=""
failed_steps=0

note () {
  summary="$summary
$*"
}

# Adds each line of $1, indented, to the summary.
note_lines () {
  [ -n "$1" ] || return 0
  summary="$summary
$(printf '%s\n' "$1" | sed 's/^/    /')"
}

# Records a step that could not run as a failed test.
step_failed () {
  note "$1: FAILED: $2"
  json_result "$1" FAIL "$2" >> "$logs/$1-step.json"
  return 1
}

skipping () {
  case " $skip " in
    *" $1 "*) return 0 ;;
  esac
  return 1
}

# A meson-style JSON test log line, so that fuzz results count like tests.
json_result () {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
name, result, text = sys.argv[1:]
print(json.dumps({"name": name, "result": result, "stdout": text}))
EOF
}

rm -rf "$logs"
mkdir -p "$logs"

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
lsan_supp="$top/tests/lsan.supp"

# 1. Fuzzing ----------------------------------------------------------------

fuzz () {
  command -v clang >/dev/null || { step_failed fuzz "clang is missing"; return 1; }

  if [ ! -f _build-fuzz/build.ninja ]; then
    CC=clang CFLAGS="-fsanitize=fuzzer-no-link" \
      meson setup _build-fuzz -Db_sanitize=address,undefined -Db_lundef=false \
      > "$logs/fuzz-setup.log" 2>&1 ||
      { cat "$logs/fuzz-setup.log"; step_failed fuzz "meson setup _build-fuzz failed"; return 1; }
  fi

  targets="project number catalogue bill"
  ninja -C _build-fuzz $(for t in $targets; do printf 'tests/fuzz/fuzz-%s ' "$t"; done) \
    > "$logs/fuzz-build.log" 2>&1 ||
    { cat "$logs/fuzz-build.log"; step_failed fuzz "the fuzz targets do not build"; return 1; }

  status=0
  for t in $targets; do
    work="_build-fuzz/corpus-$t"
    artifacts="_build-fuzz/artifacts-$t/"
    log="_build-fuzz/fuzz-$t.log"
    mkdir -p "$work" "$artifacts"

    # An input counts as hanging past a ceiling far above a healthy run
    # (milliseconds), so that a busy machine never fails the run.
    timeout=20
    seeds="tests/fuzz/corpus/$t tests/fuzz/regressions/$t"
    case $t in
      project)
        seeds="$seeds data/examples" ;;
      bill)
        seeds="$seeds tests/model/bills" ;;
      catalogue)
        # libFuzzer reads seeds from folders only.
        cp data/gpu-catalogue.json "$work/" ;;
    esac
    dict=""
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"

    ASAN_OPTIONS="detect_leaks=1" LSAN_OPTIONS="suppressions=$lsan_supp:print_suppressions=0" \
      "./_build-fuzz/tests/fuzz/fuzz-$t" \
      -max_total_time="$seconds" -max_len=65536 -timeout="$timeout" -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts" -print_final_stats=1 $dict \
      "$work" $seeds > "$log" 2>&1
    result=$?

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    corpus=$(ls "$work" | wc -l)
    if [ $result -eq 0 ]; then
      note "fuzz $t: ${runs:-0} executions in $seconds s, no crash (corpus: $corpus new inputs)"
      json_result "fuzz-$t" OK "${runs:-0} executions" >> "$logs/fuzz.json"
    else
      status=1
      note "fuzz $t: FAILED after ${runs:-?} executions; input saved in $artifacts (log: $log)"
      note_lines "$(grep -E "^==[0-9]+==ERROR|^SUMMARY|runtime error|ERROR:|Test unit written" "$log" | head -n 10)"
      json_result "fuzz-$t" FAIL "$(tail -n 60 "$log")" >> "$logs/fuzz.json"
    fi
  done

  return $status
}

# 2. Sanitizers -------------------------------------------------------------

asan () {
  if [ ! -f _build-asan/build.ninja ]; then
    meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false \
      > "$logs/asan-setup.log" 2>&1 ||
      { cat "$logs/asan-setup.log"; step_failed asan "meson setup _build-asan failed"; return 1; }
  fi
  ninja -C _build-asan > "$logs/asan-build.log" 2>&1 ||
    { cat "$logs/asan-build.log"; step_failed asan "the sanitizer build failed"; return 1; }

  # Three runs, by suite. The suites that need a display keep GTK's one-time
  # allocations for the life of the process: their leaks are not checked.
  # The suites that export PDF and images need full stacks for the
  # suppressions of tests/lsan.supp to match frames inside cairo and
  # fontconfig (fast_unwind_on_malloc=0), which makes allocation slow: the
  # other suites keep the fast unwinder.
  suites=$(meson introspect --tests _build-asan | python3 -c '
import json, sys
print(" ".join(sorted({s.split(":")[-1] for t in json.load(sys.stdin) for s in t["suite"]})))')
  display="" exports="" others=""
  for suite in $suites; do
    case $suite in
      ui|chart-ui) display="$display --suite $suite" ;;
      fault|report|chart) exports="$exports --suite $suite" ;;
      *) others="$others --suite $suite" ;;
    esac
  done
  status=0
  lsan="suppressions=$lsan_supp:print_suppressions=0"

  run_asan () {
    name=$1 options=$2
    shift 2
    [ $# -gt 0 ] || return 0
    ASAN_OPTIONS="$options" LSAN_OPTIONS="$lsan" \
      xvfb-run -a -s "-screen 0 1600x1000x24" \
      meson test -C _build-asan --no-rebuild --print-errorlogs --num-processes 2 \
        --timeout-multiplier 4 --logbase "$name" "$@" \
      > "$logs/$name.log" 2>&1 || status=1
    cp "_build-asan/meson-logs/$name.json" "$logs/$name.json"
  }

  run_asan asan-leaks "detect_leaks=1" $others
  run_asan asan-exports "detect_leaks=1:fast_unwind_on_malloc=0" $exports
  run_asan asan-display "detect_leaks=0" $display

  for name in asan-leaks asan-exports asan-display; do
    [ -f "$logs/$name.json" ] || continue
    case $name in
      asan-leaks) what="ASan + UBSan + LSan:$others" ;;
      asan-exports) what="ASan + UBSan + LSan, full stacks:$exports" ;;
      asan-display) what="ASan + UBSan, leaks unchecked:$display" ;;
    esac
    note "sanitizers ($(echo "$what" | sed 's/ --suite / /g')): $(python3 build-aux/count-tests.py "$logs/$name.json")"
  done
  if [ $status -ne 0 ]; then
    note_lines "$(cat "$logs"/asan-*.log | grep -h -E "^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)" | sort -u)"
    note_lines "$(cat _build-asan/meson-logs/asan-*.txt | grep -h -E "^==[0-9]+==ERROR|^SUMMARY: |runtime error" |
      sed 's/==[0-9]*==/==/' | sort | uniq -c | sort -rn | head -n 20)"
  fi

  return $status
}

# 3. Valgrind ---------------------------------------------------------------

valgrind_memcheck () {
  command -v valgrind >/dev/null || { step_failed valgrind "valgrind is missing"; return 1; }

  if [ ! -f _build-rel/build.ninja ]; then
    meson setup _build-rel > "$logs/rel-setup.log" 2>&1 ||
      { cat "$logs/rel-setup.log"; step_failed valgrind "meson setup _build-rel failed"; return 1; }
  fi

  # The whole build: the tests also need the translations and the program.
  ninja -C _build-rel > "$logs/rel-build.log" 2>&1 ||
    { cat "$logs/rel-build.log"; step_failed valgrind "the build failed"; return 1; }

  # The compiled test programs of the model and report suites; the scripts
  # are left out, as valgrind would check their interpreter.
  names=$(meson introspect --tests _build-rel | python3 -c '
import json, os, sys
build = os.path.realpath(sys.argv[1])
for test in json.load(sys.stdin):
    suites = {s.split(":")[-1] for s in test["suite"]}
    if suites & {"model", "report"} and os.path.realpath(test["cmd"][0]).startswith(build + os.sep):
        print(test["name"])
' _build-rel)

  supps="--suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$top/tests/valgrind.supp"
  status=0
  G_SLICE=always-malloc G_DEBUG=gc-friendly \
    meson test -C _build-rel --no-rebuild --print-errorlogs --num-processes 2 \
      --timeout-multiplier 20 --logbase memcheck \
      --wrap="valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30 $supps" \
      $names > "$logs/valgrind.log" 2>&1 || status=1
  # meson names the log after the wrapper too: memcheck-valgrind.json
  cp _build-rel/meson-logs/memcheck-valgrind.json "$logs/valgrind.json"

  note "valgrind memcheck, suites model and report: $(python3 build-aux/count-tests.py "$logs/valgrind.json")"
  if [ $status -ne 0 ]; then
    note_lines "$(grep -E "^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)" "$logs/valgrind.log")"
    note_lines "$(grep -h -E "==[0-9]+== (Invalid|Conditional|Use of|.*definitely lost)" _build-rel/meson-logs/memcheck-valgrind.txt |
      sed 's/^==[0-9]*== //' | sort | uniq -c | head -n 20)"
  fi

  return $status
}

start=$(date +%s)
for step in fuzz asan valgrind; do
  if skipping "$step"; then
    note "$step: skipped (MODELCOST_RELIABILITY_SKIP)"
    continue
  fi
  echo "reliability: $step..."
  case $step in
    fuzz) fuzz ;;
    asan) asan ;;
    valgrind) valgrind_memcheck ;;
  esac
  [ $? -eq 0 ] || failed_steps=$((failed_steps + 1))
done

echo
echo "Reliability summary ($(( $(date +%s) - start )) s)$summary"
echo

if ls "$logs"/*.json >/dev/null 2>&1; then
  total=$(python3 build-aux/count-tests.py "$logs"/*.json)
else
  total="0 passed, 0 failed, 0 skipped"
fi
echo "reliability: $total"

case $total in
  *" 0 failed"*) ;;
  *) exit 1 ;;
esac
[ $failed_steps -eq 0 ]
