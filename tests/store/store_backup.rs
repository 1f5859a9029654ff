//! When the store writes its own backup sets (`store::backup`): after a day with changes, once,
//! and never a set that does not read back.

use chrono::{Duration, Local};
use kinerja::store::{Actor, Store, backup};

fn opened() -> (tempfile::TempDir, Store) {
    kinerja::store::set_backup_codec(kinerja::cli::backup_codec());
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s")).unwrap();
    let text = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
    let ds = kinerja::interchange::import_document(&text).unwrap();
    store
        .import_dataset(&ds, false, &Actor::new("budi"), "import")
        .unwrap();
    (dir, store)
}

#[test]
fn a_set_is_due_once_a_day_and_only_after_changes() {
    let (_dir, store) = opened();
    let today = Local::now().date_naive();
    let first = store.backup_if_due(today).unwrap();
    let first = first.expect("changes and no set yet: due");
    assert_eq!(first.manifest.reason, "daily");
    assert!(first.check().is_ok());
    assert_eq!(first.manifest.audit_seq, store.last_audit_seq().unwrap());
    assert!(store.backup_if_due(today).unwrap().is_none(), "once a day");
    let tomorrow = today + Duration::days(1);
    assert!(
        store.backup_if_due(tomorrow).unwrap().is_none(),
        "no change since the newest set: nothing to keep"
    );
    // K-2 of unit K reports every month (tests/data/mini-2025.json)
    let iku = kinerja::domain::CodeRef::new("K", "K-2");
    store
        .apply(
            2025,
            &[kinerja::store::Change::SetRealisasi {
                iku,
                month: 1,
                value: Some("7".parse().unwrap()),
            }],
            &Actor::new("budi"),
            "set",
        )
        .unwrap();
    let next = store.backup_if_due(tomorrow).unwrap();
    let next = next.expect("a change since the newest set, on a later day");
    assert!(next.manifest.audit_seq > first.manifest.audit_seq);
    assert_eq!(backup::list(store.path()).len(), 2);
    // the newest set holds the change
    let y = next.read_year(2025).unwrap();
    assert_eq!(y.dataset, store.load_year(2025).unwrap());
}
