//! The findings of the month-end round (issue 15, DOMAIN.md §11) in `check`: overdue entry,
//! validation and closing counted from `KINERJA_TODAY` / `--today`, a missing analysis when the
//! capaian is below 100, a missing evidence file; and a rulebook of the user's that makes a
//! missing evidence an error blocks `submit`.

use serde_json::Value;

use crate::support::cli_support::{command, stderr, stdout};
use crate::support::server_support::sample_store;

const U: &str = "KPKNL-PONTIANAK";

fn run(store: &std::path::Path, today: &str, args: &[&str]) -> std::process::Output {
    command(store, args)
        .env("KINERJA_TODAY", today)
        .output()
        .expect("run kinerja")
}

fn ok(store: &std::path::Path, today: &str, args: &[&str]) -> String {
    let o = run(store, today, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn findings(store: &std::path::Path, today: &str, id: &str) -> Vec<Value> {
    let out = ok(store, today, &["check", "--unit", U, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == id)
        .cloned()
        .collect()
}

#[test]
fn check_lists_overdue_entry_validation_and_closing_counted_from_kinerja_today() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let today = "2025-11-20";
    ok(&store, today, &["submit", U, "2025-08"]);
    ok(&store, today, &["validate", U, "2025-08"]);
    ok(&store, today, &["submit", U, "2025-09"]);
    let f = findings(&store, today, "TENGGAT");
    let by_month = |m: i64| {
        f.iter()
            .find(|x| x["month"] == m)
            .unwrap_or_else(|| panic!("no TENGGAT of month {m}: {f:?}"))
    };
    // August: validated, closing was due 2025-09-30
    let aug = by_month(8);
    assert_eq!(aug["reason"]["code"], "overdue_closing", "{aug}");
    assert_eq!(aug["reason"]["args"]["deadline"], "2025-09-30");
    assert_eq!(aug["reason"]["args"]["days"], 51);
    assert_eq!(aug["severity"], "warning");
    // September: submitted, validation was due 2025-10-23
    let sep = by_month(9);
    assert_eq!(sep["reason"]["code"], "overdue_validation", "{sep}");
    assert_eq!(sep["reason"]["args"]["days"], 28);
    // October: entry was due 2025-11-14
    let oct = by_month(10);
    assert_eq!(oct["reason"]["code"], "overdue_entry", "{oct}");
    assert_eq!(oct["reason"]["args"]["days"], 6);
    // November has not ended: nothing is due
    assert!(
        f.iter().all(|x| x["month"] != 11 && x["month"] != 12),
        "{f:?}"
    );
    // the day of the deadline itself is not overdue
    let f = findings(&store, "2025-11-14", "TENGGAT");
    assert!(f.iter().all(|x| x["month"] != 10), "{f:?}");
    // the same date through --today, and the text names the deadline in the user's language
    let o = command(
        &store,
        &["--lang", "en", "--today", today, "check", "--unit", U],
    )
    .env_remove("KINERJA_TODAY")
    .output()
    .unwrap();
    let text = stdout(&o);
    assert!(
        text.contains("the entry deadline 2025-11-14 passed 6 days ago"),
        "{text}"
    );
}

#[test]
fn a_bad_today_is_a_usage_error_naming_the_option() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    for bad in ["2025-13-01", "2025-1-1", "kemarin"] {
        let o = run(&store, bad, &["check"]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("KINERJA_TODAY"), "{}", stderr(&o));
    }
    let help = stdout(&command(&store, &["--help"]).output().unwrap());
    assert!(
        help.contains("--today") && help.contains("KINERJA_TODAY"),
        "{help}"
    );
}

#[test]
fn a_capaian_below_100_without_analysis_and_a_realisasi_without_evidence_are_warnings() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let today = "2025-10-01";
    // 1a-CP (quarterly) is at 97,69 % up to March in the sample
    let a = findings(&store, today, "ANALISIS");
    let mar = a
        .iter()
        .find(|f| f["iku"] == "1a-CP" && f["month"] == 3)
        .unwrap_or_else(|| panic!("{a:?}"));
    assert_eq!(mar["reason"]["code"], "no_analysis");
    // the exact value in JSON, rounded only in the sentence
    let c = mar["reason"]["args"]["capaian"].as_str().unwrap();
    assert!(c.starts_with("97.6923"), "{c}");
    assert!(mar["message"].as_str().unwrap().contains("97,69%"), "{mar}");
    assert_eq!(mar["severity"], "warning");
    // at or above 100 % no analysis is asked for: every one named is below 100
    for f in &a {
        let c: f64 = f["reason"]["args"]["capaian"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(c < 100.0, "{f}");
    }
    let l = findings(&store, today, "LAMPIRAN");
    assert!(
        l.iter().any(|f| f["iku"] == "1b-CP"
            && f["month"] == 9
            && f["reason"]["code"] == "no_evidence"
            && f["severity"] == "warning"),
        "{l:?}"
    );
    // only reporting months with realisasi: October has none yet
    assert!(l.iter().all(|f| f["month"].as_i64().unwrap() <= 9), "{l:?}");
    // warnings: check succeeds and submit is allowed
    ok(&store, today, &["submit", U, "2025-09"]);
}

#[test]
fn a_rulebook_that_makes_missing_evidence_an_error_blocks_submit_with_the_reason() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/rulebooks/kmk-300-2022.toml"
    ))
    .unwrap()
    .replace(
        "evidence_missing = \"warning\"",
        "evidence_missing = \"error\"",
    );
    let rb = home.path().join("ketat.toml");
    std::fs::write(&rb, text).unwrap();
    let rb = rb.to_str().unwrap();
    let o = run(
        &store,
        "2025-10-01",
        &["--rules", rb, "submit", U, "2025-09"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let why = stderr(&o);
    assert!(
        why.contains("mewajibkan") && why.contains("LAMPIRAN") && why.contains("1b-CP"),
        "{why}"
    );
    // nothing changed: the month is still diisi, and submits under the built-in rulebook
    let out = ok(&store, "2025-10-01", &["submit", U, "2025-09"]);
    assert!(out.contains("diisi → diajukan"), "{out}");
    // check under that rulebook fails with the errors
    let o = run(&store, "2025-10-01", &["--rules", rb, "check", "--unit", U]);
    assert_eq!(o.status.code(), Some(1));
}
