//! update() without a terminal: navigation, editing, undo/redo, search, period.

use crate::support::bench_support::grid_month;
use crate::support::tui_support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kinerja::domain::CodeRef;
use kinerja::domain::k3::k3_breakdown;
use kinerja::domain::rulebook::Severity;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{DiffLine, EditKind, Screen};
use kinerja::tui::app::{Focus, Node};
use kinerja::tui::deps::Change;
use kinerja::tui::update::{Effect, action_for_key, update};
use kinerja::tui::{App, app::UiState};
use tui_support::{addendum_dataset, app, app_from, app_with, d};

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
    assert_eq!(app.focus(), Focus::Grid);
    grid_month(app, month);
}

fn realisasi(app: &App, iku: &str, month: u8) -> Option<kinerja::domain::Decimal> {
    app.ds().iku[&key(iku)].realisasi[(month - 1) as usize]
}

#[test]
fn starts_on_latest_period_with_units_collapsed_below_second_level() {
    let a = app();
    assert_eq!(a.period(), 9, "latest month with realisasi");
    // the root and its child units are open; a unit's own SS come before its child units
    assert_eq!(
        ids(&a),
        [
            "u:PUSAT",
            "s:PUSAT/S1",
            "u:KANWIL",
            "s:KANWIL/S1",
            "s:KANWIL/S2",
            "u:KPP"
        ]
    );
    assert_eq!(a.node(), Some(&Node::Unit("PUSAT".into())));
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn tree_navigation_moves_opens_and_closes() {
    let mut a = app();
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Ss(key("PUSAT/S1"))));
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Unit("KANWIL".into())));
    update(&mut a, Action::Down);
    update(&mut a, Action::Down);
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Unit("KPP".into())));
    assert_eq!(update(&mut a, Action::Expand), vec![Effect::SaveUiState]);
    assert_eq!(ids(&a).last().map(String::as_str), Some("s:KPP/S1"));
    // expand on an open node steps into it
    update(&mut a, Action::Expand);
    assert_eq!(a.node(), Some(&Node::Ss(key("KPP/S1"))));
    // collapse on a closed node goes to the parent, then closes it
    update(&mut a, Action::Collapse);
    assert_eq!(a.node(), Some(&Node::Unit("KPP".into())));
    update(&mut a, Action::Collapse);
    assert_eq!(ids(&a).len(), 6);
    update(&mut a, Action::Up);
    update(&mut a, Action::Up);
    update(&mut a, Action::Up);
    assert_eq!(a.node(), Some(&Node::Unit("KANWIL".into())));
    update(&mut a, Action::Collapse);
    assert_eq!(ids(&a), ["u:PUSAT", "s:PUSAT/S1", "u:KANWIL"]);
    update(&mut a, Action::Last);
    assert_eq!(a.node(), Some(&Node::Unit("KANWIL".into())));
    update(&mut a, Action::Down);
    assert_eq!(
        a.node(),
        Some(&Node::Unit("KANWIL".into())),
        "stays at the end"
    );
    update(&mut a, Action::First);
    assert_eq!(a.node(), Some(&Node::Unit("PUSAT".into())));
    update(&mut a, Action::Toggle);
    assert_eq!(ids(&a), ["u:PUSAT"]);
    // Tab on a unit goes to the grid of its first IKU (its own SS first)
    update(&mut a, Action::FocusGrid);
    assert_eq!(a.focus(), Focus::Grid);
    assert_eq!(
        a.node(),
        Some(&Node::Iku(kinerja::domain::CodeRef::new("PUSAT", "P1")))
    );
}

#[test]
fn open_state_and_selection_survive_through_ui_state() {
    let mut a = app();
    update(&mut a, Action::Down);
    update(&mut a, Action::Expand);
    let state = a.ui_state();
    let b = app_with(false, false, Some(state.clone()));
    assert_eq!(ids(&b), ids(&a));
    assert_eq!(b.selected(), a.selected());
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
    assert_eq!(a.editor().unwrap().buffer(), "100", "starts with the value");
    update(&mut a, Action::Clear);
    typed(&mut a, "123,5");
    let fx = update(&mut a, Action::Commit);
    assert_eq!(
        fx,
        vec![Effect::Apply {
            changes: vec![Change::SetRealisasi {
                iku: key("KANWIL/IKU1"),
                month: 9,
                value: Some(d("123.5")),
            }],
            source: "tui".into(),
        }]
    );
    // nothing changes before the store answers, and input is held
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    assert!(update(&mut a, Action::Cancel).is_empty());
    assert!(a.editor().is_some());
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("123.5")));
    assert_eq!(a.status(), "Tersimpan");
    assert!(a.editor().is_none());
    assert_eq!(a.mode(), Mode::Grid);
    assert_ne!(
        a.unit_score("KANWIL").nko,
        nko_before,
        "NKO follows at once"
    );
    assert_eq!(a.undo_depth(), 1);
}

#[test]
fn a_realisasi_far_outside_the_trajectory_is_stored_only_after_a_yes() {
    let mut a = app();
    // IKU1's targets are 100 a month
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "1.234,5");
    assert!(
        update(&mut a, Action::Commit).is_empty(),
        "nothing stored yet"
    );
    let Screen::ConfirmRealisasi(c) = a.screen() else {
        panic!("asks first: {:?}", a.screen())
    };
    assert_eq!(c.value, d("1234.5"), "the value as read");
    assert_eq!(a.mode(), Mode::Edit);
    assert!(!a.is_storing());
    // n: back to the editor, the text as typed, to correct it
    assert!(update(&mut a, Action::Insert('n')).is_empty());
    assert_eq!(a.editor().unwrap().buffer(), "1.234,5");
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    // Esc on the question goes back to the editor too
    update(&mut a, Action::Commit);
    update(&mut a, Action::Cancel);
    assert!(a.editor().is_some());
    // y: stored as the editor would have
    update(&mut a, Action::Commit);
    let fx = update(&mut a, Action::Insert('y'));
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
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("1234.5")));
    assert_eq!(a.mode(), Mode::Grid);
    assert_eq!(a.undo_depth(), 1);
    // a sign opposite to every target asks too; a plausible value does not
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "-5");
    assert!(update(&mut a, Action::Commit).is_empty());
    assert!(matches!(a.screen(), Screen::ConfirmRealisasi(_)));
    update(&mut a, Action::Insert('n'));
    update(&mut a, Action::Clear);
    typed(&mut a, "95");
    assert_eq!(update(&mut a, Action::Commit).len(), 1, "stored at once");
}

#[test]
fn invalid_input_keeps_the_editor_open_with_the_reason() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    typed(&mut a, "12x");
    assert!(update(&mut a, Action::Commit).is_empty());
    let e = a.editor().expect("editor stays open");
    assert!(e.error().is_some());
    assert!(a.status_is_error());
    assert!(!a.is_storing());
    // an ambiguous number in the id locale is refused too
    update(&mut a, Action::Clear);
    typed(&mut a, "1.234");
    assert!(update(&mut a, Action::Commit).is_empty());
    assert!(a.editor().unwrap().error().is_some());
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    // typing clears the error
    update(&mut a, Action::Backspace);
    assert!(a.editor().unwrap().error().is_none());
}

#[test]
fn typing_first_replaces_the_shown_value_and_backspace_edits_it() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::StartEdit);
    typed(&mut a, "95,5");
    assert_eq!(a.editor().unwrap().buffer(), "95,5", "typing replaces 100");
    update(&mut a, Action::Cancel);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Backspace);
    typed(&mut a, "5");
    assert_eq!(
        a.editor().unwrap().buffer(),
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
    assert_eq!(a.editor().unwrap().buffer(), "1500");
    update(&mut a, Action::DeleteChar);
    assert_eq!(a.editor().unwrap().buffer(), "150");
    update(&mut a, Action::Cancel);
    assert!(a.editor().is_none());
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
    assert!(a.editor().is_none());
    assert!(
        a.status().contains("bukan bulan pelaporan"),
        "{}",
        a.status()
    );
    assert!(update(&mut a, Action::Clear).is_empty());

    grid_at(&mut a, "KANWIL/IKU3", 9);
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_none());
    assert!(a.status().contains("unit di bawahnya"), "{}", a.status());

    // February had realisasi when the addendum was made: a typo there stays correctable
    // (DOMAIN.md §11: an addendum freezes targets, R10, not realisasi)
    grid_at(&mut a, "KANWIL/IKU1", 2);
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_some(), "{}", a.status());
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
    let e = a.editor().expect("editor moved on");
    assert_eq!(e.month, 12, "next quarter, not October");
    assert_eq!(e.buffer(), "");
    // Shift-Tab without a change moves back without storing
    assert!(update(&mut a, Action::CommitPrev).is_empty());
    assert_eq!(a.editor().unwrap().month, 9);
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
    assert_eq!(a.editor().unwrap().error(), Some("toko terkunci"));
    assert!(a.status().contains("toko terkunci"));
    assert_ne!(a.status(), "Tersimpan");
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("100")));
    assert!((a.undo_depth() == 0));
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
    assert_eq!((a.undo_depth(), a.redo_depth()), (0, 1));
    assert!(a.status().starts_with("Dibatalkan"));
    let fx = update(&mut a, Action::Redo);
    assert!(matches!(&fx[0], Effect::Apply { changes, .. }
        if changes == &vec![Change::SetRealisasi { iku: key("KANWIL/IKU1"), month: 9, value: Some(d("70")) }]));
    a.applied(Ok(()));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("70")));
    assert_eq!(a.unit_score("KANWIL").nko, nko_edited);
    assert_eq!((a.undo_depth(), a.redo_depth()), (1, 0));
    // a failed undo leaves the stacks alone
    update(&mut a, Action::Undo);
    a.applied(Err("gagal".into()));
    assert_eq!((a.undo_depth(), a.redo_depth()), (1, 0));
    assert_eq!(realisasi(&a, "KANWIL/IKU1", 9), Some(d("70")));
    // nothing to redo
    assert!(update(&mut a, Action::Redo).is_empty());
    assert!(a.status().contains("diulang"));
}

#[test]
fn a_new_edit_clears_the_redo_stack() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::Clear);
    a.applied(Ok(()));
    update(&mut a, Action::Undo);
    a.applied(Ok(()));
    assert_eq!(a.redo_depth(), 1);
    grid_month(&mut a, 8);
    update(&mut a, Action::Clear);
    a.applied(Ok(()));
    assert!((a.redo_depth() == 0));
}

#[test]
fn search_is_live_case_insensitive_and_wraps() {
    let mut a = app();
    update(&mut a, Action::Search);
    assert_eq!(a.mode(), Mode::Search);
    typed(&mut a, "iK");
    // every node whose code or name contains "ik": the four IKU* codes, not P1
    assert_eq!(a.search().matches().len(), 4);
    typed(&mut a, "u3");
    assert_eq!(a.search().matches().len(), 2);
    // in tree order: KANWIL's own SS come before its child unit KPP
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    assert!(
        ids(&a).contains(&"i:KANWIL/IKU3".to_string()),
        "ancestors opened"
    );
    update(&mut a, Action::Commit);
    assert_eq!(a.mode(), Mode::Tree);
    update(&mut a, Action::NextMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KPP/IKU3"))));
    update(&mut a, Action::NextMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))), "wraps");
    update(&mut a, Action::PrevMatch);
    assert_eq!(a.node(), Some(&Node::Iku(key("KPP/IKU3"))));
    // by name
    update(&mut a, Action::Search);
    typed(&mut a, "LAYANAN");
    assert_eq!(a.node(), Some(&Node::Ss(key("KANWIL/S2"))));
    // no match says so
    typed(&mut a, "zzz");
    assert!(a.search().matches().is_empty());
    assert!(a.status().contains("Tidak ditemukan"));
    update(&mut a, Action::Cancel);
    assert_eq!(a.search().query(), "");
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn period_change_moves_every_number() {
    let mut a = app();
    let sep = a.unit_score("KANWIL").iku["IKU2"].clone();
    update(&mut a, Action::PrevPeriod);
    assert_eq!(a.period(), 8);
    assert_eq!(a.scores().period(), 8);
    let aug = a.unit_score("KANWIL").iku["IKU2"].clone();
    assert_ne!(
        sep.target, aug.target,
        "quarterly: Sep counts three quarters, Aug two"
    );
    assert_eq!(aug.target, Some(d("100")));
    for _ in 0..20 {
        update(&mut a, Action::NextPeriod);
    }
    assert_eq!(a.period(), 12);
    for _ in 0..20 {
        update(&mut a, Action::PrevPeriod);
    }
    assert_eq!(a.period(), 1);
    assert!(a.status().contains("Jan 2025"));
}

#[test]
fn grid_up_down_walks_the_iku_and_escape_returns_to_the_tree() {
    let mut a = app();
    grid_at(&mut a, "KANWIL/IKU1", 9);
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    assert_eq!(a.focus(), Focus::Grid);
    update(&mut a, Action::Left);
    assert_eq!(a.month(), 8);
    update(&mut a, Action::Last);
    assert_eq!(a.month(), 12);
    update(&mut a, Action::FocusTree);
    assert_eq!(a.mode(), Mode::Tree);
}

#[test]
fn quit_help_and_suspend() {
    let mut a = app();
    update(&mut a, Action::Help);
    assert_eq!(a.mode(), Mode::Help);
    update(&mut a, Action::Down);
    assert_eq!(a.help_scroll(), 1);
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

// ---- findings ----

#[test]
fn findings_mark_the_nodes_they_concern() {
    let mut a = app();
    // KANWIL has 3 IKU against 10–20 (R01, an error); PUSAT/P1 reached its target (R09, warning)
    assert_eq!(
        a.node_severity(&Node::Unit("KANWIL".into())),
        Some(Severity::Error)
    );
    assert_eq!(
        a.node_severity(&Node::Iku(key("PUSAT/P1"))),
        Some(Severity::Warning)
    );
    assert_eq!(
        a.node_severity(&Node::Unit("PUSAT".into())),
        Some(Severity::Warning),
        "a unit row gathers its IKU's findings"
    );
    let p1 = a.node_findings(&Node::Iku(key("PUSAT/P1")));
    assert!(p1.iter().any(|f| f.id == "R09"), "{p1:#?}");
    assert!(p1.iter().all(|f| f.iku.as_deref() == Some("P1")));
    // the SS row: KPP/S1 holds only a direct-cascaded IKU (R03, on the SS itself)
    let s1 = a.node_findings(&Node::Ss(key("KPP/S1")));
    assert!(s1.iter().any(|f| f.id == "R03"), "{s1:#?}");
    // the unit's list is exactly what `check --unit` gives
    let whole = kinerja::domain::rules::check(a.ds(), a.rb(), Some("KANWIL"));
    assert_eq!(a.node_findings(&Node::Unit("KANWIL".into())), whole);
}

#[test]
fn an_edit_rechecks_only_the_units_it_can_affect() {
    let mut a = app();
    for u in ["PUSAT", "KANWIL", "KPP"] {
        a.unit_findings(u);
    }
    let before = a.findings().recomputed();
    assert_eq!(before, 3);
    // P1's realisasi: PUSAT itself and KANWIL (IKU3 is cascaded from P1, R11); not KPP
    grid_at(&mut a, "PUSAT/P1", 9);
    update(&mut a, Action::StartEdit);
    typed(&mut a, "1");
    update(&mut a, Action::Commit);
    a.applied(Ok(()));
    for u in ["PUSAT", "KANWIL", "KPP"] {
        a.unit_findings(u);
    }
    assert_eq!(a.findings().recomputed() - before, 2);
    // and the finding follows the value: 8 × 1.234,5 + 1 = 9.877 to September no longer reaches
    // the 10.000 to October
    assert!(
        !a.node_findings(&Node::Iku(key("PUSAT/P1")))
            .iter()
            .any(|f| f.id == "R09" && f.month == Some(9))
    );
}

// ---- addendum mode ----

fn addendum_app() -> App {
    app_from(addendum_dataset(), false, false)
}

fn target(app: &App, iku: &str, month: u8) -> Option<kinerja::domain::Decimal> {
    app.ds().iku[&key(iku)].targets[(month - 1) as usize]
}

/// Starts the addendum mode on an IKU and edits the target under the cursor to `value`.
fn set_target(app: &mut App, value: &str) -> Vec<Effect> {
    assert_eq!(app.mode(), Mode::Addendum);
    update(app, Action::StartEdit);
    assert_eq!(app.mode(), Mode::Edit, "{}", app.status());
    assert_eq!(app.editor().unwrap().kind, EditKind::Target);
    typed(app, value);
    update(app, Action::Commit)
}

/// Submits the draft with `reason`, the date offered and `y` to the question, as far as each
/// step gets: the effects of the last step taken.
fn submit(app: &mut App, reason: &str) -> Vec<Effect> {
    update(app, Action::SubmitAddendum);
    assert!(matches!(app.screen(), Screen::AddendumReason(_)));
    typed(app, reason);
    let fx = update(app, Action::Commit);
    if !matches!(app.screen(), Screen::AddendumDate(_)) {
        return fx;
    }
    let fx = update(app, Action::Commit);
    if !matches!(app.screen(), Screen::AddendumConfirm(_)) {
        return fx;
    }
    update(app, Action::Insert('y'))
}

#[test]
fn start_addendum_from_an_iku_or_a_unit() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    assert!(update(&mut a, Action::StartAddendum).is_empty());
    assert_eq!(a.mode(), Mode::Addendum);
    let s = a.addendum().unwrap();
    assert_eq!(s.unit, "PUSAT");
    assert!(s.is_empty());
    assert_eq!(
        a.month(),
        10,
        "the first month whose target may still change"
    );
    assert!(a.status().contains("v1"), "{}", a.status());
    // Esc with nothing pending just leaves
    update(&mut a, Action::DiscardAddendum);
    assert!(a.addendum().is_none());
    assert_eq!(a.mode(), Mode::Grid);

    // from a unit: its first IKU in tree order; Up/Down stay within the unit
    update(&mut a, Action::FocusTree);
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::StartAddendum);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU1"))));
    assert!(a.status().contains("v2"), "KANWIL already has addendum 1");
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    update(&mut a, Action::Down);
    assert_eq!(
        a.node(),
        Some(&Node::Iku(key("KANWIL/IKU2"))),
        "S2 after S1"
    );
    update(&mut a, Action::Down);
    assert_eq!(
        a.node(),
        Some(&Node::Iku(key("KANWIL/IKU2"))),
        "not into PUSAT"
    );
    update(&mut a, Action::Up);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    update(&mut a, Action::Left);
    assert_eq!(a.month(), 9);
    update(&mut a, Action::Right);
    assert_eq!(a.month(), 10);
}

#[test]
fn target_edits_are_gathered_not_stored_and_the_diff_shows_them() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    update(&mut a, Action::StartEdit);
    assert_eq!(
        a.editor().unwrap().buffer(),
        "1000",
        "starts with the target"
    );
    update(&mut a, Action::Cancel);
    assert_eq!(
        a.mode(),
        Mode::Addendum,
        "Esc in the editor stays in the mode"
    );
    assert!(set_target(&mut a, "3000").is_empty(), "nothing is stored");
    assert_eq!(target(&a, "PUSAT/P1", 10), Some(d("1000")));
    assert_eq!(a.mode(), Mode::Addendum);
    assert!(
        a.status().contains("1.000 → 3.000") && a.status().contains("1 perubahan"),
        "{}",
        a.status()
    );
    // Tab gathers and moves on to the next reporting month
    update(&mut a, Action::Right);
    update(&mut a, Action::StartEdit);
    typed(&mut a, "2500");
    assert!(update(&mut a, Action::CommitNext).is_empty());
    assert_eq!(a.editor().unwrap().month, 12);
    update(&mut a, Action::Cancel);
    assert_eq!(
        a.addendum_diff(),
        vec![
            DiffLine {
                iku: "P1".into(),
                month: 10,
                old: Some(d("1000")),
                new: Some(d("3000"))
            },
            DiffLine {
                iku: "P1".into(),
                month: 11,
                old: Some(d("1000")),
                new: Some(d("2500"))
            },
        ]
    );
    // editing a cell again replaces its change; back to the stored value drops it
    grid_month(&mut a, 11);
    update(&mut a, Action::StartEdit);
    assert_eq!(
        a.editor().unwrap().buffer(),
        "2500",
        "shows the pending value"
    );
    typed(&mut a, "1000");
    update(&mut a, Action::Commit);
    assert_eq!(a.addendum().unwrap().len(), 1);
    assert!(a.status().contains("kembali"), "{}", a.status());
    // x on a changed cell drops its change; on an unchanged one it gathers a clear
    grid_month(&mut a, 10);
    update(&mut a, Action::Clear);
    assert!(a.addendum().unwrap().is_empty());
    grid_month(&mut a, 12);
    update(&mut a, Action::Clear);
    assert_eq!(a.addendum().unwrap().pending("P1", 12), Some(None));
    // invalid text keeps the editor open with the reason
    update(&mut a, Action::StartEdit);
    typed(&mut a, "12x");
    update(&mut a, Action::Commit);
    assert!(a.editor().unwrap().error().is_some());
    assert!(a.status_is_error());
    // nothing of this reached the dataset
    assert_eq!(*a.ds(), addendum_dataset());
}

#[test]
fn frozen_non_reporting_and_rolled_up_targets_are_refused_with_the_reason() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    grid_month(&mut a, 9);
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_none());
    assert!(a.status_is_error());
    assert!(
        a.status().contains("September") || a.status().contains("Sep"),
        "{}",
        a.status()
    );
    assert!(a.status().contains("R10"), "{}", a.status());
    update(&mut a, Action::Clear);
    assert!(a.addendum().unwrap().is_empty(), "x refused too");
    assert!(a.status().contains("R10"));

    // KANWIL/IKU2 is quarterly: February takes no target
    update(&mut a, Action::DiscardAddendum);
    update(&mut a, Action::FocusTree);
    a.select_node(&Node::Iku(key("KANWIL/IKU2")));
    update(&mut a, Action::StartAddendum);
    assert_eq!(a.month(), 12, "March, June, September have realisasi");
    grid_month(&mut a, 11);
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_none());
    assert!(
        a.status().contains("bukan bulan pelaporan"),
        "{}",
        a.status()
    );
    // KANWIL/IKU3 rolls up from KPP/IKU3 (and every month has realisasi through KPP)
    update(&mut a, Action::Up);
    assert_eq!(a.node(), Some(&Node::Iku(key("KANWIL/IKU3"))));
    grid_month(&mut a, 12);
    update(&mut a, Action::StartEdit);
    assert!(a.editor().is_none());
    assert!(a.status().contains("KPP/IKU3"), "{}", a.status());
}

#[test]
fn submit_asks_for_a_reason_and_refuses_an_empty_one() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    // nothing to submit yet
    assert!(update(&mut a, Action::SubmitAddendum).is_empty());
    assert_eq!(*a.screen(), Screen::Addendum, "no question asked");
    assert!(a.status().contains("Belum ada perubahan"), "{}", a.status());
    set_target(&mut a, "3000");
    assert!(submit(&mut a, "   ").is_empty());
    let Screen::AddendumReason(input) = a.screen() else {
        panic!("the reason is still asked");
    };
    assert_eq!(input.error(), Some("Alasan addendum wajib diisi"));
    assert!(!a.is_storing());
    // Esc leaves the question, keeping the draft and the typed reason
    update(&mut a, Action::Clear);
    typed(&mut a, "revisi");
    update(&mut a, Action::Cancel);
    assert_eq!(a.mode(), Mode::Addendum);
    assert_eq!(a.addendum().unwrap().len(), 1);
    update(&mut a, Action::SubmitAddendum);
    let Screen::AddendumReason(input) = a.screen() else {
        panic!()
    };
    assert_eq!(input.text(), "revisi");
}

#[test]
fn prepare_problems_are_listed_and_the_mode_stays() {
    let mut a = addendum_app();
    // KANWIL has 3 IKU, its level needs 10–20: any addendum leaves R01 broken
    a.select_node(&Node::Iku(key("KANWIL/IKU1")));
    update(&mut a, Action::StartAddendum);
    assert_eq!(a.month(), 10);
    set_target(&mut a, "120");
    assert!(submit(&mut a, "naik target").is_empty());
    assert_eq!(a.mode(), Mode::Addendum);
    let s = a.addendum().unwrap();
    assert!(
        s.problems.iter().any(|p| p.starts_with("R01")),
        "{:#?}",
        s.problems
    );
    assert_eq!(s.len(), 1, "the draft stays");
    assert!(a.status_is_error());
    assert!(a.status().contains("ditolak"), "{}", a.status());
    assert!(!a.is_storing());
    assert_eq!(target(&a, "KANWIL/IKU1", 10), Some(d("100")));
}

#[test]
fn a_submitted_addendum_is_one_change_set_then_the_screen_follows() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    let k3_before = k3_breakdown(a.ds(), a.rb(), "PUSAT", None);
    assert_eq!(k3_before.iku[0].target_points, Some(d("2")), "r = 1,00");
    assert!(
        a.node_findings(&Node::Iku(key("PUSAT/P1")))
            .iter()
            .any(|f| f.id == "R09")
    );
    update(&mut a, Action::StartAddendum);
    set_target(&mut a, "3000");
    let fx = submit(&mut a, "  target dinaikkan  ");
    let [Effect::Apply { changes, source }] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(source, "addendum");
    let [
        Change::Addendum {
            addendum: add,
            added,
        },
    ] = changes.as_slice()
    else {
        panic!("{changes:?}");
    };
    assert!(added.is_empty());
    assert_eq!(
        Change::addendum_writes(add, added),
        vec![Change::SetTarget {
            iku: key("PUSAT/P1"),
            month: 10,
            value: Some(d("3000"))
        }]
    );
    assert_eq!((add.unit.as_str(), add.version), ("PUSAT", 1));
    assert_eq!(add.reason, "target dinaikkan");
    assert_eq!(add.date, a.today());
    assert_eq!(add.changes.len(), 1);
    // held until the store answers
    assert_eq!(target(&a, "PUSAT/P1", 10), Some(d("1000")));
    assert!(update(&mut a, Action::DiscardAddendum).is_empty());
    assert!(a.addendum().is_some());

    a.applied(Ok(()));
    assert_eq!(target(&a, "PUSAT/P1", 10), Some(d("3000")));
    assert_eq!(a.ds().pk_version("PUSAT"), 1);
    assert!(a.addendum().is_none());
    assert_eq!(a.mode(), Mode::Grid);
    assert_eq!(a.status(), "Addendum v1 tersimpan (PUSAT, 1 perubahan)");
    // K3: the annual target is now 14.000 against 12.000 last year (r = 1,17 → 5 points)
    let k3_after = k3_breakdown(a.ds(), a.rb(), "PUSAT", None);
    assert_eq!(k3_after.iku[0].target_points, Some(d("5")));
    assert_ne!(k3_after.index, k3_before.index);
    // R09 is gone: the realisasi to September no longer reaches the target to October
    assert!(
        !a.node_findings(&Node::Iku(key("PUSAT/P1")))
            .iter()
            .any(|f| f.id == "R09")
    );
    // the realisasi it was based on stays correctable (§11)
    assert!(!a.realisasi_frozen(&key("PUSAT/P1"), 9));
}

#[test]
fn an_addendum_of_a_past_years_pk_is_dated_inside_that_year() {
    // opened in March 2027 on the 2025 PK: today is outside the PK year, which `prepare` refuses
    let settings = kinerja::tui::app::Settings {
        today: chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        ..tui_support::settings(false, false)
    };
    let ds = addendum_dataset();
    assert_eq!(ds.year, 2025);
    let mut a = App::new(
        ds,
        kinerja::domain::rulebook::Rulebook::default_rulebook(),
        settings,
        None,
    );
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    set_target(&mut a, "3000");
    let fx = submit(&mut a, "target dinaikkan");
    let [Effect::Apply { changes, .. }] = fx.as_slice() else {
        panic!(
            "refused: {} {:?}",
            a.status(),
            a.addendum().map(|s| &s.problems)
        );
    };
    let [Change::Addendum { addendum: add, .. }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(
        add.date,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
    );
}

#[test]
fn a_refused_store_keeps_the_draft() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    set_target(&mut a, "3000");
    assert_eq!(submit(&mut a, "naik").len(), 1);
    a.applied(Err("toko terkunci".into()));
    assert!(a.status().contains("toko terkunci"));
    assert_eq!(a.mode(), Mode::Addendum);
    assert_eq!(a.addendum().unwrap().len(), 1);
    assert_eq!(a.addendum().unwrap().draft.reason, "naik");
    assert_eq!(target(&a, "PUSAT/P1", 10), Some(d("1000")));
    assert_eq!(a.ds().pk_version("PUSAT"), 0);
}

#[test]
fn discard_asks_first_when_changes_are_pending() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    set_target(&mut a, "3000");
    update(&mut a, Action::DiscardAddendum);
    assert_eq!(*a.screen(), Screen::AddendumDiscard);
    assert_eq!(a.mode(), Mode::Edit, "the question reads a key");
    // typed keys become text in that mode: y and n are read as answers
    let k = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(action_for_key(&a, &k('y')), Some(Action::Insert('y')));
    update(&mut a, Action::Insert('n'));
    assert_eq!(a.mode(), Mode::Addendum);
    assert_eq!(a.addendum().unwrap().len(), 1);
    update(&mut a, Action::DiscardAddendum);
    update(&mut a, Action::Cancel);
    assert_eq!(a.addendum().unwrap().len(), 1, "Esc answers no");
    update(&mut a, Action::DiscardAddendum);
    assert!(update(&mut a, Action::Insert('y')).is_empty());
    assert!(a.addendum().is_none());
    assert!(a.status().contains("dibuang"), "{}", a.status());
    assert_eq!(*a.ds(), addendum_dataset());
}

#[test]
fn quitting_with_a_pending_addendum_discards_it() {
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    set_target(&mut a, "3000");
    let k = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for_key(&a, &k), Some(Action::Quit));
    assert_eq!(
        update(&mut a, Action::Quit),
        vec![Effect::SaveUiState, Effect::Quit],
        "nothing to store"
    );
    assert!(a.addendum().is_none());
    assert!(a.quit_requested());
}

#[test]
fn addendum_keys_of_the_default_keymap() {
    let mut a = addendum_app();
    let k = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(action_for_key(&a, &k('a')), Some(Action::StartAddendum));
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    update(&mut a, Action::StartAddendum);
    assert_eq!(action_for_key(&a, &k('s')), Some(Action::SubmitAddendum));
    assert_eq!(
        action_for_key(
            &a,
            &KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
        ),
        Some(Action::SubmitAddendum)
    );
    assert_eq!(
        action_for_key(&a, &KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::DiscardAddendum)
    );
    assert_eq!(action_for_key(&a, &k('e')), Some(Action::StartEdit));
    assert_eq!(action_for_key(&a, &k('x')), Some(Action::Clear));
    assert_eq!(action_for_key(&a, &k('j')), Some(Action::Down));
    assert_eq!(action_for_key(&a, &k('5')), None);
    // the help opens over the mode and closes back into it
    update(&mut a, Action::Help);
    assert_eq!(a.mode(), Mode::Help);
    update(&mut a, Action::Cancel);
    assert_eq!(a.mode(), Mode::Addendum);
}

#[test]
fn the_addendums_questions_are_screens_of_their_own() {
    use crate::support::bench_support::press;
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    press(&mut a, "a");
    assert_eq!(*a.screen(), Screen::Addendum);
    press(&mut a, "<Enter>");
    assert!(
        matches!(a.screen(), Screen::Edit(e) if e.kind == EditKind::Target),
        "{:?}",
        a.screen()
    );
    assert!(
        press(&mut a, "3000<Enter>").is_empty(),
        "gathered, not stored"
    );
    assert_eq!(*a.screen(), Screen::Addendum);
    // the reason: a screen of its own that reads text with the edit keys
    press(&mut a, "s");
    assert!(matches!(a.screen(), Screen::AddendumReason(_)));
    assert_eq!(a.mode(), Mode::Edit);
    assert_eq!(a.focus(), Focus::Grid);
    press(&mut a, "revisi<Left><Backspace>I<Esc>");
    assert_eq!(*a.screen(), Screen::Addendum);
    assert_eq!(a.addendum().unwrap().draft.reason, "reviIi");
    // the y/n question: another one; n goes back, y discards and leaves the mode
    press(&mut a, "<Esc>");
    assert_eq!(*a.screen(), Screen::AddendumDiscard);
    press(&mut a, "n");
    assert_eq!(*a.screen(), Screen::Addendum);
    assert_eq!(a.addendum().unwrap().len(), 1);
    press(&mut a, "<Esc>y");
    assert_eq!(*a.screen(), Screen::Grid);
    assert!(a.addendum().is_none());
    assert_eq!(*a.ds(), addendum_dataset());
}

#[test]
fn help_opens_over_a_screen_and_closes_back_to_it() {
    use crate::support::bench_support::press;
    let mut a = addendum_app();
    a.select_node(&Node::Iku(key("PUSAT/P1")));
    press(&mut a, "a?");
    assert!(matches!(a.screen(), Screen::Help { over } if **over == Screen::Addendum));
    press(&mut a, "jj");
    assert_eq!(a.help_scroll(), 2);
    press(&mut a, "q");
    assert_eq!(
        *a.screen(),
        Screen::Addendum,
        "q closes the help, not the app"
    );
    assert!(!a.quit_requested());
    press(&mut a, "<Esc><Esc>?");
    assert!(matches!(a.screen(), Screen::Help { over } if **over == Screen::Tree));
    assert_eq!(a.help_scroll(), 0, "a new help starts at the top");
}
