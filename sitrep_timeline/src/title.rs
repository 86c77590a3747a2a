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

/// Names joined for a title: "A", "A and B", "A, B and C"; more than
/// three become "A, B and N others".
fn join_names(actors: &[&TimelineActor]) -> Option<String> {
    let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        [a, b] => Some(format!("{a} and {b}")),
        [a, b, c] => Some(format!("{a}, {b} and {c}")),
        [a, b, rest @ ..] => Some(format!("{a}, {b} and {} others", rest.len())),
    }
}

/// The phrase with its verb in the plural ("holds talks" → "hold talks").
fn plural(phrase: &str) -> String {
    let (verb, rest) = phrase.split_once(' ').unwrap_or((phrase, ""));
    let stem = if let Some(s) = verb.strip_suffix("ies") {
        format!("{s}y")
    } else if ["sses", "ches", "shes", "xes"].iter().any(|e| verb.ends_with(e)) {
        verb[..verb.len() - 2].to_owned()
    } else {
        verb.strip_suffix('s').unwrap_or(verb).to_owned()
    };
    if rest.is_empty() {
        stem
    } else {
        format!("{stem} {rest}")
    }
}

/// Does a name read as a plural ("the rebels", "Rwandan troops",
/// "Fighters")? Its last word ends in a plural -s and is a common noun, or
/// is the whole name; a proper name ("United States") is singular.
fn plural_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else { return false };
    let plural_s =
        last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("'s") && !last.ends_with("’s");
    let common = last.chars().next().is_some_and(char::is_lowercase);
    plural_s && (common || words.len() == 1)
}

/// "Sources verb targets", or "Sources verb" without a target.
pub fn event_title(kind: PloverType, sources: &[&TimelineActor], targets: &[&TimelineActor]) -> String {
    let (with, without) = phrase(kind);
    let (with, without) = if sources.len() > 1 || sources.first().is_some_and(|a| plural_name(&a.name)) {
        (plural(with), plural(without))
    } else {
        (with.to_owned(), without.to_owned())
    };
    let who = join_names(sources).unwrap_or_else(|| "Unknown actor".to_owned());
    match join_names(targets) {
        Some(whom) => format!("{who} {with} {whom}"),
        None => format!("{who} {without}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, role: &'static str) -> TimelineActor {
        TimelineActor {
            name: name.to_owned(),
            entity: None,
            role,
            country: None,
            sector: None,
        }
    }

    fn check(kind: PloverType, sources: &[&str], targets: &[&str], expected: &str) {
        let s: Vec<TimelineActor> = sources.iter().map(|n| actor(n, "source")).collect();
        let t: Vec<TimelineActor> = targets.iter().map(|n| actor(n, "target")).collect();
        let title = event_title(kind, &s.iter().collect::<Vec<_>>(), &t.iter().collect::<Vec<_>>());
        assert_eq!(title, expected);
    }

    #[test]
    fn titles_name_every_actor_and_agree_in_number() {
        check(
            PloverType::Consult,
            &["Rubio"],
            &["Ruto"],
            "Rubio holds talks with Ruto",
        );
        check(
            PloverType::Demand,
            &["Rubio", "Ruto"],
            &[],
            "Rubio and Ruto make demands",
        );
        check(
            PloverType::Reject,
            &["Rwanda"],
            &["Congo", "the UN"],
            "Rwanda rejects Congo and the UN",
        );
        check(PloverType::Disapprove, &["A", "B"], &["C"], "A and B criticise C");
        check(
            PloverType::Support,
            &["A", "B", "C"],
            &[],
            "A, B and C express support",
        );
        check(
            PloverType::Assault,
            &["A", "B", "C", "D"],
            &[],
            "A, B and 2 others carry out an attack",
        );
        check(
            PloverType::Sanction,
            &[],
            &["a minister"],
            "Unknown actor sanctions a minister",
        );
    }
}
