//! Per-article signatures: the normalised-text hash for exact duplicates
//! and the winnowed shingle fingerprints the index looks candidates up by.
//!
//! Winnowing (Schleimer, Wilkerson & Aiken, 2003) keeps the smallest
//! hash of every window of `w` consecutive `k`-word shingles
//! (`k = fingerprint_words`). Any run of `w + k − 1` words that two
//! articles share therefore yields at least one shared fingerprint,
//! wherever it sits in either article: this is what finds a few copied
//! paragraphs inside an otherwise different article, which whole-document
//! MinHash cannot see.

use crate::text::{Tokens, combine};
use crate::{DedupError, Params};

/// Version byte of the [`Signature::to_bytes`] encoding; bump it when the
/// tokeniser, hash seed or encoding changes.
pub const SIGNATURE_VERSION: u8 = 1;

/// What the index keeps of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Hash of the normalised word sequence: equal for exact duplicates.
    pub exact: u64,
    /// Distinct winnowed shingle hashes, ascending.
    pub fingerprints: Vec<u64>,
}

impl Signature {
    /// The signature of `text`.
    pub fn new(text: &str, params: &Params) -> Self {
        Self::of_tokens(&Tokens::new(text), params)
    }

    /// The signature of already tokenised text.
    pub fn of_tokens(tokens: &Tokens, params: &Params) -> Self {
        let exact = combine(&tokens.hashes);
        let mut fingerprints = winnow(&tokens.shingles(params.fingerprint_words), params.window);
        fingerprints.sort_unstable();
        fingerprints.dedup();
        Self { exact, fingerprints }
    }

    /// Compact little-endian encoding for the store: version, shingle
    /// size, window, exact hash, count, fingerprints.
    pub fn to_bytes(&self, params: &Params) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 8 * self.fingerprints.len());
        out.push(SIGNATURE_VERSION);
        out.push(u8::try_from(params.fingerprint_words).unwrap_or(u8::MAX));
        out.extend_from_slice(&u16::try_from(params.window).unwrap_or(u16::MAX).to_le_bytes());
        out.extend_from_slice(&self.exact.to_le_bytes());
        out.extend_from_slice(
            &u32::try_from(self.fingerprints.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes(),
        );
        for fp in &self.fingerprints {
            out.extend_from_slice(&fp.to_le_bytes());
        }
        out
    }

    /// Decode [`to_bytes`](Self::to_bytes); fails when the bytes are
    /// malformed or were made with other parameters.
    pub fn from_bytes(bytes: &[u8], params: &Params) -> Result<Self, DedupError> {
        let bad = |why: &str| DedupError::BadSignature(why.to_owned());
        let (&version, rest) = bytes.split_first().ok_or_else(|| bad("empty"))?;
        if version != SIGNATURE_VERSION {
            return Err(bad(&format!("version {version}, expected {SIGNATURE_VERSION}")));
        }
        let (&shingle, rest) = rest.split_first().ok_or_else(|| bad("truncated"))?;
        let (window, rest) = take::<2>(rest).ok_or_else(|| bad("truncated"))?;
        if usize::from(shingle) != params.fingerprint_words
            || usize::from(u16::from_le_bytes(window)) != params.window
        {
            return Err(DedupError::ParamsChanged);
        }
        let (exact, rest) = take::<8>(rest).ok_or_else(|| bad("truncated"))?;
        let (count, rest) = take::<4>(rest).ok_or_else(|| bad("truncated"))?;
        let count = usize::try_from(u32::from_le_bytes(count)).map_err(|_| bad("count"))?;
        if rest.len() != count.saturating_mul(8) {
            return Err(bad("length does not match the count"));
        }
        let fingerprints = rest
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        Ok(Self {
            exact: u64::from_le_bytes(exact),
            fingerprints,
        })
    }
}

fn take<const N: usize>(bytes: &[u8]) -> Option<([u8; N], &[u8])> {
    let (head, rest) = bytes.split_at_checked(N)?;
    let mut out = [0u8; N];
    out.copy_from_slice(head);
    Some((out, rest))
}

/// Robust winnowing: the minimum of every window of `w` hashes (the
/// rightmost on ties), each selected position reported once. Fewer than
/// `w` hashes form one window.
pub fn winnow(hashes: &[u64], w: usize) -> Vec<u64> {
    let w = w.max(1).min(hashes.len().max(1));
    let mut out = Vec::with_capacity(2 * hashes.len() / (w + 1) + 1);
    if hashes.is_empty() {
        return out;
    }
    // Rightmost minimum of the current window; rescanned only when it
    // leaves the window (amortised O(1) a hash on random data).
    let rightmost_min = |from: usize, to: usize| -> usize {
        let mut m = from;
        for j in from + 1..to {
            if hashes[j] <= hashes[m] {
                m = j;
            }
        }
        m
    };
    let mut min = rightmost_min(0, w);
    out.push(hashes[min]);
    for end in w + 1..=hashes.len() {
        let start = end - w;
        let newest = end - 1;
        if min < start {
            min = rightmost_min(start, end);
            out.push(hashes[min]);
        } else if hashes[newest] <= hashes[min] {
            min = newest;
            out.push(hashes[min]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_winnow(hashes: &[u64], w: usize, expected: &[u64]) {
        assert_eq!(winnow(hashes, w), expected, "hashes {hashes:?} w {w}");
    }

    #[test]
    fn winnowing_keeps_window_minima() {
        check_winnow(
            &[77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98],
            4,
            &[17, 17, 8, 39, 17],
        );
        check_winnow(&[5, 3, 9], 10, &[3]);
        check_winnow(&[], 4, &[]);
        check_winnow(&[1, 2, 3], 1, &[1, 2, 3]);
    }

    #[test]
    fn shared_runs_of_w_plus_k_minus_1_words_share_a_fingerprint() {
        let params = Params::default();
        let copied = "the committee said on tuesday that the new bridge over the river would open to traffic \
                      in the spring after three years of delays and disputes over funding";
        let a = format!("Alpha beta gamma delta epsilon zeta eta theta. {copied}. Iota kappa lambda mu.");
        let b = format!("Completely different opening words here about football. {copied}. Other ending.");
        let (sa, sb) = (Signature::new(&a, &params), Signature::new(&b, &params));
        assert!(
            sa.fingerprints
                .iter()
                .any(|f| sb.fingerprints.binary_search(f).is_ok())
        );
        assert_ne!(sa.exact, sb.exact);
    }

    #[test]
    fn exact_hash_ignores_case_spacing_and_punctuation() {
        let params = Params::default();
        let a = Signature::new("The U.S. said:\n\n“No.”", &params);
        let b = Signature::new("the u s said no", &params);
        assert_eq!(a.exact, b.exact);
    }

    proptest::proptest! {
        #[test]
        fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = Signature::from_bytes(&bytes, &Params::default());
        }
    }

    #[test]
    fn bytes_round_trip_and_reject_damage() {
        let params = Params::default();
        let sig = Signature::new(
            "one two three four five six seven eight nine ten eleven twelve",
            &params,
        );
        let bytes = sig.to_bytes(&params);
        assert_eq!(Signature::from_bytes(&bytes, &params).expect("decode"), sig);
        assert!(Signature::from_bytes(&bytes[..bytes.len() - 1], &params).is_err());
        assert!(Signature::from_bytes(&[], &params).is_err());
        let other = Params {
            window: params.window + 1,
            ..params
        };
        assert!(matches!(
            Signature::from_bytes(&bytes, &other),
            Err(DedupError::ParamsChanged)
        ));
    }
}
