//! Duplicates and syndication: which articles are copies of which, and which
//! passages one article took from another.
//!
//! Why it is built this way (figures from `bench/compare-dedup.sh` on a
//! generated 100k-article syndication corpus; details in ARCHITECTURE.md):
//!
//! - **Candidates by winnowed shingle fingerprints, not MinHash + LSH.**
//!   Whole-document MinHash estimates Jaccard similarity, so a wire story
//!   pasted as two paragraphs inside a longer article (a "partial" copy)
//!   scores far below any useful threshold and is never a candidate:
//!   datasketch's MinHashLSH finds 68% of them at threshold 0.1 and 4% at
//!   0.5; we find 98.8%. Winnowing keeps the minimum hash of every window
//!   of `window` (16) 8-word shingles, so two articles sharing any run of
//!   23 words share a fingerprint wherever the run sits. Shingles of 8
//!   words rather than 5 cut the candidates that common phrases propose by
//!   ten times (780k → 72k at 100k articles for 67k true pairs).
//! - **Every candidate is verified by alignment.** Fingerprint hits only
//!   propose pairs; [`compare`] aligns the two texts word by word, so a pair
//!   is linked only when it really shares a passage of at least
//!   `min_passage_words` (12) words, and the similarity is the exact
//!   Jaccard of the 5-word shingle sets, not an estimate. The same
//!   alignment gives the passages' byte spans, snapped to sentence
//!   boundaries, and marks them as quotes when quoted in both articles.
//!   Pair F1 0.998 (datasketch's best 0.950), passage F1 0.9996, at
//!   11–16× datasketch's articles/s on one thread.
//! - **Pure and order-independent.** No IO and no clock: the caller hands
//!   in candidate texts (from the store or the current batch) through a
//!   closure, and may tokenise a batch in parallel ([`Ready`]). Hashes are
//!   seeded and stable (FNV-1a + SplitMix64), no hash map is iterated into
//!   output, and whether two articles are linked depends only on the two
//!   texts, so ingest order does not change which pairs are found (within
//!   one time window, and while no fingerprint is commoner than
//!   `max_postings`).
//! - **Compact.** Postings are 12 bytes (fingerprint, ordinal) in sorted
//!   parallel arrays with a 2^20 directory, merged in place from a small
//!   buffer: the index of 1M articles takes ~610 MiB (700 MiB peak RSS).
//! - **Persisted as signatures.** The index is rebuilt from each article's
//!   [`Signature`] (exact hash plus fingerprints, a few hundred bytes) that
//!   the store keeps beside the article; a second ingest restores it with
//!   [`DedupIndex::insert_at`].
//! - **Bounded by a time window** of the stream's own dates
//!   (`window_days`, default 30): older entries are evicted, so the index
//!   does not grow forever.

mod align;
mod index;
mod signature;
mod text;

pub use align::{Comparison, Prepared, SharedPassage, compare, jaccard};
pub use index::{Candidate, DedupIndex, Existing, Incoming, Outcome, Ready, printed_before};
pub use signature::{SIGNATURE_VERSION, Signature, winnow};
pub use text::{Tokens, quotations, sentences};

/// Tuning of the dedup stage; the defaults are the measured choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Words per shingle, for similarity and alignment.
    pub shingle: usize,
    /// Words per fingerprinted shingle: longer than `shingle`, so that
    /// common phrases rarely make two articles candidates.
    pub fingerprint_words: usize,
    /// Winnowing window, in shingles: shared runs of
    /// `window + fingerprint_words − 1` words always produce a shared
    /// fingerprint.
    pub window: usize,
    /// Shared words a passage needs to count.
    pub min_passage_words: usize,
    /// Unshared words (in each article) bridged inside one passage.
    pub merge_gap: usize,
    /// Unshared words a passage end may be moved over to reach a sentence
    /// boundary.
    pub snap_words: usize,
    /// Fingerprints held by more articles than this are skipped.
    pub max_postings: usize,
    /// Most candidates verified per new article.
    pub max_candidates: usize,
    /// Days an entry stays in the index after the newest publication day.
    pub window_days: u32,
    /// Latest articles whose tokenised text is kept for verification
    /// (0 to keep none).
    pub prepared_cache: usize,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            shingle: 5,
            fingerprint_words: 8,
            window: 16,
            min_passage_words: 12,
            merge_gap: 8,
            snap_words: 3,
            max_postings: 1000,
            max_candidates: 256,
            window_days: DEFAULT_WINDOW_DAYS,
            prepared_cache: 2048,
        }
    }
}

/// Default eviction window, in days.
pub const DEFAULT_WINDOW_DAYS: u32 = 30;

/// Why dedup state could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DedupError {
    /// Stored signature bytes are malformed.
    #[error("malformed dedup signature: {0}")]
    BadSignature(String),
    /// The signature was made with other shingle or window settings.
    #[error("dedup signature made with other parameters")]
    ParamsChanged,
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::collections::BTreeMap;
    use std::convert::Infallible;

    use proptest::prelude::*;
    use sitrep_model::ArticleId;

    use super::*;

    const WORDS: &[&str] = &[
        "the", "army", "rebels", "said", "on", "monday", "city", "talks", "peace", "minister", "of", "in",
        "border", "troops", "aid", "fled", "village", "council", "vote", "river",
    ];

    fn text_from(seed: &[usize]) -> String {
        let mut out = String::new();
        for (i, &w) in seed.iter().enumerate() {
            if i > 0 {
                out.push_str(if i % 11 == 0 { ". " } else { " " });
            }
            out.push_str(WORDS[w % WORDS.len()]);
        }
        out
    }

    /// Articles built from shared pieces, so that many pairs share text.
    fn corpus() -> impl Strategy<Value = Vec<String>> {
        let piece = prop::collection::vec(0usize..WORDS.len() * 7, 10..40);
        prop::collection::vec(piece, 2..6).prop_flat_map(|pieces| {
            let n = pieces.len();
            let texts: Vec<String> = pieces.iter().map(|p| text_from(p)).collect();
            prop::collection::vec(prop::collection::vec(0..n, 1..4), 2..7).prop_map(move |choice| {
                choice
                    .iter()
                    .enumerate()
                    .map(|(i, picks)| {
                        let mut t = format!("Article {i} opens here.");
                        for &p in picks {
                            t.push_str("\n\n");
                            t.push_str(&texts[p]);
                        }
                        t
                    })
                    .collect()
            })
        })
    }

    /// Ingest `texts` in `order`; the unordered pairs found.
    fn pairs(texts: &[String], order: &[usize]) -> BTreeMap<(usize, usize), (u64, usize)> {
        let mut index = DedupIndex::new(Params::default());
        let ids: Vec<ArticleId> = (0..texts.len())
            .map(|i| ArticleId::from_stored(format!("{i:03}")))
            .collect();
        let mut found = BTreeMap::new();
        for &i in order {
            let out = index
                .process(
                    Incoming {
                        id: &ids[i],
                        text: &texts[i],
                        published: None,
                    },
                    |other| {
                        let j: usize = other.as_str().parse().expect("our id");
                        Ok::<_, Infallible>(Some(Existing {
                            text: Cow::Borrowed(texts[j].as_str()),
                        }))
                    },
                )
                .expect("infallible");
            for link in out.links {
                let j: usize = link.other.as_str().parse().expect("our id");
                let key = (i.min(j), i.max(j));
                found.insert(key, ((link.similarity * 1e9) as u64, link.passages.len()));
            }
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn similarity_and_passages_are_symmetric(texts in corpus()) {
            let params = Params::default();
            let (a, b) = (Prepared::new(&texts[0], &params), Prepared::new(&texts[1], &params));
            let ab = compare(&a, &b, &params);
            let ba = compare(&b, &a, &params);
            prop_assert_eq!(ab.similarity, ba.similarity);
            let mut mirrored: Vec<(usize, usize, usize, usize, bool)> = ba
                .passages
                .iter()
                .map(|p| (p.other_span.start, p.other_span.end, p.span.start, p.span.end, p.quote))
                .collect();
            mirrored.sort_unstable();
            let direct: Vec<(usize, usize, usize, usize, bool)> = ab
                .passages
                .iter()
                .map(|p| (p.span.start, p.span.end, p.other_span.start, p.other_span.end, p.quote))
                .collect();
            prop_assert_eq!(direct, mirrored);
        }

        #[test]
        fn an_article_is_its_own_duplicate_at_similarity_one(texts in corpus()) {
            let params = Params::default();
            for t in &texts {
                let p = Prepared::new(t, &params);
                let c = compare(&p, &p, &params);
                prop_assert_eq!(c.similarity, 1.0);
                let sig = Signature::new(t, &params);
                let mut index = DedupIndex::new(params);
                index.insert(ArticleId::from_stored("x"), None, &sig);
                prop_assert_eq!(index.exact_match(&sig), Some(&ArticleId::from_stored("x")));
                for pass in &c.passages {
                    prop_assert_eq!(pass.span, pass.other_span);
                }
            }
        }

        #[test]
        fn ingest_order_does_not_change_which_pairs_are_found(
            texts in corpus(),
            seed in any::<u64>(),
        ) {
            let forward: Vec<usize> = (0..texts.len()).collect();
            let mut shuffled = forward.clone();
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = text::mix(s.wrapping_add(i as u64));
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(pairs(&texts, &forward), pairs(&texts, &shuffled));
        }
    }

    /// Text with the characters that matter to tokens, sentences and quotes.
    fn wild_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("the".to_owned()),
                Just("Army".to_owned()),
                Just("U.S.".to_owned()),
                Just("Félix".to_owned()),
                Just("“".to_owned()),
                Just("”".to_owned()),
                Just("\"".to_owned()),
                Just("‘".to_owned()),
                Just("’".to_owned()),
                Just(". ".to_owned()),
                Just("\n\n".to_owned()),
                Just("…".to_owned()),
                Just("(".to_owned()),
                "[a-z]{1,6}",
                ".{0,3}",
            ],
            0..120,
        )
        .prop_map(|parts| parts.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn spans_always_fall_on_char_boundaries(a in wild_text(), b in wild_text()) {
            let params = Params::default();
            let joined = format!("{a} {b} {a}");
            for (x, y) in [(&a, &b), (&joined, &a), (&b, &joined)] {
                let c = compare(&Prepared::new(x.as_str(), &params), &Prepared::new(y.as_str(), &params), &params);
                prop_assert!((0.0..=1.0).contains(&c.similarity));
                for p in &c.passages {
                    prop_assert!(p.span.slice(x).is_some(), "{:?} in {:?}", p.span, x);
                    prop_assert!(p.other_span.slice(y).is_some(), "{:?} in {:?}", p.other_span, y);
                }
            }
            let sig = Signature::new(&joined, &params);
            prop_assert_eq!(Signature::from_bytes(&sig.to_bytes(&params), &params).ok(), Some(sig));
        }
    }

    #[test]
    fn planted_copies_are_linked_in_any_order() {
        let texts: Vec<String> = vec![
            text_from(&(0..60).map(|i| i * 7 % 19).collect::<Vec<_>>()),
            text_from(&(0..60).map(|i| i * 3 % 17).collect::<Vec<_>>()),
        ];
        let copy = format!("{}\n\n{}", texts[0], text_from(&[1, 2, 3, 4, 5, 6, 7, 8]));
        let all = vec![texts[0].clone(), texts[1].clone(), copy];
        let found = pairs(&all, &[0, 1, 2]);
        assert!(found.contains_key(&(0, 2)), "{found:?}");
        assert_eq!(found, pairs(&all, &[2, 1, 0]));
    }
}
