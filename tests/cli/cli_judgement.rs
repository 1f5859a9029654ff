//! The regulation's judgement from the command line: `check`, `addendum`, `pk history`,
//! `rules`, and the K3 / `--compare-rulebook` parts of `report`, driven as a user would.

use crate::support::cli_support;

use cli_support::{kinerja, stderr, stdout};

use std::path::{Path, PathBuf};

use serde_json::Value;

const KALBAR: &str = "fixtures/kalbar-2025.json";
const MINI: &str = "tests/data/mini-2025.json";
const K3_EXAMPLE: &str = "tests/data/k3-example.json";

struct Fixture {
    dir: tempfile::TempDir,
    store: PathBuf,
}

fn imported(doc: &str) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("t.store");
    let o = kinerja(&store, &["import", doc]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Fixture { dir, store }
}

fn ok(store: &Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn json(store: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(store, args)).unwrap()
}

fn export(store: &Path) -> String {
    ok(store, &["export"])
}

fn unit<'a>(report: &'a Value, code: &str) -> &'a Value {
    report
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == code)
        .unwrap_or_else(|| panic!("no unit {code}"))
}

fn item<'a>(list: &'a Value, code: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == code)
        .unwrap_or_else(|| panic!("no {code}"))
}

// --- check -----------------------------------------------------------------------------------

/// The ids of the round's findings (`rules::check_round`): a sample without analyses and
/// evidence, counted from today's date, has them; the rule checks are tested without them.
const ROUND_IDS: [&str; 3] = ["ANALISIS", "LAMPIRAN", "TENGGAT"];

fn without_round(findings: Value) -> Value {
    Value::Array(
        findings
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| !ROUND_IDS.contains(&f["id"].as_str().unwrap()))
            .cloned()
            .collect(),
    )
}

#[test]
fn check_passes_the_sample_with_no_error_and_no_unjustified_warning() {
    let f = imported(KALBAR);
    let o = kinerja(&f.store, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let findings = without_round(serde_json::from_str(&stdout(&o)).unwrap());
    // fixtures/README.md: no errors and no warnings, also after the October sheet (but the
    // round's: the sample has no analysis nor evidence, and its months are overdue).
    assert_eq!(findings, Value::Array(vec![]), "{findings:#}");
    ok(
        &f.store,
        &["import-realisasi", "fixtures/realisasi-oktober.csv"],
    );
    // October rests on the sheet's units only: DJKN's two monthly IKU wait for October
    let o = kinerja(&f.store, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let findings = without_round(serde_json::from_str(&stdout(&o)).unwrap());
    let got: Vec<(&str, &str, &str, u64)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap(),
                f["unit"].as_str().unwrap(),
                f["iku"].as_str().unwrap(),
                f["month"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("COMPLETE", "DJKN", "1b-N", 10),
            ("COMPLETE", "DJKN", "3b-N", 10)
        ]
    );
    let o = kinerja(&f.store, &["check", "--period", "2025-09"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let ids: std::collections::BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert!(
        ids.iter().all(|id| ROUND_IDS.contains(id)),
        "{ids:?}\n{text}"
    );
    // Under the successor rulebook too.
    let o = kinerja(
        &f.store,
        &["check", "--rules", "src/rulebooks/kmk-127-2026.toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_lists_errors_as_json_and_text_and_exits_1() {
    let f = imported(MINI);
    let o = kinerja(&f.store, &["check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "errors present");
    let findings: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = findings.as_array().unwrap();
    let r01: Vec<&Value> = list.iter().filter(|f| f["id"] == "R01").collect();
    assert_eq!(r01.len(), 3, "A, B (1 IKU) and K (2 IKU): {findings:#}");
    let k = r01.iter().find(|f| f["unit"] == "K").unwrap();
    assert_eq!(k["severity"], "error");
    assert!(k["ss"].is_null() && k["iku"].is_null() && k["month"].is_null());
    assert!(k["message"].as_str().unwrap().contains("10–20"));
    // the reason as data: its code and arguments
    assert_eq!(k["reason"]["code"], "iku_count");
    assert_eq!(k["reason"]["args"]["min"], 10);
    assert_eq!(k["reason"]["args"]["max"], 20);
    // Every finding has the eight keys.
    for f in list {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "id", "severity", "unit", "ss", "iku", "month", "reason", "message"
            ]
        );
    }
    let k3 = list
        .iter()
        .find(|f| f["id"] == "K3" && f["iku"] == "K-2")
        .unwrap();
    assert_eq!(k3["severity"], "warning");
    assert_eq!(k3["ss"], "S2");

    // --unit keeps the others out; text is grouped by unit with a summary, in the language.
    // (March: the latest month every IKU has its realisasi, so no COMPLETE warning)
    let o = kinerja(&f.store, &["check", "--unit", "K", "--period", "2025-03"]);
    assert_eq!(o.status.code(), Some(1));
    let s = stdout(&o);
    assert!(s.starts_with("K — Kanwil Uji\n"), "{s}");
    assert!(s.contains("  R01 galat: UPK K"), "{s}");
    assert!(s.contains("K3 peringatan [SS S2, IKU K-2]"), "{s}");
    assert!(!s.contains("UPK A"), "{s}");
    // two warnings of the rules, and the round's (counted from today's date)
    let round = |s: &str| {
        s.lines()
            .filter(|l| {
                ROUND_IDS
                    .iter()
                    .any(|id| l.starts_with(&format!("  {id} ")))
            })
            .count()
    };
    assert!(
        s.contains(&format!("1 galat, {} peringatan", 2 + round(&s))),
        "{s}"
    );
    let o = kinerja(
        &f.store,
        &[
            "--lang", "en", "check", "--unit", "K", "--period", "2025-03",
        ],
    );
    let s = stdout(&o);
    assert!(s.contains("R01 error: UPK K"), "{s}");
    assert!(
        s.contains(&format!("1 error(s), {} warning(s)", 2 + round(&s))),
        "{s}"
    );

    let o = kinerja(&f.store, &["check", "--unit", "NOPE"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("NOPE"));
}

#[test]
fn check_exits_0_when_only_warnings_remain() {
    // The §8 example has a level-three unit with 4 IKU: R01 is an error under kmk-300-2022;
    // with a rulebook that makes R01 a warning, only warnings remain and check passes.
    let f = imported(K3_EXAMPLE);
    let o = kinerja(&f.store, &["check", "--unit", "U"]);
    assert_eq!(o.status.code(), Some(1));
    let text = std::fs::read_to_string("src/rulebooks/kmk-300-2022.toml")
        .unwrap()
        .replace("R01 = \"error\"", "R01 = \"warning\"");
    assert!(text.contains("R01 = \"warning\""));
    let rules = f.dir.path().join("lenient.toml");
    std::fs::write(&rules, text).unwrap();
    let o = kinerja(
        &f.store,
        &[
            "check",
            "--unit",
            "U",
            "--format",
            "json",
            "--rules",
            rules.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let findings: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "R01" && f["severity"] == "warning")
    );
}

// --- addendum ----------------------------------------------------------------------------------

#[test]
fn an_addendum_touching_a_frozen_month_is_refused_and_changes_nothing() {
    let f = imported(KALBAR);
    let before = export(&f.store);
    let log_before = ok(&f.store, &["log"]);
    // June of 6b-N already has realisasi (82.5): R10. The other --set alone would be fine.
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--set",
            "6b-N:6=81",
            "--set",
            "6b-N:2025-12=100",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("ditolak: 1 masalah"), "{e}");
    assert!(e.contains("R10"), "{e}");
    assert!(e.contains("6b-N") && e.contains("Juni"), "{e}");
    assert_eq!(export(&f.store), before, "store unchanged");
    assert_eq!(ok(&f.store, &["log"]), log_before, "nothing audited");

    // Every problem at once: frozen month, unknown IKU, unreadable --set, empty reason.
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            " ",
            "--date",
            "2025-10-20",
            "--set",
            "6b-N:6=81",
            "--set",
            "ZZ:12=1",
            "--set",
            "6b-N=1",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("4 masalah"), "{e}");
    assert!(e.contains("R10") && e.contains("ZZ") && e.contains("--set \"6b-N=1\""));
    assert!(e.contains("alasan"), "{e}");
    assert_eq!(export(&f.store), before);
}

#[test]
fn a_valid_addendum_is_in_history_log_export_and_report() {
    let f = imported(KALBAR);
    let k3_before = {
        let r = json(
            &f.store,
            &["report", "--format", "json", "--unit", "KANWIL-KALBAR"],
        );
        item(&r[0]["k3"]["iku"], "6b-N").clone()
    };
    assert_eq!(k3_before["target_points"], "3", "95 / 90 = 1.0556");
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "Tindak lanjut rekomendasi dipercepat",
            "--date",
            "2025-10-20",
            "--set",
            "6b-N:12=100",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("versi 2"), "{s}");
    assert!(s.contains("6b-N  target Desember  95 → 100"), "{s}");

    // pk history: versions 0..2 with their diffs.
    let h = ok(&f.store, &["pk", "history", "KANWIL-KALBAR"]);
    assert!(h.contains("versi terakhir 2"), "{h}");
    assert!(h.contains("Versi 0: PK awal"), "{h}");
    assert!(h.contains("Versi 1 · 2025-07-15"), "{h}");
    assert!(h.contains("1c-N  target Desember  2,2 → 3,4"), "{h}");
    assert!(
        h.contains("Versi 2 · 2025-10-20 · Tindak lanjut rekomendasi dipercepat"),
        "{h}"
    );
    assert!(h.contains("6b-N  target Desember  95 → 100"), "{h}");
    let h = ok(
        &f.store,
        &["--lang", "en", "pk", "history", "KANWIL-KALBAR"],
    );
    assert!(h.contains("1c-N  target December  2.2 → 3.4"), "{h}");

    // log: the target and the addendum, by this user, source addendum.
    let log = ok(
        &f.store,
        &["log", "--unit", "KANWIL-KALBAR", "--limit", "2"],
    );
    assert!(log.contains("addendum v2"), "{log}");
    assert!(log.contains("target 6b-N 2025-12: 95 → 100"), "{log}");
    assert!(
        log.lines()
            .all(|l| l.contains(&cli_support::me()) && l.contains("addendum")),
        "{log}"
    );

    // export: the addenda array holds version 2 with the change.
    let doc: Value = serde_json::from_str(&export(&f.store)).unwrap();
    let v2 = doc["addenda"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["unit"] == "KANWIL-KALBAR" && a["version"] == 2)
        .expect("version 2 exported");
    assert_eq!(v2["date"], "2025-10-20");
    assert_eq!(v2["reason"], "Tindak lanjut rekomendasi dipercepat");
    assert_eq!(
        v2["changes"],
        serde_json::json!([{ "iku": "6b-N", "field": "targets", "month": 12, "old": "95", "new": "100" }])
    );

    // report: the target s.d. December and the K3 target points follow.
    let r = json(
        &f.store,
        &[
            "report",
            "--format",
            "json",
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "2025-12",
        ],
    );
    assert_eq!(item(&r[0]["iku"], "6b-N")["target"], "100");
    let k3_after = item(&r[0]["k3"]["iku"], "6b-N");
    assert_eq!(k3_after["target_points"], "5", "100 / 90 = 1.1111");
    assert!(
        k3_after["target_reason"]
            .as_str()
            .unwrap()
            .contains("1,1111")
    );

    // check still passes.
    assert_eq!(kinerja(&f.store, &["check"]).status.code(), Some(0));
}

#[test]
fn add_iku_and_remove_iku_in_one_addendum() {
    let f = imported(KALBAR);
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "Ganti IKU informasi publik dengan IKU pengaduan",
            "--date",
            "2025-10-20",
            "--add-iku",
            "tests/data/new-iku.json",
            "--remove-iku",
            "2b-N",
            "--set",
            "2c-N:12=92,5",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let h = ok(&f.store, &["pk", "history", "KANWIL-KALBAR"]);
    assert!(h.contains("2b-N  IKU dihapus"), "{h}");
    assert!(h.contains("2c-N  IKU ditambahkan"), "{h}");
    let doc: Value = serde_json::from_str(&export(&f.store)).unwrap();
    let iku = doc["iku"].as_array().unwrap();
    assert!(
        !iku.iter()
            .any(|i| i["unit"] == "KANWIL-KALBAR" && i["code"] == "2b-N")
    );
    let new = iku
        .iter()
        .find(|i| i["unit"] == "KANWIL-KALBAR" && i["code"] == "2c-N")
        .expect("added");
    assert_eq!(new["targets"][11], "92.5", "the --set is folded in");
    assert_eq!(new["new_iku"], true);
    let v2 = doc["addenda"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["unit"] == "KANWIL-KALBAR" && a["version"] == 2)
        .unwrap();
    assert_eq!(v2["changes"][0]["field"], "remove_iku");
    assert_eq!(v2["changes"][1]["field"], "add_iku");
    let log = ok(
        &f.store,
        &["log", "--unit", "KANWIL-KALBAR", "--limit", "3"],
    );
    assert!(
        log.contains("add IKU 2c-N") && log.contains("remove IKU 2b-N"),
        "{log}"
    );
    // export → import → export keeps the addendum.
    let file = f.dir.path().join("after.json");
    std::fs::write(&file, export(&f.store)).unwrap();
    let g = imported(file.to_str().unwrap());
    assert_eq!(export(&g.store), export(&f.store));
    // The new IKU is in the report with its K3 (new IKU: standard target points).
    let r = json(
        &f.store,
        &["report", "--format", "json", "--unit", "KANWIL-KALBAR"],
    );
    assert_eq!(item(&r[0]["k3"]["iku"], "2c-N")["target_points"], "3");
}

#[test]
fn a_bad_add_iku_file_is_refused_with_file_and_paths() {
    let f = imported(KALBAR);
    let before = export(&f.store);
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--add-iku",
            "tests/data/new-iku-bad.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("tests/data/new-iku-bad.json: iku[0].polarity"),
        "{e}"
    );
    assert!(
        e.contains("tests/data/new-iku-bad.json: iku[0].targets[11]"),
        "{e}"
    );
    assert_eq!(export(&f.store), before);
    // An IKU that exists already.
    let dup = f.dir.path().join("dup.json");
    std::fs::write(
        &dup,
        std::fs::read_to_string("tests/data/new-iku.json")
            .unwrap()
            .replace("2c-N", "2b-N"),
    )
    .unwrap();
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KANWIL-KALBAR",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--add-iku",
            dup.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2b-N"), "{}", stderr(&o));
    assert_eq!(export(&f.store), before);
}

#[test]
fn an_addendum_breaking_the_iku_limits_is_refused() {
    let f = imported(KALBAR);
    let before = export(&f.store);
    // KPKNL-SINGKAWANG has 10 IKU, the minimum of level three; 2b-N (annual) has no realisasi.
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KPKNL-SINGKAWANG",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--remove-iku",
            "2b-N",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("R01") && e.contains("9 IKU"), "{e}");
    assert_eq!(export(&f.store), before);
    // Removing one that already has realisasi is R10 as well.
    let o = kinerja(
        &f.store,
        &[
            "addendum",
            "KPKNL-SINGKAWANG",
            "--reason",
            "uji",
            "--date",
            "2025-10-20",
            "--remove-iku",
            "5b-N",
        ],
    );
    let e = stderr(&o);
    assert!(e.contains("R10") && e.contains("R01"), "{e}");
    assert_eq!(export(&f.store), before);
}

// --- rules -------------------------------------------------------------------------------------

#[test]
fn rules_list_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("none.store");
    let l = ok(&store, &["rules", "list"]);
    assert!(
        l.contains("kmk-300-2022") && l.contains("kmk-127-2026"),
        "{l}"
    );
    let s = ok(&store, &["rules", "show"]);
    assert_eq!(
        s,
        std::fs::read_to_string("src/rulebooks/kmk-300-2022.toml").unwrap()
    );
    assert!(!store.exists(), "showing a rulebook creates no store");
    let s = ok(&store, &["rules", "show", "kmk-127-2026"]);
    assert_eq!(
        s,
        std::fs::read_to_string("src/rulebooks/kmk-127-2026.toml").unwrap()
    );
    let o = kinerja(&store, &["rules", "show", "kmk-999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kmk-300-2022, kmk-127-2026"));

    // With a store: the dataset's rulebook.
    let doc = dir.path().join("mini-127.json");
    std::fs::write(
        &doc,
        std::fs::read_to_string(MINI)
            .unwrap()
            .replace("kmk-300-2022", "kmk-127-2026"),
    )
    .unwrap();
    let s2 = dir.path().join("s2");
    ok(&s2, &["import", doc.to_str().unwrap()]);
    assert!(ok(&s2, &["rules", "show"]).contains("name = \"kmk-127-2026\""));
}

#[test]
fn a_malformed_rulebook_is_refused_with_file_line_key_and_reason() {
    let f = imported(MINI);
    let bad = f.dir.path().join("bad.toml");
    let text = std::fs::read_to_string("src/rulebooks/kmk-300-2022.toml").unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("yellow_min"))
        .unwrap()
        + 1;
    std::fs::write(
        &bad,
        text.replace("yellow_min = \"80\"", "yellow_min = \"delapan\""),
    )
    .unwrap();
    let place = format!("{}:{line}", bad.display());
    let b = bad.to_str().unwrap();
    for args in [
        vec!["--rules", b, "report"],
        vec!["--rules", b, "check"],
        vec!["--rules", b, "rules", "show"],
        vec!["rules", "show", b],
        vec!["report", "--compare-rulebook", b],
    ] {
        let o = kinerja(&f.store, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(&place), "{args:?}: {e}");
        assert!(e.contains("capaian.yellow_min"), "{e}");
        assert!(e.contains("\"delapan\" is not a decimal"), "{e}");
    }
}

// --- report: K3 and compare --------------------------------------------------------------------

#[test]
fn report_json_k3_reproduces_the_worked_example_of_section_8() {
    let f = imported(K3_EXAMPLE);
    let r = json(&f.store, &["report", "--format", "json", "--unit", "U"]);
    let u = &r[0];
    assert_eq!(u["nko"], "104.00");
    let k3 = &u["k3"];
    assert_eq!(k3["iku_part"], "1.0250");
    assert_eq!(k3["target_part"], "0.9167");
    assert_eq!(k3["index"], "0.9817");
    assert_eq!(k3["nko_k3"], "102.09");
    let codes: Vec<&str> = k3["iku"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["P", "Q", "R", "S"]);
    let points: Vec<(&str, &str)> = k3["iku"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["iku_points"].as_str().unwrap(),
                i["target_points"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(points, [("10", "3"), ("11", "2"), ("11", "3"), ("9", "3")]);
    let q = item(&k3["iku"], "Q");
    assert!(q["iku_reason"].as_str().unwrap().contains("14"), "{q}");
    assert_eq!(q["capped_by_quota"], true);
    assert_eq!(k3["quota"]["capped"], serde_json::json!(["Q"]));
    for key in [
        "code",
        "iku_points",
        "iku_reason",
        "target_points",
        "target_reason",
    ] {
        assert!(q.get(key).is_some(), "{key}");
    }
    // W (wide, standard 12 points, no quota) holds Q0 only: not cascaded proxy-moderate 10
    // points, target 100 against 100 → 2: 0.6 × 10/12 + 0.4 × 2/3 = 0.7667; NKO 104 → 79.73.
    let w = json(&f.store, &["report", "--format", "json", "--unit", "W"]);
    assert_eq!(w[0]["k3"]["index"], "0.7667");
    assert_eq!(w[0]["k3"]["nko_k3"], "79.73");
    assert!(w[0]["k3"]["quota"].is_null());
}

#[test]
fn report_k3_is_null_where_not_computable() {
    let f = imported(MINI);
    let r = json(&f.store, &["report", "--format", "json"]);
    let w = &unit(&r, "W")["k3"];
    for key in ["iku_part", "target_part", "index", "nko_k3"] {
        assert!(w[key].is_null(), "{key}: {w}");
    }
    assert_eq!(w["iku"], serde_json::json!([]));
    // K has an NKO (102.27) and so an NKO K3.
    let k = &unit(&r, "K")["k3"];
    assert!(k["index"].is_string() && k["nko_k3"].is_string(), "{k}");
}

#[test]
fn report_table_and_md_show_the_k3_section() {
    let f = imported(K3_EXAMPLE);
    let s = ok(&f.store, &["report", "--unit", "U"]);
    assert!(
        s.contains("Kualitas IKU 1,0250 (standar 10 poin) · kualitas target 0,9167 (standar 3 poin) · indeks K3 0,9817 · NKO K3 102,09"),
        "{s}"
    );
    assert!(
        s.contains("Kuota di atas 11 poin: 0% × 4 IKU = 0 IKU; 1 IKU di atas 11; dibatasi: Q."),
        "{s}"
    );
    assert!(
        s.contains("diturunkan, proksi × sedang: 14 poin, dihitung 11 (kuota 0 %)"),
        "{s}"
    );
    let s = ok(
        &f.store,
        &["--lang", "en", "report", "--unit", "U", "--format", "md"],
    );
    assert!(
        s.contains("### K3 (quality of the performance commitment)"),
        "{s}"
    );
    assert!(s.contains("| IKU | IKU points |"), "{s}");
    assert!(s.contains("K3 index 0.9817 · NKO K3 102.09"), "{s}");
}

#[test]
fn compare_rulebook_shows_both_predikat_side_by_side() {
    let f = imported(KALBAR);
    let r = json(
        &f.store,
        &[
            "report",
            "--format",
            "json",
            "--period",
            "2025-09",
            "--compare-rulebook",
            "kmk-127-2026",
        ],
    );
    let k = unit(&r, "KEMENKEU");
    assert_eq!(k["period"], "2025-09");
    assert_eq!(k["base"]["rulebook"], "kmk-300-2022");
    assert_eq!(k["compare"]["rulebook"], "kmk-127-2026");
    let nko: f64 = k["base"]["nko"].as_str().unwrap().parse().unwrap();
    assert!(nko > 100.0 && nko < 110.0, "{nko}");
    assert_eq!(k["base"]["nko"], k["compare"]["nko"], "same capaian rules");
    // kmk-300: > 100 Sangat Baik; kmk-127: ≥ 100 (and < 110) Baik.
    assert_eq!(k["base"]["predikat"], "Sangat Baik");
    assert_eq!(k["compare"]["predikat"], "Baik");
    for side in ["base", "compare"] {
        assert!(k[side]["k3_index"].is_string() && k[side]["nko_k3"].is_string());
    }
    assert_ne!(k["base"]["k3_index"], k["compare"]["k3_index"]);

    let s = ok(
        &f.store,
        &[
            "report",
            "--period",
            "2025-09",
            "--unit",
            "KEMENKEU",
            "--compare-rulebook",
            "src/rulebooks/kmk-127-2026.toml",
        ],
    );
    assert!(s.contains("[1] kmk-300-2022 dan [2] kmk-127-2026"), "{s}");
    let row = s.lines().find(|l| l.starts_with("KEMENKEU")).unwrap();
    let sb = row.find("Sangat Baik").expect(row);
    let b = row[sb + "Sangat Baik".len()..].find("Baik");
    assert!(b.is_some(), "both predikat on one row: {row}");

    let o = kinerja(&f.store, &["report", "--compare-rulebook", "kmk-999"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn new_subcommands_have_help_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    for sub in [
        vec!["check"],
        vec!["addendum"],
        vec!["pk", "history"],
        vec!["rules", "show"],
        vec!["rules", "list"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        let o = kinerja(&store, &args);
        assert_eq!(o.status.code(), Some(0), "{sub:?}");
        assert!(stdout(&o).contains("Contoh"), "{sub:?}: {}", stdout(&o));
    }
}
