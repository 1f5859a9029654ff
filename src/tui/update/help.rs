//! The help popup: scrolls, and closes back to the screen under it.

use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::update::Effect;

/// Opens the help over the current screen.
pub(super) fn open(app: &mut App) {
    let over = Box::new(app.screen().clone());
    app.enter(Screen::Help { over });
}

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let scroll = &mut app.overlays.help_scroll;
    match action {
        Action::Help | Action::Cancel | Action::Quit => app.leave(),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::First => *scroll = 0,
        _ => {}
    }
    vec![]
}
