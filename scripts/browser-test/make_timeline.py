#!/usr/bin/env python3
"""Build a timeline document for the browser test from `sitrep articles
--json` on stdin: one thread holding every article of the test store, one
event per sentence that names a geocoded place (at most two per article),
dated by the article, with that sentence as evidence (byte offsets).

This is test data in the `sitrep timeline --json` shape, so the browser
test exercises the dashboard's timeline, map and evidence links whatever
the state of the store's own stories and timelines. Usage:
    sitrep articles --json --db DB | make_timeline.py > timeline.json
"""

import json
import re
import sys

TYPES = [("talk", "CONSULT"), ("agree", "AGREE"), ("warn", "THREATEN"), ("reopen", "RETREAT"),
         ("advanc", "FIGHT"), ("monitor", "COOPERATE")]


def sentences(text_bytes):
    """(start, end) byte spans of sentences: split after . ! ? and newlines."""
    start = 0
    for m in re.finditer(rb"(?<=[.!?])\s+|\n+", text_bytes):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text_bytes):
        yield start, len(text_bytes)


def main():
    articles = [json.loads(line) for line in sys.stdin if line.strip()]
    events = []
    for a in articles:
        text = a["text"].encode("utf-8")
        places = [p for p in a.get("places", []) if p.get("lat") is not None and p.get("lon") is not None]
        actors = [{"name": e.split(":", 1)[1].replace("-", " ").title(), "entity": e, "role": "source"}
                  for e in a.get("entities", []) if e.split(":", 1)[0] in ("person", "org", "group", "country")][:3]
        found = 0
        for start, end in sentences(text):
            inside = [p for p in places if start <= p["start"] and p["end"] <= end]
            if not inside or found == 2:
                continue
            found += 1
            sentence = text[start:end].decode("utf-8")
            kind = next((t for word, t in TYPES if word in sentence.lower()), "CONSULT")
            events.append({
                "id": f"ev-{a['id'][:8]}-{found}",
                "date": (a.get("published") or "")[:10] or None,
                "date_precision": "day" if a.get("published") else "unknown",
                "title": sentence if len(sentence) <= 90 else sentence[:89] + "…",
                "type": kind,
                "cameo": None,
                "actors": actors,
                "places": [{"name": p["name"], "lat": p["lat"], "lon": p["lon"],
                            "geonames_id": p.get("geonames_id"), "country": p.get("country")} for p in inside],
                "articles": [a["id"]],
                "evidence": [{"article": a["id"], "start": start, "end": end, "text": sentence}],
                "disputes": [],
            })
    events.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    ids = [a["id"] for a in articles]
    doc = {
        "threads": [{"id": "thread-test", "title": "Ceasefire talks around Goma (browser-test data)",
                     "stories": ["story-test"], "articles": ids, "events": events}],
        "stories": [{"id": "story-test", "title": "Ceasefire talks", "thread": "thread-test", "articles": ids}],
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
