//! The right pane: what the selection is, with its numbers for the period.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use super::{block, exact, field, num2, perspective_name, status_style};
use crate::domain::CodeRef;
use crate::domain::score::Status;
use crate::text::tui as t;
use crate::tui::app::{App, Node};

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let Some(node) = app.node().cloned() else {
        frame.render_widget(block(app, t::DETAIL_TITLE.s()), area);
        return;
    };
    match node {
        Node::Unit(u) => unit(frame, area, app, &u),
        Node::Ss(k) => ss(frame, area, app, &k),
        Node::Iku(k) => super::grid::draw(frame, area, app, &k),
    }
}

fn unit(frame: &mut Frame, area: Rect, app: &mut App, code: &str) {
    let Some(u) = app.ds.units.get(code).cloned() else {
        return;
    };
    let score = app.unit_score(code).clone();
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(
        format!("{} — {}", u.code, u.name),
        app.theme.title,
    ))];
    lines.push(field(app, t::LEVEL.s(), u.level.as_str()));
    let st = score.nko.map(|n| Status::of(n, &app.rb));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", t::NKO.s()), app.theme.title),
        Span::styled(
            format!("{} {}", app.theme.mark(st), num2(app, score.nko)),
            status_style(app, st),
        ),
        Span::raw(format!(
            "   {}: {}",
            t::PREDIKAT.s(),
            score.predikat.clone().unwrap_or_else(|| "–".into())
        )),
    ]));
    let n = app.ds.iku_of_unit(code).count() as u32;
    let count = match app.rb.iku_limits(u.level) {
        Some((min, max)) => {
            let mut s = t::IKU_COUNT.fill(&[("n", &n), ("min", &min), ("max", &max)]);
            if n < min || n > max {
                s.push_str(&format!(" — {}", t::IKU_COUNT_OUT.s()));
            }
            s
        }
        None => t::IKU_COUNT_NOLIMIT.fill(&[("n", &n)]),
    };
    lines.push(Line::raw(count));
    lines.push(Line::styled(t::PERSPECTIVES.s(), app.theme.title));
    for p in &score.perspectives {
        let st = p.value.map(|v| Status::of(v, &app.rb));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(
                format!("{} {:>6}", app.theme.mark(st), num2(app, p.value)),
                status_style(app, st),
            ),
            Span::raw(format!(
                "  {} {:>3}  {}",
                t::WEIGHT.s(),
                crate::tui::deps::format_exact(p.weight, app.locale),
                perspective_name(p.perspective)
            )),
        ]));
    }
    let top_h = (lines.len() as u16 + 2).min(area.height);
    let [top, k3] = Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(lines).block(block(app, t::DETAIL_TITLE.s())),
        top,
    );
    if k3.height >= 3 {
        super::k3::draw(frame, k3, app, code, score.nko);
    }
}

fn ss(frame: &mut Frame, area: Rect, app: &mut App, key: &CodeRef) {
    let Some(s) = app.ds.ss.get(key).cloned() else {
        return;
    };
    let score = app.unit_score(&key.unit).clone();
    let value = score.ss.get(&key.code).and_then(|x| x.value);
    let st = value.map(|v| Status::of(v, &app.rb));
    let head = vec![
        Line::from(Span::styled(
            format!("{} — {}", s.code, s.name),
            app.theme.title,
        )),
        Line::raw(format!(
            "{}: {}",
            t::PERSPECTIVES.s(),
            perspective_name(s.perspective)
        )),
        Line::from(vec![
            Span::styled(format!("{}: ", t::NILAI_SS.s()), app.theme.title),
            Span::styled(
                format!("{} {}", app.theme.mark(st), num2(app, value)),
                status_style(app, st),
            ),
        ]),
    ];
    let b = block(app, t::DETAIL_TITLE.s());
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let [h, tbl] = Layout::vertical([Constraint::Length(4), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(head), h);
    let rows: Vec<Row> = app
        .ds
        .iku_of_ss(key)
        .iter()
        .filter_map(|k| app.ds.iku.get(k))
        .map(|i| {
            let sc = score.iku.get(&i.code);
            let stt = sc.and_then(|x| x.status);
            Row::new(vec![
                Line::raw(format!("{} {}", app.theme.mark(stt), i.code)),
                Line::raw(exact(app, sc.and_then(|x| x.target))).right_aligned(),
                Line::raw(exact(app, sc.and_then(|x| x.realisasi))).right_aligned(),
                Line::styled(
                    num2(app, sc.and_then(|x| x.capaian)),
                    status_style(app, stt),
                )
                .right_aligned(),
                Line::styled(i.name.clone(), app.theme.dim),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "IKU",
        t::TARGET.s(),
        t::REALISASI.s(),
        t::CAPAIAN.s(),
        "",
    ])
    .style(app.theme.title);
    let table = Table::new(
        rows,
        [
            Constraint::Length(12),
            Constraint::Length(11),
            Constraint::Length(11),
            Constraint::Length(8),
            Constraint::Min(5),
        ],
    )
    .header(header)
    .style(Style::new());
    frame.render_widget(table, tbl);
}
