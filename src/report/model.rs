//! The report as one model of its sections, built from `domain` alone. Every renderer (xlsx,
//! html, pdf) draws this model and computes nothing: a number in the report is the number of
//! `report --format json`, rounded the same way (NKO, values and capaian to 2 places, the K3
//! index to 4, targets and realisasi exact).
//!
//! Sections whose data the store does not hold yet are not in the model, and so not in the
//! report: the state of the period and its validator, the analysis and evidence of each IKU (the
//! monthly cycle), the Inisiatif Strategis and the budget (the whole PK). Each slots in as a
//! field of [`UnitSection`] or [`IkuSection`] when its data exists.

use rust_decimal::Decimal;

use crate::domain::k3::k3_breakdown;
use crate::domain::quarters::{ColumnScore, monthly_series, quarterly_table};
use crate::domain::rulebook::{Rulebook, Severity};
use crate::domain::rules::{Finding, check};
use crate::domain::score::{Status, round_to, round2, score_unit};
use crate::domain::{CodeRef, Dataset, Level, Perspective};
use crate::interchange::number::Locale;
use crate::text::Lang;

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub lang: Lang,
    pub locale: Locale,
    pub year: i32,
    /// The period (1..=12): everything is consolidated up to and including this month.
    pub period: u8,
    /// "TW III 2025", "s.d. Agustus 2025".
    pub period_label: String,
    pub rulebook: String,
    pub cover: Cover,
    /// The report's unit first; with `--subtree` every unit below it, depth first.
    pub units: Vec<UnitSection>,
    /// With `--subtree`: the table of the units of the subtree (the report's unit first).
    pub subtree: Option<Vec<SubtreeRow>>,
}

/// The cover page.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub nko: Option<Decimal>,
    pub predikat: Option<String>,
    pub k3_index: Option<Decimal>,
    pub nko_k3: Option<Decimal>,
    pub signature: Signature,
}

/// The signature block: the store holds no official of a unit yet, so every field is left
/// blank to be filled in by hand (never invented).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signature {
    pub name: Option<String>,
    pub position: Option<String>,
    pub nip: Option<String>,
}

/// One unit's part of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSection {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// 0 for the report's unit, 1 for its children, …
    pub depth: usize,
    pub nko: Option<Decimal>,
    pub predikat: Option<String>,
    pub k3_index: Option<Decimal>,
    pub nko_k3: Option<Decimal>,
    pub perspectives: Vec<PerspectiveRow>,
    pub ss: Vec<SsRow>,
    /// NKO s.d. each month 1..=period.
    pub nko_by_month: Vec<(u8, Option<Decimal>)>,
    /// Each perspective's value s.d. each month 1..=period.
    pub perspective_by_month: Vec<(Perspective, Vec<Option<Decimal>>)>,
    pub iku: Vec<IkuSection>,
    /// The rule findings open at the period (no month, or a month up to the period).
    pub findings: Vec<FindingRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveRow {
    pub perspective: Perspective,
    pub weight: Decimal,
    pub value: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SsRow {
    pub code: String,
    pub perspective: Perspective,
    pub name: String,
    pub value: Option<Decimal>,
    pub status: Option<Status>,
}

/// One IKU: its Manual IKU facts, the quarterly table, the chart's series and the status.
#[derive(Debug, Clone, PartialEq)]
pub struct IkuSection {
    pub code: String,
    pub name: String,
    pub ss: String,
    pub unit_of_measure: String,
    /// Format spellings (`maximize`, `sum`, `quarterly`); renderers translate them.
    pub polarity: &'static str,
    pub consolidation: &'static str,
    pub reporting_period: &'static str,
    pub responsible: String,
    /// TW I, TW II, Semester I, TW III, s.d. TW III, TW IV, the year (capaian rounded to 2).
    pub columns: Vec<ColumnScore>,
    /// Each reporting month: target and realisasi (realisasi up to the period).
    pub series: Vec<(u8, Option<Decimal>, Option<Decimal>)>,
    /// The consolidated numbers s.d. the period (those of `report --format json`).
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub status: Option<Status>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRow {
    pub id: String,
    pub severity: Severity,
    pub ss: Option<String>,
    pub iku: Option<String>,
    pub month: Option<u8>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubtreeRow {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub depth: usize,
    pub nko: Option<Decimal>,
    pub predikat: Option<String>,
    pub k3_index: Option<Decimal>,
    pub nko_k3: Option<Decimal>,
}

impl Report {
    /// Every IKU section of every unit.
    pub fn iku_count(&self) -> usize {
        self.units.iter().map(|u| u.iku.len()).sum()
    }
}

/// The units of a report: `unit`, and with `subtree` every unit below it (depth first, children
/// in code order), each with its depth below `unit`.
pub fn report_units(ds: &Dataset, unit: &str, subtree: bool) -> Vec<(String, usize)> {
    if !subtree {
        return vec![(unit.to_string(), 0)];
    }
    let mut out = Vec::new();
    let mut stack = vec![(unit.to_string(), 0usize)];
    while let Some((u, d)) = stack.pop() {
        stack.extend(ds.children(&u).iter().rev().map(|c| (c.clone(), d + 1)));
        out.push((u, d));
    }
    out
}

/// What a report is asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub unit: &'a str,
    /// 1..=12.
    pub period: u8,
    /// Every unit below `unit` too.
    pub subtree: bool,
    pub lang: Lang,
    pub locale: Locale,
}

/// Builds the report; `progress(done, total)` is called after each unit.
pub fn build(
    ds: &Dataset,
    rb: &Rulebook,
    req: Request<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Report {
    let Request {
        unit,
        period,
        subtree,
        lang,
        locale,
    } = req;
    let units = report_units(ds, unit, subtree);
    let total = units.len();
    let mut sections = Vec::with_capacity(total);
    for (i, (code, depth)) in units.iter().enumerate() {
        sections.push(unit_section(ds, rb, code, *depth, period));
        progress(i + 1, total);
    }
    let top = &sections[0];
    let cover = Cover {
        code: top.code.clone(),
        name: top.name.clone(),
        level: top.level,
        nko: top.nko,
        predikat: top.predikat.clone(),
        k3_index: top.k3_index,
        nko_k3: top.nko_k3,
        signature: Signature::default(),
    };
    let subtree_rows = subtree.then(|| {
        sections
            .iter()
            .map(|s| SubtreeRow {
                code: s.code.clone(),
                name: s.name.clone(),
                level: s.level,
                depth: s.depth,
                nko: s.nko,
                predikat: s.predikat.clone(),
                k3_index: s.k3_index,
                nko_k3: s.nko_k3,
            })
            .collect()
    });
    Report {
        lang,
        locale,
        year: ds.year,
        period,
        period_label: crate::text::report::period_label(ds.year, period),
        rulebook: rb.name.clone(),
        cover,
        units: sections,
        subtree: subtree_rows,
    }
}

fn r2(d: Option<Decimal>) -> Option<Decimal> {
    d.map(round2)
}

fn unit_section(ds: &Dataset, rb: &Rulebook, code: &str, depth: usize, period: u8) -> UnitSection {
    let u = &ds.units[code];
    let score = score_unit(ds, rb, code, period);
    let k3 = k3_breakdown(ds, rb, code, score.nko);
    let by_month: Vec<_> = (1..=period).map(|m| score_unit(ds, rb, code, m)).collect();
    let perspectives: Vec<PerspectiveRow> = score
        .perspectives
        .iter()
        .map(|p| PerspectiveRow {
            perspective: p.perspective,
            weight: p.weight.normalize(),
            value: r2(p.value),
        })
        .collect();
    let perspective_by_month = perspectives
        .iter()
        .map(|p| {
            let values = by_month
                .iter()
                .map(|s| {
                    s.perspectives
                        .iter()
                        .find(|x| x.perspective == p.perspective)
                        .and_then(|x| r2(x.value))
                })
                .collect();
            (p.perspective, values)
        })
        .collect();
    let ss = score
        .ss
        .values()
        .map(|s| SsRow {
            code: s.code.clone(),
            perspective: s.perspective,
            name: ds
                .ss
                .get(&CodeRef::new(code, &s.code))
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            value: r2(s.value),
            status: s.value.map(|v| Status::of(v, rb)),
        })
        .collect();
    let iku = ds
        .iku_of_unit(code)
        .map(|i| {
            let s = &score.iku[&i.code];
            let columns = quarterly_table(ds, rb, i, period)
                .into_iter()
                .map(|mut c| {
                    c.capaian = r2(c.capaian);
                    c
                })
                .collect();
            IkuSection {
                code: i.code.clone(),
                name: i.name.clone(),
                ss: i.ss.clone(),
                unit_of_measure: i.unit_of_measure.clone(),
                polarity: i.polarity.as_str(),
                consolidation: i.period_consolidation.as_str(),
                reporting_period: i.reporting_period.as_str(),
                responsible: i.responsible.clone(),
                columns,
                series: monthly_series(ds, i, period),
                target: s.target,
                realisasi: s.realisasi,
                capaian: r2(s.capaian),
                status: s.status,
            }
        })
        .collect();
    let findings = check(ds, rb, Some(code))
        .into_iter()
        .filter(|f| f.month.is_none_or(|m| m <= period))
        .map(finding_row)
        .collect();
    UnitSection {
        code: code.to_string(),
        name: u.name.clone(),
        level: u.level,
        depth,
        nko: r2(score.nko),
        predikat: score.predikat.clone(),
        k3_index: k3.index.map(|d| round_to(d, 4)),
        nko_k3: k3.nko_k3.map(round2),
        perspectives,
        ss,
        nko_by_month: by_month.iter().map(|s| (s.period, r2(s.nko))).collect(),
        perspective_by_month,
        iku,
        findings,
    }
}

/// A finding as the report lists it (its message in the UI language).
fn finding_row(f: Finding) -> FindingRow {
    FindingRow {
        id: f.id.to_string(),
        severity: f.severity,
        ss: f.ss,
        iku: f.iku,
        month: f.month,
        message: crate::text::reason::render(&f.reason),
    }
}
