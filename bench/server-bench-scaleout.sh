#!/usr/bin/env bash
# The sync server on PostgreSQL against nginx, in the same run (DESIGN.md §7,
# "On PostgreSQL"): downloads of the same envelope (a 100 KB report in its
# 128 KiB bucket) over TLS with the same certificate, with wrk, from
#
#   sqlite      one fieldnotes-server process on SQLite (the default)
#   postgresql  one process on PostgreSQL
#   haproxy     two processes on one PostgreSQL database behind HAProxy
#               (TCP mode, TLS passed through)
#   nginx       nginx serving the file directly
#
# at 16 and 64 connections, ROUNDS times in alternation (medians reported).
# The target: two processes behind HAProxy >= 60 % of nginx at 64
# connections. PostgreSQL runs in a temporary folder (as nobody when run as
# root), fsync on, on a free port; everything is stopped and removed at the
# end.
#
#   MODE=scale-out bash bench/server-bench.sh [BUILD_DIR] [SECONDS_PER_RUN] [ROUNDS]
#   bash bench/server-bench-scaleout.sh [BUILD_DIR] [SECONDS_PER_RUN] [ROUNDS]
#   CPU_PER_REQUEST=1 bash bench/server-bench-scaleout.sh [BUILD_DIR] [SECONDS_PER_RUN]
#     (microseconds of CPU per download for each, see below)
set -euo pipefail

BUILD=${1:-build}
DURATION=${2:-10}
ROUNDS=${3:-3}
SERVER_BIN="$BUILD/server/fieldnotes-server"
[ -x "$SERVER_BIN" ] || { echo "server-bench: $SERVER_BIN not built" >&2; exit 2; }
for tool in nginx wrk curl python3 haproxy; do
  command -v "$tool" >/dev/null || { echo "server-bench: $tool is missing (packaging/install-deps.sh)" >&2; exit 2; }
done
PGBIN="${FIELDNOTES_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$PGBIN/initdb" ] || { echo "server-bench: PostgreSQL is missing (packaging/install-deps.sh)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/fieldnotes-server-bench.XXXXXX)
PG=$(mktemp -d /tmp/fieldnotes-server-bench-pg.XXXXXX)
AS=()
if [ "$(id -u)" -eq 0 ]; then
  AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown nobody:nogroup "$PG"
fi
PIDS=()
NGINX_PID=""
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PG/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK" "$PG"
}
trap cleanup EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_up() {  # url ca
  for _ in $(seq 200); do curl -sf --cacert "$2" -o /dev/null "$1/v1/health" 2>/dev/null && return 0; sleep 0.1; done
  echo "server-bench: $1 did not come up" >&2
  exit 1
}

# --- PostgreSQL (durable: fsync on, as in production) ------------------------
PGPW=$(openssl rand -hex 16)
printf '%s\n' "$PGPW" >"$PG/initial"
[ "${#AS[@]}" -eq 0 ] || chown nobody:nogroup "$PG/initial"
"${AS[@]}" "$PGBIN/initdb" -D "$PG/data" -U fieldnotes --pwfile="$PG/initial" -E UTF8 \
  --locale=C --auth-local=trust --auth-host=scram-sha-256 >/dev/null
rm -f "$PG/initial"
PGPORT=$(free_port)
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PG/data" -l "$PG/log" \
  -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null
printf '127.0.0.1:%s:*:fieldnotes:%s\n' "$PGPORT" "$PGPW" >"$WORK/pgpass"
chmod 600 "$WORK/pgpass"
PSQL=(env PGPASSFILE="$WORK/pgpass" "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U fieldnotes -qAt -d postgres)
"${PSQL[@]}" -c "CREATE DATABASE one" -c "CREATE DATABASE two"

# --- the servers ----------------------------------------------------------------
PASSWORD="bench passphrase for the server 1"
EMAIL="bench@example.org"
RUN_FLAGS=(--set log.level=warning --set http.max_connections_per_address=0)
start() {  # dir port -> pid in LAST_PID
  "$SERVER_BIN" run --dir "$1" --port "$2" "${RUN_FLAGS[@]}" >"$1.out" 2>"$1.err" &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}
init() {  # dir [url]
  if [ -n "${2:-}" ]; then
    "$SERVER_BIN" init --dir "$1" --port 0 --database "$2" --password-file "$WORK/pgpass" >/dev/null
  else
    "$SERVER_BIN" init --dir "$1" --port 0 >/dev/null
  fi
  echo "$PASSWORD" | "$SERVER_BIN" admin add-clinician "$EMAIL" --dir "$1" >/dev/null
}
init "$WORK/sqlite"
init "$WORK/one" "postgresql://fieldnotes@127.0.0.1:$PGPORT/one"
init "$WORK/two" "postgresql://fieldnotes@127.0.0.1:$PGPORT/two"
# One certificate for all (nginx's too), so every TLS handshake costs the same.
for d in one two; do
  cp "$WORK/sqlite/server-cert.pem" "$WORK/sqlite/server-key.pem" "$WORK/sqlite/ca.pem" "$WORK/$d/"
done
CA="$WORK/sqlite/ca.pem"
P_SQLITE=$(free_port); start "$WORK/sqlite" "$P_SQLITE"
P_ONE=$(free_port); start "$WORK/one" "$P_ONE"
P_TWO_A=$(free_port); start "$WORK/two" "$P_TWO_A"
P_TWO_B=$(free_port); start "$WORK/two" "$P_TWO_B"
for p in "$P_SQLITE" "$P_ONE" "$P_TWO_A" "$P_TWO_B"; do wait_up "https://localhost:$p" "$CA"; done

P_HAPROXY=$(free_port)
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 4096
  nbthread 2
defaults
  mode tcp
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend fieldnotes
  bind 127.0.0.1:$P_HAPROXY
  default_backend servers
backend servers
  balance leastconn
  server a 127.0.0.1:$P_TWO_A check
  server b 127.0.0.1:$P_TWO_B check
CFG
haproxy -q -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
wait_up "https://localhost:$P_HAPROXY" "$CA"

# The envelope: a well-formed header naming the paired client's key, random
# bytes where the ciphertext goes (as bench/server-bench.sh makes it).
CLIENT_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
python3 - "$CLIENT_KEY" "$WORK/envelope.bin" 128 <<'PY'
import os, struct, sys, time
padded = int(sys.argv[3]) * 1024
header = (b"FNRE" + bytes([1, 1, 0, 0]) + os.urandom(32) + bytes.fromhex(sys.argv[1]) +
          os.urandom(32 + 12 + 16) + struct.pack(">qI", int(time.time()), padded))
with open(sys.argv[2], "wb") as f:
    f.write(header + os.urandom(padded + 16 + 64))
PY
chmod 755 "$WORK"
chmod 644 "$WORK/envelope.bin"
json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# Log in, publish keys, pair, upload: "TOKEN URL-OF-THE-ENVELOPE".
prepare() {  # base url
  local url=$1 token code credential report
  token=$(curl -sS --cacert "$CA" -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$url/v1/login" | json token)
  curl -sS --cacert "$CA" -X PUT -H "Authorization: Bearer $token" \
    -d "{\"x25519\":\"$(printf 'a%.0s' $(seq 64))\",\"ed25519\":\"$(printf 'b%.0s' $(seq 64))\"}" \
    "$url/v1/keys" >/dev/null
  code=$(curl -sS --cacert "$CA" -X POST -H "Authorization: Bearer $token" "$url/v1/invites" | json code)
  credential=$(curl -sS --cacert "$CA" -d "{\"code\":\"$code\",\"client_key\":\"$CLIENT_KEY\"}" \
    "$url/v1/pair" | json device_credential)
  report=$(curl -sS --cacert "$CA" -H "Authorization: Bearer $credential" \
    -H "Fieldnotes-Period-End: 2026-11-01" -H "Content-Type: application/octet-stream" \
    --data-binary @"$WORK/envelope.bin" "$url/v1/reports" | json report_id)
  curl -sS --cacert "$CA" -H "Authorization: Bearer $token" "$url/v1/reports/$report" |
    cmp -s - "$WORK/envelope.bin" || { echo "server-bench: $url did not return the envelope" >&2; exit 1; }
  echo "$token $url/v1/reports/$report"
}
read -r T_SQLITE U_SQLITE < <(prepare "https://localhost:$P_SQLITE")
read -r T_ONE U_ONE < <(prepare "https://localhost:$P_ONE")
read -r T_TWO U_TWO < <(prepare "https://localhost:$P_HAPROXY")

# --- nginx ------------------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
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
    ssl_certificate $WORK/sqlite/server-cert.pem;
    ssl_certificate_key $WORK/sqlite/server-key.pem;
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

# --- CPU_PER_REQUEST=1: CPU time per download instead of req/s ----------------
# On a machine shared with other work, req/s swing with the load (and with
# how the scheduler shares the cores between a server of 128 threads and
# nginx's two processes); the CPU time each process spends per request
# swings less, so it shows where a change saved work. It is read from /proc
# (the server process(es), HAProxy for "haproxy"; PostgreSQL's postmaster
# and all its backends, autovacuum included; nginx's workers) around one
# wrk run each. Compare runs made back to back.
if [ "${CPU_PER_REQUEST:-}" = "1" ]; then
ticks() {  # pids... -> total utime+stime+cutime+cstime of each and its live children
  python3 - "$@" <<'PY'
import os, sys
tot = 0
pids = set(int(p) for p in sys.argv[1:])
kids = set()
for d in os.listdir('/proc'):
    if d.isdigit():
        try:
            f = open('/proc/%s/stat' % d).read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if int(f[1]) in pids: kids.add(int(d))
for p in pids | kids:
    try:
        f = open('/proc/%d/stat' % p).read().rsplit(')', 1)[1].split()
    except OSError:
        continue
    tot += sum(int(x) for x in f[11:15])
print(tot)
PY
}
PGMASTER=$(head -1 "$PG/data/postmaster.pid")
HZ=$(getconf CLK_TCK)
cpu_run() {  # name conns url pids... [header via H]
  local name=$1 c=$2 url=$3; shift 3
  local s0 p0 out rps n
  s0=$(ticks "$@"); p0=$(ticks "$PGMASTER")
  if [ -n "${H:-}" ]; then out=$(wrk -t2 -c"$c" -d"${DURATION}s" -H "$H" "$url"); else out=$(wrk -t2 -c"$c" -d"${DURATION}s" "$url"); fi
  local s1 p1; s1=$(ticks "$@"); p1=$(ticks "$PGMASTER")
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  python3 -c "print('%-10s c=%s req/s %8s  server %6.0f us/req  postgres %6.0f us/req' % ('$name', $c, '$rps', ($s1-$s0)*1e6/$HZ/$n, ($p1-$p0)*1e6/$HZ/$n))"
}
NGPIDS=$(pgrep -P "$NGINX_PID" | tr '\n' ' ')
for c in 16 64; do
  H="Authorization: Bearer $T_SQLITE" cpu_run sqlite "$c" "$U_SQLITE" "${PIDS[0]}"
  H="Authorization: Bearer $T_ONE" cpu_run postgresql "$c" "$U_ONE" "${PIDS[1]}"
  H="Authorization: Bearer $T_TWO" cpu_run haproxy "$c" "$U_TWO" "${PIDS[2]}" "${PIDS[3]}" "${PIDS[4]}"
  H= cpu_run nginx "$c" "$NGINX_URL" "$NGINX_PID" $NGPIDS
done
  exit 0
fi

# --- measurements -----------------------------------------------------------
run_wrk() {  # connections url [header] -> "rps p99_ms"
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
median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
declare -A RPS P99
for c in 16 64; do
  for name in sqlite postgresql haproxy nginx; do RPS[$name.$c]=""; P99[$name.$c]=""; done
  for _ in $(seq "$ROUNDS"); do
    for name in sqlite postgresql haproxy nginx; do
      case $name in
        sqlite) read -r r p < <(run_wrk "$c" "$U_SQLITE" "Authorization: Bearer $T_SQLITE") ;;
        postgresql) read -r r p < <(run_wrk "$c" "$U_ONE" "Authorization: Bearer $T_ONE") ;;
        haproxy) read -r r p < <(run_wrk "$c" "$U_TWO" "Authorization: Bearer $T_TWO") ;;
        nginx) read -r r p < <(run_wrk "$c" "$NGINX_URL") ;;
      esac
      RPS[$name.$c]+="$r "
      P99[$name.$c]+="$p "
      echo "server-bench: $c connections, $name: $r req/s, p99 $p ms" >&2
    done
  done
done

ROWS=""
for c in 16 64; do
  N=$(median ${RPS[nginx.$c]})
  NP=$(median ${P99[nginx.$c]})
  for name in sqlite postgresql haproxy nginx; do
    ROWS+="$c $name $(median ${RPS[$name.$c]}) $(median ${P99[$name.$c]}) $N $NP"$'\n'
  done
done
python3 - "$ROWS" <<'PY'
import sys
label = {"sqlite": "one process, SQLite", "postgresql": "one process, PostgreSQL",
         "haproxy": "two processes, PostgreSQL, HAProxy", "nginx": "nginx, direct"}
print("| connections | server | req/s | of nginx | p99 (ms) | p99 / nginx | target |")
print("|---:|---|---:|---:|---:|---:|---|")
for line in sys.argv[1].strip().splitlines():
    c, name, rps, p99, n, np_ = line.split()
    rps, p99, n, np_ = float(rps), float(p99), float(n), float(np_)
    target = ">= 60 % of nginx" if (name == "haproxy" and c == "64") else ""
    print("| %s | %s | %.0f | %.0f %% | %.2f | %.2fx | %s |" %
          (c, label[name], rps, 100 * rps / n, p99, p99 / np_, target))
PY
