//! Acts only people do or undergo: a single capitalised name right before
//! one is a person, whatever else it could name ("Jackson pleaded not
//! guilty", "Jackson was arrested"). Shared by the geocoder (which then
//! takes no town of that name) and the entity recogniser (which then
//! finds the person).

/// Acts only people do: a single name right before them is a person
/// ("Jackson pleaded not guilty").
const PERSON_ACTS: &[&str] = &[
    "apologised",
    "apologized",
    "confessed",
    "died",
    "laughed",
    "pleaded",
    "resigned",
    "retired",
    "scored",
    "smiled",
    "testified",
];

/// What is done only to people: a single name before "was" or "has been"
/// and one of these is a person ("Jackson was arrested").
const DONE_TO_PEOPLE: &[&str] = &[
    "acquitted",
    "arrested",
    "benched",
    "booked",
    "born",
    "charged",
    "convicted",
    "drafted",
    "fined",
    "hospitalised",
    "hospitalized",
    "indicted",
    "jailed",
    "sentenced",
    "suspended",
    "traded",
];

/// Verbs whose direct object is a person: a single name right after one
/// is a person ("met Sharon", "thanked Jackson"), whatever town shares
/// the name.
const PERSON_OBJECT_VERBS: &[&str] = &[
    "accompanied",
    "appointed",
    "congratulated",
    "greeted",
    "hugged",
    "interviewed",
    "kissed",
    "married",
    "met",
    "nominated",
    "pardoned",
    "phoned",
    "telephoned",
    "thanked",
];

/// Verbs of meeting whose "with" takes the one met ("met with Sharon",
/// "talks with Jackson").
const MEETING_VERBS: &[&str] = &[
    "meet", "meeting", "meets", "met", "spoke", "talked", "talking", "talks",
];

/// Words that may follow the one met ("met Sharon in Jerusalem", "met
/// Sharon last week"); a lower-case word not among them makes the name a
/// modifier ("met with Hampton pupils").
const AFTER_PERSON_OBJECT: &[&str] = &[
    "about",
    "after",
    "again",
    "amid",
    "and",
    "as",
    "at",
    "before",
    "but",
    "during",
    "earlier",
    "for",
    "in",
    "last",
    "later",
    "on",
    "or",
    "over",
    "since",
    "this",
    "to",
    "today",
    "twice",
    "until",
    "when",
    "while",
    "who",
    "yesterday",
];

/// Do the lower-cased words right before a single name, `before` and
/// `before_that`, make it the object of a verb only people are the
/// object of ("met Sharon", "met with Sharon")? `after` is the
/// lower-cased word right after the name, `None` at punctuation or the
/// end of the text.
pub(crate) fn names_a_person_object(before: &str, before_that: Option<&str>, after: Option<&str>) -> bool {
    let object = PERSON_OBJECT_VERBS.contains(&before)
        || before == "with" && before_that.is_some_and(|w| MEETING_VERBS.contains(&w));
    object && after.is_none_or(|w| AFTER_PERSON_OBJECT.contains(&w))
}

/// Auxiliaries between a subject and its participle ("has been").
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "have", "had", "been", "being"];

/// Do the lower-cased words after a name, `first` and then `rest`, say
/// an act only people do or undergo: one of [`PERSON_ACTS`], or
/// auxiliaries and one of [`DONE_TO_PEOPLE`] ("was arrested", "has been
/// charged")?
pub(crate) fn names_a_person_act(first: &str, rest: impl Iterator<Item = String>) -> bool {
    act_after(first, rest).is_some()
}

/// What companies undergo too ("Boeing was fined"): no town, but not
/// surely a person either.
const DONE_TO_COMPANIES: &[&str] = &["charged", "fined", "suspended", "traded"];

/// Like [`names_a_person_act`], but not for what companies undergo too
/// ([`DONE_TO_COMPANIES`]): the act shows a name is a person's, not
/// only that it is no town's.
pub(crate) fn names_only_a_person_act(first: &str, rest: impl Iterator<Item = String>) -> bool {
    act_after(first, rest).is_some_and(|act| !DONE_TO_COMPANIES.contains(&act.as_str()))
}

/// The act of [`names_a_person_act`], if the words say one.
fn act_after(first: &str, mut rest: impl Iterator<Item = String>) -> Option<String> {
    if PERSON_ACTS.contains(&first) {
        return Some(first.to_owned());
    }
    if !AUXILIARIES.contains(&first) {
        return None;
    }
    rest.find(|w| !AUXILIARIES.contains(&w.as_str()))
        .filter(|w| DONE_TO_PEOPLE.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first word of `words` and the rest, as the callers pass them.
    fn split(words: &str) -> (String, impl Iterator<Item = String> + '_) {
        let mut it = words.split(' ').map(str::to_owned);
        (it.next().unwrap_or_default(), it)
    }

    fn acts(words: &str) -> bool {
        let (first, rest) = split(words);
        names_a_person_act(&first, rest)
    }

    #[test]
    fn acts_and_passives_of_people_name_a_person() {
        assert!(acts("pleaded not guilty"));
        assert!(acts("was arrested"));
        assert!(acts("has been charged"));
        assert!(!acts("was flooded"));
        assert!(!acts("has been quiet"));
        assert!(!acts("arrested him"));
    }

    #[test]
    fn what_companies_undergo_too_is_no_sure_sign_of_a_person() {
        let only = |words: &str| {
            let (first, rest) = split(words);
            names_only_a_person_act(&first, rest)
        };
        assert!(acts("was fined"));
        assert!(!only("was fined"));
        assert!(only("was arrested"));
        assert!(only("pleaded guilty"));
    }

    #[test]
    fn the_object_of_meeting_or_thanking_is_a_person() {
        assert!(names_a_person_object("met", Some("arafat"), Some("in")));
        assert!(names_a_person_object("with", Some("talks"), None));
        assert!(!names_a_person_object("with", Some("meets"), Some("pupils")));
        assert!(!names_a_person_object("with", Some("trade"), None));
        assert!(!names_a_person_object("visited", None, None));
    }

    #[test]
    fn the_lists_are_sorted() {
        for list in [
            PERSON_ACTS,
            DONE_TO_PEOPLE,
            DONE_TO_COMPANIES,
            PERSON_OBJECT_VERBS,
            MEETING_VERBS,
            AFTER_PERSON_OBJECT,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
