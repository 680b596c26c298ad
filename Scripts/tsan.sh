#!/usr/bin/env bash
# Runs the tests that use several threads under the thread sanitizer, in its own build folder:
# compiled queries run from many threads over fresh and shared contexts, plans read and indexed
# on all cores, and the folded and dense columns.
# Usage: Scripts/tsan.sh [swift test arguments]   (e.g. `--filter PlanQueryTests` for more)
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
# A report stops the run with a failure rather than scrolling past.
export TSAN_OPTIONS="halt_on_error=1:${TSAN_OPTIONS:-}"
if [ $# -eq 0 ]; then
    set -- --filter 'ConcurrentQueryTests|PlanSetTests|FoldedColumnTests|GroupByArticleTests|DenseColumnTests'
fi
swift test --sanitize=thread --scratch-path .build-tsan "$@"
