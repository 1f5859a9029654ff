//! Ministry-scale benchmarks (issue 6): import, cold open to the first frame, an edit to the
//! updated frame, one frame of navigation, and the bytes a cursor move and an edit send to the
//! terminal. The dataset is `kinerja demo --scale ministry` (default seed and year).
//!
//! Run with `cargo bench --bench ministry`; the byte counts are printed before the timings.

mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use kinerja::domain::Decimal;
use kinerja::interchange::json;
use kinerja::store::{Change, Store};
use kinerja::tui::action::Action;
use kinerja::tui::run::{first_dataset, first_plans};
use kinerja::tui::update;

use support::*;

fn import(c: &mut Criterion) {
    kinerja::alloc::tune();
    let doc = ministry_document();
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("document_to_store", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("m.store");
                let t = Instant::now();
                let store = import_into(black_box(&doc), &path);
                total += t.elapsed();
                drop(store);
                wait_unlocked(&path);
            }
            total
        })
    });
    g.finish();
}

fn cold_open(c: &mut Criterion) {
    kinerja::alloc::tune();
    let (_dir, path) = ministry_store();
    let mut g = c.benchmark_group("open");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("cold_open_to_first_frame", |b| {
        b.iter_custom(|iters| cold_opens(&path, iters, false))
    });
    // What the TUI does next, in the background: the whole year, then the same frame again.
    g.bench_function("cold_open_to_whole_year", |b| {
        b.iter_custom(|iters| cold_opens(&path, iters, true))
    });
    g.finish();
}

/// `iters` opens of the store as the TUI opens it: the first frame from a partial load, and
/// with `whole` the whole year put in place and drawn again.
fn cold_opens(path: &std::path::Path, iters: u64, whole: bool) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        wait_unlocked(path);
        let t = Instant::now();
        let store = Store::open(path).expect("open");
        let year = *store.years().expect("years").last().expect("a year");
        let ds = first_dataset(&store, year, None, 40).expect("load");
        assert!(
            ds.is_partial(),
            "the first frame is drawn from a partial load"
        );
        // the plans of the units the first frame holds, as the TUI reads them
        let plans = first_plans(&store, year, &ds).expect("plans");
        let mut app = new_app(ds, path);
        app.set_plans(plans);
        let mut term = test_terminal();
        draw(&mut term, &mut app);
        if whole {
            app.take_whole_year(store.load_year(year).expect("load"));
            app.set_plans(store.load_plans(year).expect("plans"));
            draw(&mut term, &mut app);
        }
        total += t.elapsed();
        drop((app, store));
    }
    total
}

fn edit(c: &mut Criterion) {
    kinerja::alloc::tune();
    let (_dir, path) = ministry_store();
    let store = Store::open(&path).expect("open");
    let ds = store.load_year(2025).expect("load");
    let mut app = new_app(ds, &path);
    let (key, month) = edit_target(&app);
    select_iku(&mut app, &key);
    let mut term = test_terminal();
    draw(&mut term, &mut app);
    let mut g = c.benchmark_group("edit");
    let mut n: i64 = 0;
    g.bench_function("recompute_and_frame", |b| {
        b.iter(|| {
            n += 1;
            apply_edit(&mut app, &key, month, Decimal::new(1000 + n % 7, 1));
            draw(&mut term, &mut app);
        })
    });
    let before = app.scores().recomputed;
    apply_edit(&mut app, &key, month, Decimal::new(4242, 1));
    draw(&mut term, &mut app);
    println!(
        "edit of {key} {month:02}: {} unit(s) recomputed (unit + {} ancestor(s))",
        app.scores().recomputed - before,
        app.ds().ancestors(&key.unit).len()
    );
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    let who = actor();
    g.bench_function("store_apply_and_flush", |b| {
        b.iter(|| {
            n += 1;
            let change = Change::SetRealisasi {
                iku: key.clone(),
                month,
                value: Some(Decimal::new(1000 + n % 7, 1)),
            };
            store.apply(2025, &[change], &who, "tui").expect("apply");
            store.flush().expect("flush");
        })
    });
    g.finish();
}

fn navigation(c: &mut Criterion) {
    kinerja::alloc::tune();
    let ds = json::import_document(&ministry_document()).expect("imports");
    let mut g = c.benchmark_group("navigate");
    // (everything unfolded, then the detail drawn too: the frame after the pause)
    for (all_open, with_detail) in [(false, false), (true, false), (false, true)] {
        let mut app = new_app(ds.clone(), std::path::Path::new("/bench/m.store"));
        if all_open {
            open_everything(&mut app);
        }
        // start in the middle of what is visible
        let rows = app.visible();
        app.select_node(rows[rows.len() / 2].last().expect("a row"));
        let mut term = test_terminal();
        draw(&mut term, &mut app);
        let name = match (all_open, with_detail) {
            (true, _) => "down_and_frame_all_open",
            (false, true) => "down_frame_then_detail_frame",
            (false, false) => "down_and_frame",
        };
        let mut n = 0u64;
        g.bench_function(name, |b| {
            b.iter(|| {
                n += 1;
                let a = if n.is_multiple_of(2) {
                    Action::Up
                } else {
                    Action::Down
                };
                update(&mut app, a);
                draw(&mut term, &mut app);
                if with_detail {
                    app.sync_detail();
                    draw(&mut term, &mut app);
                }
            })
        });
    }
    g.finish();
}

/// Bytes sent to the terminal: not a timing, printed (and checked by the target in the README).
/// A tree move is counted twice: the frame drawn at once (the tree rows; the detail pane keeps the
/// previous node) and the frame drawn once the pause after the move has passed (the new node's
/// detail).
fn terminal_bytes(_c: &mut Criterion) {
    kinerja::alloc::tune();
    let ds = json::import_document(&ministry_document()).expect("imports");
    let scroll = scrolling(ds.clone());
    let mut app = new_app(ds, std::path::Path::new("/bench/m.store"));
    let (mut term, bytes) = counting_terminal();
    draw(&mut term, &mut app);
    let first = bytes.get();
    let (cursor, cursor_detail) = tree_move(&mut app, &mut term, &bytes);
    let (key, month) = edit_target(&app);
    select_iku(&mut app, &key);
    draw(&mut term, &mut app);
    bytes.set(0);
    apply_edit(&mut app, &key, month, Decimal::new(12345, 1));
    draw(&mut term, &mut app);
    let edit = bytes.get();
    // back in the tree (the edit leaves the cursor in the grid), the same IKU one row down
    // (then the detail shows the next IKU's grid)
    if app.mode() == kinerja::tui::action::Mode::Grid {
        update(&mut app, Action::FocusTree);
        draw(&mut term, &mut app);
    }
    let (iku_move, iku_detail) = tree_move(&mut app, &mut term, &bytes);
    update(&mut app, Action::Up);
    update(&mut app, Action::FocusGrid);
    draw(&mut term, &mut app);
    bytes.set(0);
    update(&mut app, Action::Left);
    draw(&mut term, &mut app);
    let month_move = bytes.get();
    println!(
        "terminal bytes (120x40, crossterm): first frame {first}; tree move unit to unit \
         {cursor} (then {cursor_detail} for the detail after the pause); edit {edit}; tree move \
         IKU to IKU {iku_move} (then {iku_detail} for the detail); grid month move {month_move}"
    );
    let (moves, per_move, most) = scroll;
    println!(
        "terminal bytes while holding Down through {moves} rows of the unfolded tree: \
         {per_move} per move on average, {most} for a move that scrolls the tree pane"
    );
}

/// Holding Down through the unfolded tree, the pane scrolling a row at each move once the
/// selection reaches its bottom: (moves, average bytes per move, most bytes for one move).
fn scrolling(ds: kinerja::domain::Dataset) -> (usize, usize, usize) {
    let mut app = new_app(ds, std::path::Path::new("/bench/m.store"));
    open_everything(&mut app);
    let (mut term, bytes) = counting_terminal();
    draw(&mut term, &mut app);
    let moves = 500;
    let (mut total, mut most) = (0, 0);
    for _ in 0..moves {
        bytes.set(0);
        update(&mut app, Action::Down);
        draw(&mut term, &mut app);
        total += bytes.get();
        most = most.max(bytes.get());
    }
    (moves, total / moves, most)
}

/// One tree move down: the bytes of the frame drawn at once, then of the frame drawn when the
/// detail pane follows after the pause (the clock is given, not waited for).
fn tree_move<W: std::io::Write>(
    app: &mut kinerja::tui::App,
    term: &mut ratatui::Terminal<ratatui::backend::CrosstermBackend<W>>,
    bytes: &std::cell::Cell<usize>,
) -> (usize, usize) {
    bytes.set(0);
    update(app, Action::Down);
    draw(term, app);
    let moved = bytes.get();
    bytes.set(0);
    let t = Instant::now();
    app.detail_wait(t);
    assert!(
        app.settle_detail(t + app.settings().detail_pause),
        "the move held the detail"
    );
    draw(term, app);
    (moved, bytes.get())
}

criterion_group!(benches, terminal_bytes, navigation, edit, cold_open, import);
criterion_main!(benches);
