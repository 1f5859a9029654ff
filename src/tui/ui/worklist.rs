//! The worklist in place of the tree and the detail: one row per IKU due in the month — code
//! (and unit, over several units), target, the previous reporting month's realisasi, the
//! realisasi being entered, its state — and the count "3 dari 5 terisi" in the title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, exact, shown};
use crate::text::tui as t;
use crate::text::tui_round as tt;
use crate::tui::app::App;
use crate::tui::app::worklist::{WorkRow, count_text};

/// `s` cut to `w` columns (with `…`) or padded to them.
fn fit(s: &str, w: usize, ell: &str) -> String {
    let n = s.chars().count();
    if n <= w {
        return format!("{s}{}", " ".repeat(w - n));
    }
    if w == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
    out.push_str(ell);
    out
}

/// `s` right-aligned in `w` columns (cut from the left when longer).
fn right(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        return s.chars().skip(n - w).collect();
    }
    format!("{}{s}", " ".repeat(w - n))
}

/// The state word of a row.
pub fn state_text(r: &WorkRow) -> String {
    match r.rollup {
        Some((n, total)) => t::WL_ROLLUP.fill(&[("n", &n), ("total", &total)]),
        None if r.filled() => t::WL_FILLED.s().to_string(),
        None => t::WL_EMPTY.s().to_string(),
    }
}

/// The state of the worklist's unit in its month (DOMAIN.md §11) and the reason of the last
/// return or reopening, word-wrapped at `width` (at most three rows).
pub fn state_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let w = app.worklist();
    let rec = app.month_record(&w.unit, w.month);
    let mark = app
        .theme()
        .state_mark(rec.state)
        .map(|m| format!("{m} "))
        .unwrap_or_default();
    let state = tt::WL_STATE.fill(&[
        ("unit", &shown(&w.unit)),
        ("month", &t::month_name(w.month)),
        ("state", &crate::text::round::state_word(rec.state)),
    ]);
    let style = app
        .theme()
        .state_style(rec.state)
        .add_modifier(ratatui::style::Modifier::BOLD);
    let mut text = vec![Span::styled(format!("{mark}{state}"), style)];
    if !rec.reason.is_empty() {
        text.push(Span::raw(format!(
            " · {}",
            tt::WL_REASON.fill(&[("reason", &shown(&rec.reason))])
        )));
    }
    let line = Line::from(text);
    // wrapped by hand so that the rows under it know where to start
    let flat = line.to_string();
    let parts = super::help::wrap(&flat, width.max(10));
    if parts.len() <= 1 {
        return vec![line];
    }
    parts
        .into_iter()
        .take(3)
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                Line::styled(p, style)
            } else {
                Line::raw(p)
            }
        })
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    app.set_page(area.height.saturating_sub(4) as usize);
    let keys = app.worklist_keys();
    let month = app.worklist().month;
    let title = t::WL_TITLE.fill(&[
        ("scope", &app.worklist_scope()),
        ("month", &t::month_name(month)),
        ("year", &app.ds().year),
        ("count", &count_text(app.worklist_count())),
    ]);
    let b = block(app, format!("[{title}]"));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let ell = if app.ascii() { "." } else { "…" };
    let dash = super::dash(app);
    if keys.is_empty() {
        let msg = t::WL_NONE.fill(&[
            ("scope", &app.worklist_scope()),
            ("month", &t::month_name(month)),
            ("year", &app.ds().year),
        ]);
        frame.render_widget(
            Paragraph::new(Line::styled(msg, app.theme().dim)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    // the state of the unit's month in the round, and the reason of a return, first
    let state_lines = state_lines(app, inner.width as usize);
    let sh = (state_lines.len() as u16).min(inner.height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(state_lines),
        Rect {
            height: sh,
            ..inner
        },
    );
    let inner = Rect {
        y: inner.y + sh,
        height: inner.height - sh,
        ..inner
    };
    // the legend under the rows when there is room for it
    let legend_rows = if inner.height >= 6 { 2 } else { 0 };
    let body_h = (inner.height as usize).saturating_sub(1 + legend_rows);
    let range = app.worklist_window(keys.len(), body_h);
    let first = range.start;
    // only the rows in view are computed (a ministry's subtree has thousands)
    let rows: Vec<WorkRow> = keys[range]
        .iter()
        .filter_map(|k| app.worklist_row_of(k))
        .collect();
    let many_units = app.worklist().subtree;
    let editing = app.editor().filter(|e| e.in_worklist).cloned();
    // the texts of every row, to size the columns
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let unit = if many_units {
                // over several units each unit's month state marks its rows
                match app.state_mark(&r.iku.unit, month) {
                    Some((m, _)) => format!("{m} {}", shown(&r.iku.unit)),
                    None => shown(&r.iku.unit),
                }
            } else {
                String::new()
            };
            let evidence = app.evidence_of(&r.iku, month).len().to_string();
            let prev = match r.prev {
                Some((m, v)) => format!("{} {}", t::month_name(m), exact(app, v)),
                None => dash.to_string(),
            };
            let input = match &editing {
                Some(e) if e.iku == r.iku => e.buffer().to_string(),
                _ => exact(app, r.value),
            };
            [
                unit,
                shown(&r.iku.code),
                exact(app, r.target),
                prev,
                format!("{input} "),
                evidence,
            ]
        })
        .collect();
    let width = |i: usize, head: &str, cap: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .chain(std::iter::once(head.chars().count()))
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let uw = if many_units {
        width(0, t::F_UNIT.s(), 16)
    } else {
        0
    };
    let cw = width(1, t::WL_COL_IKU.s(), 12);
    let tw = width(2, t::WL_COL_TARGET.s(), 12);
    let pw = width(3, t::WL_COL_PREV.s(), 16);
    let iw = width(4, t::WL_COL_INPUT.s(), 14).max(8);
    let ew = width(5, tt::COL_EVIDENCE.s(), 8);
    let sw = rows
        .iter()
        .map(|r| state_text(r).chars().count())
        .chain(std::iter::once(t::WL_COL_STATE.s().chars().count()))
        .max()
        .unwrap_or(0);
    let head = {
        let mut s = String::from("  ");
        if many_units {
            s.push_str(&fit(t::F_UNIT.s(), uw, ell));
            s.push(' ');
        }
        s.push_str(&format!(
            "{} {} {} {} {} {}",
            fit(t::WL_COL_IKU.s(), cw, ell),
            right(t::WL_COL_TARGET.s(), tw),
            right(t::WL_COL_PREV.s(), pw),
            right(t::WL_COL_INPUT.s(), iw),
            fit(t::WL_COL_STATE.s(), sw, ell),
            right(tt::COL_EVIDENCE.s(), ew),
        ));
        Line::styled(s, app.theme().title)
    };
    let cursor = app.worklist().cursor;
    let mut lines = vec![head];
    for (i, (r, c)) in rows.iter().zip(&cells).enumerate() {
        let selected = first + i == cursor;
        let pointer = if selected {
            app.theme().pointer(false)
        } else {
            "  "
        };
        let editing_this = editing.as_ref().is_some_and(|e| e.iku == r.iku);
        let state = state_text(r);
        let state_style = if r.rollup.is_some() {
            app.theme().dim
        } else if r.filled() {
            app.theme().green
        } else {
            app.theme().yellow
        };
        let input_style = if editing_this {
            app.theme().selection.patch(app.theme().title)
        } else if r.rollup.is_some() {
            app.theme().dim
        } else {
            Style::default()
        };
        let mut spans = vec![Span::raw(pointer.to_string())];
        if many_units {
            spans.push(Span::raw(format!("{} ", fit(&c[0], uw, ell))));
        }
        spans.push(Span::raw(format!("{} ", fit(&c[1], cw, ell))));
        spans.push(Span::raw(format!("{} ", right(&c[2], tw))));
        spans.push(Span::styled(
            format!("{} ", right(&c[3], pw)),
            app.theme().dim,
        ));
        spans.push(Span::styled(right(&c[4], iw), input_style));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(fit(&state, sw, ell), state_style));
        let ev_style = if c[5] == "0" {
            app.theme().dim
        } else {
            Style::default()
        };
        spans.push(Span::styled(format!(" {}", right(&c[5], ew)), ev_style));
        if selected && !editing_this {
            for sp in &mut spans {
                sp.style = sp.style.patch(app.theme().selection);
            }
        }
        let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let room = (inner.width as usize).saturating_sub(used + 1);
        if room > 3 {
            let (_, name) = app.label(&crate::tui::app::Node::Iku(r.iku.clone()));
            spans.push(Span::styled(
                format!(" {}", fit(&name, room, ell).trim_end()),
                app.theme().dim,
            ));
        }
        lines.push(Line::from(spans));
    }
    let n = lines.len() as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: n.min(inner.height),
            ..inner
        },
    );
    if legend_rows > 0 && inner.height > n + 1 {
        let y = inner.y + inner.height - legend_rows as u16;
        frame.render_widget(
            Paragraph::new(Line::styled(t::WL_LEGEND.s(), app.theme().dim))
                .wrap(Wrap { trim: true }),
            Rect {
                y,
                height: legend_rows as u16,
                ..inner
            },
        );
    }
}
