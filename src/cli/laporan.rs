//! `kinerja laporan --unit CODE --period YYYY-MM|TWn [--subtree] --format xlsx|pdf|html -o FILE`:
//! the quarterly Laporan Capaian Kinerja (model and renderers in `crate::report`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::progress::Progress;
use super::{CliError, CliResult, Context, parse_year_month, refused};
use crate::domain::Dataset;
use crate::domain::round::{Action, MonthState};
use crate::domain::score::latest_period;
use crate::report::model::{Validation, Validations};
use crate::report::{self, Format};
use crate::store::{AuditFilter, StoreApi};
use crate::text::cli as tc;
use crate::text::report as t;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LaporanFormat {
    Xlsx,
    Pdf,
    Html,
}

impl From<LaporanFormat> for Format {
    fn from(f: LaporanFormat) -> Format {
        match f {
            LaporanFormat::Xlsx => Format::Xlsx,
            LaporanFormat::Pdf => Format::Pdf,
            LaporanFormat::Html => Format::Html,
        }
    }
}

#[derive(Args, Debug)]
pub struct LaporanArgs {
    /// Unit laporan / the unit of the report
    #[arg(long, value_name = "CODE")]
    pub unit: String,
    /// Periode: s.d. bulan YYYY-MM atau triwulan TW1…TW4 (tahun dari --year) / the period
    /// [default: the latest month with realisasi]
    #[arg(long, value_name = "YYYY-MM|TWn")]
    pub period: Option<String>,
    /// Sertakan setiap unit di bawahnya / include every unit below it
    #[arg(long)]
    pub subtree: bool,
    /// Bentuk berkas [default: dari akhiran -o] / the file format [default: from -o's extension]
    #[arg(long, value_enum)]
    pub format: Option<LaporanFormat>,
    /// Berkas keluaran / the output file
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
}

/// A period argument: `YYYY-MM`, or `TW1`…`TW4` (also `TWI`…`TWIV`, `Q1`…`Q4`) of `year`.
pub fn parse_period(s: &str) -> Option<(Option<i32>, u8)> {
    if let Some((y, m)) = parse_year_month(s) {
        return Some((Some(y), m));
    }
    let up = s.trim().to_ascii_uppercase().replace(' ', "");
    let q = up
        .strip_prefix("TW")
        .or_else(|| up.strip_prefix('Q'))
        .and_then(|n| match n {
            "1" | "I" => Some(1u8),
            "2" | "II" => Some(2),
            "3" | "III" => Some(3),
            "4" | "IV" => Some(4),
            _ => None,
        })?;
    Some((None, q * 3))
}

fn format_of(a: &LaporanArgs) -> Result<Format, CliError> {
    if let Some(f) = a.format {
        return Ok(f.into());
    }
    let ext = a
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("xlsx") => Ok(Format::Xlsx),
        Some("pdf") => Ok(Format::Pdf),
        Some("html" | "htm") => Ok(Format::Html),
        _ => Err(CliError::usage(
            t::BAD_FORMAT_FOR_FILE.fill(&[("file", &a.output.display())]),
        )),
    }
}

pub fn run(ctx: &Context, a: &LaporanArgs) -> CliResult {
    let format = format_of(a)?;
    let store = ctx.open_store()?;
    let (ds, rb, period) = match &a.period {
        Some(p) => {
            let (year, month) = parse_period(p)
                .ok_or_else(|| CliError::usage(t::BAD_PERIOD.fill(&[("period", p)])))?;
            let year = match year {
                Some(y) => {
                    if ctx.year.is_some_and(|cy| cy != y) {
                        return Err(CliError::usage(
                            tc::PERIOD_YEAR_MISMATCH.fill(&[("period", p)]),
                        ));
                    }
                    ctx.present_year(&store, y)?
                }
                None => ctx.year(&store)?,
            };
            let ds = store.load_year(year).map_err(refused)?;
            let rb = ctx.rulebook_for(&ds)?;
            (ds, rb, month)
        }
        None => {
            let (ds, rb) = ctx.load(&store)?;
            let period = latest_period(&ds).unwrap_or(12);
            (ds, rb, period)
        }
    };
    if !ds.units.contains_key(&a.unit) {
        return Err(CliError::refused(
            tc::UNKNOWN_UNIT.fill(&[("unit", &a.unit), ("year", &ds.year)]),
        ));
    }
    let plans = store.load_plans(ds.year).map_err(refused)?;
    let units: Vec<String> = report::model::report_units(&ds, &a.unit, a.subtree)
        .into_iter()
        .map(|(u, _)| u)
        .collect();
    let validations = validations(&*store, &ds, &units, period)?;
    drop(store);
    let locale = ctx.locale(None)?;
    let mut bar = Progress::new(t::PROGRESS.s(), 1);
    let model = report::build(
        &ds,
        &rb,
        report::Request {
            unit: &a.unit,
            period,
            subtree: a.subtree,
            lang: ctx.lang,
            locale,
            plans: &plans,
            validations: &validations,
        },
        &mut |done, total| bar.set(done, total),
    );
    bar.phase(t::RENDERING.fill(&[("format", &format.as_str())]), 1);
    let bytes = report::render(&model, format).map_err(CliError::refused)?;
    bar.finish();
    write_output(&a.output, &bytes)?;
    super::say(&t::WRITTEN.fill(&[
        ("unit", &a.unit),
        ("period", &model.period_label),
        ("file", &a.output.display()),
        ("units", &model.units.len()),
        ("iku", &model.iku_count()),
    ]))
}

/// Who validated the month `period` of each of `units` that is validated or closed: the user
/// of the newest `validate YYYY-MM` entry of the unit in the audit trail (the round record keeps
/// the state, the audit trail its author). A unit without such an entry is left out (its
/// validator is not recorded, e.g. a state that came with an import).
fn validations(
    store: &dyn StoreApi,
    ds: &Dataset,
    units: &[String],
    period: u8,
) -> Result<Validations, CliError> {
    let wanted: BTreeSet<&str> = units
        .iter()
        .filter(|u| {
            matches!(
                ds.round.get(u.as_str()).map(|r| r.state(period)),
                Some(MonthState::Divalidasi | MonthState::Ditetapkan)
            )
        })
        .map(String::as_str)
        .collect();
    let mut out = Validations::new();
    if wanted.is_empty() {
        return Ok(out);
    }
    // one unit: its entries only; more: one pass over the trail
    let filter = AuditFilter {
        unit: (wanted.len() == 1)
            .then(|| wanted.iter().next().map(|u| u.to_string()))
            .flatten(),
        ..Default::default()
    };
    let what = format!("{} {}-{period:02}", Action::Validate.as_str(), ds.year);
    for e in store.audit_log(&filter).map_err(refused)? {
        if e.year == ds.year
            && e.what == what
            && wanted.contains(e.unit.as_str())
            && !out.contains_key(&e.unit)
        {
            out.insert(
                e.unit.clone(),
                Validation {
                    user: e.user.clone(),
                    date: e.at.with_timezone(&chrono::Local).date_naive(),
                },
            );
        }
    }
    Ok(out)
}

/// Writes an output file with the one atomic write of kinerja ([`crate::safe::write`]): a new
/// file beside it, synced, renamed over it; anything but a regular file at the path (a
/// directory, a symbolic link, a device, a FIFO) is refused and left as it is.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    super::write_file_atomic(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_months_or_quarters() {
        assert_eq!(parse_period("2025-08"), Some((Some(2025), 8)));
        assert_eq!(parse_period("TW3"), Some((None, 9)));
        assert_eq!(parse_period("tw iv"), Some((None, 12)));
        assert_eq!(parse_period("Q1"), Some((None, 3)));
        assert_eq!(parse_period("TW5"), None);
        assert_eq!(parse_period("2025-13"), None);
    }

    #[test]
    fn output_refuses_a_directory_and_a_link_and_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_output(dir.path(), b"x").unwrap_err();
        assert_eq!(err.code, 1);
        let file = dir.path().join("a.html");
        std::fs::write(&file, b"old").unwrap();
        write_output(&file, b"new").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        let link = dir.path().join("l.html");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(write_output(&link, b"x").is_err());
        assert_eq!(
            std::fs::read(&file).unwrap(),
            b"new",
            "the link's target is kept"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "no temporary file is left behind");
    }
}
