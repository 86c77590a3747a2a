//! Place-name recognition without gold spans: capitalised word sequences
//! matched against the gazetteer, longest match first, then filtered for
//! what capitalised gazetteer names often are instead — sentence-initial
//! common words ("Mobile", "March"), parts of person names ("George
//! Washington", and "Washington" elsewhere in that article) and titles.
//!
//! Why: no NER model ships in a package here; the gazetteer is the
//! lexicon, and the filters are general English cues, measured for
//! precision and recall by `bench/eval-geocoding.sh`.

use std::collections::BTreeSet;

use sitrep_model::{PlaceMention, Sentence, Span};

use super::{GeocodeContext, candidates, resolve};
use crate::gazetteer::{Candidate, Gazetteer, NameKind, PlaceKind};

/// Longest place name considered, in words.
const MAX_WORDS: usize = 6;
/// Lower-case words allowed inside a name ("Bosnia and Herzegovina",
/// "Rio de Janeiro").
const CONNECTORS: &[&str] = &[
    "of", "and", "de", "del", "la", "le", "du", "da", "do", "dos", "al", "el", "es", "upon", "on", "am", "an",
];
/// Direction words: alone they modify a name or a noun ("Eastern Congo",
/// "Western powers"; "Northern Ireland" is matched whole before this
/// applies), so they are not taken as a place even where a province bears
/// the name.
const DIRECTIONS: &[&str] = &[
    "eastern", "western", "northern", "southern", "central", "upper", "lower", "north", "south", "east",
    "west",
];
/// Capitalised words that are gazetteer names somewhere but are seldom
/// places in English news when they stand alone.
const NOT_PLACES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "god",
    "man",
    "police",
    "center",
    "centre",
    "union",
    "university",
    "republic",
    "government",
    "army",
    "city",
    "county",
    "state",
    "north",
    "south",
    "east",
    "west",
    "central",
    "hospital",
    "bank",
    "church",
    "school",
    "college",
    "court",
    "council",
    "department",
    "office",
    "national",
    "international",
    "news",
    "post",
    "times",
    "press",
    "street",
    "road",
    "avenue",
    "park",
    "lake",
    "river",
    "mount",
    "island",
    "beach",
    "bay",
    "valley",
    "hill",
    "hills",
    "york",
    "victoria",
    "union",
    "liberty",
    "freedom",
    "independence",
    "university",
    "story",
    "media",
    "energy",
    "chance",
    "hope",
    "faith",
    "grace",
    "joy",
    "unity",
    "progress",
    "commerce",
    "industry",
    "friendship",
    "providence",
    "eden",
    "paradise",
    "zion",
    "bethlehem",
    "lebanon",
    "jordan",
    // Holidays, parties and a news agency that share a town's name.
    "christmas",
    "easter",
    "passover",
    "ramadan",
    "thanksgiving",
    "halloween",
    "hanukkah",
    "liberal",
    "conservative",
    "democrat",
    "republican",
    "labour",
    "xinhua",
    // Peoples and faiths that name a town somewhere ("Arab states" are
    // not Arab, Alabama; "Christian leaders" not Christian County).
    "arab",
    "christian",
    "berber",
    "kurd",
    "mormon",
    "baptist",
    "muslim",
    "jewish",
    "catholic",
    "sunni",
    "shiite",
    "hindu",
    "druze",
];
/// Landform nouns that name a province somewhere ("Gulf", Papua New
/// Guinea) but alone in news mean a feature the text names elsewhere
/// ("the Gulf war", "the Highlands"): never a place by themselves, however
/// large the province.
const LANDFORMS: &[&str] = &[
    "gulf",
    "coast",
    "highlands",
    "plains",
    "desert",
    "peninsula",
    "islands",
    "mountains",
    "lakes",
];
/// Words that make the capitalised name after them a person's.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "president",
    "senator",
    "governor",
    "minister",
    "mayor",
    "judge",
    "sheriff",
    "officer",
    "secretary",
    "chairman",
    "director",
    "prof",
    "professor",
    "rev",
    "saint",
    "st",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "sir",
];
/// Prepositions of place: a name after one is where, not who.
pub(crate) const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "outside",
    "across",
    "throughout",
    "of",
    "around",
];

/// Nouns a place's name modifies, not a person's ("Gainesville
/// residents", "a Jackson native").
const OF_PLACES: &[&str] = &[
    "area",
    "city",
    "county",
    "native",
    "natives",
    "neighborhood",
    "neighbourhood",
    "resident",
    "residents",
    "suburb",
    "suburbs",
];

/// Nouns for news outlets: a name right after one is the outlet's title
/// ("the opposition newspaper La Prensa").
const OUTLETS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "tabloid",
    "broadcaster",
];

/// Verbs of saying: a single name right before them is a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "explained",
    "stated",
];

/// The token after the name at `span` (first token `ti`).
fn token_after(tokens: &[Token], ti: usize, span: Span) -> Option<&Token> {
    tokens.iter().skip(ti + 1).find(|t| t.start >= span.end)
}

/// The word after the name at `span` (first token `ti`), lower-cased.
fn next_word(text: &str, tokens: &[Token], ti: usize, span: Span) -> Option<String> {
    let next = token_after(tokens, ti, span)?;
    Some(text[next.start..next.end].to_lowercase())
}

/// The word right after the name at `span` (first token `ti`), with only
/// spaces between, lower-cased: not the verb after a comma closing an
/// apposition ("Robert Ford, D-Charleston, said").
fn adjacent_word(text: &str, tokens: &[Token], ti: usize, span: Span) -> Option<String> {
    let next = token_after(tokens, ti, span)?;
    text[span.end..next.start]
        .trim()
        .is_empty()
        .then(|| text[next.start..next.end].to_lowercase())
}

/// Is the name at `span` (first token `ti`) followed by "of" and a
/// capitalised word, with only spaces between?
fn heads_an_of_name(text: &str, tokens: &[Token], ti: usize, span: Span) -> bool {
    if adjacent_word(text, tokens, ti, span).as_deref() != Some("of") {
        return false;
    }
    let Some(of) = token_after(tokens, ti, span) else {
        return false;
    };
    let of_span = Span {
        start: of.start,
        end: of.end,
    };
    adjacent_word(text, tokens, ti + 1, of_span).is_some()
        && token_after(tokens, ti + 1, of_span)
            .is_some_and(|t| text[t.start..t.end].starts_with(|c: char| c.is_uppercase()))
}

/// Does the single name at `span` (first token `ti`) speak or act as only
/// people do? "Jordan said" is a person; "Charleston, S.C., said" is not:
/// an abbreviation with periods speaks for no one, and neither does a
/// name after a preposition of place ("officials in Atlanta said") or a
/// town closing an address ("…, of 1935 Orchard St., Alexandria, was
/// arrested": where the person lives).
fn acts_as_person(text: &str, span: Span, tokens: &[Token], ti: usize) -> bool {
    let Some(w) = adjacent_word(text, tokens, ti, span) else {
        return false;
    };
    let located = after_locative(text, tokens, ti);
    let in_address = text[..span.start].trim_end().ends_with(',');
    let person_act =
        SPEECH.contains(&w.as_str()) || !in_address && person_act_after(text, tokens, ti, span.end);
    person_act && !text[span.start..span.end].contains('.') && !located
}

/// Does a preposition of place come right before token `ti` ("in Jackson")?
fn after_locative(text: &str, tokens: &[Token], ti: usize) -> bool {
    after_word(text, tokens, ti, LOCATIVE)
}

/// Is the single name at `span` (token `ti`) the object of a verb only
/// people are the object of ([`crate::person_acts::names_a_person_object`])?
fn person_object(text: &str, span: Span, tokens: &[Token], ti: usize) -> bool {
    // The word before token `i`, with only spaces between.
    let word = |i: usize| {
        let (t, next) = (tokens.get(i)?, tokens.get(i + 1)?);
        text[t.end..next.start]
            .trim()
            .is_empty()
            .then(|| text[t.start..t.end].to_lowercase())
    };
    let Some(before) = ti.checked_sub(1).and_then(word) else {
        return false;
    };
    let before_that = ti.checked_sub(2).and_then(word);
    let after = adjacent_word(text, tokens, ti, span);
    crate::person_acts::names_a_person_object(&before, before_that.as_deref(), after.as_deref())
}

/// Is the token before token `ti` one of `words` (lower case)?
fn after_word(text: &str, tokens: &[Token], ti: usize, words: &[&str]) -> bool {
    ti.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|p| words.contains(&text[p.start..p.end].to_lowercase().as_str()))
}

/// Is the name ending at `end` the subject of an act only people do or
/// undergo ([`crate::person_acts`])?
fn person_act_after(text: &str, tokens: &[Token], ti: usize, end: usize) -> bool {
    let mut words = tokens
        .iter()
        .skip(ti + 1)
        .filter(|t| t.start >= end)
        .take(4)
        .map(|t| text[t.start..t.end].to_lowercase());
    let Some(first) = words.next() else {
        return false;
    };
    crate::person_acts::names_a_person_act(&first, words)
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    capitalised: bool,
    sentence_start: bool,
}

/// Find place names in `text` and resolve them. `sentences`, when given,
/// tell where sentences start (sentence-initial capitals are weaker
/// evidence); without them, sentence starts are guessed from punctuation.
/// Demonyms ("Turkish", "Americans") are reported with their country, as
/// the geoparsing corpora annotate them.
pub fn find_places(text: &str, sentences: Option<&[Sentence]>, g: &Gazetteer) -> Vec<PlaceMention> {
    let tokens = tokenize(text, sentences);
    let lower_words: BTreeSet<String> = tokens
        .iter()
        .filter(|t| !t.capitalised)
        .map(|t| text[t.start..t.end].to_lowercase())
        .collect();
    // Names this text gives to people (or diseases), not places.
    let mut person_words: BTreeSet<String> = BTreeSet::new();
    let mut found: Vec<(Span, usize)> = Vec::new(); // span, first token index
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].capitalised || text[tokens[i].start..tokens[i].end].eq_ignore_ascii_case("the") {
            i += 1;
            continue;
        }
        let run_end = run_end(text, &tokens, i);
        // "South China Sea", "Gulf of Guinea": a body of water the
        // gazetteer does not hold; the names inside it are not places.
        if names_water_body(text, &tokens, i, run_end, g) {
            i = run_end;
            continue;
        }
        // A headline in title case ("Freemason Bogdanov Joins Sochi Mayor
        // Race"): capitals there say nothing of people.
        let headline = tokens[i].sentence_start
            && run_end - i >= 4
            && tokens.get(run_end).is_none_or(|t| t.sentence_start);
        let mut j = i;
        // End of the last match in this run (token index one past it).
        let mut matched_to = i;
        let mut last_single_minor = false;
        // Whether the last match of this run was kept as a place.
        let mut last_kept = false;
        while j < run_end {
            match longest_match(text, &tokens, j, run_end, g) {
                // A sentence's first word before a name, that the text
                // also writes in lower case, is that word ("In Goma, …"),
                // no place and no first name.
                Some(k) if k == j && j + 1 < run_end && common_opener(text, &tokens[j], &lower_words) => {
                    j += 1;
                }
                Some(k) => {
                    let k = without_body_suffix(text, &tokens, j, k, run_end, g);
                    let span = with_abbreviation_period(
                        text,
                        trim_possessive(text, Span::new(tokens[j].start, tokens[k].end)),
                        g,
                    );
                    let major = is_major(&candidates(&text[span.start..span.end], g));
                    let prev_unmatched =
                        j > matched_to && tokens[j - 1].capitalised && given_name_like(text, &tokens[j - 1]);
                    // Two lesser single-word names in a row: a person
                    // ("Bob Jones", where both are towns somewhere).
                    // Not a local body after a place ("Alexandria Police",
                    // where Police is also a town in Poland).
                    let prev_single = j == matched_to
                        && j > i
                        && k == j
                        && last_single_minor
                        && given_name_like(text, &tokens[j - 1])
                        && !LOCAL_BODIES
                            .contains(&text[tokens[j].start..tokens[j].end].to_lowercase().as_str());
                    let next_unmatched = k + 1 < run_end;
                    if !major
                        && (prev_unmatched
                            && (!tokens[j - 1].sentence_start
                                || opening_first_name(text, &tokens[j - 1], &lower_words)
                                    && age_follows(text, span.end))
                            || prev_single
                            // "Flores, 26, had just left the Army".
                            || k == j && age_follows(text, span.end)
                            || j > 0 && title_before(text, &tokens[j - 1], &tokens[j])
                            || after_bracketed_name(text, &tokens, j))
                    {
                        // "George Washington", "President Lincoln".
                        if !headline {
                            person_words.insert(normalize_word(text, span));
                        }
                        // The first name, if it was taken for a place
                        // (not an earlier place of the text).
                        if prev_single && last_kept {
                            found.pop();
                        }
                        last_kept = false;
                    } else if !next_unmatched || k > j || !is_person_like(text, &tokens, k) || major {
                        found.push((span, j));
                        last_kept = true;
                    } else {
                        last_kept = false;
                    }
                    last_single_minor = k == j && !major;
                    j = k + 1;
                    matched_to = j;
                }
                None => j += 1,
            }
        }
        i = run_end.max(i + 1);
    }
    // A name that names a disease somewhere in the text ("Marburg virus",
    // "Lassa fever") is the disease everywhere in it ("Marburg kills more
    // slowly"), unless it is a major place.
    for &(span, _) in &found {
        let next = text[span.end..].trim_start();
        let word: String = next
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if DISEASE_WORDS.contains(&word.as_str()) && !is_major(&candidates(&text[span.start..span.end], g)) {
            person_words.insert(normalize_word(text, span));
        }
    }
    // A lesser place's name that acts as only a person does somewhere in
    // the text ("Jackson was arrested") names that person everywhere in
    // it ("the Chargers will not discipline Jackson"), unless the text
    // also puts something in it ("marched in Gainesville", where
    // "Gainesville says no" is the town's voice).
    let placed: BTreeSet<String> = found
        .iter()
        .filter(|&&(span, ti)| {
            after_locative(text, &tokens, ti)
                || adjacent_word(text, &tokens, ti, span).is_some_and(|w| OF_PLACES.contains(&w.as_str()))
        })
        .map(|&(span, _)| normalize_word(text, span))
        .collect();
    let mut acting_people: BTreeSet<String> = BTreeSet::new();
    for &(span, ti) in &found {
        let surface = &text[span.start..span.end];
        if !surface.contains(' ')
            && acts_as_person(text, span, &tokens, ti)
            && !is_major(&candidates(surface, g))
        {
            acting_people.insert(normalize_word(text, span));
        }
    }
    let found: Vec<(Span, usize)> = found
        .into_iter()
        .filter(|&(span, _)| {
            let key = normalize_word(text, span);
            !acting_people.contains(&key) || placed.contains(&key)
        })
        .collect();
    // Names kept inside a sentence: the same name opening another
    // sentence is the same place ("Goma was calm" after "took Goma").
    let none = BTreeSet::new();
    let mut words = TextWords {
        lower: &lower_words,
        person: &person_words,
        named_inside: &none,
    };
    // Inside a sentence the answer does not depend on `named_inside`:
    // decided once here, only sentence openers are decided after.
    let kept_inside: Vec<bool> = found
        .iter()
        .map(|&(span, ti)| !tokens[ti].sentence_start && keep(text, span, &tokens, ti, &words, g))
        .collect();
    let named_inside: BTreeSet<String> = found
        .iter()
        .zip(&kept_inside)
        .filter(|(_, kept)| **kept)
        .map(|(&(span, _), _)| crate::gazetteer::normalize(&text[span.start..span.end]))
        .collect();
    words.named_inside = &named_inside;
    let spans: Vec<Span> = found
        .into_iter()
        .zip(kept_inside)
        .filter(|&((span, ti), kept)| {
            if tokens[ti].sentence_start {
                keep(text, span, &tokens, ti, &words, g)
            } else {
                kept
            }
        })
        .map(|((span, _), _)| span)
        .collect();
    resolve(text, &spans, g, &GeocodeContext::default())
        .into_iter()
        .filter(|m| m.geonames_id.is_some())
        .collect()
}

/// Words that open sentences and clauses without being names.
const OPENERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "if",
    "in",
    "into",
    "it",
    "its",
    "last",
    "many",
    "meanwhile",
    "most",
    "near",
    "new",
    "next",
    "no",
    "now",
    "of",
    "on",
    "once",
    "one",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "then",
    "these",
    "they",
    "this",
    "those",
    "to",
    "today",
    "under",
    "until",
    "we",
    "when",
    "while",
    "with",
    "yesterday",
    "you",
];

/// Whether a sentence's first word before a name is a first name
/// ("Brian Freeman, 23, …"), not an opener ("In Goma") or a word the
/// text also writes in lower case.
fn opening_first_name(text: &str, t: &Token, lower_words: &BTreeSet<String>) -> bool {
    let lower = text[t.start..t.end].to_lowercase();
    !OPENERS.contains(&lower.as_str()) && !lower_words.contains(&lower)
}

/// True when an age follows the name at byte `end` (", 23,"): news gives
/// people's ages, not places'.
fn age_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    // The appositive closes right after the number: not ", 45 people".
    (1..=3).contains(&digits) && rest[digits..].starts_with(',')
}

/// Words that open the name of an area around a place ("Greater
/// Toronto", "Downtown Goma").
const AREA_WORDS: &[&str] = &["greater", "upper", "lower", "inner", "outer", "downtown", "metro"];

/// Whether a capitalised word before a name could be a first name, making
/// the name a surname: not an acronym ("CBC Toronto"), a possessive
/// ("Radio's Edmonton"), a brand ("StandUp DeKalb"), an opener ("One
/// Edmonton resident") or a word of areas, directions or the calendar.
fn given_name_like(text: &str, t: &Token) -> bool {
    let word = &text[t.start..t.end];
    let lower = word.to_lowercase();
    // An inner capital after a lower-case letter makes a brand, not a
    // first name ("StandUp DeKalb").
    let brand = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    word.chars().any(char::is_lowercase)
        && !brand
        && !is_possessive(word)
        // "Greater Toronto", "Northern Goma", "Monday Goma": a word of
        // areas, directions or the calendar is no first name.
        && !super::COMPASS_WORDS.contains(&lower.as_str())
        && !NAME_ABBREVIATIONS.contains(&lower.as_str())
        && !OPENERS.contains(&lower.as_str())
        && !AREA_WORDS.contains(&lower.as_str())
        && !is_calendar_word(&lower)
}

/// True when a lower-case word names a month or weekday, in full or
/// abbreviated.
fn is_calendar_word(lower: &str) -> bool {
    crate::entities::text::is_in(crate::entities::text::CALENDAR_WORDS, lower)
}

/// A sentence-initial word written in lower case elsewhere in the text,
/// capitalised only by its position ("In", not "US").
fn common_opener(text: &str, t: &Token, lower_words: &BTreeSet<String>) -> bool {
    let word = &text[t.start..t.end];
    let title_case = word.chars().skip(1).all(|c| !c.is_uppercase());
    t.sentence_start && title_case && lower_words.contains(&word.to_lowercase())
}

fn normalize_word(text: &str, span: Span) -> String {
    crate::gazetteer::normalize(&text[span.start..span.end])
}

/// A name resumed after a bracketed insertion that ends in a capitalised
/// word: "Secretary (of State Marco) Rubio", "(Marco) Rubio" — the
/// journalists' way of completing a person's name inside a quote (not
/// "(AP) Springfield").
fn after_bracketed_name(text: &str, tokens: &[Token], j: usize) -> bool {
    let (Some(prev), Some(this)) = (j.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(j)) else {
        return false;
    };
    let gap = text.get(prev.end..this.start).unwrap_or("").trim();
    // An all-capital word is an agency or party tag ("(AP) Springfield").
    let word = text.get(prev.start..prev.end).unwrap_or("");
    let tag = word.chars().all(|c| !c.is_lowercase());
    prev.capitalised && !tag && (gap == ")" || gap == "]")
}

fn is_title(text: &str, t: &Token) -> bool {
    let w = text[t.start..t.end].trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
}

/// True when token `t` is a title directly before `next` ("Dr. Smith",
/// "Gov Smith"), not one a comma or more parts from it ("Orchard St.,
/// Toronto").
fn title_before(text: &str, t: &Token, next: &Token) -> bool {
    is_title(text, t) && text[t.end..next.start].trim_start_matches('.').trim().is_empty()
}

/// A single capitalised word followed by another capitalised word that is
/// no place: a first name ("Jackson Browne").
fn is_person_like(text: &str, tokens: &[Token], k: usize) -> bool {
    // "Whittier's Penn Park": a possessive is no first name.
    if is_possessive(&text[tokens[k].start..tokens[k].end]) {
        return false;
    }
    tokens.get(k + 1).is_some_and(|t| {
        t.capitalised
            && text[tokens[k].end..t.start].trim().is_empty()
            // "Toronto Saturday", "Gainesville Police", "Alexandria Mayor
            // Bill Euille": a day, a month, the body a place names or a
            // title is no surname.
            && {
                let next = text[t.start..t.end].to_lowercase();
                !is_calendar_word(&next) && !LOCAL_BODIES.contains(&next.as_str()) && !TITLES.contains(&next.as_str())
            }
    })
}

/// What the whole text tells about its words.
struct TextWords<'a> {
    /// Words the text writes in lower case.
    lower: &'a BTreeSet<String>,
    /// Words of person names.
    person: &'a BTreeSet<String>,
    /// Names kept as places inside sentences: the same name opening a
    /// sentence is the same place.
    named_inside: &'a BTreeSet<String>,
}

/// Should the candidate `span` (first token `ti`) be kept as a place?
fn keep(text: &str, span: Span, tokens: &[Token], ti: usize, words: &TextWords<'_>, g: &Gazetteer) -> bool {
    let (lower_words, person_words, named_inside) = (words.lower, words.person, words.named_inside);
    let surface = &text[span.start..span.end];
    let key = crate::gazetteer::normalize(surface);
    if person_words.contains(&key) || plural_acronym(surface) {
        return false;
    }
    let cands = candidates(surface, g);
    // Continent adjectives mostly name things, not places ("European
    // Union", "African swine fever"); they resolve when given, but are
    // not looked for.
    if !cands.is_empty()
        && cands
            .iter()
            .all(|c| c.place.kind == PlaceKind::Continent && c.name_kind == NameKind::Demonym)
    {
        return false;
    }
    let major = is_major(&cands);
    // "Police Department", "Fire District": a word that is no place alone
    // is none with an administrative word after it either.
    if !major
        && key
            .rsplit_once(' ')
            .is_some_and(|(base, last)| super::GENERIC_SUFFIXES.contains(&last) && NOT_PLACES.contains(&base))
    {
        return false;
    }
    // "the opposition newspaper La Prensa", "the daily Vanguard": the
    // title of an outlet, not a place of that name.
    if !major && after_word(text, tokens, ti, OUTLETS) {
        return false;
    }
    let single = !surface.contains(' ');
    if single && foreign_town_after_country(text, tokens, ti, &cands, g) {
        return false;
    }
    if single {
        if NOT_PLACES.contains(&key.as_str()) && !major || LANDFORMS.contains(&key.as_str()) {
            return false;
        }
        // A title standing alone ("the Secretary said") is a person.
        if TITLES.contains(&key.as_str()) {
            return false;
        }
        if DIRECTIONS.contains(&key.as_str()) {
            return false;
        }
        if !major && acts_as_person(text, span, tokens, ti) {
            return false;
        }
        // "Arafat met Sharon in Jerusalem": the one met is a person, not
        // a town of that name.
        if !major && person_object(text, span, tokens, ti) {
            return false;
        }
        // "the Bush administration": a leader's name, not a hamlet.
        if !major && next_word(text, tokens, ti, span).as_deref() == Some("administration") {
            return false;
        }
        // "the Port of Mombasa", "the Line of Control": a word heading a
        // name of its own ("X of Y") is no place alone.
        if !major && heads_an_of_name(text, tokens, ti, span) {
            return false;
        }
        let sentence_start = tokens.get(ti).is_some_and(|t| t.sentence_start);
        let lower = surface.to_lowercase();
        // "No other injuries", "Most of us", "Nov. 3", "I'll": an opener,
        // a date word or a contraction is no place, however many live in
        // a town of that name.
        let contraction = [
            "'ll",
            "'d",
            "'ve",
            "'re",
            "'m",
            "\u{2019}ll",
            "\u{2019}d",
            "\u{2019}ve",
            "\u{2019}re",
            "\u{2019}m",
        ]
        .iter()
        .any(|c| lower.ends_with(c));
        if !major
            && (sentence_start && OPENERS.contains(&lower.as_str())
                || is_calendar_word(&lower)
                || contraction)
        {
            return false;
        }
        let common = lower_words.contains(&lower);
        if (common || sentence_start) && !major {
            let pop = cands.iter().map(|c| c.place.population).max().unwrap_or(0);
            if common || (pop < MAJOR_MIN_POPULATION && !named_inside.contains(&key)) {
                return false;
            }
        }
        // One word that is only another name of lesser places is mostly a
        // word for something else ("Hausa politicians": Haouza, Western
        // Sahara, 2,400 people, is also called Hausa); the same bar as
        // for a name opening a sentence.
        if !major
            && !cands.is_empty()
            && cands
                .iter()
                .all(|c| c.name_kind == NameKind::Alternate && c.place.population < MAJOR_MIN_POPULATION)
        {
            return false;
        }
        // All-capital short words are mostly acronyms (not "US", "UK").
        if surface.len() <= 4
            && surface.chars().all(|c| c.is_ascii_uppercase())
            && !cands.iter().any(|c| c.place.kind == PlaceKind::Country)
        {
            return false;
        }
    }
    true
}

/// The span with the period of an abbreviated name ("Ky.", "Conn.",
/// "Ill."): a short mixed-case name every reading of which is an
/// alternate name, one of them a state or province (what news
/// abbreviates; "Kiev" is the capital's alternate name and ends its
/// sentence), right before a period.
fn with_abbreviation_period(text: &str, span: Span, g: &Gazetteer) -> Span {
    let surface = &text[span.start..span.end];
    // Mixed case: an acronym ("UK.") ends a sentence, it takes no period.
    if surface.chars().count() > 4
        || !text[span.end..].starts_with('.')
        || surface.contains('.')
        || !surface.chars().any(char::is_lowercase)
    {
        return span;
    }
    let cands = candidates(surface, g);
    if !cands.is_empty()
        && cands.iter().all(|c| c.name_kind == NameKind::Alternate)
        && cands.iter().any(|c| c.place.kind == PlaceKind::Admin1)
    {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// True when a word ends in a possessive "'s" (straight or curly).
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// The span without a trailing possessive "'s".
fn trim_possessive(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let cut = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .map_or(s.len(), str::len);
    Span::new(span.start, span.start + cut)
}

/// Least population of a province or capital that makes its name major,
/// kept even where a person's name is likelier (the sheadings of the Isle
/// of Man, "Michael" among them, are not; the same bar as for a name
/// opening a sentence).
const MAJOR_MIN_POPULATION: u64 = 100_000;

/// True when a name can denote a country, continent, first-level
/// subdivision or capital (not by a demonym): such names are kept even
/// where a lesser place name would be doubted.
pub(super) fn is_major(cands: &[Candidate<'_>]) -> bool {
    cands.iter().any(|c| match c.place.kind {
        PlaceKind::Country | PlaceKind::Continent => true,
        PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Capital => {
            c.name_kind == NameKind::Primary && c.place.population >= MAJOR_MIN_POPULATION
        }
        _ => false,
    })
}

/// The last token of a match, without a trailing "city", "department" or
/// "state" that opens the name of a body instead ("Ohio Department of
/// Transportation", "Kentucky State Police", "Dublin City Council": the
/// place is Ohio, Kentucky, Dublin), when the name without it is a place
/// too.
fn without_body_suffix(
    text: &str,
    tokens: &[Token],
    j: usize,
    k: usize,
    run_end: usize,
    g: &Gazetteer,
) -> usize {
    if k == j {
        return k;
    }
    // Not "county", "parish" or "township": "Henry County Sheriff" names
    // Henry County.
    let last = text[tokens[k].start..tokens[k].end].to_lowercase();
    if !["city", "department", "state"].contains(&last.as_str()) {
        return k;
    }
    let rest = text[tokens[k].end..].trim_start();
    // A body's noun in lower case after "State" counts too ("the US
    // State department", "Kentucky State police"); after "City" it does
    // not ("New York City police" are the city's).
    let body_noun = last != "city"
        && rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| LOWER_CASE_BODIES.contains(&w));
    let body_follows = k + 1 < run_end
        || body_noun
        || rest
            .strip_prefix("of ")
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
    if body_follows && !candidates(&text[tokens[j].start..tokens[k - 1].end], g).is_empty() {
        k - 1
    } else {
        k
    }
}

/// Lower-case nouns of a body after "State", "City" or "Department"
/// ("the US State department").
const LOWER_CASE_BODIES: &[&str] = &[
    "department",
    "police",
    "council",
    "legislature",
    "university",
    "troopers",
    "patrol",
];

/// Words after a name that make it a disease's ("Marburg virus").
const DISEASE_WORDS: &[&str] = &["disease", "fever", "flu", "hemorrhagic", "haemorrhagic", "virus"];

/// Words for the local bodies a place name opens ("Gainesville Police",
/// "Columbus Council", "Athens Fire Department").
const LOCAL_BODIES: &[&str] = &["board", "council", "fire", "police", "public", "sheriff"];

/// True when token `ti`, a name whose every reading is a town of under
/// 100,000 people, follows a country's name or demonym ("US Chamber of
/// Commerce", "British Airways") and none of those towns is in that
/// country: a word of an organisation's name, not Chamber in Pakistan.
fn foreign_town_after_country(
    text: &str,
    tokens: &[Token],
    ti: usize,
    cands: &[Candidate<'_>],
    g: &Gazetteer,
) -> bool {
    let Some(prev) = ti.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if cands.is_empty()
        || &text[prev.end..tokens[ti].start] != " "
        || !cands
            .iter()
            .all(|c| matches!(c.place.kind, PlaceKind::City) && c.place.population < MAJOR_MIN_POPULATION)
    {
        return false;
    }
    let countries: Vec<&str> = candidates(&text[prev.start..prev.end], g)
        .iter()
        .filter(|c| c.place.kind == PlaceKind::Country)
        .map(|c| c.place.country.as_str())
        .collect();
    !countries.is_empty()
        && !cands
            .iter()
            .any(|c| countries.contains(&c.place.country.as_str()))
}

/// A plural of an acronym ("AMAs", "MPs", "NGOs", "IDPs"): capitals and
/// a plural "s", which no place name is written as ("AMAs" is not Amas in
/// the Philippines).
fn plural_acronym(surface: &str) -> bool {
    surface
        .strip_suffix('s')
        .is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
}

/// Abbreviations that open place names ("St. Petersburg", "Ft. Worth",
/// "Mt. Kenya"): their period ends no sentence and splits no name.
const NAME_ABBREVIATIONS: &[&str] = &["ft", "mt", "pt", "st", "ste"];

/// True when token `t` is one of [`NAME_ABBREVIATIONS`].
fn is_name_abbreviation(text: &str, t: &Token) -> bool {
    NAME_ABBREVIATIONS.contains(&text[t.start..t.end].to_lowercase().as_str())
}

/// End (exclusive token index) of the capitalised run starting at `i`.
fn run_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let mut j = i + 1;
    while j < tokens.len() {
        let gap = &text[tokens[j - 1].end..tokens[j].start];
        let abbreviated = gap == ". " && tokens[j].capitalised && is_name_abbreviation(text, &tokens[j - 1]);
        if !(gap == " " || gap == "-" || abbreviated) {
            break;
        }
        if tokens[j].capitalised {
            j += 1;
            continue;
        }
        let w = &text[tokens[j].start..tokens[j].end];
        let next_cap = tokens
            .get(j + 1)
            .is_some_and(|t| t.capitalised && &text[tokens[j].end..t.start] == " ");
        if CONNECTORS.contains(&w) && next_cap {
            j += 2;
        } else {
            break;
        }
    }
    j.min(tokens.len())
}

/// Does the capitalised run `[i, end)` name a body of water or a delta
/// that the gazetteer does not know as a whole: it closes with a word
/// such as "Sea" or "Delta", or opens with one before "of"?
fn names_water_body(text: &str, tokens: &[Token], i: usize, end: usize, g: &Gazetteer) -> bool {
    let word = |k: usize| text[tokens[k].start..tokens[k].end].to_lowercase();
    // A sentence's opening article is no part of the name ("A Delta
    // police officer").
    let i = if matches!(word(i).as_str(), "a" | "an") {
        i + 1
    } else {
        i
    };
    if end < i + 2 {
        return false;
    }
    let closes = super::WATER_BODY_ENDS.contains(&word(end - 1).as_str());
    let opens = super::WATER_BODY_OPENERS.contains(&word(i).as_str()) && word(i + 1) == "of";
    (closes || opens) && longest_match(text, tokens, i, end, g) != Some(end - 1)
}

/// Index of the last token of the longest gazetteer name starting at
/// token `j` and ending before `end`.
fn longest_match(text: &str, tokens: &[Token], j: usize, end: usize, g: &Gazetteer) -> Option<usize> {
    let last = end.min(j + MAX_WORDS);
    if text[tokens[j].start..tokens[j].end].eq_ignore_ascii_case("the") {
        return None;
    }
    (j..last)
        .rev()
        .find(|&k| tokens[k].capitalised && !candidates(&text[tokens[j].start..tokens[k].end], g).is_empty())
}

/// Words: letters and digits, with inner apostrophes, periods of
/// abbreviations ("U.S.") and hyphens kept.
fn tokenize(text: &str, sentences: Option<&[Sentence]>) -> Vec<Token> {
    let starts: Option<BTreeSet<usize>> = sentences.map(|s| s.iter().map(|x| x.span.start).collect());
    let mut tokens = Vec::new();
    let mut iter = text.char_indices().peekable();
    let mut prev_punct = true; // text start counts as a sentence start
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            let abbreviation = c == '.'
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.end == i && is_name_abbreviation(text, t));
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '\u{201c}') && !abbreviation {
                prev_punct = true;
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let inner = matches!(d, '\'' | '\u{2019}' | '.')
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || inner {
                end = j + d.len_utf8();
                iter.next();
            } else if d == '.' && text[i..j].contains('.') {
                // Final period of an abbreviation such as "U.S."
                end = j + 1;
                iter.next();
                break;
            } else {
                break;
            }
        }
        let sentence_start = match &starts {
            Some(s) => s.contains(&i),
            None => prev_punct,
        };
        tokens.push(Token {
            start: i,
            end,
            capitalised: c.is_uppercase(),
            sentence_start,
        });
        prev_punct = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::fixture;

    /// Find places in `marked` with the brackets removed; the bracketed
    /// names are the expected finds.
    fn check(marked: &str) {
        let (text, spans) = super::super::tests::unmark(marked);
        let got: Vec<Span> = find_places(&text, None, &fixture())
            .iter()
            .map(|m| m.span)
            .collect();
        assert_eq!(got, spans, "find_places({marked:?}) in {text:?}");
    }

    #[test]
    fn finds_place_names_and_skips_people_and_common_words() {
        check("Rebels entered [Goma] on Monday, officials in [Kinshasa] said.");
        check("Fighting near [Goma], [North Kivu], spread to the [United States] embassy.");
        check("George Washington never saw [Paris], [Texas].");
        check("President Lincoln spoke. Lincoln said so.");
        check("Barak called on Arab states to meet in [Goma].");
        check("Officials in [Goma] said so. Goma said so.");
        check("Bogdanov Joins Goma Mayor Race\nThe election in [Goma] was close.");
        check("Secretary (of State Abraham) Lincoln spoke in [Goma].");
        check("GOMA (AP) [Kinshasa] officials said.");
        check("[Turkish] troops crossed into [Georgia] from [Turkey].");
        check("The [U.S.] and the [UK] agreed; [Sao Paulo] too.");
        check("March came early in [London].");
        check("Goma said nothing at all.");
        check("The Secretary visited [Goma] with Eastern [Kinshasa] officials.");
        check("The African Union met in [Goma].");
        // The one met is a person ("Arafat met Sharon"); Sderot stands
        // in for a town that is also a surname.
        check("Officials met Sderot in [Goma]. He spoke with Sderot.");
        check("He met, in [Sderot], the mayor. Trade with [Sderot] grew.");
        check("");
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_first_name() {
        // A hamlet called "In" somewhere: "In Goma" is still no person.
        let g = fixture_with("999001\tcity\tFRA\t3012874\t0\t48\t2\t40\tIn\t\t\n");
        let text = "In Goma, shops were looted. Rebels stayed in Goma.";
        assert_eq!(text_names(text, &g), ["Goma", "Goma"]);
    }

    #[test]
    fn a_foreign_town_after_a_country_name_is_a_word_of_a_body() {
        let g = fixture_with("999008\tcity\tPAK\t0\t0\t25\t68\t12746\tChamber\t\t\n");
        assert_eq!(
            text_names("The U.S. Chamber of Commerce met in Goma.", &g),
            ["U.S.", "Goma"]
        );
        assert_eq!(text_names("Rebels left Chamber on Monday.", &g), ["Chamber"]);
    }

    #[test]
    fn a_name_after_a_word_for_a_news_outlet_is_its_title() {
        let g = fixture_with("999009\tcity\tMEX\t0\t0\t20\t-99\t2500\tLa Prensa\t\t\n");
        assert_eq!(
            text_names(
                "The government ordered the opposition newspaper La Prensa to close in Goma.",
                &g
            ),
            ["Goma"]
        );
        assert_eq!(text_names("Rebels left La Prensa on Monday.", &g), ["La Prensa"]);
    }

    #[test]
    fn a_name_inside_a_body_of_water_s_name_is_no_place() {
        let g = fixture_with("999010\tcity\tTUR\t0\t0\t39\t35\t3000\tDelta\t\t\n");
        for text in [
            "Ferries crossed the Georgia Strait to Goma.",
            "Ships sailed the Gulf of Georgia to Goma.",
            "Turkey Strait traffic stopped before Goma.",
        ] {
            assert_eq!(text_names(text, &g), ["Goma"], "{text}");
        }
        // A town of the feature word's name, after a sentence's article.
        assert_eq!(text_names("A Delta police officer said so.", &g), ["Delta"]);
        assert_eq!(text_names("Rebels took Egypt and Goma.", &g), ["Egypt", "Goma"]);
    }

    #[test]
    fn a_plural_acronym_is_no_place() {
        let g = fixture_with("999007\tcity\tPHL\t0\t0\t7\t125\t3000\tAmas\t\t\n");
        assert_eq!(text_names("She will sing at the AMAs in Goma.", &g), ["Goma"]);
        assert_eq!(text_names("Rebels left Amas on Monday.", &g), ["Amas"]);
        assert!(
            plural_acronym("MPs")
                && plural_acronym("NGOs")
                && !plural_acronym("Goma")
                && !plural_acronym("Ms")
        );
    }

    #[test]
    fn a_small_place_heading_an_of_name_is_no_place() {
        let g = fixture_with("999004\tcity\tREU\t0\t0\t-20.9\t55.3\t40000\tPort\t\t\n");
        assert_eq!(text_names("The Port of Goma was closed.", &g), ["Goma"]);
        assert_eq!(text_names("Rebels left Port of their own will.", &g), ["Port"]);
        assert_eq!(text_names("Rebels reached Port on Monday.", &g), ["Port"]);
    }

    #[test]
    fn a_name_before_administration_is_a_leader() {
        let g = fixture_with("999003\tcity\tEGY\t0\t0\t30\t31\t5000\tBush\t\t\n");
        assert_eq!(text_names("The Bush administration met in Goma.", &g), ["Goma"]);
        assert_eq!(text_names("Rebels left Bush on Monday.", &g), ["Bush"]);
    }

    #[test]
    fn a_word_that_is_only_another_name_of_a_lesser_place_is_none() {
        // Haouza, Western Sahara, is also called "Hausa"; a city of a
        // million by another name is still found by it.
        let g = fixture_with(
            "999005\tcity\tESH\t0\t0\t27\t-11\t2400\tHaouza\tHausa\t\n\
             999006\tcity\tIND\t0\t0\t19\t73\t1000000\tMumbai\tBombay\t\n",
        );
        assert_eq!(text_names("Elders met Hausa politicians in Goma.", &g), ["Goma"]);
        assert_eq!(
            text_names("Rebels left Haouza for Bombay.", &g),
            ["Haouza", "Bombay"]
        );
    }

    #[test]
    fn an_ideal_in_a_party_name_is_no_town() {
        let g = fixture_with("999004\tcity\tUSA\t0\t0\t44\t-89\t6000\tFreedom\t\t\n");
        assert_eq!(
            text_names("The Azadliq (Freedom) coalition met in Goma.", &g),
            ["Goma"]
        );
    }

    #[test]
    fn a_bank_is_no_town() {
        // A village called "Bank" somewhere: "West Coast Bank" is a bank.
        let g = fixture_with("999007\tcity\tIND\t0\t0\t22\t75\t3000\tBank\t\t\n");
        assert_eq!(text_names("A bomb hit a Bank branch in Goma.", &g), ["Goma"]);
    }

    #[test]
    fn a_landform_alone_is_no_province() {
        // A province called "Gulf" somewhere: "the Gulf war" is not it.
        let g = fixture_with("999002\tadmin1\tPNG\t0\t0\t-8\t145\t40000\tGulf\t\t\n");
        assert_eq!(text_names("Its Gulf war spread to Goma.", &g), ["Goma"]);
    }

    #[test]
    fn a_person_named_like_two_towns_does_not_hide_an_earlier_place() {
        // "Margaret" and "Murphy" are both towns somewhere: a person, and
        // Goma before them stays a place.
        let g = fixture_with(
            "999005\tcity\tUSA\t0\t0\t35\t-84\t1600\tMurphy\t\t\n\
             999006\tcity\tAUS\t0\t0\t-34\t115\t9000\tMargaret\t\t\n",
        );
        assert_eq!(
            text_names("Boys were taken in Goma by Margaret Murphy.", &g),
            ["Goma"]
        );
    }

    #[test]
    fn an_acronym_or_a_possessive_before_a_name_is_no_first_name() {
        // "CBC Goma" is a broadcaster's edition, not a person named Goma:
        // the city stays a place everywhere in the text.
        assert_eq!(
            text_names("He told CBC Goma so. A salon owner in Goma agreed.", &fixture()),
            ["Goma", "Goma"]
        );
        assert_eq!(
            text_names("He spoke on Radio's Goma show. Shops in Goma shut.", &fixture()),
            ["Goma", "Goma"]
        );
    }

    #[test]
    fn areas_days_and_addresses_around_a_name_make_no_person_of_it() {
        assert_eq!(
            text_names("Prices rose in Greater Goma. Shops in Goma shut.", &fixture()),
            ["Goma", "Goma"]
        );
        assert_eq!(
            text_names("Snow will fall on Goma Saturday night.", &fixture()),
            ["Goma"]
        );
        assert_eq!(
            text_names("She lives at 12 Orchard St., Goma, and in Goma.", &fixture()),
            ["Goma", "Goma"]
        );
    }

    #[test]
    fn a_small_province_named_like_a_first_name_is_no_major_place() {
        let g = fixture_with("999007\tadmin1\tIMN\t0\t0\t54.3\t-4.6\t0\tMichael\t\t\n");
        assert_eq!(
            text_names("Michael Kabila of the police in Goma spoke.", &g),
            ["Goma"]
        );
    }

    #[test]
    fn a_name_given_an_age_is_a_person() {
        let g = fixture_with("999008\tcity\tUSA\t0\t0\t34\t-84\t15000\tFreeman\t\t\n");
        // Opening the sentence with a first name, or alone as a surname.
        assert_eq!(
            text_names("Brian Freeman, 23, was charged in Goma.", &g),
            ["Goma"]
        );
        assert_eq!(text_names("Freeman, 23, was charged in Goma.", &g), ["Goma"]);
        // A count after a place is no age.
        assert_eq!(text_names("In Goma, 45 people died.", &g), ["Goma"]);
    }

    #[test]
    fn an_institution_word_with_an_administrative_word_is_no_place() {
        // A town called Police (Poland): "Police Department" is not it.
        let g = fixture_with("999009\tcity\tPOL\t0\t0\t53.5\t14.6\t34000\tPolice\t\t\n");
        assert_eq!(text_names("The Police Department in Goma closed.", &g), ["Goma"]);
    }

    #[test]
    fn openers_date_words_and_contractions_are_no_places() {
        // Towns somewhere called "No", "Nov" and "Ill", large enough to
        // be kept at a sentence's start otherwise.
        let g = fixture_with(
            "999010\tcity\tGHA\t0\t0\t6.6\t0.5\t130000\tNo\t\t\n\
             999011\tcity\tTJK\t0\t0\t40.2\t69.4\t130000\tNov\t\t\n\
             999012\tcity\tUSA\t0\t0\t40\t-89\t130000\tIll\t\t\n",
        );
        assert_eq!(
            text_names("No one was hurt in Goma on Nov. 3. I'll go, he said.", &g),
            ["Goma"]
        );
    }

    #[test]
    fn abbreviated_saints_and_possessives_keep_their_names_whole() {
        let g = fixture_with(
            "999013\tcity\tRUS\t0\t0\t59.9\t30.3\t5000000\tSaint Petersburg\tSt. Petersburg\t\n\
             999014\tcity\tUSA\t0\t0\t34\t-118\t85000\tWhittier\t\t\n\
             999015\tcity\tKOR\t0\t0\t37\t127\t20000\tPark\t\t\n",
        );
        assert_eq!(
            text_names("Flights between Goma and St. Petersburg start soon.", &g),
            ["Goma", "St. Petersburg"]
        );
        // "Whittier's Penn Park": no first name "Whittier".
        assert_eq!(text_names("They met at Whittier's Penn Park.", &g), ["Whittier"]);
    }

    #[test]
    fn a_disease_named_after_a_town_is_no_place_anywhere_in_the_text() {
        let g = fixture_with("999021\tcity\tDEU\t0\t0\t50.8\t8.8\t76000\tMarburg\t\t\n");
        assert_eq!(
            text_names("Marburg virus reached Goma. Marburg kills slowly.", &g),
            ["Goma"]
        );
        assert_eq!(
            text_names("He studied in Marburg and Goma.", &g),
            ["Marburg", "Goma"]
        );
    }

    #[test]
    fn a_brand_is_no_first_name() {
        assert_eq!(
            text_names("Groups such as StandUp Goma helped. Goma voted.", &fixture()),
            ["Goma", "Goma"]
        );
    }

    #[test]
    fn an_opener_is_no_first_name() {
        // A town called "One" somewhere: "One Goma resident" is no person.
        let g = fixture_with("999022\tcity\tUSA\t0\t0\t40\t-90\t900\tOne\t\t\n");
        assert_eq!(text_names("One Goma resident called in.", &g), ["Goma"]);
    }

    #[test]
    fn holidays_and_parties_are_no_towns() {
        let g = fixture_with(
            "999019\tcity\tUSA\t0\t0\t28.5\t-81\t1200\tChristmas\t\t\n\
             999020\tcity\tUSA\t0\t0\t37\t-101\t19000\tLiberal\t\t\n",
        );
        assert_eq!(
            text_names(
                "Families in Goma spent Christmas together; the Liberal leader came.",
                &g
            ),
            ["Goma"]
        );
    }

    #[test]
    fn an_abbreviated_state_before_said_is_a_place() {
        let g = fixture_with(
            "4482348\tadmin1\tUSA\t0\t0\t35.2\t-79.8\t6520086\tNorth Carolina\tN.C.\t\n\
             4574324\tcity\tUSA\t4482348\t0\t35.4\t-83.4\t2000\tCharleston\t\t\n\
             999022\tcity\tUSA\t0\t0\t32\t-90\t3000\tJordan\t\t\n",
        );
        assert_eq!(
            text_names("A firm in Charleston, N.C., said so.", &g),
            ["Charleston", "N.C."]
        );
        // A lesser place before "said" is still a speaker.
        assert_eq!(text_names("Later Jordan said so.", &g), Vec::<&str>::new());
    }

    #[test]
    fn a_lesser_place_arrested_or_pleading_is_a_person() {
        let g = fixture_with(
            "4431410\tcity\tUSA\t0\t0\t32.3\t-90.2\t160000\tJackson\t\t\n\
             4436296\tadmin1\tUSA\t0\t0\t32.6\t-89.8\t2900000\tMississippi\t\t\n\
             999030\tcity\tUSA\t0\t0\t38.8\t-77.1\t150000\tAlexandria\t\t\n",
        );
        assert_eq!(
            text_names("Police said Jackson was arrested on Tuesday.", &g),
            Vec::<&str>::new()
        );
        assert_eq!(
            text_names("Later Jackson pleaded not guilty.", &g),
            Vec::<&str>::new()
        );
        // Where the act happened, or the town closing an address, stays.
        assert_eq!(
            text_names("He was arrested in Jackson, Mississippi.", &g),
            ["Jackson", "Mississippi"]
        );
        assert_eq!(
            text_names("Ann Lee, 19, of Orchard St., Alexandria, was arrested.", &g),
            ["Alexandria"]
        );
    }

    #[test]
    fn a_lesser_place_acting_as_a_person_is_that_person_throughout_the_text() {
        let g = fixture_with(
            "4431410\tcity\tUSA\t0\t0\t32.3\t-90.2\t160000\tJackson\t\t\n\
             999018\tcity\tUSA\t0\t0\t29.6\t-82.3\t130000\tGainesville\t\t\n\
             999019\tcity\tUSA\t0\t0\t32.8\t-79.9\t150000\tCharleston\t\t\n",
        );
        assert_eq!(
            text_names(
                "Jackson was arrested on Tuesday. The team will not discipline Jackson, and Jackson will play.",
                &g
            ),
            Vec::<&str>::new()
        );
        // Not when the text also puts something in the town, or makes it
        // the home of people: then only the speaking name is a person.
        assert_eq!(
            text_names("Jackson said no. The fair in Jackson opened.", &g),
            ["Jackson"]
        );
        assert_eq!(
            text_names(
                "Gainesville says no to it, and Gainesville residents marched.",
                &g
            ),
            ["Gainesville"]
        );
        // A name closing an apposition speaks for no one.
        assert_eq!(
            text_names("Sen. Robert Ford, D-Charleston, said he is hopeful.", &g),
            ["Charleston"]
        );
    }

    #[test]
    fn a_place_opening_a_local_bodys_name_is_no_first_name() {
        // Gainesville is a lesser place: "Police" after it is no surname.
        let g = fixture_with("999018\tcity\tUSA\t0\t0\t34.3\t-83.8\t40000\tGainesville\t\t\n");
        assert_eq!(
            text_names("A release from Gainesville Police came late.", &g),
            ["Gainesville"]
        );
        // Nor when the body's word is a town too (Police, Poland): two
        // lesser names in a row are no "Bob Jones" then.
        let g = fixture_with(
            "999018\tcity\tUSA\t0\t0\t34.3\t-83.8\t40000\tGainesville\t\t\n\
             999021\tcity\tPOL\t0\t0\t53.55\t14.57\t20000\tPolice\t\t\n",
        );
        assert_eq!(
            text_names("A release from Gainesville Police came late.", &g),
            ["Gainesville"]
        );
        // A title after a place is the place's officer's.
        assert_eq!(
            text_names("The Gainesville Mayor Bill Ford spoke.", &g),
            ["Gainesville"]
        );
    }

    #[test]
    fn a_body_named_after_a_place_names_the_place_only() {
        assert_eq!(
            text_names(
                "The Ohio Department of Transportation and the Texas State Police met.",
                &fixture()
            ),
            ["Ohio", "Texas"]
        );
        // So does one whose noun is in lower case.
        assert_eq!(text_names("The Texas State police met.", &fixture()), ["Texas"]);
        let g = fixture_with(
            "999018\tcity\tUSA\t0\t0\t39.1\t-94.6\t500000\tKansas City\t\t\n\
             999019\tadmin1\tUSA\t0\t0\t38.5\t-98\t2900000\tKansas\t\t\n",
        );
        assert_eq!(text_names("The Kansas City police met.", &g), ["Kansas City"]);
        // A county's name keeps its word.
        let g = fixture_with("999016\tadmin2\tUSA\t0\t0\t33\t-84\t200000\tHenry County\t\t\n");
        assert_eq!(
            text_names("The Henry County Sheriff spoke in Goma.", &g),
            ["Henry County", "Goma"]
        );
    }

    #[test]
    fn an_abbreviated_state_keeps_its_period() {
        let g = fixture_with("999017\tadmin1\tUSA\t0\t0\t37.5\t-85\t4500000\tKentucky\tKy|Ky.\t\n");
        let text = "He moved from Louisville, Ky., to the UK.";
        let got: Vec<&str> = find_places(text, None, &g)
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert!(got.contains(&"Ky."), "{got:?}");
        // An acronym ending a sentence takes no period.
        assert!(!got.contains(&"UK."), "{got:?}");
    }

    #[test]
    fn a_city_s_short_alternate_name_ending_a_sentence_leaves_its_period() {
        let g = fixture_with(
            "999018	capital	UKR	0	0	50.45	30.52	2800000	Kyiv	Kiev	
",
        );
        let text = "Moscow condemned the vote in Kiev. It was held on Sunday.";
        let got: Vec<&str> = find_places(text, None, &g)
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert!(got.contains(&"Kiev"), "{got:?}");
    }

    /// The test gazetteer with one more row.
    fn fixture_with(row: &str) -> Gazetteer {
        let text = format!("{}{row}", crate::gazetteer::tests::FIXTURE);
        Gazetteer::from_bytes(text.as_bytes()).expect("gazetteer parses")
    }

    fn text_names<'t>(text: &'t str, g: &Gazetteer) -> Vec<&'t str> {
        find_places(text, None, g)
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect()
    }

    #[test]
    fn a_small_town_opening_a_sentence_is_a_place_where_the_text_names_it_inside_one() {
        let g = fixture_with("999011\tcity\tCOD\t0\t0\t-1.2\t28.9\t5000\tKitshanga\t\t\n");
        assert_eq!(
            text_names(
                "Rebels took Kitshanga on Monday. Kitshanga was calm on Tuesday.",
                &g
            ),
            ["Kitshanga", "Kitshanga"]
        );
        // Alone, a small town's name opening a sentence is too weak a cue.
        assert!(text_names("Kitshanga was calm on Tuesday.", &g).is_empty());
    }

    #[test]
    fn sentence_starts_can_be_given() {
        let text = "Georgia won. Then Alexandria lost.";
        let sentences = [
            Sentence {
                span: Span::new(0, 12),
            },
            Sentence {
                span: Span::new(13, 34),
            },
        ];
        let found = find_places(text, Some(&sentences), &fixture());
        let got: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(got, ["Georgia", "Alexandria"]);
    }

    proptest::proptest! {
        #[test]
        fn find_places_never_panics(text in "\\PC{0,60}") {
            let _ = find_places(&text, None, &fixture());
        }
    }
}
