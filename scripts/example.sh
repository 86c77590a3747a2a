#!/usr/bin/env bash
# The main job on the bundled example corpus: ingest the five seed articles
# into a fresh database and show what sitrep found.
# Usage: scripts/example.sh [SEEDS_DIR]   (default: ../shared/seeds)
set -euo pipefail
cd "$(dirname "$0")/.."

seeds="${1:-../shared/seeds}"
[ -d "$seeds" ] || { echo "example: no seeds folder at $seeds" >&2; exit 1; }

./scripts/setup.sh >/dev/null
cargo build --release --locked --quiet -p sitrep
# Cargo builds into $CARGO_TARGET_DIR when it is set.
sitrep="${CARGO_TARGET_DIR:-target}/release/sitrep"

db="${SITREP_EXAMPLE_DB:-target/example.db}"
rm -f "$db" "$db-wal" "$db-shm"

echo "== sitrep ingest $seeds"
"$sitrep" ingest --db "$db" "$seeds"
echo
echo "== sitrep ingest $seeds (again: nothing new)"
"$sitrep" ingest --db "$db" "$seeds"
echo
echo "== sitrep articles"
"$sitrep" articles --db "$db"
echo
echo "== sitrep search ceasefire"
"$sitrep" search --db "$db" ceasefire
echo
echo "== sitrep stories"
"$sitrep" stories --db "$db"
echo
echo "== sitrep report (the situation report, Markdown; --format html for a standalone page)"
"$sitrep" report --db "$db"
