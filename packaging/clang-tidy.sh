#!/usr/bin/env bash
# clang-tidy (the checked-in .clang-tidy) over the libraries that hold the
# journal, its cryptography, the sync protocol, the reports and the server:
# common/core, common/sync, reports, server. Any finding fails the run.
#
#   bash packaging/clang-tidy.sh [BUILD_DIR] [--record]
#
# Needs a built tree (compile_commands.json, and ninja's record of each
# object's headers). A file is checked again only when it, a header it
# includes (ninja -t deps, system headers too), its compile command or
# .clang-tidy changed since it last passed. Each file's key hashes all of
# those with the checkout's and the build's folders written as @ROOT@ and
# @BUILD@, so a key means the same on any machine with the same packages.
# Keys that passed are kept in BUILD_DIR/clang-tidy/ and, for a fresh
# clone, in packaging/clang-tidy.passed: `--record` rewrites that file from
# a run in which every file passed (commit it with the change that made
# the run). A cold run over all files takes about six minutes on two cores
# (docs/architecture.md, "Checks").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORD=0
ARGS=()
for a in "$@"; do
  if [ "$a" = "--record" ]; then RECORD=1; else ARGS+=("$a"); fi
done
BUILD="$(cd "${ARGS[0]:-${FIELDNOTES_BUILD_DIR:-$ROOT/build}}" && pwd)"
PASSED="$ROOT/packaging/clang-tidy.passed"
TIDY=clang-tidy-14
RUN=run-clang-tidy-14
command -v "$TIDY" >/dev/null && command -v "$RUN" >/dev/null ||
  { echo "clang-tidy: $TIDY is missing (packaging/install-deps.sh)" >&2; exit 2; }
[ -f "$BUILD/compile_commands.json" ] ||
  { echo "clang-tidy: no $BUILD/compile_commands.json; build first" >&2; exit 2; }

STAMPS="$BUILD/clang-tidy"
mkdir -p "$STAMPS"
start=$(date +%s)

# file<TAB>key for every source of the four libraries (not tests, not
# generated files). The key hashes .clang-tidy, the tidy version, the
# compile command and the contents of the file and every header it read.
python3 - "$ROOT" "$BUILD" > "$STAMPS/keys.tsv" <<'PY'
import hashlib, json, os, re, subprocess, sys
root, build = sys.argv[1], sys.argv[2]
mine = re.compile(r"^" + re.escape(root) + r"/(common/core|common/sync|reports|server)/")
tidy = open(os.path.join(root, ".clang-tidy"), "rb").read()
version = subprocess.run(["clang-tidy-14", "--version"], capture_output=True).stdout
for e in json.load(open(os.path.join(build, "compile_commands.json"))):
    f = e["file"]
    if not mine.match(f):
        continue
    def portable(text):
        return text.replace(build, "@BUILD@").replace(root, "@ROOT@")
    h = hashlib.sha256(tidy + version + portable(e["command"]).encode())
    obj = e.get("output") or re.search(r" -o (\S+)", e["command"]).group(1)
    deps = subprocess.run(["ninja", "-C", build, "-t", "deps", obj],
                          capture_output=True, text=True).stdout.splitlines()
    if len(deps) < 2 or "(VALID)" not in deps[0]:
        h.update(os.urandom(16))  # no record of its headers: always check it
    for d in deps[1:]:
        d = d.strip()
        if d:
            p = os.path.normpath(d if os.path.isabs(d) else os.path.join(build, d))
            try:
                h.update(portable(p).encode() + open(p, "rb").read())
            except OSError:
                h.update(os.urandom(16))
    print(f"{f}\t{h.hexdigest()}")
PY

stale=()
while IFS=$'\t' read -r file key; do
  stamp="$STAMPS/$(printf '%s' "$file" | sha256sum | cut -c1-32)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] && continue
  [ -f "$PASSED" ] && grep -qxF "${file#"$ROOT"/}"$'\t'"$key" "$PASSED" && continue
  stale+=("$file")
done < "$STAMPS/keys.tsv"
total=$(wc -l < "$STAMPS/keys.tsv")

if [ "${#stale[@]}" -gt 0 ]; then
  # run-clang-tidy takes regular expressions; each file's own path, escaped.
  patterns=()
  for f in "${stale[@]}"; do patterns+=("^$(printf '%s' "$f" | sed 's/[.[\*^$+?(){}|]/\\&/g')\$"); done
  # -Wno-everything: the compiler's own warnings are GCC's to give (the
  # build refuses them); clang reads -Wconversion more widely than GCC, and
  # does not know some of GCC's options. Only the checks are judged here.
  if ! "$RUN" -clang-tidy-binary "$(command -v "$TIDY")" -p "$BUILD" -j 2 -quiet \
      -extra-arg=-Wno-everything \
      "${patterns[@]}" > "$STAMPS/last.log" 2>&1; then
    grep -E "(warning|error):" "$STAMPS/last.log" | sort -u >&2 || cat "$STAMPS/last.log" >&2
    echo "clang-tidy: findings above (full output: $STAMPS/last.log)" >&2
    exit 1
  fi
  while IFS=$'\t' read -r file key; do
    printf '%s' "$key" > "$STAMPS/$(printf '%s' "$file" | sha256sum | cut -c1-32)"
  done < "$STAMPS/keys.tsv"
fi
if [ "$RECORD" -eq 1 ]; then
  {
    echo "# Written by packaging/clang-tidy.sh --record: each file of core, sync,"
    echo "# reports and server with the key of the run in which it passed."
    while IFS=$'\t' read -r file key; do printf '%s\t%s\n' "${file#"$ROOT"/}" "$key"; done \
      < "$STAMPS/keys.tsv" | sort
  } > "$PASSED"
  echo "clang-tidy: recorded $total keys in $PASSED"
fi
echo "clang-tidy: $total files clean (${#stale[@]} checked now) in $(( $(date +%s) - start )) s"
