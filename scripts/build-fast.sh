#!/usr/bin/env bash
# The fastest perf-check this machine's g++ can build: Release with profile-guided optimisation.
# 1. builds an instrumented perf-check (-DPERF_CHECK_PGO=generate) in build-fast/;
# 2. trains it: check, score and monitor in the usual formats on a generated table (bench/generate.py:
#    CSV, GB18030 CSV, XLSX, and a sloppy one) and on the samples, which writes .gcda counts;
# 3. rebuilds build-fast/ with those counts (-DPERF_CHECK_PGO=use).
# Prints the binary's path. Skips everything when build-fast/ was built from this very tree already.
# usage: scripts/build-fast.sh   (after scripts/setup.sh; needs g++ and python3, as the benchmark does)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build-fast
bin=$PWD/$dir/perf-check
# What the build is made of: every source, the build files and the training (g++ refuses a profile of
# other sources, so any change means a new profile).
stamp=$(find src include cmake rules schemas CMakeLists.txt scripts/build-fast.sh bench/generate.py -type f -print0 |
  sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16)
if [ -x "$bin" ] && [ "$(cat "$dir/pgo-stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$bin"
  exit 0
fi
mkdir -p "$dir" && echo "*" >"$dir/.gitignore"  # never committed
rm -f "$dir/pgo-stamp"
find "$dir" -name '*.gcda' -delete

echo "build-fast: instrumented build" >&2
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DPERF_CHECK_PGO=generate >/dev/null
cmake --build "$dir" -j2 --target perf-check >/dev/null

echo "build-fast: training" >&2
train=$dir/pgo-train
rm -rf "$train" && mkdir -p "$train"
/usr/bin/python3 bench/generate.py 4000 "$train/t" >/dev/null
/usr/bin/python3 bench/generate.py 2000 "$train/s" --no-xlsx --sloppy >/dev/null
# Each run's findings are its answer, not a failure: exit code 1 (findings) is expected, 2 and up is not.
run() {
  local rc=0
  "$bin" "$@" >/dev/null 2>"$train/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "build-fast: a training run failed (exit $rc): perf-check $*" >&2
    cat "$train/err" >&2
    exit 1
  fi
}
for f in "$train/t.csv" "$train/t.gb18030.csv" "$train/t.xlsx" "$train/s.csv"; do
  run check -j 1 -f json -o "$train/out.json" "$f"
  run score -j 1 -f json -o "$train/out.json" "$f"
done
for fmt in text sarif junit csv markdown html gitlab github; do
  run check -j 1 -f "$fmt" -o "$train/out" "$train/s.csv"
  run score -j 1 -f "$fmt" -o "$train/out" "$train/t.csv"
done
run check -j 2 -f json -o "$train/out.json" "$train/t.csv" "$train/s.csv"
for f in samples/*.csv samples/*.xlsx; do run check -j 1 "$f"; done
run score -j 1 samples/self-eval/self-eval-2024.csv
run score -j 1 samples/self-eval/targets-2024.csv --actuals samples/self-eval/actuals-2024.csv
run monitor -j 1 samples/monitor/bureau-targets-2024.csv --progress samples/monitor/bureau-progress-2024.csv \
  --as-of 2024-07-31
rm -f "$train/out" "$train/out.json" "$train/err"

echo "build-fast: optimised build" >&2
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DPERF_CHECK_PGO=use >/dev/null
# The compiler's false -Wrestrict on inlined string copies (see b8fe671) is louder with profiles: quiet.
cmake --build "$dir" -j2 --target perf-check >/dev/null 2>&1 || cmake --build "$dir" -j2 --target perf-check
echo "$stamp" >"$dir/pgo-stamp"
echo "$bin"
