//! The grid screen: the month cursor, moving from IKU to IKU, editing and clearing a realisasi.

use crate::domain::Iku;
use crate::tui::action::Action;
use crate::tui::app::{App, Node};
use crate::tui::update::{Effect, common, edit};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = common(app, &action) {
        return e;
    }
    match action {
        Action::Left | Action::Right | Action::First | Action::Last => move_month(app, &action),
        Action::PageUp | Action::PageDown => {
            // a page of months: the grid shows the next (or previous) page
            let n = app.views.grid_page.clamp(1, 12);
            let m = app.grid.month;
            app.grid.month = if action == Action::PageDown {
                (m + n).min(12)
            } else {
                m.saturating_sub(n).max(1)
            };
        }
        Action::Up | Action::Down => neighbour(app, if action == Action::Down { 1 } else { -1 }),
        Action::StartEdit => app.open_editor(),
        Action::Insert(c) => {
            // a number typed on a cell starts its editor with it
            app.open_editor();
            if let Some(e) = app.editor_mut() {
                e.input.apply(&Action::Insert(c));
            }
        }
        Action::Clear => {
            let Some(key) = app.selected_iku().map(Iku::key) else {
                return vec![];
            };
            let month = app.month();
            if let Some(why) = app.edit_refusal(&key, month) {
                app.error(crate::text::reason::refusal(&why));
                return vec![];
            }
            // what the grid shows is what its author saw
            let seen = app.ds().iku[&key].realisasi[(month - 1) as usize];
            return edit::store_value(app, key, month, None, None, seen);
        }
        Action::FocusTree | Action::SwitchPane | Action::Cancel => app.leave(),
        _ => {}
    }
    vec![]
}

/// Up/Down in the grid: the neighbouring IKU of the unit in tree order (SS by SS, open or
/// not), at the same month; past the unit's first or last IKU, the IKU of the next or previous
/// row of the tree.
fn neighbour(app: &mut App, step: isize) {
    let Some(key) = app.selected_iku().map(crate::domain::Iku::key) else {
        return;
    };
    let ikus: Vec<_> = app
        .unit_ikus(&key.unit)
        .into_iter()
        .filter(|k| app.kept(&Node::Iku(k.clone())))
        .collect();
    if let Some(i) = ikus.iter().position(|k| *k == key) {
        let j = i as isize + step;
        if j >= 0
            && let Some(k) = ikus.get(j as usize)
        {
            app.select_node(&Node::Iku(k.clone()));
            return;
        }
    }
    // move to the previous/next IKU row of the tree
    let mut cur = app.tree.selected.clone();
    loop {
        let next = if step > 0 {
            app.next_row(&cur)
        } else {
            app.prev_row(&cur)
        };
        match next {
            Some(p) if matches!(p.last(), Some(Node::Iku(_))) => {
                app.tree.selected = p;
                break;
            }
            Some(p) => cur = p,
            None => break,
        }
    }
}

/// Left/Right/First/Last on the month cursor (the grid and the addendum).
pub(super) fn move_month(app: &mut App, action: &Action) {
    let m = &mut app.grid.month;
    match action {
        Action::Left => *m = m.saturating_sub(1).max(1),
        Action::Right => *m = (*m + 1).min(12),
        Action::First => *m = 1,
        Action::Last => *m = 12,
        _ => {}
    }
}
