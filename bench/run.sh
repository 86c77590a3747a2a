#!/usr/bin/env bash
# The benchmark entry point: builds release binaries, generates the
# synthetic corpus (bench/sitrep_bench, from the real texts in
# ../shared/data, with planted copies) at each size, and ingests it with
# `sitrep ingest --timings`, lexical-only and with the sentence-embedding
# model. Reports, per run, the whole pipeline's articles/s and MB/s, peak
# RSS, store size, and the seconds per stage; writes
# bench/results/latest.md and bench/results/latest.json.
#
# Usage: bench/run.sh [SIZES] [EMBED_SIZES]
#   SIZES        corpus sizes for lexical runs (default "10000 100000")
#   EMBED_SIZES  sizes for runs with embeddings (default "10000"; embedding
#                runs at ~20 articles/s on 2 cores, so 100000 takes ~1.5 h)
# Environment: SITREP_SHARED (default ../shared), SITREP_HOME (the model).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${1:-10000 100000}"
embed_sizes="${2:-10000}"
shared="${SITREP_SHARED:-../shared}"
home="${SITREP_HOME:-$HOME/.cache/sitrep}"
out=target/bench-run
mkdir -p "$out" bench/results
command -v /usr/bin/time >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
./scripts/setup.sh >/dev/null
cargo build --release --locked --quiet -p sitrep -p sitrep_bench
sitrep=target/release/sitrep
runs="$out/runs.jsonl"
: > "$runs"

run() { # size mode clustering
    local n="$1" mode="$2" method="$3" corpus="$out/gen-$1/corpus.jsonl" db="$out/n$1-$2.db"
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== $n articles, $mode"
    /usr/bin/time -v "$sitrep" ingest --timings --clustering "$method" --db "$db" "$corpus" \
        > "$out/n$n-$mode.out" 2> "$out/n$n-$mode.err"
    grep -E "^timings:|new, " "$out/n$n-$mode.out" "$out/n$n-$mode.err" | sed 's/^[^:]*://' || true
    python3 - "$n" "$mode" "$corpus" "$db" "$out/n$n-$mode.out" "$out/n$n-$mode.err" >> "$runs" <<'PY'
import json, os, re, sys
n, mode, corpus, db, out, err = sys.argv[1:]
text = open(out).read() + open(err).read()
stages = {m[1]: float(m[2]) for m in re.finditer(r"timings: (\S+)\s+([\d.]+) s", text)}
new = int(re.search(r"(\d+) new,", text)[1])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)[1]) * 1024
total = stages.pop("total")
size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
print(json.dumps({"articles": int(n), "mode": mode, "new": new, "seconds": total,
                  "articles_per_s": new / total, "mb_per_s": os.path.getsize(corpus) / 1e6 / total,
                  "peak_rss_mib": rss / 2**20, "store_mib": size / 2**20, "stages": stages}))
PY
}

for n in $(printf '%s\n' $sizes $embed_sizes | sort -n -u); do
    if [ ! -s "$out/gen-$n/corpus.jsonl" ]; then
        target/release/sitrep_bench generate --n "$n" --data "$shared/data" --out "$out/gen-$n" > /dev/null
    fi
    case " $sizes " in *" $n "*) run "$n" lexical lexical ;; esac
    case " $embed_sizes " in *" $n "*)
        if [ -s "$home/models/all-minilm-l6-v2/model.safetensors" ]; then
            run "$n" embedding auto
        else
            echo "== $n articles, embedding: skipped (no model; run scripts/setup.sh)"
        fi ;;
    esac
done

python3 - "$runs" <<'PY'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
stages = ["read+extract", "annotate", "events", "dedup", "store", "cluster"]
lines = ["# sitrep pipeline benchmark (`bench/run.sh`)", "",
         "Synthetic corpus from `sitrep_bench generate` (real texts of ../shared/data, 35% planted copies);",
         "`sitrep ingest --timings` into a fresh store; wall-clock seconds on this machine.", "",
         "| articles | mode | new | articles/s | MB/s | peak RSS (MiB) | store (MiB) | " + " | ".join(f"{s} (s)" for s in stages) + " |",
         "|---" * (7 + len(stages)) + "|"]
for r in runs:
    cells = [f"{r['articles']:,}", r["mode"], f"{r['new']:,}", f"{r['articles_per_s']:.1f}", f"{r['mb_per_s']:.2f}",
             f"{r['peak_rss_mib']:.0f}", f"{r['store_mib']:.0f}"] + [f"{r['stages'].get(s, 0):.1f}" for s in stages]
    lines.append("| " + " | ".join(cells) + " |")
open("bench/results/latest.md", "w").write("\n".join(lines) + "\n")
json.dump(runs, open("bench/results/latest.json", "w"), indent=1)
print("\n".join(lines))
PY
