#!/usr/bin/env bash
# Installs the dependencies (when missing) and builds Fieldnotes into build/.
# Idempotent and quick when nothing changed (ninja + ccache).
#   FIELDNOTES_BUILD_DIR   build folder (default: <repo>/build)
#   FIELDNOTES_CMAKE_ARGS  extra arguments for cmake, e.g. -DFIELDNOTES_BUILD_GUI=OFF
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FIELDNOTES_BUILD_DIR:-$ROOT/build}"

bash "$ROOT/packaging/install-deps.sh"

if [ ! -f "$BUILD/build.ninja" ]; then
  # shellcheck disable=SC2086
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    ${FIELDNOTES_CMAKE_ARGS:-} >/dev/null
fi
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)"
