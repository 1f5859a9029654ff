//! The help popup, generated from the active keymap: every binding of every mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::block;
use crate::text::tui as t;
use crate::tui::action::Mode;
use crate::tui::app::App;

/// The section title of a mode.
pub fn mode_title(mode: Mode) -> &'static str {
    match mode {
        Mode::Tree => t::MODE_TREE.s(),
        Mode::Grid => t::MODE_GRID.s(),
        Mode::Edit => t::MODE_EDIT.s(),
        Mode::Search => t::MODE_SEARCH.s(),
        Mode::Help => t::MODE_HELP.s(),
        Mode::Addendum => t::MODE_ADDENDUM.s(),
    }
}

/// The lines of the help text.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let b = app.keymap().bindings(*mode);
        if b.is_empty() {
            continue;
        }
        out.push(Line::styled(
            format!("[{}]", mode_title(*mode)),
            app.theme().title,
        ));
        for kb in b {
            let key = if kb.text == " " {
                "space".to_string()
            } else {
                kb.text.clone()
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {key:<12}"), app.theme().header),
                Span::raw(format!("{:<28}", kb.desc)),
                Span::styled(kb.action.name().to_string(), app.theme().dim),
            ]));
        }
        out.push(Line::raw(""));
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let w = area.width.saturating_sub(8).min(76);
    let h = area.height.saturating_sub(4);
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + 2, w, h);
    let lines = lines(app);
    let max_scroll = (lines.len() as u16).saturating_sub(h.saturating_sub(2));
    app.clamp_help_scroll(max_scroll);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((app.help_scroll(), 0))
            .block(block(
                app,
                t::HELP_TITLE.fill(&[("keymap", &app.keymap_name())]),
            )),
        popup,
    );
}
