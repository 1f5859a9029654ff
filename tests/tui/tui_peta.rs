//! The Peta Strategi view (issue 16): four perspective bands, one box per SS with its value and
//! mark, the links drawn between the boxes; the cursor, Enter into the tree, `[` `]`, the
//! themes (colour, NO_COLOR, ASCII), 80×24 and 200×60.

use std::collections::BTreeSet;

use kinerja::domain::plan::Plans;
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::score::Status;
use kinerja::domain::*;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{App, Node, Screen};
use kinerja::tui::update::update;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::support::tui_support::{lines, render, settings};

const SAMPLE: &str = "fixtures/kalbar-2025.json";

/// A document's year and plans.
pub fn from_text(text: &str) -> (Dataset, Plans) {
    let ds = kinerja::interchange::json::import_document(text).unwrap();
    let plans = kinerja::interchange::json::plan::import_plans(text, &ds).unwrap();
    (ds, plans)
}

pub fn app_of(text: &str, ascii: bool, no_color: bool) -> App {
    let (ds, plans) = from_text(text);
    let mut app = App::new(
        ds,
        Rulebook::default_rulebook(),
        settings(ascii, no_color),
        None,
    );
    app.set_plans(plans);
    app
}

/// The bundled sample's year and plans.
pub fn sample() -> (Dataset, Plans) {
    from_text(&std::fs::read_to_string(SAMPLE).unwrap())
}

/// The bundled sample with its plans (DJKN: nine SS, links within and across bands).
pub fn sample_app(ascii: bool, no_color: bool) -> App {
    app_of(&std::fs::read_to_string(SAMPLE).unwrap(), ascii, no_color)
}

/// Opens the map of `unit` from its tree row.
pub fn open_map(app: &mut App, unit: &str) {
    app.select_node(&Node::Unit(unit.into()));
    update(app, Action::PetaStrategi);
    assert_eq!(app.screen(), &Screen::Peta, "{}", app.status());
}

const CORNERS_TL: [&str; 3] = ["┌", "┏", "+"];
const CORNERS_TR: [&str; 3] = ["┐", "┓", "+"];
const CORNERS_BL: [&str; 3] = ["└", "┗", "+"];

/// The box of an SS on screen: found by its code in a top border.
fn box_of(buf: &Buffer, code: &str) -> Rect {
    let rows = lines(buf);
    for (y, row) in rows.iter().enumerate() {
        let chars: Vec<String> = (0..buf.area.width)
            .map(|x| buf[(x, y as u16)].symbol().to_string())
            .collect();
        let Some(col) = row.find(code).map(|b| row[..b].chars().count()) else {
            continue;
        };
        // the code follows the top-left corner (and the pointer of the selected box)
        let Some(left) = (0..col)
            .rev()
            .take(4)
            .find(|x| CORNERS_TL.contains(&chars[*x].as_str()))
        else {
            continue;
        };
        let right = (col..chars.len())
            .find(|x| CORNERS_TR.contains(&chars[*x].as_str()))
            .unwrap();
        let bottom = (y + 1..rows.len())
            .find(|yy| CORNERS_BL.contains(&buf[(left as u16, *yy as u16)].symbol()))
            .unwrap();
        return Rect::new(
            left as u16,
            y as u16,
            (right - left + 1) as u16,
            (bottom - y + 1) as u16,
        );
    }
    panic!("no box of {code}:\n{}", lines(buf).join("\n"));
}

/// The cells of a row of the buffer in `[x, x+w)` holding `sym`.
fn count_in_row(buf: &Buffer, y: u16, x: u16, w: u16, sym: &str) -> usize {
    (x..x + w).filter(|x| buf[(*x, y)].symbol() == sym).count()
}

/// The link cells reachable from `(x, y)` through the link characters (one cell steps).
fn reach(buf: &Buffer, from: (u16, u16), link_chars: &[&str]) -> BTreeSet<(u16, u16)> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from];
    while let Some((x, y)) = todo.pop() {
        if !seen.insert((x, y)) {
            continue;
        }
        for (dx, dy) in [(0i32, -1i32), (0, 1), (-1, 0), (1, 0)] {
            let (nx, ny) = (x as i32 + dx, y as i32 + dy);
            if nx < 0 || ny < 0 || nx >= buf.area.width as i32 || ny >= buf.area.height as i32 {
                continue;
            }
            let n = (nx as u16, ny as u16);
            if link_chars.contains(&buf[n].symbol()) {
                todo.push(n);
            }
        }
    }
    seen
}

const DJKN_SS: [&str; 9] = [
    "SS-1", "SS-2", "SS-3", "SS-4", "SS-5", "SS-6", "SS-7", "SS-8", "SS-9",
];

fn value_text(app: &mut App, unit: &str, ss: &str) -> String {
    let v = app.unit_score(unit).ss[ss].value.unwrap();
    kinerja::tui::deps::format_decimal(v, app.locale(), 2)
}

/// Every SS in a box in its perspective's band with its value and mark; the links drawn.
fn check_map(app: &mut App, w: u16, h: u16, ascii: bool) -> Buffer {
    let buf = render(app, w, h);
    let text = lines(&buf).join("\n");
    let rows = lines(&buf);
    // four bands in order, stakeholder at the top
    let labels = [
        "Pemangku Kepentingan",
        "Pelanggan",
        "Proses Internal",
        "Pembelajaran & Pertumbuhan",
    ];
    let ys: Vec<usize> = labels
        .iter()
        .map(|l| {
            rows.iter()
                .position(|r| r.contains(l))
                .unwrap_or_else(|| panic!("{w}x{h}: no band {l}\n{text}"))
        })
        .collect();
    assert!(
        ys.windows(2).all(|p| p[0] < p[1]),
        "{w}x{h}: {ys:?}\n{text}"
    );
    let band_of = |y: u16| ys.iter().rposition(|b| *b < y as usize).unwrap();
    let expect_band = [0, 0, 1, 1, 2, 2, 2, 3, 3];
    for (i, code) in DJKN_SS.iter().enumerate() {
        let r = box_of(&buf, code);
        assert_eq!(
            band_of(r.y),
            expect_band[i],
            "{w}x{h}: {code} in its band\n{text}"
        );
        let inside: String = (r.y + 1..r.y + r.height - 1)
            .map(|y| {
                (r.x..r.x + r.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect();
        let v = value_text(app, "DJKN", code);
        let st = app.unit_score("DJKN").ss[*code]
            .value
            .map(|v| Status::of(v, app.rb()));
        let mark = app.theme().mark(st);
        assert!(
            inside.contains(&format!("{mark} {v}")),
            "{w}x{h}: {code} shows {mark} {v}: {inside}\n{text}"
        );
    }
    let (arrow, port) = if ascii { ("A", "o") } else { ("↑", "┴") };
    // SS-2 is supported by SS-3, SS-5 and SS-9: three arrows into its bottom border, the one
    // from SS-9 crossing the customer and internal-process bands
    let s2 = box_of(&buf, "SS-2");
    assert_eq!(
        count_in_row(&buf, s2.y + s2.height - 1, s2.x, s2.width, arrow),
        3,
        "{w}x{h}\n{text}"
    );
    let s1 = box_of(&buf, "SS-1");
    assert_eq!(
        count_in_row(&buf, s1.y + s1.height - 1, s1.x, s1.width, arrow),
        2
    );
    // SS-9 supports SS-2 and SS-5: two links leave its top border, and a line from them
    // reaches SS-2's arrows
    let s9 = box_of(&buf, "SS-9");
    assert_eq!(
        count_in_row(&buf, s9.y, s9.x, s9.width, port),
        2,
        "{w}x{h}\n{text}"
    );
    let link_chars: &[&str] = if ascii {
        &["|", "-", "o", "A"]
    } else {
        &["│", "─", "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼", "↑"]
    };
    let start = (s9.x..s9.x + s9.width)
        .find(|x| buf[(*x, s9.y)].symbol() == port)
        .unwrap();
    let reached = reach(&buf, (start, s9.y - 1), link_chars);
    let s2_bottom = s2.y + s2.height - 1;
    assert!(
        reached
            .iter()
            .any(|(x, y)| *y == s2_bottom && buf[(*x, *y)].symbol() == arrow),
        "{w}x{h}: no line from SS-9 to SS-2\n{text}"
    );
    buf
}

#[test]
fn the_map_of_a_unit_with_nine_ss_draws_its_boxes_values_and_links_across_bands_at_80x24() {
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    let buf = check_map(&mut app, 80, 24, false);
    // at 80 columns a box shows its value and the start of its name
    let s5 = box_of(&buf, "SS-5");
    let row: String = (s5.x..s5.x + s5.width)
        .map(|x| buf[(x, s5.y + 1)].symbol())
        .collect();
    assert!(row.contains("Penat"), "{row}");
    // the selected SS, its links and its name in full on the last row of the map
    let text = lines(&buf).join("\n");
    assert!(text.contains("▶ SS-1 ● "), "{text}");
    assert!(text.contains("didukung ← SS-3, SS-4"), "{text}");
}

#[test]
fn the_map_uses_the_width_and_height_of_a_200x60_terminal() {
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    let buf = check_map(&mut app, 200, 60, false);
    let narrow = {
        let b = render(&mut app, 80, 24);
        box_of(&b, "SS-1")
    };
    let wide = box_of(&buf, "SS-1");
    assert!(wide.width > narrow.width + 5, "{wide:?} {narrow:?}");
    assert!(wide.height > narrow.height, "a row for the name: {wide:?}");
    // the whole name shows on its own rows
    let inside: String = (wide.y + 1..wide.y + wide.height - 1)
        .map(|y| {
            (wide.x..wide.x + wide.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        inside.contains("Optimalnya penerimaan negara dari"),
        "{inside}"
    );
}

#[test]
fn colour_map_styles_links_values_and_the_selected_box() {
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    let buf = check_map(&mut app, 80, 24, false);
    let s1 = box_of(&buf, "SS-1");
    // the selected box: the pointer, a thick bold border, its content in the selection style
    assert_eq!(buf[(s1.x, s1.y)].symbol(), "┏");
    assert!(buf[(s1.x, s1.y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(s1.x + 1, s1.y)].symbol(), "▶");
    let content = &buf[(s1.x + s1.width - 2, s1.y + 1)];
    assert!(content.modifier.contains(Modifier::REVERSED));
    // the value in its status colour: SS-1 is 101,00, green
    let s3 = box_of(&buf, "SS-3");
    assert_eq!(buf[(s3.x, s3.y)].symbol(), "┌");
    assert_eq!(
        buf[(s3.x + 3, s3.y + 1)].fg,
        Color::Yellow,
        "SS-3 99,61 is yellow"
    );
    assert_eq!(buf[(s1.x + 1, s1.y + 1)].symbol(), "●");
    assert_eq!(buf[(s1.x + 1, s1.y + 1)].fg, Color::Green);
    // links in their colour; the selected SS's links bold
    let arrow = (s1.x..s1.x + s1.width)
        .find(|x| buf[(*x, s1.y + s1.height - 1)].symbol() == "↑")
        .unwrap();
    let cell = &buf[(arrow, s1.y + s1.height - 1)];
    assert_eq!(cell.fg, Color::Blue);
    assert!(cell.modifier.contains(Modifier::BOLD));
    let s2 = box_of(&buf, "SS-2");
    let arrow2 = (s2.x..s2.x + s2.width)
        .find(|x| buf[(*x, s2.y + s2.height - 1)].symbol() == "↑")
        .unwrap();
    let cell = &buf[(arrow2, s2.y + s2.height - 1)];
    assert_eq!(cell.fg, Color::Blue);
    assert!(
        !cell.modifier.contains(Modifier::BOLD),
        "not a link of the selection"
    );
}

#[test]
fn no_color_map_has_no_colours_and_marks_the_selection_with_the_pointer_and_bold() {
    let mut app = sample_app(false, true);
    open_map(&mut app, "DJKN");
    for (w, h) in [(80, 24), (200, 60)] {
        let buf = check_map(&mut app, w, h, false);
        for y in 0..h {
            for x in 0..w {
                let c = &buf[(x, y)];
                assert_eq!(c.fg, Color::Reset, "{x},{y} {}", c.symbol());
                assert_eq!(c.bg, Color::Reset, "{x},{y}");
                assert!(!c.modifier.contains(Modifier::REVERSED), "{x},{y}");
            }
        }
        let s1 = box_of(&buf, "SS-1");
        assert_eq!(buf[(s1.x + 1, s1.y)].symbol(), "▶");
        assert!(buf[(s1.x, s1.y)].modifier.contains(Modifier::BOLD));
        let inner = &buf[(s1.x + 2, s1.y + 1)];
        assert!(inner.modifier.contains(Modifier::BOLD));
        assert!(inner.modifier.contains(Modifier::UNDERLINED));
        let s2 = box_of(&buf, "SS-2");
        assert!(!buf[(s2.x + 2, s2.y + 1)].modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn ascii_map_is_ascii_with_its_own_link_marks() {
    let mut app = sample_app(true, false);
    open_map(&mut app, "DJKN");
    for (w, h) in [(80, 24), (200, 60)] {
        let buf = check_map(&mut app, w, h, true);
        let text = lines(&buf).join("\n");
        assert!(text.is_ascii(), "{text}");
        let s1 = box_of(&buf, "SS-1");
        assert_eq!(buf[(s1.x + 1, s1.y)].symbol(), "=", "the => pointer");
        // `^` (more above, capped) and `+` (corners, green) are not link marks
        let s1_bottom: String = (s1.x + 1..s1.x + s1.width - 1)
            .map(|x| buf[(x, s1.y + s1.height - 1)].symbol())
            .collect();
        assert!(
            !s1_bottom.contains('^') && !s1_bottom.contains('+'),
            "{s1_bottom}"
        );
        assert!(text.contains("=>SS-1 + "), "{text}");
        assert!(text.contains("didukung <- SS-3, SS-4"), "{text}");
    }
}

#[test]
fn the_legend_names_the_map_marks_in_both_symbol_sets() {
    for ascii in [false, true] {
        let t = kinerja::tui::theme::Theme::new(ascii, false);
        let legend: Vec<String> = t.legend().into_iter().map(|(m, _)| m).collect();
        for m in [t.peta_arrow(), t.peta_port(), t.is_mark()] {
            assert!(legend.iter().any(|l| l == m), "{m} in {legend:?}");
        }
        // the map's marks mean one thing each
        let marks = [
            t.peta_arrow(),
            t.peta_port(),
            t.is_mark(),
            t.marks.green,
            t.marks.yellow,
            t.marks.red,
            t.marks.none,
            "^",
        ];
        let set: BTreeSet<&str> = marks.iter().copied().collect();
        assert_eq!(set.len(), marks.len(), "{marks:?}");
    }
}

#[test]
fn arrows_move_between_boxes_and_bands_and_enter_opens_the_ss_in_the_tree() {
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    assert_eq!(app.peta().cursor, "SS-1");
    update(&mut app, Action::Right);
    assert_eq!(app.peta().cursor, "SS-2");
    update(&mut app, Action::Right);
    assert_eq!(app.peta().cursor, "SS-2", "the end of the band");
    update(&mut app, Action::Down);
    assert_eq!(app.peta().cursor, "SS-4");
    update(&mut app, Action::Down);
    assert_eq!(app.peta().cursor, "SS-7", "the right of three");
    update(&mut app, Action::Left);
    assert_eq!(app.peta().cursor, "SS-6");
    update(&mut app, Action::Down);
    assert_eq!(
        app.peta().cursor,
        "SS-9",
        "the middle of three: the right of two"
    );
    update(&mut app, Action::Down);
    assert_eq!(app.peta().cursor, "SS-9", "the bottom band");
    update(&mut app, Action::Left);
    assert_eq!(app.peta().cursor, "SS-8");
    update(&mut app, Action::Up);
    update(&mut app, Action::Up);
    update(&mut app, Action::Up);
    update(&mut app, Action::Up);
    assert_eq!(app.peta().cursor, "SS-1");
    let text = lines(&render(&mut app, 80, 24)).join("\n");
    assert!(text.contains("▶ SS-1"), "{text}");
    update(&mut app, Action::Down);
    update(&mut app, Action::Expand);
    assert_eq!(app.screen(), &Screen::Tree);
    assert_eq!(
        app.selected().last(),
        Some(&Node::Ss(CodeRef::new("DJKN", "SS-3")))
    );
    // the tree row of SS-3 is on screen, selected
    let text = lines(&render(&mut app, 100, 30)).join("\n");
    assert!(
        text.lines().any(|l| l.contains("▶") && l.contains("SS-3")),
        "{text}"
    );
    // from an SS row the map opens on that SS; Esc and q go back to the tree
    update(&mut app, Action::PetaStrategi);
    assert_eq!(app.peta().cursor, "SS-3");
    update(&mut app, Action::Cancel);
    assert_eq!(app.screen(), &Screen::Tree);
    assert!(!app.quit_requested());
}

#[test]
fn q_and_esc_in_the_map_go_back_and_do_not_quit() {
    let app = sample_app(false, false);
    for key in ["q", "<Esc>"] {
        let k = kinerja::tui::keymap::parse_key(key).unwrap();
        assert_eq!(
            app.keymap().resolve(Mode::Peta, &k),
            Some(Action::Cancel),
            "{key}"
        );
    }
}

#[test]
fn the_map_follows_the_period() {
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    let before = lines(&render(&mut app, 80, 24)).join("\n");
    assert!(before.contains("Sep 2025"), "{before}");
    update(&mut app, Action::PrevPeriod);
    assert_eq!(app.period(), 8);
    assert_eq!(app.screen(), &Screen::Peta);
    let buf = render(&mut app, 80, 24);
    let text = lines(&buf).join("\n");
    assert!(text.contains("Agu 2025"), "{text}");
    for code in DJKN_SS {
        let r = box_of(&buf, code);
        let row: String = (r.x..r.x + r.width)
            .map(|x| buf[(x, r.y + 1)].symbol())
            .collect();
        let v = value_text(&mut app, "DJKN", code);
        assert!(row.contains(&v), "{code} at August: {v} in {row}");
    }
}

#[test]
fn a_band_with_more_ss_than_fit_scrolls_with_the_cursor_at_80_columns() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let ss = doc["ss"].as_array_mut().unwrap();
    for i in 0..6 {
        ss.push(serde_json::json!({
            "unit": "KPKNL-SINGKAWANG", "code": format!("SS-P{i}"),
            "perspective": "internal_process", "name": format!("Proses tambahan {i}"),
            "weight": null, "cascaded_from": null
        }));
    }
    let mut app = app_of(&doc.to_string(), false, false);
    open_map(&mut app, "KPKNL-SINGKAWANG");
    let text = lines(&render(&mut app, 80, 24)).join("\n");
    assert!(
        text.contains("SS di kanan") || text.contains("di kanan"),
        "{text}"
    );
    assert!(!text.contains("SS-P5"), "{text}");
    // the cursor walks along the band; the band follows it
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    for _ in 0..8 {
        update(&mut app, Action::Left);
    }
    assert_eq!(app.peta().cursor, "SS-3");
    for _ in 0..8 {
        update(&mut app, Action::Right);
    }
    assert_eq!(app.peta().cursor, "SS-P5");
    let text = lines(&render(&mut app, 80, 24)).join("\n");
    assert!(text.contains("▶ SS-P5"), "{text}");
    assert!(text.contains("di kiri"), "{text}");
    // at 200 columns every box of the band fits
    let text = lines(&render(&mut app, 200, 60)).join("\n");
    for i in 0..6 {
        assert!(text.contains(&format!("SS-P{i}")), "{text}");
    }
}

#[test]
fn the_key_is_in_both_keymaps_and_the_help_lists_it_as_peta_strategi() {
    for name in ["default", "vim"] {
        let km = kinerja::tui::keymap::Keymap::builtin(name).unwrap();
        for mode in [Mode::Tree, Mode::Grid] {
            let b = km
                .bindings(mode)
                .iter()
                .find(|b| b.action == Action::PetaStrategi)
                .unwrap_or_else(|| panic!("{name} [{}]", mode.as_str()));
            assert!(b.desc.contains("Peta Strategi"), "{}", b.desc);
        }
    }
    let mut app = sample_app(false, false);
    update(&mut app, Action::Help);
    let help: Vec<String> = kinerja::tui::ui::help::lines_for(&app, 120)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(
        help.iter().any(|l| l.contains("Peta Strategi unit ini")),
        "{help:?}"
    );
}

#[test]
fn a_unit_without_ss_has_no_map_and_a_unit_without_links_says_so() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let units = doc["units"].as_array_mut().unwrap();
    let mut u = units[units.len() - 1].clone();
    u["code"] = "KPKNL-BARU".into();
    u["name"] = "KPKNL Baru".into();
    units.push(u);
    let mut app = app_of(&doc.to_string(), false, false);
    app.select_node(&Node::Unit("KPKNL-BARU".into()));
    update(&mut app, Action::PetaStrategi);
    assert_eq!(app.screen(), &Screen::Tree);
    assert!(app.status().contains("KPKNL-BARU"), "{}", app.status());
    assert!(app.status_is_error());
    // a unit with SS but no plan: its boxes, and no links
    let mut plain = crate::support::tui_support::app();
    plain.select_node(&Node::Unit("KANWIL".into()));
    update(&mut plain, Action::PetaStrategi);
    let text = lines(&render(&mut plain, 80, 24)).join("\n");
    assert!(text.contains("S1") && text.contains("S2"), "{text}");
    assert!(text.contains("tanpa tautan"), "{text}");
    assert!(
        text.contains("(tidak ada SS)"),
        "the empty bands say so: {text}"
    );
}

#[test]
fn the_readme_capture_of_the_map_is_what_80x24_draws() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("\nPeta Strategi · DJKN")
        .expect("README has the map capture")
        + 1;
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let mut app = sample_app(false, false);
    open_map(&mut app, "DJKN");
    let drawn = lines(&render(&mut app, 80, 24));
    let want: Vec<&str> = block.lines().collect();
    let got: Vec<String> = drawn[1..1 + want.len()]
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(got, want);
}
