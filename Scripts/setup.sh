#!/usr/bin/env bash
# Installs what building and testing PlanKit need on a Debian machine, when missing:
# libedit (the console's line editor), zlib (ZIPFoundation, which opens workbooks), tmux (console
# tests), xmllint (eComptes schema tests); Python's jsonschema (SARIF schema tests) and junitparser
# (JUnit XML tests); the duckdb command (PyPI's duckdb-cli: query tests compare with DuckDB).
set -euo pipefail
need=()
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev pkg-config)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v duckdb >/dev/null 2>&1; then
    command -v pip3 >/dev/null 2>&1 || python3 -m pip --version >/dev/null 2>&1 || {
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-pip >/dev/null
    }
    python3 -m pip install --quiet duckdb-cli 2>/dev/null || python3 -m pip install --quiet --break-system-packages duckdb-cli
fi
for module in jsonschema junitparser; do
    python3 -c "import $module" 2>/dev/null || python3 -m pip install --quiet "$module" 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages "$module"
done
