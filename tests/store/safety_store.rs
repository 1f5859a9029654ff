//! Data safety through the real binary: `verify`, `export --salvage` of a store damaged with raw
//! sled writes, the backup before a schema migration, `init [--group]` and the refusal of a
//! world-writable store.

use crate::support::raw_sled;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use kinerja::store::{Store, codec, keys};

const MINI: &str = "tests/data/mini-2025.json";

fn kinerja(store: &Path, args: &[&str]) -> Output {
    crate::support::cli_support::kinerja(store, args)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

struct Fixture {
    dir: tempfile::TempDir,
    store: PathBuf,
}

fn imported() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("t.store");
    let o = kinerja(&store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    Fixture { dir, store }
}

fn export(store: &Path) -> String {
    let o = kinerja(store, &["export"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    out(&o)
}

/// Replaces the value of `key` in `tree` with raw sled access while the store is closed.
fn raw_put(path: &Path, tree: &str, key: &[u8], value: &[u8]) {
    let db = raw_sled::open(path);
    db.open_tree(tree).unwrap().insert(key, value).unwrap();
    db.flush().unwrap();
}

fn raw_get(path: &Path, tree: &str, key: &[u8]) -> Vec<u8> {
    let db = raw_sled::open(path);
    db.open_tree(tree)
        .unwrap()
        .get(key)
        .unwrap()
        .unwrap()
        .to_vec()
}

#[test]
fn verify_is_clean_then_lists_every_problem_by_key() {
    let f = imported();
    let o = kinerja(&f.store, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("2025"), "{}", out(&o));

    // two damaged records: a unit with an unknown record version, an IKU with a trailing byte
    let unit_k = keys::unit(2025, "A");
    let mut v = raw_get(&f.store, "units", &unit_k);
    v[1] = 9;
    raw_put(&f.store, "units", &unit_k, &v);
    let iku_k = keys::code(2025, "K", "K-2");
    let mut v = raw_get(&f.store, "iku", &iku_k);
    v.push(0);
    raw_put(&f.store, "iku", &iku_k, &v);

    let o = kinerja(&f.store, &["--lang", "en", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let listed = out(&o);
    assert!(
        listed.contains("units/2025/A: ") && listed.contains("schema version 9"),
        "{listed}"
    );
    assert!(listed.contains("iku/2025/K/K-2: "), "{listed}");
    assert!(err(&o).contains("2 problem(s)"), "{}", err(&o));
    assert!(err(&o).contains("export --salvage"), "{}", err(&o));
    assert!(!err(&o).contains("Error {"), "{}", err(&o));
}

#[test]
fn salvage_writes_a_valid_document_of_what_survives() {
    let f = imported();
    let whole = export(&f.store);
    // the unit A and the SS K/S2 become unreadable
    let unit_k = keys::unit(2025, "A");
    let mut v = raw_get(&f.store, "units", &unit_k);
    v.truncate(v.len() / 2);
    raw_put(&f.store, "units", &unit_k, &v);
    raw_put(&f.store, "ss", &keys::code(2025, "K", "S2"), &[0, 1, 255]);

    // a plain export refuses, naming the key
    let o = kinerja(&f.store, &["export"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("units/2025/A"), "{}", err(&o));

    let file = f.dir.path().join("salvaged.json");
    let o = kinerja(
        &f.store,
        &[
            "--lang",
            "en",
            "export",
            "--salvage",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("unreadable, skipped: units/2025/A"), "{e}");
    assert!(e.contains("unreadable, skipped: ss/2025/K/S2"), "{e}");
    // what hung on A (its SS, its IKU) and on K/S2 (K-2) is dropped with a note
    assert!(e.contains("reference dropped: ss/2025/A/S1"), "{e}");
    assert!(e.contains("reference dropped: iku/2025/A/A-1"), "{e}");
    assert!(e.contains("reference dropped: iku/2025/K/K-2"), "{e}");
    assert!(e.contains("2 record(s) unreadable"), "{e}");

    let doc = fs::read_to_string(&file).unwrap();
    assert_ne!(doc, whole);
    let ds = kinerja::interchange::import_document(&doc).expect("a valid kinerja/1 document");
    let units: Vec<&str> = ds.units.keys().map(String::as_str).collect();
    assert_eq!(units, ["B", "K", "W"]);
    let iku: Vec<String> = ds.iku.keys().map(|k| k.to_string()).collect();
    assert_eq!(iku, ["B/B-1", "K/K-1"]);
    // and it imports into a new store, whose export is the salvaged document itself
    let other = f.dir.path().join("restored.store");
    let o = kinerja(&other, &["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(export(&other), doc);

    // salvage of a sound store is the ordinary export, with nothing listed
    let o = kinerja(&other, &["--lang", "en", "export", "--salvage"]);
    assert_eq!(out(&o), doc);
    assert!(!err(&o).contains("skipped"), "{}", err(&o));
}

#[test]
fn salvage_survives_an_unreadable_year_record_and_a_broken_parent() {
    let f = imported();
    raw_put(&f.store, "years", &keys::year(2025), &[7]);
    raw_put(&f.store, "units", &keys::unit(2025, "W"), &[0, 1]);
    let o = kinerja(&f.store, &["--lang", "en", "export", "--salvage"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("years/2025"), "{e}");
    assert!(e.contains("rulebook kmk-300-2022 is used"), "{e}");
    assert!(
        e.contains("units/2025/K") && e.contains("becomes a root"),
        "{e}"
    );
    let ds = kinerja::interchange::import_document(&out(&o)).unwrap();
    assert_eq!(ds.units["K"].parent, None);
    assert_eq!(ds.rulebook, "kmk-300-2022");
}

#[test]
fn an_older_schema_is_backed_up_beside_the_store_before_migrating() {
    let f = imported();
    let before = export(&f.store);
    raw_put(&f.store, "meta", b"schema", &codec::encode(&0u16).unwrap());
    let backups = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("t.store.backup-"))
            .collect();
        v.sort();
        v
    };
    assert!(backups(f.dir.path()).is_empty());

    let o = kinerja(&f.store, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "the store opens: {}", err(&o));
    let found = backups(f.dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    let name = found[0].file_name().unwrap().to_string_lossy().into_owned();
    // t.store.backup-YYYYMMDD-HHMMSS-y2025.json
    let stamp = name
        .strip_prefix("t.store.backup-")
        .and_then(|s| s.strip_suffix("-y2025.json"))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").is_ok(),
        "{name}"
    );
    assert_eq!(fs::read_to_string(&found[0]).unwrap(), before);
    assert_eq!(mode(&found[0]), 0o600, "as private as the store");
    // the marker is now current: no second backup
    let o = kinerja(&f.store, &["verify"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(backups(f.dir.path()).len(), 1);
    assert_eq!(export(&f.store), before);
    let v: u16 = codec::decode("meta/schema", &raw_get(&f.store, "meta", b"schema")).unwrap();
    assert_eq!(v, kinerja::store::STORE_SCHEMA);
}

/// A record as the build of record version 1 wrote it: the same body, version 1 in the
/// envelope, and for an IKU without its last field (`mandatory`, one byte).
fn as_version_1(v: &[u8], iku: bool) -> Vec<u8> {
    assert_eq!(&v[..2], &[0, 2], "written as version 2");
    let end = if iku {
        assert_eq!(v[v.len() - 1], 0, "not mandatory");
        v.len() - 1
    } else {
        v.len()
    };
    let mut old = v[..end].to_vec();
    old[1] = 1;
    old
}

#[test]
fn a_schema_3_store_of_version_1_records_is_backed_up_and_its_iku_read_as_not_mandatory() {
    let f = imported();
    let before = export(&f.store);
    assert!(before.contains("\"mandatory\": false"), "{before}");
    {
        // the store as the build before `mandatory` left it
        let db = raw_sled::open(&f.store);
        for tree in ["units", "ss", "iku", "addenda", "years"] {
            let t = db.open_tree(tree).unwrap();
            let all: Vec<_> = t.iter().map(|kv| kv.unwrap()).collect();
            assert!(!all.is_empty() || tree == "addenda", "{tree}");
            for (k, v) in all {
                t.insert(k, as_version_1(&v, tree == "iku")).unwrap();
            }
        }
        // a snapshot of version 1 holds IKU in the old layout
        let snaps = db.open_tree("snapshots").unwrap();
        for kv in snaps.iter() {
            let (k, v) = kv.unwrap();
            let mut v = v.to_vec();
            v[1] = 1;
            snaps.insert(k, v).unwrap();
        }
        let mut schema = codec::encode(&3u16).unwrap();
        schema[1] = 1;
        db.open_tree("meta")
            .unwrap()
            .insert(b"schema", schema)
            .unwrap();
        db.flush().unwrap();
    }
    let o = kinerja(&f.store, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{} {}", out(&o), err(&o));
    // the backup written before the migration holds every IKU, read from version-1 records
    let backup: Vec<PathBuf> = fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("t.store.backup-"))
        .collect();
    assert_eq!(backup.len(), 1, "{backup:?}");
    assert_eq!(fs::read_to_string(&backup[0]).unwrap(), before);
    assert_eq!(export(&f.store), before);
    let v: u16 = codec::decode("meta/schema", &raw_get(&f.store, "meta", b"schema")).unwrap();
    assert_eq!(v, kinerja::store::STORE_SCHEMA);
}

#[test]
fn a_mandatory_iku_is_stored_and_read_back_from_its_record_and_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("t.store");
    let doc = fs::read_to_string(MINI).unwrap();
    let doc = doc.replacen(
        "\"unit\": \"K\", \"code\": \"K-2\"",
        "\"unit\": \"K\", \"code\": \"K-2\", \"mandatory\": true",
        1,
    );
    assert!(
        doc.contains("\"mandatory\": true"),
        "the fixture names K/K-2"
    );
    let file = dir.path().join("doc.json");
    fs::write(&file, &doc).unwrap();
    let o = kinerja(&store, &["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // twice: the first export may read the records, the second the snapshot
    for _ in 0..2 {
        let e = export(&store);
        assert_eq!(e.matches("\"mandatory\": true").count(), 1, "{e}");
    }
    let s = Store::open(&store).unwrap();
    let ds = s.load_year(2025).unwrap();
    assert!(ds.iku[&kinerja::domain::CodeRef::new("K", "K-2")].mandatory);
}

#[test]
fn a_store_without_a_schema_marker_is_backed_up_through_the_library_too() {
    let f = imported();
    {
        let db = raw_sled::open(&f.store);
        db.open_tree("meta").unwrap().remove(b"schema").unwrap();
        db.flush().unwrap();
    }
    kinerja::store::set_backup_writer(kinerja::interchange::export_document);
    let store = Store::open(&f.store).unwrap();
    let written = store.migration_backups().to_vec();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].starts_with(f.dir.path()));
    let back =
        kinerja::interchange::import_document(&fs::read_to_string(&written[0]).unwrap()).unwrap();
    assert_eq!(back, store.load_year(2025).unwrap());
    drop(store);
    assert!(
        Store::open(&f.store)
            .unwrap()
            .migration_backups()
            .is_empty()
    );
}

#[test]
fn init_makes_a_private_store_and_says_so_when_it_exists() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("new.store");
    let o = kinerja(&store, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(mode(&store), 0o700);
    assert_eq!(mode(&store.join("db")), 0o600);
    let o = kinerja(&store, &["--lang", "en", "init"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("already exists"), "{}", out(&o));
}

/// The name of this process's primary group.
fn primary_group() -> (u32, String) {
    // SAFETY: getegid cannot fail; getgrgid returns a pointer into static storage or null,
    // read at once in this single call site.
    unsafe {
        let gid = libc::getegid();
        let g = libc::getgrgid(gid);
        assert!(!g.is_null(), "primary group {gid} has no name");
        let name = std::ffi::CStr::from_ptr((*g).gr_name)
            .to_string_lossy()
            .into_owned();
        (gid, name)
    }
}

fn gid_of(p: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).unwrap().gid()
}

#[test]
fn init_group_makes_a_shared_store_that_stays_shared() {
    let (gid, group) = primary_group();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("team.store");
    let o = kinerja(&store, &["--lang", "en", "init", "--group", &group]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains(&group), "{}", out(&o));
    let check = |store: &Path| {
        assert_eq!(mode(store), 0o2770, "setgid directory for the group");
        assert_eq!(gid_of(store), gid);
        for e in fs::read_dir(store).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                assert_eq!(mode(&p), 0o2770, "{}", p.display());
            } else {
                assert_eq!(mode(&p), 0o660, "{}", p.display());
            }
            assert_eq!(gid_of(&p), gid, "{}", p.display());
        }
    };
    check(&store);
    // writing through the CLI keeps the group modes
    let o = kinerja(&store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = kinerja(&store, &["set", "K", "K-2", "2025-07", "9"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    check(&store);

    // an existing private store is converted
    let f = imported();
    let before = export(&f.store);
    assert_eq!(mode(&f.store), 0o700);
    let o = kinerja(&f.store, &["init", "--group", &group]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    check(&f.store);
    assert_eq!(export(&f.store), before);
}

#[test]
fn init_with_an_unknown_group_is_refused_clearly_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("team.store");
    let o = kinerja(
        &store,
        &["--lang", "en", "init", "--group", "no-such-group-kinerja"],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(e.contains("no Unix group \"no-such-group-kinerja\""), "{e}");
    assert_eq!(e.trim().lines().count(), 1, "{e}");
    assert!(!store.exists());
}

#[test]
fn writing_commands_refuse_a_world_writable_store_and_reading_ones_do_not() {
    let f = imported();
    let before = export(&f.store);
    fs::set_permissions(&f.store, fs::Permissions::from_mode(0o777)).unwrap();
    let sheet = f.dir.path().join("r.csv");
    fs::write(&sheet, "unit,iku,month,realisasi\nK,K-2,2025-07,9\n").unwrap();
    for args in [
        vec!["set", "K", "K-2", "2025-07", "9"],
        vec!["import", "--replace", MINI],
        vec!["import-realisasi", sheet.to_str().unwrap()],
        vec!["addendum", "K", "--reason", "uji", "--set", "K-2:5=3"],
        vec![],
    ] {
        let mut a = vec!["--lang", "en"];
        a.extend(args.iter());
        let o = kinerja(&f.store, &a);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = err(&o);
        assert!(e.contains("writable by every user"), "{args:?}: {e}");
        assert!(
            e.contains(&format!("chmod o-w {}", f.store.display())),
            "{e}"
        );
    }
    assert!(
        kinerja::cli::refuse_world_writable(&f.store)
            .unwrap_err()
            .contains("chmod o-w")
    );
    // reading still works (to get the data out), and nothing was written
    assert_eq!(export(&f.store), before);
    fs::set_permissions(&f.store, fs::Permissions::from_mode(0o700)).unwrap();
    assert!(kinerja::cli::refuse_world_writable(&f.store).is_ok());
    let o = kinerja(&f.store, &["set", "K", "K-2", "2025-07", "9"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn the_new_subcommands_have_help_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    for sub in ["verify", "init"] {
        let o = kinerja(&store, &[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub}");
        assert!(out(&o).contains("Contoh"), "{sub}: {}", out(&o));
    }
    let o = kinerja(&store, &["export", "--help"]);
    assert!(out(&o).contains("--salvage"), "{}", out(&o));
}

/// The mini document with a plan for K: a link S2 → S1, an IS serving K-1 and K-2, a budget
/// line linked to S2.
fn imported_with_plan() -> Fixture {
    let base = fs::read_to_string(MINI).unwrap();
    let body = base.trim_end().strip_suffix('}').unwrap();
    let plan = r#"[{"unit": "K", "links": [{"from": "S2", "to": "S1"}],
   "inisiatif": [{"code": "IS-1", "name": "Digitalisasi lelang", "iku": ["K-1", "K-2"], "pic": "Kabid",
     "output": "Aplikasi", "outcome": "Lelang lebih cepat", "start": 1, "end": 6,
     "planned": [null, null, "30", null, null, "100", null, null, null, null, null, null],
     "realised": [null, null, "20", null, null, null, null, null, null, null, null, null],
     "status": "berjalan", "kendala": "", "tindak_lanjut": ""}],
   "anggaran": [{"code": "015.07.CF.4255.QMA", "program": "015.07.CF", "program_name": "Program Pengelolaan Perbendaharaan, Kekayaan Negara, dan Risiko",
     "kegiatan": "4255", "kegiatan_name": "Pelaksanaan Lelang", "output": "QMA",
     "output_name": "Layanan Lelang", "pagu": "1200000000", "link": "S2",
     "planned": ["100000000", null, null, null, null, null, null, null, null, null, null, null],
     "realisasi": ["90000000", null, null, null, null, null, null, null, null, null, null, null]}]}]"#;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("with-plan.json");
    fs::write(&file, format!("{body},\n\"plan\": {plan}\n}}\n")).unwrap();
    let store = dir.path().join("t.store");
    let o = kinerja(&store, &["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    Fixture { dir, store }
}

#[test]
fn verify_reads_every_plan_record_and_checks_its_references() {
    use kinerja::domain::plan::{PetaLink, UnitPlan};
    let f = imported_with_plan();
    let o = kinerja(&f.store, &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    // K's plan record cut short; a plan of B naming an SS and an IKU B does not have; a plan
    // of a unit the store does not hold
    let k = keys::unit(2025, "K");
    let mut v = raw_get(&f.store, "plan", &k);
    v.truncate(v.len() / 2);
    raw_put(&f.store, "plan", &k, &v);
    let mut b = UnitPlan::new("B");
    b.links = vec![PetaLink {
        from: "S7".into(),
        to: "S1".into(),
    }];
    raw_put(
        &f.store,
        "plan",
        &keys::unit(2025, "B"),
        &codec::encode(&b).unwrap(),
    );
    raw_put(
        &f.store,
        "plan",
        &keys::unit(2025, "ZZ"),
        &codec::encode(&UnitPlan::new("ZZ")).unwrap(),
    );
    let o = kinerja(&f.store, &["--lang", "en", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let listed = out(&o);
    assert!(listed.contains("plan/2025/K: "), "{listed}");
    assert!(
        listed.contains("plan/2025/B: ") && listed.contains("link S7 → S1 names SS S7"),
        "{listed}"
    );
    assert!(
        listed.contains("plan/2025/ZZ: ") && listed.contains("referenced unit ZZ does not exist"),
        "{listed}"
    );
    assert!(err(&o).contains("3 problem(s)"), "{}", err(&o));
}

#[test]
fn salvage_keeps_the_readable_plans_and_drops_what_hung_on_unreadable_records() {
    let f = imported_with_plan();
    // SS K/S2 unreadable: K-2 goes with it, and so do the link S2 → S1, IS-1's service of K-2
    // and the budget line's link to S2
    raw_put(&f.store, "ss", &keys::code(2025, "K", "S2"), &[0, 1, 255]);
    let file = f.dir.path().join("salvaged.json");
    let o = kinerja(
        &f.store,
        &[
            "--lang",
            "en",
            "export",
            "--salvage",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    for note in [
        "plan/2025/K: Peta Strategi link S2 → S1 left out: SS S2 is unreadable",
        "plan/2025/K: Inisiatif Strategis IS-1 no longer serves IKU K-2",
        "plan/2025/K: the link of budget line 015.07.CF.4255.QMA to S2 is left out",
    ] {
        assert!(e.contains(note), "{note} in {e}");
    }
    let doc = fs::read_to_string(&file).unwrap();
    let ds = kinerja::interchange::import_document(&doc).unwrap();
    let plans = kinerja::interchange::json::import_plans(&doc, &ds).expect("the plans import");
    let k = &plans["K"];
    assert!(k.links.is_empty());
    assert_eq!(k.inisiatif[0].iku, ["K-1"]);
    assert_eq!(
        k.inisiatif[0].realised[&3].0,
        20.into(),
        "the progress kept"
    );
    assert_eq!(k.anggaran[0].link, None);
    assert_eq!(k.anggaran[0].realisasi[&1].0, 90_000_000.into());
    // the plan record itself unreadable: listed, the rest of the year still salvaged
    let pk = keys::unit(2025, "K");
    raw_put(&f.store, "plan", &pk, &[0, 1, 255]);
    let o = kinerja(&f.store, &["--lang", "en", "export", "--salvage"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains("unreadable, skipped: plan/2025/K"),
        "{}",
        err(&o)
    );
    assert!(!out(&o).contains("\"plan\""), "no plan left to write");
}
