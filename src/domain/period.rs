//! Consolidation to a period (`domain` §3).

use rust_decimal::Decimal;

use super::model::{Consolidation, Months, ReportingPeriod};

/// Target and realisasi consolidated up to and including a month ("s.d.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consolidated {
    /// Consolidated target of the reporting months ≤ p that have a target.
    pub target: Decimal,
    /// Consolidated realisasi over the same months; `None` when any of them lacks realisasi.
    pub realisasi: Option<Decimal>,
    /// The months that were consolidated (1-based).
    pub months: u16,
}

/// Consolidates values with the given method. `None` for an empty list, and when the result
/// cannot be represented (checked arithmetic: only values beyond the bounds of
/// `domain::bounds`, e.g. in a store written by an older version, can get there).
pub fn consolidate(method: Consolidation, values: &[Decimal]) -> Option<Decimal> {
    let last = *values.last()?;
    match method {
        Consolidation::Sum => checked_sum(values),
        Consolidation::Average => {
            checked_sum(values)?.checked_div(Decimal::from(values.len() as u64))
        }
        Consolidation::Last => Some(last),
    }
}

/// The sum of the values, `None` on overflow.
pub fn checked_sum(values: &[Decimal]) -> Option<Decimal> {
    values
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v))
}

/// The reporting months ≤ `period` that have a target.
pub fn months_with_target(
    rp: ReportingPeriod,
    targets: &Months,
    period: u8,
) -> impl Iterator<Item = u8> + '_ {
    rp.months()
        .iter()
        .copied()
        .filter(move |&m| m <= period && targets[(m - 1) as usize].is_some())
}

/// Consolidates target and realisasi up to and including `period` (1..=12).
///
/// `None` when no reporting month up to `period` has a target (nothing to measure yet).
pub fn consolidate_to(
    method: Consolidation,
    rp: ReportingPeriod,
    targets: &Months,
    realisasi: &Months,
    period: u8,
) -> Option<Consolidated> {
    let mut t = Vec::with_capacity(12);
    let mut r = Vec::with_capacity(12);
    let mut complete = true;
    let mut months = 0u16;
    for m in months_with_target(rp, targets, period) {
        let i = (m - 1) as usize;
        let Some(tv) = targets[i] else { continue };
        t.push(tv);
        match realisasi[i] {
            Some(v) => r.push(v),
            None => complete = false,
        }
        months |= 1 << (m - 1);
    }
    let target = consolidate(method, &t)?;
    let realisasi = if complete {
        consolidate(method, &r)
    } else {
        None
    };
    Some(Consolidated {
        target,
        realisasi,
        months,
    })
}

/// The annual target: the consolidation of all reporting months that have a target.
pub fn annual_target(
    method: Consolidation,
    rp: ReportingPeriod,
    targets: &Months,
) -> Option<Decimal> {
    let t: Vec<Decimal> = months_with_target(rp, targets, 12)
        .filter_map(|m| targets[(m - 1) as usize])
        .collect();
    consolidate(method, &t)
}

/// The latest reporting month ≤ 12 that has realisasi.
pub fn latest_realisasi_month(rp: ReportingPeriod, realisasi: &Months) -> Option<u8> {
    rp.months()
        .iter()
        .copied()
        .filter(|&m| realisasi[(m - 1) as usize].is_some())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::NO_MONTHS;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn months(pairs: &[(u8, &str)]) -> Months {
        let mut m = NO_MONTHS;
        for (k, v) in pairs {
            m[(*k - 1) as usize] = Some(d(v));
        }
        m
    }

    #[test]
    fn worked_example_quarterly_sum() {
        let t = months(&[(3, "4"), (6, "5"), (9, "4"), (12, "5")]);
        let r = months(&[(3, "4"), (6, "6")]);
        let c = consolidate_to(Consolidation::Sum, ReportingPeriod::Quarterly, &t, &r, 6).unwrap();
        assert_eq!((c.target, c.realisasi), (d("9"), Some(d("10"))));
        let c = consolidate_to(Consolidation::Sum, ReportingPeriod::Quarterly, &t, &r, 9).unwrap();
        assert_eq!(
            c.realisasi, None,
            "September lacks realisasi: not computable"
        );
        assert_eq!(c.target, d("13"));
        assert_eq!(
            annual_target(Consolidation::Sum, ReportingPeriod::Quarterly, &t),
            Some(d("18"))
        );
        // before the first reporting month there is nothing to measure
        assert!(
            consolidate_to(Consolidation::Sum, ReportingPeriod::Quarterly, &t, &r, 2).is_none()
        );
        // May: only March counts
        let c = consolidate_to(Consolidation::Sum, ReportingPeriod::Quarterly, &t, &r, 5).unwrap();
        assert_eq!((c.target, c.realisasi), (d("4"), Some(d("4"))));
    }

    #[test]
    fn average_and_last() {
        let t = months(&[(6, "80"), (12, "90")]);
        let r = months(&[(6, "70"), (12, "100")]);
        let avg = consolidate_to(
            Consolidation::Average,
            ReportingPeriod::Semester,
            &t,
            &r,
            12,
        )
        .unwrap();
        assert_eq!((avg.target, avg.realisasi), (d("85"), Some(d("85"))));
        let last =
            consolidate_to(Consolidation::Last, ReportingPeriod::Semester, &t, &r, 12).unwrap();
        assert_eq!((last.target, last.realisasi), (d("90"), Some(d("100"))));
    }

    #[test]
    fn months_without_target_are_skipped_and_non_reporting_months_ignored() {
        // monthly IKU with no target in February: February's realisasi is not consolidated
        let t = months(&[(1, "1"), (3, "1")]);
        let r = months(&[(1, "2"), (2, "50"), (3, "2")]);
        let c = consolidate_to(Consolidation::Sum, ReportingPeriod::Monthly, &t, &r, 3).unwrap();
        assert_eq!((c.target, c.realisasi), (d("2"), Some(d("4"))));
        // quarterly: a stray realisasi in January is not a reporting month
        let t = months(&[(3, "10")]);
        let r = months(&[(1, "99"), (3, "5")]);
        let c = consolidate_to(Consolidation::Sum, ReportingPeriod::Quarterly, &t, &r, 3).unwrap();
        assert_eq!(c.realisasi, Some(d("5")));
    }

    #[test]
    fn average_keeps_full_precision() {
        let t = months(&[(1, "1"), (2, "1"), (3, "2")]);
        let c =
            consolidate_to(Consolidation::Average, ReportingPeriod::Monthly, &t, &t, 3).unwrap();
        assert_eq!(c.target, d("4") / d("3"));
        assert_eq!(c.target.round_dp(2), d("1.33"));
    }

    #[test]
    fn latest_month() {
        let r = months(&[(3, "1"), (6, "2"), (8, "5")]);
        assert_eq!(
            latest_realisasi_month(ReportingPeriod::Quarterly, &r),
            Some(6)
        );
        assert_eq!(
            latest_realisasi_month(ReportingPeriod::Monthly, &r),
            Some(8)
        );
        assert_eq!(latest_realisasi_month(ReportingPeriod::Annual, &r), None);
    }
}
