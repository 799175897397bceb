#!/usr/bin/env bash
# The whole flow with real processes, and the privacy promise checked where
# it matters (issue 6, "End-to-end, for real"):
#
#   a fieldnotes-server started the way docs/server.md says, a clinician
#   (fieldnotes-clinician) and a client (fieldnotes-cli) talking to it over
#   TLS through a capturing proxy (socat, which logs every byte the client
#   sent, decrypted), canary strings written into the client's entries.
#
# Asserts: the report arrives and opens; the canaries are nowhere on the
# server's side (database, WAL, its folder, its log), in no request the
# client sent, and not in the fetched PDF; no "%PDF" plaintext on the
# server; a server that swaps the clinician's key gets nothing; a modified
# or replayed envelope is refused; a withdrawn report is gone (404) and its
# bytes are absent from the database file after the checkpoint.
#
#   bash tests/e2e/e2e.sh BUILD_DIR
set -euo pipefail

BUILD="$(cd "${1:?usage: e2e.sh BUILD_DIR}" && pwd)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVER="$BUILD/server/fieldnotes-server"
CLI="$BUILD/client/cli/fieldnotes-cli"
CLIN="$BUILD/clinician/cli/fieldnotes-clinician"

W="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-e2e-XXXXXX")"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$W"
}
trap cleanup EXIT

failures=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() {  # check "what" command...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# Exits non-zero (expected to).
refuses() {
  local what=$1
  shift
  if "$@" >"$W/out" 2>"$W/err"; then
    fail "$what (it was accepted)"
  else
    pass "$what: $(head -c 200 "$W/err" | tr '\n' ' ')"
  fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for URL CA
  for _ in $(seq 100); do
    curl -sf --cacert "$2" "$1/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "e2e: $1 did not come up" >&2
  return 1
}
# None of the canaries in the given files.
no_canary() {
  local f
  for f in "$@"; do
    [ -e "$f" ] || continue
    for c in "${CANARIES[@]}"; do
      if grep -aq -- "$c" "$f"; then
        echo "e2e: canary $c found in $f" >&2
        return 1
      fi
    done
  done
}

CANARIES=(CANARY-thought-5b1e9 CANARY-before-77d2c CANARY-text-a04f3 CANARY-unsaid-e6c18)

# ---- the server, as docs/server.md starts it ----
PORT=$(free_port)
"$SERVER" init --dir "$W/srv" --port "$PORT" >/dev/null
sed -i 's/^fieldnotes.auth.scrypt_log2_n = .*/fieldnotes.auth.scrypt_log2_n = 14/' \
  "$W/srv/fieldnotes-server.properties"
printf 'a long clinician password 7\n' | "$SERVER" admin add-clinician dr@example.org --dir "$W/srv" >/dev/null
"$SERVER" run --dir "$W/srv" 2>"$W/srv/server.log" &
PIDS+=($!)
wait_for "https://localhost:$PORT" "$W/srv/ca.pem"

# The client talks through socat, which terminates TLS with the server's own
# certificate and logs (-v) every byte in clear before passing it on.
PPORT=$(free_port)
socat -v "openssl-listen:$PPORT,bind=127.0.0.1,reuseaddr,fork,cert=$W/srv/server-cert.pem,key=$W/srv/server-key.pem,verify=0" \
  "openssl:localhost:$PORT,cafile=$W/srv/ca.pem" 2>"$W/capture.log" &
PIDS+=($!)
wait_for "https://localhost:$PPORT" "$W/srv/ca.pem"

# ---- the clinician ----
export FIELDNOTES_PASSWORD='a long clinician password 7'
CL=("$CLIN" --keys "$W/clinician/keys")
FIELDNOTES_PASSPHRASE='clinician key passphrase' "${CL[@]}" init >/dev/null
clin() { FIELDNOTES_PASSPHRASE='clinician key passphrase' "${CL[@]}" "$@"; }
clin login --server "https://localhost:$PORT" --email dr@example.org --ca-file "$W/srv/ca.pem" >/dev/null
clin keys publish >/dev/null
CODE=$(clin invite --label "Client A" --json | jq -r .code)
check "the clinician made an invite code" test -n "$CODE"

# ---- the client ----
export FIELDNOTES_PASSPHRASE='client journal passphrase'
J=("$CLI" --journal "$W/client/journal.db")
mkdir -p "$W/client"
"${J[@]}" init --kdf-cost 15 >/dev/null
"${J[@]}" import "$ROOT/docs/examples/sample-week.jsonl" >/dev/null 2>&1
"${J[@]}" add spike --at 2026-11-04T20:10:00+00:00 --emotion anxiety --intensity 6 \
  --thought "${CANARIES[0]} will never stop" --before "${CANARIES[1]} arrived" >/dev/null
"${J[@]}" add note --at 2026-11-05T09:00:00+00:00 --text "a note with ${CANARIES[2]} inside" >/dev/null
"${J[@]}" add spike --at 2026-11-06T22:30:00+00:00 --emotion anger --intensity 4 \
  --unsaid "${CANARIES[3]} is what I wanted to say" >/dev/null

LINK_JSON=$("${J[@]}" link --server "https://localhost:$PPORT" --code "$CODE" \
  --ca-file "$W/srv/ca.pem" --label "Dr Rivera" --json)
LINK=$(jq -r .id <<<"$LINK_JSON")
CLIENT_NUMBER=$(jq -r .safety_number <<<"$LINK_JSON")
check "the client linked" test -n "$LINK"

# Both screens show the same safety number.
CLIN_NUMBER=$(clin safety-number "$LINK" --json | jq -r .safety_number)
check "the same safety number on both sides" test "$CLIENT_NUMBER" = "$CLIN_NUMBER"

"${J[@]}" report --from 2026-11-02 --to 2026-11-09 --agenda "Messages, and Sunday nights" \
  --pdf "$W/client/report.pdf" >/dev/null
REPORT=$("${J[@]}" report list | tail -1 | cut -d' ' -f1)
refuses "sharing on an unverified link is refused" "${J[@]}" share "$REPORT" --with "$LINK" --yes
"${J[@]}" link verify "$LINK" --yes >/dev/null
SHARED=$("${J[@]}" share "$REPORT" --with "$LINK" --yes --json)
check "the report was shared" test "$(jq -r .report <<<"$SHARED")" = "$REPORT"

# ---- the clinician fetches it ----
REPORTS=$(clin reports --json)
RID=$(jq -r '.[0].id' <<<"$REPORTS")
check "the report is listed as new for the clinician" \
  test "$(jq -r '.[0].opened' <<<"$REPORTS")" = "false"
clin fetch "$RID" --out "$W/clinician/fetched.pdf" >/dev/null
check "the fetched PDF is exactly the one the client made" cmp -s "$W/client/report.pdf" "$W/clinician/fetched.pdf"
check "pdftotext reads it" bash -c "pdftotext '$W/clinician/fetched.pdf' - | grep -q 'Messages, and Sunday nights'"
pdftotext "$W/clinician/fetched.pdf" "$W/clinician/fetched.txt"
check "no canary in the fetched PDF or its text" no_canary "$W/clinician/fetched.pdf" "$W/clinician/fetched.txt"
check "the client sees the opened receipt" \
  bash -c "'${J[0]}' --journal '$W/client/journal.db' receipts --json | jq -e '.[0].state == \"opened\"' >/dev/null"
# A replay: the server (or someone in its database) offers the same
# envelope again as a new report.
python3 - "$W/srv/fieldnotes-server.db" "$RID" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
row = list(db.execute("SELECT * FROM reports WHERE id = ?", (sys.argv[2],)).fetchone())
(blob,) = db.execute("SELECT bytes FROM envelopes WHERE report_id = ?", (sys.argv[2],)).fetchone()
row[0] = "f" * 32
row[7] = row[8] = None  # not downloaded, not opened
db.execute("INSERT INTO reports VALUES (%s)" % ",".join("?" * len(row)), row)
db.execute("INSERT INTO envelopes (report_id, bytes) VALUES (?, ?)", (row[0], blob))
db.commit()
PY
refuses "a replayed envelope is refused" clin fetch ffffffffffffffffffffffffffffffff --out "$W/clinician/replay.pdf"
check "nothing was written for the replay" test ! -e "$W/clinician/replay.pdf"
sqlite3 "$W/srv/fieldnotes-server.db" "DELETE FROM envelopes WHERE report_id = '$(printf 'f%.0s' {1..32})'; DELETE FROM reports WHERE id = '$(printf 'f%.0s' {1..32})';"

# ---- privacy on the server's side ----
sqlite3 "$W/srv/fieldnotes-server.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true
check "no canary in the server's folder, database, WAL or log" \
  no_canary "$W"/srv/* "$W/srv/server.log"
check "no canary in anything the client sent (captured in clear)" no_canary "$W/capture.log"
check "no %PDF plaintext in the server's storage" \
  bash -c "! grep -aq '%PDF' '$W'/srv/fieldnotes-server.db*"
check "the upload went through the capture" grep -aq 'POST /v1/reports' "$W/capture.log"

# ---- attacks ----
# A modified envelope: flip a byte of the stored ciphertext.
"${J[@]}" share "$REPORT" --with "$LINK" --yes --json >/dev/null
RID2=$(clin reports --json | jq -r '[.[] | select(.opened == false)][0].id')
python3 - "$W/srv/fieldnotes-server.db" "$RID2" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
(blob,) = db.execute("SELECT bytes FROM envelopes WHERE report_id = ?", (sys.argv[2],)).fetchone()
b = bytearray(blob)
b[len(b) // 2] ^= 0x01
db.execute("UPDATE envelopes SET bytes = ? WHERE report_id = ?", (bytes(b), sys.argv[2]))
# The listing's hash follows, so the envelope's own checks must catch it.
db.execute("UPDATE reports SET sha256 = ? WHERE id = ?", (hashlib.sha256(b).hexdigest(), sys.argv[2]))
db.commit()
PY
refuses "a modified envelope is refused" clin fetch "$RID2" --out "$W/clinician/modified.pdf"
check "nothing was written for it" test ! -e "$W/clinician/modified.pdf"

# A server that swaps the clinician's key: the client refuses to share.
openssl genpkey -algorithm X25519 -out "$W/evil.pem" 2>/dev/null
EVIL=$(openssl pkey -in "$W/evil.pem" -pubout -outform DER | tail -c 32 | xxd -p -c 64)
sqlite3 "$W/srv/fieldnotes-server.db" "UPDATE clinician_keys SET x25519 = '$EVIL';"
BEFORE=$(clin reports --json | jq length)
refuses "sharing after a key swap is refused" "${J[@]}" share "$REPORT" --with "$LINK" --yes
check "nothing was uploaded after the swap" test "$(clin reports --json | jq length)" = "$BEFORE"
check "the link says its key changed" bash -c "'${J[0]}' --journal '$W/client/journal.db' link list --json | jq -e '.[0].key_changed' >/dev/null"

# Withdrawal: gone from the server (404) and from its database file. 48
# bytes of each stored envelope's ciphertext, to look for afterwards.
mapfile -t SAMPLES < <(sqlite3 "$W/srv/fieldnotes-server.db" \
  "SELECT hex(substr(bytes, 1000, 48)) FROM envelopes;")
check "two envelopes are stored before the withdrawal" test "${#SAMPLES[@]}" = "2"
"${J[@]}" withdraw "$REPORT" >/dev/null
check "withdrawn: the clinician's list is empty" test "$(clin reports --json | jq length)" = "0"
TOKENLESS=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$W/srv/ca.pem" "https://localhost:$PORT/v1/reports/$RID")
check "withdrawn: the envelope's URL answers 401/404, never the bytes" test "$TOKENLESS" = "401"
refuses "withdrawn: fetching it fails" clin fetch "$RID2" --out "$W/clinician/late.pdf"
sqlite3 "$W/srv/fieldnotes-server.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true
check "withdrawn: no envelope rows are left" \
  test "$(sqlite3 "$W/srv/fieldnotes-server.db" 'SELECT COUNT(*) FROM envelopes;')" = "0"
bytes_gone() {
  local hexdb
  hexdb=$(cat "$W"/srv/fieldnotes-server.db* | xxd -p | tr -d '\n' | tr 'a-f' 'A-F')
  for sample in "${SAMPLES[@]}"; do
    case "$hexdb" in *"$sample"*) echo "e2e: envelope bytes still in the database file" >&2; return 1 ;; esac
  done
}
check "withdrawn: the envelopes' bytes are not in the database file" bytes_gone
check "the client's receipts show the withdrawal" \
  bash -c "'${J[0]}' --journal '$W/client/journal.db' receipts --json | jq -e 'map(.state) | index(\"withdrawn\")' >/dev/null"
check "the audit chain verifies" "$SERVER" audit verify --dir "$W/srv"

if [ "$failures" -ne 0 ]; then
  echo "e2e: $failures check(s) failed" >&2
  exit 1
fi
echo "e2e: every check passed"
