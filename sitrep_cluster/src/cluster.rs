//! The online clusterer: each article, in publication-time order, joins the
//! most similar active story or opens a new one; a new story is threaded
//! to the most related earlier story when they share actors, places and
//! topic.
//!
//! Similarity of an article to a story (single-pass clustering against
//! story centroids, as Europe Media Monitor and the Priberam system do) is
//! a weighted sum of
//! - lexical: cosine of the article's TF-IDF vector (sublinear counts of
//!   stems, headline and lead weighted up) with the story's centroid;
//! - entities: the same over canonical entities, kinds weighted (people
//!   and armed groups tell more than countries);
//! - embedding: cosine of the article's MiniLM vector of headline and lead
//!   with the mean of the story's;
//! - passages: the article shares text with a member (dedup links; quotes
//!   both print count half);
//!
//! multiplied by a time factor: 1 within a few days of the story's mean
//! date, decaying after, and a fixed discount when either side has no
//! date. Articles without a stated date take the date of the articles they
//! share passages with, else the latest full date their text states.
//!
//! State is bounded by the stream's own clock: stories not joined for
//! `window_days` are forgotten (their articles keep their story). The state
//! is exactly a replay of the active stories' articles in their original
//! order, which is how [`Clusterer::restore`] rebuilds it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sitrep_model::{ArticleId, EntityKind};

use crate::features::Features;
use crate::sparse::{CosineWith, DocFreq, IdMap, Profile, Sparse, SparseIndex, cosine, norm, sublinear};
use crate::text::TermId;

/// Weights of the similarity signals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Lexical (TF-IDF) cosine.
    pub lexical: f32,
    /// Entity cosine.
    pub entities: f32,
    /// Sentence-embedding cosine.
    pub embedding: f32,
    /// Cosine of the names and scores in the bodies.
    pub names: f32,
    /// Shared passages (dedup links).
    pub passages: f32,
}

/// Tuning of the clusterer. The presets are the measured choices
/// (ECB+ training topics; see ARCHITECTURE.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Signal weights.
    pub weights: Weights,
    /// Least score to join a story.
    pub threshold: f32,
    /// Least score with which an article joining one story also joins
    /// another: the two are one story, merged into the older (infinite:
    /// never).
    pub merge_threshold: f32,
    /// Days from a story's mean date with no time discount.
    pub grace_days: f32,
    /// Decay (days) of the time factor past the grace period.
    pub tau_days: f32,
    /// Time factor when the article or the story has no date.
    pub undated: f32,
    /// Stories not joined for this many days of the stream's clock are forgotten.
    pub window_days: i64,
    /// Weights of the threading score (`entities`: shared actors and
    /// places, countries left out).
    pub thread_weights: Weights,
    /// Least score to thread a new story to an earlier one.
    pub thread_threshold: f32,
    /// Days with no discount between threaded stories.
    pub thread_grace_days: f32,
    /// Decay (days) of the thread time factor.
    pub thread_tau_days: f32,
    /// Terms kept in a story's centroid.
    pub centroid_terms: usize,
    /// An article's heaviest terms whose postings propose candidates.
    pub index_terms: usize,
    /// Postings longer than this are too common to propose candidates.
    pub max_postings: usize,
    /// Candidate members scored per article. Ranked by shared weight,
    /// 50 give the ECB+ figures of scoring every member reached (20 lose
    /// 0.0015 of train story F1, lexical).
    pub max_candidates: usize,
    /// Use entities, dates and passages (false: the plain TF-IDF baseline).
    pub evidence: bool,
    /// Share of a story's score that is the mean over its closest few
    /// articles rather than its nearest one (0: single link).
    pub mean_share: f32,
    /// Time factor when the article gives an office to someone else than
    /// the one holder the stream knows around the story's date.
    pub office_conflict: f32,
    /// Days around a story's date in which office holders are compared.
    pub office_window_days: i64,
    /// Time factor when the article and the member are each about a
    /// different person (see `protagonists_differ`).
    pub protagonist_conflict: f32,
}

impl Params {
    /// With sentence embeddings (weights and threshold chosen on the ECB+
    /// training topics).
    pub fn with_embeddings() -> Self {
        Self {
            weights: Weights {
                lexical: 0.4,
                entities: 0.0,
                embedding: 0.3,
                names: 0.3,
                passages: 0.3,
            },
            threshold: 0.3,
            merge_threshold: 0.4,
            thread_weights: Weights {
                lexical: 0.5,
                entities: 0.5,
                embedding: 0.5,
                names: 0.3,
                passages: 0.0,
            },
            thread_threshold: 0.3,
            ..Self::lexical()
        }
    }

    /// Without embeddings (the model is missing).
    pub fn lexical() -> Self {
        Self {
            weights: Weights {
                lexical: 0.6,
                entities: 0.1,
                embedding: 0.0,
                names: 0.3,
                passages: 0.3,
            },
            threshold: 0.225,
            merge_threshold: 0.3,
            grace_days: 3.0,
            tau_days: 7.0,
            undated: 0.75,
            window_days: 90,
            thread_weights: Weights {
                lexical: 0.5,
                entities: 0.5,
                embedding: 0.0,
                names: 0.5,
                passages: 0.0,
            },
            thread_threshold: 0.2,
            thread_grace_days: 30.0,
            thread_tau_days: 90.0,
            centroid_terms: 300,
            index_terms: 20,
            max_postings: 1000,
            max_candidates: 50,
            evidence: true,
            mean_share: 0.5,
            office_conflict: 0.7,
            office_window_days: 30,
            protagonist_conflict: 0.7,
        }
    }

    /// The baseline: TF-IDF cosine to the nearest earlier article,
    /// single-pass, nothing else (threshold chosen on the ECB+ training
    /// topics).
    pub fn baseline() -> Self {
        Self {
            weights: Weights {
                lexical: 1.0,
                entities: 0.0,
                embedding: 0.0,
                names: 0.0,
                passages: 0.0,
            },
            threshold: 0.3,
            merge_threshold: f32::INFINITY,
            evidence: false,
            mean_share: 0.0,
            ..Self::lexical()
        }
    }
}

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Its stated publication date.
    Published,
    /// The date of an article it shares passages with.
    Linked,
    /// The latest full date its text states.
    Text,
}

impl DateBasis {
    /// The lowercase name used in the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Linked => "linked",
            Self::Text => "text",
        }
    }

    /// Parse the lowercase name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "published" => Some(Self::Published),
            "linked" => Some(Self::Linked),
            "text" => Some(Self::Text),
            _ => None,
        }
    }
}

/// A passage an incoming article shares with another (a dedup link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageLink {
    /// The other article.
    pub other: ArticleId,
    /// True when every shared passage is a quotation both print.
    pub quotes_only: bool,
}

/// A new article for the clusterer.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// The article.
    pub id: ArticleId,
    /// Its features.
    pub features: Features,
    /// Its unit-length sentence embedding, when the model is loaded.
    pub vector: Option<Vec<f32>>,
    /// Articles it shares passages with.
    pub links: Vec<PassageLink>,
}

/// Where an article was placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The article.
    pub article: ArticleId,
    /// Its story.
    pub story: String,
    /// Processing order (continues across ingests).
    pub seq: i64,
    /// The date clustering used (days since 1970-01-01).
    pub day: Option<i64>,
    /// Where that date came from.
    pub basis: Option<DateBasis>,
    /// The stream clock when it was placed.
    pub clock: Option<i64>,
    /// Its score against the story it joined (0 when it opened it).
    pub score: f32,
    /// True when it opened its story.
    pub opened: bool,
}

/// Why a new story was threaded to an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadLink {
    /// The new story.
    pub story: String,
    /// The earlier story it continues.
    pub other: String,
    /// The thread score.
    pub score: f32,
    /// Entities both name (preferred names), strongest first.
    pub entities: Vec<String>,
    /// Words both use, strongest first.
    pub terms: Vec<String>,
}

/// A story as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRow {
    /// Id (`s-` and the id of the article that opened it).
    pub id: String,
    /// Thread id (`t-` and the id of the article that opened its first story).
    pub thread: String,
    /// The most central headline.
    pub title: String,
    /// Earliest stated publication day of its articles.
    pub first_published: Option<i64>,
    /// Latest stated publication day of its articles.
    pub last_published: Option<i64>,
    /// Latest stream clock of its articles.
    pub last_clock: Option<i64>,
    /// Number of articles.
    pub size: usize,
}

/// What one batch did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchOutcome {
    /// One per incoming article, in processing (time) order.
    pub placements: Vec<Placement>,
    /// Stories created or joined by the batch, in creation order.
    pub stories: Vec<StoryRow>,
    /// Thread links of the stories the batch opened.
    pub links: Vec<ThreadLink>,
    /// Stories merged into older ones, in the order merged.
    pub merges: Vec<StoryMerge>,
}

/// Two stories found to be one: every article of `from` now belongs to
/// `into`, and every story of thread `from_thread` to `into_thread`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMerge {
    /// The story merged away.
    pub from: String,
    /// The older story that holds both.
    pub into: String,
    /// The thread of `from`.
    pub from_thread: String,
    /// The thread of `into`.
    pub into_thread: String,
}

/// A stored placement to replay.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The article and its features and vector.
    pub incoming: Incoming,
    /// Its story.
    pub story: String,
    /// The story's thread.
    pub thread: String,
    /// Its processing order.
    pub seq: i64,
    /// Its clustering date.
    pub day: Option<i64>,
    /// Where the date came from.
    pub basis: Option<DateBasis>,
    /// The stream clock when it was placed.
    pub clock: Option<i64>,
}

/// An active article.
#[derive(Debug, Clone)]
struct Member {
    id: ArticleId,
    story: usize,
    /// Sublinear term counts, sorted by id.
    terms: Sparse,
    /// Unit TF-IDF vector, weighted by the document frequencies when it
    /// joined (kept, so scoring a candidate costs one sparse dot product).
    weighted: Sparse,
    /// Kind-weighted sublinear entity counts, sorted by key.
    entities: Sparse,
    /// `entities` weighted by the IDF when it joined (kept, like
    /// `weighted`, so scoring a candidate looks up no frequencies).
    entities_weighted: Sparse,
    /// The part of `entities_weighted` that is not countries.
    actors_weighted: Sparse,
    /// Sublinear counts of names and scores, weighted by the term IDF when
    /// it joined.
    names_weighted: Sparse,
    /// Offices and their holders the text names.
    roles: Vec<(String, u32)>,
    /// People it names and how often, sorted by key; kept only with a
    /// protagonist (only then are they compared).
    people: Vec<(u32, f32)>,
    /// The person it is about, if one stands out.
    protagonist: Option<u32>,
    vector: Option<Vec<f32>>,
    title: String,
    headline: bool,
    day: Option<i64>,
    basis: Option<DateBasis>,
}

/// An active story.
#[derive(Debug, Clone)]
struct Story {
    id: String,
    thread: String,
    members: Vec<usize>,
    terms: Profile,
    labels: BTreeMap<TermId, String>,
    names: BTreeMap<u32, String>,
    first_published: Option<i64>,
    last_published: Option<i64>,
    last_clock: Option<i64>,
    /// Sum and count of its articles' firm dates (stated or linked).
    day_sum: i64,
    day_count: i64,
    size: usize,
    title: String,
}

/// The online clustering state.
pub struct Clusterer {
    params: Params,
    members: Vec<Option<Member>>,
    by_article: HashMap<ArticleId, usize>,
    stories: Vec<Option<Story>>,
    /// Candidate index: term or entity key (tagged) → active members,
    /// ascending, each with the key's weight in its unit vector.
    postings: IdMap<u64, Vec<Posting>>,
    terms_df: DocFreq,
    entities_df: DocFreq,
    clock: Option<i64>,
    next_seq: i64,
    /// Forgotten members whose postings are not swept yet.
    dead: usize,
    /// Who held which office when, by the firmly dated active articles:
    /// office → day → holder → members. Kept by day so a lookup reads only
    /// the days of its window, whatever the stream's length.
    offices: BTreeMap<String, OfficeDays>,
    /// Merges made since the last batch ended.
    merges: Vec<StoryMerge>,
    /// Shared-key weight by member while candidates are gathered (all 0
    /// between articles; grown as members are added).
    hits: Vec<f32>,
    /// Whether each member is still active (`members[m].is_some()`), kept
    /// apart so walking the postings does not read whole members.
    alive: Vec<bool>,
}

/// A member listed under a key, with the key's weight in the member's
/// unit term (or actor) vector: what ranks candidates.
#[derive(Debug, Clone, Copy)]
struct Posting {
    /// The member's index (`u32`, so a posting takes 8 bytes).
    member: u32,
    /// The key's weight in the member's unit vector.
    weight: f32,
}

/// One office's holders by day: day → holder → members naming them.
type OfficeDays = BTreeMap<i64, BTreeMap<u32, Vec<usize>>>;

/// [`Clusterer::sole_holder`] by day and office, kept while one article
/// is placed (offices change only when it is added).
/// Keyed by day and office (borrowed from the article and the members
/// compared, which outlive the memo), hashed by
/// [`IdHasher`](crate::sparse::IdHasher).
type HolderMemo<'a> = IdMap<(i64, &'a str), Option<u32>>;

/// The order in which to place a batch whose articles have the given
/// dates: the firmly dated ones (stated, or linked to a stated one)
/// sorted by date, then input order, into the positions they hold in
/// the input; the others, undated or dated only by their text, at their
/// own. An article arriving late is so placed after what it reports on,
/// and an article with no firm date is placed when it arrives. Sorting
/// the articles without a stated date last, by their text's date, made
/// placement depend on the batch size: on ECB+ (3 orders), whose
/// articles are dated only now and then, story F1 in batches of 512
/// against 64 was, dev/train, 0.860/0.863 against 0.870/0.853 for the
/// baseline and 0.895/0.880 against 0.910/0.878 lexically. In this
/// order, batches of 512: baseline 0.898/0.868, lexical 0.911/0.874,
/// with embeddings 0.894/0.879 (0.887/0.882 before); of 64: 0.879/0.850,
/// 0.886/0.875, 0.872/0.879 (a shuffled stream: the dated articles a
/// batch re-sorts still move the figures).
fn placing_order(dated: &[(Option<i64>, Option<DateBasis>)]) -> Vec<usize> {
    let firm = |i: usize| dated[i].0.is_some() && dated[i].1 != Some(DateBasis::Text);
    let mut order: Vec<usize> = (0..dated.len()).collect();
    let slots: Vec<usize> = (0..dated.len()).filter(|&i| firm(i)).collect();
    let mut by_date = slots.clone();
    by_date.sort_by_key(|&i| (dated[i].0, i));
    for (slot, i) in slots.into_iter().zip(by_date) {
        order[slot] = i;
    }
    order
}

/// Closest members of a story whose mean score is blended in.
const MEAN_OF: usize = 5;

const TERM_TAG: u64 = 1 << 32;
const ENTITY_TAG: u64 = 2 << 32;

/// The one value `values` holds (however often), or `None` when it holds
/// none or two different ones — read only as far as the second.
fn sole(mut values: impl Iterator<Item = u32>) -> Option<u32> {
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

fn kind_weight(kind: EntityKind) -> f32 {
    match kind {
        EntityKind::Person | EntityKind::Group => 1.0,
        EntityKind::Organization | EntityKind::Place => 0.8,
        EntityKind::Country => 0.3,
    }
}

fn unit(v: Sparse) -> Sparse {
    let n = crate::sparse::norm(&v);
    if n == 0.0 {
        return v;
    }
    v.into_iter().map(|(k, w)| (k, w / n)).collect()
}

/// How often `people` (sorted by key) names `key`.
fn mentions_of(people: &[(u32, f32)], key: u32) -> f32 {
    people
        .binary_search_by_key(&key, |p| p.0)
        .map_or(0.0, |i| people[i].1)
}

/// True when the article and the member are each about a different person
/// that the other names once at most: the same kind of news about someone
/// else ("Mark Felt dies at 95" against "Fred LaRue dies at 75"). Someone
/// the other article also names more than in passing is shared ground,
/// not a stranger (a call reported from either side).
fn protagonists_differ(q: &Query, member: &Member) -> bool {
    match (q.protagonist, member.protagonist) {
        (Some(a), Some(b)) if a != b => {
            mentions_of(&member.people, a) <= 1.0 && mentions_of(&q.people, b) <= 1.0
        }
        _ => false,
    }
}

/// The signals of an article against one candidate member.
#[derive(Debug, Clone, Copy, Default)]
struct Signals {
    lexical: f32,
    entities: f32,
    /// Entity cosine without countries (thread evidence).
    actors: f32,
    embedding: f32,
    names: f32,
    passages: f32,
    time: f32,
    thread_time: f32,
}

/// An incoming article with its query vectors.
struct Query {
    /// Unit TF-IDF vector.
    terms: Sparse,
    /// `terms` indexed for the products with every candidate.
    terms_index: SparseIndex,
    /// Unit entity vector (IDF-weighted).
    entities: Sparse,
    /// Unit entity vector without countries.
    actors: Sparse,
    /// Unit TF-IDF vector of names and scores.
    names: Sparse,
    /// The norms of `entities`, `actors` and `names`.
    entities_norm: f32,
    actors_norm: f32,
    names_norm: f32,
    vector: Option<Vec<f32>>,
    day: Option<i64>,
    basis: Option<DateBasis>,
    /// Members it shares passages with, and how strongly.
    linked: BTreeMap<usize, f32>,
    /// Offices and holders it names.
    roles: Vec<(String, u32)>,
    /// People it names and how often, sorted by key (kept only with a
    /// protagonist).
    people: Vec<(u32, f32)>,
    /// The person it is about, if one stands out.
    protagonist: Option<u32>,
}

impl Clusterer {
    /// An empty state.
    pub fn new(params: Params) -> Self {
        Self {
            params,
            members: Vec::new(),
            by_article: HashMap::new(),
            stories: Vec::new(),
            postings: IdMap::default(),
            terms_df: DocFreq::default(),
            entities_df: DocFreq::default(),
            clock: None,
            next_seq: 0,
            dead: 0,
            hits: Vec::new(),
            alive: Vec::new(),
            offices: BTreeMap::new(),
            merges: Vec::new(),
        }
    }

    /// The parameters.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Rebuild the state by replaying stored placements in their `seq`
    /// order (the store hands in the articles of active stories), going on
    /// after the stored `latest_seq` and `latest_clock`.
    pub fn restore(
        params: Params,
        rows: impl IntoIterator<Item = Replay>,
        latest_seq: Option<i64>,
        latest_clock: Option<i64>,
    ) -> Self {
        let mut c = Self::new(params);
        c.clock = latest_clock;
        c.next_seq = latest_seq.map_or(0, |s| s + 1);
        let mut index: HashMap<String, usize> = HashMap::new();
        for r in rows {
            let story = match index.get(&r.story) {
                Some(&s) => s,
                None => {
                    let s = c.open_story(r.story.clone(), r.thread.clone());
                    index.insert(r.story.clone(), s);
                    s
                }
            };
            if let Some(clock) = r.clock {
                c.clock = Some(c.clock.map_or(clock, |k| k.max(clock)));
            }
            c.next_seq = c.next_seq.max(r.seq + 1);
            c.add_member(story, &r.incoming, r.day, r.basis, r.clock);
        }
        c.evict();
        c
    }

    /// Active stories.
    pub fn active_stories(&self) -> usize {
        self.stories.iter().flatten().count()
    }

    /// Active articles.
    pub fn active_articles(&self) -> usize {
        self.by_article.len()
    }

    /// The story of an active article.
    pub fn story_of(&self, article: &ArticleId) -> Option<&str> {
        let m = self.members.get(*self.by_article.get(article)?)?.as_ref()?;
        Some(self.stories.get(m.story)?.as_ref()?.id.as_str())
    }

    fn member(&self, m: usize) -> Option<&Member> {
        self.members.get(m)?.as_ref()
    }

    /// The date evidence of an incoming article: its own, else a linked
    /// article's (active, or stated in `batch`), else its text's.
    fn date_of(
        &self,
        item: &Incoming,
        batch: &BTreeMap<&ArticleId, i64>,
    ) -> (Option<i64>, Option<DateBasis>) {
        if let Some(d) = item.features.published {
            return (Some(d), Some(DateBasis::Published));
        }
        if self.params.evidence {
            let linked = item
                .links
                .iter()
                .filter_map(|l| {
                    batch.get(&l.other).copied().or_else(|| {
                        let m = self.member(*self.by_article.get(&l.other)?)?;
                        m.day.filter(|_| m.basis != Some(DateBasis::Text))
                    })
                })
                .min();
            if let Some(d) = linked {
                return (Some(d), Some(DateBasis::Linked));
            }
            if let Some(d) = item.features.text_day {
                return (Some(d), Some(DateBasis::Text));
            }
        }
        (None, None)
    }

    /// Place a batch of new articles in [`placing_order`] (firmly dated
    /// ones in date order, the others where they arrived); each joins
    /// the story of its most similar active article when that scores at
    /// least the threshold, else opens a story.
    pub fn add_batch(&mut self, items: Vec<Incoming>) -> BatchOutcome {
        let stated: BTreeMap<&ArticleId, i64> = items
            .iter()
            .filter_map(|i| Some((&i.id, i.features.published?)))
            .collect();
        let dated: Vec<(Option<i64>, Option<DateBasis>)> =
            items.iter().map(|i| self.date_of(i, &stated)).collect();
        let order = placing_order(&dated);
        let mut out = BatchOutcome::default();
        let mut touched: BTreeSet<usize> = BTreeSet::new();
        for i in order {
            let item = &items[i];
            if self.by_article.contains_key(&item.id) {
                continue;
            }
            let (day, basis) = dated[i];
            if let Some(d) = day.filter(|_| basis != Some(DateBasis::Text)) {
                self.clock = Some(self.clock.map_or(d, |c| c.max(d)));
            }
            let clock = self.clock;
            let (placement, link) = self.place(item, day, basis, clock);
            if let Some(member) = self.by_article.get(&item.id).and_then(|&m| self.member(m)) {
                touched.insert(member.story);
            }
            out.placements.push(placement);
            out.links.extend(link);
        }
        for s in touched {
            self.retitle(s);
            if let Some(Some(story)) = self.stories.get(s) {
                out.stories.push(story.row());
            }
        }
        out.merges = std::mem::take(&mut self.merges);
        for m in &out.merges {
            for p in out.placements.iter_mut().filter(|p| p.story == m.from) {
                p.story.clone_from(&m.into);
            }
            out.links.retain(|l| l.story != m.from);
            for l in out.links.iter_mut().filter(|l| l.other == m.from) {
                l.other.clone_from(&m.into);
            }
            out.links.retain(|l| l.story != l.other);
        }
        self.evict();
        out
    }

    fn place(
        &mut self,
        item: &Incoming,
        day: Option<i64>,
        basis: Option<DateBasis>,
        clock: Option<i64>,
    ) -> (Placement, Option<ThreadLink>) {
        let query = self.query(item, day, basis);
        let mut hits = std::mem::take(&mut self.hits);
        let candidates = self.candidates(&query, &mut hits);
        self.hits = hits;
        // Each candidate's signals are independent of the others': scored
        // in parallel, collected in candidate order.
        let scored: Vec<(usize, usize, Signals)> = candidates
            .par_iter()
            .filter_map(|&m| self.member(m).map(|member| (m, member)))
            .map_init(HolderMemo::default, |holders, (m, member)| {
                (m, member.story, self.signals(&query, m, member, holders))
            })
            .collect();
        let mut by_story: BTreeMap<usize, Vec<f32>> = BTreeMap::new();
        for (_, story, sig) in &scored {
            by_story.entry(*story).or_default().push(self.score(sig));
        }
        let scored: Vec<(usize, Signals)> = scored.into_iter().map(|(m, _, sig)| (m, sig)).collect();
        // A story's score: its nearest article's, blended with the mean
        // over its closest few (members not retrieved count as 0), so one
        // look-alike article does not pull in a different event.
        let mut best: Option<(usize, f32)> = None;
        let mut joins: Vec<(usize, f32)> = Vec::new();
        for (s, mut scores) in by_story {
            scores.sort_by(|a, b| b.total_cmp(a));
            let size = self.stories[s].as_ref().map_or(1, |st| st.size);
            let k = size.clamp(1, MEAN_OF);
            let mean = scores.iter().take(k).sum::<f32>() / k as f32;
            let share = self.params.mean_share;
            let score = (1.0 - share) * scores[0] + share * mean;
            if score >= self.params.merge_threshold {
                joins.push((s, score));
            }
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((s, score));
            }
        }

        let seq = self.next_seq;
        self.next_seq += 1;
        if let Some((best_story, score)) = best.filter(|(_, score)| *score >= self.params.threshold) {
            // An article that clearly belongs to several stories shows
            // they are one: the oldest holds them all (`joins` is in
            // story order, and the best story is among them when any is).
            let s = joins.first().map_or(best_story, |j| j.0);
            for &(other, _) in joins.iter().skip(1) {
                self.merge_story(s, other);
            }
            self.add_member(s, item, day, basis, clock);
            let id = self.stories[s]
                .as_ref()
                .map(|st| st.id.clone())
                .unwrap_or_default();
            return (
                Placement {
                    article: item.id.clone(),
                    story: id,
                    seq,
                    day,
                    basis,
                    clock,
                    score,
                    opened: false,
                },
                None,
            );
        }
        let story_id = format!("s-{}", item.id);
        let (thread, link) = self.thread_for(&story_id, &query, &item.features, &scored);
        let s = self.open_story(story_id.clone(), thread);
        self.add_member(s, item, day, basis, clock);
        (
            Placement {
                article: item.id.clone(),
                story: story_id,
                seq,
                day,
                basis,
                clock,
                score: 0.0,
                opened: true,
            },
            link,
        )
    }

    fn entity_vector(&self, f: &Features, countries: bool) -> Sparse {
        unit(
            f.entities
                .iter()
                .filter(|e| countries || e.kind != EntityKind::Country)
                .map(|e| {
                    (
                        e.key,
                        kind_weight(e.kind) * sublinear(e.count) * self.entities_df.idf(e.key),
                    )
                })
                .collect(),
        )
    }

    fn query(&self, item: &Incoming, day: Option<i64>, basis: Option<DateBasis>) -> Query {
        let f = &item.features;
        let people = f.people();
        let protagonist = crate::features::protagonist_among(&people);
        let terms = unit(
            f.terms
                .iter()
                .map(|(k, c)| (*k, sublinear(*c) * self.terms_df.idf(*k)))
                .collect(),
        );
        let mut linked = BTreeMap::new();
        if self.params.evidence {
            for l in &item.links {
                let Some(&m) = self.by_article.get(&l.other) else {
                    continue;
                };
                let strength = if l.quotes_only { 0.5 } else { 1.0 };
                let e = linked.entry(m).or_insert(0.0f32);
                *e = e.max(strength);
            }
        }
        let entities = if self.params.evidence {
            self.entity_vector(f, true)
        } else {
            Vec::new()
        };
        let actors = self.entity_vector(f, false);
        let names = unit(
            f.names
                .iter()
                .map(|(k, c)| (*k, sublinear(*c) * self.terms_df.idf(*k)))
                .collect(),
        );
        Query {
            terms_index: SparseIndex::new(&terms),
            terms,
            entities_norm: norm(&entities),
            actors_norm: norm(&actors),
            names_norm: norm(&names),
            entities,
            actors,
            names,
            vector: item.vector.clone(),
            day,
            basis,
            linked,
            roles: f.roles.clone(),
            people: if protagonist.is_some() { people } else { Vec::new() },
            protagonist,
        }
    }

    /// Members sharing distinctive terms or an actor with the article, or
    /// a passage: at most `max_candidates`, returned in member order. They
    /// are ranked by the products over the shared keys (the article's
    /// heaviest terms and its actors) of both sides' unit-vector weights,
    /// a part of the cosines the scores use: a count of shared keys would
    /// rank long articles first, since they share some of almost
    /// anything (on 100k synthetic articles the candidates so chosen had
    /// 900 terms on average, the articles 186).
    fn candidates(&self, q: &Query, hits: &mut Vec<f32>) -> Vec<usize> {
        // Summed by member in `hits` (left all 0 again), the members
        // reached listed as first seen, then ranked.
        hits.resize(self.members.len(), 0.0);
        let mut seen: Vec<usize> = Vec::new();
        // The heaviest terms (ties by id: a total order, so the same ones
        // whatever the selection's path), then by id, so the weights are
        // summed in an order of their own.
        let mut top: Vec<(u32, f32)> = q.terms.clone();
        let heaviest = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if top.len() > self.params.index_terms {
            top.select_nth_unstable_by(self.params.index_terms, heaviest);
            top.truncate(self.params.index_terms);
            top.sort_unstable_by_key(|t| t.0);
        }
        let keys = top
            .iter()
            .take(self.params.index_terms)
            .map(|&(k, w)| (TERM_TAG | u64::from(k), w))
            .chain(q.actors.iter().map(|&(k, w)| (ENTITY_TAG | u64::from(k), w)));
        // A member is reached with a positive sum (unit-vector weights are
        // positive, a zero-IDF term adds the smallest positive number).
        let mut reach = |m: usize, add: f32| {
            if hits[m] == 0.0 {
                seen.push(m);
            }
            hits[m] += add.max(f32::MIN_POSITIVE);
        };
        for (key, w) in keys {
            if let Some(list) = self
                .postings
                .get(&key)
                .filter(|l| l.len() <= self.params.max_postings)
            {
                for p in list {
                    let m = p.member as usize;
                    if self.alive[m] {
                        reach(m, w * p.weight);
                    }
                }
            }
        }
        for &m in q.linked.keys() {
            reach(m, 1000.0);
        }
        let mut ranked: Vec<(usize, f32)> = seen
            .into_iter()
            .map(|m| (m, std::mem::take(&mut hits[m])))
            .collect();
        if ranked.len() > self.params.max_candidates {
            // Heaviest shared weight first, then the latest member: a
            // total order.
            ranked.select_nth_unstable_by(self.params.max_candidates, |a, b| {
                b.1.total_cmp(&a.1).then(b.0.cmp(&a.0))
            });
            ranked.truncate(self.params.max_candidates);
        }
        ranked.sort_unstable_by_key(|r| r.0);
        ranked.into_iter().map(|r| r.0).collect()
    }

    fn signals<'a>(
        &'a self,
        q: &'a Query,
        m: usize,
        member: &'a Member,
        holders: &mut HolderMemo<'a>,
    ) -> Signals {
        let idf_terms = &member.weighted;
        // The member's entity vector at today's IDF, all of it and without
        // countries, each compared as it is read.
        // (A query vector of norm 0 has cosine 0 with anything.)
        let (entities, actors) = if (self.params.evidence || !q.actors.is_empty())
            && (q.entities_norm != 0.0 || q.actors_norm != 0.0)
        {
            let mut all = CosineWith::new(&q.entities, q.entities_norm);
            let mut actors = CosineWith::new(&q.actors, q.actors_norm);
            for &(k, x) in &member.entities_weighted {
                all.push(k, x);
            }
            for &(k, x) in &member.actors_weighted {
                actors.push(k, x);
            }
            (all.finish(), actors.finish())
        } else {
            (0.0, 0.0)
        };
        let embedding = match (&q.vector, &member.vector) {
            (Some(a), Some(b)) if a.len() == b.len() => a
                .iter()
                .zip(b)
                .map(|(x, y)| f64::from(*x) * f64::from(*y))
                .sum::<f64>()
                .max(0.0) as f32,
            _ => 0.0,
        };
        // An undated article is as old as its story's dated ones.
        let member_day = member.day.or_else(|| {
            let story = self.stories.get(member.story)?.as_ref()?;
            (story.day_count > 0).then(|| story.day_sum.div_euclid(story.day_count))
        });
        let delta = match (q.day, member_day) {
            (Some(a), Some(b)) => Some((a - b).abs() as f32),
            _ => None,
        };
        let decay = |grace: f32, tau: f32, undated: f32| match delta {
            None => undated,
            Some(d) if d <= grace => 1.0,
            Some(d) => (-(d - grace) / tau).exp(),
        };
        let vague = [q.basis, member.basis].contains(&Some(DateBasis::Text));
        // Either side naming an office holder the other side's time does not know.
        let conflict = self.office_conflict(&q.roles, member_day, holders)
            || self.office_conflict(&member.roles, q.day, holders);
        let strangers = protagonists_differ(q, member);
        let p = &self.params;
        Signals {
            lexical: q.terms_index.dot(idf_terms).clamp(0.0, 1.0),
            entities,
            actors,
            embedding,
            names: if (self.params.weights.names > 0.0 || self.params.thread_weights.names > 0.0)
                && q.names_norm != 0.0
            {
                let mut theirs = CosineWith::new(&q.names, q.names_norm);
                for &(k, x) in &member.names_weighted {
                    theirs.push(k, x);
                }
                theirs.finish()
            } else {
                0.0
            },
            passages: q.linked.get(&m).copied().unwrap_or(0.0),
            time: if p.evidence {
                (if conflict { p.office_conflict } else { 1.0 })
                    * (if strangers { p.protagonist_conflict } else { 1.0 })
                    * decay(
                        p.grace_days + if vague { 7.0 } else { 0.0 },
                        p.tau_days,
                        p.undated,
                    )
            } else {
                1.0
            },
            thread_time: decay(p.thread_grace_days, p.thread_tau_days, 1.0),
        }
    }

    /// True when the article names someone in an office that, around
    /// `day`, the stream's dated articles give to one other person only
    /// ("Secretary of State Blinken" against weeks of "Secretary of State
    /// Rubio"): evidence that the article is from another time. An
    /// article naming both holders is no conflict.
    fn office_conflict<'a>(
        &self,
        roles: &'a [(String, u32)],
        day: Option<i64>,
        holders: &mut HolderMemo<'a>,
    ) -> bool {
        let Some(day) = day else {
            return false;
        };
        roles.iter().any(|(role, holder)| {
            let only = *holders
                .entry((day, role.as_str()))
                .or_insert_with(|| self.sole_holder(role, day));
            only.is_some_and(|only| only != *holder && !roles.iter().any(|(r, h)| r == role && *h == only))
        })
    }

    /// The one holder of `role` that articles name around `day`, if
    /// exactly one.
    fn sole_holder(&self, role: &str, day: i64) -> Option<u32> {
        let window = self.params.office_window_days;
        let held = self.offices.get(role)?;
        sole(
            held.range(day.saturating_sub(window)..=day.saturating_add(window))
                .flat_map(|(_, holders)| holders.keys().copied()),
        )
    }

    fn score(&self, s: &Signals) -> f32 {
        let w = &self.params.weights;
        (w.lexical * s.lexical
            + w.entities * s.entities
            + w.embedding * s.embedding
            + w.names * s.names
            + w.passages * s.passages)
            * s.time
    }

    /// The thread of a story opened by `features`: the thread of the most
    /// related candidate when it shares an actor or place (not just a
    /// country) or a name, and scores at least the thread threshold; else
    /// a new one.
    fn thread_for(
        &self,
        story_id: &str,
        q: &Query,
        features: &Features,
        scored: &[(usize, Signals)],
    ) -> (String, Option<ThreadLink>) {
        let own = format!("t-{}", story_id.trim_start_matches("s-"));
        if !self.params.evidence {
            return (own, None);
        }
        let mut best: Option<(usize, f32)> = None;
        for (m, sig) in scored {
            // Something specific in common: a canonical actor or place, or
            // a name the knowledge base does not know.
            if sig.actors <= 0.0 && sig.names <= 0.0 {
                continue;
            }
            let w = &self.params.thread_weights;
            let score = (w.entities * sig.actors
                + w.lexical * sig.lexical
                + w.embedding * sig.embedding
                + w.names * sig.names
                + w.passages * sig.passages)
                * sig.thread_time;
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((*m, score));
            }
        }
        let Some((m, score)) = best.filter(|(_, score)| *score >= self.params.thread_threshold) else {
            return (own, None);
        };
        let Some(member) = self.member(m) else {
            return (own, None);
        };
        let Some(Some(story)) = self.stories.get(member.story) else {
            return (own, None);
        };
        // Evidence: what the new article and the linked one share, by
        // product of weights.
        let mut shared_entities: Vec<(f32, String)> = q
            .actors
            .iter()
            .filter_map(|(k, w)| {
                let i = member.entities.binary_search_by_key(k, |e| e.0).ok()?;
                let name = story.names.get(k)?.clone();
                Some((w * member.entities[i].1, name))
            })
            .collect();
        shared_entities.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let labels: BTreeMap<TermId, &str> = features.labels.iter().map(|(k, w)| (*k, w.as_str())).collect();
        let mut shared_terms: Vec<(f32, String)> = q
            .terms
            .iter()
            .filter_map(|(k, w)| {
                let i = member.terms.binary_search_by_key(k, |t| t.0).ok()?;
                let word = labels
                    .get(k)
                    .copied()
                    .or_else(|| story.labels.get(k).map(String::as_str))?;
                Some((w * member.terms[i].1 * self.terms_df.idf(*k), word.to_owned()))
            })
            .collect();
        shared_terms.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let link = ThreadLink {
            story: story_id.to_owned(),
            other: story.id.clone(),
            score,
            entities: shared_entities.into_iter().take(6).map(|e| e.1).collect(),
            terms: shared_terms.into_iter().take(6).map(|t| t.1).collect(),
        };
        (story.thread.clone(), Some(link))
    }

    fn open_story(&mut self, id: String, thread: String) -> usize {
        self.stories.push(Some(Story {
            id,
            thread,
            members: Vec::new(),
            terms: Profile::default(),
            labels: BTreeMap::new(),
            names: BTreeMap::new(),
            first_published: None,
            last_published: None,
            last_clock: None,
            day_sum: 0,
            day_count: 0,
            size: 0,
            title: String::new(),
        }));
        self.stories.len() - 1
    }

    fn add_member(
        &mut self,
        s: usize,
        item: &Incoming,
        day: Option<i64>,
        basis: Option<DateBasis>,
        clock: Option<i64>,
    ) {
        let f = &item.features;
        let people = f.people();
        let protagonist = crate::features::protagonist_among(&people);
        let terms: Sparse = f.terms.iter().map(|(k, c)| (*k, sublinear(*c))).collect();
        let entities: Sparse = f
            .entities
            .iter()
            .map(|e| (e.key, kind_weight(e.kind) * sublinear(e.count)))
            .collect();
        let actors: Vec<u32> = f
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Country)
            .map(|e| e.key)
            .collect();
        if !matches!(self.stories.get(s), Some(Some(_))) {
            return;
        }
        self.terms_df.add(f.terms.iter().map(|(k, _)| k));
        self.entities_df.add(f.entities.iter().map(|e| &e.key));
        let member = self.members.len();
        let df = &self.terms_df;
        if let Some(Some(story)) = self.stories.get_mut(s) {
            story.terms.add(&unit(terms.clone()));
            story
                .terms
                .prune(self.params.centroid_terms, |k, w| w * df.idf(k));
            for (k, w) in &f.labels {
                story.labels.entry(*k).or_insert_with(|| w.clone());
            }
            for e in &f.entities {
                story.names.entry(e.key).or_insert_with(|| e.name.clone());
            }
            if let Some(p) = f.published {
                story.first_published = Some(story.first_published.map_or(p, |x| x.min(p)));
                story.last_published = Some(story.last_published.map_or(p, |x| x.max(p)));
            }
            if let Some(c) = clock {
                story.last_clock = Some(story.last_clock.map_or(c, |x| x.max(c)));
            }
            if let Some(d) = day.filter(|_| basis != Some(DateBasis::Text)) {
                story.day_sum += d;
                story.day_count += 1;
            }
            story.members.push(member);
            story.size += 1;
            if story.title.is_empty() {
                story.title = f.title.clone();
            }
        }
        if let Some(d) = day.filter(|_| basis != Some(DateBasis::Text)) {
            for (role, holder) in &f.roles {
                self.offices
                    .entry(role.clone())
                    .or_default()
                    .entry(d)
                    .or_default()
                    .entry(*holder)
                    .or_default()
                    .push(member);
            }
        }
        let weighted = unit(
            terms
                .iter()
                .map(|(k, w)| (*k, w * self.terms_df.idf(*k)))
                .collect(),
        );
        let entities_weighted: Sparse = entities
            .iter()
            .map(|(k, w)| (*k, w * self.entities_df.idf(*k)))
            .collect();
        let actors_weighted: Sparse = entities_weighted
            .iter()
            .filter(|(k, _)| actors.binary_search(k).is_ok())
            .copied()
            .collect();
        // Posted as the query side reads them: terms and actors, each
        // with its weight in the member's unit vector.
        let keys = weighted.iter().map(|&(k, w)| (TERM_TAG | u64::from(k), w)).chain(
            unit(actors_weighted.clone())
                .into_iter()
                .map(|(k, w)| (ENTITY_TAG | u64::from(k), w)),
        );
        for (key, weight) in keys {
            self.postings.entry(key).or_default().push(Posting {
                member: member as u32,
                weight,
            });
        }
        self.alive.push(true);
        self.members.push(Some(Member {
            id: item.id.clone(),
            story: s,
            weighted,
            terms,
            entities,
            entities_weighted,
            actors_weighted,
            names_weighted: f
                .names
                .iter()
                .map(|(k, c)| (*k, sublinear(*c) * self.terms_df.idf(*k)))
                .collect(),
            roles: f.roles.clone(),
            people: if protagonist.is_some() { people } else { Vec::new() },
            protagonist,
            vector: item.vector.clone(),
            title: f.title.clone(),
            headline: f.headline,
            day,
            basis,
        }));
        self.by_article.insert(item.id.clone(), member);
    }

    /// The story's title: the headline of its most central article (the
    /// one closest to the centroid), untitled articles' first sentences
    /// only when no article has a headline.
    fn retitle(&mut self, s: usize) {
        let Some(Some(story)) = self.stories.get(s) else {
            return;
        };
        let centroid = story.terms.weighted(|k, w| w * self.terms_df.idf(k));
        let any_headline = story
            .members
            .iter()
            .any(|&m| self.member(m).is_some_and(|x| x.headline));
        let mut best: Option<(f32, &str)> = None;
        for &m in &story.members {
            let Some(member) = self.member(m) else {
                continue;
            };
            if any_headline && !member.headline {
                continue;
            }
            let weighted: Sparse = member
                .terms
                .iter()
                .map(|(k, w)| (*k, w * self.terms_df.idf(*k)))
                .collect();
            let c = cosine(&weighted, &centroid);
            if best.is_none_or(|(b, _)| c > b) {
                best = Some((c, &member.title));
            }
        }
        let title = best.map(|b| b.1.to_owned());
        if let (Some(t), Some(Some(story))) = (title, self.stories.get_mut(s)) {
            story.title = t;
        }
    }

    /// Move every article of story `other` into the older story `s`, and
    /// the stories of `other`'s thread into `s`'s thread; record the merge.
    fn merge_story(&mut self, s: usize, other: usize) {
        let Some(Some(gone)) = self.stories.get_mut(other).map(Option::take) else {
            return;
        };
        let Some(Some(into)) = self.stories.get(s) else {
            return;
        };
        let (into_id, into_thread) = (into.id.clone(), into.thread.clone());
        for &m in &gone.members {
            if let Some(Some(member)) = self.members.get_mut(m) {
                member.story = s;
            }
        }
        if gone.thread != into_thread {
            for story in self.stories.iter_mut().flatten() {
                if story.thread == gone.thread {
                    story.thread = into_thread.clone();
                }
            }
        }
        let df = &self.terms_df;
        if let Some(Some(story)) = self.stories.get_mut(s) {
            story.terms.merge(&gone.terms);
            story
                .terms
                .prune(self.params.centroid_terms, |k, w| w * df.idf(k));
            for (k, w) in gone.labels {
                story.labels.entry(k).or_insert(w);
            }
            for (k, w) in gone.names {
                story.names.entry(k).or_insert(w);
            }
            let earliest = |a: Option<i64>, b: Option<i64>| a.into_iter().chain(b).min();
            let latest = |a: Option<i64>, b: Option<i64>| a.into_iter().chain(b).max();
            story.first_published = earliest(story.first_published, gone.first_published);
            story.last_published = latest(story.last_published, gone.last_published);
            story.last_clock = latest(story.last_clock, gone.last_clock);
            story.day_sum += gone.day_sum;
            story.day_count += gone.day_count;
            story.size += gone.size;
            story.members.extend(gone.members);
            story.members.sort_unstable();
        }
        self.merges.push(StoryMerge {
            from: gone.id,
            into: into_id,
            from_thread: gone.thread,
            into_thread,
        });
    }

    /// Forget stories not joined within the window of the stream clock.
    fn evict(&mut self) {
        let Some(clock) = self.clock else {
            return;
        };
        let cutoff = clock - self.params.window_days;
        let mut gone: BTreeSet<usize> = BTreeSet::new();
        for s in 0..self.stories.len() {
            let stale = self.stories[s]
                .as_ref()
                .is_some_and(|st| st.last_clock.is_some_and(|c| c < cutoff));
            if !stale {
                continue;
            }
            let Some(story) = self.stories[s].take() else {
                continue;
            };
            for &m in &story.members {
                self.alive[m] = false;
                if let Some(member) = self.members[m].take() {
                    self.terms_df.remove(member.terms.iter().map(|(k, _)| k));
                    self.entities_df.remove(member.entities.iter().map(|(k, _)| k));
                    self.by_article.remove(&member.id);
                    gone.insert(m);
                }
            }
        }
        if !gone.is_empty() {
            self.offices.retain(|_, days| {
                days.retain(|_, holders| {
                    holders.retain(|_, members| {
                        members.retain(|m| !gone.contains(m));
                        !members.is_empty()
                    });
                    !holders.is_empty()
                });
                !days.is_empty()
            });
        }
        // Postings of forgotten members are skipped at lookup and swept
        // once they outnumber the live ones (amortised constant cost).
        self.dead += gone.len();
        if self.dead > self.by_article.len().max(1024) {
            let alive = &self.alive;
            self.postings.retain(|_, list| {
                list.retain(|p| alive[p.member as usize]);
                !list.is_empty()
            });
            self.dead = 0;
        }
    }
}

impl Story {
    fn row(&self) -> StoryRow {
        StoryRow {
            id: self.id.clone(),
            thread: self.thread.clone(),
            title: self.title.clone(),
            first_published: self.first_published,
            last_published: self.last_published,
            last_clock: self.last_clock,
            size: self.size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::EntityFeature;
    use crate::text::Terms;

    /// A test article: id, published day, text, entities (id, kind), roles.
    struct Doc<'a> {
        id: &'a str,
        day: Option<i64>,
        text: &'a str,
        entities: &'a [(&'a str, EntityKind)],
        roles: &'a [(&'a str, &'a str)],
        links: &'a [&'a str],
    }

    fn incoming(d: &Doc<'_>) -> Incoming {
        let mut counts: BTreeMap<u32, f32> = BTreeMap::new();
        let mut names: BTreeMap<u32, f32> = BTreeMap::new();
        for t in Terms::new(None).terms(d.text) {
            *counts.entry(t.id).or_default() += 1.0;
            if t.specific {
                *names.entry(t.id).or_default() += 1.0;
            }
        }
        Incoming {
            id: ArticleId::from_stored(d.id),
            features: Features {
                published: d.day,
                text_day: None,
                terms: counts.into_iter().collect(),
                names: names.into_iter().collect(),
                labels: Vec::new(),
                entities: d
                    .entities
                    .iter()
                    .map(|(id, kind)| EntityFeature {
                        key: crate::text::term_id(id),
                        id: (*id).to_owned(),
                        name: (*id).to_owned(),
                        kind: *kind,
                        count: 1.0,
                    })
                    .collect(),
                roles: d
                    .roles
                    .iter()
                    .map(|(r, id)| ((*r).to_owned(), crate::text::term_id(id)))
                    .collect(),
                title: d.text.chars().take(30).collect(),
                headline: false,
            },
            vector: None,
            links: d
                .links
                .iter()
                .map(|o| PassageLink {
                    other: ArticleId::from_stored(*o),
                    quotes_only: false,
                })
                .collect(),
        }
    }

    /// Cluster `docs` in batches of `batch` and compare the stories (as
    /// groups of ids, in order of opening) with `expected`.
    fn check(docs: &[Doc<'_>], batch: usize, expected: &[&[&str]]) {
        let mut c = Clusterer::new(Params::lexical());
        let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut opened: Vec<String> = Vec::new();
        for chunk in docs.chunks(batch) {
            let out = c.add_batch(chunk.iter().map(incoming).collect());
            for p in out.placements {
                if p.opened {
                    opened.push(p.story.clone());
                }
                stories.entry(p.story).or_default().push(p.article.to_string());
            }
        }
        let got: Vec<Vec<String>> = opened
            .iter()
            .map(|s| {
                let mut v = stories[s].clone();
                v.sort();
                v
            })
            .collect();
        let want: Vec<Vec<String>> = expected
            .iter()
            .map(|g| {
                let mut v: Vec<String> = g.iter().map(|s| (*s).to_owned()).collect();
                v.sort();
                v
            })
            .collect();
        assert_eq!(got, want);
    }

    const STRIKE: &str = "Dock workers at the port of Velmora walked off the job on Tuesday, halting grain \
        loading. The Velmora dockers union said the strike over night shift pay would go on.";
    const STRIKE2: &str = "The strike at Velmora port entered a second day as dock workers and the union \
        refused a new offer on night shift pay; grain ships waited at anchor.";
    const FLOOD: &str = "Floods in the Arvan valley forced thousands from their homes after the river \
        Sel burst its banks near Tolmin, rescue teams said.";

    fn velmora() -> [(&'static str, EntityKind); 1] {
        [("place:velmora", EntityKind::Place)]
    }

    #[test]
    fn coverage_of_one_development_forms_one_story_and_other_news_another() {
        let e = velmora();
        check(
            &[
                Doc {
                    id: "a",
                    day: Some(100),
                    text: STRIKE,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
                Doc {
                    id: "b",
                    day: Some(100),
                    text: FLOOD,
                    entities: &[],
                    roles: &[],
                    links: &[],
                },
                Doc {
                    id: "c",
                    day: Some(101),
                    text: STRIKE2,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
            ],
            1,
            &[&["a", "c"], &["b"]],
        );
    }

    #[test]
    fn the_same_words_a_month_apart_are_another_story() {
        let e = velmora();
        check(
            &[
                Doc {
                    id: "a",
                    day: Some(100),
                    text: STRIKE,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
                Doc {
                    id: "c",
                    day: Some(140),
                    text: STRIKE2,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
            ],
            1,
            &[&["a"], &["c"]],
        );
    }

    /// A later development of the same news threads with the earlier
    /// story on a shared name even when annotation found no entity; other
    /// news opens its own thread.
    #[test]
    fn a_shared_name_threads_stories_the_knowledge_base_does_not_know() {
        let doc = |id, day, text| Doc {
            id,
            day: Some(day),
            text,
            entities: &[],
            roles: &[],
            links: &[],
        };
        let mut c = Clusterer::new(Params::lexical());
        let mut threads = Vec::new();
        let mut links = Vec::new();
        for d in [
            doc("a", 100, STRIKE),
            doc("b", 101, FLOOD),
            doc("c", 140, STRIKE2),
        ] {
            let out = c.add_batch(vec![incoming(&d)]);
            assert!(out.placements.iter().all(|p| p.opened), "three stories");
            threads.extend(out.stories.into_iter().map(|s| s.thread));
            links.extend(out.links);
        }
        assert_eq!(
            threads[0], threads[2],
            "the strike a month later continues the thread"
        );
        assert_ne!(threads[0], threads[1], "the flood is other news");
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].story.as_str(), links[0].other.as_str()), ("s-c", "s-a"));
    }

    #[test]
    fn late_articles_are_sorted_into_place_within_a_batch() {
        let e = velmora();
        // Given newest first in one batch, clustering still sees them in
        // time order: the oldest opens the story.
        check(
            &[
                Doc {
                    id: "c",
                    day: Some(101),
                    text: STRIKE2,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
                Doc {
                    id: "a",
                    day: Some(100),
                    text: STRIKE,
                    entities: &e,
                    roles: &[],
                    links: &[],
                },
            ],
            8,
            &[&["a", "c"]],
        );
    }

    #[test]
    fn an_undated_copy_takes_the_date_of_what_it_copies() {
        let e = velmora();
        let mut c = Clusterer::new(Params::lexical());
        let docs = [
            Doc {
                id: "a",
                day: Some(100),
                text: STRIKE,
                entities: &e,
                roles: &[],
                links: &[],
            },
            Doc {
                id: "u",
                day: None,
                text: STRIKE2,
                entities: &e,
                roles: &[],
                links: &["a"],
            },
        ];
        let out = c.add_batch(docs.iter().map(incoming).collect());
        let u = out
            .placements
            .iter()
            .find(|p| p.article.as_str() == "u")
            .expect("placed");
        assert_eq!((u.day, u.basis), (Some(100), Some(DateBasis::Linked)));
        assert_eq!(u.story, "s-a");
    }

    #[test]
    fn firmly_dated_articles_are_placed_in_date_order_and_the_others_where_they_arrived() {
        let stated = Some(DateBasis::Published);
        let text = Some(DateBasis::Text);
        let dated = [
            (Some(30), stated),
            (None, None),
            (Some(5), text),
            (Some(10), Some(DateBasis::Linked)),
            (Some(20), stated),
            (None, None),
            (Some(10), stated),
        ];
        // Slots 0, 3, 4 and 6 hold the firm dates 30, 10, 20 and 10: they
        // take 10 (3), 10 (6), 20 (4) and 30 (0); 1, 2 and 5 stay.
        assert_eq!(placing_order(&dated), [3, 1, 2, 6, 4, 5, 0]);
        assert_eq!(placing_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn sole_is_the_one_value_repeated_or_none() {
        assert_eq!(sole([3, 3, 3].into_iter()), Some(3));
        assert_eq!(sole([3, 4, 3].into_iter()), None);
        assert_eq!(sole(std::iter::empty()), None);
    }

    #[test]
    fn an_office_held_by_someone_else_at_the_time_weakens_the_match() {
        let talks = "Secretary of State Arlen Voss spoke with President Mira Oduya about the ceasefire \
            in the Sel valley and the talks in Tolmin.";
        let sos = "secretary of state";
        let score_with = |holder: &str| {
            let mut c = Clusterer::new(Params::lexical());
            let first = Doc {
                id: "a",
                day: Some(100),
                text: talks,
                entities: &[],
                roles: &[(sos, "person:voss")],
                links: &[],
            };
            c.add_batch(vec![incoming(&first)]);
            let roles = [(sos, holder)];
            let undated = Doc {
                id: "b",
                day: None,
                text: talks,
                entities: &[],
                roles: &roles,
                links: &[],
            };
            c.add_batch(vec![incoming(&undated)]).placements[0].score
        };
        let (same, other) = (score_with("person:voss"), score_with("person:holt"));
        assert!(same > 0.0, "{same}");
        assert!(
            (other - same * Params::lexical().office_conflict).abs() < 1e-4,
            "{same} {other}"
        );
    }

    #[test]
    fn news_about_someone_else_weakens_the_match() {
        let obituary = "The former official who helped expose the Watergate scandal died at home on \
            Thursday, his family said; he was 95.";
        let person = crate::features::person_feature;
        let article = |id: &str, people: Vec<EntityFeature>| {
            let mut item = incoming(&Doc {
                id,
                day: Some(100),
                text: obituary,
                entities: &[],
                roles: &[],
                links: &[],
            });
            item.features.entities = people;
            item.features.entities.sort_by_key(|e| e.key);
            item
        };
        // The second article's score with and without the discount.
        let ratio = |first: Vec<EntityFeature>, second: Vec<EntityFeature>| {
            let score = |conflict: f32| {
                let mut c = Clusterer::new(Params {
                    protagonist_conflict: conflict,
                    ..Params::lexical()
                });
                c.add_batch(vec![article("a", first.clone())]);
                c.add_batch(vec![article("b", second.clone())]).placements[0].score
            };
            score(0.7) / score(1.0)
        };
        let felt = || vec![person("person:felt", 4.0), person("person:nixon", 1.0)];
        // Each about another person, named once at most by the other.
        let larue = vec![person("person:larue", 4.0), person("person:nixon", 1.0)];
        assert!((ratio(felt(), larue) - 0.7).abs() < 1e-4);
        // About the same person, or one the other names more than in
        // passing: no discount.
        assert!((ratio(felt(), felt()) - 1.0).abs() < 1e-4);
        // The same last name is the same person ("Felt", "Mark Felt").
        let mark_felt = vec![person("person:mark-felt", 4.0), person("person:nixon", 1.0)];
        assert!((ratio(felt(), mark_felt) - 1.0).abs() < 1e-4);
        let larue_on_felt = vec![person("person:larue", 4.0), person("person:felt", 2.0)];
        assert!((ratio(felt(), larue_on_felt) - 1.0).abs() < 1e-4);
        // Nobody stands out in the second: no discount.
        let crowd = vec![person("person:larue", 4.0), person("person:dean", 4.0)];
        assert!((ratio(felt(), crowd) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn an_article_that_clearly_joins_two_stories_merges_them_into_the_older() {
        let doc = |id, text| Doc {
            id,
            day: Some(100),
            text,
            entities: &[],
            roles: &[],
            links: &[],
        };
        let half = "Dock workers at the port of Velmora walked off the job over night shift pay.";
        let other_half = "Grain ships waited at anchor while harbour pilots counted the idle cranes.";
        let both = format!("{half} {other_half}");
        let run = |params: Params| {
            let mut c = Clusterer::new(params);
            let first = c.add_batch(vec![incoming(&doc("a", half)), incoming(&doc("b", other_half))]);
            let opened: Vec<bool> = first.placements.iter().map(|p| p.opened).collect();
            let out = c.add_batch(vec![incoming(&doc("c", &both))]);
            let b_now = c.story_of(&ArticleId::from_stored("b")).map(str::to_owned);
            (opened, out, b_now)
        };
        let (opened, out, b_now) = run(Params::lexical());
        assert_eq!(opened, [true, true], "two stories before the bridge");
        assert_eq!(out.placements[0].story, "s-a");
        assert_eq!(
            out.merges,
            [StoryMerge {
                from: "s-b".into(),
                into: "s-a".into(),
                from_thread: "t-b".into(),
                into_thread: "t-a".into(),
            }]
        );
        assert_eq!(b_now.as_deref(), Some("s-a"));
        assert_eq!(
            out.stories
                .iter()
                .map(|s| (s.id.as_str(), s.size))
                .collect::<Vec<_>>(),
            [("s-a", 3)]
        );
        // Never merging: the bridge joins one of them.
        let (_, out, b_now) = run(Params {
            merge_threshold: f32::INFINITY,
            ..Params::lexical()
        });
        assert!(out.merges.is_empty());
        assert_eq!(b_now.as_deref(), Some("s-b"));
    }

    #[test]
    fn restore_replays_to_the_same_decisions() {
        let e = velmora();
        let docs = [
            Doc {
                id: "a",
                day: Some(100),
                text: STRIKE,
                entities: &e,
                roles: &[],
                links: &[],
            },
            Doc {
                id: "b",
                day: Some(100),
                text: FLOOD,
                entities: &[],
                roles: &[],
                links: &[],
            },
        ];
        let mut c = Clusterer::new(Params::lexical());
        let out = c.add_batch(docs.iter().map(incoming).collect());
        let replays = out.placements.iter().zip(&docs).map(|(p, _)| {
            let d = docs.iter().find(|d| d.id == p.article.as_str()).expect("doc");
            Replay {
                incoming: incoming(d),
                story: p.story.clone(),
                thread: format!("t-{}", p.article),
                seq: p.seq,
                day: p.day,
                basis: p.basis,
                clock: p.clock,
            }
        });
        let mut restored =
            Clusterer::restore(Params::lexical(), replays.collect::<Vec<_>>(), Some(1), Some(100));
        let next = Doc {
            id: "c",
            day: Some(101),
            text: STRIKE2,
            entities: &e,
            roles: &[],
            links: &[],
        };
        let a = c.add_batch(vec![incoming(&next)]);
        let b = restored.add_batch(vec![incoming(&next)]);
        assert_eq!(a.placements, b.placements);
        assert_eq!(a.placements[0].story, "s-a");
        assert_eq!(a.placements[0].seq, 2);
    }

    #[test]
    fn candidates_are_ranked_by_shared_weight_not_by_shared_words() {
        // A long digest that mentions the strike among much else shares
        // more of the follow-up's words than the short report does, but
        // far less of its weight: with room for one candidate, the short
        // report is the one scored.
        let digest = format!(
            "{STRIKE2} {FLOOD} Markets in Orsk rallied as copper futures climbed; the central bank \
             kept rates on hold. A ferry to Kessel was cancelled because of storms, and the national \
             football team named a new coach before the autumn qualifiers. Teachers in Brava \
             marched for smaller classes while a museum in Lorin reopened its medieval wing."
        );
        let docs = [
            Doc {
                id: "report",
                day: Some(100),
                text: STRIKE,
                entities: &[],
                roles: &[],
                links: &[],
            },
            Doc {
                id: "digest",
                day: Some(100),
                text: &digest,
                entities: &[],
                roles: &[],
                links: &[],
            },
        ];
        let mut c = Clusterer::new(Params {
            max_candidates: 1,
            ..Params::lexical()
        });
        c.add_batch(docs.iter().map(incoming).collect());
        let follow_up = incoming(&Doc {
            id: "follow-up",
            day: Some(101),
            text: STRIKE2,
            entities: &[],
            roles: &[],
            links: &[],
        });
        let query = c.query(&follow_up, Some(101), Some(DateBasis::Published));
        let mut hits = Vec::new();
        let chosen = c.candidates(&query, &mut hits);
        let ids: Vec<&str> = chosen
            .iter()
            .filter_map(|&m| c.member(m))
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["report"]);
        assert!(hits.iter().all(|&h| h == 0.0), "the scratch sums are left at 0");
    }

    #[test]
    fn stories_quiet_for_longer_than_the_window_are_forgotten() {
        let e = velmora();
        let mut c = Clusterer::new(Params::lexical());
        let docs = [
            Doc {
                id: "a",
                day: Some(100),
                text: STRIKE,
                entities: &e,
                roles: &[],
                links: &[],
            },
            Doc {
                id: "b",
                day: Some(300),
                text: FLOOD,
                entities: &[],
                roles: &[],
                links: &[],
            },
        ];
        c.add_batch(docs.iter().map(incoming).collect());
        assert_eq!((c.active_stories(), c.active_articles()), (1, 1));
        assert_eq!(c.story_of(&ArticleId::from_stored("b")), Some("s-b"));
    }
}
