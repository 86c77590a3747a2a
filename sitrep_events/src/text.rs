//! The coder's own small tokenizer: words and punctuation of one sentence
//! with byte spans, lower-cased forms and coarse word classes.
//!
//! Why its own: stage crates never depend on each other, and the coder
//! needs little — word boundaries that keep acronyms ("U.S."), hyphenated
//! words ("Rwanda-backed") and inner apostrophes ("don't") whole, a split
//! possessive `'s`, and closed-class tags (determiners, prepositions,
//! auxiliaries, negations, subordinators) that the clause analysis reads.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;
use sitrep_model::Span;

/// A coarse word class, from closed lists only; open-class words are
/// [`Tag::Word`] and the lexicon decides what they mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// An open-class word.
    Word,
    /// A number.
    Number,
    /// A determiner, quantifier or possessive pronoun ("the", "its", "some").
    Det,
    /// A preposition.
    Prep,
    /// "to".
    To,
    /// A form of be, have or do.
    Aux,
    /// A modal verb.
    Modal,
    /// "not", "n't", "never", "no".
    Neg,
    /// "and", "or", "&".
    And,
    /// "but", "yet", "whereas".
    But,
    /// A word that opens a subordinate clause ("that", "if", "because").
    Sub,
    /// A relative pronoun ("which", "who").
    Rel,
    /// A personal pronoun ("it", "they", "he").
    Pron,
    /// The possessive clitic `'s`.
    Possessive,
    /// A comma.
    Comma,
    /// A quotation mark.
    Quote,
    /// `;`, `:` or a dash: a hard clause break.
    Break,
    /// Brackets.
    Bracket,
    /// Other punctuation.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Bytes in the article text.
    pub span: Span,
    /// The text, lower-cased, with curly apostrophes straightened.
    pub lower: String,
    /// True when the word starts with an upper-case letter.
    pub capital: bool,
    /// Word class.
    pub tag: Tag,
}

impl Tok {
    /// Is this token one of `words` (lower-case)?
    pub fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }
}

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "some",
    "any",
    "all",
    "both",
    "each",
    "every",
    "several",
    "many",
    "more",
    "most",
    "other",
    "another",
    "such",
    "whose",
    "few",
    "much",
    "certain",
    "various",
    "numerous",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "up",
];

const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "against",
    "about",
    "over",
    "under",
    "between",
    "among",
    "amid",
    "amidst",
    "across",
    "through",
    "toward",
    "towards",
    "near",
    "outside",
    "inside",
    "within",
    "without",
    "during",
    "despite",
    "per",
    "via",
    "upon",
    "beyond",
    "along",
    "around",
    "behind",
    "below",
    "above",
    "beside",
    "besides",
    "off",
    "out",
    "like",
    "unlike",
    "including",
    "regarding",
    "concerning",
    "following",
    "except",
    "throughout",
    "alongside",
];

const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'m", "'re", "has", "have", "had", "having",
    "'ve", "'d", "do", "does", "did",
];

const MODALS: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "wo", "ca",
];

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "cannot"];

const SUBORDINATORS: &[&str] = &[
    "that", "if", "unless", "because", "although", "though", "while", "whereas", "whether", "when",
    "whenever", "where", "after", "before", "until", "till", "since", "as", "once", "lest",
];

const RELATIVES: &[&str] = &["which", "who", "whom"];

const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "itself",
    "themselves",
    "himself",
    "herself",
];

/// The closed word lists by word, each word with the tag of the first list
/// holding it (determiners, prepositions, auxiliaries, modals, negations,
/// subordinators, relatives, pronouns): one lookup per token instead of a
/// scan through every list.
static CLOSED_CLASS: LazyLock<HashMap<&'static str, Tag, FixedState>> = LazyLock::new(|| {
    let lists: [(&[&'static str], Tag); 8] = [
        (DETERMINERS, Tag::Det),
        (PREPOSITIONS, Tag::Prep),
        (AUXILIARIES, Tag::Aux),
        (MODALS, Tag::Modal),
        (NEGATIONS, Tag::Neg),
        (SUBORDINATORS, Tag::Sub),
        (RELATIVES, Tag::Rel),
        (PRONOUNS, Tag::Pron),
    ];
    let mut by_word = HashMap::default();
    for (list, tag) in lists {
        for &word in list {
            by_word.entry(word).or_insert(tag);
        }
    }
    by_word
});

fn classify(lower: &str, is_number: bool) -> Tag {
    if is_number {
        return Tag::Number;
    }
    match lower {
        "to" => return Tag::To,
        "and" | "or" | "&" => return Tag::And,
        "but" | "yet" => return Tag::But,
        "'s" => return Tag::Possessive,
        "," => return Tag::Comma,
        ";" | ":" | "-" | "–" | "—" => return Tag::Break,
        "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»" | "``" | "''" => return Tag::Quote,
        "(" | ")" | "[" | "]" | "{" | "}" => return Tag::Bracket,
        _ => {}
    }
    if let Some(&tag) = CLOSED_CLASS.get(lower) {
        tag
    } else if lower.chars().all(|c| !c.is_alphanumeric()) {
        Tag::Punct
    } else {
        Tag::Word
    }
}

/// Is `chars` single letters separated by dots ("U", "U.S")?
fn single_letters(chars: &[(usize, char)]) -> bool {
    chars
        .split(|&(_, c)| c == '.')
        .all(|part| part.len() == 1 && part.iter().all(|&(_, c)| c.is_alphabetic()))
}

/// Do `rest` (the characters after an apostrophe) start with a clitic
/// ("s", "t", "ll", "re", "ve", "d", "m") that ends the word?
fn is_clitic(rest: &[(usize, char)]) -> bool {
    let word: String = rest
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    matches!(word.as_str(), "s" | "t" | "ll" | "re" | "ve" | "d" | "m")
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text` inside `within` (clamped; empty when the span is not on
/// char boundaries). Contractions split as the Penn Treebank does ("didn't"
/// → "did", "n't"); `'s` after a word is its own token.
pub fn tokenize(text: &str, within: Span) -> Vec<Tok> {
    let end = within.end.min(text.len());
    let start = within.start.min(end);
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let pos = |i: usize| chars.get(i).map_or(slice.len(), |&(p, _)| p);
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = Vec::new();
    let mut push = |from: usize, to: usize, number: bool| {
        let (a, b) = (start + pos(from), start + pos(to));
        let raw = text.get(a..b).unwrap_or("");
        let lower: String = raw.to_lowercase().replace('’', "'");
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let mut tag = classify(&lower, number);
        // "US", "IT": an acronym, not the pronoun.
        if tag == Tag::Pron && raw.chars().count() > 1 && raw.chars().all(char::is_uppercase) {
            tag = Tag::Word;
        }
        out.push(Tok {
            span: Span::new(a, b),
            lower,
            capital,
            tag,
        });
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // Possessive or contracted clitic after a word.
            if is_apostrophe(c) && i > 0 && chars[i - 1].1.is_alphanumeric() {
                let next = at(i + 1).map(|n| n.to_ascii_lowercase());
                let after = at(i + 2);
                if matches!(next, Some('s' | 'd' | 'm')) && !after.is_some_and(char::is_alphanumeric) {
                    push(i, i + 2, false);
                    i += 2;
                    continue;
                }
                if matches!(next, Some('l' | 'r' | 'v'))
                    && at(i + 2).is_some_and(|n| matches!(n.to_ascii_lowercase(), 'l' | 'e'))
                    && !at(i + 3).is_some_and(char::is_alphanumeric)
                {
                    push(i, i + 3, false);
                    i += 3;
                    continue;
                }
            }
            push(i, i + 1, false);
            i += 1;
            continue;
        }
        let first = i;
        let mut all_digits = c.is_ascii_digit();
        i += 1;
        while i < chars.len() {
            let c = chars[i].1;
            if c.is_alphanumeric() {
                all_digits &= c.is_ascii_digit();
                i += 1;
                continue;
            }
            let next_alnum = at(i + 1).is_some_and(char::is_alphanumeric);
            let joins = match c {
                '-' | '‐' => next_alnum,
                // Keep "O'Brien"; leave "'s", "n't", "'ll", … to the clitic rules.
                '\'' | '’' => next_alnum && !is_clitic(&chars[i + 1..]),
                ',' | '.' if all_digits => at(i + 1).is_some_and(|n| n.is_ascii_digit()),
                '.' => {
                    single_letters(&chars[first..i])
                        && at(i + 1).is_some_and(char::is_alphabetic)
                        && !at(i + 2).is_some_and(char::is_alphabetic)
                }
                _ => false,
            };
            if !joins {
                break;
            }
            i += 1;
        }
        // "U.S." keeps its final dot.
        if at(i) == Some('.')
            && chars[first..i].iter().any(|(_, c)| *c == '.')
            && single_letters(&chars[first..i])
        {
            i += 1;
        }
        let word: String = chars[first..i].iter().map(|(_, c)| *c).collect();
        let lower = word.to_lowercase();
        if lower.ends_with('n') && at(i).is_some_and(is_apostrophe) && matches!(at(i + 1), Some('t' | 'T')) {
            let stem_end = i - 1;
            if stem_end > first {
                push(first, stem_end, false);
            }
            push(stem_end, i + 2, false);
            i += 2;
            continue;
        }
        push(first, i, all_digits);
    }
    // "has once again rejected", "once more": "once" is an adverb there,
    // not the subordinator of "once the troops leave".
    for j in 0..out.len() {
        if out[j].tag == Tag::Sub && out[j].lower == "once" {
            let after_aux = j > 0 && out[j - 1].tag == Tag::Aux;
            let again = out.get(j + 1).is_some_and(|n| n.is(&["again", "more"]));
            if after_aux || again {
                out[j].tag = Tag::Word;
            }
        }
        // "as many as 40", "as much as": a quantity, no clause.
        if out[j].tag == Tag::Sub
            && out[j].lower == "as"
            && out.get(j + 1).is_some_and(|n| n.is(&["many", "much"]))
            && out.get(j + 2).is_some_and(|n| n.lower == "as")
        {
            out[j].tag = Tag::Word;
            out[j + 2].tag = Tag::Word;
        }
        // "killed 23 people as well as themselves", "they fled as well":
        // an adverb and a coordinator, no clause.
        if out[j].tag == Tag::Sub && out[j].lower == "as" && out.get(j + 1).is_some_and(|n| n.lower == "well")
        {
            out[j].tag = Tag::Word;
            if let Some(next_as) = out
                .get_mut(j + 2)
                .filter(|n| n.lower == "as" && n.tag == Tag::Sub)
            {
                next_as.tag = Tag::Word;
            }
        }
    }
    out
}

/// Words that make the number after them approximate or bounded ("about
/// 200 supporters", "over 1,000 protesters", "under 50 troops"): a
/// quantity, not a preposition or an adverb governing a party.
pub(crate) const APPROXIMATORS: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "nearly",
    "over",
    "roughly",
    "some",
    "under",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let toks = tokenize(input, Span::new(0, input.len()));
        let got: Vec<String> = toks
            .iter()
            .map(|t| {
                let text = t.span.slice(input).unwrap_or("?");
                match t.tag {
                    Tag::Word => text.to_owned(),
                    tag => format!("{text}/{tag:?}"),
                }
            })
            .collect();
        assert_eq!(got.join(" "), expected, "{input}");
    }

    #[test]
    fn tokens_keep_acronyms_hyphens_and_split_clitics() {
        check(
            "The U.S. didn't back Rwanda-backed M23's advance.",
            "The/Det U.S. did/Aux n't/Neg back Rwanda-backed M23 's/Possessive advance ./Punct",
        );
        check("Rwanda’s army", "Rwanda ’s/Possessive army");
        check("a US offer to us", "a/Det US offer to/To us/Pron");
        check(
            "They'll meet on 4,000",
            "They/Pron 'll/Modal meet on/Prep 4,000/Number",
        );
        check("O'Brien said: no.", "O'Brien said :/Break no/Neg ./Punct");
        check("U.N. troops", "U.N. troops");
        check(
            "once again, once they leave",
            "once again ,/Comma once/Sub they/Pron leave",
        );
        check(
            "killed as many as 40 as they fled",
            "killed as many/Det as 40/Number as/Sub they/Pron fled",
        );
        check(
            "killed 23 people as well as themselves as they fled",
            "killed 23/Number people as well as themselves/Pron as/Sub they/Pron fled",
        );
        check("", "");
    }
}
