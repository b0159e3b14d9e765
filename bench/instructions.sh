#!/usr/bin/env bash
# The instructions one perf-check run executes, counted by callgrind (no neighbour changes them, unlike
# the wall clock): prints the count alone. Used by bench/run.sh and bench/ab.sh --instructions.
# usage: bench/instructions.sh BINARY perf-check arguments…
# The run's exit 1 (findings) is its usual answer; 2 or more (could not run), or no count, is an error
# with the end of perf-check's stderr and of valgrind's log.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
bin=$1
shift
[ -x "$bin" ] || { echo "instructions.sh: $bin is not an executable" >&2; exit 2; }
log=$(mktemp)
err=$(mktemp)
trap 'rm -f "$log" "$err"' EXIT
rc=0
valgrind --tool=callgrind --error-exitcode=0 --callgrind-out-file=/dev/null --log-file="$log" "$bin" "$@" \
  >/dev/null 2>"$err" || rc=$?
ir=$(awk '/Collected/ { print $4 }' "$log")
if [ "$rc" -gt 1 ] || [ -z "$ir" ]; then
  if [ -z "$ir" ]; then
    echo "instructions.sh: callgrind gave no count for $bin (exit $rc):" >&2
  else
    echo "instructions.sh: $bin exited $rc under callgrind (2 or more: it could not run):" >&2
  fi
  tail -n 5 "$err" "$log" >&2
  exit 1
fi
echo "$ir"
