//! Page furniture removed from the DOM before main-text extraction:
//! captions, hidden elements, share bars, newsletter boxes, related-story
//! lists, comment sections, author bios and the like.
//!
//! Readability scores blocks to find the article container but keeps what
//! sits inside it; news pages put much of their furniture there (figure
//! captions, "related" boxes, sign-up prompts). The rules are general —
//! element names, `hidden`/`display:none`, and whole words of `class`/`id`
//! names that mean furniture on any site — and guarded: an element holding
//! a large share of the page's text is never removed, so a container that
//! happens to be named `related-content` keeps the article.

use std::sync::LazyLock;

use crate::fast_html::{Document, Node, NodeId, Tag, TextStats};

/// Elements never part of an article's text.
const FURNITURE_TAGS: &[Tag] = &[
    Tag::Figcaption,
    Tag::Svg,
    Tag::Button,
    Tag::Select,
    Tag::Option,
    Tag::Template,
    Tag::Dialog,
    Tag::Textarea,
    Tag::Input,
    Tag::Iframe,
    Tag::Object,
    Tag::Embed,
    Tag::Canvas,
    Tag::Map,
    Tag::Noscript,
    Tag::Menu,
];

/// Whole `class` tokens that hide an element on any site.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "d-none",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "invisible",
    "offscreen",
];

/// Whole words of `class`/`id` values that name page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "byline",
    "bylines",
    "share",
    "sharing",
    "sharebar",
    "social",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promos",
    "promotion",
    "related",
    "recommended",
    "recommendations",
    "recirculation",
    "outbrain",
    "taboola",
    "advert",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "adslot",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "comment",
    "disqus",
    "bio",
    "biography",
    "timestamp",
    "popular",
    "trending",
    "mostread",
    "toolbar",
    "modal",
    "popup",
    "cookie",
    "cookies",
    "consent",
    "tags",
    "tagged",
    "keywords",
    "pagination",
    "pager",
    "rollover",
    "tooltip",
    "copyright",
    "affiliate",
];

/// An element with more than this share of the page's text is kept
/// whatever its name says.
const MAX_REMOVED_SHARE: f64 = 0.35;

static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = FURNITURE_WORDS.to_vec();
    words.sort_unstable();
    words
});

/// Remove what no reader sees from a whole page, in place: furniture
/// elements ([`FURNITURE_TAGS`]) and hidden elements (`hidden`,
/// `aria-hidden`, `display:none`, hiding classes) in the body. Safe before
/// the article container is known: none of these is ever article text.
pub fn remove_invisible(doc: &mut Document<'_>) {
    let body = doc.body();
    let mut doomed: Vec<NodeId> = Vec::new();
    let mut walk = doc.root().descendants();
    while let Some(n) = walk.next() {
        if n == body {
            walk.skip_children_of(n);
        } else if is_furniture_tag(n) {
            doomed.push(n.id());
            walk.skip_children_of(n);
        }
    }
    let mut walk = body.descendants();
    while let Some(n) = walk.next() {
        if n.is_element() && (is_furniture_tag(n) || is_hidden(n)) {
            doomed.push(n.id());
            walk.skip_children_of(n);
        }
    }
    for id in doomed {
        doc.detach(id);
    }
}

/// Remove furniture named by `class`/`id` words from an extracted article
/// (the subtree under `root`), in place. An element holding more than
/// [`MAX_REMOVED_SHARE`] of the article's text is kept whatever its name
/// says.
pub fn remove_named_furniture(doc: &mut Document<'_>, root: NodeId) {
    let stats = TextStats::new(doc.node(root));
    let total = stats.chars(root).max(1) as f64;
    let mut doomed = Vec::new();
    let mut stack: Vec<Node<'_>> = doc.node(root).element_children().collect();
    while let Some(child) = stack.pop() {
        let removable = is_named_furniture(child)
            && (stats.chars(child.id()) as f64) < MAX_REMOVED_SHARE * total
            && (!in_running_text(child) || is_link_cluster(child));
        if removable {
            doomed.push(child.id());
        } else {
            stack.extend(child.element_children());
        }
    }
    for id in doomed {
        doc.detach(id);
    }
}

/// Inline elements: named furniture among them may wrap a word of the
/// sentence (a name with a hover card), so inside running text only their
/// furniture parts go.
const INLINE_TAGS: &[Tag] = &[
    Tag::Span,
    Tag::A,
    Tag::Em,
    Tag::Strong,
    Tag::B,
    Tag::I,
    Tag::Abbr,
    Tag::Small,
    Tag::Sup,
    Tag::Sub,
    Tag::Mark,
    Tag::Cite,
];

fn is_inline(node: Node<'_>) -> bool {
    node.tag().is_some_and(|t| INLINE_TAGS.contains(&t))
}

/// True for an inline element that is part of a sentence: it or one of its
/// inline ancestors, up to and including the enclosing block, has text of
/// its own beside it.
fn in_running_text(node: Node<'_>) -> bool {
    if !is_inline(node) {
        return false;
    }
    for ancestor in node.ancestors().take(12) {
        let own_text = ancestor
            .children()
            .any(|c| c.is_text() && !c.text_str().trim().is_empty());
        if own_text {
            return true;
        }
        if !is_inline(ancestor) {
            return false;
        }
    }
    false
}

/// True for an element that is a cluster of links (a hover card, a list of
/// stories) rather than a word of the sentence, and holds no furniture of
/// its own to remove more precisely.
fn is_link_cluster(node: Node<'_>) -> bool {
    let mut links = 0;
    for d in node.descendant_elements() {
        if is_named_furniture(d) {
            return false;
        }
        if d.has_tag(Tag::A) {
            links += 1;
        }
    }
    links >= 2
}

fn is_furniture_tag(node: Node<'_>) -> bool {
    node.tag().is_some_and(|t| FURNITURE_TAGS.contains(&t))
}

/// One of the tokens of `class` is one of [`HIDDEN_CLASSES`] (tokens of a
/// length no hiding class has are passed over unread).
fn has_hidden_class(class: &str) -> bool {
    let hides = |t: &str| {
        matches!(t.len(), 4 | 6 | 7 | 9 | 14 | 15 | 17 | 18)
            && HIDDEN_CLASSES.iter().any(|h| t.eq_ignore_ascii_case(h))
    };
    if class.is_ascii() {
        class.split_ascii_whitespace().any(hides)
    } else {
        class.split_whitespace().any(hides)
    }
}

/// A `style` with `display:none` or `visibility:hidden` (whitespace and
/// case aside).
fn style_hides(style: &str) -> bool {
    if !style.contains(':') {
        return false;
    }
    let squeezed: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

fn is_hidden(node: Node<'_>) -> bool {
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if node.attr("style").is_some_and(style_hides) {
        return true;
    }
    node.attr("class").is_some_and(has_hidden_class)
}

fn is_named_furniture(node: Node<'_>) -> bool {
    if node
        .attr("role")
        .is_some_and(|r| matches!(r.trim(), "navigation" | "complementary"))
    {
        return true;
    }
    ["class", "id"]
        .iter()
        .any(|attr| node.attr(attr).is_some_and(names_furniture))
}

/// True when one of the words of a `class`/`id` value names furniture.
/// Words are split at non-letters and at lower-to-upper case changes
/// (`shareBar` → `share`, `bar`); joined pairs are tried too (`sr-only`).
fn names_furniture(value: &str) -> bool {
    let bytes = value.as_bytes();
    let mut previous: Option<(usize, usize)> = None;
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    let hit = |s: usize, e: usize, previous: &mut Option<(usize, usize)>| {
        let word = bytes.get(s..e).unwrap_or_default();
        let pair = previous.and_then(|(ps, pe)| bytes.get(ps..pe));
        *previous = Some((s, e));
        is_furniture_word(&[word]) || pair.is_some_and(|p| is_furniture_word(&[p, word]))
    };
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_alphanumeric() {
            if let Some(s) = start.take()
                && hit(s, i, &mut previous)
            {
                return true;
            }
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase()
            && prev_lower
            && let Some(s) = start
        {
            if hit(s, i, &mut previous) {
                return true;
            }
            start = Some(i);
        }
        start.get_or_insert(i);
        prev_lower = b.is_ascii_lowercase();
    }
    start.is_some_and(|s| hit(s, bytes.len(), &mut previous))
}

/// The concatenation of `parts`, lower-cased, is one of [`FURNITURE_WORDS`].
fn is_furniture_word(parts: &[&[u8]]) -> bool {
    let mut buf = [0u8; 32];
    let mut len = 0;
    for part in parts {
        let Some(slot) = buf.get_mut(len..len + part.len()) else {
            return false;
        };
        slot.copy_from_slice(part);
        len += part.len();
    }
    let word = buf.get_mut(..len).unwrap_or_default();
    word.make_ascii_lowercase();
    WORDS.binary_search_by(|w| w.as_bytes().cmp(word)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, kept: &[&str], removed: &[&str]) {
        let mut doc = Document::parse(html);
        remove_invisible(&mut doc);
        let body = doc.body().id();
        remove_named_furniture(&mut doc, body);
        let text = doc.body().text();
        for k in kept {
            assert!(text.contains(k), "{k:?} should stay in {text:?}");
        }
        for r in removed {
            assert!(!text.contains(r), "{r:?} should go from {text:?}");
        }
    }

    const STORY: &str = "<p>The council voted on Tuesday to extend the night bus service to the northern suburbs after months of complaints from shift workers.</p><p>The extension starts next month and will run for a trial year.</p>";

    #[test]
    fn removes_captions_hidden_and_named_furniture() {
        check(
            &format!(
                r#"<body><article>{STORY}
                <figure><img src="a.jpg"><figcaption>A bus at the depot. Photo: J. Doe</figcaption></figure>
                <div class="share-bar">Share on Facebook</div>
                <div class="newsletterSignup">Get our daily briefing</div>
                <span style="display: none">hidden tooltip</span>
                <aside class="related-stories"><a href="/x">Fares rise again</a></aside>
                <p class="sr-only">Screen reader note</p>
                </article></body>"#
            ),
            &["extend the night bus", "trial year"],
            &[
                "A bus at the depot",
                "Share on Facebook",
                "daily briefing",
                "hidden tooltip",
                "Fares rise",
                "Screen reader",
            ],
        );
    }

    #[test]
    fn inline_wrappers_keep_their_words_and_lose_their_cards() {
        check(
            r#"<body><p>The motion was tabled by <span class="rollover-people"><a href="/p">Rep. Ana Ruiz</a><span class="rollover-people-block"><a href="/a">Ruiz wins vote</a> <a href="/b">Ruiz on budget</a></span></span> on Monday, after a long debate in the chamber about the budget.</p></body>"#,
            &["tabled by Rep. Ana Ruiz on Monday"],
            &["wins vote", "on budget"],
        );
    }

    #[test]
    fn captions_outside_sentences_go_whole() {
        check(
            &format!(
                r#"<body><article>{STORY}<div class="photo"><img src="a.jpg"><span class="newsCaption">Riders at dawn <span class="caption">(Image: Agency)</span></span></div></article></body>"#
            ),
            &["trial year"],
            &["Riders at dawn", "Image: Agency"],
        );
    }

    #[test]
    fn large_containers_are_kept_whatever_their_name() {
        check(
            &format!(
                r#"<body><div class="related-content">{STORY}</div><div class="ad">Buy now</div></body>"#
            ),
            &["extend the night bus"],
            &["Buy now"],
        );
    }

    /// The straightforward word split, to check the allocation-free one.
    fn names_furniture_reference(value: &str) -> bool {
        let mut words: Vec<String> = Vec::new();
        for token in value.split(|c: char| !c.is_ascii_alphanumeric()) {
            let mut current = String::new();
            let mut prev_lower = false;
            for c in token.chars() {
                if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                prev_lower = c.is_ascii_lowercase();
                current.push(c.to_ascii_lowercase());
            }
            if !current.is_empty() {
                words.push(current);
            }
        }
        let known = |w: &str| FURNITURE_WORDS.contains(&w);
        words.iter().any(|w| known(w)) || words.windows(2).any(|p| known(&format!("{}{}", p[0], p[1])))
    }

    proptest::proptest! {
        #[test]
        fn word_split_matches_the_reference(value in "([a-zA-Z]{0,8}[ _-]?){0,5}|(sr|share|Bar|ad|only|news|letter|-|é| ){0,6}") {
            proptest::prop_assert_eq!(names_furniture(&value), names_furniture_reference(&value));
        }
    }

    #[test]
    fn hidden_classes_are_whole_tokens_of_any_case() {
        for class in HIDDEN_CLASSES {
            assert!(
                has_hidden_class(&format!("a {} b", class.to_uppercase())),
                "{class}"
            );
        }
        assert!(!has_hidden_class("article-body lead hiddenness"));
        assert!(has_hidden_class("x\u{a0}hidden"));
    }

    #[test]
    fn words_are_whole() {
        assert!(names_furniture("article__byline"));
        assert!(names_furniture("shareBar"));
        assert!(!names_furniture("shadow-header"));
        assert!(!names_furniture("article-body"));
        assert!(!names_furniture("headline"));
        assert!(!names_furniture("field-label-hidden"));
    }
}
