//! Pure render functions, one per pane. `draw` is the only entry point.

pub mod detail;
pub mod grid;
pub mod help;
pub mod inisiatif;
pub mod k3;
pub mod list;
pub mod peta;
pub mod round;
pub mod sparkline;
pub mod status;
pub mod tree;
pub mod worklist;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use rust_decimal::Decimal;

use crate::domain::Perspective;
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::deps::{format_decimal, format_exact};

/// The smallest terminal the TUI draws its screen in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.set_size((area.width, area.height));
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(2),
    ])
    .areas(area);
    status::header(frame, header, app);
    if app.peta_shown() {
        peta::draw(frame, body, app);
    } else if app.worklist_shown() {
        worklist::draw(frame, body, app);
    } else {
        let tree_w = (body.width * 2 / 5).max(34);
        let [left, right] =
            Layout::horizontal([Constraint::Length(tree_w), Constraint::Min(20)]).areas(body);
        if matches!(app.screen(), crate::tui::app::Screen::List) {
            list::draw(frame, left, app);
        } else {
            tree::draw(frame, left, app);
        }
        detail::draw(frame, right, app);
    }
    status::footer(frame, footer, app);
    if matches!(app.screen(), crate::tui::app::Screen::Analysis(_)) {
        round::draw_analysis(frame, body, app);
    }
    if matches!(app.screen(), crate::tui::app::Screen::Help { .. }) {
        help::draw(frame, area, app);
    }
    if matches!(app.screen(), crate::tui::app::Screen::Message { .. }) {
        help::draw_message(frame, area, app);
    }
    defuse(frame.buffer_mut());
    if app.ascii() {
        asciify(frame.buffer_mut());
    }
}

/// Text that came from a file or a user (names, definitions, reasons, finding sentences that
/// quote them), made safe to draw: line breaks and tabs become spaces and every other control
/// or bidirectional character is shown escaped (`\u{1b}`, `\u{202e}`), so a name stored by an
/// old version or an import can neither move the cursor nor reorder the screen.
pub fn shown(s: &str) -> String {
    crate::safe::term::escape(&s.replace(['\n', '\t'], " ")).into_owned()
}

/// The last line of defence after every pane is drawn: a cell that still holds a control or
/// bidirectional character (text drawn without [`shown`]) gets `?`, so none reaches the
/// terminal.
pub fn defuse(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(crate::safe::term::is_unsafe) {
                cell.set_symbol("?");
            }
        }
    }
}

/// `--ascii`: whatever text reached the screen (names, reasons from the domain), only ASCII
/// leaves it. Common typographic characters get their ASCII look-alike, anything else `?`.
pub fn asciify(buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let sym = cell.symbol();
            if sym.is_ascii() {
                continue;
            }
            let rep = match sym {
                "—" | "–" | "−" | "─" => "-",
                "×" => "x",
                "…" => ".",
                "·" | "•" => "*",
                "≥" => ">",
                "≤" => "<",
                "→" => ">",
                "│" => "|",
                "“" | "”" => "\"",
                "‘" | "’" => "'",
                _ => "?",
            };
            cell.set_symbol(rep);
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = t::TOO_SMALL.fill(&[("w", &area.width), ("h", &area.height)]);
    let p = Paragraph::new(msg).wrap(Wrap { trim: true });
    let y = area.height / 2;
    frame.render_widget(
        p,
        Rect::new(
            area.x,
            area.y + y.saturating_sub(1),
            area.width,
            3.min(area.height),
        ),
    );
}

/// How many rows `text` takes when word-wrapped at `width` columns (as `Wrap { trim: true }`
/// does it, near enough to size a pane).
pub fn wrapped_rows(text: &str, width: usize) -> usize {
    if width == 0 {
        return 0;
    }
    let mut rows = 1;
    let mut col = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        let need = if col == 0 { w } else { col + 1 + w };
        if need <= width {
            col = need;
        } else if w <= width {
            rows += 1;
            col = w;
        } else {
            // a word longer than the line is broken
            if col > 0 {
                rows += 1;
            }
            rows += (w - 1) / width;
            col = (w - 1) % width + 1;
        }
    }
    rows
}

/// The rows of lines word-wrapped at `width`.
pub fn lines_rows(lines: &[Line], width: u16) -> u16 {
    lines
        .iter()
        .map(|l| wrapped_rows(&l.to_string(), width as usize).max(1) as u16)
        .sum()
}

/// A bordered block in the theme's border set with a title.
pub fn block<'a>(app: &App, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(app.theme().border_set())
        .title(title)
        .title_style(app.theme().title)
}

/// A capaian/NKO/Nilai: 2 decimals in the locale, or "–".
pub fn num2(app: &App, d: Option<Decimal>) -> String {
    match d {
        Some(d) => format_decimal(d, app.locale(), 2),
        None => dash(app).to_string(),
    }
}

/// A target/realisasi value as entered, in the locale, or "–".
pub fn exact(app: &App, d: Option<Decimal>) -> String {
    match d {
        Some(d) => format_exact(d, app.locale()),
        None => dash(app).to_string(),
    }
}

/// A change with its sign, 2 decimals in the locale: `+3,00`, `-1,50`, `0,00`.
pub fn signed(app: &App, d: Decimal) -> String {
    let s = format_decimal(d, app.locale(), 2);
    if d > Decimal::ZERO {
        format!("+{s}")
    } else {
        s
    }
}

pub fn dash(app: &App) -> &'static str {
    if app.ascii() { "-" } else { "–" }
}

/// Short perspective tag for the tree.
pub fn perspective_short(p: Perspective) -> &'static str {
    p.short()
}

/// Perspective name in the active language.
pub fn perspective_name(p: Perspective) -> &'static str {
    p.label()
}

/// The status style of a status.
pub fn status_style(app: &App, s: Option<crate::domain::score::Status>) -> Style {
    app.theme().status_style(s)
}

/// Draws `lines` word-wrapped in `area` from the detail pane's scroll. When they are longer than
/// the area the last row says so — "▼ lagi di bawah (J)", or at the end "▲ lagi di atas (K)"
/// with the keys of the keymap — so nothing is cut without a way to read it.
pub fn scrolled(frame: &mut Frame, area: Rect, app: &mut App, lines: Vec<Line<'static>>) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let p = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = p.line_count(area.width) as u16;
    if total <= area.height || area.height < 2 {
        frame.render_widget(p, area);
        return;
    }
    let rows = area.height - 1;
    let max = total - rows;
    app.clamp_detail_scroll(max);
    let s = app.detail_scroll().min(max);
    frame.render_widget(
        p.scroll((s, 0)),
        Rect {
            height: rows,
            ..area
        },
    );
    let key = |a: crate::tui::action::Action| {
        app.keymap()
            .bindings(app.mode())
            .iter()
            .find(|b| b.action == a)
            .map(|b| format!(" ({})", status::key_label(&b.text)))
            .unwrap_or_default()
    };
    let (down, up) = if app.ascii() {
        ("v", "^")
    } else {
        ("▼", "▲")
    };
    let mut text = String::new();
    if s < max {
        text.push_str(&format!(
            "{down} {}{}",
            t::MORE_BELOW.s(),
            key(crate::tui::action::Action::DetailDown)
        ));
    }
    if s > 0 {
        if !text.is_empty() {
            text.push_str("  ");
        }
        text.push_str(&format!(
            "{up} {}{}",
            t::MORE_ABOVE.s(),
            key(crate::tui::action::Action::DetailUp)
        ));
    }
    frame.render_widget(
        Line::styled(text, app.theme().title),
        Rect {
            y: area.y + rows,
            height: 1,
            ..area
        },
    );
}

/// A "label: value" line.
pub fn field<'a>(app: &App, label: &str, value: impl Into<String>) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), app.theme().title),
        Span::raw(value.into()),
    ])
}

#[cfg(test)]
mod tests {
    use super::wrapped_rows;

    #[test]
    fn wrapped_rows_counts_word_wrapped_lines() {
        assert_eq!(wrapped_rows("", 10), 1);
        assert_eq!(wrapped_rows("abc def", 7), 1);
        assert_eq!(wrapped_rows("abc def", 6), 2);
        assert_eq!(wrapped_rows("abc defgh ij", 5), 3);
        // a word longer than the line is broken over rows
        assert_eq!(wrapped_rows("abcdefghijk", 5), 3);
        assert_eq!(wrapped_rows("x abcdefghij", 5), 3);
        assert_eq!(wrapped_rows("anything", 0), 0);
    }
}
