#!/usr/bin/env bash
# systemd-analyze verify on the server's unit as written, with ExecStart on
# a given program (the built one: the unit names /usr/bin/fieldnotes-server,
# which exists only once the package is installed; packaging/install-test.sh
# verifies the installed unit as it is). Fails on any message.
#   verify-unit.sh UNIT PROGRAM
set -euo pipefail
unit="$1" program="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s|/usr/bin/fieldnotes-server|$program|" "$unit" >"$work/$(basename "$unit")"
out="$(systemd-analyze verify --man=no "$work/$(basename "$unit")" 2>&1)" || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "systemd-analyze verify: clean"
