//! The coder's knowledge: verb patterns, event nouns, agent nouns, weapon
//! words and the CAMEO→PLOVER table, from the compiled-in core
//! (`core.tsv`, written for sitrep) plus, when set-up converted them, the
//! PETRARCH/CAMEO verb dictionary and the PLOVER table
//! (`scripts/build_event_lexicon.py` writes `$SITREP_HOME/events/lexicon.tsv`).
//!
//! File format (UTF-8, tab-separated, one record per line, `#` comments,
//! `-` for an empty field; the converted file starts with
//! `sitrep-events<TAB>1`):
//!
//! ```text
//! source  NAME     DETAIL
//! verb    PATTERN  CAMEO  TYPE  MODE  CONTEXT  ROLES
//! noun    WORDS    CAMEO  TYPE  MODE  CONTEXT  -
//! agent   WORDS    SECTOR
//! weapon  WORDS    MODE   TYPE
//! form    WORD     LEMMA
//! plover  CAMEO    TYPE   MODE  CONTEXT
//! figurative  WORDS|WORDS…
//! idiom   VERB [PARTICLES]  WORDS|WORDS…
//! contest VERB|VERB…        WORDS|WORDS…
//! ```
//!
//! The last three keep common English out of the events: a verb of
//! violence whose object phrase is headed by a `figurative` word ("fight
//! corruption"), a verb whose object phrase holds an `idiom` word
//! ("pleaded guilty", "released a patch"), and a `contest` verb in a
//! clause holding one of its words ("narrowly beat", "beat … in the title
//! game") code nothing.
//!
//! PATTERN is a verb lemma (after an adverb in brackets that must stand
//! right before it: "(sexually) abuse"), adjacent particles, then `+`
//! object lemmas
//! (`|` alternatives, `_` joining multi-word objects). ROLES lists where
//! the target is found (`obj` or prepositions) and flags (`sym`, `frame`,
//! `ctl`, `need-target`, `need-place`); see `core.tsv`.
//!
//! Patterns from the converted dictionary only add what the core lacks: a
//! pattern whose verb, particles and objects the core already has keeps
//! the core's coding.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use foldhash::fast::FixedState;

use sitrep_model::PloverType;
use thiserror::Error;

use crate::cameo;

/// A map looked up by word per token: hashed, not ordered (nothing
/// iterates it).
type WordMap<V> = HashMap<String, V, FixedState>;

/// Why a lexicon file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LexiconError {
    /// The file does not start with the `sitrep-events` header.
    #[error("not a sitrep event lexicon (missing header)")]
    MissingHeader,
    /// The file is not UTF-8.
    #[error("not UTF-8")]
    NotUtf8,
    /// A record is malformed.
    #[error("line {line}: {reason}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// One verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The verb lemma.
    pub verb: String,
    /// An adverb that must stand right before the verb ("sexually" of
    /// "sexually abuse").
    pub adverb: Option<String>,
    /// Words that must follow the verb directly ("for" of "call for").
    pub particles: Vec<String>,
    /// Object alternatives, each a sequence of lemmas; empty: none needed.
    pub objects: Vec<Vec<String>>,
    /// CAMEO code.
    pub code: String,
    /// PLOVER type.
    pub kind: PloverType,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context.
    pub context: Option<String>,
    /// Where the target is: `obj` or prepositions.
    pub slots: Vec<String>,
    /// A compound subject acts on itself.
    pub sym: bool,
    /// Takes an action as complement.
    pub frame: bool,
    /// Its object names the act itself ("reached an agreement", "accepted
    /// the plan"): a frame coded without a complement.
    pub act: bool,
    /// Its object is the one asked or ordered ("urged X to").
    pub ctl: bool,
    /// No event without a target (or a compound subject, when `sym`).
    pub need_target: bool,
    /// The target must be a place ("took Goma").
    pub need_place: bool,
    /// From the compiled-in core (rather than a converted dictionary).
    pub core: bool,
}

impl Pattern {
    /// How specific the pattern is: more required words win.
    pub fn specificity(&self) -> usize {
        let objects = self.objects.iter().map(Vec::len).max().unwrap_or(0);
        1 + usize::from(self.adverb.is_some()) + self.particles.len() + 2 * objects
    }
}

/// An event noun ("ceasefire", "withdrawal").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noun {
    /// Its lemmas (one or more words).
    pub words: Vec<String>,
    /// CAMEO code of the action it names.
    pub code: String,
    /// PLOVER type its line gives, when it gives one.
    pub kind: Option<PloverType>,
}

/// A verb with particles whose object words make it no event.
#[derive(Debug, Clone, Default)]
struct Idiom {
    particles: Vec<String>,
    objects: Vec<Vec<String>>,
}

/// The coder's knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    patterns: Vec<Pattern>,
    by_verb: WordMap<Vec<usize>>,
    nouns: WordMap<Vec<Noun>>,
    agents: WordMap<Vec<(Vec<String>, String)>>,
    weapons: WordMap<Vec<(Vec<String>, String, PloverType)>>,
    forms: WordMap<String>,
    /// Object heads that make a verb of violence figurative.
    figurative: Vec<Vec<String>>,
    /// Verb lemma → (particles, object words) that make it no event.
    idioms: WordMap<Vec<Idiom>>,
    /// Verb lemma → words that make its clause a contest won.
    contests: WordMap<Vec<Vec<String>>>,
    table: BTreeMap<String, (PloverType, Option<String>, Option<String>)>,
    sources: Vec<(String, String)>,
}

const CORE: &str = include_str!("core.tsv");

/// The header of a converted lexicon file.
pub const HEADER: &str = "sitrep-events\t1";

fn field(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_owned())
}

fn words(s: &str) -> Vec<String> {
    s.split('_')
        .flat_map(|w| w.split(' '))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The `|`-separated alternatives of a field, each as its [`words`].
fn alternatives(s: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    s.split('|').map(words).filter(|w| !w.is_empty())
}

impl Lexicon {
    /// The compiled-in core only.
    pub fn builtin() -> Self {
        let mut lex = Self::default();
        // The core is part of the source; a malformed line is a bug the
        // tests catch, so errors here are skipped rather than reported.
        let _ = lex.load(CORE, true);
        lex.sources
            .push(("core".into(), format!("{} patterns", lex.patterns.len())));
        lex
    }

    /// The core plus a converted lexicon file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, LexiconError> {
        let text = std::str::from_utf8(bytes).map_err(|_| LexiconError::NotUtf8)?;
        if !text.starts_with(HEADER) {
            return Err(LexiconError::MissingHeader);
        }
        let mut lex = Self::builtin();
        lex.load(text, false)?;
        Ok(lex)
    }

    /// Does this lexicon include converted dictionaries?
    pub fn has_dictionaries(&self) -> bool {
        self.patterns.iter().any(|p| !p.core) || !self.table.is_empty()
    }

    /// What the lexicon was built from: (name, detail).
    pub fn sources(&self) -> &[(String, String)] {
        &self.sources
    }

    /// Number of verb patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    fn load(&mut self, text: &str, core: bool) -> Result<(), LexiconError> {
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("sitrep-events") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |reason: &str| LexiconError::BadLine {
                line: line_no,
                reason: reason.to_owned(),
            };
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            match cols[0] {
                "source" => self.sources.push((col(1).to_owned(), col(2).to_owned())),
                "verb" => {
                    if let Some(p) = self.parse_pattern(&cols, core).map_err(|r| bad(&r))? {
                        self.add_pattern(p);
                    }
                }
                "noun" => {
                    let w = words(col(1));
                    let code = field(col(2)).ok_or_else(|| bad("noun without a code"))?;
                    if let Some(last) = w.last().cloned() {
                        let entry = self.nouns.entry(last).or_default();
                        if !entry.iter().any(|n| n.words == w) {
                            let kind = PloverType::parse(col(3));
                            entry.push(Noun { words: w, code, kind });
                        }
                    }
                }
                "agent" => {
                    let w = words(col(1));
                    let sector = field(col(2)).ok_or_else(|| bad("agent without a sector"))?;
                    if let Some(last) = w.last().cloned() {
                        let entry = self.agents.entry(last).or_default();
                        if !entry.iter().any(|(x, _)| *x == w) {
                            entry.push((w, sector));
                        }
                    }
                }
                "weapon" => {
                    let w = words(col(1));
                    let mode = field(col(2)).ok_or_else(|| bad("weapon without a mode"))?;
                    let kind = PloverType::parse(col(3)).ok_or_else(|| bad("unknown type"))?;
                    if let Some(last) = w.last().cloned() {
                        self.weapons.entry(last).or_default().push((w, mode, kind));
                    }
                }
                "figurative" => {
                    self.figurative.extend(alternatives(col(1)));
                }
                "idiom" => {
                    let mut head = col(1).split_whitespace().map(str::to_lowercase);
                    let verb = head.next().ok_or_else(|| bad("idiom without a verb"))?;
                    let particles: Vec<String> = head.collect();
                    let objects = alternatives(col(2));
                    let list = self.idioms.entry(verb).or_default();
                    // Lines of the same verb and particles add up.
                    match list.iter_mut().find(|i| i.particles == particles) {
                        Some(idiom) => idiom.objects.extend(objects),
                        None => list.push(Idiom {
                            particles,
                            objects: objects.collect(),
                        }),
                    }
                }
                "contest" => {
                    let clause_words: Vec<Vec<String>> = alternatives(col(2)).collect();
                    for verb in col(1).split('|').map(str::trim).filter(|v| !v.is_empty()) {
                        self.contests
                            .entry(verb.to_lowercase())
                            .or_default()
                            .extend(clause_words.iter().cloned());
                    }
                }
                "form" => {
                    if let (Some(form), Some(lemma)) = (field(col(1)), field(col(2))) {
                        self.forms
                            .entry(form.to_lowercase())
                            .or_insert(lemma.to_lowercase());
                    }
                }
                "plover" => {
                    let code = field(col(1)).ok_or_else(|| bad("plover row without a code"))?;
                    let kind = PloverType::parse(col(2)).ok_or_else(|| bad("unknown type"))?;
                    self.table.insert(code, (kind, field(col(3)), field(col(4))));
                }
                other => return Err(bad(&format!("unknown record kind {other:?}"))),
            }
        }
        Ok(())
    }

    fn parse_pattern(&self, cols: &[&str], core: bool) -> Result<Option<Pattern>, String> {
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        let mut verb = None;
        let mut adverb = None;
        let mut particles = Vec::new();
        let mut objects: Vec<Vec<String>> = Vec::new();
        for (n, part) in col(1).split_whitespace().enumerate() {
            if let Some(obj) = part.strip_prefix('+') {
                objects.extend(alternatives(obj));
            } else if let Some(word) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')'))
                && n == 0
            {
                adverb = Some(word.to_lowercase());
            } else if verb.is_none() {
                verb = Some(part.to_lowercase());
            } else {
                particles.push(part.to_lowercase());
            }
        }
        let verb = verb.ok_or("pattern without a verb")?;
        let code = field(col(2)).ok_or("pattern without a CAMEO code")?;
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("CAMEO code {code:?} is not numeric"));
        }
        let derived = self.plover(&code);
        let kind = match field(col(3)) {
            Some(t) => PloverType::parse(&t).ok_or_else(|| format!("unknown type {t}"))?,
            None => match &derived {
                Some((k, _, _)) => *k,
                // No PLOVER category (CAMEO 01 statements): not coded.
                None => return Ok(None),
            },
        };
        let (mode, context) = match (field(col(3)), &derived) {
            (None, Some((_, m, c))) => (
                field(col(4)).or_else(|| m.clone()),
                field(col(5)).or_else(|| c.clone()),
            ),
            _ => (field(col(4)), field(col(5))),
        };
        let mut p = Pattern {
            verb,
            adverb,
            particles,
            objects,
            code,
            kind,
            mode,
            context,
            slots: Vec::new(),
            sym: false,
            frame: false,
            act: false,
            ctl: false,
            need_target: false,
            need_place: false,
            core,
        };
        for role in col(6).split_whitespace() {
            match role {
                "-" => {}
                "sym" => p.sym = true,
                "frame" => p.frame = true,
                "act" => p.act = true,
                "ctl" => p.ctl = true,
                "need-target" => p.need_target = true,
                "need-place" => p.need_place = true,
                slot => p.slots.push(slot.to_lowercase()),
            }
        }
        if p.slots.is_empty() && !core {
            p.slots = vec!["obj".into()];
        }
        // A consultation has a counterpart, named as the object or after
        // "with" or "from" ("received a call from Rubio"): "received a
        // distress call" names none, and is no consultation.
        if !core && p.kind == PloverType::Consult {
            p.need_target = true;
            for slot in ["with", "from"] {
                if !p.slots.iter().any(|s| s == slot) {
                    p.slots.push(slot.into());
                }
            }
        }
        Ok(Some(p))
    }

    fn add_pattern(&mut self, mut p: Pattern) {
        let same = |q: &Pattern| {
            q.verb == p.verb && q.adverb == p.adverb && q.particles == p.particles && q.objects == p.objects
        };
        // A dictionary pattern of a verb the core knows in the same
        // category reads its actors the way the core does ("call for
        // +ceasefire" is still a frame whose target is in its complement).
        if !p.core
            && let Some(core) = self.by_verb.get(&p.verb).and_then(|list| {
                list.iter().filter_map(|&i| self.patterns.get(i)).find(|q| {
                    q.core && q.particles == p.particles && q.objects.is_empty() && q.kind == p.kind
                })
            })
        {
            p.slots.clone_from(&core.slots);
            p.sym = core.sym;
            p.frame = core.frame;
            p.ctl = core.ctl;
            p.need_target = core.need_target;
            p.need_place = core.need_place;
        }
        if let Some(list) = self.by_verb.get(&p.verb)
            && list.iter().any(|&i| self.patterns.get(i).is_some_and(same))
        {
            return;
        }
        let index = self.patterns.len();
        self.by_verb.entry(p.verb.clone()).or_default().push(index);
        self.patterns.push(p);
    }

    /// Object heads that make a bare verb of violence figurative ("fight
    /// corruption", "attacked the plan"), each a sequence of lemmas.
    pub fn figurative(&self) -> &[Vec<String>] {
        &self.figurative
    }

    /// The object words that make `verb` with `particles` no event
    /// ("plead guilty", "pull out a revolver"), each a sequence of lemmas.
    pub fn idiom_objects(&self, verb: &str, particles: &[String]) -> &[Vec<String>] {
        self.idioms
            .get(verb)
            .and_then(|list| list.iter().find(|i| i.particles == particles))
            .map_or(&[], |i| i.objects.as_slice())
    }

    /// The words that make a clause of `verb` a contest won, not violence
    /// ("beat" with "election", "game", "narrowly").
    pub fn contest_words(&self, verb: &str) -> &[Vec<String>] {
        self.contests.get(verb).map_or(&[], Vec::as_slice)
    }

    /// The verb patterns whose verb is `lemma`.
    pub fn patterns_for(&self, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.by_verb
            .get(lemma)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.patterns.get(i))
    }

    /// Is `lemma` a verb of some pattern?
    pub fn is_verb(&self, lemma: &str) -> bool {
        self.by_verb.contains_key(lemma)
    }

    /// Is `lemma` the verb of a pattern of the compiled-in core?
    pub fn is_core_verb(&self, lemma: &str) -> bool {
        self.patterns_for(lemma).any(|p| p.core)
    }

    /// The lemma of an irregular form the dictionary lists, if any.
    pub fn form(&self, word: &str) -> Option<&str> {
        self.forms.get(word).map(String::as_str)
    }

    /// Event nouns whose last word is `lemma`.
    pub fn nouns_ending(&self, lemma: &str) -> &[Noun] {
        self.nouns.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Agent phrases whose last word is `word`: (words, sector).
    pub fn agents_ending(&self, word: &str) -> &[(Vec<String>, String)] {
        self.agents.get(word).map_or(&[], Vec::as_slice)
    }

    /// Weapon phrases whose last word is `word`: (words, mode, type).
    pub fn weapons_ending(&self, word: &str) -> &[(Vec<String>, String, PloverType)] {
        self.weapons.get(word).map_or(&[], Vec::as_slice)
    }

    /// PLOVER type, mode and context of a CAMEO code: the converted table
    /// when loaded, else the compiled-in mapping by CAMEO category.
    pub fn plover(&self, code: &str) -> Option<(PloverType, Option<String>, Option<String>)> {
        if let Some((k, m, c)) = self.table.get(code) {
            return Some((*k, m.clone(), c.clone()));
        }
        cameo::plover_of(code).map(|(k, m, c)| (k, m.map(str::to_owned), c.map(str::to_owned)))
    }

    /// Every verb lemma (for tests and diagnostics).
    pub fn verbs(&self) -> BTreeSet<&str> {
        self.by_verb.keys().map(String::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lex: &Lexicon, verb: &str, expected: &[&str]) {
        let got: Vec<String> = lex
            .patterns_for(verb)
            .map(|p| {
                let mut s = p.verb.clone();
                for w in &p.particles {
                    s.push(' ');
                    s.push_str(w);
                }
                if !p.objects.is_empty() {
                    let alts: Vec<String> = p.objects.iter().map(|o| o.join("_")).collect();
                    s.push_str(&format!(" +{}", alts.join("|")));
                }
                format!("{s} {} {}", p.code, p.kind)
            })
            .collect();
        assert_eq!(got, expected, "{verb}");
    }

    #[test]
    fn the_core_parses_completely() {
        let lex = Lexicon::builtin();
        let mut expected_lines = 0;
        for line in CORE.lines() {
            if line.starts_with("verb\t") {
                expected_lines += 1;
            }
        }
        assert_eq!(
            lex.pattern_count(),
            expected_lines,
            "every core verb line is a pattern"
        );
        assert!(!lex.has_dictionaries());
        check(
            &lex,
            "withdraw",
            &[
                "withdraw 0874 RETREAT",
                "withdraw +inspector|observer|monitor|peacekeeper|worker|mission 166 SANCTION",
                "withdraw +ambassador|envoy 161 SANCTION",
                "withdraw from +talk|negotiation|dialogue|summit 164 SANCTION",
                "withdraw from +agreement|deal|accord|treaty|pact 160 SANCTION",
                "withdraw as +mediator|facilitator 165 SANCTION",
                "withdraw from +mediation 165 SANCTION",
            ],
        );
        check(
            &lex,
            "impose",
            &[
                "impose +sanction|embargo 163 SANCTION",
                "impose +tariff|duty|levy 163 SANCTION",
                "impose +ban|boycott 163 SANCTION",
                "impose +restriction 172 COERCE",
                "impose +curfew 1723 COERCE",
                "impose +state_of_emergency|martial_law 1724 COERCE",
                "impose +blockade|siege 191 COERCE",
            ],
        );
        assert_eq!(lex.nouns_ending("ceasefire").len(), 1);
        assert_eq!(
            lex.agents_ending("soldiers").first().map(|a| a.1.as_str()),
            Some("MIL")
        );
    }

    #[test]
    fn converted_files_add_to_the_core_and_bad_lines_are_reported() {
        let file = format!(
            "{HEADER}\nsource\tcameo\ttest\nverb\tbrandish +sword\t138\t-\t-\t-\t-\nverb\twithdraw\t0874\t-\t-\t-\t-\n\
             verb\tgreet\t010\t-\t-\t-\t-\nplover\t138\tTHREATEN\tviolence\tmilitary\nform\tslew\tslay\n"
        );
        let lex = Lexicon::from_bytes(file.as_bytes()).expect("parses");
        assert!(lex.has_dictionaries());
        check(&lex, "brandish", &["brandish +sword 138 THREATEN"]);
        check(&lex, "greet", &[]);
        assert_eq!(lex.form("slew"), Some("slay"));
        assert_eq!(
            lex.plover("138").map(|(k, m, _)| (k, m)),
            Some((PloverType::Threaten, Some("violence".into())))
        );
        assert_eq!(
            Lexicon::from_bytes(b"verb\tx\t1\n").err(),
            Some(LexiconError::MissingHeader)
        );
        let bad = format!("{HEADER}\nbogus\tline\n");
        assert!(matches!(
            Lexicon::from_bytes(bad.as_bytes()),
            Err(LexiconError::BadLine { line: 2, .. })
        ));
        assert_eq!(
            Lexicon::from_bytes(&[0xff, 0xfe]).err(),
            Some(LexiconError::NotUtf8)
        );
    }

    #[test]
    fn idiom_contest_and_figurative_lines_add_up_per_verb() {
        let lines = [
            "idiom\tpull out\tgun",
            "idiom\tpull out\tknife|pocket_knife",
            "idiom\tpull\tlever",
            "contest\tbeat|outfox\tgame",
            "contest\tbeat\tvote",
            "figurative\tpoverty|climate_change",
        ];
        let file = format!("{HEADER}\n{}\n", lines.join("\n"));
        let lex = Lexicon::from_bytes(file.as_bytes()).expect("parses");
        let flat = |list: &[Vec<String>]| list.iter().map(|w| w.join("_")).collect::<Vec<_>>();
        let out = ["out".to_owned()];
        let pull_out = flat(lex.idiom_objects("pull", &out));
        for word in ["gun", "knife", "pocket_knife"] {
            assert!(pull_out.iter().any(|w| w == word), "{word} in {pull_out:?}");
        }
        assert!(
            !pull_out.iter().any(|w| w == "lever"),
            "particles keep idioms apart"
        );
        assert!(flat(lex.idiom_objects("pull", &[])).iter().any(|w| w == "lever"));
        assert!(lex.idiom_objects("push", &[]).is_empty());
        let beat = flat(lex.contest_words("beat"));
        assert!(beat.iter().any(|w| w == "game") && beat.iter().any(|w| w == "vote"));
        assert!(!flat(lex.contest_words("outfox")).iter().any(|w| w == "vote"));
        let figurative = flat(lex.figurative());
        assert!(
            figurative.iter().any(|w| w == "poverty") && figurative.iter().any(|w| w == "climate_change")
        );
    }
}
