//! Shared server state: a small pool of read connections, the injected
//! hooks, and caches of the views derived from the whole store.
//!
//! Why a pool of blocking connections: SQLite calls block, so each runs on
//! tokio's blocking threads; a semaphore admits as many as there are
//! connections, so a burst of requests queues instead of spawning a thread
//! each. (Running them in place with `block_in_place` measured no better.)
//! WAL mode lets the readers run while an ingest writes.
//! Whole-store views (the entity merge, the situation) are computed once
//! per store version ([`Store::latest_seq`]) and shared by every request.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use sitrep_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::hooks::{EntitySummary, Hooks, SituationDoc};

/// Read connections to one database file.
pub(crate) struct Pool {
    stores: Vec<Mutex<Store>>,
    permits: Semaphore,
}

impl Pool {
    /// Open `n` (at least one) connections to the database at `path`,
    /// creating it when missing.
    pub(crate) fn open(path: &Path, n: usize) -> Result<Self, StoreError> {
        let n = n.max(1);
        let mut stores = Vec::with_capacity(n);
        for _ in 0..n {
            let store = Store::open(path)?;
            store.map_for_reads()?;
            stores.push(Mutex::new(store));
        }
        Ok(Self {
            stores,
            permits: Semaphore::new(n),
        })
    }

    /// Run `f` on a free connection, on a blocking thread (a panic there
    /// becomes a 500 with an incident number).
    pub(crate) async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self.permits.acquire().await.map_err(|e| ApiError::internal(&e))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || f(&pool.free_store()))
            .await
            .map_err(|e| ApiError::internal(&e))?
    }

    /// A free connection: the caller holds a permit, so one is free; a
    /// panicked holder leaves its store usable (SQLite rolls back what it
    /// had open).
    fn free_store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.stores
            .iter()
            .find_map(|m| match m.try_lock() {
                Ok(g) => Some(g),
                Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            })
            .unwrap_or_else(|| self.stores[0].lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The entity merge's result with lookups by id.
pub(crate) struct EntityIndex {
    /// Entities, most mentioned first, then by id.
    pub(crate) list: Vec<EntitySummary>,
    by_id: BTreeMap<String, usize>,
}

impl EntityIndex {
    pub(crate) fn new(mut list: Vec<EntitySummary>) -> Self {
        list.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        let by_id = list
            .iter()
            .enumerate()
            .map(|(i, e)| (e.entity.id.as_str().to_owned(), i))
            .collect();
        Self { list, by_id }
    }

    pub(crate) fn get(&self, id: &str) -> Option<&EntitySummary> {
        self.by_id.get(id).and_then(|&i| self.list.get(i))
    }
}

/// A view of the whole store, cached on the store's version.
///
/// The hot path reads the version (one indexed query) and compares it
/// under a short lock; only a changed store takes the slow path, where one
/// request computes the view and the others wait for it.
pub(crate) struct Cached<T> {
    current: Mutex<Option<(i64, Arc<T>)>>,
    compute: tokio::sync::Mutex<()>,
}

impl<T: Send + Sync + 'static> Cached<T> {
    pub(crate) fn new() -> Self {
        Self {
            current: Mutex::new(None),
            compute: tokio::sync::Mutex::new(()),
        }
    }

    fn at(&self, version: i64) -> Option<Arc<T>> {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        current
            .as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, value)| Arc::clone(value))
    }

    /// The view for the store's current version, computing it with
    /// `compute` when the store changed.
    pub(crate) async fn get<F>(&self, pool: &Arc<Pool>, compute: F) -> Result<Arc<T>, ApiError>
    where
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let version = pool.run(|s| Ok(s.latest_seq()?)).await?;
        if let Some(value) = self.at(version) {
            return Ok(value);
        }
        let _computing = self.compute.lock().await;
        if let Some(value) = self.at(version) {
            return Ok(value);
        }
        let value = Arc::new(pool.run(compute).await?);
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Some((version, Arc::clone(&value)));
        Ok(value)
    }
}

/// Everything a handler can reach.
pub(crate) struct Inner {
    pub(crate) pool: Arc<Pool>,
    pub(crate) hooks: Arc<Hooks>,
    pub(crate) token: Option<String>,
    pub(crate) map: Option<Arc<[u8]>>,
    pub(crate) entities: Cached<EntityIndex>,
    pub(crate) situation: Cached<SituationView>,
    pub(crate) searches: Arc<Recent<(String, usize), SearchPage>>,
}

/// The situation with its threads and stories found by id.
pub(crate) struct SituationView {
    /// The document.
    pub(crate) doc: SituationDoc,
    /// Thread id → index in `doc.threads`.
    thread_at: std::collections::HashMap<String, usize>,
    /// Story id → index in `doc.stories`.
    story_at: std::collections::HashMap<String, usize>,
}

impl SituationView {
    pub(crate) fn new(doc: SituationDoc) -> Self {
        let mut thread_at = std::collections::HashMap::new();
        for (i, t) in doc.threads.iter().enumerate() {
            thread_at.entry(t.id.clone()).or_insert(i);
        }
        let mut story_at = std::collections::HashMap::new();
        for (i, s) in doc.stories.iter().enumerate() {
            story_at.entry(s.id.clone()).or_insert(i);
        }
        Self {
            doc,
            thread_at,
            story_at,
        }
    }

    /// The thread with this id.
    pub(crate) fn thread(&self, id: &str) -> Option<&crate::hooks::Thread> {
        self.thread_at.get(id).and_then(|&i| self.doc.threads.get(i))
    }

    /// The story with this id.
    pub(crate) fn story(&self, id: &str) -> Option<&crate::hooks::Story> {
        self.story_at.get(id).and_then(|&i| self.doc.stories.get(i))
    }
}

/// A search's answer as the route serves it.
pub(crate) type SearchPage = Arc<Vec<crate::routes::catalog::HitView>>;

/// The answers to the latest distinct requests, for one store version:
/// a store change empties it; beyond `capacity` keys the oldest answer is
/// dropped. Ranking a common word over 100k articles takes milliseconds
/// and analysts repeat their searches (the dashboard reloads them).
pub(crate) struct Recent<K, V> {
    capacity: usize,
    inner: Mutex<RecentInner<K, V>>,
}

struct RecentInner<K, V> {
    version: i64,
    answers: std::collections::HashMap<K, V>,
    order: std::collections::VecDeque<K>,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Recent<K, V> {
    /// An empty store of at most `capacity` answers.
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            inner: Mutex::new(RecentInner {
                version: i64::MIN,
                answers: std::collections::HashMap::new(),
                order: std::collections::VecDeque::new(),
            }),
        }
    }

    /// The answer to `key` at store `version`, when kept.
    pub(crate) fn get(&self, version: i64, key: &K) -> Option<V> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        (inner.version == version)
            .then(|| inner.answers.get(key).cloned())
            .flatten()
    }

    /// Keep `value` as the answer to `key` at store `version`.
    pub(crate) fn put(&self, version: i64, key: K, value: V) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.version != version {
            if inner.version > version {
                return;
            }
            inner.version = version;
            inner.answers.clear();
            inner.order.clear();
        }
        if inner.answers.insert(key.clone(), value).is_none() {
            inner.order.push_back(key);
        }
        while inner.order.len() > self.capacity {
            if let Some(old) = inner.order.pop_front() {
                inner.answers.remove(&old);
            }
        }
    }
}

/// The router's state.
pub(crate) type AppState = Arc<Inner>;

impl Inner {
    /// The entity index of the current store.
    pub(crate) async fn entity_index(&self) -> Result<Arc<EntityIndex>, ApiError> {
        let hooks = Arc::clone(&self.hooks);
        self.entities
            .get(&self.pool, move |s| {
                let records = s.annotations()?;
                Ok(EntityIndex::new(hooks.entities.merge(&records)))
            })
            .await
    }

    /// The stories, threads and timelines of the current store.
    pub(crate) async fn situation(&self) -> Result<Arc<SituationView>, ApiError> {
        let hooks = Arc::clone(&self.hooks);
        self.situation
            .get(&self.pool, move |s| {
                let doc = hooks.situation.load(s).map_err(|e| ApiError::internal(&e))?;
                Ok(SituationView::new(doc))
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::Recent;

    #[test]
    fn kept_answers_last_until_the_store_changes() {
        let kept: Recent<&str, u32> = Recent::new(2);
        kept.put(1, "goma", 10);
        assert_eq!(kept.get(1, &"goma"), Some(10));
        assert_eq!(
            kept.get(2, &"goma"),
            None,
            "a newer store must not see old answers"
        );
        kept.put(2, "bukavu", 20);
        assert_eq!(kept.get(2, &"goma"), None, "a store change empties it");
        kept.put(1, "goma", 11);
        assert_eq!(
            kept.get(1, &"goma"),
            None,
            "an answer from an older store is not kept"
        );
        assert_eq!(kept.get(2, &"bukavu"), Some(20));
    }

    #[test]
    fn the_oldest_answer_goes_first() {
        let kept: Recent<u32, u32> = Recent::new(2);
        for k in 0..3 {
            kept.put(5, k, k * 10);
        }
        assert_eq!(kept.get(5, &0), None);
        assert_eq!(kept.get(5, &1), Some(10));
        assert_eq!(kept.get(5, &2), Some(20));
    }
}
