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
        Mode::Worklist => t::MODE_WORKLIST.s(),
        Mode::Peta => crate::text::plan::MODE_PETA.s(),
        Mode::Analysis => crate::text::tui_round::MODE_ANALYSIS.s(),
    }
}

/// How a key is shown in the help: `<Up>` → `Up`, `<C-r>` → `Ctrl-r`, `" "` → `Space`.
pub fn key_label(text: &str) -> String {
    if text == " " {
        return "Space".to_string();
    }
    let Some(inner) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return text.to_string();
    };
    inner
        .replace("C-", "Ctrl-")
        .replace("A-", "Alt-")
        .replace("S-", "Shift-")
}

/// `text` word-wrapped to `width` columns (a word longer than the line is broken).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            out.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let need = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if need > width && !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// Two columns: `left` padded to `lw`, then `right` wrapped in the rest of `width` (continued
/// lines indented under it). The columns are at least two spaces apart.
fn two_columns(
    left: Span<'static>,
    lw: usize,
    right: &str,
    width: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(lw + 4).max(10);
    let mut out = Vec::new();
    for (i, part) in wrap(right, room).into_iter().enumerate() {
        let l = if i == 0 {
            Span::styled(format!("  {}  ", pad(&left.content, lw)), left.style)
        } else {
            Span::raw(" ".repeat(lw + 4))
        };
        out.push(Line::from(vec![l, Span::styled(part, style)]));
    }
    out
}

/// One row of the key list: the keys of an action, its description, its name.
type KeyRow = (String, String, String);

/// The lines of the help text for a popup `width` columns wide: the keys of every mode of the
/// active keymap in aligned columns (keys of one action together), the legend of every mark the
/// theme draws, and the glossary.
pub fn lines_for(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    // one row per action: its keys, its description, its name
    let mut sections: Vec<(Mode, Vec<KeyRow>)> = Vec::new();
    for mode in Mode::ALL {
        let mut rows: Vec<(String, String, String)> = Vec::new();
        for kb in app.keymap().bindings(*mode) {
            let name = kb.action.name().to_string();
            let key = key_label(&kb.text);
            match rows.iter_mut().find(|r| r.2 == name) {
                Some(r) => {
                    r.0.push_str(", ");
                    r.0.push_str(&key);
                }
                None => rows.push((key, kb.desc.clone(), name)),
            }
        }
        if !rows.is_empty() {
            sections.push((*mode, rows));
        }
    }
    let all = || sections.iter().flat_map(|(_, r)| r.iter());
    let kw = all()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let nw = all().map(|r| r.2.chars().count()).max().unwrap_or(0);
    // the action's name is shown when there is room for it beside a description
    let show_name = width >= kw + nw + 30;
    let dw = if show_name {
        width.saturating_sub(kw + nw + 6)
    } else {
        width.saturating_sub(kw + 4)
    };
    out.push(Line::styled(
        t::HELP_KEYS.s().to_string(),
        app.theme().title,
    ));
    for (mode, rows) in &sections {
        out.push(Line::styled(
            format!("[{}]", mode_title(*mode)),
            app.theme().title,
        ));
        for (key, desc, name) in rows {
            let keys = wrap(&key.replace(", ", ",\u{a0}"), kw);
            let descs = wrap(desc, dw.max(8));
            let n = keys.len().max(descs.len());
            for i in 0..n {
                let k = keys
                    .get(i)
                    .map(|k| k.replace('\u{a0}', " "))
                    .unwrap_or_default();
                let d = descs.get(i).cloned().unwrap_or_default();
                let mut spans = vec![
                    Span::styled(format!("  {}", pad(&k, kw)), app.theme().header),
                    Span::raw(format!("  {}", if show_name { pad(&d, dw) } else { d })),
                ];
                if show_name && i == 0 {
                    spans.push(Span::styled(format!("  {name}"), app.theme().dim));
                }
                out.push(Line::from(spans));
            }
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled(
        t::HELP_LEGEND.s().to_string(),
        app.theme().title,
    ));
    let legend = app.theme().legend();
    let mw = legend
        .iter()
        .map(|(m, _)| m.chars().count())
        .max()
        .unwrap_or(1);
    for (mark, meaning) in legend {
        out.extend(two_columns(
            Span::styled(mark, app.theme().header),
            mw,
            meaning.s(),
            width,
            ratatui::style::Style::new(),
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        t::HELP_GLOSSARY.s().to_string(),
        app.theme().title,
    ));
    let gw = crate::text::vocab::GLOSSARY
        .iter()
        .map(|e| e.term.s().chars().count())
        .max()
        .unwrap_or(1)
        .min(width / 3);
    for e in crate::text::vocab::GLOSSARY {
        out.extend(two_columns(
            Span::styled(e.term.s().to_string(), app.theme().header),
            gw,
            e.meaning.s(),
            width,
            ratatui::style::Style::new(),
        ));
    }
    out
}

/// The lines of the help text at the popup width of an 80-column screen.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    lines_for(app, 72)
}

/// The popup's area on a screen of `area`.
pub fn popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(110);
    let h = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let popup = popup(area);
    let h = popup.height;
    let lines = lines_for(app, popup.width.saturating_sub(2) as usize);
    let max_scroll = (lines.len() as u16).saturating_sub(h.saturating_sub(2));
    app.clamp_help_scroll(max_scroll);
    let more = app.help_scroll() < max_scroll;
    let title = t::HELP_TITLE.fill(&[("keymap", &app.keymap_name())]);
    let mut b = block(app, title);
    if more {
        b = b.title_bottom(Line::styled(t::HELP_MORE.s(), app.theme().dim).right_aligned());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((app.help_scroll(), 0))
            .block(b),
        popup,
    );
}

/// The status message in full, word-wrapped in a popup (opened by `show-message` when it is
/// longer than the footer).
pub fn draw_message(frame: &mut Frame, area: Rect, app: &mut App) {
    let w = area.width.saturating_sub(8).min(100);
    let text: Vec<Line<'static>> = wrap(app.status(), w.saturating_sub(2) as usize)
        .into_iter()
        .map(Line::raw)
        .collect();
    let h = (text.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + 2, w, h);
    let max_scroll = (text.len() as u16).saturating_sub(h.saturating_sub(2));
    app.clamp_help_scroll(max_scroll);
    let mut b = block(app, t::MSG_TITLE.s());
    if app.help_scroll() < max_scroll {
        b = b.title_bottom(Line::styled(t::HELP_MORE.s(), app.theme().dim).right_aligned());
    }
    let style = if app.status_is_error() {
        app.theme().error
    } else {
        ratatui::style::Style::new()
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text)
            .style(style)
            .scroll((app.help_scroll(), 0))
            .block(b),
        popup,
    );
}
