//! The online index: exact hashes and winnowed fingerprints of the articles
//! seen within the time window, with insert, candidate lookup and eviction.
//!
//! Layout, chosen for memory (the index of 1M articles must fit in 1 GB):
//! postings are `(fingerprint, ordinal)` pairs in two parallel arrays
//! (12 bytes a posting) sorted by fingerprint, with a 2^20-entry directory
//! on the top bits so a lookup costs one or two cache misses (16 bits cost
//! 15% more time at 100k articles). New postings go to a hash-chained
//! buffer of up to 2^20 postings that is merged into the sorted arrays in
//! place (backwards, so no second copy is held) when it fills up.
//! Evicted articles are dropped from the article table at once and from the
//! postings at the next merge that finds a quarter of them dead. The
//! tokenised texts of the latest `prepared_cache` articles are kept, as
//! copies are mostly of recent articles; a candidate found there needs no
//! fetch and no second tokenisation.
//!
//! Time is the stream's own: an article's index time is its publication
//! day, or for an undated article the newest publication day seen so far.
//! Entries older than `window_days` before the newest day are evicted. No
//! clock is read, so the same input always gives the same index.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use sitrep_model::{ArticleId, CopiedPassage, DuplicateLink, PublishedDate};

use crate::Params;
use crate::align::{Prepared, compare};
use crate::signature::Signature;

/// Postings buffered before a merge into the sorted arrays.
const BUFFER_CAP: usize = 1 << 20;
/// Bits of the fingerprint used by the directory.
const DIR_BITS: u32 = 20;
/// Marks the end of a chain in the buffer.
const NIL: u32 = u32::MAX;

/// Hasher for keys that are already uniformly mixed 64-bit hashes.
#[derive(Default)]
struct MixedKey(u64);

impl Hasher for MixedKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = crate::text::mix(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<MixedKey>>;

/// One indexed article.
#[derive(Debug, Clone)]
struct Doc {
    id: ArticleId,
    time: Option<i64>,
    published: Option<PublishedDate>,
    exact: u64,
    fingerprints: u32,
}

/// A stored article that shares fingerprints with a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its id.
    pub id: ArticleId,
    /// Its publication date.
    pub published: Option<PublishedDate>,
    /// Fingerprints it shares with the new article.
    pub shared: u32,
}

/// A new article offered to [`DedupIndex::process`].
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// Its id.
    pub id: &'a ArticleId,
    /// Its clean text.
    pub text: &'a str,
    /// Its publication date.
    pub published: Option<PublishedDate>,
}

/// A candidate's text, as the caller fetched it.
#[derive(Debug, Clone)]
pub struct Existing<'a> {
    /// Its clean text.
    pub text: Cow<'a, str>,
}

/// An article tokenised and signed, ready for
/// [`DedupIndex::process_ready`]. Making it is pure and the bulk of the
/// per-article work, so a runner may make a batch of them in parallel.
#[derive(Debug, Clone)]
pub struct Ready {
    prepared: Prepared<'static>,
    signature: Signature,
}

impl Ready {
    /// Tokenise and sign `text`.
    pub fn new(text: &str, params: &Params) -> Self {
        let prepared = Prepared::new(text.to_owned(), params);
        let signature = Signature::of_tokens(prepared.tokens(), params);
        Self { prepared, signature }
    }

    /// The signature.
    pub fn signature(&self) -> &Signature {
        &self.signature
    }
}

/// What [`DedupIndex::process`] found for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The article's signature, for the store.
    pub signature: Signature,
    /// The index time given to the article (days since 1970-01-01), or
    /// `None` while no dated article has been seen.
    pub time: Option<i64>,
    /// The first live article with the same normalised text.
    pub duplicate_of: Option<ArticleId>,
    /// Stored articles it shares passages with, in stored order.
    pub links: Vec<DuplicateLink>,
}

/// The online duplicate index. See the module header for its layout.
#[derive(Debug, Clone)]
pub struct DedupIndex {
    params: Params,
    docs: VecDeque<Option<Doc>>,
    first_ordinal: u32,
    live: usize,
    exact: KeyMap<u32>,
    keys: Vec<u64>,
    ordinals: Vec<u32>,
    dir: Vec<u32>,
    buffer_keys: Vec<u64>,
    buffer_ordinals: Vec<u32>,
    buffer_next: Vec<u32>,
    buffer_heads: KeyMap<u32>,
    dead_postings: usize,
    now: Option<i64>,
    /// Tokenised texts of the latest articles, by ordinal modulo the cache
    /// size: copies are mostly of recent articles, so most candidates are
    /// found here without fetching and tokenising their text again.
    recent: Vec<Option<(u32, Prepared<'static>)>>,
}

impl DedupIndex {
    /// An empty index.
    pub fn new(params: Params) -> Self {
        Self {
            params,
            docs: VecDeque::new(),
            first_ordinal: 0,
            live: 0,
            exact: KeyMap::default(),
            keys: Vec::new(),
            ordinals: Vec::new(),
            dir: vec![0; (1 << DIR_BITS) + 1],
            buffer_keys: Vec::new(),
            buffer_ordinals: Vec::new(),
            buffer_next: Vec::new(),
            buffer_heads: KeyMap::default(),
            dead_postings: 0,
            now: None,
            recent: vec![None; params.prepared_cache],
        }
    }

    /// The parameters.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Number of live (not evicted) articles.
    pub fn len(&self) -> usize {
        self.live
    }

    /// True when no article is live.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The newest publication day seen (days since 1970-01-01).
    pub fn now(&self) -> Option<i64> {
        self.now
    }

    /// Entries older than this day are evicted.
    fn cutoff(&self) -> Option<i64> {
        self.now.map(|n| n - i64::from(self.params.window_days))
    }

    fn doc(&self, ordinal: u32) -> Option<&Doc> {
        let i = ordinal.checked_sub(self.first_ordinal)?;
        self.docs.get(usize::try_from(i).ok()?)?.as_ref()
    }

    /// Bytes held by the index's tables (capacity, not just length), for
    /// memory reports.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let docs = self.docs.capacity() * size_of::<Option<Doc>>()
            + self
                .docs
                .iter()
                .flatten()
                .map(|d| d.id.as_str().len())
                .sum::<usize>();
        let map = |n: usize, v: usize| n * (8 + v + 1) * 8 / 7;
        docs + map(self.exact.capacity(), 4)
            + self.keys.capacity() * 8
            + self.ordinals.capacity() * 4
            + self.dir.capacity() * 4
            + self.buffer_keys.capacity() * 8
            + self.buffer_ordinals.capacity() * 4
            + self.buffer_next.capacity() * 4
            + map(self.buffer_heads.capacity(), 4)
            + self
                .recent
                .iter()
                .flatten()
                .map(|(_, p)| p.memory_bytes())
                .sum::<usize>()
    }

    /// The first live article with the same normalised text.
    pub fn exact_match(&self, signature: &Signature) -> Option<&ArticleId> {
        let ordinal = *self.exact.get(&signature.exact)?;
        self.doc(ordinal).map(|d| &d.id)
    }

    /// Live articles sharing at least one fingerprint with `signature`,
    /// most shared first (at most `max_candidates`), returned in stored
    /// order. Fingerprints held by more than `max_postings` articles are
    /// too common to say anything and are skipped.
    pub fn candidates(&self, signature: &Signature) -> Vec<Candidate> {
        self.ranked(signature)
            .into_iter()
            .filter_map(|(o, shared)| {
                self.doc(o).map(|d| Candidate {
                    id: d.id.clone(),
                    published: d.published,
                    shared,
                })
            })
            .collect()
    }

    /// `(ordinal, shared fingerprints)` of the candidates, in stored order.
    fn ranked(&self, signature: &Signature) -> Vec<(u32, u32)> {
        let mut hits: Vec<u32> = Vec::new();
        for &fp in &signature.fingerprints {
            let start = hits.len();
            self.postings(fp, &mut hits);
            if hits.len() - start > self.params.max_postings {
                hits.truncate(start);
            }
        }
        hits.sort_unstable();
        let mut counted: Vec<(u32, u32)> = Vec::new();
        for ordinal in hits {
            match counted.last_mut() {
                Some((o, n)) if *o == ordinal => *n += 1,
                _ => counted.push((ordinal, 1)),
            }
        }
        counted.retain(|&(o, _)| self.doc(o).is_some());
        counted.sort_unstable_by_key(|&(o, n)| (std::cmp::Reverse(n), o));
        counted.truncate(self.params.max_candidates);
        counted.sort_unstable();
        counted
    }

    fn cached(&self, ordinal: u32) -> Option<&Prepared<'static>> {
        let slot = usize::try_from(ordinal).ok()? % self.recent.len().max(1);
        match self.recent.get(slot)? {
            Some((o, p)) if *o == ordinal => Some(p),
            _ => None,
        }
    }

    fn postings(&self, fp: u64, out: &mut Vec<u32>) {
        let top = usize::try_from(fp >> (64 - DIR_BITS)).unwrap_or(0);
        let (lo, hi) = (self.dir[top] as usize, self.dir[top + 1] as usize);
        let slice = &self.keys[lo..hi];
        let first = lo + slice.partition_point(|&k| k < fp);
        let mut i = first;
        while i < hi && self.keys[i] == fp {
            out.push(self.ordinals[i]);
            i += 1;
        }
        let mut at = self.buffer_heads.get(&fp).copied().unwrap_or(NIL);
        while at != NIL {
            let i = at as usize;
            out.push(self.buffer_ordinals[i]);
            at = self.buffer_next[i];
        }
    }

    /// Add an article at its index time (its publication day, else the
    /// newest day seen) and evict what falls out of the window. Returns the
    /// index time; an article already older than the window is not added.
    pub fn insert(
        &mut self,
        id: ArticleId,
        published: Option<PublishedDate>,
        signature: &Signature,
    ) -> Option<i64> {
        let time = published.map(|p| p.days_since_epoch()).or(self.now);
        self.insert_at(id, time, published, signature);
        time
    }

    /// Add an article at a given index time, as [`insert`](Self::insert)
    /// returned it: this is how a stored index is restored.
    pub fn insert_at(
        &mut self,
        id: ArticleId,
        time: Option<i64>,
        published: Option<PublishedDate>,
        signature: &Signature,
    ) {
        if let Some(t) = time {
            self.advance(t);
        }
        if let (Some(t), Some(cutoff)) = (time, self.cutoff())
            && t < cutoff
        {
            return;
        }
        let ordinal = self.first_ordinal + u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        self.exact.entry(signature.exact).or_insert(ordinal);
        for &fp in &signature.fingerprints {
            let head = self
                .buffer_heads
                .insert(fp, len_u32(&self.buffer_keys))
                .unwrap_or(NIL);
            self.buffer_keys.push(fp);
            self.buffer_ordinals.push(ordinal);
            self.buffer_next.push(head);
        }
        self.docs.push_back(Some(Doc {
            id,
            time,
            published,
            exact: signature.exact,
            fingerprints: len_u32(&signature.fingerprints),
        }));
        self.live += 1;
        if self.buffer_keys.len() >= BUFFER_CAP {
            self.flush();
        }
    }

    /// Move the stream's clock to day `t` if it is newer, dating undated
    /// entries on the first dated article and evicting expired ones.
    fn advance(&mut self, t: i64) {
        match self.now {
            Some(n) if n >= t => return,
            None => {
                for doc in self.docs.iter_mut().flatten() {
                    doc.time.get_or_insert(t);
                }
            }
            Some(_) => {}
        }
        self.now = Some(t);
        self.evict_expired();
    }

    /// Evict every entry older than the window.
    pub fn evict_expired(&mut self) {
        let Some(cutoff) = self.cutoff() else { return };
        for i in 0..self.docs.len() {
            let expired = self.docs[i]
                .as_ref()
                .is_some_and(|d| d.time.is_some_and(|t| t < cutoff));
            if expired && let Some(doc) = self.docs[i].take() {
                let ordinal = self.first_ordinal + u32::try_from(i).unwrap_or(u32::MAX);
                if self.exact.get(&doc.exact) == Some(&ordinal) {
                    self.exact.remove(&doc.exact);
                }
                self.dead_postings += doc.fingerprints as usize;
                self.live -= 1;
            }
        }
        while self.docs.front().is_some_and(Option::is_none) {
            self.docs.pop_front();
            self.first_ordinal += 1;
        }
    }

    /// Merge the buffer into the sorted postings, in place.
    fn flush(&mut self) {
        if self.dead_postings * 4 > self.keys.len() {
            let mut w = 0;
            for r in 0..self.keys.len() {
                if self.doc(self.ordinals[r]).is_some() {
                    self.keys[w] = self.keys[r];
                    self.ordinals[w] = self.ordinals[r];
                    w += 1;
                }
            }
            self.keys.truncate(w);
            self.ordinals.truncate(w);
            self.keys.shrink_to_fit();
            self.ordinals.shrink_to_fit();
            self.dead_postings = 0;
        }
        let mut incoming: Vec<(u64, u32)> = self
            .buffer_keys
            .iter()
            .copied()
            .zip(self.buffer_ordinals.iter().copied())
            .filter(|&(_, o)| self.doc(o).is_some())
            .collect();
        incoming.sort_unstable();
        self.buffer_keys = Vec::new();
        self.buffer_ordinals = Vec::new();
        self.buffer_next = Vec::new();
        self.buffer_heads = KeyMap::default();
        let old = self.keys.len();
        self.keys.reserve_exact(incoming.len());
        self.ordinals.reserve_exact(incoming.len());
        self.keys.resize(old + incoming.len(), 0);
        self.ordinals.resize(old + incoming.len(), 0);
        let (mut i, mut j, mut w) = (old, incoming.len(), old + incoming.len());
        while j > 0 {
            w -= 1;
            if i > 0 && (self.keys[i - 1], self.ordinals[i - 1]) > incoming[j - 1] {
                i -= 1;
                self.keys[w] = self.keys[i];
                self.ordinals[w] = self.ordinals[i];
            } else {
                j -= 1;
                (self.keys[w], self.ordinals[w]) = incoming[j];
            }
        }
        let mut at = 0;
        for top in 0..=(1usize << DIR_BITS) {
            while at < self.keys.len() && usize::try_from(self.keys[at] >> (64 - DIR_BITS)).unwrap_or(0) < top
            {
                at += 1;
            }
            self.dir[top] = len_u32(&self.keys[..at]);
        }
    }

    /// Compare a new article with the stored articles it shares
    /// fingerprints with, then add it. `fetch` supplies a candidate's text
    /// and date (from the store, or from the batch being ingested); a
    /// candidate it cannot find is skipped.
    pub fn process<'c, E>(
        &mut self,
        incoming: Incoming<'_>,
        fetch: impl FnMut(&ArticleId) -> Result<Option<Existing<'c>>, E>,
    ) -> Result<Outcome, E> {
        let ready = Ready::new(incoming.text, &self.params);
        self.process_ready(incoming, ready, fetch)
    }

    /// [`process`](Self::process) for an article already tokenised and
    /// signed by [`Ready::new`] (which runners may do for a batch in
    /// parallel). `ready` must come from `incoming.text` and these params.
    pub fn process_ready<'c, E>(
        &mut self,
        incoming: Incoming<'_>,
        ready: Ready,
        mut fetch: impl FnMut(&ArticleId) -> Result<Option<Existing<'c>>, E>,
    ) -> Result<Outcome, E> {
        let Ready { prepared, signature } = ready;
        if let Some(p) = incoming.published {
            self.advance(p.days_since_epoch());
        }
        let duplicate_of = self.exact_match(&signature).cloned();
        let mut links = Vec::new();
        for (ordinal, _) in self.ranked(&signature) {
            let Some(doc) = self.doc(ordinal) else { continue };
            if &doc.id == incoming.id {
                continue;
            }
            let fetched;
            let other = match self.cached(ordinal) {
                Some(p) => p,
                None => {
                    let Some(existing) = fetch(&doc.id)? else {
                        continue;
                    };
                    fetched = Prepared::new(existing.text, &self.params);
                    &fetched
                }
            };
            let comparison = compare(&prepared, other, &self.params);
            if comparison.passages.is_empty() {
                continue;
            }
            let first = if printed_before(incoming.published, doc.published) {
                incoming.id
            } else {
                &doc.id
            };
            links.push(DuplicateLink {
                passages: comparison
                    .passages
                    .iter()
                    .map(|p| CopiedPassage {
                        span: p.span,
                        other_span: p.other_span,
                        quote: p.quote,
                        first: first.clone(),
                    })
                    .collect(),
                other: doc.id.clone(),
                similarity: comparison.similarity,
            });
        }
        let ordinal = self.first_ordinal + u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let time = self.insert(incoming.id.clone(), incoming.published, &signature);
        if self.doc(ordinal).is_some() && !self.recent.is_empty() {
            let slot = ordinal as usize % self.recent.len();
            self.recent[slot] = Some((ordinal, prepared));
        }
        Ok(Outcome {
            signature,
            time,
            duplicate_of,
            links,
        })
    }
}

fn len_u32<T>(v: &[T]) -> u32 {
    u32::try_from(v.len()).unwrap_or(u32::MAX)
}

/// True when an article published `new` printed before one published
/// `old` that is already stored: only a strictly earlier date counts (by
/// day, or by time when both have one); otherwise the stored one was first.
pub fn printed_before(new: Option<PublishedDate>, old: Option<PublishedDate>) -> bool {
    match (new, old) {
        (Some(n), Some(o)) => match (n.time(), o.time()) {
            (Some(_), Some(_)) => n < o,
            _ => n.day_only() < o.day_only(),
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ArticleId {
        ArticleId::from_stored(s)
    }

    fn day(d: u32) -> Option<PublishedDate> {
        PublishedDate::from_ymd(2025, 3, d)
    }

    const STORY: &str = "The regional parliament approved a new budget on Thursday after weeks of tense negotiations \
                         between the ruling coalition and opposition parties over spending on roads, schools and \
                         hospitals in the northern provinces.";

    fn small(window_days: u32) -> DedupIndex {
        DedupIndex::new(Params {
            window_days,
            ..Params::default()
        })
    }

    fn add(index: &mut DedupIndex, name: &str, text: &str, published: Option<PublishedDate>) -> Outcome {
        index
            .process(
                Incoming {
                    id: &id(name),
                    text,
                    published,
                },
                |_| Ok::<_, std::convert::Infallible>(None),
            )
            .expect("infallible")
    }

    #[test]
    fn candidates_share_fingerprints_and_exact_copies_are_found() {
        let mut index = small(30);
        let params = *index.params();
        let sig = Signature::new(STORY, &params);
        index.insert(id("a"), day(1), &sig);
        index.insert(
            id("b"),
            day(1),
            &Signature::new("Nothing in common at all with it.", &params),
        );
        let got = index.candidates(&sig);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].id, id("a"));
        assert_eq!(
            index.exact_match(&Signature::new(&STORY.to_uppercase(), &params)),
            Some(&id("a"))
        );
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn old_entries_are_evicted_by_the_window() {
        let mut index = small(10);
        let params = *index.params();
        let sig = Signature::new(STORY, &params);
        index.insert(id("old"), day(1), &sig);
        index.insert(
            id("undated"),
            None,
            &Signature::new("Other words entirely here.", &params),
        );
        assert_eq!(index.candidates(&sig).len(), 1);
        index.insert(
            id("new"),
            day(20),
            &Signature::new("Fresh unrelated words.", &params),
        );
        assert!(index.candidates(&sig).is_empty());
        assert_eq!(index.exact_match(&sig), None);
        assert_eq!(index.len(), 1, "the undated entry took day 1 and expired too");
        let late = index.insert(id("late"), day(2), &sig);
        assert_eq!(
            late,
            Some(
                PublishedDate::from_ymd(2025, 3, 2)
                    .expect("date")
                    .days_since_epoch()
            )
        );
        assert!(index.candidates(&sig).is_empty(), "too old to be added");
    }

    #[test]
    fn postings_survive_merges_and_evicted_ones_are_dropped() {
        let mut index = small(5);
        let params = *index.params();
        let sig = Signature::new(STORY, &params);
        index.insert(id("a"), day(1), &sig);
        index.flush();
        index.insert(id("b"), day(2), &sig);
        assert_eq!(index.candidates(&sig).len(), 2);
        index.flush();
        let got: Vec<ArticleId> = index.candidates(&sig).into_iter().map(|c| c.id).collect();
        assert_eq!(got, [id("a"), id("b")]);
        index.insert(id("c"), day(7), &Signature::new("Unrelated text again.", &params));
        index.flush();
        let got: Vec<ArticleId> = index.candidates(&sig).into_iter().map(|c| c.id).collect();
        assert_eq!(got, [id("b")]);
        assert!(index.memory_bytes() > 0);
    }

    #[test]
    fn process_links_copies_and_says_who_printed_first() {
        let mut index = small(30);
        let first = add(&mut index, "a", STORY, day(2));
        assert!(first.links.is_empty());
        let copy = format!("Opening words of a different kind.\n\n{STORY}");
        let out = index
            .process(
                Incoming {
                    id: &id("b"),
                    text: &copy,
                    published: day(1),
                },
                |other| {
                    assert_eq!(other, &id("a"));
                    Ok::<_, std::convert::Infallible>(Some(Existing {
                        text: Cow::Borrowed(STORY),
                    }))
                },
            )
            .expect("infallible");
        assert_eq!(out.duplicate_of, None);
        assert_eq!(out.links.len(), 1);
        let link = &out.links[0];
        assert_eq!(link.passages.len(), 1);
        assert_eq!(link.passages[0].span.slice(&copy), Some(STORY));
        assert_eq!(link.passages[0].first, id("b"), "b is dated earlier");
    }

    #[test]
    fn printed_first_prefers_earlier_dates_then_storage_order() {
        assert!(printed_before(day(1), day(2)));
        assert!(!printed_before(day(2), day(2)));
        assert!(!printed_before(None, day(2)));
        assert!(!printed_before(day(1), None));
    }
}
