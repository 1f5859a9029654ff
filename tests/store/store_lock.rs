//! Opening a store: permissions of a new store, the lock-owner record, a stale record of a dead
//! process, and a second process that finds the store in use.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use chrono::Utc;
use kinerja::store::lock::{self, LockHolder, OWNER_FILE};
use kinerja::store::{Actor, Store, StoreError};

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// Every file under the store must be 0600 and every directory 0700.
fn assert_private(dir: &Path) {
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            assert_private(&p);
        } else {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
        }
    }
}

#[test]
fn a_new_store_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deeper").join("store");
    {
        let store = Store::open(&path).unwrap();
        assert!(path.join(OWNER_FILE).exists());
        assert!(path.join("db").exists());
        assert_private(&path);
        drop(store);
    }
    assert!(
        !path.join(OWNER_FILE).exists(),
        "the owner record is removed on drop"
    );
    assert_private(&path);
    assert!(!kinerja::store::is_world_writable(&path));
}

#[test]
fn the_owner_record_names_this_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let _store = Store::open(&path).unwrap();
    let h = lock::read_owner(&path).unwrap();
    assert_eq!(h.pid, std::process::id());
    assert_eq!(h.user, Actor::current().user);
    assert_eq!(h.host, lock::host_name());
    assert!((Utc::now() - h.since).num_seconds().abs() < 60);
}

#[test]
fn a_stale_owner_record_of_a_dead_process_is_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    drop(Store::open(&path).unwrap());
    // a process that has exited, as if it had been killed holding the store
    let mut child = Command::new("true").spawn().unwrap();
    let dead_pid = child.id();
    child.wait().unwrap();
    let stale = LockHolder {
        user: "budi".into(),
        pid: dead_pid,
        host: lock::host_name(),
        since: Utc::now(),
    };
    lock::write_owner(&path, &stale, 0o600).unwrap();
    assert!(stale.is_dead());

    let store = Store::open(&path).unwrap();
    assert_eq!(store.stale_lock_cleared(), Some(&stale));
    assert_eq!(lock::read_owner(&path).unwrap().pid, std::process::id());
    drop(store);
    assert!(lock::read_owner(&path).is_none());
}

#[test]
fn a_second_open_in_the_same_process_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let _first = Store::open(&path).unwrap();
    match Store::open(&path) {
        Err(StoreError::Locked {
            path: p,
            holder: Some(h),
        }) => {
            assert_eq!(p, path);
            assert_eq!(h.pid, std::process::id());
        }
        Err(other) => panic!("expected Locked, got {other:?}"),
        Ok(_) => panic!("expected Locked, the store opened twice"),
    }
}

const CHILD_STORE: &str = "KINERJA_TEST_CHILD_STORE";
const CHILD_LANG: &str = "KINERJA_TEST_CHILD_LANG";
const MARK: &str = "OPEN-RESULT:";

/// Runs only as the child of `a_second_process_is_told_who_holds_the_store`.
#[test]
#[ignore = "helper run in a child process"]
fn child_opens_store() {
    let path = std::env::var(CHILD_STORE).expect("run by the parent test only");
    if std::env::var(CHILD_LANG).as_deref() == Ok("en") {
        kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    }
    match Store::open(Path::new(&path)) {
        Ok(_) => println!("{MARK}opened"),
        Err(e @ StoreError::Locked { .. }) => println!("{MARK}locked:{e}"),
        Err(e) => println!("{MARK}other:{e}"),
    }
}

fn open_in_child(path: &Path, lang: &str) -> String {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "store_lock::child_opens_store",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_STORE, path)
        .env(CHILD_LANG, lang)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.find(MARK).map(|i| l[i + MARK.len()..].to_string()))
        .unwrap_or_else(|| panic!("no result from the child: {stdout}"))
}

#[test]
fn a_second_process_is_told_who_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let held = Store::open(&path).unwrap();
    let me = Actor::current().user;
    let pid = std::process::id();

    let id = open_in_child(&path, "id");
    let expected_start = format!(
        "locked:Toko data {} sedang dipakai oleh {me} (pid {pid}) sejak ",
        path.display()
    );
    assert!(id.starts_with(&expected_start), "{id}");
    let en = open_in_child(&path, "en");
    let expected_start = format!(
        "locked:The store {} is in use by {me} (pid {pid}) since ",
        path.display()
    );
    assert!(en.starts_with(&expected_start), "{en}");
    for text in [&id, &en] {
        assert!(text.ends_with('.'));
        assert!(!text.contains("could not acquire lock"), "{text}");
        assert!(
            !text.contains("Locked {") && !text.contains("Os {") && !text.contains("Some("),
            "{text}"
        );
    }

    // without an owner record the sentence still names the store
    fs::remove_file(path.join(OWNER_FILE)).unwrap();
    let unknown = open_in_child(&path, "id");
    assert_eq!(
        unknown,
        format!(
            "locked:Toko data {} sedang dipakai oleh proses kinerja lain.",
            path.display()
        )
    );

    // once the holder is gone the child opens it
    drop(held);
    assert_eq!(open_in_child(&path, "id"), "opened");
}
