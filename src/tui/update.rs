//! `update(&mut App, Action) -> Vec<Effect>`: every state change of the TUI, pure (no I/O), so
//! that it is tested without a terminal. What needs the outside world is returned as an
//! [`Effect`] for the run loop to perform.

use crossterm::event::KeyEvent;

use crate::domain::Iku;
use crate::text::tui as t;
use crate::tui::action::{Action, Mode};
use crate::tui::app::{App, EditRecord, Focus, Node, NodePath, Pending, PendingKind};
use crate::tui::deps::{Change, parse_decimal};

/// The source recorded in the audit log for changes made in the TUI.
pub const SOURCE: &str = "tui";

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
    if app.pending.is_some() {
        // a change is being stored; nothing else until it is confirmed
        return Vec::new();
    }
    match app.mode() {
        Mode::Help => help(app, action),
        Mode::Edit => edit(app, action),
        Mode::Search => search(app, action),
        Mode::Grid => grid(app, action),
        Mode::Tree | Mode::Addendum => tree(app, action),
    }
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
    let rows = app.visible();
    let pos = rows.iter().position(|p| *p == app.selected).unwrap_or(0);
    let page = app.page.max(1);
    let go = |app: &mut App, i: usize| {
        if let Some(p) = rows.get(i.min(rows.len().saturating_sub(1))) {
            app.selected = p.clone();
        }
    };
    match action {
        Action::Up => go(app, pos.saturating_sub(1)),
        Action::Down => go(app, pos + 1),
        Action::First => go(app, 0),
        Action::Last => go(app, rows.len().saturating_sub(1)),
        Action::PageUp => go(app, pos.saturating_sub(page)),
        Action::PageDown => go(app, pos + page),
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
                go(app, pos + 1);
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
            let rows = app.visible();
            let pos = rows.iter().position(|p| *p == app.selected).unwrap_or(0);
            let found: Option<NodePath> = if action == Action::Down {
                rows[pos + 1..]
                    .iter()
                    .find(|p| matches!(p.last(), Some(Node::Iku(_))))
                    .cloned()
            } else {
                rows[..pos]
                    .iter()
                    .rev()
                    .find(|p| matches!(p.last(), Some(Node::Iku(_))))
                    .cloned()
            };
            if let Some(p) = found {
                app.selected = p;
            }
        }
        Action::StartEdit => app.open_editor(),
        Action::Clear => {
            let Some(key) = app.selected_iku().map(Iku::key) else {
                return vec![];
            };
            if let Some(why) = app.edit_refusal(&key, app.month) {
                app.error(why);
                return vec![];
            }
            return commit_value(app, key, app.month, None, None);
        }
        Action::FocusTree | Action::SwitchPane | Action::Cancel => app.focus = Focus::Tree,
        _ => {}
    }
    vec![]
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
    let chars: Vec<char> = ed.buffer.chars().collect();
    match action {
        Action::Insert(c) => {
            let mut v = chars;
            v.insert(ed.cursor.min(v.len()), c);
            ed.buffer = v.into_iter().collect();
            ed.cursor += 1;
            ed.error = None;
        }
        Action::Backspace => {
            if ed.cursor > 0 {
                let mut v = chars;
                v.remove(ed.cursor - 1);
                ed.buffer = v.into_iter().collect();
                ed.cursor -= 1;
            }
            ed.error = None;
        }
        Action::DeleteChar => {
            if ed.cursor < chars.len() {
                let mut v = chars;
                v.remove(ed.cursor);
                ed.buffer = v.into_iter().collect();
            }
            ed.error = None;
        }
        Action::CursorLeft | Action::Left => ed.cursor = ed.cursor.saturating_sub(1),
        Action::CursorRight | Action::Right => ed.cursor = (ed.cursor + 1).min(chars.len()),
        Action::First => ed.cursor = 0,
        Action::Last => ed.cursor = chars.len(),
        Action::Clear => {
            ed.buffer.clear();
            ed.cursor = 0;
            ed.error = None;
        }
        Action::Cancel => {
            app.editor = None;
            app.say("");
        }
        Action::Commit => return commit(app, None),
        Action::CommitNext => return commit(app, Some(1)),
        Action::CommitPrev => return commit(app, Some(-1)),
        Action::Quit => {
            app.editor = None;
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
            Err(e) => return refuse(app, e.to_string()),
        }
    };
    if let Some(why) = app.edit_refusal(&ed.iku, ed.month) {
        return refuse(app, why);
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
    let old = app.ds.iku[&iku].realisasi[(month - 1) as usize];
    let record = EditRecord {
        iku: iku.clone(),
        month,
        old,
        new: value,
    };
    app.pending = Some(Pending {
        kind: PendingKind::Edit { advance },
        record,
    });
    vec![Effect::Apply {
        changes: vec![Change::SetRealisasi { iku, month, value }],
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
    let value = if undo { r.old } else { r.new };
    // show what changes
    app.select_node(&Node::Iku(r.iku.clone()));
    app.month = r.month;
    app.pending = Some(Pending {
        kind: if undo {
            PendingKind::Undo
        } else {
            PendingKind::Redo
        },
        record: r.clone(),
    });
    vec![Effect::Apply {
        changes: vec![Change::SetRealisasi {
            iku: r.iku,
            month: r.month,
            value,
        }],
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
