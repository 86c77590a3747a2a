//! `sitrep report`: the situation report for every thread — summary,
//! timeline, key actors and places, quotes by speaker, who reprinted whom
//! — as Markdown (default) or as one standalone HTML page.

use std::io::Write;
use std::path::Path;

use sitrep_store::Store;
use sitrep_timeline::report::{render_html, render_markdown};

use crate::cli::ReportFormat;
use crate::situation::Gathered;

pub fn run(db: &Path, format: ReportFormat) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let lexicon = crate::resources::event_lexicon();
    let gathered = Gathered::read(&store, &lexicon)?;
    let timelines = gathered.timelines(None);
    let reports = gathered.reports(&timelines);
    let page = match format {
        ReportFormat::Md => render_markdown(&reports),
        ReportFormat::Html => render_html(&reports),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(page.as_bytes())?;
    out.flush()?;
    Ok(())
}
