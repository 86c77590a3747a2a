//! Content-derived article ids.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A stable article id: 16 lowercase hex digits of the SHA-256 of the
/// article's canonical URL (when known) and its clean text.
///
/// The same content ingested twice gets the same id, so re-ingesting adds
/// nothing; the same text published under two URLs gets two ids, so copies
/// stay visible as separate articles for the dedup stage to link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Derive the id from an article's URL and clean text.
    pub fn from_content(url: Option<&str>, text: &str) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(url.unwrap_or("").trim().as_bytes());
        hasher.update([0u8]);
        hasher.update(text.as_bytes());
        let digest = hasher.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Self(hex)
    }

    /// Wrap an id read back from the store or a user.
    pub fn from_stored(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_same_id() {
        let a = ArticleId::from_content(Some("https://x.test/a"), "Body text.");
        let b = ArticleId::from_content(Some("https://x.test/a"), "Body text.");
        assert_eq!(a, b);
        assert_eq!(a.as_str().len(), 16);
        assert!(a.as_str().chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn url_or_text_change_changes_id() {
        let base = ArticleId::from_content(Some("https://x.test/a"), "Body text.");
        assert_ne!(
            base,
            ArticleId::from_content(Some("https://x.test/b"), "Body text.")
        );
        assert_ne!(
            base,
            ArticleId::from_content(Some("https://x.test/a"), "Body text!")
        );
        assert_ne!(base, ArticleId::from_content(None, "Body text."));
    }
}
