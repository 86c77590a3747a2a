//! The shallow analysis of one sentence that coding reads: tokens, actor
//! chunks, event triggers (verbs matched against the lexicon) and the
//! clause questions — where a clause starts and ends, what a verb's
//! subject is, whether the verb is passive, negated, modal, governed by
//! another verb through "to", or reported by a verb of saying.
//!
//! Why shallow rules rather than a parser: no parsing model ships in a
//! package here, and news sentences that carry events are mostly simple
//! (subject – verb group – object – prepositional phrases). The rules are
//! deliberately conservative: when they cannot find a subject, no event is
//! coded (precision over recall).

use std::cell::OnceCell;
use std::collections::BTreeMap;

use sitrep_model::{Entity, EntityId, EntityKind, EntityMention, PloverType, Span, TimeExpression};

use crate::actors::{self, Chunk};
use crate::lemma::{self, Form};
use crate::lexicon::{Lexicon, Noun, Pattern};
use crate::text::{Tag, Tok, tokenize};

/// Adverbs that may sit inside a verb group ("has also agreed").
const ADVERBS: &[&str] = &[
    "also",
    "again",
    "still",
    "already",
    "now",
    "then",
    "just",
    "reportedly",
    "jointly",
    "immediately",
    "unanimously",
    "formally",
    "officially",
    "once",
    "outright",
    "twice",
    "further",
    "even",
    "only",
    "yet",
    "finally",
    "later",
    "earlier",
    "recently",
    "previously",
    "separately",
    "today",
    "here",
    "yesterday",
    "tonight",
    "currently",
    "apparently",
    "allegedly",
    "repeatedly",
    "initially",
    "subsequently",
    "swiftly",
    "quickly",
    "directly",
    "publicly",
    "openly",
    "strongly",
    "firmly",
    "flatly",
    "outright",
    "unilaterally",
    "briefly",
    "personally",
    "ever",
    "since",
    "nonetheless",
    "however",
    "meanwhile",
    "indeed",
    "effectively",
    "largely",
    "partly",
    "jointly",
    "in",
    "principle",
];

/// Words opening a relative clause set off by a comma (", which …",
/// ", whose troops …").
pub(crate) const RELATIVE_OPENERS: &[&str] = &["who", "whom", "whose", "which"];

/// Verbs of saying: their clause reports another.
const SAYING: &[&str] = &[
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "claim",
    "report",
    "confirm",
    "declare",
    "note",
    "reiterate",
    "stress",
    "emphasize",
    "emphasise",
    "write",
    "assert",
    "argue",
    "allege",
    "believe",
    "think",
    "insist",
    "conclude",
    "maintain",
    "acknowledge",
    "admit",
    "explain",
    "indicate",
    "suggest",
    "quote",
    "predict",
    "estimate",
    "understand",
    "know",
    "hope",
    "fear",
    "expect",
];

/// Words after which "to" + verb states an intention or a plan.
const INTENT_CONTROLLERS: &[&str] = &[
    "plan",
    "intend",
    "decide",
    "prepare",
    "aim",
    "expect",
    "want",
    "wish",
    "hope",
    "ready",
    "willing",
    "prepared",
    "set",
    "due",
    "going",
    "about",
    "likely",
    "poised",
    "scheduled",
    "determined",
    "keen",
    "eager",
    "resolve",
    "agree",
    "pledge",
    "promise",
    "vow",
    "commit",
    "committed",
    "offer",
    "threaten",
];

/// Words after which "to" + verb reports what happened.
const REALIS_CONTROLLERS: &[&str] = &[
    "begin", "start", "continue", "resume", "keep", "manage", "vote", "go", "proceed", "move", "help", "use",
    "succeed", "able", "come", "return", "resort",
];

/// Verbs that always take an object: a past participle of one with none
/// after it is passive ("soldiers killed in Ukraine").
const ALWAYS_TRANSITIVE: &[&str] = &[
    "abduct",
    "acquit",
    "arrest",
    "assassinate",
    "behead",
    "convict",
    "deport",
    "detain",
    "execute",
    "expel",
    "imprison",
    "indict",
    "injure",
    "jail",
    "kidnap",
    "kill",
    "sentence",
    "torture",
    "wound",
];

/// Verbs other than the controllers above whose complement is "to" +
/// verb: their past form before "to" is a finite verb, not a reduced
/// relative ("the group refused to …" against "funds allocated to …").
const TAKES_INFINITIVE: &[&str] = &["refuse", "decline", "fail", "try", "attempt", "seek", "swear"];

/// Verbs that send people somewhere or set up a body, whose purpose
/// infinitive is the task begun ("sent a team to Bosnia to investigate",
/// "set up a commission to look into"): the "to" phrase after one of the
/// sending verbs is the destination, not someone asked.
const DISPATCH: &[&str] = &["send", "dispatch", "despatch", "deploy", "fly"];

/// Verbs that set up a body or name people for a task (with "send" and
/// the rest of [`DISPATCH`]).
const ESTABLISH: &[&str] = &[
    "establish",
    "appoint",
    "form",
    "create",
    "name",
    "commission",
    "assign",
    "set",
];

/// Prepositions of place: the chunk they open says where, not who.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
];

/// Possessive determiners: inside an object phrase ("injured his left
/// knee"), not a pronoun that ends it. Not "her", which is as often the
/// object itself ("wounded her in the leg"); `actors::POSSESSIVE_PRONOUNS`
/// lists the owners a pronoun may stand for, a different question.
const POSSESSIVES: &[&str] = &["his", "its", "my", "our", "their", "your"];

/// Numbers written as words that open a measure after "by" ("shortened
/// by one hour"), besides numerals.
const MEASURE_NUMBERS: &[&str] = &["one", "two", "three", "four", "five", "six", "ten", "a", "an"];

/// Units of a measure after "by" ("by one hour", "by 50 percent").
const MEASURE_UNITS: &[&str] = &[
    "percent", "%", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "minute", "minutes", "point", "points",
];

/// Words that, before a number, make it approximate ("about 180
/// missiles"), rather than open a phrase of their own.
const APPROXIMATELY: &[&str] = &[
    "about",
    "around",
    "over",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
];

/// Verbs whose participle with "be" and "to" is the subject's own stance
/// ("is opposed to", "is committed to"), not a passive.
const STATIVE_PARTICIPLES: &[&str] = &["commit", "dedicate", "devote", "oppose"];

/// Verbs of aspect whose gerund reports the action ("resumed shelling").
const ASPECT: &[&str] = &["resume", "continue", "start", "begin", "keep", "renew", "step"];

/// Verbs whose gerund is an action not done ("stopped shelling").
const HALT: &[&str] = &[
    "stop", "cease", "end", "halt", "avoid", "deny", "refrain", "quit", "suspend", "consider", "discuss",
];

/// Nouns that head a compound whose first word would otherwise read as a
/// verb ("bomb squad", "bomb technician", "fire crews", "press
/// secretary", "protest leaders", "attack helicopters"): a service, its
/// people or its gear, never the object of the act.
const COMPOUND_HEADS: &[&str] = &[
    "secretary",
    "conference",
    "conferences",
    "briefing",
    "corps",
    "freedom",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "helicopter",
    "helicopters",
    "leader",
    "leaders",
    "organiser",
    "organisers",
    "organizer",
    "organizers",
    "movement",
    "squad",
    "squads",
    "technician",
    "technicians",
    "disposal",
    "expert",
    "experts",
    "unit",
    "units",
    "crew",
    "crews",
    "department",
    "departments",
    "truck",
    "trucks",
    "engine",
    "engines",
    "fighter",
    "fighters",
    "company",
    "companies",
    "firm",
    "firms",
    "operator",
    "operators",
    "network",
    "networks",
    "service",
    "services",
];

/// Verbs of legal coercion whose active voice always names who is
/// acted on ("charged him", "arrested two men").
const OBJECT_REQUIRED: &[&str] = &[
    "charge", "arrest", "jail", "convict", "sentence", "indict", "detain", "imprison",
];

/// Bare nouns after "by" that say how, not who ("spoke by phone", "met
/// by video link"): no passive's agent. Sorted.
const MEANS_OF_CONTACT: &[&str] = &[
    "email",
    "letter",
    "phone",
    "telephone",
    "video",
    "videoconference",
    "videolink",
];

/// Adjectives of readiness that sit in a verb group ("is ready to").
const READY: &[&str] = &[
    "ready",
    "willing",
    "prepared",
    "set",
    "due",
    "going",
    "about",
    "likely",
    "poised",
    "scheduled",
    "determined",
    "keen",
    "eager",
    "committed",
    "able",
    "unable",
    "unwilling",
    "reluctant",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'m", "'re",
];

/// Forms of "have" (an auxiliary of the perfect or a main verb).
const HAVE: &[&str] = &["have", "has", "had", "having"];

/// A verb matched against the lexicon.
#[derive(Debug, Clone)]
pub struct Trigger<'l> {
    /// The verb token.
    pub tok: usize,
    /// One past the last token of the matched pattern.
    pub end: usize,
    /// The pattern.
    pub pattern: &'l Pattern,
    /// The verb's inflection.
    pub form: Form,
    /// A passive whose subject holds the pattern's object words
    /// ("Sanctions were imposed on Iran").
    pub fronted: bool,
}

/// What the verb group before a verb says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the group (the verb itself when there is none).
    pub start: usize,
    /// A form of "be" (with a past participle: passive).
    pub be: bool,
    /// "not", "never", …
    pub negated: bool,
    /// The modal, if any ("will", "would", "must", …).
    pub modal: Option<String>,
}

/// How a verb is governed through "to".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// Not an infinitive.
    None,
    /// An intention or plan ("plans to", "is ready to", "is to").
    Intent,
    /// Reports what happened ("began to", "voted to").
    Realis,
    /// Under a frame trigger (the frame codes it).
    Frame(usize),
    /// A failure ("failed to reach agreement"): a cooperative act not
    /// done is a rejection; anything else codes nothing.
    Failed,
    /// Anything else (attempts, failures, purposes): not coded.
    Other,
}

/// The analysis of one sentence.
pub struct Sentence<'a, 'l> {
    /// The article text.
    pub text: &'a str,
    /// The sentence span.
    pub span: Span,
    /// Its tokens.
    pub toks: Vec<Tok>,
    /// Its actor chunks, in order.
    pub chunks: Vec<Chunk>,
    /// Token → chunk index.
    pub chunk_of: Vec<Option<usize>>,
    /// Tokens inside a time expression.
    pub in_time: Vec<bool>,
    /// Triggers in order.
    pub triggers: Vec<Trigger<'l>>,
    /// [`lemma::candidates`] of each token, computed when first asked.
    lemmas: Vec<OnceCell<Vec<(String, Form)>>>,
    lex: &'l Lexicon,
}

impl<'a, 'l> Sentence<'a, 'l> {
    /// Analyse the sentence at `span`.
    pub fn new(
        text: &'a str,
        span: Span,
        mentions: &[&EntityMention],
        entities: &BTreeMap<&EntityId, &Entity>,
        times: &[&TimeExpression],
        lex: &'l Lexicon,
    ) -> Self {
        let toks = tokenize(text, span);
        let chunks = actors::chunks(text, &toks, mentions, entities, lex);
        let mut chunk_of = vec![None; toks.len()];
        for (ci, c) in chunks.iter().enumerate() {
            for slot in chunk_of.iter_mut().take(c.end).skip(c.start) {
                *slot = Some(ci);
            }
        }
        let in_time = toks
            .iter()
            .map(|t| {
                times
                    .iter()
                    .any(|x| t.span.start >= x.span.start && t.span.end <= x.span.end)
            })
            .collect();
        let mut s = Self {
            text,
            span,
            lemmas: vec![OnceCell::new(); toks.len()],
            toks,
            chunks,
            chunk_of,
            in_time,
            triggers: Vec::new(),
            lex,
        };
        s.triggers = s.find_triggers();
        s
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// [`lemma::candidates`] of token `i` (none past the end).
    pub fn lemmas(&self, i: usize) -> &[(String, Form)] {
        match (self.lemmas.get(i), self.toks.get(i)) {
            (Some(cell), Some(t)) => cell.get_or_init(|| lemma::candidates(&t.lower)),
            _ => &[],
        }
    }

    fn is_adverb(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.tag == Tag::Word && !t.capital && (t.lower.ends_with("ly") || t.is(ADVERBS))
                || (t.tag == Tag::Prep
                    && t.is(&["in"])
                    && self.tok(i + 1).is_some_and(|n| n.is(&["principle"])))
        })
    }

    /// Does a chunk of actors (not a bare pronoun) cover token `i`?
    fn in_actor_chunk(&self, i: usize) -> bool {
        self.chunk_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.chunks.get(c))
            .is_some_and(|c| !c.actors.is_empty())
    }

    /// Lemma candidates of token `i` that the lexicon knows as verbs.
    pub(crate) fn verb_lemmas(&self, i: usize) -> Vec<(String, Form)> {
        let Some(t) = self.tok(i) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // The dictionary's listed forms are mostly irregular pasts
        // ("fled"), but also third persons ("bans") and gerunds.
        if let Some(l) = self.lex.form(&t.lower) {
            let form = if t.lower.ends_with("ing") {
                Form::Ing
            } else if t.lower.ends_with('s') && !l.ends_with('s') {
                Form::S
            } else {
                Form::Past
            };
            out.push((l.to_owned(), form));
        }
        out.extend(self.lemmas(i).iter().cloned());
        // "reimposed", "re-open", "reoccupy": the verb again, after the
        // word's own readings. Without a hyphen only before a vowel, where
        // "re" is the prefix ("recall" and "resign" are verbs of their own).
        let stem = t.lower.strip_prefix("re-").or_else(|| {
            t.lower
                .strip_prefix("re")
                .filter(|r| r.len() > 3 && r.starts_with(['a', 'e', 'i', 'o', 'u']))
        });
        if let Some(stem) = stem {
            out.extend(lemma::candidates(stem));
        }
        out.retain(|(l, _)| self.lex.is_verb(l));
        out
    }

    /// The token before `i`, skipping adverbs.
    fn prev_content(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            // Adverbs and time phrases ("on Thursday") sit between a
            // subject and its verb.
            let time_prep =
                self.toks[j].tag == Tag::Prep && self.in_time.get(j + 1).copied().unwrap_or(false);
            if !(self.is_adverb(j) || self.in_time[j] || time_prep) {
                return Some(j);
            }
        }
        None
    }

    /// Is there a "to" + verb or a modal earlier in the clause of `k`, so
    /// that a bare verb after "and" continues it?
    fn infinitive_before(&self, k: usize) -> bool {
        let start = self.clause_start(k);
        (start..k).any(|i| {
            let t = &self.toks[i];
            t.tag == Tag::Modal
                || (t.tag == Tag::To && self.tok(i + 1).is_some_and(|n| n.tag == Tag::Word && !n.capital))
        })
    }

    /// Does a subject noun phrase end at token `j`: a capitalised name, or
    /// a noun after a determiner or a chunk ("the resolution", "the U.N.
    /// draft resolution")? Not a noun in a list ("mortar and shrapnel"),
    /// nor one after a preposition other than "of".
    fn noun_phrase_ends(&self, j: usize) -> bool {
        let t = &self.toks[j];
        if t.tag != Tag::Word || lemma::looks_past(&t.lower) || t.lower.ends_with("ing") {
            return false;
        }
        if t.capital {
            return true;
        }
        let mut i = j;
        while i > 0 && j - i < 3 {
            i -= 1;
            let p = &self.toks[i];
            if self.chunk_of[i].is_some() {
                return true;
            }
            if p.tag == Tag::Det {
                // A phrase that a preposition governs ("behind the chemical
                // attacks") or a past verb takes as object ("lifted the
                // death sentences", "screened all the telephone calls")
                // is no subject; "the leader of the group" is.
                let mut h = i.checked_sub(1);
                if let Some(q) = h
                    && self.toks[q].is(&["all", "both", "half"])
                {
                    h = q.checked_sub(1);
                }
                return !h.and_then(|h| self.tok(h)).is_some_and(|h| {
                    (h.tag == Tag::Prep && !h.is(&["of"]))
                        || (h.tag == Tag::Word && lemma::looks_past(&h.lower))
                });
            }
            if p.tag != Tag::Word || p.capital {
                return false;
            }
        }
        false
    }

    /// Do one to three lowercase modifiers, none of them an actor, stand
    /// between a determiner and token `k` ("the indiscriminate killing")?
    /// With no object after it (a preposition, punctuation), `k` then
    /// heads a noun phrase ("the indiscriminate killing of civilians"),
    /// where "a declaration demanding that …" is a participle.
    fn after_determiner_and_modifiers(&self, k: usize) -> bool {
        let mut i = k;
        while i > 0 && k - i < 3 {
            i -= 1;
            let t = &self.toks[i];
            if t.tag == Tag::Det {
                return i + 1 < k;
            }
            if t.tag != Tag::Word || t.capital || self.chunk_of[i].is_some() || self.in_time[i] {
                return false;
            }
        }
        false
    }

    /// Is token `j` the "in" of an amount in something ("$500 million
    /// in loans": the loans are the object)?
    pub fn amount_in(&self, j: usize) -> bool {
        self.toks[j].is(&["in"])
            && j.checked_sub(1).is_some_and(|p| {
                self.toks[p].tag == Tag::Number
                    || self.toks[p].is(&[
                        "million", "billion", "thousand", "dollars", "euros", "tons", "tonnes",
                    ])
            })
    }

    /// Is token `k` a form of a verb whose complement is "to" + verb
    /// ("refused to", "agreed to", "began to")?
    fn takes_infinitive(&self, k: usize) -> bool {
        self.lemmas(k).iter().any(|(l, _)| {
            let l = l.as_str();
            TAKES_INFINITIVE.contains(&l)
                || INTENT_CONTROLLERS.contains(&l)
                || REALIS_CONTROLLERS.contains(&l)
        })
    }

    /// Does a nation's name or adjective alone, after "the", stand right
    /// before token `k` ("the Israeli blockade", "the US attack")? Not a
    /// people in the plural ("the Kurds attack").
    /// The token before the one-word nation chunk ending right before
    /// `k` ("the" of "the Israeli attacks", "in" of "in Israeli jails"),
    /// with that chunk's word: a nation named, no agent phrase.
    fn lone_nation_before(&self, k: usize) -> Option<(&Tok, &Tok)> {
        let c = k.checked_sub(1).and_then(|j| self.chunk_of[j])?;
        let chunk = &self.chunks[c];
        let lone_nation = chunk.end == k
            && chunk.end == chunk.start + 1
            && chunk.start > 0
            && !chunk.actors.is_empty()
            && chunk
                .actors
                .iter()
                .all(|a| a.kind == Some(sitrep_model::EntityKind::Country) && a.agent_sector.is_none());
        lone_nation.then(|| (&self.toks[chunk.start - 1], &self.toks[chunk.start]))
    }

    /// Is the word before `k` a nation's one-word name or adjective
    /// right after a preposition ("in Israeli jails")?
    fn nation_after_preposition_before(&self, k: usize) -> bool {
        self.lone_nation_before(k)
            .is_some_and(|(before, _)| before.tag == Tag::Prep)
    }

    fn nation_adjective_before(&self, k: usize) -> bool {
        self.lone_nation_before(k).is_some_and(|(before, word)| {
            before.is(&["the"])
                && (!word.lower.ends_with('s')
                    || self.text[word.span.start..word.span.end]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '.'))
        })
    }

    /// Is token `k`, read as `form`, used as a verb here?
    fn verbal(&self, k: usize, form: Form) -> bool {
        let Some(t) = self.tok(k) else { return false };
        // "have" is a main verb only with an object its patterns name
        // ("had a productive conversation with …").
        let have = t.tag == Tag::Aux && t.is(HAVE);
        if (t.tag != Tag::Word && !have) || self.in_actor_chunk(k) || self.in_time[k] {
            return false;
        }
        let starts_sentence = k == 0 || self.tok(k - 1).is_some_and(|p| p.tag == Tag::Quote);
        if t.capital && !starts_sentence {
            return false;
        }
        if self.tok(k + 1).is_some_and(|n| n.tag == Tag::Possessive) {
            return false;
        }
        let prev = self.prev_content(k);
        let p = prev.and_then(|j| self.tok(j));
        // A chunk after "a", "an", "any", "every", "each" or "another"
        // modifies a noun: "a US offer", "any NATO attack".
        let after_chunk = prev.is_some_and(|j| {
            self.chunk_of[j].is_some_and(|c| {
                let start = self.chunks[c].start;
                !(start > 0 && self.toks[start - 1].is(&["a", "an", "any", "every", "each", "another"]))
            })
        });
        match form {
            // "Greek police charged over boy's death", "two officers
            // charged with murder appeared …": a verb whose active voice
            // always has an object, followed by none, is a passive
            // participle (a headline's or a reduced relative).
            Form::Past
                if self.tok(k + 1).is_some_and(|n| n.is(&["with", "over", "for"]))
                    && self
                        .verb_lemmas(k)
                        .iter()
                        .any(|(l, _)| OBJECT_REQUIRED.contains(&l.as_str()))
                    && !p.is_some_and(|p| p.tag == Tag::Aux) =>
            {
                false
            }
            Form::Past => {
                if p.is_some_and(|p| matches!(p.tag, Tag::Det | Tag::Possessive | Tag::Number | Tag::Prep)) {
                    return false;
                }
                // Between a gerund and its noun, a participle is an
                // adjective ("restoring needed protections", "freeing
                // detained activists").
                let gerund = p.is_some_and(|p| p.tag == Tag::Word && !p.capital && p.lower.ends_with("ing"));
                if gerund && self.tok(k + 1).is_some_and(|n| n.tag == Tag::Word) && !self.in_time[k + 1] {
                    return false;
                }
                // After a plain noun, a participle without an object is a
                // reduced relative ("equipment seized last year").
                // A people named in the plural ("Kurds demonstrated") is
                // a subject, not a noun the participle modifies.
                let after_noun = p
                    .is_some_and(|p| p.tag == Tag::Word && !(p.capital && p.lower.ends_with('s')))
                    && !after_chunk;
                // A quantity opens an object: "Israeli airstrikes killed
                // at least 40 people" is active.
                !after_noun
                    || self.quantity_at(k + 1)
                    || self.tok(k + 1).is_some_and(|n| {
                        matches!(n.tag, Tag::Det | Tag::Pron | Tag::Number)
                            || n.is(&["that"])
                            || self.chunk_of[k + 1].is_some()
                            || (n.tag == Tag::Word && !self.in_time[k + 1])
                            // "the militant wing refused to allow …": a
                            // verb that takes an infinitive is finite.
                            || (n.tag == Tag::To
                                && self.tok(k + 2).is_some_and(|v| v.tag == Tag::Word && !v.capital)
                                && self.takes_infinitive(k))
                    })
            }
            Form::Ing => {
                // "with no warning", "no fighting": "no" is a determiner.
                let after_det_or_prep = p.is_some_and(|p| {
                    matches!(p.tag, Tag::Det | Tag::Possessive | Tag::Number)
                        || (p.tag == Tag::Prep && !p.is(&["by"]))
                        || p.is(&["no"])
                });
                let noun_head = self.after_determiner_and_modifiers(k)
                    && self
                        .tok(k + 1)
                        .is_none_or(|n| !matches!(n.tag, Tag::Word | Tag::Det | Tag::Sub));
                !after_det_or_prep && !noun_head
            }
            // "US Predator attacks have killed", "Israeli strikes killed
            // 40": a noun before a verb.
            Form::S
                if self
                    .tok(k + 1)
                    .is_some_and(|n| matches!(n.tag, Tag::Aux | Tag::Modal))
                    || self.past_trigger_at(k + 1) =>
            {
                false
            }
            // "against the Israeli attacks on Gaza", "in Israeli jails":
            // after "the" or a preposition and a nation's adjective, a noun.
            Form::S
                if (self.nation_adjective_before(k) || self.nation_after_preposition_before(k))
                    && self
                        .tok(k + 1)
                        .is_some_and(|n| !matches!(n.tag, Tag::Det | Tag::Number))
                    && self.chunk_of.get(k + 1).copied().flatten().is_none() =>
            {
                false
            }
            Form::S => {
                after_chunk
                    || p.is_some_and(|p| matches!(p.tag, Tag::Pron | Tag::Rel) || p.is(&["that"]))
                    || prev.is_some_and(|j| self.noun_phrase_ends(j))
            }
            // "Oregon State Police bomb technician Bill Hakim", "a police
            // bomb squad": the first word of a compound noun.
            Form::Base if self.tok(k + 1).is_some_and(|n| n.is(COMPOUND_HEADS)) => false,
            // "Texas convict Arcade Comeaux", "Web 2.0 Summit host John
            // Battelle": a word between a name and a person's name is the
            // person's title.
            Form::Base
                if p.is_some_and(|p| p.capital && p.tag == Tag::Word)
                    && self.chunk_of.get(k + 1).copied().flatten().is_some_and(|c| {
                        self.chunks[c].start == k + 1
                            && self.chunks[c]
                                .actors
                                .iter()
                                .any(|a| a.kind == Some(sitrep_model::EntityKind::Person))
                    }) =>
            {
                false
            }
            Form::Base => {
                (after_chunk && !self.nation_adjective_before(k))
                    || p.is_some_and(|p| {
                        (matches!(p.tag, Tag::Modal | Tag::To | Tag::Neg | Tag::Pron) && !p.is(&["no"]))
                            || p.is(&["do", "does", "did"])
                            // "will no longer tolerate".
                            || prev.is_some_and(|j| self.no_longer_at(j))
                            || (p.tag == Tag::Word && READY.contains(&p.lower.as_str()))
                    })
                    // "to end support … and withdraw all troops".
                    || (p.is_some_and(|p| p.tag == Tag::And) && self.infinitive_before(k))
            }
        }
    }

    /// Where a particle stands after a short object of the verb at `k`
    /// ("pulled its troops out", "called the strike off", "gunned him
    /// down", "put its forces on alert"): the particle's token, when only
    /// determiners, pronouns, numbers and nouns come between. "on" only
    /// splits from its verb when the pattern names the object after it.
    fn split_particle_at(&self, k: usize, particle: &str, objects_after: bool) -> Option<usize> {
        const SPLIT_PARTICLES: &[&str] = &["out", "off", "over", "up", "down", "back", "away"];
        // "to" splits only around a party ("invited the M23 to talks").
        let party_to = particle == "to" && objects_after;
        if !(SPLIT_PARTICLES.contains(&particle) || (particle == "on" && objects_after) || party_to) {
            return None;
        }
        for j in k + 1..(k + 6).min(self.toks.len()) {
            let t = &self.toks[j];
            if t.lower == particle {
                return Some(j);
            }
            if party_to {
                if self.chunk_of[j].is_some() || t.tag == Tag::Det {
                    continue;
                }
                return None;
            }
            let object_word = match t.tag {
                Tag::Det | Tag::Number | Tag::Possessive => true,
                Tag::Pron => t.is(&["him", "her", "them", "it", "us"]) || t.is(POSSESSIVES),
                Tag::Word => !lemma::looks_past(&t.lower) && !t.lower.ends_with("ing") && !self.in_time[j],
                _ => false,
            };
            if !object_word {
                return None;
            }
        }
        None
    }

    fn object_matches(&self, at: usize, words: &[String]) -> bool {
        words.iter().enumerate().all(|(n, w)| {
            self.tok(at + n).is_some_and(|t| {
                t.lower == *w
                    || self
                        .lemmas(at + n)
                        .iter()
                        .any(|(c, f)| c == w && matches!(f, Form::S | Form::Base))
            })
        })
    }

    /// Where `pattern` matches at verb token `k`: one past its last token.
    fn match_pattern(&self, k: usize, pattern: &Pattern) -> Option<usize> {
        if let Some(adverb) = &pattern.adverb
            && k.checked_sub(1)
                .and_then(|i| self.tok(i))
                .is_none_or(|t| t.lower != *adverb)
        {
            return None;
        }
        let mut end = k + 1;
        let split = pattern
            .particles
            .first()
            .filter(|first| self.tok(end).is_some_and(|t| t.lower != **first))
            .and_then(|first| self.split_particle_at(k, first, !pattern.objects.is_empty()));
        if let Some(at) = split {
            end = at;
        }
        for (n, particle) in pattern.particles.iter().enumerate() {
            // "called Thursday on Arabs to unite": a time phrase may come
            // first; before the first particle, so may an adverb ("pushing
            // hard for", "called again for").
            while self.in_time.get(end).copied().unwrap_or(false)
                || (n == 0
                    && self.tok(end).is_some_and(|t| t.lower != *particle)
                    && (self.is_adverb(end) || self.tok(end).is_some_and(|t| t.is(&["hard"]))))
            {
                end += 1;
            }
            let t = self.tok(end)?;
            if t.lower != *particle {
                return None;
            }
            // "agreed on Wednesday that …" is no "agree on".
            if t.tag == Tag::Prep && self.in_time.get(end + 1).copied().unwrap_or(false) {
                return None;
            }
            end += 1;
        }
        if self.idiom(pattern, k, end)
            || self.contest(&pattern.verb, k)
            || (pattern.verb == "call"
                && pattern.particles.is_empty()
                && pattern.objects.is_empty()
                && (self.naming(end) || self.as_called(k, end)))
        {
            return None;
        }
        if pattern.objects.is_empty() {
            let violent = matches!(pattern.kind, PloverType::Fight | PloverType::Assault);
            if violent && self.figurative_object(split.map_or(end, |_| k + 1)) {
                return None;
            }
            return Some(end);
        }
        // "called the strike off": the object stands before the particle.
        if let Some(at) = split {
            let inside =
                (k + 1..at).any(|j| pattern.objects.iter().any(|words| self.object_matches(j, words)));
            if inside {
                return Some(end);
            }
        }
        self.find_in_object(end, |j| {
            pattern
                .objects
                .iter()
                .find(|words| self.object_matches(j, words))
                .map(|words| j + words.len())
        })
    }

    /// Where `pattern` matches a passive at verb token `k` whose object
    /// words open its subject ("Sanctions were imposed on Iran by the
    /// United States", "New curbs on the press have been lifted"): one
    /// past its verb and particles.
    fn match_fronted_object(&self, k: usize, pattern: &Pattern) -> Option<usize> {
        if pattern.objects.is_empty() || pattern.adverb.is_some() {
            return None;
        }
        let group = self.verb_group(k);
        if !group.be || group.negated {
            return None;
        }
        let mut end = k + 1;
        for particle in &pattern.particles {
            if self.tok(end)?.lower != *particle {
                return None;
            }
            end += 1;
        }
        // The subject phrase: back from the verb group over at most eight
        // words, up to a clause boundary or another verb.
        let start = group.start;
        let mut j = start;
        while j > 0 && j + 8 > start {
            let t = &self.toks[j - 1];
            let boundary = matches!(
                t.tag,
                Tag::Comma | Tag::Break | Tag::Sub | Tag::Rel | Tag::Quote | Tag::But | Tag::Aux | Tag::Modal
            ) || (t.tag == Tag::Word
                && j - 1 > 0
                && lemma::looks_past(&t.lower)
                && !t.lower.contains('-'));
            if boundary {
                break;
            }
            j -= 1;
        }
        // The object heads the subject: no "of" before it ("a photo of
        // the meeting was denied"), and only a phrase of its own after
        // it ("sanctions on Iran").
        let heads = |i: usize, n: usize| {
            !(j..i).any(|x| self.toks[x].is(&["of"]))
                && self
                    .tok(i + n)
                    .is_some_and(|t| i + n == start || (t.tag == Tag::Prep && !t.is(&["of"])))
        };
        (j..start)
            .any(|i| {
                pattern.objects.iter().any(|words| {
                    i + words.len() <= start && self.object_matches(i, words) && heads(i, words.len())
                })
            })
            .then_some(end)
    }

    /// Does the object phrase after `pattern`'s verb and particles
    /// (ending at `end`) hold a word that makes the verb an idiom of no
    /// event ("pleaded guilty", "released a patch")?
    fn idiom(&self, pattern: &Pattern, k: usize, end: usize) -> bool {
        let objects = self.lex.idiom_objects(&pattern.verb, &pattern.particles);
        if objects.is_empty() {
            return false;
        }
        let after = self
            .find_in_object(end, |j| {
                objects.iter().find(|w| self.object_matches(j, w)).map(|_| j)
            })
            .is_some();
        // "the Academy Awards, hosted by Seth MacFarlane", "the report
        // was released on Monday": a passive's object stands before it.
        let group = self.verb_group(k);
        let passive = group.be || self.tok(end).is_some_and(|t| t.is(&["by"]));
        let before = passive && {
            let mut j = group.start;
            if j > 0 && self.toks[j - 1].tag == Tag::Comma {
                j -= 1;
            }
            (j.saturating_sub(4)..j).any(|i| objects.iter().any(|w| self.object_matches(i, w)))
        };
        after || before
    }

    /// Does the clause of verb token `k` (lemma `verb`) hold a word that
    /// makes it a contest won ("narrowly beat Hillary Clinton in
    /// Wisconsin", "beat Tennessee in the title game")?
    fn contest(&self, verb: &str, k: usize) -> bool {
        let words = self.lex.contest_words(verb);
        !words.is_empty()
            && (self.clause_start(k)..self.clause_end(k))
                .any(|j| words.iter().any(|w| self.object_matches(j, w)))
    }

    /// Does a party named right at `end` (or after a determiner: "called
    /// the Australian actor a consummate entertainer") take a name or
    /// description after it ("called Odinga a traitor", "called him \"a
    /// true patriot\"", "called Page as a witness"): a determiner, a
    /// quotation mark, "as" or a word outside a time phrase, where a phone
    /// call is followed by its time, purpose or the end of the clause
    /// ("called Odinga on Monday to discuss the crisis")? "Called it off"
    /// is no call either.
    fn naming(&self, end: usize) -> bool {
        let start = if self.tok(end).is_some_and(|t| t.tag == Tag::Det) {
            end + 1
        } else {
            end
        };
        let Some(c) = self.chunk_of.get(start).copied().flatten() else {
            return false;
        };
        let mut after = self.chunks[c].end;
        // "called Rwanda's actions a provocation": what the party owns is
        // named.
        if self.tok(after).is_some_and(|t| t.tag == Tag::Possessive) {
            let owned = after + 1;
            after = owned;
            while self.tok(after).is_some_and(|t| {
                t.tag == Tag::Word && !t.capital && self.chunk_of[after].is_none() && !self.in_time[after]
            }) {
                after += 1;
            }
            if after == owned {
                return false;
            }
        }
        self.chunks[c].start == start
            && self.tok(after).is_some_and(|t| {
                matches!(t.tag, Tag::Det | Tag::Quote)
                    || t.is(&["as", "off"])
                    || (t.tag == Tag::Word
                        && !self.in_time.get(after).copied().unwrap_or(false)
                        && !self.is_adverb(after)
                        && !t.is(&["again", "back", "twice", "repeatedly"]))
            })
    }

    /// "… offer, as Brand later called it", "calling it just": "call" at
    /// `k` with "it" or "this" as its object (at `end`) names something;
    /// so does "as … called them" closing its clause.
    fn as_called(&self, k: usize, end: usize) -> bool {
        let closes = self.tok(end + 1).is_none_or(|t| {
            matches!(
                t.tag,
                Tag::Punct | Tag::Comma | Tag::Quote | Tag::Break | Tag::Bracket
            )
        });
        self.tok(end).is_some_and(|t| t.is(&["it", "this"]))
            || (self.tok(end).is_some_and(|t| t.is(&["them"]))
                && closes
                && (k.saturating_sub(5)..k).any(|i| self.tok(i).is_some_and(|t| t.is(&["as"]))))
    }

    /// Is the object phrase after a verb ending at `end` headed by a word
    /// that makes violence figurative ("fight corruption and poverty",
    /// "battling a wave of crime in Delhi"), not merely holding one ("a
    /// fire station")?
    fn figurative_object(&self, end: usize) -> bool {
        self.find_in_object(end, |j| {
            self.lex.figurative().iter().find_map(|words| {
                let after = j + words.len();
                let head = self
                    .tok(after)
                    .is_none_or(|t| !matches!(t.tag, Tag::Word | Tag::Number));
                (head && self.object_matches(j, words)).then_some(after)
            })
        })
        .is_some()
    }

    /// The first answer of `found` at a token of the verb's own phrase
    /// after token `end`: at most six tokens, up to a clause, pronoun
    /// (past a possessive one inside the phrase: "injured his left
    /// knee"), auxiliary or other verb ("announced it would prohibit all
    /// aid" is not "announced aid").
    fn find_in_object(&self, end: usize, found: impl Fn(usize) -> Option<usize>) -> Option<usize> {
        let mut j = end;
        while j < self.toks.len() && j < end + 6 {
            if let Some(at) = found(j) {
                return Some(at);
            }
            let t = &self.toks[j];
            // "shortened by one hour the nightly curfew": a measure of the
            // change may come before the object.
            let measure = j == end && self.by_measure(j);
            let amount_in = j > end && self.amount_in(j);
            let stop = matches!(
                t.tag,
                Tag::Comma
                    | Tag::Break
                    | Tag::Sub
                    | Tag::Rel
                    | Tag::Quote
                    | Tag::But
                    | Tag::Prep
                    | Tag::To
                    | Tag::Pron
                    | Tag::Modal
                    | Tag::Aux
                    | Tag::Neg
            ) && !t.is(&["of"])
                && !t.is(POSSESSIVES)
                && !self.up_to_number(j)
                && !measure
                && !amount_in;
            // A hyphenated "-ed" word is a modifier ("its long-threatened
            // invasion"), and so is one after a possessive ("his left
            // knee"), not another verb.
            let verb = t.tag == Tag::Word
                && j > end
                && lemma::looks_past(&t.lower)
                && !t.lower.contains('-')
                && !self.toks[j - 1].is(POSSESSIVES);
            if stop || verb {
                return None;
            }
            j += 1;
        }
        None
    }

    fn find_triggers(&self) -> Vec<Trigger<'l>> {
        let mut out: Vec<Trigger<'l>> = Vec::new();
        for k in 0..self.toks.len() {
            // A word inside a matched phrase ("set fire to") starts none.
            if out.last().is_some_and(|t| k < t.end) {
                continue;
            }
            let mut best: Option<Trigger<'l>> = None;
            for (lemma, form) in self.verb_lemmas(k) {
                if !self.verbal(k, form) {
                    continue;
                }
                for p in self.lex.patterns_for(&lemma) {
                    let (end, fronted) = match self.match_pattern(k, p) {
                        Some(end) => (end, false),
                        None => match (form == Form::Past)
                            .then(|| self.match_fronted_object(k, p))
                            .flatten()
                        {
                            Some(end) => (end, true),
                            None => continue,
                        },
                    };
                    // The core's reading wins over a dictionary pattern of
                    // the same verb ("killed 46 civilians" is the core's
                    // attack, not the dictionary's mass killing); within
                    // each, the more specific pattern.
                    let better = best.as_ref().is_none_or(|b| {
                        (p.core, p.specificity()) > (b.pattern.core, b.pattern.specificity())
                    });
                    if better {
                        best = Some(Trigger {
                            tok: k,
                            end,
                            pattern: p,
                            form,
                            fronted,
                        });
                    }
                }
                if best.is_some() {
                    break;
                }
            }
            if let Some(t) = best {
                out.push(t);
            }
        }
        out
    }

    /// Is token `j` the "longer" of "no longer" (a negation of the verb
    /// after it)?
    fn no_longer_at(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.is(&["longer"]))
            && j.checked_sub(1)
                .and_then(|i| self.tok(i))
                .is_some_and(|p| p.is(&["no"]))
    }

    /// The verb group before verb token `k`.
    pub fn verb_group(&self, k: usize) -> VerbGroup {
        let mut g = VerbGroup {
            start: k,
            ..VerbGroup::default()
        };
        let mut i = k;
        while i > 0 {
            let j = i - 1;
            let t = &self.toks[j];
            let part = match t.tag {
                Tag::Aux | Tag::Modal | Tag::Neg => true,
                Tag::Word => {
                    self.is_adverb(j) || (t.is(READY) && g.be) || self.in_time[j] || self.no_longer_at(j)
                }
                Tag::Prep => {
                    self.is_adverb(j) || (j + 1 < self.toks.len() && self.in_time[j + 1] && j + 1 < k)
                }
                Tag::Number => self.in_time[j],
                _ => false,
            };
            if !part {
                break;
            }
            if t.is(BE) {
                g.be = true;
            }
            if t.tag == Tag::Neg || self.no_longer_at(j) {
                g.negated = true;
            }
            if t.tag == Tag::Modal && g.modal.is_none() {
                g.modal = Some(t.lower.clone());
            }
            g.start = j;
            i = j;
        }
        g
    }

    /// Is the intention governing verb token `k` through "to" denied
    /// ("is not going to attack", "does not plan to", "has no plans to",
    /// "never intended to")?
    pub fn intent_negated(&self, k: usize) -> bool {
        let Some(to) = self.verb_group(k).start.checked_sub(1) else {
            return false;
        };
        if self.toks[to].tag != Tag::To {
            return false;
        }
        let Some(h) = self.prev_content(to) else {
            return false;
        };
        h.checked_sub(1)
            .and_then(|i| self.tok(i))
            .is_some_and(|t| t.is(&["no"]))
            || self.verb_group(h).negated
    }

    /// The obligation on a readiness before verb token `k` ("must be
    /// ready to mediate": "must").
    pub fn obliged_readiness(&self, k: usize) -> Option<&str> {
        let [modal, be, ready, to] = self.toks.get(k.checked_sub(4)?..k)? else {
            return None;
        };
        (to.tag == Tag::To && ready.is(READY) && be.is(&["be"]) && modal.is(&["must", "should"]))
            .then_some(modal.lower.as_str())
    }

    /// Is the verb at `k`, its pattern ending at `end`, a passive ("was
    /// captured by", "taken hostage by")?
    pub fn passive(&self, k: usize, end: usize, form: Form) -> bool {
        // "is opposed to", "is committed to": a state of the subject, who
        // acts.
        // So is "were engaged in ethnic cleansing".
        let stative = (self.tok(k + 1).is_some_and(|t| t.tag == Tag::To)
            && self
                .verb_lemmas(k)
                .iter()
                .any(|(l, _)| STATIVE_PARTICIPLES.contains(&l.as_str())))
            || (self.tok(k + 1).is_some_and(|t| t.is(&["in"]))
                && self.verb_lemmas(k).iter().any(|(l, _)| l == "engage"));
        // "was captured by", and the reduced "M23, supported by Rwanda".
        // A verb that always takes an object, without one, is passive too
        // ("10 Russian soldiers killed in Ukraine", "journalists arrested
        // in Uganda were freed").
        // So is one describing the object of "leave" ("clashes have left
        // 20 villagers injured").
        let transitive = self
            .verb_lemmas(k)
            .iter()
            .any(|(l, _)| ALWAYS_TRANSITIVE.contains(&l.as_str()));
        let phrase = if transitive {
            self.modified_noun_before(k)
        } else {
            None
        };
        let no_object = !self.quantity_at(k + 1)
            && self.tok(k + 1).is_none_or(|t| {
                matches!(
                    t.tag,
                    Tag::Prep | Tag::Comma | Tag::Break | Tag::Punct | Tag::Quote | Tag::Bracket
                ) || self.in_time.get(k + 1).copied().unwrap_or(false)
            });
        // So is one after "with" and its noun ("…, with Mr Jenkin arrested
        // shortly afterwards").
        let before_phrase = phrase.and_then(|start| {
            let mut i = start.checked_sub(1)?;
            if self.toks[i].is(&["mr", "mrs", "ms", "dr"]) {
                i = i.checked_sub(1)?;
            }
            self.tok(i)
        });
        let left = before_phrase.is_some_and(|t| t.is(&["left", "leave", "leaves", "leaving", "with"]));
        let objectless = phrase.is_some() && (no_object || left);
        // "taken hostage by": the pattern's bare object words, then "by"
        // (not "prevented a demonstration by students", the noun's agent).
        let bare_object =
            end > k + 1 && (k + 1..end).all(|i| self.tok(i).is_some_and(|t| t.tag == Tag::Word));
        // "has ordered patrols by police": a perfect without "been" is
        // active, whatever follows.
        let group = self.verb_group(k);
        let perfect = (group.start..k).any(|i| self.toks[i].is(HAVE));
        form == Form::Past
            && !stative
            && (group.be
                || (!perfect
                    && ((self.by_after(k + 1) && !self.by_measure(k + 1))
                        || (bare_object && self.by_after(end))
                        || objectless)))
    }

    /// Is the one-word trigger at `k` a noun modifying the noun after it,
    /// inside a phrase a determiner opens with a place or demonym before
    /// it ("the North Philadelphia shooting scene", "the Kenyan protest
    /// leader")? Then it names no event, and the place is no actor. Not
    /// before a past verb ("the US attack killed …": the attack acted).
    pub fn modifies_noun_after(&self, k: usize, end: usize, form: Form) -> bool {
        if end != k + 1 || !matches!(form, Form::Base | Form::Ing) {
            return false;
        }
        let Some(c) = k.checked_sub(1).and_then(|p| self.chunk_of[p]) else {
            return false;
        };
        let chunk = &self.chunks[c];
        let place_modifier = chunk.end == k
            && chunk.pronoun.is_none()
            && !chunk.actors.is_empty()
            && chunk.actors.iter().all(|a| {
                matches!(a.kind, Some(EntityKind::Place | EntityKind::Country)) && a.agent_sector.is_none()
            });
        // The determiner, past capitalised words the name leaves out
        // ("the North Philadelphia …").
        let mut d = chunk.start;
        while d > 0 && self.toks[d - 1].tag == Tag::Word && self.toks[d - 1].capital {
            d -= 1;
        }
        let opened = d
            .checked_sub(1)
            .and_then(|i| self.tok(i))
            .is_some_and(|t| t.tag == Tag::Det);
        let noun_after = self.tok(k + 1).is_some_and(|t| {
            t.tag == Tag::Word && !t.capital && !self.in_time[k + 1] && !lemma::looks_past(&t.lower)
        });
        place_modifier && opened && noun_after
    }

    /// Is token `i` a past form of an event verb ("killed", "destroyed")?
    fn past_trigger_at(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.tag == Tag::Word && !t.capital && lemma::looks_past(&t.lower))
            && self.verb_lemmas(i).iter().any(|(l, _)| self.lex.is_verb(l))
    }

    /// Does a quantity open at token `i` ("at least 20", "up to 50",
    /// "about 200", "over 1,000", "as many as 40")? It opens an object,
    /// not a phrase of place: "rebels killed at least 20 soldiers" is
    /// active.
    fn quantity_at(&self, i: usize) -> bool {
        self.quantity_words_at(i) > 0
    }

    /// How many words of a quantity ("at least", "up to", "about",
    /// "more than", "as many as") open at token `i`; 0 when none does.
    fn quantity_words_at(&self, i: usize) -> usize {
        let is = |j: usize, words: &[&str]| self.tok(j).is_some_and(|t| t.is(words));
        let number = |j: usize| self.tok(j).is_some_and(|t| t.tag == Tag::Number);
        let two_words = (is(i, &["at"]) && is(i + 1, &["least", "most"]))
            || (is(i, &["up"]) && self.up_to_number(i))
            || (is(i, &["more", "fewer", "less"]) && is(i + 1, &["than"]) && number(i + 2));
        if two_words {
            2
        } else if is(i, crate::text::APPROXIMATORS) && number(i + 1) {
            1
        } else if is(i, &["as"]) && is(i + 1, &["many", "much"]) && is(i + 2, &["as"]) {
            3
        } else {
            0
        }
    }

    /// Is token `i` a word of a quantity before a number ("freed over
    /// 150 prisoners", "killed at least 20 soldiers")?
    pub fn in_quantity(&self, i: usize) -> bool {
        (i.saturating_sub(2)..=i).any(|s| s + self.quantity_words_at(s) > i)
    }

    /// Is token `i` "by"?
    fn by_after(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is(&["by"]))
    }

    /// Does a measure of a change or a means of contact open at token `i`
    /// ("by one hour", "by 50 percent", "by half", "by phone"), not an
    /// agent ("by 20 gunmen")?
    fn by_measure(&self, i: usize) -> bool {
        let is = |j: usize, words: &[&str]| self.tok(j).is_some_and(|t| t.is(words));
        let number = self
            .tok(i + 1)
            .is_some_and(|t| t.tag == Tag::Number || t.is(MEASURE_NUMBERS));
        is(i, &["by"])
            && (is(i + 1, &["half"]) || (number && is(i + 2, MEASURE_UNITS)) || is(i + 1, MEANS_OF_CONTACT))
    }

    /// The first token of a noun phrase right before verb token `k` that
    /// the verb can modify as a participle ("soldiers killed in"): none
    /// for a pronoun, a coordinated verb ("shot and killed in") or the
    /// subject of a relative clause whose object went before ("whom
    /// police arrested in", "that he injured in").
    fn modified_noun_before(&self, k: usize) -> Option<usize> {
        let prev = self.prev_content(k)?;
        // A chunk, or a plain noun with the words before it.
        let (mut start, words) = match self.chunk_of[prev] {
            Some(c) if self.chunks[c].pronoun.is_none() => (self.chunks[c].start, false),
            Some(_) => return None,
            None if self.toks[prev].tag == Tag::Word => (prev, true),
            None => return None,
        };
        // With its numbers and determiners ("20 villagers", "the three
        // soldiers").
        while start > 0
            && (matches!(self.toks[start - 1].tag, Tag::Number | Tag::Det)
                || (words && self.toks[start - 1].tag == Tag::Word))
        {
            start -= 1;
        }
        let relative = start
            .checked_sub(1)
            .and_then(|i| self.tok(i))
            .is_some_and(|t| t.tag == Tag::Rel || t.is(&["that", "whom", "which", "who"]));
        (!relative).then_some(start)
    }

    /// The chunk ending just before token `i` (skipping nothing), if it
    /// can be a subject.
    fn subject_chunk_ending(&self, i: usize) -> Option<usize> {
        let ci = self.chunk_of.get(i).copied().flatten()?;
        let c = self.chunks.get(ci)?;
        (c.end == i + 1 && c.prep.is_none() && !c.possessor).then_some(ci)
    }

    /// First token of the clause holding token `k`: after the nearest
    /// subordinator, relative pronoun, quote, dash, colon, semicolon or
    /// "but" before it.
    pub fn clause_start(&self, k: usize) -> usize {
        let mut i = k;
        while i > 0 {
            let t = &self.toks[i - 1];
            if matches!(t.tag, Tag::Sub | Tag::Rel | Tag::Break | Tag::Quote | Tag::But) {
                return i;
            }
            i -= 1;
        }
        0
    }

    /// One past the last token of the clause holding token `k`.
    pub fn clause_end(&self, k: usize) -> usize {
        let mut i = k + 1;
        while i < self.toks.len() {
            let t = &self.toks[i];
            if matches!(t.tag, Tag::Sub | Tag::Rel | Tag::Break | Tag::Quote | Tag::But) {
                return i;
            }
            if t.tag == Tag::Comma && self.comma_ends_clause(i) {
                return i;
            }
            if self.opens_reason(i) {
                return i;
            }
            i += 1;
        }
        self.toks.len()
    }

    /// Does token `i` open a reason given by a gerund ("jailed a man for
    /// helping militants join a group in Lebanon"): the places and
    /// parties after it are the reason's, not the act's.
    pub fn opens_reason(&self, i: usize) -> bool {
        self.toks[i].is(&["for"])
            && self.tok(i + 1).is_some_and(|n| {
                n.tag == Tag::Word
                    && n.lower.ends_with("ing")
                    && n.lower.len() > 5
                    && self.chunk_of[i + 1].is_none()
            })
    }

    /// Does the comma at `i` close the adverbial clause the sentence opens
    /// with ("After the army withdrew, rebels attacked …", "Two days
    /// before the vote, …")? The first comma after its subordinator does,
    /// unless a list goes on after it ("After the army left Goma, Bukavu
    /// and Uvira, …").
    fn closes_fronted_clause(&self, i: usize) -> bool {
        let start = self.clause_start(i);
        let Some(opener) = start.checked_sub(1) else {
            return false;
        };
        let fronted = self.toks[opener].tag == Tag::Sub
            && opener <= 3
            && self.toks[..opener]
                .iter()
                .all(|t| matches!(t.tag, Tag::Number | Tag::Det | Tag::Word));
        if !fronted || self.toks[start..i].iter().any(|t| t.tag == Tag::Comma) {
            return false;
        }
        // A list: the words after the comma run into another comma or an
        // "and" before any verb-like word.
        let mut j = i + 1;
        while j < self.toks.len() && (self.chunk_of[j].is_some() || self.toks[j].tag == Tag::Det) {
            j += 1;
        }
        !self
            .tok(j)
            .is_some_and(|t| matches!(t.tag, Tag::Comma | Tag::And) && j > i + 1)
    }

    /// Does the comma at `i` close a clause: a participle clause, a
    /// reporting tail ("…, officials said") or a new clause follows?
    pub fn comma_ends_clause(&self, i: usize) -> bool {
        let Some(next) = self.tok(i + 1) else { return true };
        if self.closes_fronted_clause(i) {
            return true;
        }
        if matches!(next.tag, Tag::Sub | Tag::Rel | Tag::But | Tag::Quote) {
            return true;
        }
        if next.tag == Tag::Word && next.lower.ends_with("ing") && !self.in_actor_chunk(i + 1) {
            return true;
        }
        // "…, the State Department said", "…, relief officials in Nairobi
        // said", "…, Philadelphia Homicide Capt. James Clark said", "…, said
        // a spokesman".
        let mut j = i + 1;
        while j < self.toks.len()
            && j <= i + 8
            && (self.chunk_of[j].is_some()
                || matches!(self.toks[j].tag, Tag::Det | Tag::Number)
                || (self.toks[j].tag == Tag::Prep && self.toks[j].is(&["in", "of", "from", "at"]))
                || (self.toks[j].tag == Tag::Word && !self.saying(&self.toks[j]))
                || (self.toks[j].lower == "." && self.toks[j - 1].capital))
        {
            j += 1;
        }
        self.tok(j).is_some_and(|t| self.saying(t)) || self.saying(next)
    }

    /// Is this token a verb of saying?
    pub fn saying(&self, t: &Tok) -> bool {
        t.tag == Tag::Word
            && lemma::candidates(&t.lower)
                .iter()
                .any(|(c, f)| *f != Form::Ing && SAYING.contains(&c.as_str()))
    }

    /// Skip a parenthetical ", the state's fiercest foe," or ", which …,"
    /// ending at comma `i`: the token before its opening comma.
    fn skip_parenthetical(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let floor = i.saturating_sub(20);
        while j > floor {
            j -= 1;
            let t = &self.toks[j];
            if matches!(t.tag, Tag::Break | Tag::Quote) {
                return None;
            }
            if t.tag == Tag::Comma {
                let opener = self.tok(j + 1)?;
                let ok = matches!(opener.tag, Tag::Rel | Tag::Det | Tag::Number)
                    || self.chunk_of[j + 1].is_some()
                    || opener.is(&[
                        "whose",
                        "the",
                        "a",
                        "an",
                        "which",
                        "who",
                        "itself",
                        "supported",
                        "backed",
                    ])
                    || self.in_time[j + 1]
                    || opener.tag == Tag::Prep
                    || self.participle_opener(j + 1);
                return (ok && j > 0).then(|| j - 1);
            }
        }
        None
    }

    /// Does token `i` open a participial phrase set off by commas ("US
    /// attacks, occurring every three days, have killed …", "air
    /// strikes, launched before dawn, killed …")?
    fn participle_opener(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            let word = t.tag == Tag::Word && !t.capital && self.chunk_of[i].is_none() && !self.in_time[i];
            let ing = || lemma::candidates(&t.lower).iter().any(|(_, f)| *f == Form::Ing);
            let past = || {
                lemma::looks_past(&t.lower)
                    && self
                        .tok(i + 1)
                        .is_some_and(|n| matches!(n.tag, Tag::Prep | Tag::Sub))
            };
            word && (ing() || past())
        })
    }

    /// The subject chunk of the verb at `k` (before passive inversion):
    /// the chunk right before its verb group, the antecedent of a
    /// relative pronoun, the subject of a coordinated or controlling verb,
    /// else the first chunk of its clause that no preposition governs.
    pub fn subject(&self, k: usize, depth: usize) -> Option<usize> {
        if depth > 4 {
            return None;
        }
        let group = self.verb_group(k);
        let form = self.verb_lemmas(k).first().map(|(_, f)| *f).unwrap_or(Form::Base);
        let g = group.start.checked_sub(1)?;
        if let Some(c) = self.subject_chunk_ending(g) {
            return Some(c);
        }
        let t = &self.toks[g];
        match t.tag {
            Tag::Rel | Tag::Sub if t.is(&["which", "who", "that"]) => {
                let mut h = g.checked_sub(1)?;
                let set_off = self.toks[h].tag == Tag::Comma;
                if set_off {
                    h = h.checked_sub(1)?;
                }
                if let Some(c) = self.subject_chunk_ending(h) {
                    return Some(c);
                }
                if t.is(&["that"]) {
                    return None;
                }
                // "mobilize against Ariel Sharon, who has vowed …": the
                // party set off right before the pronoun, whatever governs
                // it (not "a woman linked to Al-Qaeda who shot at …": the
                // clause may tell of the head noun before).
                let antecedent = self.chunk_of[h].filter(|&c| {
                    let chunk = &self.chunks[c];
                    set_off && chunk.end == h + 1 && !chunk.possessor && !chunk.actors.is_empty()
                });
                if antecedent.is_some() {
                    return antecedent;
                }
                // "X, the Y, which …" – the chunk before the appositive.
                return self.chunk_of[h].filter(|&c| self.chunks[c].prep.is_none());
            }
            Tag::Comma => {
                // "police allege the man opened fire at an office, killing
                // two": the participle shares the subject of the verb it
                // follows, not the reporter's.
                if form == Form::Ing {
                    return self
                        .previous_verb(g)
                        .and_then(|p| self.subject(p, depth + 1))
                        .or_else(|| self.main_subject(k));
                }
                if let Some(h) = self.skip_parenthetical(g) {
                    if let Some(c) = self.subject_chunk_ending(h) {
                        return Some(c);
                    }
                    // "Environmental groups, which took the administration
                    // to court, vowed …": a relative clause after a noun
                    // naming no actor; its own parties are not the subject.
                    let head = &self.toks[h];
                    let relative = self.toks.get(h + 2).is_some_and(|o| o.is(RELATIVE_OPENERS));
                    if relative && head.tag == Tag::Word && !head.capital && !self.in_time[h] {
                        return None;
                    }
                    // "Recent US Predator attacks, occurring …, have
                    // killed": the actor named in the noun phrase the
                    // participle describes.
                    if self.participle_opener(h + 2) {
                        return self.free_chunk_in(self.clause_start(h), h + 1);
                    }
                }
            }
            Tag::And | Tag::But => {
                let mut h = g;
                if h > 0 && self.toks[h - 1].tag == Tag::Comma {
                    h -= 1;
                }
                if let Some(p) = self.previous_verb(h) {
                    // "Fanning told reporters a man walked in with a gun
                    // and shot one person": a past verb after a plain noun
                    // between them opens a clause of its own, whose
                    // subject names no actor.
                    let own_clause = (p + 2..h).any(|j| {
                        let (prev, t) = (&self.toks[j - 1], &self.toks[j]);
                        t.tag == Tag::Word
                            && !t.capital
                            && t.lower.ends_with("ed")
                            && prev.tag == Tag::Word
                            && !prev.capital
                            && !self.is_adverb(j - 1)
                            && self.chunk_of[j - 1].is_none()
                            && self.verb_lemmas(j).iter().any(|(_, f)| *f == Form::Past)
                    });
                    if own_clause {
                        return None;
                    }
                    return self.subject(p, depth + 1);
                }
                return None;
            }
            Tag::To => return self.controller_subject(g, depth),
            Tag::Prep if form == Form::Ing => return self.main_subject(k),
            _ => {}
        }
        if form == Form::Ing && group.start == 0 {
            return self.main_subject(k);
        }
        let start = self.clause_start(k);
        // A clause opening with "after"/"before" + participle has the main subject.
        if form == Form::Ing && start == group.start {
            return self.main_subject(k);
        }
        // "Spokesman Tim Mead confirmed Sunday the Angels have withdrawn
        // their offer": a verb of saying followed by a subject of the verb's
        // own (a determiner, a name or a pronoun opens it) ends the
        // reporter's clause; the subject is after it (here no actor). Not
        // "announced new rallies", the announcement's object.
        let from = (start..group.start)
            .rev()
            .find(|&i| {
                self.saying(&self.toks[i])
                    && self.finite_verb(i)
                    && (i + 1..group.start).any(|j| {
                        let t = &self.toks[j];
                        matches!(t.tag, Tag::Det | Tag::Pron) || (t.capital && !self.in_time[j])
                    })
            })
            .map_or(start, |i| i + 1);
        self.free_chunk_in(from, group.start)
    }

    /// The first chunk starting in tokens `[from, until)` that no
    /// preposition governs and that is no possessor: a subject candidate.
    fn free_chunk_in(&self, from: usize, until: usize) -> Option<usize> {
        (from..until).filter_map(|i| self.chunk_of[i]).find(|&c| {
            let ch = &self.chunks[c];
            ch.prep.is_none() && !ch.possessor && ch.start >= from
        })
    }

    /// The subject of the sentence's first clause.
    pub fn main_subject(&self, before: usize) -> Option<usize> {
        let first_verb = (0..before).find(|&i| self.finite_verb(i))?;
        self.subject(first_verb, 3)
    }

    /// Does token `i` look like a finite verb (a trigger, a verb of saying
    /// or a past form after a chunk)?
    fn finite_verb(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if t.tag != Tag::Word || self.chunk_of[i].is_some() || t.capital && i > 0 {
            return false;
        }
        self.triggers.iter().any(|tr| tr.tok == i)
            || (self.saying(t) && !t.lower.ends_with("ing"))
            || (lemma::looks_past(&t.lower)
                && self
                    .prev_content(i)
                    .is_some_and(|j| self.chunk_of[j].is_some() || self.toks[j].tag == Tag::Aux))
    }

    /// The nearest finite verb before token `i`.
    fn previous_verb(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.finite_verb(j))
    }

    /// The verb whose purpose the verb at `k` is, when that verb sends people or
    /// setting up a body in its clause ("sent 21 personnel to Bosnia to
    /// investigate", "set up a commission to investigate"): the task is
    /// begun by whoever sent or set up.
    /// Returns the sending or setting-up verb.
    pub fn dispatched_purpose(&self, k: usize) -> Option<usize> {
        let group = self.verb_group(k);
        let to = group
            .start
            .checked_sub(1)
            .filter(|&t| self.toks[t].tag == Tag::To)?;
        let start = self.clause_start(k);
        self.previous_verb(to).filter(|&p| p >= start).filter(|&p| {
            self.lemmas(p).iter().any(|(l, _)| {
                DISPATCH.contains(&l.as_str())
                    || (ESTABLISH.contains(&l.as_str())
                        && (l != "set" || self.tok(p + 1).is_some_and(|t| t.is(&["up"]))))
            })
        })
    }

    /// The subject of an infinitive whose "to" is token `to`.
    fn controller_subject(&self, to: usize, depth: usize) -> Option<usize> {
        let h = self.prev_content(to)?;
        // Object control: "urged Rwanda to", "called on Kigali to".
        if let Some(c) = self.chunk_of[h] {
            let chunk = &self.chunks[c];
            if chunk.end == h + 1 && !chunk.possessor {
                // A place the action happened in is no one who was asked:
                // "rallied in Lagos to protest" has the rally's subject.
                let destination = chunk.prep.as_deref() == Some("to")
                    && self
                        .previous_verb(chunk.start)
                        .is_some_and(|p| self.lemmas(p).iter().any(|(l, _)| DISPATCH.contains(&l.as_str())));
                if destination || LOCATIVE.contains(&chunk.prep.as_deref().unwrap_or("")) {
                    let start = self.clause_start(chunk.start);
                    return self
                        .previous_verb(chunk.start)
                        .and_then(|p| self.subject(p, depth + 1))
                        .or_else(|| {
                            self.chunks.iter().position(|x| {
                                x.start >= start && x.end <= chunk.start && x.prep.is_none() && !x.possessor
                            })
                        });
                }
                return Some(c);
            }
        }
        let t = &self.toks[h];
        if t.is(READY) || t.tag == Tag::Aux {
            return self.subject(h, depth + 1).or_else(|| {
                let g = self.verb_group(h);
                g.start.checked_sub(1).and_then(|s| self.subject_chunk_ending(s))
            });
        }
        self.subject(h, depth + 1)
    }

    /// True when token `j` is part of an "up to" before a number ("to
    /// contribute up to 4,000 troops"): a quantity, not a preposition.
    fn up_to_number(&self, j: usize) -> bool {
        let is = |i: usize, words: &[&str]| self.tok(i).is_some_and(|t| t.is(words));
        let number = |i: usize| self.tok(i).is_some_and(|t| t.tag == Tag::Number);
        (is(j, &["up"]) && is(j + 1, &["to"]) && number(j + 2))
            || (j > 0 && is(j - 1, &["up"]) && is(j, &["to"]) && number(j + 1))
            // "launched about 180 missiles", "killed over 20 soldiers".
            || (is(j, APPROXIMATELY) && number(j + 1))
    }

    /// True when the trigger at token `k` codes violence (CAMEO 18-20:
    /// assault, fight, mass violence) or a cyber attack, acts whose
    /// attempt is itself the act.
    pub fn violence_at(&self, k: usize) -> bool {
        self.triggers.iter().any(|tr| {
            tr.tok == k
                && (matches!(tr.pattern.code.get(..2), Some("18" | "19" | "20"))
                    || tr.pattern.context.as_deref() == Some("cyber"))
        })
    }

    /// How the verb at `k` is governed through "to".
    pub fn control(&self, k: usize) -> Control {
        let group = self.verb_group(k);
        let Some(to) = group.start.checked_sub(1) else {
            return Control::None;
        };
        // A gerund after an aspect verb shares its control: "prepared to
        // resume shelling" is an intention, "stopped shelling" no attack.
        let form = self.verb_lemmas(k).first().map_or(Form::Base, |(_, f)| *f);
        if form == Form::Ing && self.toks[to].tag == Tag::Word {
            if self.lemmas(to).iter().any(|(l, _)| ASPECT.contains(&l.as_str())) {
                return match self.control(to) {
                    Control::None => Control::Realis,
                    other => other,
                };
            }
            if self.lemmas(to).iter().any(|(l, _)| HALT.contains(&l.as_str())) {
                return Control::Other;
            }
        }
        if self.toks[to].tag != Tag::To {
            return Control::None;
        }
        // "is unlikely to agree": no act, though "unlikely" reads as an
        // adverb that would leave "is … to", an intention.
        if to
            .checked_sub(1)
            .and_then(|i| self.tok(i))
            .is_some_and(|t| t.is(&["unlikely"]))
        {
            return Control::Other;
        }
        // "used tear gas to disperse", "using live rounds to break up": what
        // a means was used for was done.
        let means_used = (to.saturating_sub(5)..to)
            .rev()
            .find(|&j| self.toks[j].is(&["used", "using", "employed", "employing"]));
        if means_used.is_some_and(|j| {
            j + 1 < to
                && self.toks[j + 1..to]
                    .iter()
                    .all(|t| matches!(t.tag, Tag::Word | Tag::Det | Tag::Number))
        }) {
            return Control::Realis;
        }
        let Some(mut h) = self.prev_content(to) else {
            return Control::Other;
        };
        // Skip an object: "urged Rwanda to" (only a verb that asks or
        // orders takes one; "the authority to impose" is no action).
        let mut object = false;
        if let Some(c) = self.chunk_of[h] {
            h = match self.chunks[c].start.checked_sub(1) {
                Some(x) => x,
                None => return Control::Other,
            };
            if self.toks[h].tag == Tag::Prep {
                h = match h.checked_sub(1) {
                    Some(x) => x,
                    None => return Control::Other,
                };
            }
            object = true;
        }
        if object
            && !self
                .triggers
                .iter()
                .any(|tr| tr.tok <= h && h < tr.end.max(tr.tok + 1) && (tr.pattern.ctl || tr.pattern.frame))
        {
            return Control::Other;
        }
        if let Some(tr) = self
            .triggers
            .iter()
            .position(|tr| tr.tok <= h && h < tr.end.max(tr.tok + 1))
            && self.triggers[tr].pattern.frame
        {
            return Control::Frame(tr);
        }
        let t = &self.toks[h];
        if t.tag == Tag::Aux && t.is(BE) {
            return Control::Intent;
        }
        let lemmas: Vec<String> = lemma::candidates(&t.lower).into_iter().map(|(c, _)| c).collect();
        if lemmas.iter().any(|l| l == "fail") {
            Control::Failed
        } else if lemmas.iter().any(|l| INTENT_CONTROLLERS.contains(&l.as_str())) {
            Control::Intent
        } else if lemmas.iter().any(|l| REALIS_CONTROLLERS.contains(&l.as_str())) {
            Control::Realis
        } else if lemmas.iter().any(|l| l == "attempt" || l == "try") && self.violence_at(k) {
            // "attempted to assassinate", "tried to hack into": an attack
            // tried is an attack made.
            Control::Realis
        } else {
            Control::Other
        }
    }

    /// The speaker chunk when the clause of verb `k` is reported speech:
    /// "X said (that) …" before it or "…, X said" after it.
    pub fn reporter(&self, k: usize) -> Option<usize> {
        let start = self.clause_start(k);
        if let Some(j) = self.saying_before(k) {
            return self.subject(j, 1);
        }
        // "…, X said" after the clause.
        let end = self.clause_end(k);
        if self.tok(end).is_some_and(|t| t.tag == Tag::Comma)
            && let Some(c) = self.speaker_after(end + 1)
        {
            return Some(c);
        }
        // A quote's speaker after the quote closes ("\"… once and for
        // all,\" Kagame wrote"), whatever clauses the quote holds.
        if start > 0 && self.toks[start - 1].tag == Tag::Quote {
            let close = (k + 1..self.toks.len()).find(|&i| self.toks[i].tag == Tag::Quote)?;
            return self.speaker_after(close + 1);
        }
        None
    }

    /// The verb of saying that reports the clause of verb `k` from the
    /// left: "X said (that) Y will …", looking left of the clause's
    /// subject, or of the "that" opening the clause.
    pub fn saying_before(&self, k: usize) -> Option<usize> {
        let start = self.clause_start(k);
        let mut s = start;
        let that = s > 0 && self.toks[s - 1].is(&["that"]);
        if that {
            s -= 1;
        }
        let subject = self.subject(k, 0).filter(|&c| self.chunks[c].start >= start);
        let before = match subject {
            Some(c) if !that => self.chunks[c].start,
            _ => s,
        };
        let mut j = before;
        while j > 0 {
            j -= 1;
            let t = &self.toks[j];
            if self.saying(t) {
                return Some(j);
            }
            if !(self.in_time[j] || self.is_adverb(j) || t.tag == Tag::Prep || self.chunk_of[j].is_some()) {
                return None;
            }
        }
        None
    }

    /// The subject of a verb of saying that follows from token `from`,
    /// past names, determiners, quote marks and adverbs ("…, X said").
    fn speaker_after(&self, from: usize) -> Option<usize> {
        let mut j = from;
        while j < self.toks.len() {
            let t = &self.toks[j];
            if self.saying(t) {
                return self
                    .subject(j, 1)
                    .or_else(|| self.chunk_of.get(j + 1).copied().flatten());
            }
            if !(self.chunk_of[j].is_some() || matches!(t.tag, Tag::Det | Tag::Quote) || self.is_adverb(j)) {
                break;
            }
            j += 1;
        }
        None
    }

    /// True when the subject of the verb at `k` names no one: "Neither
    /// Rwanda nor Uganda sent troops", "No Rwandan troops entered Goma".
    pub fn negated_subject(&self, k: usize) -> bool {
        let group = self.verb_group(k);
        let start = self.clause_start(k);
        let before = &self.toks[start..group.start];
        // "Neither Rwanda nor Uganda sent troops".
        let neither = before.iter().any(|t| t.is(&["neither"])) && before.iter().any(|t| t.is(&["nor"]));
        // "No Rwandan troops entered Goma": the subject itself is none.
        let none = self.subject(k, 0).is_some_and(|c| {
            let chunk = &self.chunks[c];
            chunk.start >= start
                && chunk
                    .start
                    .checked_sub(1)
                    .and_then(|i| self.tok(i))
                    .is_some_and(|t| t.is(&["no"]))
        });
        neither || none
    }

    /// Is the clause of token `k` a condition ("if", "unless")?
    pub fn conditional(&self, k: usize) -> bool {
        let start = self.clause_start(k);
        // "If talks fail, Rwanda will attack": the condition ends at its
        // comma; the verb after it is the main clause's.
        start > 0
            && self.toks[start - 1].is(&["if", "unless", "whether", "lest"])
            && !self.toks[start..k].iter().any(|t| t.tag == Tag::Comma)
    }

    /// The first chunk after token `from` (up to `until`) that `ok`
    /// accepts, with the slot it filled.
    pub fn chunk_after(
        &self,
        from: usize,
        until: usize,
        mut ok: impl FnMut(&Chunk) -> bool,
    ) -> Option<usize> {
        (from..until.min(self.toks.len()))
            .filter_map(|i| self.chunk_of[i])
            .find(|&c| self.chunks[c].start >= from && ok(&self.chunks[c]))
    }

    /// The event noun at token `i`, if any.
    pub fn noun_at(&self, i: usize) -> Option<&'l Noun> {
        let t = self.tok(i)?;
        let forms: Vec<String> = std::iter::once(t.lower.clone())
            .chain(
                lemma::candidates(&t.lower)
                    .into_iter()
                    .filter(|(_, f)| matches!(f, Form::S | Form::Base))
                    .map(|(c, _)| c),
            )
            .collect();
        let mut best: Option<&'l Noun> = None;
        for form in &forms {
            for n in self.lex.nouns_ending(form) {
                let len = n.words.len();
                if len > i + 1 {
                    continue;
                }
                let first = i + 1 - len;
                let ok = n.words[..len - 1]
                    .iter()
                    .zip(&self.toks[first..i])
                    .all(|(w, t)| t.lower == *w);
                if ok && best.is_none_or(|b| b.words.len() < len) {
                    best = Some(n);
                }
            }
        }
        best
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        let start = self.tok(a).map_or(self.span.start, |t| t.span.start);
        let end = b
            .checked_sub(1)
            .and_then(|i| self.tok(i))
            .map_or(start, |t| t.span.end);
        Span::new(start, end)
    }
}
