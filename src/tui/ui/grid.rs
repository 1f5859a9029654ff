//! The IKU pane: the Manual IKU fields, the 12-month grid (Target, Realisasi, Capaian s.d.) and
//! the trajectory sparklines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::sparkline::Trajectory;
use super::{block, exact, num2, status_style};
use crate::domain::score::{effective_months, score_iku};
use crate::domain::{CodeRef, Iku};
use crate::text::tui as t;
use crate::tui::app::{App, Focus};

/// Width of the row-label column of the grid.
const LABEL_W: usize = 13;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, key: &CodeRef) {
    let Some(iku) = app.ds.iku.get(key).cloned() else {
        return;
    };
    let b = block(app, format!("IKU {}", iku.code));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let fields = fields(app, &iku);
    let fh = (fields.len() as u16).min(inner.height.saturating_sub(8));
    let [f, g, s] = Layout::vertical([
        Constraint::Length(fh),
        Constraint::Length(5),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(fields), f);
    grid(frame, g, app, &iku);
    if s.height >= 3 {
        let (targets, realisasi) = effective_months(&app.ds, &iku);
        let [title, spark] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(2)]).areas(s);
        frame.render_widget(
            Line::styled(
                format!("{}  {}", t::SPARK_TITLE.s(), t::FROZEN_LEGEND.s()),
                app.theme.dim,
            ),
            title,
        );
        frame.render_widget(
            Trajectory {
                target: &targets,
                realisasi: &realisasi,
                ascii: app.ascii,
                target_style: app.theme.target_spark,
                realisasi_style: app.theme.realisasi_spark,
                label_style: app.theme.title,
            },
            spark,
        );
    }
}

fn fields(app: &App, iku: &Iku) -> Vec<Line<'static>> {
    let th = app.theme.title;
    let kv = |k: &str, v: String| {
        vec![
            Span::styled(format!("{k}: "), th),
            Span::raw(format!("{v}  ")),
        ]
    };
    let mut lines = vec![Line::from(Span::styled(iku.name.clone(), th))];
    let mut l1 = kv(t::F_POLARITY.s(), iku.polarity.as_str().into());
    l1.extend(kv(
        t::F_CONSOLIDATION.s(),
        iku.period_consolidation.as_str().into(),
    ));
    lines.push(Line::from(l1));
    let mut l2 = kv(t::F_REPORTING.s(), iku.reporting_period.as_str().into());
    l2.extend(kv(t::F_UOM.s(), iku.unit_of_measure.clone()));
    l2.extend(kv(t::WEIGHT.s(), exact(app, iku.weight)));
    lines.push(Line::from(l2));
    lines.push(Line::from(kv(
        t::F_VALIDITY.s(),
        format!("{} / {}", iku.validity.as_str(), iku.control.as_str()),
    )));
    if !iku.definition.is_empty() {
        lines.push(Line::from(kv(t::F_DEFINITION.s(), iku.definition.clone())));
    }
    if !iku.formula.is_empty() {
        lines.push(Line::from(kv(t::F_FORMULA.s(), iku.formula.clone())));
    }
    if !iku.data_source.is_empty() || !iku.responsible.is_empty() {
        let mut l = kv(t::F_SOURCE.s(), iku.data_source.clone());
        l.extend(kv(t::F_RESPONSIBLE.s(), iku.responsible.clone()));
        lines.push(Line::from(l));
    }
    if let Some(c) = &iku.cascade {
        lines.push(Line::from(kv(
            t::F_CASCADE.s(),
            format!("{} ({}, {})", c.from, c.method.as_str(), c.kind.as_str()),
        )));
    }
    if iku.rolls_up() {
        lines.push(Line::styled(
            t::F_ROLLUP.fill(&[("method", &iku.location_consolidation.as_str())]),
            app.theme.dim,
        ));
    }
    lines
}

/// The months shown when the pane is too narrow for twelve: a window that holds `cursor`.
pub fn month_window(width: usize, col: usize, cursor: u8) -> std::ops::RangeInclusive<u8> {
    let n = (width.saturating_sub(LABEL_W) / col).clamp(1, 12);
    let start = (cursor as usize).saturating_sub(n).min(12 - n);
    (start as u8 + 1)..=(start + n) as u8
}

fn grid(frame: &mut Frame, area: Rect, app: &mut App, iku: &Iku) {
    let key = iku.key();
    let (targets, realisasi) = effective_months(&app.ds, iku);
    let caps: Vec<(
        Option<rust_decimal::Decimal>,
        Option<crate::domain::score::Status>,
    )> = (1..=12u8)
        .map(|m| {
            let s = score_iku(&app.ds, &app.rb, iku, m);
            (s.capaian, s.status)
        })
        .collect();
    let grid_focus = app.focus == Focus::Grid;
    let cursor = if grid_focus || app.editor.is_some() {
        app.month
    } else {
        app.period
    };
    let editing = app.editor.as_ref().filter(|e| e.iku == key).cloned();
    let t_text: Vec<String> = (1..=12u8)
        .map(|m| {
            let mut s = exact(app, targets[(m - 1) as usize]);
            if App::target_frozen(iku, m) {
                s.push('*');
            }
            s
        })
        .collect();
    let r_text: Vec<String> = (1..=12u8)
        .map(|m| match &editing {
            Some(e) if e.month == m => {
                let mut b = e.buffer.clone();
                let at = b.char_indices().nth(e.cursor).map_or(b.len(), |(i, _)| i);
                b.insert(at, if app.ascii { '|' } else { '▏' });
                b
            }
            _ => {
                let mut s = exact(app, realisasi[(m - 1) as usize]);
                if app.realisasi_frozen(&key, m) {
                    s.push('*');
                }
                s
            }
        })
        .collect();
    let c_text: Vec<String> = (1..=12u8)
        .map(|m| {
            if iku.reporting_period.is_reporting_month(m) {
                num2(app, caps[(m - 1) as usize].0)
            } else {
                String::new()
            }
        })
        .collect();
    let col = t_text
        .iter()
        .chain(&r_text)
        .chain(&c_text)
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(4)
        .max(4)
        + 1;
    let window = month_window(area.width as usize, col, cursor);
    let cell = |s: &str| format!("{s:>col$}");
    let label = |s: &str| format!("{s:<LABEL_W$}");
    let mut header = vec![Span::styled(label(""), app.theme.title)];
    let mut trow = vec![Span::styled(label(t::TARGET.s()), app.theme.title)];
    let mut rrow = vec![Span::styled(label(t::REALISASI.s()), app.theme.title)];
    let mut crow = vec![Span::styled(label(t::CAPAIAN_SD.s()), app.theme.title)];
    for m in window {
        let i = (m - 1) as usize;
        let reporting = iku.reporting_period.is_reporting_month(m);
        let base = if reporting {
            Style::new()
        } else {
            app.theme.dim
        };
        let mut hs = app.theme.title;
        if m == app.period {
            hs = hs.add_modifier(Modifier::UNDERLINED);
        }
        header.push(Span::styled(cell(t::month_name(m)), hs));
        let tstyle = if App::target_frozen(iku, m) {
            base.patch(app.theme.frozen)
        } else {
            base
        };
        trow.push(Span::styled(cell(&t_text[i]), tstyle));
        let mut rstyle = if app.realisasi_frozen(&key, m) {
            base.patch(app.theme.frozen)
        } else {
            base
        };
        if (grid_focus || editing.is_some()) && m == app.month {
            rstyle = app.theme.selection;
            if editing.as_ref().is_some_and(|e| e.error.is_some()) {
                rstyle = rstyle.patch(app.theme.error);
            }
        }
        rrow.push(Span::styled(cell(&r_text[i]), rstyle));
        let cst = if reporting {
            status_style(app, caps[i].1)
        } else {
            app.theme.dim
        };
        crow.push(Span::styled(cell(&c_text[i]), cst));
    }
    let lines = vec![
        Line::from(header),
        Line::from(trow),
        Line::from(rrow),
        Line::from(crow),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
