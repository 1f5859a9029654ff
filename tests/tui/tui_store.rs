//! The effects of update() performed with a real store (what the run loop does), without a
//! terminal: an edit is stored, flushed and audited before "Tersimpan"; undo is a stored change
//! too; a refused store keeps the editor; the view state file is written.

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::store::{Actor, AuditFilter, Change, Store};
use kinerja::tui::action::Action;
use kinerja::tui::app::{App, Node, Settings};
use kinerja::tui::run::{Flow, load_ui_state, perform};
use kinerja::tui::update::update;
use tui_support::d;

fn open_app(store: &Store) -> App {
    let settings = Settings {
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
        ..Settings::new(store.path(), "budi")
    };
    App::new(
        store.load_year(2025).unwrap(),
        Rulebook::default_rulebook(),
        settings,
        None,
    )
}

fn act(app: &mut App, store: &Store, state: Option<&std::path::Path>, a: Action) -> Flow {
    let fx = update(app, a);
    perform(app, store, 2025, &Actor::new("budi"), state, fx)
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Action::Insert(c));
    }
}

#[test]
fn edits_and_undo_are_stored_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store
        .import_dataset(&tui_support::dataset(), false, &Actor::new("budi"), "test")
        .unwrap();
    let mut app = open_app(&store);
    let key = CodeRef::new("KANWIL", "IKU1");
    app.select_node(&Node::Iku(key.clone()));
    act(&mut app, &store, None, Action::FocusGrid);
    tui_support::to_month(&mut app, 9);
    act(&mut app, &store, None, Action::StartEdit);
    update(&mut app, Action::Clear);
    type_text(&mut app, "87,5");
    assert_eq!(act(&mut app, &store, None, Action::Commit), Flow::Continue);
    assert_eq!(app.status(), "Tersimpan");
    assert_eq!(
        store.load_year(2025).unwrap().iku[&key].realisasi[8],
        Some(d("87.5"))
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    let last = log.iter().max_by_key(|e| e.seq).unwrap();
    assert_eq!((last.source.as_str(), last.user.as_str()), ("tui", "budi"));

    act(&mut app, &store, None, Action::Undo);
    assert_eq!(
        store.load_year(2025).unwrap().iku[&key].realisasi[8],
        Some(d("100"))
    );
    act(&mut app, &store, None, Action::Redo);
    assert_eq!(
        store.load_year(2025).unwrap().iku[&key].realisasi[8],
        Some(d("87.5"))
    );
    let tui_entries = store
        .audit_log(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.source == "tui")
        .count();
    assert_eq!(tui_entries, 3, "edit, undo and redo are each audited");
    // what is on screen is what is stored
    assert_eq!(app.ds().iku[&key], store.load_year(2025).unwrap().iku[&key]);
}

#[test]
fn a_refused_store_keeps_the_editor_and_the_screen_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store
        .import_dataset(&tui_support::dataset(), false, &Actor::new("budi"), "test")
        .unwrap();
    let mut app = open_app(&store);
    let key = CodeRef::new("KANWIL", "IKU1");
    // someone else removed the IKU meanwhile
    store
        .apply(
            2025,
            &[Change::RemoveIku(key.clone())],
            &Actor::new("ani"),
            "test",
        )
        .unwrap();
    app.select_node(&Node::Iku(key.clone()));
    act(&mut app, &store, None, Action::FocusGrid);
    act(&mut app, &store, None, Action::StartEdit);
    type_text(&mut app, "1");
    act(&mut app, &store, None, Action::Commit);
    let e = app.editor().expect("editor stays open");
    assert!(e.error().is_some());
    assert!(
        app.status().starts_with("Tidak tersimpan"),
        "{}",
        app.status()
    );
    assert_eq!(app.ds().iku[&key].realisasi[8], Some(d("100")));
    assert_eq!(app.undo_depth(), 0);
}

#[test]
fn quit_writes_the_view_state() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    store
        .import_dataset(&tui_support::dataset(), false, &Actor::new("budi"), "test")
        .unwrap();
    let mut app = open_app(&store);
    let state = dir.path().join("state/ui.json");
    // down to KPP (after PUSAT's SS, KANWIL and its two SS) and open it
    for _ in 0..5 {
        act(&mut app, &store, Some(&state), Action::Down);
    }
    act(&mut app, &store, Some(&state), Action::Expand);
    assert_eq!(
        act(&mut app, &store, Some(&state), Action::Quit),
        Flow::Quit
    );
    let saved = load_ui_state(&state).unwrap();
    assert!(saved.open.contains(&"u:KPP".to_string()));
    assert_eq!(saved.selected, vec!["u:PUSAT", "u:KANWIL", "u:KPP"]);
}

fn addendum_store(dir: &std::path::Path) -> Store {
    let store = Store::open(&dir.join("db")).unwrap();
    store
        .import_dataset(
            &tui_support::addendum_dataset(),
            false,
            &Actor::new("budi"),
            "test",
        )
        .unwrap();
    store
}

/// Starts the addendum mode on PUSAT/P1 and gathers October = 3000.
fn gather_p1(app: &mut App, store: &Store) {
    app.select_node(&Node::Iku(CodeRef::new("PUSAT", "P1")));
    act(app, store, None, Action::StartAddendum);
    act(app, store, None, Action::StartEdit);
    type_text(app, "3000");
    assert_eq!(act(app, store, None, Action::Commit), Flow::Continue);
}

#[test]
fn an_addendum_from_the_tui_is_stored_audited_and_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let store = addendum_store(dir.path());
    let mut app = open_app(&store);
    let key = CodeRef::new("PUSAT", "P1");
    let audit_before = store.audit_log(&AuditFilter::default()).unwrap().len();
    gather_p1(&mut app, &store);
    assert_eq!(
        store.audit_log(&AuditFilter::default()).unwrap().len(),
        audit_before,
        "gathering stores nothing"
    );
    act(&mut app, &store, None, Action::SubmitAddendum);
    type_text(&mut app, "target dinaikkan");
    act(&mut app, &store, None, Action::Commit);
    // the date offered, then y to the question
    act(&mut app, &store, None, Action::Commit);
    act(&mut app, &store, None, Action::Insert('y'));
    assert_eq!(app.status(), "Addendum v1 tersimpan (PUSAT, 1 perubahan)");

    let loaded = store.load_year(2025).unwrap();
    assert_eq!(loaded.iku[&key].targets[9], Some(d("3000")));
    let add = loaded
        .addenda
        .iter()
        .find(|a| a.unit == "PUSAT")
        .expect("the addendum is stored");
    assert_eq!(add.version, 1);
    assert_eq!(add.reason, "target dinaikkan");
    assert_eq!(add.changes.len(), 1);
    assert_eq!(
        (add.changes[0].month, add.changes[0].old, add.changes[0].new),
        (10, Some(d("1000")), Some(d("3000")))
    );
    let log = store.audit_log(&AuditFilter::default()).unwrap();
    let new: Vec<_> = log.iter().filter(|e| e.source == "addendum").collect();
    assert!(!new.is_empty(), "{log:#?}");
    assert!(new.iter().all(|e| e.user == "budi" && e.unit == "PUSAT"));
    // what is on screen is what is stored
    assert_eq!(app.ds().iku[&key], loaded.iku[&key]);
    assert_eq!(app.ds().addenda, loaded.addenda);
    // and a restart shows the same K3
    let again = open_app(&store);
    assert_eq!(
        kinerja::domain::k3::k3_breakdown(again.ds(), again.rb(), "PUSAT", None),
        kinerja::domain::k3::k3_breakdown(app.ds(), app.rb(), "PUSAT", None)
    );
}

#[test]
fn a_refused_or_discarded_or_abandoned_addendum_leaves_the_store_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = addendum_store(dir.path());
    let before = store.load_year(2025).unwrap();
    let audit_before = store.audit_log(&AuditFilter::default()).unwrap().len();
    let unchanged = |store: &Store| {
        assert_eq!(store.load_year(2025).unwrap(), before);
        assert_eq!(
            store.audit_log(&AuditFilter::default()).unwrap().len(),
            audit_before
        );
    };
    // refused by prepare (KANWIL breaks R01 whatever the addendum does)
    let mut app = open_app(&store);
    app.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    act(&mut app, &store, None, Action::StartAddendum);
    act(&mut app, &store, None, Action::StartEdit);
    type_text(&mut app, "120");
    act(&mut app, &store, None, Action::Commit);
    act(&mut app, &store, None, Action::SubmitAddendum);
    type_text(&mut app, "naik");
    act(&mut app, &store, None, Action::Commit);
    act(&mut app, &store, None, Action::Commit);
    assert!(!app.addendum().unwrap().problems.is_empty());
    unchanged(&store);
    // discarded
    let mut app = open_app(&store);
    gather_p1(&mut app, &store);
    act(&mut app, &store, None, Action::DiscardAddendum);
    act(&mut app, &store, None, Action::Insert('y'));
    assert!(app.addendum().is_none());
    unchanged(&store);
    // quit with the addendum pending
    let mut app = open_app(&store);
    gather_p1(&mut app, &store);
    assert_eq!(act(&mut app, &store, None, Action::Quit), Flow::Quit);
    unchanged(&store);
}
