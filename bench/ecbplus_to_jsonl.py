#!/usr/bin/env python3
"""Convert ECB+ token files (CROMER XML) into news-please JSON Lines for
`sitrep ingest -`, and write the gold clusters.

Usage: ecbplus_to_jsonl.py ECB_DIR OUT_JSONL GOLD_TSV [--seed N] [--topics 2,5,...]

Each file becomes one article: its tokens detokenised sentence by sentence,
one paragraph per sentence. A first sentence that is a URL (as only ECB+'s
`ecbplus` files have) is dropped, since its presence alone would tell the
sub-corpus; the article's `url` is an opaque key (a hash of the file name,
which holds topic and sub-corpus, on one host for all). Every other sentence,
headlines and "First Published" lines included, stays text, exactly as the
corpus gives it, so sitrep reads it as it would any article. No title and
no date are given to sitrep. Articles are written in a seeded shuffled
order (a stream interleaving all topics; default seed 1). `--topics`
keeps only the listed topic folders.

The gold file has one line per article: `url<TAB>topic<TAB>story` where
story is `topic/ecb` or `topic/ecbplus` (the seminal event).
"""

import hashlib
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "''", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#"}


def detokenise(tokens):
    out = ""
    prev = None
    for t in tokens:
        if t == "``":
            t_out = "\u201c"
        elif t == "''":
            t_out = "\u201d"
        else:
            t_out = t
        if out and t not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
            out += " "
        out += t_out
        prev = t
    return out


def sentences(path):
    root = ET.parse(path).getroot()
    sents = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return [detokenise(sents[k]) for k in sorted(sents)]


def url_of(sentence):
    compact = sentence.replace(" ", "")
    if re.match(r"^https?://\S+$", compact):
        return compact
    return None


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i : i + 2]
    topics = None
    if "--topics" in args:
        i = args.index("--topics")
        topics = set(args[i + 1].split(","))
        del args[i : i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    ecb, out_path, gold_path = args
    records = []
    for topic in sorted(os.listdir(ecb), key=lambda t: (len(t), t)):
        tdir = os.path.join(ecb, topic)
        if not os.path.isdir(tdir) or (topics is not None and topic not in topics):
            continue
        for name in sorted(os.listdir(tdir)):
            m = re.match(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$", name)
            if not m:
                continue
            sents = sentences(os.path.join(tdir, name))
            url = url_of(sents[0]) if sents else None
            if url:
                sents = sents[1:]
            # An opaque url: the file name holds the topic and the
            # sub-corpus, and sitrep takes the url's host as the source.
            digest = hashlib.sha1(f"{topic}/{name}".encode()).hexdigest()[:16]
            key = f"https://ecbplus.invalid/{digest}"
            text = "\n\n".join(s for s in sents if s.strip())
            records.append(({"url": key, "maintext": text}, topic, f"{topic}/{m.group(3)}"))
    random.Random(seed).shuffle(records)
    with open(out_path, "w") as out, open(gold_path, "w") as gold:
        for rec, topic, story in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            gold.write(f"{rec['url']}\t{topic}\t{story}\n")
    print(f"ecbplus: {len(records)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
