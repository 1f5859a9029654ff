//! Capaian, Nilai SS, Nilai Perspektif, NKO, predikat and roll-up (`domain` §4–§7).
//!
//! Everything is computed at full decimal precision; rounding happens only for display.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::model::{CodeRef, Dataset, Iku, Months, NO_MONTHS, Perspective, Polarity};
use super::period::{consolidate, consolidate_to};
use super::rulebook::Rulebook;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const TWO: Decimal = Decimal::TWO;

/// Status colour of one IKU (§7). Shown with a symbol as well as a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Green,
    Yellow,
    Red,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Yellow => "yellow",
            Status::Red => "red",
        }
    }
    /// Status of a capaian under the rulebook's thresholds.
    pub fn of(capaian: Decimal, rb: &Rulebook) -> Status {
        if capaian >= rb.capaian.green_min.0 {
            Status::Green
        } else if capaian >= rb.capaian.yellow_min.0 {
            Status::Yellow
        } else {
            Status::Red
        }
    }
}

/// The inputs of one capaian computation, apart from R and T.
#[derive(Debug, Clone, Copy)]
pub struct CapaianInput<'a> {
    pub polarity: Polarity,
    pub konversi_120: bool,
    pub worst_realisasi: Option<Decimal>,
    /// The IKU's own stabilize scale; `None` uses the rulebook's.
    pub stabilize_scale: Option<&'a [super::model::ScalePoint]>,
}

impl<'a> From<&'a Iku> for CapaianInput<'a> {
    fn from(i: &'a Iku) -> Self {
        CapaianInput {
            polarity: i.polarity,
            konversi_120: i.konversi_120,
            worst_realisasi: i.worst_realisasi,
            stabilize_scale: i.stabilize_scale.as_deref(),
        }
    }
}

/// Capaian in percent from consolidated R and T (§4), clamped to the rulebook's bounds.
/// `None` when not computable (T = 0 for maximize/stabilize, minimize T = 0 without W, a result
/// that cannot be represented).
///
/// Order of evaluation (§4): first the not-computable cases, then `konversi_120`, then the
/// formula of the polarity, then the clamp. So a `konversi_120` IKU with target 0 is not
/// computable, exactly as `check` (R06) says.
pub fn capaian(input: CapaianInput<'_>, r: Decimal, t: Decimal, rb: &Rulebook) -> Option<Decimal> {
    capaian_why(input, r, t, rb).ok()
}

/// Why a capaian (or a value resting on it) is not computable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotComputable {
    /// No reporting month up to the period has a target yet.
    NoTarget,
    /// A reporting month up to the period lacks realisasi.
    MissingRealisasi,
    /// T = 0 with maximize or stabilize.
    TargetZero,
    /// Minimize with T = 0 and no (or a zero) worst realisasi.
    NoWorstRealisasi,
    /// A value beyond the bounds (`domain::bounds`), or a result that cannot be represented.
    OutOfBounds,
}

/// [`capaian`] with the reason when it is not computable.
pub fn capaian_why(
    input: CapaianInput<'_>,
    r: Decimal,
    t: Decimal,
    rb: &Rulebook,
) -> Result<Decimal, NotComputable> {
    use NotComputable::*;
    let max = rb.capaian.max.0;
    let min = rb.capaian.min.0;
    // 1. the not-computable cases
    let worst = match (input.polarity, t.is_zero()) {
        (Polarity::Maximize | Polarity::Stabilize, true) => return Err(TargetZero),
        (Polarity::Minimize, true) => Some(
            input
                .worst_realisasi
                .filter(|w| !w.is_zero())
                .ok_or(NoWorstRealisasi)?,
        ),
        _ => None,
    };
    // 2. konversi_120: meeting the target gives the maximum
    if input.konversi_120 {
        let met = match input.polarity {
            Polarity::Maximize => r >= t,
            Polarity::Minimize => r <= t,
            Polarity::Stabilize => r == t,
        };
        if met {
            return Ok(max);
        }
    }
    // 3. the formula (checked: an unrepresentable result is not computable)
    let pct = |x: Option<Decimal>| x.and_then(|x| x.checked_mul(HUNDRED));
    let raw = match input.polarity {
        Polarity::Maximize => {
            let ratio = r.checked_div(t);
            if t < Decimal::ZERO {
                pct(ratio.and_then(|q| TWO.checked_sub(q)))
            } else {
                pct(ratio)
            }
        }
        Polarity::Minimize => match worst {
            Some(w) => pct(w.checked_sub(r).and_then(|d| d.checked_div(w))),
            // T < 0: R / T × 100 [assumption, by symmetry with maximize]
            None if t < Decimal::ZERO => pct(r.checked_div(t)),
            None => pct(r.checked_div(t).and_then(|q| TWO.checked_sub(q))),
        },
        Polarity::Stabilize => pct(r.checked_div(t)).and_then(|ratio| {
            let ca = if r <= t {
                Some(ratio)
            } else {
                Decimal::from(200).checked_sub(ratio)
            }?;
            match input.stabilize_scale {
                Some(points) if points.len() >= 2 => {
                    let pts: Vec<(Decimal, Decimal)> =
                        points.iter().map(|p| (p.ca, p.score)).collect();
                    interpolate(&pts, ca)
                }
                _ => interpolate(&rb.stabilize_scale(), ca),
            }
        }),
    };
    // 4. the clamp
    raw.map(|v| v.clamp(min, max)).ok_or(OutOfBounds)
}

/// Linear interpolation over points sorted by x; flat beyond the ends. `None` when the result
/// cannot be represented.
pub fn interpolate(points: &[(Decimal, Decimal)], x: Decimal) -> Option<Decimal> {
    let Some(first) = points.first() else {
        return Some(x);
    };
    let last = points[points.len() - 1];
    if x <= first.0 {
        return Some(first.1);
    }
    if x >= last.0 {
        return Some(last.1);
    }
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if x >= x0 && x <= x1 {
            if x1 == x0 {
                return Some(y1);
            }
            return (x - x0)
                .checked_mul(y1.checked_sub(y0)?)?
                .checked_div(x1.checked_sub(x0)?)?
                .checked_add(y0);
        }
    }
    Some(last.1)
}

/// A member of a weighted mean: (value, given weight).
pub type Member = (Option<Decimal>, Option<Decimal>);

/// Weighted mean over the members whose value is computable, renormalising the weights of
/// those present (§5). A member's weight is `None` when not given: if no member of the group has
/// a weight, all weigh the same; if some do, a member without a weight weighs 0.
pub fn weighted_mean(members: &[Member]) -> Option<Decimal> {
    let any_weight = members.iter().any(|(_, w)| w.is_some());
    let mut num = Decimal::ZERO;
    let mut den = Decimal::ZERO;
    for (v, w) in members {
        let Some(v) = v else { continue };
        let w = if any_weight {
            w.unwrap_or(Decimal::ZERO)
        } else {
            Decimal::ONE
        };
        num = num.checked_add(v.checked_mul(w)?)?;
        den = den.checked_add(w)?;
    }
    if den.is_zero() {
        None
    } else {
        num.checked_div(den)
    }
}

/// The monthly targets and realisasi an IKU is scored on: its own, or for a roll-up IKU (§6) the
/// consolidation of the IKUs cascaded from it in its direct child units.
pub fn effective_months(ds: &Dataset, iku: &Iku) -> (Months, Months) {
    effective_months_depth(ds, iku, 0)
}

fn effective_months_depth(ds: &Dataset, iku: &Iku, depth: usize) -> (Months, Months) {
    let Some(method) = iku
        .location_consolidation
        .as_consolidation()
        .filter(|_| iku.rolls_up())
    else {
        return (iku.targets, iku.realisasi);
    };
    let key = iku.key();
    if let Some(rolled) = ds.whole_year().and_then(|w| w.rolled.get(&key)) {
        return *rolled;
    }
    let children = super::edit::rollup_children(ds, iku);
    if children.is_empty() || depth > ds.units.len() {
        return (iku.targets, iku.realisasi);
    }
    let child_months: Vec<(Months, Months)> = children
        .iter()
        .map(|c| effective_months_depth(ds, c, depth + 1))
        .collect();
    let mut targets = NO_MONTHS;
    let mut realisasi = NO_MONTHS;
    for m in 0..12 {
        let mut t = Vec::new();
        let mut r = Vec::new();
        let mut complete = true;
        for (ct, cr) in &child_months {
            if let Some(tv) = ct[m] {
                t.push(tv);
                match cr[m] {
                    Some(rv) => r.push(rv),
                    None => complete = false,
                }
            }
        }
        targets[m] = consolidate(method, &t);
        realisasi[m] = if complete {
            consolidate(method, &r)
        } else {
            None
        };
    }
    (targets, realisasi)
}

/// One IKU's numbers up to a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IkuScore {
    pub code: String,
    pub ss: String,
    /// Consolidated target s.d. the period (`None` before the first reporting month).
    pub target: Option<Decimal>,
    /// Consolidated realisasi s.d. the period (`None` when any month lacks it).
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub status: Option<Status>,
    /// Why the capaian is not computable (`None` when it is).
    pub why: Option<NotComputable>,
    /// The realisasi this number waits for (§11 completeness): every reporting month up to the
    /// period that has a target and no realisasi, of this IKU or, for a roll-up (§6), of the
    /// child IKU it rolls up.
    pub missing: Vec<Missing>,
}

/// A realisasi that a number rests on and that is not there yet (§11).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Missing {
    pub unit: String,
    pub iku: String,
    /// 1..=12.
    pub month: u8,
}

impl Missing {
    /// Merges lists, sorted by unit, IKU, month, without duplicates.
    pub fn union<'a>(lists: impl IntoIterator<Item = &'a [Missing]>) -> Vec<Missing> {
        let set: std::collections::BTreeSet<&Missing> = lists.into_iter().flatten().collect();
        set.into_iter().cloned().collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsScore {
    pub code: String,
    pub perspective: Perspective,
    pub value: Option<Decimal>,
    /// The realisasi its IKU wait for; the value is complete when this is empty.
    pub missing: Vec<Missing>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveScore {
    pub perspective: Perspective,
    pub weight: Decimal,
    pub value: Option<Decimal>,
    /// The realisasi its SS wait for; the value is complete when this is empty.
    pub missing: Vec<Missing>,
}

/// A unit's scores for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitScore {
    pub unit: String,
    pub period: u8,
    pub nko: Option<Decimal>,
    pub predikat: Option<String>,
    pub perspectives: Vec<PerspectiveScore>,
    /// By SS code.
    pub ss: BTreeMap<String, SsScore>,
    /// By IKU code.
    pub iku: BTreeMap<String, IkuScore>,
    /// Every realisasi the NKO rests on that is missing (§11): the NKO is *complete* only when
    /// this is empty, and is shown as incomplete otherwise.
    pub missing: Vec<Missing>,
}

impl UnitScore {
    /// Whether the NKO (and every SS value) rests on complete data (§11).
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Scores one IKU up to `period` (1..=12).
pub fn score_iku(ds: &Dataset, rb: &Rulebook, iku: &Iku, period: u8) -> IkuScore {
    let (t, r) = effective_months(ds, iku);
    score_iku_on(ds, rb, iku, &t, &r, period)
}

/// Scores one IKU for every period 1..=12 (the grid's "Capaian s.d." row), resolving its
/// roll-up once instead of once per month.
pub fn score_iku_by_month(ds: &Dataset, rb: &Rulebook, iku: &Iku) -> Vec<IkuScore> {
    let (t, r) = effective_months(ds, iku);
    (1..=12)
        .map(|m| score_iku_on(ds, rb, iku, &t, &r, m))
        .collect()
}

/// Scores one IKU up to `period` from its effective monthly targets and realisasi.
fn score_iku_on(
    ds: &Dataset,
    rb: &Rulebook,
    iku: &Iku,
    t: &Months,
    r: &Months,
    period: u8,
) -> IkuScore {
    let rp = iku.reporting_period;
    let c = consolidate_to(iku.period_consolidation, rp, t, r, period);
    let mut missing = Vec::new();
    let mut out_of_bounds = false;
    for m in super::period::months_with_target(rp, t, period) {
        let i = (m - 1) as usize;
        // A stored value beyond the bounds (an older version's store). A roll-up's values are
        // sums, not stored values: its children are checked themselves, and the sums are
        // checked arithmetic.
        out_of_bounds |= !iku.rolls_up()
            && (t[i].is_some_and(|v| !super::bounds::within(v))
                || r[i].is_some_and(|v| !super::bounds::within(v)));
        if r[i].is_none() {
            missing_at(ds, iku, m, &mut missing);
        }
    }
    missing.sort();
    missing.dedup();
    let target = c.map(|c| c.target);
    let realisasi = c.and_then(|c| c.realisasi);
    let result = match (realisasi, target) {
        _ if out_of_bounds => Err(NotComputable::OutOfBounds),
        (Some(r), Some(t)) => capaian_why(iku.into(), r, t, rb),
        (_, None) if c.is_some() => Err(NotComputable::OutOfBounds),
        (_, None) => Err(NotComputable::NoTarget),
        (None, Some(_)) if missing.is_empty() => Err(NotComputable::OutOfBounds),
        (None, Some(_)) => Err(NotComputable::MissingRealisasi),
    };
    let capaian = result.ok();
    IkuScore {
        code: iku.code.clone(),
        ss: iku.ss.clone(),
        target,
        realisasi,
        capaian,
        status: capaian.map(|c| Status::of(c, rb)),
        why: result.err(),
        missing,
    }
}

/// The realisasi missing behind month `m` of `iku`: its own, or for a roll-up (§6) the IKU of
/// its direct child units with a target that month and without realisasi (a child that rolls up
/// itself is named, not its own children: a partial load of a unit, `store::partial`, holds
/// the direct children only, and must name the same).
fn missing_at(ds: &Dataset, iku: &Iku, m: u8, out: &mut Vec<Missing>) {
    let i = (m - 1) as usize;
    let children: Vec<&Iku> = if iku.rolls_up() {
        let key = iku.key();
        ds.ikus_cascaded_from(&key)
            .filter(|c| {
                ds.units.get(&c.unit).and_then(|u| u.parent.as_deref()) == Some(iku.unit.as_str())
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut found = false;
    for c in children {
        let (ct, cr) = effective_months(ds, c);
        if ct[i].is_some() && cr[i].is_none() {
            found = true;
            out.push(Missing {
                unit: c.unit.clone(),
                iku: c.code.clone(),
                month: m,
            });
        }
    }
    if !found {
        out.push(Missing {
            unit: iku.unit.clone(),
            iku: iku.code.clone(),
            month: m,
        });
    }
}

/// The perspective weights in force for a unit: the PK's own, else the rulebook default.
pub fn perspective_weights(
    ds: &Dataset,
    rb: &Rulebook,
    unit: &str,
) -> BTreeMap<Perspective, Decimal> {
    if let Some(u) = ds.units.get(unit)
        && !u.perspective_weights.is_empty()
    {
        return u
            .perspective_weights
            .iter()
            .map(|(p, d)| (*p, d.0))
            .collect();
    }
    let has_customer = ds
        .ss_of(unit)
        .iter()
        .filter_map(|k| ds.ss.get(k))
        .any(|s| s.perspective == Perspective::Customer);
    rb.default_perspective_weights(has_customer)
}

/// Scores a unit for a period: every IKU, SS, perspective, NKO and predikat.
pub fn score_unit(ds: &Dataset, rb: &Rulebook, unit: &str, period: u8) -> UnitScore {
    let iku: BTreeMap<String, IkuScore> = ds
        .iku_of_unit(unit)
        .map(|i| (i.code.clone(), score_iku(ds, rb, i, period)))
        .collect();
    let mut ss = BTreeMap::new();
    let mut by_perspective: BTreeMap<Perspective, Vec<(Member, Vec<Missing>)>> = BTreeMap::new();
    for key in ds.ss_of(unit) {
        let Some(s) = ds.ss.get(key) else { continue };
        let members: Vec<Member> = ds
            .ikus_in_ss(key)
            .map(|i| (iku.get(&i.code).and_then(|x| x.capaian), i.weight))
            .collect();
        let value = weighted_mean(&members);
        let missing = Missing::union(
            ds.ikus_in_ss(key)
                .filter_map(|i| iku.get(&i.code))
                .map(|x| x.missing.as_slice()),
        );
        by_perspective
            .entry(s.perspective)
            .or_default()
            .push(((value, s.weight), missing.clone()));
        ss.insert(
            s.code.clone(),
            SsScore {
                code: s.code.clone(),
                perspective: s.perspective,
                value,
                missing,
            },
        );
    }
    let weights = perspective_weights(ds, rb, unit);
    let perspectives: Vec<PerspectiveScore> = by_perspective
        .iter()
        .map(|(p, members)| PerspectiveScore {
            perspective: *p,
            weight: weights.get(p).copied().unwrap_or(Decimal::ZERO),
            value: weighted_mean(&members.iter().map(|(m, _)| *m).collect::<Vec<_>>()),
            missing: Missing::union(members.iter().map(|(_, x)| x.as_slice())),
        })
        .collect();
    let missing = Missing::union(perspectives.iter().map(|p| p.missing.as_slice()));
    let nko = weighted_mean(
        &perspectives
            .iter()
            .map(|p| (p.value, Some(p.weight)))
            .collect::<Vec<_>>(),
    )
    .map(|n| n.clamp(rb.nko.min.0, rb.nko.max.0));
    UnitScore {
        unit: unit.to_string(),
        period,
        nko,
        predikat: nko.map(|n| rb.predikat(n).to_string()),
        perspectives,
        ss,
        iku,
        missing,
    }
}

/// The latest month (1..=12) in which any IKU has realisasi in one of its reporting months.
pub fn latest_period(ds: &Dataset) -> Option<u8> {
    if let Some(w) = ds.whole_year() {
        return w.latest_period;
    }
    ds.iku
        .values()
        .filter_map(|i| super::period::latest_realisasi_month(i.reporting_period, &i.realisasi))
        .max()
}

/// The default period of `report` and of the TUI (§11): the latest month up to which every
/// IKU of the year has its realisasi in each of its reporting months that has a target, so that
/// a default never shows an incomplete number. When no month is complete yet, the latest month
/// with realisasi ([`latest_period`]); its incomplete numbers are then marked as such. A
/// partially loaded dataset (the TUI before the whole year is read) has it from the store's
/// year summary.
pub fn default_period(ds: &Dataset) -> Option<u8> {
    if let Some(w) = ds.whole_year() {
        return w.default_period;
    }
    let latest = latest_period(ds)?;
    let mut complete_to = latest;
    for iku in ds.iku.values().filter(|i| !i.rolls_up()) {
        if let Some(m) = iku.reporting_period.months().iter().copied().find(|&m| {
            m <= complete_to
                && iku.targets[(m - 1) as usize].is_some()
                && iku.realisasi[(m - 1) as usize].is_none()
        }) {
            complete_to = m - 1;
        }
    }
    Some(if complete_to == 0 {
        latest
    } else {
        complete_to
    })
}

/// Rounds for display and reports: 2 places, half away from zero.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to `places`, half away from zero.
pub fn round_to(d: Decimal, places: u32) -> Decimal {
    d.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Lazily computed unit scores for one period, invalidated per edit.
///
/// An edit of an IKU's values changes its unit and, through roll-ups (§6), only the unit's
/// ancestors: [`Scores::invalidate_iku`] drops exactly those, so the next read recomputes only
/// what depends on the edit. `recomputed` counts unit computations (tested, and benchmarked).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    period: u8,
    units: HashMap<String, UnitScore>,
    pub recomputed: usize,
}

impl Scores {
    pub fn new(period: u8) -> Self {
        Scores {
            period,
            units: HashMap::new(),
            recomputed: 0,
        }
    }
    pub fn period(&self) -> u8 {
        self.period
    }
    /// Changes the period; every cached score is dropped.
    pub fn set_period(&mut self, period: u8) {
        if period != self.period {
            self.period = period;
            self.units.clear();
        }
    }
    /// The score of a unit, computed on first use.
    pub fn unit(&mut self, ds: &Dataset, rb: &Rulebook, unit: &str) -> &UnitScore {
        if !self.units.contains_key(unit) {
            self.recomputed += 1;
            let s = score_unit(ds, rb, unit, self.period);
            self.units.insert(unit.to_string(), s);
        }
        &self.units[unit]
    }
    /// The cached score of a unit, if computed.
    pub fn cached(&self, unit: &str) -> Option<&UnitScore> {
        self.units.get(unit)
    }
    /// Drops what an edit of `iku`'s values can change: its unit and the unit's ancestors.
    pub fn invalidate_iku(&mut self, ds: &Dataset, iku: &CodeRef) {
        self.units.remove(&iku.unit);
        for a in ds.ancestors(&iku.unit) {
            self.units.remove(&a);
        }
    }
    /// Drops everything (after a structural change or a rulebook switch).
    pub fn clear(&mut self) {
        self.units.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn rb() -> Rulebook {
        Rulebook::default_rulebook()
    }
    fn input(p: Polarity) -> CapaianInput<'static> {
        CapaianInput {
            polarity: p,
            konversi_120: false,
            worst_realisasi: None,
            stabilize_scale: None,
        }
    }
    fn cap(p: Polarity, r: &str, t: &str) -> Option<Decimal> {
        capaian(input(p), d(r), d(t), &rb())
    }

    #[test]
    fn worked_examples_of_section_4() {
        assert_eq!(cap(Polarity::Maximize, "90", "80"), Some(d("112.5")));
        assert_eq!(cap(Polarity::Maximize, "150", "100"), Some(d("120")));
        assert_eq!(cap(Polarity::Minimize, "8", "10"), Some(d("120")));
        assert_eq!(cap(Polarity::Minimize, "12", "10"), Some(d("80")));
        let w = CapaianInput {
            worst_realisasi: Some(d("20")),
            ..input(Polarity::Minimize)
        };
        assert_eq!(capaian(w, d("5"), d("0"), &rb()), Some(d("75")));
        assert_eq!(cap(Polarity::Stabilize, "95", "100"), Some(d("110")));
    }

    #[test]
    fn target_zero_is_not_computable_except_minimize_with_worst() {
        assert_eq!(cap(Polarity::Maximize, "5", "0"), None);
        assert_eq!(cap(Polarity::Stabilize, "5", "0"), None);
        assert_eq!(
            cap(Polarity::Minimize, "5", "0"),
            None,
            "minimize T=0 needs W"
        );
        let w0 = CapaianInput {
            worst_realisasi: Some(d("0")),
            ..input(Polarity::Minimize)
        };
        assert_eq!(
            capaian(w0, d("5"), d("0"), &rb()),
            None,
            "W = 0 would divide by zero"
        );
        let w = CapaianInput {
            worst_realisasi: Some(d("20")),
            ..input(Polarity::Minimize)
        };
        assert_eq!(capaian(w, d("0"), d("0"), &rb()), Some(d("100")));
        assert_eq!(
            capaian(w, d("25"), d("0"), &rb()),
            Some(d("0")),
            "clamped at 0"
        );
    }

    #[test]
    fn negative_target_maximize() {
        // T = -10 (a deficit to reduce), R = -5: better than target → (2 - 0.5) × 100 = 150 → 120
        assert_eq!(cap(Polarity::Maximize, "-5", "-10"), Some(d("120")));
        // R = -12: worse → (2 - 1.2) × 100 = 80
        assert_eq!(cap(Polarity::Maximize, "-12", "-10"), Some(d("80")));
    }

    #[test]
    fn clamping_at_both_ends() {
        assert_eq!(
            cap(Polarity::Minimize, "25", "10"),
            Some(d("0")),
            "(2 - 2.5) × 100 = -50 → 0"
        );
        assert_eq!(cap(Polarity::Maximize, "-1", "10"), Some(d("0")));
        assert_eq!(cap(Polarity::Maximize, "120", "100"), Some(d("120")));
        assert_eq!(cap(Polarity::Maximize, "119.99", "100"), Some(d("119.99")));
    }

    #[test]
    fn stabilize_scale_and_overshoot() {
        // above target: Ca = 200 - 105 = 95 → 110
        assert_eq!(cap(Polarity::Stabilize, "105", "100"), Some(d("110")));
        assert_eq!(cap(Polarity::Stabilize, "100", "100"), Some(d("120")));
        assert_eq!(cap(Polarity::Stabilize, "90", "100"), Some(d("100")));
        // Ca 45 → 50 on the (0,0)-(90,100) segment
        assert_eq!(cap(Polarity::Stabilize, "45", "100"), Some(d("50")));
        assert_eq!(
            cap(Polarity::Stabilize, "250", "100"),
            Some(d("0")),
            "Ca negative → 0"
        );
        // own scale of the IKU wins
        let own = [
            ScalePoint {
                ca: d("0"),
                score: d("0"),
            },
            ScalePoint {
                ca: d("100"),
                score: d("100"),
            },
        ];
        let i = CapaianInput {
            stabilize_scale: Some(&own),
            ..input(Polarity::Stabilize)
        };
        assert_eq!(capaian(i, d("95"), d("100"), &rb()), Some(d("95")));
    }

    #[test]
    fn konversi_120() {
        let k = CapaianInput {
            konversi_120: true,
            ..input(Polarity::Maximize)
        };
        assert_eq!(capaian(k, d("100"), d("100"), &rb()), Some(d("120")));
        assert_eq!(capaian(k, d("99"), d("100"), &rb()), Some(d("99")));
        let k = CapaianInput {
            konversi_120: true,
            ..input(Polarity::Minimize)
        };
        assert_eq!(capaian(k, d("10"), d("10"), &rb()), Some(d("120")));
        assert_eq!(capaian(k, d("11"), d("10"), &rb()), Some(d("90")));
    }

    #[test]
    fn konversi_120_with_target_zero_is_not_computable_like_r06_says() {
        for p in [Polarity::Maximize, Polarity::Stabilize, Polarity::Minimize] {
            let k = CapaianInput {
                konversi_120: true,
                ..input(p)
            };
            assert_eq!(capaian(k, d("0"), d("0"), &rb()), None, "{p:?}");
            assert_eq!(capaian(k, d("5"), d("0"), &rb()), None, "{p:?}");
        }
        // minimize with a worst realisasi is computable at T = 0: konversi_120 then applies
        let k = CapaianInput {
            konversi_120: true,
            worst_realisasi: Some(d("20")),
            ..input(Polarity::Minimize)
        };
        assert_eq!(capaian(k, d("0"), d("0"), &rb()), Some(d("120")));
        assert_eq!(capaian(k, d("5"), d("0"), &rb()), Some(d("75")));
    }

    #[test]
    fn minimize_with_a_negative_target() {
        // §4: R / T × 100 [assumption, by symmetry with maximize]
        assert_eq!(cap(Polarity::Minimize, "-12", "-10"), Some(d("120")));
        assert_eq!(cap(Polarity::Minimize, "-8", "-10"), Some(d("80")));
    }

    #[test]
    fn an_unrepresentable_result_is_not_computable_not_a_panic() {
        let m = Decimal::MAX;
        assert_eq!(
            capaian_why(input(Polarity::Maximize), m, d("0.000001"), &rb()),
            Err(NotComputable::OutOfBounds)
        );
        assert_eq!(
            weighted_mean(&[(Some(m), Some(m)), (Some(m), Some(m))]),
            None
        );
    }

    #[test]
    fn status_thresholds_both_sides() {
        let rb = rb();
        assert_eq!(Status::of(d("100"), &rb), Status::Green);
        assert_eq!(Status::of(d("99.99"), &rb), Status::Yellow);
        assert_eq!(Status::of(d("80"), &rb), Status::Yellow);
        assert_eq!(Status::of(d("79.99"), &rb), Status::Red);
    }

    #[test]
    fn weighted_mean_renormalises_over_computable() {
        let v = |s: &str| Some(d(s));
        assert_eq!(weighted_mean(&[(v("100"), None), (v("80"), None)]), v("90"));
        assert_eq!(weighted_mean(&[(v("100"), None), (None, None)]), v("100"));
        // weights 60/40, second not computable → only the first counts
        assert_eq!(
            weighted_mean(&[(v("100"), v("60")), (None, v("40"))]),
            v("100")
        );
        assert_eq!(
            weighted_mean(&[(v("100"), v("60")), (v("50"), v("40"))]),
            v("80")
        );
        assert_eq!(weighted_mean(&[(None, None)]), None);
        assert_eq!(weighted_mean(&[]), None);
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
    fn monthly(unit: &str, code: &str, ss: &str, t: &[(u8, &str)], r: &[(u8, &str)]) -> Iku {
        let mut i = Iku::new(
            unit,
            code,
            ss,
            Polarity::Maximize,
            Consolidation::Sum,
            ReportingPeriod::Monthly,
        );
        for (m, v) in t {
            i.targets[(*m - 1) as usize] = Some(d(v));
        }
        for (m, v) in r {
            i.realisasi[(*m - 1) as usize] = Some(d(v));
        }
        i
    }

    #[test]
    fn nko_chain_with_default_weights_without_customer() {
        let ds = Dataset::from_parts(
            2025,
            "kmk-300-2022",
            [unit("U", Level::Three, None)],
            [
                ss("U", "S1", Perspective::Stakeholder),
                ss("U", "S2", Perspective::InternalProcess),
                ss("U", "S3", Perspective::LearningGrowth),
            ],
            [
                monthly("U", "A", "S1", &[(1, "100")], &[(1, "110")]), // 110
                monthly("U", "B", "S1", &[(1, "100")], &[(1, "90")]),  // 90 → S1 100
                monthly("U", "C", "S2", &[(1, "100")], &[(1, "80")]),  // S2 80
                monthly("U", "D", "S3", &[(1, "100")], &[]),           // S3 not computable
            ],
            vec![],
        );
        let s = score_unit(&ds, &rb(), "U", 1);
        assert_eq!(s.ss["S1"].value, Some(d("100")));
        assert_eq!(s.ss["S3"].value, None);
        // stakeholder 35, internal 40, learning 25 (absent): (100×35 + 80×40) / 75
        assert_eq!(s.nko, Some(d("6700") / d("75")));
        assert_eq!(s.predikat.as_deref(), Some("Cukup"));
        assert_eq!(round2(s.nko.unwrap()), d("89.33"));
        assert_eq!(s.iku["D"].status, None);
        assert_eq!(s.iku["C"].status, Some(Status::Yellow));
    }

    #[test]
    fn customer_perspective_switches_default_weights_and_pk_weights_win() {
        let mut u = unit("U", Level::Three, None);
        let parts = |u: Unit| {
            Dataset::from_parts(
                2025,
                "kmk-300-2022",
                [u],
                [
                    ss("U", "S1", Perspective::Stakeholder),
                    ss("U", "S2", Perspective::Customer),
                ],
                [
                    monthly("U", "A", "S1", &[(1, "100")], &[(1, "100")]),
                    monthly("U", "B", "S2", &[(1, "100")], &[(1, "50")]),
                ],
                vec![],
            )
        };
        let s = score_unit(&parts(u.clone()), &rb(), "U", 1);
        // 30 / 20: (100×30 + 50×20)/50 = 80
        assert_eq!(s.nko, Some(d("80")));
        u.perspective_weights
            .insert(Perspective::Stakeholder, Dec(d("50")));
        u.perspective_weights
            .insert(Perspective::Customer, Dec(d("50")));
        let s = score_unit(&parts(u), &rb(), "U", 1);
        assert_eq!(s.nko, Some(d("75")));
    }

    #[test]
    fn nko_clamped_to_120() {
        let ds = Dataset::from_parts(
            2025,
            "kmk-300-2022",
            [unit("U", Level::Three, None)],
            [ss("U", "S1", Perspective::Stakeholder)],
            [monthly("U", "A", "S1", &[(1, "100")], &[(1, "500")])],
            vec![],
        );
        assert_eq!(score_unit(&ds, &rb(), "U", 1).nko, Some(d("120")));
    }

    fn rollup_dataset() -> Dataset {
        let mut parent = monthly("K", "P", "S", &[(1, "999")], &[(1, "999")]);
        parent.cascade = Some(Cascade {
            from: CodeRef::new("D", "X"),
            method: CascadeMethod::Direct,
            kind: CascadeKind::Partial,
        });
        parent.location_consolidation = LocationConsolidation::Sum;
        let child = |u: &str, t: &str, r: Option<&str>| {
            let mut c = monthly(
                u,
                "C",
                "S",
                &[(1, t)],
                &r.map(|r| vec![(1u8, r)]).unwrap_or_default(),
            );
            c.cascade = Some(Cascade {
                from: CodeRef::new("K", "P"),
                method: CascadeMethod::Direct,
                kind: CascadeKind::Partial,
            });
            c
        };
        Dataset::from_parts(
            2025,
            "kmk-300-2022",
            [
                unit("K", Level::Two, None),
                unit("A", Level::Three, Some("K")),
                unit("B", Level::Three, Some("K")),
            ],
            [
                ss("K", "S", Perspective::Stakeholder),
                ss("A", "S", Perspective::Stakeholder),
                ss("B", "S", Perspective::Stakeholder),
            ],
            [
                parent,
                child("A", "100", Some("150")),
                child("B", "300", Some("240")),
            ],
            vec![],
        )
    }

    #[test]
    fn rollup_uses_summed_r_and_t_not_children_capaian() {
        let ds = rollup_dataset();
        let s = score_unit(&ds, &rb(), "K", 1);
        let p = &s.iku["P"];
        assert_eq!((p.target, p.realisasi), (Some(d("400")), Some(d("390"))));
        // 390/400 = 97.5; the mean of the children's capaian (120 clamped, 80) would be 100
        assert_eq!(p.capaian, Some(d("97.5")));
    }

    #[test]
    fn rollup_incomplete_month_is_not_shown_as_complete() {
        let mut ds = rollup_dataset();
        ds.iku.get_mut(&CodeRef::new("B", "C")).unwrap().realisasi[0] = None;
        let s = score_unit(&ds, &rb(), "K", 1);
        assert_eq!(s.iku["P"].realisasi, None);
        assert_eq!(s.iku["P"].capaian, None);
        assert_eq!(s.iku["P"].target, Some(d("400")));
    }

    #[test]
    fn rollup_average_and_last() {
        let mut ds = rollup_dataset();
        let k = CodeRef::new("K", "P");
        ds.iku.get_mut(&k).unwrap().location_consolidation = LocationConsolidation::Average;
        let s = score_unit(&ds, &rb(), "K", 1);
        assert_eq!(
            (s.iku["P"].target, s.iku["P"].realisasi),
            (Some(d("200")), Some(d("195")))
        );
        ds.iku.get_mut(&k).unwrap().location_consolidation = LocationConsolidation::Last;
        let s = score_unit(&ds, &rb(), "K", 1);
        assert_eq!(
            (s.iku["P"].target, s.iku["P"].realisasi),
            (Some(d("300")), Some(d("240")))
        );
    }

    #[test]
    fn cache_recomputes_only_unit_and_ancestors() {
        let mut ds = rollup_dataset();
        let rb = rb();
        let mut sc = Scores::new(1);
        for u in ["K", "A", "B"] {
            sc.unit(&ds, &rb, u);
        }
        assert_eq!(sc.recomputed, 3);
        let key = CodeRef::new("A", "C");
        ds.iku.get_mut(&key).unwrap().realisasi[0] = Some(d("50"));
        sc.invalidate_iku(&ds, &key);
        for u in ["K", "A", "B"] {
            sc.unit(&ds, &rb, u);
        }
        assert_eq!(sc.recomputed, 5, "A and its ancestor K, not B");
        assert_eq!(sc.unit(&ds, &rb, "K").iku["P"].realisasi, Some(d("290")));
    }

    #[test]
    fn latest_period_is_latest_reporting_month_with_realisasi() {
        let ds = rollup_dataset();
        assert_eq!(latest_period(&ds), Some(1));
        assert_eq!(latest_period(&Dataset::new(2025, "x")), None);
    }

    #[test]
    fn rounding_half_away_from_zero() {
        assert_eq!(round2(d("102.085")), d("102.09"));
        assert_eq!(round2(d("-1.005")), d("-1.01"));
        assert_eq!(round_to(d("0.98165"), 4), d("0.9817"));
    }
}
