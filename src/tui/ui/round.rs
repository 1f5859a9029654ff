//! The month-end round on screen (DOMAIN.md §11): the round's lines of an IKU's detail (the
//! unit's month state and reason, the analysis of the month, its evidence files) and the
//! analysis editor over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, shown};
use crate::domain::CodeRef;
use crate::text::round as tr;
use crate::text::tui as t;
use crate::text::tui_round as tt;
use crate::tui::action::{Action, Mode};
use crate::tui::app::App;
use crate::tui::app::round::{FIELDS, field_label};

/// The round's lines of the detail of IKU `key` in `month`: the state of its unit's month (and
/// the reason of a return), the analysis, the evidence files.
pub fn iku_month_lines(app: &App, key: &CodeRef, month: u8) -> Vec<Line<'static>> {
    let th = app.theme().title;
    let mname = t::month_name(month);
    let mut out = Vec::new();
    let rec = app.month_record(&key.unit, month);
    let mark = app
        .theme()
        .state_mark(rec.state)
        .map(|m| format!("{m} "))
        .unwrap_or_default();
    let mut state = vec![
        Span::styled(
            format!(
                "{}: ",
                tt::WL_STATE
                    .fill(&[
                        ("unit", &shown(&key.unit)),
                        ("month", &mname),
                        ("state", &"")
                    ])
                    .trim_end_matches([':', ' '])
            ),
            th,
        ),
        Span::styled(
            format!("{mark}{}", tr::state_word(rec.state)),
            app.theme().state_style(rec.state),
        ),
    ];
    if !rec.reason.is_empty() {
        state.push(Span::raw(format!(
            " · {}",
            tt::WL_REASON.fill(&[("reason", &shown(&rec.reason))])
        )));
    }
    out.push(Line::from(state));
    match app.analysis_of(key, month) {
        None => {
            let k = app
                .keymap()
                .keys_for(app.mode(), &Action::Analysis)
                .first()
                .map(|k| super::status::key_label(k))
                .or_else(|| {
                    app.keymap()
                        .keys_for(Mode::Grid, &Action::Analysis)
                        .first()
                        .map(|k| super::status::key_label(k))
                })
                .unwrap_or_default();
            out.push(Line::styled(
                tt::AN_NONE.fill(&[("month", &mname), ("key", &k)]),
                app.theme().dim,
            ));
        }
        Some(a) => {
            out.push(Line::styled(tt::AN_HEADING.fill(&[("month", &mname)]), th));
            let field = |label: &str, v: &str| {
                Line::from(vec![
                    Span::styled(format!("  {label}: "), th),
                    Span::raw(shown(v)),
                ])
            };
            for (label, v) in [
                (field_label(0), &a.isu),
                (field_label(1), &a.implikasi),
                (field_label(2), &a.aksi),
            ] {
                if !v.is_empty() {
                    out.push(field(label, v));
                }
            }
            let r = &a.rencana;
            if !r.what.is_empty() || !r.who.is_empty() || r.by.is_some() {
                let dash = super::dash(app);
                let by = r.by.map(|d| d.to_string()).unwrap_or_else(|| dash.into());
                let who = if r.who.is_empty() {
                    dash.to_string()
                } else {
                    r.who.clone()
                };
                let what = if r.what.is_empty() {
                    dash.to_string()
                } else {
                    r.what.clone()
                };
                out.push(field(
                    field_label(3),
                    &tt::AN_RENCANA_LINE.fill(&[("what", &what), ("who", &who), ("by", &by)]),
                ));
            }
            if !a.catatan.is_empty() {
                out.push(field(field_label(6), &a.catatan));
            }
        }
    }
    let files = app.evidence_of(key, month);
    out.push(Line::styled(
        tt::EV_HEADING.fill(&[("month", &mname), ("n", &files.len())]),
        th,
    ));
    for e in files {
        let sha: String = e.sha256.chars().take(12).collect();
        out.push(Line::raw(format!(
            "  {}",
            tt::EV_LINE.fill(&[
                ("name", &shown(&e.name)),
                (
                    "size",
                    &crate::tui::deps::format_exact(e.size.into(), app.locale())
                ),
                ("sha", &sha),
            ])
        )));
    }
    out
}

/// The analysis editor, over the body of the screen: the title names the IKU-month, every field
/// with its label (the one being edited framed, its cursor shown), the error of the last save.
pub fn draw_analysis(frame: &mut Frame, area: Rect, app: &mut App) {
    let w = area.width.saturating_sub(6).min(100);
    let h = area.height.saturating_sub(4);
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    let Some(e) = app.analysis_editor() else {
        return;
    };
    let title = tt::AN_TITLE.fill(&[
        ("unit", &shown(&e.iku.unit)),
        ("iku", &shown(&e.iku.code)),
        ("month", &t::month_name(e.month)),
        ("year", &app.ds().year),
    ]);
    let b = block(app, format!("[{title}]"));
    let inner = b.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(b, popup);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let width = inner.width.saturating_sub(2) as usize;
    let error = e.error.clone();
    let at = e.at;
    // rows: the focused field gets what the others leave (each other field: label + up to two
    // rows), the error a row at the bottom
    let err_rows = u16::from(error.is_some());
    let avail = inner.height.saturating_sub(err_rows) as usize;
    let others: usize = (0..FIELDS)
        .filter(|i| *i != at)
        .map(|i| 1 + e.fields[i].rows(width).len().clamp(1, 2))
        .sum();
    let focus_rows = avail.saturating_sub(others + 1).max(1);
    let th = app.theme().title;
    let sel = app.theme().selection;
    let dim = app.theme().dim;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor = None;
    let Some(e) = app.analysis_editor_mut() else {
        return;
    };
    e.width = width;
    for i in 0..FIELDS {
        let label = field_label(i);
        let focused = i == at;
        let label_style = if focused {
            th.add_modifier(Modifier::UNDERLINED)
        } else {
            th
        };
        let pointer = if focused { "> " } else { "  " };
        lines.push(Line::styled(format!("{pointer}{label}"), label_style));
        let f = &mut e.fields[i];
        let rows = f.rows(width);
        if focused {
            let range = f.window(width, focus_rows);
            let (cr, cc) = f.cursor_at(width);
            for r in range.clone() {
                lines.push(Line::styled(format!("  {}", f.row_text(rows[r])), sel));
            }
            if range.is_empty() {
                lines.push(Line::styled("  ", sel));
            }
            let y = lines.len() - range.len().max(1) + cr.saturating_sub(range.start);
            cursor = Some((inner.x + 2 + cc as u16, inner.y + y as u16));
            // an empty rest of the window keeps the field's size steady
            for _ in range.len().max(1)..focus_rows {
                lines.push(Line::raw(""));
            }
        } else {
            let n = rows.len().clamp(1, 2);
            for r in rows.iter().take(n) {
                lines.push(Line::raw(format!("  {}", f.row_text(*r))));
            }
            if rows.len() > 2 {
                // more than is shown: the last row says so
                if let Some(l) = lines.last_mut() {
                    l.spans.push(Span::styled(" …", dim));
                }
            }
        }
    }
    let body = Rect {
        height: inner.height - err_rows,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), body);
    if let Some(err) = error {
        frame.render_widget(
            Paragraph::new(Line::styled(shown(&err), app.theme().error)),
            Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            },
        );
    }
    if let Some((x, y)) = cursor
        && y < body.y + body.height
    {
        frame.set_cursor_position((x.min(inner.x + inner.width - 1), y));
    }
}
