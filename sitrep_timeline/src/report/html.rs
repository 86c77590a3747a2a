//! The situation report as one standalone HTML page: inline CSS, no
//! scripts, no external assets; every piece of article-derived text is
//! escaped.

use std::fmt::Write;

use super::{ThreadReport, citations};

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d232a}\
h1{font-size:1.8rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.3rem;margin-top:2.5rem}\
.event{margin:.8rem 0;padding:.6rem .8rem;border-left:4px solid #0969da;background:#f6f8fa}\
.date{font-weight:600}.type{color:#57606a;font-size:.9em}blockquote{margin:.3rem 0 .3rem 1rem;color:#3d444d}\
.dispute{color:#9a6700;font-weight:600}.cite{color:#0969da;font-size:.85em}ol.sources li{margin:.2rem 0}";

/// Render the report for `threads` as a standalone HTML page.
pub fn render_html(threads: &[ThreadReport<'_>]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>Situation report</title><style>{STYLE}</style></head><body>\n<h1>Situation report</h1>\n"
    );
    if threads.is_empty() {
        out.push_str("<p>No threads yet: ingest articles first.</p>\n");
    }
    for t in threads {
        thread(&mut out, t);
    }
    out.push_str("</body></html>\n");
    out
}

fn thread(out: &mut String, t: &ThreadReport<'_>) {
    let tl = t.timeline;
    let _ = writeln!(out, "<section><h2>{}</h2>", escape(&tl.title));
    let _ = writeln!(
        out,
        "<p>{} stories, {} articles, {} consolidated events.</p>",
        tl.stories.len(),
        tl.articles.len(),
        tl.events.len()
    );
    let summary = t.summary(5);
    if !summary.is_empty() {
        out.push_str("<h3>Summary</h3><p>");
        for (e, s) in summary {
            let _ = write!(
                out,
                "{} <span class=\"cite\">{}</span> ",
                escape(s),
                escape(&citations(t, &e.articles))
            );
        }
        out.push_str("</p>\n");
    }
    out.push_str("<h3>Timeline</h3>\n");
    for e in &tl.events {
        let date = e
            .date
            .map_or_else(|| "date unknown".to_owned(), |d| d.to_string());
        let _ = writeln!(
            out,
            "<div class=\"event\"><span class=\"date\">{}</span> — {} <span class=\"type\">{}</span> <span class=\"cite\">{}</span>",
            escape(&date),
            escape(&e.title),
            escape(e.kind.as_str()),
            escape(&citations(t, &e.articles))
        );
        for ev in &e.evidence {
            let n = t
                .source_number(&ev.article)
                .map_or_else(String::new, |n| format!("[{n}]"));
            let _ = writeln!(
                out,
                "<blockquote>{} <span class=\"cite\">{}</span></blockquote>",
                escape(&ev.text),
                escape(&n)
            );
        }
        for d in &e.disputes {
            let claims: Vec<String> = d
                .claims
                .iter()
                .map(|c| format!("{} {}", escape(&c.value), escape(&citations(t, &c.articles))))
                .collect();
            let _ = writeln!(
                out,
                "<p class=\"dispute\">Disputed {}: {}</p>",
                escape(&d.field),
                claims.join(" vs ")
            );
        }
        out.push_str("</div>\n");
    }
    let quotes = t.quotes_by_speaker();
    if !quotes.is_empty() {
        out.push_str("<h3>Quotes by actor</h3><ul>\n");
        for (speaker, list) in quotes {
            let _ = write!(out, "<li><strong>{}</strong><ul>", escape(speaker));
            for q in list {
                let n = t
                    .source_number(&q.article)
                    .map_or_else(String::new, |n| format!("[{n}]"));
                let _ = write!(
                    out,
                    "<li>“{}” <span class=\"cite\">{}</span></li>",
                    escape(&q.text),
                    escape(&n)
                );
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !t.copies.is_empty() {
        out.push_str("<h3>Who reprinted whom</h3><ul>\n");
        for c in &t.copies {
            let _ = writeln!(
                out,
                "<li>{} reprinted {} passage(s) first printed by {}</li>",
                escape(&t.source_label(&c.copy)),
                c.passages,
                escape(&t.source_label(&c.original))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h3>Sources</h3><ol class=\"sources\">\n");
    for a in &t.articles {
        let _ = writeln!(
            out,
            "<li>{} — {}, {}</li>",
            escape(a.title.as_deref().unwrap_or("(untitled)")),
            escape(a.source.as_deref().unwrap_or("unknown source")),
            escape(
                &a.published
                    .map_or_else(|| "date not stated".to_owned(), |d| d.day_only().to_string())
            )
        );
    }
    out.push_str("</ol></section>\n");
}
