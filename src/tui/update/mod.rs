//! `update(&mut App, Action) -> Vec<Effect>`: every state change of the TUI, pure (no I/O), so
//! that it is tested without a terminal. What needs the outside world is returned as an
//! [`Effect`] for the run loop to perform.
//!
//! One handler file per screen ([`Screen`]): `tree.rs`, `grid.rs`, `edit.rs` (the cell editor
//! and undo/redo), `worklist.rs`, `round.rs` (the round's steps, its reason and evidence
//! prompts, the analysis editor), `search.rs`, `addendum.rs` (the addendum mode), `prompt.rs` (the addendum's
//! reason and its y/n question) and `help.rs`. The screen changes only in `App::enter`.

mod addendum;
mod edit;
mod grid;
mod help;
mod list;
mod peta;
mod prompt;
mod round;
mod search;
mod tree;
mod worklist;

use crossterm::event::KeyEvent;

use crate::tui::action::{Action, Mode};
use crate::tui::app::{App, Screen};
use crate::tui::deps::Change;

/// The source recorded in the audit log for changes made in the TUI.
pub const SOURCE: &str = "tui";
/// The source recorded for an addendum made in the TUI (the same as `kinerja addendum`).
pub const ADDENDUM_SOURCE: &str = "addendum";

/// Something the run loop does for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Store these changes (atomically, audited, flushed), then call [`App::applied`].
    Apply {
        changes: Vec<Change>,
        source: String,
    },
    /// Store these plan changes (atomically, audited, flushed), then give
    /// [`App::plan_applied`] the plans as stored, or why they were refused. `what` names the
    /// change in the status line.
    ApplyPlan {
        changes: Vec<crate::domain::plan::PlanChange>,
        source: String,
        what: String,
    },
    /// Leave the application.
    Quit,
    /// Suspend the process (Ctrl-z) and redraw on resume.
    Suspend,
    /// Persist [`App::ui_state`] (open/closed nodes, selection).
    SaveUiState,
    /// Read the file at `path` (a regular file within the rulebook's evidence limit), keep its
    /// bytes in the store and attach it to the IKU-month ([`Change::AddEvidence`]), then call
    /// [`App::applied`].
    AttachEvidence {
        iku: crate::domain::CodeRef,
        month: u8,
        path: std::path::PathBuf,
    },
}

/// The action a key press means in the current mode: the keymap's binding, else a printable
/// character typed into the editor or the search box.
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    app.keymap().resolve_or_insert(app.mode(), key)
}

/// Applies one action to the model.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.is_storing() {
        // a change is being stored; nothing else until it is confirmed
        return Vec::new();
    }
    if app.too_small() && !matches!(action, Action::Quit | Action::Redraw) {
        // only the "terminal too small" message is on screen: a key must not change what the
        // user cannot see (quit, a redraw and a resize still work)
        return Vec::new();
    }
    // A message is about the key that made it: the next key takes it away (a refusal does not
    // outlive a later edit, nor the start-up message the session), unless that key only looks
    // at it (help, the message in full, a redraw). The search and the popups keep theirs.
    let keeps = matches!(
        action,
        Action::Redraw | Action::Help | Action::ShowMessage | Action::Suspend
    ) || matches!(
        app.screen(),
        Screen::Search { .. } | Screen::Help { .. } | Screen::Message { .. }
    );
    if !keeps {
        app.say("");
    }
    let mode = app.mode();
    let before = is_tree_move(mode, &action).then(|| app.selected().clone());
    let effects = match app.screen() {
        Screen::Help { .. } | Screen::Message { .. } => help::update(app, action),
        Screen::List => list::update(app, action),
        Screen::AddendumReason(_)
        | Screen::AddendumDate(_)
        | Screen::AddendumConfirm(_)
        | Screen::AddendumDiscard
        | Screen::ConfirmRealisasi(_) => prompt::update(app, action),
        Screen::Edit(_) => edit::update(app, action),
        Screen::Search { .. } => search::update(app, action),
        Screen::Grid => grid::update(app, action),
        Screen::Tree => tree::update(app, action),
        Screen::Addendum => addendum::update(app, action),
        Screen::Worklist => worklist::update(app, action),
        Screen::Peta => peta::update(app, action),
        Screen::IsProgress(_) => peta::update_prompt(app, action),
        Screen::LinkReason(_) => peta::update_link_reason(app, action),
        Screen::BudgetRealisasi(_) => peta::update_budget(app, action),
        Screen::IsPlan(_) => peta::update_is_plan(app, action),
        Screen::RoundReason(_) => round::reason(app, action),
        Screen::EvidencePath(_) => round::evidence(app, action),
        Screen::Analysis(_) => round::analysis(app, action),
        Screen::CorrectionReason(_) => edit::correction(app, action),
    };
    // The detail pane follows the tree after a pause (`Settings::detail_pause`): a move that
    // only changed the tree selection keeps the detail where it was; every other action works
    // on the selection and shows its detail at once.
    match before {
        Some(before) if app.mode() == mode && *app.selected() != before => app.hold_detail(before),
        _ => app.sync_detail(),
    }
    effects
}

/// The actions that, in the tree or while searching, may only move the tree selection: up,
/// down, page, first, last, to the parent (left), into the first child (right on an open node)
/// and to the next/previous match. Whether one did is seen after it: the selection changed and
/// the mode did not (right on an IKU opens its grid, left on an open node closes it).
fn is_tree_move(mode: Mode, action: &Action) -> bool {
    matches!(mode, Mode::Tree | Mode::Search)
        && matches!(
            action,
            Action::Up
                | Action::Down
                | Action::First
                | Action::Last
                | Action::PageUp
                | Action::PageDown
                | Action::Left
                | Action::Collapse
                | Action::Right
                | Action::Expand
                | Action::NextMatch
                | Action::PrevMatch
        )
}

/// Leaves the application (from any screen).
fn quit(app: &mut App) -> Vec<Effect> {
    app.request_quit();
    vec![Effect::SaveUiState, Effect::Quit]
}

/// Actions shared by the tree and the grid.
fn common(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    if let Some(e) = round::common(app, action) {
        return Some(e);
    }
    Some(match action {
        Action::Quit => quit(app),
        Action::Suspend => vec![Effect::Suspend],
        Action::Redraw => vec![],
        Action::Help => {
            help::open(app);
            vec![]
        }
        Action::PrevPeriod | Action::NextPeriod => {
            let p = if *action == Action::PrevPeriod {
                app.period().saturating_sub(1).max(1)
            } else {
                (app.period() + 1).min(12)
            };
            app.set_period(p);
            vec![]
        }
        Action::Search => {
            search::start(app);
            vec![]
        }
        Action::NextMatch => {
            search::jump(app, 1);
            vec![]
        }
        Action::PrevMatch => {
            search::jump(app, -1);
            vec![]
        }
        Action::Undo => edit::undo_redo(app, true),
        Action::Redo => edit::undo_redo(app, false),
        Action::StartAddendum => {
            addendum::start(app);
            vec![]
        }
        Action::FilterNext => {
            app.next_filter();
            list::rebuild_if_open(app);
            vec![]
        }
        Action::FilterClear => {
            app.clear_filter();
            list::rebuild_if_open(app);
            vec![]
        }
        Action::ListView => {
            list::toggle(app);
            vec![]
        }
        Action::Worklist => {
            worklist::toggle(app);
            vec![]
        }
        Action::PetaStrategi => {
            app.open_peta();
            vec![]
        }
        Action::IsProgress => {
            app.open_is_prompt();
            vec![]
        }
        Action::BudgetRealisasi => {
            app.open_budget_prompt();
            vec![]
        }
        Action::IsPlan => {
            app.open_is_plan();
            vec![]
        }
        Action::IsReport => {
            app.open_is_report();
            vec![]
        }
        Action::Compare => {
            app.toggle_compare();
            vec![]
        }
        Action::ComparePrev | Action::CompareNext => {
            app.shift_compare(if *action == Action::ComparePrev {
                -1
            } else {
                1
            });
            vec![]
        }
        Action::DetailDown => {
            app.scroll_detail(1);
            vec![]
        }
        Action::DetailUp => {
            app.scroll_detail(-1);
            vec![]
        }
        Action::ShowMessage => {
            if !app.status().is_empty() {
                let over = Box::new(app.screen().clone());
                app.enter(Screen::Message { over });
            }
            vec![]
        }
        _ => return None,
    })
}
