//! The IKU pane: the Manual IKU fields, the 12-month grid (Target, Realisasi, Capaian s.d.) and
//! the trajectory sparklines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::sparkline::Trajectory;
use super::{block, exact, num2, shown, status_style};
use crate::domain::rules::Finding;
use crate::domain::score::{effective_months, score_iku_by_month};
use crate::domain::{CodeRef, Iku};
use crate::text::tui as t;
use crate::tui::app::{App, EditKind, Focus, Node};

/// Width of the row-label column of the grid.
const LABEL_W: usize = 13;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, key: &CodeRef) {
    let Some(iku) = app.ds().iku.get(key).cloned() else {
        return;
    };
    let findings = app.node_findings(&Node::Iku(key.clone()));
    // R09 on the IKU: the title says it, whatever room the findings get below
    let title = if findings.iter().any(|f| f.id == "R09") {
        Line::from(vec![
            Span::raw(format!("IKU {} · {} — ", iku.code, iku.unit)),
            Span::styled(
                t::ADDENDUM_REQUIRED.s(),
                app.theme().yellow.patch(app.theme().title),
            ),
        ])
    } else {
        Line::raw(format!("IKU {} · {}", iku.code, iku.unit))
    };
    let b = block(app, title);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let mut fields = fields(app, &iku);
    // the findings come right under the name and its place: they matter more than the Manual
    // IKU text; the comparison of two periods comes next
    let width = inner.width as usize;
    let mut at = 2;
    for f in &findings {
        fields.insert(at, finding_whole(app, f));
        at += 1;
    }
    for l in compare_lines(app, &iku) {
        fields.insert(at, l);
        at += 1;
    }
    // the round of the month under the cursor — its state, the analysis, the evidence — after
    // the IKU's polarity, reporting period and validity, before its Manual IKU text
    let at = (at + 3).min(fields.len());
    let round = super::round::iku_month_lines(app, key, app.month());
    fields.splice(at..at, round);
    let (glines, per_page) = grid_lines(app, &iku, width);
    app.views.grid_page = per_page;
    let gh = glines.len() as u16 + 1;
    let frows = Paragraph::new(fields.clone())
        .wrap(ratatui::widgets::Wrap { trim: false })
        .line_count(inner.width) as u16;
    let fh = frows.min(inner.height.saturating_sub(gh + 3));
    let [f, g, s] = Layout::vertical([
        Constraint::Length(fh),
        Constraint::Length(gh),
        Constraint::Min(0),
    ])
    .areas(inner);
    super::scrolled(frame, f, app, fields);
    frame.render_widget(Paragraph::new(glines), g);
    if s.height >= 3 {
        let (targets, realisasi) = effective_months(app.ds(), &iku);
        let [title, spark] = Layout::vertical([
            Constraint::Length(s.height.saturating_sub(2).min(2)),
            Constraint::Length(2),
        ])
        .areas(s);
        let legend = if app.addendum().is_some() {
            t::ADD_LEGEND.s()
        } else {
            t::FROZEN_LEGEND.s()
        };
        let scale = super::sparkline::common_scale(&targets, &realisasi)
            .map(|(lo, hi)| {
                format!(
                    " ({})",
                    t::SPARK_SCALE
                        .fill(&[("lo", &exact(app, Some(lo))), ("hi", &exact(app, Some(hi)))])
                )
            })
            .unwrap_or_default();
        // the title, the scale and the legend wrap rather than being cut
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{}{scale}  {legend}", t::SPARK_TITLE.s()),
                app.theme().dim,
            ))
            .wrap(ratatui::widgets::Wrap { trim: true }),
            title,
        );
        frame.render_widget(
            Trajectory {
                target: &targets,
                realisasi: &realisasi,
                ascii: app.ascii(),
                target_style: app.theme().target_spark,
                realisasi_style: app.theme().realisasi_spark,
                label_style: app.theme().title,
            },
            spark,
        );
    }
}

/// The mark of a finding's severity in the tree and the panes: `!` error, `?` warning (readable
/// without colour, distinct from the status marks).
pub fn finding_mark(app: &App, severity: crate::domain::rulebook::Severity) -> Span<'static> {
    use crate::domain::rulebook::Severity;
    match severity {
        Severity::Error => Span::styled("!", app.theme().error),
        Severity::Warning => Span::styled("?", app.theme().yellow),
    }
}

/// The severity word of a finding.
pub fn severity_word(severity: crate::domain::rulebook::Severity) -> &'static str {
    match severity {
        crate::domain::rulebook::Severity::Error => t::SEVERITY_ERROR.s(),
        crate::domain::rulebook::Severity::Warning => t::SEVERITY_WARNING.s(),
    }
}

/// One finding whole (the pane wraps it): mark, id, severity, message.
pub fn finding_whole(app: &App, f: &Finding) -> Line<'static> {
    Line::from(vec![
        finding_mark(app, f.severity),
        Span::styled(
            format!(" {} {}: ", f.id, severity_word(f.severity)),
            app.theme().title,
        ),
        Span::raw(crate::text::reason::render(&f.reason)),
    ])
}

/// The comparison of the IKU's numbers at the comparison period and at the period, side by
/// side with the change (nothing when no comparison is chosen).
fn compare_lines(app: &App, iku: &Iku) -> Vec<Line<'static>> {
    let Some(c) = app.compare_period() else {
        return Vec::new();
    };
    let p = app.period();
    let a = crate::domain::score::score_iku(app.ds(), app.rb(), iku, c);
    let b = crate::domain::score::score_iku(app.ds(), app.rb(), iku, p);
    let th = app.theme().title;
    let line = |label: &str, va: String, vb: String, d: Option<String>| {
        Line::from(vec![
            Span::styled(format!("{label}: "), th),
            Span::raw(t::COMPARE_LINE.fill(&[
                ("a", &t::month_name(c)),
                ("va", &va),
                ("b", &t::month_name(p)),
                ("vb", &vb),
                ("d", &d.unwrap_or_else(|| super::dash(app).to_string())),
            ])),
        ])
    };
    let change = crate::tui::app::views::change;
    vec![
        line(
            t::CAPAIAN_SD.s(),
            num2(app, a.capaian),
            num2(app, b.capaian),
            change(a.capaian, b.capaian).map(|d| super::signed(app, d)),
        ),
        line(
            t::REALISASI.s(),
            exact(app, a.realisasi),
            exact(app, b.realisasi),
            change(a.realisasi, b.realisasi).map(|d| {
                let s = exact(app, Some(d));
                if d > rust_decimal::Decimal::ZERO {
                    format!("+{s}")
                } else {
                    s
                }
            }),
        ),
    ]
}

/// One finding on one line: mark, id, severity, message (cut at `width`).
pub fn finding_line(app: &App, f: &Finding, width: usize) -> Line<'static> {
    let head = format!(" {} {}: ", f.id, severity_word(f.severity));
    let room = width.saturating_sub(head.chars().count() + 1);
    let message = shown(&crate::text::reason::render(&f.reason));
    let mut msg: String = message.chars().take(room).collect();
    if message.chars().count() > room && room > 0 {
        msg.pop();
        msg.push('…');
    }
    Line::from(vec![
        finding_mark(app, f.severity),
        Span::styled(head, app.theme().title),
        Span::raw(msg),
    ])
}

fn fields(app: &App, iku: &Iku) -> Vec<Line<'static>> {
    let th = app.theme().title;
    let kv = |k: &str, v: String| {
        vec![
            Span::styled(format!("{k}: "), th),
            Span::raw(format!("{v}  ")),
        ]
    };
    let mut lines = vec![Line::from(Span::styled(shown(&iku.name), th))];
    // where the IKU is: its unit and its SS (after a search jump nothing else says it)
    let unit = app
        .ds()
        .units
        .get(&iku.unit)
        .map(|u| shown(&u.name))
        .unwrap_or_default();
    let ss = app
        .ds()
        .ss
        .get(&CodeRef::new(&iku.unit, &iku.ss))
        .map(|s| shown(&s.name))
        .unwrap_or_default();
    let mut place = kv(t::F_UNIT.s(), format!("{} — {unit}", iku.unit));
    place.extend(kv("SS", format!("{} — {ss}", iku.ss)));
    lines.push(Line::from(place));
    let mut l1 = kv(t::F_POLARITY.s(), iku.polarity.label().into());
    l1.extend(kv(
        t::F_CONSOLIDATION.s(),
        iku.period_consolidation.label().into(),
    ));
    lines.push(Line::from(l1));
    let mut l2 = kv(t::F_REPORTING.s(), iku.reporting_period.label().into());
    l2.extend(kv(t::F_UOM.s(), shown(&iku.unit_of_measure)));
    l2.extend(kv(t::WEIGHT.s(), exact(app, iku.weight)));
    lines.push(Line::from(l2));
    lines.push(Line::from(kv(
        t::F_VALIDITY.s(),
        crate::text::vocab::validity_control(iku.validity, iku.control),
    )));
    if iku.mandatory {
        lines.push(Line::styled(t::F_MANDATORY.s(), th));
    }
    if !iku.definition.is_empty() {
        lines.push(Line::from(kv(t::F_DEFINITION.s(), shown(&iku.definition))));
    }
    if !iku.formula.is_empty() {
        lines.push(Line::from(kv(t::F_FORMULA.s(), shown(&iku.formula))));
    }
    if !iku.data_source.is_empty() || !iku.responsible.is_empty() {
        let mut l = kv(t::F_SOURCE.s(), shown(&iku.data_source));
        l.extend(kv(t::F_RESPONSIBLE.s(), shown(&iku.responsible)));
        lines.push(Line::from(l));
    }
    if let Some(c) = &iku.cascade {
        lines.push(Line::from(kv(
            t::F_CASCADE.s(),
            format!("{} ({}, {})", c.from, c.method.label(), c.kind.label()),
        )));
    }
    if iku.rolls_up() {
        lines.push(Line::styled(
            t::F_ROLLUP.fill(&[("method", &iku.location_consolidation.label())]),
            app.theme().dim,
        ));
    }
    lines
}

/// The months shown when the pane is too narrow for twelve: the page of `n` months that holds
/// `cursor` (Jan–Apr, Mei–Agu, Sep–Des for four), the last page ending in December.
pub fn month_window(width: usize, col: usize, cursor: u8) -> std::ops::RangeInclusive<u8> {
    let n = (width.saturating_sub(LABEL_W) / col).clamp(1, 12);
    let start = ((cursor.clamp(1, 12) as usize - 1) / n * n).min(12 - n);
    (start as u8 + 1)..=(start + n) as u8
}

/// The rows Target / Realisasi / Capaian s.d. under a month header, for a pane `width` wide:
/// all twelve months in one block when they fit, else two half-year blocks (Jan–Jun over
/// Jul–Des), else a window of months around the cursor.
fn grid_lines(app: &App, iku: &Iku, width: usize) -> (Vec<Line<'static>>, u8) {
    let key = iku.key();
    let (targets, realisasi) = effective_months(app.ds(), iku);
    let caps: Vec<(
        Option<rust_decimal::Decimal>,
        Option<crate::domain::score::Status>,
    )> = score_iku_by_month(app.ds(), app.rb(), iku)
        .into_iter()
        .map(|s| (s.capaian, s.status))
        .collect();
    let grid_focus = app.focus() == Focus::Grid;
    let cursor = if grid_focus || app.editor().is_some() {
        app.month()
    } else {
        app.period()
    };
    let editing = app.editor().filter(|e| e.iku == key).cloned();
    let editing_target = editing.as_ref().filter(|e| e.kind == EditKind::Target);
    let editing_realisasi = editing.as_ref().filter(|e| e.kind == EditKind::Realisasi);
    // in the addendum mode the cursor is on the target row, which shows the pending targets
    let session = app.addendum().filter(|s| s.unit == key.unit);
    let pending: Vec<Option<Option<rust_decimal::Decimal>>> = (1..=12u8)
        .map(|m| session.and_then(|s| s.pending(&key.code, m)))
        .collect();
    let frozen = app.frozen_targets(iku);
    let with_cursor = |e: &crate::tui::app::CellEditor| {
        let mut b = e.buffer().to_string();
        let at = b
            .char_indices()
            .nth(e.input.cursor())
            .map_or(b.len(), |(i, _)| i);
        b.insert(at, if app.ascii() { '|' } else { '▏' });
        b
    };
    let t_text: Vec<String> = (1..=12u8)
        .map(|m| {
            let i = (m - 1) as usize;
            if let Some(e) = editing_target.filter(|e| e.month == m) {
                return with_cursor(e);
            }
            let mut s = match pending[i] {
                Some(v) => exact(app, v),
                None => exact(app, targets[i]),
            };
            if pending[i].is_some() {
                s.push('+');
            }
            if frozen[i] {
                s.push('*');
            }
            s
        })
        .collect();
    let r_text: Vec<String> = (1..=12u8)
        .map(|m| match editing_realisasi {
            Some(e) if e.month == m => with_cursor(e),
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
    let room = width.saturating_sub(LABEL_W) / col;
    let blocks: Vec<std::ops::RangeInclusive<u8>> = if room >= 12 {
        vec![1..=12]
    } else if room >= 6 {
        vec![1..=6, 7..=12]
    } else {
        vec![month_window(width, col, cursor)]
    };
    // a page of months: the header says that there are more before or after it
    let paged = blocks.len() == 1 && (*blocks[0].start() > 1 || *blocks[0].end() < 12);
    let per_page = blocks[0].clone().count() as u8;
    let page_mark = |w: &std::ops::RangeInclusive<u8>| -> String {
        if !paged {
            return String::new();
        }
        let (l, r) = if app.ascii() {
            ("<", ">")
        } else {
            ("◀", "▶")
        };
        let before = if *w.start() > 1 { l } else { " " };
        let after = if *w.end() < 12 { r } else { " " };
        format!("{before}{after}")
    };
    let cell = |s: &str| format!("{s:>col$}");
    let label = |s: &str| format!("{s:<LABEL_W$}");
    let mut lines = Vec::with_capacity(4 * blocks.len());
    for window in blocks {
        let mut header = vec![Span::styled(label(&page_mark(&window)), app.theme().title)];
        let mut trow = vec![Span::styled(label(t::TARGET.s()), app.theme().title)];
        let mut rrow = vec![Span::styled(label(t::REALISASI.s()), app.theme().title)];
        let mut crow = vec![Span::styled(label(t::CAPAIAN_SD.s()), app.theme().title)];
        for m in window {
            let i = (m - 1) as usize;
            let reporting = iku.reporting_period.is_reporting_month(m);
            let base = if reporting {
                Style::new()
            } else {
                app.theme().dim
            };
            let mut hs = app.theme().title;
            if m == app.period() {
                hs = hs.add_modifier(Modifier::UNDERLINED);
            }
            header.push(Span::styled(cell(t::month_name(m)), hs));
            let mut tstyle = if frozen[i] {
                base.patch(app.theme().frozen)
            } else {
                base
            };
            if pending[i].is_some() {
                tstyle = tstyle.patch(app.theme().title);
            }
            if session.is_some() && m == app.month() {
                tstyle = app.theme().selection;
                if editing_target.is_some_and(|e| e.error().is_some()) {
                    tstyle = tstyle.patch(app.theme().error);
                }
            }
            trow.push(Span::styled(cell(&t_text[i]), tstyle));
            let mut rstyle = if app.realisasi_frozen(&key, m) {
                base.patch(app.theme().frozen)
            } else {
                base
            };
            if session.is_none() && (grid_focus || editing.is_some()) && m == app.month() {
                rstyle = app.theme().selection;
                if editing.as_ref().is_some_and(|e| e.error().is_some()) {
                    rstyle = rstyle.patch(app.theme().error);
                }
            }
            rrow.push(Span::styled(cell(&r_text[i]), rstyle));
            let cst = if reporting {
                status_style(app, caps[i].1)
            } else {
                app.theme().dim
            };
            crow.push(Span::styled(cell(&c_text[i]), cst));
        }
        lines.extend([
            Line::from(header),
            Line::from(trow),
            Line::from(rrow),
            Line::from(crow),
        ]);
    }
    (lines, per_page)
}
