//! An event's date and place: the time expression and the place name that
//! govern its clause.
//!
//! Date: the nearest time expression of the event's own clause that dates
//! the clause rather than a noun ("Rwanda's 1994 genocide", "the 2024
//! talks" are skipped); else one of the sentence's main clause when the
//! event's clause is reported speech, a participle or a coordinated verb
//! (they share its time); never one across an adverbial "after", "before",
//! "since" (those relate two different times). With no time expression the
//! publication date stands in, marked as such; with none either, the date
//! is unknown. An expression the annotation stage could not resolve gives
//! an unknown date rather than a guess.
//!
//! Place: the target when it is a place ("captured Goma"), else the first
//! place after a locative preposition ("in", "at", "near", …) in the
//! clause, else in the main clause.

use sitrep_model::{
    DatePrecision, EventDateBasis, EventPlace, PartialDate, PlaceMention, PublishedDate, Span, TimeExpression,
};

use crate::sentence::{RELATIVE_OPENERS, Sentence};
use crate::text::Tag;

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "into",
    "throughout",
    "within",
];

/// Nouns naming a settlement or area by the name after "of" ("the town
/// of Samarra", "the province of Helmand").
const SETTLEMENTS: &[&str] = &[
    "town", "city", "village", "province", "region", "district", "state", "port", "capital", "suburb",
    "island", "enclave", "area",
];

/// Nouns naming an area by a place used as their modifier ("near the
/// Syrian border", "in the Kabul area"): the place is still where it
/// happened, unlike a modifier of a party ("a Rwandan minister").
const AREA_HEADS: &[&str] = &[
    "border",
    "borders",
    "frontier",
    "area",
    "areas",
    "region",
    "coast",
    "coastline",
    "outskirts",
    "countryside",
    "province",
    "district",
    "valley",
    "capital",
    "city",
    "town",
    "village",
    "villages",
    "airport",
    "port",
    "harbour",
    "harbor",
    "camp",
    "enclave",
    "island",
    "mountains",
    "highlands",
    "desert",
    "sector",
    "side",
    "territory",
    "waters",
    "airspace",
];

/// Subordinators whose clause has its own time.
const ADVERBIAL: &[&str] = &[
    "after", "before", "since", "until", "till", "once", "while", "when", "as",
];

/// Subordinators of a clause at the same time as the one it follows
/// ("killed 23 people late Sunday when they blew themselves up"): with
/// no time of its own, it shares that clause's.
const SIMULTANEOUS: &[&str] = &["when"];

/// The token range of a byte span within the sentence.
fn token_range(sent: &Sentence<'_, '_>, span: Span) -> Option<(usize, usize)> {
    let inside: Vec<usize> = (0..sent.toks.len())
        .filter(|&i| sent.toks[i].span.start >= span.start && sent.toks[i].span.end <= span.end)
        .collect();
    Some((*inside.first()?, *inside.last()? + 1))
}

fn attributive(sent: &Sentence<'_, '_>, a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).and_then(|i| sent.toks.get(i));
    let after = sent.toks.get(b);
    let bare_year = b == a + 1
        && sent
            .toks
            .get(a)
            .is_some_and(|t| t.tag == Tag::Number && t.lower.len() == 4);
    before.is_some_and(|t| t.tag == Tag::Possessive)
        || after.is_some_and(|t| t.tag == Tag::Possessive)
        || (bare_year && before.is_some_and(|t| t.tag == Tag::Det))
}

/// Is token `b` a noun of area the place before it names ("near the
/// Gaza Strip border")? Not a settlement whose own name follows ("the
/// Iraqi city of Basra"): that name is the place.
fn area_named(sent: &Sentence<'_, '_>, b: usize) -> bool {
    sent.toks.get(b).is_some_and(|t| t.is(AREA_HEADS)) && !sent.toks.get(b + 1).is_some_and(|t| t.is(&["of"]))
}

/// The main clause: tokens before the first subordinator or break.
fn main_clause_end(sent: &Sentence<'_, '_>) -> usize {
    sent.toks
        .iter()
        .position(|t| matches!(t.tag, Tag::Sub | Tag::Rel | Tag::Break))
        .unwrap_or(sent.toks.len())
}

/// Where the main clause's scene ends: at its end, or before a reason
/// given by a gerund ("jailed a man for helping militants join a group
/// in Lebanon" was not in Lebanon).
fn main_scene_end(sent: &Sentence<'_, '_>) -> usize {
    let end = main_clause_end(sent);
    (0..end).find(|&i| sent.opens_reason(i)).unwrap_or(end)
}

fn nearest<'t>(
    sent: &Sentence<'_, '_>,
    times: &[&'t TimeExpression],
    from: usize,
    to: usize,
    anchor: usize,
) -> Option<&'t TimeExpression> {
    times
        .iter()
        .filter_map(|t| {
            let (a, b) = token_range(sent, t.span)?;
            (a >= from && b <= to && !attributive(sent, a, b) && !in_other_relative(sent, anchor, a, b))
                .then_some((a, b, *t))
        })
        .min_by_key(|&(a, b, _)| {
            let gap = if b <= anchor {
                anchor - b
            } else {
                a.saturating_sub(anchor)
            };
            (gap, a)
        })
        .map(|(_, _, t)| t)
}

/// Is the time at tokens `[a, b)` inside a relative clause set off by
/// commas that does not hold verb `anchor` ("Israel, whose troops had
/// arrested him 15 months ago, freed him": the months are the arrest's,
/// not the release's)?
fn in_other_relative(sent: &Sentence<'_, '_>, anchor: usize, a: usize, b: usize) -> bool {
    let toks = &sent.toks;
    (1..toks.len()).any(|open| {
        if toks[open - 1].tag != Tag::Comma || !toks[open].is(RELATIVE_OPENERS) {
            return false;
        }
        let end = (open..toks.len())
            .find(|&i| matches!(toks[i].tag, Tag::Comma | Tag::Break))
            .unwrap_or(toks.len());
        a >= open && b <= end && !(open..end).contains(&anchor)
    })
}

/// An event's date: the day (none when unknown), its precision and what
/// it was read from.
pub type EventDate = (Option<PartialDate>, DatePrecision, EventDateBasis);

/// The day standing in for a time a clause does not state: the day the
/// narration is at, else the publication date.
fn stand_in(
    narrative: Option<PartialDate>,
    published: Option<PartialDate>,
) -> Option<(PartialDate, EventDateBasis)> {
    narrative
        .map(|n| (n, EventDateBasis::Text))
        .or_else(|| published.map(|p| (p, EventDateBasis::Publication)))
}

/// `found` as an event's date, unknown when there is none.
fn as_event_date(found: Option<(PartialDate, EventDateBasis)>) -> EventDate {
    match found {
        Some((day, basis)) => (Some(day), day.precision(), basis),
        None => (None, DatePrecision::Unknown, EventDateBasis::None),
    }
}

/// The date of an event whose verb is token `k` in a clause `[from, to)`.
/// `narrative`: the date the previous sentence gave, when this event
/// continues its narration ("In the discussions held on Friday, February
/// 21, both leaders agreed … They jointly condemned …"); it stands in for
/// a time expression of the event's own.
pub fn date(
    sent: &Sentence<'_, '_>,
    times: &[&TimeExpression],
    (k, from, to): (usize, usize, usize),
    published: Option<PartialDate>,
    narrative: Option<PartialDate>,
) -> EventDate {
    // The present perfect takes no "… ago": "has issued warrants for
    // two men sought in a slaying three years ago" dates the slaying.
    let not_counted_back: Vec<&TimeExpression>;
    let times = if present_perfect(sent, k) {
        not_counted_back = times.iter().filter(|t| !counts_back(sent, t)).copied().collect();
        not_counted_back.as_slice()
    } else {
        times
    };
    // An adverbial clause ("after …", "before …") has a time of its own;
    // a simultaneous one ("when …") shares its main clause's.
    let own_time = from
        .checked_sub(1)
        .and_then(|i| sent.toks.get(i))
        .is_some_and(|t| t.is(ADVERBIAL) && !t.is(SIMULTANEOUS));
    let found = nearest(sent, times, from, to, k).or_else(|| {
        if own_time {
            return None;
        }
        let main_end = main_clause_end(sent);
        (from >= main_end || from == 0)
            .then(|| nearest(sent, times, 0, main_end, k))
            .flatten()
    });
    match found {
        Some(t) => (t.date, t.precision, EventDateBasis::Text),
        None => {
            if let Some(counted) = from
                .checked_sub(1)
                .and_then(|o| counted_from_main(sent, times, o, published, narrative))
            {
                return counted;
            }
            as_event_date(stand_in(narrative, published).filter(|_| !own_time))
        }
    }
}

/// Is verb `k` in the present perfect ("has issued", "have been
/// arrested")?
fn present_perfect(sent: &Sentence<'_, '_>, k: usize) -> bool {
    let start = sent.verb_group(k).start;
    sent.toks[start..k].iter().any(|t| t.is(&["has", "have", "'ve"]))
}

/// Does time expression `t` count back from now ("three years ago")?
fn counts_back(sent: &Sentence<'_, '_>, t: &TimeExpression) -> bool {
    token_range(sent, t.span).is_some_and(|(a, b)| sent.toks[a..b].iter().any(|t| t.is(&["ago"])))
}

/// The date of an event that is something said about an act to come (an
/// intention, a promise, a threat, a demand that someone act) whose verb
/// is token `k` in a clause `[from, to)`: when it was said, not when the
/// act is to happen ("Israel announced it would free 150 prisoners by
/// the end of August" is a promise of the day it was announced). The
/// nearest time expression outside the act (the saying's "on Friday",
/// before the act's subject or after its clause), else the narrated day,
/// else the publication date.
pub fn statement_date(
    sent: &Sentence<'_, '_>,
    times: &[&TimeExpression],
    (k, from, to): (usize, usize, usize),
    published: Option<PartialDate>,
    narrative: Option<PartialDate>,
) -> EventDate {
    let saying = sent.saying_before(k);
    // The act opens at its subject when a verb of saying comes before
    // ("said Wednesday it would …": Wednesday is the saying's).
    let act_from = match (saying, sent.subject(k, 0)) {
        (Some(j), Some(c)) if sent.chunks[c].start > j => sent.chunks[c].start.max(from),
        (Some(j), _) => (j + 1).max(from),
        (None, _) => from,
    };
    let outside: Vec<&TimeExpression> = times
        .iter()
        .filter(|t| token_range(sent, t.span).is_some_and(|(a, b)| b <= act_from || a >= to))
        .copied()
        .collect();
    // Said before the act: dated as the saying's own clause is (a time
    // of another clause, "who had been arrested 15 months ago", is not
    // the saying's).
    if let Some(j) = saying {
        return date(
            sent,
            &outside,
            (j, sent.clause_start(j), act_from.max(j + 1)),
            published,
            narrative,
        );
    }
    // Said after it ("…, officials said on Monday").
    let tail = sent
        .reporter(k)
        .and_then(|_| nearest(sent, &outside, to, sent.toks.len(), to));
    match tail {
        Some(t) => (t.date, t.precision, EventDateBasis::Text),
        None => as_event_date(stand_in(narrative, published)),
    }
}

/// Number words a counted interval opens with ("a day", "two weeks").
const COUNT_WORDS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
];

/// Days in a unit of a counted interval, for the units that count whole
/// days (a month or a year has no fixed length).
fn unit_days(word: &str) -> Option<i64> {
    match word {
        "day" | "days" => Some(1),
        "week" | "weeks" => Some(7),
        _ => None,
    }
}

/// Days counted by `count unit` ("one day", "two weeks", "3 days").
fn counted_days(count: &str, unit: &str) -> Option<i64> {
    let per = unit_days(unit)?;
    let n = COUNT_WORDS
        .iter()
        .find(|(w, _)| *w == count)
        .map(|&(_, n)| n)
        .or_else(|| count.parse::<i64>().ok().filter(|n| (1..=366).contains(n)))?;
    Some(n * per)
}

/// The date of an event in a clause opened by "after"/"before" at token
/// `opener` that a counted interval precedes ("Italy suspended air
/// links, one day after a Serbian jet shot down a helicopter"; "Two
/// weeks before the vote, the opposition withdrew"): the main clause's
/// day moved back ("after") or on ("before") by the interval. The main
/// clause's day is its own time expression, else the narrated day, else
/// the publication date; a main clause known only to the month or year,
/// or dated by an expression the annotation could not resolve, dates
/// nothing.
fn counted_from_main(
    sent: &Sentence<'_, '_>,
    times: &[&TimeExpression],
    opener: usize,
    published: Option<PartialDate>,
    narrative: Option<PartialDate>,
) -> Option<EventDate> {
    let toks = &sent.toks;
    let sign = match toks.get(opener)?.lower.as_str() {
        "after" => -1,
        "before" => 1,
        _ => return None,
    };
    let count_at = opener.checked_sub(2)?;
    let days = counted_days(&toks[count_at].lower, &toks[opener - 1].lower)?;
    // The main clause: before the interval, or, when the interval opens
    // the sentence, after the comma that closes the fronted clause.
    let (from, to) = if count_at == 0 {
        let comma = (opener..toks.len()).find(|&i| toks[i].tag == Tag::Comma)?;
        let end = (comma + 1..toks.len())
            .find(|&i| matches!(toks[i].tag, Tag::Sub | Tag::Rel | Tag::Break))
            .unwrap_or(toks.len());
        (comma + 1, end)
    } else {
        (0, count_at.min(main_clause_end(sent)))
    };
    let (base, basis) = match nearest(sent, times, from, to, count_at) {
        Some(t) => (t.date?, EventDateBasis::Text),
        None => stand_in(narrative, published)?,
    };
    let day = PublishedDate::from_ymd(base.year, base.month?, base.day?)?;
    let moved = PublishedDate::from_days_since_epoch(day.days_since_epoch() + sign * days)?;
    let date = PartialDate::from_day(moved);
    Some((Some(date), DatePrecision::Day, basis))
}

/// An event's place from a place mention.
pub(crate) fn to_event_place(p: &PlaceMention) -> EventPlace {
    EventPlace {
        name: p.name.clone(),
        geonames_id: p.geonames_id,
        lat: p.lat,
        lon: p.lon,
        country: p.country.clone(),
        span: p.span,
    }
}

/// Prepositions that open what talks or statements are about.
const TOPIC: &[&str] = &["on", "about", "over", "regarding", "concerning"];

/// Where the topic of talks or a statement opens after its verb ending at
/// token `trigger_end` ("a conversation with Rubio on the need to ensure
/// a ceasefire in Eastern DRC"): places from there are what was talked
/// about, not where. A time ("on Wednesday") opens no topic.
pub fn topic_start(sent: &Sentence<'_, '_>, trigger_end: usize) -> Option<usize> {
    (trigger_end..sent.toks.len()).find(|&i| sent.toks[i].is(TOPIC) && !sent.in_time[i])
}

/// The place of an event in a clause `[from, to)`; `target` is the
/// target's span when the target is a place; `source` is never the place.
/// `leaving`: the event is a withdrawal, so "from X" names its place too.
/// `violent`: the event is an act of force, so "over X" names its place
/// ("shot down a drone over Belgorod"; elsewhere "over" opens a topic:
/// "sanctions over Ukraine").
/// `topic`: places from this token on are a topic, not the place.
#[allow(clippy::too_many_arguments)]
pub fn place(
    sent: &Sentence<'_, '_>,
    places: &[&PlaceMention],
    (from, to): (usize, usize),
    target: Option<Span>,
    source: Span,
    (leaving, violent): (bool, bool),
    topic: Option<usize>,
) -> Option<EventPlace> {
    if let Some(t) = target {
        // "the Bosnian town of Gorazde": the settlement named after "of"
        // is more precise than the nationality before it.
        let named_settlement = token_range(sent, t).and_then(|(_, b)| {
            let settlement = sent.toks.get(b).is_some_and(|t| t.is(SETTLEMENTS))
                && sent.toks.get(b + 1).is_some_and(|t| t.is(&["of"]));
            let after = sent.toks.get(b + 2).filter(|_| settlement)?.span.start;
            places.iter().find(|p| p.span.start == after)
        });
        // A ship's flag or a firm's owner is not where it was ("attacked
        // a Liberian-flagged ship").
        let owner = |p: &PlaceMention| {
            let rest = sent.text.get(p.span.end..).unwrap_or_default();
            crate::actors::OWNER_SUFFIXES
                .iter()
                .any(|suffix| rest.starts_with(suffix))
        };
        if let Some(p) = named_settlement.or_else(|| {
            places
                .iter()
                .find(|p| p.span.start >= t.start && p.span.end <= t.end && !owner(p))
        }) {
            return Some(to_event_place(p));
        }
    }
    // A name opening a longer name ("at a West Coast Bank branch", "at
    // the Fulton County Courthouse") only when no other place is found.
    let locative = |from: usize, to: usize, in_names: bool| {
        places.iter().find(|p| {
            if p.span.start >= source.start && p.span.end <= source.end {
                return false;
            }
            let Some((a, b)) = token_range(sent, p.span) else {
                return false;
            };
            // A demonym or name used as a modifier ("a Rwandan minister"),
            // not one followed by its clause's verb ("near Samarra killed").
            if sent
                .toks
                .get(b)
                .is_some_and(|t| t.tag == Tag::Word && !t.capital && !sent.in_time[b])
                && !area_named(sent, b)
                && !sent.triggers.iter().any(|tr| tr.tok == b)
            {
                return false;
            }
            if !in_names
                && sent.toks.get(b).is_some_and(|t| {
                    t.tag == Tag::Word && t.capital && !sent.in_time.get(b).copied().unwrap_or(false)
                })
            {
                return false;
            }
            if a < from || b > to || topic.is_some_and(|t| a >= t) {
                return false;
            }
            // The preposition before the name, skipping modifiers ("in
            // eastern Congo") and a settlement noun's "of" ("near the town
            // of Samarra").
            let mut i = a;
            let mut words = 0;
            while i > 0 {
                i -= 1;
                let t = &sent.toks[i];
                if t.is(LOCATIVE) || (leaving && t.is(&["from"])) || (violent && t.is(&["over"])) {
                    return true;
                }
                if t.is(&["of"]) && i + 1 == a && i > 0 && sent.toks[i - 1].is(SETTLEMENTS) {
                    continue;
                }
                // "outside of the city of Basra".
                if t.is(&["of"]) && i > 0 && sent.toks[i - 1].is(&["outside"]) {
                    return true;
                }
                // Only determiners and modifiers, at most three words back.
                let modifier = matches!(t.tag, Tag::Det | Tag::Word) || t.capital;
                words += 1;
                if !modifier || words > 3 {
                    return false;
                }
            }
            false
        })
    };
    let whole = main_scene_end(sent);
    locative(from, to, false)
        .or_else(|| locative(0, whole, false))
        .or_else(|| locative(from, to, true))
        .or_else(|| locative(0, whole, true))
        .map(|p| to_event_place(p))
}
