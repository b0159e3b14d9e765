#!/usr/bin/env bash
# Installs the Debian 12 packages perf-check needs that are not installed yet. Idempotent; uses sudo
# when not root. Every package comes from Debian; nothing is downloaded from elsewhere.
set -euo pipefail

packages=(
  g++ cmake make pkg-config          # toolchain
  clang-14 libclang-rt-14-dev llvm-14  # sanitizer + libFuzzer build (scripts/test.sh, scripts/fuzz.sh); llvm-symbolizer
  clang-tidy-14                      # static checks of src/ (scripts/tidy.sh, .clang-tidy)
  libcli11-dev                       # command line (CLI11 2.1)
  nlohmann-json3-dev                 # JSON reports and the canonical JSON model
  libyaml-cpp-dev                    # rule sets
  libfmt-dev                         # formatting
  catch2                             # tests (Catch2 v2)
  libzip-dev libexpat1-dev           # reading .xlsx (zip container + streamed sheet XML)
  libxlsxwriter-dev                  # writing .xlsx reports and the template
  python3 python3-openpyxl           # tests read our workbooks back with an independent reader
  python3-jsonschema                 # tests validate SARIF output against the official 2.1.0 schema
  chromium                           # tests render the HTML report in headless Chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "perf-check setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
