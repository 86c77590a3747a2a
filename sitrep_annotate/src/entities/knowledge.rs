//! The entity knowledge base: countries (names, alternate spellings,
//! demonyms), actors (people, organisations, armed groups with CAMEO codes
//! that may be restricted to date ranges), role words with sectors and
//! given names (a cue for people's names), loaded from the compact file
//! `scripts/build_knowledge.py` writes and merged with a small built-in
//! list (international organisations, well-known institutions such as the
//! State Department, role words).
//!
//! Why a line-based text format: it loads in a few milliseconds, it is
//! easy to write fixtures for by hand, and it diffs well. The format is
//! documented in the converter script; this module only reads bytes (the
//! binary reads the file), so the stage does no IO.
//!
//! Loading merges duplicate actors (the Phoenix dictionaries list "UN",
//! "U.N." and "United Nations" as separate entries) and builds the
//! lookup indexes the recogniser uses: normalised name phrase → targets,
//! and surname → people.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use sitrep_model::{EntityKind, Gender};
use thiserror::Error;

use super::misspelling::MisspellingIndex;
use super::text::{self, CALENDAR_WORDS, COMMON_WORDS, GENERIC_INSTITUTION_WORDS};

const HEADER: &str = "sitrep-knowledge\t1";
const BUILTIN: &str = include_str!("builtin.tsv");

/// Why a knowledge base could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum KnowledgeError {
    /// The bytes are not UTF-8.
    #[error("knowledge base is not UTF-8 text")]
    NotUtf8,
    /// The first line is not the expected header.
    #[error("not a sitrep knowledge base (first line {0:?})")]
    BadHeader(String),
    /// A record could not be parsed.
    #[error("knowledge base line {line}: {reason}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// A country.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Preferred English name.
    pub name: String,
    /// Population (ties between countries sharing a short name go to the
    /// larger).
    pub population: u64,
    /// Demonyms ("Congolese").
    pub demonyms: Vec<String>,
    /// Alternate names.
    aliases: Vec<String>,
}

impl Country {
    /// True when one of the country's names has a word opening like
    /// `word` ("Chinese" and "China", "Congolese" and "Congo", "British"
    /// and "Britain"; not "Chinese" and "Hong Kong"): the demonym is
    /// made from this country's name, not merely used for its people.
    pub fn named_like(&self, word: &str) -> bool {
        const STEM: usize = 4;
        let stem: String = word.chars().take(STEM).flat_map(char::to_lowercase).collect();
        if stem.chars().count() < STEM {
            return false;
        }
        std::iter::once(&self.name).chain(&self.aliases).any(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.chars().flat_map(char::to_lowercase).take(STEM).eq(stem.chars()))
        })
    }
}

/// A CAMEO actor code, possibly valid only between two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    /// The code ("KENGOVEDU").
    pub code: String,
    /// First valid day as YYYYMMDD.
    pub start: Option<u32>,
    /// Last valid day as YYYYMMDD.
    pub end: Option<u32>,
}

impl Code {
    fn covers(&self, date: u32) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }

    fn dated(&self) -> bool {
        self.start.is_some() || self.end.is_some()
    }
}

/// A person, organisation or armed group from a dictionary.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    /// Stable key (slug of the dictionary name).
    pub key: String,
    /// Person, organisation or group.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// CAMEO codes.
    pub codes: Vec<Code>,
    /// From the built-in list.
    pub builtin: bool,
}

/// What a name phrase in the index stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A country's name.
    Country(usize),
    /// A country's demonym ("Kenyan", "Kenyans").
    Demonym(usize),
    /// A dictionary actor.
    Actor(usize),
}

/// The countries among `targets`: those it names (`demonyms` false) or
/// those it is a demonym of (`demonyms` true).
pub(crate) fn countries_in(targets: &[Target], demonyms: bool) -> Vec<usize> {
    targets
        .iter()
        .filter_map(|t| match (t, demonyms) {
            (Target::Country(c), false) | (Target::Demonym(c), true) => Some(*c),
            _ => None,
        })
        .collect()
}

/// The dictionary actors among `targets`.
pub(crate) fn actors_in(targets: &[Target]) -> Vec<usize> {
    targets
        .iter()
        .filter_map(|t| match t {
            Target::Actor(a) => Some(*a),
            _ => None,
        })
        .collect()
}

/// The country a name or demonym target stands for.
fn country_of(target: &Target) -> Option<usize> {
    match target {
        Target::Country(c) | Target::Demonym(c) => Some(*c),
        Target::Actor(_) => None,
    }
}

/// A map looked up by word or phrase per token: hashed with a fixed seed
/// (foldhash, much cheaper than SipHash on short keys), never iterated
/// where the order shows.
type WordMap<V> = HashMap<String, V, FixedState>;

/// A set of words or phrases looked up per token (see [`WordMap`]).
type WordSet = HashSet<String, FixedState>;

/// Countries, actors and role words for entity recognition, with indexes.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub(crate) countries: Vec<Country>,
    pub(crate) actors: Vec<Actor>,
    roles: WordMap<String>,
    names: WordMap<Vec<Target>>,
    /// Every start of a name phrase that ends before a space ("u.s.",
    /// "u.s. secretary" of "u.s. secretary of state"): a phrase that is
    /// none of these starts no longer name.
    prefixes: WordSet,
    surnames: WordMap<Vec<usize>>,
    by_iso: WordMap<usize>,
    max_tokens: usize,
    sources: Vec<(String, String)>,
    /// Given names, normalised ("vincent"): a capitalised word pair
    /// opening with one is a person's name.
    given_names: WordSet,
    /// The gender of given names used for one only ("vincent": male).
    given_genders: WordMap<Gender>,
    /// One-word names of one country (names and demonyms), for words one
    /// slip away; built on first use.
    misspelt_countries: OnceLock<MisspellingIndex<Target>>,
    /// Full names of dictionary people, for names one slip away; built on
    /// first use.
    misspelt_people: OnceLock<MisspellingIndex<usize>>,
}

/// The shortest full name of a person, in characters, matched within one
/// edit: long enough that one slip rarely turns one real name into another.
const MISSPELT_PERSON_MIN_CHARS: usize = 12;

/// Records read from one file before indexing.
#[derive(Default)]
struct Records {
    countries: Vec<Country>,
    actors: Vec<Actor>,
    roles: Vec<(String, String)>,
    sources: Vec<(String, String)>,
    given_names: Vec<(String, Option<Gender>)>,
}

impl KnowledgeBase {
    /// The built-in knowledge only: international organisations, a few
    /// well-known institutions and role words, and the countries of the
    /// geocoder's compiled-in country table (names, alternate names,
    /// demonyms). This is what sitrep works from when no knowledge file was
    /// built.
    pub fn builtin() -> Self {
        let mut records = parse(BUILTIN, true).unwrap_or_default();
        records.countries = builtin_countries();
        Self::build(records)
    }

    /// Reads a knowledge file (see `scripts/build_knowledge.py`) and merges
    /// the built-in knowledge into it.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KnowledgeError> {
        let text = std::str::from_utf8(bytes).map_err(|_| KnowledgeError::NotUtf8)?;
        let mut records = parse(text, false)?;
        let builtin = parse(BUILTIN, true).unwrap_or_default();
        records.actors.extend(builtin.actors);
        // The built-in role words are curated: they win over the
        // dictionaries' ("spokesman" is no media actor).
        let curated: std::collections::HashSet<String> =
            builtin.roles.iter().map(|(p, _)| p.clone()).collect();
        records.roles.retain(|(p, _)| !curated.contains(p));
        records.roles.extend(builtin.roles);
        records.sources.extend(builtin.sources);
        Ok(Self::build(records))
    }

    /// True when the Phoenix/CAMEO actor dictionaries went into this
    /// knowledge base (without them people and groups come from text cues
    /// only).
    pub fn has_actor_dictionaries(&self) -> bool {
        self.sources.iter().any(|(name, _)| name == "phoenix")
    }

    /// True when `norm` (a normalised word) is a given name the knowledge
    /// base lists.
    pub(crate) fn is_given_name(&self, norm: &str) -> bool {
        self.given_names.contains(norm)
    }

    /// The gender of given name `norm` (normalised), when the knowledge
    /// base lists it for one gender only.
    pub(crate) fn given_name_gender(&self, norm: &str) -> Option<Gender> {
        self.given_genders.get(norm).copied()
    }

    /// True when `norm` is a given name that names a country only by one
    /// of its alternate names ("Maurice", French for Mauritius;
    /// "Dominique"), never by its English name or demonym: opening a
    /// capitalised pair, it is a person's first name ("Maurice Cheeks").
    pub(crate) fn given_name_over_country_alias(&self, norm: &str) -> bool {
        let targets = self.lookup(norm);
        self.is_given_name(norm)
            && !targets.is_empty()
            && targets.iter().all(|t| match t {
                Target::Country(c) => text::phrase_key(&self.countries[*c].name) != norm,
                _ => false,
            })
    }

    /// Number of countries.
    pub fn country_count(&self) -> usize {
        self.countries.len()
    }

    /// Number of actors (after merging duplicates).
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    /// The sources named in the file, as (name, detail) pairs.
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// The preferred name of the country with ISO 3166-1 alpha-3 `iso3`.
    pub fn country_name(&self, iso3: &str) -> Option<&str> {
        self.by_iso.get(iso3).map(|&i| self.countries[i].name.as_str())
    }

    /// The index of the country with ISO 3166-1 alpha-3 `iso3`.
    pub(crate) fn country_index(&self, iso3: &str) -> Option<usize> {
        self.by_iso.get(iso3).copied()
    }

    /// The population of the country with ISO 3166-1 alpha-3 `iso3` (0
    /// when unknown).
    pub(crate) fn country_population(&self, iso3: &str) -> u64 {
        self.by_iso.get(iso3).map_or(0, |&i| self.countries[i].population)
    }

    /// Targets of a normalised name phrase.
    pub(crate) fn lookup(&self, key: &str) -> &[Target] {
        self.names.get(key).map_or(&[], Vec::as_slice)
    }

    /// The country a one-word key names or is a demonym of when the key is
    /// no name but one slip from names of that one country ("ethopia",
    /// "isreali"); see [`MisspellingIndex`].
    pub(crate) fn misspelt_country(&self, key: &str) -> Option<Target> {
        self.misspelt_countries
            .get_or_init(|| {
                MisspellingIndex::new(self.sorted_names(|key, targets| match targets {
                    [t @ (Target::Country(_) | Target::Demonym(_))] if !key.contains(' ') => Some(*t),
                    _ => None,
                }))
            })
            .lookup_by(key, |a, b| country_of(a) == country_of(b))
            .copied()
    }

    /// The dictionary person a full-name key (two words or more) stands for
    /// when it is no name but one slip from that person's ("francois
    /// mitterand"); see [`MisspellingIndex`]. A slip into another given
    /// name is another person ("Andrew Lopez" is not Andres Lopez).
    pub(crate) fn misspelt_person(&self, key: &str) -> Option<usize> {
        let found = self.misspelt_person_any(key)?;
        let own = text::phrase_key(&self.actors[found].name);
        let own: Vec<&str> = own.split(' ').collect();
        key.split(' ')
            .all(|w| own.contains(&w) || !self.is_given_name(w))
            .then_some(found)
    }

    fn misspelt_person_any(&self, key: &str) -> Option<usize> {
        if key.chars().count() < MISSPELT_PERSON_MIN_CHARS || !key.contains(' ') {
            return None;
        }
        self.misspelt_people
            .get_or_init(|| {
                MisspellingIndex::new(self.sorted_names(|key, targets| match targets {
                    [Target::Actor(a)]
                        if self.actors[*a].kind == EntityKind::Person
                            && key.contains(' ')
                            && key.chars().count() >= MISSPELT_PERSON_MIN_CHARS =>
                    {
                        Some(*a)
                    }
                    _ => None,
                }))
            })
            .lookup(key)
            .copied()
    }

    /// The indexed name keys `pick` keeps, with what it makes of their
    /// targets, in key order (the index is the same on every run).
    fn sorted_names<T>(&self, pick: impl Fn(&str, &[Target]) -> Option<T>) -> Vec<(String, T)> {
        let mut out: Vec<(String, T)> = self
            .names
            .iter()
            .filter_map(|(key, targets)| pick(key, targets).map(|t| (key.clone(), t)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// True when some name phrase continues `key` after a space.
    pub(crate) fn starts_longer_name(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// The longest name phrase in tokens.
    pub(crate) fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// People whose last name is `norm`.
    pub(crate) fn people_by_surname(&self, norm: &str) -> &[usize] {
        self.surnames.get(norm).map_or(&[], Vec::as_slice)
    }

    /// True when `phrase` (lowercase words) is a role word as listed.
    pub(crate) fn is_role(&self, phrase: &str) -> bool {
        self.roles.contains_key(phrase)
    }

    /// The sector of a role phrase ("foreign minister" → GOV), trying the
    /// phrase, its singular and its last word. `Some("")` for known roles
    /// without a sector.
    pub(crate) fn role_sector(&self, phrase: &str) -> Option<&str> {
        let singular = phrase.strip_suffix('s').filter(|s| !s.ends_with('s'));
        let last = phrase.rsplit(' ').next().unwrap_or(phrase);
        [Some(phrase), singular, Some(last)]
            .into_iter()
            .flatten()
            .find_map(|p| self.roles.get(p))
            .map(String::as_str)
    }

    /// The country and sector of `actor`'s code on `date` ([`Self::code_at`]
    /// split by [`Self::split_code`]); `(None, None)` without a code.
    pub(crate) fn country_and_sector_at(
        &self,
        actor: usize,
        date: Option<u32>,
    ) -> (Option<String>, Option<String>) {
        self.code_at(actor, date)
            .map(|code| self.split_code(&code.code))
            .unwrap_or((None, None))
    }

    /// The code of `actor` valid on `date` (YYYYMMDD): one whose range
    /// covers the date, else an undated one, else the latest range. Without
    /// a date: an open-ended or undated code, else the latest.
    pub(crate) fn code_at(&self, actor: usize, date: Option<u32>) -> Option<&Code> {
        let codes = &self.actors.get(actor)?.codes;
        if let Some(c) = date.and_then(|d| codes.iter().find(|c| c.dated() && c.covers(d))) {
            return Some(c);
        }
        let open = codes
            .iter()
            .filter(|c| c.start.is_some() && c.end.is_none())
            .max_by_key(|c| c.start);
        let undated = codes.iter().find(|c| !c.dated());
        let latest = codes.iter().max_by_key(|c| c.end.or(c.start));
        match date {
            Some(_) => undated.or(latest),
            None => open.or(undated).or(latest),
        }
    }

    /// True when every dated code of `actor` ended before `date` and an
    /// undated one says what they have been since.
    pub(crate) fn retired_by(&self, actor: usize, date: u32) -> bool {
        self.actors.get(actor).is_some_and(|a| {
            let mut dated = a.codes.iter().filter(|c| c.dated()).peekable();
            dated.peek().is_some()
                && dated.all(|c| c.end.is_some_and(|e| e < date))
                && a.codes.iter().any(|c| !c.dated())
        })
    }

    /// True when `actor` has a code valid on `date`.
    pub(crate) fn active_on(&self, actor: usize, date: u32) -> bool {
        self.actors
            .get(actor)
            .is_some_and(|a| a.codes.iter().any(|c| c.dated() && c.covers(date)))
    }

    /// Country (ISO3) and sector of a CAMEO code: "KENGOVEDU" → (KEN, GOV),
    /// "IGOUNO" → (none, IGO), "PSEREBHMS" → (PSE, REB).
    pub(crate) fn split_code(&self, code: &str) -> (Option<String>, Option<String>) {
        const PRIMARY: &[&str] = &[
            "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
        ];
        const SECONDARY: &[&str] = &[
            "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "MOD",
            "RAD", "REF", "REL",
        ];
        let chunks: Vec<&str> = (0..code.len() / 3)
            .filter_map(|i| code.get(i * 3..i * 3 + 3))
            .collect();
        let Some(first) = chunks.first() else {
            return (None, None);
        };
        match *first {
            "IGO" | "NGO" | "MNC" => {
                let country = chunks
                    .get(1)
                    .filter(|c| self.by_iso.contains_key(**c))
                    .map(|c| c.to_string());
                return (country, Some(first.to_string()));
            }
            // An international militarized group (al-Qaeda): of no one
            // country, and not to be given the country of its article.
            "IMG" => return (None, Some("IMG".to_string())),
            _ => {}
        }
        let (country, rest) = if self.by_iso.contains_key(*first) {
            (Some(first.to_string()), &chunks[1..])
        } else if PRIMARY.contains(first) || SECONDARY.contains(first) {
            (None, &chunks[..])
        } else {
            (None, &chunks[1..])
        };
        let sector = rest
            .iter()
            .find(|c| PRIMARY.contains(c))
            .or_else(|| rest.iter().find(|c| SECONDARY.contains(c)))
            .map(|c| match *c {
                "INS" | "SEP" => "REB".to_string(),
                other => other.to_string(),
            });
        (country, sector)
    }

    fn build(records: Records) -> Self {
        let Records {
            countries,
            actors,
            roles,
            sources,
            given_names,
        } = records;
        let given_genders = given_names
            .iter()
            .filter_map(|(n, g)| Some((text::normalise_word(n), (*g)?)))
            .collect();
        let mut kb = Self {
            by_iso: countries
                .iter()
                .enumerate()
                .map(|(i, c)| (c.iso3.clone(), i))
                .collect(),
            countries,
            actors: merge_actors(actors.into_iter().map(without_generic_aliases).collect()),
            roles: roles.into_iter().collect(),
            names: WordMap::default(),
            prefixes: WordSet::default(),
            surnames: WordMap::default(),
            max_tokens: 1,
            sources,
            given_names: given_names.iter().map(|(n, _)| text::normalise_word(n)).collect(),
            given_genders,
            misspelt_countries: OnceLock::new(),
            misspelt_people: OnceLock::new(),
        };
        kb.index();
        kb
    }

    fn add_name(&mut self, key: String, target: Target) {
        if key.is_empty() {
            return;
        }
        self.max_tokens = self.max_tokens.max(key.split(' ').count());
        for (at, _) in key.match_indices(' ') {
            if !self.prefixes.contains(&key[..at]) {
                self.prefixes.insert(key[..at].to_owned());
            }
        }
        let targets = self.names.entry(key).or_default();
        if !targets.contains(&target) {
            targets.push(target);
        }
    }

    fn index(&mut self) {
        let countries = std::mem::take(&mut self.countries);
        for (i, c) in countries.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                self.add_name(text::phrase_key(name), Target::Country(i));
            }
            // A noun for one of the people ("Turk", "Swede", "Briton"),
            // listed among the aliases, names the people in the plural.
            for alias in c.aliases.iter().filter(|a| person_noun(a, c)) {
                self.add_name(format!("{}s", text::phrase_key(alias)), Target::Demonym(i));
            }
            for d in &c.demonyms {
                let key = text::phrase_key(d);
                let plural = if ["s", "sh", "ch", "ese", "x", "z"]
                    .iter()
                    .any(|e| key.ends_with(e))
                {
                    None
                } else {
                    Some(format!("{key}s"))
                };
                self.add_name(key, Target::Demonym(i));
                if let Some(p) = plural {
                    self.add_name(p, Target::Demonym(i));
                }
            }
        }
        // A last word shared by several countries' names ("Congo" in "DR
        // Congo" and "Republic of the Congo", "Korea") names either of
        // them, unless it is a country's own name ("Sudan", "Guinea").
        // Capitals among the aliases end in "City" ("Mexico City",
        // "Kuwait City"): "City Council" names no country.
        const GENERIC_LAST: &[&str] = &[
            "africa",
            "america",
            "arabia",
            "city",
            "cumhuriyeti",
            "desert",
            "emirates",
            "federation",
            "française",
            "island",
            "islands",
            "isles",
            "kingdom",
            "part",
            "rep",
            "republic",
            "republika",
            "states",
            "territories",
            "territory",
        ];
        let primary: std::collections::HashSet<String> =
            countries.iter().map(|c| text::phrase_key(&c.name)).collect();
        let mut last_words: std::collections::BTreeMap<String, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, c) in countries.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                let key = text::phrase_key(name);
                let Some((_, last)) = key.rsplit_once(' ') else {
                    continue;
                };
                if last.len() > 2 && !GENERIC_LAST.contains(&last) && !primary.contains(last) {
                    let list = last_words.entry(last.to_string()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        for (word, list) in last_words {
            if list.len() >= 2 {
                for i in list {
                    self.add_name(word.clone(), Target::Country(i));
                }
            }
        }
        self.countries = countries;

        let actors = std::mem::take(&mut self.actors);
        for (i, a) in actors.iter().enumerate() {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                let key = text::phrase_key(name);
                if !indexable(&key, a) {
                    continue;
                }
                if a.kind == EntityKind::Person && plain_person_name(&key) {
                    let words: Vec<&str> = key.split(' ').collect();
                    if let Some(first) = words.first() {
                        if words.len() >= 3 {
                            for later in &words[1..] {
                                self.add_name(format!("{first} {later}"), Target::Actor(i));
                            }
                        }
                        if name == &a.name {
                            // Every name word after the first may be the
                            // surname the text uses ("Kabila" of "Joseph
                            // Kabila Kabange").
                            for w in words
                                .iter()
                                .skip(1)
                                .filter(|w| !text::is_in(text::NAME_PARTICLES, w))
                            {
                                let list = self.surnames.entry((*w).to_string()).or_default();
                                if !list.contains(&i) {
                                    list.push(i);
                                }
                            }
                        }
                    }
                }
                // "a Tamil Tiger base", "Red Brigade members": a group
                // named in the plural, used as a modifier in the singular.
                if a.kind == EntityKind::Group
                    && let Some((head, last)) = key.rsplit_once(' ')
                    && let Some(one) = last
                        .strip_suffix('s')
                        .filter(|w| w.len() >= 3 && !w.ends_with('s'))
                {
                    self.add_name(format!("{head} {one}"), Target::Actor(i));
                }
                self.add_name(key, Target::Actor(i));
            }
        }
        self.actors = actors;
    }
}

/// True when a country's alias is a noun for one of its people: one
/// capitalised word, shorter than one of the country's demonyms and
/// sharing its first four letters ("Turk" and "Turkish", "Swede" and
/// "Swedish", "Briton" and "British"), whose plural adds an s and is not
/// already a name of the country ("Bahama"). Names of the land ending in
/// -a ("America" beside "American") are no people.
fn person_noun(alias: &str, country: &Country) -> bool {
    let mut chars = alias.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    let stem: String = alias.chars().take(4).collect();
    let plural = format!("{alias}s");
    capitalised
        && stem.chars().count() == 4
        && !alias.ends_with(['a', 's', 'x', 'z'])
        && country
            .demonyms
            .iter()
            .any(|d| d.len() > alias.len() && d.starts_with(&stem))
        && std::iter::once(&country.name)
            .chain(&country.aliases)
            .all(|n| *n != plural)
}

/// True when a person's name is only a name: no title, role or
/// institution words ("Secretary-General Ban Ki-moon" is not), so that
/// shortened forms (first and last name) may be derived from it.
fn plain_person_name(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            !text::is_in(text::TITLE_HEADS, w)
                && !text::is_in(text::TITLE_MODIFIERS, w)
                && !text::is_in(GENERIC_INSTITUTION_WORDS, w)
                && !text::is_in(COMMON_WORDS, w)
                && text::lookup(text::ORG_HEADS, w).is_none()
        })
}

/// Whether a name of `actor` goes into the index: people need two words
/// (unless the built-in list gives the one word: "Hemedti", "Pope"),
/// single words must not be frequent English words, and generic
/// institution names ("National Assembly") need the built-in list's say.
fn indexable(key: &str, actor: &Actor) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() == 1 {
        if actor.kind == EntityKind::Person && !actor.builtin {
            return false;
        }
        let w = words[0];
        if text::is_in(COMMON_WORDS, w) || text::is_in(CALENDAR_WORDS, w) || w.len() < 2 {
            return false;
        }
    }
    if !actor.builtin && words.iter().all(|w| text::is_in(GENERIC_INSTITUTION_WORDS, w)) {
        return false;
    }
    true
}

/// `actor` without the dictionary aliases made of generic institution
/// words only ("SENATE" of the US Congress), which would name every
/// country's institution; the built-in list's are kept. Dropped before
/// merging, so that a built-in entry does not vouch for them.
fn without_generic_aliases(mut actor: Actor) -> Actor {
    if !actor.builtin {
        actor.aliases.retain(|alias| {
            !alias
                .split_whitespace()
                .all(|w| text::is_in(GENERIC_INSTITUTION_WORDS, &text::normalise_word(w)))
        });
    }
    actor
}

/// Merges actors that are one body listed several times: same kind and
/// either a shared name or one named by the other's initials ("UN" and
/// "United Nations"), when their first codes agree (or one is built in).
fn merge_actors(actors: Vec<Actor>) -> Vec<Actor> {
    let n = actors.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let prefix = |a: &Actor| -> String {
        let code = a.codes.first().map_or("", |c| c.code.as_str());
        let len = if a.kind == EntityKind::Person { 3 } else { 6 };
        code.get(..len).unwrap_or(code).to_string()
    };
    let union = |parent: &mut Vec<usize>, i: usize, j: usize| {
        let (ri, rj) = (find(parent, i), find(parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    };
    // Shared names.
    let mut seen: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let mut keys: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|s| text::phrase_key(s))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            if key.is_empty() || (a.kind == EntityKind::Person && !key.contains(' ')) {
                continue;
            }
            let others = seen.entry((a.kind, key)).or_default();
            for &j in others.iter() {
                let b = &actors[j];
                if a.builtin || b.builtin || prefix(a) == prefix(b) {
                    union(&mut parent, i, j);
                }
            }
            others.push(i);
        }
    }
    // A body named by another's initials ("UN" and "United Nations"), when
    // their codes agree.
    for (i, a) in actors.iter().enumerate() {
        if a.kind == EntityKind::Person {
            continue;
        }
        let key = text::phrase_key(&a.name);
        let significant: Vec<&str> = key
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in"))
            .collect();
        if significant.len() < 2 {
            continue;
        }
        let initials: String = significant.iter().filter_map(|w| w.chars().next()).collect();
        let matches: Vec<usize> = seen.get(&(a.kind, initials)).cloned().unwrap_or_default();
        for j in matches {
            if prefix(a) == prefix(&actors[j]) {
                union(&mut parent, i, j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut merged = Vec::with_capacity(groups.len());
    for members in groups.values() {
        let rep = members
            .iter()
            .copied()
            .max_by(|&x, &y| {
                let (a, b) = (&actors[x], &actors[y]);
                a.builtin
                    .cmp(&b.builtin)
                    .then(
                        text::phrase_key(&a.name)
                            .len()
                            .cmp(&text::phrase_key(&b.name).len()),
                    )
                    .then(b.key.cmp(&a.key))
            })
            .unwrap_or(members[0]);
        let mut actor = actors[rep].clone();
        for &m in members {
            if m == rep {
                continue;
            }
            let other = &actors[m];
            for name in std::iter::once(&other.name).chain(&other.aliases) {
                if name != &actor.name && !actor.aliases.contains(name) {
                    actor.aliases.push(name.clone());
                }
            }
            for code in &other.codes {
                if !actor.codes.contains(code) {
                    actor.codes.push(code.clone());
                }
            }
        }
        merged.push(actor);
    }
    merged
}

fn parse(text: &str, builtin: bool) -> Result<Records, KnowledgeError> {
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l.trim_end_matches('\r')).unwrap_or("");
    if header != HEADER {
        return Err(KnowledgeError::BadHeader(header.chars().take(60).collect()));
    }
    let mut records = Records::default();
    for (n, raw) in lines {
        let line = raw.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let bad = |reason: &str| KnowledgeError::BadLine {
            line: n + 1,
            reason: reason.to_string(),
        };
        match fields[0] {
            "source" => {
                let name = fields.get(1).ok_or_else(|| bad("source needs a name"))?;
                records
                    .sources
                    .push((name.to_string(), fields.get(2).unwrap_or(&"").to_string()));
            }
            "country" => {
                if fields.len() != 6 {
                    return Err(bad("country needs 6 fields"));
                }
                let iso3 = fields[1];
                if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(bad("country code must be 3 capital letters"));
                }
                let population = fields[2]
                    .parse()
                    .map_err(|_| bad("population must be a number"))?;
                if fields[3].is_empty() {
                    return Err(bad("country needs a name"));
                }
                records.countries.push(Country {
                    iso3: iso3.to_string(),
                    name: fields[3].to_string(),
                    population,
                    aliases: list(fields[4]),
                    demonyms: list(fields[5]),
                });
            }
            "actor" => {
                if fields.len() != 6 {
                    return Err(bad("actor needs 6 fields"));
                }
                let kind = match fields[2] {
                    "person" => EntityKind::Person,
                    "organization" => EntityKind::Organization,
                    "group" => EntityKind::Group,
                    _ => return Err(bad("actor kind must be person, organization or group")),
                };
                if fields[1].is_empty() || fields[3].is_empty() {
                    return Err(bad("actor needs a key and a name"));
                }
                let codes = fields[5]
                    .split('|')
                    .filter(|c| !c.is_empty())
                    .map(|c| parse_code(c).ok_or_else(|| bad("bad code")))
                    .collect::<Result<Vec<_>, _>>()?;
                records.actors.push(Actor {
                    key: fields[1].to_string(),
                    kind,
                    name: fields[3].to_string(),
                    aliases: list(fields[4]),
                    codes,
                    builtin,
                });
            }
            "role" => {
                if fields.len() != 3 || fields[1].is_empty() {
                    return Err(bad("role needs a phrase and a sector"));
                }
                records.roles.push((fields[1].to_string(), fields[2].to_string()));
            }
            "given" => {
                if !(2..=3).contains(&fields.len()) || fields[1].is_empty() {
                    return Err(bad("given needs a name"));
                }
                let gender = match fields.get(2).copied() {
                    None | Some("") => None,
                    Some("M") => Some(Gender::Male),
                    Some("F") => Some(Gender::Female),
                    Some(_) => return Err(bad("a given name's gender is M or F")),
                };
                records.given_names.push((fields[1].to_string(), gender));
            }
            // Unknown record types are skipped so newer files still load.
            _ => {}
        }
    }
    Ok(records)
}

fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().to_string())
        .collect()
}

fn parse_code(field: &str) -> Option<Code> {
    let mut parts = field.split(':');
    let code = parts.next()?;
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let date = |s: Option<&str>| -> Option<Option<u32>> {
        match s {
            None | Some("") => Some(None),
            Some(d) if d.len() == 8 => d.parse().ok().map(Some),
            Some(_) => None,
        }
    };
    let start = date(parts.next())?;
    let end = date(parts.next())?;
    if parts.next().is_some() {
        return None;
    }
    Some(Code {
        code: code.to_string(),
        start,
        end,
    })
}

/// The geocoder's compiled-in country table (`geocode/builtin.tsv`).
const BUILTIN_COUNTRY_TABLE: &str = include_str!("../geocode/builtin.tsv");

/// Countries of the compiled-in table, in table order.
fn builtin_countries() -> Vec<Country> {
    BUILTIN_COUNTRY_TABLE
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            if f.get(1) != Some(&"country") {
                return None;
            }
            let list = |i: usize| -> Vec<String> {
                f.get(i)
                    .map(|v| {
                        v.split('|')
                            .filter(|x| !x.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Some(Country {
                iso3: (*f.get(2)?).to_owned(),
                name: (*f.get(8)?).to_owned(),
                population: f.get(7).and_then(|p| p.parse().ok()).unwrap_or(0),
                demonyms: list(10),
                aliases: list(9),
            })
        })
        .collect()
}
