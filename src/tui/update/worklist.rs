//! The worklist screen: moving between the IKU due in a month, typing a realisasi (a digit
//! starts it, Enter stores it through the grid's edit path and goes to the next empty row),
//! changing the month and the scope.

use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::update::{Effect, edit, help, quit};

/// `worklist`: opens the worklist of the selected node's unit, or closes it.
pub(super) fn toggle(app: &mut App) {
    if matches!(app.screen(), Screen::Worklist) {
        app.close_worklist();
    } else {
        app.open_worklist();
    }
}

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = super::round::common(app, &action) {
        return e;
    }
    let page = app.tree.page.max(1) as isize;
    match action {
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Help => help::open(app),
        Action::ShowMessage if !app.status().is_empty() => {
            let over = Box::new(app.screen().clone());
            app.enter(Screen::Message { over });
        }
        Action::Up => app.worklist_step(-1),
        Action::Down => app.worklist_step(1),
        Action::PageUp => app.worklist_step(-page),
        Action::PageDown => app.worklist_step(page),
        Action::First => app.worklist_step(isize::MIN / 2),
        Action::Last => app.worklist_step(isize::MAX / 2),
        Action::Left | Action::PrevPeriod => app.worklist_month(-1),
        Action::Right | Action::NextPeriod => app.worklist_month(1),
        Action::WorklistScope => app.worklist_toggle_scope(),
        Action::Worklist | Action::Cancel | Action::FocusTree => app.close_worklist(),
        Action::StartEdit => start_edit(app),
        Action::Insert(c) => {
            // a digit starts typing into the row's realisasi
            start_edit(app);
            if let Some(e) = app.editor_mut() {
                e.input.apply(&Action::Insert(c));
            }
        }
        Action::Clear => {
            let Some(r) = app.worklist_row() else {
                return vec![];
            };
            let month = app.worklist().month;
            if let Some(why) = app.edit_refusal(&r.iku, month) {
                app.error(crate::text::reason::refusal(&why));
                return vec![];
            }
            if r.value.is_none() {
                return vec![];
            }
            // what the worklist shows is what its author saw
            return edit::store_value(app, r.iku, month, None, None, r.value);
        }
        Action::Undo => return edit::undo_redo(app, true),
        Action::Redo => return edit::undo_redo(app, false),
        _ => {}
    }
    vec![]
}

/// Opens the editor on the row under the cursor (a roll-up IKU says why it cannot).
fn start_edit(app: &mut App) {
    let Some(r) = app.worklist_row() else {
        return;
    };
    let month = app.worklist().month;
    app.open_editor_at(r.iku, month, true);
}
