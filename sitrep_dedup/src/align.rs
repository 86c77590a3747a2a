//! Pairwise verification: which passages two articles share, where each
//! sits in both texts, and how similar the articles are overall.
//!
//! Steps: find every run of shared `k`-word shingles on a diagonal (same
//! offset in both texts), extend each run word by word, keep the longest
//! non-overlapping runs, merge runs separated by small edits in both texts
//! ("Reuters earlier" vs "Reuters news agency earlier") into passages, drop
//! passages with too few shared words, snap their ends to sentence
//! boundaries, and mark those that are quotations in both articles.
//!
//! The result is symmetric by construction: the pair is always aligned in a
//! canonical order (by text) and mirrored back.

use std::borrow::Cow;
use std::cell::OnceCell;

use sitrep_model::Span;

use crate::Params;
use crate::text::{Tokens, quotations};

/// Share of a passage's words that must lie inside quotation marks, in
/// both articles, for the passage to count as a quote.
const QUOTE_SHARE: f64 = 0.75;

/// Occurrences of one shingle in the other text beyond which it is
/// treated as a repeated phrase and not used to seed runs.
const MAX_SEEDS_PER_SHINGLE: usize = 8;

/// One article's side of a comparison, tokenised once and reused.
#[derive(Debug, Clone)]
pub struct Prepared<'t> {
    text: Cow<'t, str>,
    tokens: Tokens,
    /// Words per shingle.
    k: usize,
    /// `(shingle, position)` sorted, to find shared shingles; computed on
    /// first use (an article with no candidates never needs it).
    by_hash: OnceCell<Vec<(u64, u32)>>,
    /// Whether each word is inside quotation marks, computed on first use.
    quoted: OnceCell<Vec<bool>>,
}

impl<'t> Prepared<'t> {
    /// Tokenise `text` (borrowed or owned) for comparison.
    pub fn new(text: impl Into<Cow<'t, str>>, params: &Params) -> Self {
        let text = text.into();
        let tokens = Tokens::new(&text);
        Self {
            text,
            tokens,
            k: params.shingle.max(1),
            by_hash: OnceCell::new(),
            quoted: OnceCell::new(),
        }
    }

    /// Bytes held (approximately), for memory reports.
    pub fn memory_bytes(&self) -> usize {
        let owned = match &self.text {
            Cow::Owned(t) => t.capacity(),
            Cow::Borrowed(_) => 0,
        };
        owned
            + self.tokens.hashes.capacity() * 8
            + self.tokens.spans.capacity() * 16
            + self.by_hash.get().map_or(0, |v| v.capacity() * 16)
            + self.quoted.get().map_or(0, Vec::capacity)
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words of the text.
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    fn by_hash(&self) -> &[(u64, u32)] {
        self.by_hash.get_or_init(|| {
            let mut v: Vec<(u64, u32)> = self.tokens.shingles(self.k).into_iter().zip(0u32..).collect();
            v.sort_unstable();
            v
        })
    }

    fn quoted(&self) -> &[bool] {
        self.quoted.get_or_init(|| quoted_words(self))
    }
}

/// A passage two articles share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedPassage {
    /// Where it is in the first article.
    pub span: Span,
    /// Where it is in the second article.
    pub other_span: Span,
    /// True when it is a quotation in both articles.
    pub quote: bool,
    /// Words of the passage that the two articles have in common.
    pub shared_words: usize,
}

impl SharedPassage {
    fn mirrored(self) -> Self {
        Self {
            span: self.other_span,
            other_span: self.span,
            ..self
        }
    }
}

/// The result of comparing two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Jaccard similarity of the two articles' sets of `k`-word shingles:
    /// 1 for the same normalised text, 0 when they share no shingle.
    pub similarity: f64,
    /// Shared passages, in the order they appear in the first article.
    pub passages: Vec<SharedPassage>,
}

/// Compare two texts. Symmetric: `compare(b, a)` gives the same similarity
/// and the same passages with the two sides swapped.
pub fn compare(a: &Prepared<'_>, b: &Prepared<'_>, params: &Params) -> Comparison {
    if (a.text.len(), a.text()) <= (b.text.len(), b.text()) {
        align(a, b, params)
    } else {
        let mut c = align(b, a, params);
        c.passages = c.passages.into_iter().map(SharedPassage::mirrored).collect();
        c.passages.sort_by_key(|p| (p.span.start, p.span.end));
        c
    }
}

/// Jaccard similarity of two shingle lists (as sets).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let sorted = |v: &[u64]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v
    };
    jaccard_sorted(sorted(a).into_iter(), sorted(b).into_iter())
}

/// Jaccard similarity of two ascending shingle streams (repeats allowed).
fn jaccard_sorted(a: impl Iterator<Item = u64>, b: impl Iterator<Item = u64>) -> f64 {
    let mut a = dedup(a).peekable();
    let mut b = dedup(b).peekable();
    let (mut only, mut shared) = (0usize, 0usize);
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    only += 1;
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    only += 1;
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    a.next();
                    b.next();
                }
            },
            (Some(_), None) => {
                only += 1;
                a.next();
            }
            (None, Some(_)) => {
                only += 1;
                b.next();
            }
            (None, None) => break,
        }
    }
    if shared + only == 0 {
        return 1.0;
    }
    shared as f64 / (shared + only) as f64
}

fn dedup(it: impl Iterator<Item = u64>) -> impl Iterator<Item = u64> {
    let mut last = None;
    it.filter(move |&x| {
        let fresh = last != Some(x);
        last = Some(x);
        fresh
    })
}

/// A run of equal words: `len` words from `a` in the first text and `b` in
/// the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
}

/// A merged passage in word indices, before conversion to bytes.
#[derive(Debug, Clone, Copy)]
struct WordPassage {
    a: (usize, usize),
    b: (usize, usize),
    shared: usize,
}

fn align(a: &Prepared<'_>, b: &Prepared<'_>, params: &Params) -> Comparison {
    let same = a.tokens.hashes == b.tokens.hashes;
    let similarity = if same {
        1.0
    } else if a.tokens.len() < a.k && b.tokens.len() < b.k {
        0.0
    } else {
        jaccard_sorted(a.by_hash().iter().map(|p| p.0), b.by_hash().iter().map(|p| p.0))
    };
    // The same normalised text (an exact duplicate) is one run end to end.
    let runs = if same {
        let len = a.tokens.len();
        if len > 0 {
            vec![Run { a: 0, b: 0, len }]
        } else {
            Vec::new()
        }
    } else {
        select(find_runs(a, b, params), a.tokens.len(), b.tokens.len())
    };
    let merged: Vec<WordPassage> = merge(runs, params.merge_gap)
        .into_iter()
        .filter(|p| p.shared >= params.min_passage_words)
        .collect();
    let mut passages: Vec<SharedPassage> = merged
        .iter()
        .map(|p| SharedPassage {
            span: word_span(&a.tokens, p.a),
            other_span: word_span(&b.tokens, p.b),
            quote: quoted_share(a.quoted(), p.a) >= QUOTE_SHARE
                && quoted_share(b.quoted(), p.b) >= QUOTE_SHARE,
            shared_words: p.shared,
        })
        .collect();
    let words_a: Vec<(usize, usize)> = merged.iter().map(|p| p.a).collect();
    let words_b: Vec<(usize, usize)> = merged.iter().map(|p| p.b).collect();
    for (i, p) in passages.iter_mut().enumerate() {
        p.span = snap(a, &words_a, i, params.snap_words);
        p.other_span = snap(b, &words_b, i, params.snap_words);
    }
    passages.sort_by_key(|p| (p.span.start, p.span.end));
    Comparison { similarity, passages }
}

/// Maximal runs of equal words seeded by shared shingles.
fn find_runs(a: &Prepared<'_>, b: &Prepared<'_>, params: &Params) -> Vec<Run> {
    let k = params.shingle.max(1);
    // (diagonal, position in a) of every seed: a merge of the two sorted
    // shingle lists.
    let mut seeds: Vec<(isize, usize)> = Vec::new();
    let (ia, ib) = (a.by_hash(), b.by_hash());
    let (mut i, mut j) = (0, 0);
    while i < ia.len() && j < ib.len() {
        match ia[i].0.cmp(&ib[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = ia[i].0;
                let ei = i + ia[i..].partition_point(|p| p.0 == h);
                let ej = j + ib[j..].partition_point(|p| p.0 == h);
                if ej - j <= MAX_SEEDS_PER_SHINGLE && ei - i <= MAX_SEEDS_PER_SHINGLE {
                    for &(_, pa) in &ia[i..ei] {
                        for &(_, pb) in &ib[j..ej] {
                            seeds.push((pa as isize - pb as isize, pa as usize));
                        }
                    }
                }
                (i, j) = (ei, ej);
            }
        }
    }
    seeds.sort_unstable();
    let (ta, tb) = (&a.tokens.hashes, &b.tokens.hashes);
    let mut runs = Vec::new();
    let mut idx = 0;
    while idx < seeds.len() {
        let (diag, first) = seeds[idx];
        let mut last = first;
        idx += 1;
        while idx < seeds.len() && seeds[idx].0 == diag && seeds[idx].1 <= last + 1 {
            last = seeds[idx].1;
            idx += 1;
        }
        let (mut sa, mut sb) = (first, first.wrapping_add_signed(-diag));
        let (mut ea, mut eb) = (last + k, last.wrapping_add_signed(-diag) + k);
        while sa > 0 && sb > 0 && ta[sa - 1] == tb[sb - 1] {
            sa -= 1;
            sb -= 1;
        }
        while ea < ta.len() && eb < tb.len() && ta[ea] == tb[eb] {
            ea += 1;
            eb += 1;
        }
        runs.push(Run {
            a: sa,
            b: sb,
            len: ea - sa,
        });
    }
    runs.sort_unstable_by_key(|r| (r.a, r.b));
    runs.dedup();
    runs
}

/// The longest runs first, skipping any that overlaps a kept run in
/// either text; kept runs come back in order of position in `a`.
fn select(mut runs: Vec<Run>, na: usize, nb: usize) -> Vec<Run> {
    runs.sort_unstable_by_key(|r| (std::cmp::Reverse(r.len), r.a, r.b));
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    let mut kept = Vec::new();
    for r in runs {
        if used_a[r.a..r.a + r.len].iter().any(|&u| u) || used_b[r.b..r.b + r.len].iter().any(|&u| u) {
            continue;
        }
        used_a[r.a..r.a + r.len].fill(true);
        used_b[r.b..r.b + r.len].fill(true);
        kept.push(r);
    }
    kept.sort_unstable_by_key(|r| (r.a, r.b));
    kept
}

/// Merge runs that follow each other in both texts with gaps of at most
/// `gap` words.
fn merge(runs: Vec<Run>, gap: usize) -> Vec<WordPassage> {
    let mut out: Vec<WordPassage> = Vec::new();
    for r in runs {
        if let Some(p) = out.last_mut()
            && r.a >= p.a.1
            && r.a - p.a.1 <= gap
            && r.b >= p.b.1
            && r.b - p.b.1 <= gap
        {
            p.a.1 = r.a + r.len;
            p.b.1 = r.b + r.len;
            p.shared += r.len;
            continue;
        }
        out.push(WordPassage {
            a: (r.a, r.a + r.len),
            b: (r.b, r.b + r.len),
            shared: r.len,
        });
    }
    out
}

fn word_span(tokens: &Tokens, (first, end): (usize, usize)) -> Span {
    Span::new(tokens.spans[first].0, tokens.spans[end - 1].1)
}

/// For each word, whether it lies inside quotation marks.
fn quoted_words(p: &Prepared<'_>) -> Vec<bool> {
    let regions = quotations(p.text());
    p.tokens
        .spans
        .iter()
        .map(|&(s, _)| {
            let i = regions.partition_point(|&(_, end)| end <= s);
            regions.get(i).is_some_and(|&(start, _)| start <= s)
        })
        .collect()
}

fn quoted_share(quoted: &[bool], (first, end): (usize, usize)) -> f64 {
    let n = end - first;
    if n == 0 {
        return 0.0;
    }
    quoted[first..end].iter().filter(|&&q| q).count() as f64 / n as f64
}

/// A passage's byte span in one text, its ends moved to the sentence
/// boundaries when at most `max_words` unshared words lie between and no
/// other passage is in the way. Passage `i` of `passages` (word ranges) is
/// snapped.
fn snap(p: &Prepared<'_>, passages: &[(usize, usize)], i: usize, max_words: usize) -> Span {
    let (first, end) = passages[i];
    let floor = passages
        .iter()
        .filter(|o| o.1 <= first)
        .map(|o| o.1)
        .max()
        .unwrap_or(0);
    let ceiling = passages
        .iter()
        .filter(|o| o.0 >= end)
        .map(|o| o.0)
        .min()
        .unwrap_or(p.tokens.len());
    let spans = &p.tokens.spans;
    let mut start = spans[first].0;
    for w in (first.saturating_sub(max_words).max(floor)..=first).rev() {
        if starts_sentence(p.text(), spans[w].0) {
            start = spans[w].0;
            while let Some(c) = p.text()[..start].chars().next_back().filter(|&c| is_opener(c)) {
                start -= c.len_utf8();
            }
            break;
        }
    }
    let mut stop = spans[end - 1].1;
    let last = (end - 1 + max_words + 1).min(ceiling).max(end);
    for &(_, word_end) in &spans[end - 1..last] {
        if let Some(e) = sentence_end_after(p.text(), word_end) {
            stop = e;
            break;
        }
    }
    Span::new(start, stop)
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
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[')
}

/// True when the word at byte `at` begins a sentence: it opens the text or
/// a line, or follows a terminator (not an initial like "U.S.") and space.
fn starts_sentence(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev().skip_while(|&c| is_opener(c)).peekable();
    let mut spaced = false;
    while let Some(&c) = before.peek() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            break;
        }
        spaced = true;
        before.next();
    }
    if before.peek().is_none() {
        return true;
    }
    if !spaced {
        return false;
    }
    let mut terminated = false;
    while let Some(&c) = before.peek() {
        if is_closer(c) {
            before.next();
        } else {
            break;
        }
    }
    let mut full_stop = false;
    while let Some(&c) = before.peek() {
        if is_terminator(c) {
            terminated = true;
            full_stop = c == '.';
            before.next();
        } else {
            break;
        }
    }
    let capital = text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !terminated || !capital {
        return false;
    }
    // "U.S. Secretary", "J. Smith": a single letter before a full stop is an initial.
    let letter = before.next();
    let initial = full_stop
        && letter.is_some_and(char::is_alphabetic)
        && before.next().is_none_or(|c| !c.is_alphanumeric());
    !initial
}

/// When the sentence ends right after byte `at` (allowing terminators and
/// closing marks), the byte after them.
fn sentence_end_after(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let mut end = at;
    let mut chars = rest.chars().peekable();
    let mut terminated = false;
    while let Some(&c) = chars.peek() {
        if is_terminator(c) {
            terminated = true;
        } else if !is_closer(c) {
            break;
        }
        end += c.len_utf8();
        chars.next();
    }
    match chars.peek() {
        None => Some(end),
        Some('\n') => Some(end),
        Some(c) if c.is_whitespace() && terminated => {
            starts_sentence(text, next_word(text, end)).then_some(end)
        }
        _ => None,
    }
}

/// Byte offset of the next word character at or after `at`.
fn next_word(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() || c == '\n')
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(a: &str, b: &str) -> Vec<(String, String, bool)> {
        let params = Params::default();
        let c = compare(&Prepared::new(a, &params), &Prepared::new(b, &params), &params);
        c.passages
            .iter()
            .map(|p| {
                (
                    p.span.slice(a).expect("span in a").to_owned(),
                    p.other_span.slice(b).expect("span in b").to_owned(),
                    p.quote,
                )
            })
            .collect()
    }

    fn check(a: &str, b: &str, expected: &[(&str, &str, bool)]) {
        let got = passages(a, b);
        let want: Vec<(String, String, bool)> = expected
            .iter()
            .map(|&(x, y, q)| (x.to_owned(), y.to_owned(), q))
            .collect();
        assert_eq!(got, want, "\na: {a}\nb: {b}");
    }

    const WIRE: &str = "The United States said a day earlier that it was imposing sanctions on a government \
                        minister and a senior member of an armed group for their alleged roles in the conflict.";

    #[test]
    fn a_copied_sentence_inside_different_articles_is_found_and_snapped() {
        let a = format!("Markets rallied on Monday as traders cheered.\n\n{WIRE}\n\nThe weather was mild.");
        let b = format!("Talks stalled again in the capital. {WIRE} Fighting went on.");
        check(&a, &b, &[(WIRE, WIRE, false)]);
    }

    #[test]
    fn small_edits_inside_a_passage_are_bridged() {
        let a = "Officials met at noon. In a diplomatic note seen by Reuters earlier this month, the U.S. said that \
                 stability in the region will require the military to withdraw its forces and advanced weaponry \
                 from Congo. Nothing else happened.";
        let b = "In a diplomatic note seen by Reuters news agency earlier this month, the US said that stability in \
                 the region will require the military to withdraw its forces and advanced weaponry from DRC.";
        let got = passages(a, b);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("In a diplomatic note") && got[0].0.ends_with("from Congo."));
        assert_eq!(got[0].1, b);
    }

    #[test]
    fn quotes_in_both_articles_are_marked() {
        let quote =
            "Both leaders reaffirmed their commitment to push for a diplomatic resolution to the crisis";
        let a = format!("The ministry added, “{quote}.” Separately, rains fell on the coast all week long.");
        let b = format!("Rebels advanced overnight near the lake.\n\n\"{quote}.\"");
        let got = passages(&a, &b);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].2, "{got:?}");
        assert!(got[0].1.contains(quote));
    }

    #[test]
    fn short_common_phrases_are_not_passages() {
        check(
            "He said on Tuesday that the United States would act soon, aides said.",
            "Later she said on Tuesday that the United States would act, and left the room.",
            &[],
        );
    }

    #[test]
    fn reordered_passages_are_both_found() {
        let one = "The council voted unanimously to extend the mandate of the peacekeeping mission for another year \
                   despite objections raised by several members.";
        let two = "Aid agencies warned that hundreds of thousands of displaced people were sheltering in schools and \
                   churches without clean water.";
        let a = format!("{one} Filler words sit between the two copied sentences here. {two}");
        let b = format!("{two} Unrelated text goes in the middle of this one. {one}");
        let got = passages(&a, &b);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, one);
        assert_eq!(got[1].0, two);
    }

    #[test]
    fn identical_texts_have_similarity_one() {
        let params = Params::default();
        let p = Prepared::new(WIRE, &params);
        let c = compare(&p, &p, &params);
        assert_eq!(c.similarity, 1.0);
        assert_eq!(c.passages.len(), 1);
        assert_eq!(c.passages[0].span, Span::new(0, WIRE.len()));
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 1.0);
        assert_eq!(jaccard(&[1], &[]), 0.0);
    }
}
