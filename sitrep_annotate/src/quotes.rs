//! Quotations and who said them.
//!
//! [`find_quotes`] finds direct quotes (words in quotation marks) and
//! reported speech ("X said that …", "…, officials said", "according to
//! X"), and attributes each to a speaker: the text naming the speaker,
//! the name it stands for, and the canonical entity of the entity mention
//! that covers it.
//!
//! # Direct quotes
//!
//! Quotation marks are paired inside a paragraph: straight `"` toggles,
//! `“` opens and `”` closes; single quotes (`‘…’`, `'…'`) count when they
//! open at a word start and close before a space or punctuation (an
//! apostrophe in "don't" or "soldiers’ families" does not close one). A
//! quote left open at the end of a paragraph runs to its end (the news
//! convention for quotes spanning paragraphs). The span is the quoted words
//! without the marks and without a trailing comma.
//!
//! The speaker is looked for, in order:
//! 1. right after the quote, in the same sentence: `"…," the State
//!    Department said`, `"…," said Rubio, the secretary`, `"…," he told
//!    Reuters`, `"…," according to X`;
//! 2. right before it: `X said: "…"`, `X added, "…"`, `X said in a
//!    statement that "…"`, `According to X, "…"`, the second half of a
//!    split quote (`"…," she said, "…"`), and for a quote after a colon the
//!    subject of the first verb of saying in the sentence (`A statement
//!    from the Department of State confirmed …: "…"`), also across a
//!    paragraph break;
//! 3. the reported speech it sits in (`Rubio told Kagame that Washington
//!    was "deeply troubled"`);
//! 4. the quote just before it, when this one opens its paragraph or
//!    shares it (a quote continued in the next paragraph).
//!
//! A quote of fewer than four words with no speaker is a scare quote or a
//! name and is dropped.
//!
//! # Reported speech
//!
//! One per sentence, outside direct quotes: `X said/told Y/warned … (that)
//! CLAUSE` (the clause to the end of the sentence), `CLAUSE, X said.` (the
//! clause before the attribution), and `according to X` (the clause it is
//! attached to). Passive "is said to" and "to say" are not reports. Without
//! "that", only said/says/added/believes/insisted/argued report a bare
//! clause ("Kagame said he agreed"), and not when the next word opens an
//! adverbial, is a number or is a verb ("said in a statement", "added 20
//! points", "which it said crashed"); other verbs take an object
//! ("confirmed the call", "demanded a ceasefire") unless "that" follows. A
//! subject in apposition counts ("Kenya's foreign minister, Musalia
//! Mudavadi, said" → Musalia Mudavadi).
//!
//! # Resolving the speaker
//!
//! The speaker text is a noun phrase found next to the verb of saying.
//! Its entity is the entity mention overlapping it (a person before an
//! organisation, a group, a country, a place; the last of a kind, English
//! noun phrases ending in their head). A pronoun (he, she: a person; it,
//! they: an organisation, group or country) or a description ("the
//! minister", "the ministry") is resolved to the nearest sentence before
//! it (up to three back, skipping words inside quotation marks) holding a
//! mention of a compatible kind, and to the first such mention of that
//! sentence (its subject, usually), preferring a mention whose role or
//! text contains the description's head noun. A name with no entity
//! mention ("the State Department") is kept as the speaker with no entity;
//! a pronoun with no antecedent keeps its `speaker_span` but has no
//! `speaker` name and no entity (a pronoun is not a name).
//!
//! The speaker of a quote is looked for at most a few hundred bytes from
//! it, and every lookup is by binary search, so a pathological text (one
//! sentence of a megabyte, thousands of quotation marks) costs about linear
//! time.

use std::collections::BTreeMap;

use sitrep_model::{Entity, EntityId, EntityKind, EntityMention, Gender, Quote, Sentence, Span};

use crate::sentences::{
    TokenKind, ceil_boundary, floor_boundary, paragraphs, sentence_at, split_sentences, tokens,
};

/// Find the quotations of `text` and attribute them, in text order.
///
/// `sentences` are the article's sentences (computed here when empty);
/// `mentions` the entity mentions the speakers are resolved to.
pub fn find_quotes(text: &str, sentences: &[Sentence], mentions: &[EntityMention]) -> Vec<Quote> {
    find_quotes_of(text, sentences, mentions, &[])
}

/// [`find_quotes`], with the mentions' `entities`: their genders keep
/// "she said" from a man named before, "he said" from a woman.
pub fn find_quotes_of(
    text: &str,
    sentences: &[Sentence],
    mentions: &[EntityMention],
    entities: &[Entity],
) -> Vec<Quote> {
    let own;
    let sentences = if sentences.is_empty() {
        own = split_sentences(text);
        &own[..]
    } else {
        sentences
    };
    let mut mentions: Vec<&EntityMention> = mentions
        .iter()
        .filter(|m| m.span.slice(text).is_some() && !m.span.is_empty())
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let ctx = Ctx {
        text,
        sentences,
        paragraphs: paragraphs(text),
        mentions,
        genders: entities.iter().filter_map(|e| Some((&e.id, e.gender?))).collect(),
        segments: Vec::new(),
    };
    ctx.run()
}

/// How far (bytes) from a quotation its attribution is looked for.
const REACH: usize = 600;

/// Verbs of saying, finite forms.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "announces",
    "declared",
    "declares",
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "asked",
    "asks",
    "replied",
    "replies",
    "explained",
    "explains",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "urged",
    "urges",
    "continued",
    "recalled",
    "remarked",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "cautioned",
    "complained",
    "confirmed",
    "confirms",
    "countered",
    "responded",
    "responds",
    "reiterated",
    "reiterates",
    "reported",
    "reports",
    "concluded",
    "suggested",
    "suggests",
    "predicted",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "observed",
    "commented",
    "quipped",
    "shouted",
    "cried",
    "testified",
    "alleged",
    "alleges",
    "maintained",
    "maintains",
    "assured",
    "demanded",
    "denied",
    "denies",
    "believes",
    "believed",
    "estimated",
    "estimates",
];

/// Participles of saying: "…, saying "…"" — the speaker is the subject.
const SPEECH_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "writing",
    "telling",
    "declaring",
    "warning",
    "stating",
    "stressing",
    "insisting",
    "arguing",
    "explaining",
    "urging",
];

/// Words that end a noun phrase read backwards from its verb.
const NP_STOP_WORDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "after",
    "before",
    "as",
    "because",
    "but",
    "if",
    "since",
    "although",
    "though",
    "where",
    "whether",
    "in",
    "on",
    "at",
    "with",
    "by",
    "during",
    "into",
    "over",
    "under",
    "about",
    "against",
    "between",
    "through",
    "to",
    "via",
    "without",
    "within",
    "than",
    "so",
    "said",
    "says",
    "told",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "not",
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "did",
    "does",
    "do",
    "then",
    "again",
    "later",
    "earlier",
    "reportedly",
    "previously",
    "repeatedly",
    "separately",
    "further",
    "once",
    "recently",
    "today",
    "yesterday",
];

/// Words skipped between a subject and its verb ("has also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "then",
    "again",
    "repeatedly",
    "separately",
    "further",
    "would",
    "will",
    "did",
    "does",
    "reportedly",
    "once",
    "recently",
    "earlier",
    "today",
    "yesterday",
    "had",
    "subsequently",
    "publicly",
    "privately",
    "quickly",
    "first",
    "last",
    "week",
    "month",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const PRONOUNS_PERSON: &[&str] = &["he", "she"];
const PRONOUNS_GROUP: &[&str] = &["they", "it"];

/// Nouns naming people who speak for themselves or for a body.
const PERSON_NOUNS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "envoy",
    "ambassador",
    "commander",
    "general",
    "leader",
    "governor",
    "mayor",
    "chief",
    "head",
    "director",
    "diplomat",
    "senator",
    "lawmaker",
    "prime",
    "chancellor",
    "king",
    "queen",
    "premier",
    "colonel",
    "captain",
    "lieutenant",
    "analyst",
    "expert",
    "lawyer",
    "prosecutor",
    "judge",
    "witness",
    "resident",
    "source",
    "negotiator",
    "mediator",
    "representative",
    "chairman",
    "chairwoman",
    "chair",
    "coordinator",
    "counterpart",
    "foreign",
    "defence",
    "defense",
];

/// Nouns naming bodies that issue statements.
const BODY_NOUNS: &[&str] = &[
    "ministry",
    "department",
    "government",
    "council",
    "agency",
    "group",
    "rebels",
    "army",
    "movement",
    "organisation",
    "organization",
    "office",
    "administration",
    "military",
    "police",
    "committee",
    "commission",
    "mission",
    "embassy",
    "authorities",
    "court",
    "union",
    "alliance",
    "coalition",
    "party",
    "statement",
    "presidency",
    "cabinet",
    "parliament",
    "assembly",
    "force",
    "forces",
    "bloc",
    "community",
    "resolution",
    "report",
    "reports",
];

/// Capitalised words that are never speakers.
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "last",
    "on",
    "in",
    "at",
];

/// Other nouns that can be speakers.
const PLAIN_SPEAKERS: &[&str] = &[
    "officials",
    "residents",
    "witnesses",
    "sources",
    "analysts",
    "experts",
    "diplomats",
    "observers",
    "people",
    "doctors",
    "workers",
    "activists",
    "organisers",
    "organizers",
    "lawyers",
    "prosecutors",
    "troops",
    "soldiers",
    "fighters",
    "medics",
    "survivors",
    "villagers",
    "locals",
    "leaders",
    "ministers",
];

#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Byte of the opening mark.
    open: usize,
    /// Byte after the closing mark (or the paragraph end).
    after: usize,
    /// The quoted words.
    inner: Span,
    /// Whether a closing mark was found.
    closed: bool,
    paragraph: usize,
}

#[derive(Debug, Clone)]
struct Speaker {
    span: Span,
    name: Option<String>,
    entity: Option<EntityId>,
}

/// A word of the text, lowercased for matching.
#[derive(Debug, Clone)]
struct W<'t> {
    span: Span,
    s: &'t str,
    lower: String,
    punct: bool,
}

fn words_in<'t>(text: &'t str, span: Span) -> Vec<W<'t>> {
    tokens(text, span)
        .into_iter()
        .map(|t| {
            let s = t.text(text);
            W {
                span: t.span,
                s,
                lower: s.to_lowercase(),
                punct: t.kind == TokenKind::Punct,
            }
        })
        .collect()
}

/// A verb of saying (or its participle) as written: lowercase, so that
/// "the United States" is not "states".
fn is_speech_verb(w: &W<'_>) -> bool {
    w.s.starts_with(|c: char| c.is_lowercase()) && SPEECH_VERBS.contains(&w.lower.as_str())
}

fn is_speech_participle(w: &W<'_>) -> bool {
    w.s.starts_with(|c: char| c.is_lowercase()) && SPEECH_PARTICIPLES.contains(&w.lower.as_str())
}

/// Verbs of saying that report a clause without "that" ("Kagame said he
/// agreed"); the others ("confirmed the call", "demanded a ceasefire")
/// take an object unless "that" follows.
const BARE_CLAUSE_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "believes", "believed", "insisted", "insists", "argued",
    "argues", "thinks", "thought",
];

/// Nouns after which "that" is a determiner ("that summer").
const DETERMINED_NOUNS: &[&str] = &[
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "time",
    "moment",
    "era",
    "period",
    "season",
];

/// Verbs that follow a clause's subject ("that is", "it was").
const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "may", "might",
    "should", "must", "does", "did",
];

/// Words that open an adverbial, not a reported clause.
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "via",
    "through",
    "from",
    "to",
    "with",
    "without",
    "by",
    "for",
    "of",
    "while",
    "when",
    "as",
    "again",
    "also",
    "repeatedly",
    "today",
    "yesterday",
    "separately",
    "publicly",
];

fn is_open_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_close_double(c: char) -> bool {
    matches!(c, '”' | '»')
}

struct Ctx<'t> {
    text: &'t str,
    sentences: &'t [Sentence],
    paragraphs: Vec<Span>,
    mentions: Vec<&'t EntityMention>,
    /// People's genders, by entity.
    genders: BTreeMap<&'t EntityId, Gender>,
    segments: Vec<Segment>,
}

impl<'t> Ctx<'t> {
    fn run(mut self) -> Vec<Quote> {
        self.segments = self.find_segments();
        let mut out: Vec<Quote> = Vec::new();
        let indirect = self.indirect_quotes();
        let mut previous: Option<(Segment, Speaker)> = None;
        for seg in self.segments.clone() {
            let found = self
                .speaker_after(&seg)
                .or_else(|| self.speaker_before(&seg))
                .or_else(|| {
                    let i = indirect.partition_point(|(q, _)| q.span.start <= seg.open);
                    i.checked_sub(1)
                        .and_then(|i| indirect.get(i))
                        .filter(|(q, _)| seg.after <= q.span.end)
                        .and_then(|(_, s)| s.clone())
                })
                .or_else(|| self.continued(&seg, previous.as_ref()));
            let inner_words = self
                .text
                .get(seg.inner.start..seg.inner.end)
                .unwrap_or("")
                .split_whitespace()
                .count();
            if found.is_none() && inner_words < 4 {
                continue;
            }
            if let Some(sp) = &found {
                previous = Some((seg, sp.clone()));
            } else {
                previous = None;
            }
            out.push(quote(seg.inner, true, found));
        }
        for (q, _) in indirect {
            out.push(q);
        }
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out
    }

    // -----------------------------------------------------------------
    // Direct quotes.

    fn find_segments(&self) -> Vec<Segment> {
        let mut segs = Vec::new();
        for (pi, para) in self.paragraphs.iter().enumerate() {
            let Some(p) = para.slice(self.text) else { continue };
            let mut open: Option<usize> = None;
            let mut covered: Vec<(usize, usize)> = Vec::new();
            for (i, c) in p.char_indices() {
                let at = para.start + i;
                let opens = match c {
                    '"' => Some(open.is_none()),
                    c if is_open_double(c) => Some(true),
                    c if is_close_double(c) => Some(false),
                    _ => None,
                };
                match (opens, open) {
                    (Some(true), Some(o)) => {
                        // A new opening mark while one is open: the first was never closed.
                        self.push_segment(&mut segs, o, at, at, false, pi);
                        open = Some(at);
                    }
                    (Some(true), None) => open = Some(at),
                    (Some(false), Some(o)) => {
                        let after = at + c.len_utf8();
                        self.push_segment(&mut segs, o, at, after, true, pi);
                        covered.push((o, after));
                        open = None;
                    }
                    _ => {}
                }
            }
            if let Some(o) = open {
                self.push_segment(&mut segs, o, para.end, para.end, false, pi);
                covered.push((o, para.end));
            }
            self.single_quoted(pi, *para, &covered, &mut segs);
        }
        segs.sort_by_key(|s| s.open);
        segs
    }

    fn push_segment(
        &self,
        segs: &mut Vec<Segment>,
        open: usize,
        close: usize,
        after: usize,
        closed: bool,
        paragraph: usize,
    ) {
        let mark_len = self
            .text
            .get(open..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        let start = open + mark_len;
        let Some(raw) = self.text.get(start..close.max(start)) else {
            return;
        };
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim().trim_end_matches([',', ' ']);
        if trimmed.is_empty() {
            return;
        }
        let inner = Span::new(start + lead, start + lead + trimmed.len());
        segs.push(Segment {
            open,
            after,
            inner,
            closed,
            paragraph,
        });
    }

    /// `‘…’` and `'…'` quotes outside double-quoted text.
    fn single_quoted(&self, pi: usize, para: Span, covered: &[(usize, usize)], segs: &mut Vec<Segment>) {
        let Some(p) = para.slice(self.text) else { return };
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        // `covered` is in text order and does not overlap.
        let inside = |at: usize| {
            let i = covered.partition_point(|&(a, _)| a <= at);
            i.checked_sub(1)
                .and_then(|i| covered.get(i))
                .is_some_and(|&(_, b)| at < b)
        };
        let mut i = 0;
        while i < chars.len() {
            let (off, c) = chars[i];
            let at = para.start + off;
            let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
            let next = chars.get(i + 1).map(|&(_, c)| c);
            let opening = matches!(c, '‘' | '\'')
                && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | ':'))
                && next.is_some_and(|n| n.is_alphanumeric());
            if !opening || inside(at) {
                i += 1;
                continue;
            }
            let close_char = if c == '‘' { '’' } else { '\'' };
            let mut j = i + 1;
            let mut found = None;
            // A single quote closes within a few hundred characters or not at all.
            while j < chars.len().min(i + 1 + 2000) {
                let (_, d) = chars[j];
                if d == close_char {
                    let before = chars[j - 1].1;
                    let after = chars.get(j + 1).map(|&(_, c)| c);
                    let ends_word = after.is_none_or(|a| !a.is_alphanumeric());
                    let possessive = before == 's'
                        && after == Some(' ')
                        && chars.get(j + 2).is_some_and(|&(_, c)| c.is_lowercase());
                    if ends_word && !before.is_whitespace() && !possessive {
                        found = Some(j);
                        break;
                    }
                }
                j += 1;
            }
            match found {
                Some(j) => {
                    let close = para.start + chars[j].0;
                    if !inside(close) {
                        self.push_segment(segs, at, close, close + close_char.len_utf8(), true, pi);
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }

    fn sentence_span(&self, at: usize) -> Option<Span> {
        sentence_at(self.sentences, at)
            .and_then(|i| self.sentences.get(i))
            .map(|s| s.span)
    }

    /// `"…," the State Department said` / `"…," said Rubio`.
    fn speaker_after(&self, seg: &Segment) -> Option<Speaker> {
        if !seg.closed {
            return None;
        }
        let end = self
            .sentence_span(seg.after.saturating_sub(1))
            .map_or(self.paragraphs.get(seg.paragraph)?.end, |s| s.end);
        // Stop at the next quotation.
        let next = self.segments.partition_point(|s| s.open < seg.after);
        let next_open = self.segments.get(next).map_or(end, |s| s.open.min(end));
        let next_open = ceil_boundary(self.text, next_open.min(seg.after.saturating_add(REACH)));
        let ws = words_in(self.text, Span::new(seg.after, next_open));
        let mut i = 0;
        while ws
            .get(i)
            .is_some_and(|w| w.punct && matches!(w.s, "," | "—" | "–"))
        {
            i += 1;
        }
        let ws = ws.get(i..)?;
        let first = ws.first()?;
        if first.punct {
            return None;
        }
        if first.lower == "according" && ws.get(1).is_some_and(|w| w.lower == "to") {
            let np = forward_np(ws.get(2..)?)?;
            return Some(self.resolve(np));
        }
        if is_speech_verb(first) {
            if let Some(np) = ws.get(1..).and_then(forward_np) {
                return Some(self.resolve(np));
            }
        } else if let Some(v) = ws.iter().take(12).position(is_speech_verb) {
            // SPEAKER VERB: the verb within a dozen words, no clause break
            // before it.
            // "Mayer, Disney's chairman of …, said": the name before the
            // apposition; "…" impeachment, Trump said": the name after the
            // comma; "chairman, CEO and president Craig Menear said": the
            // part with a name.
            let named = |chunk: &[W<'_>]| {
                chunk
                    .iter()
                    .any(|w| w.s.starts_with(char::is_uppercase) && !TIME_WORDS.contains(&w.lower.as_str()))
            };
            let first_comma = ws[..v].iter().position(|w| w.s == ",");
            let last_comma = ws[..v].iter().rposition(|w| w.s == ",");
            let subject = match (first_comma, last_comma) {
                (Some(f), _) if f > 0 && named(&ws[..f]) => &ws[..f],
                (_, Some(l)) => &ws[l + 1..v],
                _ => &ws[..v],
            };
            let clean = !subject.iter().any(|w| {
                w.punct && !matches!(w.s, "," | "." | "(" | ")")
                    || NP_STOP_WORDS.contains(&w.lower.as_str())
                        && !BETWEEN_SUBJECT_AND_VERB.contains(&w.lower.as_str())
            });
            if let Some(np) = backward_np(subject).filter(|_| clean) {
                return Some(self.resolve(np));
            }
        }
        // `"…" announced in October, said Derek Scissors, …`
        let v = ws
            .windows(2)
            .take(20)
            .position(|p| p[0].s == "," && is_speech_verb(&p[1]))?;
        let np = forward_np(ws.get(v + 2..)?)?;
        Some(self.resolve(np))
    }

    /// `X said: "…"`, `X added, "…"`, `According to X, "…"`.
    fn speaker_before(&self, seg: &Segment) -> Option<Speaker> {
        let sentence = self.sentence_span(seg.open);
        let para = self.paragraphs.get(seg.paragraph)?;
        let mut start = sentence.map_or(para.start, |s| s.start);
        if sentence.is_some_and(|s| s.start == seg.open) {
            // The quote opens its sentence; a colon ending the previous
            // sentence or paragraph introduces it.
            let prev = self.text.get(..seg.open)?.trim_end();
            if !prev.ends_with(':') {
                return None;
            }
            start = self
                .sentence_span(prev.len().saturating_sub(1))
                .map_or(para.start, |s| s.start);
        }
        // Not past the previous quotation of the same stretch.
        let this = self.segments.partition_point(|s| s.open < seg.open);
        if let Some(p) = this
            .checked_sub(1)
            .and_then(|i| self.segments.get(i))
            .filter(|s| s.after <= seg.open && s.after > start)
        {
            start = p.after;
        }
        let start = floor_boundary(self.text, start.max(seg.open.saturating_sub(REACH)));
        let ws = words_in(self.text, Span::new(start, seg.open));
        let mut end = ws.len();
        let colon = ws.last().is_some_and(|w| w.s == ":");
        while end > 0 && ws[end - 1].punct && matches!(ws[end - 1].s, "," | ":" | "—" | "–") {
            end -= 1;
        }
        let ws = &ws[..end];
        if ws.is_empty() {
            return None;
        }
        // "According to X, "…""
        let according = ws
            .windows(2)
            .position(|p| p[0].lower == "according" && p[1].lower == "to")
            .and_then(|a| forward_np(&ws[a + 2..]));
        if let Some(np) = according {
            return Some(self.resolve(np));
        }
        // The last verb of saying, followed by at most a few words of
        // circumstance ("in a statement on Friday", "that").
        let last_verb = ws
            .iter()
            .rposition(|w| is_speech_verb(w) || is_speech_participle(w));
        let near_the_quote = |v: &usize| {
            let tail = &ws[v + 1..];
            colon || (tail.len() <= 7 && !tail.iter().any(|w| w.punct && w.s != ","))
        };
        if let Some(sp) = last_verb
            .filter(near_the_quote)
            .and_then(|v| self.subject_of(ws, v))
        {
            return Some(sp);
        }
        if colon {
            // "A statement from X confirmed the call, noting …: "…""
            let first_verb = ws
                .iter()
                .position(|w| is_speech_verb(w) || is_speech_participle(w))?;
            return self.subject_of(ws, first_verb);
        }
        None
    }

    /// The subject of the verb at `ws[v]`.
    fn subject_of(&self, ws: &[W<'_>], v: usize) -> Option<Speaker> {
        if is_speech_participle(&ws[v]) {
            // "…, saying": the subject of the clause the participle hangs on.
            let main = ws[..v].iter().position(is_speech_verb);
            let np = match main {
                Some(m) => backward_np(&ws[..m]),
                None => subject_np(ws),
            }?;
            return Some(self.resolve(np));
        }
        if v > 0
            && matches!(
                ws[v - 1].lower.as_str(),
                "is" | "was" | "were" | "be" | "been" | "to"
            )
        {
            return None;
        }
        let np = subject_before(&ws[..v])?;
        Some(self.resolve(np))
    }

    /// A quote that continues the one before it.
    fn continued(&self, seg: &Segment, previous: Option<&(Segment, Speaker)>) -> Option<Speaker> {
        let (prev, speaker) = previous?;
        let para = self.paragraphs.get(seg.paragraph)?;
        let same_paragraph = prev.paragraph == seg.paragraph;
        let next_paragraph = prev.paragraph + 1 == seg.paragraph && seg.open == para.start;
        (same_paragraph || next_paragraph).then(|| speaker.clone())
    }

    // -----------------------------------------------------------------
    // Reported speech.

    fn indirect_quotes(&self) -> Vec<(Quote, Option<Speaker>)> {
        let mut out = Vec::new();
        for s in self.sentences {
            let ws = words_in(self.text, s.span);
            if let Some(found) = self.indirect_in(&ws, s.span) {
                out.push(found);
            }
        }
        out
    }

    fn in_direct_quote(&self, at: usize) -> bool {
        // Segments are sorted by opening mark and do not overlap.
        let i = self.segments.partition_point(|s| s.open <= at);
        i.checked_sub(1)
            .and_then(|i| self.segments.get(i))
            .is_some_and(|s| at < s.after)
    }

    fn indirect_in(&self, ws: &[W<'_>], sentence: Span) -> Option<(Quote, Option<Speaker>)> {
        for (v, w) in ws.iter().enumerate() {
            let lower = w.lower.as_str();
            if self.in_direct_quote(w.span.start) {
                continue;
            }
            if lower == "according" && ws.get(v + 1).is_some_and(|n| n.lower == "to") {
                return self.according_to(ws, v, sentence);
            }
            if !is_speech_verb(w) {
                continue;
            }
            // "X added, "…"" introduces a direct quote, not reported speech.
            let introduces_quote = ws.get(v + 1).is_some_and(|n| {
                let n = if n.punct && matches!(n.s, "," | ":") {
                    ws.get(v + 2)
                } else {
                    Some(n)
                };
                n.is_some_and(|n| matches!(n.s, "\"" | "“" | "‘" | "«"))
            });
            if introduces_quote {
                continue;
            }
            if v > 0
                && matches!(
                    ws[v - 1].lower.as_str(),
                    "is" | "was" | "were" | "be" | "been" | "being" | "to"
                )
            {
                continue;
            }
            let Some(np) = subject_before(&ws[..v]) else {
                continue;
            };
            let np_start = ws.iter().position(|x| x.span.start == np.start).unwrap_or(0);
            // "CLAUSE, X said." — the attribution trails its clause.
            let before_np = np_start.checked_sub(1).map(|i| &ws[i]);
            let rest = &ws[v + 1..];
            let rest_is_circumstance = rest.first().is_none_or(|n| {
                (n.punct && matches!(n.s, "," | "." | ";"))
                    || (ADVERBIAL_OPENERS.contains(&n.lower.as_str())
                        && rest.len() <= 8
                        && !rest
                            .iter()
                            .any(|x| x.lower == "that" || (x.punct && !matches!(x.s, "," | "."))))
            });
            let trailing = before_np.is_some_and(|b| b.s == ",") && rest_is_circumstance && np_start > 1;
            if trailing {
                let clause = Span::new(sentence.start, ws[np_start - 1].span.start);
                let speaker = self.resolve(np);
                if self.starts_with_quote(clause) {
                    return None;
                }
                return self.reported(clause, speaker);
            }
            // "X said (…) that CLAUSE" / "X said CLAUSE".
            let mut c = v + 1;
            let told = matches!(lower, "told" | "tells");
            let that = ws[c.min(ws.len())..]
                .iter()
                .take(9)
                .position(|x| x.lower == "that" || (x.punct && !matches!(x.s, "," | ".")))
                .filter(|&k| ws[c + k].lower == "that")
                // "wrote songs that summer": a determiner, not "that" + clause.
                .filter(|&k| {
                    ws.get(c + k + 1)
                        .is_none_or(|n| !DETERMINED_NOUNS.contains(&n.lower.as_str()))
                });
            match that {
                // "Apple says that is what you can expect": "that" is the subject.
                Some(k)
                    if ws
                        .get(c + k + 1)
                        .is_some_and(|x| CLAUSE_VERBS.contains(&x.lower.as_str())) =>
                {
                    c += k
                }
                Some(k) => c += k + 1,
                None if told || !BARE_CLAUSE_VERBS.contains(&lower) => continue,
                // "added 20 points", "said in a statement", "which it said
                // crashed": no reported clause with its own subject.
                None if ws.get(c).is_some_and(|x| {
                    ADVERBIAL_OPENERS.contains(&x.lower.as_str())
                        || x.s.starts_with(|c: char| c.is_ascii_digit())
                        || CLAUSE_VERBS.contains(&x.lower.as_str())
                        || (x.lower.ends_with("ed") && x.s.starts_with(char::is_lowercase))
                }) =>
                {
                    continue;
                }
                None => {}
            }
            let clause_start = ws.get(c)?.span.start;
            // Up to a colon that introduces a direct quote.
            let clause_end = ws[c..]
                .windows(2)
                .find(|p| p[0].s == ":" && matches!(p[1].s, "\"" | "“" | "‘" | "«"))
                .map_or(sentence.end, |p| p[0].span.start);
            let clause = Span::new(clause_start, clause_end);
            if self.starts_with_quote(clause) || ws.get(c).is_some_and(|x| x.punct) {
                return None;
            }
            let speaker = self.resolve(np);
            return self.reported(clause, speaker);
        }
        None
    }

    fn according_to(&self, ws: &[W<'_>], a: usize, sentence: Span) -> Option<(Quote, Option<Speaker>)> {
        let np = forward_np(ws.get(a + 2..)?)?;
        let speaker = self.resolve(np);
        let np_end = ws.iter().position(|w| w.span.start >= np.end).unwrap_or(ws.len());
        let clause = if a == 0 {
            // "According to X, CLAUSE."
            let comma = ws.get(np_end..)?.iter().position(|w| w.s == ",")? + np_end;
            let c = ws.get(comma..)?.iter().position(|w| !w.punct)? + comma;
            Span::new(ws[c].span.start, sentence.end)
        } else {
            // "CLAUSE, according to X" — the clause before it.
            let comma = ws.get(a - 1).filter(|w| w.s == ",")?;
            Span::new(sentence.start, comma.span.start)
        };
        if self.starts_with_quote(clause) {
            return None;
        }
        self.reported(clause, speaker)
    }

    fn starts_with_quote(&self, span: Span) -> bool {
        self.text
            .get(span.start..span.end)
            .and_then(|s| s.trim_start().chars().next())
            .is_some_and(|c| matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„'))
    }

    fn reported(&self, clause: Span, speaker: Speaker) -> Option<(Quote, Option<Speaker>)> {
        let raw = clause.slice(self.text)?;
        let trimmed = raw.trim_end().trim_end_matches(['.', ',', ';', ' ']);
        let trimmed = trimmed.trim_start();
        if trimmed.split_whitespace().count() < 3 {
            return None;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(clause.start + lead, clause.start + lead + trimmed.len());
        Some((quote(span, false, Some(speaker.clone())), Some(speaker)))
    }

    // -----------------------------------------------------------------
    // Speakers.

    fn resolve(&self, np: Span) -> Speaker {
        let np_text = np.slice(self.text).unwrap_or("");
        let lower = np_text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let mut speaker = Speaker {
            span: np,
            name: Some(np_text.to_owned()),
            entity: None,
        };
        let pronoun =
            words.len() == 1 && (PRONOUNS_PERSON.contains(&words[0]) || PRONOUNS_GROUP.contains(&words[0]));
        if pronoun {
            let kinds: &[EntityKind] = if PRONOUNS_PERSON.contains(&words[0]) {
                &[EntityKind::Person]
            } else {
                &[EntityKind::Organization, EntityKind::Group, EntityKind::Country]
            };
            speaker.name = None;
            let other = match words[0] {
                "he" => Some(Gender::Female),
                "she" => Some(Gender::Male),
                _ => None,
            };
            if let Some(m) = self.antecedent(np.start, kinds, None, other) {
                speaker.name = m.span.slice(self.text).map(str::to_owned);
                speaker.entity = Some(m.entity.clone());
            }
            return speaker;
        }
        // A mention inside the noun phrase.
        let inside: Vec<&&EntityMention> = self
            .mentions
            .iter()
            .filter(|m| m.span.start < np.end && np.start < m.span.end)
            .collect();
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Group,
            EntityKind::Country,
            EntityKind::Place,
        ] {
            if let Some(m) = inside.iter().rev().find(|m| m.kind == kind) {
                speaker.entity = Some(m.entity.clone());
                return speaker;
            }
        }
        // A description: "the minister", "the ministry".
        let has_capital = np_text
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        let determiner = matches!(words.first().copied(), Some("the" | "a" | "an" | "this" | "that"));
        let head = words.last().copied().unwrap_or("");
        if determiner && (!has_capital || words.len() == 2) {
            let kinds: Option<&[EntityKind]> = if PERSON_NOUNS.contains(&head) {
                Some(&[EntityKind::Person])
            } else if BODY_NOUNS.contains(&head) {
                Some(&[EntityKind::Organization, EntityKind::Group, EntityKind::Country])
            } else {
                None
            };
            if let Some(m) = kinds.and_then(|kinds| self.antecedent(np.start, kinds, Some(head), None)) {
                speaker.entity = Some(m.entity.clone());
            }
        }
        speaker
    }

    /// The mention a pronoun or description at byte `at` refers to, of one of
    /// `kinds`, naming `head` when given, and not of gender `not`.
    fn antecedent(
        &self,
        at: usize,
        kinds: &[EntityKind],
        head: Option<&str>,
        not: Option<Gender>,
    ) -> Option<&'t EntityMention> {
        let here = sentence_at(self.sentences, at).or_else(|| {
            let i = self.sentences.partition_point(|s| s.span.end <= at);
            i.checked_sub(1)
        })?;
        let usable = |m: &&&EntityMention| {
            kinds.contains(&m.kind)
                && m.span.end <= at
                && !self.in_direct_quote(m.span.start)
                && (not.is_none() || self.genders.get(&m.entity).copied() != not)
        };
        let matches_head = |m: &EntityMention| {
            head.is_some_and(|h| {
                m.role.as_deref().is_some_and(|r| r.to_lowercase().contains(h))
                    || m.span
                        .slice(self.text)
                        .is_some_and(|t| t.to_lowercase().contains(h))
            })
        };
        let window: Vec<Span> = (here.saturating_sub(3)..=here)
            .rev()
            .filter_map(|i| self.sentences.get(i).map(|s| s.span))
            .collect();
        let in_sentence = |s: Span| -> Vec<&'t EntityMention> {
            let first = self.mentions.partition_point(|m| m.span.start < s.start);
            self.mentions[first..]
                .iter()
                .take_while(|m| m.span.start < s.end)
                .filter(|m| m.span.end <= s.end)
                .filter(usable)
                .copied()
                .collect()
        };
        if head.is_some() {
            for s in &window {
                if let Some(m) = in_sentence(*s).into_iter().find(|m| matches_head(m)) {
                    return Some(m);
                }
            }
        }
        window.iter().find_map(|s| in_sentence(*s).into_iter().next())
    }
}

fn quote(span: Span, direct: bool, speaker: Option<Speaker>) -> Quote {
    match speaker {
        Some(s) => Quote {
            span,
            direct,
            speaker_span: Some(s.span),
            speaker: s.name,
            speaker_entity: s.entity,
        },
        None => Quote {
            span,
            direct,
            speaker_span: None,
            speaker: None,
            speaker_entity: None,
        },
    }
}

/// Does this word make a plausible speaker noun phrase?
fn speakerish(w: &W<'_>) -> bool {
    let l = w.lower.as_str();
    (w.s.chars().next().is_some_and(char::is_uppercase) && !TIME_WORDS.contains(&l))
        || PRONOUNS_PERSON.contains(&l)
        || PRONOUNS_GROUP.contains(&l)
        || PERSON_NOUNS.contains(&l.trim_end_matches('s'))
        || BODY_NOUNS.contains(&l)
        || PLAIN_SPEAKERS.contains(&l)
}

/// The noun phrase ending just before a verb: `ws` are the words before
/// the verb.
fn backward_np(ws: &[W<'_>]) -> Option<Span> {
    let mut end = ws.len();
    // "the State Department also said", "Rubio on Friday said".
    while end > 0 {
        let l = ws[end - 1].lower.as_str();
        if BETWEEN_SUBJECT_AND_VERB.contains(&l) && !ws[end - 1].punct {
            end -= 1;
        } else {
            break;
        }
    }
    let mut start = end;
    while start > 0 && end - start < 10 {
        let w = &ws[start - 1];
        let l = w.lower.as_str();
        let clitic = matches!(l, "'s" | "’s");
        if (w.punct && !clitic && w.s != ")") || NP_STOP_WORDS.contains(&l) {
            break;
        }
        let lowercase_verbish = !w.s.chars().next().is_some_and(char::is_uppercase)
            && l.len() > 4
            && l.ends_with("ed")
            && !l.contains('-');
        if lowercase_verbish {
            break;
        }
        start -= 1;
    }
    // Leading conjunctions and the like.
    while start < end
        && matches!(
            ws[start].lower.as_str(),
            "and"
                | "or"
                | "of"
                | "for"
                | "from"
                | "("
                | ")"
                | "yet"
                | "still"
                | "now"
                | "thus"
                | "so"
                | "then"
        )
    {
        start += 1;
    }
    while end > start && matches!(ws[end - 1].s, "(" | ")") {
        end -= 1;
    }
    if start >= end || !ws[start..end].iter().any(speakerish) {
        return None;
    }
    let span = Span::new(ws[start].span.start, ws[end - 1].span.end);
    Some(strip_statement_from(ws, start, end).unwrap_or(span))
}

/// "A statement from the Department of State" names the Department.
fn strip_statement_from(ws: &[W<'_>], start: usize, end: usize) -> Option<Span> {
    let k = ws[start..end].iter().position(|w| {
        matches!(
            w.lower.as_str(),
            "statement" | "statements" | "communique" | "communiqué"
        )
    })? + start;
    ws.get(k + 1)
        .filter(|w| matches!(w.lower.as_str(), "from" | "by" | "of"))?;
    let first = ws.get(k + 2).filter(|_| k + 2 < end)?;
    Some(Span::new(first.span.start, ws[end - 1].span.end))
}

/// The subject just before a verb: the noun phrase ending there, or the
/// name in apposition before a comma ("Kenya's foreign minister, Musalia
/// Mudavadi, said" → "Musalia Mudavadi").
fn subject_before(ws: &[W<'_>]) -> Option<Span> {
    backward_np(ws).or_else(|| {
        let (last, rest) = ws.split_last()?;
        (last.s == ",").then(|| backward_np(rest)).flatten()
    })
}

/// The subject at the start of a sentence: names, determiners, "of" and
/// speaker nouns ("Boudreau gave his players …" → "Boudreau").
fn subject_np(ws: &[W<'_>]) -> Option<Span> {
    let end = ws
        .iter()
        .take(10)
        .position(|w| {
            let l = w.lower.as_str();
            let fits = (!w.punct && w.s.starts_with(char::is_uppercase))
                || matches!(l, "the" | "a" | "an" | "of" | "and" | "'s" | "’s")
                || speakerish(w);
            !fits
        })
        .unwrap_or(ws.len().min(10));
    let chunk = ws.get(..end)?;
    let generic = |w: &W<'_>| {
        matches!(
            w.lower.as_str(),
            "one"
                | "another"
                | "this"
                | "that"
                | "these"
                | "those"
                | "it"
                | "there"
                | "the"
                | "a"
                | "an"
                | "some"
                | "many"
                | "several"
                | "both"
                | "each"
                | "in"
                | "on"
                | "at"
                | "after"
                | "as"
        )
    };
    if chunk.is_empty() || !chunk.iter().any(|w| speakerish(w) && !generic(w)) {
        return None;
    }
    Some(Span::new(chunk[0].span.start, chunk[end - 1].span.end))
}

/// The noun phrase starting at `ws[0]`: up to punctuation or a
/// preposition ("said Rubio, the secretary", "said the ministry in a …").
fn forward_np(ws: &[W<'_>]) -> Option<Span> {
    if ws
        .first()
        .is_none_or(|w| NP_STOP_WORDS.contains(&w.lower.as_str()) || w.punct)
    {
        return None;
    }
    let mut end = 0;
    while end < ws.len() && end < 10 {
        let w = &ws[end];
        let l = w.lower.as_str();
        let clitic = matches!(l, "'s" | "’s");
        if (w.punct && !clitic) || (NP_STOP_WORDS.contains(&l) && end > 0) {
            break;
        }
        end += 1;
    }
    if end == 0 || !ws[..end].iter().any(speakerish) {
        return None;
    }
    Some(Span::new(ws[0].span.start, ws[end - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A hand-made mention of `words` (the `nth` occurrence, from 0).
    fn mention(
        text: &str,
        words: &str,
        nth: usize,
        id: &str,
        kind: EntityKind,
        role: Option<&str>,
    ) -> EntityMention {
        let start = text
            .match_indices(words)
            .nth(nth)
            .map(|(p, _)| p)
            .unwrap_or_else(|| panic!("{words:?} #{nth} not in the test text"));
        EntityMention {
            span: Span::new(start, start + words.len()),
            entity: EntityId(id.to_owned()),
            kind,
            role: role.map(str::to_owned),
        }
    }

    fn person(text: &str, words: &str, nth: usize, id: &str) -> EntityMention {
        mention(text, words, nth, id, EntityKind::Person, None)
    }

    /// One quote written compactly: `direct|indirect "words" — speaker
    /// text [entity]`.
    fn show(text: &str, q: &Quote) -> String {
        let kind = if q.direct { "direct" } else { "indirect" };
        let words = q.span.slice(text).unwrap_or("<bad span>");
        let said_by = q.speaker_span.and_then(|s| s.slice(text)).unwrap_or("-");
        let name = q.speaker.as_deref().unwrap_or("-");
        let entity = q.speaker_entity.as_ref().map_or("-", |e| e.as_str());
        format!("{kind} {words:?} — {said_by} = {name} [{entity}]")
    }

    fn check(text: &str, mentions: &[EntityMention], expected: &[&str]) {
        let sentences = split_sentences(text);
        let quotes = find_quotes(text, &sentences, mentions);
        let got: Vec<String> = quotes.iter().map(|q| show(text, q)).collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn the_state_department_said_without_a_mention() {
        let text = "“The capture of Goma is unacceptable,” the State Department said on Friday.";
        check(
            text,
            &[],
            &[
                "direct \"The capture of Goma is unacceptable\" — the State Department = the State Department [-]",
            ],
        );
        let with = [mention(
            text,
            "State Department",
            0,
            "org:us-state-department",
            EntityKind::Organization,
            None,
        )];
        check(
            text,
            &with,
            &[
                "direct \"The capture of Goma is unacceptable\" — the State Department = the State Department [org:us-state-department]",
            ],
        );
    }

    #[test]
    fn speaker_after_the_verb_and_straight_quotes() {
        let text = "\"We will not leave Goma,\" said Corneille Nangaa, the rebel leader.";
        let m = [person(text, "Corneille Nangaa", 0, "person:corneille-nangaa")];
        check(
            text,
            &m,
            &[
                "direct \"We will not leave Goma\" — Corneille Nangaa = Corneille Nangaa [person:corneille-nangaa]",
            ],
        );
    }

    #[test]
    fn multi_sentence_quotes() {
        let text = "“We talked for an hour. Both leaders want a ceasefire. Talks will continue,” Rubio told reporters.";
        let m = [person(text, "Rubio", 0, "person:marco-rubio")];
        check(
            text,
            &m,
            &[
                "direct \"We talked for an hour. Both leaders want a ceasefire. Talks will continue\" — Rubio = Rubio [person:marco-rubio]",
            ],
        );
    }

    #[test]
    fn split_quotes_share_their_speaker() {
        let text = "Kagame met Rubio in Kigali. “We agree on the need for a ceasefire,” she said, “but not on the withdrawal of troops.”";
        let m = [
            person(text, "Kagame", 0, "person:paul-kagame"),
            person(text, "Rubio", 0, "person:marco-rubio"),
        ];
        check(
            text,
            &m,
            &[
                "direct \"We agree on the need for a ceasefire\" — she = Kagame [person:paul-kagame]",
                "direct \"but not on the withdrawal of troops.\" — she = Kagame [person:paul-kagame]",
            ],
        );
    }

    #[test]
    fn she_said_is_no_man_named_before() {
        let text = "Rubio met Amina Mohammed in Nairobi. “We agree on a ceasefire,” she said.";
        let m = [
            person(text, "Amina Mohammed", 0, "person:amina-mohammed"),
            person(text, "Rubio", 0, "person:marco-rubio"),
        ];
        let entity = |id: &str, gender| Entity {
            id: EntityId(id.to_owned()),
            name: id.to_owned(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            country: None,
            sector: None,
            gender: Some(gender),
        };
        let quotes = |entities: &[Entity]| {
            find_quotes_of(text, &split_sentences(text), &m, entities)
                .iter()
                .map(|q| show(text, q))
                .collect::<Vec<_>>()
        };
        // Without genders, the sentence's first person; with them, the
        // woman.
        assert_eq!(
            quotes(&[]),
            ["direct \"We agree on a ceasefire\" — she = Rubio [person:marco-rubio]"]
        );
        let known = [
            entity("person:amina-mohammed", Gender::Female),
            entity("person:marco-rubio", Gender::Male),
        ];
        assert_eq!(
            quotes(&known),
            ["direct \"We agree on a ceasefire\" — she = Amina Mohammed [person:amina-mohammed]"]
        );
    }

    #[test]
    fn pronoun_speaker_named_in_the_previous_sentence() {
        let text = "Foreign Minister Olivier Nduhungirehe spoke to reporters in Kigali on Monday. \"Rwanda is defending its border,\" he said.";
        let m = [
            mention(
                text,
                "Olivier Nduhungirehe",
                0,
                "person:olivier-nduhungirehe",
                EntityKind::Person,
                Some("foreign minister"),
            ),
            mention(text, "Kigali", 0, "geonames:202061", EntityKind::Place, None),
            mention(text, "Rwanda", 0, "country:RWA", EntityKind::Country, None),
        ];
        check(
            text,
            &m,
            &[
                "direct \"Rwanda is defending its border\" — he = Olivier Nduhungirehe [person:olivier-nduhungirehe]",
            ],
        );
    }

    #[test]
    fn description_speaker_prefers_a_matching_role() {
        let text = "President Félix Tshisekedi met Foreign Minister Thérèse Kayikwamba Wagner in Kinshasa. \"The aggressor must leave our territory,\" the minister said.";
        let m = [
            mention(
                text,
                "Félix Tshisekedi",
                0,
                "person:felix-tshisekedi",
                EntityKind::Person,
                Some("president"),
            ),
            mention(
                text,
                "Thérèse Kayikwamba Wagner",
                0,
                "person:therese-kayikwamba-wagner",
                EntityKind::Person,
                Some("foreign minister"),
            ),
        ];
        check(
            text,
            &m,
            &[
                "direct \"The aggressor must leave our territory\" — the minister = the minister [person:therese-kayikwamba-wagner]",
            ],
        );
    }

    #[test]
    fn quote_introduced_before_the_marks() {
        let text = "Noting that both leaders called for a ceasefire, the State Department added, “Both leaders reaffirmed their commitment to a diplomatic resolution.”";
        check(
            text,
            &[],
            &[
                "direct \"Both leaders reaffirmed their commitment to a diplomatic resolution.\" — the State Department = the State Department [-]",
            ],
        );
        let text = "A statement from the U.S. Department of State confirmed the call: \"The Secretary urged an immediate ceasefire.\"";
        let m = [mention(
            text,
            "U.S. Department of State",
            0,
            "org:us-state-department",
            EntityKind::Organization,
            None,
        )];
        check(
            text,
            &m,
            &[
                "direct \"The Secretary urged an immediate ceasefire.\" — the U.S. Department of State = the U.S. Department of State [org:us-state-department]",
            ],
        );
        let text = "The ministry said in a statement:\n\n\"We will respond to any attack on our territory.\"";
        check(
            text,
            &[],
            &["direct \"We will respond to any attack on our territory.\" — The ministry = The ministry [-]"],
        );
    }

    #[test]
    fn a_quote_continued_in_the_next_paragraph() {
        let text = "\"Secretary Rubio spoke with President Ruto about the conflict,\" the State Department said on Friday.\n\n\"Both leaders reaffirmed their commitment to a diplomatic resolution.\"\n\nThe council voted later.";
        check(
            text,
            &[],
            &[
                "direct \"Secretary Rubio spoke with President Ruto about the conflict\" — the State Department = the State Department [-]",
                "direct \"Both leaders reaffirmed their commitment to a diplomatic resolution.\" — the State Department = the State Department [-]",
            ],
        );
    }

    #[test]
    fn indirect_quotes() {
        let text =
            "The United States said a day earlier that it was imposing sanctions on a Rwandan minister.";
        let m = [mention(
            text,
            "United States",
            0,
            "country:USA",
            EntityKind::Country,
            None,
        )];
        check(
            text,
            &m,
            &[
                "indirect \"it was imposing sanctions on a Rwandan minister\" — The United States = The United States [country:USA]",
            ],
        );
        let text = "Rwanda has said it is defending itself against Congolese militias.";
        let m = [mention(
            text,
            "Rwanda",
            0,
            "country:RWA",
            EntityKind::Country,
            None,
        )];
        check(
            text,
            &m,
            &[
                "indirect \"it is defending itself against Congolese militias\" — Rwanda = Rwanda [country:RWA]",
            ],
        );
        let text = "The two armies exchanged fire across the border on Monday, UN sources said, as the rebels advanced.";
        let m = [mention(text, "UN", 0, "org:un", EntityKind::Organization, None)];
        check(
            text,
            &m,
            &[
                "indirect \"The two armies exchanged fire across the border on Monday\" — UN sources = UN sources [org:un]",
            ],
        );
        let text = "The M23 is backed by some 4,000 Rwandan soldiers, according to UN experts.";
        check(
            text,
            &[],
            &["indirect \"The M23 is backed by some 4,000 Rwandan soldiers\" — UN experts = UN experts [-]"],
        );
        let text = "According to the ministry, 20 people were killed in the shelling.";
        check(
            text,
            &[],
            &["indirect \"20 people were killed in the shelling\" — the ministry = the ministry [-]"],
        );
        // Not reports.
        check(
            "He is said to have fled. The rebels were told to leave.",
            &[],
            &[],
        );
        check("The State Department said on Friday.", &[], &[]);
    }

    #[test]
    fn partial_quote_inside_reported_speech_takes_its_speaker() {
        let text = "Rubio told Kagame that Washington was \"deeply troubled\" by the escalation.";
        let m = [
            person(text, "Rubio", 0, "person:marco-rubio"),
            person(text, "Kagame", 0, "person:paul-kagame"),
        ];
        check(
            text,
            &m,
            &[
                "indirect \"Washington was \\\"deeply troubled\\\" by the escalation\" — Rubio = Rubio [person:marco-rubio]",
                "direct \"deeply troubled\" — Rubio = Rubio [person:marco-rubio]",
            ],
        );
    }

    #[test]
    fn scare_quotes_and_apostrophes_are_not_quotes() {
        check(
            "The so-called \"peace process\" collapsed and the soldiers' families waited. Rwanda's army didn't move.",
            &[],
            &[],
        );
        check(
            "'Almost no Congolese soldiers are fighting'\n\nThe front collapsed.",
            &[],
            &["direct \"Almost no Congolese soldiers are fighting\" — - = - [-]"],
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_of_its_paragraph() {
        let text = "Kagame wrote: \"We are ready to talk.\n\n\"But we will defend ourselves.\"";
        let m = [person(text, "Kagame", 0, "person:paul-kagame")];
        check(
            text,
            &m,
            &[
                "direct \"We are ready to talk.\" — Kagame = Kagame [person:paul-kagame]",
                "direct \"But we will defend ourselves.\" — Kagame = Kagame [person:paul-kagame]",
            ],
        );
    }

    #[test]
    fn fixture_article_snapshot() {
        let text = include_str!("../tests/fixtures/annotate/ceasefire_talks.txt");
        let org = EntityKind::Organization;
        let mentions = [
            mention(
                text,
                "Marco Rubio",
                0,
                "person:marco-rubio",
                EntityKind::Person,
                Some("secretary of state"),
            ),
            mention(
                text,
                "William Ruto",
                0,
                "person:william-ruto",
                EntityKind::Person,
                Some("president"),
            ),
            mention(text, "State Department", 0, "org:us-state-department", org, None),
            mention(text, "State Department", 1, "org:us-state-department", org, None),
            person(text, "Ruto", 1, "person:william-ruto"),
            person(text, "Rubio", 1, "person:marco-rubio"),
            person(text, "Ruto", 2, "person:william-ruto"),
            mention(
                text,
                "Musalia Mudavadi",
                0,
                "person:musalia-mudavadi",
                EntityKind::Person,
                Some("foreign minister"),
            ),
            mention(
                text,
                "U.N. Security Council",
                0,
                "org:un-security-council",
                org,
                None,
            ),
            mention(text, "Rwanda", 0, "country:RWA", EntityKind::Country, None),
        ];
        let sentences = split_sentences(text);
        let quotes = find_quotes(text, &sentences, &mentions);
        let lines: Vec<String> = quotes
            .iter()
            .map(|q| format!("{}..{} {}", q.span.start, q.span.end, show(text, q)))
            .collect();
        insta::assert_snapshot!(lines.join("\n"));
    }

    proptest! {
        #[test]
        fn spans_are_char_aligned_and_output_is_deterministic(
            text in "(?s)([A-Za-zé ,.:’'\n]|\"|“|”|‘|said|he |she |according to |that |Rubio|the minister){0,60}",
        ) {
            let sentences = split_sentences(&text);
            let mentions: Vec<EntityMention> = text
                .match_indices("Rubio")
                .map(|(p, w)| EntityMention {
                    span: Span::new(p, p + w.len()),
                    entity: EntityId("person:marco-rubio".into()),
                    kind: EntityKind::Person,
                    role: None,
                })
                .collect();
            let quotes = find_quotes(&text, &sentences, &mentions);
            for q in &quotes {
                prop_assert!(q.span.slice(&text).is_some_and(|s| !s.is_empty()), "bad span {:?}", q.span);
                if let Some(s) = q.speaker_span {
                    prop_assert!(s.slice(&text).is_some(), "bad speaker span {:?}", s);
                }
            }
            prop_assert_eq!(find_quotes(&text, &sentences, &mentions), quotes);
        }

        #[test]
        fn never_panics_on_any_text(text in "(?s).{0,200}", a in 0usize..300, b in 0usize..300) {
            let mentions = [EntityMention {
                span: Span::new(a.min(b), a.max(b)),
                entity: EntityId("x".into()),
                kind: EntityKind::Person,
                role: None,
            }];
            let quotes = find_quotes(&text, &[], &mentions);
            for q in &quotes {
                prop_assert!(q.span.slice(&text).is_some());
            }
        }
    }
}
