//! The rest of the PK (DOMAIN.md §12): the Peta Strategi links between a unit's SS, its
//! Inisiatif Strategis (IS) and its Rincian Anggaran (budget lines).
//!
//! These live beside the dataset, one [`UnitPlan`] per (year, unit), stored as records of their
//! own (the `plan` tree) so that the SS / IKU records stay as they are. Every number here is an
//! exact `Decimal`.
//!
//! * A **link** is (from SS, to SS) of one unit, cause → effect. By default it runs from a lower
//!   perspective to a higher one (learning & growth → internal process → customer →
//!   stakeholder); another direction is a warning, a link to an SS that is not the unit's or a
//!   cycle is an error ([`check_links`]).
//! * An **IS** has a planned completion trajectory (cumulative % at some months: monthly or
//!   quarterly) and the realised cumulative % per month. At period `p` the planned % is the
//!   latest trajectory point at or before `p` (0 before the first); the realised % the latest
//!   entry at or before `p`. It is *behind* when realised < planned, *overdue* when `p` is past
//!   its end month and realised < 100 ([`Inisiatif::findings`]).
//! * A **budget line** has a pagu (Rp), a planned monthly disbursement and the monthly realisasi.
//!   Absorption up to `p` = Σ realisasi of months ≤ p ÷ pagu × 100, against the planned
//!   Σ plan ÷ pagu × 100 ([`BudgetLine::absorption`]). A DIPA revision changes the pagu with a
//!   date, a reference and a reason, kept in the line's history ([`BudgetLine::revise`]).
//!   The column set is an *assumption* (the public material shows budget amounts per programme
//!   and activity only).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{Dataset, Dec, Perspective};
use super::score::round2;

/// Version of the layout of [`UnitPlan`], kept in every stored plan record (the `plan` tree).
pub const PLAN_SCHEMA: u16 = 1;

/// A cause → effect link of the Peta Strategi between two SS of one unit (SS codes).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PetaLink {
    pub from: String,
    pub to: String,
}

/// An Inisiatif Strategis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inisiatif {
    pub code: String,
    pub name: String,
    /// Codes of the unit's IKU it serves.
    pub iku: Vec<String>,
    /// Person in charge (penanggung jawab).
    pub pic: String,
    pub output: String,
    pub outcome: String,
    /// Start and end month, 1..=12.
    pub start: u8,
    pub end: u8,
    /// Planned cumulative completion % by month (monthly or quarterly points).
    pub planned: BTreeMap<u8, Dec>,
    /// Realised cumulative completion % by month.
    pub realised: BTreeMap<u8, Dec>,
    pub status: String,
    pub kendala: String,
    pub tindak_lanjut: String,
}

/// What is wrong with an IS at a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsFinding {
    /// Realised below the planned trajectory.
    Behind { planned: Decimal, realised: Decimal },
    /// Past its end month without 100 %.
    Overdue { end: u8, realised: Decimal },
}

fn latest_at(m: &BTreeMap<u8, Dec>, period: u8) -> Option<Decimal> {
    m.range(..=period).next_back().map(|(_, v)| v.0)
}

impl Inisiatif {
    /// Planned cumulative % at `period` (0 before the first point).
    pub fn planned_at(&self, period: u8) -> Decimal {
        latest_at(&self.planned, period).unwrap_or(Decimal::ZERO)
    }
    /// Realised cumulative % at `period` (0 before the first entry).
    pub fn realised_at(&self, period: u8) -> Decimal {
        latest_at(&self.realised, period).unwrap_or(Decimal::ZERO)
    }
    /// The findings at `period` (empty when on track).
    pub fn findings(&self, period: u8) -> Vec<IsFinding> {
        let (planned, realised) = (self.planned_at(period), self.realised_at(period));
        let mut out = Vec::new();
        if realised < planned {
            out.push(IsFinding::Behind { planned, realised });
        }
        if period > self.end && realised < Decimal::ONE_HUNDRED {
            out.push(IsFinding::Overdue {
                end: self.end,
                realised,
            });
        }
        out
    }
}

/// One DIPA revision of a budget line's pagu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaguRevision {
    pub date: NaiveDate,
    /// The revision's reference (e.g. the DIPA revision number).
    pub reference: String,
    pub reason: String,
    pub old: Dec,
    pub new: Dec,
}

/// One line of the Rincian Anggaran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// The line's code, unique in the unit (e.g. `054.01.WA.4259.EBA`).
    pub code: String,
    pub program: String,
    pub program_name: String,
    pub kegiatan: String,
    pub kegiatan_name: String,
    pub output: String,
    pub output_name: String,
    /// The allocation now (after every revision), Rp.
    pub pagu: Dec,
    /// Optional link to an SS or IS code of the unit.
    pub link: Option<String>,
    /// Planned disbursement by month, Rp.
    pub planned: BTreeMap<u8, Dec>,
    /// Realisasi (spending) by month, Rp.
    pub realisasi: BTreeMap<u8, Dec>,
    /// DIPA revisions, oldest first.
    pub revisions: Vec<PaguRevision>,
}

/// Absorption of a line or of a unit up to a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Absorption {
    pub pagu: Decimal,
    pub planned: Decimal,
    pub realisasi: Decimal,
}

impl Absorption {
    fn pct(v: Decimal, pagu: Decimal) -> Option<Decimal> {
        (pagu > Decimal::ZERO).then(|| round2(v * Decimal::ONE_HUNDRED / pagu))
    }
    /// Realisasi ÷ pagu × 100 (none without a pagu).
    pub fn realised_pct(&self) -> Option<Decimal> {
        Self::pct(self.realisasi, self.pagu)
    }
    /// Plan ÷ pagu × 100.
    pub fn planned_pct(&self) -> Option<Decimal> {
        Self::pct(self.planned, self.pagu)
    }
    fn add(&mut self, o: Absorption) {
        self.pagu += o.pagu;
        self.planned += o.planned;
        self.realisasi += o.realisasi;
    }
}

fn sum_to(m: &BTreeMap<u8, Dec>, period: u8) -> Decimal {
    m.range(..=period).map(|(_, v)| v.0).sum()
}

impl BudgetLine {
    pub fn absorption(&self, period: u8) -> Absorption {
        Absorption {
            pagu: self.pagu.0,
            planned: sum_to(&self.planned, period),
            realisasi: sum_to(&self.realisasi, period),
        }
    }
    /// Realisasi of each month 1..=12 (0 where none), for a sparkline.
    pub fn monthly_realisasi(&self) -> [Decimal; 12] {
        let mut out = [Decimal::ZERO; 12];
        for (m, v) in &self.realisasi {
            if (1..=12).contains(m) {
                out[*m as usize - 1] = v.0;
            }
        }
        out
    }
    /// Applies a DIPA revision: the pagu becomes `new`, the old one kept in the history.
    pub fn revise(&mut self, date: NaiveDate, reference: &str, reason: &str, new: Decimal) {
        self.revisions.push(PaguRevision {
            date,
            reference: reference.to_string(),
            reason: reason.to_string(),
            old: self.pagu,
            new: Dec(new),
        });
        self.pagu = Dec(new);
    }
}

/// The rest of one unit's PK for a year. Stored as one record per (year, unit).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnitPlan {
    /// [`PLAN_SCHEMA`] of the build that wrote it.
    pub schema: u16,
    pub unit: String,
    pub links: Vec<PetaLink>,
    pub inisiatif: Vec<Inisiatif>,
    pub anggaran: Vec<BudgetLine>,
}

impl UnitPlan {
    pub fn new(unit: &str) -> Self {
        UnitPlan {
            schema: PLAN_SCHEMA,
            unit: unit.to_string(),
            ..Default::default()
        }
    }
    pub fn is_empty(&self) -> bool {
        self.links.is_empty() && self.inisiatif.is_empty() && self.anggaran.is_empty()
    }
    /// Sorts every list by code (links by from, to) so that export is deterministic.
    pub fn normalise(&mut self) {
        use super::model::natural_cmp;
        self.links
            .sort_by(|a, b| natural_cmp(&a.from, &b.from).then(natural_cmp(&a.to, &b.to)));
        self.links.dedup();
        self.inisiatif.sort_by(|a, b| natural_cmp(&a.code, &b.code));
        self.anggaran.sort_by(|a, b| natural_cmp(&a.code, &b.code));
    }
    pub fn is(&self, code: &str) -> Option<&Inisiatif> {
        self.inisiatif.iter().find(|i| i.code == code)
    }
    pub fn line(&self, code: &str) -> Option<&BudgetLine> {
        self.anggaran.iter().find(|l| l.code == code)
    }
    /// The unit's absorption in total up to `period`.
    pub fn absorption(&self, period: u8) -> Absorption {
        let mut total = Absorption::default();
        for l in &self.anggaran {
            total.add(l.absorption(period));
        }
        total
    }
    /// Planned and realised % of the unit's IS at `period`, averaged (none without IS).
    pub fn is_progress(&self, period: u8) -> Option<(Decimal, Decimal)> {
        if self.inisiatif.is_empty() {
            return None;
        }
        let n = Decimal::from(self.inisiatif.len());
        let p: Decimal = self.inisiatif.iter().map(|i| i.planned_at(period)).sum();
        let r: Decimal = self.inisiatif.iter().map(|i| i.realised_at(period)).sum();
        Some((round2(p / n), round2(r / n)))
    }
}

/// The plans of a year, by unit code.
pub type Plans = BTreeMap<String, UnitPlan>;

/// A problem of a unit's plan (`check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    /// A link names an SS that is not the unit's (error).
    LinkUnknownSs { unit: String, ss: String },
    /// A link from a perspective not below its target's (warning).
    LinkDirection {
        unit: String,
        from: String,
        to: String,
    },
    /// The links make a cycle through these SS (error).
    LinkCycle { unit: String, path: Vec<String> },
    /// An IS serves an IKU that is not the unit's (error).
    IsUnknownIku {
        unit: String,
        is: String,
        iku: String,
    },
    /// An IS whose months are outside 1..=12, or end before start, or a % outside 0..=100.
    IsBadMonths { unit: String, is: String },
    /// A budget line linked to neither an SS nor an IS of the unit (error).
    LineUnknownLink {
        unit: String,
        line: String,
        link: String,
    },
    /// A budget line with a negative pagu or amount, or a month outside 1..=12.
    LineBadAmount { unit: String, line: String },
    /// Two IS or two lines with one code.
    Duplicate { unit: String, code: String },
}

impl PlanProblem {
    pub fn is_error(&self) -> bool {
        !matches!(self, PlanProblem::LinkDirection { .. })
    }
}

fn rank(p: Perspective) -> u8 {
    match p {
        Perspective::LearningGrowth => 0,
        Perspective::InternalProcess => 1,
        Perspective::Customer => 2,
        Perspective::Stakeholder => 3,
    }
}

/// Checks a unit's plan against the dataset.
pub fn check(ds: &Dataset, plan: &UnitPlan) -> Vec<PlanProblem> {
    let unit = &plan.unit;
    let mut out = check_links(ds, unit, &plan.links);
    let pct_ok = |m: &BTreeMap<u8, Dec>| {
        m.iter().all(|(k, v)| {
            (1..=12).contains(k) && v.0 >= Decimal::ZERO && v.0 <= Decimal::ONE_HUNDRED
        })
    };
    let mut seen = BTreeSet::new();
    for i in &plan.inisiatif {
        if !seen.insert(("is", i.code.as_str())) {
            out.push(PlanProblem::Duplicate {
                unit: unit.clone(),
                code: i.code.clone(),
            });
        }
        for k in &i.iku {
            if !ds.iku.contains_key(&super::model::CodeRef::new(unit, k)) {
                out.push(PlanProblem::IsUnknownIku {
                    unit: unit.clone(),
                    is: i.code.clone(),
                    iku: k.clone(),
                });
            }
        }
        let months_ok = (1..=12).contains(&i.start) && (i.start..=12).contains(&i.end);
        if !months_ok || !pct_ok(&i.planned) || !pct_ok(&i.realised) {
            out.push(PlanProblem::IsBadMonths {
                unit: unit.clone(),
                is: i.code.clone(),
            });
        }
    }
    for l in &plan.anggaran {
        if !seen.insert(("line", l.code.as_str())) {
            out.push(PlanProblem::Duplicate {
                unit: unit.clone(),
                code: l.code.clone(),
            });
        }
        if let Some(link) = &l.link {
            let ss = ds.ss.contains_key(&super::model::CodeRef::new(unit, link));
            if !ss && plan.is(link).is_none() {
                out.push(PlanProblem::LineUnknownLink {
                    unit: unit.clone(),
                    line: l.code.clone(),
                    link: link.clone(),
                });
            }
        }
        let amounts_ok = |m: &BTreeMap<u8, Dec>| {
            m.iter()
                .all(|(k, v)| (1..=12).contains(k) && v.0 >= Decimal::ZERO)
        };
        if l.pagu.0 < Decimal::ZERO || !amounts_ok(&l.planned) || !amounts_ok(&l.realisasi) {
            out.push(PlanProblem::LineBadAmount {
                unit: unit.clone(),
                line: l.code.clone(),
            });
        }
    }
    out
}

/// Checks the Peta Strategi links of `unit`: each end an SS of the unit, the direction from a
/// lower perspective to a higher one (a warning otherwise), and no cycle.
pub fn check_links(ds: &Dataset, unit: &str, links: &[PetaLink]) -> Vec<PlanProblem> {
    let mut out = Vec::new();
    let persp = |code: &str| {
        ds.ss
            .get(&super::model::CodeRef::new(unit, code))
            .map(|s| s.perspective)
    };
    for l in links {
        let (a, b) = (persp(&l.from), persp(&l.to));
        for (end, p) in [(&l.from, a), (&l.to, b)] {
            if p.is_none() {
                out.push(PlanProblem::LinkUnknownSs {
                    unit: unit.to_string(),
                    ss: end.clone(),
                });
            }
        }
        if let (Some(a), Some(b)) = (a, b)
            && rank(a) >= rank(b)
        {
            out.push(PlanProblem::LinkDirection {
                unit: unit.to_string(),
                from: l.from.clone(),
                to: l.to.clone(),
            });
        }
    }
    if let Some(path) = find_cycle(links) {
        out.push(PlanProblem::LinkCycle {
            unit: unit.to_string(),
            path,
        });
    }
    out
}

/// A cycle of the links, as the SS codes along it (first repeated at the end), if any.
pub fn find_cycle(links: &[PetaLink]) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for l in links {
        next.entry(l.from.as_str()).or_default().push(l.to.as_str());
    }
    // 0 unvisited, 1 on the path, 2 done
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let starts: Vec<&str> = next.keys().copied().collect();
    for s in starts {
        if state.get(s).copied().unwrap_or(0) != 0 {
            continue;
        }
        // iterative DFS: (node, index of the next edge)
        let mut stack: Vec<(&str, usize)> = vec![(s, 0)];
        state.insert(s, 1);
        while let Some((node, ix)) = stack.last().copied() {
            let edges = next.get(node).map(|v| v.as_slice()).unwrap_or(&[]);
            if ix < edges.len() {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                let to = edges[ix];
                match state.get(to).copied().unwrap_or(0) {
                    0 => {
                        state.insert(to, 1);
                        stack.push((to, 0));
                    }
                    1 => {
                        let at = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let mut path: Vec<String> =
                            stack[at..].iter().map(|(n, _)| n.to_string()).collect();
                        path.push(to.to_string());
                        return Some(path);
                    }
                    _ => {}
                }
            } else {
                state.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

/// A change of the plan: what the store persists and audits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanChange {
    /// Sets the unit's links (planner).
    SetLinks { unit: String, links: Vec<PetaLink> },
    /// Adds or replaces an IS (planner: the plan).
    PutInisiatif { unit: String, is: Inisiatif },
    /// Enters an IS's progress at a month (operator).
    SetProgress {
        unit: String,
        is: String,
        month: u8,
        realised: Dec,
        status: Option<String>,
        kendala: Option<String>,
        tindak_lanjut: Option<String>,
    },
    /// Adds or replaces a budget line (planner). A changed pagu of an existing line goes by
    /// [`PlanChange::RevisePagu`].
    PutLine { unit: String, line: BudgetLine },
    /// Enters a line's realisasi at a month (operator).
    SetLineRealisasi {
        unit: String,
        line: String,
        month: u8,
        value: Option<Dec>,
    },
    /// A DIPA revision of a line's pagu (planner).
    RevisePagu {
        unit: String,
        line: String,
        date: NaiveDate,
        reference: String,
        reason: String,
        pagu: Dec,
    },
}

/// Why a plan change cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanChangeError {
    UnknownIs { unit: String, is: String },
    UnknownLine { unit: String, line: String },
    BadMonth(u8),
    BadValue(String),
    PaguChanged { unit: String, line: String },
}

impl PlanChange {
    pub fn unit(&self) -> &str {
        match self {
            PlanChange::SetLinks { unit, .. }
            | PlanChange::PutInisiatif { unit, .. }
            | PlanChange::SetProgress { unit, .. }
            | PlanChange::PutLine { unit, .. }
            | PlanChange::SetLineRealisasi { unit, .. }
            | PlanChange::RevisePagu { unit, .. } => unit,
        }
    }
    /// The role the change needs: operators enter progress and realisasi, planners change
    /// the plan.
    pub fn role(&self) -> &'static str {
        match self {
            PlanChange::SetProgress { .. } | PlanChange::SetLineRealisasi { .. } => "operator",
            _ => "planner",
        }
    }
    /// A short description for the audit trail (`what`), and the old and new values.
    pub fn describe(&self, before: &UnitPlan) -> (String, Option<String>, Option<String>) {
        match self {
            PlanChange::SetLinks { links, .. } => (
                "peta-strategi links".to_string(),
                Some(before.links.len().to_string()),
                Some(links.len().to_string()),
            ),
            PlanChange::PutInisiatif { is, .. } => (
                format!("inisiatif {}", is.code),
                before.is(&is.code).map(|i| i.name.clone()),
                Some(is.name.clone()),
            ),
            PlanChange::SetProgress {
                is,
                month,
                realised,
                ..
            } => (
                format!("inisiatif {is} progress {month:02}"),
                before
                    .is(is)
                    .and_then(|i| i.realised.get(month))
                    .map(|v| v.0.to_string()),
                Some(realised.0.to_string()),
            ),
            PlanChange::PutLine { line, .. } => (
                format!("anggaran {}", line.code),
                before.line(&line.code).map(|l| l.output_name.clone()),
                Some(line.output_name.clone()),
            ),
            PlanChange::SetLineRealisasi {
                line, month, value, ..
            } => (
                format!("anggaran {line} realisasi {month:02}"),
                before
                    .line(line)
                    .and_then(|l| l.realisasi.get(month))
                    .map(|v| v.0.to_string()),
                value.map(|v| v.0.to_string()),
            ),
            PlanChange::RevisePagu {
                line,
                reference,
                pagu,
                ..
            } => (
                format!("anggaran {line} revisi pagu {reference}"),
                before.line(line).map(|l| l.pagu.0.to_string()),
                Some(pagu.0.to_string()),
            ),
        }
    }

    /// Applies the change to the unit's plan.
    pub fn apply(&self, plan: &mut UnitPlan) -> Result<(), PlanChangeError> {
        let month_ok = |m: u8| match (1..=12).contains(&m) {
            true => Ok(()),
            false => Err(PlanChangeError::BadMonth(m)),
        };
        match self {
            PlanChange::SetLinks { links, .. } => {
                plan.links = links.clone();
            }
            PlanChange::PutInisiatif { is, .. } => {
                month_ok(is.start)?;
                month_ok(is.end)?;
                match plan.inisiatif.iter_mut().find(|i| i.code == is.code) {
                    Some(old) => *old = is.clone(),
                    None => plan.inisiatif.push(is.clone()),
                }
            }
            PlanChange::SetProgress {
                unit,
                is,
                month,
                realised,
                status,
                kendala,
                tindak_lanjut,
            } => {
                month_ok(*month)?;
                if realised.0 < Decimal::ZERO || realised.0 > Decimal::ONE_HUNDRED {
                    return Err(PlanChangeError::BadValue(realised.0.to_string()));
                }
                let i = plan
                    .inisiatif
                    .iter_mut()
                    .find(|i| i.code == *is)
                    .ok_or_else(|| PlanChangeError::UnknownIs {
                        unit: unit.clone(),
                        is: is.clone(),
                    })?;
                i.realised.insert(*month, *realised);
                for (field, v) in [
                    (&mut i.status, status),
                    (&mut i.kendala, kendala),
                    (&mut i.tindak_lanjut, tindak_lanjut),
                ] {
                    if let Some(v) = v {
                        *field = v.clone();
                    }
                }
            }
            PlanChange::PutLine { unit, line } => {
                if line.pagu.0 < Decimal::ZERO {
                    return Err(PlanChangeError::BadValue(line.pagu.0.to_string()));
                }
                match plan.anggaran.iter_mut().find(|l| l.code == line.code) {
                    Some(old) if old.pagu != line.pagu => {
                        return Err(PlanChangeError::PaguChanged {
                            unit: unit.clone(),
                            line: line.code.clone(),
                        });
                    }
                    Some(old) => {
                        let revisions = std::mem::take(&mut old.revisions);
                        *old = line.clone();
                        old.revisions = revisions;
                    }
                    None => plan.anggaran.push(line.clone()),
                }
            }
            PlanChange::SetLineRealisasi {
                unit,
                line,
                month,
                value,
            } => {
                month_ok(*month)?;
                let l = find_line(plan, unit, line)?;
                match value {
                    Some(v) if v.0 < Decimal::ZERO => {
                        return Err(PlanChangeError::BadValue(v.0.to_string()));
                    }
                    Some(v) => {
                        l.realisasi.insert(*month, *v);
                    }
                    None => {
                        l.realisasi.remove(month);
                    }
                }
            }
            PlanChange::RevisePagu {
                unit,
                line,
                date,
                reference,
                reason,
                pagu,
            } => {
                if pagu.0 < Decimal::ZERO {
                    return Err(PlanChangeError::BadValue(pagu.0.to_string()));
                }
                find_line(plan, unit, line)?.revise(*date, reference, reason, pagu.0);
            }
        }
        plan.normalise();
        Ok(())
    }
}

fn find_line<'a>(
    plan: &'a mut UnitPlan,
    unit: &str,
    line: &str,
) -> Result<&'a mut BudgetLine, PlanChangeError> {
    plan.anggaran
        .iter_mut()
        .find(|l| l.code == line)
        .ok_or_else(|| PlanChangeError::UnknownLine {
            unit: unit.to_string(),
            line: line.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn percentages_round_half_away_from_zero_like_every_other_number() {
        // 1 of 800 is 0.125 %: 0.13, not the banker's 0.12
        let a = Absorption {
            pagu: d("800"),
            planned: d("1"),
            realisasi: d("1"),
        };
        assert_eq!(a.realised_pct(), Some(d("0.13")));
        assert_eq!(a.planned_pct(), Some(d("0.13")));
        let none = Absorption::default();
        assert_eq!(none.realised_pct(), None, "no pagu, no percentage");
        let is = |code: &str, realised: &str| Inisiatif {
            code: code.into(),
            name: String::new(),
            iku: vec![],
            pic: String::new(),
            output: String::new(),
            outcome: String::new(),
            start: 1,
            end: 12,
            planned: BTreeMap::from([(3, Dec(d("10")))]),
            realised: BTreeMap::from([(3, Dec(d(realised)))]),
            status: String::new(),
            kendala: String::new(),
            tindak_lanjut: String::new(),
        };
        let mut plan = UnitPlan::new("U");
        plan.inisiatif = vec![is("A", "0.01"), is("B", "0"), is("C", "0"), is("D", "0")];
        // (0.01 + 0 + 0 + 0) / 4 = 0.0025 → 0.00; (10 × 4) / 4 = 10
        assert_eq!(plan.is_progress(3), Some((d("10"), d("0.00"))));
        plan.inisiatif = vec![is("A", "0.05"), is("B", "0")];
        // 0.025 → 0.03
        assert_eq!(plan.is_progress(3).map(|p| p.1), Some(d("0.03")));
    }
}
