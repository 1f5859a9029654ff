//! Trajectory of target and realisasi over the twelve months, on ONE common scale (ratatui's
//! Sparkline scales each series on its own, which makes them incomparable by eye).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::domain::Months;

/// Eight heights, lowest first.
pub const BARS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
/// The same in ASCII.
pub const BARS_ASCII: [&str; 8] = ["_", ".", ",", ":", "-", "=", "+", "#"];

/// The common scale of two series: (lowest, highest) over every present value. The baseline is
/// the lowest value, not zero: 97–98,5 % against a 98 % target would all be full blocks on a
/// scale from zero. The pane prints the scale beside the title, so the bars are not read as
/// starting at zero.
pub fn common_scale(a: &Months, b: &Months) -> Option<(Decimal, Decimal)> {
    let vals: Vec<Decimal> = a.iter().chain(b.iter()).flatten().copied().collect();
    let hi = *vals.iter().max()?;
    let lo = *vals.iter().min()?;
    Some((lo, hi))
}

/// The bar height (0..=7) of each month on the scale `lo..=hi`; `None` where there is no value.
/// Arithmetic stays in decimals; only the final level becomes an integer.
pub fn levels(values: &Months, lo: Decimal, hi: Decimal) -> [Option<u8>; 12] {
    let mut out = [None; 12];
    // checked: a value beyond the bounds (an older version's store) must not crash a frame
    let span = hi.checked_sub(lo);
    for (i, v) in values.iter().enumerate() {
        out[i] = v.map(|v| match span {
            Some(s) if s.is_zero() => 7,
            Some(s) => v
                .checked_sub(lo)
                .and_then(|d| d.checked_div(s))
                .and_then(|q| q.checked_mul(Decimal::from(7)))
                .map_or(0, |l| l.round().to_u8().unwrap_or(0).min(7)),
            None => 0,
        });
    }
    out
}

/// The two-row trajectory widget: `T` target, `R` realisasi.
pub struct Trajectory<'a> {
    pub target: &'a Months,
    pub realisasi: &'a Months,
    pub ascii: bool,
    pub target_style: Style,
    pub realisasi_style: Style,
    /// Style of the current-period column marker row (unused when there is no room).
    pub label_style: Style,
}

impl Trajectory<'_> {
    /// The text of one row, `per` characters per month.
    pub fn row_text(&self, values: &Months, per: usize) -> String {
        let bars = if self.ascii { &BARS_ASCII } else { &BARS };
        let Some((lo, hi)) = common_scale(self.target, self.realisasi) else {
            return " ".repeat(12 * per);
        };
        levels(values, lo, hi)
            .iter()
            .map(|l| match l {
                Some(l) => bars[*l as usize].repeat(per),
                None => " ".repeat(per),
            })
            .collect()
    }
}

impl Widget for Trajectory<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 || area.width < 5 {
            return;
        }
        let per = ((area.width as usize - 2) / 12).clamp(1, 3);
        let t = self.row_text(self.target, per);
        let r = self.row_text(self.realisasi, per);
        buf.set_string(area.x, area.y, "T ", self.label_style);
        buf.set_string(area.x + 2, area.y, t, self.target_style);
        buf.set_string(area.x, area.y + 1, "R ", self.label_style);
        buf.set_string(area.x + 2, area.y + 1, r, self.realisasi_style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NO_MONTHS;

    fn m(v: &[(usize, i64)]) -> Months {
        let mut out = NO_MONTHS;
        for (i, x) in v {
            out[*i] = Some(Decimal::from(*x));
        }
        out
    }

    #[test]
    fn both_series_share_one_scale() {
        let t = m(&[(0, 100), (1, 100)]);
        let r = m(&[(0, 50), (1, 100)]);
        let (lo, hi) = common_scale(&t, &r).unwrap();
        assert_eq!((lo, hi), (Decimal::from(50), Decimal::from(100)));
        let lt = levels(&t, lo, hi);
        let lr = levels(&r, lo, hi);
        assert_eq!(lt[0], Some(7));
        // the lowest value is the baseline, the target the top: not full height as a
        // per-series scale gives
        assert_eq!(lr[0], Some(0));
        assert_eq!(lr[1], Some(7));
        assert_eq!(lr[2], None);
    }

    #[test]
    fn close_values_are_told_apart_from_the_baseline() {
        // 97 … 98,5 against a 98 target: on a scale from zero they were all full blocks
        let t = m(&[(0, 98), (1, 98)]);
        let mut r = m(&[(0, 97)]);
        r[1] = Some(Decimal::new(985, 1));
        let (lo, hi) = common_scale(&t, &r).unwrap();
        let lr = levels(&r, lo, hi);
        let lt = levels(&t, lo, hi);
        assert_eq!(lr[0], Some(0));
        assert_eq!(lr[1], Some(7));
        assert!(lt[0].unwrap() > 0 && lt[0].unwrap() < 7, "{lt:?}");
    }

    #[test]
    fn ascii_rows_use_only_ascii() {
        let t = m(&[(0, 10), (5, 20)]);
        let r = m(&[(0, 5)]);
        let w = Trajectory {
            target: &t,
            realisasi: &r,
            ascii: true,
            target_style: Style::new(),
            realisasi_style: Style::new(),
            label_style: Style::new(),
        };
        let row = w.row_text(&t, 1);
        assert!(row.is_ascii(), "{row}");
        assert_eq!(row.chars().count(), 12);
        // the scale runs from 5 (the lowest value) to 20
        assert_eq!(&row[0..1], ",", "10 on 5..20 is level 2 of 0..7");
        assert_eq!(&row[5..6], "#");
        assert_eq!(w.row_text(&r, 1).chars().next(), Some('_'));
    }
}
