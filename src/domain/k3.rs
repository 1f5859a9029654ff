//! K3, Kualitas Komitmen Kinerja (`domain` §8, §10): the quality of a unit's performance
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

use super::model::{Dataset, Iku, Months, Polarity, TargetBasis, Validity};
use super::period::annual_target;
use super::reason::{Arg, Code, Reason};
pub use super::rulebook::K3Method;
use super::rulebook::{K3Multiplier, K3Points, K3TargetPoints, Rulebook, vc_key};

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
    /// Why, in parts (code and arguments each; `text::reason::render_parts` makes the sentence).
    pub iku_reason: Vec<Reason>,
    pub capped_by_quota: bool,
    /// Target-quality points (or multiplier); `None` when left out (law-based target, points
    /// method only).
    pub target_points: Option<Decimal>,
    /// Why, in parts (empty when left out for an invalid cell).
    pub target_reason: Vec<Reason>,
    /// A fact the judgement needed is missing (also reported by `rules::check` as `K3`).
    pub warning: Option<Reason>,
    /// `multiplier` method only: (IKU multiplier + target multiplier) / 2.
    pub k3: Option<Decimal>,
    /// An invalid validity × control cell (exact-high, activity-low; R04): no IKU points or
    /// multiplier, the IKU is left out of the K3 index (shown "–" with the reason, §10a).
    pub left_out: bool,
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
    /// `multiplier` method: the verbal grade of the index (§10a: above 1 *sangat berkualitas*,
    /// 1 *berkualitas*, below 1 *cukup berkualitas*).
    pub label: Option<K3Label>,
}

/// The verbal grade of a kmk-127-2026 K3 index (§10a), relative to the neutral multiplier 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K3Label {
    /// index > 1
    SangatBerkualitas,
    /// index = 1
    Berkualitas,
    /// index < 1
    CukupBerkualitas,
}

impl K3Label {
    pub fn of(index: Decimal) -> K3Label {
        match index.cmp(&Decimal::ONE) {
            std::cmp::Ordering::Greater => K3Label::SangatBerkualitas,
            std::cmp::Ordering::Equal => K3Label::Berkualitas,
            std::cmp::Ordering::Less => K3Label::CukupBerkualitas,
        }
    }
    /// The stable spelling (JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            K3Label::SangatBerkualitas => "sangat_berkualitas",
            K3Label::Berkualitas => "berkualitas",
            K3Label::CukupBerkualitas => "cukup_berkualitas",
        }
    }
}

/// Whether the validity × control cell of an IKU is valid under the rulebook (R04): a key of the
/// cascaded point table (`points`) or of the IKU multipliers (`multiplier`).
pub fn valid_cell(rb: &Rulebook, iku: &Iku) -> bool {
    let vc = vc_key(iku.validity, iku.control);
    match rb.k3.method {
        K3Method::Points => rb
            .k3
            .points
            .as_ref()
            .is_none_or(|p| p.cascaded.contains_key(&vc)),
        K3Method::Multiplier => rb
            .k3
            .multiplier
            .as_ref()
            .is_none_or(|m| m.iku.contains_key(&vc)),
    }
}

/// The entry of an IKU left out of the index for its invalid cell.
fn left_out_entry(iku: &Iku) -> IkuK3 {
    IkuK3 {
        code: iku.code.clone(),
        iku_points: Decimal::ZERO,
        iku_points_raw: Decimal::ZERO,
        iku_reason: vec![Reason::new(Code::IkuLeftOut).with("vc", cell(iku))],
        capped_by_quota: false,
        target_points: None,
        target_reason: Vec::new(),
        warning: None,
        k3: None,
        left_out: true,
    }
}

/// The K3 breakdown of `unit` under `rb`; `nko` (computed elsewhere) only enters NKO K3.
pub fn k3_breakdown(ds: &Dataset, rb: &Rulebook, unit: &str, nko: Option<Decimal>) -> K3Breakdown {
    let all: Vec<&Iku> = ds.iku_of_unit(unit).collect();
    // An invalid cell has no points and no multiplier: left out of everything, shown "–".
    let ikus: Vec<&Iku> = all.iter().copied().filter(|i| valid_cell(rb, i)).collect();
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
        label: None,
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
        b.nko_k3 = n.checked_mul(i).map(|v| v.min(rb.k3.nko_k3_max.0));
    }
    if rb.k3.method == K3Method::Multiplier {
        b.label = b.index.map(K3Label::of);
    }
    // the left-out IKU back in code order, for the breakdown to show
    if ikus.len() != all.len() {
        let mut computed = std::mem::take(&mut b.iku).into_iter().peekable();
        for i in &all {
            if valid_cell(rb, i) {
                b.iku.extend(computed.next());
            } else {
                b.iku.push(left_out_entry(i));
            }
        }
    }
    // computed in code order (the quota's ties), shown in natural code order
    let natural = |a: &String, c: &String| super::model::natural_cmp(a, c);
    b.iku.sort_by(|x, y| natural(&x.code, &y.code));
    if let Some(q) = &mut b.quota {
        q.capped.sort_by(natural);
    }
    b
}

fn mean(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    let v: Vec<Decimal> = values.into_iter().collect();
    if v.is_empty() {
        None
    } else {
        super::period::checked_sum(&v)?.checked_div(Decimal::from(v.len()))
    }
}

/// `code` with points `p` (shown to 2 places).
fn with_points(code: Code, p: Decimal) -> Reason {
    Reason::new(code).num("p", p, 0, 2)
}

/// `code` with a multiplier `m` (shown to 2..4 places).
fn with_mult(code: Code, m: Decimal) -> Reason {
    Reason::new(code).num("m", m, 2, 4)
}

/// A quota share as a percentage argument `q`.
fn pct(r: Reason, share: Decimal) -> Reason {
    r.num("q", share.saturating_mul(Decimal::ONE_HUNDRED), 0, 2)
}

/// The validity × control cell of an IKU, as an argument.
fn cell(iku: &Iku) -> Arg {
    Arg::Cell(iku.validity, iku.control)
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

    let raw: Vec<(Decimal, Vec<Reason>)> = ikus.iter().map(|i| iku_points(p, i)).collect();

    // The quota: only floor(share × count) IKU keep points above the threshold; the highest
    // points keep them, ties in IKU code order (the order of `ikus`).
    let threshold = p.quota_threshold.0;
    let share = level
        .and_then(|l| p.quota_share.get(l.as_str()))
        .map(|v| v.0);
    let mut capped = BTreeSet::new();
    if let Some(share) = share {
        let allowed = share
            .saturating_mul(Decimal::from(ikus.len()))
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
                let capped = Reason::new(Code::IkuCapped).num("cap", threshold, 0, 2);
                reason.push(pct(capped, share));
            } else if raw_points > threshold {
                reason.push(pct(Reason::new(Code::IkuInQuota), share));
            }
        }
        if iku.tanggung_renteng {
            reason.push(Reason::new(Code::IkuTanggungRenteng));
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
            left_out: false,
        });
    }

    let mean_iku = mean(b.iku.iter().map(|k| k.iku_points));
    b.iku_part = match (mean_iku, b.standard_iku_points) {
        (Some(m), Some(s)) => m.checked_div(s),
        _ => None,
    };
    let mean_target = mean(b.iku.iter().filter_map(|k| k.target_points));
    b.target_part = match mean_target {
        Some(m) => m.checked_div(tp.standard.0),
        _ => None,
    };
    if let (Some(ip), Some(tpart), Some(is), Some(ts)) = (
        b.iku_part,
        b.target_part,
        rb.k3.iku_share,
        rb.k3.target_share,
    ) {
        b.index =
            is.0.checked_mul(ip)
                .zip(ts.0.checked_mul(tpart))
                .and_then(|(a, c)| a.checked_add(c));
    }
}

/// IKU-quality points before the quota, with the reason.
fn iku_points(p: &K3Points, iku: &Iku) -> (Decimal, Vec<Reason>) {
    if !iku.is_cascaded() {
        let (v, code) = if iku.validity == Validity::Activity {
            (p.not_cascaded_activity.0, Code::IkuNotCascadedActivity)
        } else if iku.measures_quality_or_time {
            (
                p.not_cascaded_quality_or_time.0,
                Code::IkuNotCascadedQuality,
            )
        } else {
            (p.not_cascaded.0, Code::IkuNotCascaded)
        };
        return (v, vec![with_points(code, v)]);
    }
    let vc = vc_key(iku.validity, iku.control);
    let (v, code) = match p.cascaded.get(&vc) {
        Some(v) => (v.0, Code::IkuCascaded),
        // exact-high / activity-low: invalid, reported by R04; counted as not cascaded.
        None => (p.not_cascaded.0, Code::IkuCascadedInvalid),
    };
    (
        v,
        vec![Reason::new(code).with("vc", cell(iku)).num("p", v, 0, 2)],
    )
}

/// Which previous-year value the target of an IKU is measured against (§8).
enum Reference {
    Target,
    Realisasi,
    AvgRealisasi,
}

/// Target-quality points (None = left out), the reason, and a warning when a fact is missing.
fn target_points(
    ds: &Dataset,
    tp: &K3TargetPoints,
    iku: &Iku,
) -> (Option<Decimal>, Vec<Reason>, Option<Reason>) {
    let std = tp.standard.0;
    let standard = |code| vec![with_points(code, std)];
    match iku.target_basis {
        TargetBasis::Law => return (None, vec![Reason::new(Code::TargetLaw)], None),
        // [assumption, §10a] under kmk-300-2022 an institution's maximum is like a law-based
        // target, a target meant to stay level like a stabilize IKU
        TargetBasis::InstitutionMax => {
            return (None, vec![Reason::new(Code::TargetInstitutionMax)], None);
        }
        TargetBasis::Stable => {
            return (Some(std), standard(Code::TargetStable), None);
        }
        TargetBasis::Special => {
            return match iku.special_points.filter(|p| (1..=5).contains(p)) {
                Some(p) => {
                    let reason = iku.special_reason.clone().unwrap_or_default();
                    (
                        Some(Decimal::from(p)),
                        vec![
                            Reason::new(Code::TargetSpecial)
                                .int("p", p)
                                .text("reason", reason),
                        ],
                        None,
                    )
                }
                None => (
                    Some(std),
                    standard(Code::TargetSpecialInvalid),
                    Some(
                        Reason::new(Code::SpecialWithoutPoints)
                            .text("iku", &iku.code)
                            .text("unit", &iku.unit),
                    ),
                ),
            };
        }
        TargetBasis::Normal => {}
    }
    if iku.new_iku {
        return (Some(std), standard(Code::TargetNewIku), None);
    }
    if iku.polarity == Polarity::Stabilize {
        return (Some(std), standard(Code::TargetStabilize), None);
    }
    if iku.konversi_120 {
        return (Some(std), standard(Code::TargetKonversi120), None);
    }
    // A missing trajectory is R06's finding; here it only explains the standard points.
    let Some(year_target) = iku_annual_target(ds, iku) else {
        return (Some(std), standard(Code::TargetNoAnnual), None);
    };
    let (reference, value) = if iku.capaian_prev2_over_125 {
        if iku.collective {
            (Reference::AvgRealisasi, iku.avg_realisasi_prev)
        } else {
            (Reference::Realisasi, iku.realisasi_prev)
        }
    } else {
        (Reference::Target, iku.target_prev)
    };
    let ref_reason = match reference {
        Reference::Target => Reason::new(Code::RefTargetPrev),
        Reference::Realisasi => Reason::new(Code::RefRealisasiPrev),
        Reference::AvgRealisasi => Reason::new(Code::RefAvgRealisasiPrev),
    }
    .num("c", tp.previous_capaian_over.0, 0, 2);
    let Some(value) = value.filter(|v| !v.is_zero()) else {
        let warning = Reason::new(Code::NoReference)
            .text("iku", &iku.code)
            .text("unit", &iku.unit)
            .reason("ref", ref_reason.clone())
            .num("p", std, 0, 2);
        let because = Reason::new(Code::TargetNoReference)
            .reason("ref", ref_reason)
            .num("p", std, 0, 2);
        return (Some(std), vec![because], Some(warning));
    };
    let Some(r) = year_target.checked_div(value) else {
        return (Some(std), standard(Code::TargetNoAnnual), None);
    };
    let vs_target = matches!(reference, Reference::Target);
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
    let reason = Reason::new(Code::TargetRatio)
        .num("r", r, 2, 4)
        .reason("ref", ref_reason)
        .int("p", points);
    (Some(Decimal::from(points)), vec![reason], None)
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

fn multiplier_breakdown(ds: &Dataset, m: &K3Multiplier, ikus: &[&Iku], b: &mut K3Breakdown) {
    for iku in ikus {
        let vc = vc_key(iku.validity, iku.control);
        let (im, code) = match m.iku.get(&vc) {
            Some(v) => (v.0, Code::MultIku),
            None => (m.unknown.0, Code::MultIkuInvalid),
        };
        let iku_reason = vec![Reason::new(code).with("vc", cell(iku)).num("m", im, 2, 4)];
        let (tm, mut target_reason, warning) = target_multiplier_of(ds, m, iku);
        let k3 = im.saturating_add(tm) / Decimal::TWO;
        target_reason.push(
            Reason::new(Code::MultIkuK3)
                .num("a", im, 2, 4)
                .num("b", tm, 2, 4)
                .num("k", k3, 2, 4),
        );
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
            left_out: false,
        });
    }
    b.iku_part = mean(b.iku.iter().map(|k| k.iku_points));
    b.target_part = mean(b.iku.iter().filter_map(|k| k.target_points));
    b.index = mean(b.iku.iter().filter_map(|k| k.k3));
}

/// The target multiplier of an IKU (kmk-127-2026), with its reason and a warning: the table's,
/// and for a mandatory IKU (§10a) at least the rulebook's `mandatory_min`.
fn target_multiplier_of(
    ds: &Dataset,
    m: &K3Multiplier,
    iku: &Iku,
) -> (Decimal, Vec<Reason>, Option<Reason>) {
    let (v, mut reason, warning) = table_multiplier(ds, m, iku);
    match mandatory_floor(m, iku) {
        Some(min) if v < min => {
            reason.push(Reason::new(Code::MultMandatory).num("m", min, 2, 4));
            (min, reason, warning)
        }
        _ => (v, reason, warning),
    }
}

/// The least target multiplier of `iku`: the rulebook's `mandatory_min` when the IKU is
/// mandatory and the rulebook has one.
fn mandatory_floor(m: &K3Multiplier, iku: &Iku) -> Option<Decimal> {
    m.mandatory_min.filter(|_| iku.mandatory).map(|d| d.0)
}

fn table_multiplier(
    ds: &Dataset,
    m: &K3Multiplier,
    iku: &Iku,
) -> (Decimal, Vec<Reason>, Option<Reason>) {
    let fixed = |v: Decimal, code| (v, vec![with_mult(code, v)], None);
    match iku.target_basis {
        TargetBasis::Law => return fixed(m.law.0, Code::MultLaw),
        TargetBasis::InstitutionMax => {
            return fixed(
                m.institution_max.unwrap_or(m.law).0,
                Code::MultInstitutionMax,
            );
        }
        TargetBasis::Stable => {
            return fixed(m.stable.unwrap_or(m.law).0, Code::MultStable);
        }
        TargetBasis::Normal | TargetBasis::Special => {}
    }
    // a new IKU with history (§10a): T1 := R1, then the table; without history the new-IKU
    // multiplier
    let new_with_history = iku.new_iku && iku.realisasi_prev.is_some();
    if iku.new_iku && !new_with_history {
        return fixed(m.new_iku.0, Code::MultNewIku);
    }
    if iku.polarity == Polarity::Stabilize {
        return fixed(m.stabilize.0, Code::MultStabilize);
    }
    let Some(tv) = iku_annual_target(ds, iku) else {
        return fixed(m.unknown.0, Code::MultNoAnnual);
    };
    let (r1, r1_code) = if iku.collective && iku.avg_realisasi_prev.is_some() {
        (iku.avg_realisasi_prev, Code::NameR1Avg)
    } else {
        (iku.realisasi_prev, Code::NameR1)
    };
    let t1 = if new_with_history {
        r1
    } else {
        iku.target_prev
    };
    let (t1, r1) = match (t1, r1) {
        (Some(t1), Some(r1)) => (t1, r1),
        (t1, _) => {
            let mut missing = Vec::new();
            if t1.is_none() {
                missing.push(Reason::new(Code::NameT1));
            }
            if r1.is_none() {
                missing.push(Reason::new(r1_code));
            }
            let warning = Reason::new(Code::MultiplierUnknown)
                .text("iku", &iku.code)
                .text("unit", &iku.unit)
                .with("missing", Arg::Reasons(missing.clone()))
                .num("m", m.unknown.0, 2, 4);
            let because = Reason::new(Code::MultUnknown)
                .with("missing", Arg::Reasons(missing))
                .num("m", m.unknown.0, 2, 4);
            return (m.unknown.0, vec![because], Some(warning));
        }
    };
    let case = target_case_127(iku.polarity, tv, t1, r1).expect("stabilize handled above");
    let v = case_multiplier(m, case);
    let code = match case {
        TargetCase::AboveBoth => Code::MultAboveBoth,
        TargetCase::EqualR1AboveT1 => Code::MultEqualR1AboveT1,
        TargetCase::Between => Code::MultBetween,
        TargetCase::EqualT1R1NotAbove => Code::MultEqualT1R1NotAbove,
        TargetCase::EqualT1R1Above => Code::MultEqualT1R1Above,
        TargetCase::BelowT1 => Code::MultBelowT1,
    };
    let mut reason = Vec::new();
    if new_with_history {
        reason.push(Reason::new(Code::MultNewWithHistory));
    }
    reason.push(
        Reason::new(code)
            .num("t", tv, 0, 4)
            .num("t1", t1, 0, 4)
            .num("r1", r1, 0, 4)
            .num("m", v, 2, 4),
    );
    if iku.polarity == Polarity::Minimize {
        reason.push(Reason::new(Code::MultMinimize));
    }
    // T = T1 = R1: 1.0 by the table, but the regulation does not name the case (§10a)
    let warning = (tv == t1 && t1 == r1).then(|| {
        Reason::new(Code::TargetEqualsT1R1)
            .text("iku", &iku.code)
            .text("unit", &iku.unit)
            .num("t", tv, 0, 4)
    });
    (v, reason, warning)
}

// ---------------------------------------------------------------------------------------------
// The planning inverse (§10a): which next targets give which multiplier or points

/// One end of a range of targets: the value and whether it belongs to the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

/// A range of annual targets T: `None` on a side is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetRange {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

impl TargetRange {
    fn exactly(v: Decimal) -> TargetRange {
        let b = Some(Bound {
            value: v,
            inclusive: true,
        });
        TargetRange { lower: b, upper: b }
    }
    fn above(v: Decimal, inclusive: bool) -> TargetRange {
        TargetRange {
            lower: Some(Bound {
                value: v,
                inclusive,
            }),
            upper: None,
        }
    }
    fn below(v: Decimal, inclusive: bool) -> TargetRange {
        TargetRange {
            lower: None,
            upper: Some(Bound {
                value: v,
                inclusive,
            }),
        }
    }
    fn between(lo: Bound, hi: Bound) -> TargetRange {
        TargetRange {
            lower: Some(lo),
            upper: Some(hi),
        }
    }
    /// Whether T lies in the range.
    pub fn contains(&self, t: Decimal) -> bool {
        self.lower
            .is_none_or(|b| t > b.value || (b.inclusive && t == b.value))
            && self
                .upper
                .is_none_or(|b| t < b.value || (b.inclusive && t == b.value))
    }
    /// `T < 100`, `T = 100`, `100 < T < 105`, `T ≥ 111` with numbers written by `num`.
    pub fn text(&self, num: impl Fn(Decimal) -> String) -> String {
        let op_lo = |b: Bound| if b.inclusive { "≤" } else { "<" };
        match (self.lower, self.upper) {
            (Some(l), Some(u)) if l == u => format!("T = {}", num(l.value)),
            (Some(l), Some(u)) => format!(
                "{} {} T {} {}",
                num(l.value),
                op_lo(l),
                op_lo(u),
                num(u.value)
            ),
            (Some(l), None) => {
                format!("T {} {}", if l.inclusive { "≥" } else { ">" }, num(l.value))
            }
            (None, Some(u)) => format!("T {} {}", op_lo(u), num(u.value)),
            (None, None) => "T".to_string(),
        }
    }
}

/// One row of a plan: the targets and the multiplier (or points) they give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub range: TargetRange,
    pub value: Decimal,
    /// The best value of the plan (the strict threshold to beat).
    pub best: bool,
}

/// The planning inverse of one IKU under one rulebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Ranges of the next annual target and what each gives, from the lowest target up.
    Ranges {
        method: K3Method,
        /// kmk-127-2026: T1 and R1; kmk-300-2022: the reference value (twice).
        t1: Decimal,
        r1: Decimal,
        rows: Vec<PlanRow>,
    },
    /// The value does not depend on the target (law basis, stabilize, new IKU …): the value
    /// and its reason.
    Fixed {
        value: Option<Decimal>,
        reason: Vec<Reason>,
    },
    /// A fact the plan needs is missing (the reason says which; empty when the rulebook has
    /// no table to plan with).
    Unknown { reason: Vec<Reason> },
}

impl Plan {
    /// The row the target `t` falls in.
    pub fn row_of(&self, t: Decimal) -> Option<&PlanRow> {
        match self {
            Plan::Ranges { rows, .. } => rows.iter().find(|r| r.range.contains(t)),
            _ => None,
        }
    }
}

/// The planning inverse (§10a) of `iku` under `rb`: for an IKU with T1 and R1 known, the
/// ranges of the next annual target T that give each target multiplier (kmk-127-2026) or each
/// target point (kmk-300-2022), from the lowest target up, the best one marked (its bound is the
/// strict threshold: above max(T1, R1), below the minimum for minimize).
pub fn plan(rb: &Rulebook, iku: &Iku) -> Plan {
    match rb.k3.method {
        K3Method::Multiplier => match &rb.k3.multiplier {
            Some(m) => plan_127(m, iku),
            None => Plan::Unknown { reason: Vec::new() },
        },
        K3Method::Points => match &rb.k3.target {
            Some(tp) => plan_300(tp, iku),
            None => Plan::Unknown { reason: Vec::new() },
        },
    }
}

fn plan_127(m: &K3Multiplier, iku: &Iku) -> Plan {
    let fixed = |v: Decimal, code| Plan::Fixed {
        value: Some(v),
        reason: vec![with_mult(code, v)],
    };
    match iku.target_basis {
        TargetBasis::Law => return fixed(m.law.0, Code::MultLaw),
        TargetBasis::InstitutionMax => {
            return fixed(
                m.institution_max.unwrap_or(m.law).0,
                Code::MultInstitutionMax,
            );
        }
        TargetBasis::Stable => return fixed(m.stable.unwrap_or(m.law).0, Code::MultStable),
        TargetBasis::Normal | TargetBasis::Special => {}
    }
    if iku.polarity == Polarity::Stabilize {
        return fixed(m.stabilize.0, Code::MultStabilize);
    }
    let r1 = if iku.collective && iku.avg_realisasi_prev.is_some() {
        iku.avg_realisasi_prev
    } else {
        iku.realisasi_prev
    };
    let t1 = if iku.new_iku { r1 } else { iku.target_prev };
    if iku.new_iku && r1.is_none() {
        return fixed(m.new_iku.0, Code::MultNewIku);
    }
    let (Some(t1), Some(r1)) = (t1, r1) else {
        return Plan::Unknown {
            reason: vec![Reason::new(Code::PlanNeedsT1R1)],
        };
    };
    // a mandatory IKU's multiplier is never below the floor (§10a)
    let floor = mandatory_floor(m, iku);
    let v = |c| {
        let v = case_multiplier(m, c);
        floor.map_or(v, |f| v.max(f))
    };
    let open = |x| Bound {
        value: x,
        inclusive: false,
    };
    // maximize; minimize is the mirror image (every comparison turned round)
    let (mut rows, minimize) = (Vec::new(), iku.polarity == Polarity::Minimize);
    let worse = |x| {
        if minimize {
            TargetRange::above(x, false)
        } else {
            TargetRange::below(x, false)
        }
    };
    let better = |x| {
        if minimize {
            TargetRange::below(x, false)
        } else {
            TargetRange::above(x, false)
        }
    };
    let r1_better = if minimize { r1 < t1 } else { r1 > t1 };
    rows.push((worse(t1), v(TargetCase::BelowT1)));
    rows.push((
        TargetRange::exactly(t1),
        v(if r1_better {
            TargetCase::EqualT1R1Above
        } else {
            TargetCase::EqualT1R1NotAbove
        }),
    ));
    if r1_better {
        let (lo, hi) = if minimize { (r1, t1) } else { (t1, r1) };
        rows.push((
            TargetRange::between(open(lo), open(hi)),
            v(TargetCase::Between),
        ));
        rows.push((TargetRange::exactly(r1), v(TargetCase::EqualR1AboveT1)));
    }
    let edge = if r1_better { r1 } else { t1 };
    rows.push((better(edge), v(TargetCase::AboveBoth)));
    if minimize {
        rows.reverse();
    }
    Plan::Ranges {
        method: K3Method::Multiplier,
        t1,
        r1,
        rows: mark_best(rows),
    }
}

fn plan_300(tp: &K3TargetPoints, iku: &Iku) -> Plan {
    let std = tp.standard.0;
    let fixed = |reason: Reason, value| Plan::Fixed {
        value,
        reason: vec![reason],
    };
    match iku.target_basis {
        TargetBasis::Law => return fixed(Reason::new(Code::TargetLaw), None),
        TargetBasis::InstitutionMax => {
            return fixed(Reason::new(Code::TargetInstitutionMax), None);
        }
        TargetBasis::Stable => return fixed(with_points(Code::TargetStable, std), Some(std)),
        TargetBasis::Special => {
            let p = iku.special_points.map(Decimal::from);
            let reason = iku.special_reason.clone().unwrap_or_default();
            return fixed(
                with_points(Code::TargetSpecial, p.unwrap_or(std)).text("reason", reason),
                p.or(Some(std)),
            );
        }
        TargetBasis::Normal => {}
    }
    if iku.new_iku {
        return fixed(with_points(Code::TargetNewIku, std), Some(std));
    }
    if iku.polarity == Polarity::Stabilize {
        return fixed(with_points(Code::TargetStabilize, std), Some(std));
    }
    if iku.konversi_120 {
        return fixed(with_points(Code::TargetKonversi120, std), Some(std));
    }
    let (vs_target, reference) = if iku.capaian_prev2_over_125 {
        let r = if iku.collective {
            iku.avg_realisasi_prev
        } else {
            iku.realisasi_prev
        };
        (false, r)
    } else {
        (true, iku.target_prev)
    };
    let Some(reference) = reference.filter(|r| *r > Decimal::ZERO) else {
        return Plan::Unknown {
            reason: vec![Reason::new(Code::PlanNeedsReference)],
        };
    };
    let at = |b: Decimal| b.checked_mul(reference).unwrap_or(b);
    let mut rows: Vec<(TargetRange, Decimal)> = Vec::new();
    if iku.polarity == Polarity::Minimize {
        // r > bound → points (first row that matches); rows by falling bound
        let (table, otherwise) = if vs_target {
            (&tp.minimize_vs_target, tp.minimize_vs_target_else)
        } else {
            (&tp.minimize_vs_realisasi, tp.minimize_vs_realisasi_else)
        };
        let mut upper: Option<Bound> = None;
        for (b, p) in table {
            let lo = Bound {
                value: at(b.0),
                inclusive: false,
            };
            rows.push((
                TargetRange {
                    lower: Some(lo),
                    upper,
                },
                Decimal::from(*p),
            ));
            upper = Some(Bound {
                value: lo.value,
                inclusive: true,
            });
        }
        rows.push((TargetRange { lower: None, upper }, Decimal::from(otherwise)));
        rows.reverse();
    } else {
        // r ≥ bound → points; rows by falling bound
        let (table, otherwise) = if vs_target {
            (&tp.maximize_vs_target, tp.maximize_vs_target_else)
        } else {
            (&tp.maximize_vs_realisasi, tp.maximize_vs_realisasi_else)
        };
        let mut upper: Option<Bound> = None;
        for (b, p) in table {
            let lo = Bound {
                value: at(b.0),
                inclusive: true,
            };
            rows.push((
                TargetRange {
                    lower: Some(lo),
                    upper,
                },
                Decimal::from(*p),
            ));
            upper = Some(Bound {
                value: lo.value,
                inclusive: false,
            });
        }
        rows.push((TargetRange { lower: None, upper }, Decimal::from(otherwise)));
        rows.reverse();
    }
    Plan::Ranges {
        method: K3Method::Points,
        t1: reference,
        r1: reference,
        rows: mark_best(rows),
    }
}

fn mark_best(rows: Vec<(TargetRange, Decimal)>) -> Vec<PlanRow> {
    let best = rows.iter().map(|(_, v)| *v).max();
    rows.into_iter()
        .map(|(range, value)| PlanRow {
            range,
            value,
            best: Some(value) == best,
        })
        .collect()
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
/// The same roll-up the scores use (`score::effective_months`), so that K3, the rules and the
/// scores always agree.
pub fn effective_series(ds: &Dataset, iku: &Iku) -> (Months, Months) {
    super::score::effective_months(ds, iku)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Cascade, CascadeKind, CascadeMethod, Consolidation, Control, Level, LocationConsolidation,
        ReportingPeriod, Ss, Unit,
    };
    use crate::domain::model::{CodeRef, NO_MONTHS, Perspective};
    use crate::text::Lang;

    /// A reason in parts as the Indonesian sentence (rendered here as the edge would).
    fn id(parts: &[Reason]) -> String {
        crate::text::reason::render_parts_in(Lang::Id, parts)
    }

    /// The cell's words in Indonesian.
    fn vc_id(v: Validity, c: Control) -> String {
        format!("{} × {}", v.label_in(Lang::Id), c.label_in(Lang::Id))
    }

    fn num(v: Decimal, min_dp: u32, max_dp: u32) -> String {
        crate::text::domain::num_in(Lang::Id, v, min_dp, max_dp)
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
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

    /// A unit tree K (wide) → U1 (one) → U2 (two) → U3 (three), one SS per unit.
    fn tree() -> Vec<Unit> {
        vec![
            unit("K", Level::Wide, None),
            unit("U1", Level::One, Some("K")),
            unit("U2", Level::Two, Some("U1")),
            unit("U3", Level::Three, Some("U2")),
        ]
    }

    fn ds(ikus: Vec<Iku>) -> Dataset {
        let ss = ["K", "U1", "U2", "U3"].map(|u| Ss {
            unit: u.into(),
            code: "S1".into(),
            perspective: Perspective::Stakeholder,
            name: "S1".into(),
            weight: None,
            cascaded_from: None,
        });
        Dataset::from_parts(2025, "kmk-300-2022", tree(), ss, ikus, vec![])
    }

    /// A maximize annual IKU with target `t` and last year's target 100, not cascaded.
    fn iku(unit: &str, code: &str, t: &str) -> Iku {
        let mut i = Iku::new(
            unit,
            code,
            "S1",
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Annual,
        );
        i.targets[11] = Some(d(t));
        i.target_prev = Some(d("100"));
        i
    }

    fn cascaded(mut i: Iku, v: Validity, c: Control) -> Iku {
        i.validity = v;
        i.control = c;
        i.cascade = Some(Cascade {
            from: CodeRef::new("K", "X"),
            method: CascadeMethod::Indirect,
            kind: CascadeKind::Full,
        });
        i
    }

    fn rb300() -> Rulebook {
        Rulebook::builtin("kmk-300-2022").unwrap()
    }
    fn rb127() -> Rulebook {
        Rulebook::builtin("kmk-127-2026").unwrap()
    }

    fn one(ds: &Dataset, rb: &Rulebook, unit: &str, code: &str) -> IkuK3 {
        k3_breakdown(ds, rb, unit, None)
            .iku
            .into_iter()
            .find(|k| k.code == code)
            .unwrap()
    }

    #[test]
    fn worked_example_of_section_8() {
        let p = iku("U3", "P", "104");
        let q = cascaded(iku("U3", "Q", "100"), Validity::Proxy, Control::Moderate);
        let mut r = iku("U3", "R", "90");
        r.polarity = Polarity::Minimize;
        r.measures_quality_or_time = true;
        let mut s = iku("U3", "S", "50");
        s.new_iku = true;
        s.validity = Validity::Activity;
        s.target_prev = None;
        let ds = ds(vec![p, q, r, s]);
        let b = k3_breakdown(&ds, &rb300(), "U3", Some(d("104.00")));
        assert_eq!(b.method, K3Method::Points);
        let pts: Vec<Decimal> = b.iku.iter().map(|k| k.iku_points).collect();
        assert_eq!(pts, [d("10"), d("11"), d("11"), d("9")]);
        let tps: Vec<Option<Decimal>> = b.iku.iter().map(|k| k.target_points).collect();
        assert_eq!(
            tps,
            [Some(d("3")), Some(d("2")), Some(d("3")), Some(d("3"))]
        );
        assert_eq!(b.iku[1].iku_points_raw, d("14"));
        assert!(b.iku[1].capped_by_quota);
        let quota = b.quota.clone().unwrap();
        assert_eq!(
            (quota.share, quota.allowed, quota.above_threshold),
            (d("0"), 0, 1)
        );
        assert_eq!(quota.capped, ["Q"]);
        assert_eq!(b.standard_iku_points, Some(d("10")));
        assert_eq!(b.standard_target_points, Some(d("3")));
        assert_eq!(b.iku_part, Some(d("1.025")));
        assert_eq!(b.target_part.unwrap().round_dp(4), d("0.9167"));
        assert_eq!(b.target_part, Some(d("11") / d("12")));
        assert_eq!(b.index.unwrap().round_dp(4), d("0.9817"));
        assert_eq!(b.nko, Some(d("104.00")));
        assert_eq!(b.nko_k3.unwrap().round_dp(2), d("102.09"));
        // full precision: not the product of rounded numbers
        assert_eq!(
            b.nko_k3,
            Some(d("104") * (d("0.615") + d("0.4") * d("11") / d("12")))
        );
        assert!(b.iku.iter().all(|k| k.warning.is_none()));
        // the reason as data: the points, then the quota that cut them
        let codes: Vec<Code> = b.iku[1].iku_reason.iter().map(|r| r.code).collect();
        assert_eq!(codes, [Code::IkuCascaded, Code::IkuCapped]);
        {
            assert_eq!(
                id(&b.iku[1].iku_reason),
                "diturunkan, proksi × sedang: 14 poin, dihitung 11 (kuota 0 %)"
            );
            assert_eq!(
                id(&b.iku[0].target_reason),
                "r = 1,04 terhadap target tahun lalu → 3"
            );
            assert_eq!(
                id(&b.iku[2].iku_reason),
                "tidak diturunkan, mengukur kualitas/waktu: 11 poin"
            );
            assert_eq!(id(&b.iku[3].target_reason), "IKU baru: 3 (standar)");
        }
    }

    #[test]
    fn not_cascaded_cells() {
        let plain = iku("U3", "A", "100");
        let mut act = iku("U3", "B", "100");
        act.validity = Validity::Activity;
        let mut qt = iku("U3", "C", "100");
        qt.measures_quality_or_time = true;
        let mut act_qt = iku("U3", "D", "100");
        act_qt.validity = Validity::Activity;
        act_qt.measures_quality_or_time = true;
        // tanggung renteng gives no deduction
        let mut tr = iku("U3", "E", "100");
        tr.tanggung_renteng = true;
        let ds = ds(vec![plain, act, qt, act_qt, tr]);
        let b = k3_breakdown(&ds, &rb300(), "U3", None);
        let pts: Vec<Decimal> = b.iku.iter().map(|k| k.iku_points).collect();
        assert_eq!(pts, [d("10"), d("9"), d("11"), d("9"), d("10")]);
        assert!(
            b.iku
                .iter()
                .all(|k| !k.capped_by_quota && k.iku_points == k.iku_points_raw)
        );
        assert_eq!(b.quota.unwrap().above_threshold, 0);
        assert!(id(&b.iku[4].iku_reason).contains("tanggung renteng tanpa pengurangan"));
    }

    #[test]
    fn cascaded_cells_and_invalid_combinations() {
        let cells = [
            (Validity::Proxy, Control::High, "11"),
            (Validity::Proxy, Control::Moderate, "14"),
            (Validity::Proxy, Control::Low, "19"),
            (Validity::Exact, Control::Moderate, "21"),
            (Validity::Exact, Control::Low, "26"),
            (Validity::Activity, Control::High, "9"),
            (Validity::Activity, Control::Moderate, "9"),
        ];
        for (v, c, want) in cells {
            let ds = ds(vec![cascaded(iku("U1", "A", "100"), v, c)]);
            let k = one(&ds, &rb300(), "U1", "A");
            assert_eq!(k.iku_points_raw, d(want), "{v}-{c}");
            assert!(
                id(&k.iku_reason).contains(&vc_id(v, c)),
                "{}",
                id(&k.iku_reason)
            );
            assert!(k.warning.is_none());
            assert!(!k.left_out);
        }
        // invalid (R04): no points, left out of the index (§10a), no placeholder
        for (v, c) in [
            (Validity::Exact, Control::High),
            (Validity::Activity, Control::Low),
        ] {
            let ds = ds(vec![cascaded(iku("U1", "A", "100"), v, c)]);
            let b = k3_breakdown(&ds, &rb300(), "U1", Some(d("100")));
            assert!(b.iku[0].left_out, "{v}-{c}");
            assert!(id(&b.iku[0].iku_reason).contains(&vc_id(v, c)));
            assert!(b.iku[0].warning.is_none(), "R04 reports it, not K3");
            assert_eq!((b.iku_part, b.index), (None, None), "nothing else to count");
        }
    }

    #[test]
    fn standard_points_per_level() {
        for (u, std) in [("K", "12"), ("U1", "12"), ("U2", "11"), ("U3", "10")] {
            let ds = ds(vec![iku(u, "A", "100")]);
            let b = k3_breakdown(&ds, &rb300(), u, None);
            assert_eq!(b.standard_iku_points, Some(d(std)));
            assert_eq!(b.iku_part, Some(d("10") / d(std)));
        }
    }

    fn with_points(unit: &str, specs: &[(&str, Validity, Control)]) -> Dataset {
        ds(specs
            .iter()
            .map(|(c, v, k)| cascaded(iku(unit, c, "100"), *v, *k))
            .collect())
    }

    #[test]
    fn quota_level_one_forty_percent_highest_points_keep_them() {
        use Control::*;
        use Validity::*;
        // 5 IKU → floor(0.4 × 5) = 2 may stay above 11.
        let ds = with_points(
            "U1",
            &[
                ("A", Proxy, Moderate),
                ("B", Exact, Moderate),
                ("C", Exact, Low),
                ("D", Proxy, Low),
                ("E", Proxy, High),
            ],
        );
        let b = k3_breakdown(&ds, &rb300(), "U1", None);
        let q = b.quota.unwrap();
        assert_eq!((q.share, q.allowed, q.above_threshold), (d("0.4"), 2, 4));
        assert_eq!(q.capped, ["A", "D"]);
        let pts: Vec<Decimal> = b.iku.iter().map(|k| k.iku_points).collect();
        assert_eq!(pts, [d("11"), d("21"), d("26"), d("11"), d("11")]);
        assert!(id(&b.iku[1].iku_reason).contains("40 %"));
        // E sits at the threshold: not above it, never capped
        assert!(!b.iku[4].capped_by_quota);
    }

    #[test]
    fn quota_ties_go_by_code_order_and_floor() {
        use Control::*;
        use Validity::*;
        // 4 IKU at level one → floor(1.6) = 1; three tie at 14 → the first code keeps it.
        let ds = with_points(
            "U1",
            &[
                ("C", Proxy, Moderate),
                ("A", Proxy, Moderate),
                ("B", Proxy, Moderate),
                ("D", Proxy, High),
            ],
        );
        let b = k3_breakdown(&ds, &rb300(), "U1", None);
        let q = b.quota.unwrap();
        assert_eq!((q.allowed, q.above_threshold), (1, 3));
        assert_eq!(q.capped, ["B", "C"]);
        let kept: Vec<&str> = b
            .iku
            .iter()
            .filter(|k| k.iku_points == d("14"))
            .map(|k| k.code.as_str())
            .collect();
        assert_eq!(kept, ["A"]);
    }

    #[test]
    fn quota_level_two_and_three() {
        use Control::*;
        use Validity::*;
        let specs = [
            ("A", Exact, Low),
            ("B", Exact, Low),
            ("C", Proxy, High),
            ("D", Proxy, High),
            ("E", Proxy, High),
        ];
        // level two: floor(0.2 × 5) = 1
        let b = k3_breakdown(&with_points("U2", &specs), &rb300(), "U2", None);
        assert_eq!(b.quota.as_ref().unwrap().allowed, 1);
        assert_eq!(b.quota.unwrap().capped, ["B"]);
        // level three: 0 %
        let b = k3_breakdown(&with_points("U3", &specs), &rb300(), "U3", None);
        assert_eq!(b.quota.as_ref().unwrap().allowed, 0);
        assert_eq!(b.quota.unwrap().capped, ["A", "B"]);
        assert_eq!(b.iku[0].iku_points, d("11"));
        // the wide level has no quota in kmk-300-2022: nothing is capped
        let b = k3_breakdown(&with_points("K", &specs), &rb300(), "K", None);
        assert!(b.quota.is_none());
        assert_eq!(b.iku[0].iku_points, d("26"));
    }

    /// Target points of one maximize/minimize IKU: target `t`, reference `reference`, against
    /// last year's realisasi when `vs_realisasi`.
    fn target_pts(
        polarity: Polarity,
        t: &str,
        reference: &str,
        vs_realisasi: bool,
    ) -> Option<Decimal> {
        let mut i = iku("U3", "A", t);
        i.polarity = polarity;
        if vs_realisasi {
            i.capaian_prev2_over_125 = true;
            i.target_prev = None;
            i.realisasi_prev = Some(d(reference));
        } else {
            i.target_prev = Some(d(reference));
        }
        let ds = ds(vec![i]);
        one(&ds, &rb300(), "U3", "A").target_points
    }

    #[test]
    fn target_thresholds_maximize_vs_previous_target_both_sides() {
        for (t, want) in [
            ("99.99", 1),
            ("100", 2),
            ("100.99", 2),
            ("101", 3),
            ("105.99", 3),
            ("106", 4),
            ("110.99", 4),
            ("111", 5),
        ] {
            assert_eq!(
                target_pts(Polarity::Maximize, t, "100", false),
                Some(Decimal::from(want)),
                "T {t}"
            );
        }
    }

    #[test]
    fn target_thresholds_maximize_vs_previous_realisasi_both_sides() {
        for (t, want) in [
            ("94.99", 1),
            ("95", 2),
            ("99.99", 2),
            ("100", 3),
            ("100.99", 3),
            ("101", 4),
            ("105.99", 4),
            ("106", 5),
        ] {
            assert_eq!(
                target_pts(Polarity::Maximize, t, "100", true),
                Some(Decimal::from(want)),
                "T {t}"
            );
        }
    }

    #[test]
    fn target_thresholds_minimize_vs_previous_target_both_sides() {
        for (t, want) in [
            ("100.01", 1),
            ("100", 2),
            ("99.01", 2),
            ("99", 3),
            ("89.01", 3),
            ("89", 4),
            ("85.01", 4),
            ("85", 5),
        ] {
            assert_eq!(
                target_pts(Polarity::Minimize, t, "100", false),
                Some(Decimal::from(want)),
                "T {t}"
            );
        }
    }

    #[test]
    fn target_thresholds_minimize_vs_previous_realisasi_both_sides() {
        for (t, want) in [
            ("109.01", 1),
            ("109", 2),
            ("100.01", 2),
            ("100", 3),
            ("99.01", 3),
            ("99", 4),
            ("89.01", 4),
            ("89", 5),
        ] {
            assert_eq!(
                target_pts(Polarity::Minimize, t, "100", true),
                Some(Decimal::from(want)),
                "T {t}"
            );
        }
    }

    #[test]
    fn annual_target_follows_the_consolidation() {
        // quarterly sum 25+25+25+30 = 105 against 100 → r 1.05 → 3
        let mut i = iku("U3", "A", "0");
        i.reporting_period = ReportingPeriod::Quarterly;
        i.targets = NO_MONTHS;
        for (m, v) in [(3, "25"), (6, "25"), (9, "25"), (12, "30")] {
            i.targets[m - 1] = Some(d(v));
        }
        let ds1 = ds(vec![i.clone()]);
        assert_eq!(one(&ds1, &rb300(), "U3", "A").target_points, Some(d("3")));
        // `last`: T = 30 against 100 → 1
        i.period_consolidation = Consolidation::Last;
        let ds2 = ds(vec![i]);
        assert_eq!(one(&ds2, &rb300(), "U3", "A").target_points, Some(d("1")));
    }

    #[test]
    fn exclusions_and_standard_points() {
        let mut law = iku("U3", "A", "200");
        law.target_basis = TargetBasis::Law;
        let mut special = iku("U3", "B", "50");
        special.target_basis = TargetBasis::Special;
        special.special_points = Some(5);
        special.special_reason = Some("ditetapkan KKO".into());
        let mut special_bad = iku("U3", "C", "50");
        special_bad.target_basis = TargetBasis::Special;
        special_bad.special_points = Some(7);
        let mut new = iku("U3", "D", "200");
        new.new_iku = true;
        let mut stab = iku("U3", "E", "200");
        stab.polarity = Polarity::Stabilize;
        let mut k120 = iku("U3", "F", "200");
        k120.konversi_120 = true;
        let mut no_ref = iku("U3", "G", "200");
        no_ref.target_prev = None;
        let mut no_target = iku("U3", "H", "200");
        no_target.targets = NO_MONTHS;
        let ds = ds(vec![
            law,
            special,
            special_bad,
            new,
            stab,
            k120,
            no_ref,
            no_target,
        ]);
        let b = k3_breakdown(&ds, &rb300(), "U3", None);
        let tps: Vec<Option<Decimal>> = b.iku.iter().map(|k| k.target_points).collect();
        let three = Some(d("3"));
        assert_eq!(
            tps,
            [None, Some(d("5")), three, three, three, three, three, three]
        );
        assert!(id(&b.iku[1].target_reason).contains("ditetapkan KKO"));
        let warned: Vec<&str> = b
            .iku
            .iter()
            .filter(|k| k.warning.is_some())
            .map(|k| k.code.as_str())
            .collect();
        assert_eq!(warned, ["C", "G"]);
        let w = b.iku[6].warning.as_ref().unwrap();
        assert_eq!(w.code, Code::NoReference);
        assert_eq!(
            w.arg("iku"),
            Some(&super::super::reason::Arg::Text("G".into()))
        );
        assert!(id(&b.iku[6].target_reason).contains("target tahun lalu"));
        // law is left out of the mean: (5 + 3 × 6) / 7 / 3
        assert_eq!(b.target_part, Some(d("23") / d("7") / d("3")));
    }

    #[test]
    fn every_target_left_out_leaves_the_index_not_computable() {
        let mut law = iku("U3", "A", "200");
        law.target_basis = TargetBasis::Law;
        let ds = ds(vec![law]);
        let b = k3_breakdown(&ds, &rb300(), "U3", Some(d("100")));
        assert_eq!(b.iku_part, Some(d("1")));
        assert_eq!((b.target_part, b.index, b.nko_k3), (None, None, None));
        // and a unit without IKU
        let b = k3_breakdown(&ds, &rb300(), "U2", Some(d("100")));
        assert!(b.iku.is_empty() && b.index.is_none() && b.nko_k3.is_none());
    }

    #[test]
    fn reference_switches_to_previous_realisasi_and_collective_average() {
        // capaian over 125 % twice: T 100 against realisasi 120 → r 0.83 → 1 (target 100 → 2)
        let mut i = iku("U3", "A", "100");
        i.realisasi_prev = Some(d("120"));
        assert_eq!(
            one(&ds(vec![i.clone()]), &rb300(), "U3", "A").target_points,
            Some(d("2"))
        );
        i.capaian_prev2_over_125 = true;
        let k = one(&ds(vec![i.clone()]), &rb300(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1")));
        assert!(
            id(&k.target_reason).contains("125"),
            "{}",
            id(&k.target_reason)
        );
        // collective: the average realisasi of the collective (95) → r 1.0526 → 4
        i.collective = true;
        i.avg_realisasi_prev = Some(d("95"));
        let k = one(&ds(vec![i.clone()]), &rb300(), "U3", "A");
        assert_eq!(k.target_points, Some(d("4")));
        assert!(id(&k.target_reason).contains(&num(d("100") / d("95"), 2, 4)));
        // collective without the average: missing reference → 3 with a warning
        i.avg_realisasi_prev = None;
        let k = one(&ds(vec![i.clone()]), &rb300(), "U3", "A");
        assert_eq!(k.target_points, Some(d("3")));
        assert!(k.warning.is_some());
        // a collective IKU below 125 % still uses last year's target
        i.capaian_prev2_over_125 = false;
        let k = one(&ds(vec![i]), &rb300(), "U3", "A");
        assert_eq!(k.target_points, Some(d("2")));
        assert!(k.warning.is_none());
    }

    #[test]
    fn nko_k3_is_capped_by_the_rulebook() {
        use Control::*;
        use Validity::*;
        // the wide level has no quota, so an exact-low IKU keeps its 26 points
        let mut i = cascaded(iku("K", "A", "111"), Exact, Low);
        i.target_prev = Some(d("100"));
        let ds = ds(vec![i]);
        let b = k3_breakdown(&ds, &rb300(), "K", Some(d("119")));
        // 0.6 × 26/12 + 0.4 × 5/3
        assert_eq!(
            b.index,
            Some(d("0.6") * d("26") / d("12") + d("0.4") * d("5") / d("3"))
        );
        assert_eq!(b.nko_k3, Some(d("120")));
        let b = k3_breakdown(&ds, &rb300(), "K", None);
        assert!(b.index.is_some() && b.nko_k3.is_none());
    }

    #[test]
    fn kmk127_target_multiplier_vectors() {
        let rb = rb127();
        let m = rb.k3.multiplier.as_ref().unwrap();
        for (tv, t1, r1, want) in [
            ("110", "100", "105", "1.2"),
            ("105", "100", "105", "1.1"),
            ("103", "100", "105", "1.0"),
            ("100", "100", "95", "1.0"),
            ("100", "100", "105", "0.9"),
            ("95", "100", "105", "0.8"),
            // more: T = T1 = R1 → 1.0; T = R1 < T1 → 0.8
            ("100", "100", "100", "1.0"),
            ("95", "100", "95", "0.8"),
        ] {
            assert_eq!(
                target_multiplier_127(m, Polarity::Maximize, d(tv), d(t1), d(r1)),
                d(want),
                "{tv} {t1} {r1}"
            );
        }
        // minimize mirrored: a lower target is more demanding
        for (tv, t1, r1, want) in [
            ("90", "100", "95", "1.2"),
            ("95", "100", "95", "1.1"),
            ("97", "100", "95", "1.0"),
            ("100", "100", "105", "1.0"),
            ("100", "100", "95", "0.9"),
            ("105", "100", "95", "0.8"),
        ] {
            assert_eq!(
                target_multiplier_127(m, Polarity::Minimize, d(tv), d(t1), d(r1)),
                d(want),
                "{tv} {t1} {r1}"
            );
        }
        assert_eq!(
            target_multiplier_127(m, Polarity::Stabilize, d("1"), d("2"), d("3")),
            d("1.0")
        );
    }

    #[test]
    fn kmk127_exact_low_with_law_based_target_is_1_2() {
        let mut i = cascaded(iku("U3", "A", "100"), Validity::Exact, Control::Low);
        i.target_basis = TargetBasis::Law;
        let ds = ds(vec![i]);
        let b = k3_breakdown(&ds, &rb127(), "U3", Some(d("100")));
        assert_eq!(b.method, K3Method::Multiplier);
        let k = &b.iku[0];
        assert_eq!(
            (k.iku_points, k.target_points, k.k3),
            (d("1.20"), Some(d("1.2")), Some(d("1.2")))
        );
        assert_eq!(b.index, Some(d("1.2")));
        assert_eq!(b.nko_k3, Some(d("120")));
        assert!(b.quota.is_none() && b.standard_iku_points.is_none());
    }

    #[test]
    fn kmk127_iku_multipliers_and_index_is_the_mean() {
        use Control::*;
        use Validity::*;
        let cells = [
            (Exact, Low, "1.20"),
            (Exact, Moderate, "1.15"),
            (Proxy, Low, "1.10"),
            (Proxy, Moderate, "1.00"),
            (Proxy, High, "0.90"),
            (Activity, Moderate, "0.80"),
            (Activity, High, "0.60"),
        ];
        for (v, c, want) in cells {
            let mut i = iku("U3", "A", "100");
            i.validity = v;
            i.control = c;
            i.new_iku = true;
            let k = one(&ds(vec![i]), &rb127(), "U3", "A");
            assert_eq!(k.iku_points, d(want), "{v}-{c}");
            assert_eq!(k.k3, Some((d(want) + d("1.0")) / Decimal::TWO));
        }
        // two IKU: proxy-moderate with T 110 vs (100, 105) → (1.00 + 1.2)/2 = 1.1;
        // activity-high, stabilize → (0.60 + 1.0)/2 = 0.8; index 0.95
        let mut a = iku("U3", "A", "110");
        a.realisasi_prev = Some(d("105"));
        let mut b = iku("U3", "B", "100");
        b.validity = Activity;
        b.control = High;
        b.polarity = Polarity::Stabilize;
        let br = k3_breakdown(&ds(vec![a, b]), &rb127(), "U3", Some(d("100")));
        assert_eq!(br.iku[0].k3, Some(d("1.1")));
        assert_eq!(br.iku[1].k3, Some(d("0.8")));
        assert_eq!(br.index, Some(d("0.95")));
        assert_eq!(br.iku_part, Some(d("0.8")));
        assert_eq!(br.target_part, Some(d("1.1")));
        assert_eq!(br.nko_k3, Some(d("95")));
        assert!(id(&br.iku[0].target_reason).contains(&num(d("1.1"), 2, 4)));
        assert!(id(&br.iku[0].iku_reason).contains(&num(d("1.00"), 2, 4)));
    }

    #[test]
    fn kmk127_new_collective_and_missing_facts() {
        let mut n = iku("U3", "A", "50");
        n.new_iku = true;
        assert_eq!(
            one(&ds(vec![n]), &rb127(), "U3", "A").target_points,
            Some(d("1.0"))
        );
        // collective: R1 is the average realisasi (105) → T 110 above both → 1.2
        let mut c = iku("U3", "A", "110");
        c.collective = true;
        c.realisasi_prev = Some(d("200"));
        c.avg_realisasi_prev = Some(d("105"));
        assert_eq!(
            one(&ds(vec![c]), &rb127(), "U3", "A").target_points,
            Some(d("1.2"))
        );
        // missing R1 → unknown with a warning
        let m = iku("U3", "A", "110");
        let k = one(&ds(vec![m]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1.0")));
        assert!(k.warning.is_some());
    }

    #[test]
    fn roll_up_iku_is_judged_on_its_rolled_up_target() {
        // U2/X rolls up by sum from U3/A (60) and U3b/B (50): T(year) 110 vs 100 → 4
        let mut x = iku("U2", "X", "1");
        x.targets = NO_MONTHS;
        x.location_consolidation = LocationConsolidation::Sum;
        let mut a = iku("U3", "A", "60");
        let mut b = iku("U3b", "B", "50");
        for c in [&mut a, &mut b] {
            c.cascade = Some(Cascade {
                from: CodeRef::new("U2", "X"),
                method: CascadeMethod::Indirect,
                kind: CascadeKind::Partial,
            });
        }
        let mut units = tree();
        units.push(unit("U3b", Level::Three, Some("U2")));
        let ds = Dataset::from_parts(2025, "kmk-300-2022", units, [], [x, a, b], vec![]);
        assert_eq!(
            iku_annual_target(&ds, ds.iku.get(&CodeRef::new("U2", "X")).unwrap()),
            Some(d("110"))
        );
        assert_eq!(one(&ds, &rb300(), "U2", "X").target_points, Some(d("4")));
    }

    #[test]
    fn roll_up_realisasi_only_when_every_child_reported() {
        let mut x = iku("U2", "X", "1");
        x.targets = NO_MONTHS;
        x.location_consolidation = LocationConsolidation::Average;
        let mut a = iku("U3", "A", "60");
        let mut b = iku("U3b", "B", "50");
        a.realisasi[11] = Some(d("70"));
        for c in [&mut a, &mut b] {
            c.cascade = Some(Cascade {
                from: CodeRef::new("U2", "X"),
                method: CascadeMethod::Indirect,
                kind: CascadeKind::Partial,
            });
        }
        let mut units = tree();
        units.push(unit("U3b", Level::Three, Some("U2")));
        let mut ds = Dataset::from_parts(2025, "kmk-300-2022", units, [], [x, a, b], vec![]);
        let key = CodeRef::new("U2", "X");
        let (t, r) = effective_series(&ds, ds.iku.get(&key).unwrap());
        assert_eq!((t[11], r[11]), (Some(d("55")), None));
        ds.iku.get_mut(&CodeRef::new("U3b", "B")).unwrap().realisasi[11] = Some(d("40"));
        let (_, r) = effective_series(&ds, ds.iku.get(&key).unwrap());
        assert_eq!(r[11], Some(d("55")));
    }

    // --- DOMAIN.md §10a, golden numbers ---------------------------------------------------

    /// A proxy-moderate (multiplier 1.00) maximize IKU with target T and last year's T1, R1.
    fn k127(t: &str, t1: Option<&str>, r1: Option<&str>) -> Iku {
        let mut i = iku("U3", "A", t);
        i.target_prev = t1.map(d);
        i.realisasi_prev = r1.map(d);
        i
    }

    #[test]
    fn golden_10a_mandatory_iku_at_0_8_gets_1_0() {
        // T 80 below T1 100 (R1 100): 0.8 by the table
        let mut i = k127("80", Some("100"), Some("100"));
        let k = one(&ds(vec![i.clone()]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("0.8")));
        // mandatory: at least mandatory_min = 1.0 (kmk-127-2026), and the reason says so
        i.mandatory = true;
        let k = one(&ds(vec![i.clone()]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1.0")), "{}", id(&k.target_reason));
        assert!(
            id(&k.target_reason).contains("IKU wajib: paling sedikit 1,00"),
            "{}",
            id(&k.target_reason)
        );
        assert_eq!(k.k3, Some(d("1.0")), "(1.00 proxy-moderate + 1.0) / 2");
        // above the floor nothing changes: T 110 above both → 1.2
        i.targets[11] = Some(d("110"));
        let k = one(&ds(vec![i.clone()]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1.2")));
        assert!(!id(&k.target_reason).contains("IKU wajib"));
        // the planning inverse agrees: no row below the floor
        i.targets[11] = Some(d("80"));
        let Plan::Ranges { rows, .. } = plan(&rb127(), &i) else {
            panic!()
        };
        assert!(rows.iter().all(|r| r.value >= d("1.0")), "{rows:?}");
        assert_eq!(plan(&rb127(), &i).row_of(d("80")).unwrap().value, d("1.0"));
        // kmk-300-2022 has no floor: the target points are the table's (80 vs 100 → 1)
        let k = one(&ds(vec![iku_mandatory("80")]), &rb300(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1")));
    }

    fn iku_mandatory(t: &str) -> Iku {
        let mut i = iku("U3", "A", t);
        i.mandatory = true;
        i
    }

    #[test]
    fn golden_10a_new_iku_with_history_takes_t1_from_r1() {
        // T 95, R1 105 → T1 := 105, T < T1 → 0.8
        let mut i = k127("95", None, Some("105"));
        i.new_iku = true;
        let k = one(&ds(vec![i.clone()]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("0.8")), "{}", id(&k.target_reason));
        assert!(
            id(&k.target_reason).contains("T1 := R1"),
            "{}",
            id(&k.target_reason)
        );
        assert_eq!(k.k3, Some(d("0.9")), "(1.00 + 0.8) / 2");
        // T 110 above R1 105 → 1.2
        i.targets[11] = Some(d("110"));
        let k = one(&ds(vec![i.clone()]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1.2")));
        // without history: 1.0
        i.realisasi_prev = None;
        let k = one(&ds(vec![i]), &rb127(), "U3", "A");
        assert_eq!(k.target_points, Some(d("1.0")));
        assert!(k.warning.is_none());
    }

    #[test]
    fn golden_10a_target_basis_institution_max_and_stable() {
        for basis in [
            TargetBasis::Law,
            TargetBasis::InstitutionMax,
            TargetBasis::Stable,
        ] {
            let mut i = k127("80", Some("100"), Some("100"));
            i.target_basis = basis;
            let k = one(&ds(vec![i]), &rb127(), "U3", "A");
            assert_eq!(k.target_points, Some(d("1.2")), "{basis}: KMK 127 hal. 73");
        }
        // kmk-300-2022 [assumption]: institution_max like law (left out), stable like stabilize
        let mut i = iku("U3", "A", "80");
        i.target_basis = TargetBasis::InstitutionMax;
        let b = k3_breakdown(&ds(vec![i.clone()]), &rb300(), "U3", None);
        assert_eq!(b.iku[0].target_points, None);
        assert_eq!(
            b.target_part, None,
            "the only IKU is left out of the target average"
        );
        i.target_basis = TargetBasis::Stable;
        assert_eq!(
            one(&ds(vec![i]), &rb300(), "U3", "A").target_points,
            Some(d("3"))
        );
    }

    #[test]
    fn golden_10a_an_invalid_cell_is_left_out_of_the_index() {
        // A proxy-moderate with T > both → (1.00 + 1.2) / 2 = 1.1; B exact-high: left out.
        let a = k127("110", Some("100"), Some("105"));
        let mut b = k127("110", Some("100"), Some("105"));
        b.code = "B".into();
        b.validity = Validity::Exact;
        b.control = Control::High;
        let br = k3_breakdown(&ds(vec![a, b]), &rb127(), "U3", Some(d("100")));
        assert_eq!(br.iku.len(), 2);
        assert!(br.iku[1].left_out && br.iku[1].k3.is_none());
        assert!(id(&br.iku[1].iku_reason).contains(&vc_id(Validity::Exact, Control::High)));
        assert_eq!(br.index, Some(d("1.1")), "no placeholder enters the index");
        assert_eq!(br.nko_k3, Some(d("110")));
    }

    #[test]
    fn golden_10a_k3_label() {
        let label = |t: &str, t1: &str, r1: &str| {
            k3_breakdown(&ds(vec![k127(t, Some(t1), Some(r1))]), &rb127(), "U3", None).label
        };
        // (1.00 + 1.2) / 2 = 1.1 > 1
        assert_eq!(label("110", "100", "105"), Some(K3Label::SangatBerkualitas));
        // T between T1 and R1: (1.00 + 1.0) / 2 = 1
        assert_eq!(label("102", "100", "105"), Some(K3Label::Berkualitas));
        // T < T1: (1.00 + 0.8) / 2 = 0.9 < 1
        assert_eq!(label("90", "100", "105"), Some(K3Label::CukupBerkualitas));
        assert_eq!(
            k3_breakdown(&ds(vec![iku("U3", "A", "1")]), &rb300(), "U3", None).label,
            None,
            "kmk-300-2022 has no label"
        );
    }

    #[test]
    fn golden_10a_t_equal_t1_equal_r1_warns() {
        let k = one(
            &ds(vec![k127("100", Some("100"), Some("100"))]),
            &rb127(),
            "U3",
            "A",
        );
        assert_eq!(k.target_points, Some(d("1.0")));
        let w = k.warning.expect("a warning");
        assert_eq!(w.code, Code::TargetEqualsT1R1);
        let en = crate::text::reason::render_in(crate::text::Lang::En, &w);
        assert!(en.contains("not explicitly regulated"), "{en}");
        // T = T1, R1 below: 1.0 without a warning
        let k = one(
            &ds(vec![k127("100", Some("100"), Some("90"))]),
            &rb127(),
            "U3",
            "A",
        );
        assert_eq!((k.target_points, k.warning), (Some(d("1.0")), None));
    }

    #[test]
    fn golden_10a_planning_inverse_kmk127() {
        let i = k127("0", Some("100"), Some("105"));
        let p = plan(&rb127(), &i);
        let Plan::Ranges { rows, .. } = &p else {
            panic!("{p:?}")
        };
        let text: Vec<(String, Decimal, bool)> = rows
            .iter()
            .map(|r| (r.range.text(|d| d.to_string()), r.value, r.best))
            .collect();
        assert_eq!(
            text,
            [
                ("T < 100".to_string(), d("0.8"), false),
                ("T = 100".to_string(), d("0.9"), false),
                ("100 < T < 105".to_string(), d("1.0"), false),
                ("T = 105".to_string(), d("1.1"), false),
                ("T > 105".to_string(), d("1.2"), true),
            ]
        );
        // every row agrees with the multiplier the breakdown computes
        for t in ["99", "100", "102", "105", "105.000001", "200"] {
            let want = plan(&rb127(), &i).row_of(d(t)).unwrap().value;
            let k = one(
                &ds(vec![k127(t, Some("100"), Some("105"))]),
                &rb127(),
                "U3",
                "A",
            );
            assert_eq!(k.target_points, Some(want), "T {t}");
        }
        // minimize: the mirror image, the best strictly below the minimum
        let mut m = k127("0", Some("100"), Some("90"));
        m.polarity = Polarity::Minimize;
        let Plan::Ranges { rows, .. } = plan(&rb127(), &m) else {
            panic!()
        };
        let best = rows.iter().find(|r| r.best).unwrap();
        assert_eq!(best.range.text(|d| d.to_string()), "T < 90");
        assert_eq!(best.value, d("1.2"));
        for t in ["80", "90", "95", "100", "101"] {
            let want = plan(&rb127(), &m).row_of(d(t)).unwrap().value;
            let mut x = k127(t, Some("100"), Some("90"));
            x.polarity = Polarity::Minimize;
            let k = one(&ds(vec![x]), &rb127(), "U3", "A");
            assert_eq!(k.target_points, Some(want), "minimize T {t}");
        }
        // R1 below T1: no "between" row, the best above T1
        let Plan::Ranges { rows, .. } = plan(&rb127(), &k127("0", Some("100"), Some("90"))) else {
            panic!()
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].range.text(|d| d.to_string()), "T > 100");
    }

    #[test]
    fn golden_10a_planning_inverse_kmk300_points() {
        // maximize against last year's target 100: r < 1.00 → 1 … r ≥ 1.11 → 5
        let i = iku("U3", "A", "0");
        let Plan::Ranges { rows, .. } = plan(&rb300(), &i) else {
            panic!()
        };
        let text: Vec<(String, Decimal)> = rows
            .iter()
            .map(|r| (r.range.text(|d| d.normalize().to_string()), r.value))
            .collect();
        assert_eq!(
            text,
            [
                ("T < 100".to_string(), d("1")),
                ("100 ≤ T < 101".to_string(), d("2")),
                ("101 ≤ T < 106".to_string(), d("3")),
                ("106 ≤ T < 111".to_string(), d("4")),
                ("T ≥ 111".to_string(), d("5")),
            ]
        );
        for t in ["99.99", "100", "104", "106", "110.99", "111"] {
            let want = plan(&rb300(), &i).row_of(d(t)).unwrap().value;
            let k = one(&ds(vec![iku("U3", "A", t)]), &rb300(), "U3", "A");
            assert_eq!(k.target_points, Some(want), "T {t}");
        }
        // fixed cases say so
        let mut l = iku("U3", "A", "0");
        l.target_basis = TargetBasis::Law;
        assert!(matches!(
            plan(&rb300(), &l),
            Plan::Fixed { value: None, .. }
        ));
        let mut n = iku("U3", "A", "0");
        n.target_prev = None;
        assert!(matches!(plan(&rb300(), &n), Plan::Unknown { .. }));
    }

    #[test]
    fn golden_10a_konversi_120_with_target_zero_is_not_computable() {
        use crate::domain::score::{CapaianInput, capaian};
        let k = CapaianInput {
            polarity: Polarity::Maximize,
            konversi_120: true,
            worst_realisasi: None,
            stabilize_scale: None,
        };
        assert_eq!(capaian(k, d("0"), d("0"), &rb127()), None);
        assert_eq!(capaian(k, d("10"), d("10"), &rb127()), Some(d("120")));
    }
}
