//! The tree screen: moving, opening and closing nodes, entering the grid.

use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Node, Screen};
use crate::tui::update::{Effect, common};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = common(app, &action) {
        return e;
    }
    // Rows are stepped through from the selection (the cost is the depth of the tree, not the
    // number of rows unfolded).
    let page = app.tree.page.max(1) as isize;
    let go = |app: &mut App, n: isize| {
        if !app.is_row(&app.tree.selected)
            && let Some(first) = app.first_row()
        {
            app.tree.selected = first;
        }
        app.tree.selected = app.step_rows(&app.tree.selected, n);
    };
    match action {
        Action::Up => go(app, -1),
        Action::Down => go(app, 1),
        Action::First => {
            if let Some(p) = app.first_row() {
                app.tree.selected = p;
            }
        }
        Action::Last => {
            if let Some(p) = app.last_row() {
                app.tree.selected = p;
            }
        }
        Action::PageUp => go(app, -page),
        Action::PageDown => go(app, page),
        Action::Expand | Action::Right => {
            if let Some(n) = app.node().cloned() {
                if matches!(n, Node::Iku(_)) {
                    // "open or go in": an IKU opens in the grid
                    focus_grid(app);
                    return vec![];
                }
                if app.children(&n).is_empty() {
                    return vec![];
                }
                if app.tree.open.insert(n.id()) {
                    return vec![Effect::SaveUiState];
                }
                // already open: step to the first child
                go(app, 1);
            }
        }
        Action::Collapse | Action::Left => {
            if let Some(n) = app.node().cloned() {
                if app.tree.open.remove(&n.id()) {
                    return vec![Effect::SaveUiState];
                }
                if app.tree.selected.len() > 1 {
                    app.tree.selected.pop();
                }
            }
        }
        Action::Toggle => {
            if let Some(n) = app.node().cloned()
                && !app.children(&n).is_empty()
            {
                toggle(app, &n);
                return vec![Effect::SaveUiState];
            }
        }
        Action::FocusGrid | Action::SwitchPane => focus_grid(app),
        Action::StartEdit => {
            focus_grid(app);
            if app.focus() == Focus::Grid {
                app.open_editor();
            }
        }
        _ => {}
    }
    vec![]
}

fn toggle(app: &mut App, n: &Node) {
    let id = n.id();
    if !app.tree.open.remove(&id) {
        app.tree.open.insert(id);
    }
}

/// Tab on an IKU: its grid, on the current period. On a unit or an SS: the grid of the first
/// IKU below it (its own SS first), selected and opened in the tree; with none below, the
/// status says so.
fn focus_grid(app: &mut App) {
    if app.selected_iku().is_none() {
        let Some(n) = app.node().cloned() else { return };
        match first_iku_below(app, &n) {
            Some(iku) => app.select_node(&iku),
            None => {
                let (code, _) = app.label(&n);
                app.error(t::NO_IKU_BELOW.fill(&[("node", &code)]));
                return;
            }
        }
    }
    app.enter(Screen::Grid);
    if let Some(k) = app.selected_iku().map(crate::domain::Iku::key) {
        app.grid.month = app.grid_start_month(&k);
    }
}

/// The first IKU under `n` in tree order (open or not).
fn first_iku_below(app: &App, n: &Node) -> Option<Node> {
    for c in app.children(n) {
        if matches!(c, Node::Iku(_)) {
            return Some(c);
        }
        if let Some(i) = first_iku_below(app, &c) {
            return Some(i);
        }
    }
    None
}
