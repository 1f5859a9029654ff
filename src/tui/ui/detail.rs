//! The right pane: what the selection is, with its numbers for the period.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use super::grid::{finding_line, finding_mark, severity_word};
use super::{block, exact, field, lines_rows, num2, perspective_name, shown, status_style};
use crate::domain::CodeRef;
use crate::domain::k3::{K3Method, Plan};
use crate::domain::rules::Finding;
use crate::domain::score::{Status, round_to};
use crate::text::domain::completeness::{self, marked};
use crate::text::tui as t;
use crate::tui::app::{App, Node, Screen, TargetPlan};
use crate::tui::deps::{format_decimal, format_exact};
use rust_decimal::Decimal;

/// Rows the K3 panel keeps under the unit's findings.
const K3_MIN_ROWS: u16 = 7;
/// Rows the IKU pane keeps above the addendum's diff.
const IKU_MIN_ROWS: u16 = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let Some(node) = app.detail_node().cloned() else {
        frame.render_widget(block(app, t::DETAIL_TITLE.s()), area);
        return;
    };
    match node {
        Node::Unit(u) => unit(frame, area, app, &u),
        Node::Ss(k) => ss(frame, area, app, &k),
        Node::Iku(k) => {
            if app.addendum().is_some_and(|s| s.unit == k.unit) {
                let width = area.width.saturating_sub(2);
                let lines = addendum_lines(app);
                let want = lines_rows(&lines, width) + 2;
                let h = want.min(area.height.saturating_sub(IKU_MIN_ROWS)).max(3);
                let [top, bottom] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(area);
                super::grid::draw(frame, top, app, &k);
                addendum_pane(frame, bottom, app, lines);
            } else if !app.iku_inisiatif(&k).is_empty() {
                // the IS serving the IKU under its grid
                let width = area.width.saturating_sub(2);
                let lines = super::inisiatif::is_lines(app, &k, width);
                let want = lines_rows(&lines, width) + 2;
                let h = want.min(area.height.saturating_sub(IKU_MIN_ROWS)).max(3);
                let [top, bottom] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(area);
                super::grid::draw(frame, top, app, &k);
                super::inisiatif::draw_is(frame, bottom, app, lines);
            } else {
                super::grid::draw(frame, area, app, &k)
            }
        }
    }
}

/// The pending addendum: its changes (IKU, month, old → new) and the problems of the last
/// submission.
fn addendum_lines(app: &App) -> Vec<Line<'static>> {
    let Some(s) = app.addendum() else {
        return Vec::new();
    };
    let diff = app.addendum_diff();
    let mut lines = Vec::new();
    if diff.is_empty() {
        lines.push(Line::styled(t::ADD_NOTHING.s(), app.theme().dim));
    } else {
        lines.push(Line::styled(
            t::ADD_COUNT.fill(&[("n", &diff.len())]),
            app.theme().title,
        ));
        let w = diff
            .iter()
            .map(|d| d.iku.chars().count())
            .max()
            .unwrap_or(0);
        for d in &diff {
            lines.push(Line::from(vec![
                Span::raw(format!("  {:<w$}  {:<3}  ", d.iku, t::month_name(d.month))),
                Span::raw(exact(app, d.old)),
                Span::raw(" → "),
                Span::styled(exact(app, d.new), app.theme().title),
            ]));
        }
    }
    // while it is being submitted: the months it leaves frozen, then what it would create
    let question = match app.screen() {
        Screen::AddendumConfirm(q) => Some(Some(&**q)),
        Screen::AddendumDate(_) => Some(None),
        _ => None,
    };
    if let Some(q) = question {
        lines.extend(frozen_lines(app));
        if let Some(q) = q {
            lines.extend(created_lines(app, &q.created));
        }
    }
    // while a target is typed: which annual targets give which K3 value
    if let Some(p) = app.target_plan() {
        lines.extend(plan_lines(app, &p));
    }
    if !s.problems.is_empty() {
        lines.push(Line::styled(t::ADD_PROBLEMS.s(), app.theme().error));
        for p in &s.problems {
            lines.push(Line::from(vec![
                Span::styled("  - ", app.theme().error),
                Span::raw(p.clone()),
            ]));
        }
    }
    lines
}

/// The planning inverse of the IKU whose target is typed: its facts, one line per range of the
/// annual target with its multiplier (or points), `→` on the range the typed value gives.
fn plan_lines(app: &App, p: &TargetPlan) -> Vec<Line<'static>> {
    let locale = app.locale();
    let num = |d: Decimal| format_exact(d.normalize(), locale);
    let mut out = vec![Line::styled(
        t::ADD_PLAN_TITLE.fill(&[
            ("iku", &shown(&p.iku.code)),
            ("rulebook", &shown(&p.rulebook)),
            ("t", &p.annual.map_or_else(|| "–".to_string(), num)),
        ]),
        app.theme().title,
    )];
    match &p.plan {
        Plan::Ranges {
            method,
            t1,
            r1,
            rows,
        } => {
            out.push(Line::raw(match method {
                K3Method::Multiplier => {
                    t::ADD_PLAN_FACTS_127.fill(&[("t1", &num(*t1)), ("r1", &num(*r1))])
                }
                K3Method::Points => t::ADD_PLAN_FACTS_300.fill(&[("ref", &num(*t1))]),
            }));
            let here = p.annual.and_then(|a| p.plan.row_of(a));
            let texts: Vec<String> = rows.iter().map(|r| r.range.text(num)).collect();
            let width = texts.iter().map(|s| s.chars().count()).max().unwrap_or(0);
            let arrow = if app.ascii() { "->" } else { "→" };
            for (r, text) in rows.iter().zip(&texts) {
                let at = Some(r) == here;
                let value = match method {
                    K3Method::Multiplier => format_decimal(r.value, locale, 2),
                    K3Method::Points => num(r.value),
                };
                let best = if r.best {
                    format!("  ({})", t::ADD_PLAN_BEST.s())
                } else {
                    String::new()
                };
                let mark = if at { arrow } else { "" };
                let line = format!(
                    "{mark:<2} {text}{}  {value}{best}",
                    " ".repeat(width - text.chars().count())
                );
                out.push(if at {
                    Line::styled(line, app.theme().title)
                } else {
                    Line::raw(line)
                });
            }
        }
        Plan::Fixed { value, reason } => out.push(Line::raw(t::ADD_PLAN_FIXED.fill(&[
            ("v", &value.map_or_else(|| "–".to_string(), num)),
            ("reason", &crate::text::reason::render_parts(reason)),
        ]))),
        Plan::Unknown { reason } => {
            out.push(Line::raw(crate::text::reason::render_parts(reason)));
        }
    }
    out
}

/// The months the pending addendum leaves frozen (R10), one line per IKU it changes.
fn frozen_lines(app: &App) -> Vec<Line<'static>> {
    let frozen = app.addendum_frozen();
    if frozen.is_empty() {
        return vec![Line::styled(t::ADD_FROZEN_NONE.s(), app.theme().dim)];
    }
    let mut out = vec![Line::styled(t::ADD_FROZEN.s(), app.theme().title)];
    for (iku, months) in &frozen {
        out.push(Line::raw(format!(
            "  {}: {}",
            shown(iku),
            month_runs(months)
        )));
    }
    out
}

/// Months as runs of consecutive months: "Jan–Sep", "Mar, Jun, Sep".
fn month_runs(months: &[u8]) -> String {
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == m => *last = m,
            _ => runs.push((m, m)),
        }
    }
    runs.iter()
        .map(|&(a, b)| match b - a {
            0 => t::month_name(a).to_string(),
            1 => format!("{}, {}", t::month_name(a), t::month_name(b)),
            _ => format!("{}–{}", t::month_name(a), t::month_name(b)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The findings the addendum would create (`domain::rules::findings_created`), whole.
fn created_lines(app: &App, created: &[Finding]) -> Vec<Line<'static>> {
    if created.is_empty() {
        return vec![Line::styled(t::ADD_CREATED_NONE.s(), app.theme().dim)];
    }
    let mut out = vec![Line::styled(
        t::ADD_CREATED.fill(&[("n", &created.len())]),
        app.theme().error,
    )];
    for f in created {
        let place = match &f.iku {
            Some(iku) => format!("{}/{}", f.unit, iku),
            None => f.unit.clone(),
        };
        out.push(Line::from(vec![
            Span::raw("  "),
            finding_mark(app, f.severity),
            Span::styled(
                format!(
                    " {} {} {}: ",
                    f.id,
                    severity_word(f.severity),
                    shown(&place)
                ),
                app.theme().title,
            ),
            Span::raw(shown(&crate::text::reason::render(&f.reason))),
        ]));
    }
    out
}

fn addendum_pane(frame: &mut Frame, area: Rect, app: &App, lines: Vec<Line<'static>>) {
    let Some(s) = app.addendum() else { return };
    let from = app.ds().pk_version(&s.unit);
    let title = t::ADD_TITLE.fill(&[("unit", &s.unit), ("from", &from), ("to", &(from + 1))]);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, title)),
        area,
    );
}

/// The findings of a unit for its pane, in at most `rows` rows: whole messages when they fit,
/// else one cut line each, else as many as fit and how many more there are.
fn findings_lines(app: &App, findings: &[Finding], width: u16, rows: u16) -> Vec<Line<'static>> {
    if findings.is_empty() {
        return vec![Line::styled(t::FINDINGS_NONE.s(), app.theme().dim)];
    }
    let mut out = vec![Line::styled(
        t::FINDINGS_TITLE.fill(&[("n", &findings.len())]),
        app.theme().title,
    )];
    let whole: Vec<Line<'static>> = findings
        .iter()
        .map(|f| {
            Line::from(vec![
                finding_mark(app, f.severity),
                Span::styled(
                    format!(" {} {}: ", f.id, severity_word(f.severity)),
                    app.theme().title,
                ),
                Span::raw(shown(&crate::text::reason::render(&f.reason))),
            ])
        })
        .collect();
    if lines_rows(&whole, width) < rows {
        out.extend(whole);
        return out;
    }
    let room = rows.saturating_sub(1) as usize;
    if findings.len() <= room {
        out.extend(
            findings
                .iter()
                .map(|f| finding_line(app, f, width as usize)),
        );
        return out;
    }
    let shown = room.saturating_sub(1);
    out.extend(
        findings[..shown]
            .iter()
            .map(|f| finding_line(app, f, width as usize)),
    );
    out.push(Line::styled(
        t::FINDINGS_MORE.fill(&[("n", &(findings.len() - shown))]),
        app.theme().dim,
    ));
    out
}

fn unit(frame: &mut Frame, area: Rect, app: &mut App, code: &str) {
    let Some(u) = app.ds().units.get(code).cloned() else {
        return;
    };
    let score = app.unit_score(code).clone();
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(
        format!("{} — {}", shown(&u.code), shown(&u.name)),
        app.theme().title,
    ))];
    lines.push(field(app, t::LEVEL.s(), u.level.label()));
    let st = score.nko.map(|n| Status::of(n, app.rb()));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", t::NKO.s()), app.theme().title),
        Span::styled(
            format!(
                "{} {}",
                app.theme().mark(st),
                marked(num2(app, score.nko), &score.missing)
            ),
            status_style(app, st),
        ),
        Span::raw(format!(
            "   {}: {}",
            t::PREDIKAT.s(),
            score.predikat.clone().unwrap_or_else(|| "–".into())
        )),
    ]));
    if let Some(l) = compare_nko(app, code, score.nko) {
        lines.push(l);
    }
    if !score.missing.is_empty() {
        lines.push(Line::styled(
            completeness::NOTE.fill(&[("missing", &completeness::list(&score.missing, 6))]),
            app.theme().error,
        ));
    }
    let n = app.ds().iku_of_unit(code).count() as u32;
    let count = match app.rb().iku_limits(u.level) {
        Some((min, max)) => {
            let text = t::IKU_COUNT.fill(&[("n", &n), ("min", &min), ("max", &max)]);
            if n < min || n > max {
                Line::from(vec![
                    Span::raw(text),
                    Span::styled(format!(" — {}", t::IKU_COUNT_OUT.s()), app.theme().error),
                ])
            } else {
                Line::raw(text)
            }
        }
        None => Line::raw(t::IKU_COUNT_NOLIMIT.fill(&[("n", &n)])),
    };
    lines.push(count);
    lines.push(Line::styled(t::PERSPECTIVES.s(), app.theme().title));
    for p in &score.perspectives {
        let st = p.value.map(|v| Status::of(v, app.rb()));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(
                format!(
                    "{} {:>7}",
                    app.theme().mark(st),
                    marked(num2(app, p.value), &p.missing)
                ),
                status_style(app, st),
            ),
            Span::raw(format!(
                "  {} {:>3}  {}",
                t::WEIGHT.s(),
                crate::tui::deps::format_exact(p.weight, app.locale()),
                perspective_name(p.perspective)
            )),
        ]));
    }
    let width = area.width.saturating_sub(2);
    let findings = app.unit_findings(code).to_vec();
    // every finding whole: what does not fit scrolls (the last row says so)
    let flines = findings_lines(app, &findings, width, u16::MAX);
    lines.extend(flines);
    // the Rincian Anggaran: absorption against plan, per line and in total
    lines.extend(super::inisiatif::budget_lines(app, code));
    let rows = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: false })
        .line_count(width) as u16;
    let room = area.height.saturating_sub(K3_MIN_ROWS).max(area.height / 2);
    let top_h = (rows + 2).min(room);
    let [top, k3] = Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(area);
    let b = block(app, t::DETAIL_TITLE.s());
    let inner = b.inner(top);
    frame.render_widget(b, top);
    super::scrolled(frame, inner, app, lines);
    if k3.height >= 3 {
        super::k3::draw(frame, k3, app, code, score.nko);
    }
}

/// "Perbandingan: Jun 95,00 → Sep 98,00 (perubahan +3,00)" for a unit's NKO, when a
/// comparison period is chosen.
fn compare_nko(
    app: &mut App,
    code: &str,
    now: Option<rust_decimal::Decimal>,
) -> Option<Line<'static>> {
    let c = app.compare_period()?;
    let before = app.compare_score(code)?.nko;
    Some(compare_line(
        app,
        &format!("{} NKO", t::COMPARE_TITLE.s()),
        c,
        before,
        now,
    ))
}

/// One comparison line: the label, both periods' values and the change.
fn compare_line(
    app: &App,
    label: &str,
    c: u8,
    before: Option<rust_decimal::Decimal>,
    now: Option<rust_decimal::Decimal>,
) -> Line<'static> {
    let d = crate::tui::app::views::change(before, now);
    Line::from(vec![
        Span::styled(format!("{label}: "), app.theme().title),
        Span::raw(t::COMPARE_LINE.fill(&[
            ("a", &t::month_name(c)),
            ("va", &num2(app, before)),
            ("b", &t::month_name(app.period())),
            ("vb", &num2(app, now)),
            (
                "d",
                &d.map_or_else(|| super::dash(app).to_string(), |d| super::signed(app, d)),
            ),
        ])),
    ])
}

fn ss(frame: &mut Frame, area: Rect, app: &mut App, key: &CodeRef) {
    let Some(s) = app.ds().ss.get(key).cloned() else {
        return;
    };
    let score = app.unit_score(&key.unit).clone();
    let value = score.ss.get(&key.code).and_then(|x| x.value);
    let missing = score
        .ss
        .get(&key.code)
        .map(|x| x.missing.clone())
        .unwrap_or_default();
    let st = value.map(|v| Status::of(v, app.rb()));
    let head = vec![
        Line::from(Span::styled(
            format!("{} — {}", shown(&s.code), shown(&s.name)),
            app.theme().title,
        )),
        Line::raw(format!(
            "{}: {}",
            t::PERSPECTIVES.s(),
            perspective_name(s.perspective)
        )),
        Line::from(vec![
            Span::styled(format!("{}: ", t::NILAI_SS.s()), app.theme().title),
            Span::styled(
                format!(
                    "{} {}",
                    app.theme().mark(st),
                    marked(num2(app, value), &missing)
                ),
                status_style(app, st),
            ),
            Span::styled(
                if missing.is_empty() {
                    String::new()
                } else {
                    format!(
                        "  {}",
                        completeness::NOTE.fill(&[("missing", &completeness::list(&missing, 3))])
                    )
                },
                app.theme().error,
            ),
        ]),
    ];
    let mut head = head;
    let cmp = app.compare_period();
    let before_score = cmp.and_then(|_| app.compare_score(&key.unit).cloned());
    if let (Some(c), Some(bs)) = (cmp, &before_score) {
        let before = bs.ss.get(&key.code).and_then(|x| x.value);
        head.push(compare_line(
            app,
            &format!("{} {}", t::COMPARE_TITLE.s(), t::NILAI_SS.s()),
            c,
            before,
            value,
        ));
    }
    let b = block(app, t::DETAIL_TITLE.s());
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let head_rows = Paragraph::new(head.clone())
        .wrap(Wrap { trim: false })
        .line_count(inner.width) as u16
        + 1;
    let [h, tbl] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), h);
    let ikus: Vec<crate::domain::Iku> = app.ds().ikus_in_ss(key).cloned().collect();
    // rows that do not fit scroll with the detail keys; the last row says how many are left
    let fit = tbl.height.saturating_sub(1) as usize;
    let overflow = ikus.len() > fit;
    let visible = if overflow { fit.saturating_sub(1) } else { fit };
    let max = ikus.len().saturating_sub(visible) as u16;
    app.clamp_detail_scroll(max);
    let skip = app.detail_scroll().min(max) as usize;
    let mut rows: Vec<Row> =
        ikus.iter()
            .skip(skip)
            .take(visible)
            .map(|i| {
                let sc = score.iku.get(&i.code);
                let stt = sc.and_then(|x| x.status);
                let now = sc.and_then(|x| x.capaian);
                let mut cells = vec![
                    Line::raw(format!("{} {}", app.theme().mark(stt), i.code)),
                    // an average's repeating fraction is cut at 4 places for reading, as the
                    // report does (the column would cut it without a mark)
                    Line::raw(exact(
                        app,
                        sc.and_then(|x| x.target).map(|d| round_to(d, 4)),
                    ))
                    .right_aligned(),
                    Line::raw(exact(
                        app,
                        sc.and_then(|x| x.realisasi).map(|d| round_to(d, 4)),
                    ))
                    .right_aligned(),
                    Line::styled(num2(app, now), status_style(app, stt)).right_aligned(),
                ];
                if let Some(bs) = &before_score {
                    let before = bs.iku.get(&i.code).and_then(|x| x.capaian);
                    cells.push(Line::raw(num2(app, before)).right_aligned());
                    cells.push(
                        Line::raw(crate::tui::app::views::change(before, now).map_or_else(
                            || super::dash(app).to_string(),
                            |d| super::signed(app, d),
                        ))
                        .right_aligned(),
                    );
                }
                cells.push(Line::styled(shown(&i.name), app.theme().dim));
                Row::new(cells)
            })
            .collect();
    let left = ikus.len().saturating_sub(skip + visible);
    if overflow {
        let (down, up) = if app.ascii() {
            ("v", "^")
        } else {
            ("▼", "▲")
        };
        let mark = if left > 0 {
            format!("{down} {left} {}", t::MORE_BELOW.s())
        } else {
            format!("{up} {}", t::MORE_ABOVE.s())
        };
        rows.push(Row::new(vec![Line::styled(mark, app.theme().title)]));
    }
    let mut header = vec![
        "IKU".to_string(),
        t::TARGET.s().to_string(),
        t::REALISASI.s().to_string(),
        t::CAPAIAN.s().to_string(),
    ];
    let mut widths = vec![
        Constraint::Length(12),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(8),
    ];
    if let Some(c) = cmp {
        // the capaian at the comparison month, under its name
        header.push(format!("{:>7}", t::month_name(c)));
        header.push(t::CHANGE_COL.s().to_string());
        widths.push(Constraint::Length(8));
        widths.push(Constraint::Length(7));
    }
    header.push(String::new());
    widths.push(Constraint::Min(5));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(app.theme().title))
        .style(Style::new());
    frame.render_widget(table, tbl);
}
