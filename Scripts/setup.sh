#!/usr/bin/env bash
# Installs what building and testing PlanKit need on a Debian machine, when missing:
# libedit (the console's line editor), zlib (ZIPFoundation, which opens workbooks), tmux (console
# tests), xmllint (eComptes schema tests), libsqlite3 (SQLite output) and sqlite3; Python's
# jsonschema (SARIF schema tests) and junitparser (JUnit XML tests); with pip too, openpyxl and
# DuckDB's shell (workbook and database output tests).
set -euo pipefail
need=()
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev pkg-config)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev pkg-config)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
pip=()
python3 -c 'import openpyxl' 2>/dev/null || pip+=(openpyxl)
command -v duckdb >/dev/null 2>&1 || pip+=(duckdb-cli)
if [ ${#pip[@]} -gt 0 ]; then
    # Debian's own Python refuses user packages unless told (PEP 668); a virtual environment's takes them as they are.
    python3 -m pip install --quiet --user "${pip[@]}" 2>/dev/null \
        || python3 -m pip install --quiet "${pip[@]}" 2>/dev/null \
        || python3 -m pip install --quiet --user --break-system-packages "${pip[@]}"
fi
for module in jsonschema junitparser; do
    python3 -c "import $module" 2>/dev/null || python3 -m pip install --quiet "$module" 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages "$module"
done
