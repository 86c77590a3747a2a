//! Sparse weighted vectors keyed by 32-bit ids, and the document-frequency
//! table that turns counts into TF-IDF weights.
//!
//! Why: both the lexical profile (terms) and the entity profile of articles
//! and stories are bags of hashed ids; one representation serves both.
//! Maps are `BTreeMap`s so every iteration is in key order and results do
//! not depend on hashing.

use std::collections::{BTreeMap, HashMap};

/// Document frequencies over the articles currently held.
#[derive(Debug, Clone, Default)]
pub struct DocFreq {
    counts: HashMap<u32, u32>,
    docs: u32,
}

impl DocFreq {
    /// Count one document holding `keys` (each key once).
    pub fn add<'a>(&mut self, keys: impl Iterator<Item = &'a u32>) {
        self.docs += 1;
        for k in keys {
            *self.counts.entry(*k).or_insert(0) += 1;
        }
    }

    /// Forget one document holding `keys`.
    pub fn remove<'a>(&mut self, keys: impl Iterator<Item = &'a u32>) {
        self.docs = self.docs.saturating_sub(1);
        for k in keys {
            if let Some(c) = self.counts.get_mut(k) {
                *c -= 1;
                if *c == 0 {
                    self.counts.remove(k);
                }
            }
        }
    }

    /// Documents holding `key`.
    pub fn df(&self, key: u32) -> u32 {
        self.counts.get(&key).copied().unwrap_or(0)
    }

    /// Documents counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// Smoothed inverse document frequency: `ln((N + 1) / (df + 1)) + 1`.
    pub fn idf(&self, key: u32) -> f32 {
        ((f64::from(self.docs) + 1.0) / (f64::from(self.df(key)) + 1.0)).ln() as f32 + 1.0
    }

    /// Distinct keys counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// Sublinear term frequency: `1 + ln(count)` (0 for no occurrence).
pub fn sublinear(count: f32) -> f32 {
    if count <= 0.0 { 0.0 } else { 1.0 + count.ln() }
}

/// A sparse vector: (id, weight) sorted by id.
pub type Sparse = Vec<(u32, f32)>;

/// Cosine similarity of two sparse vectors sorted by id.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    (dot(a, b) / (na * nb)).clamp(0.0, 1.0)
}

/// Dot product of two sparse vectors sorted by id.
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s as f32
}

/// Euclidean norm.
pub fn norm(a: &[(u32, f32)]) -> f32 {
    a.iter()
        .map(|(_, w)| f64::from(*w) * f64::from(*w))
        .sum::<f64>()
        .sqrt() as f32
}

/// A summed profile (a story's centroid): weights added per id, pruned to
/// the heaviest entries when it grows past its cap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    sums: BTreeMap<u32, f32>,
}

impl Profile {
    /// Add a vector.
    pub fn add(&mut self, v: &[(u32, f32)]) {
        for (k, w) in v {
            *self.sums.entry(*k).or_insert(0.0) += *w;
        }
    }

    /// Keep the `cap` entries with the largest `score(id, weight)`
    /// (ties by id).
    pub fn prune(&mut self, cap: usize, score: impl Fn(u32, f32) -> f32) {
        if self.sums.len() <= cap {
            return;
        }
        let mut all: Vec<(u32, f32, f32)> = self.sums.iter().map(|(k, w)| (*k, *w, score(*k, *w))).collect();
        all.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        all.truncate(cap);
        self.sums = all.into_iter().map(|(k, w, _)| (k, w)).collect();
    }

    /// The weights transformed by `f(id, weight)`, sorted by id.
    pub fn weighted(&self, f: impl Fn(u32, f32) -> f32) -> Sparse {
        self.sums.iter().map(|(k, w)| (*k, f(*k, *w))).collect()
    }

    /// The raw summed weight of `id`.
    pub fn get(&self, id: u32) -> f32 {
        self.sums.get(&id).copied().unwrap_or(0.0)
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.sums.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.sums.is_empty()
    }

    /// Ids held, in order.
    pub fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        self.sums.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &[(u32, f32)], b: &[(u32, f32)], expected: f32) {
        let got = cosine(a, b);
        assert!((got - expected).abs() < 1e-5, "{a:?} {b:?}: {got}");
    }

    #[test]
    fn cosine_of_sparse_vectors() {
        check(&[(1, 1.0), (2, 1.0)], &[(1, 1.0), (2, 1.0)], 1.0);
        check(&[(1, 1.0)], &[(2, 1.0)], 0.0);
        check(&[(1, 3.0), (2, 4.0)], &[(1, 1.0)], 0.6);
        check(&[], &[(1, 1.0)], 0.0);
    }

    #[test]
    fn document_frequency_rises_and_falls() {
        let mut df = DocFreq::default();
        df.add([1, 2].iter());
        df.add([2].iter());
        assert_eq!((df.df(1), df.df(2), df.docs()), (1, 2, 2));
        assert!(df.idf(1) > df.idf(2));
        df.remove([1, 2].iter());
        assert_eq!((df.df(1), df.df(2), df.docs(), df.len()), (0, 1, 1, 1));
    }

    #[test]
    fn profiles_keep_their_heaviest_entries() {
        let mut p = Profile::default();
        p.add(&[(1, 1.0), (2, 3.0), (3, 2.0)]);
        p.add(&[(1, 0.5)]);
        p.prune(2, |_, w| w);
        assert_eq!(p.weighted(|_, w| w), vec![(2, 3.0), (3, 2.0)]);
    }
}
