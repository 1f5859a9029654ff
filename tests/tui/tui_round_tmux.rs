//! End-to-end (issue 15 acceptance): two TUIs on one group store through its server, as two Unix
//! users with their roles in the access list. The operator submits the month of
//! KPKNL-PONTIANAK; the validator's TUI shows it without a key; a validation the operator tries
//! is refused by the server with its reason; the validator returns the month with a reason; the
//! operator's TUI shows the return and the reason without a key.
//!
//! The users and their group are made for the test when it runs as root (and removed after),
//! as `tests/cli/server_users.rs` does; as anyone else the test says so and passes.

use std::path::PathBuf;
use std::process::Output;

use crate::support::cli_support::{self, Accounts, kinerja, stderr, wait_server_gone};
use crate::support::tmux_support::{Tmux, have_tmux};

fn make_accounts() -> Option<Accounts> {
    // distinct from the names of the CLI's two-user test, which may run at the same time
    cli_support::make_accounts("kjr", "kr", &["op", "va"])
}

fn ok(o: Output, what: &str) {
    assert!(o.status.success(), "{what}: {}", stderr(&o));
}

/// Selects the tree row of unit `code` through the search.
fn go_to_unit(t: &Tmux, code: &str) {
    t.keys(&["/"]);
    t.text(code);
    t.keys(&["Enter"]);
    t.wait_for(&format!("{code} "));
}

#[test]
fn an_operator_submits_a_validator_sees_it_live_returns_it_and_the_operator_sees_the_reason() {
    if !have_tmux() {
        return;
    }
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("not root: the two-user round tmux test is skipped");
        return;
    }
    let Some(acc) = make_accounts() else {
        eprintln!("useradd/groupadd failed: the two-user round tmux test is skipped");
        return;
    };
    let (op, va) = (acc.users[0].clone(), acc.users[1].clone());
    let home = tempfile::tempdir().unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let store: PathBuf = home.path().join("tim");
    let s = store.display().to_string();
    // the administrator (root) makes the group store and the access list
    ok(kinerja(&store, &["init", "--group", &acc.group]), "init");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    ok(kinerja(&store, &["import", sample]), "import");
    ok(
        kinerja(
            &store,
            &[
                "access",
                "grant",
                &op,
                "operator",
                "--unit",
                "KPKNL-PONTIANAK",
            ],
        ),
        "grant operator",
    );
    ok(
        kinerja(
            &store,
            &[
                "access",
                "grant",
                &va,
                "validator",
                "--unit",
                "KANWIL-KALBAR",
            ],
        ),
        "grant validator",
    );
    wait_server_gone(&store);

    let a = Tmux::new(home.path(), "round-op");
    let b = Tmux::new(home.path(), "round-va");
    a.start_as(&op, &["--store", &s]);
    a.wait_for("KEMENKEU");
    b.start_as(&va, &["--store", &s]);
    b.wait_for("KEMENKEU");
    a.wait_for(&format!("Juga: {va}"));
    go_to_unit(&a, "KPKNL-PONTIANAK");
    go_to_unit(&b, "KPKNL-PONTIANAK");

    // the operator submits the month in view (the period, September)
    a.keys(&["S"]);
    let sa = a.wait_for("diisi → diajukan");
    assert!(sa.contains("Diajukan: KPKNL-PONTIANAK Sep 2025"), "{sa}");
    assert!(sa.contains("↑ KPKNL-PONTIANAK"), "{sa}");
    // the validator sees it without a key: the mark and who did it
    let sb = b.wait_for(&format!("{op}: KPKNL-PONTIANAK Sep diisi → diajukan"));
    assert!(sb.contains("↑ KPKNL-PONTIANAK"), "{sb}");

    // the operator may not validate: the server refuses, naming the role
    a.keys(&["V"]);
    let sa = a.wait_for("Tidak tersimpan");
    assert!(sa.contains("validator"), "{sa}");

    // the validator returns it with a reason
    b.keys(&["R"]);
    b.wait_for("Alasan mengembalikan KPKNL-PONTIANAK Sep");
    b.text("Realisasi lelang belum sesuai risalah");
    b.keys(&["Enter"]);
    let sb = b.wait_for("diajukan → dikembalikan");
    assert!(sb.contains("↩ KPKNL-PONTIANAK"), "{sb}");

    // the operator sees the return and its reason, without a key
    let sa = a.wait_for("Alasan: Realisasi lelang belum sesuai risalah");
    assert!(
        sa.contains(&format!(
            "{va}: KPKNL-PONTIANAK Sep diajukan → dikembalikan"
        )),
        "{sa}"
    );
    assert!(sa.contains("↩ KPKNL-PONTIANAK"), "{sa}");
    // and can submit again
    a.keys(&["S"]);
    a.wait_for("dikembalikan → diajukan");
    b.wait_for(&format!(
        "{op}: KPKNL-PONTIANAK Sep dikembalikan → diajukan"
    ));

    a.keys(&["q"]);
    b.keys(&["q"]);
    a.wait_gone();
    b.wait_gone();
    // the audit names each user by the kernel's word
    let log = kinerja(&store, &["log", "--limit", "5"]);
    let log = String::from_utf8_lossy(&log.stdout).into_owned();
    assert!(log.contains(&op) && log.contains(&va), "{log}");
    wait_server_gone(&store);
    drop(acc);
}
