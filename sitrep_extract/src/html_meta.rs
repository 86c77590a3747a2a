//! Article metadata from an HTML page's markup: headline, publication date,
//! authors, site name, canonical URL, language and description.
//!
//! Pages state their metadata several times over, in sources of unequal
//! trust: `<meta>` tags (Open Graph, Dublin Core, Parse.ly, Sailthru…),
//! JSON-LD blocks (schema.org `NewsArticle` and kin, often inside `@graph`),
//! microdata (`itemprop`), `<time>` elements, the URL and the visible
//! dateline. This module reads each source separately and then takes the
//! most trusted one that gives a usable value, so a page whose best source is
//! missing or broken still yields the next best answer.
//!
//! - Date, in order of trust: `<meta>` tags (Open Graph's
//!   `article:published_time` first), JSON-LD `datePublished` /
//!   `dateCreated`, `<time>` and other elements marked as the publication
//!   date, a date in the canonical URL's path, a dateline near the headline.
//!   [`DateSource`] records which one answered.
//! - Title: JSON-LD `headline`, `og:title`, `twitter:title`, `<meta
//!   name=title>`, `<title>` with the site name cut off; the first that
//!   agrees with the page's `<h1>` wins (the `<h1>` itself when the
//!   candidate only adds a section label), else the first of them, else the
//!   `<h1>`. An `<h1>` that is the site's logo is no headline.
//! - Authors: JSON-LD `author`, author meta tags, `itemprop=author` and
//!   `rel=author`, then byline elements, cleaned into names.
//!
//! Only general rules are used — nothing keyed to a site — because the pages
//! it will meet are not the pages it was written against. Two guards matter
//! most for dates:
//! - a date is read only from the page's own article, never from a related
//!   articles box, an aside, a footer, navigation, comments, a copyright line
//!   or a `<script>` other than JSON-LD, and never from a "modified" field;
//! - a date after `fetched` (when known) is impossible and is skipped, so
//!   the next source gets its turn.
//!
//! The module never panics on input: malformed JSON-LD is skipped block by
//! block, recursion over JSON and the DOM is bounded, and the CSS selectors
//! it uses are constants.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::fast_html::{Document, Node, Tag};
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde_json::Value;
use sitrep_model::PublishedDate;

use crate::dates::{find_date, parse_date};

/// Where a publication date was read from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// A `<meta>` tag other than Open Graph (`name=date`, `DC.date.issued`,
    /// `parsely-pub-date`, `itemprop=datePublished`, …).
    Meta,
    /// A JSON-LD `datePublished` (or `dateCreated`).
    JsonLd,
    /// The Open Graph `article:published_time` tag.
    OpenGraph,
    /// A `<time>` element (or another element marked `datePublished`).
    TimeElement,
    /// A date written in the canonical URL's path.
    Url,
    /// A dateline or "Published …" line near the top of the article.
    Dateline,
}

/// Metadata found in an HTML page's markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMetadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Which source `published` was read from.
    pub published_source: Option<DateSource>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publisher or site name.
    pub site_name: Option<String>,
    /// Canonical URL (absolute, http or https).
    pub canonical_url: Option<String>,
    /// Language code (ISO 639-1).
    pub language: Option<String>,
    /// Summary the page gives of itself.
    pub description: Option<String>,
}

/// Read metadata from a parsed page. `fetched`, when known, bounds dates:
/// no candidate later than it is accepted.
pub fn html_metadata(doc: &Document<'_>, fetched: Option<PublishedDate>) -> HtmlMetadata {
    read_metadata(doc, fetched).0
}

/// [`html_metadata`], and whether the markup states a byline the way
/// Readability reads one (a `<meta>` author, a schema.org article's author
/// object); the main-text extractor looks for a byline element in the
/// body only when it does not.
pub(crate) fn read_metadata(doc: &Document<'_>, fetched: Option<PublishedDate>) -> (HtmlMetadata, bool) {
    let page = Page::new(doc);
    let doc = &page;
    let metas = MetaTags::collect(doc);
    let ld = JsonLd::collect(doc);
    let states_byline = metas.states_byline() || ld.states_byline();
    let site_hint = site_name(&metas, &ld, None);
    let heading = main_heading(doc, site_hint.as_deref());
    let canonical_url = canonical_url(doc, &metas);
    let article = ld.main_article(
        heading.as_ref().map(|h| h.text.as_str()),
        canonical_url.as_deref(),
    );
    let site_name = site_name(&metas, &ld, article);
    let scope = article_scope(doc, heading.as_ref().map(|h| h.node));
    let title = title(doc, &metas, article, heading.as_ref(), site_name.as_deref());
    let headline_node = match (&heading, title.as_deref()) {
        (Some(h), Some(t)) if agrees(&h.text, t) => Some(h.node),
        (h, Some(t)) => headline_element(doc, t).or(h.as_ref().map(|h| h.node)),
        (h, None) => h.as_ref().map(|h| h.node),
    };
    let page_node = article.or_else(|| ld.pages().into_iter().next());
    let dated = published(
        doc,
        &metas,
        &ld,
        article,
        (scope, headline_node),
        canonical_url.as_deref(),
        fetched,
    );
    let authors = authors(doc, &metas, &ld, page_node, scope, site_name.as_deref());
    let meta = HtmlMetadata {
        title,
        published: dated.map(|(d, _)| d),
        published_source: dated.map(|(_, s)| s),
        authors,
        site_name,
        canonical_url,
        language: language(doc, &metas, &ld, article),
        description: description(&metas, article),
    };
    (meta, states_byline)
}

// ---------------------------------------------------------------------------
// Text helpers

/// Collapse runs of whitespace (and drop zero-width characters) into single
/// spaces, trimmed.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Decode HTML character references (`&amp;`, `&#8217;`, `&rsquo;`) left in
/// a string, e.g. by double encoding or inside JSON-LD, and normalise
/// whitespace.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return normalize_whitespace(s);
    }
    if !s.contains('<') {
        return normalize_whitespace(&crate::fast_html::decode_entities(s));
    }
    normalize_whitespace(&Document::parse(s).root().text())
}

/// Clean a metadata string; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let cleaned = decode_entities(s);
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Lower-case alphanumeric words, for comparing titles and names.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Distinct lower-case words, sorted.
fn distinct_words(s: &str) -> Vec<String> {
    let mut w = words(s);
    w.sort();
    w.dedup();
    w
}

/// Every word of `inner` occurs in `outer`.
fn covers(outer: &str, inner: &str) -> bool {
    let o = distinct_words(outer);
    distinct_words(inner).iter().all(|w| o.contains(w))
}

/// Share of distinct words two strings have in common, relative to the
/// one with more.
fn word_overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (distinct_words(a), distinct_words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    common as f64 / wa.len().max(wb.len()) as f64
}

/// Two strings say the same thing (a title and the `<h1>`, say).
fn agrees(a: &str, b: &str) -> bool {
    word_overlap(a, b) >= 0.8
}

/// The string with spaces removed and lower-cased, for comparing names that
/// differ only in spacing or case ("The Example Times" / "example times").
fn squashed(s: &str) -> String {
    words(s).concat()
}

/// `part` names the site: it is the site name, or the site's domain.
fn names_site(part: &str, site: Option<&str>) -> bool {
    let p = squashed(part.trim_start_matches("www."));
    if p.is_empty() {
        return false;
    }
    if let Some(site) = site {
        let s = squashed(site);
        if !s.is_empty()
            && (p == s
                || (p.len() >= 3 && s.contains(&p))
                || (s.len() >= 4 && p.contains(&s) && p.len() <= s.len() + 12))
        {
            return true;
        }
    }
    is_domain_like(part)
}

/// A bare domain name such as `example.com`.
fn is_domain_like(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    !lower.contains(' ')
        && [
            ".com", ".org", ".net", ".co.uk", ".co", ".io", ".news", ".info", ".fr", ".de", ".uk",
        ]
        .iter()
        .any(|tld| lower.ends_with(tld))
}

// ---------------------------------------------------------------------------
// DOM helpers

/// Ancestors looked at when deciding whether a node sits in an excluded zone.
const MAX_ANCESTORS: usize = 40;

/// Class or id words that mark a block that is not the article itself.
const EXCLUDED_SUBSTRINGS: &[&str] = &[
    "related",
    "recommend",
    "more-stories",
    "morestories",
    "more_stories",
    "more-from",
    "morefrom",
    "most-read",
    "mostread",
    "most-popular",
    "mostpopular",
    "read-more",
    "readmore",
    "read-next",
    "readnext",
    "up-next",
    "upnext",
    "also-read",
    "trending",
    "outbrain",
    "taboola",
    "newsletter",
    "you-may-like",
    "further-reading",
];

/// Whole class or id words that mark a block that is not the article.
const EXCLUDED_WORDS: &[&str] = &[
    "sidebar",
    "comment",
    "comments",
    "disqus",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "promo",
    "widget",
    "teaser",
    "teasers",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "social",
];

fn attr_string(node: &Node<'_>, name: &str) -> Option<String> {
    node.attr(name).map(str::to_owned)
}

/// `class` and `id` of an element, lower-cased, space separated (borrowed
/// when there is only an already lower-case ASCII class).
fn hints<'a>(node: &Node<'a>) -> Cow<'a, str> {
    let class = node.attr("class");
    let id = node.attr("id");
    match (class, id) {
        (None, None) => Cow::Borrowed(""),
        (Some(c), None) if c.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => Cow::Borrowed(c),
        _ => {
            let mut h = class.unwrap_or_default().to_owned();
            if let Some(id) = id {
                h.push(' ');
                h.push_str(id);
            }
            Cow::Owned(h.to_lowercase())
        }
    }
}

fn hint_words(h: &str) -> impl Iterator<Item = &str> {
    h.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn node_name<'a>(node: &Node<'a>) -> &'a str {
    node.name()
}

/// The elements metadata is read from, gathered in one walk over the page,
/// and which elements sit in an excluded zone (memoised: the question is
/// asked for many elements and their ancestors).
struct Page<'a> {
    doc: &'a Document<'a>,
    metas: Vec<Node<'a>>,
    scripts: Vec<Node<'a>>,
    h1s: Vec<Node<'a>>,
    titles: Vec<Node<'a>>,
    links: Vec<Node<'a>>,
    htmls: Vec<Node<'a>>,
    dated: OnceCell<Vec<Node<'a>>>,
    authored: OnceCell<Vec<Node<'a>>>,
    headline_like: OnceCell<Vec<Node<'a>>>,
    articles: Vec<Node<'a>>,
    mains: Vec<Node<'a>>,
    role_mains: Vec<Node<'a>>,
    /// Per node: 0 not yet known, else [`ZONE_KNOWN`] with
    /// [`ZONE_EXCLUDED`] and the outermost footer/article bits.
    zones: RefCell<Vec<u8>>,
}

fn names_a_title(class: &str) -> bool {
    let bytes = class.as_bytes();
    memchr::memchr2_iter(b'i', b'e', bytes).any(|at| {
        let before = at
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .map(u8::to_ascii_lowercase);
        let rest = bytes.get(at..).unwrap_or_default();
        (before == Some(b't') && rest.starts_with(b"itle"))
            || (before == Some(b'h') && rest.starts_with(b"eadline"))
    })
}

const ZONE_KNOWN: u8 = 0x80;
const ZONE_EXCLUDED: u8 = 1;
const ZONE_OUTER_FOOTER: u8 = 2;
const ZONE_OUTER_ARTICLE: u8 = 4;

impl<'a> Page<'a> {
    fn new(doc: &'a Document<'a>) -> Self {
        let mut page = Page {
            doc,
            metas: Vec::new(),
            scripts: Vec::new(),
            h1s: Vec::new(),
            titles: Vec::new(),
            links: Vec::new(),
            htmls: Vec::new(),
            dated: OnceCell::new(),
            authored: OnceCell::new(),
            headline_like: OnceCell::new(),
            articles: Vec::new(),
            mains: Vec::new(),
            role_mains: Vec::new(),
            zones: RefCell::new(vec![0; doc.node_capacity()]),
        };
        for n in doc.root().descendant_elements() {
            match n.tag() {
                Some(Tag::Meta) => page.metas.push(n),
                Some(Tag::Script) => page.scripts.push(n),
                Some(Tag::Title) => page.titles.push(n),
                Some(Tag::Link) => page.links.push(n),
                Some(Tag::Html) => page.htmls.push(n),
                Some(Tag::Article) => page.articles.push(n),
                Some(Tag::Main) => page.mains.push(n),
                Some(Tag::H1) => page.h1s.push(n),
                _ => {}
            }
            if n.attr("role") == Some("main") {
                page.role_mains.push(n);
            }
        }
        page
    }

    /// Elements satisfying `is`, in document order.
    fn gather(&self, is: impl Fn(Node<'_>) -> bool) -> Vec<Node<'a>> {
        self.doc.root().descendant_elements().filter(|&n| is(n)).collect()
    }

    /// `<time>`, `<abbr title>`, hidden `<input>`, `[itemprop]` (gathered
    /// when first asked for: most pages state their date in metadata).
    fn dated(&self) -> &[Node<'a>] {
        self.dated.get_or_init(|| {
            self.gather(|n| match n.tag() {
                Some(Tag::Time) => true,
                Some(Tag::Abbr) if n.has_attr("title") => true,
                Some(Tag::Input) if n.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) => true,
                _ => n.has_attr("itemprop"),
            })
        })
    }

    /// `[itemprop]`, `<a rel>`, `<link rel>`.
    fn authored(&self) -> &[Node<'a>] {
        self.authored.get_or_init(|| {
            self.gather(|n| {
                n.has_attr("itemprop") || (matches!(n.tag(), Some(Tag::A | Tag::Link)) && n.has_attr("rel"))
            })
        })
    }

    /// `<h1>`–`<h3>` and elements whose class names a title or headline.
    fn headline_like(&self) -> &[Node<'a>] {
        self.headline_like.get_or_init(|| {
            self.gather(|n| {
                matches!(n.tag(), Some(Tag::H1 | Tag::H2 | Tag::H3))
                    || n.attr("class").is_some_and(names_a_title)
            })
        })
    }

    /// The node (or one of its ancestors) is a related-articles box, an
    /// aside, navigation, comments or the page footer (an article's own
    /// footer is not).
    fn excluded(&self, node: &Node<'_>) -> bool {
        let state = self.zone_state(*node);
        state & ZONE_EXCLUDED != 0 || state & ZONE_OUTER_FOOTER != 0
    }

    fn zone_state(&self, node: Node<'_>) -> u8 {
        let mut zones = self.zones.borrow_mut();
        let mut path = Vec::new();
        let mut cur = Some(node);
        let mut state = ZONE_KNOWN;
        while let Some(n) = cur {
            match zones.get(n.id().index()).copied() {
                Some(known) if known != 0 => {
                    state = known;
                    break;
                }
                _ => {}
            }
            path.push(n);
            cur = n.parent();
        }
        for n in path.into_iter().rev() {
            let zone = if n.is_element() {
                zone_of(&n)
            } else {
                Zone::Neutral
            };
            if zone == Zone::Excluded {
                state |= ZONE_EXCLUDED;
            }
            if state & (ZONE_OUTER_FOOTER | ZONE_OUTER_ARTICLE) == 0 {
                match zone {
                    Zone::Footer => state |= ZONE_OUTER_FOOTER,
                    Zone::Article => state |= ZONE_OUTER_ARTICLE,
                    _ => {}
                }
            }
            if let Some(slot) = zones.get_mut(n.id().index()) {
                *slot = state;
            }
        }
        state
    }
}

/// What an ancestor element says about the zone it encloses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Neutral,
    Excluded,
    /// A footer: excluded unless it is an article's own footer.
    Footer,
    Article,
}

fn zone_of(node: &Node<'_>) -> Zone {
    let name = node_name(node);
    match name {
        "aside" | "nav" | "menu" => return Zone::Excluded,
        "footer" => return Zone::Footer,
        "article" => return Zone::Article,
        "html" | "body" | "head" | "" => return Zone::Neutral,
        _ => {}
    }
    if let Some(role) = node.attr("role") {
        let role = role.to_lowercase();
        if matches!(role.as_str(), "complementary" | "navigation" | "contentinfo") {
            return Zone::Excluded;
        }
    }
    let h = hints(node);
    if h.is_empty() {
        return Zone::Neutral;
    }
    static EXCLUDED: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(EXCLUDED_SUBSTRINGS).unwrap_or_else(|e| panic!("excluded zone words: {e}"))
    });
    if EXCLUDED.is_match(h.as_ref()) || hint_words(&h).any(|w| EXCLUDED_WORDS.contains(&w)) {
        return Zone::Excluded;
    }
    if hint_words(&h).any(|w| w == "footer") {
        return Zone::Footer;
    }
    Zone::Neutral
}

fn is_within(node: &Node<'_>, scope: Option<Node<'_>>) -> bool {
    match scope {
        Some(s) => node.id() == s.id() || node.ancestors().any(|a| a.id() == s.id()),
        None => false,
    }
}

/// Elements whose text is never page text.
fn is_hidden_element(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "svg" | "iframe" | "head" | "select" | "button"
    )
}

/// Elements that do not break a line of text.
fn is_inline_element(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

/// Visible text of a node (scripts and styles left out), at most about
/// `limit` bytes, with a `\n` where a block element or `<br>` breaks the
/// line and single spaces elsewhere.
fn visible_lines(node: &Node<'_>, limit: usize) -> String {
    visible_raw(node, limit)
        .lines()
        .map(normalize_whitespace)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of [`visible_lines`] before its lines are normalised.
fn visible_raw(node: &Node<'_>, limit: usize) -> String {
    fn walk(node: &Node<'_>, out: &mut String, depth: usize, limit: usize) {
        if depth > 64 || out.len() > limit {
            return;
        }
        for child in node.children() {
            if out.len() > limit {
                return;
            }
            if child.is_text() {
                out.extend(
                    child
                        .text_str()
                        .chars()
                        .map(|c| if c.is_whitespace() { ' ' } else { c }),
                );
            } else if child.is_element() {
                let name = node_name(&child);
                if is_hidden_element(name) {
                    continue;
                }
                let sep = if is_inline_element(name) { ' ' } else { '\n' };
                out.push(sep);
                walk(&child, out, depth + 1, limit);
                out.push(sep);
            }
        }
    }
    let mut out = String::new();
    walk(node, &mut out, 0, limit);
    out
}

/// Visible text of a node (scripts and styles left out), whitespace
/// normalised, at most about `limit` bytes.
fn visible_text(node: &Node<'_>, limit: usize) -> String {
    normalize_whitespace(&visible_raw(node, limit))
}

// ---------------------------------------------------------------------------
// <meta> tags

/// All `<meta>` tags of the page, keyed by `property`, `name`, `itemprop`
/// or `http-equiv` (lower-cased), in document order.
struct MetaTags {
    tags: Vec<(String, String)>,
}

impl MetaTags {
    fn collect(doc: &Page<'_>) -> Self {
        let mut tags = Vec::new();
        for node in &doc.metas {
            let Some(content) = node.attr("content").or_else(|| node.attr("value")) else {
                continue;
            };
            let content = content.trim().to_owned();
            if content.is_empty() || doc.excluded(node) {
                continue;
            }
            for attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(keys) = node.attr(attr) {
                    for key in keys.split_whitespace() {
                        tags.push((key.to_lowercase(), content.clone()));
                    }
                }
            }
        }
        Self { tags }
    }

    /// Values of `key`, in document order.
    fn all<'m>(&'m self, key: &'m str) -> impl Iterator<Item = &'m str> + 'm {
        self.tags
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first cleaned value of the first key that has one.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.all(k).find_map(clean))
    }

    /// An author tag Readability reads as the byline (`author`,
    /// `dc.creator`, `parsely-author`, `article:author` that is no URL).
    fn states_byline(&self) -> bool {
        self.tags.iter().any(|(key, value)| {
            let key = key.replace('.', ":");
            matches!(
                key.as_str(),
                "dc:creator" | "dcterms:creator" | "author" | "parsely-author"
            ) || (key.ends_with("article:author") && absolute_http(value).is_none())
        })
    }
}

// ---------------------------------------------------------------------------
// JSON-LD

/// JSON nesting followed when looking for typed nodes.
const MAX_LD_DEPTH: usize = 12;
/// Typed nodes kept per page.
const MAX_LD_NODES: usize = 2_000;

/// One typed JSON-LD node.
struct LdNode<'v> {
    value: &'v Value,
    types: Vec<String>,
    depth: usize,
}

impl LdNode<'_> {
    fn is_article(&self) -> bool {
        self.types
            .iter()
            .any(|t| t.ends_with("Article") || t.ends_with("Posting") || t == "Report")
    }

    fn is_page(&self) -> bool {
        self.types.iter().any(|t| t == "WebPage" || t == "ItemPage")
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.value.get(key)
    }
}

/// The JSON-LD blocks of a page.
struct JsonLd {
    values: Vec<Value>,
}

/// Parse one JSON-LD block, tolerating the common ways pages break JSON:
/// HTML comment or CDATA wrappers, raw newlines inside strings, trailing
/// commas, several objects back to back.
fn parse_ld_block(raw: &str) -> Vec<Value> {
    static TRAILING_COMMA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",\s*([}\]])").unwrap_or_else(|e| panic!("trailing comma pattern: {e}"))
    });
    let mut s = raw.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        s = s.strip_prefix(open).unwrap_or(s).trim();
        s = s.strip_suffix(close).unwrap_or(s).trim();
    }
    s = s.trim_end_matches(';').trim();
    if let Ok(v) = serde_json::from_str::<Value>(s) {
        return vec![v];
    }
    let flattened: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if let Ok(v) = serde_json::from_str::<Value>(&flattened) {
        return vec![v];
    }
    let no_trailing = TRAILING_COMMA.replace_all(&flattened, "$1");
    if let Ok(v) = serde_json::from_str::<Value>(&no_trailing) {
        return vec![v];
    }
    serde_json::Deserializer::from_str(&no_trailing)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// Schema.org type names of a node (`"schema:NewsArticle"` and
/// `"http://schema.org/NewsArticle"` both give `NewsArticle`).
fn ld_types(value: &Value) -> Vec<String> {
    let short = |s: &str| s.rsplit(['/', ':', '#']).next().unwrap_or(s).trim().to_owned();
    match value.get("@type") {
        Some(Value::String(s)) => vec![short(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

impl JsonLd {
    fn collect(doc: &Page<'_>) -> Self {
        let mut values = Vec::new();
        for node in &doc.scripts {
            let is_ld = node
                .attr("type")
                .is_some_and(|t| t.to_lowercase().contains("ld+json"));
            if is_ld {
                values.extend(parse_ld_block(&node.text()));
            }
        }
        Self { values }
    }

    /// Every typed node, shallowest first, document order within a depth.
    fn nodes(&self) -> Vec<LdNode<'_>> {
        fn walk<'v>(v: &'v Value, depth: usize, out: &mut Vec<LdNode<'v>>) {
            if depth > MAX_LD_DEPTH || out.len() >= MAX_LD_NODES {
                return;
            }
            match v {
                Value::Object(map) => {
                    let types = ld_types(v);
                    if !types.is_empty() {
                        out.push(LdNode {
                            value: v,
                            types,
                            depth,
                        });
                    }
                    for (key, child) in map {
                        if key != "@context" {
                            walk(child, depth + 1, out);
                        }
                    }
                }
                Value::Array(items) => {
                    for item in items {
                        walk(item, depth + 1, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for v in &self.values {
            walk(v, 0, &mut out);
        }
        out.sort_by_key(|n| n.depth);
        out
    }

    /// Nodes by `@id`, for following references such as
    /// `"author": {"@id": "#person-1"}`.
    fn ids(&self) -> HashMap<&str, &Value> {
        let mut ids = HashMap::new();
        for node in self.nodes() {
            if let Some(id) = node.value.get("@id").and_then(Value::as_str) {
                let has_content = node.value.as_object().is_some_and(|m| m.len() > 2);
                if has_content || !ids.contains_key(id) {
                    ids.insert(id, node.value);
                }
            }
        }
        ids
    }

    /// The node describing this page's article: the article-typed node whose
    /// headline agrees with the `<h1>` or whose URL is the canonical one,
    /// else the shallowest.
    fn main_article(&self, heading: Option<&str>, canonical: Option<&str>) -> Option<&Value> {
        let mut best: Option<(i32, &Value)> = None;
        for node in self.nodes().iter().filter(|n| n.is_article()) {
            let mut score = 0;
            if let (Some(h), Some(headline)) = (heading, node.get("headline").and_then(ld_text))
                && agrees(h, &headline)
            {
                score += 2;
            }
            if let Some(c) = canonical {
                let own = [node.get("url"), node.get("mainEntityOfPage"), node.get("@id")];
                if own
                    .iter()
                    .flatten()
                    .any(|v| ld_url(v).is_some_and(|u| same_url(&u, c)))
                {
                    score += 2;
                }
            }
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, node.value));
            }
        }
        best.map(|(_, v)| v)
    }

    /// A top-level schema.org article (or the first article of a top-level
    /// array) whose `author` is an object with a name or a list of them,
    /// as Readability reads JSON-LD.
    fn states_byline(&self) -> bool {
        self.values.iter().any(|v| {
            let is_article_type = |v: &Value| {
                v.get("@type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.contains("Article") || t.contains("Posting") || t.contains("Report"))
            };
            let node = match v {
                Value::Array(items) => match items.iter().find(|i| is_article_type(i)) {
                    Some(item) => item,
                    None => v,
                },
                _ => v,
            };
            let schema = |c: Option<&Value>| {
                c.and_then(Value::as_str).is_some_and(|c| {
                    let c = c.trim_end_matches('/');
                    c == "http://schema.org" || c == "https://schema.org"
                })
            };
            let context = node.get("@context");
            let in_schema = schema(context) || schema(context.and_then(|c| c.get("@vocab")));
            let name = |a: &Value| {
                a.get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| !n.trim().is_empty())
            };
            let named = match node.get("author") {
                Some(a @ Value::Object(_)) => name(a),
                Some(Value::Array(items)) => items.iter().any(name),
                _ => false,
            };
            in_schema && is_article_type(node) && named
        })
    }

    /// Web-page-typed nodes (they sometimes carry the dates).
    fn pages(&self) -> Vec<&Value> {
        self.nodes()
            .into_iter()
            .filter(LdNode::is_page)
            .map(|n| n.value)
            .collect()
    }

    /// The `name` of the first node of one of `types`.
    fn first_name_of_type(&self, types: &[&str]) -> Option<String> {
        self.nodes()
            .iter()
            .filter(|n| n.types.iter().any(|t| types.contains(&t.as_str())))
            .find_map(|n| n.get("name").and_then(ld_text))
    }
}

/// A JSON-LD text value: a string, the first string of an array, or a
/// `{"@value": …}` object; entities decoded.
fn ld_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(ld_text),
        Value::Object(m) => m.get("@value").and_then(ld_text),
        _ => None,
    }
}

/// A URL-valued JSON-LD property (a string or an object with `@id`/`url`).
fn ld_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(m) => m
            .get("@id")
            .or_else(|| m.get("url"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        Value::Array(a) => a.iter().find_map(ld_url),
        _ => None,
    }
}

/// The referenced node when `v` is only a reference (`{"@id": …}`).
fn resolve<'v>(v: &'v Value, ids: &HashMap<&str, &'v Value>) -> &'v Value {
    if v.get("name").is_none()
        && let Some(id) = v.get("@id").and_then(Value::as_str)
        && let Some(target) = ids.get(id)
    {
        return target;
    }
    v
}

fn same_url(a: &str, b: &str) -> bool {
    let norm = |u: &str| {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))
            .unwrap_or(u);
        u.trim_start_matches("www.").trim_end_matches('/').to_lowercase()
    };
    norm(a) == norm(b)
}

// ---------------------------------------------------------------------------
// Headline

/// The page's main `<h1>`.
struct Heading<'a> {
    text: String,
    node: Node<'a>,
}

/// The first `<h1>` of the article (marked as headline, or inside
/// `<article>`/`<main>`), else the first usable `<h1>` of the page.
/// An `<h1>` naming the site (a logo or masthead) is no headline.
fn main_heading<'a>(doc: &Page<'a>, site: Option<&str>) -> Option<Heading<'a>> {
    let mut first: Option<Heading<'_>> = None;
    for node in &doc.h1s {
        if doc.excluded(node) || is_masthead(node) {
            continue;
        }
        let text = visible_text(node, 600);
        if text.is_empty() || text.len() > 400 || names_site(&text, site) {
            continue;
        }
        let marked = node
            .attr("itemprop")
            .is_some_and(|p| p.to_lowercase().contains("headline"))
            || node
                .ancestors()
                .take(MAX_ANCESTORS)
                .any(|a| matches!(node_name(&a), "article" | "main"));
        let heading = Heading { text, node: *node };
        if marked {
            return Some(heading);
        }
        if first.is_none() {
            first = Some(heading);
        }
    }
    first
}

/// The node or a near ancestor is the site's logo or masthead.
fn is_masthead(node: &Node<'_>) -> bool {
    std::iter::once(*node).chain(node.ancestors().take(3)).any(|n| {
        let h = hints(&n);
        ["logo", "brand", "masthead", "site-title", "sitename", "site-name"]
            .iter()
            .any(|k| h.contains(k))
    })
}

/// The element showing the headline when there is no usable `<h1>`: the
/// first heading or title-like element whose text agrees with `title`.
fn headline_element<'a>(doc: &Page<'a>, title: &str) -> Option<Node<'a>> {
    doc.headline_like()
        .iter()
        .copied()
        .filter(|n| !is_hidden_element(node_name(n)) && node_name(n) != "title" && !doc.excluded(n))
        .find(|n| {
            let text = visible_text(n, 600);
            text.len() <= 2 * title.len() + 20 && agrees(&text, title)
        })
}

/// Title separators between a headline and a site or section name.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " — ", " – ", " :: ", " « ", " » ", " · ", " •", " ~ ",
];

/// Remove a site name stated before or after the headline
/// (`"Headline | Site"`, `"Site - Headline"`). With `loose` (for `<title>`),
/// a short trailing part is removed even when it is not the known site name.
fn strip_site_name(title: &str, site: Option<&str>, loose: bool) -> String {
    let mut t = title.trim().to_owned();
    for _ in 0..3 {
        let mut changed = false;
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                let (head, tail) = (head.trim(), tail.trim());
                if !head.is_empty() && names_site(tail, site) {
                    t = head.to_owned();
                    changed = true;
                    break;
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                let (head, tail) = (head.trim(), tail.trim());
                if !tail.is_empty() && names_site(head, site) {
                    t = tail.to_owned();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if loose {
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                let (hw, tw) = (head.split_whitespace().count(), tail.split_whitespace().count());
                if tw <= 4 && hw > tw.max(2) {
                    return head.trim().to_owned();
                }
            }
        }
    }
    t
}

/// The part of a `<title>` (split at every separator) that agrees with the
/// `<h1>`, if any.
fn title_part_matching(title: &str, heading: &str) -> Option<String> {
    let mut parts = vec![title.to_owned()];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(|x| x.trim().to_owned()))
            .collect();
    }
    parts.into_iter().find(|part| agrees(part, heading))
}

fn document_title(doc: &Page<'_>) -> Option<String> {
    doc.titles
        .iter()
        .find(|n| !n.ancestors().any(|a| node_name(&a) == "svg"))
        .and_then(|n| clean(&n.text()))
}

fn title(
    doc: &Page<'_>,
    metas: &MetaTags,
    article: Option<&Value>,
    heading: Option<&Heading<'_>>,
    site: Option<&str>,
) -> Option<String> {
    let heading = heading.map(|h| h.text.as_str());
    let mut candidates: Vec<String> = Vec::new();
    let ld_headline = article.and_then(|a| a.get("headline").or_else(|| a.get("name")).and_then(ld_text));
    for c in [
        ld_headline,
        metas.first(&["og:title"]),
        metas.first(&["twitter:title"]),
        metas.first(&["title", "dc.title", "sailthru.title", "parsely-title"]),
    ]
    .into_iter()
    .flatten()
    {
        candidates.push(strip_site_name(&c, site, false));
    }
    if let Some(t) = document_title(doc) {
        let from_heading = heading.and_then(|h| title_part_matching(&t, h));
        candidates.push(from_heading.unwrap_or_else(|| strip_site_name(&t, site, true)));
    }
    candidates.retain(|c| !c.is_empty() && c.len() <= 400);
    let truncated = |c: &String| c.ends_with("...") || c.ends_with('…');
    let complete: Vec<&String> = candidates.iter().filter(|c| !truncated(c)).collect();
    let pool: Vec<&String> = if complete.is_empty() {
        candidates.iter().collect()
    } else {
        complete
    };
    if let Some(h) = heading
        && let Some(c) = pool.iter().find(|c| agrees(c, h))
    {
        let labelled = covers(c, h) && words(c).len() > words(h).len();
        return Some(if labelled { h.to_owned() } else { (*c).clone() });
    }
    pool.first()
        .map(|c| (*c).clone())
        .or_else(|| heading.map(str::to_owned))
}

// ---------------------------------------------------------------------------
// Site, URL, language, description

fn site_name(metas: &MetaTags, ld: &JsonLd, article: Option<&Value>) -> Option<String> {
    if let Some(s) = metas
        .all("og:site_name")
        .filter_map(clean)
        .find(|s| absolute_http(s).is_none())
    {
        return Some(s);
    }
    let ids = ld.ids();
    let publisher = article
        .and_then(|a| a.get("publisher"))
        .map(|p| match p {
            Value::Array(items) => items.first().unwrap_or(p),
            _ => p,
        })
        .and_then(|p| match p {
            Value::String(_) => ld_text(p),
            _ => resolve(p, &ids).get("name").and_then(ld_text),
        });
    publisher
        .filter(|s| absolute_http(s).is_none())
        .or_else(|| ld.first_name_of_type(&["NewsMediaOrganization", "WebSite"]))
        .or_else(|| metas.first(&["application-name", "apple-mobile-web-app-title"]))
}

fn absolute_http(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace);
    ok.then(|| url.to_owned())
}

fn canonical_url(doc: &Page<'_>, metas: &MetaTags) -> Option<String> {
    let from_link = doc.links.iter().find_map(|n| {
        let rel = n.attr("rel")?.to_lowercase();
        if !rel.split_whitespace().any(|r| r == "canonical") {
            return None;
        }
        absolute_http(n.attr("href")?)
    });
    from_link.or_else(|| metas.all("og:url").find_map(absolute_http))
}

/// ISO 639-1 code of a language tag (`en-US` → `en`, `pt_BR` → `pt`,
/// `eng` → `en`); `None` for empty or undetermined tags.
pub fn normalize_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_lowercase();
    if !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let code = match primary.as_str() {
        "eng" => "en",
        "fra" | "fre" => "fr",
        "deu" | "ger" => "de",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "rus" => "ru",
        "ara" => "ar",
        "zho" | "chi" => "zh",
        "nld" | "dut" => "nl",
        "swa" => "sw",
        p if p.len() == 2 => p,
        _ => return None,
    };
    Some(code.to_owned())
}

fn language(doc: &Page<'_>, metas: &MetaTags, ld: &JsonLd, article: Option<&Value>) -> Option<String> {
    let html_lang = doc.htmls.first().and_then(|n| {
        n.attr("lang")
            .or_else(|| n.attr("xml:lang"))
            .and_then(normalize_language)
    });
    let ld_lang = || {
        let from_article = article.and_then(|a| a.get("inLanguage"));
        let value =
            from_article.or_else(|| ld.nodes().into_iter().find_map(|n| n.value.get("inLanguage")))?;
        match value {
            Value::Object(m) => m
                .get("alternateName")
                .or_else(|| m.get("name"))
                .and_then(ld_text)
                .and_then(|l| normalize_language(&l)),
            other => ld_text(other).and_then(|l| normalize_language(&l)),
        }
    };
    html_lang
        .or_else(|| metas.all("og:locale").find_map(normalize_language))
        .or_else(|| {
            metas
                .all("content-language")
                .chain(metas.all("language"))
                .chain(metas.all("dc.language"))
                .find_map(|v| v.split(',').next().and_then(normalize_language))
        })
        .or_else(ld_lang)
}

fn description(metas: &MetaTags, article: Option<&Value>) -> Option<String> {
    metas
        .first(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ])
        .or_else(|| article.and_then(|a| a.get("description")).and_then(ld_text))
}

// ---------------------------------------------------------------------------
// Publication date

/// Oldest year accepted from markup.
const MIN_YEAR_MARKUP: i32 = 1900;
/// Oldest year accepted from URLs and visible text.
const MIN_YEAR_TEXT: i32 = 1990;

/// Minutes since the epoch, for dates with a time of day.
fn instant_minutes(d: &PublishedDate) -> Option<(i64, bool)> {
    let t = d.time()?;
    let local = d.days_since_epoch() * 1440 + i64::from(t.hour) * 60 + i64::from(t.minute);
    Some(match t.offset_minutes {
        Some(off) => (local - i64::from(off), true),
        None => (local, false),
    })
}

/// `d` lies after `fetched`: compared as instants when both carry a time
/// and offset, else as calendar days.
fn is_after(d: &PublishedDate, fetched: &PublishedDate) -> bool {
    if let (Some((a, true)), Some((b, true))) = (instant_minutes(d), instant_minutes(fetched)) {
        return a > b;
    }
    d.days_since_epoch() > fetched.days_since_epoch()
}

fn acceptable(d: &PublishedDate, fetched: Option<PublishedDate>, min_year: i32) -> bool {
    d.year() >= min_year && !fetched.is_some_and(|f| is_after(d, &f))
}

/// Meta keys holding a publication date, most trusted first, with the source
/// each counts as.
const DATE_META_KEYS: &[(&str, DateSource)] = &[
    ("article:published_time", DateSource::OpenGraph),
    ("og:published_time", DateSource::OpenGraph),
    ("og:article:published_time", DateSource::OpenGraph),
    ("article:published", DateSource::OpenGraph),
    ("datepublished", DateSource::Meta),
    ("parsely-pub-date", DateSource::Meta),
    ("sailthru.date", DateSource::Meta),
    ("dc.date.issued", DateSource::Meta),
    ("dcterms.issued", DateSource::Meta),
    ("dcterms.created", DateSource::Meta),
    ("dc.date.created", DateSource::Meta),
    ("pubdate", DateSource::Meta),
    ("publishdate", DateSource::Meta),
    ("publish-date", DateSource::Meta),
    ("publish_date", DateSource::Meta),
    ("published-date", DateSource::Meta),
    ("published_date", DateSource::Meta),
    ("publication_date", DateSource::Meta),
    ("publication-date", DateSource::Meta),
    ("article.published", DateSource::Meta),
    ("article_date_original", DateSource::Meta),
    ("original-publish-date", DateSource::Meta),
    ("citation_publication_date", DateSource::Meta),
    ("cxenseparse:recs:publishtime", DateSource::Meta),
    ("date", DateSource::Meta),
    ("dc.date", DateSource::Meta),
    ("dcterms.date", DateSource::Meta),
];

fn meta_date(metas: &MetaTags, fetched: Option<PublishedDate>) -> Option<(PublishedDate, DateSource)> {
    for (key, source) in DATE_META_KEYS {
        for value in metas.all(key) {
            if let Some(d) = parse_date(value).filter(|d| acceptable(d, fetched, MIN_YEAR_MARKUP)) {
                return Some((d, *source));
            }
        }
    }
    let parsely = metas.all("parsely-page").find_map(|v| {
        let page: Value = serde_json::from_str(v).ok()?;
        let d = parse_date(page.get("pub_date")?.as_str()?)?;
        acceptable(&d, fetched, MIN_YEAR_MARKUP).then_some(d)
    });
    parsely
        .or_else(|| {
            metas
                .tags
                .iter()
                .filter(|(k, _)| is_publication_date_key(k))
                .find_map(|(_, v)| parse_date(v).filter(|d| acceptable(d, fetched, MIN_YEAR_MARKUP)))
        })
        .map(|d| (d, DateSource::Meta))
}

/// A meta key not in [`DATE_META_KEYS`] that still names a publication
/// date (`sn-post-date`, `article.publication-date`, …).
fn is_publication_date_key(key: &str) -> bool {
    let dated = key.contains("date") || key.contains("time");
    let published = [
        "publish",
        "pubdate",
        "pub_date",
        "pub-date",
        "post-date",
        "post_date",
        "postdate",
        "created",
        "issued",
        "release",
    ]
    .iter()
    .any(|k| key.contains(k));
    (dated || key.contains("pubdate")) && published && !says_modified(key) && !key.contains("expir")
}

fn ld_date(ld: &JsonLd, article: Option<&Value>, fetched: Option<PublishedDate>) -> Option<PublishedDate> {
    let pages = ld.pages();
    let nodes = article.into_iter().chain(pages);
    let keys = ["datePublished", "dateCreated"];
    let mut found = None;
    'outer: for node in nodes {
        for key in keys {
            let parsed = node.get(key).and_then(ld_text).and_then(|s| parse_date(&s));
            if let Some(d) = parsed.filter(|d| acceptable(d, fetched, MIN_YEAR_MARKUP)) {
                found = Some(d);
                break 'outer;
            }
        }
    }
    found
}

/// Class, id or attribute hints that an element holds the publication date.
fn says_published(h: &str) -> bool {
    [
        "publish",
        "pubdate",
        "posted",
        "created",
        "dateline",
        "first-pub",
        "firstpub",
    ]
    .iter()
    .any(|k| h.contains(k))
}

/// Hints that an element holds a modification date.
fn says_modified(h: &str) -> bool {
    ["updat", "modif", "edited", "revised"]
        .iter()
        .any(|k| h.contains(k))
}

fn time_element_date(
    doc: &Page<'_>,
    scope: Option<Node<'_>>,
    fetched: Option<PublishedDate>,
) -> Option<PublishedDate> {
    let mut candidates: Vec<(i32, usize, PublishedDate)> = Vec::new();
    for (order, node) in doc.dated().iter().enumerate() {
        let name = node_name(node);
        if name == "meta" {
            continue;
        }
        let itemprop = attr_string(node, "itemprop").unwrap_or_default().to_lowercase();
        let marked_published = itemprop.contains("datepublished") || itemprop.contains("datecreated");
        let hinted_element = matches!(name, "abbr" | "input") && {
            let h = format!(
                "{} {}",
                hints(node),
                attr_string(node, "name").unwrap_or_default()
            );
            says_published(&h.to_lowercase())
        };
        if name != "time" && !marked_published && !hinted_element {
            continue;
        }
        if itemprop.contains("datemodified") {
            continue;
        }
        let mut h = hints(node).into_owned();
        if let Some(parent) = node.parent() {
            h.push(' ');
            h.push_str(&hints(&parent));
        }
        let text = visible_text(node, 200);
        let lower_text = text.to_lowercase();
        let published_hint = says_published(&h) || says_published(&lower_text);
        if !marked_published && !published_hint && (says_modified(&h) || says_modified(&lower_text)) {
            continue;
        }
        if doc.excluded(node) {
            continue;
        }
        let value = ["datetime", "content", "title", "value"].iter().find_map(|a| {
            node.attr(a)
                .filter(|v| !v.trim().is_empty())
                .map(|v| v.to_string())
        });
        let date = value.as_deref().and_then(parse_date).or_else(|| {
            (text.len() <= 120).then(|| parse_date(&text).or_else(|| find_date(&text).map(|f| f.date)))?
        });
        let Some(date) = date.filter(|d| acceptable(d, fetched, MIN_YEAR_TEXT)) else {
            continue;
        };
        let mut score = 0;
        if marked_published {
            score += 4;
        }
        if published_hint {
            score += 3;
        }
        if is_within(node, scope) {
            score += 2;
        }
        if node
            .ancestors()
            .take(MAX_ANCESTORS)
            .any(|a| node_name(&a) == "header" || hints(&a).contains("header"))
        {
            score += 1;
        }
        candidates.push((score, order, date));
    }
    candidates.sort_by_key(|&(score, order, _)| (std::cmp::Reverse(score), order));
    candidates.first().map(|&(_, _, d)| d)
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:$|[/_.?#-])")
        .unwrap_or_else(|e| panic!("URL date pattern: {e}"))
});

static URL_DATE_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[/_.?#-])")
        .unwrap_or_else(|e| panic!("compact URL date pattern: {e}"))
});

/// A date written in a URL's path: `/2025/02/22/`, `/2025-02-22-slug`,
/// `/20250222/`.
pub fn url_date(url: &str) -> Option<PublishedDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    [&*URL_DATE, &*URL_DATE_COMPACT].iter().find_map(|re| {
        re.captures_iter(path).find_map(|c| {
            let y = c.get(1)?.as_str().parse().ok()?;
            let m = c.get(2)?.as_str().parse().ok()?;
            let d = c.get(3)?.as_str().parse().ok()?;
            PublishedDate::from_ymd(y, m, d)
        })
    })
}

/// Text marks of a copyright line.
fn is_copyright(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.contains('©')
        || lower.contains("copyright")
        || lower.contains("(c) ")
        || lower.contains("all rights reserved")
}

/// The first acceptable date in `text` not labelled as a modification.
fn first_publication_date_in(text: &str, fetched: Option<PublishedDate>) -> Option<PublishedDate> {
    let mut offset = 0;
    while offset < text.len() {
        let rest = text.get(offset..)?;
        let found = find_date(rest)?;
        let before = rest.get(..found.span.start).unwrap_or_default();
        let label: String = before
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !says_modified(&label.to_lowercase()) && acceptable(&found.date, fetched, MIN_YEAR_TEXT) {
            return Some(found.date);
        }
        offset += found.span.end.max(found.span.start + 1);
        while offset < text.len() && !text.is_char_boundary(offset) {
            offset += 1;
        }
    }
    None
}

/// Elements examined when looking for a dateline.
const MAX_DATELINE_ELEMENTS: usize = 3_000;

/// Text shown right after the headline examined for a dateline, in bytes.
const AFTER_HEADLINE_TEXT: usize = 300;

/// A date in the text that directly follows the headline element.
fn date_after_headline(
    doc: &Page<'_>,
    headline: Node<'_>,
    fetched: Option<PublishedDate>,
) -> Option<PublishedDate> {
    let root = headline.ancestors().find(|a| node_name(a) == "body")?;
    let mut seen_headline = false;
    let mut text = String::new();
    for node in root.descendants() {
        if !seen_headline {
            seen_headline = node.id() == headline.id();
            continue;
        }
        if text.len() > AFTER_HEADLINE_TEXT {
            break;
        }
        if !node.is_text() || is_within(&node, Some(headline)) {
            continue;
        }
        let Some(parent) = node.parent() else {
            continue;
        };
        if is_hidden_element(node_name(&parent)) || doc.excluded(&parent) {
            continue;
        }
        let piece = normalize_whitespace(node.text_str());
        if piece.is_empty() || is_copyright(&piece) {
            continue;
        }
        text.push_str(&piece);
        text.push(' ');
    }
    first_publication_date_in(&text, fetched)
}

fn dateline_date(
    doc: &Page<'_>,
    scope: Option<Node<'_>>,
    fetched: Option<PublishedDate>,
) -> Option<PublishedDate> {
    let scope = scope?;
    let mut paragraphs = 0;
    for node in scope
        .descendants()
        .filter(Node::is_element)
        .take(MAX_DATELINE_ELEMENTS)
    {
        let name = node_name(&node);
        if is_hidden_element(name) {
            continue;
        }
        let h = hints(&node);
        let hinted = [
            "date", "time", "byline", "posted", "publish", "dateline", "meta", "info",
        ]
        .iter()
        .any(|k| h.contains(k));
        let paragraph = name == "p";
        if !(hinted || paragraph && paragraphs < 3) {
            continue;
        }
        if doc.excluded(&node) {
            continue;
        }
        let text = visible_text(&node, 400);
        if text.is_empty() {
            continue;
        }
        if paragraph && !hinted {
            paragraphs += 1;
        }
        if (hinted && text.len() > 250) || is_copyright(&text) {
            continue;
        }
        let window = if hinted {
            text.as_str()
        } else {
            let mut end = text.len().min(120);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        };
        if let Some(d) = first_publication_date_in(window, fetched) {
            return Some(d);
        }
    }
    None
}

/// The element enclosing the article: the `<article>`/`<main>` around the
/// headline, else the first `<article>`, `<main>` or the `<body>`.
fn article_scope<'a>(doc: &Page<'a>, heading: Option<Node<'a>>) -> Option<Node<'a>> {
    if let Some(h) = heading {
        let around = h
            .ancestors()
            .take(MAX_ANCESTORS)
            .find(|a| matches!(node_name(a), "article" | "main"));
        if around.is_some() {
            return around;
        }
    }
    let body = [doc.doc.body()];
    [&doc.articles[..], &doc.mains[..], &doc.role_mains[..], &body[..]]
        .iter()
        .find_map(|list| list.iter().find(|n| !doc.excluded(n)).copied())
}

fn published(
    doc: &Page<'_>,
    metas: &MetaTags,
    ld: &JsonLd,
    article: Option<&Value>,
    (scope, headline): (Option<Node<'_>>, Option<Node<'_>>),
    canonical: Option<&str>,
    fetched: Option<PublishedDate>,
) -> Option<(PublishedDate, DateSource)> {
    if let Some(found) = meta_date(metas, fetched) {
        return Some(found);
    }
    if let Some(d) = ld_date(ld, article, fetched) {
        return Some((d, DateSource::JsonLd));
    }
    if let Some(d) = time_element_date(doc, scope, fetched) {
        return Some((d, DateSource::TimeElement));
    }
    let urls = canonical
        .map(str::to_owned)
        .into_iter()
        .chain(metas.all("og:url").map(str::to_owned))
        .chain(article.and_then(|a| a.get("url")).and_then(ld_url));
    for url in urls {
        if let Some(d) = url_date(&url).filter(|d| acceptable(d, fetched, MIN_YEAR_TEXT)) {
            return Some((d, DateSource::Url));
        }
    }
    dateline_date(doc, scope, fetched)
        .or_else(|| headline.and_then(|h| date_after_headline(doc, h, fetched)))
        .map(|d| (d, DateSource::Dateline))
}

// ---------------------------------------------------------------------------
// Authors

/// Most authors kept for one article.
const MAX_AUTHORS: usize = 8;

/// Words that make a byline fragment a role, a label or page furniture
/// rather than a name.
const NOT_NAME_WORDS: &[&str] = &[
    "staff",
    "reporter",
    "writer",
    "correspondent",
    "editor",
    "editorial",
    "contributor",
    "columnist",
    "published",
    "updated",
    "share",
    "follow",
    "email",
    "twitter",
    "facebook",
    "subscribe",
    "read",
    "view",
    "more",
    "posts",
    "photo",
    "photos",
    "image",
    "images",
    "getty",
    "min",
    "comments",
    "about",
    "profile",
    "bio",
    "author",
    "authors",
    "contact",
    "by",
    "admin",
    "administrator",
    "webmaster",
    "advertisement",
    "sponsored",
    "newsletter",
    "login",
    "search",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lower-case words that may sit inside a name (`Ursula von der Leyen`,
/// `Bashar al-Assad`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le", "du",
    "bin", "ibn", "al", "el", "y", "e", "of", "the", "und", "ter", "ten", "zu",
];

/// Every cased word starts with a capital letter, particles aside; words in
/// scripts without case pass.
fn is_capitalised_name(s: &str) -> bool {
    s.split_whitespace().all(|word| {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            return true;
        };
        let head = word.split(['-', '\'', '’']).next().unwrap_or(word).to_lowercase();
        !first.is_lowercase() || NAME_PARTICLES.contains(&head.as_str())
    })
}

/// Labels before a name in a byline.
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "reporting by",
    "reported by",
    "words by",
    "story by",
    "text by",
    "compiled by",
    "by:",
    "by",
    "author:",
    "authors:",
];

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// One byline fragment as a clean name, or `None` when it is not a name.
fn clean_name(part: &str, site: Option<&str>) -> Option<String> {
    let mut s = normalize_whitespace(part);
    loop {
        let stripped = BYLINE_PREFIXES.iter().find_map(|p| {
            let head = s.get(..p.len())?;
            let rest = s.get(p.len()..)?;
            let labelled = head.eq_ignore_ascii_case(p) && (p.ends_with(':') || rest.starts_with(' '));
            labelled.then(|| rest.trim().to_owned())
        });
        match stripped {
            Some(rest) => s = rest,
            None => break,
        }
    }
    if let Some((label, rest)) = s.rsplit_once(':')
        && label.split_whitespace().count() <= 2
        && !rest.trim().is_empty()
    {
        s = rest.trim().to_owned();
    }
    for cut in [" for ", " in ", " at ", " - ", " — ", " – ", " (", " /"] {
        if let Some(i) = s.find(cut) {
            s.truncate(i);
        }
    }
    let s = s
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '|' | '-' | '—' | '·' | '"')
        })
        .to_owned();
    let word_count = s.split_whitespace().count();
    let bad = s.chars().count() < 2
        || s.len() > 60
        || word_count > 5
        || s.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '<' | '>' | '=' | '{' | '}'))
        || s.contains("://")
        || s.to_lowercase().starts_with("www.")
        || !s.chars().any(char::is_alphabetic)
        || words(&s).iter().any(|w| NOT_NAME_WORDS.contains(&w.as_str()))
        || !is_capitalised_name(&s)
        || is_domain_like(&s)
        || site.is_some_and(|site| squashed(site) == squashed(&s));
    if bad {
        return None;
    }
    let shouting = s.chars().filter(|c| c.is_alphabetic()).count() > 3 && !s.chars().any(char::is_lowercase);
    Some(if shouting {
        s.split_whitespace().map(title_case).collect::<Vec<_>>().join(" ")
    } else {
        s
    })
}

/// Split a byline into clean names: `"By Jane Doe and John Roe"`,
/// `"Jane Doe, John Roe | Reuters"`.
pub fn split_author_names(raw: &str, site: Option<&str>) -> Vec<String> {
    let mut parts: Vec<String> = raw
        .lines()
        .map(decode_entities)
        .flat_map(|line| split_after_full_stops(&line))
        .collect();
    for sep in ["|", ";", ",", " and ", " And ", " AND ", " & ", " + "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned))
            .collect();
    }
    parts.iter().filter_map(|p| clean_name(p, site)).collect()
}

/// Split `"Jane Doe. Example Agency"` at full stops that end a word of
/// four or more letters, keeping initials (`"Troy L. Smith"`) whole.
fn split_after_full_stops(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut letters = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '.' && letters >= 4 && chars.peek().is_some_and(|n| n.is_whitespace()) {
            parts.push(std::mem::take(&mut current));
            letters = 0;
            continue;
        }
        letters = if c.is_alphabetic() { letters + 1 } else { 0 };
        current.push(c);
    }
    parts.push(current);
    parts
}

fn push_names(out: &mut Vec<String>, names: impl IntoIterator<Item = String>) {
    for name in names {
        if out.len() >= MAX_AUTHORS {
            return;
        }
        if !out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
    }
}

fn ld_author_names(
    v: &Value,
    ids: &HashMap<&str, &Value>,
    site: Option<&str>,
    depth: usize,
    out: &mut Vec<String>,
) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) if absolute_http(s).is_none() => {
            push_names(out, split_author_names(s, site));
        }
        Value::Array(items) => {
            for item in items {
                ld_author_names(item, ids, site, depth + 1, out);
            }
        }
        Value::Object(_) => {
            let node = resolve(v, ids);
            match node.get("name") {
                Some(name) => ld_author_names(name, ids, site, depth + 1, out),
                None => {
                    let given = node.get("givenName").and_then(ld_text);
                    let family = node.get("familyName").and_then(ld_text);
                    if let (Some(g), Some(f)) = (given, family) {
                        push_names(out, clean_name(&format!("{g} {f}"), site));
                    }
                }
            }
        }
        _ => {}
    }
}

/// An element whose class or id marks it as a byline or an author's name
/// (not the author's picture or biography).
fn is_byline_element(node: &Node<'_>) -> bool {
    let h = hints(node);
    (h.contains("byline") || h.contains("author"))
        && !is_hidden_element(node_name(node))
        && !hint_words(&h).any(|w| {
            matches!(
                w,
                "bio" | "avatar" | "image" | "img" | "photo" | "description" | "thumb"
            )
        })
}

/// Text of an `itemprop=author` element: its `content`, its nested
/// `itemprop=name`, or its own text.
fn microdata_author(node: &Node<'_>) -> Option<String> {
    if let Some(c) = node.attr("content") {
        return Some(c.to_string());
    }
    let name_node = node.descendants().find(|d| {
        d.is_element()
            && d.attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("name")))
    });
    if let Some(n) = name_node {
        return Some(attr_string(&n, "content").unwrap_or_else(|| visible_text(&n, 200)));
    }
    let text = visible_lines(node, 300);
    (text.len() <= 200).then_some(text)
}

fn authors(
    doc: &Page<'_>,
    metas: &MetaTags,
    ld: &JsonLd,
    article: Option<&Value>,
    scope: Option<Node<'_>>,
    site: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = article {
        let ids = ld.ids();
        for key in ["author", "creator"] {
            if let Some(v) = a.get(key) {
                ld_author_names(v, &ids, site, 0, &mut out);
            }
            if !out.is_empty() {
                return out;
            }
        }
    }
    for key in [
        "author",
        "article:author",
        "byl",
        "sailthru.author",
        "parsely-author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
    ] {
        for value in metas.all(key) {
            if absolute_http(value).is_none() {
                push_names(&mut out, split_author_names(value, site));
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    for node in doc.authored() {
        let is_itemprop = node
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("author")));
        let is_rel = node
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("author")));
        if !(is_itemprop || is_rel) || node_name(node) == "link" || doc.excluded(node) {
            continue;
        }
        let raw = if is_itemprop {
            microdata_author(node)
        } else {
            Some(visible_lines(node, 200))
        };
        if let Some(raw) = raw {
            push_names(&mut out, split_author_names(&raw, site));
        }
    }
    if !out.is_empty() {
        return out;
    }
    let Some(scope) = scope else {
        return out;
    };
    for node in scope
        .descendants()
        .filter(Node::is_element)
        .take(MAX_DATELINE_ELEMENTS)
    {
        if !is_byline_element(&node) {
            continue;
        }
        let has_inner_byline = node
            .descendants()
            .filter(Node::is_element)
            .take(200)
            .any(|d| is_byline_element(&d));
        if has_inner_byline {
            continue;
        }
        let text = visible_lines(&node, 300);
        if text.is_empty() || text.len() > 150 || is_copyright(&text) || doc.excluded(&node) {
            continue;
        }
        push_names(&mut out, split_author_names(&text, site));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn meta(html: &str, fetched: Option<&str>) -> HtmlMetadata {
        let fetched = fetched.map(|f| f.parse::<PublishedDate>().expect("valid fetched date"));
        html_metadata(&Document::parse(html), fetched)
    }

    /// Check the date and its source found in `html`.
    fn check_date(html: &str, fetched: Option<&str>, expected: Option<(&str, DateSource)>) {
        let m = meta(html, fetched);
        let got = m.published.map(|d| d.to_string());
        assert_eq!(got.as_deref().zip(m.published_source), expected, "html {html:?}");
    }

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    }

    // --- dates, one source at a time

    #[test]
    fn date_from_open_graph() {
        let html = page(
            r#"<meta property="article:published_time" content="2025-02-22T09:30:00+01:00">"#,
            "",
        );
        check_date(
            &html,
            None,
            Some(("2025-02-22T09:30:00+01:00", DateSource::OpenGraph)),
        );
    }

    #[test]
    fn date_from_named_meta_tags() {
        for key in [
            "date",
            "pubdate",
            "publishdate",
            "DC.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ] {
            let html = page(&format!(r#"<meta name="{key}" content="2025-02-21">"#), "");
            check_date(&html, None, Some(("2025-02-21", DateSource::Meta)));
        }
        let html = page(
            r#"<meta itemprop="datePublished" content="2025-02-20T08:00:00Z">"#,
            "",
        );
        check_date(&html, None, Some(("2025-02-20T08:00:00Z", DateSource::Meta)));
    }

    #[test]
    fn date_from_parsely_page_json() {
        let html = page(
            r#"<meta name="parsely-page" content='{"title":"x","pub_date":"2025-02-19T10:00:00Z"}'>"#,
            "",
        );
        check_date(&html, None, Some(("2025-02-19T10:00:00Z", DateSource::Meta)));
    }

    #[test]
    fn date_from_json_ld() {
        let html = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks resume","datePublished":"2025-02-18T07:00:00Z","dateModified":"2025-02-19T07:00:00Z"}</script>"#,
            "<h1>Talks resume</h1>",
        );
        check_date(&html, None, Some(("2025-02-18T07:00:00Z", DateSource::JsonLd)));
    }

    #[test]
    fn json_ld_modified_date_is_never_used() {
        let html = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"A","dateModified":"2025-02-19"}</script>"#,
            "",
        );
        check_date(&html, None, None);
    }

    #[test]
    fn date_from_json_ld_graph() {
        let html = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Times"},{"@type":["ReportageNewsArticle"],"headline":"Fighting near Goma","datePublished":"2025-01-27"}]}</script>"#,
            "",
        );
        check_date(&html, None, Some(("2025-01-27", DateSource::JsonLd)));
    }

    #[test]
    fn date_from_time_element() {
        let html = page(
            "",
            r#"<article><h1>Headline here</h1><time datetime="2025-02-17T12:00:00Z">17 Feb</time><p>Body.</p></article>"#,
        );
        check_date(
            &html,
            None,
            Some(("2025-02-17T12:00:00Z", DateSource::TimeElement)),
        );
    }

    #[test]
    fn time_element_marked_published_beats_an_earlier_plain_one() {
        let html = page(
            "",
            r#"<article><h1>Headline here</h1><time datetime="2025-02-10">Feb 10</time>
            <span class="published"><time datetime="2025-02-16">Feb 16</time></span>
            <time class="updated" datetime="2025-02-18">Feb 18</time></article>"#,
        );
        check_date(&html, None, Some(("2025-02-16", DateSource::TimeElement)));
    }

    #[test]
    fn time_element_marked_modified_is_skipped() {
        let html = page(
            "",
            r#"<article><h1>Headline here</h1><time class="date-modified" datetime="2025-02-18">x</time></article>"#,
        );
        check_date(&html, None, None);
    }

    #[test]
    fn date_from_url() {
        for url in [
            "https://example.com/world/2025/02/15/ceasefire-talks/",
            "https://example.com/news/2025-02-15-ceasefire-talks",
            "https://example.com/news/20250215/ceasefire-talks.html",
        ] {
            let html = page(&format!(r#"<link rel="canonical" href="{url}">"#), "");
            check_date(&html, None, Some(("2025-02-15", DateSource::Url)));
        }
        let html = page(
            r#"<meta property="og:url" content="https://example.com/a/2024/12/31/x">"#,
            "",
        );
        check_date(&html, None, Some(("2024-12-31", DateSource::Url)));
    }

    #[test]
    fn url_without_a_date_gives_none() {
        assert_eq!(
            url_date("https://www.example.com/articles/report-11574168580"),
            None
        );
        assert_eq!(url_date("https://example.com/2025/"), None);
        assert_eq!(url_date("https://2025-02-15.example.com/x"), None);
    }

    #[test]
    fn date_from_dateline() {
        let html = page(
            "",
            r#"<article><h1>Headline here</h1><div class="article-meta">By Jane Doe · Published February 14, 2025</div><p>Body text.</p></article>"#,
        );
        check_date(&html, None, Some(("2025-02-14", DateSource::Dateline)));
        let html = page(
            "",
            "<article><h1>Headline</h1><p>KINSHASA, 13 February 2025 — Talks began.</p></article>",
        );
        check_date(&html, None, Some(("2025-02-13", DateSource::Dateline)));
    }

    #[test]
    fn dateline_labelled_updated_is_skipped() {
        let html = page(
            "",
            r#"<article><h1>Headline</h1><div class="post-meta">Updated March 3, 2025</div></article>"#,
        );
        check_date(&html, None, None);
        let html = page(
            "",
            r#"<article><h1>Headline</h1><div class="post-meta">Updated March 3, 2025, first published March 1, 2025</div></article>"#,
        );
        check_date(&html, None, Some(("2025-03-01", DateSource::Dateline)));
    }

    // --- trust order and guards

    #[test]
    fn trust_order_when_sources_disagree() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-02-02"}</script>"#;
        let og = r#"<meta property="article:published_time" content="2025-02-01">"#;
        let canonical = r#"<link rel="canonical" href="https://example.com/2025/02/04/h">"#;
        let body = r#"<article><h1>H</h1><time datetime="2025-02-03">x</time><p>5 February 2025 - text</p></article>"#;
        check_date(
            &page(&format!("{og}{ld}{canonical}"), body),
            None,
            Some(("2025-02-01", DateSource::OpenGraph)),
        );
        check_date(
            &page(&format!("{ld}{canonical}"), body),
            None,
            Some(("2025-02-02", DateSource::JsonLd)),
        );
        check_date(
            &page(canonical, body),
            None,
            Some(("2025-02-03", DateSource::TimeElement)),
        );
        let no_time = r"<article><h1>H</h1><p>5 February 2025 - text</p></article>";
        check_date(
            &page(canonical, no_time),
            None,
            Some(("2025-02-04", DateSource::Url)),
        );
        check_date(
            &page("", no_time),
            None,
            Some(("2025-02-05", DateSource::Dateline)),
        );
    }

    #[test]
    fn related_articles_box_time_is_ignored() {
        let html = page(
            "",
            r#"<article><h1>Main story</h1><p>Body without a date.</p>
            <div class="related-articles"><h3>Older story</h3><time datetime="2024-06-01">June 1, 2024</time></div>
            </article>
            <aside><time datetime="2024-05-01">May 1, 2024</time></aside>
            <section class="more-stories"><p>April 2, 2024 - another</p></section>"#,
        );
        check_date(&html, None, None);
        let with_own = html.replace(
            "Body without a date.",
            r#"<time datetime="2025-02-12">Feb 12</time>Body."#,
        );
        check_date(&with_own, None, Some(("2025-02-12", DateSource::TimeElement)));
    }

    #[test]
    fn article_footer_is_kept_but_page_footer_is_not() {
        let html = page(
            "",
            r#"<article><h1>H</h1><p>Text.</p><footer class="entry-meta">Posted on <time datetime="2025-02-11">Feb 11</time></footer></article>
            <footer><time datetime="2025-01-01">Jan 1</time></footer>"#,
        );
        check_date(&html, None, Some(("2025-02-11", DateSource::TimeElement)));
        let html = page(
            "",
            r#"<article><h1>H</h1><p>Text.</p></article><footer><time datetime="2025-01-01">x</time></footer>"#,
        );
        check_date(&html, None, None);
    }

    #[test]
    fn copyright_line_is_not_a_dateline() {
        let html = page(
            "",
            r#"<article><h1>H</h1><div class="meta-info">© 2024 Example Media, January 5, 2024. All rights reserved.</div><p>Text.</p></article>"#,
        );
        check_date(&html, None, None);
    }

    #[test]
    fn dates_in_other_scripts_are_ignored() {
        let html = page(
            r#"<script>var published = "2025-02-09T10:00:00Z";</script>"#,
            r#"<article><h1>H</h1><script>window.dataLayer = {"date": "2025-02-09"};</script><p>Text only.</p></article>"#,
        );
        check_date(&html, None, None);
    }

    #[test]
    fn future_date_beyond_fetched_is_skipped() {
        let html = page(
            r#"<meta property="article:published_time" content="2031-01-01T00:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2025-02-08"}</script>"#,
            "",
        );
        check_date(
            &html,
            Some("2025-02-22"),
            Some(("2025-02-08", DateSource::JsonLd)),
        );
        check_date(&html, None, Some(("2031-01-01T00:00:00Z", DateSource::OpenGraph)));
        let all_future = page(
            r#"<meta property="article:published_time" content="2031-01-01">"#,
            "",
        );
        check_date(&all_future, Some("2025-02-22T10:00:00Z"), None);
    }

    #[test]
    fn fetched_instant_compares_with_offsets() {
        let html = page(
            r#"<meta property="article:published_time" content="2025-02-22T11:00:00+03:00">"#,
            "",
        );
        check_date(
            &html,
            Some("2025-02-22T09:00:00Z"),
            Some(("2025-02-22T11:00:00+03:00", DateSource::OpenGraph)),
        );
        check_date(&html, Some("2025-02-22T07:00:00Z"), None);
    }

    // --- JSON-LD robustness

    #[test]
    fn malformed_json_ld_next_to_a_good_block() {
        let html = page(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken", </script>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Good headline","datePublished":"2025-02-07","author":{"@type":"Person","name":"Ana Silva"}}</script>"#,
            "",
        );
        let m = meta(&html, None);
        assert_eq!(m.title.as_deref(), Some("Good headline"));
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2025-02-07"));
        assert_eq!(m.authors, vec!["Ana Silva"]);
    }

    #[test]
    fn json_ld_with_raw_newlines_and_trailing_commas_is_read() {
        let html = page(
            "<script type=\"application/ld+json\"><!--\n{\"@type\":\"Article\",\"headline\":\"Line one\nline two\",\"datePublished\":\"2025-02-06\",}\n--></script>",
            "",
        );
        let m = meta(&html, None);
        assert_eq!(m.title.as_deref(), Some("Line one line two"));
        assert_eq!(m.published_source, Some(DateSource::JsonLd));
    }

    #[test]
    fn deeply_nested_json_ld_does_not_overflow() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let nested = format!("{}{}", r#"{"a":"#.repeat(100), "}".repeat(100));
        let html = page(
            &format!(
                r#"<script type="application/ld+json">{deep}</script><script type="application/ld+json">{nested}</script>"#
            ),
            "",
        );
        assert_eq!(meta(&html, None), HtmlMetadata::default());
    }

    #[test]
    fn json_ld_main_article_is_the_one_matching_the_headline() {
        let html = page(
            r#"<script type="application/ld+json">{"@type":"ItemList","itemListElement":[
                {"@type":"NewsArticle","headline":"Some other story","datePublished":"2024-01-01"}]}</script>
            <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Rebels take the airport","datePublished":"2025-01-28","author":"Jean Dupont"}]</script>"#,
            "<h1>Rebels take the airport</h1>",
        );
        let m = meta(&html, None);
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2025-01-28"));
        assert_eq!(m.authors, vec!["Jean Dupont"]);
    }

    // --- titles

    fn check_title(html: &str, expected: Option<&str>) {
        assert_eq!(meta(html, None).title.as_deref(), expected, "html {html:?}");
    }

    #[test]
    fn title_sources() {
        check_title(
            &page(r#"<meta property="og:title" content="OG headline">"#, ""),
            Some("OG headline"),
        );
        check_title(
            &page(r#"<meta name="twitter:title" content="Twitter headline">"#, ""),
            Some("Twitter headline"),
        );
        check_title(
            &page(r#"<meta name="title" content="Meta headline">"#, ""),
            Some("Meta headline"),
        );
        check_title(
            &page("<title>Plain   title\n here</title>", ""),
            Some("Plain title here"),
        );
        check_title(&page("", "<h1>  Only the <em>h1</em> </h1>"), Some("Only the h1"));
        check_title(&page("", ""), None);
    }

    #[test]
    fn title_prefers_the_candidate_agreeing_with_the_h1() {
        let html = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"SEO: talks, Goma, M23"}</script>
            <meta property="og:title" content="Peace talks resume in Luanda as fighting continues">"#,
            "<h1>Peace talks resume in Luanda as fighting continues</h1>",
        );
        check_title(&html, Some("Peace talks resume in Luanda as fighting continues"));
    }

    #[test]
    fn title_site_suffix_and_prefix_are_stripped() {
        let og_site = r#"<meta property="og:site_name" content="Example Times">"#;
        check_title(
            &page(
                &format!("{og_site}<title>Ceasefire agreed | Example Times</title>"),
                "",
            ),
            Some("Ceasefire agreed"),
        );
        check_title(
            &page(
                &format!("{og_site}<title>Example Times - Ceasefire agreed</title>"),
                "",
            ),
            Some("Ceasefire agreed"),
        );
        check_title(
            &page(
                &format!("{og_site}<title>Ceasefire agreed — Example Times</title>"),
                "",
            ),
            Some("Ceasefire agreed"),
        );
        check_title(
            &page(
                "<title>Ceasefire agreed after weeks of talks - Daily Bugle</title>",
                "",
            ),
            Some("Ceasefire agreed after weeks of talks"),
        );
        check_title(
            &page("<title>Ceasefire agreed | example.com</title>", ""),
            Some("Ceasefire agreed"),
        );
        check_title(
            &page(
                &format!(r#"{og_site}<meta property="og:title" content="Ceasefire agreed | Example Times">"#),
                "",
            ),
            Some("Ceasefire agreed"),
        );
        check_title(
            &page(
                "<title>World | Ceasefire agreed in the east | Daily Bugle</title>",
                "<h1>Ceasefire agreed in the east</h1>",
            ),
            Some("Ceasefire agreed in the east"),
        );
        check_title(
            &page("<title>Trump - Putin call: what we know</title>", ""),
            Some("Trump - Putin call: what we know"),
        );
    }

    #[test]
    fn title_entities_are_decoded() {
        check_title(
            &page(
                r#"<meta property="og:title" content="Tom &amp;amp; Jerry&amp;#8217;s war">"#,
                "",
            ),
            Some("Tom & Jerry’s war"),
        );
        let html = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"It&#8217;s &quot;over&quot;"}</script>"#,
            "",
        );
        check_title(&html, Some("It’s \"over\""));
    }

    #[test]
    fn svg_title_is_not_the_page_title() {
        check_title(
            &page("", "<svg><title>Logo</title></svg><h1>Real headline</h1>"),
            Some("Real headline"),
        );
    }

    // --- authors

    fn check_authors(html: &str, expected: &[&str]) {
        assert_eq!(meta(html, None).authors, expected, "html {html:?}");
    }

    fn ld_author(author: &str) -> String {
        page(
            &format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"H","author":{author}}}</script>"#
            ),
            "",
        )
    }

    #[test]
    fn authors_from_json_ld_in_all_shapes() {
        check_authors(&ld_author(r#""Jane Doe""#), &["Jane Doe"]);
        check_authors(
            &ld_author(r#""By Jane Doe and John Roe""#),
            &["Jane Doe", "John Roe"],
        );
        check_authors(
            &ld_author(r#"{"@type":"Person","name":"Jane Doe"}"#),
            &["Jane Doe"],
        );
        check_authors(
            &ld_author(r#"[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"},"Ann Lee"]"#),
            &["Jane Doe", "John Roe", "Ann Lee"],
        );
        check_authors(
            &ld_author(r#"{"@type":"Person","givenName":"Jane","familyName":"Doe"}"#),
            &["Jane Doe"],
        );
        check_authors(&ld_author(r#""https://example.com/people/jane""#), &[]);
        let graph = page(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Jane Doe"}]}</script>"##,
            "",
        );
        check_authors(&graph, &["Jane Doe"]);
    }

    #[test]
    fn authors_from_meta_tags() {
        check_authors(
            &page(r#"<meta name="author" content="Jane Doe, John Roe">"#, ""),
            &["Jane Doe", "John Roe"],
        );
        check_authors(
            &page(
                r#"<meta property="article:author" content="https://facebook.com/janedoe">"#,
                "",
            ),
            &[],
        );
        check_authors(
            &page(r#"<meta property="article:author" content="Jane Doe">"#, ""),
            &["Jane Doe"],
        );
        let site = r#"<meta property="og:site_name" content="Example Times"><meta name="author" content="Example Times">"#;
        check_authors(&page(site, ""), &[]);
    }

    #[test]
    fn authors_from_microdata_and_rel_links() {
        check_authors(
            &page("", r#"<a rel="author" href="/p/jane">Jane Doe</a>"#),
            &["Jane Doe"],
        );
        check_authors(
            &page(
                "",
                r#"<div itemprop="author" itemscope><span itemprop="name">Jane Doe</span><span>Senior reporter</span></div>"#,
            ),
            &["Jane Doe"],
        );
        check_authors(
            &page("", r#"<span itemprop="author">JOHN ROE</span>"#),
            &["John Roe"],
        );
    }

    #[test]
    fn authors_from_byline_elements() {
        check_authors(
            &page(
                "",
                r#"<article><h1>H</h1><p class="byline">By Jane Doe and John Roe in Goma | February 2, 2025</p></article>"#,
            ),
            &["Jane Doe", "John Roe"],
        );
        check_authors(
            &page(
                "",
                r#"<article><h1>H</h1><div class="author-name">Jane Doe, Staff Writer</div><div class="author-bio">Jane has covered the region for ten years and more.</div></article>"#,
            ),
            &["Jane Doe"],
        );
        check_authors(
            &page(
                "",
                r#"<article><h1>H</h1></article><div class="related"><span class="byline">By Someone Else</span></div>"#,
            ),
            &[],
        );
    }

    #[test]
    fn author_names_are_cleaned() {
        assert_eq!(
            split_author_names("By: Jane Doe; jane@example.com; John Roe for Example News", None),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            split_author_names("Written by Ann Lee & Bo Kim", None),
            vec!["Ann Lee", "Bo Kim"]
        );
        assert_eq!(
            split_author_names("Updated 2 hours ago", None),
            Vec::<String>::new()
        );
        assert_eq!(
            split_author_names(
                "A very long text that is certainly not a name of any author at all",
                None
            ),
            Vec::<String>::new()
        );
    }

    // --- site, url, language, description

    #[test]
    fn site_name_sources() {
        let m = meta(
            &page(r#"<meta property="og:site_name" content="Example Times">"#, ""),
            None,
        );
        assert_eq!(m.site_name.as_deref(), Some("Example Times"));
        let m = meta(
            &page(
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@type":"NewsMediaOrganization","name":"Daily Bugle"}}</script>"#,
                "",
            ),
            None,
        );
        assert_eq!(m.site_name.as_deref(), Some("Daily Bugle"));
        let m = meta(
            &page(r#"<meta name="application-name" content="Bugle App">"#, ""),
            None,
        );
        assert_eq!(m.site_name.as_deref(), Some("Bugle App"));
    }

    #[test]
    fn canonical_url_sources() {
        let m = meta(
            &page(
                r#"<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/b">"#,
                "",
            ),
            None,
        );
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a"));
        let m = meta(
            &page(
                r#"<link rel="canonical" href="/a"><meta property="og:url" content="https://example.com/b">"#,
                "",
            ),
            None,
        );
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/b"));
        let m = meta(
            &page(r#"<meta property="og:url" content="javascript:alert(1)">"#, ""),
            None,
        );
        assert_eq!(m.canonical_url, None);
    }

    #[test]
    fn language_is_normalised() {
        let lang = |html: &str| meta(html, None).language;
        assert_eq!(
            lang(r#"<html lang="en-US"><body></body></html>"#).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang(r#"<html lang="pt_BR"><body></body></html>"#).as_deref(),
            Some("pt")
        );
        assert_eq!(
            lang(&page(r#"<meta property="og:locale" content="fr_FR">"#, "")).as_deref(),
            Some("fr")
        );
        assert_eq!(
            lang(&page(
                r#"<meta http-equiv="Content-Language" content="de-DE, en">"#,
                ""
            ))
            .as_deref(),
            Some("de")
        );
        assert_eq!(
            lang(&page(r#"<script type="application/ld+json">{"@type":"Article","headline":"H","inLanguage":"sw-KE"}</script>"#, "")).as_deref(),
            Some("sw")
        );
        assert_eq!(normalize_language("eng"), Some("en".to_owned()));
        assert_eq!(normalize_language("und"), None);
        assert_eq!(normalize_language("x-default"), None);
    }

    #[test]
    fn description_sources() {
        let m = meta(
            &page(r#"<meta name="description" content="A short summary.">"#, ""),
            None,
        );
        assert_eq!(m.description.as_deref(), Some("A short summary."));
    }

    // --- later additions: mastheads, labels, hidden fields, bylines

    #[test]
    fn masthead_h1_is_not_the_headline() {
        let head = r#"<meta property="og:site_name" content="Daily Bugle"><meta property="og:title" content="Bridge reopens after repairs">"#;
        check_title(
            &page(head, "<h1>Daily Bugle</h1><h2>Bridge reopens after repairs</h2>"),
            Some("Bridge reopens after repairs"),
        );
        check_title(
            &page(
                r#"<meta property="og:title" content="Bridge reopens after repairs">"#,
                r#"<div class="site-logo"><h1>Bugle</h1></div>"#,
            ),
            Some("Bridge reopens after repairs"),
        );
    }

    #[test]
    fn section_label_in_metadata_title_gives_way_to_the_h1() {
        let html = page(
            r#"<meta property="og:title" content="Analysis | Why the harvest failed this year">
            <title>Analysis | Why the harvest failed this year - Daily Bugle</title>"#,
            "<h1>Why the harvest failed this year</h1>",
        );
        check_title(&html, Some("Why the harvest failed this year"));
    }

    #[test]
    fn date_from_other_publication_meta_keys() {
        let html = page(r#"<meta name="xyz-post-date" content="2025/01/30">"#, "");
        check_date(&html, None, Some(("2025-01-30", DateSource::Meta)));
        let html = page(
            r#"<meta name="xyz-modified-publish-date" content="2025/01/30">"#,
            "",
        );
        check_date(&html, None, None);
    }

    #[test]
    fn date_from_hidden_published_field() {
        let html = page(
            "",
            r#"<input type="hidden" class="modified_date" value="2025-01-31 10:00:00">
            <input type="hidden" class="published_date" value="2025-01-29 08:15:00">
            <article><h1>Headline here</h1></article>"#,
        );
        check_date(
            &html,
            None,
            Some(("2025-01-29T08:15:00", DateSource::TimeElement)),
        );
    }

    #[test]
    fn dateline_right_after_a_headline_that_is_not_an_h1() {
        let html = page(
            r#"<meta property="og:title" content="Floods cut the northern road">"#,
            r#"<h1>Bugle Online</h1><div class="nav">Home World</div>
            <div class="story"><div class="storyTitle">Floods cut the northern road</div>
            Posted : [ 2025-01-26 14:05 ] <p>Rains fell for a week.</p></div>"#,
        );
        check_date(&html, None, Some(("2025-01-26T14:05:00", DateSource::Dateline)));
    }

    #[test]
    fn byline_lines_and_nested_containers() {
        check_authors(
            &page(
                "",
                r#"<article><h1>H</h1><p class="byline">By <a href="/p">Jane Doe and John Roe</a><br><span>Monday, January 27, 2025</span></p></article>"#,
            ),
            &["Jane Doe", "John Roe"],
        );
        check_authors(
            &page(
                "",
                r#"<article><h1>H</h1><div class="byline-section"><span class="author">Ann Lee</span> <span class="agency">Example Press</span></div></article>"#,
            ),
            &["Ann Lee"],
        );
    }

    #[test]
    fn usernames_domains_and_labels_in_bylines() {
        assert_eq!(split_author_names("admin", None), Vec::<String>::new());
        assert_eq!(split_author_names("jdoe2019", None), Vec::<String>::new());
        assert_eq!(
            split_author_names("Jane Doe, Example.com", None),
            vec!["Jane Doe"]
        );
        assert_eq!(split_author_names("Texto: Ana Silva", None), vec!["Ana Silva"]);
        assert_eq!(
            split_author_names("Jane Dolan. Example Agency", None),
            vec!["Jane Dolan", "Example Agency"]
        );
        assert_eq!(split_author_names("Troy L. Smith", None), vec!["Troy L. Smith"]);
        assert_eq!(
            split_author_names("Ursula von der Leyen", None),
            vec!["Ursula von der Leyen"]
        );
    }

    #[test]
    fn authors_from_a_json_ld_web_page_when_there_is_no_article() {
        let html = page(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"X","author":{"@id":"#me"}},{"@type":"Person","@id":"#me","name":"Jane Doe"}]}</script>"##,
            "",
        );
        check_authors(&html, &["Jane Doe"]);
    }

    #[test]
    fn site_name_that_is_a_url_is_skipped() {
        let m = meta(
            &page(
                r#"<meta property="og:site_name" content="https://www.example.com"><meta name="application-name" content="Example">"#,
                "",
            ),
            None,
        );
        assert_eq!(m.site_name.as_deref(), Some("Example"));
    }

    // --- never panics

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_arbitrary_text(s in ".{0,300}") {
            let _ = html_metadata(&Document::parse(s.as_str()), None);
        }

        #[test]
        fn never_panics_on_metadata_shaped_markup(
            parts in proptest::collection::vec(
                prop_oneof![
                    r#"<meta (name|property|itemprop)="[a-zA-Z:._-]{0,24}" content="[^"]{0,40}">"#,
                    r#"<script type="application/ld\+json">[\[\]{}":, a-zA-Z0-9@&#;-]{0,80}</script>"#,
                    r#"<time datetime="[0-9TZ:+-]{0,26}">[^<]{0,20}</time>"#,
                    r#"<(h1|title|p|article|aside|footer|div class="(byline|related|date)")>[^<]{0,40}"#,
                    r#"<link rel="canonical" href="[^"]{0,40}">"#,
                    ".{0,20}",
                ],
                0..12,
            ),
            fetched in proptest::option::of(0i64..30_000),
        ) {
            let html = parts.concat();
            let fetched = fetched.and_then(PublishedDate::from_days_since_epoch);
            let m = html_metadata(&Document::parse(html.as_str()), fetched);
            if let (Some(p), Some(f)) = (m.published, fetched) {
                prop_assert!(!is_after(&p, &f));
            }
        }
    }
}
