//! Time expressions, resolved against the article's publication date.
//!
//! [`resolve_times`] finds the English time expressions of an article and
//! gives each the calendar date it denotes, with a precision (day, month,
//! year) and the anchor it was resolved against. [`governing_time`] picks
//! the expression that dates a given stretch of a sentence (for event
//! dating).
//!
//! # What is recognised
//!
//! | form | example | resolved against |
//! |---|---|---|
//! | full date | `February 21, 2025`, `Feb. 21, 2025`, `21 February 2025`, `2025-02-21`, `21/02/2025` | itself (`absolute`) |
//! | month and year, year | `February 2025`, `mid-2024`, `in 2024`, `Rwanda's 1994 genocide` | itself |
//! | day and month | `February 21`, `Friday, February 21`, `the 21st of February` | the publication year |
//! | month | `in February`, `last March`, `early February` | the publication date |
//! | weekday | `on Friday`, `last Sunday`, `next Monday`, `Friday night` | the publication date |
//! | deictic | `today`, `yesterday`, `last night`, `tomorrow` | the publication date |
//! | calendar | `earlier this month`, `last week`, `next year`, `over the weekend` | the publication date |
//! | offset | `two weeks ago`, `a year ago`, `the past 24 hours`, `in recent days` | the publication date |
//! | anchored | `a day earlier`, `the next day`, `two days later`, `the same day`, `later that month` | the date mentioned just before (`mentioned`) |
//!
//! Spans cover the date words and their modifiers ("last Sunday", "earlier
//! this month", "a day earlier") but not governing prepositions ("on",
//! "in"), as in TIMEX3.
//!
//! # How dates are resolved
//!
//! Every expression is turned into an interval of days, and the date
//! reported is the finest calendar unit containing the whole interval: a
//! single day gives day precision, an interval inside one month gives that
//! month, inside one year that year, anything wider is unresolved. So a
//! day is never guessed when only a month is known, and vague expressions
//! ("in recent months") honestly come out unresolved.
//!
//! - Weekdays: the most recent such day on or before publication ("on
//!   Friday" in a Saturday paper is the day before); on or after it when
//!   the clause is in the future tense ("will meet on Monday"); `last X`
//!   is strictly before, `next X` strictly after, `this X` follows the
//!   tense and defaults to the coming one.
//! - Year-less dates take the year from, in order: a full date earlier in
//!   the same sentence (`mentioned`); the publication date (`publication`):
//!   the latest candidate year not after publication in a past-tense
//!   clause, the earliest not before it in a future-tense clause, otherwise
//!   the nearest; the story-level year the caller supplies from other
//!   articles of the same story (`inferred`); a full date earlier in the
//!   same paragraph (`mentioned`). A stated weekday that matches exactly
//!   one of the neighbouring years picks that year. Otherwise unresolved.
//! - Tense is read from the clause around the expression (bounded by
//!   `;`, `:`, dashes, quotation marks and "that", "which", "who", "but",
//!   …): the nearest tense marker before the expression, else after it.
//!   Future: will, shall, 'll, would, is due/expected/scheduled/set/going
//!   to, plans to, is/are to, is meeting/visiting/travelling (progressives
//!   of planned events), `to` + a verb of planned action (meet, vote,
//!   visit, …) after a verb of commitment ("agreed to meet on Tuesday";
//!   other infinitives, as in "on her way to attend services on Friday",
//!   say nothing). Past: was, were, had, did, has/have (perfect),
//!   irregular past forms, and -ed verbs not preceded by an auxiliary.
//! - Offsets: `N days ago` is a day; `a week ago` is the same weekday a
//!   week before; `N weeks ago` (N ≥ 2) is taken as ±3 days and usually
//!   comes out as a month; `N months ago` is a month; `N years ago` is a
//!   year (so "a year ago" has year precision: its month is loose in news
//!   usage). "about" widens day and week offsets; "more than" leaves them
//!   open (unresolved); "less than" runs to publication.
//! - Anchored expressions ("a day earlier", "the same day") shift the
//!   nearest preceding expression that names a day or a week (month- and
//!   year-level mentions such as "Rwanda's 1994 genocide" are skipped); if
//!   that expression is unresolved, so is the anchored one. Month and year
//!   offsets ("a month later", "later that year") take the nearest
//!   expression of month or finer (respectively any) granularity. They are
//!   `mentioned`, or `inferred` when their anchor was.
//! - Without a publication date nothing relative to it is resolved, except
//!   year-level expressions ("last year", "a year ago") when a story-level
//!   year is supplied (`inferred`). Nothing is ever dated from nothing.
//!
//! Not handled (and so not dated): seasons, decades, times of day, day
//! numbers alone ("on the 21st"), ranges ("February 21–23" gives February
//! 21), durations ("for two weeks"), holidays, other languages, and
//! narrative reference times (a year-less date in a paragraph about 2023
//! of an article published in 2025 is resolved against 2025 unless a full
//! 2023 date appears earlier in the same sentence).

use std::sync::LazyLock;

use regex::{CaptureMatches, Captures, Regex, RegexSet, SetMatches};
use sitrep_model::date::days_in_month;
use sitrep_model::{DatePrecision, PartialDate, PublishedDate, Sentence, Span, TimeAnchor, TimeExpression};

use crate::sentences::{
    TokenKind, ceil_boundary, floor_boundary, paragraphs, sentence_at, split_sentences, tokens,
};

/// Find and resolve the time expressions of `text`, in text order.
///
/// `sentences` are the article's sentences ([`split_sentences`]; when
/// empty they are computed here), `published` its publication date, and
/// `story_year` a fallback year from other articles of the same story
/// (results resting on it are anchored [`TimeAnchor::Inferred`]).
pub fn resolve_times(
    text: &str,
    sentences: &[Sentence],
    published: Option<PublishedDate>,
    story_year: Option<i32>,
) -> Vec<TimeExpression> {
    resolve_against(text, sentences, published, story_year, false)
}

/// Find and resolve the time expressions of an article that states no
/// publication date, against `story_date`: a date inferred from the other
/// articles of its story (e.g. the day they were published). It stands in
/// for the publication date ("on Friday" is the Friday on or before it),
/// and every result that rests on it is anchored
/// [`TimeAnchor::Inferred`]; dates the text states in full stay
/// [`TimeAnchor::Absolute`].
pub fn resolve_times_inferred(
    text: &str,
    sentences: &[Sentence],
    story_date: PublishedDate,
) -> Vec<TimeExpression> {
    resolve_against(text, sentences, Some(story_date), Some(story_date.year()), true)
}

/// Resolve every candidate in text order against `published` (inferred
/// from the story when `inferred`).
fn resolve_against(
    text: &str,
    sentences: &[Sentence],
    published: Option<PublishedDate>,
    story_year: Option<i32>,
    inferred: bool,
) -> Vec<TimeExpression> {
    let own;
    let sentences = if sentences.is_empty() {
        own = split_sentences(text);
        &own[..]
    } else {
        sentences
    };
    let ctx = Context {
        text,
        sentences,
        paragraphs: paragraphs(text),
        published: published.map(|p| p.day_only().days_since_epoch()),
        story_year: story_year.filter(|y| (1000..=9999).contains(y)),
        published_inferred: inferred,
    };
    let mut done: Vec<Resolved> = Vec::new();
    for candidate in find_candidates(text) {
        let resolved = ctx.resolve(&candidate, &done);
        done.push(resolved);
    }
    done.into_iter().map(Resolved::into_expression).collect()
}

/// The time expression that dates `span` (an event's words): among the
/// expressions of the sentence containing `span.start`, one overlapping
/// `span` if any, else the nearest. Attributive expressions ("Rwanda's
/// 1994 genocide", "Friday's vote") date a noun, not the clause, and are
/// skipped. Unresolved expressions are returned too: they tell the caller
/// the sentence has a date the text leaves unknown, so the publication
/// date is not a fair default.
pub fn governing_time<'a>(
    text: &str,
    times: &'a [TimeExpression],
    sentences: &[Sentence],
    span: Span,
) -> Option<&'a TimeExpression> {
    let scope = sentence_at(sentences, span.start)
        .and_then(|i| sentences.get(i))
        .map_or(span, |s| s.span);
    let inside = times
        .iter()
        .filter(|t| t.span.start >= scope.start && t.span.end <= scope.end && !is_attributive(text, t.span));
    inside.min_by_key(|t| {
        let gap = if t.span.end <= span.start {
            span.start - t.span.end
        } else {
            t.span.start.saturating_sub(span.end)
        };
        (gap, t.span.start)
    })
}

/// Does the expression at `span` modify a noun rather than the clause?
fn is_attributive(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let bare_year = span
        .slice(text)
        .is_some_and(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()));
    let determined = [" the ", " a ", " an ", "The ", "A ", "An "]
        .iter()
        .any(|d| before.ends_with(d));
    if bare_year && determined {
        return true;
    }
    let possessed = before.ends_with("'s ") || before.ends_with("’s ");
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    possessed || possessive
}

// ---------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01).

type Interval = (i64, i64);

fn day(year: i32, month: u32, d: u32) -> Option<i64> {
    PublishedDate::from_ymd(year, month, d).map(|p| p.days_since_epoch())
}

fn ymd(days: i64) -> Option<PublishedDate> {
    PublishedDate::from_days_since_epoch(days)
}

fn month_interval(year: i32, month: u32) -> Option<Interval> {
    let y = i16::try_from(year).ok()?;
    let m = u8::try_from(month).ok()?;
    let last = u32::from(days_in_month(y, m));
    Some((day(year, month, 1)?, day(year, month, last)?))
}

fn year_interval(year: i32) -> Option<Interval> {
    Some((day(year, 1, 1)?, day(year, 12, 31)?))
}

fn add_months(year: i32, month: u32, delta: i64) -> Option<(i32, u32)> {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u32::try_from(total.rem_euclid(12) + 1).ok()?;
    Some((y, m))
}

fn weekday(days: i64) -> i64 {
    // 1970-01-01 was a Thursday (ISO 4); Monday = 1.
    (days + 3).rem_euclid(7) + 1
}

/// The finest calendar unit containing the whole interval.
fn containing((lo, hi): Interval) -> Option<PartialDate> {
    let (a, b) = (ymd(lo.min(hi))?, ymd(lo.max(hi))?);
    if a == b {
        return Some(PartialDate::from_day(a));
    }
    if a.year() != b.year() {
        return None;
    }
    let month = (a.month() == b.month()).then_some(a.month());
    Some(PartialDate {
        year: a.year(),
        month,
        day: None,
    })
}

// ---------------------------------------------------------------------
// Candidate expressions.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Bare,
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    /// "over the weekend": the nearest one, by tense.
    Nearest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qual {
    Exact,
    About,
    MoreThan,
    LessThan,
}

/// A count, possibly vague: `(lo, hi)`.
type Count = (i64, i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A full calendar date.
    Full { year: i32, month: u32, day: u32 },
    /// A month of a stated year.
    YearMonth { year: i32, month: u32 },
    /// A stated year (also a numeric date whose day/month order is unknown).
    Year { year: i32 },
    /// A day of a month, year not stated; maybe with its weekday.
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<i64>,
    },
    /// A month, year not stated.
    Month { month: u32, rel: Rel },
    /// A weekday.
    Weekday { weekday: i64, rel: Rel },
    /// today (0), yesterday (-1), tomorrow (1) …
    Deictic { offset: i64 },
    /// this/last/next week, month, year; `shift` in units.
    Calendar { unit: Unit, shift: i64, part: Part },
    /// the past (or coming) N units, up to (or from) publication.
    Window { unit: Unit, count: Count, future: bool },
    /// N units ago.
    Ago { unit: Unit, count: Count, qual: Qual },
    /// N units before (`sign` −1) or after (+1) the date just mentioned.
    Anchored { unit: Unit, count: Count, sign: i64 },
    /// The same day/month/year as the date just mentioned.
    Same { unit: Unit },
    /// The calendar week before (−1) or after (+1) the one of the date
    /// just mentioned ("the following week").
    AdjacentWeek { sign: i64 },
    /// A decade ("the 1990s"): wider than a year, never resolved.
    Decade,
    /// this/last/next spring, summer, autumn (northern hemisphere: inside
    /// one year) or winter (across two: never resolved).
    Season { shift: i64, winter: bool },
    /// Counted from an event rather than a date ("a day after the vote"):
    /// never resolved, but it tells that the clause has its own date.
    FromEvent,
}

/// How fine an expression is by its form, whatever it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Day,
    Week,
    Month,
    Year,
    Vague,
}

impl Kind {
    fn grain(&self) -> Grain {
        match *self {
            Kind::Full { .. } | Kind::MonthDay { .. } | Kind::Weekday { .. } | Kind::Deictic { .. } => {
                Grain::Day
            }
            Kind::YearMonth { .. } | Kind::Month { .. } => Grain::Month,
            Kind::Year { .. } | Kind::Season { .. } => Grain::Year,
            Kind::Calendar { unit, .. } | Kind::Same { unit } => unit_grain(unit),
            Kind::AdjacentWeek { .. } => Grain::Week,
            Kind::Anchored { unit, count, .. } | Kind::Ago { unit, count, .. } => {
                if count.0 == count.1 {
                    unit_grain(unit)
                } else {
                    Grain::Vague
                }
            }
            Kind::Window { .. } | Kind::Decade | Kind::FromEvent => Grain::Vague,
        }
    }
}

fn unit_grain(unit: Unit) -> Grain {
    match unit {
        Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week | Unit::Weekend => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Year | Unit::Decade => Grain::Year,
    }
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    span: Span,
    kind: Kind,
}

const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";
const MONTHS_FULL: &str = "January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER";
const NUM: &str = r"(?i:\d{1,3}|a\s+couple\s+of|a\s+few|few|several|many|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)";
const QUAL: &str = r"(?i:about|around|roughly|some|nearly|almost|approximately|more\s+than|over|less\s+than|under|at\s+least|just\s+over|just\s+under|barely|only|just)";

fn months() -> String {
    format!(
        r"(?:(?:{MONTHS_FULL}|MAY)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?:\.|\b))"
    )
}

/// Compile a pattern with ASCII word boundaries: a Unicode `\b` keeps the
/// regex engine off its fast DFA on any text with a non-ASCII character
/// (curly quotes are in most news), which made time expressions half of
/// annotation time. The patterns' words are ASCII, so only a letter like
/// "é" right beside a date word is read differently.
fn compile(pattern: &str) -> Regex {
    let ascii = pattern.replace(r"\b", r"(?-u:\b)");
    Regex::new(&ascii).unwrap_or_else(|e| panic!("temporal pattern {pattern:?}: {e}"))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"));

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?P<s2>[/.-])(?P<y>\d{4})\b"));

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    let m = months();
    compile(&format!(
        r"(?:\b(?P<wd>{WEEKDAYS}),?\s+)?(?:(?:\b(?i:the)\s+)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{m})|\b(?P<m2>{m})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>\d{{4}})\b)?"
    ))
});

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let m = months();
    compile(&format!(
        r"(?:\b(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))(?:\s+|-))?\b(?P<m>{m}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b"
    ))
});

static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?P<pre>(?i:in|since|during|until|till|by|from|through|throughout|before|after|of|last|next|this|early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of))(?:\s+|-)(?P<m>{MONTHS_FULL})\b"
    ))
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\b(?P<pre>(?i:in|since|during|until|till|by|from|through|throughout|before|after|early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+(?:spring|summer|autumn|fall|winter)\s+of))(?:\s+|-)|(?:'s|’s)\s+)(?P<y>(?:19|20)\d{2})\b",
    )
});

static YEAR_AFTER_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?i:the|an?)\s+(?P<y>(?:19|20)\d{2})\b"));

static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:(?P<mod>(?i:early|mid|late))(?:\s+|-))?(?P<y>(?:1[89]|20)\d0)(?:'s|’s|s)\b")
});

/// Nouns counted by a number that looks like a year ("the 2000 soldiers").
const COUNTED_NOUNS: &[&str] = &[
    "people",
    "soldiers",
    "troops",
    "men",
    "women",
    "children",
    "residents",
    "refugees",
    "families",
    "houses",
    "homes",
    "fighters",
    "civilians",
    "workers",
    "employees",
    "students",
    "votes",
    "cases",
    "deaths",
    "dollars",
    "euros",
    "pounds",
    "tons",
    "tonnes",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "acres",
    "hectares",
    "units",
    "jobs",
    "members",
    "delegates",
    "police",
    "officers",
    "rebels",
    "prisoners",
    "patients",
    "points",
    "runs",
    "yards",
    "barrels",
    "vehicles",
];

static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?P<rel>(?i:this|last|next))\s+(?P<s>(?i:spring|summer|autumn|fall|winter))\b")
});

static IN_THE_DAY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?i:(?:earlier|later)\s+in\s+the\s+(?P<u>day|week|month|year))\b"));

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?(?:(?P<part>(?i:early|late))\s+)?(?P<wd>{WEEKDAYS})\b(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)\b))?"
    ))
});

static DEICTIC: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<d>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|earlier\s+today|later\s+today|today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))\b",
    )
});

static CALENDAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<q>(?i:(?:earlier|later|early|late)\s+(?:this|last|next)|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:this|last|next)|this|last|next))\s+(?P<u>(?i:week|weekend|month|year))\b",
    )
});

static WEEKEND: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?i:over|during|at)\s+(?P<x>(?i:the\s+weekend))\b"));

static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?P<x>(?i:the\s+(?P<w>past|last|coming|next))\s+(?:(?P<n>{NUM})\s+)?(?P<u>(?i:hours?|days?|weeks?|months?|years?)))\b"
    ))
});

static RECENT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?i:recent)\s+(?P<u>(?i:days|weeks|months|years))\b"));

static AGO: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:(?P<qual>{QUAL})\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>(?i:hours?|days?|weeks?|months?|years?|decades?))\s+(?i:ago)\b"
    ))
});

static ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:(?P<qual>{QUAL})\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>(?i:hours?|days?|weeks?|months?|years?))\s+(?P<dir>(?i:earlier|later|before|after|previously|prior|afterwards|afterward|on))\b"
    ))
});

static THE_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?i:the\s+(?P<which>previous|following|next|preceding|same|prior)\s+(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend))\b",
    )
});

static THE_DAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?i:the\s+(?P<u>day|night|week|month|year)\s+(?P<dir>before|after|earlier|later))\b")
});

static THAT_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?i:(?:(?P<part>earlier|later)\s+that|that\s+same|(?P<bare>that))\s+(?P<u>day|morning|afternoon|evening|night|week|month|year))\b",
    )
});

/// The patterns [`find_candidates`] scans for, in [`PRESENT`]'s order.
static SCANNED: [&LazyLock<Regex>; 21] = [
    &ISO,
    &NUMERIC,
    &WRITTEN,
    &MONTH_YEAR,
    &MONTH_ALONE,
    &YEAR,
    &YEAR_AFTER_ARTICLE,
    &DECADE,
    &SEASON,
    &IN_THE_DAY,
    &WEEKDAY,
    &DEICTIC,
    &CALENDAR,
    &WEEKEND,
    &WINDOW,
    &RECENT,
    &AGO,
    &ANCHORED,
    &THE_NEXT,
    &THE_DAY_BEFORE,
    &THAT_DAY,
];

/// All of [`SCANNED`] at once: one pass over a text tells which patterns
/// occur in it, and only those are then run for their matches (most
/// texts hold a few of the kinds; the scans were ~4% of ingest).
static PRESENT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(SCANNED.iter().map(|r| r.as_str())).unwrap_or_else(|e| panic!("temporal patterns: {e}"))
});

/// The matches of `re` (one of [`SCANNED`]) in `text`, none when
/// `present` says it does not occur.
fn scan<'r, 't>(
    re: &'r LazyLock<Regex>,
    present: &SetMatches,
    text: &'t str,
) -> Option<CaptureMatches<'r, 't>> {
    let i = SCANNED.iter().position(|r| std::ptr::eq(*r, re))?;
    present.matched(i).then(|| re.captures_iter(text))
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let n = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn weekday_number(name: &str) -> Option<i64> {
    let n = match name.get(..3)?.to_ascii_lowercase().as_str() {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some(n)
}

fn count_of(word: Option<&str>, unit_plural: bool) -> Option<Count> {
    let Some(word) = word else {
        // "days ago", "weeks later": a few; "day ago": one.
        return Some(if unit_plural { (2, 9) } else { (1, 1) });
    };
    let w = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    if let Ok(n) = w.parse::<i64>() {
        return Some((n, n));
    }
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "a couple of" => return Some((2, 3)),
        "a few" | "few" => return Some((2, 5)),
        "several" => return Some((3, 9)),
        "many" => return Some((3, 30)),
        _ => return None,
    };
    Some((n, n))
}

fn unit_of(word: &str) -> Option<(Unit, bool)> {
    let w = word.to_ascii_lowercase();
    let plural = w.ends_with('s');
    let unit = match w.trim_end_matches('s') {
        "hour" => Unit::Hour,
        "day" | "morning" | "afternoon" | "evening" | "night" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    };
    Some((unit, plural))
}

fn qual_of(word: Option<&str>) -> Qual {
    let Some(w) = word else {
        return Qual::Exact;
    };
    let w = w
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    match w.as_str() {
        "about" | "around" | "roughly" | "some" | "nearly" | "almost" | "approximately" | "just over"
        | "just under" => Qual::About,
        "more than" | "over" | "at least" => Qual::MoreThan,
        "less than" | "under" | "barely" => Qual::LessThan,
        _ => Qual::Exact,
    }
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn year_of(c: &Captures<'_>, name: &str) -> Option<i32> {
    num(c, name).and_then(|y| i32::try_from(y).ok())
}

/// The word before byte `at` (letters only).
fn word_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("").trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(p, c)| p + c.len_utf8());
    &before[start..]
}

/// The first non-space character at or after byte `at`.
fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|r| r.trim_start().chars().next())
}

/// Is the text after `at` the end of a clause (punctuation or nothing),
/// so that "a day before" is not "a day before the vote"?
fn clause_ends_after(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let rest = rest.trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(_) => {
            let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            w.eq_ignore_ascii_case("that") || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("when")
        }
    }
}

fn find_candidates(text: &str) -> Vec<Candidate> {
    let present = PRESENT.matches(text);
    let mut found: Vec<Candidate> = Vec::new();
    let mut push = |start: usize, end: usize, kind: Kind| {
        if start < end {
            found.push(Candidate {
                span: Span::new(start, end),
                kind,
            });
        }
    };

    for c in scan(&ISO, &present, text).into_iter().flatten() {
        let (Some(whole), Some(y), Some(m), Some(d)) =
            (c.get(0), year_of(&c, "y"), num(&c, "m"), num(&c, "d"))
        else {
            continue;
        };
        if day(y, m, d).is_some() {
            push(
                whole.start(),
                whole.end(),
                Kind::Full {
                    year: y,
                    month: m,
                    day: d,
                },
            );
        }
    }

    for c in scan(&NUMERIC, &present, text).into_iter().flatten() {
        let (Some(whole), Some(a), Some(b), Some(y)) =
            (c.get(0), num(&c, "a"), num(&c, "b"), year_of(&c, "y"))
        else {
            continue;
        };
        let (s1, s2) = (
            c.name("s1").map_or("", |m| m.as_str()),
            c.name("s2").map_or("", |m| m.as_str()),
        );
        if s1 != s2 {
            continue;
        }
        let dotted = s1 == ".";
        let order = if dotted || a > 12 {
            Some((b, a))
        } else if b > 12 || a == b {
            Some((a, b))
        } else {
            None
        };
        let kind = match order {
            Some((month, d)) if day(y, month, d).is_some() => Kind::Full {
                year: y,
                month,
                day: d,
            },
            Some(_) => continue,
            None if day(y, a, b).is_some() && day(y, b, a).is_some() => Kind::Year { year: y },
            None => continue,
        };
        push(whole.start(), whole.end(), kind);
    }

    for c in scan(&WRITTEN, &present, text).into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        let (d, m) = match (c.name("d1"), c.name("m1"), c.name("m2"), c.name("d2")) {
            (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d, m),
            _ => continue,
        };
        let (Ok(dn), Some(mn)) = (d.as_str().parse::<u32>(), month_number(m.as_str())) else {
            continue;
        };
        if !(1..=31).contains(&dn) || dn > u32::from(days_in_month(2024, u8::try_from(mn).unwrap_or(1))) {
            continue;
        }
        // "May 20%" or "March 3:00" are not dates.
        if c.name("y").is_none() && text.get(whole.end()..).is_some_and(|r| r.starts_with(['%', ':'])) {
            continue;
        }
        let weekday = c.name("wd").and_then(|w| weekday_number(w.as_str()));
        let kind = match year_of(&c, "y") {
            Some(y) if day(y, mn, dn).is_some() => Kind::Full {
                year: y,
                month: mn,
                day: dn,
            },
            Some(_) => continue,
            None => Kind::MonthDay {
                month: mn,
                day: dn,
                weekday,
            },
        };
        push(whole.start(), whole.end(), kind);
    }

    for c in scan(&MONTH_YEAR, &present, text).into_iter().flatten() {
        let (Some(whole), Some(m), Some(y)) = (c.get(0), c.name("m"), year_of(&c, "y")) else {
            continue;
        };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        if month_interval(y, month).is_some() {
            push(whole.start(), whole.end(), Kind::YearMonth { year: y, month });
        }
    }

    for c in scan(&MONTH_ALONE, &present, text).into_iter().flatten() {
        let (Some(pre), Some(m)) = (c.name("pre"), c.name("m")) else {
            continue;
        };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        let p = pre.as_str().to_ascii_lowercase();
        let rel = match p.as_str() {
            "last" => Rel::Last,
            "next" => Rel::Next,
            "this" => Rel::This,
            _ => Rel::Bare,
        };
        let modifier = !matches!(
            p.as_str(),
            "in" | "since"
                | "during"
                | "until"
                | "till"
                | "by"
                | "from"
                | "through"
                | "throughout"
                | "before"
                | "after"
                | "of"
        );
        let start = if modifier { pre.start() } else { m.start() };
        push(start, m.end(), Kind::Month { month, rel });
    }

    for c in scan(&YEAR, &present, text).into_iter().flatten() {
        let (Some(y), Some(year)) = (c.name("y"), year_of(&c, "y")) else {
            continue;
        };
        let rest = text.get(y.end()..).unwrap_or("");
        if rest.starts_with(['%', ',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
            || rest.starts_with('%')
        {
            continue;
        }
        let start = match c.name("pre") {
            Some(pre) => {
                let p = pre.as_str().to_ascii_lowercase();
                if p.starts_with("early")
                    || p.starts_with("mid")
                    || p.starts_with("late")
                    || p.starts_with("the ")
                {
                    pre.start()
                } else {
                    y.start()
                }
            }
            None => y.start(),
        };
        push(start, y.end(), Kind::Year { year });
    }

    for c in scan(&YEAR_AFTER_ARTICLE, &present, text).into_iter().flatten() {
        let (Some(y), Some(year)) = (c.name("y"), year_of(&c, "y")) else {
            continue;
        };
        // "the 2005 murder", "the 2014 Oscars" — but not "the 2000 soldiers".
        let next: String = text
            .get(y.end()..)
            .unwrap_or("")
            .trim_start_matches(' ')
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if next.is_empty() || COUNTED_NOUNS.contains(&next.to_lowercase().as_str()) {
            continue;
        }
        push(y.start(), y.end(), Kind::Year { year });
    }

    for c in scan(&DECADE, &present, text).into_iter().flatten() {
        let Some(whole) = c.get(0) else { continue };
        push(whole.start(), whole.end(), Kind::Decade);
    }

    for c in scan(&SEASON, &present, text).into_iter().flatten() {
        let (Some(whole), Some(rel), Some(season)) = (c.get(0), c.name("rel"), c.name("s")) else {
            continue;
        };
        let shift = match rel.as_str().to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let winter = season.as_str().eq_ignore_ascii_case("winter");
        push(whole.start(), whole.end(), Kind::Season { shift, winter });
    }

    for c in scan(&IN_THE_DAY, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        push(whole.start(), whole.end(), Kind::Same { unit });
    }

    for c in scan(&WEEKDAY, &present, text).into_iter().flatten() {
        let (Some(whole), Some(wd)) = (c.get(0), c.name("wd")) else {
            continue;
        };
        let Some(weekday) = weekday_number(wd.as_str()) else {
            continue;
        };
        let prev = word_before(text, whole.start());
        if matches!(
            prev,
            "Good"
                | "Black"
                | "Holy"
                | "Ash"
                | "Easter"
                | "Palm"
                | "Bloody"
                | "Maundy"
                | "Cyber"
                | "Super"
                | "Shrove"
                | "Whit"
        ) {
            continue;
        }
        // "the Sunday Times": a name, not a date.
        if prev.eq_ignore_ascii_case("the") && char_after(text, wd.end()).is_some_and(char::is_uppercase) {
            continue;
        }
        let rel = match c.name("rel").map(|r| r.as_str().to_ascii_lowercase()).as_deref() {
            Some("last" | "past") => Rel::Last,
            Some("next" | "coming") => Rel::Next,
            Some("this") => Rel::This,
            _ => Rel::Bare,
        };
        push(whole.start(), whole.end(), Kind::Weekday { weekday, rel });
    }

    for c in scan(&DEICTIC, &present, text).into_iter().flatten() {
        let Some(d) = c.name("d") else { continue };
        let words = d.as_str().to_ascii_lowercase();
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let offset = match words.as_str() {
            "the day before yesterday" => -2,
            "the day after tomorrow" => 2,
            "yesterday" | "last night" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        if words == "last night" && word_before(text, d.start()).eq_ignore_ascii_case("the") {
            continue;
        }
        push(d.start(), d.end(), Kind::Deictic { offset });
    }

    for c in scan(&CALENDAR, &present, text).into_iter().flatten() {
        let (Some(whole), Some(q), Some(u)) = (c.get(0), c.name("q"), c.name("u")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        if text
            .get(whole.end()..)
            .is_some_and(|r| r.trim_start().starts_with("of "))
        {
            continue;
        }
        let q = q.as_str().to_ascii_lowercase();
        let shift = if q.ends_with("last") {
            -1
        } else if q.ends_with("next") {
            1
        } else {
            0
        };
        let part = match q.split_whitespace().next().unwrap_or("") {
            "earlier" => Part::Earlier,
            "later" => Part::Later,
            "early" | "beginning" | "start" => Part::Early,
            "middle" => Part::Mid,
            "late" | "end" => Part::Late,
            "the" => match q.split_whitespace().nth(1).unwrap_or("") {
                "end" => Part::Late,
                "middle" => Part::Mid,
                _ => Part::Early,
            },
            _ => Part::Whole,
        };
        push(whole.start(), whole.end(), Kind::Calendar { unit, shift, part });
    }

    for c in scan(&WEEKEND, &present, text).into_iter().flatten() {
        let Some(x) = c.name("x") else { continue };
        push(
            x.start(),
            x.end(),
            Kind::Calendar {
                unit: Unit::Weekend,
                shift: 0,
                part: Part::Nearest,
            },
        );
    }

    for c in scan(&WINDOW, &present, text).into_iter().flatten() {
        let (Some(x), Some(w), Some(u)) = (c.name("x"), c.name("w"), c.name("u")) else {
            continue;
        };
        let Some((unit, plural)) = unit_of(u.as_str()) else {
            continue;
        };
        let n = c.name("n").map(|n| n.as_str());
        // "the next day" is anchored; "the last week of January" is not a window.
        if (n.is_none() && unit == Unit::Day)
            || text
                .get(x.end()..)
                .is_some_and(|r| r.trim_start().starts_with("of "))
        {
            continue;
        }
        let Some(count) = (match n {
            None if plural => Some((2, 9)),
            _ => count_of(n, false),
        }) else {
            continue;
        };
        let future = matches!(w.as_str().to_ascii_lowercase().as_str(), "coming" | "next");
        if future && n.is_none() && !w.as_str().eq_ignore_ascii_case("coming") {
            // "the next week/month/year" is relative to the narrative; skip.
            continue;
        }
        push(x.start(), x.end(), Kind::Window { unit, count, future });
    }

    for c in scan(&RECENT, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        let count = match unit {
            Unit::Day => (7, 7),
            Unit::Week => (6, 6),
            Unit::Month => (6, 6),
            _ => (10, 10),
        };
        push(
            whole.start(),
            whole.end(),
            Kind::Window {
                unit,
                count,
                future: false,
            },
        );
    }

    for c in scan(&AGO, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((unit, plural)) = unit_of(u.as_str()) else {
            continue;
        };
        let Some(count) = count_of(c.name("n").map(|n| n.as_str()), plural) else {
            continue;
        };
        let qual = qual_of(c.name("qual").map(|q| q.as_str()));
        push(whole.start(), whole.end(), Kind::Ago { unit, count, qual });
    }

    for c in scan(&ANCHORED, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u), Some(dir)) = (c.get(0), c.name("u"), c.name("dir")) else {
            continue;
        };
        let Some((unit, plural)) = unit_of(u.as_str()) else {
            continue;
        };
        let Some(mut count) = count_of(c.name("n").map(|n| n.as_str()), plural) else {
            continue;
        };
        let d = dir.as_str().to_ascii_lowercase();
        if matches!(d.as_str(), "before" | "after" | "prior" | "on") && !clause_ends_after(text, whole.end())
        {
            if d != "on" {
                push(whole.start(), whole.end(), Kind::FromEvent);
            }
            continue;
        }
        if c.name("n").is_none() && !plural {
            continue;
        }
        let qual = qual_of(c.name("qual").map(|q| q.as_str()));
        if qual == Qual::About {
            count = (count.0 - (count.0 / 5).max(1), count.1 + (count.1 / 5).max(1));
        } else if qual != Qual::Exact {
            continue;
        }
        if unit == Unit::Hour {
            count = (0, 1);
        }
        let sign = if matches!(d.as_str(), "earlier" | "before" | "previously" | "prior") {
            -1
        } else {
            1
        };
        push(
            whole.start(),
            whole.end(),
            Kind::Anchored {
                unit: if unit == Unit::Hour { Unit::Day } else { unit },
                count,
                sign,
            },
        );
    }

    for c in scan(&THE_NEXT, &present, text).into_iter().flatten() {
        let (Some(whole), Some(which), Some(u)) = (c.get(0), c.name("which"), c.name("u")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        let which = which.as_str().to_ascii_lowercase();
        let sign = if matches!(which.as_str(), "previous" | "preceding" | "prior") {
            -1
        } else {
            1
        };
        let kind = match which.as_str() {
            "same" => Kind::Same { unit },
            _ if unit == Unit::Week => Kind::AdjacentWeek { sign },
            "previous" | "preceding" | "prior" => Kind::Anchored {
                unit,
                count: (1, 1),
                sign: -1,
            },
            _ => Kind::Anchored {
                unit,
                count: (1, 1),
                sign: 1,
            },
        };
        push(whole.start(), whole.end(), kind);
    }

    for c in scan(&THE_DAY_BEFORE, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u), Some(dir)) = (c.get(0), c.name("u"), c.name("dir")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        let d = dir.as_str().to_ascii_lowercase();
        if matches!(d.as_str(), "before" | "after") && !clause_ends_after(text, whole.end()) {
            push(whole.start(), whole.end(), Kind::FromEvent);
            continue;
        }
        let sign = if matches!(d.as_str(), "before" | "earlier") {
            -1
        } else {
            1
        };
        push(
            whole.start(),
            whole.end(),
            Kind::Anchored {
                unit,
                count: (1, 1),
                sign,
            },
        );
    }

    for c in scan(&THAT_DAY, &present, text).into_iter().flatten() {
        let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((unit, _)) = unit_of(u.as_str()) else {
            continue;
        };
        if c.name("bare").is_some() {
            let prev = word_before(text, whole.start()).to_ascii_lowercase();
            if !matches!(
                prev.as_str(),
                "on" | "by" | "until" | "since" | "from" | "of" | "during" | "for"
            ) {
                continue;
            }
        }
        push(whole.start(), whole.end(), Kind::Same { unit });
    }

    // A date never spans a line break ("SEA-ME-WE 4\nAugust 16").
    found.retain(|c| {
        !text
            .get(c.span.start..c.span.end)
            .is_some_and(|s| s.contains('\n'))
    });
    // Leftmost first, longest among those starting together; no overlaps.
    found.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found {
        if kept.last().is_none_or(|k| c.span.start >= k.span.end) {
            kept.push(c);
        }
    }
    kept
}

// ---------------------------------------------------------------------
// Tense of the clause around an expression.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

const CLAUSE_BREAK_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "but", "while", "whereas", "although", "though",
    "because", "if", "unless",
];

const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "was", "were", "will", "would", "has", "have", "had", "to",
    "get", "got", "shall", "can", "could", "may", "might", "must", "should", "'s", "’s",
];

const IRREGULAR_PAST: &[&str] = &[
    "said",
    "told",
    "met",
    "held",
    "took",
    "came",
    "went",
    "made",
    "gave",
    "began",
    "fell",
    "left",
    "spoke",
    "wrote",
    "fought",
    "won",
    "lost",
    "sent",
    "led",
    "saw",
    "rose",
    "broke",
    "got",
    "found",
    "kept",
    "brought",
    "thought",
    "struck",
    "sought",
    "stood",
    "swept",
    "fled",
    "shot",
    "overran",
    "drove",
    "flew",
    "ran",
    "grew",
    "knew",
    "became",
    "felt",
    "heard",
    "paid",
    "built",
    "meant",
    "chose",
    "withdrew",
    "undertook",
    "took",
    "sold",
    "bought",
    "caught",
    "taught",
    "told",
    "slid",
    "spent",
    "stole",
    "tore",
    "threw",
    "woke",
    "wore",
];

/// Adjectives ending in -ed that say nothing about tense.
const ED_ADJECTIVES: &[&str] = &[
    "armed",
    "alleged",
    "united",
    "based",
    "advanced",
    "concerned",
    "detailed",
    "related",
    "limited",
    "unprecedented",
    "expected",
    "need",
    "speed",
    "red",
    "bed",
    "seed",
    "feed",
    "heed",
    "unarmed",
    "embattled",
    "beleaguered",
    "so-called",
    "skilled",
    "talented",
    "renewed",
    "sustained",
    "unspecified",
    "unidentified",
    "suspected",
    "wounded",
    "injured",
    "displaced",
    "disputed",
    "contested",
    "occupied",
    "coordinated",
    "organised",
    "organized",
    "interested",
    "involved",
    "prolonged",
    "indeed",
    "hundred",
    "proposed",
    "planned",
    "scheduled",
    "elected",
    "appointed",
    "registered",
    "reported",
    "unnamed",
];

/// Verbs whose infinitive after "to" points at a planned future event.
const PLANNED_VERBS: &[&str] = &[
    "meet", "vote", "hold", "travel", "visit", "sign", "discuss", "resume", "start", "begin", "convene",
    "attend", "host", "launch", "announce", "decide", "return", "arrive", "deliver", "address", "testify",
    "appear", "speak", "talk", "open", "close", "hear", "rule", "take", "hand", "elect", "sit",
];

/// "is meeting on Monday": progressives that announce a planned event.
const PLANNED_PROGRESSIVES: &[&str] = &[
    "meeting",
    "voting",
    "travelling",
    "traveling",
    "visiting",
    "signing",
    "hosting",
    "attending",
    "launching",
    "convening",
    "arriving",
    "leaving",
    "returning",
    "flying",
    "heading",
    "testifying",
];

/// Verbs whose "to" infinitive is a commitment to a later event ("agreed
/// to meet on Tuesday"); other infinitives ("on her way to attend
/// services on Friday") say nothing about tense.
const COMMITMENT_VERBS: &[&str] = &[
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "decides",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "planned",
    "arranged",
    "invited",
    "called",
    "asked",
    "wants",
    "want",
    "wanted",
    "hoped",
    "intended",
    "prepared",
    "prepares",
    "preparing",
    "ready",
    "likely",
    "unlikely",
    "able",
    "voted",
    "votes",
    "offered",
    "offers",
    "threatened",
    "threatens",
];

const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "due",
    "expected",
    "scheduled",
    "set",
    "slated",
    "poised",
    "planning",
    "plans",
    "plan",
    "intends",
    "intend",
    "aims",
    "aim",
    "hopes",
    "hope",
];

fn tense_at(text: &str, sentence: Span, expr: Span) -> Tense {
    let toks = tokens(text, sentence);
    let mut words: Vec<(usize, String, bool)> = Vec::with_capacity(toks.len());
    // (position, lowercase word or break marker, is a break)
    for t in &toks {
        let s = t.text(text);
        let is_break = match t.kind {
            TokenKind::Punct => matches!(s, ";" | ":" | "—" | "–" | "\"" | "“" | "”" | "(" | ")" | "‘"),
            _ => CLAUSE_BREAK_WORDS.contains(&s.to_ascii_lowercase().as_str()),
        };
        if t.kind == TokenKind::Punct && !is_break {
            continue;
        }
        words.push((t.span.start, s.to_lowercase(), is_break));
    }
    let split = words.partition_point(|(p, _, _)| *p < expr.start);
    let after_start = words.partition_point(|(p, _, _)| *p < expr.end);
    let lower: Vec<&str> = words.iter().map(|(_, w, _)| w.as_str()).collect();
    for i in (0..split).rev() {
        if words[i].2 {
            break;
        }
        if let Some(t) = classify(&lower, i, text, words[i].0) {
            return t;
        }
    }
    for (i, (at, _, is_break)) in words.iter().enumerate().skip(after_start) {
        if *is_break {
            break;
        }
        if let Some(t) = classify(&lower, i, text, *at) {
            return t;
        }
    }
    Tense::Unknown
}

fn classify(words: &[&str], i: usize, text: &str, at: usize) -> Option<Tense> {
    let w = words[i];
    let next = words.get(i + 1).copied().unwrap_or("");
    let prev = if i > 0 { words[i - 1] } else { "" };
    let prev2 = if i > 1 { words[i - 2] } else { "" };
    match w {
        "will" | "shall" | "won't" | "would" | "wouldn't" => return Some(Tense::Future),
        "was" | "were" | "had" | "did" | "wasn't" | "weren't" | "hadn't" | "didn't" | "has" | "have"
        | "hasn't" | "haven't" => return Some(Tense::Past),
        "is" | "are" | "am" | "isn't" | "aren't" => {
            let next2 = words.get(i + 2).copied().unwrap_or("");
            let future = PLANNED_PROGRESSIVES.contains(&next)
                || next == "to"
                || (FUTURE_BEFORE_TO.contains(&next) && next2 == "to");
            return Some(if future { Tense::Future } else { Tense::Unknown });
        }
        "says" | "say" | "does" | "do" => return Some(Tense::Unknown),
        "can" | "could" | "may" | "might" | "should" | "must" => {
            return Some(if next == "have" {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        _ => {}
    }
    if w.ends_with("'ll") || w.ends_with("’ll") {
        return Some(Tense::Future);
    }
    if next == "to" && FUTURE_BEFORE_TO.contains(&w) {
        return Some(Tense::Future);
    }
    if prev == "to" && PLANNED_VERBS.contains(&w) && COMMITMENT_VERBS.contains(&prev2) {
        return Some(Tense::Future);
    }
    let after_aux = AUXILIARIES.contains(&prev) || (AUXILIARIES.contains(&prev2) && prev.ends_with("ly"));
    if IRREGULAR_PAST.contains(&w) {
        return (!after_aux).then_some(Tense::Past);
    }
    let capitalised = text
        .get(at..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    if w.len() >= 5
        && w.ends_with("ed")
        && !w.contains('-')
        && !capitalised
        && !ED_ADJECTIVES.contains(&w)
        && !after_aux
    {
        return Some(Tense::Past);
    }
    None
}

// ---------------------------------------------------------------------
// Resolution.

struct Context<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    paragraphs: Vec<Span>,
    published: Option<i64>,
    story_year: Option<i32>,
    /// `published` was inferred from the story, not stated by the article.
    published_inferred: bool,
}

#[derive(Debug, Clone, Copy)]
struct Resolved {
    span: Span,
    grain: Grain,
    interval: Option<Interval>,
    anchor: TimeAnchor,
    /// A stated year with at least a month ("February 21, 2025").
    explicit: bool,
}

impl Resolved {
    fn into_expression(self) -> TimeExpression {
        match self.interval.and_then(containing) {
            Some(date) => TimeExpression {
                span: self.span,
                date: Some(date),
                precision: date.precision(),
                anchor: self.anchor,
            },
            None => TimeExpression {
                span: self.span,
                date: None,
                precision: DatePrecision::Unknown,
                anchor: TimeAnchor::Unresolved,
            },
        }
    }
}

impl Context<'_> {
    fn sentence_of(&self, span: Span) -> Span {
        sentence_at(self.sentences, span.start)
            .and_then(|i| self.sentences.get(i))
            .map(|s| s.span)
            .filter(|s| s.end >= span.end)
            .or_else(|| self.paragraph_of(span))
            .unwrap_or(span)
    }

    fn paragraph_of(&self, span: Span) -> Option<Span> {
        let i = self.paragraphs.partition_point(|p| p.end <= span.start);
        self.paragraphs.get(i).copied().filter(|p| p.start <= span.start)
    }

    fn tense(&self, span: Span) -> Tense {
        // A clause is local: look at most this far either side, so that a
        // text with no full stops costs linear time, not quadratic.
        const REACH: usize = 400;
        let sentence = self.sentence_of(span);
        let start = floor_boundary(self.text, span.start.saturating_sub(REACH).max(sentence.start));
        let end = ceil_boundary(self.text, span.end.saturating_add(REACH).min(sentence.end));
        tense_at(self.text, Span::new(start, end), span)
    }

    /// The anchor of a result resting on the publication date.
    fn publication_anchor(&self) -> TimeAnchor {
        if self.published_inferred {
            TimeAnchor::Inferred
        } else {
            TimeAnchor::Publication
        }
    }

    fn resolve(&self, c: &Candidate, done: &[Resolved]) -> Resolved {
        let (interval, anchor) = self
            .interval_of(c, done)
            .unwrap_or((None, TimeAnchor::Unresolved));
        Resolved {
            span: c.span,
            grain: c.kind.grain(),
            interval,
            anchor,
            explicit: matches!(c.kind, Kind::Full { .. } | Kind::YearMonth { .. }),
        }
    }

    fn interval_of(&self, c: &Candidate, done: &[Resolved]) -> Option<(Option<Interval>, TimeAnchor)> {
        let pubd = self.published;
        let by_publication = self.publication_anchor();
        let resolved = |iv: Option<Interval>| Some((iv, by_publication));
        match c.kind {
            Kind::Full { year, month, day: d } => {
                Some((day(year, month, d).map(|x| (x, x)), TimeAnchor::Absolute))
            }
            Kind::YearMonth { year, month } => Some((month_interval(year, month), TimeAnchor::Absolute)),
            Kind::Year { year } => Some((year_interval(year), TimeAnchor::Absolute)),
            Kind::MonthDay {
                month,
                day: d,
                weekday,
            } => self.year_less(c.span, done, month, Some(d), weekday),
            Kind::Month {
                month,
                rel: Rel::Bare,
            } => self.year_less(c.span, done, month, None, None),
            Kind::Month { month, rel } => {
                if let Some(p) = pubd {
                    let today = ymd(p)?;
                    let this = (today.year(), month);
                    let year = match rel {
                        Rel::Last if month >= today.month() => this.0 - 1,
                        Rel::Next if month <= today.month() => this.0 + 1,
                        _ => this.0,
                    };
                    resolved(month_interval(year, month))
                } else if rel == Rel::This {
                    let y = self.story_year?;
                    Some((month_interval(y, month), TimeAnchor::Inferred))
                } else {
                    None
                }
            }
            Kind::Weekday { weekday: target, rel } => {
                let p = pubd?;
                let today = weekday(p);
                let back = (today - target).rem_euclid(7);
                let forward = (target - today).rem_euclid(7);
                let tense = self.tense(c.span);
                let d = match rel {
                    Rel::Last => p - if back == 0 { 7 } else { back },
                    Rel::Next => p + if forward == 0 { 7 } else { forward },
                    Rel::This if tense == Tense::Past => p - back,
                    Rel::This => p + forward,
                    Rel::Bare if tense == Tense::Future => p + forward,
                    Rel::Bare => p - back,
                };
                resolved(Some((d, d)))
            }
            Kind::Deictic { offset } => {
                let p = pubd?;
                resolved(Some((p + offset, p + offset)))
            }
            Kind::Calendar { unit, shift, part } => match pubd {
                Some(p) => resolved(self.calendar(c.span, p, unit, shift, part)),
                None if unit == Unit::Year => {
                    let y = self.story_year? + i32::try_from(shift).ok()?;
                    Some((year_interval(y), TimeAnchor::Inferred))
                }
                None => None,
            },
            Kind::Window { unit, count, future } => {
                let p = pubd?;
                let len = approx_days(unit, count.1)?;
                resolved(Some(if future { (p, p + len) } else { (p - len, p) }))
            }
            Kind::Ago { unit, count, qual } => match pubd {
                Some(p) => resolved(ago(p, unit, count, qual)),
                None if unit == Unit::Year && qual != Qual::MoreThan => {
                    let y = self.story_year?;
                    let lo = y - i32::try_from(count.1).ok()?;
                    let hi = y - i32::try_from(count.0).ok()?;
                    Some((
                        Some((year_interval(lo)?.0, year_interval(hi)?.1)),
                        TimeAnchor::Inferred,
                    ))
                }
                None => None,
            },
            Kind::Anchored { unit, count, sign } => {
                let anchor = find_anchor(done, unit)?;
                let (lo, hi) = anchor.interval?;
                let iv = shift_interval(lo, hi, unit, count, sign)?;
                Some((Some(iv), mentioned(anchor.anchor)))
            }
            Kind::Decade | Kind::FromEvent | Kind::Season { winter: true, .. } => None,
            Kind::AdjacentWeek { sign } => {
                let anchor = find_anchor(done, Unit::Week)?;
                let (lo, hi) = anchor.interval?;
                let mon = lo - (weekday(lo) - 1) + 7 * sign;
                if hi - lo > 6 {
                    return None;
                }
                Some((Some((mon, mon + 6)), mentioned(anchor.anchor)))
            }
            Kind::Season { shift, .. } => match pubd {
                Some(p) => resolved(year_interval(ymd(p)?.year() + i32::try_from(shift).ok()?)),
                None => {
                    let y = self.story_year? + i32::try_from(shift).ok()?;
                    Some((year_interval(y), TimeAnchor::Inferred))
                }
            },
            Kind::Same { unit } => {
                let anchor = find_anchor(done, unit)?;
                let (lo, hi) = anchor.interval?;
                let iv = match unit {
                    Unit::Month => {
                        let (a, b) = (ymd(lo)?, ymd(hi)?);
                        if (a.year(), a.month()) != (b.year(), b.month()) {
                            return None;
                        }
                        month_interval(a.year(), a.month())?
                    }
                    Unit::Year | Unit::Decade => {
                        let (a, b) = (ymd(lo)?, ymd(hi)?);
                        if a.year() != b.year() {
                            return None;
                        }
                        year_interval(a.year())?
                    }
                    Unit::Week | Unit::Weekend => {
                        let mon = lo - (weekday(lo) - 1);
                        (mon, mon + 6)
                    }
                    Unit::Hour | Unit::Day => (lo, hi),
                };
                Some((Some(iv), mentioned(anchor.anchor)))
            }
        }
    }

    /// A day of a month (or a month) with no year.
    fn year_less(
        &self,
        span: Span,
        done: &[Resolved],
        month: u32,
        d: Option<u32>,
        wd: Option<i64>,
    ) -> Option<(Option<Interval>, TimeAnchor)> {
        let interval_in = |y: i32| match d {
            Some(d) => day(y, month, d).map(|x| (x, x)),
            None => month_interval(y, month),
        };
        let sentence = self.sentence_of(span);
        let paragraph = self.paragraph_of(span);
        let explicit_before = |scope: Span| {
            done.iter()
                .rev()
                .take_while(|r| r.span.start >= scope.start)
                .find(|r| r.explicit && r.interval.is_some())
        };
        let (reference, tense, anchor) = if let Some(r) = explicit_before(sentence) {
            (r.interval?.0, Tense::Unknown, TimeAnchor::Mentioned)
        } else if let Some(p) = self.published {
            (p, self.tense(span), self.publication_anchor())
        } else if let Some(y) = self.story_year {
            let chosen = pick_by_weekday(y, wd, interval_in).unwrap_or(y);
            return Some((interval_in(chosen), TimeAnchor::Inferred));
        } else if let Some(r) = paragraph.and_then(explicit_before) {
            (r.interval?.0, Tense::Unknown, TimeAnchor::Mentioned)
        } else {
            return None;
        };
        let ref_year = ymd(reference)?.year();
        let candidates: Vec<(i32, Interval)> = [ref_year - 1, ref_year, ref_year + 1]
            .into_iter()
            .filter_map(|y| Some((y, interval_in(y)?)))
            .collect();
        let distance = |(lo, hi): Interval| {
            if reference < lo {
                lo - reference
            } else if reference > hi {
                reference - hi
            } else {
                0
            }
        };
        let nearest = candidates
            .iter()
            .min_by_key(|(_, iv)| (distance(*iv), iv.0))
            .copied();
        let chosen = match tense {
            Tense::Past => candidates.iter().rev().find(|(_, iv)| iv.0 <= reference).copied(),
            Tense::Future => candidates.iter().find(|(_, iv)| iv.1 >= reference).copied(),
            Tense::Unknown => nearest,
        }
        .or(nearest)?;
        let year = match wd {
            Some(_) if !weekday_matches(chosen.1, wd) => {
                pick_by_weekday(ref_year, wd, interval_in).unwrap_or(chosen.0)
            }
            _ => chosen.0,
        };
        Some((interval_in(year), anchor))
    }

    fn calendar(&self, span: Span, p: i64, unit: Unit, shift: i64, part: Part) -> Option<Interval> {
        let today = ymd(p)?;
        match unit {
            Unit::Week => {
                let mon = p - (weekday(p) - 1) + 7 * shift;
                let sun = mon + 6;
                Some(match part {
                    Part::Whole | Part::Nearest => (mon, sun),
                    Part::Early => (mon, mon + 2),
                    Part::Mid => (mon + 2, mon + 4),
                    Part::Late => (mon + 4, sun),
                    Part::Earlier if shift == 0 => (mon, (p - 1).max(mon)),
                    Part::Earlier => (mon, mon + 3),
                    Part::Later if shift == 0 => ((p + 1).min(sun), sun),
                    Part::Later => (mon + 3, sun),
                })
            }
            Unit::Weekend => {
                let sat = if part == Part::Nearest {
                    let wd = weekday(p);
                    if self.tense(span) == Tense::Future {
                        p + (6 - wd).rem_euclid(7)
                    } else if wd >= 6 {
                        p - (wd - 6)
                    } else {
                        p - (wd + 1)
                    }
                } else {
                    p - (weekday(p) - 1) + 5 + 7 * shift
                };
                Some((sat, sat + 1))
            }
            Unit::Month => {
                let (y, m) = add_months(today.year(), today.month(), shift)?;
                month_interval(y, m)
            }
            Unit::Year | Unit::Decade => year_interval(today.year() + i32::try_from(shift).ok()?),
            Unit::Hour | Unit::Day => Some((p, p)),
        }
    }
}

fn mentioned(of: TimeAnchor) -> TimeAnchor {
    if of == TimeAnchor::Inferred {
        TimeAnchor::Inferred
    } else {
        TimeAnchor::Mentioned
    }
}

fn weekday_matches((lo, hi): Interval, wd: Option<i64>) -> bool {
    wd.is_none_or(|w| lo == hi && weekday(lo) == w)
}

/// The one year near `year` in which the date falls on weekday `wd`.
fn pick_by_weekday(year: i32, wd: Option<i64>, interval_in: impl Fn(i32) -> Option<Interval>) -> Option<i32> {
    wd?;
    if interval_in(year).is_some_and(|iv| weekday_matches(iv, wd)) {
        return Some(year);
    }
    let matching: Vec<i32> = [year - 1, year + 1]
        .into_iter()
        .filter(|&y| interval_in(y).is_some_and(|iv| weekday_matches(iv, wd)))
        .collect();
    (matching.len() == 1).then(|| matching[0])
}

/// The expression a relative one ("a day earlier", "that month") counts
/// from: the nearest earlier one fine enough for the unit.
fn find_anchor(done: &[Resolved], unit: Unit) -> Option<&Resolved> {
    let accept = |g: Grain| match unit {
        Unit::Hour | Unit::Day | Unit::Week | Unit::Weekend => g <= Grain::Week,
        Unit::Month => g <= Grain::Month,
        Unit::Year | Unit::Decade => g <= Grain::Year,
    };
    done.iter().rev().find(|r| accept(r.grain))
}

/// Days in `n` units, roughly, for windows ("the past two weeks").
fn approx_days(unit: Unit, n: i64) -> Option<i64> {
    Some(match unit {
        Unit::Hour => (n + 23) / 24,
        Unit::Day => n,
        Unit::Week | Unit::Weekend => 7 * n,
        Unit::Month => 30 * n,
        Unit::Year => 365 * n,
        Unit::Decade => return None,
    })
}

fn ago(p: i64, unit: Unit, (lo_n, hi_n): Count, qual: Qual) -> Option<Interval> {
    if qual == Qual::MoreThan {
        return None;
    }
    let today = ymd(p)?;
    let iv = match unit {
        Unit::Hour => (p - (hi_n + 23) / 24, p),
        Unit::Day => {
            let widen = if qual == Qual::About { (hi_n / 5).max(1) } else { 0 };
            (p - hi_n - widen, p - lo_n + widen)
        }
        Unit::Week | Unit::Weekend => {
            let exact = lo_n == 1 && hi_n == 1 && qual == Qual::Exact;
            let widen = if exact {
                0
            } else if qual == Qual::About {
                5
            } else {
                3
            };
            (p - 7 * hi_n - widen, p - 7 * lo_n + widen)
        }
        Unit::Month => {
            let (y1, m1) = add_months(today.year(), today.month(), -hi_n)?;
            let (y2, m2) = add_months(today.year(), today.month(), -lo_n)?;
            (month_interval(y1, m1)?.0, month_interval(y2, m2)?.1)
        }
        Unit::Year => {
            let y1 = today.year() - i32::try_from(hi_n).ok()?;
            let y2 = today.year() - i32::try_from(lo_n).ok()?;
            (year_interval(y1)?.0, year_interval(y2)?.1)
        }
        Unit::Decade => return None,
    };
    Some(if qual == Qual::LessThan { (iv.0, p) } else { iv })
}

fn shift_interval(lo: i64, hi: i64, unit: Unit, (lo_n, hi_n): Count, sign: i64) -> Option<Interval> {
    let (near, far) = (lo_n, hi_n);
    match unit {
        Unit::Hour | Unit::Day => Some(if sign < 0 {
            (lo - far, hi - near)
        } else {
            (lo + near, hi + far)
        }),
        Unit::Week | Unit::Weekend => {
            let widen = if near == 1 && far == 1 { 0 } else { 3 };
            Some(if sign < 0 {
                (lo - 7 * far - widen, hi - 7 * near + widen)
            } else {
                (lo + 7 * near - widen, hi + 7 * far + widen)
            })
        }
        Unit::Month => {
            let (a, b) = (ymd(lo)?, ymd(hi)?);
            let (d1, d2) = if sign < 0 { (-far, -near) } else { (near, far) };
            let (y1, m1) = add_months(a.year(), a.month(), d1)?;
            let (y2, m2) = add_months(b.year(), b.month(), d2)?;
            Some((month_interval(y1, m1)?.0, month_interval(y2, m2)?.1))
        }
        Unit::Year | Unit::Decade => {
            let (a, b) = (ymd(lo)?, ymd(hi)?);
            let (d1, d2) = if sign < 0 { (-far, -near) } else { (near, far) };
            let y1 = a.year() + i32::try_from(d1).ok()?;
            let y2 = b.year() + i32::try_from(d2).ok()?;
            Some((year_interval(y1)?.0, year_interval(y2)?.1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> PublishedDate {
        s.parse().unwrap_or_else(|e| panic!("test date {s}: {e}"))
    }

    /// What one expression resolved to, written compactly:
    /// `"text" → 2025-02-21 (publication)` or `"text" → unresolved`.
    fn show(text: &str, t: &TimeExpression) -> String {
        let words = t.span.slice(text).unwrap_or("<bad span>");
        match t.date {
            Some(d) => {
                let anchor = serde_json::to_value(t.anchor)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{words} → {d} ({anchor})")
            }
            None => format!("{words} → unresolved"),
        }
    }

    /// Resolve `input` published on `published` (with an optional story
    /// year) and compare every expression found.
    fn check_with(input: &str, published: Option<&str>, story_year: Option<i32>, expected: &[&str]) {
        let sentences = split_sentences(input);
        let times = resolve_times(input, &sentences, published.map(date), story_year);
        let got: Vec<String> = times.iter().map(|t| show(input, t)).collect();
        assert_eq!(got, expected, "input {input:?} published {published:?}");
    }

    fn check(input: &str, published: &str, expected: &[&str]) {
        check_with(input, Some(published), None, expected);
    }

    #[test]
    fn weekday_relative_to_a_saturday_publication() {
        // 2025-02-22 was a Saturday.
        check(
            "The State Department said on Friday that the talks had failed.",
            "2025-02-22",
            &["Friday → 2025-02-21 (publication)"],
        );
        check(
            "Rebels attacked on Saturday.",
            "2025-02-22",
            &["Saturday → 2025-02-22 (publication)"],
        );
        check(
            "Rebels attacked on Sunday.",
            "2025-02-22",
            &["Sunday → 2025-02-16 (publication)"],
        );
        check(
            "Fighters took Bukavu last Sunday. Talks resumed last Saturday.",
            "2025-02-22",
            &[
                "last Sunday → 2025-02-16 (publication)",
                "last Saturday → 2025-02-15 (publication)",
            ],
        );
        check(
            "The vote came late Friday night.",
            "2025-02-22",
            &["late Friday night → 2025-02-21 (publication)"],
        );
    }

    #[test]
    fn future_tense_points_weekdays_forward() {
        check(
            "The ministers will meet on Monday in Nairobi.",
            "2025-02-22",
            &["Monday → 2025-02-24 (publication)"],
        );
        check(
            "The State Department said on Friday that the ministers will meet on Monday.",
            "2025-02-22",
            &[
                "Friday → 2025-02-21 (publication)",
                "Monday → 2025-02-24 (publication)",
            ],
        );
        check(
            "On Monday, the council is expected to vote on the draft.",
            "2025-02-22",
            &["Monday → 2025-02-24 (publication)"],
        );
        check(
            "Both sides agreed to meet on Tuesday. The summit is due to open next Friday.",
            "2025-02-22",
            &[
                "Tuesday → 2025-02-25 (publication)",
                "next Friday → 2025-02-28 (publication)",
            ],
        );
        check(
            "The U.S. urged the council on Tuesday to consider unspecified measures.",
            "2025-01-29",
            &["Tuesday → 2025-01-28 (publication)"],
        );
        check(
            "The talks will be held on Wednesday.",
            "2025-01-29",
            &["Wednesday → 2025-01-29 (publication)"],
        );
    }

    #[test]
    fn anchored_expressions_count_from_the_date_just_mentioned() {
        check(
            "The State Department said on Friday that it backed the talks. The United States said a day earlier that it was imposing sanctions.",
            "2025-02-22",
            &[
                "Friday → 2025-02-21 (publication)",
                "a day earlier → 2025-02-20 (mentioned)",
            ],
        );
        check(
            "The deal was signed on February 21, 2025. Two days later, fighting resumed. The following day, talks broke down.",
            "2025-03-10",
            &[
                "February 21, 2025 → 2025-02-21 (absolute)",
                "Two days later → 2025-02-23 (mentioned)",
                "The following day → 2025-02-24 (mentioned)",
            ],
        );
        // A year-level mention in between is not what "a day earlier" counts from.
        check(
            "The council met on Friday.\nThe conflict is rooted in Rwanda's 1994 genocide.\nThe U.S. acted a day earlier.",
            "2025-02-22",
            &[
                "Friday → 2025-02-21 (publication)",
                "1994 → 1994 (absolute)",
                "a day earlier → 2025-02-20 (mentioned)",
            ],
        );
        check(
            "Rebels entered Goma on January 27. Later that day, the airport closed. Later that month, the city fell.",
            "2025-02-22",
            &[
                "January 27 → 2025-01-27 (publication)",
                "Later that day → 2025-01-27 (mentioned)",
                "Later that month → 2025-01 (mentioned)",
            ],
        );
    }

    #[test]
    fn anchored_expressions_without_an_anchor_are_unresolved() {
        check(
            "A day earlier, the rebels advanced.",
            "2025-02-22",
            &["A day earlier → unresolved"],
        );
        // Counted from an event: a date of its own, unknown.
        check(
            "A day before the vote, the rebels advanced.",
            "2025-02-22",
            &["A day before → unresolved"],
        );
        check_with(
            "The council met on Friday. A day earlier, the rebels advanced.",
            None,
            None,
            &["Friday → unresolved", "A day earlier → unresolved"],
        );
    }

    #[test]
    fn calendar_expressions_have_the_precision_they_state() {
        check(
            "In a note seen earlier this month, the U.S. said it would act.",
            "2025-02-22",
            &["earlier this month → 2025-02 (publication)"],
        );
        check(
            "Last month the rebels took Goma; last year they held Bunagana; next year elections are due.",
            "2025-02-22",
            &[
                "Last month → 2025-01 (publication)",
                "last year → 2024 (publication)",
                "next year → 2026 (publication)",
            ],
        );
        // The week of 10–16 February lies inside February.
        check(
            "The talks collapsed last week.",
            "2025-02-22",
            &["last week → 2025-02 (publication)"],
        );
        // The week of 24 February – 2 March straddles two months: only the year is known.
        check(
            "The talks will resume next week.",
            "2025-02-22",
            &["next week → 2025 (publication)"],
        );
        check(
            "Today, Washington is urging restraint. Yesterday it imposed sanctions.",
            "2025-02-22",
            &[
                "Today → 2025-02-22 (publication)",
                "Yesterday → 2025-02-21 (publication)",
            ],
        );
    }

    #[test]
    fn offsets_from_publication() {
        check(
            "A year ago, the M23 came close to Goma.",
            "2025-02-22",
            &["A year ago → 2024 (publication)"],
        );
        check(
            "Two weeks ago the rebels took the airport.",
            "2025-02-22",
            &["Two weeks ago → 2025-02 (publication)"],
        );
        check(
            "Three days ago the rebels took the airport. A week ago they took the port.",
            "2025-02-22",
            &[
                "Three days ago → 2025-02-19 (publication)",
                "A week ago → 2025-02-15 (publication)",
            ],
        );
        check(
            "Six months ago the talks began. More than a year ago they failed.",
            "2025-02-22",
            &[
                "Six months ago → 2024-08 (publication)",
                "More than a year ago → unresolved",
            ],
        );
        check(
            "In recent months, fighting has escalated. In the past 24 hours, 20 people died.",
            "2025-02-22",
            &[
                "recent months → unresolved",
                "the past 24 hours → 2025-02 (publication)",
            ],
        );
    }

    #[test]
    fn dates_without_a_year_take_the_publication_year() {
        check(
            "The leaders spoke on February 21 and again on Feb. 6.",
            "2025-02-22",
            &[
                "February 21 → 2025-02-21 (publication)",
                "Feb. 6 → 2025-02-06 (publication)",
            ],
        );
        // A month after publication in a past-tense clause is last year's.
        check(
            "The rebels captured the town on March 22.",
            "2025-02-22",
            &["March 22 → 2024-03-22 (publication)"],
        );
        // In a future-tense clause it is this year's; a passed date is next year's.
        check(
            "The summit will open on March 22.",
            "2025-02-22",
            &["March 22 → 2025-03-22 (publication)"],
        );
        check(
            "Elections will be held on January 10.",
            "2025-12-20",
            &["January 10 → 2026-01-10 (publication)"],
        );
        // No tense: the nearest.
        check(
            "The ceasefire of December 30 is holding.",
            "2025-01-05",
            &["December 30 → 2024-12-30 (publication)"],
        );
        check(
            "In the discussions held on Friday, February 21, both leaders agreed.",
            "2025-02-22",
            &["Friday, February 21 → 2025-02-21 (publication)"],
        );
        check(
            "Rebels have held the town since March.",
            "2025-02-22",
            &["March → 2024-03 (publication)"],
        );
    }

    #[test]
    fn a_full_date_earlier_in_the_sentence_sets_the_year() {
        check(
            "Between December 20, 2023 and January 5, the rebels advanced.",
            "2025-02-22",
            &[
                "December 20, 2023 → 2023-12-20 (absolute)",
                "January 5 → 2024-01-05 (mentioned)",
            ],
        );
    }

    #[test]
    fn absolute_forms() {
        check(
            "It was signed on 21/02/2025, on 2025-02-21 and on 21 February 2025, not on 03/04/2025.",
            "2025-03-01",
            &[
                "21/02/2025 → 2025-02-21 (absolute)",
                "2025-02-21 → 2025-02-21 (absolute)",
                "21 February 2025 → 2025-02-21 (absolute)",
                "03/04/2025 → 2025 (absolute)",
            ],
        );
        check(
            "Since February 2024 and until mid-2025 the rebels held the town. In 2012 they took Goma.",
            "2025-03-01",
            &[
                "February 2024 → 2024-02 (absolute)",
                "mid-2025 → 2025 (absolute)",
                "2012 → 2012 (absolute)",
            ],
        );
        check(
            "the 21st of February, 2025",
            "2025-03-01",
            &["the 21st of February, 2025 → 2025-02-21 (absolute)"],
        );
    }

    #[test]
    fn a_story_date_stands_in_for_a_missing_publication_date() {
        let text = "The council met on Friday, February 21. A day earlier, sanctions were announced. \
                    Rebels took Goma on Monday, January 27, 2025. The talks on Friday were cordial.";
        let sentences = split_sentences(text);
        let times = resolve_times_inferred(text, &sentences, date("2025-02-22"));
        let shown: Vec<String> = times.iter().map(|t| show(text, t)).collect();
        assert_eq!(
            shown,
            [
                "Friday, February 21 → 2025-02-21 (inferred)",
                "A day earlier → 2025-02-20 (inferred)",
                "Monday, January 27, 2025 → 2025-01-27 (absolute)",
                "Friday → 2025-02-21 (inferred)",
            ]
        );
    }

    #[test]
    fn no_publication_date_invents_nothing() {
        check_with(
            "The council met on Friday, February 21. Two weeks ago, rebels took Goma. Last year they held Bunagana.",
            None,
            None,
            &[
                "Friday, February 21 → unresolved",
                "Two weeks ago → unresolved",
                "Last year → unresolved",
            ],
        );
        check_with(
            "The council met on February 21, 2025. On February 23, talks resumed.",
            None,
            None,
            &[
                "February 21, 2025 → 2025-02-21 (absolute)",
                "February 23 → 2025-02-23 (mentioned)",
            ],
        );
    }

    #[test]
    fn a_story_year_gives_inferred_years() {
        check_with(
            "In the discussions held on Friday, February 21, both leaders agreed. A day earlier, on Friday, nothing happened. Last year they met.",
            None,
            Some(2025),
            &[
                "Friday, February 21 → 2025-02-21 (inferred)",
                "A day earlier → 2025-02-20 (inferred)",
                "Friday → unresolved",
                "Last year → 2024 (inferred)",
            ],
        );
        // The weekday says which neighbouring year is meant: 2024-12-27 was a Friday.
        check_with(
            "They met on Friday, December 27.",
            None,
            Some(2025),
            &["Friday, December 27 → 2024-12-27 (inferred)"],
        );
    }

    #[test]
    fn words_that_are_not_dates() {
        check(
            "May God help them. Theresa May spoke. The Sunday Times reported on Good Friday. Some 2000 people marched. He will march on.",
            "2025-02-22",
            &[],
        );
        check(
            "He scored 20 points in May 2020% of cases.",
            "2025-02-22",
            &["May 2020 → 2020-05 (absolute)"],
        );
    }

    #[test]
    fn governing_time_skips_attributive_years() {
        let text = "The conflict is rooted in Rwanda's 1994 genocide. The council voted on Friday to act.";
        let sentences = split_sentences(text);
        let times = resolve_times(text, &sentences, Some(date("2025-02-22")), None);
        let first = Span::new(4, 12);
        assert_eq!(governing_time(text, &times, &sentences, first), None);
        let voted = text
            .find("voted")
            .map_or(Span::new(0, 0), |s| Span::new(s, s + 5));
        let got = governing_time(text, &times, &sentences, voted).and_then(|t| t.date);
        assert_eq!(got.map(|d| d.to_string()).as_deref(), Some("2025-02-21"));
    }

    #[test]
    fn fixture_article_snapshot() {
        let text = include_str!("../tests/fixtures/annotate/ceasefire_talks.txt");
        let sentences = split_sentences(text);
        let times = resolve_times(text, &sentences, Some(date("2025-02-22")), None);
        let lines: Vec<String> = times
            .iter()
            .map(|t| format!("{}..{} {}", t.span.start, t.span.end, show(text, t)))
            .collect();
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn seed_corpus_evaluation() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
        if !dir.is_dir() {
            eprintln!("skipping: {} is absent", dir.display());
            return;
        }
        // Gold: (file, publication date as metadata gives it, story year,
        // [(text just before the expression, expression, expected)]).
        type Gold = (
            &'static str,
            Option<&'static str>,
            Option<i32>,
            &'static [(&'static str, &'static str, &'static str)],
        );
        let gold: &[Gold] = &[
            (
                "000_22e13f6adb69ce2a.txt",
                None,
                None,
                &[
                    ("announced on ", "Friday", "unresolved"),
                    ("said ", "a day earlier", "unresolved"),
                    ("by Reuters ", "earlier this month", "unresolved"),
                ],
            ),
            (
                "002_aa5139d0acb14819.txt",
                Some("2025-02-22"),
                None,
                &[
                    ("State Department said on ", "Friday", "2025-02-21"),
                    ("United States said ", "a day earlier", "2025-02-20"),
                    ("news agency ", "earlier this month", "2025-02"),
                    ("Also on ", "Friday", "2025-02-21"),
                    ("several fronts on ", "Friday", "2025-02-21"),
                    ("Bukavu ", "last Sunday", "2025-02-16"),
                ],
            ),
            (
                "003_9d7e0dd025681c51.txt",
                Some("2025-01-29"),
                None,
                &[
                    ("Congo's east, on ", "Monday", "2025-01-27"),
                    ("Security Council on ", "Tuesday", "2025-01-28"),
                    ("sporadic gunfire on ", "Wednesday", "2025-01-29"),
                    ("on X on ", "Wednesday", "2025-01-29"),
                    ("shared border on ", "Monday", "2025-01-27"),
                ],
            ),
            (
                "004_0106cf7a20dce70a.txt",
                None,
                Some(2025),
                &[
                    ("held on ", "Friday, February 21", "2025-02-21"),
                    ("took place on ", "February 6", "2025-02-06"),
                    ("Salaam on ", "February 9", "2025-02-09"),
                    ("Nairobi on ", "February 21", "2025-02-21"),
                ],
            ),
            (
                "001_bab583d93c6afb7e.txt",
                None,
                None,
                &[
                    ("In ", "recent months", "unresolved"),
                    ("", "A year ago", "unresolved"),
                    ("", "Today", "unresolved"),
                ],
            ),
        ];
        let (mut right, mut total, mut found_total) = (0, 0, 0);
        for (file, published, story_year, expected) in gold {
            let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
                eprintln!("skipping {file}: unreadable");
                continue;
            };
            let sentences = split_sentences(&text);
            let times = resolve_times(&text, &sentences, published.map(date), *story_year);
            found_total += times.len();
            for (before, words, want) in *expected {
                total += 1;
                let needle = format!("{before}{words}");
                let Some(at) = text.find(&needle).map(|p| p + before.len()) else {
                    eprintln!("{file}: gold text {needle:?} not in the seed");
                    continue;
                };
                let hit = times
                    .iter()
                    .find(|t| t.span.start == at && t.span.slice(&text) == Some(*words));
                let got = hit.map_or("missed".to_owned(), |t| {
                    t.date.map_or("unresolved".to_owned(), |d| d.to_string())
                });
                if got == *want {
                    right += 1;
                } else {
                    eprintln!("{file}: {words:?} expected {want}, got {got}");
                }
            }
            for t in &times {
                eprintln!("  {file}: {}", show(&text, t));
            }
        }
        eprintln!(
            "seed temporal evaluation: {right}/{total} gold expressions right; {found_total} expressions found"
        );
        assert_eq!(
            right, total,
            "every gold expression of the seeds resolves as annotated"
        );
    }

    /// Detection recall against the gold TIME_DATE mentions of ECB+ (the
    /// fully annotated sentences of its news articles, ../shared/data).
    /// Recall only: ECB+ leaves many time expressions unannotated, so its
    /// "false positives" are mostly real ones (checked by hand).
    #[test]
    fn ecb_plus_time_mentions_are_found() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/ecbplus");
        let Ok(csv) = std::fs::read_to_string(root.join("ECBplus_coreference_sentences.csv")) else {
            eprintln!("skipping: {} is absent", root.display());
            return;
        };
        let mut annotated: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let [topic, file, sentence] = f[..] else { continue };
            let Ok(n) = sentence.trim().parse() else { continue };
            annotated.entry(format!("{topic}_{file}")).or_default().push(n);
        }
        let token_re = compile(r#"<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)</token>"#);
        let time_re = compile(r#"(?s)<TIME_DATE m_id="[^"]*"[^>/]*>(.*?)</TIME_DATE>"#);
        let anchor_re = compile(r#"t_id="(\d+)""#);
        let (mut found, mut gold_total) = (0usize, 0usize);
        for (name, sentences) in &annotated {
            let topic = name.split('_').next().unwrap_or("");
            let Ok(xml) = std::fs::read_to_string(root.join("ECB+").join(topic).join(format!("{name}.xml")))
            else {
                continue;
            };
            // Detokenise: tokens joined by spaces, one line per sentence.
            let mut text = String::new();
            let mut at: std::collections::HashMap<String, (usize, usize, u32)> = Default::default();
            let mut previous: Option<u32> = None;
            for c in token_re.captures_iter(&xml) {
                let (Some(id), Some(sentence), Some(word)) = (c.get(1), c.get(2), c.get(3)) else {
                    continue;
                };
                let sentence: u32 = sentence.as_str().parse().unwrap_or(0);
                let word = word
                    .as_str()
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&apos;", "'");
                let word = if word == "``" || word == "''" {
                    "\"".to_owned()
                } else {
                    word
                };
                match previous {
                    Some(p) if p != sentence => text.push('\n'),
                    Some(_)
                        if ![".", ",", ":", ";", "!", "?", ")", "%", "'s", "’s", "n't"]
                            .contains(&word.as_str()) =>
                    {
                        text.push(' ');
                    }
                    _ => {}
                }
                at.insert(
                    id.as_str().to_owned(),
                    (text.len(), text.len() + word.len(), sentence),
                );
                text.push_str(&word);
                previous = Some(sentence);
            }
            let gold: Vec<(usize, usize)> = time_re
                .captures_iter(&xml)
                .filter_map(|c| {
                    let spans: Vec<_> = anchor_re
                        .captures_iter(c.get(1)?.as_str())
                        .filter_map(|a| at.get(a.get(1)?.as_str()))
                        .collect();
                    let first = spans.first()?;
                    sentences.contains(&first.2).then(|| {
                        (
                            spans.iter().map(|s| s.0).min().unwrap_or(0),
                            spans.iter().map(|s| s.1).max().unwrap_or(0),
                        )
                    })
                })
                .collect();
            let times = resolve_times(&text, &split_sentences(&text), None, None);
            gold_total += gold.len();
            found += gold
                .iter()
                .filter(|&&(a, b)| times.iter().any(|t| t.span.start < b && a < t.span.end))
                .count();
        }
        let recall = found as f64 / gold_total.max(1) as f64;
        eprintln!("ECB+ time mentions found: {found}/{gold_total} = {recall:.3}");
        assert!(
            gold_total > 400 && recall >= 0.9,
            "recall {recall:.3} over {gold_total} gold mentions"
        );
    }

    proptest! {
        #[test]
        fn spans_are_char_aligned_slices_and_output_is_deterministic(
            text in "(?s)([A-Za-z ,.é’'\n]|Friday|last |a day earlier|February|Feb\\. |21|2025|/|-|ago|week|month|year|will |on ){0,60}",
            days in 18_000i64..22_000,
            story in proptest::option::of(2000i32..2030),
        ) {
            let published = PublishedDate::from_days_since_epoch(days);
            let sentences = split_sentences(&text);
            let times = resolve_times(&text, &sentences, published, story);
            let mut last_end = 0;
            for t in &times {
                prop_assert!(t.span.slice(&text).is_some_and(|s| !s.is_empty()), "bad span {:?}", t.span);
                prop_assert!(t.span.start >= last_end);
                last_end = t.span.end;
                prop_assert_eq!(t.date.is_none(), t.precision == DatePrecision::Unknown);
                prop_assert_eq!(t.date.is_none(), t.anchor == TimeAnchor::Unresolved);
                if let Some(d) = t.date {
                    prop_assert_eq!(d.precision(), t.precision);
                }
            }
            prop_assert_eq!(resolve_times(&text, &sentences, published, story), times.clone());
            if published.is_none() && story.is_none() {
                for t in &times {
                    prop_assert!(matches!(t.anchor, TimeAnchor::Absolute | TimeAnchor::Mentioned | TimeAnchor::Unresolved));
                }
            }
        }

        #[test]
        fn never_panics_on_any_text(text in "(?s).{0,200}", days in -1_000_000i64..3_000_000) {
            let published = PublishedDate::from_days_since_epoch(days);
            let times = resolve_times(&text, &[], published, Some(9999));
            for t in &times {
                prop_assert!(t.span.slice(&text).is_some());
            }
        }
    }
}
