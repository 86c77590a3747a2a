#!/usr/bin/env bash
# Loopback load test of `sitrep serve`'s main read endpoints with wrk
# (Debian package, installed when missing), on a store of the example
# corpus plus N synthetic articles (bench/sitrep_bench, from the real texts
# in ../shared/data). Run by hand, never by the tests.
#
# Usage: bench/load-serve.sh [N] [CONNECTIONS] [SECONDS]
#   N            synthetic articles (default 100000); the store is built
#                once into target/loadtest/nN.db (ingest takes ~15 min for
#                100k on 2 cores) and reused
#   CONNECTIONS  concurrent connections (default 200)
#   SECONDS      per endpoint (default 20)
# Prints, per endpoint: requests/s, p50/p90/p99 latency, errors. `search`
# repeats 10 queries (answers kept until the store changes);
# `search-distinct` asks thousands of different ones.
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-100000}"
conns="${2:-200}"
secs="${3:-20}"
shared="${SITREP_SHARED:-../shared}"
out=target/loadtest
mkdir -p "$out"
db="$out/n$n.db"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cargo build --release --locked --quiet -p sitrep -p sitrep_bench
sitrep="${CARGO_TARGET_DIR:-target}/release/sitrep"

if [ ! -s "$db" ]; then
    corpus="$out/corpus-$n.jsonl"
    if [ ! -s "$corpus" ]; then
        "${CARGO_TARGET_DIR:-target}/release/sitrep_bench" generate --n "$n" --data "$shared/data" --out "$out/gen-$n"
        mv "$out/gen-$n/corpus.jsonl" "$corpus"
    fi
    echo "== ingesting the seeds and $n synthetic articles into $db"
    start=$(date +%s)
    "$sitrep" ingest --db "$db.part" "$shared/seeds" "$corpus"
    mv "$db.part" "$db"; [ -f "$db.part-wal" ] && mv "$db.part-wal" "$db-wal"; [ -f "$db.part-shm" ] && mv "$db.part-shm" "$db-shm"
    echo "ingest took $(( $(date +%s) - start )) s"
fi

log="$out/serve.log"
"$sitrep" serve --db "$db" --addr 127.0.0.1:0 > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 1 300); do
    base=$(sed -n 's|^listening on \(http://[^/]*\)/$|\1|p' "$log" | head -n 1)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { cat "$log" >&2; exit 1; }
# The server computes its whole-store views on start; wait for them so
# the first endpoint is not measured against that work.
curl -s -o /dev/null "$base/api/threads?limit=1"
curl -s -o /dev/null "$base/api/entities?limit=1"

# Paths: article ids spread over the store, cursor pages deep into it,
# searches for words of the texts.
python3 - "$db" "$out" <<'PY'
import sqlite3, sys, random
from urllib.parse import quote
db, out = sys.argv[1], sys.argv[2]
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY random() LIMIT 2000")]
top = con.execute("SELECT max(rowid) FROM articles").fetchone()[0]
rng = random.Random(7)
words = ["ceasefire", "Goma", "president", "police", "election", "\"prime minister\"", "fire", "market", "court", "rebels"]
open(f"{out}/paths-article.txt", "w").write("".join(f"/api/articles/{i}\n" for i in ids))
open(f"{out}/paths-list.txt", "w").write("".join(f"/api/articles?limit=50&after={rng.randrange(top)}\n" for _ in range(2000)))
open(f"{out}/paths-search.txt", "w").write("".join(f"/api/search?q={quote(w)}&limit=20\n" for w in words))
open(f"{out}/paths-filter.txt", "w").write("".join(f"/api/articles?limit=20&from=2024-0{m}-01&to=2024-0{m}-28&after={rng.randrange(top)}\n" for m in range(1, 10) for _ in range(20)))
# Distinct queries (words of random titles, one or two), more than a run
# asks, so answers are computed rather than served from the kept ones.
titles = [r[0] for r in con.execute("SELECT title FROM articles WHERE title IS NOT NULL ORDER BY random() LIMIT 20000")]
distinct = set()
for t in titles:
    ws = [w for w in "".join(c if c.isalnum() else " " for c in t).split() if len(w) > 4]
    if ws:
        distinct.add(" ".join(rng.sample(ws, min(len(ws), rng.choice([1, 2])))))
open(f"{out}/paths-search-distinct.txt", "w").write("".join(f"/api/search?q={quote(q)}&limit=20\n" for q in sorted(distinct)))
threads = [r[0] for r in con.execute("SELECT DISTINCT thread FROM stories ORDER BY random() LIMIT 2000")]
open(f"{out}/paths-thread.txt", "w").write("".join(f"/api/threads/{t}\n" for t in threads))
open(f"{out}/paths-health.txt", "w").write("/api/health\n/api/threads\n")
PY

echo "== $conns connections, ${secs}s per endpoint, $(nproc) cores shared by server and wrk"
printf '%-26s %10s %9s %9s %9s %8s\n' endpoint req/s p50 p90 p99 errors
for kind in article list filter thread search search-distinct health; do
    res=$(LOAD_PATHS="$out/paths-$kind.txt" wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s bench/load/paths.lua "$base" 2>&1)
    echo "$res" > "$out/wrk-$kind.txt"
    rps=$(echo "$res" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$res" | awk '$1=="50%" {print $2}')
    p90=$(echo "$res" | awk '$1=="90%" {print $2}')
    p99=$(echo "$res" | awk '$1=="99%" {print $2}')
    non2xx=$(echo "$res" | awk '/Non-2xx/ {print $NF}')
    sock=$(echo "$res" | awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}')
    printf '%-26s %10s %9s %9s %9s %8s\n' "$kind" "$rps" "$p50" "$p90" "$p99" "$(( ${non2xx:-0} + ${sock:-0} ))"
done
