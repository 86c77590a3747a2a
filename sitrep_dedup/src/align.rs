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

use sitrep_model::Span;

use crate::Params;
use crate::text::{Tokens, quotations, sentences};

/// Share of a passage's words that must lie inside quotation marks, in
/// both articles, for the passage to count as a quote.
const QUOTE_SHARE: f64 = 0.75;

/// Occurrences of one shingle in the other text beyond which it is
/// treated as a repeated phrase and not used to seed runs.
const MAX_SEEDS_PER_SHINGLE: usize = 8;

/// One article's side of a comparison, tokenised once and reused.
#[derive(Debug, Clone)]
pub struct Prepared<'t> {
    text: &'t str,
    tokens: Tokens,
    shingles: Vec<u64>,
}

impl<'t> Prepared<'t> {
    /// Tokenise `text` for comparison.
    pub fn new(text: &'t str, params: &Params) -> Self {
        let tokens = Tokens::new(text);
        let shingles = tokens.shingles(params.shingle);
        Self {
            text,
            tokens,
            shingles,
        }
    }

    /// The words of the text.
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
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
    if (a.text.len(), a.text) <= (b.text.len(), b.text) {
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
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    if a.is_empty() && b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    shared as f64 / union as f64
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
    let similarity = if a.text == b.text {
        1.0
    } else if a.shingles.is_empty() && b.shingles.is_empty() {
        f64::from(u8::from(a.tokens.hashes == b.tokens.hashes))
    } else {
        jaccard(&a.shingles, &b.shingles)
    };
    let runs = select(find_runs(a, b, params), a.tokens.len(), b.tokens.len());
    let merged = merge(runs, params.merge_gap);
    let (qa, qb) = (quoted_words(a), quoted_words(b));
    let (sa, sb) = (sentences(a.text), sentences(b.text));
    let mut passages: Vec<SharedPassage> = merged
        .into_iter()
        .filter(|p| p.shared >= params.min_passage_words)
        .map(|p| SharedPassage {
            span: word_span(&a.tokens, p.a),
            other_span: word_span(&b.tokens, p.b),
            quote: quoted_share(&qa, p.a) >= QUOTE_SHARE && quoted_share(&qb, p.b) >= QUOTE_SHARE,
            shared_words: p.shared,
        })
        .collect();
    snap_all(&mut passages, a, &sa, b, &sb, params.snap_words);
    passages.sort_by_key(|p| (p.span.start, p.span.end));
    Comparison { similarity, passages }
}

/// Maximal runs of equal words seeded by shared shingles.
fn find_runs(a: &Prepared<'_>, b: &Prepared<'_>, params: &Params) -> Vec<Run> {
    let k = params.shingle.max(1);
    let mut index: Vec<(u64, usize)> = b.shingles.iter().copied().zip(0..).collect();
    index.sort_unstable();
    // (diagonal, position in a) of every seed.
    let mut seeds: Vec<(isize, usize)> = Vec::new();
    for (i, h) in a.shingles.iter().enumerate() {
        let lo = index.partition_point(|&(x, _)| x < *h);
        let hi = lo + index[lo..].partition_point(|&(x, _)| x == *h);
        if hi - lo > MAX_SEEDS_PER_SHINGLE {
            continue;
        }
        for &(_, j) in &index[lo..hi] {
            seeds.push((i as isize - j as isize, i));
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
    let regions = quotations(p.text);
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

/// Extend each passage to the start and end of its sentences in each text
/// when only a few unshared words lie between, without running into a
/// neighbouring passage.
fn snap_all(
    passages: &mut [SharedPassage],
    a: &Prepared<'_>,
    sa: &[(usize, usize)],
    b: &Prepared<'_>,
    sb: &[(usize, usize)],
    max_words: usize,
) {
    let spans_a: Vec<Span> = passages.iter().map(|p| p.span).collect();
    let spans_b: Vec<Span> = passages.iter().map(|p| p.other_span).collect();
    for p in passages.iter_mut() {
        p.span = snap(p.span, &a.tokens, sa, &spans_a, max_words);
        p.other_span = snap(p.other_span, &b.tokens, sb, &spans_b, max_words);
    }
}

fn snap(
    span: Span,
    tokens: &Tokens,
    sentences: &[(usize, usize)],
    others: &[Span],
    max_words: usize,
) -> Span {
    let floor = others
        .iter()
        .filter(|o| o.end <= span.start)
        .map(|o| o.end)
        .max()
        .unwrap_or(0);
    let ceiling = others
        .iter()
        .filter(|o| o.start >= span.end)
        .map(|o| o.start)
        .min()
        .unwrap_or(usize::MAX);
    let mut out = span;
    let i = sentences.partition_point(|&(_, end)| end <= span.start);
    if let Some(&(s, _)) = sentences.get(i)
        && s <= span.start
        && s >= floor
        && tokens.count_between(s, span.start) <= max_words
    {
        out.start = s;
    }
    let j = sentences.partition_point(|&(_, end)| end < span.end);
    if let Some(&(s, e)) = sentences.get(j)
        && s < span.end
        && e >= span.end
        && e <= ceiling
        && tokens.count_between(span.end, e) <= max_words
    {
        out.end = e;
    }
    out
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
