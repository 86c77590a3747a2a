//! Names one typing slip away: "Ethopia" for Ethiopia, "Isreali" for
//! Israeli, "Francois Mitterand" for François Mitterrand. News copy and
//! hand-written reports misspell names, and a name the knowledge base
//! cannot find leaves its actor without a country.
//!
//! The index is a deletion neighbourhood (as in SymSpell): every indexed
//! name is stored under itself and under each form with one character
//! deleted, so a word within one edit (a character inserted, deleted,
//! replaced, or two neighbours swapped) shares a key with the name after
//! at most one deletion on each side. Candidates found that way are
//! checked with the optimal-string-alignment distance (`strsim`), and a
//! word is read as a name only when all the names within one edit stand
//! for the same thing.
//!
//! Why only long names with the same first letter: short words sit one
//! edit from many names ("Iran", "Iraq"), and a different first letter is
//! more often another word than a slip.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

/// The shortest name, in characters, that is matched within one edit.
pub(crate) const MIN_CHARS: usize = 6;

/// Names of the knowledge base indexed for matching within one edit.
#[derive(Debug, Clone)]
pub(crate) struct MisspellingIndex<T> {
    /// The indexed names (normalised keys) and what each stands for.
    names: Vec<(String, T)>,
    /// Hashes of each name and of each of its one-deletion forms, with
    /// the name's index in `names`, sorted: a hash shared by chance only
    /// costs a distance check.
    by_deletion: Vec<(u64, u32)>,
}

impl<T: PartialEq> MisspellingIndex<T> {
    /// Indexes `names` (key, referent); keys shorter than [`MIN_CHARS`]
    /// characters are left out. The order of `names` is kept, so the same
    /// names give the same index.
    pub fn new(names: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut index = Self {
            names: Vec::new(),
            by_deletion: Vec::new(),
        };
        let mut buffer = String::new();
        for (key, referent) in names {
            if key.chars().count() < MIN_CHARS {
                continue;
            }
            let id = u32::try_from(index.names.len()).unwrap_or(u32::MAX);
            for_each_form(&key, &mut buffer, |form| index.by_deletion.push((hash(form), id)));
            index.names.push((key, referent));
        }
        index.by_deletion.sort_unstable();
        index.by_deletion.dedup();
        index
    }

    /// What `word` (a normalised key) stands for when it is not a name but
    /// lies within one edit of names that all stand for the same thing and
    /// start with its first letter. `None` for an exact name, a word too
    /// short, or names that disagree.
    pub fn lookup(&self, word: &str) -> Option<&T> {
        self.lookup_by(word, |a, b| a == b)
    }

    /// [`Self::lookup`] with `same` saying when two names stand for the
    /// same thing (a country's name and its demonym).
    pub fn lookup_by(&self, word: &str, same: impl Fn(&T, &T) -> bool) -> Option<&T> {
        if word.chars().count() < MIN_CHARS {
            return None;
        }
        let first = word.chars().next();
        let mut found: Option<&T> = None;
        let mut probe = String::with_capacity(word.len());
        let mut hashes = Vec::with_capacity(word.len() + 1);
        for_each_form(word, &mut probe, |form| hashes.push(hash(form)));
        hashes.sort_unstable();
        hashes.dedup();
        for h in hashes {
            let from = self.by_deletion.partition_point(|&(k, _)| k < h);
            for &(_, id) in self.by_deletion[from..].iter().take_while(|&&(k, _)| k == h) {
                let (name, referent) = &self.names[id as usize];
                if name == word {
                    return None;
                }
                if name.chars().next() != first || strsim::osa_distance(name, word) != 1 {
                    continue;
                }
                match found {
                    Some(seen) if !same(seen, referent) => return None,
                    _ => found = Some(referent),
                }
            }
        }
        found
    }
}

/// Calls `f` with `word` and with `word` less each one of its characters,
/// built in `buffer`.
fn for_each_form(word: &str, buffer: &mut String, mut f: impl FnMut(&str)) {
    f(word);
    for (i, c) in word.char_indices() {
        buffer.clear();
        buffer.push_str(&word[..i]);
        buffer.push_str(&word[i + c.len_utf8()..]);
        f(buffer);
    }
}

/// The fixed-seed hash of a form.
fn hash(form: &str) -> u64 {
    FixedState::default().hash_one(form)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> MisspellingIndex<&'static str> {
        MisspellingIndex::new(
            [
                ("ethiopia", "ETH"),
                ("ethiopian", "ETH"),
                ("israel", "ISR"),
                ("israeli", "ISR"),
                ("austria", "AUT"),
                ("australia", "AUS"),
                ("gambia", "GMB"),
                ("zambia", "ZMB"),
                ("iran", "IRN"),
                ("francois mitterrand", "mitterrand"),
            ]
            .map(|(k, v)| (k.to_owned(), v)),
        )
    }

    #[test]
    fn words_one_slip_from_a_name_find_it() {
        let index = index();
        for (word, expected) in [
            ("ethopia", Some("ETH")),   // a letter left out
            ("ethiopiia", Some("ETH")), // a letter doubled
            ("isreal", Some("ISR")),    // neighbours swapped
            ("isreali", Some("ISR")),   // neighbours swapped
            ("austrja", Some("AUT")),   // a letter replaced
            ("francois mitterand", Some("mitterrand")),
            ("ethiopia", None),       // a name itself
            ("iraq", None),           // too short to trust
            ("gambiia", Some("GMB")), // one edit from Gambia only
            ("etiopa", None),         // two edits
            ("zthiopia", None),       // another first letter
            ("ambia", None),          // too short
        ] {
            assert_eq!(index.lookup(word).copied(), expected, "{word}");
        }
    }

    #[test]
    fn names_that_disagree_give_nothing() {
        let index =
            MisspellingIndex::new([("kabilas", "a"), ("kabilan", "b")].map(|(k, v)| (k.to_owned(), v)));
        assert_eq!(index.lookup("kabila"), None);
        assert_eq!(index.lookup("kabilasx"), Some(&"a"));
    }

    proptest! {
        /// Every found name is within one edit of the word, with its first
        /// letter; an indexed name itself is never a misspelling.
        #[test]
        fn found_names_are_one_edit_away(word in "[a-zé]{0,12}", name in "[a-zé]{6,10}") {
            let index = MisspellingIndex::new([(name.clone(), 1u8)]);
            let found = index.lookup(&word).is_some();
            let expected = word != name
                && word.chars().count() >= MIN_CHARS
                && word.chars().next() == name.chars().next()
                && strsim::osa_distance(&word, &name) == 1;
            prop_assert_eq!(found, expected);
        }

        /// A name with one character deleted, doubled or replaced is found.
        #[test]
        fn slips_are_found(name in "[a-z]{7,12}", at in 1usize..6, c in "[a-z]") {
            let index = MisspellingIndex::new([(name.clone(), 1u8)]);
            let at = at.min(name.len() - 1);
            let deleted = format!("{}{}", &name[..at], &name[at + 1..]);
            let inserted = format!("{}{}{}", &name[..at], c, &name[at..]);
            let replaced = format!("{}{}{}", &name[..at], c, &name[at + 1..]);
            for word in [deleted, inserted, replaced] {
                if word != name {
                    prop_assert_eq!(index.lookup(&word), Some(&1u8), "{}", word);
                }
            }
        }
    }
}
