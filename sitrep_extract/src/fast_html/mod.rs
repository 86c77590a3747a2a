//! A fast, lenient HTML parser into an arena tree, built for extraction.
//!
//! Why our own: parsing with html5ever (through `dom_query`) was ~40% of
//! extraction time (see ARCHITECTURE.md, "Measured choices"); extraction
//! only needs the element structure, attributes and text, so a
//! memchr-driven tokenizer that borrows its text from the page and a tree
//! builder that implements the parts of HTML's tree construction that shape
//! text (implied end tags, void and raw-text elements, scopes, tables,
//! head/body) does the job at several hundred MB/s.
//!
//! Shape: [`Document`] owns a `Vec` of nodes linked by indices (parent,
//! first/last child, previous/next sibling); text and attribute values are
//! spans into the page, or into a side buffer when character references
//! had to be decoded. [`Node`] is a cheap `Copy` handle for reading;
//! mutation goes through `&mut Document` and node ids.
//!
//! Bounds: at most [`MAX_ELEMENTS`] elements are built (the document is
//! then marked truncated), open elements nest at most [`MAX_DEPTH`] deep
//! (deeper elements become siblings), and every algorithm on the tree is
//! iterative, so hostile input can neither overflow the stack nor take
//! more than linear memory.

use std::cell::Cell;

mod entities;
mod parse;
mod tags;
mod text;

pub use entities::decode as decode_entities;
pub use tags::Tag;
pub use text::{TextStats, TextSummary};

/// Most elements a document is built with; past this the rest of the page
/// is dropped and [`Document::is_truncated`] says so.
pub const MAX_ELEMENTS: usize = 200_000;

/// Deepest nesting of open elements; deeper start tags are inserted as
/// siblings of the deepest element.
pub const MAX_DEPTH: usize = 512;

const NONE: u32 = u32::MAX;
/// Marks a span as pointing into the side buffer rather than the page.
const IN_BUF: u32 = 1 << 31;

/// Index of a node in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

impl NodeId {
    /// The index as a `usize`, for side tables indexed by node.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A string held by the document: a range of the page, or of the side
/// buffer (high bit of `start`).
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Document,
    Element,
    Text,
}

#[derive(Clone, Debug)]
struct NodeData {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    kind: Kind,
    tag: Tag,
    /// Element: its name when `tag` is `Other`; text: its contents.
    data: Span,
    attrs: u32,
    n_attrs: u32,
    /// Bit `c` set when an attribute with [`attr_code`] `c` is present.
    attr_mask: u32,
    /// Text: its whitespace summary once computed (0 until then), so that
    /// counting the text of nested subtrees reads each text once.
    summary: Cell<u64>,
}

impl NodeData {
    fn new(kind: Kind, tag: Tag, data: Span) -> Self {
        Self {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            kind,
            tag,
            data,
            attrs: 0,
            n_attrs: 0,
            attr_mask: 0,
            summary: Cell::new(0),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Attr {
    name: Span,
    value: Span,
    /// [`attr_code`] of the name: lookups of common attributes compare
    /// one byte instead of a string.
    code: u8,
}

/// A small number for attribute names extraction asks for often, 0 for
/// any other name. Inlined so that a constant name folds to its number.
#[inline(always)]
fn attr_code(name: &str) -> u8 {
    match name {
        "class" => 1,
        "id" => 2,
        "style" => 3,
        "href" => 4,
        "hidden" => 5,
        "aria-hidden" => 6,
        "role" => 7,
        "itemprop" => 8,
        "rel" => 9,
        "content" => 10,
        "name" => 11,
        "property" => 12,
        "type" => 13,
        "src" => 14,
        "title" => 15,
        "datetime" => 16,
        "lang" => 17,
        "value" => 18,
        "aria-modal" => 19,
        "http-equiv" => 20,
        "srcset" => 21,
        "data-src" => 22,
        "data-srcset" => 23,
        "colspan" => 24,
        "summary" => 25,
        "datatable" => 26,
        _ => 0,
    }
}

/// A parsed HTML page.
#[derive(Clone, Debug)]
pub struct Document<'s> {
    src: &'s str,
    buf: String,
    nodes: Vec<NodeData>,
    attrs: Vec<Attr>,
    html: u32,
    head: u32,
    body: u32,
    elements: usize,
    truncated: bool,
}

impl<'s> Document<'s> {
    /// Parse a page. Never fails: any input gives a document with `<html>`,
    /// `<head>` and `<body>`.
    pub fn parse(src: &'s str) -> Self {
        parse::parse(src)
    }

    fn empty(src: &'s str) -> Self {
        // Sized for typical pages (a node per ~125 bytes, an attribute per
        // ~150 measured on news pages), so the vectors rarely grow.
        let mut nodes = Vec::with_capacity(src.len() / 100 + 16);
        nodes.push(NodeData::new(Kind::Document, Tag::Other, Span::default()));
        Self {
            src,
            buf: String::new(),
            nodes,
            attrs: Vec::with_capacity(src.len() / 120 + 16),
            html: NONE,
            head: NONE,
            body: NONE,
            elements: 0,
            truncated: false,
        }
    }

    /// A copy to change freely, with room for the elements the changes
    /// will add (so adding them does not copy the node table again).
    pub fn fork(&self) -> Self {
        let mut nodes = Vec::with_capacity(self.nodes.len() + self.nodes.len() / 4 + 64);
        nodes.extend_from_slice(&self.nodes);
        Self {
            src: self.src,
            buf: self.buf.clone(),
            nodes,
            attrs: self.attrs.clone(),
            html: self.html,
            head: self.head,
            body: self.body,
            elements: self.elements,
            truncated: self.truncated,
        }
    }

    /// The document node (parent of `<html>`).
    pub fn root(&self) -> Node<'_> {
        self.node(NodeId(0))
    }

    /// The `<html>` element.
    pub fn html(&self) -> Node<'_> {
        self.node(NodeId(self.html))
    }

    /// The `<head>` element.
    pub fn head(&self) -> Node<'_> {
        self.node(NodeId(self.head))
    }

    /// The `<body>` element.
    pub fn body(&self) -> Node<'_> {
        self.node(NodeId(self.body))
    }

    /// A handle on node `id`.
    pub fn node(&self, id: NodeId) -> Node<'_> {
        Node { doc: self, id }
    }

    /// Elements built (including ones later detached).
    pub fn element_count(&self) -> usize {
        self.elements
    }

    /// The page had more than [`MAX_ELEMENTS`] elements and its end was
    /// dropped.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Number of nodes ever created, for side tables indexed by
    /// [`NodeId::index`].
    pub fn node_capacity(&self) -> usize {
        self.nodes.len()
    }

    fn str(&self, span: Span) -> &str {
        let (text, start) = if span.start & IN_BUF == 0 {
            (self.src, span.start)
        } else {
            (self.buf.as_str(), span.start & !IN_BUF)
        };
        let start = start as usize;
        text.get(start..start + span.len as usize).unwrap_or_default()
    }

    /// A span for `s`, a slice of the page, or a copy in the side buffer.
    fn span_of_src(&self, start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            len: (end - start) as u32,
        }
    }

    fn push_buf(&mut self, s: &str) -> Span {
        let start = self.buf.len();
        self.buf.push_str(s);
        Span {
            start: start as u32 | IN_BUF,
            len: s.len() as u32,
        }
    }

    fn data(&self, id: u32) -> Option<&NodeData> {
        self.nodes.get(id as usize)
    }

    fn data_mut(&mut self, id: u32) -> Option<&mut NodeData> {
        self.nodes.get_mut(id as usize)
    }

    fn new_node(&mut self, data: NodeData) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(data);
        id
    }

    /// Create a detached element.
    pub fn create_element(&mut self, tag: Tag) -> NodeId {
        self.elements += 1;
        NodeId(self.new_node(NodeData::new(Kind::Element, tag, Span::default())))
    }

    /// Rename an element (its attributes stay).
    pub fn set_tag(&mut self, id: NodeId, tag: Tag) {
        if let Some(n) = self.data_mut(id.0)
            && n.kind == Kind::Element
        {
            n.tag = tag;
        }
    }

    /// Remove every attribute of an element.
    pub fn clear_attrs(&mut self, id: NodeId) {
        if let Some(n) = self.data_mut(id.0) {
            n.n_attrs = 0;
            n.attr_mask = 0;
        }
    }

    /// Set attributes of `id` from `from`: every attribute of `from`
    /// replaces or joins those of `id`.
    pub fn copy_attrs(&mut self, from: NodeId, id: NodeId) {
        let (Some(src), Some(dst)) = (self.data(from.0), self.data(id.0)) else {
            return;
        };
        let theirs: Vec<Attr> = self.attr_slice(src).to_vec();
        let mut merged: Vec<Attr> = self
            .attr_slice(dst)
            .iter()
            .filter(|a| {
                !theirs
                    .iter()
                    .any(|t| t.code == a.code && self.str(t.name) == self.str(a.name))
            })
            .copied()
            .collect();
        merged.extend(theirs);
        let start = self.attrs.len() as u32;
        let len = merged.len() as u32;
        self.attrs.extend(merged);
        self.set_attr_range(id.0, start, len);
    }

    /// Point element `id` at attributes `start..start + len` of the table.
    fn set_attr_range(&mut self, id: u32, start: u32, len: u32) {
        let mask = self
            .attrs
            .get(start as usize..(start + len) as usize)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |m, a| m | (1 << a.code));
        if let Some(n) = self.data_mut(id) {
            n.attrs = start;
            n.n_attrs = len;
            n.attr_mask = mask;
        }
    }

    fn attr_slice(&self, n: &NodeData) -> &[Attr] {
        let start = n.attrs as usize;
        self.attrs
            .get(start..start + n.n_attrs as usize)
            .unwrap_or_default()
    }

    /// Take a node (and its subtree) out of the tree.
    pub fn detach(&mut self, id: NodeId) {
        let Some(n) = self.data(id.0) else { return };
        let (parent, prev, next) = (n.parent, n.prev, n.next);
        if parent == NONE {
            return;
        }
        if let Some(p) = self.data_mut(prev) {
            p.next = next;
        } else if let Some(p) = self.data_mut(parent) {
            p.first_child = next;
        }
        if let Some(nx) = self.data_mut(next) {
            nx.prev = prev;
        } else if let Some(p) = self.data_mut(parent) {
            p.last_child = prev;
        }
        if let Some(n) = self.data_mut(id.0) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    fn is_inclusive_ancestor(&self, ancestor: u32, id: u32) -> bool {
        let mut cur = id;
        while cur != NONE {
            if cur == ancestor {
                return true;
            }
            cur = self.data(cur).map_or(NONE, |n| n.parent);
        }
        false
    }

    /// Move `child` to the end of `parent`'s children. Refused when it
    /// would put a node inside itself.
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
        if self.is_inclusive_ancestor(child.0, parent.0) || self.data(child.0).is_none() {
            return;
        }
        self.detach(child);
        self.attach_last(parent.0, child.0);
    }

    /// Move `new` just before `reference` (which must have a parent).
    pub fn insert_before(&mut self, reference: NodeId, new: NodeId) {
        let Some(parent) = self.data(reference.0).map(|n| n.parent).filter(|&p| p != NONE) else {
            return;
        };
        if self.is_inclusive_ancestor(new.0, parent) || self.data(new.0).is_none() || new == reference {
            return;
        }
        self.detach(new);
        self.attach_before(reference.0, new.0);
    }

    /// Link a detached `child` as the last child of `parent`.
    fn attach_last(&mut self, parent: u32, child: u32) {
        let Some(last) = self.data(parent).map(|p| p.last_child) else {
            return;
        };
        if let Some(l) = self.data_mut(last) {
            l.next = child;
        } else if let Some(p) = self.data_mut(parent) {
            p.first_child = child;
        }
        if let Some(c) = self.data_mut(child) {
            c.parent = parent;
            c.prev = last;
            c.next = NONE;
        }
        if let Some(p) = self.data_mut(parent) {
            p.last_child = child;
        }
    }

    /// Link a detached `child` just before `reference` (which has a parent).
    fn attach_before(&mut self, reference: u32, child: u32) {
        let Some((parent, prev)) = self.data(reference).map(|r| (r.parent, r.prev)) else {
            return;
        };
        if parent == NONE {
            return;
        }
        if let Some(p) = self.data_mut(prev) {
            p.next = child;
        } else if let Some(p) = self.data_mut(parent) {
            p.first_child = child;
        }
        if let Some(c) = self.data_mut(child) {
            c.parent = parent;
            c.prev = prev;
            c.next = reference;
        }
        if let Some(r) = self.data_mut(reference) {
            r.prev = child;
        }
    }

    /// Put `new` where `old` is, and detach `old`.
    pub fn replace_with(&mut self, old: NodeId, new: NodeId) {
        if old == new {
            return;
        }
        self.insert_before(old, new);
        if self.data(new.0).is_some_and(|n| n.next == old.0) {
            self.detach(old);
        }
    }
}

/// A read handle on one node of a [`Document`].
#[derive(Clone, Copy)]
pub struct Node<'a> {
    doc: &'a Document<'a>,
    id: NodeId,
}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("id", &self.id)
            .field("name", &self.name())
            .finish()
    }
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<'a> Node<'a> {
    fn data(&self) -> Option<&'a NodeData> {
        self.doc.data(self.id.0)
    }

    fn at(&self, id: u32) -> Option<Node<'a>> {
        (id != NONE).then_some(Node {
            doc: self.doc,
            id: NodeId(id),
        })
    }

    /// The node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The document the node belongs to.
    pub fn document(&self) -> &'a Document<'a> {
        self.doc
    }

    /// True for elements.
    pub fn is_element(&self) -> bool {
        self.data().is_some_and(|n| n.kind == Kind::Element)
    }

    /// True for text nodes.
    pub fn is_text(&self) -> bool {
        self.data().is_some_and(|n| n.kind == Kind::Text)
    }

    /// The element's tag; `None` for text and the document node.
    pub fn tag(&self) -> Option<Tag> {
        self.data().filter(|n| n.kind == Kind::Element).map(|n| n.tag)
    }

    /// True for an element with this tag.
    pub fn has_tag(&self, tag: Tag) -> bool {
        self.tag() == Some(tag)
    }

    /// The element's name (lower case); empty for other nodes.
    pub fn name(&self) -> &'a str {
        match self.data() {
            Some(n) if n.kind == Kind::Element => match n.tag {
                Tag::Other => self.doc.str(n.data),
                tag => tag.as_str(),
            },
            _ => "",
        }
    }

    /// The contents of a text node; empty for other nodes.
    pub fn text_str(&self) -> &'a str {
        match self.data() {
            Some(n) if n.kind == Kind::Text => self.doc.str(n.data),
            _ => "",
        }
    }

    /// The value of attribute `name` (lower case).
    #[inline(always)]
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let code = attr_code(name);
        let n = self.data()?;
        if n.attr_mask & (1 << code) == 0 {
            return None;
        }
        self.find_attr(n, code, name)
    }

    fn find_attr(&self, n: &NodeData, code: u8, name: &str) -> Option<&'a str> {
        let slice = self.doc.attr_slice(n);
        let found = if code == 0 {
            slice.iter().find(|a| a.code == 0 && self.doc.str(a.name) == name)
        } else {
            slice.iter().find(|a| a.code == code)
        };
        found.map(|a| self.doc.str(a.value))
    }

    /// True when the element has attribute `name`.
    #[inline(always)]
    pub fn has_attr(&self, name: &str) -> bool {
        let n = self.data();
        match attr_code(name) {
            0 => self.attr(name).is_some(),
            code => n.is_some_and(|n| n.attr_mask & (1 << code) != 0),
        }
    }

    /// The element's attributes, in source order.
    pub fn attrs(self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let doc = self.doc;
        let slice = match self.data() {
            Some(n) if n.kind == Kind::Element => doc.attr_slice(n),
            _ => &[],
        };
        slice.iter().map(move |a| (doc.str(a.name), doc.str(a.value)))
    }

    /// The parent node.
    pub fn parent(&self) -> Option<Node<'a>> {
        self.data().and_then(|n| self.at(n.parent))
    }

    /// The first child node.
    pub fn first_child(&self) -> Option<Node<'a>> {
        self.data().and_then(|n| self.at(n.first_child))
    }

    /// The last child node.
    pub fn last_child(&self) -> Option<Node<'a>> {
        self.data().and_then(|n| self.at(n.last_child))
    }

    /// The next sibling node.
    pub fn next_sibling(&self) -> Option<Node<'a>> {
        self.data().and_then(|n| self.at(n.next))
    }

    /// The previous sibling node.
    pub fn prev_sibling(&self) -> Option<Node<'a>> {
        self.data().and_then(|n| self.at(n.prev))
    }

    /// The next sibling that is an element.
    pub fn next_element_sibling(&self) -> Option<Node<'a>> {
        let mut cur = self.next_sibling();
        while let Some(n) = cur {
            if n.is_element() {
                return Some(n);
            }
            cur = n.next_sibling();
        }
        None
    }

    /// The previous sibling that is an element.
    pub fn prev_element_sibling(&self) -> Option<Node<'a>> {
        let mut cur = self.prev_sibling();
        while let Some(n) = cur {
            if n.is_element() {
                return Some(n);
            }
            cur = n.prev_sibling();
        }
        None
    }

    /// The first child that is an element.
    pub fn first_element_child(&self) -> Option<Node<'a>> {
        self.children().find(Node::is_element)
    }

    /// Child nodes, in order.
    pub fn children(&self) -> Children<'a> {
        Children {
            next: self.first_child(),
        }
    }

    /// Child elements, in order.
    pub fn element_children(self) -> impl Iterator<Item = Node<'a>> + 'a {
        self.children().filter(Node::is_element)
    }

    /// Every node under this one, in document order (not the node itself).
    pub fn descendants(&self) -> Descendants<'a> {
        Descendants {
            root: *self,
            next: self.first_child(),
        }
    }

    /// Elements under this one, in document order.
    pub fn descendant_elements(self) -> impl Iterator<Item = Node<'a>> + 'a {
        self.descendants().filter(Node::is_element)
    }

    /// Ancestors, parent first, up to and including the document node.
    pub fn ancestors(&self) -> Ancestors<'a> {
        Ancestors { next: self.parent() }
    }

    /// Ancestor elements, parent first.
    pub fn ancestor_elements(self) -> impl Iterator<Item = Node<'a>> + 'a {
        self.ancestors().filter(Node::is_element)
    }

    /// True when `other` is this node or one of its descendants.
    pub fn contains(&self, other: Node<'_>) -> bool {
        self.doc.is_inclusive_ancestor(self.id.0, other.id.0)
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    next: Option<Node<'a>>,
}

impl<'a> Iterator for Children<'a> {
    type Item = Node<'a>;
    fn next(&mut self) -> Option<Node<'a>> {
        let n = self.next?;
        self.next = n.next_sibling();
        Some(n)
    }
}

/// Iterator over a node's descendants in document order.
pub struct Descendants<'a> {
    root: Node<'a>,
    next: Option<Node<'a>>,
}

impl<'a> Descendants<'a> {
    /// Do not descend into the children of the node last returned.
    pub fn skip_children_of(&mut self, node: Node<'_>) {
        if self
            .next
            .is_some_and(|n| n.parent().is_some_and(|p| p.id == node.id))
        {
            self.next = self.after_subtree(node.id);
        }
    }

    fn after_subtree(&self, id: NodeId) -> Option<Node<'a>> {
        let mut cur = Node {
            doc: self.root.doc,
            id,
        };
        loop {
            if cur.id == self.root.id {
                return None;
            }
            if let Some(s) = cur.next_sibling() {
                return Some(s);
            }
            cur = cur.parent()?;
        }
    }
}

impl<'a> Iterator for Descendants<'a> {
    type Item = Node<'a>;
    fn next(&mut self) -> Option<Node<'a>> {
        let n = self.next?;
        self.next = match n.first_child() {
            Some(c) => Some(c),
            None => {
                let mut cur = n;
                loop {
                    if cur.id == self.root.id {
                        break None;
                    }
                    if let Some(s) = cur.next_sibling() {
                        break Some(s);
                    }
                    match cur.parent() {
                        Some(p) => cur = p,
                        None => break None,
                    }
                }
            }
        };
        Some(n)
    }
}

/// Iterator over a node's ancestors.
pub struct Ancestors<'a> {
    next: Option<Node<'a>>,
}

impl<'a> Iterator for Ancestors<'a> {
    type Item = Node<'a>;
    fn next(&mut self) -> Option<Node<'a>> {
        let n = self.next?;
        self.next = n.parent();
        Some(n)
    }
}

#[cfg(test)]
mod tests;
