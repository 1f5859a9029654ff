//! The quarterly table of a Laporan Capaian Kinerja (TW I, TW II, Semester I, TW III, s.d. TW III,
//! TW IV, the year) and the monthly series of its chart, from the consolidation rules of §3.
//!
//! A column is a window of months. The cumulative columns (TW I, Semester I, s.d. TW III, the
//! year) start in January and are exactly what `score_iku` gives for their last month. The
//! quarter columns (TW II, TW III, TW IV) consolidate the reporting months of that quarter alone
//! with the same rule: the reporting months of the window that have a target, `sum` / `average` /
//! `last` of them, not computable when any of them lacks realisasi. Realisasi after the report's
//! period is not consolidated (the report shows the year as it stood at the period).

use rust_decimal::Decimal;

use super::model::{Dataset, Iku, Months, NO_MONTHS};
use super::period::consolidate_to;
use super::rulebook::Rulebook;
use super::score::{Status, capaian, effective_months};

/// The columns of the quarterly table, in the order of the public layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Tw1,
    Tw2,
    Semester1,
    Tw3,
    UpToTw3,
    Tw4,
    Year,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Tw1,
        Column::Tw2,
        Column::Semester1,
        Column::Tw3,
        Column::UpToTw3,
        Column::Tw4,
        Column::Year,
    ];

    /// The months (1-based, inclusive) the column consolidates.
    pub fn window(self) -> (u8, u8) {
        match self {
            Column::Tw1 => (1, 3),
            Column::Tw2 => (4, 6),
            Column::Semester1 => (1, 6),
            Column::Tw3 => (7, 9),
            Column::UpToTw3 => (1, 9),
            Column::Tw4 => (10, 12),
            Column::Year => (1, 12),
        }
    }
}

/// Target, realisasi and capaian of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnScore {
    pub column: Column,
    /// `None` when no reporting month of the window has a target.
    pub target: Option<Decimal>,
    /// `None` when a reporting month of the window (with a target) lacks realisasi, or lies
    /// after the period.
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub status: Option<Status>,
}

/// The monthly values the report shows for an IKU: its effective targets (roll-up included) and
/// its realisasi up to `period`.
pub fn months_at(ds: &Dataset, iku: &Iku, period: u8) -> (Months, Months) {
    let (t, r) = effective_months(ds, iku);
    let mut masked = NO_MONTHS;
    let n = usize::from(period.min(12));
    masked[..n].copy_from_slice(&r[..n]);
    (t, masked)
}

/// The seven columns of an IKU's quarterly table as they stood at `period` (1..=12).
pub fn quarterly_table(ds: &Dataset, rb: &Rulebook, iku: &Iku, period: u8) -> Vec<ColumnScore> {
    let (t, r) = months_at(ds, iku, period);
    Column::ALL
        .iter()
        .map(|&c| column_score(rb, iku, &t, &r, c))
        .collect()
}

fn column_score(rb: &Rulebook, iku: &Iku, t: &Months, r: &Months, column: Column) -> ColumnScore {
    let (from, to) = column.window();
    // the months before the window are left out, so that "s.d. `to`" is the window alone
    let mut tw = *t;
    let mut rw = *r;
    for m in 0..usize::from(from - 1) {
        tw[m] = None;
        rw[m] = None;
    }
    let c = consolidate_to(iku.period_consolidation, iku.reporting_period, &tw, &rw, to);
    let target = c.map(|c| c.target);
    let realisasi = c.and_then(|c| c.realisasi);
    let capaian = match (realisasi, target) {
        (Some(r), Some(t)) => capaian(iku.into(), r, t, rb),
        _ => None,
    };
    ColumnScore {
        column,
        target,
        realisasi,
        capaian,
        status: capaian.map(|c| Status::of(c, rb)),
    }
}

/// The reporting months of an IKU with their target and realisasi (realisasi up to `period`):
/// the points of its chart.
pub fn monthly_series(
    ds: &Dataset,
    iku: &Iku,
    period: u8,
) -> Vec<(u8, Option<Decimal>, Option<Decimal>)> {
    let (t, r) = months_at(ds, iku, period);
    iku.reporting_period
        .months()
        .iter()
        .map(|&m| (m, t[usize::from(m - 1)], r[usize::from(m - 1)]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Consolidation, Polarity, ReportingPeriod};
    use crate::domain::score::score_iku;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn iku(c: Consolidation, rp: ReportingPeriod) -> Iku {
        Iku::new("U", "1a", "SS-1", Polarity::Maximize, c, rp)
    }

    fn ds_with(i: &Iku) -> Dataset {
        let mut ds = Dataset::new(2025, "kmk-300-2022");
        ds.iku.insert(i.key(), i.clone());
        ds.reindex();
        ds
    }

    #[test]
    fn quarterly_sum_of_the_worked_example() {
        // `domain` §3: targets [4, 5, 4, 5], realisasi [4, 6, –, –]
        let mut i = iku(Consolidation::Sum, ReportingPeriod::Quarterly);
        for (m, t) in [(3, "4"), (6, "5"), (9, "4"), (12, "5")] {
            i.targets[m - 1] = Some(d(t));
        }
        i.realisasi[2] = Some(d("4"));
        i.realisasi[5] = Some(d("6"));
        let ds = ds_with(&i);
        let rb = Rulebook::default_rulebook();
        let cols = quarterly_table(&ds, &rb, &i, 6);
        let tr: Vec<_> = cols.iter().map(|c| (c.target, c.realisasi)).collect();
        assert_eq!(
            tr,
            vec![
                (Some(d("4")), Some(d("4"))),
                (Some(d("5")), Some(d("6"))),
                (Some(d("9")), Some(d("10"))),
                (Some(d("4")), None),
                (Some(d("13")), None),
                (Some(d("5")), None),
                (Some(d("18")), None),
            ]
        );
        assert_eq!(cols[1].capaian, Some(d("120")));
        // the cumulative columns are the scores s.d. their last month
        for (col, m) in [(0, 3), (2, 6)] {
            let s = score_iku(&ds, &rb, &i, m);
            assert_eq!(
                (cols[col].target, cols[col].realisasi),
                (s.target, s.realisasi)
            );
            assert_eq!(cols[col].capaian, s.capaian);
        }
    }

    #[test]
    fn realisasi_after_the_period_is_left_out() {
        let mut i = iku(Consolidation::Last, ReportingPeriod::Monthly);
        for m in 0..12 {
            i.targets[m] = Some(d("10"));
        }
        for m in 0..9 {
            i.realisasi[m] = Some(Decimal::from(m as u32 + 1));
        }
        let ds = ds_with(&i);
        let rb = Rulebook::default_rulebook();
        let cols = quarterly_table(&ds, &rb, &i, 3);
        assert_eq!(cols[0].realisasi, Some(d("3")));
        assert_eq!(cols[1].realisasi, None, "April–June lie after March");
        assert_eq!(cols[1].target, Some(d("10")));
        let series = monthly_series(&ds, &i, 3);
        assert_eq!(series.len(), 12);
        assert_eq!(series[2], (3, Some(d("10")), Some(d("3"))));
        assert_eq!(series[3], (4, Some(d("10")), None));
    }

    #[test]
    fn a_quarter_alone_averages_its_own_months() {
        let mut i = iku(Consolidation::Average, ReportingPeriod::Monthly);
        for m in 0..6 {
            i.targets[m] = Some(d("10"));
            i.realisasi[m] = Some(Decimal::from(m as u32 + 1));
        }
        let ds = ds_with(&i);
        let rb = Rulebook::default_rulebook();
        let cols = quarterly_table(&ds, &rb, &i, 6);
        assert_eq!(cols[1].realisasi, Some(d("5")), "(4 + 5 + 6) / 3");
        assert_eq!(cols[2].realisasi, Some(d("3.5")), "(1 + … + 6) / 6");
    }
}
