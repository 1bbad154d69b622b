#!/usr/bin/env bash
# The outcome figures of a state's history: loads `reunify demo --families N [--years Y]` into a fresh database
# (SQLite by default, PostgreSQL when DATABASE_URL names one), serves it from the release build, and times
# GET /api/v1/outcomes for the agency (an administrator) and for one unit (its supervisor) over the default period
# (the 12 months that ended a year ago), several times each, counting the episodes and placements held. Appends one
# JSON line per request kind to Benchmarks/results/outcomes.jsonl.
# Usage: Benchmarks/outcomes.sh [FAMILIES] [YEARS] [REPEATS]   (460 000 families hold about 1 000 000 episodes)
set -euo pipefail
cd "$(dirname "$0")/.."
families=${1:-460000}
years=${2:-3}
repeats=${3:-5}
python3 -c "import requests" 2>/dev/null || python3 -m pip install --quiet requests
. Benchmarks/fresh-database.sh
label=${DATABASE_URL%%:*}
echo "loading $families families over $years years into $label"
/usr/bin/time -f "%e s elapsed, %M KiB peak memory" .build/release/reunify demo --families "$families" --years "$years" 2>&1 | tail -2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.build/release/reunify serve --port "$port" >/tmp/reunify-outcomes-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
python3 Benchmarks/http/outcomes.py --url "http://127.0.0.1:$port" --database "$DATABASE_URL" --label "$label" \
  --families "$families" --years "$years" --repeats "$repeats" --out Benchmarks/results/outcomes.jsonl
