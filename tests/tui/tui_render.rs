//! Render tests through ratatui's TestBackend: text of each pane and the selection's style in
//! colour, NO_COLOR (monochrome) and ASCII modes, at 80×24 and 120×40.

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::tui::App;
use kinerja::tui::action::Action;
use kinerja::tui::app::Node;
use kinerja::tui::update::update;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tui_support::{addendum_dataset, app, app_from, app_with};

fn render(app: &mut App, w: u16, h: u16) -> Buffer {
    crate::support::tui_support::render(app, w, h)
}

fn lines(buf: &Buffer) -> Vec<String> {
    crate::support::tui_support::lines(buf)
}

fn screen(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// Position (x, y) of the first occurrence of `needle` at or after column `from_x`.
fn find_from(buf: &Buffer, needle: &str, from_x: u16) -> Option<(u16, u16)> {
    // below the header line
    for (y, line) in lines(buf).iter().enumerate().skip(1) {
        let chars: Vec<char> = line.chars().collect();
        let n: Vec<char> = needle.chars().collect();
        for x in from_x as usize..chars.len().saturating_sub(n.len() - 1) {
            if chars[x..x + n.len()] == n[..] {
                return Some((x as u16, y as u16));
            }
        }
    }
    None
}

fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    find_from(buf, needle, 0)
        .or_else(|| lines(buf)[0].find(needle).map(|_| (0, 0)))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{}", screen(buf)))
}

/// The cell carries the theme's selection style.
fn assert_selected(app: &App, buf: &Buffer, at: (u16, u16)) {
    let cell = &buf[at];
    let sel = app.theme().selection;
    assert!(
        cell.modifier.contains(sel.add_modifier) && !sel.add_modifier.is_empty(),
        "cell {at:?} {:?} lacks the selection modifiers {:?}",
        cell.modifier,
        sel.add_modifier
    );
    if let Some(fg) = sel.fg {
        assert_eq!(cell.fg, fg);
    }
    if let Some(bg) = sel.bg {
        assert_eq!(cell.bg, bg);
    }
}

fn assert_not_selected(app: &App, buf: &Buffer, at: (u16, u16)) {
    let cell = &buf[at];
    assert!(
        !cell.modifier.contains(app.theme().selection.add_modifier),
        "cell {at:?} looks selected: {:?}",
        cell.modifier
    );
}

fn select_iku(app: &mut App, unit: &str, code: &str) {
    app.select_node(&Node::Iku(CodeRef::new(unit, code)));
}

fn main_screen(w: u16, h: u16, ascii: bool, no_color: bool) -> (App, Buffer) {
    let mut a = app_with(ascii, no_color, None);
    let buf = render(&mut a, w, h);
    (a, buf)
}

fn check_main_screen(a: &App, buf: &Buffer) {
    let text = screen(buf);
    // header: store, year, rulebook, period, user
    for s in [
        "/data/kinerja.db",
        "2025",
        "kmk-300-2022",
        "s.d. Sep 2025",
        "budi",
    ] {
        assert!(
            lines(buf)[0].contains(s),
            "header lacks {s}: {}",
            lines(buf)[0]
        );
    }
    // tree: units start collapsed below the second level (PUSAT and KANWIL open, KPP closed)
    assert!(text.contains("PUSAT 120,00 Sangat Baik"), "{text}");
    assert!(text.contains("KANWIL 101,67"), "{text}");
    assert!(text.contains("KPP 120"), "KANWIL starts open:\n{text}");
    assert!(!text.contains("IKU KPP"), "KPP starts closed:\n{text}");
    // detail of the selected unit, numbers in the id locale with 2 decimals
    for s in [
        "PUSAT",
        "Kantor Pusat",
        "NKO:",
        "Predikat: Sangat Baik",
        "Jumlah IKU: 1",
        "Pemangku Kepentingan",
        "Indeks K3",
    ] {
        assert!(text.contains(s), "detail lacks {s}:\n{text}");
    }
    // footer: mode and keys from the keymap
    let footer = &lines(buf)[buf.area.height as usize - 1];
    assert!(
        footer.contains("q Keluar") && footer.contains("? Bantuan"),
        "{footer}"
    );
    assert!(lines(buf)[buf.area.height as usize - 2].contains("POHON"));
    // the selected row carries the selection style, the others do not
    let pusat = find(buf, "PUSAT 120");
    assert_selected(a, buf, pusat);
    assert_not_selected(a, buf, find(buf, "KANWIL 101"));
}

#[test]
fn main_screen_in_colour_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (a, buf) = main_screen(w, h, false, false);
        check_main_screen(&a, &buf);
        // status marks are coloured in the colour theme
        let (x, y) = find(&buf, "●? PUSAT");
        assert_eq!(buf[(x, y)].fg, a.theme().green.fg.unwrap());
    }
}

#[test]
fn main_screen_monochrome_keeps_the_selection_visible_without_colour() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (a, buf) = main_screen(w, h, false, true);
        check_main_screen(&a, &buf);
        let sel = buf[find(&buf, "PUSAT 120")].modifier;
        assert!(
            sel.contains(Modifier::BOLD | Modifier::UNDERLINED),
            "{sel:?}"
        );
        assert!(
            !sel.contains(Modifier::REVERSED),
            "NO_COLOR drops reverse video"
        );
        for y in 0..h {
            for x in 0..w {
                let c = &buf[(x, y)];
                assert!(
                    c.fg == Color::Reset && c.bg == Color::Reset,
                    "colour at {x},{y}: {:?}/{:?}",
                    c.fg,
                    c.bg
                );
            }
        }
        // status marks still tell the status apart, finding marks the findings
        assert!(screen(&buf).contains("●? PUSAT"));
        assert!(screen(&buf).contains("●! KANWIL"));
    }
}

#[test]
fn ascii_mode_uses_only_ascii() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut a, buf) = main_screen(w, h, true, false);
        check_main_screen(&a, &buf);
        assert!(screen(&buf).is_ascii(), "{}", screen(&buf));
        assert!(
            screen(&buf).contains("=>v +? PUSAT"),
            "selection symbol, open node, status mark, finding mark"
        );
        // the IKU pane with grid and sparklines too
        select_iku(&mut a, "KANWIL", "IKU1");
        update(&mut a, Action::FocusGrid);
        // the grid opens on the first empty month (October)
        assert_eq!(a.month(), 10);
        crate::support::tui_support::to_month(&mut a, 9);
        let buf = render(&mut a, w, h);
        assert!(screen(&buf).is_ascii(), "{}", screen(&buf));
        assert!(screen(&buf).contains("T ###"), "{}", screen(&buf));
        // help, editor
        update(&mut a, Action::StartEdit);
        assert!(screen(&render(&mut a, w, h)).is_ascii());
        update(&mut a, Action::Cancel);
        update(&mut a, Action::Help);
        assert!(screen(&render(&mut a, w, h)).is_ascii());
    }
    // ASCII and monochrome at once
    let (a, buf) = main_screen(80, 24, true, true);
    assert!(screen(&buf).is_ascii());
    assert_selected(&a, &buf, find(&buf, "PUSAT 120"));
}

fn grid_row(buf: &Buffer, label: &str) -> u16 {
    find(buf, label).1
}

/// The first row at or below `from_y` whose text holds `label`.
fn row_below(buf: &Buffer, label: &str, from_y: u16) -> u16 {
    lines(buf)
        .iter()
        .enumerate()
        .skip(from_y as usize)
        .find(|(_, l)| l.contains(label))
        .map(|(y, _)| y as u16)
        .unwrap_or_else(|| panic!("no {label:?} below row {from_y}"))
}

/// The x of the last character of month `name`'s column (values are right-aligned under it):
/// on a month header of the grid, the row right above a row of targets (the detail's lines
/// above the grid name months too).
fn month_col(buf: &Buffer, name: &str, from_x: u16) -> u16 {
    let (x, _) = month_head(buf, name, from_x);
    x + name.chars().count() as u16 - 1
}

/// Where month `name` is on a month header of the grid (right of `from_x`).
fn month_head(buf: &Buffer, name: &str, from_x: u16) -> (u16, u16) {
    let ls = lines(buf);
    let n: Vec<char> = name.chars().collect();
    for y in 1..ls.len().saturating_sub(1) {
        let below: String = ls[y + 1].chars().skip(from_x as usize).collect();
        if !below.contains("Target ") {
            continue;
        }
        let chars: Vec<char> = ls[y].chars().collect();
        for x in from_x as usize..chars.len().saturating_sub(n.len() - 1) {
            if chars[x..x + n.len()] == n[..] {
                return (x as u16, y as u16);
            }
        }
    }
    panic!("no month header with {name:?}:\n{}", screen(buf))
}

#[test]
fn iku_pane_shows_fields_grid_and_sparklines() {
    for (w, h, no_color) in [(80, 24, false), (120, 40, false), (120, 40, true)] {
        let mut a = app_with(false, no_color, None);
        select_iku(&mut a, "KANWIL", "IKU1");
        update(&mut a, Action::FocusGrid);
        // the grid opens on the first empty month (October)
        assert_eq!(a.month(), 10);
        crate::support::tui_support::to_month(&mut a, 9);
        let buf = render(&mut a, w, h);
        let text = screen(&buf);
        for s in [
            "IKU IKU1",
            "Penerimaan pajak",
            "Polaritas: maksimal",
            "Periode pelaporan: bulanan",
            "Target",
            "Realisasi",
            "Capaian s.d.",
            "Sep",
            "98,89",
            "Lintasan",
            "T ",
            "R ",
        ] {
            assert!(text.contains(s), "{s} missing at {w}x{h}:\n{text}");
        }
        // frozen months are marked (target of a month with realisasi; Feb realisasi by addendum)
        assert!(text.contains("100*"), "{text}");
        if w >= 120 {
            // February's realisasi stays correctable after the addendum: no frozen mark
            assert!(text.contains("90 ") && !text.contains("90*"), "{text}");
            assert!(text.contains("95,00"), "Feb capaian s.d.");
        }
        // the grid cursor (Sep, realisasi row) carries the selection style
        let tree_w = find_from(&buf, "IKU IKU1", 0).unwrap().0;
        let x = month_col(&buf, "Sep", tree_w);
        let sep_y = month_head(&buf, "Sep", tree_w).1;
        let y = row_below(&buf, "Realisasi   ", sep_y);
        assert_selected(&a, &buf, (x, y));
        assert_not_selected(&a, &buf, (x, row_below(&buf, "Target ", sep_y)));
        if w >= 120 {
            // all twelve months: two half-year blocks when one row does not fit
            for m in ["Jan", "Jun", "Jul", "Des"] {
                assert!(
                    find_from(&buf, m, tree_w).is_some(),
                    "{m} shown at {w}x{h}:\n{text}"
                );
            }
        }
        // the tree row of the IKU stays marked as the selection
        assert_selected(&a, &buf, find(&buf, "IKU1 98,89"));
        // moving the cursor moves the style
        update(&mut a, Action::Left);
        let buf = render(&mut a, w, h);
        let x8 = month_col(&buf, "Agu", tree_w);
        assert_selected(&a, &buf, (x8, y));
        if let Some((x9, _)) = find_from(&buf, "Sep", tree_w) {
            assert_not_selected(&a, &buf, (x9 + 2, y));
        }
    }
}

#[test]
fn non_reporting_months_are_dimmed() {
    let mut a = app();
    select_iku(&mut a, "KANWIL", "IKU2");
    update(&mut a, Action::FocusGrid);
    let buf = render(&mut a, 120, 40);
    let tree_w = find(&buf, "IKU IKU2").0;
    let y = grid_row(&buf, "Target ");
    let aug = month_col(&buf, "Agu", tree_w);
    let sep = month_col(&buf, "Sep", tree_w);
    assert_eq!(buf[(aug, y)].fg, a.theme().dim.fg.unwrap_or(Color::Reset));
    assert_eq!(buf[(aug, y)].symbol(), "–");
    assert_ne!(buf[(sep, y)].fg, a.theme().dim.fg.unwrap_or(Color::Reset));
}

#[test]
fn editor_shows_the_buffer_and_the_reason_of_a_refusal() {
    let mut a = app();
    select_iku(&mut a, "KANWIL", "IKU1");
    update(&mut a, Action::FocusGrid);
    crate::support::tui_support::to_month(&mut a, 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    for c in "12x".chars() {
        update(&mut a, Action::Insert(c));
    }
    let buf = render(&mut a, 80, 24);
    let status = &lines(&buf)[22];
    assert!(
        status.contains("UBAH") && status.contains("Realisasi Sep: 12x"),
        "{status}"
    );
    update(&mut a, Action::Commit);
    let buf = render(&mut a, 80, 24);
    let status = &lines(&buf)[22];
    let reason = a.editor().unwrap().error().unwrap().to_string();
    assert!(
        status.contains(&reason[..10.min(reason.len())]),
        "{status} / {reason}"
    );
    let (x, y) = find(&buf, &reason[..4]);
    assert_eq!(buf[(x, y)].fg, a.theme().error.fg.unwrap());
}

#[test]
fn ss_pane_lists_its_iku_for_the_period() {
    let mut a = app();
    a.select_node(&Node::Ss(CodeRef::new("KANWIL", "S2")));
    let buf = render(&mut a, 80, 24);
    let text = screen(&buf);
    for s in [
        "S2 — Layanan prima",
        "Pelanggan",
        "Nilai SS: ▲ 90,00",
        "IKU2",
        "150",
        "135",
        "90,00",
    ] {
        assert!(text.contains(s), "{s}:\n{text}");
    }
    assert_selected(&a, &buf, find(&buf, "S2 90,00"));
}

#[test]
fn an_applied_edit_changes_every_number_on_screen() {
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    let before = screen(&render(&mut a, 120, 40));
    assert!(before.contains("NKO: ● 101,67"), "{before}");
    select_iku(&mut a, "KANWIL", "IKU2");
    update(&mut a, Action::FocusGrid);
    crate::support::tui_support::to_month(&mut a, 9);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    for c in "20".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    a.applied(Ok(()));
    update(&mut a, Action::FocusTree);
    a.select_node(&Node::Unit("KANWIL".into()));
    let after = screen(&render(&mut a, 120, 40));
    assert!(!after.contains("101,67"), "{after}");
    // "Tersimpan" was about the edit: the keys after it took it away
    assert!(!after.contains("Tersimpan"), "{after}");
    // S2 value in the tree and the unit pane follow: (50+40+20)/150 = 73,33
    assert!(after.contains("S2 73,33"), "{after}");
}

#[test]
fn period_change_moves_the_header_and_the_numbers() {
    let mut a = app();
    update(&mut a, Action::PrevPeriod);
    let buf = render(&mut a, 120, 40);
    assert!(lines(&buf)[0].contains("s.d. Agu 2025"));
}

#[test]
fn too_small_terminal_gets_a_clear_screen_not_a_panic() {
    for (w, h) in [(79, 24), (80, 23), (40, 10), (5, 2), (1, 1)] {
        let mut a = app();
        let buf = render(&mut a, w, h);
        if w >= 40 {
            assert!(screen(&buf).contains("terlalu kecil"), "{}", screen(&buf));
        }
    }
    let mut a = app();
    update(&mut a, Action::Help);
    render(&mut a, 20, 5);
}

#[test]
fn help_lists_every_mode_from_the_keymap() {
    let mut a = app();
    update(&mut a, Action::Help);
    let all: String = kinerja::tui::ui::help::lines(&a)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    for s in [
        "[POHON]",
        "[GRID]",
        "[UBAH]",
        "[CARI]",
        "[BANTUAN]",
        "Keluar",
        "Ctrl-r",
        "commit-next",
    ] {
        assert!(all.contains(s), "{s}:\n{all}");
    }
    let buf = render(&mut a, 80, 24);
    assert!(screen(&buf).contains("Bantuan"));
    assert!(screen(&buf).contains("[POHON]"));
    for _ in 0..5 {
        update(&mut a, Action::Down);
    }
    let buf = render(&mut a, 80, 24);
    assert!(!screen(&buf).contains("[POHON]"), "scrolled");
}

#[test]
fn search_marks_matches_and_shows_the_query() {
    let mut a = app();
    update(&mut a, Action::Search);
    for c in "iku3".chars() {
        update(&mut a, Action::Insert(c));
    }
    let buf = render(&mut a, 80, 24);
    let status = &lines(&buf)[22];
    assert!(
        status.contains("Cari: iku3") && status.contains("Hasil 1 dari 2"),
        "{status}"
    );
    assert_selected(&a, &buf, find(&buf, "IKU3 120,00"));
}

// ---- findings ----

#[test]
fn finding_marks_in_the_tree_in_colour_no_color_and_ascii() {
    for (ascii, no_color) in [(false, false), (false, true), (true, false)] {
        let mut a = app_with(ascii, no_color, None);
        a.select_node(&Node::Ss(CodeRef::new("KPP", "S1")));
        let buf = render(&mut a, 120, 40);
        let text = screen(&buf);
        let ok = if ascii { "+" } else { "●" };
        // PUSAT: warnings only (R09 and K3 on P1); KANWIL and KPP: errors (R01, R03)
        let pusat = find(&buf, &format!("{ok}? PUSAT"));
        let kanwil = find(&buf, &format!("{ok}! KANWIL"));
        assert!(text.contains("! KPP"), "{text}");
        // the SS row of KPP carries R03 (an error), while KANWIL's S2 has only warnings
        assert!(text.contains("! [PK] S1 120,00"), "{text}");
        assert!(text.contains("? [PL] S2"), "{text}");
        let q = (pusat.0 + 1, pusat.1);
        let e = (kanwil.0 + 1, kanwil.1);
        assert_eq!(buf[q].symbol(), "?");
        assert_eq!(buf[e].symbol(), "!");
        if no_color {
            assert_eq!(buf[e].fg, Color::Reset);
            assert!(buf[e].modifier.contains(Modifier::BOLD), "errors stand out");
        } else {
            assert_eq!(buf[e].fg, a.theme().error.fg.unwrap());
            assert_eq!(buf[q].fg, a.theme().yellow.fg.unwrap());
        }
        if ascii {
            assert!(text.is_ascii(), "{text}");
        }
    }
}

#[test]
fn the_unit_pane_lists_its_findings() {
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    let text = screen(&render(&mut a, 120, 40));
    for s in [
        "Jumlah IKU: 3 (batas 10–20) — di luar batas",
        "Temuan (5)",
        "! R01 galat: UPK KANWIL (UPK Two) memiliki 3 IKU; batasnya 10–20.",
        "? R09 peringatan: IKU IKU3 (KANWIL)",
        "? K3 peringatan: IKU IKU1 (KANWIL)",
        // the K3 panel keeps its place under them
        "Indeks K3",
    ] {
        assert!(text.contains(s), "{s}:\n{text}");
    }
    // on a small screen they are whole and scroll: the last row says there is more, and with
    // which key
    let text = screen(&render(&mut a, 80, 24));
    assert!(text.contains("Temuan (5)"), "{text}");
    assert!(text.contains("! R01 galat:"), "{text}");
    assert!(text.contains("▼ lagi di bawah (J)"), "{text}");
    assert!(text.contains("Indeks K3"), "{text}");
    for _ in 0..40 {
        update(&mut a, Action::DetailDown);
    }
    let end = screen(&render(&mut a, 80, 24));
    assert!(end.contains("▲ lagi di atas (K)"), "{end}");
    assert!(!end.contains("lagi di bawah"), "{end}");
    // a unit without findings says so, and its row has no finding mark
    let mut ds = addendum_dataset();
    let p1 = ds.iku.get_mut(&CodeRef::new("PUSAT", "P1")).unwrap();
    for m in 0..9 {
        p1.realisasi[m] = Some(tui_support::d("1000"));
    }
    let mut ok = app_from(ds, false, false);
    let text = screen(&render(&mut ok, 120, 40));
    assert!(text.contains("Temuan: tidak ada"), "{text}");
    assert!(text.contains("● PUSAT 100,00"), "{text}");
}

#[test]
fn an_iku_with_r09_says_addendum_wajib() {
    let mut a = app();
    select_iku(&mut a, "PUSAT", "P1");
    for (w, h) in [(80, 24), (120, 40)] {
        let buf = render(&mut a, w, h);
        let text = screen(&buf);
        assert!(text.contains("IKU P1 · PUSAT — addendum wajib"), "{text}");
        assert!(text.contains("? R09 peringatan: IKU P1 (PUSAT)"), "{text}");
        assert!(text.contains("? K3 peringatan"), "{text}");
    }
    // an IKU without R09 does not
    select_iku(&mut a, "KANWIL", "IKU1");
    let text = screen(&render(&mut a, 120, 40));
    assert!(!text.contains("addendum wajib"), "{text}");
}

#[test]
fn the_k3_panel_shows_the_quota_in_use_and_what_it_capped() {
    let mut a = app();
    a.select_node(&Node::Unit("KANWIL".into()));
    let text = screen(&render(&mut a, 120, 40));
    // level two: 20 % of 3 IKU = 0 may keep points above the threshold; IKU3 has 14 → capped
    assert!(
        text.contains("Kuota poin di atas ambang: 0 dari 0 terpakai (20 % × 3 IKU)"),
        "{text}"
    );
    assert!(text.contains("dibatasi (^): IKU3"), "{text}");
    assert!(text.contains("11,00^"), "{text}");
    // `*` means incomplete: a capped IKU is not marked with it
    assert!(!text.contains("11,00*"), "{text}");
}

#[test]
fn the_capped_mark_and_the_incomplete_mark_are_distinct_in_the_legend() {
    let mut a = app();
    update(&mut a, Action::Help);
    let all: String = kinerja::tui::ui::help::lines(&a)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let star = all
        .lines()
        .find(|l| l.trim_start().starts_with("* "))
        .unwrap_or_else(|| panic!("no incomplete legend:\n{all}"));
    let caret = all
        .lines()
        .find(|l| l.trim_start().starts_with("^ "))
        .unwrap_or_else(|| panic!("no capped legend:\n{all}"));
    assert_ne!(star, caret, "one legend line for two meanings:\n{all}");
    assert!(star.contains("belum lengkap"), "{star}");
    assert!(!star.contains("kuota"), "{star}");
    assert!(caret.contains("dibatasi kuota"), "{caret}");
}

// ---- addendum mode ----

fn addendum_on_p1(a: &mut App) {
    select_iku(a, "PUSAT", "P1");
    update(a, Action::StartAddendum);
    update(a, Action::StartEdit);
    for c in "3000".chars() {
        update(a, Action::Insert(c));
    }
    update(a, Action::Commit);
}

#[test]
fn the_addendum_pane_shows_the_diff_and_the_cursor_on_the_targets() {
    for (w, h, ascii, no_color) in [
        (80, 24, false, false),
        (120, 40, false, false),
        (120, 40, true, false),
        (80, 24, false, true),
    ] {
        let mut a = app_from(addendum_dataset(), ascii, no_color);
        addendum_on_p1(&mut a);
        let buf = render(&mut a, w, h);
        let text = screen(&buf);
        let arrow = if ascii { ">" } else { "→" };
        for s in [
            "Addendum PUSAT",
            "PK v0",
            "1 perubahan tertunda",
            &format!("P1  Okt  1.000 {arrow} 3.000"),
            "3.000+",
            "ADDENDUM",
            "s Ajukan addendum",
        ] {
            assert!(text.contains(s), "{s} at {w}x{h}:\n{text}");
        }
        // the cursor is on October's target, which shows the pending value
        let x = find(&buf, "3.000+").0;
        assert_selected(&a, &buf, (x, find(&buf, "3.000+").1));
        assert_not_selected(&a, &buf, (x + 1, grid_row(&buf, "Realisasi   ")));
        if ascii {
            assert!(text.is_ascii(), "{text}");
        }
    }
}

#[test]
fn the_reason_question_the_problems_and_the_discard_question() {
    let mut a = app_from(addendum_dataset(), false, false);
    addendum_on_p1(&mut a);
    update(&mut a, Action::SubmitAddendum);
    for c in "rev".chars() {
        update(&mut a, Action::Insert(c));
    }
    let buf = render(&mut a, 80, 24);
    let status = &lines(&buf)[22];
    assert!(
        status.contains("ADDENDUM/UBAH") && status.contains("Alasan addendum: rev"),
        "{status}"
    );
    update(&mut a, Action::Cancel);
    update(&mut a, Action::DiscardAddendum);
    let buf = render(&mut a, 80, 24);
    assert!(
        lines(&buf)[22].contains("Buang 1 perubahan addendum PUSAT? (y ya / n tidak)"),
        "{}",
        lines(&buf)[22]
    );
    assert!(lines(&buf)[23].contains("y buang"), "{}", lines(&buf)[23]);
    update(&mut a, Action::Insert('n'));

    // KANWIL: R01 refuses any addendum; the problems are listed under the diff
    let mut a = app_from(addendum_dataset(), false, false);
    select_iku(&mut a, "KANWIL", "IKU1");
    update(&mut a, Action::StartAddendum);
    update(&mut a, Action::StartEdit);
    for c in "120".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    update(&mut a, Action::SubmitAddendum);
    for c in "naik".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    // the date offered
    update(&mut a, Action::Commit);
    let buf = render(&mut a, 120, 40);
    let text = screen(&buf);
    assert!(text.contains("Masalah pada pengajuan terakhir:"), "{text}");
    assert!(text.contains("- R01:"), "{text}");
    assert!(text.contains("Addendum ditolak: 1 masalah"), "{text}");
}

#[test]
fn the_k3_panel_updates_without_a_restart_after_an_addendum_changes_a_target() {
    let mut a = app_from(addendum_dataset(), false, false);
    a.select_node(&Node::Unit("PUSAT".into()));
    let before = screen(&render(&mut a, 120, 40));
    // P1's annual target 12.000 against 12.000 last year: r = 1, 2 target points
    // index = 60 % × 10/12 + 40 % × 2/3
    assert!(before.contains("Indeks K3: 0,7667"), "{before}");
    assert!(before.contains("NKO K3: 92,00"), "{before}");
    assert!(
        before.contains("P1              10,00          2,00"),
        "{before}"
    );
    addendum_on_p1(&mut a);
    update(&mut a, Action::SubmitAddendum);
    for c in "target dinaikkan".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    // the date offered, then y to the question
    update(&mut a, Action::Commit);
    let fx = update(&mut a, Action::Insert('y'));
    assert_eq!(fx.len(), 1);
    a.applied(Ok(()));
    assert!(screen(&render(&mut a, 120, 40)).contains("Addendum v1 tersimpan"));
    update(&mut a, Action::FocusTree);
    a.select_node(&Node::Unit("PUSAT".into()));
    let after = screen(&render(&mut a, 120, 40));
    // 14.000 against 12.000: 5 target points; index = 60 % × 10/12 + 40 % × 5/3
    assert!(after.contains("Indeks K3: 1,1667"), "{after}");
    assert!(after.contains("NKO K3: 120,00"), "{after}");
    assert!(
        after.contains("P1              10,00          5,00"),
        "{after}"
    );
    // R09 was PUSAT's only finding: the tree row and the pane say so at once
    assert!(after.contains("● PUSAT 120,00"), "{after}");
    assert!(after.contains("Temuan: tidak ada"), "{after}");
}

#[test]
fn help_lists_the_addendum_keys() {
    let mut a = app();
    update(&mut a, Action::Help);
    let all: String = kinerja::tui::ui::help::lines(&a)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    for s in [
        "[ADDENDUM]",
        "start-addendum",
        "submit-addendum",
        "discard-addendum",
        "Ajukan addendum",
        "Ctrl-s",
    ] {
        assert!(all.contains(s), "{s}:\n{all}");
    }
}

// ---- a too-small terminal ----

/// Issue 13 finding 10: while only the "terminal too small" message shows, no key but quit
/// acts: at 20×5, Tab then x leaves the focus and every value as they were (at 120×40 the same
/// keys clear the realisasi); once the terminal is large again the keys act again.
#[test]
fn a_too_small_terminal_is_inert_but_quits() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use kinerja::tui::app::Focus;
    use kinerja::tui::update::{Effect, action_for_key};
    let press = |a: &mut App, code: KeyCode| {
        let action = action_for_key(a, &KeyEvent::new(code, KeyModifiers::NONE));
        action.map(|act| update(a, act)).unwrap_or_default()
    };
    let p1 = CodeRef::new("PUSAT", "P1");
    let month = |a: &App| a.ds().iku[&p1].realisasi;

    // the control: at a usable size Tab then x asks to store a cleared cell
    let mut big = app();
    big.select_node(&Node::Iku(p1.clone()));
    render(&mut big, 120, 40);
    press(&mut big, KeyCode::Tab);
    assert_eq!(big.focus(), Focus::Grid);
    let fx = press(&mut big, KeyCode::Char('x'));
    assert!(
        fx.iter().any(|e| matches!(e, Effect::Apply { .. })),
        "x clears at 120×40: {fx:?}"
    );

    let mut a = app();
    a.select_node(&Node::Iku(p1.clone()));
    let before = month(&a);
    let s = screen(&render(&mut a, 20, 5));
    assert!(s.contains("kecil"), "{s}");
    assert!(a.too_small());
    assert!(press(&mut a, KeyCode::Tab).is_empty());
    assert!(press(&mut a, KeyCode::Char('x')).is_empty());
    assert_eq!(a.focus(), Focus::Tree, "Tab acted unseen");
    assert_eq!(month(&a), before, "x acted unseen");
    assert!(!a.is_storing());
    let s = screen(&render(&mut a, 20, 5));
    assert!(s.contains("kecil"), "still the message only:\n{s}");
    // a resize is seen (the run loop records it before the next key), then keys act again
    a.set_size((120, 40));
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.focus(), Focus::Grid);
    // and quit works at any size
    a.set_size((20, 5));
    let fx = press(&mut a, KeyCode::Char('q'));
    assert!(fx.contains(&Effect::Quit), "{fx:?}");
}

#[test]
fn the_question_of_an_implausible_realisasi_shows_the_value_as_read() {
    let mut a = app();
    a.select_node(&Node::Iku(CodeRef::new("KANWIL", "IKU1")));
    update(&mut a, Action::FocusGrid);
    update(&mut a, Action::StartEdit);
    update(&mut a, Action::Clear);
    for c in "-1.234,5".chars() {
        update(&mut a, Action::Insert(c));
    }
    update(&mut a, Action::Commit);
    let s = screen(&render(&mut a, 200, 30));
    assert!(s.contains("Simpan -1.234,5?"), "{s}");
    assert!(s.contains("berlawanan tanda"), "{s}");
    assert!(s.contains("y simpan"), "{s}");
}

#[test]
fn a_mandatory_iku_says_so_among_its_fields() {
    let mut ds = tui_support::dataset();
    ds.iku
        .get_mut(&CodeRef::new("KANWIL", "IKU1"))
        .unwrap()
        .mandatory = true;
    let mut a = app_from(ds, false, false);
    select_iku(&mut a, "KANWIL", "IKU1");
    let s = screen(&render(&mut a, 140, 40));
    assert!(
        s.contains("IKU wajib (ditetapkan kementerian untuk setiap unit)"),
        "{s}"
    );
    select_iku(&mut a, "KANWIL", "IKU2");
    let s = screen(&render(&mut a, 140, 40));
    assert!(!s.contains("IKU wajib"), "{s}");
}
