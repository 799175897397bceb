#!/usr/bin/env bash
# Runs the journal benchmark (DESIGN.md §7) and prints its Markdown table.
# It builds nothing; build the target first:
#
#   cmake --build build --target fieldnotes-bench
#   bash bench/run.sh build                 # 20,000 entries, Markdown table
#   bash bench/run.sh build --json          # the same as JSON
#   bash bench/run.sh build --entries 2000  # a quick look
#   bash bench/run.sh build --scaling       # 2,000 / 20,000 / 100,000 entries side by side
#
# The first argument is the build directory (default ./build); the rest go to
# fieldnotes-bench. Exit code: 0 when every target is met, 1 when one is
# missed, 2 on a usage error, 3 when the journal itself failed. With
# --scaling: 0 when every target of its table holds at 100,000 entries
# (docs/performance.md, "How to run"), 1 when one does not, 3 when a run
# failed.
set -euo pipefail

build=build
if [[ $# -gt 0 && $1 != -* ]]; then
  build=$1
  shift
fi
bin="$build/bench/fieldnotes-bench"
if [[ ! -x $bin ]]; then
  echo "run.sh: $bin not found; build it first: cmake --build $build --target fieldnotes-bench" >&2
  exit 2
fi

json=0
scaling=0
rest=()
for arg in "$@"; do
  case $arg in
    --json) json=1 ;;
    --scaling) scaling=1 ;;
    *) rest+=("$arg") ;;
  esac
done

if [[ $scaling == 1 ]]; then
  # The same bench at three sizes, one after the other on the same machine,
  # then one table: what a client does every day, and how it grows from
  # 2,000 to 100,000 entries (fifty times more).
  sizes=(2000 20000 100000)
  out=$(mktemp -d "${TMPDIR:-/tmp}/fieldnotes-scaling-XXXXXX")
  trap 'rm -rf "$out"' EXIT
  for n in "${sizes[@]}"; do
    echo "run.sh: $n entries..." >&2
    rc=0
    "$bin" --json --entries "$n" ${rest[@]+"${rest[@]}"} >"$out/$n.json" || rc=$?
    if [[ $rc -ge 2 ]]; then
      echo "run.sh: the run with $n entries failed (exit $rc)" >&2
      exit 3
    fi
  done
  echo "## Fieldnotes journal benchmark, how the costs grow, $(date -u +%Y-%m-%d)"
  echo
  python3 - "$out" "${sizes[@]}" <<'PY'
import json, sys
out, sizes = sys.argv[1], sys.argv[2:]
runs = {}
for n in sizes:
    with open(f"{out}/{n}.json") as f:
        runs[n] = {m["key"]: m for m in json.load(f)["measurements"]}
# (key, label, limit at the largest size or None, rule) where rule is
# "abs" (value at 100,000 <= limit) or "growth" (value at 100,000 <=
# limit x value at 2,000).
rows = [
    ("save_p50_ms", "save an entry, p50", 1.5, "growth"),
    ("save_p99_ms", "save an entry, p99", 20.0, "abs"),
    ("patterns_since_session_ms", "patterns since the last session", 100.0, "abs"),
    ("report_weekly_ms", "weekly report", 300.0, "abs"),
    ("unlock_after_kdf_ms", "unlock after the key derivation, first screen", 300.0, "abs"),
    ("unlock_all_entries_ms", "unlock, every entry loaded (on a worker)", None, None),
    ("search_p95_ms", "search p95", 10.0, "abs"),
    ("peak_memory_mib", "peak memory from unlock on", 250.0, "abs"),
]
def fmt(v, unit):
    if unit == "MiB":
        return f"{v:.0f} MiB"
    return f"{v:.3g} ms" if v < 10 else f"{v:.0f} ms"
first, last = sizes[0], sizes[-1]
head = "| step | " + " | ".join(f"{int(n):,}" for n in sizes) + " | growth | target at " + f"{int(last):,}" + " | status |"
print(head)
print("|---|" + "---:|" * len(sizes) + "---:|---|---|")
ok = True
for key, label, limit, rule in rows:
    if not all(key in runs[n] for n in sizes):
        continue
    vals = [runs[n][key]["value"] for n in sizes]
    unit = runs[first][key]["unit"]
    growth = vals[-1] / vals[0] if vals[0] > 0 else float("inf")
    if rule == "abs":
        target = f"≤ {fmt(limit, unit)}"
        good = vals[-1] <= limit
    elif rule == "growth":
        target = f"≤ {limit}× the {int(first):,} run"
        good = growth <= limit
    else:
        target, good = "—", True
    ok &= good
    status = "—" if rule is None else ("PASS" if good else "**MISS**")
    print(f"| {label} | " + " | ".join(fmt(v, unit) for v in vals) + f" | ×{growth:.1f} | {target} | {status} |")
print()
print("Each column is one run of `fieldnotes-bench --entries N` (docs/performance.md).")
sys.exit(0 if ok else 1)
PY
  exit $?
fi

if [[ $json == 0 ]]; then
  echo "## Fieldnotes journal benchmark, $(date -u +%Y-%m-%d)"
  echo
fi
exec "$bin" "$@"
