//! `kinerja import FILE.json|BUNDLE`: a whole PK document, all or nothing — or a bundle of
//! `export --with-evidence` (`cli::bundle`): its evidence files kept first, then the document.

use std::path::PathBuf;

use clap::Args;

use super::progress::Progress;
use super::{CliError, CliResult, Context, read_text_file, refused};
use crate::interchange::json;
use crate::store::StoreApi;
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
        let mut msg = t::IMPORT_REFUSED.fill(&[
            ("file", &a.file.display()),
            ("n", &json::error_count(&errors)),
        ]);
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
    let mut replace = a.replace;
    let exists = store.years().map_err(refused)?.contains(&ds.year);
    if exists && !replace && holds_only_the_sample(&*store, ds.year)? {
        // the first run's sample, never changed since: the user's own PK of that year takes
        // its place (said before it is done)
        super::tell(&t::SAMPLE_REPLACED.fill(&[
            ("year", &ds.year),
            ("store", &store.path().display()),
            ("file", &a.file.display()),
        ]));
        replace = true;
    }
    if exists && replace {
        // what --replace discards is kept first: a backup set of the store, named
        let set = store
            .backup(crate::store::backup::REPLACE_REASON)
            .map_err(|e| {
                CliError::refused(t::REPLACE_NO_BACKUP.fill(&[("year", &ds.year), ("error", &e)]))
            })?;
        super::tell(&t::REPLACE_BACKUP.fill(&[
            ("year", &ds.year),
            ("file", &set.year_path(ds.year).display()),
            ("id", &set.id()),
        ]));
    }
    bar.phase(
        t::PROGRESS_SAVE.fill(&[("store", &store.path().display())]),
        1,
    );
    if exists && !replace {
        clash(&*store, &ds, &a.file)?;
    }
    // the files next (kept once by their SHA-256; the document's references need them)
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
    store
        .import_dataset(&ds, replace, &ctx.actor, "import")
        .map_err(refused)?;
    if replace || !plans.is_empty() {
        store
            .import_plans(ds.year, &plans, replace, &ctx.actor, "import")
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

/// True when the store holds `year` and nothing but the sample seeded on first run, unchanged
/// (every audit entry is the seeding's, source `sample`).
fn holds_only_the_sample(store: &dyn StoreApi, year: i32) -> Result<bool, CliError> {
    if store.years().map_err(refused)? != [year] {
        return Ok(false);
    }
    let audit = store
        .audit_log(&crate::store::AuditFilter::default())
        .map_err(refused)?;
    Ok(!audit.is_empty() && audit.iter().all(|e| e.source == super::open::SAMPLE_SOURCE))
}

/// Refuses a document that clashes with the year in the store, naming what clashes, what
/// `--replace` would discard, and how to ask for it. A document that only adds units to the
/// year passes.
fn clash(
    store: &dyn StoreApi,
    doc: &crate::domain::Dataset,
    file: &std::path::Path,
) -> Result<(), CliError> {
    let year = doc.year;
    let ds = store.load_year(year).map_err(refused)?;
    let mut clashes: Vec<String> = Vec::new();
    if ds.rulebook != doc.rulebook {
        clashes.push(format!("rulebook {} ≠ {}", ds.rulebook, doc.rulebook));
    }
    clashes.extend(
        doc.units
            .keys()
            .filter(|u| ds.units.contains_key(*u))
            .cloned(),
    );
    clashes.extend(
        doc.ss
            .keys()
            .filter(|k| ds.ss.contains_key(*k))
            .map(|k| format!("SS {k}")),
    );
    clashes.extend(
        doc.iku
            .keys()
            .filter(|k| ds.iku.contains_key(*k))
            .map(|k| format!("IKU {k}")),
    );
    if clashes.is_empty() {
        return Ok(());
    }
    const SHOWN: usize = 5;
    let n = clashes.len();
    clashes.truncate(SHOWN);
    let mut list = clashes.join(", ");
    if n > SHOWN {
        list.push_str(&format!(" (+{})", n - SHOWN));
    }
    let realisasi: usize = ds
        .iku
        .values()
        .map(|i| i.realisasi.iter().filter(|m| m.is_some()).count())
        .sum();
    Err(CliError::refused(t::IMPORT_CLASH.fill(&[
        ("year", &year),
        ("clashes", &list),
        ("units", &ds.units.len()),
        ("ss", &ds.ss.len()),
        ("iku", &ds.iku.len()),
        ("addenda", &ds.addenda.len()),
        ("realisasi", &realisasi),
        ("file", &file.display()),
    ])))
}
