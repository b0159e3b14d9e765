#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install what is missing, build, run the whole test suite;
# the profile-guided build's training runs on small tables (scripts/pgo-train.sh); then the same suite
# again under ASan+UBSan (clang 14), each fuzz target briefly, and clang-tidy (scripts/tidy.sh).
# PERF_CHECK_SANITIZE_TESTS=0 skips the second part (a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
ctest --test-dir build --output-on-failure
# The profile-guided build's training runs (scripts/build-fast.sh), with this build on small tables: a
# command line they use that stopped working fails here, not in the next benchmark.
bash scripts/pgo-train.sh build/perf-check build 100
echo "profile training runs: all done"

if [ "${PERF_CHECK_SANITIZE_TESTS:-1}" = 0 ]; then
  exit 0
fi

# One clang configuration for both: ASan+UBSan everywhere, coverage instrumentation in the core library
# for the fuzz targets. -O1 keeps the compile time down; the fuzzers reuse these objects.
mkdir -p build-fuzz && echo "*" >build-fuzz/.gitignore  # never committed
start=$(date +%s)
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
  -DPERF_CHECK_SANITIZE=ON -DPERF_CHECK_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2
echo "sanitizer build: $(($(date +%s) - start)) s"

start=$(date +%s)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# Only libxlsxwriter's own leak (see the file) is suppressed.
export LSAN_OPTIONS="suppressions=$(pwd)/fuzz/lsan.supp:print_suppressions=0"
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
# The binary directly rather than ctest, to leave out one test: the hostile batch test bounds a single
# run over every hostile file at 20 s, which the ASan binary does not meet (it takes about a minute);
# it runs in the gcc pass above, and every one of those files still runs under ASan in its own case.
./build-fuzz/perf_check_tests "~*directory of every hostile file*"
echo "test suite under ASan+UBSan: $(($(date +%s) - start)) s"

# clang-tidy (.clang-tidy's checks, every warning an error) over src/ with this configuration's compile
# commands (CMakeLists.txt exports them), in the background while the fuzzers run: each fuzzer is one
# process with a fixed running time, so the cores they leave idle make tidy cost about two minutes here
# instead of three and a half. Not beside the test run above, which has tests timed in wall-clock
# seconds. In a session of its own (setsid), stopped with the script however it ends.
tidy_out=build-fuzz/tidy-summary.txt
setsid bash scripts/tidy.sh build-fuzz 2 >"$tidy_out" 2>&1 &
tidy_pid=$!
stop_tidy() { kill -- -"$tidy_pid" 2>/dev/null || true; }
trap stop_tidy EXIT
trap 'stop_tidy; exit 130' INT TERM

fuzz_status=0
FUZZ_NO_BUILD=1 bash scripts/fuzz.sh "${PERF_CHECK_FUZZ_SECONDS:-15}" || fuzz_status=$?

tidy_status=0
wait "$tidy_pid" || tidy_status=$?
cat "$tidy_out"
[ "$fuzz_status" -eq 0 ] && [ "$tidy_status" -eq 0 ]
