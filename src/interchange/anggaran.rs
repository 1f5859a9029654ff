//! The budget realisasi sheet: monthly realisasi (spending) of Rincian Anggaran lines from a
//! spreadsheet, with the rules of the realisasi sheet ([`super::csv`]):
//!
//! - The header is the four names `unit`, `line`, `month`, `realisasi` in any order and letter
//!   case; the delimiter is whichever of `,` and `;` splits it into them. The locale of the
//!   numbers is the one given, else `id` with `;` and `en` with `,`.
//! - `month` is `YYYY-MM` of the year given; `unit` and `line` must name a line of the plans;
//!   an empty `realisasi` clears the month; a negative amount is refused; the same
//!   (unit, line, month) twice is reported on the later line.
//! - Every bad line is reported with its 1-based line number; any error: no rows (all or
//!   nothing).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::csv::SheetError;
use super::number::{Locale, parse_decimal};
use super::{MAX_ERRORS, MAX_INPUT_BYTES};
use crate::domain::plan::Plans;
use crate::text::plan as t;

/// One good row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    pub line: usize,
    pub unit: String,
    pub code: String,
    pub month: u8,
    pub value: Option<Decimal>,
}

const NAMES: [&str; 4] = ["unit", "line", "month", "realisasi"];

fn columns(header: &str, d: char) -> Option<[usize; 4]> {
    let cells: Vec<String> = header
        .split(d)
        .map(|c| c.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect();
    if cells.len() != 4 {
        return None;
    }
    let mut out = [0; 4];
    for (i, n) in NAMES.iter().enumerate() {
        let pos: Vec<usize> = (0..4).filter(|j| cells[*j] == *n).collect();
        match pos.as_slice() {
            [p] => out[i] = *p,
            _ => return None,
        }
    }
    Some(out)
}

fn err(line: usize, message: String) -> SheetError {
    SheetError {
        line,
        message,
        code: None,
    }
}

/// Validates a whole budget realisasi sheet against the year's plans: all rows or all errors.
pub fn parse_budget_sheet(
    text: &str,
    locale: Option<Locale>,
    year: i32,
    plans: &Plans,
) -> Result<Vec<BudgetRow>, Vec<SheetError>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(vec![err(
            0,
            crate::text::interchange::CSV_TOO_LARGE
                .fill(&[("size", &text.len()), ("max", &MAX_INPUT_BYTES)]),
        )]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let Some((delimiter, cols)) = [',', ';']
        .into_iter()
        .find_map(|d| columns(header, d).map(|c| (d, c)))
    else {
        let shown = crate::safe::term::clip(header, 200);
        return Err(vec![err(1, t::SHEET_HEADER.fill(&[("found", &shown)]))]);
    };
    let locale = locale.unwrap_or(if delimiter == ';' {
        Locale::Id
    } else {
        Locale::En
    });
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut first: HashMap<(String, String, u8), usize> = HashMap::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    for (ix, rec) in reader.records().enumerate() {
        if errors.len() >= MAX_ERRORS {
            break;
        }
        let line = rec
            .as_ref()
            .ok()
            .and_then(|r| r.position().map(|p| p.line() as usize))
            .unwrap_or(ix + 1);
        if ix == 0 {
            continue;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(line, t::SHEET_UNREADABLE.fill(&[("error", &e)])));
                continue;
            }
        };
        if rec.iter().all(|c| c.is_empty()) {
            continue;
        }
        if rec.len() != 4 {
            errors.push(err(line, t::SHEET_COLUMNS.fill(&[("found", &rec.len())])));
            continue;
        }
        let cell = |i: usize| rec.get(cols[i]).unwrap_or("");
        let (unit, code, month, value) = (cell(0), cell(1), cell(2), cell(3));
        let mut problems = Vec::new();
        let m = match year_month(month) {
            Some((y, m)) if y == year => Some(m),
            Some((y, _)) => {
                problems.push(t::SHEET_YEAR.fill(&[("found", &y), ("year", &year)]));
                None
            }
            None => {
                problems.push(t::SHEET_MONTH.fill(&[("found", &month)]));
                None
            }
        };
        let known = plans
            .get(unit)
            .is_some_and(|p| p.anggaran.iter().any(|l| l.code == code));
        if !known {
            problems.push(t::LINE_OF.fill(&[("unit", &unit), ("code", &code)]));
        }
        let v = if value.is_empty() {
            Some(None)
        } else {
            match parse_decimal(value, locale) {
                Ok(v) if v < Decimal::ZERO => {
                    problems.push(t::BAD_VALUE.fill(&[("value", &value)]));
                    None
                }
                Ok(v) => Some(Some(v)),
                Err(e) => {
                    problems.push(e.to_string());
                    None
                }
            }
        };
        if let Some(m) = m {
            let key = (unit.to_string(), code.to_string(), m);
            if let Some(at) = first.get(&key) {
                problems.push(t::SHEET_TWICE.fill(&[("first", at)]));
            } else {
                first.insert(key, line);
            }
        }
        match (problems.is_empty(), m, v) {
            (true, Some(month), Some(value)) => rows.push(BudgetRow {
                line,
                unit: unit.to_string(),
                code: code.to_string(),
                month,
                value,
            }),
            _ => errors.push(err(line, problems.join("; "))),
        }
    }
    match errors.is_empty() {
        true => Ok(rows),
        false => Err(errors),
    }
}

fn year_month(s: &str) -> Option<(i32, u8)> {
    let (y, m) = s.trim().split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let m: u8 = m.parse().ok()?;
    Some((y.parse().ok()?, m)).filter(|_| (1..=12).contains(&m))
}
