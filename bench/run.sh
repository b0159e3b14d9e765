#!/usr/bin/env bash
# Benchmark (not a timed test): generates a table of N projects in the seed's layout and reports MB/s,
# rows/s and peak RSS for check and score, GB18030 and XLSX input, the `wc -l` floor, and -j scaling.
# usage: bench/run.sh [N_PROJECTS]   (default 60000 ≈ 100 MB of CSV)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-60000}
work=${BENCH_DIR:-/tmp/perf-check-bench}
mkdir -p "$work"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release -j2 --target perf-check >/dev/null
bin=$PWD/build-release/perf-check
if [ ! -f "$work/t$n.csv" ]; then
  echo "generating $n projects in $work ..."
  /usr/bin/python3 bench/generate.py "$n" "$work/t$n" >/dev/null
fi
csv=$work/t$n.csv
rows=$(wc -l <"$csv")

# Runs a command once to warm the cache, then once measured; prints seconds and peak RSS (KiB).
measure() {
  "$@" >/dev/null 2>&1 || true
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  cat "$work/time.txt"
}
rate() {  # bytes seconds → MB/s
  awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.1f", b / 1e6 / s }'
}
report() {  # label file seconds rss
  local bytes; bytes=$(stat -c %s "$2")
  printf "%-28s %8.2f s %9s MB/s %12s rows/s %8d MiB peak\n" "$1" "$3" "$(rate "$bytes" "$3")" \
    "$(awk -v r="$rows" -v s="$3" 'BEGIN { if (s <= 0) s = 0.001; printf "%.0f", r / s }')" $(($4 / 1024))
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "input: $n projects, $rows rows, $(($(stat -c %s "$csv") / 1000000)) MB CSV"
read -r s m < <(measure wc -l "$csv");                                  report "wc -l (floor)" "$csv" "$s" "$m"; floor=$s
read -r s m < <(measure "$bin" -j 1 "$csv" -f json -o "$work/out.json"); report "check UTF-8 CSV" "$csv" "$s" "$m"
echo "  ratio to wc -l: $(awk -v a="$s" -v b="$floor" 'BEGIN { if (b <= 0) b = 0.001; printf "%.1fx", a / b }')"
read -r s m < <(measure "$bin" score -j 1 "$csv" -f json -o "$work/out.json"); report "score UTF-8 CSV" "$csv" "$s" "$m"
read -r s m < <(measure "$bin" -j 1 "$work/t$n.gb18030.csv" -f json -o "$work/out.json")
report "check GB18030 CSV" "$work/t$n.gb18030.csv" "$s" "$m"
if [ -f "$work/t$n.xlsx" ]; then
  read -r s m < <(measure "$bin" -j 1 "$work/t$n.xlsx" -f json -o "$work/out.json")
  report "check XLSX (file size)" "$work/t$n.xlsx" "$s" "$m"
fi
# Batch scaling: 8 copies of a smaller table, -j 1 against -j 2.
small=$work/batch
mkdir -p "$small"
if [ ! -f "$small/b7.csv" ]; then
  /usr/bin/python3 bench/generate.py $((n / 8 > 0 ? n / 8 : 1)) "$small/one" --no-xlsx >/dev/null
  for i in 0 1 2 3 4 5 6 7; do cp "$small/one.csv" "$small/b$i.csv"; done
  rm -f "$small/one.csv" "$small/one.gb18030.csv"
fi
read -r s1 _ < <(measure "$bin" -j 1 "$small" -f json -o "$work/out.json")
read -r s2 _ < <(measure "$bin" -j 2 "$small" -f json -o "$work/out.json")
echo "batch of 8 files: -j 1 ${s1}s, -j 2 ${s2}s, speed-up $(awk -v a="$s1" -v b="$s2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2fx", a / b }')"
