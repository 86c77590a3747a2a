//! The situation report as Markdown.

use std::fmt::Write;

use super::{ThreadReport, citations};

/// Render the report for `threads` as Markdown.
pub fn render_markdown(threads: &[ThreadReport<'_>]) -> String {
    let mut out = String::from("# Situation report\n");
    if threads.is_empty() {
        out.push_str("\nNo threads yet: ingest articles first.\n");
    }
    for t in threads {
        thread(&mut out, t);
    }
    out
}

fn quote_md(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn thread(out: &mut String, t: &ThreadReport<'_>) {
    let tl = t.timeline;
    let _ = writeln!(out, "\n## {}\n", quote_md(&tl.title));
    let _ = writeln!(
        out,
        "{} stories, {} articles, {} consolidated events.\n",
        tl.stories.len(),
        tl.articles.len(),
        tl.events.len()
    );
    let summary = t.summary(5);
    if !summary.is_empty() {
        out.push_str("### Summary\n\n");
        let sentences: Vec<String> = summary
            .iter()
            .map(|(e, s)| format!("{} {}", quote_md(s), citations(t, &e.articles)))
            .collect();
        let _ = writeln!(out, "{}\n", sentences.join(" "));
    }
    out.push_str("### Timeline\n\n");
    if tl.events.is_empty() {
        out.push_str("No coded events.\n\n");
    }
    for e in &tl.events {
        let date = e
            .date
            .map_or_else(|| "date unknown".to_owned(), |d| d.to_string());
        let basis = match e.date_basis {
            sitrep_model::EventDateBasis::Publication => " (reported)",
            _ => "",
        };
        let _ = writeln!(
            out,
            "- **{date}**{basis} — {} ({}{}) {}",
            quote_md(&e.title),
            e.kind,
            e.cameo
                .as_deref()
                .map(|c| format!(", CAMEO {c}"))
                .unwrap_or_default(),
            citations(t, &e.articles)
        );
        for ev in &e.evidence {
            let n = t
                .source_number(&ev.article)
                .map_or_else(String::new, |n| format!("[{n}]"));
            let _ = writeln!(out, "  - > {} {n}", quote_md(&ev.text));
        }
        for d in &e.disputes {
            let claims: Vec<String> = d
                .claims
                .iter()
                .map(|c| format!("{} {}", c.value, citations(t, &c.articles)))
                .collect();
            let _ = writeln!(out, "  - **Disputed {}:** {}", d.field, claims.join(" vs "));
        }
    }
    let actors = t.key_actors(10);
    if !actors.is_empty() {
        out.push_str("\n### Key actors\n\n");
        for (name, n) in actors {
            let _ = writeln!(
                out,
                "- {} ({n} event{})",
                quote_md(&name),
                if n == 1 { "" } else { "s" }
            );
        }
    }
    let places = t.key_places(10);
    if !places.is_empty() {
        out.push_str("\n### Places\n\n");
        for (name, n) in places {
            let _ = writeln!(
                out,
                "- {} ({n} event{})",
                quote_md(&name),
                if n == 1 { "" } else { "s" }
            );
        }
    }
    let quotes = t.quotes_by_speaker();
    if !quotes.is_empty() {
        out.push_str("\n### Quotes by actor\n\n");
        for (speaker, list) in quotes {
            let _ = writeln!(out, "- **{}**", quote_md(speaker));
            for q in list {
                let n = t
                    .source_number(&q.article)
                    .map_or_else(String::new, |n| format!("[{n}]"));
                let _ = writeln!(out, "  - “{}” {n}", quote_md(&q.text));
            }
        }
    }
    if !t.copies.is_empty() {
        out.push_str("\n### Who reprinted whom\n\n");
        for c in &t.copies {
            let (a, b) = (t.source_number(&c.copy), t.source_number(&c.original));
            let _ = writeln!(
                out,
                "- {} [{}] reprinted {} passage{} first printed by {} [{}]",
                quote_md(&t.source_label(&c.copy)),
                a.unwrap_or(0),
                c.passages,
                if c.passages == 1 { "" } else { "s" },
                quote_md(&t.source_label(&c.original)),
                b.unwrap_or(0)
            );
        }
    }
    out.push_str("\n### Sources\n\n");
    for (i, a) in t.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} — {}, {} (`{}`)",
            i + 1,
            quote_md(a.title.as_deref().unwrap_or("(untitled)")),
            quote_md(a.source.as_deref().unwrap_or("unknown source")),
            a.published
                .map_or_else(|| "date not stated".to_owned(), |d| d.day_only().to_string()),
            a.id
        );
    }
}
