#!/usr/bin/env bash
# Regenerates docs/screenshots/client-*.png: the main screens of the client
# app (fieldnotes) on a demonstration journal, on a virtual display.
#
#   bash docs/screenshots/make-client-screenshots.sh [BUILD_DIR]
#   ONLY=report bash docs/screenshots/make-client-screenshots.sh [BUILD_DIR]
#
# The display is 1366x768 (a common laptop). For a high-density screen,
#   GDK_SCALE=2 SCREEN=1920x1080 SUFFIX=@2x bash docs/screenshots/make-client-screenshots.sh
# writes client-NAME@2x.png: the same screens with every pixel doubled.
#
# Needs the built fieldnotes and fieldnotes-cli (BUILD_DIR, default build/),
# and xvfb-run, xdotool and ImageMagick (packaging/install-deps.sh). The demo
# journal lives in a temporary folder and is removed afterwards; its dates
# are relative to today, so "since your last session" has something to show.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:-$here/../../build}" && pwd)"
app="$build/client/app/fieldnotes"
cli="$build/client/cli/fieldnotes-cli"
for tool in "$app" "$cli"; do
  [ -x "$tool" ] || { echo "missing $tool: build it first" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export FIELDNOTES_PASSPHRASE="a demonstration passphrase"
export LANG=en_GB.UTF-8 LC_ALL=C.UTF-8 FIELDNOTES_REGION=GB
journal="$work/demo.db"

# A timestamp N days ago at HH:MM, in the local offset.
at() { date -d "today -$1 days $2" +%Y-%m-%dT%H:%M:%S%:z; }
# The Sunday N weeks before the last one, at HH:MM.
sunday() { date -d "last sunday -$1 weeks $2" +%Y-%m-%dT%H:%M:%S%:z; }

{
  echo '{"type":"session","at":"'"$(at 23 17:00)"'","note":"Started looking at the Sunday evenings."}'
  echo '{"type":"session","at":"'"$(at 9 17:00)"'","note":"Talked about the Sunday dread. To try: a five-minute walk before opening email."}'
  for w in 1 2 3 4 5 6; do
    echo '{"type":"entry","kind":"spike","at":"'"$(sunday $w 22:1$w)"'","emotions":["dread"],"intensity":'$((5 + w % 3))',"before":"Looked at the calendar for the week","body":"Stomach dropping","thought":"I am already behind"}'
  done
  for d in 8 6 3 1; do
    echo '{"type":"entry","kind":"loop","at":"'"$(at $d 07:4$d)"'","text":"Everyone is going to find out I am a fraud.","mood_before":4,"mood_after":5}'
  done
  echo '{"type":"entry","kind":"spike","at":"'"$(at 7 08:52)"'","emotions":["anxiety"],"intensity":7,"before":"A message from my manager: can we talk today?","body":"Tight chest, jaw clenched, cold hands","thought":"She found the mistake in the spreadsheet.","unsaid":"Can you tell me what it is about first?","tags":["work"],"followups":[{"question":"What were you afraid would happen?","answer":"That she would decide I am not good at this job."}]}'
  echo '{"type":"entry","kind":"note","at":"'"$(at 7 11:30)"'","emotions":["relief"],"text":"The call was about moving a deadline. Nothing about the spreadsheet.","mood_before":5,"mood_after":7}'
  echo '{"type":"entry","kind":"thread","at":"'"$(at 6 09:05)"'","thread":"A walk before email","text":"Did it. Five minutes round the block. Opened email after and it was fine, mostly.","mood_before":4,"mood_after":6}'
  echo '{"type":"entry","kind":"spike","at":"'"$(at 5 16:20)"'","emotions":["anxiety","shame"],"intensity":6,"before":"A message from my manager asking for the figures","thought":"I should have sent them yesterday.","tags":["work"]}'
  echo '{"type":"entry","kind":"note","at":"'"$(at 4 20:15)"'","emotions":["calm"],"text":"Café with Ana after work. A good hour. Did not check my phone once."}'
  echo '{"type":"entry","kind":"thread","at":"'"$(at 3 08:50)"'","thread":"A walk before email","text":"Skipped it. Rain, and I told myself there was no time. Felt the difference by ten."}'
  echo '{"type":"entry","kind":"spike","at":"'"$(at 2 13:05)"'","emotions":["anxiety"],"intensity":8,"before":"A message from my manager: quick chat at 3?","body":"Heart racing","thought":"This is it.","unsaid":"What is it about?","tags":["work"]}'
  echo '{"type":"entry","kind":"note","at":"'"$(at 2 15:40)"'","emotions":["relief","frustration"],"text":"It was about the holiday rota. Three hours of dread for a rota.","mood_before":3,"mood_after":5}'
  echo '{"type":"entry","kind":"thread","at":"'"$(at 1 08:45)"'","thread":"A walk before email","text":"Walked. Noticed the thought about being behind and let it be there.","mood_before":5,"mood_after":6}'
} > "$work/demo.jsonl"
"$cli" --journal "$journal" init --kdf-cost 15 >/dev/null
"$cli" --journal "$journal" import "$work/demo.jsonl" >/dev/null

# One run of the app per screen, each on a fresh virtual display and a
# fresh copy of the demo journal (so one screen's draft is not the next's).
#   shoot NAME [--new] STEP...   (steps: see shoot-one.sh)
shoot() {
  local name=$1; shift
  # ONLY=NAME regenerates one screen.
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then return; fi
  local env_pass="$FIELDNOTES_PASSPHRASE" copy="$work/shot.db"
  rm -f "$work"/shot.db* "$work"/new.db*
  if [ "${1:-}" = "--new" ]; then
    env_pass="" copy="$work/new.db"
    shift
  else
    cp "$journal" "$copy"
  fi
  FIELDNOTES_PASSPHRASE="$env_pass" xvfb-run -a -s "-screen 0 ${SCREEN:-1366x768}x24" \
    bash "$here/shoot-one.sh" "$app" "$copy" "$here/client-$name${SUFFIX:-}.png" "$@"
  echo "client-$name${SUFFIX:-}.png"
}

shoot create --new
shoot unlock --new "type:my passphrase" key:Tab "type:my passphrase" key:Return sleep:1 \
  key:ctrl+l sleep:0.5 "type:not quite it" key:Return sleep:1
shoot write key:ctrl+n "type:A message from my manager: can we talk today?" key:Tab \
  "type:Tight chest, cold hands" key:Tab "type:She found the mistake in the spreadsheet."
shoot followup key:ctrl+n "type:A message from my manager: can we talk today?" \
  key:shift+Tab "type:on edge" key:ctrl+s
shoot timeline key:ctrl+2 key:Tab key:Down key:Down key:Down
shoot search key:ctrl+f type:manager key:Down
shoot patterns key:ctrl+3 sleep:1
shoot sessions key:ctrl+4
shoot report key:ctrl+r sleep:3
shoot safety key:ctrl+n key:alt+n key:alt+w "type:I don't want to be here anymore" key:ctrl+s
shoot settings key:ctrl+comma
shoot month key:ctrl+5 sleep:1 key:Tab key:Tab key:Tab
shoot welcome --new "type:my passphrase" key:Tab "type:my passphrase" key:Return sleep:15

# ---- sharing: a real fieldnotes-server on localhost and a therapist ----
sharing_shots="link share receipts earlier therapists"
if [ -z "${ONLY:-}" ] || [[ " $sharing_shots " == *" $ONLY "* ]]; then
  server="$build/server/fieldnotes-server"
  clin_bin="$build/clinician/cli/fieldnotes-clinician"
  for tool in "$server" "$clin_bin"; do
    [ -x "$tool" ] || { echo "missing $tool: build it first" >&2; exit 1; }
  done
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="https://localhost:$port"
  ca="$work/srv/ca.pem"
  "$server" init --dir "$work/srv" --port "$port" >/dev/null
  sed -i 's/^fieldnotes.auth.scrypt_log2_n = .*/fieldnotes.auth.scrypt_log2_n = 14/' \
    "$work/srv/fieldnotes-server.properties"
  password='a demonstration password'
  printf '%s\n' "$password" | "$server" admin add-clinician therapist@example.org \
    --dir "$work/srv" >/dev/null
  "$server" run --dir "$work/srv" >/dev/null 2>&1 &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 100); do
    curl -sf --cacert "$ca" "$url/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  # The therapist: a key file, signed in, keys published. `keys` changes
  # which key file (a second one plays a therapist's new computer).
  keys="$work/clinician/keys"
  clin() {
    FIELDNOTES_PASSPHRASE='a demonstration key passphrase' FIELDNOTES_PASSWORD="$password" \
      HOME="$work/home" "$clin_bin" --keys "$keys" "$@"
  }
  clin init --kdf-cost 15 >/dev/null
  clin login --server "$url" --email therapist@example.org --ca-file "$ca" >/dev/null
  clin keys publish >/dev/null
  invite() { clin invite --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])'; }

  # Linking in the app, up to the safety number.
  shoot link key:ctrl+shift+l "type:$url" key:Tab "type:$(invite)" key:Tab "type:Dr Rivera" \
    key:Tab "type:$ca" key:Return sleep:3

  # The demonstration journal links and verifies with the CLI.
  link=$("$cli" --journal "$journal" link --server "$url" --code "$(invite)" --ca-file "$ca" \
    --label "Dr Rivera" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  "$cli" --journal "$journal" link verify "$link" --yes >/dev/null
  shoot share key:ctrl+r sleep:3 key:ctrl+shift+h sleep:3

  # A report shared last week, downloaded and opened by the therapist.
  "$cli" --journal "$journal" report --pdf "$work/report.pdf" >/dev/null
  report=$("$cli" --journal "$journal" report list | tail -1 | cut -d' ' -f1)
  "$cli" --journal "$journal" share "$report" --with "$link" --yes >/dev/null
  server_report=$(clin reports --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  clin fetch "$server_report" --out "$work/fetched.pdf" >/dev/null
  shoot receipts key:ctrl+shift+r sleep:3
  shoot earlier key:ctrl+shift+e sleep:2

  # The therapist's new computer: new keys on the server. The app notices
  # on "Check for changes".
  keys="$work/clinician/new-keys"
  clin init --kdf-cost 15 >/dev/null
  clin login --server "$url" --email therapist@example.org --ca-file "$ca" >/dev/null
  clin keys publish >/dev/null
  shoot therapists key:ctrl+shift+t sleep:1 key:alt+h sleep:3
fi
