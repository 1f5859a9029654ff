//! `kinerja lampiran add|list|get|remove` (issue 15, DOMAIN.md §11): evidence kept inside the
//! store under its SHA-256, once; attached and detached through the change type (audited,
//! refused in a closed month); limits per file from the rulebook; bounded reads of regular
//! files only; `get` never overwrites; `verify` names a tampered file.

use std::path::Path;

use serde_json::Value;

use crate::support::cli_support::{command, me, stderr, stdout, wait_server_gone};
use crate::support::raw_sled;
use crate::support::server_support::sample_store;

pub const U: &str = "KPKNL-PONTIANAK";

pub fn run(store: &Path, args: &[&str]) -> std::process::Output {
    command(store, args)
        .env("KINERJA_TODAY", "2025-10-01")
        .output()
        .unwrap()
}

pub fn ok(store: &Path, args: &[&str]) -> String {
    let o = run(store, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

pub fn refused(store: &Path, args: &[&str]) -> String {
    let o = run(store, args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

pub fn sha256(bytes: &[u8]) -> String {
    kinerja::store::sha256_hex(bytes)
}

pub fn listed(store: &Path, iku: &str, month: &str) -> Vec<Value> {
    let out = ok(
        store,
        &["lampiran", "list", U, iku, month, "--format", "json"],
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    v["evidence"].as_array().unwrap().clone()
}

/// Files with these names and contents in a new directory under `home`.
pub fn files(home: &Path, dir: &str, list: &[(&str, &[u8])]) -> Vec<String> {
    let d = home.join(dir);
    std::fs::create_dir_all(&d).unwrap();
    list.iter()
        .map(|(n, b)| {
            let p = d.join(n);
            std::fs::write(&p, b).unwrap();
            p.to_str().unwrap().to_string()
        })
        .collect()
}

fn lampiran_findings(store: &Path) -> usize {
    let v: Value =
        serde_json::from_str(&ok(store, &["check", "--unit", U, "--format", "json"])).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "LAMPIRAN" && f["iku"] == "1b-CP" && f["month"] == 9)
        .count()
}

#[test]
fn evidence_is_attached_listed_fetched_and_detached_kept_once_and_audited() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let pdf: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
    let f = files(
        home.path(),
        "in",
        &[("ba-lelang.pdf", &pdf), ("foto.jpg", b"\xff\xd8\xff foto")],
    );
    assert_eq!(lampiran_findings(&store), 1);
    let out = ok(
        &store,
        &["lampiran", "add", U, "1b-CP", "2025-09", &f[0], &f[1]],
    );
    assert!(out.contains("2 berkas dilampirkan"), "{out}");
    assert!(out.contains(&sha256(&pdf)), "{out}");
    let l = listed(&store, "1b-CP", "2025-09");
    assert_eq!(l.len(), 2);
    assert_eq!(l[0]["name"], "ba-lelang.pdf");
    assert_eq!(l[0]["size"], 5000);
    assert_eq!(l[0]["sha256"], sha256(&pdf));
    assert_eq!(lampiran_findings(&store), 0);
    // sizes for a person in the locale
    let text = ok(&store, &["lampiran", "list", U, "1b-CP", "2025-09"]);
    assert!(text.contains("ba-lelang.pdf  5.000 B  sha256"), "{text}");
    let text = ok(
        &store,
        &["--lang", "en", "lampiran", "list", U, "1b-CP", "2025-09"],
    );
    assert!(text.contains("ba-lelang.pdf  5,000 B  sha256"), "{text}");
    // the same bytes under another name and month are kept once
    let g = files(home.path(), "in2", &[("salinan.pdf", &pdf)]);
    let out = ok(&store, &["lampiran", "add", U, "1b-CP", "2025-08", &g[0]]);
    assert!(out.contains("disimpan sekali"), "{out}");
    // get: the files under their own names, byte-identical
    let dir = home.path().join("unduh");
    let out = ok(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(out.contains("ba-lelang.pdf"), "{out}");
    assert_eq!(std::fs::read(dir.join("ba-lelang.pdf")).unwrap(), pdf);
    assert_eq!(
        std::fs::read(dir.join("foto.jpg")).unwrap(),
        b"\xff\xd8\xff foto"
    );
    // never overwriting: one of the two exists, so neither is written
    std::fs::remove_file(dir.join("ba-lelang.pdf")).unwrap();
    std::fs::write(dir.join("foto.jpg"), b"milik saya").unwrap();
    let why = refused(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(
        why.contains("foto.jpg") && why.contains("tidak ada yang ditimpa"),
        "{why}"
    );
    assert_eq!(std::fs::read(dir.join("foto.jpg")).unwrap(), b"milik saya");
    assert!(!dir.join("ba-lelang.pdf").exists());
    // one file by name
    ok(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
            "ba-lelang.pdf",
        ],
    );
    assert_eq!(std::fs::read(dir.join("ba-lelang.pdf")).unwrap(), pdf);
    let why = refused(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
            "nope.pdf",
        ],
    );
    assert!(why.contains("nope.pdf"), "{why}");
    // remove: audited with who and what, never silently; an unknown name is refused
    ok(
        &store,
        &["lampiran", "remove", U, "1b-CP", "2025-09", "foto.jpg"],
    );
    let l = listed(&store, "1b-CP", "2025-09");
    assert_eq!(l.len(), 1);
    let log = ok(&store, &["log", "--unit", U]);
    let first = log.lines().next().unwrap();
    assert!(
        first.contains("lampiran 1b-CP 2025-09")
            && first.contains("foto.jpg")
            && first.contains(&me()),
        "{log}"
    );
    let why = refused(
        &store,
        &["lampiran", "remove", U, "1b-CP", "2025-09", "foto.jpg"],
    );
    assert!(why.contains("foto.jpg"), "{why}");
    // the store is sound
    ok(&store, &["verify"]);
}

#[test]
fn evidence_is_refused_in_a_closed_month_beyond_the_limit_and_from_anything_but_a_file() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let f = files(
        home.path(),
        "in",
        &[("ba.txt", b"berita acara"), ("besar.bin", &[7u8; 300])],
    );
    // a rulebook of the user's with a small limit per file
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/rulebooks/kmk-300-2022.toml"
    ))
    .unwrap()
    .replace(
        "evidence_max_file_bytes = 20971520",
        "evidence_max_file_bytes = 100",
    );
    let rb = home.path().join("kecil.toml");
    std::fs::write(&rb, text).unwrap();
    let why = refused(
        &store,
        &[
            "--rules",
            rb.to_str().unwrap(),
            "lampiran",
            "add",
            U,
            "1b-CP",
            "2025-09",
            &f[0],
            &f[1],
        ],
    );
    assert!(
        why.contains("besar.bin") && why.contains("300") && why.contains("evidence_max_file_bytes"),
        "{why}"
    );
    // whole or nothing: the small file was not attached either
    assert!(listed(&store, "1b-CP", "2025-09").is_empty());
    // a device, a directory, a FIFO: refused before reading
    for bad in ["/dev/zero", home.path().join("in").to_str().unwrap()] {
        let why = refused(&store, &["lampiran", "add", U, "1b-CP", "2025-09", bad]);
        assert!(why.contains("bukan berkas biasa"), "{bad}: {why}");
    }
    let fifo = home.path().join("pipa");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let why = refused(
        &store,
        &[
            "lampiran",
            "add",
            U,
            "1b-CP",
            "2025-09",
            fifo.to_str().unwrap(),
        ],
    );
    assert!(why.contains("bukan berkas biasa"), "{why}");
    // two files of one name
    let g = files(home.path(), "lain", &[("ba.txt", b"lain")]);
    let o = run(
        &store,
        &["lampiran", "add", U, "1b-CP", "2025-09", &f[0], &g[0]],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // a month that is not a reporting month of the IKU
    let why = refused(&store, &["lampiran", "add", U, "1a-CP", "2025-04", &f[0]]);
    assert!(why.contains("bukan bulan pelaporan"), "{why}");
    // closed: adding and removing are refused to everyone; listing and getting are not
    ok(&store, &["lampiran", "add", U, "1b-CP", "2025-09", &f[0]]);
    for step in ["submit", "validate", "close"] {
        ok(&store, &[step, U, "2025-09"]);
    }
    let why = refused(&store, &["lampiran", "add", U, "1b-CP", "2025-09", &f[1]]);
    assert!(why.contains("ditetapkan"), "{why}");
    let why = refused(
        &store,
        &["lampiran", "remove", U, "1b-CP", "2025-09", "ba.txt"],
    );
    assert!(why.contains("ditetapkan"), "{why}");
    assert_eq!(listed(&store, "1b-CP", "2025-09").len(), 1);
    let dir = home.path().join("keluar");
    ok(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read(dir.join("ba.txt")).unwrap(), b"berita acara");
}

#[test]
fn only_an_operator_of_the_unit_or_above_may_attach_evidence() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    let f = files(home.path(), "in", &[("ba.txt", b"berita acara")]);
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(&store, &["access", "grant", &me, "operator", "--unit", U]);
    ok(&store, &["access", "revoke", &me, "admin"]);
    ok(&store, &["lampiran", "add", U, "1b-CP", "2025-09", &f[0]]);
    let why = refused(
        &store,
        &[
            "lampiran",
            "add",
            "KPKNL-SINGKAWANG",
            "1b-CP",
            "2025-09",
            &f[0],
        ],
    );
    assert!(
        why.contains("operator") && why.contains("KPKNL-SINGKAWANG"),
        "{why}"
    );
}

/// Replaces the bytes kept under `sha` in the closed store's evidence tree, keeping the
/// layout (a version, then the bytes): what a disk error or a hand in the files would do.
pub fn tamper(store: &Path, sha: &str, bytes: &[u8]) {
    wait_server_gone(store);
    let db = raw_sled::open(store);
    let tree = db.open_tree("evidence").unwrap();
    let mut v = tree
        .get(sha.as_bytes())
        .unwrap()
        .expect("the evidence is kept")
        .to_vec();
    v.truncate(2);
    v.extend_from_slice(bytes);
    tree.insert(sha.as_bytes(), v).unwrap();
    db.flush().unwrap();
}

#[test]
fn verify_names_a_tampered_evidence_file_and_get_refuses_it() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let f = files(
        home.path(),
        "in",
        &[("ba.txt", b"berita acara"), ("foto.jpg", b"foto")],
    );
    ok(
        &store,
        &["lampiran", "add", U, "1b-CP", "2025-09", &f[0], &f[1]],
    );
    ok(&store, &["verify"]);
    let sha = sha256(b"berita acara");
    tamper(&store, &sha, b"berita acarA");
    let o = run(&store, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("evidence/{sha}")), "{out}");
    assert!(out.contains(&sha256(b"berita acarA")), "{out}");
    assert!(
        !out.contains(&sha256(b"foto")),
        "only the tampered one: {out}"
    );
    let dir = home.path().join("keluar");
    let why = refused(
        &store,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(why.contains("SHA-256"), "{why}");
    assert!(
        !dir.join("foto.jpg").exists(),
        "nothing written when one file is bad"
    );
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_str().unwrap().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn evidence_round_trips_through_a_bundle_into_a_fresh_store_byte_identical() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let pdf: Vec<u8> = (0..70_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let f = files(
        home.path(),
        "in",
        &[("ba lelang.pdf", &pdf), ("catatan.txt", b"ok\n")],
    );
    ok(
        &store,
        &["lampiran", "add", U, "1b-CP", "2025-09", &f[0], &f[1]],
    );
    ok(&store, &["lampiran", "add", U, "1a-CP", "2025-09", &f[0]]);
    ok(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--isu",
            "Lelang tertunda",
            "--batas",
            "2025-04-30",
        ],
    );
    ok(&store, &["submit", U, "2025-08"]);
    ok(&store, &["return", U, "2025-08", "--reason", "Lengkapi BA"]);
    let bundle = home.path().join("bundel");
    ok(
        &store,
        &["export", "--with-evidence", "-o", bundle.to_str().unwrap()],
    );
    let files_in = tree(&bundle);
    // the document and each content once, under its SHA-256
    let keys: Vec<&str> = files_in.keys().map(String::as_str).collect();
    let mut want = [
        "kinerja.json".to_string(),
        format!("evidence/{}", sha256(&pdf)),
        format!("evidence/{}", sha256(b"ok\n")),
    ];
    want.sort();
    assert_eq!(keys, want.iter().map(String::as_str).collect::<Vec<_>>());
    // an existing target is never overwritten; a bundle needs -o
    let why = refused(
        &store,
        &["export", "--with-evidence", "-o", bundle.to_str().unwrap()],
    );
    assert!(why.contains("sudah ada"), "{why}");
    assert_eq!(
        run(&store, &["export", "--with-evidence"]).status.code(),
        Some(2)
    );

    // a fresh store takes it back
    let fresh = home.path().join("baru");
    ok(&fresh, &["import", bundle.to_str().unwrap()]);
    ok(&fresh, &["verify"]);
    let out = home.path().join("keluar");
    ok(
        &fresh,
        &[
            "lampiran",
            "get",
            U,
            "1b-CP",
            "2025-09",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let got = std::fs::read(out.join("ba lelang.pdf")).unwrap();
    assert_eq!(got, pdf);
    assert_eq!(sha256(&got), sha256(&pdf));
    assert_eq!(std::fs::read(out.join("catatan.txt")).unwrap(), b"ok\n");
    assert_eq!(
        listed(&fresh, "1b-CP", "2025-09"),
        listed(&store, "1b-CP", "2025-09")
    );
    let show = |s: &Path| {
        ok(
            s,
            &[
                "analisis", "show", U, "1a-CP", "2025-03", "--format", "json",
            ],
        )
    };
    assert_eq!(show(&fresh), show(&store));
    let due = |s: &Path| ok(s, &["due", "--unit", U, "--format", "json"]);
    assert_eq!(due(&fresh), due(&store), "the month states came along");
    // and out again: the same bundle, byte for byte
    let again = home.path().join("bundel2");
    ok(
        &fresh,
        &["export", "--with-evidence", "-o", again.to_str().unwrap()],
    );
    assert_eq!(tree(&again), files_in);

    // a tampered file of the fresh store is found by verify
    tamper(&fresh, &sha256(b"ok\n"), b"ko\n");
    let o = run(&fresh, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(&format!("evidence/{}", sha256(b"ok\n"))),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_tampered_or_incomplete_bundle_and_a_document_without_its_files_are_refused_whole() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let f = files(home.path(), "in", &[("ba.txt", b"berita acara")]);
    ok(&store, &["lampiran", "add", U, "1b-CP", "2025-09", &f[0]]);
    let bundle = home.path().join("bundel");
    ok(
        &store,
        &["export", "--with-evidence", "-o", bundle.to_str().unwrap()],
    );
    let blob = bundle.join("evidence").join(sha256(b"berita acara"));
    let fresh = home.path().join("baru");
    // a changed file: refused naming it, nothing imported
    std::fs::write(&blob, b"berita acarA").unwrap();
    let why = refused(&fresh, &["import", bundle.to_str().unwrap()]);
    assert!(
        why.contains(&sha256(b"berita acara")) && why.contains("SHA-256"),
        "{why}"
    );
    assert_ne!(
        run(&fresh, &["export"]).status.code(),
        Some(0),
        "no year was imported"
    );
    // a missing file, and a stray one
    std::fs::remove_file(&blob).unwrap();
    let why = refused(&fresh, &["import", bundle.to_str().unwrap()]);
    assert!(why.contains("tidak ada"), "{why}");
    std::fs::write(&blob, b"berita acara").unwrap();
    std::fs::write(bundle.join("evidence").join("lain"), b"x").unwrap();
    let why = refused(&fresh, &["import", bundle.to_str().unwrap()]);
    assert!(
        why.contains("lain") && why.contains("bukan bagian"),
        "{why}"
    );
    std::fs::remove_file(bundle.join("evidence").join("lain")).unwrap();
    // the document alone names evidence a fresh store does not hold: refused, saying how
    let doc = bundle.join("kinerja.json");
    let why = refused(&fresh, &["import", doc.to_str().unwrap()]);
    assert!(
        why.contains("ba.txt") && why.contains("--with-evidence"),
        "{why}"
    );
    // the whole bundle goes in
    ok(&fresh, &["import", bundle.to_str().unwrap()]);
    assert_eq!(listed(&fresh, "1b-CP", "2025-09").len(), 1);
    // and the document alone into the store that holds the files (a replace) is fine
    ok(&store, &["import", "--replace", doc.to_str().unwrap()]);
}
