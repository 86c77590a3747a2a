//! Actor phrases ("chunks") of a sentence: the entity mentions of the
//! annotation stage joined with agent nouns into the phrases that can be
//! an event's source or target — "Kenyan President William Ruto",
//! "Rwanda's military", "soldiers from Gondor", "Hungarian and Romanian
//! officials" — each with its canonical entity, country and sector.
//!
//! Why chunks: event coding needs who, not every name. A chunk takes its
//! entity from its most specific mention (a person over an organisation
//! over a country), its country from any mention in it, and its sector
//! from the entity or from an agent noun ("Israeli soldiers" is Israel's
//! military). A chunk also records the preposition that governs it (a
//! subject has none) and whether it only possesses a following noun
//! ("Eriador's refusal"), which the clause analysis reads.

use std::collections::BTreeMap;

use sitrep_model::{Entity, EntityId, EntityKind, EntityMention, Gender, Span};

use crate::lemma;
use crate::lexicon::Lexicon;
use crate::text::{Tag, Tok};

/// One participant a chunk names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The naming text.
    pub name: String,
    /// Where it is named.
    pub span: Span,
    /// Canonical entity, when the actor is one.
    pub entity: Option<EntityId>,
    /// The entity's kind.
    pub kind: Option<EntityKind>,
    /// ISO3 country.
    pub country: Option<String>,
    /// Sector code.
    pub sector: Option<String>,
    /// The sector an agent noun of the phrase gave ("officials": GOV).
    pub agent_sector: Option<String>,
    /// A person's gender, when the annotation stage knows it.
    pub gender: Option<Gender>,
}

/// A phrase naming one or more actors, or a pronoun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The actors (several for "X and Y"); empty for a bare pronoun.
    pub actors: Vec<Actor>,
    /// The preposition governing the phrase ("with" of "met with X").
    pub prep: Option<String>,
    /// The phrase only possesses a following noun ("Eriador's refusal").
    pub possessor: bool,
    /// The phrase, after a determiner, modifies a following noun ("a
    /// Senegalese peace plan", "an Indian proposal"): it names a party,
    /// but no one a pronoun refers back to.
    pub modifier: bool,
    /// A pronoun to resolve ("it", "they"), or the possessive pronoun of
    /// an agent phrase ("its forces").
    pub pronoun: Option<String>,
}

impl Chunk {
    /// Is this a compound ("X and Y")?
    pub fn is_compound(&self) -> bool {
        self.actors.len() > 1
    }
}

#[derive(Debug, Clone)]
enum UnitKind {
    Mention(usize),
    Agent(String),
}

#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    end: usize,
    kind: UnitKind,
}

/// Role nouns that take the sector of the agent noun right before them
/// ("opposition leader", "rebel commander", "police chief").
const ROLE_HEADS: &[&str] = &[
    "leader",
    "leaders",
    "chief",
    "chiefs",
    "head",
    "heads",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "commander",
    "commanders",
    "figure",
    "figures",
];

/// The sector of the phrase's last agent noun, or of the agent noun right
/// before it when it is a role noun ("opposition leader" is the
/// opposition's, not a government's).
fn last_agent_sector(toks: &[Tok], units: &[Unit]) -> Option<String> {
    let agents: Vec<(&Unit, &String)> = units
        .iter()
        .filter_map(|u| match &u.kind {
            UnitKind::Agent(s) => Some((u, s)),
            UnitKind::Mention(_) => None,
        })
        .collect();
    let (last, sector) = agents.last()?;
    let role = toks[last.start..last.end].iter().all(|t| t.is(ROLE_HEADS));
    match agents.len().checked_sub(2).map(|i| agents[i]) {
        Some((before, modifier)) if role && before.end == last.start => Some(modifier.clone()),
        _ => Some((*sector).clone()),
    }
}

/// Quantities and parts whose "of" phrase names who they are
/// ("thousands of students demonstrated", "a group of Moroccan
/// diplomats", "members of the association", "the armed wing of Hamas").
const PARTITIVES: &[&str] = &[
    "thousands",
    "hundreds",
    "tens",
    "dozens",
    "scores",
    "millions",
    "members",
    "member",
    "group",
    "groups",
    "some",
    "many",
    "most",
    "majority",
    "number",
    "one",
    "all",
    "both",
    "each",
    "several",
    "few",
    "wing",
    "faction",
    "factions",
    "branch",
    "leaders",
    "leadership",
    "supporters",
    "followers",
    "fighters",
    "units",
    "remnants",
    "delegation",
    "representatives",
    "contingent",
    "deployment",
    "batch",
];

/// Nouns naming another party by its relation to the one before them
/// ("Israel's militia ally", "Russia's allies", "a U.S. partner"): the
/// phrase is about that other party, not the one named.
const RELATIONS: &[&str] = &[
    "ally",
    "allies",
    "partner",
    "partners",
    "rival",
    "rivals",
    "enemy",
    "enemies",
    "foe",
    "foes",
    "adversary",
    "adversaries",
    "opponent",
    "opponents",
    "proxy",
    "proxies",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
];

/// Words of team sport: in a sentence holding one, a place named alone
/// is a team ("Philadelphia host the Washington Wizards", "meet either
/// Tennessee or Baltimore for a spot in the Super Bowl"), no actor.
const SPORT_WORDS: &[&str] = &[
    "nba",
    "nfl",
    "nhl",
    "mlb",
    "playoff",
    "playoffs",
    "quarterback",
    "linebacker",
    "touchdown",
    "touchdowns",
    "inning",
    "innings",
    "pitcher",
    "midfielder",
    "goalkeeper",
    "rebounds",
    "halftime",
    "roster",
    "postseason",
    "preseason",
];

/// Two-word phrases of team sport (see [`SPORT_WORDS`]).
const SPORT_PHRASES: &[[&str; 2]] = &[
    ["super", "bowl"],
    ["free", "agent"],
    ["running", "back"],
    ["wide", "receiver"],
    ["defensive", "end"],
    ["home", "run"],
    ["world", "cup"],
    ["title", "game"],
    ["contract", "offer"],
];

/// Words of time and sequence that follow a subject before its verb.
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "now",
    "also",
    "again",
    "already",
    "still",
    "then",
    "later",
    "earlier",
    "last",
    "this",
    "next",
    "once",
    "twice",
    "meanwhile",
];

/// Words after a demonym that make it name a tongue, not the country.
const LANGUAGE_WORDS: &[&str] = &["language", "languages", "dialect", "dialects", "alphabet"];

/// Agent words that in lower case are mostly adjectives ("a general
/// strike", but "General Dostum").
const ADJECTIVE_AGENTS: &[&str] = &["general"];

/// Modifiers that may stand between a preposition and its actor phrase.
const MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "new",
    "local",
    "foreign",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "neighbouring",
    "neighboring",
    "rival",
    "allied",
    "visiting",
    "ruling",
    "main",
    "key",
    "regional",
    "international",
    "ethnic",
    "fellow",
    "angry",
    "armed",
    "military",
    "two",
    "three",
    "both",
    "unidentified",
    "suspected",
    "alleged",
    "so-called",
    "self-styled",
    "opposition",
    "government",
    "security",
    "defense",
    "defence",
    "foreign",
    "interim",
    "outgoing",
    "incoming",
    "acting",
    "deputy",
];

/// Title words that may sit between a name and an agent noun ("Taiwan's
/// Vice Foreign Minister").
const TITLE_MODIFIERS: &[&str] = &[
    "vice", "deputy", "acting", "former", "chief", "senior", "interim", "first", "top", "new", "junior",
];

/// Titles written before a name ("Secretary Rubio", "President Ruto").
const TITLES: &[&str] = &[
    "secretary",
    "president",
    "minister",
    "prime",
    "general",
    "gen",
    "senator",
    "sen",
    "ambassador",
    "envoy",
    "chancellor",
    "governor",
    "mayor",
    "commander",
    "king",
    "queen",
    "prince",
    "premier",
    "foreign",
    "defence",
    "defense",
    "state",
    "vice",
    "deputy",
];

/// Suffixes after a name that make the hyphenated word its owner's
/// ("Greek-flagged", "Chinese-owned"); "-led" makes it its leader's.
pub(crate) const OWNER_SUFFIXES: &[&str] = &["-flagged", "-registered", "-owned"];

/// Possessive pronouns that give an agent phrase its owner ("its forces").
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their", "his", "her"];

fn verb_like(tok: &Tok, lex: &Lexicon) -> bool {
    lemma::looks_past(&tok.lower)
        || tok.lower.ends_with("ing")
        || lemma::candidates(&tok.lower)
            .iter()
            .any(|(c, f)| *f != lemma::Form::Base && lex.is_verb(c))
        || lex.is_verb(&tok.lower)
}

/// The agent phrase ending at token `i`: (first token, sector).
fn agent_at(toks: &[Tok], i: usize, lex: &Lexicon) -> Option<(usize, String)> {
    let tok = toks.get(i)?;
    if tok.tag != Tag::Word {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    let mut forms = vec![tok.lower.clone()];
    forms.extend(
        lemma::candidates(&tok.lower)
            .into_iter()
            .filter(|(_, f)| matches!(f, lemma::Form::S | lemma::Form::Base))
            .map(|(c, _)| c),
    );
    for form in &forms {
        for (words, sector) in lex.agents_ending(form) {
            let n = words.len();
            if n == 0 || n > i + 1 {
                continue;
            }
            let first = i + 1 - n;
            let matches = words[..n - 1]
                .iter()
                .zip(&toks[first..i])
                .all(|(w, t)| t.lower == *w);
            if matches && best.as_ref().is_none_or(|(b, _)| first < *b) {
                best = Some((first, sector.clone()));
            }
        }
    }
    best
}

/// Does a country's name, or its possessive, end right before token
/// `i` ("Rwanda's Senate", "Rwandan Senate")?
fn country_before(toks: &[Tok], i: usize, mentions: &[&EntityMention]) -> bool {
    let name_end = match i.checked_sub(1).map(|p| &toks[p]) {
        Some(t) if t.tag == Tag::Possessive => i.checked_sub(2),
        Some(_) => i.checked_sub(1),
        None => None,
    };
    name_end.is_some_and(|e| {
        mentions
            .iter()
            .any(|m| m.kind == EntityKind::Country && m.span.end == toks[e].span.end)
    })
}

/// Is the unit a mention of a place below country level?
fn is_place_unit(u: &Unit, mentions: &[&EntityMention]) -> bool {
    unit_is(u, mentions, EntityKind::Place)
}

/// Is the unit a mention of an entity of this kind?
fn unit_is(u: &Unit, mentions: &[&EntityMention], kind: EntityKind) -> bool {
    matches!(u.kind, UnitKind::Mention(i) if mentions.get(i).is_some_and(|m| m.kind == kind))
}

/// Is the agent word at `i` a modifier of the noun after it ("military
/// aid", "government minister" is an agent phrase of its own)?
///
/// Only the compiled-in core's verbs count as verbs here: the converted
/// dictionaries list many words that are mostly nouns after an agent word
/// ("joint military exercises", "military equipment").
fn modifies_next(toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    // "the government today ordered": an adverb, not a noun.
    if next.lower.ends_with("ly") || next.is(TIME_WORDS) {
        return false;
    }
    let core_verb = lemma::looks_past(&next.lower)
        || next.lower.ends_with("ing")
        || lemma::candidates(&next.lower)
            .iter()
            .any(|(c, f)| *f != lemma::Form::Base && lex.is_core_verb(c))
        || lex.is_core_verb(&next.lower);
    next.tag == Tag::Word && !next.capital && !core_verb && agent_at(toks, i + 1, lex).is_none()
}

/// Does token `i` look like the finite verb of a clause: an auxiliary,
/// modal or negation, or a lowercase past or third-person form of a verb
/// ("began", "said", "attacked", "signs")?
fn opens_clause(toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    match t.tag {
        Tag::Aux | Tag::Modal | Tag::Neg => true,
        Tag::Word if !t.capital => {
            lemma::looks_past(&t.lower)
                || lex.form(&t.lower).is_some_and(|l| l != t.lower)
                || lemma::candidates(&t.lower)
                    .iter()
                    .any(|(c, f)| matches!(f, lemma::Form::S | lemma::Form::Past) && lex.is_core_verb(c))
        }
        _ => false,
    }
}

/// Build the sentence's actor chunks from its tokens and the entity
/// mentions inside it.
pub fn chunks(
    text: &str,
    toks: &[Tok],
    mentions: &[&EntityMention],
    entities: &BTreeMap<&EntityId, &Entity>,
    lex: &Lexicon,
) -> Vec<Chunk> {
    let mut units: Vec<Unit> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let mut inside: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].span.start >= m.span.start && toks[i].span.end <= m.span.end)
            .collect();
        // "US-led forces", "Vietnamese-led troops": the leader's side is
        // the actor ("Rwanda-backed" and the like name a backer, not it).
        // So is the flag's or the owner's ("a Greek-flagged tanker", "a
        // Chinese-owned mine").
        if inside.is_empty()
            && let Some(i) = (0..toks.len()).find(|&i| {
                toks[i].span.start == m.span.start
                    && std::iter::once(&"-led").chain(OWNER_SUFFIXES).any(|suffix| {
                        toks[i].lower.ends_with(suffix) && toks[i].span.end == m.span.end + suffix.len()
                    })
            })
        {
            inside.push(i);
        }
        // "on the Thai border": where, not who; but "U.S. border patrol
        // agents" are who (an agent phrase starting at "border").
        let border = m.kind == EntityKind::Country
            && inside.last().is_some_and(|&b| {
                toks.get(b + 1).is_some_and(|t| t.is(&["border", "frontier"]))
                    && !(b + 1..toks.len().min(b + 5))
                        .any(|j| agent_at(toks, j, lex).is_some_and(|(first, _)| first == b + 1))
            });
        // "the use of the Russian language": a tongue, not the country.
        let language = m.kind == EntityKind::Country
            && inside
                .last()
                .is_some_and(|&b| toks.get(b + 1).is_some_and(|t| t.is(LANGUAGE_WORDS)));
        if border || language {
            continue;
        }
        if let (Some(&a), Some(&b)) = (inside.first(), inside.last()) {
            // "Rwanda's Senate", "the Rwandan Senate": an institution
            // named by a generic word is the country's named before it,
            // whichever the knowledge base gives the bare word.
            let generic = (a == b && matches!(m.kind, EntityKind::Organization | EntityKind::Group))
                .then(|| agent_at(toks, a, lex))
                .flatten()
                .filter(|(first, _)| *first == a && country_before(toks, a, mentions));
            let kind = match generic {
                Some((_, sector)) => UnitKind::Agent(sector),
                None => UnitKind::Mention(mi),
            };
            units.push(Unit {
                start: a,
                end: b + 1,
                kind,
            });
        }
    }
    let covered = |i: usize, units: &[Unit]| units.iter().any(|u| u.start <= i && i < u.end);
    let mut i = 0;
    while i < toks.len() {
        if !covered(i, &units)
            && (!toks[i].is(ADJECTIVE_AGENTS) || toks[i].capital)
            && let Some((first, sector)) = agent_at(toks, i, lex)
            && !(first..=i).any(|j| covered(j, &units))
            && !modifies_next(toks, i, lex)
        {
            units.push(Unit {
                start: first,
                end: i + 1,
                kind: UnitKind::Agent(sector),
            });
        }
        i += 1;
    }
    units.sort_by_key(|u| (u.start, u.end));
    // Overlapping units: keep the first. A name's acronym in brackets
    // right after it ("the East African Community (EAC)") is part of it.
    let mut kept: Vec<Unit> = Vec::new();
    for u in units {
        let bracketed = u.start > 0
            && toks[u.start - 1].lower == "("
            && toks.get(u.end).is_some_and(|t| t.lower == ")")
            && matches!(u.kind, UnitKind::Mention(_));
        match kept.last_mut() {
            Some(k) if bracketed && k.end + 1 == u.start => k.end = u.end + 1,
            Some(k) if u.start < k.end => {}
            _ => kept.push(u),
        }
    }

    // Merge units into phrases.
    let mut groups: Vec<Vec<Unit>> = Vec::new();
    for u in kept {
        let joins = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            let gap = &toks[prev.end..u.start];
            let prev_is_agent = matches!(prev.kind, UnitKind::Agent(_));
            let u_is_agent = matches!(u.kind, UnitKind::Agent(_));
            match gap {
                [] => true,
                [g] if g.tag == Tag::Possessive => true,
                // "soldiers from Gondor", "officials of Kenya" (but not
                // "withdraw its troops from Congo").
                [g] if prev_is_agent && g.is(&["of", "from", "in"]) && !u_is_agent => {
                    groups.last().is_some_and(|grp| {
                        grp.len() == 1
                            && !grp[0]
                                .start
                                .checked_sub(1)
                                .and_then(|p| toks.get(p))
                                .is_some_and(|t| t.is(POSSESSIVE_PRONOUNS) || t.tag == Tag::Possessive)
                    })
                }
                // "Nicaragua's Sandinista government", "Israel's ruling
                // Likud party": modifiers and unlisted names before an
                // agent noun.
                // "Israeli Defense Minister": a portfolio before a title
                // written as one; "Iraqi Shiite leader": a country's
                // community or party named between it and the agent.
                _ if u_is_agent && gap.len() <= 3 => gap.iter().all(|g| {
                    g.tag == Tag::Possessive
                        || (g.tag == Tag::Word && !g.capital && !verb_like(g, lex))
                        || (g.tag == Tag::Word && g.is(TITLE_MODIFIERS))
                        || (g.tag == Tag::Word
                            && g.capital
                            && (prev_is_possessed(toks, prev.end)
                                || (toks[u.start].capital && toks[u.start].is(TITLES))
                                || (gap.len() <= 2 && unit_is(prev, mentions, EntityKind::Country))))
                }),
                // "British Foreign Secretary Jack Straw", "Afghan warlord
                // Gulbuddin Hekmatyar": a country, the title no agent word
                // covers, then the person who holds it (a body's "U.N.
                // mediator Diego Cordovez" stays apart: the person's own
                // country is not the body's).
                _ if !gap.is_empty()
                    && gap.len() <= 3
                    && unit_is(prev, mentions, EntityKind::Country)
                    && unit_is(&u, mentions, EntityKind::Person)
                    && gap
                        .iter()
                        .all(|g| g.tag == Tag::Word && (g.capital || !verb_like(g, lex))) =>
                {
                    true
                }
                // "the South Kivu provincial capital Bukavu": a place named
                // twice is the last name.
                _ if gap.len() <= 2
                    && is_place_unit(prev, mentions)
                    && is_place_unit(&u, mentions)
                    && gap
                        .iter()
                        .all(|g| g.tag == Tag::Word && !g.capital && !verb_like(g, lex)) =>
                {
                    true
                }
                // "doctors from two American aid groups", "the mayor of
                // the northern West Bank", "dissidents from military-ruled
                // Myanmar"
                [g, rest @ ..]
                    if prev_is_agent
                        && g.is(&["of", "from", "in"])
                        && !u_is_agent
                        && rest.len() <= 3
                        && rest.iter().all(|t| {
                            matches!(t.tag, Tag::Det | Tag::Number)
                                || t.is(NUMBER_WORDS)
                                || (t.tag == Tag::Word
                                    && !g.is(&["in"])
                                    && !t.capital
                                    && (t.lower.contains('-') || !verb_like(t, lex)))
                        }) =>
                {
                    true
                }
                _ => false,
            }
        });
        match groups.last_mut() {
            Some(g) if joins => g.push(u),
            _ => groups.push(vec![u]),
        }
    }

    let mut out: Vec<Chunk> = groups
        .iter()
        .map(|g| {
            let start = g.first().map_or(0, |u| u.start);
            let end = g.last().map_or(0, |u| u.end);
            let actor = actor_of(text, toks, g, mentions, entities);
            let pronoun = start
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .filter(|t| {
                    t.is(POSSESSIVE_PRONOUNS) && g.iter().all(|u| matches!(u.kind, UnitKind::Agent(_)))
                })
                .map(|t| t.lower.clone());
            Chunk {
                start,
                end,
                actors: vec![actor],
                prep: None,
                possessor: false,
                modifier: false,
                pronoun,
            }
        })
        .collect();

    // Pronouns ("US" is a country, not "us").
    for (i, t) in toks.iter().enumerate() {
        let taken = out.iter().any(|c| c.start <= i && i < c.end);
        let country_us = t.capital && t.lower == "us";
        let reflexive = t.is(&["itself", "themselves", "himself", "herself"]);
        if t.tag == Tag::Pron && !taken && !country_us && !reflexive {
            out.push(Chunk {
                start: i,
                end: i + 1,
                actors: Vec::new(),
                prep: None,
                possessor: false,
                modifier: false,
                pronoun: Some(t.lower.clone()),
            });
        }
    }
    out.sort_by_key(|c| c.start);

    // Compounds: "X, Y and Z".
    let mut merged: Vec<Chunk> = Vec::new();
    for c in out {
        if let Some(prev) = merged.last_mut()
            && !prev.actors.is_empty()
            && !c.actors.is_empty()
            && c.pronoun.is_none()
            && prev.pronoun.is_none()
        {
            let gap = &toks[prev.end..c.start];
            // "…in Bandar Abbas, and aid workers began distributing food":
            // after a comma, a party followed by its verb opens a new
            // clause, unless it ends a list ("Kenya, Uganda, and Tanzania
            // signed").
            let new_clause = !prev.is_compound() && opens_clause(toks, c.end, lex);
            // "to go before a magistrate and riot police fired teargas": a
            // party after the object of a preposition, followed by its
            // verb, opens a clause of its own (not "talks between Kenya
            // and Uganda began").
            let object_of = |i: usize| {
                governing_prep(toks, i, lex)
                    .is_some_and(|p| !matches!(p.as_str(), "between" | "among" | "amongst"))
                    || i.checked_sub(1)
                        .and_then(|j| toks[..=j].iter().rposition(|t| t.tag != Tag::Det))
                        .is_some_and(|j| toks[j].is(&["before", "after"]))
            };
            let after_prep_object = object_of(prev.start) && opens_clause(toks, c.end, lex);
            let and = matches!(gap, [g] if g.tag == Tag::And && !after_prep_object)
                || matches!(gap, [g, d] if g.tag == Tag::And && d.tag == Tag::Det)
                || (matches!(gap, [a, g] if a.tag == Tag::Comma && g.tag == Tag::And) && !new_clause)
                || (matches!(gap, [g, d] if g.tag == Tag::Comma && d.tag == Tag::Det)
                    && list_continues(toks, c.end))
                || (matches!(gap, [g] if g.tag == Tag::Comma) && list_continues(toks, c.end));
            if and {
                prev.end = c.end;
                prev.actors.extend(c.actors);
                continue;
            }
        }
        merged.push(c);
    }
    for c in &mut merged {
        share_sector(c, toks);
        c.prep = governing_prep(toks, c.start, lex);
        c.possessor = toks.get(c.end).is_some_and(|t| t.tag == Tag::Possessive);
        c.modifier = c.pronoun.is_none()
            && c.start.checked_sub(1).is_some_and(|d| toks[d].tag == Tag::Det)
            && modifies_next(toks, c.end - 1, lex);
    }
    merged.retain(|c| !names_a_relation(toks, c));
    if about_team_sport(toks) {
        merged.retain(|c| !names_a_place_only(c));
    }
    people_where_they_live(toks, &mut merged, entities);
    sentence_country(toks, &mut merged);
    merged.retain(|c| !anonymous(toks, c));
    merged
}

/// Does chunk `c` name people whom no country places ("urged people to
/// be cautious", "killing about 20 people")? "Thousands of people marched
/// in Tbilisi" are Georgians; people from nowhere are no party.
fn anonymous(toks: &[Tok], c: &Chunk) -> bool {
    toks[c.end - 1].is(&["people"]) && c.actors.iter().all(|a| a.country.is_none())
}

/// Does the sentence speak of team sport (see [`SPORT_WORDS`])?
fn about_team_sport(toks: &[Tok]) -> bool {
    toks.iter().any(|t| t.is(SPORT_WORDS))
        || toks.windows(2).any(|w| {
            SPORT_PHRASES
                .iter()
                .any(|[a, b]| w[0].lower == *a && w[1].lower == *b)
        })
}

/// Does chunk `c` name only places or countries, with no agent noun
/// ("Tennessee or Baltimore", not "police in Athens")?
fn names_a_place_only(c: &Chunk) -> bool {
    !c.actors.is_empty()
        && c.actors.iter().all(|a| {
            matches!(a.kind, Some(EntityKind::Place | EntityKind::Country))
                && a.agent_sector.is_none()
                && a.sector.is_none()
        })
}

/// Is chunk `c` followed (after its possessive, if any) by a noun that
/// names another party by its relation to it ("Israel's militia ally in
/// southern Lebanon", "Russia's allies", "U.S. allies")? An organisation
/// before the noun names its own members ("its European Community
/// partners", "NATO allies").
fn names_a_relation(toks: &[Tok], c: &Chunk) -> bool {
    let after = if c.possessor { c.end + 1 } else { c.end };
    let members = !c.possessor
        && c.actors.iter().any(|a| {
            a.sector
                .as_deref()
                .is_some_and(|s| INTERNATIONAL_SECTORS.contains(&s))
        });
    c.pronoun.is_none() && !members && toks.get(after).is_some_and(|t| t.is(RELATIONS))
}

/// "The Albanians of southern Serbia", "Serbs in Kosovo": a people named
/// by its demonym where it lives is of the country it lives in, as event
/// coding counts it (not of the country its name comes from).
fn people_where_they_live(toks: &[Tok], chunks: &mut [Chunk], entities: &BTreeMap<&EntityId, &Entity>) {
    for i in 1..chunks.len() {
        let (before, after) = chunks.split_at_mut(i);
        let (people, there) = (&mut before[i - 1], &after[0]);
        let [person] = people.actors.as_mut_slice() else {
            continue;
        };
        let [place] = there.actors.as_slice() else {
            continue;
        };
        let demonym = person.kind == Some(EntityKind::Country)
            && !person.name.contains(' ')
            && person.name.ends_with('s')
            && person
                .entity
                .as_ref()
                .and_then(|id| entities.get(id))
                .is_some_and(|e| e.name != person.name);
        let gap = &toks[people.end..there.start];
        let located = gap.first().is_some_and(|t| t.is(&["of", "in"]))
            && gap[1..]
                .iter()
                .all(|t| t.tag == Tag::Det || (t.tag == Tag::Word && !t.capital));
        let elsewhere = matches!(place.kind, Some(EntityKind::Place | EntityKind::Country))
            && place.country.is_some()
            && place.country != person.country;
        if demonym && located && elsewhere {
            person.country = place.country.clone();
        }
    }
}

/// Numbers written as words ("doctors from two American aid groups");
/// "several", "dozens", "hundreds" and the like are determiners already.
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Sectors of actors that belong to no country.
const INTERNATIONAL_SECTORS: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Sectors of people who act or suffer where they are (attackers,
/// rebels, police, civilians, criminals): counting them makes them no
/// less the scene's.
const LOCAL_SECTORS: &[&str] = &["UAF", "REB", "COP", "CVL", "CRM"];

/// Words before an agent noun that make it several parties or no
/// country's ("both leaders", "all parties", "regional leaders", "East
/// African leaders").
const MANY: &[&str] = &[
    "both",
    "all",
    "each",
    "two",
    "three",
    "several",
    "various",
    "other",
    "regional",
    "international",
    "foreign",
    "world",
    "global",
    "western",
    "african",
    "asian",
    "arab",
    "latin",
    "caribbean",
    "nordic",
    "baltic",
    "balkan",
];

/// Actors that name no country ("police", "the opposition", an
/// unlisted group) belong to the country the sentence is about when it
/// names exactly one: "the opposition threatened to storm his residence
/// in Tbilisi" is Georgia's opposition. With two countries named, the
/// actor stays without one; so do international actors, agent nouns that
/// name several parties ("both leaders", "all parties") and the members
/// of a compound whose other members have a country. A named person or
/// organisation the knowledge base does not place, or a government or
/// its officials, takes the country only when it is named before it or
/// as where things happen ("in Sudan"):
/// named after it, the country is as often the counterpart's ("President
/// Bush threatened further action against Russia").
fn sentence_country(toks: &[Tok], chunks: &mut [Chunk]) {
    // Peacekeepers or aid workers "from South Africa" serve abroad: their
    // country is not where the sentence happens.
    let abroad = |c: &Chunk| c.actors.iter().any(|a| a.sector.as_deref() == Some("IGO"));
    let countries: std::collections::BTreeSet<&str> = chunks
        .iter()
        .filter(|c| !abroad(c))
        .flat_map(|c| c.actors.iter())
        .filter_map(|a| a.country.as_deref())
        .collect();
    let mut only = countries.iter();
    let (Some(&country), None) = (only.next(), only.next()) else {
        return;
    };
    let country = country.to_owned();
    let has = |c: &Chunk| {
        c.actors
            .iter()
            .any(|a| a.country.as_deref() == Some(country.as_str()))
    };
    let first = chunks
        .iter()
        .filter(|c| has(c))
        .map(|c| c.start)
        .min()
        .unwrap_or(0);
    let located = chunks.iter().any(|c| {
        has(c)
            && c.prep
                .as_deref()
                .is_some_and(|p| matches!(p, "in" | "at" | "inside" | "throughout" | "across"))
    });
    for c in chunks.iter_mut() {
        // "Two gunmen", "three suicide bombers": counted attackers or
        // victims on the spot are one party, not several countries'.
        let counted_locals = c.actors.iter().all(|a| {
            a.sector
                .as_deref()
                .or(a.agent_sector.as_deref())
                .is_some_and(|s| LOCAL_SECTORS.contains(&s))
        });
        let several = |t: &Tok| t.is(MANY) && !(counted_locals && t.is(NUMBER_WORDS));
        let many = (c.start.saturating_sub(2)..c.start).any(|i| several(&toks[i]))
            || toks.get(c.start).is_some_and(several);
        let partnered = c.is_compound() && c.actors.iter().any(|a| a.country.is_some());
        if many || partnered {
            continue;
        }
        let named_ok = located || first < c.start;
        // Judges and police act at home ("Judge Alejandro Rivera opened
        // investigations against 28 Chilean officials").
        let domestic = |a: &Actor| a.sector.as_deref().is_some_and(|s| matches!(s, "JUD" | "COP"));
        // A government or its officials named before the country may
        // be the counterpart's ("the government condemned Rwanda's
        // attack"), as a named actor may.
        let government = |a: &Actor| a.sector.as_deref() == Some("GOV");
        for a in c
            .actors
            .iter_mut()
            .filter(|a| (a.entity.is_none() && !government(a)) || named_ok || domestic(a))
        {
            let international = a
                .sector
                .as_deref()
                .is_some_and(|s| INTERNATIONAL_SECTORS.contains(&s))
                || international_name(&a.name);
            if a.country.is_none() && !international {
                a.country = Some(country.clone());
            }
        }
    }
}

/// Does the unit ending at `end` own what follows ("Nicaragua's …")?
fn prev_is_possessed(toks: &[Tok], end: usize) -> bool {
    toks.get(end).is_some_and(|t| t.tag == Tag::Possessive)
}

/// Does an "X, Y" list go on to "and Z" after token `end`?
fn list_continues(toks: &[Tok], end: usize) -> bool {
    let rest = &toks[end.min(toks.len())..];
    rest.iter()
        .take(8)
        .position(|t| t.tag == Tag::And)
        .is_some_and(|p| rest[..p].iter().all(|t| t.tag != Tag::Word || t.capital))
}

/// "Hungarian and Romanian officials": bare countries before a conjunct
/// with a sector share it; not before a phrase of its own that a
/// determiner opens ("Sudan and the rebels": Sudan is no rebel).
fn share_sector(c: &mut Chunk, toks: &[Tok]) {
    if c.actors.len() < 2 {
        return;
    }
    let last_start = c.actors.last().map(|a| a.span.start);
    let own_phrase = toks
        .windows(2)
        .any(|w| w[0].tag == Tag::Det && Some(w[1].span.start) == last_start);
    if own_phrase {
        return;
    }
    // The sector of an agent noun ("Romanian officials"), or of a
    // national institution the annotator named as one entity.
    let Some(sector) = c.actors.last().and_then(|a| {
        a.agent_sector.clone().or_else(|| {
            (a.kind == Some(EntityKind::Organization) && a.country.is_some())
                .then(|| a.sector.clone())
                .flatten()
        })
    }) else {
        return;
    };
    // "The Congolese and Rwandan army": the last conjunct is a country's
    // institution ("org:rwa-military"); the bare countries before it name
    // theirs ("org:cod-military", "Congolese army").
    let institution = c.actors.last().and_then(|a| {
        let id = a.entity.as_ref()?.0.as_str();
        let country = a.country.as_deref()?.to_lowercase();
        let rest = id
            .strip_prefix("org:")?
            .strip_prefix(country.as_str())?
            .strip_prefix('-')?;
        let head = a.name.rsplit(' ').next().filter(|h| *h != a.name)?;
        Some((rest.to_owned(), head.to_owned()))
    });
    for a in c.actors.iter_mut() {
        if a.sector.is_none() && a.kind == Some(EntityKind::Country) {
            a.sector = Some(sector.clone());
            if let (Some((noun, head)), Some(country)) = (&institution, &a.country) {
                a.entity = Some(EntityId(format!("org:{}-{noun}", country.to_lowercase())));
                a.kind = Some(EntityKind::Organization);
                a.name = format!("{} {head}", a.name);
            }
        }
    }
}

/// The preposition before token `start`, skipping determiners, numbers
/// and a few modifiers.
fn governing_prep(toks: &[Tok], start: usize, lex: &Lexicon) -> Option<String> {
    let mut i = start;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        match t.tag {
            Tag::Det | Tag::Number => continue,
            // Modifiers: "to war-torn Mozambique", "with neighbouring Rwanda";
            // a title before a name: "with Secretary Rubio".
            Tag::Word if t.is(MODIFIERS) || t.is(TITLES) || (!t.capital && !verb_like(t, lex)) => continue,
            // A bracketed insertion: "with Secretary (of State Marco) Rubio".
            Tag::Bracket if t.lower == ")" => match toks[..i].iter().rposition(|b| b.lower == "(") {
                Some(open) => i = open,
                None => return None,
            },
            // "up to 100 Albanians" is a quantity.
            Tag::To if i > 0 && toks[i - 1].is(&["up"]) => return None,
            // "about 200 supporters", "over 1,000 protesters": a quantity.
            Tag::Prep
                if t.is(crate::text::APPROXIMATORS)
                    && toks.get(i + 1).is_some_and(|n| n.tag == Tag::Number) =>
            {
                return None;
            }
            // "at least eight leaders", "more than 20 soldiers": a
            // quantity; a preposition before it governs the phrase.
            Tag::Prep if t.is(&["at"]) && toks.get(i + 1).is_some_and(|n| n.is(&["least", "most"])) => {}
            Tag::Prep if t.is(&["than"]) && i > 0 && toks[i - 1].is(&["more", "less", "fewer"]) => i -= 1,
            // "thousands of students", "members of the association": the
            // quantity's own preposition governs the phrase, if any.
            Tag::Prep
                if t.is(&["of"])
                    && i > 0
                    && (toks[i - 1].is(PARTITIVES) || toks[i - 1].tag == Tag::Number) =>
            {
                i -= 1;
            }
            Tag::Prep | Tag::To => return Some(t.lower.clone()),
            _ => return None,
        }
    }
    None
}

/// Words that name an organisation as international ("United Nations",
/// "European Community", "International Labour Office").
fn international_name(name: &str) -> bool {
    const MARKS: &[&str] = &[
        "international",
        "united nations",
        "u.n.",
        "european",
        "asia-pacific",
        "african union",
        "arab league",
        "nato",
        "world",
        "interpol",
        "commonwealth",
        "organization of",
        "organisation of",
    ];
    let lower = name.to_lowercase();
    MARKS.iter().any(|m| lower.contains(m)) || lower.split_whitespace().any(|w| w == "un")
}

/// The actor a merged phrase names.
fn actor_of(
    text: &str,
    toks: &[Tok],
    units: &[Unit],
    mentions: &[&EntityMention],
    entities: &BTreeMap<&EntityId, &Entity>,
) -> Actor {
    let start = units.first().map_or(0, |u| u.start);
    let end = units.last().map_or(0, |u| u.end);
    let span = Span::new(
        toks.get(start).map_or(0, |t| t.span.start),
        toks.get(end.saturating_sub(1)).map_or(0, |t| t.span.end),
    );
    let ms: Vec<&EntityMention> = units
        .iter()
        .filter_map(|u| match u.kind {
            UnitKind::Mention(i) => mentions.get(i).copied(),
            UnitKind::Agent(_) => None,
        })
        .collect();
    let rank = |k: EntityKind| match k {
        EntityKind::Person => 3,
        EntityKind::Group | EntityKind::Organization => 2,
        EntityKind::Country | EntityKind::Place => 1,
    };
    let head = ms
        .iter()
        .enumerate()
        .max_by_key(|(i, m)| (rank(m.kind), *i))
        .map(|(i, m)| {
            // "Bosnian Serbs", "Kosovo Albanian leaders": a people named
            // after the country it lives in is that country's.
            let before = i.checked_sub(1).map(|j| ms[j]);
            match before {
                Some(b)
                    if m.kind == EntityKind::Country
                        && b.kind == EntityKind::Country
                        && b.entity != m.entity
                        && text.get(b.span.end..m.span.start) == Some(" ") =>
                {
                    b
                }
                _ => *m,
            }
        });
    let entity = head.and_then(|m| entities.get(&m.entity).copied());
    let country = entity.and_then(|e| e.country.clone()).or_else(|| {
        ms.iter()
            .find_map(|m| entities.get(&m.entity).and_then(|e| e.country.clone()))
    });
    // "opponents of Rwanda's Senate", "critics of the government": an
    // opposition noun before "of", "from" or "in" heads the phrase, unless
    // it names a part of the party that follows ("supporters of the
    // president"); otherwise the last agent noun does ("Kenya's army",
    // "doctors from two American aid groups").
    let fronted = match units {
        [first, second, ..] => match &first.kind {
            UnitKind::Agent(s)
                if s == "OPP"
                    && second.start > first.end
                    && toks[first.end].is(&["of", "from", "in"])
                    && !toks[first.end - 1].is(PARTITIVES) =>
            {
                Some(s.clone())
            }
            _ => None,
        },
        _ => None,
    };
    let agent = fronted.clone().or_else(|| last_agent_sector(toks, units));
    let head_is_place = head.is_some_and(|m| matches!(m.kind, EntityKind::Country | EntityKind::Place));
    // An organisation of no country the knowledge base gave no sector,
    // named as international, is an international organisation.
    let international = head.is_some_and(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Group))
        && country.is_none()
        && entity.is_some_and(|e| e.sector.is_none() && international_name(&e.name));
    let agent_sector = agent.clone();
    let sector = if fronted.is_some() || head_is_place || head.is_none() {
        agent.or_else(|| entity.and_then(|e| e.sector.clone()))
    } else if international {
        Some("IGO".to_owned())
    } else {
        entity.and_then(|e| e.sector.clone()).or(agent)
    };
    // "ethnic Albanians": a people, not the country of its name.
    let ethnic =
        head.is_some_and(|m| m.kind == EntityKind::Country) && start > 0 && toks[start - 1].is(&["ethnic"]);
    if ethnic {
        return Actor {
            name: span.slice(text).unwrap_or("").to_owned(),
            span,
            entity: None,
            kind: None,
            country: None,
            sector: Some(agent_sector.clone().unwrap_or_else(|| "ETH".to_owned())),
            agent_sector,
            gender: None,
        };
    }
    Actor {
        name: span.slice(text).unwrap_or("").to_owned(),
        span,
        entity: head.map(|m| m.entity.clone()),
        kind: head.map(|m| m.kind),
        country,
        sector,
        agent_sector,
        gender: entity.and_then(|e| e.gender),
    }
}
