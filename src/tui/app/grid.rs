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
