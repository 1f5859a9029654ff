//! `kinerja due` (issue 15): what is outstanding in the round, overdue first then by deadline,
//! with the stage, the deadline, the days and who can act from the access list.

use serde_json::Value;

use crate::support::cli_support::{command, me, stderr, stdout};
use crate::support::server_support::sample_store;

const U: &str = "KPKNL-PONTIANAK";

fn ok(store: &std::path::Path, today: &str, args: &[&str]) -> String {
    let o = command(store, args)
        .env("KINERJA_TODAY", today)
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn due_json(store: &std::path::Path, today: &str, unit: &str) -> Vec<Value> {
    let out = ok(store, today, &["due", "--unit", unit, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["today"], today);
    v["due"].as_array().unwrap().clone()
}

fn who(row: &Value) -> Vec<String> {
    row["who"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                g["who"].as_str().unwrap(),
                g["role"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn due_lists_overdue_months_first_in_deadline_order_with_who_can_act() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    let today = "2025-11-10";
    ok(
        &store,
        today,
        &["access", "grant", "alice", "operator", "--unit", U],
    );
    ok(
        &store,
        today,
        &[
            "access",
            "grant",
            "@kanwil",
            "validator",
            "--unit",
            "KANWIL-KALBAR",
        ],
    );
    // January to August closed; September submitted; October entered
    for m in 1..=8 {
        let month = format!("2025-{m:02}");
        for step in ["submit", "validate", "close"] {
            ok(&store, today, &[step, U, &month]);
        }
    }
    ok(&store, today, &["submit", U, "2025-09"]);
    let rows = due_json(&store, today, U);
    let months: Vec<(&str, &str, i64)> = rows
        .iter()
        .map(|r| {
            (
                r["month"].as_str().unwrap(),
                r["stage"].as_str().unwrap(),
                r["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    // September waited for validation by 2025-10-23 (overdue 18 days); October's entry is due
    // 2025-11-14 (4 days left); November has not ended
    assert_eq!(
        months,
        vec![("2025-09", "validation", -18), ("2025-10", "entry", 4)],
        "{rows:?}"
    );
    assert_eq!(rows[0]["overdue"], true);
    assert_eq!(rows[0]["deadline"], "2025-10-23");
    assert_eq!(rows[0]["state"], "diajukan");
    assert_eq!(rows[1]["overdue"], false);
    // who: the validator group of the Kanwil above, and the admin; the operator for the entry
    assert_eq!(
        who(&rows[0]),
        vec!["@kanwil validator".to_string(), format!("{me} admin")]
    );
    assert_eq!(
        who(&rows[1]),
        vec!["alice operator".to_string(), format!("{me} admin")]
    );
    assert_eq!(rows[0]["everyone"], false);

    // the Kanwil's subtree: every overdue month (of the three units) before any that is not,
    // each group in deadline order
    let rows = due_json(&store, "2025-11-20", "KANWIL-KALBAR");
    let units: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["unit"].as_str().unwrap()).collect();
    assert!(
        units.contains("KPKNL-SINGKAWANG") && !units.contains("DJKN"),
        "{units:?}"
    );
    let key: Vec<(bool, String)> = rows
        .iter()
        .map(|r| {
            (
                !r["overdue"].as_bool().unwrap(),
                r["deadline"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = key.clone();
    sorted.sort();
    assert_eq!(key, sorted);
    assert!(rows.iter().all(|r| r["overdue"] == true));
    // the text says the same
    let text = ok(&store, "2025-11-20", &["--lang", "en", "due", "--unit", U]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("2 months, 2 overdue"), "{text}");
    assert!(
        lines[1].starts_with("2025-09  KPKNL-PONTIANAK  diajukan (submitted)  validation  by 2025-10-23  overdue by 28 days")
            && lines[1].contains("@kanwil (validator)"),
        "{text}"
    );
    assert!(lines[2].contains("overdue by 6 days") && lines[2].contains("alice (operator)"));
}

#[test]
fn due_with_an_empty_access_list_says_everyone_can_act() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let text = ok(&store, "2025-10-20", &["due", "--unit", U]);
    assert!(
        text.contains("lewat 6 hari") && text.contains("semua (daftar akses kosong)"),
        "{text}"
    );
    let rows = due_json(&store, "2025-10-20", U);
    assert!(
        rows.iter()
            .all(|r| r["everyone"] == true && r["who"] == serde_json::json!([]))
    );
    // before the first month has ended nothing is due
    let text = ok(&store, "2025-01-15", &["due"]);
    assert!(text.contains("Tidak ada yang jatuh tempo"), "{text}");
    let o = command(&store, &["due", "--unit", "NOPE"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
}
