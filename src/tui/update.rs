//! `update(&mut App, Action) -> Vec<Effect>`: every state change of the TUI, pure (no I/O), so
//! that it is tested without a terminal. What needs the outside world is returned as an
//! [`Effect`] for the run loop to perform.

use crossterm::event::KeyEvent;

use crate::domain::Iku;
use crate::domain::addendum::{AddendumDraft, change_of, prepare};
use crate::domain::change::Reversible;
use crate::domain::edit::Refusal;
use crate::text::reason::refusal;
use crate::text::tui as t;
use crate::tui::action::{Action, Mode};
use crate::tui::app::{
    AddendumPrompt, AddendumSession, App, EditKind, Focus, LineInput, Node, NodePath, Pending,
    PendingAddendum, PendingKind,
};
use crate::tui::deps::{Change, format_exact, parse_decimal};

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
    /// Leave the application.
    Quit,
    /// Suspend the process (Ctrl-z) and redraw on resume.
    Suspend,
    /// Persist [`App::ui_state`] (open/closed nodes, selection).
    SaveUiState,
}

/// The action a key press means in the current mode: the keymap's binding, else a printable
/// character typed into the editor or the search box.
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    app.keymap.resolve_or_insert(app.mode(), key)
}

/// Applies one action to the model.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.pending.is_some() || app.pending_addendum.is_some() {
        // a change is being stored; nothing else until it is confirmed
        return Vec::new();
    }
    let mode = app.mode();
    let before = is_tree_move(mode, &action).then(|| app.selected.clone());
    let effects = match mode {
        Mode::Help => help(app, action),
        Mode::Edit if app.editor.is_none() => prompt(app, action),
        Mode::Edit => edit(app, action),
        Mode::Search => search(app, action),
        Mode::Grid => grid(app, action),
        Mode::Tree => tree(app, action),
        Mode::Addendum => addendum(app, action),
    };
    // The detail pane follows the tree after a pause (`App::detail_pause`): a move that only
    // changed the tree selection keeps the detail where it was; every other action works on
    // the selection and shows its detail at once.
    match before {
        Some(before) if app.mode() == mode && app.selected != before => app.hold_detail(before),
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

/// Actions shared by the tree and the grid.
fn common(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    Some(match action {
        Action::Quit => {
            app.quit = true;
            vec![Effect::SaveUiState, Effect::Quit]
        }
        Action::Suspend => vec![Effect::Suspend],
        Action::Redraw => vec![],
        Action::Help => {
            app.help = true;
            app.help_scroll = 0;
            vec![]
        }
        Action::PrevPeriod | Action::NextPeriod => {
            let p = if *action == Action::PrevPeriod {
                app.period.saturating_sub(1).max(1)
            } else {
                (app.period + 1).min(12)
            };
            set_period(app, p);
            vec![]
        }
        Action::Search => {
            app.search = Default::default();
            app.search.typing = true;
            app.search.open_before = Some(app.open.clone());
            vec![]
        }
        Action::NextMatch => {
            jump(app, 1);
            vec![]
        }
        Action::PrevMatch => {
            jump(app, -1);
            vec![]
        }
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::StartAddendum => {
            start_addendum(app);
            vec![]
        }
        _ => return None,
    })
}

fn set_period(app: &mut App, p: u8) {
    app.period = p;
    app.scores.set_period(p);
    app.say(t::PERIOD.fill(&[("month", &t::month_name(p)), ("year", &app.ds.year)]));
}

fn tree(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = common(app, &action) {
        return e;
    }
    // Rows are stepped through from the selection (the cost is the depth of the tree, not the
    // number of rows unfolded).
    let page = app.page.max(1) as isize;
    let go = |app: &mut App, n: isize| {
        if !app.is_row(&app.selected)
            && let Some(first) = app.first_row()
        {
            app.selected = first;
        }
        app.selected = app.step_rows(&app.selected, n);
    };
    match action {
        Action::Up => go(app, -1),
        Action::Down => go(app, 1),
        Action::First => {
            if let Some(p) = app.first_row() {
                app.selected = p;
            }
        }
        Action::Last => {
            if let Some(p) = app.last_row() {
                app.selected = p;
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
                if app.open.insert(n.id()) {
                    return vec![Effect::SaveUiState];
                }
                // already open: step to the first child
                go(app, 1);
            }
        }
        Action::Collapse | Action::Left => {
            if let Some(n) = app.node().cloned() {
                if app.open.remove(&n.id()) {
                    return vec![Effect::SaveUiState];
                }
                if app.selected.len() > 1 {
                    app.selected.pop();
                }
            }
        }
        Action::Toggle => {
            if let Some(n) = app.node().cloned()
                && !app.children(&n).is_empty()
            {
                let id = n.id();
                if !app.open.remove(&id) {
                    app.open.insert(id);
                }
                return vec![Effect::SaveUiState];
            }
        }
        Action::FocusGrid | Action::SwitchPane => focus_grid(app),
        Action::StartEdit => {
            focus_grid(app);
            if app.focus == Focus::Grid {
                app.open_editor();
            }
        }
        _ => {}
    }
    vec![]
}

fn focus_grid(app: &mut App) {
    match app.selected_iku() {
        Some(_) => {
            app.focus = Focus::Grid;
            app.month = app.period;
        }
        None => {
            // on a unit or SS, Enter opens/closes it
            if let Some(n) = app.node().cloned()
                && !app.children(&n).is_empty()
            {
                let id = n.id();
                if !app.open.remove(&id) {
                    app.open.insert(id);
                }
            }
        }
    }
}

fn grid(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(e) = common(app, &action) {
        return e;
    }
    match action {
        Action::Left => app.month = app.month.saturating_sub(1).max(1),
        Action::Right => app.month = (app.month + 1).min(12),
        Action::First => app.month = 1,
        Action::Last => app.month = 12,
        Action::Up | Action::Down => {
            // move to the previous/next IKU while staying in the grid
            let mut cur = app.selected.clone();
            loop {
                let next = if action == Action::Down {
                    app.next_row(&cur)
                } else {
                    app.prev_row(&cur)
                };
                match next {
                    Some(p) if matches!(p.last(), Some(Node::Iku(_))) => {
                        app.selected = p;
                        break;
                    }
                    Some(p) => cur = p,
                    None => break,
                }
            }
        }
        Action::StartEdit => app.open_editor(),
        Action::Clear => {
            let Some(key) = app.selected_iku().map(Iku::key) else {
                return vec![];
            };
            if let Some(why) = app.edit_refusal(&key, app.month) {
                app.error(refusal(&why));
                return vec![];
            }
            return commit_value(app, key, app.month, None, None);
        }
        Action::FocusTree | Action::SwitchPane | Action::Cancel => app.focus = Focus::Tree,
        _ => {}
    }
    vec![]
}

/// Applies a text-editing action to a line of text; false when the action is not one.
fn edit_text(buffer: &mut String, cursor: &mut usize, action: &Action) -> bool {
    let mut chars: Vec<char> = buffer.chars().collect();
    *cursor = (*cursor).min(chars.len());
    match action {
        Action::Insert(c) => {
            chars.insert(*cursor, *c);
            *cursor += 1;
        }
        Action::Backspace => {
            if *cursor > 0 {
                chars.remove(*cursor - 1);
                *cursor -= 1;
            }
        }
        Action::DeleteChar => {
            if *cursor < chars.len() {
                chars.remove(*cursor);
            }
        }
        Action::CursorLeft | Action::Left => *cursor = cursor.saturating_sub(1),
        Action::CursorRight | Action::Right => *cursor = (*cursor + 1).min(chars.len()),
        Action::First => *cursor = 0,
        Action::Last => *cursor = chars.len(),
        Action::Clear => {
            chars.clear();
            *cursor = 0;
        }
        _ => return false,
    }
    *buffer = chars.into_iter().collect();
    true
}

fn edit(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(ed) = app.editor.as_mut() else {
        return vec![];
    };
    if ed.fresh && matches!(action, Action::Insert(_)) {
        ed.buffer.clear();
        ed.cursor = 0;
    }
    ed.fresh = false;
    let changes_text = matches!(
        action,
        Action::Insert(_) | Action::Backspace | Action::DeleteChar | Action::Clear
    );
    if edit_text(&mut ed.buffer, &mut ed.cursor, &action) {
        if changes_text {
            ed.error = None;
        }
        return vec![];
    }
    match action {
        Action::Cancel => {
            app.editor = None;
            app.say("");
        }
        Action::Commit => return commit(app, None),
        Action::CommitNext => return commit(app, Some(1)),
        Action::CommitPrev => return commit(app, Some(-1)),
        Action::Quit => {
            app.editor = None;
            app.addendum = None;
            app.quit = true;
            return vec![Effect::SaveUiState, Effect::Quit];
        }
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    vec![]
}

/// Validates the editor's text and returns the change to store.
fn commit(app: &mut App, advance: Option<i8>) -> Vec<Effect> {
    let Some(ed) = app.editor.clone() else {
        return vec![];
    };
    let text = ed.buffer.trim();
    let value = if text.is_empty() {
        None
    } else {
        match parse_decimal(text, app.locale) {
            Ok(v) => Some(v),
            Err(e) => {
                let why = Refusal::BadNumber {
                    text: text.to_string(),
                    detail: e.to_string(),
                };
                return refuse(app, refusal(&why));
            }
        }
    };
    if ed.kind == EditKind::Target {
        return commit_target(app, ed.iku, ed.month, value, advance);
    }
    if let Some(why) = app.edit_refusal(&ed.iku, ed.month) {
        return refuse(app, refusal(&why));
    }
    let old = app.ds.iku[&ed.iku].realisasi[(ed.month - 1) as usize];
    if old == value {
        // nothing to store; behave like a successful commit
        app.editor = None;
        if let Some(step) = advance
            && let Some(next) = app.next_reporting_month(&ed.iku, ed.month, step)
        {
            app.month = next;
            app.open_editor();
        }
        return vec![];
    }
    commit_value(app, ed.iku, ed.month, value, advance)
}

fn refuse(app: &mut App, why: String) -> Vec<Effect> {
    if let Some(e) = app.editor.as_mut() {
        e.error = Some(why.clone());
    }
    app.error(why);
    vec![]
}

fn commit_value(
    app: &mut App,
    iku: crate::domain::CodeRef,
    month: u8,
    value: Option<rust_decimal::Decimal>,
    advance: Option<i8>,
) -> Vec<Effect> {
    let change = Change::SetRealisasi { iku, month, value };
    let Some(undo) = change.inverse(&app.ds) else {
        return vec![];
    };
    app.pending = Some(Pending {
        kind: PendingKind::Edit { advance },
        record: Reversible {
            change: change.clone(),
            undo,
        },
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}

fn undo_redo(app: &mut App, undo: bool) -> Vec<Effect> {
    let stack = if undo { &app.undo } else { &app.redo };
    let Some(r) = stack.last().cloned() else {
        app.say(if undo {
            t::NOTHING_TO_UNDO.s()
        } else {
            t::NOTHING_TO_REDO.s()
        });
        return vec![];
    };
    let change = if undo {
        r.undo.clone()
    } else {
        r.change.clone()
    };
    // show what changes
    if let Some((iku, month, _)) = change.value_of() {
        app.select_node(&Node::Iku(iku.clone()));
        app.month = month;
    }
    app.pending = Some(Pending {
        kind: if undo {
            PendingKind::Undo
        } else {
            PendingKind::Redo
        },
        record: r.clone(),
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}

fn help(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Help | Action::Cancel | Action::Quit => app.help = false,
        Action::Up => app.help_scroll = app.help_scroll.saturating_sub(1),
        Action::Down => app.help_scroll = app.help_scroll.saturating_add(1),
        Action::PageUp => app.help_scroll = app.help_scroll.saturating_sub(10),
        Action::PageDown => app.help_scroll = app.help_scroll.saturating_add(10),
        Action::First => app.help_scroll = 0,
        _ => {}
    }
    vec![]
}

fn search(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Insert(c) => {
            app.search.query.push(c);
            refresh_matches(app);
        }
        Action::Backspace => {
            app.search.query.pop();
            refresh_matches(app);
        }
        Action::Commit => {
            app.search.typing = false;
            // from here on n/N unfold on top of what the user sees now
            app.search.open_before = Some(app.open.clone());
        }
        Action::Cancel => {
            app.search = Default::default();
            app.say("");
        }
        Action::NextMatch | Action::Down => jump(app, 1),
        Action::PrevMatch | Action::Up => jump(app, -1),
        _ => {}
    }
    vec![]
}

/// Recomputes the matches of the query and jumps to the first one.
fn refresh_matches(app: &mut App) {
    let q = app.search.query.to_lowercase();
    app.search.current = 0;
    if q.is_empty() {
        app.search.matches.clear();
        app.say("");
        return;
    }
    let nodes = app.all_nodes();
    let matches: Vec<NodePath> = nodes
        .iter()
        .filter(|n| {
            let (code, name) = app.label(n);
            code.to_lowercase().contains(&q) || name.to_lowercase().contains(&q)
        })
        .map(|n| app.path_to(n))
        .collect();
    app.search.matches = matches;
    show_match(app);
}

fn show_match(app: &mut App) {
    match app.search.matches.get(app.search.current).cloned() {
        Some(p) => {
            if let Some(before) = &app.search.open_before {
                app.open = before.clone();
            }
            if let Some(n) = p.last() {
                app.select_node(n);
            }
            let msg = t::MATCH_N.fill(&[
                ("i", &(app.search.current + 1)),
                ("n", &app.search.matches.len()),
            ]);
            app.say(msg);
        }
        None => {
            let msg = t::NO_MATCH.fill(&[("q", &app.search.query)]);
            app.error(msg);
        }
    }
}

/// Moves to the next (+1) or previous (-1) match, wrapping around.
fn jump(app: &mut App, step: isize) {
    let n = app.search.matches.len();
    if n == 0 {
        if !app.search.query.is_empty() {
            show_match(app);
        }
        return;
    }
    app.search.current = (app.search.current as isize + step).rem_euclid(n as isize) as usize;
    show_match(app);
}

// ---- addendum mode ----

/// `start-addendum`: the addendum mode for the unit of the selection, on the selected IKU (or
/// the unit's first one), the cursor on the first month whose target can still change.
fn start_addendum(app: &mut App) {
    let Some(node) = app.node().cloned() else {
        return;
    };
    let unit = node.unit().to_string();
    let ikus = app.unit_ikus(&unit);
    let key = match &node {
        Node::Iku(k) => Some(k.clone()),
        Node::Ss(k) => app
            .ds
            .iku_of_ss(k)
            .first()
            .cloned()
            .or_else(|| ikus.first().cloned()),
        Node::Unit(_) => ikus.first().cloned(),
    };
    let Some(key) = key else {
        app.error(t::ADD_NO_IKU.fill(&[("unit", &unit)]));
        return;
    };
    app.select_node(&Node::Iku(key.clone()));
    app.focus = Focus::Grid;
    app.month = first_open_month(app, &key).unwrap_or(app.period);
    let version = app.ds.pk_version(&unit) + 1;
    app.addendum = Some(AddendumSession {
        unit: unit.clone(),
        draft: AddendumDraft {
            unit: unit.clone(),
            reason: String::new(),
            date: app.today,
            sets: Vec::new(),
            add: Vec::new(),
            remove: Vec::new(),
        },
        problems: Vec::new(),
        prompt: None,
    });
    app.say(t::ADD_STARTED.fill(&[("unit", &unit), ("version", &version)]));
}

/// The first reporting month of an IKU whose target an addendum may still change.
fn first_open_month(app: &App, key: &crate::domain::CodeRef) -> Option<u8> {
    let iku = app.ds.iku.get(key)?;
    let frozen = app.frozen_targets(iku);
    iku.reporting_period
        .months()
        .iter()
        .copied()
        .find(|m| !frozen[(*m - 1) as usize])
}

fn addendum(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Left => app.month = app.month.saturating_sub(1).max(1),
        Action::Right => app.month = (app.month + 1).min(12),
        Action::First => app.month = 1,
        Action::Last => app.month = 12,
        Action::Up | Action::Down => {
            let Some(unit) = app.addendum.as_ref().map(|s| s.unit.clone()) else {
                return vec![];
            };
            let ikus = app.unit_ikus(&unit);
            let pos = app
                .selected_iku()
                .and_then(|i| ikus.iter().position(|k| k.code == i.code));
            let next = match (pos, action == Action::Down) {
                (Some(p), true) => ikus.get(p + 1),
                (Some(p), false) => p.checked_sub(1).and_then(|p| ikus.get(p)),
                (None, _) => ikus.first(),
            };
            if let Some(k) = next.cloned() {
                app.select_node(&Node::Iku(k));
            }
        }
        Action::StartEdit => app.open_target_editor(),
        Action::Clear => clear_target(app),
        Action::SubmitAddendum => {
            let Some(s) = app.addendum.as_mut() else {
                return vec![];
            };
            if s.is_empty() {
                app.error(t::ADD_NOTHING.s());
                return vec![];
            }
            let previous = s.draft.reason.clone();
            s.prompt = Some(AddendumPrompt::Reason(LineInput {
                cursor: previous.chars().count(),
                buffer: previous,
                error: None,
            }));
            app.say("");
        }
        Action::DiscardAddendum | Action::Cancel => {
            let Some(s) = app.addendum.as_mut() else {
                return vec![];
            };
            if s.is_empty() {
                app.addendum = None;
                app.say(t::ADD_CLOSED.s());
            } else {
                s.prompt = Some(AddendumPrompt::ConfirmDiscard);
                app.say("");
            }
        }
        Action::Help => {
            app.help = true;
            app.help_scroll = 0;
        }
        Action::Quit => {
            // nothing of the draft is stored: quitting discards it
            app.addendum = None;
            app.quit = true;
            return vec![Effect::SaveUiState, Effect::Quit];
        }
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    vec![]
}

/// `x` in the addendum mode: drops the pending change of the cell, or, when there is none,
/// gathers a change that clears the target.
fn clear_target(app: &mut App) {
    let Some(key) = app.selected_iku().map(Iku::key) else {
        return;
    };
    let month = app.month;
    let had_change = app
        .addendum
        .as_ref()
        .and_then(|s| s.pending(&key.code, month))
        .is_some();
    let stored = app.ds.iku[&key].targets[(month - 1) as usize];
    if had_change {
        gather(app, &key.code, month, stored);
        return;
    }
    if let Some(why) = app.target_refusal(&key, month, false) {
        app.error(refusal(&why));
        return;
    }
    if stored.is_none() {
        app.say(t::ADD_ALREADY_EMPTY.fill(&[("iku", &key.code), ("month", &t::month_name(month))]));
        return;
    }
    gather(app, &key.code, month, None);
}

/// A value as the diff shows it.
fn shown(app: &App, v: Option<rust_decimal::Decimal>) -> String {
    v.map_or_else(|| "–".to_string(), |d| format_exact(d, app.locale))
}

/// Puts a new target of a cell into the draft (or takes the cell out when it equals the stored
/// target) and says so.
fn gather(app: &mut App, code: &str, month: u8, value: Option<rust_decimal::Decimal>) {
    let Some(unit) = app.addendum.as_ref().map(|s| s.unit.clone()) else {
        return;
    };
    let stored = app
        .ds
        .iku
        .get(&crate::domain::CodeRef::new(&unit, code))
        .and_then(|i| i.targets[(month - 1) as usize]);
    let Some(s) = app.addendum.as_mut() else {
        return;
    };
    s.draft.sets.retain(|(c, m, _)| !(c == code && *m == month));
    if value != stored {
        s.draft.sets.push((code.to_string(), month, value));
        s.draft.sets.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    }
    let n = s.len();
    let mname = t::month_name(month);
    let msg = if value == stored {
        t::ADD_REVERTED.fill(&[
            ("iku", &code),
            ("month", &mname),
            ("old", &shown(app, stored)),
            ("n", &n),
        ])
    } else {
        t::ADD_PENDING.fill(&[
            ("iku", &code),
            ("month", &mname),
            ("old", &shown(app, stored)),
            ("new", &shown(app, value)),
            ("n", &n),
        ])
    };
    app.say(msg);
}

/// Commits the target editor into the draft (nothing is stored), then moves it on with Tab.
fn commit_target(
    app: &mut App,
    key: crate::domain::CodeRef,
    month: u8,
    value: Option<rust_decimal::Decimal>,
    advance: Option<i8>,
) -> Vec<Effect> {
    if let Some(why) = app.target_refusal(&key, month, value.is_some()) {
        return refuse(app, refusal(&why));
    }
    app.editor = None;
    gather(app, &key.code, month, value);
    if let Some(step) = advance
        && let Some(next) = app.next_reporting_month(&key, month, step)
    {
        app.month = next;
        let status = app.status.clone();
        app.open_target_editor();
        if app.editor.is_some() {
            // keep saying what was gathered
            app.say(status);
        }
    }
    vec![]
}

/// The questions of the addendum mode: its reason, or whether to discard it.
fn prompt(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(s) = app.addendum.as_mut() else {
        return vec![];
    };
    match s.prompt.as_mut() {
        None => vec![],
        Some(AddendumPrompt::ConfirmDiscard) => {
            match action {
                Action::Insert('y' | 'Y') => {
                    let n = s.len();
                    app.addendum = None;
                    app.say(t::ADD_DISCARDED.fill(&[("n", &n)]));
                }
                Action::Insert('n' | 'N') | Action::Cancel => {
                    s.prompt = None;
                    app.say("");
                }
                _ => {}
            }
            vec![]
        }
        Some(AddendumPrompt::Reason(input)) => {
            let changes_text = matches!(
                action,
                Action::Insert(_) | Action::Backspace | Action::DeleteChar | Action::Clear
            );
            if edit_text(&mut input.buffer, &mut input.cursor, &action) {
                if changes_text {
                    input.error = None;
                }
                return vec![];
            }
            match action {
                Action::Cancel => {
                    s.draft.reason = input.buffer.clone();
                    s.prompt = None;
                    app.say("");
                    vec![]
                }
                Action::Commit => submit(app),
                _ => vec![],
            }
        }
    }
}

/// The reason is given: the draft goes through `domain::addendum::prepare`; its problems are
/// listed (the mode stays), or its writes go to the store as one change set.
fn submit(app: &mut App) -> Vec<Effect> {
    let today = app.today;
    let Some(s) = app.addendum.as_mut() else {
        return vec![];
    };
    let Some(AddendumPrompt::Reason(input)) = s.prompt.as_mut() else {
        return vec![];
    };
    let reason = input.buffer.trim().to_string();
    if reason.is_empty() {
        input.error = Some(t::ADD_REASON_EMPTY.s().to_string());
        app.error(t::ADD_REASON_EMPTY.s());
        return vec![];
    }
    s.draft.reason = reason;
    s.draft.date = today;
    s.prompt = None;
    let draft = s.draft.clone();
    match prepare(&app.ds, &app.rb, &draft) {
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            let n = list.len();
            if let Some(s) = app.addendum.as_mut() {
                s.problems = list;
            }
            app.error(t::ADD_REFUSED.fill(&[("n", &n)]));
            vec![]
        }
        Ok((addendum, after)) => {
            if let Some(s) = app.addendum.as_mut() {
                s.problems.clear();
            }
            let change = change_of(&addendum, &after);
            app.pending_addendum = Some(PendingAddendum {
                change: change.clone(),
                addendum,
            });
            vec![Effect::Apply {
                changes: vec![change],
                source: ADDENDUM_SOURCE.to_string(),
            }]
        }
    }
}
