//! `kinerja import FILE.json|BUNDLE`: a whole PK document, all or nothing — or a bundle of
//! `export --with-evidence` (`cli::bundle`): its evidence files kept first, then the document.

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
    /// Dokumen PK kinerja/1 (JSON), atau bundel (direktori) dari export --with-evidence / a
    /// kinerja/1 document, or a bundle directory of export --with-evidence
    pub file: PathBuf,
    /// Ganti data tahun yang sama yang sudah ada / replace the year if it exists
    #[arg(long)]
    pub replace: bool,
}

pub fn run(ctx: &Context, a: &ImportArgs) -> CliResult {
    let mut bar = Progress::new(t::PROGRESS_READ.fill(&[("file", &a.file.display())]), 3);
    let bundle = super::bundle::is_bundle(&a.file);
    let text = if bundle {
        super::bundle::read_document(&a.file, MAX_DOCUMENT_BYTES)?
    } else {
        read_text_file(&a.file, MAX_DOCUMENT_BYTES)?
    };
    bar.phase(t::PROGRESS_CHECK.s(), 3);
    bar.set(1, 3);
    let parsed = json::import_document(&text).and_then(|mut ds| {
        let plans = json::import_plans(&text, &ds)?;
        ds.round = json::import_rounds(&text, &ds)?;
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
    let rb = ctx.rulebook_for(&ds)?;
    // a bundle's files: every one read and checked before anything is stored
    let files = if bundle {
        let wanted = super::bundle::referenced(&ds.round);
        super::bundle::read_files(&a.file, &wanted, rb.round.evidence_max_file_bytes)?
    } else {
        Default::default()
    };
    let store = ctx.create_store()?;
    // the files first (kept once by their SHA-256; the document's references need them)
    let unit_of: std::collections::BTreeMap<&str, &str> = ds
        .round
        .values()
        .flat_map(|r| {
            r.evidence
                .values()
                .flatten()
                .map(move |e| (e.sha256.as_str(), r.unit.as_str()))
        })
        .collect();
    for (sha, bytes) in &files {
        let unit = unit_of.get(sha.as_str()).copied().unwrap_or_default();
        store.put_evidence(ds.year, unit, bytes).map_err(refused)?;
    }
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
