//! Issue 6: one realisasi edit recomputes only what depends on it, through the TUI path (the App
//! after an applied edit, then a frame), on a generated Kanwil dataset; and the tree's row
//! stepping (which replaced listing every row on each key) agrees with the full listing.

use kinerja::demo::{Scale, generate};
use kinerja::domain::Dataset;
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::{CodeRef, Decimal};
use kinerja::tui::action::Action;
use kinerja::tui::app::{App, Node, NodePath, Settings, UiState};
use kinerja::tui::update;

use crate::support::bench_support;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The generated Kanwil year opened on a saved view with the nodes `open` lists open.
fn app_open(open: impl Fn(&Dataset) -> Vec<String>) -> App {
    let ds = generate(Scale::Kanwil, 2025, 2025);
    let ui = UiState {
        open: open(&ds),
        selected: Vec::new(),
    };
    App::new(
        ds,
        Rulebook::default_rulebook(),
        Settings::new("/data/kinerja.db", "budi"),
        Some(ui),
    )
}

/// Every unit open.
fn units_open(ds: &Dataset) -> Vec<String> {
    ds.units
        .keys()
        .map(|u| Node::Unit(u.clone()).id())
        .collect()
}

fn draw(term: &mut Terminal<TestBackend>, app: &mut App) {
    term.draw(|f| kinerja::tui::ui::draw(f, app)).unwrap();
}

/// The deepest editable IKU whose source rolls up (so the edit changes numbers up the chain).
fn target(app: &App) -> (CodeRef, u8) {
    app.ds()
        .iku
        .iter()
        .filter(|(_, i)| {
            i.cascade
                .as_ref()
                .and_then(|c| app.ds().iku.get(&c.from))
                .is_some_and(|p| p.rolls_up())
        })
        .filter_map(|(k, _)| {
            let m = (1..=app.period())
                .rev()
                .find(|m| app.edit_refusal(k, *m).is_none())?;
            Some((app.ds().depth(&k.unit), k.clone(), m))
        })
        .max_by_key(|(d, _, _)| *d)
        .map(|(_, k, m)| (k, m))
        .expect("the kanwil dataset has an editable IKU feeding a roll-up")
}

#[test]
fn one_edit_recomputes_its_unit_and_its_ancestors_only() {
    // every unit open, so that every unit's score is on screen or cached
    let mut app = app_open(units_open);
    let units: Vec<String> = app.ds().units.keys().cloned().collect();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // score every unit once (as scrolling the whole tree would)
    for u in &units {
        app.unit_score(u);
    }
    let (key, month) = target(&app);
    app.select_node(&Node::Iku(key.clone()));
    draw(&mut term, &mut app);
    let ancestors = app.ds().ancestors(&key.unit);
    assert!(
        ancestors.len() >= 2,
        "the edited unit is deep in the tree: {ancestors:?}"
    );
    let before = app.scores().recomputed;
    let old = app.ds().iku[&key].realisasi[(month - 1) as usize];
    let new = old.unwrap_or_default() + Decimal::ONE;
    bench_support::apply_edit(&mut app, &key, month, new);
    draw(&mut term, &mut app);
    // everything the screen or a later scroll needs: all units again
    for u in &units {
        app.unit_score(u);
    }
    assert_eq!(
        app.scores().recomputed - before,
        1 + ancestors.len(),
        "only {} and its ancestors {ancestors:?}, of {} units",
        key.unit,
        units.len()
    );
    assert_eq!(
        app.ds().iku[&key].realisasi[(month - 1) as usize],
        Some(new)
    );
}

#[test]
fn stepping_rows_agrees_with_the_full_listing() {
    // every unit open, some SS open, some closed
    let app = app_open(|ds| {
        let mut open = units_open(ds);
        open.extend(
            ds.ss
                .keys()
                .enumerate()
                .filter(|(i, _)| i % 3 != 0)
                .map(|(_, k)| Node::Ss(k.clone()).id()),
        );
        open
    });
    let rows = app.visible();
    assert!(rows.len() > 100, "{} rows", rows.len());
    let mut forward: Vec<NodePath> = Vec::new();
    let mut cur = app.first_row();
    while let Some(p) = cur {
        cur = app.next_row(&p);
        forward.push(p);
    }
    assert_eq!(forward, rows);
    let mut backward: Vec<NodePath> = Vec::new();
    let mut cur = app.last_row();
    while let Some(p) = cur {
        cur = app.prev_row(&p);
        backward.push(p);
    }
    backward.reverse();
    assert_eq!(backward, rows);
    for (i, a) in rows.iter().enumerate().step_by(17) {
        for b in rows.iter().skip(i).step_by(29) {
            assert_ne!(
                app.row_order(a, b),
                std::cmp::Ordering::Greater,
                "{a:?} / {b:?}"
            );
        }
    }
}

#[test]
fn scrolling_the_whole_tree_keeps_the_selection_on_screen() {
    let mut app = app_open(units_open);
    let rows = app.visible();
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    draw(&mut term, &mut app);
    let on_screen = |term: &Terminal<TestBackend>, app: &App| {
        // the selected row is drawn in the selection style with the selection symbol
        let buf = term.backend().buffer();
        (0..buf.area.height).any(|y| {
            let line: String = (0..buf.area.width / 2)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            let code = match app.selected().last().unwrap() {
                Node::Unit(u) => u.clone(),
                Node::Ss(k) | Node::Iku(k) => k.code.clone(),
            };
            line.contains(app.theme().pointer(app.detail_stale()).trim()) && line.contains(&code)
        })
    };
    for (i, row) in rows.iter().enumerate().skip(1) {
        update(&mut app, Action::Down);
        draw(&mut term, &mut app);
        assert_eq!(app.selected(), row);
        assert!(on_screen(&term, &app), "row {i} {row:?} not shown");
    }
    update(&mut app, Action::Down);
    assert_eq!(
        app.selected(),
        rows.last().unwrap(),
        "stays on the last row"
    );
    update(&mut app, Action::First);
    draw(&mut term, &mut app);
    assert_eq!(app.selected(), &rows[0]);
    assert!(on_screen(&term, &app));
    update(&mut app, Action::Last);
    draw(&mut term, &mut app);
    assert_eq!(app.selected(), rows.last().unwrap());
    assert!(on_screen(&term, &app));
    update(&mut app, Action::PageUp);
    draw(&mut term, &mut app);
    assert!(on_screen(&term, &app));
}
