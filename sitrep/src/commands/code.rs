//! `sitrep code --json`: codes the events of JSON Lines from standard
//! input (`{id, text, published?}`) and prints `{id, events: [...]}` per
//! line, in the `sitrep events --json` shape without `article`; nothing is
//! stored. This is how users code their own sentences or paragraphs, and
//! how the event evaluation (`bench/eval-events.sh`) drives sitrep.
//!
//! Each line is annotated like an ingested article (sentences, entities,
//! times against `published`, places; the resources of `ingest`, with the
//! same announced fallbacks) and then coded.

use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sitrep_model::{Article, ArticleId, PublishedBasis, PublishedDate};

use super::events::EventJson;

/// Longest input line accepted (bytes).
const MAX_LINE: u64 = 16 * 1024 * 1024;

#[derive(Debug, Deserialize)]
struct InputLine {
    #[serde(default)]
    id: Value,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

#[derive(Debug, Serialize)]
struct OutputLine<'a> {
    id: &'a Value,
    events: Vec<EventJson<'a>>,
}

/// A date as `sitrep code` accepts it: ISO 8601 (`2025-02-22`, with a
/// time or not) or compact (`20250222`, as PETRARCH records have it).
pub(crate) fn parse_published(s: &str) -> Option<PublishedDate> {
    let s = s.trim();
    if let Ok(d) = s.parse::<PublishedDate>() {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = s.get(..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return PublishedDate::from_ymd(y, m, d);
    }
    None
}

pub fn run(explain: bool) -> anyhow::Result<()> {
    let (resources, lexicon) = crate::resources::load_with_lexicon();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let n = std::io::Read::take(&mut input, MAX_LINE + 1).read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.len() as u64 > MAX_LINE && !buf.ends_with(b"\n") {
            eprintln!("rejected line {line_no}: longer than {MAX_LINE} bytes");
            let mut rest = Vec::new();
            input.read_until(b'\n', &mut rest)?;
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        let parsed: InputLine = match serde_json::from_str(line.trim()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("rejected line {line_no}: {e}");
                continue;
            }
        };
        let published = parsed.published.as_deref().and_then(parse_published);
        if parsed.published.is_some() && published.is_none() {
            eprintln!("line {line_no}: unreadable published date; relative dates stay unresolved");
        }
        let article = Article {
            id: ArticleId::from_content(None, &parsed.text),
            origin: format!("stdin:{line_no}"),
            url: None,
            title: None,
            text: parsed.text.clone(),
            published,
            published_basis: published.map(|_| PublishedBasis::Metadata),
            authors: Vec::new(),
            source: None,
            language: None,
        };
        let annotated = sitrep_annotate::annotate(&article, &resources, None);
        let events =
            sitrep_events::code_events(&article, &annotated.annotations, &annotated.entities, &lexicon);
        if explain {
            eprint!(
                "{}",
                sitrep_events::explain(&article, &annotated.annotations, &annotated.entities, &lexicon)
            );
        }
        let record = OutputLine {
            id: &parsed.id,
            events: events
                .iter()
                .map(|e| EventJson::new(None, e, &article.text))
                .collect(),
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_are_read_in_both_forms() {
        let check = |s: &str, expected: Option<&str>| {
            assert_eq!(
                parse_published(s).map(|d| d.to_string()).as_deref(),
                expected,
                "{s}"
            );
        };
        check("2025-02-22", Some("2025-02-22"));
        check("19950103", Some("1995-01-03"));
        check("19951399", None);
        check("soon", None);
    }
}
