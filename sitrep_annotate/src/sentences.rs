//! Sentences and tokens of an article's text, news-aware.
//!
//! [`split_sentences`] cuts the text into [`Sentence`]s, each a byte span
//! trimmed of surrounding whitespace. [`tokens`] cuts a span into words,
//! numbers and punctuation for the other annotators; [`paragraphs`] gives
//! the paragraph blocks both are built on.
//!
//! Rules, in order:
//! 1. Paragraphs: every line break ends a sentence (clean article text has
//!    one paragraph per line, and headlines, subheadings and list items have
//!    no full stop), except that a line starting with a lowercase letter
//!    (or any line after one ending in "the", "of", "on", …) continues a
//!    line without terminal punctuation (a stray hard wrap).
//! 2. Inside a paragraph a sentence ends after `.`, `!`, `?`, `…` (and the
//!    CJK / Arabic / Devanagari stops) plus any closing quotes or brackets,
//!    when whitespace follows and the next word does not start lowercase.
//!    Closing quote marks stay with the sentence they close.
//! 3. Abbreviations do not end a sentence: titles before names (`Gen.`,
//!    `Dr.`, `Sen.`, `St.`) never do; `No.`, month abbreviations (`Feb.`)
//!    and reference words do not before a number; dotted acronyms
//!    (`U.S.`, `U.N.`, `a.m.`), initials (`F.`) and `Inc.`/`Jr.`/`etc.` end
//!    one only when the next word is a common sentence opener ("The", "It",
//!    "But", …): "the U.S. Secretary of State" stays one sentence, "by the
//!    U.S. The move…" is two. `e.g.`, `i.e.` and `vs.` never do.
//! 4. A quotation ending in `.`, `?` or `!` followed by a short attribution
//!    (`"Why now?" Rubio asked.`) stays one sentence with it.
//!
//! Sentences inside a multi-sentence quotation are sentences of their own
//! (the quote detector works on the text, not on sentences, so quotes may
//! span them).

use sitrep_model::{Sentence, Span};

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner apostrophes and hyphens, the
    /// dots of an acronym such as `U.S.`, or the dot of a known abbreviation
    /// such as `Gen.`), or the clitic `'s`.
    Word,
    /// Digits, possibly with inner `,` or `.` (`4,000`, `3.5`).
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A word, number or punctuation mark with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Bytes of the token in the text.
    pub span: Span,
    /// Kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text (empty if the span does not fit `text`).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }
}

/// Split `text` into sentences in text order. Spans are trimmed of
/// whitespace, never empty, never overlap, and lie on char boundaries.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in paragraphs(text) {
        split_block(text, block, &mut out);
    }
    out
}

/// The paragraph blocks of `text`: lines trimmed of whitespace, a line
/// starting lowercase joined to a previous line that does not end a
/// sentence. Blank lines separate nothing more than single line breaks do.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut prev_open = false;
    let mut line_start = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            prev_open = false;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let starts_lower = trimmed.chars().next().is_some_and(char::is_lowercase);
        match blocks.last_mut() {
            Some(last) if prev_open && (starts_lower || ends_with_function_word(text, *last)) => {
                last.end = span.end;
            }
            _ => blocks.push(span),
        }
        let last_char = trimmed.chars().rev().find(|c| !is_closer(*c)).unwrap_or(' ');
        prev_open = !is_terminal(last_char) && last_char != ':';
    }
    blocks
}

/// Lowercase words that cannot end a headline or a sentence: a line ending
/// in one is hard-wrapped.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "on", "in", "to", "for", "and", "or", "by", "with", "at", "from", "that", "its",
    "their", "his", "her",
];

fn ends_with_function_word(text: &str, span: Span) -> bool {
    let line = span.slice(text).unwrap_or("");
    line.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| FUNCTION_WORDS.contains(&w))
}

/// Index of the sentence containing byte `offset`, if any (sentences must
/// be in text order, as [`split_sentences`] returns them).
pub fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= offset);
    sentences
        .get(i)
        .filter(|s| s.span.start <= offset && offset < s.span.end)
        .map(|_| i)
}

/// Tokens of `text` inside `within` (clamped to the text; empty when the
/// span is not on char boundaries). Words keep inner apostrophes and
/// hyphens ("don't", "Rwanda-backed"), acronym dots ("U.S.") and the dot of
/// a known abbreviation ("Gen.", "Feb.", "Co."); a trailing `'s` / `’s` is
/// its own token; other dots are punctuation (so an abbreviation that ends
/// a sentence keeps the full stop in its token).
pub fn tokens(text: &str, within: Span) -> Vec<Token> {
    let end = within.end.min(text.len());
    let start = within.start.min(end);
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(slice.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_apostrophe(c)
            && at(i + 1).is_some_and(|n| n == 's' || n == 'S')
            && !at(i + 2).is_some_and(char::is_alphanumeric)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            out.push(Token {
                span: Span::new(start + pos(i), start + pos(i + 2)),
                kind: TokenKind::Word,
            });
            i += 2;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(start + pos(i), start + pos(i + 1)),
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        let first = i;
        let numeric = c.is_ascii_digit();
        let mut all_digits = numeric;
        i += 1;
        while let Some(c) = at(i) {
            if c.is_alphanumeric() {
                all_digits &= c.is_ascii_digit();
                i += 1;
                continue;
            }
            let next = at(i + 1);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            if all_digits && (c == ',' || c == '.') && next.is_some_and(|n| n.is_ascii_digit()) {
                i += 1;
                continue;
            }
            if is_apostrophe(c) && next_alnum {
                let clitic = next.is_some_and(|n| n == 's' || n == 'S')
                    && !at(i + 2).is_some_and(char::is_alphanumeric);
                if clitic {
                    break;
                }
                i += 1;
                continue;
            }
            if matches!(c, '-' | '‐') && next_alnum {
                i += 1;
                continue;
            }
            if c == '.' && is_dotted_so_far(&chars[first..i]) {
                let next_letter = next.is_some_and(char::is_alphabetic);
                let after_next_dot_or_end = !at(i + 2).is_some_and(char::is_alphanumeric);
                if next_letter && after_next_dot_or_end {
                    i += 1;
                    continue;
                }
                if !next_alnum && first + 1 < i {
                    // Final dot of an acronym with at least one inner dot.
                    i += 1;
                }
                break;
            }
            if c == '.' && !next_alnum {
                // The dot of a known abbreviation ("Gen.", "Feb.", "Co.").
                let word: String = chars[first..i].iter().map(|&(_, c)| c).collect();
                if is_abbreviation(&word) {
                    i += 1;
                }
            }
            break;
        }
        let kind = if numeric && all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span::new(start + pos(first), start + pos(i)),
            kind,
        });
    }
    out
}

/// A word written with a period that is not a full stop ("Gen", "Feb",
/// "Inc", "No").
fn is_abbreviation(word: &str) -> bool {
    TITLES.contains(&word)
        || MONTH_ABBREVIATIONS.contains(&word)
        || SOFT_ABBREVIATIONS.contains(&word)
        || NUMBER_PREFIXES.contains(&word)
        || NEVER_FINAL.contains(&word)
}

/// The nearest char boundary at or before byte `at` (clamped to the text).
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after byte `at` (clamped to the text).
pub(crate) fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `U`, `U.S`, `a.m` — single letters separated by dots.
fn is_dotted_so_far(chars: &[(usize, char)]) -> bool {
    chars.iter().enumerate().all(
        |(k, &(_, c))| {
            if k % 2 == 0 { c.is_alphabetic() } else { c == '.' }
        },
    ) && chars.len() % 2 == 1
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that end a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।')
}

/// Stops of scripts written without spaces between sentences.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Characters that may follow a sentence's terminal punctuation and still
/// belong to it.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn split_block(text: &str, block: Span, out: &mut Vec<Sentence>) {
    let Some(s) = block.slice(text) else {
        return;
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let pos = |i: usize| chars.get(i).map_or(s.len(), |&(p, _)| p);
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && is_terminal(chars[j].1) {
            j += 1;
        }
        let single_period = c == '.' && j == i + 1;
        let closers_start = j;
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let closed_quote = j > closers_start;
        let end = pos(j);
        if j >= chars.len() {
            break;
        }
        let spaced = chars[j].1.is_whitespace();
        if !spaced && !is_unspaced_terminal(c) {
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let next = chars[k].1;
        let boundary = if next.is_lowercase() || (closed_quote && attribution_follows(s, pos(k))) {
            false
        } else if single_period && closers_start == i + 1 {
            period_ends_sentence(s, &chars, i, pos(k))
        } else {
            true
        };
        if boundary {
            push_trimmed(out, block.start, s, sentence_start, end);
            sentence_start = pos(k);
        }
        i = k;
    }
    push_trimmed(out, block.start, s, sentence_start, s.len());
}

fn push_trimmed(out: &mut Vec<Sentence>, offset: usize, s: &str, start: usize, end: usize) {
    let Some(piece) = s.get(start..end) else {
        return;
    };
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let a = offset + start + lead;
    out.push(Sentence {
        span: Span::new(a, a + trimmed.len()),
    });
}

/// Titles written before a name: the period never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm",
    "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Pres", "Prof", "Rev", "Hon", "St", "Fr",
    "Amb", "Supt", "Insp", "Det", "Atty", "Messrs", "Mme", "Mlle", "Mgr", "Msgr", "Sr", "Sra",
];

/// Month abbreviations: no sentence end before a day number.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Reference words: no sentence end before a number.
const NUMBER_PREFIXES: &[&str] = &[
    "No", "Nos", "no", "Art", "Vol", "vol", "pp", "p", "Fig", "fig", "Ch", "Sec", "Para", "para", "Ref",
];

/// Abbreviations that can also end a sentence: they end one only before a
/// common sentence opener.
const SOFT_ABBREVIATIONS: &[&str] = &[
    "etc", "Inc", "Corp", "Co", "Ltd", "Jr", "Bros", "approx", "est", "Govt", "govt", "Dept", "Univ", "Assn",
    "Ave", "Blvd", "Rd", "Mt", "Ft", "Intl", "Natl",
];

/// Abbreviations that never end a sentence.
const NEVER_FINAL: &[&str] = &["e.g", "i.e", "vs", "v", "cf", "viz", "al"];

/// Words that commonly open a sentence: after an ambiguous abbreviation
/// they mark a new one.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "Moreover",
    "Still",
    "Also",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Since",
    "During",
    "For",
    "Last",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Some",
    "Many",
    "Most",
    "Both",
    "Several",
    "According",
    "Officials",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Such",
    "Then",
    "Now",
    "Instead",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Other",
    "One",
    "Two",
    "Three",
    "No",
    "Not",
    "Under",
    "With",
    "Without",
    "From",
    "By",
    "Asked",
    "Analysts",
    "Critics",
];

/// Is the single period at `chars[i]` (followed by whitespace, next word
/// starting at byte `next` of `s`) the end of a sentence?
fn period_ends_sentence(s: &str, chars: &[(usize, char)], i: usize, next: usize) -> bool {
    let mut w = i;
    while w > 0 && (chars[w - 1].1.is_alphanumeric() || chars[w - 1].1 == '.') {
        w -= 1;
    }
    let word = s.get(chars[w].0..chars[i].0).unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let next_word = leading_word(s.get(next..).unwrap_or(""));
    let next_is_digit = next_word.chars().next().is_some_and(|c| c.is_ascii_digit());
    let next_opens = SENTENCE_OPENERS.contains(&next_word)
        || s.get(next..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«'));
    if NEVER_FINAL.contains(&word) || word.eq_ignore_ascii_case("e.g") || word.eq_ignore_ascii_case("i.e") {
        return false;
    }
    if TITLES.contains(&word) {
        return false;
    }
    if MONTH_ABBREVIATIONS.contains(&word) {
        return !next_is_digit && next_opens;
    }
    if NUMBER_PREFIXES.contains(&word) {
        return !next_is_digit;
    }
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    if single_letter || dotted || SOFT_ABBREVIATIONS.contains(&word) {
        return next_opens;
    }
    true
}

/// The run of letters (and apostrophes) at the start of `s`.
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\''))
        .map_or(s.len(), |(p, _)| p);
    &s[..end]
}

/// Verbs of saying that make a short clause after a quotation an
/// attribution.
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "replied",
    "shouted",
    "tweeted",
    "posted",
    "stated",
    "insisted",
    "warned",
    "declared",
    "explained",
    "continued",
    "noted",
    "according",
    "quipped",
    "responded",
    "recalled",
    "cried",
];

/// Does a short attribution ("Rubio asked.", "said the minister,") start
/// at byte `at` of `s`?
fn attribution_follows(s: &str, at: usize) -> bool {
    let rest = s.get(at..).unwrap_or("");
    let clause_end = rest
        .char_indices()
        .find(|&(p, c)| {
            matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”')
                || (c == '.' && !rest[p + 1..].starts_with(|n: char| n.is_alphanumeric()))
        })
        .map_or(rest.len(), |(p, _)| p);
    let clause = &rest[..clause_end];
    let words: Vec<&str> = clause.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            ATTRIBUTION_VERBS.contains(&w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Split `input` and compare the sentence texts.
    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(input)
            .iter()
            .map(|s| &input[s.span.start..s.span.end])
            .collect();
        assert_eq!(got, expected, "input {input:?}");
    }

    fn check_tokens(input: &str, expected: &[&str]) {
        let got: Vec<&str> = tokens(input, Span::new(0, input.len()))
            .iter()
            .map(|t| t.text(input))
            .collect();
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn plain_sentences() {
        check(
            "Rebels took the town. Residents fled! Where will they go? Nobody knows.",
            &[
                "Rebels took the town.",
                "Residents fled!",
                "Where will they go?",
                "Nobody knows.",
            ],
        );
        check("", &[]);
        check("   \n\n  ", &[]);
        check("No full stop at the end", &["No full stop at the end"]);
    }

    #[test]
    fn abbreviations_before_names_and_numbers_do_not_split() {
        check(
            "U.S. Secretary of State Marco Rubio spoke with Gen. Sultani Makenga on Feb. 21. The call was brief.",
            &[
                "U.S. Secretary of State Marco Rubio spoke with Gen. Sultani Makenga on Feb. 21.",
                "The call was brief.",
            ],
        );
        check(
            "Dr. Denis Mukwege and Sen. Jim Risch met at St. Paul's at 9 a.m. Monday.",
            &["Dr. Denis Mukwege and Sen. Jim Risch met at St. Paul's at 9 a.m. Monday."],
        );
        check(
            "The resolution was No. 2773 of the U.N. Security Council.",
            &["The resolution was No. 2773 of the U.N. Security Council."],
        );
        check(
            "Aid comes from donors, e.g. Japan, vs. last year's donors.",
            &["Aid comes from donors, e.g. Japan, vs. last year's donors."],
        );
        check("John F. Kennedy spoke.", &["John F. Kennedy spoke."]);
    }

    #[test]
    fn an_acronym_at_the_end_splits_before_a_sentence_opener() {
        check(
            "The sanctions were imposed by the U.S. The move angered Kigali.",
            &[
                "The sanctions were imposed by the U.S.",
                "The move angered Kigali.",
            ],
        );
        check(
            "Talks are planned for Feb. It is not clear where.",
            &["Talks are planned for Feb.", "It is not clear where."],
        );
        check(
            "Shares of Acme Inc. rose. Acme Inc. The company said nothing.",
            &[
                "Shares of Acme Inc. rose.",
                "Acme Inc.",
                "The company said nothing.",
            ],
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence_and_attribution() {
        check(
            "\"We will not withdraw.\" The minister left. \"Why now?\" Rubio asked. \"Never!\" she shouted.",
            &[
                "\"We will not withdraw.\"",
                "The minister left.",
                "\"Why now?\" Rubio asked.",
                "\"Never!\" she shouted.",
            ],
        );
        check(
            "“We will fight. We will win,” he said. Then he left.",
            &["“We will fight.", "We will win,” he said.", "Then he left."],
        );
        check(
            "He called it \"a disgrace.\" Officials disagreed.",
            &["He called it \"a disgrace.\"", "Officials disagreed."],
        );
    }

    #[test]
    fn headlines_and_list_items_are_sentences() {
        check(
            "Key Quotes\nThe council voted.\nUN Draft Resolution\n- Provision of aid\n- Reopening of roads",
            &[
                "Key Quotes",
                "The council voted.",
                "UN Draft Resolution",
                "- Provision of aid",
                "- Reopening of roads",
            ],
        );
        check(
            "Rebels advance on Goma\n\nThe M23 took the airport. Fighting continued.",
            &[
                "Rebels advance on Goma",
                "The M23 took the airport.",
                "Fighting continued.",
            ],
        );
    }

    #[test]
    fn a_lowercase_line_continues_an_open_line() {
        check(
            "The State Department said on\nFriday that the talks failed.\nNew paragraph",
            &[
                "The State Department said on\nFriday that the talks failed.",
                "New paragraph",
            ],
        );
        check(
            "The talks failed\nand the rebels advanced.",
            &["The talks failed\nand the rebels advanced."],
        );
    }

    #[test]
    fn decimals_ellipses_and_other_scripts() {
        check(
            "Growth was 3.5 percent. Prices rose.",
            &["Growth was 3.5 percent.", "Prices rose."],
        );
        check("He paused... Then he spoke.", &["He paused...", "Then he spoke."]);
        check("停火了。谈判开始。", &["停火了。", "谈判开始。"]);
        check(
            "Félix Tshisekedi a parlé. Kagame aussi.",
            &["Félix Tshisekedi a parlé.", "Kagame aussi."],
        );
    }

    #[test]
    fn tokens_keep_acronyms_and_split_possessives() {
        check_tokens(
            "The U.S. said Rwanda's 4,000 troops—Rwanda-backed—won't leave.",
            &[
                "The",
                "U.S.",
                "said",
                "Rwanda",
                "'s",
                "4,000",
                "troops",
                "—",
                "Rwanda-backed",
                "—",
                "won't",
                "leave",
                ".",
            ],
        );
        check_tokens(
            "Kenya’s U.N. envoy, 3.5%",
            &["Kenya", "’s", "U.N.", "envoy", ",", "3.5", "%"],
        );
        check_tokens("at 9 a.m. on Feb. 21", &["at", "9", "a.m.", "on", "Feb.", "21"]);
        check_tokens(
            "Gen. Makenga of Acme Co. spoke.",
            &["Gen.", "Makenga", "of", "Acme", "Co.", "spoke", "."],
        );
        check_tokens("the U.S.", &["the", "U.S."]);
    }

    #[test]
    fn sentence_at_finds_the_containing_sentence() {
        let text = "One. Two three. Four.";
        let sentences = split_sentences(text);
        assert_eq!(sentence_at(&sentences, 0), Some(0));
        assert_eq!(sentence_at(&sentences, 6), Some(1));
        assert_eq!(sentence_at(&sentences, 4), None, "the space between sentences");
        assert_eq!(sentence_at(&sentences, 100), None);
    }

    proptest! {
        #[test]
        fn sentence_spans_are_trimmed_ordered_slices(text in "(?s).{0,200}") {
            let sentences = split_sentences(&text);
            let mut last_end = 0;
            for s in &sentences {
                let slice = s.span.slice(&text);
                prop_assert!(slice.is_some(), "span {:?} not a slice of {:?}", s.span, text);
                let slice = slice.unwrap_or_default();
                prop_assert!(!slice.is_empty());
                prop_assert_eq!(slice, slice.trim());
                prop_assert!(s.span.start >= last_end);
                last_end = s.span.end;
            }
            prop_assert_eq!(split_sentences(&text), sentences);
        }

        #[test]
        fn news_like_text_never_panics(text in "([A-Za-z.!?\"“”’' \n]|U\\.S\\.|Gen\\.|Feb\\. 2|é){0,120}") {
            let sentences = split_sentences(&text);
            for s in &sentences {
                prop_assert!(s.span.slice(&text).is_some());
                for t in tokens(&text, s.span) {
                    prop_assert!(t.span.slice(&text).is_some());
                    prop_assert!(t.span.start >= s.span.start && t.span.end <= s.span.end);
                }
            }
        }

        #[test]
        fn tokens_are_slices_for_any_span(text in "(?s).{0,80}", a in 0usize..100, b in 0usize..100) {
            for t in tokens(&text, Span::new(a.min(b), a.max(b))) {
                prop_assert!(t.span.slice(&text).is_some_and(|s| !s.is_empty()));
            }
        }
    }
}
