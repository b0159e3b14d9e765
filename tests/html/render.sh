#!/usr/bin/env bash
# Renders an HTML report in headless Chromium (Debian's `chromium`, installed by scripts/setup.sh) and
# writes the DOM after the page's scripts ran, plus the browser's log (console messages, errors).
#
# Usage: render.sh FILE.html OUT_DIR [FRAGMENT] [SCREENSHOT.png]
#   OUT_DIR/dom.html      the serialised DOM (--dump-dom)
#   OUT_DIR/chromium.log  stderr of the browser, with console messages and uncaught errors
# Exit: 0 rendered; 3 chromium is not installed; otherwise the browser's (or timeout's) status.
set -u
file=$1
out=$2
fragment=${3:-}
screenshot=${4:-}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render.sh: chromium is not installed; run scripts/setup.sh (it installs Debian's chromium)" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(realpath "$file")"
if [ -n "$fragment" ]; then url="$url#$fragment"; fi
# Everything that could reach the network on its own is switched off: the report must need nothing.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-default-apps --user-data-dir="$profile"
       --enable-logging=stderr --v=0)
if [ -n "$screenshot" ]; then
  timeout 120 "$browser" "${flags[@]}" --window-size=1400,2400 --hide-scrollbars --screenshot="$screenshot" "$url" \
    >/dev/null 2>"$out/screenshot.log"
  exit $?
fi
timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>"$out/chromium.log"
