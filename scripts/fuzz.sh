#!/usr/bin/env bash
# Builds the clang sanitizer+fuzzer configuration in build-fuzz/ and runs each libFuzzer target for a
# bounded time, one after the other. Fails when any target finds a crash, leak, timeout or OOM; the
# reproducer stays in build-fuzz/artifacts/<target>/ and is printed in base64.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  time per target (default 60)
#   TARGET   fuzz_csv fuzz_xlsx fuzz_sheet_xml fuzz_json_model fuzz_rule_set fuzz_deduction fuzz_numbers (default: all)
# The corpus grows in build-fuzz/corpus/<target>/ across runs; seeds are rebuilt each run from samples/,
# tests/, fuzz/seeds/ and the shared seed folder (see fuzz/make_seeds.py). Run it under `nice -n 19` on
# a shared machine. Set FUZZ_NO_BUILD=1 to skip the build step (scripts/test.sh has just built it).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

seconds=${1:-60}
shift || true
all_targets=(fuzz_csv fuzz_xlsx fuzz_sheet_xml fuzz_json_model fuzz_rule_set fuzz_deduction fuzz_numbers)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

build=build-fuzz
mkdir -p "$build" && echo "*" >"$build/.gitignore"  # never committed (the top-level .gitignore lists build/ only)
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  # The same configuration as scripts/test.sh, so either script reuses the other's objects.
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DPERF_CHECK_SANITIZE=ON -DPERF_CHECK_FUZZ=ON >/dev/null
  cmake --build "$build" -j2 --target fuzz_targets
fi

# Seeds: rebuilt from the repository each run (cheap); the shared seed folder sits beside the clone in CI.
seeds="$build/seeds"
rm -rf "$seeds"
/usr/bin/python3 fuzz/make_seeds.py "$seeds" "$repo" "$repo/../shared/seed" /work/shared/seed

# libxlsxwriter 1.1.4 leaks a few bytes per data-validation list; nothing else is suppressed.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$repo/fuzz/lsan.supp:print_suppressions=0"

max_len_of() {
  case "$1" in
    fuzz_deduction) echo 4096 ;;
    fuzz_numbers) echo 1024 ;;
    fuzz_rule_set) echo 16384 ;;
    *) echo 65536 ;;
  esac
}
dict_of() {
  case "$1" in
    fuzz_csv) echo fuzz/dicts/csv.dict ;;
    fuzz_xlsx | fuzz_sheet_xml) echo fuzz/dicts/xlsx.dict ;;
    fuzz_json_model) echo fuzz/dicts/json_model.dict ;;
    fuzz_rule_set) echo fuzz/dicts/rule_set.dict ;;
    fuzz_deduction) echo fuzz/dicts/deduction.dict ;;
    fuzz_numbers) echo fuzz/dicts/numbers.dict ;;
  esac
}

failed=0
passes=0
fails=0
summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$artifacts" "$seeds/$t" "$(dirname "$log")"
  echo "== $t: ${seconds}s"
  status=0
  "$build/fuzz/$t" "$corpus" "$seeds/$t" \
    -dict="$(dict_of "$t")" -max_total_time="$seconds" -max_len="$(max_len_of "$t")" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  # A crash while loading the seeds leaves no "corp:" line: the figures stay "?", the script goes on.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1 || true)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1 || true)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -n 1 | cut -d' ' -f2 || true)
  files=$(find "$corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result=pass
    passes=$((passes + 1))
  else
    result="FAIL(exit $status)"
    failed=1
    fails=$((fails + 1))
    echo "-- $t failed; the end of its log ($log):"
    tail -n 60 "$log"
    for a in "$artifacts"/*; do
      [ -f "$a" ] || continue
      echo "-- reproducer $a ($(wc -c <"$a") bytes), base64:"
      base64 -w 0 "$a" | head -c 20000
      echo
    done
  fi
  summary+=("$(printf '%-16s %-14s %10s exec/s %8s runs  corpus %s (%s files)' "$t" "$result" "${rate:-?}" \
    "${runs:-?}" "${corp:-?}" "$files")")
done

echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
echo "fuzz: $passes passed, $fails failed"
exit "$failed"
