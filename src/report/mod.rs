//! The quarterly Laporan Capaian Kinerja: one model of its sections ([`model`]) built from
//! `domain`, drawn by three renderers: [`xlsx`] (rust_xlsxwriter, native charts), [`html`]
//! (self-contained, inline CSS and SVG) and [`pdf`] (pdf-writer, vector charts). The charts of
//! html and pdf share one layout ([`chart`]).
//!
//! Nothing here does I/O: a renderer returns the bytes; `cli::laporan` writes them.

pub mod chart;
pub mod html;
pub mod model;
pub mod pdf;
pub mod xlsx;

pub use model::{Report, Request, build};

use rust_decimal::Decimal;

use crate::domain::Level;
use crate::domain::rulebook::Severity;
use crate::domain::score::{Status, round_to};
use crate::interchange::number::{Locale, format_decimal, format_exact};
use crate::text::report as t;

/// The three output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Html,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Renders the report in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Xlsx => xlsx::render(report),
        Format::Html => Ok(html::render(report).into_bytes()),
        Format::Pdf => Ok(pdf::render(report)),
    }
}

/// `–` for what is not computable.
pub const DASH: &str = "–";

/// A value rounded as in the model (2 places), in the locale: `95,09`.
pub fn num2(d: Option<Decimal>, locale: Locale) -> String {
    d.map_or_else(|| DASH.to_string(), |d| format_decimal(d, locale, 2))
}

/// The K3 index (4 places).
pub fn num4(d: Option<Decimal>, locale: Locale) -> String {
    d.map_or_else(|| DASH.to_string(), |d| format_decimal(d, locale, 4))
}

/// An exact target or realisasi, a repeating fraction of an average cut at 4 places for reading.
pub fn exact(d: Option<Decimal>, locale: Locale) -> String {
    d.map_or_else(
        || DASH.to_string(),
        |d| format_exact(round_to(d, 4), locale),
    )
}

pub fn status_word(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Green) => t::STATUS_GREEN.s(),
        Some(Status::Yellow) => t::STATUS_YELLOW.s(),
        Some(Status::Red) => t::STATUS_RED.s(),
        None => t::NOT_COMPUTABLE.s(),
    }
}

/// The colour of a status (hex), for cells and marks.
pub fn status_colour(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Green) => "#1e7b34",
        Some(Status::Yellow) => "#b58100",
        Some(Status::Red) => "#b3261e",
        None => "#777777",
    }
}

/// A status mark that needs no colour, as in the TUI.
pub fn status_mark(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Green) => "●",
        Some(Status::Yellow) => "▲",
        Some(Status::Red) => "▼",
        None => "·",
    }
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => t::SEVERITY_ERROR.s(),
        Severity::Warning => t::SEVERITY_WARNING.s(),
    }
}

pub fn level_word(l: Level) -> &'static str {
    l.as_str()
}

/// A month of the report's year as `YYYY-MM`.
pub fn month_label(year: i32, m: u8) -> String {
    format!("{year}-{m:02}")
}

/// The state of the period as the cover says it: `divalidasi, September 2025`, with the reason
/// of a return or reopening after it.
pub fn state_text(s: &model::PeriodState) -> String {
    let text = t::PERIOD_STATE_OF.fill(&[
        ("state", &crate::text::round::state_word(s.state)),
        ("month", &crate::text::domain::month_name(s.month)),
        ("year", &s.year),
    ]);
    match s.reason.as_str() {
        "" => text,
        reason => t::STATE_REASON.fill(&[("state", &text), ("reason", &reason)]),
    }
}

/// Who validated the period: `budi, 2025-10-20`, `belum divalidasi`, or that the audit trail
/// does not name the validator.
pub fn validator_text(s: &model::PeriodState) -> String {
    match (&s.validated_by, s.is_validated()) {
        (Some(v), true) => {
            t::VALIDATED_BY_ON.fill(&[("user", &v.user), ("date", &v.date.format("%Y-%m-%d"))])
        }
        (None, true) => t::VALIDATOR_UNRECORDED.s().to_string(),
        (_, false) => t::NOT_VALIDATED.s().to_string(),
    }
}

/// A file size for reading: `870 B`, `12,5 KB`, `3,2 MB` (1 KB = 1024 B), in the locale.
pub fn size_text(bytes: u64, locale: Locale) -> String {
    const K: u64 = 1024;
    let one = |n: u64, unit: u64| Decimal::from(n) / Decimal::from(unit);
    if bytes < K {
        format!("{bytes} B")
    } else if bytes < K * K {
        format!("{} KB", format_decimal(one(bytes, K), locale, 1))
    } else {
        format!("{} MB", format_decimal(one(bytes, K * K), locale, 1))
    }
}

/// The first 12 hex digits of a SHA-256, enough to tell files apart when reading.
pub fn sha_short(sha256: &str) -> &str {
    sha256.get(..12).unwrap_or(sha256)
}

/// A percentage (2 places) in the locale.
pub fn pct(d: Decimal, locale: Locale) -> String {
    format_decimal(d, locale, 2)
}

/// What an IS finding says, short, in the UI language.
pub fn is_finding_text(f: &crate::domain::plan::IsFinding, locale: Locale) -> String {
    use crate::domain::plan::IsFinding;
    match f {
        IsFinding::Behind { planned, realised } => t::IS_BEHIND.fill(&[
            ("realised", &pct(*realised, locale)),
            ("planned", &pct(*planned, locale)),
        ]),
        IsFinding::Overdue { end, realised } => t::IS_OVERDUE.fill(&[
            ("end", &crate::text::domain::month_name(*end)),
            ("realised", &pct(*realised, locale)),
        ]),
    }
}

/// The findings of an IS joined, or `sesuai rencana`.
pub fn is_findings_text(r: &model::IsRow, locale: Locale) -> String {
    if r.findings.is_empty() {
        return t::IS_ON_TRACK.s().to_string();
    }
    r.findings
        .iter()
        .map(|f| is_finding_text(f, locale))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A decimal as a chart coordinate (rendering only: every number shown is the decimal itself).
pub fn to_f64(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_s_quarter_runs_from_its_first_month_to_the_period() {
        assert_eq!(model::quarter_months(1), 1..=1);
        assert_eq!(model::quarter_months(3), 1..=3);
        assert_eq!(model::quarter_months(4), 4..=4);
        assert_eq!(model::quarter_months(8), 7..=8);
        assert_eq!(model::quarter_months(12), 10..=12);
    }

    #[test]
    fn sizes_and_hashes_are_short_for_reading() {
        assert_eq!(size_text(870, Locale::Id), "870 B");
        assert_eq!(size_text(12_800, Locale::Id), "12,5 KB");
        assert_eq!(size_text(3_355_443, Locale::En), "3.2 MB");
        assert_eq!(sha_short(&"ab".repeat(32)), "abababababab");
        assert_eq!(sha_short("abc"), "abc");
    }
}
