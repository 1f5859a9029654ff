//! The year snapshot (issue 6, cold open): a load through the snapshot and the dirty marks gives
//! exactly what the records hold, after every kind of change, across reopening, past the
//! refresh threshold, and when the snapshot is damaged or out of date.

use crate::support::raw_sled;
use crate::support::store_common;

use chrono::NaiveDate;
use kinerja::domain::*;
use kinerja::store::*;
use store_common::{d, full_iku, ss, unit};

fn budi() -> Actor {
    Actor::new("budi")
}

/// A year with `n` level-three units under one parent, each with two SS and three IKU.
fn wide_dataset(n: usize) -> Dataset {
    let mut units = vec![
        unit("KEMENKEU", Level::Wide, None),
        unit("DJKN", Level::One, Some("KEMENKEU")),
    ];
    let mut sss = vec![ss("DJKN", "SS-1", Perspective::Stakeholder, None)];
    let mut iku = vec![full_iku("DJKN", "1a-CP", "SS-1", None)];
    for u in 0..n {
        let code = format!("KPKNL-{u:03}");
        units.push(unit(&code, Level::Three, Some("DJKN")));
        sss.push(ss(
            &code,
            "SS-1",
            Perspective::Stakeholder,
            Some(CodeRef::new("DJKN", "SS-1")),
        ));
        sss.push(ss(&code, "SS-2", Perspective::Customer, None));
        iku.push(full_iku(
            &code,
            "1a-CP",
            "SS-1",
            Some(CodeRef::new("DJKN", "1a-CP")),
        ));
        iku.push(full_iku(&code, "2a-N", "SS-2", None));
        iku.push(full_iku(&code, "2b-N", "SS-2", None));
    }
    let addenda = vec![Addendum {
        unit: "KPKNL-001".into(),
        version: 1,
        date: NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
        reason: "Perubahan target".into(),
        changes: Vec::new(),
    }];
    Dataset::from_parts(2025, "kmk-300-2022", units, sss, iku, addenda)
}

/// A store holding `wide_dataset(n)`, closed; the directory lives as long as the guard.
fn imported_and_closed(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    Store::open(&path)
        .unwrap()
        .import_dataset(&wide_dataset(n), false, &budi(), "import")
        .unwrap();
    (dir, path)
}

/// Both loads of the year agree, and `verify` finds nothing.
fn assert_consistent(store: &Store, context: &str) -> Dataset {
    let fast = store.load_year(2025).unwrap();
    let records = store.load_year_from_records(2025).unwrap();
    assert!(
        fast == records,
        "snapshot load differs from records {context}"
    );
    let problems = store.verify().unwrap();
    assert!(problems.is_empty(), "{context}: {problems:?}");
    fast
}

fn dirty_count(path: &std::path::Path) -> usize {
    let db = raw_sled::open(path);
    db.open_tree("dirty").unwrap().len()
}

fn set(iku: (&str, &str), month: u8, value: &str) -> Change {
    Change::SetRealisasi {
        iku: CodeRef::new(iku.0, iku.1),
        month,
        value: Some(d(value)),
    }
}

#[test]
fn every_kind_of_change_is_seen_through_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let store = Store::open(&path).unwrap();
    store
        .import_dataset(&wide_dataset(6), false, &budi(), "import")
        .unwrap();
    assert_consistent(&store, "after import");

    let steps: Vec<(&str, Vec<Change>)> = vec![
        ("realisasi", vec![set(("KPKNL-002", "2a-N"), 3, "77.25")]),
        (
            "clear realisasi",
            vec![Change::SetRealisasi {
                iku: CodeRef::new("KPKNL-002", "2a-N"),
                month: 1,
                value: None,
            }],
        ),
        (
            "target",
            vec![Change::SetTarget {
                iku: CodeRef::new("DJKN", "1a-CP"),
                month: 12,
                value: Some(d("150")),
            }],
        ),
        (
            "remove IKU",
            vec![Change::RemoveIku(CodeRef::new("KPKNL-004", "2b-N"))],
        ),
        (
            "add IKU",
            vec![Change::PutIku(full_iku("KPKNL-005", "3z-N", "SS-2", None))],
        ),
        (
            "remove a cascaded IKU",
            vec![Change::RemoveIku(CodeRef::new("KPKNL-003", "1a-CP"))],
        ),
        (
            "add a cascaded IKU in the middle of the list of its source",
            vec![Change::PutIku(full_iku(
                "KPKNL-003",
                "1a-CP",
                "SS-1",
                Some(CodeRef::new("DJKN", "1a-CP")),
            ))],
        ),
        (
            "move an IKU to another SS and cascade it",
            vec![Change::PutIku(full_iku(
                "KPKNL-001",
                "2a-N",
                "SS-1",
                Some(CodeRef::new("DJKN", "1a-CP")),
            ))],
        ),
        (
            "addendum",
            vec![Change::PutAddendum(Addendum {
                unit: "KPKNL-000".into(),
                version: 0,
                date: NaiveDate::from_ymd_opt(2025, 10, 2).unwrap(),
                reason: "Addendum".into(),
                changes: Vec::new(),
            })],
        ),
        ("rulebook", vec![Change::SetRulebook("kmk-127-2026".into())]),
        (
            "after the whole-year mark",
            vec![set(("DJKN", "1a-CP"), 2, "1")],
        ),
    ];
    let mut expected_value = None;
    for (what, changes) in steps {
        store.apply(2025, &changes, &budi(), "test").unwrap();
        let ds = assert_consistent(&store, what);
        if what == "realisasi" {
            expected_value = ds
                .iku
                .get(&CodeRef::new("KPKNL-002", "2a-N"))
                .unwrap()
                .realisasi[2];
        }
    }
    assert_eq!(expected_value, Some(d("77.25")));
    let before_close = store.load_year(2025).unwrap();
    assert_eq!(before_close.rulebook, "kmk-127-2026");
    assert!(
        !before_close
            .iku
            .contains_key(&CodeRef::new("KPKNL-004", "2b-N"))
    );
    assert_eq!(
        before_close
            .addenda
            .iter()
            .filter(|a| a.unit == "KPKNL-000")
            .count(),
        1
    );
    drop(store);

    // the marks and the snapshot are stored: a new process sees the same year
    let store = Store::open(&path).unwrap();
    assert_eq!(assert_consistent(&store, "after reopening"), before_close);
}

#[test]
fn import_into_an_existing_year_and_replace_are_seen_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    store
        .import_dataset(&wide_dataset(3), false, &budi(), "import")
        .unwrap();
    // adding units to the year (no snapshot written by this import: the year is marked)
    let mut more = Dataset::new(2025, "kmk-300-2022");
    more.units.insert(
        "KPKNL-X".into(),
        unit("KPKNL-X", Level::Three, Some("DJKN")),
    );
    more.ss.insert(
        CodeRef::new("KPKNL-X", "SS-1"),
        ss("KPKNL-X", "SS-1", Perspective::Stakeholder, None),
    );
    more.iku.insert(
        CodeRef::new("KPKNL-X", "1a-N"),
        full_iku("KPKNL-X", "1a-N", "SS-1", None),
    );
    more.reindex();
    store
        .import_dataset(&more, false, &budi(), "import")
        .unwrap();
    let merged = assert_consistent(&store, "after a merging import");
    assert!(merged.units.contains_key("KPKNL-X"));
    assert!(merged.units.contains_key("KPKNL-002"));

    store
        .import_dataset(&wide_dataset(2), true, &budi(), "import")
        .unwrap();
    let replaced = assert_consistent(&store, "after replacing the year");
    assert!(!replaced.units.contains_key("KPKNL-X"));
    assert_eq!(replaced, wide_dataset(2));
}

#[test]
fn many_changed_units_make_the_next_load_rewrite_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let n = 80;
    {
        let store = Store::open(&path).unwrap();
        store
            .import_dataset(&wide_dataset(n), false, &budi(), "import")
            .unwrap();
    }
    assert_eq!(dirty_count(&path), 0, "the import wrote the snapshot");
    {
        let store = Store::open(&path).unwrap();
        for u in 0..n {
            store
                .apply(
                    2025,
                    &[set((&format!("KPKNL-{u:03}"), "2a-N"), 4, "12.5")],
                    &budi(),
                    "test",
                )
                .unwrap();
        }
    }
    assert_eq!(dirty_count(&path), n, "one mark per changed unit");
    {
        let store = Store::open(&path).unwrap();
        let ds = store.load_year(2025).unwrap();
        assert!(
            ds.iku
                .values()
                .filter(|i| i.code == "2a-N")
                .all(|i| i.realisasi[3] == Some(d("12.5")))
        );
    }
    assert_eq!(
        dirty_count(&path),
        0,
        "past the threshold the load rewrote the snapshot"
    );
    let store = Store::open(&path).unwrap();
    assert_consistent(&store, "after the rewrite");
}

#[test]
fn a_damaged_snapshot_is_not_used_and_the_load_writes_a_good_one() {
    let (_dir, path) = imported_and_closed(3);
    {
        let db = raw_sled::open(&path);
        let t = db.open_tree("snapshots").unwrap();
        let (k, v) = t.iter().next().unwrap().unwrap();
        let mut v = v.to_vec();
        v.truncate(v.len() - 10);
        t.insert(k, v).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    // the load falls back to the records (and writes a good snapshot)
    assert_eq!(store.load_year(2025).unwrap(), wide_dataset(3));
    assert_consistent(&store, "after the fallback");
}

#[test]
fn a_record_changed_behind_the_store_s_back_makes_verify_drop_the_snapshot() {
    let (_dir, path) = imported_and_closed(3);
    // a record replaced without a dirty mark (as no build of kinerja does)
    let key = keys::code(2025, "KPKNL-001", "2a-N");
    {
        let db = raw_sled::open(&path);
        let t = db.open_tree("iku").unwrap();
        let mut iku: Iku = codec::decode("iku", &t.get(&key).unwrap().unwrap()).unwrap();
        iku.realisasi[0] = Some(d("999"));
        t.insert(&key, codec::encode(&iku).unwrap()).unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    let problems = store.verify().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "snapshots/2025");
    assert!(
        problems[0].reason.contains("tidak cocok"),
        "{}",
        problems[0]
    );
    // removed: the next load reads the records, and the store is sound again
    let ds = assert_consistent(&store, "after verify");
    assert_eq!(
        ds.iku
            .get(&CodeRef::new("KPKNL-001", "2a-N"))
            .unwrap()
            .realisasi[0],
        Some(d("999"))
    );
}

#[test]
fn a_schema_1_store_is_migrated_and_loads_from_its_records() {
    let (_dir, path) = imported_and_closed(2);
    {
        // as a schema-1 build left it: a stray snapshot it never maintained
        let db = raw_sled::open(&path);
        db.open_tree("meta")
            .unwrap()
            .insert(b"schema", codec::encode(&1u16).unwrap())
            .unwrap();
        let snaps = db.open_tree("snapshots").unwrap();
        snaps
            .insert(keys::year(2025), vec![0u8, 1, 0, 1, 0, 0])
            .unwrap();
        db.flush().unwrap();
    }
    kinerja::store::set_backup_writer(kinerja::interchange::export_document);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.migration_backups().len(), 1);
    assert_eq!(store.load_year(2025).unwrap(), wide_dataset(2));
    assert_consistent(&store, "after migrating");
}

#[test]
fn verify_finds_every_kind_of_record_changed_behind_the_store_s_back() {
    type Damage = fn(&sled::Db);
    let cases: [(&str, Damage); 7] = [
        ("an IKU removed", |db| {
            let t = db.open_tree("iku").unwrap();
            t.remove(keys::code(2025, "KPKNL-002", "2b-N")).unwrap();
        }),
        ("an addendum removed", |db| {
            let t = db.open_tree("addenda").unwrap();
            t.remove(keys::addendum(2025, "KPKNL-001", 1)).unwrap();
        }),
        ("a unit renamed", |db| {
            let t = db.open_tree("units").unwrap();
            let key = keys::unit(2025, "KPKNL-002");
            let mut u: Unit = codec::decode("units", &t.get(&key).unwrap().unwrap()).unwrap();
            u.name = "Lain".into();
            t.insert(&key, codec::encode(&u).unwrap()).unwrap();
        }),
        ("an SS renamed", |db| {
            let t = db.open_tree("ss").unwrap();
            let key = keys::code(2025, "KPKNL-000", "SS-2");
            let mut s: Ss = codec::decode("ss", &t.get(&key).unwrap().unwrap()).unwrap();
            s.name = "Lain".into();
            t.insert(&key, codec::encode(&s).unwrap()).unwrap();
        }),
        ("an IKU added", |db| {
            let t = db.open_tree("iku").unwrap();
            let key = keys::code(2025, "KPKNL-001", "2a-N");
            let mut i: Iku = codec::decode("iku", &t.get(&key).unwrap().unwrap()).unwrap();
            i.code = "2z-N".into();
            let new = keys::code(2025, "KPKNL-001", "2z-N");
            t.insert(&new, codec::encode(&i).unwrap()).unwrap();
        }),
        ("an addendum's reason changed", |db| {
            let t = db.open_tree("addenda").unwrap();
            let key = keys::addendum(2025, "KPKNL-001", 1);
            let mut a: Addendum = codec::decode("addenda", &t.get(&key).unwrap().unwrap()).unwrap();
            a.reason = "Lain".into();
            t.insert(&key, codec::encode(&a).unwrap()).unwrap();
        }),
        ("an addendum added", |db| {
            let t = db.open_tree("addenda").unwrap();
            let key = keys::addendum(2025, "KPKNL-001", 1);
            let mut a: Addendum = codec::decode("addenda", &t.get(&key).unwrap().unwrap()).unwrap();
            a.version = 2;
            let new = keys::addendum(2025, "KPKNL-001", 2);
            t.insert(&new, codec::encode(&a).unwrap()).unwrap();
        }),
    ];
    for (what, damage) in cases {
        let (_dir, path) = imported_and_closed(3);
        {
            let db = raw_sled::open(&path);
            damage(&db);
            db.flush().unwrap();
        }
        let store = Store::open(&path).unwrap();
        let problems = store.verify().unwrap();
        assert!(
            problems.iter().any(|p| p.key == "snapshots/2025"),
            "{what}: {problems:?}"
        );
        assert_consistent(&store, what);
    }
}
