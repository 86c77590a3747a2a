//! From selected candidates to mentions and canonical entities: picks the
//! country a shared name means in this article, gives every referent a
//! stable id, resolves short forms within the article (surnames, defined
//! acronyms, "the Secretary", "the rebels", "the army") and fills each
//! entity's name, aliases, country and sector.
//!
//! Ids are built from names, never from positions or counters, so the same
//! entity gets the same id in every article and every run:
//! `country:COD`, `geonames:217831`, `person:marco-rubio` (first and last
//! name words), dictionary actors by their dictionary key
//! (`org:un-security-council`), organisations and groups by name or by
//! their defined acronym (`group:m23`), a country's institutions by country
//! and sector (`org:rwa-military`).

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::{Entity, EntityId, EntityKind, EntityMention, Gender, Span};

use super::knowledge::KnowledgeBase;
use super::recognize::{Candidate, Recognizer, Referent};
use super::text::{self, GROUP_DESCRIPTION_HEADS, Join, NAME_PARTICLES, TITLE_HEADS};

/// One mention with its resolved entity.
#[derive(Debug, Clone)]
struct Resolved {
    span: (usize, usize),
    claim: (usize, usize),
    id: String,
    kind: EntityKind,
    role: Option<String>,
    /// The span is a name (alias material).
    is_name: bool,
}

/// What we know about one entity of the article.
#[derive(Debug, Clone)]
struct Acc {
    kind: EntityKind,
    /// Preferred name when no surface name is better (knowledge-base name).
    fixed_name: Option<String>,
    fallback_name: String,
    country: Option<String>,
    sector: Option<String>,
    /// Words of the fullest person name seen (for surnames).
    person_words: Vec<String>,
    /// True for named armed groups ("the rebels" may refer to them).
    named_group: bool,
    /// Institution sector, for "the army".
    institution: Option<&'static str>,
}

/// The years the Democratic Republic of the Congo was named Zaire (27
/// October 1971 to 17 May 1997), as `YYYYMMDD`: "Congo" then meant the
/// Republic of the Congo.
const ZAIRE_FROM: u32 = 19711027;
/// See [`ZAIRE_FROM`].
const ZAIRE_UNTIL: u32 = 19970517;

/// Resolves the selected candidates of one article.
pub(crate) fn resolve(rec: &Recognizer<'_>, selected: Vec<Candidate>) -> (Vec<EntityMention>, Vec<Entity>) {
    let kb = rec.kb;
    let unambiguous: BTreeSet<usize> = selected
        .iter()
        .filter_map(|c| match &c.referent {
            Referent::Country(list) if list.len() == 1 => Some(list[0]),
            _ => None,
        })
        .collect();
    // A shared demonym or name is its own country's before a mentioned
    // one's ("Chinese authorities" near "Hong Kong" are China's): among
    // the countries whose names it is made from, the one the article
    // mentions, else the most populous.
    let pick = |list: &[usize], surface: &str| -> Option<usize> {
        let word = surface.split_whitespace().next().unwrap_or("");
        let own: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&c| list.len() > 1 && kb.countries[c].named_like(word))
            .collect();
        let list = if own.is_empty() { list } else { &own[..] };
        // While the larger Congo was Zaire, "Congo" named the Republic
        // of the Congo.
        let zaire_era = rec.date.is_some_and(|d| (ZAIRE_FROM..ZAIRE_UNTIL).contains(&d));
        let republic: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&c| zaire_era && kb.countries[c].iso3 == "COG")
            .collect();
        let list = if republic.is_empty() || list.len() < 2 {
            list
        } else {
            &republic[..]
        };
        let mentioned: Vec<usize> = list.iter().copied().filter(|c| unambiguous.contains(c)).collect();
        let pool = if mentioned.is_empty() {
            list.to_vec()
        } else {
            mentioned
        };
        pool.into_iter().max_by(|&a, &b| {
            let (ca, cb) = (&kb.countries[a], &kb.countries[b]);
            ca.population.cmp(&cb.population).then(cb.iso3.cmp(&ca.iso3))
        })
    };
    let iso = |c: usize| kb.countries[c].iso3.clone();

    // Acronyms defined in parentheses after a name: "Allied Democratic
    // Forces (ADF)".
    let mut acronym_of: BTreeMap<usize, String> = BTreeMap::new();
    for (n, c) in selected.iter().enumerate() {
        let t = &rec.tokens;
        let open = c.claim.1;
        let is_def = t.get(open).is_some_and(|x| x.is_punct('('))
            && t.get(open + 1)
                .is_some_and(|x| x.is_word() && x.upper && (2..=8).contains(&x.norm.len()))
            && t.get(open + 2).is_some_and(|x| x.is_punct(')'));
        if is_def && matches!(c.referent, Referent::Body { .. } | Referent::Actor(_)) {
            acronym_of.insert(n, t[open + 1].norm.clone());
        }
    }

    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    let mut resolved: Vec<Resolved> = Vec::new();
    // People named in full, for surnames: (last word, id).
    let mut people: Vec<(String, String)> = Vec::new();

    // First the referents that do not depend on others.
    let mut deferred = Vec::new();
    for (n, c) in selected.iter().enumerate() {
        let surface = rec.text.get(c.span.0..c.span.1).unwrap_or("").to_string();
        let (id, acc) = match &c.referent {
            Referent::Country(list) => {
                let Some(ci) = pick(list, &surface) else { continue };
                let country = &kb.countries[ci];
                (
                    format!("country:{}", country.iso3),
                    Acc::new(EntityKind::Country, Some(country.name.clone()), &surface)
                        .with_country(Some(country.iso3.clone())),
                )
            }
            Referent::Actor(a) => {
                let actor = &kb.actors[*a];
                let (country, sector) = kb.country_and_sector_at(*a, rec.date);
                let hint_country = c.country_hint.as_deref().and_then(|l| pick(l, &surface)).map(iso);
                let fixed = (actor.builtin || actor.kind == EntityKind::Person).then(|| actor.name.clone());
                let mut acc = Acc::new(actor.kind, fixed, &surface)
                    .with_country(hint_country.or(country))
                    .with_sector(c.sector_hint.clone().or(sector));
                acc.named_group = actor.kind == EntityKind::Group;
                if actor.kind == EntityKind::Person {
                    acc.person_words = text::phrase_key(&surface)
                        .split(' ')
                        .map(str::to_string)
                        .collect();
                }
                (format!("{}:{}", prefix(actor.kind), actor.key), acc)
            }
            Referent::Person(words) => {
                let id = person_id(words);
                let mut acc = Acc::new(EntityKind::Person, None, &surface)
                    .with_country(c.country_hint.as_deref().and_then(|l| pick(l, &surface)).map(iso))
                    .with_sector(c.sector_hint.clone());
                acc.person_words = words.clone();
                (id, acc)
            }
            Referent::Surname(_) => {
                deferred.push(n);
                continue;
            }
            Referent::Body {
                name,
                kind,
                sector,
                generic,
            } => {
                let country = c.country_hint.as_deref().and_then(|l| pick(l, &surface));
                // "Rwanda Defence Force", "Congolese National Police": a
                // country's military or police under its generic name is
                // the same body as "Rwanda's military".
                let force = match sector.as_deref() {
                    Some("MIL") => Some(("MIL", "military")),
                    Some("COP") => Some(("COP", "police")),
                    _ => None,
                };
                if let (true, Some(ci), Some((code, noun))) = (*generic, country, force) {
                    let (id, acc) = institution(kb, ci, code, noun, &surface);
                    merge_acc(&mut accs, &id, acc);
                    resolved.push(Resolved {
                        span: c.span,
                        claim: c.claim,
                        id,
                        kind: EntityKind::Organization,
                        role: None,
                        is_name: true,
                    });
                    continue;
                }
                let key = match (acronym_of.get(&n), generic, country) {
                    (Some(acr), _, _) => text::slug(acr),
                    (None, true, Some(ci)) => {
                        format!(
                            "{}-{}",
                            kb.countries[ci].iso3.to_lowercase(),
                            text::slug(&strip_countries(rec, name))
                        )
                    }
                    _ => text::slug(name.strip_prefix("the ").unwrap_or(name)),
                };
                if key.is_empty() {
                    continue;
                }
                let sector = match (kind, country) {
                    (EntityKind::Organization, None) => Some(stateless_sector(name, sector.as_deref())),
                    _ => sector.clone(),
                };
                let mut acc = Acc::new(*kind, None, &surface)
                    .with_country(country.map(iso))
                    .with_sector(sector);
                acc.named_group = *kind == EntityKind::Group;
                (format!("{}:{key}", prefix(*kind)), acc)
            }
            Referent::Institution {
                countries,
                sector,
                noun,
            } => {
                let Some(ci) = pick(countries, &surface) else {
                    continue;
                };
                institution(kb, ci, sector, noun, &surface)
            }
            Referent::Place {
                geonames_id,
                name,
                country,
            } => (
                sitrep_model::place_entity_key(*geonames_id),
                Acc::new(EntityKind::Place, None, name).with_country(country.clone()),
            ),
        };
        if acc.kind == EntityKind::Person
            && text::name_core(&acc.person_words).len() >= 2
            && let Some(last) = text::name_core(&acc.person_words).last()
        {
            people.push((last.clone(), id.clone()));
        }
        merge_acc(&mut accs, &id, acc);
        resolved.push(Resolved {
            span: c.span,
            claim: c.claim,
            kind: accs.get(&id).map_or(EntityKind::Place, |a| a.kind),
            id,
            role: c.role.clone(),
            is_name: c.is_name,
        });
    }

    // "Fred LaRue" and "Frederick LaRue" in one article are one person,
    // under the fuller name.
    let short_forms = short_given_names(&accs);
    for (short, full) in &short_forms {
        if let Some(acc) = accs.remove(short) {
            merge_acc(&mut accs, full, acc);
        }
    }
    for id in resolved
        .iter_mut()
        .map(|r| &mut r.id)
        .chain(people.iter_mut().map(|p| &mut p.1))
    {
        if let Some(full) = short_forms.get(id.as_str()) {
            id.clone_from(full);
        }
    }

    // Surnames after a title: a person of this article (named in full,
    // whether or not the dictionaries know the name: "Kimani Gray … Mr.
    // Gray" is not the dictionaries' Gary Gray), else a dictionary person
    // active on the publication date, else a person of their own.
    let surname_ids = surname_table(&people);
    for n in deferred {
        let c = &selected[n];
        let Referent::Surname(norm) = &c.referent else {
            continue;
        };
        let surface = rec.text.get(c.span.0..c.span.1).unwrap_or("").to_string();
        let hint = c.country_hint.as_deref();
        // Named in full in this article, by one person or several ("Gary
        // Gomes … Katherine Gomes … Gomes"): no dictionary person, and no
        // dictionary person's country.
        let mut unclaimed = unclaimed_full_names(rec, &selected, norm);
        let in_text = surname_ids.contains_key(norm.as_str()) || !unclaimed.is_empty();
        let id = if let Some(id) = surname_ids.get(norm.as_str()).and_then(|s| s.as_ref()) {
            id.clone()
        } else if let Some((start, end, words)) = (unclaimed.len() == 1).then(|| unclaimed.remove(0)) {
            // "Ms. Doe" and, elsewhere without a cue, "Jane Doe": the title
            // shows the full name is a person's.
            let id = person_id(&words);
            let full = rec
                .text
                .get(rec.tokens[start].start..rec.tokens[end - 1].end)
                .unwrap_or("");
            let mut acc = Acc::new(EntityKind::Person, None, full);
            acc.person_words = words;
            merge_acc(&mut accs, &id, acc);
            resolved.push(Resolved {
                span: (rec.tokens[start].start, rec.tokens[end - 1].end),
                claim: (start, end),
                id: id.clone(),
                kind: EntityKind::Person,
                role: None,
                is_name: true,
            });
            id
        } else if let Some(a) =
            dictionary_surname(rec, norm, hint, c.sector_hint.as_deref()).filter(|_| !in_text)
        {
            let actor = &kb.actors[a];
            let (country, sector) = kb.country_and_sector_at(a, rec.date);
            let id = format!("person:{}", actor.key);
            merge_acc(
                &mut accs,
                &id,
                Acc::new(EntityKind::Person, Some(actor.name.clone()), &surface)
                    .with_country(country)
                    .with_sector(sector),
            );
            id
        } else {
            format!("person:{}", text::slug(norm))
        };
        let country = hint.and_then(|l| pick(l, &surface)).map(iso).or_else(|| {
            (!in_text)
                .then(|| surname_country(rec, norm, c.sector_hint.as_deref()))
                .flatten()
        });
        let acc = Acc::new(EntityKind::Person, None, &surface)
            .with_country(country)
            .with_sector(c.sector_hint.clone());
        merge_acc(&mut accs, &id, acc);
        resolved.push(Resolved {
            span: c.span,
            claim: c.claim,
            id,
            kind: EntityKind::Person,
            role: c.role.clone(),
            is_name: true,
        });
    }

    // A defined acronym that the dictionary also knows: one entity.
    let mut redirect: BTreeMap<String, String> = BTreeMap::new();
    for &n in acronym_of.keys() {
        let c = &selected[n];
        let open = c.claim.1;
        let long = resolved.iter().find(|r| r.claim == c.claim).map(|r| r.id.clone());
        let short = resolved
            .iter()
            .find(|r| r.claim.0 == open + 1)
            .map(|r| r.id.clone());
        if let (Some(long), Some(short)) = (long, short)
            && long != short
        {
            // The dictionary's id wins over a name found by cues.
            let long_is_dictionary = matches!(c.referent, Referent::Actor(_));
            let (from, to) = if long_is_dictionary {
                (short, long)
            } else {
                (long, short)
            };
            redirect.insert(from, to);
        }
    }
    if !redirect.is_empty() {
        for r in &mut resolved {
            if let Some(to) = redirect.get(&r.id) {
                r.id = to.clone();
            }
        }
        for (from, to) in &redirect {
            if let Some(acc) = accs.remove(from) {
                merge_acc(&mut accs, to, acc);
            }
        }
    }

    let mut taken = vec![false; rec.tokens.len()];
    for r in &resolved {
        let end = r.claim.1.min(taken.len());
        taken[r.claim.0.min(end)..end].iter_mut().for_each(|t| *t = true);
    }
    // Acronym tokens inside their definition are mentions of the entity.
    for &n in acronym_of.keys() {
        let c = &selected[n];
        let k = c.claim.1 + 1;
        if taken.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some(long) = resolved
            .iter()
            .find(|r| r.claim == c.claim)
            .map(|r| (r.id.clone(), r.kind))
        else {
            continue;
        };
        taken[k] = true;
        let t = &rec.tokens[k];
        resolved.push(Resolved {
            span: (t.start, t.end),
            claim: (k, k + 1),
            id: long.0,
            kind: long.1,
            role: None,
            is_name: true,
        });
    }

    coreference(rec, &mut resolved, &mut taken, &accs, &surname_ids);

    // Countries of named groups found by cues: the country they are
    // mentioned with most.
    let group_ids: Vec<String> = accs
        .iter()
        .filter(|(_, a)| {
            a.named_group
                && a.country.is_none()
                && a.institution.is_none()
                && a.sector.as_deref() != Some("IMG")
        })
        .map(|(id, _)| id.clone())
        .collect();
    for id in group_ids {
        let named = accs.get(&id).and_then(|a| country_in_name(rec, &a.fallback_name));
        // A country's institution ("the Sudanese government") names its
        // country as much as the country's own name does.
        let country_of = |rid: &str| {
            rid.strip_prefix("country:").map(str::to_owned).or_else(|| {
                let acc = accs.get(rid)?;
                acc.institution.and(acc.country.clone())
            })
        };
        if let Some(c) = named.or_else(|| dominant_country(rec, &resolved, &id, country_of))
            && let Some(acc) = accs.get_mut(&id)
        {
            acc.country = Some(c);
        }
    }

    finish(rec, resolved, accs)
}

/// The entity of a country's institution: `org:rwa-military`, named
/// "Rwandan military".
fn institution(
    kb: &KnowledgeBase,
    country: usize,
    sector: &'static str,
    noun: &str,
    surface: &str,
) -> (String, Acc) {
    let country = &kb.countries[country];
    let kind = if sector == "REB" {
        EntityKind::Group
    } else {
        EntityKind::Organization
    };
    let adjective = country.demonyms.first().unwrap_or(&country.name);
    let mut acc = Acc::new(kind, Some(format!("{adjective} {noun}")), surface)
        .with_country(Some(country.iso3.clone()))
        .with_sector(Some(sector.to_string()));
    acc.institution = Some(sector);
    (
        format!(
            "{}:{}-{}",
            prefix(kind),
            country.iso3.to_lowercase(),
            text::slug(noun)
        ),
        acc,
    )
}

impl Acc {
    fn new(kind: EntityKind, fixed_name: Option<String>, surface: &str) -> Self {
        Self {
            kind,
            fixed_name,
            fallback_name: surface.to_string(),
            country: None,
            sector: None,
            person_words: Vec::new(),
            named_group: false,
            institution: None,
        }
    }

    fn with_country(mut self, country: Option<String>) -> Self {
        self.country = country;
        self
    }

    fn with_sector(mut self, sector: Option<String>) -> Self {
        self.sector = sector.filter(|s| !s.is_empty());
        self
    }
}

/// Adds what `acc` knows to the entity `id`: the first country and sector
/// seen win; the fullest person name is kept.
fn merge_acc(accs: &mut BTreeMap<String, Acc>, id: &str, acc: Acc) {
    match accs.get_mut(id) {
        None => {
            accs.insert(id.to_string(), acc);
        }
        Some(old) => {
            if old.country.is_none() {
                old.country = acc.country;
            }
            if old.sector.is_none() {
                old.sector = acc.sector;
            }
            if old.fixed_name.is_none() {
                old.fixed_name = acc.fixed_name;
            }
            if acc.person_words.len() > old.person_words.len() {
                old.person_words = acc.person_words;
            }
            old.named_group |= acc.named_group;
            old.institution = old.institution.or(acc.institution);
        }
    }
}

fn prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Group => "group",
        EntityKind::Country => "country",
        EntityKind::Place => "place",
    }
}

/// `person:` id from a name's words: first word and last name (with the
/// particles before it: "osama-bin-laden").
fn person_id(words: &[String]) -> String {
    let words = text::name_core(words);
    let Some(first) = words.first() else {
        return "person:unknown".to_string();
    };
    let mut last_start = words.len().saturating_sub(1);
    while last_start > 1 && text::is_in(NAME_PARTICLES, &words[last_start - 1]) {
        last_start -= 1;
    }
    let last = words[last_start..].join(" ");
    if words.len() == 1 {
        return format!("person:{}", text::slug(first));
    }
    format!("person:{}-{}", text::slug(first), text::slug(&last))
}

/// People of the article named in full with a short form of another's
/// given name and the same last name ("Fred LaRue", "Frederick LaRue";
/// a given name of three letters or more that starts the other's): short
/// id → full id. A short form of two names is left alone ("Chris Evans"
/// beside "Christopher" and "Christine Evans").
fn short_given_names(accs: &BTreeMap<String, Acc>) -> BTreeMap<String, String> {
    let mut by_last: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (id, acc) in accs {
        if acc.kind != EntityKind::Person || acc.fixed_name.is_some() {
            continue;
        }
        if let [first, .., last] = text::name_core(&acc.person_words) {
            by_last
                .entry(last.as_str())
                .or_default()
                .push((first.as_str(), id.as_str()));
        }
    }
    let mut out = BTreeMap::new();
    for people in by_last.values() {
        for &(short, short_id) in people.iter().filter(|(short, _)| short.chars().count() >= 3) {
            let mut fuller = people.iter().filter(|(full, full_id)| {
                *full_id != short_id && full.len() > short.len() && full.starts_with(short)
            });
            if let (Some((_, full_id)), None) = (fuller.next(), fuller.next()) {
                out.insert(short_id.to_owned(), (*full_id).to_owned());
            }
        }
    }
    out
}

/// Surname → the one person of the article with that last name (`None`
/// when two people share it).
fn surname_table(people: &[(String, String)]) -> BTreeMap<String, Option<String>> {
    let mut table: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (last, id) in people {
        match table.get(last) {
            None => {
                table.insert(last.clone(), Some(id.clone()));
            }
            Some(Some(existing)) if existing != id => {
                table.insert(last.clone(), None);
            }
            _ => {}
        }
    }
    table
}

/// The distinct capitalised two- to four-word names in the text, outside
/// every selected mention, whose last word is `surname`.
fn unclaimed_full_names(
    rec: &Recognizer<'_>,
    selected: &[Candidate],
    surname: &str,
) -> Vec<(usize, usize, Vec<String>)> {
    let claimed = |k: usize| selected.iter().any(|c| c.claim.0 <= k && k < c.claim.1);
    let mut found: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (k, t) in rec.tokens.iter().enumerate() {
        if t.norm != surname || !t.cap || claimed(k) {
            continue;
        }
        // Find the name ending here.
        let Some((start, end)) = (k.saturating_sub(3)..k).find_map(|j| {
            let starts_here =
                j == 0 || rec.tokens[j].join == Join::Break || !rec.tokens[j - 1].is_capitalised();
            rec.person_name_at(j)
                .filter(|e| *e == k + 1 && starts_here)
                .map(|e| (j, e))
        }) else {
            continue;
        };
        if (start..end).any(claimed) {
            continue;
        }
        let words: Vec<String> = rec.tokens[start..end]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.norm.clone())
            .collect();
        if words.len() >= 2 && !found.iter().any(|f| f.2 == words) {
            found.push((start, end, words));
        }
    }
    found
}

/// A dictionary person with last name `norm`, when exactly one of them
/// holds a code on the publication date (and of the country the text
/// gives, if any). Without a date nothing is linked: the dictionaries are
/// historical, surnames repeat.
pub(crate) fn dictionary_surname(
    rec: &Recognizer<'_>,
    norm: &str,
    country: Option<&[usize]>,
    sector: Option<&str>,
) -> Option<usize> {
    match surname_matches(rec, norm, country, sector).as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Whether a dictionary person with last name `norm` holds a code on the
/// publication date (not only one whose posts all ended).
pub(crate) fn surname_in_office(rec: &Recognizer<'_>, norm: &str) -> bool {
    rec.date.is_some_and(|date| {
        rec.kb
            .people_by_surname(norm)
            .iter()
            .any(|&a| rec.kb.active_on(a, date))
    })
}

/// The country every dictionary person [`dictionary_surname`] weighs for
/// `norm` held a code of on the publication date, when they share one
/// ("President Bush" in 2005: George W. Bush or Jeb Bush, either the
/// United States').
fn surname_country(rec: &Recognizer<'_>, norm: &str, sector: Option<&str>) -> Option<String> {
    let kb = rec.kb;
    let mut countries = surname_matches(rec, norm, None, sector)
        .into_iter()
        .map(|a| kb.country_and_sector_at(a, rec.date).0);
    let first = countries.next()??;
    countries
        .all(|c| c.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// The dictionary people with last name `norm` who hold a code on the
/// publication date (and of the country the text gives, if any), those in
/// the title's sector and those whose name ends with it preferred.
fn surname_matches(
    rec: &Recognizer<'_>,
    norm: &str,
    country: Option<&[usize]>,
    sector: Option<&str>,
) -> Vec<usize> {
    let Some(date) = rec.date else {
        return Vec::new();
    };
    let kb = rec.kb;
    let isos: Vec<&str> = country
        .unwrap_or(&[])
        .iter()
        .map(|&c| kb.countries[c].iso3.as_str())
        .collect();
    let of_country = |a: usize| {
        isos.is_empty()
            || kb
                .code_at(a, Some(date))
                .is_some_and(|c| isos.iter().any(|iso| c.code.starts_with(iso)))
    };
    let people = kb.people_by_surname(norm);
    let mut found: Vec<usize> = people
        .iter()
        .copied()
        .filter(|&a| kb.active_on(a, date) && of_country(a))
        .collect();
    // No one holds a dated code then: someone whose posts all ended
    // before, under the dictionary's code for them since ("Orban visited
    // Moscow" in 2025: Viktor Orban, Hungary's, whose dated codes end in
    // 2002). Only where the surname is theirs alone and no given name.
    if found.is_empty() && people.len() == 1 && !kb.is_given_name(norm) {
        found = people
            .iter()
            .copied()
            .filter(|&a| kb.retired_by(a, date) && of_country(a))
            .collect();
    }
    // With a sector from the title ("President" → GOV), prefer who held
    // such a post then over who was, say, an opposition figure.
    let in_sector: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&a| sector.is_some_and(|s| kb.country_and_sector_at(a, Some(date)).1.as_deref() == Some(s)))
        .collect();
    let found = if in_sector.is_empty() { found } else { in_sector };
    // A bare surname is more often a name's last word than a middle one
    // ("President Obama": Barack Obama, not Ricardo Mangue Obama Nfube).
    let last_word: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&a| {
            text::phrase_key(&kb.actors[a].name)
                .rsplit(' ')
                .next()
                .is_some_and(|w| w == norm)
        })
        .collect();
    let found = if last_word.is_empty() { found } else { last_word };
    most_populous_country(rec, date, found)
}

/// Of people of several countries, those of a country with ten times the
/// people of any other's: a bare surname in the news names the larger
/// country's office holder ("President Bush" in 2005 is George W. Bush,
/// not the Cayman Islands' McKeeva Bush). Otherwise all of them.
fn most_populous_country(rec: &Recognizer<'_>, date: u32, people: Vec<usize>) -> Vec<usize> {
    let kb = rec.kb;
    let country_of = |a: usize| kb.country_and_sector_at(a, Some(date)).0.unwrap_or_default();
    let mut by_country: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for a in people.iter().copied() {
        by_country.entry(country_of(a)).or_default().push(a);
    }
    if by_country.len() < 2 || by_country.contains_key("") {
        return people;
    }
    let mut sizes: Vec<(u64, String)> = by_country
        .keys()
        .map(|c| (kb.country_population(c), c.clone()))
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let (largest, next) = (&sizes[0], &sizes[1]);
    if largest.0 >= next.0.saturating_mul(10) && largest.0 > 0 {
        by_country.remove(&largest.1).unwrap_or_default()
    } else {
        people
    }
}

/// Adjectives of regions many states share: a body of the region's states
/// is named by them ("African Union", "Asian Development Bank").
const REGIONS: &[&str] = &[
    "african",
    "american",
    "arab",
    "asia-pacific",
    "asian",
    "caribbean",
    "eurasian",
    "european",
    "nordic",
    "pacific",
];

/// The sector of an organisation no list knows and no country claims: a
/// body of states when its name says it spans them and its head is one
/// states form ("International Labor Office", "World Health
/// Organization") or a region's states cooperate in it ("Asia-Pacific
/// Economic Cooperation", "East African Community"), else the sector of
/// its head word ("Supreme Court"),
/// else local government for a town's or county's council or commission
/// ("Velmora City Council"), else a non-governmental one ("Association
/// of African Jurists", "Ceasefire Violations Committee", "International
/// Crisis Group").
fn stateless_sector(name: &str, head_sector: Option<&str>) -> String {
    let words: Vec<String> = name.split_whitespace().map(text::normalise_word).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let transnational = has("international") || has("world") || has("intergovernmental") || has("united");
    let head = words
        .iter()
        .rev()
        .find(|w| text::lookup(text::ORG_HEADS, w).is_some())
        .map(String::as_str);
    let state_body = matches!(
        head,
        Some(
            "office"
                | "organization"
                | "organisation"
                | "agency"
                | "fund"
                | "bank"
                | "court"
                | "tribunal"
                | "commission"
                | "union"
                | "programme"
                | "mission"
        )
    );
    // "Velmora City Council", "Harris County Commission": local government.
    let local = [
        "city",
        "county",
        "town",
        "municipal",
        "municipality",
        "village",
        "borough",
        "parish",
        "township",
    ]
    .iter()
    .any(|w| has(w));
    let governing = matches!(head, Some("council" | "commission" | "committee"));
    let regional = REGIONS.iter().any(|r| has(r));
    let cooperative = has("cooperation") || has("co-operation") || has("community");
    match head_sector {
        _ if transnational && state_body => "IGO".to_owned(),
        _ if regional && (state_body || cooperative) => "IGO".to_owned(),
        Some(s) if !s.is_empty() => s.to_owned(),
        _ if local && governing => "GOV".to_owned(),
        _ => "NGO".to_owned(),
    }
}

/// Removes country names and demonyms from an institution name ("Congolese
/// Armed Forces" → "Armed Forces").
fn strip_countries(rec: &Recognizer<'_>, name: &str) -> String {
    let tokens = text::tokenize(name, &[]);
    let words: Vec<&text::Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let mut keep = vec![true; words.len()];
    let mut k = 0;
    while k < words.len() {
        let mut matched = 0;
        for e in (k + 1..=words.len().min(k + rec.kb.max_tokens())).rev() {
            let key = words[k..e]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if rec
                .kb
                .lookup(&key)
                .iter()
                .any(|t| !matches!(t, super::knowledge::Target::Actor(_)))
            {
                matched = e - k;
                break;
            }
        }
        if matched > 0 {
            keep[k..k + matched].iter_mut().for_each(|x| *x = false);
            k += matched;
        } else {
            k += 1;
        }
    }
    let kept: Vec<&str> = words
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(t, _)| t.norm.as_str())
        .collect();
    // Drop dangling connectors ("Armed Forces of the").
    let mut slice = &kept[..];
    while let Some((last, rest)) = slice.split_last() {
        if matches!(*last, "of" | "the" | "for" | "in" | "'s") {
            slice = rest;
        } else {
            break;
        }
    }
    slice.join(" ")
}

/// The one country a group's own name opens with ("Palestinian Islamic
/// Jihad", "Liberian Peace Council"): its country, whatever else the
/// sentence names. Not a body of water's or a delta's name it opens
/// with ("Niger Delta" militants are Nigerian).
fn country_in_name(rec: &Recognizer<'_>, name: &str) -> Option<String> {
    let tokens = text::tokenize(name, &[]);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.norm.as_str())
        .collect();
    let skip = usize::from(words.first() == Some(&"the"));
    (skip + 1..=words.len().min(skip + 3)).rev().find_map(|end| {
        if words
            .get(end)
            .is_some_and(|w| crate::geocode::WATER_BODY_ENDS.contains(w))
        {
            return None;
        }
        let targets = rec.kb.lookup(&words[skip..end].join(" "));
        let mut found = super::knowledge::countries_in(targets, false);
        found.extend(super::knowledge::countries_in(targets, true));
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] if end < words.len() => Some(rec.kb.countries[*one].iso3.clone()),
            _ => None,
        }
    })
}

/// The country a group is mentioned with most (`country_of` a resolved
/// mention: a country, or a country's institution): in its own sentences
/// first, then in the whole article. A country the article names as a
/// backer ("Rwanda-backed", "backed by Rwanda") does not count for the
/// group's own country.
fn dominant_country(
    rec: &Recognizer<'_>,
    resolved: &[Resolved],
    id: &str,
    country_of: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let sentences: BTreeSet<usize> = resolved
        .iter()
        .filter(|r| r.id == id)
        .filter_map(|r| rec.sentence_of.get(r.claim.0).copied())
        .collect();
    // A country the article names as a backer ("Rwanda-backed M23",
    // "backed by Rwanda") is not the group's own, wherever else it is
    // named ("its backing for M23", "the support of the Rwanda Defense
    // Forces").
    let backs = |r: &Resolved| {
        let hyphen = rec.tokens.get(r.claim.1).is_some_and(|t| {
            t.join == Join::Hyphen
                && matches!(t.norm.as_str(), "backed" | "supported" | "sponsored" | "allied")
        });
        let by = r.claim.0 >= 2
            && rec.tokens.get(r.claim.0 - 1).is_some_and(|t| t.norm == "by")
            && rec.tokens.get(r.claim.0 - 2).is_some_and(|t| {
                matches!(
                    t.norm.as_str(),
                    "backed" | "supported" | "sponsored" | "armed" | "funded"
                )
            });
        hyphen || by
    };
    let backers: BTreeSet<String> = resolved
        .iter()
        .filter(|r| backs(r))
        .filter_map(|r| country_of(&r.id))
        .collect();
    let count = |only_own: bool| -> Option<String> {
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for r in resolved {
            let Some(iso) = country_of(&r.id) else {
                continue;
            };
            let sentence = rec.sentence_of.get(r.claim.0).copied().unwrap_or(0);
            if only_own && !sentences.contains(&sentence) {
                continue;
            }
            let backer = backers.contains(&iso);
            // "killed three peacekeepers from South Africa": where someone
            // else is from says nothing of the group ("fighters from
            // Rwanda", the group's own mention, does).
            let origin_of_other = r.claim.0 >= 2
                && rec.tokens.get(r.claim.0 - 1).is_some_and(|t| t.norm == "from")
                && !resolved
                    .iter()
                    .any(|g| g.id == id && g.claim.0 <= r.claim.0 - 2 && r.claim.0 - 2 < g.claim.1);
            if backer || origin_of_other {
                continue;
            }
            let entry = counts.entry(iso).or_insert((0, usize::MAX));
            entry.0 += 1;
            entry.1 = entry.1.min(r.span.0);
        }
        let best = counts
            .iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))?;
        let tied = counts.values().filter(|v| v.0 == best.1.0).count();
        (tied == 1).then(|| best.0.clone())
    };
    count(true).or_else(|| count(false))
}

/// Short forms: names seen earlier in the article (surnames, acronyms),
/// "the <title>" for the one person holding it, "the rebels" for the one
/// named armed group, "the army" for the one military named.
fn coreference(
    rec: &Recognizer<'_>,
    resolved: &mut Vec<Resolved>,
    taken: &mut [bool],
    accs: &BTreeMap<String, Acc>,
    surnames: &BTreeMap<String, Option<String>>,
) {
    let tokens = &rec.tokens;
    // Names already seen → entity.
    let mut names: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut add_name = |key: String, id: &str| {
        if key.is_empty() {
            return;
        }
        match names.get(&key) {
            None => {
                names.insert(key, Some(id.to_string()));
            }
            Some(Some(old)) if old != id => {
                names.insert(key, None);
            }
            _ => {}
        }
    };
    for r in resolved.iter().filter(|r| r.is_name) {
        if let Some(surface) = rec.text.get(r.span.0..r.span.1) {
            add_name(text::phrase_key(surface), &r.id);
        }
    }
    for (last, id) in surnames {
        if let Some(id) = id {
            add_name(last.clone(), id);
        }
    }
    for (id, acc) in accs {
        if acc.kind == EntityKind::Person
            && acc.person_words.len() >= 3
            && let [first, .., last] = text::name_core(&acc.person_words)
        {
            add_name(format!("{first} {last}"), id);
        }
    }
    let max = names.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
    // A name can start only at a token that is its first word (a token
    // whose key has a space of its own is always tried).
    let first_words: BTreeSet<&str> = names.keys().map(|k| k.split(' ').next().unwrap_or("")).collect();
    let mut i = 0;
    while i < tokens.len() {
        let norm = tokens[i].norm.as_str();
        if taken[i] || !tokens[i].is_word() || !(norm.contains(' ') || first_words.contains(norm)) {
            i += 1;
            continue;
        }
        let mut found = None;
        let mut end = i + 1;
        let mut key = tokens[i].norm.clone();
        let mut keys = vec![(end, key.clone())];
        while end < tokens.len()
            && end - i < max
            && !taken[end]
            && tokens[end].is_word()
            && tokens[end].join != Join::Break
        {
            key.push(' ');
            key.push_str(&tokens[end].norm);
            end += 1;
            keys.push((end, key.clone()));
        }
        for (e, k) in keys.into_iter().rev() {
            if let Some(Some(id)) = names.get(&k)
                && rec.name_case_ok(i, e)
                && !(e - i == 1 && weak_single(rec, i))
            {
                found = Some((e, id.clone()));
                break;
            }
        }
        if let Some((e, id)) = found {
            let kind = accs.get(&id).map_or(EntityKind::Person, |a| a.kind);
            taken[i..e].iter_mut().for_each(|t| *t = true);
            resolved.push(Resolved {
                span: (tokens[i].start, tokens[e - 1].end),
                claim: (i, e),
                id,
                kind,
                role: None,
                is_name: true,
            });
            i = e;
        } else {
            i += 1;
        }
    }

    definite_descriptions(rec, resolved, taken, accs);
}

/// A single capitalised word that opens a sentence and is a frequent word
/// is no evidence of a name.
fn weak_single(rec: &Recognizer<'_>, i: usize) -> bool {
    let t = &rec.tokens[i];
    !t.upper && t.sentence_start && text::is_in(text::COMMON_WORDS, &t.norm)
}

/// The head of a role: its first title head before any "of" ("secretary
/// of state" → secretary, "foreign minister" → minister).
fn role_head(role: &str) -> Option<&str> {
    let before_of = role.split(" of ").next().unwrap_or(role);
    before_of
        .split(' ')
        .rev()
        .find(|w| text::is_in(TITLE_HEADS, w) || w.contains('-'))
}

/// "the Secretary", "the Kenyan president", "the rebels", "the army".
fn definite_descriptions(
    rec: &Recognizer<'_>,
    resolved: &mut Vec<Resolved>,
    taken: &mut [bool],
    accs: &BTreeMap<String, Acc>,
) {
    let tokens = &rec.tokens;
    let named_groups: Vec<&String> = accs
        .iter()
        .filter(|(_, a)| a.named_group)
        .map(|(id, _)| id)
        .collect();
    let mut additions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let is_the = t.is_word() && t.norm == "the" && !taken[i];
        // "rebels" / "the rebels" / "the rebel group".
        let noun_at = if is_the { i + 1 } else { i };
        if !taken.get(noun_at).copied().unwrap_or(true)
            && tokens[noun_at].is_word()
            && let Some(end) = group_reference_end(rec, noun_at, is_the)
            && named_groups.len() == 1
            && !taken[noun_at..end].iter().any(|x| *x)
        {
            let id = named_groups[0].clone();
            let start = if is_the { i } else { noun_at };
            let kind = accs.get(&id).map_or(EntityKind::Group, |a| a.kind);
            additions.push(reference(rec, taken, (start, end), id, kind, None));
            i = end;
            continue;
        }
        // An appositive ("Jane Doe, the opposition leader,") restates the
        // name before it; it is no reference of its own.
        let appositive = i >= 2
            && tokens[i - 1].is_punct(',')
            && resolved
                .iter()
                .any(|r| r.kind == EntityKind::Person && r.claim.1 == i - 1);
        if !is_the || appositive {
            i += 1;
            continue;
        }
        // "the [Kenyan] president", "the Secretary".
        let mut k = i + 1;
        let mut country: Option<String> = None;
        if let Some(r) = resolved
            .iter()
            .find(|r| r.claim.0 == k && r.id.starts_with("country:"))
        {
            country = r.id.strip_prefix("country:").map(str::to_string);
            k = r.claim.1;
        }
        if taken.get(k).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        // "the army", "the government".
        if country.is_none()
            && let Some((end, sector)) = institution_reference(rec, k)
        {
            let matching: Vec<&String> = accs
                .iter()
                .filter(|(_, a)| a.institution == Some(sector))
                .map(|(id, _)| id)
                .collect();
            if matching.len() == 1 && !taken[k..end].iter().any(|x| *x) {
                let id = matching[0].clone();
                let kind = accs.get(&id).map_or(EntityKind::Organization, |a| a.kind);
                additions.push(reference(rec, taken, (i, end), id, kind, None));
                i = end;
                continue;
            }
        }
        let Some(title) = rec.title_at(k) else {
            i += 1;
            continue;
        };
        let followed_by_name = tokens
            .get(title.end)
            .is_some_and(|n| n.is_capitalised() && n.join == Join::Space);
        let Some(role) = title.role.as_deref().filter(|_| !followed_by_name) else {
            i += 1;
            continue;
        };
        if taken[k..title.end].iter().any(|x| *x) {
            i += 1;
            continue;
        }
        let Some(head) = role_head(role) else {
            i += 1;
            continue;
        };
        let modifiers: Vec<&str> = role
            .split(" of ")
            .next()
            .unwrap_or(role)
            .split(' ')
            .filter(|w| *w != head)
            .collect();
        let position = tokens[i].start;
        let mut candidates: BTreeSet<String> = BTreeSet::new();
        for r in resolved
            .iter()
            .filter(|r| r.kind == EntityKind::Person && r.span.0 < position)
        {
            let Some(their) = r.role.as_deref() else { continue };
            if role_head(their) != Some(head) {
                continue;
            }
            let words: Vec<&str> = their.split(' ').collect();
            if !modifiers.iter().all(|m| words.contains(m)) {
                continue;
            }
            if let Some(c) = &country
                && accs.get(&r.id).and_then(|a| a.country.as_ref()) != Some(c)
            {
                continue;
            }
            candidates.insert(r.id.clone());
        }
        if candidates.len() == 1 {
            let id = candidates.into_iter().next().unwrap_or_default();
            let start = if country.is_some() { k } else { i };
            let role = Some(role.to_string());
            additions.push(reference(
                rec,
                taken,
                (start, title.end),
                id,
                EntityKind::Person,
                role,
            ));
            i = title.end;
            continue;
        }
        i += 1;
    }
    resolved.extend(additions);
}

/// A reference (not a name) to `id` over tokens `claim`, which it takes.
fn reference(
    rec: &Recognizer<'_>,
    taken: &mut [bool],
    claim: (usize, usize),
    id: String,
    kind: EntityKind,
    role: Option<String>,
) -> Resolved {
    taken[claim.0..claim.1].iter_mut().for_each(|x| *x = true);
    Resolved {
        span: (rec.tokens[claim.0].start, rec.tokens[claim.1 - 1].end),
        claim,
        id,
        kind,
        role,
        is_name: false,
    }
}

/// End of "rebels", "fighters", "the militia", "the rebel group", "the armed group" at
/// token `k` (`definite`: after "the").
fn group_reference_end(rec: &Recognizer<'_>, k: usize, definite: bool) -> Option<usize> {
    let t = rec.tokens.get(k)?;
    if matches!(
        t.norm.as_str(),
        "rebels" | "militias" | "insurgents" | "militiamen" | "fighters" | "guerrillas" | "combatants"
    ) {
        return Some(k + 1);
    }
    // Singular descriptions need "the": "an armed group" is any group.
    if !definite {
        return None;
    }
    if t.norm == "militia" {
        return Some(k + 1);
    }
    let next = rec.tokens.get(k + 1)?;
    (matches!(t.norm.as_str(), "rebel" | "armed")
        && next.is_word()
        && next.join == Join::Space
        && text::is_in(GROUP_DESCRIPTION_HEADS, &next.norm))
    .then_some(k + 2)
}

/// "army", "military", "government", "police" at token `k`, not followed
/// by a title ("the army spokesman").
fn institution_reference(rec: &Recognizer<'_>, k: usize) -> Option<(usize, &'static str)> {
    let t = rec.tokens.get(k)?;
    let sector = match t.norm.as_str() {
        "army" | "military" => "MIL",
        "government" | "authorities" => "GOV",
        "police" => "COP",
        _ => return None,
    };
    let titled = rec
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.is_word() && text::is_in(TITLE_HEADS, &n.norm));
    (!titled).then_some((k + 1, sector))
}

/// Titles and role words that show a person's gender ("Mrs. Page",
/// "actress Bettie Page"). Sorted.
pub(super) const GENDERED_WORDS: &[(&str, Gender)] = &[
    ("actress", Gender::Female),
    ("businessman", Gender::Male),
    ("businesswoman", Gender::Female),
    ("chairman", Gender::Male),
    ("chairwoman", Gender::Female),
    ("congressman", Gender::Male),
    ("congresswoman", Gender::Female),
    ("king", Gender::Male),
    ("miss", Gender::Female),
    ("mr", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("policeman", Gender::Male),
    ("policewoman", Gender::Female),
    ("prince", Gender::Male),
    ("princess", Gender::Female),
    ("queen", Gender::Female),
    ("sir", Gender::Male),
    ("spokesman", Gender::Male),
    ("spokeswoman", Gender::Female),
];

/// The genders each entity's mentions show by the title or role word
/// right before them ("Mr.", "spokeswoman") or opening them, in one pass
/// over the mentions.
fn titled_genders<'r>(rec: &Recognizer<'_>, resolved: &'r [Resolved]) -> BTreeMap<&'r str, BTreeSet<Gender>> {
    let mut out: BTreeMap<&str, BTreeSet<Gender>> = BTreeMap::new();
    for r in resolved {
        // The word before the mention, or its own first word when the
        // mention holds its title.
        let Some(before) = rec.text.get(..r.span.0) else {
            continue;
        };
        let before = before
            .trim_end()
            .trim_end_matches('.')
            .rsplit(|c: char| !c.is_alphabetic())
            .next();
        let first = rec
            .text
            .get(r.span.0..r.span.1)
            .and_then(|m| m.split(|c: char| !c.is_alphabetic()).next());
        let gender = [first, before].into_iter().flatten().find_map(|word| {
            let word = word.to_lowercase();
            GENDERED_WORDS
                .binary_search_by(|(w, _)| w.cmp(&word.as_str()))
                .ok()
                .map(|i| GENDERED_WORDS[i].1)
        });
        if let Some(g) = gender {
            out.entry(r.id.as_str()).or_default().insert(g);
        }
    }
    out
}

/// A person's gender: from the titles of their mentions (`titled`, see
/// [`titled_genders`]), else from the first given name of their name that
/// the knowledge base gives one gender; `None` when the text disagrees
/// with itself or shows nothing.
fn person_gender(rec: &Recognizer<'_>, titled: Option<&BTreeSet<Gender>>, name: &str) -> Option<Gender> {
    if let Some(titled) = titled.filter(|t| !t.is_empty()) {
        return (titled.len() == 1).then(|| titled.first().copied()).flatten();
    }
    name.split_whitespace()
        .map(text::normalise_word)
        .find(|w| rec.kb.is_given_name(w))
        .and_then(|w| rec.kb.given_name_gender(&w))
}

/// Builds the mention list and entity records.
fn finish(
    rec: &Recognizer<'_>,
    mut resolved: Vec<Resolved>,
    accs: BTreeMap<String, Acc>,
) -> (Vec<EntityMention>, Vec<Entity>) {
    resolved.sort_by(|a, b| a.span.cmp(&b.span).then(a.id.cmp(&b.id)));
    resolved.dedup_by(|a, b| a.span == b.span);
    let mut surfaces: BTreeMap<&str, Vec<(usize, String)>> = BTreeMap::new();
    for r in &resolved {
        if !r.is_name {
            continue;
        }
        let Some(surface) = rec.text.get(r.span.0..r.span.1) else {
            continue;
        };
        let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = surface.split(' ').count();
        surfaces.entry(r.id.as_str()).or_default().push((words, surface));
    }
    let titled = titled_genders(rec, &resolved);
    let mut entities = Vec::new();
    for (id, acc) in &accs {
        let seen = surfaces.get(id.as_str()).cloned().unwrap_or_default();
        // The fullest name, written in mixed case when it is somewhere
        // ("Kigali", not the dateline's "KIGALI").
        let mixed = |s: &str| s.chars().any(char::is_lowercase);
        let longest = seen
            .iter()
            .max_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(mixed(&a.1).cmp(&mixed(&b.1)))
                    .then(a.1.len().cmp(&b.1.len()))
                    .then(b.1.cmp(&a.1))
            })
            .map(|(_, s)| s.clone());
        let name = acc
            .fixed_name
            .clone()
            .or(longest)
            .unwrap_or_else(|| acc.fallback_name.clone());
        let mut aliases: Vec<String> = seen.into_iter().map(|(_, s)| s).filter(|s| *s != name).collect();
        aliases.sort();
        aliases.dedup();
        let gender = (acc.kind == EntityKind::Person)
            .then(|| person_gender(rec, titled.get(id.as_str()), &name))
            .flatten();
        entities.push(Entity {
            id: EntityId(id.clone()),
            name,
            kind: acc.kind,
            aliases,
            country: acc.country.clone(),
            sector: acc.sector.clone(),
            gender,
        });
    }
    let mentions = resolved
        .into_iter()
        .filter(|r| accs.contains_key(&r.id))
        .map(|r| EntityMention {
            span: Span::new(r.span.0, r.span.1),
            kind: accs.get(&r.id).map_or(r.kind, |a| a.kind),
            entity: EntityId(r.id),
            role: r.role,
        })
        .collect();
    (mentions, entities)
}
