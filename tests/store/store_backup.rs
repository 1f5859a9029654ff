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

/// `opened()` with a change on top of the document, so that the year differs from any file.
fn opened_and_changed() -> (tempfile::TempDir, Store) {
    let (dir, store) = opened();
    let iku = kinerja::domain::CodeRef::new("K", "K-2");
    let set = kinerja::store::Change::SetRealisasi {
        iku,
        month: 2,
        value: Some("9".parse().unwrap()),
    };
    store
        .apply(2025, &[set], &Actor::new("budi"), "set")
        .unwrap();
    (dir, store)
}

/// What a replace of 2025 cut short leaves (see `Store::import_replacing`): the marker naming
/// `set`, no year record, part of the old records gone and part of the new ones written.
fn leave_a_replace_cut_short(path: &std::path::Path, set: &str) {
    use kinerja::store::keys;
    let db = crate::support::raw_sled::open(path);
    db.open_tree("years")
        .unwrap()
        .remove(keys::year(2025))
        .unwrap();
    let iku = db.open_tree("iku").unwrap();
    let all: Vec<_> = iku
        .scan_prefix(keys::year(2025))
        .map(|kv| kv.unwrap())
        .collect();
    assert!(all.len() >= 2, "the fixture has IKU to lose");
    for (k, _) in all.iter().take(all.len() / 2) {
        iku.remove(k).unwrap();
    }
    // a record of the new document
    let (_, v) = &all[all.len() - 1];
    iku.insert(keys::code(2025, "K", "BARU-1"), v.clone())
        .unwrap();
    let marker = backup::Replacing {
        year: 2025,
        set: set.to_string(),
    };
    db.open_tree("meta")
        .unwrap()
        .insert(
            backup::META_REPLACING,
            kinerja::store::codec::encode(&marker).unwrap(),
        )
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn an_open_after_a_replace_cut_short_restores_the_year_from_the_set_its_marker_names() {
    let (dir, store) = opened_and_changed();
    let before = store.load_year(2025).unwrap();
    let plans = store.load_plans(2025).unwrap();
    let set = store.write_backup("replace").unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    leave_a_replace_cut_short(&path, set.id());

    let store = Store::open(&path).unwrap();
    assert_eq!(store.years().unwrap(), vec![2025]);
    assert_eq!(
        store.load_year(2025).unwrap(),
        before,
        "every value is back"
    );
    assert_eq!(store.load_plans(2025).unwrap(), plans);
    assert!(
        store.verify().unwrap().is_empty(),
        "no record of the cut replace is left"
    );
    let log = store.audit_log(&Default::default()).unwrap();
    let last = log.iter().map(|e| e.what.as_str()).collect::<Vec<_>>();
    assert!(
        last.iter()
            .any(|w| w.contains("restore year 2025 from backup") && w.contains(set.id())),
        "the restore is audited with the set: {last:?}"
    );
    // the marker is gone: the next open changes nothing
    let seq = store.last_audit_seq().unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.last_audit_seq().unwrap(), seq);
    assert_eq!(store.load_year(2025).unwrap(), before);
    drop(dir);
}

#[test]
fn a_replace_cut_short_whose_set_is_gone_refuses_the_open_naming_the_set() {
    let (_dir, store) = opened_and_changed();
    let set = store.write_backup("replace").unwrap();
    let path = store.path().to_path_buf();
    drop(store);
    leave_a_replace_cut_short(&path, set.id());
    std::fs::remove_file(set.manifest_path()).unwrap();
    let err = match Store::open(&path) {
        Ok(_) => panic!("a store whose year cannot come back opened"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains(set.id()), "{err}");
    assert!(err.contains("2025"), "{err}");
    assert!(err.contains("kinerja restore"), "{err}");
}

#[test]
fn a_replace_comes_back_from_a_current_set_or_writes_one_and_leaves_no_marker() {
    let (_dir, store) = opened_and_changed();
    let text = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
    let ds = kinerja::interchange::import_document(&text).unwrap();
    let changed = store.load_year(2025).unwrap();
    // no set yet: the replace writes one holding the year as it was
    store
        .import_dataset(&ds, true, &Actor::new("budi"), "import")
        .unwrap();
    let sets = backup::list(store.path());
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].manifest.reason, "replace");
    assert_eq!(sets[0].read_year(2025).unwrap().dataset, changed);
    assert_eq!(store.load_year(2025).unwrap(), ds);
    assert!(store.verify().unwrap().is_empty(), "no marker left");
    // a set holding everything (as `import --replace` writes just before): used, none more
    let set = store.write_backup("replace").unwrap();
    store
        .import_dataset(&ds, true, &Actor::new("budi"), "import")
        .unwrap();
    assert_eq!(backup::list(store.path()).len(), 2);
    let log = store.audit_log(&Default::default()).unwrap();
    let replace = log
        .iter()
        .filter(|e| e.what == "replace year 2025")
        .max_by_key(|e| e.seq)
        .unwrap();
    assert!(
        replace.old.as_deref().unwrap_or("").contains(set.id()),
        "the audit names the set: {:?}",
        replace.old
    );
}
