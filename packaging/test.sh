#!/usr/bin/env bash
# Command (2) of the README: install, build, and run every test.
# Exits non-zero when any test fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FIELDNOTES_BUILD_DIR:-$ROOT/build}"

bash "$ROOT/packaging/build.sh"
# The whole run also holds the libraries to .clang-tidy (zero findings).
if [ $# -eq 0 ]; then
  bash "$ROOT/packaging/clang-tidy.sh" "$BUILD"
fi
cd "$BUILD"
# GUI tests need a display; xvfb-run gives them a virtual one.
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"

# The whole run (no ctest arguments) also builds the Debian packages from
# this tree and installs them for real, then purges them
# (docs/operations.md, "Packages"). Installing needs root.
if [ $# -eq 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    bash "$ROOT/packaging/debs.sh" --build-dir "$BUILD" "$BUILD/debs"
    bash "$ROOT/packaging/install-test.sh" "$BUILD/debs"
  else
    echo "test: the package install test needs root; skipped" >&2
  fi
fi
