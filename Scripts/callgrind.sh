#!/usr/bin/env bash
# Counts the instructions of PlanKit's end-to-end queries with callgrind: the same binary, input
# and environment give the same count whatever the machine's load, so a change's cost is read
# to the instruction, not guessed from noisy wall times.
#
# Usage: Scripts/callgrind.sh [COMMUNES] [--session]   (26 by default; the corpus of generate-corpus.py, seed 2024)
# With --session, also the in-session queries of benchmark.py: each query's first run in a
# console session (what it adds to a session that only loads the plans) and its later runs (a
# session running it eleven times, minus one running it once, over ten).
# Needs valgrind and a release build: swift build -c release --static-swift-stdlib
# PLANKIT_BIN names another binary (e.g. an earlier commit's build, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
communes="${1:-26}"
session="${2:-}"
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

[ "$session" = "--session" ] || exit 0
# The console's counts: hashing made deterministic, today fixed, so two builds count alike.
export SWIFT_DETERMINISTIC_HASHING=1 PLANKIT_TODAY=2021-07-01
console() {
    valgrind --tool=callgrind --callgrind-out-file="$corpus/cg.out" --log-file="$corpus/cg.log" "$binary" -c "$1" "$corpus/plans" >/dev/null
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$corpus/cg.log"
}
loaded=$(console ".quit")
while IFS='|' read -r name query; do
    once=$(console "$query;.quit")
    eleven=$(console "$(for _ in 1 2 3 4 5 6 7 8 9 10 11; do printf '%s;' "$query"; done).quit")
    printf '%-34s first %6.2f M, then %6.2f M instructions a query\n' "$name" \
        "$(echo "($once - $loaded) / 1000000" | bc -l)" "$(echo "($eleven - $once) / 10000000" | bc -l)"
done < <(python3 - <<'PY'
import importlib.util, os
spec = importlib.util.spec_from_file_location("benchmark", os.path.join("Scripts", "benchmark.py"))
b = importlib.util.module_from_spec(spec)
spec.loader.exec_module(b)
for name, query in [("filter", b.FILTER), ("field-to-field filter", b.FIELDS), ("having", b.HAVING),
                    ("link following", b.LINKS), ("overdue (dates)", b.OVERDUE)]:
    print("%s|%s" % (name, query))
PY
)
