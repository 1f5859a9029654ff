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
    render_at(app, 40)
}

fn render_at(app: &mut App, rows: u16) -> Buffer {
    crate::support::tui_support::render(app, 120, rows)
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

/// The partial dataset the TUI would open `ui` on, on a terminal of 40 rows.
fn partial(store: &Store, year: i32, ui: Option<&UiState>) -> Dataset {
    partial_for(store, year, ui, 40)
}

/// The partial dataset the TUI would open `ui` on, on a terminal of `rows` rows.
fn partial_for(store: &Store, year: i32, ui: Option<&UiState>, rows: u16) -> Dataset {
    let summary = store.year_summary(year).unwrap().expect("a summary");
    let units = units_in_view(&summary.units, ui, usize::from(rows));
    store.load_partial(year, summary, &units).unwrap()
}

/// The first frame of `ui` from the partial dataset and from the whole year are the same, and
/// stay the same when the partial view takes the whole year.
fn assert_same_first_frame(store: &Store, whole: &Dataset, ui: Option<UiState>, what: &str) {
    for rows in ROWS {
        assert_same_first_frame_at(
            store,
            whole,
            ui.clone(),
            &format!("{what}, {rows} rows"),
            rows,
        );
    }
}

/// The terminal heights every view is drawn at: a common one, and one so small that most of the
/// tree is below the screen (the partial load then holds just the units around the selection).
const ROWS: [u16; 2] = [40, 24];

fn assert_same_first_frame_at(
    store: &Store,
    whole: &Dataset,
    ui: Option<UiState>,
    what: &str,
    rows: u16,
) {
    let part = partial_for(store, whole.year, ui.as_ref(), rows);
    assert!(part.is_partial());
    let mut from_part = app(part, ui.clone());
    let mut from_whole = app(whole.clone(), ui);
    let a = render_at(&mut from_part, rows);
    let b = render_at(&mut from_whole, rows);
    assert!(
        a == b,
        "{what}: first frames differ\npartial:\n{}\nwhole:\n{}",
        text(&a),
        text(&b)
    );
    from_part.take_whole_year(whole.clone());
    assert!(!from_part.ds().is_partial());
    assert!(
        render_at(&mut from_part, rows) == b,
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
    let first = units_in_view(&units, None, usize::MAX);
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
    assert_eq!(units_in_view(&units, Some(&ui), usize::MAX), expected);
    // whatever the screen, the selection's path and its child units
    let few = units_in_view(&units, Some(&ui), 1);
    assert!(path.iter().all(|u| few.contains(u)), "{few:?}");
    assert!(
        ds.children(&deep).iter().all(|u| few.contains(u)),
        "{few:?}"
    );
}

/// The first frame of every view of the bundled sample, with its plans (the IS marks in the
/// tree, the Rincian Anggaran in a unit's pane): from a partial load, the plans of the units it
/// holds only ([`kinerja::tui::run::first_plans`]), and it is the frame of the whole year with
/// every plan.
#[test]
fn the_partial_first_frame_reads_the_plans_of_its_units_only_and_draws_them_as_the_whole_year() {
    use kinerja::tui::run::first_plans;
    let (ds, plans) = crate::tui_peta::sample();
    let (_dir, store) = store_of(&ds);
    store
        .import_plans(ds.year, &plans, false, &Actor::new("budi"), "import")
        .unwrap();
    let whole = store.load_year(ds.year).unwrap();
    let all = first_plans(&store, ds.year, &whole).unwrap();
    assert_eq!(
        all,
        store.load_plans(ds.year).unwrap(),
        "a whole year: every plan"
    );
    let mut checked = 0;
    for u in whole.units.keys() {
        let open = [Node::Unit(u.clone())];
        let ui = match whole.ss_of(u).first() {
            Some(s) => view(&whole, Node::Ss(s.clone()), &open),
            None => view(&whole, Node::Unit(u.clone()), &[]),
        };
        let part = partial(&store, ds.year, Some(&ui));
        // the units whose SS or IKU it holds
        let held: BTreeSet<String> = part
            .ss
            .keys()
            .chain(part.iku.keys())
            .map(|k| k.unit.clone())
            .collect();
        let got = first_plans(&store, ds.year, &part).unwrap();
        assert!(
            got.keys().all(|k| held.contains(k)),
            "{u}: {:?}",
            got.keys()
        );
        for k in &held {
            assert_eq!(got.get(k), all.get(k), "{u}: the plan of {k}");
        }
        if got.len() < all.len() {
            checked += 1;
        }
        let mut from_part = app(part, Some(ui.clone()));
        from_part.set_plans(got);
        let mut from_whole = app(whole.clone(), Some(ui));
        from_whole.set_plans(all.clone());
        let (a, b) = (render(&mut from_part), render(&mut from_whole));
        assert!(
            a == b,
            "{u}: first frames differ\npartial:\n{}\nwhole:\n{}",
            text(&a),
            text(&b)
        );
    }
    assert!(checked > 0, "some view reads fewer plans than the year has");
}

/// The bundled sample with its Kanwil and both KPKNL copied `n` times under DJKN (as
/// KANWIL-T01 with KPKNL-T01A and KPKNL-T01B, …): a tree taller than the screen.
fn tall_sample(n: usize) -> Dataset {
    use serde_json::Value;
    fn rename(v: &mut Value, map: &[(&str, String)]) {
        match v {
            Value::String(s) => {
                if let Some((_, new)) = map.iter().find(|(old, _)| old == s) {
                    *s = new.clone();
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| rename(x, map)),
            Value::Object(o) => o.values_mut().for_each(|x| rename(x, map)),
            _ => {}
        }
    }
    let text = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let sub = ["KANWIL-KALBAR", "KPKNL-PONTIANAK", "KPKNL-SINGKAWANG"];
    for i in 1..=n {
        let map = [
            ("KANWIL-KALBAR", format!("KANWIL-T{i:02}")),
            ("KPKNL-PONTIANAK", format!("KPKNL-T{i:02}A")),
            ("KPKNL-SINGKAWANG", format!("KPKNL-T{i:02}B")),
        ];
        for (part, key) in [("units", "code"), ("ss", "unit"), ("iku", "unit")] {
            let copies: Vec<Value> = doc[part]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x[key].as_str().is_some_and(|u| sub.contains(&u)))
                .map(|x| {
                    let mut x = x.clone();
                    rename(&mut x, &map);
                    x
                })
                .collect();
            doc[part].as_array_mut().unwrap().extend(copies);
        }
    }
    doc.as_object_mut().unwrap().remove("plan");
    kinerja::interchange::json::import_document(&doc.to_string()).unwrap()
}

#[test]
fn views_of_a_tree_taller_than_the_screen_load_the_units_around_the_selection_and_draw_the_whole_years_frame()
 {
    let ds = tall_sample(30);
    let (_dir, store) = store_of(&ds);
    let whole = store.load_year(ds.year).unwrap();
    let summary = store.year_summary(ds.year).unwrap().expect("a summary");
    // the partial load of a screen holds fewer units than the tree has rows
    let rows = units_in_view(&summary.units, None, usize::MAX);
    let screen = units_in_view(&summary.units, None, 24);
    assert!(rows.len() > 30, "{rows:?}");
    assert!(screen.len() < rows.len(), "{screen:?}");
    assert_same_first_frame(&store, &whole, None, "no saved view");
    for u in [
        "KANWIL-T01",
        "KANWIL-T15",
        "KANWIL-T30",
        "KPKNL-T15A",
        "KPKNL-T30B",
    ] {
        let ui = view(&whole, Node::Unit(u.to_string()), &[]);
        assert_same_first_frame(&store, &whole, Some(ui), &format!("unit {u}"));
        let s = whole.ss_of(u).first().cloned().expect("an SS");
        let open = [Node::Unit(u.to_string()), Node::Ss(s.clone())];
        let i = whole.iku_of_ss(&s).first().cloned().expect("an IKU");
        let ui = view(&whole, Node::Iku(i), &open);
        assert_same_first_frame(&store, &whole, Some(ui), &format!("SS {s}"));
    }
}
