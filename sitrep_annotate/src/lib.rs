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
mod person_acts;
pub mod quotes;
pub mod sentences;
pub mod temporal;

use std::collections::BTreeSet;

use sitrep_model::{Annotations, Article, Entity, EntityKind, PlaceMention, PublishedDate, Sentence, Span};

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
    let (places, found) = places_and_entities(text, &sentences, published, resources);
    let quotes = quotes::find_quotes_of(text, &sentences, &found.mentions, &found.entities);
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

/// The places of a text (found by [`geocode::find_places`]) and its
/// entities, each judged by the other: a name the text uses for a person
/// is not a place ("Rubio" alone after "Marco Rubio", where a town of
/// that name exists) unless it names a country, province or capital; nor
/// is a name that is all of an organisation's or armed group's ("Hamas",
/// not Hamm in Germany; "the White House", not Casablanca).
pub fn places_and_entities(
    text: &str,
    sentences: &[Sentence],
    published: Option<PublishedDate>,
    resources: &Resources,
) -> (Vec<PlaceMention>, entities::EntityAnnotations) {
    // Sentence starts guessed from punctuation, not the splitter's: on the
    // three geoparsing corpora that finds places better (F1 with the
    // organisation filter below: LGL 0.7542 -> 0.7606, TR-News 0.8489 ->
    // 0.8612, GeoVirus 0.8354 -> 0.8408).
    let mut places = geocode::find_places(text, None, &resources.gazetteer);
    let mut found = entities::find_entities(text, sentences, &places, &resources.knowledge, published);
    let person_words = person_name_words(&found.entities);
    let bodies = mention_spans(&found, |e| {
        // An organisation the dictionaries give no sector may be a region
        // they code as an actor ("Gaza"): only those with one count.
        e.kind == EntityKind::Group || (e.kind == EntityKind::Organization && e.sector.is_some())
    });
    let g = &resources.gazetteer;
    let mut person_dropped = false;
    places.retain(|p| {
        let person = person_words.contains(&p.name.to_lowercase()) && !geocode::names_major_place(&p.name, g);
        person_dropped |= person;
        !person && !bodies.contains(&p.span)
    });
    // A place under an organisation's mention lost to it already: the
    // entities stand. One dropped for a person may have been a mention.
    if person_dropped {
        found = entities::find_entities(text, sentences, &places, &resources.knowledge, published);
    }
    (places, found)
}

/// The places a text names, as [`annotate`] keeps them.
pub fn find_article_places(
    text: &str,
    published: Option<PublishedDate>,
    resources: &Resources,
) -> Vec<PlaceMention> {
    let sentences = sentences::split_sentences(text);
    places_and_entities(text, &sentences, published, resources).0
}

/// Spans of the mentions of the entities `pick` chooses.
fn mention_spans(found: &entities::EntityAnnotations, pick: impl Fn(&Entity) -> bool) -> BTreeSet<Span> {
    let chosen: BTreeSet<&str> = found
        .entities
        .iter()
        .filter(|e| pick(e))
        .map(|e| e.id.as_str())
        .collect();
    found
        .mentions
        .iter()
        .filter(|m| chosen.contains(m.entity.as_str()))
        .map(|m| m.span)
        .collect()
}

/// The lowercase words of the person entities' names (not of their
/// aliases, which the dictionaries write with titles and nationalities:
/// "Russian President Vladimir Putin").
fn person_name_words(entities: &[Entity]) -> BTreeSet<String> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| {
            e.name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
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

    /// A gazetteer and dictionaries where names collide: towns called
    /// Hamas and White House, an armed group and an office of those
    /// names, a region the dictionaries code as an actor without a sector
    /// (Gaza), a town named like a person of the text (Rubio).
    fn colliding_resources() -> Resources {
        let gazetteer = "sitrep-gazetteer\t1\n\
            2911240\tcity\tDEU\t0\t0\t51.68\t7.82\t180000\tHamm\tHamas\t\n\
            2553604\tcity\tMAR\t0\t0\t33.59\t-7.61\t3000000\tCasablanca\tWhite House\t\n\
            281133\tcity\tPSE\t0\t0\t31.50\t34.47\t410000\tGaza\t\t\n\
            248816\tcountry\tJOR\t0\t0\t31.0\t36.0\t10000000\tJordan\t\tJordanian\n\
            3629000\tcity\tVEN\t0\t0\t9.5\t-66.5\t2000\tRubio\t\t\n";
        let knowledge = "sitrep-knowledge\t1\n\
            country\tJOR\t10000000\tJordan\t\tJordanian\n\
            country\tUSA\t330000000\tUnited States\tUS\tAmerican\n\
            actor\tgaza\torganization\tGaza\t\tPSEGZA\n\
            actor\thamas\tgroup\tHamas\t\tPSEREB\n\
            actor\twhite-house\torganization\tWhite House\t\tUSAGOV\n";
        Resources {
            gazetteer: Gazetteer::from_bytes(gazetteer.as_bytes()).expect("gazetteer"),
            knowledge: KnowledgeBase::from_bytes(knowledge.as_bytes()).expect("knowledge"),
        }
    }

    #[test]
    fn names_of_armed_groups_offices_and_people_are_not_places() {
        let resources = colliding_resources();
        let text = "Hamas fired rockets from Gaza, the White House said. \
                    Senator Marco Rubio spoke. Later Rubio flew to Jordan.";
        let names: Vec<String> = find_article_places(text, PublishedDate::from_ymd(2024, 5, 1), &resources)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Gaza", "Jordan"]);
    }
}
