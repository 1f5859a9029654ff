//! The Inisiatif Strategis under the IKU they serve (the IKU pane: a progress bar of realised
//! against planned at the period, and the findings behind / overdue) and the Rincian Anggaran
//! in the unit's pane (absorption against plan per line and in total, a sparkline of the
//! monthly absorption). DOMAIN.md §12.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{block, shown};
use crate::domain::CodeRef;
use crate::domain::plan::{Absorption, IsFinding};
use crate::text::plan as tp;
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::deps::{format_decimal, format_exact};

/// Cells of an IS progress bar (fewer in a narrow pane).
fn bar_cells(width: u16) -> usize {
    if width >= 70 { 20 } else { 10 }
}

fn pct(app: &App, d: Decimal) -> String {
    format_decimal(d, app.locale(), 2)
}

/// `[██████▒▒░░░]`: realised, short of the plan, still to do, out of 100 %.
pub fn bar(app: &App, realised: Decimal, planned: Decimal, width: usize) -> Vec<Span<'static>> {
    let cells = |v: Decimal| -> usize {
        let v = v.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let n = (v * Decimal::from(width as u64) / Decimal::ONE_HUNDRED).round();
        n.to_usize().unwrap_or(0).min(width)
    };
    let (r, p) = (cells(realised), cells(planned));
    let [full, short, rest] = app.theme().is_bar();
    let behind = p.saturating_sub(r);
    let theme = app.theme();
    let done_style = if realised < planned {
        theme.red
    } else {
        theme.green
    };
    vec![
        Span::raw("["),
        Span::styled(full.repeat(r), done_style),
        Span::styled(short.repeat(behind), theme.yellow),
        Span::styled(rest.repeat(width - r - behind), theme.dim),
        Span::raw("]"),
    ]
}

/// The sentence of an IS finding at `month`.
pub fn finding(app: &App, is: &str, f: &IsFinding) -> String {
    match f {
        IsFinding::Behind { planned, realised } => tp::IS_FIND_BEHIND.fill(&[
            ("is", &is),
            ("realised", &pct(app, *realised)),
            ("planned", &pct(app, *planned)),
        ]),
        IsFinding::Overdue { end, realised } => tp::IS_FIND_OVERDUE.fill(&[
            ("is", &is),
            ("end", &t::month_name(*end)),
            ("realised", &pct(app, *realised)),
        ]),
    }
}

/// The IS serving the IKU: per IS its code and bar, realised of planned %, its status and
/// name, and the findings.
pub fn is_lines(app: &App, iku: &CodeRef, width: u16) -> Vec<Line<'static>> {
    let p = app.period();
    let theme = app.theme();
    let mut out = Vec::new();
    for i in app.iku_inisiatif(iku) {
        let (r, pl) = (i.realised_at(p), i.planned_at(p));
        let mut spans = vec![Span::styled(format!("{} ", shown(&i.code)), theme.title)];
        spans.extend(bar(app, r, pl, bar_cells(width)));
        spans.push(Span::raw(format!(
            " {}",
            tp::IS_LINE.fill(&[("realised", &pct(app, r)), ("planned", &pct(app, pl))])
        )));
        if !i.status.is_empty() {
            spans.push(Span::styled(format!("  {}", shown(&i.status)), theme.dim));
        }
        out.push(Line::from(spans));
        out.push(Line::styled(format!("  {}", shown(&i.name)), theme.dim));
        for f in i.findings(p) {
            out.push(Line::from(vec![
                Span::styled("  ! ", theme.error),
                Span::styled(finding(app, &i.code, &f), theme.error),
            ]));
        }
    }
    out
}

/// The IS pane under the grid.
pub fn draw_is(frame: &mut Frame, area: Rect, app: &App, lines: Vec<Line<'static>>) {
    let title = tp::IS_TITLE.fill(&[("month", &t::month_name(app.period()))]);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, title)),
        area,
    );
}

fn absorption_text(app: &App, a: &Absorption) -> String {
    let dash = super::dash(app).to_string();
    tp::BUDGET_LINE.fill(&[
        ("pagu", &format_exact(a.pagu, app.locale())),
        ("real", &format_exact(a.realisasi, app.locale())),
        (
            "pct",
            &a.realised_pct().map_or(dash.clone(), |v| pct(app, v)),
        ),
        ("plan", &a.planned_pct().map_or(dash, |v| pct(app, v))),
    ])
}

/// The Rincian Anggaran of a unit for its pane: the total, then per line its code and output,
/// its absorption against plan and a sparkline of the monthly absorption (Jan–Dec, on one
/// scale from zero for every line); nothing when the unit has no budget lines.
pub fn budget_lines(app: &App, unit: &str) -> Vec<Line<'static>> {
    let Some(plan) = app.unit_plan(unit).filter(|p| !p.anggaran.is_empty()) else {
        return Vec::new();
    };
    let p = app.period();
    let theme = app.theme();
    let total = plan.absorption(p);
    let behind = |a: &Absorption| a.realisasi < a.planned;
    let style_of = |a: &Absorption| if behind(a) { theme.red } else { theme.green };
    let mut out = vec![Line::styled(
        tp::BUDGET_TITLE.fill(&[("month", &t::month_name(p))]),
        theme.title,
    )];
    out.push(Line::from(vec![
        Span::styled(format!("  {}: ", tp::TOTAL.s()), theme.title),
        Span::styled(absorption_text(app, &total), style_of(&total)),
    ]));
    // the monthly absorption (%) of every line, on one scale
    let monthly: Vec<[Option<Decimal>; 12]> = plan
        .anggaran
        .iter()
        .map(|l| {
            let mut m = [None; 12];
            for (k, v) in &l.realisasi {
                if (1..=12).contains(k) && l.pagu.0 > Decimal::ZERO {
                    m[*k as usize - 1] = Some(v.0 * Decimal::ONE_HUNDRED / l.pagu.0);
                }
            }
            m
        })
        .collect();
    let hi = monthly
        .iter()
        .flatten()
        .flatten()
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO);
    let bars = if app.ascii() {
        &super::sparkline::BARS_ASCII
    } else {
        &super::sparkline::BARS
    };
    out.push(Line::styled(
        format!("  {}", tp::BUDGET_SPARK.s()),
        theme.dim,
    ));
    for (l, m) in plan.anggaran.iter().zip(&monthly) {
        let a = l.absorption(p);
        let spark: String = super::sparkline::levels(m, Decimal::ZERO, hi)
            .iter()
            .map(|lv| lv.map_or(" ", |lv| bars[lv as usize]))
            .collect();
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(spark, theme.realisasi_spark),
            Span::styled(format!(" {}", shown(&l.code)), theme.title),
            Span::raw(format!(" {}", shown(&l.output_name))),
        ]));
        out.push(Line::from(vec![
            Span::raw("     "),
            Span::styled(absorption_text(app, &a), style_of(&a)),
        ]));
    }
    out
}

/// The IS plan editor, over the body: one row per field (the one being edited in the
/// selection style, with the cursor), the refusal of the last save below.
pub fn draw_plan_editor(frame: &mut Frame, area: Rect, app: &App) {
    use crate::tui::app::Screen;
    use crate::tui::app::peta::is_editor_label;
    let Screen::IsPlan(e) = app.screen() else {
        return;
    };
    let w = area.width.saturating_sub(4).min(100);
    // the fields, the hint row, the refusal (when there is one), the borders
    let report = e.report.is_some();
    let label = |i: usize| is_editor_label(report, i);
    let h = (e.fields.len() as u16 + 3 + u16::from(e.error.is_some())).min(area.height);
    if w < 30 || h < 5 {
        return;
    }
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    let key_of = |mode: crate::tui::action::Mode, a: crate::tui::action::Action| {
        app.keymap()
            .bindings(mode)
            .iter()
            .find(|b| b.action == a)
            .map_or_else(
                || a.name().to_string(),
                |b| super::status::key_label(&b.text),
            )
    };
    use crate::tui::action::{Action, Mode};
    let is = if e.of.1 > 1 {
        tp::IS_PLAN_OF.fill(&[
            ("is", &shown(&e.is)),
            ("n", &e.of.0),
            ("total", &e.of.1),
            ("key", &key_of(Mode::Grid, Action::IsPlan)),
        ])
    } else {
        shown(&e.is)
    };
    let title = match e.report {
        Some(m) => tp::IS_REPORT_TITLE.fill(&[
            ("is", &is),
            ("unit", &shown(&e.unit)),
            ("month", &crate::text::tui::month_name(m)),
        ]),
        None => tp::IS_PLAN_TITLE.fill(&[("is", &is), ("unit", &shown(&e.unit))]),
    };
    let b = block(app, format!("[{title}]"));
    let inner = b.inner(popup);
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(b, popup);
    let label_w = (0..e.fields.len())
        .map(|i| label(i).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, f) in e.fields.iter().enumerate() {
        let style = if i == e.at {
            app.theme().selection
        } else {
            app.theme().title
        };
        let label = format!("{:<label_w$}", label(i));
        lines.push(Line::from(vec![
            Span::styled(label, style),
            Span::raw(": "),
            Span::raw(shown(f.text())),
        ]));
    }
    lines.push(Line::from(Span::styled(
        tp::IS_PLAN_HINT.fill(&[
            ("next", &key_of(Mode::Edit, Action::CommitNext)),
            ("prev", &key_of(Mode::Edit, Action::CommitPrev)),
            ("commit", &key_of(Mode::Edit, Action::Commit)),
            ("cancel", &key_of(Mode::Edit, Action::Cancel)),
        ]),
        app.theme().dim,
    )));
    if let Some(err) = &e.error {
        lines.push(Line::from(Span::styled(shown(err), app.theme().error)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + (label_w + 2 + e.fields[e.at].cursor()) as u16;
    let y = inner.y + e.at as u16;
    if x < inner.right() && y < inner.bottom() {
        frame.set_cursor_position((x, y));
    }
}
