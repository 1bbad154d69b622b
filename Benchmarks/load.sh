#!/usr/bin/env bash
# Times `reunify demo --families N` into a fresh database: SQLite by default, PostgreSQL when DATABASE_URL names one
# (its schema is emptied first). Release build. Usage: Benchmarks/load.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
families=${1:-100000}
seed=${2:-1}
. Benchmarks/fresh-database.sh
echo "$(date -u +%FT%TZ) $(nproc) cores, $families families, seed $seed, ${DATABASE_URL%%:*}"
/usr/bin/time -f "%e s elapsed, %M KiB peak memory" .build/release/reunify demo --families "$families" --seed "$seed" 2>&1 | tail -3
