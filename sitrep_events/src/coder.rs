//! From a sentence's analysis to coded events: which triggers are coded
//! (frames code their complement, conditions and negations are not
//! coded, modal verbs become intents, demands or nothing), who is the
//! source and the target, which CAMEO code and PLOVER type, mode and
//! context apply, and the event's date and place.
//!
//! The decisions, in order, for each trigger:
//! 1. A trigger inside the complement of a frame ("called for a
//!    *ceasefire*", "agreed to *withdraw*", "accused X of *attacking*") is
//!    not coded itself; it refines the frame's code.
//! 2. Conditions ("if X attacks") and infinitives of attempts, failures
//!    and purposes ("tried to", "failed to", "met to discuss") are not
//!    coded.
//! 3. Negation: a negated past or present ("did not withdraw") codes
//!    nothing; a negated intention to cooperate ("will not accept") is a
//!    rejection.
//! 4. Modals: "will", and "would"/"could" in reported speech, make
//!    intentions — AGREE for cooperation, THREATEN for hostile acts (the
//!    CAMEO 03 and 13 categories); "must"/"should" in reported speech make
//!    a demand by the speaker on the subject; "may", "might", "can" code
//!    nothing.
//! 5. A source is required: the verb's subject (the "by" phrase of a
//!    passive), a resolved pronoun, or nothing — then no event.

use std::collections::BTreeMap;

use sitrep_model::{
    DatePrecision, EntityId, EntityKind, Event, EventActor, EventDateBasis, EventPlace, Gender, PartialDate,
    PlaceMention, PloverType, Quote, Span, TimeExpression,
};

use crate::actors::{Actor, Chunk};
use crate::cameo::{self, Family};
use crate::lexicon::Lexicon;
use crate::sentence::{Control, Sentence};
use crate::text::Tag;
use crate::when_where;

/// Verbs that stop the action a following noun names ("end support").
const HALT_WORDS: &[&str] = &[
    "end", "stop", "halt", "cease", "suspend", "cut", "reduce", "withdraw", "lift",
];

/// Words that make a consultation a telephone call.
const PHONE_WORDS: &[&str] = &["phone", "telephone", "call", "telephoned", "phoned"];

/// What the coder knows about the article beyond the sentence.
pub struct Context<'a> {
    /// Time expressions of the article.
    pub times: Vec<&'a TimeExpression>,
    /// Places of the article.
    pub places: Vec<&'a PlaceMention>,
    /// Quotes of the article (for "we" and "I" inside them).
    pub quotes: &'a [Quote],
    /// Publication day.
    pub published: Option<PartialDate>,
    /// Actor phrases of earlier sentences, most recent last.
    pub prior: Vec<Vec<Actor>>,
    /// The subject of the previous sentence (pronouns refer to it first).
    pub prior_subject: Option<Vec<Actor>>,
    /// The date of the previous sentence's last event dated by its text.
    pub prior_time: Option<PartialDate>,
    /// The previous sentence itself had that subject (not an earlier one
    /// carried past a sentence whose subject names no one).
    pub prior_subject_recent: bool,
    /// The actors each of the next sentences names, in text order: "both
    /// leaders" opening an article refers to the two people named next.
    pub ahead: Vec<Vec<Actor>>,
    /// Names of the article's countries by ISO 3166-1 alpha-3 code, for
    /// a country that is a target without being named as one.
    pub country_names: BTreeMap<String, String>,
}

/// An action found in a frame's complement.
struct Complement {
    code: String,
    /// The trigger naming it, when it is a verb.
    trigger: Option<usize>,
    /// The token of the event noun naming it, when it is a noun.
    at: Option<usize>,
}

/// The coding decided for one trigger, before actors are expanded.
struct Coding {
    kind: PloverType,
    code: String,
    mode: Option<String>,
    context: Option<String>,
}

impl Coding {
    /// The event this coding makes between `source` and `target`.
    fn event(
        &self,
        source: &Actor,
        target: Option<&Actor>,
        (date, date_precision, date_basis): (Option<PartialDate>, DatePrecision, EventDateBasis),
        place: Option<EventPlace>,
        span: Span,
        trigger: Span,
    ) -> Event {
        Event {
            kind: self.kind,
            mode: self.mode.clone(),
            context: self.context.clone(),
            cameo: Some(self.code.clone()),
            source: event_actor(source),
            target: target.map(event_actor),
            date,
            date_precision,
            date_basis,
            place,
            span,
            trigger,
        }
    }
}

fn coding_from(lex: &Lexicon, code: String, fallback: PloverType) -> Coding {
    let (kind, mode, context) = lex.plover(&code).unwrap_or((fallback, None, None));
    Coding {
        kind,
        code,
        mode,
        context,
    }
}

/// Words that open an adverbial clause or phrase beside the action, not
/// part of it ("demanded immediate elections after a court cleared him
/// … in Greece's biggest trial", "agreed to resign without returning to
/// Kyrgyzstan"). Conditions ("unless", "until", "before") are part of
/// it: "threatened a strike unless Israel rescinded …" is aimed at Israel.
const ADJUNCT_OPENERS: &[&str] = &[
    "after", "because", "although", "though", "whereas", "while", "without",
];

/// The end of a frame's complement: the sentence's next break, "but",
/// quote, a comma that closes the clause, or an adverbial clause.
fn complement_end(sent: &Sentence<'_, '_>, from: usize) -> usize {
    let mut i = from;
    while i < sent.toks.len() {
        let t = &sent.toks[i];
        if matches!(t.tag, Tag::Break | Tag::But | Tag::Quote) || (i > from && t.is(ADJUNCT_OPENERS)) {
            return i;
        }
        if t.tag == Tag::Comma && i + 1 < sent.toks.len() {
            let participle_trigger = sent.triggers.iter().any(|tr| tr.tok == i + 1 && tr.pattern.frame);
            if participle_trigger || sent.comma_ends_clause(i) {
                return i;
            }
        }
        i += 1;
    }
    sent.toks.len()
}

/// The event noun heading a frame's complement ("called for *an
/// immediate ceasefire*", "agreed on the need for a *ceasefire*"): the
/// first one within a few words, through "for", "on", "to" and "of" only.
fn complement_noun(sent: &Sentence<'_, '_>, from: usize, end: usize) -> Option<Complement> {
    let mut i = from;
    while i < end && i < from + 7 {
        if let Some(n) = sent.noun_at(i) {
            return Some(Complement {
                code: n.code.clone(),
                trigger: None,
                at: Some(i),
            });
        }
        let t = &sent.toks[i];
        // "to end support": the noun names what is to stop.
        if t.tag == Tag::Word
            && crate::lemma::candidates(&t.lower)
                .iter()
                .any(|(c, _)| HALT_WORDS.contains(&c.as_str()))
        {
            return None;
        }
        // A party naming who is to act ("US mediation", "a Rwandan
        // withdrawal") stands before its event noun.
        if let Some(c) = sent.chunk_of[i]
            && sent.noun_at(sent.chunks[c].end).is_some()
        {
            i = sent.chunks[c].end;
            continue;
        }
        let passes = match t.tag {
            Tag::Det | Tag::Number | Tag::To | Tag::Quote => true,
            Tag::Prep => t.is(&["for", "on", "of"]) || sent.amount_in(i),
            Tag::Word => !t.capital,
            _ => t.lower.starts_with(['$', '€', '£']),
        };
        if !passes || sent.chunk_of[i].is_some() {
            return None;
        }
        i += 1;
    }
    None
}

/// Does a frame have an action to govern: a known action, an infinitive
/// ("urged X to respond"), or for demands a "that" clause or an object
/// ("demanded that the US cancel …", "demanded immediate elections")?
fn has_complement(
    sent: &Sentence<'_, '_>,
    from: usize,
    end: usize,
    action: Option<&Complement>,
    p: &crate::lexicon::Pattern,
) -> bool {
    if action.is_some() {
        return true;
    }
    let window = from..end.min(from + 7).min(sent.toks.len());
    let infinitive = window
        .clone()
        .any(|i| sent.toks[i].tag == Tag::To && sent.toks.get(i + 1).is_some_and(|n| n.tag == Tag::Word));
    // "demanded immediate elections", "threatened further action".
    let demand = matches!(
        Family::of_code(&p.code),
        Some(Family::Demand | Family::Appeal | Family::Threaten)
    );
    let after = from + p.particles.len();
    let object = sent.toks.get(after).is_some_and(|t| {
        t.is(&["that"])
            || matches!(t.tag, Tag::Det | Tag::Word | Tag::Number)
            || sent.chunk_of[after].is_some()
    });
    // "agreed that the dispute should be settled", "promised that …".
    let that_clause = Family::of_code(&p.code) == Some(Family::Intent)
        && sent.toks.get(after).is_some_and(|t| t.is(&["that"]));
    // "agreed to a six-month extension of the mandate": what is agreed to.
    let agreed_to = p.verb == "agree"
        && p.particles == ["to"]
        && sent
            .toks
            .get(after)
            .is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Number));
    infinitive || (demand && object) || that_clause || agreed_to
}

/// Nouns of what two parties share ("their security cooperation").
const MUTUAL_TIES: &[&str] = &[
    "cooperation",
    "ties",
    "relations",
    "relationship",
    "partnership",
    "alliance",
    "dialogue",
];

/// Words that say a report is not confirmed ("unconfirmed reports
/// that …").
const UNCONFIRMED: &[&str] = &["unconfirmed", "unverified", "uncorroborated"];

/// Verbs that confirm ("could not confirm that …").
const CONFIRM: &[&str] = &["confirm", "verify", "corroborate"];

/// Lemmas of nouns and verbs that hold a prospect, not a fact: what
/// follows them ("fears that Russia will attack", "speculation that",
/// "hopes that the deal will be signed") is not asserted.
const PROSPECTS: &[&str] = &[
    "chance",
    "concern",
    "danger",
    "fear",
    "hope",
    "likelihood",
    "possibility",
    "prospect",
    "risk",
    "speculation",
    "worry",
];

/// Is token `i` a form of a word of [`PROSPECTS`]?
fn prospect_at(sent: &Sentence<'_, '_>, i: usize) -> bool {
    sent.toks[i].is(PROSPECTS)
        || sent
            .lemmas(i)
            .iter()
            .any(|(l, _)| PROSPECTS.contains(&l.as_str()))
}

/// Where the content of a claim the sentence does not assert starts: the
/// "that" after "unconfirmed reports", "rumours", a word of fear or hope
/// ("fears that", "speculation that"), or after "could not confirm",
/// "was unable to verify"; without "that", a feared future ("Ukraine
/// fears Russia will attack"). A prospect's content ends at the first
/// comma ("Amid fears that Russia will attack, Poland sent troops"); the
/// flag says which claims are prospects.
fn unconfirmed_claims(sent: &Sentence<'_, '_>) -> Vec<(usize, bool)> {
    let toks = &sent.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let feared_future = i > 0
            && prospect_at(sent, i - 1)
            && sent.chunk_of[i].is_some_and(|c| {
                let chunk = &sent.chunks[c];
                chunk.start == i
                    && chunk.prep.is_none()
                    && toks.get(chunk.end).is_some_and(|m| {
                        m.tag == Tag::Modal && m.is(&["will", "would", "could", "may", "might"])
                    })
            });
        if feared_future {
            out.push((i, true));
            continue;
        }
        if t.tag != Tag::Sub || !t.is(&["that"]) || i == 0 {
            continue;
        }
        let before = |n: usize| i.checked_sub(n).and_then(|j| toks.get(j));
        let rumour = before(1).is_some_and(|w| w.lower.starts_with("rumo"));
        let prospect = prospect_at(sent, i - 1);
        let unconfirmed = (2..=3).any(|n| before(n).is_some_and(|w| w.is(UNCONFIRMED)));
        let not_confirmed = sent
            .lemmas(i - 1)
            .iter()
            .any(|(l, _)| CONFIRM.contains(&l.as_str()))
            && (2..=4).any(|n| before(n).is_some_and(|x| x.tag == Tag::Neg || x.is(&["unable"])));
        if rumour || unconfirmed || not_confirmed || prospect {
            out.push((i, prospect && !(rumour || unconfirmed || not_confirmed)));
        }
    }
    out
}

/// Nouns naming a protest.
const PROTEST_NOUNS: &[&str] = &[
    "demonstration",
    "demonstrations",
    "protest",
    "protests",
    "rally",
    "rallies",
    "riot",
    "riots",
];

/// Does the clause of verb `k` name a protest ("threw stones during
/// demonstrations")?
fn protest_in_clause(sent: &Sentence<'_, '_>, k: usize) -> bool {
    (sent.clause_start(k)..sent.clause_end(k).min(sent.toks.len())).any(|i| sent.toks[i].is(PROTEST_NOUNS))
}

/// The "by" phrase of a passive after an aside set off by commas that
/// ends its clause ("has been accused of misusing public funds, much of
/// it believed to have been embezzled, by Haitian officials"): the comma
/// at `clause_end`, no more than a dozen words, a comma, then "by" and a
/// party.
fn by_after_aside(sent: &Sentence<'_, '_>, clause_end: usize) -> Option<usize> {
    if sent.toks.get(clause_end)?.tag != Tag::Comma {
        return None;
    }
    let close = (clause_end + 1..(clause_end + 14).min(sent.toks.len()))
        .find(|&i| matches!(sent.toks[i].tag, Tag::Comma | Tag::Break))?;
    if sent.toks[close].tag != Tag::Comma || !sent.toks.get(close + 1)?.is(&["by"]) {
        return None;
    }
    sent.chunk_after(close + 2, (close + 5).min(sent.toks.len()), |c| {
        c.prep.as_deref() == Some("by") && !c.actors.is_empty() && !c.possessor
    })
}

/// Who made the claim a denial rejects, named after the end of the verb
/// `from` and before what the claim says (its "that" clause or its first
/// verb), within `until`: the owner of the claim ("denied Congo's
/// accusation") or the party it came from or was made by ("denied
/// allegations from Kinshasa"). Anyone else named is a party of the
/// claim, not its maker.
fn claimant(sent: &Sentence<'_, '_>, from: usize, until: usize) -> Option<usize> {
    let until = (from..until.min(sent.toks.len()))
        .find(|&i| sent.toks[i].tag == Tag::Sub || sent.triggers.iter().any(|t| t.tok == i))
        .unwrap_or(until);
    sent.chunks.iter().position(|c| {
        c.start >= from
            && c.end <= until
            && !c.actors.is_empty()
            && (c.possessor || matches!(c.prep.as_deref(), Some("from" | "by")))
    })
}

/// The verb that sent people or set up a body for the inquiry trigger
/// `i` to carry out ("sent a team to Bosnia to investigate", "set up a
/// commission to investigate"): such a purpose is an inquiry begun.
fn inquiry_sender(sent: &Sentence<'_, '_>, i: usize) -> Option<usize> {
    let tr = &sent.triggers[i];
    (tr.pattern.kind == PloverType::Investigate && sent.control(tr.tok) == Control::Other)
        .then(|| sent.dispatched_purpose(tr.tok))
        .flatten()
}

/// True when an infinitive opens at token `at` under a negation ("not to
/// return", "never to attack").
fn negated_infinitive(sent: &Sentence<'_, '_>, at: usize) -> bool {
    sent.toks.get(at).is_some_and(|t| t.is(&["not", "never"]))
        && sent.toks.get(at + 1).is_some_and(|t| t.tag == Tag::To)
}

/// Code every sentence event.
pub fn code_sentence(sent: &Sentence<'_, '_>, ctx: &Context<'_>, lex: &Lexicon) -> Vec<Event> {
    let mut suppressed = vec![false; sent.triggers.len()];
    let mut complements: BTreeMap<usize, (usize, usize, Option<Complement>)> = BTreeMap::new();
    for (i, tr) in sent.triggers.iter().enumerate() {
        if !tr.pattern.frame || suppressed[i] {
            continue;
        }
        let end = complement_end(sent, tr.end);
        let mut action: Option<Complement> = None;
        for (j, other) in sent.triggers.iter().enumerate() {
            let inside = other.tok >= tr.end && other.tok < end;
            if inside && (!other.pattern.frame || matches!(sent.control(other.tok), Control::Frame(_))) {
                suppressed[j] = true;
                if action.is_none() && !other.pattern.frame {
                    action = Some(Complement {
                        code: other.pattern.code.clone(),
                        trigger: Some(j),
                        at: None,
                    });
                }
            }
        }
        // The earlier of the first action verb and the first event noun
        // ("agreed to a ceasefire after two days of fighting").
        if let Some(noun) = complement_noun(sent, tr.end, end) {
            let verb_at = action
                .as_ref()
                .and_then(|a| a.trigger)
                .and_then(|j| sent.triggers.get(j))
                .map(|t| t.tok);
            if verb_at.is_none_or(|v| noun.at.is_some_and(|n| n < v)) {
                action = Some(noun);
            }
        }
        complements.insert(i, (tr.end, end, action));
    }
    // "vetoed a resolution censuring X": a participle describing what
    // was rejected is that thing's content, not an act of the subject.
    for (i, tr) in sent.triggers.iter().enumerate() {
        if tr.pattern.frame || tr.pattern.kind != PloverType::Reject {
            continue;
        }
        let Some(j) = (i + 1..sent.triggers.len()).find(|&j| !suppressed[j]) else {
            continue;
        };
        let other = &sent.triggers[j];
        let in_object = (tr.end..other.tok).all(|t| {
            let tok = &sent.toks[t];
            matches!(tok.tag, Tag::Word | Tag::Det | Tag::Possessive | Tag::Number)
                && !tok.is(&["that", "which", "who"])
        });
        if other.form == crate::lemma::Form::Ing && other.tok > tr.end && in_object {
            suppressed[j] = true;
        }
    }

    // "unconfirmed reports that …", "could not confirm that …": what is
    // not confirmed is not coded.
    for (from, prospect) in unconfirmed_claims(sent) {
        let mut end = complement_end(sent, from);
        if prospect && let Some(comma) = (from..end).find(|&i| sent.toks[i].tag == Tag::Comma) {
            end = comma;
        }
        for (j, other) in sent.triggers.iter().enumerate() {
            if other.tok >= from && other.tok < end {
                suppressed[j] = true;
            }
        }
    }
    // "sent a team to investigate": the sending is only the means of the
    // inquiry (CAMEO's "send a team" would code an intent to meet).
    let inquiry_senders: Vec<Option<usize>> = (0..sent.triggers.len())
        .map(|i| inquiry_sender(sent, i))
        .collect();
    for sender in inquiry_senders.iter().flatten() {
        for (j, other) in sent.triggers.iter().enumerate() {
            if other.tok == *sender {
                suppressed[j] = true;
            }
        }
    }

    let mut events = Vec::new();
    for (i, tr) in sent.triggers.iter().enumerate() {
        if suppressed[i] {
            continue;
        }
        let k = tr.tok;
        if sent.modifies_noun_after(k, tr.end, tr.form) || heads_violent_subject(sent, i) {
            continue;
        }
        let control = sent.control(k);
        let failed = control == Control::Failed;
        // A purpose clause that is the protest itself: "were converging
        // for a rally in Lagos to protest …" (a verb before it that codes
        // an event of its own holds the protest: "rallied … to protest").
        // Not after a noun of intent: "an initial threat to boycott the
        // ceremony", "plans to strike" name no protest held.
        let after_intent_noun =
            k >= 2 && sent.toks[k - 1].tag == Tag::To && sent.toks[k - 2].is(INTENT_NOUNS);
        let purpose_protest = control == Control::Other
            && !after_intent_noun
            && tr.pattern.code.starts_with("14")
            && !sent
                .triggers
                .iter()
                .any(|o| o.tok < k && o.tok >= sent.clause_start(k));
        // "sent a team to Bosnia to investigate": an inquiry begun.
        let inquiry_sent_by = inquiry_senders[i];
        let purpose_inquiry = inquiry_sent_by.is_some();
        let mut future = match control {
            Control::Other if purpose_protest || purpose_inquiry => false,
            Control::Frame(_) | Control::Other => continue,
            Control::Intent => true,
            Control::None | Control::Realis | Control::Failed => false,
        };
        if sent.conditional(k) {
            continue;
        }
        let mut group = sent.verb_group(k);
        if sent.negated_subject(k)
            || (control == Control::Intent && sent.intent_negated(k))
            || no_object(sent, tr.end)
        {
            group.negated = true;
        }
        if group.modal.is_none() {
            group.modal = sent.obliged_readiness(k).map(str::to_owned);
        }
        let mut demand_by: Option<usize> = None;
        // "may cut gas supplies if Kyiv does not pay": a possibility on a
        // condition the actor sets is a threat (or an offer).
        let on_condition = sent.toks.iter().any(|t| t.is(&["if", "unless"]));
        let mut possible = false;
        match group.modal.as_deref() {
            Some("will" | "'ll" | "shall" | "wo") => future = true,
            Some("would" | "could") => {
                if sent.reporter(k).is_some() {
                    future = true;
                } else if on_condition && group.modal.as_deref() == Some("could") {
                    future = true;
                    possible = true;
                } else {
                    continue;
                }
            }
            Some("may" | "might") if on_condition => {
                future = true;
                possible = true;
            }
            Some(m @ ("must" | "should")) => match sent.reporter(k) {
                Some(r) => {
                    demand_by = Some(r);
                    future = m == "should";
                }
                None => continue,
            },
            Some(_) => continue,
            None => {}
        }
        let p = tr.pattern;
        // "will not tolerate attacks", "will no longer tolerate rallies":
        // refusing to tolerate is the threat; tolerating is nothing.
        if p.verb == "tolerate" {
            if !group.negated {
                continue;
            }
            group.negated = false;
        }
        let complement = complements.get(&i);
        let action = complement.and_then(|(_, _, a)| a.as_ref());
        // "vowed not to return the Golan Heights": an intention not to
        // act is a refusal, like "refused to".
        let refused = Family::of_code(&p.code) == Some(Family::Intent)
            && complement.is_some_and(|(start, _, _)| negated_infinitive(sent, *start));
        let failed = failed || refused;
        // The coding before modality.
        // "denied supporting the rebels", "denied that its troops had
        // fired": a denial rejects a claim; it does not refuse what the
        // claim says, and the party the claim names is not the one rejected.
        let denial = p.frame && p.verb == "deny";
        // "denied entry to …", "denied him": not a claim denied (those
        // with their own objects are patterns of their own); "denied
        // backing the rebels", a gerund, is one, whatever the act.
        let gerund = sent.toks.get(tr.end).is_some_and(|t| t.tag == Tag::Word)
            && sent
                .lemmas(tr.end)
                .iter()
                .any(|(_, f)| *f == crate::lemma::Form::Ing);
        if denial
            && p.objects.is_empty()
            && action.is_none()
            && !gerund
            && !sent.toks.get(tr.end).is_some_and(|t| t.tag == Tag::Sub)
        {
            continue;
        }
        let mut coding = if p.frame && !denial {
            let family = Family::of_code(&p.code);
            match (family, action) {
                (Some(f), Some(a)) => {
                    let f = match f {
                        Family::Intent if cameo::is_hostile(&a.code) => Family::Threaten,
                        other => other,
                    };
                    let code = cameo::mirror(f, &a.code);
                    coding_from(lex, code, f.plover())
                }
                _ => Coding {
                    kind: p.kind,
                    code: p.code.clone(),
                    mode: p.mode.clone(),
                    context: p.context.clone(),
                },
            }
        } else {
            Coding {
                kind: p.kind,
                code: p.code.clone(),
                mode: p.mode.clone(),
                context: p.context.clone(),
            }
        };
        // "threw stones during demonstrations against …": violence thrown
        // at a protest is the protest turned riot.
        if p.verb == "throw" && coding.code.starts_with("18") && protest_in_clause(sent, k) {
            coding = coding_from(lex, "145".to_owned(), PloverType::Protest);
        }
        if p.frame
            && !p.act
            && demand_by.is_none()
            && !failed
            && matches!(
                Family::of_code(&p.code),
                Some(Family::Appeal | Family::Demand | Family::Intent | Family::Threaten)
            )
            && !complement.is_some_and(|(_, end, a)| has_complement(sent, tr.tok + 1, *end, a.as_ref(), p))
        {
            // "insisted unrest there reflected …": no action, no demand.
            continue;
        }
        // "asked by the BBC if the US intended to …", "asked him whether":
        // a question put, not a demand.
        if p.verb == "ask" && asks_a_question(sent, tr.end) {
            continue;
        }
        if p.frame && p.kind == PloverType::Threaten && p.verb == "warn" {
            // A warning is a threat only when it names a hostile act or a
            // threat ("warned that police will no longer tolerate rallies").
            // A party warned to act is asked to ("warned Hamas to release
            // the hostages": a demand).
            let party_warned_to = sent
                .chunk_of
                .get(tr.end)
                .copied()
                .flatten()
                .filter(|&c| sent.chunks[c].start == tr.end && sent.chunks[c].prep.is_none())
                .is_some_and(|c| {
                    sent.toks
                        .get(sent.chunks[c].end)
                        .is_some_and(|t| t.tag == Tag::To)
                });
            let threat = action.is_some_and(|a| cameo::is_hostile(&a.code) || a.code.starts_with("13"));
            if let Some(a) = action.filter(|_| party_warned_to && !threat) {
                coding = coding_from(
                    lex,
                    cameo::mirror(Family::Demand, &a.code),
                    Family::Demand.plover(),
                );
            } else if !threat && !warns_of_reprisal(sent, tr.end) {
                continue;
            }
        }
        let verbal = Family::of_code(&coding.code).is_some();
        let mut refusal = false;
        if group.negated || failed {
            let cooperative = matches!(
                coding.code.get(..2),
                Some("03" | "04" | "05" | "06" | "07" | "08")
            );
            if (future || failed) && cooperative {
                let code = cameo::mirror(Family::Reject, &p.code);
                coding = coding_from(lex, code, PloverType::Reject);
                future = false;
                refusal = true;
            } else {
                continue;
            }
        }
        if let Some(by) = demand_by {
            let family = if future { Family::Appeal } else { Family::Demand };
            let code = cameo::mirror(family, &p.code);
            let subject = sent.subject(k, 0);
            let Some(target) = subject else { continue };
            if target == by {
                continue;
            }
            let c = coding_from(lex, code, PloverType::Demand);
            emit(
                sent,
                ctx,
                &mut events,
                tr.tok,
                tr.end,
                c,
                by,
                Some(target),
                false,
                k,
                true,
            );
            continue;
        }
        // "may resume aid if …", "may call for sanctions if …": too weak
        // an offer or demand to code; only a hostile act is a threat.
        if possible && (verbal || !cameo::is_hostile(&coding.code)) {
            continue;
        }
        // "announced it would prohibit all aid to …": a sanction made
        // public as decided is the sanction, not a threat of it.
        let announced_sanction = future
            && !verbal
            && coding.code.starts_with("16")
            && !on_condition
            && sent.saying_before(k).is_some_and(|j| {
                sent.lemmas(j)
                    .iter()
                    .any(|(l, _)| matches!(l.as_str(), "announce" | "declare"))
            });
        if announced_sanction {
            future = false;
        }
        let intended = future && !verbal;
        if intended {
            // An intention on a condition ("will withdraw its force unless
            // …") is an ultimatum.
            let ultimatum = sent.toks[k..].iter().any(|t| t.is(&["unless"]));
            let family = if cameo::is_hostile(&coding.code) || ultimatum {
                Family::Threaten
            } else {
                Family::Intent
            };
            let code = cameo::mirror(family, &coding.code);
            coding = coding_from(lex, code, family.plover());
        }

        // Source and target.
        let passive = sent.passive(k, tr.end, tr.form);
        let clause_end = if p.frame {
            complement.map_or(sent.clause_end(k), |(_, e, _)| *e)
        } else {
            sent.clause_end(k)
        };
        // A quote that opens on its verb ("\"Had a productive conversation
        // with Rubio …,\" Kagame wrote"): the speaker is its subject.
        let opens_quote = group.start > 0 && sent.toks[group.start - 1].tag == Tag::Quote;
        // A thing that asks ("stability will require the army to
        // withdraw", "the plan calls on Rwanda to …"), in reported speech:
        // the speaker asks.
        let thing_asks = p.frame
            && p.ctl
            && group
                .start
                .checked_sub(1)
                .and_then(|i| sent.toks.get(i))
                .is_some_and(|t| t.tag == Tag::Word && !t.capital);
        let subject = sent
            .subject(k, 0)
            .or_else(|| (opens_quote || thing_asks).then(|| sent.reporter(k)).flatten());
        let (source, mut target) = if passive {
            // The "by" phrase, unless it only owns the thing that did it
            // ("struck by LaSalle's car"); for an attack, its weapon ("killed
            // in a car bomb explosion") is its agent, as with "by".
            let by = sent
                .chunk_after(tr.end, clause_end, |c| c.prep.as_deref() == Some("by"))
                .filter(|&c| !sent.chunks[c].possessor && !modifies_a_noun(sent, c))
                .or_else(|| by_after_aside(sent, clause_end))
                .or_else(|| {
                    matches!(coding.kind, PloverType::Assault | PloverType::Fight)
                        .then(|| sent.chunk_after(tr.end, clause_end, |c| c.prep.as_deref() == Some("in")))
                        .flatten()
                        .filter(|&c| {
                            let actors = &sent.chunks[c].actors;
                            !actors.is_empty()
                                && actors.iter().all(|a| a.agent_sector.as_deref() == Some("UAF"))
                        })
                })
                // "A rocket was fired from Gaza into Israel": fire from a
                // place is that place's.
                .or_else(|| {
                    matches!(coding.kind, PloverType::Assault | PloverType::Fight)
                        .then(|| {
                            sent.chunk_after(tr.end, clause_end, |c| {
                                c.prep.as_deref() == Some("from") && !c.actors.is_empty() && only_places(c)
                            })
                        })
                        .flatten()
                        .filter(|&c| scene_of_verb(sent, tr.end, sent.chunks[c].start))
                });
            // "A camp for Congolese refugees was attacked": a subject that
            // names no one stands for the party its "for" or "of" phrase
            // names; "a missionary from Calgary", for the place it is from.
            let owner = || {
                let start = sent.clause_start(k);
                sent.chunks.iter().position(|c| {
                    c.start >= start
                        && c.end == group.start
                        && !c.actors.is_empty()
                        && match c.prep.as_deref() {
                            Some("for" | "of") => true,
                            Some("from") => only_places(c),
                            _ => false,
                        }
                })
            };
            if tr.fronted {
                // "Sanctions (on Iran) were imposed (on Iran) by …": the
                // pattern's own prepositions name the target, before or
                // after the verb. A "by" past an infinitive is that act's
                // ("troops were sent to prevent the capture of Goma by the
                // M23").
                let infinitive = |i: usize| {
                    sent.toks[i].tag == Tag::To
                        && sent.toks.get(i + 1).is_some_and(|n| {
                            n.tag == Tag::Word
                                && !n.capital
                                && !n.lower.contains('-')
                                && sent.chunk_of[i + 1].is_none()
                        })
                };
                let by = by.filter(|&b| !(tr.end..sent.chunks[b].start).any(infinitive));
                let start = sent.clause_start(k);
                let slotted = p.slots.iter().filter(|s| *s != "obj").find_map(|slot| {
                    (0..sent.chunks.len()).find(|&i| {
                        let c = &sent.chunks[i];
                        c.start >= start
                            && c.end <= clause_end
                            && Some(i) != by
                            && c.prep.as_deref() == Some(slot.as_str())
                            && !c.actors.is_empty()
                    })
                });
                (by, slotted)
            } else {
                // "A US journalist was arrested in Iran": an arrest,
                // trial or inquiry with no agent named is the state's
                // where it was done.
                let by = by.or_else(|| {
                    state_act(&coding)
                        .then(|| sent.chunk_after(tr.end, clause_end, locative_place))
                        .flatten()
                        .filter(|&c| {
                            sent.chunks[c].prep.as_deref() == Some("in")
                                && scene_of_verb(sent, tr.end, sent.chunks[c].start)
                        })
                });
                // "Shots were fired at the police": the weapon fired is
                // no target; what it was fired at, into or on is.
                let aimed_at = || {
                    sent.chunk_after(tr.tok, clause_end, |c| {
                        matches!(c.prep.as_deref(), Some("at" | "into" | "on" | "against"))
                            && !c.actors.is_empty()
                            && !weapon_only(c)
                    })
                };
                let target = match subject {
                    Some(c) if weapon_only(&sent.chunks[c]) => aimed_at(),
                    Some(c) => Some(c),
                    None => owner(),
                };
                (by, target)
            }
        } else {
            (subject, None)
        };
        let Some(source) = source else { continue };
        // "defending itself": acting on oneself is no event between two
        // actors, unless the pattern names the reflexive ("blew themselves
        // up": a suicide bombing).
        if sent
            .toks
            .get(k + 1 + p.particles.len())
            .is_some_and(|t| t.is(REFLEXIVES) && !p.objects.iter().flatten().any(|w| t.lower == *w))
        {
            continue;
        }
        // The one asked names no actor: nothing later in the clause is
        // taken as asked (see `asks_no_actor`).
        let no_one_asked =
            p.ctl && asks_no_actor(sent, (tr.tok + 1 + p.particles.len()).min(tr.end), clause_end);
        if !passive && !no_one_asked {
            target = find_target(sent, tr.tok, tr.end, clause_end, p, action, source);
        }
        // "sent personnel to Bosnia to investigate the feasibility of a
        // peacekeeping force": where they were sent is what is looked into.
        if let Some(sender) = inquiry_sent_by {
            let destination = (sender + 1..k).filter_map(|j| sent.chunk_of[j]).find(|&c| {
                let chunk = &sent.chunks[c];
                chunk.prep.as_deref() == Some("to") && !chunk.actors.is_empty() && only_places(chunk)
            });
            target = destination.or(target);
        }
        if group.start == k && contact_relative(sent, source, k, tr.end) {
            continue;
        }
        // The one the verb's own roles name ("took Goma"), before a place
        // where it happened stands in for it.
        let role_target = target;
        // An action on a place ("demolished homes in southern Gaza",
        // "blocked roads in Algiers") acts on the place's country.
        // A party named before the place is the one acted on ("prohibit
        // all aid to Albanian rebels in Macedonia"): first_party below.
        // An intended one too ("will evacuate settlements in the Gaza
        // Strip"): the act intended is on the place.
        // A symmetric verb's subject "X and Y", or a phrase that stands
        // for them ("the chiefs"), acts on itself: "the army and the RSF
        // clashed in Khartoum" is between them, not on Khartoum.
        let mutual_subject = p.sym && resolve(sent, ctx, source).len() > 1;
        let forceful = cameo::is_force(&coding.code);
        if target.is_none()
            && !mutual_subject
            && ((!verbal && located(coding.kind)) || (!p.frame && located(p.kind)))
        {
            target = sent
                .chunk_after(tr.end, clause_end, |c| !c.actors.is_empty() && !weapon_only(c))
                .filter(|&c| c != source)
                .filter(|&c| {
                    let chunk = &sent.chunks[c];
                    chunk.prep.as_deref().is_some_and(|p| {
                        matches!(p, "in" | "into" | "at" | "near" | "across")
                                // "struck targets over Gaza".
                                || (p == "over" && forceful)
                    }) && chunk.actors.iter().all(|a| {
                        matches!(a.kind, Some(EntityKind::Place | EntityKind::Country)) && a.country.is_some()
                    })
                });
        }
        // A verb that needs a place takes it as its object ("took Goma"),
        // not as where the act happened ("has taken steps … in Sudan").
        // A place named only as a modifier ("an extra English class") is
        // no object taken.
        if p.need_place
            && !role_target.is_some_and(|t| {
                let chunk = &sent.chunks[t];
                only_places(chunk)
                    && !chunk.actors.is_empty()
                    // ("took Goma last week": a time is no noun modified.)
                    && !sent
                        .toks
                        .get(chunk.end)
                        .is_some_and(|n| n.tag == Tag::Word && !n.capital && !sent.in_time[chunk.end])
            })
            && !takes_ground(sent, tr.end, clause_end)
        {
            continue;
        }
        if p.need_target && target.is_none() && !mutual_subject {
            continue;
        }
        // "agreed", "reaffirmed their commitment": a pronoun target that
        // is the subject again leaves the event mutual (see `emit`).
        // An intention is its holder's alone ("said they would meet U.N.
        // mediator Diego Cordovez"), unless both hold it ("X and Y will meet").
        // A refusal ("will not meet Ukraine") is its subject's alone.
        // "Rwanda and Uganda pledged to deepen their security
        // cooperation": a compound subject's own ties are between them.
        let their_ties = !refusal
            && sent.chunks[source].is_compound()
            && (tr.end..clause_end.min(tr.end + 8)).any(|i| {
                sent.toks[i].is(&["their"])
                    && (i + 1..(i + 4).min(clause_end)).any(|j| sent.toks[j].is(MUTUAL_TIES))
            });
        let mutual = (p.sym || their_ties)
            && (!(intended || refusal) || mutual_subject || their_ties)
            && target
                .is_none_or(|t| co_participant(sent, t, tr.end, p.frame) || sent.chunks[t].pronoun.is_some());
        // No role of the verb names a target: the first party the rest of
        // the clause names is the one acted on ("imposed restrictions
        // against German goods", "paid compensation to British
        // nationals", "rioted at a jail in northern Israel").
        if target.is_none() && !passive && !mutual_subject && !no_one_asked {
            let places = !verbal && located(coding.kind);
            // Forces mobilised "by" someone are that someone's, not a target
            // ("ordered patrols by police").
            target = first_party(sent, tr.end, clause_end, source, places).filter(|&c| {
                (coding.kind != PloverType::Mobilize || sent.chunks[c].prep.as_deref() != Some("by"))
                    && !companion(sent, c)
            });
            if places && target.is_none() {
                target = place_of_when_clause(sent, clause_end);
            }
        }
        if denial {
            target = claimant(sent, tr.tok + 1, clause_end);
        }
        // A participle clause ("rioted …, setting fire to their
        // mattresses", "opened fire, killing one person") elaborates the
        // event of its main clause: it is coded only when it names a party
        // of its own. Arrests are acts of their own ("opened fire …,
        // killing one person and arresting 12").
        // Nor do civilians counted ("…, killing 25 people"): they are the
        // main event's victims.
        let participle = tr.form == crate::lemma::Form::Ing && !group.be && group.start == k;
        let victims_counted = target.is_some_and(|t| {
            let chunk = &sent.chunks[t];
            chunk.pronoun.is_none()
                && chunk
                    .actors
                    .iter()
                    .all(|a| a.entity.is_none() && a.agent_sector.as_deref() == Some("CVL"))
        });
        if participle
            && (target.is_none() || victims_counted)
            && !mutual_subject
            && !coding.code.starts_with("173")
        {
            continue;
        }
        // Protesters "demanding …", "calling for …": the protest's claim,
        // not a demand of its own.
        let protest_before = sent
            .triggers
            .iter()
            .any(|t| t.tok < k && t.pattern.kind == PloverType::Protest && !t.pattern.frame);
        let bare_ing = tr.form == crate::lemma::Form::Ing
            && !group.be
            && !sent.toks[group.start..k].iter().any(|t| t.tag == Tag::Aux);
        if bare_ing && protest_before && coding.kind == PloverType::Demand {
            continue;
        }
        let source_in = |sectors: &[&str]| {
            sent.chunks[source]
                .actors
                .iter()
                .any(|a| a.sector.as_deref().is_some_and(|s| sectors.contains(&s)))
        };
        // Peacekeepers arriving somewhere protect it (CAMEO 074); other
        // troops arriving are deployed; neither is visiting.
        if matches!(coding.code.as_str(), "042" | "043") {
            let chunk = &sent.chunks[source];
            let peacekeepers = sent.toks[chunk.start..chunk.end]
                .iter()
                .any(|t| t.lower.starts_with("peacekeep") || t.lower.starts_with("peace-keep"));
            if peacekeepers {
                coding = coding_from(lex, "074".to_owned(), PloverType::Aid);
            } else if source_in(&["MIL", "REB", "IMG", "COP"]) {
                continue;
            }
        }
        // "Russia protested that NATO troops had crossed the border", "…,
        // a rights group protested": a protest in words criticises the one
        // it names; no demonstration was held.
        if coding.kind == PloverType::Protest
            && let Some(named) = verbal_protest(sent, k, tr.end, source)
        {
            coding = coding_from(lex, "111".to_owned(), PloverType::Disapprove);
            target = named;
        }
        // Police or troops blocking a street or marching somewhere are
        // policing or deploying: a protest is by those outside the
        // state's forces.
        if coding.kind == PloverType::Protest && source_in(&["MIL", "COP", "SPY"]) {
            continue;
        }
        // Protesters or a mob attacking or storming is a violent protest
        // (CAMEO 145), not armed force; a clash of both sides stays one.
        let one_sided = matches!(coding.code.as_str(), "180" | "190") && !tr.pattern.sym;
        if one_sided && protesters(sent, source) {
            coding = coding_from(lex, "145".to_owned(), PloverType::Protest);
        }
        // Police attacking protesters or a crowd is violent repression
        // (CAMEO 175), not a battle.
        let crowd = target.is_some_and(|t| {
            sent.chunks[t]
                .actors
                .iter()
                .any(|a| a.sector.as_deref().is_some_and(|s| matches!(s, "CVL" | "OPP")))
        });
        if one_sided && source_in(&["COP"]) && crowd {
            coding = coding_from(lex, "175".to_owned(), PloverType::Assault);
        }
        // The weapon may be in the subject a parenthetical keeps out of
        // the verb's clause ("air strikes, launched before dawn, killed").
        let mode_from = match subject.filter(|_| !passive) {
            Some(c) => sent.chunks[c].start.min(sent.clause_start(k)),
            None => sent.clause_start(k),
        };
        // The party acted on is no weapon used ("killed two gunmen").
        let victim = target.map(|c| (sent.chunks[c].start, sent.chunks[c].end));
        refine_mode(sent, lex, &mut coding, (mode_from, clause_end), victim);
        emit(
            sent,
            ctx,
            &mut events,
            tr.tok,
            tr.end,
            coding,
            source,
            target,
            mutual,
            k,
            intended,
        );
    }
    reported_obligations(sent, ctx, lex, &mut events);
    reported_blame(sent, ctx, lex, &mut events);
    dated_meetings(sent, ctx, lex, &mut events);
    agentive_nominals(sent, ctx, lex, &mut events);
    drop_repeats(&mut events);
    events
}

/// When the verb "protest" at `k` (ending at `end`, subject chunk
/// `source`) reports words, not a demonstration: `Some` of the party its
/// complaint names, the subject of the "that" clause after it ("protested
/// that NATO troops had crossed") or of the clause it closes ("Croatian
/// authorities are failing …, a rights group protested").
fn verbal_protest(sent: &Sentence<'_, '_>, k: usize, end: usize, source: usize) -> Option<Option<usize>> {
    if !sent.lemmas(k).iter().any(|(l, _)| l == "protest") {
        return None;
    }
    let party = |from: usize, until: usize| {
        sent.chunk_after(from, until, |c| c.prep.is_none() && !c.actors.is_empty())
            .filter(|&c| c != source)
    };
    if sent.toks.get(end).is_some_and(|t| t.is(&["that"])) {
        return Some(party(end + 1, sent.clause_end(end + 1)));
    }
    let opening = before_determiners(sent, sent.chunks[source].start);
    // Nothing but a time or "here" after the verb: no object, no place.
    let closes_clause = sent.chunks[source].end <= k
        && opening > 0
        && sent.toks[opening - 1].tag == Tag::Comma
        && (end..sent.toks.len()).all(|i| {
            sent.toks[i].tag == Tag::Punct || sent.in_time[i] || sent.toks[i].is(&["here", "there"])
        });
    closes_clause.then(|| party(0, opening - 1))
}

/// The first of the determiners right before token `start` ("a", "the
/// first …"), or `start` itself when none precedes it.
fn before_determiners(sent: &Sentence<'_, '_>, start: usize) -> usize {
    let mut i = start;
    while i > 0 && sent.toks[i - 1].tag == Tag::Det {
        i -= 1;
    }
    i
}

/// Is trigger `i` a violent noun heading the subject of a later violent
/// verb, a parenthetical between them ("US attacks, occurring every
/// three days, have killed eight leaders"): the verb's event is its.
fn heads_violent_subject(sent: &Sentence<'_, '_>, i: usize) -> bool {
    let tr = &sent.triggers[i];
    let after_comma = sent.toks.get(tr.end).is_some_and(|t| t.tag == Tag::Comma);
    if !after_comma || !sent.violence_at(tr.tok) {
        return false;
    }
    sent.triggers[i + 1..].iter().any(|o| {
        let group = sent.verb_group(o.tok);
        let set_off = group.start > tr.end && sent.toks[group.start - 1].tag == Tag::Comma;
        set_off
            && sent.violence_at(o.tok)
            && sent.subject(o.tok, 0).is_some_and(|c| {
                let chunk = &sent.chunks[c];
                chunk.end <= tr.tok
                    && sent.toks[chunk.end..=tr.tok]
                        .iter()
                        .all(|t| t.tag == Tag::Word && !crate::lemma::looks_past(&t.lower))
            })
    })
}

/// Words before an event noun that make the act wished for, feared or
/// prevented rather than done ("to prevent the capture of …").
const NOMINAL_NOT_DONE: &[&str] = &[
    "no",
    "possible",
    "potential",
    "planned",
    "future",
    "further",
    "any",
    "prevent",
    "avert",
    "stop",
    "halt",
    "resist",
    "threat",
    "threatened",
    "fear",
    "feared",
    "fears",
    "risk",
    "for",
];

/// Is the noun at token `n` an event of its own: not part of a time, an
/// actor phrase or a verb's pattern, and not after a word of `not_done`
/// that makes it wished for, planned or prevented?
fn free_noun(sent: &Sentence<'_, '_>, n: usize, not_done: &[&str]) -> bool {
    let toks = &sent.toks;
    !(sent.in_time[n]
        || sent.chunk_of[n].is_some()
        || sent
            .triggers
            .iter()
            .any(|t| t.tok <= n && n < t.end.max(t.tok + 1))
        || toks[n.saturating_sub(3)..n].iter().any(|t| t.is(not_done)))
}

/// Events that repeat another of the sentence: the same type between the
/// same actor phrases on the same date (two readings of one demand), or
/// with no target where one by the same phrase has one ("killed one
/// soldier and wounded two others"), or a visit told twice ("arrived in
/// Islamabad for a visit to Pakistan": one trip to one country's
/// places). The first reading stays.
fn drop_repeats(events: &mut Vec<Event>) {
    let visit = |e: &Event| matches!(e.cameo.as_deref(), Some("042" | "043"));
    let place_country = |e: &Event| {
        e.target
            .as_ref()
            .filter(|t| t.sector.is_none())
            .and_then(|t| t.country.clone())
    };
    let mut trips: Vec<(Span, Option<PartialDate>, String, Span)> = Vec::new();
    events.retain(|e| {
        let Some(country) = place_country(e).filter(|_| visit(e)) else {
            return true;
        };
        let told = trips
            .iter()
            .any(|(s, d, c, tr)| *s == e.source.span && *d == e.date && *c == country && *tr != e.trigger);
        trips.push((e.source.span, e.date, country, e.trigger));
        !told
    });
    let targeted: Vec<(PloverType, Span)> = events
        .iter()
        .filter(|e| e.target.is_some())
        .map(|e| (e.kind, e.source.span))
        .collect();
    events.retain(|e| e.target.is_some() || !targeted.contains(&(e.kind, e.source.span)));
    let mut seen = Vec::new();
    events.retain(|e| {
        let key = (e.kind, e.source.span, e.target.as_ref().map(|t| t.span), e.date);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
}

/// A hostile act a noun phrase names with both its parties: "the capture
/// of Goma and Bukavu by the M23 armed group", "an attack on Kigali by
/// rebels". The phrase's time is its own and unstated: such an event is
/// dated neither by the sentence nor by the publication (consolidation
/// joins it to the happening it names, when one is known).
fn agentive_nominals(sent: &Sentence<'_, '_>, ctx: &Context<'_>, lex: &Lexicon, events: &mut Vec<Event>) {
    let toks = &sent.toks;
    for n in 0..toks.len() {
        let Some(noun) = sent.noun_at(n) else { continue };
        if !cameo::is_hostile(&noun.code) || !free_noun(sent, n, NOMINAL_NOT_DONE) {
            continue;
        }
        let acted_on = |c: &crate::actors::Chunk| matches!(c.prep.as_deref(), Some("of" | "on" | "against"));
        let Some(t) = sent
            .chunk_after(n + 1, toks.len(), acted_on)
            .filter(|&t| sent.chunks[t].start <= n + 3 && toks[n + 1].is(&["of", "on", "against"]))
        else {
            continue;
        };
        let after = sent.chunks[t].end;
        // "by the (Rwanda-backed) M23 armed group": modifiers may stand
        // between "by" and the phrase.
        let by_phrase = |c: &crate::actors::Chunk| {
            c.start > after
                && c.start <= after + 3
                && toks[after + 1..c.start]
                    .iter()
                    .all(|x| matches!(x.tag, Tag::Det | Tag::Word))
        };
        let Some(by) = toks
            .get(after)
            .filter(|x| x.is(&["by"]))
            .and_then(|_| sent.chunks.iter().position(by_phrase))
        else {
            continue;
        };
        let sources = known_actors(sent, ctx, by);
        let targets = known_actors(sent, ctx, t);
        let mut coding = coding_from(lex, noun.code.clone(), PloverType::Fight);
        coding.kind = noun.kind.unwrap_or(coding.kind);
        for s in &sources {
            for target in targets.iter().filter(|x| !same_actor(s, x)) {
                let place = (target.kind == Some(EntityKind::Place))
                    .then(|| ctx.places.iter().find(|p| p.span == target.span))
                    .flatten()
                    .map(|p| when_where::to_event_place(p));
                let event = coding.event(
                    s,
                    Some(target),
                    (None, DatePrecision::Unknown, EventDateBasis::None),
                    place,
                    sent.span,
                    sent.span_of(n, n + 1),
                );
                if !events.contains(&event) {
                    events.push(event);
                }
            }
        }
    }
}

/// "Russia said Sudan must return the helicopter": a demand by the
/// speaker on the subject, whatever the verb ("must" a demand, CAMEO 10;
/// "should" an appeal, CAMEO 02). Verbs the lexicon knows were coded with
/// their own category above.
fn reported_obligations(sent: &Sentence<'_, '_>, ctx: &Context<'_>, lex: &Lexicon, events: &mut Vec<Event>) {
    for (i, t) in sent.toks.iter().enumerate() {
        if !(t.tag == Tag::Modal && t.is(&["must", "should"])) {
            continue;
        }
        // The verb, after "not" and "be"/"have".
        let mut v = i + 1;
        while sent
            .toks
            .get(v)
            .is_some_and(|x| x.tag == Tag::Neg || x.tag == Tag::Aux)
        {
            v += 1;
        }
        if !sent.toks.get(v).is_some_and(|x| x.tag == Tag::Word && !x.capital) {
            continue;
        }
        if sent.triggers.iter().any(|tr| tr.tok >= i && tr.tok <= v + 1) || sent.conditional(v) {
            continue;
        }
        let (Some(speaker), Some(subject)) = (sent.reporter(v), sent.subject(v, 0)) else {
            continue;
        };
        // "We should be looking for ways…", "you must…": the speaker's
        // own side or anyone, no party asked.
        let own_side = sent.chunks[subject]
            .pronoun
            .as_deref()
            .is_some_and(|p| matches!(p, "we" | "i" | "you" | "us"));
        if speaker == subject || own_side {
            continue;
        }
        let code = if t.is(&["must"]) { "100" } else { "020" };
        let coding = coding_from(lex, code.to_owned(), PloverType::Demand);
        emit(
            sent,
            ctx,
            events,
            i,
            v + 1,
            coding,
            speaker,
            Some(subject),
            false,
            v,
            true,
        );
    }
}

/// Acts of violence or crime whose authorship can be laid at someone's
/// door ("was behind the attacks", "is responsible for the killings").
const BLAMED_ACTS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "killing",
    "killings",
    "murder",
    "murders",
    "massacre",
    "massacres",
    "shooting",
    "shootings",
    "assassination",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "abduction",
    "kidnapping",
    "kidnappings",
    "plot",
    "coup",
    "genocide",
    "violence",
    "atrocities",
    "crimes",
];

/// "Ukraine said Russia was behind the attacks", "Kigali said Paris was
/// responsible for the genocide": laying an act of violence at a party's
/// door, in reported speech, is the speaker accusing it (CAMEO 112),
/// dated when said. Not a denial ("was not behind") and not the
/// speaker's own side.
fn reported_blame(sent: &Sentence<'_, '_>, ctx: &Context<'_>, lex: &Lexicon, events: &mut Vec<Event>) {
    for (i, t) in sent.toks.iter().enumerate() {
        let blame_word = if t.is(&["behind"]) {
            i + 1
        } else if t.is(&["responsible"]) && sent.toks.get(i + 1).is_some_and(|n| n.is(&["for"])) {
            i + 2
        } else {
            continue;
        };
        let Some(be) = i.checked_sub(1) else { continue };
        if !sent.toks[be].is(&["was", "were", "is", "are", "been", "be"]) {
            continue;
        }
        let act = (blame_word..(blame_word + 6).min(sent.toks.len()))
            .take_while(|&j| !matches!(sent.toks[j].tag, Tag::Comma | Tag::Break | Tag::Sub | Tag::Rel))
            .any(|j| sent.toks[j].is(BLAMED_ACTS));
        if !act {
            continue;
        }
        // The party blamed ends right before "was" (or "has been").
        let subject_end = if sent.toks[be].is(&["been"]) && be > 0 && sent.toks[be - 1].tag == Tag::Aux {
            be - 1
        } else {
            be
        };
        let Some(subject) = subject_end
            .checked_sub(1)
            .and_then(|j| sent.chunk_of[j])
            .filter(|&c| sent.chunks[c].end == subject_end && sent.chunks[c].prep.is_none())
        else {
            continue;
        };
        if sent.toks[..=i].iter().rev().take(3).any(|x| x.tag == Tag::Neg) {
            continue;
        }
        let Some(speaker) = sent.reporter(be) else {
            continue;
        };
        let own_side = sent.chunks[subject]
            .pronoun
            .as_deref()
            .is_some_and(|p| matches!(p, "we" | "i" | "us"));
        if speaker == subject || own_side {
            continue;
        }
        let coding = coding_from(lex, "112".to_owned(), PloverType::Disapprove);
        emit(
            sent,
            ctx,
            events,
            i,
            i + 1,
            coding,
            speaker,
            Some(subject),
            false,
            be,
            true,
        );
    }
}

/// "the M23 rebels they support": a relative clause without "that",
/// whose object is the phrase before its pronoun subject. Who the pronoun
/// is cannot be read from the clause, so it codes nothing. (A verb with
/// an auxiliary or modal, "told Rwanda it would withdraw", opens a clause
/// of its own.)
fn contact_relative(sent: &Sentence<'_, '_>, source: usize, verb_start: usize, trigger_end: usize) -> bool {
    let subject = &sent.chunks[source];
    let after_phrase = source
        .checked_sub(1)
        .is_some_and(|p| sent.chunks[p].end == subject.start && sent.chunks[p].pronoun.is_none());
    let gap = sent.toks.get(trigger_end).is_none_or(|t| {
        !matches!(t.tag, Tag::Det | Tag::Word | Tag::Number) && sent.chunk_of[trigger_end].is_none()
    });
    subject.pronoun.is_some() && subject.actors.is_empty() && after_phrase && verb_start == subject.end && gap
}

/// "asked anyone with information to call Sgt. X": the one asked, right
/// after the verb (token `after_verb`), is named and is no actor; whoever
/// the rest of the clause names is not the one asked.
fn asks_no_actor(sent: &Sentence<'_, '_>, after_verb: usize, until: usize) -> bool {
    let named = sent.toks.get(after_verb).is_some_and(|t| {
        matches!(t.tag, Tag::Word | Tag::Pron | Tag::Det)
            && sent.chunk_of[after_verb].is_none()
            && !sent.in_time[after_verb]
            && !t.is(&["to"])
    });
    // … and asked "to" do something, no actor named before the "to".
    let to_verb = (after_verb..until.min(sent.toks.len()))
        .take_while(|&i| sent.chunk_of[i].is_none_or(|c| sent.chunks[c].actors.is_empty()))
        .any(|i| {
            sent.toks[i].tag == Tag::To
                && sent
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| t.tag == Tag::Word && !t.capital)
                && sent.chunk_of.get(i + 1).is_some_and(Option::is_none)
        });
    named && to_verb
}

/// The target chunk of trigger `k..end` in a clause ending at `until`.
fn find_target(
    sent: &Sentence<'_, '_>,
    k: usize,
    end: usize,
    until: usize,
    p: &crate::lexicon::Pattern,
    action: Option<&Complement>,
    source: usize,
) -> Option<usize> {
    let not_source = |c: usize| c != source && !companion(sent, c);
    // Search from after the verb and its particles, so that an indirect
    // object before the object noun counts ("gave Tanzania a grant").
    // A particle after the object ("gunned him down") leaves the object
    // right after the verb.
    let adjacent = p
        .particles
        .first()
        .is_none_or(|first| sent.toks.get(k + 1).is_some_and(|t| t.lower == *first));
    let after_verb = if adjacent {
        (k + 1 + p.particles.len()).min(end)
    } else {
        k + 1
    };
    let direct = || {
        // "its troops", "their forces" name the subject's own side.
        sent.chunk_after(after_verb, (after_verb + 6).min(until), |c| {
            (!c.actors.is_empty() || c.pronoun.is_some())
                && !c
                    .pronoun
                    .as_deref()
                    .is_some_and(|p| matches!(p, "its" | "their" | "his" | "her"))
        })
        .filter(|&c| not_source(c))
        .filter(|&c| {
            let chunk = &sent.chunks[c];
            // Only determiners, modifiers and "of" between the verb and
            // the object ("praised Haiti's efforts", "defended the right
            // of Russian troops", "accused Darfur rebels").
            // The verb's own particle is no preposition of its object
            // ("met with Rubio", "called on Rwanda").
            let particle = p.particles.last().map(String::as_str);
            (chunk.prep.is_none() || chunk.prep.as_deref() == Some("of") || chunk.prep.as_deref() == particle)
                && (after_verb..chunk.start).all(|i| {
                    let t = &sent.toks[i];
                    matches!(t.tag, Tag::Det | Tag::Number | Tag::Word)
                        || t.is(&["of"])
                        || sent.in_quantity(i)
                })
        })
    };
    if p.ctl
        && let Some(c) = direct()
    {
        return Some(c);
    }
    // "an investigation into crimes committed by Croat forces against
    // civilians": an inquiry is into those who did the wrong.
    if p.code.starts_with("09")
        && let Some(c) = sent.chunk_after(after_verb, until, |c| c.prep.as_deref() == Some("by"))
        && not_source(c)
        && perpetrator_phrase(sent, sent.chunks[c].start)
    {
        return Some(c);
    }
    // "denounced the execution of the activists by the Saudi
    // authorities": disapproval of a deed is of the one who did it.
    if matches!(Family::of_code(&p.code), Some(Family::Disapprove))
        && let Some(c) = by_phrase_before_clause(sent, after_verb, until, &[Tag::Sub, Tag::Comma, Tag::Rel])
        && not_source(c)
        && !sent.chunks[c].actors.is_empty()
        && sent.chunks[c].start > after_verb + 1
    {
        return Some(c);
    }
    // "talking about what led Timmons to West Hill": when the topic of
    // talk comes first, the one talked with is named before any clause
    // of the topic ("talked about the crisis with Rubio").
    let topic_first = p.kind == PloverType::Consult
        && sent
            .toks
            .get(after_verb)
            .is_some_and(|t| t.is(&["about", "regarding", "concerning"]));
    let in_topic_clause = |c: usize| {
        topic_first
            && (after_verb..sent.chunks[c].start).any(|i| {
                let t = &sent.toks[i];
                matches!(t.tag, Tag::Sub | Tag::Rel)
                    || t.is(&["what", "how", "why", "whether"])
                    || (t.tag == Tag::Word && crate::lemma::looks_past(&t.lower))
            })
    };
    for slot in &p.slots {
        let found = if slot == "obj" {
            direct()
        } else {
            sent.chunk_after(after_verb, until, |c| c.prep.as_deref() == Some(slot.as_str()))
                .filter(|&c| not_source(c) && !in_topic_clause(c))
        };
        if found.is_some() {
            return found;
        }
    }
    if !p.frame {
        return None;
    }
    // "demanded that the US cancel …": the subject of the that-clause.
    let mut that = after_verb;
    while that < end.min(sent.toks.len()) && sent.toks[that].tag != Tag::Sub && that < after_verb + 2 {
        that += 1;
    }
    if sent.toks.get(that).is_some_and(|t| t.is(&["that"]))
        && let Some(c) = sent.chunk_after(that + 1, (that + 4).min(until), |c| c.prep.is_none())
        && not_source(c)
    {
        return Some(c);
    }
    // "demanded an immediate admission by Moscow that …", "called for an
    // end to attacks by the rebels": the agent of the act asked for is
    // the one asked, when it comes before any clause of the complement.
    if matches!(Family::of_code(&p.code), Some(Family::Demand | Family::Appeal))
        && let Some(c) = by_phrase_before_clause(sent, after_verb, until, &[Tag::Sub, Tag::Comma])
        && not_source(c)
    {
        return Some(c);
    }
    // A frame's target is the one its complement acts on: the subject of
    // an embedded clause ("demanded that Rwanda withdraw") or the target
    // of the embedded action ("agreed to provide aid to Y"); for an event
    // noun, an actor right after it ("called for sanctions against X").
    // A rejection or an accusation concerns whoever made the rejected
    // proposal or did the deed: the first party after the verb ("rejects
    // allegations from Congo that it supports M23").
    if matches!(
        Family::of_code(&p.code),
        Some(Family::Reject | Family::Disapprove)
    ) && let Some(c) = complement_actor(sent, after_verb, until, source, true)
    {
        return Some(c);
    }
    // A hostile act is done to the place it names ("threatened to storm
    // the residence in Tbilisi"); any other act only happens there.
    let hostile = action.is_some_and(|a| cameo::is_hostile(&a.code));
    match action {
        Some(Complement { trigger: Some(j), .. }) => {
            let tr = sent.triggers.get(*j)?;
            if let Some(s) = sent.subject(tr.tok, 1)
                && s != source
                && sent.chunks[s].start > k
                && sent.chunks[s].pronoun.is_none()
            {
                return Some(s);
            }
            let own = find_target(
                sent,
                tr.tok,
                tr.end,
                sent.clause_end(tr.tok).max(tr.end),
                tr.pattern,
                None,
                source,
            );
            // "X and Y agreed that their countries should cooperate to
            // encourage refugees …": a joint act of a compound subject
            // with no party of its own is between them, not on whoever
            // its purpose names.
            if own.is_none() && tr.pattern.sym && sent.chunks[source].is_compound() {
                return None;
            }
            own.or_else(|| complement_actor(sent, tr.end, until, source, hostile))
        }
        // "agreed to US mediation", "called for a Rwandan withdrawal": a
        // party right before the event noun is the one who is to act.
        Some(Complement { at: Some(at), .. }) => sent
            .chunks
            .iter()
            .position(|c| {
                c.end == *at && c.start >= after_verb && !c.actors.is_empty() && c.pronoun.is_none()
            })
            .filter(|&c| not_source(c))
            .or_else(|| complement_actor(sent, at + 1, until, source, hostile)),
        // The object of "reached an agreement" is the act: what follows is
        // its topic ("on the fate of Palestinian offices").
        _ if p.act => None,
        _ => complement_actor(sent, after_verb, until, source, false),
    }
}

/// Nouns of intent: a verb after them and "to" names an act not (yet)
/// done ("an initial threat to boycott the ceremony", "plans to strike").
const INTENT_NOUNS: &[&str] = &[
    "threat",
    "threats",
    "plan",
    "plans",
    "call",
    "calls",
    "vow",
    "vows",
    "promise",
    "pledge",
    "decision",
    "bid",
    "attempt",
    "attempts",
    "offer",
    "refusal",
    "right",
    "need",
    "move",
    "proposal",
    "order",
    "appeal",
    "demand",
    "demands",
    "readiness",
    "willingness",
    "intention",
    "effort",
    "efforts",
    "ability",
    "permission",
    "ultimatum",
    "warning",
];

/// Is chunk `c` named as a companion of the subject ("prosecuted the
/// case along with fellow DA Phillip Stirling", "fought alongside Kenyan
/// troops")? It acts with the subject; it is not acted on.
fn companion(sent: &Sentence<'_, '_>, c: usize) -> bool {
    let mut i = sent.chunks[c].start;
    let mut words = 0;
    while i > 0 && words <= 3 {
        i -= 1;
        let t = &sent.toks[i];
        if t.is(&["alongside"]) {
            return true;
        }
        if t.is(&["with"]) {
            return i > 0 && sent.toks[i - 1].is(&["along", "together"]);
        }
        if !matches!(t.tag, Tag::Det | Tag::Word) {
            return false;
        }
        words += 1;
    }
    false
}

/// Does the target chunk `t` take part on an equal footing, so that a
/// symmetric event (meeting, agreement, clash) is mutual: a "with" or
/// "between" party or the direct object of the verb ("met X", "agreed
/// with X"), not a party of a frame's complement ("agreed to set up a
/// centre in Tokyo").
fn co_participant(sent: &Sentence<'_, '_>, t: usize, trigger_end: usize, frame: bool) -> bool {
    let chunk = &sent.chunks[t];
    let with = matches!(chunk.prep.as_deref(), Some("with" | "between"));
    if frame {
        with && chunk.start <= trigger_end + 2
    } else {
        with || chunk.prep.is_none()
    }
}

/// True when a question opens right after token `from`, past the one
/// asked ("asked by the BBC if", "asked him whether"; not "ask anyone
/// with information about how …"), names and initials included ("asked
/// Reprisals a warning promises ("warned Iran of serious
/// consequences"), or a party warned against an act ("warned Ethiopia
/// against filling the dam"): the warning after token `end` is a threat
/// though it names no hostile act.
fn warns_of_reprisal(sent: &Sentence, end: usize) -> bool {
    let toks = &sent.toks;
    let object = sent
        .chunk_of
        .get(end)
        .copied()
        .flatten()
        .filter(|&c| sent.chunks[c].pronoun.is_none() || sent.chunks[c].start == end)
        .map(|c| sent.chunks[c].end);
    let after = object.unwrap_or(end);
    match toks.get(after) {
        Some(t) if t.is(&["against"]) => object.is_some(),
        Some(t) if t.is(&["of"]) => toks[after + 1..].iter().take(4).any(|t| t.is(REPRISALS)),
        _ => false,
    }
}

/// What a warning may promise in return ("of serious consequences").
const REPRISALS: &[&str] = &[
    "consequences",
    "retaliation",
    "reprisal",
    "reprisals",
    "response",
    "countermeasures",
    "punishment",
    "repercussions",
];

/// by Judge Michael A. Martone if").
fn asks_a_question(sent: &Sentence<'_, '_>, from: usize) -> bool {
    (from..sent.toks.len())
        .find(|&i| {
            let t = &sent.toks[i];
            let initial = t.lower == "." && i > 0 && sent.toks[i - 1].capital;
            !(sent.chunk_of[i].is_some()
                || matches!(t.tag, Tag::Det | Tag::Pron)
                || t.is(&["by"])
                || (t.tag == Tag::Word && t.capital)
                || initial)
        })
        .is_some_and(|i| sent.toks[i].is(&["if", "whether", "why", "what", "how", "when", "where", "who"]))
}

/// True when chunk `c` only names a country or place that modifies the
/// noun after it ("supported by recent U.S. economic data"): that noun,
/// not the country, is what the phrase names.
fn modifies_a_noun(sent: &Sentence<'_, '_>, c: usize) -> bool {
    let chunk = &sent.chunks[c];
    chunk
        .actors
        .iter()
        .all(|a| a.agent_sector.is_none() && matches!(a.kind, Some(EntityKind::Country | EntityKind::Place)))
        && sent
            .toks
            .get(chunk.end)
            .is_some_and(|n| n.tag == Tag::Word && !n.capital && !sent.in_time[chunk.end])
}

/// An act only a state's authorities do: an arrest, a deportation, a
/// charge or trial (legal coercion and disapproval), an inquiry.
fn state_act(coding: &Coding) -> bool {
    match coding.kind {
        PloverType::Investigate => true,
        PloverType::Coerce | PloverType::Disapprove => coding.context.as_deref() == Some("legal"),
        _ => false,
    }
}

/// True when what lies between a verb ending at `from` and a place
/// phrase at `to` leaves the place the verb's own ("arrested at the
/// Watergate complex in Washington", "sentenced to two years in an
/// Atlanta penitentiary"), not a noun's or another act's ("arrested in
/// connection with a shooting in Brooklyn", "convicted of authorizing
/// raids …, died at his home in Santa Rosa").
fn scene_of_verb(sent: &Sentence<'_, '_>, from: usize, to: usize) -> bool {
    sent.toks[from..to].iter().all(|t| match t.tag {
        Tag::Comma | Tag::Break | Tag::Sub | Tag::Rel | Tag::Quote | Tag::Bracket => false,
        Tag::Prep => !t.is(&["of", "with", "for", "after", "before", "while", "over"]),
        Tag::Word => t.capital || !t.lower.ends_with("ing"),
        _ => true,
    })
}

/// Nouns naming an attack rather than the weapon used in it ("the
/// strike on Kabul"; "-ing" nouns such as "bombing" besides).
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
];

/// A chunk that names only weapons ("with petrol bombs"): no party.
fn weapon_only(c: &Chunk) -> bool {
    !c.actors.is_empty() && c.actors.iter().all(|a| a.agent_sector.as_deref() == Some("UAF"))
}

/// Is the "by" phrase whose chunk starts at token `start` the doer of a
/// wrong a participle names ("committed by", "carried out by the army")?
fn perpetrator_phrase(sent: &Sentence<'_, '_>, start: usize) -> bool {
    const WRONGDOING: &[&str] = &["committed", "perpetrated", "carried", "inflicted", "caused"];
    let mut i = before_determiners(sent, start);
    if i == 0 || !sent.toks[i - 1].is(&["by"]) {
        return false;
    }
    i -= 1;
    // The particle of "carried out by".
    if i > 0 && sent.toks[i - 1].is(&["out"]) {
        i -= 1;
    }
    i.checked_sub(1).is_some_and(|j| sent.toks[j].is(WRONGDOING))
}

/// The first party named between token `from` and `until`, other than
/// the source and other than the source's own forces ("its troops"). A
/// place named as where something happens ("held talks in Nairobi") is a
/// party only to actions on places (`places`).
fn first_party(
    sent: &Sentence<'_, '_>,
    from: usize,
    until: usize,
    source: usize,
    places: bool,
) -> Option<usize> {
    sent.chunk_after(from, until, |c| {
        !c.actors.is_empty()
            && !weapon_only(c)
            && (places || !locative_place(c))
            && !c
                .pronoun
                .as_deref()
                .is_some_and(|p| matches!(p, "its" | "their" | "his" | "her"))
    })
    .filter(|&c| c != source)
}

/// Does the chunk say where, a place after a preposition of place ("in
/// Tel Aviv")?
fn locative_place(c: &Chunk) -> bool {
    c.prep.as_deref().is_some_and(|p| {
        matches!(
            p,
            "in" | "at" | "near" | "inside" | "outside" | "across" | "around" | "throughout"
        )
    }) && only_places(c)
}

/// Does every actor of the chunk name a place or a country (true for a
/// chunk that names none)?
fn only_places(c: &Chunk) -> bool {
    c.actors
        .iter()
        .all(|a| matches!(a.kind, Some(EntityKind::Place | EntityKind::Country)))
}

/// The place a "when" clause right after the clause ending at
/// `clause_end` puts its act in ("killed 23 people … when they blew
/// themselves up in Tel Aviv"): the same moment, so the same scene.
fn place_of_when_clause(sent: &Sentence<'_, '_>, clause_end: usize) -> Option<usize> {
    if sent.toks.get(clause_end)?.lower != "when" {
        return None;
    }
    let until = sent.clause_end(clause_end);
    sent.chunk_after(clause_end + 1, until, |c| {
        !c.actors.is_empty() && locative_place(c)
    })
}

/// Nouns of ground that is taken ("captured a rebel stronghold", "seized
/// the airport"), for verbs whose object must be a place.
const GROUND: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "port",
    "capital",
    "suburb",
    "island",
    "enclave",
    "area",
    "stronghold",
    "base",
    "airport",
    "airfield",
    "territory",
    "position",
    "outpost",
    "garrison",
    "headquarters",
    "border",
    "crossing",
    "hill",
    "valley",
    "bridge",
    "checkpoint",
];

/// Reflexive pronouns: an act on oneself.
const REFLEXIVES: &[&str] = &["itself", "themselves", "himself", "herself", "ourselves"];

/// Words for a share of something, before "of" ("part of the town").
const PARTITIVES: &[&str] = &["part", "parts", "much", "most", "half", "all", "some", "control"];

/// True when the object after a verb (tokens `from` to the first
/// preposition or the end of its clause, at most five) is ground: a noun
/// of [`GROUND`], singular or plural.
fn takes_ground(sent: &Sentence<'_, '_>, from: usize, until: usize) -> bool {
    let object = &sent.toks[from.min(sent.toks.len())..until.min(sent.toks.len())];
    // "captured part of a rebel stronghold": the ground is what follows.
    let object = match object {
        [share, of, rest @ ..] if share.is(PARTITIVES) && of.is(&["of"]) => rest,
        _ => object,
    };
    object
        .iter()
        .take(5)
        .take_while(|t| matches!(t.tag, Tag::Det | Tag::Word | Tag::Number) || t.capital)
        .any(|t| t.is(GROUND) || t.lower.strip_suffix('s').is_some_and(|w| GROUND.contains(&w)))
}

/// The first actor of a frame's complement from token `from` to the end
/// of its clause: the party the demanded, promised, refused or threatened
/// action concerns ("threatened to break off relations with *Congo*",
/// "rejected a fresh offer from *Afghanistan*"); a place where it happens
/// only when `places_acted_on` ("threatened to resume attacks in
/// *Israel*", not "reached a consensus … in the Middle East").
fn complement_actor(
    sent: &Sentence<'_, '_>,
    from: usize,
    until: usize,
    source: usize,
    places_acted_on: bool,
) -> Option<usize> {
    let mut end = from;
    while end < until.min(sent.toks.len()) && sent.toks[end].tag != Tag::Comma {
        end += 1;
    }
    let party = |c: &crate::actors::Chunk| {
        c.prep.as_deref().is_none_or(|p| {
            matches!(
                p,
                "against" | "on" | "with" | "to" | "from" | "of" | "by" | "for" | "between"
            )
        })
    };
    let any = |c: &crate::actors::Chunk| !c.actors.is_empty() && (!c.possessor || c.prep.is_none());
    // "in Amman", "at Geneva": where it happens, not who is acted on.
    let scene = |c: &crate::actors::Chunk| {
        !places_acted_on
            && c.prep
                .as_deref()
                .is_some_and(|p| matches!(p, "in" | "at" | "near"))
            && c.actors.iter().all(|a| a.kind == Some(EntityKind::Place))
    };
    sent.chunk_after(from, end, |c| any(c) && party(c))
        .or_else(|| sent.chunk_after(from, end, |c| any(c) && !scene(c)))
        .filter(|&c| c != source)
}

/// Does a "no" open the object right after the trigger ending at `end`
/// ("offered no reply", "gave no details"), negating the act? Not a
/// quantity ("sent no more than 100 troops") or "no longer".
fn no_object(sent: &Sentence<'_, '_>, end: usize) -> bool {
    sent.toks.get(end).is_some_and(|t| t.is(&["no"]))
        && !sent
            .toks
            .get(end + 1)
            .is_some_and(|t| t.is(&["more", "less", "fewer", "longer", "later", "sooner"]))
}

/// Is chunk `c` protesters, rioters or a mob ("angry protesters", "a
/// mob of youths"; not "riot police")?
fn protesters(sent: &Sentence<'_, '_>, c: usize) -> bool {
    let chunk = &sent.chunks[c];
    sent.toks[chunk.start..chunk.end].iter().any(|t| {
        ["protester", "protestor", "demonstrator", "rioter"]
            .iter()
            .any(|w| t.lower.starts_with(w))
            || t.is(&["mob", "mobs"])
    })
}

/// The first "by" phrase from token `from` up to the first token tagged
/// one of `stops` (a clause or list break), else up to `until`.
fn by_phrase_before_clause(
    sent: &Sentence<'_, '_>,
    from: usize,
    until: usize,
    stops: &[Tag],
) -> Option<usize> {
    let clause = (from..until.min(sent.toks.len()))
        .find(|&i| stops.contains(&sent.toks[i].tag))
        .unwrap_or(until);
    sent.chunk_after(from, clause, |c| c.prep.as_deref() == Some("by"))
}

/// Weapon words give violent events their mode ("shelled" is heavy
/// weapons; "killed … in a suicide bombing" is a suicide attack), and
/// telephone words make a consultation a call.
fn refine_mode(
    sent: &Sentence<'_, '_>,
    lex: &Lexicon,
    coding: &mut Coding,
    (from, to): (usize, usize),
    victim: Option<(usize, usize)>,
) {
    let toks = &sent.toks[from.min(sent.toks.len())..to.min(sent.toks.len())];
    if coding.kind == PloverType::Consult && coding.code == "040" {
        if sent.toks.iter().any(|t| t.is(PHONE_WORDS)) {
            coding.code = "041".into();
            coding.mode = Some("phone".into());
        }
        return;
    }
    if !matches!(coding.kind, PloverType::Fight | PloverType::Assault) || coding.mode.is_some() {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        if victim.is_some_and(|(a, b)| (a..b).contains(&(from + i))) {
            continue;
        }
        let forms: Vec<String> = std::iter::once(t.lower.clone())
            .chain(crate::lemma::candidates(&t.lower).into_iter().map(|(c, _)| c))
            .collect();
        for form in &forms {
            for (words, mode, kind) in lex.weapons_ending(form) {
                let n = words.len();
                if n > i + 1 {
                    continue;
                }
                let ok = words[..n - 1]
                    .iter()
                    .zip(&toks[i + 1 - n..i])
                    .all(|(w, t)| t.lower == *w);
                if !ok {
                    continue;
                }
                coding.mode = Some(mode.clone());
                if matches!(coding.code.as_str(), "180" | "190") {
                    coding.kind = *kind;
                    coding.code = match mode.as_str() {
                        "firearms" => "193",
                        "heavy-weapons" => "195",
                        "explosives" => "183",
                        "suicide-attack" => "1831",
                        _ => coding.code.as_str(),
                    }
                    .to_owned();
                    if coding.kind == PloverType::Fight {
                        coding.context = Some("military".into());
                    }
                }
                return;
            }
        }
    }
}

/// The pair "both leaders" or "their" refers to: the last group of two
/// parties named before the chunk `c` (`sent.chunks.len()` for "before
/// the end"), else the last two parties named before, else — an article
/// that opens with it — the two people the first sentence after names.
fn pair_before(
    sent: &Sentence<'_, '_>,
    ctx: &Context<'_>,
    c: usize,
    fits: &dyn Fn(&Actor) -> bool,
) -> Vec<Actor> {
    let group = |g: &[Actor]| g.len() == 2 && g.iter().all(|a| a.kind != Some(EntityKind::Place) && fits(a));
    let named = sent.chunks[..c.min(sent.chunks.len())]
        .iter()
        .rev()
        .map(|ch| ch.actors.clone())
        .chain(ctx.prior_subject.clone())
        .chain(ctx.prior.iter().rev().cloned())
        .find(|g| group(g));
    if let Some(found) = named {
        return found;
    }
    // The last two parties named ("Rubio spoke with Ruto. Both leaders
    // agreed …"), else the first two named next.
    let two = |groups: &mut dyn Iterator<Item = &Actor>| {
        let mut found: Vec<Actor> = Vec::new();
        for a in groups {
            if a.entity.is_some()
                && a.kind != Some(EntityKind::Place)
                && fits(a)
                && !found.iter().any(|b| b.entity == a.entity)
            {
                found.push(a.clone());
            }
            if found.len() == 2 {
                return found;
            }
        }
        Vec::new()
    };
    let mut before = two(&mut ctx.prior.iter().rev().flat_map(|g| g.iter().rev()));
    if before.len() == 2 {
        before.reverse();
        return before;
    }
    if !ctx.prior.is_empty()
        || sent.chunks[..c.min(sent.chunks.len())]
            .iter()
            .any(|ch| !ch.actors.is_empty())
    {
        return Vec::new();
    }
    // Named next: the first sentence that names a pair together, or two
    // people ("… both President Ruto and Secretary Rubio …").
    ctx.ahead
        .iter()
        .find_map(|named| {
            let mut people: Vec<Actor> = Vec::new();
            for a in named
                .iter()
                .filter(|a| a.kind == Some(EntityKind::Person) && a.entity.is_some() && fits(a))
            {
                if !people.iter().any(|b| b.entity == a.entity) {
                    people.push(a.clone());
                }
            }
            (people.len() == 2).then_some(people)
        })
        .unwrap_or_default()
}

/// Meeting nouns that a dated mention codes as a consultation ("the
/// discussions held on Friday", "their conversation on February 6"), with
/// their CAMEO code.
const MEETING_NOUNS: &[(&str, &str)] = &[
    ("talks", "040"),
    ("discussions", "040"),
    ("meeting", "040"),
    ("conversation", "041"),
    ("summit", "044"),
    ("negotiations", "046"),
];

/// Words that may stand between a meeting noun and its date ("held on",
/// "that took place on", "last week").
const MEETING_TO_DATE: &[&str] = &[
    "held", "that", "which", "took", "place", "was", "were", "on", "in", "last", "earlier",
];

/// Words before a meeting noun that make it one not (yet) held ("called
/// for talks", "an invitation to negotiations", "no meeting").
const MEETING_NOT_HELD: &[&str] = &[
    "for", "to", "no", "new", "future", "possible", "planned", "proposed", "next", "upcoming", "further",
    "without",
];

/// Words that may open a sentence before its meeting noun, the meeting
/// then being the one the main clause's subject held ("In the
/// discussions held on Friday, both leaders agreed …").
const MEETING_OPENING: &[&str] = &[
    "in",
    "during",
    "at",
    "after",
    "following",
    "the",
    "their",
    "those",
    "these",
];

/// Consultations named by a dated meeting noun rather than a verb: the
/// parties are the ones "between" it names, or its possessor ("their")
/// or — in an opening phrase — the main subject, with the party "with" it
/// names. Without a date in the phrase, or without two parties, nothing
/// is coded: an undated "the talks" is too often background or a wish.
fn dated_meetings(sent: &Sentence<'_, '_>, ctx: &Context<'_>, lex: &Lexicon, events: &mut Vec<Event>) {
    let toks = &sent.toks;
    for n in 0..toks.len() {
        let Some(&(_, code)) = MEETING_NOUNS.iter().find(|(w, _)| toks[n].is(&[w])) else {
            continue;
        };
        if !free_noun(sent, n, MEETING_NOT_HELD) {
            continue;
        }
        let mut date = n + 1;
        let party_phrase = |i: usize| {
            toks[i].is(&["between", "with"])
                || sent.chunk_of[i]
                    .is_some_and(|c| matches!(sent.chunks[c].prep.as_deref(), Some("between" | "with")))
        };
        while date < toks.len()
            && !sent.in_time[date]
            && (toks[date].is(MEETING_TO_DATE) || party_phrase(date))
        {
            date += 1;
        }
        if date >= toks.len() || !sent.in_time[date] {
            continue;
        }
        let date_end = (date..toks.len())
            .find(|&i| !sent.in_time[i])
            .unwrap_or(toks.len());
        let phrase_end = (n + 1..toks.len())
            .find(|&i| toks[i].tag == crate::text::Tag::Punct && !sent.in_time[i])
            .unwrap_or(toks.len())
            .max(date_end);
        let parties = |c: usize| -> Vec<Actor> {
            let mut found = known_actors(sent, ctx, c);
            found.retain(|a| a.kind != Some(EntityKind::Place));
            found
        };
        let between = sent.chunk_after(n + 1, phrase_end, |c| c.prep.as_deref() == Some("between"));
        let with = sent.chunk_after(n + 1, phrase_end, |c| c.prep.as_deref() == Some("with"));
        let opening = toks[..n].iter().all(|t| t.is(MEETING_OPENING));
        let possessed = n
            .checked_sub(1)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| t.is(&["their"]))
            || n.checked_sub(2)
                .and_then(|i| toks.get(i))
                .is_some_and(|t| t.is(&["their"]));
        let first: Vec<Actor> = if let Some(b) = between {
            parties(b)
        } else if possessed {
            pair_before(
                sent,
                ctx,
                sent.chunks.iter().take_while(|c| c.start < n).count(),
                &|_| true,
            )
        } else if opening {
            sent.main_subject(toks.len()).map(&parties).unwrap_or_default()
        } else {
            Vec::new()
        };
        let others: Vec<Actor> = with
            .filter(|_| between.is_none())
            .map(&parties)
            .unwrap_or_default();
        let mut pairs: Vec<(Actor, Actor)> = Vec::new();
        let mut meet = |a: &Actor, b: &Actor| {
            if !same_actor(a, b) && !pairs.iter().any(|(x, y)| same_actor(x, a) && same_actor(y, b)) {
                pairs.push((a.clone(), b.clone()));
            }
        };
        if others.is_empty() {
            for a in &first {
                for b in &first {
                    meet(a, b);
                }
            }
        } else {
            for a in &first {
                for b in &others {
                    meet(a, b);
                    meet(b, a);
                }
            }
        }
        if pairs.is_empty() {
            continue;
        }
        let coding = coding_from(lex, code.to_owned(), PloverType::Consult);
        let (when, precision, basis) =
            when_where::date(sent, &ctx.times, (n, n, date_end), ctx.published, None);
        let topic = when_where::topic_start(sent, n + 1);
        let place = when_where::place(
            sent,
            &ctx.places,
            (n, phrase_end),
            None,
            Span::new(0, 0),
            (false, false),
            topic,
        );
        for (s, t) in pairs {
            let event = coding.event(
                &s,
                Some(&t),
                (when, precision, basis),
                place.clone(),
                sent.span,
                sent.span_of(n, n + 1),
            );
            let known = events.iter().any(|e| {
                e.kind == event.kind
                    && e.source == event.source
                    && e.target == event.target
                    && e.date == event.date
            });
            if !known {
                events.push(event);
            }
        }
    }
}

/// Does `name` end in a plural noun ("opponents", "the rebels")?
fn plural_name(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// Resolve a chunk to its actors: its own, or a pronoun's antecedent.
pub fn resolve(sent: &Sentence<'_, '_>, ctx: &Context<'_>, c: usize) -> Vec<Actor> {
    resolve_excluding(sent, ctx, c, &[])
}

/// [`resolve`], where a pronoun cannot stand for any of `excluded`: the
/// parties its own clause names ("He shot Ortiz": "he" is not Ortiz).
fn resolve_excluding(sent: &Sentence<'_, '_>, ctx: &Context<'_>, c: usize, excluded: &[Actor]) -> Vec<Actor> {
    let chunk = &sent.chunks[c];
    // "both leaders", "the two sides": the pair named before.
    let pair = chunk.pronoun.is_none()
        && chunk
            .actors
            .iter()
            .all(|a| a.entity.is_none() && a.country.is_none())
        && chunk
            .start
            .checked_sub(1)
            .and_then(|i| sent.toks.get(i))
            .is_some_and(|t| t.is(&["both", "two"]));
    if pair {
        // The last pair that fits the noun: "both officers" are no two
        // parties of other sectors named before ("Jumaane Williams and
        // the KKK"); "both leaders" may be any two leaders or countries,
        // so after "fighting between the army and the M23" they are the
        // two presidents named before.
        let sector = chunk.actors.first().and_then(|a| a.sector.as_deref());
        let fits = |a: &Actor| match sector {
            None => true,
            Some("GOV") => a.sector.as_deref().is_none_or(|s| s == "GOV"),
            Some(s) => a.sector.as_deref() == Some(s),
        };
        let found = pair_before(sent, ctx, c, &fits);
        // No pair at all leaves no one ("two workers" shot, no party);
        // only pairs of other sectors leave the agent noun itself.
        return if !found.is_empty() || pair_before(sent, ctx, c, &|_| true).is_empty() {
            found
        } else {
            chunk.actors.clone()
        };
    }
    let Some(pronoun) = chunk.pronoun.as_deref() else {
        return named_before(sent, ctx, c)
            .or_else(|| international_post(sent, c))
            .or_else(|| located_agents(sent, c))
            .unwrap_or_else(|| chunk.actors.clone());
    };
    let first_person = matches!(pronoun, "we" | "i" | "us" | "our" | "my");
    let antecedent: Option<Vec<Actor>> = if first_person {
        let at = sent.toks[chunk.start].span;
        ctx.quotes
            .iter()
            .filter(|q| q.span.start <= at.start && at.end <= q.span.end)
            .find_map(|q| q.speaker_entity.as_ref())
            .and_then(|e| find_entity(sent, ctx, e))
            .map(|a| vec![a])
    } else {
        let fits = |group: &[Actor]| {
            let person_count = group
                .iter()
                .filter(|a| a.kind == Some(EntityKind::Person))
                .count();
            let places = group.iter().any(|a| a.kind == Some(EntityKind::Place));
            if group.iter().any(|a| excluded.iter().any(|x| same_actor(a, x))) {
                return false;
            }
            // "She" is no man the text named, "he" no woman.
            let other_gender = match pronoun {
                "he" | "him" | "his" => Some(Gender::Female),
                "she" | "her" => Some(Gender::Male),
                _ => None,
            };
            // "expelled the US ambassador, accusing him": one holder of a
            // post named by its title is a person too.
            let one_titled = |a: &Actor| {
                let title = a
                    .name
                    .rsplit(' ')
                    .next()
                    .map(str::to_lowercase)
                    .unwrap_or_default();
                let womans = title.ends_with("woman");
                a.kind != Some(EntityKind::Person)
                    && a.agent_sector.is_some()
                    && PERSON_TITLES.contains(&title.as_str())
                    && !(womans && matches!(pronoun, "he" | "him" | "his"))
                    && !(title.ends_with("man") && !womans && matches!(pronoun, "she" | "her"))
            };
            match pronoun {
                "he" | "she" | "him" | "his" | "her" => {
                    group.len() == 1
                        && (person_count == 1 || one_titled(&group[0]))
                        && (other_gender.is_none() || group[0].gender != other_gender)
                }
                // "It" is no plural agent phrase ("opponents", "rebels").
                "it" | "its" => {
                    group.len() == 1
                        && person_count == 0
                        && !places
                        && !(group[0].entity.is_none() && plural_name(&group[0].name))
                }
                _ => !places && (group.len() > 1 || person_count == 0),
            }
        };
        // "… the latest to hit France. They then set fire to the
        // vehicle": a country in an earlier sentence is no "they" (a
        // country is "it"; a people named by its demonym still is).
        // Nor are people, women or children counted in an earlier
        // sentence ("… killed two women. They then …").
        let no_antecedent = |g: &[Actor]| {
            let counted_civilians = !g.is_empty()
                && g.iter().all(|a| {
                    a.agent_sector.as_deref() == Some("CVL")
                        && a.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| matches!(w, "people" | "women" | "children"))
                });
            (matches!(pronoun, "they" | "them" | "their")
                && matches!(g, [a] if a.kind == Some(EntityKind::Country)
                    && a.sector.is_none()
                    && a.agent_sector.is_none()
                    && !a.name.ends_with('s')))
                || counted_civilians
        };
        sent.chunks[..c]
            .iter()
            .rev()
            .filter(|ch| ch.end <= chunk.start && !ch.actors.is_empty() && !ch.modifier)
            .find(|ch| fits(&ch.actors))
            .map(|ch| ch.actors.clone())
            .or_else(|| {
                // "He" past a sentence whose subject names no one ("Their
                // previous conversation took place …, where Rubio
                // expressed …") is the latest person named, not an older
                // subject.
                let singular = matches!(pronoun, "he" | "she" | "him" | "his" | "her");
                ctx.prior_subject
                    .clone()
                    .filter(|g| fits(g) && !no_antecedent(g) && (ctx.prior_subject_recent || !singular))
            })
            .or_else(|| {
                ctx.prior
                    .iter()
                    .rev()
                    .find(|g| fits(g) && !no_antecedent(g))
                    .cloned()
            })
    };
    let Some(found) = antecedent else {
        return Vec::new();
    };
    if chunk.actors.is_empty() {
        return found;
    }
    // "its forces": the agent phrase, owned by the antecedent.
    chunk
        .actors
        .iter()
        .map(|a| {
            let owner = found.first();
            Actor {
                entity: owner.and_then(|o| o.entity.clone()),
                kind: owner.and_then(|o| o.kind),
                country: owner.and_then(|o| o.country.clone()),
                ..a.clone()
            }
        })
        .collect()
}

/// Agent nouns naming one person by a post ("the US ambassador").
const PERSON_TITLES: &[&str] = &[
    "ambassador",
    "envoy",
    "president",
    "minister",
    "premier",
    "chancellor",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "general",
    "diplomat",
    "correspondent",
    "judge",
    "prosecutor",
];

/// "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": a
/// person whose appositive gives a post in an international body acts
/// for that body, whatever the person's own country.
fn international_post(sent: &Sentence<'_, '_>, c: usize) -> Option<Vec<Actor>> {
    let chunk = &sent.chunks[c];
    let [person] = chunk.actors.as_slice() else {
        return None;
    };
    if person.kind != Some(EntityKind::Person)
        || !sent.toks.get(chunk.end).is_some_and(|t| t.tag == Tag::Comma)
    {
        return None;
    }
    let next = sent.chunks.get(c + 1)?;
    let opens = sent.toks[chunk.end + 1..next.start]
        .iter()
        .all(|t| t.tag == Tag::Det);
    let body = next
        .actors
        .first()
        .filter(|a| next.actors.len() == 1 && international(a))?;
    // The post: words after the body up to the closing comma.
    let close = (next.end..sent.toks.len().min(next.end + 6)).find(|&i| sent.toks[i].tag == Tag::Comma)?;
    let post = sent.toks[next.end..close].iter().all(|t| t.tag == Tag::Word) && close > next.end;
    (opens && next.start <= chunk.end + 2 && post).then(|| {
        vec![Actor {
            country: None,
            sector: body.sector.clone(),
            ..person.clone()
        }]
    })
}

/// "a meeting between an Israeli peace movement and the PLO": the chunk
/// after the "and" that closes a "between" phrase at chunk `c` (only
/// lower-case words of the first party's phrase and a determiner between).
fn second_of_between(sent: &Sentence<'_, '_>, c: usize) -> Option<usize> {
    let chunk = &sent.chunks[c];
    if chunk.prep.as_deref() != Some("between") {
        return None;
    }
    let next = c + 1;
    let other = sent
        .chunks
        .get(next)
        .filter(|o| o.prep.is_none() && !o.actors.is_empty())?;
    let gap = &sent.toks[chunk.end..other.start];
    let and_at = gap.iter().position(|t| t.tag == Tag::And)?;
    let ok = gap[..and_at].iter().all(|t| t.tag == Tag::Word && !t.capital)
        && gap[and_at + 1..].iter().all(|t| t.tag == Tag::Det);
    ok.then_some(next)
}

/// "The rebels in Darfur", "parties to the conflict in Iraq": agent
/// nouns of no one and no country, followed closely by where they are,
/// are of that place's country.
fn located_agents(sent: &Sentence<'_, '_>, c: usize) -> Option<Vec<Actor>> {
    let chunk = &sent.chunks[c];
    if chunk.pronoun.is_some()
        || chunk.actors.is_empty()
        || !chunk
            .actors
            .iter()
            .all(|a| a.entity.is_none() && a.country.is_none() && a.agent_sector.is_some())
    {
        return None;
    }
    let place = sent.chunks.get(c + 1).filter(|p| {
        matches!(p.prep.as_deref(), Some("in" | "from")) && !p.actors.is_empty() && only_places(p)
    })?;
    // Nothing between but the place's preposition, or a noun phrase the
    // agents are "of" or "to" ("parties to the conflict in Iraq"; not
    // "urged rebels to attend talks in Geneva").
    let between = match &sent.toks[chunk.end..place.start] {
        [_prep] => true,
        [link, det, nouns @ .., _prep] => {
            link.is(&["to", "of"])
                && det.tag == Tag::Det
                && (1..=2).contains(&nouns.len())
                && nouns.iter().all(|t| t.tag == Tag::Word && !t.capital)
        }
        _ => false,
    };
    let country = place.actors.first()?.country.clone()?;
    if !between || place.actors.iter().any(|a| a.country.as_ref() != Some(&country)) {
        return None;
    }
    Some(
        chunk
            .actors
            .iter()
            .map(|a| Actor {
                country: Some(country.clone()),
                ..a.clone()
            })
            .collect(),
    )
}

/// "The Chiefs of Defense Forces" after "the EAC and SADC Chiefs of
/// Defense Forces", "the troops" after "Rwandan troops": a definite agent
/// phrase that names no one is the latest earlier phrase that ends with
/// the same words and names someone.
fn named_before(sent: &Sentence<'_, '_>, ctx: &Context<'_>, c: usize) -> Option<Vec<Actor>> {
    let chunk = &sent.chunks[c];
    let [agent] = chunk.actors.as_slice() else {
        return None;
    };
    if agent.entity.is_some() || agent.agent_sector.is_none() {
        return None;
    }
    let definite = |i: usize| sent.toks.get(i).is_some_and(|t| t.is(&["the"]));
    if !(definite(chunk.start) || chunk.start.checked_sub(1).is_some_and(definite)) {
        return None;
    }
    let suffix = format!(" {}", agent.name.to_lowercase());
    ctx.prior
        .iter()
        .rev()
        .find(|group| {
            group
                .iter()
                .any(|a| a.entity.is_some() && a.name.to_lowercase().ends_with(&suffix))
        })
        .cloned()
}

/// Does the event of verb `k` continue the previous sentence's
/// narration: a pronoun subject ("They jointly condemned …", "He also
/// commended …") and a simple past verb ("has spoken" is the present
/// perfect: news of now)?
fn continues_narration(sent: &Sentence<'_, '_>, source: usize, k: usize) -> bool {
    let chunk = &sent.chunks[source];
    let pronoun = chunk.pronoun.is_some() && chunk.actors.is_empty() && !chunk.possessor;
    let group = sent.verb_group(k);
    let perfect = sent.toks[group.start..k]
        .iter()
        .any(|t| t.is(&["has", "have", "had", "will", "would"]));
    let past = sent
        .verb_lemmas(k)
        .first()
        .is_some_and(|(_, f)| *f == crate::lemma::Form::Past);
    pronoun && past && !perfect && !group.be
}

fn find_entity(sent: &Sentence<'_, '_>, ctx: &Context<'_>, e: &EntityId) -> Option<Actor> {
    sent.chunks
        .iter()
        .flat_map(|c| c.actors.iter())
        .chain(ctx.prior.iter().rev().flatten())
        .find(|a| a.entity.as_ref() == Some(e))
        .cloned()
}

/// The actors chunk `c` resolves to that name someone: an entity, a
/// country or an international body.
fn known_actors(sent: &Sentence<'_, '_>, ctx: &Context<'_>, c: usize) -> Vec<Actor> {
    resolve(sent, ctx, c).into_iter().filter(known).collect()
}

/// Does the actor name someone: an entity, a country or an international
/// body?
fn known(a: &Actor) -> bool {
    a.entity.is_some() || a.country.is_some() || international(a)
}

/// Is the actor a group named only by its role ("insurgents",
/// "policemen"): a sector, but no entity, country or international body?
fn unattributed_group(a: &Actor) -> bool {
    a.entity.is_none() && a.country.is_none() && a.sector.is_some() && !international(a)
}

/// Groups named only by their role, given the country of the scene
/// (`scene`, computed only when needed); `None` when there are none, any
/// actor is not such a group, or the scene has no country.
fn located_groups(actors: &[Actor], scene: impl FnOnce() -> Option<String>) -> Option<Vec<Actor>> {
    if actors.is_empty() || !actors.iter().all(unattributed_group) {
        return None;
    }
    let country = scene()?;
    Some(
        actors
            .iter()
            .map(|a| Actor {
                country: Some(country.clone()),
                ..a.clone()
            })
            .collect(),
    )
}

/// Is the actor an international one (an IGO, NGO, …, by sector)?
fn international(a: &Actor) -> bool {
    a.sector
        .as_deref()
        .is_some_and(|s| matches!(s, "IGO" | "NGO" | "IMG" | "MNC"))
}

/// Types whose target, when no actor is named, is the place acted on.
fn located(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Protest
            | PloverType::Coerce
            | PloverType::Assault
            | PloverType::Fight
            | PloverType::Sanction
            | PloverType::Aid
            | PloverType::Mobilize
    )
}

/// The target of a protest, concession or act of coercion that names no
/// other party: the actor's own country ("opposition parties in Nepal
/// organized a general strike", "the government imposed martial law"),
/// as the PLOVER gold standard codes such domestic events; so is a threat
/// of them (CAMEO 132 administrative sanctions such as martial law, 133
/// dissent, 137 repression: "announced it is prepared to impose martial
/// law"). Its span is the source's, where the country is given.
fn domestic_target(
    kind: PloverType,
    code: &str,
    source: &Actor,
    country_names: &BTreeMap<String, String>,
) -> Option<Actor> {
    let domestic_threat = ["132", "133", "137"].iter().any(|p| code.starts_with(p));
    if !(matches!(
        kind,
        PloverType::Protest | PloverType::Concede | PloverType::Coerce
    ) || domestic_threat)
        || international(source)
    {
        return None;
    }
    let country = source.country.clone()?;
    Some(Actor {
        name: country_names
            .get(&country)
            .cloned()
            .unwrap_or_else(|| country.clone()),
        span: source.span,
        entity: Some(EntityId(format!("country:{country}"))),
        kind: Some(EntityKind::Country),
        country: Some(country),
        sector: None,
        agent_sector: None,
        gender: None,
    })
}

/// Events that happen where their target is: visits, withdrawals and
/// military action against a country.
fn located_at_target(code: &str) -> bool {
    matches!(code, "042" | "0874" | "0872" | "036") || code.starts_with("19")
}

fn event_actor(a: &Actor) -> EventActor {
    EventActor {
        name: a.name.clone(),
        entity: a.entity.clone(),
        country: a.country.clone(),
        sector: a.sector.clone(),
        span: a.span,
    }
}

fn same_actor(a: &Actor, b: &Actor) -> bool {
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) => x == y && a.sector == b.sector,
        _ => a.span == b.span,
    }
}

/// Emit the events of one coding: every source with every target; a
/// symmetric event with a compound subject and no target pairs the
/// subject's actors with each other.
#[allow(clippy::too_many_arguments)]
fn emit(
    sent: &Sentence<'_, '_>,
    ctx: &Context<'_>,
    events: &mut Vec<Event>,
    trigger: usize,
    trigger_end: usize,
    coding: Coding,
    source: usize,
    target: Option<usize>,
    sym: bool,
    k: usize,
    stated: bool,
) {
    // A weapon is no party acted on ("declined to describe the bomb");
    // an attack's unknown authors somewhere are ("condemned the bombing
    // in Kabul").
    let target = target.filter(|&t| {
        let chunk = &sent.chunks[t];
        !weapon_only(chunk)
            || sent.toks[chunk.start..chunk.end]
                .iter()
                .any(|w| w.lower.ends_with("ing") || w.is(ATTACK_NOUNS))
    });
    // A bare agent phrase that names no one ("forces", "foreign
    // ministers" of countries the sentence does not name) is no source:
    // who acted is unknown.
    let from = sent.clause_start(k);
    let to = sent.clause_end(k);
    // An act done on the spot (violence, protest, coercion, …) by or
    // against a group the text gives no nationality ("insurgents",
    // "policemen", "ethnic Albanians") is that of the country it happens in.
    let on_scene = located(coding.kind);
    let violent = cameo::is_force(&coding.code);
    let scene = || {
        let chunk = &sent.chunks[source];
        let span = sent.span_of(chunk.start, chunk.end);
        when_where::place(
            sent,
            &ctx.places,
            (from, to.max(trigger_end)),
            None,
            span,
            (false, violent),
            None,
        )
        .and_then(|p| p.country)
    };
    // A pronoun is none of the parties named in its own clause: "He shot
    // Ortiz" is not Ortiz shooting, "Ortiz shot him" not Ortiz shot.
    let named = |c: Option<usize>| {
        c.map(|c| &sent.chunks[c])
            .filter(|ch| ch.pronoun.is_none())
            // "withdrew from the Bosnian town of Gorazde": a nationality
            // before a noun of ground names a place, not a party.
            .filter(|ch| !sent.toks.get(ch.end).is_some_and(|t| t.is(GROUND)))
            .map_or_else(Vec::new, |ch| ch.actors.clone())
    };
    let resolved = resolve_excluding(sent, ctx, source, &named(target));
    let mut sources: Vec<Actor> = resolved.iter().filter(|a| known(a)).cloned().collect();
    if sources.is_empty() && on_scene {
        sources = located_groups(&resolved, scene).unwrap_or_default();
    }
    if sources.is_empty() {
        return;
    }
    let targets: Vec<Option<Actor>> = match target {
        Some(t) => {
            let mut r = resolve_excluding(sent, ctx, t, &named(Some(source)));
            if let Some(other) = second_of_between(sent, t) {
                r.extend(resolve_excluding(sent, ctx, other, &named(Some(source))));
            }
            if on_scene && let Some(located) = located_groups(&r, scene) {
                r = located;
            }
            if r.is_empty() {
                vec![None]
            } else {
                r.into_iter().map(Some).collect()
            }
        }
        None => vec![None],
    };
    // "met his Congolese counterpart": the counterpart holds the post the
    // source holds.
    let counterpart = target.is_some_and(|t| {
        let chunk = &sent.chunks[t];
        sent.toks[chunk.start..(chunk.end + 1).min(sent.toks.len())]
            .iter()
            .any(|w| w.is(&["counterpart", "counterparts"]))
    });
    let targets: Vec<Option<Actor>> = match sources.first().and_then(|s| s.sector.clone()) {
        Some(sector) if counterpart => targets
            .into_iter()
            .map(|t| {
                t.map(|mut t| {
                    t.sector.get_or_insert_with(|| sector.clone());
                    t
                })
            })
            .collect(),
        _ => targets,
    };
    let mut pairs: Vec<(Actor, Option<Actor>)> = Vec::new();
    // A target that is the subject again ("X and Y agreed that their
    // countries …") is no target.
    let self_target = targets.iter().all(|t| {
        t.as_ref()
            .is_none_or(|t| sources.iter().any(|s| same_actor(s, t)))
    });
    if sym && sources.len() > 1 && (self_target || target.is_none()) {
        for a in &sources {
            for b in &sources {
                if !same_actor(a, b) {
                    pairs.push((a.clone(), Some(b.clone())));
                }
            }
        }
    } else {
        for a in &sources {
            for b in &targets {
                let b = b.clone().filter(|b| !same_actor(a, b));
                pairs.push((a.clone(), b.clone()));
                // Meetings, talks and agreements are mutual.
                if sym && let Some(b) = b {
                    pairs.push((b, Some(a.clone())));
                }
            }
        }
    }
    let dating = if stated {
        when_where::statement_date
    } else {
        when_where::date
    };
    let (date, date_precision, date_basis) = dating(
        sent,
        &ctx.times,
        (k, from, to.max(trigger_end)),
        ctx.published,
        ctx.prior_time.filter(|_| continues_narration(sent, source, k)),
    );
    let trigger_span: Span = sent.span_of(trigger, trigger_end);
    let talk = coding.kind == PloverType::Consult || Family::of_code(&coding.code).is_some();
    let topic = talk.then(|| when_where::topic_start(sent, trigger_end)).flatten();
    let scene_source = sent.chunks[source].start >= trigger_end && locative_place(&sent.chunks[source]);
    for (s, t) in pairs {
        let t = t.or_else(|| domestic_target(coding.kind, &coding.code, &s, &ctx.country_names));
        // Travel to a place of one's own country ("the Rwandan president
        // arrived in Kigali") is no visit to anyone.
        let home = t.as_ref().is_some_and(|t| {
            matches!(t.kind, Some(EntityKind::Place | EntityKind::Country))
                && t.sector.is_none()
                && t.agent_sector.is_none()
                && t.country.is_some()
                && t.country == s.country
        });
        if coding.code == "042" && home {
            continue;
        }
        // Only a withdrawal leaves from a place: "dismissed an appeal from
        // Ghana to lay down their arms" is no de-escalation in Ghana.
        let withdrawal = sent.toks.iter().any(|t| {
            t.lower == "left"
                || ["withdr", "pull", "retreat", "leav", "evacuat", "exit", "depart"]
                    .iter()
                    .any(|w| t.lower.starts_with(w))
        });
        let leaving = (matches!(coding.code.as_str(), "0256" | "1056" | "0356" | "1246")
            || coding.code.starts_with("087"))
            && withdrawal;
        // A state named by where it acted ("was arrested in Iran"): that
        // place is also the scene, so no span of it is kept out.
        let source_span = if scene_source { Span::new(0, 0) } else { s.span };
        let place_at = |target: Option<Span>| {
            when_where::place(
                sent,
                &ctx.places,
                (from, to.max(trigger_end)),
                target,
                source_span,
                (leaving, violent),
                topic,
            )
        };
        let target_place = t
            .as_ref()
            // A co-subject paired with another ("X and Y will meet")
            // is no place acted on.
            .filter(|t| !sources.iter().any(|s| same_actor(s, t)))
            // "A missionary from Calgary was arrested": where a party
            // is from is not where it was acted on.
            .filter(|t| {
                !sent.chunks.iter().any(|c| {
                    c.prep.as_deref() == Some("from")
                        && c.actors.iter().any(|a| a.span == t.span)
                        && c.end <= trigger
                })
            })
            .filter(|t| {
                // A place asked, accused or answered ("demanded an
                // admission by Moscow") is not where that happened.
                (t.kind == Some(EntityKind::Place) && (!talk || located_at_target(&coding.code)))
                    || (t.kind == Some(EntityKind::Country) && located_at_target(&coding.code))
            })
            .map(|t| t.span);
        // A country acted on ("killed five Palestinians in Gaza", "bombed
        // Syria near Homs") is the scene only when the clause names no
        // place of its own.
        let clause_span = sent.span_of(from, to.max(trigger_end));
        let country_target = t.as_ref().is_some_and(|t| t.kind == Some(EntityKind::Country));
        let place = if target_place.is_some() && country_target {
            place_at(None)
                .filter(|p| p.span.start >= clause_span.start && p.span.end <= clause_span.end)
                .or_else(|| place_at(target_place))
        } else {
            place_at(target_place)
        };
        // Killing or wounding by a state's armed forces is conventional
        // force (PLOVER FIGHT: "Serb forces killed three ethnic Albanians",
        // "Russian aircraft killed 46 civilians"); by others, an assault.
        let military = s.sector.as_deref() == Some("MIL");
        let conventional = (military && coding.code == "180").then(|| Coding {
            kind: PloverType::Fight,
            code: "190".to_owned(),
            mode: coding.mode.clone(),
            context: Some("military".to_owned()),
        });
        let event = conventional.as_ref().unwrap_or(&coding).event(
            &s,
            t.as_ref(),
            (date, date_precision, date_basis),
            place,
            sent.span,
            trigger_span,
        );
        if !events.contains(&event) {
            events.push(event);
        }
    }
}
