#!/usr/bin/env bash
# Command (2) of the README: install, build, and run every test.
# Exits non-zero when any test fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FIELDNOTES_BUILD_DIR:-$ROOT/build}"

bash "$ROOT/packaging/build.sh"
cd "$BUILD"
# GUI tests need a display; xvfb-run gives them a virtual one.
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
