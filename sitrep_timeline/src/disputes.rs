//! Disagreements between the sources of one happening: its date, its
//! place, its target, and numbers (troops, casualties) stated for the same
//! thing. Each dispute lists every claim with the articles making it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use sitrep_model::{EventDateBasis, PartialDate};

use crate::consolidate::Member;

/// One value some sources state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The value ("2025-02-21", "Goma", "4000").
    pub value: String,
    /// Articles stating it, sorted.
    pub articles: Vec<String>,
}

/// A field on which the sources of a happening disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dispute {
    /// `date`, `place`, `target`, or `number:<noun>` ("number:soldiers").
    pub field: String,
    /// The competing claims, best supported first.
    pub claims: Vec<Claim>,
}

/// A number and the noun it counts ("4,000 Rwandan soldiers").
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:[a-z][a-z-]*))?\s+(soldiers|troops|people|civilians|refugees|fighters|peacekeepers|dead|deaths|killed|wounded|injured|casualties|rebels|children|families|residents|police|officers|protesters|hostages|prisoners)\b")
        .unwrap_or_else(|e| panic!("count pattern: {e}"))
});

/// Do two sources take different sides: one article states a value
/// another does not, and that other states a value the first does not?
/// Values stated side by side by the same articles (two targets of one
/// sentence) are a list, not a disagreement.
fn sides_differ(claims: &BTreeMap<String, BTreeSet<String>>) -> bool {
    let values: Vec<&BTreeSet<String>> = claims.values().collect();
    values.iter().enumerate().any(|(i, a)| {
        values[i + 1..]
            .iter()
            .any(|b| a.iter().any(|x| !b.contains(x)) && b.iter().any(|y| !a.contains(y)))
    })
}

fn dispute(field: String, claims: BTreeMap<String, BTreeSet<String>>) -> Option<Dispute> {
    if claims.len() < 2 || !sides_differ(&claims) {
        return None;
    }
    let mut claims: Vec<Claim> = claims
        .into_iter()
        .map(|(value, articles)| Claim {
            value,
            articles: articles.into_iter().collect(),
        })
        .collect();
    claims.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.value.cmp(&b.value))
    });
    Some(Dispute { field, claims })
}

/// Day-precise text dates that differ from the chosen date count as a
/// dispute; coarser dates that contain it do not.
fn date_dispute(members: &[Member<'_>], chosen: Option<PartialDate>) -> Option<Dispute> {
    let chosen = chosen?;
    let mut claims: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in members {
        if m.event.date_basis != EventDateBasis::Text {
            continue;
        }
        let Some(d) = m.event.date else { continue };
        let contains_chosen = match (
            crate::consolidate::day_range(d),
            crate::consolidate::day_range(chosen),
        ) {
            (Some((s, e)), Some((cs, ce))) => s <= cs && ce <= e,
            _ => false,
        };
        let value = if contains_chosen {
            chosen.to_string()
        } else {
            d.to_string()
        };
        claims.entry(value).or_default().insert(m.article_id().to_owned());
    }
    dispute("date".into(), claims)
}

/// Places in different countries. Two places of one country ("Goma" and
/// "Congo", "DRC" and "DR Congo") may both be right at different scales,
/// so they are not held against each other; the claim shows the names
/// each side used.
fn place_dispute(members: &[Member<'_>]) -> Option<Dispute> {
    let mut by_country: BTreeMap<&str, (BTreeSet<&str>, BTreeSet<String>)> = BTreeMap::new();
    for m in members {
        if let Some(p) = crate::consolidate::place_of(m.event) {
            let key = p.country.as_deref().unwrap_or(p.name.as_str());
            let entry = by_country.entry(key).or_default();
            entry.0.insert(p.name.as_str());
            entry.1.insert(m.article_id().to_owned());
        }
    }
    let claims = by_country
        .into_values()
        .map(|(names, articles)| (names.into_iter().collect::<Vec<_>>().join(" / "), articles))
        .collect();
    dispute("place".into(), claims)
}

/// Targets in different countries. For types whose sides act together
/// (talks, fighting) who is named as the target is word order, not a
/// claim.
fn target_dispute(members: &[Member<'_>]) -> Option<Dispute> {
    if members
        .first()
        .is_some_and(|m| crate::consolidate::symmetric(m.event.kind))
    {
        return None;
    }
    let mut claims: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in members {
        if let Some(t) = &m.event.target {
            // One country's parties named differently ("Kigali", "Rwanda's
            // military") are not a disagreement about who was acted on.
            let key = t.country.clone().unwrap_or_else(|| {
                t.entity
                    .as_ref()
                    .map_or_else(|| t.name.clone(), ToString::to_string)
            });
            claims.entry(key).or_default().insert(m.article_id().to_owned());
        }
    }
    dispute("target".into(), claims)
}

/// Numbers stated for the same noun by different articles.
fn number_disputes(members: &[Member<'_>]) -> Vec<Dispute> {
    let mut by_noun: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut seen: BTreeSet<(String, usize)> = BTreeSet::new();
    for m in members {
        if !seen.insert((m.article_id().to_owned(), m.event.span.start)) {
            continue;
        }
        let Some(sentence) = m.event.span.slice(&m.article.article.text) else {
            continue;
        };
        for c in COUNT.captures_iter(sentence) {
            let (Some(n), Some(noun)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let value = n.as_str().replace(',', "");
            by_noun
                .entry(noun.as_str().to_lowercase())
                .or_default()
                .entry(value)
                .or_default()
                .insert(m.article_id().to_owned());
        }
    }
    by_noun
        .into_iter()
        .filter(|(_, claims)| {
            // Two articles must disagree: one article giving two numbers is
            // a breakdown, not a dispute.
            let articles: BTreeSet<&String> = claims.values().flatten().collect();
            articles.len() >= 2
        })
        .filter_map(|(noun, claims)| dispute(format!("number:{noun}"), claims))
        .collect()
}

/// Every dispute among the members of one happening.
pub(crate) fn find_disputes(members: &[Member<'_>], chosen_date: Option<PartialDate>) -> Vec<Dispute> {
    let mut out: Vec<Dispute> = Vec::new();
    out.extend(date_dispute(members, chosen_date));
    out.extend(place_dispute(members));
    out.extend(target_dispute(members));
    out.extend(number_disputes(members));
    out
}
