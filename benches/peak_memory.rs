//! Peak memory (VmHWM) of a cold open at ministry scale: store open, year loaded, App built and
//! the first frame drawn. The store is prepared first, then a fresh process (this binary again,
//! with `--measure STORE`) opens it, so the figure is that of a process that only opens.
//!
//! Run with `cargo bench --bench peak_memory`.

mod support;

use std::process::Command;
use std::time::Instant;

use kinerja::store::Store;
use kinerja::tui::run::first_dataset;
use support::*;

/// A `/proc/self/status` field in kB.
fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn measure(path: &std::path::Path) {
    let before = status_kb("VmHWM:").unwrap_or(0);
    let t0 = Instant::now();
    let store = Store::open(path).expect("open");
    let t1 = Instant::now();
    let year = *store.years().expect("years").last().expect("a year");
    let ds = first_dataset(&store, year, None, 40).expect("load");
    let t2 = Instant::now();
    let mut app = new_app(ds, path);
    let t3 = Instant::now();
    let mut term = test_terminal();
    draw(&mut term, &mut app);
    let t4 = Instant::now();
    // then, as the TUI does in the background, the whole year and the frame again
    app.take_whole_year(store.load_year(year).expect("load"));
    draw(&mut term, &mut app);
    let t5 = Instant::now();
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    println!(
        "cold open phases (one run): store open {:.1} ms, load year {:.1} ms, App::new {:.1} ms, first frame {:.1} ms; total {:.1} ms; whole year in place after {:.1} ms",
        ms(t0, t1),
        ms(t1, t2),
        ms(t2, t3),
        ms(t3, t4),
        ms(t0, t4),
        ms(t0, t5)
    );
    let after = status_kb("VmHWM:").unwrap_or(0);
    let rss = status_kb("VmRSS:").unwrap_or(0);
    println!(
        "peak memory after cold open at ministry scale: VmHWM {} MB (process start {} MB, RSS now {} MB)",
        after / 1024,
        before / 1024,
        rss / 1024
    );
    drop((app, store));
}

fn main() {
    kinerja::alloc::tune();
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        measure(std::path::Path::new(&args[i + 1]));
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then only check it runs.
    let (_dir, path) = ministry_store();
    let exe = std::env::current_exe().expect("current exe");
    let status = Command::new(exe)
        .arg("--measure")
        .arg(&path)
        .status()
        .expect("run the measuring process");
    assert!(status.success(), "measuring process failed");
}
