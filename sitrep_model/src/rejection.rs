//! Typed reasons an input did not become an article.
//!
//! Bad input is data, not an error: sources and extraction return these,
//! the runner counts and reports them, and nothing stored is touched.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why one input was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum RejectReason {
    /// The input holds no bytes (or only whitespace).
    Empty,
    /// The input looks like binary data, not text or markup.
    BinaryContent {
        /// What gave it away.
        detail: String,
    },
    /// The bytes are not valid in any encoding sitrep accepts.
    UnsupportedEncoding {
        /// What was wrong.
        detail: String,
    },
    /// The input is larger than the configured cap.
    TooLarge {
        /// Size seen (at least), in bytes.
        bytes: u64,
        /// The cap, in bytes.
        limit: u64,
    },
    /// Decompression would exceed the configured cap (a gzip bomb or a
    /// very large archive).
    DecompressionLimit {
        /// The cap, in bytes.
        limit: u64,
    },
    /// A compressed stream is corrupt or cut short.
    CorruptCompression {
        /// What the decoder said.
        detail: String,
    },
    /// The container (JSON line, feed, WARC record) is malformed.
    Malformed {
        /// What was wrong.
        detail: String,
    },
    /// A feed or archive parsed but held nothing to ingest.
    NoItems {
        /// What was looked for.
        detail: String,
    },
    /// The input parsed but has no article text.
    NotAnArticle {
        /// What was missing.
        detail: String,
    },
    /// The article text is shorter than the configured minimum.
    TooShort {
        /// Words found.
        words: usize,
        /// Minimum words.
        minimum: usize,
    },
    /// The file could not be read.
    Unreadable {
        /// The operating system's message.
        detail: String,
    },
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty input"),
            Self::BinaryContent { detail } => write!(f, "binary content ({detail})"),
            Self::UnsupportedEncoding { detail } => write!(f, "unsupported encoding ({detail})"),
            Self::TooLarge { bytes, limit } => {
                write!(f, "too large ({bytes} bytes; the limit is {limit} bytes)")
            }
            Self::DecompressionLimit { limit } => {
                write!(f, "decompresses to more than the limit of {limit} bytes")
            }
            Self::CorruptCompression { detail } => write!(f, "corrupt compressed data ({detail})"),
            Self::Malformed { detail } => write!(f, "malformed ({detail})"),
            Self::NoItems { detail } => write!(f, "nothing to ingest ({detail})"),
            Self::NotAnArticle { detail } => write!(f, "not an article ({detail})"),
            Self::TooShort { words, minimum } => {
                write!(f, "too short ({words} words; the minimum is {minimum})")
            }
            Self::Unreadable { detail } => write!(f, "unreadable ({detail})"),
        }
    }
}

/// A rejected input: where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The input, as in [`Document::origin`](crate::Document::origin).
    pub origin: String,
    /// Why it was rejected.
    #[serde(flatten)]
    pub reason: RejectReason,
}

impl Rejection {
    /// A rejection of `origin` for `reason`.
    pub fn new(origin: impl Into<String>, reason: RejectReason) -> Self {
        Self {
            origin: origin.into(),
            reason,
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}
