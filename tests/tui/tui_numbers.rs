//! Completeness in the TUI (DOMAIN.md §11): the default period is the latest complete month, and
//! a number resting on missing realisasi carries the mark in the tree and says in the detail
//! pane what it waits for.

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::tui::App;
use kinerja::tui::action::Action;
use kinerja::tui::app::Node;
use kinerja::tui::update::update;
use tui_support::{app_from, d, dataset};

fn screen(app: &mut App) -> String {
    crate::support::tui_support::screen(app, 120, 40)
}

/// `dataset()` (complete up to September) with PUSAT/P1's October entered: only PUSAT reports
/// October.
fn october_in_one_unit() -> App {
    let mut ds = dataset();
    ds.iku
        .get_mut(&CodeRef::new("PUSAT", "P1"))
        .unwrap()
        .realisasi[9] = Some(d("1000"));
    app_from(ds, false, false)
}

#[test]
fn the_default_period_is_the_latest_complete_month() {
    let app = october_in_one_unit();
    assert_eq!(app.period(), 9, "October rests on one unit only");
}

#[test]
fn an_incomplete_nko_is_marked_in_the_tree_and_the_detail_names_what_is_missing() {
    let mut app = october_in_one_unit();
    app.select_node(&Node::Unit("KANWIL".into()));
    let s = screen(&mut app);
    assert!(
        !s.contains("menunggu realisasi"),
        "September is complete:\n{s}"
    );
    update(&mut app, Action::NextPeriod);
    assert_eq!(app.period(), 10);
    let s = screen(&mut app);
    let kanwil: String = s
        .lines()
        .map(|l| l.chars().take(46).collect::<String>())
        .find(|l| l.contains("KANWIL "))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(
        kanwil.contains('*'),
        "KANWIL's NKO carries the mark: {kanwil}\n{s}"
    );
    assert!(
        s.contains("* belum lengkap: menunggu realisasi KANWIL/IKU1 Oktober"),
        "{s}"
    );
    // the roll-up IKU3 waits for KPP, named by unit
    assert!(s.contains("KPP/IKU3"), "{s}");
}
