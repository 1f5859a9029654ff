//! The rule checks R01–R11 of `domain` §9 (plus `K3`: a fact the K3 breakdown needs is
//! missing), as findings. Severities and every number come from the rulebook.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::k3::{effective_series, iku_annual_target, k3_breakdown};
use super::model::{
    CascadeKind, CascadeMethod, Dataset, Iku, LocationConsolidation, Perspective, Polarity,
    Validity,
};
use super::period::{annual_target, consolidate_to, latest_realisasi_month};
use super::reason::{Arg, Code, Reason};
use super::rulebook::{K3Method, Rulebook, Severity, vc_key};

/// One finding of `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// `R01`..`R11`, or `K3`.
    pub id: &'static str,
    pub severity: Severity,
    pub unit: String,
    pub ss: Option<String>,
    pub iku: Option<String>,
    pub month: Option<u8>,
    /// Why, as data: `text::reason` renders it as a sentence naming the unit/SS/IKU and saying
    /// what to do.
    pub reason: Reason,
}

struct Out<'a> {
    rb: &'a Rulebook,
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn push(
        &mut self,
        id: &'static str,
        unit: &str,
        ss: Option<&str>,
        iku: Option<&str>,
        month: Option<u8>,
        reason: Reason,
    ) {
        self.findings.push(Finding {
            id,
            severity: self.rb.rules.severity(id).unwrap_or(Severity::Error),
            unit: unit.to_string(),
            ss: ss.map(str::to_string),
            iku: iku.map(str::to_string),
            month,
            reason,
        });
    }
}

/// Checks the whole dataset, or one unit's PK, against the rulebook. Findings are ordered by
/// unit code, then rule id (R01..R11, then K3), then the order the rule found them in (SS/IKU
/// code, month).
pub fn check(ds: &Dataset, rb: &Rulebook, unit: Option<&str>) -> Vec<Finding> {
    let mut out = Out {
        rb,
        findings: Vec::new(),
    };
    // One unit: no need to walk the whole dataset (the TUI checks unit by unit, lazily).
    let units: BTreeSet<&str> = match unit {
        Some(u) => BTreeSet::from([u]),
        None => ds
            .units
            .keys()
            .map(String::as_str)
            .chain(ds.ss.keys().map(|k| k.unit.as_str()))
            .chain(ds.iku.keys().map(|k| k.unit.as_str()))
            .collect(),
    };
    for u in units {
        r01(ds, rb, u, &mut out);
        r02(ds, rb, u, &mut out);
        r03(ds, u, &mut out);
        r04(ds, rb, u, &mut out);
        r05(ds, u, &mut out);
        r06(ds, u, &mut out);
        r07(ds, u, &mut out);
        r08(ds, rb, u, &mut out);
        r09(ds, u, &mut out);
        r11(ds, u, &mut out);
        k3_facts(ds, rb, u, &mut out);
        stored_values(ds, u, &mut out);
    }
    out.findings
        .sort_by(|a, b| (a.unit.as_str(), rank(a.id)).cmp(&(b.unit.as_str(), rank(b.id))));
    out.findings
}

/// [`check`], and the realisasi missing up to `period` (`COMPLETE`, §11: every number resting
/// on them is incomplete), unit by unit in the same order.
pub fn check_period(ds: &Dataset, rb: &Rulebook, unit: Option<&str>, period: u8) -> Vec<Finding> {
    let mut findings = check(ds, rb, unit);
    let mut out = Out {
        rb,
        findings: Vec::new(),
    };
    let units: Vec<&str> = match unit {
        Some(u) => vec![u],
        None => ds.units.keys().map(String::as_str).collect(),
    };
    let label = format!("{}-{period:02}", ds.year);
    for u in units {
        for iku in ds.iku_of_unit(u).filter(|i| !i.rolls_up()) {
            let rp = iku.reporting_period;
            for m in super::period::months_with_target(rp, &iku.targets, period) {
                if iku.realisasi[(m - 1) as usize].is_none() {
                    let msg = Reason::new(Code::MissingRealisasi)
                        .text("iku", &iku.code)
                        .text("unit", u)
                        .month("month", m)
                        .text("period", &label);
                    out.push("COMPLETE", u, Some(&iku.ss), Some(&iku.code), Some(m), msg);
                }
            }
        }
    }
    findings.extend(out.findings);
    findings.sort_by(|a, b| (a.unit.as_str(), rank(a.id)).cmp(&(b.unit.as_str(), rank(b.id))));
    findings
}

/// `VALUE`: a stored number beyond the bounds of `domain::bounds` (a store written by an older
/// version): it is shown, and every number resting on it is not computable.
fn stored_values(ds: &Dataset, unit: &str, out: &mut Out) {
    use super::bounds;
    let mut report = |ss: Option<&str>, iku: Option<&str>, month: Option<u8>, field: &str, v| {
        if let Err(e) = bounds::check(v) {
            let what = match (iku, month) {
                (Some(i), Some(m)) => Reason::new(Code::ValueOfIkuMonth)
                    .text("iku", i)
                    .month("month", m),
                (Some(i), None) => Reason::new(Code::ValueOfIku).text("iku", i),
                _ => Reason::new(Code::ValueOfUnit),
            }
            .text("unit", unit)
            .text("field", field);
            let msg = Reason::new(Code::StoredOutOfBounds)
                .reason("what", what)
                .reason("reason", bounds::reason(v, e));
            out.push("VALUE", unit, ss, iku, month, msg);
        }
    };
    if let Some(u) = ds.units.get(unit) {
        for (p, w) in &u.perspective_weights {
            report(None, None, None, p.as_str(), w.0);
        }
    }
    for key in ds.ss_of(unit) {
        if let Some(w) = ds.ss.get(key).and_then(|s| s.weight) {
            report(Some(&key.code), None, None, "weight", w);
        }
    }
    for i in ds.iku_of_unit(unit) {
        for v in bounds::iku_violations(i) {
            let field = match v.field {
                "targets" => "target",
                other => other,
            };
            report(Some(&i.ss), Some(&i.code), v.month, field, v.value);
        }
    }
}

/// Puts findings of several checks in the order of [`check`]: unit, then id (stable within).
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.unit.as_str(), rank(a.id)).cmp(&(b.unit.as_str(), rank(b.id))));
}

/// Order of the rule ids in a listing: R01..R11, then K3.
fn rank(id: &str) -> (u8, &str) {
    (u8::from(!id.starts_with('R')), id)
}

/// Checks an addendum of `unit`'s PK: R10 (no change to a target or realisasi of a month that
/// already had realisasi in `before`, no removal of an IKU with realisasi) and R01 on `after`.
pub fn check_addendum(
    before: &Dataset,
    after: &Dataset,
    rb: &Rulebook,
    unit: &str,
) -> Vec<Finding> {
    let mut out = Out {
        rb,
        findings: Vec::new(),
    };
    for b in before.iku_of_unit(unit) {
        let frozen = frozen_months(before, b);
        let Some(a) = after.iku.get(&b.key()) else {
            let months: Vec<u8> = (1..=12u8).filter(|m| frozen[(*m - 1) as usize]).collect();
            if !months.is_empty() {
                let msg = Reason::new(Code::FrozenRemoved)
                    .text("iku", &b.code)
                    .text("unit", unit)
                    .months("months", months);
                out.push("R10", unit, Some(&b.ss), Some(&b.code), None, msg);
            }
            continue;
        };
        for m in 1..=12u8 {
            let i = (m - 1) as usize;
            if !frozen[i] {
                continue;
            }
            for (field, old, new) in [
                ("target", b.targets[i], a.targets[i]),
                ("realisasi", b.realisasi[i], a.realisasi[i]),
            ] {
                if old != new {
                    let msg = Reason::new(Code::FrozenChanged)
                        .text("iku", &b.code)
                        .text("unit", unit)
                        .text("field", field)
                        .month("month", m)
                        .with("old", Arg::Value(old))
                        .with("new", Arg::Value(new));
                    out.push("R10", unit, Some(&a.ss), Some(&a.code), Some(m), msg);
                }
            }
        }
    }
    r01(after, rb, unit, &mut out);
    out.findings
}

/// The findings an addendum of `unit` would create: [`check`] of `after` minus [`check`] of
/// `before` (a finding whose numbers change counts as new), over the units the addendum can
/// affect — the unit, its ancestors (a roll-up, R11 on the source) and the units holding an IKU
/// cascaded from one of its IKU (R11 on a full cascade). Shown before the addendum is
/// submitted (CLI `addendum`, the TUI's question), so that no rule finds something the user was
/// not told about.
pub fn findings_created(
    before: &Dataset,
    after: &Dataset,
    rb: &Rulebook,
    unit: &str,
) -> Vec<Finding> {
    let mut units: BTreeSet<String> = BTreeSet::from([unit.to_string()]);
    let mut up = after.units.get(unit).and_then(|u| u.parent.clone());
    while let Some(p) = up {
        if !units.insert(p.clone()) {
            break;
        }
        up = after.units.get(&p).and_then(|u| u.parent.clone());
    }
    for ds in [before, after] {
        for i in ds.iku_of_unit(unit) {
            units.extend(ds.ikus_cascaded_from(&i.key()).map(|c| c.unit.clone()));
        }
    }
    let mut out = Vec::new();
    for u in &units {
        let old = check(before, rb, Some(u));
        out.extend(
            check(after, rb, Some(u))
                .into_iter()
                .filter(|f| !old.contains(f)),
        );
    }
    out
}

/// The months (index 0 = January) whose values an addendum may not change: those that already
/// have realisasi (the IKU's own, or rolled up from its children, §6).
pub fn frozen_months(ds: &Dataset, iku: &Iku) -> [bool; 12] {
    let (_, derived) = effective_series(ds, iku);
    std::array::from_fn(|i| iku.realisasi[i].is_some() || derived[i].is_some())
}

/// R01: IKU count of a unit within the limits of its level. Levels without limits are skipped,
/// and so is a unit without any SS or IKU (its PK is not in this dataset).
fn r01(ds: &Dataset, rb: &Rulebook, unit: &str, out: &mut Out) {
    let Some(level) = ds.units.get(unit).map(|u| u.level) else {
        return;
    };
    let Some((min, max)) = rb.iku_limits(level) else {
        return;
    };
    let n = ds.iku_of_unit(unit).count();
    if n == 0 && ds.ss_of(unit).is_empty() {
        return;
    }
    if (n as u64) < u64::from(min) || (n as u64) > u64::from(max) {
        let msg = Reason::new(Code::IkuCount)
            .text("unit", unit)
            .with("level", Arg::Level(level))
            .int("n", n as i64)
            .int("min", min)
            .int("max", max);
        out.push("R01", unit, None, None, None, msg);
    }
}

/// R02: a direct cascade reaches at most `direct_cascade_max_levels` below the unit where the
/// chain of direct cascades starts.
fn r02(ds: &Dataset, rb: &Rulebook, unit: &str, out: &mut Out) {
    let max = rb.rules.direct_cascade_max_levels as usize;
    for iku in ds.iku_of_unit(unit) {
        let Some(c) = iku
            .cascade
            .as_ref()
            .filter(|c| c.method == CascadeMethod::Direct)
        else {
            continue;
        };
        // Follow the chain of direct cascades up to its origin.
        // A cycle (R07's finding) ends the walk where it comes back.
        let mut origin = c.from.clone();
        let mut seen = HashSet::from([iku.key()]);
        while let Some(up) = ds
            .iku
            .get(&origin)
            .and_then(|s| s.cascade.as_ref())
            .filter(|c| c.method == CascadeMethod::Direct)
        {
            if !seen.insert(origin.clone()) {
                break;
            }
            origin = up.from.clone();
        }
        if !ds.units.contains_key(&origin.unit) || !ds.ancestors(unit).contains(&origin.unit) {
            continue; // R07's finding
        }
        let levels = ds.depth(unit).saturating_sub(ds.depth(&origin.unit));
        if levels > max {
            let msg = Reason::new(Code::DirectCascadeTooDeep)
                .text("iku", &iku.code)
                .text("unit", unit)
                .text("source", &origin)
                .int("n", levels as i64)
                .int("max", max as i64);
            out.push("R02", unit, Some(&iku.ss), Some(&iku.code), None, msg);
        }
    }
}

/// R03: an SS holding a direct-cascaded IKU also holds a non-cascaded IKU.
fn r03(ds: &Dataset, unit: &str, out: &mut Out) {
    for ss in ds.ss_of(unit) {
        let ikus: Vec<&Iku> = ds.ikus_in_ss(ss).collect();
        let direct: Vec<String> = ikus
            .iter()
            .filter(|i| {
                i.cascade
                    .as_ref()
                    .is_some_and(|c| c.method == CascadeMethod::Direct)
            })
            .map(|i| i.code.clone())
            .collect();
        if !direct.is_empty() && ikus.iter().all(|i| i.is_cascaded()) {
            let msg = Reason::new(Code::NoOwnIku)
                .text("ss", &ss.code)
                .text("unit", unit)
                .list("ikus", direct);
            out.push("R03", unit, Some(&ss.code), None, None, msg);
        }
    }
}

/// R04: validity × control is one the rulebook's K3 table knows (kmk-300-2022 and kmk-127-2026
/// both leave out exact-high and activity-low).
fn r04(ds: &Dataset, rb: &Rulebook, unit: &str, out: &mut Out) {
    let valid: Option<BTreeSet<&String>> = match rb.k3.method {
        K3Method::Points => rb.k3.points.as_ref().map(|p| p.cascaded.keys().collect()),
        K3Method::Multiplier => rb.k3.multiplier.as_ref().map(|m| m.iku.keys().collect()),
    };
    let Some(valid) = valid else { return };
    for iku in ds.iku_of_unit(unit) {
        let vc = vc_key(iku.validity, iku.control);
        if !valid.contains(&vc) {
            let msg = Reason::new(Code::InvalidCell)
                .text("iku", &iku.code)
                .text("unit", unit)
                .with("vc", Arg::Cell(iku.validity, iku.control));
            out.push("R04", unit, Some(&iku.ss), Some(&iku.code), None, msg);
        }
    }
}

/// R05: every SS has an IKU, and not only activity IKU.
fn r05(ds: &Dataset, unit: &str, out: &mut Out) {
    for ss in ds.ss_of(unit) {
        let ikus: Vec<&Iku> = ds.ikus_in_ss(ss).collect();
        if ikus.is_empty() {
            out.push(
                "R05",
                unit,
                Some(&ss.code),
                None,
                None,
                Reason::new(Code::SsWithoutIku)
                    .text("ss", &ss.code)
                    .text("unit", unit),
            );
        } else if ikus.iter().all(|i| i.validity == Validity::Activity) {
            let msg = Reason::new(Code::SsActivityOnly)
                .text("ss", &ss.code)
                .text("unit", unit);
            out.push("R05", unit, Some(&ss.code), None, None, msg);
        }
    }
}

/// R06: a complete trajectory (a target in every reporting month, none elsewhere) of usable
/// targets (a consolidated target of 0 leaves the capaian not computable, §4). A roll-up IKU's
/// targets are derived, so its trajectory is not asked for.
fn r06(ds: &Dataset, unit: &str, out: &mut Out) {
    for iku in ds.iku_of_unit(unit) {
        let rp = iku.reporting_period;
        let ss = Some(iku.ss.as_str());
        let code = Some(iku.code.as_str());
        if !iku.rolls_up() {
            let missing: Vec<u8> = rp
                .months()
                .iter()
                .copied()
                .filter(|&m| iku.targets[(m - 1) as usize].is_none())
                .collect();
            if missing.len() == rp.months().len() {
                let msg = Reason::new(Code::NoTarget)
                    .text("iku", &iku.code)
                    .text("unit", unit)
                    .months("months", missing);
                out.push("R06", unit, ss, code, None, msg);
            } else {
                for m in missing {
                    let msg = Reason::new(Code::MissingTarget)
                        .text("iku", &iku.code)
                        .text("unit", unit)
                        .month("month", m);
                    out.push("R06", unit, ss, code, Some(m), msg);
                }
            }
        }
        for m in (1..=12u8)
            .filter(|&m| !rp.is_reporting_month(m) && iku.targets[(m - 1) as usize].is_some())
        {
            let msg = Reason::new(Code::TargetOutsideReporting)
                .text("iku", &iku.code)
                .text("unit", unit)
                .month("month", m)
                .with("period", Arg::Period(rp));
            out.push("R06", unit, ss, code, Some(m), msg);
        }
        let zero_not_computable = match iku.polarity {
            Polarity::Maximize | Polarity::Stabilize => true,
            Polarity::Minimize => iku.worst_realisasi.is_none(),
        };
        if zero_not_computable {
            let (targets, realisasi) = effective_series(ds, iku);
            let first_zero = rp
                .months()
                .iter()
                .copied()
                .filter(|&m| targets[(m - 1) as usize].is_some())
                .find(|&m| {
                    consolidate_to(iku.period_consolidation, rp, &targets, &realisasi, m)
                        .is_some_and(|c| c.target.is_zero())
                });
            if let Some(m) = first_zero {
                let msg = Reason::new(Code::ZeroTarget)
                    .text("iku", &iku.code)
                    .text("unit", unit)
                    .month("month", m)
                    .with("polarity", Arg::Polarity(iku.polarity));
                out.push("R06", unit, ss, code, Some(m), msg);
            }
        }
    }
}

/// R07: realisasi only in reporting months; cascade sources (IKU and SS) exist in an ancestor
/// unit. (Code uniqueness is guaranteed by the dataset's maps.)
fn r07(ds: &Dataset, unit: &str, out: &mut Out) {
    let ancestors = ds.ancestors(unit);
    for ss_key in ds.ss_of(unit) {
        let Some(ss) = ds.ss.get(ss_key) else {
            continue;
        };
        let Some(from) = &ss.cascaded_from else {
            continue;
        };
        let src = from.to_string();
        if !ds.ss.contains_key(from) {
            let msg = Reason::new(Code::SsSourceMissing)
                .text("ss", &ss.code)
                .text("unit", unit)
                .text("source", &src);
            out.push("R07", unit, Some(&ss.code), None, None, msg);
        } else if !ancestors.contains(&from.unit) {
            let msg = Reason::new(Code::SsSourceNotAncestor)
                .text("ss", &ss.code)
                .text("unit", unit)
                .text("source", &src)
                .text("source_unit", &from.unit);
            out.push("R07", unit, Some(&ss.code), None, None, msg);
        }
    }
    for iku in ds.iku_of_unit(unit) {
        let ss = Some(iku.ss.as_str());
        let code = Some(iku.code.as_str());
        let rp = iku.reporting_period;
        for m in (1..=12u8)
            .filter(|&m| !rp.is_reporting_month(m) && iku.realisasi[(m - 1) as usize].is_some())
        {
            let msg = Reason::new(Code::RealisasiOutsideReporting)
                .text("iku", &iku.code)
                .text("unit", unit)
                .month("month", m)
                .with("period", Arg::Period(rp));
            out.push("R07", unit, ss, code, Some(m), msg);
        }
        let Some(c) = &iku.cascade else { continue };
        let src = c.from.to_string();
        if !ds.iku.contains_key(&c.from) {
            let msg = Reason::new(Code::IkuSourceMissing)
                .text("iku", &iku.code)
                .text("unit", unit)
                .text("source", &src);
            out.push("R07", unit, ss, code, None, msg);
        } else if !ancestors.contains(&c.from.unit) {
            let msg = Reason::new(Code::IkuSourceNotAncestor)
                .text("iku", &iku.code)
                .text("unit", unit)
                .text("source", &src)
                .text("source_unit", &c.from.unit);
            out.push("R07", unit, ss, code, None, msg);
        }
    }
}

/// A weight group that has any weight must have every member weighted, adding up to the total.
/// Returns (sum of given weights, members without a weight) when it does not.
fn weight_problem(
    members: &[(&str, Option<Decimal>)],
    total: Decimal,
) -> Option<(Decimal, Vec<String>)> {
    if members.iter().all(|(_, w)| w.is_none()) {
        return None;
    }
    let sum: Decimal = members.iter().filter_map(|(_, w)| *w).sum();
    let missing: Vec<String> = members
        .iter()
        .filter(|(_, w)| w.is_none())
        .map(|(c, _)| c.to_string())
        .collect();
    (sum != total || !missing.is_empty()).then_some((sum, missing))
}

/// R08: given weights of a group add up to the total: IKU weights within an SS, SS weights
/// within a perspective of the unit, and the unit's own perspective weights when the PK sets
/// them.
fn r08(ds: &Dataset, rb: &Rulebook, unit: &str, out: &mut Out) {
    let total = rb.rules.weights_total.0;
    // The members without a weight, as the tail of the sentence (none: no tail).
    let missing_part = |m: Vec<String>| {
        let parts = if m.is_empty() {
            vec![]
        } else {
            vec![Reason::new(Code::WithoutWeight).list("codes", m)]
        };
        Arg::Reasons(parts)
    };
    let mut by_perspective: BTreeMap<Perspective, Vec<(&str, Option<Decimal>)>> = BTreeMap::new();
    for ss_key in ds.ss_of(unit) {
        let Some(ss) = ds.ss.get(ss_key) else {
            continue;
        };
        by_perspective
            .entry(ss.perspective)
            .or_default()
            .push((&ss.code, ss.weight));
        let members: Vec<(&str, Option<Decimal>)> = ds
            .ikus_in_ss(ss_key)
            .map(|i| (i.code.as_str(), i.weight))
            .collect();
        if let Some((sum, missing)) = weight_problem(&members, total) {
            let msg = Reason::new(Code::IkuWeights)
                .text("ss", &ss.code)
                .text("unit", unit)
                .num("sum", sum, 0, 4)
                .num("total", total, 0, 4)
                .with("missing", missing_part(missing));
            out.push("R08", unit, Some(&ss.code), None, None, msg);
        }
    }
    for (p, members) in &by_perspective {
        if let Some((sum, missing)) = weight_problem(members, total) {
            let msg = Reason::new(Code::SsWeights)
                .text("perspective", p)
                .text("unit", unit)
                .num("sum", sum, 0, 4)
                .num("total", total, 0, 4)
                .with("missing", missing_part(missing));
            out.push("R08", unit, None, None, None, msg);
        }
    }
    if let Some(u) = ds
        .units
        .get(unit)
        .filter(|u| !u.perspective_weights.is_empty())
    {
        let sum: Decimal = u.perspective_weights.values().map(|d| d.0).sum();
        if sum != total {
            let msg = Reason::new(Code::PerspectiveWeights)
                .text("unit", unit)
                .num("sum", sum, 0, 4)
                .num("total", total, 0, 4);
            out.push("R08", unit, None, None, None, msg);
        }
    }
}

/// R09, addendum wajib: the realisasi consolidated up to the IKU's latest reported month already
/// reaches the consolidated target up to its next reporting month that has a target (≥ for
/// maximize, ≤ for minimize). Stabilize IKU are skipped, and so are `konversi_120` IKU: their
/// target is already the highest possible, so no addendum can raise it.
fn r09(ds: &Dataset, unit: &str, out: &mut Out) {
    for iku in ds.iku_of_unit(unit) {
        if iku.polarity == Polarity::Stabilize || iku.konversi_120 {
            continue;
        }
        let rp = iku.reporting_period;
        let (targets, realisasi) = effective_series(ds, iku);
        let Some(latest) = latest_realisasi_month(rp, &realisasi) else {
            continue;
        };
        let Some(next) = rp
            .months()
            .iter()
            .copied()
            .find(|&m| m > latest && targets[(m - 1) as usize].is_some())
        else {
            continue;
        };
        let method = iku.period_consolidation;
        let Some(now) = consolidate_to(method, rp, &targets, &realisasi, latest) else {
            continue;
        };
        let Some(r) = now.realisasi else { continue };
        let Some(then) = consolidate_to(method, rp, &targets, &realisasi, next) else {
            continue;
        };
        let reached = match iku.polarity {
            // A minimize target of 0 met with 0 is the best there is: nothing to lower.
            Polarity::Minimize => r <= then.target && !(then.target.is_zero() && r.is_zero()),
            _ => r >= then.target,
        };
        if reached {
            let code = match iku.polarity {
                Polarity::Minimize => Code::AddendumDueMinimize,
                _ => Code::AddendumDue,
            };
            let msg = Reason::new(code)
                .text("iku", &iku.code)
                .text("unit", unit)
                .month("month", latest)
                .num("r", r, 0, 4)
                .month("next", next)
                .num("t", then.target, 0, 4);
            out.push(
                "R09",
                unit,
                Some(&iku.ss),
                Some(&iku.code),
                Some(latest),
                msg,
            );
        }
    }
}

/// R11 (warning): targets of cascaded IKU agree with the source. Partial cascade into a source
/// that rolls up by sum: the children's annual targets add up to the source's own annual target
/// (reported on the source). Full cascade: the child's annual target equals the source's.
fn r11(ds: &Dataset, unit: &str, out: &mut Out) {
    for iku in ds.iku_of_unit(unit) {
        // The source side: partial children of a sum roll-up.
        if iku.rolls_up() && iku.location_consolidation == LocationConsolidation::Sum {
            let own = annual_target(iku.period_consolidation, iku.reporting_period, &iku.targets);
            let children: Vec<&Iku> = ds
                .ikus_cascaded_from(&iku.key())
                .filter(|c| {
                    c.cascade
                        .as_ref()
                        .is_some_and(|c| c.kind == CascadeKind::Partial)
                })
                .filter(|c| ds.units.get(&c.unit).and_then(|u| u.parent.as_deref()) == Some(unit))
                .collect();
            let child_targets: Option<Vec<Decimal>> =
                children.iter().map(|c| iku_annual_target(ds, c)).collect();
            if let (Some(own), Some(ct)) = (own, child_targets)
                && let Some(sum) = super::period::checked_sum(&ct)
                && !children.is_empty()
                && sum != own
            {
                // The roll-up's own targets cannot change (the edit rule refuses them: its
                // values are its children's), so the advice names the child targets to align,
                // each with its annual target, and by how much their sum is off.
                let codes: Vec<String> = children.iter().map(|c| c.key().to_string()).collect();
                let targets: Vec<Reason> = children
                    .iter()
                    .zip(&ct)
                    .map(|(c, t)| {
                        Reason::new(Code::ChildTarget)
                            .text("iku", c.key())
                            .num("t", *t, 0, 4)
                    })
                    .collect();
                let mut msg = Reason::new(Code::PartialCascadeSum)
                    .text("iku", &iku.code)
                    .text("unit", unit)
                    .list("children", codes)
                    .with("targets", super::reason::Arg::Reasons(targets))
                    .num("sum", sum, 0, 4)
                    .num("t", own, 0, 4);
                if let Some(diff) = own.checked_sub(sum) {
                    msg = msg.num("diff", diff, 0, 4);
                }
                out.push("R11", unit, Some(&iku.ss), Some(&iku.code), None, msg);
            }
        }
        // The child side: a full cascade.
        let Some(c) = iku.cascade.as_ref().filter(|c| c.kind == CascadeKind::Full) else {
            continue;
        };
        let Some(source) = ds.iku.get(&c.from) else {
            continue;
        };
        if let (Some(tc), Some(ts)) = (iku_annual_target(ds, iku), iku_annual_target(ds, source))
            && tc != ts
        {
            let msg = Reason::new(Code::FullCascadeTarget)
                .text("iku", &iku.code)
                .text("unit", unit)
                .num("t", tc, 0, 4)
                .text("source", &c.from)
                .num("ts", ts, 0, 4);
            out.push("R11", unit, Some(&iku.ss), Some(&iku.code), None, msg);
        }
    }
}

/// `K3`: the warnings of the unit's K3 breakdown (a missing reference value, special points).
fn k3_facts(ds: &Dataset, rb: &Rulebook, unit: &str, out: &mut Out) {
    let b = k3_breakdown(ds, rb, unit, None);
    for k in b.iku {
        if let Some(w) = k.warning {
            let ss = ds
                .iku
                .get(&super::model::CodeRef::new(unit, &k.code))
                .map(|i| i.ss.clone());
            out.push("K3", unit, ss.as_deref(), Some(&k.code), None, w);
        }
    }
}

/// The findings of the month-end round (DOMAIN.md §11) at `today`, for the whole dataset or one
/// unit, ordered like [`check`] (unit, then id):
///
/// - `TENGGAT` (rulebook `[round] overdue`): a reporting month of the unit whose entry,
///   validation or closing deadline ([`super::round::due`]) has passed — codes
///   `overdue_entry`, `overdue_validation`, `overdue_closing`.
/// - `ANALISIS` (`analysis_missing`): an IKU whose capaian up to a reporting month with
///   realisasi is below 100 and that has no analysis for that month — code `no_analysis`.
/// - `LAMPIRAN` (`evidence_missing`): a reporting month with the IKU's own realisasi and no
///   evidence file — code `no_evidence` (a roll-up IKU's evidence is its children's).
///
/// A unit's reporting months are the union of its IKU's reporting months.
pub fn check_round(
    ds: &Dataset,
    rb: &Rulebook,
    unit: Option<&str>,
    today: chrono::NaiveDate,
) -> Vec<Finding> {
    let units: Vec<&str> = match unit {
        Some(u) => vec![u],
        None => ds.units.keys().map(String::as_str).collect(),
    };
    let mut out = Vec::new();
    for u in units {
        round_findings(ds, rb, u, today, None, &mut out);
    }
    out.sort_by(|a, b| (a.unit.as_str(), rank(a.id)).cmp(&(b.unit.as_str(), rank(b.id))));
    out
}

/// The findings of the round for one month of a unit that are errors under the rulebook: what
/// keeps it from being submitted (a rulebook of the user's may make a missing analysis or
/// evidence an error; the built-in ones make them warnings). Deadlines never block.
pub fn submission_blockers(ds: &Dataset, rb: &Rulebook, unit: &str, month: u8) -> Vec<Finding> {
    let mut out = Vec::new();
    // `today` only matters for the deadlines, which are left out here
    round_findings(ds, rb, unit, chrono::NaiveDate::MIN, Some(month), &mut out);
    out.retain(|f| f.id != "TENGGAT" && f.severity == Severity::Error);
    out
}

fn round_findings(
    ds: &Dataset,
    rb: &Rulebook,
    unit: &str,
    today: chrono::NaiveDate,
    only: Option<u8>,
    out: &mut Vec<Finding>,
) {
    use super::round::{Stage, due};
    let r = &rb.round;
    let round = ds.round.get(unit);
    let mut finding = |id: &'static str,
                       severity: Severity,
                       ss: Option<&str>,
                       iku: Option<&str>,
                       month: u8,
                       reason: Reason| {
        out.push(Finding {
            id,
            severity,
            unit: unit.to_string(),
            ss: ss.map(str::to_string),
            iku: iku.map(str::to_string),
            month: Some(month),
            reason,
        });
    };
    let wanted = |m: u8| only.is_none_or(|o| o == m);
    let mut reporting = [false; 12];
    for iku in ds.iku_of_unit(unit) {
        let rp = iku.reporting_period;
        for m in (1..=12u8).filter(|m| rp.is_reporting_month(*m)) {
            reporting[usize::from(m - 1)] = true;
        }
        let scores = super::score::score_iku_by_month(ds, rb, iku);
        let (_, real) = super::score::effective_months(ds, iku);
        for m in (1..=12u8).filter(|m| rp.is_reporting_month(*m) && wanted(*m)) {
            let i = usize::from(m - 1);
            let has_analysis = round.is_some_and(|x| x.analysis(&iku.code, m).is_some());
            if real[i].is_some()
                && !has_analysis
                && let Some(c) = scores[i].capaian.filter(|c| *c < Decimal::ONE_HUNDRED)
            {
                let why = Reason::new(Code::NoAnalysis)
                    .text("unit", unit)
                    .text("iku", &iku.code)
                    .month("month", m)
                    .num("capaian", c, 2, 2);
                finding(
                    "ANALISIS",
                    r.analysis_missing,
                    Some(&iku.ss),
                    Some(&iku.code),
                    m,
                    why,
                );
            }
            let has_evidence = round.is_some_and(|x| !x.evidence(&iku.code, m).is_empty());
            if !iku.rolls_up() && iku.realisasi[i].is_some() && !has_evidence {
                let why = Reason::new(Code::NoEvidence)
                    .text("unit", unit)
                    .text("iku", &iku.code)
                    .month("month", m);
                finding(
                    "LAMPIRAN",
                    r.evidence_missing,
                    Some(&iku.ss),
                    Some(&iku.code),
                    m,
                    why,
                );
            }
        }
    }
    if only.is_some() {
        return;
    }
    let deadlines = r.deadlines();
    for m in (1..=12u8).filter(|m| reporting[usize::from(m - 1)]) {
        let state = round.map(|x| x.state(m)).unwrap_or_default();
        let Some(d) = due(&deadlines, ds.year, unit, m, state, today).filter(|d| d.overdue())
        else {
            continue;
        };
        let code = match d.stage {
            Stage::Entry => Code::OverdueEntry,
            Stage::Validation => Code::OverdueValidation,
            Stage::Closing => Code::OverdueClosing,
        };
        let why = Reason::new(code)
            .text("unit", unit)
            .month("month", m)
            .text("state", state)
            .text("deadline", d.deadline)
            .int("days", -d.days_left);
        finding("TENGGAT", r.overdue, None, None, m, why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Cascade, CodeRef, Consolidation, Control, Dec, Level, ReportingPeriod, Ss, Unit,
    };

    /// The finding's sentence in English (rendered here, as the edge would: the domain only
    /// gives the reason).
    fn en(f: &Finding) -> String {
        crate::text::reason::render_in(crate::text::Lang::En, &f.reason)
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A unit with one monthly IKU (target 10 a month), realisasi 9 in January and 10 in
    /// February, nothing attached.
    fn round_ds() -> Dataset {
        let unit = Unit {
            code: "U".into(),
            name: "U".into(),
            level: Level::Three,
            parent: None,
            perspective_weights: Default::default(),
        };
        let ss = Ss {
            unit: "U".into(),
            code: "S".into(),
            perspective: crate::domain::model::Perspective::Stakeholder,
            name: "s".into(),
            weight: None,
            cascaded_from: None,
        };
        let mut iku = Iku::new(
            "U",
            "I",
            "S",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        iku.targets = [Some(d("10")); 12];
        iku.realisasi[0] = Some(d("9"));
        iku.realisasi[1] = Some(d("10"));
        Dataset::from_parts(2025, "kmk-300-2022", [unit], [ss], [iku], vec![])
    }

    #[test]
    fn the_round_finds_overdue_months_missing_analyses_and_evidence_with_the_rulebook_severity() {
        let ds = round_ds();
        let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap();
        let f = check_round(&ds, &rb(), None, today);
        let got: Vec<(&str, Code, Option<u8>)> =
            f.iter().map(|f| (f.id, f.reason.code, f.month)).collect();
        assert_eq!(
            got,
            [
                // January 90 %, up to February 95 %
                ("ANALISIS", Code::NoAnalysis, Some(1)),
                ("ANALISIS", Code::NoAnalysis, Some(2)),
                ("LAMPIRAN", Code::NoEvidence, Some(1)),
                ("LAMPIRAN", Code::NoEvidence, Some(2)),
                // January's entry was due 14 February, February's 14 March; March not ended
                ("TENGGAT", Code::OverdueEntry, Some(1)),
                ("TENGGAT", Code::OverdueEntry, Some(2)),
            ]
        );
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(f[5].reason.arg("days"), Some(&Arg::Int(6)));
        // warnings never block a submission; a rulebook that makes evidence an error does
        assert!(submission_blockers(&ds, &rb(), "U", 1).is_empty());
        let mut strict = rb();
        strict.round.evidence_missing = Severity::Error;
        let b = submission_blockers(&ds, &strict, "U", 1);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].id, b[0].month), ("LAMPIRAN", Some(1)));
        assert!(
            submission_blockers(&ds, &strict, "U", 3).is_empty(),
            "no realisasi in March"
        );
        // an analysis and a file answer them
        let mut ds = ds;
        let key = CodeRef::new("U", "I");
        ds.apply(&[
            crate::domain::change::Change::SetAnalysis {
                iku: key.clone(),
                month: 1,
                analysis: Some(crate::domain::round::Analysis {
                    isu: "x".into(),
                    ..Default::default()
                }),
            },
            crate::domain::change::Change::AddEvidence {
                iku: key,
                month: 1,
                evidence: crate::domain::round::EvidenceRef {
                    name: "ba.pdf".into(),
                    sha256: "0".repeat(64),
                    size: 1,
                },
            },
        ])
        .unwrap();
        let f = check_round(&ds, &rb(), Some("U"), today);
        assert!(
            f.iter().all(|f| f.month != Some(1) || f.id == "TENGGAT"),
            "{f:?}"
        );
        assert!(submission_blockers(&ds, &strict, "U", 1).is_empty());
    }

    #[test]
    fn outstanding_months_come_overdue_first_then_by_deadline() {
        use crate::domain::round::{MonthRecord, MonthState, Stage, outstanding};
        let mut ds = round_ds();
        let mut r = crate::domain::round::UnitRound::new("U");
        r.set_month(
            2,
            MonthRecord {
                state: MonthState::Diajukan,
                reason: String::new(),
            },
        );
        r.set_month(
            1,
            MonthRecord {
                state: MonthState::Ditetapkan,
                reason: String::new(),
            },
        );
        ds.round.insert("U".into(), r);
        let today = chrono::NaiveDate::from_ymd_opt(2025, 4, 10).unwrap();
        let l = outstanding(&ds, &rb().round.deadlines(), &["U".to_string()], today);
        let got: Vec<(u8, Stage, i64)> =
            l.iter().map(|d| (d.month, d.stage, d.days_left)).collect();
        // January closed: nothing; February waits for validation (due 23 March); March's entry
        // is due 14 April
        assert_eq!(got, [(2, Stage::Validation, -18), (3, Stage::Entry, 4)]);
    }

    fn rb() -> Rulebook {
        Rulebook::builtin("kmk-300-2022").unwrap()
    }

    fn unit(code: &str, level: Level, parent: Option<&str>) -> Unit {
        Unit {
            code: code.into(),
            name: code.into(),
            level,
            parent: parent.map(Into::into),
            perspective_weights: Default::default(),
        }
    }

    fn ss(unit: &str, code: &str, p: Perspective) -> Ss {
        Ss {
            unit: unit.into(),
            code: code.into(),
            perspective: p,
            name: code.into(),
            weight: None,
            cascaded_from: None,
        }
    }

    /// A clean quarterly maximize IKU: targets 25 a quarter (100 a year), last year's target 100.
    fn iku(unit: &str, ss: &str, code: &str) -> Iku {
        let mut i = Iku::new(
            unit,
            code,
            ss,
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Quarterly,
        );
        for m in [3, 6, 9, 12] {
            i.targets[m - 1] = Some(d("25"));
        }
        i.target_prev = Some(d("100"));
        i
    }

    fn cascade(i: &mut Iku, unit: &str, code: &str, method: CascadeMethod, kind: CascadeKind) {
        i.cascade = Some(Cascade {
            from: CodeRef::new(unit, code),
            method,
            kind,
        });
    }

    /// K (wide) → U1 (one) → U2 (two) → U3 and V3 (three). U3 has a clean PK: SS S1 with ten
    /// IKU I01..I10; the other units have no PK.
    struct Fx {
        units: Vec<Unit>,
        ss: Vec<Ss>,
        iku: Vec<Iku>,
    }

    impl Fx {
        fn new() -> Fx {
            let units = vec![
                unit("K", Level::Wide, None),
                unit("U1", Level::One, Some("K")),
                unit("U2", Level::Two, Some("U1")),
                unit("U3", Level::Three, Some("U2")),
                unit("V3", Level::Three, Some("U2")),
            ];
            let ss = vec![ss("U3", "S1", Perspective::Stakeholder)];
            let iku = (1..=10)
                .map(|n| iku("U3", "S1", &format!("I{n:02}")))
                .collect();
            Fx { units, ss, iku }
        }
        fn ds(&self) -> Dataset {
            Dataset::from_parts(
                2025,
                "kmk-300-2022",
                self.units.clone(),
                self.ss.clone(),
                self.iku.clone(),
                vec![],
            )
        }
        fn iku_mut(&mut self, code: &str) -> &mut Iku {
            self.iku.iter_mut().find(|i| i.code == code).unwrap()
        }
        fn check(&self) -> Vec<Finding> {
            check(&self.ds(), &rb(), None)
        }
        /// Findings of one rule.
        fn of(&self, id: &str) -> Vec<Finding> {
            self.check().into_iter().filter(|f| f.id == id).collect()
        }
    }

    #[test]
    fn the_clean_fixture_has_no_finding() {
        assert_eq!(Fx::new().check(), vec![]);
    }

    #[test]
    fn r01_iku_count_within_the_level_limits_both_sides() {
        let mut fx = Fx::new();
        fx.iku.pop(); // 9 < 10
        let f = fx.of("R01");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].unit.as_str(), f[0].severity), ("U3", Severity::Error));
        assert!(en(&f[0]).contains("U3") && en(&f[0]).contains('9'));
        let mut fx = Fx::new();
        for n in 11..=20 {
            fx.iku.push(iku("U3", "S1", &format!("I{n:02}")));
        }
        assert!(fx.of("R01").is_empty(), "20 is within");
        fx.iku.push(iku("U3", "S1", "I21"));
        assert_eq!(fx.of("R01").len(), 1, "21 is above");
        // the wide level has no limits; a unit without PK is not judged
        let mut fx = Fx::new();
        fx.ss.push(ss("K", "KS", Perspective::Stakeholder));
        fx.iku.push(iku("K", "KS", "KI"));
        assert!(fx.of("R01").is_empty());
    }

    #[test]
    fn r02_direct_cascade_at_most_two_levels_below() {
        let mut fx = Fx::new();
        fx.ss.push(ss("K", "KS", Perspective::Stakeholder));
        fx.iku.push(iku("K", "KS", "KI"));
        fx.ss.push(ss("U1", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("U1", "S1", "A"));
        cascade(
            fx.iku_mut("I01"),
            "U1",
            "A",
            CascadeMethod::Direct,
            CascadeKind::Partial,
        );
        assert!(fx.of("R02").is_empty(), "two levels below U1");
        cascade(
            fx.iku_mut("I01"),
            "K",
            "KI",
            CascadeMethod::Direct,
            CascadeKind::Partial,
        );
        let f = fx.of("R02");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].iku.as_deref(), Some("I01"));
        // indirect is not limited
        cascade(
            fx.iku_mut("I01"),
            "K",
            "KI",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        assert!(fx.of("R02").is_empty());
        // a chain of direct cascades counts from its origin: K/KI → U1/A → U3/I01
        cascade(
            fx.iku_mut("A"),
            "K",
            "KI",
            CascadeMethod::Direct,
            CascadeKind::Partial,
        );
        cascade(
            fx.iku_mut("I01"),
            "U1",
            "A",
            CascadeMethod::Direct,
            CascadeKind::Partial,
        );
        let f = fx.of("R02");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].unit, "U3");
    }

    #[test]
    fn r03_direct_cascaded_iku_needs_an_own_iku_in_its_ss() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U2", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("U2", "S1", "A"));
        fx.ss.push(ss("U3", "S2", Perspective::Stakeholder));
        let mut c = iku("U3", "S2", "C");
        cascade(
            &mut c,
            "U2",
            "A",
            CascadeMethod::Direct,
            CascadeKind::Partial,
        );
        fx.iku.push(c);
        let f = fx.of("R03");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].ss.as_deref(), f[0].iku.as_deref()),
            (Some("S2"), None)
        );
        fx.iku.push(iku("U3", "S2", "D"));
        assert!(fx.of("R03").is_empty());
        // an SS of indirect cascades only is fine
        fx.iku.retain(|i| i.code != "D");
        cascade(
            fx.iku_mut("C"),
            "U2",
            "A",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        assert!(fx.of("R03").is_empty());
    }

    #[test]
    fn r04_exact_high_and_activity_low_are_invalid() {
        for (v, c, bad) in [
            (Validity::Exact, Control::High, true),
            (Validity::Activity, Control::Low, true),
            (Validity::Exact, Control::Moderate, false),
            (Validity::Activity, Control::High, false),
        ] {
            let mut fx = Fx::new();
            fx.iku_mut("I03").validity = v;
            fx.iku_mut("I03").control = c;
            let f = fx.of("R04");
            assert_eq!(f.len(), usize::from(bad), "{v}-{c}");
            if bad {
                assert_eq!(f[0].iku.as_deref(), Some("I03"));
                assert_eq!(f[0].reason.code, Code::InvalidCell);
                assert_eq!(f[0].reason.arg("vc"), Some(&Arg::Cell(v, c)));
            }
            // the same under kmk-127-2026
            let rb127 = Rulebook::builtin("kmk-127-2026").unwrap();
            let n = check(&fx.ds(), &rb127, None)
                .iter()
                .filter(|f| f.id == "R04")
                .count();
            assert_eq!(n, usize::from(bad));
        }
    }

    #[test]
    fn r05_ss_without_iku_or_with_activity_only() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U3", "S2", Perspective::Customer));
        let f = fx.of("R05");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].ss.as_deref(), Some("S2"));
        let mut a = iku("U3", "S2", "A");
        a.validity = Validity::Activity;
        a.control = Control::High;
        fx.iku.push(a);
        assert_eq!(fx.of("R05").len(), 1, "activity only");
        fx.iku.push(iku("U3", "S2", "B"));
        assert!(fx.of("R05").is_empty());
    }

    #[test]
    fn r06_complete_trajectory() {
        let mut fx = Fx::new();
        fx.iku_mut("I02").targets[5] = None;
        let f = fx.of("R06");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].iku.as_deref(), f[0].month), (Some("I02"), Some(6)));
        // no target at all: one finding, not four
        let mut fx = Fx::new();
        fx.iku_mut("I02").targets = crate::domain::model::NO_MONTHS;
        let f = fx.of("R06");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].month, None);
        // a target in a non-reporting month
        let mut fx = Fx::new();
        fx.iku_mut("I02").targets[1] = Some(d("1"));
        let f = fx.of("R06");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].month, Some(2));
        // a target of 0 leaves a maximize capaian not computable; minimize with W is fine
        let mut fx = Fx::new();
        fx.iku_mut("I02").targets[2] = Some(d("0"));
        let f = fx.of("R06");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].month, Some(3));
        fx.iku_mut("I02").polarity = Polarity::Minimize;
        fx.iku_mut("I02").worst_realisasi = Some(d("20"));
        assert!(fx.of("R06").is_empty());
    }

    #[test]
    fn r06_not_asked_of_a_roll_up_iku() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U2", "S1", Perspective::Stakeholder));
        let mut x = iku("U2", "S1", "X");
        x.targets = crate::domain::model::NO_MONTHS;
        x.location_consolidation = LocationConsolidation::Sum;
        fx.iku.push(x);
        cascade(
            fx.iku_mut("I01"),
            "U2",
            "X",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        assert!(fx.of("R06").is_empty());
        // without the roll-up it would be reported
        fx.iku_mut("X").location_consolidation = LocationConsolidation::None;
        assert_eq!(fx.of("R06").len(), 1);
    }

    #[test]
    fn r07_realisasi_in_a_non_reporting_month() {
        let mut fx = Fx::new();
        fx.iku_mut("I04").realisasi[2] = Some(d("20"));
        assert!(fx.of("R07").is_empty());
        fx.iku_mut("I04").realisasi[3] = Some(d("1"));
        let f = fx.of("R07");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].iku.as_deref(), f[0].month), (Some("I04"), Some(4)));
    }

    #[test]
    fn r07_cascade_sources_exist_in_an_ancestor() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U2", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("U2", "S1", "A"));
        fx.ss.push(ss("V3", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("V3", "S1", "B"));
        fx.ss[0].cascaded_from = Some(CodeRef::new("U2", "S1"));
        cascade(
            fx.iku_mut("I01"),
            "U2",
            "A",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        assert!(fx.of("R07").is_empty());
        // missing source
        cascade(
            fx.iku_mut("I01"),
            "U2",
            "NOPE",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        // a sibling is not an ancestor
        cascade(
            fx.iku_mut("I02"),
            "V3",
            "B",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        let f = fx.of("R07");
        let ikus: Vec<Option<&str>> = f.iter().map(|f| f.iku.as_deref()).collect();
        assert_eq!(ikus, [Some("I01"), Some("I02")]);
        assert!(en(&f[0]).contains("U2/NOPE"));
        // the same for an SS
        let mut fx = Fx::new();
        fx.ss.push(ss("V3", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("V3", "S1", "B"));
        fx.ss[0].cascaded_from = Some(CodeRef::new("V3", "S1"));
        let f: Vec<Finding> = fx
            .of("R07")
            .into_iter()
            .filter(|f| f.unit == "U3")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].ss.as_deref(), Some("S1"));
        fx.ss[0].cascaded_from = Some(CodeRef::new("U1", "GONE"));
        assert_eq!(fx.of("R07").len(), 1);
    }

    #[test]
    fn r08_given_weights_add_up_to_the_total() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U3", "S2", Perspective::Stakeholder));
        let mut a = iku("U3", "S2", "A");
        let mut b = iku("U3", "S2", "B");
        a.weight = Some(d("60"));
        b.weight = Some(d("40"));
        fx.iku.extend([a, b]);
        assert!(fx.of("R08").is_empty());
        fx.iku_mut("B").weight = Some(d("30"));
        let f = fx.of("R08");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].ss.as_deref(), Some("S2"));
        assert!(en(&f[0]).contains("90"));
        // some given, some not
        fx.iku_mut("B").weight = None;
        fx.iku_mut("A").weight = Some(d("100"));
        let f = fx.of("R08");
        assert_eq!(f.len(), 1);
        assert!(en(&f[0]).contains('B'));
        fx.iku_mut("A").weight = None;
        assert!(fx.of("R08").is_empty(), "no weight given: equal weights");
        // SS weights within a perspective
        fx.ss[0].weight = Some(d("60"));
        fx.ss[1].weight = Some(d("40"));
        assert!(fx.of("R08").is_empty());
        fx.ss[1].weight = Some(d("30"));
        let f = fx.of("R08");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].ss, None);
        // the unit's perspective weights
        let mut fx = Fx::new();
        let pw = &mut fx.units[3].perspective_weights;
        pw.insert(Perspective::Stakeholder, Dec(d("35")));
        pw.insert(Perspective::InternalProcess, Dec(d("40")));
        pw.insert(Perspective::LearningGrowth, Dec(d("25")));
        assert!(fx.of("R08").is_empty());
        fx.units[3]
            .perspective_weights
            .insert(Perspective::LearningGrowth, Dec(d("20")));
        assert_eq!(fx.of("R08").len(), 1);
    }

    #[test]
    fn r09_addendum_wajib_when_the_next_target_is_already_reached() {
        let mut fx = Fx::new();
        // s.d. March 49 < s.d. June 50
        fx.iku_mut("I05").realisasi[2] = Some(d("49"));
        assert!(fx.of("R09").is_empty());
        fx.iku_mut("I05").realisasi[2] = Some(d("50"));
        let f = fx.of("R09");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].iku.as_deref(), f[0].month, f[0].severity),
            (Some("I05"), Some(3), Severity::Warning)
        );
        assert!(en(&f[0]).contains("addendum"));
        // the latest reported month counts: June s.d. 74 < s.d. September 75
        fx.iku_mut("I05").realisasi[5] = Some(d("24"));
        assert!(fx.of("R09").is_empty());
        fx.iku_mut("I05").realisasi[5] = Some(d("25"));
        assert_eq!(fx.of("R09")[0].month, Some(6));
        // konversi_120 (target already at its maximum) and stabilize are never asked
        fx.iku_mut("I05").konversi_120 = true;
        assert!(fx.of("R09").is_empty());
        fx.iku_mut("I05").konversi_120 = false;
        fx.iku_mut("I05").polarity = Polarity::Stabilize;
        assert!(fx.of("R09").is_empty());
        // December has no next month
        let mut fx = Fx::new();
        for m in [2, 5, 8, 11] {
            fx.iku_mut("I05").realisasi[m] = Some(d("100"));
        }
        assert!(fx.of("R09").is_empty());
    }

    #[test]
    fn r09_minimize_mirrors() {
        let mut fx = Fx::new();
        let i = fx.iku_mut("I06");
        i.polarity = Polarity::Minimize;
        i.period_consolidation = Consolidation::Last;
        for (m, v) in [(3, "10"), (6, "9"), (9, "8"), (12, "7")] {
            i.targets[m - 1] = Some(d(v));
        }
        i.realisasi[2] = Some(d("9.5"));
        assert!(fx.of("R09").is_empty());
        fx.iku_mut("I06").realisasi[2] = Some(d("9"));
        assert_eq!(fx.of("R09").len(), 1);
    }

    #[test]
    fn r09_advice_follows_the_polarity() {
        let mut fx = Fx::new();
        let i = fx.iku_mut("I06");
        i.polarity = Polarity::Minimize;
        i.period_consolidation = Consolidation::Last;
        for (m, v) in [(3, "10"), (6, "9"), (9, "8"), (12, "7")] {
            i.targets[m - 1] = Some(d(v));
        }
        i.realisasi[2] = Some(d("9"));
        let f = fx.of("R09");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].reason.code, Code::AddendumDueMinimize);
        assert!(en(&f[0]).contains("Lower the target"), "{}", en(&f[0]));
        assert!(!en(&f[0]).contains("Raise"), "{}", en(&f[0]));
        let mut fx = Fx::new();
        let i = fx.iku_mut("I06");
        i.realisasi[2] = Some(d("50"));
        let f = fx.of("R09");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].reason.code, Code::AddendumDue);
        assert!(en(&f[0]).contains("Raise the target"), "{}", en(&f[0]));
    }

    #[test]
    fn r09_leaves_a_minimize_target_of_zero_met_with_zero_alone() {
        let mut fx = Fx::new();
        let i = fx.iku_mut("I06");
        i.polarity = Polarity::Minimize;
        i.worst_realisasi = Some(d("10"));
        for m in [3, 6, 9, 12] {
            i.targets[m - 1] = Some(d("0"));
        }
        i.realisasi[2] = Some(d("0"));
        assert!(fx.of("R09").is_empty(), "{:?}", fx.of("R09"));
        // below a positive target it still asks for an addendum
        let i = fx.iku_mut("I06");
        i.targets[5] = Some(d("2"));
        assert_eq!(fx.of("R09").len(), 1);
    }

    #[test]
    fn r10_addendum_never_changes_a_month_with_realisasi() {
        let mut fx = Fx::new();
        fx.iku_mut("I07").realisasi[2] = Some(d("20"));
        let before = fx.ds();
        let frozen = frozen_months(&before, before.iku.get(&CodeRef::new("U3", "I07")).unwrap());
        assert_eq!(frozen.iter().filter(|f| **f).count(), 1);
        assert!(frozen[2]);
        // a later month may change
        let mut after = before.clone();
        after
            .iku
            .get_mut(&CodeRef::new("U3", "I07"))
            .unwrap()
            .targets[5] = Some(d("30"));
        assert!(check_addendum(&before, &after, &rb(), "U3").is_empty());
        // March may not: neither its target nor its realisasi
        let mut after = before.clone();
        let i = after.iku.get_mut(&CodeRef::new("U3", "I07")).unwrap();
        i.targets[2] = Some(d("20"));
        i.realisasi[2] = None;
        let f = check_addendum(&before, &after, &rb(), "U3");
        assert_eq!(f.len(), 2);
        assert!(
            f.iter()
                .all(|f| f.id == "R10" && f.month == Some(3) && f.severity == Severity::Error)
        );
        assert!(en(&f[0]).contains("25") && en(&f[0]).contains("20"));
        // removing an IKU that has realisasi, which also breaks R01 (9 IKU)
        let mut after = before.clone();
        after.iku.remove(&CodeRef::new("U3", "I07"));
        after.reindex();
        let ids: Vec<&str> = check_addendum(&before, &after, &rb(), "U3")
            .iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(ids, ["R10", "R01"]);
        // removing one without realisasi only breaks R01
        let mut after = before.clone();
        after.iku.remove(&CodeRef::new("U3", "I08"));
        after.reindex();
        let ids: Vec<&str> = check_addendum(&before, &after, &rb(), "U3")
            .iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(ids, ["R01"]);
    }

    /// U2/X rolls up by sum from U3/I01 and V3/B (partial cascades).
    fn roll_up_fixture(x_annual: &str, b_annual: &str) -> Fx {
        let mut fx = Fx::new();
        fx.ss.push(ss("U2", "S1", Perspective::Stakeholder));
        let mut x = iku("U2", "S1", "X");
        x.reporting_period = ReportingPeriod::Annual;
        x.targets = crate::domain::model::NO_MONTHS;
        x.targets[11] = Some(d(x_annual));
        x.location_consolidation = LocationConsolidation::Sum;
        fx.iku.push(x);
        fx.ss.push(ss("V3", "S1", Perspective::Stakeholder));
        let mut b = iku("V3", "S1", "B");
        b.reporting_period = ReportingPeriod::Annual;
        b.targets = crate::domain::model::NO_MONTHS;
        b.targets[11] = Some(d(b_annual));
        cascade(
            &mut b,
            "U2",
            "X",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        fx.iku.push(b);
        cascade(
            fx.iku_mut("I01"),
            "U2",
            "X",
            CascadeMethod::Indirect,
            CascadeKind::Partial,
        );
        fx
    }

    #[test]
    fn r11_partial_children_add_up_to_the_source() {
        // I01: 100 a year; B: 50 → 150
        let fx = roll_up_fixture("150", "50");
        assert!(fx.of("R11").is_empty());
        let fx = roll_up_fixture("160", "50");
        let f = fx.of("R11");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].unit.as_str(), f[0].iku.as_deref(), f[0].severity),
            ("U2", Some("X"), Severity::Warning)
        );
        assert!(en(&f[0]).contains("150") && en(&f[0]).contains("160"));
    }

    #[test]
    fn an_addendum_of_a_child_shows_the_r11_finding_it_creates_on_the_roll_up() {
        let fx = roll_up_fixture("150", "50");
        let before = fx.ds();
        assert!(fx.of("R11").is_empty());
        // V3 raises B's annual target (by addendum): the children no longer add up to U2/X
        let rb = Rulebook::default_rulebook();
        let after = roll_up_fixture("150", "60").ds();
        let created = findings_created(&before, &after, &rb, "V3");
        assert_eq!(created.len(), 1, "{created:?}");
        assert_eq!(
            (
                created[0].id,
                created[0].unit.as_str(),
                created[0].iku.as_deref()
            ),
            ("R11", "U2", Some("X"))
        );
        // what was already found before is not repeated
        assert!(findings_created(&after, &after, &rb, "V3").is_empty());
    }

    #[test]
    fn r11_on_a_roll_up_names_the_child_targets_the_edit_rule_points_to() {
        let fx = roll_up_fixture("160", "50");
        let f = &fx.of("R11")[0];
        let ds = fx.ds();
        // an addendum of the roll-up itself is refused: its values are its children's …
        let Err(crate::domain::edit::Refusal::RollsUp { children, .. }) =
            crate::domain::edit::target_change(&ds, "U2", "X", 12, true)
        else {
            panic!("the roll-up's target is not editable")
        };
        // … so R11 does not ask for it, and names exactly those children with their targets
        let msg = en(f);
        assert!(
            !msg.contains("Align the targets through an addendum"),
            "{msg}"
        );
        assert!(
            msg.contains("child targets through their own units' addenda"),
            "{msg}"
        );
        for c in &children {
            assert!(msg.contains(&c.to_string()), "{c}: {msg}");
        }
        assert!(
            msg.contains("U3/I01 (target 100)") && msg.contains("V3/B (target 50)"),
            "{msg}"
        );
        assert!(msg.contains("off by 10"), "{msg}");
    }

    #[test]
    fn r11_full_cascade_has_the_source_target() {
        let mut fx = Fx::new();
        fx.ss.push(ss("U2", "S1", Perspective::Stakeholder));
        fx.iku.push(iku("U2", "S1", "A"));
        cascade(
            fx.iku_mut("I01"),
            "U2",
            "A",
            CascadeMethod::Indirect,
            CascadeKind::Full,
        );
        assert!(fx.of("R11").is_empty());
        fx.iku_mut("I01").targets[11] = Some(d("20"));
        let f = fx.of("R11");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].unit.as_str(), f[0].iku.as_deref()),
            ("U3", Some("I01"))
        );
    }

    #[test]
    fn k3_facts_missing_is_a_warning() {
        let mut fx = Fx::new();
        fx.iku_mut("I09").target_prev = None;
        let f = fx.of("K3");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].iku.as_deref(), f[0].ss.as_deref(), f[0].severity),
            (Some("I09"), Some("S1"), Severity::Warning)
        );
        fx.iku_mut("I09").new_iku = true;
        assert!(fx.of("K3").is_empty());
    }

    #[test]
    fn severities_come_from_the_rulebook_and_order_is_stable() {
        let mut fx = Fx::new();
        fx.iku_mut("I05").realisasi[2] = Some(d("50")); // R09
        fx.iku_mut("I02").targets[5] = None; // R06
        fx.iku.pop(); // R01
        fx.ss.push(ss("U2", "S9", Perspective::Stakeholder)); // R05 on U2
        fx.iku_mut("I01").target_prev = None; // K3
        let all = fx.check();
        let ids: Vec<(&str, &str)> = all.iter().map(|f| (f.unit.as_str(), f.id)).collect();
        assert_eq!(
            ids,
            [
                ("U2", "R01"),
                ("U2", "R05"),
                ("U3", "R01"),
                ("U3", "R06"),
                ("U3", "R09"),
                ("U3", "K3")
            ]
        );
        assert_eq!(all, fx.check());
        // one unit only
        let u3 = check(&fx.ds(), &rb(), Some("U3"));
        assert!(u3.iter().all(|f| f.unit == "U3") && u3.len() == 4);
        // a rulebook that makes R09 an error
        let text = Rulebook::builtin_text("kmk-300-2022")
            .unwrap()
            .replace("R09 = \"warning\"", "R09 = \"error\"");
        let strict = Rulebook::from_toml(&text).unwrap();
        let r09 = check(&fx.ds(), &strict, Some("U3"))
            .into_iter()
            .find(|f| f.id == "R09")
            .unwrap();
        assert_eq!(r09.severity, Severity::Error);
    }
}
