//! Colours and symbols: a 16-colour default (safe over SSH and in any terminal palette), a
//! monochrome theme for `NO_COLOR` that marks the selection with modifiers and a symbol, and an
//! ASCII mode (`--ascii`) for borders, tree, status marks and sparklines.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols;
use ratatui::widgets::BorderType;

use crate::domain::score::Status;

/// The status marks shown next to numbers, readable without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMarks {
    pub green: &'static str,
    pub yellow: &'static str,
    pub red: &'static str,
    /// No status (no data for the period).
    pub none: &'static str,
}

impl StatusMarks {
    pub const UNICODE: StatusMarks = StatusMarks {
        green: "●",
        yellow: "▲",
        red: "▼",
        none: "·",
    };
    pub const ASCII: StatusMarks = StatusMarks {
        green: "+",
        yellow: "~",
        red: "-",
        none: ".",
    };
}

/// ASCII borders: `+`, `-`, `|`.
pub const ASCII_BORDER: symbols::border::Set<'static> = symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// ASCII sparkline bars, from empty to full.
pub const ASCII_BARS: symbols::bar::Set<'static> = symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "=",
    five_eighths: "=",
    half: "-",
    three_eighths: "-",
    one_quarter: ".",
    one_eighth: ".",
    empty: " ",
};

/// Everything a render function needs to know about looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Only ASCII characters in borders, tree, marks and sparklines.
    pub ascii: bool,
    /// No colours at all (`NO_COLOR`): meaning is carried by modifiers and symbols.
    pub monochrome: bool,
    /// The selected row or cell.
    pub selection: Style,
    /// Drawn before the selected row: `"▶ "`, or `"> "` in ASCII mode.
    pub selection_symbol: &'static str,
    /// Drawn instead of [`Theme::selection_symbol`] while the detail pane still shows the node
    /// selected before the last tree moves: the hollow `"▷ "` (ASCII has no hollow arrow: `"> "`).
    /// The same width as the pointer, so the moved row costs no byte more.
    pub selection_symbol_held: &'static str,
    /// The border type of panes (plain lines; ASCII mode uses [`Theme::border_set`]).
    pub border_type: BorderType,
    pub green: Style,
    pub yellow: Style,
    pub red: Style,
    /// Less important text, e.g. non-reporting months.
    pub dim: Style,
    /// Frozen months (realisasi no longer editable).
    pub frozen: Style,
    pub header: Style,
    pub footer: Style,
    /// Pane titles.
    pub title: Style,
    pub error: Style,
    pub target_spark: Style,
    pub realisasi_spark: Style,
    /// The lines of the Peta Strategi's links.
    pub link: Style,
    pub marks: StatusMarks,
    /// Tree node symbols: open (`"▼ "`/`"v "`), closed (`"▶ "`/`"> "`), leaf (two spaces). The
    /// ASCII ones differ from the ASCII status marks (`+ ~ - .`), so a row never reads `+ +`.
    pub tree_open: &'static str,
    pub tree_closed: &'static str,
    pub tree_leaf: &'static str,
}

impl Theme {
    /// The theme for `--ascii` and the presence of `NO_COLOR`.
    pub fn new(ascii: bool, no_color: bool) -> Theme {
        let (selection_symbol, selection_symbol_held, tree_open, tree_closed, marks) = if ascii {
            // the pointer differs from the closed-node symbol, so `>` means one thing
            ("=>", "->", "v ", "> ", StatusMarks::ASCII)
        } else {
            ("▶ ", "▷ ", "▼ ", "▶ ", StatusMarks::UNICODE)
        };
        let m = Style::default();
        let bold = m.add_modifier(Modifier::BOLD);
        let (selection, green, yellow, red, dim, frozen, header, footer, title, error) = if no_color
        {
            // No colours, and no reverse video either: crossterm drops it under NO_COLOR.
            (
                bold.add_modifier(Modifier::UNDERLINED),
                m,
                m,
                bold,
                m.add_modifier(Modifier::DIM),
                m.add_modifier(Modifier::ITALIC),
                bold,
                m,
                bold,
                bold,
            )
        } else {
            (
                bold.add_modifier(Modifier::REVERSED),
                m.fg(Color::Green),
                m.fg(Color::Yellow),
                m.fg(Color::Red),
                m.fg(Color::DarkGray),
                m.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
                bold.fg(Color::Cyan),
                m.fg(Color::Gray),
                bold,
                bold.fg(Color::Red),
            )
        };
        let (target_spark, realisasi_spark, link) = if no_color {
            (m.add_modifier(Modifier::DIM), m, m)
        } else {
            (m.fg(Color::Cyan), m.fg(Color::Magenta), m.fg(Color::Blue))
        };
        Theme {
            ascii,
            monochrome: no_color,
            selection,
            selection_symbol,
            selection_symbol_held,
            border_type: BorderType::Plain,
            green,
            yellow,
            red,
            dim,
            frozen,
            header,
            footer,
            title,
            error,
            target_spark,
            realisasi_spark,
            link,
            marks,
            tree_open,
            tree_closed,
            tree_leaf: "  ",
        }
    }

    /// The theme for `--ascii` and the environment: `NO_COLOR` set and non-empty gives the
    /// monochrome theme (<https://no-color.org>).
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(ascii, no_color)
    }

    /// The pointer before the selected tree row: hollow while the detail pane is held back.
    pub fn pointer(&self, detail_held: bool) -> &'static str {
        if detail_held {
            self.selection_symbol_held
        } else {
            self.selection_symbol
        }
    }

    /// The border characters of panes.
    pub fn border_set(&self) -> symbols::border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            symbols::border::PLAIN
        }
    }

    /// The bar characters of sparklines.
    pub fn bar_set(&self) -> symbols::bar::Set<'static> {
        if self.ascii {
            ASCII_BARS
        } else {
            symbols::bar::NINE_LEVELS
        }
    }

    /// The mark of a status; `None` is "no status".
    pub fn mark(&self, status: Option<Status>) -> &'static str {
        match status {
            Some(Status::Green) => self.marks.green,
            Some(Status::Yellow) => self.marks.yellow,
            Some(Status::Red) => self.marks.red,
            None => self.marks.none,
        }
    }

    /// Every mark and symbol the screens draw, with what it means (the help's legend).
    pub fn legend(&self) -> Vec<(String, crate::text::Msg)> {
        use crate::text::plan as tp;
        use crate::text::tui as t;
        let tag = format!("[{}]", crate::domain::Perspective::Stakeholder.short());
        let bar = self.is_bar().concat();
        let mut v: Vec<(&str, crate::text::Msg)> = vec![
            (self.marks.green, t::LEGEND_GREEN),
            (self.marks.yellow, t::LEGEND_YELLOW),
            (self.marks.red, t::LEGEND_RED),
            (self.marks.none, t::LEGEND_NONE),
            ("!", t::LEGEND_ERROR),
            ("?", t::LEGEND_WARNING),
            (self.tree_open.trim_end(), t::LEGEND_OPEN),
            (self.tree_closed.trim_end(), t::LEGEND_CLOSED),
            (self.selection_symbol.trim_end(), t::LEGEND_SELECTED),
            (self.selection_symbol_held.trim_end(), t::LEGEND_HELD),
            (crate::text::domain::completeness::MARK, t::LEGEND_STAR),
            (t::CAPPED_MARK, t::LEGEND_CAPPED),
            ("+", t::LEGEND_PLUS),
            (&tag, t::LEGEND_TAG),
            ("…", t::LEGEND_MORE),
            (self.peta_arrow(), tp::LEGEND_PETA_ARROW),
            (self.peta_port(), tp::LEGEND_PETA_PORT),
            (self.is_mark(), tp::LEGEND_IS),
            (&bar, tp::LEGEND_BAR),
        ];
        if self.ascii {
            v.push(("o", tp::LEGEND_PETA_BEND));
        }
        let mut out: Vec<(String, crate::text::Msg)> =
            v.into_iter().map(|(m, d)| (m.to_string(), d)).collect();
        for s in crate::domain::round::MonthState::ALL {
            if let (Some(m), Some(d)) = (self.state_mark(s), crate::text::tui_round::legend(s)) {
                out.push((m.to_string(), d));
            }
        }
        out.push((
            self.overdue_mark().to_string(),
            crate::text::tui_round::LEGEND_OVERDUE,
        ));
        out
    }

    /// The mark of a month's state in the round (DOMAIN.md §11) on a unit's tree row: none for
    /// a month being filled (`diisi`); ASCII letters with `--ascii` (A ajukan, V validasi,
    /// K kembalikan, T tetapkan).
    pub fn state_mark(&self, s: crate::domain::round::MonthState) -> Option<&'static str> {
        use crate::domain::round::MonthState as M;
        let (u, a) = match s {
            M::Diisi => return None,
            M::Diajukan => ("↑", "A"),
            M::Divalidasi => ("✓", "V"),
            M::Dikembalikan => ("↩", "K"),
            M::Ditetapkan => ("■", "T"),
        };
        Some(if self.ascii { a } else { u })
    }

    /// The style of a month's state mark: submitted yellow, validated and closed green,
    /// returned red (in monochrome the marks alone say it; returned is bold).
    pub fn state_style(&self, s: crate::domain::round::MonthState) -> Style {
        use crate::domain::round::MonthState as M;
        match s {
            M::Diisi => Style::default(),
            M::Diajukan => self.yellow,
            M::Divalidasi | M::Ditetapkan => self.green,
            M::Dikembalikan => self.red,
        }
    }

    /// The symbol before an overdue deadline in the header.
    pub fn overdue_mark(&self) -> &'static str {
        if self.ascii { "!!" } else { "⚠" }
    }

    /// The arrowhead of a Peta Strategi link, on the border of the SS it supports: not the
    /// yellow mark `▲` nor, in ASCII, the `^` of "more above".
    pub fn peta_arrow(&self) -> &'static str {
        if self.ascii { "A" } else { "↑" }
    }

    /// Where a link leaves the border of the SS that supports.
    pub fn peta_port(&self) -> &'static str {
        if self.ascii { "o" } else { "┴" }
    }

    /// The mark after an IKU served by an Inisiatif Strategis.
    pub fn is_mark(&self) -> &'static str {
        if self.ascii { "@" } else { "◆" }
    }

    /// The cells of an IS progress bar: realised, short of the plan, still to do.
    pub fn is_bar(&self) -> [&'static str; 3] {
        if self.ascii {
            ["#", "=", "."]
        } else {
            ["█", "▒", "░"]
        }
    }

    /// The style of a status; `None` is dim.
    pub fn status_style(&self, status: Option<Status>) -> Style {
        match status {
            Some(Status::Green) => self.green,
            Some(Status::Yellow) => self.yellow,
            Some(Status::Red) => self.red,
            None => self.dim,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_status() {
        let t = Theme::new(false, false);
        assert_eq!(t.mark(Some(Status::Green)), "●");
        assert_eq!(t.mark(None), "·");
        let a = Theme::new(true, false);
        assert_eq!(a.mark(Some(Status::Red)), "-");
        assert_eq!(a.mark(Some(Status::Yellow)), "~");
    }
}
