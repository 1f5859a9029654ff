//! `kinerja import-realisasi FILE.csv` and `kinerja set UNIT IKU YYYY-MM VALUE`.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, CliResult, Context, parse_year_month, read_text_file, refused};
use crate::domain::edit::Refusal;
use crate::domain::{CodeRef, Dataset, Decimal};
use crate::interchange::csv as sheet;
use crate::interchange::number::{format_exact, parse_decimal};
use crate::store::Change;
use crate::text::cli as t;

/// Largest realisasi sheet accepted.
pub const MAX_SHEET_BYTES: u64 = crate::interchange::MAX_INPUT_BYTES as u64;

#[derive(Args, Debug)]
pub struct ImportRealisasiArgs {
    /// Lembar CSV atau buku kerja .xlsx: unit,iku,month,realisasi
    pub file: PathBuf,
    /// Format angka / number format: id (1.234,5) | en (1,234.5)
    #[arg(long, value_name = "id|en")]
    pub locale: Option<String>,
    /// Lembar buku kerja .xlsx [default: yang pertama] / the workbook's sheet [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Simpan juga realisasi yang jauh di luar lintasan targetnya / store realisasi far outside
    /// their targets' trajectory too
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct SetArgs {
    /// Kode unit / unit code
    pub unit: String,
    /// Kode IKU / IKU code
    pub iku: String,
    /// Bulan / month, YYYY-MM
    pub month: String,
    /// Nilai realisasi (format angka lokal) / the value in the active locale
    #[arg(allow_hyphen_values = true, required_unless_present = "clear")]
    pub value: Option<String>,
    /// Hapus nilai / clear the value
    #[arg(long, conflicts_with = "value")]
    pub clear: bool,
    /// Format angka / number format: id | en
    #[arg(long, value_name = "id|en")]
    pub locale: Option<String>,
    /// Alasan koreksi (wajib setelah bulan diajukan) / the reason of a correction (needed once
    /// the month was submitted)
    #[arg(long, value_name = "TEKS")]
    pub reason: Option<String>,
    /// Simpan walaupun nilainya jauh di luar lintasan target / store it although the value is
    /// far outside the targets' trajectory
    #[arg(long)]
    pub force: bool,
}

pub fn run_import(ctx: &Context, a: &ImportRealisasiArgs) -> CliResult {
    let locale = match &a.locale {
        Some(l) => Some(ctx.locale(Some(l))?),
        None => None,
    };
    let workbook = super::realisasi_xlsx::is_workbook(&a.file);
    if a.sheet.is_some() && !workbook {
        return Err(CliError::usage(
            super::realisasi_xlsx::sheet_needs_workbook(&a.file),
        ));
    }
    let (text, bytes) = if workbook {
        (
            String::new(),
            super::realisasi_xlsx::read(&a.file, MAX_SHEET_BYTES)?,
        )
    } else {
        (read_text_file(&a.file, MAX_SHEET_BYTES)?, Vec::new())
    };
    let store = ctx.open_store()?;
    let years = store.years().map_err(refused)?;
    let datasets: Vec<Dataset> = years
        .iter()
        .map(|y| store.load_year(*y))
        .collect::<Result<_, _>>()
        .map_err(refused)?;
    let refs: Vec<&Dataset> = datasets.iter().collect();
    let rows = if workbook {
        let locale = match locale {
            Some(l) => l,
            None => ctx.locale(None)?,
        };
        super::realisasi_xlsx::parse(&bytes, a, locale, &refs)?
    } else {
        sheet::parse_realisasi_sheet(&text, locale, &refs).map_err(|errors| {
            let mut msg =
                t::SHEET_REFUSED.fill(&[("file", &a.file.display()), ("n", &errors.len())]);
            for e in &errors {
                msg.push_str("\n  ");
                msg.push_str(&e.to_string());
            }
            CliError::refused(msg)
        })?
    };
    if rows.is_empty() {
        super::say(&t::SHEET_NO_ROWS.fill(&[("file", &a.file.display())]))?;
        return Ok(());
    }
    let mut row_years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    row_years.sort_unstable();
    row_years.dedup();
    if row_years.len() > 1 {
        let list = row_years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(CliError::refused(
            t::SHEET_MANY_YEARS.fill(&[("years", &list)]),
        ));
    }
    if !a.force {
        implausible_rows(ctx, a, &datasets, &rows)?;
    }
    let changes: Vec<Change> = rows
        .iter()
        .map(|r| Change::SetRealisasi {
            iku: CodeRef::new(&r.unit, &r.iku),
            month: r.month,
            value: r.value,
        })
        .collect();
    store
        .apply(row_years[0], &changes, &ctx.actor, "import-realisasi")
        .map_err(refused)?;
    super::say(&t::SHEET_APPLIED.fill(&[
        ("n", &changes.len()),
        ("file", &a.file.display()),
        ("year", &row_years[0]),
    ]))?;
    Ok(())
}

/// Refuses a sheet holding a realisasi far outside its IKU's trajectory
/// (`domain::edit::plausibility`), listing every such row with its place (the CSV line, the
/// workbook cell).
fn implausible_rows(
    ctx: &Context,
    a: &ImportRealisasiArgs,
    datasets: &[Dataset],
    rows: &[sheet::RealisasiRow],
) -> CliResult {
    let mut lines = Vec::new();
    for ds in datasets {
        let rb = ctx.rulebook_for(ds)?;
        for r in rows.iter().filter(|r| r.year == ds.year) {
            let Some(iku) = ds.iku.get(&CodeRef::new(&r.unit, &r.iku)) else {
                continue;
            };
            if let Err(i) = crate::domain::edit::plausibility(&rb, iku, r.month, r.value) {
                let why = crate::text::reason::implausible(&i);
                lines.push(match &r.cell {
                    Some(cell) => format!("{cell}: {why}"),
                    None => crate::text::interchange::CSV_LINE
                        .fill(&[("line", &r.line), ("message", &why)]),
                });
            }
        }
    }
    if lines.is_empty() {
        return Ok(());
    }
    let mut msg = t::SHEET_IMPLAUSIBLE.fill(&[("file", &a.file.display()), ("n", &lines.len())]);
    for l in &lines {
        msg.push_str("\n  ");
        msg.push_str(l);
    }
    Err(CliError::refused(msg))
}

pub fn run_set(ctx: &Context, a: &SetArgs) -> CliResult {
    let locale = ctx.locale(a.locale.as_deref())?;
    let (year, month) = parse_year_month(&a.month)
        .ok_or_else(|| CliError::usage(t::BAD_MONTH.fill(&[("month", &a.month)])))?;
    let value: Option<Decimal> = match (&a.value, a.clear) {
        (_, true) => None,
        (Some(v), false) => Some(parse_decimal(v, locale).map_err(|e| {
            let why = Refusal::BadNumber {
                text: v.clone(),
                detail: e.to_string(),
            };
            CliError::refused(crate::text::reason::refusal(&why))
        })?),
        (None, false) => return Err(CliError::usage(t::SET_NEEDS_VALUE.s())),
    };
    let store = ctx.open_store()?;
    ctx.present_year(&*store, year)?;
    let ds = store.load_year(year).map_err(refused)?;
    let reason = super::round::reason_arg(a.reason.as_deref())?;
    let iku =
        crate::domain::edit::realisasi_correction(&ds, &a.unit, &a.iku, month, !reason.is_empty())
            .map_err(|r| CliError::refused(crate::text::reason::refusal(&r)))?;
    if !a.force {
        let rb = ctx.rulebook_for(&ds)?;
        crate::domain::edit::plausibility(&rb, iku, month, value).map_err(|i| {
            CliError::refused(
                t::SET_IMPLAUSIBLE.fill(&[("why", &crate::text::reason::implausible(&i))]),
            )
        })?;
    }
    let old = iku.realisasi[(month - 1) as usize];
    let key = iku.key();
    let change = match reason.is_empty() {
        true => Change::SetRealisasi {
            iku: key.clone(),
            month,
            value,
        },
        false => Change::CorrectRealisasi {
            iku: key.clone(),
            month,
            value,
            reason,
        },
    };
    store
        .apply(year, &[change], &ctx.actor, "set")
        .map_err(refused)?;
    let show = |v: Option<Decimal>| v.map_or("–".to_string(), |d| format_exact(d, locale));
    super::say(&t::SET_SAVED.fill(&[
        ("iku", &key),
        ("month", &a.month),
        ("new", &show(value)),
        ("old", &show(old)),
    ]))?;
    Ok(())
}
