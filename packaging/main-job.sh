#!/usr/bin/env bash
# Command (1) of the README: install, build, and run the main job.
#
#   bash packaging/main-job.sh [JOURNAL_PATH]
#
# The whole flow on the embedded defaults, on this machine:
#   - a journal (in a temporary folder unless a path is given), the sample
#     week shipped in docs/examples/ imported, the entries, a search and a
#     summary printed, and the weekly report PDF made;
#   - a sync server on localhost (fieldnotes-server init + run, SQLite),
#     a clinician account with a key file (fieldnotes-clinician), an invite;
#   - the client links, both sides show the safety number, the client
#     verifies and shares the report; the clinician fetches, verifies and
#     decrypts it; the client withdraws it and shows the receipts.
# The demo passphrases and password are only for this demonstration.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FIELDNOTES_BUILD_DIR:-$ROOT/build}"

bash "$ROOT/packaging/build.sh"
CLI="$BUILD/client/cli/fieldnotes-cli"
SERVER="$BUILD/server/fieldnotes-server"
CLIN="$BUILD/clinician/cli/fieldnotes-clinician"
DEMO="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-demo-server-XXXXXX")"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
}

if [ $# -ge 1 ]; then
  JOURNAL="$1"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-demo-XXXXXX")"
  JOURNAL="$WORK/journal.db"
fi
trap 'stop_server; rm -rf "$DEMO" ${WORK:+"$WORK"}' EXIT
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

# ---- sharing, end to end, on localhost ----
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="https://localhost:$PORT"
CA="$DEMO/server/ca.pem"
step "Starting a sync server at $URL (its data in $DEMO/server)"
"$SERVER" init --dir "$DEMO/server" --port "$PORT"
export FIELDNOTES_PASSWORD="demo clinician password, not for real use"
printf '%s\n' "$FIELDNOTES_PASSWORD" | "$SERVER" admin add-clinician therapist@example.org --dir "$DEMO/server"
"$SERVER" run --dir "$DEMO/server" 2>"$DEMO/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do curl -sf --cacert "$CA" "$URL/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done

clin() { FIELDNOTES_PASSPHRASE="demo clinician key passphrase" "$CLIN" --keys "$DEMO/clinician/keys" "$@"; }
step "The clinician: a key file, signing in, publishing keys, an invite"
clin init
clin login --server "$URL" --email therapist@example.org --ca-file "$CA"
clin keys publish
CODE=$(clin invite --label "Sample client" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
echo "Invite code: $CODE"

step "The client links with the invite code"
LINK=$("$CLI" --journal "$JOURNAL" link --server "$URL" --code "$CODE" --ca-file "$CA" \
  --label "My therapist" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$CLI" --journal "$JOURNAL" link list
step "The clinician's screen shows the same safety number"
clin safety-number "$LINK"
step "They match: the client verifies the link and shares the report"
"$CLI" --journal "$JOURNAL" link verify "$LINK" --yes
REPORT_ID=$("$CLI" --journal "$JOURNAL" report list | tail -1 | cut -d' ' -f1)
"$CLI" --journal "$JOURNAL" share "$REPORT_ID" --with "$LINK" --yes

step "The clinician fetches it: signature checked, decrypted, written only where asked"
clin reports
RID=$(clin reports --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
FETCHED="$(dirname "$REPORT")/fetched-by-clinician.pdf"
clin fetch "$RID" --out "$FETCHED"
if cmp -s "$REPORT" "$FETCHED"; then
  echo "The decrypted PDF is at $FETCHED: byte for byte the report the client approved."
else
  echo "The fetched PDF differs from the client's report" >&2
  exit 1
fi

step "The client's receipts, then the client withdraws the report"
"$CLI" --journal "$JOURNAL" receipts
"$CLI" --journal "$JOURNAL" withdraw "$REPORT_ID"
"$CLI" --journal "$JOURNAL" receipts
step "The clinician's list now"
clin reports
step "The server's audit log is intact"
"$SERVER" audit verify --dir "$DEMO/server"
