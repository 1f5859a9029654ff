//! The K3 breakdown panel of a unit (60 % quality of IKU, 40 % quality of target, each IKU's
//! points and reason, index, NKO K3). The computation lives in `domain::k3` (rules issue); until
//! it is merged this panel says so instead of showing numbers it cannot compute.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use rust_decimal::Decimal;

use super::block;
use crate::text::tui as t;
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, _unit: &str, _nko: Option<Decimal>) {
    let p = Paragraph::new(t::K3_PENDING.s())
        .style(app.theme.dim)
        .wrap(Wrap { trim: true })
        .block(block(app, t::K3_TITLE.s()));
    frame.render_widget(p, area);
}
