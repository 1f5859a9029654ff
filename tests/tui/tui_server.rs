//! End-to-end (issue 11): two TUIs on one store through its server. An edit saved in one
//! appears in the other without a key, with who changed what in the footer; `kinerja set` and
//! `kinerja report` work while both are open; two editors of one cell: the second is told and
//! shown the value that won.

use crate::support::tmux_support;

use tmux_support::{Tmux, cli, find_and_open_grid, have_tmux};

/// The grid row of realisasi for Jul–Des (the second half of the year).
fn second_half_realisasi(screen: &str) -> String {
    screen
        .lines()
        .filter(|l| l.contains("Realisasi"))
        .nth(1)
        .unwrap_or_else(|| panic!("no realisasi row:\n{screen}"))
        .to_string()
}

#[test]
fn two_tuis_see_each_others_edits_and_a_set_live_and_a_conflict_is_told() {
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let a = Tmux::new(home.path(), "srv-a");
    let b = Tmux::new(home.path(), "srv-b");
    a.start(&[]);
    a.wait_for("KEMENKEU");
    b.start(&[]);
    b.wait_for("KEMENKEU");
    // the header names who else is connected
    let me = kinerja::safe::identity::current_user();
    a.wait_for(&format!("Juga: {me}"));
    find_and_open_grid(&a);
    find_and_open_grid(&b);

    // an edit saved in A appears in B without a key, with its author in the footer
    a.keys(&["Enter"]);
    a.text("9");
    a.keys(&["Enter"]);
    a.wait_for("Tersimpan");
    let seen = b.wait_for("3b-N Sep 5,6 → 9");
    assert!(
        seen.contains(&format!("{me}: KPKNL-PONTIANAK 3b-N Sep 5,6 → 9")),
        "{seen}"
    );
    assert!(second_half_realisasi(&seen).contains(" 9 "), "{seen}");

    // `kinerja set` and `kinerja report` while both are open
    let o = cli(
        home.path(),
        &["set", "KPKNL-PONTIANAK", "3b-N", "2025-08", "7"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for t in [&a, &b] {
        let s = t.wait_for("3b-N Agu 6,1 → 7");
        assert!(second_half_realisasi(&s).contains(" 7 "), "{s}");
    }
    let o = cli(home.path(), &["report"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("KEMENKEU"));

    // B opens the editor on September (showing 9); A saves 8 meanwhile; B's 10 is refused,
    // naming who changed it, and B's editor shows the 8 that won
    b.keys(&["Enter"]);
    b.wait_for("UBAH");
    a.keys(&["Enter"]);
    a.text("8");
    a.keys(&["Enter"]);
    a.wait_for("Tersimpan");
    // (whether or not B has drawn A's change yet, B's change carries the 9 it saw)
    b.text("10");
    b.keys(&["Enter"]);
    let told = b.wait_for("sudah diubah oleh");
    assert!(told.contains(&format!("oleh {me}")), "{told}");
    assert!(
        told.contains("Realisasi Sep: 8"),
        "the editor shows the value now:\n{told}"
    );
    // nothing was overwritten
    let log =
        String::from_utf8_lossy(&cli(home.path(), &["log", "--limit", "1"]).stdout).into_owned();
    assert!(log.contains("9 → 8"), "{log}");
    // having seen the 8, B may save over it knowingly
    b.text("10");
    b.keys(&["Enter"]);
    b.wait_for("Tersimpan");
    a.wait_for("Sep 8 → 10");

    // kill -9 of the server: both notice, a new server is started, they reload and say so,
    // and live edits flow again
    let store = home.path().join("data/kinerja");
    let pid = kinerja::server::recorded_pid(&store).unwrap();
    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
    for t in [&a, &b] {
        t.wait_for("Server kinerja berhenti");
    }
    a.keys(&["Enter"]);
    a.text("11");
    a.keys(&["Enter"]);
    a.wait_for("Tersimpan");
    b.wait_for("Sep 10 → 11");
    assert_ne!(
        kinerja::server::recorded_pid(&store),
        Some(pid),
        "a new server"
    );

    for t in [&a, &b] {
        t.keys(&["Escape", "q"]);
        t.wait_gone();
    }
}
