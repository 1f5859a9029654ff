//! The K3 breakdown panel of a unit: quality of IKU and quality of target with their shares,
//! each IKU's points and reasons, the index and NKO K3. Computed by `domain::k3` on every draw
//! from the current dataset, so it follows every edit at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};
use rust_decimal::Decimal;

use super::{block, num2};
use crate::domain::k3::{K3Method, k3_breakdown};
use crate::text::tui as t;
use crate::tui::app::App;

/// A share like 0.6 as "60 %".
fn percent(app: &App, d: Option<Decimal>) -> String {
    match d {
        Some(d) => format!(
            "{} %",
            crate::tui::deps::format_exact(d * Decimal::ONE_HUNDRED, app.locale())
        ),
        None => super::dash(app).to_string(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, unit: &str, nko: Option<Decimal>) {
    let b = k3_breakdown(app.ds(), app.rb(), unit, nko);
    let th = app.theme().title;
    let num = |d: Option<Decimal>| num2(app, d);
    let mut head = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    "{} {}: ",
                    t::K3_IKU_QUALITY.s(),
                    percent(app, app.rb().k3.iku_share.map(|r| r.0))
                ),
                th,
            ),
            Span::raw(num(b.iku_part)),
            Span::styled(
                format!(
                    "   {} {}: ",
                    t::K3_TARGET_QUALITY.s(),
                    percent(app, app.rb().k3.target_share.map(|r| r.0))
                ),
                th,
            ),
            Span::raw(num(b.target_part)),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", t::K3_INDEX.s()), th),
            Span::raw(match b.index {
                Some(i) => crate::tui::deps::format_decimal(i, app.locale(), 4),
                None => super::dash(app).to_string(),
            }),
            Span::styled(format!("   {}: ", t::NKO.s()), th),
            Span::raw(num(b.nko)),
            Span::styled(format!("   {}: ", t::K3_NKO_K3.s()), th),
            Span::raw(num(b.nko_k3)),
            Span::raw(
                b.label
                    .map(|l| format!("   ({})", l.label()))
                    .unwrap_or_default(),
            ),
        ]),
    ];
    if let Some(q) = &b.quota {
        let capped = if q.capped.is_empty() {
            t::K3_QUOTA_NONE_CAPPED.s().to_string()
        } else {
            q.capped.join(", ")
        };
        let share = crate::tui::deps::format_exact(q.share * Decimal::ONE_HUNDRED, app.locale());
        head.push(Line::styled(
            t::K3_QUOTA.fill(&[
                ("used", &q.above_threshold.min(q.allowed)),
                ("allowed", &q.allowed),
                ("share", &share),
                ("n", &b.iku.len()),
                ("above", &q.above_threshold),
                ("capped", &capped),
            ]),
            app.theme().dim,
        ));
    }
    let pts = match b.method {
        K3Method::Points => t::K3_POINTS.s(),
        K3Method::Multiplier => t::K3_MULTIPLIER.s(),
    };
    let rows: Vec<Row> = b
        .iku
        .iter()
        .map(|i| {
            let mut reason = crate::text::reason::render_parts(&i.iku_reason);
            if !i.target_reason.is_empty() {
                reason.push_str(" · ");
                reason.push_str(&crate::text::reason::render_parts(&i.target_reason));
            }
            if let Some(w) = &i.warning {
                reason.push_str(" · ");
                reason.push_str(&crate::text::reason::render(w));
            }
            let ip = if i.left_out {
                num(None)
            } else if i.capped_by_quota {
                format!("{}{}", num(Some(i.iku_points)), t::CAPPED_MARK)
            } else {
                num(Some(i.iku_points))
            };
            Row::new(vec![
                Line::raw(i.code.clone()),
                Line::raw(ip).right_aligned(),
                Line::raw(num(i.target_points)).right_aligned(),
                Line::styled(reason, app.theme().dim),
            ])
        })
        .collect();
    let outer = block(app, t::K3_TITLE.s());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let hh = super::lines_rows(&head, inner.width).min(inner.height);
    let [h, tbl] = Layout::vertical([Constraint::Length(hh), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: true }), h);
    let header = Row::new(vec![
        "IKU".to_string(),
        format!("{pts} IKU"),
        format!("{pts} {}", t::TARGET.s()),
        t::K3_REASON.s().to_string(),
    ])
    .style(th);
    frame.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(10),
                Constraint::Length(10),
                Constraint::Length(13),
                Constraint::Min(10),
            ],
        )
        .header(header),
        tbl,
    );
}
