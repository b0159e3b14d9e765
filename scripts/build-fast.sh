#!/usr/bin/env bash
# The fastest perf-check this machine's g++ can build: Release with profile-guided optimisation.
# 1. builds an instrumented perf-check (-DPERF_CHECK_PGO=generate) in build-fast/;
# 2. trains it (scripts/pgo-train.sh): check and score in every report format on generated tables
#    (bench/generate.py: CSV, GB18030 CSV, XLSX, and a sloppy one), check, score and monitor on the
#    samples, which writes .gcda counts;
# 3. rebuilds build-fast/ with those counts (-DPERF_CHECK_PGO=use).
# Prints the binary's path. Skips everything when build-fast/ was built from this very tree already.
# About 5 minutes on 2 idle cores (12 with the other core busy).
# usage: scripts/build-fast.sh   (after scripts/setup.sh; needs g++ and python3, as the benchmark does)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build-fast
bin=$PWD/$dir/perf-check
# What the build is made of: every source, the build files, the training and its samples, and the
# compiler (g++ refuses a profile of other sources, so any change means a new profile).
stamp=$( (find src include cmake rules schemas samples CMakeLists.txt scripts/build-fast.sh scripts/pgo-train.sh \
  bench/generate.py -type f -print0 | sort -z | xargs -0 sha1sum && g++ --version | head -n 1) | sha1sum | cut -c1-16)
if [ -x "$bin" ] && [ "$(cat "$dir/pgo-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$bin"
  exit 0
fi
mkdir -p "$dir" && echo "*" >"$dir/.gitignore"  # never committed
rm -f "$dir/pgo-stamp"
find "$dir" -name '*.gcda' -delete

echo "build-fast: instrumented build" >&2
# The profile is g++'s: a new folder is made with g++ whatever CXX says.
compiler=()
[ -f "$dir/CMakeCache.txt" ] || compiler=(-DCMAKE_CXX_COMPILER=g++)
cmake -S . -B "$dir" "${compiler[@]}" -DCMAKE_BUILD_TYPE=Release -DPERF_CHECK_PGO=generate >/dev/null
cmake --build "$dir" -j2 --target perf-check >/dev/null

echo "build-fast: training" >&2
bash scripts/pgo-train.sh "$bin" "$dir"

echo "build-fast: optimised build" >&2
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DPERF_CHECK_PGO=use >/dev/null
# The compiler's false -Wrestrict on inlined string copies (see b8fe671) is louder with profiles: quiet.
cmake --build "$dir" -j2 --target perf-check >/dev/null 2>&1 || cmake --build "$dir" -j2 --target perf-check
echo "$stamp" >"$dir/pgo-stamp"
echo "$bin"
