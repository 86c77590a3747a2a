#!/usr/bin/env python3
"""Score entity recognition against the actors of the PLOVER gold standard.

Usage: eval_entities_plover.py [KNOWLEDGE_FILE] [GSR_FILE]

KNOWLEDGE_FILE defaults to $SITREP_HOME/knowledge/knowledge.tsv (built by
scripts/setup.sh); GSR_FILE to ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt.
Each gold sentence lists its source and target actors with the text that
names them, a CAMEO country code and often a sector. For every gold actor
whose text occurs in the sentence we ask:
- found: does an entity mention overlap that text?
- country: for actors coded with a country, is the mentioned entity's
  country that country?
- sector: for actors with a sector, is the entity's sector that sector?
The sentences are the CAMEO manual's examples (clean, short), so expect
higher figures than on wire text. Runs the `entities` example of
sitrep_annotate (cargo builds it on first use).
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOME = os.environ.get("SITREP_HOME", os.path.expanduser("~/.cache/sitrep"))
# CAMEO codes that are not ISO countries.
NOT_COUNTRIES = {"IGO", "NGO", "MNC", "IMG", "UIS", "REB", "GOV", "MIL", "OPP", "BUS", "CVL", "INT", "UNK"}


def main():
    kb = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HOME, "knowledge", "knowledge.tsv")
    gsr = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "data", "plover-gsr", "PLOVER_GSR_CAMEO.txt")
    with open(gsr, encoding="utf-8") as f:
        records = [r for r in json.load(f) if r.get("text")]
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"], "published": r.get("date")}) + "\n" for r in records)
    run = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "sitrep_annotate", "--example", "entities", "--", kb, "--jsonl"],
        input=lines, capture_output=True, text=True, cwd=ROOT, check=True,
    )
    found_by_id = {}
    for line in run.stdout.splitlines():
        out = json.loads(line)
        found_by_id[out["id"]] = out

    n = found = country_n = country_ok = sector_n = sector_ok = 0
    misses = []
    for r in records:
        out = found_by_id.get(r["id"], {"mentions": [], "entities": []})
        entities = {e["id"]: e for e in out["entities"]}
        text = r["text"]
        for role in ("source", "target"):
            actors = r.get(role) or []
            if isinstance(actors, dict):
                actors = [actors]
            for actor in actors:
                if not isinstance(actor, dict):
                    continue
                name = actor.get("actorText") or ""
                start = text.find(name) if name else -1
                if start < 0:
                    continue
                bstart = len(text[:start].encode("utf-8"))
                end = bstart + len(name.encode("utf-8"))
                n += 1
                hits = [m for m in out["mentions"] if m["start"] < end and m["end"] > bstart]
                if not hits:
                    misses.append(name)
                    continue
                found += 1
                # The head of "Kenyan President X" is the person, not "Kenyan".
                hits.sort(key=lambda m: (m["kind"] == "country", m["start"]))
                entity = entities.get(hits[0]["entity"], {})
                code = actor.get("code") or ""
                if len(code) == 3 and code not in NOT_COUNTRIES:
                    country_n += 1
                    country_ok += entity.get("country") == code
                    if entity.get("country") != code and os.environ.get("SHOW_COUNTRIES"):
                        print(f"country {code} != {entity.get('country')}: {name!r} -> {entity.get('id')} | {text[:90]}")
                sector = actor.get("sector")
                if sector:
                    sector_n += 1
                    sector_ok += entity.get("sector") == sector
                    if entity.get("sector") != sector and os.environ.get("SHOW_SECTORS"):
                        print(f"sector {sector} != {entity.get('sector')}: {name!r} -> {entity.get('id')} | {text[:100]}")
    pct = lambda a, b: f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"
    print(f"actors found:     {pct(found, n)}")
    print(f"country correct:  {pct(country_ok, country_n)} (of found actors coded with a country)")
    print(f"sector correct:   {pct(sector_ok, sector_n)} (of found actors with a sector)")
    print("sample misses:", ", ".join(sorted(set(misses))[:40]))


if __name__ == "__main__":
    main()
