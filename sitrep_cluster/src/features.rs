//! What clustering knows about one article, computed once when it arrives
//! and stored with it (so the online state can be rebuilt by replay): its
//! term counts (title and lead weighted up), its canonical entities, its
//! dates, and a readable title.
//!
//! Why these: the lexical profile tells what an article is about, the
//! entities who and where (canonical ids, so "DRC" and "Congo" agree), and
//! the dates when; the title and lead are what the sentence embedding
//! reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sitrep_model::{Annotations, Article, DatePrecision, Entity, EntityKind, TimeAnchor};

use crate::text::{TermId, Terms, term_id};

/// Weight of a word in the headline, relative to one in the body.
const TITLE_WEIGHT: f32 = 2.0;
/// Extra weight of a word in the lead (the first two sentences).
const LEAD_WEIGHT: f32 = 1.0;
/// Weight of a name (a capitalised word inside a sentence) or a score,
/// relative to another word: specifics tell similar events apart. (A
/// quantity, "26 pirates", is a specific of ordinary weight: at the name
/// weight, mean story F1 over the ECB+ runs was the same, but the
/// training topics with embeddings fell 0.003 below their figure without
/// quantities; at ordinary weight no run fell more than 0.001.)
const SPECIFIC_WEIGHT: f32 = 3.0;
/// Terms whose surface word is kept, for explanations.
const LABELLED_TERMS: usize = 24;
/// Characters of title and lead handed to the sentence embedding (about
/// 128 word pieces).
const EMBED_CHARS: usize = 600;

/// A canonical entity as clustering sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityFeature {
    /// Hash of the canonical id.
    pub key: u32,
    /// Canonical id (`person:marco-rubio`).
    pub id: String,
    /// Preferred name, for explanations.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Mentions in the article.
    pub count: f32,
}

/// Everything clustering uses about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// The stated publication day (days since 1970-01-01).
    pub published: Option<i64>,
    /// The latest fully dated day the text states outright ("February 21,
    /// 2025"), evidence of when an undated article was written.
    pub text_day: Option<i64>,
    /// Weighted term counts, sorted by term id.
    pub terms: Vec<(TermId, f32)>,
    /// Names, scores and quantities in the body (capitalised words inside
    /// sentences, tallies like `20-13`, counts like `26 pirates`):
    /// occurrences, sorted by term id.
    pub names: Vec<(TermId, f32)>,
    /// Surface words of the most frequent terms, sorted by term id.
    pub labels: Vec<(TermId, String)>,
    /// Canonical entities, sorted by key.
    pub entities: Vec<EntityFeature>,
    /// Offices the text gives people ("secretary of state", key of the
    /// person), sorted and unique.
    pub roles: Vec<(String, u32)>,
    /// A readable title: the headline, else the first sentence.
    pub title: String,
    /// True when `title` is a real headline.
    pub headline: bool,
}

/// Least mentions of the person an article is about.
const PROTAGONIST_MENTIONS: f32 = 3.0;

impl Features {
    /// The people it names and how often, by last name (the key of
    /// [`surname_key`]), sorted by key: an article naming only "Nixon"
    /// and one naming "Richard M. Nixon" have different canonical ids for
    /// him, and one article may name "Fred LaRue" and "Ike LaRue".
    pub fn people(&self) -> Vec<(u32, f32)> {
        let mut by_name: BTreeMap<u32, f32> = BTreeMap::new();
        for e in self.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            *by_name.entry(surname_key(&e.id)).or_default() += e.count;
        }
        by_name.into_iter().collect()
    }

    /// The person the article is about, when one stands out: named (by
    /// last name, as [`Features::people`] counts) at least three times
    /// and more often than anyone else (a death, an injury, a signing is
    /// someone's).
    pub fn protagonist(&self) -> Option<u32> {
        protagonist_among(&self.people())
    }
}

/// The protagonist among `people` as [`Features::people`] gives them.
pub(crate) fn protagonist_among(people: &[(u32, f32)]) -> Option<u32> {
    let mut people = people.to_vec();
    people.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (&(key, count), rest) = people.split_first()?;
    let runner_up = rest.first().map_or(0.0, |r| r.1);
    (count >= PROTAGONIST_MENTIONS && count > runner_up).then_some(key)
}

/// Generational suffixes that can end a person's id.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The key of a person's last name, from the canonical id's last word
/// (`person:richard-m-nixon` and `person:nixon`: "nixon"), a generational
/// suffix passed over.
pub fn surname_key(id: &str) -> u32 {
    let slug = id.split_once(':').map_or(id, |(_, rest)| rest);
    let mut words = slug.rsplit('-').filter(|w| !w.is_empty());
    let last = words.find(|w| !NAME_SUFFIXES.contains(w)).unwrap_or(slug);
    term_id(&format!("surname:{last}"))
}

/// A person named `count` times, as tests build one.
#[cfg(test)]
pub(crate) fn person_feature(id: &str, count: f32) -> EntityFeature {
    EntityFeature {
        key: term_id(id),
        id: id.to_owned(),
        name: id.to_owned(),
        kind: EntityKind::Person,
        count,
    }
}

/// What an article is and what annotation found in it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleView<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its annotation layers.
    pub annotations: &'a Annotations,
    /// The canonical entities its mentions name.
    pub entities: &'a [Entity],
}

/// The first `n` sentences of the article's text, as a byte range end.
fn lead_end(view: &ArticleView<'_>, n: usize) -> usize {
    let text = &view.article.text;
    match view.annotations.sentences.get(n.saturating_sub(1)) {
        Some(s) if s.span.end <= text.len() && text.is_char_boundary(s.span.end) => s.span.end,
        _ => {
            let mut end = text.len().min(400);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            end
        }
    }
}

fn first_sentence(view: &ArticleView<'_>) -> String {
    let text = &view.article.text;
    let end = lead_end(view, 1);
    let s = text.get(..end).unwrap_or("").trim();
    let line = s.lines().next().unwrap_or("").trim();
    shorten(line, 160)
}

/// Cut `s` to at most `max` characters at a word boundary, marking the cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// The text the sentence embedding reads: headline and lead.
pub fn embedding_text(article: &Article, annotations: &Annotations) -> String {
    let view = ArticleView {
        article,
        annotations,
        entities: &[],
    };
    let lead = article.text.get(..lead_end(&view, 3)).unwrap_or("");
    let mut out = String::new();
    if let Some(t) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str(t.trim());
        out.push_str(". ");
    }
    out.push_str(lead.trim());
    let mut end = out.len().min(EMBED_CHARS);
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// Compute the features of an article.
pub fn features(view: ArticleView<'_>) -> Features {
    let terms = Terms::new(view.article.language.as_deref());
    let mut counts: BTreeMap<TermId, f32> = BTreeMap::new();
    let mut words: BTreeMap<TermId, BTreeMap<String, u32>> = BTreeMap::new();
    let mut specifics: BTreeMap<TermId, f32> = BTreeMap::new();
    let mut add = |text: &str, weight: f32, body: bool| {
        for t in terms.terms(text) {
            let boost = if t.specific && !t.quantity {
                SPECIFIC_WEIGHT
            } else {
                1.0
            };
            if t.specific && body {
                *specifics.entry(t.id).or_insert(0.0) += 1.0;
            }
            *counts.entry(t.id).or_insert(0.0) += weight * boost;
            *words.entry(t.id).or_default().entry(t.word).or_insert(0) += 1;
        }
    };
    let title = view.article.title.as_deref().unwrap_or("").trim();
    add(title, TITLE_WEIGHT, false);
    add(&view.article.text, 1.0, true);
    add(
        view.article.text.get(..lead_end(&view, 2)).unwrap_or(""),
        LEAD_WEIGHT,
        false,
    );
    let mut by_weight: Vec<(TermId, f32)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut labels: Vec<(TermId, String)> = by_weight
        .iter()
        .take(LABELLED_TERMS)
        .filter_map(|(id, _)| {
            let forms = words.get(id)?;
            let best = forms.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some((*id, best.0.clone()))
        })
        .collect();
    labels.sort_by_key(|l| l.0);

    let names: BTreeMap<&str, &Entity> = view.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut entities: BTreeMap<u32, EntityFeature> = BTreeMap::new();
    for m in &view.annotations.entities {
        let id = m.entity.as_str();
        let key = term_id(id);
        entities
            .entry(key)
            .or_insert_with(|| EntityFeature {
                key,
                id: id.to_owned(),
                name: names.get(id).map_or_else(|| id.to_owned(), |e| e.name.clone()),
                kind: m.kind,
                count: 0.0,
            })
            .count += 1.0;
    }

    let mut roles: Vec<(String, u32)> = view
        .annotations
        .entities
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .filter_map(|m| Some((m.role.clone()?, term_id(m.entity.as_str()))))
        .collect();
    roles.sort();
    roles.dedup();

    let text_day = view
        .annotations
        .times
        .iter()
        .filter(|t| t.anchor == TimeAnchor::Absolute && t.precision == DatePrecision::Day)
        .filter_map(|t| {
            let d = t.date?;
            sitrep_model::PublishedDate::from_ymd(d.year, d.month?, d.day?)
        })
        .map(|d| d.days_since_epoch())
        .max();

    let headline = !title.is_empty();
    Features {
        published: view.article.published.map(|d| d.days_since_epoch()),
        text_day,
        terms: counts.into_iter().collect(),
        names: specifics.into_iter().collect(),
        labels,
        entities: entities.into_values().collect(),
        roles,
        title: if headline {
            shorten(title, 160)
        } else {
            first_sentence(&view)
        },
        headline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{ArticleId, EntityId, EntityMention, PublishedDate, Sentence, Span};

    fn article(title: Option<&str>, text: &str) -> Article {
        Article {
            id: ArticleId::from_content(None, text),
            origin: "t".into(),
            url: None,
            title: title.map(str::to_owned),
            text: text.to_owned(),
            published: PublishedDate::from_ymd(2025, 2, 21),
            published_basis: Some(sitrep_model::PublishedBasis::Metadata),
            authors: vec![],
            source: None,
            language: Some("en".into()),
        }
    }

    fn check(title: Option<&str>, text: &str, expected_title: &str, top_word: &str) {
        let a = article(title, text);
        let ann = Annotations {
            sentences: vec![Sentence {
                span: Span::new(0, text.find('.').map_or(text.len(), |i| i + 1)),
            }],
            ..Annotations::default()
        };
        let f = features(ArticleView {
            article: &a,
            annotations: &ann,
            entities: &[],
        });
        assert_eq!(f.title, expected_title);
        let top = f
            .terms
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .expect("terms");
        let label = f.labels.iter().find(|l| l.0 == top.0).expect("label");
        assert_eq!(label.1, top_word);
    }

    /// Headline and lead words weigh more, and names (capitalised inside
    /// a sentence or a headline) most.
    #[test]
    fn headline_and_lead_weigh_more() {
        check(
            Some("Floods in Velmora"),
            "Water rose overnight. Shops closed and floods spread.",
            "Floods in Velmora",
            "velmora",
        );
        check(
            None,
            "Dock workers struck at dawn. Later the dock reopened for workers.",
            "Dock workers struck at dawn.",
            "dock",
        );
    }

    #[test]
    fn entities_are_counted_once_per_id() {
        let a = article(None, "Ruto met Rubio. Ruto left.");
        let mention = |s, e| EntityMention {
            span: Span::new(s, e),
            entity: EntityId("person:ruto".into()),
            kind: EntityKind::Person,
            role: None,
        };
        let ann = Annotations {
            entities: vec![mention(0, 4), mention(16, 20)],
            ..Annotations::default()
        };
        let f = features(ArticleView {
            article: &a,
            annotations: &ann,
            entities: &[],
        });
        assert_eq!(f.entities.len(), 1);
        assert_eq!(f.entities[0].count, 2.0);
        assert_eq!(f.published, Some(20_140));
    }

    #[test]
    fn the_protagonist_is_named_thrice_and_more_often_than_anyone_else() {
        let with = |people: &[(&str, f32)]| {
            let a = article(None, "Felt died.");
            let mut f = features(ArticleView {
                article: &a,
                annotations: &Annotations::default(),
                entities: &[],
            });
            f.entities = people
                .iter()
                .map(|&(id, count)| person_feature(id, count))
                .collect();
            f.entities.sort_by_key(|e| e.key);
            f.protagonist()
        };
        let felt = surname_key("person:felt");
        assert_eq!(with(&[("person:felt", 4.0), ("person:nixon", 2.0)]), Some(felt));
        assert_eq!(with(&[("person:felt", 4.0), ("person:nixon", 3.0)]), Some(felt));
        assert_eq!(with(&[("person:felt", 4.0), ("person:nixon", 4.0)]), None);
        assert_eq!(
            with(&[
                ("person:mark-felt", 2.0),
                ("person:felt", 2.0),
                ("person:nixon", 3.0)
            ]),
            Some(felt)
        );
        assert_eq!(with(&[("person:felt", 2.0)]), None);
        assert_eq!(with(&[]), None);
    }

    #[test]
    fn people_are_counted_by_last_name() {
        let a = article(None, "Nixon resigned.");
        let mut f = features(ArticleView {
            article: &a,
            annotations: &Annotations::default(),
            entities: &[],
        });
        let person = person_feature;
        f.entities = vec![
            person("person:richard-m-nixon", 2.0),
            person("person:nixon", 3.0),
            person("person:martin-luther-king-jr", 1.0),
            person("person:king", 1.0),
        ];
        f.entities.sort_by_key(|e| e.key);
        let mut expected = vec![
            (surname_key("person:nixon"), 5.0),
            (surname_key("person:king"), 2.0),
        ];
        expected.sort_by_key(|p| p.0);
        assert_eq!(f.people(), expected);
        assert_eq!(f.protagonist(), Some(surname_key("person:nixon")));
        assert_ne!(
            surname_key("person:nixon"),
            surname_key("person:richard-m-nixson")
        );
    }

    #[test]
    fn long_first_sentences_are_shortened_at_a_word() {
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("short", 10), "short");
    }
}
