//! Parser tests: the tree a page gives, written back as compact markup, and
//! properties that must hold for any input.

use super::*;

/// The subtree under `node` as markup: elements with their attributes,
/// text as is.
fn dump(node: Node<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<(Node<'_>, bool)> = node.children().map(|c| (c, false)).collect();
    stack.reverse();
    while let Some((n, closing)) = stack.pop() {
        if n.is_text() {
            out.push_str(n.text_str());
            continue;
        }
        if closing {
            if !n.tag().is_some_and(Tag::is_void) {
                out.push_str(&format!("</{}>", n.name()));
            }
            continue;
        }
        out.push('<');
        out.push_str(n.name());
        for (k, v) in n.attrs() {
            out.push_str(&format!(" {k}=\"{v}\""));
        }
        out.push('>');
        stack.push((n, true));
        let children: Vec<_> = n.children().collect();
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
    out
}

fn check(html: &str, body: &str) {
    let doc = Document::parse(html);
    assert_eq!(dump(doc.body()), body, "html {html:?}");
}

fn check_head(html: &str, head: &str) {
    let doc = Document::parse(html);
    assert_eq!(dump(doc.head()), head, "html {html:?}");
}

#[test]
fn documents_always_have_html_head_and_body() {
    for html in ["", "text", "<p>x", "<html>", "<head><title>t</title>", "</html>"] {
        let doc = Document::parse(html);
        assert!(doc.html().has_tag(Tag::Html));
        assert!(doc.head().has_tag(Tag::Head));
        assert!(doc.body().has_tag(Tag::Body));
        assert_eq!(doc.html().parent().map(|p| p.id()), Some(doc.root().id()));
    }
}

#[test]
fn head_and_body() {
    check_head(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A &amp; B</title></head><body><p>x</p></body></html>",
        r#"<meta charset="utf-8"><title>A & B</title>"#,
    );
    check("<title>T</title><p>x</p>", "<p>x</p>");
    check_head("<title>T</title><p>x</p>", "<title>T</title>");
    check("<meta name=a content=b>hello", "hello");
    check_head(
        "<noscript><link rel=x></noscript><noscript><img src=a></noscript>",
        r#"<noscript><link rel="x"></noscript><noscript></noscript>"#,
    );
    check(
        "<noscript><link rel=x></noscript><noscript><img src=a></noscript>",
        r#"<img src="a">"#,
    );
    check(
        "<html><body class=a><p>x</p></body></html><p>after</p>",
        "<p>x</p><p>after</p>",
    );
    let doc = Document::parse(r#"<HTML LANG="fr"><BODY>x</BODY></HTML>"#);
    assert_eq!(doc.html().attr("lang"), Some("fr"));
}

#[test]
fn implied_end_tags() {
    check(
        "<p>one<p>two<div>three</div>",
        "<p>one</p><p>two</p><div>three</div>",
    );
    check("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>");
    check(
        "<dl><dt>a<dd>b<dt>c</dl>",
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>",
    );
    check("<h2>a<h3>b</h3>", "<h2>a</h2><h3>b</h3>");
    check("<p>a<h1>b</h1>", "<p>a</p><h1>b</h1>");
    check(
        "<select><option>a<option>b</select>",
        "<select><option>a</option><option>b</option></select>",
    );
    check("<p><span>a<p>b", "<p><span>a</span></p><p>b</p>");
    check("<li>a<ul><li>b</ul>c", "<li>a<ul><li>b</li></ul>c</li>");
    check(
        "<a href=1>x<a href=2>y</a>",
        r#"<a href="1">x</a><a href="2">y</a>"#,
    );
}

#[test]
fn end_tags_close_within_scope_only() {
    check("<div><span>a</div>b", "<div><span>a</span></div>b");
    check("<div>a</span>b</div>", "<div>ab</div>");
    check("<b><div>a</b>c</div>", "<b><div>ac</div></b>");
    check("a</p>b", "ab");
    check("a</br>b", "a<br>b");
}

#[test]
fn void_raw_text_and_rcdata() {
    check(
        "<p>a<br>b<img src=x.jpg>c</p>",
        r#"<p>a<br>b<img src="x.jpg">c</p>"#,
    );
    check(
        "x<script>if (a<b) { x = '</p>'; }</script>after",
        "x<script>if (a<b) { x = '</p>'; }</script>after",
    );
    check("y<style>p > a { }</STYLE >x", "y<style>p > a { }</style>x");
    check("<textarea>a &amp; <b></textarea>", "<textarea>a & <b></textarea>");
    check(
        "y<noscript><img src=a></noscript>x",
        r#"y<noscript><img src="a"></noscript>x"#,
    );
    check("y<template><p>hidden</p></template>x", "y<template></template>x");
    check("y<script>never closed", "y<script>never closed</script>");
    check("<pre>\nline\n  two</pre>", "<pre>line\n  two</pre>");
}

#[test]
fn comments_doctype_cdata() {
    check("a<!-- <p>no</p> -->b", "ab");
    check("a<!-->b<!--->c", "abc");
    check("<!DOCTYPE html>a<?xml x?>b", "ab");
    check("a<!-- never closed", "a");
    check("<svg><![CDATA[x<y]]></svg><![CDATA[z]]>", "<svg>x<y</svg>");
    check("a < b and c<3 </ d", "a < b and c<3 ");
}

#[test]
fn attributes() {
    check(
        r#"<div id=main class='a b' data-x="1 &amp; 2" hidden title=x&copy=y>t</div>"#,
        r#"<div id="main" class="a b" data-x="1 & 2" hidden="" title="x&copy=y">t</div>"#,
    );
    check(
        r#"<a HREF="/x" href="/y" Rel=author>t</a>"#,
        r#"<a href="/x" rel="author">t</a>"#,
    );
    check(r#"<img src=a.jpg/>x"#, r#"<img src="a.jpg/">x"#);
    check(r#"<div a = "1"b='2'>t</div>"#, r#"<div a="1" b="2">t</div>"#);
    check(r#"<p class="unterminated>text"#, "");
}

#[test]
fn entities_in_text() {
    check(
        "<p>Tom &amp; Jerry&#8217;s &nbsp;war &copy 2024</p>",
        "<p>Tom & Jerry’s \u{a0}war © 2024</p>",
    );
}

#[test]
fn tables() {
    check(
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>",
    );
    check(
        "<table><td>a</td></table>",
        "<table><tbody><tr><td>a</td></tr></tbody></table>",
    );
    check(
        "<table><thead><tr><th>h<tbody><tr><td>d</table>",
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
    );
    check(
        "<table><tr><td><table><tr><td>in</table>out</table>",
        "<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table>out</td></tr></tbody></table>",
    );
    check(
        "<table>lost<tr><td>x</table>",
        "lost<table><tbody><tr><td>x</td></tr></tbody></table>",
    );
    check(
        "<table><div>moved</div><tr><td>x</table>",
        "<div>moved</div><table><tbody><tr><td>x</td></tr></tbody></table>",
    );
    check("<td>no table</td>", "no table");
    check(
        "<p>a<table><tr><td>b</table>",
        "<p>a</p><table><tbody><tr><td>b</td></tr></tbody></table>",
    );
}

#[test]
fn foreign_content() {
    check(
        "<svg><path d=\"x\"/><title>Logo</title></svg><p>after",
        r#"<svg><path d="x"></path><title>Logo</title></svg><p>after</p>"#,
    );
    check("<svg><g><p>breaks out", "<svg><g></g></svg><p>breaks out</p>");
    check("<math><mi>x</mi></math>y", "<math><mi>x</mi></math>y");
}

#[test]
fn deep_nesting_is_bounded() {
    let html = "<div>".repeat(MAX_DEPTH * 3) + "deep";
    let doc = Document::parse(&html);
    let depth = doc
        .body()
        .descendants()
        .map(|n| n.ancestors().count())
        .max()
        .unwrap_or_default();
    assert!(depth <= MAX_DEPTH + 2, "depth {depth}");
    assert_eq!(doc.body().text(), "deep");
}

#[test]
fn element_cap_truncates() {
    let html = "<b>x</b>".repeat(MAX_ELEMENTS + 10);
    let doc = Document::parse(&html);
    assert!(doc.is_truncated());
    assert!(doc.element_count() <= MAX_ELEMENTS + 1);
}

#[test]
fn text_helpers() {
    let doc =
        Document::parse("<div>\n  <p>One  two</p>\n<p>three<br>four</p><ul><li>a</li><li>b</li></ul></div>");
    let div = doc.body().first_element_child().expect("div");
    assert_eq!(div.text(), "\n  One  two\nthreefourab");
    assert_eq!(div.normalized_char_count(), "One two threefourab".len());
    assert_eq!(div.formatted_text(), "One two\n\nthree\nfour\n\na\nb\n\n\n");
    let doc =
        Document::parse("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table><pre> x\n y</pre>");
    assert_eq!(doc.body().formatted_text(), "a b\nc\n\n\n x\n y\n\n");
}

#[test]
fn mutation() {
    let mut doc = Document::parse("<div id=a><p>1</p><p>2</p></div><div id=b></div>");
    let body = doc.body().id();
    let a = doc.body().first_element_child().expect("a").id();
    let b = doc.node(a).next_element_sibling().expect("b").id();
    let first_p = doc.node(a).first_element_child().expect("p").id();
    doc.append_child(b, first_p);
    assert_eq!(
        dump(doc.body()),
        r#"<div id="a"><p>2</p></div><div id="b"><p>1</p></div>"#
    );
    doc.append_child(first_p, body);
    assert_eq!(
        dump(doc.body()),
        r#"<div id="a"><p>2</p></div><div id="b"><p>1</p></div>"#
    );
    let span = doc.create_element(Tag::Span);
    doc.insert_before(a, span);
    doc.replace_with(b, first_p);
    doc.set_tag(a, Tag::Section);
    doc.copy_attrs(b, a);
    assert_eq!(
        dump(doc.body()),
        r#"<span></span><section id="b"><p>2</p></section><p>1</p>"#
    );
    doc.detach(a);
    assert_eq!(dump(doc.body()), "<span></span><p>1</p>");
}

/// Every link in the tree agrees with its counterpart.
fn assert_consistent(doc: &Document<'_>) {
    let mut seen = 0;
    for n in doc.root().descendants() {
        seen += 1;
        let parent = n.parent().expect("attached nodes have parents");
        assert!(parent.children().any(|c| c == n));
        if let Some(next) = n.next_sibling() {
            assert_eq!(next.prev_sibling(), Some(n));
        } else {
            assert_eq!(parent.last_child(), Some(n));
        }
        assert!(n.ancestors().count() <= MAX_DEPTH + 3);
    }
    assert!(seen <= doc.node_capacity());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_parses_into_a_consistent_tree(s in ".{0,400}") {
        let doc = Document::parse(&s);
        assert_consistent(&doc);
        let _ = doc.body().formatted_text();
    }

    #[test]
    fn markup_soup_parses_into_a_consistent_tree(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                "<(p|div|li|ul|td|tr|table|tbody|th|span|a|b|h1|h2|svg|math|pre|select|option|dd|dt|button|form|caption|col|colgroup|frameset|template|image|ruby|rt)( [a-z]{1,5}(=(\"[^\"]{0,8}\"|'[^']{0,8}'|[a-z&;#0-9]{0,6}))?){0,3} ?/?>",
                "</(p|div|li|ul|td|tr|table|tbody|th|span|a|b|h1|h2|svg|math|pre|select|option|br|body|html|head|template|x-y)>",
                "<(script|style|title|textarea|noscript|xmp|plaintext|iframe)>[^<]{0,10}(</(script|style|title|textarea|noscript|xmp|iframe)>)?",
                "<!--[^>]{0,10}(-->)?|<!DOCTYPE html>|<!\\[CDATA\\[x\\]\\]>|<\\?x\\?>|</ >|<",
                "[a-z &;#0-9<>]{0,12}",
            ],
            0..40,
        )
    ) {
        let html = parts.concat();
        let doc = Document::parse(&html);
        assert_consistent(&doc);
        let _ = doc.body().formatted_text();
        let _ = doc.body().normalized_char_count();
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn text_stats_agree_with_direct_counts(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                "<(p|div|span|b|ul|li)>",
                "</(p|div|span|b|ul|li)>",
                "[a-z \t\n\u{a0}]{0,12}",
            ],
            0..30,
        )
    ) {
        let html = parts.concat();
        let doc = Document::parse(&html);
        let stats = text::TextStats::new(doc.root());
        for n in doc.root().descendants() {
            proptest::prop_assert_eq!(stats.chars(n.id()), n.normalized_char_count());
        }
    }
}

proptest::proptest! {
    #[test]
    fn normalized_count_matches_collapsing_whitespace(s in "[a-z \t\n\u{a0}\u{2003}\u{3000}\u{85}é€😀,]{0,40}") {
        let html = format!("<p>{}</p>", s.replace('<', ""));
        let doc = Document::parse(&html);
        let p = doc.body().first_element_child().expect("p");
        let expected = p.text().split_whitespace().collect::<Vec<_>>().join(" ").chars().count();
        proptest::prop_assert_eq!(p.normalized_char_count(), expected);
    }
}

#[test]
fn every_unicode_space_is_recognised() {
    let chars = (0..=0x3100u32).chain([0xFEFF, 0x1_0000, 0x1_F600]);
    for c in chars
        .filter_map(char::from_u32)
        .filter(|c| !matches!(c, '<' | '&' | '\0'))
    {
        let html = format!("<p>a{c}b</p>");
        let doc = Document::parse(&html);
        let p = doc.body().first_element_child().expect("p");
        let expected = p
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .count();
        assert_eq!(p.normalized_char_count(), expected, "U+{:04X}", c as u32);
    }
}

proptest::proptest! {
    #[test]
    fn byte_words_are_split_whitespace(s in "[a-z \t\n\u{a0}\u{2003}\u{3000}\u{85}é’—😀]{0,30}") {
        let expected: Vec<&str> = s.split_whitespace().collect();
        proptest::prop_assert_eq!(text::words_of(&s), expected);
    }
}
