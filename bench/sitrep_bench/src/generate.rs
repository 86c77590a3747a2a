//! The syndication benchmark corpus: a deterministic stream of N articles
//! with planted copies, and its ground truth.
//!
//! Originals are the real texts first (interleaved through the stream),
//! then synthetic articles from a word-bigram chain trained on the real
//! texts (so they read like news vocabulary-wise but share no sentences;
//! where a word has a single successor the chain draws any word instead,
//! so rare phrases are not replayed verbatim).
//! About a third of the stream are copies of an article at most five days
//! older, each made by
//! one transformation: verbatim, re-headlined, trimmed, re-paragraphed,
//! boilerplate-wrapped (a header and footer with varying fill-ins), partial
//! (1–3 paragraphs pasted inside a new article) or lightly edited (word
//! changes in about a third of the sentences).
//!
//! Every sentence carries its provenance (the article that first printed
//! it, and its number there), so the truth is exact: two articles are a
//! pair when they share sentences of 12 or more words in total, and their
//! shared passages are those sentences' byte spans in each.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;

use crate::rng::Rng;
use crate::sources::BaseText;

/// A sentence and the (article, sentence number) that first printed it.
type Sentence = (String, Option<(u32, u32)>);

/// How a copy was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Not a copy.
    Original,
    /// The same text under another URL.
    Verbatim,
    /// The same text under a new headline.
    Reheadlined,
    /// The first paragraphs only.
    Trimmed,
    /// The same sentences, paragraphed differently.
    Reparagraphed,
    /// Wrapped in a publisher's header and footer.
    Boilerplate,
    /// A few paragraphs inside a different article.
    Partial,
    /// Word-level edits in some sentences.
    Edited,
}

const COPY_KINDS: [Kind; 7] = [
    Kind::Verbatim,
    Kind::Reheadlined,
    Kind::Trimmed,
    Kind::Reparagraphed,
    Kind::Boilerplate,
    Kind::Partial,
    Kind::Edited,
];

struct Doc {
    title: String,
    source: usize,
    day: i64,
    paragraphs: Vec<Vec<Sentence>>,
    kind: Kind,
    parent: Option<u32>,
}

/// Settings of one corpus.
pub struct Settings {
    /// Articles to write.
    pub n: usize,
    /// Random seed.
    pub seed: u64,
    /// Share of the stream that is copies.
    pub copy_rate: f64,
    /// Days the stream spans.
    pub span_days: i64,
}

/// A word-bigram chain over the real texts.
struct Chain {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
    /// Every word occurrence, to draw a word by its frequency.
    all: Vec<u32>,
}

impl Chain {
    fn train(bases: &[BaseText]) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts = Vec::new();
        let mut all = Vec::new();
        let mut intern = |w: &str, words: &mut Vec<String>, next: &mut Vec<Vec<u32>>| -> u32 {
            *ids.entry(w.to_owned()).or_insert_with(|| {
                words.push(w.to_owned());
                next.push(Vec::new());
                u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
            })
        };
        for s in bases.iter().flat_map(|b| b.paragraphs.iter().flatten()) {
            let mut prev: Option<u32> = None;
            // A "word" holding many words (a URL, a long hyphenated run) would
            // be replayed whole: leave such words out.
            let usable = |w: &&str| {
                w.split(|c: char| !c.is_alphanumeric())
                    .filter(|p| !p.is_empty())
                    .count()
                    <= 3
            };
            for w in s.split_whitespace().filter(usable) {
                let id = intern(w, &mut words, &mut next);
                all.push(id);
                match prev {
                    Some(p) => next[p as usize].push(id),
                    None => starts.push(id),
                }
                prev = Some(id);
            }
        }
        for n in &mut next {
            n.sort_unstable();
        }
        Self {
            words,
            next,
            starts,
            all,
        }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let mut out: Vec<&str> = Vec::new();
        let mut at = *rng.pick(&self.starts);
        loop {
            let w = &self.words[at as usize];
            out.push(w);
            let ends = w.ends_with(['.', '!', '?']);
            if (ends && out.len() >= 8) || out.len() >= 40 {
                break;
            }
            let options = &self.next[at as usize];
            if options.is_empty() || (ends && out.len() < 8 && rng.chance(0.5)) {
                at = *rng.pick(&self.starts);
                continue;
            }
            // A word with a single possible successor would replay its source
            // text verbatim: draw any word instead.
            at = if options.first() == options.last() {
                *rng.pick(&self.all)
            } else {
                *rng.pick(options)
            };
        }
        let mut s = out.join(" ");
        if !s.ends_with(['.', '!', '?']) {
            s.push('.');
        }
        s
    }
}

const FIRST: &[&str] = &[
    "Amina", "Boris", "Chen", "Dara", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemi", "Luca",
    "Maya", "Nico", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Yara",
    "Zeno",
];
const LAST: &[&str] = &[
    "Adeyemi",
    "Brandt",
    "Costa",
    "Dlamini",
    "Eriksen",
    "Fofana",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kamau",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahman",
    "Silva",
    "Tanaka",
];
const CITIES: &[&str] = &[
    "Nairobi", "Lagos", "Geneva", "Brussels", "Jakarta", "Lima", "Cairo", "Manila", "Warsaw", "Dakar",
    "Lisbon", "Accra", "Kyiv", "Quito", "Hanoi",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const ADJECTIVES: &[&str] = &[
    "daily", "weekly", "morning", "evening", "regional", "world", "business",
];

fn publisher(i: usize) -> String {
    format!(
        "{} {} Times",
        LAST[i % LAST.len()],
        CITIES[(i / LAST.len()) % CITIES.len()]
    )
}

/// A header and a footer in the publisher's style, with varying fill-ins.
/// They are the wrapping article's own text: whoever copies them copies
/// them from it.
fn boilerplate(rng: &mut Rng, publisher: &str, day: i64, id: u32) -> (Sentence, Sentence) {
    let header = format!(
        "{publisher} | {} edition | {} {}",
        rng.pick(ADJECTIVES),
        rng.pick(WEEKDAYS),
        sitrep_model::PublishedDate::from_days_since_epoch(day).map_or_else(String::new, |d| d.to_string())
    );
    let footer = format!(
        "Reporting by {} {} in {}; editing by {} {}. Sign up for the {} {} newsletter.",
        rng.pick(FIRST),
        rng.pick(LAST),
        rng.pick(CITIES),
        rng.pick(FIRST),
        rng.pick(LAST),
        publisher,
        rng.pick(ADJECTIVES)
    );
    ((header, Some((id, 0))), (footer, Some((id, 1))))
}

fn edit(sentence: &str, rng: &mut Rng, chain: &Chain) -> String {
    let mut words: Vec<String> = sentence.split_whitespace().map(str::to_owned).collect();
    if words.len() < 6 {
        return sentence.to_owned();
    }
    let at = rng.between(1, words.len() - 2);
    match rng.below(3) {
        0 => words[at] = rng.pick(&chain.words).clone(),
        1 => {
            words.remove(at);
        }
        _ => words.insert(at, rng.pick(&chain.words).clone()),
    }
    words.join(" ")
}

fn word_count(paragraphs: &[Vec<Sentence>]) -> usize {
    paragraphs
        .iter()
        .flatten()
        .map(|(s, _)| s.split_whitespace().count())
        .sum()
}

/// Build the stream in memory.
fn build(bases: &[BaseText], settings: &Settings) -> (Vec<Doc>, usize) {
    let mut rng = Rng::new(settings.seed);
    let chain = Chain::train(bases);
    let publishers = 200;
    let day0 = sitrep_model::PublishedDate::from_ymd(2024, 1, 1).map_or(0, |d| d.days_since_epoch());
    let mut docs: Vec<Doc> = Vec::with_capacity(settings.n);
    let mut copies_of: Vec<u32> = Vec::with_capacity(settings.n);
    let mut next_base = 0;
    let mut recent = 0;
    for i in 0..settings.n {
        let id = u32::try_from(i).unwrap_or(u32::MAX);
        let day = day0 + (i as i64 * settings.span_days) / settings.n.max(1) as i64;
        let source = rng.below(publishers);
        // Copies are of articles at most five days older (well inside the window).
        while docs.get(recent).is_some_and(|d: &Doc| d.day < day - 5) {
            recent += 1;
        }
        let copy = i > recent && rng.chance(settings.copy_rate);
        let parent = if copy {
            let candidate = rng.between(recent, i - 1);
            (copies_of[candidate] < 30).then_some(candidate)
        } else {
            None
        };
        copies_of.push(0);
        let Some(p) = parent else {
            let originals_left = ((settings.n - i) as f64 * (1.0 - settings.copy_rate)).max(1.0);
            let real =
                next_base < bases.len() && rng.chance((bases.len() - next_base) as f64 / originals_left);
            let shape: Vec<usize> = if real {
                next_base += 1;
                bases[next_base - 1].paragraphs.iter().map(Vec::len).collect()
            } else {
                rng.pick(bases).paragraphs.iter().map(Vec::len).collect()
            };
            let mut k = 0;
            let paragraphs: Vec<Vec<Sentence>> = shape
                .iter()
                .enumerate()
                .map(|(pi, &len)| {
                    (0..len)
                        .map(|si| {
                            let text = if real {
                                bases[next_base - 1].paragraphs[pi][si].clone()
                            } else {
                                chain.sentence(&mut rng)
                            };
                            k += 1;
                            (text, Some((id, k - 1)))
                        })
                        .collect()
                })
                .collect();
            let title = paragraphs
                .first()
                .and_then(|p| p.first())
                .map(|(s, _)| s.split_whitespace().take(9).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            docs.push(Doc {
                title,
                source,
                day,
                paragraphs,
                kind: Kind::Original,
                parent: None,
            });
            continue;
        };
        copies_of[p] += 1;
        let kind = *rng.pick(&COPY_KINDS);
        let src = &docs[p];
        let mut paragraphs = src.paragraphs.clone();
        let mut title = src.title.clone();
        let copy_day = src.day.max(day) + i64::try_from(rng.below(3)).unwrap_or(0);
        match kind {
            Kind::Original | Kind::Verbatim => {}
            Kind::Reheadlined => {
                title = chain
                    .sentence(&mut rng)
                    .split_whitespace()
                    .take(9)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            Kind::Trimmed => {
                if paragraphs.len() > 1 {
                    let keep = (paragraphs.len() * rng.between(40, 80)).div_ceil(100).max(1);
                    paragraphs.truncate(keep);
                } else if let Some(first) = paragraphs.first_mut() {
                    let keep = first.len().div_ceil(2).max(1);
                    first.truncate(keep);
                }
            }
            Kind::Reparagraphed => {
                let flat: Vec<Sentence> = paragraphs.into_iter().flatten().collect();
                paragraphs = Vec::new();
                let mut at = 0;
                while at < flat.len() {
                    let take = rng.between(1, 4).min(flat.len() - at);
                    paragraphs.push(flat[at..at + take].to_vec());
                    at += take;
                }
            }
            Kind::Boilerplate => {
                let (header, footer) = boilerplate(&mut rng, &publisher(source), copy_day, id);
                paragraphs.insert(0, vec![header]);
                paragraphs.push(vec![footer]);
            }
            Kind::Partial => {
                let n = paragraphs.len();
                let start = rng.below(n);
                let mut end = (start + rng.between(1, 3)).min(n);
                while end < n && word_count(&paragraphs[start..end]) < 25 {
                    end += 1;
                }
                let pasted: Vec<Vec<Sentence>> = paragraphs[start..end].to_vec();
                let host_len = rng.between(2, 5);
                let mut k = 0;
                let mut host: Vec<Vec<Sentence>> = (0..host_len)
                    .map(|_| {
                        (0..rng.between(2, 4))
                            .map(|_| {
                                k += 1;
                                (chain.sentence(&mut rng), Some((id, k - 1)))
                            })
                            .collect()
                    })
                    .collect();
                let at = rng.between(1, host.len());
                host.splice(at..at, pasted);
                title = host[0][0]
                    .0
                    .split_whitespace()
                    .take(9)
                    .collect::<Vec<_>>()
                    .join(" ");
                paragraphs = host;
            }
            Kind::Edited => {
                for (s, _) in paragraphs.iter_mut().flatten() {
                    if rng.chance(0.33) {
                        *s = edit(s, &mut rng, &chain);
                    }
                }
            }
        }
        docs.push(Doc {
            title,
            source,
            day: copy_day,
            paragraphs,
            kind,
            parent: Some(u32::try_from(p).unwrap_or(u32::MAX)),
        });
    }
    (docs, next_base)
}

/// One corpus line.
#[derive(Serialize)]
struct CorpusLine<'a> {
    id: String,
    title: &'a str,
    url: String,
    source: String,
    published: String,
    kind: Kind,
    text: String,
}

/// One truth line: a pair and the byte spans of what they share.
#[derive(Serialize)]
struct TruthLine {
    a: String,
    b: String,
    kind: &'static str,
    a_spans: Vec<(usize, usize)>,
    b_spans: Vec<(usize, usize)>,
}

/// Article id of stream position `i`.
pub fn article_id(i: usize) -> String {
    format!("a{i:07}")
}

/// A rendered sentence: byte start, byte end, provenance, words.
type Placed = (usize, usize, Option<(u32, u32)>, usize);

/// Byte spans each article of a pair has of what they share.
type Spans = Vec<(usize, usize)>;

/// Render a document's text; the byte span and provenance of every sentence.
fn render(doc: &Doc) -> (String, Vec<Placed>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if pi > 0 {
            text.push_str("\n\n");
        }
        for (si, (s, origin)) in p.iter().enumerate() {
            if si > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(s);
            spans.push((start, text.len(), *origin, s.split_whitespace().count()));
        }
    }
    (text, spans)
}

/// Stats of a written corpus.
pub struct Written {
    /// Articles.
    pub articles: usize,
    /// Of which real texts.
    pub real: usize,
    /// Copies by kind.
    pub copies: BTreeMap<&'static str, usize>,
    /// Truth pairs.
    pub pairs: usize,
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Original => "original",
        Kind::Verbatim => "verbatim",
        Kind::Reheadlined => "reheadlined",
        Kind::Trimmed => "trimmed",
        Kind::Reparagraphed => "reparagraphed",
        Kind::Boilerplate => "boilerplate",
        Kind::Partial => "partial",
        Kind::Edited => "edited",
    }
}

/// Generate the corpus and write `corpus` (JSON Lines) and `truth`.
pub fn write(
    bases: &[BaseText],
    settings: &Settings,
    corpus: &mut impl Write,
    truth: &mut impl Write,
) -> anyhow::Result<Written> {
    let (docs, real_originals) = build(bases, settings);
    // (origin article) -> [(doc, [(sentence number, span, words)])]
    type Occurrences = Vec<(u32, Vec<(u32, (usize, usize), usize)>)>;
    let mut by_origin: HashMap<u32, Occurrences> = HashMap::new();
    let mut copies: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let (text, spans) = render(doc);
        let d = u32::try_from(i).unwrap_or(u32::MAX);
        for (s, e, origin, words) in spans {
            if let Some((o, k)) = origin {
                let list = by_origin.entry(o).or_default();
                if list.last().is_none_or(|(last, _)| *last != d) {
                    list.push((d, Vec::new()));
                }
                if let Some((_, v)) = list.last_mut() {
                    v.push((k, (s, e), words));
                }
            }
        }
        if doc.kind != Kind::Original {
            *copies.entry(kind_name(doc.kind)).or_default() += 1;
        }
        let published = sitrep_model::PublishedDate::from_days_since_epoch(doc.day)
            .map_or_else(String::new, |p| p.to_string());
        serde_json::to_writer(
            &mut *corpus,
            &CorpusLine {
                id: article_id(i),
                title: &doc.title,
                url: format!(
                    "https://{}.test/{}",
                    publisher(doc.source).replace(' ', "-").to_lowercase(),
                    i
                ),
                source: publisher(doc.source),
                published,
                kind: doc.kind,
                text,
            },
        )?;
        corpus.write_all(b"\n")?;
    }
    // Pairs: shared sentences per origin, accumulated over origins.
    let mut pairs: BTreeMap<(u32, u32), (usize, Spans, Spans)> = BTreeMap::new();
    let mut origins: Vec<&u32> = by_origin.keys().collect();
    origins.sort_unstable();
    for o in origins {
        let list = &by_origin[o];
        for (x, (dx, sx)) in list.iter().enumerate() {
            for (dy, sy) in &list[x + 1..] {
                let mut words = 0;
                let mut ax = Vec::new();
                let mut by = Vec::new();
                for (k, span, w) in sx {
                    for (k2, span2, _) in sy {
                        if k == k2 {
                            words += w;
                            ax.push(*span);
                            by.push(*span2);
                        }
                    }
                }
                if words > 0 {
                    let entry = pairs.entry((*dx, *dy)).or_default();
                    entry.0 += words;
                    entry.1.extend(ax);
                    entry.2.extend(by);
                }
            }
        }
    }
    let mut written = 0;
    for ((a, b), (words, a_spans, b_spans)) in pairs {
        if words < 12 {
            continue;
        }
        let (da, db) = (&docs[a as usize], &docs[b as usize]);
        let kind = if db.parent == Some(a) {
            kind_name(db.kind)
        } else if da.parent == Some(b) {
            kind_name(da.kind)
        } else {
            "indirect"
        };
        serde_json::to_writer(
            &mut *truth,
            &TruthLine {
                a: article_id(a as usize),
                b: article_id(b as usize),
                kind,
                a_spans,
                b_spans,
            },
        )?;
        truth.write_all(b"\n")?;
        written += 1;
    }
    Ok(Written {
        articles: docs.len(),
        real: real_originals,
        copies,
        pairs: written,
    })
}
