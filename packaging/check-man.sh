#!/usr/bin/env bash
# The generated man pages: each renders without warnings and has its NAME
# line, a synopsis or usage and its options.
#   check-man.sh MANDIR PROGRAM...
set -euo pipefail
dir="$1"; shift
status=0
for p in "$@"; do
  page="$dir/$p.1.gz"
  if [ ! -s "$page" ]; then echo "$p: no man page at $page"; status=1; continue; fi
  text="$(zcat "$page" | LC_ALL=C MANWIDTH=80 man -l --warnings=w - 2>"$dir/$p.warnings" | col -bx)"
  if [ -s "$dir/$p.warnings" ]; then echo "$p: groff warnings:"; cat "$dir/$p.warnings"; status=1; fi
  grep -q "^NAME" <<<"$text" && grep -Eq "^ *$p +- " <<<"$text" || { echo "$p: no NAME line"; status=1; }
  grep -qi -- "--help" <<<"$text" || { echo "$p: no options"; status=1; }
  grep -qi "usage\|synopsis" <<<"$text" || { echo "$p: no usage"; status=1; }
  echo "$p: $(wc -l <<<"$text") lines"
done
exit $status
