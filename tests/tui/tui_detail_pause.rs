//! The detail pane follows the tree selection after a pause (issue 6): a tree move redraws only
//! the tree rows (fewer than 300 bytes to the terminal), the detail of the new node comes once no
//! further move arrives within `Settings::detail_pause`, and every other action brings it up to date
//! first. Time is an explicit input (`App::detail_wait` / `App::settle_detail`): nothing sleeps.

use crate::support::bench_support as support;
use crate::support::tui_support;

use std::time::{Duration, Instant};

use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::interchange::json;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{App, DETAIL_PAUSE, Focus, Node, Settings, UiState};
use kinerja::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn unit(u: &str) -> Node {
    Node::Unit(u.into())
}

fn iku(u: &str, c: &str) -> Node {
    Node::Iku(CodeRef::new(u, c))
}

/// The sample of the README (Kanwil DJKN Kalimantan Barat 2025).
fn kalbar() -> App {
    let text = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    let ds = json::import_document(&text).unwrap();
    support::new_app(ds, std::path::Path::new("/test/kalbar.store"))
}

fn text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut s = String::new();
    for y in 0..a.height {
        for x in 0..a.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn frame(term: &mut Terminal<TestBackend>, app: &mut App) -> Buffer {
    support::draw(term, app);
    term.backend().buffer().clone()
}

#[test]
fn a_move_keeps_the_detail_until_the_pause_has_passed_without_another_move() {
    let mut app = tui_support::app();
    assert_eq!(app.settings().detail_pause, DETAIL_PAUSE);
    assert_eq!(app.node(), Some(&unit("PUSAT")));
    assert_eq!(app.detail_wait(Instant::now()), None, "nothing is held");

    update(&mut app, Action::Down);
    assert_eq!(
        app.node(),
        Some(&Node::Ss(CodeRef::new("PUSAT", "S1"))),
        "the tree moved"
    );
    assert_eq!(
        app.detail_node(),
        Some(&unit("PUSAT")),
        "the detail did not"
    );
    assert!(app.detail_stale());

    // the first reading of the clock after the move starts the pause
    let t0 = Instant::now();
    assert_eq!(app.detail_wait(t0), Some(DETAIL_PAUSE));
    assert_eq!(app.detail_wait(t0 + ms(100)), Some(ms(50)));
    assert!(!app.settle_detail(t0 + ms(149)));
    assert_eq!(app.detail_node(), Some(&unit("PUSAT")));

    // another move within the pause starts it again, and the detail still shows PUSAT
    update(&mut app, Action::Down);
    assert_eq!(app.node(), Some(&unit("KANWIL")));
    let t1 = t0 + ms(100);
    assert_eq!(app.detail_wait(t1), Some(DETAIL_PAUSE));
    assert!(
        !app.settle_detail(t0 + ms(200)),
        "150 ms after the first move"
    );
    assert_eq!(app.detail_node(), Some(&unit("PUSAT")));
    assert!(app.settle_detail(t1 + DETAIL_PAUSE));
    assert_eq!(app.detail_node(), app.node(), "the detail follows");
    assert!(!app.detail_stale());
    assert_eq!(app.detail_wait(t1 + ms(300)), None);
    assert!(!app.settle_detail(t1 + ms(300)), "nothing more to redraw");

    // back to the node the detail shows: nothing is held, nothing to wait for
    update(&mut app, Action::Up);
    assert!(app.detail_stale());
    update(&mut app, Action::Down);
    assert!(!app.detail_stale());
    assert_eq!(app.detail_wait(Instant::now()), None);

    // the pause is a setting of the App
    let settings = Settings {
        detail_pause: ms(0),
        ..tui_support::settings(false, false)
    };
    let mut app = App::new(
        tui_support::dataset(),
        Rulebook::default_rulebook(),
        settings,
        None,
    );
    update(&mut app, Action::Down);
    let t = Instant::now();
    assert!(app.settle_detail(t));
}

#[test]
fn every_move_of_the_tree_holds_the_detail() {
    let mut app = tui_support::app_with(
        false,
        false,
        Some(UiState {
            open: vec![
                unit("PUSAT").id(),
                unit("KANWIL").id(),
                Node::Ss(CodeRef::new("KANWIL", "S1")).id(),
            ],
            selected: Vec::new(),
        }),
    );
    app.select_node(&iku("KANWIL", "IKU1"));
    let moves = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Last,
        Action::First,
    ];
    for a in moves {
        app.sync_detail();
        let before = app.node().cloned();
        update(&mut app, a.clone());
        assert_ne!(app.node().cloned(), before, "{a:?} moves");
        assert_eq!(app.detail_node().cloned(), before, "{a:?} holds the detail");
    }
    // left on a closed node goes to its parent; right on an open node into its first child
    app.sync_detail();
    app.select_node(&iku("KANWIL", "IKU1"));
    update(&mut app, Action::Left);
    assert_eq!(app.node(), Some(&Node::Ss(CodeRef::new("KANWIL", "S1"))));
    assert_eq!(app.detail_node(), Some(&iku("KANWIL", "IKU1")));
    update(&mut app, Action::Right);
    assert_eq!(app.node(), Some(&iku("KANWIL", "IKU1")));
    assert!(!app.detail_stale(), "back where the detail is");
    // left that closes an open node is not a move: the detail is brought up to date
    update(&mut app, Action::Up);
    assert!(app.detail_stale());
    update(&mut app, Action::Left);
    assert_eq!(app.node(), Some(&Node::Ss(CodeRef::new("KANWIL", "S1"))));
    assert!(!app.detail_stale(), "closing is not a move");

    // the next match of a search is a move; typing the query is not
    app.sync_detail();
    app.select_node(&unit("PUSAT"));
    update(&mut app, Action::Search);
    for c in "iku".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert_eq!(app.mode(), Mode::Search);
    assert!(!app.detail_stale(), "typing shows the match at once");
    assert_eq!(app.detail_node(), app.node());
    let first = app.node().cloned();
    update(&mut app, Action::Down);
    assert_ne!(app.node().cloned(), first);
    assert_eq!(app.detail_node().cloned(), first, "next match while typing");
    update(&mut app, Action::Commit);
    assert!(!app.detail_stale());
    update(&mut app, Action::NextMatch);
    assert!(app.detail_stale(), "n in the tree");
}

#[test]
fn every_other_action_right_after_a_move_acts_on_and_shows_the_new_node() {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // Enter/Tab on an IKU: the grid of the newly selected IKU, at once
    for action in [Action::FocusGrid, Action::Right, Action::SwitchPane] {
        let mut app = tui_support::app();
        app.select_node(&iku("KANWIL", "IKU3"));
        frame(&mut term, &mut app);
        update(&mut app, Action::Up);
        assert_eq!(app.node(), Some(&iku("KANWIL", "IKU1")));
        assert_eq!(app.detail_node(), Some(&iku("KANWIL", "IKU3")));
        let shown = text(&frame(&mut term, &mut app));
        assert!(shown.contains("IKU IKU3"), "{shown}");
        assert!(
            shown.contains("▷"),
            "the hollow pointer says the detail lags:\n{shown}"
        );
        update(&mut app, action.clone());
        assert_eq!(app.focus(), Focus::Grid, "{action:?}");
        assert!(!app.detail_stale(), "{action:?}");
        let shown = text(&frame(&mut term, &mut app));
        assert!(shown.contains("IKU IKU1"), "{action:?}:\n{shown}");
        assert!(!shown.contains("IKU IKU3"), "{action:?}:\n{shown}");
    }
    // editing right after a move edits the new IKU
    let mut app = tui_support::app();
    app.select_node(&iku("KANWIL", "IKU3"));
    update(&mut app, Action::Up);
    update(&mut app, Action::StartEdit);
    assert_eq!(app.mode(), Mode::Edit);
    assert_eq!(
        app.editor().map(|e| e.iku.clone()),
        Some(CodeRef::new("KANWIL", "IKU1"))
    );
    assert_eq!(app.detail_node(), Some(&iku("KANWIL", "IKU1")));
    let shown = text(&frame(&mut term, &mut app));
    assert!(
        shown.contains("IKU IKU1") && !shown.contains("IKU IKU3"),
        "{shown}"
    );

    // an addendum right after a move is for the new node's unit
    let mut app = tui_support::app();
    app.select_node(&Node::Ss(CodeRef::new("PUSAT", "S1")));
    app.sync_detail();
    update(&mut app, Action::Down);
    assert_eq!(app.node(), Some(&unit("KANWIL")));
    update(&mut app, Action::StartAddendum);
    assert_eq!(app.addendum().map(|s| s.unit.as_str()), Some("KANWIL"));
    assert!(!app.detail_stale());

    // the rest: period, search, help, undo, toggle, redraw all bring the detail up to date
    for action in [
        Action::NextPeriod,
        Action::PrevPeriod,
        Action::Search,
        Action::Help,
        Action::Undo,
        Action::Toggle,
        Action::Redraw,
    ] {
        let mut app = tui_support::app();
        update(&mut app, Action::Down);
        assert!(app.detail_stale());
        update(&mut app, action.clone());
        assert!(!app.detail_stale(), "{action:?}");
        assert_eq!(
            app.detail_node(),
            Some(&Node::Ss(CodeRef::new("PUSAT", "S1"))),
            "{action:?}"
        );
    }
}

/// The right-hand pane of a 120×40 screen (the tree takes 2/5 of the width).
fn detail_cells(buf: &Buffer) -> Vec<String> {
    let mut v = Vec::new();
    for y in 1..38 {
        for x in 48..120 {
            v.push(buf[(x, y)].symbol().to_string() + &format!("{:?}", buf[(x, y)].style()));
        }
    }
    v
}

fn tree_cells(buf: &Buffer) -> Vec<String> {
    let mut v = Vec::new();
    for y in 1..38 {
        for x in 0..48 {
            v.push(buf[(x, y)].symbol().to_string() + &format!("{:?}", buf[(x, y)].style()));
        }
    }
    v
}

#[test]
fn the_frame_of_a_move_changes_only_tree_rows_and_the_settled_frame_the_detail() {
    let mut term = support::test_terminal();
    for (from, to) in [
        (unit("KPKNL-PONTIANAK"), unit("KPKNL-SINGKAWANG")),
        (iku("KANWIL-KALBAR", "1a-CP"), iku("KANWIL-KALBAR", "1b-CP")),
    ] {
        let mut app = kalbar();
        app.select_node(&from);
        let before = frame(&mut term, &mut app);
        update(&mut app, Action::Down);
        assert_eq!(app.node(), Some(&to));
        let moved = frame(&mut term, &mut app);
        assert_eq!(
            detail_cells(&before),
            detail_cells(&moved),
            "the detail pane is untouched by the move {from:?} → {to:?}"
        );
        assert_ne!(tree_cells(&before), tree_cells(&moved), "the tree moved");
        let changed_rows: Vec<u16> = (0..40)
            .filter(|&y| (0..120).any(|x| before[(x, y)] != moved[(x, y)]))
            .collect();
        assert_eq!(changed_rows.len(), 2, "two tree rows: {changed_rows:?}");
        let t0 = Instant::now();
        app.detail_wait(t0);
        assert!(app.settle_detail(t0 + DETAIL_PAUSE));
        let settled = frame(&mut term, &mut app);
        assert_ne!(detail_cells(&moved), detail_cells(&settled));
        let (code, _) = app.label(&to);
        let right: String = (1..38)
            .flat_map(|y| (48..120).map(move |x| (x, y)))
            .map(|p| settled[p].symbol().to_string())
            .collect();
        assert!(right.contains(&code), "the detail shows {code}");
    }
}

/// Bytes the real crossterm backend sends for one move down from `from`, then for the deferred
/// detail frame; and whether the move scrolled the tree pane.
fn move_bytes(app: &mut App, from: &Node) -> (usize, usize, bool) {
    let (mut term, bytes) = support::counting_terminal();
    app.select_node(from);
    support::draw(&mut term, app);
    bytes.set(0);
    let top = app.tree_top().clone();
    update(app, Action::Down);
    support::draw(&mut term, app);
    let moved = bytes.get();
    let scrolled = *app.tree_top() != top;
    bytes.set(0);
    let t0 = Instant::now();
    app.detail_wait(t0);
    assert!(app.settle_detail(t0 + app.settings().detail_pause));
    support::draw(&mut term, app);
    (moved, bytes.get(), scrolled)
}

#[test]
fn a_tree_move_sends_fewer_than_300_bytes_to_the_terminal() {
    let mut app = kalbar();
    let (unit_move, unit_detail, _) = move_bytes(&mut app, &unit("KPKNL-PONTIANAK"));
    assert_eq!(app.node(), Some(&unit("KPKNL-SINGKAWANG")));
    assert!(unit_move < 300, "unit → unit: {unit_move} bytes");
    assert!(
        unit_detail > unit_move,
        "the deferred frame draws the detail"
    );
    let (iku_move, iku_detail, _) = move_bytes(&mut app, &iku("KANWIL-KALBAR", "1a-CP"));
    assert_eq!(app.node(), Some(&iku("KANWIL-KALBAR", "1b-CP")));
    assert!(iku_move < 300, "IKU → IKU: {iku_move} bytes");
    assert!(iku_detail > iku_move);

    // and every such move of the sample within the pane: each unit to the next unit row, each
    // IKU to the next IKU row, with everything open
    let mut app = kalbar();
    support::open_everything(&mut app);
    let rows = app.visible();
    let mut n = 0;
    for pair in rows.windows(2) {
        let (a, b) = (pair[0].last().unwrap(), pair[1].last().unwrap());
        let same_kind = matches!(
            (a, b),
            (Node::Unit(_), Node::Unit(_)) | (Node::Iku(_), Node::Iku(_))
        );
        if !same_kind {
            continue;
        }
        // `a` on the first row of the pane: the move does not scroll it (a scroll redraws every
        // row of the tree pane, whatever the detail does)
        app.set_tree_top(pair[0].clone());
        let (moved, _, scrolled) = move_bytes(&mut app, a);
        assert_eq!(app.node(), Some(b));
        assert!(!scrolled);
        assert!(moved < 300, "{a:?} → {b:?}: {moved} bytes");
        n += 1;
    }
    assert!(n >= 20, "{n} moves measured");
}
