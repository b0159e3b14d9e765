#!/usr/bin/env bash
# Every command × format × option a speed change could disturb, on every table of the tests and the seed
# (and any folders given), written to OUT one file per run with its stderr and exit code. Run it with the
# binary before a change and after it, then `diff -r OUT_BEFORE OUT_AFTER`: a speed change must change no
# byte of any report. (Not a test: the golden tests pin a few outputs; this compares two builds on all.)
# usage: bench/identity.sh BIN OUT [FOLDER...]   e.g. with FOLDER a generated table's folder
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BIN OUT [FOLDER...]" >&2; exit 2; }
bin=$(realpath "$1")
out=$2
shift 2
rm -rf "$out" && mkdir -p "$out"
cd "$(dirname "$0")/.."
mapfile -t inputs < <(find tests/golden tests/data ../shared/seed "$@" -type f \
  \( -name '*.csv' -o -name '*.xlsx' -o -name '*.tsv' \) 2>/dev/null | sort)
i=0
for f in "${inputs[@]}"; do
  i=$((i + 1))
  for cmd in check score monitor; do
    for fmt in json text sarif junit markdown csv html gitlab github; do
      for extra in "" "--summary" "--lang en"; do
        # The options that change what is written: on the two formats that show all of it.
        [ -n "$extra" ] && [ "$fmt" != json ] && [ "$fmt" != text ] && continue
        key="$i-$cmd-$fmt-${extra// /_}"
        # shellcheck disable=SC2086  # $extra is zero, one or two words
        "$bin" "$cmd" -j 1 $extra -f "$fmt" "$f" >"$out/$key" 2>"$out/$key.err"
        echo "rc=$?" >>"$out/$key.err"
      done
    done
  done
done
# All of them at once with two threads: files side by side, the report in input order.
for cmd in check score; do
  "$bin" "$cmd" -j 2 --summary -f json "${inputs[@]}" >"$out/batch-$cmd" 2>"$out/batch-$cmd.err"
  echo "rc=$?" >>"$out/batch-$cmd.err"
done
printf '%s\n' "${inputs[@]}" >"$out/inputs.txt"
echo "$(ls "$out" | wc -l) files in $out from ${#inputs[@]} tables"
