#!/usr/bin/env bash
# A/B of two perf-check binaries on the same command (not a timed test): the two are run alternately,
# pinned to one core, and each one's best, median and mean wall-clock seconds are printed with the
# ratio new/old. On these noisy VMs only alternated runs on one core compare: a neighbour that slows a
# core for a minute slows both binaries alike. With --instructions, each is run once under callgrind
# instead and the instructions it executed are printed: no noise, but read them with care — they do not
# predict the wall clock of the profile-guided build (session 27: a change that saved 3% of the -O2
# build's instructions added 1.4% to build-fast's, and 1.5% to its wall clock). A binary against
# itself differs by up to about 2%: the noise floor.
# usage: bench/ab.sh OLD NEW [--rounds N] [--core C|all] [--instructions] -- perf-check arguments…
#   (--core all: not pinned, for -j 2 and batches; default core 0)
#   e.g. bench/ab.sh /tmp/old/build-fast/perf-check build-fast/perf-check --rounds 8 --core 1 -- \
#          check -j 1 -f json -o /tmp/ab.json /tmp/perf-check-bench/gen-*/t60000.csv
# Build OLD from a worktree: git worktree add /tmp/old <commit> && (cd /tmp/old && bash scripts/build-fast.sh)
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
old=$1
new=$2
shift 2
rounds=5
core=0
instructions=0
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --core) core=$2; shift 2 ;;
    --instructions) instructions=1; shift ;;
    *) echo "ab.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "${1:-}" = "--" ] && shift
for bin in "$old" "$new"; do
  [ -x "$bin" ] || { echo "ab.sh: $bin is not an executable" >&2; exit 2; }
done

if [ "$instructions" = 1 ]; then
  for which in old new; do
    ir=$(bash "$(dirname "$0")/instructions.sh" "${!which}" "$@") || exit 1
    printf "%s: %s instructions\n" "$which" "$ir"
  done
  exit 0
fi

pin=()
[ "$core" != all ] && command -v taskset >/dev/null && pin=(taskset -c "$core")
run() {  # binary → seconds; a run that could not be done (exit 2 or more) stops the comparison:
  # its time would be that of an error message (exit 1, findings, is perf-check's usual answer)
  local a b rc=0
  a=$(date +%s.%N)
  "${pin[@]}" "$1" "${@:2}" >/dev/null 2>&1 || rc=$?
  b=$(date +%s.%N)
  if [ "$rc" -gt 1 ]; then
    echo "ab.sh: $1 exited $rc; run it by hand to see why" >&2
    exit 1
  fi
  awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f\n", b - a }'
}
times_old=()
times_new=()
# Warm the cache, and stop here if either cannot do the run (the timed runs are in subshells).
run "$old" "$@" >/dev/null
run "$new" "$@" >/dev/null
for ((r = 0; r < rounds; r++)); do
  times_old+=("$(run "$old" "$@")")
  times_new+=("$(run "$new" "$@")")
done
summary() {
  printf "%s\n" "$@" | sort -n |
    awk '{ t[NR] = $1; s += $1 } END { printf "best %.3f s  median %.3f s  mean %.3f s", t[1], t[int((NR + 1) / 2)], s / NR }'
}
mean() { printf "%s\n" "$@" | awk '{ s += $1 } END { print s / NR }'; }
echo "old: $(summary "${times_old[@]}")   ($old)"
echo "new: $(summary "${times_new[@]}")   ($new)"
echo "new/old (means): $(awk -v a="$(mean "${times_new[@]}")" -v b="$(mean "${times_old[@]}")" 'BEGIN { printf "%.3f", a / b }')" \
  "  ($rounds alternated rounds$([ ${#pin[@]} -gt 0 ] && echo " on core $core"))"
