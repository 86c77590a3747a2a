#!/usr/bin/env bash
# Story and thread clustering on ECB+ (../shared/data/ecbplus): each topic
# holds two real-world events (its `ecb` and `ecbplus` files). Gold story =
# topic + sub-corpus, gold thread = topic. The dev topics (SOURCE.md:
# 2,5,12,18,21,23,34,35) and the training topics (the rest of 1-35) are
# each converted to one shuffled stream of JSON Lines (no titles, no dates
# given; the URL line dropped, urls opaque), ingested by sitrep itself, and
# scored with BCubed from `sitrep articles --json`, for sitrep with
# embeddings, sitrep without (lexical) and the TF-IDF single-pass baseline.
#
# Usage: bench/eval-stories.sh [SEEDS]   (stream orders, default "1")
# Environment: SITREP_SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."

seeds="${1:-1}"
shared="${SITREP_SHARED:-../shared}"
ecb="$shared/data/ecbplus/ECB+"
if [ ! -d "$ecb" ]; then
    echo "eval-stories: skipped: no ECB+ under $ecb (set SITREP_SHARED)" >&2
    exit 0
fi
cargo build --release --quiet -p sitrep
sitrep=target/release/sitrep
out=target/eval-stories
mkdir -p "$out"
dev="2,5,12,18,21,23,34,35"
train="1,3,4,6,7,8,9,10,11,13,14,16,19,20,22,24,25,26,27,28,29,30,31,32,33"

for seed in $seeds; do
    for split in dev train; do
        topics="$dev"; [ "$split" = train ] && topics="$train"
        python3 bench/ecbplus_to_jsonl.py "$ecb" "$out/$split-$seed.jsonl" "$out/$split-$seed.gold" --seed "$seed" --topics "$topics"
        for method in auto lexical baseline; do
            db="$out/$split-$seed-$method.db"
            rm -f "$db" "$db-wal" "$db-shm"
            # The stream spans 2005-2013 in shuffled order: keep every story open.
            "$sitrep" ingest --db "$db" --clustering "$method" --story-window 100000 - < "$out/$split-$seed.jsonl" > /dev/null 2> "$out/$split-$seed-$method.log"
            "$sitrep" articles --db "$db" --json > "$out/$split-$seed-$method.articles.jsonl"
            label="$split seed $seed $(printf '%-8s' "$method")"
            [ "$method" = auto ] && label="$split seed $seed embedding"
            python3 bench/bcubed.py "$out/$split-$seed.gold" "$out/$split-$seed-$method.articles.jsonl" "$label"
        done
    done
done
