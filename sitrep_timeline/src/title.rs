//! Readable titles for happenings: "Marco Rubio holds talks with William
//! Ruto", "UN Security Council demands action from Rwanda".

use sitrep_model::PloverType;

use crate::consolidate::TimelineActor;

/// Verb phrases per type: (with a target, without one).
fn phrase(kind: PloverType) -> (&'static str, &'static str) {
    match kind {
        PloverType::Agree => ("agrees with", "makes a commitment"),
        PloverType::Consult => ("holds talks with", "holds talks"),
        PloverType::Support => ("expresses support for", "expresses support"),
        PloverType::Cooperate => ("cooperates with", "cooperates"),
        PloverType::Aid => ("gives aid to", "gives aid"),
        PloverType::Concede => ("makes concessions to", "makes concessions"),
        PloverType::Retreat => ("pulls back from", "pulls back"),
        PloverType::Demand => ("makes demands of", "makes demands"),
        PloverType::Disapprove => ("criticises", "voices criticism"),
        PloverType::Reject => ("rejects", "rejects a demand"),
        PloverType::Threaten => ("threatens", "issues a threat"),
        PloverType::Protest => ("protests against", "protests"),
        PloverType::Investigate => ("investigates", "opens an investigation"),
        PloverType::Mobilize => ("mobilises against", "mobilises forces"),
        PloverType::Sanction => ("sanctions", "imposes sanctions"),
        PloverType::Coerce => ("uses coercion against", "uses coercion"),
        PloverType::Assault => ("attacks", "carries out an attack"),
        PloverType::Fight => ("fights", "fights"),
    }
}

/// "Source verb target", or "Source verb" without a target.
pub fn event_title(
    kind: PloverType,
    source: Option<&TimelineActor>,
    target: Option<&TimelineActor>,
) -> String {
    let (with, without) = phrase(kind);
    let who = source.map_or("Unknown actor", |s| s.name.as_str());
    match target {
        Some(t) => format!("{who} {with} {}", t.name),
        None => format!("{who} {without}"),
    }
}
