//! Readability's main-text algorithm on the [`fast_html`](crate::fast_html)
//! tree.
//!
//! The algorithm is Mozilla Readability's, as the `dom_smoothie` crate
//! implements it (our first extractor, measured in ARCHITECTURE.md), so the
//! clean-up layers tuned on its output keep working:
//! 1. prepare the page: drop scripts, styles, empty images; turn runs of
//!    `<br>` into paragraphs; take the byline element out;
//! 2. find paragraphs to score (`<p>`, `<td>`, `<pre>`, headings, and `<div>`s
//!    that only hold phrasing content), dropping unlikely candidates (class
//!    or id naming comments, sidebars…), invisible elements and the title
//!    heading on the way;
//! 3. score each paragraph by length and commas, give the score to its
//!    ancestors (halving, then a third per level), weigh tags and
//!    class/id words, scale by link density;
//! 4. take the best candidate, climb to a common ancestor of close
//!    contenders, add siblings that score well or read as prose;
//! 5. clean the result: share widgets, forms, embeds, negatively named
//!    headings, and blocks that look like navigation or link lists
//!    ("clean conditionally");
//! 6. when the result is shorter than 500 characters, try again with fewer
//!    rules (keep unlikely candidates, ignore class names, no conditional
//!    cleaning) and keep the longest result.
//!
//! Unlike the DOM version, scores live in a side table indexed by node, the
//! tree is cloned cheaply (a few `Vec`s) for each attempt, and every walk
//! is iterative.

use std::cell::Cell;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::fast_html::{Document, Node, NodeId, Tag, TextStats, TextSummary};

/// Shortest article text (characters) accepted without a retry.
const CHAR_THRESHOLD: usize = 500;
/// Candidates kept after scoring.
const N_TOP_CANDIDATES: usize = 5;
/// Scores above this are scaled by link density.
const MIN_SCORE_TO_ADJUST: f32 = 5.0;
/// Contenders that must share an ancestor for it to become the candidate.
const MIN_COMMON_ANCESTORS: usize = 3;

/// Substrings of `class`/`id` that make an element an unlikely candidate.
const UNLIKELY_CANDIDATES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Substrings that save an unlikely candidate.
const MAYBE_CANDIDATES: &[&str] = &[
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

/// `role` values of elements that are never content.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Substrings of `class`/`id` that lower a score.
const CLASSES_NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Substrings of `class`/`id` that raise a score.
const CLASSES_POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
    "story",
];

/// Substrings of `class`/`id` that mark a byline.
const BYLINE_PATTERNS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];

/// Comma characters of several scripts.
const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// Whole texts of a block that is only an advertising label.
const AD_WORDS: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
];

/// Longest text (collapsed characters) read as an advertising or loading
/// label: the words below, a loading word's trailing dots included.
const MAX_LABEL_CHARS: usize = 200;

/// Whole texts of a block that is only a loading placeholder.
const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Hosts whose embeds are kept (videos).
const VIDEO_DOMAINS: &[&str] = &[
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
    "bilibili.com",
    "live.bilibili.com",
];

/// Image file endings.
const IMG_EXT: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"];

/// The rules an attempt applies; each retry drops one.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weigh_classes: bool,
    clean_conditionally: bool,
}

/// The main text found in a page.
pub(crate) struct Article<'s> {
    /// The page, changed by the extraction.
    pub doc: Document<'s>,
    /// The element holding the article.
    pub root: NodeId,
    /// The byline element's text, when the page had one.
    pub byline: Option<String>,
}

/// Find the article in `doc`. `title` (the page's headline, when known)
/// lets the heading that repeats it be dropped. `find_byline`: take the first byline element out of the body (done when
/// the page's metadata names no author, as Readability does).
pub(crate) fn grab_article<'s>(
    mut doc: Document<'s>,
    title: Option<&str>,
    find_byline: bool,
) -> Option<Article<'s>> {
    let (names, plan) = survey(&doc);
    let byline = if find_byline {
        take_byline(&mut doc, &names)
    } else {
        None
    };
    prepare(&mut doc, plan);
    let mut flags = Flags {
        strip_unlikely: true,
        weigh_classes: true,
        clean_conditionally: true,
    };
    let mut best: Option<(Document<'s>, NodeId, usize)> = None;
    loop {
        let last = !flags.clean_conditionally;
        let mut attempt = if last {
            std::mem::replace(&mut doc, Document::parse(""))
        } else {
            doc.fork()
        };
        if let Some(root) = attempt_grab(&mut attempt, &names, flags, title) {
            let length = attempt.node(root).normalized_char_count();
            if length >= CHAR_THRESHOLD {
                return Some(finish(attempt, root, byline));
            }
            if best.as_ref().is_none_or(|(_, _, l)| length > *l) {
                best = Some((attempt, root, length));
            }
        }
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weigh_classes {
            flags.weigh_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            let (doc, root, _) = best?;
            return Some(finish(doc, root, byline));
        }
    }
}

fn finish<'s>(mut doc: Document<'s>, root: NodeId, byline: Option<String>) -> Article<'s> {
    post_process(&mut doc, root);
    Article { doc, root, byline }
}

// ---------------------------------------------------------------------------
// Small helpers

fn ids<'a>(nodes: impl Iterator<Item = Node<'a>>) -> Vec<NodeId> {
    nodes.map(|n| n.id()).collect()
}

fn is_tag_in(node: Node<'_>, tags: &[Tag]) -> bool {
    node.tag().is_some_and(|t| tags.contains(&t))
}

fn is_phrasing(node: Node<'_>) -> bool {
    use Tag::*;
    if node.is_text() {
        return true;
    }
    let Some(tag) = node.tag() else { return false };
    let phrasing = matches!(
        tag,
        Abbr | Audio
            | B
            | Bdo
            | Br
            | Button
            | Cite
            | Code
            | Data
            | Datalist
            | Dfn
            | Em
            | Embed
            | I
            | Img
            | Input
            | Kbd
            | Label
            | Mark
            | Math
            | Meter
            | Noscript
            | Object
            | Output
            | Progress
            | Q
            | Ruby
            | Samp
            | Script
            | Select
            | Small
            | Span
            | Strong
            | Sub
            | Sup
            | Textarea
            | Time
            | Var
            | Wbr
    );
    if phrasing {
        return true;
    }
    if matches!(tag, A | Del | Ins) {
        return node.first_child().is_some() && all_children_phrasing(node);
    }
    false
}

/// Every child is phrasing content (iteratively, through links).
fn all_children_phrasing(node: Node<'_>) -> bool {
    let mut stack: Vec<Node<'_>> = node.children().collect();
    while let Some(n) = stack.pop() {
        if n.is_text() {
            continue;
        }
        match n.tag() {
            Some(Tag::A | Tag::Del | Tag::Ins) => {
                if n.first_child().is_none() {
                    return false;
                }
                stack.extend(n.children());
            }
            _ if is_phrasing(n) => {}
            _ => return false,
        }
    }
    true
}

fn is_whitespace(node: Node<'_>) -> bool {
    (node.is_text() && node.text_str().trim().is_empty()) || node.has_tag(Tag::Br)
}

fn is_nonempty_text(node: Node<'_>) -> bool {
    node.is_text() && !node.text_str().trim().is_empty()
}

/// Next element in document order, optionally skipping `node`'s subtree.
fn next_element(node: Node<'_>, skip_children: bool) -> Option<NodeId> {
    if !skip_children && let Some(c) = node.first_element_child() {
        return Some(c.id());
    }
    if let Some(s) = node.next_element_sibling() {
        return Some(s.id());
    }
    let mut parent = node.parent();
    while let Some(p) = parent {
        if let Some(s) = p.next_element_sibling() {
            return Some(s.id());
        }
        parent = p.parent();
    }
    None
}

/// The one child element, when it has tag `tag` and no text sits beside it.
fn single_child_element(node: Node<'_>, tag: Tag) -> Option<NodeId> {
    let mut children = node.element_children();
    let first = children.next()?;
    if children.next().is_some() || !first.has_tag(tag) {
        return None;
    }
    if node.children().any(is_nonempty_text) {
        return None;
    }
    Some(first.id())
}

fn has_ancestor_tag(node: Node<'_>, max: usize, tags: &[Tag]) -> bool {
    node.ancestors().take(max).any(|a| is_tag_in(a, tags))
}

/// How much a link's text counts as link text: in-page `#` links 0.3.
fn link_coefficient(a: Node<'_>) -> f32 {
    let href = a.attr("href").unwrap_or_default();
    if href.len() > 1 && href.starts_with('#') {
        0.3
    } else {
        1.0
    }
}

/// Share of a node's text inside links (in-page `#` links count 0.3).
fn link_density(node: Node<'_>, char_count: Option<usize>) -> f32 {
    let mut link_length = 0.0f32;
    for a in node.descendant_elements().filter(|d| d.has_tag(Tag::A)) {
        link_length += a.normalized_char_count() as f32 * link_coefficient(a);
    }
    if link_length == 0.0 {
        return 0.0;
    }
    let text_length = char_count.unwrap_or_else(|| node.normalized_char_count()) as f32;
    if text_length == 0.0 {
        return 0.0;
    }
    link_length / text_length
}

fn is_video_url(value: &str) -> bool {
    VIDEO_DOMAINS.iter().any(|domain| {
        value.match_indices(domain).any(|(pos, _)| {
            let before = value.get(..pos).unwrap_or_default();
            before.ends_with("//") || before.ends_with("//www.")
        })
    })
}

fn text_similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a.contains(&b) {
        return 1.0;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (wa, wb) = (words(&a), words(&b));
    let total: usize = wb.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = wb
        .iter()
        .filter(|w| !wa.contains(w))
        .map(|w| w.chars().count())
        .sum();
    1.0 - unique as f64 / total as f64
}

/// `display:none` or `visibility:hidden` in a `style` attribute.
fn is_invisible_style(style: &str) -> bool {
    let style = style.to_ascii_lowercase();
    let has = |key: &str, value: &str| {
        let Some(pos) = style.find(key) else { return false };
        let rest = style.get(pos..).unwrap_or_default();
        let Some(colon) = rest.find(':') else { return false };
        let mut rest = rest.get(colon + 1..).unwrap_or_default();
        if let Some(semi) = rest.find(';') {
            rest = rest.get(..semi).unwrap_or_default();
        }
        let rest = rest.trim_start();
        let word = rest.split(char::is_whitespace).next().unwrap_or_default();
        word.trim_end() == value
    };
    has("display", "none") || has("visibility", "hidden")
}

fn is_probably_visible(node: Node<'_>) -> bool {
    if node.has_attr("hidden") || node.attr("style").is_some_and(is_invisible_style) {
        return false;
    }
    node.attr("aria-hidden") != Some("true")
        || node.attr("class").is_some_and(|c| c.contains("fallback-image"))
}

// ---------------------------------------------------------------------------
// Scores

/// Scores by node, and which tables hold data.
struct Scores<'n> {
    names: &'n Names,
    score: Vec<Option<f32>>,
    data_table: Vec<bool>,
}

impl<'n> Scores<'n> {
    fn new(names: &'n Names) -> Self {
        Scores {
            names,
            score: Vec::new(),
            data_table: Vec::new(),
        }
    }

    fn get(&self, id: NodeId) -> Option<f32> {
        self.score.get(id.index()).copied().flatten()
    }

    fn value(&self, id: NodeId) -> f32 {
        self.get(id).unwrap_or(0.0)
    }

    fn set(&mut self, id: NodeId, score: f32) {
        if self.score.len() <= id.index() {
            self.score.resize(id.index() + 1, None);
        }
        if let Some(s) = self.score.get_mut(id.index()) {
            *s = Some(score);
        }
    }

    fn init(&mut self, node: Node<'_>, weigh: bool) -> f32 {
        let score = node_score(self.names, node, weigh);
        self.set(node.id(), score);
        score
    }

    fn is_data_table(&self, id: NodeId) -> bool {
        self.data_table.get(id.index()).copied().unwrap_or(false)
    }

    fn set_data_table(&mut self, id: NodeId, yes: bool) {
        if self.data_table.len() <= id.index() {
            self.data_table.resize(id.index() + 1, false);
        }
        if let Some(d) = self.data_table.get_mut(id.index()) {
            *d = yes;
        }
    }
}

/// What an element's `class` and `id` say, read once per page (the
/// attempts and the cleaning steps ask again and again).
#[derive(Clone, Copy, Default)]
struct NameInfo {
    /// Names an unlikely candidate (sidebar, comments…) and no likely one.
    unlikely: bool,
    /// Names a byline.
    byline: bool,
    /// Readability's class weight: -25 per negative, +25 per positive name.
    weight: f32,
}

/// [`NameInfo`] by node, read when first asked for (elements inside
/// removed subtrees are never read); nodes made later have none.
struct Names(Vec<Cell<Option<NameInfo>>>);

/// Which word lists a `class`/`id` value has a word of.
const UNLIKELY: u8 = 1;
const MAYBE: u8 = 2;
const NEGATIVE: u8 = 4;
const POSITIVE: u8 = 8;
const BYLINE: u8 = 16;
/// Has `hid` somewhere (the whole word `hid` is a negative name).
const HID: u8 = 32;

/// One automaton for all of Readability's name lists (ASCII case
/// insensitive), with the lists each pattern belongs to.
struct WordLists {
    automaton: AhoCorasick,
    lists: Vec<u8>,
}

static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(|| {
    let mut patterns: Vec<(&str, u8)> = Vec::new();
    for (words, list) in [
        (UNLIKELY_CANDIDATES, UNLIKELY),
        (MAYBE_CANDIDATES, MAYBE),
        (CLASSES_NEGATIVE, NEGATIVE),
        (CLASSES_POSITIVE, POSITIVE),
        (BYLINE_PATTERNS, BYLINE),
        (&["hid"], HID),
    ] {
        for w in words {
            match patterns.iter_mut().find(|(p, _)| p == w) {
                Some((_, l)) => *l |= list,
                None => patterns.push((w, list)),
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(patterns.iter().map(|(p, _)| p))
        .unwrap_or_else(|e| panic!("readability word lists: {e}"));
    WordLists {
        automaton,
        lists: patterns.into_iter().map(|(_, l)| l).collect(),
    }
});

/// The lists `value` has a word of.
fn word_lists(value: &str) -> u8 {
    let lists = &*WORD_LISTS;

    lists.automaton.find_overlapping_iter(value).fold(0, |acc, m| {
        acc | lists.lists.get(m.pattern().as_usize()).copied().unwrap_or(0)
    })
}

impl Names {
    fn new(doc: &Document<'_>) -> Names {
        Names(vec![Cell::new(None); doc.node_capacity()])
    }

    fn get(&self, node: Node<'_>) -> NameInfo {
        let Some(slot) = self.0.get(node.id().index()) else {
            return NameInfo::default();
        };
        if let Some(info) = slot.get() {
            return info;
        }
        let info = Self::read(node);
        slot.set(Some(info));
        info
    }

    fn read(node: Node<'_>) -> NameInfo {
        let (class, id) = (node.attr("class"), node.attr("id"));
        let mut weight = 0.0;
        let mut all = 0;
        for value in [class, id].into_iter().flatten() {
            let lists = word_lists(value);
            all |= lists;
            let hid_word =
                || lists & HID != 0 && value.split_whitespace().any(|w| w.eq_ignore_ascii_case("hid"));
            if lists & NEGATIVE != 0 || hid_word() {
                weight -= 25.0;
            }
            if lists & POSITIVE != 0 {
                weight += 25.0;
            }
        }
        NameInfo {
            unlikely: all & UNLIKELY != 0 && all & MAYBE == 0,
            byline: all & BYLINE != 0,
            weight,
        }
    }
}

fn class_weight(names: &Names, node: Node<'_>, weigh: bool) -> f32 {
    if weigh { names.get(node).weight } else { 0.0 }
}

fn node_score(names: &Names, node: Node<'_>, weigh: bool) -> f32 {
    use Tag::*;
    let base = match node.tag() {
        Some(Div) => 5.0,
        Some(Pre | Td | Blockquote) => 3.0,
        Some(Address | Ol | Ul | Dl | Dd | Dt | Li | Form) => -3.0,
        Some(H1 | H2 | H3 | H4 | H5 | H6 | Th) => -5.0,
        _ => 0.0,
    };
    base + class_weight(names, node, weigh)
}

// ---------------------------------------------------------------------------
// Preparation

fn is_valid_byline(names: &Names, node: Node<'_>) -> bool {
    let marked = node.attr("rel") == Some("author")
        || node.attr("itemprop").is_some_and(|p| p.contains("author"))
        || names.get(node).byline;
    if !marked {
        return false;
    }
    let len = node.text().trim().chars().count();
    len > 0 && len < 100
}

fn normalize_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Take the first byline element out of the body; its text is the byline.
fn take_byline(doc: &mut Document<'_>, names: &Names) -> Option<String> {
    let mut next = next_element(doc.body(), false);
    while let Some(id) = next {
        let node = doc.node(id);
        if is_valid_byline(names, node) {
            let name = node
                .descendant_elements()
                .find(|d| d.attr("itemprop") == Some("name"))
                .unwrap_or(node);
            let byline = normalize_spaces(&name.text());
            doc.detach(id);
            return Some(byline);
        }
        next = next_element(node, false);
    }
    None
}

fn has_image_source(node: Node<'_>) -> bool {
    node.attrs().any(|(name, value)| {
        matches!(name, "src" | "data-src" | "data-srcset" | "srcset")
            || IMG_EXT.iter().any(|e| value.contains(e))
    })
}

/// What [`prepare`] changes, found in the same walk as the [`Names`].
struct Plan {
    /// Scripts, styles and empty images.
    doomed: Vec<NodeId>,
    fonts: Vec<NodeId>,
    brs: Vec<NodeId>,
}

/// One walk over the page: what [`prepare`] will change; and an empty
/// table of [`Names`].
fn survey(doc: &Document<'_>) -> (Names, Plan) {
    let mut plan = Plan {
        doomed: Vec::new(),
        fonts: Vec::new(),
        brs: Vec::new(),
    };
    for n in doc.root().descendant_elements() {
        match n.tag() {
            Some(Tag::Script | Tag::Noscript | Tag::Style) => plan.doomed.push(n.id()),
            Some(Tag::Img) if !has_image_source(n) => plan.doomed.push(n.id()),
            Some(Tag::Font) => plan.fonts.push(n.id()),
            Some(Tag::Br) => plan.brs.push(n.id()),
            _ => {}
        }
    }
    (Names::new(doc), plan)
}

/// Remove scripts, styles and empty images; `<font>` becomes `<span>`;
/// runs of `<br>` become paragraphs.
fn prepare(doc: &mut Document<'_>, plan: Plan) {
    for id in plan.doomed {
        doc.detach(id);
    }
    for id in plan.fonts {
        doc.set_tag(id, Tag::Span);
    }
    replace_brs(doc, plan.brs);
}

fn next_significant(node: Option<Node<'_>>) -> Option<NodeId> {
    let mut cur = node;
    while let Some(n) = cur {
        if !n.is_element() && n.text_str().trim().is_empty() {
            cur = n.next_sibling();
        } else {
            return Some(n.id());
        }
    }
    None
}

/// Two or more `<br>` in a row end a paragraph: the phrasing content after
/// them goes into a new `<p>`.
fn replace_brs(doc: &mut Document<'_>, brs: Vec<NodeId>) {
    for br in brs {
        let mut next = next_significant(doc.node(br).next_sibling());
        let mut replaced = false;
        while let Some(n) = next {
            if !doc.node(n).has_tag(Tag::Br) {
                break;
            }
            replaced = true;
            let after = doc.node(n).next_sibling().map(|s| s.id());
            doc.detach(n);
            next = next_significant(after.map(|a| doc.node(a)));
        }
        if !replaced {
            continue;
        }
        let p = doc.create_element(Tag::P);
        doc.replace_with(br, p);
        let mut sibling = doc.node(p).next_sibling().map(|s| s.id());
        while let Some(s) = sibling {
            let node = doc.node(s);
            if node.has_tag(Tag::Br)
                && let Some(after) = next_significant(node.next_sibling())
                && doc.node(after).has_tag(Tag::Br)
            {
                break;
            }
            if !is_phrasing(node) {
                break;
            }
            sibling = node.next_sibling().map(|n| n.id());
            doc.append_child(p, s);
        }
        trim_trailing_whitespace(doc, p);
        if let Some(parent) = doc.node(p).parent().filter(|n| n.has_tag(Tag::P)).map(|n| n.id()) {
            doc.set_tag(parent, Tag::Div);
        }
    }
}

fn trim_trailing_whitespace(doc: &mut Document<'_>, id: NodeId) {
    while let Some(last) = doc
        .node(id)
        .last_child()
        .filter(|l| is_whitespace(*l))
        .map(|l| l.id())
    {
        doc.detach(last);
    }
}

// ---------------------------------------------------------------------------
// Candidates

fn attempt_grab(doc: &mut Document<'_>, names: &Names, flags: Flags, title: Option<&str>) -> Option<NodeId> {
    let body = doc.body().id();
    let to_score = collect_elements_to_score(doc, names, flags.strip_unlikely, title);
    let mut scores = Scores::new(names);
    let top = score_elements(doc, &to_score, flags, &mut scores);
    let weigh = flags.weigh_classes;
    let mut tc = top.first().copied();
    if tc.is_none() || tc == Some(body) {
        let div = doc.create_element(Tag::Div);
        let children = ids(doc.body().children());
        for c in children {
            doc.append_child(div, c);
        }
        doc.append_child(body, div);
        scores.init(doc.node(div), weigh);
        tc = Some(div);
    } else if let Some(mut candidate) = tc {
        candidate = find_common_candidate(doc, candidate, &top, weigh, &mut scores);
        loop {
            let node = doc.node(candidate);
            let Some(parent) = node.parent() else { break };
            if parent.has_tag(Tag::Body) || parent.element_children().count() != 1 {
                break;
            }
            candidate = parent.id();
        }
        tc = Some(candidate);
    }
    let tc = tc?;
    if scores.get(tc).is_none() {
        scores.init(doc.node(tc), weigh);
    }
    let article = doc.create_element(Tag::Div);
    assign_article_node(doc, tc, article, &scores);
    prep_article(doc, article, flags, &mut scores);
    Some(article)
}

fn is_unlikely_candidate(names: &Names, node: Node<'_>) -> bool {
    names.get(node).unlikely && !node.has_tag(Tag::A) && !has_ancestor_tag(node, 3, &[Tag::Table, Tag::Code])
}

fn has_block_child(node: Node<'_>) -> bool {
    use Tag::*;
    node.descendant_elements().any(|d| {
        matches!(
            d.tag(),
            Some(Blockquote | Dl | Div | Img | Ol | P | Pre | Table | Ul)
        )
    })
}

/// Walk the body: drop invisible, unlikely and empty elements and the title
/// heading; turn `<div>`s of phrasing content into paragraphs; return the
/// elements to score.
fn collect_elements_to_score(
    doc: &mut Document<'_>,
    names: &Names,
    strip_unlikely: bool,
    title: Option<&str>,
) -> Vec<NodeId> {
    use Tag::*;
    let mut out = Vec::new();
    let mut title_pending = title.is_some_and(|t| !t.is_empty());
    let visible = Visible::new(doc);
    let mut next = next_element(doc.body(), false);
    while let Some(id) = next {
        let node = doc.node(id);
        let remove = !is_probably_visible(node)
            || node.has_tag(Dialog)
            || (node.attr("aria-modal") == Some("true") && node.attr("role") == Some("dialog"))
            || (title_pending
                && matches!(node.tag(), Some(H1 | H2))
                && text_similarity(title.unwrap_or_default(), &node.text()) > 0.75
                && {
                    title_pending = false;
                    true
                })
            || (strip_unlikely
                && (is_unlikely_candidate(names, node)
                    || node.attr("role").is_some_and(|r| UNLIKELY_ROLES.contains(&r))))
            || (matches!(
                node.tag(),
                Some(Div | Section | Header | H1 | H2 | H3 | H4 | H5 | H6)
            ) && visible.is_empty(node));
        if remove {
            next = next_element(node, true);
            doc.detach(id);
            continue;
        }
        if node.has_tag(Svg) {
            next = next_element(node, true);
            continue;
        }
        if matches!(node.tag(), Some(Section | H2 | H3 | H4 | H5 | H6 | P | Td | Pre)) {
            out.push(id);
        }
        let mut current = id;
        if node.has_tag(Div) {
            div_into_p(doc, id);
            let node = doc.node(id);
            let single_p = single_child_element(node, P).filter(|_| visible.link_density(node) < 0.25);
            if let Some(p) = single_p {
                doc.replace_with(id, p);
                out.push(p);
                current = p;
            } else if !has_block_child(node) {
                doc.set_tag(id, P);
                out.push(id);
            }
        }
        next = next_element(doc.node(current), false);
    }
    out
}

/// Wrap each run of phrasing content among a `<div>`'s children in a `<p>`.
fn div_into_p(doc: &mut Document<'_>, div: NodeId) {
    let mut child = doc.node(div).first_child().map(|c| c.id());
    while let Some(c) = child {
        let node = doc.node(c);
        if !is_phrasing(node) || is_whitespace(node) {
            child = node.next_sibling().map(|n| n.id());
            continue;
        }
        let mut next = node.next_sibling().map(|n| n.id());
        let p = doc.create_element(Tag::P);
        doc.insert_before(c, p);
        doc.append_child(p, c);
        while let Some(n) = next {
            let node = doc.node(n);
            if !is_phrasing(node) {
                break;
            }
            next = node.next_sibling().map(|s| s.id());
            doc.append_child(p, n);
        }
        trim_trailing_whitespace(doc, p);
        child = next;
    }
}

/// Commas of several scripts in `text` (ASCII ones found with memchr, the
/// others decoded only at their possible lead bytes).
fn comma_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr_iter(b',', bytes).count();
    if text.is_ascii() {
        return ascii;
    }
    let others = memchr::memchr3_iter(0xD8, 0xE2, 0xEF, bytes)
        .filter(|&i| {
            text.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| COMMAS.contains(&c))
        })
        .count();
    ascii + others
}

/// Whether a subtree has visible text, memoised: collecting asks it of
/// every `<div>`, `<section>`, `<header>` and heading, nested inside each
/// other, and an element is asked before anything inside it changes, so a
/// memoised answer stays true. Each node is looked at once, where walking
/// every subtree would be quadratic in deeply nested pages.
struct Visible {
    text: Vec<Cell<u8>>,
    /// `<br>` and `<hr>` under a node, plus one (0: not yet counted).
    breaks: Vec<Cell<u32>>,
    /// Text summary and link text of a node's subtree, once computed.
    links: Vec<Cell<Option<(TextSummary, f32)>>>,
}

impl Visible {
    const UNKNOWN: u8 = 0;
    const YES: u8 = 1;
    const NO: u8 = 2;

    fn new(doc: &Document<'_>) -> Visible {
        Visible {
            text: vec![Cell::new(Self::UNKNOWN); doc.node_capacity()],
            breaks: vec![Cell::new(0); doc.node_capacity()],
            links: vec![Cell::new(None); doc.node_capacity()],
        }
    }

    fn known(&self, node: Node<'_>) -> u8 {
        self.text.get(node.id().index()).map_or(Self::UNKNOWN, Cell::get)
    }

    fn set(&self, node: Node<'_>, value: u8) {
        if let Some(c) = self.text.get(node.id().index()) {
            c.set(value);
        }
    }

    /// [`link_density`] of `node`, each subtree's text and link text
    /// computed once (new nodes, made while collecting, are computed but
    /// not remembered).
    fn link_density(&self, node: Node<'_>) -> f32 {
        let known = |n: Node<'_>| self.links.get(n.id().index()).and_then(Cell::get);
        let mut fresh: Vec<(NodeId, (TextSummary, f32))> = Vec::new();
        let lookup = |n: Node<'_>, fresh: &[(NodeId, (TextSummary, f32))]| {
            known(n).or_else(|| fresh.iter().rev().find(|(id, _)| *id == n.id()).map(|(_, v)| *v))
        };
        let mut stack = vec![(node, false)];
        while let Some((n, children_done)) = stack.pop() {
            if lookup(n, &fresh).is_some() {
                continue;
            }
            if !children_done {
                stack.push((n, true));
                stack.extend(
                    n.children()
                        .filter(|c| lookup(*c, &fresh).is_none())
                        .map(|c| (c, false)),
                );
                continue;
            }
            let value = if n.is_text() {
                (n.text_summary(), 0.0)
            } else {
                n.children()
                    .fold((TextSummary::EMPTY, 0.0f32), |(text, links), c| {
                        let (ct, cl) = lookup(c, &fresh).unwrap_or((TextSummary::EMPTY, 0.0));
                        let own = if c.has_tag(Tag::A) {
                            ct.normalized() as f32 * link_coefficient(c)
                        } else {
                            0.0
                        };
                        (text.then(ct), links + cl + own)
                    })
            };
            match self.links.get(n.id().index()) {
                Some(cell) => cell.set(Some(value)),
                None => fresh.push((n.id(), value)),
            }
        }
        let (text, links) = lookup(node, &fresh).unwrap_or((TextSummary::EMPTY, 0.0));
        let chars = text.normalized();
        if links == 0.0 || chars == 0 {
            return 0.0;
        }
        links / chars as f32
    }

    /// `<br>` and `<hr>` elements under `node`, counted once per node.
    fn breaks(&self, node: Node<'_>) -> u32 {
        let known = |n: Node<'_>| self.breaks.get(n.id().index()).map_or(0, Cell::get);
        if known(node) > 0 {
            return known(node) - 1;
        }
        let mut stack = vec![(node, false)];
        while let Some((n, children_done)) = stack.pop() {
            if known(n) > 0 {
                continue;
            }
            if !children_done {
                stack.push((n, true));
                stack.extend(
                    n.element_children()
                        .filter(|c| known(*c) == 0)
                        .map(|c| (c, false)),
                );
                continue;
            }
            let count: u32 = n
                .element_children()
                .map(|c| u32::from(matches!(c.tag(), Some(Tag::Br | Tag::Hr))) + known(c).saturating_sub(1))
                .sum();
            if let Some(cell) = self.breaks.get(n.id().index()) {
                cell.set(count + 1);
            }
        }
        known(node).saturating_sub(1)
    }

    /// Some text under `node` is not whitespace (depth-first, stopping at
    /// the first such text; every node on the way is memoised).
    fn has_text(&self, node: Node<'_>) -> bool {
        match self.known(node) {
            Self::YES => return true,
            Self::NO => return false,
            _ => {}
        }
        // (node, next child to look at)
        let mut path: Vec<(Node<'_>, Option<Node<'_>>)> = vec![(node, node.first_child())];
        while let Some(top) = path.last_mut() {
            let Some(child) = top.1 else {
                let done = top.0;
                self.set(done, Self::NO);
                path.pop();
                continue;
            };
            top.1 = child.next_sibling();
            let found = match self.known(child) {
                Self::YES => true,
                Self::NO => false,
                _ if child.is_text() => {
                    let v = child.has_visible_text();
                    self.set(child, if v { Self::YES } else { Self::NO });
                    v
                }
                _ => {
                    path.push((child, child.first_child()));
                    continue;
                }
            };
            if found {
                for (n, _) in &path {
                    self.set(*n, Self::YES);
                }
                return true;
            }
        }
        false
    }

    /// No visible text, and no element children but line breaks.
    fn is_empty(&self, node: Node<'_>) -> bool {
        if self.has_text(node) {
            return false;
        }
        let children = node.element_children().count();
        children == 0 || children == self.breaks(node) as usize
    }
}

/// Character counts, commas and link text of every node under the body,
/// in one pass: what scoring needs, without walking a subtree per node.
struct Counts {
    /// Per node: text summary, commas, link text.
    nodes: Vec<(TextSummary, u32, f32)>,
}

impl Counts {
    fn new(root: Node<'_>) -> Counts {
        let doc = root.document();
        let order = ids(std::iter::once(root).chain(root.descendants()));
        let mut nodes = vec![(TextSummary::EMPTY, 0u32, 0f32); doc.node_capacity()];
        for &id in order.iter().rev() {
            let node = doc.node(id);
            let value = if node.is_text() {
                (node.text_summary(), comma_count(node.text_str()) as u32, 0.0)
            } else {
                node.children()
                    .fold((TextSummary::EMPTY, 0u32, 0f32), |(t, c, l), child| {
                        let (ct, cc, cl) = nodes.get(child.id().index()).copied().unwrap_or_default();
                        let own_link = if child.has_tag(Tag::A) {
                            ct.normalized() as f32 * link_coefficient(child)
                        } else {
                            0.0
                        };
                        (t.then(ct), c + cc, l + cl + own_link)
                    })
            };
            if let Some(slot) = nodes.get_mut(id.index()) {
                *slot = value;
            }
        }
        Counts { nodes }
    }

    fn chars(&self, id: NodeId) -> usize {
        self.nodes.get(id.index()).map_or(0, |n| n.0.normalized())
    }

    fn commas(&self, id: NodeId) -> usize {
        self.nodes.get(id.index()).map_or(0, |n| n.1 as usize)
    }

    fn link_density(&self, id: NodeId) -> f32 {
        let links = self.nodes.get(id.index()).map_or(0.0, |n| n.2);
        let chars = self.chars(id);
        if links == 0.0 || chars == 0 {
            return 0.0;
        }
        links / chars as f32
    }
}

/// Score paragraphs and their ancestors; the best candidates, best first.
fn score_elements(doc: &Document<'_>, to_score: &[NodeId], flags: Flags, scores: &mut Scores) -> Vec<NodeId> {
    let weigh = flags.weigh_classes;
    let counts = Counts::new(doc.body());
    let mut order: Vec<NodeId> = Vec::new();
    let mut base: Vec<f32> = Vec::new();
    let mut slot: Vec<u32> = vec![u32::MAX; doc.node_capacity()];
    for &id in to_score {
        let element = doc.node(id);
        let length = counts.chars(id);
        if length < 25 {
            continue;
        }
        let content_score = 2 + counts.commas(id) + (length / 100).min(3);
        for (level, ancestor) in element.ancestors().take(5).enumerate() {
            if !ancestor.is_element() || ancestor.parent().is_none() {
                continue;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => (level * 3) as f32,
            };
            let extra = content_score as f32 / divider;
            match slot.get(ancestor.id().index()).copied() {
                Some(i) if i != u32::MAX => {
                    if let Some(b) = base.get_mut(i as usize) {
                        *b += extra;
                    }
                }
                _ => {
                    if let Some(s) = slot.get_mut(ancestor.id().index()) {
                        *s = order.len() as u32;
                    }
                    order.push(ancestor.id());
                    base.push(extra + node_score(scores.names, ancestor, weigh));
                }
            }
            if ancestor.has_tag(Tag::Body) {
                break;
            }
        }
    }
    let mut scored: Vec<(NodeId, f32)> = order
        .into_iter()
        .zip(base)
        .filter(|(_, s)| *s > 0.0)
        .map(|(id, s)| {
            let score = if s > MIN_SCORE_TO_ADJUST {
                s * (1.0 - counts.link_density(id))
            } else {
                s
            };
            scores.set(id, score);
            (id, score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    scored
        .into_iter()
        .take(N_TOP_CANDIDATES)
        .map(|(id, _)| id)
        .collect()
}

/// Readability's choice among close contenders: an ancestor shared by
/// several of them, then a parent whose score rises.
fn find_common_candidate(
    doc: &Document<'_>,
    top_candidate: NodeId,
    top: &[NodeId],
    weigh: bool,
    scores: &mut Scores,
) -> NodeId {
    let mut tc = top_candidate;
    let tc_score = scores.value(tc);
    let alternatives: Vec<Vec<NodeId>> = top
        .iter()
        .skip(1)
        .filter(|&&alt| scores.value(alt) / tc_score >= 0.75)
        .map(|&alt| ids(doc.node(alt).ancestors()))
        .collect();
    if alternatives.len() > MIN_COMMON_ANCESTORS {
        let mut parent = doc.node(tc).parent();
        while let Some(p) = parent {
            if p.has_tag(Tag::Body) {
                break;
            }
            let lists = alternatives.iter().filter(|list| list.contains(&p.id())).count();
            if lists >= MIN_COMMON_ANCESTORS {
                tc = p.id();
                break;
            }
            parent = p.parent();
        }
    }
    if scores.get(tc).is_none() {
        scores.init(doc.node(tc), weigh);
    }
    let mut last_score = scores.value(tc);
    let threshold = last_score / 3.0;
    let mut parent = doc.node(tc).parent();
    while let Some(p) = parent {
        if p.has_tag(Tag::Body) {
            break;
        }
        let Some(parent_score) = scores.get(p.id()) else {
            parent = p.parent();
            continue;
        };
        if parent_score < threshold {
            break;
        }
        if parent_score > last_score {
            tc = p.id();
            break;
        }
        last_score = parent_score;
        parent = p.parent();
    }
    tc
}

fn is_sentence(text: &str) -> bool {
    text.ends_with('.') || text.contains(". ")
}

/// Put the candidate and the siblings that belong with it into `article`.
fn assign_article_node(doc: &mut Document<'_>, tc: NodeId, article: NodeId, scores: &Scores) {
    let tc_score = scores.value(tc);
    let threshold = (tc_score * 0.2).max(10.0);
    let Some(parent) = doc.node(tc).parent().map(|p| p.id()) else {
        return;
    };
    let tc_class = doc.node(tc).attr("class").unwrap_or_default().to_owned();
    let siblings = ids(doc.node(parent).element_children());
    for sibling in siblings {
        let node = doc.node(sibling);
        let append = if sibling == tc {
            true
        } else {
            let bonus = if !tc_class.is_empty() && node.attr("class").unwrap_or_default() == tc_class {
                tc_score * 0.2
            } else {
                0.0
            };
            let score = scores.value(sibling);
            if score > 0.0 {
                score + bonus >= threshold
            } else if node.has_tag(Tag::P) {
                let text = normalize_spaces(&node.text());
                let length = text.chars().count();
                let density = link_density(node, Some(length));
                (length > 80 && density < 0.25)
                    || (length < 80 && length > 0 && density == 0.0 && is_sentence(&text))
            } else {
                false
            }
        };
        if append {
            if !is_tag_in(node, &[Tag::Article, Tag::Section, Tag::P, Tag::Ol, Tag::Ul]) {
                doc.set_tag(sibling, Tag::Div);
            }
            doc.append_child(article, sibling);
        }
    }
    doc.append_child(parent, article);
}

// ---------------------------------------------------------------------------
// Cleaning the article

fn prep_article(doc: &mut Document<'_>, article: NodeId, flags: Flags, scores: &mut Scores) {
    remove_share_elements(doc, article);
    mark_data_tables(doc, article, scores);
    if flags.clean_conditionally {
        clean_conditionally(doc, article, &[Tag::Form, Tag::Fieldset], flags, scores);
    }
    clean_embeds(doc, article);
    if flags.weigh_classes {
        let headers = ids(doc.node(article).descendant_elements().filter(|n| {
            matches!(n.tag(), Some(Tag::H1 | Tag::H2)) && class_weight(scores.names, *n, true) < 0.0
        }));
        for id in headers {
            doc.detach(id);
        }
    }
    if flags.clean_conditionally {
        clean_conditionally(doc, article, &[Tag::Table, Tag::Ul, Tag::Div], flags, scores);
    }
    let stats = TextStats::new(doc.node(article));
    let mut media = vec![false; doc.node_capacity()];
    for &id in stats.preorder().iter().rev() {
        let node = doc.node(id);
        let inside = node.children().any(|c| {
            matches!(c.tag(), Some(Tag::Img | Tag::Embed | Tag::Object | Tag::Iframe))
                || media.get(c.id().index()).copied().unwrap_or(false)
        });
        if let Some(slot) = media.get_mut(id.index()) {
            *slot = inside;
        }
    }
    let empty_ps = ids(doc.node(article).descendant_elements().filter(|n| {
        n.has_tag(Tag::P) && stats.chars(n.id()) == 0 && !media.get(n.id().index()).copied().unwrap_or(false)
    }));
    for id in empty_ps {
        doc.detach(id);
    }
    let brs = ids(doc
        .node(article)
        .descendant_elements()
        .filter(|n| n.has_tag(Tag::Br) && n.next_element_sibling().is_some_and(|s| s.has_tag(Tag::P))));
    for id in brs {
        doc.detach(id);
    }
    fix_single_cell_tables(doc, article);
}

fn remove_share_elements(doc: &mut Document<'_>, article: NodeId) {
    let is_share = |v: &str| {
        v.split([' ', '_'])
            .any(|part| part.eq_ignore_ascii_case("share") || part.eq_ignore_ascii_case("sharedaddy"))
    };
    let stats = TextStats::new(doc.node(article));
    let doomed = ids(doc.node(article).descendant_elements().filter(|n| {
        let marked = n.attr("class").is_some_and(is_share) || n.attr("id").is_some_and(is_share);
        marked && stats.chars(n.id()) < CHAR_THRESHOLD
    }));
    for id in doomed {
        doc.detach(id);
    }
}

fn mark_data_tables(doc: &Document<'_>, article: NodeId, scores: &mut Scores) {
    use Tag::*;
    for table in doc
        .node(article)
        .descendant_elements()
        .filter(|n| n.has_tag(Table))
    {
        let data = if table.attr("role") == Some("presentation") || table.attr("datatable") == Some("0") {
            false
        } else if table.has_attr("summary")
            || table
                .descendant_elements()
                .any(|d| matches!(d.tag(), Some(Caption | Col | Colgroup | Tfoot | Thead | Th)))
        {
            true
        } else if table.descendant_elements().any(|d| d.has_tag(Table)) {
            false
        } else {
            let mut rows = 0usize;
            let mut cols = 0usize;
            for tr in table.descendant_elements().filter(|d| d.has_tag(Tr)) {
                rows += 1;
                let in_row: usize = tr
                    .descendant_elements()
                    .filter(|d| d.has_tag(Td))
                    .map(|td| {
                        let raw = td.attr("colspan").unwrap_or("1");
                        match raw.parse::<usize>() {
                            Ok(v) => v.clamp(1, 1000),
                            Err(_) if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) => 1000,
                            Err(_) => 1,
                        }
                    })
                    .fold(0usize, usize::saturating_add);
                cols = cols.max(in_row);
            }
            if rows == 1 || cols == 1 {
                false
            } else if rows >= 10 || cols > 4 {
                true
            } else {
                rows.saturating_mul(cols) > 10
            }
        };
        scores.set_data_table(table.id(), data);
    }
}

/// Embeds, forms controls, footers and asides go; video embeds stay.
fn clean_embeds(doc: &mut Document<'_>, article: NodeId) {
    use Tag::*;
    let doomed = ids(doc.node(article).descendant_elements().filter(|n| match n.tag() {
        Some(Object | Embed | Iframe) => !n.attrs().any(|(_, v)| is_video_url(v)),
        Some(Footer | Link | Aside | Input | Textarea | Select | Button) => true,
        _ => false,
    }));
    for id in doomed {
        doc.detach(id);
    }
}

/// What Readability's conditional cleaning asks about a subtree, gathered
/// from the children's [`Tally`]s: the subtree's text, commas, links,
/// lists, headings and the elements it counts.
#[derive(Clone, Copy, Default)]
struct Tally {
    text: TextSummary,
    commas: u32,
    link_chars: f32,
    list_chars: u32,
    heading_chars: u32,
    textish_text: bool,
    img: u32,
    p: u32,
    li: u32,
    input: u32,
    embeds: u32,
    video: bool,
    data_table: bool,
    pre: bool,
}

impl Tally {
    /// The tally of `node` from those of its children (`tallies`, by node).
    fn of(node: Node<'_>, tallies: &[Tally], scores: &Scores<'_>) -> Tally {
        if node.is_text() {
            return Tally {
                text: node.text_summary(),
                commas: memchr::memchr_iter(b',', node.text_str().as_bytes()).count() as u32,
                ..Tally::default()
            };
        }
        let mut tally = Tally::default();
        for child in node.children() {
            let inner = tallies.get(child.id().index()).copied().unwrap_or_default();
            tally.add(child, &inner, scores);
        }
        tally
    }

    fn chars(&self) -> usize {
        self.text.normalized()
    }

    /// Add `child` (with `inner`, the tally of its own subtree).
    fn add(&mut self, child: Node<'_>, inner: &Tally, scores: &Scores<'_>) {
        use Tag::*;
        self.text = self.text.then(inner.text);
        self.commas += inner.commas;
        self.link_chars += inner.link_chars;
        self.list_chars += inner.list_chars;
        self.heading_chars += inner.heading_chars;
        self.textish_text |= inner.textish_text;
        self.img += inner.img;
        self.p += inner.p;
        self.li += inner.li;
        self.input += inner.input;
        self.embeds += inner.embeds;
        self.video |= inner.video;
        self.data_table |= inner.data_table;
        self.pre |= inner.pre;
        let Some(tag) = child.tag() else { return };
        let chars = inner.chars();
        match tag {
            A => self.link_chars += chars as f32 * link_coefficient(child),
            Ul | Ol => self.list_chars += chars as u32,
            t if t.is_heading() => self.heading_chars += chars as u32,
            Img => self.img += 1,
            P => self.p += 1,
            Li => self.li += 1,
            Input => self.input += 1,
            Object | Embed | Iframe => {
                self.embeds += 1;
                self.video |= child.attrs().any(|(_, v)| is_video_url(v));
            }
            Table => self.data_table |= scores.is_data_table(child.id()),
            Pre => self.pre = true,
            _ => {}
        }
        let textish = matches!(
            tag,
            Blockquote | Dl | Div | Img | Ol | P | Pre | Table | Ul | Span | Li | Td
        );
        self.textish_text |= textish && chars > 0;
    }
}

/// Remove the elements with one of `tags` that look like navigation, link
/// lists, widgets or ads, innermost first. The [`Tally`] of every node is
/// built from its children's in the same walk (children before parents),
/// so each subtree is read once however deep the nesting.
fn clean_conditionally(doc: &mut Document<'_>, article: NodeId, tags: &[Tag], flags: Flags, scores: &Scores) {
    let order = ids(doc.node(article).descendants());
    let mut tallies: Vec<Tally> = vec![Tally::default(); doc.node_capacity()];
    let surroundings = Surroundings::new(doc.node(article), &order, scores);
    for &id in order.iter().rev() {
        let node = doc.node(id);
        let tally = Tally::of(node, &tallies, scores);
        let remove =
            is_tag_in(node, tags) && should_clean_conditionally(node, &tally, &surroundings, flags, scores);
        if remove {
            doc.detach(id);
        } else if let Some(slot) = tallies.get_mut(id.index()) {
            *slot = tally;
        }
    }
}

/// For each node of the article: whether it sits inside a data table or a
/// `<figure>` (its ancestors do not change while the article is cleaned,
/// innermost first).
struct Surroundings {
    in_data_table: Vec<bool>,
    in_figure: Vec<bool>,
}

impl Surroundings {
    fn new(article: Node<'_>, order: &[NodeId], scores: &Scores<'_>) -> Surroundings {
        let doc = article.document();
        let capacity = doc.node_capacity();
        let mut in_data_table = vec![false; capacity];
        let mut in_figure = vec![false; capacity];
        let outside = |n: Node<'_>, test: &dyn Fn(Node<'_>) -> bool| n.ancestor_elements().any(test);
        let is_data_table = |n: Node<'_>| n.has_tag(Tag::Table) && scores.is_data_table(n.id());
        let is_figure = |n: Node<'_>| n.has_tag(Tag::Figure);
        if let Some(slot) = in_data_table.get_mut(article.id().index()) {
            *slot = outside(article, &is_data_table);
        }
        if let Some(slot) = in_figure.get_mut(article.id().index()) {
            *slot = outside(article, &is_figure);
        }
        for &id in order {
            let node = doc.node(id);
            let Some(parent) = node.parent() else { continue };
            let p = parent.id().index();
            let table = in_data_table.get(p).copied().unwrap_or(false) || is_data_table(parent);
            let figure = in_figure.get(p).copied().unwrap_or(false) || is_figure(parent);
            if let Some(slot) = in_data_table.get_mut(id.index()) {
                *slot = table;
            }
            if let Some(slot) = in_figure.get_mut(id.index()) {
                *slot = figure;
            }
        }
        Surroundings {
            in_data_table,
            in_figure,
        }
    }
}

fn should_clean_conditionally(
    node: Node<'_>,
    tally: &Tally,
    around: &Surroundings,
    flags: Flags,
    scores: &Scores,
) -> bool {
    use Tag::*;
    let is_data_table = |n: Node<'_>| n.has_tag(Table) && scores.is_data_table(n.id());
    let index = node.id().index();
    let in_data_table = around.in_data_table.get(index).copied().unwrap_or(false);
    if tally.data_table || is_data_table(node) || in_data_table {
        return false;
    }
    let weight = class_weight(scores.names, node, flags.weigh_classes);
    if weight < 0.0 {
        return !tally.pre;
    }
    if tally.commas >= 10 || tally.video {
        return false;
    }
    let embeds = tally.embeds;
    let char_count = tally.chars();
    if char_count <= MAX_LABEL_CHARS {
        let text_low = node.text().trim().to_lowercase();
        if AD_WORDS.contains(&text_low.as_str())
            || LOADING_WORDS.contains(&text_low.trim_end_matches(['…', '.']))
        {
            return true;
        }
    }
    let share = |sum: f32| {
        if char_count == 0 {
            0.0
        } else {
            sum / char_count as f32
        }
    };
    let is_list =
        matches!(node.tag(), Some(Ul | Ol)) || (char_count > 0 && share(tally.list_chars as f32) > 0.9);
    let img = tally.img;
    let should_remove = || {
        let in_figure = around.in_figure.get(index).copied().unwrap_or(false);
        let p = tally.p as f32;
        if !in_figure && img > 1 && p / (img as f32) < 0.5 {
            return true;
        }
        let li = tally.li as f32 - 100.0;
        if !is_list && li > p {
            return true;
        }
        if tally.input as f32 > (p / 3.0).floor() {
            return true;
        }
        let density = share(tally.link_chars);
        let few_headings = char_count == 0 || share(tally.heading_chars as f32) < 0.9;
        if !is_list && !in_figure && char_count < 25 && (img == 0 || img > 2) && density > 0.0 && few_headings
        {
            return true;
        }
        if !is_list && weight < 25.0 && density > 0.2 {
            return true;
        }
        if weight >= 25.0 && density > 0.5 {
            return true;
        }
        if (embeds == 1 && char_count < 75) || embeds > 1 {
            return true;
        }
        img == 0 && !tally.textish_text
    };
    let remove = should_remove();
    if is_list && remove {
        if node.children().any(|c| c.element_children().count() > 1) {
            return remove;
        }
        return img != tally.li;
    }
    remove
}

fn fix_single_cell_tables(doc: &mut Document<'_>, article: NodeId) {
    let tables = ids(doc
        .node(article)
        .descendant_elements()
        .filter(|n| n.has_tag(Tag::Table)));
    for table in tables {
        let t = doc.node(table);
        let body = single_child_element(t, Tag::Tbody).unwrap_or(table);
        let Some(row) = single_child_element(doc.node(body), Tag::Tr) else {
            continue;
        };
        let Some(cell) = single_child_element(doc.node(row), Tag::Td) else {
            continue;
        };
        let phrasing = doc.node(cell).children().all(is_phrasing);
        doc.set_tag(cell, if phrasing { Tag::P } else { Tag::Div });
        doc.replace_with(table, cell);
    }
}

// ---------------------------------------------------------------------------
// Post-processing

fn post_process(doc: &mut Document<'_>, root: NodeId) {
    let js_links = ids(doc
        .node(root)
        .descendant_elements()
        .filter(|n| n.has_tag(Tag::A) && n.attr("href").is_some_and(|h| h.starts_with("javascript:"))));
    for a in js_links {
        let node = doc.node(a);
        let mut children = node.children();
        match (children.next(), children.next()) {
            (None, _) => doc.detach(a),
            (Some(only), None) if only.is_text() => {
                let text = only.id();
                doc.replace_with(a, text);
            }
            _ => {
                doc.set_tag(a, Tag::Span);
                doc.clear_attrs(a);
            }
        }
    }
    let empty_links = ids(doc
        .node(root)
        .descendant_elements()
        .filter(|n| n.has_tag(Tag::A) && !n.has_attr("href") && n.first_child().is_none()));
    for a in empty_links {
        doc.detach(a);
    }
    let blocks = ids(doc
        .node(root)
        .descendant_elements()
        .filter(|n| matches!(n.tag(), Some(Tag::Div | Tag::Section))));
    for &parent in blocks.iter().rev() {
        let node = doc.node(parent);
        let Some(child) = node.first_element_child() else {
            continue;
        };
        if child.next_element_sibling().is_some() || !matches!(child.tag(), Some(Tag::Div | Tag::Section)) {
            continue;
        }
        let child = child.id();
        doc.copy_attrs(parent, child);
        doc.replace_with(parent, child);
    }
    let empty = ids(doc.node(root).descendant_elements().filter(|n| {
        matches!(n.tag(), Some(Tag::Div | Tag::Section))
            && !n.children().any(|c| c.is_element() || is_nonempty_text(c))
    }));
    for id in empty {
        doc.detach(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_tag(node: Node<'_>, tag: Tag) -> usize {
        node.descendant_elements().filter(|d| d.has_tag(tag)).count()
    }
    /// Share of a node's text inside descendants satisfying `is` (nested
    /// matches counted again, as Readability does), compared with `threshold`.
    fn density_above(
        node: Node<'_>,
        is: impl Fn(Node<'_>) -> bool,
        char_count: usize,
        threshold: f32,
    ) -> bool {
        if char_count == 0 {
            return 0.0 > threshold;
        }
        let total = char_count as f32;
        let mut inner = 0usize;
        for d in node.descendant_elements() {
            if is(d) {
                inner += d.normalized_char_count();
                if inner as f32 / total > threshold {
                    return true;
                }
            }
        }
        inner as f32 / total > threshold
    }
    fn density_below(
        node: Node<'_>,
        is: impl Fn(Node<'_>) -> bool,
        char_count: usize,
        threshold: f32,
    ) -> bool {
        if char_count == 0 {
            return 0.0 < threshold;
        }
        let total = char_count as f32;
        let inner: usize = node
            .descendant_elements()
            .filter(|&d| is(d))
            .map(|d| d.normalized_char_count())
            .sum();
        (inner as f32 / total) < threshold
    }

    /// Readability's conditional-cleaning test as the DOM version writes it
    /// (a walk of the subtree per question), to check the tallies against.
    fn should_clean_reference(node: Node<'_>, flags: Flags, scores: &Scores) -> bool {
        use Tag::*;
        let is_data_table = |n: Node<'_>| n.has_tag(Table) && scores.is_data_table(n.id());
        if node.descendant_elements().any(is_data_table)
            || is_data_table(node)
            || node.ancestors().any(is_data_table)
        {
            return false;
        }
        let weight = class_weight(scores.names, node, flags.weigh_classes);
        if weight < 0.0 {
            return !node.descendant_elements().any(|d| d.has_tag(Pre));
        }
        if node.text().matches(',').count() >= 10 {
            return false;
        }
        let mut embeds = 0usize;
        for embed in node
            .descendant_elements()
            .filter(|d| matches!(d.tag(), Some(Object | Embed | Iframe)))
        {
            if embed.attrs().any(|(_, v)| is_video_url(v)) {
                return false;
            }
            embeds += 1;
        }
        let text_low = node.text().trim().to_lowercase();
        if AD_WORDS.contains(&text_low.as_str())
            || LOADING_WORDS.contains(&text_low.trim_end_matches(['…', '.']))
        {
            return true;
        }
        let char_count = node.normalized_char_count();
        let is_list = matches!(node.tag(), Some(Ul | Ol))
            || density_above(node, |d| matches!(d.tag(), Some(Ul | Ol)), char_count, 0.9);
        let img = count_tag(node, Img);
        let should_remove = || {
            let in_figure = node.ancestors().any(|a| a.has_tag(Figure));
            let p = count_tag(node, P) as f32;
            if !in_figure && img > 1 && p / (img as f32) < 0.5 {
                return true;
            }
            if !is_list && count_tag(node, Li) as f32 - 100.0 > p {
                return true;
            }
            if count_tag(node, Input) as f32 > (p / 3.0).floor() {
                return true;
            }
            let density = link_density(node, Some(char_count));
            if !is_list
                && !in_figure
                && char_count < 25
                && (img == 0 || img > 2)
                && density > 0.0
                && density_below(node, |d| d.tag().is_some_and(Tag::is_heading), char_count, 0.9)
            {
                return true;
            }
            if !is_list && weight < 25.0 && density > 0.2 {
                return true;
            }
            if weight >= 25.0 && density > 0.5 {
                return true;
            }
            if (embeds == 1 && char_count < 75) || embeds > 1 {
                return true;
            }
            let textish = |d: Node<'_>| {
                matches!(
                    d.tag(),
                    Some(Blockquote | Dl | Div | Img | Ol | P | Pre | Table | Ul | Span | Li | Td)
                )
            };
            img == 0 && !density_above(node, textish, 1, 0.0)
        };
        let remove = should_remove();
        if is_list && remove {
            if node.children().any(|c| c.element_children().count() > 1) {
                return remove;
            }
            return img != count_tag(node, Li);
        }
        remove
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        #[test]
        fn tallies_decide_like_subtree_walks(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "<(div|ul|ol|li|p|a|span|table|tr|td|th|img|input|iframe|h2|pre|figure)( (class|href|src)=\"[a-z#/.: -]{0,14}\")?>",
                    "</(div|ul|ol|li|p|a|span|table|tr|td|th|h2|pre|figure)>",
                    "[a-zA-Z ,.…]{0,30}",
                    "Advertisement|Loading\\.\\.\\.|https://www.youtube.com/x",
                ],
                0..40,
            ),
            weigh in proptest::bool::ANY,
        ) {
            let html = format!("<body><div id=article>{}</div></body>", parts.concat());
            let mut doc = Document::parse(&html);
            let names = Names::new(&doc);
            let mut scores = Scores::new(&names);
            let root = doc.body().id();
            mark_data_tables(&doc, root, &mut scores);
            let flags = Flags { strip_unlikely: true, weigh_classes: weigh, clean_conditionally: true };
            let order = ids(doc.node(root).descendants());
            let around = Surroundings::new(doc.node(root), &order, &scores);
            let mut tallies = vec![Tally::default(); doc.node_capacity()];
            for &id in order.iter().rev() {
                let node = doc.node(id);
                let tally = Tally::of(node, &tallies, &scores);
                if node.is_element() {
                    proptest::prop_assert_eq!(
                        should_clean_conditionally(node, &tally, &around, flags, &scores),
                        should_clean_reference(node, flags, &scores),
                        "node {:?} in {}", node, html
                    );
                }
                tallies[id.index()] = tally;
            }
            let _ = &mut doc;
        }
    }

    /// The article text `html` gives (whitespace collapsed).
    fn article_text(html: &str, title: Option<&str>) -> Option<String> {
        let doc = Document::parse(html);
        let article = grab_article(doc, title, true)?;
        Some(normalize_spaces(&article.doc.node(article.root).text()))
    }

    fn check(html: &str, kept: &[&str], dropped: &[&str]) {
        let text = article_text(html, Some("Bridge reopens after repairs")).unwrap_or_default();
        for k in kept {
            assert!(text.contains(k), "{k:?} should be in {text:?}");
        }
        for d in dropped {
            assert!(!text.contains(d), "{d:?} should not be in {text:?}");
        }
    }

    const PARA: &str = "The old bridge over the river reopened on Monday, after two years of repairs, and traffic moved freely again, officials said.";

    #[test]
    fn article_body_beats_navigation_and_sidebars() {
        let body = format!("<p>{PARA}</p>").repeat(6);
        check(
            &format!(
                r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <div class="sidebar"><p>Most read: stories, stories, stories everywhere today, all of them.</p></div>
                <div class="article-body"><h1>Bridge reopens after repairs</h1>{body}
                <div class="share tools"><p>Share this</p><p>Tweet</p></div></div>
                <div id="comments"><p>First comment, with words, many words, so many words in it.</p></div>
                </body></html>"#
            ),
            &["old bridge over the river"],
            &[
                "Home",
                "Most read",
                "First comment",
                "Bridge reopens after repairs",
            ],
        );
    }

    #[test]
    fn double_breaks_become_paragraphs() {
        let html =
            format!("<html><body><div>{PARA}<br><br>{PARA}<br><br>Short last line.</div></body></html>");
        let doc = Document::parse(&html);
        let article = grab_article(doc, None, true).expect("article");
        let ps = article
            .doc
            .node(article.root)
            .descendant_elements()
            .filter(|n| n.has_tag(Tag::P))
            .count();
        assert!(ps >= 2, "{ps} paragraphs");
    }

    #[test]
    fn bylines_are_taken_out() {
        let body = format!("<p>{PARA}</p>").repeat(5);
        let html = format!(
            r#"<html><body><article><div class="byline">By Jane Doe</div>{body}</article></body></html>"#
        );
        let doc = Document::parse(&html);
        let article = grab_article(doc, None, true).expect("article");
        assert_eq!(article.byline.as_deref(), Some("By Jane Doe"));
        assert!(!article.doc.node(article.root).text().contains("Jane"));
    }

    #[test]
    fn short_pages_still_give_their_text() {
        assert_eq!(
            article_text(
                "<html><body><div class=\"comments\"><p>Only this.</p></div></body></html>",
                None
            )
            .as_deref(),
            Some("Only this.")
        );
    }

    #[test]
    fn similarity_and_styles() {
        assert!(text_similarity("Bridge reopens after repairs", "bridge reopens") > 0.75);
        assert!(text_similarity("Bridge reopens", "Storm hits coast") < 0.1);
        assert!(is_invisible_style("color: red; DISPLAY: none"));
        assert!(!is_invisible_style("display: none!important"));
        assert!(is_video_url("https://www.youtube.com/embed/x"));
        assert!(!is_video_url("https://example.test/youtube.com"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "<(p|div|span|a|ul|li|table|tr|td|section|article|h1|h2|br|img|form|iframe|pre|figure|font)( (class|id|style|href|hidden|role)=\"[a-z: -]{0,12}\")?>",
                    "</(p|div|span|a|ul|li|table|tr|td|section|article|h1|h2|form|pre|figure)>",
                    "[a-zA-Z ,.]{0,60}",
                ],
                0..40,
            )
        ) {
            let html = parts.concat();
            let _ = grab_article(Document::parse(&html), Some("A title"), true);
        }
    }
}
