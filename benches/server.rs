//! The store server at ministry scale (issue 11): 20 simulated clients on the ministry demo.
//!
//! - `served/commit_seen_by_all`: one client commits a realisasi; the time until every other of
//!   the 20 live clients has received it (the p99 is printed besides criterion's estimate);
//! - confirmed (flushed, audited) changes per second through the server, 20 clients at once;
//! - resident memory of the server and of one client holding the ministry year and its view;
//! - `served/edit_frame`: a realisasi typed in a TUI connected to the server, sent, confirmed
//!   (flushed, audited) and the updated frame drawn, while the 19 other clients are connected;
//! - `served/cold_open_running` and `served/cold_open_starting`: connect, load the first
//!   (partial) dataset and draw the first frame, with a running server and with one the client
//!   has to start first.
//!
//! Run with `cargo bench --bench server`.

mod support;

use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use kinerja::domain::{CodeRef, Decimal};
use kinerja::server::Client;
use kinerja::server::client::{ConnectOptions, Incoming};
use kinerja::store::{Change, StoreApi};
use kinerja::tui::action::Action;
use kinerja::tui::deps::format_editable;
use kinerja::tui::run::{first_dataset, perform};
use kinerja::tui::update::update;

use support::*;

const CLIENTS: usize = 20;

fn options(live: bool) -> ConnectOptions {
    let mut o = ConnectOptions::new("bench");
    o.live = live;
    o.exe = Some(env!("CARGO_BIN_EXE_kinerja").into());
    o.idle = Some(0);
    o
}

fn start_server(path: &Path) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--store")
        .arg(path)
        .args(["serve", "--idle", "600"])
        .spawn()
        .expect("kinerja serve");
    let until = Instant::now() + Duration::from_secs(30);
    while std::os::unix::net::UnixStream::connect(kinerja::server::socket_path(path)).is_err() {
        assert!(Instant::now() < until, "the server did not come up");
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

fn stop_server(path: &Path, mut child: Child) {
    let c = Client::connect(path, {
        let mut o = options(false);
        o.start = false;
        o
    })
    .expect("connect");
    let _ = c.stop();
    let _ = child.wait();
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// An IKU of the ministry demo with a realisasi month it takes.
fn target(client: &Client) -> (CodeRef, u8) {
    let year = *client.years().unwrap().last().unwrap();
    let ds = client.load_year(year).unwrap();
    edit_target(&new_app(ds, client.path()))
}

fn wait_event(rx: &Receiver<Incoming>) {
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Incoming::Event(_)) => return,
            Ok(_) => continue,
            Err(e) => panic!("no event: {e}"),
        }
    }
}

/// What a TUI does when it opens: connects (starting the server when none runs), loads the
/// first (partial) dataset of a 40-row screen and draws the first frame.
fn first_frame(path: &Path) -> (kinerja::tui::app::App, Client) {
    let client = Client::connect(path, options(true)).expect("connect");
    let year = *client.years().unwrap().last().unwrap();
    let ds = first_dataset(&client, year, None, 40).expect("load");
    let mut app = new_app(ds, path);
    let mut term = test_terminal();
    draw(&mut term, &mut app);
    (app, client)
}

fn served(c: &mut Criterion) {
    kinerja::alloc::tune();
    let (_dir, path) = ministry_store();
    let server = start_server(&path);
    let server_pid = server.id();
    let clients: Vec<Client> = (0..CLIENTS)
        .map(|_| Client::connect(&path, options(true)).expect("connect"))
        .collect();
    let events: Vec<Receiver<Incoming>> = clients
        .iter()
        .map(|c| c.take_events().expect("live"))
        .collect();
    let year = *clients[0].years().unwrap().last().unwrap();
    let (key, month) = target(&clients[0]);
    let value = |i: u64| Decimal::new(1000 + (i % 500) as i64, 1);
    let mut n = 0u64;

    // a commit seen by every other client
    let mut samples = Vec::new();
    let mut g = c.benchmark_group("served");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("commit_seen_by_all", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let writer = (n as usize) % CLIENTS;
                let change = [Change::SetRealisasi {
                    iku: key.clone(),
                    month,
                    value: Some(value(n)),
                }];
                let t = Instant::now();
                clients[writer]
                    .apply(year, &change, &actor(), "bench")
                    .expect("apply");
                for (i, rx) in events.iter().enumerate() {
                    if i != writer {
                        wait_event(rx);
                    }
                }
                let e = t.elapsed();
                samples.push(e);
                total += e;
            }
            total
        })
    });
    g.finish();
    samples.sort();
    let p = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    // (none when a filter left the benchmark out)
    if !samples.is_empty() {
        println!(
            "commit seen by all {} others: p50 {:?}, p99 {:?} ({} commits)",
            CLIENTS - 1,
            p(0.5),
            p(0.99),
            samples.len()
        );
    }

    // a realisasi typed in a TUI that is a client of the server → confirmed → updated frame
    let ds = clients[0].load_year(year).unwrap();
    let mut app = new_app(ds, &path);
    select_iku(&mut app, &key);
    let mut term = test_terminal();
    draw(&mut term, &mut app);
    let who = actor();
    let mut g = c.benchmark_group("served");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("edit_frame", |b| {
        b.iter(|| {
            n += 1;
            grid_month(&mut app, month);
            update(&mut app, Action::StartEdit);
            update(&mut app, Action::Clear);
            for ch in format_editable(value(n), app.locale()).chars() {
                update(&mut app, Action::Insert(ch));
            }
            let fx = update(&mut app, Action::Commit);
            perform(&mut app, &clients[0], year, &who, None, fx);
            assert!(
                !app.status_is_error(),
                "the edit is stored: {}",
                app.status()
            );
            draw(&mut term, &mut app);
            // what the other clients were sent meanwhile
            for rx in &events {
                while rx.try_recv().is_ok() {}
            }
        })
    });
    g.finish();
    drop((app, term));

    // confirmed changes per second, every client committing at once
    let per_client = 100u64;
    let t = Instant::now();
    std::thread::scope(|s| {
        for (i, c) in clients.iter().enumerate() {
            let key = key.clone();
            s.spawn(move || {
                for j in 0..per_client {
                    let change = [Change::SetRealisasi {
                        iku: key.clone(),
                        month,
                        value: Some(value(i as u64 * 1000 + j)),
                    }];
                    c.apply(year, &change, &actor(), "bench").expect("apply");
                }
            });
        }
    });
    let secs = t.elapsed().as_secs_f64();
    println!(
        "confirmed changes per second through the server ({CLIENTS} clients): {:.0}",
        (per_client * CLIENTS as u64) as f64 / secs
    );
    // drain what the clients were sent
    for rx in &events {
        while rx.try_recv().is_ok() {}
    }

    // resident memory: the server, and one client holding the ministry year with its view
    let before = rss_kb(std::process::id());
    let ds = clients[0].load_year(year).unwrap();
    let mut app = new_app(ds, &path);
    let mut term = test_terminal();
    draw(&mut term, &mut app);
    println!(
        "resident memory: server {} MB; this process with {CLIENTS} clients and one TUI view of the year {} MB (+{} MB for the view)",
        rss_kb(server_pid) / 1024,
        rss_kb(std::process::id()) / 1024,
        rss_kb(std::process::id()).saturating_sub(before) / 1024
    );
    drop((app, term, events));
    drop(clients);

    // cold open to the first frame with a running server, once the server has written the
    // snapshot and summary of the changes above (a second after the last one), while another
    // TUI is open (as at a month-end: the server keeps the year in memory while one is)
    let open_tui = Client::connect(&path, options(true)).expect("connect");
    let probe = Client::connect(&path, options(false)).expect("connect");
    let until = Instant::now() + Duration::from_secs(60);
    while probe.year_summary(year).unwrap().is_none() {
        assert!(
            Instant::now() < until,
            "the server did not refresh the snapshot"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // and has loaded the year it keeps in memory, after the snapshot
    std::thread::sleep(Duration::from_secs(2));
    let mut g = c.benchmark_group("served");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("cold_open_running", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let (app, client) = first_frame(&path);
                total += t.elapsed();
                drop((app, client));
            }
            total
        })
    });
    // the same within a second of a change (before the refresh): the whole year is loaded
    g.bench_function("cold_open_running_just_changed", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let change = [Change::SetRealisasi {
                    iku: key.clone(),
                    month,
                    value: Some(value(n)),
                }];
                probe
                    .apply(year, &change, &actor(), "bench")
                    .expect("apply");
                let t = Instant::now();
                let (app, client) = first_frame(&path);
                total += t.elapsed();
                drop((app, client));
            }
            total
        })
    });
    g.finish();
    // the server that the next client starts finds the snapshot written
    while probe.year_summary(year).unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(50));
    }
    drop((probe, open_tui));
    stop_server(&path, server);

    // cold open with a server the client starts first
    let mut g = c.benchmark_group("served");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("cold_open_starting", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                while kinerja::server::server_running(&path) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                wait_unlocked(&path);
                let t = Instant::now();
                let (app, client) = first_frame(&path);
                total += t.elapsed();
                // the server stops with its last client
                drop((app, client));
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, served);
criterion_main!(benches);
