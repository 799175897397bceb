#!/usr/bin/env bash
# The whole sharing flow on PostgreSQL, through HAProxy, over two server
# processes, one of them stopped midway (DESIGN.md §5; docs/operations.md,
# "Several processes on PostgreSQL"):
#
#   a real PostgreSQL 15 (initdb in a temporary folder as an unprivileged
#   user, a free port, password authentication), `fieldnotes-server init
#   --database`, two `run --dir DIR --port N` processes on that database,
#   HAProxy in TCP mode in front of them (TLS goes through untouched), a
#   clinician (fieldnotes-clinician) and a client (fieldnotes-cli) that only
#   ever talk to HAProxy, canary strings in the client's entries.
#
# Asserts: link, verify, share, fetch and withdraw work with process A
# stopped after the share; the canaries and "%PDF" are nowhere in a pg_dump
# of the database (as text or as the hex pg_dump writes BYTEA in); the
# withdrawn envelopes' bytes are gone from it; the audit chain verifies.
# Without PostgreSQL or HAProxy it fails: it never skips.
#
#   bash tests/e2e/e2e-postgresql.sh BUILD_DIR
set -euo pipefail

BUILD="$(cd "${1:?usage: e2e-postgresql.sh BUILD_DIR}" && pwd)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVER="$BUILD/server/fieldnotes-server"
CLI="$BUILD/client/cli/fieldnotes-cli"
CLIN="$BUILD/clinician/cli/fieldnotes-clinician"

PGBIN="${FIELDNOTES_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "e2e-postgresql: PostgreSQL server binaries not found (packaging/install-deps.sh)" >&2
  exit 1
fi
HAPROXY="$(command -v haproxy || echo /usr/sbin/haproxy)"
if [ ! -x "$HAPROXY" ]; then
  echo "e2e-postgresql: haproxy not found (packaging/install-deps.sh)" >&2
  exit 1
fi

W="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-e2e-pg-XXXXXX")"
PG="$(mktemp -d /tmp/fieldnotes-e2e-pgdata-XXXXXX)"
# initdb and postgres refuse root: as root, they run as nobody.
AS=()
if [ "$(id -u)" -eq 0 ]; then
  AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown nobody:nogroup "$PG"
fi
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PG/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$W" "$PG"
}
trap cleanup EXIT

failures=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for URL CA
  for _ in $(seq 150); do
    curl -sf --cacert "$2" "$1/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "e2e-postgresql: $1 did not come up" >&2
  return 1
}
CANARIES=(CANARY-thought-9c2e1 CANARY-before-31f7a CANARY-text-d80b4 CANARY-unsaid-4ae95)
# None of the canaries, nor "%PDF", in the dump: as text, or hex-encoded
# (pg_dump writes BYTEA as \x and hex).
clean_dump() {
  local c hex
  for c in "${CANARIES[@]}" %PDF; do
    hex=$(printf '%s' "$c" | xxd -p | tr -d '\n')
    if grep -aq -- "$c" "$1" || grep -aqi -- "$hex" "$1"; then
      echo "e2e-postgresql: $c found in $1" >&2
      return 1
    fi
  done
}

# ---- PostgreSQL ----
PASSWORD=$(openssl rand -hex 16)
printf '%s\n' "$PASSWORD" >"$PG/initial"
[ "${#AS[@]}" -eq 0 ] || chown nobody:nogroup "$PG/initial"
"${AS[@]}" "$PGBIN/initdb" -D "$PG/data" -U fieldnotes --pwfile="$PG/initial" -E UTF8 \
  --locale=C --auth-local=trust --auth-host=scram-sha-256 -N >/dev/null
rm -f "$PG/initial"
PGPORT=$(free_port)
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PG/data" -l "$PG/log" \
  -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
# The password reaches libpq from a .pgpass-format file the configuration
# names; never from a command line.
printf '127.0.0.1:%s:*:fieldnotes:%s\n' "$PGPORT" "$PASSWORD" >"$W/pgpass"
chmod 600 "$W/pgpass"
PSQL=(env PGPASSFILE="$W/pgpass" "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U fieldnotes -qAt)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE fieldnotes"
DB_URL="postgresql://fieldnotes@127.0.0.1:$PGPORT/fieldnotes"

# ---- two server processes on it, HAProxy in front ----
"$SERVER" init --dir "$W/srv" --port 0 --database "$DB_URL" --password-file "$W/pgpass" >/dev/null
sed -i 's/^fieldnotes.auth.scrypt_log2_n = .*/fieldnotes.auth.scrypt_log2_n = 14/' \
  "$W/srv/fieldnotes-server.properties"
printf 'a long clinician password 7\n' |
  "$SERVER" admin add-clinician dr@example.org --dir "$W/srv" >/dev/null
PORT_A=$(free_port)
PORT_B=$(free_port)
"$SERVER" run --dir "$W/srv" --port "$PORT_A" >/dev/null 2>"$W/server-a.log" &
PID_A=$!
PIDS+=("$PID_A")
"$SERVER" run --dir "$W/srv" --port "$PORT_B" >/dev/null 2>"$W/server-b.log" &
PIDS+=($!)
wait_for "https://localhost:$PORT_A" "$W/srv/ca.pem"
wait_for "https://localhost:$PORT_B" "$W/srv/ca.pem"

HPORT=$(free_port)
cat >"$W/haproxy.cfg" <<CFG
global
  maxconn 512
defaults
  mode tcp
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
frontend fieldnotes
  bind 127.0.0.1:$HPORT
  default_backend servers
backend servers
  balance roundrobin
  server a 127.0.0.1:$PORT_A check inter 500ms fall 1 rise 2
  server b 127.0.0.1:$PORT_B check inter 500ms fall 1 rise 2
CFG
"$HAPROXY" -q -db -f "$W/haproxy.cfg" >"$W/haproxy.log" 2>&1 &
PIDS+=($!)
URL="https://localhost:$HPORT"
wait_for "$URL" "$W/srv/ca.pem"
served_by_both() {
  local a b
  a=$(curl -s --cacert "$W/srv/ca.pem" "https://localhost:$PORT_A/v1/health" | jq -r .status)
  b=$(curl -s --cacert "$W/srv/ca.pem" "https://localhost:$PORT_B/v1/health" | jq -r .status)
  test "$a" = ok && test "$b" = ok
}
check "both processes answer on their own ports" served_by_both

# ---- the clinician ----
export FIELDNOTES_PASSWORD='a long clinician password 7'
CL=("$CLIN" --keys "$W/clinician/keys")
FIELDNOTES_PASSPHRASE='clinician key passphrase' "${CL[@]}" init >/dev/null
clin() { FIELDNOTES_PASSPHRASE='clinician key passphrase' "${CL[@]}" "$@"; }
clin login --server "$URL" --email dr@example.org --ca-file "$W/srv/ca.pem" >/dev/null
clin keys publish >/dev/null
CODE=$(clin invite --label "Client A" --json | jq -r .code)
check "the clinician made an invite code through HAProxy" test -n "$CODE"

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

LINK_JSON=$("${J[@]}" link --server "$URL" --code "$CODE" --ca-file "$W/srv/ca.pem" \
  --label "Dr Rivera" --json)
LINK=$(jq -r .id <<<"$LINK_JSON")
CLIENT_NUMBER=$(jq -r .safety_number <<<"$LINK_JSON")
check "the client linked" test -n "$LINK"
CLIN_NUMBER=$(clin safety-number "$LINK" --json | jq -r .safety_number)
check "the same safety number on both sides" test "$CLIENT_NUMBER" = "$CLIN_NUMBER"
"${J[@]}" link verify "$LINK" --yes >/dev/null

"${J[@]}" report --from 2026-11-02 --to 2026-11-09 --agenda "Messages, and Sunday nights" \
  --pdf "$W/client/report.pdf" >/dev/null
REPORT=$("${J[@]}" report list | tail -1 | cut -d' ' -f1)
SHARED=$("${J[@]}" share "$REPORT" --with "$LINK" --yes --json)
check "the report was shared" test "$(jq -r .report <<<"$SHARED")" = "$REPORT"
"${J[@]}" share "$REPORT" --with "$LINK" --yes --json >/dev/null  # a second copy, for later

# ---- process A stops; HAProxy and process B carry on ----
kill -TERM "$PID_A"
wait "$PID_A" 2>/dev/null || true
check "process A is stopped" bash -c "! curl -sf --cacert '$W/srv/ca.pem' https://localhost:$PORT_A/v1/health >/dev/null 2>&1"

REPORTS=$(clin reports --json)
check "two reports are listed for the clinician" test "$(jq length <<<"$REPORTS")" = "2"
RID=$(jq -r '.[0].id' <<<"$REPORTS")
clin fetch "$RID" --out "$W/clinician/fetched.pdf" >/dev/null
check "the fetched PDF is exactly the one the client made" \
  cmp -s "$W/client/report.pdf" "$W/clinician/fetched.pdf"
check "the client sees the opened receipt" \
  bash -c "'${J[0]}' --journal '$W/client/journal.db' receipts --json | jq -e 'map(.state) | index(\"opened\")' >/dev/null"

# ---- no plaintext in the database ----
mapfile -t SAMPLES < <("${PSQL[@]}" -d fieldnotes \
  -c "SELECT encode(substring(bytes from 1000 for 48), 'hex') FROM envelopes")
check "two envelopes are stored" test "${#SAMPLES[@]}" = "2"
PGPASSFILE="$W/pgpass" "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U fieldnotes fieldnotes >"$W/dump.sql"
check "the dump holds the envelopes (the search below can find bytes)" \
  grep -aq -- "${SAMPLES[0]}" "$W/dump.sql"
check "no canary and no %PDF in a pg_dump of the database" clean_dump "$W/dump.sql"

# ---- withdraw ----
"${J[@]}" withdraw "$REPORT" >/dev/null
check "withdrawn: the clinician's list is empty" test "$(clin reports --json | jq length)" = "0"
if clin fetch "$RID" --out "$W/clinician/late.pdf" >/dev/null 2>&1; then
  fail "withdrawn: fetching it fails (it was fetched)"
else
  pass "withdrawn: fetching it fails"
fi
check "the client's receipts show the withdrawal" \
  bash -c "'${J[0]}' --journal '$W/client/journal.db' receipts --json | jq -e 'map(.state) | index(\"withdrawn\")' >/dev/null"
PGPASSFILE="$W/pgpass" "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U fieldnotes fieldnotes >"$W/dump2.sql"
bytes_gone() {
  for sample in "${SAMPLES[@]}"; do
    if grep -aq -- "$sample" "$W/dump2.sql"; then
      echo "e2e-postgresql: envelope bytes still in the database" >&2
      return 1
    fi
  done
}
check "withdrawn: the envelopes' bytes are not in the database" bytes_gone
check "still no canary in the database" clean_dump "$W/dump2.sql"
check "no canary in the servers' logs" bash -c "! grep -aq CANARY '$W'/server-*.log"
check "the audit chain verifies" "$SERVER" audit verify --dir "$W/srv"

if [ "$failures" -ne 0 ]; then
  echo "e2e-postgresql: $failures check(s) failed" >&2
  exit 1
fi
echo "e2e-postgresql: every check passed"
