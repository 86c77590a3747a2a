//! Geocoding: resolves place names in an article to GeoNames places
//! ([`resolve`] for given spans, [`find_places`] to find the names first).
//!
//! Why this way: a name alone is ambiguous ("Georgia", "Paris",
//! "Alexandria"), but an article is not — its other places share a
//! country, a state, a neighbourhood, and writers qualify small places
//! ("Goma, North Kivu"). So every candidate gets a linear score over a few
//! features (population, kind of place, how the name fits, the article's
//! countries and first-level subdivisions, distance to the other places,
//! an explicit qualifier next to the name) and the scores of all names are
//! refined together a few times: each round turns the scores into
//! probabilities per name and recomputes the context features from the
//! other names' probabilities. The weights ([`Weights`]) were fitted by
//! coordinate ascent (`bench/fit_geocoding_weights.py`) on LGL and
//! GeoVirus and validated on TR-News, which they improve too (exact
//! matches 87.8% → 88.0%); `bench/eval-geocoding.sh` reproduces the
//! figures.
//! A name keeps one meaning throughout an article (one sense per
//! discourse). A name the gazetteer does not know ("Port of Los Angeles",
//! "Southern California") is resolved by its longest known run of words,
//! a guess that takes context but gives none.

mod context;
pub(crate) mod recognize;

use std::collections::BTreeMap;

use sitrep_model::{PlaceMention, Span};

use crate::gazetteer::{Candidate, Gazetteer, NameKind, Place, PlaceKind, distance_km, normalize};
use context::{Flat, Round};

pub use recognize::find_places;

/// True when `name` can denote a country, continent, or a first-level
/// subdivision or capital of at least 100,000 people: a name too well
/// known as a place to be dropped for sounding like something else.
pub fn names_major_place(name: &str, g: &Gazetteer) -> bool {
    recognize::is_major(&candidates(name, g))
}

/// What is known about the article besides its text.
#[derive(Debug, Clone, Default)]
pub struct GeocodeContext {
    /// ISO 3166-1 alpha-3 code of a country the article is known to be
    /// about or from (its source's country), if any.
    pub country_hint: Option<String>,
    /// Scoring weights; [`Weights::default`] are the fitted ones.
    pub weights: Weights,
}

/// Weights of the candidate score (see the module header).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Per factor of ten of population.
    pub population: f64,
    /// A continent.
    pub continent: f64,
    /// A country.
    pub country: f64,
    /// A first-level subdivision.
    pub admin1: f64,
    /// A second-level subdivision.
    pub admin2: f64,
    /// A capital city.
    pub capital: f64,
    /// The name is an alternate name, not the preferred one.
    pub alternate: f64,
    /// Share of the article's other names in the candidate's country.
    pub same_country: f64,
    /// Share of the other names in the candidate's first-level subdivision.
    pub same_admin1: f64,
    /// Closeness to the other names' places (exp(-km/scale) averaged).
    pub nearby: f64,
    /// Distance scale of `nearby`, in km.
    pub nearby_km: f64,
    /// An adjacent qualifier ("Goma, North Kivu") contains the candidate,
    /// or the candidate contains the place it qualifies.
    pub qualifier: f64,
    /// The candidate lies in the context's hinted country.
    pub hint: f64,
    /// The candidate is a subdivision with a city of the same name in it
    /// (the city is usually meant: "Kinshasa", "Alexandria").
    pub shadowed: f64,
    /// Closeness to the other names' countries the candidate is not in
    /// (a neighbour's place: "Gaza" in an article on Israel and Egypt).
    pub near_country: f64,
    /// Distance scale of `near_country`, in km.
    pub near_country_km: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            population: 1.0,
            continent: 6.0,
            country: 4.5,
            admin1: 0.5,
            admin2: 0.0,
            capital: 1.5,
            alternate: -1.5,
            same_country: 6.0,
            same_admin1: 6.0,
            nearby: 5.5,
            nearby_km: 150.0,
            qualifier: 4.0,
            hint: 2.0,
            shadowed: -1.5,
            near_country: 2.0,
            near_country_km: 500.0,
        }
    }
}

impl Weights {
    /// Names of the weights, in the order of [`Weights::set`].
    pub const NAMES: [&'static str; 16] = [
        "population",
        "continent",
        "country",
        "admin1",
        "admin2",
        "capital",
        "alternate",
        "same_country",
        "same_admin1",
        "nearby",
        "nearby_km",
        "qualifier",
        "hint",
        "shadowed",
        "near_country",
        "near_country_km",
    ];

    /// Set a weight by name; false when there is no such weight.
    pub fn set(&mut self, name: &str, value: f64) -> bool {
        let slot = match name {
            "population" => &mut self.population,
            "continent" => &mut self.continent,
            "country" => &mut self.country,
            "admin1" => &mut self.admin1,
            "admin2" => &mut self.admin2,
            "capital" => &mut self.capital,
            "alternate" => &mut self.alternate,
            "same_country" => &mut self.same_country,
            "same_admin1" => &mut self.same_admin1,
            "nearby" => &mut self.nearby,
            "nearby_km" => &mut self.nearby_km,
            "qualifier" => &mut self.qualifier,
            "hint" => &mut self.hint,
            "shadowed" => &mut self.shadowed,
            "near_country" => &mut self.near_country,
            "near_country_km" => &mut self.near_country_km,
            _ => return false,
        };
        *slot = value;
        true
    }
}

/// Most candidates considered per name (the most populous are kept).
const MAX_CANDIDATES: usize = 40;
/// Rounds of context refinement.
const ROUNDS: usize = 3;

/// Words that name the kind of a place and may be left off its
/// gazetteer name ("Rapides Parish" ↔ "Rapides").
const GENERIC_SUFFIXES: &[&str] = &[
    "county",
    "parish",
    "province",
    "state",
    "city",
    "region",
    "district",
    "governorate",
    "prefecture",
    "department",
    "municipality",
    "borough",
    "township",
    "town",
];

/// Words that close the name of a body of water or a delta ("South China
/// Sea", "Niger Delta", "Congo River", "Indian Ocean"): the name holds a
/// country's or a town's, but names the feature. ("Bay", "Lake" and
/// "Canal" close towns' and cities' names too: "Green Bay", "Salt Lake",
/// and the Suez Canal is at Suez.)
pub(crate) const WATER_BODY_ENDS: &[&str] = &[
    "sea", "ocean", "gulf", "strait", "straits", "river", "delta", "channel", "basin", "estuary", "lagoon",
];

/// Words that open the name of a body of water before "of" ("Gulf of
/// Guinea", "Bay of Bengal", "Sea of Japan", "Strait of Hormuz").
pub(crate) const WATER_BODY_OPENERS: &[&str] = &["sea", "gulf", "bay", "strait", "straits"];

/// The candidates a surface name can denote, after trying a few
/// spelling variants when the name itself is not in the gazetteer.
pub fn candidates<'g>(name: &str, g: &'g Gazetteer) -> Vec<Candidate<'g>> {
    let mut found = Vec::new();
    for key in name_variants(name) {
        found = g.lookup_normalized(&key);
        if !found.is_empty() {
            break;
        }
    }
    // "South Lebanon", "Northern Iraq": a part of a country, unless the
    // name is itself a country or province ("North Korea", "West
    // Virginia"); a town of that name (South Lebanon, Ohio) competes.
    if !found.is_empty()
        && !found.iter().any(|c| {
            matches!(c.place.kind, PlaceKind::Country | PlaceKind::Continent) || c.place.kind.is_province()
        })
        && let Some(rest) = normalize(name)
            .split_once(' ')
            .filter(|(first, _)| COMPASS_WORDS.contains(first))
            .map(|(_, rest)| rest.to_owned())
    {
        found.extend(
            g.lookup_normalized(&rest)
                .into_iter()
                .filter(|c| c.place.kind == PlaceKind::Country),
        );
    }
    if found.len() > MAX_CANDIDATES {
        found.sort_by(|a, b| {
            b.place
                .population
                .cmp(&a.place.population)
                .then(a.place.id.cmp(&b.place.id))
        });
        found.truncate(MAX_CANDIDATES);
    }
    found
}

/// Words naming the part of a country a name is in ("Southern Sudan").
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
];

/// Words that do not name a place on their own, skipped when a name is
/// looked up by its parts: directions, kinds of feature and buildings.
const FILLER_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
    "downtown",
    "metro",
    "river",
    "lake",
    "valley",
    "bay",
    "island",
    "islands",
    "mountain",
    "mountains",
    "mt",
    "hill",
    "hills",
    "creek",
    "beach",
    "coast",
    "airport",
    "international",
    "station",
    "university",
    "college",
    "hospital",
    "museum",
    "church",
    "cathedral",
    "park",
    "street",
    "road",
    "avenue",
    "bridge",
    "square",
    "area",
    "port",
    "fort",
    "st",
    "new",
    "old",
    "great",
    "little",
    "county",
    "city",
    "state",
    "province",
    "district",
    "region",
    "town",
    "township",
    "village",
];

/// First or last words of names of open water, which lies off the place
/// it is named after, not in or near it ("the South China Sea", "the Gulf
/// of Aden").
const OPEN_WATER: &[&str] = &["sea", "ocean", "gulf", "strait", "straits", "channel"];

/// Candidates of a name the gazetteer does not know, from the longest
/// run of its words that it does ("Southern California", "Greater
/// Toronto Area", "Port of Los Angeles", "Montreal-Pierre Elliott Trudeau
/// International Airport"): a landmark, district or feature lies in or
/// near the place it is named after. Runs of one word skip
/// [`FILLER_WORDS`] and words shorter than three letters; among runs of
/// one length the leftmost wins.
fn part_candidates<'g>(name: &str, g: &'g Gazetteer) -> Vec<Candidate<'g>> {
    let key = normalize(name);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let words_after_the = words.strip_prefix(&["the"]).unwrap_or(&words);
    if [words_after_the.first(), words.last()]
        .into_iter()
        .any(|w| w.is_some_and(|w| OPEN_WATER.contains(w)))
    {
        return Vec::new();
    }
    for len in (1..words.len()).rev() {
        for part in words.windows(len) {
            if len == 1 && (part[0].chars().count() < 3 || FILLER_WORDS.contains(&part[0])) {
                continue;
            }
            let found = candidates(&part.join(" "), g);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

fn name_variants(name: &str) -> Vec<String> {
    let trimmed = name
        .trim()
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .trim_end_matches(['\'', '\u{2019}']);
    let key = normalize(trimmed);
    let mut out = vec![key.clone()];
    let no_the = key.strip_prefix("the ").unwrap_or(&key).to_owned();
    if no_the != key {
        out.push(no_the.clone());
    }
    // "Democratic Republic of Congo" ↔ "... of the Congo".
    if no_the.contains(" of the ") {
        out.push(no_the.replace(" of the ", " of "));
    } else if no_the.contains(" of ") {
        out.push(no_the.replace(" of ", " of the "));
    }
    for suffix in GENERIC_SUFFIXES {
        if let Some(base) = no_the.strip_suffix(suffix).and_then(|b| b.strip_suffix(' '))
            && !base.is_empty()
        {
            out.push(base.to_owned());
        }
        if let Some(base) = no_the.strip_prefix(suffix).and_then(|b| b.strip_prefix(" of ")) {
            out.push(base.to_owned());
        }
    }
    out
}

/// One distinct name of the article with its candidates and occurrences.
struct NameGroup<'g> {
    cands: Vec<Candidate<'g>>,
    /// Static part of each candidate's score.
    prior: Vec<f64>,
    /// Qualifier feature per candidate (max over occurrences).
    qualifier: Vec<f64>,
    /// Current probabilities.
    prob: Vec<f64>,
    /// The candidates are those of a part of the name (a guess that
    /// gives the other names no context).
    by_part: bool,
    /// Every occurrence names the armed forces of the place ("Russian
    /// troops advanced toward Pokrovsk"): forces act abroad, so the name
    /// gives the other names no context.
    forces_only: bool,
}

/// Nouns of armed forces and their weapons that a country's name or
/// demonym may modify ("Russian troops", "Israeli air strikes").
const FORCES: &[&str] = &[
    "troops",
    "forces",
    "soldiers",
    "army",
    "military",
    "navy",
    "drones",
    "missiles",
    "warplanes",
    "jets",
    "artillery",
    "tanks",
    "airstrikes",
    "shelling",
];

/// Does the name at `span` modify a noun of armed forces?
fn names_forces(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    FORCES.contains(&word.as_str())
}

/// Resolve the given spans of `text` to places. Every span yields one
/// [`PlaceMention`] in the order given; spans that are out of range or
/// not on character boundaries yield an unresolved mention with an empty
/// name; a name the gazetteer does not know is resolved by its longest
/// known part, and is unresolved when it has none.
pub fn resolve(text: &str, spans: &[Span], g: &Gazetteer, ctx: &GeocodeContext) -> Vec<PlaceMention> {
    let w = &ctx.weights;
    let names: Vec<&str> = spans
        .iter()
        .map(|s| text.get(s.start..s.end).unwrap_or(""))
        .collect();
    // Group occurrences by normalised name.
    let mut key_of = Vec::with_capacity(spans.len());
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    let mut group_list: Vec<NameGroup<'_>> = Vec::new();
    for name in &names {
        let key = normalize(name);
        let gi = *groups.entry(key).or_insert_with(|| {
            let mut cands = candidates(name, g);
            // A subdivision of no known population named like a city of
            // 100,000 or more (the city's own district, or one elsewhere:
            // "Gaza", a district of southern Israel): the name is the
            // city's.
            let big_city = cands
                .iter()
                .any(|d| d.place.kind.is_city() && d.place.population >= BIG_CITY_MIN_POPULATION);
            if big_city {
                cands.retain(|c| !(c.place.kind == PlaceKind::Admin2 && c.place.population == 0));
            }
            let by_part = cands.is_empty();
            if by_part {
                cands = part_candidates(name, g);
            }
            let base: Vec<f64> = cands.iter().map(|c| prior_score(c, w, ctx)).collect();
            let prior: Vec<f64> = cands
                .iter()
                .zip(&base)
                .map(|(c, &own)| {
                    let shadowed = cands
                        .iter()
                        .any(|d| d.place.kind.is_city() && contains(c.place, d.place));
                    if shadowed {
                        return own + w.shadowed;
                    }
                    if !c.place.kind.is_city() {
                        return own;
                    }
                    // A city named like the subdivision it lies in, and
                    // home to at least half its people, takes the
                    // subdivision's weight: both readings are one place to
                    // the reader ("Gaza", city and governorate, not
                    // Mozambique's province; not the village "Montana" of
                    // the state).
                    cands
                        .iter()
                        .zip(&base)
                        .filter(|(d, _)| {
                            matches!(
                                d.place.kind,
                                PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Admin2
                            ) && contains(d.place, c.place)
                                && d.place.population > 0
                                && c.place.population.saturating_mul(2) >= d.place.population
                        })
                        .map(|(_, &b)| b)
                        .fold(own, f64::max)
                })
                .collect();
            let n = cands.len();
            group_list.push(NameGroup {
                prob: softmax(&prior),
                by_part,
                forces_only: true,
                qualifier: vec![0.0; n],
                prior,
                cands,
            });
            group_list.len() - 1
        });
        key_of.push(gi);
    }
    for (span, &gi) in spans.iter().zip(&key_of) {
        if !names_forces(text, *span) {
            group_list[gi].forces_only = false;
        }
    }
    // Qualifiers: "A, B" or "A (B)" where B contains A.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, spans[i].end));
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if key_of[a] == key_of[b] || !is_qualifier_gap(text, spans[a].end, spans[b].start) {
            continue;
        }
        let (ga, gb) = (key_of[a], key_of[b]);
        // The qualified name's candidates inside one of the qualifier's,
        // and the qualifier's candidates containing one of the qualified.
        let inner = flags(&group_list[ga].cands, &group_list[gb].cands, |x, y| {
            contains(y, x)
        });
        let outer = flags(&group_list[gb].cands, &group_list[ga].cands, contains);
        raise(&mut group_list[ga].qualifier, inner);
        raise(&mut group_list[gb].qualifier, outer);
    }
    let mut flat = Flat::new(&group_list);
    for _ in 0..ROUNDS {
        let round = Round::new(&flat, &group_list);
        let new_probs: Vec<Vec<f64>> = (0..group_list.len())
            .map(|gi| {
                let grp = &group_list[gi];
                let scores: Vec<f64> = (0..grp.cands.len())
                    .map(|ci| {
                        grp.prior[ci]
                            + w.qualifier * grp.qualifier[ci]
                            + flat.context_score(gi, ci, &group_list, &round, w)
                    })
                    .collect();
                softmax(&scores)
            })
            .collect();
        for (grp, p) in group_list.iter_mut().zip(new_probs) {
            grp.prob = p;
        }
    }
    let best: Vec<Option<&Place>> = group_list
        .iter()
        .map(|grp| {
            grp.prob
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
                .map(|(i, _)| grp.cands[i].place)
        })
        .collect();
    let stray: Vec<bool> = (0..group_list.len())
        .map(|gi| best[gi].is_some_and(|p| stray_hamlet(p, gi, &best)))
        .collect();
    spans
        .iter()
        .zip(&names)
        .zip(&key_of)
        .map(|((span, name), &gi)| mention(*span, name, best[gi].filter(|_| !stray[gi])))
        .collect()
}

/// Least population of a city whose name a subdivision of no known
/// population does not take from it (see [`resolve`]: "Gaza").
const BIG_CITY_MIN_POPULATION: u64 = 100_000;

/// Fewer people than this make a city a hamlet (see [`stray_hamlet`]).
const HAMLET_MAX_POPULATION: u64 = 5_000;

/// Other places this far away or more leave a hamlet stray.
const STRAY_MIN_KM: f64 = 2_000.0;

/// Is `p`, the place chosen for name group `gi`, a hamlet in a country no
/// other place of the article is in, at least [`STRAY_MIN_KM`] from each of
/// at least two of them ("the Middle East" among Tehran and Riyadh is no
/// neighbourhood of Baltimore)? A name the gazetteer knows only as such a
/// hamlet is more likely a place it lacks.
fn stray_hamlet(p: &Place, gi: usize, best: &[Option<&Place>]) -> bool {
    if !p.kind.is_city() || p.population >= HAMLET_MAX_POPULATION {
        return false;
    }
    let others: Vec<&Place> = best
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != gi)
        .filter_map(|(_, q)| *q)
        .filter(|q| !q.country.is_empty())
        .collect();
    others.len() >= 2
        && others
            .iter()
            .all(|q| q.country != p.country && distance_km(p.lat, p.lon, q.lat, q.lon) >= STRAY_MIN_KM)
}

/// 1.0 for each candidate of `these` related to some candidate of `those`.
fn flags(
    these: &[Candidate<'_>],
    those: &[Candidate<'_>],
    related: impl Fn(&Place, &Place) -> bool,
) -> Vec<f64> {
    these
        .iter()
        .map(|a| f64::from(u8::from(those.iter().any(|b| related(a.place, b.place)))))
        .collect()
}

/// Raise each value to the matching flag.
fn raise(values: &mut [f64], flags: Vec<f64>) {
    for (v, f) in values.iter_mut().zip(flags) {
        *v = v.max(f);
    }
}

/// The output record for a span and its chosen place.
fn mention(span: Span, name: &str, place: Option<&Place>) -> PlaceMention {
    PlaceMention {
        span,
        name: name.to_owned(),
        geonames_id: place.map(|p| p.id),
        lat: place.map(|p| p.lat),
        lon: place.map(|p| p.lon),
        country: place.and_then(|p| (!p.country.is_empty()).then(|| p.country.clone())),
    }
}

fn prior_score(c: &Candidate<'_>, w: &Weights, ctx: &GeocodeContext) -> f64 {
    let p = c.place;
    let kind = match p.kind {
        PlaceKind::Continent => w.continent,
        PlaceKind::Country => w.country,
        PlaceKind::Admin1 | PlaceKind::Region => w.admin1,
        PlaceKind::Admin2 => w.admin2,
        PlaceKind::City => 0.0,
        PlaceKind::Capital => w.capital,
    };
    let name = match c.name_kind {
        NameKind::Primary | NameKind::Demonym => 0.0,
        NameKind::Alternate => w.alternate,
    };
    let hint = match &ctx.country_hint {
        Some(h) if *h == p.country => w.hint,
        _ => 0.0,
    };
    w.population * (1.0 + p.population as f64).log10() + kind + name + hint
}

/// The first-level subdivision a place is in (itself for an admin1).
fn admin1_of(p: &Place) -> u64 {
    if p.kind == PlaceKind::Admin1 {
        p.id
    } else {
        p.admin1
    }
}

/// True when `outer` contains `inner` (a country, admin1 or admin2 that
/// `inner` lies in).
fn contains(outer: &Place, inner: &Place) -> bool {
    if outer.id == inner.id {
        return false;
    }
    match outer.kind {
        PlaceKind::Country => outer.country == inner.country && inner.kind != PlaceKind::Country,
        PlaceKind::Admin1 => inner.admin1 == outer.id,
        PlaceKind::Admin2 => inner.admin2 == outer.id,
        _ => false,
    }
}

/// True when the text between two names makes the second qualify the
/// first: ", " or " (" with nothing else.
fn is_qualifier_gap(text: &str, end: usize, next_start: usize) -> bool {
    let Some(gap) = text.get(end..next_start) else {
        return false;
    };
    let gap = gap.trim();
    gap == "," || gap == "("
}

fn softmax(scores: &[f64]) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        exps.iter().map(|e| e / sum).collect()
    } else {
        vec![0.0; scores.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::fixture;

    /// Resolve the names marked `[like this]` in `marked` and compare the
    /// chosen GeoNames ids.
    fn check(marked: &str, expected: &[Option<u64>]) {
        let (text, spans) = unmark(marked);
        let g = fixture();
        let got: Vec<Option<u64>> = resolve(&text, &spans, &g, &GeocodeContext::default())
            .iter()
            .map(|m| m.geonames_id)
            .collect();
        assert_eq!(got, expected, "resolve({marked:?})");
    }

    pub(super) fn unmark(marked: &str) -> (String, Vec<Span>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut start = 0;
        for ch in marked.chars() {
            match ch {
                '[' => start = text.len(),
                ']' => spans.push(Span::new(start, text.len())),
                c => text.push(c),
            }
        }
        (text, spans)
    }

    #[test]
    fn ambiguous_names_follow_the_article() {
        check("Talks in [Georgia] stalled.", &[Some(614540)]);
        check(
            "Fans in [Atlanta], [Georgia] cheered.",
            &[Some(4180439), Some(4197000)],
        );
        check(
            "[Tbilisi] says [Georgia] will not yield.",
            &[Some(611717), Some(614540)],
        );
        check("[Paris] police said.", &[Some(2988507)]);
        // A name next door to a country the article names, though not in
        // it: Gaza by Israel, not the Mozambican province.
        check(
            "[Israel] closed the crossings into [Gaza].",
            &[Some(294640), Some(281133)],
        );
        // Gaza is a city and the governorate it makes up: together they
        // outweigh Mozambique's province, unless the article is there.
        check("Floods hit [Gaza].", &[Some(281133)]);
        check(
            "Floods hit [Gaza] in [Mozambique].",
            &[Some(1046058), Some(1036973)],
        );
        // A district of no known population is not the city it is named
        // like: rockets from Gaza on Sderot came from the city, not from
        // the Israeli district of that name near Sderot.
        check("Rockets hit [Sderot] from [Gaza].", &[Some(293619), Some(281133)]);
        // A compass word before a country names a part of it, unless the
        // article is about the town of that name.
        check("[Israel] invaded [South Lebanon].", &[Some(294640), Some(272103)]);
        check(
            "The council of [South Lebanon], [Ohio] met.",
            &[Some(4525084), Some(5165418)],
        );
        check(
            "A fair in [Paris], [Texas] opened.",
            &[Some(4717560), Some(4736286)],
        );
        check(
            "[Alexandria] police and [Rapides Parish] deputies.",
            &[Some(4314550), Some(4338356)],
        );
        check("[Alexandria] and [Egypt].", &[Some(361058), Some(357994)]);
        // A country's forces act abroad: "American troops" give a place
        // no American context, "American officials" do.
        check(
            "[American] troops advanced toward [Alexandria].",
            &[Some(6252001), Some(361058)],
        );
        check(
            "[American] officials visited [Alexandria].",
            &[Some(6252001), Some(4314550)],
        );
        check(
            "[London], [Ontario] and [Canada].",
            &[Some(6058560), Some(6093943), Some(6251999)],
        );
    }

    #[test]
    fn countries_demonyms_and_qualified_places_resolve() {
        check(
            "Fighting near [Goma], [North Kivu], in the [DRC].",
            &[Some(216281), Some(206938), Some(203312)],
        );
        check("[Turkish] troops entered.", &[Some(298795)]);
        check("[African] and [Czechs] leaders.", &[Some(6255146), Some(3077311)]);
        check(
            "The [United States] and the [U.S.] again.",
            &[Some(6252001), Some(6252001)],
        );
        check("[Turkey's] parliament.", &[Some(298795)]);
        check(
            "The [Democratic Republic of Congo] and the [Republic of the Atlantis].",
            &[Some(203312), None],
        );
        check("[Lamar County] officials.", &[Some(4705086)]);
        check("[Atlantis] is lost.", &[None]);
        check(
            "Flights from [Goma International Airport] to [Greater Kinshasa].",
            &[Some(216281), Some(2314302)],
        );
        check("[Lost River Park] is closed.", &[None]);
        // Open water lies off the place it is named after.
        check("Ships massed in the [Gulf of Lebanon].", &[None]);
        check("Ships massed in the [East Lebanon Sea].", &[None]);
        check("Ships massed off [Southern Lebanon].", &[Some(272103)]);
    }

    #[test]
    fn a_hamlet_abroad_far_from_everything_else_is_left_unresolved() {
        // The gazetteer knows "Middle East" only as a neighbourhood of
        // Baltimore; among Tehran and Riyadh it is the region it lacks.
        check(
            "Tensions across the [Middle East], analysts in [Tehran] and [Riyadh] said.",
            &[None, Some(112931), Some(108410)],
        );
        // Alone, or beside one far place, the hamlet is all there is.
        check("Residents of [Middle East] met.", &[Some(11980025)]);
        check("[Middle East] and [Tehran].", &[Some(11980025), Some(112931)]);
    }

    #[test]
    fn bad_spans_yield_unresolved_mentions() {
        let g = fixture();
        let text = "Née à Goma";
        let spans = [Span::new(1, 2), Span::new(5, 100), Span::new(8, 12)];
        let out = resolve(text, &spans, &g, &GeocodeContext::default());
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].geonames_id, None);
        assert_eq!(out[1].geonames_id, None);
        assert_eq!(out[2].geonames_id, Some(216281));
        assert_eq!(out[2].country.as_deref(), Some("COD"));
    }

    #[test]
    fn weights_are_set_by_name() {
        let mut w = Weights::default();
        for name in Weights::NAMES {
            assert!(w.set(name, 0.5), "{name}");
        }
        assert!(!w.set("nonsense", 1.0));
        assert!((w.population - 0.5).abs() < 1e-12);
    }

    proptest::proptest! {
        #[test]
        fn resolve_never_panics(text in "\\PC{0,40}", a in 0usize..50, b in 0usize..50) {
            let g = fixture();
            let out = resolve(&text, &[Span::new(a, b)], &g, &GeocodeContext::default());
            proptest::prop_assert_eq!(out.len(), 1);
        }
    }
}
