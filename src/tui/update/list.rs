//! The list view: the IKU of the units in view in place of the tree, sorted by capaian, by
//! change since the comparison period or by code. The tree selection follows its cursor, so the
//! detail pane shows the IKU under it.

use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{App, Node, Screen};
use crate::tui::update::{Effect, common};

/// `list-view`: opens the list (from the tree or the grid), or closes it back to the tree on
/// the IKU it showed.
pub(super) fn toggle(app: &mut App) {
    if matches!(app.screen(), Screen::List) {
        close(app);
        return;
    }
    app.build_list();
    app.enter(Screen::List);
    if app.list().rows.is_empty() {
        app.error(t::LIST_EMPTY.s());
    }
}

/// The list is built again (a filter changed what is in view).
pub(super) fn rebuild_if_open(app: &mut App) {
    if matches!(app.screen(), Screen::List) {
        app.build_list();
    }
}

/// Back to the tree, on the IKU of the list's cursor (opened so that it is a row).
fn close(app: &mut App) {
    if let Some(n) = app.node().cloned() {
        app.select_node(&n);
    }
    app.enter(Screen::Tree);
}

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = common(app, &action) {
        return e;
    }
    let page = app.tree.page.max(1) as isize;
    match action {
        Action::Up => app.list_step(-1),
        Action::Down => app.list_step(1),
        Action::PageUp => app.list_step(-page),
        Action::PageDown => app.list_step(page),
        Action::First => app.list_step(isize::MIN / 2),
        Action::Last => app.list_step(isize::MAX / 2),
        Action::ListSort => {
            app.views.list.sort = app.views.list.sort.next();
            app.sort_list();
            let from = app.change_from();
            app.say(t::LIST_SORTED.fill(&[("sort", &app.list().sort.label(from))]));
        }
        Action::Expand | Action::Right | Action::FocusGrid | Action::SwitchPane => {
            if matches!(app.node(), Some(Node::Iku(_))) {
                close(app);
                app.enter(Screen::Grid);
                if let Some(k) = app.selected_iku().map(crate::domain::Iku::key) {
                    app.grid.month = app.grid_start_month(&k);
                }
            }
        }
        Action::Collapse | Action::Left => close(app),
        _ => {}
    }
    vec![]
}
