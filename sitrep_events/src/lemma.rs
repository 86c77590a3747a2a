//! Lemma candidates for inflected English words: "seized" → seize, seiz;
//! "stopped" → stop; "met" → meet; "talks" → talk.
//!
//! Why candidates rather than one answer: without a word list the suffix
//! rules cannot tell "captured" (capture) from "attacked" (attack) or
//! "stopped" (stop); the lexicon can. So [`candidates`] proposes every
//! plausible base form, most likely first, and the caller keeps the first
//! one its lexicon knows. [`Form`] says which inflection was stripped,
//! which the clause analysis uses (a past participle after "was" is a
//! passive).

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

/// The inflection a word form carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The base form ("meet").
    Base,
    /// Third person singular or a plural noun ("meets", "talks").
    S,
    /// Past tense or past participle ("met", "captured").
    Past,
    /// Present participle or gerund ("meeting").
    Ing,
}

/// Irregular past forms (past tense and participle) → base.
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("arisen", "arise"),
    ("ate", "eat"),
    ("bade", "bid"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("cut", "cut"),
    ("dealt", "deal"),
    ("did", "do"),
    ("done", "do"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("found", "find"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("got", "get"),
    ("gotten", "get"),
    ("went", "go"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("had", "have"),
    ("has", "have"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hit", "hit"),
    ("hung", "hang"),
    ("hurt", "hurt"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("let", "let"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overran", "overrun"),
    ("overrun", "overrun"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("paid", "pay"),
    ("put", "put"),
    ("quit", "quit"),
    ("ran", "run"),
    ("rang", "ring"),
    ("read", "read"),
    ("retook", "retake"),
    ("retaken", "retake"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("said", "say"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("set", "set"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("split", "split"),
    ("spread", "spread"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("strove", "strive"),
    ("striven", "strive"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("stuck", "stick"),
    ("sunk", "sink"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swept", "sweep"),
    ("took", "take"),
    ("taken", "take"),
    ("taught", "teach"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("told", "tell"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("upheld", "uphold"),
    ("woke", "wake"),
    ("wore", "wear"),
    ("won", "win"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withheld", "withhold"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Plural nouns that are not a base plus "s".
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("men", "man"),
    ("women", "woman"),
    ("people", "person"),
    ("children", "child"),
    ("police", "police"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
];

/// [`IRREGULAR`] by form (the first entry of a form wins, as a search
/// of the list in order finds it).
static IRREGULAR_BY_FORM: LazyLock<FormMap> = LazyLock::new(|| by_form(IRREGULAR));

/// [`IRREGULAR_PLURALS`] by form.
static IRREGULAR_PLURALS_BY_FORM: LazyLock<FormMap> = LazyLock::new(|| by_form(IRREGULAR_PLURALS));

/// Base forms by form, hashed with foldhash's fixed seed (SipHash was
/// 1% of an ingest's CPU on these lookups).
type FormMap = HashMap<&'static str, &'static str, FixedState>;

fn by_form(pairs: &[(&'static str, &'static str)]) -> FormMap {
    let mut out = FormMap::with_capacity_and_hasher(pairs.len(), FixedState::default());
    for (form, base) in pairs {
        out.entry(*form).or_insert(*base);
    }
    out
}

/// Base-form candidates of a lower-case word, most likely first, each with
/// the inflection it implies. The word itself always comes first (as
/// [`Form::Base`]) unless it is a known irregular form.
pub fn candidates(word: &str) -> Vec<(String, Form)> {
    let mut out: Vec<(String, Form)> = Vec::new();
    let mut add = |w: &str, f: Form| {
        if w.len() >= 2 && !out.iter().any(|(x, _)| x == w) {
            out.push((w.to_owned(), f));
        }
    };
    if let Some(base) = IRREGULAR_BY_FORM.get(word) {
        add(base, Form::Past);
    }
    if let Some(base) = IRREGULAR_PLURALS_BY_FORM.get(word) {
        add(base, Form::S);
    }
    add(word, Form::Base);
    if let Some(stem) = word.strip_suffix("ied") {
        add(&format!("{stem}y"), Form::Past);
    }
    if let Some(stem) = word.strip_suffix("ed") {
        add(&format!("{stem}e"), Form::Past);
        add(stem, Form::Past);
        if let Some(single) = undouble(stem) {
            add(single, Form::Past);
        }
    }
    if let Some(stem) = word.strip_suffix("ing") {
        add(&format!("{stem}e"), Form::Ing);
        add(stem, Form::Ing);
        if let Some(single) = undouble(stem) {
            add(single, Form::Ing);
        }
        if let Some(stem) = stem.strip_suffix('y') {
            add(&format!("{stem}ie"), Form::Ing);
        }
    }
    if let Some(stem) = word.strip_suffix("ies") {
        add(&format!("{stem}y"), Form::S);
    }
    if let Some(stem) = word.strip_suffix("es") {
        add(stem, Form::S);
        add(&format!("{stem}e"), Form::S);
    }
    if let Some(stem) = word.strip_suffix('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
    {
        add(stem, Form::S);
    }
    out
}

/// "stopp" → "stop", "expell" → "expel" ("shell" is proposed first, so
/// the lexicon keeps it).
fn undouble(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    if n >= 3 && bytes[n - 1] == bytes[n - 2] && !matches!(bytes[n - 1], b's' | b'e' | b'o') {
        stem.get(..n - 1)
    } else {
        None
    }
}

/// Is `word` (lower-case) a past tense or past participle form?
pub fn looks_past(word: &str) -> bool {
    word.ends_with("ed") || IRREGULAR_BY_FORM.contains_key(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected_first_known: &str, known: &[&str]) {
        let got = candidates(word)
            .into_iter()
            .find(|(c, _)| known.contains(&c.as_str()))
            .map(|(c, f)| format!("{c}/{f:?}"))
            .unwrap_or_default();
        assert_eq!(got, expected_first_known, "{word}");
    }

    #[test]
    fn candidates_find_the_known_base() {
        let known = [
            "capture", "attack", "stop", "meet", "talk", "shell", "seize", "urge", "accuse", "withdraw",
            "carry", "die", "crisis", "call",
        ];
        check("captured", "capture/Past", &known);
        check("attacked", "attack/Past", &known);
        check("stopped", "stop/Past", &known);
        check("stopping", "stop/Ing", &known);
        check("met", "meet/Past", &known);
        check("meeting", "meet/Ing", &known);
        check("talks", "talk/S", &known);
        check("shelled", "shell/Past", &known);
        check("expelled", "expel/Past", &["expel"]);
        check("seizing", "seize/Ing", &known);
        check("urges", "urge/S", &known);
        check("accuses", "accuse/S", &known);
        check("withdrew", "withdraw/Past", &known);
        check("carried", "carry/Past", &known);
        check("dying", "die/Ing", &known);
        check("crises", "crisis/S", &known);
        check("calls", "call/S", &known);
        check("xyz", "", &known);
    }

    #[test]
    fn past_forms_are_recognised() {
        assert!(looks_past("captured"));
        assert!(looks_past("withdrawn"));
        assert!(!looks_past("meets"));
    }
}
