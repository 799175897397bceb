#!/usr/bin/env bash
# Runs the journal benchmark (DESIGN.md §7) and prints its Markdown table.
# It builds nothing; build the target first:
#
#   cmake --build build --target fieldnotes-bench
#   bash bench/run.sh build                 # 20,000 entries, Markdown table
#   bash bench/run.sh build --json          # the same as JSON
#   bash bench/run.sh build --entries 2000  # a quick look
#
# The first argument is the build directory (default ./build); the rest go to
# fieldnotes-bench. Exit code: 0 when every target is met, 1 when one is
# missed, 2 on a usage error, 3 when the journal itself failed.
set -euo pipefail

build=build
if [[ $# -gt 0 && $1 != -* ]]; then
  build=$1
  shift
fi
bin="$build/bench/fieldnotes-bench"
if [[ ! -x $bin ]]; then
  echo "run.sh: $bin not found; build it first: cmake --build $build --target fieldnotes-bench" >&2
  exit 2
fi

json=0
for arg in "$@"; do
  [[ $arg == --json ]] && json=1
done
if [[ $json == 0 ]]; then
  echo "## Fieldnotes journal benchmark, $(date -u +%Y-%m-%d)"
  echo
fi
exec "$bin" "$@"
