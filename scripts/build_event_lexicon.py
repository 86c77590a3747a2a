#!/usr/bin/env python3
"""Build sitrep's event lexicon from the PETRARCH/CAMEO verb dictionary and
the CAMEO->PLOVER table.

Usage: build_event_lexicon.py [--verbs CAMEO.2.0.txt] [--table CAMEO2PLOVER-2021.txt] OUT_FILE

Either input may be missing; the output then holds what was given (and
sitrep's compiled-in core does the rest). OUT_FILE is written atomically.
The format is documented in sitrep_events/src/lexicon.rs:

    sitrep-events<TAB>1
    source<TAB>NAME<TAB>DETAIL
    plover<TAB>CAMEO<TAB>TYPE<TAB>MODE<TAB>CONTEXT
    form<TAB>WORD<TAB>LEMMA
    verb<TAB>PATTERN<TAB>CAMEO<TAB>-<TAB>-<TAB>-<TAB>ROLES

What is taken from the verb dictionary (PETRARCH format: synonym sets
`&NAME` / `+WORD`, verb blocks `--- NAME [CODE] ---` with verb lines
`WORD [CODE] {FORMS}`, and patterns `- words * words [CODE] # VERB`):
- patterns whose words after `*` are an optional preposition and an
  object (a word, a `{multi word}` phrase or a synonym set) -> a
  verb + particle + object pattern for the verb the comment names (else
  for every verb of the block). A parenthesised phrase may open the
  pattern (it gives the particle and object); one after the object, or a
  second one, conditions the code on more words than this format says,
  so that pattern is left out. Patterns with words before the verb,
  passive-only codes (`[:054]`) and null codes (`[---]`) are left out;
  `$`/`+`/`^`/`%` actor markers are ignored (sitrep finds actors itself);
  verbs sitrep reads as structure (say, plan, try, …) are left out;
- irregular forms listed in braces -> form records.
Bare verbs (a verb with its block's default code and no object) are not
used: measured on the PLOVER gold standard they add more false events than
true ones; the compiled-in core has the unambiguous ones.
Patterns whose code has no PLOVER category (CAMEO 01, statements) are
dropped by sitrep when it loads the file: no catch-all codes.

The table (PLOVER draft 0.8 names) is translated to the names of the PLOVER
gold standard sitrep uses: REQUEST -> DEMAND; ACCUSE -> INVESTIGATE for the
investigate mode, else DISAPPROVE; ASSAULT -> FIGHT for CAMEO 19
(conventional military force); COERCE 163 (sanctions, embargoes) ->
SANCTION, as the gold standard codes it.
"""

import argparse
import os
import re
import sys
import tempfile

HEADER = "sitrep-events\t1"

# Words that open a prepositional object: they become the pattern's particle.
PREPOSITIONS = {
    "FOR", "ON", "UPON", "TO", "WITH", "AGAINST", "INTO", "FROM", "OF", "IN", "AT", "OVER", "ABOUT",
    "OFF", "OUT", "DOWN", "UP", "BACK", "AWAY",
}
MARKERS = {"$", "+", "^", "%", "*"}

# Verbs sitrep reads as structure, not as events: saying, planning,
# auxiliaries. Their dictionary patterns would bypass that reading.
STRUCTURAL = {
    "say", "tell", "announce", "state", "add", "claim", "report", "confirm", "declare", "note", "reiterate",
    "stress", "write", "assert", "argue", "believe", "think", "insist", "conclude", "maintain", "acknowledge",
    "admit", "explain", "indicate", "suggest", "quote", "predict", "plan", "intend", "decide", "prepare",
    "aim", "expect", "want", "wish", "hope", "try", "attempt", "fail", "begin", "start", "continue", "resume",
    "keep", "manage", "be", "have", "do", "will", "would", "can", "could", "may", "might", "must", "shall",
    "should", "get", "go", "come", "make", "take", "give", "put", "seem", "appear", "become", "remain",
}


def words_of(token):
    return token.replace("_", " ").strip().lower()


def parse_synsets(lines):
    synsets, current = {}, None
    for line in lines:
        s = line.split("#")[0].rstrip()
        if s.startswith("&"):
            current = s.split()[0]
            synsets[current] = []
        elif s.startswith("+") and current:
            w = s[1:].strip().rstrip("_")
            if w and " " not in w:
                synsets[current].append(words_of(w))
        elif s.startswith("---"):
            current = None
    return synsets


def parse_code(text):
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return None
    code = m.group(1).strip()
    if not code or code.startswith("---") or code.startswith(":"):
        return None
    code = code.split(":")[0].strip()
    return code if re.fullmatch(r"\d{3,4}", code) else None


def object_alternatives(tokens, synsets):
    """The object alternatives of pattern tokens after the verb (and the
    particle), as lists of words."""
    parts = [p for p in tokens if p not in MARKERS]
    # "* ATTACK AGAINST": the object is the noun, not the preposition
    # that introduces the target after it.
    while len(parts) > 1 and parts[-1].upper() in PREPOSITIONS:
        parts = parts[:-1]
    if not parts:
        return []
    head = parts[-1]
    if head.startswith("&"):
        return [[w] for w in synsets.get(head, [])]
    if head.startswith("&") or not re.fullmatch(r"[A-Z][A-Z'_-]*", head):
        return []
    return [head.lower().split("_")]


def pattern_after_verb(tokens):
    """The particle and object words of a pattern's tokens after `*`, or
    None when the pattern needs more than a verb, a particle and an object
    can say.

    Parentheses hold a prepositional phrase (PETRARCH syntax). One that
    opens the pattern is the verb's own ("* (AT {NEW SANCTIONS})": particle
    AT, object NEW SANCTIONS). One after an object, or a second one,
    conditions the code on words the object is followed by ("STAGE
    DEMONSTRATION (IN SOLIDARITY)" is support, a demonstration alone is
    not; "IMPOSE BAN (ON TRAVEL)"'s object is BAN, not TRAVEL): such a
    pattern is left out, unless the phrase is a bare preposition that only
    marks where the target is ("{AIR RAID} (AGAINST)").
    """
    groups, bare, current = [], [], None
    for t in tokens:
        if t == "(":
            current = []
        elif t == ")":
            if current is not None:
                groups.append(current)
            current = None
        elif current is not None:
            current.append(t)
        elif groups:
            # Words after a phrase: more than this format can say.
            return None
        else:
            bare.append(t)
    content = [g for g in groups if [w for w in g if w not in MARKERS and w.upper() not in PREPOSITIONS]]
    if not content:
        return bare
    if bare or len(content) > 1 or groups[0] is not content[0]:
        return None
    return content[0]


def lemma_of(verb, forms):
    return forms.get(verb, verb)


def convert_verbs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    synsets = parse_synsets(lines)
    start = next((i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS")), 0)
    records, forms = set(), {}
    block_code, block_verbs = None, []
    for raw in lines[start:]:
        line = raw.rstrip()
        if line.startswith("---"):
            block_code = parse_code(line)
            block_verbs = []
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("- "):
            body, _, comment = line[2:].partition("#")
            code = parse_code(body)
            if code is None:
                continue
            text = re.sub(r"\[[^\]]*\]", "", body)
            text = re.sub(r"\{([^}]*)\}", lambda m: "_".join(m.group(1).split()), text)
            pattern = text.replace("(", " ( ").replace(")", " ) ").split()
            if "*" not in pattern:
                continue
            star = pattern.index("*")
            before = [t for t in pattern[:star] if t not in MARKERS]
            if before:
                continue
            after = pattern_after_verb(pattern[star + 1:])
            if after is None:
                continue
            particle = None
            if after and after[0].upper() in PREPOSITIONS:
                particle = after[0].lower()
                after = after[1:]
            objects = object_alternatives(after, synsets)
            if not objects and not particle:
                continue
            named = comment.strip().split()[0].lower() if comment.strip() else ""
            verbs = [v for v in block_verbs if v[0] == named or named.startswith(v[0])] or block_verbs
            if not objects:
                # A verb and a particle alone ("plan to", "call for") is
                # structure the core reads; only verb-object patterns are used.
                continue
            alts = "|".join("_".join(o) for o in objects if o)
            if not alts:
                continue
            for verb, particles in verbs:
                if verb in STRUCTURAL:
                    continue
                pattern_words = [verb] + particles + ([particle] if particle else []) + ["+" + alts]
                records.add(("verb", " ".join(pattern_words), code))
            continue
        # A verb line: WORD or +MULTI_WORD, optional [CODE], optional {FORMS}.
        body = line.split("#")[0]
        m = re.match(r"\s*(\+?)([A-Z][A-Z'_-]*)", body)
        if not m:
            continue
        multi = m.group(1) == "+"
        name = m.group(2).rstrip("_")
        parts = name.lower().split("_")
        verb, particles = parts[0], parts[1:] if multi else []
        if not multi and len(parts) > 1:
            continue
        block_verbs.append((verb, particles))
        for form in re.findall(r"\{([^}]*)\}", body):
            for f in form.split():
                fw = f.lstrip("+").rstrip("_").lower().split("_")[0]
                if fw and fw != verb:
                    forms[fw] = verb
        # Bare verbs are not used: a verb alone carries its block's default
        # code ("GIVE" -> 060, "ISSUE" -> 060), which measured on the PLOVER
        # gold standard adds more false events than true ones.
    return records, forms


def convert_table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*(\d{3,4}):\s*([^#]*)", line)
            if not m:
                continue
            fields = [x.strip() for x in m.group(2).split(",")]
            while len(fields) < 3:
                fields.append("")
            code, kind, mode = m.group(1), fields[0].upper(), fields[1].strip().lower()
            context = ", ".join(x.strip() for x in ",".join(fields[2:]).replace(";", ",").split(",") if x.strip())
            if kind == "REQUEST":
                kind = "DEMAND"
            elif kind == "ACCUSE":
                kind = "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
            elif kind == "ASSAULT" and code.startswith("19"):
                kind = "FIGHT"
            elif kind == "COERCE" and code == "163":
                kind = "SANCTION"
            if mode in {"investigate", "disapprove"}:
                mode = ""
            rows.append((code, kind, mode.replace(" ", "") or "-", context or "-"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbs")
    ap.add_argument("--table")
    ap.add_argument("out")
    args = ap.parse_args()
    out = [HEADER]
    if args.table and os.path.exists(args.table):
        rows = convert_table(args.table)
        out.append(f"source\tcameo2plover\t{len(rows)} CAMEO codes ({os.path.basename(args.table)})")
        out += ["\t".join(("plover",) + r) for r in sorted(rows)]
    if args.verbs and os.path.exists(args.verbs):
        records, forms = convert_verbs(args.verbs)
        out.append(f"source\tcameo-verbs\t{len(records)} patterns ({os.path.basename(args.verbs)})")
        out += [f"form\t{w}\t{l}" for w, l in sorted(forms.items())]
        out += [f"verb\t{p}\t{c}\t-\t-\t-\t-" for _, p, c in sorted(records)]
    if len(out) == 1:
        print("build_event_lexicon: nothing to convert", file=sys.stderr)
        return 1
    folder = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".lexicon-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, args.out)
    print(f"build_event_lexicon: wrote {args.out} ({len(out) - 1} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
