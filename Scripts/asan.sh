#!/usr/bin/env bash
# Runs the whole test suite under the address sanitizer, in its own build folder.
# Usage: Scripts/asan.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
# Leaks inside the toolchain's own libraries are listed, with their reasons, in the suppressions.
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt:print_suppressions=0"
swift test --sanitize=address --scratch-path .build-asan "$@"
