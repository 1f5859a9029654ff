//! The list view in the left pane: one row per IKU of the units in view — status mark, unit,
//! code, capaian, change since the comparison period — sorted as the title says.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, num2, signed};
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::views::change;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    app.set_page(area.height.saturating_sub(3) as usize);
    let from = app.change_from();
    let title = t::LIST_TITLE.fill(&[
        ("n", &app.list().rows.len()),
        ("sort", &app.list().sort.label(from)),
    ]);
    let b = block(app, format!("[{title}]"));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.height == 0 {
        return;
    }
    let range = app.list_window(inner.height as usize);
    let rows: Vec<_> = app.list().rows[range.clone()].to_vec();
    let uw = rows
        .iter()
        .map(|k| k.unit.chars().count())
        .max()
        .unwrap_or(0)
        .min(16);
    let cw = rows
        .iter()
        .map(|k| k.code.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::with_capacity(rows.len());
    for (i, k) in rows.iter().enumerate() {
        let s = app.unit_score(&k.unit).iku.get(&k.code).cloned();
        let now = s.as_ref().and_then(|s| s.capaian);
        let st = s.and_then(|s| s.status);
        let before = app.compare_capaian(k);
        let d = change(before, now);
        let selected = range.start + i == app.list().cursor;
        let pointer = if selected {
            app.theme().pointer(app.detail_stale())
        } else {
            "  "
        };
        let unit: String = if k.unit.chars().count() > uw {
            let mut u: String = k.unit.chars().take(uw.saturating_sub(1)).collect();
            u.push('…');
            u
        } else {
            format!("{:<uw$}", k.unit)
        };
        let mut spans = vec![
            Span::raw(pointer.to_string()),
            Span::styled(
                app.theme().mark(st).to_string(),
                app.theme().status_style(st),
            ),
            Span::raw(format!(" {unit} {:<cw$} ", k.code)),
            Span::styled(
                format!("{:>7}", num2(app, now)),
                app.theme().status_style(st),
            ),
            Span::styled(
                format!(
                    " {:>7}",
                    d.map_or_else(|| super::dash(app).to_string(), |d| signed(app, d))
                ),
                app.theme().dim,
            ),
        ];
        if selected {
            for sp in &mut spans {
                sp.style = sp.style.patch(app.theme().selection);
            }
        }
        let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
        let room = (inner.width as usize).saturating_sub(used + 1);
        let (_, name) = app.label(&crate::tui::app::Node::Iku(k.clone()));
        if room > 1 {
            let name = if name.chars().count() > room {
                let mut n: String = name.chars().take(room - 1).collect();
                n.push('…');
                n
            } else {
                name
            };
            spans.push(Span::styled(format!(" {name}"), app.theme().dim));
        }
        lines.push(Line::from(spans));
    }
    if lines.is_empty() {
        lines.push(Line::styled(t::LIST_EMPTY.s(), app.theme().dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
