#!/usr/bin/env bash
# Builds one libFuzzer target over PlanKit (and PlanQuery) and runs it, seeded with the fixtures.
#
# Usage: Scripts/fuzz/fuzz.sh spreadsheet|workbook|ecomptes|json|query [SECONDS] [extra libFuzzer flags]
# Crashers land in .build-fuzz/TARGET/crashes; copy each into Tests/Fixtures/crashers/TARGET/
# once fixed, where the test suite replays them.
# The spreadsheet target also checks that no cell is lost (CellAccounting): an input that loses a
# cell is a finding that stops the run, like a crash. PLANKIT_FUZZ_LOST=DIR keeps such inputs in
# DIR instead, one file per kind of loss, and the run goes on; PLANKIT_FUZZ_LOST=off leaves the
# check out.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: fuzz.sh spreadsheet|workbook|ecomptes|json|query [SECONDS]}
seconds=${2:-120}
shift $(( $# >= 2 ? 2 : 1 ))
work=.build-fuzz/$target
mkdir -p "$work/lib" "$work/corpus" "$work/crashes"
flags=(-parse-as-library -O -sanitize=fuzzer,address -package-name plankit)
# The libraries, instrumented, as modules of their own.
build_module() { # name sources…
    local name=$1; shift
    swiftc "${flags[@]}" -I "$work/lib" -module-name "$name" -emit-module -emit-module-path "$work/lib/$name.swiftmodule" \
        -emit-library -static -o "$work/lib/lib$name.a" "$@"
}
# ZIPFoundation (which PlanKit opens workbooks with), from the package's checkout; zlib through its module map.
zip=.build/checkouts/ZIPFoundation
[ -d "$zip" ] || swift package resolve
flags+=(-I "$zip/Sources/CZLib")
# As ZIPFoundation's manifest does (cSettings: _GNU_SOURCE), for fopencookie.
flags+=(-Xcc -D_GNU_SOURCE=1)
build_module ZIPFoundation $(find "$zip/Sources/ZIPFoundation" -name '*.swift')
build_module PlanKit $(find Sources/PlanKit -name '*.swift')
libs=(-lPlanKit -lZIPFoundation -lz)
if [ "$target" = query ]; then
    build_module PlanQuery $(find Sources/PlanQuery -name '*.swift')
    libs=(-lPlanQuery -lPlanKit -lZIPFoundation -lz)
fi
swiftc -parse-as-library -O -sanitize=fuzzer,address -package-name plankit -I "$work/lib" -I "$zip/Sources/CZLib" -L "$work/lib" "Scripts/fuzz/targets/$target.swift" "${libs[@]}" -o "$work/fuzzer"
# Seeds: the fixtures of the target's kind, and earlier crashers.
case $target in
    spreadsheet) cp Tests/Fixtures/*.tsv Tests/Fixtures/*.csv Tests/Fixtures/*.txt "$work/corpus/" 2>/dev/null || true ;;
    workbook) cp Tests/Fixtures/workbooks/book.* Tests/Fixtures/workbooks/pst-*.xlsx Tests/Fixtures/workbooks/pst-*.ods Tests/Fixtures/workbooks/dates-1904.xlsx "$work/corpus/" ;;
    ecomptes) cp Tests/Fixtures/*.xml "$work/corpus/" ;;
    json) for f in Tests/Fixtures/pst-citoyennete.tsv Tests/Fixtures/pst-forms.csv; do .build/debug/plankit convert "$f" --to json > "$work/corpus/$(basename "$f").json" 2>/dev/null || true; done ;;
    query) grep -h -A1 '```pkq' Docs/*.md | grep -v '```\|^--' | while read -r q; do printf '%s' "$q" > "$work/corpus/$(printf '%s' "$q" | md5sum | cut -c1-12)"; done ;;
esac
if [ -d "Tests/Fixtures/crashers/$target" ]; then cp Tests/Fixtures/crashers/"$target"/* "$work/corpus/" 2>/dev/null || true; fi
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt:print_suppressions=0"
# The Swift runtime's backtracer reads memory the address sanitizer reports as a wild access.
export SWIFT_BACKTRACE=enable=no
if [ "$target" = spreadsheet ]; then
    export PLANKIT_FUZZ_LOST=${PLANKIT_FUZZ_LOST:-abort}
    case $PLANKIT_FUZZ_LOST in abort|off) ;; *) mkdir -p "$PLANKIT_FUZZ_LOST" ;; esac
fi
status=0
"$work/fuzzer" "$work/corpus" -max_total_time="$seconds" -artifact_prefix="$work/crashes/" -max_len=65536 -timeout=10 -rss_limit_mb=4096 "$@" || status=$?
if [ "$target" = spreadsheet ] && [ -d "${PLANKIT_FUZZ_LOST:-}" ] && [ -n "$(ls -A "$PLANKIT_FUZZ_LOST")" ]; then
    echo "Inputs that lose cells, by kind, in $PLANKIT_FUZZ_LOST:" >&2
    ls "$PLANKIT_FUZZ_LOST" >&2
fi
exit $status
