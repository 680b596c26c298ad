#!/usr/bin/env bash
# Renders `plankit report` in a real browser, headless Chromium, to PNG and PDF, for three inputs:
# the seed plan, the Examples/ folder (a PST with the PCS it links to) and a 20-commune corpus.
# Look at the PNGs: what a reader sees, on screen and in print.
#
# Usage: Scripts/render-report.sh [OUT_DIR]      (default: .build/report-render)
#   PLANKIT_BIN   the plankit to run (default: .build/debug/plankit, built when missing)
#   REPORT_TODAY  the reference day for overdue actions (default: 2021-07-01)
#
# Needs Debian's `chromium` package (installed here when missing); the tests do not.
# It also writes Docs/report.png from the seed's report when run with --docs.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=0
if [ "${1:-}" = "--docs" ]; then docs=1; shift; fi
out=${1:-.build/report-render}
mkdir -p "$out"
today=${REPORT_TODAY:-2021-07-01}
bin=${PLANKIT_BIN:-.build/debug/plankit}
[ -x "$bin" ] || swift build --product plankit
if ! command -v chromium >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$out/corpus/plans" ]; then
    python3 Scripts/generate-corpus.py "$out/corpus" --communes 20 >/dev/null
fi

render() { # NAME WIDTH HEIGHT FILES…
    local name=$1 width=$2 height=$3
    shift 3
    "$bin" report "$@" --today "$today" -o "$out/$name.html" 2>/dev/null
    "$bin" report "$@" --today "$today" --lang en -o "$out/$name.en.html" 2>/dev/null
    "$bin" report "$@" --today "$today" --format markdown -o "$out/$name.md" 2>/dev/null
    local url="file://$(realpath "$out/$name.html")"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$width,$height" --screenshot="$out/$name.png" "$url" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$name.pdf" "$url" 2>/dev/null
    echo "$out/$name.html  $out/$name.png  $out/$name.pdf"
}

render seed 1000 2600 Examples/pst-citoyennete.tsv
render examples 1000 4200 Examples/
render corpus 1000 3000 "$out/corpus/plans"

if [ $docs -eq 1 ]; then
    # The README's screenshot: the first screen of the seed's report.
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size=1000,1800 --screenshot="$out/docs.png" "file://$(realpath "$out/seed.html")" 2>/dev/null
    cp "$out/docs.png" Docs/report.png
    echo "Docs/report.png"
fi
