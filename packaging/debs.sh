#!/usr/bin/env bash
# The three Debian packages (docs/operations.md, "Packages"):
#
#   bash packaging/debs.sh OUTDIR
#       a Release build in build-release/ (its own tree: configured once,
#       then incremental), then fieldnotes, fieldnotes-viewer and
#       fieldnotes-server into OUTDIR, each checked with lintian.
#   bash packaging/debs.sh --build-dir DIR OUTDIR
#       the packages from an existing build tree, brought up to date first.
#       CI uses its RelWithDebInfo tree this way (-O2, stripped when
#       packed), so the packages cost no second build of everything.
#
# Fails when lintian reports an error, or a warning that docs/operations.md
# does not list with its reason (the table under "Lintian").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

BUILD=""
if [ "${1:-}" = "--build-dir" ]; then
  BUILD="$(cd "$2" && pwd)"
  shift 2
fi
if [ $# -ne 1 ]; then
  echo "usage: bash packaging/debs.sh [--build-dir DIR] OUTDIR" >&2
  exit 64
fi
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"

bash "$ROOT/packaging/install-deps.sh"
if [ -z "$BUILD" ]; then
  BUILD="$ROOT/build-release"
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DFIELDNOTES_BUILD_TESTS=OFF -DFIELDNOTES_BUILD_BENCH=OFF >/dev/null
  fi
fi
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)"

# CPack's DEB generator: components -> packages, dpkg-shlibdeps for the
# dependencies, stripped programs.
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-cpack-XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
(cd "$BUILD" && cpack -G DEB -B "$STAGE" >"$STAGE/cpack.log" 2>&1) || {
  cat "$STAGE/cpack.log" >&2
  exit 1
}
rm -f "$OUT"/fieldnotes*.deb
mv "$STAGE"/fieldnotes*.deb "$OUT"/
ls -1 "$OUT"/*.deb

# Lintian: no error; the warnings docs/operations.md explains are allowed.
allowed="$(sed -n '/^### Lintian warnings/,/^#/p' "$ROOT/docs/operations.md" |
  sed -n 's/^| `\([a-z0-9.+-]*\)` |.*/\1/p' | paste -sd, -)"
lintian_args=(--fail-on error,warning --tag-display-limit 0)
if [ -n "$allowed" ]; then lintian_args+=(--suppress-tags "$allowed"); fi
if ! lintian "${lintian_args[@]}" "$OUT"/*.deb; then
  echo "debs: lintian found an error, or a warning docs/operations.md does not list" >&2
  exit 1
fi
echo "debs: lintian clean (allowed warnings: ${allowed:-none})"
