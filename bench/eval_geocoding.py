#!/usr/bin/env python3
"""Score `sitrep geocode --json` on the gritta geoparsing corpora.

Usage: eval_geocoding.py SITREP_BINARY GRITTA_DIR [--corpora lgl,TR-News,GeoVirus]
                         [--weights name=value,...] [--mode resolve|recognize|both]
                         [--limit N] [--quiet]

resolve:   gold toponym spans are given; reports the share of exact GeoNames
           matches (over toponyms with a gold GeoNames id) and of answers
           within 161 km of the gold coordinates (over toponyms with gold
           coordinates; an unresolved toponym counts as a miss), also with
           exact id matches counted as hits (our country and subdivision
           points are derived, not GeoNames' own, so a right id can lie
           more than 161 km from GeoNames' point for it), and a breakdown of
           the misses (right id but far, wrong id near or far, unresolved).
recognize: no spans given; reports precision, recall and F1 of the found
           spans against the gold toponyms (exact span match, and overlap).

The corpora give character offsets, some a character or more off the
phrase they name (GeoVirus, parts of TR-News): each gold span is moved to
the nearest occurrence of its phrase, then converted to UTF-8 byte
offsets, which is what the command takes. This drives exactly the command
the held-out evaluation uses. Prints one JSON object per corpus and mode.
"""

import argparse
import json
import math
import subprocess
import sys
import xml.etree.ElementTree as ET

CORPORA = {"lgl": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"}


def align(text, start, end, phrase):
    """Character span of `phrase` nearest to [start, end), or None."""
    if phrase is None:
        return (start, end) if 0 <= start < end <= len(text) else None
    if text[start:end] == phrase:
        return start, end
    best = None
    for delta in range(0, 60):
        for s in (start - delta, start + delta):
            if 0 <= s and text[s:s + len(phrase)] == phrase:
                return s, s + len(phrase)
    return best


def load(path):
    docs = []
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        items = list(art.iter("toponym")) + list(art.iter("location"))
        for t in items:
            phrase = t.findtext("phrase") or t.findtext("name")
            span = align(text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            if span is None:
                continue
            g = t.find("gaztag")
            rec = {"span": span}
            if g is not None:
                rec["gid"] = int(g.get("geonameid"))
                rec["lat"], rec["lon"] = float(g.findtext("lat")), float(g.findtext("lon"))
            elif t.findtext("lat") is not None:
                rec["lat"], rec["lon"] = float(t.findtext("lat")), float(t.findtext("lon"))
            gold.append(rec)
        docs.append({"id": art.get("docid") or str(i), "text": text, "gold": gold})
    return docs


def byte_offsets(text):
    """Map from character offset to UTF-8 byte offset."""
    out, b = [0] * (len(text) + 1), 0
    for i, ch in enumerate(text):
        out[i] = b
        b += len(ch.encode("utf-8"))
    out[len(text)] = b
    return out


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def run(binary, lines, weights):
    cmd = [binary, "geocode", "--json"] + (["--weights", weights] if weights else [])
    res = subprocess.run(cmd, input="".join(json.dumps(l) + "\n" for l in lines),
                         capture_output=True, text=True, check=True)
    if res.stderr.strip():
        print(res.stderr.strip(), file=sys.stderr)
    return {o["id"]: o["places"] for o in map(json.loads, res.stdout.splitlines())}


def resolve_scores(binary, docs, weights):
    lines, maps = [], {}
    for d in docs:
        bo = byte_offsets(d["text"])
        maps[d["id"]] = bo
        lines.append({"id": d["id"], "text": d["text"],
                      "toponyms": [{"start": bo[g["span"][0]], "end": bo[g["span"][1]]} for g in d["gold"]]})
    out = run(binary, lines, weights)
    exact_n = exact_ok = near_n = near_ok = near_or_exact = 0
    misses = {"right_id_far": 0, "wrong_id_near": 0, "wrong_id_far": 0, "unresolved": 0}
    for d in docs:
        places = out.get(d["id"], [])
        for g, p in zip(d["gold"], places):
            right = "gid" in g and p.get("geonames_id") == g["gid"]
            if "gid" in g:
                exact_n += 1
                exact_ok += right
            if "lat" in g:
                near_n += 1
                close = p.get("lat") is not None and km(g["lat"], g["lon"], p["lat"], p["lon"]) <= 161
                near_ok += close
                near_or_exact += close or right
                if p.get("lat") is None:
                    misses["unresolved"] += 1
                elif right and not close:
                    misses["right_id_far"] += 1
                elif not right and "gid" in g:
                    misses["wrong_id_near" if close else "wrong_id_far"] += 1
    return {"toponyms_with_id": exact_n, "exact": round(exact_ok / exact_n, 4) if exact_n else None,
            "toponyms_with_coordinates": near_n, "within_161km": round(near_ok / near_n, 4) if near_n else None,
            # Counting an exact id match as a hit, as a scorer that takes the
            # coordinates of the chosen GeoNames entry from GeoNames would.
            "within_161km_or_exact": round(near_or_exact / near_n, 4) if near_n else None,
            # Where the toponyms with coordinates went wrong (counts): the
            # right id but our point for it over 161 km from the gold one,
            # a wrong id (near or far), or no answer.
            "misses": misses}


def recognize_scores(binary, docs):
    lines = [{"id": d["id"], "text": d["text"]} for d in docs]
    out = run(binary, lines, None)
    tp = overlap = found_n = gold_n = 0
    for d in docs:
        bo = byte_offsets(d["text"])
        gold = {(bo[g["span"][0]], bo[g["span"][1]]) for g in d["gold"]}
        found = {(p["start"], p["end"]) for p in out.get(d["id"], [])}
        gold_n += len(gold)
        found_n += len(found)
        tp += len(gold & found)
        overlap += sum(1 for f in found if any(f[0] < g[1] and g[0] < f[1] for g in gold))
    p = tp / found_n if found_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return {"gold": gold_n, "found": found_n, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "overlap_precision": round(overlap / found_n, 4) if found_n else 0.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("gritta_dir")
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--weights", default=None)
    ap.add_argument("--mode", default="both", choices=["resolve", "recognize", "both"])
    ap.add_argument("--limit", type=int, default=0, help="first N articles per corpus (0: all)")
    args = ap.parse_args()
    for name in args.corpora.split(","):
        docs = load(f"{args.gritta_dir}/{CORPORA[name]}")
        if args.limit:
            docs = docs[:args.limit]
        if args.mode in ("resolve", "both"):
            print(json.dumps({"corpus": name, "mode": "resolve", **resolve_scores(args.binary, docs, args.weights)}))
        if args.mode in ("recognize", "both"):
            print(json.dumps({"corpus": name, "mode": "recognize", **recognize_scores(args.binary, docs)}))


if __name__ == "__main__":
    main()
