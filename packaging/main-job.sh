#!/usr/bin/env bash
# Command (1) of the README: install, build, and run the main job.
#
#   bash packaging/main-job.sh [JOURNAL_PATH]
#
# Creates a journal (in a temporary folder unless a path is given), imports
# the sample week shipped in docs/examples/, and prints the entries, a search
# and a summary. The demo passphrase is only for this demonstration.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FIELDNOTES_BUILD_DIR:-$ROOT/build}"

bash "$ROOT/packaging/build.sh"
CLI="$BUILD/client/cli/fieldnotes-cli"

if [ $# -ge 1 ]; then
  JOURNAL="$1"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-demo-XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
  JOURNAL="$WORK/journal.db"
fi
export FIELDNOTES_PASSPHRASE="${FIELDNOTES_PASSPHRASE:-demo passphrase, not for real use}"

step() { printf '\n== %s\n' "$*"; }

if [ ! -e "$JOURNAL" ]; then
  step "Creating a journal at $JOURNAL"
  "$CLI" --journal "$JOURNAL" init
fi
step "Importing the sample week"
"$CLI" --journal "$JOURNAL" import "$ROOT/docs/examples/sample-week.jsonl"
step "Entries"
"$CLI" --journal "$JOURNAL" list
step "Search: dana (case and accents do not matter)"
"$CLI" --journal "$JOURNAL" search dana
step "Summary"
"$CLI" --journal "$JOURNAL" summary
step "Integrity check"
"$CLI" --journal "$JOURNAL" check
