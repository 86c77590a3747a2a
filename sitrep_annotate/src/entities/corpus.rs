//! Merges per-article entity records into the corpus-level list that
//! `sitrep entities --json` prints: one record per canonical entity with
//! aliases unioned, mention and article counts, in id order.
//!
//! Two rules join records whose ids differ because an article gave less
//! than another: a one-word person ("Rubio", from "Secretary Rubio") joins
//! the one fuller person with that last name, and an organisation or group
//! joins the one whose id is its acronym ("March 23 Movement" with alias
//! "M23" joins `group:m23`). The joins are returned as redirects so the
//! caller can rewrite stored mentions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sitrep_model::{Entity, EntityId, EntityKind, EntityMention, Gender};

use super::text;

/// One article's entity records and mentions.
#[derive(Debug, Clone, Copy)]
pub struct ArticleEntities<'a> {
    /// The article's id.
    pub article: &'a str,
    /// Its entity records.
    pub entities: &'a [Entity],
    /// Its mentions (counted per entity).
    pub mentions: &'a [EntityMention],
}

/// A canonical entity across the corpus: the entity record (name most
/// articles use, every other name as an alias, the country and sector
/// most articles give) with its mention and article counts. Serialises
/// flat: `{id, name, kind, aliases, country, sector, gender?, mentions, articles}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// The merged record.
    #[serde(flatten)]
    pub entity: Entity,
    /// Number of mentions.
    pub mentions: usize,
    /// Ids of the articles that mention it, sorted.
    pub articles: Vec<String>,
}

/// The merged list and the ids that were folded into others.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusEntities {
    /// Entities sorted by id.
    pub entities: Vec<CorpusEntity>,
    /// Folded id → canonical id.
    pub redirects: BTreeMap<EntityId, EntityId>,
}

#[derive(Default)]
struct Acc {
    kind: Option<EntityKind>,
    names: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    countries: BTreeMap<String, usize>,
    sectors: BTreeMap<String, usize>,
    genders: BTreeSet<Gender>,
    mentions: usize,
    articles: BTreeSet<String>,
}

impl Acc {
    fn absorb(&mut self, other: Acc) {
        self.kind = self.kind.or(other.kind);
        for (k, v) in other.names {
            *self.names.entry(k).or_default() += v;
        }
        self.aliases.extend(other.aliases);
        for (k, v) in other.countries {
            *self.countries.entry(k).or_default() += v;
        }
        for (k, v) in other.sectors {
            *self.sectors.entry(k).or_default() += v;
        }
        self.genders.extend(other.genders);
        self.mentions += other.mentions;
        self.articles.extend(other.articles);
    }

    fn all_names(&self) -> impl Iterator<Item = &String> {
        self.names.keys().chain(&self.aliases)
    }
}

/// Merges the entities of many articles (deterministic: the result does
/// not depend on the order of `articles`).
pub fn merge_entities(articles: &[ArticleEntities<'_>]) -> CorpusEntities {
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    for a in articles {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in a.mentions {
            *counts.entry(m.entity.as_str()).or_default() += 1;
        }
        for e in a.entities {
            let acc = accs.entry(e.id.0.clone()).or_default();
            acc.kind = acc.kind.or(Some(e.kind));
            *acc.names.entry(e.name.clone()).or_default() += 1;
            acc.aliases.extend(e.aliases.iter().cloned());
            if let Some(c) = &e.country {
                *acc.countries.entry(c.clone()).or_default() += 1;
            }
            if let Some(s) = &e.sector {
                *acc.sectors.entry(s.clone()).or_default() += 1;
            }
            acc.genders.extend(e.gender);
            acc.mentions += counts.get(e.id.as_str()).copied().unwrap_or(0);
            acc.articles.insert(a.article.to_string());
        }
    }

    let redirects = joins(&accs);
    for (from, to) in &redirects {
        if let Some(acc) = accs.remove(from) {
            accs.entry(to.clone()).or_default().absorb(acc);
        }
    }

    let entities = accs
        .into_iter()
        .map(|(id, acc)| {
            let name = most_common(&acc.names).unwrap_or_else(|| id.clone());
            let aliases: Vec<String> = acc
                .all_names()
                .filter(|n| **n != name)
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            CorpusEntity {
                entity: Entity {
                    id: EntityId(id),
                    kind: acc.kind.unwrap_or(EntityKind::Place),
                    aliases,
                    country: most_common(&acc.countries),
                    sector: most_common(&acc.sectors),
                    // Only when the articles agree.
                    gender: match acc.genders.len() {
                        1 => acc.genders.first().copied(),
                        _ => None,
                    },
                    name,
                },
                mentions: acc.mentions,
                articles: acc.articles.into_iter().collect(),
            }
        })
        .collect();
    CorpusEntities {
        entities,
        redirects: redirects
            .into_iter()
            .map(|(a, b)| (EntityId(a), EntityId(b)))
            .collect(),
    }
}

/// The most frequent value; ties go to the longest, then the first in
/// sort order.
fn most_common(counts: &BTreeMap<String, usize>) -> Option<String> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

/// Ids to fold into others (see the module header).
fn joins(accs: &BTreeMap<String, Acc>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    // One-word people → the one fuller person with that last name.
    let mut by_last: BTreeMap<String, BTreeSet<&String>> = BTreeMap::new();
    for (id, acc) in accs.iter().filter(|(_, a)| a.kind == Some(EntityKind::Person)) {
        for name in acc.all_names() {
            let words: Vec<String> = text::phrase_key(name).split(' ').map(str::to_string).collect();
            if words.len() >= 2
                && let Some(last) = words.last()
            {
                by_last.entry(last.clone()).or_default().insert(id);
            }
        }
    }
    for (id, acc) in accs.iter().filter(|(_, a)| a.kind == Some(EntityKind::Person)) {
        let one_word = acc.all_names().all(|n| !text::phrase_key(n).contains(' '));
        if !one_word {
            continue;
        }
        let Some(name) = acc.names.keys().next() else {
            continue;
        };
        if let Some(targets) = by_last.get(&text::phrase_key(name))
            && targets.len() == 1
            && let Some(t) = targets.iter().next()
            && *t != id
        {
            out.insert(id.clone(), (*t).clone());
        }
    }
    // Bodies sharing a full name with a body whose id is its acronym
    // ("Northern Example Movement" and `group:nem` named so) → that body.
    let acronym_id = |id: &str, acc: &Acc| {
        let key = id.split_once(':').map_or("", |(_, k)| k);
        acc.all_names().any(|n| is_acronym(n) && text::slug(n) == key)
    };
    let mut by_name: BTreeMap<(Option<EntityKind>, String), BTreeSet<&String>> = BTreeMap::new();
    for (id, acc) in accs
        .iter()
        .filter(|(_, a)| matches!(a.kind, Some(EntityKind::Organization | EntityKind::Group)))
    {
        for name in acc.all_names().filter(|n| text::phrase_key(n).contains(' ')) {
            by_name
                .entry((acc.kind, text::phrase_key(name)))
                .or_default()
                .insert(id);
        }
    }
    for ids in by_name.values() {
        let owners: Vec<&&String> = ids
            .iter()
            .filter(|id| accs.get(id.as_str()).is_some_and(|a| acronym_id(id, a)))
            .collect();
        if let [owner] = owners[..] {
            for id in ids.iter().filter(|id| id.as_str() != owner.as_str()) {
                if !acronym_id(id, &accs[id.as_str()]) {
                    out.entry((*id).clone()).or_insert_with(|| (*owner).clone());
                }
            }
        }
    }
    // Bodies → the body whose id is their acronym.
    for (id, acc) in accs
        .iter()
        .filter(|(_, a)| matches!(a.kind, Some(EntityKind::Organization | EntityKind::Group)))
    {
        let Some((prefix, _)) = id.split_once(':') else {
            continue;
        };
        let targets: BTreeSet<String> = acc
            .all_names()
            .filter(|n| is_acronym(n))
            .map(|n| format!("{prefix}:{}", text::slug(n)))
            .filter(|t| t != id && accs.contains_key(t))
            .collect();
        if targets.len() == 1
            && let Some(t) = targets.into_iter().next()
            && !out.contains_key(&t)
        {
            out.insert(id.clone(), t);
        }
    }
    out
}

/// One word of capitals and digits ("M23", "ADF").
fn is_acronym(name: &str) -> bool {
    !text::phrase_key(name).contains(' ')
        && name.chars().any(char::is_alphabetic)
        && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}
