//! Articles: clean text plus metadata, the output of extraction.

use serde::{Deserialize, Serialize};

use crate::{ArticleId, PublishedDate};

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedBasis {
    /// From markup, the container, or a dateline.
    Metadata,
    /// From the body text.
    Text,
    /// From other articles or context.
    Inferred,
}

impl PublishedBasis {
    /// The lowercase name used in JSON and in the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Metadata => "metadata",
            Self::Text => "text",
            Self::Inferred => "inferred",
        }
    }

    /// Parse the lowercase name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "metadata" => Some(Self::Metadata),
            "text" => Some(Self::Text),
            "inferred" => Some(Self::Inferred),
            _ => None,
        }
    }
}

/// A document after extraction: clean body text and metadata.
///
/// Serialises to the `sitrep extract --json` shape of DESIGN.md (plus `id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Content-derived id.
    pub id: ArticleId,
    /// Where the document came from.
    pub origin: String,
    /// URL of the page, when known.
    pub url: Option<String>,
    /// Headline, when one was found.
    pub title: Option<String>,
    /// Clean body text: paragraphs separated by a blank line. Every span of
    /// later stages is a byte range into this string.
    pub text: String,
    /// Publication date, when stated.
    pub published: Option<PublishedDate>,
    /// Where `published` came from; `None` exactly when `published` is.
    pub published_basis: Option<PublishedBasis>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publisher, site name or domain.
    pub source: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
}
