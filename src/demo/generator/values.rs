//! The values of an IKU: targets, realisasi, the previous year, and the roll-ups.

use rust_decimal::Decimal;

use crate::domain::model::{Iku, Level, Months, NO_MONTHS, Polarity};
use crate::domain::period::annual_target;

use super::{Band, Generator, cents, dec};
use crate::demo::catalogue::Kind;

impl Generator {
    /// Targets, realisasi and previous-year facts of an IKU with its own values.
    pub(super) fn fill_values(&mut self, u: usize, iku: &mut Iku, kind: Kind, lo: i64, hi: i64) {
        let size = match self.nodes[u].level {
            Level::Wide => 200_000,
            Level::One => 40_000,
            Level::Two => 6_000,
            Level::Three => 1_000,
        } * self.rng.range(600, 1600)
            / 1000;
        let rp = iku.reporting_period;
        let k = rp.months().len() as i64;
        let mut targets = NO_MONTHS;
        match kind {
            Kind::Flow | Kind::Count => {
                let whole = kind == Kind::Count;
                let mut annual = self.rng.range(lo, hi) * size / 1000;
                if whole {
                    annual = (annual / 100).max(k) * 100;
                } else {
                    annual = annual.max(k * 100);
                }
                let w: Vec<i64> = (0..k).map(|_| self.rng.range(85, 115)).collect();
                let sum_w: i64 = w.iter().sum();
                let mut left = annual;
                for (i, m) in rp.months().iter().enumerate() {
                    let mut v = if i as i64 == k - 1 {
                        left
                    } else {
                        annual * w[i] / sum_w
                    };
                    if whole {
                        v = (v / 100).max(1) * 100;
                    }
                    let v = v.max(if whole { 100 } else { 1 });
                    left -= v;
                    targets[usize::from(*m - 1)] = Some(dec(v));
                }
            }
            Kind::Level => {
                let mut v = self.rng.range(lo, hi);
                v = if hi <= 5_00 { v / 5 * 5 } else { v / 100 * 100 };
                let v = v.max(1);
                for m in rp.months() {
                    targets[usize::from(*m - 1)] = Some(dec(v));
                }
            }
            Kind::Progress => {
                let f = (self.rng.range(lo, hi) / 100 * 100).max(100);
                for m in rp.months() {
                    let v = (f * i64::from(*m) / 12 / 100 * 100).max(100);
                    targets[usize::from(*m - 1)] = Some(dec(if *m == 12 { f } else { v }));
                }
            }
            Kind::Zero => {
                for m in rp.months() {
                    targets[usize::from(*m - 1)] = Some(Decimal::ZERO);
                }
                iku.worst_realisasi = Some(Decimal::from(self.rng.range(lo, hi) / 100));
            }
        }
        iku.targets = targets;
        iku.realisasi = self.realisasi_for(iku, kind);
        self.previous_year(iku, kind);
    }

    pub(super) fn band(&mut self) -> Band {
        match self.rng.below(100) {
            0..55 => Band::Green,
            55..83 => Band::Yellow,
            _ => Band::Red,
        }
    }

    /// Realisasi for the reporting months January–September, in a capaian band drawn per IKU.
    pub(super) fn realisasi_for(&mut self, iku: &Iku, kind: Kind) -> Months {
        let band = self.band();
        let mut out = NO_MONTHS;
        let months: Vec<usize> = iku
            .reporting_period
            .months()
            .iter()
            .filter(|m| **m <= 9)
            .map(|m| usize::from(*m - 1))
            .collect();
        if kind == Kind::Zero {
            let w = iku.worst_realisasi.map_or(10, |w| cents(w) / 100).max(1);
            let total = match band {
                Band::Green => 0,
                Band::Yellow => (w * self.rng.range(100, 200) / 1000).max(1),
                Band::Red => (w * self.rng.range(300, 600) / 1000).max(1),
            };
            let mut per = vec![0i64; months.len()];
            if !per.is_empty() {
                for _ in 0..total {
                    let i = self.rng.below(per.len() as u64) as usize;
                    per[i] += 1;
                }
            }
            for (i, m) in months.iter().enumerate() {
                out[*m] = Some(Decimal::from(per[i]));
            }
            return out;
        }
        let (flo, fhi) = match band {
            Band::Green => (1000, 1150),
            Band::Yellow => (820, 980),
            Band::Red => (550, 780),
        };
        let f = self.rng.range(flo, fhi);
        let (dlo, dhi) = match band {
            Band::Green => (0, 80),
            Band::Yellow => (130, 250),
            Band::Red => (300, 420),
        };
        let d = self.rng.range(dlo, dhi);
        let below = self.rng.chance(50);
        for m in months {
            let Some(t) = iku.targets[m].map(cents) else {
                continue;
            };
            let cap = match iku.unit_of_measure.as_str() {
                "%" => Some(100_00),
                "indeks" if t <= 5_00 => Some(5_00),
                "indeks" => Some(100_00),
                _ => None,
            };
            let jitter = if band == Band::Green {
                self.rng.range(0, 20)
            } else {
                self.rng.range(-10, 10)
            };
            let mut r = match iku.polarity {
                Polarity::Maximize => t * (f + jitter) / 1000,
                Polarity::Minimize => t * (2000 - f - jitter) / 1000,
                Polarity::Stabilize => {
                    let dd = d + jitter.abs().min(10);
                    let up = t * (1000 + dd) / 1000;
                    if cap.is_some_and(|c| up > c) || below {
                        t * (1000 - dd) / 1000
                    } else {
                        up
                    }
                }
            };
            if let Some(c) = cap {
                r = r.min(c);
            }
            if kind == Kind::Count {
                r = (r + 50) / 100 * 100;
            }
            out[m] = Some(dec(r.max(0)));
        }
        out
    }

    /// K3 facts of the previous year (target and realisasi, the >125 % flag, collective).
    pub(super) fn previous_year(&mut self, iku: &mut Iku, kind: Kind) {
        if kind == Kind::Zero {
            iku.target_prev = Some(Decimal::from(self.rng.range(1, 3)));
            iku.realisasi_prev = Some(Decimal::from(self.rng.range(0, 3)));
            return;
        }
        let Some(annual) =
            annual_target(iku.period_consolidation, iku.reporting_period, &iku.targets)
        else {
            return;
        };
        let a = cents(annual);
        let g = self.rng.range(-40, 130);
        let tp = match iku.polarity {
            Polarity::Minimize => a * 1000 / (1000 - g),
            _ => a * 1000 / (1000 + g),
        }
        .max(1);
        let over = self.rng.chance(4);
        let rp = if over {
            match iku.polarity {
                Polarity::Minimize => tp * 70 / 100,
                _ => tp * 130 / 100,
            }
        } else {
            tp * self.rng.range(950, 1100) / 1000
        };
        iku.target_prev = Some(dec(tp));
        iku.realisasi_prev = Some(dec(rp.max(1)));
        iku.capaian_prev2_over_125 = over;
        if self.rng.chance(3) {
            iku.collective = true;
            iku.avg_realisasi_prev = iku.realisasi_prev;
        }
    }

    /// Roll-up IKU take their targets and realisasi (and previous-year facts) as the sum of
    /// their children's; children come later in preorder, so walk backwards.
    pub(super) fn roll_up(&mut self) {
        for u in (0..self.built.len()).rev() {
            let (left, right) = self.built.split_at_mut(u + 1);
            let b = &mut left[u];
            for (i, m) in b.meta.iter().enumerate() {
                if m.rollup_children.is_empty() {
                    continue;
                }
                let children: Vec<&Iku> = m
                    .rollup_children
                    .iter()
                    .map(|(cu, ci)| &right[cu - u - 1].iku[*ci])
                    .collect();
                let iku = &mut b.iku[i];
                let mut targets = NO_MONTHS;
                let mut realisasi = NO_MONTHS;
                for mo in 0..12 {
                    let ts: Option<Vec<Decimal>> = children.iter().map(|c| c.targets[mo]).collect();
                    targets[mo] = ts.map(|v| v.into_iter().sum());
                    let rs: Option<Vec<Decimal>> =
                        children.iter().map(|c| c.realisasi[mo]).collect();
                    realisasi[mo] = rs.map(|v| v.into_iter().sum());
                }
                iku.targets = targets;
                iku.realisasi = realisasi;
                let sum = |f: fn(&Iku) -> Option<Decimal>| -> Option<Decimal> {
                    children.iter().map(|c| f(c)).sum::<Option<Decimal>>()
                };
                iku.target_prev = sum(|c| c.target_prev);
                iku.realisasi_prev = sum(|c| c.realisasi_prev);
                iku.new_iku = false;
                iku.capaian_prev2_over_125 = false;
                iku.collective = false;
                iku.avg_realisasi_prev = None;
            }
        }
    }
}
