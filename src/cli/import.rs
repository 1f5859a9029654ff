//! `kinerja import FILE.json`: a whole PK document, all or nothing.

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::{CliError, CliResult, Context, read_text_file, refused};
use crate::interchange::json;
use crate::text::cli as t;

/// Largest PK document accepted.
pub const MAX_DOCUMENT_BYTES: u64 = crate::interchange::MAX_INPUT_BYTES as u64;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Dokumen PK kinerja/1 (JSON)
    pub file: PathBuf,
    /// Ganti data tahun yang sama yang sudah ada / replace the year if it exists
    #[arg(long)]
    pub replace: bool,
}

pub fn run(ctx: &Context, a: &ImportArgs) -> CliResult {
    let mut bar = Progress::new(t::PROGRESS_READ.fill(&[("file", &a.file.display())]), 3);
    let text = read_text_file(&a.file, MAX_DOCUMENT_BYTES)?;
    bar.phase(t::PROGRESS_CHECK.s(), 3);
    bar.set(1, 3);
    let parsed = json::import_document(&text).and_then(|ds| {
        let plans = json::import_plans(&text, &ds)?;
        Ok((ds, plans))
    });
    drop(text);
    let (ds, plans) = parsed.map_err(|errors| {
        let mut msg = t::IMPORT_REFUSED.fill(&[("file", &a.file.display()), ("n", &errors.len())]);
        for e in &errors {
            msg.push_str("\n  ");
            msg.push_str(&e.to_string());
        }
        CliError::refused(msg)
    })?;
    // The rulebook the document names must exist (or --rules is given).
    ctx.rulebook_for(&ds)?;
    let store = ctx.create_store()?;
    bar.phase(
        t::PROGRESS_SAVE.fill(&[("store", &store.path().display())]),
        1,
    );
    store
        .import_dataset(&ds, a.replace, &ctx.actor, "import")
        .map_err(refused)?;
    if a.replace || !plans.is_empty() {
        store
            .import_plans(ds.year, &plans, a.replace, &ctx.actor, "import")
            .map_err(refused)?;
    }
    let path = store.path().to_path_buf();
    drop(store);
    bar.set(1, 1);
    bar.finish();
    super::say(&t::IMPORTED.fill(&[
        ("year", &ds.year),
        ("units", &ds.units.len()),
        ("ss", &ds.ss.len()),
        ("iku", &ds.iku.len()),
        ("store", &path.display()),
    ]))?;
    Ok(())
}
