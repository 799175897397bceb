#!/usr/bin/env bash
# The packages installed for real, the way an administrator would, then
# purged (CI, after packaging/debs.sh):
#   bash packaging/install-test.sh OUTDIR
# apt-get install ./*.deb (so a missing dependency fails), each program's
# --version and man page, the installed unit verified, the server's folder
# made by the package, the server run from it and backed up while serving,
# the backup restored, a journal backed up; then an upgrade (reinstall) and
# a removal keep the server's folder, and purging deletes it and says so.
# Needs root. Refuses to run where Fieldnotes is already installed or
# /var/lib/fieldnotes exists: it would purge them.
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: bash packaging/install-test.sh OUTDIR" >&2; exit 64; fi
OUT="$(cd "$1" && pwd)"
if [ "$(id -u)" -ne 0 ]; then echo "install-test: needs root" >&2; exit 1; fi
exec 9>/run/lock/fieldnotes-install-test.lock
flock -w 600 9

STATE=/var/lib/fieldnotes
PACKAGES=(fieldnotes fieldnotes-viewer fieldnotes-server fieldnotes-l10n)
for p in "${PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "installed"; then
    echo "install-test: $p is installed on this machine; not touching it" >&2
    exit 1
  fi
done
if [ -e "$STATE" ]; then echo "install-test: $STATE exists; not touching it" >&2; exit 1; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-install-XXXXXX")"
chmod 0755 "$WORK"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  export DEBIAN_FRONTEND=noninteractive
  apt-get purge -y -qq "${PACKAGES[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT
step() { printf '== %s\n' "$*"; }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

export DEBIAN_FRONTEND=noninteractive
step "apt-get install the four packages"
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
  "$OUT"/fieldnotes_*.deb "$OUT"/fieldnotes-viewer_*.deb "$OUT"/fieldnotes-server_*.deb \
  "$OUT"/fieldnotes-l10n_*.deb \
  >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "apt-get install"; }
grep '^fieldnotes-server:' "$WORK/install.log" || true

step "each program's --version and man page"
version="$(dpkg-query -W -f='${Version}' fieldnotes-server)"
for prog in fieldnotes fieldnotes-cli fieldnotes-viewer fieldnotes-clinician fieldnotes-server; do
  out="$(env -u DISPLAY -u WAYLAND_DISPLAY "/usr/bin/$prog" --version)" || fail "$prog --version"
  grep -q "$version" <<<"$out" || fail "$prog --version said: $out"
  man -w "$prog" >/dev/null || fail "no man page for $prog"
  echo "  $out"
done
for f in /usr/share/applications/fieldnotes.desktop /usr/share/applications/fieldnotes-viewer.desktop \
  /usr/share/icons/hicolor/scalable/apps/fieldnotes.svg /usr/share/doc/fieldnotes-server/operations.md \
  /usr/share/locale/de/LC_MESSAGES/fieldnotes.mo /usr/share/locale/fr/LC_MESSAGES/fieldnotes.mo \
  /usr/share/locale/es/LC_MESSAGES/fieldnotes.mo; do
  [ -f "$f" ] || fail "missing $f"
done
ls /usr/share/metainfo/*Fieldnotes*.metainfo.xml >/dev/null || fail "no AppStream metadata"
appstreamcli validate --no-net /usr/share/metainfo/*Fieldnotes*.metainfo.xml >/dev/null ||
  fail "installed AppStream metadata"

step "the service: user, folder, unit"
id fieldnotes >/dev/null || fail "no system user fieldnotes"
[ "$(stat -c '%U %a' "$STATE")" = "fieldnotes 700" ] || fail "$STATE: $(stat -c '%U %a' "$STATE")"
[ -f "$STATE/fieldnotes-server.properties" ] || fail "$STATE was not initialised"
unit=/lib/systemd/system/fieldnotes-server.service
[ -f "$unit" ] || unit=/usr/lib/systemd/system/fieldnotes-server.service
out="$(systemd-analyze verify "$unit" 2>&1)" || { echo "$out"; fail "systemd-analyze verify"; }
[ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify said something"; }
systemd-analyze security --offline=true --threshold=20 "$unit" | tail -1

step "run the server from the installed folder, as its user"
as_server() { setpriv --reuid=fieldnotes --regid=fieldnotes --init-groups -- "$@"; }
printf 'install test password, not for real use\n' |
  as_server fieldnotes-server admin add-clinician therapist@example.org --dir "$STATE" >/dev/null
# setpriv execs the server, so $! is the server itself; it does not keep
# the lock (fd 9).
setpriv --reuid=fieldnotes --regid=fieldnotes --init-groups -- \
  fieldnotes-server run --dir "$STATE" --port 0 >"$WORK/run.out" 2>"$WORK/run.err" 9>&- &
SERVER_PID=$!
for _ in $(seq 100); do grep -q listening "$WORK/run.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's|listening on https://localhost:\([0-9]*\)/|\1|p' "$WORK/run.out")"
[ -n "$port" ] || { cat "$WORK/run.err"; fail "the server did not start"; }
curl -sf --cacert "$STATE/ca.pem" "https://localhost:$port/v1/health" >/dev/null || fail "health"

step "back up while it serves, restore elsewhere"
install -d -o fieldnotes -g fieldnotes -m 0700 "$WORK/backups"
as_server fieldnotes-server admin backup --dir "$STATE" --to "$WORK/backups/server.backup" ||
  fail "admin backup"
kill -HUP "$SERVER_PID"
sleep 0.5
curl -sf --cacert "$STATE/ca.pem" "https://localhost:$port/v1/health" >/dev/null || fail "health after SIGHUP"
fieldnotes-server admin restore --from "$WORK/backups/server.backup" --dir "$WORK/restored" || fail "restore"
fieldnotes-server admin list --dir "$WORK/restored" | grep -q therapist@example.org || fail "restored accounts"
fieldnotes-server audit verify --dir "$WORK/restored" >/dev/null || fail "restored audit log"
kill "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=""

step "a journal and its backup"
export FIELDNOTES_PASSPHRASE="install test passphrase, not for real use"
fieldnotes-cli --journal "$WORK/journal.db" init --kdf-cost 15 >/dev/null
fieldnotes-cli --journal "$WORK/journal.db" add note --text "a line from the install test" >/dev/null
fieldnotes-cli --journal "$WORK/journal.db" backup --to "$WORK/journal.backup"
fieldnotes-cli --journal "$WORK/journal.backup" check >/dev/null || fail "the journal backup"

step "upgrade (reinstall) and remove keep the server's folder"
before="$(sha256sum "$STATE/fieldnotes-server.properties" "$STATE/server-key.pem")"
apt-get install -y -qq --reinstall -o DPkg::Lock::Timeout=300 "$OUT"/fieldnotes-server_*.deb \
  >"$WORK/reinstall.log" 2>&1 || { cat "$WORK/reinstall.log"; fail "reinstall"; }
[ "$(sha256sum "$STATE/fieldnotes-server.properties" "$STATE/server-key.pem")" = "$before" ] ||
  fail "the upgrade changed the server's folder"
apt-get remove -y -qq -o DPkg::Lock::Timeout=300 fieldnotes-server >"$WORK/remove.log" 2>&1 ||
  { cat "$WORK/remove.log"; fail "remove"; }
[ -f "$STATE/fieldnotes-server.properties" ] || fail "removing deleted $STATE"
grep '^fieldnotes-server:' "$WORK/remove.log" || true

step "purge deletes it, and says what"
apt-get purge -y -qq -o DPkg::Lock::Timeout=300 "${PACKAGES[@]}" >"$WORK/purge.log" 2>&1 ||
  { cat "$WORK/purge.log"; fail "purge"; }
grep '^fieldnotes-server:' "$WORK/purge.log" || true
grep -q "purging deletes $STATE" "$WORK/purge.log" || fail "purge did not say what it deletes"
[ ! -e "$STATE" ] || fail "purge left $STATE"
echo "install-test: ok"
