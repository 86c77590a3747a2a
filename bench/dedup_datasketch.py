#!/usr/bin/env python3
"""datasketch's MinHashLSH over a sitrep_bench corpus, for bench/compare-dedup.sh.

Same shingles as sitrep (lower-cased alphanumeric words, 5 words a
shingle), 128 permutations. The corpus is streamed in chunks of 1000
articles; each chunk's MinHashes are computed with MinHash.bulk
(datasketch's fastest path), then in stream order each article is queried
against the LSH index and inserted, as sitrep's online index does. Every
LSH candidate is a predicted pair (datasketch's intended use). With several
thresholds the MinHashes are computed once and fed to one index per
threshold; each threshold's time is the MinHash time plus its own LSH time.

Usage: dedup_datasketch.py CORPUS OUT_PREFIX THRESHOLD [THRESHOLD ...]
Writes OUT_PREFIX-THRESHOLD.jsonl ({"a", "b"} per pair) and prints one
line per threshold: articles, seconds, articles/s (wall and CPU).
"""

import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"[^\W_]+")
NUM_PERM = 128
SHINGLE = 5
CHUNK = 1000


def shingles(text):
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < SHINGLE:
        return [" ".join(words).encode()]
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def chunks(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            ids.append(a["id"])
            texts.append(a["text"])
            if len(ids) == CHUNK:
                yield ids, texts
                ids, texts = [], []
    if ids:
        yield ids, texts


def main():
    corpus, prefix = sys.argv[1], sys.argv[2]
    thresholds = [float(t) for t in sys.argv[3:]] or [0.5]
    indexes = [MinHashLSH(threshold=t, num_perm=NUM_PERM) for t in thresholds]
    outs = [open(f"{prefix}-{t}.jsonl", "w", encoding="utf-8") for t in thresholds]
    pairs = [0 for _ in thresholds]
    wall = [0.0 for _ in thresholds]
    cpu = [0.0 for _ in thresholds]
    minhash_wall = minhash_cpu = 0.0
    n = 0
    for ids, texts in chunks(corpus):
        w, c = time.perf_counter(), time.process_time()
        minhashes = MinHash.bulk((shingles(t) for t in texts), num_perm=NUM_PERM)
        minhash_wall += time.perf_counter() - w
        minhash_cpu += time.process_time() - c
        n += len(ids)
        for k, lsh in enumerate(indexes):
            w, c = time.perf_counter(), time.process_time()
            found = []
            for key, m in zip(ids, minhashes):
                for other in lsh.query(m):
                    found.append((other, key))
                lsh.insert(key, m, check_duplication=False)
            wall[k] += time.perf_counter() - w
            cpu[k] += time.process_time() - c
            pairs[k] += len(found)
            for a, b in found:
                outs[k].write(json.dumps({"a": a, "b": b}) + "\n")
    for k, t in enumerate(thresholds):
        outs[k].close()
        seconds = minhash_wall + wall[k]
        cpu_seconds = minhash_cpu + cpu[k]
        print(
            f"datasketch threshold {t}: {n} articles in {seconds:.2f} s = {n / seconds:.0f} articles/s "
            f"({n / cpu_seconds:.0f} per CPU second); {pairs[k]} pairs",
            flush=True,
        )


if __name__ == "__main__":
    main()
