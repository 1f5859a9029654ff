//! The views of a working day (issue 14): the tree's filter and its `/` prefixes, the list view,
//! the comparison of two periods, the detail pane's scroll, long footer messages, grid paging,
//! the legend.

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::domain::score::Status;
use kinerja::tui::App;
use kinerja::tui::action::Action;
use kinerja::tui::app::{Node, Screen};
use kinerja::tui::update::update;
use tui_support::{app, app_from, dataset};

fn screen(a: &mut App, w: u16, h: u16) -> String {
    crate::support::tui_support::screen(a, w, h)
}

/// The IKU rows of the tree pane (left of the detail), by code.
fn tree_iku_rows(text: &str, codes: &[&str]) -> Vec<String> {
    // the tree pane is the first two fifths of the screen
    text.lines()
        .map(|l| l.chars().take(48).collect::<String>())
        .filter(|l| codes.iter().any(|c| l.contains(&format!(" {c} "))))
        .collect()
}

/// Every IKU of the sample whose status for the period is `st`, scored independently of the
/// filter.
fn with_status(a: &mut App, st: Status) -> Vec<CodeRef> {
    let keys: Vec<CodeRef> = a.ds().iku.keys().cloned().collect();
    keys.into_iter()
        .filter(|k| a.unit_score(&k.unit).iku[&k.code].status == Some(st))
        .collect()
}

fn type_query(a: &mut App, q: &str) {
    update(a, Action::Search);
    for c in q.chars() {
        update(a, Action::Insert(c));
    }
}

/// The sample with KANWIL/IKU1 at half its target: red.
fn app_with_red() -> App {
    let mut ds = dataset();
    let iku = ds.iku.get_mut(&CodeRef::new("KANWIL", "IKU1")).unwrap();
    for m in 2..9 {
        iku.realisasi[m] = Some("50".parse().unwrap());
    }
    app_from(ds, false, false)
}

#[test]
fn the_red_filter_shows_only_red_iku_and_their_count() {
    let mut a = app_with_red();
    let red = with_status(&mut a, Status::Red);
    assert!(!red.is_empty(), "the sample has a red IKU");
    update(&mut a, Action::FilterNext);
    let f = a.filter().expect("a filter is on");
    assert_eq!(f.count, red.len());
    let text = screen(&mut a, 120, 40);
    assert!(
        text.contains(&format!("filter merah: {}", red.len())),
        "the tree's title says the filter and its count:\n{text}"
    );
    // every IKU row of the tree is red, and every red IKU is there
    let all: Vec<&str> = ["IKU1", "IKU2", "IKU3", "P1"].to_vec();
    let rows = tree_iku_rows(&text, &all);
    assert_eq!(rows.len(), red.len(), "{text}");
    for r in &rows {
        // the red mark (a finding mark may follow it), no other status mark
        let row = r.trim_start_matches(['│', '▶', ' ']);
        assert!(row.starts_with('▼'), "{r}");
        assert!(!row.contains('●') && !row.contains('▲'), "{r}");
    }
    // the selection is on the first match, the tree is made of matches and their ancestors
    assert!(matches!(a.node(), Some(Node::Iku(_))), "{:?}", a.node());
    for p in a.visible() {
        if let Some(Node::Iku(k)) = p.last() {
            assert!(red.contains(k), "{k:?} is not red");
        }
    }
    // F takes it away: the tree is whole again
    update(&mut a, Action::FilterClear);
    assert!(a.filter().is_none());
    let text = screen(&mut a, 120, 40);
    assert!(!text.contains("filter merah"), "{text}");
}

#[test]
fn slash_prefixes_apply_a_filter_with_its_words() {
    let mut a = app_with_red();
    let red = with_status(&mut a, Status::Red);
    type_query(&mut a, "merah");
    // while typing the footer says what Enter does, and nothing is searched
    assert!(a.status().contains("Enter: filter merah"), "{}", a.status());
    update(&mut a, Action::Commit);
    assert_eq!(a.filter().map(|f| f.count), Some(red.len()));
    assert_eq!(*a.screen(), Screen::Tree);
    // a perspective tag with words: only the IKU of customer SS whose name has the words
    type_query(&mut a, "pl: kepuasan");
    update(&mut a, Action::Commit);
    let f = a.filter().unwrap();
    assert_eq!(
        f.count, 1,
        "only KANWIL/IKU2 (Indeks kepuasan, SS S2 pelanggan)"
    );
    assert_eq!(a.node(), Some(&Node::Iku(CodeRef::new("KANWIL", "IKU2"))));
    // nothing matches: the count is 0 and the status says so as an error
    type_query(&mut a, "temuan tidakada");
    update(&mut a, Action::Commit);
    assert_eq!(a.filter().map(|f| f.count), Some(0));
    assert!(a.status_is_error());
}

#[test]
fn filter_next_goes_through_every_filter_and_back_to_none() {
    let mut a = app();
    let mut seen = Vec::new();
    for _ in 0..20 {
        update(&mut a, Action::FilterNext);
        match a.filter() {
            Some(f) => seen.push(f.label()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        ["merah", "kuning", "temuan", "belum", "pk", "pl", "pi", "pp"]
    );
}

#[test]
fn the_list_view_sorts_the_iku_in_view_by_capaian_change_and_code() {
    let mut a = app();
    update(&mut a, Action::ListView);
    assert_eq!(*a.screen(), Screen::List);
    let rows = a.list().rows.clone();
    assert_eq!(rows.len(), 5, "every IKU of the units in view: {rows:?}");
    // by capaian: lowest first
    let caps: Vec<_> = rows
        .iter()
        .map(|k| a.unit_score(&k.unit).iku[&k.code].capaian)
        .collect();
    let mut sorted = caps.clone();
    sorted.sort_by(|x, y| match (x, y) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        _ => std::cmp::Ordering::Equal,
    });
    assert_eq!(caps, sorted);
    // the detail shows the IKU under the cursor; the pane says the order
    assert_eq!(a.node(), Some(&Node::Iku(rows[0].clone())));
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("Daftar IKU (5) · urut capaian"), "{text}");
    update(&mut a, Action::Down);
    assert_eq!(a.node(), Some(&Node::Iku(rows[1].clone())));
    // by change since June (the quarter before September), then by code
    update(&mut a, Action::ListSort);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("urut perubahan sejak Jun"), "{text}");
    update(&mut a, Action::ListSort);
    let codes: Vec<String> = a.list().rows.iter().map(|k| k.code.clone()).collect();
    assert_eq!(codes, ["IKU1", "IKU2", "IKU3", "IKU3", "P1"]);
    // Enter opens the grid of the IKU; v closes the list back to the tree on it
    update(&mut a, Action::ListView);
    assert_eq!(*a.screen(), Screen::Tree);
    assert!(a.is_row(a.selected()));
}

#[test]
fn the_comparison_shows_both_periods_and_the_change() {
    let mut a = app();
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU2")));
    update(&mut a, Action::Compare);
    assert_eq!(a.compare_period(), Some(6), "TW II against TW III");
    let text = screen(&mut a, 120, 40);
    // IKU2: Jun 90/100 = 90,00; Sep 135/150 = 90,00
    assert!(
        text.contains("Capaian s.d.: Jun 90,00 → Sep 90,00 (perubahan 0,00)"),
        "{text}"
    );
    assert!(
        text.contains("Realisasi: Jun 90 → Sep 135 (perubahan +45)"),
        "{text}"
    );
    // the unit pane: the NKO at both periods
    a.select_node(&Node::Unit("KANWIL".into()));
    update(&mut a, Action::Redraw);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("Perbandingan NKO: Jun "), "{text}");
    // the SS pane: a column for the comparison period and the change
    a.select_node(&Node::Ss(CodeRef::new("KANWIL", "S1")));
    update(&mut a, Action::Redraw);
    let text = screen(&mut a, 120, 40);
    // KANWIL/IKU1: 98,33 at June (590/600), 98,89 at September, +0,56
    assert!(text.contains("Perub."), "{text}");
    assert!(text.contains("98,33   +0,56"), "{text}");
    // } moves the comparison period, c turns it off
    update(&mut a, Action::CompareNext);
    assert_eq!(a.compare_period(), Some(7));
    update(&mut a, Action::Compare);
    assert_eq!(a.compare_period(), None);
    let text = screen(&mut a, 120, 40);
    assert!(!text.contains("Perub."), "{text}");
}

fn long_definition_app() -> App {
    let mut ds = dataset();
    let iku = ds.iku.get_mut(&CodeRef::new("KANWIL", "IKU1")).unwrap();
    iku.definition = format!(
        "Awal definisi {} akhir definisi",
        "kata yang panjang sekali ".repeat(40)
    );
    let mut a = app_from(ds, false, false);
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    a
}

#[test]
fn a_long_definisi_wraps_and_scrolls_to_its_end_at_80x24() {
    let mut a = long_definition_app();
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains("akhir definisi"), "{text}");
    assert!(text.contains("▼ lagi di bawah (J)"), "{text}");
    let mut end = text;
    for _ in 0..60 {
        update(&mut a, Action::DetailDown);
        end = screen(&mut a, 80, 24);
        if end.contains("akhir definisi") {
            break;
        }
    }
    assert!(end.contains("akhir definisi"), "{end}");
    assert!(end.contains("▲ lagi di atas (K)"), "{end}");
    // another node starts at its top
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU2")));
    assert_eq!(a.detail_scroll(), 0);
}

#[test]
fn nothing_is_cut_without_a_mark_in_every_pane_at_every_size() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
        let mut a = long_definition_app();
        for node in [
            Node::Unit("PUSAT".into()),
            Node::Unit("KANWIL".into()),
            Node::Ss(CodeRef::new("KANWIL", "S1")),
            Node::Iku(CodeRef::new("KANWIL", "IKU1")),
            Node::Iku(CodeRef::new("PUSAT", "P1")),
        ] {
            a.select_node(&node);
            update(&mut a, Action::Redraw);
            let text = screen(&mut a, w, h);
            // the tree's numbers are whole: every row ends its number before any `…`
            for l in text.lines() {
                let left = l.split("││").next().unwrap_or(l);
                if left.contains('…') {
                    assert!(left.contains(','), "a cut row keeps its number: {left}");
                }
            }
            if let Node::Iku(k) = &node {
                // the IKU names its unit and SS
                assert!(text.contains(&format!("Unit: {}", k.unit)), "{text}");
                if k.code == "IKU1" && h < 60 {
                    assert!(text.contains("lagi di bawah"), "{w}x{h}:\n{text}");
                }
            }
        }
    }
}

#[test]
fn the_grid_pages_its_months_at_80x24() {
    let mut a = app();
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    update(&mut a, Action::FocusGrid);
    update(&mut a, Action::First);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("Jan"), "{text}");
    assert!(
        text.contains("▶"),
        "the header says more months follow:\n{text}"
    );
    update(&mut a, Action::PageDown);
    let m = a.month();
    assert!(m > 1, "a page further");
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains(" Jan "), "{text}");
    assert!(text.contains("◀"), "{text}");
    update(&mut a, Action::PageUp);
    assert_eq!(a.month(), 1);
}

#[test]
fn a_long_message_says_it_is_longer_and_opens_in_full() {
    let mut a = app();
    let long = format!("awal {} akhir pesan", "kata ".repeat(40));
    a.error(long.clone());
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("[m: selengkapnya]"), "{text}");
    assert!(!text.contains("akhir pesan"), "{text}");
    update(&mut a, Action::ShowMessage);
    assert!(matches!(a.screen(), Screen::Message { .. }));
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("akhir"), "{text}");
    update(&mut a, Action::Cancel);
    assert_eq!(*a.screen(), Screen::Tree);
}

#[test]
fn a_message_goes_with_the_next_key() {
    let mut a = app();
    a.error("penolakan lama");
    update(&mut a, Action::Down);
    assert_eq!(a.status(), "");
    // search: Esc leaves no "Hasil 1 dari 1"
    type_query(&mut a, "IKU2");
    assert!(a.status().contains("1 dari 1"), "{}", a.status());
    update(&mut a, Action::Commit);
    update(&mut a, Action::Down);
    assert!(!a.status().contains("dari"), "{}", a.status());
}

#[test]
fn the_reason_prompt_offers_only_save_and_cancel() {
    let mut a = app();
    a.select_node(&Node::Iku(CodeRef::new("PUSAT", "P1")));
    update(&mut a, Action::StartAddendum);
    update(&mut a, Action::SubmitAddendum);
    if matches!(a.screen(), Screen::AddendumReason(_)) {
        let hints = kinerja::tui::ui::status::key_hints(&a, 200);
        assert!(!hints.contains("bulan berikutnya"), "{hints}");
        assert!(hints.contains("Simpan"), "{hints}");
    }
}

#[test]
fn tab_on_an_ss_without_iku_says_so() {
    let mut a = app();
    update(&mut a, Action::FilterNext);
    update(&mut a, Action::FilterClear);
    a.select_node(&Node::Unit("KPP".into()));
    update(&mut a, Action::SwitchPane);
    // KPP has its own IKU3: the grid opens on it
    assert_eq!(a.node(), Some(&Node::Iku(CodeRef::new("KPP", "IKU3"))));
}

#[test]
fn the_legend_lists_every_mark_the_theme_defines() {
    for (ascii, no_color) in [(false, false), (true, false), (false, true)] {
        let a = tui_support::app_with(ascii, no_color, None);
        let th = a.theme();
        let lines: Vec<String> = kinerja::tui::ui::help::lines_for(&a, 100)
            .iter()
            .map(|l| l.to_string())
            .collect();
        let legend_at = lines
            .iter()
            .position(|l| l.contains("Tanda"))
            .unwrap_or_else(|| panic!("no legend heading:\n{}", lines.join("\n")));
        let legend = &lines[legend_at..];
        for mark in [
            th.marks.green,
            th.marks.yellow,
            th.marks.red,
            th.marks.none,
            th.tree_open.trim_end(),
            th.tree_closed.trim_end(),
            th.selection_symbol.trim_end(),
            th.selection_symbol_held.trim_end(),
            "!",
            "?",
            "*",
            "+",
        ] {
            assert!(
                legend.iter().any(|l| l.trim_start().starts_with(mark)),
                "{mark:?} is not in the legend:\n{}",
                legend.join("\n")
            );
        }
    }
}
