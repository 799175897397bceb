#!/usr/bin/env bash
# Regenerates the sample report in docs/examples/ from sample-week.jsonl with
# the real fieldnotes-cli (docs/report.md). The PDF is deterministic: running
# this again gives the same bytes. The JSON holds a new random id each time.
#
#   bash docs/examples/make-sample-report.sh [BUILD_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-${FIELDNOTES_BUILD_DIR:-$ROOT/build}}"
CLI="$BUILD/client/cli/fieldnotes-cli"
OUT="$ROOT/docs/examples"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-sample-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

export FIELDNOTES_PASSPHRASE="sample passphrase, not for real use"
export FIELDNOTES_REGION=GB  # the footer's crisis lines: the same on every machine
fn() { "$CLI" --journal "$WORK/journal.db" "$@"; }
fn init --kdf-cost 15 >/dev/null
fn import "$OUT/sample-week.jsonl" >/dev/null

WEEK=(--from 2026-11-02 --to 2026-11-09)
LOOP="$(fn report "${WEEK[@]}" --preview | sed -n 's/.*\[\(recurring-[0-9a-f]*\)\].*/\1/p' | head -1)"
THREAD="$(fn report "${WEEK[@]}" --preview | sed -n 's/.*\[\(thread-[0-9a-f]*\)\].*/\1/p' | head -1)"
fn report "${WEEK[@]}" \
  --pick "$LOOP" \
  --agenda "Every message from Dana lands like an alarm, even when it's nothing." \
  --note "$THREAD=It helped most when I remembered it early, not after an evening of arguing with the thought." \
  --question "Why does 'careful' sound like an insult to me?" \
  --pdf "$OUT/sample-report.pdf" --json "$OUT/sample-report.json"
pdftoppm -png -r 60 -f 1 -l 1 "$OUT/sample-report.pdf" "$WORK/page"
mv "$WORK"/page-*1.png "$OUT/sample-report.png"
echo "Wrote $OUT/sample-report.pdf, .json and .png"
