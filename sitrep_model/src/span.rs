//! Byte spans into an article's clean text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's UTF-8 `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered slice of `text`, or `None` when the span is out of bounds
    /// or does not fall on character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "Félix spoke";
        assert_eq!(Span::new(0, 6).slice(text), Some("Félix"));
        assert_eq!(Span::new(0, 2).slice(text), None);
        assert_eq!(Span::new(5, 100).slice(text), None);
    }

    #[test]
    fn new_never_builds_a_negative_span() {
        let span = Span::new(7, 3);
        assert!(span.is_empty());
        assert_eq!(span.len(), 0);
    }
}
