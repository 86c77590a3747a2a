//! Annotation: turns an article's text into facts with spans — sentences,
//! entity mentions linked to canonical entities, quotes with speakers, time
//! expressions resolved against the publication date, and places resolved
//! to GeoNames.
//!
//! Why it is built this way: no general-purpose NER model ships in a
//! package here, so annotation is built on knowledge bases (GeoNames via
//! the gazetteer, country names and demonyms, the Phoenix/CAMEO actor
//! dictionaries) plus text cues (capitalisation, titles, syntax). Each kind
//! of annotation has its own module with one pure entry point; the
//! knowledge is passed in as loaded data (the binary reads the files), so
//! the stage does no IO and is deterministic.

pub mod entities;
pub mod gazetteer;
pub mod geocode;
pub mod quotes;
pub mod sentences;
pub mod temporal;

use sitrep_model::{Annotations, Article, Entity};

use crate::entities::KnowledgeBase;
use crate::gazetteer::Gazetteer;

/// The knowledge annotation runs on, loaded once by the binary.
pub struct Resources {
    /// Places (GeoNames), or the built-in country table.
    pub gazetteer: Gazetteer,
    /// Countries, actors and role words, or the built-in list.
    pub knowledge: KnowledgeBase,
}

/// What annotation found in one article: the annotations and the
/// article's canonical entity records.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated {
    /// Sentences, mentions, quotes, times and places.
    pub annotations: Annotations,
    /// The entities the mentions link to, sorted by id.
    pub entities: Vec<Entity>,
}

/// Annotate one article: sentences, then places (they feed entities),
/// entities, quotes (speakers link to entity mentions) and times resolved
/// against the publication date. `story_year` is a fallback year from
/// other articles of the same story, for dates stated without one.
pub fn annotate(article: &Article, resources: &Resources, story_year: Option<i32>) -> Annotated {
    let text = article.text.as_str();
    let published = article.published.map(|d| d.day_only());
    let sentences = sentences::split_sentences(text);
    let mut places = geocode::find_places(text, Some(&sentences), &resources.gazetteer);
    let mut found = entities::find_entities(text, &sentences, &places, &resources.knowledge, published);
    // A name the article uses for a person is not a place ("Rubio" alone
    // after "Marco Rubio", where a town of that name exists).
    let person_words = person_name_words(&found.entities);
    let before = places.len();
    places.retain(|p| !person_words.contains(&p.name.to_lowercase()));
    if places.len() != before {
        found = entities::find_entities(text, &sentences, &places, &resources.knowledge, published);
    }
    let quotes = quotes::find_quotes(text, &sentences, &found.mentions);
    let times = temporal::resolve_times(text, &sentences, published, story_year);
    Annotated {
        annotations: Annotations {
            sentences,
            entities: found.mentions,
            quotes,
            times,
            places,
        },
        entities: found.entities,
    }
}

/// The lowercase words of the names and aliases of the person entities.
fn person_name_words(entities: &[Entity]) -> std::collections::BTreeSet<String> {
    entities
        .iter()
        .filter(|e| e.kind == sitrep_model::EntityKind::Person)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .flat_map(|name| name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| w.chars().count() > 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{ArticleId, EntityKind, PublishedBasis, PublishedDate};

    #[test]
    fn annotate_links_every_layer_with_spans_in_the_text() {
        let text = "Kenyan President William Ruto met Rwandan officials in Kigali on Friday. \
                    \"We want peace,\" Ruto said after the meeting.";
        let article = Article {
            id: ArticleId::from_content(None, text),
            origin: "t".into(),
            url: None,
            title: None,
            text: text.into(),
            published: PublishedDate::from_ymd(2025, 2, 22),
            published_basis: Some(PublishedBasis::Metadata),
            authors: Vec::new(),
            source: None,
            language: Some("en".into()),
        };
        let resources = Resources {
            gazetteer: Gazetteer::builtin(),
            knowledge: KnowledgeBase::builtin(),
        };
        let out = annotate(&article, &resources, None);
        let a = &out.annotations;
        assert_eq!(a.sentences.len(), 2);
        assert!(
            a.entities
                .iter()
                .any(|m| m.kind == EntityKind::Person && m.span.slice(text) == Some("William Ruto"))
        );
        let friday = a
            .times
            .iter()
            .find(|t| t.span.slice(text) == Some("Friday"))
            .expect("Friday");
        assert_eq!(friday.date.map(|d| d.to_string()).as_deref(), Some("2025-02-21"));
        let quote = a.quotes.first().expect("a quote");
        assert_eq!(quote.span.slice(text), Some("We want peace"));
        assert!(
            quote
                .speaker_entity
                .as_ref()
                .is_some_and(|e| e.as_str().contains("ruto"))
        );
        for span in a
            .sentences
            .iter()
            .map(|s| s.span)
            .chain(a.entities.iter().map(|m| m.span))
        {
            assert!(span.slice(text).is_some());
        }
    }
}
