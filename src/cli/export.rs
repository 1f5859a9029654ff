//! `kinerja export [-o FILE]`: the year's PK document, deterministic.

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::{CliResult, Context, write_file_atomic};
use crate::interchange::json;
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Tulis ke berkas (atomik) / write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Context, a: &ExportArgs) -> CliResult {
    let store = ctx.open_store()?;
    let year = ctx.year(&store)?;
    let mut bar = Progress::new(
        t::PROGRESS_LOAD.fill(&[("store", &store.path().display())]),
        2,
    );
    let ds = store.load_year(year).map_err(super::refused)?;
    bar.phase(t::PROGRESS_EXPORT.s(), 2);
    bar.set(1, 2);
    let doc = json::export_document(&ds);
    bar.set(2, 2);
    bar.finish();
    match &a.output {
        Some(path) => {
            write_file_atomic(path, doc.as_bytes())?;
            eprintln!(
                "{}",
                t::EXPORTED.fill(&[("year", &year), ("file", &path.display())])
            );
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // a closed pipe (`| head`) is not an error worth a message
            let _ = out.write_all(doc.as_bytes()).and_then(|_| out.flush());
        }
    }
    Ok(())
}
