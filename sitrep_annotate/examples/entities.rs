//! By-hand look at entity recognition: `cargo run -p sitrep_annotate
//! --example entities -- KNOWLEDGE_FILE [--date YYYY-MM-DD] FILE...` prints
//! each file's mentions (span, text, entity, role) and entities, then the
//! merged corpus list. With `--jsonl` instead of files it reads JSON Lines
//! `{id, text, published?}` on stdin and prints `{id, mentions, entities}`
//! per line (used by `scripts/eval_entities_plover.py`). Without a
//! readable KNOWLEDGE_FILE it uses the built-in knowledge. For development
//! only; the binary's `sitrep entities` is the real interface.

use std::process::ExitCode;

use sitrep_annotate::entities::{self, ArticleEntities, KnowledgeBase};
use sitrep_model::PublishedDate;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: entities KNOWLEDGE_FILE [--date YYYY-MM-DD] FILE...");
        return ExitCode::FAILURE;
    }
    let kb_path = args.remove(0);
    let kb = match std::fs::read(&kb_path).map(|b| KnowledgeBase::from_bytes(&b)) {
        Ok(Ok(kb)) => kb,
        Ok(Err(e)) => {
            eprintln!("entities: {kb_path}: {e}; using the built-in knowledge");
            KnowledgeBase::builtin()
        }
        Err(e) => {
            eprintln!("entities: {kb_path}: {e}; using the built-in knowledge");
            KnowledgeBase::builtin()
        }
    };
    let mut date = None;
    if args.first().is_some_and(|a| a == "--date") && args.len() >= 2 {
        let d = args[1].clone();
        args.drain(..2);
        let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
        if let [y, m, day] = parts[..] {
            date = i32::try_from(y)
                .ok()
                .and_then(|y| PublishedDate::from_ymd(y, m, day));
        }
    }
    if args.first().is_some_and(|a| a == "--jsonl") {
        return jsonl(&kb);
    }
    let mut results = Vec::new();
    for path in &args {
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("entities: cannot read {path}");
            continue;
        };
        let found = entities::find_entities(&text, &[], &[], &kb, date);
        let mut out = String::new();
        out.push_str(&format!("== {path}\n"));
        for m in &found.mentions {
            let surface = text.get(m.span.start..m.span.end).unwrap_or("?");
            let role = m.role.as_deref().unwrap_or("");
            out.push_str(&format!(
                "  {:>5} {:<40} {:<40} {}\n",
                m.span.start, surface, m.entity, role
            ));
        }
        for e in &found.entities {
            out.push_str(&format!(
                "  = {} {:?} {:?} {:?} {:?} {:?}\n",
                e.id, e.name, e.kind, e.country, e.sector, e.aliases
            ));
        }
        eprint!("{out}");
        results.push((path.clone(), found));
    }
    let articles: Vec<ArticleEntities<'_>> = results
        .iter()
        .map(|(p, f)| ArticleEntities {
            article: p,
            entities: &f.entities,
            mentions: &f.mentions,
        })
        .collect();
    let merged = entities::merge_entities(&articles);
    eprintln!("== corpus");
    for e in &merged.entities {
        eprintln!(
            "  {} {:?} {:?} {:?}/{:?} mentions={} articles={} aliases={:?}",
            e.entity.id,
            e.entity.name,
            e.entity.kind,
            e.entity.country,
            e.entity.sector,
            e.mentions,
            e.articles.len(),
            e.entity.aliases
        );
    }
    ExitCode::SUCCESS
}

/// `{id, text, published?}` lines on stdin → `{id, mentions, entities}`.
fn jsonl(kb: &KnowledgeBase) -> ExitCode {
    use std::io::{BufRead, Write};
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let published = v["published"].as_str().and_then(|d| {
            let parts: Vec<u32> = d.get(..10)?.split('-').filter_map(|p| p.parse().ok()).collect();
            match parts[..] {
                [y, m, day] => PublishedDate::from_ymd(i32::try_from(y).ok()?, m, day),
                _ => None,
            }
        });
        let found = entities::find_entities(text, &[], &[], kb, published);
        let record =
            serde_json::json!({"id": v["id"], "mentions": found.mentions, "entities": found.entities});
        if writeln!(out, "{record}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
