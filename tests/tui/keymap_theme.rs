//! Themes: the 16-colour default, monochrome for NO_COLOR (selection still visible), ASCII mode.

use kinerja::domain::score::Status;
use kinerja::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Sparkline};

fn styles(t: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("selection", t.selection),
        ("green", t.green),
        ("yellow", t.yellow),
        ("red", t.red),
        ("dim", t.dim),
        ("frozen", t.frozen),
        ("header", t.header),
        ("footer", t.footer),
        ("title", t.title),
        ("error", t.error),
        ("target_spark", t.target_spark),
        ("realisasi_spark", t.realisasi_spark),
    ]
}

fn symbols(t: &Theme) -> Vec<&'static str> {
    let mut s = vec![t.selection_symbol, t.tree_open, t.tree_closed, t.tree_leaf];
    for st in [
        Some(Status::Green),
        Some(Status::Yellow),
        Some(Status::Red),
        None,
    ] {
        s.push(t.mark(st));
    }
    let b = t.border_set();
    s.extend([
        b.top_left,
        b.top_right,
        b.bottom_left,
        b.bottom_right,
        b.vertical_left,
        b.vertical_right,
        b.horizontal_top,
        b.horizontal_bottom,
    ]);
    let bars = t.bar_set();
    s.extend([
        bars.full,
        bars.seven_eighths,
        bars.three_quarters,
        bars.five_eighths,
        bars.half,
        bars.three_eighths,
        bars.one_quarter,
        bars.one_eighth,
        bars.empty,
    ]);
    s
}

#[test]
fn monochrome_has_no_colours_and_marks_the_selection_with_modifiers() {
    for ascii in [false, true] {
        let t = Theme::new(ascii, true);
        assert!(t.monochrome);
        for (name, s) in styles(&t) {
            assert_eq!(s.fg, None, "{name}");
            assert_eq!(s.bg, None, "{name}");
            assert_eq!(s.underline_color, None, "{name}");
        }
        let m = t.selection.add_modifier;
        assert!(m.contains(Modifier::BOLD) && m.contains(Modifier::UNDERLINED));
        assert!(
            !m.contains(Modifier::REVERSED),
            "NO_COLOR drops reverse video"
        );
        assert!(!t.selection_symbol.trim().is_empty());
        // Red still stands out without colour.
        assert_ne!(t.red, Style::default());
    }
}

#[test]
fn colour_theme_uses_only_the_16_basic_colours_and_reverses_the_selection() {
    let t = Theme::new(false, false);
    assert!(!t.monochrome);
    let basic = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    for (name, s) in styles(&t) {
        for c in [s.fg, s.bg].into_iter().flatten() {
            assert!(basic.contains(&c), "{name}: {c:?}");
        }
    }
    let m = t.selection.add_modifier;
    assert!(m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD));
    assert_eq!(t.green.fg, Some(Color::Green));
    assert_eq!(t.yellow.fg, Some(Color::Yellow));
    assert_eq!(t.red.fg, Some(Color::Red));
    assert_ne!(
        t.target_spark, t.realisasi_spark,
        "the two sparklines differ"
    );
}

#[test]
fn ascii_mode_uses_only_ascii() {
    for no_color in [false, true] {
        let t = Theme::new(true, no_color);
        for s in symbols(&t) {
            assert!(s.is_ascii(), "{s:?}");
        }
        assert_eq!(t.mark(Some(Status::Green)), "+");
        assert_eq!(t.mark(Some(Status::Yellow)), "~");
        assert_eq!(t.mark(Some(Status::Red)), "-");
        assert_eq!(t.mark(None), ".");
        assert_eq!((t.tree_open, t.tree_closed), ("v ", "> "));
        assert_eq!(t.selection_symbol, "=>");
        assert_ne!(t.selection_symbol.trim(), t.tree_closed.trim());
    }
    let u = Theme::new(false, false);
    assert_eq!(u.mark(Some(Status::Green)), "●");
    assert_eq!(u.mark(Some(Status::Yellow)), "▲");
    assert_eq!(u.mark(Some(Status::Red)), "▼");
    assert_eq!(u.mark(None), "·");
    assert_eq!(u.selection_symbol, "▶ ");
}

#[test]
fn marks_tell_every_status_apart_in_both_symbol_sets() {
    for ascii in [false, true] {
        let t = Theme::new(ascii, true);
        let marks: Vec<&str> = [
            Some(Status::Green),
            Some(Status::Yellow),
            Some(Status::Red),
            None,
        ]
        .into_iter()
        .map(|s| t.mark(s))
        .collect();
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}

#[test]
fn ascii_borders_and_sparklines_render_as_ascii() {
    let t = Theme::new(true, false);
    let backend = TestBackend::new(20, 6);
    let mut term = Terminal::new(backend).unwrap();
    term.draw(|f| {
        let area = f.area();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(t.border_set())
            .title("IKU");
        let inner = block.inner(area);
        f.render_widget(block, area);
        let spark = Sparkline::default()
            .data([0u64, 1, 2, 3, 4, 5, 6, 7, 8, 4, 2])
            .bar_set(t.bar_set())
            .style(t.target_spark);
        f.render_widget(spark, inner);
    })
    .unwrap();
    let buf = term.backend().buffer().clone();
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.is_ascii(), "{text}");
    assert!(
        text.contains('+') && text.contains('|') && text.contains('#'),
        "{text}"
    );
}
