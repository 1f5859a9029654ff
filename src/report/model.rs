//! The report as one model of its sections, built from `domain` alone. Every renderer (xlsx,
//! html, pdf) draws this model and computes nothing: a number in the report is the number of
//! `report --format json`, rounded the same way (NKO, values and capaian to 2 places, the K3
//! index to 4, targets and realisasi exact).
//!
//! Besides the dataset the model takes what the store keeps beside it: the plans of the year
//! (Inisiatif Strategis and Rincian Anggaran, DOMAIN.md §12) and, from the audit trail, who
//! validated each unit's month of the period ([`Validation`]). The round itself (the state of each
//! month, the analyses and evidence, DOMAIN.md §11) is in the dataset. A section whose data is
//! absent is left out: no analysis, no evidence list, no IS or budget section.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::k3::k3_breakdown;
use crate::domain::plan::{Absorption, IsFinding, Plans, UnitPlan};
use crate::domain::quarters::{ColumnScore, monthly_series, quarterly_table};
use crate::domain::round::{Analysis, EvidenceRef, MonthState};
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
    /// The state of the period's month for the unit, and who validated it.
    pub state: PeriodState,
    pub signature: Signature,
}

/// Who validated a unit's month: the author of the `validate` transition in the audit trail
/// (the round record keeps the state, not who made it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validation {
    pub user: String,
    pub date: NaiveDate,
}

/// Who validated the period's month, by unit (the units whose month is validated or closed and
/// whose audit trail names the validator).
pub type Validations = BTreeMap<String, Validation>;

/// The state of a unit's month of the period in the month-end round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodState {
    pub year: i32,
    pub month: u8,
    pub state: MonthState,
    /// The reason of the last return or reopening (empty when none).
    pub reason: String,
    /// Who validated it, when it is validated or closed and the audit trail says.
    pub validated_by: Option<Validation>,
}

impl PeriodState {
    /// Validated, or validated and then closed.
    pub fn is_validated(&self) -> bool {
        matches!(self.state, MonthState::Divalidasi | MonthState::Ditetapkan)
    }
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
    pub state: PeriodState,
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
    /// The Inisiatif Strategis at the period (none: the unit has none).
    pub inisiatif: Option<IsSection>,
    /// The budget absorption by line up to the period (none: the unit has no budget line).
    pub anggaran: Option<BudgetSection>,
    /// The rule findings open at the period (no month, or a month up to the period).
    pub findings: Vec<FindingRow>,
}

/// The unit's Inisiatif Strategis at the period.
#[derive(Debug, Clone, PartialEq)]
pub struct IsSection {
    pub rows: Vec<IsRow>,
    /// The average planned and realised % of the IS (`UnitPlan::is_progress`).
    pub planned: Decimal,
    pub realised: Decimal,
}

/// One IS: planned (its trajectory) against realised cumulative % at the period.
#[derive(Debug, Clone, PartialEq)]
pub struct IsRow {
    pub code: String,
    pub name: String,
    pub iku: Vec<String>,
    pub pic: String,
    pub start: u8,
    pub end: u8,
    pub planned: Decimal,
    pub realised: Decimal,
    pub status: String,
    pub kendala: String,
    pub tindak_lanjut: String,
    /// Behind its trajectory, past its end below 100 % (empty: on track).
    pub findings: Vec<IsFinding>,
}

/// The budget lines of a unit with their absorption up to the period, and the total.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetSection {
    pub rows: Vec<BudgetRow>,
    pub total: BudgetRow,
}

/// A budget line (or the total): pagu, planned and realised disbursement up to the period, and
/// both as % of the pagu (rounded to 2 places; none without a pagu).
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRow {
    /// The line's code (empty for the total).
    pub code: String,
    /// Kegiatan and output (`4260.QMA`), the short name of a chart's column.
    pub short: String,
    pub program: String,
    pub output_name: String,
    pub pagu: Decimal,
    pub planned: Decimal,
    pub realisasi: Decimal,
    pub absorption: Option<Decimal>,
    pub planned_absorption: Option<Decimal>,
    /// DIPA revisions of the pagu so far.
    pub revisions: usize,
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
    /// The analyses of the months of the period's quarter up to the period, newest first.
    pub analyses: Vec<(u8, Analysis)>,
    /// The evidence of those months, by month then name.
    pub evidence: Vec<(u8, EvidenceRef)>,
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
    pub state: MonthState,
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
    /// The plans of the year (IS and budget), by unit.
    pub plans: &'a Plans,
    /// Who validated the period's month, by unit.
    pub validations: &'a Validations,
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
        plans,
        validations,
    } = req;
    let units = report_units(ds, unit, subtree);
    let total = units.len();
    let mut sections = Vec::with_capacity(total);
    for (i, (code, depth)) in units.iter().enumerate() {
        let plan = plans.get(code.as_str());
        let state = period_state(ds, code, period, validations);
        sections.push(unit_section(ds, rb, code, *depth, period, state, plan));
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
        state: top.state.clone(),
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
                state: s.state.state,
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

/// The state of `unit`'s month `period` in the round, and its validator when validated.
fn period_state(ds: &Dataset, unit: &str, period: u8, validations: &Validations) -> PeriodState {
    let rec = ds
        .round
        .get(unit)
        .map(|r| r.month(period))
        .unwrap_or_default();
    let mut s = PeriodState {
        year: ds.year,
        month: period,
        state: rec.state,
        reason: rec.reason,
        validated_by: None,
    };
    if s.is_validated() {
        s.validated_by = validations.get(unit).cloned();
    }
    s
}

/// The months of the period's quarter up to the period (Jul–Sep for TW III, Jul–Aug for August).
pub fn quarter_months(period: u8) -> std::ops::RangeInclusive<u8> {
    let first = (period.clamp(1, 12) - 1) / 3 * 3 + 1;
    first..=period
}

/// The IS of a plan at the period.
fn is_section(plan: &UnitPlan, period: u8) -> Option<IsSection> {
    let (planned, realised) = plan.is_progress(period)?;
    let rows = plan
        .inisiatif
        .iter()
        .map(|i| IsRow {
            code: i.code.clone(),
            name: i.name.clone(),
            iku: i.iku.clone(),
            pic: i.pic.clone(),
            start: i.start,
            end: i.end,
            planned: i.planned_at(period),
            realised: i.realised_at(period),
            status: i.status.clone(),
            kendala: i.kendala.clone(),
            tindak_lanjut: i.tindak_lanjut.clone(),
            findings: i.findings(period),
        })
        .collect();
    Some(IsSection {
        rows,
        planned,
        realised,
    })
}

/// The budget lines of a plan with their absorption up to the period.
fn budget_section(plan: &UnitPlan, period: u8) -> Option<BudgetSection> {
    if plan.anggaran.is_empty() {
        return None;
    }
    let row =
        |code: &str, short: String, program: &str, output_name: &str, a: Absorption, n| BudgetRow {
            code: code.to_string(),
            short,
            program: program.to_string(),
            output_name: output_name.to_string(),
            pagu: a.pagu,
            planned: a.planned,
            realisasi: a.realisasi,
            absorption: a.realised_pct(),
            planned_absorption: a.planned_pct(),
            revisions: n,
        };
    let rows = plan
        .anggaran
        .iter()
        .map(|l| {
            let short = format!("{}.{}", l.kegiatan, l.output);
            let program = format!("{} {}", l.program, l.program_name);
            row(
                &l.code,
                short,
                &program,
                &l.output_name,
                l.absorption(period),
                l.revisions.len(),
            )
        })
        .collect();
    let total = row(
        "",
        crate::text::report::BUDGET_TOTAL.s().to_string(),
        "",
        "",
        plan.absorption(period),
        plan.anggaran.iter().map(|l| l.revisions.len()).sum(),
    );
    Some(BudgetSection { rows, total })
}

fn unit_section(
    ds: &Dataset,
    rb: &Rulebook,
    code: &str,
    depth: usize,
    period: u8,
    state: PeriodState,
    plan: Option<&UnitPlan>,
) -> UnitSection {
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
    let round = ds.round.get(code);
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
                analyses: quarter_months(period)
                    .rev()
                    .filter_map(|m| Some((m, round?.analysis(&i.code, m)?.clone())))
                    .collect(),
                evidence: quarter_months(period)
                    .flat_map(|m| {
                        round
                            .map_or(&[][..], |r| r.evidence(&i.code, m))
                            .iter()
                            .map(move |e| (m, e.clone()))
                    })
                    .collect(),
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
        state,
        nko: r2(score.nko),
        predikat: score.predikat.clone(),
        k3_index: k3.index.map(|d| round_to(d, 4)),
        nko_k3: k3.nko_k3.map(round2),
        perspectives,
        ss,
        nko_by_month: by_month.iter().map(|s| (s.period, r2(s.nko))).collect(),
        perspective_by_month,
        iku,
        inisiatif: plan.and_then(|p| is_section(p, period)),
        anggaran: plan.and_then(|p| budget_section(p, period)),
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
