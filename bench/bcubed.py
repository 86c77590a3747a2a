#!/usr/bin/env python3
"""BCubed precision, recall and F1 of sitrep's stories and threads against
gold clusters.

Usage: bcubed.py GOLD_TSV ARTICLES_JSONL [LABEL]

GOLD_TSV has `url<TAB>thread<TAB>story` per article (as
ecbplus_to_jsonl.py writes it); ARTICLES_JSONL is `sitrep articles --json`.
Articles are matched by url; gold articles sitrep rejected (too short) are
counted and left out; an article with no story counts as its own cluster.
BCubed (Bagga & Baldwin 1998): per article, precision is the share of its
predicted cluster that shares its gold cluster, recall the share of its
gold cluster in its predicted cluster; both averaged over articles.
"""

import json
import sys
from collections import Counter


def bcubed(pred, gold):
    items = list(gold)
    pc = Counter(pred[i] for i in items)
    gc = Counter(gold[i] for i in items)
    both = Counter((pred[i], gold[i]) for i in items)
    p = sum(both[(pred[i], gold[i])] / pc[pred[i]] for i in items) / len(items)
    r = sum(both[(pred[i], gold[i])] / gc[gold[i]] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    label = sys.argv[3] if len(sys.argv) > 3 else "sitrep"
    gold_story, gold_thread = {}, {}
    for line in open(sys.argv[1]):
        url, thread, story = line.rstrip("\n").split("\t")
        gold_story[url], gold_thread[url] = story, thread
    pred_story, pred_thread = {}, {}
    for line in open(sys.argv[2]):
        a = json.loads(line)
        url = a.get("url")
        if url not in gold_story:
            continue
        pred_story[url] = a.get("story") or ("single:" + a["id"])
        pred_thread[url] = a.get("thread") or ("single:" + a["id"])
    kept = [u for u in gold_story if u in pred_story]
    missing = len(gold_story) - len(kept)
    gs = {u: gold_story[u] for u in kept}
    gt = {u: gold_thread[u] for u in kept}
    sp, sr, sf = bcubed({u: pred_story[u] for u in kept}, gs)
    tp, tr, tf = bcubed({u: pred_thread[u] for u in kept}, gt)
    print(
        f"{label}: story P {sp:.4f} R {sr:.4f} F1 {sf:.4f} | thread P {tp:.4f} R {tr:.4f} F1 {tf:.4f} | "
        f"{len(kept)} articles ({missing} rejected by sitrep), "
        f"{len(set(pred_story[u] for u in kept))} stories (gold {len(set(gs.values()))}), "
        f"{len(set(pred_thread[u] for u in kept))} threads (gold {len(set(gt.values()))})"
    )


if __name__ == "__main__":
    main()
