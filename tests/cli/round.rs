//! The month-end round on the command line (issue 15): submit, validate, return, close, reopen
//! through the store server, with the roles of the access list; corrections with a reason; a
//! closed month refused to every role.

use crate::support::cli_support::{kinerja, me, stderr, stdout};
use crate::support::server_support::sample_store;

fn ok(store: &std::path::Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn refused(store: &std::path::Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert!(!o.status.success(), "{args:?} was allowed: {}", stdout(&o));
    assert_eq!(o.status.code(), Some(1), "{args:?}");
    stderr(&o)
}

const U: &str = "KPKNL-PONTIANAK";

#[test]
fn the_round_of_a_month_from_the_command_line_with_its_roles() {
    let home = tempfile::tempdir().unwrap();
    let store = sample_store(home.path());
    let me = me();
    // September: entered; submit it
    let out = ok(&store, &["submit", U, "2025-09"]);
    assert!(
        out.contains("Diajukan") && out.contains("diisi → diajukan"),
        "{out}"
    );
    // a correction now needs a reason
    let why = refused(&store, &["set", U, "1b-CP", "2025-09", "2"]);
    assert!(
        why.contains("diajukan") && why.contains("--reason"),
        "{why}"
    );
    let out = ok(
        &store,
        &["set", U, "1b-CP", "2025-09", "2", "--reason", "salah ketik"],
    );
    assert!(out.contains("1,98"), "{out}");
    // a return without a reason is refused; with one it is done, and shown
    let why = refused(&store, &["return", U, "2025-09"]);
    assert!(why.contains("alasan"), "{why}");
    let out = ok(
        &store,
        &[
            "--lang",
            "en",
            "return",
            U,
            "2025-09",
            "--reason",
            "Data dukung belum ada",
        ],
    );
    assert!(
        out.contains("Returned") && out.contains("Reason: Data dukung belum ada"),
        "{out}"
    );
    // a returned month is editable without a reason; submit, validate, close
    ok(&store, &["set", U, "1b-CP", "2025-09", "1,99"]);
    ok(&store, &["submit", U, "2025-09"]);
    // closing before validation: the state refuses it
    let why = refused(&store, &["--lang", "en", "close", U, "2025-09"]);
    assert!(why.contains("close only from divalidasi"), "{why}");
    ok(&store, &["validate", U, "2025-09"]);
    ok(&store, &["close", U, "2025-09"]);
    // closed: every change refused, also to an admin
    for args in [
        vec!["set", U, "1b-CP", "2025-09", "3"],
        vec!["set", U, "1b-CP", "2025-09", "3", "--reason", "koreksi"],
        vec!["set", U, "1b-CP", "2025-09", "--clear"],
        vec!["submit", U, "2025-09"],
        vec!["validate", U, "2025-09"],
        vec!["return", U, "2025-09", "--reason", "x"],
        vec!["close", U, "2025-09"],
    ] {
        let why = refused(&store, &args);
        assert!(why.contains("ditetapkan"), "{args:?}: {why}");
    }
    // reopening needs a reason, is audited, and the month takes a correction again
    refused(&store, &["reopen", U, "2025-09"]);
    ok(&store, &["reopen", U, "2025-09", "--reason", "Koreksi BA"]);
    ok(&store, &["set", U, "1b-CP", "2025-09", "1,97"]);
    let log = ok(&store, &["log", "--unit", U]);
    for what in [
        "reopen 2025-09",
        "close 2025-09",
        "validate 2025-09",
        "return 2025-09",
        "submit 2025-09",
        "realisasi 1b-CP 2025-09 (correction: salah ketik)",
    ] {
        assert!(log.contains(what), "{what} not in the log:\n{log}");
    }
    assert!(log.contains("Koreksi BA"), "{log}");

    // now with roles: kepala is admin, this user operator and validator of the unit
    ok(&store, &["submit", U, "2025-09"]);
    ok(&store, &["validate", U, "2025-09"]);
    ok(&store, &["close", U, "2025-09"]);
    ok(&store, &["access", "grant", "kepala", "admin"]);
    ok(&store, &["access", "grant", &me, "operator", "--unit", U]);
    ok(
        &store,
        &[
            "access",
            "grant",
            &me,
            "validator",
            "--unit",
            "KANWIL-KALBAR",
        ],
    );
    ok(&store, &["access", "revoke", &me, "admin"]);
    // closed for the operator and for the validator
    let why = refused(
        &store,
        &["set", U, "1b-CP", "2025-09", "3", "--reason", "x"],
    );
    assert!(why.contains("ditetapkan"), "{why}");
    let why = refused(&store, &["validate", U, "2025-09"]);
    assert!(why.contains("ditetapkan"), "{why}");
    // only an admin reopens or closes: refused naming the role and the admins
    let why = refused(&store, &["reopen", U, "2025-09", "--reason", "x"]);
    assert!(why.contains("admin") && why.contains("kepala"), "{why}");
    // October: the operator submits; the validator of the unit above validates
    ok(&store, &["set", U, "1b-CP", "2025-10", "1,9"]);
    ok(&store, &["submit", U, "2025-10"]);
    ok(&store, &["validate", U, "2025-10"]);
    let why = refused(&store, &["close", U, "2025-10"]);
    assert!(why.contains("admin"), "{why}");
    // a viewer elsewhere may not submit
    let why = refused(&store, &["submit", "KPKNL-SINGKAWANG", "2025-10"]);
    assert!(
        why.contains("operator") && why.contains("KPKNL-SINGKAWANG"),
        "{why}"
    );
}
