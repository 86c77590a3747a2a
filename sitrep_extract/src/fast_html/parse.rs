//! Tokenizer and tree builder in one pass over the page.
//!
//! The tokenizer finds `<` with memchr and reads start tags (with quoted,
//! unquoted and bare attributes), end tags, comments, doctypes, CDATA and
//! processing instructions; the content of raw-text elements (`<script>`,
//! `<style>`, `<noscript>` …) and RCDATA elements (`<title>`,
//! `<textarea>`) runs to their end tag. Text and attribute values borrow
//! from the page unless they hold character references.
//!
//! The tree builder follows the parts of HTML's tree construction that
//! decide where text ends up: `<html>`/`<head>`/`<body>` implied, head
//! elements before the body, "close a p element", list items, definition
//! terms, headings, options, buttons and links closing their open
//! namesakes, implied `<tbody>`/`<tr>` and cell closing in tables, foster
//! parenting of content misplaced in a table, SVG/MathML with self-closing
//! tags and break-out, end tags matched within HTML's scopes and never past
//! a "special" element. What it leaves out (the adoption agency's
//! re-nesting of misnested formatting elements, reconstruction of active
//! formatting elements) changes inline markup only, never which block a
//! text belongs to.

use memchr::memchr;

use super::entities::{decode_into, needs_decoding};
use super::{Attr, Document, IN_BUF, Kind, MAX_DEPTH, MAX_ELEMENTS, NONE, NodeData, Span, Tag};

/// Finds `</` (the only way raw text ends).
static END_TAG_OPEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"</"));

/// Pages this large or larger are not parsed (spans are 31-bit).
const MAX_SOURCE: usize = (IN_BUF - 1) as usize;

pub(super) fn parse(src: &str) -> Document<'_> {
    let mut b = Builder::new(src);
    if src.len() < MAX_SOURCE {
        b.run();
    } else {
        b.doc.truncated = true;
    }
    b.finish()
}

#[derive(Clone, Copy)]
struct Open {
    id: u32,
    tag: Tag,
    /// Inside `<svg>` or `<math>`.
    foreign: bool,
}

/// The stack of open elements, counting the open `<p>`s so that "close a
/// p element" does not scan a deep stack that has none.
#[derive(Default)]
struct Stack {
    items: Vec<Open>,
    open_p: usize,
}

impl Stack {
    fn counts(o: &Open) -> bool {
        o.tag == Tag::P && !o.foreign
    }

    fn push(&mut self, o: Open) {
        self.open_p += usize::from(Self::counts(&o));
        self.items.push(o);
    }

    fn pop(&mut self) -> Option<Open> {
        let o = self.items.pop()?;
        self.open_p -= usize::from(Self::counts(&o));
        Some(o)
    }

    fn truncate(&mut self, len: usize) {
        while self.items.len() > len {
            self.pop();
        }
    }

    fn clear(&mut self) {
        self.truncate(0);
    }
}

impl std::ops::Deref for Stack {
    type Target = [Open];
    fn deref(&self) -> &[Open] {
        &self.items
    }
}

/// An attribute as read, before it is stored.
#[derive(Clone, Copy)]
struct RawAttr {
    name: (usize, usize),
    value: (usize, usize),
    /// The value may hold a character reference or a NUL (`false` only
    /// when the tokenizer saw that it does not).
    decode: bool,
}

struct Builder<'s> {
    doc: Document<'s>,
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    stack: Stack,
    body_started: bool,
    /// Drop one newline at the start of the next text (after `<pre>`).
    skip_newline: bool,
    attrs: Vec<RawAttr>,
    /// An open `<noscript>` in the head, which takes head elements.
    head_noscript: u32,
    scratch: String,
    stop: bool,
}

fn is_space(b: u8) -> bool {
    CLASS[b as usize] & SPACE != 0
}

/// Byte classes for the tokenizer's inner loops (one table load per byte).
const SPACE: u8 = 1;
/// Ends a tag name: space, `/`, `>`.
const NAME_END: u8 = 2;
/// Ends an attribute name: space, `/`, `>`, `=`.
const ATTR_NAME_END: u8 = 4;
/// Ends an unquoted attribute value: space, `>`.
const VALUE_END: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let spaces = [b' ', b'\t', b'\n', b'\r', 0x0C];
    let mut i = 0;
    while i < spaces.len() {
        t[spaces[i] as usize] = SPACE | NAME_END | ATTR_NAME_END | VALUE_END;
        i += 1;
    }
    t[b'/' as usize] = NAME_END | ATTR_NAME_END;
    t[b'>' as usize] = NAME_END | ATTR_NAME_END | VALUE_END;
    t[b'=' as usize] = ATTR_NAME_END;
    t
};

/// Position of the first byte at or after `from` in class `class`.
fn scan_until(bytes: &[u8], from: usize, class: u8) -> usize {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&b| CLASS[b as usize] & class != 0)
        .map_or(bytes.len(), |p| from + p)
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Self {
        Self {
            doc: Document::empty(src),
            src,
            bytes: src.as_bytes(),
            pos: 0,
            stack: Stack::default(),
            body_started: false,
            skip_newline: false,
            attrs: Vec::with_capacity(16),
            head_noscript: NONE,
            scratch: String::new(),
            stop: false,
        }
    }

    fn finish(mut self) -> Document<'s> {
        self.ensure_html();
        self.ensure_head();
        if self.doc.body == NONE {
            self.start_body();
        }
        self.doc
    }

    // -----------------------------------------------------------------
    // Tokenizer

    fn run(&mut self) {
        let mut text_start = 0;
        while !self.stop {
            let Some(off) = memchr(b'<', self.bytes.get(self.pos..).unwrap_or_default()) else {
                break;
            };
            let lt = self.pos + off;
            let next = self.bytes.get(lt + 1).copied();
            let kind = match next {
                Some(b) if b.is_ascii_alphabetic() => Markup::Start,
                Some(b'/') => match self.bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => Markup::End,
                    Some(b'>') => Markup::Skip(lt + 3),
                    Some(_) => Markup::Bogus,
                    None => Markup::Text,
                },
                Some(b'!') => Markup::Bang,
                Some(b'?') => Markup::Bogus,
                _ => Markup::Text,
            };
            if matches!(kind, Markup::Text) {
                self.pos = lt + 1;
                continue;
            }
            self.text(text_start, lt);
            match kind {
                Markup::Start => self.start_tag(lt),
                Markup::End => self.end_tag(lt),
                Markup::Bang => self.bang(lt),
                Markup::Bogus => self.pos = self.skip_to_gt(lt + 2),
                Markup::Skip(to) => self.pos = to,
                Markup::Text => {}
            }
            text_start = self.pos;
        }
        if !self.stop {
            self.text(text_start, self.bytes.len());
        }
    }

    /// Position after the next `>` at or after `from` (or the end).
    fn skip_to_gt(&self, from: usize) -> usize {
        match memchr(b'>', self.bytes.get(from..).unwrap_or_default()) {
            Some(off) => from + off + 1,
            None => self.bytes.len(),
        }
    }

    /// `<!--…-->`, `<!DOCTYPE …>`, `<![CDATA[…]]>` and other `<!…>`.
    fn bang(&mut self, lt: usize) {
        let rest = self.bytes.get(lt + 2..).unwrap_or_default();
        if rest.starts_with(b"--") {
            let body = lt + 4;
            let after = self.bytes.get(body..).unwrap_or_default();
            if after.starts_with(b">") {
                self.pos = body + 1;
            } else if after.starts_with(b"->") {
                self.pos = body + 2;
            } else {
                self.pos = match memchr::memmem::find(after, b"-->") {
                    Some(off) => body + off + 3,
                    None => self.bytes.len(),
                };
            }
        } else if rest.starts_with(b"[CDATA[") && self.in_foreign() {
            let body = lt + 9;
            let after = self.bytes.get(body..).unwrap_or_default();
            let (end, next) = match memchr::memmem::find(after, b"]]>") {
                Some(off) => (body + off, body + off + 3),
                None => (self.bytes.len(), self.bytes.len()),
            };
            self.insert_text_span(body, end, false);
            self.pos = next;
        } else {
            self.pos = self.skip_to_gt(lt + 2);
        }
    }

    /// Read a tag name starting at `from`; returns its end.
    fn name_end(&self, from: usize) -> usize {
        scan_until(self.bytes, from, NAME_END)
    }

    fn tag_of(&mut self, start: usize, end: usize) -> (Tag, Span) {
        let raw = self.src.get(start..end).unwrap_or_default();
        if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            self.scratch.clear();
            self.scratch.push_str(raw);
            self.scratch.make_ascii_lowercase();
            let tag = Tag::from_name(&self.scratch);
            let span = if tag == Tag::Other {
                let s = std::mem::take(&mut self.scratch);
                let span = self.doc.push_buf(&s);
                self.scratch = s;
                span
            } else {
                Span::default()
            };
            (tag, span)
        } else {
            let tag = Tag::from_name(raw);
            let span = if tag == Tag::Other {
                self.doc.span_of_src(start, end)
            } else {
                Span::default()
            };
            (tag, span)
        }
    }

    /// Read attributes from `self.pos` to the end of the tag. Returns
    /// whether the tag closed itself (`/>`), or `None` at the end of input
    /// inside the tag (the tag is then dropped, as browsers do).
    fn read_attrs(&mut self) -> Option<bool> {
        self.attrs.clear();
        let bytes = self.bytes;
        let mut i = self.pos;
        loop {
            while bytes.get(i).is_some_and(|&b| is_space(b)) {
                i += 1;
            }
            match bytes.get(i) {
                None => return None,
                Some(b'>') => {
                    self.pos = i + 1;
                    return Some(false);
                }
                Some(b'/') => {
                    if bytes.get(i + 1) == Some(&b'>') {
                        self.pos = i + 2;
                        return Some(true);
                    }
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
            let name_start = i;
            i = scan_until(bytes, i + 1, ATTR_NAME_END);
            let name = (name_start, i);
            while bytes.get(i).is_some_and(|&b| is_space(b)) {
                i += 1;
            }
            let mut value = (i, i);
            let mut decode = true;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while bytes.get(i).is_some_and(|&b| is_space(b)) {
                    i += 1;
                }
                match bytes.get(i) {
                    None => return None,
                    Some(&q @ (b'"' | b'\'')) => {
                        let start = i + 1;
                        let rest = bytes.get(start..).unwrap_or_default();
                        let first = memchr::memchr3(q, b'&', 0, rest)?;
                        let off = if rest.get(first) == Some(&q) {
                            decode = false;
                            first
                        } else {
                            first + 1 + memchr(q, rest.get(first + 1..).unwrap_or_default())?
                        };
                        value = (start, start + off);
                        i = start + off + 1;
                    }
                    Some(b'>') => {}
                    Some(_) => {
                        let start = i;
                        i = scan_until(bytes, i, VALUE_END);
                        value = (start, i);
                    }
                }
            }
            if self.attrs.len() < 256 {
                self.attrs.push(RawAttr { name, value, decode });
            }
        }
    }

    fn start_tag(&mut self, lt: usize) {
        let name_end = self.name_end(lt + 1);
        let (tag, name) = self.tag_of(lt + 1, name_end);
        self.pos = name_end;
        let Some(self_closing) = self.read_attrs() else {
            self.pos = self.bytes.len();
            self.stop = true;
            return;
        };
        self.process_start(tag, name, self_closing);
    }

    fn end_tag(&mut self, lt: usize) {
        let name_end = self.name_end(lt + 2);
        let (tag, name) = self.tag_of(lt + 2, name_end);
        self.pos = self.skip_to_gt(name_end);
        self.process_end(tag, name);
    }

    /// After the start tag of `element`: the text of a raw-text or RCDATA
    /// element, up to its end tag; a `<template>`'s content is skipped
    /// (browsers keep it out of the document).
    fn raw_content(&mut self, tag: Tag, element: u32) {
        if tag.is_raw_text() || tag.is_rcdata() || tag == Tag::Template {
            self.raw_text(tag, element);
        }
    }

    fn raw_text(&mut self, tag: Tag, element: u32) {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = start;
        let name = tag.as_str();
        let (end, next) = loop {
            let Some(off) = END_TAG_OPEN.find(bytes.get(i..).unwrap_or_default()) else {
                break (bytes.len(), bytes.len());
            };
            let lt = i + off;
            let after = lt + 2 + name.len();
            let is_end = bytes.get(lt + 1) == Some(&b'/')
                && bytes
                    .get(lt + 2..after)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(after)
                    .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
            if is_end {
                break (lt, self.skip_to_gt(after));
            }
            i = lt + 1;
        };
        if end > start && tag != Tag::Template {
            let mut span = self.doc.span_of_src(start, end);
            let text = self.src.get(start..end).unwrap_or_default();
            if tag.is_rcdata() && needs_decoding(text) {
                let mut decoded = String::new();
                decode_into(text, false, &mut decoded);
                span = self.doc.push_buf(&decoded);
            }
            let id = self.doc.new_node(NodeData::new(Kind::Text, Tag::Other, span));
            self.link(element, id);
        }
        self.pos = next;
    }

    // -----------------------------------------------------------------
    // Tree construction

    fn current(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn in_foreign(&self) -> bool {
        self.current().is_some_and(|o| o.foreign)
    }

    /// Append `child` as the last child of `parent`.
    fn link(&mut self, parent: u32, child: u32) {
        self.doc.attach_last(parent, child);
    }

    /// Put `child` just before `reference`.
    fn link_before(&mut self, reference: u32, child: u32) {
        self.doc.attach_before(reference, child);
    }

    fn new_element(&mut self, tag: Tag, name: Span, with_attrs: bool) -> u32 {
        self.doc.elements += 1;
        if self.doc.elements > MAX_ELEMENTS {
            self.doc.truncated = true;
            self.stop = true;
        }
        let mut data = NodeData::new(Kind::Element, tag, name);
        data.attrs = self.doc.attrs.len() as u32;
        let count = if with_attrs { self.attrs.len() } else { 0 };
        for i in 0..count {
            let a = self.attrs[i];
            let name = self.attr_name(a.name);
            let code = super::attr_code(self.doc.str(name));
            let mine = self.doc.attrs.get(data.attrs as usize..).unwrap_or_default();
            let duplicate = if code != 0 {
                mine.iter().any(|b| b.code == code)
            } else {
                mine.iter()
                    .any(|b| b.code == 0 && self.doc.str(b.name) == self.doc.str(name))
            };
            if duplicate {
                continue;
            }
            let value = self.attr_value(a.value, a.decode);
            self.doc.attrs.push(Attr { name, value, code });
        }
        let (start, len) = (data.attrs, self.doc.attrs.len() as u32 - data.attrs);
        let id = self.doc.new_node(data);
        self.doc.set_attr_range(id, start, len);
        id
    }

    fn attr_name(&mut self, (start, end): (usize, usize)) -> Span {
        let raw = self.src.get(start..end).unwrap_or_default();
        if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = raw.to_ascii_lowercase();
            self.doc.push_buf(&lower)
        } else {
            self.doc.span_of_src(start, end)
        }
    }

    fn attr_value(&mut self, (start, end): (usize, usize), decode: bool) -> Span {
        let raw = self.src.get(start..end).unwrap_or_default();
        if decode && needs_decoding(raw) {
            self.scratch.clear();
            let mut s = std::mem::take(&mut self.scratch);
            decode_into(raw, true, &mut s);
            let span = self.doc.push_buf(&s);
            self.scratch = s;
            span
        } else {
            self.doc.span_of_src(start, end)
        }
    }

    fn ensure_html(&mut self) {
        if self.doc.html == NONE {
            let html = self.new_element(Tag::Html, Span::default(), false);
            self.link(0, html);
            self.doc.html = html;
            self.stack.clear();
            self.stack.push(Open {
                id: html,
                tag: Tag::Html,
                foreign: false,
            });
        }
    }

    fn ensure_head(&mut self) {
        self.ensure_html();
        if self.doc.head == NONE {
            let head = self.new_element(Tag::Head, Span::default(), false);
            self.link(self.doc.html, head);
            self.doc.head = head;
        }
    }

    fn start_body(&mut self) {
        self.ensure_head();
        let body = self.new_element(Tag::Body, Span::default(), false);
        self.link(self.doc.html, body);
        self.doc.body = body;
        self.stack.truncate(1);
        self.stack.push(Open {
            id: body,
            tag: Tag::Body,
            foreign: false,
        });
        self.body_started = true;
    }

    /// Copy attributes the element does not have yet (a second `<html>`
    /// or `<body>` tag adds to the first).
    fn merge_attrs(&mut self, id: u32) {
        let Some(n) = self.doc.data(id) else { return };
        let (old_start, old_len) = (n.attrs as usize, n.n_attrs as usize);
        let mut merged: Vec<Attr> = self
            .doc
            .attrs
            .get(old_start..old_start + old_len)
            .unwrap_or_default()
            .to_vec();
        for i in 0..self.attrs.len() {
            let a = self.attrs[i];
            let name = self.attr_name(a.name);
            if merged.iter().any(|m| self.doc.str(m.name) == self.doc.str(name)) {
                continue;
            }
            let value = self.attr_value(a.value, a.decode);
            let code = super::attr_code(self.doc.str(name));
            merged.push(Attr { name, value, code });
        }
        if merged.len() == old_len {
            return;
        }
        let start = self.doc.attrs.len() as u32;
        let len = merged.len() as u32;
        self.doc.attrs.extend(merged);
        self.doc.set_attr_range(id, start, len);
    }

    /// Where new content goes, and whether it must be foster-parented
    /// (inserted before the table it was misplaced in).
    fn insertion_parent(&self, tag: Option<Tag>) -> (u32, Option<u32>) {
        let Some(cur) = self.current() else {
            return (self.doc.body, None);
        };
        let in_table_structure = matches!(
            cur.tag,
            Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr
        );
        if in_table_structure && !cur.foreign && !tag.is_some_and(Tag::is_table_part) {
            let table = self
                .stack
                .iter()
                .rev()
                .find(|o| o.tag == Tag::Table)
                .map(|o| o.id);
            if let Some(t) = table
                && self.doc.data(t).is_some_and(|n| n.parent != NONE)
            {
                return (NONE, Some(t));
            }
        }
        (cur.id, None)
    }

    /// Insert an element at the insertion point; push it unless `void`.
    fn insert(&mut self, tag: Tag, name: Span, void: bool, foreign: bool) -> u32 {
        self.insert_with(tag, name, void, foreign, true)
    }

    /// An element the markup implies (`<tbody>`, `<tr>`), without attributes.
    fn insert_implied(&mut self, tag: Tag) -> u32 {
        self.insert_with(tag, Span::default(), false, false, false)
    }

    fn insert_with(&mut self, tag: Tag, name: Span, void: bool, foreign: bool, with_attrs: bool) -> u32 {
        let (parent, before) = self.insertion_parent(Some(tag));
        let id = self.new_element(tag, name, with_attrs);
        match before {
            Some(table) => self.link_before(table, id),
            None => self.link(parent, id),
        }
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { id, tag, foreign });
        }
        id
    }

    fn text(&mut self, start: usize, end: usize) {
        let mut start = start;
        if self.skip_newline {
            self.skip_newline = false;
            if self.bytes.get(start) == Some(&b'\n') && start < end {
                start += 1;
            } else if self.bytes.get(start..start + 2) == Some(b"\r\n") && start + 1 < end {
                start += 2;
            }
        }
        if start >= end {
            return;
        }
        self.insert_text_span(start, end, true);
    }

    fn insert_text_span(&mut self, start: usize, end: usize, decode: bool) {
        let raw = self.src.get(start..end).unwrap_or_default();
        if raw.is_empty() {
            return;
        }
        if !self.body_started {
            if raw.bytes().all(is_space) {
                return;
            }
            self.head_noscript = NONE;
            self.ensure_head();
            self.start_body();
        }
        let span = if decode && needs_decoding(raw) {
            self.scratch.clear();
            let mut s = std::mem::take(&mut self.scratch);
            decode_into(raw, false, &mut s);
            let span = self.doc.push_buf(&s);
            self.scratch = s;
            span
        } else {
            self.doc.span_of_src(start, end)
        };
        if span.len == 0 {
            return;
        }
        let (parent, before) = if raw.bytes().all(is_space) {
            (self.current().map_or(self.doc.body, |o| o.id), None)
        } else {
            self.insertion_parent(None)
        };
        let previous = match before {
            Some(table) => self.doc.data(table).map_or(NONE, |t| t.prev),
            None => self.doc.data(parent).map_or(NONE, |p| p.last_child),
        };
        if let Some(prev) = self
            .doc
            .data(previous)
            .filter(|p| p.kind == Kind::Text)
            .map(|p| p.data)
        {
            let at_buf_end = prev.start & IN_BUF != 0
                && (prev.start & !IN_BUF) as usize + prev.len as usize == self.doc.buf.len();
            let joined = if at_buf_end {
                let extra = self.doc.str(span).to_owned();
                self.doc.buf.push_str(&extra);
                Span {
                    start: prev.start,
                    len: prev.len + extra.len() as u32,
                }
            } else {
                let joined = format!("{}{}", self.doc.str(prev), self.doc.str(span));
                self.doc.push_buf(&joined)
            };
            if let Some(p) = self.doc.data_mut(previous) {
                p.data = joined;
            }
            return;
        }
        let id = self.doc.new_node(NodeData::new(Kind::Text, Tag::Other, span));
        match before {
            Some(table) => self.link_before(table, id),
            None => self.link(parent, id),
        }
    }

    /// Position in the stack of the topmost element for which `is` holds,
    /// searching down to a scope boundary (`extra` adds boundaries).
    fn in_scope(&self, is: impl Fn(&Open) -> bool, extra: impl Fn(Tag) -> bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if is(o) {
                return Some(i);
            }
            let boundary = if o.foreign {
                matches!(o.tag, Tag::ForeignObject | Tag::Desc | Tag::Title)
            } else {
                o.tag.bounds_scope() || extra(o.tag)
            };
            if boundary {
                return None;
            }
        }
        None
    }

    fn html_tag_in_scope(&self, tag: Tag, extra: impl Fn(Tag) -> bool) -> Option<usize> {
        self.in_scope(|o| o.tag == tag && !o.foreign, extra)
    }

    fn in_table_scope(&self, is: impl Fn(Tag) -> bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.foreign {
                continue;
            }
            if is(o.tag) {
                return Some(i);
            }
            if matches!(o.tag, Tag::Html | Tag::Table | Tag::Template) {
                return None;
            }
        }
        None
    }

    /// Pop elements down to and including position `i` (never `<html>`
    /// or `<body>`).
    fn pop_to(&mut self, i: usize) {
        let floor = if self.body_started { 2 } else { 1 };
        self.stack.truncate(i.max(floor));
    }

    fn close_p(&mut self) {
        if self.stack.open_p == 0 {
            return;
        }
        if let Some(i) = self.html_tag_in_scope(Tag::P, |t| t == Tag::Button) {
            self.pop_to(i);
        }
    }

    /// Where an open cell, caption or table decides how table tags act.
    fn table_context(&self) -> Option<Tag> {
        self.stack
            .iter()
            .rev()
            .filter(|o| !o.foreign)
            .map(|o| o.tag)
            .find(|t| {
                matches!(
                    t,
                    Tag::Td | Tag::Th | Tag::Caption | Tag::Table | Tag::Html | Tag::Template
                )
            })
            .filter(|t| !matches!(t, Tag::Html | Tag::Template))
    }

    fn process_start(&mut self, tag: Tag, name: Span, self_closing: bool) {
        let tag = if tag == Tag::Image { Tag::Img } else { tag };
        match tag {
            Tag::Html => {
                self.ensure_html();
                self.merge_attrs(self.doc.html);
                return;
            }
            Tag::Frameset | Tag::Frame => return,
            _ => {}
        }
        if !self.body_started {
            self.ensure_html();
            match tag {
                Tag::Head => {
                    self.ensure_head();
                    return;
                }
                Tag::Body => {
                    self.start_body();
                    self.merge_attrs(self.doc.body);
                    return;
                }
                Tag::Noscript if self.head_noscript == NONE => {
                    self.ensure_head();
                    let id = self.new_element(tag, name, true);
                    self.link(self.doc.head, id);
                    self.head_noscript = id;
                    return;
                }
                t if t.belongs_in_head()
                    && (self.head_noscript == NONE
                        || matches!(
                            t,
                            Tag::Link | Tag::Meta | Tag::Style | Tag::Basefont | Tag::Bgsound | Tag::Noframes
                        )) =>
                {
                    self.ensure_head();
                    let id = self.new_element(tag, name, true);
                    let parent = if self.head_noscript == NONE {
                        self.doc.head
                    } else {
                        self.head_noscript
                    };
                    self.link(parent, id);
                    self.raw_content(tag, id);
                    return;
                }
                _ => {
                    self.head_noscript = NONE;
                    self.start_body();
                }
            }
        }
        if self.in_foreign() {
            let font_breaks = tag == Tag::Font
                && self.attrs.iter().any(|a| {
                    let n = self
                        .src
                        .get(a.name.0..a.name.1)
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    matches!(n.as_str(), "color" | "face" | "size")
                });
            if tag.breaks_out_of_foreign() || font_breaks {
                while self.in_foreign() && self.stack.len() > 2 {
                    self.stack.pop();
                }
            } else {
                self.insert(tag, name, self_closing, true);
                return;
            }
        }
        match tag {
            Tag::Body => self.merge_attrs(self.doc.body),
            Tag::Head => {}
            Tag::Svg | Tag::Math => {
                self.insert(tag, name, self_closing, true);
            }
            Tag::Li => {
                self.close_list_item(|t| t == Tag::Li);
                self.close_p();
                self.insert(tag, name, false, false);
            }
            Tag::Dd | Tag::Dt => {
                self.close_list_item(|t| matches!(t, Tag::Dd | Tag::Dt));
                self.close_p();
                self.insert(tag, name, false, false);
            }
            t if t.is_heading() => {
                self.close_p();
                if self.current().is_some_and(|o| o.tag.is_heading()) {
                    self.stack.pop();
                }
                self.insert(tag, name, false, false);
            }
            Tag::Pre | Tag::Listing => {
                self.close_p();
                self.insert(tag, name, false, false);
                self.skip_newline = true;
            }
            Tag::Plaintext => {
                self.close_p();
                self.insert(tag, name, false, false);
                let start = self.pos;
                self.insert_text_span(start, self.bytes.len(), false);
                self.pos = self.bytes.len();
                self.stop = true;
            }
            Tag::Button => {
                if let Some(i) = self.html_tag_in_scope(Tag::Button, |_| false) {
                    self.pop_to(i);
                }
                self.insert(tag, name, false, false);
            }
            Tag::A | Tag::Nobr => {
                if let Some(i) = self.html_tag_in_scope(tag, |_| false) {
                    self.pop_to(i);
                }
                self.insert(tag, name, false, false);
            }
            Tag::Option | Tag::Optgroup => {
                if self.current().is_some_and(|o| o.tag == Tag::Option) {
                    self.stack.pop();
                }
                self.insert(tag, name, false, false);
            }
            Tag::Rb | Tag::Rtc | Tag::Rp | Tag::Rt => {
                if self.html_tag_in_scope(Tag::Ruby, |_| false).is_some() {
                    while self.current().is_some_and(|o| {
                        matches!(o.tag, Tag::Rb | Tag::Rp | Tag::Rt) || (tag != Tag::Rtc && o.tag == Tag::Rtc)
                    }) {
                        self.stack.pop();
                    }
                }
                self.insert(tag, name, false, false);
            }
            Tag::Caption
            | Tag::Col
            | Tag::Colgroup
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Tr
            | Tag::Td
            | Tag::Th => self.table_start(tag, name),
            Tag::Table => {
                if self.table_context() == Some(Tag::Table) {
                    if let Some(i) = self.in_table_scope(|t| t == Tag::Table) {
                        self.pop_to(i);
                    }
                } else {
                    self.close_p();
                }
                self.insert(tag, name, false, false);
            }
            t if t.is_raw_text() || t.is_rcdata() || t == Tag::Template => {
                if t == Tag::Xmp {
                    self.close_p();
                }
                let id = self.insert(tag, name, true, false);
                self.raw_content(tag, id);
            }
            t if t.is_void() => {
                if t == Tag::Hr {
                    self.close_p();
                }
                self.insert(tag, name, true, false);
            }
            t => {
                if t.closes_p() {
                    self.close_p();
                }
                self.insert(tag, name, false, false);
            }
        }
    }

    /// `<li>`, `<dd>`, `<dt>`: close the open item of the same kind unless a
    /// special element (other than address, div, p) comes first.
    fn close_list_item(&mut self, same: impl Fn(Tag) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let o = self.stack[i];
            if o.foreign {
                return;
            }
            if same(o.tag) {
                self.pop_to(i);
                return;
            }
            if o.tag.is_special() && !matches!(o.tag, Tag::Address | Tag::Div | Tag::P) {
                return;
            }
        }
    }

    /// Pop until the current element satisfies `keep` (HTML's "clear the
    /// stack back to a table context"); stops at the table.
    fn clear_to(&mut self, keep: impl Fn(Tag) -> bool) {
        while let Some(o) = self.current() {
            if keep(o.tag) || matches!(o.tag, Tag::Table | Tag::Html | Tag::Body | Tag::Template) {
                return;
            }
            self.stack.pop();
        }
    }

    fn table_start(&mut self, tag: Tag, name: Span) {
        match self.table_context() {
            None => {}
            Some(Tag::Caption) if tag == Tag::Caption => {}
            Some(Tag::Td | Tag::Th | Tag::Caption) => {
                if let Some(i) = self.in_table_scope(|t| matches!(t, Tag::Td | Tag::Th | Tag::Caption)) {
                    let before = self.stack.len();
                    self.pop_to(i);
                    if self.stack.len() < before {
                        self.table_start(tag, name);
                    }
                }
            }
            Some(_) => {
                let body_section = |t: Tag| matches!(t, Tag::Tbody | Tag::Thead | Tag::Tfoot);
                match tag {
                    Tag::Caption | Tag::Colgroup | Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                        self.clear_to(|_| false);
                        self.insert(tag, name, false, false);
                    }
                    Tag::Col => {
                        self.insert(tag, name, true, false);
                    }
                    Tag::Tr => {
                        self.clear_to(body_section);
                        if self.current().is_some_and(|o| o.tag == Tag::Table) {
                            self.insert_implied(Tag::Tbody);
                        }
                        self.insert(tag, name, false, false);
                    }
                    _ => {
                        if self.in_table_scope(|t| t == Tag::Tr).is_some() {
                            self.clear_to(|t| t == Tag::Tr);
                        } else {
                            self.clear_to(body_section);
                            if self.current().is_some_and(|o| o.tag == Tag::Table) {
                                self.insert_implied(Tag::Tbody);
                            }
                            self.insert_implied(Tag::Tr);
                        }
                        self.insert(tag, name, false, false);
                    }
                }
            }
        }
    }

    fn process_end(&mut self, tag: Tag, name: Span) {
        if !self.body_started {
            match tag {
                Tag::Br => {
                    self.start_body();
                    self.insert_with(Tag::Br, Span::default(), true, false, false);
                }
                Tag::Noscript => self.head_noscript = NONE,
                _ => {}
            }
            return;
        }
        if self.in_foreign() {
            let wanted = self.doc.str(name).to_owned();
            for i in (0..self.stack.len()).rev() {
                let o = self.stack[i];
                if !o.foreign {
                    break;
                }
                let same = if tag == Tag::Other {
                    self.doc
                        .data(o.id)
                        .is_some_and(|n| self.doc.str(n.data) == wanted)
                } else {
                    o.tag == tag
                };
                if same {
                    self.pop_to(i);
                    return;
                }
            }
        }
        match tag {
            Tag::Body | Tag::Html | Tag::Head => {}
            Tag::Br => {
                self.insert_with(Tag::Br, Span::default(), true, false, false);
            }
            Tag::P => self.close_p(),
            Tag::Li => {
                if let Some(i) = self.html_tag_in_scope(Tag::Li, |t| matches!(t, Tag::Ol | Tag::Ul)) {
                    self.pop_to(i);
                }
            }
            t if t.is_heading() => {
                if let Some(i) = self.in_scope(|o| o.tag.is_heading() && !o.foreign, |_| false) {
                    self.pop_to(i);
                }
            }
            Tag::Table
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Tr
            | Tag::Td
            | Tag::Th
            | Tag::Caption
            | Tag::Colgroup => {
                if let Some(i) = self.in_table_scope(|t| t == tag) {
                    self.pop_to(i);
                }
            }
            t if t.is_special() => {
                if let Some(i) = self.html_tag_in_scope(t, |_| false) {
                    self.pop_to(i);
                }
            }
            _ => self.any_other_end(tag, name),
        }
    }

    /// HTML's "any other end tag": close the nearest open element of that
    /// name unless a special element is open above it.
    fn any_other_end(&mut self, tag: Tag, name: Span) {
        for i in (0..self.stack.len()).rev() {
            let o = self.stack[i];
            let same = if tag == Tag::Other {
                o.tag == Tag::Other
                    && self
                        .doc
                        .data(o.id)
                        .is_some_and(|n| self.doc.str(n.data) == self.doc.str(name))
            } else {
                o.tag == tag
            };
            if same && !o.foreign {
                self.pop_to(i);
                return;
            }
            if o.tag.is_special() && !o.foreign {
                return;
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Markup {
    Start,
    End,
    Bang,
    Bogus,
    Skip(usize),
    Text,
}
