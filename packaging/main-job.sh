#!/usr/bin/env bash
# Command (1) of the README: install, build, and run the main job.
#
#   bash packaging/main-job.sh [JOURNAL_PATH]
#
# Creates a journal (in a temporary folder unless a path is given), imports
# the sample week shipped in docs/examples/, prints the entries, a search
# and a summary, and makes the weekly report PDF for the sample week (next
# to the journal). The demo passphrase is only for this demonstration.
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
step "Weekly report for the sample week (Nov 2 to Nov 9, 2026)"
# Next to a journal given on the command line; otherwise in a folder of its
# own that outlives the temporary journal, so it can be opened afterwards.
if [ $# -ge 1 ]; then
  REPORT="$(dirname "$JOURNAL")/sample-week-report.pdf"
else
  REPORT="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-report-XXXXXX")/sample-week-report.pdf"
fi
FIELDNOTES_REGION="${FIELDNOTES_REGION:-GB}" "$CLI" --journal "$JOURNAL" report \
  --from 2026-11-02 --to 2026-11-09 \
  --agenda "Every message from Dana lands like an alarm, even when it's nothing." \
  --pdf "$REPORT"
echo "The report is at $REPORT"
pdfinfo "$REPORT" 2>/dev/null | grep -E '^(Title|Pages|Page size|File size):' 
step "Integrity check"
"$CLI" --journal "$JOURNAL" check
