#!/usr/bin/env bash
# Where a multi-threaded run's wall clock goes (not a test): samples one run with `perf record` and, in
# 5 ms slices, counts how many of its worker threads were on a core. Prints the slices with no worker
# (start-up and exit, on the main thread), with one, and with two or more. Session 28 found a -j 2 batch
# of 8 equal files spends ~15% of its wall clock with one worker (the last file, its partner done) and
# ~20 ms starting up: what keeps -j 2 under 2x besides cache and memory contention.
# usage: bench/threads.sh perf-check arguments…   e.g. bench/threads.sh build-fast/perf-check check -j 2 \
#          -f json -o /tmp/out.json /tmp/perf-check-bench/gen-*/batch
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
command -v perf >/dev/null || { echo "threads.sh: needs perf (Debian: linux-perf)" >&2; exit 2; }
data=$(mktemp)
trap 'rm -f "$data"' EXIT
rc=0
perf record -q -F 4000 -o "$data" -- "$@" >/dev/null 2>&1 || rc=$?
[ "$rc" -lt 2 ] || { echo "threads.sh: the run failed (exit $rc): $*" >&2; exit 2; }
perf script -i "$data" -F tid,time 2>/dev/null | awk '
  { t = $2 + 0; if (start == "") { start = t; main = $1 }
    slice = int((t - start) * 200); on[slice " " $1] = 1; if (slice > last) last = slice
    if ($1 != main) workers[$1] = 1 }
  END {
    for (i = 0; i <= last; i++) { n = 0; for (w in workers) if ((i " " w) in on) n++
      if (n == 0) none++; else if (n == 1) one++; else more++ }
    printf "%d ms sampled: no worker %d ms, one worker %d ms, two or more %d ms\n", (last + 1) * 5, none * 5, one * 5, more * 5 }'
