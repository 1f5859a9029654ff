//! K3, Kualitas Komitmen Kinerja (DOMAIN.md §8, §10): the quality of a unit's performance
//! commitment, judged from the Manual IKU and the targets, with the reason for every number.
//!
//! Two methods, chosen by the rulebook:
//! - `points` (kmk-300-2022): IKU-quality points (with the above-threshold quota) against the
//!   level's standard, target-quality points 1–5 against the target standard, combined with the
//!   rulebook's shares; NKO K3 = min(max, NKO × index).
//! - `multiplier` (kmk-127-2026): per IKU the mean of an IKU-quality multiplier and a target
//!   multiplier; the index is the mean over the IKU.
//!
//! Every number comes from the rulebook; nothing is rounded here (reasons round for display).

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::model::{CodeRef, Dataset, Iku, Months, NO_MONTHS, Polarity, TargetBasis, Validity};
use super::period::{annual_target, consolidate};
pub use super::rulebook::K3Method;
use super::rulebook::{K3Multiplier, K3Points, K3TargetPoints, Rulebook, vc_key};
use crate::text::domain::{k3 as t, num};

/// K3 of one IKU.
///
/// Under `points` the fields hold points; under `multiplier` they hold the multipliers (the
/// reasons say so) and `k3` holds the IKU's own K3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IkuK3 {
    pub code: String,
    /// IKU-quality points as counted (after the quota), or the IKU-quality multiplier.
    pub iku_points: Decimal,
    /// IKU-quality points before the quota cap (equal to `iku_points` when not capped).
    pub iku_points_raw: Decimal,
    pub iku_reason: String,
    pub capped_by_quota: bool,
    /// Target-quality points (or multiplier); `None` when left out (law-based target, points
    /// method only).
    pub target_points: Option<Decimal>,
    pub target_reason: String,
    /// A fact the judgement needed is missing (also reported by `rules::check` as `K3`).
    pub warning: Option<String>,
    /// `multiplier` method only: (IKU multiplier + target multiplier) / 2.
    pub k3: Option<Decimal>,
}

/// The above-threshold quota of a unit (`points` method).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quota {
    /// Share of the unit's IKU that may count above the threshold (0.4 = 40 %).
    pub share: Decimal,
    /// floor(share × IKU count).
    pub allowed: usize,
    /// How many IKU have raw points above the threshold.
    pub above_threshold: usize,
    /// IKU (codes, in code order) whose points were cut to the threshold.
    pub capped: Vec<String>,
}

/// The whole K3 breakdown of one unit: what `report` and the TUI show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct K3Breakdown {
    pub unit: String,
    pub method: K3Method,
    /// The unit's IKU in code order.
    pub iku: Vec<IkuK3>,
    /// `points` method, when the rulebook sets a quota for the unit's level.
    pub quota: Option<Quota>,
    /// Standard IKU points of the unit's level (`points` method).
    pub standard_iku_points: Option<Decimal>,
    /// Standard target points (`points` method).
    pub standard_target_points: Option<Decimal>,
    /// `points`: mean IKU points ÷ standard; `multiplier`: mean IKU multiplier.
    pub iku_part: Option<Decimal>,
    /// `points`: mean target points (of IKU not left out) ÷ standard; `multiplier`: mean target
    /// multiplier.
    pub target_part: Option<Decimal>,
    /// K3 index; `None` when a part is not computable (no IKU, no standard, every target left
    /// out).
    pub index: Option<Decimal>,
    pub nko: Option<Decimal>,
    /// min(nko_k3_max, NKO × index).
    pub nko_k3: Option<Decimal>,
}

/// The K3 breakdown of `unit` under `rb`; `nko` (computed elsewhere) only enters NKO K3.
pub fn k3_breakdown(ds: &Dataset, rb: &Rulebook, unit: &str, nko: Option<Decimal>) -> K3Breakdown {
    let ikus: Vec<&Iku> = ds.iku_of_unit(unit).collect();
    let mut b = K3Breakdown {
        unit: unit.to_string(),
        method: rb.k3.method,
        iku: Vec::new(),
        quota: None,
        standard_iku_points: None,
        standard_target_points: None,
        iku_part: None,
        target_part: None,
        index: None,
        nko,
        nko_k3: None,
    };
    match rb.k3.method {
        K3Method::Points => {
            if let (Some(p), Some(tp)) = (&rb.k3.points, &rb.k3.target) {
                points_breakdown(ds, rb, p, tp, &ikus, &mut b);
            }
        }
        K3Method::Multiplier => {
            if let Some(m) = &rb.k3.multiplier {
                multiplier_breakdown(ds, m, &ikus, &mut b);
            }
        }
    }
    if let (Some(n), Some(i)) = (nko, b.index) {
        b.nko_k3 = Some((n * i).min(rb.k3.nko_k3_max.0));
    }
    b
}

fn mean(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    let v: Vec<Decimal> = values.into_iter().collect();
    if v.is_empty() {
        None
    } else {
        Some(v.iter().copied().sum::<Decimal>() / Decimal::from(v.len()))
    }
}

fn pts(d: Decimal) -> String {
    num(d, 0, 2)
}

fn pct(share: Decimal) -> String {
    num(share * Decimal::ONE_HUNDRED, 0, 2)
}

// ---------------------------------------------------------------------------------------------
// kmk-300-2022: points

fn points_breakdown(
    ds: &Dataset,
    rb: &Rulebook,
    p: &K3Points,
    tp: &K3TargetPoints,
    ikus: &[&Iku],
    b: &mut K3Breakdown,
) {
    let level = ds.units.get(&b.unit).map(|u| u.level);
    b.standard_iku_points = level.and_then(|l| p.standard.get(l.as_str())).map(|v| v.0);
    b.standard_target_points = Some(tp.standard.0);

    let raw: Vec<(Decimal, String)> = ikus.iter().map(|i| iku_points(p, i)).collect();

    // The quota: only floor(share × count) IKU keep points above the threshold; the highest
    // points keep them, ties in IKU code order (the order of `ikus`).
    let threshold = p.quota_threshold.0;
    let share = level
        .and_then(|l| p.quota_share.get(l.as_str()))
        .map(|v| v.0);
    let mut capped = BTreeSet::new();
    if let Some(share) = share {
        let allowed = (share * Decimal::from(ikus.len()))
            .floor()
            .to_usize()
            .unwrap_or(0);
        let mut above: Vec<usize> = (0..ikus.len()).filter(|&i| raw[i].0 > threshold).collect();
        above.sort_by(|&a, &c| raw[c].0.cmp(&raw[a].0)); // stable: code order within ties
        for &i in above.iter().skip(allowed) {
            capped.insert(i);
        }
        b.quota = Some(Quota {
            share,
            allowed,
            above_threshold: above.len(),
            capped: (0..ikus.len())
                .filter(|i| capped.contains(i))
                .map(|i| ikus[i].code.clone())
                .collect(),
        });
    }

    for (i, iku) in ikus.iter().enumerate() {
        let (raw_points, mut reason) = raw[i].clone();
        let is_capped = capped.contains(&i);
        let counted = if is_capped { threshold } else { raw_points };
        if let Some(share) = share {
            if is_capped {
                reason += &t::IKU_CAPPED.fill(&[("cap", &pts(threshold)), ("q", &pct(share))]);
            } else if raw_points > threshold {
                reason += &t::IKU_IN_QUOTA.fill(&[("q", &pct(share))]);
            }
        }
        if iku.tanggung_renteng {
            reason += t::IKU_TANGGUNG_RENTENG.s();
        }
        let (target_points, target_reason, warning) = target_points(ds, tp, iku);
        b.iku.push(IkuK3 {
            code: iku.code.clone(),
            iku_points: counted,
            iku_points_raw: raw_points,
            iku_reason: reason,
            capped_by_quota: is_capped,
            target_points,
            target_reason,
            warning,
            k3: None,
        });
    }

    let mean_iku = mean(b.iku.iter().map(|k| k.iku_points));
    b.iku_part = match (mean_iku, b.standard_iku_points) {
        (Some(m), Some(s)) if !s.is_zero() => Some(m / s),
        _ => None,
    };
    let mean_target = mean(b.iku.iter().filter_map(|k| k.target_points));
    b.target_part = match mean_target {
        Some(m) if !tp.standard.0.is_zero() => Some(m / tp.standard.0),
        _ => None,
    };
    if let (Some(ip), Some(tpart), Some(is), Some(ts)) = (
        b.iku_part,
        b.target_part,
        rb.k3.iku_share,
        rb.k3.target_share,
    ) {
        b.index = Some(is.0 * ip + ts.0 * tpart);
    }
}

/// IKU-quality points before the quota, with the reason.
fn iku_points(p: &K3Points, iku: &Iku) -> (Decimal, String) {
    if !iku.is_cascaded() {
        return if iku.validity == Validity::Activity {
            let v = p.not_cascaded_activity.0;
            (v, t::IKU_NOT_CASCADED_ACTIVITY.fill(&[("p", &pts(v))]))
        } else if iku.measures_quality_or_time {
            let v = p.not_cascaded_quality_or_time.0;
            (v, t::IKU_NOT_CASCADED_QUALITY.fill(&[("p", &pts(v))]))
        } else {
            let v = p.not_cascaded.0;
            (v, t::IKU_NOT_CASCADED.fill(&[("p", &pts(v))]))
        };
    }
    let vc = vc_key(iku.validity, iku.control);
    match p.cascaded.get(&vc) {
        Some(v) => (v.0, t::IKU_CASCADED.fill(&[("vc", &vc), ("p", &pts(v.0))])),
        // exact-high / activity-low: invalid, reported by R04; counted as not cascaded.
        None => {
            let v = p.not_cascaded.0;
            (
                v,
                t::IKU_CASCADED_INVALID.fill(&[("vc", &vc), ("p", &pts(v))]),
            )
        }
    }
}

/// Which reference the target of an IKU is measured against (§8).
enum Reference {
    TargetPrev,
    RealisasiPrev,
    AvgRealisasiPrev,
}

/// Target-quality points (None = left out), the reason, and a warning when a fact is missing.
fn target_points(
    ds: &Dataset,
    tp: &K3TargetPoints,
    iku: &Iku,
) -> (Option<Decimal>, String, Option<String>) {
    let std = tp.standard.0;
    let sp = pts(std);
    match iku.target_basis {
        TargetBasis::Law => return (None, t::TGT_LAW.s().to_string(), None),
        TargetBasis::Special => {
            return match iku.special_points.filter(|p| (1..=5).contains(p)) {
                Some(p) => {
                    let reason = iku.special_reason.clone().unwrap_or_default();
                    (
                        Some(Decimal::from(p)),
                        t::TGT_SPECIAL.fill(&[("p", &p), ("reason", &reason)]),
                        None,
                    )
                }
                None => (
                    Some(std),
                    t::TGT_SPECIAL_INVALID.fill(&[("p", &sp)]),
                    Some(t::WARN_SPECIAL.fill(&[("iku", &iku.code), ("unit", &iku.unit)])),
                ),
            };
        }
        TargetBasis::Normal => {}
    }
    if iku.new_iku {
        return (Some(std), t::TGT_NEW.fill(&[("p", &sp)]), None);
    }
    if iku.polarity == Polarity::Stabilize {
        return (Some(std), t::TGT_STABILIZE.fill(&[("p", &sp)]), None);
    }
    if iku.konversi_120 {
        return (Some(std), t::TGT_KONVERSI_120.fill(&[("p", &sp)]), None);
    }
    // A missing trajectory is R06's finding; here it only explains the standard points.
    let Some(year_target) = iku_annual_target(ds, iku) else {
        return (Some(std), t::TGT_NO_TARGET.fill(&[("p", &sp)]), None);
    };
    let over = num(tp.previous_capaian_over.0, 0, 2);
    let (reference, value) = if iku.capaian_prev2_over_125 {
        if iku.collective {
            (Reference::AvgRealisasiPrev, iku.avg_realisasi_prev)
        } else {
            (Reference::RealisasiPrev, iku.realisasi_prev)
        }
    } else {
        (Reference::TargetPrev, iku.target_prev)
    };
    let ref_text = match reference {
        Reference::TargetPrev => t::REF_TARGET_PREV.s().to_string(),
        Reference::RealisasiPrev => t::REF_REALISASI_PREV.fill(&[("c", &over)]),
        Reference::AvgRealisasiPrev => t::REF_AVG_REALISASI_PREV.fill(&[("c", &over)]),
    };
    let Some(value) = value.filter(|v| !v.is_zero()) else {
        let warning = t::WARN_NO_REFERENCE.fill(&[
            ("iku", &iku.code),
            ("unit", &iku.unit),
            ("ref", &ref_text),
            ("p", &sp),
        ]);
        return (
            Some(std),
            t::TGT_NO_REFERENCE.fill(&[("ref", &ref_text), ("p", &sp)]),
            Some(warning),
        );
    };
    let r = year_target / value;
    let vs_target = matches!(reference, Reference::TargetPrev);
    let points = match (iku.polarity, vs_target) {
        (Polarity::Minimize, true) => {
            table_above(&tp.minimize_vs_target, tp.minimize_vs_target_else, r)
        }
        (Polarity::Minimize, false) => {
            table_above(&tp.minimize_vs_realisasi, tp.minimize_vs_realisasi_else, r)
        }
        (_, true) => table_at_least(&tp.maximize_vs_target, tp.maximize_vs_target_else, r),
        (_, false) => table_at_least(&tp.maximize_vs_realisasi, tp.maximize_vs_realisasi_else, r),
    };
    let reason = t::TGT_RATIO.fill(&[("r", &num(r, 2, 4)), ("ref", &ref_text), ("p", &points)]);
    (Some(Decimal::from(points)), reason, None)
}

/// Maximize tables: the first row whose bound r reaches (r ≥ bound) gives the points.
fn table_at_least(rows: &[(super::rulebook::RDec, u8)], otherwise: u8, r: Decimal) -> u8 {
    rows.iter()
        .find(|(b, _)| r >= b.0)
        .map_or(otherwise, |(_, p)| *p)
}

/// Minimize tables: the first row whose bound r exceeds (r > bound) gives the points.
fn table_above(rows: &[(super::rulebook::RDec, u8)], otherwise: u8, r: Decimal) -> u8 {
    rows.iter()
        .find(|(b, _)| r > b.0)
        .map_or(otherwise, |(_, p)| *p)
}

// ---------------------------------------------------------------------------------------------
// kmk-127-2026: multipliers

/// Which row of the kmk-127-2026 target-multiplier table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetCase {
    /// T > max(T1, R1)
    AboveBoth,
    /// T = R1 > T1
    EqualR1AboveT1,
    /// T1 < T < R1
    Between,
    /// T = T1 and R1 ≤ T1
    EqualT1R1NotAbove,
    /// T = T1 and R1 > T1
    EqualT1R1Above,
    /// T < T1
    BelowT1,
}

/// The case of (T, T1, R1) for a maximize IKU; minimize is mirrored (every comparison turned
/// round); stabilize has no case (`None`).
pub fn target_case_127(
    polarity: Polarity,
    t: Decimal,
    t1: Decimal,
    r1: Decimal,
) -> Option<TargetCase> {
    let (t, t1, r1) = match polarity {
        Polarity::Maximize => (t, t1, r1),
        Polarity::Minimize => (-t, -t1, -r1),
        Polarity::Stabilize => return None,
    };
    Some(if t < t1 {
        TargetCase::BelowT1
    } else if t == t1 {
        if r1 > t1 {
            TargetCase::EqualT1R1Above
        } else {
            TargetCase::EqualT1R1NotAbove
        }
    } else if t > r1 {
        TargetCase::AboveBoth
    } else if t == r1 {
        TargetCase::EqualR1AboveT1
    } else {
        TargetCase::Between
    })
}

/// The kmk-127-2026 target multiplier of an IKU with annual target `t`, previous target `t1` and
/// previous realisasi `r1` (stabilize: the rulebook's stabilize multiplier).
pub fn target_multiplier_127(
    m: &K3Multiplier,
    polarity: Polarity,
    t: Decimal,
    t1: Decimal,
    r1: Decimal,
) -> Decimal {
    match target_case_127(polarity, t, t1, r1) {
        None => m.stabilize.0,
        Some(c) => case_multiplier(m, c),
    }
}

fn case_multiplier(m: &K3Multiplier, c: TargetCase) -> Decimal {
    match c {
        TargetCase::AboveBoth => m.above_both.0,
        TargetCase::EqualR1AboveT1 => m.equal_r1_above_t1.0,
        TargetCase::Between => m.between.0,
        TargetCase::EqualT1R1NotAbove => m.equal_t1_r1_not_above.0,
        TargetCase::EqualT1R1Above => m.equal_t1_r1_above.0,
        TargetCase::BelowT1 => m.below_t1.0,
    }
}

fn mult(d: Decimal) -> String {
    num(d, 2, 4)
}

fn multiplier_breakdown(ds: &Dataset, m: &K3Multiplier, ikus: &[&Iku], b: &mut K3Breakdown) {
    for iku in ikus {
        let vc = vc_key(iku.validity, iku.control);
        let (im, iku_reason) = match m.iku.get(&vc) {
            Some(v) => (v.0, t::M_IKU.fill(&[("vc", &vc), ("m", &mult(v.0))])),
            None => (
                m.unknown.0,
                t::M_IKU_INVALID.fill(&[("vc", &vc), ("m", &mult(m.unknown.0))]),
            ),
        };
        let (tm, mut target_reason, warning) = target_multiplier_of(ds, m, iku);
        let k3 = (im + tm) / Decimal::TWO;
        target_reason += &t::M_K3.fill(&[("a", &mult(im)), ("b", &mult(tm)), ("k", &mult(k3))]);
        b.iku.push(IkuK3 {
            code: iku.code.clone(),
            iku_points: im,
            iku_points_raw: im,
            iku_reason,
            capped_by_quota: false,
            target_points: Some(tm),
            target_reason,
            warning,
            k3: Some(k3),
        });
    }
    b.iku_part = mean(b.iku.iter().map(|k| k.iku_points));
    b.target_part = mean(b.iku.iter().filter_map(|k| k.target_points));
    b.index = mean(b.iku.iter().filter_map(|k| k.k3));
}

fn target_multiplier_of(
    ds: &Dataset,
    m: &K3Multiplier,
    iku: &Iku,
) -> (Decimal, String, Option<String>) {
    if iku.target_basis == TargetBasis::Law {
        return (m.law.0, t::M_LAW.fill(&[("m", &mult(m.law.0))]), None);
    }
    if iku.new_iku {
        return (
            m.new_iku.0,
            t::M_NEW.fill(&[("m", &mult(m.new_iku.0))]),
            None,
        );
    }
    if iku.polarity == Polarity::Stabilize {
        return (
            m.stabilize.0,
            t::M_STABILIZE.fill(&[("m", &mult(m.stabilize.0))]),
            None,
        );
    }
    let Some(tv) = iku_annual_target(ds, iku) else {
        return (
            m.unknown.0,
            t::M_NO_TARGET.fill(&[("m", &mult(m.unknown.0))]),
            None,
        );
    };
    let (r1, r1_name) = if iku.collective && iku.avg_realisasi_prev.is_some() {
        (iku.avg_realisasi_prev, t::NAME_R1_AVG.s())
    } else {
        (iku.realisasi_prev, t::NAME_R1.s())
    };
    let (t1, r1) = match (iku.target_prev, r1) {
        (Some(t1), Some(r1)) => (t1, r1),
        (t1, _) => {
            let mut missing = Vec::new();
            if t1.is_none() {
                missing.push(t::NAME_T1.s());
            }
            if r1.is_none() {
                missing.push(r1_name);
            }
            let missing = missing.join(", ");
            let mu = mult(m.unknown.0);
            let warning = t::WARN_MULTIPLIER_UNKNOWN.fill(&[
                ("iku", &iku.code),
                ("unit", &iku.unit),
                ("missing", &missing),
                ("m", &mu),
            ]);
            return (
                m.unknown.0,
                t::M_UNKNOWN.fill(&[("missing", &missing), ("m", &mu)]),
                Some(warning),
            );
        }
    };
    let case = target_case_127(iku.polarity, tv, t1, r1).expect("stabilize handled above");
    let v = case_multiplier(m, case);
    let msg = match case {
        TargetCase::AboveBoth => t::M_ABOVE_BOTH,
        TargetCase::EqualR1AboveT1 => t::M_EQUAL_R1_ABOVE_T1,
        TargetCase::Between => t::M_BETWEEN,
        TargetCase::EqualT1R1NotAbove => t::M_EQUAL_T1_R1_NOT_ABOVE,
        TargetCase::EqualT1R1Above => t::M_EQUAL_T1_R1_ABOVE,
        TargetCase::BelowT1 => t::M_BELOW_T1,
    };
    let f = |d: Decimal| num(d, 0, 4);
    let mut reason = msg.fill(&[
        ("t", &f(tv)),
        ("t1", &f(t1)),
        ("r1", &f(r1)),
        ("m", &mult(v)),
    ]);
    if iku.polarity == Polarity::Minimize {
        reason += t::M_MINIMIZE.s();
    }
    (v, reason, None)
}

// ---------------------------------------------------------------------------------------------
// Targets and realisasi as the computations see them (roll-up of §6)

/// T(year) of an IKU: the annual target (§3) of its effective targets.
pub fn iku_annual_target(ds: &Dataset, iku: &Iku) -> Option<Decimal> {
    let (targets, _) = effective_series(ds, iku);
    annual_target(iku.period_consolidation, iku.reporting_period, &targets)
}

/// The monthly targets and realisasi of an IKU as the computations see them: its own slots, or,
/// for a roll-up IKU (§6) with cascaded IKU in its direct child units, the rolled-up slots. A
/// month's rolled-up realisasi exists only when every child with a target that month has its
/// realisasi.
///
/// A self-contained copy of the §6 roll-up so that K3 and the rules do not wait for `score`;
/// the two must agree.
pub fn effective_series(ds: &Dataset, iku: &Iku) -> (Months, Months) {
    let mut seen = BTreeSet::new();
    series_guarded(ds, iku, &mut seen)
}

fn series_guarded(ds: &Dataset, iku: &Iku, seen: &mut BTreeSet<CodeRef>) -> (Months, Months) {
    let own = (iku.targets, iku.realisasi);
    let Some(method) = iku.location_consolidation.as_consolidation() else {
        return own;
    };
    if !iku.rolls_up() || !seen.insert(iku.key()) {
        return own;
    }
    let children: Vec<(Months, Months)> = ds
        .cascaded_from(&iku.key())
        .iter()
        .filter_map(|k| ds.iku.get(k))
        .filter(|c| {
            ds.units.get(&c.unit).and_then(|u| u.parent.as_deref()) == Some(iku.unit.as_str())
        })
        .map(|c| series_guarded(ds, c, seen))
        .collect();
    seen.remove(&iku.key());
    if children.is_empty() {
        return own;
    }
    let mut targets = NO_MONTHS;
    let mut realisasi = NO_MONTHS;
    for m in 0..12 {
        let with_target: Vec<&(Months, Months)> =
            children.iter().filter(|(ct, _)| ct[m].is_some()).collect();
        let tv: Vec<Decimal> = with_target.iter().filter_map(|(ct, _)| ct[m]).collect();
        targets[m] = consolidate(method, &tv);
        let rv: Vec<Decimal> = with_target.iter().filter_map(|(_, cr)| cr[m]).collect();
        if !with_target.is_empty() && rv.len() == with_target.len() {
            realisasi[m] = consolidate(method, &rv);
        }
    }
    (targets, realisasi)
}
