//! Candidate mentions: every way a stretch of tokens may name an entity,
//! found by knowledge-base lookups and text cues, then reduced to a set of
//! non-overlapping mentions (longest claim first, then the more reliable
//! source).
//!
//! Sources of candidates, most reliable first:
//! - a title before a capitalised name ("Kenyan President William Ruto",
//!   "rebel leader Jane Doe", "Gen. Sultani"): a person with a role;
//! - knowledge-base names: countries, their alternate spellings and
//!   demonyms, dictionary actors ("UN Security Council", "Al-Shabaab");
//! - a country followed by an institution noun ("Rwanda's military",
//!   "Congolese troops"): that country's military, government, police;
//! - a capitalised name followed by a group noun ("M23 rebels") or after
//!   "rebel group": an armed group;
//! - capitalised names around an organisation head word ("Ministry of
//!   Defence", "Human Rights Watch");
//! - places the geocoder resolved;
//! - a capitalised two- to four-word name next to a verb of saying or an
//!   appositive role ("Jane Doe said", "Jane Doe, the army spokeswoman,"):
//!   a person.
//!
//! Capitalisation alone never makes an entity: sentence starts, headline
//! words, months and days are not names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use foldhash::fast::FixedState;

use sitrep_model::{EntityKind, PlaceMention};

use super::knowledge::{KnowledgeBase, Target, actors_in, countries_in};
use super::text::{
    self, CALENDAR_WORDS, COMMON_WORDS, CONNECTORS, GENERIC_INSTITUTION_WORDS, GROUP_DESCRIPTION_HEADS,
    GROUP_HEADS, GROUP_NOUNS, HONORIFICS, INSTITUTION_ADJECTIVES, INSTITUTION_NOUNS, Join, Kind,
    LOCAL_INSTITUTION_HEADS, NAME_PARTICLES, NON_NAME_WORDS, ORG_HEADS, PLACE_HEADS, PORTFOLIO_WORDS,
    REBEL_CUES, SPEECH_VERBS, TITLE_ABBREVIATIONS, TITLE_ADJECTIVES, TITLE_HEADS, TITLE_MODIFIERS, Token,
};

/// The words a title can start with (its adjectives, heads and
/// modifiers): [`Recognizer::title_at`] asks at every word, and one lookup
/// here turns most away before the lists are searched.
static TITLE_STARTS: LazyLock<HashSet<&'static str, FixedState>> = LazyLock::new(|| {
    TITLE_ADJECTIVES
        .iter()
        .chain(TITLE_HEADS)
        .chain(TITLE_MODIFIERS)
        .copied()
        .collect()
});

/// What a candidate names, before canonical ids are assigned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Referent {
    /// One of these countries (several when the name is shared, "Congo").
    Country(Vec<usize>),
    /// A dictionary actor.
    Actor(usize),
    /// A person found by text cues, with the name's normalised words.
    Person(Vec<String>),
    /// A single capitalised word after a title: a surname to resolve.
    Surname(String),
    /// An organisation or group found by text cues.
    Body {
        /// The name as written (without a leading "the").
        name: String,
        /// Organisation or group.
        kind: EntityKind,
        /// Sector from the head word or the cue.
        sector: Option<String>,
        /// True when the name is made of generic institution words only
        /// ("Foreign Ministry") and so belongs to its country.
        generic: bool,
    },
    /// A country's institution ("Rwanda's military").
    Institution {
        /// The country (several when the demonym is shared).
        countries: Vec<usize>,
        /// CAMEO sector.
        sector: &'static str,
        /// The noun used in the entity's name ("military").
        noun: &'static str,
    },
    /// A place resolved by the geocoder.
    Place {
        /// GeoNames id.
        geonames_id: u64,
        /// Name as written.
        name: String,
        /// ISO3 country.
        country: Option<String>,
    },
}

/// A possible mention.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Tokens `[start, end)` this reading uses (the title of a titled name,
    /// the noun of "M23 rebels").
    pub claim: (usize, usize),
    /// Byte span of the naming text.
    pub span: (usize, usize),
    /// What it names.
    pub referent: Referent,
    /// Reliability of the source (higher wins between equal claims).
    pub priority: u8,
    /// Role the text gives (lowercase).
    pub role: Option<String>,
    /// Country the text gives for it (index into the countries).
    pub country_hint: Option<Vec<usize>>,
    /// Sector the text gives for it.
    pub sector_hint: Option<String>,
    /// True when the span is a name (it may become an alias).
    pub is_name: bool,
}

/// Priorities of the candidate sources.
pub(crate) mod priority {
    /// A titled name.
    pub const TITLED: u8 = 6;
    /// A dictionary actor, an institution phrase or a named group.
    pub const KNOWN: u8 = 5;
    /// A country name or demonym.
    pub const COUNTRY: u8 = 4;
    /// An organisation name found by its head word.
    pub const BODY: u8 = 3;
    /// A geocoded place.
    pub const PLACE: u8 = 2;
    /// A name found by a verb of saying or an appositive.
    pub const CUE: u8 = 1;
    /// A word one slip from a country's name or demonym.
    pub const MISSPELT: u8 = 0;
}

/// Words for a government named after its leader ("the Bush
/// administration"). Sorted.
const LEADER_GOVERNMENTS: &[&str] = &["administration", "cabinet", "government", "regime"];

/// A title before a name or on its own.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    /// First token.
    pub start: usize,
    /// One past the last token (after an abbreviation's period).
    pub end: usize,
    /// The role words, lowercase, abbreviations expanded; `None` for
    /// honorifics ("Mr.").
    pub role: Option<String>,
    /// The title says the office is past ("former", "ousted").
    pub former: bool,
}

/// The recogniser's view of one text.
pub(crate) struct Recognizer<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub kb: &'a KnowledgeBase,
    pub date: Option<u32>,
    /// Sentence number of each token.
    pub sentence_of: Vec<usize>,
}

impl<'a> Recognizer<'a> {
    /// Tokenizes `text`; `sentence_starts` are byte offsets of sentences.
    pub fn new(text: &'a str, sentence_starts: &[usize], kb: &'a KnowledgeBase, date: Option<u32>) -> Self {
        let tokens = text::tokenize(text, sentence_starts);
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let mut s = 0;
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.sentence_start {
                s += 1;
            }
            sentence_of.push(s);
        }
        Self {
            text,
            tokens,
            kb,
            date,
            sentence_of,
        }
    }

    /// All candidates, in a deterministic order.
    pub fn candidates(&self, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut dictionary = self.dictionary_candidates();
        dictionary.retain(|c| !self.geocoded_elsewhere(c, places) && !self.inside_water_body_name(c));
        let countries = CountryIndex::new(self.tokens.len(), &dictionary).with_possessives(&self.tokens);
        out.extend(self.titled_candidates(&countries));
        out.extend(self.leader_government_candidates());
        out.extend(self.bare_surname_candidates(&dictionary, places));
        out.extend(self.acting_name_candidates(places));
        out.extend(self.person_object_candidates(places));
        out.extend(self.institution_candidates(&dictionary));
        out.extend(self.group_candidates(places));
        out.extend(self.body_candidates(&dictionary, places));
        out.extend(self.acronym_candidates());
        out.extend(self.place_candidates(places));
        out.extend(self.cue_candidates(&countries, places));
        out.extend(self.misspelt_country_candidates());
        out.extend(dictionary);
        let surnames = self.named_surname_candidates(&out);
        out.extend(surnames);
        out
    }

    /// "Vincent Gigante … In 1957, Gigante shot …": a capitalised word
    /// standing alone that is the surname of a person the text named in
    /// full before it is that person, above a place the geocoder made of
    /// it (a town in Colombia), though not after a preposition of place
    /// ("in Washington") and not above a country's name.
    fn named_surname_candidates(&self, found: &[Candidate]) -> Vec<Candidate> {
        let full_names: Vec<(usize, &str)> = found
            .iter()
            .filter_map(|c| match &c.referent {
                Referent::Person(words) if words.len() >= 2 => Some((c.claim.1, words.last()?.as_str())),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        if full_names.is_empty() {
            return out;
        }
        for (i, t) in self.tokens.iter().enumerate() {
            let alone = (i == 0 || t.join == Join::Break || !self.tokens[i - 1].is_capitalised())
                && self
                    .tokens
                    .get(i + 1)
                    .is_none_or(|n| n.join != Join::Space || !n.is_capitalised());
            let after_locative = i > 0
                && t.join == Join::Space
                && crate::geocode::recognize::LOCATIVE.contains(&self.tokens[i - 1].norm.as_str());
            if !alone
                || after_locative
                || !self.person_word_ok(t)
                || !full_names
                    .iter()
                    .any(|&(end, surname)| end <= i && surname == t.norm)
            {
                continue;
            }
            out.push(Candidate {
                claim: (i, i + 1),
                span: self.span_of(i, i + 1),
                referent: Referent::Surname(t.norm.clone()),
                priority: priority::BODY,
                role: None,
                country_hint: None,
                sector_hint: None,
                is_name: true,
            });
        }
        out
    }

    /// Is `c` a country's name (or demonym) inside the name of a body of
    /// water or a delta ("Niger Delta militants", "the Indian Ocean",
    /// "the Gulf of Guinea"): the feature, not the country.
    fn inside_water_body_name(&self, c: &Candidate) -> bool {
        if !matches!(c.referent, Referent::Country(_)) {
            return false;
        }
        let (start, end) = c.claim;
        let closes = self.tokens.get(end).is_some_and(|t| {
            t.cap && t.join == Join::Space && crate::geocode::WATER_BODY_ENDS.contains(&t.norm.as_str())
        });
        let opens = start >= 2
            && self.tokens[start].join == Join::Space
            && self.tokens[start - 1].norm == "of"
            && self.tokens[start - 1].join == Join::Space
            && self.tokens[start - 2].cap
            && crate::geocode::WATER_BODY_OPENERS.contains(&self.tokens[start - 2].norm.as_str());
        closes || opens
    }

    /// Is `c` a country's name that the geocoder resolved to a place of
    /// another country near which the article names other places of
    /// that country ("Georgia" in a story from Atlanta and Fulton County;
    /// not "Niger's ambassador" beside a mere "Nigerian")?
    fn geocoded_elsewhere(&self, c: &Candidate, places: &[PlaceMention]) -> bool {
        let Referent::Country(countries) = &c.referent else {
            return false;
        };
        let Some(p) = places
            .iter()
            .find(|p| (p.span.start, p.span.end) == c.span && p.geonames_id.is_some())
        else {
            return false;
        };
        let Some(iso) = p.country.as_deref() else {
            return false;
        };
        if countries.iter().any(|&k| self.kb.countries[k].iso3 == iso) {
            return false;
        }
        places.iter().any(|q| {
            let key = text::phrase_key(&q.name);
            q.country.as_deref() == Some(iso)
                && q.geonames_id != p.geonames_id
                && countries_in(self.kb.lookup(&key), true).is_empty()
                && km_between(p, q).is_some_and(|d| d <= NEAR_KM)
        })
    }

    /// Keeps non-overlapping candidates: longest claim first, then higher
    /// priority, then earlier.
    pub fn select(&self, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
        candidates.sort_by(|a, b| {
            let la = a.claim.1 - a.claim.0;
            let lb = b.claim.1 - b.claim.0;
            lb.cmp(&la)
                .then(b.priority.cmp(&a.priority))
                .then(a.claim.0.cmp(&b.claim.0))
        });
        let mut taken = vec![false; self.tokens.len()];
        let mut kept = Vec::new();
        for c in candidates {
            if c.claim.0 >= c.claim.1 || c.claim.1 > taken.len() {
                continue;
            }
            if taken[c.claim.0..c.claim.1].iter().any(|t| *t) {
                continue;
            }
            taken[c.claim.0..c.claim.1].iter_mut().for_each(|t| *t = true);
            kept.push(c);
        }
        kept.sort_by_key(|c| (c.span.0, c.span.1));
        kept
    }

    fn span_of(&self, start: usize, end: usize) -> (usize, usize) {
        (self.tokens[start].start, self.tokens[end - 1].end)
    }

    fn word(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i).filter(|t| t.is_word())
    }

    /// The token after `i` when it continues a phrase (same line, only a
    /// space or a hyphen in between).
    fn continues(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| (t.is_word() && t.join != Join::Break) || t.kind == Kind::Possessive)
    }

    // ------------------------------------------------------------ dictionary

    /// Knowledge-base names starting at each token.
    fn dictionary_candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        let max = self.kb.max_tokens();
        for i in 0..self.tokens.len() {
            if !self.tokens[i].is_word() {
                continue;
            }
            let mut end = i + 1;
            let mut key = self.tokens[i].norm.clone();
            // Phrase ends and key lengths; a phrase no name continues is
            // not extended (no longer key could match).
            let mut keys = vec![(end, key.len())];
            while end < self.tokens.len()
                && end - i < max
                && self.continues(end)
                && self.kb.starts_longer_name(&key)
            {
                key.push(' ');
                key.push_str(&self.tokens[end].norm);
                end += 1;
                keys.push((end, key.len()));
            }
            // Every length that matches: a long dictionary phrase ("U.S.
            // Secretary of State") may lose to a titled name, and its first
            // word ("U.S.") must still be there.
            for (end, len) in keys.into_iter().rev() {
                let targets = self.kb.lookup(key.get(..len).unwrap_or_default());
                if targets.is_empty() || !self.name_case_ok(i, end) {
                    continue;
                }
                out.extend(self.dictionary_candidate(i, end, targets));
            }
        }
        out
    }

    fn dictionary_candidate(&self, start: usize, end: usize, targets: &[Target]) -> Option<Candidate> {
        let countries = countries_in(targets, false);
        let demonyms = countries_in(targets, true);
        let actors = actors_in(targets);
        let (referent, priority, is_name) = if !countries.is_empty() {
            (Referent::Country(countries), priority::COUNTRY, true)
        } else if !demonyms.is_empty() {
            (Referent::Country(demonyms), priority::COUNTRY, false)
        } else {
            let actor = self.best_actor(&actors, None, None)?;
            if end - start == 1 && self.tokens[start].sentence_start && !self.tokens[start].upper {
                // A lone capitalised word opening a sentence is weak
                // evidence, unless the built-in list vouches for it as a
                // person's one-word name ("Hemedti rejected the talks").
                let known = &self.kb.actors[actor];
                if known.kind == EntityKind::Person && !known.builtin {
                    return None;
                }
            }
            (Referent::Actor(actor), priority::KNOWN, true)
        };
        Some(Candidate {
            claim: (start, end),
            span: self.span_of(start, end),
            referent,
            priority,
            role: None,
            country_hint: None,
            sector_hint: None,
            is_name,
        })
    }

    /// Picks among dictionary actors sharing a name: those active on the
    /// publication date, then those of the country the text gives, then the
    /// first. `kind` restricts the choice.
    pub fn best_actor(
        &self,
        actors: &[usize],
        kind: Option<EntityKind>,
        country: Option<&[usize]>,
    ) -> Option<usize> {
        let pool: Vec<usize> = actors
            .iter()
            .copied()
            .filter(|&a| kind.is_none_or(|k| self.kb.actors[a].kind == k))
            .collect();
        let active: Vec<usize> = match self.date {
            Some(d) => pool
                .iter()
                .copied()
                .filter(|&a| self.kb.active_on(a, d))
                .collect(),
            None => Vec::new(),
        };
        let pool = if active.is_empty() { pool } else { active };
        if let Some(countries) = country {
            let isos: Vec<&str> = countries
                .iter()
                .map(|&c| self.kb.countries[c].iso3.as_str())
                .collect();
            if let Some(a) = pool.iter().copied().find(|&a| {
                let code = self
                    .kb
                    .code_at(a, self.date)
                    .map(|c| c.code.as_str())
                    .unwrap_or("");
                isos.iter().any(|iso| code.starts_with(iso))
            }) {
                return Some(a);
            }
        }
        pool.first().copied()
    }

    /// Capitalisation a name needs: every word capitalised except
    /// connectors inside it and hyphenated continuations; words of up to
    /// three letters in capitals ("US", "UN", not "us").
    pub fn name_case_ok(&self, start: usize, end: usize) -> bool {
        let n = end - start;
        for k in start..end {
            let t = &self.tokens[k];
            match t.kind {
                Kind::Punct(_) => return false,
                Kind::Possessive => {
                    if k == start || k + 1 == end {
                        return false;
                    }
                }
                Kind::Word => {
                    if t.cap || t.digit {
                        continue;
                    }
                    if k > start && t.join == Join::Hyphen {
                        continue;
                    }
                    // The Arabic article in lower case before a name
                    // ("al-Qaeda", "el-Sisi").
                    let article_of_name = k == start
                        && matches!(t.norm.as_str(), "al" | "el")
                        && self
                            .tokens
                            .get(k + 1)
                            .is_some_and(|n| n.join == Join::Hyphen && n.cap && k + 1 < end);
                    if article_of_name {
                        continue;
                    }
                    if k > start && k + 1 < end && text::is_in(CONNECTORS, &t.norm) {
                        continue;
                    }
                    return false;
                }
            }
        }
        if n == 1 {
            let t = &self.tokens[start];
            let letters = t.norm.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 3 && !t.upper {
                return false;
            }
            if !t.upper && text::is_in(COMMON_WORDS, &t.norm) {
                return false;
            }
        }
        true
    }

    // ------------------------------------------------------------ titles

    /// A title starting at token `i`: modifiers and heads ("Deputy Prime
    /// Minister", "rebel leader", "Gen."), with an "of" portfolio
    /// ("Secretary of State"). It must contain a head.
    pub fn title_at(&self, i: usize) -> Option<Title> {
        if !self
            .word(i)
            .is_some_and(|t| TITLE_STARTS.contains(t.norm.as_str()))
        {
            return None;
        }
        let mut k = i;
        let mut words: Vec<String> = Vec::new();
        let mut role_end_words = 0;
        let mut end = None;
        let mut after_period = false;
        let mut honorific_only = true;
        let mut former = false;
        while let Some(t) = self.tokens.get(k) {
            if !t.is_word() || (k > i && t.join == Join::Break && !after_period) {
                break;
            }
            after_period = false;
            let norm = t.norm.as_str();
            if end.is_none() && text::is_in(TITLE_ADJECTIVES, norm) {
                former |= matches!(norm, "ousted" | "late");
                k += 1;
                continue;
            }
            former |= matches!(norm, "former" | "ex");
            // "Sister Carol Keehan" is a nun; "his sister Katie" a sibling.
            if norm == "sister" && !t.cap {
                break;
            }
            if text::is_in(TITLE_HEADS, norm) || text::is_in(TITLE_MODIFIERS, norm) {
                let full = text::lookup(TITLE_ABBREVIATIONS, norm).unwrap_or(norm);
                let hyphenated = t.join == Join::Hyphen && k > i;
                if hyphenated {
                    if let Some(last) = words.last_mut() {
                        last.push('-');
                        last.push_str(full);
                    }
                } else {
                    words.push(full.to_string());
                }
                // "President-elect": a hyphenated modifier extends the head.
                let extends_head = hyphenated && end == Some(k);
                k += 1;
                if extends_head {
                    end = Some(k);
                }
                if text::is_in(TITLE_HEADS, norm) {
                    if !text::is_in(HONORIFICS, norm) {
                        honorific_only = false;
                    }
                    let abbreviated =
                        text::lookup(TITLE_ABBREVIATIONS, norm).is_some() || text::is_in(HONORIFICS, norm);
                    if abbreviated
                        && self
                            .tokens
                            .get(k)
                            .is_some_and(|p| p.is_punct('.') && p.start == t.end)
                    {
                        k += 1;
                        after_period = true;
                    }
                    end = Some(k);
                    role_end_words = words.len();
                }
                continue;
            }
            if norm == "of" && end == Some(k) {
                let mut m = k + 1;
                if self.word(m).is_some_and(|w| w.norm == "the") {
                    m += 1;
                }
                let first = m;
                while self
                    .word(m)
                    .is_some_and(|w| text::is_in(PORTFOLIO_WORDS, &w.norm))
                {
                    m += 1;
                }
                if m > first {
                    words.push("of".to_string());
                    words.extend((first..m).map(|x| self.tokens[x].norm.clone()));
                    end = Some(m);
                    role_end_words = words.len();
                }
            }
            break;
        }
        let end = end?;
        words.truncate(role_end_words);
        let role = if honorific_only {
            None
        } else {
            let kept: Vec<&String> = words.iter().filter(|w| !text::is_in(HONORIFICS, w)).collect();
            Some(kept.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" "))
        };
        Some(Title {
            start: i,
            end,
            role,
            former,
        })
    }

    /// True when a capitalised token may be part of a person's name.
    fn person_word_ok(&self, t: &Token) -> bool {
        if !t.is_word() || !t.cap {
            return false;
        }
        let norm = t.norm.as_str();
        let letters = norm.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 || norm.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if t.upper && letters > 1 {
            return false;
        }
        if text::is_in(COMMON_WORDS, norm)
            || text::is_in(CALENDAR_WORDS, norm)
            || text::is_in(TITLE_HEADS, norm)
            || text::is_in(TITLE_MODIFIERS, norm)
            || text::is_in(GENERIC_INSTITUTION_WORDS, norm)
            || text::is_in(NON_NAME_WORDS, norm)
            || text::lookup(ORG_HEADS, norm).is_some()
        {
            return false;
        }
        !self.country_word(norm)
    }

    /// True when `norm` names a country or is a demonym, unless it is a
    /// given name that is only a country's alternate name ("Maurice").
    fn country_word(&self, norm: &str) -> bool {
        !self.kb.given_name_over_country_alias(norm)
            && self
                .kb
                .lookup(norm)
                .iter()
                .any(|t| matches!(t, Target::Demonym(_) | Target::Country(_)))
    }

    /// A person's name starting at token `j`: capitalised words (initials,
    /// particles and hyphenated parts inside), at most five. Returns the end.
    pub fn person_name_at(&self, j: usize) -> Option<usize> {
        let mut k = j;
        let mut words = 0;
        let mut last_ok = j;
        while let Some(t) = self.tokens.get(k) {
            // A nickname in quotes between given name and surname
            // ("Vincent \"The Chin\" Gigante").
            if (1..5).contains(&words)
                && let Some(after) = self.nickname_at(k)
            {
                k = after;
                continue;
            }
            if words >= 5 || !t.is_word() || (k > j && t.join == Join::Break && !self.after_initial(k)) {
                break;
            }
            if self.person_word_ok(t) {
                words += 1;
                k += 1;
                last_ok = k;
                continue;
            }
            if k > j && t.join == Join::Hyphen {
                k += 1;
                last_ok = k;
                continue;
            }
            let next_is_name = self
                .tokens
                .get(k + 1)
                .is_some_and(|n| self.person_word_ok(n) && n.join != Join::Break);
            if k > j && text::is_in(NAME_PARTICLES, &t.norm) && next_is_name {
                k += 1;
                continue;
            }
            break;
        }
        (words >= 1 && last_ok > j).then_some(last_ok)
    }

    /// A nickname in quotes at token `k` that a surname follows
    /// ("\"The Chin\" Gigante", "'El Chapo' Guzman"): the surname's token.
    fn nickname_at(&self, k: usize) -> Option<usize> {
        let open = self.tokens.get(k)?;
        let closing: &[char] = match open.kind {
            Kind::Punct('"') => &['"'],
            Kind::Punct('\u{201c}') => &['\u{201d}', '"'],
            Kind::Punct('\'') => &['\'', '\u{2019}'],
            Kind::Punct('\u{2018}') => &['\u{2019}', '\''],
            _ => return None,
        };
        // A quote mark is a token of its own: a space stands before it.
        if k == 0 || self.tokens[k - 1].end == open.start {
            return None;
        }
        let close = (k + 2..(k + 6).min(self.tokens.len()))
            .find(|&c| closing.iter().any(|&q| self.tokens[c].is_punct(q)))?;
        let inside = &self.tokens[k + 1..close];
        let surname = self.tokens.get(close + 1)?;
        (inside.iter().all(Token::is_word)
            && inside[0].cap
            && surname.join == Join::Space
            && self.person_word_ok(surname))
        .then_some(close + 1)
    }

    /// True when token `k` follows an initial ("W." in "George W. Bush").
    fn after_initial(&self, k: usize) -> bool {
        k > 0 && {
            let p = &self.tokens[k - 1];
            p.is_word()
                && p.end.saturating_sub(p.start) == 2
                && p.upper
                && self.text.get(p.end - 1..p.end) == Some(".")
        }
    }

    /// People named after a title, with role, sector and the country before
    /// the title ("Kenyan President William Ruto").
    fn titled_candidates(&self, countries: &CountryIndex) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let Some(title) = self.title_at(i) else {
                i += 1;
                continue;
            };
            // "Secretary (of State Marco) Rubio": an editor's insertion
            // ends the title and gives the first names; the name follows.
            let (name_start, given) = self.bracketed_insertion(title.end).unwrap_or((title.end, 0..0));
            let joined = self
                .tokens
                .get(name_start)
                .is_some_and(|t| t.join == Join::Space || self.after_period(name_start));
            let Some(name_end) = self.person_name_at(name_start).filter(|_| joined) else {
                i = title.end.max(i + 1);
                continue;
            };
            // The country before the title ("Kenyan President") or after the
            // name ("King Hassan of Morocco").
            let country = countries.before.get(title.start).cloned().flatten().or_else(|| {
                let of = self
                    .word(name_end)
                    .is_some_and(|t| t.norm == "of" && t.join == Join::Space);
                countries
                    .at
                    .get(name_end + 1)
                    .cloned()
                    .flatten()
                    .filter(|_| of)
                    .map(|(_, list)| list)
            });
            let name: Vec<Token> = self.tokens[given]
                .iter()
                .chain(&self.tokens[name_start..name_end])
                .cloned()
                .collect();
            // Initials alone are an abbreviation, no name ("Deputy D. A."
            // is a deputy district attorney).
            let initials_only = name
                .iter()
                .filter(|t| t.is_word())
                .all(|t| t.norm.chars().filter(|c| c.is_alphabetic()).count() <= 1);
            if initials_only {
                i = name_end;
                continue;
            }
            // "Pope Francis": a person the dictionaries know by title and
            // name together is that person, not whoever bears the name.
            let whole_key = text::key_of(&self.tokens[title.start..name_end]);
            if let Some(actor) = self.best_actor(
                &actors_in(self.kb.lookup(&whole_key)),
                Some(EntityKind::Person),
                country.as_deref(),
            ) {
                out.push(Candidate {
                    claim: (title.start, name_end),
                    span: self.span_of(title.start, name_end),
                    referent: Referent::Actor(actor),
                    priority: priority::TITLED,
                    role: title.role.clone(),
                    country_hint: None,
                    sector_hint: None,
                    is_name: true,
                });
                i = name_end;
                continue;
            }
            if let Some(referent) = self.person_referent_of(&name, country.as_deref()) {
                // A former office holder is an elite (CAMEO ELI), not the office.
                let sector = if title.former {
                    Some("ELI".to_string())
                } else {
                    title.role.as_deref().and_then(|r| self.role_sector(r))
                };
                out.push(Candidate {
                    claim: (title.start, name_end),
                    span: self.span_of(name_start, name_end),
                    referent,
                    priority: priority::TITLED,
                    role: title.role.clone(),
                    country_hint: country,
                    sector_hint: sector,
                    is_name: true,
                });
            }
            i = name_end;
        }
        out
    }

    /// "The Bush administration", "the Netanyahu government": a surname
    /// the dictionaries know for a person, right before a word for a
    /// government, names the leader whose government it is (resolved like
    /// a titled surname: the one holding a government post on the
    /// publication date).
    fn leader_government_candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for i in 0..self.tokens.len().saturating_sub(1) {
            let (name, next) = (&self.tokens[i], &self.tokens[i + 1]);
            let follows =
                next.is_word() && next.join == Join::Space && text::is_in(LEADER_GOVERNMENTS, &next.norm);
            // No capitalised name runs into it, unless that word itself
            // opens a line or follows punctuation ("The Bush
            // administration" at a sentence's start).
            let before_ok =
                i == 0 || !self.tokens[i - 1].is_capitalised() || self.tokens[i - 1].join == Join::Break;
            if !follows
                || !before_ok
                || !self.person_word_ok(name)
                || self.kb.people_by_surname(&name.norm).is_empty()
            {
                continue;
            }
            let Some(referent) = self.person_referent_of(std::slice::from_ref(name), None) else {
                continue;
            };
            out.push(Candidate {
                claim: (i, i + 1),
                span: self.span_of(i, i + 1),
                referent,
                priority: priority::TITLED,
                role: None,
                country_hint: None,
                sector_hint: Some("GOV".to_string()),
                is_name: true,
            });
        }
        out
    }

    /// "Putin offered to negotiate …": a capitalised word standing alone
    /// before a lowercase word, the last name of exactly one dictionary
    /// person holding a code on the publication date, names that person
    /// (resolved like a titled surname). Not a given name ("Kim"), and
    /// below a place the geocoder found there.
    fn bare_surname_candidates(&self, dictionary: &[Candidate], places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        if self.date.is_none() {
            return out;
        }
        for i in 0..self.tokens.len().saturating_sub(1) {
            let name = &self.tokens[i];
            if !(self.lone_word_before_lower_case(i)
                || self.lone_word_before_punctuation(i)
                || self.lone_word_before_possessive(i))
                || !self.person_word_ok(name)
                || self.kb.is_given_name(&name.norm)
                || self.kb.people_by_surname(&name.norm).is_empty()
                || super::resolve::dictionary_surname(self, &name.norm, None, None).is_none()
            {
                continue;
            }
            let span = self.span_of(i, i + 1);
            // A place of a country the text names nowhere else ("Bush
            // was scheduled to …" of a town in Egypt) yields to the
            // office holder, not to someone whose posts all ended
            // ("attacked Goma": not Louis Sylvain Goma, a prime minister
            // of the 1970s).
            let priority = if self.lone_foreign_place(span, dictionary, places)
                && super::resolve::surname_in_office(self, &name.norm)
            {
                priority::KNOWN
            } else {
                priority::CUE
            };
            out.push(Candidate {
                claim: (i, i + 1),
                span,
                referent: Referent::Surname(name.norm.clone()),
                priority,
                role: None,
                country_hint: None,
                sector_hint: None,
                is_name: true,
            });
        }
        out
    }

    /// Does token `i` stand alone right before a punctuation mark that
    /// closes a phrase ("a warrant for Netanyahu.", "met Putin, who")?
    fn lone_word_before_punctuation(&self, i: usize) -> bool {
        let alone_before =
            i == 0 || !self.tokens[i - 1].is_capitalised() || self.tokens[i].join == Join::Break;
        alone_before
            && self.tokens.get(i + 1).is_some_and(|next| {
                next.join == Join::Break
                    && ['.', ',', ';', ':', ')', '?', '!']
                        .iter()
                        .any(|&c| next.is_punct(c))
            })
    }

    /// Does token `i` stand alone, its possessive after it and a
    /// lower-case word after that ("Putin's spokesman", "Netanyahu's
    /// government")?
    fn lone_word_before_possessive(&self, i: usize) -> bool {
        self.no_capitalised_word_before(i)
            && self.tokens.get(i + 1).is_some_and(|p| p.kind == Kind::Possessive)
            && self.lower_case_word_at(i + 2)
    }

    /// Does token `i` stand alone (no capitalised word joined before it)
    /// right before a lower-case word ("Putin offered", "Jackson was")?
    fn lone_word_before_lower_case(&self, i: usize) -> bool {
        self.no_capitalised_word_before(i) && self.lower_case_word_at(i + 1)
    }

    /// Is token `i` the first, or after an uncapitalised word or a break?
    fn no_capitalised_word_before(&self, i: usize) -> bool {
        i == 0 || !self.tokens[i - 1].is_capitalised() || self.tokens[i - 1].join == Join::Break
    }

    /// Is token `j` a lower-case word after a space?
    fn lower_case_word_at(&self, j: usize) -> bool {
        self.tokens
            .get(j)
            .is_some_and(|t| t.is_word() && !t.is_capitalised() && t.join == Join::Space)
    }

    /// "Jackson was arrested", "Later Jackson pleaded not guilty": a
    /// capitalised word standing alone before an act only people do or
    /// undergo, and companies do not ([`crate::person_acts`]), is a
    /// person's name, resolved like a titled surname (the article's
    /// "Vincent Jackson", else a person of their own). Not a place the
    /// geocoder kept there.
    fn acting_name_candidates(&self, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for i in 0..self.tokens.len().saturating_sub(1) {
            let name = &self.tokens[i];
            if !self.lone_word_before_lower_case(i) || !self.person_word_ok(name) {
                continue;
            }
            let mut words = self.tokens[i + 1..]
                .iter()
                .take_while(|t| t.is_word())
                .take(4)
                .map(|t| t.norm.clone());
            let Some(first) = words.next() else {
                continue;
            };
            if !crate::person_acts::names_only_a_person_act(&first, words) {
                continue;
            }
            out.extend(self.lone_surname_cue(i, places));
        }
        out
    }

    /// The lone word at token `i`, found by a text cue, as a surname
    /// candidate; none where the geocoder kept a place.
    fn lone_surname_cue(&self, i: usize, places: &[PlaceMention]) -> Option<Candidate> {
        let span = self.span_of(i, i + 1);
        if places.iter().any(|p| (p.span.start, p.span.end) == span) {
            return None;
        }
        Some(Candidate {
            claim: (i, i + 1),
            span,
            referent: Referent::Surname(self.tokens[i].norm.clone()),
            priority: priority::CUE,
            role: None,
            country_hint: None,
            sector_hint: None,
            is_name: true,
        })
    }

    /// "Arafat met Sharon", "talks with Jackson": a capitalised word
    /// standing alone as the object of a verb only people are the object
    /// of ([`crate::person_acts::names_a_person_object`]) is a person's
    /// name, resolved like a titled surname. Not a place the geocoder
    /// kept there.
    fn person_object_candidates(&self, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for i in 1..self.tokens.len() {
            let (name, verb) = (&self.tokens[i], &self.tokens[i - 1]);
            if name.join != Join::Space || !verb.is_word() || !self.person_word_ok(name) {
                continue;
            }
            // A hyphen or a capitalised word right after joins the name to
            // more; the word after with only spaces between may follow it.
            let next = self.tokens.get(i + 1);
            let joined_after =
                next.is_some_and(|n| n.join == Join::Hyphen || (n.join == Join::Space && n.is_capitalised()));
            let after = next
                .filter(|n| n.is_word() && n.join == Join::Space)
                .map(|n| n.norm.as_str());
            let before_that = (verb.join == Join::Space && i >= 2)
                .then(|| &self.tokens[i - 2])
                .filter(|t| t.is_word())
                .map(|t| t.norm.as_str());
            if joined_after || !crate::person_acts::names_a_person_object(&verb.norm, before_that, after) {
                continue;
            }
            out.extend(self.lone_surname_cue(i, places));
        }
        out
    }

    /// Is `span` a geocoded place whose country no other place or country
    /// name of the text is in?
    fn lone_foreign_place(
        &self,
        span: (usize, usize),
        dictionary: &[Candidate],
        places: &[PlaceMention],
    ) -> bool {
        let Some(country) = places
            .iter()
            .find(|p| (p.span.start, p.span.end) == span)
            .and_then(|p| p.country.as_deref())
        else {
            return false;
        };
        let other_place = places
            .iter()
            .any(|p| (p.span.start, p.span.end) != span && p.country.as_deref() == Some(country));
        let named = dictionary.iter().any(|c| match &c.referent {
            Referent::Country(list) => list.iter().any(|&k| self.kb.countries[k].iso3 == country),
            _ => false,
        });
        !other_place && !named
    }

    fn after_period(&self, k: usize) -> bool {
        k > 0 && self.tokens[k - 1].is_punct('.')
    }

    /// The sector of a role: the knowledge base's role words, then its
    /// modifiers ("rebel leader" → REB).
    pub fn role_sector(&self, role: &str) -> Option<String> {
        if let Some(s) = self.kb.role_sector(role).filter(|s| !s.is_empty()) {
            return Some(s.to_string());
        }
        role.split(' ').find_map(|w| match w {
            "rebel" | "militia" => Some("REB".to_string()),
            "army" | "military" | "defence" | "defense" => Some("MIL".to_string()),
            "police" => Some("COP".to_string()),
            "opposition" => Some("OPP".to_string()),
            _ => None,
        })
    }

    /// What a person's name tokens refer to: a dictionary person, a surname
    /// (one word) or a new person.
    fn person_referent(&self, start: usize, end: usize, country: Option<&[usize]>) -> Option<Referent> {
        self.person_referent_of(&self.tokens[start..end], country)
    }

    /// The person the name `name` (its tokens) refers to.
    fn person_referent_of(&self, name: &[Token], country: Option<&[usize]>) -> Option<Referent> {
        let unquoted = text::outside_quotes(name);
        let name = unquoted.as_slice();
        let key = text::key_of(name);
        let targets = self.kb.lookup(&key);
        if targets
            .iter()
            .any(|t| matches!(t, Target::Country(_) | Target::Demonym(_)))
        {
            return None;
        }
        let mut actors = actors_in(targets);
        if actors.is_empty() && targets.is_empty() {
            // A dictionary person's full name with a slip ("Francois
            // Mitterand").
            actors.extend(self.kb.misspelt_person(&key));
        }
        if !actors.is_empty() {
            if let Some(a) = self.best_actor(&actors, Some(EntityKind::Person), country) {
                return Some(Referent::Actor(a));
            }
            return None;
        }
        let words: Vec<String> = name
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm.clone())
            .collect();
        if let [only] = name {
            return Some(Referent::Surname(only.norm.clone()));
        }
        Some(Referent::Person(words))
    }

    /// A bracketed insertion of a few words at `k` ("(of State Marco)"):
    /// the token after it, and the range of the capitalised name words it
    /// ends with (the first names, possibly none).
    fn bracketed_insertion(&self, k: usize) -> Option<(usize, std::ops::Range<usize>)> {
        if !self.tokens.get(k)?.is_punct('(') {
            return None;
        }
        let close = (k + 1..(k + 8).min(self.tokens.len())).find(|&j| self.tokens[j].is_punct(')'))?;
        if close == k + 1 || !self.tokens[k + 1..close].iter().all(Token::is_word) {
            return None;
        }
        let mut first = close;
        while first > k + 1 && self.person_word_ok(&self.tokens[first - 1]) {
            first -= 1;
        }
        Some((close + 1, first..close))
    }

    // ------------------------------------------------------------ institutions

    /// "Rwanda's military", "Congolese troops", "the Kenyan government".
    fn institution_candidates(&self, dictionary: &[Candidate]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for c in dictionary {
            let Referent::Country(countries) = &c.referent else {
                continue;
            };
            let mut k = c.claim.1;
            if self.tokens.get(k).is_some_and(|t| t.kind == Kind::Possessive) {
                k += 1;
            } else if self.tokens.get(k).is_some_and(|t| t.join != Join::Space) {
                continue;
            }
            if self
                .word(k)
                .is_some_and(|t| text::is_in(INSTITUTION_ADJECTIVES, &t.norm))
            {
                k += 1;
            }
            let two = self.word(k + 1).filter(|t| t.join == Join::Space).map(|t| {
                let mut p = self.tokens[k].norm.clone();
                p.push(' ');
                p.push_str(&t.norm);
                p
            });
            let found = two
                .and_then(|p| text::lookup_pair(INSTITUTION_NOUNS, &p).map(|v| (k + 2, v)))
                .or_else(|| {
                    self.word(k)
                        .and_then(|t| text::lookup_pair(INSTITUTION_NOUNS, &t.norm))
                        .map(|v| (k + 1, v))
                });
            let Some((end, (sector, noun))) = found else {
                continue;
            };
            if self
                .word(k)
                .is_none_or(|t| k > c.claim.1 + 1 && t.join == Join::Break)
            {
                continue;
            }
            // "Congolese army spokesman Jane Doe" is a title, not the army.
            if self
                .word(end)
                .is_some_and(|t| text::is_in(TITLE_HEADS, &t.norm) && t.join == Join::Space)
            {
                continue;
            }
            out.push(Candidate {
                claim: (c.claim.0, end),
                span: self.span_of(c.claim.0, end),
                referent: Referent::Institution {
                    countries: countries.clone(),
                    sector,
                    noun,
                },
                priority: priority::KNOWN,
                role: None,
                country_hint: None,
                sector_hint: None,
                is_name: false,
            });
        }
        out
    }

    // ------------------------------------------------------------ groups

    /// A capitalised name before a group noun ("M23 rebels", "Houthi
    /// militia") or after a group description ("rebel group M23").
    fn group_candidates(&self, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for i in 0..self.tokens.len() {
            let t = &self.tokens[i];
            if !t.is_word() {
                continue;
            }
            // Noun after the name.
            let noun_end = if text::is_in(GROUP_NOUNS, &t.norm) {
                Some(i + 1)
            } else if matches!(t.norm.as_str(), "rebel" | "armed" | "militia")
                && self
                    .word(i + 1)
                    .is_some_and(|n| n.join == Join::Space && text::is_in(GROUP_DESCRIPTION_HEADS, &n.norm))
            {
                Some(i + 2)
            } else {
                None
            };
            if let Some(noun_end) = noun_end.filter(|_| t.join == Join::Space)
                && let Some(start) = self.group_name_before(i)
            {
                out.extend(self.group_candidate(start, i, (start, noun_end), places));
            }
            // Name after a description.
            let described = matches!(t.norm.as_str(), "rebel" | "armed" | "militia")
                && self
                    .word(i + 1)
                    .is_some_and(|h| h.join == Join::Space && text::is_in(GROUP_DESCRIPTION_HEADS, &h.norm))
                && self.tokens.get(i + 2).is_some_and(|n| n.join == Join::Space);
            if described && let Some(end) = self.group_name_after(i + 2) {
                out.extend(self.group_candidate(i + 2, end, (i, end), places));
            }
        }
        out
    }

    /// Start of a group name ending just before token `noun`.
    fn group_name_before(&self, noun: usize) -> Option<usize> {
        let mut start = noun;
        while start > 0 && noun - start < 4 {
            let t = &self.tokens[start - 1];
            if !t.is_capitalised() || (start < noun && self.tokens[start].join == Join::Break) {
                break;
            }
            start -= 1;
            if t.join == Join::Break {
                break;
            }
        }
        while start < noun && self.weak_name_start(start) {
            start += 1;
        }
        (start < noun).then_some(start)
    }

    /// End of a group name starting at token `start`.
    fn group_name_after(&self, start: usize) -> Option<usize> {
        let mut end = start;
        while end < self.tokens.len() && end - start < 4 {
            let t = &self.tokens[end];
            if !t.is_capitalised() || (end > start && t.join == Join::Break) {
                break;
            }
            end += 1;
        }
        (end > start).then_some(end)
    }

    /// True when token `i` cannot open a name: a frequent word, a month, a
    /// title word.
    fn weak_name_start(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        !t.is_capitalised()
            || (!t.upper && text::is_in(COMMON_WORDS, &t.norm))
            || text::is_in(CALENDAR_WORDS, &t.norm)
            || text::is_in(TITLE_HEADS, &t.norm)
            || t.norm.chars().all(|c| c.is_ascii_digit())
    }

    /// A group named by tokens `start..end`: a dictionary actor, or an
    /// unlisted armed group; one named after a place the geocoder resolved
    /// ("Darfur rebels") is of that place's country.
    fn group_candidate(
        &self,
        start: usize,
        end: usize,
        claim: (usize, usize),
        places: &[PlaceMention],
    ) -> Option<Candidate> {
        let key = text::key_of(&self.tokens[start..end]);
        let targets = self.kb.lookup(&key);
        // "Congolese rebels" is a country's rebels: the institution rule.
        if targets
            .iter()
            .any(|t| matches!(t, Target::Country(_) | Target::Demonym(_)))
        {
            return None;
        }
        if (start..end).any(|k| text::is_in(TITLE_HEADS, &self.tokens[k].norm)) {
            return None;
        }
        let actors = actors_in(targets);
        let span = self.span_of(start, end);
        let (referent, country_hint) = match self.best_actor(&actors, None, None) {
            Some(a) if self.kb.actors[a].kind != EntityKind::Person => (Referent::Actor(a), None),
            Some(_) => return None,
            None => (
                Referent::Body {
                    name: self.text.get(span.0..span.1)?.to_string(),
                    kind: EntityKind::Group,
                    sector: Some("REB".to_string()),
                    generic: false,
                },
                self.place_country(span, places, true).map(|c| vec![c]),
            ),
        };
        Some(Candidate {
            claim,
            span,
            referent,
            priority: priority::KNOWN,
            role: None,
            country_hint,
            sector_hint: Some("REB".to_string()),
            is_name: true,
        })
    }

    /// The country (index) of a place the geocoder resolved that is the
    /// whole of byte span `span` (`whole`) or opens it and ends inside it.
    fn place_country(&self, span: (usize, usize), places: &[PlaceMention], whole: bool) -> Option<usize> {
        places
            .iter()
            .filter(|p| {
                p.geonames_id.is_some()
                    && p.span.start == span.0
                    && if whole {
                        p.span.end == span.1
                    } else {
                        p.span.end < span.1
                    }
            })
            .find_map(|p| p.country.as_deref())
            .and_then(|iso3| self.kb.country_index(iso3))
    }

    // ------------------------------------------------------------ bodies

    /// Organisations named around a head word ("Ministry of Defence",
    /// "Allied Democratic Forces", "Human Rights Watch").
    fn body_candidates(&self, dictionary: &[Candidate], places: &[PlaceMention]) -> Vec<Candidate> {
        let mut known = vec![false; self.tokens.len()];
        for c in dictionary {
            if matches!(c.referent, Referent::Actor(_)) {
                known[c.claim.0..c.claim.1].iter_mut().for_each(|k| *k = true);
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let t = &self.tokens[i];
            let is_head = t.is_word() && t.cap && text::lookup(ORG_HEADS, &t.norm).is_some() && !known[i];
            if !is_head {
                i += 1;
                continue;
            }
            // Left: capitalised words joined by spaces.
            let mut start = i;
            while start > 0 {
                let p = &self.tokens[start - 1];
                let joined = self.tokens[start].join != Join::Break;
                if !joined || !p.is_capitalised() || known[start - 1] {
                    break;
                }
                start -= 1;
            }
            while start < i && self.weak_name_start(start) {
                start += 1;
            }
            // Right: more heads and capitalised words, "of"/"for"/"in"
            // complements ("Armed Forces of the Democratic Republic of the
            // Congo").
            let mut end = i + 1;
            let mut local = text::is_in(LOCAL_INSTITUTION_HEADS, &t.norm);
            while let Some(n) = self.tokens.get(end) {
                if !n.is_word() || n.join == Join::Break || known[end] {
                    break;
                }
                if n.is_capitalised() && !local {
                    // "Goma University Hospital": a local head last.
                    local = text::is_in(LOCAL_INSTITUTION_HEADS, &n.norm);
                    end += 1;
                    continue;
                }
                let complements: &[&str] = if local {
                    &["of"]
                } else {
                    &["for", "in", "of", "on", "the"]
                };
                if text::is_in(complements, &n.norm) {
                    let mut m = end + 1;
                    while self
                        .word(m)
                        .is_some_and(|w| matches!(w.norm.as_str(), "the" | "of"))
                    {
                        m += 1;
                    }
                    // A day or month is when, not a name ("… on Monday").
                    if self.word(m).is_some_and(|w| {
                        w.is_capitalised() && w.join != Join::Break && !text::is_in(CALENDAR_WORDS, &w.norm)
                    }) && !known[m]
                    {
                        end = m + 1;
                        continue;
                    }
                }
                break;
            }
            // A name the geocoder resolved whole is a place ("the West
            // Bank"), whatever its last word.
            let span = self.span_of(start, end);
            let a_place = places
                .iter()
                .any(|p| p.geonames_id.is_some() && (p.span.start, p.span.end) == span);
            if end - start < 2 || a_place {
                i = end;
                continue;
            }
            if let Some(mut c) = self.body_candidate(start, end) {
                // "Baghdad University", "Alexandria Police": a body named
                // after a place the geocoder resolved is of its country.
                if c.country_hint.is_none() {
                    c.country_hint = self.place_country(span, places, false).map(|k| vec![k]);
                }
                out.push(c);
            }
            i = end;
        }
        out
    }

    fn body_candidate(&self, start: usize, end: usize) -> Option<Candidate> {
        let words: Vec<&str> = self.tokens[start..end].iter().map(|t| t.norm.as_str()).collect();
        // A person's title is not an organisation ("Army Chief").
        if words.last().is_some_and(|w| text::is_in(TITLE_HEADS, w)) {
            return None;
        }
        // "Police in Nairobi" opening a sentence: generic words where
        // they are, not a name.
        if let Some(k) = words.iter().position(|w| *w == "in")
            && k > 0
            && words[..k]
                .iter()
                .all(|w| text::is_in(GENERIC_INSTITUTION_WORDS, w))
        {
            return None;
        }
        let head_sector = words
            .iter()
            .rev()
            .find_map(|w| text::lookup(ORG_HEADS, w))
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let rebel_cue = self.rebel_cue_near(start);
        let group_named = words.iter().any(|w| {
            matches!(
                *w,
                "liberation" | "resistance" | "jihad" | "mujahideen" | "rebel" | "rebels"
            )
        });
        let group_head = words.iter().any(|w| text::is_in(GROUP_HEADS, w));
        let (kind, sector) = if group_named || (group_head && rebel_cue) {
            (EntityKind::Group, Some("REB".to_string()))
        } else {
            (EntityKind::Organization, head_sector)
        };
        // Countries inside the name ("Kenya Defence Forces", "Armed Forces
        // of the Democratic Republic of the Congo").
        let mut countries = None;
        let mut k = start;
        while k < end {
            let mut found = false;
            for e in (k + 1..=end.min(k + self.kb.max_tokens())).rev() {
                let list = self.country_targets(k, e);
                if !list.is_empty() {
                    countries.get_or_insert(list);
                    k = e;
                    found = true;
                    break;
                }
            }
            if !found {
                k += 1;
            }
        }
        // "Kenya's Foreign Ministry": the country before the possessive.
        if countries.is_none() && start >= 2 && self.tokens[start - 1].kind == Kind::Possessive {
            countries = (start.saturating_sub(1 + self.kb.max_tokens())..start - 1).find_map(|k| {
                let list = self.country_targets(k, start - 1);
                (!list.is_empty()).then_some(list)
            });
        }
        let generic = words.iter().all(|w| {
            text::is_in(GENERIC_INSTITUTION_WORDS, w)
                || text::is_in(CONNECTORS, w)
                || !self.kb.lookup(w).is_empty()
        }) && words.iter().any(|w| text::lookup(ORG_HEADS, w).is_some());
        if countries.is_none() && generic {
            return None;
        }
        // The whole name being a country name is not an organisation.
        if countries.is_some()
            && words
                .iter()
                .all(|w| !self.kb.lookup(w).is_empty() || text::is_in(CONNECTORS, w))
        {
            return None;
        }
        let span = self.span_of(start, end);
        Some(Candidate {
            claim: (start, end),
            span,
            referent: Referent::Body {
                name: self.text.get(span.0..span.1)?.to_string(),
                kind,
                sector: sector.clone(),
                generic,
            },
            priority: priority::BODY,
            role: None,
            country_hint: countries,
            sector_hint: sector,
            is_name: true,
        })
    }

    /// Countries named (or demonym) by exactly tokens `[start, end)`.
    fn country_targets(&self, start: usize, end: usize) -> Vec<usize> {
        if start >= end || !self.tokens[start..end].iter().all(Token::is_word) {
            return Vec::new();
        }
        let key = text::key_of(&self.tokens[start..end]);
        let targets = self.kb.lookup(&key);
        let mut list = countries_in(targets, false);
        list.extend(countries_in(targets, true));
        list
    }

    /// True when the sentence of token `i` speaks of rebels, militias,
    /// insurgents: an organisation named there is an armed group.
    fn rebel_cue_near(&self, i: usize) -> bool {
        let sentence = self.sentence_of[i];
        self.tokens
            .iter()
            .zip(&self.sentence_of)
            .any(|(t, s)| *s == sentence && text::is_in(REBEL_CUES, &t.norm))
    }

    /// A capitalised name whose initials are the acronym in parentheses
    /// after it ("Asia-Pacific Economic Cooperation (APEC)", "Revolutionary
    /// United Front (RUF)"): an organisation, or an armed group when the
    /// sentence speaks of rebels.
    fn acronym_candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for open in 1..self.tokens.len() {
            let is_def = self.tokens[open].is_punct('(')
                && self.tokens.get(open + 1).is_some_and(|a| {
                    a.is_word()
                        && a.upper
                        && (2..=8).contains(&a.norm.len())
                        && a.norm.chars().all(char::is_alphabetic)
                })
                && self.tokens.get(open + 2).is_some_and(|c| c.is_punct(')'));
            if !is_def {
                continue;
            }
            let acronym = &self.tokens[open + 1].norm;
            // Walk back over the name, collecting the initials of its
            // capitalised words, until they spell the acronym.
            let mut initials = String::new();
            let mut start = open;
            while start > 0 && initials.len() < acronym.len() {
                let t = &self.tokens[start - 1];
                if !t.is_word() || (start < open && self.tokens[start].join == Join::Break) {
                    break;
                }
                if t.is_capitalised() {
                    if let Some(c) = t.norm.chars().next() {
                        initials.insert(0, c);
                    }
                } else if !text::is_in(CONNECTORS, &t.norm) && t.join != Join::Hyphen {
                    break;
                }
                start -= 1;
            }
            if initials != *acronym || open - start < 2 || self.weak_name_start(start) {
                continue;
            }
            let span = self.span_of(start, open);
            let Some(name) = self.text.get(span.0..span.1) else {
                continue;
            };
            let (kind, sector) = if self.rebel_cue_near(start) {
                (EntityKind::Group, Some("REB".to_string()))
            } else {
                (EntityKind::Organization, None)
            };
            out.push(Candidate {
                claim: (start, open),
                span,
                referent: Referent::Body {
                    name: name.to_string(),
                    kind,
                    sector: sector.clone(),
                    generic: false,
                },
                priority: priority::BODY,
                role: None,
                country_hint: None,
                sector_hint: sector,
                is_name: true,
            });
        }
        out
    }

    // ------------------------------------------------------------ places

    /// The geocoder's places; a place whose name is a country's becomes
    /// that country.
    fn place_candidates(&self, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for p in places {
            let (s, e) = (p.span.start, p.span.end);
            if s >= e || self.text.get(s..e).is_none() {
                continue;
            }
            let Some(geonames_id) = p.geonames_id else {
                continue;
            };
            let first = self.tokens.iter().position(|t| t.end > s);
            let last = self.tokens.iter().rposition(|t| t.start < e);
            let (Some(a), Some(b)) = (first, last) else {
                continue;
            };
            if a > b {
                continue;
            }
            let key = text::phrase_key(self.text.get(s..e).unwrap_or(""));
            let countries = countries_in(self.kb.lookup(&key), false);
            // The country the geocoder chose when it is one of them; when it
            // chose a place of another country ("Georgia" in a story from
            // Atlanta), that place.
            let chosen: Vec<usize> = countries
                .iter()
                .copied()
                .filter(|&c| p.country.as_deref() == Some(self.kb.countries[c].iso3.as_str()))
                .collect();
            let referent = if !chosen.is_empty() {
                Referent::Country(chosen)
            } else if countries.is_empty() || p.country.is_some() {
                Referent::Place {
                    geonames_id,
                    name: p.name.clone(),
                    country: p.country.clone(),
                }
            } else {
                Referent::Country(countries)
            };
            out.push(Candidate {
                claim: (a, b + 1),
                span: (s, e),
                referent,
                priority: priority::PLACE,
                role: None,
                country_hint: None,
                sector_hint: None,
                is_name: true,
            });
        }
        out
    }

    // ------------------------------------------------------------ slips

    /// Capitalised words one slip from a country's name or demonym and
    /// nothing else ("Ethopia has agreed", "Isreali troops"): no name
    /// themselves, no given name or role word, not inside a longer
    /// capitalised name (a country's name stands alone; a demonym may
    /// open a name, "Isreali Defence Forces").
    fn misspelt_country_candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        // A text repeats its names: each word is looked up once.
        let mut seen: HashMap<&str, Option<Target>, FixedState> = HashMap::default();
        for (i, t) in self.tokens.iter().enumerate() {
            if !t.is_word()
                || !t.cap
                || t.upper
                || t.norm.chars().count() < super::misspelling::MIN_CHARS
                || !self.kb.lookup(&t.norm).is_empty()
                || self.kb.is_given_name(&t.norm)
                || self.kb.is_role(&t.norm)
                || text::is_in(COMMON_WORDS, &t.norm)
            {
                continue;
            }
            let after_name = i > 0
                && t.join != Join::Break
                && self.tokens[i - 1].is_capitalised()
                && !text::is_in(COMMON_WORDS, &self.tokens[i - 1].norm);
            if after_name {
                continue;
            }
            let found = *seen
                .entry(t.norm.as_str())
                .or_insert_with(|| self.kb.misspelt_country(&t.norm));
            let (referent, is_name) = match found {
                Some(Target::Country(c))
                    if !self.continues(i + 1) || !self.tokens[i + 1].is_capitalised() =>
                {
                    (Referent::Country(vec![c]), true)
                }
                Some(Target::Demonym(c)) => (Referent::Country(vec![c]), false),
                _ => continue,
            };
            out.push(Candidate {
                claim: (i, i + 1),
                span: (t.start, t.end),
                referent,
                priority: priority::MISSPELT,
                role: None,
                country_hint: None,
                sector_hint: None,
                is_name,
            });
        }
        out
    }

    // ------------------------------------------------------------ cues

    /// True when the name at `start..end` opens with a given name the
    /// knowledge base lists ("Vincent Jackson", "W. Mark Felt"): two or
    /// three words besides initials before and a suffix after, the first
    /// of three letters or more ("Le Monde" is a newspaper), no country's
    /// name or demonym (unless only an alternate name: "Maurice Cheeks")
    /// and no start of a place the geocoder found ("Paris Hilton", "San
    /// Diego Chargers"), the last no organisation or place head ("Grace
    /// Church", "Carlton Hotel").
    fn given_name_pair(&self, start: usize, end: usize, places: &[PlaceMention]) -> bool {
        let unquoted = text::outside_quotes(&self.tokens[start..end]);
        let name: Vec<&Token> = unquoted.iter().filter(|t| t.is_word()).collect();
        let norms: Vec<&str> = name.iter().map(|t| t.norm.as_str()).collect();
        // Initials before the given name and a suffix after the surname
        // left out ("W. Mark Felt", "Arcade Comeaux Jr.").
        let core = &name[text::name_core_range(&norms)];
        let (Some(first), Some(last)) = (core.first(), core.last()) else {
            return false;
        };
        (2..=3).contains(&core.len())
            && !first.upper
            && first.norm.chars().count() >= 3
            && self.kb.is_given_name(&first.norm)
            && !self.country_word(&first.norm)
            && (self.kb.given_name_over_country_alias(&first.norm)
                || !places
                    .iter()
                    .any(|p| p.geonames_id.is_some() && p.span.start == first.start))
            && text::lookup(ORG_HEADS, &last.norm).is_none()
            && !text::is_in(LOCAL_INSTITUTION_HEADS, &last.norm)
            && !text::is_in(GROUP_HEADS, &last.norm)
            && !text::is_in(GROUP_NOUNS, &last.norm)
            && !text::is_in(PLACE_HEADS, &last.norm)
    }

    /// Two- to four-word capitalised names next to a verb of saying ("Jane
    /// Doe said", "said Jane Doe", "according to Jane Doe"), followed by an
    /// appositive role ("Jane Doe, the army's spokeswoman,") or opening
    /// with a given name ([`Self::given_name_pair`]).
    fn cue_candidates(&self, countries: &CountryIndex, places: &[PlaceMention]) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let starts_name = self.tokens[i].is_word()
                && (i == 0 || self.tokens[i].join == Join::Break || !self.tokens[i - 1].is_capitalised());
            // After an abbreviation or a demonym ("Steelers QB Ben
            // Roethlisberger", "Briton Andy Murray"), which no name takes
            // in, a name opening with a given name starts.
            let after_modifier = !starts_name
                && i > 0
                && self.tokens[i].join == Join::Space
                && self.tokens[i - 1].is_word()
                && (self.tokens[i - 1].upper || self.country_word(&self.tokens[i - 1].norm));
            let Some(end) = self.person_name_at(i).filter(|_| starts_name || after_modifier) else {
                i += 1;
                continue;
            };
            let words = (i..end)
                .filter(|&k| self.tokens[k].is_word() && self.tokens[k].cap)
                .count();
            if !(2..=4).contains(&words)
                || self
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.is_capitalised() && t.join != Join::Break)
            {
                i = end;
                continue;
            }
            let mut role = None;
            let mut country = None;
            let mut sector = None;
            let said_after = self
                .word(end)
                .is_some_and(|t| t.join == Join::Space && text::is_in(SPEECH_VERBS, &t.norm));
            let said_before = i >= 1
                && self
                    .word(i - 1)
                    .is_some_and(|t| text::is_in(SPEECH_VERBS, &t.norm))
                && self.tokens[i].join == Join::Space;
            let according = i >= 2
                && self.word(i - 2).is_some_and(|t| t.norm == "according")
                && self.word(i - 1).is_some_and(|t| t.norm == "to");
            let appositive = self.appositive_at(end, countries);
            if let Some((r, c)) = &appositive {
                role = r.clone();
                country = c.clone();
                sector = r.as_deref().and_then(|r| self.role_sector(r));
            }
            let given = self.given_name_pair(i, end, places)
                && (!after_modifier || self.name_after_modifier_ok(i - 1, i, places));
            let cued = said_after || said_before || according || appositive.is_some();
            // The whole run, else a name at its end after a modifier.
            let whole = (given || cued && !after_modifier)
                .then(|| self.person_referent(i, end, country.as_deref()))
                .flatten()
                .map(|referent| (i, referent, role, country, sector));
            let found = whole.or_else(|| {
                let k = self.name_after_modifier(i, end, places)?;
                Some((k, self.person_referent(k, end, None)?, None, None, None))
            });
            if let Some((start, referent, role, country, sector)) = found {
                out.push(Candidate {
                    claim: (start, end),
                    span: self.span_of(start, end),
                    referent,
                    priority: priority::CUE,
                    role,
                    country_hint: country,
                    sector_hint: sector,
                    is_name: true,
                });
            }
            i = end;
        }
        out
    }

    /// Where a person's name opening with a given name starts inside the
    /// capitalised run `[start, end)`, after capitalised words that are
    /// no given names ("Charger Vincent Jackson", "Steelers QB Ben
    /// Roethlisberger", "Briton Andy Murray"): the run as a whole is no
    /// name, but its end is ([`Self::given_name_pair`]).
    fn name_after_modifier(&self, start: usize, end: usize, places: &[PlaceMention]) -> Option<usize> {
        (start + 1..end.saturating_sub(1))
            .take_while(|&k| {
                let t = &self.tokens[k - 1];
                !t.is_word() || !self.kb.is_given_name(&t.norm)
            })
            .find(|&k| {
                let t = &self.tokens[k];
                t.is_word() && t.join == Join::Space && self.given_name_pair(k, end, places)
            })
            .filter(|&k| self.name_after_modifier_ok(k - 1, k, places))
    }

    /// True unless the capitalised words before the name at `name`
    /// (ending with token `modifier`) and the name are one thing's name:
    /// a place among them ("Boston Red Sox", "North Carolina Tar Heels"),
    /// "the" before them that no demonym explains ("the NBA Charlotte
    /// Bobcats", "the White House Rose Garden"; "the American Hasim
    /// Rahman" is a person), or a given name the article also writes as
    /// a lowercase word ("saying grace" beside "Old Grace Chapel").
    fn name_after_modifier_ok(&self, modifier: usize, name: usize, places: &[PlaceMention]) -> bool {
        let mut first = modifier;
        while first > 0 && self.tokens[first].join == Join::Space && self.tokens[first - 1].is_capitalised() {
            first -= 1;
        }
        let (from, to) = (self.tokens[first].start, self.tokens[modifier].end);
        if places
            .iter()
            .any(|p| p.geonames_id.is_some() && p.span.start < to && p.span.end > from)
        {
            return false;
        }
        let before = self.tokens[..first].iter().rev().find(|t| t.is_word());
        if before.is_some_and(|t| t.norm == "the") && !self.country_word(&self.tokens[modifier].norm) {
            return false;
        }
        let given = &self.tokens[name].norm;
        !self
            .tokens
            .iter()
            .any(|t| t.is_word() && !t.cap && t.norm == *given)
    }

    /// A description of a person from token `k` to the end of an
    /// appositive: at most five lowercase words, the last a role word the
    /// knowledge base gives a sector ("leading human rights activist"),
    /// then a comma, period or closing bracket. The role is the longest
    /// ending of the words the knowledge base lists, else the last word.
    fn described_role(&self, k: usize) -> Option<String> {
        let mut end = k;
        while end < k + 5
            && self
                .word(end)
                .is_some_and(|t| !t.cap && self.tokens[end].join != Join::Break)
        {
            end += 1;
        }
        let closes = self
            .tokens
            .get(end)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '.' | ';' | ')')));
        let last = self.word(end.checked_sub(1)?)?;
        if end == k || !closes || self.kb.role_sector(&last.norm).is_none() {
            return None;
        }
        let words: Vec<&str> = (k..end).map(|i| self.tokens[i].norm.as_str()).collect();
        (0..words.len())
            .map(|i| words[i..].join(" "))
            .find(|phrase| self.kb.is_role(phrase))
            .or_else(|| Some(last.norm.clone()))
    }

    /// ", [the|a] [country('s)|demonym] <title>" after a name: the role and
    /// the country it gives.
    fn appositive_at(
        &self,
        end: usize,
        countries: &CountryIndex,
    ) -> Option<(Option<String>, Option<Vec<usize>>)> {
        if !self.tokens.get(end).is_some_and(|t| t.is_punct(',')) {
            return None;
        }
        let mut k = end + 1;
        if self
            .word(k)
            .is_some_and(|t| matches!(t.norm.as_str(), "the" | "a" | "an"))
        {
            k += 1;
        }
        let mut country = None;
        if let Some((e, list)) = countries.at.get(k).cloned().flatten() {
            let mut after = e;
            if self.tokens.get(after).is_some_and(|t| t.kind == Kind::Possessive) {
                after += 1;
            }
            if self.title_at(after).is_some() {
                country = Some(list);
                k = after;
            } else if after > e
                && let Some(role) = self.described_role(after)
            {
                // "Salaheddine Sidhoum, Algeria's leading human rights
                // activist, …": a country's person described by a role word.
                return Some((Some(role), Some(list)));
            }
        }
        let title = self.title_at(k)?;
        // The title ends the appositive: a comma, period or "of"/"for".
        let closes = self.tokens.get(title.end).is_none_or(|t| {
            matches!(t.kind, Kind::Punct(',' | '.' | ';' | ')'))
                || matches!(t.norm.as_str(), "of" | "for" | "at" | "in")
        });
        closes.then_some((title.role, country))
    }
}

/// Where country and demonym mentions are: by the token just after them
/// (a possessive after a country counts: "Kenya's") and by their first
/// token.
pub(crate) struct CountryIndex {
    /// Countries of the mention ending just before each token.
    pub before: Vec<Option<Vec<usize>>>,
    /// End and countries of the mention starting at each token.
    pub at: Vec<Option<(usize, Vec<usize>)>>,
}

impl CountryIndex {
    fn new(len: usize, dictionary: &[Candidate]) -> Self {
        let mut before = vec![None; len + 2];
        let mut at = vec![None; len + 1];
        for c in dictionary {
            if let Referent::Country(list) = &c.referent {
                before[c.claim.1] = Some(list.clone());
                at[c.claim.0] = Some((c.claim.1, list.clone()));
            }
        }
        Self { before, at }
    }

    fn with_possessives(mut self, tokens: &[Token]) -> Self {
        for (i, token) in tokens.iter().enumerate() {
            if token.kind == Kind::Possessive && self.before[i].is_some() {
                self.before[i + 1] = self.before[i].clone();
            }
        }
        self
    }
}

/// How near (km) the article's other places must lie to a place named
/// like a country for the name to be that place.
const NEAR_KM: f64 = 400.0;

/// Great-circle distance between two geocoded places, in kilometres.
fn km_between(a: &PlaceMention, b: &PlaceMention) -> Option<f64> {
    Some(crate::gazetteer::distance_km(a.lat?, a.lon?, b.lat?, b.lon?))
}
