//! `kinerja export [-o FILE] [--salvage] [--with-evidence -o DIR]`: the year's PK document,
//! deterministic, with its round section (`interchange::json::round`); with `--with-evidence`
//! a bundle of it and the evidence files (`cli::bundle`). With
//! `--salvage`, what can still be read of a damaged store (unreadable records and the references
//! to them are left out and listed on standard error).

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::{CliError, CliResult, Context, refused, write_file_atomic};
use crate::interchange::json;
use crate::text::cli as t;

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Tulis ke berkas (atomik) / write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Selamatkan yang masih terbaca dari toko data rusak / write what a damaged store still holds
    #[arg(long)]
    pub salvage: bool,
    /// Tulis bundel (direktori -o DIR): dokumen dan berkas data dukung / write a bundle (the
    /// directory -o DIR): the document and the evidence files
    #[arg(long, conflicts_with = "salvage")]
    pub with_evidence: bool,
}

pub fn run(ctx: &Context, a: &ExportArgs) -> CliResult {
    if a.with_evidence && a.output.is_none() {
        return Err(CliError::usage(crate::text::round::BUNDLE_NEEDS_DIR.s()));
    }
    let store = ctx.open_store()?;
    let mut rounds = crate::domain::round::Rounds::new();
    let (year, doc) = if a.salvage {
        salvage(ctx, &*store)?
    } else {
        let year = ctx.year(&*store)?;
        let mut bar = Progress::new(
            t::PROGRESS_LOAD.fill(&[("store", &store.path().display())]),
            2,
        );
        let ds = store.load_year_from_records(year).map_err(refused)?;
        let plans = store.load_plans(year).map_err(refused)?;
        bar.phase(t::PROGRESS_EXPORT.s(), 2);
        bar.set(1, 2);
        let doc = json::with_rounds(json::export_with_plans(&ds, &plans), &ds);
        rounds = ds.round.clone();
        bar.set(2, 2);
        bar.finish();
        (year, doc)
    };
    match &a.output {
        Some(dir) if a.with_evidence => {
            let mut files = std::collections::BTreeMap::new();
            for sha in super::bundle::referenced(&rounds) {
                let bytes = store.get_evidence(&sha).map_err(refused)?.ok_or_else(|| {
                    CliError::refused(crate::text::store::P_EVIDENCE_MISSING.fill(&[
                        ("iku", &"-"),
                        ("month", &"-"),
                        ("name", &"-"),
                        ("sha256", &sha),
                    ]))
                })?;
                files.insert(sha, bytes);
            }
            super::bundle::write(dir, &doc, &files)?;
            super::tell(&crate::text::round::BUNDLE_WRITTEN.fill(&[
                ("year", &year),
                ("dir", &dir.display()),
                ("n", &files.len()),
            ]));
        }
        Some(path) => {
            write_file_atomic(path, doc.as_bytes())?;
            super::tell(&t::EXPORTED.fill(&[("year", &year), ("file", &path.display())]));
        }
        // a full disk behind `> backup.json` is an error; a closed pipe ends quietly
        None => super::write_stdout(&doc)?,
    }
    Ok(())
}

/// The document of what survives of the year (`--year`, else the latest year any record
/// belongs to); every unreadable record and every dropped reference is listed on stderr.
fn salvage(ctx: &Context, store: &dyn crate::store::StoreApi) -> Result<(i32, String), CliError> {
    let years = store.salvage_years().map_err(refused)?;
    let year = match ctx.year {
        Some(y) if years.contains(&y) => y,
        Some(y) => {
            let list: Vec<String> = years.iter().map(i32::to_string).collect();
            return Err(CliError::refused(t::YEAR_NOT_IN_STORE.fill(&[
                ("year", &y),
                ("years", &list.join(", ")),
                ("store", &store.path().display()),
            ])));
        }
        None => *years.last().ok_or_else(|| {
            CliError::refused(t::STORE_EMPTY.fill(&[("store", &store.path().display())]))
        })?,
    };
    let s = store.salvage_year(year).map_err(refused)?;
    for p in &s.unreadable {
        super::tell(&t::SALVAGE_UNREADABLE.fill(&[("problem", p)]));
    }
    for p in &s.dropped {
        super::tell(&t::SALVAGE_DROPPED.fill(&[("problem", p)]));
    }
    let doc = json::export_document(&s.dataset);
    // What is written must be a document that `import` accepts again.
    if let Err(errors) = json::import_document(&doc) {
        let mut msg = t::SALVAGE_INVALID.fill(&[("n", &errors.len())]);
        for e in &errors {
            msg.push_str("\n  ");
            msg.push_str(&e.to_string());
        }
        return Err(CliError::refused(msg));
    }
    super::tell(&t::SALVAGE_SUMMARY.fill(&[
        ("year", &year),
        ("units", &s.dataset.units.len()),
        ("ss", &s.dataset.ss.len()),
        ("iku", &s.dataset.iku.len()),
        ("unreadable", &s.unreadable.len()),
        ("dropped", &s.dropped.len()),
    ]));
    Ok((year, doc))
}
