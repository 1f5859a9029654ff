//! Store round trips: import, load, apply with audit, refusals, the audit filter, reopening,
//! damaged records and verify.

use crate::support::raw_sled;

use crate::support::store_common;

use chrono::{Duration, Local};
use kinerja::domain::*;
use kinerja::store::*;
use store_common::{d, dataset, full_iku};

fn budi() -> Actor {
    Actor::new("budi")
}

fn imported() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    store
        .import_dataset(&dataset(), false, &budi(), "import")
        .unwrap();
    (dir, store)
}

fn all_audit(store: &Store) -> Vec<AuditEntry> {
    store.audit_log(&AuditFilter::default()).unwrap()
}

#[test]
fn dataset_with_every_field_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    assert!(store.is_empty().unwrap());
    assert!(matches!(
        store.load_year(2025),
        Err(StoreError::NotFound(_))
    ));

    let ds = dataset();
    store.import_dataset(&ds, false, &budi(), "import").unwrap();
    assert!(!store.is_empty().unwrap());
    assert_eq!(store.years().unwrap(), vec![2025]);
    let back = store.load_year(2025).unwrap();
    assert_eq!(back, ds);
    assert_eq!(back.children("DJKN"), ["KPKNL-PTK".to_string()]);
    assert_eq!(back.pk_version("KPKNL-PTK"), 1);
    assert!(store.verify().unwrap().is_empty());

    // one entry per unit, SS, IKU and addendum imported, plus the year's rulebook
    let log = all_audit(&store);
    assert_eq!(log.len(), 3 + 3 + 3 + 1 + 1);
    assert!(
        log.iter()
            .all(|e| e.user == "budi" && e.source == "import" && e.year == 2025)
    );
    let whats: Vec<&str> = log.iter().map(|e| e.what.as_str()).collect();
    for w in [
        "import unit DJKN",
        "import SS SS-2",
        "import IKU 2a-N",
        "import addendum v1",
        "rulebook 2025",
    ] {
        assert!(whats.contains(&w), "{w} missing from {whats:?}");
    }
    let seqs: Vec<u64> = log.iter().map(|e| e.seq).collect();
    assert!(
        seqs.windows(2).all(|w| w[0] > w[1]),
        "newest first: {seqs:?}"
    );
}

#[test]
fn reopen_after_drop_sees_data_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let store = Store::open(&path).unwrap();
        store
            .import_dataset(&dataset(), false, &budi(), "import")
            .unwrap();
        let r = CodeRef::new("DJKN", "1a-CP");
        store
            .apply(
                2025,
                &[Change::SetRealisasi {
                    iku: r,
                    month: 10,
                    value: Some(d("7.5")),
                }],
                &budi(),
                "set",
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let ds = store.load_year(2025).unwrap();
    assert_eq!(
        ds.iku[&CodeRef::new("DJKN", "1a-CP")].realisasi[9],
        Some(d("7.5"))
    );
    let log = all_audit(&store);
    assert_eq!(log[0].what, "realisasi 1a-CP 2025-10");
    assert_eq!(log.len(), 12);
    // numbering continues after reopening
    let e = store
        .apply(
            2025,
            &[Change::SetRulebook("kmk-127-2026".into())],
            &budi(),
            "set",
        )
        .unwrap();
    assert_eq!(e[0].seq, log[0].seq + 1);
}

#[test]
fn apply_writes_changes_and_their_audit_entries_together() {
    let (_dir, store) = imported();
    let r = CodeRef::new("KPKNL-PTK", "1a-CP");
    let before = store.load_year(2025).unwrap().iku[&r].clone();
    let mut edited = before.clone();
    edited.name = "Nama baru".into();
    edited.weight = Some(d("15"));
    let mut added = full_iku("KPKNL-PTK", "9z", "SS-1", None);
    added.cascade = None;
    let addendum = Addendum {
        unit: "KPKNL-PTK".into(),
        version: 0,
        date: chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        reason: "Tambah IKU".into(),
        changes: vec![],
    };
    let changes = vec![
        Change::PutIku(edited.clone()),
        Change::SetRealisasi {
            iku: r.clone(),
            month: 10,
            value: Some(d("1.5")),
        },
        Change::SetRealisasi {
            iku: r.clone(),
            month: 1,
            value: None,
        },
        Change::SetTarget {
            iku: r.clone(),
            month: 12,
            value: Some(d("250")),
        },
        Change::PutIku(added.clone()),
        Change::PutAddendum(addendum.clone()),
        Change::SetRulebook("kmk-127-2026".into()),
        // a value equal to the stored one changes nothing and is not logged
        Change::SetTarget {
            iku: r.clone(),
            month: 3,
            value: before.targets[2],
        },
    ];
    let written = store
        .apply(2025, &changes, &Actor::new("siti"), "tui")
        .unwrap();
    let whats: Vec<&str> = written.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(
        whats,
        [
            "edit IKU 1a-CP",
            "realisasi 1a-CP 2025-10",
            "realisasi 1a-CP 2025-01",
            "target 1a-CP 2025-12",
            "add IKU 9z",
            "addendum v2",
            "rulebook 2025",
        ]
    );
    assert!(
        written[0]
            .new
            .as_deref()
            .unwrap()
            .ends_with("fields: name, weight"),
        "{:?}",
        written[0].new
    );
    assert!(written[0].old.as_deref().unwrap().starts_with(&before.name));
    assert_eq!(written[1].old, None);
    assert_eq!(written[1].new.as_deref(), Some("1.5"));
    assert_eq!(written[2].old.as_deref(), Some("-0.05"));
    assert_eq!(written[2].new, None);
    assert_eq!(written[6].old.as_deref(), Some("kmk-300-2022"));
    assert!(
        written
            .iter()
            .all(|e| e.user == "siti" && e.source == "tui")
    );
    assert!(written.windows(2).all(|w| w[1].seq == w[0].seq + 1));

    // the log shows exactly these, newest first, on top
    let log = all_audit(&store);
    let top: Vec<AuditEntry> = log[..written.len()].iter().rev().cloned().collect();
    assert_eq!(top, written);

    let ds = store.load_year(2025).unwrap();
    let now = &ds.iku[&r];
    assert_eq!(now.realisasi[9], Some(d("1.5")));
    assert_eq!(now.realisasi[0], None);
    assert_eq!(now.targets[11], Some(d("250")));
    assert_eq!(now.name, "Nama baru");
    assert_eq!(ds.iku[&CodeRef::new("KPKNL-PTK", "9z")], added);
    assert_eq!(ds.pk_version("KPKNL-PTK"), 2);
    assert_eq!(ds.rulebook, "kmk-127-2026");

    // remove is logged with the old definition
    let gone = store
        .apply(2025, &[Change::RemoveIku(added.key())], &budi(), "tui")
        .unwrap();
    assert_eq!(gone[0].what, "remove IKU 9z");
    assert!(gone[0].old.as_deref().unwrap().starts_with(&added.name));
    assert!(
        !store
            .load_year(2025)
            .unwrap()
            .iku
            .contains_key(&added.key())
    );
}

#[test]
fn refused_change_sets_leave_the_store_unchanged() {
    let (_dir, store) = imported();
    let before = store.load_year(2025).unwrap();
    let log_before = all_audit(&store);
    let ok = Change::SetRealisasi {
        iku: CodeRef::new("DJKN", "1a-CP"),
        month: 10,
        value: Some(d("1")),
    };
    let mut orphan = full_iku("DJKN", "3x", "SS-9", None);
    orphan.cascade = None;
    let bad_sets: Vec<(Vec<Change>, &str)> = vec![
        (
            vec![
                ok.clone(),
                Change::SetRealisasi {
                    iku: CodeRef::new("DJKN", "1a-CP"),
                    month: 13,
                    value: None,
                },
            ],
            "13",
        ),
        (
            vec![
                ok.clone(),
                Change::SetTarget {
                    iku: CodeRef::new("DJKN", "1a-CP"),
                    month: 0,
                    value: None,
                },
            ],
            "0",
        ),
        (
            vec![
                ok.clone(),
                Change::SetRealisasi {
                    iku: CodeRef::new("DJKN", "nope"),
                    month: 3,
                    value: None,
                },
            ],
            "DJKN/nope",
        ),
        (
            vec![ok.clone(), Change::RemoveIku(CodeRef::new("XX", "1a-CP"))],
            "XX/1a-CP",
        ),
        (vec![ok.clone(), Change::PutIku(orphan)], "DJKN/SS-9"),
        (
            vec![
                ok.clone(),
                Change::PutAddendum(Addendum {
                    unit: "DJKN".into(),
                    version: 5,
                    date: chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
                    reason: String::new(),
                    changes: vec![],
                }),
            ],
            "5",
        ),
    ];
    for (changes, named) in bad_sets {
        let err = store.apply(2025, &changes, &budi(), "set").unwrap_err();
        assert!(
            matches!(err, StoreError::Invalid(_) | StoreError::NotFound(_)),
            "{err:?}"
        );
        assert!(err.to_string().contains(named), "{err} should name {named}");
        assert_eq!(store.load_year(2025).unwrap(), before);
        assert_eq!(all_audit(&store), log_before);
    }
    // an unknown year
    assert!(matches!(
        store.apply(2031, &[ok], &budi(), "set"),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(all_audit(&store), log_before);
}

#[test]
fn audit_log_filters_by_unit_since_and_limit() {
    let (_dir, store) = imported();
    let r = CodeRef::new("DJKN", "2a-N");
    store
        .apply(
            2025,
            &[Change::SetRealisasi {
                iku: r,
                month: 12,
                value: Some(d("3")),
            }],
            &budi(),
            "set",
        )
        .unwrap();
    let by_unit = store
        .audit_log(&AuditFilter {
            unit: Some("KPKNL-PTK".into()),
            ..Default::default()
        })
        .unwrap();
    // unit, SS, IKU and addendum of KPKNL-PTK
    assert_eq!(by_unit.len(), 4);
    assert!(by_unit.iter().all(|e| e.unit == "KPKNL-PTK"));
    let today = Local::now().date_naive();
    let since_today = AuditFilter {
        since: Some(today),
        ..Default::default()
    };
    assert_eq!(store.audit_log(&since_today).unwrap().len(), 12);
    let tomorrow = AuditFilter {
        since: Some(today + Duration::days(1)),
        ..Default::default()
    };
    assert!(store.audit_log(&tomorrow).unwrap().is_empty());
    let newest = store
        .audit_log(&AuditFilter {
            unit: Some("DJKN".into()),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(newest.len(), 1);
    assert_eq!(newest[0].what, "realisasi 2a-N 2025-12");
    assert_eq!(newest[0].new.as_deref(), Some("3"));
}

#[test]
fn import_over_existing_codes_conflicts_unless_replace() {
    let (_dir, store) = imported();
    let log_before = all_audit(&store);
    let err = store
        .import_dataset(&dataset(), false, &budi(), "import")
        .unwrap_err();
    let StoreError::Conflict(text) = &err else {
        panic!("{err:?}")
    };
    assert!(text.contains("units/2025/DJKN"), "{text}");
    assert!(text.contains("iku/2025/KPKNL-PTK/1a-CP"), "{text}");
    assert_eq!(all_audit(&store), log_before);

    // a dataset with new codes only is added to the year
    let extra = Dataset::from_parts(
        2025,
        "kmk-300-2022",
        vec![store_common::unit("KPKNL-SKW", Level::Three, Some("DJKN"))],
        vec![],
        vec![],
        vec![],
    );
    store
        .import_dataset(&extra, false, &budi(), "import")
        .unwrap();
    assert_eq!(store.load_year(2025).unwrap().children("DJKN").len(), 2);

    // replace: the year is exactly the new dataset
    let mut smaller = dataset();
    smaller.iku.remove(&CodeRef::new("DJKN", "2a-N"));
    smaller.reindex();
    store
        .import_dataset(&smaller, true, &Actor::new("siti"), "import")
        .unwrap();
    assert_eq!(store.load_year(2025).unwrap(), smaller);
    let log = all_audit(&store);
    let replace = log.iter().find(|e| e.what == "replace year 2025").unwrap();
    assert_eq!(replace.user, "siti");
    assert!(
        replace.old.as_deref().unwrap().contains("3 iku"),
        "{:?}",
        replace.old
    );
    assert!(
        replace.new.as_deref().unwrap().contains("2 iku"),
        "{:?}",
        replace.new
    );
    assert!(store.verify().unwrap().is_empty());
}

/// Damages one record with raw sled access while the store is closed.
fn damage(path: &std::path::Path, tree: &str, f: impl Fn(&mut Vec<u8>)) -> String {
    let db = raw_sled::open(path);
    let t = db.open_tree(tree).unwrap();
    let (k, v) = t.iter().next().unwrap().unwrap();
    let mut v = v.to_vec();
    f(&mut v);
    t.insert(&k, v).unwrap();
    db.flush().unwrap();
    kinerja::store::keys::display(tree, &k)
}

#[test]
fn damaged_records_are_reported_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    Store::open(&path)
        .unwrap()
        .import_dataset(&dataset(), false, &budi(), "import")
        .unwrap();

    let key = damage(&path, "iku", |v| v.push(0));
    assert_eq!(key, "iku/2025/DJKN/1a-CP");
    {
        let store = Store::open(&path).unwrap();
        // the year snapshot written at import still holds the record as it was: the usual load
        // works; reading the records themselves names the damaged one
        assert_eq!(store.load_year(2025).unwrap(), dataset());
        let err = store.load_year_from_records(2025).unwrap_err();
        match &err {
            StoreError::Corrupt { key: k, reason } => {
                assert_eq!(k, &key);
                assert!(reason.contains("unexpected byte"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().contains(&key));
        let problems = store.verify().unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].key, key);
    }
    let unit_key = damage(&path, "units", |v| v[1] = 7);
    let store = Store::open(&path).unwrap();
    let problems = store.verify().unwrap();
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert!(keys.contains(&unit_key.as_str()), "{problems:?}");
    let p = problems.iter().find(|p| p.key == unit_key).unwrap();
    assert!(p.reason.contains("schema version 7"), "{p}");
}

#[test]
fn verify_reports_broken_references() {
    let (_dir, store) = imported();
    assert!(store.verify().unwrap().is_empty());
    // removing a cascade source leaves its cascaded IKU dangling
    store
        .apply(
            2025,
            &[Change::RemoveIku(CodeRef::new("DJKN", "1a-CP"))],
            &budi(),
            "tui",
        )
        .unwrap();
    let problems = store.verify().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "iku/2025/KPKNL-PTK/1a-CP");
    assert!(problems[0].to_string().contains("DJKN/1a-CP"));
}

#[test]
fn error_sentences_are_not_debug_dumps() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    let (_dir, store) = imported();
    let err = store
        .apply(
            2025,
            &[Change::SetRealisasi {
                iku: CodeRef::new("DJKN", "x"),
                month: 1,
                value: None,
            }],
            &budi(),
            "set",
        )
        .unwrap_err();
    let text = err.to_string();
    assert_eq!(text, "Not found in the store: IKU DJKN/x.");
    let text = store
        .apply(
            2025,
            &[Change::SetTarget {
                iku: CodeRef::new("DJKN", "1a-CP"),
                month: 13,
                value: None,
            }],
            &budi(),
            "set",
        )
        .unwrap_err()
        .to_string();
    assert_eq!(
        text,
        "Change refused: month 13 for IKU DJKN/1a-CP (must be 1 to 12)."
    );
}

/// A year larger than one import transaction: 1 + 600 units, each with an SS and two IKU.
fn kanwil() -> Dataset {
    let mut units = vec![store_common::unit("KANWIL", Level::One, None)];
    let (mut sss, mut ikus) = (Vec::new(), Vec::new());
    for n in 0..600 {
        let code = format!("KPKNL-{n:03}");
        units.push(store_common::unit(&code, Level::Three, Some("KANWIL")));
        sss.push(store_common::ss(
            &code,
            "SS-1",
            Perspective::Stakeholder,
            None,
        ));
        ikus.push(full_iku(&code, "1a-N", "SS-1", None));
        ikus.push(full_iku(&code, "1b-N", "SS-1", None));
    }
    Dataset::from_parts(2025, "kmk-300-2022", units, sss, ikus, Vec::new())
}

#[test]
fn a_new_year_larger_than_one_transaction_is_imported_whole_with_every_audit_entry() {
    let ds = kanwil();
    let records = ds.units.len() + ds.ss.len() + ds.iku.len() + ds.addenda.len();
    assert!(
        records > 2000,
        "{records} records: more than one transaction"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store")).unwrap();
    store
        .import_dataset(&ds, false, &Actor::new("budi"), "import")
        .unwrap();
    assert!(store.load_year_from_records(2025).unwrap() == ds);
    // the snapshot and summary written with it hold the year, and no unit is marked changed
    assert_eq!(
        store.year_summary(2025).unwrap(),
        Some(YearSummary::of(&ds))
    );
    assert!(store.load_year(2025).unwrap() == ds);
    let log = all_audit(&store);
    assert_eq!(log.len(), records + 1);
    // the year record comes last: the year exists only once every record is in
    assert_eq!(log[0].what, "rulebook 2025");
    assert!(store.verify().unwrap().is_empty());
}

#[test]
fn what_an_interrupted_import_left_is_invisible_reported_and_discarded_by_the_next() {
    let ds = kanwil();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    // an import cut short after some transactions: records of 2026 without the year record,
    // as a kill between two of its transactions leaves them
    {
        let store = Store::open(&path).unwrap();
        store
            .import_dataset(&ds, false, &Actor::new("budi"), "import")
            .unwrap();
    }
    {
        let db = raw_sled::open(&path);
        for tree in ["units", "iku"] {
            let t = db.open_tree(tree).unwrap();
            let copies: Vec<_> = t
                .scan_prefix(kinerja::store::keys::year(2025))
                .take(600)
                .map(|kv| kv.unwrap())
                .collect();
            assert_eq!(copies.len(), 600);
            for (k, v) in copies {
                let mut k2 = kinerja::store::keys::year(2026).to_vec();
                k2.extend_from_slice(&k[4..]);
                t.insert(k2, v).unwrap();
            }
        }
        db.flush().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.years().unwrap(),
        [2025],
        "the cut-short year is not listed"
    );
    let problems = store.verify().unwrap();
    assert!(
        problems.iter().any(|p| p.key == "years/2026"),
        "{problems:?}"
    );
    // importing 2026 (a smaller year) first discards everything the cut-short import left
    let mut small = dataset();
    small.year = 2026;
    let small = Dataset::from_parts(
        2026,
        small.rulebook.clone(),
        small.units.into_values(),
        small.ss.into_values(),
        small.iku.into_values(),
        small.addenda,
    );
    store
        .import_dataset(&small, false, &Actor::new("budi"), "import")
        .unwrap();
    assert!(store.load_year_from_records(2026).unwrap() == small);
    assert!(store.load_year(2026).unwrap() == small);
    assert!(store.verify().unwrap().is_empty());
    let log = all_audit(&store);
    assert!(
        log.iter()
            .any(|e| e.year == 2026 && e.what == "discard 1200 records of an interrupted import"),
        "{:?}",
        log.iter().map(|e| &e.what).take(5).collect::<Vec<_>>()
    );
}
