//! The effects of update() performed with a real store (what the run loop does), without a
//! terminal: an edit is stored, flushed and audited before "Tersimpan"; undo is a stored change
//! too; a refused store keeps the editor; the view state file is written.

mod tui_support;

use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::store::{Actor, AuditFilter, Change, Store};
use kinerja::text::Lang;
use kinerja::tui::action::Action;
use kinerja::tui::app::{App, Node};
use kinerja::tui::deps::{Keymap, Locale, Theme};
use kinerja::tui::run::{Flow, load_ui_state, perform};
use kinerja::tui::update::update;
use tui_support::d;

fn open_app(store: &Store) -> App {
    App::new(
        store.load_year(2025).unwrap(),
        Rulebook::default_rulebook(),
        Keymap::builtin("default").unwrap(),
        "default",
        Theme::new(false, false),
        Lang::Id,
        Locale::Id,
        false,
        store.path().to_path_buf(),
        "budi".into(),
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
    act(&mut app, &store, None, Action::StartEdit);
    update(&mut app, Action::Clear);
    type_text(&mut app, "87,5");
    assert_eq!(act(&mut app, &store, None, Action::Commit), Flow::Continue);
    assert_eq!(app.status, "Tersimpan");
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
    assert_eq!(app.ds.iku[&key], store.load_year(2025).unwrap().iku[&key]);
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
    let e = app.editor.as_ref().expect("editor stays open");
    assert!(e.error.is_some());
    assert!(app.status.starts_with("Tidak tersimpan"), "{}", app.status);
    assert_eq!(app.ds.iku[&key].realisasi[8], Some(d("100")));
    assert!(app.undo.is_empty());
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
    act(&mut app, &store, Some(&state), Action::Down);
    act(&mut app, &store, Some(&state), Action::Expand);
    assert_eq!(
        act(&mut app, &store, Some(&state), Action::Quit),
        Flow::Quit
    );
    let saved = load_ui_state(&state).unwrap();
    assert!(saved.open.contains(&"u:KANWIL".to_string()));
    assert_eq!(saved.selected, vec!["u:PUSAT", "u:KANWIL"]);
}
