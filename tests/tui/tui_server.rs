//! End-to-end (issue 11): two TUIs on one store through its server. An edit saved in one
//! appears in the other without a key, with who changed what in the footer; `kinerja set` and
//! `kinerja report` work while both are open; two editors of one cell: the second is told and
//! shown the value that won. A change made in one TUI or by `kinerja set` updates the other
//! TUI's unit NKO, its ancestors, K3 and findings; an undo of a cell someone else has since
//! overwritten is refused through the keys.

use crate::support::tmux_support;

use tmux_support::{Tmux, cli, find_and_open_grid, have_tmux, realisasi_in_export, row_nko};

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

/// Each unit's NKO and NKO K3 as `kinerja report --format json` computes them now, written as
/// the screen writes them ("105,64", "–").
fn report_values(home: &std::path::Path) -> Vec<(String, String, String)> {
    let o = cli(home, &["report", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shown = |v: &serde_json::Value| match v.as_str() {
        Some(s) => s.replace('.', ","),
        None => "–".to_string(),
    };
    doc.as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["unit"].as_str().unwrap().to_string(),
                shown(&u["nko"]),
                shown(&u["k3"]["nko_k3"]),
            )
        })
        .collect()
}

/// The units on the path from the ministry to Pontianak, as the tree shows them.
const PATH: [&str; 4] = ["KEMENKEU", "DJKN", "KANWIL-KALBAR", "KPKNL-PONTIANAK"];

/// The NKO on every tree row of `PATH` and Pontianak's NKO K3 in its K3 panel equal what the
/// report computes from the store now.
fn assert_screen_matches_report(screen: &str, home: &std::path::Path) {
    let report = report_values(home);
    for unit in PATH {
        let (_, nko, nko_k3) = report.iter().find(|(u, _, _)| u == unit).unwrap();
        let row = row_nko(screen, unit);
        assert_eq!(
            row.trim_end_matches('*'),
            nko,
            "{unit}'s row shows the stored NKO:\n{screen}"
        );
        if unit == "KPKNL-PONTIANAK" {
            assert!(
                screen.contains(&format!("NKO K3: {nko_k3}")),
                "the K3 panel shows NKO K3 {nko_k3}:\n{screen}"
            );
        }
    }
}

#[test]
fn a_change_by_one_tui_or_by_set_updates_nko_ancestors_k3_and_findings_in_the_other() {
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let a = Tmux::new(home.path(), "live-a");
    let b = Tmux::new(home.path(), "live-b");
    a.start(&[]);
    a.wait_for("KEMENKEU");
    b.start(&[]);
    b.wait_for("KEMENKEU");
    // B looks at Pontianak: its NKO, K3 panel and findings in the detail, the units that roll
    // it up on the tree rows above it
    b.keys(&["/"]);
    b.text("KPKNL-PONTIANAK");
    b.keys(&["Enter"]);
    let before = b.wait_for("NKO K3");
    assert!(before.contains("Temuan: tidak ada"), "{before}");
    assert_screen_matches_report(&before, home.path());

    // A's TUI: 1 day in September, far better than the October target, so R09 (addendum due)
    find_and_open_grid(&a);
    a.keys(&["Enter"]);
    a.text("1");
    a.keys(&["Enter"]);
    a.wait_for("Tersimpan");
    let seen = b.wait_for("3b-N Sep 5,6 → 1");
    // (the frame with the footer is the frame with the new numbers)
    assert_ne!(
        row_nko(&seen, "KPKNL-PONTIANAK"),
        row_nko(&before, "KPKNL-PONTIANAK"),
        "{seen}"
    );
    assert!(
        seen.contains("Temuan (1)") && seen.contains("R09"),
        "the new finding is shown without a key:\n{seen}"
    );
    assert_screen_matches_report(&seen, home.path());

    // `kinerja set` of a cascaded IKU: Pontianak's 1b-CP rolls up into KANWIL-KALBAR's
    let o = cli(
        home.path(),
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-09", "3"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let set = b.wait_for("1b-CP Sep 1,98 → 3");
    assert_ne!(
        row_nko(&set, "KANWIL-KALBAR"),
        row_nko(&seen, "KANWIL-KALBAR"),
        "the parent that rolls it up changes:\n{set}"
    );
    assert_screen_matches_report(&set, home.path());
    // the author's TUI shows it too (its tree has the same rows unfolded by its search)
    let on_a = a.wait_for("1b-CP Sep 1,98 → 3");
    assert_eq!(
        row_nko(&on_a, "KANWIL-KALBAR"),
        row_nko(&set, "KANWIL-KALBAR"),
        "{on_a}"
    );

    // A undoes its edit: the finding goes away in B as well
    a.keys(&["u"]);
    a.wait_for("3b-N Sep");
    let undone = b.wait_for("3b-N Sep 1 → 5,6");
    assert!(undone.contains("Temuan: tidak ada"), "{undone}");
    assert_screen_matches_report(&undone, home.path());

    for t in [&a, &b] {
        t.keys(&["Escape", "q"]);
        t.wait_gone();
    }
}

#[test]
fn an_undo_through_the_keys_of_a_cell_someone_else_overwrote_is_refused_and_names_them() {
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let a = Tmux::new(home.path(), "undo-a");
    a.start(&[]);
    a.wait_for("KEMENKEU");
    find_and_open_grid(&a);
    a.keys(&["Enter"]);
    a.text("9");
    a.keys(&["Enter"]);
    a.wait_for("Tersimpan");
    // someone else overwrites the 9 with an 8
    let o = cli(
        home.path(),
        &["set", "KPKNL-PONTIANAK", "3b-N", "2025-09", "8"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    a.wait_for("Sep 9 → 8");
    // A's undo expects the 9 it set: refused, naming who changed it and the value now
    a.keys(&["u"]);
    let me = kinerja::safe::identity::current_user();
    let told = a.wait_for("sudah diubah oleh");
    assert!(told.contains(&format!("oleh {me}")), "{told}");
    // the grid shows the value that won
    assert!(second_half_realisasi(&told).contains(" 8 "), "{told}");
    // the whole message (longer than the footer) names the value now
    a.keys(&["m"]);
    a.wait_for("menjadi 8");
    a.keys(&["Escape"]);
    assert_eq!(
        realisasi_in_export(home.path(), "KPKNL-PONTIANAK", "3b-N", 9),
        "8",
        "the other's 8 is not overwritten"
    );
    let log =
        String::from_utf8_lossy(&cli(home.path(), &["log", "--limit", "1"]).stdout).into_owned();
    assert!(log.contains("9 → 8"), "the undo wrote nothing:\n{log}");
    a.keys(&["Escape", "q"]);
    a.wait_gone();
}
