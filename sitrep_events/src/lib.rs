//! Event coding: who did what to whom, where and when, in PLOVER and
//! CAMEO, with the sentence that says so.
//!
//! [`code_events`] takes an article, its annotations (sentences, entity
//! mentions, time expressions, places, quotes) and its canonical entities,
//! and returns the [`Event`]s of each sentence: source and target actors
//! linked to canonical entities with their country and sector, a PLOVER
//! type (with mode and context where PLOVER defines them) and a CAMEO
//! code, the date of the time expression that governs the event, the
//! place, and the evidence span.
//!
//! Why it is built this way:
//! - Precision over recall. Event data's worst noise is the catch-all
//!   code (UniversalPetrarch's "make statement" when unsure); here a
//!   sentence with no verb the lexicon knows, or no source actor, yields
//!   no event. Verbs of saying are never events themselves. As in
//!   dictionary-based event data, an event needs an actor with a country
//!   or a sector: acts between private people the text places nowhere
//!   are not coded.
//! - Verbs in context, not keywords. A shallow clause analysis
//!   ([`sentence`]) finds each verb's subject, object, prepositional
//!   targets, passive voice, negation, modals and the verbs that govern it
//!   through "to" or "that", so "called for a ceasefire" is a demand (not a
//!   ceasefire), "rejects allegations" a rejection, "did not withdraw"
//!   nothing, "will withdraw" an intent, "threatened to attack" a threat.
//!   Frames take their CAMEO code from the action they govern, as CAMEO
//!   itself does (03 intent, 02/10 appeal and demand, 12 rejection, 13
//!   threat mirror the material categories) — see [`cameo`].
//! - Knowledge as data. The verbs, event nouns, agent nouns and weapon
//!   words are a lexicon ([`lexicon`]): a compiled-in core written for
//!   sitrep, extended at set-up by the PETRARCH/CAMEO verb dictionary and
//!   the CAMEO→PLOVER table converted into `$SITREP_HOME` (never copied
//!   into the repository). The core alone codes the common news verbs;
//!   the dictionary adds verb–object patterns the core lacks.
//! - Actors come from the annotation stage's canonical entities, joined
//!   with agent nouns into actor phrases ([`actors`]): "Israeli troops" is
//!   Israel's military (ISR, MIL).
//! - The stage is pure: no IO, no clock; the same input gives the same
//!   events in the same order. It does not depend on other stage crates:
//!   it has its own small tokenizer ([`text`]) and lemmatiser ([`lemma`]).
//!
//! Event types use the PLOVER gold standard's names (`DEMAND`, `FIGHT`, …);
//! [`sitrep_model::PloverType::current`] gives the current drafts' names.

pub mod actors;
pub mod cameo;
pub mod coder;
pub mod lemma;
pub mod lexicon;
pub mod sentence;
pub mod succession;
pub mod text;
pub mod when_where;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use sitrep_model::{Annotations, Article, Entity, EntityId, EntityKind, Event, EventDateBasis, PartialDate};

pub use lexicon::{Lexicon, LexiconError};

use crate::coder::Context;
use crate::sentence::Sentence;

/// How many earlier actors pronouns may refer back to.
const PRIOR_ACTORS: usize = 12;

/// Sentences after the current one whose actors a pair reference opening
/// an article may point to.
const AHEAD_SENTENCES: usize = 2;

/// A readable account of how each sentence was analysed: tokens with
/// their chunks, the triggers found and each trigger's subject, verb
/// group and control. For `sitrep code --explain` and for debugging a
/// coding sentence by sentence.
pub fn explain(
    article: &Article,
    annotations: &Annotations,
    entities: &[Entity],
    lexicon: &Lexicon,
) -> String {
    use std::fmt::Write;
    let text = article.text.as_str();
    let by_id: BTreeMap<&EntityId, &Entity> = entities.iter().map(|e| (&e.id, e)).collect();
    let mut out = String::new();
    for s in &annotations.sentences {
        let span = s.span;
        let inside = |x: sitrep_model::Span| x.start >= span.start && x.end <= span.end;
        let mentions: Vec<_> = annotations.entities.iter().filter(|m| inside(m.span)).collect();
        let times: Vec<_> = annotations.times.iter().filter(|t| inside(t.span)).collect();
        let sent = Sentence::new(text, span, &mentions, &by_id, &times, lexicon);
        let _ = writeln!(out, "sentence {}..{}", span.start, span.end);
        for (ci, c) in sent.chunks.iter().enumerate() {
            let actors: Vec<String> = c
                .actors
                .iter()
                .map(|a| {
                    format!(
                        "{:?} {}/{}",
                        a.name,
                        a.country.as_deref().unwrap_or("-"),
                        a.sector.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "  chunk {ci} tokens {}..{} prep={:?} possessor={} pronoun={:?} {}",
                c.start,
                c.end,
                c.prep,
                c.possessor,
                c.pronoun,
                actors.join(" + ")
            );
        }
        for tr in &sent.triggers {
            let words: Vec<&str> = sent.toks[tr.tok..tr.end]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  trigger {} {:?} {} {} frame={} subject={:?} group={:?} control={:?} clause={}..{}",
                tr.tok,
                words.join(" "),
                tr.pattern.code,
                tr.pattern.kind,
                tr.pattern.frame,
                sent.subject(tr.tok, 0),
                sent.verb_group(tr.tok),
                sent.control(tr.tok),
                sent.clause_start(tr.tok),
                sent.clause_end(tr.tok),
            );
        }
    }
    out
}

/// Is the sentence a question ("Are you planning to visit?", "Will
/// Rwanda withdraw?")? It asks about an act, it does not report one.
fn asks(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
        })
        .ends_with('?')
}

/// Does the sentence give a sports result or record ("beat Furman 77-66.",
/// "the Tar Heels (14-1), who were beaten at home")? Its beating,
/// attacking and rallying are play, not events. A number pair counts as a
/// score when it ends at punctuation: "a 9-3 deadlock" and "the 1991-1995
/// war" do not.
fn gives_a_score(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    let digits_from = |start: usize| {
        let end = b[start..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(b.len(), |n| start + n);
        (end - start, end)
    };
    let mut i = 0;
    while i < b.len() {
        let opens = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'-' | b'.' | b','));
        if !(b[i].is_ascii_digit() && opens) {
            i += 1;
            continue;
        }
        let (n, after) = digits_from(i);
        // A hyphen or an en dash, spaced or not ("7-0", "85–78", "7 - 0").
        let rest = &sentence[after..];
        let unspaced = rest.strip_prefix(' ').unwrap_or(rest);
        let second = ["-", "\u{2013}"]
            .iter()
            .find_map(|d| unspaced.strip_prefix(d))
            .map(|r| r.strip_prefix(' ').unwrap_or(r))
            .filter(|r| (rest.len() - r.len()) <= 5 && (1..=3).contains(&n));
        if let Some(r) = second {
            let (m, end) = digits_from(b.len() - r.len());
            if (1..=3).contains(&m) && b.get(end).is_none_or(|c| matches!(c, b',' | b'.' | b')' | b';')) {
                return true;
            }
        }
        i = after.max(i + 1);
    }
    false
}

/// A country beating a country is a match, not an assault ("Russia beat
/// Croatia on Monday"): states do not come to blows, their teams do.
fn team_result(e: &Event) -> bool {
    let bare_country = |a: &sitrep_model::EventActor| {
        a.sector.is_none()
            && a.entity
                .as_ref()
                .is_some_and(|id| id.as_str().starts_with("country:"))
    };
    e.cameo.as_deref() == Some("182")
        && bare_country(&e.source)
        && e.target.as_ref().is_some_and(bare_country)
}

/// Does the event name an actor event data can place: one with a country
/// or a sector? Event data codes who acted as a state, a sector or an
/// organisation; a dispute between private people the text gives neither
/// ("Hiller accused co-workers", "Thompson last met Klitschko") is no
/// event of that kind, and most of them are misreadings (a victim or a
/// spokesman taken for the agent).
fn placed(e: &Event) -> bool {
    let placed = |a: &sitrep_model::EventActor| a.country.is_some() || a.sector.is_some();
    placed(&e.source) || e.target.as_ref().is_some_and(placed)
}

/// Code the events of an article, sentence by sentence, in text order.
pub fn code_events(
    article: &Article,
    annotations: &Annotations,
    entities: &[Entity],
    lexicon: &Lexicon,
) -> Vec<Event> {
    let text = article.text.as_str();
    let by_id: BTreeMap<&EntityId, &Entity> = entities.iter().map(|e| (&e.id, e)).collect();
    let mut ctx = Context {
        times: annotations.times.iter().collect(),
        places: annotations.places.iter().collect(),
        quotes: &annotations.quotes,
        published: article.published.map(|d| PartialDate::from_day(d.day_only())),
        prior: Vec::new(),
        prior_subject: None,
        prior_subject_recent: false,
        prior_time: None,
        ahead: Vec::new(),
        country_names: entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
            .filter_map(|e| Some((e.country.clone()?, e.name.clone())))
            .collect(),
    };
    let parts: Vec<_> = annotations
        .sentences
        .iter()
        .filter(|s| s.span.slice(text).is_some())
        .map(|s| {
            let span = s.span;
            let inside = |x: sitrep_model::Span| x.start >= span.start && x.end <= span.end;
            let mentions: Vec<_> = annotations.entities.iter().filter(|m| inside(m.span)).collect();
            let times: Vec<_> = annotations.times.iter().filter(|t| inside(t.span)).collect();
            (span, mentions, times)
        })
        .collect();
    let sentences: Vec<Sentence<'_, '_>> = parts
        .iter()
        .map(|(span, mentions, times)| Sentence::new(text, *span, mentions, &by_id, times, lexicon))
        .collect();
    let mut events = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        ctx.ahead = sentences[i + 1..]
            .iter()
            .take(AHEAD_SENTENCES)
            .map(|s| s.chunks.iter().flat_map(|c| c.actors.iter().cloned()).collect())
            .collect();
        let coded = coder::code_sentence(sentence, &ctx, lexicon);
        ctx.prior_time = coded
            .iter()
            .rev()
            .find(|e| e.date_basis == EventDateBasis::Text)
            .and_then(|e| e.date);
        // A question or a sports result reports no event. Most sentences
        // code nothing: the scan is for those that do.
        let unreported = !coded.is_empty()
            && sentence
                .span
                .slice(text)
                .is_some_and(|s| asks(s) || gives_a_score(s));
        events.extend(
            coded
                .into_iter()
                .filter(|e| placed(e) && !unreported && !team_result(e))
                .map(|mut e| {
                    succession::as_of_event_day(&mut e, ctx.published);
                    e
                }),
        );
        let subject = sentence
            .main_subject(sentence.toks.len())
            .map(|c| coder::resolve(sentence, &ctx, c))
            .filter(|actors| !actors.is_empty());
        for c in &sentence.chunks {
            if !c.actors.is_empty() {
                ctx.prior.push(c.actors.clone());
            }
        }
        ctx.prior_subject_recent = subject.is_some();
        if subject.is_some() {
            ctx.prior_subject = subject;
        }
        let excess = ctx.prior.len().saturating_sub(PRIOR_ACTORS);
        ctx.prior.drain(..excess);
    }
    events
}

#[cfg(test)]
mod score_tests {
    use super::gives_a_score;

    #[test]
    fn scores_and_records_end_at_punctuation() {
        assert!(gives_a_score("North Florida beat Furman 77-66."));
        assert!(gives_a_score("The Tar Heels (14-1), who were beaten at home"));
        assert!(gives_a_score("beaten by Boston College, 85-78, on Sunday"));
        assert!(gives_a_score("1-0"));
        assert!(gives_a_score("putting Indy up 7 - 0."));
        assert!(gives_a_score("beaten by Boston College, 85\u{2013}78, on Sunday"));
        assert!(!gives_a_score("between 5 - 10 people were hurt."));
        assert!(!gives_a_score("a day after the 9-3 deadlock was reported"));
        assert!(!gives_a_score("during the 1991-1995 war."));
        assert!(!gives_a_score("the patch MS08-078, which"));
        assert!(!gives_a_score("a 23-year-old man was shot."));
        assert!(!gives_a_score("rates rose 2.5-3.0."));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_panicking(text in "[0-9 \u{2013}\\-.,)a-zé]{0,40}") {
            let _ = gives_a_score(&text);
        }

        #[test]
        fn a_score_at_the_end_is_found(a in 0u32..1000, b in 0u32..1000, words in "[a-z ]{0,20}") {
            let text = format!("{words} {a}-{b}.");
            proptest::prop_assert!(gives_a_score(&text));
        }
    }
}
