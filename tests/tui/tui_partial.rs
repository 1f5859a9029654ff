//! The first frame from a partial dataset (issue 6, cold open): for any saved view, the frame
//! drawn from the units of that view alone is the frame the whole year gives, cell by cell and
//! style by style, and taking the whole year afterwards changes nothing on screen.

use crate::support::partial_support;
use crate::support::tui_support;

use std::collections::BTreeSet;

use kinerja::domain::*;
use kinerja::store::{Actor, Store};
use kinerja::tui::app::{App, Node, UiState, units_in_view};
use ratatui::buffer::Buffer;

fn app(ds: Dataset, ui: Option<UiState>) -> App {
    tui_support::app_in_view(ds, false, false, ui)
}

fn render(app: &mut App) -> Buffer {
    crate::support::tui_support::render(app, 120, 40)
}

/// A store holding `ds`, open.
fn store_of(ds: &Dataset) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    store
        .import_dataset(ds, false, &Actor::new("budi"), "import")
        .unwrap();
    (dir, store)
}

/// The partial dataset the TUI would open `ui` on.
fn partial(store: &Store, year: i32, ui: Option<&UiState>) -> Dataset {
    let summary = store.year_summary(year).unwrap().expect("a summary");
    let units = units_in_view(&summary.units, ui);
    store.load_partial(year, summary, &units).unwrap()
}

/// The first frame of `ui` from the partial dataset and from the whole year are the same, and
/// stay the same when the partial view takes the whole year.
fn assert_same_first_frame(store: &Store, whole: &Dataset, ui: Option<UiState>, what: &str) {
    let part = partial(store, whole.year, ui.as_ref());
    assert!(part.is_partial());
    let mut from_part = app(part, ui.clone());
    let mut from_whole = app(whole.clone(), ui);
    let a = render(&mut from_part);
    let b = render(&mut from_whole);
    assert!(
        a == b,
        "{what}: first frames differ\npartial:\n{}\nwhole:\n{}",
        text(&a),
        text(&b)
    );
    from_part.take_whole_year(whole.clone());
    assert!(!from_part.ds().is_partial());
    assert!(
        render(&mut from_part) == b,
        "{what}: changed after the swap"
    );
}

fn text(b: &Buffer) -> String {
    let w = b.area.width as usize;
    b.content
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The view with `node` selected (its ancestors opened) and `open` opened too.
fn view(whole: &Dataset, node: Node, open: &[Node]) -> UiState {
    let opened = UiState {
        open: open.iter().map(Node::id).collect(),
        selected: Vec::new(),
    };
    let mut a = app(whole.clone(), Some(opened));
    a.select_node(&node);
    a.ui_state()
}

fn every_view_of(ds: &Dataset) {
    let (_dir, store) = store_of(ds);
    let whole = store.load_year(ds.year).unwrap();
    assert_same_first_frame(&store, &whole, None, "no saved view");
    for u in whole.units.keys() {
        // the unit selected, and its first SS open with its first IKU selected
        let ui = view(&whole, Node::Unit(u.clone()), &[]);
        assert_same_first_frame(&store, &whole, Some(ui), &format!("unit {u}"));
        if let Some(s) = whole.ss_of(u).first() {
            let open = [Node::Unit(u.clone()), Node::Ss(s.clone())];
            let ui = match whole.iku_of_ss(s).first() {
                Some(i) => view(&whole, Node::Iku(i.clone()), &open),
                None => view(&whole, Node::Ss(s.clone()), &open),
            };
            assert_same_first_frame(&store, &whole, Some(ui), &format!("SS {s}"));
        }
    }
}

#[test]
fn every_unit_ss_and_iku_view_of_a_kanwil_opens_on_the_frame_of_the_whole_year() {
    every_view_of(&kinerja::demo::generate(
        kinerja::demo::Scale::Kanwil,
        3,
        2025,
    ));
}

#[test]
fn every_view_of_a_year_reaching_across_units_opens_on_the_frame_of_the_whole_year() {
    every_view_of(&partial_support::reaching_dataset());
}

#[test]
fn every_view_of_the_bundled_sample_opens_on_the_frame_of_the_whole_year() {
    let text = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    every_view_of(&kinerja::interchange::json::import_document(&text).unwrap());
}

#[test]
fn the_units_of_a_view_are_its_rows_and_its_selection() {
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 3, 2025);
    let units: Vec<Unit> = ds.units.values().cloned().collect();
    let root = ds.roots()[0].clone();
    let children: BTreeSet<String> = ds.children(&root).iter().cloned().collect();
    // no saved view: the roots and their children are open, so the children's children are
    // rows
    let first = units_in_view(&units, None);
    let mut expected = children.clone();
    expected.insert(root.clone());
    for c in &children {
        expected.extend(ds.children(c).iter().cloned());
    }
    assert_eq!(first, expected);
    // a deep selection brings its path and the children of every open unit on it
    let deep = ds
        .units
        .values()
        .filter(|u| ds.depth(&u.code) == 2)
        .map(|u| u.code.clone())
        .next()
        .expect("a unit two levels down");
    let ui = view(&ds, Node::Unit(deep.clone()), &[]);
    let mut path = ds.ancestors(&deep);
    path.push(deep.clone());
    let mut expected: BTreeSet<String> = ds.roots().iter().cloned().collect();
    for u in &path {
        expected.insert(u.clone());
        expected.extend(ds.children(u).iter().cloned());
    }
    assert_eq!(units_in_view(&units, Some(&ui)), expected);
}
