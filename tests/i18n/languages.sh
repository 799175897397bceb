#!/usr/bin/env bash
# LANG=de_DE.UTF-8 (fr_FR, es_ES) gives that language in every program's
# --help. The mechanism is checked with the pseudo-translation installed
# under de, fr and es in a folder of its own (FIELDNOTES_LOCALEDIR); then,
# for each language whose real catalog the build made (<build>/locale), a
# message of each --help must come out as that catalog translates it.
# Usage: languages.sh BUILD_DIR
set -euo pipefail
build=$1
pseudo_mo=$build/tests/pseudo/locale/en_US/LC_MESSAGES/fieldnotes.mo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
programs=("$build/client/cli/fieldnotes-cli" "$build/clinician/cli/fieldnotes-clinician"
          "$build/client/app/fieldnotes" "$build/clinician/app/fieldnotes-viewer")
# The first words of each program's help, as the sources write them.
firsts=("fieldnotes-cli: your Fieldnotes journal, from the command line."
        "fieldnotes-clinician: receive the reports your clients share with you."
        "show this help and exit" "show this help and exit")

for lang in de_DE fr_FR es_ES; do
  short=${lang%_*}
  mkdir -p "$work/$short/LC_MESSAGES"
  cp "$pseudo_mo" "$work/$short/LC_MESSAGES/fieldnotes.mo"
  for i in "${!programs[@]}"; do
    p=${programs[$i]}
    out=$(env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=$lang.UTF-8 FIELDNOTES_LOCALEDIR="$work" "$p" --help)
    # The pseudo-translation's accents, and no English first line left.
    if ! grep -q 'ŕ' <<<"$out" || grep -qF "${firsts[$i]}" <<<"$out"; then
      echo "FAIL: LANG=$lang.UTF-8 $(basename "$p") --help is not in the catalog's language"
      fail=1
    fi
  done
  # Machine-readable output and exit codes stay as they are.
  code=0
  env -u LANGUAGE -u LC_ALL LANG=$lang.UTF-8 FIELDNOTES_LOCALEDIR="$work" \
    "$build/client/cli/fieldnotes-cli" no-such-command >/dev/null 2>&1 || code=$?
  if [ "$code" -ne 2 ]; then echo "FAIL: LANG=$lang.UTF-8: exit code $code for a usage error"; fail=1; fi
done

# Real catalogs, where the build has them: the translation of the first
# message of fieldnotes-cli --help, as gettext reads it from the catalog.
for lang in de_DE fr_FR es_ES; do
  short=${lang%_*}
  mo=$build/locale/$short/LC_MESSAGES/fieldnotes.mo
  [ -f "$mo" ] || { echo "note: no $short catalog in this build; only the mechanism was checked"; continue; }
  msgid=$'fieldnotes-cli: your Fieldnotes journal, from the command line.\n\nUsage: fieldnotes-cli [--journal PATH] [--passphrase-file PATH] COMMAND [OPTIONS]\n\nCommands:\n'
  want=$(env -u LANGUAGE LC_ALL=$lang.UTF-8 TEXTDOMAINDIR=$build/locale gettext -d fieldnotes -s "$msgid" | head -1)
  if [ "$want" = "${msgid%%$'\n'*}" ]; then
    echo "note: the $short catalog does not translate the help's first lines yet"
    continue
  fi
  out=$(env -u LANGUAGE -u LC_ALL LANG=$lang.UTF-8 FIELDNOTES_LOCALEDIR=$build/locale "$build/client/cli/fieldnotes-cli" --help)
  if ! grep -qF "$want" <<<"$out"; then
    echo "FAIL: LANG=$lang.UTF-8 fieldnotes-cli --help does not say: $want"
    fail=1
  fi
done
if [ "$fail" -eq 0 ]; then echo "languages: every --help speaks the locale's language"; fi
exit $fail
