//! `kinerja demo`: writes a deterministic kinerja/1 document that imports, quietly when stderr is
//! not a terminal; an unknown scale is a usage error.

use std::process::Command;

fn kinerja() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kinerja"));
    c.env_remove("KINERJA_STORE")
        .env("KINERJA_SERVE_IDLE", "0")
        .arg("--lang")
        .arg("en");
    c
}

#[test]
fn demo_writes_a_deterministic_document_that_imports() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let c = dir.path().join("c.json");
    for (file, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        let out = kinerja()
            .args([
                "demo", "--scale", "kanwil", "--seed", seed, "--year", "2026", "-o",
            ])
            .arg(file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains('\r') && !err.contains('\x1b'),
            "no bar off a terminal: {err:?}"
        );
        assert!(err.contains("written to"), "{err}");
        assert!(
            err.contains("strategic initiatives") && err.contains("budget lines"),
            "the plans are counted: {err}"
        );
    }
    let (ta, tb, tc) = (
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap(),
        std::fs::read_to_string(&c).unwrap(),
    );
    assert_eq!(ta, tb, "same seed, same document");
    assert_ne!(ta, tc, "another seed, another document");
    let ds = kinerja::interchange::json::import_document(&ta).expect("valid kinerja/1");
    assert_eq!(ds.year, 2026);
    let store = dir.path().join("s.store");
    let out = kinerja()
        .arg("--store")
        .arg(&store)
        .arg("import")
        .arg(&a)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{} units", ds.units.len())));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\r'));
    // the plans came along: every unit's IS and budget lines are in the store
    let plans = kinerja::interchange::json::import_plans(&ta, &ds).expect("the plan section");
    assert_eq!(plans.len(), ds.units.len());
    for (what, first) in [("inisiatif", "IS-01"), ("anggaran", "015.")] {
        let out = kinerja()
            .arg("--store")
            .arg(&store)
            .args([what, "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{what}: {out:?}");
        let listed = String::from_utf8_lossy(&out.stdout);
        for unit in ds.units.keys() {
            assert!(
                listed
                    .lines()
                    .any(|l| l.starts_with(&format!("{unit}  {first}"))),
                "{what} of {unit}:\n{listed}"
            );
        }
    }
}

#[test]
fn unknown_scale_is_a_usage_error_and_help_has_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let out = kinerja()
        .args(["demo", "--scale", "eselon", "-o"])
        .arg(dir.path().join("x.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kanwil | ministry"));
    assert!(!dir.path().join("x.json").exists());
    let help = kinerja().args(["demo", "--help"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("kinerja demo --scale ministry -o m.json")
    );
}
