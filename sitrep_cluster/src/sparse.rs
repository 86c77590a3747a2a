//! Sparse weighted vectors keyed by 32-bit ids, and the document-frequency
//! table that turns counts into TF-IDF weights.
//!
//! Why: both the lexical profile (terms) and the entity profile of articles
//! and stories are bags of hashed ids; one representation serves both.
//! Maps are `BTreeMap`s so every iteration is in key order and results do
//! not depend on hashing.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for maps keyed by ids that are never iterated in hash order
/// (lookups and counts only): one multiply per word instead of SipHash.
/// Keys are our own ids, not outside input chosen to collide.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by ids, hashed with [`IdHasher`]; never iterate it
/// where the order matters.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Document frequencies over the articles currently held.
#[derive(Debug, Clone, Default)]
pub struct DocFreq {
    counts: IdMap<u32, u32>,
    docs: u32,
}

/// Computed IDF values by document frequency, valid for one document
/// count (NaN where not computed yet).
#[derive(Debug, Clone, Default)]
struct IdfMemo {
    docs: u32,
    by_df: Vec<f32>,
}

thread_local! {
    /// IDF memos of the two latest document counts, per thread, so a
    /// weight costs one lookup instead of a logarithm while tables stay
    /// shareable across threads. An IDF depends on the two counts alone,
    /// so the memos serve every table.
    static IDF_MEMOS: RefCell<[IdfMemo; 2]> = const {
        RefCell::new([
            IdfMemo { docs: 0, by_df: Vec::new() },
            IdfMemo { docs: 0, by_df: Vec::new() },
        ])
    };
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
        let (docs, df) = (self.docs, self.df(key));
        IDF_MEMOS.with(|memos| {
            let Ok(mut memos) = memos.try_borrow_mut() else {
                return Self::idf_of(docs, df);
            };
            // The memo of this count, else the older one, started anew.
            let which = if memos[0].docs == docs {
                0
            } else if memos[1].docs == docs {
                1
            } else {
                let older = usize::from(memos[1].docs < memos[0].docs);
                memos[older].docs = docs;
                memos[older].by_df.clear();
                older
            };
            let by_df = &mut memos[which].by_df;
            let i = df as usize;
            if by_df.len() <= i {
                by_df.resize(i + 1, f32::NAN);
            }
            let slot = &mut by_df[i];
            if slot.is_nan() {
                *slot = Self::idf_of(docs, df);
            }
            *slot
        })
    }

    /// `ln((docs + 1) / (df + 1)) + 1`.
    fn idf_of(docs: u32, df: u32) -> f32 {
        ((f64::from(docs) + 1.0) / (f64::from(df) + 1.0)).ln() as f32 + 1.0
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
    // A merge without data-dependent branches (which ids meet is
    // unpredictable): every step adds either the product of a matching
    // pair or 0.0, which leaves the sum exactly as it was (the sum starts
    // at +0.0, so it is never -0.0).
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let product = f64::from(x.1) * f64::from(y.1);
        s += if x.0 == y.0 { product } else { 0.0 };
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    s as f32
}

/// A sparse vector indexed for many dot products with others: an open
/// addressing table of its ids behind a bit filter, so a product costs
/// one filter test per entry of the other vector (most of which the
/// filter rejects) instead of a merge through both.
///
/// [`SparseIndex::dot`] gives the same value, bit for bit, as [`dot`]:
/// the matching products are the same and are summed in the same (id)
/// order; the merge's other steps only add `+0.0`.
#[derive(Debug, Clone)]
pub struct SparseIndex {
    /// One bit per filter slot a stored id hashes to: 64 bits for each
    /// table slot, so at most 1 in 128 bits is set and few ids that are
    /// not stored get past it to a probe (at 4 bits per slot the filter
    /// passed ~8%, and its mispredicted branches made the candidates'
    /// products 13% slower on 30k synthetic articles).
    filter: Vec<u64>,
    /// Slots of (id, weight); `EMPTY` marks a free slot.
    slots: Vec<(u32, f32)>,
    /// `slots.len() - 1` (a power of two minus one).
    mask: usize,
    /// Whether id `EMPTY` itself is stored (it cannot live in a slot).
    empty_weight: Option<f32>,
}

const EMPTY: u32 = u32::MAX;

impl SparseIndex {
    /// Index `a` (ids unique).
    pub fn new(a: &[(u32, f32)]) -> Self {
        let size = (a.len() * 2).next_power_of_two().max(16);
        let mut index = Self {
            filter: vec![0; size],
            slots: vec![(EMPTY, 0.0); size],
            mask: size - 1,
            empty_weight: None,
        };
        for &(id, w) in a {
            if id == EMPTY {
                index.empty_weight = Some(w);
                continue;
            }
            let bit = index.filter_bit(id);
            index.filter[bit / 64] |= 1 << (bit % 64);
            let mut at = Self::hash(id) & index.mask;
            while index.slots[at].0 != EMPTY {
                at = (at + 1) & index.mask;
            }
            index.slots[at] = (id, w);
        }
        index
    }

    fn hash(id: u32) -> usize {
        (u64::from(id).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize
    }

    /// The filter bit of `id` (the filter holds a power of two of bits).
    fn filter_bit(&self, id: u32) -> usize {
        (Self::hash(id) >> 7) & (self.filter.len() * 64 - 1)
    }

    /// The weight of `id`, if stored.
    fn get(&self, id: u32) -> Option<f32> {
        if id == EMPTY {
            return self.empty_weight;
        }
        let bit = self.filter_bit(id);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut at = Self::hash(id) & self.mask;
        loop {
            match self.slots[at] {
                (x, w) if x == id => return Some(w),
                (EMPTY, _) => return None,
                _ => at = (at + 1) & self.mask,
            }
        }
    }

    /// The dot product with `b` (sorted by id): [`dot`] of the indexed
    /// vector and `b`.
    pub fn dot(&self, b: &[(u32, f32)]) -> f32 {
        let mut s = 0.0f64;
        for &(id, w) in b {
            if let Some(x) = self.get(id) {
                s += f64::from(x) * f64::from(w);
            }
        }
        s as f32
    }
}

/// The cosine of a fixed sparse vector `a` with a vector handed in entry
/// by entry in id order, without collecting it: the same value, bit for
/// bit, as [`cosine`] of the two (same products, summed in the same order).
#[derive(Debug)]
pub struct CosineWith<'a> {
    a: &'a [(u32, f32)],
    norm_a: f32,
    i: usize,
    dot: f64,
    squares: f64,
}

impl<'a> CosineWith<'a> {
    /// Start against `a`, whose [`norm`] is `norm_a`.
    pub fn new(a: &'a [(u32, f32)], norm_a: f32) -> Self {
        Self {
            a,
            norm_a,
            i: 0,
            dot: 0.0,
            squares: 0.0,
        }
    }

    /// The next entry of the other vector (ids ascending).
    pub fn push(&mut self, id: u32, w: f32) {
        self.squares += f64::from(w) * f64::from(w);
        while self.a.get(self.i).is_some_and(|e| e.0 < id) {
            self.i += 1;
        }
        if let Some(e) = self.a.get(self.i).filter(|e| e.0 == id) {
            self.dot += f64::from(e.1) * f64::from(w);
            self.i += 1;
        }
    }

    /// The cosine.
    pub fn finish(&self) -> f32 {
        let nb = self.squares.sqrt() as f32;
        if self.norm_a == 0.0 || nb == 0.0 {
            return 0.0;
        }
        (self.dot as f32 / (self.norm_a * nb)).clamp(0.0, 1.0)
    }
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

    /// Add another profile's sums.
    pub fn merge(&mut self, other: &Profile) {
        for (k, w) in &other.sums {
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
        // A total order (ids are unique): the same entries kept whatever
        // the selection's path.
        all.select_nth_unstable_by(cap, |a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
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
    fn cosine_with_streamed_entries_is_the_cosine_bit_for_bit() {
        let cases: [(&[_], &[_]); 5] = [
            (
                &[(1, 0.3), (4, 1.7), (9, 0.01)],
                &[(0, 2.0), (4, 0.9), (9, 3.3), (12, 0.5)],
            ),
            (&[(2, 1.0)], &[(1, 1.0), (3, 1.0)]),
            (&[], &[(1, 1.0)]),
            (&[(1, 1.0)], &[]),
            (&[(5, 0.7), (6, 0.2)], &[(5, 0.1), (6, 0.4)]),
        ];
        for (a, b) in cases {
            let mut c = CosineWith::new(a, norm(a));
            for &(k, w) in b {
                c.push(k, w);
            }
            assert_eq!(c.finish().to_bits(), cosine(a, b).to_bits(), "{a:?} {b:?}");
        }
    }

    /// A sparse vector: sorted unique ids (some colliding in the table,
    /// `u32::MAX` among them) with positive weights.
    fn sparse_vector() -> impl proptest::strategy::Strategy<Value = Vec<(u32, f32)>> {
        use proptest::prelude::*;
        proptest::collection::btree_map(
            prop_oneof![0u32..64, any::<u32>(), Just(u32::MAX)],
            0.001f32..10.0,
            0..80,
        )
        .prop_map(|m| m.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn indexed_dot_is_the_merge_dot_bit_for_bit(a in sparse_vector(), b in sparse_vector()) {
            let index = SparseIndex::new(&a);
            proptest::prop_assert_eq!(index.dot(&b).to_bits(), dot(&a, &b).to_bits());
        }
    }

    #[test]
    fn idf_is_the_same_memoised() {
        let mut df = DocFreq::default();
        df.add([1, 2, 3].iter());
        df.add([2].iter());
        let first: Vec<f32> = (0..5).map(|k| df.idf(k)).collect();
        let again: Vec<f32> = (0..5).map(|k| df.idf(k)).collect();
        assert_eq!(first, again);
        df.add([3].iter());
        for k in 0..5 {
            assert_eq!(df.idf(k), DocFreq::idf_of(df.docs(), df.df(k)));
        }
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
