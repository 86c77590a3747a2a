//! Story clustering by hand: re-run the clusterer over a database that
//! `sitrep ingest` filled (its stored features, cached vectors and dedup
//! links, in the original stream order and batches), with parameters
//! changed, and score BCubed against gold clusters — the quick loop for
//! measuring one choice at a time on ECB+ (`bench/eval-stories.sh` does
//! the full run through `sitrep` itself).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Context;
use sitrep_cluster::{Clusterer, Incoming, MODEL_NAME, Params, PassageLink, codec};
use sitrep_model::ArticleId;
use sitrep_store::Store;

/// BCubed precision, recall and F1 of `pred` against `gold` over the items of `gold`.
pub fn bcubed(pred: &BTreeMap<String, String>, gold: &BTreeMap<String, String>) -> (f64, f64, f64) {
    let mut pc: HashMap<&str, f64> = HashMap::new();
    let mut gc: HashMap<&str, f64> = HashMap::new();
    let mut both: HashMap<(&str, &str), f64> = HashMap::new();
    let items: Vec<(&str, &str)> = gold
        .iter()
        .filter_map(|(k, g)| Some((pred.get(k)?.as_str(), g.as_str())))
        .collect();
    for &(p, g) in &items {
        *pc.entry(p).or_default() += 1.0;
        *gc.entry(g).or_default() += 1.0;
        *both.entry((p, g)).or_default() += 1.0;
    }
    let n = items.len().max(1) as f64;
    let p = items.iter().map(|&(p, g)| both[&(p, g)] / pc[p]).sum::<f64>() / n;
    let r = items.iter().map(|&(p, g)| both[&(p, g)] / gc[g]).sum::<f64>() / n;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// The stream of a database: its articles in storage order with their
/// features, vectors and links to earlier articles.
pub fn load(db: &Path) -> anyhow::Result<Vec<(String, Incoming)>> {
    let store = Store::open_existing(db)?;
    let articles = store.articles()?;
    let order: HashMap<ArticleId, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let placed: HashMap<ArticleId, sitrep_store::StoredPlacement> = store
        .cluster_active(None, MODEL_NAME)?
        .into_iter()
        .map(|p| (p.placement.article.clone(), p))
        .collect();
    let view = store.dedup_view()?;
    // Articles are named by url (the gold's key), or by id when asked.
    let by_id = std::env::var_os("STORIES_BY_ID").is_some();
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(p) = placed.get(&a.id) else { continue };
        // Features are recomputed (not read back) so that changes to them
        // can be measured without ingesting again.
        let record = store.annotation(&a.id)?.context("annotations")?;
        let features = sitrep_cluster::features(sitrep_cluster::ArticleView {
            article: a,
            annotations: &record.annotations,
            entities: &record.entities,
        });
        let vector = p.vector.as_deref().map(codec::decode_vector).transpose()?;
        let links = view
            .links
            .get(&a.id)
            .map(|ls| {
                ls.iter()
                    .filter(|l| order.get(&l.other).is_some_and(|&j| j < i))
                    .map(|l| PassageLink {
                        other: l.other.clone(),
                        quotes_only: l.passages.iter().all(|p| p.quote),
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push((
            match &a.url {
                Some(url) if !by_id => url.clone(),
                _ => a.id.to_string(),
            },
            Incoming {
                id: a.id.clone(),
                features,
                vector,
                links,
            },
        ));
    }
    Ok(out)
}

/// Apply `key=value` overrides to `params`.
pub fn apply(mut params: Params, overrides: &str) -> anyhow::Result<Params> {
    // ECB+ spans 2004-2013 in shuffled order: keep every story open, as
    // bench/eval-stories.sh does.
    params.window_days = 100_000;
    for kv in overrides.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').context("overrides are key=value")?;
        let x: f32 = v.parse().with_context(|| kv.to_string())?;
        match k {
            "lexical" => params.weights.lexical = x,
            "entities" => params.weights.entities = x,
            "embedding" => params.weights.embedding = x,
            "passages" => params.weights.passages = x,
            "names" => params.weights.names = x,
            "threshold" => params.threshold = x,
            "merge" => params.merge_threshold = x,
            "grace" => params.grace_days = x,
            "tau" => params.tau_days = x,
            "undated" => params.undated = x,
            "mean" => params.mean_share = x,
            "office" => params.office_conflict = x,
            "window" => params.window_days = x as i64,
            "candidates" => params.max_candidates = x as usize,
            "index_terms" => params.index_terms = x as usize,
            "postings" => params.max_postings = x as usize,
            "thread_lexical" => params.thread_weights.lexical = x,
            "thread_entities" => params.thread_weights.entities = x,
            "thread_embedding" => params.thread_weights.embedding = x,
            "thread_names" => params.thread_weights.names = x,
            "thread_threshold" => params.thread_threshold = x,
            "thread_grace" => params.thread_grace_days = x,
            "thread_tau" => params.thread_tau_days = x,
            _ => anyhow::bail!("unknown parameter {k}"),
        }
    }
    Ok(params)
}

/// Story and thread labels per url after clustering `stream` in batches of `batch`.
pub fn run(
    stream: &[(String, Incoming)],
    params: Params,
    embeddings: bool,
    batch: usize,
) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut c = Clusterer::new(params);
    // Recorded as placed (stories closed by the window are gone from the
    // clusterer by the end), with later merges applied.
    let mut story_of: BTreeMap<String, String> = BTreeMap::new();
    let mut merged_into: HashMap<String, String> = HashMap::new();
    let mut thread_of_story: BTreeMap<String, String> = BTreeMap::new();
    let url_of: HashMap<&ArticleId, &String> = stream.iter().map(|(u, i)| (&i.id, u)).collect();
    for chunk in stream.chunks(batch.max(1)) {
        let items: Vec<Incoming> = chunk
            .iter()
            .map(|(_, i)| Incoming {
                vector: if embeddings { i.vector.clone() } else { None },
                ..i.clone()
            })
            .collect();
        let out = c.add_batch(items);
        for m in &out.merges {
            merged_into.insert(m.from.clone(), m.into.clone());
            for t in thread_of_story.values_mut() {
                if *t == m.from_thread {
                    t.clone_from(&m.into_thread);
                }
            }
        }
        for s in out.stories {
            thread_of_story.insert(s.id, s.thread);
        }
        for p in out.placements {
            if let Some(u) = url_of.get(&p.article) {
                story_of.insert((*u).clone(), p.story);
            }
        }
    }
    let resolve = |s: &String| {
        let mut s = s.clone();
        while let Some(next) = merged_into.get(&s) {
            s.clone_from(next);
        }
        s
    };
    let story: BTreeMap<String, String> = story_of.iter().map(|(u, s)| (u.clone(), resolve(s))).collect();
    let thread = story
        .iter()
        .map(|(u, s)| (u.clone(), thread_of_story.get(s).cloned().unwrap_or_default()))
        .collect();
    (story, thread)
}

/// Gold story and thread per url from a `url<TAB>thread<TAB>story` file.
pub fn gold(path: &Path) -> anyhow::Result<(BTreeMap<String, String>, BTreeMap<String, String>)> {
    let text = std::fs::read_to_string(path)?;
    let (mut s, mut t) = (BTreeMap::new(), BTreeMap::new());
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if let [url, thread, story] = f[..] {
            s.insert(url.to_owned(), story.to_owned());
            t.insert(url.to_owned(), thread.to_owned());
        }
    }
    Ok((s, t))
}

/// Print the predicted stories that mix gold stories, with each member's
/// gold label and title (to see what confuses the clusterer).
pub fn confusions(
    stream: &[(String, Incoming)],
    pred: &BTreeMap<String, String>,
    gold: &BTreeMap<String, String>,
) -> String {
    let mut by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (u, s) in pred {
        by.entry(s.as_str()).or_default().push(u.as_str());
    }
    let titles: HashMap<&str, &str> = stream
        .iter()
        .map(|(u, i)| (u.as_str(), i.features.title.as_str()))
        .collect();
    let mut out = String::new();
    for (s, urls) in by {
        let labels: std::collections::BTreeSet<&str> = urls
            .iter()
            .filter_map(|u| gold.get(*u).map(String::as_str))
            .collect();
        if labels.len() < 2 {
            continue;
        }
        out.push_str(&format!("== {s}\n"));
        for u in urls {
            out.push_str(&format!(
                "  {:<14} {}\n",
                gold.get(u).map_or("?", String::as_str),
                titles
                    .get(u)
                    .copied()
                    .unwrap_or("")
                    .chars()
                    .take(100)
                    .collect::<String>()
            ));
        }
    }
    out
}

/// One line of a generated corpus.
#[derive(serde::Deserialize)]
struct CorpusLine {
    id: String,
    title: Option<String>,
    published: Option<String>,
    text: String,
}

/// What a throughput run measured.
pub struct Throughput {
    /// Articles clustered.
    pub articles: usize,
    /// Seconds computing features (and embeddings, when asked).
    pub prepare_seconds: f64,
    /// Seconds in the clusterer.
    pub cluster_seconds: f64,
    /// Stories opened.
    pub stories: usize,
}

/// Cluster the first `n` articles of a generated corpus in ingest-sized
/// batches: features (and embeddings when `embedder` is given) computed
/// from the text alone (no annotation: this measures the clustering
/// stage), then the clusterer. The sentence is the headline and lead, as
/// in `sitrep ingest`.
pub fn throughput(
    corpus: &Path,
    n: usize,
    embedder: Option<&sitrep_cluster::embed::Embedder>,
) -> anyhow::Result<Throughput> {
    use std::io::BufRead;
    let file = std::io::BufReader::new(std::fs::File::open(corpus)?);
    let params = if embedder.is_some() {
        Params::with_embeddings()
    } else {
        Params::lexical()
    };
    let mut c = Clusterer::new(params);
    let empty = sitrep_model::Annotations::default();
    let (mut prepare, mut cluster, mut articles, mut stories) = (0.0, 0.0, 0usize, 0usize);
    let mut batch = Vec::with_capacity(64);
    let mut lines = file.lines();
    loop {
        let line = lines.next().transpose()?;
        if let Some(line) = &line
            && articles + batch.len() < n
        {
            let l: CorpusLine = serde_json::from_str(line).context("corpus line")?;
            let started = std::time::Instant::now();
            let article = sitrep_model::Article {
                id: ArticleId::from_stored(l.id),
                origin: String::new(),
                url: None,
                title: l.title,
                published: l.published.as_deref().and_then(|p| p.parse().ok()),
                published_basis: Some(sitrep_model::PublishedBasis::Metadata),
                text: l.text,
                authors: Vec::new(),
                source: None,
                language: Some("en".into()),
            };
            let features = sitrep_cluster::features(sitrep_cluster::ArticleView {
                article: &article,
                annotations: &empty,
                entities: &[],
            });
            let vector = match embedder {
                Some(e) => Some(e.embed(&sitrep_cluster::embedding_text(&article, &empty))?),
                None => None,
            };
            prepare += started.elapsed().as_secs_f64();
            batch.push(Incoming {
                id: article.id,
                features,
                vector,
                links: Vec::new(),
            });
            if batch.len() < 64 {
                continue;
            }
        }
        if batch.is_empty() {
            break;
        }
        let started = std::time::Instant::now();
        let k = batch.len();
        let out = c.add_batch(std::mem::take(&mut batch));
        cluster += started.elapsed().as_secs_f64();
        stories += out.placements.iter().filter(|p| p.opened).count();
        articles += k;
        if line.is_none() || articles >= n {
            break;
        }
    }
    Ok(Throughput {
        articles,
        prepare_seconds: prepare,
        cluster_seconds: cluster,
        stories,
    })
}
