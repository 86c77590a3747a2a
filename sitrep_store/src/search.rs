//! Full-text search over stored articles with FTS5.

use rusqlite::{Connection, params};
use serde::Serialize;
use sitrep_model::ArticleId;

use crate::StoreError;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The matching article.
    pub article: ArticleId,
    /// Relevance (BM25, higher is better).
    pub score: f64,
    /// A short excerpt with matches in `[brackets]`.
    pub snippet: String,
}

/// Turn a user's query into a safe FTS5 query: words are matched as terms
/// (all must occur), `"quoted phrases"` as phrases, a trailing `*` as a
/// prefix, and `OR` between terms as a disjunction. FTS5 operators and
/// punctuation in the input never reach the engine unquoted, so no query
/// is a syntax error. `None` when nothing searchable remains.
pub fn fts_query(input: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('"') {
            let (phrase, tail) = after.split_once('"').unwrap_or((after, ""));
            let words = words(phrase);
            if !words.is_empty() {
                parts.push(format!("\"{}\"", words.join(" ")));
            }
            rest = tail;
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        if token == "OR" {
            if parts.last().is_some_and(|p| p != "OR") {
                parts.push("OR".into());
            }
            continue;
        }
        let prefix = token.ends_with('*');
        let token_words = words(token);
        for (i, word) in token_words.iter().enumerate() {
            let star = if prefix && i + 1 == token_words.len() {
                "*"
            } else {
                ""
            };
            parts.push(format!("\"{word}\"{star}"));
        }
    }
    while parts.last().is_some_and(|p| p == "OR") {
        parts.pop();
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn search(conn: &Connection, input: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
    let Some(query) = fts_query(input) else {
        return Ok(Vec::new());
    };
    // Rank every match, then make snippets (which re-read the text) only
    // for the best `limit`, one seek each: as one statement with a join,
    // SQLite's plan re-ranked far more rows.
    let best: Vec<(i64, f64)> = conn
        .prepare_cached(
            "SELECT rowid, -bm25(articles_fts, 3.0, 1.0) AS score
             FROM articles_fts WHERE articles_fts MATCH ?1
             ORDER BY score DESC, rowid LIMIT ?2",
        )?
        .query_map(params![query, i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut snippet = conn.prepare_cached(
        "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 16)
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2",
    )?;
    let mut hits = Vec::with_capacity(best.len());
    for (rowid, score) in best {
        let (id, text) = snippet.query_row(params![query, rowid], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        hits.push(SearchHit {
            article: ArticleId::from_stored(id),
            score,
            snippet: text,
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use crate::tests::article;

    #[test]
    fn queries_are_made_safe() {
        assert_eq!(fts_query("M23 Goma").as_deref(), Some("\"M23\" \"Goma\""));
        assert_eq!(
            fts_query("\"phone call\" Ruto").as_deref(),
            Some("\"phone call\" \"Ruto\"")
        );
        assert_eq!(fts_query("cease*").as_deref(), Some("\"cease\"*"));
        assert_eq!(
            fts_query("Goma OR Bukavu").as_deref(),
            Some("\"Goma\" OR \"Bukavu\"")
        );
        assert_eq!(fts_query("NEAR( AND ) ^ -").as_deref(), Some("\"NEAR\" \"AND\""));
        assert_eq!(fts_query("OR"), None);
        assert_eq!(fts_query("  \"  "), None);
    }

    #[test]
    fn search_ranks_and_snippets() {
        let mut store = Store::open_in_memory().expect("open");
        store
            .insert_articles(&[
                article(
                    "https://n.test/a",
                    "Ceasefire talks in Lusaka",
                    "Delegates discussed a ceasefire.",
                ),
                article(
                    "https://n.test/b",
                    "Harvest report",
                    "Maize prices fell; a ceasefire was not mentioned until the end.",
                ),
                article("https://n.test/c", "Weather", "Rain is expected."),
            ])
            .expect("insert");
        let hits = store.search("ceasefire", 10).expect("search");
        assert_eq!(hits.len(), 2);
        assert_eq!(
            hits[0].article,
            ArticleId::from_content(Some("https://n.test/a"), "Delegates discussed a ceasefire.")
        );
        assert!(hits[0].snippet.contains("[ceasefire]"), "{}", hits[0].snippet);
        assert!(
            store
                .search("\"unbalanced", 10)
                .expect("no syntax error")
                .is_empty()
        );
        assert!(
            store.search("Lusäka", 10).expect("search").len() == 1,
            "diacritics folded"
        );
    }
}
