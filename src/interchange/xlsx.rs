//! The realisasi sheet as an Excel workbook (`calamine` reads it, `rust_xlsxwriter` writes the
//! template): the columns and rules of the CSV sheet ([`super::csv`]), with the cells' own types.
//!
//! # Rules as built
//!
//! - The sheet is `--sheet NAME`, else the workbook's first sheet.
//! - Its first non-empty row is the header: the four names `unit`, `iku`, `month`, `realisasi`
//!   (any order and letter case), each once. A non-empty cell in any other column of a later
//!   row is an error (the CSV sheet has no other column either).
//! - `unit` and `iku` are text (a number typed there is read as its digits); `month` is the text
//!   `YYYY-MM`, or a date on the first of a month (what a spreadsheet makes of `2025-10` typed
//!   into a cell that is not formatted as text).
//! - `realisasi`: a numeric cell is that number, exactly as the workbook stores it (no locale
//!   guessing), within the bounds of a stored value like a typed one (`domain::bounds`); a text cell follows the CSV rules in the locale given (`--locale`, else the UI
//!   language's); an empty cell clears the value. Anything else (a boolean, an error like
//!   `#DIV/0!`, a date) is refused.
//! - Rows whose four cells are empty are skipped. Every other rule is the CSV sheet's
//!   ([`super::csv::RowChecker`]). Any error: `Err` with every error named by its cell
//!   (`Realisasi!D7`), nothing applied.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;

use super::MAX_ERRORS;
use super::csv::{Column, RealisasiRow, RowChecker, ValueCell};
use super::number::Locale;
use crate::domain::model::Dataset;
use crate::text::interchange as ti;
use crate::text::report as t;

/// One problem of a workbook: the cell (`Realisasi!D7`), or none for the workbook as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError {
    pub cell: Option<String>,
    pub message: String,
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.cell {
            Some(c) => write!(f, "{c}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for WorkbookError {}

/// The column letters of a 0-based column: 0 → A, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `Sheet!C7` for a 0-based cell; the sheet name quoted when it is not plain.
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let name = if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{name}!{}{}", column_letters(col), row + 1)
}

fn kind(d: &Data) -> &'static str {
    match d {
        Data::Int(_) | Data::Float(_) => "angka / number",
        Data::String(_) => "teks / text",
        Data::Bool(_) => "TRUE/FALSE",
        Data::DateTime(_) | Data::DateTimeIso(_) => "tanggal / date",
        Data::DurationIso(_) => "durasi / duration",
        Data::Error(_) => "#ERROR",
        Data::Empty => "",
    }
}

/// A number of the workbook as the decimal it shows: the shortest text that reads back as the
/// same double (what the workbook stores, `12.5`, not `12.4999…`).
pub fn number_of(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    let text = format!("{f}");
    text.parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(&format!("{f:e}")).ok())
}

/// A cell read as text (unit, iku, month): trimmed text; a whole number as its digits.
fn text_of(d: &Data) -> Result<String, String> {
    match d {
        Data::Empty => Ok(String::new()),
        Data::String(s) => Ok(s.trim().to_string()),
        Data::Int(i) => Ok(i.to_string()),
        Data::Float(f) => number_of(*f)
            .map(|d| d.normalize().to_string())
            .ok_or_else(|| t::XLSX_CELL_ERROR.fill(&[("error", &f)])),
        Data::Error(e) => Err(t::XLSX_CELL_ERROR.fill(&[("error", &format!("{e:?}"))])),
        other => Err(t::XLSX_BAD_MONTH_CELL.fill(&[("kind", &kind(other))])),
    }
}

/// The month cell: text `YYYY-MM`, or a date on the first of a month.
fn month_of(d: &Data) -> Result<String, String> {
    match d {
        Data::DateTime(dt) => {
            let days = dt.as_f64();
            let date = (days.fract() == 0.0)
                .then(|| chrono::NaiveDate::from_ymd_opt(1899, 12, 30))
                .flatten()
                .and_then(|base| base.checked_add_days(chrono::Days::new(days as u64)));
            use chrono::Datelike;
            match date {
                Some(date) if date.day() == 1 => {
                    Ok(format!("{:04}-{:02}", date.year(), date.month()))
                }
                _ => Err(t::XLSX_BAD_MONTH_CELL.fill(&[("kind", &kind(d))])),
            }
        }
        Data::DateTimeIso(s) if s.len() >= 7 => Ok(s[..7].to_string()),
        Data::Int(_) | Data::Float(_) => Err(t::XLSX_BAD_MONTH_CELL.fill(&[("kind", &kind(d))])),
        other => text_of(other),
    }
}

/// The realisasi cell.
fn value_of(d: &Data) -> Result<Option<Decimal>, Option<String>> {
    match d {
        Data::Float(f) => number_of(*f)
            .map(Some)
            .ok_or_else(|| Some(t::XLSX_CELL_ERROR.fill(&[("error", f)]))),
        Data::Int(i) => Ok(Some(Decimal::from(*i))),
        // text: the CSV rules, by the caller
        Data::String(_) | Data::Empty => Err(None),
        Data::Error(e) => Err(Some(
            t::XLSX_CELL_ERROR.fill(&[("error", &format!("{e:?}"))]),
        )),
        other => Err(Some(t::XLSX_NOT_A_NUMBER.fill(&[("kind", &kind(other))]))),
    }
}

fn header_columns(cells: &[(u32, String)]) -> Option<[u32; 4]> {
    let names = ["unit", "iku", "month", "realisasi"];
    if cells.len() != 4 {
        return None;
    }
    let mut out = [0u32; 4];
    for (k, n) in names.iter().enumerate() {
        let mut found = cells.iter().filter(|(_, c)| c.trim().to_lowercase() == *n);
        out[k] = found.next()?.0;
        if found.next().is_some() {
            return None;
        }
    }
    Some(out)
}

/// Reads and checks a realisasi workbook. `file` names it in messages. All errors, or all rows.
pub fn parse_realisasi_workbook(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
    locale: Locale,
    datasets: &[&Dataset],
) -> Result<Vec<RealisasiRow>, Vec<WorkbookError>> {
    let whole = |message: String| {
        vec![WorkbookError {
            cell: None,
            message,
        }]
    };
    let mut wb = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| whole(t::XLSX_UNREADABLE.fill(&[("file", &file), ("detail", &e)])))?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                whole(t::XLSX_NO_SHEET.fill(&[
                    ("sheet", &s),
                    ("file", &file),
                    ("sheets", &names.join(", ")),
                ]))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| whole(t::XLSX_EMPTY.fill(&[("file", &file)])))?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| whole(t::XLSX_UNREADABLE.fill(&[("file", &file), ("detail", &e)])))?;
    let Some((r0, c0)) = range.start() else {
        return Err(vec![WorkbookError {
            cell: Some(cell_ref(&name, 0, 0)),
            message: ti::CSV_NO_HEADER.s().to_string(),
        }]);
    };
    let mut errors: Vec<WorkbookError> = Vec::new();
    let mut rows_out = Vec::new();
    let mut checker = RowChecker::new(locale, datasets);
    let mut columns: Option<[u32; 4]> = None;
    for (i, row) in range.rows().enumerate() {
        if errors.len() >= MAX_ERRORS {
            errors.truncate(MAX_ERRORS);
            errors.push(WorkbookError {
                cell: None,
                message: ti::TOO_MANY_ERRORS.fill(&[("max", &MAX_ERRORS)]),
            });
            break;
        }
        let r = r0 + i as u32;
        let filled: Vec<(u32, &Data)> = row
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                !matches!(d, Data::Empty) && !matches!(d, Data::String(s) if s.trim().is_empty())
            })
            .map(|(k, d)| (c0 + k as u32, d))
            .collect();
        if filled.is_empty() {
            continue;
        }
        let Some(cols) = columns else {
            let cells: Vec<(u32, String)> = filled
                .iter()
                .map(|(c, d)| (*c, text_of(d).unwrap_or_default()))
                .collect();
            match header_columns(&cells) {
                Some(c) => columns = Some(c),
                None => {
                    let found: Vec<String> = cells.into_iter().map(|(_, s)| s).collect();
                    return Err(vec![WorkbookError {
                        cell: Some(cell_ref(&name, r, filled[0].0)),
                        message: ti::CSV_BAD_HEADER.fill(&[("found", &found.join(", "))]),
                    }]);
                }
            }
            continue;
        };
        let at = |c: u32| -> &Data {
            c.checked_sub(c0)
                .and_then(|k| row.get(k as usize))
                .unwrap_or(&Data::Empty)
        };
        let mut row_errors: Vec<WorkbookError> = Vec::new();
        for (c, _) in filled.iter().filter(|(c, _)| !cols.contains(c)) {
            row_errors.push(WorkbookError {
                cell: Some(cell_ref(&name, r, *c)),
                message: t::XLSX_OUTSIDE.s().to_string(),
            });
        }
        let [cu, ci, cm, cv] = cols;
        let mut cell_err = |c: u32, message: String| {
            row_errors.push(WorkbookError {
                cell: Some(cell_ref(&name, r, c)),
                message,
            })
        };
        let unit = text_of(at(cu)).unwrap_or_else(|m| {
            cell_err(cu, m);
            String::new()
        });
        let iku = text_of(at(ci)).unwrap_or_else(|m| {
            cell_err(ci, m);
            String::new()
        });
        let month = month_of(at(cm)).unwrap_or_else(|m| {
            cell_err(cm, m);
            String::new()
        });
        let text_value;
        let value = match value_of(at(cv)) {
            Ok(Some(d)) => Some(ValueCell::Number(d)),
            Ok(None) => Some(ValueCell::Text("")),
            Err(None) => {
                text_value = text_of(at(cv)).unwrap_or_default();
                Some(ValueCell::Text(&text_value))
            }
            Err(Some(m)) => {
                cell_err(cv, m);
                None
            }
        };
        if !row_errors.is_empty() {
            errors.append(&mut row_errors);
            continue;
        }
        let Some(value) = value else { continue };
        match checker.check(r as usize + 1, &unit, &iku, &month, value) {
            Ok(row) => rows_out.push(RealisasiRow {
                cell: Some(cell_ref(&name, r, cv)),
                ..row
            }),
            Err(problems) => {
                for p in problems {
                    let c = match p.column {
                        Column::Unit => cu,
                        Column::Iku => ci,
                        Column::Month => cm,
                        Column::Realisasi => cv,
                    };
                    errors.push(WorkbookError {
                        cell: Some(cell_ref(&name, r, c)),
                        message: p.message,
                    });
                }
            }
        }
    }
    if columns.is_none() {
        return Err(vec![WorkbookError {
            cell: Some(cell_ref(&name, r0, c0)),
            message: ti::CSV_NO_HEADER.s().to_string(),
        }]);
    }
    if errors.is_empty() {
        Ok(rows_out)
    } else {
        Err(errors)
    }
}

/// One row of the template: a realisasi that is due, with its current value (if any) and, for
/// the reader, the IKU's name, target and unit of measure as a note on its cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRow {
    pub unit: String,
    pub iku: String,
    /// `YYYY-MM`.
    pub month: String,
    pub value: Option<Decimal>,
    pub note: String,
}

/// The template workbook: a sheet with the four columns (the first sheet, so that
/// `import-realisasi` reads it without `--sheet`), `month` as text, `realisasi` numeric, and a
/// sheet of notes.
pub fn realisasi_template(rows: &[TemplateRow], file_name: &str) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Color, Format, Note, Workbook};
    let run = || -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut wb = Workbook::new();
        let head = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xE6EDF5));
        let text = Format::new().set_num_format("@");
        let number = Format::new().set_num_format("#,##0.####");
        let ws = wb.add_worksheet();
        ws.set_name(t::TEMPLATE_SHEET.s())?;
        for (c, h) in ["unit", "iku", "month", "realisasi"].iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let mut widths = [8usize, 8, 9, 12];
        for (i, r) in rows.iter().enumerate() {
            let row = 1 + i as u32;
            ws.write_string_with_format(row, 0, &r.unit, &text)?;
            ws.write_string_with_format(row, 1, &r.iku, &text)?;
            ws.write_string_with_format(row, 2, &r.month, &text)?;
            match r.value {
                Some(v) => {
                    let f: f64 = v.normalize().to_string().parse().unwrap_or(0.0);
                    ws.write_number_with_format(row, 3, f, &number)?;
                }
                None => {
                    ws.write_blank(row, 3, &number)?;
                }
            }
            if !r.note.is_empty() {
                ws.insert_note(row, 1, &Note::new(&r.note).set_author("kinerja"))?;
            }
            widths[0] = widths[0].max(r.unit.chars().count());
            widths[1] = widths[1].max(r.iku.chars().count());
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
        }
        ws.set_paper_size(9);
        ws.set_repeat_rows(0, 0)?;
        let notes = wb.add_worksheet();
        notes.set_name(t::TEMPLATE_NOTES.s())?;
        for (i, m) in t::TEMPLATE_NOTE_LINES.iter().enumerate() {
            notes.write_string(i as u32, 0, m.fill(&[("file", &file_name)]))?;
        }
        notes.set_column_width(0, 90)?;
        wb.save_to_buffer()
    };
    run().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(cell_ref("Sheet1", 6, 2), "Sheet1!C7");
        assert_eq!(cell_ref("Data Okt", 0, 3), "'Data Okt'!D1");
    }

    #[test]
    fn numbers_are_the_decimals_the_workbook_shows() {
        assert_eq!(number_of(12.5), Some("12.5".parse().unwrap()));
        assert_eq!(number_of(0.1), Some("0.1".parse().unwrap()));
        assert_eq!(number_of(1234567.25), Some("1234567.25".parse().unwrap()));
        assert_eq!(number_of(f64::NAN), None);
    }
}
