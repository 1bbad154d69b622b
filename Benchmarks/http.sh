#!/usr/bin/env bash
# HTTP benchmarks of a state-sized agency: loads `reunify demo --families N` into a fresh database (SQLite by default,
# PostgreSQL when DATABASE_URL names one; its schema is emptied first), serves it from the release build, and drives
# /health, the caseload page, a case page, the API case list and the people search with wrk (50 connections), as a
# caseworker and as a supervisor. Appends to Benchmarks/results/http.jsonl. Usage: Benchmarks/http.sh [N] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
families=${1:-100000}
seconds=${2:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
python3 -c "import requests" 2>/dev/null || python3 -m pip install --quiet requests
. Benchmarks/fresh-database.sh
label=${DATABASE_URL%%:*}
echo "loading $families families into $label"
/usr/bin/time -f "%e s elapsed, %M KiB peak memory" .build/release/reunify demo --families "$families" 2>&1 | tail -2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.build/release/reunify serve --port "$port" >/tmp/reunify-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
for user in caseworker.1.1@state.reunify.test supervisor.1@state.reunify.test; do
  python3 Benchmarks/http/bench.py --url "http://127.0.0.1:$port" --user "$user" --label "$label" --families "$families" \
    --seconds "$seconds" --out Benchmarks/results/http.jsonl
done
