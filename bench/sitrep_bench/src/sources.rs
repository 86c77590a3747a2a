//! Real article texts from `../shared/data` (read, never copied into the
//! project): ECB+ news articles, the geoparsing corpora (LGL, TR-News,
//! GeoVirus) and the extraction-dev human article bodies. Each becomes a
//! list of paragraphs of sentences. Texts that share any run of eight words
//! with an earlier one (ECB+ articles on one event often quote the same
//! people) are dropped, so the only copies in the generated corpus are the
//! planted ones.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::Path;

use anyhow::Context;
use regex::Regex;

/// A real article split into paragraphs of sentences.
#[derive(Debug, Clone)]
pub struct BaseText {
    /// Paragraphs, each a list of sentences.
    pub paragraphs: Vec<Vec<String>>,
}

impl BaseText {
    fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .flatten()
            .map(|s| s.split_whitespace().count())
            .sum()
    }
}

/// Load every usable text under `data` (the shared data folder).
pub fn load(data: &Path) -> anyhow::Result<Vec<BaseText>> {
    let mut raw: Vec<(String, String)> = Vec::new();
    ecbplus(&data.join("ecbplus/ECB+"), &mut raw)?;
    for file in ["lgl.xml", "TR-News.xml", "GeoVirus.xml"] {
        gritta(&data.join("geoparsing-gritta").join(file), &mut raw)?;
    }
    extraction_dev(&data.join("extraction-dev/ground-truth.json"), &mut raw)?;
    let mut seen: HashSet<u64> = HashSet::new();
    let mut out = Vec::new();
    for (_, text) in raw {
        let base = split(&text);
        if base.words() < 60 {
            continue;
        }
        let words: Vec<String> = base
            .paragraphs
            .iter()
            .flatten()
            .flat_map(|s| normalise(s).split(' ').map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        let keys: Vec<u64> = words
            .windows(8)
            .map(|w| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect();
        if keys.iter().any(|k| seen.contains(k)) {
            continue;
        }
        seen.extend(keys);
        out.push(base);
    }
    Ok(out)
}

/// Lower-cased alphanumeric words joined by single spaces.
pub fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Paragraphs from lines (or groups of three sentences when the text has
/// no line breaks), sentences by sitrep_dedup's splitter.
fn split(text: &str) -> BaseText {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let sentences_of = |t: &str| -> Vec<String> {
        sitrep_dedup::sentences(t)
            .into_iter()
            .map(|(s, e)| t[s..e].to_owned())
            .filter(|s| s.split_whitespace().count() >= 3)
            .collect()
    };
    let paragraphs = if lines.len() >= 3 {
        lines
            .iter()
            .map(|l| sentences_of(l))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        sentences_of(text).chunks(3).map(<[String]>::to_vec).collect()
    };
    BaseText { paragraphs }
}

fn ecbplus(dir: &Path, out: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    let token = Regex::new(r#"<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>"#)?;
    let mut files = Vec::new();
    for topic in std::fs::read_dir(dir)? {
        let topic = topic?.path();
        if topic.is_dir() {
            for f in std::fs::read_dir(&topic)? {
                let f = f?.path();
                if f.extension().is_some_and(|e| e == "xml") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    for f in files {
        let xml = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let mut text = String::new();
        let mut sentence = None;
        for cap in token.captures_iter(&xml) {
            let (s, word) = (&cap[1], unescape(&cap[2]));
            if sentence.is_some_and(|prev: &str| prev != s) {
                text.push('\n');
            } else if !text.is_empty() && !no_space_before(&word) && !text.ends_with(['(', '$', '\n']) {
                text.push(' ');
            }
            sentence = Some(cap.get(1).map_or("", |m| m.as_str()));
            text.push_str(match word.as_str() {
                "``" | "''" => "\"",
                w => w,
            });
        }
        // ECB+ has no paragraphs; sentences were put on lines: join them.
        out.push((f.display().to_string(), text.replace('\n', " ")));
    }
    Ok(())
}

fn no_space_before(word: &str) -> bool {
    matches!(
        word,
        "." | ","
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "%"
            | "'s"
            | "n't"
            | "'"
            | "''"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
    )
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn gritta(file: &Path, out: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    let Ok(xml) = std::fs::read_to_string(file) else {
        return Ok(());
    };
    let article = Regex::new(r"(?s)<article\b.*?</article>")?;
    let text = Regex::new(r"(?s)<text>(.*?)</text>")?;
    let source = Regex::new(r"(?s)<source>(.*?)</source>")?;
    // GeoVirus splits one WikiNews story into several entries with the same source.
    let mut last_source: Option<String> = None;
    for (i, a) in article.find_iter(&xml).enumerate() {
        let a = a.as_str();
        let Some(t) = text.captures(a) else { continue };
        let body = t[1].trim();
        let body = body
            .strip_prefix("<![CDATA[")
            .and_then(|b| b.strip_suffix("]]>"))
            .map_or_else(|| unescape(body), str::to_owned);
        let src = source.captures(a).map(|c| c[1].trim().to_owned());
        if src.is_some()
            && src == last_source
            && let Some((_, prev)) = out.last_mut()
        {
            prev.push('\n');
            prev.push_str(&body);
            continue;
        }
        last_source = src;
        out.push((format!("{}#{i}", file.display()), body));
    }
    Ok(())
}

fn extraction_dev(file: &Path, out: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    let Ok(json) = std::fs::read_to_string(file) else {
        return Ok(());
    };
    let pages: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json)?;
    let mut keys: Vec<&String> = pages.keys().collect();
    keys.sort();
    for k in keys {
        if let Some(body) = pages[k]["articleBody"].as_str() {
            out.push((format!("extraction-dev#{k}"), body.to_owned()));
        }
    }
    Ok(())
}
