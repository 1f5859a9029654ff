//! Realisasi in Excel workbooks: `import-realisasi FILE.xlsx [--sheet NAME]` (the reading is
//! `interchange::xlsx`) and `export-realisasi`, the template of what is due, pre-filled with the
//! units, IKU and months (and the values already entered), that imports back unchanged.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::realisasi::ImportRealisasiArgs;
use super::{CliError, CliResult, Context, refused};
use crate::domain::Dataset;
use crate::domain::edit::realisasi_change;
use crate::domain::score::latest_period;
use crate::interchange::csv::RealisasiRow;
use crate::interchange::number::{Locale, format_editable, format_exact};
use crate::interchange::xlsx::{TemplateRow, parse_realisasi_workbook, realisasi_template};
use crate::text::cli as tc;
use crate::text::report as t;

/// A workbook by its name (`.xlsx`, `.xlsm`) or, whatever its name, by the first bytes of a
/// regular file (a ZIP archive, as every `.xlsx` is). A FIFO or device is never opened here (it
/// could block); the reading refuses it.
pub fn is_workbook(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("xlsx" | "xlsm")) {
        return true;
    }
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head == *b"PK\x03\x04"
}

pub fn sheet_needs_workbook(file: &Path) -> String {
    t::SHEET_NEEDS_WORKBOOK.fill(&[("file", &file.display())])
}

/// The workbook's bytes (a regular file of at most `max` bytes).
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, CliError> {
    crate::safe::read::read_bytes(path, max, crate::safe::read::Links::Follow).map_err(refused)
}

/// The rows of a workbook, or the refusal listing every bad cell.
pub fn parse(
    bytes: &[u8],
    a: &ImportRealisasiArgs,
    locale: Locale,
    datasets: &[&Dataset],
) -> Result<Vec<RealisasiRow>, CliError> {
    let file = a.file.display().to_string();
    parse_realisasi_workbook(bytes, &file, a.sheet.as_deref(), locale, datasets).map_err(|errors| {
        let mut msg = tc::SHEET_REFUSED.fill(&[("file", &file), ("n", &errors.len())]);
        for e in &errors {
            msg.push_str("\n  ");
            msg.push_str(&e.to_string());
        }
        CliError::refused(msg)
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    Xlsx,
    Csv,
}

#[derive(Args, Debug)]
pub struct ExportRealisasiArgs {
    /// Hanya unit ini / only this unit [default: every unit]
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Dengan setiap unit di bawahnya / with every unit below it
    #[arg(long, requires = "unit")]
    pub subtree: bool,
    /// Bulan YYYY-MM atau triwulan TW1…TW4 [default: triwulan bulan berikutnya] / the month or
    /// quarter due [default: the quarter of the month after the latest realisasi]
    #[arg(long, value_name = "YYYY-MM|TWn")]
    pub period: Option<String>,
    /// Bentuk berkas [default: dari akhiran -o] / the file format [default: from -o's extension]
    #[arg(long, value_enum)]
    pub format: Option<TemplateFormat>,
    /// Berkas keluaran / the output file
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
}

/// The rows of the template: every IKU of the units and month of `months` whose realisasi the
/// edit rule lets change (a reporting month, not rolled up from child units, not frozen), with
/// the value it has now.
pub fn due_rows(ds: &Dataset, units: &[String], months: &[u8], locale: Locale) -> Vec<TemplateRow> {
    let mut out = Vec::new();
    for u in units {
        for iku in ds.iku_of_unit(u) {
            for &m in months {
                if realisasi_change(ds, u, &iku.code, m).is_err() {
                    continue;
                }
                let i = usize::from(m - 1);
                let target =
                    iku.targets[i].map_or_else(|| "–".to_string(), |d| format_exact(d, locale));
                out.push(TemplateRow {
                    unit: u.clone(),
                    iku: iku.code.clone(),
                    month: format!("{}-{m:02}", ds.year),
                    value: iku.realisasi[i],
                    note: t::TEMPLATE_NOTE.fill(&[
                        ("name", &iku.name),
                        ("target", &target),
                        ("uom", &iku.unit_of_measure),
                    ]),
                });
            }
        }
    }
    out
}

pub fn run_export(ctx: &Context, a: &ExportRealisasiArgs) -> CliResult {
    let format = match a.format {
        Some(f) => f,
        None => match a
            .output
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("xlsx") => TemplateFormat::Xlsx,
            Some("csv") => TemplateFormat::Csv,
            _ => {
                return Err(CliError::usage(
                    t::BAD_TEMPLATE_FORMAT.fill(&[("file", &a.output.display())]),
                ));
            }
        },
    };
    let store = ctx.open_store()?;
    let (year, months) = match &a.period {
        Some(p) => {
            let (y, m) = super::laporan::parse_period(p)
                .ok_or_else(|| CliError::usage(t::BAD_PERIOD.fill(&[("period", p)])))?;
            let quarter = super::parse_year_month(p).is_none();
            let year = match y {
                Some(y) => ctx.present_year(&store, y)?,
                None => ctx.year(&store)?,
            };
            let months: Vec<u8> = if quarter {
                (m - 2..=m).collect()
            } else {
                vec![m]
            };
            (year, months)
        }
        None => (ctx.year(&store)?, Vec::new()),
    };
    let ds = store.load_year(year).map_err(refused)?;
    drop(store);
    let months = if months.is_empty() {
        let next = latest_period(&ds).map_or(1, |p| (p + 1).min(12));
        let q_end = next.div_ceil(3) * 3;
        (q_end - 2..=q_end).collect()
    } else {
        months
    };
    let units: Vec<String> = match &a.unit {
        Some(u) if !ds.units.contains_key(u) => {
            return Err(CliError::refused(
                tc::UNKNOWN_UNIT.fill(&[("unit", u), ("year", &ds.year)]),
            ));
        }
        Some(u) => crate::report::model::report_units(&ds, u, a.subtree)
            .into_iter()
            .map(|(c, _)| c)
            .collect(),
        None => super::report::tree_order(&ds),
    };
    let locale = ctx.locale(None)?;
    let rows = due_rows(&ds, &units, &months, locale);
    let bytes = match format {
        TemplateFormat::Xlsx => {
            let name = a
                .output
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            realisasi_template(&rows, &name).map_err(CliError::refused)?
        }
        TemplateFormat::Csv => csv_template(&rows)?,
    };
    super::write_file_atomic(&a.output, &bytes)?;
    super::say(&t::TEMPLATE_WRITTEN.fill(&[("file", &a.output.display()), ("n", &rows.len())]))
}

/// The CSV template: `,`-delimited, numbers with a decimal point (what the CSV rules read back).
fn csv_template(rows: &[TemplateRow]) -> Result<Vec<u8>, CliError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["unit", "iku", "month", "realisasi"])
        .map_err(refused)?;
    for r in rows {
        let v = r
            .value
            .map(|d| format_editable(d, Locale::En))
            .unwrap_or_default();
        w.write_record([r.unit.as_str(), &r.iku, &r.month, &v])
            .map_err(refused)?;
    }
    w.into_inner().map_err(refused)
}
