//! `kinerja analisis set|show|clear` (issue 15, DOMAIN.md §11): the analysis of an IKU-month
//! through the change type — audited, checked by the server's roles, refused in a closed month,
//! within the text limits — shown in `report` and answering the `ANALISIS` finding.

use serde_json::Value;

use crate::support::cli_support::{command, me, stderr, stdout};
use crate::support::server_support::sample_store;

const U: &str = "KPKNL-PONTIANAK";
const TODAY: &str = "2025-10-01";

fn run(store: &std::path::Path, args: &[&str]) -> std::process::Output {
    command(store, args)
        .env("KINERJA_TODAY", TODAY)
        .output()
        .unwrap()
}

fn ok(store: &std::path::Path, args: &[&str]) -> String {
    let o = run(store, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn refused(store: &std::path::Path, args: &[&str]) -> String {
    let o = run(store, args);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

fn show(store: &std::path::Path, month: &str) -> Value {
    let out = ok(
        store,
        &["analisis", "show", U, "1a-CP", month, "--format", "json"],
    );
    serde_json::from_str(&out).unwrap()
}

#[test]
fn an_analysis_is_set_shown_in_report_audited_and_answers_the_finding() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let analisis_findings = |store: &std::path::Path| -> usize {
        let out = ok(store, &["check", "--unit", U, "--format", "json"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["id"] == "ANALISIS" && f["iku"] == "1a-CP" && f["month"] == 3)
            .count()
    };
    assert_eq!(analisis_findings(&store), 1);
    assert!(show(&store, "2025-03")["analysis"].is_null());
    let out = ok(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--isu",
            "Lelang tertunda karena banjir\ndi gudang",
            "--implikasi",
            "PNBP turun",
            "--aksi",
            "Jadwal ulang lelang",
            "--rencana",
            "Lelang ulang",
            "--oleh",
            "Kasi PKN",
            "--batas",
            "2025-04-30",
        ],
    );
    assert!(
        out.contains("disimpan") && out.contains("oleh Kasi PKN, batas 2025-04-30"),
        "{out}"
    );
    let a = &show(&store, "2025-03")["analysis"];
    assert_eq!(a["isu"], "Lelang tertunda karena banjir\ndi gudang");
    assert_eq!(a["rencana"]["who"], "Kasi PKN");
    assert_eq!(a["rencana"]["by"], "2025-04-30");
    assert_eq!(a["catatan"], "");
    // the finding is answered
    assert_eq!(analisis_findings(&store), 0);
    // a part given alone changes that part only; an empty --batas clears the date
    ok(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--catatan",
            "lihat BA",
            "--batas",
            "",
        ],
    );
    let a = &show(&store, "2025-03")["analysis"];
    assert_eq!(a["catatan"], "lihat BA");
    assert_eq!(a["aksi"], "Jadwal ulang lelang");
    assert!(a["rencana"]["by"].is_null());
    // the same again changes nothing and writes no audit entry
    let out = ok(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--catatan",
            "lihat BA",
        ],
    );
    assert!(out.contains("tidak ada yang berubah"), "{out}");
    // report: JSON carries it on the IKU, by month; table and markdown show it
    let rep: Value = serde_json::from_str(&ok(
        &store,
        &[
            "report", "--unit", U, "--period", "2025-09", "--format", "json",
        ],
    ))
    .unwrap();
    let iku = rep[0]["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "1a-CP")
        .unwrap();
    assert_eq!(iku["analyses"][0]["month"], "2025-03");
    assert_eq!(iku["analyses"][0]["implikasi"], "PNBP turun");
    let other = rep[0]["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "1b-CP")
        .unwrap();
    assert_eq!(other["analyses"], serde_json::json!([]));
    // up to February the March analysis is not part of the report
    let rep: Value = serde_json::from_str(&ok(
        &store,
        &[
            "report", "--unit", U, "--period", "2025-02", "--format", "json",
        ],
    ))
    .unwrap();
    let iku = rep[0]["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "1a-CP")
        .unwrap();
    assert_eq!(iku["analyses"], serde_json::json!([]));
    let md = ok(
        &store,
        &[
            "report", "--unit", U, "--period", "2025-09", "--format", "md",
        ],
    );
    assert!(
        md.contains("### Analisis") && md.contains("- **IKU 1a-CP — Maret**"),
        "{md}"
    );
    assert!(md.contains("  Implikasi: PNBP turun"), "{md}");
    let table = ok(
        &store,
        &["--lang", "en", "report", "--unit", U, "--period", "2025-09"],
    );
    assert!(table.contains("Analyses\nIKU 1a-CP — March\n"), "{table}");
    // audited, with who did it
    let log = ok(&store, &["log", "--unit", U]);
    let first = log.lines().next().unwrap();
    assert!(
        first.contains("analisis 1a-CP 2025-03") && first.contains(&me()),
        "{log}"
    );
    // clear removes it, audited too
    ok(&store, &["analisis", "clear", U, "1a-CP", "2025-03"]);
    assert!(show(&store, "2025-03")["analysis"].is_null());
    assert_eq!(analisis_findings(&store), 1);
}

#[test]
fn an_analysis_is_refused_in_a_closed_month_a_non_reporting_month_and_beyond_the_text_limits() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    // 1a-CP reports quarterly: April is not one of its months
    let why = refused(
        &store,
        &["analisis", "set", U, "1a-CP", "2025-04", "--isu", "x"],
    );
    assert!(why.contains("bukan bulan pelaporan"), "{why}");
    let why = refused(
        &store,
        &["analisis", "set", U, "NOPE", "2025-03", "--isu", "x"],
    );
    assert!(why.contains("NOPE"), "{why}");
    // nothing given is a usage error
    let o = run(&store, &["analisis", "set", U, "1a-CP", "2025-03"]);
    assert_eq!(o.status.code(), Some(2));
    // a control character, or a text past the limit, is refused naming the option
    let o = run(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--isu",
            "a\u{1b}[2Jb",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--isu") && stderr(&o).contains("U+001B"),
        "{}",
        stderr(&o)
    );
    let long = "x".repeat(10_001);
    let o = run(
        &store,
        &["analisis", "set", U, "1a-CP", "2025-03", "--aksi", &long],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--aksi"), "{}", stderr(&o));
    let o = run(
        &store,
        &["analisis", "set", U, "1a-CP", "2025-03", "--oleh", "a\nb"],
    );
    assert_eq!(o.status.code(), Some(2), "a name is one line");
    let o = run(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--batas",
            "30-04-2025",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        show(&store, "2025-03")["analysis"].is_null(),
        "nothing was written"
    );
    // closed: refused to every role, even an admin; still shown
    ok(
        &store,
        &["analisis", "set", U, "1a-CP", "2025-03", "--isu", "sebelum"],
    );
    for step in ["submit", "validate", "close"] {
        ok(&store, &[step, U, "2025-03"]);
    }
    let why = refused(
        &store,
        &["analisis", "set", U, "1a-CP", "2025-03", "--isu", "sesudah"],
    );
    assert!(why.contains("ditetapkan"), "{why}");
    let why = refused(&store, &["analisis", "clear", U, "1a-CP", "2025-03"]);
    assert!(why.contains("ditetapkan"), "{why}");
    let v = show(&store, "2025-03");
    assert_eq!(v["state"], "ditetapkan");
    assert_eq!(v["analysis"]["isu"], "sebelum");
}

#[test]
fn only_an_operator_of_the_unit_or_above_may_write_an_analysis() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(&store, &["access", "grant", &me, "operator", "--unit", U]);
    ok(&store, &["access", "revoke", &me, "admin"]);
    ok(
        &store,
        &[
            "analisis",
            "set",
            U,
            "1a-CP",
            "2025-03",
            "--isu",
            "milik sendiri",
        ],
    );
    let why = refused(
        &store,
        &[
            "analisis",
            "set",
            "KPKNL-SINGKAWANG",
            "1a-CP",
            "2025-03",
            "--isu",
            "bukan milik",
        ],
    );
    assert!(
        why.contains("operator") && why.contains("KPKNL-SINGKAWANG"),
        "{why}"
    );
    // any role reads it
    assert_eq!(show(&store, "2025-03")["analysis"]["isu"], "milik sendiri");
}
