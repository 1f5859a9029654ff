//! update() without a terminal: navigation, editing, undo/redo, search, period.

mod tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::CodeRef;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{Focus, Node};
use kinerja::tui::deps::Change;
use kinerja::tui::update::{Effect, action_for_key, update};
use kinerja::tui::{App, app::UiState};
use tui_support::{app, app_with, d};

fn ids(app: &App) -> Vec<String> {
    app.visible()
        .iter()
        .map(|p| p.last().unwrap().id())
        .collect()
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        assert!(update(app, Action::Insert(c)).is_empty());
    }
}

fn key(k: &str) -> CodeRef {
    let (u, c) = k.split_once('/').unwrap();
    CodeRef::new(u, c)
}

/// Selects an IKU and enters the grid at `month`.
fn grid_at(app: &mut App, iku: &str, month: u8) {
    app.select_node(&Node::Iku(key(iku)));
    update(app, Action::FocusGrid);
    assert_eq!(app.focus, Focus::Grid);
    app.month = month;
}

fn realisasi(app: &App, iku: &str, month: u8) -> Option<kinerja::domain::Decimal> {
    app.ds.iku[&key(iku)].realisasi[(month - 1) as usize]
}

#[test]
fn starts_on_latest_period_with_units_collapsed_below_second_level() {
    let a = app();
    assert_eq!(a.period, 9, "latest month with realisasi");
    assert_eq!(ids(&a), ["u:PUSAT", "u:KANWIL", "s:PUSAT/S1"]);
    assert_eq!(a.node(), Some(&Node::Unit("PUSAT".into())));
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn tree_navigation_moves_opens_and_closes() {
    let mut a = app();
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Unit("KANWIL".into())));
    assert_eq!(update(&mut a, Action::Expand), vec![Effect::SaveUiState]);
    assert_eq!(
        ids(&a),
        [
            "u:PUSAT",
            "u:KANWIL",
            "u:KPP",
            "s:KANWIL/S1",
            "s:KANWIL/S2",
            "s:PUSAT/S1"
        ]
    );
    // expand on an open node steps into it
    update(&mut a, Action::Expand);
    assert_eq!(a.node(), Some(&Node::Unit("KPP".into())));
    // collapse on a closed node goes to the parent, then closes it
    update(&mut a, Action::Collapse);
    assert_eq!(a.node(), Some(&Node::Unit("KANWIL".into())));
    update(&mut a, Action::Collapse);
    assert_eq!(ids(&a).len(), 3);
    update(&mut a, Action::Last);
    assert_eq!(a.node(), Some(&Node::Ss(key("PUSAT/S1"))));
    update(&mut a, Action::Down);
    assert_eq!(
        a.node(),
        Some(&Node::Ss(key("PUSAT/S1"))),
        "stays at the end"
    );
    update(&mut a, Action::First);
    assert_eq!(a.node(), Some(&Node::Unit("PUSAT".into())));
    update(&mut a, Action::Toggle);
    assert_eq!(ids(&a), ["u:PUSAT"]);
    // Enter on a unit does not enter the grid
    update(&mut a, Action::FocusGrid);
    assert_eq!(a.focus, Focus::Tree);
}

#[test]
fn open_state_and_selection_survive_through_ui_state() {
    let mut a = app();
    update(&mut a, Action::Down);
    update(&mut a, Action::Expand);
    let state = a.ui_state();
    let b = app_with(false, false, Some(state.clone()));
    assert_eq!(ids(&b), ids(&a));
    assert_eq!(b.selected, a.selected);
    // a state naming nodes that no longer exist falls back to the first row
    let stale = UiState {
        open: vec![],
        selected: vec!["u:GONE".into()],
    };
    let c = app_with(false, false, Some(stale));
    assert_eq!(c.node(), Some(&Node::Unit("PUSAT".into())));
}

#[test]
fn valid_edit_is_applied_only_after_the_store_confirms() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    let nko_before = a.unit_score("KANWIL").nko;
    update(&mut a, Action::StartEdit);
    assert_eq!(a.mode(), Mode::Edit);
    assert_eq!(
        a.editor.as_ref().unwrap().buffer,
        "100",
        "starts with the value"
    );
    update(&mut a, Action::Clear);
    typed(&mut a, "1.234,5");
    let fx = update(&mut a, Action::Commit);
    assert_eq!(
        fx,
        vec![Effect::Apply {
            changes: vec![Change::SetRealisasi {
                iku: key("KANWIL/IKU1"),
                month: 9,
                value: Some(d("1234.5")),
            }],
            source: "tui".into(),
        }]
    );
    // nothing changes before the store answers, and input is held
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    assert!(update(&mut a, Action::Cancel).is_empty());
    assert!(a.editor.is_some());
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("1234.5")));
    assert_eq!(a.status, "Tersimpan");
    assert!(a.editor.is_none());
    assert_eq!(a.mode(), Mode::Grid);
    assert_ne!(
        a.unit_score("KANWIL").nko,
        nko_before,
        "NKO follows at once"
    );
    assert_eq!(a.undo.len(), 1);
}

#[test]
fn invalid_input_keeps_the_editor_open_with_the_reason() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "12x");
    assert!(update(&mut a, Action::Commit).is_empty());
    let e = a.editor.as_ref().expect("editor stays open");
    assert!(e.error.is_some());
    assert!(a.status_is_error);
    assert!(a.pending.is_none());
    // an ambiguous number in the id locale is refused too
    update(&mut a, Action::Clear);
    typed(&mut a, "1.234");
    assert!(update(&mut a, Action::Commit).is_empty());
    assert!(a.editor.as_ref().unwrap().error.is_some());
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    // typing clears the error
    update(&mut a, Action::Backspace);
    assert!(a.editor.as_ref().unwrap().error.is_none());
}

#[test]
fn typing_first_replaces_the_shown_value_and_backspace_edits_it() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    typed(&mut a, "95,5");
    assert_eq!(
        a.editor.as_ref().unwrap().buffer,
        "95,5",
        "typing replaces 100"
    );
    update(&mut a, Action::Cancel);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Backspace);
    typed(&mut a, "5");
    assert_eq!(
        a.editor.as_ref().unwrap().buffer,
        "105",
        "Backspace keeps and edits the value"
    );
}

#[test]
fn cursor_editing_inserts_where_the_cursor_is() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::CursorLeft);
    update(&mut a, Action::CursorLeft);
    typed(&mut a, "5");
    assert_eq!(a.editor.as_ref().unwrap().buffer, "1500");
    update(&mut a, Action::DeleteChar);
    assert_eq!(a.editor.as_ref().unwrap().buffer, "150");
    update(&mut a, Action::Cancel);
    assert!(a.editor.is_none());
    assert_eq!(
        realisasi(&a, "KANWIL/IKU1", 9),
        Some(d("100")),
        "cancel stores nothing"
    );
}

#[test]
fn non_reporting_rollup_and_frozen_months_are_refused() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU2", 2);
    update(&mut a, Action::StartEdit);
    assert!(a.editor.is_none());
    assert!(a.status.contains("bukan bulan pelaporan"), "{}", a.status);
    assert!(update(&mut a, Action::Clear).is_empty());

    grid_at(&mut a, "KANWIL/IKU3", 9);
    update(&mut a, Action::StartEdit);
    assert!(a.editor.is_none());
    assert!(a.status.contains("unit di bawahnya"), "{}", a.status);

    grid_at(&mut a, "KANWIL/IKU1", 2);
    update(&mut a, Action::StartEdit);
    assert!(a.editor.is_none());
    assert!(a.status.contains("dibekukan"), "{}", a.status);
}

#[test]
fn tab_commits_and_moves_to_the_next_reporting_month() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU2", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "47,5");
    let fx = update(&mut a, Action::CommitNext);
    assert_eq!(fx.len(), 1);
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU2", 9), Some(d("47.5")));
    let e = a.editor.as_ref().expect("editor moved on");
    assert_eq!(e.month, 12, "next quarter, not October");
    assert_eq!(e.buffer, "");
    // Shift-Tab without a change moves back without storing
    assert!(update(&mut a, Action::CommitPrev).is_empty());
    assert_eq!(a.editor.as_ref().unwrap().month, 9);
}

#[test]
fn a_failed_store_keeps_the_editor_and_changes_nothing() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "80");
    assert_eq!(update(&mut a, Action::Commit).len(), 1);
    a.applied(Err("toko terkunci".into()));
    assert_eq!(
        a.editor.as_ref().unwrap().error.as_deref(),
        Some("toko terkunci")
    );
    assert!(a.status.contains("toko terkunci"));
    assert_ne!(a.status, "Tersimpan");
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    assert!(a.undo.is_empty());
}

#[test]
fn clear_in_the_grid_stores_an_empty_value() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    let fx = update(&mut a, Action::Clear);
    assert_eq!(
        fx,
        vec![Effect::Apply {
            changes: vec![Change::SetRealisasi {
                iku: key("KANWIL/IKU1"),
                month: 9,
                value: None
            }],
            source: "tui".into()
        }]
    );
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), None);
}

#[test]
fn undo_and_redo_are_stored_changes() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "70");
    update(&mut a, Action::Commit);
    a.applied(Ok(()));
    let nko_edited = a.unit_score("KANWIL").nko;
    // move away: undo brings the selection back to the edited cell
    update(&mut a, Action::FocusTree);
    update(&mut a, Action::First);
    let fx = update(&mut a, Action::Undo);
    assert_eq!(
        fx,
        vec![Effect::Apply {
            changes: vec![Change::SetRealisasi {
                iku: key("KANWIL/IKU1"),
                month: 9,
                value: Some(d("100"))
            }],
            source: "tui".into()
        }]
    );
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU1"))));
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    assert_eq!((a.undo.len(), a.redo.len()), (0, 1));
    assert!(a.status.starts_with("Dibatalkan"));
    let fx = update(&mut a, Action::Redo);
    assert!(matches!(&fx[0], Effect::Apply { changes, .. }
        if changes == &vec![Change::SetRealisasi { iku: key("KANWIL/IKU1"), month: 9, value: Some(d("70")) }]));
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("70")));
    assert_eq!(a.unit_score("KANWIL").nko, nko_edited);
    assert_eq!((a.undo.len(), a.redo.len()), (1, 0));
    // a failed undo leaves the stacks alone
    update(&mut a, Action::Undo);
    a.applied(Err("gagal".into()));
    assert_eq!((a.undo.len(), a.redo.len()), (1, 0));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("70")));
    // nothing to redo
    assert!(update(&mut a, Action::Redo).is_empty());
    assert!(a.status.contains("diulang"));
}

#[test]
fn a_new_edit_clears_the_redo_stack() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::Clear);
    a.applied(Ok(()));
    update(&mut a, Action::Undo);
    a.applied(Ok(()));
    assert_eq!(a.redo.len(), 1);
    a.month = 8;
    update(&mut a, Action::Clear);
    a.applied(Ok(()));
    assert!(a.redo.is_empty());
}

#[test]
fn search_is_live_case_insensitive_and_wraps() {
    let mut a = app();
    update(&mut a, Action::Search);
    assert_eq!(a.mode(), Mode::Search);
    typed(&mut a, "iK");
    // every node whose code or name contains "ik": the four IKU* codes, not P1
    assert_eq!(a.search.matches.len(), 4);
    typed(&mut a, "u3");
    assert_eq!(a.search.matches.len(), 2);
    // in tree order: KPP is a child unit of KANWIL and comes before KANWIL's SS
    assert_eq!(a.node(), Some(&Node::Iku(key("KPP/IKU3"))));
    assert!(
        ids(&a).contains(&"i:KPP/IKU3".to_string()),
        "ancestors opened"
    );
    update(&mut a, Action::Commit);
    assert_eq!(a.mode(), Mode::Tree);
    update(&mut a, Action::NextMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    update(&mut a, Action::NextMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KPP/IKU3"))), "wraps");
    update(&mut a, Action::PrevMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    // by name
    update(&mut a, Action::Search);
    typed(&mut a, "LAYANAN");
    assert_eq!(a.node(), Some(&Node::Ss(key("KANWIL/S2"))));
    // no match says so
    typed(&mut a, "zzz");
    assert!(a.search.matches.is_empty());
    assert!(a.status.contains("Tidak ditemukan"));
    update(&mut a, Action::Cancel);
    assert_eq!(a.search.query, "");
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn period_change_moves_every_number() {
    let mut a = app();
    let sep = a.unit_score("KANWIL").iku["IKU2"].clone();
    update(&mut a, Action::PrevPeriod);
    assert_eq!(a.period, 8);
    assert_eq!(a.scores.period(), 8);
    let aug = a.unit_score("KANWIL").iku["IKU2"].clone();
    assert_ne!(
        sep.target, aug.target,
        "quarterly: Sep counts three quarters, Aug two"
    );
    assert_eq!(aug.target, Some(d("100")));
    for _ in 0..20 {
        update(&mut a, Action::NextPeriod);
    }
    assert_eq!(a.period, 12);
    for _ in 0..20 {
        update(&mut a, Action::PrevPeriod);
    }
    assert_eq!(a.period, 1);
    assert!(a.status.contains("Jan 2025"));
}

#[test]
fn grid_up_down_walks_the_iku_and_escape_returns_to_the_tree() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    assert_eq!(a.focus, Focus::Grid);
    update(&mut a, Action::Left);
    assert_eq!(a.month, 8);
    update(&mut a, Action::Last);
    assert_eq!(a.month, 12);
    update(&mut a, Action::FocusTree);
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn quit_help_and_suspend() {
    let mut a = app();
    update(&mut a, Action::Help);
    assert_eq!(a.mode(), Mode::Help);
    update(&mut a, Action::Down);
    assert_eq!(a.help_scroll, 1);
    update(&mut a, Action::Cancel);
    assert_eq!(a.mode(), Mode::Tree);
    assert_eq!(update(&mut a, Action::Suspend), vec![Effect::Suspend]);
    assert_eq!(
        update(&mut a, Action::Quit),
        vec![Effect::SaveUiState, Effect::Quit]
    );
}

#[test]
fn keys_become_actions_by_mode() {
    let mut a = app();
    let k = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(action_for_key(&a, &k('j')), Some(Action::Down));
    assert_eq!(action_for_key(&a, &k('5')), None, "unbound in the tree");
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    assert_eq!(action_for_key(&a, &k('5')), Some(Action::Insert('5')));
    assert_eq!(action_for_key(&a, &k('q')), Some(Action::Insert('q')));
    assert_eq!(
        action_for_key(&a, &KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::Commit)
    );
    assert_eq!(
        action_for_key(
            &a,
            &KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)
        ),
        None,
        "control keys are not text"
    );
}
