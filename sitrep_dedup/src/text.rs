//! Text primitives: normalised word tokens with byte spans, seeded stable
//! hashing, sentence boundaries and quotation regions.
//!
//! Normalisation is deliberately blunt: a token is a maximal run of
//! alphanumeric characters, lower-cased. Punctuation, quote styles, spacing
//! and paragraphing vanish, so "U.S." vs "US" costs a token or two and a
//! re-paragraphed copy tokenises exactly like its source.

/// The seed of every hash in this crate. Changing it changes every stored
/// signature, so it is part of the signature format version.
const SEED: u64 = 0x5175_7265_7064_6564;

/// SplitMix64's finaliser: a fast bijective mixer with good avalanche.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Marks a byte that starts or continues a non-ASCII character.
const NON_ASCII: u8 = 0xff;

/// For each byte: its lower-case form when an ASCII letter or digit, 0 for
/// other ASCII, [`NON_ASCII`] for the bytes of multi-byte characters.
const ASCII_WORD: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    table
};

fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over bytes, then mixed with the seed: stable across platforms,
/// releases and runs (unlike `std`'s randomised hasher).
fn hash_bytes(bytes: impl Iterator<Item = u8>) -> u64 {
    mix(bytes.fold(FNV_OFFSET, fnv_step) ^ SEED)
}

/// The character starting at byte `i` of `text` and its length in bytes.
fn char_at(text: &str, i: usize) -> (char, usize) {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or((' ', 1), |c| (c, c.len_utf8()))
}

/// Combine hashes in order into one (order-sensitive).
pub(crate) fn combine(hashes: &[u64]) -> u64 {
    hashes.iter().fold(SEED, |acc, &h| mix(acc.rotate_left(23) ^ h))
}

/// The normalised words of a text, each with its byte span.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Hash of each lower-cased word.
    pub hashes: Vec<u64>,
    /// Byte range `[start, end)` of each word in the text.
    pub spans: Vec<(usize, usize)>,
}

impl Tokens {
    /// Split `text` into normalised words.
    pub fn new(text: &str) -> Self {
        let mut tokens = Self {
            hashes: Vec::with_capacity(text.len() / 6),
            spans: Vec::with_capacity(text.len() / 6),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Skip to the next word.
            let m = ASCII_WORD[usize::from(bytes[i])];
            if m != NON_ASCII {
                if m == 0 {
                    i += 1;
                    continue;
                }
            } else {
                let (c, len) = char_at(text, i);
                if !c.is_alphanumeric() {
                    i += len;
                    continue;
                }
            }
            let start = i;
            let mut ascii = true;
            let mut h = FNV_OFFSET;
            while i < bytes.len() {
                let m = ASCII_WORD[usize::from(bytes[i])];
                if m != NON_ASCII {
                    if m == 0 {
                        break;
                    }
                    h = fnv_step(h, m);
                    i += 1;
                } else {
                    let (c, len) = char_at(text, i);
                    if !c.is_alphanumeric() {
                        break;
                    }
                    ascii = false;
                    i += len;
                }
            }
            let hash = if ascii {
                mix(h ^ SEED)
            } else {
                hash_bytes(text[start..i].to_lowercase().bytes())
            };
            tokens.hashes.push(hash);
            tokens.spans.push((start, i));
        }
        tokens
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when the text has no words.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Hash of every run of `k` consecutive words (none when fewer than
    /// `k` words).
    pub fn shingles(&self, k: usize) -> Vec<u64> {
        let k = k.max(1);
        if self.hashes.len() < k {
            return Vec::new();
        }
        // Polynomial rolling hash over the word hashes, then mixed.
        const BASE: u64 = 0x0000_0100_0000_01b3;
        let top = (1..k).fold(1u64, |p, _| p.wrapping_mul(BASE));
        let t = &self.hashes;
        let mut h = t[..k]
            .iter()
            .fold(0u64, |h, &x| h.wrapping_mul(BASE).wrapping_add(x));
        let mut out = Vec::with_capacity(t.len() - k + 1);
        out.push(mix(h ^ SEED));
        for i in k..t.len() {
            h = h
                .wrapping_sub(t[i - k].wrapping_mul(top))
                .wrapping_mul(BASE)
                .wrapping_add(t[i]);
            out.push(mix(h ^ SEED));
        }
        out
    }

    /// Index of the first word that ends after byte `at` (the word holding
    /// `at`, or the next one).
    pub fn first_at_or_after(&self, at: usize) -> usize {
        self.spans.partition_point(|&(_, end)| end <= at)
    }

    /// Number of words lying wholly inside bytes `[from, to)`.
    pub fn count_between(&self, from: usize, to: usize) -> usize {
        let a = self.spans.partition_point(|&(start, _)| start < from);
        let b = self.spans.partition_point(|&(_, end)| end <= to);
        b.saturating_sub(a)
    }
}

/// Characters that may close a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Characters that may trail a terminator inside the same sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Characters that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '-' | '–' | '—'
    )
}

/// Sentences of `text` as byte ranges `[start, end)`, each from its first
/// non-space character to just after its terminator and closing quotes.
///
/// A sentence ends at a line break, or at `.`/`!`/`?` followed by space
/// and an upper-case letter, digit or opening quote — so "the U.S. said"
/// stays one sentence — unless the full stop closes an initial ("U.S.
/// Secretary", "J. Smith").
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            if let Some(s) = start.take() {
                out.push((s, trim_end(text, s, pos)));
            }
            i += 1;
            continue;
        }
        if start.is_none() && !c.is_whitespace() {
            start = Some(pos);
        }
        if is_terminator(c) {
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() && chars[k].1 != '\n' {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, c)| c);
            // "U.S. Secretary", "J. Smith": a single letter before a full stop is an initial.
            let initial = c == '.'
                && i >= 1
                && chars[i - 1].1.is_alphabetic()
                && (i < 2 || !chars[i - 2].1.is_alphanumeric());
            let breaks = k > j
                && !initial
                && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n) || n == '\n');
            if breaks || j == chars.len() {
                if let Some(s) = start.take() {
                    out.push((s, end));
                }
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, trim_end(text, s, text.len())));
    }
    out
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Byte ranges of `text` inside quotation marks: “…”, «…», „…“, "…" and
/// ‘…’ (a ’ inside a word is an apostrophe, not a closing mark). An
/// unclosed quote ends at the end of its paragraph line.
pub fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let after = i + c.len_utf8();
        match open {
            None => {
                let opens = match c {
                    '“' | '«' | '„' => true,
                    '"' => true,
                    '‘' => prev.is_none_or(|p| !p.is_alphanumeric()),
                    _ => false,
                };
                if opens {
                    open = Some((after, c));
                }
            }
            Some((start, opener)) => {
                let closes = match (opener, c) {
                    ('“', '”') | ('«', '»') | ('„', '“') | ('„', '”') | ('"', '"') => true,
                    ('‘', '’') => next.is_none_or(|n| !n.is_alphanumeric()),
                    _ => false,
                };
                if closes || c == '\n' {
                    out.push((start, i));
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((start, _)) = open {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Tokens::new(text)
            .spans
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect()
    }

    fn check_sentences(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    fn check_quotes(text: &str, expected: &[&str]) {
        let got: Vec<&str> = quotations(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn tokens_are_alphanumeric_runs_with_spans() {
        assert_eq!(words("The U.S. said, “no”."), ["The", "U", "S", "said", "no"]);
        assert_eq!(
            words("Félix Tshisekedi’s 2025"),
            ["Félix", "Tshisekedi", "s", "2025"]
        );
        assert!(Tokens::new(" -- ").is_empty());
    }

    #[test]
    fn tokens_ignore_case_and_punctuation() {
        let a = Tokens::new("Rwanda’s ÉLAN, “said”");
        let b = Tokens::new("rwanda's élan said");
        assert_eq!(a.hashes, b.hashes);
        assert_ne!(Tokens::new("a b").hashes, Tokens::new("a c").hashes);
    }

    #[test]
    fn shingles_need_k_words() {
        let t = Tokens::new("one two three four");
        assert_eq!(t.shingles(5).len(), 0);
        assert_eq!(t.shingles(2).len(), 3);
        let rolled = Tokens::new("one two three four one two three");
        let sh = rolled.shingles(3);
        assert_eq!(sh[0], sh[4], "equal word runs, equal shingles");
        assert_ne!(sh[0], sh[1]);
        assert_eq!(t.count_between(0, 9), 2);
        assert_eq!(t.first_at_or_after(5), 1);
    }

    #[test]
    fn sentences_split_on_terminators_and_lines() {
        check_sentences(
            "The U.S. said so. Then it left!\n\nKey Quotes\n“We stay,” he said. 3 died.",
            &[
                "The U.S. said so.",
                "Then it left!",
                "Key Quotes",
                "“We stay,” he said.",
                "3 died.",
            ],
        );
        check_sentences(
            "“Both leaders agreed.” Later",
            &["“Both leaders agreed.”", "Later"],
        );
        check_sentences("", &[]);
    }

    #[test]
    fn quotations_pair_their_marks() {
        check_quotes("He said “we stay” and “go”.", &["we stay", "go"]);
        check_quotes("Rwanda’s army ‘left’ today", &["left"]);
        check_quotes("\"a\" b \"c", &["a", "c"]);
        check_quotes("«Oui» dit-il", &["Oui"]);
    }
}
