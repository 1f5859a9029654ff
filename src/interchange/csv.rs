//! The realisasi sheet (`interchange` §2): bulk monthly realisasi from a spreadsheet.
//!
//! # Rules as built
//!
//! - The first line is the header: the four names `unit`, `iku`, `month`, `realisasi`, each
//!   exactly once, in any order and any letter case (surrounding spaces and quotes ignored). No
//!   other column is accepted. A UTF-8 byte-order mark (as Excel writes) is skipped.
//! - The delimiter is whichever of `,` and `;` splits the header into those four names.
//! - Locale of `realisasi`: the one given; else `id` when the delimiter is `;`, `en` (decimal
//!   `.`) when it is `,`. Numbers follow [`super::number::parse_decimal`], ambiguity rule
//!   included (`1.234` is refused in `id`). Cells are trimmed; a `,`-delimited sheet in `id` must
//!   quote decimals (`"12,5"`).
//! - An empty `realisasi` cell clears the value (`value: None`).
//! - `month` is `YYYY-MM` (`2025-10`), and its year must be the year of one of `datasets`.
//! - Lines whose cells are all empty are skipped (spreadsheets write them at the end).
//! - Every bad row is reported, with every problem of that row: wrong number of columns, empty
//!   `unit`/`iku`/`month`, malformed month, unknown year, whatever the edit rule of
//!   [`crate::domain::edit::realisasi_change`] refuses (unknown unit or IKU, a month that is not a
//!   reporting month, an IKU that rolls up from its children, a month frozen by rule R10), a
//!   malformed, ambiguous or too long number, and the same (unit, IKU, month) twice in the file
//!   (reported on the later line, naming the first). A refusal of the edit rule, and a number
//!   that does not read, carry their reason code ([`SheetError::code`]).
//! - Any error: `Err` with all errors and no rows. Otherwise every row, in file order.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::number::{Locale, NumberError, parse_decimal};
use super::{MAX_ERRORS, MAX_INPUT_BYTES};
use crate::domain::edit::{Refusal, realisasi_change};
use crate::domain::model::Dataset;
use crate::domain::reason::Code;
use crate::text::interchange as t;

/// One good row of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiRow {
    /// 1-based line of the file (the row of a workbook).
    pub line: usize,
    /// The workbook cell of the value (`Sheet1!D5`); `None` in a CSV sheet, where `line` says.
    pub cell: Option<String>,
    pub year: i32,
    pub unit: String,
    pub iku: String,
    /// 1..=12.
    pub month: u8,
    /// `None`: clear the realisasi of that month.
    pub value: Option<Decimal>,
}

/// One problem of the sheet. `line` is 1-based; 0 means the file as a whole (too large).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub line: usize,
    pub message: String,
    /// The reason code when the edit rule refused the row (`domain::edit`), or the number did
    /// not read (`bad_number`).
    pub code: Option<Code>,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            f.write_str(&t::CSV_LINE.fill(&[("line", &self.line), ("message", &self.message)]))
        }
    }
}

impl std::error::Error for SheetError {}

const COLUMNS: [&str; 4] = ["unit", "iku", "month", "realisasi"];

/// Longest cell accepted, in characters (as the longest string of a PK document).
pub const MAX_CELL_CHARS: usize = super::json::MAX_STRING_CHARS;

/// Column positions of the four names, if `cells` are exactly those names.
fn header_columns<'a>(cells: impl Iterator<Item = &'a str>) -> Option<[usize; 4]> {
    let names: Vec<String> = cells
        .map(|c| c.trim().trim_matches('"').trim().to_lowercase())
        .collect();
    if names.len() != COLUMNS.len() {
        return None;
    }
    let mut out = [0; 4];
    for (k, col) in COLUMNS.iter().enumerate() {
        let mut found = names.iter().enumerate().filter(|(_, n)| n == col);
        let (i, _) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        out[k] = i;
    }
    Some(out)
}

/// `YYYY-MM` → (year, month).
fn parse_month(s: &str) -> Option<(i32, u8)> {
    let b = s.as_bytes();
    if b.len() != 7 || b[4] != b'-' || !s[..4].bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !s[5..].bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    let month: u8 = s[5..].parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// One of the four columns of a realisasi sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Unit,
    Iku,
    Month,
    Realisasi,
}

/// The realisasi cell of a row: text follows the CSV rules (trimmed; empty clears the value;
/// else a number in the sheet's locale); a number is a spreadsheet's numeric cell, taken as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueCell<'a> {
    Text(&'a str),
    Number(Decimal),
}

/// One problem of a row: the column it is in, the message, the reason code if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub column: Column,
    pub message: String,
    pub code: Option<Code>,
}

/// The checks every row of a realisasi sheet passes, CSV or workbook alike (the rules of the
/// module documentation from "empty `unit`" on), remembering the rows before it for duplicates.
pub struct RowChecker<'a> {
    locale: Locale,
    datasets: &'a [&'a Dataset],
    seen: HashMap<(i32, String, String, u8), usize>,
    years: Vec<String>,
}

impl<'a> RowChecker<'a> {
    pub fn new(locale: Locale, datasets: &'a [&'a Dataset]) -> Self {
        RowChecker {
            locale,
            datasets,
            seen: HashMap::new(),
            years: datasets.iter().map(|d| d.year.to_string()).collect(),
        }
    }

    /// Checks one row; `line` is the line (or sheet row) a later duplicate names. The row, or
    /// every problem of it.
    pub fn check(
        &mut self,
        line: usize,
        unit: &str,
        iku_code: &str,
        month_text: &str,
        value: ValueCell<'_>,
    ) -> Result<RealisasiRow, Vec<RowProblem>> {
        let mut row_errors: Vec<RowProblem> = Vec::new();
        let mut err = |column: Column, message: String, code: Option<Code>| {
            row_errors.push(RowProblem {
                column,
                message,
                code,
            })
        };
        for (cell, name, column) in [
            (unit, "unit", Column::Unit),
            (iku_code, "iku", Column::Iku),
            (month_text, "month", Column::Month),
        ] {
            if cell.is_empty() {
                err(
                    column,
                    t::CSV_MISSING_VALUE.fill(&[("column", &name)]),
                    None,
                );
            }
        }
        let month = if month_text.is_empty() {
            None
        } else {
            let m = parse_month(month_text);
            if m.is_none() {
                err(
                    Column::Month,
                    t::CSV_BAD_MONTH.fill(&[("text", &month_text)]),
                    None,
                );
            }
            m
        };
        let dataset = month.and_then(|(year, _)| {
            let ds = self.datasets.iter().find(|d| d.year == year).copied();
            if ds.is_none() {
                err(
                    Column::Month,
                    t::CSV_UNKNOWN_YEAR.fill(&[("year", &year), ("years", &self.years.join(", "))]),
                    None,
                );
            }
            ds
        });
        if let (Some(ds), Some((_, m))) = (dataset, month)
            && !unit.is_empty()
            && !iku_code.is_empty()
            && let Err(r) = realisasi_change(ds, unit, iku_code, m)
        {
            let column = match r {
                Refusal::UnknownUnit { .. } => Column::Unit,
                Refusal::UnknownIku { .. } | Refusal::RollsUp { .. } => Column::Iku,
                _ => Column::Month,
            };
            err(column, crate::text::reason::refusal(&r), Some(r.code()));
        }
        // a workbook's number cell is not text that parse_decimal reads: the bounds of a stored
        // value (`domain::bounds`) are checked here for it
        let read =
            match value {
                ValueCell::Number(d) => Some(crate::domain::bounds::check(d).map(|()| d).map_err(
                    |reason| (d.to_string(), NumberError::OutOfBounds { value: d, reason }),
                )),
                ValueCell::Text("") => None,
                ValueCell::Text(value_text) => Some(
                    parse_decimal(value_text, self.locale).map_err(|e| (value_text.to_string(), e)),
                ),
            };
        let value = match read {
            None => Some(None),
            Some(read) => match read {
                Ok(d) => Some(Some(d)),
                Err((text, e)) => {
                    let r = Refusal::BadNumber {
                        text,
                        detail: e.to_string(),
                    };
                    let detail = crate::text::reason::refusal(&r);
                    err(
                        Column::Realisasi,
                        t::CSV_BAD_NUMBER.fill(&[("detail", &detail)]),
                        Some(r.code()),
                    );
                    None
                }
            },
        };
        if let Some((year, m)) = month
            && !unit.is_empty()
            && !iku_code.is_empty()
        {
            let key = (year, unit.to_string(), iku_code.to_string(), m);
            if let Some(first) = self.seen.get(&key) {
                err(
                    Column::Month,
                    t::CSV_DUPLICATE.fill(&[
                        ("unit", &unit),
                        ("iku", &iku_code),
                        ("month", &month_text),
                        ("first", first),
                    ]),
                    None,
                );
            } else {
                self.seen.insert(key, line);
            }
        }
        match (row_errors.is_empty(), month, value) {
            (true, Some((year, month)), Some(value)) => Ok(RealisasiRow {
                line,
                cell: None,
                year,
                unit: unit.to_string(),
                iku: iku_code.to_string(),
                month,
                value,
            }),
            _ => Err(row_errors),
        }
    }
}

/// Validates a whole realisasi sheet against the datasets in the store, each row by the edit
/// rule of `domain::edit`. All errors, or all rows; see the module documentation for the rules.
pub fn parse_realisasi_sheet(
    text: &str,
    locale: Option<Locale>,
    datasets: &[&Dataset],
) -> Result<Vec<RealisasiRow>, Vec<SheetError>> {
    if text.len() > MAX_INPUT_BYTES {
        let message = t::CSV_TOO_LARGE.fill(&[("size", &text.len()), ("max", &MAX_INPUT_BYTES)]);
        return Err(vec![SheetError {
            line: 0,
            message,
            code: None,
        }]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    if header.trim().is_empty() {
        return Err(vec![SheetError {
            line: 1,
            message: t::CSV_NO_HEADER.s().to_string(),
            code: None,
        }]);
    }
    let Some(delimiter) = [b',', b';']
        .into_iter()
        .find(|d| header_columns(header.split(*d as char)).is_some())
    else {
        let shown = crate::safe::term::clip(header, 200);
        return Err(vec![SheetError {
            line: 1,
            message: t::CSV_BAD_HEADER.fill(&[("found", &shown)]),
            code: None,
        }]);
    };
    let locale = locale.unwrap_or(if delimiter == b';' {
        Locale::Id
    } else {
        Locale::En
    });

    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut columns = None;
    let mut checker = RowChecker::new(locale, datasets);
    // 1-based physical line where a record starts. The csv crate's own line count does not
    // count blank lines or CRLF line ends, and a record's byte offset can point at the line
    // ends before it, so skip those and count the newlines before the first real byte.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |pos: Option<&::csv::Position>| -> usize {
        pos.map_or(0, |p| {
            let mut at = usize::try_from(p.byte())
                .unwrap_or(usize::MAX)
                .min(text.len());
            while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            newlines.partition_point(|&n| n < at) + 1
        })
    };

    for result in reader.records() {
        if errors.len() >= MAX_ERRORS {
            errors.truncate(MAX_ERRORS);
            errors.push(SheetError {
                line: 0,
                message: t::TOO_MANY_ERRORS.fill(&[("max", &MAX_ERRORS)]),
                code: None,
            });
            break;
        }
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position());
                errors.push(SheetError {
                    line,
                    message: t::CSV_UNREADABLE.fill(&[("detail", &e)]),
                    code: None,
                });
                continue;
            }
        };
        let line = line_of(record.position());
        let Some(cols) = columns else {
            match header_columns(record.iter()) {
                Some(c) => columns = Some(c),
                None => {
                    let shown = crate::safe::term::clip(header, 200);
                    errors.push(SheetError {
                        line,
                        message: t::CSV_BAD_HEADER.fill(&[("found", &shown)]),
                        code: None,
                    });
                    return Err(errors);
                }
            }
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut row_errors = Vec::new();
        let mut err = |message: String, code: Option<Code>| {
            row_errors.push(SheetError {
                line,
                message,
                code,
            })
        };
        if record.len() != COLUMNS.len() {
            err(
                t::CSV_FIELD_COUNT.fill(&[("found", &record.len()), ("expected", &COLUMNS.len())]),
                None,
            );
            errors.append(&mut row_errors);
            continue;
        }
        if let Some((i, cell)) = record
            .iter()
            .enumerate()
            .find(|(_, c)| c.chars().count() > MAX_CELL_CHARS)
        {
            let column = cols
                .iter()
                .position(|&c| c == i)
                .map_or("?", |k| COLUMNS[k]);
            err(
                t::CSV_CELL_TOO_LONG.fill(&[
                    ("column", &column),
                    ("len", &cell.chars().count()),
                    ("max", &MAX_CELL_CHARS),
                ]),
                None,
            );
            errors.append(&mut row_errors);
            continue;
        }
        let [c_unit, c_iku, c_month, c_value] = cols;
        match checker.check(
            line,
            &record[c_unit],
            &record[c_iku],
            &record[c_month],
            ValueCell::Text(&record[c_value]),
        ) {
            Ok(row) => rows.push(row),
            Err(problems) => errors.extend(problems.into_iter().map(|p| SheetError {
                line,
                message: p.message,
                code: p.code,
            })),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}
