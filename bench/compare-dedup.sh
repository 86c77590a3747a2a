#!/usr/bin/env bash
# Syndication benchmark: sitrep's dedup against datasketch's MinHashLSH on the
# same generated corpus (real texts from ../shared/data with planted copies).
# Generates the corpus, installs datasketch from PyPI into a virtualenv under
# target/ (once), runs both with peak memory from /usr/bin/time, and scores
# both with the same scorer: pair P/R/F1 (and passage F1 for sitrep),
# articles/s, peak RSS. Finally builds the index alone (no texts kept) for
# its memory figure.
#
# Usage: bench/compare-dedup.sh [N] [THRESHOLDS]
#   N           articles to generate (default 100000)
#   THRESHOLDS  datasketch Jaccard thresholds (default "0.1 0.2 0.3 0.5 0.7 0.9");
#               the best one by pair F1 is rerun alone for its memory figure.
# Environment: SITREP_SHARED (default ../shared), DEDUP_WINDOW_DAYS (sitrep's
# eviction window for the comparison; default 100000, i.e. nothing evicted,
# as datasketch evicts nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-100000}"
thresholds="${2:-0.1 0.2 0.3 0.5 0.7 0.9}"
shared="${SITREP_SHARED:-../shared}"
data="$shared/data"
window="${DEDUP_WINDOW_DAYS:-100000}"
if [ ! -d "$data/ecbplus" ] && [ ! -d "$data/geoparsing-gritta" ] && [ ! -f "$data/extraction-dev/ground-truth.json" ]; then
    echo "compare-dedup: skipped: no real article texts under $data (set SITREP_SHARED)" >&2
    exit 0
fi
command -v /usr/bin/time >/dev/null || { echo "compare-dedup: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

out="target/dedup-bench/n$n"
mkdir -p "$out"
cargo build --release --locked --quiet -p sitrep_bench
bench=target/release/sitrep_bench
rss() { awk '/Maximum resident set size/ {printf "%.0f MiB", $NF/1024}' "$1"; }

echo "== corpus: $n articles"
"$bench" generate --n "$n" --data "$data" --out "$out"

venv=target/dedup-bench/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import datasketch" 2>/dev/null; then
    echo "== installing datasketch into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "datasketch==2.0.0"
fi

echo "== sitrep (1 thread)"
/usr/bin/time -v -o "$out/ours.time" "$bench" run --corpus "$out/corpus.jsonl" --out "$out/ours.jsonl" --window-days "$window"
echo "sitrep peak RSS (corpus texts in memory included): $(rss "$out/ours.time")"
"$bench" score --corpus "$out/corpus.jsonl" --truth "$out/truth.jsonl" --pred "$out/ours.jsonl" --label sitrep
echo "== sitrep (2 threads: next chunk tokenised while the index works)"
/usr/bin/time -v -o "$out/ours2.time" "$bench" run --corpus "$out/corpus.jsonl" --out "$out/ours2.jsonl" --window-days "$window" --threads 2
echo "sitrep (2 threads) peak RSS: $(rss "$out/ours2.time")"

echo "== datasketch MinHashLSH, thresholds $thresholds (one pass, MinHashes shared)"
# shellcheck disable=SC2086
"$venv/bin/python" bench/dedup_datasketch.py "$out/corpus.jsonl" "$out/ds" $thresholds
best=""; best_f1=-1
for t in $thresholds; do
    line=$("$bench" score --corpus "$out/corpus.jsonl" --truth "$out/truth.jsonl" --pred "$out/ds-$t.jsonl" --label "datasketch@$t")
    echo "$line"
    f1=$(echo "$line" | awk '/pairs P/ {for (i = 1; i <= NF; i++) if ($i == "F1") print $(i + 1)}')
    if awk -v a="$f1" -v b="$best_f1" 'BEGIN {exit !(a > b)}'; then best=$t; best_f1=$f1; fi
done
echo "== datasketch alone at its best threshold ($best) for throughput and peak memory"
/usr/bin/time -v -o "$out/ds.time" "$venv/bin/python" bench/dedup_datasketch.py "$out/corpus.jsonl" "$out/ds-alone" "$best"
echo "datasketch@$best peak RSS (corpus streamed, not kept): $(rss "$out/ds.time")"

echo "== sitrep index alone (no texts kept, no verification)"
/usr/bin/time -v -o "$out/index.time" "$bench" run --corpus "$out/corpus.jsonl" --index-only --window-days "$window"
echo "sitrep index-only peak RSS: $(rss "$out/index.time")"
