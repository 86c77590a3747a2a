//! Scores predicted pairs (and their passages) against the ground truth.
//!
//! Pairs: precision, recall and F1 over unordered article pairs, and
//! recall by how the pair was made. Passages: byte-level precision, recall
//! and F1 over non-whitespace bytes, summed over every pair and both
//! articles of it (bytes of a wrongly predicted pair are all false
//! positives; bytes of a missed pair all false negatives).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::run::Prediction;

#[derive(Deserialize)]
struct Truth {
    a: String,
    b: String,
    kind: String,
    a_spans: Vec<(usize, usize)>,
    b_spans: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct Text {
    id: String,
    text: String,
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(tp: f64, predicted: f64, truth: f64) -> Self {
        let p = if predicted > 0.0 { tp / predicted } else { 0.0 };
        let r = if truth > 0.0 { tp / truth } else { 0.0 };
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Self { p, r, f1 }
    }
}

/// The scores.
pub struct Scores {
    /// Truth pairs.
    pub truth_pairs: usize,
    /// Predicted pairs.
    pub predicted_pairs: usize,
    /// Pair scores.
    pub pairs: Prf,
    /// Passage scores (`None` when the predictions carry no spans).
    pub passages: Option<Prf>,
    /// Recall by kind: (found, total).
    pub recall_by_kind: BTreeMap<String, (usize, usize)>,
}

fn key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

fn lines<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let mut out = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        out.push(serde_json::from_str(&line?)?);
    }
    Ok(out)
}

/// Merge intervals.
fn merged(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn solid(text: &str, (s, e): (usize, usize)) -> usize {
    text.as_bytes()
        .get(s..e.min(text.len()))
        .map_or(0, |b| b.iter().filter(|c| !c.is_ascii_whitespace()).count())
}

/// (intersection, predicted, truth) non-whitespace bytes of one side.
fn overlap(text: &str, pred: Vec<(usize, usize)>, truth: Vec<(usize, usize)>) -> (usize, usize, usize) {
    let (pred, truth) = (merged(pred), merged(truth));
    let p: usize = pred.iter().map(|&s| solid(text, s)).sum();
    let t: usize = truth.iter().map(|&s| solid(text, s)).sum();
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < pred.len() && j < truth.len() {
        let (s, e) = (pred[i].0.max(truth[j].0), pred[i].1.min(truth[j].1));
        if s < e {
            both += solid(text, (s, e));
        }
        if pred[i].1 < truth[j].1 { i += 1 } else { j += 1 }
    }
    (both, p, t)
}

/// Score `predictions` against `truth`; `corpus` gives the texts.
pub fn score(corpus: &Path, truth: &Path, predictions: &Path) -> anyhow::Result<Scores> {
    let truth: Vec<Truth> = lines(truth)?;
    let preds: Vec<Prediction> = lines(predictions)?;
    let truth_map: HashMap<(String, String), &Truth> = truth.iter().map(|t| (key(&t.a, &t.b), t)).collect();
    let mut pred_map: HashMap<(String, String), &Prediction> = HashMap::new();
    for p in &preds {
        pred_map.entry(key(&p.a, &p.b)).or_insert(p);
    }
    let tp = pred_map.keys().filter(|k| truth_map.contains_key(*k)).count();
    let mut recall_by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (k, t) in &truth_map {
        let entry = recall_by_kind.entry(t.kind.clone()).or_default();
        entry.1 += 1;
        if pred_map.contains_key(k) {
            entry.0 += 1;
        }
    }
    let pairs = Prf::new(tp as f64, pred_map.len() as f64, truth_map.len() as f64);
    let has_spans = preds.iter().any(|p| !p.a_spans.is_empty());
    let passages = if has_spans {
        let wanted: HashSet<&str> = truth
            .iter()
            .flat_map(|t| [t.a.as_str(), t.b.as_str()])
            .chain(preds.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]))
            .collect();
        let mut texts: HashMap<String, String> = HashMap::new();
        for line in std::io::BufReader::new(std::fs::File::open(corpus)?).lines() {
            let t: Text = serde_json::from_str(&line?)?;
            if wanted.contains(t.id.as_str()) {
                texts.insert(t.id, t.text);
            }
        }
        let (mut both, mut p, mut t) = (0usize, 0usize, 0usize);
        let keys: HashSet<&(String, String)> = truth_map.keys().chain(pred_map.keys()).collect();
        for k in keys {
            let (tr, pr) = (truth_map.get(k), pred_map.get(k));
            for side in 0..2 {
                let id = if side == 0 { &k.0 } else { &k.1 };
                let text = texts.get(id).map_or("", String::as_str);
                let spans_of = |a: &str, a_spans: &Vec<(usize, usize)>, b_spans: &Vec<(usize, usize)>| {
                    if a == id.as_str() {
                        a_spans.clone()
                    } else {
                        b_spans.clone()
                    }
                };
                let ps = pr
                    .map(|x| spans_of(&x.a, &x.a_spans, &x.b_spans))
                    .unwrap_or_default();
                let ts = tr
                    .map(|x| spans_of(&x.a, &x.a_spans, &x.b_spans))
                    .unwrap_or_default();
                let (b, pp, tt) = overlap(text, ps, ts);
                both += b;
                p += pp;
                t += tt;
            }
        }
        Some(Prf::new(both as f64, p as f64, t as f64))
    } else {
        None
    };
    Ok(Scores {
        truth_pairs: truth_map.len(),
        predicted_pairs: pred_map.len(),
        pairs,
        passages,
        recall_by_kind,
    })
}
