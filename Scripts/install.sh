#!/usr/bin/env bash
# Builds plankit in release mode and copies it to PREFIX/bin (PREFIX defaults to ~/.local, so
# the command lands in ~/.local/bin). Usage: bash Scripts/install.sh [PREFIX]
# Run bash Scripts/setup.sh first on a fresh machine: the build needs libedit.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${PREFIX:-$HOME/.local}}"
swift build -c release --product plankit
bin="$(swift build -c release --show-bin-path)/plankit"
mkdir -p "$prefix/bin"
install -m 0755 "$bin" "$prefix/bin/plankit"
echo "installed $prefix/bin/plankit"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "$prefix/bin is not on your PATH; add it, e.g. with: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
