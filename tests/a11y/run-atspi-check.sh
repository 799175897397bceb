#!/usr/bin/env bash
# The desktop apps read by a real accessibility client: each app runs on a
# virtual display inside a D-Bus session with the accessibility bus, and
# atspi_check.py walks what AT-SPI shows of it (names, roles) and presses
# Tab through each page (focus order).
#
#   run-atspi-check.sh BUILD_DIR client|viewer
#
# Needs xvfb-run, xdotool, dbus-run-session, at-spi2-core and
# python3-pyatspi (packaging/install-deps.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "$1" && pwd)"
which_app=$2

if [ -z "${FIELDNOTES_ATSPI_INNER:-}" ]; then
  # Once more, inside the session bus and on the virtual display.
  export FIELDNOTES_ATSPI_INNER=1
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" "$@" 2> >(
    grep -v -e 'dbus-daemon' -e 'SpiRegistry' >&2)
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" LC_ALL=C.UTF-8
mkdir -p "$HOME"
check=(/usr/bin/python3 "$here/atspi_check.py")

case "$which_app" in
  client)
    cli="$build/client/cli/fieldnotes-cli"
    journal="$work/journal.db"
    FIELDNOTES_PASSPHRASE="an accessible passphrase" "$cli" --journal "$journal" init \
      --kdf-cost 15 >/dev/null
    FIELDNOTES_PASSPHRASE="an accessible passphrase" "$cli" --journal "$journal" import \
      "$root/docs/examples/sample-week.jsonl" >/dev/null 2>&1
    "$build/client/app/fieldnotes" --journal "$journal" >"$work/app.log" 2>&1 &
    pids+=($!)
    "${check[@]}" fieldnotes '^Fieldnotes$' sleep:1 page:unlock \
      "focus:password text" "type:an accessible passphrase" key:Return sleep:3 \
      key:ctrl+1 sleep:1 page:write key:ctrl+2 sleep:1 page:look-back \
      "rows:Your entries, newest first" \
      key:ctrl+3 sleep:2 page:patterns "rows:What the journal noticed" \
      key:ctrl+4 sleep:1 page:sessions \
      "rows:Your sessions" "rows:Threads: suggestions from a session" \
      key:ctrl+r sleep:4 page:report "rows:Lines of the report" \
      key:ctrl+5 sleep:1 page:month \
      key:shift+F1 sleep:1 page:welcome
    ;;
  viewer)
    server="$build/server/fieldnotes-server"
    clin_bin="$build/clinician/cli/fieldnotes-clinician"
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    url="https://localhost:$port"
    "$server" init --dir "$work/srv" --port "$port" >/dev/null
    sed -i 's/^fieldnotes.auth.scrypt_log2_n = .*/fieldnotes.auth.scrypt_log2_n = 14/' \
      "$work/srv/fieldnotes-server.properties"
    password='an accessible password'
    printf '%s\n' "$password" | "$server" admin add-clinician therapist@example.org \
      --dir "$work/srv" >/dev/null
    "$server" run --dir "$work/srv" >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
      curl -sf --cacert "$work/srv/ca.pem" "$url/v1/health" >/dev/null 2>&1 && break
      sleep 0.1
    done
    keys="$work/keys"
    FIELDNOTES_PASSPHRASE='an accessible key passphrase' FIELDNOTES_PASSWORD="$password" \
      "$clin_bin" --keys "$keys" init --kdf-cost 15 >/dev/null
    FIELDNOTES_PASSPHRASE='an accessible key passphrase' FIELDNOTES_PASSWORD="$password" \
      "$clin_bin" --keys "$keys" login --server "$url" --email therapist@example.org \
      --ca-file "$work/srv/ca.pem" >/dev/null
    FIELDNOTES_PASSPHRASE='an accessible key passphrase' "$clin_bin" --keys "$keys" \
      keys publish >/dev/null
    # A client links and shares two weeks' reports, so a report opens with
    # the week before beside it.
    cli="$build/client/cli/fieldnotes-cli"
    journal="$work/client/journal.db"
    mkdir -p "$work/client"
    client() { FIELDNOTES_PASSPHRASE="a client's passphrase" "$cli" --journal "$journal" "$@"; }
    client init --kdf-cost 15 >/dev/null
    client import "$root/docs/examples/sample-week.jsonl" >/dev/null 2>&1
    code=$(FIELDNOTES_PASSPHRASE='an accessible key passphrase' "$clin_bin" --keys "$keys" \
      invite --label "Sam K." --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
    link=$(client link --server "$url" --code "$code" --ca-file "$work/srv/ca.pem" \
      --label "Dr Rivera" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    client link verify "$link" --yes >/dev/null
    for week in 2026-10-26:2026-11-02 2026-11-02:2026-11-09; do
      client report --from "${week%:*}" --to "${week#*:}" --pdf "$work/client/report.pdf" >/dev/null
      client share "$(client report list | tail -1 | cut -d' ' -f1)" --with "$link" --yes >/dev/null
      sleep 1.1  # a second apart: the newest is first in the viewer's list
    done
    "$build/clinician/app/fieldnotes-viewer" --keys "$keys" >"$work/app.log" 2>&1 &
    pids+=($!)
    "${check[@]}" fieldnotes-viewer '^Fieldnotes Viewer$' sleep:1 page:unlock \
      "focus:password text" "type:an accessible key passphrase" key:Return sleep:8 page:workspace \
      key:ctrl+2 key:Home key:ctrl+o sleep:6 page:report \
      key:ctrl+w sleep:1 \
      key:ctrl+n sleep:2 "window:^Invite a client$" "page:invite=Invite a client" key:Escape sleep:1
    ;;
  *)
    echo "run-atspi-check.sh: client or viewer" >&2
    exit 2
    ;;
esac
