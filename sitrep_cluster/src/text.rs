//! Lexical terms of an article: lower-cased words, stop words dropped,
//! stemmed (Snowball) in the article's language, hashed to 32-bit term ids.
//!
//! Why: TF-IDF over stems is the lexical half of story similarity, and
//! hashing keeps the per-article record and the story centroids compact
//! (a few bytes per term) with no shared vocabulary to persist. Numbers of
//! two to four digits are kept: counts and years tell two similar events
//! apart ("26 pirates" in 2011 against "23 pirates" in 2008).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A 32-bit term id: FNV-1a of the stem, folded.
pub type TermId = u32;

/// English function words and news reporting verbs, which say nothing about
/// what a story is about.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "dr",
    "according",
    "added",
    "news",
    "reported",
    "report",
    "reports",
    "statement",
    "told",
    "week",
    "day",
    "days",
    "year",
    "years",
    "time",
    "two",
    "three",
    "first",
    "last",
    "new",
    "people",
    "percent",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "months",
    "don",
    "didn",
    "doesn",
    "isn",
    "wasn",
    "aren",
    "won",
    "can't",
    "ll",
    "ve",
    "re",
];

/// Four digits that read as a year (1900-2099).
fn is_year(word: &str) -> bool {
    word.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))
}

fn is_stop(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect()).contains(word)
}

/// The Snowball algorithm for an ISO 639-1 code; English when unknown.
fn algorithm(language: Option<&str>) -> Algorithm {
    match language.unwrap_or("en") {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => Algorithm::English,
    }
}

/// Stems memoised per thread and algorithm, at most this many words each
/// (then started anew).
const STEM_MEMO_WORDS: usize = 100_000;

thread_local! {
    /// Stems already computed on this thread, per algorithm: news repeats
    /// its words, and Snowball was ~2% of ingest's CPU.
    /// (Indexed by the algorithm's discriminant, grown on first use.)
    static STEMS: RefCell<Vec<HashMap<String, Rc<str>>>> = const { RefCell::new(Vec::new()) };
}

/// FNV-1a over the bytes, folded to 32 bits.
pub fn term_id(s: &str) -> TermId {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // Truncation is the point: fold the high half into the low half.
    ((h >> 32) ^ h) as u32
}

/// A tokenizer and stemmer for one language.
pub struct Terms {
    stemmer: Stemmer,
    /// The stemmer's algorithm as an index into the stem memos.
    algorithm: usize,
}

/// One term occurrence: its id and the word as written (lower-cased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Hashed stem.
    pub id: TermId,
    /// The lower-cased word.
    pub word: String,
    /// Capitalised inside a sentence (a name), a score like `20-13` or a
    /// quantity like `26 pirates`: the specifics that tell two similar
    /// events apart.
    pub specific: bool,
    /// A count with its noun (`26 pirates`): a specific, but no more
    /// weighty than a word in the article's profile.
    pub quantity: bool,
}

impl Terms {
    /// Terms for the language of an article (ISO 639-1), English when unknown.
    pub fn new(language: Option<&str>) -> Self {
        let algorithm = algorithm(language);
        Self {
            stemmer: Stemmer::create(algorithm),
            algorithm: algorithm as usize,
        }
    }

    /// The stem of `word` (lower-cased), memoised.
    fn stem(&self, word: &str) -> Rc<str> {
        STEMS.with(|memos| {
            let mut memos = memos.borrow_mut();
            if memos.len() <= self.algorithm {
                memos.resize_with(self.algorithm + 1, HashMap::new);
            }
            let memo = &mut memos[self.algorithm];
            if let Some(stem) = memo.get(word) {
                return Rc::clone(stem);
            }
            if memo.len() >= STEM_MEMO_WORDS {
                memo.clear();
            }
            let stem: Rc<str> = Rc::from(self.stemmer.stem(word).as_ref());
            memo.insert(word.to_owned(), Rc::clone(&stem));
            stem
        })
    }

    /// The content terms of `text`, in text order.
    pub fn terms(&self, text: &str) -> Vec<Term> {
        let mut out = Vec::new();
        // Whether the next word starts a sentence (so its capital says nothing).
        let mut sentence_start = true;
        let mut last_end = 0;
        let mut previous_number: Option<(usize, &str)> = None;
        // The latest count ("23", "1,000") and the words read since it:
        // a count before a noun, perhaps past one capitalised word
        // ("26 Somali pirates"), is a quantity term ("26 pirat").
        let mut count: Option<(String, usize)> = None;
        for (start, raw) in words(text) {
            let between = &text[last_end..start];
            if between.contains(['.', '!', '?', '\n', ':', '"', '\u{201c}']) {
                sentence_start = true;
            }
            let starts = sentence_start;
            sentence_start = false;
            // A score or tally: two numbers joined by a hyphen or dash.
            if let Some((_, first)) = previous_number
                && matches!(between, "-" | "\u{2013}" | " - ")
                && raw.chars().all(|c| c.is_ascii_digit())
                && raw.len() <= 3
            {
                let tally = format!("{first}-{raw}");
                out.push(Term {
                    id: term_id(&tally),
                    word: tally,
                    specific: true,
                    quantity: false,
                });
            }
            previous_number =
                (raw.len() <= 3 && raw.chars().all(|c| c.is_ascii_digit())).then_some((start, raw));
            last_end = start + raw.len();
            let capital = raw.chars().next().is_some_and(char::is_uppercase);
            let word = raw.to_lowercase();
            let chars = word.chars().count();
            let digits = word.chars().all(|c| c.is_ascii_digit());
            count = match count.take() {
                // "1,000": the groups after a comma belong to the count.
                Some((n, 0)) if digits && chars == 3 && between == "," => Some((format!("{n},{word}"), 0)),
                Some((n, read)) if !digits && between == " " => {
                    if !capital && (2..=40).contains(&chars) && !is_stop(&word) {
                        let quantity = format!("{n} {}", self.stem(&word));
                        out.push(Term {
                            id: term_id(&quantity),
                            word: format!("{n} {word}"),
                            specific: true,
                            quantity: true,
                        });
                        None
                    } else if capital && read == 0 && !starts {
                        Some((n, 1))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if digits && chars <= 7 && count.is_none() && !(chars == 4 && is_year(&word)) {
                count = Some((word.clone(), 0));
            }
            let keep = if digits {
                (2..=4).contains(&chars)
            } else {
                (2..=40).contains(&chars) && !is_stop(&word) && !word.chars().any(|c| c.is_ascii_digit())
            };
            if !keep {
                continue;
            }
            let id = if digits {
                term_id(&word)
            } else {
                term_id(&self.stem(&word))
            };
            out.push(Term {
                id,
                word,
                specific: capital && !starts,
                quantity: false,
            });
        }
        out
    }
}

/// The alphanumeric runs of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut chars = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    return Some((s, &text[s..i]));
                }
                _ => {}
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = Terms::new(Some("en"))
            .terms(text)
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn content_words_and_short_numbers_are_kept() {
        check(
            "The Navy said it captured 26 pirates on Friday, 2011.",
            &["navy", "captured", "26", "26 pirates", "pirates", "2011"],
        );
        check("Rwanda's M23 rebels", &["rwanda", "rebels"]);
        check(
            "Colts beat Chiefs 20-13 on Sunday.",
            &["colts", "beat", "chiefs", "20", "20-13", "13"],
        );
        check("call 5551234 now", &["call"]);
        check("", &[]);
    }

    #[test]
    fn a_count_before_a_noun_is_a_specific_quantity() {
        check(
            "They seized 26 Somali pirates and 1,000 tons of grain in 2011 raids.",
            &[
                "seized",
                "26",
                "somali",
                "26 pirates",
                "pirates",
                "000",
                "1,000 tons",
                "tons",
                "grain",
                "2011",
                "raids",
            ],
        );
        let t = Terms::new(None);
        let a = t.terms("23 pirates");
        let b = t.terms("23 pirate");
        assert!(a[1].specific && a[1].quantity);
        assert_eq!(a[1].id, b[1].id);
    }

    #[test]
    fn capitals_inside_a_sentence_are_specific() {
        let t = Terms::new(None);
        let got: Vec<(String, bool)> = t
            .terms("Rebels met Kagame. Talks in Goma ended")
            .into_iter()
            .map(|t| (t.word, t.specific))
            .collect();
        let expected = [
            ("rebels", false),
            ("met", false),
            ("kagame", true),
            ("talks", false),
            ("goma", true),
            ("ended", false),
        ];
        assert_eq!(got, expected.map(|(w, s)| (w.to_owned(), s)));
    }

    #[test]
    fn inflections_share_a_term() {
        let t = Terms::new(None);
        let a = t.terms("rebels attacked");
        let b = t.terms("rebel attacks");
        assert_eq!(a[0].id, b[0].id);
        assert_eq!(a[1].id, b[1].id);
    }
}
