# Sourced by the benchmark scripts: builds the release product and points DATABASE_URL at an empty database — a new
# SQLite file when DATABASE_URL is unset, else the named PostgreSQL database with its public schema emptied.
swift build -c release --product reunify >/dev/null
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="sqlite://$(mktemp -d)/state.sqlite"
else
  psql "$DATABASE_URL" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
fi
