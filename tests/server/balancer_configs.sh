#!/usr/bin/env bash
# The HAProxy and nginx stream configurations of docs/operations.md
# ("Several processes on PostgreSQL") are checked by the programs
# themselves (haproxy -c, nginx -t), so the page cannot drift into
# something that does not load.
#
#   bash tests/server/balancer_configs.sh docs/operations.md
set -euo pipefail
DOC=${1:?usage: balancer_configs.sh OPERATIONS_MD}
W=$(mktemp -d /tmp/fieldnotes-balancers-XXXXXX)
trap 'rm -rf "$W"' EXIT

# The first fenced block after the line that starts with $1.
block() {
  awk -v start="$1" '
    index($0, start) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$DOC"
}

block 'HAProxy (TCP mode' >"$W/haproxy.cfg"
block 'nginx (`stream`' >"$W/stream.conf"
[ -s "$W/haproxy.cfg" ] || { echo "balancer_configs: no HAProxy block in $DOC" >&2; exit 1; }
[ -s "$W/stream.conf" ] || { echo "balancer_configs: no nginx stream block in $DOC" >&2; exit 1; }

# The CA file the page names, made here.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=ca \
  -keyout "$W/ca-key.pem" -out "$W/ca.pem" 2>/dev/null
sed -i "s|/etc/haproxy/fieldnotes-ca.pem|$W/ca.pem|" "$W/haproxy.cfg"
haproxy -c -q -f "$W/haproxy.cfg"
echo "ok    the HAProxy configuration loads"

MODULE=/usr/lib/nginx/modules/ngx_stream_module.so
[ -e "$MODULE" ] || { echo "balancer_configs: $MODULE missing (libnginx-mod-stream)" >&2; exit 1; }
cat >"$W/nginx.conf" <<CONF
load_module $MODULE;
pid $W/nginx.pid;
error_log $W/error.log;
events {}
include $W/stream.conf;
CONF
nginx -t -q -c "$W/nginx.conf" -e "$W/error.log"
echo "ok    the nginx stream configuration loads"
