//! Many clients on one served store (issue 11): changes travel live, conflicts are told and
//! never silent, an undo of a cell someone else has since changed is refused.

use std::sync::{Arc, Barrier};

use crate::support::cli_support::{me, wait_server_gone};
use crate::support::server_support::{client, d, pontianak, realisasi, sample_store};
use kinerja::server::client::Incoming;
use kinerja::store::{Actor, Change, Seen, StoreApi, StoreError};

fn set(iku: &kinerja::domain::CodeRef, month: u8, v: &str) -> Vec<Change> {
    vec![Change::SetRealisasi {
        iku: iku.clone(),
        month,
        value: Some(d(v)),
    }]
}

fn seen(iku: &kinerja::domain::CodeRef, month: u8, v: Option<&str>) -> Vec<Seen> {
    vec![Seen {
        iku: iku.clone(),
        month,
        value: v.map(d),
    }]
}

#[test]
fn two_clients_save_one_cell_at_once_exactly_one_wins_and_the_other_is_told() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let iku = pontianak("3b-N");
    let first = client(&store, "test", false);
    let before = realisasi(&first, &iku, 9);
    let before_text = before.map(|v| v.to_string());
    let barrier = Arc::new(Barrier::new(2));
    let results: Vec<(String, Result<_, StoreError>)> = std::thread::scope(|s| {
        let hs: Vec<_> = ["7", "8"]
            .into_iter()
            .map(|v| {
                let (store, iku, barrier, before_text) =
                    (&store, &iku, Arc::clone(&barrier), before_text.clone());
                s.spawn(move || {
                    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
                    let c = client(store, "test", false);
                    barrier.wait();
                    let r = c.apply_seen(
                        2025,
                        &set(iku, 9, v),
                        &seen(iku, 9, before_text.as_deref()),
                        &Actor::current(),
                        "test",
                    );
                    (v.to_string(), r)
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won: Vec<&String> = results
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(v, _)| v)
        .collect();
    assert_eq!(won.len(), 1, "exactly one wins: {results:?}");
    let winner = won[0].clone();
    let (_, lost) = results.iter().find(|(v, _)| *v != winner).unwrap();
    match lost {
        Err(StoreError::Stale {
            message,
            iku: at,
            month,
            value,
        }) => {
            assert_eq!((at, *month), (&iku, 9));
            assert_eq!(*value, Some(d(&winner)), "told the current value");
            // who, when, the value now, in Indonesian
            assert!(message.contains(&me()), "{message}");
            assert!(message.contains("pukul"), "{message}");
            assert!(message.contains(&winner), "{message}");
            assert!(message.contains("tidak disimpan"), "{message}");
        }
        other => panic!("the loser is told of the conflict: {other:?}"),
    }
    assert_eq!(realisasi(&first, &iku, 9), Some(d(&winner)));
    assert_ne!(before, Some(d(&winner)));
    // one change in the audit trail
    let log = first
        .audit_log(&kinerja::store::AuditFilter {
            unit: Some("KPKNL-PONTIANAK".into()),
            since: None,
            limit: Some(5),
        })
        .unwrap();
    let of_cell: Vec<_> = log
        .iter()
        .filter(|e| e.what == "realisasi 3b-N 2025-09")
        .collect();
    assert_eq!(of_cell.len(), 1, "{log:?}");
    drop(first);
    wait_server_gone(&store);
}

#[test]
fn an_undo_of_a_cell_someone_else_changed_since_is_refused_and_names_them() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let iku = pontianak("3b-N");
    let alice = client(&store, "tui", false);
    let budi = client(&store, "tui", false);
    let v0 = realisasi(&alice, &iku, 8).map(|v| v.to_string());
    let actor = Actor::current();
    // alice saves 7 (having seen v0), budi then overwrites it with 8 (having seen 7)
    alice
        .apply_seen(
            2025,
            &set(&iku, 8, "7"),
            &seen(&iku, 8, v0.as_deref()),
            &actor,
            "tui",
        )
        .unwrap();
    budi.apply_seen(
        2025,
        &set(&iku, 8, "8"),
        &seen(&iku, 8, Some("7")),
        &actor,
        "tui",
    )
    .unwrap();
    // alice's undo expects the 7 she set
    let undo = vec![Change::SetRealisasi {
        iku: iku.clone(),
        month: 8,
        value: v0.as_deref().map(d),
    }];
    match alice.apply_seen(2025, &undo, &seen(&iku, 8, Some("7")), &actor, "tui") {
        Err(StoreError::Stale { message, value, .. }) => {
            assert_eq!(value, Some(d("8")));
            assert!(message.contains("sudah diubah oleh"), "{message}");
            assert!(message.contains(&me()), "{message}");
            assert!(message.contains(" 8;"), "{message}");
        }
        other => panic!("the undo is refused: {other:?}"),
    }
    // a redo (of budi's change, expecting the 8 he set) that nobody overwrote goes through
    assert_eq!(realisasi(&alice, &iku, 8), Some(d("8")));
    budi.apply_seen(
        2025,
        &set(&iku, 8, "9"),
        &seen(&iku, 8, Some("8")),
        &actor,
        "tui",
    )
    .unwrap();
    drop((alice, budi));
    wait_server_gone(&store);
}

#[test]
fn a_live_client_receives_every_other_clients_commit_with_its_author() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let iku = pontianak("3b-N");
    let watcher = client(&store, "tui", true);
    let events = watcher.take_events().unwrap();
    let writer = client(&store, "set", false);
    writer
        .apply(2025, &set(&iku, 7, "6.5"), &Actor::current(), "set")
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let event = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Incoming::Event(e)) => break e,
            Ok(_) => continue,
            Err(e) => panic!("no event: {e}"),
        }
    };
    assert_eq!(event.user, me());
    assert_eq!(event.source, "set");
    assert_eq!(event.changes, set(&iku, 7, "6.5"));
    assert!(!event.reload);
    // who is connected: the watcher sees the writer
    let who = watcher.who().unwrap();
    assert!(who.iter().any(|c| c.doing == "set"), "{who:?}");
    assert!(who.iter().any(|c| c.doing == "tui"), "{who:?}");
    drop((writer, watcher));
    wait_server_gone(&store);
}

/// The server keeps the newest year in memory and applies every change to it as it applies it
/// to the store: a client's first frame comes from a partial load even while the stored
/// snapshot and summary do not hold the latest changes yet, and what it gets is the year as
/// its records hold it now. An import drops the copy (the next load reads the store), and so
/// does the last TUI leaving.
#[test]
fn a_first_frame_after_a_change_is_a_partial_load_of_the_year_as_stored_now() {
    use kinerja::store::YearSummary;
    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let iku = pontianak("3b-N");
    // a live client, as a TUI is: the server keeps the year only while one is connected
    let c = client(&store, "test", true);
    c.apply(2025, &set(&iku, 9, "7.25"), &Actor::current(), "test")
        .unwrap();
    // a second without a change: the server writes the snapshot and keeps the year
    let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while c.year_summary(2025).unwrap().is_none() {
        assert!(
            std::time::Instant::now() < until,
            "no summary after a quiet time"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // a change: the stored summary no longer describes the records, the kept year does
    c.apply(2025, &set(&iku, 8, "6.75"), &Actor::current(), "test")
        .unwrap();
    let whole = c.load_year_from_records(2025).unwrap();
    let summary = c
        .year_summary(2025)
        .unwrap()
        .expect("a summary right after a change, from the kept year");
    assert_eq!(summary, YearSummary::of(&whole));
    let units: std::collections::BTreeSet<String> = ["KPKNL-PONTIANAK".to_string()].into();
    let part = c.load_partial(2025, summary, &units).unwrap();
    assert!(part.is_partial(), "a partial load");
    for (k, i) in whole
        .iku
        .iter()
        .filter(|(k, _)| k.unit == "KPKNL-PONTIANAK")
    {
        assert_eq!(part.iku.get(k), Some(i), "{k} as stored");
    }
    assert_eq!(part.iku[&iku].realisasi[7], Some(d("6.75")));
    assert_eq!(part.iku[&iku].realisasi[8], Some(d("7.25")));
    assert_eq!(part.round, whole.round);
    drop(c);
    wait_server_gone(&store);
}
