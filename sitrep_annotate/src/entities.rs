//! Entity recognition and canonical entities: people, organisations, armed
//! groups, countries and places, each mention linked to one canonical
//! entity with a stable id, a name, aliases, and (for event coding) its
//! ISO3 country and CAMEO/PLOVER sector.
//!
//! Why it is built this way: no general-purpose NER model ships in a
//! package here, so recognition rests on knowledge bases and text cues.
//! The knowledge base ([`KnowledgeBase`]) holds countries (countryinfo:
//! names, spellings, demonyms), the Phoenix/CAMEO actor dictionaries
//! (leaders with date-restricted codes, international organisations, armed
//! groups) and role words with sectors, all converted at set-up by
//! `scripts/build_knowledge.py`; a small built-in list (international
//! organisations, well-known institutions, titles) is always there. Text
//! cues find what no list has: titles before names ("Secretary of State
//! Marco Rubio"), verbs of saying, appositives, group nouns ("M23 rebels"),
//! organisation head words ("Ministry of Defence"). Capitalisation alone
//! never makes an entity, so sentence starts and headline words stay out
//! (precision over recall). Places come from the geocoder as
//! [`PlaceMention`]s.
//!
//! The stage is pure: the knowledge base arrives as bytes, the publication
//! date as a value; the same input always gives the same output.
//!
//! Pipeline: [`recognize`] tokenizes and collects candidates, keeps the
//! non-overlapping best ones; [`resolve`] picks countries for shared names,
//! assigns ids, resolves short forms within the article and builds the
//! entity records; [`corpus`] merges the records of many articles.

mod corpus;
mod knowledge;
mod misspelling;
mod recognize;
mod resolve;
pub(crate) mod text;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use sitrep_model::{Entity, EntityMention, PlaceMention, PublishedDate, Sentence};

pub use corpus::{ArticleEntities, CorpusEntities, CorpusEntity, merge_entities};
pub use knowledge::{KnowledgeBase, KnowledgeError};
pub use text::slug;

/// What entity recognition found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityAnnotations {
    /// Mentions in text order, never overlapping.
    pub mentions: Vec<EntityMention>,
    /// The article's entities, sorted by id.
    pub entities: Vec<Entity>,
}

/// Finds the entity mentions of `text` and their canonical entities.
///
/// `sentences` (from the sentence splitter; may be empty) mark where
/// capitals mean nothing; `places` are the geocoder's resolved places,
/// which become place or country mentions; `published` picks the
/// dictionary code valid on that day ("President X" in 2025 is who held
/// the office then).
pub fn find_entities(
    text: &str,
    sentences: &[Sentence],
    places: &[PlaceMention],
    kb: &KnowledgeBase,
    published: Option<PublishedDate>,
) -> EntityAnnotations {
    let starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
    let date = published.and_then(|d| {
        let year = u32::try_from(d.year()).ok()?;
        Some(year * 10_000 + d.month() * 100 + d.day())
    });
    let rec = recognize::Recognizer::new(text, &starts, kb, date);
    let selected = rec.select(rec.candidates(places));
    let (mentions, entities) = resolve::resolve(&rec, selected);
    EntityAnnotations { mentions, entities }
}
