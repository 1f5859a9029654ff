//! The store's own way back from damage (issue 13, finding 9): rotating backup sets in
//! `STORE/backups`, `verify` naming the damaged file and the newest whole set, `restore`
//! rebuilding the store from a set, and `import --replace` writing a set first.

use crate::support::cli_support::{command, kinerja, stderr, stdout};

use std::fs;
use std::path::{Path, PathBuf};

const SAMPLE: &str = "fixtures/kalbar-2025.json";

fn ok(o: &std::process::Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
}

/// A store with the sample (its plan section too), a realisasi, an access grant, and a backup
/// set written by `kinerja backup`; returns the set's manifest.
fn store_with_a_backup(dir: &Path) -> (PathBuf, PathBuf) {
    let store = dir.join("s");
    ok(&kinerja(&store, &["import", SAMPLE]));
    ok(&kinerja(
        &store,
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-10", "1,9"],
    ));
    ok(&kinerja(&store, &["access", "grant", "alice", "viewer"]));
    let o = kinerja(&store, &["--lang", "en", "backup"]);
    ok(&o);
    let manifest = manifests(&store)
        .into_iter()
        .find(|m| stdout(&o).contains(&m.display().to_string()))
        .unwrap_or_else(|| panic!("the set written is named: {}", stdout(&o)));
    (store, manifest)
}

fn manifests(store: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(store.join("backups"))
        .map(|rd| {
            rd.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "manifest"))
                .collect()
        })
        .unwrap_or_default();
    // by set id, oldest first (`…-142500` before `…-142500-2`, which a plain path sort inverts)
    v.sort_by_key(|p| p.file_stem().unwrap().to_os_string());
    v
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        // the server's files belong to the original's (stopped) server
        if name.to_string_lossy().starts_with("kinerja.serve")
            || name == "kinerja.start-lock"
            || name == "kinerja.sock"
        {
            continue;
        }
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(&name));
        } else {
            fs::copy(e.path(), to.join(&name)).unwrap();
        }
    }
}

/// The realisasi of KPKNL-PONTIANAK 1b-CP in `month` (1–12) of a kinerja/1 document.
fn realisasi(doc: &str, month: usize) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(doc).unwrap();
    let iku = v["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["unit"] == "KPKNL-PONTIANAK" && i["code"] == "1b-CP")
        .unwrap();
    iku["realisasi"][month - 1].as_str().map(str::to_string)
}

enum Damage {
    Flip(u64),
    Truncate(u64),
    SnapshotGarbage,
}

fn damage(store: &Path, d: &Damage) -> String {
    use std::io::{Seek, SeekFrom, Write};
    let db = store.join("db");
    match d {
        Damage::Flip(at) => {
            let mut f = fs::OpenOptions::new().write(true).open(&db).unwrap();
            f.seek(SeekFrom::Start(*at)).unwrap();
            f.write_all(&[0xa5, 0x5a, 0xa5, 0x5a, 0xa5, 0x5a, 0xa5, 0x5a])
                .unwrap();
            "db".into()
        }
        Damage::Truncate(len) => {
            fs::OpenOptions::new()
                .write(true)
                .open(&db)
                .unwrap()
                .set_len(*len)
                .unwrap();
            "db".into()
        }
        Damage::SnapshotGarbage => {
            let mut snaps: Vec<PathBuf> = fs::read_dir(store)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with("snap.")
                })
                .collect();
            snaps.sort();
            let snap = snaps.pop().expect("sled wrote a snapshot file");
            let len = fs::metadata(&snap).unwrap().len() as usize;
            fs::write(&snap, vec![b'#'; len]).unwrap();
            snap.file_name().unwrap().to_string_lossy().into_owned()
        }
    }
}

#[test]
fn damaged_files_are_named_with_the_newest_backup_and_restore_brings_back_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let (store, manifest) = store_with_a_backup(dir.path());
    let expected = kinerja(&store, &["export"]);
    ok(&expected);
    assert!(
        stdout(&expected).contains("\"plan\""),
        "the sample has a plan"
    );
    let access = kinerja(&store, &["access", "list"]);
    ok(&access);
    assert!(stdout(&access).contains("alice"));
    let id = manifest.file_stem().unwrap().to_string_lossy().into_owned();
    let len = fs::metadata(store.join("db")).unwrap().len();

    let cases = [
        Damage::Flip(100),
        Damage::Flip(1000),
        Damage::Flip(20_000),
        Damage::Flip(60_000),
        Damage::Flip(len / 2),
        Damage::Flip(len - 300),
        Damage::Truncate(0),
        Damage::Truncate(4096),
        Damage::Truncate(len / 5),
        Damage::SnapshotGarbage,
    ];
    let mut detected = 0;
    for (n, case) in cases.iter().enumerate() {
        let copy = dir.path().join(format!("damaged-{n}"));
        copy_dir(&store, &copy);
        let file = damage(&copy, case);
        let v = kinerja(&copy, &["--lang", "en", "verify"]);
        assert_ne!(v.status.code(), Some(101), "no panic: {}", stderr(&v));
        if v.status.code() == Some(0) {
            // sled did not need the damaged bytes: then nothing may differ
            let e = kinerja(&copy, &["export"]);
            ok(&e);
            assert_eq!(
                stdout(&e),
                stdout(&expected),
                "case {n}: damage went unnoticed"
            );
            continue;
        }
        detected += 1;
        let said = stderr(&v);
        let named = copy.join(&file).display().to_string();
        assert!(said.contains(&named), "case {n} names {named}: {said}");
        assert!(
            said.contains(
                &copy
                    .join("backups")
                    .join(format!("{id}.manifest"))
                    .display()
                    .to_string()
            ),
            "case {n} names the newest backup: {said}"
        );
        assert!(said.contains("kinerja restore"), "{said}");
        for cmd in [
            &["report"][..],
            &["export", "--salvage"],
            &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-11", "2"],
        ] {
            let o = kinerja(&copy, cmd);
            assert_ne!(o.status.code(), Some(101), "{cmd:?}: {}", stderr(&o));
        }

        let r = kinerja(&copy, &["--lang", "en", "restore"]);
        ok(&r);
        assert!(stdout(&r).contains(&id), "{}", stdout(&r));
        ok(&kinerja(&copy, &["verify"]));
        let back = kinerja(&copy, &["export"]);
        ok(&back);
        assert_eq!(
            stdout(&back),
            stdout(&expected),
            "case {n}: every value is back"
        );
        assert_eq!(
            stdout(&kinerja(&copy, &["access", "list"])),
            stdout(&access)
        );
        // what was damaged is kept, not deleted
        let kept = fs::read_dir(copy.join("backups"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("-damaged-")
            })
            .count();
        assert!(kept >= 1, "case {n}");
    }
    assert!(
        detected >= 6,
        "most damages are found ({detected} of {})",
        cases.len()
    );
}

#[test]
fn a_backup_set_with_a_damaged_file_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let (store, manifest) = store_with_a_backup(dir.path());
    let id = manifest.file_stem().unwrap().to_string_lossy().into_owned();
    let year = store.join("backups").join(format!("{id}-y2025.json"));
    let mut text = fs::read_to_string(&year).unwrap();
    text = text.replacen("KPKNL", "KPKNM", 1);
    fs::write(&year, text).unwrap();
    let o = kinerja(&store, &["--lang", "en", "restore", &id, "--force"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&year.display().to_string()),
        "{}",
        stderr(&o)
    );
    let l = kinerja(&store, &["--lang", "en", "restore", "--list"]);
    ok(&l);
    assert!(stdout(&l).contains("damaged"), "{}", stdout(&l));
}

#[test]
fn restore_refuses_a_whole_store_without_force_and_lists_what_came_after() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_a_backup(dir.path());
    ok(&kinerja(
        &store,
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-11", "2,5"],
    ));
    let o = kinerja(&store, &["--lang", "en", "restore"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    let o = kinerja(&store, &["--lang", "en", "restore", "--force"]);
    ok(&o);
    assert!(
        stdout(&o).contains("1 change(s) after this backup"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("2025-11"), "{}", stdout(&o));
    // the value set after the backup is gone, the one before it is back
    let e = stdout(&kinerja(&store, &["export"]));
    assert_eq!(
        realisasi(&e, 11),
        None,
        "the later value is not in the restored store"
    );
    assert_eq!(realisasi(&e, 10).as_deref(), Some("1.9"));
    // the audit of before the backup is kept, and the restore is in it
    let log = stdout(&kinerja(&store, &["log"]));
    assert!(log.contains("restore"), "{log}");
    assert!(log.contains("2025-10"), "{log}");
}

#[test]
fn import_replace_writes_a_backup_first_and_names_it_and_a_clash_names_replace() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    ok(&kinerja(&store, &["import", SAMPLE]));
    ok(&kinerja(
        &store,
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-10", "1,9"],
    ));
    let o = kinerja(&store, &["--lang", "en", "import", SAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(said.contains("--replace"), "{said}");
    assert!(
        said.contains("5 units, 31 SS, 55 IKU"),
        "what it would discard: {said}"
    );
    let before = manifests(&store).len();
    let o = kinerja(&store, &["--lang", "en", "import", SAMPLE, "--replace"]);
    ok(&o);
    let after = manifests(&store);
    assert_eq!(
        after.len(),
        before + 1,
        "a set is written before the replace"
    );
    let id = after
        .last()
        .unwrap()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let doc = store.join("backups").join(format!("{id}-y2025.json"));
    assert!(
        stderr(&o).contains(&doc.display().to_string()),
        "{}",
        stderr(&o)
    );
    // the set holds what was replaced: the realisasi set before
    let text = fs::read_to_string(&doc).unwrap();
    assert_eq!(
        realisasi(&text, 10).as_deref(),
        Some("1.9"),
        "the replaced year's realisasi is in the backup"
    );
    assert_eq!(realisasi(&stdout(&kinerja(&store, &["export"])), 10), None);
}

#[test]
fn only_the_newest_sets_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    ok(&kinerja(&store, &["import", "tests/data/mini-2025.json"]));
    for _ in 0..4 {
        let mut c = command(&store, &["backup"]);
        c.env("KINERJA_BACKUPS", "2");
        ok(&c.output().unwrap());
    }
    assert_eq!(manifests(&store).len(), 2, "{:?}", manifests(&store));
    let files = fs::read_dir(store.join("backups")).unwrap().count();
    assert!(
        files <= 2 * 3,
        "the files of older sets are removed too ({files})"
    );
}

/// `kinerja` on the round's day (the sample's September is open for evidence then).
fn on_round_day(store: &Path, args: &[&str]) -> std::process::Output {
    command(store, args)
        .env("KINERJA_TODAY", "2025-10-01")
        .output()
        .unwrap()
}

#[test]
fn evidence_is_in_the_backup_sets_and_restore_brings_it_back_checked_by_its_sha256() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    ok(&kinerja(&store, &["import", SAMPLE]));
    let pdf: Vec<u8> = (0..7000u32).map(|i| (i * 13 % 253) as u8).collect();
    let sha = kinerja::store::sha256_hex(&pdf);
    let file = dir.path().join("ba-lelang.pdf");
    fs::write(&file, &pdf).unwrap();
    let f = file.to_str().unwrap();
    ok(&on_round_day(
        &store,
        &["lampiran", "add", "KPKNL-PONTIANAK", "1b-CP", "2025-09", f],
    ));
    ok(&kinerja(&store, &["backup"]));
    ok(&kinerja(&store, &["backup"]));
    // one copy of the bytes, named by their SHA-256, in both sets
    let kept = store.join("backups").join(format!("evidence-{sha}"));
    assert_eq!(fs::read(&kept).unwrap(), pdf);
    // (the first write of the day wrote a daily set before the evidence came)
    let sets = manifests(&store);
    assert!(sets.len() >= 2, "{sets:?}");
    for m in &sets[sets.len() - 2..] {
        let text = fs::read_to_string(m).unwrap();
        assert!(text.contains(&format!("evidence-{sha}")), "{text}");
    }
    let evidence_files = fs::read_dir(store.join("backups"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("evidence-")
        })
        .count();
    assert_eq!(evidence_files, 1, "shared by the sets");

    // a new store from the newest set: the evidence is back, byte for byte
    let o = on_round_day(&store, &["--lang", "en", "restore", "--force"]);
    ok(&o);
    assert!(
        stdout(&o).contains("1 evidence file(s) restored, each matching its SHA-256"),
        "{}",
        stdout(&o)
    );
    let out = dir.path().join("unduh");
    ok(&on_round_day(
        &store,
        &[
            "lampiran",
            "get",
            "KPKNL-PONTIANAK",
            "1b-CP",
            "2025-09",
            "-o",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(fs::read(out.join("ba-lelang.pdf")).unwrap(), pdf);
    let v = kinerja(&store, &["--lang", "en", "verify"]);
    ok(&v);

    // a flipped byte in the kept copy: the set is refused naming the file, nothing restored
    let mut bad = pdf.clone();
    bad[100] ^= 0x40;
    fs::write(&kept, &bad).unwrap();
    let id = sets
        .last()
        .unwrap()
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let o = on_round_day(&store, &["--lang", "en", "restore", &id, "--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains(&kept.display().to_string()),
        "{}",
        stderr(&o)
    );
    // the next set writes the copy whole again
    ok(&kinerja(&store, &["backup"]));
    assert_eq!(fs::read(&kept).unwrap(), pdf);
}
