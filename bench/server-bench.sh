#!/usr/bin/env bash
# Compares fieldnotes-server with nginx serving the same envelope (a 100 KB
# report in its 128 KiB bucket, 131,296 bytes) over
# TLS with the same certificate, in the same run, with wrk (DESIGN.md §7):
# throughput at 16 and 64 connections, p99 latency, and the time a new client
# waits for an answer while 64 keep-alive connections are held (busy, idle),
# and while 200 slow-header, 300 idle and 64 busy connections are held at once.
#
#   bash bench/server-bench.sh [BUILD_DIR] [SECONDS_PER_RUN] [ROUNDS]
#
# PADDED_KIB=64 in the environment measures the next smaller bucket (a
# report of up to 64 KiB, 65,760 bytes) instead. MODE=scale-out measures
# SQLite, PostgreSQL and two processes behind HAProxy instead (below).
#
# The two servers are measured in alternation, ROUNDS times (default 3), and
# the median of each is reported, so load from other work on the machine
# falls on both alike.
#
# Needs: nginx, wrk, curl, python3 (packaging/install-deps.sh). Everything
# runs on 127.0.0.1 in a temporary folder that is removed at the end; both
# servers are stopped by this script.
set -euo pipefail

# MODE=scale-out: one process on SQLite, one on PostgreSQL and two on
# PostgreSQL behind HAProxy, each against nginx (bench/server-bench-scaleout.sh).
if [ "${MODE:-}" = "scale-out" ]; then
  exec bash "$(dirname "${BASH_SOURCE[0]}")/server-bench-scaleout.sh" "$@"
fi

BUILD=${1:-build}
DURATION=${2:-10}
ROUNDS=${3:-3}
PADDED_KIB=${PADDED_KIB:-128}
SERVER_BIN="$BUILD/server/fieldnotes-server"
[ -x "$SERVER_BIN" ] || { echo "server-bench: $SERVER_BIN not built" >&2; exit 2; }
for tool in nginx wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "server-bench: $tool is missing (packaging/install-deps.sh)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/fieldnotes-server-bench.XXXXXX)
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# --- fieldnotes-server, set up the way the README says --------------------
PASSWORD="bench passphrase for the server 1"
EMAIL="bench@example.org"
"$SERVER_BIN" init --dir "$WORK/server" --port 0 >/dev/null
echo "$PASSWORD" | "$SERVER_BIN" admin add-clinician "$EMAIL" --dir "$WORK/server" >/dev/null
# Every client here comes from 127.0.0.1: the per-address cap (128 by default)
# would refuse the held connections of the last row, so it is off.
"$SERVER_BIN" run --dir "$WORK/server" --set log.level=warning \
  --set http.max_connections_per_address=0 > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q listening "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/.*localhost:\([0-9]*\).*/\1/p' "$WORK/server.out")
CA="$WORK/server/ca.pem"
URL="https://localhost:$PORT"

json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
TOKEN=$(curl -sS --cacert "$CA" -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$URL/v1/login" | json token)
curl -sS --cacert "$CA" -X PUT -H "Authorization: Bearer $TOKEN" \
  -d "{\"x25519\":\"$(printf 'a%.0s' $(seq 64))\",\"ed25519\":\"$(printf 'b%.0s' $(seq 64))\"}" \
  "$URL/v1/keys" >/dev/null
CODE=$(curl -sS --cacert "$CA" -X POST -H "Authorization: Bearer $TOKEN" "$URL/v1/invites" | json code)
CLIENT_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
CREDENTIAL=$(curl -sS --cacert "$CA" -d "{\"code\":\"$CODE\",\"client_key\":\"$CLIENT_KEY\"}" \
  "$URL/v1/pair" | json device_credential)
# An envelope of the size a 100 KB report is sealed to (the 128 KiB bucket,
# docs/envelope-format.md): a well-formed header naming the paired client's
# key, then random bytes where the ciphertext and signature go. The server
# reads only the header, so this is byte for byte the work of a real one.
python3 - "$CLIENT_KEY" "$WORK/envelope.bin" "$PADDED_KIB" <<'PY'
import os, struct, sys, time
padded = int(sys.argv[3]) * 1024
header = (b"FNRE" + bytes([1, 1, 0, 0]) + os.urandom(32) + bytes.fromhex(sys.argv[1]) +
          os.urandom(32 + 12 + 16) + struct.pack(">qI", int(time.time()), padded))
with open(sys.argv[2], "wb") as f:
    f.write(header + os.urandom(padded + 16 + 64))
PY
# nginx's workers run as an unprivileged user: they must read the envelope.
chmod 755 "$WORK"
chmod 644 "$WORK/envelope.bin"
REPORT=$(curl -sS --cacert "$CA" -H "Authorization: Bearer $CREDENTIAL" \
  -H "Fieldnotes-Period-End: 2026-11-01" -H "Content-Type: application/octet-stream" \
  --data-binary @"$WORK/envelope.bin" "$URL/v1/reports" | json report_id)
OURS="$URL/v1/reports/$REPORT"
curl -sS --cacert "$CA" -H "Authorization: Bearer $TOKEN" "$OURS" | cmp -s - "$WORK/envelope.bin" \
  || { echo "server-bench: the server did not return the envelope" >&2; exit 1; }

# --- nginx: the same bytes, certificate and TLS policy ----------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 5s;
  server {
    listen 127.0.0.1:$NGINX_PORT ssl;
    server_name localhost;
    ssl_certificate $WORK/server/server-cert.pem;
    ssl_certificate_key $WORK/server/server-key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256;
    ssl_prefer_server_ciphers on;
    location = /envelope {
      alias $WORK/envelope.bin;
      default_type application/octet-stream;
    }
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
NGINX_PID=$!
NGINX_URL="https://localhost:$NGINX_PORT/envelope"
for _ in $(seq 50); do curl -sS --cacert "$CA" -o /dev/null "$NGINX_URL" 2>/dev/null && break; sleep 0.1; done
curl -sS --cacert "$CA" "$NGINX_URL" | cmp -s - "$WORK/envelope.bin" \
  || { echo "server-bench: nginx did not return the envelope" >&2; exit 1; }

# --- measurements -----------------------------------------------------------
# wrk: requests/s and p99 in ms.
run_wrk() {  # connections url [header]
  local out
  if [ -n "${3:-}" ]; then
    out=$(wrk -t2 -c"$1" -d"${DURATION}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t2 -c"$1" -d"${DURATION}s" --latency "$2")
  fi
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}' | python3 -c '
import re, sys
v = sys.stdin.read().strip()
m = re.match(r"([0-9.]+)(us|ms|s)", v)
print("%.2f" % (float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]))')
  echo "$rps $p99"
}

# Seconds for a brand-new client (TLS handshake included) to get an answer.
new_client() {  # url [header]
  if [ -n "${2:-}" ]; then
    curl -sS --cacert "$CA" -o /dev/null -w '%{time_total}' -H "$2" "$1"
  else
    curl -sS --cacert "$CA" -o /dev/null -w '%{time_total}' "$1"
  fi
}

# The worst of three new clients while wrk holds 64 busy keep-alive connections.
new_client_busy() {  # url probe [header]
  if [ -n "${3:-}" ]; then
    wrk -t2 -c64 -d"$((DURATION / 2 + 2))s" -H "$3" "$1" >/dev/null &
  else
    wrk -t2 -c64 -d"$((DURATION / 2 + 2))s" "$1" >/dev/null &
  fi
  local wrk_pid=$! worst=0 t
  sleep 2
  for _ in 1 2 3; do
    t=$(new_client "$2")
    worst=$(python3 -c "print(max($worst, $t))")
    sleep 0.5
  done
  wait "$wrk_pid"
  echo "$worst"
}

# The same with 64 idle keep-alive connections (each made one request).
new_client_idle() {  # url probe
  python3 - "$1" "$CA" "$2" <<'PY'
import socket, ssl, subprocess, sys, time
from urllib.parse import urlparse
url, ca, probe = sys.argv[1], sys.argv[2], sys.argv[3]
u = urlparse(url)
ctx = ssl.create_default_context(cafile=ca)
held = []
for _ in range(64):
    s = ctx.wrap_socket(socket.create_connection((u.hostname, u.port)), server_hostname=u.hostname)
    s.sendall(("GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n").encode())
    s.recv(65536)
    held.append(s)
t = subprocess.run(["curl", "-sS", "--cacert", ca, "-o", "/dev/null", "-w", "%{time_total}", probe],
                   capture_output=True, text=True).stdout
print(t)
for s in held:
    s.close()
PY
}

# The worst of three new clients while 200 connections trickle a request head
# (a byte a second, never finished), 300 TCP connections say nothing (not even
# a ClientHello) and wrk keeps 64 keep-alive connections busy.
new_client_held() {  # url probe [header]
  if [ -n "${3:-}" ]; then
    wrk -t2 -c64 -d"$((DURATION / 2 + 6))s" -H "$3" "$1" >/dev/null &
  else
    wrk -t2 -c64 -d"$((DURATION / 2 + 6))s" "$1" >/dev/null &
  fi
  local wrk_pid=$!
  python3 - "$2" "$CA" <<'PY'
import socket, ssl, subprocess, sys, threading, time
from urllib.parse import urlparse
probe, ca = sys.argv[1], sys.argv[2]
u = urlparse(probe)
ctx = ssl.create_default_context(cafile=ca)
idle = [socket.create_connection((u.hostname, u.port)) for _ in range(300)]
slow = []
for _ in range(200):
    s = ctx.wrap_socket(socket.create_connection((u.hostname, u.port)), server_hostname=u.hostname)
    s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    slow.append(s)
stop = False
def trickle():
    while not stop:
        for s in slow:
            try:
                s.sendall(b"a")
            except OSError:
                pass
        time.sleep(1)
t = threading.Thread(target=trickle)
t.start()
time.sleep(2)
worst = 0.0
for _ in range(3):
    out = subprocess.run(["curl", "-sS", "--cacert", ca, "-o", "/dev/null", "-w", "%{time_total}",
                          "--max-time", "30", probe], capture_output=True, text=True).stdout
    worst = max(worst, float(out or 30))
    time.sleep(0.5)
stop = True
t.join()
print(worst)
for s in slow + idle:
    s.close()
PY
  wait "$wrk_pid"
}

AUTH="Authorization: Bearer $TOKEN"
echo "server-bench: ${DURATION}s per run, $ROUNDS rounds; fieldnotes-server on :$PORT, nginx on :$NGINX_PORT" >&2
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
measure() {  # connections -> "ours_rps ours_p99 nginx_rps nginx_p99" (medians)
  local ours_rps=() ours_p99=() nginx_rps=() nginx_p99=() rps p99
  for _ in $(seq "$ROUNDS"); do
    read -r rps p99 < <(run_wrk "$1" "$OURS" "$AUTH"); ours_rps+=("$rps"); ours_p99+=("$p99")
    read -r rps p99 < <(run_wrk "$1" "$NGINX_URL"); nginx_rps+=("$rps"); nginx_p99+=("$p99")
    echo "server-bench: $1 connections: ours ${ours_rps[-1]} req/s p99 ${ours_p99[-1]} ms," \
      "nginx ${nginx_rps[-1]} req/s p99 ${nginx_p99[-1]} ms" >&2
  done
  echo "$(median "${ours_rps[@]}") $(median "${ours_p99[@]}") $(median "${nginx_rps[@]}") $(median "${nginx_p99[@]}")"
}
read -r OURS_RPS16 OURS_P99_16 NGINX_RPS16 NGINX_P99_16 < <(measure 16)
read -r OURS_RPS64 OURS_P99_64 NGINX_RPS64 NGINX_P99_64 < <(measure 64)
OURS_BUSY=$(new_client_busy "$OURS" "$URL/v1/health" "$AUTH")
NGINX_BUSY=$(new_client_busy "$NGINX_URL" "$NGINX_URL")
OURS_IDLE=$(new_client_idle "$URL/v1/health" "$URL/v1/health")
NGINX_IDLE=$(new_client_idle "https://localhost:$NGINX_PORT/envelope" "$NGINX_URL")
OURS_HELD=$(new_client_held "$OURS" "$URL/v1/health" "$AUTH")
NGINX_HELD=$(new_client_held "$NGINX_URL" "$NGINX_URL")

python3 - <<PY
rows = [
  ("throughput, 16 connections (req/s)", $OURS_RPS16, $NGINX_RPS16, "ratio", ">= 90 %"),
  ("throughput, 64 connections (req/s)", $OURS_RPS64, $NGINX_RPS64, "ratio", ">= 90 %"),
  ("p99 latency, 16 connections (ms)", $OURS_P99_16, $NGINX_P99_16, "times", "<= 1.5x"),
  ("p99 latency, 64 connections (ms)", $OURS_P99_64, $NGINX_P99_64, "times", "<= 1.5x"),
  ("new client, 64 busy keep-alive held (s)", $OURS_BUSY, $NGINX_BUSY, "none", "< 1 s"),
  ("new client, 64 idle keep-alive held (s)", $OURS_IDLE, $NGINX_IDLE, "none", "< 1 s"),
  ("new client, 200 slow heads + 300 idle + 64 busy held (s)", $OURS_HELD, $NGINX_HELD, "none", "< 1 s"),
]
print("| measure | fieldnotes-server | nginx | ratio | target |")
print("|---|---:|---:|---:|---|")
for name, ours, nginx, kind, target in rows:
    if kind == "ratio":
        ratio = "%.0f %%" % (100.0 * ours / nginx)
    elif kind == "times":
        ratio = "%.2fx" % (ours / nginx)
    else:
        ratio = "-"
    fmt = "%.3f" if kind == "none" else "%.2f" if kind == "times" else "%.0f"
    print("| %s | %s | %s | %s | %s |" % (name, fmt % ours, fmt % nginx, ratio, target))
PY
