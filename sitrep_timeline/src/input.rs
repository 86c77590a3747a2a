//! What the timeline needs to know about a thread: its stories and, per
//! article, the article, its story and its coded events.

use std::collections::BTreeMap;

use sitrep_model::{Article, EntityKind, Event, PublishedDate, Quote};

/// One article of a thread with what earlier stages found in it.
#[derive(Debug, Clone)]
pub struct ArticleInput<'a> {
    /// The article.
    pub article: &'a Article,
    /// The story it belongs to.
    pub story: Option<&'a str>,
    /// Its coded events (before consolidation).
    pub events: &'a [Event],
    /// Its attributed quotes.
    pub quotes: &'a [Quote],
    /// When the article states no publication date: the date inferred
    /// from the other articles of its story, which its events were coded
    /// against. Used to place its undated reports in time, never shown as
    /// its publication date.
    pub inferred_published: Option<PublishedDate>,
}

/// A thread: a chain of stories, with its articles.
#[derive(Debug, Clone)]
pub struct ThreadInput<'a> {
    /// Thread id.
    pub id: &'a str,
    /// Readable title.
    pub title: &'a str,
    /// Its stories, in time order.
    pub stories: Vec<&'a str>,
    /// Its articles, in storage order.
    pub articles: Vec<ArticleInput<'a>>,
    /// The entities its actors link to, by id; an actor linked to one is
    /// named by its canonical name ("Marco Rubio" for "Secretary of State
    /// Marco Rubio", "The Secretary" and "Rubio").
    pub entity_names: &'a BTreeMap<String, EntityName>,
}

/// What the timeline shows of a canonical entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityName {
    /// Its canonical name.
    pub name: String,
    /// What it is: a person, organisation or group is named as itself; a
    /// country or place only when it stands for itself.
    pub kind: EntityKind,
    /// Its CAMEO sector code, when known ("IGOEAFEAC", "GOV"): an actor of
    /// another sector linked to it is a part of it ("the EAC Chiefs of
    /// Defence Forces") and keeps the name its sources give.
    pub sector: Option<String>,
}
