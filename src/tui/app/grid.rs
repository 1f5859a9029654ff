//! The grid pane: the month under its cursor.

use crate::tui::app::App;

#[derive(Debug)]
pub struct GridView {
    /// Grid cursor month (1..=12).
    pub(crate) month: u8,
}

impl App {
    /// The month under the grid cursor (1..=12).
    pub fn month(&self) -> u8 {
        self.grid.month
    }
}

impl App {
    /// The month the grid of an IKU opens on: its first reporting month without realisasi
    /// (rolled up for a roll-up IKU), else the current period.
    pub fn grid_start_month(&self, key: &crate::domain::CodeRef) -> u8 {
        let Some(iku) = self.data.ds.iku.get(key) else {
            return self.data.period;
        };
        let (_, realisasi) = crate::domain::score::effective_months(&self.data.ds, iku);
        iku.reporting_period
            .months()
            .iter()
            .copied()
            .find(|&m| realisasi[usize::from(m - 1)].is_none())
            .unwrap_or(self.data.period)
    }
}
