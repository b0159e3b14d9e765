#!/usr/bin/env bash
# clang-tidy 14 over every source file of src/ with the checks of .clang-tidy (every warning an error).
# usage: scripts/tidy.sh [BUILD_DIR] [JOBS]   BUILD_DIR holds compile_commands.json; without one, a clang
# configuration is made in build-tidy/ (configured only: nothing is compiled but the embedded rule set).
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
  xargs -0 -P "$jobs" -n 1 clang-tidy-14 -p "$build" --quiet >"$log" 2>/dev/null; then
  echo "clang-tidy: $(find src -name '*.cpp' | wc -l) files clean, $(($(date +%s) - start)) s"
else
  grep -E "(warning|error):" "$log" | sort -u
  echo "clang-tidy: the warnings above (each an error; checks and why in .clang-tidy); full output in $log"
  exit 1
fi
