#!/usr/bin/env bash
# Counts the instructions of PlanKit's end-to-end queries with callgrind: the same binary, input
# and environment give the same count whatever the machine's load, so a change's cost is read
# to the instruction, not guessed from noisy wall times.
#
# Usage: Scripts/callgrind.sh [COMMUNES]   (26 by default; the corpus of generate-corpus.py, seed 2024)
# Needs valgrind and a release build: swift build -c release --static-swift-stdlib
# PLANKIT_BIN names another binary (e.g. an earlier commit's build, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
communes="${1:-26}"
binary="${PLANKIT_BIN:-.build/release/plankit}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
python3 Scripts/generate-corpus.py "$corpus" --communes "$communes" >/dev/null
files=("$corpus"/plans/*)
count() {
    local name="$1"; shift
    local log="$corpus/cg.log"
    valgrind --tool=callgrind --callgrind-out-file="$corpus/cg.out" --log-file="$log" "$binary" "$@" "${files[@]}" >/dev/null
    local total
    total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log")
    printf '%-34s %6.1f M instructions\n' "$name" "$(echo "$total / 1000000" | bc -l)"
}
echo "callgrind, $communes communes, $binary"
count "end to end (regex sum)" query 'budget where article ~ "^84" select count(amount), sum(amount)' --format csv
count "every field (plans, warnings)" query 'plans select count(), sum(warnings)' --format csv
