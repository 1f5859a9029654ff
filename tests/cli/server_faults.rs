//! The store server under faults (issue 11): the start race, a server of another version,
//! malformed, oversized and truncated messages, a client that stops reading, stale sockets,
//! and kill -9 of the server while clients commit.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use crate::support::cli_support::{
    command, kinerja, me, server_processes, stderr, stdout, wait_server_gone,
};
use crate::support::server_support::{client, d, options, pontianak, realisasi, sample_store};
use kinerja::server::Client;
use kinerja::server::proto::{self, Hello, ToServer};
use kinerja::store::{Actor, Change, StoreApi};

fn wait_socket(store: &Path) {
    let until = Instant::now() + Duration::from_secs(10);
    while UnixStream::connect(kinerja::server::socket_path(store)).is_err() {
        assert!(Instant::now() < until, "no server came up");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn kill9(pid: u32) {
    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
}

#[test]
fn ten_clients_started_at_the_same_instant_end_with_exactly_one_server() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    assert!(server_processes(&store).is_empty());
    let barrier = Arc::new(Barrier::new(10));
    let clients: Vec<Client> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..10)
            .map(|_| {
                let (store, barrier) = (&store, Arc::clone(&barrier));
                s.spawn(move || {
                    barrier.wait();
                    client(store, "test", false)
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let pids: std::collections::BTreeSet<u32> = clients.iter().map(Client::server_pid).collect();
    assert_eq!(pids.len(), 1, "every client talks to one server: {pids:?}");
    assert_eq!(
        server_processes(&store),
        pids.into_iter().collect::<Vec<_>>()
    );
    assert_eq!(clients[0].who().unwrap().len(), 10);
    drop(clients);
    wait_server_gone(&store);
    // the same with ten processes (the README's commands)
    let outs: Vec<_> = std::thread::scope(|s| {
        let barrier = Arc::new(Barrier::new(10));
        let hs: Vec<_> = (0..10)
            .map(|_| {
                let (store, barrier) = (&store, Arc::clone(&barrier));
                s.spawn(move || {
                    barrier.wait();
                    kinerja(store, &["report"])
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for o in &outs {
        assert!(o.status.success(), "{}", stderr(o));
        assert!(stdout(o).contains("KEMENKEU"));
    }
    wait_server_gone(&store);
}

#[test]
fn a_server_of_another_version_is_named_in_one_sentence_with_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let mut server = command(&store, &["serve", "--idle", "60", "--protocol", "999"])
        .spawn()
        .unwrap();
    wait_socket(&store);
    let o = kinerja(&store, &["report"]);
    assert!(!o.status.success());
    let why = stderr(&o);
    assert!(why.contains("protokol 999"), "{why}");
    assert!(why.contains("serve --stop"), "{why}");
    assert_eq!(why.trim().lines().count(), 1, "{why}");
    let o = kinerja(&store, &["--lang", "en", "who"]);
    assert!(
        stderr(&o).contains("protocol 999") || !o.status.success(),
        "{}",
        stderr(&o)
    );
    // the advice works: --stop ends it although it speaks another protocol
    let reaper = std::thread::spawn(move || server.wait());
    let o = kinerja(&store, &["serve", "--stop"]);
    assert!(o.status.success(), "{}", stderr(&o));
    reaper.join().unwrap().unwrap();
    wait_server_gone(&store);
    let o = kinerja(&store, &["report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    wait_server_gone(&store);
}

#[test]
fn malformed_oversized_truncated_messages_and_a_client_that_stops_reading_never_stop_the_server() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let mut server = command(&store, &["serve", "--idle", "60"]).spawn().unwrap();
    wait_socket(&store);
    let sock = kinerja::server::socket_path(&store);
    let pid = kinerja::server::recorded_pid(&store).unwrap();

    // garbage, a length over the cap, a truncated frame, a header that lies, silence
    let hostile: Vec<Vec<u8>> = vec![
        b"GET / HTTP/1.1\r\n\r\n".to_vec(),
        u32::MAX.to_be_bytes().to_vec(),
        ((proto::MAX_FRAME + 1) as u32).to_be_bytes().to_vec(),
        proto::encode_frame(&ToServer::Bye, &[])[..6].to_vec(),
        vec![0, 0, 0, 8, 0, 0, 0, 200, 1, 2, 3, 4],
        vec![0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff],
        Vec::new(),
    ];
    let mut open = Vec::new();
    for bytes in &hostile {
        let mut s = UnixStream::connect(&sock).unwrap();
        let _ = s.write_all(bytes);
        open.push(s);
    }
    // the same after a valid hello
    let hello = ToServer::Hello(Hello {
        protocol: proto::PROTOCOL,
        version: proto::binary_version(),
        lang: "id".into(),
        pid: 1,
        live: true,
        doing: "tui".into(),
    });
    for bytes in &hostile {
        let mut s = UnixStream::connect(&sock).unwrap();
        s.write_all(&proto::encode_frame(&hello, &[])).unwrap();
        let _ = s.write_all(bytes);
        open.push(s);
    }
    // a live client that never reads a byte of what it is sent
    let mut deaf = UnixStream::connect(&sock).unwrap();
    deaf.write_all(&proto::encode_frame(&hello, &[])).unwrap();
    // a client killed mid-message: half a frame, then gone
    {
        let mut s = UnixStream::connect(&sock).unwrap();
        s.write_all(&proto::encode_frame(&hello, &[])).unwrap();
        let call = proto::encode_frame(
            &ToServer::Call {
                id: 1,
                request: proto::Request::Years,
            },
            &[],
        );
        s.write_all(&call[..call.len() / 2]).unwrap();
    }
    // the others keep working, and a commit stream is not held up by the deaf client
    let iku = pontianak("3b-N");
    let c = client(&store, "test", false);
    assert_eq!(c.server_pid(), pid);
    for i in 0..300u32 {
        let v = format!("{}.{}", 5 + i % 3, i % 10);
        c.apply(
            2025,
            &[Change::SetRealisasi {
                iku: iku.clone(),
                month: 9,
                value: Some(d(&v)),
            }],
            &Actor::current(),
            "test",
        )
        .unwrap();
    }
    assert_eq!(realisasi(&c, &iku, 9), Some(d("7.9")));
    assert!(c.verify().unwrap().is_empty());
    drop(c);
    let o = kinerja(&store, &["report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        kinerja::server::recorded_pid(&store),
        Some(pid),
        "the same server"
    );
    // the deaf client is still served: what it was sent is there to read
    deaf.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut first = [0u8; 4];
    deaf.read_exact(&mut first).unwrap();
    drop((open, deaf));
    let o = kinerja(&store, &["serve", "--stop"]);
    assert!(o.status.success(), "{}", stderr(&o));
    server.wait().unwrap();
    wait_server_gone(&store);
}

#[test]
fn status_stop_who_and_the_systemd_unit() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let o = kinerja(&store, &["serve", "--status"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("tidak berjalan") || !stderr(&o).is_empty());
    let mut server = command(&store, &["serve", "--idle", "60"]).spawn().unwrap();
    wait_socket(&store);
    let watcher = client(&store, "tui", true);
    watcher.looking("i:KPKNL-PONTIANAK/3b-N");
    let status = stdout(&kinerja(&store, &["serve", "--status"]));
    assert!(status.contains(&format!("pid {}", server.id())), "{status}");
    assert!(status.contains("60 s"), "{status}");
    assert!(status.contains("tui"), "{status}");
    let who = kinerja(&store, &["who"]);
    let who = stdout(&who);
    let line = who
        .lines()
        .find(|l| l.contains("tui"))
        .unwrap_or_else(|| panic!("{who}"));
    assert!(line.contains(&me()), "{who}");
    assert!(line.contains(&std::process::id().to_string()), "{who}");
    assert!(line.contains("KPKNL-PONTIANAK/3b-N"), "{who}");
    // the columns line up under their heads
    let head = who.lines().next().unwrap();
    let col = |l: &str, s: &str| l.find(s).unwrap_or_else(|| panic!("{s:?} in {l:?}"));
    assert_eq!(col(line, "tui"), col(head, "perintah"), "{who}");
    assert_eq!(
        col(line, "i:KPKNL-PONTIANAK/3b-N"),
        col(head, "dilihat"),
        "{who}"
    );
    assert_eq!(
        col(line, &std::process::id().to_string()) + std::process::id().to_string().len(),
        col(head, "pid") + 3,
        "the pid is right-aligned under its head:\n{who}"
    );
    drop(watcher);
    let o = kinerja(&store, &["serve", "--stop"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&server.id().to_string()),
        "{}",
        stdout(&o)
    );
    server.wait().unwrap();
    wait_server_gone(&store);
    assert!(!kinerja::server::socket_path(&store).exists());
    let unit = stdout(&kinerja(&store, &["serve", "--print-systemd-unit"]));
    assert!(
        unit.contains("[Service]") && unit.contains("serve --forever"),
        "{unit}"
    );
    assert!(
        unit.contains("ExecStop=") && unit.contains("UMask=0007"),
        "{unit}"
    );
}

#[test]
fn a_stale_socket_and_start_lock_of_a_dead_server_are_cleared() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let mut server = command(&store, &["serve", "--idle", "60"]).spawn().unwrap();
    wait_socket(&store);
    kill9(server.id());
    server.wait().unwrap();
    // what it leaves: its socket and pid file; a start lock left by a dead client
    assert!(kinerja::server::socket_path(&store).exists());
    std::fs::write(store.join(kinerja::server::START_LOCK_FILE), b"").unwrap();
    let o = kinerja(&store, &["report"]);
    assert!(o.status.success(), "{}", stderr(&o));
    wait_server_gone(&store);
}

/// Kill -9 of the server `kills` times while `writers` clients commit; then every change a
/// client was told was saved is stored and verify is clean.
fn storm(writers: usize, kills: usize) {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let iku = pontianak("3b-N");
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let results: Vec<(u8, u32, u32)> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..writers)
            .map(|w| {
                let (store, iku, done) = (&store, &iku, Arc::clone(&done));
                s.spawn(move || {
                    let month = 1 + w as u8;
                    let c = Client::connect(store, options("test", false)).unwrap();
                    let (mut confirmed, mut attempted) = (0u32, 0u32);
                    while !done.load(std::sync::atomic::Ordering::SeqCst) {
                        attempted += 1;
                        let r = c.apply(
                            2025,
                            &[Change::SetRealisasi {
                                iku: iku.clone(),
                                month,
                                value: Some(rust_decimal::Decimal::from(attempted)),
                            }],
                            &Actor::current(),
                            "storm",
                        );
                        match r {
                            Ok(_) => confirmed = attempted,
                            // the server went away: the next call starts a new one
                            Err(_) => std::thread::sleep(Duration::from_millis(5)),
                        }
                    }
                    (month, confirmed, attempted)
                })
            })
            .collect();
        for _ in 0..kills {
            std::thread::sleep(Duration::from_millis(150));
            if let Some(pid) = kinerja::server::recorded_pid(&store)
                && kinerja::server::server_running(&store)
            {
                kill9(pid);
            }
        }
        std::thread::sleep(Duration::from_millis(150));
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    wait_server_gone(&store);
    let local = kinerja::store::Store::open(&store).unwrap();
    assert!(local.verify().unwrap().is_empty(), "verify is clean");
    let ds = local.load_year_from_records(2025).unwrap();
    for (month, confirmed, attempted) in results {
        assert!(confirmed > 0, "month {month}: nothing was confirmed");
        let v = ds.iku[&iku].realisasi[(month - 1) as usize].unwrap();
        // the last confirmed change, or one sent after it (in flight when the server died)
        assert!(
            v >= rust_decimal::Decimal::from(confirmed)
                && v <= rust_decimal::Decimal::from(attempted),
            "month {month}: stored {v}, confirmed {confirmed}, attempted {attempted}"
        );
    }
}

#[test]
fn kill_9_of_the_server_while_clients_commit_loses_no_confirmed_change() {
    storm(3, 4);
}

#[test]
#[ignore = "long: cargo test --test cli kill_9_storm_long -- --ignored"]
fn kill_9_storm_long() {
    storm(6, 60);
}

#[test]
fn a_live_client_that_stops_reading_is_told_to_reload_and_the_others_are_not_held_up() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let mut server = command(&store, &["serve", "--idle", "60"]).spawn().unwrap();
    wait_socket(&store);
    let sock = kinerja::server::socket_path(&store);
    let mut deaf = UnixStream::connect(&sock).unwrap();
    deaf.write_all(&proto::encode_frame(
        &ToServer::Hello(Hello {
            protocol: proto::PROTOCOL,
            version: proto::binary_version(),
            lang: "id".into(),
            pid: 1,
            live: true,
            doing: "tui".into(),
        }),
        &[],
    ))
    .unwrap();
    // a reading live client beside it gets every event
    let reader = client(&store, "tui", true);
    let events = reader.take_events().unwrap();
    let c = client(&store, "test", false);
    let iku = pontianak("3b-N");
    let commits = proto_queue_overflow();
    for i in 0..commits {
        c.apply(
            2025,
            &[Change::SetRealisasi {
                iku: iku.clone(),
                month: 9,
                value: Some(rust_decimal::Decimal::from(1 + i % 50)),
            }],
            &Actor::current(),
            "test",
        )
        .unwrap();
    }
    let mut got = 0;
    while got < commits {
        match events.recv_timeout(Duration::from_secs(10)).unwrap() {
            kinerja::server::client::Incoming::Event(_) => got += 1,
            kinerja::server::client::Incoming::Resync => panic!("the reading client lagged"),
            _ => {}
        }
    }
    // the deaf client, reading at last, finds it was told to reload
    deaf.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut resync = false;
    loop {
        match proto::read_frame::<proto::ToClient>(&mut deaf) {
            Ok((proto::ToClient::Resync, _)) => {
                resync = true;
                break;
            }
            Ok(_) => continue,
            Err(_) => break,
        }
    }
    assert!(resync, "a client whose queue overflowed is told to resync");
    drop((deaf, reader, c));
    let o = kinerja(&store, &["serve", "--stop"]);
    assert!(o.status.success(), "{}", stderr(&o));
    server.wait().unwrap();
    wait_server_gone(&store);
}

/// More events than a client's queue and its socket hold.
fn proto_queue_overflow() -> u32 {
    kinerja::server::serve::QUEUE as u32 * 3
}
