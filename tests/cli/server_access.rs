//! Who may do what on a served store (issue 11): the access list, its refusals (naming the
//! missing role and who holds admin), and its audit.

use crate::support::cli_support::{kinerja, me, stderr, stdout, wait_server_gone};
use crate::support::server_support::sample_store;

fn ok(store: &std::path::Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn refused(store: &std::path::Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert!(!o.status.success(), "{args:?} was allowed: {}", stdout(&o));
    stderr(&o)
}

#[test]
fn an_operator_of_pontianak_cannot_change_singkawang_nor_make_an_addendum_and_is_told_why() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    // an admin who is someone else; this user becomes operator of KPKNL-PONTIANAK only
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(
        &store,
        &[
            "access",
            "grant",
            &me,
            "operator",
            "--unit",
            "KPKNL-PONTIANAK",
        ],
    );
    ok(&store, &["access", "revoke", &me, "admin"]);
    let list = ok(&store, &["access", "list"]);
    assert!(
        list.contains("kepala") && list.contains("KPKNL-PONTIANAK"),
        "{list}"
    );

    // its own unit: allowed
    ok(&store, &["set", "KPKNL-PONTIANAK", "3b-N", "2025-09", "6"]);
    // another KPKNL: refused, naming the role, the unit and the admin
    let why = refused(&store, &["set", "KPKNL-SINGKAWANG", "1c-N", "2025-09", "5"]);
    assert!(why.contains(&me), "{why}");
    assert!(why.contains("operator"), "{why}");
    assert!(why.contains("KPKNL-SINGKAWANG"), "{why}");
    assert!(why.contains("admin: kepala"), "{why}");
    // an addendum of its own unit needs planner
    let why = refused(
        &store,
        &[
            "addendum",
            "KPKNL-PONTIANAK",
            "--reason",
            "uji",
            "--set",
            "3b-N:12=5",
        ],
    );
    assert!(why.contains("planner"), "{why}");
    assert!(why.contains("admin: kepala"), "{why}");
    // the access list is the admin's
    let why = refused(&store, &["access", "grant", &me, "admin"]);
    assert!(why.contains("admin"), "{why}");
    // English too
    let why = refused(
        &store,
        &[
            "--lang",
            "en",
            "set",
            "KPKNL-SINGKAWANG",
            "1c-N",
            "2025-09",
            "5",
        ],
    );
    assert!(
        why.contains("does not hold the role operator for KPKNL-SINGKAWANG"),
        "{why}"
    );

    // every change of the list is audited, under the user who made it
    let log = ok(&store, &["log", "--limit", "50"]);
    assert!(log.contains("access grant kepala admin"), "{log}");
    assert!(log.contains(&format!("access revoke {me} admin")), "{log}");
    // the refused changes are not stored
    assert!(!log.contains("KPKNL-SINGKAWANG    realisasi"), "{log}");
    wait_server_gone(&store);
}

#[test]
fn a_viewer_can_read_and_export_but_not_change() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(&store, &["access", "grant", &me, "viewer"]);
    ok(&store, &["access", "revoke", &me, "admin"]);
    let report = ok(&store, &["report"]);
    assert!(report.contains("KEMENKEU"), "{report}");
    let export = ok(&store, &["export"]);
    let doc: serde_json::Value = serde_json::from_str(&export).unwrap();
    assert!(doc["iku"].as_array().is_some_and(|a| !a.is_empty()));
    ok(&store, &["verify"]);
    ok(&store, &["log", "--limit", "3"]);
    let why = refused(&store, &["set", "KPKNL-PONTIANAK", "3b-N", "2025-09", "6"]);
    assert!(
        why.contains("operator") && why.contains("admin: kepala"),
        "{why}"
    );
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let why = refused(&store, &["import", "--replace", sample]);
    assert!(why.contains("admin"), "{why}");
    wait_server_gone(&store);
}

#[test]
fn someone_not_on_a_non_empty_list_cannot_even_read() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(&store, &["access", "revoke", &me, "admin"]);
    let why = refused(&store, &["report"]);
    assert!(why.contains("viewer") && why.contains("kepala"), "{why}");
    wait_server_gone(&store);
}
