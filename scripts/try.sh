#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and check the seed sample table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target perf-check
echo
echo "\$ perf-check samples/targets-2024.csv"
# The sample has findings on purpose (it is the real seed table): exit 1 is the expected answer.
./build/perf-check samples/targets-2024.csv || [ $? -eq 1 ]
