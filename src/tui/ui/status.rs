//! Header (store, year, rulebook, period, user) and footer (status line, keys of the mode).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::tui as t;
use crate::tui::action::{Action, Mode};
use crate::tui::app::App;

pub fn header(frame: &mut Frame, area: Rect, app: &App) {
    let text = format!(
        " kinerja │ {}: {} │ {} {} │ {}: {} │ {} │ {}: {}",
        t::STORE.s(),
        app.store_path.display(),
        t::YEAR.s(),
        app.ds.year,
        t::RULEBOOK.s(),
        app.rb.name,
        t::PERIOD.fill(&[
            ("month", &t::month_name(app.period)),
            ("year", &app.ds.year)
        ]),
        t::USER.s(),
        app.user,
    );
    let text = if app.ascii {
        text.replace('│', "|")
    } else {
        text
    };
    frame.render_widget(Paragraph::new(text).style(app.theme.header), area);
}

/// The actions worth showing in the footer for a mode, most useful first.
pub fn footer_actions(mode: Mode) -> &'static [Action] {
    use Action::*;
    match mode {
        Mode::Tree => &[
            Down, Expand, FocusGrid, PrevPeriod, NextPeriod, Search, Undo, Help, Quit,
        ],
        Mode::Grid => &[Right, StartEdit, Clear, FocusTree, Undo, Redo, Help, Quit],
        Mode::Edit => &[Commit, CommitNext, Cancel, Clear],
        Mode::Search => &[Commit, NextMatch, Cancel],
        Mode::Help => &[Cancel, Down],
        Mode::Addendum => &[SubmitAddendum, DiscardAddendum],
    }
}

/// "key desc" hints of the mode, from the keymap.
pub fn key_hints(app: &App) -> String {
    let mode = app.mode();
    let mut parts = Vec::new();
    for a in footer_actions(mode) {
        let b = app.keymap.bindings(mode).iter().find(|b| &b.action == a);
        if let Some(b) = b {
            let keys = app.keymap.keys_for(mode, a);
            let k = keys.first().copied().unwrap_or(b.text.as_str());
            let k = if k == " " { "space" } else { k };
            parts.push(format!("{k} {}", b.desc));
        }
    }
    parts.join(" · ")
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let mode = app.mode();
    let mode_tag = Span::styled(
        format!(" {} ", super::help::mode_title(mode)),
        app.theme.selection,
    );
    let mut status = vec![mode_tag, Span::raw(" ")];
    if let Some(e) = &app.editor {
        let prompt = t::EDIT_PROMPT.fill(&[("month", &t::month_name(e.month))]);
        let x = area.x + (super::help::mode_title(mode).chars().count() + 3) as u16;
        let prompt_w = prompt.chars().count() as u16;
        status.push(Span::styled(prompt, app.theme.title));
        status.push(Span::raw(e.buffer.clone()));
        if let Some(err) = &e.error {
            status.push(Span::styled(format!("  {err}"), app.theme.error));
        }
        frame.set_cursor_position((x + prompt_w + e.cursor as u16, area.y));
    } else if app.search.typing {
        let x = area.x + (super::help::mode_title(mode).chars().count() + 3) as u16;
        let prompt = t::SEARCH_PROMPT.s();
        status.push(Span::styled(prompt, app.theme.title));
        status.push(Span::raw(app.search.query.clone()));
        if !app.status.is_empty() {
            let st = if app.status_is_error {
                app.theme.error
            } else {
                app.theme.dim
            };
            status.push(Span::styled(format!("  {}", app.status), st));
        }
        frame.set_cursor_position((
            x + (prompt.chars().count() + app.search.query.chars().count()) as u16,
            area.y,
        ));
    } else {
        let st = if app.status_is_error {
            app.theme.error
        } else {
            app.theme.footer
        };
        status.push(Span::styled(app.status.clone(), st));
    }
    let hints = Line::styled(key_hints(app), app.theme.dim);
    frame.render_widget(Paragraph::new(vec![Line::from(status), hints]), area);
}
