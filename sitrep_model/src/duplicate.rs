//! Duplicate links: which stored article shares text with which, and the
//! passages they share.

use serde::{Deserialize, Serialize};

use crate::{ArticleId, Span};

/// A passage two articles share, seen from one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopiedPassage {
    /// Where it is in this article's text.
    pub span: Span,
    /// Where it is in the other article's text.
    pub other_span: Span,
    /// True when it is a quotation in both articles (a third party's words
    /// both cite), not text one took from the other.
    pub quote: bool,
    /// The article that printed it first: the earlier published, else the
    /// earlier stored.
    pub first: ArticleId,
}

impl CopiedPassage {
    /// The same passage seen from the other article.
    pub fn mirrored(&self) -> Self {
        Self {
            span: self.other_span,
            other_span: self.span,
            quote: self.quote,
            first: self.first.clone(),
        }
    }
}

/// A link from one article to another it shares passages with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateLink {
    /// The other article.
    pub other: ArticleId,
    /// Jaccard similarity of the two articles' word-shingle sets, 0–1.
    pub similarity: f64,
    /// What they share, in order of position in this article.
    pub passages: Vec<CopiedPassage>,
}
