//! The real `kinerja` binary, driven as a user would from a shell.

use crate::support::cli_support;

use cli_support::{kinerja, me, stderr, stdout};

use std::path::{Path, PathBuf};

const MINI: &str = "tests/data/mini-2025.json";

struct Fixture {
    _dir: tempfile::TempDir,
    store: PathBuf,
}

fn imported() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("t.store");
    let o = kinerja(&store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Fixture { _dir: dir, store }
}

fn export(store: &Path) -> String {
    let o = kinerja(store, &["export"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

fn report_json(store: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(extra);
    let o = kinerja(store, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn unit<'a>(report: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == code)
        .unwrap()
}

#[test]
fn report_json_has_the_documented_shape_and_exact_values() {
    let f = imported();
    // default period: the latest month every IKU has its realisasi (March: K-2 is monthly and
    // has nothing after March)
    let r = report_json(&f.store, &[]);
    assert_eq!(unit(&r, "K")["period"], "2025-03");
    assert_eq!(unit(&r, "K")["complete"], true);
    // June, asked for: the quarterly IKU's numbers, marked incomplete (K-2 waits for Apr–Jun)
    let r = report_json(&f.store, &["--period", "2025-06"]);
    let k = unit(&r, "K");
    assert_eq!(k["period"], "2025-06");
    assert_eq!(k["complete"], false);
    assert_eq!(
        k["missing"],
        serde_json::json!([
            {"unit": "K", "iku": "K-2", "month": 4},
            {"unit": "K", "iku": "K-2", "month": 5},
            {"unit": "K", "iku": "K-2", "month": 6}
        ])
    );
    assert_eq!(k["level"], "two");
    assert_eq!(k["rulebook"], "kmk-300-2022");
    assert_eq!(k["nko"], "102.27");
    assert_eq!(k["predikat"], "Sangat Baik");
    let k1 = k["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "K-1")
        .unwrap();
    assert_eq!(k1["target"], "220", "rolled up from A and B");
    assert_eq!(k1["realisasi"], "225");
    assert_eq!(k1["capaian"], "102.27");
    assert_eq!(k1["status"], "green");
    let k2 = k["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "K-2")
        .unwrap();
    assert!(
        k2["capaian"].is_null(),
        "April–June lack realisasi: not computable"
    );
    assert!(k2["status"].is_null());
    let persp = k["perspectives"].as_array().unwrap();
    assert_eq!(persp[0]["perspective"], "stakeholder");
    assert_eq!(persp[0]["weight"], "35");
    assert!(unit(&r, "W")["nko"].is_null(), "no IKU: NKO not computable");

    let r = report_json(&f.store, &["--period", "2025-03", "--unit", "K"]);
    assert_eq!(r.as_array().unwrap().len(), 1);
    assert_eq!(r[0]["nko"], "88.40");
    assert_eq!(r[0]["predikat"], "Cukup");
}

#[test]
fn report_table_md_and_csv_in_locale() {
    let f = imported();
    let o = kinerja(&f.store, &["report", "--unit", "K", "--period", "2025-06"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.contains("NKO 102,27*"), "{s}");
    assert!(
        s.contains("* belum lengkap: menunggu realisasi K/K-2 April"),
        "{s}"
    );
    assert!(s.contains("Sangat Baik"));
    let o = kinerja(
        &f.store,
        &[
            "--lang", "en", "report", "--unit", "K", "--format", "md", "--period", "2025-06",
        ],
    );
    let s = stdout(&o);
    assert!(s.starts_with("## K — Kanwil Uji"), "{s}");
    assert!(s.contains("| IKU"), "{s}");
    assert!(s.contains("NKO 102.27"), "{s}");
    let o = kinerja(
        &f.store,
        &[
            "report", "--format", "csv", "--unit", "K", "--period", "2025-06",
        ],
    );
    let s = stdout(&o);
    assert!(
        s.starts_with(
            "\u{feff}Unit;Nama unit;Level;Periode;Rulebook;NKO;Predikat;Perspektif;SS;Nama SS;IKU;Nama IKU;Target;Realisasi;Capaian;Status;Lengkap;Belum ada;IS rencana (%);IS realisasi (%);Pagu (Rp);Realisasi anggaran (Rp);Rencana penyerapan (%);Penyerapan (%)\n"
        ),
        "{s}"
    );
    assert!(s.contains(";102,27;Sangat Baik;"), "{s}");
    assert!(s.contains(";K-1;"), "{s}");
    // June: K-2 has no realisasi yet, so the unit's numbers are incomplete and say which;
    // without IS or budget lines their cells are empty
    assert!(
        s.contains(";220;225;102,27;hijau;tidak;K/K-2/04, K/K-2/05, K/K-2/06;;;;;;\n"),
        "{s}"
    );
}

#[test]
fn set_is_stored_audited_and_changes_the_rollup() {
    let f = imported();
    let o = kinerja(&f.store, &["set", "A", "A-1", "2025-09", "45,5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Tersimpan"), "{}", stdout(&o));
    let o = kinerja(&f.store, &["set", "B", "B-1", "2025-09", "60"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report_json(&f.store, &["--unit", "K", "--period", "2025-09"]);
    assert_eq!(r[0]["period"], "2025-09");
    let k1 = &r[0]["iku"][0];
    assert_eq!(k1["realisasi"], "330.5");
    assert_eq!(k1["target"], "320");
    let log = stdout(&kinerja(&f.store, &["log"]));
    let first = log.lines().next().unwrap();
    assert!(
        first.contains(&me()) && first.contains("set") && first.contains("B-1"),
        "{log}"
    );
    // values in the locale
    assert!(log.contains("45,5"), "{log}");
    let log_a = stdout(&kinerja(&f.store, &["log", "--unit", "A"]));
    assert!(log_a.contains("A-1") && !log_a.contains("B-1"), "{log_a}");

    let o = kinerja(&f.store, &["set", "A", "A-1", "2025-09", "--clear"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report_json(&f.store, &["--unit", "K", "--period", "2025-09"]);
    assert!(
        r[0]["iku"][0]["realisasi"].is_null(),
        "partial roll-up is never shown as complete"
    );
}

#[test]
fn set_refuses_bad_input_and_changes_nothing() {
    let f = imported();
    let before = export(&f.store);
    for (args, needle) in [
        (vec!["set", "A", "A-1", "2025-08", "5"], "Maret, Juni"),
        (vec!["set", "A", "NOPE", "2025-09", "5"], "NOPE"),
        (vec!["set", "Z", "A-1", "2025-09", "5"], "\"Z\""),
        (vec!["set", "A", "A-1", "2025-09", "12x"], "12x"),
        (vec!["set", "A", "A-1", "2025-09", "1.234"], "1234"),
        (vec!["set", "K", "K-1", "2025-09", "5"], "K/K-1"),
        (vec!["set", "A", "A-1", "2024-09", "5"], "2024"),
    ] {
        let o = kinerja(&f.store, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(
            !stderr(&o).contains("Error {"),
            "no Debug dump: {}",
            stderr(&o)
        );
    }
    assert_eq!(export(&f.store), before);
    let o = kinerja(&f.store, &["set", "A", "A-1", "2025-9", "5"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a malformed month is a usage error"
    );
    let o = kinerja(&f.store, &["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn import_refuses_bad_documents_with_paths_and_keeps_the_store() {
    let f = imported();
    let before = export(&f.store);
    let bad = std::fs::read_to_string(MINI)
        .unwrap()
        .replace("\"44\"", "\"4,4\"")
        .replace("\"two\"", "\"dua\"");
    let path = f.store.parent().unwrap().join("bad.json");
    std::fs::write(&path, bad).unwrap();
    let o = kinerja(&f.store, &["import", "--replace", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("iku[2].realisasi[2]"), "{e}");
    assert!(e.contains("units[1].level"), "{e}");
    assert_eq!(export(&f.store), before);
    // the same year again without --replace is refused, with --replace accepted
    let o = kinerja(&f.store, &["import", MINI]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(export(&f.store), before);
    let o = kinerja(&f.store, &["import", "--replace", MINI]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kinerja(&f.store, &["import", "/nonexistent/x.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/x.json"));
}

#[test]
fn export_import_export_is_byte_identical_and_import_is_logged() {
    let f = imported();
    let first = export(&f.store);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.json");
    let o = kinerja(&f.store, &["export", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);
    let other = dir.path().join("other.store");
    let o = kinerja(&other, &["import", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(export(&other), first);
    let log = stdout(&kinerja(&other, &["log"]));
    assert!(log.contains("import"), "{log}");
    assert!(
        log.contains("A-1"),
        "every imported IKU is in the log: {log}"
    );
}

#[test]
fn realisasi_sheet_applies_all_or_nothing() {
    let f = imported();
    let dir = f.store.parent().unwrap();
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        "unit;iku;month;realisasi\nA;A-1;2025-09;1.234,5\nB;B-1;2025-09;60\nK;K-2;2025-04;\n",
    )
    .unwrap();
    // 1.234,5 against targets of 50 is far outside the trajectory: stored with --force
    let o = kinerja(
        &f.store,
        &["import-realisasi", good.to_str().unwrap(), "--force"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report_json(&f.store, &["--unit", "A", "--period", "2025-09"]);
    assert_eq!(r[0]["iku"][0]["realisasi"], "1328.5");
    let log = stdout(&kinerja(&f.store, &["log"]));
    assert!(log.contains("import-realisasi"), "{log}");

    let before = export(&f.store);
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "unit,iku,month,realisasi\nA,A-1,2025-12,5\nA,A-1,2025-08,5\nQ,A-1,2025-09,5\nB,B-1,2025-12,x\n").unwrap();
    let o = kinerja(&f.store, &["import-realisasi", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    for line in ["3", "4", "5"] {
        assert!(e.contains(line), "line {line} listed: {e}");
    }
    assert_eq!(export(&f.store), before, "nothing written");
}

#[test]
fn a_second_process_gets_a_friendly_lock_message() {
    let f = imported();
    let held = kinerja::store::Store::open(&f.store).expect("open in this process");
    let o = kinerja(&f.store, &["report"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains(f.store.to_str().unwrap()),
        "names the store: {e}"
    );
    assert!(!e.contains("could not acquire lock"), "{e}");
    assert!(!e.contains("Os {") && !e.contains("Error {"), "{e}");
    assert_eq!(e.trim().lines().count(), 1, "one sentence: {e}");
    drop(held);
    let o = kinerja(&f.store, &["report"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    for sub in [
        "import",
        "export",
        "import-realisasi",
        "set",
        "report",
        "log",
    ] {
        let o = kinerja(&store, &[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub}");
        assert!(stdout(&o).contains("Contoh"), "{sub}: {}", stdout(&o));
    }
}

/// One refused document per error kind of INTERCHANGE.md §1, through the real binary: the
/// message names the JSON path and the store is unchanged.
#[test]
fn every_import_error_kind_names_its_path_and_changes_nothing() {
    use serde_json::{Value, json};
    let f = imported();
    let before = export(&f.store);
    let base: Value = serde_json::from_str(&std::fs::read_to_string(MINI).unwrap()).unwrap();
    type Mutation = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "unknown field",
            Box::new(|d| d["iku"][0]["colour"] = json!("red")),
            "iku[0].colour",
        ),
        (
            "unknown enum value",
            Box::new(|d| d["iku"][1]["polarity"] = json!("maximise")),
            "iku[1].polarity",
        ),
        (
            "month array length",
            Box::new(|d| {
                d["iku"][1]["targets"]
                    .as_array_mut()
                    .unwrap()
                    .pop()
                    .map(|_| ())
                    .unwrap()
            }),
            "iku[1].targets",
        ),
        (
            "duplicate code",
            Box::new(|d| {
                let u = d["units"][3].clone();
                d["units"].as_array_mut().unwrap().push(u)
            }),
            "units[4]",
        ),
        (
            "dangling parent",
            Box::new(|d| d["units"][2]["parent"] = json!("NOPE")),
            "units[2].parent",
        ),
        (
            "dangling ss",
            Box::new(|d| d["iku"][2]["ss"] = json!("S9")),
            "iku[2].ss",
        ),
        (
            "dangling cascade.from",
            Box::new(|d| d["iku"][2]["cascade"]["from"]["code"] = json!("K-9")),
            "iku[2].cascade.from",
        ),
        (
            "cycle",
            Box::new(|d| d["units"][0]["parent"] = json!("A")),
            "units",
        ),
        (
            "malformed decimal",
            Box::new(|d| d["iku"][2]["realisasi"][2] = json!("4,4")),
            "iku[2].realisasi[2]",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (kind, mutate, path) in cases {
        let mut doc = base.clone();
        mutate(&mut doc);
        let file = dir.path().join("bad.json");
        std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let o = kinerja(&f.store, &["import", "--replace", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{kind}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(path),
            "{kind}: expected {path} in\n{}",
            stderr(&o)
        );
        assert_eq!(export(&f.store), before, "{kind}: store unchanged");
    }
}

#[test]
fn a_bad_keymap_stops_start_up_naming_file_line_and_problem() {
    let f = imported();
    let km = f.store.parent().unwrap().join("km.toml");
    std::fs::write(
        &km,
        "[tree]\n\"j\" = { action = \"dwon\", desc = \"Turun\" }\n",
    )
    .unwrap();
    let o = kinerja(&f.store, &["--keymap", km.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("km.toml:2"), "file and line: {e}");
    assert!(e.contains("dwon"), "the problem: {e}");
}

#[test]
fn the_readme_keymap_example_is_a_valid_user_keymap() {
    let f = imported();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("```toml\n[tree]")
        .expect("README has a keymap example")
        + "```toml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let cfg = f.store.parent().unwrap().join("xdg-config/kinerja");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("keymap.toml"), example).unwrap();
    let o = kinerja(&f.store, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(
        cfg.join("keymap.toml"),
        example.replace("next-period", "next-perod"),
    )
    .unwrap();
    let o = kinerja(&f.store, &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the user file is read: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("keymap.toml:2"), "{}", stderr(&o));
}
