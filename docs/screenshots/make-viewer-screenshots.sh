#!/usr/bin/env bash
# Regenerates docs/screenshots/viewer-*.png: the main screens of the
# clinician's viewer (fieldnotes-viewer), against a real fieldnotes-server on
# localhost with two clients who linked and shared through fieldnotes-cli.
#
#   bash docs/screenshots/make-viewer-screenshots.sh [BUILD_DIR]
#   ONLY=report bash docs/screenshots/make-viewer-screenshots.sh [BUILD_DIR]
#
# The display is 1366x768 (a common laptop). For a high-density screen,
#   GDK_SCALE=2 SCREEN=1920x1080 SUFFIX=@2x bash docs/screenshots/make-viewer-screenshots.sh
# writes viewer-NAME@2x.png: the same screens with every pixel doubled.
# The side-by-side view is also kept on a full-HD screen at 1x:
#   ONLY=compare SCREEN=1920x1080 SUFFIX=-1920x1080 bash docs/screenshots/make-viewer-screenshots.sh
#
# Needs the built programs (BUILD_DIR, default build/), and xvfb-run,
# xdotool and ImageMagick (packaging/install-deps.sh). Everything lives in a
# temporary folder, removed afterwards.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
viewer="$build/clinician/app/fieldnotes-viewer"
cli="$build/client/cli/fieldnotes-cli"
clin="$build/clinician/cli/fieldnotes-clinician"
server="$build/server/fieldnotes-server"
for tool in "$viewer" "$cli" "$clin" "$server"; do
  [ -x "$tool" ] || { echo "missing $tool: build it first" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export LANG=en_GB.UTF-8 LC_ALL=C.UTF-8 FIELDNOTES_REGION=GB HOME="$work/home"
mkdir -p "$HOME"

# ---- the server ----
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="https://localhost:$port"
"$server" init --dir "$work/srv" --port "$port" >/dev/null
sed -i 's/^fieldnotes.auth.scrypt_log2_n = .*/fieldnotes.auth.scrypt_log2_n = 14/' \
  "$work/srv/fieldnotes-server.properties"
password='a demonstration password'
printf '%s\n' "$password" | "$server" admin add-clinician therapist@example.org --dir "$work/srv" >/dev/null
"$server" run --dir "$work/srv" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do
  curl -sf --cacert "$work/srv/ca.pem" "$url/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done

# ---- the clinician (the same key file the viewer opens) ----
keys="$work/clinician/keys"
passphrase='a demonstration key passphrase'
clin() { FIELDNOTES_PASSPHRASE="$passphrase" FIELDNOTES_PASSWORD="$password" "$clin" --keys "$keys" "$@"; }
clin init --kdf-cost 15 >/dev/null
clin login --server "$url" --email therapist@example.org --ca-file "$work/srv/ca.pem" >/dev/null
clin keys publish >/dev/null

# ---- two clients link and share a report each ----
client() {  # client NAME LABEL AGENDA
  local j="$work/$1/journal.db"
  mkdir -p "$work/$1"
  export FIELDNOTES_PASSPHRASE="client passphrase $1"
  "$cli" --journal "$j" init --kdf-cost 15 >/dev/null
  "$cli" --journal "$j" import "$root/docs/examples/sample-week.jsonl" >/dev/null 2>&1
  local code link report
  code=$(clin invite --label "$2" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')
  link=$("$cli" --journal "$j" link --server "$url" --code "$code" --ca-file "$work/srv/ca.pem" \
    --label "Dr Rivera" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  "$cli" --journal "$j" link verify "$link" --yes >/dev/null
  if [ -n "${4:-}" ]; then  # a report for the week before, shared first
    "$cli" --journal "$j" report --from 2026-10-26 --to 2026-11-02 --agenda "$4" \
      --pdf "$work/$1/earlier.pdf" >/dev/null
    report=$("$cli" --journal "$j" report list | tail -1 | cut -d' ' -f1)
    "$cli" --journal "$j" share "$report" --with "$link" --yes >/dev/null
    sleep 1.1  # shared a second apart: the list's order (newest first) is the same every run
  fi
  "$cli" --journal "$j" report --from 2026-11-02 --to 2026-11-09 --agenda "$3" \
    --pdf "$work/$1/report.pdf" >/dev/null
  report=$("$cli" --journal "$j" report list | tail -1 | cut -d' ' -f1)
  "$cli" --journal "$j" share "$report" --with "$link" --yes >/dev/null
  unset FIELDNOTES_PASSPHRASE
}
client alex "Alex M." "Every message from Dana lands like an alarm, even when it's nothing."
sleep 1.1
client sam "Sam K." "Sunday evenings, and the week ahead." "How the new job is going."

# One run of the viewer per screen, each on a fresh virtual display.
#   shoot NAME [--new] STEP...   (steps: see shoot-one.sh)
shoot() {
  local name=$1; shift
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then return; fi
  local pass="$passphrase" k="$keys"
  if [ "${1:-}" = "--new" ]; then
    pass="" k="$work/new/keys"
    rm -rf "$work/new"
    shift
  fi
  FIELDNOTES_PASSPHRASE="$pass" FIELDNOTES_SHOT_TITLE='^Fieldnotes Viewer$' \
    FIELDNOTES_SHOT_FLAG=--keys xvfb-run -a -s "-screen 0 ${SCREEN:-1366x768}x24" \
    bash "$here/shoot-one.sh" "$viewer" "$k" "$here/viewer-$name${SUFFIX:-}.png" "$@"
  echo "viewer-$name${SUFFIX:-}.png"
}

shoot create --new
shoot sign-in --new "type:a new key passphrase" key:Tab "type:a new key passphrase" key:Return \
  sleep:3 "type:$url" key:Tab "type:$work/srv/ca.pem" key:Tab key:Tab \
  "type:therapist@example.org"
shoot list sleep:2 key:ctrl+2
# Alex's report, the last in the list (newest first): one report, alone.
shoot report sleep:2 key:ctrl+2 key:End key:ctrl+o sleep:3
shoot zoom sleep:2 key:ctrl+2 key:End key:ctrl+o sleep:3 key:ctrl+equal key:ctrl+equal key:ctrl+equal key:ctrl+equal sleep:4
# Sam's report with the week before beside it.
shoot compare sleep:2 key:ctrl+2 key:Home key:ctrl+o sleep:6
shoot client sleep:2 key:ctrl+1 key:ctrl+k sleep:1
shoot invite sleep:2 key:ctrl+n "type:Jo B." key:Return sleep:2
