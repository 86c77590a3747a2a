//! `sitrep extract`: extraction only; prints articles, stores nothing.

use std::io::Write;
use std::path::PathBuf;

use sitrep_extract::ExtractOptions;
use sitrep_ingest::Limits;

use crate::output::{ExtractedJson, json_line};
use crate::pipeline::{for_each_batch, read_input, resolve_inputs};

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let (inputs, missing) = resolve_inputs(paths);
    for r in &missing {
        eprintln!("rejected {r}");
    }
    let limits = Limits::default();
    let options = ExtractOptions::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for input in &inputs {
        for_each_batch(
            read_input(input, &limits),
            &options,
            |outcomes| -> anyhow::Result<()> {
                for outcome in outcomes {
                    match outcome {
                        Ok(article) if json => json_line(&mut out, &ExtractedJson::from(&article))?,
                        Ok(article) => {
                            writeln!(out, "# {}", article.title.as_deref().unwrap_or("(untitled)"))?;
                            writeln!(
                                out,
                                "origin: {}\npublished: {}\nsource: {}\nauthors: {}\n\n{}\n",
                                article.origin,
                                article
                                    .published
                                    .map_or_else(|| "unknown".to_owned(), |d| d.to_string()),
                                article.source.as_deref().unwrap_or("unknown"),
                                article.authors.join(", "),
                                article.text
                            )?;
                        }
                        Err(rejection) => eprintln!("rejected {rejection}"),
                    }
                }
                Ok(())
            },
        )?;
    }
    out.flush()?;
    Ok(())
}
