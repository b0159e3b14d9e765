#!/usr/bin/env bash
# clang-tidy 14 over every source file of src/ with the checks of .clang-tidy (every warning an error).
# usage: scripts/tidy.sh [BUILD_DIR] [JOBS]   BUILD_DIR (default build-tidy/) holds compile_commands.json;
# when it has none, a clang configuration is made there (configured only: nothing is compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-tidy}
jobs=${2:-2}
if [ ! -f "$build/compile_commands.json" ]; then
  mkdir -p "$build" && echo "*" >"$build/.gitignore"  # never committed
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
start=$(date +%s)
log="$build/tidy.log"
# One file per clang-tidy process, two at a time: a file's warnings stay together in the log.
if find src -name '*.cpp' -print0 | sort -z |
  xargs -0 -P "$jobs" -n 1 clang-tidy-14 -p "$build" --quiet >"$log" 2>&1; then
  echo "clang-tidy: $(find src -name '*.cpp' | wc -l) files clean, $(($(date +%s) - start)) s"
else
  # Each file's findings; a failure that names none (clang-tidy missing, crashed, a file it could not
  # parse) shows as the end of the log instead.
  grep -E "(warning|error):" "$log" | sort -u || tail -n 40 "$log"
  echo "clang-tidy: the warnings above (each an error; checks and why in .clang-tidy); full output in $log"
  exit 1
fi
