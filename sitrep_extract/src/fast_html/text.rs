//! Text of a subtree: raw (`textContent`), its length with whitespace runs
//! counted once, and formatted the way a reader sees it (block elements
//! separated by blank lines, `<br>`, `<li>` and `<tr>` ending a line,
//! whitespace collapsed). All walks are iterative.

use super::{Node, Tag};

impl<'a> Node<'a> {
    /// Every text node under this node (and the node itself when it is
    /// text), concatenated.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    /// Append [`Node::text`] to `out`.
    pub fn push_text(&self, out: &mut String) {
        if self.is_text() {
            out.push_str(self.text_str());
            return;
        }
        for d in self.descendants() {
            if d.is_text() {
                out.push_str(d.text_str());
            }
        }
    }

    /// True when some text under this node is not whitespace.
    pub fn has_visible_text(&self) -> bool {
        if self.is_text() {
            return self.summary().visible;
        }
        self.descendants().any(|d| d.is_text() && d.summary().visible)
    }

    /// Characters of [`Node::text`] once whitespace runs are collapsed to one
    /// space and the ends trimmed.
    pub fn normalized_char_count(&self) -> usize {
        if self.is_text() {
            return self.summary().normalized();
        }
        self.descendants()
            .filter(|d| d.is_text())
            .fold(TextSummary::EMPTY, |acc, d| acc.then(d.summary()))
            .normalized()
    }

    /// The whitespace summary of this node's text (computed once for a
    /// text node and cached; composed from the children for others).
    pub fn text_summary(&self) -> TextSummary {
        if self.is_text() {
            return self.summary();
        }
        self.descendants()
            .filter(|d| d.is_text())
            .fold(TextSummary::EMPTY, |acc, d| acc.then(d.summary()))
    }

    /// The whitespace summary of a text node, computed once.
    fn summary(&self) -> TextSummary {
        let Some(data) = self.data() else {
            return TextSummary::EMPTY;
        };
        let packed = data.summary.get();
        if packed != 0 {
            return TextSummary::unpack(packed);
        }
        let summary = TextSummary::of(self.text_str());
        data.summary.set(summary.pack());
        summary
    }

    /// The text a reader sees: blocks separated by a blank line, `<br>`,
    /// `<hr>`, `<li>` and `<tr>` ending a line, cells separated by a space,
    /// `<pre>` kept as is and all other whitespace collapsed.
    pub fn formatted_text(&self) -> String {
        let mut out = String::new();
        let mut ops: Vec<Op<'a>> = vec![Op::Open(*self)];
        let mut children: Vec<Node<'a>> = Vec::new();
        while let Some(op) = ops.pop() {
            match op {
                Op::Open(node) => {
                    if node.is_text() {
                        push_normalized(&mut out, node.text_str());
                        continue;
                    }
                    let Some(tag) = node.tag() else { continue };
                    if !(out.is_empty() || out.ends_with("\n\n")) && needs_blank_line(tag) {
                        out.push('\n');
                    }
                    ops.push(Op::Close(tag));
                    if tag == Tag::Pre {
                        node.push_text(&mut out);
                        continue;
                    }
                    children.clear();
                    children.extend(node.children());
                    ops.extend(children.iter().rev().map(|&c| Op::Open(c)));
                }
                Op::Close(tag) => close(&mut out, tag),
            }
        }
        out
    }
}

enum Op<'a> {
    Open(Node<'a>),
    Close(Tag),
}

fn needs_blank_line(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Article | Blockquote | Section | Div | P | Pre | H1 | H2 | H3 | H4 | H5 | H6 | Ul | Ol | Dl | Table
    )
}

fn push_normalized(out: &mut String, text: &str) {
    let follows_break = out.is_empty() || out.ends_with(['\n', ' ']);
    let leading = !follows_break && text.starts_with(char::is_whitespace);
    let trailing = text.ends_with(char::is_whitespace);
    let mut any = false;
    for word in words(text) {
        if any || leading {
            out.push(' ');
        }
        out.push_str(word);
        any = true;
    }
    if !any && follows_break {
        return;
    }
    if trailing && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

/// The words of `text` between whitespace (`split_whitespace`, reading
/// bytes: only the lead bytes of non-ASCII whitespace are decoded).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // skip whitespace
        loop {
            let b = *bytes.get(i)?;
            match BYTE_KIND[b as usize] {
                ASCII_SPACE => i += 1,
                MAYBE_SPACE if unicode_space_at(bytes, i) => i += utf8_len(b),
                _ => break,
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            match BYTE_KIND[b as usize] {
                ASCII_SPACE => break,
                MAYBE_SPACE if unicode_space_at(bytes, i) => break,
                _ => i += 1,
            }
        }
        text.get(start..i)
    })
}

/// [`words`], collected (for tests).
#[cfg(test)]
pub(super) fn words_of(text: &str) -> Vec<&str> {
    words(text).collect()
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

fn trim_trailing_spaces(out: &mut String) {
    let len = out.trim_end_matches(' ').len();
    out.truncate(len);
}

fn close(out: &mut String, tag: Tag) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if needs_blank_line(tag) {
        trim_trailing_spaces(out);
        out.push_str("\n\n");
    } else if matches!(tag, Tag::Br | Tag::Hr | Tag::Li | Tag::Tr) {
        trim_trailing_spaces(out);
        out.push('\n');
    } else if matches!(tag, Tag::Td | Tag::Th) && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

const OTHER: u8 = 0;
const ASCII_SPACE: u8 = 1;
const CONTINUATION: u8 = 2;
const MAYBE_SPACE: u8 = 3;

/// What each byte of UTF-8 text is, for [`TextSummary::of`].
static BYTE_KIND: [u8; 256] = {
    let mut t = [OTHER; 256];
    let spaces = [b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C];
    let mut i = 0;
    while i < spaces.len() {
        t[spaces[i] as usize] = ASCII_SPACE;
        i += 1;
    }
    let mut b = 0x80;
    while b < 0xC0 {
        t[b] = CONTINUATION;
        b += 1;
    }
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};

/// The character starting at `bytes[i]` (a lead byte) is whitespace.
fn unicode_space_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes.get(i) {
        Some(0xC2) => matches!(next(1), 0x85 | 0xA0),
        Some(0xE1) => (next(1), next(2)) == (0x9A, 0x80),
        Some(0xE2) => matches!(
            (next(1), next(2)),
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
        ),
        Some(0xE3) => (next(1), next(2)) == (0x80, 0x80),
        _ => false,
    }
}

/// What the normalized length of a text needs to be combined with its
/// neighbours': its length with whitespace runs counted once, whether it
/// starts or ends with whitespace, and whether it has any other character.
/// Summaries of consecutive texts combine with [`TextSummary::then`], so the
/// length of a subtree's text can be built from its children's.
#[derive(Clone, Copy, Debug)]
pub struct TextSummary {
    collapsed: u32,
    starts_space: bool,
    ends_space: bool,
    empty: bool,
    visible: bool,
}

impl Default for TextSummary {
    fn default() -> Self {
        TextSummary::EMPTY
    }
}

impl TextSummary {
    /// The summary of no text.
    pub const EMPTY: TextSummary = TextSummary {
        collapsed: 0,
        starts_space: false,
        ends_space: false,
        empty: true,
        visible: false,
    };

    /// Reads bytes rather than decoding characters: a table says whether
    /// a byte is ASCII whitespace, another ASCII byte, a continuation byte
    /// (not a character of its own) or a lead byte; only the lead bytes of
    /// the non-ASCII whitespace characters (U+0085, U+00A0, U+1680,
    /// U+2000–U+205F, U+3000) are looked at further.
    fn of(text: &str) -> TextSummary {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Self::of_ascii(bytes);
        }
        let mut s = TextSummary {
            empty: bytes.is_empty(),
            ..TextSummary::EMPTY
        };
        let mut last_space = false;
        let mut first = true;
        for (i, &b) in bytes.iter().enumerate() {
            let space = match BYTE_KIND[b as usize] {
                CONTINUATION => continue,
                ASCII_SPACE => true,
                MAYBE_SPACE => unicode_space_at(bytes, i),
                _ => false,
            };
            if first {
                s.starts_space = space;
                first = false;
            }
            s.collapsed += u32::from(!(space && last_space));
            s.visible |= !space;
            last_space = space;
        }
        s.ends_space = last_space;
        s
    }

    /// [`TextSummary::of`] for ASCII text: its length less the spaces that
    /// follow a space.
    fn of_ascii(bytes: &[u8]) -> TextSummary {
        let space = |b: u8| (b == b' ') | (b.wrapping_sub(0x09) < 5);
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return TextSummary::EMPTY;
        };
        let doubled: usize = bytes
            .iter()
            .zip(bytes.iter().skip(1))
            .map(|(&a, &b)| usize::from(space(a) & space(b)))
            .sum();
        TextSummary {
            collapsed: (bytes.len() - doubled) as u32,
            starts_space: space(first),
            ends_space: space(last),
            empty: false,
            visible: !bytes.iter().all(|&b| space(b)),
        }
    }

    fn pack(self) -> u64 {
        u64::from(self.collapsed)
            | u64::from(self.starts_space) << 32
            | u64::from(self.ends_space) << 33
            | u64::from(self.empty) << 34
            | u64::from(self.visible) << 35
            | 1 << 63
    }

    fn unpack(packed: u64) -> TextSummary {
        TextSummary {
            collapsed: packed as u32,
            starts_space: packed & (1 << 32) != 0,
            ends_space: packed & (1 << 33) != 0,
            empty: packed & (1 << 34) != 0,
            visible: packed & (1 << 35) != 0,
        }
    }

    /// This text followed by `next`.
    pub fn then(self, next: TextSummary) -> TextSummary {
        if self.empty {
            return next;
        }
        if next.empty {
            return self;
        }
        TextSummary {
            collapsed: self.collapsed + next.collapsed - u32::from(self.ends_space && next.starts_space),
            starts_space: self.starts_space,
            ends_space: next.ends_space,
            empty: false,
            visible: self.visible || next.visible,
        }
    }

    /// [`Node::normalized_char_count`] of the text.
    pub fn normalized(self) -> usize {
        self.normalized_u32() as usize
    }

    fn normalized_u32(self) -> u32 {
        if self.visible {
            self.collapsed - u32::from(self.starts_space) - u32::from(self.ends_space)
        } else {
            0
        }
    }
}

/// [`Node::normalized_char_count`] of every node of a subtree, computed in
/// one pass (children before parents). Valid until the tree changes.
pub struct TextStats {
    order: Vec<super::NodeId>,
    chars: Vec<u32>,
}

impl TextStats {
    /// Counts for `root` and every node under it.
    pub fn new(root: Node<'_>) -> TextStats {
        let mut order = vec![root.id()];
        order.extend(root.descendants().map(|n| n.id()));
        let capacity = root.document().node_capacity();
        let mut summaries = vec![TextSummary::EMPTY; capacity];
        let mut chars = vec![u32::MAX; capacity];
        let doc = root.document();
        for &id in order.iter().rev() {
            let node = doc.node(id);
            let summary = if node.is_text() {
                node.summary()
            } else {
                node.children()
                    .filter_map(|c| summaries.get(c.id().index()).copied())
                    .fold(TextSummary::EMPTY, TextSummary::then)
            };
            if let Some(s) = summaries.get_mut(id.index()) {
                *s = summary;
            }
            if let Some(c) = chars.get_mut(id.index()) {
                *c = summary.normalized_u32();
            }
        }
        TextStats { order, chars }
    }

    /// The normalized character count of `id` (0 for nodes outside the
    /// subtree).
    pub fn chars(&self, id: super::NodeId) -> usize {
        match self.chars.get(id.index()) {
            Some(&c) if c != u32::MAX => c as usize,
            _ => 0,
        }
    }

    /// The subtree's nodes in document order, the root first.
    pub fn preorder(&self) -> &[super::NodeId] {
        &self.order
    }
}
