#!/usr/bin/env python3
"""Score event coding against gold sentences, through `sitrep code --json`.

Usage: eval_events.py [--sitrep BIN] [--gold plover|petr|both] [--shared DIR]
                      [--plover-file F] [--petr-file F]
                      [--petr-actors] [--petr-verbs] [--show N] [--json]

--plover-file and --petr-file score another gold file of the same format
(held-out sentences, UniversalPetrarch's PETR2 validation records) with the
same scorer.

Gold:
- plover: ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt, 322 sentences coded
  in PLOVER 0.5b1 (source and target actors with a CAMEO country code and
  often a sector, an event type). Compound actors marked SRC/TAR act on
  each other (each pair is a gold triple). Six sentences are coded in two
  records each (one event per record): they are scored once, against the
  union of their gold.
- petr: ../shared/data/petrarch-validation/PETR.UnitTest.records.xml, 284
  sentences with 358 CAMEO codings (source and target CAMEO actor codes,
  event code) and noevents records. CAMEO codes are mapped to PLOVER types
  with the CAMEO->PLOVER table (plover-gsr/CAMEO2PLOVER-2021.txt, PLOVER
  0.8 names); the table has no rows for CAMEO 01 and 02, so 02 (appeal) is
  mapped to REQUEST as the PLOVER manual does and 01 (statements) and codes
  not in CAMEO (the unit tests' 212, 345, 802, 9xx) are left out of the
  scores (counted and reported). Our types are compared in the same
  vocabulary: through our CAMEO code and the table when the table has it,
  else by PLOVER's renaming (DEMAND->REQUEST, DISAPPROVE and
  INVESTIGATE->ACCUSE, FIGHT->ASSAULT). The unit tests' countries are
  fictional (Arnor, Gondor); --petr-actors adds the suite's own actor
  dictionary (PETR.Validate.actors.txt) to a copy of the knowledge base,
  as PETRARCH runs it; --petr-verbs converts the suite's own verb
  dictionary (PETR.Validate.verbs.txt) instead of CAMEO.2.0 for it. The
  suite's codes follow that dictionary, not CAMEO's (CONDEMN is 122 there,
  RESTORE relations 064), so its type accuracy with the CAMEO dictionary
  says little about coding news.

Actors match on their country (the CAMEO country code, with the few
non-ISO codes of the gold translated: JAP->JPN, ITL->ITA, VTN->VNM) or,
for actors without a country, on their international code (IGO, NGO, IMG,
MNC) against our sector. "+sector" figures also require the sector where
the gold gives one.

Scores:
- type accuracy: of the gold sentences where we coded something, the
  share where one of our events has the gold type; type recall: the share
  of gold sentences whose type we coded at all.
- triples: (source, type, target) with target "none" when there is none;
  precision, recall, and the false-positive rate (1 - precision: the share
  of our events that match no gold event). A noevents sentence makes every
  event coded on it a false positive.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOME = os.environ.get("SITREP_HOME", os.path.expanduser("~/.cache/sitrep"))

INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT"}
NOT_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS",
           "CRM", "CVL", "REF", "ELI", "LEG", "REL", "HLH", "LAB", "AGR", "UAF", "NGO", "IMG",
           "MNC", "ENV", "DEV", "SOC", "CIV", "MOS", "UNK"}
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def shared_dir(arg):
    if arg:
        return arg
    return os.environ.get("SITREP_SHARED", os.path.join(ROOT, "..", "shared"))


def load_table(path):
    """CAMEO code -> PLOVER 0.8 type."""
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*(\d{3,4}):\s*([A-Z]+)", line)
            if m:
                table[m.group(1)] = m.group(2)
    return table


# ---- gold ----------------------------------------------------------------

def gold_actor_plover(a):
    code = (a.get("code") or "").strip().upper()
    sector = (a.get("sector") or "").strip().upper()[:3] or None
    if sector == "***":
        sector = None
    if code in INTERNATIONAL:
        return ("X", code), sector
    if len(code) == 3 and code.isalpha():
        return ("C", NOT_ISO.get(code, code)), sector
    return None, sector


def actors_of(v):
    if isinstance(v, dict):
        return [v]
    if isinstance(v, list):
        return [a for a in v if isinstance(a, dict)]
    return []


def load_plover(shared, path=None):
    path = path or os.path.join(shared, "data", "plover-gsr", "PLOVER_GSR_CAMEO.txt")
    with open(path, encoding="utf-8") as f:
        records = [r for r in json.load(f) if r.get("text") and r.get("event") != "DOCUMENT"]
    out = []
    by_text = {}
    ids = set()
    for r in records:
        sources = [gold_actor_plover(a) for a in actors_of(r.get("source"))]
        targets = [gold_actor_plover(a) for a in actors_of(r.get("target"))]
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        mutual = "SRC/TAR" in markup
        triples = set()
        sectors = {}
        for s, ssec in sources:
            if s is None:
                continue
            tlist = [t for t in targets if t[0] is not None] or [(None, None)]
            if mutual and not targets:
                tlist = [t for t in sources if t[0] is not None and t[0] != s] or [(None, None)]
            for t, tsec in tlist:
                triple = (s, r["event"], t)
                triples.add(triple)
                sectors[triple] = (ssec, tsec)
        same = by_text.get(r["text"].strip())
        if same is not None:
            # One sentence coded in two records (each with its own event):
            # its gold is the union, so neither event is a false positive
            # of the other record.
            same["types"].add(r["event"])
            same["triples"] |= triples
            same["sectors"].update(sectors)
            continue
        # The gold repeats an id (COERCE-0004) on two different sentences.
        rid = r["id"] if r["id"] not in ids else f'{r["id"]}#{len(out)}'
        ids.add(rid)
        out.append({"id": rid, "text": r["text"], "published": r.get("date"),
                    "types": {r["event"]}, "triples": triples, "sectors": sectors,
                    "noevents": False, "excluded": 0})
        by_text[r["text"].strip()] = out[-1]
    return out


def petr_actor(code):
    code = code.strip().strip('"').upper()
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return None, None
    head, rest = code[:3], code[3:]
    if head in INTERNATIONAL:
        return ("X", head), (head if head in SECTORS else None)
    sector = rest[:3] if rest[:3] in SECTORS else None
    return ("C", head), sector


def petr_type(code, table):
    if code in table:
        return table[code]
    if code.startswith("02") and len(code) >= 3:
        return "REQUEST"
    return None


def load_petr(shared, table, path=None):
    path = path or os.path.join(shared, "data", "petrarch-validation", "PETR.UnitTest.records.xml")
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    xml = re.sub(r"<!--.*?-->", "", xml, flags=re.S)
    out = []
    for attrs, body in re.findall(r"<Sentence ([^>]*)>(.*?)</Sentence>", xml, re.S):
        sid_m = re.search(r'id\s*=\s*"([^"]*)"', attrs)
        sid = sid_m.group(1) if sid_m else "?"
        date = (re.search(r'date\s*=\s*"(\d+)"', attrs) or [None, None])[1]
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_m:
            continue
        text = " ".join(text_m.group(1).split())
        triples, sectors, types, excluded = set(), {}, set(), 0
        noevents = False
        for coding in re.findall(r"<EventCoding ([^>]*)>", body):
            if "noevents" in coding:
                noevents = True
                continue
            get = lambda k: (re.search(k + r"\s*=\s*'?\"?([^\"' ]*)", coding) or [None, ""])[1]
            etype = petr_type(get("eventcode"), table)
            if etype is None:
                excluded += 1
                continue
            s, ssec = petr_actor(get("sourcecode"))
            t, tsec = petr_actor(get("targetcode"))
            if s is None:
                excluded += 1
                continue
            triple = (s, etype, t)
            triples.add(triple)
            sectors[triple] = (ssec, tsec)
            types.add(etype)
        out.append({"id": f"{sid}#{len(out)}", "text": text, "published": date, "types": types,
                    "triples": triples, "sectors": sectors, "noevents": noevents and not triples,
                    "excluded": excluded})
    return out


# ---- running sitrep --------------------------------------------------------

def petr_knowledge(shared, base_kb, out_path):
    """The knowledge base plus the PETR validation actors (fictional states)."""
    path = os.path.join(shared, "data", "petrarch-validation", "dictionaries", "PETR.Validate.actors.txt")
    with open(path, encoding="utf-8", errors="replace") as f:
        text = re.sub(r"<!--.*?-->", "", f.read(), flags=re.S)
    entries = []
    current = None
    for raw in text.splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("+"):
            if current:
                current["syn"].append(line.strip()[1:].strip())
            continue
        if line.startswith((" ", "\t")) and current and not current["code"]:
            m = re.search(r"\[([^\]]*)\]", line)
            if m:
                current["code"] = m.group(1).strip()
            continue
        m = re.match(r"\s*([^\[]+?)\s*(?:\[([^\]]*)\])?\s*$", line)
        if not m:
            continue
        current = {"name": m.group(1).strip(), "code": (m.group(2) or "").strip(), "syn": []}
        entries.append(current)

    def words(s):
        return " ".join(w for w in s.replace("_", " ").split()).title()

    countries, actors = [], []
    for e in entries:
        code = e["code"].upper().split()[0] if e["code"] else ""
        if not re.fullmatch(r"[A-Z]{3,}", code):
            continue
        name = words(e["name"])
        syns = [words(s) for s in e["syn"] if s]
        if len(code) == 3 and code not in INTERNATIONAL:
            demonyms = [s for s in syns if re.search(r"(IAN|AN|I|ESE|ISH)$", s.upper())]
            aliases = [s for s in syns if s not in demonyms]
            countries.append((code, name, aliases, demonyms))
        else:
            key = "petr-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            actors.append((key, name, syns, code))
    known = set()
    with open(base_kb, encoding="utf-8") as f:
        base = f.read().splitlines()
    for line in base:
        parts = line.split("\t")
        if parts[0] == "country":
            known.add(parts[1])
    lines = list(base)
    for code, name, aliases, demonyms in countries:
        if not name:
            continue
        if code in known:
            # A fictional state whose code a real country has (ERI): an
            # actor of that country.
            key = "petr-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            actors.append((key, name, aliases + demonyms, code))
            continue
        known.add(code)
        lines.append("\t".join(["country", code, "0", name, "|".join(aliases), "|".join(demonyms)]))
    for key, name, syns, code in actors:
        if not name:
            continue
        lines.append("\t".join(["actor", key, "organization", name, "|".join(syns), code]))
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def run_sitrep(binary, records, home):
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"], "published": r["published"]}) + "\n"
                    for r in records)
    env = dict(os.environ, SITREP_HOME=home)
    run = subprocess.run([binary, "code", "--json"], input=lines, capture_output=True, text=True,
                         env=env, check=True)
    notes = [l for l in run.stderr.splitlines() if l.strip()]
    out = {}
    for line in run.stdout.splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec["events"]
    return out, notes


# ---- scoring -------------------------------------------------------------

def pred_actor(a):
    if not a:
        return None, None
    sector = (a.get("sector") or "")[:3] or None
    if a.get("country"):
        return ("C", a["country"]), sector
    if sector in INTERNATIONAL:
        return ("X", sector), sector
    return ("?", a.get("name")), sector


def pred_type(e, vocab, table):
    if vocab == "plover05":
        return e["type"]
    cameo = e.get("cameo")
    if cameo and cameo in table:
        return table[cameo]
    return RENAMED.get(e["type"], e["type"])


def score(records, predicted, vocab, table, show=0):
    tot = {"sentences": len(records), "gold": 0, "pred": 0, "match": 0, "match_sector": 0,
           "gold_matched": 0, "gold_matched_sector": 0, "coded": 0, "type_ok": 0,
           "type_recall": 0, "typed_sentences": 0, "excluded": 0, "noevent_sentences": 0,
           "noevent_fp": 0}
    misses = []
    for r in records:
        events = predicted.get(r["id"], [])
        tot["excluded"] += r["excluded"]
        pred = {}
        for e in events:
            s, ssec = pred_actor(e["source"])
            t, tsec = pred_actor(e.get("target"))
            pred[(s, pred_type(e, vocab, table), t)] = (ssec, tsec)
        if r["noevents"]:
            tot["noevent_sentences"] += 1
            tot["noevent_fp"] += len(pred)
            tot["pred"] += len(pred)
            continue
        if not r["triples"]:
            # Only excluded (unmappable) gold events: nothing to judge.
            continue
        gold = r["triples"]
        tot["gold"] += len(gold)
        tot["pred"] += len(pred)
        tot["typed_sentences"] += 1
        ptypes = {k[1] for k in pred}
        if pred:
            tot["coded"] += 1
            tot["type_ok"] += bool(ptypes & r["types"])
        tot["type_recall"] += bool(ptypes & r["types"])

        def sector_ok(g, p):
            gs, gt = r["sectors"].get(g, (None, None))
            ps, pt = pred.get(p, (None, None))
            return (gs is None or gs == ps) and (gt is None or gt == pt)

        hits = gold & set(pred)
        tot["match"] += len(hits)
        tot["gold_matched"] += len(hits)
        with_sector = {g for g in hits if sector_ok(g, g)}
        tot["match_sector"] += len(with_sector)
        tot["gold_matched_sector"] += len(with_sector)
        if len(misses) < show and (gold - set(pred) or set(pred) - gold):
            misses.append((r["id"], r["text"], sorted(map(str, gold)), sorted(map(str, pred))))
    p = tot["match"] / tot["pred"] if tot["pred"] else 0.0
    rc = tot["gold_matched"] / tot["gold"] if tot["gold"] else 0.0
    ps = tot["match_sector"] / tot["pred"] if tot["pred"] else 0.0
    rs = tot["gold_matched_sector"] / tot["gold"] if tot["gold"] else 0.0
    res = {
        "sentences": tot["sentences"],
        "scored_sentences": tot["typed_sentences"],
        "gold_events": tot["gold"],
        "excluded_gold_events": tot["excluded"],
        "coded_events": tot["pred"],
        "sentences_coded": tot["coded"],
        "type_accuracy": tot["type_ok"] / tot["coded"] if tot["coded"] else 0.0,
        "type_recall": tot["type_recall"] / tot["typed_sentences"] if tot["typed_sentences"] else 0.0,
        "triple_precision": p,
        "triple_recall": rc,
        "false_positive_rate": 1 - p if tot["pred"] else 0.0,
        "triple_precision_sector": ps,
        "triple_recall_sector": rs,
        "noevent_sentences": tot["noevent_sentences"],
        "events_on_noevent_sentences": tot["noevent_fp"],
    }
    return res, misses


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "target", "release", "sitrep"))
    ap.add_argument("--gold", default="both", choices=["plover", "petr", "both"])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--plover-file", default=None,
                    help="another gold file in the PLOVER GSR format (instead of the shared one)")
    ap.add_argument("--petr-file", default=None,
                    help="another gold file in the PETRARCH validation XML format (instead of the unit tests)")
    ap.add_argument("--home", default=HOME, help="SITREP_HOME to run with")
    ap.add_argument("--petr-actors", action="store_true")
    ap.add_argument("--petr-verbs", action="store_true",
                    help="code the PETR suite with its own verb dictionary (PETR.Validate.verbs.txt)")
    ap.add_argument("--show", type=int, default=0, help="print N sentences with differences")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    table = load_table(os.path.join(shared, "data", "plover-gsr", "CAMEO2PLOVER-2021.txt"))
    results = {}
    if args.gold in ("plover", "both"):
        recs = load_plover(shared, args.plover_file)
        pred, notes = run_sitrep(args.sitrep, recs, args.home)
        results["plover"], misses = score(recs, pred, "plover05", table, args.show)
        results["plover"]["notes"] = notes
        for m in misses:
            print("\n".join(map(str, m)), "\n", file=sys.stderr)
    if args.gold in ("petr", "both"):
        recs = load_petr(shared, table, args.petr_file)
        home = args.home
        tmp = None
        if args.petr_actors or args.petr_verbs:
            tmp = tempfile.mkdtemp(prefix="sitrep-petr-")
            for sub in ("gazetteer", "knowledge", "events"):
                replaced = (sub == "knowledge" and args.petr_actors) or (sub == "events" and args.petr_verbs)
                if not replaced and os.path.isdir(os.path.join(args.home, sub)):
                    os.symlink(os.path.join(args.home, sub), os.path.join(tmp, sub))
            if args.petr_actors:
                os.makedirs(os.path.join(tmp, "knowledge"))
                petr_knowledge(shared, os.path.join(args.home, "knowledge", "knowledge.tsv"),
                               os.path.join(tmp, "knowledge", "knowledge.tsv"))
            if args.petr_verbs:
                dictionaries = os.path.join(shared, "data", "petrarch-validation", "dictionaries")
                subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "build_event_lexicon.py"),
                                "--verbs", os.path.join(dictionaries, "PETR.Validate.verbs.txt"),
                                "--table", os.path.join(shared, "data", "plover-gsr", "CAMEO2PLOVER-2021.txt"),
                                os.path.join(tmp, "events", "lexicon.tsv")],
                               check=True, capture_output=True)
            home = tmp
        try:
            pred, notes = run_sitrep(args.sitrep, recs, home)
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
        results["petr"], misses = score(recs, pred, "plover08", table, args.show)
        results["petr"]["notes"] = notes
        for m in misses:
            print("\n".join(map(str, m)), "\n", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        print(f"== {name}: {r['scored_sentences']} scored sentences, {r['gold_events']} gold events"
              f" ({r['excluded_gold_events']} unmappable left out), {r['coded_events']} coded events")
        print(f"   type accuracy {r['type_accuracy']:.3f} (on {r['sentences_coded']} coded sentences),"
              f" type recall {r['type_recall']:.3f}")
        print(f"   triples: precision {r['triple_precision']:.3f}, recall {r['triple_recall']:.3f},"
              f" false positives {r['false_positive_rate']:.3f}")
        print(f"   triples +sector: precision {r['triple_precision_sector']:.3f},"
              f" recall {r['triple_recall_sector']:.3f}")
        if r["noevent_sentences"]:
            print(f"   noevents sentences {r['noevent_sentences']}, events coded on them"
                  f" {r['events_on_noevent_sentences']}")
        for n in r["notes"]:
            print(f"   note: {n}")


if __name__ == "__main__":
    main()
