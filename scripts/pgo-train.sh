#!/usr/bin/env bash
# The training runs of the profile-guided build (scripts/build-fast.sh): check and score in every report
# format on generated tables (CSV, GB18030 CSV, XLSX, and one with every project sloppy), and check, score
# and monitor on the samples. Fails, naming the command, when a run cannot be done (exit 2 or more):
# scripts/test.sh runs it with the plain build on small tables, so a changed command line cannot leave the
# training stale. Its tables and reports go to a new folder inside PARENT_DIR, removed when it ends.
# usage: scripts/pgo-train.sh PERF_CHECK PARENT_DIR [PROJECTS]   (default 4000 projects, half as many sloppy)
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 PERF_CHECK PARENT_DIR [PROJECTS]" >&2; exit 2; }
bin=$(realpath "$1")
mkdir -p "$2"
train=$(mktemp -d "$(realpath "$2")/pgo-train.XXXXXX")
trap 'rm -rf "$train"' EXIT
n=${3:-4000}
cd "$(dirname "$0")/.."
# The generator uses the standard library only; Debian's python3 (scripts/setup.sh) as the benchmark does.
[ -x /usr/bin/python3 ] || { echo "pgo-train: /usr/bin/python3 is missing (bash scripts/setup.sh installs it)" >&2; exit 1; }
/usr/bin/python3 bench/generate.py "$n" "$train/t" >/dev/null
/usr/bin/python3 bench/generate.py $((n / 2 > 0 ? n / 2 : 1)) "$train/s" --no-xlsx --sloppy >/dev/null
# Each run's findings are its answer, not a failure: exit code 1 (findings) is expected, 2 and up is not.
run() {
  local rc=0
  "$bin" "$@" >/dev/null 2>"$train/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "pgo-train: a training run failed (exit $rc): perf-check $*" >&2
    cat "$train/err" >&2
    exit 1
  fi
}
for f in "$train/t.csv" "$train/t.gb18030.csv" "$train/t.xlsx" "$train/s.csv"; do
  run check -j 1 -f json -o "$train/out.json" "$f"
  run score -j 1 -f json -o "$train/out.json" "$f"
done
for fmt in text sarif junit csv markdown html gitlab github xlsx; do
  run check -j 1 -f "$fmt" -o "$train/out" "$train/s.csv"
  run score -j 1 -f "$fmt" -o "$train/out" "$train/t.csv"
done
run check -j 1 --summary --lang en "$train/t.csv"
run check -j 2 -f json -o "$train/out.json" "$train/t.csv" "$train/s.csv"
for f in samples/*.csv samples/*.xlsx; do run check -j 1 "$f"; done
run score -j 1 samples/self-eval/self-eval-2024.csv
run score -j 1 samples/self-eval/targets-2024.csv --actuals samples/self-eval/actuals-2024.csv
run monitor -j 1 samples/monitor/bureau-targets-2024.csv --progress samples/monitor/bureau-progress-2024.csv \
  --as-of 2024-07-31
