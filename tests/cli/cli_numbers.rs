//! Every number right and safe, from the shell: values beyond the bounds are refused where they
//! are typed or imported (store unchanged), a number resting on missing realisasi is marked
//! incomplete in every format, `check` reports the missing realisasi, and the default period
//! never moves to a month only one unit has entered.

use crate::support::cli_support;

use cli_support::{kinerja, stderr, stdout};

use std::path::PathBuf;

struct Demo {
    dir: tempfile::TempDir,
    store: PathBuf,
}

/// The kanwil demo (complete up to September 2025), imported.
fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("demo.json");
    let store = dir.path().join("s");
    let o = kinerja(
        &store,
        &["demo", "--scale", "kanwil", "-o", doc.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kinerja(&store, &["import", doc.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Demo { dir, store }
}

fn ok(d: &Demo, args: &[&str]) -> String {
    let o = kinerja(&d.store, args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn json(d: &Demo, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(d, args)).unwrap()
}

fn export(d: &Demo) -> String {
    ok(d, &["export"])
}

#[test]
fn a_value_beyond_the_bounds_is_refused_by_set_and_the_sheet_and_the_store_is_unchanged() {
    let d = demo();
    let before = export(&d);
    for (value, limit) in [
        ("79228162514264337593543950335", "10^15"),
        ("1000000000000000", "10^15"),
        ("-1000000000000000", "10^15"),
        ("0,0000001", "6"),
    ] {
        let o = kinerja(
            &d.store,
            &[
                "--lang",
                "en",
                "set",
                "DJKN-KW11-01",
                "4a-N",
                "2025-10",
                value,
            ],
        );
        assert_ne!(o.status.code(), Some(0), "{value} accepted");
        let e = stderr(&o);
        assert!(
            e.contains("out of bounds") && e.contains(limit),
            "{value}: {e}"
        );
    }
    let sheet = d.dir.path().join("r.csv");
    std::fs::write(
        &sheet,
        "unit;iku;month;realisasi\nDJKN-KW11-01;4a-N;2025-10;50000000000000000000000000000\n",
    )
    .unwrap();
    let o = kinerja(
        &d.store,
        &["--lang", "en", "import-realisasi", sheet.to_str().unwrap()],
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("10^15"), "{}", stderr(&o));
    assert_eq!(export(&d), before, "nothing was stored");
    // the report and check still work
    ok(&d, &["report"]);
    let o = kinerja(&d.store, &["check"]);
    assert!(o.status.code().is_some(), "check did not crash");
}

#[test]
fn a_value_at_the_bounds_is_accepted() {
    let d = demo();
    // far beyond the targets (94 a month), so it needs --force (plausibility)
    ok(
        &d,
        &[
            "set",
            "DJKN-KW11-01",
            "4a-N",
            "2025-10",
            "999999999999999,999999",
            "--force",
        ],
    );
    ok(&d, &["report", "--period", "2025-10"]);
}

#[test]
fn one_unit_entering_october_leaves_the_default_period_and_marks_october_incomplete() {
    let d = demo();
    let r = json(&d, &["report", "--format", "json"]);
    assert!(
        r.as_array()
            .unwrap()
            .iter()
            .all(|u| u["period"] == "2025-09")
    );
    assert!(r.as_array().unwrap().iter().all(|u| u["complete"] == true));
    ok(&d, &["set", "DJKN-KW11-01", "4a-N", "2025-10", "97"]);
    // the default period stays at the latest complete month
    let r = json(&d, &["report", "--format", "json"]);
    for u in r.as_array().unwrap() {
        assert_eq!(u["period"], "2025-09", "{}", u["unit"]);
        assert_eq!(u["complete"], true, "{}", u["unit"]);
    }
    // October asked for: the KPKNL that entered it is complete, the others are marked
    let r = json(
        &d,
        &[
            "report",
            "--format",
            "json",
            "--period",
            "2025-10",
            "--unit",
            "DJKN-KW11-01",
        ],
    );
    assert_eq!(r[0]["complete"], true);
    let r = json(
        &d,
        &[
            "report",
            "--format",
            "json",
            "--period",
            "2025-10",
            "--unit",
            "DJKN-KW11-02",
        ],
    );
    let u = &r[0];
    assert_eq!(u["complete"], false);
    let missing = u["missing"].as_array().unwrap();
    assert!(
        missing
            .iter()
            .any(|m| m["month"] == 10 && m["unit"] == "DJKN-KW11-02" && m["iku"] == "4a-N"),
        "{missing:?}"
    );
    assert!(
        u["ss"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["complete"] == false)
    );
    assert!(
        u["perspectives"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["complete"] == false)
    );
    // the table marks the NKO and says what is missing
    let t = ok(
        &d,
        &[
            "--lang",
            "en",
            "report",
            "--period",
            "2025-10",
            "--unit",
            "DJKN-KW11-02",
        ],
    );
    assert!(
        t.contains("* incomplete: waiting for the realisasi of DJKN-KW11-02/")
            && t.contains("DJKN-KW11-02/4a-N October"),
        "{t}"
    );
    let nko_line = t.lines().nth(1).unwrap();
    assert!(nko_line.contains('*'), "{nko_line}");
    // csv and md too
    let c = ok(
        &d,
        &[
            "report",
            "--format",
            "csv",
            "--period",
            "2025-10",
            "--unit",
            "DJKN-KW11-02",
        ],
    );
    assert!(
        c.lines().next().unwrap().contains(";Lengkap;Belum ada;"),
        "{c}"
    );
    let row = c.lines().nth(1).unwrap();
    assert!(
        row.contains(";tidak;") && row.contains("DJKN-KW11-02/4a-N/10"),
        "{c}"
    );
    let m = ok(
        &d,
        &[
            "--lang",
            "en",
            "report",
            "--format",
            "md",
            "--period",
            "2025-10",
            "--unit",
            "DJKN-KW11-02",
        ],
    );
    assert!(m.contains("incomplete"), "{m}");
}

#[test]
fn a_rolled_up_number_resting_on_one_kpknl_is_incomplete_and_names_the_others() {
    let d = demo();
    // one KPKNL enters December of a rolled-up IKU (1b-CP rolls up into the Kanwil's 1b-CP)
    ok(&d, &["set", "DJKN-KW11-01", "1b-CP", "2025-12", "50"]);
    let r = json(
        &d,
        &[
            "report",
            "--format",
            "json",
            "--period",
            "2025-12",
            "--unit",
            "DJKN-KW11",
        ],
    );
    let missing = r[0]["missing"].as_array().unwrap();
    assert_eq!(r[0]["complete"], false);
    // the Kanwil's 1b-CP waits for the other KPKNL, named by unit
    let others: Vec<&str> = missing
        .iter()
        .filter(|m| m["iku"] == "1b-CP" && m["month"] == 12)
        .map(|m| m["unit"].as_str().unwrap())
        .collect();
    assert!(others.contains(&"DJKN-KW11-02"), "{missing:?}");
    assert!(!others.contains(&"DJKN-KW11-01"), "{missing:?}");
}

#[test]
fn check_reports_the_missing_realisasi_up_to_the_period() {
    let d = demo();
    let o = kinerja(&d.store, &["check", "--format", "json"]);
    let f: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        !f.as_array().unwrap().iter().any(|f| f["id"] == "COMPLETE"),
        "complete up to September"
    );
    ok(&d, &["set", "DJKN-KW11-01", "4a-N", "2025-10", "97"]);
    let o = kinerja(&d.store, &["--lang", "en", "check", "--format", "json"]);
    let f: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let missing: Vec<&serde_json::Value> = f
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "COMPLETE")
        .collect();
    assert!(!missing.is_empty());
    assert!(
        missing
            .iter()
            .all(|f| f["month"] == 10 && f["severity"] == "warning")
    );
    assert!(
        missing.iter().any(|f| f["unit"] == "DJKN-KW11-02"),
        "other units wait too"
    );
    assert!(
        missing[0]["message"]
            .as_str()
            .unwrap()
            .contains("is missing"),
        "{:?}",
        missing[0]
    );
    // an explicit earlier period has nothing missing
    let o = kinerja(
        &d.store,
        &["check", "--format", "json", "--period", "2025-09"],
    );
    let f: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(!f.as_array().unwrap().iter().any(|f| f["id"] == "COMPLETE"));
}

#[test]
fn k3_plan_shows_the_target_ranges_under_both_rulebooks() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let o = kinerja(&store, &["import", "fixtures/kalbar-2025.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kinerja(
        &store,
        &[
            "--lang",
            "en",
            "k3",
            "plan",
            "KANWIL-KALBAR",
            "1a-CP",
            "--compare-rulebook",
            "kmk-127-2026",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = stdout(&o);
    // kmk-300-2022: against last year's target 400, the current 420 gives 3 points
    assert!(
        s.contains("rulebook kmk-300-2022 · current annual target 420"),
        "{s}"
    );
    assert!(s.contains("→ 404 ≤ T < 424  3"), "{s}");
    assert!(s.contains("T ≥ 444        5  (best)"), "{s}");
    // kmk-127-2026: T1 400, R1 410.5 — the best strictly above max(T1, R1)
    assert!(
        s.contains("T1 (last year's target) 400 · R1 (last year's realisasi) 410.5"),
        "{s}"
    );
    assert!(s.contains("400 < T < 410.5  1.00"), "{s}");
    assert!(s.contains("→ T > 410.5        1.20  (best)"), "{s}");
    let o = kinerja(&store, &["k3", "plan", "KANWIL-KALBAR", "NOPE"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("NOPE"), "{}", stderr(&o));
}

#[test]
fn a_realisasi_stays_correctable_after_an_addendum_and_the_correction_is_audited() {
    let d = demo();
    // an addendum today (after every month of the 2025 PK)
    ok(
        &d,
        &[
            "addendum",
            "DJKN-KW11-01",
            "--reason",
            "Target naik",
            "--set",
            "4a-N:12=99",
        ],
    );
    // September had realisasi before it: a typo there is still corrected and cleared
    let out = ok(
        &d,
        &[
            "--lang",
            "en",
            "set",
            "DJKN-KW11-01",
            "4a-N",
            "2025-09",
            "97,5",
        ],
    );
    assert!(out.contains("97.5"), "{out}");
    ok(&d, &["set", "DJKN-KW11-01", "4a-N", "2025-09", "--clear"]);
    ok(&d, &["set", "DJKN-KW11-01", "4a-N", "2025-09", "98"]);
    let log = ok(&d, &["--lang", "en", "log", "--unit", "DJKN-KW11-01"]);
    assert!(
        log.contains("97.5"),
        "old and new value in the audit: {log}"
    );
    // the addendum's R10 still freezes the target of a month with realisasi
    let o = kinerja(
        &d.store,
        &[
            "addendum",
            "DJKN-KW11-01",
            "--reason",
            "x",
            "--set",
            "4a-N:9=1",
        ],
    );
    assert_ne!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn set_of_a_realisasi_far_outside_the_trajectory_needs_force() {
    let d = demo();
    let before = export(&d);
    // 4a-N has a target of 94 in every month
    for (value, why) in [
        ("-5", "opposite sign of every target"),
        ("1234567", "more than 10 times its largest target (94)"),
    ] {
        let o = kinerja(
            &d.store,
            &[
                "--lang",
                "en",
                "set",
                "DJKN-KW11-01",
                "4a-N",
                "2025-10",
                value,
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{value} saved: {}", stdout(&o));
        let e = stderr(&o);
        assert!(
            e.contains(why) && e.contains(value) && e.contains("--force"),
            "{value}: {e}"
        );
    }
    assert_eq!(export(&d), before, "nothing was stored");
    // ten times the largest target is still plausible; --force stores the rest
    ok(&d, &["set", "DJKN-KW11-01", "4a-N", "2025-10", "940"]);
    let out = ok(
        &d,
        &[
            "--lang",
            "en",
            "set",
            "DJKN-KW11-01",
            "4a-N",
            "2025-11",
            "-5",
            "--force",
        ],
    );
    assert!(out.contains("-5"), "{out}");
}

#[test]
fn a_sheet_with_implausible_realisasi_needs_force_and_lists_each_line() {
    let d = demo();
    let before = export(&d);
    let sheet = d.dir.path().join("r.csv");
    std::fs::write(
        &sheet,
        "unit;iku;month;realisasi\n\
         DJKN-KW11-01;4a-N;2025-10;97\n\
         DJKN-KW11-01;4a-N;2025-11;-5\n\
         DJKN-KW11-01;4a-N;2025-12;1.234.567\n",
    )
    .unwrap();
    let args = ["--lang", "en", "import-realisasi", sheet.to_str().unwrap()];
    let o = kinerja(&d.store, &args);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains("2 realisasi far outside"), "{e}");
    assert!(e.contains("line 3: The realisasi -5"), "{e}");
    assert!(e.contains("line 4: The realisasi 1234567"), "{e}");
    assert!(!e.contains("line 2"), "{e}");
    assert_eq!(export(&d), before, "nothing was stored");
    let mut forced = args.to_vec();
    forced.push("--force");
    ok(&d, &forced);
    assert_ne!(export(&d), before);
}

/// The sample PK (fixtures/kalbar-2025.json), imported.
fn sample() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let o = kinerja(&store, &["import", fixture]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Demo { dir, store }
}

#[test]
fn an_addendum_of_a_kpknl_says_which_r11_finding_it_creates_on_the_kanwil() {
    let d = sample();
    let check = |d: &Demo| ok(d, &["--lang", "en", "check"]);
    assert!(
        !check(&d).contains("[KANWIL-KALBAR, SS"),
        "no R11 on the Kanwil before"
    );
    // the quarterly targets add up: Pontianak 300 + Singkawang 120 = the Kanwil's 420;
    // Pontianak raises December from 85 to 90
    let out = ok(
        &d,
        &[
            "--lang",
            "en",
            "addendum",
            "KPKNL-PONTIANAK",
            "--reason",
            "Target naik",
            "--date",
            "2025-10-20",
            "--set",
            "1a-CP:12=90",
        ],
    );
    let (findings, saved) = out
        .split_once("Saved:")
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .unwrap_or_else(|| (out.clone(), String::new()));
    assert!(
        findings.contains("This addendum creates 1 new finding"),
        "before the saved line: {out}"
    );
    assert!(
        findings.contains("R11")
            && findings.contains("KANWIL-KALBAR")
            && findings.contains("1a-CP"),
        "{out}"
    );
    assert!(
        findings.contains("KPKNL-PONTIANAK/1a-CP (target 305)")
            && findings.contains("KPKNL-SINGKAWANG/1a-CP (target 120)")
            && findings.contains("off by -5"),
        "it names the child targets to align: {out}"
    );
    assert!(!saved.is_empty(), "{out}");
    // and check says the same
    assert!(check(&d).contains("KPKNL-PONTIANAK/1a-CP (target 305)"));
}

#[test]
fn an_addendum_date_outside_the_pk_year_is_refused() {
    let d = sample();
    for date in ["2024-12-31", "2026-01-01"] {
        let o = kinerja(
            &d.store,
            &[
                "--lang",
                "en",
                "addendum",
                "KPKNL-PONTIANAK",
                "--reason",
                "x",
                "--date",
                date,
                "--set",
                "1a-CP:12=90",
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{date}: {}", stdout(&o));
        assert!(
            stderr(&o).contains(&format!("{date} is outside the PK year 2025")),
            "{}",
            stderr(&o)
        );
    }
    // without --date: today, kept inside 2025 (its last day, the year being over)
    let out = ok(
        &d,
        &[
            "addendum",
            "KPKNL-PONTIANAK",
            "--reason",
            "x",
            "--set",
            "1a-CP:12=85,5",
        ],
    );
    assert!(out.contains("2025-"), "{out}");
}
